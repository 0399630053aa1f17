"""Word drafts (.docx) into prose blocks, read with python-docx (`hypelint[docx]`).

A Word file has no text to point into, so the parser makes one: the text of
every paragraph in reading order (body paragraphs, then the paragraphs of
each table cell where the table stands), joined by "\\n". Line N of that text
is paragraph N and column C is character C of it, which is how findings are
located and reported; reporters show the paragraph as the "source line".
Each paragraph becomes one block whose prose maps one to one onto its line.

What counts as text: the runs a reader sees, including tracked insertions
and the visible result of fields (not their codes); tabs stay tabs, and line
breaks inside a paragraph become spaces so that a paragraph stays one line.
Deleted text, moved-away text, text boxes drawn over the page and Word's
review comments (kept in a part of their own) are not prose and are left
out. Hyperlinks' text is prose, and each is recorded as a link (its URL, or
"#bookmark" for a link inside the document), so a claim followed by a link
counts as sourced.

Structure comes from paragraph styles, followed through the styles they are
based on: "Title" is the headline (level 1) and "Heading N" a heading, one
level below the title when the document has one (so levels nest as in
Markdown); an outline level set on a paragraph counts as a heading too.
Numbered or bulleted paragraphs and "List ..." styles are list items;
"Quote" styles are block quotes, "Caption" captions, table cells table
cells. A suppression comment typed into the draft as text,
`<!-- hypelint: disable-next-line=HL201 -->`, works as in the other formats
("next line" is the next paragraph with text). Before python-docx reads
the package, docx_package.py checks what it unpacks to.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from hypelint.model import Document, Link, Span
from hypelint.read.source import InputError
from hypelint.parsers.builder import BlockBuilder
from hypelint.parsers.docx_package import check_package
from hypelint.patterns.markup import HTML_COMMENT

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees of a paragraph whose text a reader does not see as prose:
# deletions and moved-away text (tracked changes), paragraph and run
# properties, text boxes and drawings (their own paragraphs float over the
# page), and the fallback copy of alternate content (a duplicate).
_SKIP = {_W + name for name in ("del", "moveFrom", "pPr", "rPr", "drawing", "pict", "object", "txbxContent")}
_SKIP.add(_MC_FALLBACK)
_BREAKS = {_W + "br", _W + "cr"}
_HEADING = re.compile(r"heading\s*([1-9])$", re.I)
_IN_MEMORY = re.compile(r"'?<_io\.BytesIO object at 0x[0-9a-fA-F]+>'?")
MISSING = "reading Word files needs python-docx: pip install 'hypelint[docx]'"


@dataclass
class _Paragraph:
    """One paragraph: its text, links, and what its style makes it."""

    text: str
    links: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, url) in `text`
    kind: str = "paragraph"
    level: int = 0  # heading level as the style gives it; 0 for the title
    containers: tuple[str, ...] = ()


def parse_docx(data: bytes, path: str | None = None) -> Document:
    """A Document from the bytes of a .docx file (not yet post-processed:
    `parsers.parse_binary` adds bare URLs and suppression directives)."""
    paragraphs = _read(data, path or "-")
    doc = Document(text="\n".join(p.text for p in paragraphs), path=path, fmt="docx", blocks=[])
    titled = any(p.kind == "title" for p in paragraphs)
    offset = 0
    for paragraph in paragraphs:
        _add_blocks(doc, paragraph, offset, titled)
        offset += len(paragraph.text) + 1
    return doc


def docx_text(data: bytes, path: str = "-") -> str:
    """The joined paragraph text of a .docx file: what its line numbers count."""
    return "\n".join(p.text for p in _read(data, path))


def _add_blocks(doc: Document, paragraph: _Paragraph, offset: int, titled: bool) -> None:
    text = paragraph.text
    for start, end, url in paragraph.links:
        doc.links.append(Link(Span(offset + start, offset + end), url))
    visible, last = [], 0
    for comment in HTML_COMMENT.finditer(text):
        span = Span(offset + comment.start(), offset + comment.end())
        doc.comments.append(span)
        doc.excluded.append(span)
        visible.append((last, comment.start()))
        last = comment.end()
    visible.append((last, len(text)))
    builder = BlockBuilder()
    for start, end in visible:
        builder.add(text[start:end], offset + start)
    kind, level = paragraph.kind, paragraph.level
    if kind == "title":
        kind, level = "heading", 1
    elif kind == "heading":
        level = min(level + 1, 6) if titled else level
    marker = "\u2022" if kind == "list_item" else ""  # for the report; Word's own numbering is not read
    block = builder.build(kind, offset, offset + len(text), level, paragraph.containers, marker)
    if block:
        doc.blocks.append(block)


# --- reading the package --------------------------------------------------------


def _read(data: bytes, name: str) -> list[_Paragraph]:
    try:
        import docx
        from docx.enum.style import WD_STYLE_TYPE
    except ImportError:
        raise InputError(f"{name}: {MISSING}") from None
    try:
        check_package(data, name)
        document = docx.Document(io.BytesIO(data))
        reader = _Reader(document, WD_STYLE_TYPE.PARAGRAPH)
        # Styles and links are looked up in the package as the body is read:
        # a damaged package (two style parts, say) shows only then.
        reader.container(document.element.body, ())
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError) as exc:
        raise InputError(f"{name}: not a Word .docx file ({_reason(exc)})") from None
    except Exception as exc:  # python-docx raises its own errors for a zip that is not a Word document
        if type(exc).__module__.startswith(("docx", "lxml")):
            raise InputError(f"{name}: not a Word .docx file ({_reason(exc)})") from None
        raise
    return reader.paragraphs


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = _IN_MEMORY.sub("it", text)  # python-docx names the file by the repr of the bytes it was given
    return text if len(text) < 120 else text[:117] + "..."


class _Line:
    """A paragraph's text as it is read: its pieces, their length so far and
    its links. The length is kept as pieces come (summing the pieces again at
    every hyperlink made a paragraph of many links quadratic)."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.links: list[tuple[int, int, str]] = []  # (start, end, url) in the paragraph's text

    def add(self, piece: str) -> None:
        self.pieces.append(piece)
        self.length += len(piece)


class _Reader:
    """Walks the document body in reading order, one _Paragraph per w:p."""

    def __init__(self, document, paragraph_type) -> None:
        self.part = document.part
        self.paragraph_type = paragraph_type
        self.paragraphs: list[_Paragraph] = []
        self._styles: dict[str | None, tuple[str, int, bool]] = {}

    def container(self, element, containers: tuple[str, ...]) -> None:
        """Paragraphs and tables directly inside a body, cell or content control."""
        for child in element:
            tag = child.tag
            if tag == _W + "p":
                self.paragraph(child, containers)
            elif tag == _W + "tbl":
                # Rows, then cells: a cell merged across columns is one w:tc
                # (read once); one merged down rows leaves empty w:tc behind.
                for row in child.iter(_W + "tr"):
                    if row.getparent() is not child:
                        continue  # a row of a table nested in a cell: read with that cell
                    for cell in row.iter(_W + "tc"):
                        if cell.getparent() is row:
                            self.container(cell, containers + ("table",))
            elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
                self.container(child, containers)

    def paragraph(self, element, containers: tuple[str, ...]) -> None:
        line = _Line()
        self._text(element, line)
        # A paragraph is one line of the joined text, whatever its runs hold.
        text = "".join(line.pieces).replace("\r", " ").replace("\n", " ")
        paragraph = _Paragraph(text, line.links, containers=containers)
        style_kind, level, listed = self._style(_style_id(element))
        properties = element.find(_W + "pPr")
        outline = properties.find(_W + "outlineLvl") if properties is not None else None
        if style_kind in ("title", "heading"):
            paragraph.kind, paragraph.level = style_kind, level
        elif outline is not None and (outline.get(_W + "val") or "9").isdigit() and int(outline.get(_W + "val")) < 9:
            paragraph.kind, paragraph.level = "heading", int(outline.get(_W + "val")) + 1
        elif "table" in containers:
            paragraph.kind = "table_cell"
        elif listed or _numbered(properties):
            paragraph.kind, paragraph.containers = "list_item", containers + ("list_item",)
        elif style_kind in ("blockquote",):
            paragraph.containers = containers + ("blockquote",)
        elif style_kind == "caption":
            paragraph.kind = "caption"
        self.paragraphs.append(paragraph)

    def _text(self, element, line: _Line) -> None:
        """The visible text under `element`, in document order."""
        for child in element:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):  # comments and processing instructions have no str tag
                continue
            if tag == _W + "t":
                line.add(child.text or "")
            elif tag == _W + "tab":
                line.add("\t")
            elif tag in _BREAKS:
                line.add(" ")
            elif tag == _W + "noBreakHyphen":
                line.add("\u2011")
            elif tag == _W + "hyperlink":
                start = line.length
                self._text(child, line)
                url = self._target(child)
                if url and line.length > start:
                    line.links.append((start, line.length, url))
            else:  # runs, fields, smart tags, insertions, moved-here text
                self._text(child, line)

    def _target(self, hyperlink) -> str | None:
        rid = hyperlink.get(_R_ID)
        if rid:
            rel = self.part.rels.get(rid)
            return rel.target_ref if rel is not None else None
        anchor = hyperlink.get(_W + "anchor")
        return "#" + anchor if anchor else None

    def _style(self, style_id: str | None) -> tuple[str, int, bool]:
        """(kind by style, heading level, numbered) for a paragraph style,
        following the styles it is based on."""
        if style_id not in self._styles:
            kind, level, listed = "", 0, False
            style = self.part.get_style(style_id, self.paragraph_type)
            for _ in range(16):  # based-on chains are short; a loop in a broken file must end
                if style is None:
                    break
                name = (style.name or "").strip().lower()
                heading = _HEADING.match(name)
                if name == "title":
                    kind = kind or "title"
                elif heading:
                    kind, level = kind or "heading", level or int(heading.group(1))
                elif name.startswith("list "):  # List Paragraph, List Bullet, List Number 2 ...
                    listed = True
                elif "quote" in name:
                    kind = kind or "blockquote"
                elif name == "caption":
                    kind = kind or "caption"
                properties = style.element.pPr
                if properties is not None and properties.numPr is not None:
                    listed = True
                style = getattr(style, "base_style", None)
            self._styles[style_id] = (kind, level, listed)
        return self._styles[style_id]


def _style_id(paragraph) -> str | None:
    properties = paragraph.find(_W + "pPr")
    style = properties.find(_W + "pStyle") if properties is not None else None
    return style.get(_W + "val") if style is not None else None


def _numbered(properties) -> bool:
    """Whether paragraph properties give it a bullet or number (numId 0 takes
    away the numbering its style would give)."""
    numbering = properties.find(_W + "numPr") if properties is not None else None
    if numbering is None:
        return False
    number = numbering.find(_W + "numId")
    return number is None or number.get(_W + "val") != "0"
