"""Data a fresh process would rebuild from files the installation ships, kept on disk.

Linting one small file is mostly start-up, and two parts of it come out the
same on every run of an installation: the parsed YAML of the shipped rule
packs (rules.py) and pyphen's English hyphenation patterns (syllables.py).
`load(name, sources, build)` returns what `build()` returns, from a file
written by an earlier run when that file was made from the same sources, in
a millisecond or two instead of the tens of milliseconds parsing takes.

A file is used only when its key matches exactly: this module's SCHEMA,
hypelint's version, Python's version, the caller's `version` (say, the
parser's), and the path, size and modification time (in nanoseconds) of
every source file (the test Python itself applies to its .pyc files). An
edited, added or removed rule file, an upgrade of hypelint or of the parser:
the key differs, `build()` runs again and the file is rewritten. Anything
wrong with the file (missing, unreadable, truncated, damaged: a CRC guards
the data) is the same as no file, and a file that cannot be written (a
read-only home, a full disk) is simply not written, so the cache can make a
run faster, never different nor failing.

Where: `<cache dir>/startup/`, the cache dir being `default_dir()` (also the
results cache's default home, see cache.py). Not `--cache-dir`, and read and
written under `--no-cache` as well: those options are about lint results,
which depend on the drafts and the config, and name a folder a project may
share; these files depend only on the installation, hold data hypelint ships
anyway, and cannot change a finding. One file per cache and installation
(its name has a digest of hypelint's version and location, the
environment's, Python's version and the parser's), so several installations
never take turns overwriting one file; a file left by an older version is a
few hundred kilobytes, and removing the folder is always safe.

The data is stored with `marshal`: plain data only (dicts, lists, tuples,
strings, numbers), loaded faster than JSON and keeping tuples tuples, and
unlike pickle, loading it runs no code. `build()` must return such data;
if it does not, nothing is stored and the result is returned as is.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any, Callable, Sequence

from hypelint._version import __version__

# Bumped when the layout of a file changes.
SCHEMA = 1
# The folder of hypelint's installation: two installations get two files.
_HOME = os.path.dirname(os.path.abspath(__file__))


def default_dir() -> Path:
    """hypelint's cache folder: $XDG_CACHE_HOME/hypelint, else ~/.cache/hypelint (the XDG default).

    Defined here rather than in cache.py, which uses it too, so that finding
    the folder at start-up costs none of the results cache's imports.
    """
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):  # the XDG spec says to ignore a relative value
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "hypelint"


def load(
    name: str,
    sources: Sequence[str | os.PathLike],
    build: Callable[[], Any],
    version: str = "",
    folder: str | os.PathLike | None = None,
) -> Any:
    """`build()`'s data, from the cache file `name` when it was made from these sources.

    `sources` are the files the data is made from; `version` names anything
    else it depends on (the parser's version); `folder` defaults to
    `default_dir()/startup`. See the module docstring for the rest.
    """
    try:
        stamps = tuple((str(path), *_size_and_time(path)) for path in sources)
    except OSError:  # a source that cannot be looked at is not cached
        return build()
    key = (SCHEMA, __version__, tuple(sys.version_info[:2]), name, version, stamps)
    identity = repr((__version__, _HOME, sys.prefix, sys.version, version)).encode("utf-8")
    target = Path(folder if folder is not None else default_dir() / "startup")
    target = target / f"{name}-{zlib.crc32(identity):08x}.marshal"
    found = _read(target, key)
    if found is not None:
        return found[0]
    data = build()
    _write(target, key, data)
    return data


def _size_and_time(path: str | os.PathLike) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_size, status.st_mtime_ns


def _read(target: Path, key: tuple) -> tuple[Any] | None:
    """(data,) from the file when it holds data for this key, else None."""
    try:
        with open(target, "rb") as handle:
            stored_key, checksum, payload = marshal.loads(handle.read())
        if stored_key != key or zlib.crc32(payload) != checksum:
            return None
        return (marshal.loads(payload),)
    except Exception:  # missing, unreadable or damaged in any way: the same as no file
        return None


def _write(target: Path, key: tuple, data: Any) -> None:
    """Store data for a key, whole or not at all; any failure is ignored."""
    try:
        payload = marshal.dumps(data)
    except ValueError:  # not plain data (a date, a custom class): not stored
        return
    from hypelint.runtime.atomic import replacing  # only when writing, which few runs do

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with replacing(target, "wb", prefix=".tmp-") as out:
            out.write(marshal.dumps((key, zlib.crc32(payload), payload)))
    except OSError:  # a read-only or full disk makes the cache useless, not the run
        pass
