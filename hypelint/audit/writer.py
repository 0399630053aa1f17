"""The audit's output: one row per article, the same columns for every one,
written to a .jsonl, .csv or .parquet file whole or not at all."""

from __future__ import annotations

import csv
import json

from hypelint.audit import AuditError
from hypelint.runtime.atomic import writing


def row_of(answer: dict, categories: list[str]) -> dict:
    """An engine's answer for one article as an output row, its columns in a fixed order."""
    counts = answer.get("counts", {})
    row = {"id": answer["id"], "words": answer.get("words", 0), "findings": sum(counts.values()),
           "hype_rate": answer.get("hype_rate", 0.0)}  # fmt: skip
    for name in categories:
        row[name] = counts.get(name, 0)
    row["error"] = answer["error"]
    return row


class Writer:
    """Rows to a temporary file beside OUT, renamed into place once all are written
    (a device or FIFO is written in place: atomic.writing).

    A run that fails half-way leaves any earlier OUT as it was, and no
    temporary file; a write that fails (a full disk) is an AuditError that says why.
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
            raise self._cannot_write(exc) from None
        if self.kind == "csv":
            self.csv = csv.DictWriter(self.handle, self.columns)
            self.csv.writeheader()  # into the file's buffer: a full disk is found when that is written out
        return self

    def write(self, rows: list[dict]) -> None:
        try:
            if self.kind == "jsonl":
                self.handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
            elif self.kind == "csv":
                self.csv.writerows(rows)
            elif rows:
                self._write_parquet(rows)
        except OSError as exc:
            raise self._cannot_write(exc) from None

    def _write_parquet(self, rows: list[dict]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            if self.parquet is None:
                ids = pa.array([row["id"] for row in rows])
                id_type = pa.string() if pa.types.is_null(ids.type) else ids.type
                fields = [pa.field("id", id_type), pa.field("words", pa.int64()), pa.field("findings", pa.int64()),
                          pa.field("hype_rate", pa.float64())]  # fmt: skip
                fields += [pa.field(name, pa.int64()) for name in self.columns[4:-1]]
                fields.append(pa.field("error", pa.string()))
                self.schema = pa.schema(fields)
                self.parquet = pq.ParquetWriter(self.handle, self.schema)
            table = pa.Table.from_pylist(rows, schema=self.schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise AuditError(f"--output {self.path}: ids of different types cannot share a Parquet column ({exc})") from None
        self.parquet.write_table(table)

    def _finish(self) -> None:
        """What closes a table: a Parquet file's footer (an empty one's schema too)."""
        if self.kind != "parquet":
            return
        if self.parquet is None:  # no rows: still a valid, empty table
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.table({name: pa.array([], pa.string()) for name in self.columns}), self.handle)
        else:
            self.parquet.close()

    def __exit__(self, kind, value, traceback):
        failure = None
        if kind is None:
            try:
                self._finish()
            except OSError as exc:
                failure = self._cannot_write(exc)
                kind, value, traceback = AuditError, failure, None
        try:
            self.writing.__exit__(kind, value, traceback)  # renamed into place, or removed after an error
        except OSError as exc:  # the last of the buffer, written out on closing, found the disk full
            raise self._cannot_write(exc) from None
        if failure:
            raise failure
        return False

    def _cannot_write(self, exc: OSError) -> AuditError:
        return AuditError(f"--output {self.path}: cannot write ({exc.strerror or exc})")
