"""Nothing lost: hypelint never writes a draft, and writes its reports whole or not at all."""

from __future__ import annotations

import errno
import os

import pytest

from .conftest import file_state

DRAFTS = {
    "story.md": "# A revolutionary story\n\nThe best chatbot ever, experts say.\n",
    "page.html": "<h1>Game-changing</h1><p>It will change the world.</p>",
    "notes.txt": "Buckle up.\n\nIn 2030 robots will do our jobs.\n",
    "deep/more.markdown": "Unprecedented results.\n",
}


@pytest.fixture
def drafts(tmp_path):
    folder = tmp_path / "drafts"
    for name, text in DRAFTS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def _states(folder):
    return {path: file_state(path) for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("output_format", ["json", "concise", "sarif", "junit", "github", "gitlab", "html"])
def test_a_run_leaves_every_draft_as_it_was(drafts, check, tmp_path, output_format):
    before = _states(drafts)
    outcome = check("drafts", "--format", output_format, "--output", str(tmp_path / f"report.{output_format}"))
    assert outcome.code == 1, outcome.stderr
    assert _states(drafts) == before
    assert (tmp_path / f"report.{output_format}").stat().st_size > 0


@pytest.mark.parametrize(
    "output, why",
    [
        ("drafts/story.md", "is also an input"),  # the input itself
        ("drafts/deep/../story.md", "is also an input"),  # by another path
        ("link.md", "is also an input"),  # a symbolic link to it
        ("hard.md", "is also an input"),  # a hard link to it
        ("drafts/new-report.html", "is also an input"),  # a draft's suffix inside an input folder
        ("drafts/deep", "is a folder"),
    ],
)
def test_output_refuses_a_path_that_is_an_input_or_a_folder(drafts, check, tmp_path, output, why):
    os.symlink(drafts / "story.md", tmp_path / "link.md")
    os.link(drafts / "story.md", tmp_path / "hard.md")
    before = _states(drafts)
    outcome = check("drafts/story.md", "drafts", "--output", output)
    assert outcome.code == 2
    assert outcome.errors == [f"hypelint: error: --output {output}: {why}" + ("; give a file name" if why == "is a folder"
                              else "; hypelint never overwrites a draft")]  # fmt: skip
    assert outcome.stdout == ""
    assert _states(drafts) == before
    assert not (drafts / "new-report.html").exists()


def test_a_report_beside_the_drafts_is_fine(drafts, check):
    outcome = check("drafts", "--output", "drafts/report.json")
    assert outcome.code == 1
    assert (drafts / "report.json").exists()


@pytest.mark.parametrize("failing", ["replace", "chmod", "write"])
def test_a_failed_write_leaves_the_old_report_and_no_partial_file(drafts, check, tmp_path, monkeypatch, failing):
    report = tmp_path / "report.json"
    report.write_text("the previous report\n", encoding="utf-8")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class HalfWritten:
            """A report file that takes half the text, then finds the disk full."""

            def __init__(self, handle):
                self.handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

            def write(self, text):
                self.handle.write(text[: len(text) // 2])
                self.handle.flush()
                disk_full()

        def fdopen(descriptor, mode="r", *args, **kwargs):
            handle = real_fdopen(descriptor, mode, *args, **kwargs)
            return HalfWritten(handle) if mode == "w" else handle

        monkeypatch.setattr(os, "fdopen", fdopen)
    else:
        monkeypatch.setattr(os, failing, disk_full)

    outcome = check("drafts", "--output", str(report))

    assert outcome.code == 2
    assert outcome.errors == [f"hypelint: error: --output {report}: cannot write (No space left on device)"]
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".hypelint-")] == []


def test_baseline_never_overwrites_a_draft(drafts, capsys, tmp_path, monkeypatch):
    from hypelint.cli import main

    monkeypatch.chdir(tmp_path)
    before = _states(drafts)
    code = main(["baseline", "drafts", "--output", "drafts/story.md"])
    assert code == 2
    assert capsys.readouterr().err.splitlines() == [
        "hypelint: error: --output drafts/story.md: is also an input; hypelint never overwrites a draft"
    ]
    assert _states(drafts) == before
