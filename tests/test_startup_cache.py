"""The start-up cache: used when current, rebuilt when a source changes, and
harmless when its file is damaged or its folder cannot be written; and the
two caches built on it (the shipped rule packs, pyphen's patterns) give
exactly what parsing gives."""

from __future__ import annotations

import marshal
import os
import shutil
from pathlib import Path

import pytest

from hypelint.rules import loader as rules

from hypelint.runtime import startup_cache

from hypelint.analysis import syllables


class Builder:
    """A build function that counts its calls."""

    def __init__(self, data):
        self.data = data
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.data


DATA = {"terms": ("a", "b"), "nested": [1, 2.5, None, True, {"x": "y"}]}


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "source.txt"
    path.write_text("one", encoding="utf-8")
    return path


def load(folder, sources, build, version=""):
    return startup_cache.load("test", sources, build, version=version, folder=folder)


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.marshal")) if folder.exists() else []


def test_the_second_load_reads_the_file(tmp_path, source):
    build = Builder(DATA)
    assert load(tmp_path / "c", [source], build) == DATA
    again = load(tmp_path / "c", [source], build)
    assert again == DATA and again["terms"] == ("a", "b")  # tuples stay tuples
    assert build.calls == 1
    assert len(cache_files(tmp_path / "c")) == 1
    assert not list((tmp_path / "c").glob(".tmp-*")), "a temporary file was left behind"


def test_a_changed_source_is_rebuilt(tmp_path, source):
    build = Builder(DATA)
    load(tmp_path / "c", [source], build)
    source.write_text("one, two", encoding="utf-8")  # another size
    load(tmp_path / "c", [source], build)
    assert build.calls == 2
    status = source.stat()
    os.utime(source, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000))  # same size, another time
    load(tmp_path / "c", [source], build)
    assert build.calls == 3
    load(tmp_path / "c", [source], build)
    assert build.calls == 3
    assert len(cache_files(tmp_path / "c")) == 1, "one installation keeps one file, rewritten"


def test_an_added_source_or_another_version_is_rebuilt(tmp_path, source):
    other = tmp_path / "other.txt"
    other.write_text("two", encoding="utf-8")
    build = Builder(DATA)
    load(tmp_path / "c", [source], build)
    load(tmp_path / "c", [source, other], build)
    load(tmp_path / "c", [source, other], build, version="2.0")
    assert build.calls == 3


def test_a_missing_source_is_built_and_not_stored(tmp_path):
    build = Builder(DATA)
    assert load(tmp_path / "c", [tmp_path / "gone.txt"], build) == DATA
    assert build.calls == 1 and not cache_files(tmp_path / "c")


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"not marshal at all",
        lambda data: marshal.dumps(["a", "list"]),  # marshal, but not an entry
        lambda data: data[:-3] + bytes([data[-3] ^ 0xFF]) + data[-2:],  # one byte of the data changed
    ],
    ids=["empty", "truncated", "garbage", "wrong-shape", "bit-flip"],
)
def test_a_damaged_file_is_rebuilt_and_rewritten(tmp_path, source, damage):
    build = Builder(DATA)
    load(tmp_path / "c", [source], build)
    (entry,) = cache_files(tmp_path / "c")
    entry.write_bytes(damage(entry.read_bytes()))
    assert load(tmp_path / "c", [source], build) == DATA
    assert build.calls == 2
    assert load(tmp_path / "c", [source], build) == DATA
    assert build.calls == 2, "the damaged file was replaced"


def test_a_folder_that_cannot_be_written_is_harmless(tmp_path, source):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    build = Builder(DATA)
    assert load(blocker / "c", [source], build) == DATA
    assert load(blocker / "c", [source], build) == DATA
    assert build.calls == 2


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a user that permissions apply to")
def test_a_read_only_folder_is_harmless(tmp_path, source):
    folder = tmp_path / "c"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        build = Builder(DATA)
        assert load(folder, [source], build) == DATA
        assert build.calls == 1 and not cache_files(folder)
    finally:
        folder.chmod(0o700)


def test_data_marshal_cannot_store_is_returned_unstored(tmp_path, source):
    import datetime as dt

    build = Builder({"when": dt.date(2025, 1, 1)})
    assert load(tmp_path / "c", [source], build) == {"when": dt.date(2025, 1, 1)}
    assert not cache_files(tmp_path / "c")


def test_the_default_folder_is_under_the_cache_dir(monkeypatch, tmp_path, source):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    startup_cache.load("test", [source], Builder(DATA))
    assert len(cache_files(tmp_path / "xdg" / "hypelint" / "startup")) == 1


# --- the shipped rule packs ------------------------------------------------------------


@pytest.fixture
def fresh_rules(monkeypatch, tmp_path):
    """The shipped packs loaded anew, with the start-up cache in a folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    rules._load_builtin.cache_clear()
    yield tmp_path / "xdg" / "hypelint" / "startup"
    rules._load_builtin.cache_clear()


def parsed_from_yaml(root: Path) -> list[rules.Rule]:
    """The shipped packs as reading every file gives them (no cache)."""
    found = []
    for pack in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        files = sorted(pack.glob("*.yaml")) + sorted(pack.glob("*.yml"))
        found.extend(rules.load_rule(path, pack.name, validate=False) for path in files)
    return found


def test_cached_rule_packs_are_the_parsed_ones(fresh_rules, monkeypatch):
    parsed = parsed_from_yaml(rules.builtin_packs_dir())
    cold = rules._load_builtin()
    assert len(cache_files(fresh_rules)) == 1
    rules._load_builtin.cache_clear()

    def no_parsing(path):
        raise AssertionError(f"{path} was parsed: the cache was not used")

    monkeypatch.setattr(rules, "read_rule_data", no_parsing)
    warm = rules._load_builtin()
    assert list(warm) == list(cold) == parsed


def test_an_edited_rule_file_invalidates_the_rule_cache(fresh_rules, monkeypatch, tmp_path):
    packs = tmp_path / "packs"
    shutil.copytree(rules.builtin_packs_dir(), packs, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(rules, "builtin_packs_dir", lambda: packs)
    first = {rule.code: rule for rule in rules._load_builtin()}
    edited = Path(first["HL101"].path)
    edited.write_text(edited.read_text(encoding="utf-8").replace("message:", "message: 'Edited' #", 1),
                      encoding="utf-8")  # fmt: skip
    rules._load_builtin.cache_clear()
    second = {rule.code: rule for rule in rules._load_builtin()}
    assert second["HL101"].message == "Edited"
    assert first["HL101"].message != "Edited"
    assert {code: rule for code, rule in second.items() if code != "HL101"} == {
        code: rule for code, rule in first.items() if code != "HL101"
    }


def test_a_new_rule_file_invalidates_the_rule_cache(fresh_rules, monkeypatch, tmp_path):
    packs = tmp_path / "packs"
    shutil.copytree(rules.builtin_packs_dir(), packs, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(rules, "builtin_packs_dir", lambda: packs)
    before = rules._load_builtin()
    original = Path(next(rule.path for rule in before if rule.code == "HL101"))
    (original.parent / "zz-copy.yaml").write_text(
        original.read_text(encoding="utf-8").replace("HL101", "HL998").replace("name: ", "name: copy", 1),
        encoding="utf-8",
    )
    rules._load_builtin.cache_clear()
    after = rules._load_builtin()
    assert len(after) == len(before) + 1 and any(rule.code == "HL998" for rule in after)


def test_a_damaged_rule_cache_still_gives_every_rule(fresh_rules):
    cold = rules._load_builtin()
    (entry,) = cache_files(fresh_rules)
    entry.write_bytes(b"\x00" * 100)
    rules._load_builtin.cache_clear()
    assert rules._load_builtin() == cold


def test_a_bad_shipped_rule_file_still_stops_the_run(fresh_rules, monkeypatch, tmp_path):
    packs = tmp_path / "packs"
    shutil.copytree(rules.builtin_packs_dir(), packs, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(rules, "builtin_packs_dir", lambda: packs)
    rules._load_builtin()  # cached while good
    bad = next(packs.rglob("*.yaml"))
    bad.write_text("code: [unclosed\n", encoding="utf-8")
    rules._load_builtin.cache_clear()
    with pytest.raises(rules.RuleError, match="invalid YAML"):
        rules._load_builtin()


def test_no_cache_still_uses_the_startup_cache_but_not_the_results_folder(hypelint, write, tmp_path):
    write("a.md", "Norvane's revolutionary model.\n")  # a word the CMU dictionary lacks: pyphen counts it
    xdg = tmp_path / "xdg"
    env = {"XDG_CACHE_HOME": str(xdg)}
    result = hypelint("check", "a.md", "--no-cache", "--cache-dir", tmp_path / "results", env=env)
    assert result.returncode == 1
    assert not (tmp_path / "results").exists()
    assert [p.name.split("-")[0] for p in cache_files(xdg / "hypelint" / "startup")] == ["pyphen", "rule"]
    again = hypelint("check", "a.md", "--no-cache", env=env)
    assert again.stdout == result.stdout and again.returncode == 1


# --- pyphen's patterns ------------------------------------------------------------------


@pytest.fixture
def dic(tmp_path) -> Path:
    """A copy of pyphen's English dictionary, free to edit."""
    import pyphen

    copy = tmp_path / "hyph_en_US.dic"
    shutil.copyfile(pyphen.LANGUAGES[pyphen.language_fallback("en_US")], copy)
    return copy


WORDS = ("norvane", "chatbot", "hyphenation", "anthropomorphising", "zeitgeisty", "a", "ab", "xylophonist")


def test_stored_patterns_are_pyphens_own(monkeypatch, tmp_path, dic):
    import pyphen

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    parsed = vars(pyphen.HyphDict(dic))
    cold = syllables._stored_patterns(pyphen, dic)
    assert len(cache_files(tmp_path / "xdg" / "hypelint" / "startup")) == 1

    def no_parsing(self, path):
        raise AssertionError("the patterns were parsed: the cache was not used")

    monkeypatch.setattr(pyphen.HyphDict, "__init__", no_parsing)
    warm = syllables._stored_patterns(pyphen, dic)
    assert type(warm) is pyphen.HyphDict
    assert vars(warm) == vars(cold) == parsed
    assert [warm.positions(word) for word in WORDS] == [cold.positions(word) for word in WORDS]


def test_an_edited_dictionary_invalidates_the_patterns(monkeypatch, tmp_path, dic):
    import pyphen

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    before = syllables._stored_patterns(pyphen, dic)
    assert "zzq" not in before.patterns
    with open(dic, "a", encoding=dic.read_bytes().split(b"\n", 1)[0].decode()) as out:
        out.write("z1zq\n")
    after = syllables._stored_patterns(pyphen, dic)
    assert after.patterns["zzq"] == (1, (1,))
    assert vars(after) == vars(pyphen.HyphDict(dic))


def test_counts_are_the_same_from_the_cache(monkeypatch, tmp_path):
    """The hyphenator the counts use, built cold and then from the cache, hyphenates as pyphen does."""
    import pyphen

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    uncached = pyphen.Pyphen(filename=path, cache=False)
    monkeypatch.delitem(pyphen.hdcache, path, raising=False)
    syllables._hyphenator.cache_clear()
    try:
        for _ in ("cold", "warm"):
            monkeypatch.delitem(pyphen.hdcache, path, raising=False)
            syllables._hyphenator.cache_clear()
            hyphenator = syllables._hyphenator()
            assert [hyphenator.positions(word) for word in WORDS] == [uncached.positions(word) for word in WORDS]
        assert len(cache_files(tmp_path / "xdg" / "hypelint" / "startup")) == 1
    finally:
        syllables._hyphenator.cache_clear()
