"""A parsed draft as the HTML report shows it: display blocks of text pieces, each tied to the source.

The report reads nothing of the draft itself. The Document the linter's own
parser built says what is prose (`doc.blocks`, each with `runs` mapping its
text back to the source), how it is styled (`Block.styles`, `doc.links`),
where list items and table rows start (`Block.marker`, `Block.row`), and
what is shown though never linted (`doc.unlinted`: code, raw HTML, comments
on lines of their own, front matter, thematic breaks). So markup is hidden because it is not
prose, entities are shown decoded because the prose holds them decoded, and
a finding's source span selects exactly the characters it covers.

`layout` turns a Document into `ShownBlock`s made of `Piece`s: runs of shown
text whose characters stand at consecutive source offsets. Code inside a
paragraph (HTML's <code>) is shown where it stands. A finding with no shown
character (in a link's address, a comment inside a paragraph, a tag) gets
its source text shown, dimmed as markup, where it stands, so every finding
has a highlight.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from hypelint.model import Block, Document

Range = tuple[int, int]
# Containers that are page furniture rather than the article (HTML drafts).
_FURNITURE = ("nav", "footer", "aside")


@dataclass(frozen=True)
class Piece:
    """Shown text whose characters stand at consecutive source offsets from `at`."""

    text: str
    at: int

    @property
    def end(self) -> int:
        return self.at + len(self.text)


@dataclass
class ShownBlock:
    """One display block: heading, paragraph, title, caption, code, raw, comment, front, rule or row.

    `parts` is one list of pieces, or one per cell for a table row. `start`
    and `end` are the source extent the block stands for, markup included.
    """

    kind: str
    parts: list[list[Piece]]
    start: int
    end: int
    level: int = 0  # heading level
    depth: int = 0  # list nesting
    quote: int = 0  # blockquote nesting
    marker: str = ""  # a list item's bullet or number, shown before its first block
    row: int = 0  # a table cell's row (cells of one row become one "row" block)
    header: bool = False  # a table's header row
    furniture: bool = False  # page furniture (nav, footer, aside) in HTML drafts


@dataclass
class Layout:
    """What to show of a draft: its blocks, and inline styles as (start, end, name) source spans."""

    blocks: list[ShownBlock]
    styles: list[tuple[int, int, str]] = field(default_factory=list)


def layout(doc: Document, findings: list[Range]) -> Layout:
    """The display layout of a parsed draft, with every finding's span given something to show."""
    prose = [_prose(block) for block in doc.blocks]
    styles = [style for block in doc.blocks for style in _block_styles(block)]
    styles += [(link.text_span.start, link.text_span.end, _link_style(link.url)) for link in doc.links]
    shown = list(prose)
    in_prose = _Placer(prose)  # code goes inside prose blocks only; what a finding needs, inside any block
    for block in doc.unlinted:
        unit = _unlinted(block)
        # Code inside a paragraph (HTML's <code>, <kbd>) is shown in it, where it stands.
        host = in_prose.host(unit.start, unit.end) if unit.kind == "code" else None
        if host is None:
            shown.append(unit)
        else:
            in_prose.insert(host, *unit.parts[0])
            styles.append((unit.start, unit.end, "code"))
    in_prose.finish()
    anywhere = _Placer([block for block in shown if block.kind != "rule"])  # a rule shows no text
    for start, end in _dark(shown, findings, len(doc.text)):
        piece = Piece(doc.text[start:end], start)
        styles.append((start, end, "markup"))
        host = anywhere.host(start, end)
        if host is None:
            shown.append(ShownBlock("raw", [[piece]], start, end))
        else:
            anywhere.insert(host, piece)
    anywhere.finish()
    shown.sort(key=lambda block: block.start)
    return Layout(_rows(shown), [style for style in styles if style[1] > style[0]])


def _prose(block: Block) -> ShownBlock:
    kind = block.kind
    if kind == "table_cell":
        kind = "cell" if block.row else "paragraph"
    elif kind not in ("heading", "title", "caption"):
        kind = "paragraph"
    containers = block.containers
    return ShownBlock(
        kind, [pieces(block)], block.start, max(block.end, block.start),
        level=max(block.level, 1) if kind == "heading" else 0,
        depth=containers.count("list_item"), quote=containers.count("blockquote"), marker=block.marker,
        row=block.row, header=block.header, furniture=any(name in containers for name in _FURNITURE),
    )  # fmt: skip


def _unlinted(block: Block) -> ShownBlock:
    return ShownBlock(block.kind, [pieces(block)], block.start, max(block.end, block.start))


def pieces(block: Block) -> list[Piece]:
    """A block's text cut where its runs jump in the source."""
    text = block.text
    ends = [position for position, _ in block.runs[1:]] + [len(text)]
    return [Piece(text[start:end], at) for (start, at), end in zip(block.runs, ends) if end > start]


def _block_styles(block: Block) -> list[tuple[int, int, str]]:
    found = []
    for start, end, name in block.styles:
        span = block.source_span(start, end)
        found.append((span.start, span.end, name))
    return found


def _link_style(url: str) -> str:
    return "image" if url.startswith("image:") else "link"


def _dark(blocks: list[ShownBlock], findings: list[Range], length: int) -> list[Range]:
    """Finding spans with no shown character (merged where they overlap), and
    empty spans with no shown text to sit beside."""
    shown = sorted((piece.at, piece.end) for block in blocks for part in block.parts for piece in part)
    starts = [start for start, _ in shown]
    reach: list[int] = []  # the furthest end up to each shown range
    for _, end in shown:
        reach.append(max(end, reach[-1]) if reach else end)

    def touched(start: int, end: int, inclusive: bool) -> bool:
        before = bisect.bisect_right(starts, end) if inclusive else bisect.bisect_left(starts, end)
        return before > 0 and (reach[before - 1] >= start if inclusive else reach[before - 1] > start)

    dark: list[Range] = []
    points: set[int] = set()
    for start, end in findings:
        start, end = min(max(start, 0), length), min(max(end, 0), length)
        if end <= start:
            if not touched(start, start, inclusive=True):
                points.add(start)
        elif not touched(start, end, inclusive=False):
            dark.append((start, end))
    merged: list[Range] = []
    for start, end in sorted(dark):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return sorted(merged + [(point, point) for point in points])


class _Placer:
    """Finds the block whose extent holds a span, and shows more pieces inside it."""

    def __init__(self, blocks: list[ShownBlock]):
        self.blocks = sorted(blocks, key=lambda block: block.start)
        self.starts = [block.start for block in self.blocks]
        self.added: dict[int, list[Piece]] = {}  # by index into `blocks`

    def host(self, start: int, end: int) -> int | None:
        """The index of the last block starting at or before `start`, if its extent holds [start, end)."""
        at = bisect.bisect_right(self.starts, start) - 1
        return at if at >= 0 and end <= self.blocks[at].end else None

    def insert(self, host: int, *shown: Piece) -> None:
        self.added.setdefault(host, []).extend(shown)

    def finish(self) -> None:
        """Each host's pieces in source order: one sort a host, however many were added."""
        for host, added in self.added.items():
            block = self.blocks[host]
            block.parts[0] = sorted(block.parts[0] + added, key=lambda piece: piece.at)
        self.added.clear()


def _rows(blocks: list[ShownBlock]) -> list[ShownBlock]:
    """Table cells of one row joined into a `row` block, one part per cell."""
    joined: list[ShownBlock] = []
    for block in blocks:
        if block.kind != "cell":
            joined.append(block)
        elif joined and joined[-1].kind == "row" and joined[-1].row == block.row:
            joined[-1].parts.append(block.parts[0])
            joined[-1].end = block.end
        else:
            joined.append(ShownBlock("row", [block.parts[0]], block.start, block.end, depth=block.depth,
                                     quote=block.quote, row=block.row, header=block.header,
                                     furniture=block.furniture))  # fmt: skip
    return joined
