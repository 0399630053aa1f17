"""House rules cannot hurt a run: safe YAML, patterns within a time budget, limits.

A catastrophic pattern in a house pack is reported and skipped for the
file it timed out on, with one line on stderr and exit 2, while the other
rules and files go on. The budget is shrunk here so the tests need not wait
for the real one, but only for the catastrophic pattern: a budget that small
is one a busy machine can miss on any search, so no other pattern gets it.
What is asserted is the outcome.
"""

from __future__ import annotations

import functools
import os
import re

import pytest
import regex

from hypelint.patterns import guard
from hypelint.config import Config, resolve_rules
from hypelint.patterns.guard import GuardedPattern, PatternTimeout
from hypelint.kinds.terms import MAX_TERM_LENGTH, MAX_TERMS, MAX_TERMS_LENGTH, compile_terms, term_pattern
from hypelint.kinds.cues import Cues
from hypelint.rules.loader import MAX_RULE_FILE_BYTES, RuleError, load_packs

from .house_rules import house_rule

CATASTROPHIC = "(a|aa)+$"  # exponential on a run of a's that does not end the text


@pytest.fixture
def house(tmp_path):
    """A project whose config adds a pack with one catastrophic rule and one good one."""
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "bad.yaml").write_text(house_rule("HL991", "house.catastrophic", f'params:\n  regex: true\n  terms: ["synergy", "{CATASTROPHIC}"]\n'))
    (pack / "good.yaml").write_text(house_rule("HL992", "house.leverage", "params:\n  terms: [leverage]\n"))
    (tmp_path / "hypelint.toml").write_text('rule-packs = ["pack"]\nextend-select = ["HL991", "HL992"]\n')
    return tmp_path


def test_a_catastrophic_pattern_is_reported_and_skipped_per_file(house, check, monkeypatch):
    monkeypatch.setattr(GuardedPattern, "_timeout", lambda self, string: 0.05 if CATASTROPHIC in self.pattern else 60.0)
    hostile = "We leverage synergy. A revolutionary " + "a" * 60 + "!\n"
    (house / "one.md").write_text(hostile)
    (house / "two.md").write_text("We leverage synergy, a revolutionary idea.\n")  # times out nowhere
    (house / "three.txt").write_text(hostile)

    outcome = check("one.md", "two.md", "three.txt")

    assert outcome.code == 2
    bad = os.path.join(str(house), "pack", "bad.yaml")
    assert outcome.errors == [
        f"hypelint: error: rule HL991 ({bad}): pattern timed out on one.md; rule skipped",
        f"hypelint: error: rule HL991 ({bad}): pattern timed out on three.txt; rule skipped",
    ]
    found = {(f["path"], f["rule"]) for f in outcome.report()["findings"]}
    # The timed-out rule is skipped whole on those files, even its matches
    # before the time-out ("synergy"); every other rule still reports.
    assert found == {
        ("one.md", "HL992"), ("one.md", "HL201"),
        ("two.md", "HL991"), ("two.md", "HL992"), ("two.md", "HL201"),
        ("three.txt", "HL992"), ("three.txt", "HL201"),
    }  # fmt: skip


def test_every_rule_pattern_runs_within_a_budget():
    """Shipped packs get the same guard: every pattern a rule compiles is guarded."""
    checked = 0
    for rule in resolve_rules(Config(select=("ALL",))):
        params = rule.params
        for name in dir(type(params)):
            if isinstance(getattr(type(params), name), functools.cached_property):
                value = getattr(params, name)
                for pattern in _patterns_of(value):
                    assert isinstance(pattern, GuardedPattern), (rule.code, name)
                    checked += 1
    assert checked > 30  # the shipped packs compile dozens


def _patterns_of(value) -> list:
    """The patterns a param value searches with: itself, or for Cues the
    pattern it searches each of its cues with."""
    if isinstance(value, Cues):
        value.validate()
        return list(value._single.values())
    return [value] if hasattr(value, "finditer") else []


def test_a_guarded_pattern_answers_as_the_pattern_does():
    guarded = term_pattern(("game-changing", "best"))
    raw = guarded.compiled
    text = "The best, game changing and game-changing; bestial."
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in raw.finditer(text)]
    assert guarded.search(text, 5).span() == raw.search(text, 5).span()
    assert guarded.match(text, 4).span() == raw.match(text, 4).span()
    assert guarded.findall(text) == raw.findall(text)
    assert guarded.sub("X", text) == raw.sub("X", text)
    assert guarded.split(text) == raw.split(text)


@pytest.mark.parametrize("method", ["search", "match", "findall", "finditer", "sub", "split"])
def test_every_search_of_a_guarded_pattern_stops_at_its_budget(method, monkeypatch):
    monkeypatch.setattr(guard, "BUDGET_SECONDS", 0.05)
    pattern = GuardedPattern(regex.compile(r"(?:a|aa)+$"))
    text = "a" * 60 + "!"
    call = {
        "search": lambda: pattern.search(text),
        "match": lambda: pattern.match(text),
        "findall": lambda: pattern.findall(text),
        "finditer": lambda: list(pattern.finditer(text)),
        "sub": lambda: pattern.sub("", text),
        "split": lambda: pattern.split(text),
    }[method]
    with pytest.raises(PatternTimeout):
        call()


# --- rule files ---------------------------------------------------------------------


def _pack_with(tmp_path, text: str | bytes, name: str = "rule.yaml"):
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    path = pack / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return pack, path


def test_yaml_is_loaded_safely(tmp_path):
    marker = tmp_path / "ran"
    pack, path = _pack_with(tmp_path, f'!!python/object/apply:os.system ["touch {marker}"]\n')
    with pytest.raises(RuleError, match=r"invalid YAML"):
        load_packs([pack])
    assert not marker.exists()


def test_a_yaml_alias_bomb_is_refused_without_being_expanded(tmp_path):
    # Nine levels of nine references: 9**9 strings if anything expanded it (str() would).
    levels = ["  - &l0 lol\n"] + [f"  - &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 10)]
    text = house_rule("HL993", "house.bomb", "params:\n  terms: [x]\n" + "reference:\n" + "".join(levels))
    pack, path = _pack_with(tmp_path, text)
    with pytest.raises(RuleError, match=rf"^{re.escape(str(path))}: key 'reference': must be a string"):
        load_packs([pack])


@pytest.mark.parametrize(
    "terms, problem",
    [
        ([f"word{i}" for i in range(MAX_TERMS + 1)], rf"lists {MAX_TERMS + 1} phrases; the limit is {MAX_TERMS}"),
        (["x" * (MAX_TERM_LENGTH + 1)], rf"has a phrase of {MAX_TERM_LENGTH + 1} characters .*the limit is {MAX_TERM_LENGTH}"),
        (["y" * 1900] * 106, rf"lists phrases of 201400 characters in all; the limit is {MAX_TERMS_LENGTH}"),
    ],
)
def test_limits_on_a_rules_patterns_name_the_file_and_key(tmp_path, terms, problem):
    listing = "".join(f"    - {term}\n" for term in terms)
    pack, path = _pack_with(tmp_path, house_rule("HL994", "house.many", "params:\n  terms:\n" + listing))
    with pytest.raises(RuleError, match=rf"^{re.escape(str(path))}: key 'params': param 'terms' {problem}"):
        load_packs([pack])


def test_a_rule_file_too_large_is_refused(tmp_path):
    pack, path = _pack_with(tmp_path, house_rule("HL995", "house.big", "params:\n  terms: [x]\n") + "#" * MAX_RULE_FILE_BYTES)
    with pytest.raises(RuleError, match=rf"^{re.escape(str(path))}: file too large"):
        load_packs([pack])


def test_a_fifo_in_a_pack_is_refused_not_waited_on(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs FIFOs")
    pack = tmp_path / "pack"
    pack.mkdir()
    os.mkfifo(pack / "pipe.yaml")
    with pytest.raises(RuleError, match=r"pipe\.yaml: not a regular file"):
        load_packs([pack])
