"""`audit()`: a corpus read in batches, linted by an engine, written row by
row and summed up (the data flow the package's docstring draws)."""

from __future__ import annotations

import itertools
import os

from hypelint.audit import AuditError
from hypelint.audit.engines import dask_answers, local_answers
from hypelint.audit.summary import Summary
from hypelint.audit.tables import count_rows, read_batches, table_kind
from hypelint.audit.writer import Writer, row_of

_SCALE_HINT = "pip install 'hypelint[scale]'"


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
    """Audit every article of `input_path` into `output_path`; see the package's docstring."""
    from hypelint.config import resolve_rules
    from hypelint.model import CATEGORIES
    from hypelint.runtime.progress import bar

    in_kind, out_kind = table_kind(input_path, "INPUT"), table_kind(output_path, "--output")
    if not os.path.exists(input_path):
        raise AuditError(f"{input_path}: no such file")
    if not os.path.isfile(input_path):  # a FIFO would never end, a device never either
        raise AuditError(f"{input_path}: not a regular file")
    if os.path.realpath(input_path) == os.path.realpath(output_path):
        raise AuditError(f"--output {output_path}: is also the input")
    if "parquet" in (in_kind, out_kind):
        _require("pyarrow", "Parquet files")
    if engine == "dask":
        _require("distributed", "--engine dask")
    used = {rule.category for rule in resolve_rules(config)}
    categories = [name for name in CATEGORIES if name in used]
    batches = read_batches(input_path, in_kind, text_field, id_field)
    # The first batch is read now, so that a missing field is reported before
    # any worker or cluster starts.
    first = next(batches, None)
    tasks = ((config, fmt, batch) for batch in itertools.chain([first] if first else [], batches))
    if engine == "dask":
        answers = dask_answers(tasks, scheduler, jobs)
    else:
        # A pool costs each worker a fresh interpreter and the rules: only worth it on more than a little text.
        from hypelint.runtime.runner import PARALLEL_MIN_BYTES

        small = os.path.getsize(input_path) < PARALLEL_MIN_BYTES
        answers = local_answers(tasks, 1 if small else jobs, config)
    summary = Summary(categories)
    total = count_rows(input_path, in_kind, text_field, id_field) if progress else None
    with Writer(output_path, out_kind, categories) as writer, bar(total or 0, enabled=progress,
                                                                   description="Auditing", minimum=1) as advance:
        for answer in answers:
            rows = [row_of(article, categories) for article in answer]
            for article, row in zip(answer, rows):
                summary.add(row, unreadable=article.get("unreadable", False))
                advance()
            writer.write(rows)
    return summary


def _require(module: str, what: str) -> None:
    import importlib

    try:
        importlib.import_module(module)
    except ImportError:
        raise AuditError(f"{what} need {module}, which is not installed: {_SCALE_HINT}") from None
