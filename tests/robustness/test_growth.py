"""Growth: the inputs that once took time super-linear in their size stay linear.

Each input of GROWTH is linted in this process (hypelint.api.lint_source)
at 1x and 4x its size, timed as growth.py times every growth test (CPU
time, best of three), and the ratio must stay under 6: linear cost gives
about 4, quadratic 16. Each 1x size takes at least ~0.3 s.

Issue 16, items 6 and 9, gave the first six; "figures" (one figure stated
thousands of times, 12x at 4x before) and "cues" are cases of cases.py
that once were quadratic. The file takes about a minute of CPU. Front matter over
MAX_FRONT_MATTER is not a Case (it prints a note on stderr, where a clean
Case prints nothing): it is made here, and its note tested below.
"""

from __future__ import annotations

import re

import pytest

from hypelint.api import lint_source
from hypelint.config import Config
from hypelint.parsers import parse
from hypelint.parsers.frontmatter import MAX_FRONT_MATTER
from hypelint.read.source import format_for

from .cases import CASES, repeat
from .growth import assert_linear

BY_NAME = {case.name: case for case in CASES}
BODY = "\nThe revolutionary model will change the world, experts say.\n"


def front_matter(size: int) -> bytes:
    """A draft whose YAML front matter runs to about `size` bytes."""
    return b"---\ntitle: Draft\ndate: 2020-01-02\n" + repeat("key: value\n", size) + b"---\n" + BODY.encode()


# (name, make, file name, 1x size), each 1x taking about 0.3-1 s of CPU.
GROWTH = [
    ("front-matter", front_matter, "front.md", 600_000),
    *(
        (name, BY_NAME[name].make, BY_NAME[name].filename, size)
        for name, size in (
            ("entities-multi-code-point", 250_000),
            ("question-paragraphs", 80_000),
            ("unbalanced-quotes", 150_000),
            ("open-footnote-labels", 30_000),
            ("open-inline-footnotes", 20_000),
            ("figures", 40_000),
            ("cues", 50_000),
        )
    ),
]


@pytest.mark.parametrize("name, make, filename, size", GROWTH, ids=[entry[0] for entry in GROWTH])
def test_four_times_the_input_takes_about_four_times_as_long(name, make, filename, size):
    fmt, config = format_for(filename, "markdown"), Config()

    def lint(n: int):
        text = make(n).decode("utf-8")
        return lambda: lint_source(text, filename, fmt, config)

    assert_linear(lint, size, name)


def test_front_matter_over_the_limit_is_skipped_unparsed_with_one_note(tmp_path, check, monkeypatch):
    """8 MB of YAML took 53 s to parse: front matter that long is excluded
    from linting as always, but not parsed (its date is not read), and the
    run says so once, on stderr, without failing."""
    import yaml

    parsed = []
    monkeypatch.setattr(yaml, "safe_load", lambda text: parsed.append(len(text)) or {})
    (tmp_path / "front.md").write_bytes(front_matter(MAX_FRONT_MATTER + 1000))
    (tmp_path / "front.txt").write_bytes(front_matter(MAX_FRONT_MATTER + 1000))

    outcome = check("front.md", "front.txt")

    assert parsed == []
    assert outcome.code == 1  # the body is linted: its hype is found
    note = r"hypelint: {}: front matter longer than 65536 characters: not read \(not linted, its date not used\)"
    assert len(outcome.errors) == 2, outcome.errors
    assert all(re.fullmatch(note.format(re.escape(name)), line) for name, line in zip(("front.md", "front.txt"), outcome.errors))
    report = outcome.report()
    assert [entry["error"] for entry in report["files"]] == [None, None]
    body_line = front_matter(MAX_FRONT_MATTER + 1000).count(b"\n")  # the body's one line of text
    assert {(finding["path"], finding["line"]) for finding in report["findings"]} == {
        ("front.md", body_line), ("front.txt", body_line)
    }


def test_front_matter_within_the_limit_is_parsed():
    text = front_matter(MAX_FRONT_MATTER - 1000).decode()
    for fmt in ("markdown", "text"):
        doc = parse(text, fmt, f"front.{fmt}")
        assert str(doc.date) == "2020-01-02"
        assert doc.notes == []
        assert doc.excluded[0].end == text.index(BODY)  # just after the closing fence
