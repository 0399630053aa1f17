"""Rules are data: loading and validating `rules/<pack>/<rule>.yaml`.

A rule file names a kind (the Python code that finds matches) and gives it
params; everything a user reads about the rule (message, description,
rationale, reference, examples) lives in the same file; a rule whose kind
writes the findings' messages itself has no `message`. Packs load once per
run; a bad file stops the run with one line naming the file and the key.
The shipped packs' parsed YAML is kept in the start-up cache
(startup_cache.py); house packs are read and validated on every run.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from hypelint.runtime import startup_cache
from hypelint.analysis.topics import TOPICS
from hypelint.kinds import KINDS, MESSAGE_FIELDS, kind_module
from hypelint.model import CATEGORIES, SEVERITIES, RuleInfo

SCOPES = ("prose", "all", "heading", "paragraph", "list_item", "table_cell", "blockquote", "caption", "title")
_REQUIRED = ("code", "name", "category", "severity", "kind", "description", "rationale")
# `message` is required as well, except of a rule whose kind writes every
# finding's message itself (its module says SUPPLIES_MESSAGE = True), where
# it is left out: a template there would never be used.
_OPTIONAL = ("message", "scope", "params", "examples", "reference", "default", "suggestion", "topic", "explicit")
_CODE = re.compile(r"HL\d{3}")
# A rule is a page of YAML; anything much larger is a mistake (or worse).
MAX_RULE_FILE_BYTES = 256 * 1024
_NAME = re.compile(r"[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+")


class RuleError(Exception):
    """A rule file that cannot be used; the message is one line."""


CASE_FORMATS = ("markdown", "html", "text")


@dataclass(frozen=True)
class Case:
    """One of a rule's examples: a draft and, for a case it must flag, the
    exact excerpts of its findings, in order (None: at least one finding).

    In YAML a case is a plain string (Markdown, read as of the test date) or
    a mapping: `text`, optional `flags` (the excerpts), `format` (markdown,
    html or text) and `date` (the story's date, YYYY-MM-DD)."""

    text: str
    flags: tuple[str, ...] | None = None
    format: str = "markdown"
    date: str | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    severity: str
    kind: str
    message: str  # the template for findings' messages; "" when the kind writes them
    description: str
    rationale: str
    pack: str
    path: str
    reference: str = ""
    scope: tuple[str, ...] = ("prose",)
    params: Any = None  # the kind's frozen params object
    raw_params: dict = field(default_factory=dict)
    examples: dict[str, tuple[Case, ...]] = field(default_factory=dict)  # "fail" and "pass"
    default: bool = True
    suggestion: str | None = None
    topic: str | None = None  # the rule runs only on pieces about this (analysis/topics.py, TOPICS)
    explicit: bool = False  # selected only by its code, name or a prefix of them, never by pack or category

    def info(self) -> RuleInfo:
        return RuleInfo(self.code, self.name, self.category, self.severity, self.description.strip(),
                        self.rationale.strip(), self.reference,
                        getattr(kind_module(self.kind), "WHOLE_PIECE", False))  # fmt: skip

    def with_overrides(self, severity: str | None = None, params: dict | None = None) -> "Rule":
        """The rule as a config adjusts it (severity, params merged over its own)."""
        from dataclasses import replace

        changes: dict[str, Any] = {}
        if severity:
            changes["severity"] = severity
        if params:
            merged = {**self.raw_params, **params}
            changes["params"] = _build_params(self.kind, merged, self.path)
            changes["raw_params"] = merged
        return replace(self, **changes) if changes else self


_CASE_KEYS = {"text", "flags", "format", "date"}
_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def _case(entry: Any, side: str, fail) -> Case:
    """A case from its YAML: a string, or a mapping of _CASE_KEYS."""
    where = f"examples.{side}"
    if isinstance(entry, str):
        return Case(entry)
    if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or set(entry) - _CASE_KEYS:
        raise fail(where, f"each case is a string or a mapping of {', '.join(sorted(_CASE_KEYS))} with a 'text' string")
    flags = entry.get("flags")
    if flags is not None:
        if side != "fail" or not isinstance(flags, list) or not all(isinstance(f, str) and f for f in flags):
            raise fail(where, "'flags' is a list of excerpts, and only for a case in 'fail'")
        flags = tuple(flags)
    fmt = entry.get("format", "markdown")
    if fmt not in CASE_FORMATS:
        raise fail(where, f"'format' is one of: {', '.join(CASE_FORMATS)}")
    date = entry.get("date")
    # Quoted: YAML reads a bare 2025-06-01 as a date, which the start-up cache cannot keep.
    if date is not None and not (isinstance(date, str) and _DATE.fullmatch(date)):
        raise fail(where, "'date' is a quoted 'YYYY-MM-DD'")
    return Case(entry["text"], flags, fmt, date)


def builtin_packs_dir() -> Path:
    """Where the shipped packs are: inside the installed package, or the checkout."""
    import importlib

    try:
        packs = importlib.import_module("hypelint.packs")
    except ModuleNotFoundError:  # running from a source tree that is not installed
        return Path(__file__).resolve().parents[2] / "rules"
    # `hypelint.packs` has no __init__.py, so it is a namespace package:
    # importlib.resources would give a MultiplexedPath, whose str() is no path.
    return Path(next(iter(packs.__path__)))


def load_packs(extra: Iterable[str | Path] = ()) -> list[Rule]:
    """Every rule of the built-in packs plus the given pack folders."""
    rules = list(_load_builtin())
    for folder in extra:
        rules.extend(_load_pack(Path(folder), validate=True))
    _check_unique(rules)
    return sorted(rules, key=lambda r: r.code)


@lru_cache(maxsize=1)
def _load_builtin() -> tuple[Rule, ...]:
    files = [(pack.name, path) for pack in _builtin_pack_folders() for path in _rule_files(pack)]
    # The shipped files parse to the same data on every run of an installation,
    # so that data is kept in the start-up cache, keyed on every file's size
    # and time: a run then neither imports nor runs the YAML parser (~25 ms
    # of linting one small file). The parser's own module stands for its
    # version (an upgrade rewrites it).
    parser = _yaml_module_file()
    parsed = startup_cache.load(
        "rule-packs",
        [path for _, path in files] + ([parser] if parser else []),
        lambda: [read_rule_data(path) for _, path in files],
    )
    # The shipped packs are compiled and run by the test suite; their
    # patterns compile on first use, so a run pays only for what it selects.
    return tuple(rule_from_data(data, str(path), pack, validate=False) for (pack, path), data in zip(files, parsed))


def _builtin_pack_folders() -> list[Path]:
    root = builtin_packs_dir()
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def _yaml_module_file() -> str | None:
    """The file of the `yaml` package, found without importing it (None if not found)."""
    from importlib.util import find_spec

    try:
        spec = find_spec("yaml")
    except (ImportError, ValueError):
        return None
    return spec.origin if spec is not None and spec.has_location else None


def _load_pack(folder: Path, validate: bool) -> list[Rule]:
    return [load_rule(path, folder.name, validate) for path in _rule_files(folder)]


def _rule_files(folder: Path) -> list[Path]:
    """A pack's rule files, in the order they load."""
    if not folder.is_dir():
        raise RuleError(f"{folder}: rule pack folder not found")
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not files:
        raise RuleError(f"{folder}: rule pack has no .yaml rule files")
    return files


def load_rule(path: Path, pack: str, validate: bool = True) -> Rule:
    return rule_from_data(read_rule_data(path), str(path), pack, validate)


def read_rule_data(path: Path) -> Any:
    """A rule file's YAML as plain data (checked by `rule_from_data`, not here).

    Read as every structured file is (read/structured.py): only a regular
    file of at most MAX_RULE_FILE_BYTES (a FIFO named x.yaml in a pack must
    not stall the run, nor /dev/zero linked there fill the memory), UTF-8,
    nested no deeper than MAX_DEPTH, with YAML's safe loader."""
    from hypelint.read.structured import StructuredError, parse_yaml, read_text

    try:
        return parse_yaml(read_text(str(path), MAX_RULE_FILE_BYTES, "YAML"), str(path))
    except StructuredError as exc:
        raise RuleError(str(exc)) from None


def rule_from_data(data: Any, path: str, pack: str, validate: bool = True) -> Rule:
    def fail(key: str, problem: str) -> RuleError:
        return RuleError(f"{path}: key '{key}': {problem}")

    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file must be a mapping of keys")
    for key in _REQUIRED:
        if key not in data:
            raise fail(key, "required key is missing")
    for key in data:
        if key not in _REQUIRED and key not in _OPTIONAL:
            raise fail(key, f"unknown key; allowed: {', '.join(_REQUIRED + _OPTIONAL)}")
    for key in ("code", "name", "description", "rationale", "kind", "category", "severity"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise fail(key, "must be a non-empty string")
    for key in ("reference", "suggestion"):  # checked, never str()-ed: YAML aliases can nest a bomb
        if data.get(key) is not None and not isinstance(data[key], str):
            raise fail(key, "must be a string")
    if not _CODE.fullmatch(data["code"]):
        raise fail("code", f"{data['code']!r} is not 'HL' followed by three digits")
    if not _NAME.fullmatch(data["name"]):
        raise fail("name", f"{data['name']!r} is not a dotted lowercase name such as 'promotional.hype-word'")
    if data["category"] not in CATEGORIES:
        raise fail("category", f"{data['category']!r} is not one of: {', '.join(CATEGORIES)}")
    if data["severity"] not in SEVERITIES:
        raise fail("severity", f"{data['severity']!r} is not one of: {', '.join(SEVERITIES)}")
    if data["kind"] not in KINDS:
        raise fail("kind", f"{data['kind']!r} is not one of: {', '.join(sorted(KINDS))}")
    message = _message(data, fail)
    if data.get("suggestion"):
        _check_template(data["suggestion"], "suggestion", data["kind"], fail)
    scope = data.get("scope", "prose")
    scope = (scope,) if isinstance(scope, str) else scope
    if not isinstance(scope, (list, tuple)) or not all(s in SCOPES for s in scope):
        raise fail("scope", f"must be one or a list of: {', '.join(SCOPES)}")
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise fail("params", "must be a mapping")
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"fail", "pass"}:
        raise fail("examples", "must be a mapping with 'fail' and 'pass' lists")
    if not all(isinstance(cases, list) for cases in examples.values()):
        raise fail("examples", "'fail' and 'pass' must be lists")
    examples = {side: tuple(_case(entry, side, fail) for entry in cases) for side, cases in examples.items()}
    default = data.get("default", True)
    if not isinstance(default, bool):
        raise fail("default", "must be true or false")
    explicit = data.get("explicit", False)
    if not isinstance(explicit, bool):
        raise fail("explicit", "must be true or false")
    topic = data.get("topic")
    if topic is not None and topic not in TOPICS:
        raise fail("topic", f"{topic!r} is not one of: {', '.join(TOPICS)}")
    return Rule(
        code=data["code"],
        name=data["name"],
        category=data["category"],
        severity=data["severity"],
        kind=data["kind"],
        message=message,
        description=data["description"],
        rationale=data["rationale"],
        pack=pack,
        path=path,
        reference=str(data.get("reference", "") or ""),
        scope=tuple(scope),
        params=_build_params(data["kind"], params, path, validate),
        raw_params=params,
        examples=examples,
        default=default,
        suggestion=data.get("suggestion"),
        topic=topic,
        explicit=explicit,
    )


def _message(data: dict, fail) -> str:
    """The rule's message template, or "" for a kind that supplies the messages."""
    if getattr(kind_module(data["kind"]), "SUPPLIES_MESSAGE", False):
        if "message" in data:
            raise fail("message", f"kind {data['kind']!r} writes each finding's message; leave 'message' out")
        return ""
    if "message" not in data:
        raise fail("message", "required key is missing")
    if not isinstance(data["message"], str) or not data["message"].strip():
        raise fail("message", "must be a non-empty string")
    _check_template(data["message"], "message", data["kind"], fail)
    return data["message"].strip()


def _check_template(template: str, key: str, kind: str, fail) -> None:
    """Refuse a message or suggestion the engine could not fill in for every
    finding: a stray brace, or a field other than a plain {name} of those
    the kind fills in (no positions, attributes, conversions or formats)."""
    fields = ("match", *MESSAGE_FIELDS.get(kind, ()))
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise fail(key, f"{exc}; write {{{{ or }}}} for a brace") from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in fields or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            offered = ", ".join("{" + field + "}" for field in fields)
            raise fail(key, f"{shown} is not a field kind {kind!r} fills in ({offered}); write {{{{ or }}}} for a brace")


def _build_params(kind: str, params: dict, path: str, validate: bool = True):
    from dataclasses import fields

    from hypelint.rules import lexicon

    try:
        params_class = kind_module(kind).Params
        # A lexicon file named in the params joins them here (lexicon.py).
        params = lexicon.expand(params, Path(path).parent, {f.name for f in fields(params_class)})
        built = params_class.from_dict(params)
        if validate:
            built.validate()
        return built
    except (TypeError, ValueError) as exc:
        raise RuleError(f"{path}: key 'params': {exc}") from None


def _check_unique(rules: list[Rule]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen and seen[key] != rule.path:
                raise RuleError(f"{rule.path}: key 'code': {key} is already defined in {seen[key]}")
            seen[key] = rule.path


# --- selection ----------------------------------------------------------------


def specificity(rule: Rule | RuleInfo, selector: str, pack: str | None = None) -> int:
    """How specifically a selector names a rule (0: it does not)."""
    if selector == "ALL":
        return 1
    if selector == rule.code or selector == rule.name:
        return 100
    if selector.startswith("HL") and rule.code.startswith(selector):
        return 10 + len(selector)
    if rule.name.startswith(selector + "."):
        return 10 + selector.count(".") + 1
    if selector == rule.category:
        return 5
    if selector == (pack if pack is not None else getattr(rule, "pack", None)):
        return 4
    return 0


def known_selector(selector: str, rules: Iterable[Rule]) -> bool:
    return selector in selector_names(rules)


def selector_names(rules: Iterable[Rule]) -> frozenset[str]:
    """Every selector that names at least one of the rules (those `specificity`
    scores above 0), plus every category: a set, so that a comment naming
    thousands of rules is checked in time linear in them."""
    names = {"ALL", *CATEGORIES}
    for rule in rules:
        names.update((rule.code, rule.name, rule.category, rule.pack))
        if rule.code.startswith("HL"):
            names.update(rule.code[:length] for length in range(2, len(rule.code)))
        parts = rule.name.split(".")
        names.update(".".join(parts[:count]) for count in range(1, len(parts)))
    return frozenset(names)
