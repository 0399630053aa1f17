"""Where a report goes: never over a draft it reads (`ReportFile`), and
written whole or not at all (`write_output`)."""

from __future__ import annotations

import os

from hypelint.commands.errors import UsageError
from hypelint.read.source import FORMAT_BY_SUFFIX


class ReportFile:
    """The file --output names, checked so that the report never overwrites a
    draft: it may not be a folder, nor an input by any path (links followed,
    or a hard link: the same device and inode), nor a file with a draft's
    suffix inside an input folder (the next run would lint it).

    The given paths (and the stdin file name) are checked when it is made;
    `linting.run_lint` checks each file it finds in a folder, before linting
    any, since a link there may lead to a draft outside it.
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


def write_output(path: str, text: str, option: str = "--output") -> None:
    """Write `path` whole or not at all, or a device or FIFO in place
    (atomic.writing); a failure is a usage error."""
    from hypelint.runtime.atomic import writing

    try:
        with writing(path, encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise UsageError(f"{option} {path}: cannot write ({exc.strerror})") from None
    except UnicodeEncodeError:  # only a name that is not UTF-8 (a lone surrogate) can be unencodable
        raise UsageError(f"{option} {path}: cannot write a file name that is not UTF-8 into it") from None
