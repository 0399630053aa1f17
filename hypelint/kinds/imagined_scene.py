"""imagined-scene: a future scene narrated as if real.

A scene opens with "Imagine", "Picture", "Fast forward to", "It is the year
2045", or a sentence that starts in a year after the document's date ("In
2045, ...", "Between 2040 and 2045, the drones moved in"). Every sentence
from the opener on states fiction as fact, until the scene is closed: by a
heading, by a sentence that returns to the present or the past ("Today",
"For now", "That future", a year up to the document's), by an attributed or
hedged sentence, or after `max_blocks` blocks. An "Imagine ..." opener
counts only once a sentence narrated as fact follows it: "Imagine this error
spreading. Who would catch it?" is rhetoric, not a scene.

A heading can set a whole section in the future ("A day in 2050", "Lagos,
2045", "Daily life (2040-2045)", "Predictions for the next five years"):
then every sentence of the section is the scene, told in the present or the
past, up to the next heading of its level or a sentence that returns to the
present. The section must read as imagined, not reported: its first
sentence no source, hedge, plan or recent past, its first few about
technology ("Chinese exports rise in 2031" over a trade report is news). Inside it, questions, quotations, attributed or hedged sentences,
forecasts with "will" (HL401's), rules ("must"), short lead-ins ("The
rules were:") and a story's character beats ("Maya smiled") are passed over
without ending it.

A scene can also be told to the reader, with no opener at all: a run of
present-tense sentences about what "you" do on an ordinary day while the
machines around you act (see second_person_scene); or be revealed only at
its end ("This is not science fiction. This is 2050.": revealed_scene).

Where a scene opens and closes, and which sections a heading sets in the
future, is the analysis stage's reading (analysis/scenes.py): the
future-claim and unsourced-figure kinds ask it too.

Params:
  max_blocks   the most blocks one scene may run over
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Iterator

from hypelint.analysis.memo import analyse
from hypelint.analysis.scenes import MODAL, OPENER, PAST, TECHNOLOGY, closes_scene, future_sections, future_year, opens_scene
from hypelint.model import Document, Match
from hypelint.kinds.params import Params as BaseParams

_BYLINE = re.compile(r"^\s*By\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*$")


@dataclass(frozen=True)
class Params(BaseParams):
    max_blocks: int = 4


class _Scene:
    """An open scene: where it started, the blocks it ran over, and its
    opener while it waits for a sentence narrated as fact ("Imagine this
    error spreading." followed by a question is rhetoric, not a scene)."""

    def __init__(self, view, framed: bool, waiting: list):
        self.blocks = [view.block]
        self.framed = framed  # opened by a future-dated heading: runs to the section's end
        self.waiting = waiting


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    context = analyse(doc).context
    this_year = context.date.year
    framed = future_sections(doc, this_year)
    # The names the piece uses, worked out only if a future-dated section asks.
    names = cache(lambda: {found.group() for found in _MID_SENTENCE_NAME.finditer("\n".join(b.text for b in doc.blocks))})
    told_to_you = cache(lambda: second_person_scene(doc, context) if _speaks_to_you(doc) else set())
    revealed = cache(lambda: revealed_scene(doc, context, params.max_blocks) if _may_reveal(doc) else set())
    scene: _Scene | None = None
    previous = None  # the sentence before, for "Fast forward" after a past-tense one
    returned = False  # a sentence of this section has returned to the present
    for view in context.sentences:
        block = doc.blocks[view.block]
        if block.is_heading or block.kind == "title":
            scene, previous, returned = None, view, False
            continue
        text = view.text.strip()
        match = Match(span=block.source_span(view.start, view.end), values=(("match", view.text),))
        if scene and scene.framed and view.block not in framed:
            scene = None
        if scene:
            new_block = view.block != scene.blocks[-1]
            if new_block:
                scene.blocks.append(view.block)
            if closes_scene(text, this_year):
                scene, returned = None, True
            elif not scene.framed and (
                len(scene.blocks) > params.max_blocks or view.attributed or view.hedged or (new_block and PAST.search(text))
            ):
                scene = None
        if scene is None and view.block in framed and not returned and not closes_scene(text, this_year):
            scene = _Scene(view, True, [])
        if scene is None and opens_scene(text, this_year, previous) and not (view.attributed or view.hedged):
            # An "Imagine ..." opener counts once a sentence narrated as fact follows it.
            scene = _Scene(view, False, [match] if OPENER.match(text) else [])
            previous = view
            if scene.waiting:
                continue
        previous = view
        if scene and _narrated(view, scene, names):
            yield from scene.waiting
            scene.waiting = []
            yield match
        elif view.index in told_to_you() or view.index in revealed():
            yield match


def _narrated(view, scene: _Scene, names) -> bool:
    """A sentence of the scene stated as fact. In a future-dated section,
    questions, quotations, attributed or hedged sentences and forecasts with
    "will" (HL401's) are passed over; the scene goes on."""
    if view.fully_quoted or view.question or _BYLINE.match(view.text):
        return False
    if scene.framed:
        text = view.outside
        return not (
            view.attributed
            or MODAL.search(text)
            or _TENTATIVE.search(text)
            or _RULE_OR_LEAD_IN.search(text)
            or _character_beat(text, names)
        )
    return True


# "A robot must obey ..." states a rule, not a fact; "The laws were:" leads
# into what follows, which is judged on its own.
_RULE_OR_LEAD_IN = re.compile(r"\bmust\b|^\W*(?:\S+\s+){0,5}\S*:\s*$")
# Hedges of the narration itself: the broader ones of context.HEDGE
# ("suggests", "appears") are, inside a scene, things its machines do.
# Plans and expectations ("the city plans to", "is expected to") are
# statements about intent in the present, not the scene.
_TENTATIVE = re.compile(
    r"(?i)\b(?:probably|perhaps|possibly|maybe|likely|unlikely|if|unless|whether|might|may|could|expected|projected|"
    r"(?:is|are)\s+forecast\s+to|(?:plans?|aims?|hopes?|intends?|wants?|expects?|targets?)\s+to)\b"
)


# In a story set in the future, what a character does ("Maya smiled", "he
# thought") is no claim about the world; what the world holds is. A
# character is "he", "she" or a name: a capitalised word the piece also
# writes in mid-sentence.
_CHARACTER = re.compile(r"^\W*(?:[^,]{0,40},\s+)?(?P<who>he|she|[A-Z][a-z]+)\s+(?:\w+ly\s+)?(?:[a-z]+ed|[a-z]+s)\b")
_THOUGHT = re.compile(r",\s*(?:he|she|[A-Z][a-z]+)\s+(?:thought|wondered|mused|remembered|recalled|reflected)\W*$")
_MID_SENTENCE_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")
_WORLD = re.compile(TECHNOLOGY.pattern + r"|\b(?:20|21)\d\d\b")


def _character_beat(text: str, names) -> bool:
    if _THOUGHT.search(text):
        return True
    who = _CHARACTER.match(text)
    return bool(who) and (who.group("who") in ("he", "she") or who.group("who") in names()) and not _WORLD.search(text)


# A scene told to the reader in the present tense, with no "imagine" and no
# year: "You wake at six. Your assistant has already ordered the coffee."
# Recognised as a whole: a run of sentences that speak to "you" (at most one
# sentence between them that does not), at least four of them narrating what
# you do with no modal ("you can", "you should" are advice, not a story), an
# everyday moment (waking, coming home, the kitchen) and a machine that acts
# in it. How-to steps and product advice have the first, seldom all three.
_YOU = re.compile(r"(?i)\byour?\b|\byou['’](?:re|ve)\b")
_YOU_NARRATES = re.compile(r"(?i)^\W*(?:(?:when|while|as|once)\s+)?you(?:['’]re|\s+(?:\w+ly\s+)?(?!(?:can|could|will|would|should|must|may|might|need|have|want|do|don['’]t|did)\b)[a-z]+)\b|^\W*your\s")
_NOT_NARRATION = re.compile(r"(?i)\b(?:can|could|should|must|may|might|need\s+to|have\s+to|if|unless)\b|['’](?:ll|d)\b|\bwill\b")
_EVERYDAY = re.compile(
    r"(?i)\b(?:wake|wakes|woke|get\s+up|stretch|shower|dress|breakfast|dinner|lunch|kitchen|bedroom|bed|coffee|tea|commute|"
    r"home|workday|workweek|morning|evening|sofa|couch|fridge|closet|walk\s+(?:in|into|by|to)|step\s+(?:in|into|out))\b"
)
_MACHINE = re.compile(
    r"\b(?:AI|A\.I\.)\b|(?i:\b(?:assistant|robot\w*|automated|smart|virtual|screen|sensors?|drone|algorithm|thermostat|device|"
    r"hologra\w*|voice\s+assistant)\b)"
)
_MIN_NARRATED = 4


def _may_reveal(doc: Document) -> bool:
    """Whether the source holds what a reveal cannot be without: one search."""
    return bool(_REVEAL_CLUE.search(doc.text))


def _speaks_to_you(doc: Document) -> bool:
    """Whether the piece says "you" often enough for a scene told to you
    (most news does not): searched in the source before any sentence is read."""
    found = _YOU_CLUE.finditer(doc.text)
    return sum(1 for _ in zip(range(_MIN_NARRATED), found)) >= _MIN_NARRATED


_YOU_CLUE = re.compile(r"\b[Yy]ou")
_REVEAL_CLUE = re.compile(r"(?i)\b(?:this|that)\s+is\s+(?:the\s|20|21)|\bwelcome\s+to\s+(?:the\s+year|20|21)|science\s+fiction|sci-fi")


def second_person_scene(doc: Document, context) -> set[int]:
    """The indices (in context.sentences) of the sentences of every
    second-person scene (see above)."""
    found: set[int] = set()
    run: list = []

    def close() -> None:
        while run and not _YOU.search(run[-1].outside):
            run.pop()  # the sentences after the last one to "you" are not the scene's
        narrated = [view for view in run if _YOU_NARRATES.match(view.outside) and not _NOT_NARRATION.search(view.outside)]
        if len(narrated) >= _MIN_NARRATED:
            text = " ".join(view.text for view in run)
            if _EVERYDAY.search(text) and _MACHINE.search(text):
                found.update(view.index for view in run if not (view.question or view.fully_quoted))
        run.clear()

    gap = 0  # sentences since the run last spoke to "you"
    for view in context.sentences:
        if doc.blocks[view.block].is_heading:
            close()
        elif view.question or view.fully_quoted or not _YOU.search(view.outside):
            if run:
                run.append(view)
                gap += 1
                if gap > 1:
                    close()
        elif run or _YOU_NARRATES.match(view.outside):
            run.append(view)
            gap = 0
    close()
    return found


# A closing reveal: "This is not science fiction. This is 2050." The
# sentences before it, back to the heading, a hedge, a source or a return to
# the present, were the scene.
_REVEAL = re.compile(
    r"(?i)^\W*(?:(?:this|that|it)\s+(?:is|was|isn['’]t)\s+(?:not\s+)?(?:(?:science\s+fiction|sci-fi|fiction|a\s+fantasy|a\s+dream)\b"
    r"|(?:(?:the\s+)?(?:world|year|life|future)\s+(?:of|in)\s+)?(?:20|21)\d\d\b)|welcome\s+to\s+(?:the\s+year\s+)?(?:20|21)\d\d\b)"
)


def revealed_scene(doc: Document, context, max_blocks: int) -> set[int]:
    """The indices of the sentences of every scene told before its reveal
    (see above), the reveal included."""
    found: set[int] = set()
    sentences = context.sentences
    this_year = context.date.year
    index = 0
    while index < len(sentences):
        end = index
        while end < len(sentences) and _REVEAL.match(sentences[end].text) and not doc.blocks[sentences[end].block].is_heading:
            end += 1
        reveal = sentences[index:end]
        if not reveal or not any(future_year(view.text, this_year) for view in reveal):
            index = max(end, index + 1)
            continue
        found.update(view.index for view in reveal)
        blocks = {reveal[0].block}
        before = index - 1
        while before >= 0:
            view = sentences[before]
            blocks.add(view.block)
            text = view.text.strip()
            if (
                doc.blocks[view.block].is_heading
                or len(blocks) > max_blocks
                or closes_scene(text, this_year)
                or view.attributed
                or _TENTATIVE.search(view.outside)
                or MODAL.search(view.outside)
            ):
                break
            if not (view.question or view.fully_quoted):
                found.add(view.index)
            before -= 1
        index = end
    return found
