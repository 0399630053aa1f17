"""Attribution: whether a sentence says who stands behind it.

"Ruiz said", "said Ruiz", "Ruiz, the lab's director, said", "the report
found", "according to Gartner", "a study by the ONS": a named source, a
reporting verb or a source's own verb next to a speaker. An unnamed crowd
("experts agree", "it is widely believed", WEASEL_FRAME) names nobody, and
a bare "researchers" or "a study" is exactly the unnamed source the claim
rules look for. The context (context.py) asks `named_attribution` of each
sentence a rule asks about, outside its quotations.
"""

from __future__ import annotations

import re

from hypelint.patterns.alternation import word_alternation
from hypelint.patterns.literals import Prefiltered
from hypelint.analysis.quotes import REPORTING_VERBS

# A named source: capitalised words ("Dana Ruiz", "the Office for National
# Statistics", "Gartner"), or a role at an organisation ("analysts at Jefferies").
# Capitalised words that open sentences without naming anyone.
_NOT_NAMES = (
    "A|An|The|This|That|These|Those|It|Its|There|Here|Many|Some|Most|Few|Several|Other|Others|One|Another|Experts?|"
    "Researchers?|Scientists?|Analysts?|Critics?|Studies|Study|Research|Observers?|Officials?|People|Sources?|"
    "Insiders?|Economists?|Commentators?|Proponents?|Supporters?|Skeptics?|Sceptics?|Everyone|Everybody|"
    "Nobody|Someone|Somebody|Industry|Users?|Customers?|Investors?|Engineers?|Developers?|Doctors?|Reports?|"
    "Data|Surveys?|Polls?|Evidence|Figures|Statistics|Estimates|Forecasts?|Predictions?|Leaders?|Pundits?|"
    "Insiders|Watchers|Fans|Companies|Firms|Governments|Academics|Specialists|Professionals|Practitioners|"
    "In|On|At|By|For|With|As|If|When|While|But|And|Yet|So|Now|Today|However|Meanwhile|Still|Also|Even|Then"
)
_NAME = rf"(?:(?=[A-Z])(?!(?:{_NOT_NAMES})\b)[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|de|la|van|von|the|&)?\s*[A-Z][\w’'&.-]*){{0,6}})"
_ROLE = (
    r"(?:company|firm|group|government|ministry|department|agency|regulator|university|lab|laboratory|"
    r"institute|researchers?|scientists?|analysts?|economists?|officials?|spokes(?:wo)?man|spokesperson|"
    r"authors?|team|study|report|survey|paper|watchdog|court|police|council|committee|commission|maker|"
    r"developer|start-?up|chief executive|ceo|founder|statement|filing|spokesperson|data|figures|statistics)"
)
_PRONOUN = r"(?i:he|she|they|it|we|i)"
# A role names a source only when it points back to one ("the company",
# "its report") or says whose it is ("analysts at Jefferies"); a bare
# "researchers" or "a study" is exactly the unnamed source rules look for.
_SPEAKER = (
    rf"(?:{_NAME}|{_PRONOUN}|(?i:the|its|their|his|her|this|that)\s+(?:\w+\s+)?{_ROLE}"
    rf"|(?:an?\s+)?{_ROLE}\s+(?:at|of|from|for|by)\s+(?:the\s+)?[A-Z][\w’'&.-]*"
    rf"|{_NAME}(?:’s|'s)?\s+{_ROLE}|{_NAME}(?:’s|'s)\s+(?:[\w-]+\s+){{1,2}}{_ROLE})"
)
_SOURCE_VERBS = (
    "found finds show shows showed shown suggest suggests suggested estimate estimates estimated project projects "
    "projected forecast forecasts predict predicts predicted expect expects expected calculated calculates measured "
    "counted recorded published reported revealed reveals concluded concludes announced disclosed confirmed confirms "
    "cite cites cited classifies classified attributes attributed listed detailed documented identifies identified "
    "highlighted ranked rated described noted stated added says said ruled interviewed polled surveyed sampled"
).split()
# Reporting verbs ("said", "told") and verbs a study or dataset reports with
# ("found", "estimates"), as one alternation.
_VERB = word_alternation([verb for verb in REPORTING_VERBS.split("|") if verb != "according to"] + _SOURCE_VERBS)
# Verbs that are also nouns ("Loneliness rates drop"): a source only after
# "the report", "its survey", "it".
_ANAPHORIC_VERBS = word_alternation(
    "rates ranks counts records puts put gives gave links linked lists notes states adds details documents measures "
    "highlights describes".split()
)
# An unnamed crowd as the source ("experts agree", "many believe", "it is
# widely thought"): the weasel rules' business, and no attribution.
WEASEL_FRAME = re.compile(
    r"(?i)\b(?:(?:many|some|most|several|other|industry|leading|top|financial|climate|independent)\s+)?"
    r"(?:experts?|analysts?|scientists?|researchers?|critics?|observers?|insiders?|commentators?|economists?|"
    r"observers?|pundits?|people|many|some|most|others|everyone|everybody|reviewers?|users?|engineers?|"
    r"educators?|teachers?|doctors?|physicians?|psychologists?|linguists?|agronomists?|dermatologists?|"
    r"investors?|specialists?|academics?|proponents?|supporters?|sceptics?|skeptics?|studies|surveys)"
    r"(?:\s+(?:everywhere|widely|increasingly|now|generally|broadly|all|in\s+the\s+\w+|in\s+[A-Z]\w+(?:\s+[A-Z]\w+)?))?"
    r"\s+(?:say|says|said|agree|agrees|agreed|believe|believes|believed|argue|argues|think|thinks|claim|claims|"
    r"suggest|suggests|predict|predicts|expect|expects|warn|warns|insist|insists|fear|fears|feel|feels|contend|"
    r"maintain|point\s+out|show|shows)\b"
    r"|\bit\s+is\s+(?:widely|generally|commonly|often|increasingly)\s+(?:thought|believed|accepted|said|agreed|held|known)\b"
)
# A next sentence that names the source of this one: "That is according to
# Gartner's 2025 ranking." "The figures come from the ONS."
BACK_REFERENCE = re.compile(
    r"(?i)^[\"“]?(?:(?:that|this|these|those|it|the\s+\w+(?:\s+\w+)?)\s+(?:is|are|was|were|comes?|came)\s+(?:according\s+to|from)\b"
    r"|according\s+to\b|source\s*:|(?:so|thus)\s+says\b)"
)


# Attribution, anchored on the verb: find the reporting verbs first (a cheap
# search), then look for a speaker just before or after each one ("Ruiz
# said", "said Ruiz", "Ruiz, the lab's director, said", "the report found").
# Trying every speaker form at every position of a sentence would be slow.
_VERB_AT = re.compile(rf"\b(?:(?P<main>{_VERB})|(?P<anaphoric>{_ANAPHORIC_VERBS}))\b")
# Between a speaker and the verb: an auxiliary and an adverb ("Ruiz has
# previously said", "the firm later told").
_AUX = r"(?:has\s+|have\s+|had\s+)?(?:(?:also|previously|earlier|later|once|since|already|then|first|\w+ly)\s+)?"
_SPEAKER_BEFORE = re.compile(rf"\b(?:{_SPEAKER})\s+{_AUX}$")
# "Ruiz, the lab's director, said"; "the firm - the country's biggest - said".
_APPOSITIVE_BEFORE = re.compile(
    rf"\b(?:{_SPEAKER})(?:,\s[^,;]{{3,120}},|\s[-–—]\s[^-–—;]{{3,120}}\s[-–—])\s+{_AUX}$"
)
# A name inside an of-phrase modifies the subject: "early trials of the tool
# have shown" (the trials show, unnamed). With a verb of speech the head is
# a speaker: "the head of the IMF said".
_OF_BEFORE = re.compile(r"\bof\s+$", re.I)
_SPEECH = frozenset(verb for verb in REPORTING_VERBS.split("|") if " " not in verb)


def _modifier(before: str, start: int, verb: str) -> bool:
    """Whether the would-be speaker ending `before` at `start` is the object of "of"."""
    return verb not in _SPEECH and bool(_OF_BEFORE.search(before, 0, start))


# At least one word between: "the show", "the project" are nouns, not "the operator said".
_ANAPHORA_BEFORE = re.compile(r"\b(?i:the|its|their)\s+(?:[\w-]+\s+){1,3}$")
_SOURCE_NOUN_BEFORE = re.compile(
    r"\b(?i:the|its|their|this|that)\s+(?:[\w-]+\s+){0,2}(?i:report|study|survey|paper|analysis|data|figures|"
    r"statistics|review|evaluation|audit|filing|statement|research|index|ranking|census|poll|dataset)s?\s+(?:also\s+)?$"
)
_INVERTED_BEFORE = re.compile(r"(?:^|[,\"”’]\s*)$")
_INVERTED_AFTER = re.compile(rf"[,]?\s+(?!(?:{_PRONOUN})\b)(?:{_SPEAKER})\b")
_OTHER_ATTRIBUTION = Prefiltered(re.compile(
    rf"""(?x)
    \b(?i:according)\s+to\b(?!\s+(?i:industry|recent|some|many|various|several|most|multiple|unnamed|anonymous)\b)(?!\s+(?i:surveys|studies|reports|experts|estimates|analysts|research|sources|insiders|observers)\b)(?!\s+the\s+(?:most\s+)?(?:[a-z]+\s+){{1,2}}(?:analyses|estimates|forecasts|projections|accounts|sources|reports)\b)
    | \b(?i:study|paper|working\s+paper|report|survey|analysis|evaluation|review|poll|audit|trial|census|dataset|index)
        \s+(?:by|from|at|of|published\s+(?:by|in)|commissioned\s+by|conducted\s+by|carried\s+out\s+by|led\s+by)
        \s+(?:the\s+|researchers\s+at\s+|scientists\s+at\s+)?[A-Z]
    | ,\s+(?:said|says|told|added|wrote|explained|argued|warned|noted)\b
    | \b(?:data|figures|statistics|numbers|estimates|research|analysis|survey|report|study|poll)
        \s+(?:from|by|(?:published|compiled|released|commissioned|collected|gathered|conducted|produced)\s+by)\s+(?:the\s+)?[A-Z]
    | \b[A-Z][\w&.-]*(?:\s+\([A-Za-z]+\))?\s+(?:conducted|carried\s+out|commissioned|ran|published|compiled)
        \s+(?:the|a|an|its|this|that)\s+(?:[\w-]+\s+){{0,2}}(?:survey|poll|study|research|analysis|census|report)
    | \b(?:published|reported)\s+(?:in|by)\s+(?:the\s+)?[A-Z]
    | \((?:source|sources|via)\s*:
    | \b(?:source|sources)\s*:\s*[A-Z]
    | \bin\s+a\s+(?:statement|filing|report|interview|blog\s+post|letter|press\s+release|paper)\b
    | \b(?:told|tells)\s+(?:the\s+)?[A-Z]
    | \bcited\s+by\b
    | \b(?:surveyed|polled|questioned|interviewed|sampled)\s+(?:in|by|for)\s+(?:an?\s+|the\s+)?[A-Z]
    | ,\s+(?:the|a|an)\s+(?:[\w'’&-]+\s+){{0,3}}?[A-Z][\w&'’-]*\s+(?:[\w'’&-]+\s+){{0,2}}?
        (?:survey|poll|study|report|analysis|census|index)\b[^.;]{{0,80}}?
        \s(?:suggests|shows|showed|found|finds|says|said|indicates|reveals|revealed)\b
    """
))
_WINDOW = 200
_NAMED_SOURCE = re.compile(
    rf"\b({_NAME})\s+(?:has\s+)?{_VERB}\b|\baccording\s+to\s+(?:the\s+)?({_NAME})"
)


def named_attribution(text: str) -> bool:
    """An attribution that names its source: "Linguists say" does not."""
    if _OTHER_ATTRIBUTION.search(text):
        return True
    for verb in _VERB_AT.finditer(text):
        before = text[max(0, verb.start() - _WINDOW) : verb.start()]
        candidates = []
        if verb.group("main"):
            for pattern in (_SPEAKER_BEFORE, _APPOSITIVE_BEFORE):
                found = pattern.search(before)
                if found and not _modifier(before, found.start(), verb.group()):
                    candidates.append(found.group() + verb.group())
            if _INVERTED_BEFORE.search(before) and _INVERTED_AFTER.match(text, verb.end()):
                return True
            anaphora = _ANAPHORA_BEFORE.search(before)
            if anaphora and not _modifier(before, anaphora.start(), verb.group()):
                return True  # "the operator said", not "trials of the drug have shown"
        elif _SOURCE_NOUN_BEFORE.search(before):
            return True  # "the report lists", not "its camera gives"
        if any(not WEASEL_FRAME.match(candidate) for candidate in candidates):
            return True
    return False


def source_names(text: str) -> set[str]:
    """The names a sentence quotes or reports as sources: "X said", "X has
    found", "according to (the) X"."""
    names = set()
    for found in _NAMED_SOURCE.finditer(text):
        for name in found.groups():
            if name and name.lower() not in ("the", "it", "he", "she", "they", "we", "i"):
                names.add(_strip_article(name))
    return names


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:The|A|An)\s+", "", name).strip()
