"""The rule reference (docs/rules.md), written from the rule files themselves.

`hypelint rules --format markdown > docs/rules.md` regenerates it; a test
keeps the committed file in step with rules/.
"""

from __future__ import annotations

from .model import CATEGORIES
from .rules import Rule


def rules_markdown(rules: list[Rule]) -> str:
    lines = [
        "# hypelint rule reference",
        "",
        "Generated from `rules/` by `hypelint rules --format markdown`; do not edit by hand.",
        "",
        "| code | name | category | severity | on by default |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in rules:
        lines.append(f"| [{rule.code}](#{rule.code.lower()}) | `{rule.name}` | {rule.category} | {rule.severity} | "
                     f"{'yes' if rule.default else 'no'} |")  # fmt: skip
    lines += ["", "## Categories", ""]
    lines += [f"- `{name}`: {title}" for name, title in CATEGORIES.items()]
    for rule in rules:
        lines += ["", f"## {rule.code}", "", f"`{rule.name}` · category `{rule.category}` · severity `{rule.severity}`"
                  f" · pack `{rule.pack}` · kind `{rule.kind}`", "", _paragraph(rule.description), "",
                  f"**Why.** {_paragraph(rule.rationale)}"]  # fmt: skip
        if rule.reference:
            lines += ["", f"**Reference.** {rule.reference}"]
        for side, title in (("fail", "Flagged"), ("pass", "Not flagged")):
            examples = rule.examples.get(side, [])
            if examples:
                lines += ["", f"**{title}:**", ""]
                lines += [f"- `{_one_line(example.text)}`" for example in examples]
    return "\n".join(lines) + "\n"


def _paragraph(text: str) -> str:
    return " ".join(text.split())


def _one_line(text: str) -> str:
    return text.strip().replace("\n", "\\n").replace("`", "'")
