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

import itertools
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .model import Directive, Document, Finding, Span, SpanIndex

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
    """Findings that survive the document's directives, and the unused directives.

    Whether a selector names a finding depends on the finding's rule alone, so
    the directives are matched once per rule that has findings, and spans are
    compared by bisection: a draft with thousands of directives and thousands
    of findings costs about their sum, not their product.
    """
    findings = list(findings)
    scopes = _scopes(doc)
    silenced: set[int] = set()
    by_rule: dict[str, list[int]] = {}
    for index, finding in enumerate(findings):
        by_rule.setdefault(finding.rule, []).append(index)
    for members in by_rule.values():
        sample = findings[members[0]]
        chosen = [scope for scope in scopes if _selected(scope.directive, sample, selects)]
        regions = [scope for scope in chosen if scope.directive.action != "disable-file"]
        if len(regions) < len(chosen):  # a disable-file for this rule silences all its findings
            for scope in chosen:
                scope.used = scope.used or scope.directive.action == "disable-file"
            silenced.update(members)
        if not regions:
            continue
        targets = [(_target(findings[index]), index) for index in members]
        spans = [scope.spans[0] for scope in regions]
        covering = SpanIndex(spans)
        for target, index in targets:
            if covering.overlaps(target):
                silenced.add(index)
        touched = SpanIndex(target for target, _ in targets)
        for scope, span in zip(regions, spans):
            if not scope.used and touched.overlaps(span):
                scope.used = True
    kept = [finding for index, finding in enumerate(findings) if index not in silenced]
    unused = [scope.directive for scope in scopes if not scope.used]
    return kept, unused


def _target(finding: Finding) -> Span:
    """The source a finding covers; an empty one still covers its first character."""
    return Span(finding.offset, max(finding.end_offset, finding.offset + 1))


def _selected(directive: Directive, finding: Finding, selects: Callable[[Finding, str], bool]) -> bool:
    return not directive.selectors or any(selects(finding, s) for s in directive.selectors)


def _scopes(doc: Document) -> list[_Scope]:
    scopes: list[_Scope] = []
    # Open regions by the set of rules they name; an `enable` closes the
    # groups whose names it covers, so each region is closed once and no
    # `enable` scans every region still open.
    open_regions: dict[frozenset[str], list[_Scope]] = {}
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
            open_regions.setdefault(frozenset(directive.selectors), []).append(scope)
        else:  # enable
            for named in _closed_by(directive.selectors, open_regions):
                for scope in open_regions.pop(named):
                    scope.spans = [Span(scope.spans[0].start, directive.span.start)]
    return scopes


def _closed_by(selectors: tuple[str, ...], open_regions: dict[frozenset[str], list[_Scope]]) -> list[frozenset[str]]:
    """The groups of open regions an `enable` closes: all of them without
    selectors; with selectors, those that name rules and only rules it names."""
    if not selectors:
        return list(open_regions)
    enabled = frozenset(selectors)
    if len(enabled) <= 8:  # at most 255 subsets to look up, however many regions are open
        subsets = (
            frozenset(chosen)
            for size in range(1, len(enabled) + 1)
            for chosen in itertools.combinations(sorted(enabled), size)
        )
        return [named for named in subsets if named in open_regions]
    return [named for named in open_regions if named and named <= enabled]


def _next_text_line(doc: Document, line: int) -> int | None:
    """The first line after `line` with anything on it but white space."""
    lines = doc.lines
    for number in range(line + 1, lines.line_count + 1):
        span = lines.line_span(number)
        if doc.text[span.start : span.end].strip():
            return number
    return None
