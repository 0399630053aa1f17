"""Hostile audit tables (issue 16, item 3): one clear line, never a traceback or a hang.

A row that cannot be read (bytes that are not UTF-8, JSON that is not an
object or is nested 100,000 deep, a row longer than the documented limit)
is one line on stderr naming the file and the line (or Parquet row), a row
in the output whose `error` says why, and exit code 2, while every other
row is audited. A file that cannot be read at all (UTF-16 or UTF-32, a
corrupt Parquet file, a FIFO) and an output that cannot be written (a full
disk) are one line and exit code 2, and leave no output file, partial or
temporary. The audit runs in this process, so that an exception fails the
test with its traceback.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import decimal
import errno
import io
import json
import os
import time
import tracemalloc

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hypelint.audit import AuditError, Unreadable, lines, writer
from hypelint.audit.tables import read_batches
from hypelint.runtime import atomic

from .conftest import Outcome
from .growth import assert_linear

GOOD = "The most advanced AI ever built will replace radiologists within five years."


@pytest.fixture
def audit(capsys, tmp_path, monkeypatch):
    """audit(table, *args, output=...) runs `hypelint audit TABLE --text-field body
    --quiet --output OUT *args` in this process (in tmp_path)."""
    from hypelint.cli import main

    monkeypatch.chdir(tmp_path)

    def run(table: str, *args: str, output: str = "out.jsonl") -> Outcome:
        capsys.readouterr()
        code = main(["audit", table, "--text-field", "body", "--quiet", "--output", output, *args])
        out, err = capsys.readouterr()
        return Outcome(code, out, err)

    return run


def rows_of(path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def jsonl(*items: dict) -> bytes:
    return b"".join(json.dumps(item).encode() + b"\n" for item in items)


def counted(count: int) -> str:
    return f"hypelint: {count} article{'s' if count != 1 else ''} could not be audited (see the 'error' column of out.jsonl)"


def assert_only_these_failed(tmp_path, outcome: Outcome, bad: dict[int, str], total: int, table: str):
    """Rows at the indexes of `bad` failed with those errors, each named on stderr; all others audited."""
    assert outcome.code == 2
    assert outcome.errors == [f"hypelint: error: {table}: {error}" for error in bad.values()] + [counted(len(bad))]
    rows = rows_of(tmp_path / "out.jsonl")
    assert len(rows) == total
    for index, row in enumerate(rows):
        if index in bad:
            assert (row["id"], row["error"], row["findings"]) == (None, bad[index], 0)
        else:
            assert row["error"] is None and row["findings"] > 0, row


# --- rows that cannot be read --------------------------------------------------------------


def test_invalid_utf8_in_a_jsonl_row(tmp_path, audit):
    bad = b'{"id": 2, "body": "Caf\xe9 society"}\n'
    (tmp_path / "articles.jsonl").write_bytes(jsonl({"id": 1, "body": GOOD}) + bad + jsonl({"id": 3, "body": GOOD}))
    outcome = audit("articles.jsonl")
    assert_only_these_failed(tmp_path, outcome, {1: "line 2: not valid UTF-8 (byte 0xe9)"}, 3, "articles.jsonl")
    assert [row["id"] for row in rows_of(tmp_path / "out.jsonl")] == [1, None, 3]


def test_invalid_utf8_in_a_csv_row_even_inside_a_quoted_field(tmp_path, audit):
    # Row 2's text runs over lines 3-5 with the bad byte on line 4: the rows after it are read as rows.
    (tmp_path / "articles.csv").write_bytes(
        b"id,body\n1," + GOOD.encode() + b'\n2,"First line,\nCaf\xe9 line\nlast line"\n3,' + GOOD.encode() + b"\n"
        b"4,\"" + GOOD.encode() + b'\nstill row 4"\n')  # fmt: skip
    outcome = audit("articles.csv")
    assert_only_these_failed(tmp_path, outcome, {1: "line 4: not valid UTF-8 (byte 0xe9)"}, 4, "articles.csv")
    assert [row["id"] for row in rows_of(tmp_path / "out.jsonl")] == ["1", None, "3", "4"]


def test_json_nested_100000_deep_is_a_bad_row(tmp_path, audit):
    deep = b'{"id": 2, "body": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    (tmp_path / "articles.jsonl").write_bytes(jsonl({"id": 1, "body": GOOD}) + deep + jsonl({"id": 3, "body": GOOD}))
    outcome = audit("articles.jsonl")
    assert_only_these_failed(tmp_path, outcome, {1: "line 2: JSON nested too deeply"}, 3, "articles.jsonl")


def test_lines_that_are_not_json_objects_are_bad_rows(tmp_path, audit):
    (tmp_path / "articles.jsonl").write_bytes(
        jsonl({"id": 1, "body": GOOD}) + b"not json\n\n[1, 2]\n" + jsonl({"id": 5, "body": GOOD}, {"id": 6}))
    outcome = audit("articles.jsonl")
    bad = {1: "line 2: not JSON (Expecting value at column 1)",
           2: "line 4: not a JSON object", 4: "line 6: has no field 'body' (--text-field)"}  # fmt: skip
    assert_only_these_failed(tmp_path, outcome, bad, 5, "articles.jsonl")


def test_a_number_of_thousands_of_digits_is_a_bad_row(tmp_path, audit):
    (tmp_path / "articles.jsonl").write_bytes(jsonl({"id": 1, "body": GOOD}) + b'{"id": ' + b"7" * 5000 + b"}\n")
    outcome = audit("articles.jsonl")
    reason = "line 2: not JSON (Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits)"
    assert_only_these_failed(tmp_path, outcome, {1: reason}, 2, "articles.jsonl")


@pytest.mark.parametrize("header,reason", [(b"id,b\xf6dy\n", "not valid UTF-8 (byte 0xf6)"),
                                           (b"id," + b"x" * 10_001 + b"\n", "longer than 10,000 characters; not read")])
def test_a_csv_header_that_cannot_be_read_is_one_line(tmp_path, audit, small_limit, header, reason):
    (tmp_path / "articles.csv").write_bytes(header + b"1," + GOOD.encode() + b"\n")
    outcome = audit("articles.csv")
    assert (outcome.code, outcome.errors) == (2, [f"hypelint: error: articles.csv: the header, line 1: {reason}"])
    assert sorted(os.listdir(tmp_path)) == ["articles.csv"]


def test_bad_rows_cross_to_worker_processes_and_are_counted_for_the_progress_bar(tmp_path, monkeypatch):
    from hypelint.audit.run import audit
    from hypelint.audit.tables import count_rows
    from hypelint.config import Config
    from hypelint.runtime import runner

    monkeypatch.setattr(runner, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr("hypelint.audit.tables.BATCH", 2)
    table = tmp_path / "articles.jsonl"
    table.write_bytes(jsonl({"id": 1, "body": GOOD}) + b'{"id": 2, "body": "\xff"}\nnope\n' + jsonl({"id": 4, "body": GOOD}))
    summary = audit(str(table), str(tmp_path / "out.jsonl"), "body", "id", Config(), jobs=2)
    assert summary.first_unreadable == ["line 2: not valid UTF-8 (byte 0xff)", "line 3: not JSON (Expecting value at column 1)"]
    assert [row["error"] for row in rows_of(tmp_path / "out.jsonl")] == [None, *summary.first_unreadable, None]
    assert count_rows(str(table), "jsonl", "body", "id") == 4


def test_a_table_whose_name_is_not_utf8_is_named_escaped(tmp_path, audit):
    name = os.fsdecode(b"articles-\xff.jsonl")  # as the command line gets it: a lone surrogate
    (tmp_path / name).write_bytes(jsonl({"id": 1, "body": GOOD}) + b"nope\n")
    outcome = audit(name, output=os.fsdecode(b"out-\xff.jsonl"))
    assert outcome.code == 2
    assert outcome.errors == ["hypelint: error: articles-\\xff.jsonl: line 2: not JSON (Expecting value at column 1)",
                              "hypelint: 1 article could not be audited (see the 'error' column of out-\\xff.jsonl)"]


def test_many_bad_rows_are_named_ten_at_a_time(tmp_path, audit):
    (tmp_path / "articles.jsonl").write_bytes(jsonl({"id": 1, "body": GOOD}) + b"junk\n" * 25)
    outcome = audit("articles.jsonl")
    assert outcome.code == 2
    assert outcome.errors[:10] == [f"hypelint: error: articles.jsonl: line {n}: not JSON (Expecting value at column 1)"
                                   for n in range(2, 12)]  # fmt: skip
    assert outcome.errors[10:] == ["hypelint: error: articles.jsonl: 15 more rows could not be read", counted(25)]


# --- rows over the size limit ----------------------------------------------------------------


@pytest.fixture
def small_limit(monkeypatch):
    """A row limit of 10,000 characters, so that a row over it is small enough to make quickly."""
    monkeypatch.setattr(lines, "MAX_ROW", 10_000)
    return 10_000


def test_a_jsonl_line_over_the_limit_is_reported_not_read(tmp_path, audit, small_limit):
    huge = {"id": 2, "body": "word " * small_limit}
    (tmp_path / "articles.jsonl").write_bytes(jsonl({"id": 1, "body": GOOD}, huge, {"id": 3, "body": GOOD}))
    outcome = audit("articles.jsonl")
    assert_only_these_failed(tmp_path, outcome, {1: "line 2: longer than 10,000 characters; not read"}, 3, "articles.jsonl")


@pytest.mark.parametrize("shape", ["one line", "many lines"])
def test_a_csv_field_over_the_limit_is_reported_and_the_next_rows_read(tmp_path, audit, small_limit, shape):
    # A quoted field over the limit, on one line or on many, with quotes inside it: the
    # reader reads on to where the record ends and the next rows are read as rows.
    words = 'a "quoted" word ' if shape == "one line" else 'a "quoted" word\n'
    huge = '2,"' + words.replace('"', '""') * small_limit + '"\n'
    (tmp_path / "articles.csv").write_text(f"id,body\n1,{GOOD}\n{huge}3,{GOOD}\n4,\"{GOOD}\nline two\"\n", encoding="utf-8")
    outcome = audit("articles.csv")
    assert_only_these_failed(tmp_path, outcome, {1: "line 3: longer than 10,000 characters; not read"}, 4, "articles.csv")
    assert [row["id"] for row in rows_of(tmp_path / "out.jsonl")] == ["1", None, "3", "4"]


def test_a_parquet_text_over_the_limit_is_reported_not_linted(tmp_path, audit, small_limit):
    articles = [{"id": "a", "body": GOOD}, {"id": "b", "body": "word " * small_limit}, {"id": "c", "body": GOOD}]
    pq.write_table(pa.Table.from_pylist(articles), tmp_path / "articles.parquet")
    outcome = audit("articles.parquet")
    assert outcome.code == 2
    assert outcome.errors == ["hypelint: error: articles.parquet: row 2: longer than 10,000 characters; not read", counted(1)]
    assert [(row["id"], row["error"]) for row in rows_of(tmp_path / "out.jsonl")] == [
        ("a", None), ("b", "row 2: longer than 10,000 characters; not read"), ("c", None)]  # fmt: skip


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_a_field_over_the_limit_is_never_held_whole(tmp_path, small_limit, kind):
    """20 MB in one field: reading the table holds a small part of it at a time."""
    size = 20_000_000
    path = tmp_path / f"articles.{kind}"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f'{{"id": 1, "body": "{"a" * size}"}}\n' if kind == "jsonl" else f'id,body\n1,"{"a" * size}"\n')
        handle.write('{"id": 2, "body": "fine"}\n' if kind == "jsonl" else "2,fine\n")
    tracemalloc.start()
    try:
        records = [record for batch in read_batches(str(path), kind, "body", "id") for record in batch]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [ident for ident, _ in records] == [None, 2 if kind == "jsonl" else "2"]
    assert peak < size / 4, f"{peak:,} bytes held for a {size:,}-byte field"


@pytest.mark.parametrize("limit", [10_000, 10_000_000], ids=["over the limit", "under it"])
def test_reading_a_table_with_one_huge_field_grows_linearly(tmp_path, monkeypatch, limit):
    """One CSV field of many short quoted lines, each handed to the reader on
    its own: read past when the field is over the row limit, read and kept when
    it is under. At 1x and 4x the lines, the time must grow with the size, not
    its square. (A JSONL line has no such lines: it is read past in pieces of
    a megabyte, at the speed of the file system.)"""
    monkeypatch.setattr(lines, "MAX_ROW", limit)

    def table(lines_in_field: int) -> str:
        path = tmp_path / f"{lines_in_field}.csv"
        path.write_text('id,body\n1,"' + 'a ""b"" c\n' * lines_in_field + f'"\n2,{GOOD}\n', encoding="utf-8")
        return str(path)

    def read(path: str):
        def run():
            records = [record for batch in read_batches(path, "csv", "body", "id") for record in batch]
            assert [ident for ident, _ in records] == [None if limit == 10_000 else "1", "2"]
        return run

    tables = {n: table(n) for n in (200_000, 800_000)}
    assert_linear(lambda n: read(tables[n]), 200_000, "one huge CSV field")


@pytest.mark.large
def test_a_100_mb_field_is_reported_and_skipped(tmp_path, audit):
    """The field of the issue's report (which ran past 600 s): over the row
    limit, it is named and skipped, and the other rows are audited."""
    with open(tmp_path / "articles.csv", "w", encoding="utf-8") as handle:
        handle.write(f"id,body\n1,{GOOD}\n2,\"")
        for _ in range(100):
            handle.write("A revolutionary idea. " * 45_455)  # 1 MB
        handle.write(f"\"\n3,{GOOD}\n")
    outcome = audit("articles.csv")
    assert_only_these_failed(tmp_path, outcome, {1: "line 3: longer than 4,000,000 characters; not read"}, 3, "articles.csv")


# --- any bytes at all ----------------------------------------------------------------------------

_PIECES = [b'"', b'""', b",", b"\n", b"\r\n", b"\r", b"\n\n", b"word", b" ", b"id", b"body", b"\xe9", b"\xff",
           b"\xc3", b"\xef\xbb\xbf", b"\x00", "é😀".encode(), b"{", b"}", b"[", b":", b'"id"', b'"body"', b"1"]  # fmt: skip
TABLE_BYTES = st.lists(st.sampled_from(_PIECES) | st.binary(max_size=3), max_size=60).map(b"".join)
PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


def _records(path: str, kind: str) -> list:
    return [record for batch in read_batches(path, kind, "body", "id") for record in batch]


@PROPERTY
@given(body=TABLE_BYTES, header=st.sampled_from([b"id,body\n", b'"id","body"\r\n', b"body,x,id\r"]))
def test_any_csv_reads_as_the_csv_module_reads_it(tmp_path_factory, body, header):
    """Whatever the bytes after a header, the rows are the csv module's rows of
    the same text (bytes that are not UTF-8 held as escapes), a row holding
    such bytes is Unreadable, and nothing but an AuditError is raised."""
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_bytes(header + body)
    records = _records(str(path), "csv")
    text = (header + body).decode("utf-8", "surrogateescape").removeprefix("\ufeff")
    rows = [row for row in csv.reader(io.StringIO(text, newline="")) if row]
    names = {name: index for index, name in enumerate(rows[0])}
    assert len(records) == len(rows) - 1
    for (ident, value), row in zip(records, rows[1:]):
        if any("\udc80" <= char <= "\udcff" for cell in row for char in cell):
            assert ident is None and isinstance(value, Unreadable) and "not valid UTF-8" in value.reason
        else:
            cell = [row[names[field]] if names[field] < len(row) else None for field in ("id", "body")]
            assert (ident, value) == tuple(cell)


@PROPERTY
@given(data=TABLE_BYTES, limit=st.integers(1, 12))
def test_any_table_with_a_tiny_row_limit_gives_rows_or_one_clear_error(tmp_path_factory, monkeypatch, data, limit):
    """With rows of at most a dozen characters, any bytes as JSONL or CSV give
    records whose texts fit (anything longer is Unreadable) or an AuditError."""
    monkeypatch.setattr(lines, "MAX_ROW", limit)
    folder = tmp_path_factory.mktemp("tiny")
    for kind in ("jsonl", "csv"):
        path = folder / f"t.{kind}"
        path.write_bytes(b'{"id": 1, "body": "a"}\n' + data if kind == "jsonl" else b"id,body\n" + data)
        try:
            records = _records(str(path), kind)
        except AuditError:
            continue
        for _, value in records:
            assert value is None or isinstance(value, Unreadable) or len(value) <= limit


@PROPERTY
@given(data=TABLE_BYTES)
def test_any_jsonl_gives_a_row_for_each_line_that_is_not_blank(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("jsonl") / "t.jsonl"
    path.write_bytes(b'{"id": 1, "body": "a"}\n' + data)
    try:
        records = _records(str(path), "jsonl")
    except AuditError as exc:  # a byte order mark of UTF-16 or UTF-32 can only come first
        raise AssertionError(f"the first line is a good row: {exc}") from None
    text = data.decode("utf-8", "surrogateescape")
    assert len(records) == 1 + sum(1 for line in io.StringIO(text, newline="") if line.strip())
    assert records[0] == (1, "a")


# --- files that cannot be read at all ---------------------------------------------------------


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
@pytest.mark.parametrize("encoding,name", [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32"),
                                           ("utf-32-be", "UTF-32")])  # fmt: skip
def test_a_utf16_or_utf32_table_is_refused_naming_its_encoding(tmp_path, audit, kind, encoding, name):
    text = json.dumps({"id": 1, "body": GOOD}) + "\n" if kind == "jsonl" else f"id,body\n1,{GOOD}\n"
    bom = "\ufeff" if encoding.endswith("-be") else ""  # the plain codecs write their own
    (tmp_path / f"articles.{kind}").write_bytes((bom + text).encode(encoding))
    outcome = audit(f"articles.{kind}")
    assert outcome.code == 2
    assert outcome.errors == [f"hypelint: error: articles.{kind}: {name} text (it begins with a {name} byte order mark); "
                              "convert it to UTF-8"]  # fmt: skip
    assert sorted(os.listdir(tmp_path)) == [f"articles.{kind}"]


def test_a_utf8_byte_order_mark_is_read(tmp_path, audit):
    (tmp_path / "articles.csv").write_bytes(b"\xef\xbb\xbfid,body\n1," + GOOD.encode() + b"\n")
    outcome = audit("articles.csv")
    assert (outcome.code, outcome.errors) == (0, [])
    assert rows_of(tmp_path / "out.jsonl")[0]["id"] == "1"


def _corrupt_parquet(path) -> None:
    """A Parquet file whose footer reads but whose first data page is garbage."""
    articles = [{"id": n, "body": f"{GOOD} Number {n}."} for n in range(200)]
    pq.write_table(pa.Table.from_pylist(articles), path, row_group_size=50)
    data = bytearray(path.read_bytes())
    start = pq.ParquetFile(path).metadata.row_group(0).column(1).data_page_offset
    data[start:start + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))


def test_a_corrupt_parquet_file_is_one_line(tmp_path, audit):
    _corrupt_parquet(tmp_path / "articles.parquet")
    outcome = audit("articles.parquet")
    assert outcome.code == 2
    assert len(outcome.errors) == 1
    assert outcome.errors[0].startswith("hypelint: error: articles.parquet: cannot read the Parquet file (")
    assert sorted(os.listdir(tmp_path)) == ["articles.parquet"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_as_input_is_refused_not_waited_on(tmp_path, audit):
    os.mkfifo(tmp_path / "articles.jsonl")
    outcome = audit("articles.jsonl")
    assert (outcome.code, outcome.errors) == (2, ["hypelint: error: articles.jsonl: not a regular file"])


# --- output that cannot be written --------------------------------------------------------------


class _FullDisk(io.RawIOBase):
    """A file on a full disk: every write fails with ENOSPC."""

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_a_full_disk_is_one_line_and_leaves_no_file(tmp_path, audit, monkeypatch, kind):
    """The output's temporary file is made (and then removed) as usual; what
    is written to it goes to a disk that is full."""
    # 40 rows: more than a buffer's 8 KB in JSONL, so that the disk is found full while rows are written.
    (tmp_path / "articles.jsonl").write_bytes(jsonl(*({"id": n, "body": GOOD} for n in range(40))))
    (tmp_path / f"out.{kind}").write_bytes(b"the previous results")

    @contextlib.contextmanager
    def full_disk(path, mode, **options):
        with atomic.writing(path, mode, **options):  # its temporary file, which must not stay
            full = io.BufferedWriter(_FullDisk())
            if "b" not in mode:
                full = io.TextIOWrapper(full, encoding=options["encoding"], newline=options["newline"])
            with full:  # closed, and so written out, as the real file would be
                yield full

    monkeypatch.setattr(writer, "writing", full_disk)
    outcome = audit("articles.jsonl", output=f"out.{kind}")
    assert outcome.code == 2
    assert outcome.errors == [f"hypelint: error: --output out.{kind}: cannot write (No space left on device)"]
    assert sorted(os.listdir(tmp_path)) == ["articles.jsonl", f"out.{kind}"]
    assert (tmp_path / f"out.{kind}").read_bytes() == b"the previous results"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_dev_full_as_output_is_one_line(tmp_path, audit, kind):
    """/dev/full (through a link with a table's suffix) is written in place, and is full."""
    (tmp_path / "articles.jsonl").write_bytes(jsonl({"id": 1, "body": GOOD}))
    os.symlink("/dev/full", tmp_path / f"full.{kind}")
    outcome = audit("articles.jsonl", output=f"full.{kind}")
    assert outcome.code == 2
    assert outcome.errors == [f"hypelint: error: --output full.{kind}: cannot write (No space left on device)"]
    assert sorted(os.listdir(tmp_path)) == ["articles.jsonl", f"full.{kind}"]


def _read_ids(out) -> list:
    if out.suffix == ".parquet":
        return [row["id"] for row in pq.read_table(out).to_pylist()]
    if out.suffix == ".csv":
        return [row["id"] for row in csv.DictReader(open(out, encoding="utf-8", newline=""))]
    return [row["id"] for row in rows_of(out)]


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_ids_of_any_type_are_written_as_text_in_every_format(tmp_path, audit, kind):
    """Parquet's dates, decimals, bytes and structs, and JSON's lists, objects and
    numbers past 64 bits, cannot all go into each format (json.dumps knew no
    dates; Parquet no 70-bit integer): any id but text, a number, true or false is written as text."""
    columns = {
        "stamp": pa.array([datetime.datetime(2024, 5, 1, 12, 30)]),
        "amount": pa.array([decimal.Decimal("1.50")]),
        "raw": pa.array([b"a\xffb"]),
        "parts": pa.array([{"desk": "tech", "n": 7}]),
    }
    for name, column in columns.items():
        pq.write_table(pa.table({"id": column, "body": [GOOD]}), tmp_path / f"{name}.parquet")
    (tmp_path / "json.jsonl").write_bytes(jsonl({"id": 2**70, "body": GOOD}, {"id": ["bbc", 7], "body": GOOD}))
    expected = {"stamp": ["2024-05-01 12:30:00"], "amount": ["1.50"], "raw": ["a\\xffb"],
                "parts": ['{"desk": "tech", "n": 7}'], "json": [str(2**70), '["bbc", 7]']}  # fmt: skip
    for name, ids in expected.items():
        table = f"{name}.jsonl" if name == "json" else f"{name}.parquet"
        outcome = audit(table, output=f"out-{name}.{kind}")
        assert (outcome.code, outcome.errors) == (0, []), name
        assert _read_ids(tmp_path / f"out-{name}.{kind}") == ids, name


def test_ids_of_two_types_in_one_parquet_batch_are_one_line(tmp_path, audit):
    (tmp_path / "articles.jsonl").write_bytes(jsonl({"id": 1, "body": GOOD}, {"id": "two", "body": GOOD}))
    outcome = audit("articles.jsonl", output="out.parquet")
    assert outcome.code == 2 and len(outcome.errors) == 1
    assert outcome.errors[0].startswith("hypelint: error: --output out.parquet: ids of different types cannot share")
    assert sorted(os.listdir(tmp_path)) == ["articles.jsonl"]


def test_an_id_nested_deeper_than_a_hundred_is_a_bad_row(tmp_path, audit):
    """json reads it; written out (or sent to a worker process), at 980 deep it recursed too deep."""
    deep = b'{"id": ' + b"[" * 300 + b"]" * 300 + b', "body": "' + GOOD.encode() + b'"}\n'
    (tmp_path / "articles.jsonl").write_bytes(jsonl({"id": 1, "body": GOOD}) + deep)
    outcome = audit("articles.jsonl")
    assert_only_these_failed(tmp_path, outcome, {1: "line 2: id nested more than 100 deep"}, 2, "articles.jsonl")


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_an_id_with_a_lone_surrogate_is_written_escaped(tmp_path, audit, kind):
    # JSON may spell a lone surrogate ("\ud800"), which UTF-8 (and so Parquet) cannot hold.
    (tmp_path / "articles.jsonl").write_text('{"id": "a\\ud800b", "body": "%s"}\n' % GOOD, encoding="utf-8")
    outcome = audit("articles.jsonl", output=f"out.{kind}")
    assert (outcome.code, outcome.errors) == (0, [])
    assert _read_ids(tmp_path / f"out.{kind}") == ["a\\ud800b"]
