"""The command line: `hypelint check | baseline | audit | lsp | rules | explain | config`.

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it,
2 usage, config or input errors (the other files are still linted). Every
error is one line on stderr; hypelint never writes a file it lints.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import gc
import os
import signal
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, Sequence

from hypelint._version import __version__

from hypelint.runtime import progress
from hypelint.api import collect_rules, discover_files, lint_bytes, lint_file, lint_source
from hypelint.config import FAIL_LEVELS, Config, ConfigError, config_for, resolve_rules
from hypelint.model import FileResult, RunResult
from hypelint.rules.loader import RuleError, load_packs
from hypelint.read.source import BINARY_FORMATS, FORMAT_BY_SUFFIX, MAX_BYTES, InputError, decode, format_for

if TYPE_CHECKING:
    from hypelint.filters.baseline import Baseline

# Modules only some runs need are imported where they are used: a check of
# one file starts faster without baselines' and git's (hashlib, subprocess,
# difflib), the results cache's, or multiprocessing (see runner.py).

OUTPUT_FORMATS = ("rich", "concise", "json", "sarif", "github", "gitlab", "junit", "html")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad command-line use; the message is one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would print usage and exit 2 itself
        raise UsageError(message)


def _selectors(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2025-03-14") from None


def _walk_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false",
                         help="in folders, lint what .gitignore and .ignore leave out, and node_modules, "
                              "virtualenvs, build/ and dist/ too")  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="hypelint", description="A content-quality linter for AI-hype journalism.")
    parser.add_argument("--version", action="version", version=f"hypelint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="lint drafts (files, folders, or - for stdin)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint; '-' reads stdin")
    check.add_argument("--stdin-filename", metavar="NAME", help="name (and so format and config) for stdin")
    check.add_argument("--format", choices=OUTPUT_FORMATS, help="output format (rich on a terminal, else concise)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--select", type=_selectors, metavar="RULES", help="only these rules (codes, prefixes, names, categories, packs)")
    check.add_argument("--ignore", type=_selectors, default=[], metavar="RULES", help="leave out these rules")
    check.add_argument("--extend-select", type=_selectors, default=[], metavar="RULES", help="add rules to the selection")
    check.add_argument("--fail-on", choices=FAIL_LEVELS, help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    check.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                       help="read drafts without a date in their front matter as of this date (default: today)")
    check.add_argument("--statistics", action="store_true", help="counts per rule instead of each finding")
    check.add_argument("--quiet", "-q", action="store_true", help="findings only, no summary")
    check.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                       help="colours in the rich report: auto (on a terminal, unless NO_COLOR is set; "
                            "FORCE_COLOR forces them), always or never (default: auto)")
    check.add_argument("--no-color", dest="color", action="store_const", const="never", help="the same as --color never")
    check.add_argument("--jobs", "-j", type=_positive, metavar="N", help="processes for many files (default: all cores)")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the results cache")
    check.add_argument("--cache-dir", metavar="DIR", help="where the results cache lives (default: ~/.cache/hypelint)")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline file")
    check.add_argument("--no-baseline", action="store_true", help="ignore the config's baseline: report everything")
    check.add_argument("--diff-base", metavar="REF", help="report only findings on lines changed since this git ref")
    _walk_option(check)

    baseline = commands.add_parser("baseline", help="record today's findings so that `check` reports only new ones")
    baseline.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to record (default: .)")
    baseline.add_argument("--output", "-o", metavar="FILE",
                          help="the baseline file (default: the config's `baseline`, else .hypelint-baseline.json)")
    baseline.add_argument("--select", type=_selectors, metavar="RULES", help="only these rules")
    baseline.add_argument("--ignore", type=_selectors, default=[], metavar="RULES", help="leave out these rules")
    baseline.add_argument("--extend-select", type=_selectors, default=[], metavar="RULES", help="add rules")
    baseline.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    baseline.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="as for check")
    _walk_option(baseline)

    from hypelint.audit import add_arguments as audit_arguments  # stdlib only at import: start-up stays small

    audit_arguments(commands.add_parser("audit", help="measure hype across a corpus (.jsonl, .csv, .parquet)"),
                    _selectors, _iso_date)  # fmt: skip

    lsp = commands.add_parser("lsp", help="run the language server on stdio (needs hypelint[lsp])")
    lsp.add_argument("--docs-url", metavar="URL",
                     help="the folder that holds rules.md: diagnostics link to URL/rules.md#hl101 (default: the config's docs-url)")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--config", metavar="FILE", help="config whose rule packs to include")
    rules.add_argument("--format", choices=("table", "json", "markdown"), default="table",
                       help="markdown writes the rule reference (docs/rules.md)")

    explain = commands.add_parser("explain", help="explain a rule: what it flags, why, and examples")
    explain.add_argument("rule", metavar="CODE|NAME")
    explain.add_argument("--config", metavar="FILE", help="config whose rule packs to include")

    config = commands.add_parser("config", help="show the configuration that applies to a path")
    config.add_argument("--show", action="store_true", help="print the resolved settings (the default)")
    config.add_argument("path", nargs="?", default=".", metavar="PATH")
    config.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return EXIT_ERROR
        commands = {"check": _check, "baseline": _baseline, "lsp": _lsp, "rules": _rules, "explain": _explain,
                    "config": _config, "audit": _audit}  # fmt: skip
        command = commands[args.command]
        if command is _lsp:  # a server, running for hours: collected as usual
            return command(args)
        with _collecting_for_a_short_run(), _stopping_cleanly_on_sigterm():
            return command(args)
    except _one_line_errors() as exc:
        _error(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:  # `hypelint check | head`: the reader left; not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except _Terminated:
        return 128 + signal.SIGTERM


class _Terminated(BaseException):
    """SIGTERM arrived (see `_stopping_cleanly_on_sigterm`)."""


@contextmanager
def _stopping_cleanly_on_sigterm() -> Iterator[None]:
    """SIGTERM (`kill`, a cancelled CI job, a hook that timed out) ends the
    run as Ctrl-C does, by an exception: on its way out a report being
    written removes its temporary file (atomic.py), where the signal's
    default action would leave it behind. The exit code is the shell's for
    a process killed by SIGTERM, 143."""

    def terminate(signum, frame):
        raise _Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # main() called in-process from a thread other than the main one: left as it was
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _collecting_for_a_short_run() -> Iterator[None]:
    """Python's cyclic garbage collector, tuned for a command that ends soon.

    By default it runs every 700 new objects, and at exit it walks every
    object still alive: together ~30 ms of checking one small file (a tenth),
    in a process whose memory the OS takes back whole when it ends. So while
    the command runs, a collection waits for 200,000 new objects (as mypy
    does), and at exit the objects are frozen first, so that the last
    collections pass them by (Python does not promise objects still alive at
    exit their `__del__` anyway, and every file hypelint writes is closed by
    then). The thresholds are put back afterwards for callers in-process.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(200_000, *thresholds[1:])
    atexit.unregister(gc.freeze)  # registered once, however often main runs in one process
    atexit.register(gc.freeze)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _one_line_errors() -> tuple[type[Exception], ...]:
    """The errors `main` reports as one line, with exit code 2.

    Called only when an exception is raised (an `except` clause's types are
    looked up then), so the baseline and git modules are imported when
    they have something to report, not on every run.
    """
    from hypelint.filters.baseline import BaselineError
    from hypelint.filters.gitdiff import GitDiffError

    return (UsageError, ConfigError, RuleError, InputError, BaselineError, GitDiffError)


def _error(message: str) -> None:
    print(f"hypelint: error: {message}", file=sys.stderr)


# --- check -----------------------------------------------------------------------


def _check(args) -> int:
    paths = args.paths or ["."]
    report = None
    if args.output:
        stdin_name = [args.stdin_filename] if args.stdin_filename and "-" in paths else []
        report = _ReportFile(args.output, [*paths, *stdin_name])
    if args.diff_base and "-" in paths:
        raise UsageError("--diff-base reads changes from git, so it cannot check stdin; name the file instead")
    narrow = _Narrowing(args)
    run = _lint(args, paths, narrow, report)
    _report(args, run)
    if not args.quiet:
        for note in narrow.notes():
            print(f"hypelint: {note}", file=sys.stderr)
    return _exit_code(run)


def _lint(args, paths: list[str], narrow=None, report: _ReportFile | None = None) -> RunResult:
    """Lint the given paths (and stdin for '-') with the options of `args`;
    stop before linting when a file found in a folder is the `report` file."""

    def configure(path: str | None) -> Config:
        return config_for(path, args.config).with_cli(
            args.select, args.ignore, args.extend_select, getattr(args, "fail_on", None), args.date
        )

    run = RunResult(files=[])
    stdin_used = False
    slots: list[tuple[FileResult | int, Config]] = []  # in input order: stdin's result, or an index into `files`
    files: list[tuple[str, Config]] = []
    for given in paths:
        if given == "-":
            if stdin_used:
                raise UsageError("'-' (stdin) may be given only once")
            stdin_used = True
            config = configure(args.stdin_filename)
            slots.append((_lint_stdin(args.stdin_filename, config), config))  # only `check` takes '-'
            collect_rules(run, config)
            continue
        for path, found in discover_files([given], configure, args.respect_gitignore):
            if isinstance(found, InputError):
                run.errors.append(str(found))
            else:
                if report:
                    report.refuse_input(path)
                collect_rules(run, found)
                slots.append((len(files), found))
                files.append((path, found))
    results = _lint_files(args, files)
    for slot, config in slots:
        result = slot if isinstance(slot, FileResult) else results[slot]
        run.files.append(narrow(result, config) if narrow else result)
        run.errors.extend(result.rule_errors)  # a rule skipped on a file: one line on stderr, exit 2
    return run


def _lint_files(args, files: list[tuple[str, Config]]) -> list[FileResult]:
    """Lint the files on --jobs processes (default: all cores), through the cache unless --no-cache."""
    from hypelint.runtime.runner import lint_files

    cache = None
    if not getattr(args, "no_cache", False):
        from hypelint.runtime.cache import Cache

        cache = Cache(getattr(args, "cache_dir", None))
    # A bar while a long run goes on: on a terminal only, never in machine formats or when piped.
    show = progress.wanted(getattr(args, "format", None), getattr(args, "output", None))
    with progress.bar(len(files), enabled=show) as advance:
        return lint_files(files, getattr(args, "jobs", None), cache, on_result=advance)


class _Narrowing:
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


def _baseline(args) -> int:
    """Write today's findings to the baseline file."""
    from hypelint.filters.baseline import DEFAULT_FILE, dumps

    paths = args.paths or ["."]
    output = args.output or config_for(None, args.config).baseline or DEFAULT_FILE
    if "-" in paths:
        raise UsageError("a baseline records files; stdin ('-') has no path to record")
    report = _ReportFile(output, paths)
    run = _lint(args, paths, report=report)
    for error in run.errors + [file.error for file in run.files if file.error]:
        _error(error)
    linted = [file for file in run.files if not file.error]
    if os.path.dirname(output):  # a baseline may live in a folder of its own, made here
        os.makedirs(os.path.dirname(output), exist_ok=True)
    _write_output(output, dumps(linted, output, __version__), "baseline")
    count = sum(len(file.findings) for file in linted)
    print(f"hypelint: recorded {count} finding{'s' if count != 1 else ''} in {len(linted)} "
          f"file{'s' if len(linted) != 1 else ''} to {output}")  # fmt: skip
    return EXIT_ERROR if len(linted) < len(run.files) or run.errors else EXIT_OK


def _audit(args) -> int:
    from hypelint.audit import AuditError, run_command

    try:
        return run_command(args)
    except AuditError as exc:
        raise UsageError(str(exc)) from None


def _lsp(args) -> int:
    try:
        from hypelint.lsp import serve
    except ImportError as exc:
        if getattr(exc, "name", "") and exc.name.split(".")[0] in ("pygls", "lsprotocol"):
            raise UsageError("`hypelint lsp` needs pygls: pip install 'hypelint[lsp]'") from None
        raise
    serve(docs_url=args.docs_url)
    return EXIT_OK


def _lint_stdin(name: str | None, config: Config) -> FileResult:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)  # the limit a file has; an endless pipe is not read forever
    label = name or "-"
    if len(data) > MAX_BYTES:
        return FileResult(path=label, findings=[], error=f"{label}: input too large (more than {MAX_BYTES} bytes)",
                          fail_on=config.fail_on)  # fmt: skip
    fmt = format_for(name, "markdown")
    if fmt in BINARY_FORMATS:
        return lint_bytes(data, label, fmt, config)
    try:
        text = decode(data, label)
    except InputError as exc:
        return FileResult(path=label, findings=[], error=str(exc), fail_on=config.fail_on)
    return lint_source(text, name, fmt, config)


def _exit_code(run: RunResult) -> int:
    if run.errors or any(file.error for file in run.files):
        return EXIT_ERROR
    if any(file.fails(finding) for file in run.files for finding in file.findings):
        return EXIT_FINDINGS
    return EXIT_OK


COLOR_CHOICES = ("auto", "always", "never")


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
            _error(error)
        for file in run.files:
            if file.error:
                _error(file.error)
    if args.output:
        _write_output(args.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


class _ReportFile:
    """The file --output names, checked so that the report never overwrites a
    draft: it may not be a folder, nor an input by any path (links followed,
    or a hard link: the same device and inode), nor a file with a draft's
    suffix inside an input folder (the next run would lint it).

    The given paths (and the stdin file name) are checked when it is made;
    `_lint` checks each file it finds in a folder, before linting any, since
    a link there may lead to a draft outside it.
    """

    def __init__(self, output: str, inputs: list[str]) -> None:
        if os.path.isdir(output):
            raise UsageError(f"--output {output}: is a folder; give a file name")
        self.output = output
        self.real = os.path.realpath(output)
        self.identity = _identity(output)
        drafts = tuple(FORMAT_BY_SUFFIX)
        for given in inputs:
            if given == "-":
                continue
            folder = os.path.realpath(given)
            if os.path.isdir(folder) and _within(self.real, folder) and os.path.splitext(self.real)[1].lower() in drafts:
                self._refuse()
            self.refuse_input(given)

    def refuse_input(self, path: str) -> None:
        if os.path.realpath(path) == self.real or (self.identity is not None and _identity(path) == self.identity):
            self._refuse()

    def _refuse(self):
        raise UsageError(f"--output {self.output}: is also an input; hypelint never overwrites a draft")


def _within(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([folder, path]) == folder
    except ValueError:  # on different drives
        return False


def _identity(path: str) -> tuple[int, int] | None:
    """The file `path` leads to, as (device, inode); None when there is none (yet)."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):  # missing, unreadable, or a name the OS cannot take
        return None
    return found.st_dev, found.st_ino


def _write_output(path: str, text: str, option: str = "--output") -> None:
    """Write `path` whole or not at all, or a device or FIFO in place
    (atomic.writing); a failure is a usage error."""
    from hypelint.runtime.atomic import writing

    try:
        with writing(path, encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise UsageError(f"{option} {path}: cannot write ({exc.strerror})") from None


# --- rules, explain, config ---------------------------------------------------------


def _all_rules(config_file: str | None):
    config = config_for(None, config_file)
    return load_packs(config.rule_packs), config


def _rules(args) -> int:
    rules, config = _all_rules(args.config)
    enabled = {rule.code for rule in resolve_rules(config)}
    if args.format == "markdown":
        from hypelint.rules.docs import rules_markdown

        sys.stdout.write(rules_markdown(rules))
        return EXIT_OK
    if args.format == "json":
        import json

        data = [{"code": r.code, "name": r.name, "category": r.category, "severity": r.severity, "pack": r.pack,
                 "enabled": r.code in enabled, "description": r.description.strip()} for r in rules]  # fmt: skip
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    from hypelint.reporters import first_sentence

    rows = [(r.code, r.name, r.category, r.severity, "yes" if r.code in enabled else "no", first_sentence(r.description))
            for r in rules]  # fmt: skip
    _print_table(("code", "name", "category", "severity", "on", "what it flags"), rows)
    return EXIT_OK


def _print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(*header, header_style="bold")
        for row in rows:
            table.add_row(*row)
        Console().print(table)
        return
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    for row in (header, *rows):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())


def _explain(args) -> int:
    from hypelint.rules.docs import rule_file, shown_cases

    from hypelint.rules.docs_url import rule_reference

    rules, config = _all_rules(args.config)
    wanted = args.rule.strip()
    rule = next((r for r in rules if wanted.upper() == r.code or wanted == r.name), None)
    if rule is None:
        raise UsageError(f"no rule is called {wanted!r}; `hypelint rules` lists them")
    lines = [
        f"{rule.code} {rule.name}",
        f"category: {rule.category}    severity: {rule.severity}    pack: {rule.pack}    kind: {rule.kind}"
        + ("" if rule.default else "    (off by default)"),
        "",
        rule.description.strip(),
        "",
        "Why: " + rule.rationale.strip(),
    ]
    if rule.reference:
        lines.append("Reference: " + rule.reference)
    lines.append("Documentation: " + rule_reference(rule.code, config.docs_url))
    for side, title in (("fail", "Flagged"), ("pass", "Not flagged")):
        shown, more = shown_cases(rule, side)
        if shown:
            lines += ["", f"{title}:"] + [_indented(case.text.strip(), "  - ", "    ") for case in shown]
            if more:
                lines.append(f"  ... {more} more {'case' if more == 1 else 'cases'} in {rule_file(rule)}")
    print("\n".join(lines))
    return EXIT_OK


def _indented(text: str, first: str, rest: str) -> str:
    """Text whose first line starts with `first` and others with `rest`; blank lines stay blank."""
    return "\n".join((rest if n else first) + line if line else "" for n, line in enumerate(text.split("\n")))


def _config(args) -> int:
    import json

    config = config_for(os.path.join(args.path, "_") if os.path.isdir(args.path) else args.path, args.config)
    shown = config.describe()
    shown["enabled-rules"] = [rule.code for rule in resolve_rules(config)]
    shown["applies-to"] = args.path
    if os.path.exists(args.path) and not os.path.isdir(args.path):
        shown["per-file-ignores-here"] = list(config.ignores_for(args.path))
        shown["excluded-here"] = config.is_excluded(args.path)
    print(json.dumps(shown, indent=2, ensure_ascii=False))
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
