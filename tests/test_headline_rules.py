"""Exact positions of headline findings, the same sentences in three formats.

What each headline rule flags and leaves alone is in its rule file (the
`examples:` cases, run by tests/test_rules.py), which checks the excerpts.
These few drafts check where the findings are, in Markdown, HTML and plain
text: bold around the span, a list item, a sentence wrapped over two lines
(HL301), and markup inside the span of a sentence (HL402's imagined scene).
Each finding is (line, column, end_line, end_column, excerpt): lines and
columns 1-based, end_column one past the last character, as editors and
SARIF count them. Only the rule under test runs, with the story dated
2025-06-01.
"""

from __future__ import annotations

import pytest

from golden import FORMATS, assert_same_sentences_in_every_format, findings, flagged_cases

POSITIONS: dict[str, dict[str, tuple[str, list[tuple[int, int, int, int, str]]]]] = {
    "HL301": {
        "markdown": (
            "# Norvane's chatbot\n"
            "\n"
            "Norvane has built **the most advanced chatbot** on the market.\n"
            "\n"
            "- Norvane has built the most advanced chatbot on the market.\n"
            "- It is the biggest leap in computing ever seen.\n"
            "\n"
            "Last year Norvane built what is the most\n"
            "advanced chatbot on the market.\n",
            [
                (3, 21, 3, 38, "the most advanced"),
                (5, 21, 5, 38, "the most advanced"),
                (6, 13, 6, 48, "biggest leap in computing ever seen"),
                (8, 33, 9, 9, "the most advanced"),
            ],
        ),
        "html": (
            "<h1>Norvane's chatbot</h1>\n"
            "<p>Norvane has built <b>the most advanced chatbot</b> on the market.</p>\n"
            "<ul>\n"
            "  <li>Norvane has built the most advanced chatbot on the market.</li>\n"
            "  <li>It is the biggest leap in computing ever seen.</li>\n"
            "</ul>\n"
            "<p>Last year Norvane built what is the most\n"
            "advanced chatbot on the market.</p>\n",
            [
                (2, 25, 2, 42, "the most advanced"),
                (4, 25, 4, 42, "the most advanced"),
                (5, 17, 5, 52, "biggest leap in computing ever seen"),
                (7, 36, 8, 9, "the most advanced"),
            ],
        ),
        "text": (
            "Norvane's chatbot\n"
            "\n"
            "Norvane has built the most advanced chatbot on the market.\n"
            "\n"
            "- Norvane has built the most advanced chatbot on the market.\n"
            "- It is the biggest leap in computing ever seen.\n"
            "\n"
            "Last year Norvane built what is the most\n"
            "advanced chatbot on the market.\n",
            [
                (3, 19, 3, 36, "the most advanced"),
                (5, 21, 5, 38, "the most advanced"),
                (6, 13, 6, 48, "biggest leap in computing ever seen"),
                (8, 33, 9, 9, "the most advanced"),
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


# A scene is flagged sentence by sentence; the excerpt keeps the markup inside it.
SCENE = {
    "markdown": (
        "# Cities of tomorrow\n"
        "\n"
        "Picture *Lagos* in 2045. Drones glide between the towers. Every clinic is run by an AI doctor.\n"
        "\n"
        "Nobody queues for a bus. Today, Lagos has one driverless bus line. Its buses carry few riders.\n"
        "\n"
        "Imagine a classroom in 2040. Every pupil has an **AI tutor**.\n"
        "\n"
        "## Funding\n"
        "\n"
        "Robots teach every class.\n",
        [
            (3, 1, 3, 25, "Picture *Lagos* in 2045."),
            (3, 26, 3, 58, "Drones glide between the towers."),
            (3, 59, 3, 95, "Every clinic is run by an AI doctor."),
            (5, 1, 5, 25, "Nobody queues for a bus."),
            (7, 1, 7, 29, "Imagine a classroom in 2040."),
            (7, 30, 7, 62, "Every pupil has an **AI tutor**."),
        ],
    ),
    "html": (
        "<h1>Cities of tomorrow</h1>\n"
        "<p>Picture <em>Lagos</em> in 2045. Drones glide between the towers. Every clinic is run by an AI doctor.</p>\n"
        "<p>Nobody queues for a bus. Today, Lagos has one driverless bus line. Its buses carry few riders.</p>\n"
        "<p>Imagine a classroom in 2040. Every pupil has an <b>AI tutor</b>.</p>\n"
        "<h2>Funding</h2>\n"
        "<p>Robots teach every class.</p>\n",
        [
            (2, 4, 2, 35, "Picture <em>Lagos</em> in 2045."),
            (2, 36, 2, 68, "Drones glide between the towers."),
            (2, 69, 2, 105, "Every clinic is run by an AI doctor."),
            (3, 4, 3, 28, "Nobody queues for a bus."),
            (4, 4, 4, 32, "Imagine a classroom in 2040."),
            (4, 33, 4, 68, "Every pupil has an <b>AI tutor</b>."),
        ],
    ),
    "text": (
        "Cities of tomorrow\n"
        "\n"
        "Picture Lagos in 2045. Drones glide between the towers. Every clinic is run by an AI doctor.\n"
        "\n"
        "Nobody queues for a bus. Today, Lagos has one driverless bus line. Its buses carry few riders.\n"
        "\n"
        "Imagine a classroom in 2040. Every pupil has an AI tutor.\n"
        "\n"
        "Funding\n"
        "\n"
        "Robots teach every class.\n",
        [
            (3, 1, 3, 23, "Picture Lagos in 2045."),
            (3, 24, 3, 56, "Drones glide between the towers."),
            (3, 57, 3, 93, "Every clinic is run by an AI doctor."),
            (5, 1, 5, 25, "Nobody queues for a bus."),
            (7, 1, 7, 29, "Imagine a classroom in 2040."),
            (7, 30, 7, 58, "Every pupil has an AI tutor."),
        ],
    ),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_imagined_scene_positions(fmt):
    text, expected = SCENE[fmt]
    assert findings("HL402", fmt, text) == expected
