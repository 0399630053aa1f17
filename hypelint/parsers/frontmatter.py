"""Front matter: YAML between `---` lines or TOML between `+++` lines.

The region is never linted. Its `date`, `published` or `updated` key gives the
document's date, which rules use to tell the future from the past. Front
matter longer than MAX_FRONT_MATTER characters is not parsed (a YAML parser
took 53 s over 8 MB of it): still never linted, with a note saying so.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from hypelint.model import Span

_FENCES = {"---": "yaml", "+++": "toml"}
_OPEN = re.compile(r"\A(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")
_DATE_KEYS = ("date", "published", "updated")
# Real front matter is a few lines of metadata; anything longer is a pasted
# blob (an inline image, a dump) whose keys no rule needs.
MAX_FRONT_MATTER = 65_536


def find_front_matter(text: str) -> tuple[Span, dict[str, Any], str] | None:
    """The front matter's span, parsed mapping and a note for the reader ("" if
    none), or None when there is none.

    A front matter that does not parse, or is too long to parse, is still
    excluded from linting (it is not prose), with an empty mapping.
    """
    opening = _OPEN.match(text)
    if not opening:
        return None
    fence = opening.group(1)
    # The closing fence is a line of its own; lines may end in LF, CRLF or CR
    # (re.M's ^ and $ only know LF, so a CRLF file's fence would go unseen).
    closing = re.compile(r"(?<=[\r\n])" + re.escape(fence) + r"[ \t]*(?=\r\n|\r|\n|\Z)")
    close = closing.search(text, opening.end())
    if close is None:
        return None
    body = text[opening.end() : close.start()]
    end = close.end()
    if text.startswith("\r\n", end):
        end += 2
    elif text.startswith(("\n", "\r"), end):
        end += 1
    if len(body) > MAX_FRONT_MATTER:
        note = f"front matter longer than {MAX_FRONT_MATTER} characters: not read (not linted, its date not used)"
        return Span(0, end), {}, note
    return Span(0, end), _parse(body, _FENCES[fence]), ""


def _parse(body: str, language: str) -> dict[str, Any]:
    try:
        if language == "yaml":
            import yaml

            data = yaml.safe_load(body)
        else:
            try:
                import tomllib
            except ModuleNotFoundError:  # Python 3.10
                import tomli as tomllib
            data = tomllib.loads(body)
    except Exception:  # malformed front matter is the author's business, not a crash
        return {}
    return data if isinstance(data, dict) else {}


def document_date(meta: dict[str, Any]) -> dt.date | None:
    """The first of date/published/updated that reads as a date."""
    for key in _DATE_KEYS:
        value = meta.get(key)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            parsed = parse_date(value)
            if parsed:
                return parsed
    return None


def parse_date(value: str) -> dt.date | None:
    """An ISO date at the start of a string ("2025-03-14", "2025-03-14T09:00Z")."""
    found = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if not found:
        return None
    try:
        return dt.date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def blank_out(text: str, span: Span) -> str:
    """The text with a region turned to spaces, newlines kept, so offsets hold."""
    region = re.sub(r"[^\r\n]", " ", text[span.start : span.end])
    return text[: span.start] + region + text[span.end :]
