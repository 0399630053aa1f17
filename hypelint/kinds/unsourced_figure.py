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

from hypelint.analysis.context import HEDGE, NUMBER, STUDY_FRAME
from hypelint.analysis.figures import VAGUE_KINDS, statistics_in
from hypelint.analysis.scenes import future_sections
from hypelint.model import Document, Match
from hypelint.kinds.params import Params as BaseParams
from hypelint.kinds.scope import in_scope
from hypelint.analysis.memo import analyse

# A forecast's figures are the prediction rules' business.
FUTURE = re.compile(r"(?i)\bwill\b|['’]ll\b|\bby\s+20[3-9]\d\b")
# An unnamed body of work ("studies show", "research suggests") is no
# source: the figure it offers is flagged (the weasel rules ask for names too).
UNNAMED_BODY = re.compile(
    r"(?i)\b(?:studies|surveys|research|reports|polls)\s+(?:\w+\s+){0,2}?(?:show|shows|showed|suggest|suggests|"
    r"suggested|find|finds|found|indicate|indicates|reveal|reveals|revealed|prove|proves|confirm|confirms)\b"
)
# The writer in the first person singular tells of their own experience.
_WRITER_HIMSELF = re.compile(r"\bI(?:['’](?:m|ve|d))?\s+[a-z]|\b(?:me|my)\b")
# Advice to the reader, an imperative opening the sentence and a quantity
# after it: "Start with 30-100 examples", "Budget about $200 a run". Not a
# noun that looks like one: "Use of AI grew", "Test scores rose".
_ADVICE = re.compile(
    r"[\W_]*(?:Start|Begin|Use|Aim|Try|Set|Keep|Add|Allow|Budget|Plan|Expect|Choose|Pick|Limit|Give|Run|Collect|"
    r"Gather|Label|Train|Test|Spend|Leave|Reserve|Include|Save|Put|Allocate|Target|Cap|Split|Sample|Check|Review)"
    r"\s+(?:with\s+|for\s+|by\s+)?(?:(?:about|around|roughly|at\s+least|no\s+more\s+than|up\s+to|between|a|an|the|your|"
    r"each|one|two|three|four|five|ten)\b|\d)"
)
# A condition opening the sentence, up to its first comma or dash: "If it
# costs $200 more, ..." supposes a figure, it does not report one.
_CONDITION = re.compile(r"[\W_]*(?:If|Unless|Suppose|Supposing|Assuming|Say)\b[^,;:—–]*")

_KIND_WORDS = {
    "percent": "percentage",
    "money": "sum of money",
    "magnitude": "figure",
    "count": "count",
    "multiple": "comparison",
    "share": "share",
    "rank": "ranking",
    "whole": "sweeping share",
    "rate": "rate",
    "scale": "scale",
    "amount": "sum",
}



@dataclass(frozen=True)
class Params(BaseParams):
    document_sources: bool = True


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    context = analyse(doc).context
    found = list(_figures_by_sentence(doc, context, rule.scope))
    restated = None  # figure -> the sentences stating it, built when first needed
    for view, block, figures in found:
        if view.sourced or context.paragraph_sourced(view) or context.lead_sourced(view) or len(view.text.split()) < 3:
            continue
        if (STUDY_FRAME.search(view.text) or _study_earlier(context, view)) and not UNNAMED_BODY.search(view.text):
            continue  # "a report suggests": the unnamed-study rule asks for the name
        if FUTURE.search(view.text) or view.block in future_sections(doc, context.date.year):
            continue  # under "Predictions for the next five years" too
        if _WRITER_HIMSELF.search(view.outside):
            continue  # "I paid $10 for the ride": the writer's own experience
        if _ADVICE.match(view.text):
            continue  # "Start with 30-100 examples": advice to the reader, not a finding
        if params.document_sources and _about_a_source(view.text, context.document_sources):
            continue
        if _MARKET_DATA.search(view.outside):
            continue
        if restated is None:
            restated = _Restated(found, context)
        figures = [
            (start, end, kind)
            for start, end, kind in figures
            if not _hypothetical(view, start)
            # "likely costs it millions": a vague figure hedged is an estimate, said as one
            and not (kind in VAGUE_KINDS and _hedged_apart(view, start, end))
            and not restated.sourced_elsewhere(view, block.text[start:end])
        ]
        if not figures:
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
        figures = statistics_in(block.text, analyse(doc).block_words(index))
        starts = [f[0] for f in figures]
        for view in views:
            # Only the figures that start inside the sentence: bisected, as a
            # paragraph can hold thousands of sentences and figures.
            here = figures[bisect.bisect_left(starts, view.start) : bisect.bisect_left(starts, view.end)]
            mine = [f for f in here if f[1] <= view.end and view.outside_quotes(f[0], f[1])]
            if mine and not view.fully_quoted and not view.question:
                yield view, block, mine


def _study_earlier(context, view) -> bool:
    """A study offered earlier in the paragraph ("A survey of 300 firms
    suggests ..."), whose figures the unnamed-study rule asks about; not an
    unnamed body of work ("Studies show ..."), which covers nothing."""
    paragraph = context.paragraph_of[view.block]
    return any(
        STUDY_FRAME.search(other.text) and not UNNAMED_BODY.search(other.text)
        for other in context.sentences[max(0, view.index - 8) : view.index]
        if context.paragraph_of[other.block] == paragraph
    )


# Results an organisation reports about itself: "TimeWarner's profits jumped 76%".
_RESULTS = re.compile(
    r"(?i)\b(?:profits?|sales|revenues?|turnover|earnings|losses|shares?|output|prices?|exports|imports|"
    r"rose|fell|jumped|dropped|slumped|climbed|grew|shrank|posted|reported|made\s+a|lost|earned|employs|cut|raised)\b"
)


# The results of the firm a story is about, told as its own: "Revenue dipped
# 1.4% to 86.7bn francs", "Its shares were down 8%".
_OWN_RESULTS = re.compile(
    r"(?:Its\s+|Their\s+|The\s+(?:company|firm|group|bank|carrier|airline|retailer|lender|insurer)['’]s\s+)?"
    r"(?:(?:Net|Pre-tax|Operating|Annual|Quarterly|Full-year|Half-year|First-half|Second-half)\s+)?"
    r"(?i:revenues?|profits?|sales|earnings|turnover|net\s+income|losses|shares)\b"
    r"(?!\s+(?:of|in|across|for)\b)"  # "Sales of robot vacuums grew 38%" is the market's, not the firm's
)


def _about_a_source(text: str, sources: set[str]) -> bool:
    """Results of an organisation the piece quotes as a source ("X said"):
    its own figures, reported in the sentence about it, whether it names the
    organisation or opens with its results ("Revenue rose 4%")."""
    stripped = text.lstrip("\"“‘'(")
    if not sources or not _RESULTS.search(text):
        return False
    return bool(_OWN_RESULTS.match(stripped)) or any(stripped.startswith(name) for name in sources if len(name) > 2)


# Market prices and box-office takings are public record: "Its shares closed
# at 873p", "Brent crude rose $1.89 in London trading", "took $22m at the box
# office".
_MARKET_DATA = re.compile(
    r"(?i)\b(?:shares?|stocks?|futures|crude|index|yields?|bonds?|dollar|euro|pound|sterling|yen)\b"
    r"[^.;]{0,200}?\b(?:trading|trade|closed|closing|the\s+close|opened|session|stock\s+exchange|stock\s+market)\b"
    r"|\bbox[\s-]office\b|\bopening\s+weekend\b"
)


def _hypothetical(view, position: int) -> bool:
    """Whether a block position lies in the condition that opens its sentence."""
    condition = _CONDITION.match(view.text)
    return bool(condition) and position - view.start < condition.end()


def _hedged_apart(view, start: int, end: int) -> bool:
    """Whether the sentence is hedged outside the figure ("most if not all"
    holds an "if" that hedges nothing)."""
    start, end = start - view.start, end - view.start
    return view.hedged and bool(HEDGE.search(view.outside[:start] + " " * (end - start) + view.outside[end:]))


def _figure_key(figure: str) -> str:
    return " ".join(figure.lower().split())


def _statements(found) -> dict[str, list]:
    """For each figure with a digit, the sentences that state it."""
    statements: dict[str, list] = {}
    for view, block, figures in found:
        for start, end, _ in figures:
            figure = block.text[start:end]
            if NUMBER.search(figure):
                statements.setdefault(_figure_key(figure), []).append(view)
    return statements


class _Restated:
    """A figure restated ("the 47% figure") is covered by the source of the
    sentence that first gave it, wherever in the piece that stands."""

    def __init__(self, found, context) -> None:
        self.context = context
        self.statements = _statements(found)
        # Per figure, its first two sourced sentences: the sentence asking may
        # be one of them. Kept, not re-read for every figure asked about: a
        # piece stating one figure thousands of times made that quadratic.
        self.sourced: dict[str, list] = {}

    def sourced_elsewhere(self, view, figure: str) -> bool:
        key = _figure_key(figure)
        if key not in self.sourced:
            first: list = []
            for other in self.statements.get(key, ()):
                if all(other is not seen for seen in first) and (
                    other.sourced or self.context.paragraph_sourced(other)
                ):
                    first.append(other)
                    if len(first) == 2:
                        break
            self.sourced[key] = first
        return any(other is not view for other in self.sourced[key])
