"""Shown text as HTML with properly nested highlight and style elements.

Findings and inline styles are spans of source offsets; the text is a list
of pieces (html_layout.Piece) whose characters stand at known offsets. Each
piece is written as a sweep over the edges of the spans that meet it,
keeping the open elements in step: where a finding overlaps another (or a
style) without nesting in it, its highlight is closed and reopened as a
continuation piece (`mark.hl.cont`), so every finding keeps exactly one first
piece, the one that carries its id. An empty span (a finding at a point) is
an empty `mark.hl.point`.

Nothing from the draft reaches the page unescaped.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

from hypelint.reporters.html_layout import Piece


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
SHORT = 2000  # intervals longer than this (in code points) are few: checked for every piece


def escape(text: str) -> str:
    """Text safe in an HTML text node or quoted attribute; control characters shown as U+FFFD."""
    return html.escape(_CONTROL.sub("\ufffd", text), quote=True)


class Renderer:
    """Writes pieces of shown text as HTML, findings and styles nested over them."""

    def __init__(self, highlights: list[Highlight], styles: list[tuple[int, int, str]]):
        intervals = [_Interval(h.start, h.end, 0, h.ident, highlight=h) for h in highlights]
        intervals += [_Interval(start, end, 1, f"s{n}", style=name) for n, (start, end, name) in enumerate(styles)]
        # Indexes, so that a long draft is not quadratic: short intervals by
        # start (a piece can only meet those starting at most SHORT before
        # it), the few long ones (a whole-paragraph finding) always checked.
        self.short = sorted((iv for iv in intervals if iv.end - iv.start <= SHORT), key=lambda iv: iv.start)
        self.short_starts = [iv.start for iv in self.short]
        self.long = [iv for iv in intervals if iv.end - iv.start > SHORT]
        self.opened: set[str] = set()  # highlights whose first piece is written

    def pieces_html(self, pieces: list[Piece]) -> str:
        """Pieces shown together (a paragraph, a cell) as HTML. An element
        open at the end of one piece stays open into the next when the next
        needs it too: a finding over "AT&amp;T" is one highlight."""
        out: list[str] = []
        stack: list[_Interval] = []  # the elements open, outermost first
        for piece in pieces:
            self.sweep(piece, stack, out)
        self.sync(stack, [], out)
        return "".join(out)

    def meeting(self, start: int, end: int) -> list[_Interval]:
        """Intervals that touch [start, end]."""
        lo = bisect.bisect_left(self.short_starts, start - SHORT)
        hi = bisect.bisect_right(self.short_starts, end)
        return [iv for iv in self.short[lo:hi] + self.long if iv.start <= end and start <= iv.end]

    def sweep(self, piece: Piece, stack: list[_Interval], out: list[str]) -> None:
        """One piece as HTML: a sweep over its edges, keeping the open elements in step."""
        start, end = piece.at, piece.end
        candidates = self.meeting(start, end)
        points: dict[int, list[_Interval]] = {}
        for iv in sorted(candidates, key=lambda iv: iv.ident):
            if iv.start == iv.end and iv.highlight and iv.ident not in self.opened and start <= iv.start <= end:
                points.setdefault(iv.start, []).append(iv)
        starting: dict[int, list[_Interval]] = {}
        ending: dict[int, list[_Interval]] = {}
        active: list[tuple[tuple, _Interval]] = []  # covering the current stretch, outermost first
        for iv in candidates:
            if iv.start == iv.end:
                continue
            if iv.start <= start < iv.end:
                bisect.insort(active, (_key(iv), iv), key=lambda item: item[0])
            elif start < iv.start < end:
                starting.setdefault(iv.start, []).append(iv)
            if start < iv.end < end:
                ending.setdefault(iv.end, []).append(iv)
        edges = sorted({start, end, *starting, *ending, *points})
        for x, y in zip(edges, edges[1:] + [None]):
            for iv in ending.get(x, ()):
                del active[bisect.bisect_left(active, _key(iv), key=lambda item: item[0])]
            for iv in starting.get(x, ()):
                bisect.insort(active, (_key(iv), iv), key=lambda item: item[0])
            wanted = [iv for _, iv in active] if y is not None else []
            for point in points.get(x, ()):
                self.sync(stack, wanted, out)
                out.append(self.open(point, point=True) + "</mark>")
            if y is None or y <= x:
                continue
            self.sync(stack, wanted, out)
            out.append(escape(piece.text[x - start : y - start]))

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


def _key(iv: _Interval) -> tuple:
    """Outer first: earlier start, then longer span; ties keep highlights outside styles."""
    return (iv.start, -iv.end, iv.rank, iv.ident)


def _close(iv: _Interval) -> str:
    return "</span>" if iv.highlight is None else "</mark>"
