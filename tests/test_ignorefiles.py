"""Folder walks leave out what .gitignore and .ignore name, and the folders
of tools (node_modules, virtualenvs, build/, dist/); --no-respect-gitignore
walks everything; a path named on the command line is linted regardless."""

from __future__ import annotations

import json

import pytest

from hypelint.read.ignorefiles import parse

HYPE = "A revolutionary model.\n"


def linted(result) -> list[str]:
    assert result.returncode in (0, 1), result.stderr
    return sorted({f["path"] for f in json.loads(result.stdout)["findings"]})


def check(hypelint, *args, cwd=None):
    return hypelint("check", "--format", "json", "--select", "HL201", "--no-cache", *args, cwd=cwd)


@pytest.fixture
def tree(tmp_path, write):
    (tmp_path / ".git").mkdir()  # a repository: ignore files above a walked folder count up to here
    for name in ("a.md", "notes/n.md", "notes/keep.md", "notes/deep/x.md", "drafts/d.md", "drafts/old/o.md",
                 "out/r.md", "sub/out/s.md", "build/lib/b.md", "dist/c.md", "node_modules/pkg/readme.md",
                 "venv/v.md", "env/lib/e.md", "private.md"):  # fmt: skip
        write(name, HYPE)
    write("env/pyvenv.cfg", "home = /usr/bin\n")  # a virtualenv by any name
    write(".gitignore", "# generated\nnotes/*.md\n!notes/keep.md\n/out/\nprivate.md\n")
    write("drafts/.gitignore", "old/\n")
    write("drafts/.ignore", "!old/\n")  # .ignore wins over .gitignore in its folder
    write(".git/info/exclude", "sub/\n")
    return tmp_path


def test_a_walk_leaves_out_ignored_files_and_tool_folders(tree, hypelint):
    assert linted(check(hypelint)) == ["a.md", "drafts/d.md", "drafts/old/o.md", "notes/deep/x.md", "notes/keep.md"]


def test_no_respect_gitignore_walks_everything_but_hidden_entries(tree, hypelint):
    assert linted(check(hypelint, "--no-respect-gitignore", ".")) == [
        "a.md", "build/lib/b.md", "dist/c.md", "drafts/d.md", "drafts/old/o.md", "env/lib/e.md",
        "node_modules/pkg/readme.md", "notes/deep/x.md", "notes/keep.md", "notes/n.md", "out/r.md",
        "private.md", "sub/out/s.md", "venv/v.md",
    ]  # fmt: skip


def test_ignore_files_above_the_walked_folder_count_up_to_the_repository(tree, hypelint):
    (tree / "notes" / "deep" / "n.md").write_text(HYPE)
    (tree / "notes" / "deep" / "private.md").write_text(HYPE)
    # private.md is ignored at any depth by the root's file; notes/*.md is anchored, so not in notes/deep
    assert linted(check(hypelint, "deep", cwd=tree / "notes")) == ["deep/n.md", "deep/x.md"]


def test_ignore_files_outside_the_repository_do_not_count(tmp_path, write, hypelint):
    write("private.md", HYPE)
    write(".gitignore", "*.md\n")
    write("repo/.git/HEAD", "ref: refs/heads/main\n")
    write("repo/a.md", HYPE)
    assert linted(check(hypelint, "repo")) == ["repo/a.md"]


def test_paths_named_on_the_command_line_are_linted_even_if_ignored(tree, hypelint):
    named = check(hypelint, "notes/n.md", "build", "private.md")
    assert linted(named) == ["build/lib/b.md", "notes/n.md", "private.md"]
    assert linted(check(hypelint, "./a.md")) == ["a.md"]


@pytest.mark.parametrize(
    "patterns, path, is_dir, ignored",
    [
        ("build/", "build", True, True),
        ("build/", "build", False, None),  # a file called build: only folders match
        ("build", "a/b/build", False, True),  # no slash: a name at any depth
        ("/build", "a/build", True, None),
        ("doc/frotz", "a/doc/frotz", False, None),  # a middle slash anchors
        ("doc/frotz/", "doc/frotz", True, True),
        ("foo/**", "foo", True, None),  # everything inside, not the folder
        ("foo/**", "foo/a/b.md", False, True),
        ("**/foo", "x/y/foo", False, True),
        ("a/**/b", "a/b", False, True),
        ("a/**/b", "a/x/y/b", False, True),
        ("*.md\n!keep.md", "keep.md", False, False),
        ("!keep.md\n*.md", "keep.md", False, True),  # the last match decides
        ("*.md", "x/y.md", False, True),
        ("a?c.md", "a/c.md", False, None),  # wildcards stay within a name
        ("\\#a", "#a", False, True),
        ("#a", "#a", False, None),
        ("\\!a", "!a", False, True),
        ("[^a]b", "cb", False, True),
        ("[!a]b", "ab", False, None),
        ("a\\*", "a*", False, True),
        ("a\\*", "ab", False, None),
        ("foo  ", "foo", False, True),
        ("foo\\ ", "foo ", False, True),
        ("*a*a*a*a*a*a*a*a*a*a*a*a*b", "a" * 250, False, None),  # linear, not exponential
    ],
)
def test_patterns_follow_gitignore(patterns, path, is_dir, ignored):
    verdict = None
    for pattern in parse(patterns):
        if pattern.matches(path.split("/"), is_dir):
            verdict = not pattern.negated
    assert verdict is ignored
