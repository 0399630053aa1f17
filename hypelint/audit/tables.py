"""The audit's input: a table of articles (.jsonl, .csv or .parquet) read in
batches of (id, text), in file order, and its rows counted for the progress bar.

A row that cannot be read (bytes that are not UTF-8, a line that is not a
JSON object or lacks a field, a row over lines.MAX_ROW characters) comes as
(id or None, Unreadable), and the rows after it are read on. A table that
cannot be read at all (see lines.py), a header or first JSON object without
the fields named, or a damaged Parquet file is an AuditError.
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterable, Iterator

from hypelint.audit import AuditError, Unreadable, lines
from hypelint.audit.lines import Overlong, csv_records, escaped_byte, numbered_lines, open_table, too_long

# Articles per task: big enough that sending one costs little next to linting
# it, small enough to spread the last ones over every core.
BATCH = 32
# The deepest a JSON id's lists and objects may nest (Parquet's limit for a column).
_ID_DEPTH = 100
TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def table_kind(path: str, option: str) -> str:
    """"jsonl", "csv" or "parquet", by the suffix of `path` (the input or the output)."""
    kind = TABLE_SUFFIXES.get(os.path.splitext(path)[1].lower())
    if kind is None:
        raise AuditError(f"{option} {path}: expected a .jsonl, .csv or .parquet file")
    return kind


def read_batches(path: str, kind: str, text_field: str, id_field: str) -> Iterator[list[tuple[Any, Any]]]:
    """Batches of (id, text) in file order (see the module's docstring)."""
    readers = {"jsonl": _read_jsonl, "csv": _read_csv, "parquet": _read_parquet}
    return readers[kind](path, text_field, id_field)


def _batched(records: Iterable[tuple[Any, Any]]) -> Iterator[list[tuple[Any, Any]]]:
    batch: list = []
    for record in records:
        batch.append(record)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _missing(path: str, where: str, field: str, option: str, present: Iterable[str]) -> AuditError:
    fields = ", ".join(list(present)[:12]) or "none"
    return AuditError(f"{path}: {where}has no field {field!r} ({option}); fields: {fields}")


def _read_jsonl(path: str, text_field: str, id_field: str) -> Iterator[list]:
    fields = ((id_field, "--id-field"), (text_field, "--text-field"))

    def records():
        first = True  # the first JSON object, which must hold both fields
        with open_table(path) as handle:
            for number, line in numbered_lines(handle, path):
                if isinstance(line, str) and not line.strip():
                    continue
                try:
                    item = _json_object(line)
                except _BadRow as exc:
                    yield None, Unreadable(f"line {number}", str(exc))
                    continue
                missing = [(field, option) for field, option in fields if field not in item]
                if missing and first:  # most likely the wrong field named, not a bad row
                    raise _missing(path, f"line {number} ", *missing[0], item)
                first = False
                if missing:
                    field, option = missing[0]
                    yield None, Unreadable(f"line {number}", f"has no field {field!r} ({option})")
                    continue
                try:
                    record = _record(item[id_field], item[text_field])
                except _BadRow as exc:
                    record = None, Unreadable(f"line {number}", str(exc))
                yield record

    return _batched(records())


class _BadRow(Exception):
    """Why a row cannot be read; the rows after it are read on."""


def _json_object(line: str | Overlong) -> dict:
    if isinstance(line, Overlong):
        raise _BadRow(too_long())
    byte = escaped_byte(line)
    if byte is not None:
        raise _BadRow(f"not valid UTF-8 (byte 0x{byte:02x})")
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _BadRow(f"not JSON ({exc.msg} at column {exc.colno})") from None
    except ValueError as exc:  # a number of thousands of digits
        raise _BadRow(f"not JSON ({str(exc).split(';')[0]})") from None
    except RecursionError:  # json's scanner stops cleanly at the interpreter's recursion limit
        raise _BadRow("JSON nested too deeply") from None
    if not isinstance(item, dict):
        raise _BadRow("not a JSON object")
    return item


def _record(ident: Any, text: Any) -> tuple[Any, str | Unreadable | None]:
    """(id, text) as they go to the engines: the id a value every output format
    holds (_plain_id), the text a string or None (a JSON list, Parquet's bytes:
    no text), so that nothing nested deep or of an odd type is sent on."""
    return _plain_id(ident), text if isinstance(text, (str, Unreadable)) else None


def _plain_id(value: Any) -> str | int | float | None:
    """Text, a 64-bit number, true or false or null as it is; any other id (a JSON
    list or object or a larger number, Parquet's bytes, dates or structs) as text.
    A lone surrogate, which JSON can spell ("\\ud800") and UTF-8 cannot hold, as that escape."""
    if value is None or isinstance(value, float) or (isinstance(value, int) and -(2**63) <= value < 2**63):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "backslashreplace")
    if isinstance(value, (list, dict)):
        # json read it, but writing it (or sending it to a worker) recurses as deep as it goes.
        if _nested_deeper(value, _ID_DEPTH):
            raise _BadRow(f"id nested more than {_ID_DEPTH} deep")
        value = json.dumps(value, ensure_ascii=False, default=str)
    return str(value).encode("utf-8", "backslashreplace").decode("utf-8")


def _nested_deeper(value: Any, limit: int) -> bool:
    """Whether `value` holds lists or objects nested more than `limit` deep (no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            if depth > limit:
                return True
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return False


def _read_csv(path: str, text_field: str, id_field: str) -> Iterator[list]:
    def records():
        with open_table(path) as handle:
            columns = None
            for values in csv_records(numbered_lines(handle, path)):
                if columns is None:  # the header
                    if isinstance(values, Unreadable):
                        raise AuditError(f"{path}: the header, {values}")
                    columns = {name: index for index, name in enumerate(values)}  # the last of a name, as DictReader
                    for field, option in ((id_field, "--id-field"), (text_field, "--text-field")):
                        if field not in columns:
                            raise _missing(path, "the header ", field, option, values)
                elif isinstance(values, Unreadable):
                    yield None, values
                else:
                    yield _cell(values, columns[id_field]), _cell(values, columns[text_field])
            if columns is None:
                raise _missing(path, "the header ", id_field, "--id-field", [])

    return _batched(records())


def _cell(values: list[str], index: int) -> str | None:
    return values[index] if index < len(values) else None  # a short row: None, as DictReader gives


def _read_parquet(path: str, text_field: str, id_field: str) -> Iterator[list]:
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow's errors have no common base worth naming
        raise AuditError(f"{path}: not a Parquet file ({' '.join(str(exc).split())})") from None
    names = table.schema_arrow.names
    for field, option in ((id_field, "--id-field"), (text_field, "--text-field")):
        if field not in names:
            raise _missing(path, "", field, option, names)
    chunks = table.iter_batches(batch_size=BATCH, columns=[id_field, text_field])
    number = 0
    while True:
        try:
            chunk = next(chunks, None)
            columns = None if chunk is None else chunk.to_pydict()
        except Exception as exc:  # a damaged page, found only as it is read
            raise AuditError(f"{path}: cannot read the Parquet file ({' '.join(str(exc).split())})") from None
        if columns is None:
            return
        batch = []
        for ident, text in zip(columns[id_field], columns[text_field]):
            number += 1
            # Parquet keeps a column's values together, so a long text is read whole, but never linted.
            if isinstance(text, str) and len(text) > lines.MAX_ROW:
                text = Unreadable(f"row {number}", too_long())
            batch.append(_record(ident, text))
        yield batch


def count_rows(path: str, kind: str, text_field: str, id_field: str) -> int | None:
    """How many rows, for the progress bar: a Parquet file's metadata says, a
    JSONL or CSV table is read through once."""
    try:
        if kind == "parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
        return sum(len(batch) for batch in read_batches(path, kind, text_field, id_field))
    except (AuditError, OSError, ValueError):
        return None  # the real read reports it
