"""GitLab Code Quality format: a JSON report for merge-request widgets.

Contract: a JSON array (the Code Climate subset GitLab reads), one object
per finding:

    {"type": "issue", "check_name": CODE, "description": "CODE message",
     "categories": ["Style"], "severity": "major" | "minor" | "info",
     "fingerprint": md5 hex of (path, rule, offset, excerpt),
     "location": {"path": PATH, "lines": {"begin": line, "end": end_line}},
     "content": {"body": "..."}}

GitLab only accepts the fixed Code Climate categories, so every finding is
"Style"; hypelint's own category, dotted rule name and suggestion go into
`content.body`. Severity: error -> major, warning -> minor, info -> info.
Paths get forward slashes and lose a leading `./`, since GitLab matches them
against repository paths. A file that could not be checked becomes a
"critical" issue with check_name `hypelint.file-error` on line 1; errors of
the run have no file and are left to the other outputs.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from hypelint.reporters import ReportOptions, repo_path, sorted_files, sorted_findings

if TYPE_CHECKING:
    from hypelint.model import FileResult, Finding, RunResult

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
FILE_ERROR_CHECK = "hypelint.file-error"


def fingerprint(*parts: object) -> str:
    """md5 of the parts, NUL-separated so that ("ab", "c") != ("a", "bc")."""
    data = "\0".join(str(part) for part in parts).encode("utf-8")
    # Not used for security: identifies an issue across pipelines.
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def _issue(finding: Finding) -> dict[str, Any]:
    path = repo_path(finding.path)
    body = f"Category: {finding.category} ({finding.name}), severity: {finding.severity}."
    if finding.suggestion:
        body += f"\n\nSuggestion: {finding.suggestion}"
    return {
        "type": "issue",
        "check_name": finding.rule,
        "description": f"{finding.rule} {finding.message}",
        "categories": ["Style"],
        "severity": SEVERITIES.get(finding.severity, "minor"),
        "fingerprint": fingerprint(path, finding.rule, finding.offset, finding.excerpt),
        "location": {"path": path, "lines": {"begin": finding.line, "end": finding.end_line}},
        "content": {"body": body},
    }


def _file_error(file: FileResult) -> dict[str, Any]:
    path = repo_path(file.path)
    return {
        "type": "issue",
        "check_name": FILE_ERROR_CHECK,
        "description": f"hypelint could not check this file: {file.error}",
        "categories": ["Bug Risk"],
        "severity": "critical",
        "fingerprint": fingerprint(path, FILE_ERROR_CHECK),
        "location": {"path": path, "lines": {"begin": 1, "end": 1}},
    }


def render(run: RunResult, options: ReportOptions) -> str:
    issues = [_issue(finding) for finding in sorted_findings(run)]
    issues += [_file_error(file) for file in sorted_files(run) if file.error]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
