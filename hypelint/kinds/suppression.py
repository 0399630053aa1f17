"""unused-suppression: a `hypelint: disable` comment that silences nothing.

The engine knows which directives were used only after every other rule has
run, so it reports these itself; this kind finds nothing on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..model import Document, Match
from .base import Params as BaseParams


@dataclass(frozen=True)
class Params(BaseParams):
    pass


def check(doc: Document, rule) -> Iterator[Match]:
    return iter(())
