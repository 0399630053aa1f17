"""Changed-lines mode: `check --diff-base REF` reports only findings on lines
added or changed since REF, the way a review (a pre-commit hook, a pull
request in CI) wants them; outside git or with a bad ref it says so in one
line and exits 2.
"""

from __future__ import annotations

import json
import textwrap

import pytest
from gitrepo import git

from hypelint.filters.gitdiff import touches
from hypelint.model import Finding

PROMO = "HL201,HL301"

BEFORE = textwrap.dedent("""\
    # Launch day

    The revolutionary model arrived on Monday.

    Reviewers met it in a lab.

    It is the best chatbot ever built.
""")


def where(result) -> list[tuple[str, str, int]]:
    return [(f["path"], f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"]]


@pytest.fixture
def repo(tmp_path, write):
    git(tmp_path, "init", "-q")
    write("story.md", BEFORE)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first draft")
    return tmp_path


def test_only_changed_lines_of_a_modified_file(repo, write, hypelint):
    # Line 5 is rewritten with a hype word; old findings on lines 3 and 7 stay.
    write("story.md", BEFORE.replace("Reviewers met it in a lab.", "Reviewers met a game-changing tool."))
    everything = hypelint("check", "--select", PROMO, "--format", "json", "story.md")
    assert where(everything) == [("story.md", "HL201", 3), ("story.md", "HL201", 5), ("story.md", "HL301", 7)]
    result = hypelint("check", "--select", PROMO, "--format", "json", "--diff-base", "HEAD", "story.md")
    assert result.returncode == 1, result.stderr
    assert where(result) == [("story.md", "HL201", 5)]
    assert result.stderr == ""


def test_lines_added_at_the_top_shift_nothing_old_into_view(repo, write, hypelint):
    write("story.md", "An added revolutionary line.\n\n" + BEFORE)
    result = hypelint("check", "--select", PROMO, "--format", "json", "--diff-base", "HEAD", "story.md")
    assert where(result) == [("story.md", "HL201", 1)]


def test_unchanged_file_has_nothing_to_report(repo, hypelint):
    result = hypelint("check", "--select", PROMO, "--diff-base", "HEAD", ".")
    assert (result.returncode, result.stdout) == (0, "All clear: no findings in 1 file.\n")


def test_a_file_git_does_not_track_is_new_throughout(repo, write, hypelint):
    write("new.md", "A revolutionary start.\n")
    result = hypelint("check", "--select", PROMO, "--format", "json", "--diff-base", "HEAD", ".")
    assert where(result) == [("new.md", "HL201", 1)]


def test_a_pull_request_branch_against_its_base(repo, write, hypelint):
    # CI on a pull request: the branch's commits, compared with where it left main.
    git(repo, "checkout", "-q", "-b", "feature")
    write("story.md", BEFORE + "\nA game-changing update.\n")
    git(repo, "commit", "-q", "-am", "update")
    for ref in ("main", "main...HEAD"):
        result = hypelint("check", "--select", PROMO, "--format", "json", "--diff-base", ref, "story.md")
        assert where(result) == [("story.md", "HL201", 9)], ref


def test_outside_a_git_repository_is_one_line_and_exit_2(tmp_path, write, hypelint):
    write("story.md", BEFORE)
    result = hypelint("check", "--diff-base", "HEAD", "story.md")
    assert result.returncode == 2
    assert result.stderr == f"hypelint: error: --diff-base: {tmp_path} is not in a git repository\n"


def test_a_bad_ref_is_one_line_and_exit_2(repo, hypelint):
    result = hypelint("check", "--diff-base", "no-such-branch", "story.md")
    assert result.returncode == 2
    assert result.stderr == f"hypelint: error: --diff-base no-such-branch: no such commit in the repository at {repo}\n"
    dashed = hypelint("check", "--diff-base=--output=x", "story.md")
    assert dashed.returncode == 2 and dashed.stderr == "hypelint: error: --diff-base --output=x: not a git ref\n"


def test_stdin_cannot_be_diffed(repo, hypelint):
    result = hypelint("check", "--diff-base", "HEAD", "-", input=BEFORE)
    assert result.returncode == 2 and "cannot check stdin" in result.stderr


def _finding(line: int, end_line: int, end_column: int) -> Finding:
    return Finding("a.md", "HL201", "n", "promotional", "warning", "m", line, 1, end_line, end_column, 0, 1, "x")


def test_a_finding_touches_every_line_it_spans_but_not_the_line_it_ends_before():
    assert touches(_finding(3, 5, 4), {4})
    assert not touches(_finding(3, 5, 4), {2, 6})
    # A span that ends just after a line break does not reach the next line.
    assert not touches(_finding(3, 4, 1), {4})
