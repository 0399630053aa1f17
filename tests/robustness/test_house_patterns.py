"""House rule patterns: a time budget per rule per file, messages checked as
the pack loads, and POSIX classes read as the `regex` module reads them.

The budget tests inject the clock the searches are charged by, so what they
assert (which search is the last one a rule may make) does not depend on how
busy the machine is. The growth test times a real catastrophic pattern, and
asserts only the ratio of two timings (growth.py).
"""

from __future__ import annotations

import itertools
import os
import re
import warnings

import pytest
import regex

from hypelint.patterns import guard
from hypelint.patterns.guard import Allowance, GuardedPattern, PatternTimeout
from hypelint.rules.loader import RuleError, load_packs

from .house_rules import house_rule
from .growth import MAX_RATIO, growth_ratio

CATASTROPHIC = "(a|aa)+$"  # exponential on a run of a's that does not end the text


def _project(tmp_path, rules: dict[str, str], select: str = "extend-select") -> None:
    """A project whose config adds a pack of `rules` (file name -> text) and
    `select`s them (only they run) or `extend-select`s them."""
    pack = tmp_path / "pack"
    pack.mkdir()
    for name, text in rules.items():
        (pack / name).write_text(text, encoding="utf-8")
    codes = ", ".join('"' + re.search(r"code: (HL\d+)", text).group(1) + '"' for text in rules.values())
    (tmp_path / "hypelint.toml").write_text(f'rule-packs = ["pack"]\n{select} = [{codes}]\n', encoding="utf-8")


def _fake_clock(step: float):
    """A clock that moves on `step` seconds each time it is read: every
    search is charged exactly `step`, however long it really took."""
    ticks = itertools.count()
    return lambda: next(ticks) * step


# --- the budget per rule per file ----------------------------------------------------


def test_searches_are_charged_to_the_open_allowance_until_it_runs_out():
    pattern = GuardedPattern(regex.compile(r"\bleverage\b"))
    allowance = Allowance(1.0, clock=_fake_clock(0.4))
    with allowance:
        assert pattern.search("we leverage it")  # 0.4 charged: 0.6 left
        assert list(pattern.finditer("leverage, leverage"))  # 0.2 left
        assert pattern.sub("x", "leverage") == "x"  # started with time left: -0.2
        with pytest.raises(PatternTimeout):
            pattern.search("leverage")  # nothing left: never started
    assert allowance.left == pytest.approx(-0.2)
    assert pattern.search("leverage")  # outside any allowance: its own budget


def test_a_budget_of_nothing_stops_the_first_search():
    pattern = GuardedPattern(regex.compile("synergy"))
    with Allowance(0.0), pytest.raises(PatternTimeout):
        pattern.findall("synergy")


def test_what_is_spent_stays_spent_when_the_allowance_is_opened_again():
    """The engine opens a rule's allowance for its `check` and again for its
    `check_findings`: the second run gets what the first left."""
    pattern = GuardedPattern(regex.compile("x"))
    allowance = Allowance(0.5, clock=_fake_clock(0.3))
    with allowance:
        pattern.search("x")
    with allowance, pytest.raises(PatternTimeout):
        pattern.search("x")  # 0.2 left: runs, overdraws
        pattern.search("x")


def test_a_search_may_run_no_longer_than_what_is_left(monkeypatch):
    """A search is given only the time left (the `regex` module's timeout),
    so one slow search cannot overdraw the budget by more than itself."""
    seen = []
    monkeypatch.setattr(GuardedPattern, "_timeout", lambda self, string: 60.0)
    pattern = GuardedPattern(regex.compile("a"))
    real = pattern.compiled

    class Recording:
        pattern = real.pattern

        def search(self, string, pos, endpos, timeout):
            seen.append(timeout)
            return real.search(string, pos, endpos)

    pattern.compiled = Recording()
    with Allowance(2.0, clock=_fake_clock(0.5)):
        pattern.search("a")
        pattern.search("a")
    assert seen == [2.0, 1.5]


def test_a_rule_slow_on_every_paragraph_is_skipped_and_reported_once_per_file(tmp_path, check, monkeypatch):
    """The failure this fixes: a pattern that stays under the budget of one
    search on every paragraph ran for minutes on a long draft, exit 0, no
    word on stderr. Now all of a rule's searches on a file share one budget
    (0.6 s each, charged by a fake clock, against about a second per file):
    the rule is skipped for the rest of that file and reported once; the
    next file starts afresh, and the other rules are untouched."""
    _project(
        tmp_path,
        {
            "slow.yaml": house_rule("HL991", "house.slow", f'params:\n  regex: true\n  terms: ["synergy", "{CATASTROPHIC}"]\n'),
            "good.yaml": house_rule("HL992", "house.leverage", "params:\n  terms: [leverage]\n"),
        },
        select="select",
    )
    (tmp_path / "long.md").write_text("We leverage it.\n\n" + "Some aaa!\n\n" * 12, encoding="utf-8")
    (tmp_path / "short.md").write_text("Our synergy.\n", encoding="utf-8")
    searched = []
    real_run = GuardedPattern._run

    def recording(self, method, string, *args):
        if CATASTROPHIC in self.pattern:
            searched.append(string)
        return real_run(self, method, string, *args)

    monkeypatch.setattr(GuardedPattern, "_run", recording)
    monkeypatch.setattr(guard, "CLOCK", _fake_clock(0.6))

    outcome = check("long.md", "short.md")

    slow = os.path.join(str(tmp_path), "pack", "slow.yaml")
    assert outcome.errors == [f"hypelint: error: rule HL991 ({slow}): pattern timed out on long.md; rule skipped"]
    assert outcome.code == 2
    found = {(f["path"], f["rule"]) for f in outcome.report()["findings"]}
    assert found == {("long.md", "HL992"), ("short.md", "HL991")}
    # long.md: two searches spend its budget, the third is refused, and the
    # other eleven paragraphs are never searched; short.md has its own budget.
    assert searched == ["We leverage it.", "Some aaa!", "Some aaa!"]


def test_a_catastrophic_pattern_costs_a_bounded_time_however_long_the_draft(tmp_path, check, monkeypatch):
    """Growth: linting 4x the paragraphs a catastrophic pattern stalls on
    takes less than 6x the time (growth.py), where it grew with every
    paragraph (a 40 KB draft took 662 s). Only the house rule runs, so its
    budget can be lowered without any shipped rule meeting it."""
    monkeypatch.setattr(guard, "BUDGET_SECONDS", 0.25)
    monkeypatch.setattr(guard, "BUDGET_SECONDS_PER_MB", 4.0)
    _project(tmp_path, {"slow.yaml": house_rule("HL991", "house.slow", f'params:\n  regex: true\n  terms: ["{CATASTROPHIC}"]\n')},
             select="select")  # fmt: skip
    paragraph = "a" * 26 + "!\n\n"  # about 0.1 s for each search

    def action_for(paragraphs: int):
        draft = tmp_path / f"long-{paragraphs}.md"
        draft.write_text(paragraph * paragraphs, encoding="utf-8")

        def lint() -> None:
            outcome = check(draft.name)
            assert outcome.code == 2 and len(outcome.errors) == 1, outcome.errors

        return lint

    ratio, once, four = growth_ratio(action_for, 1400)  # 1x: 40 KB
    assert once >= 0.3, once  # big enough that noise does not decide
    assert ratio < MAX_RATIO, f"{once:.2f} s at 1x, {four:.2f} s at 4x"


# --- messages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message, problem",
    [
        ('"x { y"', r"expected '\}' before end of string; write \{\{ or \}\} for a brace"),
        ('"x } y"', r"Single '\}' encountered in format string"),
        ('"{0} is not house style"', r"\{0\} is not a field kind 'existence' fills in \(\{match\}\)"),
        ('"{} is not house style"', r"\{\} is not a field kind"),
        ('"{match.upper} is not house style"', r"\{match\.upper\} is not a field"),
        ('"{match[0]} is not house style"', r"\{match\[0\]\} is not a field"),
        ('"{match!r} is not house style"', r"\{match!r\} is not a field"),
        ('"{match:d} is not house style"', r"\{match:d\} is not a field"),
        ('"{matched} is not house style"', r"\{matched\} is not a field kind 'existence' fills in \(\{match\}\)"),
        ('"{question} is not house style"', r"\{question\} is not a field"),  # another kind's field
    ],
)
def test_a_message_the_engine_cannot_fill_in_is_refused_as_the_pack_loads(tmp_path, message, problem):
    _project(tmp_path, {"bad.yaml": house_rule("HL991", "house.bad", "params:\n  terms: [synergy]\n", message)})
    with pytest.raises(RuleError, match=rf"^{re.escape(str(tmp_path / 'pack' / 'bad.yaml'))}: key 'message': {problem}"):
        load_packs([tmp_path / "pack"])


def test_a_suggestion_is_checked_as_a_message_is(tmp_path):
    text = house_rule("HL991", "house.bad", "params:\n  terms: [synergy]\n") + 'suggestion: "Say {what} instead"\n'
    _project(tmp_path, {"bad.yaml": text})
    with pytest.raises(RuleError, match=r"bad\.yaml: key 'suggestion': \{what\} is not a field kind 'existence'"):
        load_packs([tmp_path / "pack"])


@pytest.mark.parametrize(
    "kind, params, message",
    [
        ("existence", "params:\n  terms: [synergy]\n", "\"'{match}' is {{banned}}\""),
        ("readability", "params:\n  unit: sentence\n", '"Hard {unit}: {grades} ({words} words, {agree} of {formulas} above {grade})"'),
        ("question-needs-answer", "", '"{question} is never answered ({match})"'),
    ],
)
def test_the_fields_a_kind_fills_in_and_escaped_braces_are_accepted(tmp_path, kind, params, message):
    _project(tmp_path, {"good.yaml": house_rule("HL991", "house.good", params, message, kind)})
    (rule,) = [rule for rule in load_packs([tmp_path / "pack"]) if rule.code == "HL991"]
    assert rule.message == message.strip('"')


def test_a_stray_brace_is_one_line_at_load_not_an_internal_error_on_every_file(tmp_path, check):
    """It was: every file "internal error (ValueError: ...)"."""
    _project(tmp_path, {"bad.yaml": house_rule("HL991", "house.bad", "params:\n  terms: [synergy]\n", '"{match} is {banned"')})
    (tmp_path / "draft.md").write_text("Our synergy.\n", encoding="utf-8")
    outcome = check("draft.md")
    assert outcome.code == 2
    bad = os.path.join(str(tmp_path), "pack", "bad.yaml")
    assert outcome.errors == [
        f"hypelint: error: {bad}: key 'message': expected '}}' before end of string; write {{{{ or }}}} for a brace"
    ]


def test_the_fields_are_declared_for_kinds_there_are():
    """A misspelt kind in MESSAGE_FIELDS would leave its rules only {match}.
    (That the shipped rules' templates name only declared fields is checked
    by loading them, which every test does.)"""
    from hypelint.kinds import KINDS, MESSAGE_FIELDS

    assert set(MESSAGE_FIELDS) <= set(KINDS)
    assert all(fields and "match" not in fields for fields in MESSAGE_FIELDS.values())


# --- POSIX classes --------------------------------------------------------------------


def test_a_posix_class_in_a_house_pattern_matches_without_a_warning(tmp_path, check):
    """It was: no match (the prefilter read `[[:alpha:]]` as a class and a
    literal "]" the text must hold) and a FutureWarning on every run."""
    terms = '["syn[[:alpha:]]+gy", "lev[e[:alpha:]]rage", "x[^[:digit:]]y"]'
    _project(tmp_path, {"posix.yaml": house_rule("HL991", "house.posix", f"params:\n  regex: true\n  terms: {terms}\n")})
    (tmp_path / "draft.md").write_text("Our synergy: we leverage xay.\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        outcome = check("draft.md")
    assert outcome.stderr == "" and warned == []
    flagged = [f["excerpt"] for f in outcome.report()["findings"] if f["rule"] == "HL991"]
    assert flagged == ["synergy", "leverage", "xay"]
