"""`hypelint audit`: every input and output format, clear errors, and the
Dask engine giving exactly what the local one gives."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from hypelint import cli

from hypelint.runtime import runner
from hypelint.api import lint_source
from hypelint.audit.run import audit
from hypelint.config import Config
from hypelint.reporters import hype_rate

TEXTS = [
    "# A revolution\n\nThe most advanced AI ever built will replace radiologists within five years.\n",
    "Experts say the chatbot understands its users. It is a game-changer, a testament to the team.\n",
    "The council approved the budget on Tuesday, the minutes show.\n",
    "## What does it cost?\n\n## When is it out?\n\nRecently, a breakthrough: 90% of firms use it.\n",
    "<!-- an editor's note and no prose: no words, a hype rate of 0 -->\n",  # (an empty text is no text)
]
ARTICLES = [{"id": f"a{n:02}", "body": TEXTS[n % len(TEXTS)] + ("" if n % 5 == 4 else f"Article {n}.\n")}
            for n in range(15)]  # fmt: skip


def expected_rows(fmt: str = "markdown") -> list[dict]:
    """What each article's row must say, worked out with the library directly."""
    rows = []
    for article in ARTICLES:
        result = lint_source(article["body"], None, fmt, Config())
        counts = Counter(f.category for f in result.findings)
        rows.append({"id": article["id"], "words": result.words, "findings": len(result.findings),
                     "hype_rate": round(hype_rate(result), 3), "counts": counts})  # fmt: skip
    return rows


def write_input(folder, kind: str, articles=ARTICLES) -> str:
    path = folder / f"articles.{kind}"
    if kind == "jsonl":
        path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    elif kind == "csv":
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, ["id", "body"])
            writer.writeheader()
            writer.writerows(articles)
    else:
        pq.write_table(pa.Table.from_pylist(articles), path)
    return str(path)


def read_output(path) -> list[dict]:
    path = str(path)
    if path.endswith(".jsonl"):
        return [json.loads(line) for line in open(path, encoding="utf-8")]
    if path.endswith(".parquet"):
        return pq.read_table(path).to_pylist()
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:  # CSV is all text: back to numbers for comparing
        for key, value in row.items():
            if key == "hype_rate":
                row[key] = float(value)
            elif key not in ("id", "error"):
                row[key] = int(value)
            elif key == "error":
                row[key] = value or None
    return rows


def assert_rows_match(rows: list[dict], fmt: str = "markdown") -> None:
    expected = expected_rows(fmt)
    assert [row["id"] for row in rows] == [e["id"] for e in expected]
    for row, want in zip(rows, expected):
        assert (row["words"], row["findings"], row["hype_rate"], row["error"]) == (
            want["words"], want["findings"], want["hype_rate"], None)  # fmt: skip
        assert {name: row[name] for name in want["counts"]} == dict(want["counts"])
        assert sum(value for key, value in row.items() if key not in ("id", "words", "findings", "hype_rate", "error")) == row["findings"]
    assert sum(row["findings"] for row in rows) > 15  # the corpus is not all calm


@pytest.mark.parametrize("out", ["jsonl", "csv", "parquet"])
def test_every_output_format_holds_the_same_rows(hypelint, tmp_path, out):
    source = write_input(tmp_path, "jsonl")
    result = hypelint("audit", source, "--text-field", "body", "--output", f"out.{out}")
    assert result.returncode == 0, result.stderr
    assert_rows_match(read_output(tmp_path / f"out.{out}"))
    assert "articles" in result.stdout and "15" in result.stdout and "hype rate" in result.stdout


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_every_input_format_gives_the_same_rows(hypelint, tmp_path, kind):
    source = write_input(tmp_path, kind)
    result = hypelint("audit", source, "--text-field", "body", "--output", "out.jsonl", "--quiet")
    assert (result.returncode, result.stdout) == (0, "")
    assert_rows_match(read_output(tmp_path / "out.jsonl"))


def test_columns_are_fixed_and_ordered(hypelint, tmp_path):
    source = write_input(tmp_path, "jsonl")
    hypelint("audit", source, "--text-field", "body", "--output", "out.parquet", "--select", "superlative,faq")
    names = pq.read_table(tmp_path / "out.parquet").schema.names
    assert names == ["id", "words", "findings", "hype_rate", "superlative", "faq", "error"]


def test_format_in_text_reads_markdown_marks_as_text(hypelint, tmp_path):
    source = write_input(tmp_path, "jsonl")
    hypelint("audit", source, "--text-field", "body", "--output", "out.jsonl", "--format-in", "text")
    assert_rows_match(read_output(tmp_path / "out.jsonl"), fmt="text")


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("option,field", [("--text-field", "text"), ("--id-field", "url")])
def test_a_missing_field_is_one_clear_line(hypelint, tmp_path, kind, option, field):
    source = write_input(tmp_path, kind)
    # The default text field is 'text', which these articles lack; 'url' is named on purpose.
    args = ["--text-field", "body", "--id-field", "url"] if option == "--id-field" else []
    result = hypelint("audit", source, *args, "--output", "out.csv")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert f"has no field '{field}' ({option})" in result.stderr and "fields: id, body" in result.stderr
    assert not (tmp_path / "out.csv").exists()


def test_an_article_without_text_is_reported_and_the_rest_audited(hypelint, tmp_path):
    articles = ARTICLES[:3] + [{"id": "none", "body": None}]
    source = write_input(tmp_path, "parquet", articles)
    result = hypelint("audit", source, "--text-field", "body", "--output", "out.jsonl")
    assert result.returncode == 2
    assert "1 article could not be audited" in result.stderr
    rows = read_output(tmp_path / "out.jsonl")
    assert [row["error"] for row in rows] == [None, None, None, "no text"]
    assert rows[0]["findings"] > 0


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_an_empty_text_is_no_text_not_a_zero_hype_rate(hypelint, tmp_path, kind):
    # In a CSV an empty cell is all a missing text can be; anywhere, an article
    # with nothing in it has no hype rate to score (0.0 would pull the median down).
    articles = ARTICLES[:1] + [{"id": "empty", "body": ""}, {"id": "blank", "body": " \n\t\n"}, {"id": "bom", "body": "\ufeff"}]
    source = write_input(tmp_path, kind, articles)
    result = hypelint("audit", source, "--text-field", "body", "--output", "out.jsonl")
    assert result.returncode == 2
    assert "3 articles could not be audited" in result.stderr
    rows = read_output(tmp_path / "out.jsonl")
    assert [(row["error"], row["words"]) for row in rows] == [(None, rows[0]["words"])] + [("no text", 0)] * 3
    assert rows[0]["words"] > 0


def test_bad_files_and_formats_are_one_line_errors(hypelint, tmp_path):
    source = write_input(tmp_path, "jsonl")
    cases = [
        (["articles.xlsx", "--output", "o.csv"], "expected a .jsonl, .csv or .parquet file"),
        ([source, "--output", "o.txt"], "expected a .jsonl, .csv or .parquet file"),
        (["gone.jsonl", "--output", "o.csv"], "no such file"),
        ([source, "--text-field", "body", "--output", source], "is also the input"),
        ([source, "--output", "o.csv", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler is for --engine dask"),
        # Found before any cluster is reached: the scheduler named here is not there.
        ([source, "--output", "o.csv", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1"], "has no field 'text'"),
    ]
    # A line that is not JSON is a bad row, no longer the end of the run: tests/robustness/test_audit_tables.py.
    for args, message in cases:
        result = hypelint("audit", *args)
        assert result.returncode == 2 and message in result.stderr and result.stderr.count("\n") == 1, (args, result.stderr)


@pytest.mark.parametrize("missing,args", [("pyarrow", ["--output", "out.parquet"]),
                                          ("distributed", ["--output", "out.csv", "--engine", "dask"])])  # fmt: skip
def test_missing_extras_say_how_to_install_them(tmp_path, capsys, monkeypatch, missing, args):
    source = write_input(tmp_path, "jsonl")
    monkeypatch.setitem(sys.modules, missing, None)  # `import missing` now fails as if it were not installed
    monkeypatch.chdir(tmp_path)
    assert cli.main(["audit", source, "--text-field", "body", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"need {missing}" in err and "pip install 'hypelint[scale]'" in err


# --- engines -----------------------------------------------------------------------------------


def test_local_engine_on_two_processes_equals_one(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr("hypelint.audit.tables.BATCH", 2)  # several batches, out of order on two workers
    source = write_input(tmp_path, "jsonl")
    audit(source, str(tmp_path / "one.jsonl"), "body", "id", Config(), jobs=1)
    audit(source, str(tmp_path / "two.jsonl"), "body", "id", Config(), jobs=2)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert_rows_match(read_output(tmp_path / "two.jsonl"))


def test_dask_engine_on_a_local_cluster_equals_the_local_engine(tmp_path, monkeypatch):
    from distributed import LocalCluster

    monkeypatch.setattr("hypelint.audit.tables.BATCH", 4)
    source = write_input(tmp_path, "parquet")
    local = audit(source, str(tmp_path / "local.parquet"), "body", "id", Config(), jobs=1)
    # In-process workers keep the test light; `--scheduler` is how a user names any cluster.
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        dask = audit(source, str(tmp_path / "dask.parquet"), "body", "id", Config(), engine="dask",
                     scheduler=cluster.scheduler_address)  # fmt: skip
    assert pq.read_table(tmp_path / "dask.parquet").equals(pq.read_table(tmp_path / "local.parquet"))
    assert (dask.articles, dask.words, dask.findings, dask.by_category) == (
        local.articles, local.words, local.findings, local.by_category)  # fmt: skip
    assert_rows_match(read_output(tmp_path / "dask.parquet"))


def test_dask_engine_starts_its_own_cluster_without_a_scheduler(hypelint, tmp_path):
    source = write_input(tmp_path, "csv")
    result = hypelint("audit", source, "--text-field", "body", "--output", "out.csv", "--engine", "dask", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert_rows_match(read_output(tmp_path / "out.csv"))
