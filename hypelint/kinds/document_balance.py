"""document-balance: what a whole piece about AI leaves out.

Two checks an editor makes of the piece as a whole, chosen by `check`:

  limitations  a piece about AI that never mentions a limit, risk, error,
               cost or critic — or mentions them only in its last tenth,
               after the reader has stopped reading
  sources      a piece whose every named source speaks for the company
               (chief executive, founder, spokesperson, a statement),
               with no independent voice

Params:
  check        limitations | sources
  cues         phrases (regular expressions) that count: limitation cues, or
               the company voice, by check
  independent  (sources) phrases that mark an independent source
  tail         (limitations) the fraction at the end where a first mention
               counts as buried
  min_words    shorter pieces are not judged
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

from hypelint.analysis.memo import analyse
from hypelint.model import Document, Match
from hypelint.analysis.segment import count_words
from hypelint.kinds.params import Params as BaseParams
from hypelint.kinds.terms import compile_terms

# The finding is about the piece; its span (the first block) only anchors it.
WHOLE_PIECE = True


@dataclass(frozen=True)
class Params(BaseParams):
    check: str = "limitations"
    cues: tuple[str, ...] = ()
    independent: tuple[str, ...] = ()
    tail: float = 0.1
    min_words: int = 200

    def __post_init__(self):
        if self.check not in ("limitations", "sources"):
            raise ValueError("param 'check' must be 'limitations' or 'sources'")
        if not self.cues:
            raise ValueError("param 'cues' must list at least one pattern")

    @cached_property
    def pattern(self):
        return compile_terms(self.cues, True, "cues")

    @cached_property
    def independent_pattern(self):
        return compile_terms(self.independent, True, "independent") if self.independent else None


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    if not doc.blocks or analyse(doc).word_count < params.min_words:
        return
    if params.check == "limitations":
        yield from _limitations(doc, params)
    else:
        yield from _sources(doc, params)


def _limitations(doc: Document, params: Params) -> Iterator[Match]:
    words_before = 0
    for block in doc.blocks:
        found = params.pattern.search(block.text)
        if found:
            position = words_before + count_words(block.text[: found.start()])
            if position < (1 - params.tail) * analyse(doc).word_count:
                return
            yield Match(span=doc.block_span(0), values=(("problem", "appear only in its last tenth"),))
            return
        words_before += count_words(block.text)
    yield Match(span=doc.block_span(0), values=(("problem", "are never mentioned"),))


def _sources(doc: Document, params: Params) -> Iterator[Match]:
    attributed = [view for view in analyse(doc).context.sentences if view.attributed]
    if len(attributed) < 2:
        return
    company = [view for view in attributed if params.pattern.search(view.text)]
    independent = [view for view in attributed if params.independent_pattern and params.independent_pattern.search(view.text)]
    if company and not independent and len(company) * 2 >= len(attributed):
        yield Match(span=doc.block_span(0), values=(("count", str(len(attributed))),))
