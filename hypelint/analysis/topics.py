"""Whether a draft is about a rule's topic: the gate the engine asks before a
topical rule runs.

Rules about AI coverage (`topic: ai` in their file) stay quiet in a story
about football that mentions a robot once: a piece is on topic when it
mentions the topic at least once per TOPIC_WORDS words.
"""

from __future__ import annotations

import re

from hypelint.analysis.memo import analyse
from hypelint.model import Document

# Topics a rule may be limited to (`topic: ai` in its file): a piece is on
# topic when it mentions one of these once per TOPIC_WORDS words.
TOPICS = {
    "ai": re.compile(
        r"\b(?:AI|A\.I\.|AGI|LLMs?|GPT[-\w.]*|(?i:artificial\s+intelligence|machine\s+learning|deep\s+learning|"
        r"neural\s+networks?|chatbots?|language\s+models?|algorithms?|robots?|robotics|robotaxis?|automation|automated|autonomous|"
        r"self-driving|driverless|generative)"
        # products and labs that are nothing but AI: a piece about ChatGPT is about AI
        r"|ChatGPT|OpenAI|DeepMind|Anthropic|Copilot|Midjourney|Siri|Cortana|AlphaGo|AlphaFold)\b"
    ),
}
TOPIC_WORDS = 250
# Text a mention of each topic cannot be without, as (case-sensitive,
# lower-case) substrings: a paragraph with none is not searched, and most
# paragraphs of most pieces have none.
TOPIC_CLUES = {
    "ai": (
        ("AI", "A.I.", "AGI", "LLM", "GPT", "Anthropic", "Copilot", "Midjourney", "Siri", "Cortana", "Alpha"),
        ("artificial", "machine", "deep", "neural", "chatbot", "language", "algorithm", "robot", "automat",
         "autonomous", "self-driving", "driverless", "generative"),
    ),
}  # fmt: skip


def on_topic(doc: Document, topic: str, words_per_mention: int = TOPIC_WORDS) -> bool:
    """Whether the piece mentions a topic (one of TOPICS) at least once per
    `words_per_mention` words (and at least once). Answered once per piece:
    every rule of the topic asks."""
    return analyse(doc).keep(("topic", topic, words_per_mention), lambda: _count_reaches(doc, topic, words_per_mention))


def _count_reaches(doc: Document, topic: str, words_per_mention: int) -> bool:
    pattern, (cased, caseless) = TOPICS[topic], TOPIC_CLUES[topic]
    needed = max(1, analyse(doc).word_count // words_per_mention)
    count = 0
    for index, block in enumerate(doc.blocks):
        text = block.text
        if not any(clue in text for clue in cased):
            lower = analyse(doc).block_lower(index)
            if not any(clue in lower for clue in caseless):
                continue
        count += len(pattern.findall(text))
        if count >= needed:
            return True
    return False
