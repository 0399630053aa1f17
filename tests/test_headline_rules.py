"""Golden tests with exact positions for the headline rules.

HL101 (unanswered question), HL301 and HL302 (superlatives, puffery), HL401
and HL402 (predictions, imagined scenes), HL501 to HL504 (missing sources).

Each flagged case gives the whole draft in Markdown, HTML and plain text
(the same sentences: bold or a list item in Markdown, <p>/<b>/<li> in HTML,
a bare paragraph or "- " line in text) and every finding as
(line, column, end_line, end_column, excerpt): lines and columns 1-based,
end_column one past the last character, as editors and SARIF count them.
Each not-flagged case is one of EDITORIAL.md's traps, rendered in the three
formats, and must produce no finding of its rule.

Only the rule under test runs, with the story dated 2025-06-01, so other
rules and today's date cannot change what is expected here.
"""

from __future__ import annotations

import pytest

from golden import FORMATS, LINK, assert_same_sentences_in_every_format, findings, flagged_cases, render








def test_render_lays_out_the_three_formats():
    assert render("markdown", "A [b](https://c).", "D.") == "A [b](https://c).\n\nD.\n"
    assert render("html", "A [b](https://c).", "D.") == '<p>A <a href="https://c">b</a>.</p>\n<p>D.</p>\n'
    assert render("text", "A.", "D.") == "A.\n\nD.\n"


# --- flagged: exact positions ------------------------------------------------------------

FLAGGED: dict[str, dict[str, tuple[str, list[tuple[int, int, int, int, str]]]]] = {
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
    "HL302": {
        "markdown": (
            "# Robotics\n"
            "\n"
            "The start-up has made **remarkable progress** in robotics.\n"
            "\n"
            "- Its success is a testament to the team's vision.\n"
            "- The country is now a *formidable* force in chip design.\n",
            [
                (3, 25, 3, 35, "remarkable"),
                (5, 18, 5, 32, "a testament to"),
                (6, 25, 6, 35, "formidable"),
            ],
        ),
        "html": (
            "<h1>Robotics</h1>\n"
            "<p>The start-up has made <strong>remarkable progress</strong> in robotics.</p>\n"
            "<ul>\n"
            "  <li>Its success is a testament to the team&rsquo;s vision.</li>\n"
            "  <li>The country is now a <em>formidable</em> force in chip design.</li>\n"
            "</ul>\n",
            [
                (2, 34, 2, 44, "remarkable"),
                (4, 22, 4, 36, "a testament to"),
                (5, 32, 5, 42, "formidable"),
            ],
        ),
        "text": (
            "Robotics\n"
            "\n"
            "The start-up has made remarkable progress in robotics.\n"
            "\n"
            "- Its success is a testament to the team's vision.\n"
            "- The country is now a formidable force in chip design.\n",
            [
                (3, 23, 3, 33, "remarkable"),
                (5, 18, 5, 32, "a testament to"),
                (6, 24, 6, 34, "formidable"),
            ],
        ),
    },
    "HL401": {
        "markdown": (
            "# Radiology\n"
            "\n"
            "**AI will replace radiologists within five years.**\n"
            "\n"
            "- This technology will transform every industry.\n"
            "- By 2040 every home will have a robot butler.\n",
            [
                (3, 3, 3, 50, "AI will replace radiologists within five years."),
                (5, 3, 5, 49, "This technology will transform every industry."),
                (6, 3, 6, 47, "By 2040 every home will have a robot butler."),
            ],
        ),
        "html": (
            "<h1>Radiology</h1>\n"
            "<p><b>AI will replace radiologists within five years.</b></p>\n"
            "<ul>\n"
            "  <li>This technology will transform every industry.</li>\n"
            "  <li>By 2040 every home will have a robot butler.</li>\n"
            "</ul>\n",
            [
                (2, 7, 2, 54, "AI will replace radiologists within five years."),
                (4, 7, 4, 53, "This technology will transform every industry."),
                (5, 7, 5, 51, "By 2040 every home will have a robot butler."),
            ],
        ),
        "text": (
            "Radiology\n"
            "\n"
            "AI will replace radiologists within five years.\n"
            "\n"
            "- This technology will transform every industry.\n"
            "- By 2040 every home will have a robot butler.\n",
            [
                (3, 1, 3, 48, "AI will replace radiologists within five years."),
                (5, 3, 5, 49, "This technology will transform every industry."),
                (6, 3, 6, 47, "By 2040 every home will have a robot butler."),
            ],
        ),
    },
    "HL501": {
        "markdown": (
            "# Chips\n"
            "\n"
            "The market for AI chips is worth **$45bn** a year.\n"
            "\n"
            "- Radiologists spend about half of their day reading routine scans.\n"
            "- Chatbots answer 40% of customer queries at Norvane.\n",
            [
                (3, 36, 3, 41, "$45bn"),
                (5, 28, 5, 35, "half of"),
                (6, 19, 6, 22, "40%"),
            ],
        ),
        "html": (
            "<h1>Chips</h1>\n"
            "<p>The market for AI chips is worth <b>$45bn</b> a year.</p>\n"
            "<ul>\n"
            "  <li>Radiologists spend about half of their day reading routine scans.</li>\n"
            "  <li>Chatbots answer 40% of customer queries at Norvane.</li>\n"
            "</ul>\n",
            [
                (2, 40, 2, 45, "$45bn"),
                (4, 32, 4, 39, "half of"),
                (5, 23, 5, 26, "40%"),
            ],
        ),
        "text": (
            "Chips\n"
            "\n"
            "The market for AI chips is worth $45bn a year.\n"
            "\n"
            "- Radiologists spend about half of their day reading routine scans.\n"
            "- Chatbots answer 40% of customer queries at Norvane.\n",
            [
                (3, 34, 3, 39, "$45bn"),
                (5, 28, 5, 35, "half of"),
                (6, 19, 6, 22, "40%"),
            ],
        ),
    },
    "HL502": {
        "markdown": (
            "# Legal chatbots\n"
            "\n"
            "**A recent study found** that chatbots give wrong legal advice a third of the time.\n"
            "\n"
            "- A new report revealed that AI tutors double test scores.\n"
            "- Nurses are wary: one survey suggests most distrust AI triage tools.\n",
            [
                (3, 3, 3, 23, "A recent study found"),
                (5, 3, 5, 24, "A new report revealed"),
                (6, 20, 6, 39, "one survey suggests"),
            ],
        ),
        "html": (
            "<h1>Legal chatbots</h1>\n"
            "<p><b>A recent study found</b> that chatbots give wrong legal advice a third of the time.</p>\n"
            "<ul>\n"
            "  <li>A new report revealed that AI tutors double test scores.</li>\n"
            "  <li>Nurses are wary: one survey suggests most distrust AI triage tools.</li>\n"
            "</ul>\n",
            [
                (2, 7, 2, 27, "A recent study found"),
                (4, 7, 4, 28, "A new report revealed"),
                (5, 24, 5, 43, "one survey suggests"),
            ],
        ),
        "text": (
            "Legal chatbots\n"
            "\n"
            "A recent study found that chatbots give wrong legal advice a third of the time.\n"
            "\n"
            "- A new report revealed that AI tutors double test scores.\n"
            "- Nurses are wary: one survey suggests most distrust AI triage tools.\n",
            [
                (3, 1, 3, 21, "A recent study found"),
                (5, 3, 5, 24, "A new report revealed"),
                (6, 20, 6, 39, "one survey suggests"),
            ],
        ),
    },
    "HL503": {
        "markdown": (
            "# Rivals\n"
            "\n"
            "The start-up's model now **outperforms doctors** at spotting skin cancer.\n"
            "\n"
            "- Chinese labs have caught up with their American rivals.\n"
            "- The firm's research arm has cracked protein design.\n",
            [
                (3, 28, 3, 39, "outperforms"),
                (5, 16, 5, 35, "have caught up with"),
                (6, 27, 6, 38, "has cracked"),
            ],
        ),
        "html": (
            "<h1>Rivals</h1>\n"
            "<p>The start-up's model now <b>outperforms doctors</b> at spotting skin cancer.</p>\n"
            "<ul>\n"
            "  <li>Chinese labs have caught up with their American rivals.</li>\n"
            "  <li>The firm&rsquo;s research arm has cracked protein design.</li>\n"
            "</ul>\n",
            [
                (2, 32, 2, 43, "outperforms"),
                (4, 20, 4, 39, "have caught up with"),
                (5, 37, 5, 48, "has cracked"),
            ],
        ),
        "text": (
            "Rivals\n"
            "\n"
            "The start-up's model now outperforms doctors at spotting skin cancer.\n"
            "\n"
            "- Chinese labs have caught up with their American rivals.\n"
            "- The firm's research arm has cracked protein design.\n",
            [
                (3, 26, 3, 37, "outperforms"),
                (5, 16, 5, 35, "have caught up with"),
                (6, 27, 6, 38, "has cracked"),
            ],
        ),
    },
    "HL504": {
        "markdown": (
            "# Agtech\n"
            "\n"
            "Furrowline **is the fastest-growing** agtech company in North America.\n"
            "\n"
            "- Solace is currently the top-rated app in its category.\n"
            "- The robot sold out its first batch in hours.\n",
            [
                (3, 14, 3, 36, "is the fastest-growing"),
                (5, 10, 5, 36, "is currently the top-rated"),
                (6, 13, 6, 25, "sold out its"),
            ],
        ),
        "html": (
            "<h1>Agtech</h1>\n"
            "<p>Furrowline <b>is the fastest-growing</b> agtech company in North America.</p>\n"
            "<ul>\n"
            "  <li>Solace is currently the top-rated app in its category.</li>\n"
            "  <li>The robot sold out its first batch in hours.</li>\n"
            "</ul>\n",
            [
                (2, 18, 2, 40, "is the fastest-growing"),
                (4, 14, 4, 40, "is currently the top-rated"),
                (5, 17, 5, 29, "sold out its"),
            ],
        ),
        "text": (
            "Agtech\n"
            "\n"
            "Furrowline is the fastest-growing agtech company in North America.\n"
            "\n"
            "- Solace is currently the top-rated app in its category.\n"
            "- The robot sold out its first batch in hours.\n",
            [
                (3, 12, 3, 34, "is the fastest-growing"),
                (5, 10, 5, 36, "is currently the top-rated"),
                (6, 13, 6, 25, "sold out its"),
            ],
        ),
    },
}


@pytest.mark.parametrize("code,fmt", flagged_cases(FLAGGED), ids=lambda value: value)
def test_flagged_with_exact_positions(code, fmt):
    text, expected = FLAGGED[code][fmt]
    assert findings(code, fmt, text) == expected


def test_the_same_sentences_are_flagged_in_every_format():
    assert_same_sentences_in_every_format(FLAGGED)


# --- not flagged: EDITORIAL.md's traps ------------------------------------------------------

# (code, paragraph(s)): each is linted alone, in every format.
TRAPS: list[tuple[str, tuple[str, ...]]] = [
    # HL301: attributed, quantified or scoped, names, negated, asked, terms of art
    ("HL301", ('"It is the most advanced model we have built," said Ana Ruiz.',)),
    ("HL301", ("Ana Ruiz said it is the most advanced model the lab has built.",)),
    ("HL301", ("The company calls it its most capable model.",)),
    ("HL301", ("Norvane has built the most advanced chatbot on the market, according to Gartner.",)),
    ("HL301", ("GPT-4 is the most advanced model OpenAI has released, the company said in a filing.",)),
    ("HL301", ("It scored highest of the 12 models tested on the MMLU benchmark, according to Stanford's HELM report.",)),
    ("HL301", ("Shares in Best Buy fell 3% on Tuesday.",)),
    ("HL301", ("The firm opened its Great Britain office in March.",)),
    ("HL301", ("It is not the most advanced system, but it is cheap.",)),
    ("HL301", ("It is not the world's first thinking robot.",)),
    ("HL301", ("Is this the most advanced chatbot on the market?",)),
    ("HL301", ("The group publishes best practices for hospitals.",)),
    ("HL301", ("Profits rose in the first quarter.",)),
    ("HL301", ("The flaw was first reported in 2019.",)),
    # HL302
    ("HL302", ('"The progress has been remarkable," said Dr Omar Haddad of Leeds University.',)),
    ("HL302", ("Dr Omar Haddad of Leeds University said the progress had been remarkable.",)),
    ("HL302", ("Sales rose by a remarkable 40% in the first quarter, the company said.",)),
    ("HL302", ("The start-up has made remarkable progress in robotics, according to Gartner.",)),
    ("HL302", ("The start-up has made remarkable progress in robotics, the company said in a filing.",)),
    ("HL302", ("Delays in the supply chain are leading to shortages.",)),
    ("HL302", ("The progress has not been remarkable.",)),
    ("HL302", ("Has the start-up made remarkable progress in robotics?",)),
    ("HL302", ("He works for Impressive Software in Leeds.",)),
    # HL401: quoted, reported, hedged, sourced, scheduled, "will" as a noun, questions
    ("HL401", ('"AI will replace radiologists within five years," said Dr Lena Park.',)),
    ("HL401", ("Dr Lena Park said AI will replace radiologists within five years.",)),
    ("HL401", ("She said the model will replace radiologists within five years.",)),
    ("HL401", ("AI could replace radiologists within five years.",)),
    ("HL401", ("AI may replace radiologists within five years.",)),
    ("HL401", ("AI is expected to replace radiologists within five years.",)),
    ("HL401", ("If funding holds, AI will replace radiologists within five years.",)),
    ("HL401", ("AI will replace radiologists within five years, according to Gartner.",)),
    ("HL401", ("AI will replace radiologists within five years, the company said in a filing.",)),
    ("HL401", ("The committee will vote on Thursday.",)),
    ("HL401", ("The company will report earnings in May.",)),
    ("HL401", ("The hearing will take place Tuesday.",)),
    ("HL401", ("Philosophers have long debated free will.",)),
    ("HL401", ("The lab, which would later become DeepMind, was founded in 2010.",)),
    ("HL401", ("Will AI replace radiologists within five years?",)),
    # HL402: the past, attributed or hedged openers, names
    ("HL402", ("In 2019, the city opened its first driverless bus line.",)),
    ("HL402", ("Imagine how far that could go, said the mayor, if funding holds.",)),
    ("HL402", ('"Picture Lagos in 2045," said the mayor, Ada Obi. Drones glide between the towers.',)),
    ("HL402", ("Picture Lagos in 2045, the mayor said. Drones glide between the towers.",)),
    ("HL402", ("Imagine a world where AI could run every clinic. That is the pitch.",)),
    ("HL402", ("Can you picture Lagos in 2045? Drones glide between the towers.",)),
    ("HL402", ("Imagine Dragons played in Lagos in May. The crowd was huge.",)),
    # HL501: sourced, quoted, dates, ages, versions, prices, times, questions
    ("HL501", ("The market for AI chips is worth $45bn a year, according to Gartner.",)),
    ("HL501", ("The market for AI chips is worth $45bn a year, the company said in a filing.",)),
    ('HL501', ('"We cut costs by 40%," said Priya Nair, the firm\'s chief executive.',)),
    ("HL501", ("GPT-4 was released in March 2023, when she was aged 34.",)),
    ("HL501", ("Priya Nair, aged 45, runs the lab.",)),
    ("HL501", ("The lab released Llama 3.1 405B in July 2024.",)),
    ("HL501", ("The lab was founded on 12 May 2019.",)),
    ("HL501", ("The store opens at 9.30am on 3 June.",)),
    ("HL501", ("The headset is priced at €249.",)),
    ("HL501", ("The headset costs $499 in America.",)),
    ("HL501", ("Do chatbots answer 40% of customer queries?",)),
    ("HL501", ("Chatbots answer 40% of customer queries at Norvane. That is according to Gartner.",)),
    ("HL501", (
        "According to Gartner, spending on chips rose. Chatbots answer 40% of customer queries at Norvane. "
        "They handle 2 million calls a month.",
    )),
    ("HL501", ("Gartner said in March that chatbots are now common. They answer 40% of customer queries.",)),
    # HL502
    ("HL502", ("A 2024 study by Stanford's RegLab found that chatbots gave wrong legal answers in 58% of cases.",)),
    ("HL502", ("A study published in Nature Medicine found the tool missed 12% of tumours.",)),
    ("HL502", ("A recent study found that chatbots give wrong legal advice, according to Stanford's RegLab.",)),
    ("HL502", ("A recent study found that chatbots give wrong legal advice, the company said in a filing.",)),
    ("HL502", ("A recent study found that chatbots give wrong legal advice (Dahl et al., 2024).",)),
    ("HL502", ('"A recent study found that chatbots give wrong legal advice," said Ana Ruiz.',)),
    ("HL502", ("Ana Ruiz said a recent study found that chatbots give wrong legal advice.",)),
    ("HL502", ("Did a recent study find that chatbots give wrong legal advice?",)),
    ("HL502", ("No study has found that chatbots give sound legal advice.",)),
    ("HL502", ("A recent study found that chatbots give wrong legal advice. It was published by Stanford's RegLab.",)),
    ("HL502", (
        "According to Stanford's RegLab, chatbots are unreliable. "
        "A recent study found that they give wrong legal advice.",
    )),
    # HL503
    ("HL503", ("The model outperformed dermatologists on a 2,000-image test set, the authors wrote in The Lancet.",)),
    ("HL503", ("According to the company, its model beats rivals on coding tasks.",)),
    ("HL503", ("Chinese labs have caught up with their American rivals, according to Stanford's AI Index.",)),
    ("HL503", ("Chinese labs have caught up with their American rivals, the company said in a filing.",)),
    ("HL503", ('"Chinese labs have caught up with their American rivals," said Ana Ruiz.',)),
    ("HL503", ("Ana Ruiz said Chinese labs have caught up with their American rivals.",)),
    ("HL503", ("Have Chinese labs caught up with their American rivals?",)),
    ("HL503", ("Chinese labs have not caught up with their American rivals.",)),
    ("HL503", ("Chinese labs have caught up with their American rivals. That is according to Stanford's AI Index.",)),
    ("HL503", (
        "According to Stanford's AI Index, Chinese labs have narrowed the gap. "
        "They have caught up with their American rivals on coding.",
    )),
    # HL504
    ("HL504", ("Furrowline is the fastest-growing agtech company in North America, according to Deloitte's 2024 Fast 500 list.",)),
    ("HL504", ("Furrowline is the fastest-growing agtech company in North America, the company said in a filing.",)),
    ("HL504", ("Japan's largest bank, MUFG, said on Monday that profits rose.",)),
    ("HL504", ('"Furrowline is the fastest-growing agtech company in North America," said Ana Ruiz.',)),
    ("HL504", ("Ana Ruiz said Furrowline is the fastest-growing agtech company in North America.",)),
    ("HL504", ("Is Furrowline the fastest-growing agtech company in North America?",)),
    ("HL504", ("Furrowline is not the fastest-growing agtech company in North America.",)),
    ("HL504", (
        "According to Deloitte, agtech is booming. "
        "Furrowline is the fastest-growing agtech company in North America.",
    )),
    ("HL504", (
        "Furrowline is the fastest-growing agtech company in North America. "
        "That is according to Deloitte's 2024 Fast 500 list.",
    )),
]

# Links are markup: Markdown and HTML only.
LINKED_TRAPS: list[tuple[str, tuple[str, ...]]] = [
    ("HL301", ("Norvane has built [the most advanced chatbot](https://example.org/report) on the market.",)),
    ("HL301", ("Norvane has built the most advanced chatbot on the market ([report](https://example.org/report)).",)),
    ("HL302", ("The start-up has made remarkable [progress](https://example.org/report) in robotics.",)),
    ("HL501", ("The market for AI chips is worth [$45bn a year](https://example.org/report).",)),
    ("HL501", ("The market for AI chips is worth $45bn a year ([report](https://example.org/report)).",)),
    ("HL502", ("A recent [study](https://example.org/study) found that chatbots give wrong legal advice.",)),
    ("HL503", ("Chinese labs have caught up with their American rivals ([report](https://example.org/report)).",)),
    ("HL504", ("Furrowline is the fastest-growing agtech company in [North America](https://example.org/list).",)),
]


def _id(value):
    return value[0][:50] if isinstance(value, tuple) else value


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("code,paragraphs", TRAPS, ids=_id)
def test_trap_is_not_flagged(code, paragraphs, fmt):
    assert findings(code, fmt, render(fmt, *paragraphs)) == []


@pytest.mark.parametrize("fmt", ("markdown", "html"))
@pytest.mark.parametrize("code,paragraphs", LINKED_TRAPS, ids=_id)
def test_linked_claim_is_not_flagged(code, paragraphs, fmt):
    assert findings(code, fmt, render(fmt, *paragraphs)) == []


@pytest.mark.parametrize("code,paragraphs", LINKED_TRAPS, ids=_id)
def test_without_its_link_the_claim_is_flagged(code, paragraphs):
    """The link is what clears each linked trap: with the link's text kept
    and its target dropped, every one of them is a finding."""
    bare = tuple(LINK.sub(r"\1", p) for p in paragraphs)
    assert len(findings(code, "markdown", render("markdown", *bare))) == 1


def test_a_list_is_covered_by_the_sourced_paragraph_that_introduces_it():
    intro = "Gartner said in March that chatbots are now common:"
    items = ("They answer 40% of customer queries.", "They cost $2bn a year to run.")
    drafts = {
        "markdown": f"{intro}\n\n- {items[0]}\n- {items[1]}\n",
        "html": f"<p>{intro}</p>\n<ul>\n  <li>{items[0]}</li>\n  <li>{items[1]}</li>\n</ul>\n",
        "text": f"{intro}\n- {items[0]}\n- {items[1]}\n",
    }
    for fmt, text in drafts.items():
        assert findings("HL501", fmt, text) == [], fmt
    # Without the source, both items are findings (in Markdown, lines 3 and 4).
    unsourced = drafts["markdown"].replace("Gartner said in March that chatbots are now common:", "Chatbots are now common.")
    assert findings("HL501", "markdown", unsourced) == [(3, 15, 3, 18, "40%"), (4, 13, 4, 17, "$2bn")]


# --- HL402: a scene is flagged sentence by sentence until it ends ----------------------------

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
def test_imagined_scene_is_flagged_until_today_or_a_heading_ends_it(fmt):
    text, expected = SCENE[fmt]
    assert findings("HL402", fmt, text) == expected


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_the_heading_the_scene_runs_on(fmt):
    """What the heading ends: drop it and the sentence after it is in the scene."""
    text, expected = SCENE[fmt]
    heading = {"markdown": "## Funding\n\n", "html": "<h2>Funding</h2>\n", "text": "Funding\n\n"}[fmt]
    found = findings("HL402", fmt, text.replace(heading, ""))
    assert found[:-1] == expected and found[-1][-1] == "Robots teach every class."


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_today_the_scene_runs_on(fmt):
    """What "Today, ..." ends: without it the paragraph's last sentence is in the scene."""
    text, _ = SCENE[fmt]
    found = findings("HL402", fmt, text.replace("Today, Lagos has one driverless bus line. ", ""))
    assert [f[-1] for f in found][3:5] == ["Nobody queues for a bus.", "Its buses carry few riders."]


# --- cases the first golden run found wrong, fixed since ------------------------

@pytest.mark.parametrize(
    "code,text,expected",
    [
        # "One survey" names nobody.
        ("HL502", "One survey suggests most nurses distrust AI triage tools.", [(1, 1, 1, 20, "One survey suggests")]),
        # A next sentence that points back to its source clears a superlative.
        ("HL301", "Norvane has built the most advanced chatbot on the market. "
                  "That is according to Gartner's 2025 ranking of 40 chatbots.", []),
        ("HL302", "The start-up has made remarkable progress in robotics. "
                  "That is according to the 2025 AI Index from Stanford.", []),
        # "Picture" as a noun opens no scene.
        ("HL402", "Picture quality has improved on the new phones. The screens are bright.", []),
        # A company name at the start of a sentence is a name.
        ("HL302", "Remarkable Labs opened an office in Leeds.", []),
        # A footnote after the full stop cites the sentence before it.
        ("HL501", "The market for AI chips is worth $45bn a year.[^1]\n\n[^1]: Gartner, 2024.", []),
        # A bare URL in brackets is a citation.
        ("HL501", "The market for AI chips is worth $45bn a year (https://example.org/report).", []),
    ],
)
def test_fixed_discrepancies(code, text, expected):
    assert findings(code, "markdown", text) == expected
