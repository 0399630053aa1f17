"""Shared fixtures: run the real command line in a scratch folder.

`hypelint` runs as `sys.executable -m hypelint`, so the tests use the
interpreter (and the install) that runs pytest, with the scratch folder as
the working directory. Tests that take a minute or more (building a wheel,
running the pre-commit framework) are marked `slow`: `pytest -m "not slow"`
leaves them out.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: builds a wheel or runs pre-commit (a minute or more)")


@pytest.fixture(autouse=True, scope="session")
def _private_results_cache(tmp_path_factory):
    """`hypelint check` caches results under $XDG_CACHE_HOME: the suite's runs
    (and the commands it starts, which inherit the variable) use a folder of
    their own, never the user's cache."""
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if previous is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = previous


def _clean_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra or {})
    return env


@pytest.fixture
def write(tmp_path):
    """write("a/b.md", text) creates the file (and folders) under tmp_path."""

    def write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def hypelint(tmp_path):
    """hypelint("check", "a.md", input=..., cwd=...) -> CompletedProcess (text)."""
    from hypelint.config import config_for

    # A config above the scratch folder would change every result.
    assert config_for(str(tmp_path / "probe.md")).path is None, "a hypelint config lies above the temp folder"

    def run(*args: str, input: str | bytes | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        binary = isinstance(input, bytes)
        result = subprocess.run(
            [sys.executable, "-m", "hypelint", *map(str, args)],
            cwd=cwd or tmp_path,
            input=input,
            capture_output=True,
            text=not binary,
            encoding=None if binary else "utf-8",
            env=_clean_env(env),
            timeout=120,
        )
        if binary:
            result.stdout = result.stdout.decode("utf-8")
            result.stderr = result.stderr.decode("utf-8")
        assert "Traceback" not in result.stderr, result.stderr
        return result

    return run

