"""Golden tests with exact positions for the AI-pitfall rules.

HL601 to HL603 (anthropomorphism: a mind, sentience, acting alone), HL701
(weasel attributions), HL751 (relative time), HL204 to HL207 (historical
analogies, deep-sounding words, press-release language, hype saturation),
HL801 to HL804 (accuracy without conditions, human comparisons, missing
limitations, full automation) and HL821 to HL823 (black box, "sceptics",
company-only sources).

Each flagged case gives the whole draft in Markdown, HTML and plain text
(the same sentences: bold or a list item in Markdown, <p>/<b>/<li> in HTML,
a bare paragraph or "- " line in text) and every finding as
(line, column, end_line, end_column, excerpt): lines and columns 1-based,
end_column one past the last character, as editors and SARIF count them.
Each not-flagged case is one of EDITORIAL.md's traps, rendered in the three
formats, and must produce no finding of its rule; a trap for a rule limited
to pieces about AI is itself about AI, so that it is the trap, not the
topic, that keeps the rule quiet.

Only the rule under test runs (HL207 with the rules whose findings it
counts), with the story dated 2025-06-01, so other rules and today's date
cannot change what is expected here.
"""

from __future__ import annotations

import pytest

from golden import DATE, FORMATS, assert_same_sentences_in_every_format, findings, flagged_cases, lint, render

from hypelint.api import lint_source
from hypelint.config import Config, resolve_rules
from hypelint.context import TOPIC_WORDS
from hypelint.kinds.base import on_topic
from hypelint.parsers import parse








def titled(fmt: str, title: str, *paragraphs: str) -> str:
    """A draft under a title: a Markdown heading, an HTML <h1>, a title line in text."""
    head = {"markdown": f"# {title}\n\n", "html": f"<h1>{title}</h1>\n", "text": f"{title}\n\n"}[fmt]
    return head + render(fmt, *paragraphs)


def test_render_lays_out_the_three_formats():
    assert render("markdown", "A [b](https://c).", "D.") == "A [b](https://c).\n\nD.\n"
    assert render("html", "A [b](https://c).", "D.") == '<p>A <a href="https://c">b</a>.</p>\n<p>D.</p>\n'
    assert render("text", "A.", "D.") == "A.\n\nD.\n"
    assert titled("markdown", "T", "A.") == "# T\n\nA.\n"
    assert titled("html", "T", "A.") == "<h1>T</h1>\n<p>A.</p>\n"
    assert titled("text", "T", "A.") == "T\n\nA.\n"


def _rule(code: str):
    return next(rule for rule in resolve_rules(Config(select=(code,))) if rule.code == code)


def about_ai(fmt: str, text: str) -> bool:
    return on_topic(parse(text, fmt, None), "ai", TOPIC_WORDS)


# --- flagged: exact positions ------------------------------------------------------------

FLAGGED: dict[str, dict[str, tuple[str, list[tuple[int, int, int, int, str]]]]] = {
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
    "HL602": {
        "markdown": (
            "# Companions\n"
            "\n"
            "**The AI companion app is sentient** in every way that matters.\n"
            "\n"
            "- The chatbot has feelings of its own.\n"
            "- Since the update, the robot has become self-aware.\n"
            "\n"
            "Mira, a chatbot for lonely pensioners, chats all day. Mira is\n"
            "conscious, and it has a mind of its own.\n",
            [
                (3, 3, 3, 35, "The AI companion app is sentient"),
                (5, 3, 5, 27, "The chatbot has feelings"),
                (6, 21, 6, 52, "the robot has become self-aware"),
                (8, 55, 9, 10, "Mira is conscious"),
            ],
        ),
        "html": (
            "<h1>Companions</h1>\n"
            "<p><b>The AI companion app is sentient</b> in every way that matters.</p>\n"
            "<ul>\n"
            "  <li>The chatbot has feelings of its own.</li>\n"
            "  <li>Since the update, the robot has become self-aware.</li>\n"
            "</ul>\n"
            "<p>Mira, a chatbot for lonely pensioners, chats all day. Mira is\n"
            "conscious, and it has a mind of its own.</p>\n",
            [
                (2, 7, 2, 39, "The AI companion app is sentient"),
                (4, 7, 4, 31, "The chatbot has feelings"),
                (5, 25, 5, 56, "the robot has become self-aware"),
                (7, 58, 8, 10, "Mira is conscious"),
            ],
        ),
        "text": (
            "Companions\n"
            "\n"
            "The AI companion app is sentient in every way that matters.\n"
            "\n"
            "- The chatbot has feelings of its own.\n"
            "- Since the update, the robot has become self-aware.\n"
            "\n"
            "Mira, a chatbot for lonely pensioners, chats all day. Mira is\n"
            "conscious, and it has a mind of its own.\n",
            [
                (3, 1, 3, 33, "The AI companion app is sentient"),
                (5, 3, 5, 27, "The chatbot has feelings"),
                (6, 21, 6, 52, "the robot has become self-aware"),
                (8, 55, 9, 10, "Mira is conscious"),
            ],
        ),
    },
    "HL603": {
        "markdown": (
            "# Robots at work\n"
            "\n"
            "**The algorithm decides on its own** when something is wrong.\n"
            "\n"
            "- The robots plan their routes by themselves.\n"
            "- The AI agent books flights of its own accord.\n"
            "\n"
            "Kestrel, a warehouse robot, moves 400 boxes an hour. It works\n"
            "through the night on its own.\n",
            [
                (3, 3, 3, 35, "The algorithm decides on its own"),
                (5, 3, 5, 45, "The robots plan their routes by themselves"),
                (6, 3, 6, 47, "The AI agent books flights of its own accord"),
                (8, 54, 9, 29, "It works through the night on its own"),
            ],
        ),
        "html": (
            "<h1>Robots at work</h1>\n"
            "<p><b>The algorithm decides on its own</b> when something is wrong.</p>\n"
            "<ul>\n"
            "  <li>The robots plan their routes by themselves.</li>\n"
            "  <li>The AI agent books flights of its own accord.</li>\n"
            "</ul>\n"
            "<p>Kestrel, a warehouse robot, moves 400 boxes an hour. It works\n"
            "through the night on its own.</p>\n",
            [
                (2, 7, 2, 39, "The algorithm decides on its own"),
                (4, 7, 4, 49, "The robots plan their routes by themselves"),
                (5, 7, 5, 51, "The AI agent books flights of its own accord"),
                (7, 57, 8, 29, "It works through the night on its own"),
            ],
        ),
        "text": (
            "Robots at work\n"
            "\n"
            "The algorithm decides on its own when something is wrong.\n"
            "\n"
            "- The robots plan their routes by themselves.\n"
            "- The AI agent books flights of its own accord.\n"
            "\n"
            "Kestrel, a warehouse robot, moves 400 boxes an hour. It works\n"
            "through the night on its own.\n",
            [
                (3, 1, 3, 33, "The algorithm decides on its own"),
                (5, 3, 5, 45, "The robots plan their routes by themselves"),
                (6, 3, 6, 47, "The AI agent books flights of its own accord"),
                (8, 54, 9, 29, "It works through the night on its own"),
            ],
        ),
    },
    "HL701": {
        "markdown": (
            "# Chip wars\n"
            "\n"
            "**Experts say** the new AI chips will make the cloud irrelevant.\n"
            "\n"
            "- It is widely thought that chatbots will replace call centres.\n"
            "- Studies show customers prefer bots to human agents.\n"
            "\n"
            "The chips are cheap, but critics argue they run hot. Many\n"
            "believe the price will rise.\n",
            [
                (3, 3, 3, 14, "Experts say"),
                (5, 3, 5, 23, "It is widely thought"),
                (6, 3, 6, 15, "Studies show"),
                (8, 26, 8, 39, "critics argue"),
                (8, 54, 9, 8, "Many believe"),
            ],
        ),
        "html": (
            "<h1>Chip wars</h1>\n"
            "<p><b>Experts say</b> the new AI chips will make the cloud irrelevant.</p>\n"
            "<ul>\n"
            "  <li>It is widely thought that chatbots will replace call centres.</li>\n"
            "  <li>Studies show customers prefer bots to human agents.</li>\n"
            "</ul>\n"
            "<p>The chips are cheap, but critics argue they run hot. Many\n"
            "believe the price will rise.</p>\n",
            [
                (2, 7, 2, 18, "Experts say"),
                (4, 7, 4, 27, "It is widely thought"),
                (5, 7, 5, 19, "Studies show"),
                (7, 29, 7, 42, "critics argue"),
                (7, 57, 8, 8, "Many believe"),
            ],
        ),
        "text": (
            "Chip wars\n"
            "\n"
            "Experts say the new AI chips will make the cloud irrelevant.\n"
            "\n"
            "- It is widely thought that chatbots will replace call centres.\n"
            "- Studies show customers prefer bots to human agents.\n"
            "\n"
            "The chips are cheap, but critics argue they run hot. Many\n"
            "believe the price will rise.\n",
            [
                (3, 1, 3, 12, "Experts say"),
                (5, 3, 5, 23, "It is widely thought"),
                (6, 3, 6, 15, "Studies show"),
                (8, 26, 8, 39, "critics argue"),
                (8, 54, 9, 8, "Many believe"),
            ],
        ),
    },
    "HL751": {
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
    },
    "HL204": {
        "markdown": (
            "# AI in business\n"
            "\n"
            "AI translation is **the new electricity** of global business.\n"
            "\n"
            "- Some call it the next industrial revolution.\n"
            "- For chip makers, AI is bigger than the internet.\n"
            "\n"
            "Investors say the launch of the chatbot was an\n"
            "iPhone moment for the industry.\n",
            [
                (3, 21, 3, 40, "the new electricity"),
                (5, 16, 5, 46, "the next industrial revolution"),
                (6, 26, 6, 50, "bigger than the internet"),
                (8, 45, 9, 14, "an iPhone moment"),
            ],
        ),
        "html": (
            "<h1>AI in business</h1>\n"
            "<p>AI translation is <b>the new electricity</b> of global business.</p>\n"
            "<ul>\n"
            "  <li>Some call it the next industrial revolution.</li>\n"
            "  <li>For chip makers, AI is bigger than the internet.</li>\n"
            "</ul>\n"
            "<p>Investors say the launch of the chatbot was an\n"
            "iPhone moment for the industry.</p>\n",
            [
                (2, 25, 2, 44, "the new electricity"),
                (4, 20, 4, 50, "the next industrial revolution"),
                (5, 30, 5, 54, "bigger than the internet"),
                (7, 48, 8, 14, "an iPhone moment"),
            ],
        ),
        "text": (
            "AI in business\n"
            "\n"
            "AI translation is the new electricity of global business.\n"
            "\n"
            "- Some call it the next industrial revolution.\n"
            "- For chip makers, AI is bigger than the internet.\n"
            "\n"
            "Investors say the launch of the chatbot was an\n"
            "iPhone moment for the industry.\n",
            [
                (3, 19, 3, 38, "the new electricity"),
                (5, 16, 5, 46, "the next industrial revolution"),
                (6, 26, 6, 50, "bigger than the internet"),
                (8, 45, 9, 14, "an iPhone moment"),
            ],
        ),
    },
    "HL205": {
        "markdown": (
            "# Photo apps\n"
            "\n"
            "The AI app works like **magic** on your photos.\n"
            "\n"
            "- The phone's digital brain sorts your messages.\n"
            "- Its camera gives every user superpowers.\n"
            "\n"
            "The editing tool uses a kind of digital\n"
            "wizardry to remove strangers from the background.\n",
            [
                (3, 25, 3, 30, "magic"),
                (5, 15, 5, 28, "digital brain"),
                (6, 31, 6, 42, "superpowers"),
                (9, 1, 9, 9, "wizardry"),
            ],
        ),
        "html": (
            "<h1>Photo apps</h1>\n"
            "<p>The AI app works like <b>magic</b> on your photos.</p>\n"
            "<ul>\n"
            "  <li>The phone&rsquo;s digital brain sorts your messages.</li>\n"
            "  <li>Its camera gives every user superpowers.</li>\n"
            "</ul>\n"
            "<p>The editing tool uses a kind of digital\n"
            "wizardry to remove strangers from the background.</p>\n",
            [
                (2, 29, 2, 34, "magic"),
                (4, 25, 4, 38, "digital brain"),
                (5, 35, 5, 46, "superpowers"),
                (8, 1, 8, 9, "wizardry"),
            ],
        ),
        "text": (
            "Photo apps\n"
            "\n"
            "The AI app works like magic on your photos.\n"
            "\n"
            "- The phone's digital brain sorts your messages.\n"
            "- Its camera gives every user superpowers.\n"
            "\n"
            "The editing tool uses a kind of digital\n"
            "wizardry to remove strangers from the background.\n",
            [
                (3, 23, 3, 28, "magic"),
                (5, 15, 5, 28, "digital brain"),
                (6, 31, 6, 42, "superpowers"),
                (9, 1, 9, 9, "wizardry"),
            ],
        ),
    },
    "HL206": {
        "markdown": (
            "# A picking robot\n"
            "\n"
            "Kestrel Dynamics **is pleased to announce** its new picking robot.\n"
            "\n"
            "- The platform offers a seamless experience for customers.\n"
            "- Its AI software empowers warehouse staff.\n"
            "\n"
            "The robot is a turnkey system that plugs into a next-generation\n"
            "warehouse.\n",
            [
                (3, 20, 3, 42, "is pleased to announce"),
                (5, 25, 5, 33, "seamless"),
                (6, 19, 6, 27, "empowers"),
                (8, 16, 8, 23, "turnkey"),
                (8, 49, 8, 64, "next-generation"),
            ],
        ),
        "html": (
            "<h1>A picking robot</h1>\n"
            "<p>Kestrel Dynamics <b>is pleased to announce</b> its new picking robot.</p>\n"
            "<ul>\n"
            "  <li>The platform offers a seamless experience for customers.</li>\n"
            "  <li>Its AI software empowers warehouse staff.</li>\n"
            "</ul>\n"
            "<p>The robot is a turnkey system that plugs into a next-generation\n"
            "warehouse.</p>\n",
            [
                (2, 24, 2, 46, "is pleased to announce"),
                (4, 29, 4, 37, "seamless"),
                (5, 23, 5, 31, "empowers"),
                (7, 19, 7, 26, "turnkey"),
                (7, 52, 7, 67, "next-generation"),
            ],
        ),
        "text": (
            "A picking robot\n"
            "\n"
            "Kestrel Dynamics is pleased to announce its new picking robot.\n"
            "\n"
            "- The platform offers a seamless experience for customers.\n"
            "- Its AI software empowers warehouse staff.\n"
            "\n"
            "The robot is a turnkey system that plugs into a next-generation\n"
            "warehouse.\n",
            [
                (3, 18, 3, 40, "is pleased to announce"),
                (5, 25, 5, 33, "seamless"),
                (6, 19, 6, 27, "empowers"),
                (8, 16, 8, 23, "turnkey"),
                (8, 49, 8, 64, "next-generation"),
            ],
        ),
    },
    "HL801": {
        "markdown": (
            "# Diagnosis by AI\n"
            "\n"
            "The AI model is **97% accurate** at spotting skin cancer.\n"
            "\n"
            "- The chatbot answers correctly 90% of the time.\n"
            "- The fraud algorithm has an error rate of 2%.\n"
            "\n"
            "The bank's new voice assistant has an accuracy\n"
            "of 95%, and it speaks six languages.\n",
            [
                (3, 19, 3, 31, "97% accurate"),
                (5, 33, 5, 48, "90% of the time"),
                (6, 30, 6, 46, "error rate of 2%"),
                (8, 39, 9, 7, "accuracy of 95%"),
            ],
        ),
        "html": (
            "<h1>Diagnosis by AI</h1>\n"
            "<p>The AI model is <b>97% accurate</b> at spotting skin cancer.</p>\n"
            "<ul>\n"
            "  <li>The chatbot answers correctly 90% of the time.</li>\n"
            "  <li>The fraud algorithm has an error rate of 2%.</li>\n"
            "</ul>\n"
            "<p>The bank&rsquo;s new voice assistant has an accuracy\n"
            "of 95%, and it speaks six languages.</p>\n",
            [
                (2, 23, 2, 35, "97% accurate"),
                (4, 37, 4, 52, "90% of the time"),
                (5, 34, 5, 50, "error rate of 2%"),
                (7, 48, 8, 7, "accuracy of 95%"),
            ],
        ),
        "text": (
            "Diagnosis by AI\n"
            "\n"
            "The AI model is 97% accurate at spotting skin cancer.\n"
            "\n"
            "- The chatbot answers correctly 90% of the time.\n"
            "- The fraud algorithm has an error rate of 2%.\n"
            "\n"
            "The bank's new voice assistant has an accuracy\n"
            "of 95%, and it speaks six languages.\n",
            [
                (3, 17, 3, 29, "97% accurate"),
                (5, 33, 5, 48, "90% of the time"),
                (6, 30, 6, 46, "error rate of 2%"),
                (8, 39, 9, 7, "accuracy of 95%"),
            ],
        ),
    },
    "HL802": {
        "markdown": (
            "# AI and the professions\n"
            "\n"
            "The AI is now **as good as doctors** at reading scans.\n"
            "\n"
            "- Robotaxis are already safer than any human driver.\n"
            "- The legal chatbot outperforms lawyers.\n"
            "\n"
            "The translation model has reached\n"
            "human-level quality in every language.\n",
            [
                (3, 17, 3, 35, "as good as doctors"),
                (5, 25, 5, 52, "safer than any human driver"),
                (6, 21, 6, 40, "outperforms lawyers"),
                (9, 1, 9, 12, "human-level"),
            ],
        ),
        "html": (
            "<h1>AI and the professions</h1>\n"
            "<p>The AI is now <b>as good as doctors</b> at reading scans.</p>\n"
            "<ul>\n"
            "  <li>Robotaxis are already safer than any human driver.</li>\n"
            "  <li>The legal chatbot outperforms lawyers.</li>\n"
            "</ul>\n"
            "<p>The translation model has reached\n"
            "human-level quality in every language.</p>\n",
            [
                (2, 21, 2, 39, "as good as doctors"),
                (4, 29, 4, 56, "safer than any human driver"),
                (5, 25, 5, 44, "outperforms lawyers"),
                (8, 1, 8, 12, "human-level"),
            ],
        ),
        "text": (
            "AI and the professions\n"
            "\n"
            "The AI is now as good as doctors at reading scans.\n"
            "\n"
            "- Robotaxis are already safer than any human driver.\n"
            "- The legal chatbot outperforms lawyers.\n"
            "\n"
            "The translation model has reached\n"
            "human-level quality in every language.\n",
            [
                (3, 15, 3, 33, "as good as doctors"),
                (5, 25, 5, 52, "safer than any human driver"),
                (6, 21, 6, 40, "outperforms lawyers"),
                (9, 1, 9, 12, "human-level"),
            ],
        ),
    },
    "HL804": {
        "markdown": (
            "# The robot warehouse\n"
            "\n"
            "The AI warehouse is **fully automated**.\n"
            "\n"
            "- The system approves loans without any human input.\n"
            "- Once the robots are installed, no humans needed.\n"
            "\n"
            "Orders are picked, packed and shipped with no human\n"
            "involvement.\n",
            [
                (3, 23, 3, 38, "fully automated"),
                (5, 29, 5, 52, "without any human input"),
                (6, 34, 6, 50, "no humans needed"),
                (8, 39, 9, 12, "with no human involvement"),
            ],
        ),
        "html": (
            "<h1>The robot warehouse</h1>\n"
            "<p>The AI warehouse is <b>fully automated</b>.</p>\n"
            "<ul>\n"
            "  <li>The system approves loans without any human input.</li>\n"
            "  <li>Once the robots are installed, no humans needed.</li>\n"
            "</ul>\n"
            "<p>Orders are picked, packed and shipped with no human\n"
            "involvement.</p>\n",
            [
                (2, 27, 2, 42, "fully automated"),
                (4, 33, 4, 56, "without any human input"),
                (5, 38, 5, 54, "no humans needed"),
                (7, 42, 8, 12, "with no human involvement"),
            ],
        ),
        "text": (
            "The robot warehouse\n"
            "\n"
            "The AI warehouse is fully automated.\n"
            "\n"
            "- The system approves loans without any human input.\n"
            "- Once the robots are installed, no humans needed.\n"
            "\n"
            "Orders are picked, packed and shipped with no human\n"
            "involvement.\n",
            [
                (3, 21, 3, 36, "fully automated"),
                (5, 29, 5, 52, "without any human input"),
                (6, 34, 6, 50, "no humans needed"),
                (8, 39, 9, 12, "with no human involvement"),
            ],
        ),
    },
    "HL821": {
        "markdown": (
            "# Inside the model\n"
            "\n"
            "The AI model is **a black box**.\n"
            "\n"
            "- How the chatbot picks its words is mysterious.\n"
            "- Even its creators don't know why the model works.\n"
            "\n"
            "The trading algorithm is, in the end,\n"
            "inscrutable.\n",
            [
                (3, 19, 3, 30, "a black box"),
                (5, 38, 5, 48, "mysterious"),
                (6, 3, 6, 31, "Even its creators don't know"),
                (9, 1, 9, 12, "inscrutable"),
            ],
        ),
        "html": (
            "<h1>Inside the model</h1>\n"
            "<p>The AI model is <b>a black box</b>.</p>\n"
            "<ul>\n"
            "  <li>How the chatbot picks its words is mysterious.</li>\n"
            "  <li>Even its creators don't know why the model works.</li>\n"
            "</ul>\n"
            "<p>The trading algorithm is, in the end,\n"
            "inscrutable.</p>\n",
            [
                (2, 23, 2, 34, "a black box"),
                (4, 42, 4, 52, "mysterious"),
                (5, 7, 5, 35, "Even its creators don't know"),
                (8, 1, 8, 12, "inscrutable"),
            ],
        ),
        "text": (
            "Inside the model\n"
            "\n"
            "The AI model is a black box.\n"
            "\n"
            "- How the chatbot picks its words is mysterious.\n"
            "- Even its creators don't know why the model works.\n"
            "\n"
            "The trading algorithm is, in the end,\n"
            "inscrutable.\n",
            [
                (3, 17, 3, 28, "a black box"),
                (5, 38, 5, 48, "mysterious"),
                (6, 3, 6, 31, "Even its creators don't know"),
                (9, 1, 9, 12, "inscrutable"),
            ],
        ),
    },
    "HL822": {
        "markdown": (
            "# The chatbot debate\n"
            "\n"
            "**AI sceptics** say the chatbot makes mistakes, but the model keeps improving.\n"
            "\n"
            "- The naysayers have been proved wrong.\n"
            "- Only Luddites still refuse to use AI tools.\n"
            "\n"
            "The company has little time for the doomsayers\n"
            "who warn about chatbots.\n",
            [
                (3, 6, 3, 14, "sceptics"),
                (5, 7, 5, 16, "naysayers"),
                (6, 8, 6, 16, "Luddites"),
                (8, 37, 8, 47, "doomsayers"),
            ],
        ),
        "html": (
            "<h1>The chatbot debate</h1>\n"
            "<p><b>AI sceptics</b> say the chatbot makes mistakes, but the model keeps improving.</p>\n"
            "<ul>\n"
            "  <li>The naysayers have been proved wrong.</li>\n"
            "  <li>Only Luddites still refuse to use AI tools.</li>\n"
            "</ul>\n"
            "<p>The company has little time for the doomsayers\n"
            "who warn about chatbots.</p>\n",
            [
                (2, 10, 2, 18, "sceptics"),
                (4, 11, 4, 20, "naysayers"),
                (5, 12, 5, 20, "Luddites"),
                (7, 40, 7, 50, "doomsayers"),
            ],
        ),
        "text": (
            "The chatbot debate\n"
            "\n"
            "AI sceptics say the chatbot makes mistakes, but the model keeps improving.\n"
            "\n"
            "- The naysayers have been proved wrong.\n"
            "- Only Luddites still refuse to use AI tools.\n"
            "\n"
            "The company has little time for the doomsayers\n"
            "who warn about chatbots.\n",
            [
                (3, 4, 3, 12, "sceptics"),
                (5, 7, 5, 16, "naysayers"),
                (6, 8, 6, 16, "Luddites"),
                (8, 37, 8, 47, "doomsayers"),
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


@pytest.mark.parametrize("code", list(FLAGGED))
def test_flagged_drafts_are_warnings(code):
    for fmt, (text, _) in FLAGGED[code].items():
        assert {f.severity for f in lint(code, fmt, text)} == {"warning"}, fmt


# A product the piece introduces as an AI system is one in its later paragraphs too.
PRODUCT = (
    "Sentinel, an AI fraud system, watches every card payment.",
    "Sentinel knows when a card is stolen.",
)


@pytest.mark.parametrize(
    "fmt,expected",
    [
        ("markdown", [(3, 1, 3, 15, "Sentinel knows")]),
        ("html", [(2, 4, 2, 18, "Sentinel knows")]),
        ("text", [(3, 1, 3, 15, "Sentinel knows")]),
    ],
)
def test_a_product_introduced_as_ai_is_ai_in_later_paragraphs(fmt, expected):
    assert findings("HL601", fmt, render(fmt, *PRODUCT)) == expected


# --- not flagged: EDITORIAL.md's traps ------------------------------------------------------

# (code, paragraph(s)): each is linted alone, in every format.
TRAPS: list[tuple[str, tuple[str, ...]]] = [
    # HL601: negated, technical, perceived, quoted, attributed, people
    ("HL601", ("The chatbot does not understand what it writes.",)),
    ("HL601", ("The chatbot doesn't know when it is wrong.",)),
    ("HL601", ("The chatbot answers questions about tax. It doesn't know when it is wrong.",)),
    ("HL601", ("The AI model learns from millions of labelled scans.",)),
    ("HL601", ("The AI model needs data to improve.",)),
    ("HL601", ("Users often feel the chatbot understands them.",)),
    ("HL601", ("Many users believe the chatbot understands them.",)),
    ("HL601", ('"The chatbot knows you," said Mira Osei, the company\'s founder.',)),
    ("HL601", ('"It knows you," said Mira Osei, founder of the chatbot maker Kindly.',)),
    ("HL601", ("The company says its AI model understands legal language.",)),
    ("HL601", ("According to Norvane, its chatbot understands legal language.",)),
    ("HL601", (
        "Claude Dupont, a teacher in Lyon, uses an AI chatbot in class. Claude thinks it saves her an hour "
        "a day.",
    )),
    ("HL601", ("Alexa Reid teaches maths with an AI tutor. Alexa knows which pupils need help.",)),
    ("HL601", ("Engineers at Norvane think the AI model is ready.",)),
    ("HL601", ("The bank's staff decide which loans the AI approves.",)),
    ("HL601", ("Does the chatbot understand what it writes?",)),
    # HL602
    ("HL602", ("The chatbot is not sentient, the researchers stressed.",)),
    ("HL602", ("No chatbot is conscious.",)),
    ("HL602", ("Users report that the AI companion app seems to have feelings, according to a 2024 survey by Ofcom.",)),
    ("HL602", ('"The chatbot is sentient," said Blake Lemoine, a former Google engineer.',)),
    ("HL602", ("Blake Lemoine, a former Google engineer, said the chatbot was sentient.",)),
    ("HL602", ("Is the chatbot conscious?",)),
    # HL603
    ("HL603", ("The algorithm flags unusual scans for a radiologist to review.",)),
    ("HL603", ("The robot never acts on its own.",)),
    ("HL603", ("The robot does not act on its own.",)),
    ("HL603", ("The company says the robot works on its own at night.",)),
    ("HL603", ('"The robot works on its own," said Anna Berg, the company\'s chief executive.',)),
    # HL701: a named source in the sentence or the next one, quoted
    ("HL701", ("Experts including Dana Ruiz of MIT say the chips are faster on some tasks.",)),
    ("HL701", ("Critics, including Omar Haddad of Leeds University, argue the tool is unreliable.",)),
    ("HL701", (
        "Critics argue the tool is unreliable. Omar Haddad, a professor at Leeds University, said it "
        "failed 12% of tests.",
    )),
    ("HL701", ("Critics argue the tool is unreliable. Omar Haddad of Leeds University found it failed 12% of tests.",)),
    ("HL701", ("Studies show customers prefer bots, according to a 2024 review by the Ada Lovelace Institute.",)),
    ("HL701", ('"Experts say it is safe, but they are wrong," said Omar Haddad of Leeds University.',)),
    # HL751: an absolute date near, "as soon as", the Today programme
    ("HL751", ("The company opened a second factory in March 2025.",)),
    ("HL751", ("The company recently opened a second factory, in March 2025.",)),
    ("HL751", ("The company recently opened a second factory. It did so in March 2025.",)),
    ("HL751", ("Chatbots are currently used by 40 of the 50 largest banks, as of June 2025.",)),
    ("HL751", ("The firm will reply as soon as it can.",)),
    ("HL751", ("She spoke on BBC Radio 4's Today programme.",)),
    ("HL751", ("Speaking on the Today programme, she said chatbots were overrated.",)),
    # HL204
    ("HL204", ("Electricity prices rose by 4% in March, the regulator said.",)),
    ("HL204", ('"AI is the new electricity," said Andrew Ng, the Stanford computer scientist.',)),
    ("HL204", ("The first industrial revolution began in Britain.",)),
    # HL205
    ("HL205", ("Magic Leap sells headsets to hospitals.",)),
    ("HL205", ("The company was bought by Magic Leap in 2023.",)),
    ("HL205", ('"It feels like magic," said Anna Berg, the company\'s chief executive.',)),
    ("HL205", ("The magic number for a profitable chip plant is 100,000 wafers a month.",)),
    # HL206
    ("HL206", ("Messages are protected by end-to-end encryption.",)),
    ("HL206", ("The app is end-to-end encrypted.",)),
    ("HL206", ('"It is a seamless experience," said Anna Berg, the company\'s chief executive.',)),
    ("HL206", ('"We are pleased to announce our new robot," said Anna Berg, the company\'s chief executive.',)),
    ("HL206", (
        '"The company is pleased to announce a seamless, end-to-end platform that empowers teams," the '
        "firm said in a statement.",
    )),
    # HL801
    ("HL801", ("On a test set of 2,000 images, the AI model was 97% accurate.",)),
    ("HL801", ("On a test set of 2,000 images, the AI model was 97% accurate, the authors wrote.",)),
    ("HL801", (
        "The AI model is 97% accurate at spotting skin cancer. It was tested on 2,000 images from one "
        "hospital.",
    )),
    ("HL801", ("The AI model was 97% accurate, with a margin of error of two points.",)),
    # HL802
    ("HL802", ("On a narrow test of 500 scans, the AI was as accurate as radiologists.",)),
    ("HL802", ("The AI was as accurate as radiologists in a study of 500 scans.",)),
    ("HL802", (
        "On a test set of 1,000 chest X-rays, the AI was as accurate as radiologists, though it missed "
        "rarer conditions.",
    )),
    # HL804
    ("HL804", ("The warehouse is fully automated, the company says, though staff handle returns.",)),
    ("HL804", ("The robot warehouse is not fully automated.",)),
    # HL821
    ("HL821", (
        "Investigators recovered the plane's black box flight recorder on Sunday, and a robot searched the "
        "wreck.",
    )),
    ("HL821", ("The AI model is a black box, said Omar Haddad of Leeds University.",)),
    # HL822
    ("HL822", (
        "Gary Chen, a computer scientist at Leeds, says the chatbot makes mistakes on 12% of legal "
        "questions.",
    )),
    ("HL822", ('"The sceptics were right about this AI," said Gary Chen, a computer scientist at Leeds.',)),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("code,paragraphs", TRAPS, ids=[f"{code}-{i}" for i, (code, _) in enumerate(TRAPS)])
def test_trap_is_not_flagged(code, paragraphs, fmt):
    text = render(fmt, *paragraphs)
    if _rule(code).topic == "ai":
        assert about_ai(fmt, text), "the trap must be about AI, or the topic alone keeps the rule quiet"
    assert findings(code, fmt, text) == []


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

UNDATED = {
    "markdown": FLAGGED["HL751"]["markdown"][0],
    "html": FLAGGED["HL751"]["html"][0],
    "text": FLAGGED["HL751"]["text"][0],
}
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
    assert [(f.line, f.column, f.end_line, f.end_column, f.excerpt) for f in found] == FLAGGED["HL751"][fmt][1]
    assert [f.severity for f in found] == ["warning"] * len(found)


@pytest.mark.parametrize("fmt", FORMATS)
def test_relative_time_is_a_note_in_a_dated_piece(fmt):
    found = lint("HL751", fmt, DATED[fmt])
    shift = SHIFT[fmt]
    expected = [(line + shift, col, end + shift, end_col, excerpt)
                for line, col, end, end_col, excerpt in FLAGGED["HL751"][fmt][1]]
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


# --- HL823: company-only sources, and a piece with an independent one --------------------------

# Every source speaks for the company.
CHIP = (
    (
        "Norvane launched an AI chip for data centres on Monday. The chip runs AI models twice as fast as "
        "the company's last one, the firm said in a statement."
    ),
    (
        '"This is our best AI product," said Maya Lind, the company\'s chief executive. The chip will ship '
        "in the spring, the company said."
    ),
    '"Customers will love it," said Tom Reyes, the firm\'s founder.',
    (
        "The AI chip uses less power per task than the previous model and fits the same servers, so "
        "operators need not rebuild their racks. Norvane makes chips for cloud providers and has offices "
        "in Austin and Taipei. It employs about 400 people and was founded in 2017."
    ),
    (
        "The chip is made by a contract manufacturer in Taiwan and is built on a newer process than its "
        "predecessor, which allows more circuits on each chip. The company plans to release software tools "
        "for the chip at the same time, so that customers can move their existing models onto it without "
        "rewriting them."
    ),
    (
        "Norvane plans to announce prices after talks with its biggest customers, and expects the first "
        "chips to reach cloud providers in Europe and Asia before the end of the year."
    ),
    (
        "The company also plans a smaller version of the chip for cameras, cars and other devices that run "
        "AI models away from data centres, though it has not said when that version will be ready or what "
        "it will cost."
    ),
)
CHIP_ANALYST = "Independent tests have not been published, said Sam Ortiz, an analyst at Gartner."
CHIP_PROFESSOR = (
    "Priya Nair, a professor of computer engineering at the University of Leeds, said the speed claims "
    "could not be checked until independent benchmarks were published."
)

CHIP_AT = {
    "markdown": [(1, 3, 1, 16, "A new AI chip")],
    "html": [(1, 5, 1, 18, "A new AI chip")],
    "text": [(1, 1, 1, 14, "A new AI chip")],
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_company_only_sources_are_flagged(fmt):
    text = titled(fmt, "A new AI chip", *CHIP)
    assert lint_source(text, None, fmt, Config(select=("HL823",), date=DATE)).words >= _rule("HL823").params.min_words
    assert findings("HL823", fmt, text) == CHIP_AT[fmt]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("independent", [CHIP_ANALYST, CHIP_PROFESSOR], ids=["analyst", "professor"])
def test_an_independent_source_clears_company_sources(fmt, independent):
    text = titled(fmt, "A new AI chip", *CHIP[:3], independent, *CHIP[3:])
    assert findings("HL823", fmt, text) == []
