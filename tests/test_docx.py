"""Word drafts: a .docx made here with python-docx is linted, and findings are
located by paragraph (line) and character in that paragraph (column).

The decoded "text" of a Word file is its paragraphs joined by newlines, so
line N is paragraph N (table cells' paragraphs included, in reading order)
and every report shows the paragraph's own text.
"""

from __future__ import annotations

import copy
import json

import pytest

docx = pytest.importorskip("docx", reason="python-docx is in the test extra")
from docx.oxml.ns import qn  # noqa: E402
from docx.oxml.parser import OxmlElement  # noqa: E402

from hypelint.parsers import parse_binary  # noqa: E402

PROMO = "HL201,HL301,HL302"


def add_hyperlink(paragraph, text: str, url: str) -> None:
    """python-docx has no call for links: write the w:hyperlink it would read."""
    rid = paragraph.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                                   is_external=True)  # fmt: skip
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def add_deleted(paragraph, text: str) -> None:
    """A tracked deletion: the text is still in the file, but not in the draft."""
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "90")
    deleted.set(qn("w:author"), "Editor")
    run = OxmlElement("w:r")
    node = OxmlElement("w:delText")
    node.text = text
    run.append(node)
    deleted.append(run)
    paragraph._p.append(deleted)


def make_draft(path) -> None:
    document = docx.Document()
    document.add_heading("A chatbot for the council", level=0)  # 1: Title
    document.add_paragraph("The council tested the tool for a month.")  # 2
    document.add_heading("What it does", level=1)  # 3: Heading 1
    lead = document.add_paragraph("The revolutionary tool saved staff time. ")  # 4
    add_deleted(lead, "It is the best chatbot ever built. ")
    add_hyperlink(lead, "The full report", "https://example.org/report")
    document.add_paragraph("Answers came faster than before", style="List Bullet")  # 5
    document.add_paragraph("An unprecedented rollout followed", style="List Bullet")  # 6
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cost"  # 7
    table.cell(0, 1).text = "A remarkable saving"  # 8
    document.add_paragraph("<!-- hypelint: disable-next-line=HL201 -->")  # 9
    document.add_paragraph("A revolutionary line, silenced.")  # 10
    commented = document.add_paragraph("The pilot ends in June.")  # 11
    document.add_comment(commented.runs, text="Is this the best pilot ever? Revolutionary!", author="Desk")
    document.add_paragraph("It is the best service in the region.")  # 12
    document.save(path)


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.docx"
    make_draft(path)
    return path


def test_findings_at_the_right_paragraphs(draft, hypelint):
    result = hypelint("check", "--select", PROMO, "--format", "json", "draft.docx")
    assert result.returncode == 1, result.stderr
    found = [(f["rule"], f["line"], f["column"], f["end_column"], f["excerpt"])
             for f in json.loads(result.stdout)["findings"]]  # fmt: skip
    assert found == [
        ("HL201", 4, 5, 18, "revolutionary"),
        ("HL302", 6, 4, 17, "unprecedented"),
        ("HL302", 8, 3, 13, "remarkable"),
        ("HL301", 12, 7, 15, "the best"),
    ]


def test_reports_show_the_paragraph_text_and_number(draft, hypelint):
    """A Word draft's lines are paragraphs: the human formats call them that."""
    result = hypelint("check", "--select", "HL302", "--format", "rich", "--no-color", "draft.docx")
    assert "paragraph 6, character 4 warning HL302" in " ".join(result.stdout.split())
    assert "An unprecedented rollout followed" in result.stdout
    concise = hypelint("check", "--select", "HL302", "draft.docx")
    assert concise.stdout.splitlines()[0] == (
        "draft.docx: paragraph 6, character 4: HL302 [warning] 'unprecedented' praises without evidence"
    )
    junit = hypelint("check", "--select", "HL302", "--format", "junit", "draft.docx")
    assert 'name="HL302 paragraph 6, character 4"' in junit.stdout
    assert "(paragraph 6, character 4)" in junit.stdout


def test_structure_from_styles_lists_tables_links_and_what_is_left_out(draft):
    doc = parse_binary(draft.read_bytes(), "docx", str(draft))
    lines = doc.text.split("\n")
    assert len(lines) == 12
    assert lines[3] == "The revolutionary tool saved staff time. The full report"  # deletion gone, link text kept
    assert all("Desk" not in line and "pilot ever" not in line for line in lines)  # the comment is no prose
    shape = [(b.kind, b.level, b.containers, b.text[:12]) for b in doc.blocks]
    assert shape == [
        ("heading", 1, (), "A chatbot fo"),
        ("paragraph", 0, (), "The council "),
        ("heading", 2, (), "What it does"),  # Heading 1 sits below the Title
        ("paragraph", 0, (), "The revoluti"),
        ("list_item", 0, ("list_item",), "Answers came"),
        ("list_item", 0, ("list_item",), "An unprecede"),
        ("table_cell", 0, ("table",), "Cost"),
        ("table_cell", 0, ("table",), "A remarkable"),
        ("paragraph", 0, (), "A revolution"),
        ("paragraph", 0, (), "The pilot en"),
        ("paragraph", 0, (), "It is the be"),
    ]
    (link,) = doc.links
    assert link.url == "https://example.org/report"
    assert doc.text[link.text_span.start : link.text_span.end] == "The full report"
    assert [d.action for d in doc.directives] == ["disable-next-line"]
    # Every block's prose maps onto its own line of the joined text.
    for block in doc.blocks:
        span = block.source_span(0, len(block.text))
        assert doc.text[span.start : span.end] == block.text


def test_headings_keep_their_level_without_a_title(tmp_path):
    document = docx.Document()
    document.add_heading("Headline", level=1)
    document.add_heading("Section", level=2)
    path = tmp_path / "plain.docx"
    document.save(path)
    doc = parse_binary(path.read_bytes(), "docx", str(path))
    assert [(b.kind, b.level) for b in doc.blocks] == [("heading", 1), ("heading", 2)]


def test_folders_include_word_files_and_stdin_takes_one(draft, write, hypelint):
    write("notes.md", "A sober note.\n")
    walked = hypelint("check", "--select", PROMO, "--format", "json", ".")
    assert sorted({f["path"] for f in json.loads(walked.stdout)["findings"]}) == ["draft.docx"]
    piped = hypelint("check", "--select", "HL302", "-", "--stdin-filename", "draft.docx", input=draft.read_bytes())
    assert piped.stdout.splitlines()[0].startswith("draft.docx: paragraph 6, character 4: HL302")


def test_a_baseline_of_a_word_file(draft, hypelint):
    assert hypelint("baseline", "--select", PROMO, "draft.docx").returncode == 0
    assert hypelint("check", "--select", PROMO, "--baseline", ".hypelint-baseline.json", "draft.docx").returncode == 0


def test_a_file_that_is_not_a_word_file(write, hypelint):
    write("fake.docx", "plain text in disguise\n")
    result = hypelint("check", "fake.docx")
    assert result.returncode == 2
    assert result.stderr.startswith("hypelint: error: fake.docx: not a Word .docx file (")
    assert len(result.stderr.splitlines()) == 1


def test_without_python_docx_the_message_says_what_to_install(draft, write, hypelint, tmp_path):
    # A `docx` module that cannot be imported stands in for a missing install.
    write("blocker/docx/__init__.py", "raise ImportError('No module named docx')\n")
    result = hypelint("check", "draft.docx", env={"PYTHONPATH": str(tmp_path / "blocker")})
    assert result.returncode == 2
    assert result.stderr == (
        "hypelint: error: draft.docx: reading Word files needs python-docx: pip install 'hypelint[docx]'\n"
    )


def test_tracked_insertions_are_text(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Before. ")
    inserted = OxmlElement("w:ins")
    inserted.set(qn("w:id"), "7")
    inserted.set(qn("w:author"), "Editor")
    inserted.append(copy.deepcopy(paragraph.runs[0]._r))
    inserted[0].find(qn("w:t")).text = "Inserted."
    paragraph._p.append(inserted)
    path = tmp_path / "ins.docx"
    document.save(path)
    assert parse_binary(path.read_bytes(), "docx", str(path)).text == "Before. Inserted."
