"""Concise format: one line per finding, for editors, grep and quick CI logs.

Contract:

* Each finding is one line, `path:line:col: CODE [severity] message`, with
  the start position (1-based, code-point columns) in canonical order. In a
  Word draft, where a line is a paragraph, the position says so:
  `path: paragraph 9, character 4: CODE [severity] message`.
  Line breaks inside a message become spaces so that a line is a finding.
* A file that could not be checked adds `path: error: reason`; an error of
  the run itself adds `hypelint: error: reason`.
* With `statistics`, per-rule lines `count<TAB>CODE<TAB>name<TAB>[category]`
  (most frequent first, then by code) replace the finding lines.
* Unless `quiet`, the last line is the summary sentence:
  `Found N findings (E errors, W warnings, I info) in F files.` or
  `All clear: no findings in F files.`
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypelint.reporters import (ReportOptions, counts_paragraphs, error_reason, one_line, position,
    rule_counts, sorted_files, sorted_findings, summary_line)

if TYPE_CHECKING:
    from hypelint.model import Finding, RunResult


def render(run: RunResult, options: ReportOptions) -> str:
    findings = sorted_findings(run)
    if options.statistics:
        lines = [
            f"{count}\t{example.rule}\t{example.name}\t[{example.category}]"
            for count, example in rule_counts(findings)
        ]
    else:
        lines = [f"{_where(f)}: {f.rule} [{f.severity}] {one_line(f.message)}" for f in findings]
    # Errors are shown even when quiet: a file that was never checked must
    # not pass silently.
    lines += [f"{file.path}: error: {one_line(error_reason(file))}" for file in sorted_files(run) if file.error]
    lines += [f"hypelint: error: {one_line(error)}" for error in run.errors]
    if not options.quiet:
        lines.append(summary_line(run))
    return "".join(line + "\n" for line in lines)


def _where(finding: Finding) -> str:
    """`path:line:col`, the form editors and grep read; a Word draft's paragraph spelt out."""
    separator = ": " if counts_paragraphs(finding.path) else ":"
    return f"{finding.path}{separator}{position(finding)}"
