"""The lines of a JSONL table and the records of a CSV one, read so that no
file can stall or swamp the audit (tables.py makes rows of them).

A table is as untrusted as any file on disk, so:

- only a regular file is read: a FIFO or device is refused, never waited on;
- it is read as UTF-8 (a UTF-8 byte order mark is dropped); a UTF-16 or
  UTF-32 file, known by its byte order mark, is refused with one line that
  names its encoding;
- bytes that are not UTF-8 are kept as escapes (surrogateescape), so that
  the rest of the file reads on and the line holding them can be named;
- no line of more than MAX_ROW characters is held: the rest of it is read
  past in pieces and the line is handed on as `Overlong`, so one 100 MB
  field costs one pass over it, not 100 MB of memory or a 100 MB article
  to lint. A CSV record over MAX_ROW, one line or many, is read past to
  its end in the same way (`csv_records`).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import stat
from typing import IO, Iterator, NamedTuple

from hypelint.audit import AuditError, Unreadable

# The longest row read (a JSONL line, a CSV record, a Parquet text), in
# characters: a news article is a few thousand, a long book a few million.
MAX_ROW = 4_000_000
# What a line over MAX_ROW is read past in.
_PIECE = 1 << 20
# UTF-32's little-endian mark begins with UTF-16's, so it is tried first.
_BYTE_ORDER_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
# What surrogateescape makes of each byte that is not UTF-8 (and nothing else can be).
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


class Overlong(NamedTuple):
    """A line over MAX_ROW characters, read past rather than held: how many
    double quotes it held (CSV needs them to find where a record ends)."""

    quotes: int


@contextlib.contextmanager
def open_table(path: str) -> Iterator[IO[str]]:
    """The table at `path` open as text (see the module's docstring); AuditError when it cannot be."""
    try:
        # Without blocking: a FIFO put in the file's place must not stall the open.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise AuditError(f"{path}: cannot read ({exc.strerror})") from None
    with os.fdopen(descriptor, "rb") as raw:
        if not stat.S_ISREG(os.fstat(raw.fileno()).st_mode):
            raise AuditError(f"{path}: not a regular file")
        start = _read(raw.read, 4, path)
        for mark, encoding in _BYTE_ORDER_MARKS:
            if start.startswith(mark):
                raise AuditError(f"{path}: {encoding} text (it begins with a {encoding} byte order mark); convert it to UTF-8")
        raw.seek(0)
        # newline="": lines end at \n, \r or \r\n, which are kept, as the csv module needs.
        yield io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")


def numbered_lines(handle: IO[str], path: str) -> Iterator[tuple[int, str | Overlong]]:
    """(line number, line) for each line of an open table, a line over MAX_ROW as Overlong."""
    limit = MAX_ROW
    number = 0
    while line := _read(handle.readline, limit + 1, path):
        number += 1
        if len(line) <= limit or line.endswith(("\n", "\r")):
            yield number, line
            continue
        quotes = line.count('"')
        while line and not line.endswith(("\n", "\r")):
            line = _read(handle.readline, _PIECE, path)
            quotes += line.count('"')
        yield number, Overlong(quotes)


def escaped_byte(line: str) -> int | None:
    """The first byte of `line` that was not UTF-8, if any."""
    found = _ESCAPED_BYTE.search(line)
    return ord(found.group()) - 0xDC00 if found else None


def too_long() -> str:
    """Why a row over MAX_ROW is not audited."""
    return f"longer than {MAX_ROW:,} characters; not read"


def _read(read, size: int, path: str):
    try:
        return read(size)
    except OSError as exc:  # a disk error, a file on a network share gone
        raise AuditError(f"{path}: cannot read ({exc.strerror})") from None


class _RecordTooLong(Exception):
    """Raised through csv.reader to end a record over MAX_ROW."""


class _RecordLines:
    """The lines of a CSV table as csv.reader takes them, counted one record at a time.

    A record over MAX_ROW characters, or holding an Overlong line, is not
    handed on: the feed reads on to the record's end (the first line end
    where its double quotes balance, as they do outside a quoted field) and
    raises _RecordTooLong, so that a fresh csv.reader starts at the next record.
    """

    def __init__(self, lines: Iterator[tuple[int, str | Overlong]]):
        self.lines = lines
        self.number = 0  # the line last handed on
        self.start()

    def start(self) -> None:
        """A new record begins with the next line."""
        self.first = self.number + 1
        self.size = self.quotes = 0
        self.problem: Unreadable | None = None

    def __iter__(self):
        return self

    def __next__(self) -> str:
        self.number, line = next(self.lines)
        quotes = line.quotes if isinstance(line, Overlong) else line.count('"')
        if isinstance(line, Overlong) or self.size + len(line) > MAX_ROW:
            quotes += self.quotes
            while quotes % 2:  # inside a quoted field, which goes on to the next line
                self.number, line = next(self.lines, (self.number, None))
                if line is None:
                    break
                quotes += line.quotes if isinstance(line, Overlong) else line.count('"')
            raise _RecordTooLong
        self.size += len(line)
        self.quotes += quotes
        if self.problem is None and (byte := escaped_byte(line)) is not None:
            self.problem = Unreadable(f"line {self.number}", f"not valid UTF-8 (byte 0x{byte:02x})")
        return line


def csv_records(lines: Iterator[tuple[int, str | Overlong]]) -> Iterator[list[str] | Unreadable]:
    """The values of each record of a CSV table (lines from numbered_lines), or
    why a record cannot be read; blank lines hold none."""
    # Fields as long as a row may be (the csv module's default is 128 KiB).
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ROW))
    feed = _RecordLines(lines)
    while True:
        try:
            for values in csv.reader(feed):
                if values:
                    yield values if feed.problem is None else feed.problem
                feed.start()
            return
        except _RecordTooLong:
            yield Unreadable(f"line {feed.first}", too_long())
            feed.start()
