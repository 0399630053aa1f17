"""A progress bar for runs over many files, drawn on a terminal only.

`bar(total, enabled=...)` is a context manager giving an `advance()` to call
once per file done (the runner's `on_result`); when enabled and there are at
least `MIN_FILES` files, it shows a bar on stderr meanwhile. The bar is
transient: it disappears once the run is done, so the report that follows
starts on a clean screen, and it is stopped however the block is left (an
error, Ctrl-C), so the terminal's cursor is always given back.

`wanted(fmt, output)` says whether a run may show one: only when the report
is for a person at a terminal. Machine formats, `--output`, and a stdout or
stderr that is piped or redirected never get a bar, so no escape codes can
end up in a file, a pipe or a CI log.

`rich.progress` is imported only when a bar is drawn: the CLI must start fast.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import IO, Any, Callable, Iterator

# Below this, a run is over before a bar would be read.
MIN_FILES = 20
# Formats that are read by a person on the terminal (None: the default, rich).
HUMAN_FORMATS = (None, "rich", "concise")


def wanted(fmt: str | None, output: str | None, stdout: IO | None = None, stderr: IO | None = None) -> bool:
    """Whether a run may show a progress bar (see the module's docstring)."""
    if output or fmt not in HUMAN_FORMATS:
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return _is_terminal(stdout or sys.stdout) and _is_terminal(stderr or sys.stderr)


def _is_terminal(stream: IO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


@contextmanager
def bar(
    total: int,
    *,
    enabled: bool,
    description: str = "Linting",
    minimum: int = MIN_FILES,
    console=None,
) -> Iterator[Callable[..., None]]:
    """Yield `advance(result=None)`, to call once per file done (see the module's docstring).

    `console` is a rich Console to draw on (default: stderr).
    """
    if not enabled or total < minimum:
        yield _nothing
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console or Console(stderr=True),
        transient=True,
    )
    with progress:
        task = progress.add_task(description, total=total)

        def advance(_result: Any = None) -> None:
            progress.advance(task)

        yield advance


def _nothing(_result: Any = None) -> None:
    """The `advance` of a run without a bar."""
