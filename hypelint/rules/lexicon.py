"""Lexicons: word lists kept as data files beside the rules that use them.

A rule names a lexicon in its params (`lexicon: puffery.lexicon`, a file in
the rule's own folder), and the lexicon's entries join the rule's params as
it is read. Word lists grow longer than a rule file should, need their
provenance beside them, and want their inflections made by code rather than
typed by hand; a house pack can keep its own lexicon the same way.

The format is plain text, one entry a line, `#` starting a comment:

    provenance: where the words come from (required, one line or more)
    [adjectives]      peacock adjectives ("breathtaking"); each also gives its
                      -ly adverb ("breathtakingly"), an intensifier
    [nouns]           peacock nouns ("juggernaut"); each also in the plural
    [phrases]         matched as written ("crown jewel")
    [praise]          words that make an intensifier praise: "incredibly
                      innovative" praises, "incredibly complex" does not
    [argument-heads]  nouns after which a superlative is a step of an
                      argument, not praise ("the greatest barrier", "the best
                      example"); each also in the plural
    [opening-heads]   nouns that do the same only for a superlative opening its
                      sentence ("The best way to start is ..."), where "X is
                      the best way to ..." praises X; each also in the plural
    [critique]        words that make a sentence a critique of hype or spin
                      ("hyperbolic coverage", "PR stunts"): its superlative is
                      irony or concession, not praise
    [traps]           longer phrases holding an entry that are not puffery
                      ("leading to", "the best of both worlds")

Sections feed params: adjectives, their adverbs, nouns and phrases are cues
(`cues`, or `terms` for a kind that has those), traps are `exceptions`, the
adverbs are also `intensifiers` (when the lexicon lists praise), and the
other sections go to the param of their name (`argument_heads`,
`opening_heads`, `praise`, `critique`). A file is at most MAX_BYTES and
MAX_ENTRIES entries; anything wrong with it is one line naming the file and
the line.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

MAX_BYTES = 64 * 1024
MAX_ENTRIES = 2000
SECTIONS = ("adjectives", "nouns", "phrases", "praise", "argument-heads", "opening-heads", "critique", "traps")
_SECTION = re.compile(r"\[([a-z-]+)\]")
# An entry: words, hyphens, apostrophes and spaces (no pattern syntax).
_ENTRY = re.compile(r"[\w’'][\w’' .-]*")


class LexiconError(ValueError):
    """A lexicon that cannot be used; the message is one line."""


@dataclasses.dataclass(frozen=True)
class Lexicon:
    provenance: str
    sections: dict[str, tuple[str, ...]]

    @property
    def adverbs(self) -> tuple[str, ...]:
        return tuple(adverb(word) for word in self.sections["adjectives"] if " " not in word)

    def heads(self, section: str) -> tuple[str, ...]:
        """A section of nouns, with their plurals."""
        nouns = self.sections[section]
        return nouns + tuple(plural(noun) for noun in nouns)

    @property
    def cues(self) -> tuple[str, ...]:
        nouns = self.sections["nouns"]
        plurals = tuple(plural(noun) for noun in nouns)
        return self.sections["adjectives"] + self.adverbs + nouns + plurals + self.sections["phrases"]


def adverb(adjective: str) -> str:
    """The -ly adverb of an adjective: incredible -> incredibly, fantastic ->
    fantastically, flashy -> flashily, stunning -> stunningly."""
    if adjective.endswith("le") and not adjective.endswith(("ile", "ole")):
        return adjective[:-1] + "y"
    if adjective.endswith("ic"):
        return adjective + "ally"
    if adjective.endswith("y") and len(adjective) > 2 and adjective[-2] not in "aeiou":
        return adjective[:-1] + "ily"
    if adjective.endswith("ll"):
        return adjective + "y"
    return adjective + "ly"


def plural(noun: str) -> str:
    """The plural of a noun (of the last word of a phrase): wonder -> wonders,
    powerhouse -> powerhouses, prodigy -> prodigies, crown jewel -> crown jewels."""
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def parse(text: str, name: str) -> Lexicon:
    """A lexicon from its text; `name` is how errors name the file."""
    sections: dict[str, list[str]] = {section: [] for section in SECTIONS}
    provenance: list[str] = []
    current = None
    count = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.lower().startswith("provenance:"):
            provenance.append(line.split(":", 1)[1].strip())
            continue
        header = _SECTION.fullmatch(line)
        if header:
            if header.group(1) not in SECTIONS:
                allowed = ", ".join(SECTIONS)
                raise LexiconError(f"{name}: line {number}: unknown section [{header.group(1)}]; allowed: {allowed}")
            current = header.group(1)
            continue
        if current is None:
            raise LexiconError(f"{name}: line {number}: an entry before any [section]")
        if not _ENTRY.fullmatch(line) or len(line) > 100:
            raise LexiconError(f"{name}: line {number}: {line[:40]!r} is not a word or phrase")
        count += 1
        if count > MAX_ENTRIES:
            raise LexiconError(f"{name}: more than {MAX_ENTRIES} entries")
        sections[current].append(" ".join(line.lower().split()))
    if not any(provenance):
        raise LexiconError(f"{name}: no 'provenance:' line saying where the words come from")
    return Lexicon(" ".join(provenance), {key: tuple(dict.fromkeys(words)) for key, words in sections.items()})


def load(path: Path) -> Lexicon:
    """A lexicon file, read with the same limits as any other file hypelint reads."""
    from hypelint.read.source import InputError, read_bytes

    try:
        data = read_bytes(str(path), MAX_BYTES)
        return parse(data.decode("utf-8"), str(path))
    except InputError as exc:
        raise LexiconError(str(exc)) from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8 text") from None


def expand(params: dict[str, Any], folder: Path, fields: set[str]) -> dict[str, Any]:
    """A rule's params with its `lexicon` (a file in `folder`) merged in.

    `fields` are the params the rule's kind accepts: a section with nowhere
    to go is an error, not silently dropped."""
    name = params.get("lexicon")
    if name is None:
        return params
    if not isinstance(name, str) or not re.fullmatch(r"[\w.-]+\.lexicon", name) or name.startswith("."):
        raise LexiconError("param 'lexicon' must name a .lexicon file in the rule's own folder, e.g. 'puffery.lexicon'")
    lexicon = load(folder / name)
    merged = {key: value for key, value in params.items() if key != "lexicon"}
    cue_field = "cues" if "cues" in fields else "terms"
    additions = {
        cue_field: lexicon.cues,
        "exceptions": lexicon.sections["traps"],
        "intensifiers": lexicon.adverbs if lexicon.sections["praise"] else (),
        "praise": lexicon.sections["praise"],
        "argument_heads": lexicon.heads("argument-heads"),
        "opening_heads": lexicon.heads("opening-heads"),
        "critique": lexicon.sections["critique"],
    }
    if params.get("regex") and lexicon.cues:
        raise LexiconError(f"{folder / name}: this rule's cues are patterns; its lexicon may hold no words to flag")
    for key, words in additions.items():
        if not words:
            continue
        if key not in fields:
            raise LexiconError(f"{folder / name}: this rule's kind has no param {key!r} for the lexicon's entries")
        existing = merged.get(key) or []
        if not isinstance(existing, list):
            raise LexiconError(f"param {key!r} must be a list of strings")
        merged[key] = list(dict.fromkeys([*existing, *words]))
    return merged
