"""Lexicon files (hypelint/rules/lexicon.py): their format, limits, inflections, and
their use by a rule, shipped or in a house pack."""

from pathlib import Path

import pytest

from hypelint.rules import lexicon

from hypelint import lint_text
from hypelint.config import Config
from hypelint.rules.loader import RuleError, builtin_packs_dir, load_packs

GOOD = """\
# a comment
provenance: invented for the test
[adjectives]
dazzling   # a trailing comment
terrific
[nouns]
prodigy
[phrases]
head of the class
[praise]
clever
[argument-heads]
setback
[traps]
dazzling light
"""


def test_sections_and_generated_inflections():
    words = lexicon.parse(GOOD, "test.lexicon")
    assert words.provenance == "invented for the test"
    assert words.adverbs == ("dazzlingly", "terrifically")
    assert words.cues == ("dazzling", "terrific", "dazzlingly", "terrifically", "prodigy", "prodigies", "head of the class")
    assert words.heads("argument-heads") == ("setback", "setbacks")
    assert words.sections["traps"] == ("dazzling light",)


@pytest.mark.parametrize(
    "adjective,adverb",
    [("incredible", "incredibly"), ("stunning", "stunningly"), ("fantastic", "fantastically"), ("flashy", "flashily"),
     ("full", "fully"), ("agile", "agilely")],
)  # fmt: skip
def test_adverbs(adjective, adverb):
    assert lexicon.adverb(adjective) == adverb


@pytest.mark.parametrize("noun,plural", [("wonder", "wonders"), ("powerhouse", "powerhouses"), ("prodigy", "prodigies"),
                                         ("crown jewel", "crown jewels"), ("class", "classes")])  # fmt: skip
def test_plurals(noun, plural):
    assert lexicon.plural(noun) == plural


@pytest.mark.parametrize(
    "text,error",
    [
        ("[adjectives]\ngood\n", "no 'provenance:' line"),
        ("provenance: x\ngood\n", "line 2: an entry before any [section]"),
        ("provenance: x\n[colours]\nred\n", "line 2: unknown section [colours]"),
        ("provenance: x\n[phrases]\n(?:a+)+\n", "line 3: '(?:a+)+' is not a word or phrase"),
        ("provenance: x\n[phrases]\n" + "word\n" * (lexicon.MAX_ENTRIES + 1), f"more than {lexicon.MAX_ENTRIES} entries"),
    ],
)
def test_bad_lexicons_are_one_line_errors(text, error):
    with pytest.raises(lexicon.LexiconError) as raised:
        lexicon.parse(text, "bad.lexicon")
    assert error in str(raised.value) and "\n" not in str(raised.value)


def test_a_file_too_large_or_not_text_is_refused(tmp_path):
    big = tmp_path / "big.lexicon"
    big.write_text("provenance: x\n[phrases]\n" + "word\n" * 20000)
    with pytest.raises(lexicon.LexiconError, match="too large"):
        lexicon.load(big)
    binary = tmp_path / "bin.lexicon"
    binary.write_bytes(b"provenance: \xff\n")
    with pytest.raises(lexicon.LexiconError, match="not UTF-8"):
        lexicon.load(binary)


@pytest.mark.parametrize("name", ["../other/x.lexicon", "/etc/passwd", "words.txt", ".hidden.lexicon", 3])
def test_a_lexicon_lives_in_the_rules_own_folder(tmp_path, name):
    with pytest.raises(lexicon.LexiconError, match="in the rule's own folder"):
        lexicon.expand({"lexicon": name}, tmp_path, {"cues"})


def test_a_section_the_kind_cannot_use_is_an_error(tmp_path):
    (tmp_path / "w.lexicon").write_text(GOOD)
    with pytest.raises(lexicon.LexiconError, match="this rule's kind has no param 'intensifiers'"):
        lexicon.expand({"lexicon": "w.lexicon"}, tmp_path, {"cues", "exceptions"})


HOUSE_RULE = """\
code: HL990
name: house.peacock
category: superlative
severity: warning
kind: claim-needs-evidence
message: "'{match}' is not house style"
description: House peacock words.
rationale: The desk's style guide.
params:
  cues: [stellar]
  lexicon: house.lexicon
examples:
  fail: ["A dazzling launch."]
  pass: ["A dazzling light."]
"""


def _house_pack(tmp_path: Path, words: str) -> Path:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "peacock.yaml").write_text(HOUSE_RULE)
    (pack / "house.lexicon").write_text(words)
    return pack


def test_a_house_pack_uses_its_own_lexicon(tmp_path):
    pack = _house_pack(tmp_path, GOOD)
    config = Config(select=("HL990",), rule_packs=(str(pack),))

    def flagged(text):
        return [f.excerpt for f in lint_text(text, fmt="markdown", config=config)]

    assert flagged("A dazzling, stellar launch by a prodigy, terrifically clever.") == [
        "dazzling", "stellar", "prodigy", "terrifically"]  # fmt: skip
    assert flagged("A dazzling light, terrifically loud, and a major setback.") == []


def test_a_house_pack_with_a_bad_lexicon_is_one_line(tmp_path):
    pack = _house_pack(tmp_path, "[phrases]\nword\n")
    with pytest.raises(RuleError) as raised:
        load_packs([pack])
    message = str(raised.value)
    assert "peacock.yaml" in message and "no 'provenance:' line" in message and "\n" not in message


def test_every_shipped_lexicon_loads_and_is_used():
    files = sorted(builtin_packs_dir().glob("**/*.lexicon"))
    assert files
    named = {rule.raw_params.get("lexicon") for rule in load_packs() if rule.raw_params.get("lexicon")}
    for path in files:
        assert lexicon.load(path).provenance
        assert path.name in named, f"{path.name} is read by no rule"
