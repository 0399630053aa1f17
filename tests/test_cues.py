"""Cues: phrases searched one at a time must find what their alternation finds."""

from __future__ import annotations

import random

import pytest

from hypelint.kinds.terms import term_pattern
from hypelint.kinds.cues import Cues
from hypelint.analysis.segment import LOWER_WORD

PHRASES = ("best", "the best", "best practice", "game-changing", "game changer", "at the forefront", "forefront", "AI")


def words_of(text: str) -> frozenset[str]:
    return frozenset(LOWER_WORD.findall(text.lower()))


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@pytest.mark.parametrize(
    "text",
    [
        "The best practice is the best, and best practices are not.",
        "A game changing, game-changing game changer at the forefront of the forefront.",
        "Nothing here matches.",
        "THE BEST AI, the Best\nPractice; bestial AIs.",
    ],
)
def test_phrases_one_at_a_time_match_as_the_alternation(text):
    cues = Cues(PHRASES, False, "terms")
    assert spans(cues.finditer(text, words_of(text))) == spans(term_pattern(PHRASES).finditer(text))


def test_random_texts_agree_with_the_alternation():
    rng = random.Random(7)
    pieces = ["best", "the", "practice", "game", "changing", "-", "changer", "at", "forefront", "AI", ",", "x"]
    cues = Cues(PHRASES, False, "terms")
    whole = term_pattern(PHRASES)
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert spans(cues.finditer(text, words_of(text))) == spans(whole.finditer(text)), text


def test_a_block_without_the_keywords_is_not_searched():
    cues = Cues((r"\bmost\s+\w+",), True, "cues", keywords=("most",))
    assert cues.finditer("the most advanced", words_of("the most advanced"))
    assert cues.finditer("a most advanced", frozenset({"a", "advanced"})) == []


def test_patterns_are_one_alternation():
    cues = Cues((r"\bmost\s+\w+", r"\bbest\b"), True, "cues")
    assert spans(cues.finditer("the most advanced, the best", frozenset())) == [(4, 17), (23, 27)]


def test_too_many_phrases_are_refused():
    with pytest.raises(ValueError, match="limit"):
        Cues(tuple(f"word{i}" for i in range(5000)), False, "terms")


def test_a_word_trie_matches_as_the_plain_alternation():
    import re

    from hypelint.patterns.alternation import word_alternation

    words = ["said", "says", "say", "told", "put it", "puts it", "according to", "s", "a.b"]
    text = "She said, he SAYS; say told; put it, puts  it; according to s a.b axb saying"
    trie = re.compile(r"\b" + word_alternation(words) + r"\b", re.I)
    plain = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert re.fullmatch(word_alternation([]), "") is None
