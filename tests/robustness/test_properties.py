"""Property-based tests: whatever the text, in whichever format, the pipeline holds.

Drafts are drawn from pieces that exercise every parser and rule (markup of
all three formats, hype words, quotations, figures, links, suppression
comments, every kind of line break) mixed with arbitrary text. For each:

  - linting raises nothing;
  - every finding lies inside the text, and its line and column agree with
    its offsets, recomputed from the text by the simplest possible loop;
  - linting is deterministic: twice over one parsed document, twice from
    the text, and the rendered reports, give the same result;
  - a `disable-file` comment, or a disable region around everything,
    leaves no finding but HL001 (which reports a directive that silenced
    nothing);
  - sentences tile the prose, and every prose character maps back inside
    the source, in order, to itself or to the markup it was decoded from.

The examples are derandomized, so CI sees the same ones on every run.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from golden import reference_line_col
from hypelint.api import lint_source
from hypelint.config import Config, resolve_rules
from hypelint.engine import lint_document
from hypelint.model import RunResult
from hypelint.parsers import parse
from hypelint.reporters import ReportOptions, render
from hypelint.analysis.segment import split_sentences
from hypelint.read.source import FORMATS

EVERYTHING = Config(select=("ALL",))
PROPERTY = settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    database=None,  # derandomized: nothing to remember between runs, no .hypothesis folder
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_WORDS = [
    "The", "revolutionary", "model", "will", "change", "the world", "forever", ".", ",", "!", "?", " ", " ",
    "experts say", "according to Gartner", "said Dr. Ruiz", "the best", "unprecedented", "game-changing",
    "It thinks", "ChatGPT understands", "In 2030", "by 2050", "45%", "$3bn", "1,200 jobs", "three times faster",
    "a study found", "U.S.", "e.g.", "Buckle up", "FAQ", "Is it safe?", "Q:", "A:", "yesterday", "soon",
    '"', "“", "”", "'", "(", ")", "—", "…", "AT&T", "&amp;", "&#65;", "&bogus;", "café", "😀", "\t",
    "https://example.com/a.", "mail@example.com", "[1]", "[^1]",
]  # fmt: skip
_MARKUP = [
    "\n", "\n\n", "\r\n", "\r", "\r\n\r\n", "# ", "## ", "> ", "- ", "* ", "1. ", "```", "```\n", "~~~", "    ",
    "*", "**", "_", "__", "`", "[", "]", "(", "](http://x.y)", "![", "<", ">", "|", "|---|", "---", "+++", "\\",
    "<p>", "</p>", "<h2>", "</h2>", "<li>", "<ul>", "</ul>", "<a href='http://x'>", "</a>", "<br>", "<div>",
    "</div>", "<blockquote>", "<script>", "</script>", "<pre>", "</pre>", "<!--", "-->", "<!-- note -->",
    "<table><tr><td>", "<meta name='date' content='2024-05-01'>", "\x00", "[^1]: A note.", "date: 2024-01-01\n",
]  # fmt: skip
_DIRECTIVES = [
    "<!-- hypelint: disable -->", "<!-- hypelint: enable -->", "<!-- hypelint: disable=HL201 -->",
    "<!-- hypelint: enable=HL201 -->", "<!-- hypelint: disable-next-line -->", "<!-- hypelint: disable-file=faq -->",
    "<!-- hypelint: disable=promotional,HL3 -->", "<!-- hypelint: enable=promotional,HL3,x -->",
    "<!-- hypelint: disable-next-line=superlative -->", "<!-- hypelint: bogus -->",
]  # fmt: skip


def _drafts(with_directives: bool) -> st.SearchStrategy[str]:
    # Mostly words (so that rules have something to find), then markup,
    # directives and arbitrary text.
    words = st.sampled_from(_WORDS).map(lambda word: word + " ")
    piece = st.one_of(
        words, words, words, words, st.sampled_from(_MARKUP), st.text(max_size=6),
        *([st.sampled_from(_DIRECTIVES)] if with_directives else []),
    )  # fmt: skip
    # The API takes decoded text with its BOM removed (api.lint_text strips it).
    return st.lists(piece, max_size=80).map("".join).map(lambda text: text.lstrip("\ufeff"))


drafts = _drafts(with_directives=True)
plain_drafts = _drafts(with_directives=False).filter(lambda text: "hypelint" not in text.lower())
formats = st.sampled_from(FORMATS)


@PROPERTY
@given(text=drafts, fmt=formats)
def test_findings_lie_inside_the_text_and_their_positions_agree(text, fmt):
    result = lint_source(text, None, fmt, EVERYTHING)
    assert result.rule_errors == []
    for finding in result.findings:
        assert 0 <= finding.offset <= finding.end_offset <= len(text), finding
        assert (finding.line, finding.column) == reference_line_col(text, finding.offset), finding
        assert (finding.end_line, finding.end_column) == reference_line_col(text, finding.end_offset), finding
        assert finding.path == "-"


@PROPERTY
@given(text=drafts, fmt=formats)
def test_linting_is_deterministic(text, fmt):
    rules = list(resolve_rules(EVERYTHING))
    doc = parse(text, fmt)
    once = lint_document(doc, rules)
    assert lint_document(doc, rules) == once  # what a document caches changes no result
    first, second = lint_source(text, None, fmt, EVERYTHING), lint_source(text, None, fmt, EVERYTHING)
    assert first.findings == second.findings == once
    for output in ("json", "concise", "sarif"):
        reports = []
        for result in (first, second):
            run = RunResult(files=[result])
            for rule in rules:
                run.rules.setdefault(rule.code, rule.info())
            reports.append(render(output, run, ReportOptions(version="test")))
        assert reports[0] == reports[1], output


@PROPERTY
@given(text=plain_drafts, fmt=formats)
def test_disable_file_leaves_nothing_but_unused_suppressions(text, fmt):
    result = lint_source("<!-- hypelint: disable-file -->\n" + text, None, fmt, EVERYTHING)
    assert {finding.rule for finding in result.findings} <= {"HL001"}


@PROPERTY
@given(text=plain_drafts, fmt=formats)
def test_a_disable_region_around_everything_leaves_nothing_but_unused_suppressions(text, fmt):
    wrapped = "<!-- hypelint: disable -->\n" + text + "\n<!-- hypelint: enable -->\n"
    result = lint_source(wrapped, None, fmt, EVERYTHING)
    assert {finding.rule for finding in result.findings} <= {"HL001"}


@PROPERTY
@given(text=drafts, fmt=formats)
def test_prose_maps_back_into_the_source_in_order(text, fmt):
    doc = parse(text, fmt)
    for block in doc.blocks:
        previous = -1
        for index, char in enumerate(block.text):
            at = block.source_offset(index)
            assert 0 <= at < len(text)
            assert at >= previous, (block.text, index)
            previous = at
            source = text[at]
            # Each character stands in the source as itself, or as the markup
            # it was decoded from: an entity ("&amp;"), a line break written
            # as CRLF or <br>, the NUL markdown-it shows as U+FFFD.
            assert (
                source == char
                or source == "&"
                or (char.isspace() and (source.isspace() or source == "<"))
                or (char == "\ufffd" and source == "\x00")
            ), (block.text, index, char, source)


@PROPERTY
@given(text=st.text(max_size=300) | _drafts(with_directives=False))
def test_sentences_tile_the_prose(text):
    spans = split_sentences(text)
    last_end = 0
    for start, end in spans:
        assert last_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert not text[last_end:start].strip()  # nothing but white space between sentences
        last_end = end
    assert not text[last_end:].strip()
