"""The paths a command names linted into a run: files, the drafts found in
folders, and stdin for '-', through the results cache and the worker
processes of --jobs. Shared by `check` and `baseline`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from hypelint.api import collect_rules, discover_files, lint_bytes, lint_source
from hypelint.commands.errors import UsageError
from hypelint.config import Config, config_for
from hypelint.model import FileResult, RunResult
from hypelint.read.source import BINARY_FORMATS, MAX_BYTES, InputError, decode, format_for
from hypelint.runtime import progress

if TYPE_CHECKING:
    from hypelint.commands.output import ReportFile

# Modules only some runs need are imported where they are used: a check of
# one file starts faster without the results cache's or multiprocessing
# (see runner.py).


def run_lint(args, paths: list[str], narrow=None, report: ReportFile | None = None) -> RunResult:
    """Lint the given paths (and stdin for '-') with the options of `args`;
    `narrow` (check's baseline and --diff-base) filters each file's result;
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
