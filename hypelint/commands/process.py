"""The process a short command runs in: garbage collected as befits a run
that ends soon, and ended by SIGTERM as cleanly as by Ctrl-C."""

from __future__ import annotations

import atexit
import gc
import signal
from contextlib import contextmanager
from typing import Iterator


class Terminated(BaseException):
    """SIGTERM arrived (see `stopping_cleanly_on_sigterm`)."""


@contextmanager
def stopping_cleanly_on_sigterm() -> Iterator[None]:
    """SIGTERM (`kill`, a cancelled CI job, a hook that timed out) ends the
    run as Ctrl-C does, by an exception: on its way out a report being
    written removes its temporary file (atomic.py), where the signal's
    default action would leave it behind. The exit code is the shell's for
    a process killed by SIGTERM, 143."""

    def terminate(signum, frame):
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # main() called in-process from a thread other than the main one: left as it was
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def collecting_for_a_short_run() -> Iterator[None]:
    """Python's cyclic garbage collector, tuned for a command that ends soon.

    By default it runs every 700 new objects, and at exit it walks every
    object still alive: together ~30 ms of checking one small file (a tenth),
    in a process whose memory the OS takes back whole when it ends. So while
    the command runs, a collection waits for 200,000 new objects (as mypy
    does), and at exit the objects are frozen first, so that the last
    collections pass them by (Python does not promise objects still alive at
    exit their `__del__` anyway, and every file hypelint writes is closed by
    then). The thresholds are put back afterwards for callers in-process.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(200_000, *thresholds[1:])
    atexit.unregister(gc.freeze)  # registered once, however often main runs in one process
    atexit.register(gc.freeze)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
