"""A git command for tests that build throwaway repositories."""

from __future__ import annotations

import subprocess


def git(cwd, *args: str) -> str:
    """Run git in `cwd` with a fixed identity and no signing; its output."""
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "init.defaultBranch=main",
         "-c", "commit.gpgsign=false", *args],
        cwd=cwd, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout
