"""JSON format: the complete, stable result of a run for scripts and other tools.

Contract (`schema_version` 1; new keys may be added, existing ones keep their
meaning until the version changes):

    {
      "schema_version": 1,
      "tool": {"name": "hypelint", "version": "..."},
      "summary": {"files": n, "findings": n,
                  "by_severity": {"error": n, "warning": n, "info": n},
                  "by_category": {"<category>": n, ...}},
      "files": [{"path": ..., "words": n, "error": null | "...", "metrics": {...}}, ...],
      "findings": [Finding.as_dict(), ...],
      "errors": ["...", ...]
    }

Each finding has path, rule, name, category, severity, message, line,
column, end_line, end_column (1-based, end exclusive, counted in code
points), offset, end_offset (0-based code-point offsets into the decoded
text), excerpt, suggestion only when there is one, and replacement only
when the fix is literal text for offset..end_offset. A Word (.docx) file's
decoded text is its paragraphs joined by "\n", so there `line` is the
paragraph number and `column` the character in that paragraph. A file that was
linted has `metrics`, its readability figures over its running prose
(paragraphs and list items): words, sentences, words_per_sentence,
syllables_per_word, flesch_reading_ease, grades (flesch_kincaid,
gunning_fog, smog, coleman_liau, ari) and grade, their median; ratios are
null when there is no prose. Files are sorted by
path, findings by `Finding.sort_key()`. The text is UTF-8 (no `\\u` escapes
for non-ASCII), indented by two spaces.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from hypelint.reporters import ReportOptions, category_counts, severity_counts, sorted_files, sorted_findings

if TYPE_CHECKING:
    from hypelint.model import FileResult, RunResult

SCHEMA_VERSION = 1


def build(run: RunResult, options: ReportOptions) -> dict[str, Any]:
    """The JSON document as Python data."""
    findings = sorted_findings(run)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "hypelint", "version": options.version},
        "summary": {
            "files": len(run.files),
            "findings": len(findings),
            "by_severity": severity_counts(findings),
            "by_category": category_counts(findings),
        },
        "files": [_file(file) for file in sorted_files(run)],
        "findings": [finding.as_dict() for finding in findings],
        "errors": list(run.errors),
    }


def _file(file: FileResult) -> dict[str, Any]:
    data: dict[str, Any] = {"path": file.path, "words": file.words, "error": file.error}
    if file.metrics:  # a file that could not be read has none
        data["metrics"] = file.metrics
    return data


def render(run: RunResult, options: ReportOptions) -> str:
    return json.dumps(build(run, options), indent=2, ensure_ascii=False) + "\n"
