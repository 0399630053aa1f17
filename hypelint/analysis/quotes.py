"""Quotations and who said them: the writer's voice versus a source's.

A quote is a span between quotation marks (curly or straight, across line
breaks within a block). It is attributed when a reporting verb stands next
to it ("..., she said"; "said Ruiz"; "Ruiz told the BBC: ..."), when its
sentence carries one outside the quote ("Ruiz said the tool 'thinks'"), or
when an "according to" names a source. In a Q&A interview every answer is
an attributed quotation of the interviewee. Hype inside an attributed quote
is the source's, not the writer's.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from hypelint.patterns.alternation import word_alternation
from hypelint.model import Document

REPORTING_VERBS = (
    "said|says|say|told|tells|tell|added|adds|noted|notes|wrote|writes|explained|explains|argued|argues|"
    "claimed|claims|stated|states|insisted|insists|warned|warns|acknowledged|acknowledges|conceded|concedes|"
    "admitted|admits|asked|asks|replied|replies|recalled|recalls|predicted|predicts|estimated|estimates|"
    "believes|believed|suggested|suggests|announced|announces|declared|declares|boasted|boasts|"
    "put it|puts it|described|describes|called|calls|commented|comments|reported|reports|observed|observes|"
    "cautioned|cautions|emphasised|emphasized|stressed|stresses|contends|contended|maintains|maintained|"
    "according to"
)
# Lower case: capitalised, most of these are nouns or names ("the United
# States", "Reports"), and a sentence seldom opens with one as a verb; the
# exception, "According to", is listed.
_REPORTING = re.compile(r"\b" + word_alternation(REPORTING_VERBS.split("|") + ["According to"]) + r"\b")
_PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“"}
_OPEN = re.compile(r"[“\"«„]")


@dataclass(frozen=True)
class Quote:
    """A quotation in a block: prose positions including the marks."""

    block: int
    start: int
    end: int
    attributed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def find_quotes(doc: Document, sentences: list) -> list[Quote]:
    """Every quotation of the draft, with whether it is attributed (`sentences`:
    the draft's, in order)."""
    quotes: list[Quote] = []
    sentences_by_block: dict[int, list[tuple[int, int]]] = {}
    for sentence in sentences:
        sentences_by_block.setdefault(sentence.block, []).append((sentence.start, sentence.end))
    answers = interview_answers(doc)
    introduced = introduced_blockquotes(doc)
    for index, block in enumerate(doc.blocks):
        text = block.text
        if index in answers:
            # An interviewee's answer is theirs from its speaker label to its end.
            quotes.append(Quote(index, answers[index], len(text), True))
            continue
        if index in introduced:
            # A block quotation its lead-in attributes ("..., wrote Ruiz:") is hers whole.
            quotes.append(Quote(index, 0, len(text), True))
            continue
        sentences = sentences_by_block.get(index, [])
        verbs: list[tuple[int, int]] | None = None  # the block's reporting verbs, found for its first quote
        pos = 0
        while True:
            opening = _OPEN.search(text, pos)
            if not opening:
                break
            mark = opening.group()
            close = text.find(_PAIRS[mark], opening.end())
            if close < 0:
                # News style runs a long quotation over paragraphs and closes
                # it only in the last: the rest of this block is the speaker's.
                quotes.append(Quote(index, opening.start(), len(text), True))
                break
            start, end = opening.start(), close + 1
            if verbs is None:
                verbs = [found.span() for found in _REPORTING.finditer(text)]
            attributed = _attributed(text, start, end, sentences, verbs) or _labelled(doc, index, start)
            quotes.append(Quote(index, start, end, attributed))
            pos = end
    return quotes


# A Q&A interview: the questions are the interviewer's turns, the answers
# the interviewee's words, not the writer's. Told from an FAQ (whose answers
# are the writer's) by what its opening says it is.
_QUESTION_TURN = re.compile(r"^[\W_]{0,3}(?:Q|Question)\s*[:.]\s")
_ANSWER_TURN = re.compile(
    r"^[\W_]{0,3}(?:A|Answer|(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}))[\W_]{0,3}\s*:[\W_]{0,3}\s"
)
_INTERVIEW = re.compile(
    r"(?i)\binterview(?:s|ed)?\b|\b(?:spoke|talked|sat\s+down)\s+(?:to|with)\b|\bin\s+conversation\s+with\b|\bQ\s*&\s*A\b"
)
# How many prose blocks at the top of a piece may say it is an interview.
_OPENING_BLOCKS = 3


def interview_answers(doc: Document) -> dict[int, int]:
    """For a Q&A interview, each block of an answer and where its words start
    (after a speaker label such as "A:" or "Ruiz:"): from an answer turn to
    the next question turn or heading. Empty for any other piece."""
    blocks = doc.blocks
    if sum(1 for block in blocks if _QUESTION_TURN.match(block.text)) < 2:
        return {}
    opening = [block.text for block in blocks if block.is_heading][:1]
    opening += [block.text for block in blocks if not block.is_heading][:_OPENING_BLOCKS]
    if not any(_INTERVIEW.search(text) for text in opening):
        return {}
    answers: dict[int, int] = {}
    answering = False
    for index, block in enumerate(blocks):
        if block.is_heading or _QUESTION_TURN.match(block.text):
            answering = False
            continue
        turn = _ANSWER_TURN.match(block.text)
        if turn:
            answering = True
        if answering:
            answers[index] = turn.end() if turn else 0
    return answers if len(answers) >= 2 else {}


# A testimonial's speaker label right before its quote, at the start of the
# block: a name and a role, then a colon ("Dr Ana Ruiz, head of science:").
_SPEAKER_LABEL = re.compile(
    r"[\W_]{0,3}(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3},\s*[^:\n\"“”]{1,80}:[\W_]{0,3}\s*$"
)


def _labelled(doc: Document, index: int, start: int) -> bool:
    """Whether a speaker label stands right before a quote: in its block, or
    as the whole block before one that opens with the quote."""
    if start > _LABEL_MAX:
        return False  # a label is a name and a role: the quote would open the block
    before = doc.blocks[index].text[:start]
    if not before.strip() and index > 0:
        before = doc.blocks[index - 1].text[:_LABEL_MAX + 1] + " "
    return bool(_SPEAKER_LABEL.match(before))


_LABEL_MAX = 160


# A lead-in that hands the floor to a source: a reporting verb, then a colon
# closing the block ("Ruiz, the lab's director, wrote on her blog:").
_LEAD_IN = re.compile(r":\s*$")
_LEAD_IN_VERB = re.compile(r"\b(?:tweeted|posted)\b")


def introduced_blockquotes(doc: Document) -> set[int]:
    """The blocks of each block quotation whose lead-in, the block right
    before it, ends with a colon and has a reporting verb: the quotation is
    the source's. A block quotation with no such lead-in stays as it is
    (pull quotes, the writer's own epigraphs)."""
    blocks = doc.blocks
    found: set[int] = set()
    for index, block in enumerate(blocks):
        if "blockquote" not in block.containers:
            continue
        if index - 1 in found and "blockquote" in blocks[index - 1].containers:
            found.add(index)  # the same quotation, continued
            continue
        if index == 0 or "blockquote" in blocks[index - 1].containers:
            continue
        lead = blocks[index - 1].text
        if _LEAD_IN.search(lead) and (_REPORTING.search(lead) or _LEAD_IN_VERB.search(lead)):
            found.add(index)
    return found


_NEXT_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def _attributed(text: str, start: int, end: int, sentences: list[tuple[int, int]], verbs: list[tuple[int, int]]) -> bool:
    """Whether a reporting verb stands in the sentence before the quote, or
    just after it. `sentences` and `verbs` are the block's, in order; both are
    bisected, never scanned, so a long paragraph full of quotes stays linear."""
    # The sentences the quote touches, with the quote itself cut out.
    at = bisect.bisect_right(sentences, (start, len(text) + 1)) - 1
    first = sentences[at][0] if at >= 0 and start < sentences[at][1] else start
    at = bisect.bisect_left(sentences, (end, -1)) - 1
    last = sentences[at][1] if at >= 0 and end <= sentences[at][1] else end
    # A reporting verb wholly between the sentence's start and the quote.
    at = bisect.bisect_left(verbs, (first, -1))
    if at < len(verbs) and verbs[at][1] <= start:
        return True
    # A closing quote often ends the sentence it sits in ('...great." she said'
    # splits after the mark), so look a little past it too: 120 characters,
    # cut at the next sentence. A split found past end + 120 + 120 could only
    # cut white space off those 120 characters, so the text is read no further.
    after = text[end : min(len(text), max(last, end) + 120, end + 240)]
    after = _NEXT_SENTENCE.split(after, maxsplit=1)[0]
    return bool(_REPORTING.search(after[:120]))


def quoted_ranges(quotes: list[Quote], attributed_only: bool = True) -> dict[int, list[tuple[int, int]]]:
    """Per block, the prose ranges inside quotes (attributed ones only, by default)."""
    ranges: dict[int, list[tuple[int, int]]] = {}
    for quote in quotes:
        if quote.attributed or not attributed_only:
            ranges.setdefault(quote.block, []).append((quote.start, quote.end))
    return ranges
