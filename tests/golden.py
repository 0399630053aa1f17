"""Helpers the position tests share: one draft in three formats, findings as positions.

The position tests (test_headline_rules.py, test_pitfall_rules.py) assert
exact (line, column, end_line, end_column, excerpt) for a rule, the same
sentences written as Markdown, HTML and plain text; what each rule flags
and leaves alone is in its rule file's `examples:` cases.
"""

from __future__ import annotations

import datetime

from hypelint import lint_text
from hypelint.config import Config

DATE = datetime.date(2025, 6, 1)
FORMATS = ("markdown", "html", "text")


def lint(select: str, fmt: str, text: str):
    """Findings of the selected rules (comma-separated), read as of DATE."""
    return lint_text(text, fmt=fmt, config=Config(select=tuple(select.split(",")), date=DATE))


def findings(code: str, fmt: str, text: str) -> list[tuple[int, int, int, int, str]]:
    found = lint(code, fmt, text)
    assert {f.rule for f in found} <= {code}
    return [(f.line, f.column, f.end_line, f.end_column, f.excerpt) for f in found]


def render(fmt: str, *paragraphs: str) -> str:
    """Paragraphs as a draft: Markdown and plain text as written, HTML in <p>."""
    if fmt == "html":
        return "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return "\n\n".join(paragraphs) + "\n"


def flagged_cases(flagged: dict) -> list[tuple[str, str]]:
    """(code, format) for each draft of a table {code: {format: (text, expected)}}."""
    return [(code, fmt) for code, docs in flagged.items() for fmt in docs]


def assert_same_sentences_in_every_format(flagged: dict) -> None:
    for code, docs in flagged.items():
        assert set(docs) == set(FORMATS), code
        excerpts = {fmt: [e[-1] for e in expected] for fmt, (_, expected) in docs.items()}
        assert excerpts["markdown"] == excerpts["html"] == excerpts["text"], code


def reference_line_col(text: str, offset: int) -> tuple[int, int]:
    """Line and column of an offset, worked out the slowest, plainest way to
    check hypelint's own: LF, CRLF and a lone CR each end a line."""
    line, column = 1, 1
    for index in range(offset):
        if text[index] == "\n" or (text[index] == "\r" and text[index + 1 : index + 2] != "\n"):
            line, column = line + 1, 1
        else:
            column += 1
    return line, column
