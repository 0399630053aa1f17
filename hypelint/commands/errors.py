"""How a command ends: its exit code, and an error as one line on stderr."""

from __future__ import annotations

import sys

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad command-line use; the message is one line."""


def print_error(message: str) -> None:
    print(f"hypelint: error: {message}", file=sys.stderr)
