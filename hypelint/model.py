"""The data every stage passes on: source positions, blocks, documents, findings.

Data flow: read -> parse (a Document of Blocks) -> analysis (sentences,
sections, quotes: hypelint.analysis.memo, not the Document) -> rules and
kinds (Matches) -> engine (Findings) -> filters -> report. A Document is a
plain container: parsers fill it, and nothing computed from it is kept on it
but the memo of its one `analysis` slot.

Positions are never guessed. A parser builds each Block's prose text together
with an exact map from every character of that text back to the source
offset it came from; every match a rule reports in prose coordinates is
mapped back through it. Offsets are 0-based code-point offsets into the
decoded source text (UTF-8, BOM removed, newlines kept as in the file).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Iterable

from hypelint.patterns.markup import LINE_END

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

# The closed set of categories (DESIGN.md fixes the first eight).
CATEGORIES = {
    "superlative": "Unsupported superlatives and puffery",
    "faq": "Unanswered FAQ and question headings",
    "futurism": "Speculative futurism presented as fact",
    "sourcing": "Check-worthy claims with no source",
    "anthropomorphism": "AI described with human minds or intentions",
    "weasel": "Unsupported attributions ('experts say')",
    "promotional": "Hype vocabulary and promotional framing",
    "relative-time": "Relative time that ages badly",
    "readability": "Hard-to-read sentences and paragraphs",
    "limitations": "Claims about AI without their limits, conditions or the people behind them",
    "framing": "Framing that mystifies AI or sidelines its critics and independent voices",
    "style": "Classic style checks (proselint)",
    "meta": "Findings about hypelint itself (unused suppressions)",
}


@dataclass(frozen=True, slots=True)  # slots: a long draft holds one for every link, URL and quotation
class Span:
    """A half-open range [start, end) of source offsets."""

    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


class SpanIndex:
    """Answers "does any of these spans overlap this one?" (`Span.overlaps`)
    by bisection, for callers that ask once per sentence or per finding:
    scanning every span for each question made long documents quadratic.

    The spans are sorted by start, with the furthest end reached so far; of
    the spans that start before a query ends, one reaches past its start
    exactly when the furthest of them does. Spans may overlap one another.
    """

    def __init__(self, spans: Iterable[Span] = ()):
        ordered = sorted(spans, key=lambda span: span.start)
        self._starts = [span.start for span in ordered]
        self._reach = list(itertools.accumulate((span.end for span in ordered), max))

    def overlaps(self, query: Span) -> bool:
        before = bisect.bisect_left(self._starts, query.end)  # the spans that start before the query ends
        return before > 0 and self._reach[before - 1] > query.start




class LineIndex:
    """Turns source offsets into 1-based line and column numbers.

    A line ends after "\\n", after "\\r\\n", or after a lone "\\r", so files with
    CRLF or old Mac line endings number their lines as an editor would.
    Columns count code points, 1-based.
    """

    def __init__(self, text: str):
        # One pass (searching for "\r" and "\n" separately from each line
        # rescanned an LF-only file to its end for every line).
        self.starts = [0] + [found.end() for found in LINE_END.finditer(text)]
        self.length = len(text)
        self._text = text

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_span(self, line: int) -> Span:
        """Offsets of a 1-based line, without its line ending."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else self.length
        text = self._text
        if end > start and text[end - 1] == "\n":
            end -= 1
        if end > start and text[end - 1] == "\r":
            end -= 1
        return Span(start, end)

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1

    @property
    def line_count(self) -> int:
        return len(self.starts)


@dataclass(slots=True)  # slots: a long draft holds tens of thousands
class Block:
    """One leaf block of prose: a heading, paragraph, list item's text or cell.

    `text` is what a reader sees (markup removed, link text kept, URLs gone);
    `runs` maps it to the source: each entry (text_pos, source_pos) starts a
    run of characters that are contiguous in the source. `kind` is the leaf
    kind (heading, paragraph, table_cell, caption, title); `containers` names
    what encloses it (list_item, blockquote, table, faq ...), outermost first.
    """

    kind: str
    text: str
    runs: list[tuple[int, int]]
    level: int = 0
    containers: tuple[str, ...] = ()
    # Source offsets of the block as a whole, including its markup.
    start: int = 0
    end: int = 0
    # How the draft shows the prose, for the HTML report (no rule reads these).
    # Inline markup over `text`: (start, end, name), name strong, em, del or code.
    styles: tuple[tuple[int, int, str], ...] = ()
    marker: str = ""  # the bullet ("\u2022") or number ("3.") of the list item this block opens
    row: int = 0  # a table cell's row, counted through the document from 1 (0: not a cell of a known row)
    header: bool = False  # a cell of a table's header row

    def source_offset(self, pos: int) -> int:
        """Source offset of the character at prose position `pos`."""
        if not self.runs:
            return self.start
        i = bisect.bisect_right(self.runs, (pos, float("inf"))) - 1
        if i < 0:
            i = 0
        text_pos, source_pos = self.runs[i]
        return source_pos + (pos - text_pos)

    def source_span(self, start: int, end: int) -> Span:
        """Source span of prose [start, end); end is exclusive."""
        if end <= start:
            at = self.source_offset(start)
            return Span(at, at)
        return Span(self.source_offset(start), self.source_offset(end - 1) + 1)

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"

    def within(self, container: str) -> bool:
        return container in self.containers


@dataclass
class Link:
    """A hyperlink: where its visible text is, and where it points."""

    text_span: Span
    url: str


@dataclass
class Directive:
    """An inline suppression comment: `<!-- hypelint: disable=HL101 -->`."""

    action: str  # one of suppress.VERBS: disable | enable | disable-next(-line) | disable-line | disable-file
    selectors: tuple[str, ...]  # empty means every rule
    span: Span
    line: int


@dataclass
class Document:
    """A parsed draft: its source, prose blocks and the regions never linted."""

    text: str
    path: str | None
    fmt: str  # markdown | html | text | docx
    blocks: list[Block]
    excluded: list[Span] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    # Real comments (HTML comments, or comment lines in plain text): the only
    # places suppression directives are read from.
    comments: list[Span] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    date: date | None = None
    # Rules skipped on this document (a pattern past its time budget), one line each.
    rule_errors: list[str] = field(default_factory=list)
    # What the reader should know about how the draft was read, one line each
    # (front matter too long to parse): not errors, the draft is linted.
    notes: list[str] = field(default_factory=list)
    # What the draft shows that is not prose, for the HTML report: code (kind
    # code: fenced and indented blocks, HTML pre and code), raw HTML blocks
    # (raw), comments on lines of their own (comment), front matter (front)
    # and thematic breaks (rule, empty), each mapped to the source as prose
    # is. No rule reads them.
    unlinted: list[Block] = field(default_factory=list)
    # What the analysis stage works out about the draft (sentences, sections,
    # quotations, ...): a hypelint.analysis.memo.DocumentAnalysis that
    # `analyse(doc)` makes on first use. Never set by parsers.
    analysis: object = field(default=None, init=False, repr=False, compare=False)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def _excluded_merged(self) -> tuple[list[int], list[int]]:
        """Excluded regions merged into sorted, disjoint (starts, ends)."""
        starts: list[int] = []
        ends: list[int] = []
        for region in sorted(self.excluded, key=lambda s: (s.start, s.end)):
            if starts and region.start <= ends[-1]:
                ends[-1] = max(ends[-1], region.end)
            else:
                starts.append(region.start)
                ends.append(region.end)
        return starts, ends

    def is_excluded(self, span: Span) -> bool:
        """Whether a span touches code, a URL, front matter or other non-prose."""
        starts, ends = self._excluded_merged
        i = bisect.bisect_right(starts, span.start) - 1
        if i >= 0 and span.start < ends[i]:
            return True
        j = i + 1
        return j < len(starts) and starts[j] < max(span.end, span.start + 1)

    def block_span(self, index: int) -> Span:
        """Source span of a block's prose, end to end."""
        block = self.blocks[index]
        return block.source_span(0, len(block.text))


@dataclass(frozen=True)
class Match:
    """What a rule kind reports: a source span and what to say about it."""

    span: Span
    # Values for the rule's message template, e.g. {"match": "unprecedented"}.
    values: tuple[tuple[str, str], ...] = ()
    suggestion: str | None = None
    # Literal text to put in place of the span, when the fix is that exact
    # (an editor may apply it); `suggestion` may be advice instead.
    replacement: str | None = None
    # A kind may lower or raise the rule's severity for this match.
    severity: str | None = None
    message: str | None = None  # overrides the template when set


@dataclass(frozen=True)
class Finding:
    """A problem found in a file, ready for reporters (the JSON contract)."""

    path: str
    rule: str  # code, e.g. HL101
    name: str  # dotted name, e.g. superlative.unsupported
    category: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    excerpt: str
    suggestion: str | None = None
    replacement: str | None = None  # literal text for [offset, end_offset), see Match

    def sort_key(self) -> tuple:
        return (self.path, self.offset, self.end_offset, self.rule, self.message)

    def as_dict(self) -> dict[str, Any]:
        data = {
            "path": self.path,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "end_offset": self.end_offset,
            "excerpt": self.excerpt,
        }
        if self.suggestion:
            data["suggestion"] = self.suggestion
        if self.replacement is not None:
            data["replacement"] = self.replacement
        return data


@dataclass
class FileResult:
    """Everything known about one linted file once the engine is done."""

    path: str
    findings: list[Finding]
    words: int = 0
    error: str | None = None  # set when the file could not be read or parsed
    source: str | None = None  # the decoded text, for reporters that show lines
    fmt: str | None = None  # the format it was read as: markdown, html, text or docx
    fail_on: str = "warning"  # the fail level of the config that applied
    # Document figures (word counts, grade levels): readability.document_metrics.
    metrics: dict[str, Any] = field(default_factory=dict)
    # Rules skipped on this file, one line each: the other rules' findings stand.
    rule_errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # Document.notes: shown on stderr, not errors

    def fails(self, finding: Finding) -> bool:
        """Whether a finding is at or above this file's fail level: what makes
        the exit code 1, and what JUnit counts as a failure."""
        return self.fail_on != "never" and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[self.fail_on]


@dataclass
class RuleInfo:
    """What reporters may know of a rule (never the rule object itself)."""

    code: str
    name: str
    category: str
    severity: str
    description: str
    rationale: str = ""
    reference: str = ""
    whole_piece: bool = False  # its findings are about the piece as a whole, their span only an anchor


@dataclass
class RunResult:
    """The outcome of one run: per-file results and run statistics."""

    files: list[FileResult]
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for file in self.files for f in file.findings]
