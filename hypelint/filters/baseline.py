"""Baselines: record today's findings so that only new ones are reported.

Switching a linter on over an archive of published pieces must not turn every
old article red. `hypelint baseline` writes the findings of today to a file;
`hypelint check --baseline FILE` (or the config key `baseline`) then reports
only findings that are not in it, and counts the baseline's entries that no
longer match anything (stale: the problem was fixed, or its sentence edited).

An entry is keyed by file, rule and a fingerprint of the flagged text and the
sentence it stands in, never by line number, so that editing another part of
the file does not bring an old finding back, while rewriting the sentence
does (it is new text and deserves a fresh look). The same key may occur more
than once ("best" twice in one sentence); entries are matched one to one.

File format (UTF-8 JSON, sorted, so that re-running it gives a small diff):

    {
      "schema_version": 1,
      "tool": {"name": "hypelint", "version": "0.1.0"},
      "findings": [
        {"path": "drafts/a.md", "rule": "HL201", "fingerprint": "3f0c...", "excerpt": "revolutionary"}
      ]
    }

`path` is relative to the baseline file's folder, with forward slashes, so
the file works from any working directory and on any system. `excerpt` is
for people reading the file; matching uses `fingerprint` alone.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hypelint.model import Document, FileResult, Finding, Span
from hypelint.analysis.memo import analyse
from hypelint.read.structured import StructuredError, parse_json, read_text

SCHEMA_VERSION = 1
DEFAULT_FILE = ".hypelint-baseline.json"
# Some 300,000 findings of an archive; a larger file is no baseline of ours.
MAX_BYTES = 64 * 1024 * 1024

# (path relative to the baseline's folder, rule code, fingerprint)
Key = tuple[str, str, str]


class BaselineError(Exception):
    """A baseline file that cannot be used; the message is one line."""


@dataclass
class Baseline:
    """The entries of one baseline file, and what a run made of them."""

    path: str
    entries: Counter[Key] = field(default_factory=Counter)
    hidden: int = 0  # findings of this run that the baseline knew
    _left: Counter[Key] = field(default_factory=Counter)  # entries not matched yet
    _checked: set[str] = field(default_factory=set)  # relative paths of the files filtered

    def __post_init__(self) -> None:
        self._left = Counter(self.entries)

    @property
    def folder(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    def relative(self, path: str) -> str:
        """A linted file's path as the baseline records it."""
        return relative_path(path, self.folder)

    def filter(self, result: FileResult) -> list[Finding]:
        """The findings of a file that the baseline does not hold."""
        where = self.relative(result.path)
        self._checked.add(where)
        if not result.findings:
            return []
        kept = []
        for finding, fingerprint in zip(result.findings, fingerprints(result)):
            key = (where, finding.rule, fingerprint)
            if self._left[key] > 0:
                self._left[key] -= 1
                self.hidden += 1
            else:
                kept.append(finding)
        return kept

    @property
    def stale(self) -> int:
        """Entries for the files filtered so far that matched no finding.

        Entries for files this run did not look at are not stale: a check of
        one folder says nothing about the rest of the archive.
        """
        return sum(count for (where, _, _), count in self._left.items() if where in self._checked and count > 0)


def relative_path(path: str, folder: str) -> str:
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, folder)
    except ValueError:  # another drive on Windows: keep it absolute
        relative = absolute
    return Path(relative).as_posix()


def load_baseline(path: str) -> Baseline:
    """Read a baseline file, raising BaselineError with a one-line reason.

    Read as every structured file is (read/structured.py): a regular file of
    at most MAX_BYTES, UTF-8, nested no deeper than MAX_DEPTH."""
    if not os.path.exists(path):
        raise BaselineError(f"baseline {path}: no such file; create it with `hypelint baseline`")
    try:
        text = read_text(path, MAX_BYTES, "JSON")
    except StructuredError as exc:
        raise BaselineError(f"baseline {exc}") from None  # its message begins with the path
    try:
        data = parse_json(text, path)
    except StructuredError as exc:
        raise BaselineError(f"baseline {path}: not a hypelint baseline: {str(exc).removeprefix(path + ': ')}") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"baseline {path}: not a hypelint baseline (no 'findings' list)")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise BaselineError(f"baseline {path}: schema_version {data.get('schema_version')!r} is not {SCHEMA_VERSION}; "
                            "re-create it with `hypelint baseline`")  # fmt: skip
    entries: Counter[Key] = Counter()
    for number, entry in enumerate(data["findings"]):
        try:
            key = (entry["path"], entry["rule"], entry["fingerprint"])
        except (TypeError, KeyError):
            raise BaselineError(f"baseline {path}: entry {number} lacks path, rule or fingerprint") from None
        if not all(isinstance(part, str) for part in key):
            raise BaselineError(f"baseline {path}: entry {number}: path, rule and fingerprint must be strings")
        entries[key] += 1
    return Baseline(path, entries)


def dumps(results: list[FileResult], baseline_path: str, version: str) -> str:
    """The text of a baseline file holding every finding of `results`."""
    folder = os.path.dirname(os.path.abspath(baseline_path))
    entries = []
    for result in results:
        where = relative_path(result.path, folder)
        for finding, fingerprint in zip(result.findings, fingerprints(result)):
            entries.append({"path": where, "rule": finding.rule, "fingerprint": fingerprint, "excerpt": finding.excerpt})
    entries.sort(key=lambda e: (e["path"], e["rule"], e["excerpt"], e["fingerprint"]))
    data = {"schema_version": SCHEMA_VERSION, "tool": {"name": "hypelint", "version": version}, "findings": entries}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --- fingerprints ---------------------------------------------------------------


def fingerprint(rule: str, flagged: str, sentence: str) -> str:
    """A short, stable digest of a rule, the flagged words and their sentence.

    White space is collapsed so that re-wrapping a paragraph changes nothing.
    """
    parts = (rule, " ".join(flagged.split()), " ".join(sentence.split()))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def fingerprints(result: FileResult) -> list[str]:
    """One fingerprint per finding of a file, in the order of its findings."""
    if not result.findings:
        return []
    source = result.source or ""
    sentences = _Sentences(_document(result), source)
    found = []
    for finding in result.findings:
        flagged = source[finding.offset : finding.end_offset] if source else finding.excerpt
        found.append(fingerprint(finding.rule, flagged, sentences.around(finding)))
    return found


def _document(result: FileResult) -> Document | None:
    """The file parsed again as the linter read it, for its sentences (the
    run kept only findings)."""
    if result.source is None:
        return None
    from hypelint.parsers import parse_again

    return parse_again(result)


class _Sentences:
    """The sentence (or sentences) a finding's span lies in, as prose text."""

    def __init__(self, doc: Document | None, source: str):
        self.source = source
        self.spans: list[Span] = []
        self.texts: list[str] = []
        if doc is not None:
            located = sorted(
                ((doc.blocks[s.block].source_span(s.start, s.end), s.text) for s in analyse(doc).sentences),
                key=lambda pair: (pair[0].start, pair[0].end),
            )
            self.spans = [span for span, _ in located]
            self.texts = [text for _, text in located]
        self.starts = [span.start for span in self.spans]

    def around(self, finding: Finding) -> str:
        target = Span(finding.offset, max(finding.end_offset, finding.offset + 1))
        # Sentences are disjoint and sorted: walk back from the last one
        # that starts before the target ends.
        texts = []
        for i in range(bisect.bisect_left(self.starts, target.end) - 1, -1, -1):
            if self.spans[i].end <= target.start:  # sentences do not overlap: none further back can
                break
            texts.append(self.texts[i])
        if texts:
            return " ".join(reversed(texts))
        # Outside any sentence (a suppression comment, an empty heading's
        # anchor): the source lines the finding covers stand for it.
        start = self.source.rfind("\n", 0, finding.offset) + 1
        end = self.source.find("\n", finding.end_offset)
        return self.source[start : end if end >= 0 else len(self.source)]
