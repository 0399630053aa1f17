"""Markdown (CommonMark + GFM tables) into prose blocks with exact offsets.

markdown-it-py gives the block structure with line maps; inline tokens carry
no positions, so each one is aligned onto the source from a cursor that only
moves forward inside its block's lines. Code (fenced, indented, inline), raw
HTML, URLs, reference definitions and front matter never become prose.
"""

from __future__ import annotations

from functools import lru_cache

from hypelint.model import Block, Document, Link, LineIndex, Span
from hypelint.parsers.builder import BlockBuilder, align, verbatim_block
from hypelint.parsers.frontmatter import blank_out, document_date, find_front_matter
from hypelint.patterns.markup import HTML_COMMENT, LINE_END

_CONTAINERS = {
    "blockquote_open": "blockquote",
    "list_item_open": "list_item",
    "table_open": "table",
    "footnote_open": "footnote",
}
_LEAF_KIND = {"paragraph_open": "paragraph", "heading_open": "heading", "th_open": "table_cell", "td_open": "table_cell"}
_STYLES = {"strong_open": "strong", "em_open": "em", "s_open": "del"}
_STYLE_CLOSE = {"strong_close": "strong", "em_close": "em", "s_close": "del"}


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)


def parse_markdown(text: str, path: str | None = None) -> Document:
    doc = Document(text=text, path=path, fmt="markdown", blocks=[])
    work = text
    front = find_front_matter(text)
    if front:
        span, doc.meta, note = front
        doc.notes.extend([note] if note else [])
        doc.excluded.append(span)
        doc.date = document_date(doc.meta)
        work = blank_out(text, span)
        _add(doc.unlinted, verbatim_block("front", text, span.start, span.end))
    _Walker(doc, work).walk(_parser().parse(work))
    return doc


class _Walker:
    """Walks markdown-it's token stream once, building blocks in source order."""

    def __init__(self, doc: Document, work: str):
        self.doc = doc
        self.src = work
        self.lines = LineIndex(work)
        self.cursor = 0  # never moves backwards: blocks come in source order
        self.stack: list[str] = []
        self.leaf: str | None = None
        self.level = 0
        # For the report: the marker of the list item whose first block is
        # still to come, the table row and whether it is the header's.
        self.marker = ""
        self.row = 0
        self.header = False

    def line_start(self, line: int) -> int:
        starts = self.lines.starts
        return starts[line] if line < len(starts) else len(self.src)

    def map_span(self, token_map) -> Span:
        return Span(self.line_start(token_map[0]), self.line_start(token_map[1]))

    def walk(self, tokens) -> None:
        for token in tokens:
            kind = token.type
            if kind in _CONTAINERS:
                self.stack.append(_CONTAINERS[kind])
                if kind == "list_item_open":
                    self.marker = f"{token.info}{token.markup}" if token.info else "\u2022"
            elif kind.endswith("_close") and kind.replace("_close", "_open") in _CONTAINERS:
                self.stack.pop()
                self.marker = ""  # an item without prose leaves no marker for what follows
            elif kind in _LEAF_KIND:
                self.leaf = _LEAF_KIND[kind]
                self.level = int(token.tag[1]) if kind == "heading_open" else 0
            elif kind == "inline":
                self.inline_block(token)
            elif kind in ("fence", "code_block") and token.map:
                self.doc.excluded.append(self.map_span(token.map))
                self.code(token)
            elif kind == "html_block" and token.map:
                span = self.map_span(token.map)
                self.doc.excluded.append(span)
                comments = [Span(c.start(), c.end()) for c in HTML_COMMENT.finditer(self.src, span.start, span.end)]
                self.doc.comments.extend(comments)
                self.raw_html(span, comments)
            elif kind == "hr" and token.map:
                at = self.line_start(token.map[0])
                self.doc.unlinted.append(Block("rule", "", [], start=at, end=at))
            elif kind == "tr_open":
                self.row += 1
            elif kind in ("thead_open", "thead_close"):
                self.header = kind == "thead_open"

    def inline_block(self, token) -> None:
        if not token.map:
            return
        region = self.map_span(token.map)
        cursor = max(region.start, self.cursor)
        if self.cursor >= region.end:
            # Only a block the parser moved out of source order lies wholly
            # behind the cursor: footnote definitions come after everything
            # else in the token stream. Align it from its own first line.
            cursor = region.start
        kind = self.leaf or "paragraph"
        if kind == "paragraph" and self.stack and self.stack[-1] == "list_item":
            kind = "list_item"
        builder = BlockBuilder()
        cursor = self.children(token.children or [], builder, cursor, region.end)
        self.cursor = cursor
        level = self.level if kind == "heading" else 0
        block = builder.build(kind, region.start, region.end, level, tuple(self.stack), self.marker)
        if block:
            self.marker = ""
            if kind == "table_cell":
                block.row, block.header = self.row, self.header
            self.doc.blocks.append(block)

    def code(self, token) -> None:
        """A code block, for the report: its content mapped onto its lines (after the opening fence)."""
        first, last = token.map
        start, end = self.line_start(first), self.line_start(last)
        builder = BlockBuilder()
        align(builder, token.content, self.src, self.line_start(first + 1 if token.type == "fence" else first), end)
        self.doc.unlinted.append(builder.verbatim("code", start, end) or Block("code", "", [], start=start, end=end))

    def raw_html(self, span: Span, comments: list[Span]) -> None:
        """Raw HTML, for the report: shown as written (a comment alone on its lines is a comment)."""
        written = self.src[span.start : span.end].strip()
        alone = len(comments) == 1 and written == self.src[comments[0].start : comments[0].end]
        _add(self.doc.unlinted, verbatim_block("comment" if alone else "raw", self.src, span.start, span.end))

    def children(self, tokens, builder: BlockBuilder, cursor: int, limit: int) -> int:
        src, doc = self.src, self.doc
        links: list[tuple[int, str, bool]] = []  # (source start, href, autolink)
        styles: list[int] = []  # where the emphasis open here started in the prose
        for token in tokens:
            kind = token.type
            if kind in _STYLES:
                styles.append(builder.length)
            elif kind in _STYLE_CLOSE and styles:
                builder.style(styles.pop(), _STYLE_CLOSE[kind])
            elif kind == "text":
                cursor = align(builder, token.content, src, cursor, limit)
            elif kind in ("softbreak", "hardbreak"):
                newline = LINE_END.search(src, cursor, limit)
                if newline:
                    builder.add_char("\n", newline.start(), newline.end() - newline.start())
                    cursor = newline.end()
            elif kind == "code_inline":
                start = builder.length
                cursor = self.code_span(token, builder, cursor, limit)
                builder.style(start, "code")
            elif kind == "html_inline":
                at = src.find(token.content, cursor, limit)
                if at >= 0:
                    span = Span(at, at + len(token.content))
                    doc.excluded.append(span)
                    if token.content.startswith("<!--"):
                        doc.comments.append(span)
                    cursor = span.end
            elif kind == "link_open":
                autolink = token.markup == "autolink"
                opener = src.find("<" if autolink else "[", cursor, limit)
                if opener >= 0:
                    cursor = opener + 1
                links.append((opener if autolink else cursor, str(token.attrs.get("href", "")), autolink))
            elif kind == "link_close" and links:
                start, href, autolink = links.pop()
                doc.links.append(Link(Span(max(start, 0), cursor), href))
                if autolink:
                    closer = src.find(">", cursor, limit)
                    cursor = closer + 1 if closer >= 0 else cursor
                    doc.excluded.append(Span(max(start, 0), cursor))
                else:
                    cursor = _skip_link_tail(src, cursor, limit)
            elif kind == "image":
                opener = src.find("![", cursor, limit)
                if opener >= 0:
                    cursor = opener + 2
                cursor = self.children(token.children or [], builder, cursor, limit)
                cursor = _skip_link_tail(src, cursor, limit)
                if opener >= 0:  # an image is a link to its file, alt text and all
                    doc.links.append(Link(Span(opener, cursor), "image:" + str(token.attrs.get("src", ""))))
            elif kind == "footnote_ref":
                opener = src.find("[^", cursor, limit)
                closer = src.find("]", opener, limit) if opener >= 0 else -1
                if closer >= 0:
                    span = Span(opener, closer + 1)
                    doc.links.append(Link(span, "footnote:" + str(token.meta.get("label", ""))))
                    doc.excluded.append(span)
                    cursor = span.end
        return cursor

    def code_span(self, token, builder: BlockBuilder, cursor: int, limit: int) -> int:
        src = self.src
        tick = src.find(token.markup, cursor, limit)
        if tick < 0:
            return cursor
        inner = tick + len(token.markup)
        closer = src.find(token.markup, inner + max(len(token.content.strip()), 0), limit)
        end = closer + len(token.markup) if closer >= 0 else limit
        # The code stays in the prose so sentences read naturally, but the
        # region is excluded: no finding may touch it.
        align(builder, token.content, src, inner, end)
        self.doc.excluded.append(Span(tick, end))
        return end


def _skip_link_tail(src: str, cursor: int, limit: int) -> int:
    """Move past `](url "title")`, `][ref]` or `]` after a link's text."""
    close = src.find("]", cursor, limit)
    if close < 0:
        return cursor
    pos = close + 1
    if pos < limit and src[pos] == "(":
        depth = 0
        while pos < limit:
            char = src[pos]
            if char == "\\":
                pos += 2
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    return pos + 1
            pos += 1
        return limit
    if pos < limit and src[pos] == "[":
        end = src.find("]", pos, limit)
        return end + 1 if end >= 0 else pos
    return pos


def _add(blocks: list[Block], block: Block | None) -> None:
    if block is not None:
        blocks.append(block)
