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
from hypelint.analysis.context import NEGATION, SentenceView
from hypelint.analysis.figures import has_figure
from hypelint.model import Document, Match
from hypelint.analysis.segment import LOWER_WORD
from hypelint.kinds.params import Params as BaseParams
from hypelint.kinds.terms import compile_terms
from hypelint.kinds.cues import Cues, inside
from hypelint.kinds.scope import sentence_matches
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
        if params.skip_names and not _title_cased(block) and _is_name(text, start, found.group()):
            continue
        if _negated(text, start) or (params.hedges_clear and view.hedged):
            continue
        if params.distanced_clears and (_distanced(text, start) or _remarks_on_a_fact(text, start, end)):
            continue
        phrase = " ".join(found.group().split())
        if not _praises(params, phrase, block.text, found.end(), _opens(text, start)):
            continue
        if params.critique_pattern and params.critique_pattern.search(view.outside):
            continue  # "... makes the hyperbolic coverage downright impressive"
        if params.scope_reach and "scope" in params.evidence and _scope_near(text, start, end, params.scope_reach):
            continue
        dates_count = not params.dated_cues or any(word in phrase.lower() for word in params.dated_cues)
        sources_count = not (params.source_praise and _describes_source(text, start))
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


# "..., said Dr Jane Doe, a " / "according to Jane Doe, the ": what follows
# describes the source, in the writer's words.
_SOURCE_APPOSITIVE = re.compile(
    r"\b(?:said|says|told|explained|added|noted|according\s+to)\s+(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir)\.?\s+)?"
    r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}$"
)


def _describes_source(text: str, start: int) -> bool:
    return bool(_SOURCE_APPOSITIVE.search(text, max(0, start - 90), start))


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
    from hypelint.parsers.frontmatter import document_date

    return document_date(doc.meta) is not None


def _title_cased(block) -> bool:
    """Headings and titles in Title Case: capitals there say nothing of names."""
    return block.kind in ("heading", "title")


# Negations that intensify rather than deny ("nothing short of", "not only").
_NOT_DENIAL = re.compile(r"(?i)(?:nothing|no)\s+(?:short\s+of|less\s+than)\s*$|not\s+only\s*$|never\s+before\s*$")


def _negated(text: str, start: int) -> bool:
    """A negation in the few words before the cue ("not the first", "never the best")."""
    before = text[max(0, start - 25) : start]
    # within the cue's own clause: "like no other, it is in a league of its own"
    before = _CLAUSE_BREAK.split(before)[-1]
    return bool(NEGATION.search(before)) and not _NOT_DENIAL.search(before)


_CLAUSE_BREAK = re.compile(r"[,;:—–]\s")


# Words a heading noun phrase stops at: "the best model for the problem" is
# about the model, whatever follows "for".
_PHRASE_END = frozenset(
    "of for to in on at with by from than as that which who whose where when while but about into over under through "
    "across among between since after before behind beyond within without per like".split()
)
_NEXT_WORDS = re.compile(r"[\w’'-]+|[^\w\s]")


def _praises(params: Params, phrase: str, text: str, end: int, opens: bool) -> bool:
    """Whether the cue praises, judging by the words right after it: an
    intensifier needs a praise word next; a superlative heading an argument's
    noun ("the greatest barrier") or an award ("the best actress award")
    praises nothing, nor one that opens its sentence to frame the writer's
    point ("The best way to start is ...", `opens`)."""
    intensifiers, praise, heads, opening_heads = params.word_sets
    if not intensifiers and not heads and not opening_heads:
        return True
    following = []
    for word in _NEXT_WORDS.finditer(text, end, min(len(text), end + 60)):
        token = word.group().lower()
        if not token[0].isalnum() or token in _PHRASE_END:
            break
        following.append(token)
        if len(following) == 4:
            break
    if phrase.lower() in intensifiers:
        return bool(following) and following[0] in praise
    # "The most capable" + "models are ...": a class, when the noun comes right after the superlative
    generic = opens and _bare_superlative(phrase.lower().split())
    for at, word in enumerate(following):
        # The noun heads the phrase where the phrase ends with it or a verb
        # follows it: "flood risk model" is a model, not a risk.
        if at + 1 == len(following) or following[at + 1] in _AFTER_HEAD:
            if word in heads or (opens and word in opening_heads):
                return False
            # "The most capable models are also the dearest": a class, not the subject
            plural_subject = at + 1 < len(following) and word.endswith("s") and not word.endswith(("ss", "us", "is"))
            if generic and plural_subject:
                return False
            break
    return True


def _bare_superlative(words: list[str]) -> bool:
    """"the most capable", "the best", "the greatest": no noun of its own."""
    if len(words) < 2 or words[0] != "the":
        return False
    return words[-2] in ("most", "least") or words[-1] == "best" or words[-1].endswith("est")


# Words that follow the noun heading a phrase: a verb, the subject of a
# clause, or a conjunction ("friends and companions").
_AFTER_HEAD = frozenset(
    "is are was were be been has have had will would can could may might must should do does did remains remain "
    "include includes included lies lay comes came goes went i we we're you they he she it this there and or".split()
)


def _opens(text: str, start: int) -> bool:
    """Whether a cue stands at the head of its sentence, after at most three
    words and no verb ("Perhaps the best example", "Far and away, the best
    way"; not "This is the best way")."""
    before = LOWER_WORD.findall(text[:start].lower())
    return len(before) <= 3 and _COPULAS.isdisjoint(before)


# Verbs that put a superlative after its subject ("This is the most exciting thing").
_COPULAS = frozenset("is are was were be been being s remains remain became becomes become has have had".split())


# Words that distance the writer from the quality they name ("seemingly
# impressive", "supposedly the best", "far from flawless"), framing verbs
# that make it someone's view or pitch ("fans see it as a marvel", "touted as
# the most advanced"), hedges ("arguably the best") and concessions ("while
# impressive, ..."): scepticism, report, a guess or a point conceded, not the
# writer's praise.
_DISTANCING = re.compile(
    r"(?i)(?:\b(?:seemingly|apparently|supposedly|ostensibly|allegedly|superficially|so-called|far\s+from)\s+(?:\w+\s+)?"
    r"|\b(?:see|sees|seeing|saw|seen|touted|billed|marketed|pitched|branded|sold|portrayed|painted|framed)"
    r"(?:\s+[\w’'-]+){0,3}?\s+as\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+)?"
    # the result of a vote or a ranking, or a view, reported: "was voted the best",
    # "chosen as the greatest", "widely considered one of the best" (the weasel rules' business)
    r"|\b(?:voted|named|chosen|crowned|ranked|rated|judged|shortlisted|considered|regarded|deemed)"
    r"\s+(?:as\s+)?(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+)?"
    # hedged right before it: "arguably the best", "may well be the most advanced"
    r"|\b(?:arguably|perhaps|possibly|probably|maybe|potentially"
    r"|(?:may|might|could)\s+(?:well\s+|yet\s+)?(?:be|become|prove))"
    r"\s+(?:(?:one\s+of\s+)?(?:a|an|the|its|their)\s+)?"
    # conceded on the way to a criticism: "While impressive, the demo was scripted",
    # "For all its most impressive stunts, it cannot speak"
    r"|\b(?:while|although|though|albeit)\s+(?:\w+ly\s+)?"
    r"|\bfor\s+all\s+(?:of\s+)?(?:[\w’'-]+\s+){0,2})$"
)


def _distanced(text: str, start: int) -> bool:
    return bool(_DISTANCING.search(text[max(0, start - 60) : start]))


# "It is remarkable that the model works at all", "it's amazing how quickly
# sentiment changed": surprise at a fact the clause states, not praise of a subject.
_IT_IS = re.compile(r"(?i)\bit(?:\s+is|\s+was|['’]s)\s+(?:(?:truly|simply|quite|really|rather|frankly|genuinely)\s+)?$")
_THAT_CLAUSE = re.compile(r"(?i)\s+(?:that|how|to)\b")


def _remarks_on_a_fact(text: str, start: int, end: int) -> bool:
    return bool(_IT_IS.search(text[max(0, start - 30) : start]) and _THAT_CLAUSE.match(text, end))


def _suggestion(params: Params, phrase: str) -> str | None:
    key = phrase.lower()
    for cue, suggestion in params.suggestions.items():
        if cue in key:
            return suggestion
    return None
