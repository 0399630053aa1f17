"""Inline suppression: HTML comments in a draft that silence findings.

    <!-- hypelint: disable -->            ... <!-- hypelint: enable -->
    <!-- hypelint: disable=HL101,faq -->  ... <!-- hypelint: enable=HL101,faq -->
    <!-- hypelint: disable-next-line -->
    <!-- hypelint: disable-file=promotional -->

Selectors are what `--select` takes: codes, code prefixes, rule names,
categories and pack names. `enable` with no selectors closes every open
region; `enable=X` closes the regions that named X. The same comments work
in Markdown, HTML and plain text, and are read only from real comments
(never from inside code). A directive that silences nothing is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .model import Directive, Document, Finding, Span

_DIRECTIVE = re.compile(
    r"<!--\s*hypelint\s*:\s*(disable-next-line|disable-file|disable|enable)\b\s*(?:=\s*([^>]*?))?\s*-->",
    re.I,
)


def read_directives(doc: Document) -> list[Directive]:
    found = []
    for comment in doc.comments:
        match = _DIRECTIVE.fullmatch(doc.text, comment.start, comment.end)
        if not match:
            continue
        selectors = tuple(s.strip() for s in (match.group(2) or "").split(",") if s.strip())
        # "next line" means the line after the comment's last line.
        line, _ = doc.lines.line_col(max(comment.end - 1, comment.start))
        found.append(Directive(match.group(1).lower(), selectors, comment, line))
    return found


@dataclass
class _Scope:
    directive: Directive
    spans: list[Span] = field(default_factory=list)  # where it applies; empty = whole file
    used: bool = False


def apply_suppressions(
    doc: Document,
    findings: Iterable[Finding],
    selects: Callable[[Finding, str], bool],
) -> tuple[list[Finding], list[Directive]]:
    """Findings that survive the document's directives, and the unused directives."""
    scopes = _scopes(doc)
    kept = []
    for finding in findings:
        silenced = False
        for scope in scopes:
            if _covers(scope, finding) and _selected(scope.directive, finding, selects):
                scope.used = True
                silenced = True
        if not silenced:
            kept.append(finding)
    unused = [scope.directive for scope in scopes if not scope.used]
    return kept, unused


def _covers(scope: _Scope, finding: Finding) -> bool:
    if scope.directive.action == "disable-file":
        return True
    target = Span(finding.offset, max(finding.end_offset, finding.offset + 1))
    return any(span.overlaps(target) for span in scope.spans)


def _selected(directive: Directive, finding: Finding, selects: Callable[[Finding, str], bool]) -> bool:
    return not directive.selectors or any(selects(finding, s) for s in directive.selectors)


def _scopes(doc: Document) -> list[_Scope]:
    scopes: list[_Scope] = []
    open_regions: list[_Scope] = []
    end_of_text = len(doc.text)
    for directive in doc.directives:
        action = directive.action
        if action == "disable-file":
            scopes.append(_Scope(directive))
        elif action == "disable-next-line":
            line = _next_text_line(doc, directive.line)
            span = doc.lines.line_span(line) if line else Span(end_of_text, end_of_text)
            scopes.append(_Scope(directive, [span]))
        elif action == "disable":
            scope = _Scope(directive, [Span(directive.span.end, end_of_text)])
            scopes.append(scope)
            open_regions.append(scope)
        else:  # enable
            for scope in list(open_regions):
                named = set(scope.directive.selectors)
                if not directive.selectors or (named and named <= set(directive.selectors)):
                    scope.spans = [Span(scope.spans[0].start, directive.span.start)]
                    open_regions.remove(scope)
    return scopes


def _next_text_line(doc: Document, line: int) -> int | None:
    """The first line after `line` with anything on it but white space."""
    lines = doc.lines
    for number in range(line + 1, lines.line_count + 1):
        span = lines.line_span(number)
        if doc.text[span.start : span.end].strip():
            return number
    return None
