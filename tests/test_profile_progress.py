"""The rich report's hype profile, and the progress bar on long runs (terminal only)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from hypelint.runtime import progress
from hypelint.model import FileResult, Finding, LineIndex, RunResult
from hypelint.reporters import ReportOptions, category_rates, hype_rate, render
from hypelint.reporters.rich_format import PROFILE_WIDTH, _bar

SOURCE = "A revolutionary, game-changing model. Experts say it will change everything. Ask them.\n"


def make(source: str, excerpt: str, category: str, rule: str = "HL900") -> Finding:
    start = source.index(excerpt)
    end = start + len(excerpt)
    lines = LineIndex(source)
    line, column = lines.line_col(start)
    end_line, end_column = lines.line_col(end)
    return Finding("a.md", rule, f"{category}.x", category, "warning", f"about {excerpt}", line, column,
                   end_line, end_column, start, end, excerpt)  # fmt: skip


def sample(metrics: dict | None = None) -> RunResult:
    findings = [
        make(SOURCE, "revolutionary", "promotional"),
        make(SOURCE, "game-changing", "promotional"),
        make(SOURCE, "Experts say", "weasel"),
        make(SOURCE, "Ask them", "meta", rule="HL001"),
    ]
    return RunResult(files=[FileResult("a.md", findings, words=14, source=SOURCE, metrics=metrics or {})])


def rich(run: RunResult, **options) -> str:
    return render("rich", run, ReportOptions(**options))


# --- hype profile ---------------------------------------------------------------------------------


def test_rates_leave_meta_out():
    file = sample().files[0]
    assert hype_rate(file) == pytest.approx(3 * 1000 / 14)
    assert category_rates(file) == pytest.approx({"promotional": 2000 / 14, "weasel": 1000 / 14})
    assert list(category_rates(file)) == ["promotional", "weasel"]  # highest first
    assert category_rates(FileResult("b.md", [], words=0)) == {}


def test_rich_report_shows_each_files_profile_after_its_findings():
    text = rich(sample({"grade": 7.25, "flesch_reading_ease": 71.0, "words_per_sentence": 7.0}))
    lines = text.splitlines()
    head = next(i for i, line in enumerate(lines) if "Hype profile" in line)
    assert "214.3 findings per 1,000 words (14 words)" in lines[head]
    assert head > max(i for i, line in enumerate(lines) if "about " in line)  # after the findings
    promotional, weasel = lines[head + 1], lines[head + 2]
    assert promotional.split()[0] == "promotional" and promotional.split()[-1] == "142.9"
    assert weasel.split()[0] == "weasel" and weasel.split()[-1] == "71.4"
    # The longest bar is the full width, the others in proportion, and the figures line up.
    assert promotional.count("█") == PROFILE_WIDTH
    assert weasel.count("█") == PROFILE_WIDTH // 2
    assert promotional.index("142.9") == weasel.index(" 71.4")
    assert not any(line.split()[:1] == ["meta"] for line in lines[head:head + 4])
    assert "Readability: grade 7.2, reading ease 71.0, 7.0 words per sentence" in lines[head + 3]


def test_profile_left_out_when_quiet_or_for_statistics_and_without_metrics():
    assert "Hype profile" not in rich(sample(), quiet=True)
    assert "Hype profile" not in rich(sample(), statistics=True)
    text = rich(sample())
    assert "Hype profile" in text and "Readability:" not in text


def test_bars_use_one_scale_for_the_run():
    hot = sample().files[0]
    calm = FileResult("b.md", [make(SOURCE, "revolutionary", "promotional")], words=20, source=SOURCE)
    text = rich(RunResult(files=[hot, calm]))
    profiles = [line for line in text.splitlines() if line.strip().startswith("promotional") and "█" in line]
    # 142.9 and 50.0 per 1,000 words: 30 cells and 10.5.
    assert [line.count("█") for line in profiles] == [PROFILE_WIDTH, 10]
    assert profiles[1].split()[1] == "█" * 10 + "▌"


def test_bar_eighths():
    assert _bar(0, 10) == "" and _bar(1, 0) == ""
    assert _bar(10, 10) == "█" * PROFILE_WIDTH
    assert _bar(0.01, 10) == "▏"  # never invisible when there is something
    assert _bar(5, 10) == "█" * (PROFILE_WIDTH // 2)


# --- progress bar ---------------------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_wanted_only_for_people_at_a_terminal(monkeypatch):
    monkeypatch.delenv("TERM", raising=False)
    tty = FakeTerminal()
    assert progress.wanted(None, None, tty, tty)
    assert progress.wanted("rich", None, tty, tty)
    assert progress.wanted("concise", None, tty, tty)
    for fmt in ("json", "sarif", "github", "gitlab", "junit", "html"):
        assert not progress.wanted(fmt, None, tty, tty)
    assert not progress.wanted(None, "report.txt", tty, tty)
    assert not progress.wanted(None, None, io.StringIO(), tty)  # stdout piped
    assert not progress.wanted(None, None, tty, io.StringIO())  # stderr redirected
    monkeypatch.setenv("TERM", "dumb")
    assert not progress.wanted(None, None, tty, tty)


def test_bar_counts_files_and_is_drawn_only_for_long_runs():
    from rich.console import Console

    screen = FakeTerminal()
    with progress.bar(30, enabled=True, console=Console(file=screen, force_terminal=True, width=80)) as advance:
        for _ in range(30):
            advance(object())  # the runner passes each file's result
    assert "Linting" in screen.getvalue() and "30/30" in screen.getvalue()
    for total, enabled in ((progress.MIN_FILES - 1, True), (100, False)):
        quiet = FakeTerminal()
        with progress.bar(total, enabled=enabled, console=Console(file=quiet, force_terminal=True)) as advance:
            advance()
        assert quiet.getvalue() == ""


def test_bar_gives_the_cursor_back_when_the_run_fails():
    from rich.console import Console

    screen = FakeTerminal()
    with pytest.raises(KeyboardInterrupt):
        with progress.bar(40, enabled=True, console=Console(file=screen, force_terminal=True, width=80)) as advance:
            advance()
            raise KeyboardInterrupt
    assert "\x1b[?25h" in screen.getvalue()  # the cursor is shown again


def test_no_bar_never_imports_rich():
    code = (
        "import sys, hypelint.runtime.progress as p\n"
        "with p.bar(50, enabled=False) as advance: advance()\n"
        "print('rich' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


@pytest.fixture
def many_drafts(write):
    for n in range(progress.MIN_FILES + 5):
        write(f"drafts/d{n:02}.md", f"Draft {n} is a revolutionary step.\n")
    return "drafts"


def test_no_bar_when_piped(hypelint, many_drafts):
    result = hypelint("check", many_drafts)
    assert result.returncode == 1
    assert "Linting" not in result.stderr and "\x1b" not in result.stderr + result.stdout


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("fmt,shown", [(None, True), ("json", False)])
def test_bar_on_a_terminal_but_never_in_machine_formats(tmp_path, many_drafts, fmt, shown):
    import pty

    main, secondary = pty.openpty()
    command = [sys.executable, "-m", "hypelint", "check", many_drafts] + (["--format", fmt] if fmt else [])
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")} | {"TERM": "xterm", "COLUMNS": "100"}
    process = subprocess.Popen(command, cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=secondary,
                               stderr=secondary, env=env)  # fmt: skip
    os.close(secondary)
    screen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed: the run is over
            break
        if not chunk:
            break
        screen += chunk
    os.close(main)
    assert process.wait(timeout=120) == 1
    text = screen.decode("utf-8", "replace")
    assert ("Linting" in text) is shown
    assert f"/{progress.MIN_FILES + 5}" in text if shown else True
