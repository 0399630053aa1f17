"""Quotations: where they are, and whether someone is named as saying them."""

from __future__ import annotations

import pytest

from hypelint import lint_text
from hypelint.config import Config
from hypelint.parsers import parse
from hypelint.analysis.quotes import Quote, quoted_ranges
from hypelint.analysis.memo import analyse


def quotes(text: str, fmt: str = "markdown") -> list[tuple[str, bool]]:
    doc = parse(text, fmt)
    return [(doc.blocks[q.block].text[q.start : q.end], q.attributed) for q in analyse(doc).quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Attribution after the quote.
        ('"It works," she said. Next.', [('"It works,"', True)]),
        ("“It works,” she said. Next.", [("“It works,”", True)]),
        ('"It works," said Ana Ruiz.', [('"It works,"', True)]),
        ("“It works.” Ruiz said so later.", [("“It works.”", True)]),
        ("It was „great“ he said.", [("„great“", True)]),
        # Attribution before the quote.
        ('Ruiz said: "It works."', [('"It works."', True)]),
        ("Ruiz told the BBC: “It works.” Later she left.", [("“It works.”", True)]),
        ('According to Ruiz, "it works."', [('"it works."', True)]),
        ("He said «magic» things.", [("«magic»", True)]),
        # In the same sentence, outside the quote.
        ('Ruiz said the model "thinks" about it.', [('"thinks"', True)]),
        # Unattributed: the writer's own scare quotes.
        ('The tool is "magic".', [('"magic"', False)]),
        ("The tool is “magic”. It said nothing.", [("“magic”", False)]),
        # A capitalised "verb" is a noun or a name, not a speaker's verb.
        ('Shops in the United States offer "flexibility" on returns.', [('"flexibility"', False)]),
        ('Reports of "magic" tools spread.', [('"magic"', False)]),
        # A reporting verb in the next sentence does not reach back.
        ("The tool is “magic”. Ruiz said it was fine.", [("“magic”", False)]),
        ('She called it "magic." The tool is "smart".', [('"magic."', True), ('"smart"', False)]),
        (
            "“One” and “two” and “three.”",
            [("“One”", False), ("“two”", False), ("“three.”", False)],
        ),
        # Single quotes inside double ones are part of the outer quote.
        ("“Nested ‘single’ quote,” she said.", [("“Nested ‘single’ quote,”", True)]),
        # An opening mark with no closing one runs to the end of the block:
        # news style closes a long quotation only in its last paragraph.
        ("“Open quote with no close", [("“Open quote with no close", True)]),
        ("No quotes at all.", []),
    ],
)
def test_quotes_and_attribution(text, expected):
    assert quotes(text + "\n") == expected


@pytest.mark.parametrize(
    "text, fmt",
    [
        ('"It is a revolutionary\ntool," she said.\n', "markdown"),
        ("“It is a revolutionary\r\ntool,” she said.\r\n", "markdown"),
        ("<p>“It is a revolutionary\ntool,” she said.</p>\n", "html"),
        ("“It is a revolutionary\r\ntool,” she said.\r\n", "text"),
    ],
)
def test_quote_across_a_line_break(text, fmt):
    doc = parse(text, fmt)
    (quote,) = analyse(doc).quotes
    mark = text[text.index("It") - 1]
    assert quote == Quote(0, 0, 29, True)
    closing = "”" if mark == "“" else mark
    assert doc.blocks[0].text[quote.start : quote.end] == mark + "It is a revolutionary\ntool," + closing
    assert quote.inner == (1, 28)
    # Both marks map back to the source exactly.
    span = doc.blocks[0].source_span(quote.start, quote.end)
    assert text[span.start] == mark
    assert text[span.end - 1] in "\"”"
    assert text[span.start : span.end].replace("\r\n", "\n") == doc.blocks[0].text[quote.start : quote.end]


def test_quotes_per_block_and_quoted_ranges():
    text = 'Intro "scare" quote.\n\n"It works," said Ruiz.\n'
    doc = parse(text, "markdown")
    assert analyse(doc).quotes == [Quote(0, 6, 13, False), Quote(1, 0, 11, True)]
    assert quoted_ranges(analyse(doc).quotes) == {1: [(0, 11)]}
    assert quoted_ranges(analyse(doc).quotes, attributed_only=False) == {0: [(6, 13)], 1: [(0, 11)]}


HYPE_ONLY = Config(select=("HL201",))


@pytest.mark.parametrize(
    "text, flagged",
    [
        # Hype in a source's mouth is the source's; in the writer's voice it is flagged.
        ('"A revolutionary tool," said Ana Ruiz.\n', []),
        ("Ruiz said: “It is revolutionary.”\n", []),
        ('The tool is "revolutionary".\n', [(13, 26)]),
        ('A revolutionary tool, "they say" nothing.\n', [(2, 15)]),
    ],
)
def test_hype_inside_attributed_quotes_is_not_flagged(text, flagged):
    findings = lint_text(text, fmt="markdown", config=HYPE_ONLY)
    assert [(f.offset, f.end_offset) for f in findings] == flagged


INTERVIEW = """# Five questions for a lab director

We spoke to Ana Ruiz about her lab's new robot.

Q: What is new?

A: It is a revolutionary arm.

It learns a task in a day.

Q: Who pays for it?

Ruiz: A revolutionary grant.
"""


def test_interview_answers_are_the_interviewees_words():
    doc = parse(INTERVIEW, "markdown")
    answers = [(doc.blocks[q.block].text[q.start : q.end], q.attributed) for q in analyse(doc).quotes]
    assert answers == [("It is a revolutionary arm.", True), ("It learns a task in a day.", True), ("A revolutionary grant.", True)]
    assert lint_text(INTERVIEW, fmt="markdown", config=HYPE_ONLY) == []


def test_faq_answers_stay_the_writers():
    faq = INTERVIEW.replace("We spoke to Ana Ruiz about her lab's new robot.", "Common questions about the lab's new robot.")
    assert analyse(parse(faq, "markdown")).quotes == []
    assert len(lint_text(faq, fmt="markdown", config=HYPE_ONLY)) == 2


@pytest.mark.parametrize(
    "text, fmt, expected",
    [
        # A testimonial: a name and a role, a colon, then the quote (in its block or the next).
        ('<p><b>Tom Okafor, a maths teacher:</b><br><i>"It marks in minutes."</i></p>', "html", [('"It marks in minutes."', True)]),
        ('**Tom Okafor, a maths teacher:**\n\n"It marks in minutes."', "markdown", [('"It marks in minutes."', True)]),
        # A label with no name and role is not a speaker's.
        ('Update: "It marks in minutes."', "markdown", [('"It marks in minutes."', False)]),
        ('Breaking News: "It marks in minutes."', "markdown", [('"It marks in minutes."', False)]),
    ],
)
def test_a_speaker_label_attributes_its_quote(text, fmt, expected):
    assert quotes(text, fmt) == expected


def test_a_block_quotation_is_its_lead_ins_source():
    text = "Ana Ruiz, who runs the lab, wrote on her blog:\n\n> It marks in minutes.\n>\n> It is magic.\n\nThe end.\n\n> A pull quote with no lead-in.\n"
    doc = parse(text, "markdown")
    attributed = {doc.blocks[q.block].text for q in analyse(doc).quotes if q.attributed}
    assert attributed == {"It marks in minutes.", "It is magic."}
