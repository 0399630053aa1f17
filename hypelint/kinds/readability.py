"""readability: flag a sentence or paragraph that most readability formulas find hard.

Each formula alone is a rough guess on a single sentence: one long word
moves it by grades. So, as retext-readability does, every formula of a
panel votes, and a sentence (or paragraph) is flagged only when enough of
them put it above the grade threshold. Sentences wholly inside a quotation
are the speaker's words and are left out (of paragraphs too).

Params:
  unit       "sentence" (default) or "paragraph": what is scored and flagged
  grade      school grade a unit must be above to count as hard (default 16)
  formulas   the panel (default: flesch-kincaid, gunning-fog, smog,
             coleman-liau, ari; "flesch" adds reading ease on Flesch's table)
  agree      how many formulas must agree (default 0: a majority)
  min_words  units with fewer words are not scored (default 5); on a few
             words one long one decides every formula

Message values: {agree} (formulas that agree), {formulas} (panel size),
{grade} (the threshold), {grades} (each formula's grade), {words}, {unit}.
A unit with code or a URL inside is reported up to where that begins, since
a finding may not touch them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from hypelint.analysis.memo import analyse
from hypelint.model import Block, Document, Match, Span
from hypelint.analysis.readability import DEFAULT_FORMULAS, FORMULA_NAMES, GRADE_FORMULAS, Counts, grades, sentence_counts
from hypelint.analysis.segment import words
from hypelint.kinds.params import Params as BaseParams
from hypelint.kinds.scope import in_scope

UNITS = ("sentence", "paragraph")


@dataclass(frozen=True)
class Params(BaseParams):
    unit: str = "sentence"
    grade: float = 16.0
    formulas: tuple[str, ...] = DEFAULT_FORMULAS
    agree: int = 0
    min_words: int = 5

    def __post_init__(self):
        if self.unit not in UNITS:
            raise ValueError(f"param 'unit' must be one of: {', '.join(UNITS)}")
        unknown = [name for name in self.formulas if name not in GRADE_FORMULAS]
        if unknown or not self.formulas or len(set(self.formulas)) != len(self.formulas):
            raise ValueError(f"param 'formulas' must list distinct names from: {', '.join(GRADE_FORMULAS)}")
        if not 0 <= self.agree <= len(self.formulas):
            raise ValueError(f"param 'agree' must be between 1 and {len(self.formulas)} (0 for a majority)")
        if self.min_words < 1:
            raise ValueError("param 'min_words' must be at least 1")

    @property
    def needed(self) -> int:
        """How many formulas must agree: as many as asked, else a majority."""
        return self.agree or len(self.formulas) // 2 + 1


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    context = analyse(doc).context
    for index, views in context.by_block.items():
        block = doc.blocks[index]
        if not in_scope(block, rule.scope):
            continue
        # The writer's sentences, each with its counts.
        scored = [(view, sentence_counts(view.text)) for view in views if not view.fully_quoted]
        if params.unit == "sentence":
            for view, counts in scored:
                yield from _judge(doc, block, view.start, view.end, counts, params)
        elif scored:
            total = sum((counts for _, counts in scored), Counts())
            yield from _judge(doc, block, scored[0][0].start, scored[-1][0].end, total, params)


def _judge(doc: Document, block: Block, start: int, end: int, counts: Counts, params: Params) -> Iterator[Match]:
    if counts.words < params.min_words:
        return
    by_formula = grades(counts, params.formulas)
    agree = sum(1 for value in by_formula.values() if value > params.grade)
    if agree < params.needed:
        return
    span = _prose_span(doc, block, start, end)
    if span is None:
        return
    shown = ", ".join(f"{FORMULA_NAMES[name]} {value:.1f}" for name, value in by_formula.items())
    yield Match(
        span=span,
        values=(
            ("agree", str(agree)),
            ("formulas", str(len(by_formula))),
            ("grade", f"{params.grade:g}"),
            ("grades", shown),
            ("words", str(counts.words)),
            ("unit", params.unit),
        ),
    )


def _prose_span(doc: Document, block: Block, start: int, end: int) -> Span | None:
    """The unit's source span; if code or a URL sits inside, its longest clean opening.

    The engine drops any match that touches an excluded region, and a long
    sentence with a link in it is still a long sentence.
    """
    span = block.source_span(start, end)
    if not doc.is_excluded(span):
        return span
    text = block.text
    first = next(
        (start + a for a, b in words(text[start:end]) if not doc.is_excluded(block.source_span(start + a, start + b))),
        None,
    )
    if first is None:
        return None
    # Widening a span can only add excluded regions, so the clean ends form
    # a prefix: binary search for the last one.
    low, high = first + 1, end
    while low < high:
        middle = (low + high + 1) // 2
        if doc.is_excluded(block.source_span(first, middle)):
            high = middle - 1
        else:
            low = middle
    while low > first + 1 and text[low - 1].isspace():
        low -= 1
    return block.source_span(first, low)
