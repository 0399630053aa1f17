"""imagined-scene: a future scene narrated in the present tense as if real.

A scene opens with "Imagine", "Picture", "Fast forward to", "It is the year
2045", or a sentence that starts in a year after the document's date ("In
2045, ..."). Every sentence from the opener on states fiction as fact, until
the scene is closed: by a heading, by a sentence that returns to the present
or the past ("Today", "For now", "That future", a year up to the document's),
by an attributed or hedged sentence, or after `max_blocks` blocks.

Params:
  max_blocks   the most blocks one scene may run over
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..context import analysis
from ..model import Document, Match
from .base import Params as BaseParams

# "Imagine ..." and "Picture ..." as commands, not "Picture quality has improved".
_OPENER = re.compile(
    r"^[\"“‘']?(?:"
    r"(?:[Ii]magine|[Pp]icture|[Ee]nvision|[Ee]nvisage)\s+(?:[A-Z]|(?i:an?|the|this|that|it|yourself|your|you|waking|"
    r"stepping|walking|living|(?:19|20)\d\d)\b)"
    r"|(?i:fast[-\s]forward|close\s+your\s+eyes|it\s+is\s+the\s+year|it['’]s\s+the\s+year|the\s+year\s+is"
    r"|welcome\s+to\s+(?:the\s+year\s+)?(?:19|20)\d\d)\b)"
)
_YEAR_OPENER = re.compile(r"^(?:In|By|It\s+is|It['’]s|The\s+year\s+is)\s+(?:the\s+year\s+)?(?P<year>(?:20|21)\d\d)\b")
_GROUNDING = re.compile(
    r"(?i)^[\"“]?(?:today|for\s+now|currently|right\s+now|at\s+present|in\s+reality|in\s+the\s+real\s+world|"
    r"back\s+in\s+the\s+present|back\s+to|that\s+future|this\s+future|such\s+a\s+future|that\s+vision|this\s+vision|"
    r"the\s+reality|reality|none\s+of\s+this|all\s+of\s+this\s+is|this\s+is\s+not|that\s+is\s+not|but\s+(?:that|this|for\s+now|today)|"
    r"so\s+far|to\s+date|yet\s+today|for\s+the\s+moment)\b"
)
# "It is an attractive picture." "That, at least, is the vision." The writer
# steps out of the scene to comment on it.
_COMMENTARY = re.compile(
    r"(?i)\b(?:is|was|remains|sounds\s+like)\s+(?:[\w,]+\s+){0,4}(?:vision|promise|pitch|dream|picture|fantasy|"
    r"fiction|scenario|story|prediction|utopia|sales\s+pitch|thought\s+experiment)\b"
)
_MODAL = re.compile(r"(?i)\b(?:will|would|could|may|might|shall)\b|['’]ll\b")
_PAST = re.compile(r"(?i)\b(?:was|were|had|did|said|told|announced|reported|launched|released|last\s+(?:year|month|week))\b")


@dataclass(frozen=True)
class Params(BaseParams):
    max_blocks: int = 4


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    context = analysis(doc)
    this_year = context.date.year
    scene_blocks: list[int] = []
    in_scene = False
    for view in context.sentences:
        block = doc.blocks[view.block]
        if block.is_heading or block.kind == "title":
            in_scene = False
            continue
        text = view.text.strip()
        if in_scene:
            new_block = view.block != scene_blocks[-1]
            if new_block:
                scene_blocks.append(view.block)
            if (
                len(scene_blocks) > params.max_blocks
                or _GROUNDING.match(text)
                or _COMMENTARY.search(text)
                or view.attributed
                or view.hedged
                or _dated_now_or_past(text, this_year)
                or (new_block and _PAST.search(text))
            ):
                in_scene = False
        if not in_scene and _opens_scene(text, this_year) and not (view.attributed or view.hedged):
            in_scene, scene_blocks = True, [view.block]
        if in_scene and not view.fully_quoted:
            yield Match(span=block.source_span(view.start, view.end), values=(("match", view.text),))


def _opens_scene(text: str, this_year: int) -> bool:
    if _OPENER.match(text):
        return True
    year = _YEAR_OPENER.match(text)
    # "By 2030, AI will ..." is a prediction (HL401), not a narrated scene.
    return bool(year) and int(year.group("year")) > this_year and not _MODAL.search(text)


_DATED_OPENING = re.compile(r"^(?:In|By|Since|As\s+of|Back\s+in|Until|Through)\s+(?:early\s+|late\s+|mid-)?(?P<year>(?:19|20)\d\d)\b")


def _dated_now_or_past(text: str, this_year: int) -> bool:
    """A sentence set in a year up to the story's own ("In 2024, ...")."""
    opening = _DATED_OPENING.match(text)
    return bool(opening) and int(opening.group("year")) <= this_year
