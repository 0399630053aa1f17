"""What every kind shares: params built from rule data, scopes, term patterns."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import math
import typing
from typing import Any, Iterator

import regex

from hypelint.patterns.alternation import as_one_alternation
from hypelint.patterns.guard import GuardedPattern
from hypelint.patterns.literals import holds_all, required_literals
from hypelint.model import Block, Document
from hypelint.analysis.memo import analyse
from hypelint.analysis.segment import LOWER_WORD


@dataclasses.dataclass(frozen=True)
class Params:
    """Base of each kind's params; `from_dict` checks names and types.

    Patterns are compiled on first use (`cached_property`), so a run pays
    only for the rules it selects; `validate` compiles them all at once, for
    rule files that have not been checked before (a user's house pack).
    """

    def validate(self) -> None:
        for name in dir(type(self)):
            if isinstance(getattr(type(self), name), functools.cached_property):
                value = getattr(self, name)
                if isinstance(value, Cues):
                    value.validate()

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        fields = {f.name: f for f in dataclasses.fields(cls)}
        unknown = set(data) - set(fields)
        if unknown:
            raise ValueError(f"unknown param {sorted(unknown)[0]!r}; allowed: {', '.join(sorted(fields)) or 'none'}")
        hints = _type_hints(cls)
        values = {}
        for name, value in data.items():
            values[name] = _coerce(name, value, hints[name])
        return cls(**values)


@functools.lru_cache(maxsize=None)
def _type_hints(cls) -> dict[str, Any]:
    """A Params class's field types, worked out once per class, not once per rule."""
    return typing.get_type_hints(cls)


def _coerce(name: str, value: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if hint is bool:
        if not isinstance(value, bool):
            raise ValueError(f"param {name!r} must be true or false")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"param {name!r} must be a whole number")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"param {name!r} must be a number")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise ValueError(f"param {name!r} must be a string")
        return value
    if origin is tuple:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"param {name!r} must be a list of strings")
        return tuple(value)
    if origin is dict or hint is dict:
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise ValueError(f"param {name!r} must be a mapping of strings")
        return {str(k).lower(): v for k, v in value.items()}
    return value


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


def term_pattern(terms: tuple[str, ...], is_regex: bool = False) -> GuardedPattern:
    """One case-insensitive alternation of whole-word terms, longest first.

    A space in a term matches any run of white space (a line break included)
    and a hyphen matches a hyphen, a dash or a space, so "game-changing"
    finds "game changing" too. Every search of it runs within a time budget
    (guard.py), so a catastrophic pattern cannot hang a run.
    """
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        if is_regex:
            parts.append(f"(?:{term})")
            continue
        escaped = regex.escape(term.strip())
        escaped = escaped.replace(r"\ ", r"\s+").replace(r"\-", r"[-‐‑–\s]?")
        parts.append(escaped)
    return GuardedPattern(regex.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", regex.I | regex.V0))


# Limits on what one param of a rule may list: far above what any pack
# needs (the shipped ones list at most 69 terms of at most 772 characters),
# low enough that a pasted word list or a generated monster is refused with
# a clear error rather than compiled for minutes.
MAX_TERMS = 2000
MAX_TERM_LENGTH = 2000
MAX_TERMS_LENGTH = 200_000


def compile_terms(terms: tuple[str, ...], is_regex: bool, param: str) -> GuardedPattern:
    """term_pattern, with a bad pattern reported as a bad param of the rule."""
    check_terms(terms, is_regex, param)
    try:
        return term_pattern(terms, is_regex)
    except regex.error as exc:
        raise ValueError(f"param {param!r} has an invalid pattern: {exc}") from None


def check_terms(terms: tuple[str, ...], is_regex: bool, param: str) -> None:
    """Refuse a param that lists more, or longer, terms than MAX_* allow."""
    what = "patterns" if is_regex else "phrases"
    if len(terms) > MAX_TERMS:
        raise ValueError(f"param {param!r} lists {len(terms)} {what}; the limit is {MAX_TERMS}")
    longest = max(terms, key=len, default="")
    if len(longest) > MAX_TERM_LENGTH:
        raise ValueError(
            f"param {param!r} has a {what[:-1]} of {len(longest)} characters ({longest[:30]!r}...); "
            f"the limit is {MAX_TERM_LENGTH}"
        )
    if sum(map(len, terms)) > MAX_TERMS_LENGTH:
        raise ValueError(f"param {param!r} lists {what} of {sum(map(len, terms))} characters in all; the limit is {MAX_TERMS_LENGTH}")


class Keywords:
    """Words of which a block must hold at least one for a rule to match in it.

    A pattern is costly to run; a set lookup is not. Most blocks hold none of
    a rule's words, so checking them first skips most of the pattern runs.
    An entry "*est" stands for any word ending in "est".
    """

    def __init__(self, words: tuple[str, ...]):
        self.exact = frozenset(w.lower() for w in words if not w.startswith("*"))
        self.suffixes = tuple(w[1:].lower() for w in words if w.startswith("*"))

    def allow(self, words: frozenset[str]) -> bool:
        if not self.exact.isdisjoint(words):
            return True
        return bool(self.suffixes) and any(word.endswith(self.suffixes) for word in words)


def keywords_for(keywords: tuple[str, ...], terms: tuple[str, ...], is_regex: bool) -> Keywords | None:
    """The rule's own keywords; for plain phrases, each phrase's longest word
    (it must be there for the phrase to match); none for bare patterns."""
    if keywords:
        return Keywords(keywords)
    if is_regex:
        return None
    longest = []
    for term in terms:
        parts = LOWER_WORD.findall(term.lower())
        if not parts:
            return None
        longest.append(max(parts, key=len))
    return Keywords(tuple(longest))


class Cues:
    """A rule's phrases or patterns, found in a block's text.

    Each is searched on its own, and only in a block that can hold it: a
    plain phrase where the block has its longest word, a pattern where the
    block holds the literal text it cannot match without (literals.py). An
    alternation of fifty cues is tried at every word of a block; most cues
    are ruled out by a set lookup or a substring test, and a phrase on its
    own is a literal the regex engine skips along to. The matches are those
    of the alternation (`term_pattern`): leftmost first, the longest cue
    where several start together, none overlapping. A block must first hold
    one of the rule's keywords.
    """

    def __init__(self, terms: tuple[str, ...], is_regex: bool, param: str, keywords: tuple[str, ...] = ()):
        check_terms(terms, is_regex, param)
        self.keywords = keywords_for(keywords, terms, is_regex)
        self._is_regex = is_regex
        self._terms = sorted(terms, key=len, reverse=True)  # term_pattern's order
        self._param = param
        self._single: dict[int, GuardedPattern] = {}
        if is_regex:
            self._needs = [required_literals(term) for term in self._terms]
        else:
            self._needs = [_longest_word(term) for term in self._terms]

    def validate(self) -> None:
        """Compile every cue now, so that a bad pattern is reported as its rule
        is read (a rule file not checked before); otherwise each cue is
        compiled when a block first calls for it."""
        for rank in range(len(self._terms)):
            self._pattern(rank)

    def _pattern(self, rank: int) -> GuardedPattern:
        if rank not in self._single:
            self._single[rank] = compile_terms((self._terms[rank],), self._is_regex, self._param)
        return self._single[rank]

    def allow(self, words: frozenset[str]) -> bool:
        return self.keywords is None or self.keywords.allow(words)

    def in_block(self, doc: Document, index: int) -> list:
        """The matches in one block of a document."""
        return self.finditer(doc.blocks[index].text, analyse(doc).block_words(index), analyse(doc).block_lower(index))

    def finditer(self, text: str, words: frozenset[str], lower: str | None = None) -> list:
        """The matches in `text`, whose lower-case words are `words` (and
        lower-case text `lower`, when the caller has it)."""
        if not self.allow(words):
            return []
        if lower is None:
            lower = text.lower()
        candidates = []
        for rank, needs in enumerate(self._needs):
            if self._is_regex:
                if not holds_all(lower, needs):
                    continue
            elif needs and needs not in words:
                continue
            candidates.extend((found.start(), rank, found.end(), found) for found in self._pattern(rank).finditer(text))
        return as_one_alternation(candidates)


def _longest_word(phrase: str) -> str:
    """The phrase's longest lower-case word ("" for one without letters)."""
    return max(LOWER_WORD.findall(phrase.lower()), key=len, default="")


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


def on_topic(doc: Document, topic: str, words_per_mention: int) -> bool:
    """Whether the piece is about a topic (context.TOPICS): at least one
    mention of it per `words_per_mention` words (and at least one). Rules
    about AI coverage stay quiet in a story about football that mentions a
    robot once."""
    from hypelint.analysis.context import TOPIC_CLUES, TOPICS

    pattern, (cased, caseless) = TOPICS[topic], TOPIC_CLUES[topic]
    needed = max(1, analyse(doc).word_count // words_per_mention)
    count = 0
    for index, block in enumerate(doc.blocks):
        text = block.text
        if not any(clue in text for clue in cased):
            lower = analyse(doc).block_lower(index)
            if not any(clue in lower for clue in caseless):
                continue
        count += len(pattern.findall(text))
        if count >= needed:
            return True
    return False


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies wholly inside one of `ranges`.

    The ranges are sorted and do not overlap (the matches of one pattern, a
    block's quotations), so only the last one starting at or before `start`
    can hold it: a bisection, where scanning them all made a block with many
    matches and many exceptions quadratic.
    """
    at = bisect.bisect_right(ranges, (start, math.inf)) - 1
    return at >= 0 and end <= ranges[at][1]
