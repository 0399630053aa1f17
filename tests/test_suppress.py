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

RULES = "HL001,HL002,HL003,HL101,HL201,HL202,HL203"
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
    items = ["<!-- TODO: hypelint: disable -->", "<!-- a note on hypelint: disable it -->", REV]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL201", 5)}


# --- the next block, and the same line ------------------------------------------------------

WRAPPED = "A revolutionary idea, hard-wrapped\nonto a second revolutionary line."  # HL201 on both lines


@pytest.mark.parametrize("verb", ["disable-next", "disable-next-line"])
def test_disable_next_covers_the_whole_next_paragraph(hypelint, write, fmt, verb):
    items = [f"<!-- hypelint: {verb}=HL201 -->", WRAPPED, WRAPPED]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL201", 6), ("HL201", 7)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("- A revolutionary item,\n  wrapped, revolutionary.\n- A revolutionary second item.\n", {("HL201", 4)}),
        ("## What does it cost?\n\n## When is it out?\n", {("HL101", 4)}),
        ("| A revolutionary cell | A revolutionary one |\n| --- | --- |\n| A revolutionary row | x |\n", {("HL201", 4)}),
    ],
    ids=["list-item", "heading", "table-row"],
)
def test_disable_next_covers_a_list_item_a_heading_a_table_row(hypelint, write, text, expected):
    assert lint(hypelint, write, "markdown", "<!-- hypelint: disable-next=HL201,HL101 -->\n" + text) == expected


def test_disable_next_inside_an_html_paragraph_covers_the_rest_of_it(hypelint, write):
    text = "<p>A revolutionary start\n<!-- hypelint: disable-next=HL201 -->\nand a revolutionary end.</p>\n<p>A revolutionary idea.</p>\n"
    assert lint(hypelint, write, "html", text) == {("HL201", 1), ("HL201", 4)}


def test_disable_line_silences_the_line_it_ends(hypelint, write, fmt):
    items = [REV + " <!-- hypelint: disable-line=HL201 -->", WRAPPED.replace("\n", " <!-- hypelint: disable-line -->\n")]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL201", 4)}


def test_disable_line_alone_on_its_line_silences_nothing(hypelint, write, fmt):
    items = ["<!-- hypelint: disable-line=HL201 -->", REV]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL001", 1), ("HL201", 3)}


@pytest.mark.parametrize("selector, expected", [("hl201", {("HL202", 3)}), ("Hl201", {("HL202", 3)}), ("hl20", set())])
def test_codes_are_case_insensitive(hypelint, write, fmt, selector, expected):
    items = [f"<!-- hypelint: disable-next={selector} -->", BOTH]
    assert lint(hypelint, write, fmt, render(fmt, items)) == expected


# --- misspelt directives (HL002) and unknown rules (HL003) ---------------------------------------


@pytest.mark.parametrize(
    "directive, problem",
    [
        ("<!-- hypelint:disable-next-line HL201 -->", "'=' missing between 'disable-next-line' and 'HL201'"),
        ("<!-- hypelint: disable-lines=HL201 -->", "unknown directive 'disable-lines' (did you mean 'disable-line'?)"),
        ("<!-- hypelint: silence=HL201 -->", "unknown directive 'silence'"),
        ("<!-- hypelint disable-next=HL201 -->", "':' missing after 'hypelint'"),
        ("<!-- hypelint: -->", "no directive after 'hypelint:'"),
        ("<!-- hypelint: disable-next= -->", "a rule is missing after '=' or between commas"),
        ("<!-- hypelint: disable-next=HL201 HL202 -->", "'HL201 HL202' is not a rule name; separate rules with commas"),
    ],
)
def test_a_misspelt_directive_is_reported_and_silences_nothing(hypelint, write, fmt, directive, problem):
    write(FORMATS[fmt], render(fmt, [directive, REV]))
    result = hypelint("check", "--format", "json", "--select", RULES, FORMATS[fmt])
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["line"]) for f in findings] == [("HL002", 1), ("HL201", 3)]
    inner = directive[len("<!--") : -len("-->")].strip()
    assert findings[0]["message"] == f"Suppression comment '{inner}' is not understood: {problem}"
    assert findings[0]["severity"] == "warning" and findings[0]["excerpt"] == directive


def test_unknown_rules_are_named_once_per_comment(hypelint, write, fmt):
    items = ["<!-- hypelint: disable-next=HL999,HL201,promotionl -->", BOTH, "<!-- hypelint: disable=HL999 -->", QUIET]
    write(FORMATS[fmt], render(fmt, items))
    result = hypelint("check", "--format", "json", "--select", RULES, FORMATS[fmt])
    found = [(f["rule"], f["line"], f["message"] if f["rule"] == "HL003" else "") for f in json.loads(result.stdout)["findings"]]
    # The known rule still silences; a directive naming only unknown rules is
    # reported as such, not also as unused.
    assert found == [
        ("HL003", 1, "Unknown rules 'HL999' and 'promotionl' in suppression 'disable-next=HL999,HL201,promotionl'"),
        ("HL202", 3, ""),
        ("HL003", 5, "Unknown rule 'HL999' in suppression 'disable=HL999'"),
    ]


def test_a_rule_that_is_not_selected_is_not_unknown(hypelint, write, fmt):
    items = [REV, "<!-- hypelint: disable=readability,HL841 -->", QUIET]
    assert lint(hypelint, write, fmt, render(fmt, items)) == {("HL201", 1), ("HL001", 3)}


def test_house_rules_are_known_to_directives(hypelint, write):
    write("pack/house.yaml", (
        "code: HL990\nname: house.synergy\ncategory: promotional\nseverity: warning\nkind: existence\n"
        "message: \"'{match}' is not house style\"\ndescription: A house rule.\nrationale: Testing.\n"
        "params:\n  terms: [synergy]\n"
    ))  # fmt: skip
    write("hypelint.toml", 'rule-packs = ["pack"]\n')
    items = ["<!-- hypelint: disable-next=hl990,house -->", "We leverage synergy.", "<!-- hypelint: disable=HL990 -->", QUIET]
    found = lint(hypelint, write, "markdown", render("markdown", items), select=RULES)
    assert found == {("HL001", 1), ("HL001", 5)}  # known (though not selected), so only unused


def test_directives_in_a_word_draft(tmp_path, hypelint):
    docx = pytest.importorskip("docx", reason="python-docx is in the test extra")
    document = docx.Document()
    document.add_paragraph("<!-- hypelint: disable-next=hl201 -->")  # 1
    document.add_paragraph("A revolutionary line, silenced.")  # 2
    document.add_paragraph("A revolutionary line, silenced too. <!-- hypelint: disable-line=HL201 -->")  # 3
    document.add_paragraph("<!-- hypelint:disable-next HL201 -->")  # 4
    document.add_paragraph("A revolutionary line, reported.")  # 5
    document.add_paragraph("<!-- hypelint: disable-next=HL2011 -->")  # 6
    document.add_paragraph("A revolutionary line, reported too.")  # 7
    document.save(tmp_path / "d.docx")
    result = hypelint("check", "--format", "json", "--select", RULES, "d.docx")
    found = [(f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("HL002", 4), ("HL201", 5), ("HL003", 6), ("HL201", 7)]


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
