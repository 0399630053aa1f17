"""Regression floors on the labelled corpus (the targets live in scripts/evaluate.py's output).

The floors sit a little below the measured values, so a change that costs
precision or recall on the corpus fails here before it lands.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
evaluate = importlib.util.module_from_spec(SPEC)
sys.modules["evaluate"] = evaluate  # dataclasses look their module up while the script loads
SPEC.loader.exec_module(evaluate)

FLOORS = {  # category: (precision, recall)
    "faq": (0.95, 0.90),
    "superlative": (0.90, 0.80),
    "futurism": (0.90, 0.85),
    "sourcing": (0.85, 0.78),
    "promotional": (0.85, 0.80),
    "anthropomorphism": (0.90, 0.80),
    "weasel": (0.90, 0.85),
    "relative-time": (0.90, 0.75),
}


@pytest.fixture(scope="module")
def scores():
    return evaluate.evaluate(ROOT / "evaluation")


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_precision_and_recall_floors(scores, category):
    precision, recall = FLOORS[category]
    assert scores.labels[category] >= 20, "too few labels to measure"
    assert scores.precision(category) >= precision, scores.false_examples
    assert scores.recall(category) >= recall, [m for m in scores.missed_examples if m[1] == category]


def test_sober_drafts_stay_nearly_clean(scores):
    assert scores.sober_words > 8000
    assert scores.sober_rate <= 1.0


def test_corpus_size_and_label_quotes(scores):
    drafts = list((ROOT / "evaluation" / "drafts").iterdir())
    assert len(drafts) >= 40
    assert len([d for d in drafts if d.name.startswith("s")]) >= 15
    assert sum(scores.labels.values()) >= 300
    assert {d.suffix for d in drafts} == {".md", ".html", ".txt"}
