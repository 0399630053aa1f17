"""proselint's checks as the `proselint` pack (HL850-HL955, kind proselint-check).

The pack is off by default and selected by `proselint`, by a prefix of a
check path (`proselint.typography`) or by one check. Findings are in prose
only, at exact source positions through any markup, and say which proselint
check made them. Each rule's own fail and pass examples run in test_rules.py.
"""

from __future__ import annotations

import json

import pytest

from hypelint import lint_text
from hypelint.config import Config, resolve_rules
from hypelint.engine import lint_document
from hypelint.kinds.proselint_check import check_paths
from hypelint.parsers import parse
from hypelint.rules.loader import RuleError, load_packs, rule_from_data

ELLIPSIS = "proselint.typography.symbols.ellipsis"
PACK = [rule for rule in load_packs() if rule.pack == "proselint"]
# A draft that sets off many of proselint's checks.
STYLE_DRAFT = """\
# A quite unique model...

The advisor said it was basicly perfect (c) 2025. The adviser disagreed!!

But the the results were, so to speak, utilized thusly.
"""


def findings(text: str, *select: str, fmt: str = "markdown", ignore: tuple[str, ...] = ()):
    return lint_text(text, fmt=fmt, config=Config(select=select, ignore=ignore))


def spans(text: str, *select: str, fmt: str = "markdown") -> list[tuple[int, int, str]]:
    return [(f.offset, f.end_offset, text[f.offset : f.end_offset]) for f in findings(text, *select, fmt=fmt)]


def at(text: str, needle: str, after: str = "") -> tuple[int, int, str]:
    """The span of `needle` in `text`, the first after `after`."""
    start = text.index(needle, text.index(after) + len(after) if after else 0)
    return start, start + len(needle), needle


# --- the pack -----------------------------------------------------------------


def test_one_rule_per_proselint_check_path():
    assert sorted(rule.raw_params["check"] for rule in PACK) == check_paths()
    assert [rule.code for rule in PACK] == [f"HL{n}" for n in range(850, 850 + len(PACK))]
    for rule in PACK:
        path = rule.raw_params["check"]
        assert rule.name == "proselint." + path.replace("_", "-")
        assert (rule.category, rule.kind, rule.default) == ("style", "proselint-check", False)
        assert path in rule.reference and "proselint 0.16" in rule.reference


def test_off_by_default():
    assert not [f for f in lint_text(STYLE_DRAFT, fmt="markdown", config=Config()) if f.category == "style"]
    assert not {rule.code for rule in resolve_rules(Config())} & {rule.code for rule in PACK}


def test_select_proselint_turns_the_pack_on():
    # restricted.* flag every uncommon word; left out, the rest are plain to see
    found = findings(STYLE_DRAFT, "proselint", ignore=("proselint.restricted",))
    names = {f.name for f in found}
    assert {f.category for f in found} == {"style"}
    assert {
        ELLIPSIS,
        "proselint.uncomparables",
        "proselint.spelling.consistency",
        "proselint.spelling.ally-ly",
        "proselint.typography.symbols.copyright",
        "proselint.typography.punctuation.hyperbole",
        "proselint.misc.but",
        "proselint.lexical-illusions",
        "proselint.hedging",
        "proselint.misc.greylist",
        "proselint.nonwords",
    } <= names
    # The vocabulary lists (restricted.*) are explicit: the pack's name does
    # not reach them, their own name does.
    explicit = {rule.code for rule in PACK if rule.explicit}
    assert explicit == {rule.code for rule in PACK if rule.name.startswith("proselint.restricted.")}
    assert {rule.code for rule in resolve_rules(Config(select=("proselint",)))} == {rule.code for rule in PACK} - explicit
    assert explicit <= {rule.code for rule in resolve_rules(Config(select=("proselint.restricted",)))}
    # the category selects the same rules
    assert {f.rule for f in findings(STYLE_DRAFT, "style", ignore=("proselint.restricted",))} == {f.rule for f in found}


def test_select_by_check_path_prefix():
    found = findings(STYLE_DRAFT, "proselint.typography")
    assert {f.name for f in found} == {
        ELLIPSIS,
        "proselint.typography.symbols.copyright",
        "proselint.typography.punctuation.hyperbole",
    }
    assert {f.name for f in findings(STYLE_DRAFT, "proselint.typography.symbols")} == {
        ELLIPSIS,
        "proselint.typography.symbols.copyright",
    }
    assert {f.name for f in findings(STYLE_DRAFT, ELLIPSIS)} == {ELLIPSIS}
    assert {f.rule for f in findings(STYLE_DRAFT, "HL950")} == {"HL950"}


def test_a_path_and_the_paths_below_it_are_separate_rules():
    text = "They had to preplan it, to coin a phrase from the poets."
    assert {f.name for f in findings(text, "proselint.misc.illogic")} == {
        "proselint.misc.illogic",
        "proselint.misc.illogic.coin",
    }
    only = findings(text, "proselint.misc.illogic", ignore=("proselint.misc.illogic.coin",))
    assert [(f.name, f.excerpt) for f in only] == [("proselint.misc.illogic", "preplan")]


def test_ignore_a_group_within_the_pack():
    found = findings("The zeitgeist shifted... again.", "proselint", ignore=("proselint.restricted",))
    assert [f.name for f in found] == [ELLIPSIS]


# --- positions ------------------------------------------------------------------


MARKUP = """\
---
title: Draft...
---
# Heading...

Plain... text with **bold...** and [link... text](https://example.com/a...b).

- item... one
- two
"""


def test_positions_are_exact_through_markdown_markup():
    assert spans(MARKUP, ELLIPSIS) == [
        at(MARKUP, "...", "# Heading"),
        at(MARKUP, "...", "Plain"),
        at(MARKUP, "...", "**bold"),
        at(MARKUP, "...", "[link"),
        at(MARKUP, "...", "- item"),
    ]
    lines = [(f.line, f.column, f.end_line, f.end_column) for f in findings(MARKUP, ELLIPSIS)]
    assert lines[:4] == [(4, 10, 4, 13), (6, 6, 6, 9), (6, 26, 6, 29), (6, 41, 6, 44)]


def test_positions_are_exact_in_html_and_plain_text():
    html = "<html><body><h1>Wait...</h1><p>Then <b>this...</b> and <a href='https://x.org/a...b'>that...</a></p></body></html>"
    assert spans(html, ELLIPSIS, fmt="html") == [
        at(html, "...", "Wait"),
        at(html, "...", "<b>this"),
        at(html, "...", ">that"),
    ]
    text = "Café... first line.\r\nSecond line...\r\n"
    assert spans(text, ELLIPSIS, fmt="text") == [at(text, "..."), at(text, "...", "Second")]
    second = findings(text, ELLIPSIS, fmt="text")[1]
    assert (second.line, second.column, second.end_column) == (2, 12, 15)


def test_never_in_code_urls_front_matter_pre_or_script():
    md = """\
---
summary: not prose...
---
Inline `code...` and a [link](https://example.com/a...b) and https://example.com/c...d here.

```
fenced...
```

    indented...

<pre>pre...</pre>

<script>var s = "script...";</script>

Only this... counts.
"""
    assert spans(md, ELLIPSIS) == [at(md, "...", "Only this")]
    html = "<p>A <code>x...</code> <a href='https://e.org/a...b'>link</a></p><pre>pre...</pre><script>s='...'</script><p>Yes...</p>"
    assert spans(html, ELLIPSIS, fmt="html") == [at(html, "...", "Yes")]


def test_a_match_across_two_blocks_is_dropped():
    # Joined, "the" ending one paragraph and "the" opening the next would
    # read as a repeated word; they are not one phrase.
    text = "They saw the\n\nthe cat sat on the the mat."
    assert spans(text, "proselint.lexical-illusions") == [at(text, "the the", "on ")]
    assert spans("# Meet the\n\nthe team.", "proselint.lexical-illusions") == []


def test_paragraph_starts_and_whole_document_checks():
    text = "It rained.\n\nBut it stopped.\n\n- But a list item too"
    assert spans(text, "proselint.misc.but") == [at(text, "But"), at(text, "But", "- ")]
    # inconsistency is judged across the document: the minority spelling is flagged
    text = "The advisor spoke.\n\nThe adviser left. The adviser came back."
    found = findings(text, "proselint.spelling.consistency")
    assert [(f.excerpt, f.suggestion) for f in found] == [("advisor", "adviser")]


def test_quoted_text_is_skipped_as_proselint_does():
    text = 'He said "wait ... no" and left.\n\nThen ... again.'
    assert spans(text, ELLIPSIS) == [at(text, "...", "Then")]
    # a stray quotation mark pairs with nothing in another paragraph
    text = 'A 12" screen...\n\nShe said "it ... works" today.\n\nLater ... yes.'
    assert spans(text, ELLIPSIS) == [at(text, "..."), at(text, "...", "Later")]
    # the check of straight quotes looks inside quotations
    assert spans('He said "yes" today.', "proselint.typography.symbols.curly-quotes") != []


def test_word_list_results_cover_the_whole_word():
    text = "The zeitgeist shifted."
    assert spans(text, "proselint.restricted.top1000") == [at(text, "zeitgeist"), at(text, "shifted")]


# --- messages and suggestions -----------------------------------------------------


def test_message_names_the_proselint_check():
    (found,) = findings("Wait... what.", ELLIPSIS)
    assert found.message == "'...' is an approximation, use the ellipsis symbol '…'. (proselint: typography.symbols.ellipsis)"
    assert (found.rule, found.severity, found.suggestion) == ("HL950", "info", None)
    (found,) = findings("He spoke thusly.", "proselint.nonwords")
    assert found.message.endswith("(proselint: nonwords)") and found.suggestion == "thus"
    assert found.severity == "warning"


def test_suggestions_are_text_never_patterns():
    text = "One. Two. Three.  Four."
    (found,) = findings(text, "proselint.typography.punctuation.spacing")
    assert text[found.offset : found.end_offset] == ".  F" and found.suggestion is None


# --- rule files ------------------------------------------------------------------


def _rule(check: str):
    data = {
        "code": "HL990",
        "name": "house.proselint",
        "category": "style",
        "severity": "info",
        "kind": "proselint-check",
        "message": "{message}",
        "description": "d",
        "rationale": "r",
        "params": {"check": check},
    }
    return rule_from_data(data, "house/x.yaml", "house")


def test_a_check_path_that_is_no_path_fails_at_load():
    with pytest.raises(RuleError, match="house/x.yaml: key 'params'"):
        _rule("Typography/Symbols")


def test_a_check_proselint_does_not_have_fails_naming_the_rule_file():
    rule = _rule("typography.symbols.nonesuch")
    with pytest.raises(RuleError, match="house/x.yaml: key 'params': proselint has no check 'typography.symbols.nonesuch'"):
        lint_document(parse("Some text.", "markdown", None), [rule])


def test_a_house_rule_can_use_any_check_with_its_own_scope():
    rule = _rule("typography.symbols.ellipsis")
    doc = parse("# Wait...\n\nWait... now.", "markdown", None)
    assert [f.offset for f in lint_document(doc, [rule])] == [15]  # the default scope leaves headings out


# --- command line --------------------------------------------------------------------


def test_command_line(write, hypelint):
    write("story.md", STYLE_DRAFT)
    default = json.loads(hypelint("check", "--format", "json", "story.md").stdout)
    assert not [f for f in default["findings"] if f["category"] == "style"]
    result = hypelint("check", "--select", "proselint", "--format", "json", "story.md")
    assert result.returncode == 1  # warnings (a nonword, a repeated word) fail the run
    found = json.loads(result.stdout)["findings"]
    assert found and {f["category"] for f in found} == {"style"}
    ellipsis = [f for f in found if f["name"] == ELLIPSIS]
    assert [(f["rule"], f["line"], f["column"], f["end_column"]) for f in ellipsis] == [("HL950", 1, 23, 26)]
    assert "(proselint: typography.symbols.ellipsis)" in ellipsis[0]["message"]
    result = hypelint("check", "--select", ELLIPSIS, "--format", "concise", "story.md")
    assert result.stdout.splitlines()[0].startswith("story.md:1:23: HL950 ")
    result = hypelint("check", "--select", "proselint.typography", "--format", "json", "story.md")
    names = {f["name"] for f in json.loads(result.stdout)["findings"]}
    assert ELLIPSIS in names and all(name.startswith("proselint.typography.") for name in names)
    assert "HL950 proselint.typography.symbols.ellipsis" in hypelint("explain", "HL950").stdout
