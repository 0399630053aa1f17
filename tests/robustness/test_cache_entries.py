"""Results-cache entries that are not what the cache wrote: each is a miss.

A cache folder may be shared and written by others, so an entry is
untrusted input. Each test lints a draft once with the cache on (which
writes its entry), puts something else where that entry lies, and runs
`hypelint check` again: the report, stderr and exit code must be those of a
run without the cache, and the entry must be rewritten as the first run
wrote it. The bad entries are those of issue 16 (item 4): truncated, nested
100,000 deep, an unknown severity, values of the wrong type, nulls, a FIFO
or /dev/zero in place of the file; then a property test mutates a valid
entry every way it can (keys dropped, types changed, values nested, bytes
cut off) and asserts the same.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hypelint.cli import main
from hypelint.runtime import cache as cache_module

DRAFT = (
    "# A revolution\n\nThe most advanced AI ever built will replace radiologists within five years. "
    "Experts say it is game-changing.\n\n## Is it safe?\n\n## Next\n\nThe council met on Tuesday.\n"
)
FORMATS = ("rich", "json")


@dataclass
class Primed:
    """A draft linted once with the cache on: its one entry, and what a run without the cache gives."""

    entry: Path
    good: bytes  # the entry as the cache wrote it
    expected: tuple[int, str, str]  # (exit code, stdout, stderr) with --no-cache
    run: Callable[[], tuple[int, str, str]]  # the same check, with the cache

    def parsed(self) -> dict[str, Any]:
        return json.loads(self.good)

    def assert_a_miss(self) -> None:
        """A run now gives what a run without the cache gives, and leaves the entry rewritten."""
        assert self.run() == self.expected
        assert self.entry.is_file() and not self.entry.is_symlink()
        assert self.entry.read_bytes() == self.good


@pytest.fixture
def prime(tmp_path, capsys, monkeypatch) -> Callable[[str], Primed]:
    """prime(fmt) lints DRAFT in tmp_path with the cache on, in report format `fmt`."""
    monkeypatch.chdir(tmp_path)
    Path("draft.md").write_text(DRAFT, encoding="utf-8")

    def make(fmt: str) -> Primed:
        def check(*options: str) -> tuple[int, str, str]:
            capsys.readouterr()
            code = main(["check", "--jobs", "1", "--format", fmt, *options, "draft.md"])
            out, err = capsys.readouterr()
            return code, out, err

        def cached() -> tuple[int, str, str]:
            return check("--cache-dir", "cache")

        expected = check("--no-cache")
        assert cached() == expected
        (entry,) = Path("cache").resolve().rglob("*.json")
        return Primed(entry, entry.read_bytes(), expected, cached)

    return make


@pytest.fixture(params=FORMATS)
def primed(request, prime) -> Primed:
    return prime(request.param)


def compact(entry: Any) -> bytes:
    return json.dumps(entry, separators=(",", ":")).encode("utf-8")


def edited(entry: dict[str, Any], *path: str | int, value: Any) -> bytes:
    """The entry's bytes with the value at `path` (keys and list indexes) replaced."""
    *parents, last = path
    target = entry
    for step in parents:
        target = target[step]
    target[last] = value
    return compact(entry)


_PLACEHOLDER = "\u2063placeholder\u2063"


def raw(entry: dict[str, Any], *path: str | int, text: str) -> bytes:
    """The entry's bytes with `text`, as it is, at `path`: JSON that json.dumps would not write."""
    marked = edited(entry, *path, value=_PLACEHOLDER)
    return marked.replace(compact(_PLACEHOLDER), text.encode("utf-8"))


def finding(field: str) -> tuple[str | int, ...]:
    """The path of one field of the first finding (findings are stored as lists of field values)."""
    return ("findings", 0, cache_module._FINDING_FIELDS.index(field))


def nested(depth: int, inner: str = "") -> str:
    return "[" * depth + inner + "]" * depth


# Each makes the bytes of a bad entry from the good one, parsed.
BAD_ENTRIES: dict[str, Callable[[dict[str, Any]], bytes]] = {
    "truncated": lambda e: compact(e)[:-40],
    "cut after one byte": lambda e: b"{",
    "nested 100,000 deep": lambda e: nested(100_000).encode(),
    "objects nested 100,000 deep": lambda e: b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "findings nested 100,000 deep": lambda e: raw(e, "findings", text=nested(100_000)),
    "a line nested 100,000 deep": lambda e: raw(e, *finding("line"), text=nested(100_000, "3")),
    "a severity nobody knows": lambda e: edited(e, *finding("severity"), value="bogus"),
    "a category nobody knows": lambda e: edited(e, *finding("category"), value="bogus"),
    "a fail level nobody knows": lambda e: edited(e, "fail_on", value="bogus"),
    "a format nobody knows": lambda e: edited(e, "fmt", value="bogus"),
    "another schema": lambda e: edited(e, "schema", value=cache_module.SCHEMA + 1),
    "words as text": lambda e: edited(e, "words", value="25"),
    "a line as text": lambda e: edited(e, *finding("line"), value="3"),
    "a line as a float": lambda e: edited(e, *finding("line"), value=3.0),
    "a line as true": lambda e: edited(e, *finding("line"), value=True),
    "a message as a number": lambda e: edited(e, *finding("message"), value=5),
    "a suggestion as a list": lambda e: edited(e, *finding("suggestion"), value=["x"]),
    "a finding as an object": lambda e: edited(e, "findings", 0, value={"rule": "HL301"}),
    "a finding one field short": lambda e: edited(e, "findings", 0, value=e["findings"][0][:-1]),
    "findings as an object": lambda e: edited(e, "findings", value={}),
    "metrics as a list": lambda e: edited(e, "metrics", value=[]),
    "a grade as text": lambda e: edited(e, "metrics", "grade", value="6.75"),
    "a grade as an integer": lambda e: edited(e, "metrics", "grade", value=7),
    "a formula's grade as a list": lambda e: edited(e, "metrics", "grades", "smog", value=[8.84]),
    "grades missing": lambda e: edited(e, "metrics", "grades", value={"smog": 8.84}),
    "a grade not a number": lambda e: raw(e, "metrics", "grade", text="NaN"),
    "a grade past the largest float": lambda e: raw(e, "metrics", "grade", text="1e999"),
    "an offset of 5,000 digits": lambda e: raw(e, *finding("end_offset"), text="9" * 5000),
    "an offset past the text": lambda e: raw(e, *finding("end_offset"), text="9" * 40),
    "source as a number": lambda e: edited(e, "source", value=0),
    "the entry null": lambda e: b"null",
    "the severity null": lambda e: edited(e, *finding("severity"), value=None),
    "the line null": lambda e: edited(e, *finding("line"), value=None),
    "the path null": lambda e: edited(e, "path", value=None),
    "the findings null": lambda e: edited(e, "findings", value=None),
    "the metrics null": lambda e: edited(e, "metrics", value=None),
    "the words null": lambda e: edited(e, "words", value=None),
    "the fail level null": lambda e: edited(e, "fail_on", value=None),
    "a negative offset": lambda e: edited(e, *finding("offset"), value=-1),
    "an offset after its end": lambda e: edited(e, *finding("offset"), value=e["findings"][0][-4] + 1),
    "an end past the text": lambda e: edited(e, *finding("end_offset"), value=len(DRAFT) + 1),
    "line 0": lambda e: edited(e, *finding("line"), value=0),
    "column 0": lambda e: edited(e, *finding("column"), value=0),
    "an end line before the line": lambda e: edited(e, *finding("end_line"), value=e["findings"][0][6] - 1),
    "a finding of another file": lambda e: edited(e, *finding("path"), value="other.md"),
    "a key missing": lambda e: compact({k: v for k, v in e.items() if k != "fail_on"}),
    "a key too many": lambda e: edited(e, "extra", value=1),
    "not UTF-8": lambda e: compact(e).replace(b"The most", b"The \xff\xfe most", 1),
}


@pytest.mark.parametrize("bad", BAD_ENTRIES, ids=str)
def test_a_bad_entry_is_a_miss(primed, bad):
    primed.entry.write_bytes(BAD_ENTRIES[bad](primed.parsed()))
    primed.assert_a_miss()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_place_of_an_entry_is_a_miss(primed):
    primed.entry.unlink()
    os.mkfifo(primed.entry)  # opened for reading, it would wait for a writer forever
    primed.assert_a_miss()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_dev_zero_in_place_of_an_entry_is_a_miss(primed):
    primed.entry.unlink()
    primed.entry.symlink_to("/dev/zero")  # read whole, it would fill memory
    primed.assert_a_miss()


def test_a_folder_in_place_of_an_entry_is_a_miss(primed):
    primed.entry.unlink()
    primed.entry.mkdir()
    code, out, err = primed.run()  # a folder cannot be replaced by the entry: the run goes on without it
    assert (code, out, err) == primed.expected and primed.entry.is_dir()


def test_an_entry_over_the_size_limit_is_a_miss_and_not_read(primed):
    with open(primed.entry, "r+b") as handle:
        handle.truncate(cache_module.MAX_ENTRY_BYTES + 1)  # sparse: no disk used, and never read
    primed.assert_a_miss()


# --- any mutation of a valid entry ---------------------------------------------------------

# For a value of each JSON type, replacements of other types that no field holding it
# could take: a field that holds a string or a float may also be null, so those swaps
# are left out (they could make another valid entry, with another result).
_FOREIGN: dict[type, list[Any]] = {
    str: [0, 2.5, True, [], {}],
    int: ["3", 3.0, False, None, [3], {}],
    float: ["6.75", 6, True, [6.75], {}],
    type(None): [0, False, [], {}],
    list: [None, "[]", 0, {}],
    dict: [None, "{}", 0, []],
}


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    """Every path into a JSON value (keys of objects, indexes of lists), the root () first."""
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*path, index))
    return found


def _at(value: Any, path: tuple) -> Any:
    for step in path:
        value = value[step]
    return value


@st.composite
def mutated(draw, good: bytes) -> bytes:
    """A valid entry's bytes, changed in one way that leaves no valid entry."""
    entry = json.loads(good)
    how = draw(st.sampled_from(["drop", "retype", "nest", "truncate"]))
    if how == "truncate":
        return good[: draw(st.integers(0, len(good) - 1))]
    if how == "drop":
        # A key of an object, or a field of a finding (a finding is stored as a list);
        # never a whole finding: a result with one finding fewer is a valid result.
        holders = [p for p in _paths(entry) if isinstance(_at(entry, p), dict) and _at(entry, p)]
        holders += [("findings", index) for index in range(len(entry["findings"]))]
        holder = _at(entry, draw(st.sampled_from(holders)))
        del holder[draw(st.sampled_from(list(holder) if isinstance(holder, dict) else range(len(holder))))]
        return compact(entry)
    path = draw(st.sampled_from(_paths(entry)[1:]))
    original = _at(entry, path)
    if how == "retype":
        return edited(entry, *path, value=draw(st.sampled_from(_FOREIGN[type(original)])))
    depth = draw(st.sampled_from([1, 2, 30, 3000, 100_000]))
    return raw(entry, *path, text=nested(depth, compact(original).decode()))


@pytest.fixture
def primed_json(prime) -> Primed:
    return prime("json")


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,  # derandomized: nothing to remember between runs
    # The examples share one primed draft on purpose: each overwrites its entry.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_no_mutation_of_an_entry_changes_the_output(primed_json, data):
    primed_json.entry.write_bytes(data.draw(mutated(primed_json.good), label="entry"))
    primed_json.assert_a_miss()
