"""Nothing lost: hypelint never writes a draft, and writes its reports whole or not at all."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys

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


# --- the report never replaces a draft reached another way, nor a device --------------

REFUSED = "is also an input; hypelint never overwrites a draft"
needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making devices needs root")


@pytest.mark.parametrize("command", ["check", "baseline"])
@pytest.mark.parametrize("link", [os.symlink, os.link], ids=["symlink", "hard link"])
def test_output_refuses_a_draft_reached_through_a_link_in_a_linted_folder(drafts, tmp_path, capsys, monkeypatch,
                                                                          command, link):  # fmt: skip
    from hypelint.cli import main

    (tmp_path / "elsewhere").mkdir()
    draft = tmp_path / "elsewhere" / "real.md"
    draft.write_text(DRAFTS["story.md"], encoding="utf-8")
    link(draft, drafts / "link.md")
    before = _states(tmp_path)
    monkeypatch.chdir(tmp_path)
    code = main([command, "drafts", "--output", "elsewhere/real.md"])
    assert (code, capsys.readouterr().err) == (2, f"hypelint: error: --output elsewhere/real.md: {REFUSED}\n")
    assert _states(tmp_path) == before


@pytest.mark.parametrize("output", ["x.md", "link.md"])
def test_output_refuses_the_stdin_file_name(tmp_path, hypelint, output):
    draft = tmp_path / "x.md"
    draft.write_text(DRAFTS["story.md"], encoding="utf-8")
    os.symlink(draft, tmp_path / "link.md")
    result = hypelint("check", "-", "--stdin-filename", "x.md", "-o", output, input=DRAFTS["story.md"])
    assert (result.returncode, result.stderr) == (2, f"hypelint: error: --output {output}: {REFUSED}\n")
    assert draft.read_text(encoding="utf-8") == DRAFTS["story.md"] and (tmp_path / "link.md").is_symlink()


def test_output_through_a_link_writes_the_file_it_points_to(drafts, check, tmp_path):
    (tmp_path / "reports").mkdir()
    os.symlink(tmp_path / "reports" / "report.json", tmp_path / "latest.json")
    assert check("drafts", "--output", "latest.json").code == 1
    assert (tmp_path / "latest.json").is_symlink()
    assert json.loads((tmp_path / "reports" / "report.json").read_text(encoding="utf-8"))["findings"]


# The same run through `check` and through `audit`, each with its --output last.
OUTPUTS = {
    "check": ["check", "--no-cache", "--format", "json", "drafts", "--output"],
    "audit": ["audit", "articles.jsonl", "--text-field", "body", "--quiet", "--output"],
}


def _run(command: str, output: str, tmp_path, capsys, monkeypatch):
    from hypelint.cli import main

    (tmp_path / "articles.jsonl").write_text(json.dumps({"id": 1, "body": DRAFTS["story.md"]}) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    code = main([*OUTPUTS[command], output])
    return code, capsys.readouterr().err.splitlines()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("command", OUTPUTS)
def test_output_to_a_fifo_is_written_in_place(drafts, tmp_path, capsys, monkeypatch, command):
    fifo = tmp_path / "out.jsonl"
    os.mkfifo(fifo)
    # Opened for reading first, without blocking, so that hypelint's open for
    # writing returns at once; the report (far smaller than a pipe's buffer)
    # waits in the pipe until it is read here, after the run.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        code, errors = _run(command, "out.jsonl", tmp_path, capsys, monkeypatch)
        received = b""
        while chunk := _read_waiting(reader):
            received += chunk
    finally:
        os.close(reader)
    assert (code, errors) == ((1, []) if command == "check" else (0, []))
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(received)["findings"]  # check's report, or audit's one row: findings there
    assert sorted(path.name for path in tmp_path.iterdir()) == ["articles.jsonl", "drafts", "out.jsonl"]


def _read_waiting(descriptor: int) -> bytes:
    try:
        return os.read(descriptor, 65536)
    except BlockingIOError:  # nothing was ever written
        return b""


@needs_root
@pytest.mark.parametrize("command, device, code, errors", [
    ("check", (1, 3), 1, []),  # null: takes the report
    ("check", (1, 7), 2, ["hypelint: error: --output dev.jsonl: cannot write (No space left on device)"]),  # full
    ("audit", (1, 3), 0, []),
])  # fmt: skip
def test_output_to_a_device_is_written_in_place(drafts, tmp_path, capsys, monkeypatch, command, device, code, errors):
    node = tmp_path / "dev.jsonl"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(*device))
    assert _run(command, "dev.jsonl", tmp_path, capsys, monkeypatch) == (code, errors)
    assert stat.S_ISCHR(os.lstat(node).st_mode) and os.lstat(node).st_rdev == os.makedev(*device)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["articles.jsonl", "dev.jsonl", "drafts"]


@needs_root
@pytest.mark.parametrize("command", ["check", "baseline"])
def test_output_to_dev_null_leaves_it_the_device(drafts, tmp_path, capsys, monkeypatch, command):
    from hypelint.cli import main

    monkeypatch.chdir(tmp_path)
    before = os.lstat("/dev/null")
    assert main([command, "drafts", "--output", "/dev/null"]) in (0, 1)
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="POSIX signals")
def test_sigterm_while_writing_a_report_leaves_no_temporary_file(drafts, tmp_path):
    """The signal is sent from inside the write, just as the finished
    temporary file would be renamed into place, so no timing is involved
    (other files, such as the start-up cache's, are renamed as usual)."""
    script = (
        "import os, signal, sys\n"
        "from hypelint import cli\n"
        "rename = os.replace\n"
        "def replace(source, target):\n"
        "    if os.path.basename(target) != 'report.json':\n"
        "        return rename(source, target)\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    raise AssertionError('SIGTERM did not stop the write')\n"
        "os.replace = replace\n"
        "sys.exit(cli.main(['check', '--no-cache', 'drafts', '--output', 'report.json']))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stderr) == (128 + signal.SIGTERM, "")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["drafts"]
