"""Sentence splitting, word counts and heading sections."""

from __future__ import annotations

import pytest

from hypelint.parsers import parse
from hypelint.analysis.segment import Section, Sentence, count_words, sections, split_sentences, words
from hypelint.analysis.memo import analyse


def split(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Abbreviations inside a sentence never end it.
        ("The U.S. government said so. Then it left.", ["The U.S. government said so.", "Then it left."]),
        ("The U.S. Congress voted. It passed.", ["The U.S. Congress voted.", "It passed."]),
        ("Dr. Smith arrived. She sat down.", ["Dr. Smith arrived.", "She sat down."]),
        ("He met Mr. Jones. They talked.", ["He met Mr. Jones.", "They talked."]),
        ("Some tools, e.g. chatbots, help. Others do not.", ["Some tools, e.g. chatbots, help.", "Others do not."]),
        ("Some tools, i.e. Chatbots, help. Others do not.", ["Some tools, i.e. Chatbots, help.", "Others do not."]),
        ("On Jan. 5 the firm spoke. It left.", ["On Jan. 5 the firm spoke.", "It left."]),
        ("Acme Inc. said it would. Then it did.", ["Acme Inc. said it would.", "Then it did."]),
        ("Smith et al. found it. Others agree.", ["Smith et al. found it.", "Others agree."]),
        ("It is ranked No. 1 in the world.", ["It is ranked No. 1 in the world."]),
        ("The vote is on Wed. March 5.", ["The vote is on Wed. March 5."]),
        # ... but some may end one when a sentence plainly starts after them.
        ("Acme Inc. The firm said so.", ["Acme Inc.", "The firm said so."]),
        ("He works in the U.S. He likes it.", ["He works in the U.S.", "He likes it."]),
        ("It was 5 p.m. The end.", ["It was 5 p.m.", "The end."]),
        # Fixed: words that double as abbreviations ("sat", "sun", "no") ended
        # no sentence at all. Days, months and titles now count as
        # abbreviations only when capitalised, "no" only before a number.
        ("She sat. Then she spoke.", ["She sat.", "Then she spoke."]),
        ("They sat in the sun. Then it rained.", ["They sat in the sun.", "Then it rained."]),
        ("He said no. Then he left.", ["He said no.", "Then he left."]),
        ("She wed. Then she moved.", ["She wed.", "Then she moved."]),
        # Decimals, amounts and versions.
        ("Growth was 3.5% last year. It slowed.", ["Growth was 3.5% last year.", "It slowed."]),
        ("It rose by 3.5%. Then fell.", ["It rose by 3.5%.", "Then fell."]),
        ("It costs $1.5bn. More later.", ["It costs $1.5bn.", "More later."]),
        ("Version 2.0 is out. Go.", ["Version 2.0 is out.", "Go."]),
        # Initials.
        ("J. R. R. Tolkien wrote it. Fans agree.", ["J. R. R. Tolkien wrote it.", "Fans agree."]),
        ("A. Smith and B. Jones wrote it.", ["A. Smith and B. Jones wrote it."]),
        # Ellipses, questions, exclamations.
        ("Wait... What happened? Nobody knows! Really.", ["Wait...", "What happened?", "Nobody knows!", "Really."]),
        ("Wait… Then it came.", ["Wait…", "Then it came."]),
        ("It trailed off... and came back.", ["It trailed off... and came back."]),
        ("What?! Really.", ["What?!", "Really."]),
        ("Is it? Yes! No.", ["Is it?", "Yes!", "No."]),
        # Quotation marks that close a sentence, or do not.
        ('"It works," she said. Next.', ['"It works," she said.', "Next."]),
        ('He said "yes." Then he left.', ['He said "yes."', "Then he left."]),
        ("He said “yes.” Then he left.", ["He said “yes.”", "Then he left."]),
        ('"Is it safe?" she asked. Yes.', ['"Is it safe?" she asked.', "Yes."]),
        ("It ended (finally.) Then more.", ["It ended (finally.)", "Then more."]),
        # White space is trimmed; text without a final stop is one sentence.
        ("  Lead space.   Trail space.  ", ["Lead space.", "Trail space."]),
        ("A heading with no stop", ["A heading with no stop"]),
        ("", []),
        ("First line\nsecond line. Next one.", ["First line\nsecond line.", "Next one."]),
    ],
)
def test_split_sentences(text, expected):
    assert split(text) == expected


def test_split_sentences_keeps_positions():
    text = "  One. Two?  Three!"
    assert split_sentences(text) == [(2, 6), (7, 11), (13, 19)]


def test_ambiguous_abbreviation_before_a_capital_stays_joined():
    # Limitation, kept on purpose: after "U.S." a capital may start a
    # sentence or a name ("the U.S. Congress"); only a word that usually
    # starts sentences ("The", "He", "In" ...) splits, so this stays one.
    assert split("He lives in the U.S. Officials disagree.") == ["He lives in the U.S. Officials disagree."]


def test_words_and_count():
    text = "It's a state-of-the-art, 3.5% model — isn’t it?"
    assert [text[a:b] for a, b in words(text)] == ["It's", "a", "state-of-the-art", "3", "5", "model", "isn’t", "it"]
    assert count_words(text) == 8
    assert analyse(parse("# Head line\n\nTwo words.\n", "markdown")).word_count == 4


def test_document_sentences_point_into_blocks():
    doc = parse("# Title\n\nIntro para. Second *sentence*.\n\n- An item. Two.\n", "markdown")
    assert analyse(doc).sentences == [
        Sentence(0, 0, 5, "Title"),
        Sentence(1, 0, 11, "Intro para."),
        Sentence(1, 12, 28, "Second sentence."),
        Sentence(2, 0, 8, "An item."),
        Sentence(2, 9, 13, "Two."),
    ]
    # A sentence maps back to the source through its block.
    second = analyse(doc).sentences[2]
    span = doc.blocks[1].source_span(second.start, second.end)
    assert doc.text[span.start : span.end] == "Second *sentence*."


SECTIONED = """\
# Title

Intro para.

## Part A

Text A.

### Sub A1

Text A1.

## Part B

Text B.

# Another top

End.
"""


def test_sections_run_to_the_next_heading_of_same_or_higher_level():
    doc = parse(SECTIONED, "markdown")
    assert [(b.kind, b.level) for b in doc.blocks] == [
        ("heading", 1), ("paragraph", 0), ("heading", 2), ("paragraph", 0), ("heading", 3),
        ("paragraph", 0), ("heading", 2), ("paragraph", 0), ("heading", 1), ("paragraph", 0),
    ]  # fmt: skip
    assert analyse(doc).sections == [
        Section(0, (1, 2, 3, 4, 5, 6, 7)),  # nested headings and their bodies included
        Section(2, (3, 4, 5)),
        Section(4, (5,)),
        Section(6, (7,)),
        Section(8, (9,)),
    ]


def test_sections_of_empty_and_deeper_first_headings():
    doc = parse("### Deep first\n\n# Top\n\n## Empty\n## Next\n\nBody.\n", "markdown")
    assert sections(doc.blocks) == [
        Section(0, ()),  # a deeper heading's section ends at any heading of its level or above
        Section(1, (2, 3, 4)),
        Section(2, ()),
        Section(3, (4,)),
    ]


def test_sections_in_plain_text_faq():
    text = "Guide Title\n\nIntro text here.\n\nFAQ\nWhat is it?\nA tool.\nIs it safe?\nMostly.\n"
    doc = parse(text, "text")
    assert [(b.kind, b.level, b.text) for b in doc.blocks][2:] == [
        ("heading", 2, "FAQ"),
        ("heading", 3, "What is it?"),
        ("paragraph", 0, "A tool."),
        ("heading", 3, "Is it safe?"),
        ("paragraph", 0, "Mostly."),
    ]
    assert analyse(doc).sections[1:] == [Section(2, (3, 4, 5, 6)), Section(3, (4,)), Section(5, (6,))]
