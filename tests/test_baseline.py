"""Baselines: `hypelint baseline` records today's findings, `check --baseline`
reports only new ones and counts the entries that no longer match.

The scenario a newsroom lives: an archive in git, a baseline committed with
it, then edits. Edits elsewhere in a file (lines shifted, a paragraph
re-wrapped) must not bring old findings back; a new sentence must be
reported; a fixed sentence leaves a stale entry that is counted.
"""

from __future__ import annotations

import json
import textwrap

from gitrepo import git

from hypelint.filters.baseline import fingerprint

PROMO = "HL201,HL301"

OLD = textwrap.dedent("""\
    # Archive piece

    The revolutionary model is the best chatbot ever built.

    Its makers call it game-changing.
""")


def findings(result) -> list[tuple[str, int, str]]:
    return [(f["rule"], f["line"], f["excerpt"]) for f in json.loads(result.stdout)["findings"]]


def notes(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_baseline_hides_old_findings_and_reports_a_new_sentence(tmp_path, write, hypelint):
    git(tmp_path, "init", "-q")
    write("archive/old.md", OLD)
    write("archive/other.md", "A revolutionary idea.\n")
    made = hypelint("baseline", "--select", PROMO, "archive", "--output", ".hypelint-baseline.json")
    assert made.returncode == 0, made.stderr
    assert made.stdout == "hypelint: recorded 4 findings in 2 files to .hypelint-baseline.json\n"
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "archive and baseline")

    clean = hypelint("check", "--select", PROMO, "--format", "json", "--baseline", ".hypelint-baseline.json", "archive")
    assert clean.returncode == 0 and findings(clean) == []
    assert notes(clean) == [
        "hypelint: baseline .hypelint-baseline.json: 4 known findings not shown, 0 entries no longer match (stale)"
    ]

    # A new opening paragraph shifts every line; the old sentence is
    # re-wrapped; the game-changing sentence is rewritten away; a new
    # sentence brings a new hype word.
    write("archive/old.md", textwrap.dedent("""\
        # Archive piece

        An editor's note, added today.

        The revolutionary model is the
        best chatbot ever built.

        Its makers describe it. It was a game-changing week.
    """))
    result = hypelint("check", "--select", PROMO, "--format", "json", "--baseline", ".hypelint-baseline.json", "archive")
    assert result.returncode == 1
    assert findings(result) == [("HL201", 8, "game-changing")]
    assert notes(result) == [
        "hypelint: baseline .hypelint-baseline.json: 3 known findings not shown, 1 entry no longer matches (stale); "
        "`hypelint baseline` rewrites it"
    ]


def test_the_file_records_paths_rules_and_fingerprints_not_lines(tmp_path, write, hypelint):
    write("drafts/a.md", OLD)
    assert hypelint("baseline", "--select", PROMO, "drafts", "-o", "base/known.json").returncode == 0
    data = json.loads((tmp_path / "base/known.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1 and data["tool"]["name"] == "hypelint"
    # Paths are relative to the baseline's folder, sorted by path, rule, excerpt.
    assert [(e["path"], e["rule"], e["excerpt"]) for e in data["findings"]] == [
        ("../drafts/a.md", "HL201", "game-changing"),
        ("../drafts/a.md", "HL201", "revolutionary"),
        ("../drafts/a.md", "HL301", "the best"),
    ]
    assert all(set(e) == {"path", "rule", "fingerprint", "excerpt"} for e in data["findings"])
    assert len({e["fingerprint"] for e in data["findings"]}) == 3
    # Run from another folder, the same baseline still matches.
    result = hypelint("check", "--select", PROMO, "--baseline", "../base/known.json", "a.md", cwd=tmp_path / "drafts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_config_key_names_the_baseline_and_no_baseline_shows_everything(tmp_path, write, hypelint):
    write("hypelint.toml", 'select = ["HL201", "HL301"]\nbaseline = "known-findings.json"\n')
    write("drafts/a.md", OLD)
    # `baseline` writes where the config says; `check` reads it from there.
    made = hypelint("baseline", "drafts")
    assert made.returncode == 0 and (tmp_path / "known-findings.json").is_file()
    assert hypelint("check", "drafts/a.md").returncode == 0
    everything = hypelint("check", "--no-baseline", "--format", "json", "drafts/a.md")
    assert everything.returncode == 1 and len(findings(everything)) == 3 and everything.stderr == ""
    shown = json.loads(hypelint("config", "--show", "drafts/a.md").stdout)
    assert shown["baseline"] == str(tmp_path / "known-findings.json")


def test_identical_sentences_are_matched_one_to_one(write, hypelint):
    sentence = "It is the best tool.\n\n"
    write("a.md", sentence * 2)
    assert hypelint("baseline", "--select", "HL301", "a.md").returncode == 0
    write("a.md", sentence * 3)
    result = hypelint("check", "--select", "HL301", "--format", "json", "--baseline", ".hypelint-baseline.json", "a.md")
    assert result.returncode == 1 and len(findings(result)) == 1


def test_stale_counts_only_files_that_were_checked(write, hypelint):
    write("a.md", "A revolutionary idea.\n")
    write("b.md", "A revolutionary plan.\n")
    assert hypelint("baseline", "--select", PROMO, "a.md", "b.md").returncode == 0
    write("b.md", "A plan.\n")
    only_a = hypelint("check", "--select", PROMO, "--baseline", ".hypelint-baseline.json", "a.md")
    assert "0 entries no longer match" in only_a.stderr
    both = hypelint("check", "--select", PROMO, "--baseline", ".hypelint-baseline.json", "a.md", "b.md")
    assert "1 entry no longer matches (stale)" in both.stderr
    quiet = hypelint("check", "-q", "--select", PROMO, "--baseline", ".hypelint-baseline.json", "a.md", "b.md")
    assert quiet.stderr == ""


def test_missing_or_broken_baseline_is_one_line_and_exit_2(write, hypelint):
    write("a.md", "A revolutionary idea.\n")
    missing = hypelint("check", "--baseline", "nope.json", "a.md")
    assert missing.returncode == 2
    assert notes(missing) == ["hypelint: error: baseline nope.json: no such file; create it with `hypelint baseline`"]
    write("bad.json", "{not json")
    broken = hypelint("check", "--baseline", "bad.json", "a.md")
    assert broken.returncode == 2 and len(notes(broken)) == 1 and "not a hypelint baseline" in broken.stderr
    write("old.json", '{"schema_version": 0, "findings": []}')
    old = hypelint("check", "--baseline", "old.json", "a.md")
    assert old.returncode == 2 and "schema_version 0 is not 1" in old.stderr


def test_baseline_refuses_stdin(hypelint):
    result = hypelint("baseline", "-", input="A revolutionary idea.\n")
    assert result.returncode == 2 and "stdin" in result.stderr


def test_fingerprint_ignores_wrapping_but_not_rewording():
    same = fingerprint("HL201", "revolutionary", "The revolutionary model\nis here.")
    assert same == fingerprint("HL201", "revolutionary", "The  revolutionary model is here.")
    assert same != fingerprint("HL201", "revolutionary", "The revolutionary model is there.")
    assert same != fingerprint("HL202", "revolutionary", "The revolutionary model is here.")
