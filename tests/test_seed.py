"""The archetype: the seed article in ../shared/seed, read in place (never copied).

Skipped when the shared folder is not beside the checkout.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hypelint.api import lint_source
from hypelint.config import Config
from hypelint.parsers import parse
from hypelint.analysis.memo import analyse

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_86967ae7d7a15767.txt"
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is not present")


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    doc = parse(text, "text", str(SEED))
    findings = lint_source(text, str(SEED), "text", Config(date=dt.date(2024, 6, 1))).findings
    return text, doc, findings


def _faq_headings(doc):
    headings = [b for b in doc.blocks if b.is_heading]
    faq = next(i for i, b in enumerate(headings) if b.text == "FAQ")
    return headings[faq + 1 :]


def test_every_unanswered_faq_question_is_found(seed):
    text, doc, findings = seed
    questions = _faq_headings(doc)
    assert len(questions) == 5
    flagged = {f.excerpt for f in findings if f.category == "faq"}
    assert flagged == {q.text for q in questions[:4]}


def test_the_answered_fifth_question_and_its_list_are_not_faq_findings(seed):
    text, doc, findings = seed
    fifth = _faq_headings(doc)[4]
    start = fifth.start
    assert not [f for f in findings if f.category == "faq" and f.offset >= start]


def test_each_sentence_of_the_2050_scene_is_found(seed):
    text, doc, findings = seed
    headings = [i for i, b in enumerate(doc.blocks) if b.is_heading]
    scene_blocks = range(headings[0] + 1, headings[1])  # the section the scene fills
    scene_sentences = [s for s in analyse(doc).sentences if s.block in scene_blocks]
    assert len(scene_sentences) >= 9
    scene_findings = [f for f in findings if f.rule == "HL402"]
    for sentence in scene_sentences:
        span = doc.blocks[sentence.block].source_span(sentence.start, sentence.end)
        assert any(f.offset == span.start and f.end_offset == span.end for f in scene_findings), sentence.text
    assert len(scene_findings) == len(scene_sentences)


def test_puffery_and_unsourced_claims_are_found(seed):
    text, doc, findings = seed
    by_category = {}
    for f in findings:
        by_category.setdefault(f.category, set()).add(f.excerpt.lower())
    assert {"a testament to", "formidable", "remarkable", "impressive", "significant strides"} <= by_category["superlative"]
    assert {"have swiftly narrowed the gap", "has made breakthroughs"} <= by_category["sourcing"]
    assert {"buckle up", "join us as we"} <= by_category["promotional"]
