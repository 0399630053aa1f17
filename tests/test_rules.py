"""Every rule file: loads, documents itself, and behaves as its own examples say."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

import pytest

from hypelint import lint_text
from hypelint.config import Config
from hypelint.analysis.topics import on_topic
from hypelint.parsers import parse
from hypelint.rules.loader import Case, RuleError, load_packs, load_rule
from hypelint.rules.docs import MAIN_PAGE, OWN_PAGES, rules_markdown
from hypelint.analysis.memo import analyse

ROOT = Path(__file__).resolve().parent.parent
RULES = load_packs()


def test_every_rule_file_is_loaded():
    files = sorted(ROOT.glob("rules/**/*.yaml"))
    assert {str(Path(rule.path).resolve()) for rule in RULES} == {str(p.resolve()) for p in files}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule):
    assert rule.description.strip() and rule.rationale.strip() and rule.reference
    assert rule.examples.get("fail"), "a rule needs at least one example it flags"
    assert rule.examples.get("pass"), "a rule needs at least one example it leaves alone"


# A case without a date of its own is read as of this one, so that "by 2030"
# means the same whatever day the tests run.
CASE_DATE = datetime.date(2025, 6, 1)


def _excerpts(case: Case, rule) -> list[str]:
    """The excerpts of the rule's findings in the case, in document order."""
    # A rule that judges other rules' findings (density) needs them selected too.
    companions = tuple(getattr(rule.params, "categories", ())) if rule.kind == "density" else ()
    select = (rule.code, "HL001", *companions) if rule.code != "HL001" else ("HL001", "promotional")
    date = datetime.date.fromisoformat(case.date) if case.date else CASE_DATE
    found = lint_text(case.text, fmt=case.format, config=Config(select=select, date=date))
    return [f.excerpt for f in found if f.rule == rule.code]


def _cases(side: str) -> list:
    return [pytest.param(rule, case, id=f"{rule.code}-{side}{number}")
            for rule in RULES for number, case in enumerate(rule.examples.get(side, ()), 1)]  # fmt: skip


@pytest.mark.parametrize("rule,case", _cases("fail"))
def test_fail_cases_are_flagged(rule, case):
    excerpts = _excerpts(case, rule)
    if case.flags is None:
        assert excerpts, f"{rule.code} flags nothing in: {case.text}"
    else:
        assert excerpts == list(case.flags)


@pytest.mark.parametrize("rule,case", _cases("pass"))
def test_pass_cases_are_not_flagged(rule, case):
    # What keeps the rule quiet must be the trap, not that the rule never looked:
    # a rule limited to pieces about AI is quiet on any other piece, and a rule
    # that judges the whole piece on a short one.
    document = parse(case.text, case.format, None)
    if rule.topic:
        assert on_topic(document, rule.topic), f"not about {rule.topic}"
    if rule.info().whole_piece:  # judged only on a piece of at least `min_words` words
        assert analyse(document).word_count >= rule.params.min_words, "too short to be judged"
    assert _excerpts(case, rule) == []


@pytest.mark.parametrize("page,pack", [(MAIN_PAGE, None), *((page, pack) for pack, page in OWN_PAGES.items())])
def test_docs_rule_reference_is_in_sync(page, pack):
    committed = (ROOT / "docs" / page).read_text(encoding="utf-8")
    command = "hypelint rules --format markdown" + (f" --pack {pack}" if pack else "")
    assert committed == rules_markdown(RULES, pack), f"run: {command} > docs/{page}"


def test_every_rule_is_on_one_reference_page():
    pages = [rules_markdown(RULES, pack) for pack in (None, *OWN_PAGES)]
    for rule in RULES:
        assert sum(f"\n## {rule.code}\n" in page for page in pages) == 1, rule.code
    assert f"({OWN_PAGES['proselint']})" in pages[0], "the main page links to the pack's page"


GOOD = """\
code: HL901
name: house.banned-word
category: promotional
severity: warning
kind: existence
message: "'{match}' is banned"
description: A house rule.
rationale: House style.
params:
  terms: [synergy]
"""


@pytest.mark.parametrize(
    "change,key",
    [
        (("code: HL901", "code: X1"), "code"),
        (("category: promotional", "category: hype"), "category"),
        (("severity: warning", "severity: fatal"), "severity"),
        (("kind: existence", "kind: magic"), "kind"),
        (("  terms: [synergy]", "  terms: [synergy]\n  colour: red"), "params"),
        (("  terms: [synergy]", "  terms: ['(unclosed']\n  regex: true"), "params"),
        (("rationale: House style.\n", "rationale: House style.\nwhatever: 1\n"), "whatever"),
        (("message: \"'{match}' is banned\"\n", ""), "message"),
        (("  terms: [synergy]", "  terms: [synergy]\nexamples:\n  fail: [{txt: a}]"), "examples.fail"),
        (("  terms: [synergy]", "  terms: [synergy]\nexamples:\n  pass: [{text: a, flags: [a]}]"), "examples.pass"),
        (("  terms: [synergy]", "  terms: [synergy]\nexamples:\n  fail: [{text: a, format: pdf}]"), "examples.fail"),
        (("  terms: [synergy]", "  terms: [synergy]\nexamples:\n  fail: [{text: a, date: 2025-06-01}]"), "examples.fail"),
    ],
)
def test_bad_rule_file_names_file_and_key(tmp_path, change, key):
    path = tmp_path / "bad.yaml"
    path.write_text(GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rule(path, "house")
    message = str(error.value)
    assert str(path) in message and f"'{key}'" in message and "\n" not in message


def test_invalid_yaml_is_one_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("code: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rule(path, "house")
    assert str(path) in str(error.value) and "invalid YAML" in str(error.value)


def test_good_house_rule_loads(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(GOOD, encoding="utf-8")
    rule = load_rule(path, "house")
    assert (rule.code, rule.pack, rule.params.terms) == ("HL901", "house", ("synergy",))


def test_cases_are_strings_or_mappings(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(GOOD + "examples:\n  fail:\n    - Our synergy.\n    - text: '<p>Synergy, synergy.</p>'\n"
                    "      flags: [Synergy, synergy]\n      format: html\n      date: '2025-01-02'\n", encoding="utf-8")
    fail = load_rule(path, "house").examples["fail"]
    assert fail == (Case("Our synergy."), Case("<p>Synergy, synergy.</p>", ("Synergy", "synergy"), "html", "2025-01-02"))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_explain_works_for_every_rule(rule, capsys):
    from hypelint.cli import main

    assert main(["explain", rule.code]) == 0
    by_code = capsys.readouterr().out
    assert by_code.startswith(f"{rule.code} {rule.name}") and "Why:" in by_code and "Flagged:" in by_code
    assert main(["explain", rule.name]) == 0
    assert capsys.readouterr().out == by_code


def test_shown_cases_are_the_first_plain_ones_and_count_the_rest(tmp_path):
    from hypelint.rules.docs import SHOWN_CASES, rule_file, shown_cases

    path = tmp_path / "good.yaml"
    draft = "    - text: \"# A draft\\n\\nOur synergy.\"\n"
    cases = [draft] + [f"    - Synergy {n}.\n" for n in range(SHOWN_CASES + 1)]
    path.write_text(GOOD + "examples:\n  fail:\n" + "".join(cases) + "  pass: [Teamwork.]\n", encoding="utf-8")
    rule = load_rule(path, "house")
    shown, more = shown_cases(rule, "fail")
    assert [case.text for case in shown] == [f"Synergy {n}." for n in range(SHOWN_CASES)] and more == 2
    draft_only = load_rule(path, "house").examples["fail"][:1]
    assert shown_cases(replace(rule, examples={"fail": draft_only}), "fail") == (draft_only, 0)
    assert shown_cases(rule, "pass") == ((Case("Teamwork."),), 0)
    assert rule_file(rule) == str(path)
    shipped = next(rule for rule in RULES if rule.code == "HL301")
    assert rule_file(shipped) == "rules/superlative/unsupported.yaml"


@pytest.mark.parametrize("rule", [r for r in RULES if len(r.examples["pass"]) > 4], ids=lambda r: r.code)
def test_explain_shows_a_few_cases_and_where_the_rest_are(rule, capsys):
    from hypelint.cli import main
    from hypelint.rules.docs import rule_file, shown_cases

    assert main(["explain", rule.code]) == 0
    shown = capsys.readouterr().out.split("Not flagged:")[1]
    assert shown.count("\n  - ") == len(shown_cases(rule, "pass")[0]) <= 4
    more = shown_cases(rule, "pass")[1]
    assert shown.rstrip().endswith(f"... {more} more case{'s' if more > 1 else ''} in {rule_file(rule)}")


def test_pitfalls_doc_names_real_rules():
    """docs/pitfalls.md maps the 18 pitfalls to rules; every code and name it cites exists."""
    import re

    text = (ROOT / "docs" / "pitfalls.md").read_text(encoding="utf-8")
    by_code = {rule.code: rule.name for rule in RULES}
    cited = re.findall(r"(HL\d{3}) `([a-z.-]+)`", text)
    assert cited, "the doc cites no rules"
    for code, name in cited:
        assert by_code.get(code) == name, (code, name)
    rows = re.findall(r"^\| (\d+) \|", text, re.M)
    assert [int(n) for n in rows] == list(range(1, 19))
