"""The commands that show what hypelint knows rather than lint: `rules`
(every rule, as a table, JSON or the Markdown reference), `explain` (one
rule, with its examples) and `config` (the settings that apply to a path)."""

from __future__ import annotations

import json
import os
import sys

from hypelint.commands.errors import EXIT_OK, UsageError
from hypelint.config import config_for, resolve_rules
from hypelint.reporters import printable
from hypelint.rules.loader import load_packs


def _all_rules(config_file: str | None):
    config = config_for(None, config_file)
    return load_packs(config.rule_packs), config


def list_rules(args) -> int:
    rules, config = _all_rules(args.config)
    enabled = {rule.code for rule in resolve_rules(config)}
    if args.pack:
        rules = [rule for rule in rules if rule.pack == args.pack]
        if not rules:
            raise UsageError(f"no rule pack is called {args.pack!r} (`hypelint rules --format json` gives each rule's pack)")
    if args.format == "markdown":
        from hypelint.rules.docs import rules_markdown

        sys.stdout.write(rules_markdown(rules, args.pack))
        return EXIT_OK
    if args.format == "json":
        data = [{"code": r.code, "name": r.name, "category": r.category, "severity": r.severity, "pack": r.pack,
                 "enabled": r.code in enabled, "description": r.description.strip()} for r in rules]  # fmt: skip
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    from hypelint.reporters import first_sentence

    rows = [(r.code, r.name, r.category, r.severity, "yes" if r.code in enabled else "no", first_sentence(r.description))
            for r in rules]  # fmt: skip
    _print_table(("code", "name", "category", "severity", "on", "what it flags"), rows)
    return EXIT_OK


def _print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(*header, header_style="bold")
        for row in rows:
            table.add_row(*row)
        Console().print(table)
        return
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    for row in (header, *rows):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())


def explain_rule(args) -> int:
    from hypelint.rules.docs import rule_file, shown_cases
    from hypelint.rules.docs_url import rule_reference

    rules, config = _all_rules(args.config)
    wanted = args.rule.strip()
    rule = next((r for r in rules if wanted.upper() == r.code or wanted == r.name), None)
    if rule is None:
        raise UsageError(f"no rule is called {wanted!r}; `hypelint rules` lists them")
    lines = [
        f"{rule.code} {rule.name}",
        f"category: {rule.category}    severity: {rule.severity}    pack: {rule.pack}    kind: {rule.kind}"
        + ("" if rule.default else "    (off by default)"),
        "",
        rule.description.strip(),
        "",
        "Why: " + rule.rationale.strip(),
    ]
    if rule.reference:
        lines.append("Reference: " + rule.reference)
    lines.append("Documentation: " + rule_reference(rule.code, config.docs_url))
    for side, title in (("fail", "Flagged"), ("pass", "Not flagged")):
        shown, more = shown_cases(rule, side)
        if shown:
            lines += ["", f"{title}:"] + [_indented(case.text.strip(), "  - ", "    ") for case in shown]
            if more:
                lines.append(f"  ... {more} more {'case' if more == 1 else 'cases'} in {rule_file(rule)}")
    print(printable("\n".join(lines)))  # a rule file's path may hold a name that is not UTF-8
    return EXIT_OK


def _indented(text: str, first: str, rest: str) -> str:
    """Text whose first line starts with `first` and others with `rest`; blank lines stay blank."""
    return "\n".join((rest if n else first) + line if line else "" for n, line in enumerate(text.split("\n")))


def show_config(args) -> int:
    config = config_for(os.path.join(args.path, "_") if os.path.isdir(args.path) else args.path, args.config)
    shown = config.describe()
    shown["enabled-rules"] = [rule.code for rule in resolve_rules(config)]
    shown["applies-to"] = args.path
    if os.path.exists(args.path) and not os.path.isdir(args.path):
        shown["per-file-ignores-here"] = list(config.ignores_for(args.path))
        shown["excluded-here"] = config.is_excluded(args.path)
    print(json.dumps(_printable_strings(shown), indent=2, ensure_ascii=False))
    return EXIT_OK


def _printable_strings(value):
    """A JSON value with its strings printable (paths among them may hold names that are not UTF-8)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, list):
        return [_printable_strings(item) for item in value]
    if isinstance(value, dict):
        return {key: _printable_strings(item) for key, item in value.items()}
    return value
