"""Hostile inputs through the whole command line: a clean result or one line on stderr.

Every case of cases.py is linted by `hypelint check` and must give exactly
its outcome: "clean" is a JSON report with the file in it, no error, and
nothing on stderr (exit 0 or 1); "error" is exit 2, one stderr line naming
the file, and the file reported as not checked. Files that are not files
(FIFOs, sockets, symlink loops) inside a linted folder are skipped without
ever being opened; given by name, each is one line on stderr. The linted
file is never written.
"""

from __future__ import annotations

import os
import re
import socket

import pytest

from hypelint.parsers import parse

from .cases import CASES, Case
from .conftest import file_state


def _params():
    for case in CASES:
        marks = [pytest.mark.large] if case.large else []
        yield pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_hostile_input(case: Case, tmp_path, check):
    path = tmp_path / case.filename
    path.write_bytes(case.make(case.size))
    if case.config:
        (tmp_path / "hypelint.toml").write_bytes(case.config(case.size))
    before = file_state(path)

    outcome = check(case.filename)

    assert file_state(path) == before, "the linted file was written"
    if case.outcome == "stopped":  # a config or baseline that cannot be used: no report at all
        assert (outcome.code, outcome.stdout, len(outcome.errors)) == (2, "", 1), outcome.errors
        assert re.fullmatch(r"hypelint: error: " + case.error + r".*", outcome.errors[0]), outcome.errors[0]
        return
    files = outcome.report()["files"]
    assert [entry["path"] for entry in files] == [case.filename]
    if case.outcome == "clean":
        assert outcome.stderr == ""
        assert outcome.code in (0, 1)
        assert files[0]["error"] is None
    else:
        assert outcome.code == 2
        assert len(outcome.errors) == 1, outcome.errors
        assert re.fullmatch(r"hypelint: error: " + case.error + r".*", outcome.errors[0]), outcome.errors[0]
        assert files[0]["error"]


def test_every_case_passes_in_each_format_it_could_be_given_as(tmp_path, check):
    """The text cases again under the other two suffixes: a draft's suffix
    decides its parser, and each parser must survive each input."""
    suffixes = (".md", ".txt", ".html")
    written = []
    for case in CASES:
        if case.outcome != "clean" or case.large or case.size > 300_000 or case.filename.endswith(".docx"):
            continue  # a Word file is a zip, not text: under a text suffix it is a binary file
        data = case.make(min(case.size, 25_000))
        for suffix in suffixes:
            name = f"{case.name}{suffix}"
            (tmp_path / name).write_bytes(data)
            written.append(name)
    outcome = check(*written)
    assert outcome.stderr == ""
    assert outcome.code in (0, 1)
    assert sorted(entry["path"] for entry in outcome.report()["files"]) == sorted(written)


# --- what is not a file ------------------------------------------------------------------


def _tree(tmp_path):
    """A folder of drafts with a FIFO, a socket, a symlink loop, a link to a
    missing file and a folder with a draft's name among them."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "story.md").write_text("A revolutionary story.\n", encoding="utf-8")
    made = {}
    if hasattr(os, "mkfifo"):
        os.mkfifo(drafts / "pipe.md")
        made["fifo"] = "pipe.md"
    if hasattr(socket, "AF_UNIX"):
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(str(drafts / "socket.md"))
            made["socket"] = "socket.md"
        except OSError:  # a path too long for a socket address
            server.close()
            server = None
    else:
        server = None
    os.symlink("loop-b.md", drafts / "loop-a.md")
    os.symlink("loop-a.md", drafts / "loop-b.md")
    os.symlink("nowhere.md", drafts / "dangling.md")
    os.symlink(".", drafts / "again")  # a folder that contains itself
    (drafts / "folder.md").mkdir()
    return drafts, made, server


def test_special_files_inside_a_folder_are_skipped_unopened(tmp_path, check):
    drafts, made, server = _tree(tmp_path)
    try:
        outcome = check("drafts")
    finally:
        if server:
            server.close()
    assert outcome.stderr == ""
    assert outcome.code == 1
    assert [entry["path"] for entry in outcome.report()["files"]] == [os.path.join("drafts", "story.md")]


@pytest.mark.parametrize(
    "name, reason",
    [
        ("pipe.md", "not a regular file"),
        ("socket.md", "not a regular file"),
        ("loop-a.md", "no such file or directory"),
        ("dangling.md", "no such file or directory"),
    ],
)
def test_special_files_given_by_name_are_one_line_each(tmp_path, check, name, reason):
    drafts, made, server = _tree(tmp_path)
    try:
        if not (drafts / name).is_symlink() and not os.path.lexists(drafts / name):
            pytest.skip(f"{name} cannot be made here")
        outcome = check(os.path.join("drafts", name), os.path.join("drafts", "story.md"))
    finally:
        if server:
            server.close()
    assert outcome.code == 2
    assert outcome.errors == [f"hypelint: error: {os.path.join('drafts', name)}: {reason}"]
    assert any(f["rule"] == "HL201" for f in outcome.report()["findings"])


def test_a_fifo_is_never_waited_on(tmp_path, check, monkeypatch):
    """Opening a FIFO for reading waits for a writer. A draft that turns into
    a FIFO between the first look and the open is opened without waiting,
    seen for what it is, and reported."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs FIFOs")
    import hypelint.read.source as source

    draft = tmp_path / "draft.md"
    draft.write_text("A revolutionary draft.\n", encoding="utf-8")
    real_open = os.open

    def swap_then_open(path, flags, *args, **kwargs):
        if str(path).endswith("draft.md") and not os.path.exists(tmp_path / "swapped"):
            (tmp_path / "swapped").touch()
            draft.unlink()
            os.mkfifo(draft)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(source.os, "open", swap_then_open)
    outcome = check("draft.md")
    assert outcome.code == 2
    assert outcome.errors == ["hypelint: error: draft.md: not a regular file"]


def test_unreadable_file_is_one_line(tmp_path, check, monkeypatch):
    """An unreadable draft (simulated: the tests may run as root, who reads anything)."""
    import hypelint.read.source as source

    (tmp_path / "locked.md").write_text("A revolutionary secret.\n", encoding="utf-8")
    (tmp_path / "open.md").write_text("A revolutionary draft.\n", encoding="utf-8")
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if str(path).endswith("locked.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(source.os, "open", refuse)
    outcome = check("locked.md", "open.md")
    assert outcome.code == 2
    assert outcome.errors == ["hypelint: error: locked.md: cannot read (Permission denied)"]
    assert [f["path"] for f in outcome.report()["findings"]] == ["open.md"]


def test_a_file_over_the_limit_is_refused_even_when_it_grew_after_the_first_look(tmp_path, monkeypatch):
    import hypelint.read.source as source

    path = tmp_path / "growing.md"
    path.write_bytes(b"a" * 100)
    with pytest.raises(source.InputError, match=r"file too large \(100 bytes; limit 50\)"):
        source.read_bytes(str(path), limit=50)
    real_stat = os.stat

    def stale_stat(name, *args, **kwargs):  # the size as it was before the file grew
        info = real_stat(name, *args, **kwargs)
        return os.stat_result((*info[:6], 10, *info[7:10]))

    monkeypatch.setattr(source.os, "stat", stale_stat)
    with pytest.raises(source.InputError, match=r"file too large \(more than 50 bytes\)"):
        source.read_bytes(str(path), limit=50)


# --- the HTML tokenizer ----------------------------------------------------------------


@pytest.mark.parametrize(
    "html, blocks",
    [
        ('<p title="a > b">Text</p>', ["Text"]),  # a quoted ">" does not end a tag
        ("<p>Before<!-- unclosed comment", ["Before"]),  # a comment runs to the end of the file
        ("<p>Before<!-->after</p>", ["Beforeafter"]),  # "<!-->" is an empty comment
        ("<p>Cut <a href='x", ["Cut"]),  # a tag cut off by the end of the file is dropped
        ("<p>1 < 2 and 3 > 2</p>", ["1 < 2 and 3 > 2"]),  # a "<" that opens nothing is text
        ("<p>A</p><![CDATA[x]]><p>B</p>", ["A", "B"]),  # once an AssertionError in html.parser
        ("<p>AT&T and R&D; &amp; co</p>", ["AT&T and R&D; & co"]),  # references as written, decoded when known
        ("<script>if (a<b) {}</script><p>Prose</p>", ["Prose"]),
        ("<p>x</p></>", ["x"]),
    ],
)
def test_html_tokenizer_reads_malformed_markup_as_browsers_do(html, blocks):
    doc = parse(html, "html")
    assert [block.text for block in doc.blocks] == blocks
    for block in doc.blocks:  # and every character maps back to itself ("&amp;" to its "&")
        for index, char in enumerate(block.text):
            assert html[block.source_offset(index)] == char


def test_html_nesting_is_capped_as_in_browsers():
    from hypelint.parsers.html import MAX_DEPTH

    deep = "<blockquote>" * (MAX_DEPTH * 4) + "<p>Deep</p>"
    doc = parse(deep, "html")
    assert [block.text for block in doc.blocks] == ["Deep"]
    assert 0 < len(doc.blocks[0].containers) <= MAX_DEPTH


def test_every_report_format_renders_the_hostile_inputs(tmp_path):
    """Reports read the drafts too (the rich and HTML reports show their
    lines): each format renders every clean case without raising. "cues" is
    full size: a long line holding thousands of findings."""
    from hypelint.api import lint_paths
    from hypelint.reporters import FORMATS, ReportOptions, render

    for case in CASES:
        if case.outcome == "clean" and not case.large:
            size = 60_000 if case.name == "cues" else min(case.size, 15_000)
            (tmp_path / f"{case.name}-{case.filename}").write_bytes(case.make(size))
    run = lint_paths([str(tmp_path)])
    assert run.errors == [] and all(file.error is None for file in run.files)
    assert sum(len(file.findings) for file in run.files) > 1000  # "cues" alone holds thousands
    for output in FORMATS:
        text = render(output, run, ReportOptions(width=100, version="test"))
        assert text.strip(), output


def test_stdin_is_read_no_further_than_a_files_limit(tmp_path, monkeypatch, capsys):
    """`yes | hypelint check -` must end: stdin is read up to the size limit of a file."""
    import io
    import sys

    import hypelint.cli as cli
    from hypelint.commands import linting

    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"y\n" * (len(buffer) // 2) + b"y" * (len(buffer) % 2)
            return len(buffer)

    monkeypatch.setattr(linting, "MAX_BYTES", 1_000_000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    monkeypatch.chdir(tmp_path)
    code = cli.main(["check", "--no-cache", "-"])
    assert code == 2
    assert capsys.readouterr().err.splitlines() == ["hypelint: error: -: input too large (more than 1000000 bytes)"]
