"""Plain-text drafts into prose blocks: paragraphs, bare title lines, lists.

Plain drafts carry no markup, so structure is read the way an editor reads
it. A group of lines between blank lines is either one hard-wrapped
paragraph, or (when its lines are long or each ends a sentence) one block per
line. A short line with no closing period that starts with a capital is a
bare heading; question lines after a bare "FAQ" line are its sub-headings, so
an FAQ of bare questions has the same shape as a Markdown one.
"""

from __future__ import annotations

import bisect
import re

from hypelint.model import Document, LineIndex, Span
from hypelint.parsers.builder import BlockBuilder, verbatim_block
from hypelint.parsers.frontmatter import document_date, find_front_matter
from hypelint.patterns.markup import HTML_COMMENT

_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•–]|\d{1,3}[.)])[ \t]+(?=\S)")
_LONE_MARKER = re.compile(r"[ \t]*(?:[-*•–]|\d{1,3}[.)])[ \t]*$")
_FAQ_TITLE = re.compile(r"(?i)^(?:faqs?|frequently asked questions|questions and answers|q ?& ?a)\s*:?$")
# A line ending in one of these words was wrapped mid-sentence, not a title.
_CONNECTORS = set(
    "a an and as at but by for from in into its of on or so than that the their this to with was were is are be "
    "which who whose while has have had not".split()
)
_SMALL_WORDS = set("a an and as at but by for from in into of on or the to vs via with".split())
_LONG_LINE = 160


def parse_text(text: str, path: str | None = None) -> Document:
    doc = Document(text=text, path=path, fmt="text", blocks=[])
    start = 0
    front = find_front_matter(text)
    if front:
        span, doc.meta, note = front
        doc.notes.extend([note] if note else [])
        doc.excluded.append(span)
        doc.date = document_date(doc.meta)
        start = span.end
        front_matter = verbatim_block("front", text, span.start, span.end)
        doc.unlinted.extend([front_matter] if front_matter else [])
    for comment in HTML_COMMENT.finditer(text, start):
        span = Span(comment.start(), comment.end())
        doc.comments.append(span)
        doc.excluded.append(span)
    _Reader(doc, start).read()
    _comments_alone(doc)
    return doc


def _comments_alone(doc: Document) -> None:
    """Comments outside every block, for the report to show on lines of their own."""
    ends = [block.end for block in doc.blocks]  # blocks come in order and do not overlap
    for comment in doc.comments:
        at = bisect.bisect_right(ends, comment.start)
        if at == len(doc.blocks) or doc.blocks[at].start >= comment.end:
            doc.unlinted.append(verbatim_block("comment", doc.text, comment.start, comment.end))


class _Reader:
    def __init__(self, doc: Document, start: int):
        self.doc = doc
        self.text = doc.text
        self.start = start
        self.in_faq = False
        self.seen_prose = False
        # Comments are in order and disjoint: a line finds its own by
        # bisection (looping over every comment for every line was quadratic).
        self.comment_ends = [comment.end for comment in doc.comments]

    def visible(self, span: Span) -> list[tuple[int, int]]:
        """Pieces of a line that are not inside a comment."""
        pieces, pos = [], span.start
        comments = self.doc.comments
        for index in range(bisect.bisect_right(self.comment_ends, pos), len(comments)):
            comment = comments[index]
            if comment.start >= span.end:
                break
            if comment.start > pos:
                pieces.append((pos, comment.start))
            pos = max(pos, comment.end)
        if pos < span.end:
            pieces.append((pos, span.end))
        return pieces

    def line_text(self, span: Span) -> str:
        return "".join(self.text[a:b] for a, b in self.visible(span)).strip()

    def read(self) -> None:
        lines = LineIndex(self.text)
        chunk: list[Span] = []
        for number in range(1, lines.line_count + 1):
            span = lines.line_span(number)
            if span.end <= self.start:
                continue
            span = Span(max(span.start, self.start), span.end)
            content = self.text[span.start : span.end].rstrip("\r\n")
            span = Span(span.start, span.start + len(content))
            if self.line_text(span):
                chunk.append(span)
            elif chunk:
                self.read_chunk(chunk)
                chunk = []
        if chunk:
            self.read_chunk(chunk)

    def read_chunk(self, chunk: list[Span]) -> None:
        texts = [self.line_text(span) for span in chunk]
        per_line = any(len(t) > _LONG_LINE for t in texts) or (
            sum(
                1
                for i, t in enumerate(texts)
                if t[-1] in '.?!:"”)' or _LIST_ITEM.match(t) or (_heading_like(t) and not _runs_on(texts, i))
            )
            >= 0.8 * len(texts)
        )
        current: list[Span] = []
        current_kind = ""
        lone_marker = False
        bullet = ""  # the list item's marker as the report shows it

        def flush() -> None:
            nonlocal current
            if current:
                self.emit(current_kind, current, marker=bullet if current_kind == "list_item" else "")
            current = []

        for index, (span, line) in enumerate(zip(chunk, texts)):
            raw = self.text[span.start : span.end]
            if _LONE_MARKER.match(raw):
                flush()
                current_kind, lone_marker, bullet = "list_item", True, _bullet(raw)
                continue
            marker = _LIST_ITEM.match(raw)
            if marker:
                flush()
                current_kind, lone_marker, bullet = "list_item", False, _bullet(marker.group())
                current = [Span(span.start + marker.end(), span.end)]
                continue
            if self.is_heading(line, index, texts, per_line):
                flush()
                self.emit_heading(span, line)
                continue
            indented = raw[:1] in (" ", "\t")
            # An item opened by a marker on a line of its own runs on until a
            # line ends a sentence ("-" / "Talent pool:" / "China has ...").
            open_item = lone_marker and not (current and texts[index - 1][-1] in ".!?")
            if current_kind == "list_item" and (open_item or indented or (current and not per_line)):
                current.append(span)
                continue
            if current and current_kind == "paragraph" and not per_line:
                current.append(span)
                continue
            flush()
            current_kind, lone_marker = "paragraph", False
            current = [span]
        flush()

    def is_heading(self, line: str, index: int, texts: list[str], per_line: bool) -> bool:
        first = index == 0 and not self.doc.blocks
        if not _heading_like(line, first and _title_case(line)):
            return False
        if per_line and not _runs_on(texts, index):
            return True
        # Inside a hard-wrapped paragraph only its first line can be a title,
        # and only when it reads as one.
        if index != 0:
            return False
        return len(texts) == 1 or line.endswith("?") or _title_case(line)

    def emit_heading(self, span: Span, line: str) -> None:
        question = line.endswith("?")
        if _FAQ_TITLE.match(line):
            level, self.in_faq = 2, True
        elif question and self.in_faq:
            level = 3
        elif not self.seen_prose and not self.doc.blocks:
            level = 1
        else:
            level, self.in_faq = 2, self.in_faq and question
        self.emit("heading", [span], level)

    def emit(self, kind: str, spans: list[Span], level: int = 0, marker: str = "") -> None:
        builder = BlockBuilder()
        for number, span in enumerate(spans):
            if number:
                builder.add("\n", spans[number - 1].end)
            for a, b in self.visible(span):
                builder.add(self.text[a:b], a)
        containers = ("list_item",) if kind == "list_item" else ()
        block = builder.build(kind, spans[0].start, spans[-1].end, level, containers, marker)
        if block:
            self.doc.blocks.append(block)
            if kind != "heading":
                self.seen_prose = True


# A line opening with a quotation mark is a quoted title ("“Free Will?”")
# unless it is dialogue: a quotation closing on punctuation or followed by
# its speaker ("“Done,” said ...", "“That was fun”, said ..."), or holding
# more than one sentence ("“I agree. See you!”").
_DIALOGUE = re.compile(r"[.!,;][\"”’]|[\"”’][,;]|[a-z][.!?][\"”’)]*\s+[\"“‘(]?[A-Z]")
_QUOTE_MARKS = "\"'“‘"


def _bullet(marker: str) -> str:
    """A list marker as shown: its number ("3."), or a bullet."""
    marker = marker.strip()
    return marker if marker[:1].isdigit() else "\u2022"


def _heading_like(line: str, first: bool = False) -> bool:
    """Whether a line reads as a bare heading: short, capitalised, no final
    stop, one phrase. The first line of a draft, its title, may run longer."""
    words = line.split()
    if not words or len(words) > (24 if first else 16) or len(line) > (160 if first else 120):
        return False
    if line[-1] in ".,;:!" or _LIST_ITEM.match(line):
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in _QUOTE_MARKS):
        return False
    if line[0] in _QUOTE_MARKS and _DIALOGUE.search(line):
        return False
    return words[-1].lower() not in _CONNECTORS


def _runs_on(texts: list[str], index: int) -> bool:
    """Whether the next line continues this line's sentence (starts lower-case):
    then this line was wrapped, and is not a title."""
    return index + 1 < len(texts) and texts[index + 1][:1].islower()


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if w.lower() not in _SMALL_WORDS]
    if not words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.6 * len(words)
