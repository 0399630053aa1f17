"""`hypelint check`: lint the drafts, leave out what the baseline and
--diff-base leave out, report, and end with the exit code.

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it,
2 usage, config or input errors (the other files are still linted).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from hypelint._version import __version__
from hypelint.commands.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError, print_error
from hypelint.commands.linting import run_lint
from hypelint.commands.output import ReportFile, write_output
from hypelint.config import Config, config_for
from hypelint.model import FileResult, RunResult
from hypelint.reporters import printable

if TYPE_CHECKING:
    from hypelint.filters.baseline import Baseline

# The baseline and git modules (hashlib, subprocess, difflib) are imported
# where they are used: a check of one file starts faster without them.

COLOR_CHOICES = ("auto", "always", "never")


def check_drafts(args) -> int:
    paths = args.paths or ["."]
    report = None
    if args.output:
        stdin_name = [args.stdin_filename] if args.stdin_filename and "-" in paths else []
        report = ReportFile(args.output, [*paths, *stdin_name])
    if args.diff_base and "-" in paths:
        raise UsageError("--diff-base reads changes from git, so it cannot check stdin; name the file instead")
    narrow = Narrowing(args)
    run = run_lint(args, paths, narrow, report)
    _report(args, run)
    if not args.quiet:
        for note in narrow.notes():
            print(f"hypelint: {printable(note)}", file=sys.stderr)
        for file in run.files:
            for note in file.notes:
                print(f"hypelint: {printable(file.path)}: {printable(note)}", file=sys.stderr)
    return _exit_code(run)


class Narrowing:
    """What `check` leaves out of each file's findings: those its baseline
    records (the option's, else the file's config's), then those on lines
    unchanged since --diff-base. Baseline first, so that narrowing to changed
    lines never makes a baseline entry look stale."""

    def __init__(self, args) -> None:
        self.explicit = None if args.no_baseline else args.baseline
        self.use_config = not args.no_baseline and not args.baseline
        self.diff_base = args.diff_base
        self.baselines: dict[str, Baseline] = {}

    def __call__(self, result: FileResult, config: Config) -> FileResult:
        if result.error is not None:
            return result
        where = self.explicit or (config.baseline if self.use_config else None)
        if where:
            key = os.path.abspath(where)
            if key not in self.baselines:
                from hypelint.filters.baseline import load_baseline

                self.baselines[key] = load_baseline(where)
            result.findings = self.baselines[key].filter(result)
        if self.diff_base:
            from hypelint.filters.gitdiff import only_changed

            result.findings = only_changed(result, self.diff_base)
        return result

    def notes(self) -> list[str]:
        from hypelint.reporters import plural

        notes = []
        for used in self.baselines.values():
            entries = "1 entry no longer matches" if used.stale == 1 else f"{used.stale} entries no longer match"
            note = f"baseline {used.path}: {plural(used.hidden, 'known finding')} not shown, {entries} (stale)"
            if used.stale:
                note += "; `hypelint baseline` rewrites it"
            notes.append(note)
        return notes


def _exit_code(run: RunResult) -> int:
    if run.errors or any(file.error for file in run.files):
        return EXIT_ERROR
    if any(file.fails(finding) for file in run.files for finding in file.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def wants_color(choice: str, to_terminal: bool, environ) -> bool:
    """Whether the rich report is coloured: `--color always|never` decides;
    on `auto`, a non-empty NO_COLOR (no-color.org) turns colours off, a
    non-empty FORCE_COLOR (force-color.org) on even off a terminal, and
    otherwise a terminal gets them unless TERM is "dumb"."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return to_terminal and environ.get("TERM") != "dumb"


def _report(args, run: RunResult) -> None:
    from hypelint.reporters import ReportOptions, render

    to_terminal = not args.output and sys.stdout.isatty()
    fmt = args.format or ("rich" if to_terminal else "concise")
    color = wants_color(args.color, to_terminal, os.environ)
    # A pseudo-terminal nobody sized reports 0 columns: the report's default width then.
    width = (os.get_terminal_size().columns or None) if to_terminal else None
    options = ReportOptions(color=color, statistics=args.statistics, quiet=args.quiet, width=width, version=__version__,
                            docs_url=config_for(None, args.config).docs_url)  # fmt: skip
    text = render(fmt, run, options)
    # The rich report shows each error in place; when it and stderr share the
    # screen, the stderr line would print the same error twice.
    if not (fmt == "rich" and to_terminal and sys.stderr.isatty()):
        for error in run.errors:
            print_error(error)
        for file in run.files:
            if file.error:
                print_error(file.error)
    if args.output:
        write_output(args.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
