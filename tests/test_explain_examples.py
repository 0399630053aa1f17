"""What `hypelint explain` shows a rule flagging is what a default run reports under that rule's code.

A reader takes the shown fail examples as the rule's own findings; when a
default run (every default rule together) reports such a sentence under
another code only, the example misleads (issue 13: HL603 showed "decides on
its own", which the default run reports as HL601).
"""

from __future__ import annotations

import datetime

import pytest

from hypelint import lint_text
from hypelint.config import Config
from hypelint.rules.loader import load_packs
from hypelint.rules.docs import shown_cases

CASE_DATE = datetime.date(2025, 6, 1)
RULES = [rule for rule in load_packs() if rule.default]

# Rules whose shown examples another default rule takes today; each is a
# known fault to fix in its own family, not a licence.
KNOWN = {}


def _shown():
    for rule in RULES:
        shown, _ = shown_cases(rule, "fail")
        for number, case in enumerate(shown, 1):
            if case.flags is None and "\n" not in case.text.strip():
                marks = [pytest.mark.xfail(reason=KNOWN[rule.code], strict=True)] if rule.code in KNOWN else []
                yield pytest.param(rule, case, id=f"{rule.code}-shown{number}", marks=marks)


@pytest.mark.parametrize("rule,case", list(_shown()))
def test_shown_fail_example_is_reported_under_its_code_by_default(rule, case):
    date = datetime.date.fromisoformat(case.date) if case.date else CASE_DATE
    found = lint_text(case.text, fmt=case.format, config=Config(date=date))
    assert rule.code in {f.rule for f in found}, f"default run reports {sorted({f.rule for f in found})}"
