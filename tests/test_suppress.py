"""Inline suppression comments in Markdown, HTML and plain text.

Each case is a list of items: a directive comment ("<!-- ... -->") or a line
of prose. `render` lays them out in the three formats with the same line
numbers (item i is on line 2*i + 1; items are separated by blank lines), so
one expectation serves all three. Only the faq, promotional and meta rules
run, so other packs cannot change what is expected here.
"""

from __future__ import annotations

import json

import pytest

import hypelint

RULES = "HL001,HL101,HL201,HL202,HL203"
FORMATS = {"markdown": "d.md", "html": "d.html", "text": "d.txt"}

REV = "A revolutionary idea."  # HL201 at column 3
BUCKLE = "Buckle up, readers."  # HL202 at column 1
BOTH = "Buckle up for a revolutionary ride."  # HL202 col 1, HL201 col 17
QUIET = "The council met on Tuesday."  # nothing


def render(fmt: str, items: list[str], newline: str = "\n") -> str:
    out = []
    for item in items:
        if item.lstrip().startswith("<!--") or fmt != "html":
            out.append(item)
        else:
            out.append(f"<p>{item}</p>")
    return (newline * 2).join(out) + newline


def line(index: int) -> int:
    return 2 * index + 1


def lint(hypelint, write, fmt: str, text: str, *options: str, select: str = RULES) -> set[tuple[str, int]]:
    write(FORMATS[fmt], text)
    result = hypelint("check", "--format", "json", "--select", select, *options, FORMATS[fmt])
    assert result.returncode in (0, 1), result.stderr
    return {(f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"]}


@pytest.fixture(params=list(FORMATS))
def fmt(request):
    return request.param


# --- regions ---------------------------------------------------------------------------


def test_without_directives_everything_is_reported(hypelint, write, fmt):
    found = lint(hypelint, write, fmt, render(fmt, [REV, BUCKLE, BOTH]))
    assert found == {("HL201", 1), ("HL202", 3), ("HL202", 5), ("HL201", 5)}


def test_disable_enable_region_for_every_rule(hypelint, write, fmt):
    items = [REV, "<!-- hypelint: disable -->", REV, BUCKLE, "<!-- hypelint: enable -->", BOTH]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL201", 1), ("HL201", 11), ("HL202", 11)}


def test_region_without_enable_runs_to_the_end(hypelint, write, fmt):
    items = [REV, "<!-- hypelint: disable -->", REV, BOTH]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL201", 1)}


def test_region_for_one_code(hypelint, write, fmt):
    items = ["<!-- hypelint: disable=HL201 -->", BOTH, "<!-- hypelint: enable=HL201 -->", BOTH]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL202", 3), ("HL201", 7), ("HL202", 7)}


def test_region_for_a_pack_and_a_code(hypelint, write, fmt):
    items = [
        "<!-- hypelint: disable=promotional,HL101 -->",
        BOTH,
        "<!-- hypelint: enable -->",
        BOTH,
    ]
    # HL101 has nothing to silence, but the comment is used (by promotional).
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL201", 7), ("HL202", 7)}


@pytest.mark.parametrize("selector", ["promotional.hype-word", "HL2", "HL20", "promotional"])
def test_region_selectors_like_select(hypelint, write, fmt, selector):
    items = [f"<!-- hypelint: disable={selector} -->", REV, f"<!-- hypelint: enable={selector} -->", REV]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL201", 7)}


def test_enable_with_a_selector_closes_only_that_region(hypelint, write, fmt):
    items = [
        "<!-- hypelint: disable=HL201 -->",  # 1
        "<!-- hypelint: disable=HL202 -->",  # 3
        BOTH,  # 5: both silenced
        "<!-- hypelint: enable=HL201 -->",  # 7
        BOTH,  # 9: HL202 still silenced
        "<!-- hypelint: enable=HL202 -->",  # 11
        BOTH,  # 13
    ]
    expected = {("HL201", 9), ("HL201", 13), ("HL202", 13)}
    assert lint(hypelint, write, fmt, render(fmt, items)) == expected


def test_enable_with_a_selector_leaves_a_bare_region_open(hypelint, write, fmt):
    items = ["<!-- hypelint: disable -->", BOTH, "<!-- hypelint: enable=HL201 -->", BOTH]
    assert lint(hypelint, write, fmt, render(fmt, items)) == set()


# --- next line and whole file ---------------------------------------------------------------


def test_disable_next_line_covers_only_the_next_line(hypelint, write, fmt):
    items = ["<!-- hypelint: disable-next-line -->", BOTH, BOTH]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL201", 5), ("HL202", 5)}


def test_disable_next_line_with_selectors(hypelint, write, fmt):
    items = ["<!-- hypelint: disable-next-line=HL201 -->", BOTH, REV]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL202", 3), ("HL201", 5)}


def test_disable_next_line_directly_above_the_line(hypelint, write, fmt):
    text = render(fmt, ["<!-- hypelint: disable-next-line=HL201 -->", BOTH]).replace("\n\n", "\n", 1)
    assert lint(hypelint, write, fmt, text) == {("HL202", 2)}


def test_disable_next_line_with_crlf_line_endings(hypelint, write, fmt):
    items = [REV, "<!-- hypelint: disable-next-line -->", REV, REV]
    assert lint(hypelint, write, fmt, render(fmt, items, "\r\n")) == {("HL201", 1), ("HL201", 7)}


@pytest.mark.parametrize("where", ["start", "end"])
def test_disable_file(hypelint, write, fmt, where):
    items = [BOTH, REV]
    directive = "<!-- hypelint: disable-file=HL201 -->"
    items = [directive, *items] if where == "start" else [*items, directive]
    shift = 1 if where == "start" else 0
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL202", line(shift))}


def test_disable_file_for_every_rule(hypelint, write, fmt):
    items = [BOTH, "<!-- hypelint: disable-file -->", REV]
    assert lint(hypelint, write, fmt, render(fmt, items)) == set()


def test_directive_spelling_is_forgiving(hypelint, write, fmt):
    items = ["<!--HYPELINT:Disable-Next-Line = HL201 , HL202-->", BOTH, REV]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL201", 5)}


def test_other_comments_are_not_directives(hypelint, write, fmt):
    items = ["<!-- hypelint disable -->", "<!-- TODO: hypelint: disable -->", REV]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL201", 5)}


# --- unused directives (HL001) -------------------------------------------------------------


def test_unused_directive_is_reported_at_the_comment(hypelint, write, fmt):
    comment = "<!-- hypelint: disable-next-line=HL201 -->"
    indent = "" if fmt == "markdown" else "   "  # (4 spaces would be a code block in Markdown)
    write(FORMATS[fmt], render(fmt, [REV, indent + comment, QUIET]))
    result = hypelint("check", "--format", "json", "--select", RULES, FORMATS[fmt])
    findings = json.loads(result.stdout)["findings"]
    unused = [f for f in findings if f["rule"] == "HL001"]
    assert len(unused) == 1
    f = unused[0]
    start = len(indent) + 1
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (3, start, 3, start + len(comment))
    assert f["severity"] == "info"
    assert f["excerpt"] == comment
    assert f["message"] == "Suppression 'disable-next-line=HL201' silences nothing"
    assert {x["rule"] for x in findings} == {"HL001", "HL201"}
    # info does not fail the run by default
    assert result.returncode == 1  # (because of HL201 on line 1)


@pytest.mark.parametrize(
    "directive",
    [
        "<!-- hypelint: disable=HL202 -->",  # wrong rule for the region
        "<!-- hypelint: disable-file=faq -->",
        "<!-- hypelint: disable=HL999 -->",  # no such rule
        "<!-- hypelint: disable -->",  # nothing after it at all
    ],
)
def test_directives_that_silence_nothing(hypelint, write, fmt, directive):
    items = [REV, directive, QUIET]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL201", 1), ("HL001", 3)}


def test_enable_is_never_reported_as_unused(hypelint, write, fmt):
    items = ["<!-- hypelint: disable=HL201 -->", REV, "<!-- hypelint: enable=HL201 -->", QUIET]
    assert lint(hypelint, write, fmt, render(fmt, items)) == set()


def test_unused_reports_can_be_turned_off(hypelint, write, fmt):
    items = [REV, "<!-- hypelint: disable=HL202 -->", QUIET]
    text = render(fmt, items)
    select = "meta,faq,promotional"
    assert lint(hypelint, write, fmt, text, select=select) == {("HL201", 1), ("HL001", 3)}
    assert lint(hypelint, write, fmt, text, "--ignore", "meta", select=select) == {("HL201", 1)}
    assert lint(hypelint, write, fmt, text, "--ignore", "HL001", select=select) == {("HL201", 1)}


def test_unused_directive_alone_does_not_fail_the_run(hypelint, write, fmt):
    write(FORMATS[fmt], render(fmt, ["<!-- hypelint: disable-file -->", QUIET]))
    result = hypelint("check", "--select", RULES, FORMATS[fmt])
    assert result.returncode == 0
    assert "HL001" in result.stdout
    assert hypelint("check", "--select", RULES, "--fail-on", "info", FORMATS[fmt]).returncode == 1


# --- directives in code are not directives ---------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "```\n<!-- hypelint: disable-file -->\n```",
        "~~~html\n<!-- hypelint: disable-file -->\n~~~",
        "    <!-- hypelint: disable-file -->",  # indented code block
        "Write `<!-- hypelint: disable-file -->` to silence a file.",
    ],
    ids=["backtick-fence", "tilde-fence", "indented", "inline-code"],
)
def test_markdown_code_is_not_read(hypelint, write, code):
    text = f"{REV}\n\n{code}\n"
    assert lint(hypelint, write, "markdown", text) == {("HL201", 1)}


@pytest.mark.parametrize(
    "code",
    [
        "<pre><!-- hypelint: disable-file --></pre>",
        "<pre>\n<!-- hypelint: disable-file -->\n</pre>",
        "<script>/* <!-- hypelint: disable-file --> */</script>",
        "<style>/* <!-- hypelint: disable-file --> */</style>",
        "<p><code><!-- hypelint: disable-file --></code></p>",
        "<textarea><!-- hypelint: disable-file --></textarea>",
    ],
    ids=["pre", "pre-lines", "script", "style", "code", "textarea"],
)
def test_html_code_is_not_read(hypelint, write, code):
    text = f"<p>{REV}</p>\n{code}\n"
    assert lint(hypelint, write, "html", text) == {("HL201", 1)}


def test_markdown_html_block_comment_is_read(hypelint, write):
    text = f"<div>\n<!-- hypelint: disable-file=HL201 -->\n</div>\n\n{REV}\n"
    assert lint(hypelint, write, "markdown", text) == set()


def test_comment_text_is_never_linted(hypelint, write, fmt):
    items = ["<!-- a revolutionary note to the editor: buckle up -->", QUIET]
    assert lint(hypelint, write, fmt, render(fmt, items)) == set()


# --- stdin and the API ------------------------------------------------------------------------


def test_directives_work_on_stdin(hypelint):
    text = render("markdown", ["<!-- hypelint: disable-next-line=HL201 -->", BOTH])
    result = hypelint("check", "--format", "json", "--select", RULES, "-", input=text)
    assert [(f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"]] == [("HL202", 3)]


def test_directives_through_the_api(tmp_path):
    from hypelint.config import Config

    config = Config(select=tuple(RULES.split(",")))
    text = render("text", ["<!-- hypelint: disable=HL202 -->", BOTH, "<!-- hypelint: enable -->", BOTH])
    found = [(f.rule, f.line) for f in hypelint.lint_text(text, fmt="text", config=config)]
    assert found == [("HL201", 3), ("HL202", 7), ("HL201", 7)]
