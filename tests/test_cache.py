"""The results cache: hits, misses when anything that shapes a result changes,
damaged entries ignored, and output that is the same with or without it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from hypelint.runtime import cache as cache_module
from hypelint.runtime.cache import Cache, default_dir
from hypelint.config import Config
from hypelint.runtime.runner import lint_files
from robustness.house_rules import house_rule

HYPE = "# A revolution\n\nThe most advanced AI ever built will replace radiologists within five years.\n"
CALM = "The council approved the budget on Tuesday, the minutes show.\n"


@pytest.fixture
def drafts(write):
    return [str(write("a.md", HYPE)), str(write("b.md", CALM)), str(write("c.txt", HYPE + "Synergy rules.\n"))]


def entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json")) if folder.exists() else []


def run(paths, folder, config=None):
    store = Cache(folder)
    results = lint_files([(p, config or Config()) for p in paths], jobs=1, cache=store)
    return results, store


def same(a, b) -> bool:
    return [(r.path, r.findings, r.words, r.metrics, r.source, r.fail_on, r.error) for r in a] == [
        (r.path, r.findings, r.words, r.metrics, r.source, r.fail_on, r.error) for r in b
    ]


def test_second_run_is_all_hits_with_identical_results(drafts, tmp_path):
    folder = tmp_path / "cache"
    cold, first = run(drafts, folder)
    warm, second = run(drafts, folder)
    assert (first.hits, first.misses) == (0, 3)
    assert (second.hits, second.misses) == (3, 0)
    assert same(cold, warm)
    assert any(r.findings for r in warm) and len(entries(folder)) == 3


def test_changed_content_is_a_miss(drafts, tmp_path):
    folder = tmp_path / "cache"
    run(drafts, folder)
    Path(drafts[1]).write_text(CALM + "It is a revolutionary budget.\n", encoding="utf-8")
    results, store = run(drafts, folder)
    assert (store.hits, store.misses) == (2, 1)
    assert any(f.rule.startswith("HL2") for f in results[1].findings)


def test_changed_config_is_a_miss(drafts, tmp_path):
    folder = tmp_path / "cache"
    run(drafts, folder)
    results, store = run(drafts, folder, Config().with_cli(select=["faq"]))
    assert store.hits == 0
    assert all(f.category == "faq" for r in results for f in r.findings)
    _, store = run(drafts, folder, Config(date=__import__("datetime").date(2020, 1, 1)))
    assert store.hits == 0


def test_an_edited_house_rule_is_a_miss(hypelint, drafts, tmp_path, write):
    # Each run a fresh process, as on the command line: a process loads its rules once.
    write("hypelint.toml", 'rule-packs = ["house"]\n')
    write("house/banned.yaml", house_rule("HL990", "house.banned-word", "params:\n  terms: [synergy]\n"))
    cache = tmp_path / "cache"
    first = hypelint("check", "c.txt", "--format", "json", "--cache-dir", cache)
    assert "HL990" in first.stdout
    write("house/banned.yaml", house_rule("HL990", "house.banned-word", "params:\n  terms: [thought leader]\n"))
    second = hypelint("check", "c.txt", "--format", "json", "--cache-dir", cache)
    assert "HL990" not in second.stdout
    assert len(entries(cache)) == 2
    third = hypelint("check", "c.txt", "--format", "json", "--cache-dir", cache)
    assert third.stdout == second.stdout and len(entries(cache)) == 2


def test_another_hypelint_is_a_miss(drafts, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    run(drafts, folder)
    monkeypatch.setattr(cache_module, "_code_digest", lambda: "another version of hypelint")
    _, store = run(drafts, folder)
    assert store.hits == 0


@pytest.mark.parametrize("damage", [b"", b"{not json", b"[]", b'{"schema": 1}', b"\xff\xfe\x00garbage"])
def test_a_damaged_entry_is_a_miss_and_is_rewritten(drafts, tmp_path, damage):
    folder = tmp_path / "cache"
    cold, _ = run(drafts, folder)
    for entry in entries(folder):
        entry.write_bytes(damage)
    again, store = run(drafts, folder)
    assert (store.hits, store.misses) == (0, 3)
    assert same(cold, again)
    _, store = run(drafts, folder)
    assert store.hits == 3


def test_an_entry_filed_under_another_key_is_a_miss(drafts, tmp_path):
    folder = tmp_path / "cache"
    run(drafts, folder)
    a, b = entries(folder)[:2]
    a.write_bytes(b.read_bytes())  # valid JSON, but another key's result
    _, store = run(drafts, folder)
    assert store.misses == 1


def test_an_unwritable_cache_folder_is_no_error(drafts, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    results, store = run(drafts, blocker)
    assert not any(r.error for r in results) and store.misses == 3


def test_unreadable_files_are_reported_not_cached(tmp_path, write):
    folder = tmp_path / "cache"
    bad = write("bad.md", b"caf\xe9 society\n")
    results, _ = run([str(bad), str(tmp_path / "gone.md")], folder)
    assert "not valid UTF-8" in results[0].error and "no such file" in results[1].error
    assert entries(folder) == []


def test_old_day_folders_are_removed_and_nothing_else(drafts, tmp_path):
    import datetime as dt

    folder = tmp_path / "cache"
    recent = (dt.date.today() - dt.timedelta(days=2)).isoformat()
    for name in ("2000-01-01", recent, "notes"):
        (folder / name / "ab").mkdir(parents=True)
        (folder / name / "ab" / "x.json").write_text("{}", encoding="utf-8")
    run(drafts, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted([recent, dt.date.today().isoformat(), "notes"])


def test_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_dir() == tmp_path / "hypelint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert default_dir() == Path(os.path.expanduser("~")) / ".cache" / "hypelint"


# --- the command line ----------------------------------------------------------------------------


def test_cached_and_uncached_json_reports_are_identical(hypelint, write, tmp_path):
    for n in range(6):
        write(f"drafts/d{n}.md", (HYPE if n % 2 else CALM) + f"\nRecently, draft {n}.\n")
    cache = tmp_path / "c"
    uncached = hypelint("check", "drafts", "--format", "json", "--no-cache")
    cold = hypelint("check", "drafts", "--format", "json", "--cache-dir", cache)
    warm = hypelint("check", "drafts", "--format", "json", "--cache-dir", cache)
    assert len(entries(cache)) == 6
    assert uncached.stdout == cold.stdout == warm.stdout
    assert uncached.returncode == cold.returncode == warm.returncode == 1
    assert json.loads(warm.stdout)["summary"]["findings"] > 5
    rich = [hypelint("check", "drafts", "--format", "rich", *extra).stdout for extra in (["--no-cache"], ["--cache-dir", cache])]
    assert rich[0] == rich[1]  # shows source lines: the cached text is the file's


def test_no_cache_neither_reads_nor_writes(hypelint, write, tmp_path):
    write("a.md", HYPE)
    assert hypelint("check", "a.md", "--no-cache", "--cache-dir", tmp_path / "c").returncode == 1
    assert not (tmp_path / "c").exists()


def test_the_default_cache_is_under_xdg_cache_home(hypelint, write, tmp_path):
    write("a.md", HYPE)
    hypelint("check", "a.md", env={"XDG_CACHE_HOME": str(tmp_path / "xdg")})
    assert len(entries(tmp_path / "xdg" / "hypelint")) == 1
    assert not list((tmp_path / "xdg").rglob(".tmp-*")), "a temporary file was left behind"


def test_a_word_draft_is_a_hit_with_the_text_its_entry_carries(tmp_path):
    docx = pytest.importorskip("docx", reason="python-docx is in the test extra")
    document = docx.Document()
    document.add_paragraph("The council tested the tool for a month.")
    document.add_paragraph("It is the most advanced AI ever built, a revolutionary tool.")
    draft = tmp_path / "draft.docx"
    document.save(draft)
    folder = tmp_path / "cache"
    cold, _ = run([str(draft)], folder)
    warm, store = run([str(draft)], folder)
    assert store.hits == 1 and same(cold, warm) and warm[0].findings
    assert json.loads(entries(folder)[0].read_bytes())["source"] == warm[0].source  # not the file's bytes


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux only")
def test_a_file_name_that_is_not_utf8_is_cached_and_read_back(tmp_path):
    name = os.fsdecode(bytes(tmp_path) + b"/draft-\xff.md")  # holds a lone surrogate
    Path(name).write_text(HYPE, encoding="utf-8")
    folder = tmp_path / "cache"
    cold, _ = run([name], folder)
    warm, store = run([name], folder)
    assert store.hits == 1 and same(cold, warm) and warm[0].path == name


def test_an_entry_larger_than_the_limit_is_not_written(drafts, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    run(drafts, folder)
    sizes = sorted(entry.stat().st_size for entry in entries(folder))
    monkeypatch.setattr(cache_module, "MAX_ENTRY_BYTES", sizes[1])  # the largest entry is over it
    other = tmp_path / "other"
    _, store = run(drafts, other)
    assert store.misses == 3 and len(entries(other)) == 2
    _, store = run(drafts, other)
    assert (store.hits, store.misses) == (2, 1)
