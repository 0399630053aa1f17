"""existence: flag words and phrases that should not stand in the writer's voice.

Params:
  terms        phrases to find (whole words, case-insensitive)
  regex        treat terms as regular expressions (default false)
  suggestions  phrase -> what to write instead (lower-case keys)
  exceptions   longer phrases that contain a term but are fine
               ("leading to", "best practices"); a match inside one is dropped
  keywords     words one of which a block must hold for a term to match there
               (for speed; plain phrases get theirs derived)
  quoted       what to do inside an attributed quotation or reported speech
               with a named source: "skip" (default), or "flag"
  negation     "clears" to leave a term alone when its own clause denies it
               just before ("fun but not transformative", "no magic wand") or
               concedes it on the way to a criticism ("even cutting-edge
               models fail"); "ignore" (default) flags it anyway
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from hypelint.model import Document, Match
from hypelint.analysis.context import NEGATION
from hypelint.analysis.quotes import quoted_ranges
from hypelint.kinds.params import Params as BaseParams
from hypelint.kinds.terms import compile_terms
from hypelint.kinds.cues import Cues, inside
from hypelint.kinds.scope import scoped_blocks
from hypelint.analysis.memo import analyse


@dataclass(frozen=True)
class Params(BaseParams):
    terms: tuple[str, ...] = ()
    regex: bool = False
    suggestions: dict = field(default_factory=dict)
    exceptions: tuple[str, ...] = ()
    quoted: str = "skip"
    keywords: tuple[str, ...] = ()
    negation: str = "ignore"

    def __post_init__(self):
        if not self.terms:
            raise ValueError("param 'terms' must list at least one phrase")
        if self.quoted not in ("skip", "flag"):
            raise ValueError("param 'quoted' must be 'skip' or 'flag'")
        if self.negation not in ("ignore", "clears"):
            raise ValueError("param 'negation' must be 'ignore' or 'clears'")

    @cached_property
    def cues(self):
        return Cues(self.terms, self.regex, "terms", self.keywords)

    @cached_property
    def exception_pattern(self):
        return compile_terms(self.exceptions, False, "exceptions") if self.exceptions else None


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    quoted = quoted_ranges(analyse(doc).quotes) if params.quoted == "skip" else {}
    titles = None  # the quoted titles, found once a term needs them
    for index, block in scoped_blocks(doc, rule.scope):
        text = block.text
        found_all = params.cues.in_block(doc, index)
        if not found_all:
            continue
        allowed = [m.span() for m in params.exception_pattern.finditer(text)] if params.exception_pattern else []
        for found in found_all:
            start, end = found.span()
            if inside(allowed, start, end) or inside(quoted.get(index, []), start, end):
                continue
            if params.quoted == "skip" and _reported(doc, index, start):
                continue  # "Andrew Ng has called AI the new electricity": his words, reported
            if params.negation == "clears" and _denied(text, start):
                continue
            if params.quoted == "skip":
                if titles is None:
                    titles = _quoted_titles(doc)
                if inside(titles.get(index, []), start, end):
                    continue  # articles like "The AI Revolution Is Coming": a title named, not a claim made
            phrase = found.group()
            key = " ".join(phrase.lower().split())
            yield Match(
                span=block.source_span(start, end),
                values=(("match", phrase),),
                suggestion=params.suggestions.get(key) or params.suggestions.get(key.replace(" ", "-")),
            )


def _reported(doc: Document, block: int, position: int) -> bool:
    """Whether the sentence holding a position is reported speech with a named source."""
    view = analyse(doc).context.sentence_at(block, position)
    return bool(view and view.attributed)


# The last clause before a term, and negations that intensify rather than deny
# ("not just fast but revolutionary", "nothing short of magical", "has never
# been more seamless").
_CLAUSE_BREAK = re.compile(r"[,;:—–]\s|[.!?]\s")
_NOT_DENIAL = re.compile(r"(?i)\b(?:not|n[’']t)\s+(?:just|only|merely|simply)\b|\b(?:nothing|no)\s+(?:short\s+of|less\s+than)\b|\bnever\s+before\b|\bnever\s+been\s+(?:more|so)\b")


def _denied(text: str, start: int) -> bool:
    """A negation in the few words before a term, in its own clause: "the
    tools are fun but not transformative", "there is no magic wand"."""
    before = _CLAUSE_BREAK.split(text[max(0, start - 30) : start])[-1]
    if _CONCEDED.search(before):
        return True  # "even with cutting-edge models it failed": the best case, granted to make a point against it
    return bool(NEGATION.search(before)) and not _NOT_DENIAL.search(before)


_CONCEDED = re.compile(r"(?i)\beven\s+(?:with\s+|using\s+|on\s+|for\s+)?(?:the\s+|a\s+|an\s+|its\s+|their\s+)?$")


_TITLE_WORD = re.compile(r"[\w’'-]+")
_MINOR_WORDS = frozenset("a an and as at but by for from in into is it of on or the to with vs".split())


def _quoted_titles(doc: Document) -> dict[int, list[tuple[int, int]]]:
    """Per block, the quotations that are titles: four words or more in Title
    Case (every word but the small ones capitalised) name a headline, a book
    or a talk; they assert nothing in the writer's voice."""
    titles: dict[int, list[tuple[int, int]]] = {}
    for quote in analyse(doc).quotes:
        words = _TITLE_WORD.findall(doc.blocks[quote.block].text[quote.start + 1 : quote.end - 1])
        major = [word for word in words if word.lower() not in _MINOR_WORDS]
        if len(words) >= 4 and all(word[0].isupper() or word[0].isdigit() for word in major):
            titles.setdefault(quote.block, []).append((quote.start, quote.end))
    return titles
