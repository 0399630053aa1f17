"""Hostile Word files (issue 16, item 8): a zip bomb, a paragraph of many
hyperlinks, packages whose parts contradict one another.

Each .docx is built here with zipfile, part by part, so that it can be as
broken as a hostile file is. A file past a limit, or damaged, is one line on
stderr and exit 2; a file within the limits is read in time linear in it
(a growth test compares 1x and 4x, a ratio, never a wall-clock budget).
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile

import pytest

pytest.importorskip("docx")

from hypelint.api import lint_file  # noqa: E402
from hypelint.config import Config  # noqa: E402

from .growth import assert_linear  # noqa: E402

_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
)
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ROOT_RELS = [("rId1", f"{_R}/officeDocument", "word/document.xml", False)]
_STORY = "<w:p><w:r><w:t>A revolutionary story.</w:t></w:r></w:p>"


def _relationships(items) -> str:
    """A .rels part: (id, type, target, external) each."""
    external_mode = ' TargetMode="External"'
    inner = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{external_mode if external else ""}/>'
        for rid, kind, target, external in items
    )
    return f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{inner}</Relationships>'


def _document(body: str) -> str:
    return (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        f'xmlns:r="{_R}"><w:body>{body}</w:body></w:document>'
    )


def word_file(path, body: str = _STORY, document_rels=(), parts=(), main: str = _MAIN) -> None:
    """A .docx at `path`: its body, the document's relationships and any other (name, content) parts."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a name written twice: that is the point
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr("[Content_Types].xml", _TYPES.format(main=main))
            package.writestr("_rels/.rels", _relationships(_ROOT_RELS))
            package.writestr("word/document.xml", _document(body))
            if document_rels:
                package.writestr("word/_rels/document.xml.rels", _relationships(document_rels))
            for name, content in parts:
                package.writestr(name, content)


def one_error(outcome, pattern: str) -> None:
    assert outcome.code == 2, outcome.stderr
    assert len(outcome.errors) == 1, outcome.errors
    assert re.fullmatch("hypelint: error: " + pattern, outcome.errors[0]), outcome.errors[0]


def test_a_sound_word_file_is_read(tmp_path, check):
    word_file(tmp_path / "story.docx")
    outcome = check("story.docx")
    assert outcome.code == 1 and not outcome.errors
    assert "HL201" in {finding["rule"] for finding in outcome.report()["findings"]}


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, check):
    """A few hundred kilobytes that unpack to 200 MB (one run took 12.4 GB of memory)."""
    word_file(tmp_path / "bomb.docx", body=_STORY + "<w:p/>" * 33_000_000)
    assert (tmp_path / "bomb.docx").stat().st_size < 1_000_000
    one_error(check("bomb.docx"), r"bomb\.docx: unpacks to more than 128 MB, the most a Word draft may; not read")


def test_a_zip_that_declares_less_than_it_holds_is_refused(tmp_path, check):
    """The sizes in the zip's directory are not trusted: a member is stopped
    at its declared size and its checksum then fails."""
    word_file(tmp_path / "liar.docx", body=_STORY * 2000)
    data = bytearray((tmp_path / "liar.docx").read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        member = package.getinfo("word/document.xml")
    # The central directory's record of the member: its uncompressed size at offset 24.
    record = data.find(b"word/document.xml", data.index(b"PK\x01\x02")) - 46
    assert data[record : record + 4] == b"PK\x01\x02"
    data[record + 24 : record + 28] = (member.file_size // 10).to_bytes(4, "little")
    (tmp_path / "liar.docx").write_bytes(bytes(data))
    one_error(check("liar.docx"), r"liar\.docx: not a Word \.docx file \(.*\)")


@pytest.mark.parametrize("field, value, reason", [(8, 1, "is encrypted"), (10, 99, "is packed in an unknown way")])
def test_an_encrypted_or_strangely_packed_part_is_one_line(tmp_path, check, field, value, reason):
    """zipfile asks for a password, or knows no such compression method: a
    RuntimeError and a NotImplementedError, tracebacks both."""
    word_file(tmp_path / "odd.docx")
    data = bytearray((tmp_path / "odd.docx").read_bytes())
    record = data.index(b"PK\x01\x02")  # the first part's record in the zip's directory
    data[record + field : record + field + 2] = value.to_bytes(2, "little")  # its flags, or its method
    (tmp_path / "odd.docx").write_bytes(bytes(data))
    one_error(check("odd.docx"), r"odd\.docx: not a Word \.docx file \(its part \[Content_Types\]\.xml " + reason + r"\)")


def test_xml_past_its_limit_is_refused(tmp_path, check, monkeypatch):
    """XML is parsed whole into a tree several times its size: it has a limit
    of its own, well under what a package may unpack to (shrunk here)."""
    import hypelint.parsers.docx_package as package_limits

    monkeypatch.setattr(package_limits, "MAX_XML", 1024 * 1024)
    word_file(tmp_path / "long.docx", body=_STORY * 30_000)
    one_error(check("long.docx"), r"long\.docx: holds more than 1 MB of XML, the most a Word draft may; not read")


def test_a_package_of_too_many_parts_is_refused(tmp_path, check):
    word_file(tmp_path / "parts.docx", parts=[(f"word/media/p{i}.bin", b"x") for i in range(600)])
    one_error(check("parts.docx"), r"parts\.docx: a Word file of 60\d parts, more than 500; not read")


def test_a_part_listed_twice_and_relationships_to_missing_parts(tmp_path, check):
    word_file(tmp_path / "twice.docx", parts=[("word/document.xml", _document(_STORY))] * 3)
    assert check("twice.docx").code == 1  # the last copy is read, as Word does
    rels = [(f"rId{i}", f"{_R}/image", f"media/missing{i}.png", False) for i in range(3000)]
    word_file(tmp_path / "missing.docx", document_rels=rels)
    one_error(check("missing.docx"), r"missing\.docx: not a Word \.docx file \(.*missing0\.png.*\)")


def test_two_style_parts_are_a_damaged_file_not_a_traceback(tmp_path, check):
    """python-docx finds the contradiction only when the body is read and a
    style is looked up (a ValueError there was a traceback)."""
    styles = '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    rels = [(f"rId{i}", f"{_R}/styles", "styles.xml", False) for i in range(2)]
    word_file(tmp_path / "styles.docx", document_rels=rels, parts=[("word/styles.xml", styles)])
    one_error(check("styles.docx"), r"styles\.docx: not a Word \.docx file \(multiple relationships of type .*\)")


def test_a_wrong_content_type_names_no_memory_address(tmp_path, check):
    word_file(tmp_path / "sheet.docx", main=_MAIN.replace("wordprocessingml.document", "spreadsheetml.sheet"))
    outcome = check("sheet.docx")
    one_error(outcome, r"sheet\.docx: not a Word \.docx file \(.*is not a Word file.*\)")
    assert "0x" not in outcome.stderr


def test_relationships_past_their_limit_are_refused_before_python_docx_walks_them(tmp_path, check):
    """Parts that each point at every other: python-docx's walk took time
    their number times the parts' (66 s for one such file)."""
    count = 240
    parts = []
    for i in range(count):
        parts.append((f"word/p{i}.xml", "<x/>"))
        parts.append((f"word/_rels/p{i}.xml.rels", _relationships(
            [(f"rId{j}", "http://example.com/other", f"p{j}.xml", False) for j in range(count)])))  # fmt: skip
    rels = [(f"rId{i}", "http://example.com/other", f"p{i}.xml", False) for i in range(count)]
    word_file(tmp_path / "mesh.docx", document_rels=rels, parts=parts)
    one_error(check("mesh.docx"), r"mesh\.docx: a Word file with more than 50000 relationships between its parts; not read")


def _linked(path, links: int) -> None:
    runs = "".join(f'<w:hyperlink r:id="rId{i}"><w:r><w:t>source {i} </w:t></w:r></w:hyperlink>' for i in range(links))
    rels = [(f"rId{i}", f"{_R}/hyperlink", f"https://example.com/{i}", True) for i in range(links)]
    word_file(path, body=f"<w:p><w:r><w:t>A revolutionary story. </w:t></w:r>{runs}</w:p>", document_rels=rels)


def test_many_hyperlinks_take_time_linear_in_their_number(tmp_path):
    """A paragraph of hyperlinks summed its pieces again at every link
    (a file of many took 120 s): 4x the links must take well under 16x."""

    def lint_links(count: int):
        path = tmp_path / f"links-{count}.docx"
        _linked(path, count)

        def lint() -> None:
            assert lint_file(str(path), Config()).error is None

        return lint

    assert_linear(lint_links, 6_000, "a paragraph of hyperlinks")  # 1x: about 0.35 s
