"""What the claim rules ask of each sentence: its source, evidence, hedges and voice.

An editor judges a claim by what stands around it: who said it (worked out
by attribution.py), what figure, citation or study backs it, whether it is
hedged or negated, whether it is a quotation. This module reads those cues
once per document, per sentence, so that every rule asks the same questions
the same way.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from functools import cached_property

from hypelint.model import Block, Document, Span, SpanIndex
from hypelint.analysis.attribution import named_attribution, source_names

# A footnote, an author-year citation, or a web address named in the text
# ("a petition on Change.org"): where the reader can check the claim.
_CITATION = re.compile(
    r"\[\d{1,3}\]|\(\s*[A-Z][A-Za-z-]+(?: et al\.?)?,? (?:19|20)\d\d\w?\s*\)|\^\d"
    r"|\b(?:on|at|from|via|by)\s+(?:the\s+)?[A-Za-z][\w-]*\.(?:com|org|net|gov|edu|io)\b"
)
NUMBER = re.compile(r"\d")
# Words that make a claim tentative, conditional or someone's stated intent.
HEDGE = re.compile(
    r"(?i)\b(?:may|might|could|likely|unlikely|probably|possibly|perhaps|potentially|appears?|appeared|seems?|"
    r"seemed|suggests?|suggested|expected|projected|if|unless|whether|"
    r"would|should|(?:hopes?|aims?|plans?|intends?|promises?|expects?|wants?)\s+to|hoped|aimed|planned|intended|"
    r"promised|believes?|believed|argues?|reportedly|allegedly|tipped|uncertain|unclear|arguably|"
    r"not\s+(?:yet\s+)?clear|remains\s+to\s+be\s+seen|too\s+early\s+to\s+(?:say|tell))\b"
)
# "better than any person could": a modal inside a comparison hedges nothing.
_COMPARISON_MODAL = re.compile(r"(?i)\bthan\s+(?:any|a|an|the|most|ever)?\s*\w*\s*(?:could|can|would|might)\b|\bever\s+could\b")
BOOSTER = re.compile(
    r"(?i)\b(?:certainly|undoubtedly|clearly|definitely|inevitably|inevitable|surely|unquestionably|"
    r"without\s+(?:a\s+)?doubt|make\s+no\s+mistake|there\s+is\s+no\s+doubt|guaranteed|absolutely|no\s+question)\b"
)
# Research offered as the source, named or not ("a survey of 1,300 bosses
# suggests", "research shows"); whether it is named is another rule's question.
STUDY_FRAME = re.compile(
    r"(?i)\b(?:study|studies|survey|surveys|report|research|analysis|poll|data|figures|statistics|paper)"
    r"(?:\s+[\w,-]+){0,6}?\s+(?:has\s+|have\s+)?(?:found|finds|shows?|showed|suggests?|suggested|reveals?|revealed|"
    r"indicates?|indicated|estimates?|estimated)\b"
)
NEGATION = re.compile(r"(?i)\b(?:not|no|never|none|nothing|neither|nor|without|hardly|barely|cannot)\b|n[’']t\b")


class SentenceView:
    """One sentence with the cues rules ask about.

    Where it is, its quotations and whether it is a question are known at
    once; whether it is attributed, cited, hedged or boosted is worked out
    when a rule first asks. Most sentences hold nothing any rule asks about,
    and attribution is the dearest question of all. A view holds its block
    and the document's links, never the document or the Analysis: without
    a reference cycle a linted document is freed at once, not at the
    garbage collector's next pass. A long draft holds a view per sentence
    for the whole run, so a view has slots, not a dict; each answer worked
    out on demand waits in its slot (None: not asked yet).
    """

    __slots__ = ("_block", "_links", "index", "block", "start", "end", "text", "quoted", "_attributed", "_cited",
                 "_hedged", "_boosted")  # fmt: skip

    def __init__(self, index: int, sentence, block: Block, links: SpanIndex, quoted: tuple, quote_attributed: bool):
        self._block = block
        self._links = links
        self.index = index  # position in the draft's sentences
        self.block = sentence.block
        self.start = sentence.start
        self.end = sentence.end
        self.text = sentence.text
        self.quoted: tuple[tuple[int, int], ...] = quoted  # the block's quotations that touch it (block positions)
        self._attributed: bool | None = True if quote_attributed else None  # an attributed quotation settles it
        self._cited: bool | None = None
        self._hedged: bool | None = None
        self._boosted: bool | None = None

    @property
    def fully_quoted(self) -> bool:
        """Inside one quotation."""
        # Bisected as in outside_quotes: asked for each cue of a sentence, a
        # scan of its quotations made a long one of quotes and cues quadratic.
        at = bisect.bisect_right(self.quoted, (self.start, float("inf"))) - 1
        return at >= 0 and self.end <= self.quoted[at][1] + 1

    @property
    def question(self) -> bool:
        return self.text.rstrip("\"'”’)").endswith("?")

    @property
    def outside(self) -> str:
        """The sentence with quoted material blanked out (positions kept).
        Made anew when asked: a copy of every quoting sentence kept for the
        whole run cost more than blanking the few that are asked again."""
        return _outside(self.text, self.start, self.quoted)

    @property
    def attributed(self) -> bool:
        """A named source, "according to", a reporting verb, or an attributed quotation."""
        if self._attributed is None:
            self._attributed = named_attribution(self.outside)
        return self._attributed

    @property
    def cited(self) -> bool:
        """A link, footnote or bracketed citation inside it (or right after its full stop)."""
        if self._cited is None:
            span = self._block.source_span(self.start, self.end)
            # A footnote or link right after the full stop ("... a year.[^1]") cites this sentence.
            self._cited = bool(_CITATION.search(self.text)) or self._links.overlaps(Span(span.start, span.end + 3))
        return self._cited

    @property
    def hedged(self) -> bool:
        if self._hedged is None:
            self._hedged = bool(HEDGE.search(_COMPARISON_MODAL.sub(" ", self.outside)))
        return self._hedged

    @property
    def boosted(self) -> bool:
        if self._boosted is None:
            self._boosted = bool(BOOSTER.search(self.outside))
        return self._boosted

    @property
    def sourced(self) -> bool:
        return self.attributed or self.cited

    def outside_quotes(self, start: int, end: int) -> bool:
        """Whether block positions [start, end) are in the writer's voice."""
        # Quotations are in order and never overlap, so only the last one
        # opening at or before `start` can hold the span: bisected, since a
        # long sentence of quotes and cues made a scan of them all quadratic.
        at = bisect.bisect_right(self.quoted, (start, float("inf"))) - 1
        return at < 0 or self.quoted[at][1] < end


class Analysis:
    """Per-document cues, computed once and shared by every rule (kept in the
    draft's memo: `analyse(doc).context`)."""

    def __init__(self, doc: Document, sentences: list, quotes: list, today: dt.date | None = None):
        self.date = doc.date or today or dt.date.today()
        # Quotations by block and links in source order, so each sentence finds
        # its own by bisection: scanning them all for every sentence made a
        # long paragraph full of quotes, or a page full of links, quadratic.
        # The quotations' index is needed only to make the views: not kept.
        quotes_by_block: dict[int, list] = {}
        for quote in quotes:
            quotes_by_block.setdefault(quote.block, []).append(quote)
        self._links = SpanIndex(link.text_span for link in doc.links)
        self.sentences = []
        for block, in_block in itertools.groupby(enumerate(sentences), key=lambda pair: pair[1].block):
            touching = _QuotesTouching(quotes_by_block.get(block, []))
            for index, sentence in in_block:
                self.sentences.append(self._view(index, sentence, doc.blocks[block], touching(sentence.start, sentence.end)))
        # Each block's views, in order (tuples: a long draft has tens of thousands of blocks).
        self.by_block: dict[int, tuple[SentenceView, ...]] = {
            block: tuple(views) for block, views in itertools.groupby(self.sentences, key=lambda view: view.block)
        }
        self.paragraph_of = _paragraphs(doc)
        self._sourced_earlier: dict[int, bool] = {}
        self._kinds = [block.kind for block in doc.blocks]
        self._story_data: int | None | bool = False  # not yet asked

    def _view(self, index: int, sentence, block: Block, touching: list) -> SentenceView:
        quoted = tuple((q.start, q.end) for q in touching)
        quote_attributed = any(q.attributed and q.start < sentence.end and sentence.start < q.end for q in touching)
        return SentenceView(index, sentence, block, self._links, quoted, quote_attributed)

    def sentence_at(self, block: int, position: int) -> SentenceView | None:
        """The sentence of a block that holds a prose position."""
        views = self.by_block.get(block, [])
        at = bisect.bisect_right(views, position, key=lambda view: view.start) - 1
        if at >= 0 and views[at].start <= position < views[at].end:
            return views[at]
        return None

    def neighbours(self, view: SentenceView, window: int = 1) -> list[SentenceView]:
        """The sentences of the same block within `window` of this one (a
        block's sentences are consecutive in `sentences`)."""
        nearby = self.sentences[max(0, view.index - window) : view.index + window + 1]
        return [s for s in nearby if s is not view and s.block == view.block]

    def lead_sourced(self, view: SentenceView) -> bool:
        """Whether a survey, report or data set named in a news story's lead
        (its first paragraphs) covers the sentence: the story names the
        survey once, then gives its figures paragraph by paragraph. A story
        is a piece with no heading but its title; a piece in sections (an
        explainer, a guide) must source each claim where it makes it."""
        if self._story_data is False:
            self._story_data = self._lead_names_data()
        return self._story_data is not None and view.block >= self._story_data

    def _lead_names_data(self) -> int | None:
        """The first block after the story's lead when a sourced sentence of
        the lead names data ("a survey of 1,300 bosses by PwC found"); None
        when it names none, or when the piece is not a story."""
        if sum(kind == "heading" for kind in self._kinds) > 1:  # a page's <title> is no section
            return None
        lead = [i for i, kind in enumerate(self._kinds) if kind == "paragraph"][:LEAD_PARAGRAPHS]
        for index in lead:
            for view in self.by_block.get(index, ()):
                if _DATA_NOUN.search(view.text) and view.sourced:
                    return index + 1
        return None

    def paragraph_sourced(self, view: SentenceView) -> bool:
        """A source named earlier in the paragraph covers the sentences after
        it; one named in the next sentence ("That is according to ...")
        covers this one too. A list counts as part of the paragraph that
        introduces it ("The survey found: - ...")."""
        if self._sourced_before(view.index):
            return True
        following = view.index + 1
        return following < len(self.sentences) and self.sentences[following].block == view.block and (
            self.sentences[following].sourced
        )

    def _sourced_before(self, index: int) -> bool:
        """Whether a sentence before this one in its paragraph is sourced.

        Walks back to the paragraph's start, the first sourced sentence or a
        sentence already answered, and remembers the answer for every
        sentence it passed: each sentence is looked at once, and only in the
        paragraphs a rule asks about.
        """
        known = self._sourced_earlier
        paragraph = self.paragraph_of[self.sentences[index].block]
        passed = []
        answer = False
        while index > 0:
            if index in known:
                answer = known[index]
                break
            passed.append(index)
            before = self.sentences[index - 1]
            if self.paragraph_of[before.block] != paragraph:
                break
            if before.sourced:
                answer = True
                break
            index -= 1
        for each in passed:
            known[each] = answer
        return answer

    @cached_property
    def document_sources(self) -> set[str]:
        """Names that the document quotes or reports as sources anywhere:
        "X said", "X has found", "according to (the) X"."""
        return set().union(*(source_names(view.text) for view in self.sentences))


# How many paragraphs make a story's lead.
LEAD_PARAGRAPHS = 2
# What a lead names when it names data that the figures after it come from.
_DATA_NOUN = re.compile(
    r"(?i)\b(?:survey|poll|study|report|figures|data|statistics|numbers|research|census|index|analysis|ranking|"
    r"league\s+table)s?\b"
)


def _paragraphs(doc: Document) -> list[int]:
    """For each block, the paragraph it belongs to: a list's items share the
    paragraph of the block that introduces them; every other block is its own."""
    owner: list[int] = []
    for index, block in enumerate(doc.blocks):
        if block.kind == "list_item" and index > 0 and not doc.blocks[index - 1].is_heading:
            owner.append(owner[index - 1])
        else:
            owner.append(index)
    return owner


def _outside(text: str, offset: int, quoted: tuple[tuple[int, int], ...]) -> str:
    """The sentence with quoted material blanked out (positions kept)."""
    if not quoted:
        return text
    chars = list(text)
    for a, b in quoted:
        for i in range(max(a - offset, 0), min(b - offset, len(chars))):
            chars[i] = " "
    return "".join(chars)


class _QuotesTouching:
    """The quotations of one block that overlap or touch a range of it. A
    block's quotations are in order and never overlap, so their ends are in
    order too, and each range finds its own by bisection."""

    def __init__(self, quotes: list):
        self.quotes = quotes
        self.starts = [quote.start for quote in quotes]
        self.ends = [quote.end for quote in quotes]

    def __call__(self, start: int, end: int) -> list:
        if not self.quotes:
            return []
        return self.quotes[bisect.bisect_left(self.ends, start) : bisect.bisect_right(self.starts, end)]
