"""What of a draft a rule reads: the blocks its scope names and, in them,
the statements in the writer's own voice (not questions, not quotations)."""

from __future__ import annotations

import bisect
from typing import Iterator

from hypelint.model import Block, Document
from hypelint.analysis.memo import analyse
from hypelint.kinds.cues import Cues


def in_scope(block: Block, scope: tuple[str, ...]) -> bool:
    for name in scope:
        if name == "all":
            return True
        if name == "prose" and block.kind not in ("heading", "title"):
            return True
        if block.kind == name or name in block.containers:
            return True
    return False


def scoped_blocks(doc: Document, scope: tuple[str, ...]) -> Iterator[tuple[int, Block]]:
    for index, block in enumerate(doc.blocks):
        if in_scope(block, scope):
            yield index, block


def sentence_matches(doc: Document, scope: tuple[str, ...], cues: Cues):
    """(sentence view, block, match) for each match of the cues inside a
    statement in the writer's voice in scope. The cues are searched once in
    each block, not once per sentence, and not at all in a block that holds
    none of the rule's keywords."""
    context = analyse(doc).context
    for index, views in context.by_block.items():
        block = doc.blocks[index]
        if not in_scope(block, scope):
            continue
        found = cues.in_block(doc, index)
        if not found:
            continue
        starts = [view.start for view in views]
        for match in found:
            position = bisect.bisect_right(starts, match.start()) - 1
            if position < 0:
                continue
            view = views[position]
            if match.end() <= view.end and not view.fully_quoted and not view.question:
                yield view, block, match


def writer_sentences(doc: Document, scope: tuple[str, ...]):
    """(sentence view, block) for each statement in the writer's voice in scope:
    not a question, not wholly inside a quotation."""
    for view in analyse(doc).context.sentences:
        block = doc.blocks[view.block]
        if in_scope(block, scope) and not view.fully_quoted and not view.question:
            yield view, block
