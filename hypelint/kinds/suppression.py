"""Suppression comments themselves: unused, misspelt, or naming no rule.

The kinds unused-suppression (HL001), unknown-directive (HL002) and
unknown-rule (HL003) are reported by the engine, which alone knows which
directives were used once every other rule has run (suppress.py works out
what each reports); this module finds nothing on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from hypelint.model import Document, Match
from hypelint.kinds.params import Params as BaseParams


@dataclass(frozen=True)
class Params(BaseParams):
    pass


def check(doc: Document, rule) -> Iterator[Match]:
    return iter(())
