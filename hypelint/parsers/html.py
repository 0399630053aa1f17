"""HTML drafts into prose blocks, with positions pointing into the HTML source.

Tokens come from html_tokens.py, each with its source offsets, so no
position is ever searched for (the standard library's parser is quadratic
on unclosed constructs and can raise on malformed ones). Text in script, style, pre,
code, template, svg and math, and every attribute, is never prose. Block
elements (p, li, h1-h6, td, blockquote, figcaption, title ...) end one block
and start the next; inline elements (a, em, span ...) continue it.
"""

from __future__ import annotations

from hypelint.model import Block, Document, Link, Span
from hypelint.parsers.builder import BlockBuilder
from hypelint.parsers.frontmatter import parse_date
from hypelint.parsers.html_tokens import tokenize

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
# Inline elements the report shows as styled text, and the open ones it follows at most.
_STYLES = {"strong": "strong", "b": "strong", "em": "em", "i": "em", "cite": "em", "del": "del", "s": "del"}
_MAX_STYLES = 64
# Skipped elements whose text the report shows as code.
_CODE = {"pre", "code", "kbd", "samp", "textarea"}
_IMPLIED_END = {"p": {"p"} | (_BLOCK - {"br", "html", "body"}), "li": {"li"}, "td": {"td", "th", "tr"}, "th": {"td", "th", "tr"}}
_DATE_META = {"date", "pubdate", "publish-date", "article:published_time", "dc.date", "dcterms.date", "og:published_time"}


def parse_html(text: str, path: str | None = None) -> Document:
    doc = Document(text=text, path=path, fmt="html", blocks=[])
    _Reader(doc).read()
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
        self._items: list[int] = []  # list items seen inside each element, for numbering an <ol>

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
        self._items.append(0)
        self._open[tag] = self._open.get(tag, 0) + 1

    def pop(self) -> str:
        tag = self.tags.pop()
        self._leaf.pop()
        self._containers.pop()
        self._items.pop()
        self._open[tag] -= 1
        return tag

    def count_item(self) -> int:
        """One more list item in the innermost element: its number."""
        if not self._items:
            return 1
        self._items[-1] += 1
        return self._items[-1]


class _Reader:
    """Builds blocks from the tokens, tracking open elements as browsers do."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.src = doc.text
        self.position = 0  # where the token being read starts
        self.stack = _OpenElements()
        self.skip_depth = 0
        self.skip_start = 0
        self.builder = BlockBuilder()
        self.block_start = 0
        self.links: list[tuple[int, str]] = []
        # For the report: inline styles open (name, prose start), the marker
        # of the list item whose first block is to come, the table row, and
        # the shown code being read inside a skipped element.
        self.styles: list[tuple[str, int]] = []
        self.marker = ""
        self.row = 0
        self.code: BlockBuilder | None = None

    def read(self) -> None:
        src = self.src
        for token in tokenize(src):
            self.position = token.start
            if token.kind == "data":
                self.handle_data(src[token.start : token.end])
            elif token.kind == "start" and token.closed:
                self.handle_startendtag(token.name, token.attrs)
            elif token.kind == "start":
                self.handle_starttag(token.name, token.attrs)
            elif token.kind == "end":
                self.handle_endtag(token.name)
            else:
                self.handle_comment(token.end)
        self.position = len(src)
        self.flush()

    def here(self) -> int:
        return self.position

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
            for name, start in self.styles:  # styles open across the block's end go on in the next
                self.builder.style(start, name)
            block = self.builder.build(kind, self.block_start, self.here(), level, containers, self.marker)
            if block:
                self.marker = ""
                if kind == "table_cell":
                    block.row, block.header = self.row, self.stack.leaf == "th"
                self.doc.blocks.append(block)
        self.builder = BlockBuilder()
        self.styles = [(name, 0) for name, _ in self.styles]

    def add_text(self, raw: str, at: int) -> None:
        if not self.builder.length:
            self.block_start = at
        self.builder.add_raw(raw, at)

    # --- tokens --------------------------------------------------------------
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
            self.code = BlockBuilder() if tag in _CODE else None
            return
        if tag == "br":
            self.add_text("\n", at) if self.builder.length else None
            return
        if tag in _BLOCK:
            self.flush()
            implied = [t for t, closers in _IMPLIED_END.items() if tag in closers]
            while self.stack and self.stack.top in implied:
                self.stack.pop()
        if tag == "hr":
            self.doc.unlinted.append(Block("rule", "", [], start=at, end=at))
        elif tag == "li":
            number = self.stack.count_item()
            self.marker = f"{number}." if self.stack.top == "ol" else "\u2022"
        elif tag == "tr":
            self.row += 1
        elif tag in _STYLES and len(self.styles) < _MAX_STYLES:
            self.styles.append((_STYLES[tag], self.builder.length))
        if tag == "a":
            self.links.append((-1, dict(attrs).get("href") or ""))
        if tag not in _VOID:
            self.stack.push(tag)

    def handle_startendtag(self, tag, attrs):
        if tag == "meta" and not self.skip_depth:
            self.read_meta(dict(attrs))
        elif tag == "br" and not self.skip_depth and self.builder.length:
            self.add_text("\n", self.here())
        elif tag == "hr" and not self.skip_depth:
            self.doc.unlinted.append(Block("rule", "", [], start=self.here(), end=self.here()))

    def handle_endtag(self, tag):
        if self.skip_depth:
            if tag in _SKIPPED:
                self.skip_depth -= 1
                if not self.skip_depth:
                    end = self.src.find(">", self.here())
                    self.doc.excluded.append(Span(self.skip_start, end + 1 if end >= 0 else len(self.src)))
                    self.add_code(end + 1 if end >= 0 else len(self.src))
            return
        if tag == "a" and self.links:
            start, href = self.links.pop()
            if start >= 0:
                self.doc.links.append(Link(Span(start, self.here()), href))
        if tag in _STYLES:
            self.close_style(_STYLES[tag])
        if tag in _BLOCK:
            self.flush()
            if tag == "li":  # an item without prose leaves no marker for what follows
                self.marker = ""
        if tag in self.stack:
            while self.stack:
                if self.stack.pop() == tag:
                    break

    def handle_data(self, data):
        if self.skip_depth and self.code is not None:
            self.code.add_raw(data, self.here())
        if self.skip_depth or not data:
            return
        at = self.here()
        if self.links and self.links[-1][0] < 0 and data.strip():
            self.links[-1] = (at + len(data) - len(data.lstrip()), self.links[-1][1])
        if self.stack.top in ("head", "html") or (not data.strip() and not self.builder.length):
            return
        self.add_text(data, at)

    def close_style(self, name: str) -> None:
        """An inline style ends: it, and any opened inside it and left open, are noted."""
        for index in range(len(self.styles) - 1, -1, -1):
            if self.styles[index][0] == name:
                for open_name, start in self.styles[index:]:
                    self.builder.style(start, open_name)
                del self.styles[index:]
                return

    def add_code(self, end: int) -> None:
        """A skipped element ends: its text, when it is code, is shown by the report."""
        if self.code is not None:
            block = self.code.verbatim("code", self.skip_start, end)
            self.doc.unlinted.append(block or Block("code", "", [], start=self.skip_start, end=end))
            self.code = None

    def handle_comment(self, end: int) -> None:
        span = Span(self.here(), end)
        self.doc.excluded.append(span)
        if not self.skip_depth:
            self.doc.comments.append(span)

    def read_meta(self, attrs: dict) -> None:
        key = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        if key in _DATE_META and self.doc.date is None:
            self.doc.date = parse_date(attrs.get("content") or "")
            if self.doc.date:
                self.doc.meta.setdefault("date", self.doc.date)
