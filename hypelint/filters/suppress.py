"""Inline suppression: HTML comments in a draft that silence findings.

    <!-- hypelint: disable -->            ... <!-- hypelint: enable -->
    <!-- hypelint: disable=HL101,faq -->  ... <!-- hypelint: enable=HL101,faq -->
    <!-- hypelint: disable-next=HL201 -->     the next block: paragraph, list item, heading
    A revolutionary idea. <!-- hypelint: disable-line=HL201 -->
    <!-- hypelint: disable-file=promotional -->

Selectors are what `--select` takes: codes (in any case), code prefixes,
rule names, categories and pack names. `enable` with no selectors closes
every open region; `enable=X` closes the regions that named X. Prose is
hard-wrapped, so "next" means the next block, not the next physical line
(`disable-next-line`, the name other linters use, is the same directive).
The same comments work in Markdown, HTML, plain text and Word, and are read
only from real comments (never from inside code). A comment that starts
with "hypelint" is meant as a directive: one that does not parse is
reported (HL002) rather than silently ignored, as are rules it names that
do not exist (HL003) and directives that silence nothing (HL001).
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from hypelint.model import Directive, Document, Finding, Match, Span, SpanIndex
from hypelint.patterns.markup import HTML_COMMENT

VERBS = ("disable", "enable", "disable-file", "disable-next", "disable-next-line", "disable-line")
_NEXT_BLOCK = ("disable-next", "disable-next-line")

_INTRO = re.compile(r"\s*hypelint\b", re.I)  # how a comment meant as a directive starts
_VERB = re.compile(r"\s*:\s*([a-z][\w-]*)?\s*", re.I)
_SELECTOR = re.compile(r"[\w.-]+")
_CODE = re.compile(r"hl\d*|all", re.I)  # codes and ALL are case-insensitive; names are lowercase


@dataclass(frozen=True)
class Malformed:
    """A comment meant as a directive that does not parse, and why."""

    span: Span
    text: str
    problem: str


def read_directives(doc: Document) -> list[Directive]:
    return [parsed for parsed in _parsed_comments(doc) if isinstance(parsed, Directive)]


def malformed_directives(doc: Document) -> list[Malformed]:
    return [parsed for parsed in _parsed_comments(doc) if isinstance(parsed, Malformed)]


def _parsed_comments(doc: Document) -> Iterable[Directive | Malformed]:
    for comment in doc.comments:
        inner = HTML_COMMENT.fullmatch(doc.text, comment.start, comment.end)
        if inner and _INTRO.match(inner.group(1)):
            yield _parse(doc, comment, inner.group(1))


def _parse(doc: Document, comment: Span, inner: str) -> Directive | Malformed:
    """One directive comment's inner text: `hypelint: VERB[=SELECTOR,...]`."""
    text = _clip(" ".join(inner.split()), 80)

    def bad(problem: str) -> Malformed:
        return Malformed(comment, text, problem)

    rest = inner[_INTRO.match(inner).end() :]
    verb_match = _VERB.match(rest)
    if not verb_match:
        return bad("':' missing after 'hypelint'")
    verb = (verb_match.group(1) or "").lower()
    if not verb:
        return bad("no directive after 'hypelint:'")
    if verb not in VERBS:
        close = difflib.get_close_matches(verb, VERBS, n=1)
        return bad(f"unknown directive '{_clip(verb)}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
    rest = rest[verb_match.end() :].strip()
    selectors: tuple[str, ...] = ()
    if rest:
        if not rest.startswith("="):
            return bad(f"'=' missing between '{verb}' and '{_clip(rest.split()[0])}'")
        selectors = tuple(part.strip() for part in rest[1:].split(","))
        for selector in selectors:
            if not selector:
                return bad("a rule is missing after '=' or between commas")
            if not _SELECTOR.fullmatch(selector):
                return bad(f"'{_clip(selector)}' is not a rule name; separate rules with commas")
        selectors = tuple(s.upper() if _CODE.fullmatch(s) else s for s in selectors)
    # "next" and "this line" are counted from the comment's last line.
    line, _ = doc.lines.line_col(max(comment.end - 1, comment.start))
    return Directive(verb, selectors, comment, line)


def directive_reports(
    doc: Document, unused: list[Directive], known: Callable[[str], bool]
) -> dict[str, list[Match]]:
    """What the meta rules report about the document's directives, by kind:
    comments that do not parse, rules named that do not exist, and
    directives that silence nothing. A directive naming only unknown rules
    is reported as such, not also as unused."""
    unknown_rules = []
    only_unknown: set[int] = set()
    answers: dict[str, bool] = {}  # each selector asked once, however often it is named
    for directive in doc.directives:
        named = list(dict.fromkeys(directive.selectors))
        for selector in named:
            if selector not in answers:
                answers[selector] = known(selector)
        unknown = [selector for selector in named if not answers[selector]]
        if unknown:
            # One finding per comment, however many names it gets wrong.
            values = (("directive", _shown(directive)), ("rules", _rules_named(unknown)))
            unknown_rules.append(Match(directive.span, values=values))
            if len(unknown) == len(named):
                only_unknown.add(id(directive))
    return {
        "unknown-directive": [
            Match(bad.span, values=(("directive", bad.text), ("problem", bad.problem))) for bad in malformed_directives(doc)
        ],
        "unknown-rule": unknown_rules,
        "unused-suppression": [
            Match(d.span, values=(("directive", _shown(d)),)) for d in unused if id(d) not in only_unknown
        ],
    }


def _shown(directive: Directive) -> str:
    return _clip(directive.action + ("=" + ",".join(directive.selectors) if directive.selectors else ""), 80)


def _rules_named(names: list[str]) -> str:
    """"rule 'HL999'", "rules 'HL999' and 'foo'", "rules 'a', 'b', 'c' and 9 more"."""
    quoted = [f"'{_clip(name)}'" for name in names[:3]]
    if len(names) > 3:
        return f"rules {', '.join(quoted)} and {len(names) - 3} more"
    if len(names) > 1:
        return f"rules {', '.join(quoted[:-1])} and {quoted[-1]}"
    return f"rule {quoted[0]}"


def _clip(text: str, limit: int = 40) -> str:
    """Text from a draft as a message quotes it: a hostile one may be a megabyte."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
    blocks = None  # sorted only for a draft that says "next"
    for directive in doc.directives:
        action = directive.action
        if action == "disable-file":
            scopes.append(_Scope(directive))
        elif action in _NEXT_BLOCK:
            blocks = blocks or _Blocks(doc)
            scopes.append(_Scope(directive, [blocks.after(directive.span)]))
        elif action == "disable-line":
            first, _ = doc.lines.line_col(directive.span.start)
            span = Span(doc.lines.line_span(first).start, doc.lines.line_span(directive.line).end)
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


class _Blocks:
    """The document's blocks in source order, to find the one after a comment."""

    def __init__(self, doc: Document):
        self.blocks = sorted(doc.blocks, key=lambda block: block.start)
        self.starts = [block.start for block in self.blocks]
        self.lines = doc.lines
        self.end_of_text = len(doc.text)

    def after(self, comment: Span) -> Span:
        """Where a `disable-next` comment applies: the first block that starts
        after it (with the cells beside it, when it is a table row's first), or
        the rest of the block it stands in (a comment inside an HTML or Word
        paragraph); nothing when no block follows."""
        at = bisect.bisect_left(self.starts, comment.start)
        if at > 0 and self.blocks[at - 1].end > comment.end:
            return Span(comment.end, self.blocks[at - 1].end)
        at = bisect.bisect_left(self.starts, comment.end, lo=at)
        if at == len(self.blocks):
            return Span(self.end_of_text, self.end_of_text)
        first = self.blocks[at]
        row, _ = self.lines.line_col(first.start)
        end = first.end
        for index in range(at + 1, len(self.blocks)):
            if self.lines.line_col(self.blocks[index].start)[0] != row:
                break
            end = max(end, self.blocks[index].end)
        return Span(first.start, end)
