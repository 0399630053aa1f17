"""Rule kinds: the small set of Python behaviours that rule files pick from.

A kind module exposes `Params` (a frozen dataclass built from the rule's
`params` mapping, validated) and `check(doc, rule)`, a generator of Matches.
A kind that judges the other rules' findings (density) also exposes
`check_findings(doc, rule, findings)`, which the engine calls after them.
A kind that writes every match's message itself (proselint-check) says
`SUPPLIES_MESSAGE = True`, and its rules leave `message` out. A kind whose
findings are about the piece as a whole (density, document-balance) says
`WHOLE_PIECE = True`; its span only anchors the finding (RuleInfo.whole_piece).
Kinds are pure: they read the document and never see config or output.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType

# kind name -> module under hypelint.kinds
KINDS = {
    "existence": "existence",
    "question-needs-answer": "question_answer",
    "unused-suppression": "suppression",
    "unknown-directive": "suppression",
    "unknown-rule": "suppression",
    "claim-needs-evidence": "claim_needs_evidence",
    "future-claim": "future_claim",
    "imagined-scene": "imagined_scene",
    "unsourced-figure": "unsourced_figure",
    "readability": "readability",
    "proselint-check": "proselint_check",
    "ai-subject": "ai_subject",
    "density": "density",
    "document-balance": "document_balance",
}

# kind name -> the {fields} its matches fill in a rule's message and
# suggestion, beside {match} (the flagged words), which the engine always
# fills in. The loader refuses a template that names any other.
MESSAGE_FIELDS = {
    "question-needs-answer": ("question",),
    "unused-suppression": ("directive",),
    "unknown-directive": ("directive", "problem"),
    "unknown-rule": ("directive", "rules"),
    "unsourced-figure": ("figure",),
    "readability": ("agree", "formulas", "grade", "grades", "words", "unit"),
    "ai-subject": ("predicate",),
    "density": ("count", "words", "rate", "threshold"),
    "document-balance": ("problem", "count"),
}


@functools.lru_cache(maxsize=None)
def kind_module(name: str) -> ModuleType:
    # Cached: the engine asks for every rule of every document, and
    # import_module's look-up, though cheap, is not free at that rate.
    return importlib.import_module(f"{__name__}.{KINDS[name]}")
