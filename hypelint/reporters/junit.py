"""JUnit XML: findings as failing test cases, for Jenkins, GitLab and other CI test views.

Contract:

    <testsuites name="hypelint" tests= failures= errors=>
      <testsuite name=PATH tests= failures= errors=>
        <testcase classname="hypelint.PATH" name="CODE line:col">   (a Word draft's:
                                        "CODE paragraph 9, character 4")
          <failure type=CODE message=message>severity, category, position,
            excerpt and suggestion, one per line</failure>
        </testcase>
        ...

One testsuite per file, in path order, and one testcase per finding. A
finding at or above the file's fail level (`fail-on`) is a `<failure>`
whose message is the finding's message and suggestion as sentences; one
below it (an info note, by default) is a passing testcase that carries the
details in `<system-out>`, so the suites fail exactly when the exit code
says findings failed the run. A file with no findings gets a single passing
testcase named "hypelint"; a file that could not be checked gets a testcase
holding `<error message=...>`.
Errors of the run itself go into a last testsuite named "hypelint". The
document is built with ElementTree, so markup in messages is escaped;
characters XML 1.0 cannot carry at all (most C0 controls) are replaced with
U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from hypelint.reporters import ReportOptions, counts_paragraphs, position, sorted_files, with_suggestion

if TYPE_CHECKING:
    from hypelint.model import FileResult, Finding, RunResult

# Everything outside XML 1.0's Char production.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _details(finding: Finding) -> str:
    lines = [
        f"severity: {finding.severity}",
        f"category: {finding.category} ({finding.name})",
        f"location: {finding.path}:{finding.line}:{finding.column}"
        f"-{finding.end_line}:{finding.end_column}" + _paragraph_note(finding),
        f"excerpt: {finding.excerpt}",
    ]
    if finding.suggestion:
        lines.append(f"suggestion: {finding.suggestion}")
    return _xml_text("\n".join(lines))


def _paragraph_note(finding: Finding) -> str:
    """In a Word draft the line numbers above are paragraph numbers: say so."""
    return f" ({position(finding)})" if counts_paragraphs(finding.path) else ""


def _testcase(parent: ET.Element, classname: str, name: str) -> ET.Element:
    return ET.SubElement(parent, "testcase", classname=_xml_text(classname), name=_xml_text(name))


def _suite(file: FileResult) -> ET.Element:
    suite = ET.Element("testsuite", name=_xml_text(file.path))
    classname = f"hypelint.{file.path}"
    failures = errors = 0
    if file.error:
        case = _testcase(suite, classname, "hypelint")
        ET.SubElement(case, "error", message=_xml_text(file.error))
        errors += 1
    for finding in sorted(file.findings, key=lambda f: f.sort_key()):
        case = _testcase(suite, classname, f"{finding.rule} {position(finding)}")
        message = _xml_text(with_suggestion(finding.message, finding.suggestion))
        if file.fails(finding):
            ET.SubElement(case, "failure", type=finding.rule, message=message).text = _details(finding)
            failures += 1
        else:
            ET.SubElement(case, "system-out").text = message + "\n" + _details(finding)
    if not file.error and not file.findings:
        _testcase(suite, classname, "hypelint")
    _count(suite, len(suite), failures, errors)
    return suite


def _run_errors_suite(errors: list[str]) -> ET.Element:
    suite = ET.Element("testsuite", name="hypelint")
    for number, error in enumerate(errors, 1):
        case = _testcase(suite, "hypelint", f"run error {number}")
        ET.SubElement(case, "error", message=_xml_text(error))
    _count(suite, len(errors), 0, len(errors))
    return suite


def _count(element: ET.Element, tests: int, failures: int, errors: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", str(errors))


def render(run: RunResult, options: ReportOptions) -> str:
    root = ET.Element("testsuites", name="hypelint")
    suites = [_suite(file) for file in sorted_files(run)]
    if run.errors:
        suites.append(_run_errors_suite(run.errors))
    root.extend(suites)
    _count(
        root,
        sum(int(s.get("tests", 0)) for s in suites),
        sum(int(s.get("failures", 0)) for s in suites),
        sum(int(s.get("errors", 0)) for s in suites),
    )
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
