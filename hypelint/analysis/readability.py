"""Readability: the classic grade-level formulas over prose text.

Pure functions over the prose of blocks (a sentence, a paragraph, a whole
draft's body). Counting happens once per sentence (`Counts`); each formula is
then a line of arithmetic over the counts, so scoring every sentence and
paragraph of a draft costs one pass over its words. That pass is cheap
because a word's figures are worked out once per process and kept, packed
into one int (see `_WordFigures`): counting a sentence is then a sum over
its words.

The formulas and their published coefficients:

  Flesch reading ease (Flesch 1948)      206.835 - 1.015 W/S - 84.6 Sy/W
  Flesch-Kincaid grade (Kincaid 1975)    0.39 W/S + 11.8 Sy/W - 15.59
  Gunning fog (Gunning 1952)             0.4 (W/S + 100 C/W)
  SMOG (McLaughlin 1969)                 1.043 sqrt(30 P/S) + 3.1291
  Coleman-Liau (Coleman & Liau 1975)     0.0588 L - 0.296 S100 - 15.8
  ARI (Senter & Smith 1967)              4.71 Ch/W + 0.5 W/S - 21.43

W words, S sentences, Sy syllables, P words of three or more syllables, C
Gunning's complex words (three or more syllables, not a name, not a
compound, not made long by -ed, -es or -ing), L letters per 100 words, S100
sentences per 100 words, Ch letters and digits per word.

The arithmetic is done here rather than by calling textstat, whose import
alone loads nltk (about 0.3 s a run, longer than the scores of a whole
draft); textstat stays the reference the tests compare with, and
`syllables.offline_textstat()` gives it to anyone who wants its other scores.
Flesch-Kincaid, SMOG and reading ease equal textstat's for the same counts.
textstat differs on purpose in three places: its Coleman-Liau uses 0.058 for
0.0588, its ARI counts punctuation as characters, and its fog counts any
word off the Dale-Chall list with three syllables. Sentences come from
hypelint's splitter (which knows "U.S." ends no sentence), and syllables from
the packaged CMU dictionary (`syllables.py`), so nothing is downloaded.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, fields
from typing import Callable, Iterable

from hypelint.analysis import syllables
from hypelint.analysis.segment import split_sentences
from hypelint.analysis.memo import analyse

# A number with its separators ("2,024", "1.5bn") is one word, as a reader
# says it; otherwise words are those of segment.py, apostrophes and inner
# hyphens included ("AI-powered", "don't").
_WORD = re.compile(r"\d+(?:[.,]\d+)*(?:['’-]?\w+)*|\w+(?:['’-]\w+)*")
# Everything but letters and digits; every letter and digit of a sentence is
# in one of its words, so deleting these counts the words' letters at once.
_NOT_ALNUM = re.compile(r"[\W_]+")
# Endings that Gunning did not let make a word hard ("created", "boxes").
_GUNNING_SUFFIXES = ("ing", "ed", "es")

# Blocks whose text is running prose: headings, table cells and captions are
# fragments that would read as very short sentences and flatter the draft.
PROSE_KINDS = ("paragraph", "list_item")


@dataclass(frozen=True)
class Counts:
    """What the formulas need to know about a stretch of prose."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    letters: int = 0  # letters and digits, for Coleman-Liau and ARI
    polysyllables: int = 0  # words of three or more syllables, for SMOG
    complex_words: int = 0  # Gunning's hard words, for the fog index

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(
            self.words + other.words,
            self.sentences + other.sentences,
            self.syllables + other.syllables,
            self.letters + other.letters,
            self.polysyllables + other.polysyllables,
            self.complex_words + other.complex_words,
        )


# Figures are summed packed: each field of Counts, in its order, gets 64 bits
# of one Python int, so adding two packed ints adds every field at once (one
# C-level `sum` over a sentence's words instead of six additions per word).
# No field can spill into the next: the largest, letters, would need 2**64.
_FIELD_BITS = 64
_FIELD_MASK = (1 << _FIELD_BITS) - 1
_FIELDS = len(fields(Counts))


def _pack(words: int, sentences: int, syllables: int, letters: int, polysyllables: int, complex_words: int) -> int:
    """One int holding the figures of Counts, field by field."""
    b = _FIELD_BITS
    return words | sentences << b | syllables << 2 * b | letters << 3 * b | polysyllables << 4 * b | complex_words << 5 * b


def _unpack(packed: int) -> Counts:
    return Counts(*((packed >> (_FIELD_BITS * i)) & _FIELD_MASK for i in range(_FIELDS)))


# Words seen, each with its packed figures. Bounded, as the lru_cache of
# syllables.count is, so that a long-running process (the language server, an
# audit of millions of drafts, each with its own names and numbers) does not
# grow without end: when full, it starts again.
_CACHE_SIZE = 65536


class _WordFigures(dict):
    """word -> its packed figures (a Counts of one word), worked out on first sight.

    A dict rather than an lru_cache so that a sentence's figures are
    `sum(map(figures.__getitem__, words))`, C all the way; `__missing__` fills
    in a word not seen before. Whether a word is Gunning-complex can depend on
    its being a sentence's first (a capital there does not mark a name), so
    there is one table for first words, which also count the sentence, and
    one for the rest.
    """

    def __init__(self, first: bool):
        super().__init__()
        self.first = first

    def __missing__(self, word: str) -> int:
        if len(self) >= _CACHE_SIZE:
            self.clear()
        count = syllables.count(word)
        # Every letter and digit of a sentence is in one of its words (the
        # words cover every run of \w), so a sentence's letters are the sum
        # of its words'. isalnum() is the same test as _NOT_ALNUM's, letter
        # for letter, and most words pass it whole.
        letters = len(word) if word.isalnum() else len(_NOT_ALNUM.sub("", word))
        polysyllable = count >= 3
        hard = polysyllable and _is_complex(word, count, self.first)
        packed = self[word] = _pack(1, self.first, count, letters, polysyllable, hard)
        return packed


_FIRST_WORDS = _WordFigures(first=True)
_OTHER_WORDS = _WordFigures(first=False)


def _sentence_figures(text: str, start: int, end: int) -> int:
    """Packed figures of the sentence text[start:end] (nothing at all if it has no words)."""
    # findall's bounds act as a slice here: the word pattern has no anchors.
    words = _WORD.findall(text, start, end)
    if not words:
        return 0
    return _FIRST_WORDS[words[0]] + sum(map(_OTHER_WORDS.__getitem__, words[1:]))


def _text_figures(text: str) -> int:
    """Packed figures of a block's text: the sum over its sentences."""
    return sum(_sentence_figures(text, start, end) for start, end in split_sentences(text))


def sentence_counts(sentence: str) -> Counts:
    """Counts for one sentence (no sentence at all if it has no words)."""
    return _unpack(_sentence_figures(sentence, 0, len(sentence)))


def text_counts(text: str) -> Counts:
    """Counts for a block's text: the sum over its sentences."""
    return _unpack(_text_figures(text))


def _is_complex(word: str, count: int, first: bool) -> bool:
    """Gunning's complex word: three or more syllables, with his exceptions."""
    if count < 3:
        return False
    if "-" in word:  # a compound is hard only if one of its parts is
        parts = [p for p in word.split("-") if p]
        return any(_is_complex(p, syllables.count(p), first=True) for p in parts)
    if (word.isupper() and len(word) > 1) or (word[0].isupper() and not first):
        return False  # a name or an acronym; at a sentence's start we cannot tell
    return not any(_listed_short(stem) for stem in _stems(word.lower()))


def _listed_short(stem: str) -> bool:
    """Whether the dictionary has the stem, with fewer than three syllables."""
    count = syllables.known(stem)
    return count is not None and count < 3


def _stems(word: str) -> Iterable[str]:
    """What a word may be before -ing, -ed or -es: "created" create, "committed" commit."""
    for suffix in _GUNNING_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            yield stem
            yield stem + "e"
            if stem[-1] == stem[-2]:
                yield stem[:-1]


# --- formulas -------------------------------------------------------------------


def flesch_reading_ease(c: Counts) -> float:
    """0-100 and beyond; higher is easier (60-70 is plain English)."""
    return 206.835 - 1.015 * c.words / c.sentences - 84.6 * c.syllables / c.words


def flesch_kincaid_grade(c: Counts) -> float:
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


def gunning_fog(c: Counts) -> float:
    return 0.4 * (c.words / c.sentences + 100 * c.complex_words / c.words)


def smog(c: Counts) -> float:
    # Built for 30 sentences; the factor 30/S scales any sample to that.
    return 1.043 * math.sqrt(30 * c.polysyllables / c.sentences) + 3.1291


def coleman_liau(c: Counts) -> float:
    return 0.0588 * 100 * c.letters / c.words - 0.296 * 100 * c.sentences / c.words - 15.8


def automated_readability(c: Counts) -> float:
    return 4.71 * c.letters / c.words + 0.5 * c.words / c.sentences - 21.43


# Flesch's own table (The Art of Readable Writing, 1949) turns reading ease
# into school grades: 90-100 is 5th grade ... 0-30 college graduate. Its band
# midpoints, joined by straight lines, give a grade for any score.
_FLESCH_GRADES = ((95.0, 5.0), (85.0, 6.0), (75.0, 7.0), (65.0, 8.5), (55.0, 11.0), (40.0, 14.5), (15.0, 17.5))


def flesch_to_grade(score: float) -> float:
    points = _FLESCH_GRADES
    # Past either end, the nearest segment's slope carries on.
    i = 0 if score >= points[1][0] else len(points) - 2
    for j in range(len(points) - 1):
        if points[j + 1][0] <= score <= points[j][0]:
            i = j
            break
    (x0, y0), (x1, y1) = points[i], points[i + 1]
    return y0 + (score - x0) * (y1 - y0) / (x1 - x0)


def flesch_grade(c: Counts) -> float:
    return flesch_to_grade(flesch_reading_ease(c))


# Every formula as a school grade, by the name rule files use.
GRADE_FORMULAS: dict[str, Callable[[Counts], float]] = {
    "flesch-kincaid": flesch_kincaid_grade,
    "gunning-fog": gunning_fog,
    "smog": smog,
    "coleman-liau": coleman_liau,
    "ari": automated_readability,
    "flesch": flesch_grade,
}
FORMULA_NAMES = {
    "flesch-kincaid": "Flesch-Kincaid",
    "gunning-fog": "Gunning fog",
    "smog": "SMOG",
    "coleman-liau": "Coleman-Liau",
    "ari": "ARI",
    "flesch": "Flesch",
}
# The default panel: five formulas that weigh different things (syllables,
# complex words, polysyllables, letters, characters). Reading ease is left
# out: it is Flesch-Kincaid's two ratios again and would count them twice.
DEFAULT_FORMULAS = ("flesch-kincaid", "gunning-fog", "smog", "coleman-liau", "ari")


def grades(c: Counts, formulas: Iterable[str] = DEFAULT_FORMULAS) -> dict[str, float]:
    """Each formula's grade for the counts; empty when there is no sentence."""
    if not c.words or not c.sentences:
        return {}
    return {name: GRADE_FORMULAS[name](c) for name in formulas}


def consensus(by_formula: dict[str, float]) -> float | None:
    """The middle grade: one formula's outlier cannot move it."""
    return statistics.median(by_formula.values()) if by_formula else None


# --- document figures -------------------------------------------------------------


def document_metrics(texts: Iterable[str]) -> dict:
    """The figures reports show for a draft, from the texts of its prose blocks.

    Keys: words, sentences, words_per_sentence, syllables_per_word,
    flesch_reading_ease, grades (one per formula of DEFAULT_FORMULAS, by
    snake_case name) and grade (their median). Ratios are None for a draft
    with no prose; numbers are rounded to two decimals.
    """
    return _metrics(_unpack(sum(map(_text_figures, texts))))


def metrics_of(doc) -> dict:
    """document_metrics of a parsed draft's prose blocks, from the sentences
    the document has already split (the same split, done once)."""
    blocks = doc.blocks
    return _metrics(
        _unpack(
            sum(
                _sentence_figures(blocks[s.block].text, s.start, s.end)
                for s in analyse(doc).sentences
                if blocks[s.block].kind in PROSE_KINDS
            )
        )
    )


def _metrics(total: Counts) -> dict:
    by_formula = grades(total)

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 2)

    return {
        "words": total.words,
        "sentences": total.sentences,
        "words_per_sentence": rounded(total.words / total.sentences) if total.sentences else None,
        "syllables_per_word": rounded(total.syllables / total.words) if total.words else None,
        "flesch_reading_ease": rounded(flesch_reading_ease(total)) if by_formula else None,
        "grades": {name.replace("-", "_"): rounded(value) for name, value in by_formula.items()},
        "grade": rounded(consensus(by_formula)),
    }
