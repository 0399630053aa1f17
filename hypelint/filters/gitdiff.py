"""Changed-lines mode: report only findings on lines changed since a git ref.

A review should show what a change adds, not every old problem of the file
it touches. `hypelint check --diff-base REF` asks git which lines of each
file were added or changed since REF (working-tree edits included) with
`git diff --unified=0 REF -- FILE`, and keeps the findings that touch one of
them. A file git does not track yet is new: every line counts. A Word file
is a zip to git, so its paragraphs (its "lines") are compared with those of
the version at REF instead.

Every failure (no git, a folder outside a repository, a ref git does not
know) is a GitDiffError with a one-line message; the CLI exits 2 on it.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
from functools import lru_cache

from hypelint.model import FileResult, Finding
from hypelint.read.source import format_for

# "@@ -12,3 +14,2 @@": the new side starts at line 14 and runs 2 lines; a
# missing count means 1, and 0 means lines were only removed there.
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)
_BAD_REF = ("unknown revision", "bad revision", "ambiguous argument", "invalid object name", "bad object",
            "not a valid object name", "invalid symmetric difference")  # fmt: skip


class GitDiffError(Exception):
    """Changed lines cannot be known; the message is one line."""


def only_changed(result: FileResult, ref: str) -> list[Finding]:
    """The findings of a linted file that touch a line changed since `ref`."""
    if not result.findings:
        return []
    changed = changed_lines(result, ref)
    if changed is None:
        return list(result.findings)
    return [finding for finding in result.findings if touches(finding, changed)]


def touches(finding: Finding, changed: set[int]) -> bool:
    """Whether any line of the finding's span is one of `changed`."""
    last = finding.end_line
    if finding.end_column == 1 and last > finding.line:  # ends just after a line break
        last -= 1
    return any(line in changed for line in range(finding.line, last + 1))


def changed_lines(result: FileResult, ref: str) -> set[int] | None:
    """1-based numbers of the lines added or changed since `ref`; None when
    every line is new (git does not track the file)."""
    if ref.startswith("-"):  # git would read it as an option
        raise GitDiffError(f"--diff-base {ref}: not a git ref")
    folder, name = os.path.split(os.path.abspath(result.path))
    _toplevel(folder)
    if format_for(result.path) == "docx":
        return _paragraph_changes(folder, name, ref, result.source or "")
    output = _git(folder, ref, "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv", ref, "--", name)
    if not output.strip():
        return None if _untracked(folder, name, ref) else set()
    changed: set[int] = set()
    for hunk in _HUNK.finditer(output):
        start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
        changed.update(range(start, start + count))
    return changed


def _paragraph_changes(folder: str, name: str, ref: str, text: str) -> set[int] | None:
    """Changed paragraphs of a Word file: its text now against its text at `ref`."""
    diff = _run(folder, ref, "diff", "--quiet", "--no-ext-diff", ref, "--", name)
    if diff.returncode not in (0, 1):  # a bad ref is reported even for a new file
        raise _error(diff.stderr.decode("utf-8", "replace"), folder, ref)
    if _untracked(folder, name, ref):
        return None
    if diff.returncode == 0:
        return set()
    old = _run(folder, ref, "show", f"{_commit(folder, ref)}:./{name}")
    if old.returncode != 0:  # not in that commit: added since
        return None
    from hypelint.parsers.docx import docx_text

    before, after = docx_text(old.stdout).split("\n"), text.split("\n")
    changed: set[int] = set()
    for tag, _, _, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag in ("replace", "insert"):
            changed.update(range(j1 + 1, j2 + 1))
    return changed


def _commit(folder: str, ref: str) -> str:
    """The commit whose version `git diff REF` compares against: for
    `A...B` that is their merge base, for `A..B` it is A."""
    if "..." in ref:
        left, right = ref.split("...", 1)
        return _git(folder, ref, "merge-base", left or "HEAD", right or "HEAD").strip()
    return ref.split("..", 1)[0] if ".." in ref else ref


def _untracked(folder: str, name: str, ref: str) -> bool:
    return _run(folder, ref, "ls-files", "--error-unmatch", "--", name).returncode != 0


@lru_cache(maxsize=None)
def _toplevel(folder: str) -> str:
    """The repository holding `folder`; outside one, `git diff` would quietly
    compare files instead, so this is checked first."""
    found = _run(folder, "", "rev-parse", "--show-toplevel")
    if found.returncode != 0:
        raise GitDiffError(f"--diff-base: {folder} is not in a git repository")
    return found.stdout.decode("utf-8", "replace").strip()


def _git(folder: str, ref: str, *args: str) -> str:
    done = _run(folder, ref, *args)
    if done.returncode != 0:
        raise _error(done.stderr.decode("utf-8", "replace"), folder, ref)
    return done.stdout.decode("utf-8", "replace")


def _run(folder: str, ref: str, *args: str) -> subprocess.CompletedProcess:
    try:
        # No pager, no prompts, and the repository's own settings (colour,
        # external diff drivers) switched off by the options above.
        return subprocess.run(["git", *args], cwd=folder, capture_output=True, stdin=subprocess.DEVNULL,
                              env={**os.environ, "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0"})  # fmt: skip
    except FileNotFoundError:
        raise GitDiffError("--diff-base needs git, which is not installed or not on PATH") from None
    except OSError as exc:
        raise GitDiffError(f"--diff-base: cannot run git ({exc.strerror})") from None


def _error(stderr: str, folder: str, ref: str) -> GitDiffError:
    if "not a git repository" in stderr:
        return GitDiffError(f"--diff-base: {folder} is not in a git repository")
    if any(sign in stderr for sign in _BAD_REF):
        return GitDiffError(f"--diff-base {ref}: no such commit in the repository at {_toplevel(folder)}")
    first = next((line.strip() for line in stderr.splitlines() if line.strip()), "git failed")
    return GitDiffError(f"--diff-base {ref}: {first}")
