"""The terminal report as a person sees it: `hypelint check` run in a
pseudo-terminal (the `pty` module), so that colour, errors on the shared
screen and the default format are decided as they are for a real user; and
the rich layout on a narrow screen (hanging indents, whole rule names,
word counts that agree).
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

import pytest

from hypelint.model import FileResult, Finding, RunResult
from hypelint.reporters import ReportOptions, render

ANSI = "\x1b["
HYPE = "A revolutionary model.\n"
TIMEOUT = 120


def in_terminal(args: list[str], cwd, env: dict[str, str] | None = None, tty: bool = True) -> str:
    """What `hypelint ARGS` writes to a 100-column terminal (stdout and stderr
    both, as on a screen), or to a pipe when `tty` is false (stdout only)."""
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    environ.update({"TERM": "xterm-256color", **(env or {})})
    command = [sys.executable, "-m", "hypelint", *args]
    if not tty:
        return subprocess.run(command, cwd=cwd, env=environ, capture_output=True, text=True, timeout=TIMEOUT).stdout
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    process = subprocess.Popen(command, cwd=cwd, env=environ, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower)
    os.close(follower)
    out = b""
    try:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed its end
                break
            if not chunk:
                break
            out += chunk
        process.wait(timeout=TIMEOUT)
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    return out.decode("utf-8", "replace")


@pytest.fixture
def draft(tmp_path):
    (tmp_path / "story.md").write_text(HYPE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "env", "tty", "coloured"),
    [
        ([], {}, True, True),  # auto: a terminal gets colours
        ([], {"NO_COLOR": "1"}, True, False),
        ([], {"NO_COLOR": ""}, True, True),  # an empty NO_COLOR means nothing (no-color.org)
        (["--color", "never"], {}, True, False),
        (["--no-color"], {}, True, False),
        ([], {"TERM": "dumb"}, True, False),
        (["--format", "rich"], {}, False, False),  # a pipe gets none
        (["--format", "rich"], {"FORCE_COLOR": "1"}, False, True),
        (["--format", "rich", "--color", "always"], {}, False, True),
        (["--color", "always"], {"NO_COLOR": "1"}, True, True),  # the option beats the environment
        (["--color", "never"], {"FORCE_COLOR": "1"}, True, False),
        ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
    ],
)
def test_colour_follows_the_option_and_the_environment(draft, args, env, tty, coloured):
    out = in_terminal(["check", "--no-cache", *args, "story.md"], draft, env, tty)
    assert "HL201" in out
    assert (ANSI in out) is coloured


def test_on_a_terminal_each_file_error_is_printed_once_and_counted(draft):
    for name in ("one.md", "two.md"):
        (draft / name).write_bytes(b"binary\x00file\n")
    out = in_terminal(["check", "--no-cache", "--color", "never", "story.md", "one.md", "two.md"], draft)
    assert out.count("binary file (contains NUL bytes)") == 2  # once per file, not again on stderr
    assert "one.md: binary" not in out  # the heading names the file; the error line does not repeat it
    assert "Found 1 finding (0 errors, 1 warning, 0 info) in 1 file. 2 files could not be checked." in out
    # Off the terminal, stderr still gets its one line per file.
    piped = subprocess.run([sys.executable, "-m", "hypelint", "check", "--no-cache", "one.md"], cwd=draft,
                           capture_output=True, text=True, timeout=TIMEOUT)  # fmt: skip
    assert piped.stderr.count("one.md: binary file") == 1


def finding(rule: str, name: str, message: str, suggestion: str, line: int = 1) -> Finding:
    return Finding(path="story.md", rule=rule, name=name, category=name.split(".")[0], severity="warning",
                   message=message, line=line, column=1, end_line=line, end_column=5, offset=0, end_offset=4,
                   excerpt="word", suggestion=suggestion)  # fmt: skip


def test_wrapped_messages_and_suggestions_hang_under_their_first_word():
    message = "A long message that cannot fit on one line of a narrow terminal, so that it wraps twice over"
    suggestion = "Say what was measured, by whom and against what, with the source named in the sentence"
    run = RunResult(files=[FileResult("story.md", [finding("HL201", "promotional.hype-word", message, suggestion)],
                                      words=40, source="word " * 40 + "\n")])  # fmt: skip
    lines = render("rich", run, ReportOptions(width=60, quiet=True)).splitlines()
    start = lines.index(next(line for line in lines if "HL201" in line))
    message_column = lines[start].index("A long")
    following = lines[start + 1]
    assert following[:message_column].strip() == "" and following[message_column] != " "
    hint = next(n for n, line in enumerate(lines) if "suggestion: " in line)
    suggestion_column = lines[hint].index("Say what")
    assert lines[hint + 1][:suggestion_column].strip() == "" and lines[hint + 1][suggestion_column] != " "
    assert all(len(line) <= 60 for line in lines)
    assert " ".join(" ".join(lines).split()).count(" ".join(message.split())) == 1


def test_rule_names_are_whole_on_a_narrow_terminal_and_word_counts_agree():
    names = ("weasel.unsupported-attribution", "proselint.misc.false-plurals.kudos")
    findings = [finding(f"HL9{n}", name, "m", "", line=1) for n, name in enumerate(names)]
    run = RunResult(files=[FileResult("story.md", findings, words=555, source="word\n",
                                      metrics={"words": 477, "words_per_sentence": 14.0, "grade": 8.6})])  # fmt: skip
    text = render("rich", run, ReportOptions(width=60))
    for name in names:
        assert name in text
    assert "…" not in text
    # The profile and the readability table count the same words.
    assert "(555 words)" in text
    (row,) = [line for line in text.splitlines() if line.strip().startswith("story.md") and "14.0" in line]
    assert row.split()[1] == "555"
