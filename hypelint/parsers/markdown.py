"""Markdown (CommonMark + GFM tables) into prose blocks with exact offsets.

markdown-it-py gives the block structure with line maps; inline tokens carry
no positions, so each one is aligned onto the source from a cursor that only
moves forward inside its block's lines. Code (fenced, indented, inline), raw
HTML, URLs, reference definitions and front matter never become prose.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hypelint.model import Document, Link, LineIndex, Span
from hypelint.parsers.builder import BlockBuilder, align
from hypelint.parsers.frontmatter import blank_out, document_date, find_front_matter

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_NEWLINE = re.compile(r"\r\n|\r|\n")
_CONTAINERS = {
    "blockquote_open": "blockquote",
    "list_item_open": "list_item",
    "table_open": "table",
    "footnote_open": "footnote",
}
_LEAF_KIND = {"paragraph_open": "paragraph", "heading_open": "heading", "th_open": "table_cell", "td_open": "table_cell"}


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
        span, doc.meta = front
        doc.excluded.append(span)
        doc.date = document_date(doc.meta)
        work = blank_out(text, span)
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
            elif kind.endswith("_close") and kind.replace("_close", "_open") in _CONTAINERS:
                self.stack.pop()
            elif kind in _LEAF_KIND:
                self.leaf = _LEAF_KIND[kind]
                self.level = int(token.tag[1]) if kind == "heading_open" else 0
            elif kind == "inline":
                self.inline_block(token)
            elif kind in ("fence", "code_block") and token.map:
                self.doc.excluded.append(self.map_span(token.map))
            elif kind == "html_block" and token.map:
                span = self.map_span(token.map)
                self.doc.excluded.append(span)
                for comment in _COMMENT.finditer(self.src, span.start, span.end):
                    self.doc.comments.append(Span(comment.start(), comment.end()))

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
        block = builder.build(kind, region.start, region.end, self.level if kind == "heading" else 0, tuple(self.stack))
        if block:
            self.doc.blocks.append(block)

    def children(self, tokens, builder: BlockBuilder, cursor: int, limit: int) -> int:
        src, doc = self.src, self.doc
        links: list[tuple[int, str, bool]] = []  # (source start, href, autolink)
        for token in tokens:
            kind = token.type
            if kind == "text":
                cursor = align(builder, token.content, src, cursor, limit)
            elif kind in ("softbreak", "hardbreak"):
                newline = _NEWLINE.search(src, cursor, limit)
                if newline:
                    builder.add_char("\n", newline.start(), newline.end() - newline.start())
                    cursor = newline.end()
            elif kind == "code_inline":
                cursor = self.code_span(token, builder, cursor, limit)
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
