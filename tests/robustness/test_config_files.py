"""Configs, baselines and rule packs that are hostile: one line, never a traceback or a hang.

Issue 16, items 1 and 5 (the file half): every structured file hypelint is
given is read by one reader (hypelint/read/structured.py): a regular file of
bounded size (a FIFO or /dev/zero in its place is one line, never waited on
or read forever), UTF-8, nested at most MAX_DEPTH deep, and a config's shape
checked against a schema whose error names the key path. Each test below
reproduces a failure of the issue: a RecursionError, a MemoryError, a hang,
or (a rule file nested 100,000 deep) a segmentation fault. The property
tests generate configs of every shape and hold that each gives a Config or
one ConfigError line, never another exception.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hypelint.cli import main
from hypelint.config import ConfigError, config_from_data, forget, load_config_file, resolve_rules
from hypelint.filters.baseline import BaselineError, load_baseline
from hypelint.model import SEVERITIES
from hypelint.read.structured import MAX_DEPTH, StructuredError, parse_json, parse_toml, parse_yaml
from hypelint.runtime import cache

from .growth import assert_linear
from .house_rules import house_rule
from .conftest import file_state

fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
devices_only = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")

DRAFT = "A revolutionary model.\n"
HOUSE_RULE = house_rule("HL990", "house.banned-word", "params:\n  terms: [synergy]\n")


@pytest.fixture(autouse=True)
def fresh_configs():
    """Each run reads configs and packs afresh: these tests change them between runs in one process."""
    forget()
    yield
    forget()


def one_line(outcome, pattern: str) -> str:
    """The run stopped with exit 2 and one stderr line holding `pattern`."""
    assert outcome.code == 2, (outcome.code, outcome.stderr)
    assert len(outcome.errors) == 1, outcome.errors
    assert outcome.errors[0].startswith("hypelint: error: ") and pattern in outcome.errors[0], outcome.errors[0]
    return outcome.errors[0]


def nested(depth: int, opener: str = "[", closer: str = "]", inner: str = "") -> str:
    return opener * depth + inner + closer * depth


# --- configs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "config, error",
    [
        # RecursionError in the TOML parser, anywhere in the file
        (f"x = {nested(5000)}\n", "nested more than 64 levels deep"),
        (f"[rules.HL201.params]\nterms = {nested(3000)}\n", "nested more than 64 levels deep"),
        (f"[rules.HL201]\nparams = {nested(3000, '{a=', '}', '1')}\n", "nested more than 64 levels deep"),
        ("a" + ".a" * 5000 + " = 1\n", "nested more than 64 levels deep"),  # dotted keys: no recursion, still too deep
        # a wrong type deep inside: the key path says where
        ('[rules.HL201.params]\nterms = ["a", "b", "c", {x = 1}]\n',
         "key 'rules.HL201.params.terms[3]': must be a string, not a table"),
        ("[rules.HL201.params]\nsuggestions = { a = [1] }\n",
         "key 'rules.HL201.params.suggestions.a': must be a string, not an array"),
        ('select = ["HL201", 5]\n', "key 'select[1]': must be a string, not an integer"),
        ("[per-file-ignores]\n\"*.md\" = [true]\n", "key 'per-file-ignores.*.md[0]': must be a string, not a boolean"),
        ("[rules]\nHL201 = 5\n", "key 'rules.HL201': must be a table with 'severity' and 'params', not an integer"),
        ("[rules.HL201]\nparams = { date = 2024-01-01 }\n",
         "key 'rules.HL201.params.date': must be a string, number, boolean, list of strings or table of strings, "
         "not a date or time"),
        ("vocabulary = 1979-05-27T07:32:00\n", "key 'vocabulary': must be a table with the key 'accept', not a date"),
        ('"line\\nbreak" = 1\n', "unknown key 'line\\nbreak'"),  # escaped, still one line
        ("fail-on = " + "1" * 5000 + "\n", "invalid TOML (Exceeds the limit (4300 digits)"),  # a ValueError, not TOML's
        ('extend = "a\\u0000b"\n', "key 'extend': must not hold a NUL character (\\u0000)"),  # ValueError from the OS
    ],
    ids=["arrays", "param-arrays", "param-tables", "dotted-keys", "param-item", "param-table-item", "select-item",
         "per-file-ignores-item", "rule-not-table", "param-date", "vocabulary-date", "line-break-key", "huge-integer",
         "nul-in-path"],
)  # fmt: skip
def test_a_hostile_config_is_one_line(tmp_path, check, config, error):
    (tmp_path / "hypelint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    line = one_line(check("d.md"), error)
    assert str(tmp_path / "hypelint.toml") in line


@pytest.mark.parametrize("name", ["hypelint.toml", "pyproject.toml"])
def test_nesting_up_to_the_documented_depth_is_read_and_one_level_more_is_not(name):
    head = "[tool.other]\n" if name == "pyproject.toml" else ""
    levels = MAX_DEPTH - (3 if head else 1)  # the file's own table, and [tool.other]'s two
    assert parse_toml(f"{head}x = {nested(levels)}\n", name)
    with pytest.raises(StructuredError, match=f"^{name}: nested more than {MAX_DEPTH} levels deep$"):
        parse_toml(f"{head}x = {nested(levels + 1)}\n", name)


@fifo_only
@pytest.mark.parametrize("name", ["hypelint.toml", "pyproject.toml", ".hypelint.toml"])
def test_a_fifo_under_a_config_name_is_one_line_not_a_hang_nor_skipped(tmp_path, check, name):
    os.mkfifo(tmp_path / name)
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    one_line(check("d.md"), f"{tmp_path / name}: not a regular file")
    one_line(check("--config", name, "d.md"), f"{name}: not a regular file")


@devices_only
def test_dev_zero_as_a_config_is_one_line(tmp_path, check):
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    one_line(check("--config", "/dev/zero", "d.md"), "/dev/zero: not a regular file")
    os.symlink("/dev/zero", tmp_path / "hypelint.toml")
    one_line(check("d.md"), f"{tmp_path / 'hypelint.toml'}: not a regular file")
    (tmp_path / "house.toml").write_text('extend = "/dev/zero"\n', encoding="utf-8")
    one_line(check("--config", "house.toml", "d.md"), "/dev/zero: not a regular file")


def test_a_chain_of_extended_configs_is_bounded(tmp_path, check):
    """Each link of an `extend` chain recursed and looked back at every earlier one."""
    for length, outcome in ((32, 0), (33, 2)):
        folder = tmp_path / str(length)
        folder.mkdir()
        for i in range(length):
            text = f'extend = "c{i + 1}.toml"\n' if i < length - 1 else 'ignore = ["HL201"]\n'
            (folder / ("hypelint.toml" if i == 0 else f"c{i}.toml")).write_text(text, encoding="utf-8")
        (folder / "d.md").write_text(DRAFT, encoding="utf-8")
        ran = check(f"{length}/d.md")
        assert ran.code == outcome, ran.errors
    assert ran.errors == [f"hypelint: error: {folder / 'c31.toml'}: key 'extend': a chain of more than 32 config files"]


def test_a_config_over_the_size_limit_is_one_line(tmp_path, check):
    (tmp_path / "hypelint.toml").write_text("# padding\n" * 120_000, encoding="utf-8")
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    one_line(check("d.md"), "hypelint.toml: file too large")


# --- baselines -----------------------------------------------------------------------


@fifo_only
def test_a_fifo_as_the_baseline_is_one_line_not_a_hang(tmp_path, check):
    os.mkfifo(tmp_path / "b.json")
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    one_line(check("--baseline", "b.json", "d.md"), "baseline b.json: not a regular file")


@devices_only
def test_dev_zero_as_the_baseline_is_one_line_not_a_memory_error(tmp_path, check):
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    one_line(check("--baseline", "/dev/zero", "d.md"), "baseline /dev/zero: not a regular file")
    (tmp_path / "hypelint.toml").write_text('baseline = "/dev/zero"\n', encoding="utf-8")
    forget()
    one_line(check("d.md"), "baseline /dev/zero: not a regular file")


@pytest.mark.parametrize(
    "text, error",
    [
        ("[" * 100_000, "not a hypelint baseline: nested more than 64 levels deep"),
        ('{"schema_version": 1, "findings": [' + nested(100_000) + "]}",
         "not a hypelint baseline: nested more than 64 levels deep"),
        ('{"schema_version": 1, "findings": []}'.encode("utf-16"), "not valid UTF-8 (byte 0xff at offset 0)"),
    ],
    ids=["open-brackets", "deep-entry", "utf-16"],
)
def test_a_hostile_baseline_is_one_line(tmp_path, check, text, error):
    (tmp_path / "b.json").write_bytes(text if isinstance(text, bytes) else text.encode())
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    one_line(check("--baseline", "b.json", "d.md"), f"baseline b.json: {error}")


def test_a_baseline_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr("hypelint.filters.baseline.MAX_BYTES", 1000)
    (tmp_path / "b.json").write_text(json.dumps({"schema_version": 1, "findings": [], "pad": "x" * 2000}))
    with pytest.raises(BaselineError, match=r"b\.json: file too large"):
        load_baseline(str(tmp_path / "b.json"))


# --- rule packs ----------------------------------------------------------------------


def _house(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "house.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    (tmp_path / "hypelint.toml").write_text('rule-packs = ["pack"]\n', encoding="utf-8")
    (tmp_path / "d.md").write_text("Our synergy is strong.\n", encoding="utf-8")
    return pack


def _cached_run(tmp_path, capsys) -> tuple[int, list[str], set[str]]:
    """`hypelint check --format json d.md` with the results cache on: (exit, stderr lines, rules found)."""
    forget()
    capsys.readouterr()
    code = main(["check", "--cache-dir", str(tmp_path / "cache"), "--format", "json", "d.md"])
    out, err = capsys.readouterr()
    return code, err.splitlines(), {f["rule"] for f in json.loads(out)["findings"]} if out else set()


@fifo_only
def test_a_fifo_in_a_pack_sub_folder_does_not_hang_the_cached_run(tmp_path, check, capsys):
    pack = _house(tmp_path)
    (pack / "drafts").mkdir()
    os.mkfifo(pack / "drafts" / "stuck.yaml")
    for _ in range(2):  # a miss, then a hit
        code, errors, rules = _cached_run(tmp_path, capsys)
        assert (code, errors) == (1, []) and "HL990" in rules


@devices_only
def test_dev_zero_linked_into_a_pack_is_never_read_whole(tmp_path, check, capsys):
    pack = _house(tmp_path)
    (pack / "old").mkdir()
    os.symlink("/dev/zero", pack / "old" / "zero.yaml")  # beside the pack's rules: never loaded, never read
    code, errors, rules = _cached_run(tmp_path, capsys)
    assert (code, errors) == (1, []) and "HL990" in rules
    os.symlink("/dev/zero", pack / "zero.yaml")  # one of the pack's rule files: refused
    code, errors, _ = _cached_run(tmp_path, capsys)
    assert code == 2 and errors == [f"hypelint: error: {pack / 'zero.yaml'}: not a regular file"]
    os.remove(pack / "zero.yaml")
    os.symlink("/dev/zero", pack / "words.lexicon")
    (pack / "house.yaml").write_text(HOUSE_RULE.replace("terms: [synergy]", "lexicon: words.lexicon"))
    forget()
    assert check("d.md").errors == [f"hypelint: error: {pack / 'house.yaml'}: key 'params': {pack / 'words.lexicon'}: "
                                    "not a regular file"]  # fmt: skip


def test_the_rules_digest_reads_only_what_the_loader_reads(tmp_path):
    pack = _house(tmp_path)
    digest = cache._rules_digest.__wrapped__
    before = digest((str(pack),))
    (pack / "notes").mkdir()
    (pack / "notes" / "draft.yaml").write_text("anything", encoding="utf-8")
    assert digest((str(pack),)) == before
    (pack / "house.yaml").write_text(HOUSE_RULE.replace("synergy", "leverage"), encoding="utf-8")
    assert digest((str(pack),)) != before
    edited = digest((str(pack),))
    (pack / "big.yaml").write_bytes(b"#" * (300 * 1024))  # over the limit: the reason stands for it
    assert digest((str(pack),)) not in (before, edited)
    if hasattr(os, "mkfifo"):
        os.mkfifo(pack / "stuck.yaml")  # never opened: the digest returns, loading refuses it
        assert digest((str(pack),)) not in (before, edited)


def test_an_unreadable_pack_folder_is_left_to_the_loader_to_report(tmp_path, monkeypatch):
    """The digest is taken before the rules load: a folder it cannot list
    (root reads every folder, so the refusal is simulated) was a traceback."""
    _house(tmp_path)
    listed = cache.Path.iterdir

    def iterdir(folder):
        if folder.name == "pack":
            raise PermissionError(13, "Permission denied", str(folder))
        return listed(folder)

    monkeypatch.setattr(cache.Path, "iterdir", iterdir)
    assert cache._rules_digest.__wrapped__((str(tmp_path / "pack"),))


@pytest.mark.parametrize(
    "params, error",
    [
        (f"  terms: {nested(100_000)}\n", "nested more than 64 levels deep"),
        ("  terms:\n    " + "- " * 100_000 + "x\n", "nested more than 64 levels deep"),
        ("  terms: {}\n".format(nested(50_000, "{a: ", "}", "1")), "nested more than 64 levels deep"),
    ],
    ids=["flow-sequences", "block-sequences", "flow-mappings"],
)
def test_a_rule_file_nested_deep_is_one_line_not_a_crash(tmp_path, params, error):
    """libyaml's composer recursed in C: the interpreter died (SIGSEGV), so
    this one runs in a process of its own."""
    pack = _house(tmp_path)
    (pack / "house.yaml").write_text(HOUSE_RULE.split("params:")[0] + "params:\n" + params, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "hypelint", "check", "--no-cache", "d.md"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 2, result.stderr[-500:]
    # PyYAML 6.0.4 and later stop such nesting in their scanner, before the
    # loader counts it: their one line is as good as ours.
    line = f"hypelint: error: {pack / 'house.yaml'}: "
    assert re.fullmatch(re.escape(line) + rf"(?:{error}|line \d+: invalid YAML \(exceeded maximum nesting depth\))",
                        result.stderr.rstrip("\n")), result.stderr[-500:]


@pytest.mark.parametrize("line, error", [("reference: 2024-13-45", "invalid YAML (month must be in 1..12)"),
                                         ("reference: " + "1" * 5000, "invalid YAML (Exceeds the limit (4300 digits)")])
def test_a_rule_file_value_yaml_cannot_build_is_one_line(tmp_path, check, line, error):
    """YAML's constructor raised ValueError, which the loader did not expect: a traceback."""
    pack = _house(tmp_path)
    (pack / "house.yaml").write_text(HOUSE_RULE + line + "\n", encoding="utf-8")
    one_line(check("d.md"), f"{pack / 'house.yaml'}: {error}")


def test_yaml_aliases_cannot_nest_deeper_than_the_text_does():
    chain = "a0: &a0 [1]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}]\n" for i in range(1, 5000))
    with pytest.raises(StructuredError, match="nested more than 64 levels deep"):
        parse_yaml(chain + "topic: *a4999\n", "x.yaml")
    with pytest.raises(StructuredError, match="nested more than 64 levels deep"):
        parse_yaml("a: &a [*a]\n", "x.yaml")  # a cycle is as deep as can be
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))
    assert parse_yaml(laughs, "x.yaml")  # a billion leaves, but few objects: walked once each


def test_json_nesting_limit_matches_toml_and_yaml():
    assert parse_json(nested(MAX_DEPTH), "b.json")
    for parse, text in ((parse_json, nested(MAX_DEPTH + 1)), (parse_yaml, nested(MAX_DEPTH + 1)),
                        (parse_toml, "x = " + nested(MAX_DEPTH))):  # fmt: skip
        with pytest.raises(StructuredError, match="nested more than 64 levels deep"):
            parse(text, "f")


# --- properties: configs of every shape ------------------------------------------------

PROPERTY = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_NAMES = ["extend", "select", "ignore", "extend-select", "fail-on", "exclude", "per-file-ignores", "rules",
          "rule-packs", "vocabulary", "baseline", "docs-url", "accept", "severity", "params", "HL201", "HL101",
          "HL990", "terms", "exceptions", "cues", "regex", "suggestions", "lexicon", "*.md", "warning", ""]  # fmt: skip
_KEY = st.sampled_from(_NAMES) | st.text(st.characters(blacklist_categories=("Cs",)), max_size=6)
_TEXT = st.sampled_from(_NAMES + ["HL2", "promotional", "ALL", "error", "info", "never", "https://x.example/",
                                  "..", "/", "revolutionary", "(a+)+$", "[[:alpha:]]", "a\x00b", "~x"])  # fmt: skip
_LEAF = (_TEXT | st.text(st.characters(blacklist_categories=("Cs",)), max_size=8) | st.integers()
         | st.floats() | st.booleans() | st.dates() | st.datetimes())  # fmt: skip
_VALUE = st.recursive(_LEAF, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEY, inner, max_size=4),
                      max_leaves=12)  # fmt: skip
_PARAMS = st.dictionaries(st.sampled_from(["terms", "exceptions", "regex", "cues", "suggestions", "lexicon"]) | _KEY,
                          _VALUE, max_size=3)  # fmt: skip
_RULE = st.fixed_dictionaries({}, optional={"severity": st.sampled_from(SEVERITIES) | _VALUE, "params": _PARAMS | _VALUE})
_RULES = st.dictionaries(st.sampled_from(["HL201", "HL101", "HL301", "HL999"]) | _KEY, _RULE | _VALUE, max_size=3)
_SETTINGS = st.dictionaries(_KEY, _VALUE, max_size=5) | st.fixed_dictionaries(
    {}, optional={"rules": _RULES, "select": st.lists(_TEXT, max_size=3) | _VALUE, "fail-on": _TEXT | _VALUE,
                  "per-file-ignores": st.dictionaries(_TEXT, st.lists(_TEXT, max_size=2) | _VALUE, max_size=2),
                  "vocabulary": st.fixed_dictionaries({"accept": st.lists(_TEXT, max_size=2) | _VALUE}) | _VALUE,
                  "extend-select": _TEXT | _VALUE, "docs-url": _TEXT | _VALUE, "baseline": _TEXT | _VALUE})  # fmt: skip


def _config_or_one_line(make) -> None:
    """make() gives a Config whose rules resolve, or raises one ConfigError line; nothing else."""
    try:
        resolve_rules(make())
    except ConfigError as exc:
        assert str(exc) and len(str(exc).splitlines()) == 1, str(exc)


def toml(value) -> str:
    """A value as TOML (inline arrays and tables, so any nesting fits on one line)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(map(toml, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml(v)}" for k, v in value.items()) + "}"
    return value.isoformat()  # a date or datetime


@PROPERTY
@given(data=_SETTINGS)
def test_any_settings_give_a_config_or_one_config_error_line(tmp_path_factory, data):
    folder = tmp_path_factory.getbasetemp()
    _config_or_one_line(lambda: config_from_data(data, str(folder / "hypelint.toml"), str(folder)))


@PROPERTY
@given(data=_SETTINGS)
def test_any_config_file_gives_a_config_or_one_config_error_line(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "properties" / "hypelint.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text("".join(f"{json.dumps(key)} = {toml(value)}\n" for key, value in data.items()), encoding="utf-8")
    _config_or_one_line(lambda: load_config_file(path))


@PROPERTY
@given(keys=st.lists(st.sampled_from(["rules", "HL201", "params", "terms", "x"]), min_size=1, max_size=4),
       openers=st.lists(st.sampled_from(["[", "{a = "]), min_size=1, max_size=3000),
       leaf=st.sampled_from(["", "1", '"a"']))  # fmt: skip
def test_nesting_of_any_depth_anywhere_gives_a_config_or_one_line(tmp_path_factory, keys, openers, leaf):
    path = tmp_path_factory.getbasetemp() / "nesting" / "hypelint.toml"
    path.parent.mkdir(exist_ok=True)
    closers = "".join("]" if opener == "[" else "}" for opener in reversed(openers))
    value = "".join(openers) + (leaf or ("1" if openers[-1] != "[" else "")) + closers
    path.write_text(f"{'.'.join(keys)} = {value}\n", encoding="utf-8")
    _config_or_one_line(lambda: load_config_file(path))


@PROPERTY
@given(edits=st.lists(st.tuples(st.integers(0, 400), st.binary(max_size=3)), max_size=4))
def test_damaged_config_bytes_give_a_config_or_one_line(tmp_path_factory, edits):
    text = bytearray(b'select = ["promotional", "faq"]\nfail-on = "error"\n[rules.HL201]\nseverity = "info"\n'
                     b'params = { terms = ["revolutionary"], exceptions = [] }\n[per-file-ignores]\n"a.md" = ["HL2"]\n')
    for where, data in edits:
        text[where % len(text) : where % len(text) + len(data)] = data
    path = tmp_path_factory.getbasetemp() / "damaged" / "hypelint.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(bytes(text))
    _config_or_one_line(lambda: load_config_file(path))


def test_a_config_is_never_written(tmp_path, check):
    (tmp_path / "hypelint.toml").write_text("[rules.HL201.params]\nterms = " + nested(3000) + "\n")
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    before = file_state(tmp_path / "hypelint.toml")
    check("d.md")
    assert file_state(tmp_path / "hypelint.toml") == before


# --- growth: time linear in the size of a config or a baseline -----------------------

def test_a_config_of_thousands_of_selectors_costs_time_linear_in_its_size(tmp_path, monkeypatch):
    """A selector was checked against a set of every rule's names built anew
    for it, and each rule against every selector: 100,000 selectors took 30 s."""
    monkeypatch.setattr("hypelint.config.MAX_CONFIG_BYTES", 16 * 1024 * 1024)
    selectors = ["HL201", "promotional", "faq.unanswered-question", "HL3", "ALL"]

    def load(count: int):
        path = tmp_path / f"{count}" / "hypelint.toml"
        path.parent.mkdir()
        listed = ", ".join(f'"{selectors[i % len(selectors)]}"' for i in range(count))
        path.write_text(f"select = [{listed}]\nignore = [{listed}]\n[per-file-ignores]\n\"*.md\" = [{listed}]\n")

        def work():
            forget()
            config = load_config_file(path)
            resolve_rules(config)
            config.ignores_for("a.md")

        return work

    assert_linear(load, 20_000, "selectors")


def test_a_baseline_of_many_entries_loads_in_time_linear_in_its_size(tmp_path):
    def load(count: int):
        entries = [{"path": f"drafts/{i % 500}.md", "rule": "HL201", "fingerprint": f"{i:020x}", "excerpt": "best"}
                   for i in range(count)]  # fmt: skip
        path = tmp_path / f"{count}.json"
        path.write_text(json.dumps({"schema_version": 1, "findings": entries}))
        return lambda: load_baseline(str(path))

    assert_linear(load, 60_000, "baseline entries")
