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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from ..model import Document, Match
from ..context import analysis
from ..quotes import quoted_ranges
from .base import Params as BaseParams
from .base import Cues, compile_terms, inside, scoped_blocks


@dataclass(frozen=True)
class Params(BaseParams):
    terms: tuple[str, ...] = ()
    regex: bool = False
    suggestions: dict = field(default_factory=dict)
    exceptions: tuple[str, ...] = ()
    quoted: str = "skip"
    keywords: tuple[str, ...] = ()

    def __post_init__(self):
        if not self.terms:
            raise ValueError("param 'terms' must list at least one phrase")
        if self.quoted not in ("skip", "flag"):
            raise ValueError("param 'quoted' must be 'skip' or 'flag'")

    @cached_property
    def cues(self):
        return Cues(self.terms, self.regex, "terms", self.keywords)

    @cached_property
    def exception_pattern(self):
        return compile_terms(self.exceptions, False, "exceptions") if self.exceptions else None


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    quoted = quoted_ranges(doc) if params.quoted == "skip" else {}
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
            phrase = found.group()
            key = " ".join(phrase.lower().split())
            yield Match(
                span=block.source_span(start, end),
                values=(("match", phrase),),
                suggestion=params.suggestions.get(key) or params.suggestions.get(key.replace(" ", "-")),
            )


def _reported(doc: Document, block: int, position: int) -> bool:
    """Whether the sentence holding a position is reported speech with a named source."""
    view = analysis(doc).sentence_at(block, position)
    return bool(view and view.attributed)
