"""unsourced-figure: a statistic in the writer's voice with no source.

A percentage, sum of money, large count, multiplier, share or ranking (see
figures.py) is a check-worthy claim. It is sourced when its sentence names a
source or carries a link or citation, when a source named earlier in the
paragraph (or in the next sentence) covers it, or when the organisation it
is about is quoted as a source elsewhere in the piece (a company's own
results). Numbers inside quotations are the speaker's.

Params:
  document_sources  a source named anywhere in the piece covers figures about it
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator

from ..context import STUDY_FRAME, analysis
from ..figures import statistics_in
from ..model import Document, Match
from .base import Params as BaseParams
from .base import block_words, in_scope

# A forecast's figures are the prediction rules' business.
FUTURE = re.compile(r"(?i)\bwill\b|['’]ll\b|\bby\s+20[3-9]\d\b")

_KIND_WORDS = {
    "percent": "percentage",
    "money": "sum of money",
    "magnitude": "figure",
    "count": "count",
    "multiple": "comparison",
    "share": "share",
    "rank": "ranking",
}


@dataclass(frozen=True)
class Params(BaseParams):
    document_sources: bool = True


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    context = analysis(doc)
    for view, block, figures in _figures_by_sentence(doc, context, rule.scope):
        if view.sourced or context.paragraph_sourced(view) or len(view.text.split()) < 3:
            continue
        if STUDY_FRAME.search(view.text) or _study_earlier(context, view):
            continue  # "a report suggests": the unnamed-study rule asks for the name
        if FUTURE.search(view.text):
            continue
        if params.document_sources and _about_a_source(view.text, context.document_sources):
            continue
        start, end, kind = figures[0]
        yield Match(
            span=block.source_span(start, end),
            values=(("match", block.text[start:end]), ("figure", _KIND_WORDS.get(kind, "figure"))),
        )


def _figures_by_sentence(doc: Document, context, scope):
    """(view, block, figures in the writer's voice) for each statement that has
    any; figures are found once per block (block positions)."""
    for index, views in context.by_block.items():
        block = doc.blocks[index]
        if not in_scope(block, scope):
            continue
        figures = statistics_in(block.text, block_words(doc, index))
        starts = [f[0] for f in figures]
        for view in views:
            # Only the figures that start inside the sentence: bisected, as a
            # paragraph can hold thousands of sentences and figures.
            here = figures[bisect.bisect_left(starts, view.start) : bisect.bisect_left(starts, view.end)]
            mine = [f for f in here if f[1] <= view.end and view.outside_quotes(f[0], f[1])]
            if mine and not view.fully_quoted and not view.question:
                yield view, block, mine


def _study_earlier(context, view) -> bool:
    paragraph = context.paragraph_of[view.block]
    return any(
        STUDY_FRAME.search(other.text)
        for other in context.sentences[max(0, view.index - 8) : view.index]
        if context.paragraph_of[other.block] == paragraph
    )


# Results an organisation reports about itself: "TimeWarner's profits jumped 76%".
_RESULTS = re.compile(
    r"(?i)\b(?:profits?|sales|revenues?|turnover|earnings|losses|shares?|output|prices?|exports|imports|"
    r"rose|fell|jumped|dropped|slumped|climbed|grew|shrank|posted|reported|made\s+a|lost|earned|employs|cut|raised)\b"
)


def _about_a_source(text: str, sources: set[str]) -> bool:
    """Results of an organisation the piece quotes as a source ("X said"):
    its own figures, reported in the sentence about it."""
    stripped = text.lstrip("\"“‘'(")
    return any(stripped.startswith(name) for name in sources if len(name) > 2) and bool(_RESULTS.search(text))
