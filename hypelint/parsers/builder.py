"""Assembling a block's prose text together with its exact map to the source.

Every parser feeds pieces of prose with the source offset each came from;
the builder keeps the text and the runs (text_pos, source_pos) so that any
character of the prose maps back to exactly one place in the file.
"""

from __future__ import annotations

import html
import re

from hypelint.model import Block

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


class BlockBuilder:
    """Collects prose pieces for one block."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[tuple[int, int]] = []
        self.length = 0
        self._next_source = -1  # source offset that would continue the last run
        self.styles: list[tuple[int, int, str]] = []  # inline markup, for the HTML report (Block.styles)

    def add(self, piece: str, source_pos: int) -> None:
        """Append prose whose characters sit contiguously in the source."""
        if not piece:
            return
        if source_pos != self._next_source:
            self.runs.append((self.length, source_pos))
        self.parts.append(piece)
        self.length += len(piece)
        self._next_source = source_pos + len(piece)

    def add_char(self, char: str, source_pos: int, source_len: int) -> None:
        """Append one prose character standing for `source_len` source chars
        (an entity such as `&amp;`, or a line break written as CRLF)."""
        self.runs.append((self.length, source_pos))
        self.parts.append(char)
        self.length += len(char)
        # Whatever follows starts a run of its own unless this was a plain
        # one-to-one character.
        self._next_source = source_pos + 1 if source_len == 1 and len(char) == 1 else -1

    def add_raw(self, raw: str, source_pos: int) -> None:
        """Append raw source text (HTML data), decoding character references."""
        last = 0
        for entity in _ENTITY.finditer(raw):
            self.add(raw[last : entity.start()], source_pos + last)
            decoded = html.unescape(entity.group())
            self.add_char(decoded, source_pos + entity.start(), len(entity.group()))
            last = entity.end()
        self.add(raw[last:], source_pos + last)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def style(self, start: int, name: str) -> None:
        """Note inline markup (strong, em, del, code) over the prose from `start` to here."""
        if self.length > start:
            self.styles.append((start, self.length, name))

    def build(self, kind: str, start: int, end: int, level: int = 0, containers: tuple[str, ...] = (),
              marker: str = "") -> Block | None:  # fmt: skip
        """The finished block, or None when it holds no visible text."""
        text = self.text
        stripped = text.strip()
        if not stripped:
            return None
        runs = self.runs
        lead = len(text) - len(text.lstrip())
        if lead:
            runs = _drop_leading(runs, lead)
        styles = tuple(
            (max(a - lead, 0), min(b - lead, len(stripped)), name)
            for a, b, name in self.styles
            if b > lead and a - lead < len(stripped)
        )
        return Block(kind=kind, text=stripped, runs=runs, level=level, containers=containers, start=start, end=end,
                     styles=styles, marker=marker)  # fmt: skip

    def verbatim(self, kind: str, start: int, end: int) -> Block | None:
        """The text as built, only its final line breaks dropped (code keeps
        its indentation), or None when it is blank."""
        text = self.text.rstrip("\r\n")
        if not text.strip():
            return None
        return Block(kind=kind, text=text, runs=self.runs, start=start, end=end)


def verbatim_block(kind: str, source: str, start: int, end: int) -> Block | None:
    """Source text shown as written (raw HTML, a comment, front matter), as a Block."""
    builder = BlockBuilder()
    builder.add(source[start:end], start)
    return builder.verbatim(kind, start, end)


def _drop_leading(runs: list[tuple[int, int]], cut: int) -> list[tuple[int, int]]:
    """Runs for the same text with its first `cut` characters removed."""
    shifted: list[tuple[int, int]] = []
    for text_pos, source_pos in runs:
        if text_pos <= cut:
            shifted = [(0, source_pos + (cut - text_pos))]
        else:
            shifted.append((text_pos - cut, source_pos))
    return shifted


def align(builder: BlockBuilder, content: str, source: str, cursor: int, limit: int) -> int:
    """Append `content` (text a parser decoded) mapped onto `source` from `cursor`.

    The content normally stands verbatim in the source, perhaps after markup
    the parser consumed (emphasis markers, brackets, line prefixes). Where it
    does not (backslash escapes, entities), characters are matched one by one.
    Returns the source offset just after the content.
    """
    if not content:
        return cursor
    if source.startswith(content, cursor):
        builder.add(content, cursor)
        return cursor + len(content)
    # The content may follow markup only: look for it at each position of
    # the markup that runs from the cursor, nearest first. Searching to the
    # block's end for every piece not written verbatim (a paragraph of
    # escapes), or measuring the whole run of markup first ("-_-_-_..." has a
    # piece between each pair of underscores), was quadratic.
    pos = cursor
    while pos < limit:
        if source.startswith(content, pos, limit):
            builder.add(content, pos)
            return pos + len(content)
        if source[pos] not in _MARKUP:
            break
        pos += 1
    index = 0
    while index < len(content):
        cursor, index = _align_next(builder, content, index, source, cursor, limit)
    return cursor


_MARKUP = frozenset("*_~[]!<>#`\\ \t\r\n|:-=+")


def _align_next(builder: BlockBuilder, content: str, index: int, source: str, cursor: int,
                limit: int) -> tuple[int, int]:  # fmt: skip
    """Map `content[index]` onto the source from `cursor`, or all the
    characters an entity there stands for ("&ngE;" is two). Returns the
    source offset and the content index after what was mapped."""
    char = content[index]
    scan = cursor
    while scan < limit:
        current = source[scan]
        if current == char or (current == "\x00" and char == "\ufffd"):
            # markdown-it writes NUL as U+FFFD: the NUL is where it stands.
            builder.add(char, scan)
            return scan + 1, index + 1
        if current == "\\" and scan + 1 < limit and source[scan + 1] == char:
            builder.add(char, scan + 1)
            return scan + 2, index + 1
        if current == "&":
            entity = _ENTITY.match(source, scan)
            decoded = _decoded(entity.group()) if entity else ""
            if decoded and content.startswith(decoded, index):
                # Matched whole: matching an entity's characters one at a
                # time would miss the first and scan on to the block's end
                # for each of them (quadratic in a paragraph of "&ngE;").
                # Each character stands where the entity starts.
                for part in decoded:
                    builder.add_char(part, scan, len(entity.group()))
                return entity.end(), index + len(decoded)
        scan += 1
    # The parser produced a character the source does not hold (markdown-it
    # replaces NUL with U+FFFD): map it to where we are, never beyond.
    builder.add_char(char, min(cursor, max(limit - 1, 0)), 1)
    return cursor, index + 1


def _decoded(entity: str) -> str:
    """The text markdown-it decodes a character reference to: HTML's, except
    that a number it holds invalid (`&#128;`, `&#xD800;`) is U+FFFD."""
    if not entity.startswith("&#"):
        return html.unescape(entity)
    from markdown_it.common.utils import isValidEntityCode  # loaded already: only Markdown aligns

    digits = entity[2:-1]
    code = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
    return chr(code) if isValidEntityCode(code) else "\ufffd"
