"""The audit's input: a table of articles (.jsonl, .csv or .parquet) read in
batches of (id, text), in file order, and its rows counted for the progress bar."""

from __future__ import annotations

import csv
import json
import os
import sys
from typing import Any, Iterable, Iterator

from hypelint.audit import AuditError

# Articles per task: big enough that sending one costs little next to linting
# it, small enough to spread the last ones over every core.
BATCH = 32
TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def table_kind(path: str, option: str) -> str:
    """"jsonl", "csv" or "parquet", by the suffix of `path` (the input or the output)."""
    kind = TABLE_SUFFIXES.get(os.path.splitext(path)[1].lower())
    if kind is None:
        raise AuditError(f"{option} {path}: expected a .jsonl, .csv or .parquet file")
    return kind


def read_batches(path: str, kind: str, text_field: str, id_field: str) -> Iterator[list[tuple[Any, Any]]]:
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


def count_rows(path: str, kind: str) -> int | None:
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
