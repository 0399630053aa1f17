"""claim-needs-evidence: a claim cue in the writer's voice, with nothing backing it.

The cue (a superlative, a peacock word, "a study found", "outperforms") is
a finding only when nothing around it does an editor's job: no attribution,
no citation or link, no figure or named comparison set within `window`
sentences, and it is not negated, asked, hedged (when hedges count), quoted
from a named source, or part of a name ("Best Buy", "Great Britain").
How the words around a cue read (a name, a negation, a distancing frame)
is claim_wording.py's; what backs the claim is this module's.

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
  intensifiers       cues that praise only before a `praise` word ("incredibly
                     innovative"; "incredibly complex" is an intensifier at work)
  praise             the words that make an intensifier praise
  argument_heads     nouns that, heading the words right after a cue, make it a
                     step of an argument, not praise ("the greatest barrier",
                     "the best example", "the best actress award")
  opening_heads      nouns that do the same for a superlative opening its sentence
                     ("The best way to start is ..."; "X is the best way to" praises X)
  scope_reach        when above 0, a comparison set backs the cue only within
                     this many characters of it: in "X, the most advanced robot
                     made by Y, was one of five inducted", "of five" counts the
                     robots inducted, not the set X leads
  source_praise      praise in an appositive describing a named source ("said Jane
                     Doe, a renowned expert") is the writer's, whatever the
                     sentence attributes: attribution does not clear it
  critique           words that make a sentence a critique of hype or spin
                     ("hyperbolic coverage", "PR stunts", "goes wrong"): a
                     superlative there is irony or concession, not praise
  dated_cues         words of the cues a date clears ("first": "the first to
                     ... in 2019" is a dated record); empty: a date clears any
  distanced_clears   a distancing word ("seemingly", "far from") or a framing verb
                     ("touted as", "voted") just before the cue clears it
  figure_follows     a next sentence of the paragraph that gives a sourced figure
                     backs the claim ("... has been remarkably successful. It
                     says 3 million people use it.")
  lexicon            a .lexicon file in the rule's folder whose entries join
                     these params (lexicon.py)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from hypelint.analysis.attribution import BACK_REFERENCE
from hypelint.analysis.context import SentenceView
from hypelint.analysis.figures import has_figure
from hypelint.model import Document, Match
from hypelint.kinds.params import Params as BaseParams
from hypelint.kinds.terms import compile_terms
from hypelint.kinds.cues import Cues, inside
from hypelint.kinds.scope import sentence_matches
from hypelint.kinds.claim_wording import describes_source, distanced, is_name, negated, opens_sentence, praises, remarks_on_a_fact
from hypelint.analysis.memo import analyse

_EVIDENCE = ("attribution", "citation", "figure", "scope", "date")
# An absolute date: a year, a month with a day, an ISO date.
ABSOLUTE_DATE = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b"
)
# A press release's dateline ("BOSTON, March 3, 2025 – "): it dates the
# story (enough for "today"), not a first that follows it.
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+,\s+[\w .,]{0,24}?\b(?:19|20)\d\d\s*[–—-]+\s")


def _dateline_end(text: str) -> int:
    found = _DATELINE.match(text)
    return found.end() if found else 0


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
    intensifiers: tuple[str, ...] = ()
    praise: tuple[str, ...] = ()
    argument_heads: tuple[str, ...] = ()
    opening_heads: tuple[str, ...] = ()
    critique: tuple[str, ...] = ()
    scope_reach: int = 0
    source_praise: bool = False
    dated_cues: tuple[str, ...] = ()
    figure_follows: bool = False
    distanced_clears: bool = False

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
    def word_sets(self) -> tuple[frozenset, frozenset, frozenset, frozenset]:
        """intensifiers, praise, argument_heads and opening_heads as sets, for lookups."""
        return tuple(map(frozenset, (self.intensifiers, self.praise, self.argument_heads, self.opening_heads)))

    @cached_property
    def critique_pattern(self):
        return compile_terms(self.critique, False, "critique") if self.critique else None

    @cached_property
    def clear_pattern(self):
        return compile_terms(self.clear_if, True, "clear_if") if self.clear_if else None


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    context = analyse(doc).context
    allowed: dict[int, list[tuple[int, int]]] = {}  # exception spans, per block, found when first needed
    # Whether a sentence is backed depends on the sentence alone: asked once
    # per sentence, not once per cue (a long sentence full of cues made it
    # quadratic, each cue searching the whole sentence for figures).
    supported: dict[tuple[int, bool, bool], bool] = {}
    for view, block, found in sentence_matches(doc, rule.scope, params.cue_terms):
        if view.block not in allowed:
            pattern = params.exception_pattern
            allowed[view.block] = [m.span() for m in pattern.finditer(block.text)] if pattern else []
        text = view.text
        start, end = found.start() - view.start, found.end() - view.start
        if inside(allowed[view.block], found.start(), found.end()) or not view.outside_quotes(found.start(), found.end()):
            continue
        if params.skip_names and not _title_cased(block) and is_name(text, start, found.group()):
            continue
        if negated(text, start) or (params.hedges_clear and view.hedged):
            continue
        if params.distanced_clears and (distanced(text, start) or remarks_on_a_fact(text, start, end)):
            continue
        phrase = " ".join(found.group().split())
        if not praises(params.word_sets, phrase, block.text, found.end(), opens_sentence(text, start)):
            continue
        if params.critique_pattern and params.critique_pattern.search(view.outside):
            continue  # "... makes the hyperbolic coverage downright impressive"
        if params.scope_reach and "scope" in params.evidence and _scope_near(text, start, end, params.scope_reach):
            continue
        dates_count = not params.dated_cues or any(word in phrase.lower() for word in params.dated_cues)
        sources_count = not (params.source_praise and describes_source(text, start))
        key = (view.index, dates_count, sources_count)
        if key not in supported:
            supported[key] = _supported(context, view, params, dates_count, sources_count)
        if supported[key]:
            continue
        yield Match(
            span=block.source_span(found.start(), found.end()),
            values=(("match", phrase),),
            suggestion=_suggestion(params, phrase),
            severity=(params.dated_severity or None) if _dated(doc) else None,
        )


def _supported(context, view: SentenceView, params: Params, dates_count: bool = True, sources_count: bool = True) -> bool:
    if params.paragraph_sources and context.paragraph_sourced(view):
        return True
    following = context.sentences[view.index + 1] if view.index + 1 < len(context.sentences) else None
    if following and following.block == view.block and following.sourced and BACK_REFERENCE.match(following.text):
        return True  # "... the most advanced chatbot. That is according to Gartner's ranking."
    if params.figure_follows and following and following.block == view.block and following.sourced:
        if has_figure(following.text):
            return True  # "... has been remarkably successful. It says 3 million people use it daily."
    for other in [view] + context.neighbours(view, params.window):
        if sources_count and "attribution" in params.evidence and other.attributed:
            return True
        if "citation" in params.evidence and other.cited:
            return True
        # A figure or a comparison set backs the claim it stands in, not
        # its neighbours ("founded in 2020" next door measures nothing).
        if "figure" in params.evidence and other is view and has_figure(other.text):
            return True
        # (with a scope_reach, asked of each cue: _scope_near)
        if not params.scope_reach and "scope" in params.evidence and other is view and SCOPE.search(other.text):
            return True
        # A rule whose dates must date the claim ("the first ... in 1996") reads past a dateline.
        after = _dateline_end(other.text) if params.dated_cues else 0
        if dates_count and "date" in params.evidence and ABSOLUTE_DATE.search(other.text, after):
            return True
        if params.clear_pattern and params.clear_pattern.search(other.text):
            return True
    return False


def _scope_near(text: str, start: int, end: int, reach: int) -> bool:
    """A comparison set within `reach` characters of the cue (the window
    widened to whole words)."""
    left = max(0, start - reach)
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = min(len(text), end + reach)
    while right < len(text) and not text[right].isspace():
        right += 1
    return bool(SCOPE.search(text, left, right))


def _dated(doc: Document) -> bool:
    """Whether the piece carries its own date (front matter or page metadata)."""
    from hypelint.parsers.frontmatter import document_date

    return document_date(doc.meta) is not None


def _title_cased(block) -> bool:
    """Headings and titles in Title Case: capitals there say nothing of names."""
    return block.kind in ("heading", "title")


def _suggestion(params: Params, phrase: str) -> str | None:
    key = phrase.lower()
    for cue, suggestion in params.suggestions.items():
        if cue in key:
            return suggestion
    return None
