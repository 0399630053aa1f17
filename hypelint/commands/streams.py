"""The standard streams a command reads and writes, made safe to use.

A process may be started without some of them (`<&-`, `>&-`, `2>&-`: Python
then has None for each), and stdout may refuse what is written (a full disk,
`> /dev/full`). Either ends the command with one line on stderr and exit
code 2 (a `StreamError`, which cli.main reports), never a traceback; with
stderr closed too, with exit code 2 alone.
"""

from __future__ import annotations

import io
import os
import sys
from contextlib import contextmanager
from typing import Iterator


class StreamError(Exception):
    """stdin or stdout cannot be used; the message is one line."""


@contextmanager
def standard_streams() -> Iterator[None]:
    """For the length of a command: a missing stdin or stdout stands in as a
    stream that is no terminal and whose every other use is a StreamError, a
    missing stderr as one that takes what is written and keeps none of it
    (whoever closed it chose to hear nothing), and a failed write to stdout
    is a StreamError. The streams are put back afterwards, for callers
    in-process."""
    saved = sys.stdin, sys.stdout, sys.stderr
    if sys.stdin is None:
        sys.stdin = _Closed("stdin")
    sys.stdout = _Closed("stdout") if sys.stdout is None else _Checked(sys.stdout)
    if sys.stderr is None:
        sys.stderr = _Discarded()
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


class _Closed:
    """A standard stream the process was started without."""

    def __init__(self, name: str) -> None:
        self._name = name

    def isatty(self) -> bool:  # asked before anything is written: which report format, colours, a progress bar
        return False

    def flush(self) -> None:  # nothing written, nothing to flush (multiprocessing flushes before it forks)
        pass

    def __getattr__(self, attribute: str):
        raise StreamError(f"{self._name} is closed")


class _Checked:
    """stdout, with a failed write or flush turned into a StreamError.

    A broken pipe stays what it is: the reader left (`hypelint check | head`),
    which cli.main ends quietly. After a failure what is still buffered
    goes to the null device, or the interpreter would try to write it again
    at exit and print a traceback after our one line.
    """

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._checked(self._stream.write, text)

    def flush(self) -> None:
        self._checked(self._stream.flush)

    def __getattr__(self, attribute: str):
        return getattr(self._stream, attribute)

    def _checked(self, action, *args):
        try:
            return action(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            _write_nowhere(self._stream)
            raise StreamError(f"cannot write to stdout ({exc.strerror or exc})") from None


def _write_nowhere(stream) -> None:
    """Point the stream's file descriptor at the null device (none to point: nothing to do)."""
    try:
        descriptor = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError):  # io.UnsupportedOperation is both
        return
    os.dup2(null, descriptor)
    os.close(null)


class _Discarded(io.TextIOBase):
    """stderr when the process was started without one: everything written is dropped."""

    def write(self, text: str) -> int:
        return len(text)
