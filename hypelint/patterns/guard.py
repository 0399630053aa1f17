"""Rule patterns with a time budget, so that no pattern can hang a run.

House packs are written by people who are not regex experts, and a pattern
such as `(a+)+$` takes time exponential in the length of a text it fails
on. Every pattern a rule compiles (`kinds.terms.term_pattern`, which
`compile_terms` uses) is a GuardedPattern, whose every search runs with the
`regex` module's `timeout`.

The budget belongs to a rule on one document, not to one search: a pattern
that takes 0.9 s on every paragraph stays under any budget per search, and
on a draft of a few hundred paragraphs runs for minutes. So the engine opens
an Allowance for each rule on each document (`with allowance:`), and every
search of a GuardedPattern made meanwhile is timed and charged to it: a
search may run only as long as is left, and once nothing is left the next
one raises PatternTimeout. The engine then skips the rule for the rest of
that document and reports it once; the other rules and files go on.

Time is CPU time, as the `regex` module's timeout is, so that a busy
machine does not make a sound pattern look slow. The budget is a floor plus
so much per megabyte of the document, since a long draft legitimately takes
longer. Both are generous (the shipped rule that works hardest, on a draft
made of nothing but "the model will change", spends a fifth of its budget;
on news copy no rule spends a hundredth): only a pattern that has gone
wrong should ever reach them. A search made outside any allowance (a kind called directly)
gets the budget of the text it searches.
"""

from __future__ import annotations

import contextvars
import time
from typing import Any, Callable, Iterator

import regex

BUDGET_SECONDS = 1.0
BUDGET_SECONDS_PER_MB = 20.0
# The clock searches are timed by: this thread's CPU time (a test puts a fake one here).
CLOCK: Callable[[], float] = time.thread_time


class PatternTimeout(Exception):
    """A rule's pattern ran past its time budget."""

    def __init__(self, pattern: str):
        super().__init__(f"pattern timed out: {pattern[:80]}")
        self.pattern = pattern


def budget(length: int) -> float:
    """Seconds the searches over `length` characters may take."""
    return BUDGET_SECONDS + BUDGET_SECONDS_PER_MB * length / 1_000_000


class Allowance:
    """What is left of one rule's time budget on one document.

    While it is open (`with allowance:`), every search of a GuardedPattern
    is charged to it. It can be opened again (the engine runs a rule's
    `check` and then its `check_findings`); what was spent stays spent.
    """

    __slots__ = ("left", "clock", "_token")

    def __init__(self, seconds: float, clock: Callable[[], float] | None = None):
        self.left = seconds
        self.clock = clock or CLOCK
        self._token: contextvars.Token | None = None

    def __enter__(self) -> "Allowance":
        self._token = _OPEN.set(self)
        return self

    def __exit__(self, *exc_info) -> None:
        _OPEN.reset(self._token)
        self._token = None

    def run(self, pattern: str, call: Callable[[float], Any]) -> Any:
        """`call(timeout)`, timed and charged; PatternTimeout when nothing is left
        before it or it runs out of what was."""
        if self.left <= 0:
            raise PatternTimeout(pattern)
        start = self.clock()
        try:
            return call(self.left)
        except TimeoutError:
            raise PatternTimeout(pattern) from None
        finally:
            self.left -= self.clock() - start


# The allowance searches are charged to now: a context variable, so that a
# thread linting beside another (the language server's) has its own.
_OPEN: contextvars.ContextVar[Allowance | None] = contextvars.ContextVar("hypelint_allowance", default=None)


def guarded(pattern: str) -> "GuardedPattern":
    """A case-insensitive pattern a kind builds from its params, guarded."""
    return GuardedPattern(regex.compile(pattern, regex.I | regex.V0))


class GuardedPattern:
    """A compiled `regex` pattern whose every search runs within a budget.

    It offers the methods the kinds use, with the same arguments as
    `regex.Pattern`; each raises PatternTimeout where the budget runs out.
    """

    __slots__ = ("compiled",)

    def __init__(self, compiled: regex.Pattern):
        self.compiled = compiled

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    @property
    def flags(self) -> int:
        return self.compiled.flags

    def _timeout(self, string: str) -> float:
        """Seconds one search of `string` may take at most (and no more than
        what is left of the open allowance)."""
        return budget(len(string))

    def _run(self, method, string: str, *args: Any) -> Any:
        limit = self._timeout(string)
        allowance = _OPEN.get()
        if allowance is not None:
            return allowance.run(self.compiled.pattern, lambda left: method(string, *args, timeout=min(limit, left)))
        try:
            return method(string, *args, timeout=limit)
        except TimeoutError:
            raise PatternTimeout(self.compiled.pattern) from None

    def search(self, string: str, pos: int | None = None, endpos: int | None = None):
        return self._run(self.compiled.search, string, pos, endpos)

    def match(self, string: str, pos: int | None = None, endpos: int | None = None):
        return self._run(self.compiled.match, string, pos, endpos)

    def fullmatch(self, string: str, pos: int | None = None, endpos: int | None = None):
        return self._run(self.compiled.fullmatch, string, pos, endpos)

    def findall(self, string: str, pos: int | None = None, endpos: int | None = None) -> list:
        return self._run(self.compiled.findall, string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list:
        return self._run(self.compiled.split, string, maxsplit)

    def sub(self, repl, string: str, count: int = 0) -> str:
        return self._run(lambda text, *, timeout: self.compiled.sub(repl, text, count, timeout=timeout), string)

    def finditer(self, string: str, pos: int | None = None, endpos: int | None = None) -> Iterator:
        # Every match at once: regex times a finditer from its creation, so
        # the caller's own work between two steps would count as the pattern's.
        return iter(self._run(self._all_matches, string, pos, endpos))

    def _all_matches(self, string: str, pos: int | None, endpos: int | None, *, timeout: float) -> list:
        return list(self.compiled.finditer(string, pos, endpos, timeout=timeout))

    def __repr__(self) -> str:
        return f"GuardedPattern({self.compiled.pattern[:60]!r})"
