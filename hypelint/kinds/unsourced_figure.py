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

from dataclasses import dataclass
from typing import Iterator

from ..context import analysis
from ..figures import statistics_in
from ..model import Document, Match
from .base import Params as BaseParams
from .base import in_scope

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
    for view in context.sentences:
        block = doc.blocks[view.block]
        if not in_scope(block, rule.scope) or view.fully_quoted or view.question:
            continue
        figures = [
            (a, b, kind) for a, b, kind in statistics_in(view.text)
            if view.outside_quotes(view.start + a, view.start + b)
        ]  # fmt: skip
        if not figures or view.sourced or context.paragraph_sourced(view):
            continue
        if params.document_sources and _about_a_source(view.text, context.document_sources):
            continue
        start, end, kind = figures[0]
        yield Match(
            span=block.source_span(view.start + start, view.start + end),
            values=(("match", view.text[start:end]), ("figure", _KIND_WORDS.get(kind, "figure"))),
        )


def _about_a_source(text: str, sources: set[str]) -> bool:
    return any(name in text for name in sources if len(name) > 2)
