"""Tokens of an HTML draft, in time linear in its length, with exact offsets.

The standard library's HTMLParser is not safe on what a newsroom repository
holds. For each construct that never closes it rescans the rest of the page
(quadratic: a megabyte of `<a b="` takes minutes); some malformed
declarations (`<![`) make it raise AssertionError in the Pythons hypelint
supports; and how it ends a file that stops inside a tag changed between
releases. This tokenizer follows the HTML5 tokenizer in what matters to
prose, and every scan moves forward:

  text                       up to the next "<" that opens markup
  <tag attr=value ...>       a start tag: names lower-cased, values unescaped,
                             quoted values may hold ">"; "/>" closes it at once
  </tag ...>                 an end tag
  <!-- ... -->               a comment; "<!-->" is an empty one; unclosed, it
                             runs to the end of the file
  <!...>  <?...>  </1...>    bogus comments (doctype, processing instructions)
  <script>, <style>          raw text up to their own end tag
  "<" followed by anything   text
  else

A tag cut off by the end of the file is dropped, as browsers drop it.
Character references are left in the text: the block builder decodes them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterator

# Elements whose content is raw text: markup inside them is not markup.
RAW_TEXT = ("script", "style")
_TAG_NAME = re.compile(r"[A-Za-z][^\t\n\f\r />]*")
_ATTR_NAME = re.compile(r"[^\t\n\f\r />][^\t\n\f\r />=]*")
_UNQUOTED = re.compile(r"[^\t\n\f\r >]*")
_SPACES = re.compile(r"[\t\n\f\r ]*")
_RAW_END = {name: re.compile(rf"</{name}(?=[\t\n\f\r />]|\Z)", re.I) for name in RAW_TEXT}


@dataclass(frozen=True)
class Token:
    """One token. `kind` is start, end, data or comment; `start`/`end` are its
    source offsets; `name` is a tag's name, `attrs` a start tag's attributes
    (value None when it has no "="), `closed` whether it ended with "/>"."""

    kind: str
    start: int
    end: int
    name: str = ""
    attrs: tuple[tuple[str, str | None], ...] = ()
    closed: bool = False


def tokenize(text: str) -> Iterator[Token]:
    """The tokens of an HTML document, in source order."""
    pos, length = 0, len(text)
    while pos < length:
        opening = text.find("<", pos)
        if opening < 0:
            yield Token("data", pos, length)
            return
        if opening > pos:
            yield Token("data", pos, opening)
        token, pos = _markup(text, opening)
        if token is None:
            continue
        yield token
        if token.kind == "start" and token.name in RAW_TEXT and not token.closed:
            found = _RAW_END[token.name].search(text, pos)
            stop = found.start() if found else length
            if stop > pos:
                yield Token("data", pos, stop)
            pos = stop


def _markup(text: str, at: int) -> tuple[Token | None, int]:
    """The token that starts with the "<" at `at` (None for one that is
    dropped), and where the next token starts."""
    length = len(text)
    following = text[at + 1 : at + 2]
    if following.isascii() and following.isalpha():
        return _tag(text, at, at + 1, "start")
    if following == "/":
        after = text[at + 2 : at + 3]
        if after.isascii() and after.isalpha():
            return _tag(text, at, at + 2, "end")
        if after == ">":
            return None, at + 3  # "</>" is nothing at all
        if not after:
            return Token("data", at, length), length
        return None, _bogus_comment_end(text, at + 2)
    if following == "!":
        if text.startswith("<!--", at):
            return _comment(text, at)
        return None, _bogus_comment_end(text, at + 2)
    if following == "?":
        return None, _bogus_comment_end(text, at + 2)
    return Token("data", at, at + 1), at + 1


def _bogus_comment_end(text: str, pos: int) -> int:
    close = text.find(">", pos)
    return close + 1 if close >= 0 else len(text)


def _comment(text: str, at: int) -> tuple[Token, int]:
    body = at + 4
    if text.startswith(">", body):
        end = body + 1
    elif text.startswith("->", body):
        end = body + 2
    else:
        close = text.find("-->", body)
        end = close + 3 if close >= 0 else len(text)
    return Token("comment", at, end), end


def _tag(text: str, at: int, name_at: int, kind: str) -> tuple[Token | None, int]:
    """A start or end tag; attributes are read the same way for both (an end
    tag's are thrown away) so that a quoted ">" never ends either."""
    length = len(text)
    name = _TAG_NAME.match(text, name_at)
    assert name is not None  # the caller saw a letter
    pos = name.end()
    attrs: list[tuple[str, str | None]] = []
    while True:
        pos = _SPACES.match(text, pos).end()
        if pos >= length:
            return None, length  # the file ends inside the tag
        char = text[pos]
        if char == ">":
            return Token(kind, at, pos + 1, name.group().lower(), tuple(attrs)), pos + 1
        if char == "/":
            if text.startswith("/>", pos):
                return Token(kind, at, pos + 2, name.group().lower(), tuple(attrs), closed=True), pos + 2
            pos += 1
            continue
        attr = _ATTR_NAME.match(text, pos)
        assert attr is not None  # not a space, "/" or ">"
        pos = _SPACES.match(text, attr.end()).end()
        value: str | None = None
        if text.startswith("=", pos):
            pos = _SPACES.match(text, pos + 1).end()
            quote = text[pos : pos + 1]
            if quote in ("'", '"'):
                close = text.find(quote, pos + 1)
                if close < 0:
                    return None, length  # an unclosed quotation runs to the end of the file
                value, pos = text[pos + 1 : close], close + 1
            else:
                unquoted = _UNQUOTED.match(text, pos)
                value, pos = unquoted.group(), unquoted.end()
            value = html.unescape(value)
        attrs.append((attr.group().lower(), value))
