"""Where a draft steps into an imagined future and back out again.

A scene opens with "Imagine", "Picture", "Fast forward to", "It is the year
2045" or a sentence that starts in a future year (`opens_scene`); the writer
steps back out with a sentence that returns to the present or the past, or
comments on the vision (`closes_scene`). A heading can set its whole section
in the future ("A day in 2050", "Lagos, 2045"): `future_sections` finds
those sections, and `forecast_sections` those and the ones that ask what the
future will be like ("What will offices look like in 2031?"). The
imagined-scene kind reads all of this; the future-claim and unsourced-figure
kinds ask which sections are set in the future.
"""

from __future__ import annotations

import re

from hypelint.analysis.memo import analyse
from hypelint.analysis.topics import TOPICS
from hypelint.model import Document

# "Imagine ..." and "Picture ..." as commands, not "Picture quality has improved".
OPENER = re.compile(
    r"^[\"“‘']?(?:"
    r"(?:[Ii]magine|[Pp]icture|[Ee]nvision|[Ee]nvisage)\s+(?:[A-Z]|(?i:an?|the|this|that|it|yourself|your|you|waking|"
    r"stepping|walking|living|(?:19|20)\d\d)\b)"
    r"|(?i:fast[-\s]forward|close\s+your\s+eyes|it\s+is\s+the\s+year|it['’]s\s+the\s+year|the\s+year\s+is"
    r"|welcome\s+to\s+(?:the\s+year\s+)?(?:19|20)\d\d)\b)"
)
# "In 2045, ...", and future history told in the past: "Instead, between 2040
# and 2045, they settled in."
_YEAR_OPENER = re.compile(
    r"^(?:(?:Instead|Then|But|And|So|Yet),?\s+)?(?i:in|by|between|it\s+is|it['’]s|the\s+year\s+is)\s+"
    r"(?:the\s+year\s+)?(?P<year>(?:20|21)\d\d)\b"
)
_FAST_FORWARD = re.compile(r"(?i)^[\"“‘']?fast[-\s]forward")
_GROUNDING = re.compile(
    r"(?i)^[\"“]?(?:today|for\s+now|currently|right\s+now|at\s+present|in\s+reality|in\s+the\s+real\s+world|"
    r"back\s+in\s+the\s+present|back\s+to|th(?:at|is|e)\s+(?:future|vision|scene|scenario|picture)|such\s+a\s+future|"
    r"the\s+reality|reality|none\s+of\s+this|all\s+of\s+this\s+is|(?:this|that)\s+is\s+not(?!\s+(?:science\s+fiction|sci-fi|fiction|a\s+fantasy|a\s+dream|a\s+fairy\s+tale))|but\s+(?:that|this|for\s+now|today)|"
    r"so\s+far|to\s+date|yet\s+today|for\s+the\s+moment)\b"
)
# "It is an attractive picture." "That, at least, is the vision." The writer
# steps out of the scene to comment on it.
_COMMENTARY = re.compile(
    r"(?i)\b(?:is|was|remains|sounds\s+like)\s+(?:[\w,]+\s+){0,4}(?:vision|promise|pitch|dream|picture|fantasy|"
    r"fiction|scenario|story|prediction|projection|speculation|guess|utopia|sales\s+pitch|thought\s+experiment)\b"
)
MODAL = re.compile(r"(?i)\b(?:will|would|could|may|might|shall)\b|['’]ll\b")
PAST = re.compile(r"(?i)\b(?:was|were|had|did|said|told|announced|reported|launched|released|last\s+(?:year|month|week))\b")
_YEAR = re.compile(r"\b(?:19|20|21)\d\d\b")
_DATED_OPENING = re.compile(r"^(?:In|By|Since|As\s+of|Back\s+in|Until|Through)\s+(?:early\s+|late\s+|mid-)?(?P<year>(?:19|20)\d\d)\b")


def closes_scene(text: str, this_year: int) -> bool:
    """A sentence that steps out of the scene: back to today, comment on it, or a year now past."""
    return bool(_GROUNDING.match(text) or _COMMENTARY.search(text) or _dated_now_or_past(text, this_year))


def opens_scene(text: str, this_year: int, previous) -> bool:
    """Whether a sentence opens a scene: "Imagine ...", "Fast forward to ...",
    "It is the year 2045", or a future year told as fact ("In 2045, ...").
    `previous` is the sentence before it."""
    if OPENER.match(text):
        if _FAST_FORWARD.match(text) and not future_year(text, this_year):
            # "Fast forward two decades" after a past-tense sentence lands in the present.
            return not (previous is not None and PAST.search(previous.text))
        return True
    year = _YEAR_OPENER.match(text)
    # "By 2030, AI will ..." is a prediction (HL401), not a narrated scene.
    return bool(year) and int(year.group("year")) > this_year and not MODAL.search(text)


def future_year(text: str, this_year: int) -> bool:
    """Whether the text names a year after `this_year`."""
    return any(int(year) > this_year for year in _YEAR.findall(text))


def _dated_now_or_past(text: str, this_year: int) -> bool:
    """A sentence set in a year up to the story's own ("In 2024, ...")."""
    opening = _DATED_OPENING.match(text)
    return bool(opening) and int(opening.group("year")) <= this_year


# A heading that sets its section in a future year: "A day in 2050", "Lagos,
# 2045", "Daily life (2040-2045)", "2045: the quiet year", "Welcome to 2060";
# or one that announces predictions over a horizon ("Predictions for the next
# five years"). "Net zero by 2050" is a target, not a scene, and a heading
# that hedges ("what could 2050 look like?") or asks a yes-no question opens
# nothing.
_HEADING_YEAR = re.compile(
    r"(?i)(?:\b(?:in|of|from|it\s+is|it['’]s|(?:the\s+)?year|welcome\s+to|forward\s+to)\s+(?:the\s+)?|,\s*|\(\s*)"
    r"(?P<year>(?:20|21)\d\d)s?\b(?!\s*[-–—]\s*\d)"
    r"|^\W*(?P<lead>(?:20|21)\d\d)s?\b\s*(?:[:–—-]\s|$)"
)
# A span of years is set in the future when it starts there: "(2040-2045)",
# not a plan's "(2025-2030)".
_HEADING_SPAN = re.compile(r"\b(?P<start>(?:20|21)\d\d)\s*[-–—]\s*(?:(?:20|21)\d\d|\d\d)\b")
_HEADING_FORECAST = re.compile(r"(?i)\b(?:predictions?|forecasts?|prophec(?:y|ies))\b")
_HEADING_HORIZON = re.compile(r"(?i)\b(?:next|coming)\s+(?:\d+|few|two|three|five|ten|twenty|fifty)\s+(?:years|decades)\b|\b(?:20|21)\d\d\b")
# Hedges, yes-no questions, and the headline grammar of plans and targets
# ("Fiat to cut jobs in 2027", "Nasa sets 2030 goal").
_HEADING_DOUBT = re.compile(
    r"(?i)\b(?:could|might|may|would|should|if|whether|plans?|aims?|targets?|pledges?|vows?|sets?|goals?|deadline|by)\b"
    r"|\bto\s+(?!(?:19|20|21)\d\d)[a-z]+|^\W*(?:will|can|could|should|is|are|does|do|would|did)\b"
)
# A question or a "will" in the heading asks what the future holds: what
# answers it is forecast ("What will offices look like in 2031?"), not a
# scene, and only when it asks what things will be like ("What happens in
# 2027?" is answered by a schedule).
_HEADING_ASKS = re.compile(r"(?i)\?\s*$|\bwill\b")
_HEADING_LIKE = re.compile(r"(?i)\b(?:looks?|be|is)\s+like\b")
# A heading that returns to the present ("Back to 2025", "The present, in numbers").
_HEADING_NOW = re.compile(r"(?i)\b(?:today|now|present|reality|the\s+facts|so\s+far)\b")


def future_sections(doc: Document, this_year: int) -> set[int]:
    """The blocks of the sections that a heading sets in the future (see
    _HEADING_YEAR): the scene's, narrated as fact."""
    return _sections(doc, this_year)[0]


def forecast_sections(doc: Document, this_year: int) -> set[int]:
    """The blocks of the sections set in the future or that ask what it will
    be like ("What will offices look like in 2031?"): every "will" there
    forecasts."""
    return _sections(doc, this_year)[1]


def _sections(doc: Document, this_year: int) -> tuple[set[int], set[int]]:
    """The blocks under a future-dated heading, as (scene, scene or
    forecast), each up to the next heading of the same or a higher level, one
    that returns to the present, or a sentence that does ("None of this
    exists yet."): that ends the sections around it too. Worked out once per
    document."""
    return analyse(doc).keep("future sections", lambda: _find_future_sections(doc, this_year))


def _find_future_sections(doc: Document, this_year: int) -> tuple[set[int], set[int]]:
    context = analyse(doc).context
    by_block = context.by_block
    scene: set[int] = set()
    forecast: set[int] = set()
    level, kind = None, None  # the level and kind of the heading whose section we are in
    for index, block in enumerate(doc.blocks):
        if block.is_heading:
            if level is not None and (block.level <= level or _heading_now(block.text, this_year)):
                level = None
            if level is None:
                kind = _future_heading(block.text, this_year)
                level = block.level if kind and _reads_as_imagined(doc, context, index, this_year) else None
        elif level is not None:
            forecast.add(index)
            if kind == "scene":
                scene.add(index)
            if any(closes_scene(view.text.strip(), this_year) for view in by_block.get(index, ())):
                level = None
    return scene, forecast


# A section that reports opens on a source, a hedge, a plan or the recent
# past ("The last 12 months have seen ...", "X is hoping to host the 2031
# games"); one that imagines opens on the world it imagines.
_REPORTING_LEAD = re.compile(
    r"(?i)\b(?:(?:last|past|previous)\s+(?:\d+\s+|few\s+)?(?:years?|months?|weeks?|decades?)|ha(?:ve|s)\s+seen|this\s+year|so\s+far"
    r"|(?:hoping|planning|aiming|preparing|expecting)\s+to)\b"
)
_LEAD_SENTENCES = 3
# What the lead of a section set in the future speaks of when it imagines
# (the imagined-scene kind's world of machines, too).
TECHNOLOGY = re.compile(
    r"(?i)\b(?:AI|robot\w*|automat\w*|autonomous|machines?|algorithm\w*|computers?|chips?|devices?|digital|virtual|quantum|"
    r"drones?|hologra\w*|sensors?|implant\w*|neural|cyber\w*|electric\w*|vehicles?|smart|screens?|networks?|simulat\w*|"
    r"VR|AR|app|apps|online|internet|printers?|driverless|self-driving|[\w-]+-(?:controlled|powered|driven))\b"
)
_TOPIC = TOPICS["ai"]


def _reads_as_imagined(doc: Document, context, heading: int, this_year: int) -> bool:
    """Whether the section under a future-dated heading imagines rather than
    reports: its first sentence is no report (above), and its first few
    speak of technology (this is a linter for AI coverage; a sports preview
    "in 2031" is not its business)."""
    lead = []
    for index in range(heading + 1, len(doc.blocks)):
        if doc.blocks[index].is_heading:
            if doc.blocks[index].level <= doc.blocks[heading].level:
                break
            continue  # the section's own sub-headings
        lead.extend(context.by_block.get(index, ()))
        if len(lead) >= _LEAD_SENTENCES:
            break
    if not lead:
        return False
    first = lead[0]
    text = first.text.strip()
    if first.attributed or first.hedged and not OPENER.match(text) or _REPORTING_LEAD.search(text) or _dated_now_or_past(text, this_year):
        return False
    return any(TECHNOLOGY.search(view.text) or _TOPIC.search(view.text) for view in lead[:_LEAD_SENTENCES])


def _future_heading(text: str, this_year: int) -> str | None:
    """"scene", "forecast" or None: what a heading makes of its section."""
    if _HEADING_DOUBT.search(text):
        return None
    future = any(int(found.group("year") or found.group("lead")) > this_year for found in _HEADING_YEAR.finditer(text)) or any(
        int(found.group("start")) > this_year for found in _HEADING_SPAN.finditer(text)
    )
    if not future and _HEADING_FORECAST.search(text):
        horizon = _HEADING_HORIZON.search(text)
        future = bool(horizon) and not any(int(year) <= this_year for year in _YEAR.findall(horizon.group()))
    if not future:
        return None
    if _HEADING_ASKS.search(text):
        return "forecast" if _HEADING_LIKE.search(text) or "will" in text.lower() else None
    return "scene"


def _heading_now(text: str, this_year: int) -> bool:
    years = [int(year) for year in _YEAR.findall(text)]
    return bool(_HEADING_NOW.search(text)) or (bool(years) and max(years) <= this_year)
