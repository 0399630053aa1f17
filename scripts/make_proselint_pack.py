#!/usr/bin/env python3
"""Write rules/proselint/: one hypelint rule per proselint check path.

    python scripts/make_proselint_pack.py [--out rules/proselint]

Each rule is named `proselint.<check path>` (underscores become hyphens, as
rule names require) and coded HL850 upwards in sorted path order. proselint
0.16 registers 124 checks under 106 paths; the checks that share a path
("cliches.misc.write_good" has five) are one rule, as they are one switch in
proselint's own config. The rules are in category `style`, off by default
(`--select proselint` turns them on) and use the kind `proselint-check`,
which supplies the message, so `message` is a placeholder.

Severity is `info`, except `warning` for what is wrong rather than a matter
of taste (WARNING_PATHS below): misspellings and nonwords, malapropisms and
mondegreens, a repeated word, editing notes left in the text, wrong plurals,
lower-case months and days, misspelt names, and slurs.

Description and rationale come from the check's message and its module's
docstring. Examples are found, not written: the script records the regular
expressions a check compiles while it runs, builds the simplest text each
one matches, places it in a short sentence and keeps the first sentence that
the rule flags when it runs through hypelint (Markdown parser, engine and
all). Checks that compile more patterns once a first one matches ("waxed"
must be seen before "waxed lyrically" is looked for) are probed again with
what they matched. The pass example is the fail example with proselint's
replacement applied when that is no longer flagged, or else the first
neutral sentence the rule leaves alone. A check for which no example is
found stops the script.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from hypelint.engine import lint_document  # noqa: E402
from hypelint.kinds.proselint_check import _checks_by_path  # noqa: E402
from hypelint.parsers import parse  # noqa: E402
from hypelint.rules.loader import rule_from_data  # noqa: E402

try:  # Python 3.11+
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

FIRST_CODE = 850
PROSELINT = "proselint 0.16"
REPOSITORY = "https://github.com/amperser/proselint"
WARNING_PATHS = (
    "annotations",
    "lexical_illusions",
    "malapropisms",
    "mondegreens",
    "nonwords",
    "spelling",
    "misc.false_plurals",
    "misc.capitalization.months",
    "misc.capitalization.days",
    "misc.institution_name",
    "social_awareness.nword",
    "social_awareness.lgbtq.offensive",
)
# Where a found phrase goes; the first sentence the rule flags is kept.
# The bare phrase comes last, for checks of paragraph starts ("But ...").
TEMPLATES = (
    "They wrote {} in the report.",
    "The report said {}.",
    "{} was in the report.",
    "{} {}",
    "{}",
)
# Sentences for the pass side when a fix cannot be derived from the failure.
NEUTRAL = (
    "The council approved the budget on Tuesday.",
    "It is a good day.",
)
# Text for checks that flag any word outside a list (restricted.*).
UNLISTED_WORDS = ("zeitgeist",)
_PROBE_ROUNDS = 4
_VARIANTS = 6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "rules" / "proselint"), help="folder to write (default: %(default)s)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.yaml"):
        old.unlink()
    modules = _modules_by_check()
    for number, path in enumerate(sorted(_checks_by_path()), start=FIRST_CODE):
        data = rule_data(path, f"HL{number:03d}", modules)
        text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
        (out / f"{path}.yaml").write_text(text, encoding="utf-8")
    print(f"wrote {len(_checks_by_path())} rules to {out} (HL{FIRST_CODE}-HL{number:03d})")
    return 0


def rule_data(path: str, code: str, modules: dict[int, object]) -> dict:
    """The rule file's content for one proselint check path, examples included."""
    checks = _checks_by_path()[path]
    title, source, body = _docstring(modules.get(id(checks[0])))
    messages = list(dict.fromkeys(_template(check.message) for check in checks))
    said = " ".join(f'"{message}"' for message in messages)
    data = {
        "code": code,
        "name": "proselint." + path.replace("_", "-"),
        "category": "style",
        "severity": "warning" if _under(path, WARNING_PATHS) else "info",
        "default": False,
        # proselint keeps its vocabulary-list checks off even when everything
        # else is on; here they run only when named ("--select proselint.restricted").
        **({"explicit": True} if path.startswith("restricted.") else {}),
        "kind": "proselint-check",
        "message": "{message}",
        "description": f"proselint's check `{path}`: {title}. Its message: {said}\n",
        "rationale": (f"{body}\n" if body and body.rstrip(".") != title else f"{title}.\n")
        + (f"proselint's source: {source}.\n" if source else ""),
        "reference": f"{PROSELINT}, check {path} ({REPOSITORY})",
        "scope": "all",
        "params": {"check": path},
    }
    rule = rule_from_data(data, f"rules/proselint/{path}.yaml", "proselint")
    failing, suggestion = _fail_example(rule, checks)
    data["examples"] = {"fail": [failing], "pass": [_pass_example(rule, failing, suggestion)]}
    return data


# --- examples -------------------------------------------------------------------


def _findings(rule, text: str):
    return lint_document(parse(text, "markdown", None), [rule])


def _fail_example(rule, checks) -> tuple[str, tuple[int, int, str] | None]:
    """The first sentence the rule flags, and the first finding's fix if any."""
    tried: set[str] = set()
    # Any word outside a word list would do; a real one reads better.
    seeds: list[str] = list(UNLISTED_WORDS) if _word_list(checks) else []
    phrases: list[str] = []
    for _ in range(_PROBE_ROUNDS):
        patterns: list[str] = []
        for phrase in [None, *phrases]:
            for check in checks:
                patterns += _patterns_compiled(check, phrase or "\n")
        fresh = [p for p in dict.fromkeys(_phrases(patterns)) if p not in tried]
        # Then two phrases together, for checks that want both spellings of
        # a word before they call either inconsistent.
        pairs = [f"{a} and {b}" for a, b in zip(fresh, fresh[1:])]
        for phrase in seeds + sorted(fresh, key=_plainness) + pairs:
            tried.add(phrase)
            for template in TEMPLATES:
                text = _sentence(template, phrase)
                found = _findings(rule, text)
                if found:
                    first = found[0]
                    fix = (first.offset, first.end_offset, first.suggestion) if first.suggestion else None
                    return text, fix
        # Nothing flagged yet: what was built may open the way to more
        # patterns (a check that looks for "waxed" before "waxed lyrically").
        phrases, seeds = fresh, []
    raise SystemExit(f"{rule.params.check}: no example found; tried {len(tried)} phrases")


def _pass_example(rule, failing: str, fix: tuple[int, int, str] | None) -> str:
    candidates = list(NEUTRAL)
    if fix:
        start, end, replacement = fix
        candidates.insert(0, failing[:start] + replacement + failing[end:])
    for text in candidates:
        if not _findings(rule, text):
            return text
    raise SystemExit(f"{rule.params.check}: every pass candidate is flagged")


def _sentence(template: str, phrase: str) -> str:
    text = template.format(phrase, phrase)
    return text[0].upper() + text[1:] if template.startswith("{}") and phrase[:1].islower() else text


def _plainness(phrase: str) -> tuple:
    """Plain words first, then short ones: they make readable examples."""
    return (bool(re.search(r"[^\w\s'’,.-]", phrase)), len(phrase) < 3, len(phrase), phrase)


def _word_list(checks) -> bool:
    from proselint.registry.checks.types import ReverseExistence

    return any(isinstance(check.check_type, ReverseExistence) for check in checks)


@contextmanager
def _recording(patterns: list[str]):
    """Record every pattern proselint's engines compile or add to a set."""
    from proselint.registry.checks import engine

    saved = {}

    def wrap_compiled(cls):
        original = saved[cls, "compiled_pattern"] = cls.compiled_pattern

        def compiled_pattern(self, pattern):
            patterns.append(pattern)
            return original(self, pattern)

        cls.compiled_pattern = compiled_pattern

    def wrap_set(cls):
        original = saved[cls, "__init__"] = cls.__init__

        def __init__(self, engine_, padding, items, *rest):
            patterns.extend(padding.format(item) for item in items)
            original(self, engine_, padding, items, *rest)

        cls.__init__ = __init__

    wrap_compiled(engine.Fast)
    wrap_compiled(engine.Fancy)
    wrap_set(engine.FastSet)
    wrap_set(engine.FancySet)
    try:
        yield
    finally:
        for (cls, name), original in saved.items():
            setattr(cls, name, original)


def _patterns_compiled(check, text: str) -> list[str]:
    patterns: list[str] = []
    with _recording(patterns):
        list(check.check_with_flags(f"\n{text}\n"))
    return patterns


def _phrases(patterns: list[str]) -> list[str]:
    """Texts that the patterns match: a few per pattern, one per alternative."""
    phrases = []
    for pattern in patterns:
        for variant in range(_VARIANTS):
            try:
                text = _Example(variant).build(sre_parse.parse(pattern))
            except (re.error, _NoExample):
                break
            if text.strip():
                phrases.append(text)
    return phrases


class _NoExample(Exception):
    """The pattern uses something the example builder does not handle."""


class _Example:
    """The simplest text a parsed regex matches; `variant` picks the nth
    alternative of the first alternation met, so one pattern yields several."""

    def __init__(self, variant: int):
        self.variant = variant
        self.branched = False
        self.groups: dict[int, str] = {}

    def build(self, parsed) -> str:
        return "".join(self.node(op, arg) for op, arg in parsed)

    def node(self, op, arg) -> str:
        p = sre_parse
        if op is p.LITERAL:
            return chr(arg)
        if op is p.NOT_LITERAL:
            return "b" if chr(arg) == "a" else "a"
        if op is p.ANY:
            return "a"
        if op is p.IN:
            return self.char_in(arg)
        if op is p.CATEGORY:
            return _CATEGORY.get(str(arg), "a")
        if op is p.BRANCH:
            alternatives = arg[1]
            pick = 0
            if not self.branched:
                self.branched = True
                if self.variant >= len(alternatives):
                    raise _NoExample
                pick = self.variant
            return self.build(alternatives[pick])
        if op is p.SUBPATTERN:
            group, _, _, inner = arg
            text = self.build(inner)
            if group:
                self.groups[group] = text
            return text
        if op in (p.MAX_REPEAT, p.MIN_REPEAT, getattr(p, "POSSESSIVE_REPEAT", None)):
            low, _, inner = arg
            return "".join(self.build(inner) for _ in range(low))
        if op is p.GROUPREF:
            return self.groups.get(arg, "")
        if op in (p.AT, p.ASSERT, p.ASSERT_NOT):
            return ""
        if op is getattr(p, "ATOMIC_GROUP", None):
            return self.build(arg)
        raise _NoExample

    @staticmethod
    def char_in(items) -> str:
        """A plain character in a class: a letter, a digit, a space or a dash."""
        negated = bool(items) and items[0][0] is sre_parse.NEGATE
        members = items[1:] if negated else items
        for char in "aA1 -/.'":
            if any(_member(char, op, arg) for op, arg in members) != negated:
                return char
        op, arg = members[0] if members else (None, None)
        if not negated and op is sre_parse.LITERAL:
            return chr(arg)
        if not negated and op is sre_parse.RANGE:
            return chr(arg[0])
        raise _NoExample


def _member(char: str, op, arg) -> bool:
    p = sre_parse
    if op is p.LITERAL:
        return char == chr(arg)
    if op is p.RANGE:
        return arg[0] <= ord(char) <= arg[1]
    if op is p.CATEGORY:
        return bool(_CATEGORY_PATTERN[str(arg)].fullmatch(char))
    raise _NoExample


_CATEGORY = {
    "CATEGORY_DIGIT": "1",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "a",
    "CATEGORY_WORD": "a",
    "CATEGORY_NOT_WORD": " ",
}
_CATEGORY_PATTERN = {
    name: re.compile(pattern)
    for name, pattern in (
        ("CATEGORY_DIGIT", r"\d"),
        ("CATEGORY_NOT_DIGIT", r"\D"),
        ("CATEGORY_SPACE", r"\s"),
        ("CATEGORY_NOT_SPACE", r"\S"),
        ("CATEGORY_WORD", r"\w"),
        ("CATEGORY_NOT_WORD", r"\W"),
    )
}


# --- documentation ----------------------------------------------------------------


def _modules_by_check() -> dict[int, object]:
    """The module that defines each check (the deepest whose register has it)."""
    import proselint.checks

    found: dict[int, object] = {}
    names = [info.name for info in pkgutil.walk_packages(proselint.checks.__path__, "proselint.checks.")]
    for name in sorted(names, key=lambda n: n.count(".")):  # deeper modules overwrite their packages
        module = importlib.import_module(name)
        for check in getattr(module, "__register__", ()):
            found[id(check)] = module
    return found


def _docstring(module) -> tuple[str, str, str]:
    """(title, source, body) of a proselint check module's docstring."""
    doc = (getattr(module, "__doc__", None) or "").strip()
    if not doc:
        return "no description", "", ""
    title, _, rest = doc.partition("\n")
    rest = re.sub(r"(?ms)^---$.*?^---$", lambda m: m.group(0).strip("-"), rest)
    meta = dict(re.findall(r"(?m)^(\w+):[ \t]*(.*?)\s*$", rest))
    body = re.sub(r"(?m)^\w+:[ \t]*.*$\n?", "", rest).strip()
    body = "\n".join(line.lstrip("> ").rstrip() for line in body.splitlines())
    source = meta.get("source", "")
    if meta.get("source_url") and meta["source_url"] not in ("???", ""):
        source = f"{source} ({meta['source_url']})" if source else meta["source_url"]
    return title.strip().rstrip("."), source.strip(), " ".join(body.split())


def _template(message: str) -> str:
    """A proselint message with its blanks shown as '…'."""
    return re.sub(r"\{\d*\}", "…", message)


def _under(path: str, prefixes: tuple[str, ...]) -> bool:
    return any(path == prefix or path.startswith(prefix + ".") for prefix in prefixes)


class _Dumper(yaml.SafeDumper):
    """Block style for text with line breaks, so rule files read well."""


_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None),
)


if __name__ == "__main__":
    sys.exit(main())
