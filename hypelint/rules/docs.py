"""The rule reference (docs/rules.md and its pack pages), written from the
rule files themselves.

`hypelint rules --format markdown > docs/rules.md` regenerates the main
page. A pack of generated rules has a page of its own (OWN_PAGES), so that
its hundred rules do not bury the hand-written ones: `hypelint rules
--format markdown --pack proselint > docs/rules-proselint.md`. Tests keep
the committed pages in step with rules/.
"""

from __future__ import annotations

from pathlib import Path

from hypelint.model import CATEGORIES
from hypelint.rules.loader import Case, Rule, builtin_packs_dir

MAIN_PAGE = "rules.md"
# Packs documented on a page of their own in docs/; the main page links to each.
OWN_PAGES = {"proselint": "rules-proselint.md"}
# How many cases of each side `hypelint explain` and the reference show; the
# rest (long drafts, traps, format variants) stay in the rule file.
SHOWN_CASES = 4


def shown_cases(rule: Rule, side: str) -> tuple[tuple[Case, ...], int]:
    """The cases of one side ("fail" or "pass") to show, and how many more
    there are: the first few one-line Markdown cases in the file's order, since
    a whole draft or an HTML variant explains less at a glance (a rule with
    no such case shows its first)."""
    cases = rule.examples.get(side, ())
    shown = tuple(case for case in cases if _is_plain(case))[:SHOWN_CASES] or cases[:1]
    return shown, len(cases) - len(shown)


def rule_file(rule: Rule) -> str:
    """Where a rule is written: rules/<pack>/<file> for a shipped rule,
    wherever the package is installed; the path itself for a house rule."""
    path = Path(rule.path)
    if path.resolve().parent.parent == builtin_packs_dir().resolve():
        return f"rules/{path.parent.name}/{path.name}"
    return rule.path


def reference_page(pack: str) -> str:
    """The page of docs/ where a pack's rules are documented."""
    return OWN_PAGES.get(pack, MAIN_PAGE)


def _is_plain(case: Case) -> bool:
    return case.format == "markdown" and case.date is None and "\n" not in case.text.strip()


def rules_markdown(rules: list[Rule], pack: str | None = None) -> str:
    """One page of the reference: the rules of `pack`, or without one the
    main page, every rule whose pack has no page of its own."""
    if pack:
        lines = _pack_intro(pack)
        rules = [rule for rule in rules if rule.pack == pack]
    else:
        lines = _main_intro(rules)
        rules = [rule for rule in rules if rule.pack not in OWN_PAGES]
    lines += ["| code | name | category | severity | on by default |", "| --- | --- | --- | --- | --- |"]
    for rule in rules:
        lines.append(f"| [{rule.code}](#{rule.code.lower()}) | `{rule.name}` | {rule.category} | {rule.severity} | "
                     f"{'yes' if rule.default else 'no'} |")  # fmt: skip
    if not pack:
        lines += ["", "## Categories", ""]
        lines += [f"- `{name}`: {title}" for name, title in CATEGORIES.items()]
    for rule in rules:
        lines += ["", f"## {rule.code}", "", f"`{rule.name}` · category `{rule.category}` · severity `{rule.severity}`"
                  f" · pack `{rule.pack}` · kind `{rule.kind}`", "", _paragraph(rule.description), "",
                  f"**Why.** {_paragraph(rule.rationale)}"]  # fmt: skip
        if rule.reference:
            lines += ["", f"**Reference.** {rule.reference}"]
        for side, title in (("fail", "Flagged"), ("pass", "Not flagged")):
            shown, more = shown_cases(rule, side)
            if shown:
                lines += ["", f"**{title}:**", ""]
                lines += [f"- `{_one_line(case.text)}`" for case in shown]
                if more:
                    lines.append(f"- ... {more} more {'case' if more == 1 else 'cases'} in `{rule_file(rule)}`")
    return "\n".join(lines) + "\n"


def _main_intro(rules: list[Rule]) -> list[str]:
    lines = ["# hypelint rule reference", "",
             "Generated from `rules/` by `hypelint rules --format markdown`; do not edit by hand.", ""]  # fmt: skip
    for pack, page in OWN_PAGES.items():
        codes = [rule.code for rule in rules if rule.pack == pack]
        if codes:
            lines += [f"The `{pack}` pack ({len(codes)} rules, {codes[0]}-{codes[-1]}) has a page of its own: "
                      f"[{page}]({page}).", ""]  # fmt: skip
    return lines


def _pack_intro(pack: str) -> list[str]:
    return [f"# hypelint rule reference: the `{pack}` pack", "",
            f"Generated from its rule files by `hypelint rules --format markdown --pack {pack}`; do not edit by hand. "
            f"The other rules are in [{MAIN_PAGE}]({MAIN_PAGE}).", ""]  # fmt: skip


def _paragraph(text: str) -> str:
    return " ".join(text.split())


def _one_line(text: str) -> str:
    return text.strip().replace("\n", "\\n").replace("`", "'")
