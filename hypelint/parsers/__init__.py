"""Parsing: source text of any supported format into a Document.

Each format has its own module; what holds for all of them (bare URLs are
never prose, suppression comments are read) is done once here, and so is
reading a linted file again as the linter read it (`parse_again`, for the
reports that show the draft).
"""

from __future__ import annotations

import bisect
import re

from hypelint.model import Document, FileResult, Link, Span, SpanIndex
from hypelint.filters.suppress import read_directives
from hypelint.read.source import InputError, format_for, read_bytes

URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"'\]\[(){}]*[^\s<>\"'\]\[(){}.,;:!?]", re.I)
# The local part is at most 64 characters (RFC 5321). Unbounded, each start
# in a long run of word characters and dots ("1.1.1.1...") read the run to
# its end looking for an "@": quadratic in the run.
EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]+\.[\w.-]*\w\b")


def parse(text: str, fmt: str, path: str | None = None) -> Document:
    """Parse a draft; `fmt` is markdown, html or text."""
    if text.startswith("\ufeff"):
        raise ValueError("text must be decoded with its BOM removed")
    if fmt == "markdown":
        from hypelint.parsers.markdown import parse_markdown as parser
    elif fmt == "html":
        from hypelint.parsers.html import parse_html as parser
    elif fmt == "text":
        from hypelint.parsers.text import parse_text as parser
    else:
        raise ValueError(f"unknown format {fmt!r}; expected markdown, html or text")
    return _finish(parser(text, path))


def parse_binary(data: bytes, fmt: str, path: str | None = None) -> Document:
    """Parse a draft stored in a binary format: `docx` (Word, via python-docx).

    Its Document's text is made by the parser (for Word, the paragraphs
    joined by newlines), and all positions point into that text.
    """
    if fmt != "docx":
        raise ValueError(f"unknown binary format {fmt!r}; expected docx")
    from hypelint.parsers.docx import parse_docx

    return _finish(parse_docx(data, path))


def parse_again(result: FileResult) -> Document:
    """The Document a linted file was read into, parsed again from the text
    its FileResult keeps with the format the linter read it as (a result
    without one: by the file's suffix, plain text without one; stdin, "-",
    as Markdown). Parsing is deterministic, so this is what the rules saw.
    A Word draft is read again from disk; when it cannot be, or no longer
    holds that text, its paragraphs (one a line) are read as plain text."""
    path, source = result.path, result.source or ""
    fmt = result.fmt or format_for(path, "markdown" if path == "-" else "text")
    if fmt == "docx":
        try:
            doc = parse_binary(read_bytes(path), fmt, path)
        except (InputError, OSError):
            doc = None
        return doc if doc is not None and doc.text == source else parse(source, "text", path)
    return parse(source, fmt, path)


def _finish(doc: Document) -> Document:
    _exclude_addresses(doc)
    doc.directives = read_directives(doc)
    return doc


def _exclude_addresses(doc: Document) -> None:
    """Bare URLs and e-mail addresses in prose are never linted; a bare URL
    is a link all the same (a citation, when it follows a claim)."""
    marked = SpanIndex(link.text_span for link in doc.links)  # the parser's links
    bare: list[Span] = []  # bare URLs taken as links so far: disjoint, kept sorted
    for block in doc.blocks:
        text = block.text
        lower = text.lower()
        # Substring tests first: every address holds one, and most blocks none.
        for pattern, marks in ((URL, ("://", "www.")), (EMAIL, ("@",))):
            if not any(mark in lower for mark in marks):
                continue
            for found in pattern.finditer(text):
                span = block.source_span(found.start(), found.end())
                doc.excluded.append(span)
                if pattern is URL and not marked.overlaps(span) and not _overlaps_sorted(bare, span):
                    bisect.insort(bare, span, key=lambda s: s.start)
                    doc.links.append(Link(span, found.group()))


def _overlaps_sorted(spans: list[Span], span: Span) -> bool:
    """Whether a span overlaps one of disjoint spans sorted by start: only the
    last one starting before it ends can."""
    at = bisect.bisect_left(spans, span.end, key=lambda s: s.start) - 1
    return at >= 0 and spans[at].end > span.start
