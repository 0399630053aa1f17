"""How a command ends: its exit code, and an error as one line on stderr."""

from __future__ import annotations

import sys

from hypelint.reporters import printable

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad command-line use; the message is one line."""


def print_error(message: str) -> None:
    """One line on stderr; a file name that is not UTF-8 shown escaped (reporters.printable)."""
    print(f"hypelint: error: {printable(message)}", file=sys.stderr)
