"""What the analysis stage works out about one draft, kept for every rule.

A parsed `Document` is a plain container the parsers fill. Everything worked
out from it afterwards (words, sentences, sections, quotations, the context
claim rules read, lower-cased blocks, a kind's own per-document findings) is
computed on first use by the `DocumentAnalysis` that `analyse` returns, and
kept there, so that the forty rules asking the same question of a draft have
it answered once. The memo lives in the Document's one `analysis` slot: it
goes when the Document goes.
"""

from __future__ import annotations

import weakref
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Hashable, KeysView, TypeVar

from hypelint.analysis.quotes import Quote, find_quotes
from hypelint.analysis.segment import LOWER_WORD, Section, Sentence, count_words, sections, sentences
from hypelint.model import Document

if TYPE_CHECKING:
    from hypelint.analysis.context import Analysis as Context

T = TypeVar("T")


class DocumentAnalysis:
    """One draft's analyses, each computed on first use."""

    def __init__(self, doc: Document):
        # A weak reference: the Document holds its memo, and a memo holding
        # its Document back would make every draft a reference cycle, freed
        # only by the garbage collector, which a long run calls rarely.
        self._doc = weakref.ref(doc)
        self._lower: tuple[int, str] = (-1, "")  # the last block asked for: see block_lower
        self._words: list[dict[str, None] | None] = []  # by block index, sized on first use
        # Each distinct word once per draft: a draft repeats the same few
        # thousand words, and a string per occurrence held in every block's
        # set made those sets most of a long draft's memory.
        self._vocabulary: dict[str, str] = {}
        self._kept: dict[Hashable, object] = {}

    @property
    def doc(self) -> Document:
        doc = self._doc()
        assert doc is not None, "a memo outlived its Document"
        return doc

    @cached_property
    def word_count(self) -> int:
        return sum(count_words(block.text) for block in self.doc.blocks)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Every sentence, in order (once `context` is asked for, its views
        of them: see there)."""
        return sentences(self.doc)

    @cached_property
    def sections(self) -> list[Section]:
        """Every heading's section."""
        return sections(self.doc.blocks)

    @cached_property
    def quotes(self) -> list[Quote]:
        """Every quotation, with whether it is attributed."""
        return find_quotes(self.doc, self.sentences)

    @cached_property
    def context(self) -> Context:
        """Per-sentence cues claim rules read: attribution, hedges, figures."""
        # Imported here: compiling its cues is the dearest import of a run,
        # and a run whose every file is in the results cache never needs it.
        from hypelint.analysis.context import Analysis as Context

        context = Context(self.doc, self.sentences, self.quotes)
        # From here on the draft's sentences are the context's views of them,
        # which have the same block, start, end and text: the Sentence objects
        # go, where a long draft holds hundreds of thousands.
        self.sentences = context.sentences
        return context

    def block_lower(self, index: int) -> str:
        """A block's text in lower case.

        Only the last block's is kept: a rule asks again and again about the
        block it is on (once per sentence, say), while lowering a block anew
        when the next rule comes to it costs far less than keeping a second
        copy of every block's text for the whole run.
        """
        last, text = self._lower
        if last != index:
            text = self.doc.blocks[index].text.lower()
            self._lower = (index, text)
        return text

    def block_words(self, index: int) -> KeysView[str]:
        """The lower-case words of a block (a set: `in`, iteration, isdisjoint)."""
        if not self._words:
            self._words = [None] * len(self.doc.blocks)
        words = self._words[index]
        if words is None:
            known = self._vocabulary.setdefault
            found = LOWER_WORD.findall(self.block_lower(index))
            # A dict's keys: a set like a frozenset's, in two thirds of its memory.
            words = self._words[index] = dict.fromkeys(known(word, word) for word in found)
        return words.keys()

    def keep(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What `compute` returns, worked out once per draft and `key`: for
        what one kind or the engine derives from the whole draft."""
        if key not in self._kept:
            self._kept[key] = compute()
        return self._kept[key]  # type: ignore[return-value]


def analyse(doc: Document) -> DocumentAnalysis:
    """The draft's memo of analyses, made on first use."""
    memo = doc.analysis
    if not isinstance(memo, DocumentAnalysis):
        memo = doc.analysis = DocumentAnalysis(doc)
    return memo
