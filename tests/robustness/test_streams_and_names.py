"""File names that are not UTF-8, standard streams closed or full, and UTF-32 drafts (issue 16, items 2 and 5b).

A name that is not valid UTF-8 (`draft-\\xff.md` on Linux, a lone surrogate
to Python) is linted like any other and printed escaped in every format and
in error lines. A closed stdin or stdout, or stdout on a full device, is
one line on stderr and exit code 2; with stderr closed too, exit code 2
alone. These run the command line in a subprocess: only a real process can
be started without its streams.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from hypelint.api import lint_source
from hypelint.config import Config
from hypelint.model import RunResult
from hypelint.reporters import FORMATS, ReportOptions, printable, render

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names and descriptors")

RAW_NAME = b"draft-\xff.md"
SHOWN = "draft-\\xff.md"  # what every report prints for it
DRAFT = b"This is the most advanced AI ever built.\n"


def hypelint(*args: str, cwd, input: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hypelint", *args], cwd=cwd, input=input, capture_output=True,
                          timeout=120)  # fmt: skip


@pytest.fixture
def folder(tmp_path):
    (tmp_path / os.fsdecode(RAW_NAME)).write_bytes(DRAFT)
    return tmp_path


def test_printable_escapes_each_byte_that_is_not_utf8():
    assert printable(os.fsdecode(RAW_NAME)) == SHOWN
    assert printable("café.md") == "café.md"
    assert printable("\ud800") == "\\ud800"  # a surrogate no name can hold, shown rather than failed on


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_name_that_is_not_utf8_is_linted_and_shown_escaped(fmt, folder):
    done = hypelint("check", "--format", fmt, ".", cwd=folder)  # the cache on, as by default
    assert done.returncode == 1, done.stderr  # linted: the superlative found
    assert done.stderr == b""
    report = done.stdout.decode("utf-8")  # strictly UTF-8: no raw byte and no surrogate
    # JSON escapes the escape's backslash, and SARIF's URI percent-encodes it.
    shown = {"json": json.dumps(SHOWN), "gitlab": json.dumps(SHOWN), "sarif": "draft-%5Cxff.md"}.get(fmt, SHOWN)
    assert shown in report
    if fmt == "json":
        data = json.loads(report)
        assert [file["path"] for file in data["files"]] == [SHOWN]
        assert [finding["path"] for finding in data["findings"]] == [SHOWN]


def test_error_lines_show_the_name_escaped(tmp_path):
    (tmp_path / os.fsdecode(b"bad-\xff.md")).write_bytes(b"caf\xe9\n")
    done = hypelint("check", "--no-cache", os.fsdecode(b"bad-\xff.md"), os.fsdecode(b"gone-\xff.md"), cwd=tmp_path)
    assert done.returncode == 2
    assert sorted(done.stderr.decode("utf-8").splitlines()) == [
        "hypelint: error: bad-\\xff.md: not valid UTF-8 (byte 0xe9 at offset 3); convert it to UTF-8",
        "hypelint: error: gone-\\xff.md: no such file or directory",
    ]


def test_stdin_named_with_a_name_that_is_not_utf8(tmp_path):
    done = hypelint("check", "--no-cache", "-", "--stdin-filename", os.fsdecode(RAW_NAME), cwd=tmp_path, input=DRAFT)
    assert done.returncode == 1, done.stderr
    assert done.stdout.decode("utf-8").startswith(SHOWN + ":1:")


def test_config_show_in_a_folder_that_is_not_utf8(tmp_path):
    folder = tmp_path / os.fsdecode(b"desk-\xff")
    folder.mkdir()
    (folder / "hypelint.toml").write_text('select = ["HL301"]\n', encoding="utf-8")
    (folder / "story.md").write_bytes(DRAFT)
    done = hypelint("config", "--show", os.fsdecode(b"desk-\xff/story.md"), cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, b"")
    shown = json.loads(done.stdout.decode("utf-8"))
    assert shown["applies-to"] == "desk-\\xff/story.md"
    assert shown["config-file"].endswith("desk-\\xff/hypelint.toml")


# Any bytes a POSIX name may hold (no "/" or NUL), as Python holds them.
NAMES = st.binary(min_size=1, max_size=12).map(lambda raw: raw.replace(b"/", b"_").replace(b"\0", b"_"))


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(raw=NAMES)
def test_any_name_renders_in_every_format_as_utf8(raw):
    name = os.fsdecode(raw) + ".md"
    result = lint_source(DRAFT.decode(), name, "markdown", Config())
    result.error = None
    run = RunResult(files=[result], errors=[f"{name}: an error line"])
    for fmt in FORMATS:
        render(fmt, run, ReportOptions()).encode("utf-8")  # strict: a surrogate left in would fail here
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        assert printable(name) != name  # escaped
    else:
        assert printable(name) == name  # a UTF-8 name is shown as it is


COMMANDS = [("check", "draft.md"), ("check", "-"), ("rules",), ("explain", "HL101"), ("config", "--show")]


@pytest.fixture
def plain(tmp_path):
    (tmp_path / "draft.md").write_bytes(DRAFT)
    return tmp_path


def _closed(descriptor: int):
    """A preexec_fn closing one of the child's standard descriptors, as `<&-` or `>&-` does."""
    return lambda: os.close(descriptor)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_closed_stdout_is_one_line_and_exit_2(command, plain):
    done = subprocess.run([sys.executable, "-m", "hypelint", *command], cwd=plain, input=DRAFT,
                          stderr=subprocess.PIPE, preexec_fn=_closed(1), timeout=120)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == ["hypelint: error: stdout is closed"]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_stdout_on_a_full_device_is_one_line_and_exit_2(command, plain):
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "hypelint", *command], cwd=plain, input=DRAFT, stdout=full,
                              stderr=subprocess.PIPE, timeout=120)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == ["hypelint: error: cannot write to stdout (No space left on device)"]


def test_closed_stdout_and_stderr_is_exit_2_in_silence(plain):
    def close_both():
        os.close(1)
        os.close(2)

    done = subprocess.run([sys.executable, "-m", "hypelint", "check", "draft.md"], cwd=plain, preexec_fn=close_both,
                          timeout=120)  # fmt: skip
    assert done.returncode == 2


def test_closed_stdin_is_one_line_and_exit_2(plain):
    done = subprocess.run([sys.executable, "-m", "hypelint", "check", "-"], cwd=plain, capture_output=True,
                          preexec_fn=_closed(0), timeout=120)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == ["hypelint: error: stdin is closed"]


def test_closed_stdout_does_not_matter_to_a_report_written_with_output(plain):
    done = subprocess.run([sys.executable, "-m", "hypelint", "check", "--no-cache", "draft.md", "-o", "report.txt"],
                          cwd=plain, stderr=subprocess.PIPE, preexec_fn=_closed(1), timeout=120)  # fmt: skip
    assert (done.returncode, done.stderr) == (1, b"")
    assert "draft.md:1:" in (plain / "report.txt").read_text()


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom_is_read_as_utf32(codec, check, tmp_path):
    (tmp_path / "wide.md").write_bytes(("\ufeff" + DRAFT.decode()).encode(codec))
    outcome = check("wide.md")
    assert outcome.stderr == ""
    report = outcome.report()
    assert [file["error"] for file in report["files"]] == [None]
    assert [(f["rule"], f["excerpt"], f["line"], f["column"]) for f in report["findings"]] == [
        ("HL301", "the most advanced", 1, 9)
    ]
