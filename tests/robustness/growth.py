"""Timing for the growth tests: does 4x the input cost about 4x the time?

A growth test times one action on an input at 1x and at 4x its size and
asserts the ratio stays under MAX_RATIO: linear cost gives about 4,
quadratic 16. A ratio of two timings rather than a time, so that it holds on
a loaded machine, and timed so that the machine's load moves both alike:

* CPU time of this process and of the children it waited for, not wall
  time: other processes on the machine do not add to it;
* the garbage collector off while timing (a collection that falls in one
  timing and not the other is noise of the size of the thing measured);
* the better of three timings, after a warm-up run at 1x that compiles
  patterns and fills caches.

A 1x size should take at least ~0.3 s, so that the clock's resolution and
what remains of the noise do not decide the ratio.
"""

from __future__ import annotations

import gc
import resource
import time
from typing import Callable

MAX_RATIO = 6
TIMINGS = 3


def cpu_seconds(action: Callable[[], object], timings: int = TIMINGS) -> float:
    """The least CPU time (this process and its children) of `timings` runs."""
    best = float("inf")
    for _ in range(timings):
        gc.collect()
        gc.disable()
        try:
            start = _cpu()
            action()
            best = min(best, _cpu() - start)
        finally:
            gc.enable()
    return best


def growth_ratio(action_for: Callable[[int], Callable[[], object]], size: int) -> tuple[float, float, float]:
    """(ratio, seconds at 1x, seconds at 4x) of the action `action_for(n)`
    makes for an input of size n."""
    small, large = action_for(size), action_for(4 * size)
    small()  # warm-up: patterns compiled, caches filled
    once, four = cpu_seconds(small), cpu_seconds(large)
    return four / max(once, 1e-3), once, four


def assert_linear(action_for: Callable[[int], Callable[[], object]], size: int, what: str = "") -> None:
    ratio, once, four = growth_ratio(action_for, size)
    assert ratio < MAX_RATIO, f"{what}: {once:.2f} s at 1x, {four:.2f} s at 4x ({ratio:.1f}x)"


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime
