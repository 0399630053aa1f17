"""Segmentation of prose blocks: sentences, words and heading sections.

Sentences are found in each block's prose text and keep their positions in
it, so a rule that looks at a sentence can map what it finds to the source.
The splitter knows the abbreviations news copy uses (U.S., Dr., e.g., Jan.),
decimals, initials, ellipses, and quotation marks that close a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hypelint.model import Block, Document

_ABBREVIATIONS = set(
    """mr mrs ms dr prof sr jr st mt vs etc inc ltd co corp plc llc no nos fig figs approx dept est gov govt gen
    col lt sgt capt cmdr rep reps sen sens rev hon pres supt jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun e.g i.e u.s u.k u.n u.s.a e.u a.m p.m ph.d b.a m.a al cf viz
    ca vol vols ed eds pp p op dist ave blvd rd univ assn bros""".split()
)
# Abbreviations that are also everyday words ("she sat.", "in the sun.",
# "he said no."): titles, months and days abbreviate only when written with
# a capital, and "no" only before a number ("No. 1").
_CAPITALISED = set(
    """mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr rep reps sen sens rev hon pres supt gov govt
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun""".split()
)
_BEFORE_NUMBER = {"no", "nos"}
# Abbreviations that may well end a sentence when a capital follows.
_SENTENCE_FINAL = {"etc", "inc", "ltd", "co", "corp", "plc", "llc", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m"}
# Tried only from the start of a run of marks: tried from every mark of a
# long run ("!!!!…" with no space after it), it took time quadratic in the run.
# The mark comes first and the look back second, so the engine can skip
# along to the next mark instead of trying the look back at every character.
_BOUNDARY = re.compile(r"[.!?…](?<![.!?…][.!?…])[.!?…]*[\"'”’)\]]*(?=\s|$)")
_TOKEN_BEFORE = re.compile(r"([\w.]+)\.$")
# How far back from a full stop the word before it is looked for, and how far
# ahead the next word. Both exceed the longest abbreviation, so a word cut by
# the window is too long to be one anyway; without the bound, every full stop
# of a long paragraph rescanned it from the start (quadratic in its length).
_LOOK_BEHIND = 64
_LOOK_AHEAD = 64
_SPACE = re.compile(r"\s*")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
# The words of lower-cased text as the cheap tests before a search compare
# them (a rule's keywords, what a figure needs): runs of ASCII letters.
LOWER_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)  # slots: a long draft holds hundreds of thousands
class Sentence:
    """A sentence: which block it is in and where it sits in that block's text."""

    block: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a prose text, white space trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        end = boundary.end()
        if not _is_boundary(text, boundary.start(), end):
            continue
        _append(spans, text, start, end)
        start = end
    _append(spans, text, start, len(text))
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


def _is_boundary(text: str, punct_start: int, end: int) -> bool:
    ahead = _SPACE.match(text, end).end()
    following = text[ahead : ahead + _LOOK_AHEAD]
    if not following:
        return True
    first = following[0]
    if first.islower() or first in ",;:)]":
        return False
    if text[punct_start] == "." and text[punct_start:end].count(".") == 1:
        token = _TOKEN_BEFORE.search(text, max(0, punct_start + 1 - _LOOK_BEHIND), punct_start + 1)
        if token:
            written = token.group(1)
            word = written.lower()
            if len(word) == 1 and word.isalpha():
                return False  # an initial: "J. Smith"
            if word in _ABBREVIATIONS and _abbreviates(written, following):
                # "U.S. officials" stays one sentence; "in the U.S. The" is
                # ambiguous, so only well-known sentence-final ones split.
                return word in _SENTENCE_FINAL and first.isupper() and _starts_sentence(following)
    return True


def _abbreviates(written: str, following: str) -> bool:
    """Whether a word in the abbreviation list is used as one here."""
    word = written.lower()
    if word in _BEFORE_NUMBER:
        return following[:1].isdigit()
    if word in _CAPITALISED:
        return written[:1].isupper()
    return True


_SENTENCE_STARTERS = set(
    "the a an this that these those it its he she they we i in on at but and however meanwhile yet so for "
    "there his her their our one some many most".split()
)


def _starts_sentence(following: str) -> bool:
    word = _WORD.match(following)
    return bool(word) and word.group().lower() in _SENTENCE_STARTERS


def sentences(doc: Document) -> list[Sentence]:
    """Every sentence of the document, in order."""
    found = []
    for index, block in enumerate(doc.blocks):
        for start, end in split_sentences(block.text):
            found.append(Sentence(index, start, end, block.text[start:end]))
    return found


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


@dataclass(frozen=True)
class Section:
    """A heading and the blocks up to the next heading of the same or higher level."""

    heading: int  # index of the heading block
    body: tuple[int, ...]  # indices of the blocks under it, nested headings included


def sections(blocks: list[Block]) -> list[Section]:
    found = []
    for index, block in enumerate(blocks):
        if not block.is_heading:
            continue
        body = []
        for later in range(index + 1, len(blocks)):
            other = blocks[later]
            if other.is_heading and other.level <= block.level:
                break
            body.append(later)
        found.append(Section(index, tuple(body)))
    return found
