"""The engine: selected rules over a parsed document, to sorted Findings.

For each document: run every selected rule's kind, drop matches that touch
excluded regions (code, URLs, front matter) or accepted vocabulary, stamp
code, name, category, severity and message, apply inline suppressions and
per-file ignores, report suppression comments that are unused, misspelt or
name no rule, then dedupe and sort.
"""

from __future__ import annotations

from typing import Callable

import regex

from hypelint.analysis.topics import on_topic
from hypelint.patterns.guard import Allowance, PatternTimeout, budget
from hypelint.kinds import kind_module
from hypelint.model import Document, Finding, Match, Span, SpanIndex
from hypelint.rules.loader import Rule, known_selector, specificity
from hypelint.filters.suppress import apply_suppressions, directive_reports

# Kinds whose findings are about the suppression comments themselves: the
# engine reports them once every other rule's findings have been suppressed.
SUPPRESSION_KINDS = ("unused-suppression", "unknown-directive", "unknown-rule")
_EXCERPT_LIMIT = 160


class _Template(dict):
    """Message values; an unknown {name} stays as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def lint_document(
    doc: Document,
    rules: list[Rule],
    accept: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    known: Callable[[str], bool] | None = None,
) -> list[Finding]:
    """Findings for one document from the given (already selected) rules.

    `ignore` holds selectors that apply to this file only (per-file-ignores).
    `known` says whether a selector names any rule there is, selected or not
    (what a suppression comment may name); by default, any of `rules`.
    A rule whose patterns run past its time budget on this document (all its
    searches together, guard.py) is skipped for the rest of it, with one line
    in `doc.rule_errors`; the others still run.
    """
    by_code = {rule.code: rule for rule in rules}
    accepted = SpanIndex(_accepted_spans(doc, accept))
    budgets = _Budgets(doc)
    findings: list[Finding] = []
    for rule in rules:
        if rule.kind in SUPPRESSION_KINDS or not _on_topic(doc, rule):
            continue
        for match in budgets.run(rule, kind_module(rule.kind).check, doc, rule):
            if doc.is_excluded(match.span) or accepted.overlaps(match.span):
                continue
            findings.append(make_finding(doc, rule, match))
    for rule in rules:
        after = getattr(kind_module(rule.kind), "check_findings", None)
        if after and _on_topic(doc, rule):
            findings.extend(make_finding(doc, rule, match) for match in budgets.run(rule, after, doc, rule, findings))
    findings = budgets.without_skipped(findings)

    def selects(finding: Finding, selector: str) -> bool:
        rule = by_code.get(finding.rule)
        return bool(rule and specificity(rule, selector))

    findings, unused = apply_suppressions(doc, findings, selects)
    if ignore:
        findings = [f for f in findings if not any(selects(f, s) for s in ignore)]
    meta = [rule for rule in rules if rule.kind in SUPPRESSION_KINDS]
    if meta:
        reports = directive_reports(doc, unused, known or (lambda selector: known_selector(selector, rules)))
        findings.extend(make_finding(doc, rule, match) for rule in meta for match in reports[rule.kind])
    return _one_per_problem(sorted(set(findings), key=Finding.sort_key))


# Categories whose overlapping findings are separate problems: readability
# scores nested units (a paragraph and a sentence in it); style checks are
# independent (a misspelling inside a clichéd phrase is still a misspelling).
_INDEPENDENT = ("meta", "readability", "style")


class _Budgets:
    """Each rule's time budget on one document (guard.py): the time its
    patterns take, in all its searches together, is charged to it."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.allowances: dict[str, Allowance] = {}
        self.skipped: set[str] = set()

    def run(self, rule: Rule, check, *args) -> list[Match]:
        """All of a rule's matches, or none once its patterns have run past its
        budget: the rule is then skipped for the rest of the document (a rule
        half run would report some of its findings as if they were all) and
        reported once, in `doc.rule_errors`."""
        if rule.code in self.skipped:
            return []
        allowance = self.allowances.setdefault(rule.code, Allowance(budget(len(self.doc.text))))
        try:
            with allowance:
                return list(check(*args))
        except PatternTimeout:
            self.skipped.add(rule.code)
            self.doc.rule_errors.append(
                f"rule {rule.code} ({rule.path}): pattern timed out on {self.doc.path or '-'}; rule skipped"
            )
            return []

    def without_skipped(self, findings: list[Finding]) -> list[Finding]:
        """The findings of the rules not skipped (one may have run its `check`
        in full before its `check_findings` ran out of time)."""
        return [f for f in findings if f.rule not in self.skipped] if self.skipped else findings


def _one_per_problem(findings: list[Finding]) -> list[Finding]:
    """Where two rules of one category flag overlapping words ("thinks for
    itself" is a mind, sentience and autonomy at once), an editor needs one
    finding, not three: keep the first."""
    kept: list[Finding] = []
    last_end: dict[tuple[str, str], int] = {}
    for finding in findings:
        key = (finding.path, finding.category)
        # Readability scores nested units: a hard paragraph and the hard
        # sentence inside it are two findings at two scales, not one twice.
        if finding.category not in _INDEPENDENT and last_end.get(key, -1) > finding.offset:
            continue
        kept.append(finding)
        last_end[key] = max(last_end.get(key, -1), finding.end_offset)
    return kept


def _on_topic(doc: Document, rule: Rule) -> bool:
    """Whether a rule limited to a topic (`topic: ai`) runs on this piece."""
    return rule.topic is None or on_topic(doc, rule.topic)


def make_finding(doc: Document, rule: Rule, match: Match) -> Finding:
    span = match.span
    line, column = doc.lines.line_col(span.start)
    end_line, end_column = doc.lines.line_col(span.end)
    excerpt = " ".join(doc.text[span.start : span.end].split())
    if len(excerpt) > _EXCERPT_LIMIT:
        excerpt = excerpt[: _EXCERPT_LIMIT - 1] + "…"
    values = _Template(match.values)
    values.setdefault("match", excerpt)
    message = match.message or rule.message.format_map(values)
    suggestion = match.suggestion or (rule.suggestion.format_map(values) if rule.suggestion else None)
    return Finding(
        path=doc.path or "-",
        rule=rule.code,
        name=rule.name,
        category=rule.category,
        severity=match.severity or rule.severity,
        message=message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        offset=span.start,
        end_offset=span.end,
        excerpt=excerpt,
        suggestion=suggestion,
        replacement=match.replacement,
    )


def _accepted_spans(doc: Document, accept: tuple[str, ...]) -> list[Span]:
    """Where the accepted vocabulary (names never flagged) occurs in the prose."""
    if not accept:
        return []
    pattern = regex.compile(
        r"(?<!\w)(?:" + "|".join(regex.escape(term) for term in sorted(accept, key=len, reverse=True)) + r")(?!\w)"
    )
    spans = []
    for block in doc.blocks:
        for found in pattern.finditer(block.text):
            spans.append(block.source_span(found.start(), found.end()))
    return spans
