"""Exact positions of pitfall findings, and the pitfall checks that are no one rule's case.

What each AI-pitfall rule (HL204 to HL206, HL601 to HL603, HL701, HL751,
HL801 to HL804, HL821 to HL823) flags and leaves alone is in its rule file
(the `examples:` cases, run by tests/test_rules.py), which checks the
excerpts. Here: where the findings are, the same sentences in Markdown, HTML
and plain text (a title, bold around the span, a list item, a sentence
wrapped over two lines), as (line, column, end_line, end_column, excerpt),
lines and columns 1-based, end_column one past the last character, as
editors and SARIF count them; and what a rule case cannot say: a piece not
about AI, a warning in an undated piece and a note in a dated one, hype
saturation (several rules at once), and HL803's two messages for a piece
that never mentions limitations or does so only at its end.

Only the rule under test runs (HL207 with the rules whose findings it
counts), with the story dated 2025-06-01, so other rules and today's date
cannot change what is expected here.
"""

from __future__ import annotations

import pytest

from golden import DATE, FORMATS, assert_same_sentences_in_every_format, findings, flagged_cases, lint, render

from hypelint.api import lint_source
from hypelint.config import Config, resolve_rules
from hypelint.analysis.topics import on_topic
from hypelint.parsers import parse


def titled(fmt: str, title: str, *paragraphs: str) -> str:
    """A draft under a title: a Markdown heading, an HTML <h1>, a title line in text."""
    head = {"markdown": f"# {title}\n\n", "html": f"<h1>{title}</h1>\n", "text": f"{title}\n\n"}[fmt]
    return head + render(fmt, *paragraphs)


def test_render_lays_out_the_three_formats():
    assert render("markdown", "A.", "D.") == "A.\n\nD.\n"
    assert render("html", "A.", "D.") == "<p>A.</p>\n<p>D.</p>\n"
    assert render("text", "A.", "D.") == "A.\n\nD.\n"
    assert titled("markdown", "T", "A.") == "# T\n\nA.\n"
    assert titled("html", "T", "A.") == "<h1>T</h1>\n<p>A.</p>\n"
    assert titled("text", "T", "A.") == "T\n\nA.\n"


def _rule(code: str):
    return next(rule for rule in resolve_rules(Config(select=(code,))) if rule.code == code)


def about_ai(fmt: str, text: str) -> bool:
    return on_topic(parse(text, fmt, None), "ai")


# --- flagged: exact positions ------------------------------------------------------------

POSITIONS: dict[str, dict[str, tuple[str, list[tuple[int, int, int, int, str]]]]] = {
    "HL601": {
        "markdown": (
            "# The Robot That Wants to Help\n"
            "\n"
            "Sentinel, an AI fraud system, watches every card payment. **Sentinel knows** when a card is stolen.\n"
            "\n"
            "The chatbot answers questions about tax. It understands what each customer needs.\n"
            "\n"
            "- The algorithm decides who gets a loan.\n"
            "- AI now knows what a healthy lung looks like.\n"
            "\n"
            "Fraud fell by a third last year, and the AI model\n"
            "thinks like a fraudster.\n",
            [
                (1, 3, 1, 23, "The Robot That Wants"),
                (3, 61, 3, 75, "Sentinel knows"),
                (5, 42, 5, 56, "It understands"),
                (7, 3, 7, 24, "The algorithm decides"),
                (8, 3, 8, 15, "AI now knows"),
                (10, 38, 11, 7, "the AI model thinks"),
            ],
        ),
        "html": (
            "<h1>The Robot That Wants to Help</h1>\n"
            "<p>Sentinel, an AI fraud system, watches every card payment. "
            "<b>Sentinel knows</b> when a card is stolen.</p>\n"
            "<p>The chatbot answers questions about tax. It understands what each customer needs.</p>\n"
            "<ul>\n"
            "  <li>The algorithm decides who gets a loan.</li>\n"
            "  <li>AI now knows what a healthy lung looks like.</li>\n"
            "</ul>\n"
            "<p>Fraud fell by a third last year, and the AI model\n"
            "thinks like a fraudster.</p>\n",
            [
                (1, 5, 1, 25, "The Robot That Wants"),
                (2, 65, 2, 79, "Sentinel knows"),
                (3, 45, 3, 59, "It understands"),
                (5, 7, 5, 28, "The algorithm decides"),
                (6, 7, 6, 19, "AI now knows"),
                (8, 41, 9, 7, "the AI model thinks"),
            ],
        ),
        "text": (
            "The Robot That Wants to Help\n"
            "\n"
            "Sentinel, an AI fraud system, watches every card payment. Sentinel knows when a card is stolen.\n"
            "\n"
            "The chatbot answers questions about tax. It understands what each customer needs.\n"
            "\n"
            "- The algorithm decides who gets a loan.\n"
            "- AI now knows what a healthy lung looks like.\n"
            "\n"
            "Fraud fell by a third last year, and the AI model\n"
            "thinks like a fraudster.\n",
            [
                (1, 1, 1, 21, "The Robot That Wants"),
                (3, 59, 3, 73, "Sentinel knows"),
                (5, 42, 5, 56, "It understands"),
                (7, 3, 7, 24, "The algorithm decides"),
                (8, 3, 8, 15, "AI now knows"),
                (10, 38, 11, 7, "the AI model thinks"),
            ],
        ),
    },
}


@pytest.mark.parametrize("code,fmt", flagged_cases(POSITIONS), ids=lambda value: value)
def test_flagged_with_exact_positions(code, fmt):
    text, expected = POSITIONS[code][fmt]
    assert findings(code, fmt, text) == expected


def test_the_same_sentences_are_flagged_in_every_format():
    assert_same_sentences_in_every_format(POSITIONS)


# --- limited to pieces about AI -------------------------------------------------------------

# A football report: "the manager knows", and "machine" and "system" as subjects
# that would read as AI systems in a piece about AI.
FOOTBALL = (
    "Leeds beat Hull 2-1 on Saturday in front of 30,000 fans.",
    "The manager knows his side must win again on Tuesday. Their pressing machine thinks two passes ahead, "
    "and the system decides who wins the ball.",
)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_piece_not_about_ai_has_no_anthropomorphism(fmt):
    text = render(fmt, *FOOTBALL)
    assert not about_ai(fmt, text)
    for code in ("HL601", "HL602", "HL603"):
        assert findings(code, fmt, text) == [], code


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_piece_not_about_ai_has_no_sceptics(fmt):
    text = render(fmt, "Vaccine sceptics gathered outside the clinic on Saturday.")
    assert findings("HL822", fmt, text) == []


@pytest.mark.parametrize(
    "code", ["HL601", "HL602", "HL603", "HL801", "HL802", "HL803", "HL804", "HL821", "HL822", "HL823"]
)
def test_the_pitfall_rules_are_limited_to_pieces_about_ai(code):
    assert _rule(code).topic == "ai"


# --- HL751: a warning in an undated piece, a note in a dated one -------------------------------

# HL751's whole-draft case in its rule file, here with positions in three formats.
RELATIVE_TIME = {
    "markdown": (
        "# Chatbots in banking\n"
        "\n"
        "Chatbots are **currently** used by most banks.\n"
        "\n"
        "- The company recently opened a second data centre.\n"
        "- Its latest model writes code.\n"
        "- The bank will add a voice assistant this year.\n"
        "- Today, most call centres use one.\n"
        "\n"
        "The firm has hired 300 engineers to date, and it will\n"
        "soon open an office in Leeds.\n",
        [
            (3, 16, 3, 25, "currently"),
            (5, 15, 5, 23, "recently"),
            (6, 3, 6, 13, "Its latest"),
            (7, 39, 7, 48, "this year"),
            (8, 3, 8, 8, "Today"),
            (10, 34, 10, 41, "to date"),
            (11, 1, 11, 5, "soon"),
        ],
    ),
    "html": (
        "<h1>Chatbots in banking</h1>\n"
        "<p>Chatbots are <b>currently</b> used by most banks.</p>\n"
        "<ul>\n"
        "  <li>The company recently opened a second data centre.</li>\n"
        "  <li>Its latest model writes code.</li>\n"
        "  <li>The bank will add a voice assistant this year.</li>\n"
        "  <li>Today, most call centres use one.</li>\n"
        "</ul>\n"
        "<p>The firm has hired 300 engineers to date, and it will\n"
        "soon open an office in Leeds.</p>\n",
        [
            (2, 20, 2, 29, "currently"),
            (4, 19, 4, 27, "recently"),
            (5, 7, 5, 17, "Its latest"),
            (6, 43, 6, 52, "this year"),
            (7, 7, 7, 12, "Today"),
            (9, 37, 9, 44, "to date"),
            (10, 1, 10, 5, "soon"),
        ],
    ),
    "text": (
        "Chatbots in banking\n"
        "\n"
        "Chatbots are currently used by most banks.\n"
        "\n"
        "- The company recently opened a second data centre.\n"
        "- Its latest model writes code.\n"
        "- The bank will add a voice assistant this year.\n"
        "- Today, most call centres use one.\n"
        "\n"
        "The firm has hired 300 engineers to date, and it will\n"
        "soon open an office in Leeds.\n",
        [
            (3, 14, 3, 23, "currently"),
            (5, 15, 5, 23, "recently"),
            (6, 3, 6, 13, "Its latest"),
            (7, 39, 7, 48, "this year"),
            (8, 3, 8, 8, "Today"),
            (10, 34, 10, 41, "to date"),
            (11, 1, 11, 5, "soon"),
        ],
    ),
}
UNDATED = {fmt: text for fmt, (text, _) in RELATIVE_TIME.items()}
DATED = {
    "markdown": "---\ntitle: Chatbots in banking\ndate: 2025-05-30\n---\n" + UNDATED["markdown"],
    "html": '<html>\n<head><meta name="date" content="2025-05-30"></head>\n<body>\n'
    + UNDATED["html"]
    + "</body>\n</html>\n",
    "text": "---\ndate: 2025-05-30\n---\n" + UNDATED["text"],
}
# The front matter or <head> pushes every line down.
SHIFT = {"markdown": 4, "html": 3, "text": 3}


@pytest.mark.parametrize("fmt", FORMATS)
def test_relative_time_is_a_warning_in_an_undated_piece(fmt):
    found = lint("HL751", fmt, UNDATED[fmt])
    assert [(f.line, f.column, f.end_line, f.end_column, f.excerpt) for f in found] == RELATIVE_TIME[fmt][1]
    assert [f.severity for f in found] == ["warning"] * len(found)


@pytest.mark.parametrize("fmt", FORMATS)
def test_relative_time_is_a_note_in_a_dated_piece(fmt):
    found = lint("HL751", fmt, DATED[fmt])
    shift = SHIFT[fmt]
    expected = [(line + shift, col, end + shift, end_col, excerpt)
                for line, col, end, end_col, excerpt in RELATIVE_TIME[fmt][1]]
    assert [(f.line, f.column, f.end_line, f.end_column, f.excerpt) for f in found] == expected
    assert [f.severity for f in found] == ["info"] * len(found)


# --- HL207: a saturated draft, and a sober one with one slip ------------------------------------

# More than a dozen hype words and phrases in some two hundred words: promotion, not reporting.
SATURATED = (
    (
        "Norvane has unveiled a revolutionary AI assistant that it hopes will change how offices work. The "
        "groundbreaking tool is the new electricity of office work, and it works like magic on the most "
        "tedious tasks."
    ),
    (
        "Norvane is pleased to announce that the assistant offers a seamless experience across email, "
        "calendars and documents. Its cutting-edge design empowers teams to unlock the full potential of "
        "their data with next-generation features."
    ),
    (
        "Early users describe remarkable gains. The assistant drafts replies, books meetings and "
        "summarises long reports in seconds, a game-changing shift for busy staff. It is a testament to "
        "the team's vision and a paradigm shift in how software is built."
    ),
    (
        "The assistant will be available to businesses in Europe from September, with prices starting at "
        "£20 a user each month. Norvane says a version for schools is planned for next year, and the "
        "company plans to open an office in Leeds with 50 staff."
    ),
    (
        "The assistant runs in the cloud and works in six languages. Norvane says it will add a version "
        "for phones in the spring, and that customers will be able to choose where their data is kept. The "
        "company has 300 staff in Leeds and Lisbon."
    ),
)

# Sourced, measured and critical, with one slip ("seamless") that is not a genre problem.
SOBER = (
    (
        "Norvane released an AI assistant for office workers on Tuesday. It drafts email replies, books "
        "meetings and summarises long reports, the company said, and it works with the email and calendar "
        "software most offices already use."
    ),
    (
        "In a trial at 12 firms run by the University of Leeds, staff using the assistant saved about 40 "
        "minutes a day, though the researchers said the sample was small and the firms were self-selected."
    ),
    (
        "The assistant made errors in one in ten summaries, mostly in reports with tables, according to "
        "the trial. Norvane said it was working on the problem and would publish its own results in the "
        "autumn."
    ),
    (
        "The assistant will be available to businesses in Europe from September, with prices starting at "
        "£20 a user each month. Norvane says a version for schools is planned for next year. Sam Ortiz, an "
        "analyst at Gartner, said prices would probably fall as rivals launched similar tools."
    ),
    (
        "The assistant runs in the cloud and works in six languages, and setting it up is seamless. "
        "Norvane says it will add a version for phones in the spring, and that customers will be able to "
        "choose where their data is kept. The company has 300 staff in Leeds and Lisbon."
    ),
)

SATURATION = "HL207,promotional,superlative"
SATURATED_AT = {
    "markdown": [(1, 3, 1, 26, "Norvane's new assistant")],
    "html": [(1, 5, 1, 28, "Norvane's new assistant")],
    "text": [(1, 1, 1, 24, "Norvane's new assistant")],
}


def _saturation(fmt: str, text: str):
    found = lint(SATURATION, fmt, text)
    return [(f.line, f.column, f.end_line, f.end_column, f.excerpt) for f in found if f.rule == "HL207"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_saturated_draft_is_flagged_once_at_the_top(fmt):
    text = titled(fmt, "Norvane's new assistant", *SATURATED)
    assert _saturation(fmt, text) == SATURATED_AT[fmt]
    message = next(f.message for f in lint(SATURATION, fmt, text) if f.rule == "HL207")
    assert message.endswith("the piece reads as promotion")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_sober_draft_with_one_slip_is_not_saturated(fmt):
    text = titled(fmt, "Norvane's new assistant", *SOBER)
    # long enough to be judged, and not free of hype: one slip is not a genre problem
    assert lint_source(text, None, fmt, Config(select=("HL207",), date=DATE)).words >= _rule("HL207").params.min_words
    found = lint(SATURATION, fmt, text)
    assert [(f.rule, f.excerpt) for f in found] == [("HL206", "seamless")]


# --- HL803: limitations never mentioned, or only in the last tenth -------------------------------

# A piece about an AI product that never says what could go wrong.
TUTOR = (
    (
        "Kestrel, a start-up in Leeds, has launched an AI tutor that helps children learn maths. The AI "
        "explains each step and adapts to each pupil, and the algorithm picks the next exercise for each "
        "child."
    ),
    (
        "Teachers get a dashboard that shows each pupil's progress through the term. Pupils can use the "
        "tutor at home, on a phone or a laptop, and the tutor answers questions in eleven languages."
    ),
    (
        "The company was founded in 2019 and now works with schools in four countries. The tutor covers "
        "the curriculum from the age of seven to sixteen and adds new topics every term."
    ),
    (
        "Parents can see what their children have practised each week and which topics they found hard. "
        "The app is free for schools in its first year, and the company plans a version for older students "
        "in the spring."
    ),
    (
        "It also offers lesson plans and printable worksheets that follow each week's topics, and a weekly "
        "email for parents with a summary of what was learned in class and at home, along with suggestions "
        "for practice over the weekend."
    ),
    (
        "Kestrel has hired twenty new engineers to build the next version of the tutor, which will add "
        "science and reading. The firm says it wants the tutor in a thousand schools by the end of next "
        "year."
    ),
)
TUTOR_TAIL = "The tutor still makes mistakes, and some teachers have raised concerns about privacy."
TUTOR_EARLY = "It makes mistakes: in a trial, it gave a wrong explanation in 2% of cases."

AT_TOP = {
    "markdown": [(1, 3, 1, 14, "A new tutor")],
    "html": [(1, 5, 1, 16, "A new tutor")],
    "text": [(1, 1, 1, 12, "A new tutor")],
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_limitations_never_mentioned(fmt):
    text = titled(fmt, "A new tutor", *TUTOR)
    assert findings("HL803", fmt, text) == AT_TOP[fmt]
    assert lint("HL803", fmt, text)[0].message.endswith("are never mentioned")


@pytest.mark.parametrize("fmt", FORMATS)
def test_limitations_only_in_the_last_tenth(fmt):
    text = titled(fmt, "A new tutor", *TUTOR, TUTOR_TAIL)
    assert findings("HL803", fmt, text) == AT_TOP[fmt]
    assert lint("HL803", fmt, text)[0].message.endswith("appear only in its last tenth")


@pytest.mark.parametrize("fmt", FORMATS)
def test_limitations_high_up_are_not_flagged(fmt):
    text = titled(fmt, "A new tutor", TUTOR[0] + " " + TUTOR_EARLY, *TUTOR[1:])
    assert findings("HL803", fmt, text) == []


def test_the_tutor_drafts_are_long_enough_to_be_judged():
    minimum = _rule("HL803").params.min_words
    for fmt in FORMATS:
        for paragraphs in (TUTOR, TUTOR + (TUTOR_TAIL,), (TUTOR[0] + " " + TUTOR_EARLY,) + TUTOR[1:]):
            text = titled(fmt, "A new tutor", *paragraphs)
            assert lint_source(text, None, fmt, Config(select=("HL803",), date=DATE)).words >= minimum
