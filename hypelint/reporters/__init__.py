"""Output formats: each module renders a RunResult, seeing findings and rule summaries only.

`render(fmt, run, options)` is the one entry point. Every format lives in its
own module with a `render(run, options) -> str` function and is imported
only when asked for, so starting the CLI never pays for `rich` or for
formats it does not use.

Contract shared by all formats:

* The returned text is complete and ends with a newline unless it is empty;
  write it out unchanged (`sys.stdout.write(text)`).
* Findings are reported in `Finding.sort_key()` order and files in path
  order, so the same run always renders to the same text.
* Lines and columns are 1-based, columns count code points, and end
  positions are exclusive, exactly as in `Finding`.

The helpers below are shared by several formats; they only read the run.
"""

from __future__ import annotations

import importlib
import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model is cheap, but reporters need it only for types
    from hypelint.model import FileResult, Finding, RunResult

FORMATS = ("rich", "concise", "json", "sarif", "github", "gitlab", "junit", "html")

# Format name -> module in this package (`json` and `rich` would shadow the
# libraries of the same name, hence the suffixes).
_MODULES = {
    "rich": "rich_format",
    "concise": "concise",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
    "html": "html_format",
}

# Severities from most to least serious: the order summaries list them in.
SEVERITY_ORDER = ("error", "warning", "info")


@dataclass(frozen=True)
class ReportOptions:
    """How to render a run; formats ignore the options that mean nothing to them.

    color: ANSI colours (rich only).
    statistics: per-rule counts instead of individual findings (concise, rich).
    quiet: findings only, no summary (concise, rich).
    width: terminal width in cells for rich; None means 100.
    version: hypelint's version, written into machine-readable formats.
    docs_url: where the rule reference is published (`docs-url`; docs_url.py), for SARIF's links.
    """

    color: bool = False
    statistics: bool = False
    quiet: bool = False
    width: int | None = None
    version: str = "0.1.0"
    docs_url: str | None = None


def render(fmt: str, run: RunResult, options: ReportOptions | None = None) -> str:
    """Render `run` in format `fmt` and return the full text to print."""
    module_name = _MODULES.get(fmt)
    if module_name is None:
        raise ValueError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    module = importlib.import_module(f"{__name__}.{module_name}")
    return module.render(_printable_run(run), options or ReportOptions())


# --- file names that are not UTF-8 -------------------------------------------

# On POSIX a file name is bytes; Python holds each byte of one that is not
# valid UTF-8 as a lone surrogate, U+DC80-U+DCFF (PEP 383), which no UTF-8
# output can encode. Other lone surrogates cannot come from a name, but the
# same rule shows them too rather than fail.
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """Text every output can encode: each byte of a file name that is not
    UTF-8 shown as `\\xff` ("draft-\\xff.md"), any other lone surrogate as
    `\\udfff`. The one escaping of names for reports and error lines."""
    return _SURROGATE.sub(_escaped, text)


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def _printable_run(run: RunResult) -> RunResult:
    """The run with its paths and error lines printable, so that every format
    escapes names alike; a run with none to escape is passed on as it is.
    Only the report sees escaped names: the run keeps the real ones, which
    open the files (so a Word draft whose name is not UTF-8, which the HTML
    report cannot read again by its escaped name, is shown from its text)."""
    if not any(_needs_escape(file) for file in run.files) and not any(map(_SURROGATE.search, run.errors)):
        return run
    return replace(run, files=[_printable_file(file) for file in run.files], errors=list(map(printable, run.errors)))


def _needs_escape(file: FileResult) -> bool:
    return any(_SURROGATE.search(text) for text in (file.path, file.error or "", *file.rule_errors))


def _printable_file(file: FileResult) -> FileResult:
    if not _needs_escape(file):
        return file
    return replace(
        file,
        path=printable(file.path),
        error=None if file.error is None else printable(file.error),
        rule_errors=list(map(printable, file.rule_errors)),
        findings=[replace(finding, path=printable(finding.path)) for finding in file.findings],
    )


# --- helpers shared by the formats -------------------------------------------


def sorted_files(run: RunResult) -> list[FileResult]:
    """The run's files in path order."""
    return sorted(run.files, key=lambda file: file.path)


def sorted_findings(run: RunResult) -> list[Finding]:
    """All findings of the run in their canonical order."""
    return sorted(run.findings, key=lambda finding: finding.sort_key())


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    """Findings per severity, every severity present, most serious first."""
    counts = Counter(finding.severity for finding in findings)
    return {severity: counts.get(severity, 0) for severity in SEVERITY_ORDER}


def category_counts(findings: list[Finding]) -> dict[str, int]:
    """Findings per category, only categories that occur, sorted by name."""
    counts = Counter(finding.category for finding in findings)
    return dict(sorted(counts.items()))


# Categories that say nothing about how hyped a draft is (`meta`: hypelint's
# own suppression comments); left out of hype rates.
NOT_HYPE = frozenset({"meta"})


def hype_rate(file: FileResult) -> float:
    """Findings per 1,000 words, `meta` findings left out; 0 for a file with no words."""
    count = sum(1 for finding in file.findings if finding.category not in NOT_HYPE)
    return count * 1000 / file.words if file.words else 0.0


def category_rates(file: FileResult) -> dict[str, float]:
    """Findings per 1,000 words for each category that occurs (not `meta`), highest first."""
    if not file.words:
        return {}
    counts = Counter(finding.category for finding in file.findings if finding.category not in NOT_HYPE)
    rates = {name: count * 1000 / file.words for name, count in counts.items()}
    return dict(sorted(rates.items(), key=lambda item: (-item[1], item[0])))


def rule_counts(findings: list[Finding]) -> list[tuple[int, Finding]]:
    """(count, an example finding) per rule code, most frequent first, then by code.

    The example finding carries the rule's name and category, so statistics
    need not look the rule up in `run.rules` (a rule may be missing there).
    """
    counts: Counter[str] = Counter()
    examples: dict[str, Finding] = {}
    for finding in findings:
        counts[finding.rule] += 1
        examples.setdefault(finding.rule, finding)
    order = sorted(counts, key=lambda code: (-counts[code], code))
    return [(counts[code], examples[code]) for code in order]


def plural(count: int, word: str) -> str:
    """`1 finding`, `2 findings`; `info` is a mass noun and never takes an s."""
    if count == 1 or word == "info":
        return f"{count} {word}"
    return f"{count} {word}s"


def summary_line(run: RunResult) -> str:
    """The one-sentence verdict that ends the human-readable formats."""
    findings = run.findings
    broken = sum(1 for file in run.files if file.error)
    # The files actually read: one that could not be is counted apart, never as checked.
    files = plural(len(run.files) - broken, "file")
    if findings:
        by_severity = ", ".join(plural(n, s) for s, n in severity_counts(findings).items())
        line = f"Found {plural(len(findings), 'finding')} ({by_severity}) in {files}."
    elif broken or run.errors:
        # "All clear" would be a lie when some files were never checked.
        line = f"No findings in {files}."
    else:
        return f"All clear: no findings in {files}."
    if broken:
        line += f" {plural(broken, 'file')} could not be checked."
    return line


def error_reason(file: FileResult) -> str:
    """A file's error without the path it already starts with ("x.md: not valid UTF-8")."""
    prefix = f"{file.path}: "
    reason = file.error or ""
    return reason[len(prefix) :] if reason.startswith(prefix) else reason


# A sentence already ends here: a full stop, question or exclamation mark or
# ellipsis, perhaps inside closing quotes or brackets.
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")


def sentence(text: str) -> str:
    """Text without surrounding space, ending with a full stop unless it ends a sentence already."""
    text = text.strip()
    return text if not text or _ENDS_SENTENCE.search(text) else text + "."


# Where a sentence ends inside a text: its closing mark, then space and a
# capital (or an opening quote or bracket), so "e.g. a list" goes on.
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"'“`(])")


def first_sentence(text: str) -> str:
    """The first sentence of a text, on one line: hard line breaks and runs of space made single spaces."""
    flat = " ".join(text.split())
    end = _SENTENCE_END.search(flat)
    return flat[: end.end()] if end else flat


def with_suggestion(message: str, suggestion: str | None) -> str:
    """A finding's message and suggestion as one line of prose, for formats
    that have a single message field ("Unsupported superlative. Suggestion: Say
    what was measured."); every format that joins them uses this."""
    if not suggestion or not suggestion.strip():
        return message
    return f"{sentence(message)} Suggestion: {sentence(suggestion)}"


def counts_paragraphs(path: str) -> bool:
    """Whether a file's "lines" are paragraphs: a Word draft's decoded text is
    its paragraphs joined by newlines (parsers/docx.py), so its line number is
    the paragraph's and its column the character in that paragraph."""
    from hypelint.read.source import format_for

    return format_for(path) == "docx"


def position(finding: Finding) -> str:
    """Where a finding starts, for people: `9:4`, or `paragraph 9, character 4` in a Word draft."""
    if counts_paragraphs(finding.path):
        return f"paragraph {finding.line}, character {finding.column}"
    return f"{finding.line}:{finding.column}"


def one_line(text: str) -> str:
    """Text with line breaks turned into spaces, for line-oriented formats."""
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:\\")


def repo_path(path: str) -> str:
    """A path as CI services expect it: forward slashes, no leading `./`.

    Backslashes become slashes only in a Windows path (on Windows, or one
    that starts with a drive): elsewhere one is part of a name, as in
    `printable`'s escapes ("draft-\\xff.md")."""
    if os.sep == "\\" or _WINDOWS_DRIVE.match(path):
        path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path
