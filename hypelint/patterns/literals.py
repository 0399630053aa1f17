"""What text a regular expression cannot match without.

`required_literals(pattern)` reads a pattern's syntax tree and gives groups
of lower-case strings: every match holds at least one string of each group.
"(?:the|its)\\s+most\\s+(?:advanced|powerful)" needs "most", and one of
"the"/"its", and one of "advanced"/"powerful". A block of text that lacks a
group cannot hold a match, and a substring test is far cheaper than running
the pattern: that is how rules skip most of the text for most patterns.

`Prefiltered(pattern)` puts the two together for a compiled pattern that
is searched in many short texts: it tests the literals before searching.

The answer is conservative: optional parts, classes, lookarounds and
anything unread give no requirement, and a pattern Python's own parser
cannot read (syntax only the `regex` module knows) has none at all. Nor
has one whose character class holds a `[` or a doubled `-&~|`: the
`regex` module reads `[[:alpha:]]` as a POSIX class (and, in its version 1,
`[[a-z]--[aeiou]]` as a nested set), where Python's parser sees a class that
ends at the first `]` and literal text after it, and warns about it.
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser as sre_parse

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def required_literals(pattern: str) -> list[frozenset[str]]:
    """Groups of strings of which a match holds one each, fewest strings first."""
    if _class_read_otherwise(pattern):
        return []
    try:
        tree = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - any pattern re cannot read: nothing is known
        return []
    return sorted(_sequence(tree.data), key=len)


def _class_read_otherwise(pattern: str) -> bool:
    """Whether a character class of `pattern` holds what the `regex` module
    may read otherwise than Python's parser: a `[` (a POSIX class such as
    `[:alpha:]`, or a nested set) or a doubled `-`, `&`, `~` or `|` (a set
    operation). A `]` first in a class is a literal `]` to both."""
    inside = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if not inside:
            if char == "[":
                inside = True
                index += 2 if pattern.startswith("^", index + 1) else 1
                index += 1 if pattern.startswith("]", index) else 0
                continue
        elif char == "[" or (char in "-&~|" and pattern.startswith(char, index + 1)):
            return True
        elif char == "]":
            inside = False
        index += 1
    return False


def holds_all(text: str, groups: list[frozenset[str]]) -> bool:
    """Whether lower-case `text` holds a string of every group."""
    # Loops, not all(any(...)): asked for every cue of every block, and
    # generator frames cost more than the substring tests themselves.
    for group in groups:
        for literal in group:
            if literal in text:
                break
        else:
            return False
    return True


class Prefiltered:
    """A compiled pattern that answers "no match" at once for text lacking
    the literals it cannot match without (most sentences, for most cues)."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.needs = required_literals(pattern.pattern)

    def possible(self, lower: str) -> bool:
        """Whether lower-case text holds what a match needs."""
        return holds_all(lower, self.needs)

    def search(self, text: str, lower: str | None = None) -> re.Match | None:
        """The pattern's search, or None when `text` (lower-cased: `lower`) cannot match."""
        return self.pattern.search(text) if self.possible(text.lower() if lower is None else lower) else None

    def finditer(self, text: str, lower: str | None = None) -> list[re.Match]:
        if not self.possible(text.lower() if lower is None else lower):
            return []
        return list(self.pattern.finditer(text))


def _sequence(items) -> list[frozenset[str]]:
    groups: list[frozenset[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            groups.append(frozenset({"".join(run).lower()}))
            run.clear()

    for op, value in items:
        if op is sre.LITERAL:
            run.append(chr(value))
            continue
        end_run()
        if op is sre.SUBPATTERN:
            groups.extend(_sequence(value[-1].data))
        elif op is sre.ATOMIC_GROUP:
            groups.extend(_sequence(value.data))
        elif op in _REPEATS and value[0] >= 1:
            groups.extend(_sequence(value[2].data))
        elif op is sre.BRANCH:
            choices = [_most_telling(_sequence(branch.data)) for branch in value[1]]
            if all(choices):
                groups.append(frozenset().union(*choices))
    end_run()
    return groups


def _most_telling(groups: list[frozenset[str]]) -> frozenset[str] | None:
    """The group whose shortest string is longest: the rarest to find."""
    return max(groups, key=lambda group: min(map(len, group)), default=None)
