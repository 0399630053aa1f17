"""Rich format: the default terminal report, for people reading a draft's problems.

Contract (a human format: layout may change, the content below stays):

* Findings are grouped by file under a heading rule with the path and count.
  Each finding shows `line:col` (`paragraph 9, character 4` in a Word
  draft, whose lines are paragraphs), the severity (error red, warning yellow,
  info blue), the rule code and the message; then the source line with the
  span underlined by `^` carets (to the end of the first line when the span
  runs on), and the suggestion, dimmed, when there is one. A message or
  suggestion too long for the width wraps with a hanging indent, its
  continuation lines under its own first word.
* Carets line up in a terminal: tabs are expanded to 8-cell stops, wide
  (CJK, emoji) characters count two cells, control characters are shown as
  their Unicode control pictures so they cannot drive the terminal, and a
  line too wide for the screen is shown as a window around the span.
* A file that could not be checked is shown in red, once, under its heading
  (the CLI then leaves it off stderr when both share a terminal).
* Unless `quiet`: after each file's findings, its hype profile: findings per
  1,000 words by category (`meta` left out) as bars on one scale for the
  whole run, and its readability figures when `FileResult.metrics` has them.
* Unless `quiet`: tables of findings per rule (rule names never cut) and per
  category, a table of each checked file's readability (its words, the
  same count as its hype profile's; words per sentence and consensus grade
  level from `FileResult.metrics`), then the summary sentence. With
  `statistics`: the tables only.
* User text (messages, source lines, paths) is rendered as `rich.text.Text`,
  never as markup, so `[brackets]` in a draft print as they are.
* Without `color` the output is plain text; whether there is colour
  (`--color`, NO_COLOR, FORCE_COLOR) is the CLI's decision (`commands.check.wants_color`).

`rich` is imported inside `render` only: the CLI must start fast.
"""

from __future__ import annotations

import bisect
import io
import itertools
from typing import TYPE_CHECKING

from hypelint.reporters import (ReportOptions, category_counts, category_rates, error_reason, hype_rate,
    one_line, plural, position, rule_counts, sorted_files, sorted_findings, summary_line)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from hypelint.model import FileResult, Finding, RunResult

DEFAULT_WIDTH = 100
TAB_SIZE = 8
SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "blue"}
INDENT = "    "  # source lines and suggestions sit under the message


def render(run: RunResult, options: ReportOptions) -> str:
    from rich.console import Console

    console = Console(
        file=io.StringIO(),
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        width=options.width or DEFAULT_WIDTH,
        no_color=not options.color,
        highlight=False,
        # User text is passed as Text objects; these keep any stray str
        # from being read as markup or :emoji: codes.
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    if not options.statistics:
        # One scale for every file's bars, so that profiles compare at a glance.
        scale = max((rate for file in run.files for rate in category_rates(file).values()), default=0.0)
        for file in sorted_files(run):
            _print_file(console, file)
            if not options.quiet:
                _print_profile(console, file, scale)
        for error in run.errors:
            _separate(console)
            _print_hanging(console, _text("error: ", "bold red"), _text(error, "bold red"))
    if options.statistics or not options.quiet:
        _print_tables(console, run)
        _print_readability(console, run)
    # The verdict, unless asked for quiet or for the tables alone (an empty
    # statistics report still says that nothing was found).
    if not options.quiet and (not options.statistics or not run.findings):
        _separate(console)
        style = "bold red" if run.findings or run.errors else "bold green"
        console.print(_text(summary_line(run), style))
    return console.file.getvalue()  # type: ignore[attr-defined]


def _separate(console: Console) -> None:
    """A blank line between sections, but none at the very top."""
    if console.file.tell():  # type: ignore[attr-defined]
        console.line()


# --- findings -----------------------------------------------------------------


def _text(text: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(_printable(text), style=style)


def _print_file(console: Console, file: FileResult) -> None:
    if not file.findings and not file.error:
        return
    _separate(console)
    count = plural(len(file.findings), "finding") if file.findings else "could not be checked"
    console.rule(_text(f"{file.path} ({count})", "bold"), align="left", style="dim")
    if file.error:
        # The heading names the file; the reason follows without it.
        _print_hanging(console, _text("error: ", "bold red"), _text(error_reason(file), "bold red"))
    lines = _split_lines(file.source) if file.source is not None else None
    findings = sorted(file.findings, key=lambda f: f.sort_key())
    # Positions padded to one width so that severities and codes line up.
    pad = max((len(position(f)) for f in findings), default=0)
    measured: dict[int, tuple[list[tuple[str, int]], list[int]]] = {}  # per line: its cells, measured once
    for finding in findings:
        _print_finding(console, finding, lines, pad, measured)


def _print_finding(console: Console, finding: Finding, lines: list[str] | None, pad: int,
                   measured: dict[int, tuple[list[tuple[str, int]], list[int]]] | None = None) -> None:
    from rich.text import Text

    style = SEVERITY_STYLES.get(finding.severity, "")
    lead = Text.assemble(
        (position(finding).ljust(pad), "bold"),
        " ",
        (f"{finding.severity:<7}", style),
        " ",
        (finding.rule, "bold"),
        " ",
    )
    _print_hanging(console, lead, _text(one_line(finding.message)))
    if lines is not None and 1 <= finding.line <= len(lines):
        # A line is measured once however many findings it holds: measuring it
        # for each made a long line full of findings quadratic.
        measured = {} if measured is None else measured
        if finding.line not in measured:
            cells = _cells(lines[finding.line - 1])
            measured[finding.line] = (cells, list(itertools.accumulate((w for _, w in cells), initial=0)))
        source, carets = _underline(measured[finding.line], finding, console.width - len(INDENT))
        # Cropped rather than wrapped: a wrapped line would lose its carets.
        console.print(Text(INDENT) + Text(source), no_wrap=True, overflow="crop")
        console.print(Text(INDENT) + Text(carets, style=style), no_wrap=True, overflow="crop")
    if finding.suggestion:
        _print_hanging(console, _text(INDENT + "suggestion: ", "dim"), _text(one_line(finding.suggestion), "dim"))


# Fewest cells a wrapped text keeps beside its lead, however narrow the terminal.
MIN_WRAP_WIDTH = 20


def _print_hanging(console: Console, lead: Text, body: Text) -> None:
    """`lead` then `body`, the body wrapped with a hanging indent: its
    continuation lines start under its first word, not at the margin."""
    from rich.text import Text

    indent = lead.cell_len
    for number, line in enumerate(body.wrap(console, max(console.width - indent, MIN_WRAP_WIDTH))):
        line.rstrip()
        console.print((lead if number == 0 else Text(" " * indent)) + line, overflow="fold")


def _split_lines(source: str) -> list[str]:
    """Source lines without their endings, numbered as `LineIndex` numbers them."""
    # str.splitlines would also split on \v, \f, U+2028 ..., which LineIndex
    # does not count as line breaks; this split matches it exactly.
    return source.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _printable(text: str) -> str:
    """Text with control characters shown as control pictures (U+2400 ...)."""
    return "".join(_picture(char) if _is_control(char) else char for char in text)


def _is_control(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0


def _picture(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def _cells(line: str) -> list[tuple[str, int]]:
    """Each character of a line as (what to display, width in cells)."""
    from rich.cells import cell_len

    pieces: list[tuple[str, int]] = []
    column = 0
    for char in line:
        if char == "\t":
            shown = " " * (TAB_SIZE - column % TAB_SIZE)
        elif _is_control(char):
            shown = _picture(char)
        else:
            shown = char
        width = cell_len(shown)
        pieces.append((shown, width))
        column += width
    return pieces


def _underline(line: tuple[list[tuple[str, int]], list[int]], finding: Finding, width: int) -> tuple[str, str]:
    """The displayed source line and the caret line beneath it; `line` is its
    cells and their running total of widths (`prefix[i]`: cells before piece i)."""
    pieces, prefix = line
    start = min(max(finding.column - 1, 0), len(pieces))
    end = finding.end_column - 1 if finding.end_line == finding.line else len(pieces)
    end = min(max(end, start), len(pieces))
    lead = prefix[start]
    span = prefix[end] - prefix[start]
    shown, lead, span = _window(pieces, prefix, lead, max(span, 1), max(width, 10))
    return shown, " " * lead + "^" * span


def _window(pieces: list[tuple[str, int]], prefix: list[int], lead: int, span: int, width: int) -> tuple[str, int, int]:
    """Fit a line into `width` cells, keeping the start of the underlined span in view.

    Returns the text to show and the caret offset and length within it. A
    line that is cut shows "…" where text was left out. The pieces shown are
    found by bisecting `prefix`, so a long line costs little per finding.
    """
    total = prefix[-1]
    if total + 1 <= width:  # +1: a caret just past the end must fit too
        return "".join(text for text, _ in pieces), lead, span
    budget = width - 2  # room for an ellipsis at either end
    # Some context before the span, but never a window past the line's end.
    left = max(0, min(lead - budget // 4, total + 1 - budget))
    # The pieces that start at or after `left` and end within the budget.
    start = bisect.bisect_left(prefix, left, 0, len(pieces))
    stop = bisect.bisect_right(prefix, left + budget) - 1
    if stop > start:
        first, used, shown = prefix[start], prefix[stop] - prefix[start], [text for text, _ in pieces[start:stop]]
    else:
        first, used, shown = left, 0, []
    prefix_mark = "…" if first > 0 else ""
    suffix = "…" if first + used < total else ""
    new_lead = max(lead - first, 0) + len(prefix_mark)
    visible = len(prefix_mark) + used + 1 - new_lead  # cells left for carets
    return prefix_mark + "".join(shown) + suffix, new_lead, max(1, min(span, visible))


# --- hype profile -----------------------------------------------------------------

PROFILE_WIDTH = 30  # cells of the longest bar
EIGHTHS = " ▏▎▍▌▋▊▉"
# Terminal colours per category, close to the HTML report's hues (standard
# colours only: the console is limited to them).
CATEGORY_STYLES = {
    "superlative": "red", "sourcing": "bright_red", "weasel": "yellow", "limitations": "bright_yellow",
    "framing": "bright_green", "promotional": "green", "relative-time": "cyan", "style": "bright_black",
    "faq": "blue", "readability": "bright_blue", "futurism": "magenta", "anthropomorphism": "bright_magenta",
}  # fmt: skip


def _print_profile(console: Console, file: FileResult, scale: float) -> None:
    """How hyped a file is: findings per 1,000 words by category as bars, and its readability."""
    from rich.text import Text

    rates = category_rates(file)
    if not rates or file.error:
        return
    console.line()
    console.print(Text.assemble(
        (INDENT + "Hype profile: ", "bold"),
        (f"{hype_rate(file):.1f}", "bold"),
        f" findings per 1,000 words ({plural(file.words, 'word')})",
    ))  # fmt: skip
    label_width = max(len(name) for name in rates)
    for name, rate in rates.items():
        console.print(Text.assemble(
            INDENT + "  ",
            _text(name.ljust(label_width)),
            " ",
            (_bar(rate, scale), CATEGORY_STYLES.get(name, "")),
            # Bars padded to one width, so the figures line up after them.
            " " * (PROFILE_WIDTH - len(_bar(rate, scale))),
            f" {rate:5.1f}",
        ), no_wrap=True, overflow="crop")  # fmt: skip
    figures = _readability_line(file.metrics)
    if figures:
        _print_hanging(console, _text(INDENT + "Readability: ", "dim"), _text(figures, "dim"))


def _bar(value: float, scale: float) -> str:
    """A bar of block characters, `PROFILE_WIDTH` cells at `scale`, in eighths of a cell."""
    if scale <= 0 or value <= 0:
        return ""
    eighths = max(round(PROFILE_WIDTH * 8 * value / scale), 1)  # never invisible when there is something
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


def _readability_line(metrics: dict | None) -> str:
    """The figures an editor reads first: grade, reading ease, sentence length."""
    if not metrics:
        return ""
    parts = []
    if metrics.get("grade") is not None:
        parts.append(f"grade {metrics['grade']:.1f}")
    if metrics.get("flesch_reading_ease") is not None:
        parts.append(f"reading ease {metrics['flesch_reading_ease']:.1f}")
    if metrics.get("words_per_sentence") is not None:
        parts.append(f"{metrics['words_per_sentence']:.1f} words per sentence")
    return ", ".join(parts)


# --- summary tables -------------------------------------------------------------


def _print_tables(console: Console, run: RunResult) -> None:
    from rich import box
    from rich.table import Table

    findings = sorted_findings(run)
    if not findings:
        return
    by_rule = Table(title="Findings by rule", box=box.SIMPLE_HEAD, title_justify="left", show_edge=False)
    by_rule.add_column("Code", no_wrap=True)
    # Rule names are what a reader selects and ignores by: never cut. (The
    # category, the table below, would only squeeze them.)
    by_rule.add_column("Name", no_wrap=True, overflow="fold")
    by_rule.add_column("Count", justify="right", no_wrap=True)
    for count, example in rule_counts(findings):
        by_rule.add_row(_text(example.rule), _text(example.name), str(count))

    by_category = Table(title="Findings by category", box=box.SIMPLE_HEAD, title_justify="left", show_edge=False)
    by_category.add_column("Category")
    by_category.add_column("Count", justify="right")
    for category, count in sorted(category_counts(findings).items(), key=lambda kv: (-kv[1], kv[0])):
        by_category.add_row(_text(category), str(count))

    _separate(console)
    console.print(by_rule)
    console.line()
    console.print(by_category)


def _print_readability(console: Console, run: RunResult) -> None:
    """Each checked file's document figures: how long its sentences are, and its grade."""
    from rich import box
    from rich.table import Table

    files = [file for file in sorted_files(run) if file.metrics]
    if not files:
        return
    table = Table(title="Readability by file", box=box.SIMPLE_HEAD, title_justify="left", show_edge=False)
    table.add_column("File", overflow="fold")  # a path folds onto a second line rather than losing its end
    for column in ("Words", "Words per sentence", "Grade level"):
        table.add_column(column, justify="right")
    for file in files:
        metrics = file.metrics
        table.add_row(
            _text(file.path),
            # The words the hype profile counts (every block's), so that the
            # two never disagree; words per sentence is over running prose.
            str(file.words),
            _figure(metrics.get("words_per_sentence")),
            _figure(metrics.get("grade")),
        )
    _separate(console)
    console.print(table)


def _figure(value: float | None) -> str:
    """One decimal, or a dash for a file with no prose to measure."""
    return "-" if value is None else f"{value:.1f}"
