"""Configuration through the real command line: discovery, every key, errors.

Each test builds a small project in tmp_path and runs `python -m hypelint`
there, reading the findings from the JSON report. The draft DRAFT has one
finding of each built-in rule but HL001, on known lines.
"""

from __future__ import annotations

import json
import textwrap

import pytest

# One finding each: HL202 (line 3), HL201 (line 3), HL203 (line 3, info),
# HL101 (line 5).
DRAFT = """\
# Launch

Buckle up: a revolutionary model with a state-of-the-art design.

## Is it any good?

## Price

Ten dollars a month.
"""
ALL_DEFAULT = {"HL101", "HL201", "HL202", "HL203"}
# The rules these tests know: the faq, promotional and meta packs, and the
# house rule below. Other packs' rules are tested in their own files, so
# their findings are left out here (a new pack must not break these tests).
KNOWN = {"HL001", "HL101", "HL201", "HL202", "HL203", "HL990"}

HOUSE_RULE = """\
code: HL990
name: house.sensational
category: promotional
severity: error
kind: existence
message: "'{match}' is banned by the house style"
description: Words the style guide bans.
rationale: The desk's style guide, section 4.
params:
  terms: [mind-boggling, sensational]
"""


def report(result) -> list[dict]:
    assert result.returncode in (0, 1), result.stderr
    return [f for f in json.loads(result.stdout)["findings"] if f["rule"] in KNOWN]


def known(codes: list[str]) -> list[str]:
    return [code for code in codes if code in KNOWN]


def codes(result) -> set[str]:
    return {f["rule"] for f in report(result)}


def by_path(result) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for f in report(result):
        found.setdefault(f["path"].replace("\\", "/"), set()).add(f["rule"])
    return found


def toml(text: str) -> str:
    return textwrap.dedent(text).lstrip()


def one_error_line(result, *needles: str) -> str:
    """The run failed with exit 2 and exactly one stderr line holding the needles."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert lines[0].startswith("hypelint: error: ")
    return lines[0]


# --- discovery -----------------------------------------------------------------------


def test_no_config_runs_the_default_rules(write, hypelint):
    write("d.md", DRAFT)
    result = hypelint("check", "--format", "json", "d.md")
    assert result.returncode == 1
    assert codes(result) == ALL_DEFAULT


def test_pyproject_section_is_found_upward_from_the_file_not_the_cwd(tmp_path, write, hypelint):
    write("pyproject.toml", toml("""
        [project]
        name = "newsroom"

        [tool.hypelint]
        select = ["HL201"]
    """))
    draft = write("a/b/d.md", DRAFT)
    (tmp_path / "elsewhere").mkdir()
    # Run from a folder with no config at all, naming the file absolutely.
    result = hypelint("check", "--format", "json", str(draft), cwd=tmp_path / "elsewhere")
    assert codes(result) == {"HL201"}


@pytest.mark.parametrize("name", ["hypelint.toml", ".hypelint.toml"])
def test_hypelint_toml_files_are_found(write, hypelint, name):
    write(name, 'select = ["HL202"]\n')
    write("sub/d.md", DRAFT)
    assert codes(hypelint("check", "--format", "json", "sub/d.md")) == {"HL202"}


def test_nearest_config_wins_per_file(write, hypelint):
    write("hypelint.toml", 'select = ["HL201"]\n')
    write("top.md", DRAFT)
    write("desk/.hypelint.toml", 'select = ["HL202"]\n')
    write("desk/deep/d.md", DRAFT)
    result = hypelint("check", "--format", "json", ".")
    assert by_path(result) == {"top.md": {"HL201"}, "desk/deep/d.md": {"HL202"}}


def test_pyproject_without_the_section_is_skipped(write, hypelint):
    write("hypelint.toml", 'select = ["HL201"]\n')
    # Nearer, but says nothing about hypelint: the search goes on upward.
    write("pkg/pyproject.toml", toml("""
        [project]
        name = "x"

        [tool.black]
        line-length = 99
    """))
    write("pkg/d.md", DRAFT)
    assert codes(hypelint("check", "--format", "json", "pkg/d.md")) == {"HL201"}
    shown = json.loads(hypelint("config", "--show", "pkg/d.md").stdout)
    assert shown["config-file"].endswith("hypelint.toml")


def test_within_one_folder_hypelint_toml_comes_first(write, hypelint):
    write("pyproject.toml", '[tool.hypelint]\nselect = ["HL101"]\n')
    write(".hypelint.toml", 'select = ["HL202"]\n')
    write("hypelint.toml", 'select = ["HL201"]\n')
    write("d.md", DRAFT)
    assert codes(hypelint("check", "--format", "json", "d.md")) == {"HL201"}


def test_explicit_config_overrides_the_search(write, hypelint):
    write("hypelint.toml", 'select = ["HL201"]\n')
    write("sub/hypelint.toml", 'select = ["HL202"]\n')
    write("sub/d.md", DRAFT)
    write("conf/pyproject.toml", '[tool.hypelint]\nselect = ["HL101"]\n')
    result = hypelint("check", "--format", "json", "--config", "conf/pyproject.toml", "sub/d.md")
    assert codes(result) == {"HL101"}


def test_explicit_config_globs_are_relative_to_its_folder(write, hypelint):
    write("conf/hypelint.toml", 'exclude = ["drafts/old/**"]\n')
    write("conf/drafts/old/d.md", DRAFT)
    write("conf/drafts/new.md", DRAFT)
    result = hypelint("check", "--format", "json", "--config", "conf/hypelint.toml", "conf")
    assert set(by_path(result)) == {"conf/drafts/new.md"}


def test_missing_explicit_config_is_an_error(write, hypelint):
    write("d.md", DRAFT)
    one_error_line(hypelint("check", "--config", "nope.toml", "d.md"), "nope.toml", "not found")


# --- select, ignore, extend-select -------------------------------------------------------


@pytest.mark.parametrize(
    "selectors, expected",
    [
        (["HL201"], {"HL201"}),  # a code
        (["HL2"], {"HL201", "HL202", "HL203"}),  # a code prefix
        (["HL20"], {"HL201", "HL202", "HL203"}),
        (["promotional.reader-address"], {"HL202"}),  # a rule name
        (["faq"], {"HL101"}),  # a category (and pack)
        (["promotional"], {"HL201", "HL202", "HL203"}),  # a pack (and category)
        (["HL101", "HL203"], {"HL101", "HL203"}),
        (["ALL"], ALL_DEFAULT),
    ],
)
def test_select_in_config(write, hypelint, selectors, expected):
    write("hypelint.toml", f"select = {json.dumps(selectors)}\n")
    write("d.md", DRAFT)
    assert codes(hypelint("check", "--format", "json", "d.md")) == expected


@pytest.mark.parametrize(
    "config, expected",
    [
        # A code is more specific than a category: HL203 goes, the rest stay.
        ('select = ["promotional"]\nignore = ["HL203"]\n', {"HL201", "HL202"}),
        # ... and the other way round: the selected code beats the ignored pack.
        ('select = ["HL203"]\nignore = ["promotional"]\n', {"HL203"}),
        # A longer prefix is more specific than a shorter one.
        ('select = ["HL2"]\nignore = ["HL20"]\n', set()),
        ('select = ["HL20"]\nignore = ["HL2"]\n', {"HL201", "HL202", "HL203"}),
        # On a tie, ignore wins.
        ('select = ["HL2"]\nignore = ["HL2"]\n', set()),
        ('extend-select = ["HL201"]\nignore = ["HL201"]\n', {"HL101", "HL202", "HL203"}),
        # ALL is the least specific selector of all.
        ('select = ["ALL"]\nignore = ["faq"]\n', {"HL201", "HL202", "HL203"}),
        ('select = ["faq"]\nextend-select = ["HL202"]\n', {"HL101", "HL202"}),
        # extend-select adds to the default set when select is absent.
        ('ignore = ["promotional"]\nextend-select = ["promotional.hype-word"]\n', {"HL101", "HL201"}),
    ],
)
def test_ignore_and_extend_select_by_specificity(write, hypelint, config, expected):
    write("hypelint.toml", config)
    write("d.md", DRAFT)
    assert codes(hypelint("check", "--format", "json", "d.md")) == expected


def test_command_line_select_replaces_and_ignore_extends_the_config(write, hypelint):
    write("hypelint.toml", 'select = ["HL201", "HL202"]\nignore = ["HL202"]\n')
    write("d.md", DRAFT)
    run = lambda *a: codes(hypelint("check", "--format", "json", *a, "d.md"))  # noqa: E731
    assert run() == {"HL201"}
    assert run("--select", "HL101,HL202") == {"HL101"}  # the config's ignore still holds
    assert run("--ignore", "HL201") == set()
    assert run("--extend-select", "HL203") == {"HL201", "HL203"}


def test_unknown_selector_on_the_command_line_blames_the_option(write, hypelint):
    write("hypelint.toml", 'select = ["HL201"]\n')
    write("d.md", DRAFT)
    line = one_error_line(hypelint("check", "--ignore", "HL99", "d.md"), "command line", "--ignore", "'HL99'")
    assert "hypelint.toml" not in line


# --- fail-on ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "level, select, exit_code",
    [
        ("error", "promotional", 0),  # warnings and info only
        ("warning", "promotional", 1),
        ("warning", "HL203", 0),  # info only
        ("info", "HL203", 1),
        ("never", "promotional", 0),
    ],
)
def test_fail_on_in_config(write, hypelint, level, select, exit_code):
    write("hypelint.toml", f'fail-on = "{level}"\nselect = ["{select}"]\n')
    write("d.md", DRAFT)
    result = hypelint("check", "d.md")
    assert result.returncode == exit_code, result.stdout
    assert "HL20" in result.stdout  # reported all the same


def test_command_line_fail_on_overrides_the_config(write, hypelint):
    write("hypelint.toml", 'fail-on = "never"\n')
    write("d.md", DRAFT)
    assert hypelint("check", "d.md").returncode == 0
    assert hypelint("check", "--fail-on", "warning", "d.md").returncode == 1


def test_fail_on_follows_each_files_config(write, hypelint):
    write("lenient/hypelint.toml", 'fail-on = "never"\n')
    write("lenient/d.md", DRAFT)
    write("strict/d.md", DRAFT)
    assert hypelint("check", "lenient").returncode == 0
    assert hypelint("check", "lenient", "strict").returncode == 1


# --- exclude and per-file-ignores -------------------------------------------------------------


def test_exclude_globs_are_relative_to_the_config_folder(tmp_path, write, hypelint):
    write("site/hypelint.toml", 'exclude = ["drafts/archive/**", "*.txt"]\n')
    write("site/drafts/archive/old.md", DRAFT)
    write("site/drafts/archive/deeper/older.md", DRAFT)
    write("site/drafts/new.md", DRAFT)
    write("site/drafts/notes.txt", "A revolutionary note.\n")
    write("site/archive/kept.md", DRAFT)  # not drafts/archive: kept
    # Run from inside site/drafts: the globs still start at site/.
    result = hypelint("check", "--format", "json", ".", cwd=tmp_path / "site" / "drafts")
    assert set(by_path(result)) == {"new.md"}
    result = hypelint("check", "--format", "json", "site")
    assert set(by_path(result)) == {"site/drafts/new.md", "site/archive/kept.md"}


def test_excluded_folders_are_not_walked(write, hypelint):
    write("hypelint.toml", 'exclude = ["vendor/**"]\n')
    write("d.md", "Fine.\n")
    # Were vendor/ walked, its broken config and undecodable draft would fail the run.
    write("vendor/hypelint.toml", "no-such-key = 1\n")
    write("vendor/broken.md", b"caf\xe9\n")
    result = hypelint("check", ".")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    # Named on the command line, an excluded folder is skipped just the same.
    result = hypelint("check", "vendor")
    assert (result.returncode, result.stderr) == (0, "")


def test_excluded_file_named_explicitly_is_skipped(write, hypelint):
    # pre-commit names every staged file; exclude must still apply.
    write("hypelint.toml", 'exclude = ["press/*.md"]\n')
    write("press/release.md", DRAFT)
    result = hypelint("check", "--format", "json", "press/release.md")
    assert result.returncode == 0
    assert report(result) == []


def test_per_file_ignores(write, hypelint):
    write("hypelint.toml", toml("""
        [per-file-ignores]
        "press/*.md" = ["promotional"]
        "faq/**" = ["HL101", "promotional.reader-address"]
    """))
    write("press/r.md", DRAFT)
    write("faq/x/q.md", DRAFT)
    write("other.md", DRAFT)
    assert by_path(hypelint("check", "--format", "json", ".")) == {
        "press/r.md": {"HL101"},
        "faq/x/q.md": {"HL201", "HL203"},
        "other.md": ALL_DEFAULT,
    }


def test_per_file_ignores_also_drop_unused_suppression_findings(write, hypelint):
    write("hypelint.toml", '[per-file-ignores]\n"*.md" = ["meta"]\n')
    write("d.md", "<!-- hypelint: disable=HL202 -->\nA revolutionary day.\n")
    write("e.txt", "<!-- hypelint: disable=HL202 -->\nA quiet day.\n")
    assert by_path(hypelint("check", "--format", "json", ".")) == {"d.md": {"HL201"}, "e.txt": {"HL001"}}


# --- rules.<CODE>, rule-packs, vocabulary ---------------------------------------------------


def test_rule_severity_override(write, hypelint):
    write("hypelint.toml", '[rules.HL203]\nseverity = "error"\n[rules.HL201]\nseverity = "info"\n')
    write("d.md", DRAFT)
    result = hypelint("check", "--format", "json", "--fail-on", "error", "d.md")
    severities = {f["rule"]: f["severity"] for f in report(result)}
    assert severities == {"HL101": "warning", "HL201": "info", "HL202": "warning", "HL203": "error"}
    assert result.returncode == 1


def test_rule_params_override_replaces_the_terms(write, hypelint):
    write("hypelint.toml", '[rules.HL201]\nparams = { terms = ["mind-boggling"] }\n')
    write("d.md", "A revolutionary, mind-boggling film.\n")
    found = report(hypelint("check", "--format", "json", "d.md"))
    assert [(f["rule"], f["excerpt"], f["column"]) for f in found] == [("HL201", "mind-boggling", 18)]


def test_house_rule_pack(write, hypelint):
    write("newsroom/sensational.yaml", HOUSE_RULE)
    write("hypelint.toml", 'rule-packs = ["newsroom"]\n')
    write("sub/d.md", "A sensational, revolutionary result.\n")
    result = hypelint("check", "--format", "json", "sub/d.md")
    found = {(f["rule"], f["severity"], f["message"]) for f in report(result)}
    assert found == {
        ("HL990", "error", "'sensational' is banned by the house style"),
        ("HL201", "warning", "'revolutionary' is promotional language; say what the thing does instead"),
    }
    # The pack's name is a selector (its rules' category is promotional, so
    # this is the pack, not the category, at work).
    assert codes(hypelint("check", "--format", "json", "--select", "newsroom", "sub/d.md")) == {"HL990"}
    assert codes(hypelint("check", "--format", "json", "--ignore", "newsroom", "sub/d.md")) == {"HL201"}
    assert codes(hypelint("check", "--format", "json", "--select", "house", "sub/d.md")) == {"HL990"}
    # and explain/rules see it through the same config
    assert "HL990 house.sensational" in hypelint("explain", "HL990").stdout
    assert "HL990" in hypelint("rules").stdout


def test_rule_off_by_default_needs_an_explicit_selector(write, hypelint):
    write("newsroom/sensational.yaml", HOUSE_RULE + "default: false\n")
    write("hypelint.toml", 'rule-packs = ["newsroom"]\n')
    write("d.md", "A sensational result.\n")
    assert codes(hypelint("check", "--format", "json", "d.md")) == set()
    assert codes(hypelint("check", "--format", "json", "--extend-select", "HL990", "d.md")) == {"HL990"}
    assert codes(hypelint("check", "--format", "json", "--select", "ALL", "d.md")) == {"HL990"}


def test_vocabulary_accept(write, hypelint):
    write("hypelint.toml", '[vocabulary]\naccept = ["Revolutionary Road"]\n')
    write("d.md", "We watched Revolutionary Road last night. A revolutionary film.\n")
    found = report(hypelint("check", "--format", "json", "d.md"))
    assert [(f["rule"], f["column"]) for f in found] == [("HL201", 45)]


# --- errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "config, key",
    [
        ("colour = true\n", "'colour'"),
        ('fail-on = "sometimes"\n', "'fail-on'"),
        ("fail-on = 1\n", "'fail-on'"),
        ('select = ["HL99"]\n', "'select'"),
        ('ignore = ["nonsense"]\n', "'ignore'"),
        ('extend-select = ["promotional.nope"]\n', "'extend-select'"),
        ('select = "HL201, HL202"\n', "'select'"),
        ("select = 5\n", "'select'"),
        ('[per-file-ignores]\n"*.md" = ["bogus"]\n', "'per-file-ignores.*.md'"),
        ('[rules.HL999]\nseverity = "error"\n', "'rules.HL999'"),
        ('[rules.HL201]\nseverity = "fatal"\n', "'rules.HL201.severity'"),
        ('[rules.HL201]\ncolour = "red"\n', "'rules.HL201'"),
        ("[rules.HL201]\nparams = { terms = 5 }\n", "'rules.HL201.params'"),
        ("[rules.HL201]\nparams = { terms = [] }\n", "'rules.HL201.params'"),
        ("[rules.HL201]\nparams = { no-such-param = 1 }\n", "'rules.HL201.params'"),
        ('rule-packs = ["missing"]\n', "'rule-packs'"),
        ('[vocabulary]\nreject = ["x"]\n', "'vocabulary'"),
    ],
)
def test_bad_config_is_one_line_naming_file_and_key(tmp_path, write, hypelint, config, key):
    write("hypelint.toml", config)
    write("d.md", DRAFT)
    result = hypelint("check", "d.md")
    one_error_line(result, str(tmp_path / "hypelint.toml"), f"key {key}")
    assert result.stdout == ""  # the run stops before any report


def test_bad_config_in_pyproject_names_the_pyproject(tmp_path, write, hypelint):
    write("pyproject.toml", '[tool.hypelint]\nfail-on = "loud"\n')
    write("d.md", DRAFT)
    one_error_line(hypelint("check", "d.md"), str(tmp_path / "pyproject.toml"), "'fail-on'", "'loud'")


def test_invalid_toml_is_one_line(tmp_path, write, hypelint):
    write("hypelint.toml", "this is not toml\n")
    write("d.md", DRAFT)
    one_error_line(hypelint("check", "d.md"), str(tmp_path / "hypelint.toml"), "invalid TOML")


@pytest.mark.parametrize("name, head", [("hypelint.toml", b""), ("pyproject.toml", b"[tool.hypelint]\n")])
def test_config_not_valid_utf8_is_one_line(tmp_path, write, hypelint, name, head):
    write(name, head + b'select = ["HL201"]  # caf\xe9\n')
    write("d.md", DRAFT)
    offset = len(head) + 25
    for args in (["check", "d.md"], ["check", "--config", name, "d.md"]):
        one_error_line(hypelint(*args), name, f"not valid UTF-8 (byte 0xe9 at offset {offset})")


@pytest.mark.parametrize("value", ["5", "[1, 2]", '"HL201"'])
def test_tool_hypelint_that_is_not_a_table_is_one_line(tmp_path, write, hypelint, value):
    write("pyproject.toml", f"[tool]\nhypelint = {value}\n")
    write("d.md", DRAFT)
    for args in (["check", "d.md"], ["check", "--config", "pyproject.toml", "d.md"], ["config"]):
        one_error_line(hypelint(*args), str(tmp_path / "pyproject.toml"), "key 'tool.hypelint': must be a table")


@pytest.mark.parametrize("tool", ["5", "[1, 2]"])
def test_pyproject_whose_tool_is_not_a_table_holds_no_hypelint_config(write, hypelint, tool):
    write("hypelint.toml", 'select = ["HL201"]\n')
    write("pkg/pyproject.toml", f"tool = {tool}\n")
    write("pkg/d.md", DRAFT)
    result = hypelint("check", "--format", "json", "pkg")
    assert result.returncode == 1 and {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"HL201"}


def test_bad_house_rule_names_the_rule_file_and_key(tmp_path, write, hypelint):
    write("newsroom/bad.yaml", HOUSE_RULE.replace("kind: existence", "kind: telepathy"))
    write("hypelint.toml", 'rule-packs = ["newsroom"]\n')
    write("d.md", DRAFT)
    one_error_line(hypelint("check", "d.md"), str(tmp_path / "newsroom" / "bad.yaml"), "'kind'", "telepathy")


def test_bad_config_errors_for_every_command(write, hypelint):
    write("hypelint.toml", 'fail-on = "sometimes"\n')
    write("d.md", DRAFT)
    for args in (["rules"], ["explain", "HL101"], ["config", "--show", "d.md"]):
        one_error_line(hypelint(*args), "hypelint.toml", "'fail-on'")


# --- hypelint config --show ---------------------------------------------------------------


def test_config_show_prints_the_resolved_settings(tmp_path, write, hypelint):
    write("newsroom/sensational.yaml", HOUSE_RULE)
    write("pyproject.toml", toml("""
        [tool.hypelint]
        select = ["promotional", "newsroom"]
        ignore = ["HL203"]
        extend-select = ["faq"]
        fail-on = "error"
        exclude = ["archive/**"]
        rule-packs = ["newsroom"]

        [tool.hypelint.per-file-ignores]
        "press/*.md" = ["HL201"]

        [tool.hypelint.rules.HL201]
        severity = "info"
        params = { terms = ["mind-boggling"] }

        [tool.hypelint.vocabulary]
        accept = ["Revolutionary Road"]
    """))
    write("press/r.md", DRAFT)
    result = hypelint("config", "--show", "press/r.md")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert known(shown["enabled-rules"]) == ["HL101", "HL201", "HL202", "HL990"]
    assert shown == {
        "config-file": str(tmp_path / "pyproject.toml"),
        "select": ["promotional", "newsroom"],
        "extend-select": ["faq"],
        "ignore": ["HL203"],
        "fail-on": "error",
        "exclude": ["archive/**"],
        "per-file-ignores": {"press/*.md": ["HL201"]},
        "rules": {"HL201": {"severity": "info", "params": {"terms": ["mind-boggling"]}}},
        "rule-packs": [str(tmp_path / "newsroom")],
        "vocabulary": {"accept": ["Revolutionary Road"]},
        "enabled-rules": shown["enabled-rules"],
        "applies-to": "press/r.md",
        "per-file-ignores-here": ["HL201"],
        "excluded-here": False,
    }


def test_config_show_defaults_and_folders(write, hypelint):
    shown = json.loads(hypelint("config", "--show").stdout)
    assert shown["config-file"] == "(none: defaults)"
    assert shown["fail-on"] == "warning"
    assert known(shown["enabled-rules"]) == ["HL001", "HL101", "HL201", "HL202", "HL203"]
    write("desk/hypelint.toml", 'select = ["faq"]\nexclude = ["old/*"]\n')
    write("desk/old/x.md", "x\n")
    shown = json.loads(hypelint("config", "desk").stdout)  # --show is the default
    assert shown["config-file"].endswith("hypelint.toml")
    assert known(shown["enabled-rules"]) == ["HL101"]
    assert json.loads(hypelint("config", "--show", "desk/old/x.md").stdout)["excluded-here"] is True


def test_config_show_with_explicit_config(write, hypelint):
    write("hypelint.toml", 'select = ["faq"]\n')
    write("other.toml", 'select = ["HL202"]\n')
    shown = json.loads(hypelint("config", "--show", "--config", "other.toml").stdout)
    assert shown["config-file"].endswith("other.toml")
    assert shown["enabled-rules"] == ["HL202"]
