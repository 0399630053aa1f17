"""GitHub Actions format: workflow commands that become annotations on a pull request.

Contract: one line per finding,

    ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=CODE name::message

with `::warning` for warnings and `::notice` for info. The message is the
finding's message and, when there is one, its suggestion, each a sentence
("... comparison set. Suggestion: Say what it beats."). Values are escaped as the
Actions runner expects: `%`, CR and LF in the message; additionally `:` and
`,` in properties. A file that could not be checked becomes
`::error file=PATH,title=hypelint::...`, an error of the run `::error
title=hypelint::...`. Nothing else is printed: the log stays machine-read.
Paths get forward slashes and lose a leading `./`, since GitHub matches
them against repository paths.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypelint.reporters import ReportOptions, repo_path, sorted_files, sorted_findings, with_suggestion

if TYPE_CHECKING:
    from hypelint.model import Finding, RunResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (`%` first, so escapes are not re-escaped)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value, where `:` and `,` are separators."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def _annotation(finding: Finding) -> str:
    return command(
        COMMANDS.get(finding.severity, "warning"),
        with_suggestion(finding.message, finding.suggestion),
        file=repo_path(finding.path),
        line=finding.line,
        col=finding.column,
        endLine=finding.end_line,
        endColumn=finding.end_column,
        title=f"{finding.rule} {finding.name}",
    )


def render(run: RunResult, options: ReportOptions) -> str:
    lines = [_annotation(finding) for finding in sorted_findings(run)]
    lines += [
        command("error", f"Could not check this file: {file.error}", file=repo_path(file.path), title="hypelint")
        for file in sorted_files(run)
        if file.error
    ]
    lines += [command("error", error, title="hypelint") for error in run.errors]
    return "".join(line + "\n" for line in lines)
