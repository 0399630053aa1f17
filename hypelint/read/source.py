"""Reading drafts: decoding, format detection, and the errors a user sees.

Every problem with an input becomes an `InputError` whose message is one
line fit for stderr; the CLI turns it into exit code 2.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}
FORMATS = ("markdown", "html", "text")
# Formats read as bytes and parsed as a package, never decoded as text.
BINARY_FORMATS = ("docx",)
# Files larger than this are refused rather than read into memory whole.
MAX_BYTES = 64 * 1024 * 1024


class InputError(Exception):
    """A file or argument hypelint cannot lint; the message is one line."""


def format_for(path: str | None, default: str = "text") -> str:
    """The format implied by a file name; unknown suffixes read as plain text."""
    if path is None:
        return default
    return FORMAT_BY_SUFFIX.get(Path(path).suffix.lower(), default)


# Byte order marks of the encodings read besides UTF-8, UTF-32 first: its
# little-endian mark begins with UTF-16's, so the longer mark is tried first.
_BOMS = (
    ((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), "utf-32", "UTF-32"),
    ((b"\xff\xfe", b"\xfe\xff"), "utf-16", "UTF-16"),
)


def decode(data: bytes, name: str) -> str:
    """UTF-8 text with the BOM removed; UTF-32 and UTF-16 with a BOM (either byte order) are accepted too."""
    for marks, codec, label in _BOMS:
        if data.startswith(marks):
            try:
                return data.decode(codec)  # the codec reads the byte order from the BOM and drops it
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {label} at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text draft")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8"
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_file(path: str) -> str:
    """Read and decode one draft, raising InputError with a one-line reason."""
    return decode(read_bytes(path), path)


def read_bytes(path: str, limit: int = MAX_BYTES) -> bytes:
    """Read one draft's bytes (size-checked), raising InputError with a one-line reason.

    Only a regular file is read: a FIFO, socket or device is never opened for
    reading in a way that could wait. The file is opened without blocking
    and checked again once open (something put in its place after the first
    look cannot stall the run), and at most `limit` + 1 bytes are read, so a
    file that grows meanwhile is refused rather than read whole.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file")
    if info.st_size > limit:
        raise InputError(f"{path}: file too large ({info.st_size} bytes; limit {limit})")
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise InputError(f"{path}: not a regular file")
            # Asked for limit + 1 bytes, read() would first allocate that
            # much: ask for the size the file had, and only if it has grown
            # since, read on (still no further than limit + 1).
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(limit + 1 - len(data))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > limit:
        raise InputError(f"{path}: file too large (more than {limit} bytes)")
    return data

