"""required_literals: what a pattern cannot match without, and never more."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from hypelint.patterns.literals import holds_all, required_literals
from hypelint.rules.loader import load_packs

EVALUATION = Path(__file__).resolve().parent.parent / "evaluation"


def test_literals_of_a_sequence_and_its_alternations():
    groups = required_literals(r"(?:the|its)\s+most\s+(?:advanced|powerful)\b")
    assert set(groups) == {frozenset({"most"}), frozenset({"the", "its"}), frozenset({"advanced", "powerful"})}
    assert groups[0] == frozenset({"most"})  # fewest strings first: the cheapest test


@pytest.mark.parametrize(
    "pattern",
    [r"(?:very\s+)?good", r"\w+est", r"[A-Z]\w+", r"(?<=\bthe\s)best", r"a|\d+", r"(?r)abc", r"(?i)\L<words>"],
)
def test_optional_parts_classes_and_unreadable_patterns_require_nothing_more(pattern):
    for group in required_literals(pattern):
        assert all(literal for literal in group)
    assert required_literals(r"(?:very\s+)?good") == [frozenset({"good"})]
    assert required_literals(r"a|\d+") == []
    assert required_literals(r"(?r)abc") == []  # regex-module syntax: nothing is claimed


def test_literals_are_lower_case_and_case_insensitive_matches_still_pass():
    groups = required_literals(r"(?i)Most\s+ADVANCED")
    assert holds_all("the most advanced", groups)
    assert not holds_all("the most capable", groups)


def test_every_match_of_every_shipped_pattern_holds_its_literals():
    """The promise the rules rely on: a match never lacks a required literal.
    Checked on the labelled drafts and on random text made of the patterns'
    own words, and on the matched text alone (the literals are inside it)."""
    rng = random.Random(3)
    drafts = [path.read_text(encoding="utf-8") for path in sorted(EVALUATION.rglob("*")) if path.suffix in (".md", ".txt")]
    matches = 0
    for rule in load_packs():
        params = rule.params
        terms = getattr(params, "cues", None) or getattr(params, "terms", ())
        if not getattr(params, "regex", False) or not isinstance(terms, tuple):
            continue
        vocabulary = re.findall(r"[A-Za-z’']+", " ".join(terms)) + ["the", "a", ",", "2024"]
        for term in filter(_readable, terms):
            compiled, groups = re.compile(term, re.I), required_literals(term)
            texts = drafts + [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 12))) for _ in range(200)]
            for text in texts:
                for found in compiled.finditer(text):
                    matches += 1
                    assert holds_all(found.group().lower(), groups), (rule.code, term, found.group())
    assert matches > 300  # the check saw real matches


def _readable(pattern: str) -> bool:
    try:
        re.compile(pattern)
        return True
    except re.error:
        return False


def test_every_mention_of_a_topic_holds_one_of_its_clues():
    """on_topic skips a paragraph without any of the topic's clues: a
    mention must never lack one."""
    from hypelint.analysis.topics import TOPIC_CLUES, TOPICS

    drafts = [path.read_text(encoding="utf-8") for path in sorted(EVALUATION.rglob("*")) if path.suffix in (".md", ".txt")]
    samples = ["The A.I. era", "AGI soon", "GPT-4o and LLMs", "Self-Driving cars", "robotaxis", "an algorithm",
               "Machine  learning", "deep\nlearning", "neural networks", "Chatbots", "language models", "automated",
               "autonomous", "driverless", "Generative tools", "Artificial Intelligence"]  # fmt: skip
    for topic, pattern in TOPICS.items():
        cased, caseless = TOPIC_CLUES[topic]
        found = 0
        for text in drafts + samples:
            for mention in pattern.finditer(text):
                found += 1
                words = mention.group()
                assert any(c in words for c in cased) or any(c in words.lower() for c in caseless), words
        assert found > 100


def test_a_prefiltered_pattern_answers_as_the_pattern_does():
    from hypelint.patterns.literals import Prefiltered

    pattern = re.compile(r"(?i)\b(?:is|are)\s+(?:set|going)\s+to\b")
    prefiltered = Prefiltered(pattern)
    for text in ["It is set to launch.", "They ARE going to win.", "Nothing here.", "set to, is it?", ""]:
        expected = pattern.search(text)
        found = prefiltered.search(text)
        assert (found and found.span()) == (expected and expected.span())
        assert [m.span() for m in prefiltered.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert not prefiltered.possible("nothing here")


@pytest.mark.parametrize(
    "pattern, text",
    [
        (r"syn[[:alpha:]]+gy", "synergy"),  # a POSIX class: to Python's parser a class, then a literal "]"
        (r"lev[e[:alpha:]]rage", "leverage"),  # one inside a class
        (r"x[^[:digit:]]y", "xay"),  # a negated one
        (r"[a&&b]c", "ac"),  # what would be an intersection in version 1
        (r"[a||b]c", "bc"),
        (r"[a~~b]c", "~c"),
        (r"[]a[]+z", "[az"),  # a "]" first is a literal "]"; the "[" after it is read otherwise
    ],
)
def test_classes_the_regex_module_reads_otherwise_require_nothing_and_warn_nothing(pattern, text):
    """House patterns run on the `regex` module, which reads POSIX classes
    (and, in its version 1, nested sets and set operations), where Python's
    parser sees a class ending at the first "]" and literal text after it
    (and warns: a FutureWarning on every run). Such a pattern requires no
    literal, so the prefilter never rules out text the pattern matches."""
    import warnings

    import regex

    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        groups = required_literals(pattern)
    assert groups == [] and warned == []
    assert regex.search(pattern, text, regex.I | regex.V0)


@pytest.mark.parametrize(
    "pattern, needs",
    [
        (r"[]a]bc", [frozenset({"bc"})]),  # "]" first in a class: the class is "]" or "a"
        (r"[^]a]bc", [frozenset({"bc"})]),
        (r"[\[]most", [frozenset({"[most"})]),  # an escaped "[" in a class is a "[", the class that one letter
        (r"[a-z]+ (?:best|most) [-\w]+", [frozenset({" "}), frozenset({" "}), frozenset({"best", "most"})]),
    ],
)
def test_classes_both_parsers_read_alike_keep_their_literals(pattern, needs):
    assert required_literals(pattern) == needs
