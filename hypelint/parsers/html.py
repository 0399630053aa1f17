"""HTML drafts into prose blocks, with positions pointing into the HTML source.

Uses the standard library's tolerant parser: it reports where each piece of
text starts, so no position is ever searched for. Text in script, style, pre,
code, template, svg and math, and every attribute, is never prose. Block
elements (p, li, h1-h6, td, blockquote, figcaption, title ...) end one block
and start the next; inline elements (a, em, span ...) continue it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..model import Document, Link, Span
from .builder import _ENTITY, BlockBuilder
from .frontmatter import parse_date

_SKIPPED = {"script", "style", "pre", "code", "template", "svg", "math", "textarea", "noscript", "kbd", "samp"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_LEAF_KIND = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "p": "paragraph",
    "li": "list_item",
    "td": "table_cell",
    "th": "table_cell",
    "figcaption": "caption",
    "caption": "caption",
    "title": "title",
    "dt": "paragraph",
    "dd": "paragraph",
    "blockquote": "paragraph",
    "summary": "heading",
}
# Page furniture (footer, nav, aside) is kept as a container so rules can
# tell it from the article: a copyright line is nobody's answer to an FAQ.
_CONTAINER = {"li": "list_item", "blockquote": "blockquote", "table": "table", "footer": "footer", "nav": "nav",
              "aside": "aside"}  # fmt: skip
_BLOCK = set(_LEAF_KIND) | set(_CONTAINER) | {
    "html", "body", "head", "div", "section", "article", "main", "header", "footer", "aside", "nav",
    "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "figure", "form", "details", "address",
    "fieldset", "hr", "br",
}  # fmt: skip
# Elements that close an open <p> or <li> implicitly, as browsers do.
_IMPLIED_END = {"p": {"p"} | (_BLOCK - {"br", "html", "body"}), "li": {"li"}, "td": {"td", "th", "tr"}, "th": {"td", "th", "tr"}}
_DATE_META = {"date", "pubdate", "publish-date", "article:published_time", "dc.date", "dcterms.date", "og:published_time"}


def parse_html(text: str, path: str | None = None) -> Document:
    doc = Document(text=text, path=path, fmt="html", blocks=[])
    reader = _Reader(doc)
    reader.feed(text)
    reader.close()
    reader.flush()
    return doc


# Browsers cap how deep elements nest (Chromium at 512): an element opened
# deeper is taken as a sibling at that depth. So does hypelint, so that a
# page of a million unclosed <blockquote>s costs linear time and memory.
MAX_DEPTH = 512


class _OpenElements:
    """The stack of open elements, with what a block asks of it at hand.

    Each entry carries the innermost leaf element (p, li, h2 ...) and the
    containers from the root down to it, so a block reads them off the top
    instead of walking the whole stack (quadratic when thousands are open).
    """

    def __init__(self) -> None:
        self.tags: list[str] = []
        self._leaf: list[str | None] = []
        self._containers: list[tuple[str, ...]] = []
        self._open: dict[str, int] = {}  # how many of each tag are open

    def __bool__(self) -> bool:
        return bool(self.tags)

    def __contains__(self, tag: str) -> bool:
        return self._open.get(tag, 0) > 0

    @property
    def top(self) -> str | None:
        return self.tags[-1] if self.tags else None

    @property
    def leaf(self) -> str | None:
        return self._leaf[-1] if self._leaf else None

    @property
    def containers(self) -> tuple[str, ...]:
        return self._containers[-1] if self._containers else ()

    def push(self, tag: str) -> None:
        if len(self.tags) >= MAX_DEPTH:
            return
        self._leaf.append(tag if tag in _LEAF_KIND else self.leaf)
        self._containers.append(self.containers + (_CONTAINER[tag],) if tag in _CONTAINER else self.containers)
        self.tags.append(tag)
        self._open[tag] = self._open.get(tag, 0) + 1

    def pop(self) -> str:
        tag = self.tags.pop()
        self._leaf.pop()
        self._containers.pop()
        self._open[tag] -= 1
        return tag


class _Reader(HTMLParser):
    def __init__(self, doc: Document):
        super().__init__(convert_charrefs=False)
        self.doc = doc
        self.src = doc.text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.src)]
        self.stack = _OpenElements()
        self.skip_depth = 0
        self.skip_start = 0
        self.builder = BlockBuilder()
        self.block_start = 0
        self.links: list[tuple[int, str]] = []

    # --- positions ---------------------------------------------------------
    def here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    # --- blocks ------------------------------------------------------------
    def leaf(self) -> tuple[str, int, tuple[str, ...]]:
        kind, level = "paragraph", 0
        tag = self.stack.leaf
        if tag is not None:
            kind = _LEAF_KIND[tag]
            level = int(tag[1]) if kind == "heading" and tag.startswith("h") else (1 if kind == "heading" else 0)
        return kind, level, self.stack.containers

    def flush(self) -> None:
        if self.builder.length:
            kind, level, containers = self.leaf()
            block = self.builder.build(kind, self.block_start, self.here(), level, containers)
            if block:
                self.doc.blocks.append(block)
        self.builder = BlockBuilder()

    def add_text(self, raw: str, at: int) -> None:
        if not self.builder.length:
            self.block_start = at
        self.builder.add_raw(raw, at)

    # --- parser callbacks ----------------------------------------------------
    def handle_starttag(self, tag, attrs):
        at = self.here()
        if self.skip_depth:
            if tag in _SKIPPED:
                self.skip_depth += 1
            return
        if tag == "meta":
            self.read_meta(dict(attrs))
        if tag in _SKIPPED:
            self.skip_depth, self.skip_start = 1, at
            return
        if tag == "br":
            self.add_text("\n", at) if self.builder.length else None
            return
        if tag in _BLOCK:
            self.flush()
            implied = [t for t, closers in _IMPLIED_END.items() if tag in closers]
            while self.stack and self.stack.top in implied:
                self.stack.pop()
        if tag == "a":
            self.links.append((-1, dict(attrs).get("href") or ""))
        if tag not in _VOID:
            self.stack.push(tag)

    def handle_startendtag(self, tag, attrs):
        if tag == "meta" and not self.skip_depth:
            self.read_meta(dict(attrs))
        elif tag == "br" and not self.skip_depth and self.builder.length:
            self.add_text("\n", self.here())

    def handle_endtag(self, tag):
        if self.skip_depth:
            if tag in _SKIPPED:
                self.skip_depth -= 1
                if not self.skip_depth:
                    end = self.src.find(">", self.here())
                    self.doc.excluded.append(Span(self.skip_start, end + 1 if end >= 0 else len(self.src)))
            return
        if tag == "a" and self.links:
            start, href = self.links.pop()
            if start >= 0:
                self.doc.links.append(Link(Span(start, self.here()), href))
        if tag in _BLOCK:
            self.flush()
        if tag in self.stack:
            while self.stack:
                if self.stack.pop() == tag:
                    break

    def handle_data(self, data):
        if self.skip_depth or not data:
            return
        at = self.here()
        if self.links and self.links[-1][0] < 0 and data.strip():
            self.links[-1] = (at + len(data) - len(data.lstrip()), self.links[-1][1])
        if self.stack.top in ("head", "html") or (not data.strip() and not self.builder.length):
            return
        self.add_text(data, at)

    def handle_entityref(self, name):
        self._reference("&" + name)

    def handle_charref(self, name):
        self._reference("&#" + name)

    def _reference(self, bare: str) -> None:
        if self.skip_depth:
            return
        at = self.here()
        found = _ENTITY.match(self.src, at)
        # A reference with no closing ";" ("AT&T", "R&D") is text as written,
        # not something to drop.
        raw = found.group() if found else bare
        if self.src.startswith(raw, at):
            self.add_text(raw, at)

    def handle_comment(self, data):
        at = self.here()
        end = self.src.find("-->", at)
        span = Span(at, end + 3 if end >= 0 else len(self.src))
        self.doc.excluded.append(span)
        if not self.skip_depth:
            self.doc.comments.append(span)

    def read_meta(self, attrs: dict) -> None:
        key = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        if key in _DATE_META and self.doc.date is None:
            self.doc.date = parse_date(attrs.get("content") or "")
            if self.doc.date:
                self.doc.meta.setdefault("date", self.doc.date)
