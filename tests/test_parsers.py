"""The parsers: which blocks each format yields, and what is kept out of prose.

Blocks are compared as (kind, level, containers, text); positions of whole
blocks are checked through `Document.block_span`, which maps the first and
last prose character back to the source.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hypelint.model import Link, Span
from hypelint.parsers import parse


def blocks(text: str, fmt: str) -> list[tuple]:
    return [(b.kind, b.level, b.containers, b.text) for b in parse(text, fmt).blocks]


def spans(doc) -> list[str]:
    """The source of each block's prose, end to end."""
    return [doc.text[s.start : s.end] for s in (doc.block_span(i) for i in range(len(doc.blocks)))]


# --- Markdown --------------------------------------------------------------------

MARKDOWN = """\
# One
## Two
### Three
#### Four
##### Five
###### Six

Setext one
==========

Setext two
----------

A *plain* paragraph with [a link](http://x.test)
and a second line.

- item one
  - nested item
- item two

> quoted para
>
> - quoted item

> > deeper

| Head A | Head B |
|--------|--------|
| cell 1 | cell 2 |
"""


def test_markdown_blocks():
    assert blocks(MARKDOWN, "markdown") == [
        ("heading", 1, (), "One"),
        ("heading", 2, (), "Two"),
        ("heading", 3, (), "Three"),
        ("heading", 4, (), "Four"),
        ("heading", 5, (), "Five"),
        ("heading", 6, (), "Six"),
        ("heading", 1, (), "Setext one"),
        ("heading", 2, (), "Setext two"),
        ("paragraph", 0, (), "A plain paragraph with a link\nand a second line."),
        ("list_item", 0, ("list_item",), "item one"),
        ("list_item", 0, ("list_item", "list_item"), "nested item"),
        ("list_item", 0, ("list_item",), "item two"),
        ("paragraph", 0, ("blockquote",), "quoted para"),
        ("list_item", 0, ("blockquote", "list_item"), "quoted item"),
        ("paragraph", 0, ("blockquote", "blockquote"), "deeper"),
        ("table_cell", 0, ("table",), "Head A"),
        ("table_cell", 0, ("table",), "Head B"),
        ("table_cell", 0, ("table",), "cell 1"),
        ("table_cell", 0, ("table",), "cell 2"),
    ]


def test_markdown_block_spans_and_links():
    doc = parse(MARKDOWN, "markdown")
    assert spans(doc)[8] == "A *plain* paragraph with [a link](http://x.test)\nand a second line."
    assert spans(doc)[10] == "nested item"
    assert spans(doc)[18] == "cell 2"
    start = MARKDOWN.index("a link")
    assert doc.links == [Link(Span(start, start + 6), "http://x.test")]
    assert doc.excluded == []


def test_markdown_runs_are_exact():
    text = "A **b** [c](u) &amp; \\*d\n"
    (block,) = parse(text, "markdown").blocks
    assert block.text == "A b c & *d"
    for pos, char in enumerate(block.text):
        at = block.source_offset(pos)
        if char == "&":
            assert text.startswith("&amp;", at)
        else:
            assert text[at] == char, (pos, char)


def test_markdown_code_and_html_are_excluded_exactly():
    text = "Intro `co de` end.\n\n```py\nx = 1\n```\n\n    indented\n\n<div>\nraw\n</div>\n\nA <b>bold</b> move.\n"
    doc = parse(text, "markdown")
    fence = text.index("```py")
    indented = text.index("    indented")
    div = text.index("<div>")
    bold = text.index("<b>")
    assert sorted(doc.excluded, key=lambda s: s.start) == [
        Span(6, 13),  # `co de`, backticks included
        Span(fence, fence + 16),  # the whole fence, closing line and its newline included
        Span(indented, indented + 13),
        Span(div, div + 17),  # the HTML block's lines
        Span(bold, bold + 3),
        Span(bold + 7, bold + 11),
    ]
    # The code stays in the prose so sentences read on, but is excluded.
    assert [b.text for b in doc.blocks] == ["Intro co de end.", "A bold move."]


def test_markdown_autolink_bare_url_and_email_are_excluded():
    text = "See <https://a.example/x> and https://b.example/y, or mail me@c.example.\n"
    doc = parse(text, "markdown")
    got = sorted((s.start, s.end) for s in doc.excluded)
    # The autolink's visible URL is also in the prose, where the bare-URL
    # pattern finds it again, inside the autolink's own span.
    assert [text[a:b] for a, b in got] == [
        "<https://a.example/x>",
        "https://a.example/x",
        "https://b.example/y",
        "me@c.example",
    ]
    assert doc.blocks[0].text == "See https://a.example/x and https://b.example/y, or mail me@c.example."


def test_markdown_comments_are_kept_for_directives():
    text = "<!-- hypelint: disable -->\n\nText <!-- inline --> here.\n"
    doc = parse(text, "markdown")
    assert [text[s.start : s.end] for s in doc.comments] == ["<!-- hypelint: disable -->", "<!-- inline -->"]
    assert [d.action for d in doc.directives] == ["disable"]


def test_markdown_footnote_definition_keeps_its_own_position():
    # Fixed: markdown-it moves footnote bodies to the end of the token stream;
    # they used to be aligned from the cursor at the end of the document.
    text = "Claim[^1] here.\n\n[^1]: The note text.\n\nA later paragraph.\n"
    doc = parse(text, "markdown")
    assert blocks(text, "markdown") == [
        ("paragraph", 0, (), "Claim here."),
        ("paragraph", 0, (), "A later paragraph."),
        ("paragraph", 0, ("footnote",), "The note text."),
    ]
    assert spans(doc)[2] == "The note text."
    assert doc.block_span(2).start == text.index("The note")


@pytest.mark.parametrize(
    "front, date",
    [
        ("---\ntitle: T\ndate: 2025-01-02\n---\n", dt.date(2025, 1, 2)),
        ("---\ndate: 2025-01-02T09:30:00Z\n---\n", dt.date(2025, 1, 2)),
        ("---\npublished: '2024-12-31'\n---\n", dt.date(2024, 12, 31)),
        ("+++\ntitle = \"T\"\ndate = 2025-01-02\n+++\n", dt.date(2025, 1, 2)),
        ("+++\ndate = 2025-01-02T09:30:00Z\n+++\n", dt.date(2025, 1, 2)),
        ("---\r\ntitle: T\r\ndate: 2025-01-02\r\n---\r\n", dt.date(2025, 1, 2)),
        ("+++\r\ndate = 2025-01-02\r\n+++\r\n", dt.date(2025, 1, 2)),
        ("---\ntitle: [unclosed\n---\n", None),  # bad YAML: still front matter, no date
        ("---\n---\n", None),
    ],
)
@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_front_matter_date_and_exclusion(front, date, fmt):
    doc = parse(front + "Body text.\n", fmt)
    assert doc.date == date
    assert doc.excluded[0] == Span(0, len(front))
    assert [b.text for b in doc.blocks] == ["Body text."]


def test_unclosed_front_matter_is_prose():
    doc = parse("---\ntitle: T\n\nBody text.\n", "markdown")
    assert doc.date is None and doc.excluded == []


# --- HTML -----------------------------------------------------------------------------

HTML = """\
<!doctype html>
<html><head><title>The Title</title>
<meta name="date" content="2025-01-02">
<script>var x = "hidden";</script></head>
<body>
<h1>One</h1><h2>Two</h2><h3>Three</h3>
<p>Para one
<p>Para two<br>after break</p>
<ul><li>item one<li>item <em>two</em></ul>
<table><tr><th>H<td>cell</tr></table>
<figure><img src=x alt="an alt"><figcaption>Cap text</figcaption></figure>
<blockquote><p>Quoted para</p></blockquote>
<blockquote>Bare quote</blockquote>
<p>See <a href="http://x.test">the site</a>.<!-- note --></p>
</body></html>"""


def test_html_blocks():
    assert blocks(HTML, "html") == [
        ("title", 0, (), "The Title"),
        ("heading", 1, (), "One"),
        ("heading", 2, (), "Two"),
        ("heading", 3, (), "Three"),
        ("paragraph", 0, (), "Para one"),  # ended by the next <p>, as browsers do
        ("paragraph", 0, (), "Para two\nafter break"),  # <br> is a line break within the block
        ("list_item", 0, ("list_item",), "item one"),  # ended by the next <li>
        ("list_item", 0, ("list_item",), "item two"),
        ("table_cell", 0, ("table",), "H"),
        ("table_cell", 0, ("table",), "cell"),
        ("caption", 0, (), "Cap text"),
        ("paragraph", 0, ("blockquote",), "Quoted para"),
        ("paragraph", 0, ("blockquote",), "Bare quote"),
        ("paragraph", 0, (), "See the site."),
    ]


def test_html_spans_links_comments_meta():
    doc = parse(HTML, "html")
    assert spans(doc)[5] == "Para two<br>after break"
    assert spans(doc)[7] == "item <em>two"
    assert spans(doc)[13] == 'See <a href="http://x.test">the site</a>.'
    # The <br> stands for the "\n" of the prose.
    assert doc.blocks[5].source_offset(8) == HTML.index("<br>")
    site = HTML.index("the site")
    assert doc.links == [Link(Span(site, site + 8), "http://x.test")]
    script = HTML.index("<script>")
    comment = HTML.index("<!-- note -->")
    assert doc.excluded == [Span(script, HTML.index("</script>") + 9), Span(comment, comment + 13)]
    assert doc.comments == [Span(comment, comment + 13)]
    assert doc.date == dt.date(2025, 1, 2)


@pytest.mark.parametrize(
    "meta, date",
    [
        ('<meta name="date" content="2025-01-02">', dt.date(2025, 1, 2)),
        ('<meta property="article:published_time" content="2025-03-04T10:00:00Z" />', dt.date(2025, 3, 4)),
        ('<meta name="DC.date" content="2024-02-29">', dt.date(2024, 2, 29)),
        ('<meta name="date" content="soon">', None),
        ('<meta name="description" content="2025-01-02">', None),
    ],
)
def test_html_meta_date(meta, date):
    assert parse(f"<html><head>{meta}</head><body><p>x</p></body></html>", "html").date == date


def test_html_unterminated_references_stay_text():
    # Fixed: "AT&T" used to lose its "&T" (the parser reports it as an entity
    # reference, which the reader dropped when it had no closing ";").
    text = "<p>AT&T and R&D &amp; more&#33; &#65 x</p>"
    (block,) = parse(text, "html").blocks
    assert block.text == "AT&T and R&D & more! &#65 x"
    for pos, char in enumerate(block.text):
        at = block.source_offset(pos)
        assert text[at] == char or text[at] == "&", (pos, char)
    assert block.source_offset(block.text.index("more")) == text.index("more")
    assert block.source_offset(block.text.index("x")) == text.index("x</p>")


def test_html_whitespace_only_text_makes_no_block():
    assert blocks("<div>\n  <p>\n    Text here.\n  </p>\n</div>\n", "html") == [("paragraph", 0, (), "Text here.")]


# --- Plain text ------------------------------------------------------------------------


def test_text_title_paragraph_faq():
    text = (
        "The Rise of Machine Minds\n"
        "\n"
        "This is the opening paragraph of prose. It goes on a bit.\n"
        "\n"
        "FAQ\n"
        "What is it?\n"
        "It is a tool.\n"
        "Is it safe?\n"
        "Mostly yes.\n"
        "\n"
        "Background\n"
        "The project began in 2019 and has grown.\n"
    )
    assert blocks(text, "text") == [
        ("heading", 1, (), "The Rise of Machine Minds"),
        ("paragraph", 0, (), "This is the opening paragraph of prose. It goes on a bit."),
        ("heading", 2, (), "FAQ"),
        ("heading", 3, (), "What is it?"),
        ("paragraph", 0, (), "It is a tool."),
        ("heading", 3, (), "Is it safe?"),
        ("paragraph", 0, (), "Mostly yes."),
        ("heading", 2, (), "Background"),
        ("paragraph", 0, (), "The project began in 2019 and has grown."),
    ]


def test_text_faq_questions_end_at_the_next_plain_heading():
    text = "Intro text here.\n\nFAQ\nWhat is it?\nA tool.\n\nMethods\nWe asked people.\n\nWhy now?\nBecause.\n"
    assert [(k, lv, t) for k, lv, _, t in blocks(text, "text")] == [
        ("paragraph", 0, "Intro text here."),
        ("heading", 2, "FAQ"),
        ("heading", 3, "What is it?"),
        ("paragraph", 0, "A tool."),
        ("heading", 2, "Methods"),
        ("paragraph", 0, "We asked people."),
        ("heading", 2, "Why now?"),
        ("paragraph", 0, "Because."),
    ]


def test_text_list_lines():
    text = "Key points\n\n- first point\n- second point\n* third\n1. fourth\n2) fifth\n"
    assert blocks(text, "text") == [
        ("heading", 1, (), "Key points"),
        ("list_item", 0, ("list_item",), "first point"),
        ("list_item", 0, ("list_item",), "second point"),
        ("list_item", 0, ("list_item",), "third"),
        ("list_item", 0, ("list_item",), "fourth"),
        ("list_item", 0, ("list_item",), "fifth"),
    ]
    doc = parse(text, "text")
    assert spans(doc)[1] == "first point"
    assert doc.block_span(1).start == text.index("first")


def test_text_indented_line_continues_a_list_item():
    text = "Intro paragraph here.\n\n- alpha\n  continued alpha\n- beta\n"
    assert blocks(text, "text")[1:] == [
        ("list_item", 0, ("list_item",), "alpha\n  continued alpha"),
        ("list_item", 0, ("list_item",), "beta"),
    ]


def test_text_lone_marker_label_and_line_make_one_item():
    text = "Key figures\n\n-\nTalent pool:\nChina has more engineers than anyone.\n-\nFunding:\nThe US leads.\n"
    assert blocks(text, "text") == [
        ("heading", 1, (), "Key figures"),
        ("list_item", 0, ("list_item",), "Talent pool:\nChina has more engineers than anyone."),
        ("list_item", 0, ("list_item",), "Funding:\nThe US leads."),
    ]
    doc = parse(text, "text")
    assert spans(doc)[1] == "Talent pool:\nChina has more engineers than anyone."


WRAPPED = (
    "The committee met on Tuesday to discuss the proposal which had been\n"
    "circulating among members for several weeks before the vote took place\n"
    "and most of them agreed that it needed more work before it could pass.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        WRAPPED,
        "Intro.\n\n" + WRAPPED,
        # Fixed: with only two lines, the first (heading-like: short enough,
        # capital, no final period) used to tip the chunk into one block per
        # line and become a heading. A line whose sentence runs on into a
        # lower-case next line is wrapped, not a title.
        "The committee met on Tuesday to discuss the proposal which had been\n"
        "circulating among members for several weeks.\n",
    ],
)
def test_text_hard_wrapped_paragraph_stays_one_block(text):
    found = blocks(text, "text")
    assert found[-1][0] == "paragraph"
    assert found[-1][3].startswith("The committee met on Tuesday")
    assert all(kind != "heading" for kind, *_ in found)


def test_text_title_cased_first_line_of_a_chunk_is_a_heading():
    text = (
        "Intro.\n\n"
        "The Committee Met on Tuesday to Discuss the Proposal\n"
        "The vote took place after weeks of debate among members of the panel,\n"
        "and most of them agreed that it needed more work before it could pass.\n"
    )
    assert [(k, lv) for k, lv, _, _ in blocks(text, "text")] == [("paragraph", 0), ("heading", 2), ("paragraph", 0)]


def test_text_sentence_case_line_ending_in_a_connector_is_not_a_heading():
    text = "Intro.\n\nResearchers at the lab said on Monday that their\nnew model is faster.\n"
    assert blocks(text, "text")[1] == (
        "paragraph",
        0,
        (),
        "Researchers at the lab said on Monday that their\nnew model is faster.",
    )


def test_text_long_title_case_first_line_is_the_title():
    text = (
        "A Week at the Harbour in 2040 with Drones, Robots, Sensors, Cranes, Ships, Trucks and Autonomous Barges Everywhere\n\n"
        "The day starts early.\n"
    )
    assert [(k, lv) for k, lv, _, _ in blocks(text, "text")] == [("heading", 1), ("paragraph", 0)]
    # Further down the same line is prose: only a draft's first line may run so long.
    assert blocks("Intro.\n\n" + text, "text")[1][:2] == ("paragraph", 0)


@pytest.mark.parametrize(
    "line",
    [
        "\u201cLovely weather\u201d, said Mina to the doorman. \u201cIs the car ready\u201d?",
        "\u201cTake the stairs, the lift is broken.\u201d",
        "\"We won! Nobody expected it.\"",
    ],
)
def test_text_dialogue_on_a_line_of_its_own_is_not_a_heading(line):
    text = "Intro.\n\n" + line + "\n\nThe next morning was quiet.\n"
    assert [kind for kind, *_ in blocks(text, "text")] == ["paragraph", "paragraph", "paragraph"]


def test_text_quoted_title_and_two_part_title_stay_headings():
    text = "Intro.\n\n\u201cFree Will\u201d at the Lab\n\nText.\n\nWhat Went Wrong? A Look Back at the Launch\n\nMore.\n"
    assert [kind for kind, *_ in blocks(text, "text")] == ["paragraph", "heading", "paragraph", "heading", "paragraph"]


def test_text_crlf_and_comments():
    text = "Title Here\r\n\r\nFirst line <!-- hypelint: disable --> of text,\r\nsecond line.\r\n"
    doc = parse(text, "text")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Title Here"),
        ("paragraph", "First line  of text,\nsecond line."),
    ]
    comment = text.index("<!--")
    assert doc.comments == [Span(comment, comment + 26)]
    assert doc.excluded == [Span(comment, comment + 26)]
    block = doc.blocks[1]
    assert block.source_offset(block.text.index("of text")) == text.index("of text")
    assert block.source_offset(block.text.index("second")) == text.index("second")


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_empty_document(fmt):
    doc = parse("", fmt)
    assert doc.blocks == [] and doc.excluded == [] and doc.date is None


def test_unknown_format():
    with pytest.raises(ValueError):
        parse("x", "rst")
