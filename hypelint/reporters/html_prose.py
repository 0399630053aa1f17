"""A draft as readable HTML, every finding highlighted on its exact span.

The HTML report shows the source text itself, styled, never a re-rendering of
the draft's markup: every character on the page comes from a known source
offset, so a finding's offsets select exactly its words. A light pass over
the source decides, per format, what is structure and what is shown:

* Markdown: markdown-it-py's block map (headings, paragraphs, lists, quotes,
  tables, code, raw HTML) by source line; inside a block, markers (`#`, `>`,
  list bullets, `**`, link destinations, inline tags) are hidden and code
  spans, emphasis and link text styled.
* HTML: the standard library's tolerant parser gives each tag's position;
  only text nodes are shown (entities decoded), in blocks that follow the
  block elements; script, style and the head (but its title) are never shown.
* Plain text: the blocks the linter itself reads (plain text has no markup
  to read structure from).

A `Layout` is the result: display blocks of source ranges, markup hidden
inside them, and inline styles. `reveal` makes sure every finding has some
visible text (a finding inside hidden markup shows that markup, dimmed), and
`render_layout` writes the blocks with properly nested highlight elements:
where findings overlap without nesting, a highlight is closed and reopened as
a continuation piece, so each finding keeps one first piece (`mark.hl`
without `.cont`) that carries its id.

Nothing from the draft reaches the page unescaped.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from typing import Iterable

# Tokens in linear time on any input: html.parser rescans the page for each
# unclosed construct and can raise AssertionError on malformed declarations.
from hypelint.parsers.html_tokens import TokenParser

# --- the layout ---------------------------------------------------------------------------------

Range = tuple[int, int]


@dataclass
class Block:
    """One display block: a heading, paragraph, list item, code block, table row ...

    kind: heading | paragraph | item | quote | code | raw | comment | front |
    title | caption | row | rule. `parts` are the source ranges shown, in
    order: one list per table cell for a row, a single list otherwise.
    """

    kind: str
    parts: list[list[Range]] = field(default_factory=lambda: [[]])
    level: int = 0  # heading level
    depth: int = 0  # list nesting
    quote: int = 0  # blockquote nesting
    marker: str = ""  # a list item's bullet or number, shown before its first block
    header: bool = False  # a table's header row
    furniture: bool = False  # page furniture (nav, header, footer, aside) in HTML drafts
    table: int = 0  # rows of one table share this number
    at: int = 0  # where a block that shows nothing (a rule, an empty code block) sits

    @property
    def start(self) -> int:
        starts = [rng[0] for part in self.parts for rng in part]
        return min(starts) if starts else self.at

    def ranges(self) -> Iterable[Range]:
        for part in self.parts:
            yield from part


@dataclass
class Layout:
    """What to show of a source: blocks, hidden or replaced markup, inline styles."""

    blocks: list[Block]
    # (start, end, replacement): markup hidden (replacement "") or shown as
    # something else (an HTML entity as its character). Never overlapping.
    hidden: list[tuple[int, int, str]] = field(default_factory=list)
    # (start, end, css class): code, strong, em, del, link, image, markup.
    styles: list[tuple[int, int, str]] = field(default_factory=list)


def layout(source: str, fmt: str) -> Layout:
    """The display layout of a draft in format markdown, html or text."""
    if fmt == "html":
        result = _HtmlLayout(source).run()
    elif fmt == "markdown":
        result = _markdown_layout(source)
    else:
        result = _text_layout(source)
    result.blocks.sort(key=lambda block: block.start)
    result.hidden = _disjoint(result.hidden)
    return result


def _disjoint(hidden: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Hidden spans sorted, empty ones dropped, overlaps resolved in favour of the earlier."""
    result: list[tuple[int, int, str]] = []
    for start, end, text in sorted(hidden):
        if end <= start:
            continue
        if result and start < result[-1][1]:
            if end <= result[-1][1]:
                continue
            if text:  # a replacement cannot be cut in two
                continue
            start = result[-1][1]
        result.append((start, end, text))
    return result


# --- Markdown -----------------------------------------------------------------------------------

_LINE_END = re.compile(r"\r\n|\r|\n")
_QUOTE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?[ \t]*)+")
_ITEM_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?[ \t]*)*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|(?=[\r\n]|$))")
_ATX_OPEN = re.compile(r"[ \t]*(?:>[ \t]?[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?#{1,6}(?:[ \t]+|(?=[\r\n]|$))")
_ATX_CLOSE = re.compile(r"(?:[ \t]+#+)?[ \t]*$")
_FENCE_LINE = re.compile(r"[ \t]*(?:>[ \t]?[ \t]*)*(?:`{3,}|~{3,})[ \t]*$")
_INDENT = re.compile(r"(?: {1,4}|\t)")
_TABLE_DELIMITER = re.compile(r"[ \t>|:\-]*$")

# Inline Markdown, in the order it is read (code spans first: nothing inside them is markup).
# Spans are bounded in length so that many unclosed markers cost a bounded
# search each, never a scan to the paragraph's end.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.{1,2000}?)(?<!`)\1(?!`)", re.S)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>", re.I)
_INLINE_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][\w-]*(?:\s+[^<>]*?)?/?>", re.S)
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])+)\]((?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\))|\[[^\]\n]*\])")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.{1,1000}?)(?<=\S)\1", re.S)
_EM_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.{1,1000}?)(?<=[^\s*\\])\*(?![*\w])", re.S)
_EM_UNDERSCORE = re.compile(r"(?<![\w\\])_(?=[^\s_])(.{1,1000}?)(?<=[^\s_])_(?!\w)", re.S)
_STRIKE = re.compile(r"~~(?=\S)(.{1,1000}?)(?<=\S)~~", re.S)
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def _markdown_layout(source: str) -> Layout:
    from markdown_it import MarkdownIt

    from hypelint.parsers.frontmatter import blank_out, find_front_matter

    result = Layout(blocks=[])
    work = source
    front = find_front_matter(source)
    if front:
        span = front[0]
        result.blocks.append(Block("front", [[(span.start, _trim_end(source, span.start, span.end))]]))
        work = blank_out(source, span)  # offsets hold; markdown-it sees blank lines
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    _MarkdownWalker(source, result).walk(parser.parse(work))
    return result


def _trim_end(source: str, start: int, end: int) -> int:
    """`end` moved back over trailing line breaks and spaces (never before `start`)."""
    while end > start and source[end - 1] in " \t\r\n":
        end -= 1
    return end


class _MarkdownWalker:
    """Turns markdown-it's token stream (with line maps) into display blocks."""

    def __init__(self, source: str, result: Layout):
        self.src = source
        self.result = result
        self.starts = [0] + [found.end() for found in _LINE_END.finditer(source)]
        self.lists: list[dict] = []  # open lists: {"ordered": bool}
        self.quote = 0
        self.item_marker: str | None = None  # marker still to show on an item's first block
        self.table = 0
        self.row_header = False

    # Lines: `line_range(n)` is line n (0-based) without its line ending.
    def line_range(self, line: int) -> Range:
        start = self.starts[line] if line < len(self.starts) else len(self.src)
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.src)
        return start, _trim_line_end(self.src, start, end)

    def lines_range(self, first: int, last: int) -> Range:
        """Lines first..last-1 as one range, without the final line ending."""
        return self.line_range(first)[0], self.line_range(max(first, last - 1))[1]

    def hide(self, start: int, end: int) -> None:
        self.result.hidden.append((start, end, ""))

    def hide_prefix(self, line: int, pattern: re.Pattern) -> None:
        start, end = self.line_range(line)
        found = pattern.match(self.src, start, end)
        if found and found.end() > start:
            self.hide(start, found.end())

    def new_block(self, kind: str, ranges: list[Range], **extra) -> Block:
        block = Block(kind, [ranges], depth=len(self.lists), quote=self.quote, **extra)
        if self.item_marker is not None:
            block.marker, self.item_marker = self.item_marker, None
        self.result.blocks.append(block)
        return block

    def walk(self, tokens) -> None:
        for token in tokens:
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.lists.append({"ordered": kind == "ordered_list_open"})
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                ordered = self.lists and self.lists[-1]["ordered"]
                self.item_marker = f"{token.info}{token.markup}" if ordered else "\u2022"
                if token.map:  # the marker line belongs to the item's first block
                    self.hide_prefix(token.map[0], _ITEM_PREFIX)
            elif kind == "list_item_close":
                self.item_marker = None
            elif kind == "blockquote_open":
                self.quote += 1
            elif kind == "blockquote_close":
                self.quote -= 1
            elif kind == "heading_open" and token.map:
                self.heading(token)
            elif kind == "paragraph_open" and token.map:
                self.paragraph(token.map)
            elif kind in ("fence", "code_block") and token.map:
                self.code(token)
            elif kind == "html_block" and token.map:
                self.raw_html(token.map)
            elif kind == "hr" and token.map:
                self.hide(*self.lines_range(*token.map))
                self.new_block("rule", [], at=self.line_range(token.map[0])[0])
            elif kind == "table_open":
                self.table += 1
            elif kind == "thead_open":
                self.row_header = True
            elif kind == "thead_close":
                self.row_header = False
            elif kind == "tr_open" and token.map:
                self.table_row(token.map[0])

    def prose(self, start: int, end: int) -> None:
        """Inline markup of a prose range: hide markers, style code, emphasis, links."""
        _inline_markdown(self.src, start, end, self.result)

    def strip_quotes(self, first: int, last: int) -> None:
        if self.quote:
            for line in range(first, last):
                self.hide_prefix(line, _QUOTE_PREFIX)

    def heading(self, token) -> None:
        first, last = token.map
        level = int(token.tag[1])
        if token.markup in ("=", "-"):  # setext: the underline is the last line
            self.strip_quotes(first, last)
            underline = self.line_range(last - 1)
            start, end = self.lines_range(first, last - 1)
            self.hide(end, underline[1])
        else:
            start, end = self.line_range(first)
            self.hide_prefix(first, _ATX_OPEN)
            closing = _ATX_CLOSE.search(self.src, start, end)
            if closing and closing.start() < end:
                self.hide(closing.start(), end)
        self.prose(start, end)
        self.new_block("heading", [(start, end)], level=level)

    def paragraph(self, line_map) -> None:
        first, last = line_map
        self.strip_quotes(first, last)
        start, end = self.lines_range(first, last)
        self.prose(start, end)
        self.new_block("paragraph", [(start, end)])

    def code(self, token) -> None:
        first, last = token.map
        if token.type == "fence":
            closed = last - first >= 2 and _FENCE_LINE.match(self.src, *self.line_range(last - 1))
            first, last = first + 1, (last - 1 if closed else last)
        self.strip_quotes(first, last)
        if token.type == "code_block":
            for line in range(first, last):
                self.hide_prefix(line, _INDENT)
        ranges = [self.lines_range(first, last)] if last > first else []
        self.new_block("code", ranges, at=self.line_range(token.map[0])[0])

    def raw_html(self, line_map) -> None:
        start, end = self.lines_range(*line_map)
        text = self.src[start:end].strip()
        is_comment = text.startswith("<!--") and text.endswith("-->") and text.count("<!--") == 1
        self.new_block("comment" if is_comment else "raw", [(start, end)])

    def table_row(self, line: int) -> None:
        start, end = self.line_range(line)
        if self.row_header and line + 1 < len(self.starts):
            # The delimiter row under the header is markup only.
            below = self.line_range(line + 1)
            if _TABLE_DELIMITER.match(self.src, *below):
                self.hide(end, below[1])
        cells = _table_cells(self.src, start, end)
        if not cells:
            return
        # Everything of the row that is not a cell's text is pipes and padding.
        cursor = start
        for cell_start, cell_end in cells:
            self.hide(cursor, cell_start)
            self.prose(cell_start, cell_end)
            cursor = cell_end
        self.hide(cursor, end)
        block = Block("row", [[cell] for cell in cells], depth=len(self.lists), quote=self.quote,
                      header=self.row_header, table=self.table)  # fmt: skip
        self.result.blocks.append(block)


def _trim_line_end(source: str, start: int, end: int) -> int:
    while end > start and source[end - 1] in "\r\n":
        end -= 1
    return end


def _table_cells(source: str, start: int, end: int) -> list[Range]:
    """The trimmed text ranges of a table row's cells (pipes in code spans or escaped do not split)."""
    line = source[start:end]
    quote = _QUOTE_PREFIX.match(line)
    offset = quote.end() if quote else 0
    splits: list[int] = []
    i, in_code = offset, 0
    while i < len(line):
        char = line[i]
        if char == "\\":
            i += 2
            continue
        if char == "`":
            run = len(line[i:]) - len(line[i:].lstrip("`"))
            in_code = 0 if in_code == run else (run if not in_code else in_code)
            i += run
            continue
        if char == "|" and not in_code:
            splits.append(i)
        i += 1
    bounds = [offset - 1] + splits + [len(line)]
    cells: list[Range] = []
    for left, right in zip(bounds, bounds[1:]):
        cell = line[left + 1 : right]
        stripped = cell.strip()
        if not stripped:
            continue
        lead = len(cell) - len(cell.lstrip())
        cells.append((start + left + 1 + lead, start + left + 1 + lead + len(stripped)))
    return cells


def _inline_markdown(source: str, start: int, end: int, result: Layout) -> None:
    """Hide inline markers and style what they mean, in one prose range."""
    text = source[start:end]
    taken = _Taken()  # regions no later pattern may touch (relative offsets)
    free = taken.free

    def hide(a: int, b: int) -> None:
        if b > a:
            result.hidden.append((start + a, start + b, ""))

    def style(a: int, b: int, name: str) -> None:
        if b > a:
            result.styles.append((start + a, start + b, name))

    for found in _CODE_SPAN.finditer(text):
        ticks = len(found.group(1))
        hide(found.start(), found.start() + ticks)
        hide(found.end() - ticks, found.end())
        style(found.start() + ticks, found.end() - ticks, "code")
        taken.add(*found.span())
    for found in _AUTOLINK.finditer(text):
        if free(*found.span()):
            hide(found.start(), found.start() + 1)
            hide(found.end() - 1, found.end())
            style(found.start() + 1, found.end() - 1, "link")
            taken.add(*found.span())
    for found in _INLINE_TAG.finditer(text):
        if free(*found.span()):
            hide(*found.span())
            taken.add(*found.span())
    for pattern, name in ((_IMAGE, "image"), (_LINK, "link")):
        for found in pattern.finditer(text):
            if not free(*found.span()):
                continue
            opener = 2 if name == "image" else 1
            label_end = found.end(1)
            hide(found.start(), found.start() + opener)
            hide(label_end, found.end())
            style(found.start() + opener, label_end, name)
            taken.add(found.start(), found.start() + opener)
            taken.add(label_end, found.end())
    for pattern, name in ((_STRONG, "strong"), (_STRIKE, "del"), (_EM_STAR, "em"), (_EM_UNDERSCORE, "em")):
        for found in pattern.finditer(text):
            inner_start, inner_end = found.span(pattern.groups)
            opening, closing = (found.start(), inner_start), (inner_end, found.end())
            if not (free(*opening) and free(*closing)):
                continue
            hide(*opening)
            hide(*closing)
            style(inner_start, inner_end, name)
            taken.add(*opening)
            taken.add(*closing)
    for found in _ESCAPE.finditer(text):
        if free(found.start(), found.start() + 1):
            hide(found.start(), found.start() + 1)


class _Taken:
    """Disjoint regions, sorted, with a bisection test for whether a region is free."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # regions starting before `end` ...
        return i == 0 or self.ends[i - 1] <= start  # ... the last of which must end by `start`

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


# --- HTML ---------------------------------------------------------------------------------------

_HIDDEN_ELEMENTS = {"script", "style", "template", "noscript", "svg", "math", "iframe", "object", "head"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_BLOCK_ELEMENTS = {
    "html", "body", "head", "title", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "pre", "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure",
    "figcaption", "caption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "form", "details", "summary",
    "address", "fieldset", "legend", "hr", "br", "hgroup", "menu",
}  # fmt: skip
_FURNITURE = {"nav", "header", "footer", "aside"}
_INLINE_STYLES = {"a": "link", "strong": "strong", "b": "strong", "em": "em", "i": "em", "cite": "em",
                  "code": "code", "kbd": "code", "samp": "code", "tt": "code", "del": "del", "s": "del"}  # fmt: skip
# Open elements a new element closes implicitly, as browsers do.
_CLOSES = {
    "p": {"p"}, "li": {"li", "p"}, "dt": {"dt", "dd", "p"}, "dd": {"dt", "dd", "p"},
    "tr": {"tr", "td", "th", "p"}, "td": {"td", "th", "p"}, "th": {"td", "th", "p"},
}  # fmt: skip
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{0,31};?)")


# What an element makes of the text inside it: (block kind, heading level).
_LEAF = {
    **{f"h{n}": ("heading", n) for n in range(1, 7)},
    "pre": ("code", 0), "title": ("title", 0), "figcaption": ("caption", 0), "caption": ("caption", 0),
    "summary": ("heading", 4),
    **{tag: ("paragraph", 0) for tag in ("li", "dt", "dd", "blockquote", "p")},
}  # fmt: skip


class _Element:
    """An open element and the context it gives the text inside it.

    The context is worked out once, when the element opens, from its parent's:
    asking the whole stack for every text node would make deep nesting quadratic.
    """

    __slots__ = ("tag", "content_start", "parent", "items", "used", "lists", "quotes", "furniture", "hides",
                 "leaf", "item", "cell", "thead")  # fmt: skip

    def __init__(self, tag: str, content_start: int, parent: _Element | None):
        self.tag = tag
        self.content_start = content_start
        self.parent = parent
        self.items = 0  # list items seen, for numbering an <ol>
        self.used = False  # whether an <li> already showed its marker
        self.lists = (parent.lists if parent else 0) + (tag in ("ul", "ol", "menu"))
        self.quotes = (parent.quotes if parent else 0) + (tag == "blockquote")
        self.furniture = tag in _FURNITURE or bool(parent and parent.furniture)
        if tag == "title":  # the page title is shown, though the head is not
            self.hides = bool(parent and parent.hides and parent.tag != "head")
        else:
            self.hides = tag in _HIDDEN_ELEMENTS or bool(parent and parent.hides)
        self.leaf = _LEAF.get(tag) or (parent.leaf if parent else ("paragraph", 0))
        self.item = self if tag == "li" else (parent.item if parent else None)
        self.cell = tag in ("td", "th") or bool(parent and parent.cell)
        self.thead = tag == "thead" or bool(parent and parent.thead)


class _HtmlLayout(TokenParser):
    """Text nodes of an HTML draft in display blocks; tags are never shown."""

    def __init__(self, source: str):
        super().__init__()
        self.src = source
        self.starts = [0] + [found.end() for found in re.finditer("\n", source)]
        self.result = Layout(blocks=[])
        self.stack: list[_Element] = []
        self.open_count: dict[str, int] = {}  # open elements by tag, for end tags without a start
        self.block: Block | None = None
        self.row: Block | None = None
        self.tables = 0

    def run(self) -> Layout:
        self.feed(self.src)
        self.close()
        return self.result

    def here(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    @property
    def top(self) -> _Element | None:
        return self.stack[-1] if self.stack else None

    # --- structure -----------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        start = self.here()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        closes = _CLOSES.get(tag, set()) | ({"p"} if tag in _BLOCK_ELEMENTS else set())
        while self.stack and self.stack[-1].tag in closes:
            self.pop_element(start)
        if tag in _BLOCK_ELEMENTS:
            self.block = None
        top = self.top
        if tag == "hr" and not (top and top.hides):
            self.result.blocks.append(Block("rule", [], depth=_lists(top), quote=_quotes(top), at=start))
        if tag == "table":
            self.tables += 1
        if tag == "tr":
            if self.row is not None:
                self.finish_row()
            self.row = Block("row", [], depth=_lists(top), quote=_quotes(top), table=self.tables,
                             header=bool(top and top.thead), furniture=bool(top and top.furniture))  # fmt: skip
        if tag in ("td", "th") and self.row is not None:
            self.row.parts.append([])
        if tag not in _VOID:
            if tag == "li" and top is not None:
                top.items += 1
            self.stack.append(_Element(tag, end, top))
            self.open_count[tag] = self.open_count.get(tag, 0) + 1

    def handle_startendtag(self, tag, attrs):
        # <br/>, <img/>: void, but still the end of a block for br.
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack and self.stack[-1].tag == tag:
            self.pop_element(self.here() + len(self.get_starttag_text() or ""))

    def handle_endtag(self, tag):
        at = self.here()
        if self.open_count.get(tag):
            while self.stack:
                element = self.pop_element(at)
                if element.tag == tag:
                    break
        if tag in _BLOCK_ELEMENTS:
            self.block = None
        if tag == "tr" and self.row is not None:
            self.finish_row()

    def pop_element(self, at: int) -> _Element:
        element = self.stack.pop()
        self.open_count[element.tag] -= 1
        name = _INLINE_STYLES.get(element.tag)
        if name and at > element.content_start:
            self.result.styles.append((element.content_start, at, name))
        if element.tag == "tr" and self.row is not None:
            self.finish_row()
        return element

    def finish_row(self) -> None:
        row, self.row = self.row, None
        if row is not None and any(row.parts):
            row.parts = [part for part in row.parts if part] or [[]]
            self.result.blocks.append(row)

    # --- text ----------------------------------------------------------------
    def handle_data(self, data):
        self.add_text(self.here(), len(data), data.strip() == "")

    def handle_entityref(self, name):
        self.entity()

    def handle_charref(self, name):
        self.entity()

    def entity(self) -> None:
        start = self.here()
        found = _ENTITY.match(self.src, start)
        if not found:
            return
        self.result.hidden.append((start, found.end(), html.unescape(found.group())))
        self.add_text(start, found.end() - start, False)

    def add_text(self, start: int, length: int, blank: bool) -> None:
        top = self.top
        if length <= 0 or (top and top.hides):
            return
        if self.row is not None and top is not None and top.cell:
            if self.row.parts and (self.row.parts[-1] or not blank):
                self.row.parts[-1].append((start, start + length))
            return
        if self.block is None:
            if blank:
                return
            self.block = self.new_block(top)
        self.block.parts[0].append((start, start + length))

    def new_block(self, top: _Element | None) -> Block:
        kind, level = top.leaf if top else ("paragraph", 0)
        block = Block(kind, depth=_lists(top), quote=_quotes(top), level=level, furniture=bool(top and top.furniture))
        item = top.item if top else None
        if item is not None and not item.used:
            item.used = True
            parent = item.parent
            block.marker = f"{parent.items}." if parent is not None and parent.tag == "ol" else "\u2022"
        self.result.blocks.append(block)
        return block


def _lists(element: _Element | None) -> int:
    return element.lists if element else 0


def _quotes(element: _Element | None) -> int:
    return element.quotes if element else 0


# --- plain text ---------------------------------------------------------------------------------

_TEXT_MARKER = re.compile(r"[ \t]*([-*\u2022\u2013]|\d{1,3}[.)])[ \t]*$")


def _text_layout(source: str) -> Layout:
    from hypelint.parsers import parse
    from hypelint.parsers.frontmatter import find_front_matter

    result = Layout(blocks=[])
    document = parse(source, "text")
    front = find_front_matter(source)
    if front:
        result.blocks.append(Block("front", [[(0, _trim_end(source, 0, front[0].end))]]))
    for block in document.blocks:
        if block.end <= block.start:
            continue
        if block.kind == "heading":
            shown = Block("heading", [[(block.start, block.end)]], level=max(1, block.level))
        elif block.within("list_item"):
            line_start = source.rfind("\n", 0, block.start) + 1
            marker = _TEXT_MARKER.match(source, line_start, block.start)
            number = marker.group(1) if marker and marker.group(1)[0].isdigit() else "\u2022"
            shown = Block("item", [[(block.start, block.end)]], depth=1, marker=number)
        else:
            shown = Block("paragraph", [[(block.start, block.end)]])
        result.blocks.append(shown)
    # A comment inside a block's lines is hidden there; one on lines of its own is shown as a block.
    for comment in document.comments:
        if any(block.start < comment.end and comment.start < block.end for block in document.blocks):
            result.hidden.append((comment.start, comment.end, ""))
        else:
            result.blocks.append(Block("comment", [[(comment.start, comment.end)]]))
    return result


# --- making every finding visible ---------------------------------------------------------------


def reveal(result: Layout, spans: Iterable[Range]) -> None:
    """Make each span show some text: hidden markup under it is shown, dimmed.

    A finding that lies wholly in markup (a comment that suppresses nothing,
    an attribute) would otherwise have no highlight. Its hidden parts are
    shown as `markup`, inside the block they sit in, or as a block of their
    own where no block covers them. An empty span needs only a place.
    All spans are judged against the layout as it was, then revealed
    together: one pass, however many there are.
    """
    shown = _Shown(result)
    dark: list[Range] = []  # spans with nothing visible
    points: set[int] = set()  # empty spans with no block to sit in
    for start, end in spans:
        if end <= start:
            if not shown.overlapping(start, start, touching=True):
                points.add(start)
        elif not shown.visible(start, end):
            dark.append((start, end))
    for point in sorted(points):
        result.blocks.append(Block("raw", [[(point, point)]]))
    if dark:
        merged = _merge(dark)
        result.hidden = _unhide(result.hidden, merged)
        result.styles.extend((start, end, "markup") for start, end in merged)
        gaps = [gap for start, end in merged for gap in shown.uncovered(start, end)]
        _place(result, gaps)
    result.blocks.sort(key=lambda block: block.start)


def _merge(spans: list[Range]) -> list[Range]:
    """Spans sorted, overlapping ones joined."""
    merged: list[Range] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _unhide(hidden: list[tuple[int, int, str]], spans: list[Range]) -> list[tuple[int, int, str]]:
    """Hidden markup with the parts under `spans` (sorted, disjoint) shown; replacements stay."""
    starts = [start for start, _ in spans]
    kept: list[tuple[int, int, str]] = []
    for h_start, h_end, text in hidden:
        if text:
            kept.append((h_start, h_end, text))
            continue
        position = h_start
        i = max(bisect.bisect_right(starts, h_start) - 1, 0)
        while i < len(spans) and spans[i][0] < h_end:
            start, end = spans[i]
            i += 1
            if end <= position:
                continue
            if start > position:
                kept.append((position, start, ""))
            position = max(position, end)
        if position < h_end:
            kept.append((position, h_end, ""))
    return kept


class _Shown:
    """The source ranges a layout shows and the markup it hides, indexed for span queries."""

    def __init__(self, result: Layout):
        self.ranges = sorted(rng for block in result.blocks for rng in block.ranges())
        self.starts = [start for start, _ in self.ranges]
        # The furthest end up to each range: a backward walk may stop once it is behind.
        self.reach: list[int] = []
        for _, end in self.ranges:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)
        self.hidden = result.hidden  # sorted, disjoint
        self.hidden_starts = [start for start, _, _ in self.hidden]

    def overlapping(self, start: int, end: int, touching: bool = False) -> list[Range]:
        """Shown ranges that overlap [start, end) (or touch it, with `touching`), in order."""
        i = bisect.bisect_right(self.starts, end) if touching else bisect.bisect_left(self.starts, end)
        found = []
        while i > 0 and (self.reach[i - 1] >= start if touching else self.reach[i - 1] > start):
            i -= 1
            a, b = self.ranges[i]
            if (a <= end and start <= b) if touching else (a < end and start < b):
                found.append((a, b))
        return found[::-1]

    def visible(self, start: int, end: int) -> bool:
        """Whether any character of [start, end) is in a shown range and not hidden."""
        for a, b in self.overlapping(start, end):
            lo, hi = max(a, start), min(b, end)
            position = lo
            i = max(bisect.bisect_right(self.hidden_starts, lo) - 1, 0)
            while i < len(self.hidden) and self.hidden[i][0] < hi:
                h_start, h_end, text = self.hidden[i]
                i += 1
                if h_end <= position:
                    continue
                if h_start > position or text:
                    return True
                position = h_end
                if position >= hi:
                    break
            if position < hi:
                return True
        return False

    def uncovered(self, start: int, end: int) -> list[Range]:
        """Parts of [start, end) that no shown range covers."""
        gaps, position = [], start
        for a, b in self.overlapping(start, end):
            if a > position:
                gaps.append((position, a))
            position = max(position, b)
        if position < end:
            gaps.append((position, end))
        return gaps


def _place(result: Layout, gaps: list[Range]) -> None:
    """Show ranges: each inside the block whose extent holds it, else as a block of its own."""
    blocks = sorted((block for block in result.blocks if any(block.parts)), key=lambda block: block.start)
    starts = [block.start for block in blocks]
    reach = [max(b for _, b in block.ranges()) for block in blocks]
    for gap in gaps:
        i = bisect.bisect_right(starts, gap[0]) - 1
        if i >= 0 and gap[1] <= reach[i]:
            block = blocks[i]
            part = next((p for p in reversed(block.parts) if p and p[0][0] <= gap[0]), block.parts[0])
            bisect.insort(part, gap)
        else:
            result.blocks.append(Block("raw", [[gap]]))


# --- rendering ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Highlight:
    """A finding to mark: its span, a stable id, and the attributes every piece carries."""

    start: int
    end: int
    ident: str
    attributes: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Interval:
    start: int
    end: int
    rank: int  # 0 highlight, 1 style: a highlight encloses a style of the same span
    ident: str
    highlight: Highlight | None = None
    style: str = ""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SHORT = 2000  # intervals longer than this (in code points) are few: checked for every range


def escape(text: str) -> str:
    """Text safe in an HTML text node or quoted attribute; control characters shown as U+FFFD."""
    return html.escape(_CONTROL.sub("\ufffd", text), quote=True)


class Renderer:
    """Writes a layout's blocks as HTML with nested highlight and style elements."""

    def __init__(self, source: str, shown: Layout, highlights: list[Highlight]):
        self.src = source
        self.layout = shown
        intervals = [_Interval(h.start, h.end, 0, h.ident, highlight=h) for h in highlights]
        intervals += [
            _Interval(start, end, 1, f"s{index}", style=name) for index, (start, end, name) in enumerate(shown.styles)
        ]
        # Indexes, so that a long draft is not quadratic: short intervals by
        # start (a range can only meet those starting at most SHORT before
        # it), the few long ones (a whole-piece finding) always checked.
        self.short = sorted((iv for iv in intervals if iv.end - iv.start <= SHORT), key=lambda iv: iv.start)
        self.short_starts = [iv.start for iv in self.short]
        self.long = [iv for iv in intervals if iv.end - iv.start > SHORT]
        self.hidden = shown.hidden  # sorted and disjoint (see `layout`)
        self.hidden_starts = [start for start, _, _ in self.hidden]
        self.opened: set[str] = set()  # highlights whose first piece is written

    def meeting(self, start: int, end: int) -> list[_Interval]:
        """Intervals that touch [start, end]."""
        lo = bisect.bisect_left(self.short_starts, start - SHORT)
        hi = bisect.bisect_right(self.short_starts, end)
        return [iv for iv in self.short[lo:hi] + self.long if iv.start <= end and start <= iv.end]

    def hidden_within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Hidden spans that overlap [start, end)."""
        i = max(bisect.bisect_right(self.hidden_starts, start) - 1, 0)
        found = []
        while i < len(self.hidden) and self.hidden[i][0] < end:
            if self.hidden[i][1] > start:
                found.append(self.hidden[i])
            i += 1
        return found

    def block_html(self, block: Block) -> list[str]:
        """The inner HTML of each part of a block."""
        return [self.ranges_html(part) for part in block.parts]

    def ranges_html(self, ranges: list[Range]) -> str:
        # Ranges of one part are text nodes split by inline tags: their own
        # whitespace is all the spacing there was.
        return "".join(self.range_html(start, end) for start, end in ranges)

    def range_html(self, start: int, end: int) -> str:
        """One source range as HTML: a sweep over its edges, keeping the open elements in step."""
        candidates = self.meeting(start, end)
        points: dict[int, list[_Interval]] = {}
        for iv in sorted(candidates, key=lambda iv: iv.ident):
            if iv.start == iv.end and iv.highlight and iv.ident not in self.opened and start <= iv.start <= end:
                points.setdefault(iv.start, []).append(iv)
        spans = [iv for iv in candidates if iv.start < iv.end]
        starting: dict[int, list[_Interval]] = {}
        ending: dict[int, list[_Interval]] = {}
        active: list[tuple[tuple, _Interval]] = []  # covering the current piece, outermost first
        for iv in spans:
            if iv.start <= start < iv.end:
                bisect.insort(active, (_key(iv), iv), key=lambda item: item[0])
            elif start < iv.start < end:
                starting.setdefault(iv.start, []).append(iv)
            if start < iv.end < end:
                ending.setdefault(iv.end, []).append(iv)
        hidden = self.hidden_within(start, end)
        bounds = {start, end, *starting, *ending, *points}
        for h_start, h_end, _ in hidden:
            bounds.update(x for x in (h_start, h_end) if start < x < end)
        edges = sorted(bounds)
        out: list[str] = []
        stack: list[_Interval] = []
        cursor = 0  # into `hidden`, which the pieces pass in order
        for x, y in zip(edges, edges[1:] + [None]):
            for iv in ending.get(x, ()):
                del active[bisect.bisect_left(active, _key(iv), key=lambda item: item[0])]
            for iv in starting.get(x, ()):
                bisect.insort(active, (_key(iv), iv), key=lambda item: item[0])
            wanted = [iv for _, iv in active] if y is not None else []
            for point in points.get(x, ()):
                self.sync(stack, wanted, out)
                out.append(self.open(point, point=True) + "</mark>")
            if y is None:
                break
            while cursor < len(hidden) and hidden[cursor][1] <= x:
                cursor += 1
            text = self.piece_text(x, y, hidden[cursor : cursor + 1])
            if not text:
                continue
            self.sync(stack, wanted, out)
            out.append(text)
        self.sync(stack, [], out)
        return "".join(out)

    def sync(self, stack: list[_Interval], wanted: list[_Interval], out: list[str]) -> None:
        """Close and open elements so that the open ones are exactly `wanted`, outermost first."""
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(_close(stack.pop()))
        for iv in wanted[keep:]:
            out.append(self.open(iv))
            stack.append(iv)

    def open(self, iv: _Interval, point: bool = False) -> str:
        if iv.highlight is None:
            return f'<span class="s-{iv.style}">'
        first = iv.ident not in self.opened
        self.opened.add(iv.ident)
        classes = "hl" + (" point" if point else "") + ("" if first else " cont")
        attributes = "".join(f' {name}="{escape(value)}"' for name, value in iv.highlight.attributes)
        if first:
            return f'<mark class="{classes}" id="{escape(iv.ident)}" data-f="{escape(iv.ident)}"{attributes} tabindex="0">'
        return f'<mark class="{classes}" data-f="{escape(iv.ident)}"{attributes}>'

    def piece_text(self, x: int, y: int, hidden: list[tuple[int, int, str]]) -> str:
        """The HTML of source [x, y): escaped text, a replacement, or nothing where hidden."""
        for h_start, h_end, text in hidden:
            if h_start <= x < h_end:
                return escape(text) if x == h_start else ""
        return escape(self.src[x:y])


def _key(iv: _Interval) -> tuple:
    """Outer first: earlier start, then longer span; ties keep highlights outside styles."""
    return (iv.start, -iv.end, iv.rank, iv.ident)


def _close(iv: _Interval) -> str:
    return "</span>" if iv.highlight is None else "</mark>"

