"""future-claim: a prediction stated as fact in the writer's voice.

A sentence about the future ("will", "is set to", "poised to", "within five
years", "by 2030", "inevitable") is a finding when it is unhedged,
unattributed, not a question or a quotation, and not logistics: "the
committee will vote on Thursday" is a schedule, not a prophecy. A plain
"will" counts only when the claim is sweeping — its subject is AI or
technology in general, everyone, every home — or transformational
("will replace", "will transform") or boosted ("undoubtedly").

Not every "will" is a forecast: the article speaking of itself ("in this
guide we will look at"), the writer's own plans ("I will"), views reported in
a that-clause ("futurists predict that ...") and indirect questions ("about
what AI will be like") are left alone. A concessive lead ("While some tasks
may be automated, ...") does not hedge the clause after it, and "here to
stay" or "one thing is certain" state a forecast in the present tense, and
a negated future ("will no longer", "will not ... anymore") is a forecast.
"There will be" forecasts when what follows the verb is sweeping ("there
will be no jobs for translators"), not "a vote on Thursday".
Under a heading that sets its section in a future year ("AI in 2030",
scenes.forecast_sections), every unhedged "will" is a forecast, and so is
"No more X".

Params:
  transformational  verbs that make a prediction sweeping
  generic_subjects  subjects that make a plain "will" a prediction about the world
  schedule_verbs    verbs of logistics, cleared when a near date is given
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Iterator

from hypelint.analysis.attribution import WEASEL_FRAME
from hypelint.analysis.context import HEDGE
from hypelint.analysis.scenes import forecast_sections
from hypelint.patterns.literals import Prefiltered
from hypelint.model import Document, Match
from hypelint.kinds.params import Params as BaseParams
from hypelint.kinds.terms import term_pattern
from hypelint.kinds.scope import writer_sentences
from hypelint.analysis.memo import analyse

# "will" as a verb, not a noun ("free will", "the will of the people"). The
# word is found first and what stands before it checked after: lookbehinds
# tried at every position made this the dearest pattern of the rule.
_NOUN_WILL = ("free", "good", "ill", "political", "the", "her", "his", "their", "at", "own", "sheer")
_WILL = re.compile(
    r"(?i)\bwill\b" + "".join(rf"(?<!\b{word}\swill)" for word in _NOUN_WILL) + r"(?<!['’]s\swill)(?!\s*(?:power|of\b|,|\.))"
)
_CONTRACTED_WILL = re.compile(r"\b\w+['’]ll\b")
# Cues that speak of the future by themselves ...
# "Inevitably" is left to the boosters: "inevitably, the coverage portrays
# this as ..." says nothing about the future. "Here to stay" and "a matter of
# time" are certainty about it in the present tense.
_FUTURE_ALONE = Prefiltered(re.compile(
    r"(?i)\b(?:(?:is|are)\s+(?:destined|bound)\s+to|destined\s+to|inevitable|(?:is|are)\s+the\s+future\b"
    r"|poised\s+to|on\s+track\s+to|only\s+going\s+to|(?-i:here\s+to\s+stay)|(?:only|just)\s+a\s+matter\s+of\s+time"
    r"|no\s+going\s+back)"
))
# "is set to", "poised to": the future tense of news ("X is set to join Y"),
# weighed like "will"; "they're going to" too.
_WILL_LIKE = Prefiltered(re.compile(r"(?i)(?:\b(?:is|are)\s+|(?<=\w)['’](?:re|s)\s+)(?:set|going|about)\s+to\b"))
# ... and time horizons, which do only beside a future verb ("cut costs
# within two years of installation" reports the past).
_HORIZON = re.compile(
    r"(?i)\b(?:within\s+(?:the\s+next\s+)?(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+few|\d+)\s+(?:years?|decades?|generations?)"
    r"|in\s+the\s+(?:coming|next)\s+(?:few\s+)?(?:years|decades?|generation)|one\s+day\s+soon|one\s+day"
    r"|within\s+(?:the|a)\s+(?:decade|generation)|this\s+decade|by\s+the\s+end\s+of\s+next\s+year|soon"
    r"|(?:the\s+)?next\s+(?:\d+|few|two|three|five|ten|twenty|fifty|hundred)\s+(?:years|decades)"
    r"|\b(?:of|in)\s+(?P<year3>(?:20|21)\d\d)\b"
    r"|before\s+(?P<year2>(?:19|20)\d\d)|forever|for\s+ever|for\s+good|never\s+(?:\w+\s+){0,4}again|never\s+be\s+the\s+same"
    r"|in\s+the\s+(?:not-so-distant\s+|not\s+too\s+distant\s+)?future\b(?!\s+of)"
    r"|by\s+(?:the\s+end\s+of\s+(?:the\s+)?)?(?P<year>(?:19|20)\d\d)|by\s+the\s+end\s+of\s+the\s+decade|by\s+mid-century)"
)
_NEAR_DATE = re.compile(
    r"(?i)\b(?:on|by|from|until|next|this|last|later\s+this|early\s+next|late\s+next)\s+"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|morning|afternoon|evening|"
    r"year|spring|summer|autumn|fall|winter|quarter|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b"
    r"|\b(?:in|by|from)\s+(?:early\s+|late\s+|mid-)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|\b(?:tomorrow|tonight|today)\b|\bat\s+\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)?\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
)
_ADVERB = re.compile(r"(?i)^(?:\w+ly|soon|also|eventually|one\s+day|quickly|then|even|not\s+only|inevitably|not|never|no\s+longer)\s+")
# "There will be ...": whether it forecasts depends on what comes after the verb.
_EXISTENTIAL = re.compile(r"(?i)\bthere\s+$")
# The noun phrase after "there will be" ends where a preposition or a clause
# begins: "a vote on the AI bill" is a vote.
_NOUN_PHRASE_END = re.compile(
    r"[,;:.!?—–(]|\b(?:on|of|for|in|at|to|by|with|from|between|about|over|under|after|before|until|than|that|which|who|"
    r"where|when|and|but|or|behind|across|around)\b"
)
# "Future phones will ...", "Tomorrow's cars will ...": a subject from the future.
_FUTURE_SUBJECT = re.compile(r"(?i)^\W*(?:the\s+)?(?:future|tomorrow['’]s|next-generation)\s+\w+")
_NO_MORE = re.compile(r"(?i)^\W*no\s+more\s+(?!than\b)\w+")
# What a negated future denies is a forecast too: "will no longer", "will
# not ... anymore". ("Will never" is left out: news uses it of people's resolve.)
_NEGATED_CHANGE = re.compile(r"(?i)\s*(?:no\s+longer\b|not\b[^,;.]{0,60}\bany\s?more\b)")
# Certainty about the future stated in the present tense.
_CERTAIN = re.compile(
    r"(?i)\b(?:one\s+thing(?:['’]s|\s+is)\s+(?:for\s+)?(?:sure|certain)|the\s+(?:trajectory|direction)\s+is\s+clear"
    r"|the\s+question\s+(?:is\s+not|isn['’]t|is\s+no\s+longer)\s+(?:whether|if))\b"
)
# Predicates sweeping whoever their subject: "will be obsolete", "will change
# everything".
_SWEEPING = re.compile(
    r"(?i)\b(?:obsolete|extinct|irrelevant|transform\w*|revolutioni[sz]e\w*|redefine|reshape|upend|"
    r"change\s+(?:everything|the\s+world|forever)|never\s+be\s+the\s+same|a\s+thing\s+of\s+the\s+past)\b"
)
_GENERIC_DEFAULT = (
    "ai", "a.i.", "artificial intelligence", "artificial general intelligence", "machines", "machine", "robots", "robot", "algorithms", "algorithm",
    "automation", "technology", "tech", "this technology", "the technology", "computers", "chatbots", "models",
    "generative ai", "agi", "superintelligence", "everyone", "everybody", "no one", "nobody", "every home",
    "every household", "every industry", "every business", "every company", "every job", "every sector",
    "every school", "every hospital", "every car", "every city", "every office", "every classroom", "all jobs",
    "all industries", "all work", "most jobs", "millions of jobs", "robotaxis", "self-driving cars", "drones",
    "humans", "humanity", "society", "the world", "we", "jobs", "workers", "doctors", "teachers",
    "patients", "students", "cities", "homes", "industries", "every industry", "the future", "nothing",
    "life", "our lives", "the way we",
)  # fmt: skip
_TRANSFORM_DEFAULT = (
    "transform", "revolutionise", "revolutionize", "replace", "disrupt", "reshape", "redefine", "upend",
    "obsolete", "eliminate", "wipe out", "take over", "dominate", "usher in", "change everything",
    "change the world", "change how", "change the way", "never be the same", "end", "cure", "solve",
    "outsmart", "surpass", "overtake", "unlock", "supercharge", "make", "become", "emerge",
)  # fmt: skip
_SCHEDULE_DEFAULT = (
    "take place", "be held", "meet", "vote", "report", "publish", "be published", "announce", "launch", "open",
    "close", "begin", "start", "hold", "release", "be released", "go on sale", "be available", "hear", "decide",
    "rule", "travel", "visit", "testify", "appear", "speak", "present", "host", "debate", "sit", "convene",
    "come into force", "take effect", "expire", "resume", "face", "return", "ship", "arrive", "be sentenced",
    "give evidence", "issue", "sign", "attend", "run", "air", "be broadcast", "end", "finish", "roll out",
    "be rolled out", "go live", "be launched",
)  # fmt: skip


@dataclass(frozen=True)
class Params(BaseParams):
    transformational: tuple[str, ...] = _TRANSFORM_DEFAULT
    generic_subjects: tuple[str, ...] = _GENERIC_DEFAULT
    schedule_verbs: tuple[str, ...] = _SCHEDULE_DEFAULT

    @cached_property
    def transform_pattern(self):
        return term_pattern(self.transformational) if self.transformational else None

    @cached_property
    def schedule_pattern(self):
        return term_pattern(self.schedule_verbs) if self.schedule_verbs else None

    @cached_property
    def subject_pattern(self):
        return term_pattern(self.generic_subjects) if self.generic_subjects else None


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    context = analyse(doc).context
    framed = forecast_sections(doc, context.date.year)  # under a heading like "AI in 2030": every "will" forecasts
    possible: dict[int, bool] = {}  # per block: whether it holds any future cue at all
    for view, block in writer_sentences(doc, rule.scope):
        if view.block not in possible:
            lower = analyse(doc).block_lower(view.block)
            possible[view.block] = _may_speak_of_the_future(lower) or (view.block in framed and "no more" in lower)
        if not possible[view.block]:
            continue
        text = view.outside
        lower = text.lower()
        # A sentence about the article itself ("the rest of this guide will ...") forecasts nothing;
        # searched once per sentence, not once per "will" (a run-on of "will"s was quadratic).
        wills = [] if _SELF_REFERENCE.search(text) else [will for will in _future_verbs(text, lower) if _asserted(text, will)]
        # "No more queues, no more forms": under "AI in 2030", a forecast without a verb.
        alone = _FUTURE_ALONE.search(text, lower) or (view.block in framed and _NO_MORE.match(text))
        horizon = bool(alone) or (bool(wills) and _future_horizon(text, context.date.year))
        if not horizon and not wills:
            continue
        if (
            _hedged(view)
            or view.attributed
            or WEASEL_FRAME.search(view.text)
            or _AS_KNOWN.search(text)
            or _told_from_the_past(text, context.date.year)
        ):
            continue  # hedged, sourced, an unnamed crowd's view (the weasel rules' business), or told from the past
        sweeping = bool(horizon) or view.boosted or bool(_CERTAIN.search(text)) or (bool(wills) and view.block in framed)
        # Whether the sentence names a near date: asked for each "will", found once.
        near_date = cache(lambda text=text: bool(_NEAR_DATE.search(text)))
        if not sweeping:
            for will in wills:
                word = will.group().lower()
                after = text[will.end() : will.end() + 60]
                before = _clause_before(text, will.start())
                verb = _ADVERB.sub("", after.lstrip(), count=1)
                if params.transform_pattern and params.transform_pattern.match(verb):
                    sweeping = True
                elif _NEGATED_CHANGE.match(after):
                    sweeping = True  # "Offices will no longer exist", "people will not drive anymore"
                elif (_EXISTENTIAL.search(before) or word.startswith("there")) and _generic(params, _NOUN_PHRASE_END.split(after, 1)[0]):
                    sweeping = True  # "There will be no jobs for translators": the subject comes after the verb
                elif _SWEEPING.search(after) or (
                    params.transform_pattern and params.transform_pattern.search(after) and _generic(params, before)
                ):
                    sweeping = True
                elif (_generic(params, before) or _FUTURE_SUBJECT.match(before)) and not _scheduled(params, after, near_date):
                    sweeping = True
        if not sweeping or _scheduled(params, text, near_date):
            continue
        previous = [s for s in context.neighbours(view, 1) if s.index == view.index - 1]
        if previous and previous[0].attributed and not view.boosted and not _strong(params, text):
            continue  # reported speech carried on from the sentence before
        yield Match(span=block.source_span(view.start, view.end), values=(("match", view.text),))


# A "will" the writer does not assert as a forecast: the article speaking of
# itself ("in this guide we will look at", "references below will mean"),
# the writer's own plans ("I will", "I'll"), a view reported in a that-clause
# ("futurists predict that ...", "the claim that there will be ..."), and
# an indirect question ("about what AI will be like").
_SELF_REFERENCE = re.compile(
    r"(?i)\b(?:(?:this|the\s+(?:next|following|previous|last))\s+(?:article|post|guide|piece|essay|chapter|section|"
    r"series|tutorial|explainer|newsletter|episode|video|thread|talk|lesson)|the\s+rest\s+of\s+(?:this|the)\s+\w+"
    r"|(?:references?|mentions?|list|table|section|examples?|links?|chart|figure)\s+(?:[\w-]+\s+){0,3}below"
    r"|(?:see|listed|described|shown|discussed|explained|outlined|covered|defined|set\s+out)\s+below)\b"
)
_DISCOURSE = re.compile(
    r"(?i)\s*(?:(?:now|then|also|first|briefly|next|later)\s+)?(?:explain|discuss|look\s+at|cover|describe|define|examine|explore|"
    r"walk\s+(?:you\s+)?through|tell\s+you|show\s+you|outline|review|focus\s+on|go\s+(?:through|over)|dive\s+into|"
    r"break\s+down|answer|summari[sz]e|introduce|return\s+to|come\s+back\s+to|learn|use\s+the\s+term|refer\s+to|call)\b"
)
_FIRST_PERSON = re.compile(r"(?i)(?:^|\W)(?:i|we)\s+(?:\w+\s+)?$")
# "Users must renew, or the songs will stop playing": a condition, not a forecast.
_OR_ELSE = re.compile(r"(?i)\b(?:must|need(?:s)?\s+to|ha(?:ve|s)\s+to)\b[^;:]*\bor\s+(?:else\s+)?(?:[\w-]+\s+){0,3}$")
# Resolve ("he is determined the ground will ...") is a plan, not a forecast.
# ("claims" and "fears" are nouns too: they report only with "that".)
_REPORTED = re.compile(
    r"(?i)\b(?:(?:predict(?:s|ed)?|speculat(?:e|es|ed|ing)|warn(?:s|ed)?|insist(?:s|ed)?|argu(?:e|es|ed)|contend(?:s|ed)?|"
    r"assert(?:s|ed)?|prophes(?:y|ies|ied)|say|says|said|saying|told|tells|determined|resolute|adamant)\s+"
    r"|(?:claim|fear|promise|prediction|forecast|belief|idea|notion|hope|assumption|expectation|prophecy|hype)(?:s|ed)?\s+that\s+)[^;:]*$"
)
_INDIRECT_QUESTION = re.compile(
    r"(?i)\b(?:about|wonder\w*|ask\w*|know\w*|explor\w*|consider\w*|imagin\w*|guess\w*|predict\w*|decid\w*|"
    r"unclear|sure|see)\s+(?:what|how|whether|when|where|who|which|if)\b[^,;:]*$"
)
# "As economists have long understood, ...", "For many analysts, ...": a
# view credited to others at the head of the sentence.
_AS_KNOWN = re.compile(
    r"(?i)^\W*(?:as\s+(?:\w+\s+){1,4}(?:understood|noted|argued|shown|observed|pointed\s+out|warned|predicted)\b"
    r"|(?:for|to)\s+(?:many|most|some)\s+(?:\w+s|people),)"
)


_WRITER_I = re.compile(r"(?:^|\W)I\s+(?:\w+\s+)?$")  # "I will", "I certainly will"


def _asserted(text: str, will: re.Match) -> bool:
    """Whether a "will" is the writer's forecast (see the cues above)."""
    word = will.group().lower()
    if word.startswith(("i'", "i’")):
        return False  # "I'll": the writer's plan
    before = text[max(0, will.start() - _CLAUSE_REACH) : will.start()]
    if _WRITER_I.search(before):
        return False  # "I will", "I certainly will"
    if _FIRST_PERSON.search(before) and _DISCOURSE.match(text, will.end()):
        return False  # "we will explain"
    if _OR_ELSE.search(before):
        return False
    reported = _REPORTED.search(before)
    if reported and not _FIRST_PERSON.search(before[: reported.start()]):
        return False
    return not _INDIRECT_QUESTION.search(before[-120:])


# A concessive lead ("While some tasks may be automated, ...", "Whether it's
# A or B, ...") or "the question isn't whether" does not hedge the main clause.
_CONCESSIVE = re.compile(
    r"(?i)^\W*(?:(?:while|although|though|whereas|even\s+though|whether\s+(?:it['’]s|it\s+is|you['’]re))\b[^,]*,"
    r"|.*?\bthe\s+question\s+(?:is\s+not|isn['’]t|is\s+no\s+longer)\s+(?:whether|if)\b)"
)


# "I think", "I understand": the writer's forecast offered as a personal view.
_STANCE = re.compile(r"^\W*I\s+(?:understand|think|suspect|guess|feel|reckon|imagine|assume)\b")


def _hedged(view) -> bool:
    if not view.hedged:
        return bool(_STANCE.match(view.outside))
    lead = _CONCESSIVE.match(view.outside)
    return not lead or bool(HEDGE.search(view.outside[lead.end() :]))


# "By 2019 it will have ...", "when 2024 closes its books": a forecast dated
# in a year the story has already passed is told from the past.
_PAST_YEAR = re.compile(r"(?i)\b(?:when|by)\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d)\b")


def _told_from_the_past(text: str, year: int) -> bool:
    return any(int(found.group("year")) <= year for found in _PAST_YEAR.finditer(text)) and not _future_horizon(text, year)


def _may_speak_of_the_future(lower: str) -> bool:
    """Whether lower-case text holds what a "will", "is set to" or "destined
    to" cannot be without: a block with none is not read sentence by sentence."""
    return (
        "will" in lower
        or "'ll" in lower
        or "’ll" in lower
        or _WILL_LIKE.possible(lower)
        or _FUTURE_ALONE.possible(lower)
    )


def _future_verbs(text: str, lower: str) -> list:
    """The sentence's "will"s, "we'll"s and "is set to"s, each pattern run only
    where a substring test on the lower-case text says it can match."""
    found = list(_WILL.finditer(text)) if "will" in lower else []
    if "'ll" in lower or "’ll" in lower:
        found += _CONTRACTED_WILL.finditer(text)
    found += _WILL_LIKE.finditer(text, lower)
    return found


def _future_horizon(text: str, year: int) -> bool:
    for found in _HORIZON.finditer(text):
        named = found.group("year") or found.group("year2") or found.group("year3")
        if named and int(named) <= year:
            continue  # "by 2019" in a 2025 story is the past
        return True
    return False


# How far back a "will" looks for the start of its clause. A subject is never
# this far from its verb in prose; without the bound, a sentence with no
# punctuation and thousands of "will"s was read from its start for each.
_CLAUSE_REACH = 300


def _clause_before(text: str, position: int) -> str:
    reach = max(0, position - _CLAUSE_REACH)
    start = max(text.rfind(mark, reach, position) for mark in (",", ";", ":", "—", " – ", "(", "that "))
    return text[start + 1 if start >= 0 else reach : position]


def _generic(params: Params, subject: str) -> bool:
    return bool(params.subject_pattern and params.subject_pattern.search(subject))


def _scheduled(params: Params, after: str, near_date) -> bool:
    """Logistics: a schedule verb with a near date ("will vote on Thursday");
    `near_date()` says whether the sentence names one."""
    return bool(params.schedule_pattern and params.schedule_pattern.search(after) and near_date())


def _strong(params: Params, text: str) -> bool:
    return bool(_FUTURE_ALONE.search(text) or _HORIZON.search(text) or (params.transform_pattern and params.transform_pattern.search(text)))

