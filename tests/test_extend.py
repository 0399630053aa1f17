"""`extend = "path/to/house.toml"`: a config laid over a shared one, as Ruff's
`extend` (relative to the file that names it, chains, the extending file's
keys win; a missing file or a cycle is one line and exit 2)."""

from __future__ import annotations

import json

import pytest

HOUSE_RULE = """\
code: HL990
name: house.sensational
category: promotional
severity: warning
kind: existence
message: "'{match}' is not house style"
description: Words the style guide bans.
rationale: The desk's style guide.
params:
  terms: [sensational]
examples:
  fail: ["A sensational model."]
  pass: ["A model."]
"""


@pytest.fixture
def house(tmp_path, write):
    """A house config in its own repository, extending a base one; a newsroom repo extends it."""
    write("shared/base.toml", 'select = ["faq"]\nignore = ["HL203"]\nfail-on = "error"\n')
    write("shared/house/newsroom/sensational.yaml", HOUSE_RULE)
    write("shared/house/house.toml", 'extend = "../base.toml"\nselect = ["promotional", "newsroom"]\n'
                                     'rule-packs = ["newsroom"]\nexclude = ["archive/**"]\n')  # fmt: skip
    write("repo/hypelint.toml", 'extend = "../shared/house/house.toml"\nfail-on = "warning"\n')
    write("repo/a.md", "A sensational, revolutionary model.\n")
    write("repo/archive/old.md", "A revolutionary model.\n")
    return tmp_path


def test_a_config_extends_a_chain_and_its_own_keys_win(house, hypelint):
    result = hypelint("check", "--format", "json", "--no-cache", ".", cwd=house / "repo")
    assert result.returncode == 1, result.stderr  # fail-on: the repo's "warning", not the base's "error"
    found = sorted((f["path"], f["rule"]) for f in json.loads(result.stdout)["findings"])
    # select from the house file (its pack found beside it), ignore from the base,
    # exclude's glob relative to the repo's config: archive/ is left out
    assert found == [("a.md", "HL201"), ("a.md", "HL990")]


def test_config_show_says_where_each_setting_came_from(house, hypelint):
    shown = json.loads(hypelint("config", "--show", "a.md", cwd=house / "repo").stdout)
    files = ("repo/hypelint.toml", "shared/house/house.toml", "shared/base.toml")
    repo, house_file, base = (str(house / name) for name in files)
    assert shown["config-file"] == repo
    assert shown["extends"] == [house_file, base]
    assert shown["set-in"] == {"select": house_file, "ignore": base, "fail-on": repo,
                               "rule-packs": house_file, "exclude": house_file}  # fmt: skip
    assert (shown["select"], shown["ignore"], shown["fail-on"]) == (["promotional", "newsroom"], ["HL203"], "warning")
    assert shown["rule-packs"] == [str(house / "shared/house/newsroom")]


@pytest.mark.parametrize(
    "files, message",
    [
        ({"hypelint.toml": 'extend = "house.toml"\n'},
         "hypelint.toml: key 'extend': config file {tmp}/house.toml not found"),
        ({"hypelint.toml": 'extend = "a.toml"\n', "a.toml": 'extend = "b/b.toml"\n', "b/b.toml": 'extend = "../a.toml"\n'},
         "b/b.toml: key 'extend': a cycle: {tmp}/hypelint.toml -> {tmp}/a.toml -> {tmp}/b/b.toml -> {tmp}/a.toml"),
        ({"hypelint.toml": 'extend = "hypelint.toml"\n'},
         "hypelint.toml: key 'extend': a cycle: {tmp}/hypelint.toml -> {tmp}/hypelint.toml"),
        ({"hypelint.toml": "extend = 3\n"}, "hypelint.toml: key 'extend': must be the path of a config file, not an integer"),
        ({"hypelint.toml": 'extend = "pyproject.toml"\n', "pyproject.toml": "[project]\nname = 'x'\n"},
         "hypelint.toml: key 'extend': {tmp}/pyproject.toml has no [tool.hypelint] table"),
        ({"hypelint.toml": 'extend = "house.toml"\n', "house.toml": "fail-on = 'sometimes'\n"},
         "house.toml: key 'fail-on': 'sometimes' is not one of: info, warning, error, never"),
    ],
)  # fmt: skip
def test_a_bad_extend_is_one_line_and_exit_2(tmp_path, write, hypelint, files, message):
    for name, text in files.items():
        write(name, text)
    write("a.md", "A model.\n")
    for command in (("check", "a.md"), ("config", "--show", "a.md")):
        result = hypelint(*command)
        assert result.returncode == 2
        assert result.stderr.splitlines() == [f"hypelint: error: {tmp_path}/{message.format(tmp=tmp_path)}"]
