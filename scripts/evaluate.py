#!/usr/bin/env python3
"""Measure hypelint against the labelled corpus, and on real edited news.

    python scripts/evaluate.py [--corpus evaluation] [--news ../shared/corpus/news]

Prints, per category: findings, precision, recall and F1 on the labelled
drafts (a finding counts when its category matches a label and it touches
that label's sentence); false flags per 1,000 words on the sober drafts
(files named s* or *-sober-*); the same for the held-out set in
evaluation/holdout/ when present; and, when the BBC news corpus is present, flags per 1,000
words per category on it. Labels are JSONL lines
`{"doc": "h01-x.md", "category": "superlative", "quote": "exact text"}`;
see evaluation/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypelint.api import lint_source  # noqa: E402
from hypelint.config import Config  # noqa: E402
from hypelint.model import Span  # noqa: E402
from hypelint.parsers import parse  # noqa: E402
from hypelint.rules import load_packs  # noqa: E402
from hypelint.source import format_for, read_file  # noqa: E402

# Drafts without a date in their front matter are read as of this day, so
# that "by 2030" means the same thing on every run.
CORPUS_DATE = dt.date(2025, 6, 1)
HEADLINE = ("superlative", "faq", "futurism", "sourcing")
# Findings about a piece as a whole (hype saturation, missing limitations,
# company-only sources) sit on its title; labels mark sentences, so these are
# counted apart rather than scored against them.
DOCUMENT_LEVEL = {rule.code for rule in load_packs() if rule.kind in ("density", "document-balance")}


@dataclass
class Label:
    doc: str
    category: str
    quote: str
    span: Span  # the sentence the quote is in
    found: bool = False


@dataclass
class Scores:
    findings: Counter = field(default_factory=Counter)
    true_findings: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    labels_found: Counter = field(default_factory=Counter)
    document_findings: Counter = field(default_factory=Counter)
    sober_words: int = 0
    sober_false: int = 0
    false_examples: list = field(default_factory=list)
    missed_examples: list = field(default_factory=list)

    def precision(self, category: str) -> float:
        return self.true_findings[category] / self.findings[category] if self.findings[category] else 1.0

    def recall(self, category: str) -> float:
        return self.labels_found[category] / self.labels[category] if self.labels[category] else 1.0

    def f1(self, category: str) -> float:
        p, r = self.precision(category), self.recall(category)
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def sober_rate(self) -> float:
        return 1000 * self.sober_false / self.sober_words if self.sober_words else 0.0


def is_sober(name: str) -> bool:
    """Sober drafts: s* in the main set, *-sober-* in the held-out one."""
    return name.startswith("s") or "-sober-" in name


def load_labels(corpus: Path) -> dict[str, list[dict]]:
    labels: dict[str, list[dict]] = defaultdict(list)
    for path in sorted(corpus.glob("labels*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                data = json.loads(line)
                data["where"] = f"{path.name}:{number}"
                labels[data["doc"]].append(data)
    return labels


def label_sentence(doc, quote: str, where: str) -> Span:
    """The source span of the sentence (or heading) that holds the quote."""
    at = doc.text.find(quote)
    if at < 0:
        raise SystemExit(f"{where}: quote not found in {doc.path}: {quote!r}")
    end = at + len(quote)
    spans = []
    for sentence in doc.sentences:
        span = doc.blocks[sentence.block].source_span(sentence.start, sentence.end)
        if span.start < end and at < span.end:
            spans.append(span)
    if not spans:
        return Span(at, end)
    return Span(min(s.start for s in spans), max(s.end for s in spans))


def evaluate(corpus: Path = ROOT / "evaluation") -> Scores:
    scores = Scores()
    config = Config(date=CORPUS_DATE)
    all_labels = load_labels(corpus)
    drafts = sorted(p for p in (corpus / "drafts").iterdir() if p.suffix in (".md", ".html", ".txt"))
    for path in drafts:
        text = read_file(str(path))
        fmt = format_for(str(path))
        doc = parse(text, fmt, str(path))
        labels = [
            Label(path.name, d["category"], d["quote"], label_sentence(doc, d["quote"], d["where"]))
            for d in all_labels.get(path.name, [])
        ]
        for label in labels:
            scores.labels[label.category] += 1
        result = lint_source(text, str(path), fmt, config)
        for finding in result.findings:
            if finding.category == "meta":
                continue
            if finding.rule in DOCUMENT_LEVEL:
                scores.document_findings[finding.rule] += 1
                if is_sober(path.name):
                    scores.sober_false += 1
                    scores.false_examples.append((path.name, finding.line, finding.rule, finding.excerpt))
                continue
            scores.findings[finding.category] += 1
            span = Span(finding.offset, max(finding.end_offset, finding.offset + 1))
            hits = [l for l in labels if l.category == finding.category and l.span.overlaps(span)]
            if hits:
                scores.true_findings[finding.category] += 1
                for label in hits:
                    label.found = True
            else:
                scores.false_examples.append((path.name, finding.line, finding.rule, finding.excerpt))
                if is_sober(path.name):
                    scores.sober_false += 1
        for label in labels:
            if label.found:
                scores.labels_found[label.category] += 1
            else:
                scores.missed_examples.append((path.name, label.category, label.quote))
        if is_sober(path.name):
            scores.sober_words += result.words
    return scores


def news_rates(news: Path) -> tuple[int, int, Counter]:
    """Files, words and flags per category over a folder of edited news."""
    config = Config(date=dt.date(2005, 6, 1))
    words, flags, files = 0, Counter(), 0
    for path in sorted(news.glob("*.md")):
        if path.name == "README.md":
            continue
        result = lint_source(read_file(str(path)), str(path), "markdown", config)
        files += 1
        words += result.words
        flags.update(f.category for f in result.findings if f.category != "meta")
    return files, words, flags


def report(corpus: Path, scores: Scores, show_errors: bool) -> None:
    categories = sorted(set(scores.labels) | set(scores.findings), key=lambda c: (c not in HEADLINE, c))
    print(f"Labelled corpus: {corpus}")
    print(f"{'category':<18}{'findings':>9}{'labels':>8}{'precision':>11}{'recall':>8}{'F1':>7}")
    for category in categories:
        if not scores.labels[category]:
            print(f"{category:<18}{scores.findings[category]:>9}{0:>8}   (no labels: not scored)")
            continue
        print(f"{category:<18}{scores.findings[category]:>9}{scores.labels[category]:>8}"
              f"{scores.precision(category):>11.2f}{scores.recall(category):>8.2f}{scores.f1(category):>7.2f}")  # fmt: skip
    if scores.document_findings:
        counts = ", ".join(f"{code} {n}" for code, n in sorted(scores.document_findings.items()))
        print(f"Whole-piece findings (not scored against sentence labels): {counts}")
    print(f"Sober drafts: {scores.sober_false} false flags in {scores.sober_words} words = "
          f"{scores.sober_rate:.2f} per 1,000 words")  # fmt: skip
    if show_errors:
        print("\nFalse flags:")
        for item in scores.false_examples:
            print("  ", *item)
        print("\nMissed labels:")
        for item in scores.missed_examples:
            print("  ", *item)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "evaluation")
    parser.add_argument("--news", type=Path, default=ROOT.parent / "shared" / "corpus" / "news")
    parser.add_argument("--show-errors", action="store_true", help="list false flags and missed labels")
    args = parser.parse_args(argv)

    report(args.corpus, evaluate(args.corpus), args.show_errors)
    holdout = args.corpus / "holdout"
    if (holdout / "drafts").is_dir():
        print()
        report(holdout, evaluate(holdout), args.show_errors)
    if args.news.is_dir():
        files, words, flags = news_rates(args.news)
        total = sum(flags.values())
        print(f"\nEdited news ({args.news}): {files} files, {words} words, "
              f"{total} flags = {1000 * total / max(words, 1):.2f} per 1,000 words")  # fmt: skip
        for category, count in sorted(flags.items()):
            print(f"  {category:<18}{count:>6}{1000 * count / max(words, 1):>8.2f} per 1,000 words")
    else:
        print(f"\nEdited news corpus not found at {args.news}; skipped.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
