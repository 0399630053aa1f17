"""`hypelint baseline`: today's findings recorded, so that `check` reports
only new ones."""

from __future__ import annotations

import os

from hypelint._version import __version__
from hypelint.commands.errors import EXIT_ERROR, EXIT_OK, UsageError, print_error
from hypelint.commands.linting import run_lint
from hypelint.commands.output import ReportFile, write_output
from hypelint.config import config_for
from hypelint.reporters import printable


def record_baseline(args) -> int:
    """Write today's findings to the baseline file."""
    from hypelint.filters.baseline import DEFAULT_FILE, dumps

    paths = args.paths or ["."]
    output = args.output or config_for(None, args.config).baseline or DEFAULT_FILE
    if "-" in paths:
        raise UsageError("a baseline records files; stdin ('-') has no path to record")
    report = ReportFile(output, paths)
    run = run_lint(args, paths, report=report)
    for error in run.errors + [file.error for file in run.files if file.error]:
        print_error(error)
    linted = [file for file in run.files if not file.error]
    if os.path.dirname(output):  # a baseline may live in a folder of its own, made here
        os.makedirs(os.path.dirname(output), exist_ok=True)
    write_output(output, dumps(linted, output, __version__), "baseline")
    count = sum(len(file.findings) for file in linted)
    print(f"hypelint: recorded {count} finding{'s' if count != 1 else ''} in {len(linted)} "
          f"file{'s' if len(linted) != 1 else ''} to {printable(output)}")  # fmt: skip
    return EXIT_ERROR if len(linted) < len(run.files) or run.errors else EXIT_OK
