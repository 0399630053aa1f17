"""What the robustness tests share: a guard against hangs, and running the CLI in-process.

A hang is the failure these tests exist to catch, so every test runs under
an alarm: a test still running after HANG_SECONDS fails as hung. That is a
guard, not a timing assertion; nothing here asserts how fast anything is.
The inputs of 20 MB and more are marked `large` (`pytest -m "not large"`
leaves them out); CI runs them.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
from dataclasses import dataclass

import pytest

HANG_SECONDS = 300


def pytest_configure(config):
    config.addinivalue_line("markers", "large: lints inputs of 20 MB or more (a few seconds each)")


class Hung(Exception):
    """A test ran past HANG_SECONDS."""


@pytest.fixture(autouse=True)
def hang_guard():
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(signum, frame):
        raise Hung(f"still running after {HANG_SECONDS} s: hung")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        return self.stderr.splitlines()

    def report(self) -> dict:
        return json.loads(self.stdout)


@pytest.fixture
def check(capsys, tmp_path, monkeypatch):
    """check(*args) runs `hypelint check --no-cache --format json *args` in this
    process (in tmp_path) and returns its Outcome. In-process, an exception
    would fail the test with its traceback rather than hide in a subprocess."""
    from hypelint.cli import main

    monkeypatch.chdir(tmp_path)

    def run(*args: str) -> Outcome:
        capsys.readouterr()
        code = main(["check", "--no-cache", "--format", "json", *map(str, args)])
        out, err = capsys.readouterr()
        return Outcome(code, out, err)

    return run


def file_state(path) -> tuple[int, int, str]:
    """What must not change when a file is linted: its mtime, size and content."""
    info = os.stat(path)
    with open(path, "rb") as handle:
        return info.st_mtime_ns, info.st_size, hashlib.sha256(handle.read()).hexdigest()
