"""The command line: `hypelint check | baseline | audit | lsp | rules | explain | config`.

This module parses the arguments and runs the command they name (each in
commands/, the audit in audit/command.py) in a process set up for a short
run. Exit codes: 0 nothing at or above the fail level, 1 findings at or
above it, 2 usage, config or input errors (the other files are still
linted). Every error is one line on stderr; hypelint never writes a file it
lints.
"""

from __future__ import annotations

import argparse
import signal
import sys
from typing import Sequence

from hypelint._version import __version__
from hypelint.audit import AuditError, command as audit_command
from hypelint.commands.arguments import iso_date, positive, selectors
from hypelint.commands.baseline import record_baseline
from hypelint.commands.check import COLOR_CHOICES, check_drafts
from hypelint.commands.errors import EXIT_ERROR, EXIT_OK, UsageError, print_error
from hypelint.commands.process import Terminated, collecting_for_a_short_run, stopping_cleanly_on_sigterm
from hypelint.commands.show import explain_rule, list_rules, show_config
from hypelint.commands.streams import StreamError, standard_streams
from hypelint.config import FAIL_LEVELS, ConfigError
from hypelint.read.source import InputError
from hypelint.reporters import FORMATS
from hypelint.rules.loader import RuleError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would print usage and exit 2 itself
        raise UsageError(message)


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
    check.add_argument("--format", choices=FORMATS, help="output format (rich on a terminal, else concise)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--select", type=selectors, metavar="RULES", help="only these rules (codes, prefixes, names, categories, packs)")
    check.add_argument("--ignore", type=selectors, default=[], metavar="RULES", help="leave out these rules")
    check.add_argument("--extend-select", type=selectors, default=[], metavar="RULES", help="add rules to the selection")
    check.add_argument("--fail-on", choices=FAIL_LEVELS, help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    check.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                       help="read drafts without a date in their front matter as of this date (default: today)")
    check.add_argument("--statistics", action="store_true", help="counts per rule instead of each finding")
    check.add_argument("--quiet", "-q", action="store_true", help="findings only, no summary")
    check.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                       help="colours in the rich report: auto (on a terminal, unless NO_COLOR is set; "
                            "FORCE_COLOR forces them), always or never (default: auto)")
    check.add_argument("--no-color", dest="color", action="store_const", const="never", help="the same as --color never")
    check.add_argument("--jobs", "-j", type=positive, metavar="N", help="processes for many files (default: all cores)")
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
    baseline.add_argument("--select", type=selectors, metavar="RULES", help="only these rules")
    baseline.add_argument("--ignore", type=selectors, default=[], metavar="RULES", help="leave out these rules")
    baseline.add_argument("--extend-select", type=selectors, default=[], metavar="RULES", help="add rules")
    baseline.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    baseline.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="as for check")
    _walk_option(baseline)

    audit_command.add_arguments(commands.add_parser("audit", help="measure hype across a corpus (.jsonl, .csv, .parquet)"))

    lsp = commands.add_parser("lsp", help="run the language server on stdio (needs hypelint[lsp])")
    lsp.add_argument("--docs-url", metavar="URL",
                     help="the folder that holds rules.md: diagnostics link to URL/rules.md#hl101 (default: the config's docs-url)")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--config", metavar="FILE", help="config whose rule packs to include")
    rules.add_argument("--format", choices=("table", "json", "markdown"), default="table",
                       help="markdown writes the rule reference (docs/rules.md)")
    rules.add_argument("--pack", help="only this pack's rules (markdown: its own page, e.g. docs/rules-proselint.md)")

    explain = commands.add_parser("explain", help="explain a rule: what it flags, why, and examples")
    explain.add_argument("rule", metavar="CODE|NAME")
    explain.add_argument("--config", metavar="FILE", help="config whose rule packs to include")

    config = commands.add_parser("config", help="show the configuration that applies to a path")
    config.add_argument("--show", action="store_true", help="print the resolved settings (the default)")
    config.add_argument("path", nargs="?", default=".", metavar="PATH")
    config.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    with standard_streams():  # a closed stream, or stdout on a full disk: one line, exit 2
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return EXIT_ERROR
        commands = {"check": check_drafts, "baseline": record_baseline, "lsp": _serve_language_server,
                    "rules": list_rules, "explain": explain_rule, "config": show_config,
                    "audit": audit_command.run_command}  # fmt: skip
        command = commands[args.command]
        if command is _serve_language_server:  # a server, running for hours: collected as usual
            return command(args)
        with collecting_for_a_short_run(), stopping_cleanly_on_sigterm():
            code = command(args)
        sys.stdout.flush()  # here, where a full disk is one line and exit 2, not at the interpreter's exit
        return code
    except _one_line_errors() as exc:
        print_error(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:  # `hypelint check | head`: the reader left; not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Terminated:
        return 128 + signal.SIGTERM


def _one_line_errors() -> tuple[type[Exception], ...]:
    """The errors `main` reports as one line, with exit code 2.

    Called only when an exception is raised (an `except` clause's types are
    looked up then), so the baseline and git modules are imported when
    they have something to report, not on every run.
    """
    from hypelint.filters.baseline import BaselineError
    from hypelint.filters.gitdiff import GitDiffError

    return (UsageError, ConfigError, RuleError, InputError, BaselineError, GitDiffError, AuditError, StreamError)


def _serve_language_server(args) -> int:
    try:
        from hypelint.lsp import serve
    except ImportError as exc:
        if getattr(exc, "name", "") and exc.name.split(".")[0] in ("pygls", "lsprotocol"):
            raise UsageError("`hypelint lsp` needs pygls: pip install 'hypelint[lsp]'") from None
        raise
    serve(docs_url=args.docs_url)
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
