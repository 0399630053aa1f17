"""Rule patterns with a time budget, so that no pattern can hang a run.

House packs are written by people who are not regex experts, and a pattern
such as `(a+)+$` takes time exponential in the length of a text it fails
on. Every pattern a rule compiles (`kinds.terms.term_pattern`, which
`compile_terms` uses) is a GuardedPattern: each search, match and step of a
finditer runs with the `regex` module's `timeout`, and one that runs past
its budget raises PatternTimeout. The engine then skips that rule for that
file and reports it; the other rules and files go on.

The budget is a floor plus an allowance per character of the text searched,
since searching a long block legitimately takes longer. Both are generous
(the shipped packs search a megabyte in well under a second): only a
pattern that has gone wrong should ever reach them.
"""

from __future__ import annotations

from typing import Any, Iterator

import regex

BUDGET_SECONDS = 1.0
BUDGET_SECONDS_PER_MB = 4.0


class PatternTimeout(Exception):
    """A rule's pattern ran past its time budget on one text."""

    def __init__(self, pattern: str):
        super().__init__(f"pattern timed out: {pattern[:80]}")
        self.pattern = pattern


def budget(length: int) -> float:
    """Seconds one search over `length` characters may take."""
    return BUDGET_SECONDS + BUDGET_SECONDS_PER_MB * length / 1_000_000


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
        """Seconds this pattern may search `string` for."""
        return budget(len(string))

    def _run(self, method, string: str, *args: Any) -> Any:
        try:
            return method(string, *args, timeout=self._timeout(string))
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
        try:
            return self.compiled.sub(repl, string, count, timeout=self._timeout(string))
        except TimeoutError:
            raise PatternTimeout(self.compiled.pattern) from None

    def finditer(self, string: str, pos: int | None = None, endpos: int | None = None) -> Iterator:
        matches = self.compiled.finditer(string, pos, endpos, timeout=self._timeout(string))
        while True:
            try:
                found = next(matches)
            except StopIteration:
                return
            except TimeoutError:
                raise PatternTimeout(self.compiled.pattern) from None
            yield found

    def __repr__(self) -> str:
        return f"GuardedPattern({self.compiled.pattern[:60]!r})"
