"""Cues: a rule's phrases or patterns, searched only in blocks that can hold them.

`Keywords` and the literal prefilters (patterns/literals.py) rule most
blocks out with a set lookup or a substring test before any pattern runs;
`inside` tells a cue's match that lies within an exception's.
"""

from __future__ import annotations

import bisect
import math

from hypelint.patterns.alternation import as_one_alternation
from hypelint.patterns.guard import GuardedPattern
from hypelint.patterns.literals import holds_all, required_literals
from hypelint.model import Document
from hypelint.analysis.memo import analyse
from hypelint.analysis.segment import LOWER_WORD
from hypelint.kinds.terms import check_terms, compile_terms


class Keywords:
    """Words of which a block must hold at least one for a rule to match in it.

    A pattern is costly to run; a set lookup is not. Most blocks hold none of
    a rule's words, so checking them first skips most of the pattern runs.
    An entry "*est" stands for any word ending in "est".
    """

    def __init__(self, words: tuple[str, ...]):
        self.exact = frozenset(w.lower() for w in words if not w.startswith("*"))
        self.suffixes = tuple(w[1:].lower() for w in words if w.startswith("*"))

    def allow(self, words: frozenset[str]) -> bool:
        if not self.exact.isdisjoint(words):
            return True
        return bool(self.suffixes) and any(word.endswith(self.suffixes) for word in words)


def keywords_for(keywords: tuple[str, ...], terms: tuple[str, ...], is_regex: bool) -> Keywords | None:
    """The rule's own keywords; for plain phrases, each phrase's longest word
    (it must be there for the phrase to match); none for bare patterns."""
    if keywords:
        return Keywords(keywords)
    if is_regex:
        return None
    longest = []
    for term in terms:
        parts = LOWER_WORD.findall(term.lower())
        if not parts:
            return None
        longest.append(max(parts, key=len))
    return Keywords(tuple(longest))


class Cues:
    """A rule's phrases or patterns, found in a block's text.

    Each is searched on its own, and only in a block that can hold it: a
    plain phrase where the block has its longest word, a pattern where the
    block holds the literal text it cannot match without (literals.py). An
    alternation of fifty cues is tried at every word of a block; most cues
    are ruled out by a set lookup or a substring test, and a phrase on its
    own is a literal the regex engine skips along to. The matches are those
    of the alternation (`term_pattern`): leftmost first, the longest cue
    where several start together, none overlapping. A block must first hold
    one of the rule's keywords.
    """

    def __init__(self, terms: tuple[str, ...], is_regex: bool, param: str, keywords: tuple[str, ...] = ()):
        check_terms(terms, is_regex, param)
        self.keywords = keywords_for(keywords, terms, is_regex)
        self._is_regex = is_regex
        self._terms = sorted(terms, key=len, reverse=True)  # term_pattern's order
        self._param = param
        self._single: dict[int, GuardedPattern] = {}
        if is_regex:
            self._needs = [required_literals(term) for term in self._terms]
        else:
            self._needs = [_longest_word(term) for term in self._terms]

    def validate(self) -> None:
        """Compile every cue now, so that a bad pattern is reported as its rule
        is read (a rule file not checked before); otherwise each cue is
        compiled when a block first calls for it."""
        for rank in range(len(self._terms)):
            self._pattern(rank)

    def _pattern(self, rank: int) -> GuardedPattern:
        if rank not in self._single:
            self._single[rank] = compile_terms((self._terms[rank],), self._is_regex, self._param)
        return self._single[rank]

    def allow(self, words: frozenset[str]) -> bool:
        return self.keywords is None or self.keywords.allow(words)

    def in_block(self, doc: Document, index: int) -> list:
        """The matches in one block of a document."""
        return self.finditer(doc.blocks[index].text, analyse(doc).block_words(index), analyse(doc).block_lower(index))

    def finditer(self, text: str, words: frozenset[str], lower: str | None = None) -> list:
        """The matches in `text`, whose lower-case words are `words` (and
        lower-case text `lower`, when the caller has it)."""
        if not self.allow(words):
            return []
        if lower is None:
            lower = text.lower()
        candidates = []
        for rank, needs in enumerate(self._needs):
            if self._is_regex:
                if not holds_all(lower, needs):
                    continue
            elif needs and needs not in words:
                continue
            candidates.extend((found.start(), rank, found.end(), found) for found in self._pattern(rank).finditer(text))
        return as_one_alternation(candidates)


def _longest_word(phrase: str) -> str:
    """The phrase's longest lower-case word ("" for one without letters)."""
    return max(LOWER_WORD.findall(phrase.lower()), key=len, default="")


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies wholly inside one of `ranges`.

    The ranges are sorted and do not overlap (the matches of one pattern, a
    block's quotations), so only the last one starting at or before `start`
    can hold it: a bisection, where scanning them all made a block with many
    matches and many exceptions quadratic.
    """
    at = bisect.bisect_right(ranges, (start, math.inf)) - 1
    return at >= 0 and end <= ranges[at][1]
