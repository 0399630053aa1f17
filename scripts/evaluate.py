#!/usr/bin/env python3
"""Measure hypelint against the labelled corpus, on real edited news and on real labelled articles.

    python scripts/evaluate.py [--corpus evaluation] [--news ../shared/corpus/news]
                               [--realdev ../shared/realdev] [--details] [--only corpus|news|realdev]

Prints, per category: findings, precision, recall and F1 on the labelled
drafts (a finding counts when its category matches a label and it touches
that label's sentence); false flags per 1,000 words on the sober drafts
(files named s* or *-sober-*); the same for the held-out set in
evaluation/holdout/ when present; and, when the BBC news corpus is present, flags per 1,000
words per category on it. Labels are JSONL lines
`{"doc": "h01-x.md", "category": "superlative", "quote": "exact text"}`;
see evaluation/README.md.

When the real articles of ../shared/realdev are present, it scores them as
that folder's reference scorer (score.py, imported from there at run time)
does: per family and per document kind (hype, mixed, sober) findings,
precision, recall and F1; micro figures for the headline four, the other
three and all seven families; false flags per 1,000 sober words; and the
hard negatives flagged. --details lists each miss, false flag and flagged
hard negative there; --only runs one part.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypelint.api import lint_paths, lint_source  # noqa: E402
from hypelint.config import Config  # noqa: E402
from hypelint.model import Span  # noqa: E402
from hypelint.parsers import parse  # noqa: E402
from hypelint.rules.loader import load_packs  # noqa: E402
from hypelint.read.source import format_for, read_file  # noqa: E402
from hypelint.analysis.memo import analyse

# Drafts without a date in their front matter are read as of this day, so
# that "by 2030" means the same thing on every run.
CORPUS_DATE = dt.date(2025, 6, 1)
HEADLINE = ("superlative", "faq", "futurism", "sourcing")
# Findings about a piece as a whole (hype saturation, missing limitations,
# company-only sources) sit on its title; labels mark sentences, so these are
# counted apart rather than scored against them.
DOCUMENT_LEVEL = {rule.code for rule in load_packs() if rule.info().whole_piece}


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
    for sentence in analyse(doc).sentences:
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


# --- real labelled articles (../shared/realdev) ---------------------------------
#
# Third-party text, read where it lies and never copied into the project. The
# figures must be those of the folder's reference scorer, score.py, so its own
# functions (sentence splitter, span widening, category match, word count,
# findings loader) are imported from there rather than rewritten here; only
# the tallies that its main() prints without returning are redone, and
# tests/test_evaluation.py checks them against its output.

OTHER_FAMILIES = ("anthropomorphism", "weasel", "promotional")
REALDEV_GROUPS = {"headline four": HEADLINE, "other three": OTHER_FAMILIES, "all seven": HEADLINE + OTHER_FAMILIES}
KINDS = ("hype", "mixed", "sober")
# Line 1 of every article: <!-- source: ADDRESS ; kind: hype|mixed|sober -->
KIND_COMMENT = re.compile(r"<!--.*?\bkind:\s*(\w+)")
REALDEV_SUFFIXES = (".md", ".html", ".txt")


def load_reference_scorer(realdev: Path) -> ModuleType:
    """score.py of the realdev folder, imported as it stands."""
    spec = importlib.util.spec_from_file_location("realdev_score", realdev / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def gold_category(scorer: ModuleType, family: str) -> str:
    """The gold category score.py maps a hypelint family to (promotional -> BUZZ)."""
    return scorer.HYPELINT_CATS[family]


@dataclass
class RealdevSet:
    """Articles, gold labels, hard negatives and hypelint's findings, in score.py's terms.

    Labels, negatives and findings are score.py's dicts: `doc` (file name),
    `cat` (gold category) and `s`, `e` (offsets into the article's text): for
    a label, its sentence; for a negative, its quote; for a finding, its span.
    """

    scorer: ModuleType
    docs: dict[str, str]
    kinds: dict[str, str]
    labels: list[dict]
    negatives: list[dict]
    findings: list[dict]

    def documents_of(self, kind: str) -> list[str]:
        return [name for name in self.docs if self.kinds[name] == kind]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def document_kind(text: str) -> str:
    """hype, mixed or sober, from the line-1 comment (hype without one, as score.py reads it)."""
    found = KIND_COMMENT.match(text.split("\n", 1)[0])
    return found.group(1) if found else "hype"


def write_findings_json(paths: Iterable[Path], out: Path) -> None:
    """hypelint's findings on the files, as `hypelint check --format json` gives them."""
    run = lint_paths([str(path) for path in paths])
    findings = [finding.as_dict() for result in run.files for finding in result.findings]
    out.write_text(json.dumps({"findings": findings}, ensure_ascii=False), encoding="utf-8")


def realdev_documents(folder: Path) -> list[Path]:
    """The articles of the set, as score.py picks them: .md, .html and .txt files but the READMEs."""
    return sorted(
        path for path in folder.iterdir() if path.suffix in REALDEV_SUFFIXES and not path.name.startswith("README")
    )


def read_realdev(folder: Path, scorer: ModuleType, findings_json: Path | None = None) -> RealdevSet:
    """The set in `folder`, with the findings in `findings_json`, or linted now when none is given."""
    docs = {path.name: path.read_text(encoding="utf-8") for path in realdev_documents(folder)}
    with tempfile.TemporaryDirectory() as scratch:  # score.py loads findings from a file only
        if findings_json is None:
            findings_json = Path(scratch) / "findings.json"
            write_findings_json((folder / name for name in docs), findings_json)
        findings = scorer.load_findings(findings_json, "hypelint", docs)
    sentences = {name: scorer.sentence_spans(text) for name, text in docs.items()}
    labels = []
    for label in read_jsonl(folder / "labels.jsonl"):
        if label["doc"] not in docs:
            continue
        at = docs[label["doc"]].find(label["quote"])
        if at < 0:  # score.py warns and leaves the label out; so does this
            print(f"warning: quote not found in {label['doc']}: {label['quote'][:60]}", file=sys.stderr)
            continue
        label["s"], label["e"] = scorer.enclosing(sentences[label["doc"]], at, at + len(label["quote"]))
        labels.append(label)
    negatives = []
    negatives_path = folder / "negatives.jsonl"
    for negative in read_jsonl(negatives_path) if negatives_path.is_file() else []:
        if negative["doc"] in docs:  # a negative is flagged on its quote, not its sentence
            negative["s"] = docs[negative["doc"]].find(negative["quote"])
            negative["e"] = negative["s"] + len(negative["quote"])
            negatives.append(negative)
    kinds = {name: document_kind(text) for name, text in docs.items()}
    return RealdevSet(scorer, docs, kinds, labels, negatives, findings)


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def f1(precision: float | None, recall: float | None) -> float:
    p, r = precision or 0.0, recall or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class RealdevScores:
    """score.py's tallies for one selection of gold categories.

    The counters of findings and labels are keyed by (gold category, document
    kind), so that one tally gives figures per category, per kind or both.
    """

    categories: tuple[str, ...]
    sober_words: int
    findings: Counter = field(default_factory=Counter)
    true_findings: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    labels_found: Counter = field(default_factory=Counter)
    sober_false: Counter = field(default_factory=Counter)  # by gold category
    negatives: Counter = field(default_factory=Counter)  # by gold category
    negatives_flagged: Counter = field(default_factory=Counter)
    missed: list = field(default_factory=list)  # labels
    false_flags: list = field(default_factory=list)  # findings
    flagged_negatives: list = field(default_factory=list)

    def _sum(self, counter: Counter, categories: Sequence[str] | None, kinds: Sequence[str]) -> int:
        categories = categories or self.categories
        return sum(counter[category, kind] for category in categories for kind in kinds)

    def finding_count(self, categories: Sequence[str] | None = None, kinds: Sequence[str] = KINDS) -> int:
        return self._sum(self.findings, categories, kinds)

    def label_count(self, categories: Sequence[str] | None = None, kinds: Sequence[str] = KINDS) -> int:
        return self._sum(self.labels, categories, kinds)

    def precision(self, categories: Sequence[str] | None = None, kinds: Sequence[str] = KINDS) -> float | None:
        """Share of the findings that touch a label (of any category, selected or not); None without findings."""
        return ratio(self._sum(self.true_findings, categories, kinds), self.finding_count(categories, kinds))

    def recall(self, categories: Sequence[str] | None = None, kinds: Sequence[str] = KINDS) -> float | None:
        """Share of the labels some finding touches; None without labels."""
        return ratio(self._sum(self.labels_found, categories, kinds), self.label_count(categories, kinds))

    def f1(self, categories: Sequence[str] | None = None, kinds: Sequence[str] = KINDS) -> float:
        return f1(self.precision(categories, kinds), self.recall(categories, kinds))

    def sober_rate(self, categories: Sequence[str] | None = None) -> float:
        """False flags per 1,000 words of the sober articles."""
        false = sum(self.sober_false[category] for category in categories or self.categories)
        return 1000 * false / max(1, self.sober_words)

    def negative_rate(self, categories: Sequence[str] | None = None) -> tuple[int, int]:
        """(hard negatives flagged, hard negatives)."""
        categories = categories or self.categories
        return sum(self.negatives_flagged[c] for c in categories), sum(self.negatives[c] for c in categories)


def touches(scorer: ModuleType, finding: dict, gold: dict) -> bool:
    """score.py's match: same article, compatible categories (SUPERLATIVE and BUZZ
    match each other), overlapping spans."""
    return (
        finding["doc"] == gold["doc"]
        and scorer.compatible(finding["cat"], gold["cat"], False)
        and finding["s"] < gold["e"]
        and gold["s"] < finding["e"]
    )


def score_realdev(data: RealdevSet, categories: Sequence[str]) -> RealdevScores:
    """Score the findings in `categories` (gold names) as score.py --cats does.

    A finding is true when it touches any label, whatever the label's
    category; a label is found when a finding in the selection touches it,
    so a SUPERLATIVE label may be found by a BUZZ finding only when BUZZ is
    selected: recall depends on the selection, as in score.py.
    """
    scorer = data.scorer
    sober_words = sum(scorer.visible_words(name, data.docs[name]) for name in data.documents_of("sober"))
    scores = RealdevScores(tuple(categories), sober_words)
    findings = [finding for finding in data.findings if finding["cat"] in categories]
    for finding in findings:
        kind = data.kinds[finding["doc"]]
        scores.findings[finding["cat"], kind] += 1
        if any(touches(scorer, finding, label) for label in data.labels):
            scores.true_findings[finding["cat"], kind] += 1
        else:
            scores.false_flags.append(finding)
            if kind == "sober":
                scores.sober_false[finding["cat"]] += 1
    for label in data.labels:
        if label["cat"] not in categories:
            continue
        kind = data.kinds[label["doc"]]
        scores.labels[label["cat"], kind] += 1
        if any(touches(scorer, finding, label) for finding in findings):
            scores.labels_found[label["cat"], kind] += 1
        else:
            scores.missed.append(label)
    for negative in data.negatives:
        if negative["cat"] not in categories:
            continue
        scores.negatives[negative["cat"]] += 1
        if any(touches(scorer, finding, negative) for finding in findings):
            scores.negatives_flagged[negative["cat"]] += 1
            scores.flagged_negatives.append(negative)
    return scores


def score_realdev_groups(data: RealdevSet) -> dict[str, RealdevScores]:
    """One tally per family group, each with that group's families selected."""
    return {
        group: score_realdev(data, [gold_category(data.scorer, family) for family in families])
        for group, families in REALDEV_GROUPS.items()
    }


def _figure(value: float | None, width: int) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:>{width}.2f}"


def report_realdev(folder: Path, data: RealdevSet, details: bool) -> None:
    groups = score_realdev_groups(data)
    scorer = data.scorer
    # Each family is shown as scored within its group, so that every row
    # equals what score.py prints for that group's --cats; the all-seven row
    # can exceed both groups' recall, since there a BUZZ finding may find a
    # SUPERLATIVE label.
    rows: list[tuple[str, RealdevScores, list[str] | None]] = []  # (name, tally, gold categories: None for all)
    for group in ("headline four", "other three"):
        rows += [(family, groups[group], [gold_category(scorer, family)]) for family in REALDEV_GROUPS[group]]
        rows.append((group, groups[group], None))
    rows.append(("all seven", groups["all seven"], None))
    kinds = Counter(data.kinds.values())
    sober_words = groups["all seven"].sober_words
    print(f"Real articles ({folder}): {len(data.docs)} documents "
          f"({', '.join(f'{kinds[k]} {k}' for k in KINDS)}), {len(data.labels)} labels, "
          f"{len(data.negatives)} hard negatives; scored by its score.py")  # fmt: skip
    print(f"{'family':<18}{'findings':>9}{'labels':>8}{'precision':>11}{'recall':>8}{'F1':>7}"
          f"{'sober FP/1k':>13}{'hard negatives':>17}")  # fmt: skip
    for name, scores, categories in rows:
        flagged, negatives = scores.negative_rate(categories)
        share = f"{100 * flagged / negatives:.0f}%" if negatives else "-"
        print(f"{name:<18}{scores.finding_count(categories):>9}{scores.label_count(categories):>8}"
              f"{_figure(scores.precision(categories), 11)}{_figure(scores.recall(categories), 8)}"
              f"{scores.f1(categories):>7.2f}{scores.sober_rate(categories):>13.2f}"
              f"{f'{flagged}/{negatives}':>11}{share:>6}")  # fmt: skip
    print(f"Sober FP/1k: false flags per 1,000 words of the sober articles ({sober_words} words).")
    print("\nBy document kind: findings, precision, recall")
    print(f"{'family':<18}" + "".join(f"{kind:>21}" for kind in KINDS))
    for name, scores, categories in rows:
        cells = [
            f"{scores.finding_count(categories, [kind]):>9}{_figure(scores.precision(categories, [kind]), 6)}"
            f"{_figure(scores.recall(categories, [kind]), 6)}"
            for kind in KINDS
        ]
        print(f"{name:<18}" + "".join(cells))
    if details:
        report_realdev_details(data, groups)


def report_realdev_details(data: RealdevSet, groups: dict[str, RealdevScores]) -> None:
    """Each family's misses, false flags and flagged hard negatives, as score.py --details lists them."""
    for group in ("headline four", "other three"):
        scores = groups[group]
        for family in REALDEV_GROUPS[group]:
            category = gold_category(data.scorer, family)
            missed = [label for label in scores.missed if label["cat"] == category]
            false = [finding for finding in scores.false_flags if finding["cat"] == category]
            negatives = [negative for negative in scores.flagged_negatives if negative["cat"] == category]
            print(f"\n{family}: {len(missed)} missed, {len(false)} false flags, "
                  f"{len(negatives)} hard negatives flagged")  # fmt: skip
            for label in sorted(missed, key=lambda label: (label["doc"], label["s"])):
                print(f"  FN {label['doc']}: {label['quote']}")
            for finding in sorted(false, key=lambda finding: (finding["doc"], finding["s"])):
                excerpt = data.docs[finding["doc"]][finding["s"] : finding["e"]][:70]
                print(f"  FP {finding['doc']} {finding['rule']} ({data.kinds[finding['doc']]}): {excerpt!r}")
            for negative in negatives:
                print(f"  NEG-FLAGGED {negative['doc']}: {negative['quote']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "evaluation")
    parser.add_argument("--news", type=Path, default=ROOT.parent / "shared" / "corpus" / "news")
    parser.add_argument("--realdev", type=Path, default=ROOT.parent / "shared" / "realdev")
    parser.add_argument("--show-errors", action="store_true", help="list false flags and missed labels")
    parser.add_argument(
        "--details", action="store_true", help="list misses, false flags and flagged hard negatives on realdev"
    )
    parser.add_argument(
        "--only", choices=("corpus", "news", "realdev"), help="run one part: own corpus (and holdout), news or realdev"
    )
    args = parser.parse_args(argv)
    parts = [args.only] if args.only else ["corpus", "news", "realdev"]

    if "corpus" in parts:
        report(args.corpus, evaluate(args.corpus), args.show_errors)
        holdout = args.corpus / "holdout"
        if (holdout / "drafts").is_dir():
            print()
            report(holdout, evaluate(holdout), args.show_errors)
    if "news" in parts:
        if args.news.is_dir():
            files, words, flags = news_rates(args.news)
            total = sum(flags.values())
            print(f"\nEdited news ({args.news}): {files} files, {words} words, "
                  f"{total} flags = {1000 * total / max(words, 1):.2f} per 1,000 words")  # fmt: skip
            for category, count in sorted(flags.items()):
                print(f"  {category:<18}{count:>6}{1000 * count / max(words, 1):>8.2f} per 1,000 words")
        else:
            print(f"\nEdited news corpus not found at {args.news}; skipped.")
    if "realdev" in parts:
        if parts != ["realdev"]:
            print()
        if (args.realdev / "score.py").is_file():
            report_realdev(args.realdev, read_realdev(args.realdev, load_reference_scorer(args.realdev)), args.details)
        else:
            print(f"Real labelled articles not found at {args.realdev}; skipped.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
