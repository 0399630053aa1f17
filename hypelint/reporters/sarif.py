"""SARIF 2.1.0: findings for GitHub code scanning and other static-analysis viewers.

Contract:

* One run whose `tool.driver.rules` holds a reportingDescriptor for every
  rule in `run.rules` (sorted by code), plus a minimal one for any rule a
  finding names that `run.rules` lacks, so every `ruleIndex` resolves.
* `columnKind` is `unicodeCodePoints`: columns and `charOffset`/`charLength`
  count code points, as hypelint's positions do. `endColumn` is exclusive.
* Artifact URIs are the paths as given with forward slashes; relative paths
  stay relative and carry `uriBaseId: "%SRCROOT%"` (the directory hypelint
  ran from), absolute ones become `file://` URIs.
* `partialFingerprints["hypelint/v1"]` is the first 32 hex digits of
  sha256(rule, path, excerpt), so an alert survives edits elsewhere in the
  file. Repeats of the same excerpt in one file get `:2`, `:3` ... appended
  (GitHub's own convention) so that distinct findings never merge.
* Files that could not be checked and errors of the run appear as
  `toolExecutionNotifications` of the run's invocation, whose
  `executionSuccessful` is then false (the run exits 2).
* A rule's `shortDescription` is the first sentence of its description on
  one line; `helpUri` is its section of the rule reference at the docs URL
  (`docs-url`; see docs_url.py), left out when no address is known. A
  result's message is the finding's message and its suggestion as sentences.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from hypelint.rules.docs_url import rule_url
from hypelint.reporters import ReportOptions, first_sentence, repo_path, sentence, sorted_files, sorted_findings, with_suggestion

if TYPE_CHECKING:
    from hypelint.model import Finding, RuleInfo, RunResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def artifact_location(path: str) -> dict[str, str]:
    """The SARIF artifactLocation of a path, percent-encoded as a URI must be."""
    path = repo_path(path)
    if _WINDOWS_DRIVE.match(path):
        return {"uri": "file:///" + path[:2] + quote(path[2:])}
    if path.startswith("/"):
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(path), "uriBaseId": SRCROOT}


def _descriptor(rule: RuleInfo, docs_url: str | None) -> dict[str, Any]:
    description = " ".join((rule.description or rule.name).split())
    help_text = "\n\n".join(part.strip() for part in (rule.rationale, rule.reference) if part.strip())
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": sentence(first_sentence(description))},
        "fullDescription": {"text": description},
        "help": {"text": help_text or description},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"category": rule.category, "tags": ["hypelint", rule.category]},
    }
    # The rule's own documentation; a reference URL (another tool's page, a
    # study) stays in the help text, where it is cited as what it is.
    link = rule_url(rule.code, docs_url)
    if link:
        descriptor["helpUri"] = link
    return descriptor


def _rules(run: RunResult, findings: list[Finding]) -> list[RuleInfo]:
    """Every known rule, plus stand-ins for rules only findings mention."""
    from hypelint.model import RuleInfo

    rules = dict(run.rules)
    for finding in findings:
        if finding.rule not in rules:
            rules[finding.rule] = RuleInfo(
                code=finding.rule,
                name=finding.name,
                category=finding.category,
                severity=finding.severity,
                description=finding.name,
            )
    return [rules[code] for code in sorted(rules)]


def _fingerprint(finding: Finding, seen: Counter[str]) -> str:
    data = "\0".join((finding.rule, finding.path, finding.excerpt)).encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()[:32]
    seen[digest] += 1
    return digest if seen[digest] == 1 else f"{digest}:{seen[digest]}"


def _result(finding: Finding, rule_index: int, seen: Counter[str]) -> dict[str, Any]:
    text = with_suggestion(finding.message, finding.suggestion)
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "charOffset": finding.offset,
        "charLength": finding.end_offset - finding.offset,
        "snippet": {"text": finding.excerpt},
    }
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(finding.path),
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"hypelint/v1": _fingerprint(finding, seen)},
    }


def _notifications(run: RunResult) -> list[dict[str, Any]]:
    notes: list[dict[str, Any]] = []
    for file in sorted_files(run):
        if file.error:
            notes.append(
                {
                    "level": "error",
                    "message": {"text": f"Could not check {file.path}: {file.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": artifact_location(file.path)}}],
                }
            )
    notes += [{"level": "error", "message": {"text": error}} for error in run.errors]
    return notes


def build(run: RunResult, options: ReportOptions) -> dict[str, Any]:
    """The SARIF log as Python data."""
    findings = sorted_findings(run)
    rules = _rules(run, findings)
    index = {rule.code: i for i, rule in enumerate(rules)}
    seen: Counter[str] = Counter()
    sarif_run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "hypelint",
                "version": options.version,
                "rules": [_descriptor(rule, options.docs_url) for rule in rules],
            }
        },
        "originalUriBaseIds": {
            SRCROOT: {"description": {"text": "The directory hypelint was run from."}}
        },
        "invocations": [
            {
                # A file left unchecked fails the run (exit 2), as a run error does.
                "executionSuccessful": not run.errors and not any(file.error for file in run.files),
                "toolExecutionNotifications": _notifications(run),
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.rule], seen) for f in findings],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [sarif_run]}


def render(run: RunResult, options: ReportOptions) -> str:
    return json.dumps(build(run, options), indent=2, ensure_ascii=False) + "\n"
