"""Every rule file: loads, documents itself, and behaves as its own examples say."""

from __future__ import annotations

from pathlib import Path

import pytest

from hypelint import lint_text
from hypelint.config import Config
from hypelint.rules import RuleError, load_packs, load_rule
from hypelint.ruledocs import rules_markdown

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


def _codes(text: str, rule) -> list[str]:
    # A rule that judges other rules' findings (density) needs them selected too.
    companions = tuple(getattr(rule.params, "categories", ())) if rule.kind == "density" else ()
    config = Config(select=(rule.code, "HL001", *companions) if rule.code != "HL001" else ("HL001", "promotional"))
    return [f.rule for f in lint_text(text, fmt="markdown", config=config)]


@pytest.mark.parametrize(
    "rule,example",
    [(rule, example) for rule in RULES for example in rule.examples.get("fail", [])],
    ids=lambda value: getattr(value, "code", None) or value[:30],
)
def test_fail_examples_are_flagged(rule, example):
    assert rule.code in _codes(example, rule)


@pytest.mark.parametrize(
    "rule,example",
    [(rule, example) for rule in RULES for example in rule.examples.get("pass", [])],
    ids=lambda value: getattr(value, "code", None) or value[:30],
)
def test_pass_examples_are_not_flagged(rule, example):
    assert rule.code not in _codes(example, rule)


def test_docs_rules_md_is_in_sync():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(RULES), "run: hypelint rules --format markdown > docs/rules.md"


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


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_explain_works_for_every_rule(rule, capsys):
    from hypelint.cli import main

    assert main(["explain", rule.code]) == 0
    by_code = capsys.readouterr().out
    assert by_code.startswith(f"{rule.code} {rule.name}") and "Why:" in by_code and "Flagged:" in by_code
    assert main(["explain", rule.name]) == 0
    assert capsys.readouterr().out == by_code


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
