"""claim-needs-evidence: a claim cue in the writer's voice, with nothing backing it.

The cue (a superlative, a peacock word, "a study found", "outperforms") is
a finding only when nothing around it does an editor's job: no attribution,
no citation or link, no figure or named comparison set within `window`
sentences, and it is not negated, asked, hedged (when hedges count), quoted
from a named source, or part of a name ("Best Buy", "Great Britain").

Params:
  cues               phrases, or regular expressions with `regex: true`
  regex              treat cues as regular expressions
  exceptions         longer phrases that contain a cue but are fine
  evidence           what clears the claim: attribution, citation, figure, scope, date
  clear_if           further phrases (regular expressions) that clear it when they
                     stand within `window` sentences ("on a test set", "in a trial")
  dated_severity     the severity when the piece carries its own date (a dated
                     news story ages less badly than an evergreen explainer)
  keywords           words one of which a block must hold for a cue to match
                     there (for speed; plain phrases get theirs derived)
  window             how many neighbouring sentences are searched (0: only its own)
  paragraph_sources  a source named earlier in the paragraph covers the claim
  hedges_clear       a hedge (may, could, likely) in the sentence clears it
  skip_names         a cue capitalised mid-sentence is a name, not a claim
  suggestions        cue -> what to write instead (lower-case keys)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from ..context import BACK_REFERENCE, NEGATION, SentenceView, analysis
from ..figures import has_figure
from ..model import Document, Match
from .base import Params as BaseParams
from .base import Cues, compile_terms, inside, sentence_matches

_EVIDENCE = ("attribution", "citation", "figure", "scope", "date")
# An absolute date: a year, a month with a day, an ISO date.
ABSOLUTE_DATE = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b"
)
# A comparison set or period that makes a superlative checkable.
SCOPE = re.compile(
    r"(?i)\b(?:of\s+(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozen)\b"
    r"|among\s+(?:the\s+)?\w+|since\s+(?:19|20)\d\d|on\s+record|so\s+far\s+this\s+year"
    r"|of\s+(?:his|her|their|its)\s+(?:career|life|history)"
    r"|in\s+(?:its|the\s+company['’]s|the\s+firm['’]s)\s+\d+-year\s+history|benchmark|leaderboard)"
)


@dataclass(frozen=True)
class Params(BaseParams):
    cues: tuple[str, ...] = ()
    regex: bool = False
    exceptions: tuple[str, ...] = ()
    evidence: tuple[str, ...] = _EVIDENCE
    window: int = 1
    paragraph_sources: bool = False
    hedges_clear: bool = False
    skip_names: bool = True
    suggestions: dict = field(default_factory=dict)
    clear_if: tuple[str, ...] = ()
    dated_severity: str = ""
    keywords: tuple[str, ...] = ()

    def __post_init__(self):
        if not self.cues:
            raise ValueError("param 'cues' must list at least one phrase")
        unknown = set(self.evidence) - set(_EVIDENCE)
        if unknown:
            raise ValueError(f"param 'evidence' has {sorted(unknown)[0]!r}; allowed: {', '.join(_EVIDENCE)}")
        if self.window < 0:
            raise ValueError("param 'window' must be 0 or more")
        if self.dated_severity not in ("", "info", "warning", "error"):
            raise ValueError("param 'dated_severity' must be info, warning or error")

    @cached_property
    def cue_terms(self):
        return Cues(self.cues, self.regex, "cues", self.keywords)

    @cached_property
    def exception_pattern(self):
        return compile_terms(self.exceptions, False, "exceptions") if self.exceptions else None

    @cached_property
    def clear_pattern(self):
        return compile_terms(self.clear_if, True, "clear_if") if self.clear_if else None


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    context = analysis(doc)
    allowed: dict[int, list[tuple[int, int]]] = {}  # exception spans, per block, found when first needed
    # Whether a sentence is backed depends on the sentence alone: asked once
    # per sentence, not once per cue (a long sentence full of cues made it
    # quadratic, each cue searching the whole sentence for figures).
    supported: dict[int, bool] = {}
    for view, block, found in sentence_matches(doc, rule.scope, params.cue_terms):
        if view.block not in allowed:
            pattern = params.exception_pattern
            allowed[view.block] = [m.span() for m in pattern.finditer(block.text)] if pattern else []
        text = view.text
        start, end = found.start() - view.start, found.end() - view.start
        if inside(allowed[view.block], found.start(), found.end()) or not view.outside_quotes(found.start(), found.end()):
            continue
        if params.skip_names and not _title_cased(block) and _is_name(text, start, found.group()):
            continue
        if _negated(text, start) or (params.hedges_clear and view.hedged):
            continue
        if view.index not in supported:
            supported[view.index] = _supported(context, view, params)
        if supported[view.index]:
            continue
        phrase = " ".join(found.group().split())
        yield Match(
            span=block.source_span(found.start(), found.end()),
            values=(("match", phrase),),
            suggestion=_suggestion(params, phrase),
            severity=(params.dated_severity or None) if _dated(doc) else None,
        )


def _supported(context, view: SentenceView, params: Params) -> bool:
    if params.paragraph_sources and context.paragraph_sourced(view):
        return True
    following = context.sentences[view.index + 1] if view.index + 1 < len(context.sentences) else None
    if following and following.block == view.block and following.sourced and BACK_REFERENCE.match(following.text):
        return True  # "... the most advanced chatbot. That is according to Gartner's ranking."
    for other in [view] + context.neighbours(view, params.window):
        if "attribution" in params.evidence and other.attributed:
            return True
        if "citation" in params.evidence and other.cited:
            return True
        # A figure or a comparison set backs the claim it stands in, not
        # its neighbours ("founded in 2020" next door measures nothing).
        if "figure" in params.evidence and other is view and has_figure(other.text):
            return True
        if "scope" in params.evidence and other is view and SCOPE.search(other.text):
            return True
        if "date" in params.evidence and ABSOLUTE_DATE.search(other.text):
            return True
        if params.clear_pattern and params.clear_pattern.search(other.text):
            return True
    return False


_NEXT_CHAR = re.compile(r"\s*(\S)")


def _is_name(text: str, start: int, phrase: str) -> bool:
    """A cue capitalised where a sentence does not start is part of a name."""
    words = phrase.split()
    first = next((w for w in words if w[:1].isalpha() and w.lower() not in ("the", "a", "an", "its", "one", "of")), "")
    if not first or not first[0].isupper():
        return False
    position = text.find(first, start)
    before = position
    while before > 0 and text[before - 1].isspace():  # not text[:position].rstrip(): a copy per cue
        before -= 1
    if position == 0 or text[before - 1 : before] in (".", ":", "\"", "“", "—"):
        # At a sentence's start a capital means nothing, unless a capitalised
        # word follows: "Remarkable Labs opened an office".
        following = _NEXT_CHAR.match(text, position + len(first))
        return bool(following) and following.group(1).isupper() and len(words) == 1
    return True


def _dated(doc: Document) -> bool:
    """Whether the piece carries its own date (front matter or page metadata)."""
    from ..parsers.frontmatter import document_date

    return document_date(doc.meta) is not None


def _title_cased(block) -> bool:
    """Headings and titles in Title Case: capitals there say nothing of names."""
    return block.kind in ("heading", "title")


# Negations that intensify rather than deny ("nothing short of", "not only").
_NOT_DENIAL = re.compile(r"(?i)(?:nothing|no)\s+(?:short\s+of|less\s+than)\s*$|not\s+only\s*$|never\s+before\s*$")


def _negated(text: str, start: int) -> bool:
    """A negation in the few words before the cue ("not the first", "never the best")."""
    before = text[max(0, start - 25) : start]
    return bool(NEGATION.search(before)) and not _NOT_DENIAL.search(before)


def _suggestion(params: Params, phrase: str) -> str | None:
    key = phrase.lower()
    for cue, suggestion in params.suggestions.items():
        if cue in key:
            return suggestion
    return None
