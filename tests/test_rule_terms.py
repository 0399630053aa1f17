"""A rule file lists each of its terms once.

A term written twice in a list of keywords, or twice among the plain
alternatives of one cue group ("(?:best|finest|best)"), changes nothing the
rule finds, but leaves the reader wondering which copy to edit; past a
certain length of list it is how two editors' additions collide unseen.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
import yaml

PACKS = Path(__file__).resolve().parent.parent / "rules"
# A group of plain alternatives: no nested group inside it.
GROUP = re.compile(r"\(\?:([^()]*)\)")


def repeated(values) -> list[str]:
    counts = collections.Counter(values)
    return sorted(value for value, count in counts.items() if count > 1)


def terms_listed_twice(params) -> list[str]:
    """Repeated entries of the lists, and repeated alternatives of the cue
    groups, anywhere in a rule's params."""
    found: list[str] = []
    if isinstance(params, str):
        for group in GROUP.findall(params):
            found += repeated(group.split("|"))
    elif isinstance(params, list):
        found += repeated(value for value in params if isinstance(value, str))
        for value in params:
            found += terms_listed_twice(value)
    elif isinstance(params, dict):
        for value in params.values():
            found += terms_listed_twice(value)
    return found


@pytest.mark.parametrize("path", sorted(PACKS.rglob("*.yaml")), ids=lambda p: str(p.relative_to(PACKS)))
def test_no_term_is_listed_twice(path):
    rule = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert terms_listed_twice(rule.get("params") or {}) == []


def test_a_repeated_term_is_found_in_a_list_and_in_a_group():
    params = {"keywords": ["best", "most", "best"], "cues": ["(?:the|its)\\s+(?:best|finest|best)\\b"]}
    assert terms_listed_twice(params) == ["best", "best"]
