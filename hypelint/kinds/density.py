"""density: a piece saturated with hype, as one finding for the whole piece.

One hype word is a slip; twenty in six hundred words is a house style. This
kind runs after the others and counts their findings of the given
categories; when there are more than `per_thousand` per 1,000 words it
reports one finding on the piece's headline: its first heading, or its
first block when it has none (a web page's <title> names the site, not the
piece).

Params:
  categories    which findings count (default: promotional and superlative)
  per_thousand  the rate above which the piece is flagged
  min_words     shorter pieces are not judged (one word in a caption is a rate of 100)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from hypelint.model import Document, Finding, Match
from hypelint.kinds.params import Params as BaseParams
from hypelint.analysis.memo import analyse

# The finding is about the piece; its span (the headline) only anchors it,
# so reporters show it on the piece (the HTML report's banner).
WHOLE_PIECE = True


@dataclass(frozen=True)
class Params(BaseParams):
    categories: tuple[str, ...] = ("promotional", "superlative")
    per_thousand: float = 12.0
    min_words: int = 200


def check(doc: Document, rule) -> Iterator[Match]:
    return iter(())  # everything happens in check_findings, once the other rules have run


def check_findings(doc: Document, rule, findings: list[Finding]) -> Iterator[Match]:
    params: Params = rule.params
    words = analyse(doc).word_count
    if words < params.min_words or not doc.blocks:
        return
    count = sum(1 for f in findings if f.category in params.categories)
    rate = 1000 * count / words
    if rate > params.per_thousand:
        yield Match(
            span=doc.block_span(_headline(doc)),
            values=(("count", str(count)), ("words", str(words)), ("rate", f"{rate:.0f}"),
                    ("threshold", f"{params.per_thousand:g}")),  # fmt: skip
        )


def _headline(doc: Document) -> int:
    """The block that names the piece: its first heading, else its first block."""
    return next((index for index, block in enumerate(doc.blocks) if block.is_heading), 0)
