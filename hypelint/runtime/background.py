"""Work off an asyncio event loop: one thread that runs jobs in turn and
hands each result back to the loop as a future (the language server's
lints, so that it answers the editor while a long draft is linted).

One thread, not a pool: jobs share module-level caches (configs, rules,
compiled patterns) that are not made for two lints at a time, and in
Python two CPU-bound threads finish no sooner than one. A daemon thread:
a client that says exit is not kept waiting for a lint to finish.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from typing import Any, Callable


class BackgroundThread:
    """Runs `submit`ted calls one at a time, in order, on a thread of its own."""

    def __init__(self, name: str) -> None:
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._work, name=name, daemon=True).start()

    def submit(self, function: Callable[..., Any], *args: Any) -> asyncio.Future:
        """`function(*args)` on the thread; awaited on the running loop, the
        future gives its result or raises its exception."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._jobs.put((loop, future, function, args))
        return future

    def _work(self) -> None:
        while True:
            loop, future, function, args = self._jobs.get()
            try:
                outcome = (function(*args), None)
            except Exception as exc:  # handed to whoever awaits the future
                outcome = (None, exc)
            try:
                loop.call_soon_threadsafe(_settle, future, *outcome)
            except RuntimeError:  # the loop is closed: the server is stopping, nobody waits
                pass


def _settle(future: asyncio.Future, result: Any, error: Exception | None) -> None:
    if future.cancelled():
        return
    if error is None:
        future.set_result(result)
    else:
        future.set_exception(error)
