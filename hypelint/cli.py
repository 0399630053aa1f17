"""The command line: `hypelint check | rules | explain | config`.

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it,
2 usage, config or input errors (the other files are still linted). Every
error is one line on stderr; hypelint never writes a file it lints.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import tempfile
from typing import Sequence

from . import __version__
from .api import collect_rules, discover_files, lint_file, lint_source
from .config import FAIL_LEVELS, Config, ConfigError, config_for, resolve_rules
from .model import SEVERITY_RANK, FileResult, RunResult
from .rules import RuleError, load_packs
from .source import InputError, decode, format_for

OUTPUT_FORMATS = ("rich", "concise", "json", "sarif", "github", "gitlab", "junit", "html")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad command-line use; the message is one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would print usage and exit 2 itself
        raise UsageError(message)


def _selectors(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2025-03-14") from None


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
    check.add_argument("--no-color", action="store_true", help="no colours in the rich report")

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
        return {"check": _check, "rules": _rules, "explain": _explain, "config": _config}[args.command](args)
    except (UsageError, ConfigError, RuleError, InputError) as exc:
        _error(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:  # `hypelint check | head`: the reader left; not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _error(message: str) -> None:
    print(f"hypelint: error: {message}", file=sys.stderr)


# --- check -----------------------------------------------------------------------


def _check(args) -> int:
    paths = args.paths or ["."]
    if args.output:
        _refuse_input_as_output(args.output, paths)

    def configure(path: str | None) -> Config:
        return config_for(path, args.config).with_cli(
            args.select, args.ignore, args.extend_select, args.fail_on, args.date
        )

    run = RunResult(files=[])
    stdin_used = False
    for given in paths:
        if given == "-":
            if stdin_used:
                raise UsageError("'-' (stdin) may be given only once")
            stdin_used = True
            config = configure(args.stdin_filename)
            run.files.append(_lint_stdin(args.stdin_filename, config))
            collect_rules(run, config)
            continue
        for path, found in discover_files([given], configure):
            if isinstance(found, InputError):
                run.errors.append(str(found))
            else:
                collect_rules(run, found)
                run.files.append(lint_file(path, found))
    _report(args, run)
    return _exit_code(run)


def _lint_stdin(name: str | None, config: Config) -> FileResult:
    data = sys.stdin.buffer.read()
    label = name or "-"
    try:
        text = decode(data, label)
    except InputError as exc:
        return FileResult(path=label, findings=[], error=str(exc), fail_on=config.fail_on)
    return lint_source(text, name, format_for(name, "markdown"), config)


def _exit_code(run: RunResult) -> int:
    if run.errors or any(file.error for file in run.files):
        return EXIT_ERROR
    for file in run.files:
        if file.fail_on == "never":
            continue
        threshold = SEVERITY_RANK[file.fail_on]
        if any(SEVERITY_RANK[f.severity] >= threshold for f in file.findings):
            return EXIT_FINDINGS
    return EXIT_OK


def _report(args, run: RunResult) -> None:
    from .reporters import ReportOptions, render

    to_terminal = not args.output and sys.stdout.isatty()
    fmt = args.format or ("rich" if to_terminal else "concise")
    color = to_terminal and not args.no_color and "NO_COLOR" not in os.environ
    width = os.get_terminal_size().columns if to_terminal else None
    options = ReportOptions(color=color, statistics=args.statistics, quiet=args.quiet, width=width, version=__version__)
    text = render(fmt, run, options)
    for error in run.errors:
        _error(error)
    for file in run.files:
        if file.error:
            _error(file.error)
    if args.output:
        _write_atomically(args.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _refuse_input_as_output(output: str, paths: list[str]) -> None:
    if os.path.isdir(output):
        raise UsageError(f"--output {output}: is a folder; give a file name")
    target = os.path.realpath(output)
    for given in paths:
        if given == "-":
            continue
        source = os.path.realpath(given)
        if target == source or (os.path.isdir(source) and target.startswith(source + os.sep)
                                and os.path.splitext(target)[1].lower() in (".md", ".markdown", ".txt", ".html", ".htm")):  # fmt: skip
            raise UsageError(f"--output {output}: is also an input; hypelint never overwrites a draft")


def _write_atomically(path: str, text: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=".hypelint-", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError as exc:
        raise UsageError(f"--output {path}: cannot write ({exc.strerror})") from None


# --- rules, explain, config ---------------------------------------------------------


def _all_rules(config_file: str | None):
    config = config_for(None, config_file)
    return load_packs(config.rule_packs), config


def _rules(args) -> int:
    rules, config = _all_rules(args.config)
    enabled = {rule.code for rule in resolve_rules(config)}
    if args.format == "markdown":
        from .ruledocs import rules_markdown

        sys.stdout.write(rules_markdown(rules))
        return EXIT_OK
    if args.format == "json":
        import json

        data = [{"code": r.code, "name": r.name, "category": r.category, "severity": r.severity, "pack": r.pack,
                 "enabled": r.code in enabled, "description": r.description.strip()} for r in rules]  # fmt: skip
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    rows = [(r.code, r.name, r.category, r.severity, "yes" if r.code in enabled else "no", _first_line(r.description))
            for r in rules]  # fmt: skip
    _print_table(("code", "name", "category", "severity", "on", "what it flags"), rows)
    return EXIT_OK


def _first_line(text: str) -> str:
    """The first sentence of a description, on one line."""
    flat = " ".join(text.split())
    end = re.search(r"\.\s+(?=[A-Z])", flat)
    return flat[: end.start() + 1] if end else flat


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
    rules, _ = _all_rules(args.config)
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
    for side, title in (("fail", "Flagged"), ("pass", "Not flagged")):
        examples = rule.examples.get(side, [])
        if examples:
            lines += ["", f"{title}:"] + [f"  - {example.strip()}" for example in examples]
    print("\n".join(lines))
    return EXIT_OK


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
