"""question-needs-answer: a question heading must be followed by its answer.

A heading asks a question when it ends in "?", or when it sits under an FAQ
heading ("FAQ", "Frequently asked questions") and opens with an interrogative
word. Its answer is any prose, list or table in its section (up to the next
heading of the same or higher level), sub-sections included; boilerplate
("TBD", "coming soon", a lone link, another question) is no answer.
"Q:" paragraphs are questions too, answered by an "A:" paragraph.

Params:
  boilerplate   phrases that do not count as an answer on their own
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from hypelint.model import Block, Document, Match
from hypelint.kinds.params import Params as BaseParams
from hypelint.analysis.memo import analyse

_INTERROGATIVE = re.compile(
    r"(?i)^[\"“‘']?(?:who|whom|whose|what|when|where|why|how|which|is|are|was|were|can|could|does|do|did|"
    r"will|would|should|shall|may|might|has|have|had)\b"
)
_FAQ_HEADING = re.compile(r"(?i)\b(?:faqs?|frequently asked questions|questions and answers|q ?& ?a)\b")
_FURNITURE = ("footer", "nav", "aside")
_Q_PARAGRAPH = re.compile(r"^\s*(?:\*\*)?Q(?:uestion)?\s*[:.]\s*", re.I)
_A_PARAGRAPH = re.compile(r"(?:^|\n)\s*(?:\*\*)?A(?:nswer)?\s*[:.]\s*\S", re.I)


@dataclass(frozen=True)
class Params(BaseParams):
    boilerplate: tuple[str, ...] = (
        "tbd", "tba", "todo", "to do", "coming soon", "to come", "answer coming soon", "more soon",
        "n/a", "na", "...", "…", "-", "—", "xx", "xxx", "lorem ipsum", "stay tuned", "watch this space",
        "read more", "learn more", "click here", "see below", "see above",
    )  # fmt: skip


def check(doc: Document, rule) -> Iterator[Match]:
    params: Params = rule.params
    blocks = doc.blocks
    faq_levels: list[int] = []  # levels of the FAQ headings we are under
    sections = {section.heading: section.body for section in analyse(doc).sections}
    for index, block in enumerate(blocks):
        if block.is_heading:
            while faq_levels and faq_levels[-1] >= block.level:
                faq_levels.pop()
            if _is_question(block.text, bool(faq_levels)) and not _answered(doc, sections[index], params):
                yield _finding(doc, index)
            if _FAQ_HEADING.search(block.text) and not block.text.rstrip().endswith("?"):
                faq_levels.append(block.level)
        elif _Q_PARAGRAPH.match(block.text):
            inline = _A_PARAGRAPH.search(block.text)
            if inline:
                answer = block.text[inline.start() :]
            else:
                following = _next_prose(blocks, index)
                answer = following.text if following is not None and _A_PARAGRAPH.match(following.text) else ""
            if not answer or _empty_answer(answer, params):
                yield _finding(doc, index)


def _is_question(text: str, under_faq: bool) -> bool:
    text = text.strip()
    if text.endswith("?"):
        return True
    return under_faq and bool(_INTERROGATIVE.match(text))


def _answered(doc: Document, body: tuple[int, ...], params: Params) -> bool:
    return any(_is_answer(doc, doc.blocks[i], params) for i in body if not doc.blocks[i].is_heading)


def _is_answer(doc: Document, block: Block, params: Params) -> bool:
    if any(c in block.containers for c in _FURNITURE):
        return False
    text = block.text.strip()
    plain = text.lower().strip(" .:!*_()[]")
    if not plain or plain in params.boilerplate:
        return False
    if text.endswith("?") and "\n" not in text and len(_sentences(text)) == 1:
        return False  # another question is not an answer
    if _only_link(doc, block):
        return False
    return not (_A_PARAGRAPH.match(text) and _empty_answer(text, params))


def _empty_answer(text: str, params: Params) -> bool:
    """An "A:" that says nothing: "A: TBD", "A: Coming soon"."""
    found = _A_PARAGRAPH.search(text)
    rest = text[found.end() - 1 :] if found else text
    return rest.lower().strip(" .:!*_()[]") in params.boilerplate


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


def _only_link(doc: Document, block: Block) -> bool:
    """A block whose whole text is one link ("Read our guide")."""
    text = block.text.rstrip(" .!")
    span = block.source_span(0, len(text))
    return any(link.text_span.start <= span.start and span.end <= link.text_span.end + 2 for link in doc.links)


def _next_prose(blocks: list[Block], index: int) -> Block | None:
    # Indexed, not sliced: a slice copied every later block for each "Q:"
    # paragraph, quadratic in a long FAQ.
    if index + 1 >= len(blocks) or blocks[index + 1].is_heading:
        return None
    return blocks[index + 1]


def _finding(doc: Document, index: int) -> Match:
    block = doc.blocks[index]
    text = " ".join(block.text.split())
    return Match(span=doc.block_span(index), values=(("question", text),))
