"""Configuration: where it is found, what keys it takes, which rules it selects.

hypelint reads `[tool.hypelint]` in pyproject.toml, or hypelint.toml /
.hypelint.toml, looking upward from each linted file (the nearest wins);
`--config FILE` overrides the search. Relative paths and globs in a config
file are relative to its folder. A config may `extend` another (a house
configuration shared by many repositories), as Ruff's do: its own keys win.
A config file is read as every structured file is (read/structured.py: a
regular file of at most MAX_CONFIG_BYTES, UTF-8, nested at most MAX_DEPTH
deep) and its shape checked against SCHEMA. Any unknown key or bad value,
a missing extended file or a cycle of them stops the run with one line
naming the file, the key path and what is allowed.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from hypelint.model import SEVERITIES
from hypelint.read.structured import (Array, OneOf, Shape, StructuredError, Table, Text, kind_of, one_line,
                                      parse_toml, read_text)  # fmt: skip
from hypelint.rules.loader import Rule, RuleError, load_packs, selector_names, specificity

CONFIG_FILES = ("hypelint.toml", ".hypelint.toml", "pyproject.toml")
FAIL_LEVELS = SEVERITIES + ("never",)
# A config is a page of settings; a larger file, or a longer chain of
# files extending one another, is a mistake (or worse).
MAX_CONFIG_BYTES, MAX_EXTENDS = 1024 * 1024, 32

# The shape of a file's settings, checked before any value is used: a value
# of the wrong type anywhere is one line naming its key path. What the
# values mean (a known level, a folder that exists) is checked after.
_STRINGS = OneOf("a list of strings", Text("a string"), Array("a list of strings", Text("a string")))
# A rule's params are a kind's (kinds/params.py): scalars, lists of strings
# and tables of strings; the kind then checks their names and meaning.
_STRING = Shape("a string", (str,))
_PARAM = OneOf(
    "a string, number, boolean, list of strings or table of strings",
    _STRING, Shape("a number", (int, float)), Shape("a boolean", (bool,)),
    Array("a list of strings", _STRING), Table("a table of strings", values=_STRING),
)  # fmt: skip
_RULE = Table("a table with 'severity' and 'params'", {"severity": Text("a severity name"),
                                                        "params": Table("a table", values=_PARAM)})  # fmt: skip
SCHEMA = Table("a table of settings", {
    "extend": Text("the path of a config file"),
    "select": _STRINGS,
    "ignore": _STRINGS,
    "extend-select": _STRINGS,
    "fail-on": Text(f"a level ({', '.join(FAIL_LEVELS)})"),
    "exclude": _STRINGS,
    "per-file-ignores": Table("a table of glob = [selectors]", values=_STRINGS),
    "rules": Table("a table of rule codes, e.g. [rules.HL201]", values=_RULE),
    "rule-packs": _STRINGS,
    "vocabulary": Table("a table with the key 'accept'", {"accept": _STRINGS}),
    "baseline": Text("the path of a baseline file"),
    "docs-url": Text("an http(s) address, the folder that holds rules.md"),
})  # fmt: skip


class ConfigError(Exception):
    """A config that cannot be used; the message is one line (a line break
    in a key or value it quotes is escaped)."""

    def __init__(self, message: str):
        super().__init__(one_line(message))


@dataclass(frozen=True)
class Config:
    path: str | None = None  # the file it was read from; None for defaults
    root: str = "."  # folder that relative globs and paths start from
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    fail_on: str = "warning"
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rule_settings: tuple[tuple[str, str | None, str], ...] = ()  # (code, severity, params as JSON)
    rule_packs: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    # Selectors given on the command line, kept apart so an unknown one is
    # blamed on the option rather than on the config file: (option, selectors).
    cli_selectors: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The date a draft without one in its front matter is read as of
    # ("the future" is what comes after it); None means today.
    date: dt.date | None = None
    # A baseline file (baseline.py): findings recorded in it are not reported.
    baseline: str | None = None
    # Where the rule reference is published (docs_url.py); None: the default.
    docs_url: str | None = None
    # With `extend`: the files extended, nearest first, and the file each key
    # was set in, (key, file), for `hypelint config --show`.
    extends: tuple[str, ...] = ()
    set_in: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    def with_cli(self, select=None, ignore=(), extend_select=(), fail_on=None, date=None) -> "Config":
        """Command-line options over the file's settings (Ruff's precedence)."""
        given = (("--select", tuple(select or ())), ("--ignore", tuple(ignore)), ("--extend-select", tuple(extend_select)))
        return replace(
            self,
            select=tuple(select) if select is not None else self.select,
            ignore=self.ignore + tuple(ignore),
            extend_select=self.extend_select + tuple(extend_select),
            fail_on=fail_on or self.fail_on,
            date=date or self.date,
            cli_selectors=self.cli_selectors + tuple((option, s) for option, s in given if s),
        )

    def is_excluded(self, path: str) -> bool:
        return any(_glob_match(pattern, path, self.root) for pattern in self.exclude)

    def ignores_for(self, path: str) -> tuple[str, ...]:
        found: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            if _glob_match(pattern, path, self.root):
                found.extend(selectors)
        return tuple(dict.fromkeys(found))  # each once: every finding is tested against each

    def describe(self) -> dict[str, Any]:
        """The settings as `hypelint config --show` prints them."""
        shown = {
            "config-file": self.path or "(none: defaults)",
            "select": list(self.select) if self.select is not None else "(rules on by default)",
            "extend-select": list(self.extend_select),
            "ignore": list(self.ignore),
            "fail-on": self.fail_on,
            "exclude": list(self.exclude),
            "per-file-ignores": {p: list(s) for p, s in self.per_file_ignores},
            "rules": {code: {"severity": sev, "params": json.loads(params)} for code, sev, params in self.rule_settings},
            "rule-packs": list(self.rule_packs),
            "vocabulary": {"accept": list(self.accept)},
        }
        if self.baseline:
            shown["baseline"] = self.baseline
        if self.docs_url:
            shown["docs-url"] = self.docs_url
        if self.extends:
            shown["extends"] = list(self.extends)
            shown["set-in"] = dict(self.set_in)
        return shown


def _glob_match(pattern: str, path: str, root: str) -> bool:
    absolute = os.path.abspath(path)
    try:
        relative = Path(os.path.relpath(absolute, os.path.abspath(root))).as_posix()
    except ValueError:  # another drive on Windows
        relative = Path(absolute).as_posix()
    candidates = {relative, Path(path).as_posix(), Path(path).name}
    if pattern.endswith("/**"):
        base = pattern[:-3]
        if any(c == base or c.startswith(base + "/") for c in candidates):
            return True
    return any(fnmatch.fnmatchcase(c, pattern) for c in candidates)


# --- reading files -------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    """A config file's TOML, read as every structured file is (read/structured.py)."""
    try:
        return parse_toml(read_text(str(path), MAX_CONFIG_BYTES, "TOML"), str(path))
    except StructuredError as exc:
        raise ConfigError(str(exc)) from None


def _settings_in(path: Path) -> dict[str, Any] | None:
    """The hypelint settings of a config file: all of hypelint.toml or
    .hypelint.toml, the [tool.hypelint] table of pyproject.toml (None when
    it has none: a `tool` that is no table has none either)."""
    data = _read_toml(path)
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool")
    if not isinstance(tool, dict) or "hypelint" not in tool:
        return None
    if not isinstance(tool["hypelint"], dict):
        found = kind_of(tool["hypelint"])
        raise ConfigError(f"{path}: key 'tool.hypelint': must be a table, [tool.hypelint], not {found}")
    return tool["hypelint"]


def load_config_file(path: str | os.PathLike) -> Config:
    path = Path(path)
    if not os.path.lexists(path):
        raise ConfigError(f"{path}: config file not found")
    return config_from_data(_settings_in(path) or {}, str(path), str(path.parent))


def config_from_data(data: dict[str, Any], path: str, root: str) -> Config:
    """The config of a file's settings, laid over those of the files it
    `extend`s: a key the file sets replaces the extended file's value whole.
    Paths the settings name (rule packs, a baseline) are relative to the
    file that names them; globs, to `root`, the folder of the file found."""
    values, set_in, chain = _extended(data, path, ())
    return Config(path=path, root=root, extends=chain[1:], set_in=tuple(set_in.items()), **values)


def _extended(
    data: dict[str, Any], path: str, seen: tuple[str, ...]
) -> tuple[dict[str, Any], dict[str, str], tuple[str, ...]]:
    """A file's settings over those of the chain it extends: (Config field
    values, the file each key was set in, the chain of files from this one)."""
    values: dict[str, Any] = {}
    set_in: dict[str, str] = {}
    chain: tuple[str, ...] = ()
    seen = seen + (path,)
    try:
        SCHEMA.check(data, "")
    except StructuredError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    if "extend" in data:
        target = os.path.normpath(os.path.join(os.path.dirname(path), os.path.expanduser(data["extend"].strip())))
        if len(seen) >= MAX_EXTENDS:  # each link costs a frame of this recursion and a look at every earlier one
            raise ConfigError(f"{path}: key 'extend': a chain of more than {MAX_EXTENDS} config files")
        if any(os.path.realpath(target) == os.path.realpath(earlier) for earlier in seen):
            raise ConfigError(f"{path}: key 'extend': a cycle: {' -> '.join(seen + (target,))}")
        if not os.path.lexists(target):
            raise ConfigError(f"{path}: key 'extend': config file {target} not found")
        settings = _settings_in(Path(target))
        if settings is None:
            raise ConfigError(f"{path}: key 'extend': {target} has no [tool.hypelint] table")
        values, set_in, chain = _extended(settings, target, seen)
    values.update(_values_from(data, path, str(Path(path).parent)))
    set_in.update((key, path) for key in data if key != "extend")
    return values, set_in, (path,) + chain


def _values_from(data: dict[str, Any], path: str, root: str) -> dict[str, Any]:
    """The Config field values one file sets (its shape checked already,
    against SCHEMA), their meaning checked; paths joined to `root`."""

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{path}: key '{key}': {problem}")

    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("select", "ignore", "extend-select", "exclude"):
            values[key.replace("-", "_")] = _strings(value)
        elif key == "fail-on":
            if value not in FAIL_LEVELS:
                raise fail(key, f"{value!r} is not one of: {', '.join(FAIL_LEVELS)}")
            values["fail_on"] = value
        elif key == "per-file-ignores":
            values["per_file_ignores"] = tuple((glob, _strings(selectors)) for glob, selectors in value.items())
        elif key == "rule-packs":
            values["rule_packs"] = tuple(os.path.join(root, p) for p in _strings(value))
            for folder in values["rule_packs"]:
                if not os.path.isdir(folder):
                    raise fail(key, f"rule pack folder {folder} not found")
        elif key == "vocabulary":
            values["accept"] = _strings(value.get("accept", []))
        elif key == "rules":
            values["rule_settings"] = _rule_settings(value, fail)
        elif key == "baseline":
            # Not required to exist yet: `hypelint baseline` writes it there.
            values["baseline"] = os.path.join(root, value.strip())
        elif key == "docs-url":
            if not value.strip().startswith(("http://", "https://")):
                raise fail(key, "must be an http(s) address, the folder that holds rules.md")
            values["docs_url"] = value.strip()
    return values


def _strings(value: str | list[str]) -> tuple[str, ...]:
    """A string or a list of them (SCHEMA's _STRINGS), as a tuple of stripped strings."""
    return tuple(v.strip() for v in ([value] if isinstance(value, str) else value))


def _rule_settings(value: dict[str, Any], fail) -> tuple:
    settings = []
    for code, table in value.items():
        severity = table.get("severity")
        if severity is not None and severity not in SEVERITIES:
            raise fail(f"rules.{code}.severity", f"{severity!r} is not one of: {', '.join(SEVERITIES)}")
        # Kept as canonical JSON so the Config stays hashable (it keys caches).
        settings.append((code, severity, json.dumps(table.get("params", {}), sort_keys=True)))
    return tuple(settings)


@lru_cache(maxsize=None)
def _config_in(folder: str) -> Config | None:
    """The config defined in this folder itself, if any."""
    for name in CONFIG_FILES:
        candidate = Path(folder) / name
        # Whatever stands under a config's name is read, or refused with one
        # line (a FIFO, a device, a dangling link): never skipped in silence.
        if not os.path.lexists(candidate) or candidate.is_dir():
            continue
        settings = _settings_in(candidate)
        if settings is None:  # a pyproject.toml that says nothing about hypelint: the search goes on
            continue
        return config_from_data(settings, str(candidate), str(candidate.parent))
    return None


@lru_cache(maxsize=None)
def discover(folder: str) -> Config:
    """The nearest config at or above a folder; defaults when there is none."""
    found = _config_in(folder)
    if found:
        return found
    parent = os.path.dirname(folder)
    if parent == folder:
        return Config()
    return discover(parent)


def config_for(path: str | None, explicit: str | None = None) -> Config:
    """The config that applies to a file (or to the current folder for stdin)."""
    if explicit:
        return _explicit(os.path.abspath(explicit))
    folder = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
    return discover(folder)


@lru_cache(maxsize=None)
def _explicit(path: str) -> Config:
    return load_config_file(path)


def forget() -> None:
    """Drop every config read so far: a long-running process (the language
    server) calls it when a config file has changed."""
    for cache in (_config_in, discover, _explicit, resolve_rules):
        cache.cache_clear()


# --- rule selection --------------------------------------------------------------


@lru_cache(maxsize=32)
def resolve_rules(config: Config) -> tuple[Rule, ...]:
    """The rules a config turns on, with its severity and param overrides."""
    try:
        rules = load_packs(config.rule_packs)
    except RuleError as exc:
        raise ConfigError(str(exc)) from None
    source = config.path or "command line"
    known = selector_names(rules)  # once: a config may list thousands of selectors

    def check(where: str, selectors: tuple[str, ...]) -> None:
        for selector in selectors:
            if selector not in known:
                raise ConfigError(f"{where}: unknown rule selector {selector!r}; "
                                  "use a code (HL101), a code prefix, a rule name, a category or a pack")  # fmt: skip

    # The command line's selectors first: whatever fails after them is the file's.
    for option, selectors in config.cli_selectors:
        check(f"command line: option '{option}'", selectors)
    for key, selectors in (("select", config.select or ()), ("ignore", config.ignore),
                           ("extend-select", config.extend_select)):  # fmt: skip
        check(f"{source}: key '{key}'", selectors)
    for glob, selectors in config.per_file_ignores:
        check(f"{source}: key 'per-file-ignores.{glob}'", selectors)
    by_code = {rule.code: rule for rule in rules}
    for code, _, _ in config.rule_settings:
        if code not in by_code:
            raise ConfigError(f"{source}: key 'rules.{code}': no rule has this code")
    # Each selector once (repeating one changes nothing), so that the work is
    # rules x distinct selectors, however long the lists.
    select = None if config.select is None else tuple(dict.fromkeys(config.select))
    extend_select, ignore = tuple(dict.fromkeys(config.extend_select)), tuple(dict.fromkeys(config.ignore))
    chosen = []
    for rule in rules:
        if not _enabled(rule, select, extend_select, ignore):
            continue
        for code, severity, params in config.rule_settings:
            if code == rule.code:
                try:
                    rule = rule.with_overrides(severity, json.loads(params))
                except RuleError as exc:
                    raise ConfigError(f"{source}: key 'rules.{code}.params': {str(exc).split(': ', 2)[-1]}") from None
        chosen.append(rule)
    return tuple(chosen)


def _enabled(rule: Rule, select: tuple[str, ...] | None, extend_select: tuple, ignore: tuple) -> bool:
    """Ruff's rule: the most specific selector decides; ignore wins a tie."""
    if select is None:
        chosen = 1 if rule.default else 0
    else:
        chosen = max((specificity(rule, s) for s in select), default=0)
    chosen = max([chosen] + [specificity(rule, s) for s in extend_select])
    ignored = max((specificity(rule, s) for s in ignore), default=0)
    if rule.explicit and chosen < 12:
        # A pack, a category, ALL or the pack's name ("proselint") does not
        # reach it; its code, its name or a longer prefix of it does.
        return False
    return chosen > 0 and chosen > ignored
