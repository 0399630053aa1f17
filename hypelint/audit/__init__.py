"""`hypelint audit`: hype measured across a corpus of articles.

    hypelint audit articles.parquet --text-field body --id-field url --output hype.csv

Reads a table of articles (.jsonl, .csv or .parquet), lints each article's
text with `api.lint_source` (the rules and config `check` would use) and
writes one row per article to OUTPUT (.jsonl, .csv or .parquet):

    id, words, findings, hype_rate, <one column per category>, error

`hype_rate` is findings per 1,000 words, counted as the reports count it
(`reporters.hype_rate`: every category but `meta`). A summary table follows
on stdout; a progress bar shows on a terminal.

Engines: `local` runs on this machine's cores (parallel.run_tasks); `dask`
sends batches of articles to a Dask cluster (`--scheduler ADDRESS`, or a
local cluster started for the run). Both run the same function on the same
batches, so they write the same rows in the same (input) order. Input is
read and output written in batches, so a corpus larger than memory is fine.

pyarrow (Parquet) and dask[distributed] are optional: `pip install
'hypelint[scale]'`. Nothing heavy is imported until a run needs it.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import sys
from array import array
from collections import Counter, deque
from typing import Any, Callable, Iterable, Iterator

from hypelint.runtime.atomic import writing

# Articles per task: big enough that sending one costs little next to linting
# it, small enough to spread the last ones over every core.
BATCH = 32
# A Dask cluster gets this many batches per worker thread ahead of the results:
# enough to keep it busy, few enough to bound memory.
_DASK_AHEAD = 4
TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
_SCALE_HINT = "pip install 'hypelint[scale]'"


class AuditError(Exception):
    """An audit that cannot run; the message is one line."""


# --- command line -----------------------------------------------------------------


def add_arguments(parser, selectors: Callable[[str], list[str]], date: Callable) -> None:
    """The options of `hypelint audit`; cli.py makes the subcommand and lends
    the types of the rule and date options, so they read as `check`'s do."""
    parser.add_argument("input", metavar="INPUT", help="articles: a .jsonl, .csv or .parquet file")
    parser.add_argument("--text-field", default="text", metavar="F", help="field holding the article text (default: text)")
    parser.add_argument("--id-field", default="id", metavar="F", help="field identifying the article (default: id)")
    parser.add_argument("--output", "-o", required=True, metavar="OUT", help="per-article results: .jsonl, .csv or .parquet")
    parser.add_argument("--format-in", choices=("markdown", "text", "html"), default="markdown",
                        help="how the texts are written (default: markdown)")  # fmt: skip
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local: this machine's cores; dask: a Dask cluster (needs hypelint[scale])")  # fmt: skip
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="Dask scheduler to use (default: start a local cluster)")  # fmt: skip
    parser.add_argument("--jobs", "-j", type=_positive, metavar="N",
                        help="processes (local engine, or a local Dask cluster; default: all cores)")  # fmt: skip
    parser.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    parser.add_argument("--select", type=selectors, metavar="RULES", help="only these rules (as for check)")
    parser.add_argument("--ignore", type=selectors, default=[], metavar="RULES", help="leave out these rules")
    parser.add_argument("--extend-select", type=selectors, default=[], metavar="RULES", help="add rules")
    parser.add_argument("--date", type=date, metavar="YYYY-MM-DD",
                        help="read articles as of this date (default: today)")  # fmt: skip
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary table")


def _positive(value: str) -> int:
    import argparse

    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def run_command(args) -> int:
    """`hypelint audit`: exit 0 when every article was audited, 2 otherwise."""
    from hypelint.config import config_for
    from hypelint.runtime.parallel import default_jobs

    if args.scheduler and args.engine != "dask":
        raise AuditError("--scheduler is for --engine dask")
    config = config_for(None, args.config).with_cli(args.select, args.ignore, args.extend_select, None, args.date)
    jobs = args.jobs or default_jobs()
    show = sys.stdout.isatty() and sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
    summary = audit(args.input, args.output, args.text_field, args.id_field, config, fmt=args.format_in,
                    engine=args.engine, scheduler=args.scheduler, jobs=jobs, progress=show)  # fmt: skip
    if not args.quiet:
        print_summary(summary, rich_table=sys.stdout.isatty())
    if summary.failed:
        print(f"hypelint: {summary.failed} article{'s' if summary.failed != 1 else ''} could not be audited "
              f"(see the 'error' column of {args.output})", file=sys.stderr)  # fmt: skip
        return 2
    return 0


# --- the audit ----------------------------------------------------------------------


class Summary:
    """Totals over a corpus, filled in as rows arrive."""

    def __init__(self, categories: list[str]):
        self.categories = categories
        self.articles = self.failed = self.words = self.findings = self.hype_findings = 0
        self.by_category: Counter[str] = Counter()
        self.rates = array("d")  # each audited article's hype rate, for the median
        self.with_hype = 0

    def add(self, row: dict) -> None:
        self.articles += 1
        if row["error"] is not None:
            self.failed += 1
            return
        self.words += row["words"]
        self.findings += row["findings"]
        for name in self.categories:
            self.by_category[name] += row[name]
        hype = row["findings"] - row.get("meta", 0)
        self.hype_findings += hype
        self.with_hype += hype > 0
        self.rates.append(row["hype_rate"])

    @property
    def hype_rate(self) -> float:
        return self.hype_findings * 1000 / self.words if self.words else 0.0

    @property
    def median_rate(self) -> float:
        if not self.rates:
            return 0.0
        ordered = sorted(self.rates)
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def audit(
    input_path: str,
    output_path: str,
    text_field: str,
    id_field: str,
    config,
    fmt: str = "markdown",
    engine: str = "local",
    scheduler: str | None = None,
    jobs: int = 1,
    progress: bool = False,
) -> Summary:
    """Audit every article of `input_path` into `output_path`; see the module docstring."""
    from hypelint.config import resolve_rules
    from hypelint.model import CATEGORIES
    from hypelint.runtime.progress import bar

    in_kind, out_kind = _table_kind(input_path, "INPUT"), _table_kind(output_path, "--output")
    if not os.path.isfile(input_path):
        raise AuditError(f"{input_path}: no such file")
    if os.path.realpath(input_path) == os.path.realpath(output_path):
        raise AuditError(f"--output {output_path}: is also the input")
    if "parquet" in (in_kind, out_kind):
        _require("pyarrow", "Parquet files")
    if engine == "dask":
        _require("distributed", "--engine dask")
    used = {rule.category for rule in resolve_rules(config)}
    categories = [name for name in CATEGORIES if name in used]
    batches = _read(input_path, in_kind, text_field, id_field)
    # The first batch is read now, so that a missing field is reported before
    # any worker or cluster starts.
    first = next(batches, None)
    tasks = ((config, fmt, batch) for batch in itertools.chain([first] if first else [], batches))
    if engine == "dask":
        answers = _dask_answers(tasks, scheduler, jobs)
    else:
        # A pool costs each worker a fresh interpreter and the rules: only worth it on more than a little text.
        from hypelint.runtime.runner import PARALLEL_MIN_BYTES

        small = os.path.getsize(input_path) < PARALLEL_MIN_BYTES
        answers = _local_answers(tasks, 1 if small else jobs, config)
    summary = Summary(categories)
    total = _count(input_path, in_kind, text_field) if progress else None
    with _Writer(output_path, out_kind, categories) as writer, bar(total or 0, enabled=progress,
                                                                    description="Auditing", minimum=1) as advance:
        for answer in answers:
            rows = [_row(article, categories) for article in answer]
            for row in rows:
                summary.add(row)
                advance()
            writer.write(rows)
    return summary


def audit_batch(task: tuple) -> list[dict]:
    """Lint a batch of articles (the unit of work of both engines).

    `task` is (config, fmt, [(id, text), ...]); each answer holds the id,
    the word count, findings per category and the hype rate, or an error.
    """
    from hypelint.api import lint_source
    from hypelint.runtime.parallel import failure_message
    from hypelint.reporters import hype_rate

    config, fmt, records = task
    answers = []
    for ident, text in records:
        if isinstance(text, str) and text.startswith("\ufeff"):
            text = text[1:]
        # Null in the table (or NaN in a CSV read elsewhere), or empty, which is
        # all a missing text can be in a CSV: nothing to score, not a 0.0 hype rate.
        if not isinstance(text, str) or not text.strip():
            answers.append({"id": ident, "error": "no text"})
            continue
        try:
            result = lint_source(text, None, fmt, config)
        except Exception as exc:
            answers.append({"id": ident, "error": failure_message(exc)})
            continue
        counts = Counter(finding.category for finding in result.findings)
        answers.append({"id": ident, "words": result.words, "counts": dict(counts),
                        "hype_rate": round(hype_rate(result), 3), "error": None})  # fmt: skip
    return answers


def _failed_batch(task: tuple, message: str) -> list[dict]:
    return [{"id": ident, "error": message} for ident, _ in task[2]]


def _row(answer: dict, categories: list[str]) -> dict:
    """An output row: the same columns for every article, in a fixed order."""
    counts = answer.get("counts", {})
    row = {"id": answer["id"], "words": answer.get("words", 0), "findings": sum(counts.values()),
           "hype_rate": answer.get("hype_rate", 0.0)}  # fmt: skip
    for name in categories:
        row[name] = counts.get(name, 0)
    row["error"] = answer["error"]
    return row


def _local_answers(tasks: Iterable[tuple], jobs: int, config) -> Iterator[list[dict]]:
    from hypelint.runtime.parallel import run_tasks
    from hypelint.runtime.runner import load_rules

    return run_tasks(audit_batch, tasks, jobs, _failed_batch, init=load_rules, init_args=((config,),))


def _dask_answers(tasks: Iterable[tuple], scheduler: str | None, jobs: int) -> Iterator[list[dict]]:
    """Batches through a Dask cluster, answers back in input order."""
    import logging

    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            # One single-threaded worker process per core: linting holds the GIL.
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)  # fmt: skip
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise AuditError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
    try:
        ahead = max(1, sum(client.nthreads().values())) * _DASK_AHEAD
        futures: deque = deque()
        for task in tasks:
            futures.append((task, client.submit(audit_batch, task, pure=False)))
            while len(futures) > ahead:
                yield _dask_result(*futures.popleft())
        while futures:
            yield _dask_result(*futures.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_result(task: tuple, future) -> list[dict]:
    try:
        return future.result()
    except Exception as exc:  # a worker that died on the batch (Dask retries first)
        from hypelint.runtime.parallel import failure_message

        return _failed_batch(task, failure_message(exc))


def _require(module: str, what: str) -> None:
    import importlib

    try:
        importlib.import_module(module)
    except ImportError:
        raise AuditError(f"{what} need {module}, which is not installed: {_SCALE_HINT}") from None


def _table_kind(path: str, option: str) -> str:
    kind = TABLE_SUFFIXES.get(os.path.splitext(path)[1].lower())
    if kind is None:
        raise AuditError(f"{option} {path}: expected a .jsonl, .csv or .parquet file")
    return kind


# --- reading ----------------------------------------------------------------------------


def _read(path: str, kind: str, text_field: str, id_field: str) -> Iterator[list[tuple[Any, Any]]]:
    """Batches of (id, text) in file order; a missing field is an AuditError."""
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
    def records():
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except ValueError as exc:
                    raise AuditError(f"{path}: line {number}: not JSON ({exc})") from None
                if not isinstance(item, dict):
                    raise AuditError(f"{path}: line {number}: not a JSON object")
                for field, option in ((id_field, "--id-field"), (text_field, "--text-field")):
                    if field not in item:
                        raise _missing(path, f"line {number} ", field, option, item)
                yield item[id_field], item[text_field]

    return _batched(records())


def _read_csv(path: str, text_field: str, id_field: str) -> Iterator[list]:
    # Articles are longer than the csv module's default field limit (128 KiB).
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

    def records():
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            for field, option in ((id_field, "--id-field"), (text_field, "--text-field")):
                if field not in header:
                    raise _missing(path, "the header ", field, option, header)
            for row in reader:
                yield row[id_field], row[text_field]

    return _batched(records())


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
    for chunk in table.iter_batches(batch_size=BATCH, columns=[id_field, text_field]):
        columns = chunk.to_pydict()
        yield list(zip(columns[id_field], columns[text_field]))


def _count(path: str, kind: str, text_field: str) -> int | None:
    """How many articles, for the progress bar (a quick pass over the file)."""
    try:
        if kind == "parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
        with open(path, encoding="utf-8-sig", newline="") as handle:
            if kind == "csv":
                return max(0, sum(1 for _ in csv.reader(handle)) - 1)
            return sum(1 for line in handle if line.strip())
    except (OSError, ValueError, csv.Error):
        return None  # the real read reports it


# --- writing ------------------------------------------------------------------------------


class _Writer:
    """Rows to a temporary file beside OUT, renamed into place once all are written
    (a device or FIFO is written in place: atomic.writing).

    A run that fails half-way leaves any earlier OUT as it was.
    """

    def __init__(self, path: str, kind: str, categories: list[str]):
        self.path, self.kind = path, kind
        self.columns = ["id", "words", "findings", "hype_rate", *categories, "error"]
        self.parquet = None

    def __enter__(self):
        binary = self.kind == "parquet"
        text = {} if binary else {"encoding": "utf-8", "newline": ""}
        self.writing = writing(self.path, "wb" if binary else "w", prefix=".hypelint-audit-", **text)
        try:
            self.handle = self.writing.__enter__()
        except OSError as exc:
            raise AuditError(f"--output {self.path}: cannot write ({exc.strerror})") from None
        if self.kind == "csv":
            self.csv = csv.DictWriter(self.handle, self.columns)
            self.csv.writeheader()
        return self

    def write(self, rows: list[dict]) -> None:
        if not rows:
            return
        if self.kind == "jsonl":
            self.handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        elif self.kind == "csv":
            self.csv.writerows(rows)
        else:
            self._write_parquet(rows)

    def _write_parquet(self, rows: list[dict]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.parquet is None:
            ids = pa.array([row["id"] for row in rows])
            id_type = pa.string() if pa.types.is_null(ids.type) else ids.type
            fields = [pa.field("id", id_type), pa.field("words", pa.int64()), pa.field("findings", pa.int64()),
                      pa.field("hype_rate", pa.float64())]  # fmt: skip
            fields += [pa.field(name, pa.int64()) for name in self.columns[4:-1]]
            fields.append(pa.field("error", pa.string()))
            self.schema = pa.schema(fields)
            self.parquet = pq.ParquetWriter(self.handle, self.schema)
        try:
            table = pa.Table.from_pylist(rows, schema=self.schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise AuditError(f"--output {self.path}: ids of different types cannot share a Parquet column ({exc})") from None
        self.parquet.write_table(table)

    def __exit__(self, kind, value, traceback):
        if self.kind == "parquet":
            if self.parquet is None and kind is None:  # no rows: still a valid, empty table
                import pyarrow as pa
                import pyarrow.parquet as pq

                pq.write_table(pa.table({name: pa.array([], pa.string()) for name in self.columns}), self.handle)
            elif self.parquet is not None:
                self.parquet.close()
        self.writing.__exit__(kind, value, traceback)  # renamed into place, or removed after an error
        return False


# --- progress and summary ----------------------------------------------------------------


def summary_rows(summary: Summary) -> list[tuple[str, str]]:
    """The summary as (label, value) rows, for either rendering."""
    rows = [
        ("articles", f"{summary.articles:,}"),
        ("words", f"{summary.words:,}"),
        ("findings", f"{summary.findings:,}"),
        ("hype rate (findings per 1,000 words)", f"{summary.hype_rate:.2f}"),
        ("median article's hype rate", f"{summary.median_rate:.2f}"),
        ("articles with any hype finding", _share(summary.with_hype, summary.articles - summary.failed)),
    ]
    rows += [(f"  {name}", f"{summary.by_category[name]:,}") for name in summary.categories]
    if summary.failed:
        rows.append(("articles not audited (error)", f"{summary.failed:,}"))
    return rows


def _share(part: int, whole: int) -> str:
    return f"{part:,} ({part * 100 / whole:.1f}%)" if whole else "0"


def print_summary(summary: Summary, rich_table: bool) -> None:
    rows = summary_rows(summary)
    if rich_table:
        from rich.console import Console
        from rich.table import Table

        table = Table("", "", title="hypelint audit", show_header=False)
        for label, value in rows:
            table.add_row(label, value)
        Console().print(table)
        return
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}")
