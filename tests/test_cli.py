"""The command line, run for real: `python -m hypelint` in a scratch folder.

Exit codes: 0 clean (below the fail level), 1 findings at or above it, 2 usage,
config or input errors, with one `hypelint: error:` line on stderr per
problem and the other files still linted and reported. No run may print a
traceback (the `hypelint` fixture checks that for every call).

Most runs pass `--select` so that only the rules these tests are about can
fire; other packs are tested in their own files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

import hypelint as hypelint_package

HYPE = "A revolutionary day.\n"  # HL201 at 1:3
SOBER = "The council met on Tuesday.\n"
MSG = "'revolutionary' is promotional language; say what the thing does instead"
PROMO = "HL201,HL202,HL203"


def errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def findings(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


def where(result) -> list[tuple[str, str, int, int]]:
    return [(f["path"].replace("\\", "/"), f["rule"], f["line"], f["column"]) for f in findings(result)]


# --- files and folders -------------------------------------------------------------------


def test_one_file_concise_report_exactly(write, hypelint):
    write("d.md", HYPE)
    result = hypelint("check", "--select", PROMO, "d.md")
    assert result.returncode == 1
    assert result.stdout == (
        f"d.md:1:3: HL201 [warning] {MSG}\n"
        "Found 1 finding (0 errors, 1 warning, 0 info) in 1 file.\n"
    )
    assert result.stderr == ""


def test_clean_file_exits_zero(write, hypelint):
    write("d.md", SOBER)
    result = hypelint("check", "--select", PROMO, "d.md")
    assert (result.returncode, result.stdout) == (0, "All clear: no findings in 1 file.\n")


def test_folder_is_walked_for_drafts_only(write, hypelint):
    for name in ("a.md", "b.markdown", "c.txt", "d.html", "e.htm", "sub/deeper/f.MD"):
        write(name, HYPE if not name.endswith(("html", "htm")) else f"<p>{HYPE}</p>")
    write("notes.rst", HYPE)
    write("script.py", "# revolutionary\n")
    write("README", HYPE)
    write(".hidden.md", HYPE)
    write(".drafts/x.md", HYPE)
    write("sub/.cache/y.md", HYPE)
    result = hypelint("check", "--format", "json", "--select", PROMO, ".")
    paths = [p for p, *_ in where(result)]
    assert paths == ["a.md", "b.markdown", "c.txt", "d.html", "e.htm", "sub/deeper/f.MD"]
    assert json.loads(result.stdout)["summary"]["files"] == 6


def test_no_path_means_the_current_folder(write, hypelint):
    write("a.md", HYPE)
    write("sub/b.txt", HYPE)
    result = hypelint("check", "--format", "json", "--select", PROMO)
    assert [p for p, *_ in where(result)] == ["a.md", "sub/b.txt"]


def test_hidden_file_named_explicitly_is_linted(write, hypelint):
    write(".draft.md", HYPE)
    assert where(hypelint("check", "--format", "json", "--select", PROMO, ".draft.md")) == [
        (".draft.md", "HL201", 1, 3)
    ]


def test_unknown_suffix_named_explicitly_is_read_as_plain_text(write, hypelint):
    write("draft.rst", "```\nA revolutionary day.\n```\n")
    write("draft.md", "```\nA revolutionary day.\n```\n")  # code in Markdown: not linted
    result = hypelint("check", "--format", "json", "--select", PROMO, "draft.rst", "draft.md")
    assert where(result) == [("draft.rst", "HL201", 2, 3)]


def test_files_are_reported_in_path_order(write, hypelint):
    write("b.md", HYPE)
    write("a.md", HYPE)
    result = hypelint("check", "--format", "json", "--select", PROMO, "b.md", "a.md")
    assert [p for p, *_ in where(result)] == ["a.md", "b.md"]


# --- stdin -------------------------------------------------------------------------------


def test_stdin_is_markdown_named_dash(hypelint):
    text = "```\nrevolutionary code\n```\n\nA revolutionary day.\n"
    result = hypelint("check", "--format", "json", "--select", PROMO, "-", input=text)
    assert result.returncode == 1
    assert where(result) == [("-", "HL201", 5, 3)]


def test_stdin_filename_sets_format_and_name(hypelint):
    text = "```\nrevolutionary code\n```\n\n<p>A revolutionary day.</p>\n"
    as_text = hypelint("check", "--format", "json", "--select", PROMO, "--stdin-filename", "x.txt", "-", input=text)
    assert where(as_text) == [("x.txt", "HL201", 2, 1), ("x.txt", "HL201", 5, 6)]
    as_html = hypelint("check", "--format", "json", "--select", PROMO, "--stdin-filename", "x.html", "-", input=text)
    assert [(p, line) for p, _, line, _ in where(as_html)] == [("x.html", 2), ("x.html", 5)]


def test_stdin_filename_picks_the_config(write, hypelint):
    write("desk/hypelint.toml", 'select = ["HL202"]\n[per-file-ignores]\n"press/*" = ["HL202"]\n')
    text = "Buckle up: a revolutionary day.\n"
    result = hypelint("check", "--format", "json", "--stdin-filename", "desk/story.md", "-", input=text)
    assert where(result) == [("desk/story.md", "HL202", 1, 1)]
    result = hypelint("check", "--format", "json", "--stdin-filename", "desk/press/r.md", "-", input=text)
    assert where(result) == []


def test_stdin_with_files(write, hypelint):
    write("a.md", HYPE)
    result = hypelint("check", "--format", "json", "--select", PROMO, "a.md", "-", input=HYPE)
    assert sorted(where(result)) == [("-", "HL201", 1, 3), ("a.md", "HL201", 1, 3)]


def test_stdin_twice_is_a_usage_error(hypelint):
    result = hypelint("check", "-", "-", input=HYPE)
    assert result.returncode == 2
    assert errors(result) == ["hypelint: error: '-' (stdin) may be given only once"]


def test_stdin_undecodable(hypelint):
    result = hypelint("check", "--select", PROMO, "-", input=b"caf\xe9 revolutionary\n")
    assert result.returncode == 2
    assert len(errors(result)) == 1 and "not valid UTF-8" in errors(result)[0]


# --- rule selection on the command line -------------------------------------------------------


DRAFT = "# Launch\n\nBuckle up: a revolutionary model with state-of-the-art scores.\n\n## Is it good?\n\n## Price\n\nTen dollars.\n"


@pytest.mark.parametrize(
    "options, expected",
    [
        (["--select", "HL201"], ["HL201"]),
        (["--select", "HL201, HL101"], ["HL201", "HL101"]),
        (["--select", "promotional", "--ignore", "HL203,HL202"], ["HL201"]),
        (["--select", "faq", "--extend-select", "promotional.reader-address"], ["HL202", "HL101"]),
        (["--select", "HL2", "--ignore", "HL2"], []),
    ],
)
def test_select_ignore_extend_select(write, hypelint, options, expected):
    write("d.md", DRAFT)
    assert [rule for _, rule, _, _ in where(hypelint("check", "--format", "json", *options, "d.md"))] == expected


def test_unknown_selector_is_a_usage_error(write, hypelint):
    write("d.md", DRAFT)
    result = hypelint("check", "--select", "HL201,bogus", "d.md")
    assert result.returncode == 2
    assert errors(result) == [
        "hypelint: error: command line: option '--select': unknown rule selector 'bogus'; "
        "use a code (HL101), a code prefix, a rule name, a category or a pack"
    ]
    assert result.stdout == ""


# --- formats ------------------------------------------------------------------------------


@pytest.fixture
def two_files(write):
    write("a.md", HYPE)
    write("b.md", "Buckle up.\n\nIt is state-of-the-art.\n")


def test_format_json(two_files, hypelint):
    result = hypelint("check", "--format", "json", "--select", PROMO, "a.md", "b.md")
    data = json.loads(result.stdout)
    assert data["summary"]["files"] == 2
    assert data["summary"]["findings"] == 3
    assert data["summary"]["by_severity"] == {"error": 0, "warning": 2, "info": 1}
    first = data["findings"][0]
    assert {k: first[k] for k in ("path", "rule", "name", "severity", "line", "column", "end_line", "end_column")} == {
        "path": "a.md", "rule": "HL201", "name": "promotional.hype-word", "severity": "warning",
        "line": 1, "column": 3, "end_line": 1, "end_column": 16,
    }  # fmt: skip
    assert first["message"] == MSG


def test_format_sarif(two_files, hypelint):
    result = hypelint("check", "--format", "sarif", "--select", PROMO, "a.md", "b.md")
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["name"] == "hypelint"
    assert [r["ruleId"] for r in run["results"]] == ["HL201", "HL202", "HL203"]
    region = run["results"][0]["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == "a.md"
    assert (region["region"]["startLine"], region["region"]["startColumn"]) == (1, 3)
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"HL201", "HL202", "HL203"}
    assert result.returncode == 1


def test_format_junit(two_files, hypelint):
    result = hypelint("check", "--format", "junit", "--select", PROMO, "a.md", "b.md")
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    # Two warnings fail the run; HL203's info note is reported but passes, as the exit code says.
    assert root.get("tests") == "3" and root.get("failures") == "2"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"a.md", "b.md"}
    assert [f.get("type") for f in suites["a.md"].iter("failure")] == ["HL201"]


def test_format_gitlab(two_files, hypelint):
    result = hypelint("check", "--format", "gitlab", "--select", PROMO, "a.md", "b.md")
    issues = json.loads(result.stdout)
    assert [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("HL201", "a.md", 1), ("HL202", "b.md", 1), ("HL203", "b.md", 3),
    ]  # fmt: skip
    assert len({i["fingerprint"] for i in issues}) == 3


def test_format_github(two_files, hypelint):
    result = hypelint("check", "--format", "github", "--select", PROMO, "a.md", "b.md")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::warning file=a.md,line=1,col=3,endLine=1,endColumn=16,title=HL201 ")
    assert lines[2].startswith("::notice file=b.md,line=3,")
    assert len(lines) == 3


@pytest.mark.parametrize("fmt", ["rich", "concise"])
def test_human_formats(two_files, hypelint, fmt):
    result = hypelint("check", "--format", fmt, "--select", PROMO, "a.md", "b.md")
    assert result.returncode == 1
    assert "HL201" in result.stdout and "HL203" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour
    assert result.stdout.rstrip().endswith("Found 3 findings (0 errors, 2 warnings, 1 info) in 2 files.")


def test_default_format_is_concise_when_piped(two_files, hypelint):
    piped = hypelint("check", "--select", PROMO, "a.md", "b.md").stdout
    assert piped == hypelint("check", "--format", "concise", "--select", PROMO, "a.md", "b.md").stdout


def test_unknown_format_is_one_line(two_files, hypelint):
    result = hypelint("check", "--format", "xml", "a.md")
    assert result.returncode == 2
    assert len(errors(result)) == 1
    assert errors(result)[0].startswith("hypelint: error: argument --format: invalid choice: 'xml'")
    assert result.stdout == ""


def test_unknown_option_is_one_line(hypelint):
    result = hypelint("check", "--colour", "a.md")
    assert result.returncode == 2
    assert errors(result) == ["hypelint: error: unrecognized arguments: --colour"]


def test_statistics_and_quiet(two_files, hypelint):
    args = ("check", "--select", PROMO, "a.md", "b.md")
    stats = hypelint(*args, "--statistics").stdout.splitlines()
    assert stats[:3] == [
        "1\tHL201\tpromotional.hype-word\t[promotional]",
        "1\tHL202\tpromotional.reader-address\t[promotional]",
        "1\tHL203\tpromotional.state-of-the-art\t[promotional]",
    ]
    assert stats[-1].startswith("Found 3 findings")
    quiet = hypelint(*args, "--quiet")
    assert quiet.returncode == 1
    assert len(quiet.stdout.splitlines()) == 3 and "Found" not in quiet.stdout
    assert hypelint(*args, "-q", "--statistics").stdout.splitlines() == stats[:3]


def _run_on_a_terminal(args, cwd, env):
    """Run hypelint with stdout on a pseudo-terminal; return (exit code, output)."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "hypelint", *args], cwd=cwd, env=env,
                               stdout=slave, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)  # fmt: skip
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=60)
    os.close(master)
    return process.returncode, b"".join(chunks).decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_on_a_terminal_and_no_color(tmp_path, two_files):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    args = ["check", "--select", PROMO, "a.md", "b.md"]
    code, coloured = _run_on_a_terminal(args, tmp_path, env)
    assert code == 1
    assert "\x1b[" in coloured and "HL201" in coloured  # rich, in colour, by default
    code, plain = _run_on_a_terminal([*args, "--no-color"], tmp_path, env)
    assert code == 1 and "HL201" in plain and "\x1b[" not in plain
    code, plain = _run_on_a_terminal(args, tmp_path, {**env, "NO_COLOR": "1"})
    assert "HL201" in plain and "\x1b[" not in plain


# --- --output ---------------------------------------------------------------------------


def test_output_file(tmp_path, two_files, hypelint):
    result = hypelint("check", "--format", "json", "--select", PROMO, "--output", "report.json", "a.md", "b.md")
    assert result.returncode == 1
    assert result.stdout == ""
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["summary"]["findings"] == 3
    # no temporary files left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md", "report.json"]


def test_output_inside_a_linted_folder_is_fine_when_not_a_draft(tmp_path, two_files, hypelint):
    result = hypelint("check", "--select", PROMO, "-o", "report.txt.json", ".")
    assert result.returncode == 1 and result.stdout == ""
    assert "HL201" in (tmp_path / "report.txt.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "output, inputs",
    [("a.md", ["a.md"]), ("./a.md", ["a.md", "b.md"]), ("new.md", ["."]), ("sub/../a.md", ["a.md"])],
)
def test_output_refuses_an_input(tmp_path, two_files, hypelint, output, inputs):
    before = (tmp_path / "a.md").read_text()
    result = hypelint("check", "--output", output, *inputs)
    assert result.returncode == 2
    assert errors(result) == [f"hypelint: error: --output {output}: is also an input; hypelint never overwrites a draft"]
    assert (tmp_path / "a.md").read_text() == before
    assert not (tmp_path / "new.md").exists()


def test_output_refuses_a_folder(tmp_path, two_files, hypelint):
    (tmp_path / "reports").mkdir()
    result = hypelint("check", "--output", "reports", "a.md")
    assert result.returncode == 2
    assert errors(result) == ["hypelint: error: --output reports: is a folder; give a file name"]


def test_output_into_a_missing_folder(two_files, hypelint):
    result = hypelint("check", "--output", "no/such/dir/report.txt", "a.md")
    assert result.returncode == 2
    assert len(errors(result)) == 1 and "cannot write" in errors(result)[0]


# --- --fail-on ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "level, select, code",
    [
        ("error", PROMO, 0),
        ("warning", PROMO, 1),
        ("info", PROMO, 1),
        ("never", PROMO, 0),
        ("warning", "HL203", 0),  # info only
        ("info", "HL203", 1),
        ("error", "HL203", 0),
        ("never", "HL203", 0),
    ],
)
def test_fail_on(two_files, hypelint, level, select, code):
    result = hypelint("check", "--select", select, "--fail-on", level, "a.md", "b.md")
    assert result.returncode == code
    assert "Found" in result.stdout


def test_fail_on_bad_value(two_files, hypelint):
    result = hypelint("check", "--fail-on", "sometimes", "a.md")
    assert result.returncode == 2 and len(errors(result)) == 1


def test_error_severity_fails_even_under_fail_on_error(write, hypelint):
    write("hypelint.toml", '[rules.HL201]\nseverity = "error"\n')
    write("a.md", HYPE)
    assert hypelint("check", "--select", PROMO, "--fail-on", "error", "a.md").returncode == 1


# --- bad input --------------------------------------------------------------------------------


def test_missing_path_others_still_linted(write, hypelint):
    write("a.md", HYPE)
    result = hypelint("check", "--format", "json", "--select", PROMO, "missing.md", "a.md")
    assert result.returncode == 2
    assert errors(result) == ["hypelint: error: missing.md: no such file or directory"]
    assert where(result) == [("a.md", "HL201", 1, 3)]


def test_errors_beat_findings_in_the_exit_code(write, hypelint):
    write("a.md", SOBER)
    result = hypelint("check", "--select", PROMO, "--fail-on", "never", "missing.md", "a.md")
    assert result.returncode == 2


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("bin.md", b"PK\x03\x04\x00\x00revolutionary", "bin.md: binary file (contains NUL bytes), not a text draft"),
        ("latin1.md", b"caf\xe9 revolutionary\n", "latin1.md: not valid UTF-8 (byte 0xe9 at offset 3); convert it to UTF-8"),
    ],
)
def test_undecodable_file_others_still_linted(write, hypelint, name, data, message):
    write(name, data)
    write("a.md", HYPE)
    for fmt in ("concise", "json"):
        result = hypelint("check", "--format", fmt, "--select", PROMO, name, "a.md")
        assert result.returncode == 2
        assert errors(result) == [f"hypelint: error: {message}"]
        assert "a.md" in result.stdout
    assert where(result) == [("a.md", "HL201", 1, 3)]
    files = {f["path"]: f["error"] for f in json.loads(result.stdout)["files"]}
    assert files == {name: message, "a.md": None}


def test_undecodable_file_in_a_folder(write, hypelint):
    write("drafts/bad.txt", b"\x00\x01\x02")
    write("drafts/good.md", HYPE)
    result = hypelint("check", "--format", "json", "--select", PROMO, "drafts")
    assert result.returncode == 2
    assert len(errors(result)) == 1 and "drafts/bad.txt" in errors(result)[0].replace("\\", "/")
    assert [p for p, *_ in where(result)] == ["drafts/good.md"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_accepted(write, hypelint, encoding):
    bom = b"\xff\xfe" if encoding == "utf-16-le" else b"\xfe\xff"
    write("u16.md", bom + "# Café\n\nA revolutionary day.\n".encode(encoding))
    result = hypelint("check", "--format", "json", "--select", PROMO, "u16.md")
    assert result.returncode == 1, result.stderr
    assert where(result) == [("u16.md", "HL201", 3, 3)]


def test_utf8_bom_is_accepted_and_not_counted_in_columns(write, hypelint):
    write("bom.md", b"\xef\xbb\xbfA revolutionary day.\n")
    assert where(hypelint("check", "--format", "json", "--select", PROMO, "bom.md")) == [("bom.md", "HL201", 1, 3)]


def test_empty_file(write, hypelint):
    write("empty.md", "")
    result = hypelint("check", "empty.md")
    assert (result.returncode, result.stderr) == (0, "")


def test_folder_with_nothing_to_lint(write, hypelint):
    write("pics/cat.png", b"\x89PNG")
    write("a.md", HYPE)
    result = hypelint("check", "--format", "json", "--select", PROMO, "pics", "a.md")
    assert result.returncode == 2
    assert errors(result) == ["hypelint: error: pics: no .md, .markdown, .txt, .html, .htm or .docx files to lint"]
    assert where(result) == [("a.md", "HL201", 1, 3)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_not_a_regular_file(tmp_path, write, hypelint):
    os.mkfifo(tmp_path / "pipe.md")
    write("a.md", HYPE)
    result = hypelint("check", "--select", PROMO, "pipe.md", "a.md")
    assert result.returncode == 2
    assert errors(result) == ["hypelint: error: pipe.md: not a regular file"]
    assert "a.md:1:3: HL201" in result.stdout


def test_unreadable_file(tmp_path, write, hypelint):
    locked = write("locked.md", HYPE)
    write("a.md", HYPE)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with privileges that read any file (root)")
        result = hypelint("check", "--select", PROMO, "locked.md", "a.md")
    finally:
        locked.chmod(0o644)
    assert result.returncode == 2
    assert errors(result) == ["hypelint: error: locked.md: cannot read (Permission denied)"]
    assert "a.md:1:3: HL201" in result.stdout


def test_reader_leaving_early_is_not_an_error(write):
    for n in range(40):
        write(f"d{n:02}.md", HYPE * 50)
    process = subprocess.Popen([sys.executable, "-m", "hypelint", "check", "--select", PROMO, "."],
                               cwd=write("x.md", "").parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    first = process.stdout.readline()
    process.stdout.close()  # like `hypelint check | head -1`
    stderr = process.stderr.read().decode()
    process.wait(timeout=60)
    assert b"HL201" in first
    assert "Traceback" not in stderr
    assert process.returncode in (0, 1)  # 1 if the report was written before the reader left


# --- rules, explain, version ------------------------------------------------------------------


def test_rules_table_and_json(hypelint):
    table = hypelint("rules")
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["code", "name", "category", "severity", "on", "what", "it", "flags"]
    row = next(line for line in lines if line.startswith("HL201"))
    assert row.split()[:5] == ["HL201", "promotional.hype-word", "promotional", "warning", "yes"]
    data = json.loads(hypelint("rules", "--format", "json").stdout)
    by_code = {rule["code"]: rule for rule in data}
    assert {"HL001", "HL101", "HL201", "HL202", "HL203"} <= set(by_code)
    assert by_code["HL203"]["severity"] == "info" and by_code["HL203"]["pack"] == "promotional"
    assert [rule["code"] for rule in data] == sorted(by_code)


def test_rules_shows_what_the_config_turns_off(write, hypelint):
    write("hypelint.toml", 'ignore = ["HL202"]\n')
    by_code = {rule["code"]: rule for rule in json.loads(hypelint("rules", "--format", "json").stdout)}
    assert by_code["HL202"]["enabled"] is False and by_code["HL201"]["enabled"] is True


@pytest.mark.parametrize("name", ["HL101", "hl101", "faq.unanswered-question"])
def test_explain(hypelint, name):
    result = hypelint("explain", name)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "HL101 faq.unanswered-question"
    assert lines[1].split() == ["category:", "faq", "severity:", "warning", "pack:", "faq", "kind:", "question-needs-answer"]
    assert any(line.startswith("Why: ") for line in lines)
    assert "Flagged:" in lines and "Not flagged:" in lines


def test_rule_documentation_follows_docs_url(write, hypelint):
    """`docs-url` in the config is where `explain` and SARIF's helpUri send readers;
    without it no address is made up."""
    assert (
        "Documentation: docs/rules.md#hl001 in hypelint's repository (set docs-url to link to a published copy)"
    ) in hypelint("explain", "HL001").stdout.splitlines()
    # proselint's rules are documented on the pack's own page.
    assert (
        "Documentation: docs/rules-proselint.md#hl950 in hypelint's repository (set docs-url to link to a published copy)"
    ) in hypelint("explain", "HL950").stdout.splitlines()
    sarif = json.loads(hypelint("check", "--format", "sarif", "--select", "HL001", "--no-cache", ".").stdout)
    assert "example.invalid" not in json.dumps(sarif)
    write("hypelint.toml", 'docs-url = "https://wiki.newsroom.example.net/hypelint/"\n')
    write("a.md", "Fine.\n")
    link = "https://wiki.newsroom.example.net/hypelint/rules.md#hl001"
    assert "Documentation: " + link in hypelint("explain", "HL001").stdout.splitlines()
    sarif = json.loads(hypelint("check", "--format", "sarif", "--select", "HL001,HL950", "--no-cache", "a.md").stdout)
    links = {r["id"]: r["helpUri"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    proselint_link = "https://wiki.newsroom.example.net/hypelint/rules-proselint.md#hl950"
    assert links == {"HL001": link, "HL950": proselint_link}
    assert "Documentation: " + proselint_link in hypelint("explain", "HL950").stdout.splitlines()
    write("hypelint.toml", "docs-url = 3\n")
    result = hypelint("explain", "HL001")
    assert result.returncode == 2 and "key 'docs-url': must be an http(s) address" in result.stderr


def test_explain_unknown_rule(hypelint):
    result = hypelint("explain", "HL999")
    assert result.returncode == 2
    assert errors(result) == ["hypelint: error: no rule is called 'HL999'; `hypelint rules` lists them"]
    assert result.stdout == ""


def test_version(hypelint):
    result = hypelint("--version")
    assert (result.returncode, result.stdout) == (0, f"hypelint {hypelint_package.__version__}\n")


def test_no_command_prints_help_and_exits_2(hypelint):
    result = hypelint()
    assert result.returncode == 2
    assert "usage: hypelint" in result.stdout and "check" in result.stdout


def test_console_script_matches_python_m(tmp_path):
    script = os.path.join(os.path.dirname(sys.executable), "hypelint" + (".exe" if os.name == "nt" else ""))
    if not os.path.exists(script):
        pytest.skip("hypelint console script is not installed next to this interpreter")
    (tmp_path / "a.md").write_text(HYPE, encoding="utf-8")
    via_script = subprocess.run([script, "check", "--select", PROMO, "a.md"], cwd=tmp_path, capture_output=True, text=True)
    via_module = subprocess.run([sys.executable, "-m", "hypelint", "check", "--select", PROMO, "a.md"],
                                cwd=tmp_path, capture_output=True, text=True)  # fmt: skip
    assert via_script.returncode == via_module.returncode == 1
    assert via_script.stdout == via_module.stdout


def test_main_returns_exit_codes_in_process(tmp_path, monkeypatch, capsys):
    from hypelint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(HYPE, encoding="utf-8")
    assert main(["check", "--select", PROMO, "a.md"]) == 1
    assert main(["check", "--select", PROMO, "--fail-on", "error", "a.md"]) == 0
    assert main(["check", "nope.md"]) == 2
    captured = capsys.readouterr()
    assert captured.err == "hypelint: error: nope.md: no such file or directory\n"


def test_main_in_process_leaves_the_garbage_collector_as_it_was(tmp_path, monkeypatch):
    """A command runs with fewer collections (a short-lived process), and puts the thresholds back."""
    import gc

    from hypelint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(HYPE, encoding="utf-8")
    before = gc.get_threshold()
    assert main(["check", "--no-cache", "a.md"]) == 1
    assert main(["check", "nope.md"]) == 2  # an error on the way out too
    assert gc.get_threshold() == before and gc.isenabled()
