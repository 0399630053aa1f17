"""proselint-check: one of proselint's checks, run over the document's prose.

Params:
  check  a proselint check path, e.g. "typography.symbols.ellipsis". Every
         proselint check registered under exactly that path runs (a few paths
         have several); paths below it ("misc.illogic.coin" under
         "misc.illogic") are rules of their own.

proselint reads a whole file; here a check reads the prose of the blocks in
the rule's scope, and never code, URLs or front matter, which are not in any
block's text. The blocks are joined the way proselint sees paragraphs (one
blank line between them, a line break before the first and after the last),
so that checks that look at whole documents ("inconsistent spelling", "more
than 30 ppm of exclamations") or at paragraph starts ("But ...") behave as
they do in proselint, and each check runs once per document rather than once
per block. Every result is mapped back to its block, and through the block
to the source; a result that straddles two blocks is an artefact of joining
them and is dropped. Like proselint, a result that starts inside quotation
marks is skipped, unless the check asks to see quotations.

proselint is imported on first use, not when rules load, so that runs that
do not select these rules start as fast as before.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from hypelint.analysis.memo import analyse
from hypelint.model import Document, Match
from hypelint.kinds.params import Params as BaseParams
from hypelint.kinds.scope import scoped_blocks

# Each finding's message is proselint's own, naming the check, so the
# rules of this kind have no `message` template (loader.py).
SUPPLIES_MESSAGE = True
_PATH = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")
# A consistency check's replacement is the pattern of the form used more
# often; for "1 vs. 2 spaces after a period" that is a regex, no text to write.
_REGEX_SYNTAX = re.compile(r"[\\\[\](){}*+?|^$]")


@dataclass(frozen=True)
class Params(BaseParams):
    check: str = ""

    def __post_init__(self):
        # Only the form is checked here; whether proselint has such a check is
        # known once proselint is imported, on the rule's first run.
        if not _PATH.fullmatch(self.check):
            raise ValueError("param 'check' must be a proselint check path such as 'typography.symbols.ellipsis'")


@lru_cache(maxsize=1)
def _checks_by_path() -> dict[str, tuple]:
    """proselint's registered checks, grouped by their exact path (built once)."""
    from proselint.checks import __register__

    grouped: dict[str, list] = {}
    for check in __register__:
        grouped.setdefault(check.path, []).append(check)
    return {path: tuple(checks) for path, checks in grouped.items()}


@lru_cache(maxsize=1)
def _word_list_shift() -> int:
    """How far past a word's first letter proselint starts a word-list result.

    proselint 0.16 reports the words of its word-list checks (restricted.*)
    from their second letter; measuring it on a probe keeps the correction
    right if a later version fixes that.
    """
    from proselint.registry.checks import Check
    from proselint.registry.checks.types import ReverseExistence

    probe = Check(check_type=ReverseExistence(allowed=set()), path="probe", message="{}")
    return next(iter(probe.check("\nprobe\n"))).span[0] - 1


def check_paths() -> list[str]:
    """Every proselint check path, sorted."""
    return sorted(_checks_by_path())


@dataclass
class _Prose:
    """The blocks in a scope joined into one text, with where each block lies."""

    text: str
    blocks: list[int]  # document block index of each joined block
    starts: list[int]  # where each block's text starts in `text`
    ends: list[int]
    quotes: list[int]  # quotation bounds in `text`, flat pairs (open, close)

    def locate(self, start: int, end: int) -> tuple[int, int, int] | None:
        """(joined block, start, end) in that block's text, or None when the
        span covers no prose or runs across a gap between blocks."""
        first = bisect.bisect_right(self.starts, start) - 1
        if first < 0 or start >= self.ends[first]:  # starts in a gap: from the next block
            first += 1
        last = bisect.bisect_right(self.starts, end - 1) - 1
        if first >= len(self.starts) or last != first:
            return None
        local_start = max(start, self.starts[first]) - self.starts[first]
        local_end = min(end, self.ends[first]) - self.starts[first]
        return (first, local_start, local_end) if local_end > local_start else None

    def quoted(self, position: int) -> bool:
        """proselint's test: inside a quotation pair, the opening mark excluded."""
        return bisect.bisect_left(self.quotes, position) % 2 == 1


def _prose(doc: Document, scope: tuple[str, ...]) -> _Prose:
    """The joined prose of a scope, built once per document and scope."""
    return analyse(doc).keep(("proselint prose", scope), lambda: _joined_prose(doc, scope))


def _joined_prose(doc: Document, scope: tuple[str, ...]) -> _Prose:
    from proselint.tools import QUOTE_PATTERN, check_matching_quotes, find_spans

    parts = ["\n"]
    blocks: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 1
    for index, block in scoped_blocks(doc, scope):
        if blocks:
            parts.append("\n\n")
            position += 2
        blocks.append(index)
        starts.append(position)
        parts.append(block.text)
        position += len(block.text)
        ends.append(position)
    parts.append("\n")
    text = "".join(parts)
    quotes: list[int] = []
    for start, end in zip(starts, ends):
        # Quotations are paired within a block: a stray mark in one paragraph
        # must not pair with a mark paragraphs later and hide all in between.
        # The slice keeps one separator each side, which find_spans needs.
        for opening, closing in find_spans(text[start - 1 : end + 1], QUOTE_PATTERN, check_matching_quotes):
            quotes += [start - 1 + opening, start - 1 + closing]
    return _Prose(text, blocks, starts, ends, quotes)


def check(doc: Document, rule) -> Iterator[Match]:
    path = rule.params.check
    checks = _checks_by_path().get(path)
    if checks is None:
        from hypelint.rules.loader import RuleError

        raise RuleError(f"{rule.path}: key 'params': proselint has no check {path!r}")
    prose = _prose(doc, rule.scope)
    if not prose.blocks:
        return
    from proselint.registry.checks.types import ReverseExistence

    for proselint_check in checks:
        shift = _word_list_shift() if isinstance(proselint_check.check_type, ReverseExistence) else 0
        for result in proselint_check.check_with_flags(prose.text):
            start, end = result.span
            if not proselint_check.flags.allow_quotes and prose.quoted(start):
                continue
            start -= shift
            located = prose.locate(start, end)
            if located is None:
                continue
            joined, local_start, local_end = located
            block = doc.blocks[prose.blocks[joined]]
            yield Match(
                span=block.source_span(local_start, local_end),
                values=(("match", block.text[local_start:local_end]),),
                message=f"{result.message} (proselint: {path})",
                suggestion=_suggestion(result.replacements),
                # proselint's replacement is the text to write for the match.
                replacement=_suggestion(result.replacements),
            )


def _suggestion(replacement: str | None) -> str | None:
    """proselint's replacement, when it is text to write rather than a pattern."""
    return replacement if replacement and not _REGEX_SYNTAX.search(replacement) else None
