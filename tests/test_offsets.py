"""Exact source positions through the whole pipeline, in every format.

Each case lints a small draft with the promotional rule HL201 alone and
checks every finding's offset, end offset, line, column, end line and end
column (DESIGN.md "Contracts": 0-based code-point offsets into the decoded
text with the BOM removed and newlines kept as in the file; 1-based lines
and columns, end exclusive, columns in code points), and that the source
between the offsets is the word itself. The numbers are written out by
hand; `golden.reference_line_col` recomputes line and column in the simplest
possible way as a second, independent check.
"""

from __future__ import annotations

import dataclasses

import pytest

from golden import reference_line_col
from hypelint import lint_text
from hypelint.config import Config, resolve_rules
from hypelint.engine import lint_document
from hypelint.model import Block, LineIndex, Span
from hypelint.parsers import parse

HYPE_ONLY = Config(select=("HL201",))


def _source(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _positions(text: str, findings) -> list[tuple]:
    source = _source(text)
    found = []
    for f in findings:
        assert (f.line, f.column) == reference_line_col(source, f.offset)
        assert (f.end_line, f.end_column) == reference_line_col(source, f.end_offset)
        word = source[f.offset : f.end_offset]
        found.append((f.offset, f.end_offset, f.line, f.column, f.end_line, f.end_column, word))
    return found


def hype(text: str, fmt: str) -> list[tuple]:
    """(offset, end_offset, line, column, end_line, end_column, source text) of each HL201 finding."""
    return _positions(text, lint_text(text, fmt=fmt, config=HYPE_ONLY))


def hype_everywhere(text: str, fmt: str) -> list[tuple]:
    """As `hype`, with HL201's scope widened to headings and titles.

    HL201 is scoped to prose, so headings need the same rule with scope "all";
    the engine and the position mapping are the ones `lint_text` uses.
    """
    (rule,) = [r for r in resolve_rules(HYPE_ONLY) if r.code == "HL201"]
    rule = dataclasses.replace(rule, scope=("all",))
    return _positions(text, lint_document(parse(_source(text), fmt), [rule]))


def _ids(cases):
    return [case[0] for case in cases]


# --- Markdown ----------------------------------------------------------------

MARKDOWN = [
    (
        "md-em", "markdown",
        "An *revolutionary* idea.\n",
        [(4, 17, 1, 5, 1, 18, "revolutionary")],
    ),
    (
        "md-strong", "markdown",
        "A **groundbreaking** idea.\n",
        [(4, 18, 1, 5, 1, 19, "groundbreaking")],
    ),
    (
        "md-link-text", "markdown",
        "See [cutting-edge work](http://x.test) now.\n",
        [(5, 17, 1, 6, 1, 18, "cutting-edge")],
    ),
    (
        "md-list-item", "markdown",
        "- plain\n- a revolutionary item\n",
        [(12, 25, 2, 5, 2, 18, "revolutionary")],
    ),
    (
        "md-ordered-item", "markdown",
        "1. plain\n2. a revolutionary item\n",
        [(14, 27, 2, 6, 2, 19, "revolutionary")],
    ),
    (
        "md-nested-list", "markdown",
        "- outer\n  - a revolutionary item\n",
        [(14, 27, 2, 7, 2, 20, "revolutionary")],
    ),
    (
        "md-table-cell", "markdown",
        "| a | b |\n|---|---|\n| x | revolutionary |\n",
        [(26, 39, 3, 7, 3, 20, "revolutionary")],
    ),
    (
        "md-table-two-cells", "markdown",
        "| a | b |\n|---|---|\n| revolutionary | revolutionary |\n",
        [(22, 35, 3, 3, 3, 16, "revolutionary"), (38, 51, 3, 19, 3, 32, "revolutionary")],
    ),
    (
        "md-blockquote", "markdown",
        "> A revolutionary quote.\n",
        [(4, 17, 1, 5, 1, 18, "revolutionary")],
    ),
    (
        "md-lazy-continuation", "markdown",
        "> The quote goes on\nrevolutionary lazy line.\n",
        [(20, 33, 2, 1, 2, 14, "revolutionary")],
    ),
    (
        "md-nested-quote", "markdown",
        "> outer\n> > a revolutionary inner\n",
        [(14, 27, 2, 7, 2, 20, "revolutionary")],
    ),
    (
        "md-escape", "markdown",
        "\\*revolutionary\n",
        [(2, 15, 1, 3, 1, 16, "revolutionary")],
    ),
    (
        "md-entity", "markdown",
        "&amp; revolutionary\n",
        [(6, 19, 1, 7, 1, 20, "revolutionary")],
    ),
    (
        "md-hard-break-spaces", "markdown",
        "line  \nrevolutionary\n",
        [(7, 20, 2, 1, 2, 14, "revolutionary")],
    ),
    (
        "md-hard-break-backslash", "markdown",
        "line\\\nrevolutionary\n",
        [(6, 19, 2, 1, 2, 14, "revolutionary")],
    ),
    (
        "md-phrase-across-lines", "markdown",
        "a game\nchanger here\n",
        [(2, 14, 1, 3, 2, 8, "game\nchanger")],
    ),
    (
        "md-repeated", "markdown",
        "revolutionary and *revolutionary* and revolutionary\n",
        [
            (0, 13, 1, 1, 1, 14, "revolutionary"),
            (19, 32, 1, 20, 1, 33, "revolutionary"),
            (38, 51, 1, 39, 1, 52, "revolutionary"),
        ],
    ),
    (
        "md-image-alt", "markdown",
        "![a revolutionary chart](chart.png)\n",
        [(4, 17, 1, 5, 1, 18, "revolutionary")],
    ),
    (
        "md-after-inline-code", "markdown",
        "Use `x` for revolutionary\n",
        [(12, 25, 1, 13, 1, 26, "revolutionary")],
    ),
    (
        "md-footnote", "markdown",
        "Claim[^1] here.\n\n[^1]: A revolutionary note.\n\nA later paragraph.\n",
        [(25, 38, 3, 9, 3, 22, "revolutionary")],
    ),
    (
        "md-crlf", "markdown",
        "First line\r\nsecond revolutionary\r\n\r\n- item revolutionary\r\n",
        [(19, 32, 2, 8, 2, 21, "revolutionary"), (43, 56, 4, 8, 4, 21, "revolutionary")],
    ),
    (
        "md-crlf-quote", "markdown",
        "> first\r\n> > a revolutionary one\r\n",
        [(15, 28, 2, 7, 2, 20, "revolutionary")],
    ),
    (
        "md-crlf-phrase", "markdown",
        "a *game\r\nchanger* here\r\n",
        [(3, 16, 1, 4, 2, 8, "game\r\nchanger")],
    ),
    (
        "md-bom", "markdown",
        "\ufeff# Title\n\nA revolutionary idea.\n",
        [(11, 24, 3, 3, 3, 16, "revolutionary")],
    ),
    (
        "md-curly-quotes", "markdown",
        "“Quoted” and ‘single’ revolutionary\n",
        [(22, 35, 1, 23, 1, 36, "revolutionary")],
    ),
    (
        "md-cjk", "markdown",
        "中文字 revolutionary\n",
        [(4, 17, 1, 5, 1, 18, "revolutionary")],
    ),
    (
        "md-emoji", "markdown",
        "🚀🚀 revolutionary\n",
        [(3, 16, 1, 4, 1, 17, "revolutionary")],
    ),
    (
        "md-all-at-once", "markdown",
        "\ufeffIntro\r\n\r\n> 模型 🚀 “new” *revolutionary*\r\n",
        [(23, 36, 3, 15, 3, 28, "revolutionary")],
    ),
    (
        "md-crlf-table", "markdown",
        "| a | b |\r\n|---|---|\r\n| x | revolutionary |\r\n",
        [(28, 41, 3, 7, 3, 20, "revolutionary")],
    ),
    (
        "md-crlf-nested-list", "markdown",
        "- a\r\n  - b\r\n    - c revolutionary\r\n",
        [(20, 33, 3, 9, 3, 22, "revolutionary")],
    ),
    (
        "md-crlf-after-fence", "markdown",
        "```\r\nrevolutionary\r\n```\r\nrevolutionary\r\n",
        [(25, 38, 4, 1, 4, 14, "revolutionary")],
    ),
    (
        "md-bom-crlf-front-matter", "markdown",
        "\ufeff---\r\ndate: 2025-01-01\r\n---\r\nrevolutionary\r\n",
        [(28, 41, 4, 1, 4, 14, "revolutionary")],
    ),
    (
        "md-crlf-lazy-cjk-emoji", "markdown",
        "> 中文\r\nlazy 🚀 revolutionary\r\n",
        [(13, 26, 2, 8, 2, 21, "revolutionary")],
    ),
]


@pytest.mark.parametrize("name, fmt, text, expected", MARKDOWN, ids=_ids(MARKDOWN))
def test_markdown_positions(name, fmt, text, expected):
    assert hype(text, fmt) == expected


# --- HTML ----------------------------------------------------------------------

HTML = [
    (
        "html-p", "html",
        "<p>A revolutionary idea.</p>\n",
        [(5, 18, 1, 6, 1, 19, "revolutionary")],
    ),
    (
        "html-li", "html",
        "<ul>\n  <li>a revolutionary item</li>\n</ul>\n",
        [(13, 26, 2, 9, 2, 22, "revolutionary")],
    ),
    (
        "html-td", "html",
        "<table><tr><td>x</td><td>revolutionary</td></tr></table>\n",
        [(25, 38, 1, 26, 1, 39, "revolutionary")],
    ),
    (
        "html-th", "html",
        "<table><tr><th>revolutionary</th></tr></table>\n",
        [(15, 28, 1, 16, 1, 29, "revolutionary")],
    ),
    (
        "html-em-across-newline", "html",
        "<p>An <em>truly\nrevolutionary</em> idea.</p>\n",
        [(16, 29, 2, 1, 2, 14, "revolutionary")],
    ),
    (
        "html-phrase-across-em", "html",
        "<p>A <em>game\nchanger</em> idea.</p>\n",
        [(9, 21, 1, 10, 2, 8, "game\nchanger")],
    ),
    (
        "html-mdash-named", "html",
        "<p>Wait&mdash;revolutionary.</p>\n",
        [(14, 27, 1, 15, 1, 28, "revolutionary")],
    ),
    (
        "html-mdash-decimal", "html",
        "<p>Wait&#8212;revolutionary.</p>\n",
        [(14, 27, 1, 15, 1, 28, "revolutionary")],
    ),
    (
        "html-mdash-hex", "html",
        "<p>Wait&#x2014;revolutionary.</p>\n",
        [(15, 28, 1, 16, 1, 29, "revolutionary")],
    ),
    (
        "html-entity-quotes", "html",
        "<p>&ldquo;revolutionary&rdquo; tool</p>\n",
        [(10, 23, 1, 11, 1, 24, "revolutionary")],
    ),
    (
        "html-bare-ampersand", "html",
        "<p>AT&T and R&D: revolutionary</p>\n",
        [(17, 30, 1, 18, 1, 31, "revolutionary")],
    ),
    (
        "html-figcaption", "html",
        "<figure><img src=a.png alt=x><figcaption>A revolutionary chart</figcaption></figure>\n",
        [(43, 56, 1, 44, 1, 57, "revolutionary")],
    ),
    (
        "html-implicit-p-end", "html",
        "<p>first<p>a revolutionary\n",
        [(13, 26, 1, 14, 1, 27, "revolutionary")],
    ),
    (
        "html-after-br", "html",
        "<p>first<br>a revolutionary</p>\n",
        [(14, 27, 1, 15, 1, 28, "revolutionary")],
    ),
    (
        "html-link-text", "html",
        '<p><a href="http://revolutionary.test">see revolutionary</a></p>\n',
        [(43, 56, 1, 44, 1, 57, "revolutionary")],
    ),
    (
        "html-crlf", "html",
        "<p>a\r\nb revolutionary</p>\r\n<p>again revolutionary</p>\r\n",
        [(8, 21, 2, 3, 2, 16, "revolutionary"), (36, 49, 3, 10, 3, 23, "revolutionary")],
    ),
    (
        "html-bom", "html",
        "\ufeff<p>a revolutionary</p>\n",
        [(5, 18, 1, 6, 1, 19, "revolutionary")],
    ),
    (
        "html-curly-quotes", "html",
        "<p>“Hm” ‘ok’ revolutionary</p>\n",
        [(13, 26, 1, 14, 1, 27, "revolutionary")],
    ),
    (
        "html-cjk", "html",
        "<p>中文 revolutionary</p>\n",
        [(6, 19, 1, 7, 1, 20, "revolutionary")],
    ),
    (
        "html-emoji", "html",
        "<p>🚀 revolutionary</p>\n",
        [(5, 18, 1, 6, 1, 19, "revolutionary")],
    ),
    (
        "html-all-at-once", "html",
        "\ufeff<p>x</p>\r\n<li>模型 🚀 “new” <b>revolutionary</b></li>\r\n",
        [(28, 41, 2, 19, 2, 32, "revolutionary")],
    ),
    (
        "html-crlf-li-cjk-emoji", "html",
        "<ul>\r\n<li>中文\r\n<li>🚀 revolutionary\r\n</ul>",
        [(20, 33, 3, 7, 3, 20, "revolutionary")],
    ),
    (
        "html-crlf-td-cjk-emoji", "html",
        "<table>\r\n<tr><td>中<td>🚀 revolutionary\r\n</table>",
        [(24, 37, 2, 16, 2, 29, "revolutionary")],
    ),
]


@pytest.mark.parametrize("name, fmt, text, expected", HTML, ids=_ids(HTML))
def test_html_positions(name, fmt, text, expected):
    assert hype(text, fmt) == expected


# --- Plain text ----------------------------------------------------------------

TEXT = [
    (
        "text-paragraphs", "text",
        "First revolutionary paragraph,\nwrapped here.\n\nSecond groundbreaking one.\n",
        [(6, 19, 1, 7, 1, 20, "revolutionary"), (53, 67, 4, 8, 4, 22, "groundbreaking")],
    ),
    (
        "text-line-per-paragraph", "text",
        "One line is revolutionary.\nAnother line is groundbreaking.\n",
        [(12, 25, 1, 13, 1, 26, "revolutionary"), (43, 57, 2, 17, 2, 31, "groundbreaking")],
    ),
    (
        "text-list-lines", "text",
        "- first item\n- a revolutionary item\n2. a cutting-edge item\n",
        [(17, 30, 2, 5, 2, 18, "revolutionary"), (41, 53, 3, 6, 3, 18, "cutting-edge")],
    ),
    (
        "text-phrase-across-lines", "text",
        "It is a game\nchanger for the firm and its staff.\n",
        [(8, 20, 1, 9, 2, 8, "game\nchanger")],
    ),
    (
        "text-crlf", "text",
        "Intro text\r\nwith revolutionary words.\r\n\r\n- item revolutionary\r\n",
        [(17, 30, 2, 6, 2, 19, "revolutionary"), (48, 61, 4, 8, 4, 21, "revolutionary")],
    ),
    (
        "text-lone-cr", "text",
        "Intro.\rA revolutionary line.\r",
        [(9, 22, 2, 3, 2, 16, "revolutionary")],
    ),
    (
        "text-bom", "text",
        "\ufeffA revolutionary idea.\n",
        [(2, 15, 1, 3, 1, 16, "revolutionary")],
    ),
    (
        "text-curly-quotes", "text",
        "“Hm” ‘ok’ revolutionary.\n",
        [(10, 23, 1, 11, 1, 24, "revolutionary")],
    ),
    (
        "text-cjk", "text",
        "中文 revolutionary.\n",
        [(3, 16, 1, 4, 1, 17, "revolutionary")],
    ),
    (
        "text-emoji", "text",
        "🚀 revolutionary.\n",
        [(2, 15, 1, 3, 1, 16, "revolutionary")],
    ),
    (
        "text-all-at-once", "text",
        "\ufeffIntro.\r\n\r\n模型 🚀 “new” revolutionary.\r\n",
        [(21, 34, 3, 12, 3, 25, "revolutionary")],
    ),
    (
        "text-crlf-lone-marker-item", "text",
        "Title 🚀\r\n\r\n- 中文 revolutionary\r\n-\r\nLabel:\r\n🚀 revolutionary.\r\n",
        [(16, 29, 3, 6, 3, 19, "revolutionary"), (44, 57, 6, 3, 6, 16, "revolutionary")],
    ),
]


@pytest.mark.parametrize("name, fmt, text, expected", TEXT, ids=_ids(TEXT))
def test_text_positions(name, fmt, text, expected):
    assert hype(text, fmt) == expected


# --- Headings and titles (HL201 widened to every block) --------------------------

HEADINGS = [
    (
        "md-atx-heading", "markdown",
        "# A revolutionary heading\n",
        [(4, 17, 1, 5, 1, 18, "revolutionary")],
    ),
    (
        "md-atx-closed", "markdown",
        "## revolutionary ##\n",
        [(3, 16, 1, 4, 1, 17, "revolutionary")],
    ),
    (
        "md-setext-heading", "markdown",
        "A revolutionary heading\n=======================\n",
        [(2, 15, 1, 3, 1, 16, "revolutionary")],
    ),
    (
        "md-setext-two-lines", "markdown",
        "Title line\nrevolutionary\n---\n",
        [(11, 24, 2, 1, 2, 14, "revolutionary")],
    ),
    (
        "html-h2", "html",
        "<h2>A revolutionary heading</h2>\n",
        [(6, 19, 1, 7, 1, 20, "revolutionary")],
    ),
    (
        "html-title", "html",
        "<html><head><title>revolutionary</title></head></html>\n",
        [(19, 32, 1, 20, 1, 33, "revolutionary")],
    ),
    (
        "text-heading", "text",
        "A Revolutionary Title\n\nBody text here.\n",
        [(2, 15, 1, 3, 1, 16, "Revolutionary")],
    ),
]


@pytest.mark.parametrize("name, fmt, text, expected", HEADINGS, ids=_ids(HEADINGS))
def test_heading_positions(name, fmt, text, expected):
    assert hype_everywhere(text, fmt) == expected


def test_prose_scope_leaves_headings_alone():
    # The reason the heading cases widen the scope: HL201 itself skips them.
    assert hype("# A revolutionary heading\n", "markdown") == []
    assert hype("<h2>A revolutionary heading</h2>\n", "html") == []


# --- Exclusions --------------------------------------------------------------------
# Each draft holds "revolutionary" where it is not prose and "groundbreaking"
# in prose, so a case fails both when the exclusion leaks and when the rule
# stops running altogether.

EXCLUDED = [
    ("md-fenced", "markdown", "```\nrevolutionary\n```\n\nA groundbreaking end.\n"),
    ("md-fenced-tilde-info", "markdown", "~~~python\nrevolutionary = 1\n~~~\n\nA groundbreaking end.\n"),
    ("md-indented-code", "markdown", "Intro.\n\n    revolutionary code\n\nA groundbreaking end.\n"),
    ("md-inline-code", "markdown", "Use `revolutionary` and groundbreaking.\n"),
    ("md-inline-code-double", "markdown", "Use `` a`revolutionary `` and groundbreaking.\n"),
    ("md-link-target", "markdown", "[a link](http://x.test/revolutionary) groundbreaking\n"),
    ("md-link-title", "markdown", '[a link](http://x.test "revolutionary") groundbreaking\n'),
    ("md-autolink", "markdown", "<https://revolutionary.example> groundbreaking\n"),
    ("md-bare-url", "markdown", "See https://example.com/revolutionary and groundbreaking\n"),
    ("md-www-url", "markdown", "See www.revolutionary.example and groundbreaking\n"),
    ("md-email", "markdown", "Mail revolutionary@example.com, groundbreaking\n"),
    ("md-image-url", "markdown", "![chart](http://x.test/revolutionary.png) groundbreaking\n"),
    ("md-yaml-front-matter", "markdown", "---\ntitle: revolutionary\n---\nA groundbreaking end.\n"),
    ("md-toml-front-matter", "markdown", '+++\ntitle = "revolutionary"\n+++\nA groundbreaking end.\n'),
    ("md-yaml-front-matter-crlf", "markdown", "---\r\ntitle: revolutionary\r\n---\r\nA groundbreaking end.\r\n"),
    ("md-toml-front-matter-crlf", "markdown", '+++\r\ntitle = "revolutionary"\r\n+++\r\nA groundbreaking end.\r\n'),
    ("md-reference-definition", "markdown", "[x]: https://revolutionary.example\n\nA groundbreaking [x].\n"),
    ("md-reference-title", "markdown", '[x]: https://y.example "revolutionary"\n\nA groundbreaking [x].\n'),
    ("md-html-comment-block", "markdown", "<!-- revolutionary -->\n\nA groundbreaking end.\n"),
    ("md-html-comment-inline", "markdown", "A <!-- revolutionary --> groundbreaking end.\n"),
    ("md-html-attribute-block", "markdown", '<p title="revolutionary">x</p>\n\nA groundbreaking end.\n'),
    ("md-html-attribute-inline", "markdown", 'A <span title="revolutionary">groundbreaking</span> end.\n'),
    ("md-footnote-ref", "markdown", "Claim[^revolutionary] groundbreaking.\n\n[^revolutionary]: Note.\n"),
    ("html-comment", "html", "<!-- revolutionary --><p>A groundbreaking end.</p>\n"),
    ("html-attribute", "html", '<p title="revolutionary">A groundbreaking end.</p>\n'),
    ("html-img-alt", "html", '<p><img alt="revolutionary" src=a.png> groundbreaking</p>\n'),
    ("html-href", "html", '<p><a href="/revolutionary">a groundbreaking link</a></p>\n'),
    ("html-script", "html", "<script>var revolutionary = 1;</script><p>A groundbreaking end.</p>\n"),
    ("html-style", "html", "<style>.revolutionary { color: red }</style><p>A groundbreaking end.</p>\n"),
    ("html-pre", "html", "<pre>revolutionary\n  code</pre><p>A groundbreaking end.</p>\n"),
    ("html-code", "html", "<p>Call <code>revolutionary()</code>, groundbreaking.</p>\n"),
    ("html-pre-code", "html", "<pre><code>revolutionary</code></pre><p>A groundbreaking end.</p>\n"),
    ("html-bare-url", "html", "<p>See https://example.com/revolutionary and groundbreaking</p>\n"),
    ("text-yaml-front-matter", "text", "---\ntitle: revolutionary\n---\nA groundbreaking end.\n"),
    ("text-toml-front-matter", "text", '+++\ntitle = "revolutionary"\n+++\nA groundbreaking end.\n'),
    ("text-comment", "text", "<!-- revolutionary -->\nA groundbreaking end.\n"),
    ("text-bare-url", "text", "See https://example.com/revolutionary and groundbreaking.\n"),
]


@pytest.mark.parametrize("name, fmt, text", EXCLUDED, ids=_ids(EXCLUDED))
def test_never_flagged_outside_prose(name, fmt, text):
    found = [(offset, word) for offset, _, _, _, _, _, word in hype(text, fmt)]
    assert found == [(text.rindex("groundbreaking"), "groundbreaking")]


def test_link_text_flagged_but_not_its_url():
    text = "[revolutionary](http://revolutionary.test)\n"
    assert hype(text, "markdown") == [(1, 14, 1, 2, 1, 15, "revolutionary")]


def test_image_alt_flagged_but_not_its_url():
    text = "![revolutionary](http://x.test/revolutionary.png)\n"
    assert hype(text, "markdown") == [(2, 15, 1, 3, 1, 16, "revolutionary")]


def test_autolink_text_is_excluded_as_a_whole():
    doc = parse("<https://revolutionary.example> ok\n", "markdown")
    assert doc.is_excluded(Span(9, 22))
    assert not doc.is_excluded(Span(32, 34))


# --- LineIndex and Block maps ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, starts",
    [
        ("", [0]),
        ("abc", [0]),
        ("a\n", [0, 2]),
        ("a\nb\n", [0, 2, 4]),
        ("a\r\nb\r\n", [0, 3, 6]),
        ("a\rb\r", [0, 2, 4]),
        ("a\n\rb", [0, 2, 3]),  # LF then a lone CR: two breaks, not one CRLF
        ("\r\n\r\n", [0, 2, 4]),
    ],
)
def test_line_starts(text, starts):
    assert LineIndex(text).starts == starts


def test_line_col_and_back():
    text = "ab\r\n中🚀x\rlast\n"
    lines = LineIndex(text)
    assert lines.line_col(0) == (1, 1)
    assert lines.line_col(2) == (1, 3)  # the CR of the CRLF ends line 1
    assert lines.line_col(4) == (2, 1)
    assert lines.line_col(6) == (2, 3)  # one column per code point, emoji included
    assert lines.line_col(8) == (3, 1)
    assert lines.line_col(len(text)) == (4, 1)
    assert lines.line_count == 4
    for offset in range(len(text) + 1):
        assert lines.offset(*lines.line_col(offset)) == offset


def test_line_span_leaves_out_the_line_ending():
    text = "ab\r\ncd\ref\ngh"
    lines = LineIndex(text)
    assert [lines.line_span(n) for n in range(1, 5)] == [Span(0, 2), Span(4, 6), Span(7, 9), Span(10, 12)]
    assert LineIndex("x\n").line_span(2) == Span(2, 2)


def test_block_source_span_follows_runs():
    # "A & B" from the source "A &amp; B": the entity is one prose character.
    block = Block("paragraph", "A & B", [(0, 10), (2, 12), (3, 17)], start=10, end=19)
    assert block.source_offset(0) == 10
    assert block.source_offset(2) == 12
    assert block.source_offset(4) == 18
    assert block.source_span(2, 3) == Span(12, 13)
    assert block.source_span(2, 5) == Span(12, 19)
    assert block.source_span(3, 3) == Span(17, 17)


def test_parse_refuses_a_bom():
    # lint_text and read_file strip it; a BOM reaching the parsers is a bug upstream.
    with pytest.raises(ValueError):
        parse("\ufeffText.\n", "markdown")
