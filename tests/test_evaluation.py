"""Regression floors on the labelled corpus (the targets live in scripts/evaluate.py's output).

The floors sit a little below the measured values, so a change that costs
precision or recall on the corpus fails here before it lands.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
evaluate = importlib.util.module_from_spec(SPEC)
sys.modules["evaluate"] = evaluate  # dataclasses look their module up while the script loads
SPEC.loader.exec_module(evaluate)

FLOORS = {  # category: (precision, recall)
    "faq": (0.95, 0.90),
    "superlative": (0.90, 0.80),
    "futurism": (0.90, 0.85),
    "sourcing": (0.85, 0.78),
    "promotional": (0.85, 0.80),
    "anthropomorphism": (0.90, 0.80),
    "weasel": (0.90, 0.85),
    "relative-time": (0.90, 0.75),
}


@pytest.fixture(scope="module")
def scores():
    return evaluate.evaluate(ROOT / "evaluation")


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_precision_and_recall_floors(scores, category):
    precision, recall = FLOORS[category]
    assert scores.labels[category] >= 20, "too few labels to measure"
    assert scores.precision(category) >= precision, scores.false_examples
    assert scores.recall(category) >= recall, [m for m in scores.missed_examples if m[1] == category]


def test_sober_drafts_stay_nearly_clean(scores):
    assert scores.sober_words > 8000
    assert scores.sober_rate <= 1.0


def test_corpus_size_and_label_quotes(scores):
    drafts = list((ROOT / "evaluation" / "drafts").iterdir())
    assert len(drafts) >= 40
    assert len([d for d in drafts if d.name.startswith("s")]) >= 15
    assert sum(scores.labels.values()) >= 300
    assert {d.suffix for d in drafts} == {".md", ".html", ".txt"}


# --- real labelled articles (../shared/realdev) ------------------------------------
#
# Third-party text, read where it lies; these tests skip without it. The
# script scores it with the folder's own score.py (imported at run time);
# the tests below hold it to that scorer's figures, and to floors.

REALDEV = ROOT.parent / "shared" / "realdev"
needs_realdev = pytest.mark.skipif(not (REALDEV / "score.py").is_file(), reason="../shared/realdev is absent")

# A little under the figures measured when these were set: raise them as the rules improve.
REALDEV_FLOORS = {  # group: (micro precision, micro recall), at least
    "headline four": (0.90, 0.56),
    "other three": (0.80, 0.68),
}
# family: (precision, recall), at least, within its group
REALDEV_FAMILY_FLOORS = {
    "superlative": (0.85, 0.70),
    "faq": (0.95, 0.95),
    "futurism": (0.90, 0.78),
    "sourcing": (0.85, 0.24),
    "promotional": (0.70, 0.65),
    "anthropomorphism": (0.90, 0.65),
    "weasel": (0.90, 0.60),
}
REALDEV_CEILINGS = {  # group: (false flags per 1,000 sober words, share of hard negatives flagged), at most
    "headline four": (0.4, 0.03),
    "other three": (0.4, 0.08),
    "all seven": (0.4, 0.03),
}

# An invented set in realdev's shape: a hype, a sober and a mixed piece,
# labels and hard negatives, chosen to exercise the matching: a SUPERLATIVE
# label only a promotional finding touches, a false flag in a labelled
# sentence of another category, labels missed, negatives flagged and not,
# a negative that ends where a finding begins (abutting is not touching),
# HTML markup and entities in the sober word count.
SYNTHETIC_DOCS = {
    "h1-launch.md": """<!-- source: invented ; kind: hype -->
# The Quantum Widget is here

The Quantum Widget is the most revolutionary gadget ever built. It is a game-changer for every office.

By 2030, widgets will replace every desk in the country. Experts say the widget understands what workers want.

Studies show that 87% of managers saved four hours a week. Unlock the power of AI today!

## Frequently asked questions

### Is the widget safe?

### How much does it cost?

It costs 300 dollars, according to the maker's price list.
""",
    "s1-report.html": """<!-- source: invented ; kind: sober -->
<html><head><title>Council report</title></head><body>
<h1>Council reviews parking sensors</h1>
<p>The council said on Tuesday that it would review the sensors, according to minutes published by the clerk.</p>
<p>The vendor calls it &quot;the best system on the market&quot;, a claim the council has not tested.</p>
<p>Sales rose 40% last year. The system is the most advanced in the region.</p>
<p>The review will finish in March, the clerk said.</p>
</body></html>
""",
    "m1-notes.txt": """<!-- source: invented ; kind: mixed -->
Robots in the warehouse

The company said its robots sort 2,000 parcels an hour, a figure from its annual report.
The robots will soon run the whole building. The robot knows when a shelf is empty.
Many people believe this is a cutting-edge breakthrough.
""",
}
SYNTHETIC_LABELS = [
    ("h1-launch.md", "SUPERLATIVE", "the most revolutionary gadget ever built"),
    ("h1-launch.md", "BUZZ", "It is a game-changer for every office"),
    ("h1-launch.md", "SUPERLATIVE", "It is a game-changer"),
    ("h1-launch.md", "FUTURISM", "widgets will replace every desk"),
    ("h1-launch.md", "WEASEL", "Experts say the widget"),
    ("h1-launch.md", "ANTHRO", "the widget understands what workers want"),
    ("h1-launch.md", "WEASEL", "Studies show that"),
    ("h1-launch.md", "UNSOURCED", "87% of managers saved four hours a week"),
    ("h1-launch.md", "BUZZ", "Unlock the power of AI"),
    ("h1-launch.md", "FAQ", "Is the widget safe?"),
    ("s1-report.html", "UNSOURCED", "Sales rose 40% last year."),
    ("m1-notes.txt", "FUTURISM", "The robots will soon run the whole building."),
    ("m1-notes.txt", "ANTHRO", "The robot knows when a shelf is empty."),
    ("m1-notes.txt", "WEASEL", "Many people believe"),
]
SYNTHETIC_NEGATIVES = [
    ("h1-launch.md", "FAQ", "How much does it cost?"),
    ("s1-report.html", "SUPERLATIVE", "the best system on the market"),
    ("s1-report.html", "SUPERLATIVE", "the most advanced in the region"),
    ("s1-report.html", "SUPERLATIVE", "The system is "),
    ("s1-report.html", "FUTURISM", "The review will finish in March"),
    ("m1-notes.txt", "UNSOURCED", "2,000 parcels an hour"),
]


def _write_jsonl(path: Path, rows) -> None:
    path.write_text("".join(json.dumps({"doc": d, "cat": c, "quote": q}) + "\n" for d, c, q in rows), encoding="utf-8")


def _cli_findings(folder: Path, out: Path) -> Path:
    """What `hypelint check --format json` finds in the folder's articles, written to `out`."""
    command = [sys.executable, "-m", "hypelint", "check", "--no-cache", "--format", "json", "--fail-on", "never"]
    run = subprocess.run(
        command + [str(path) for path in evaluate.realdev_documents(folder)],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=True,
    )  # fmt: skip
    out.write_text(run.stdout, encoding="utf-8")
    return out


def _score_py(scorer, capsys, folder: Path, findings_json: Path, categories, documents=None):
    """What score.py prints and returns for these --cats: on the whole set with
    its hard negatives, or on the named documents only (--only)."""
    argv = ["score.py", str(folder / "labels.jsonl"), str(folder), str(findings_json), "--cats", ",".join(categories)]
    if documents is None:
        argv += ["--negatives", str(folder / "negatives.jsonl")]
    else:
        argv += ["--only", ",".join(documents)]
    capsys.readouterr()
    returned = scorer.main(argv)
    return capsys.readouterr().out, returned


def _as_score_py_prints(scores, kinds=evaluate.KINDS) -> tuple[str, tuple]:
    """A tally of the script over documents of `kinds`, as score.py prints and
    returns it for the same --cats (with the hard negatives when all kinds)."""
    nan = float("nan")

    def figure(value):
        return nan if value is None else value

    lines = [f"{'category':12} {'findings':>8} {'prec':>6} {'labels':>6} {'recall':>6}"]
    for c in scores.categories:
        lines.append(f"{c:12} {scores.finding_count([c], kinds):8d} {figure(scores.precision([c], kinds)):6.2f} "
                     f"{scores.label_count([c], kinds):6d} {figure(scores.recall([c], kinds)):6.2f}")  # fmt: skip
    micro = (
        scores.precision(None, kinds) or 0.0,
        scores.recall(None, kinds) or 0.0,
        scores.f1(None, kinds),
        scores.sober_rate() if "sober" in kinds else 0.0,  # score.py: no sober words, no false flags, 0
    )
    lines.append("micro precision={:.2f} recall={:.2f} F1={:.2f} sober_fp_per_1000_words={:.2f}".format(*micro))
    if tuple(kinds) == evaluate.KINDS:
        flagged, total = scores.negative_rate()
        per_category = [f"{c} {scores.negatives_flagged[c]}/{scores.negatives[c]}" for c in scores.categories
                        if scores.negatives[c]]  # fmt: skip
        lines.append(f"hard negatives flagged: {', '.join(per_category)}; all {flagged}/{total}")
    return "\n".join(lines) + "\n", micro


@pytest.fixture(scope="module")
def scorer():
    return evaluate.load_reference_scorer(REALDEV)


@pytest.fixture(scope="module")
def realdev_data(scorer):
    return evaluate.read_realdev(REALDEV, scorer)


@pytest.fixture(scope="module")
def realdev_groups(realdev_data):
    return evaluate.score_realdev_groups(realdev_data)


@needs_realdev
@pytest.mark.parametrize("which", ["synthetic", "realdev"])
def test_realdev_scoring_equals_the_reference_scorer(scorer, tmp_path, capsys, request, which):
    """Every group's figures, on the whole set and per document kind, as the
    script tallies them from its own linting, equal score.py's on the JSON the
    command line writes."""
    if which == "synthetic":
        folder = tmp_path / "set"
        folder.mkdir()
        for name, text in SYNTHETIC_DOCS.items():
            (folder / name).write_text(text, encoding="utf-8")
        _write_jsonl(folder / "labels.jsonl", SYNTHETIC_LABELS)
        _write_jsonl(folder / "negatives.jsonl", SYNTHETIC_NEGATIVES)
        data = evaluate.read_realdev(folder, scorer)
    else:
        folder, data = REALDEV, request.getfixturevalue("realdev_data")
    groups = evaluate.score_realdev_groups(data)
    findings_json = _cli_findings(folder, tmp_path / "findings.json")
    for group, scores in groups.items():
        printed, returned = _score_py(scorer, capsys, folder, findings_json, scores.categories)
        expected_print, expected_return = _as_score_py_prints(scores)
        assert expected_print == printed, group
        assert expected_return == pytest.approx(returned), group
        for kind in evaluate.KINDS:
            printed, returned = _score_py(scorer, capsys, folder, findings_json, scores.categories,
                                          data.documents_of(kind))  # fmt: skip
            expected_print, expected_return = _as_score_py_prints(scores, [kind])
            assert expected_print == printed, (group, kind)
            assert expected_return == pytest.approx(returned), (group, kind)
    if which == "synthetic":  # the example exercises what it is meant to
        every = groups["all seven"]
        assert every.finding_count() >= 8 and every.missed and every.false_flags and every.flagged_negatives
        assert every.sober_words == 62  # the words a reader sees: no source comment, <head>, tags or entities
        assert sorted(data.kinds.values()) == sorted(evaluate.KINDS)


@needs_realdev
@pytest.mark.parametrize("group", sorted(REALDEV_FLOORS))
def test_realdev_precision_and_recall_floors(realdev_groups, group):
    precision, recall = REALDEV_FLOORS[group]
    scores = realdev_groups[group]
    assert scores.precision() >= precision
    assert scores.recall() >= recall


@needs_realdev
@pytest.mark.parametrize("family", sorted(REALDEV_FAMILY_FLOORS))
def test_realdev_family_floors(realdev_groups, family):
    precision, recall = REALDEV_FAMILY_FLOORS[family]
    group = next(name for name, families in evaluate.REALDEV_GROUPS.items() if family in families)
    scores, gold = realdev_groups[group], [evaluate.gold_category(evaluate.load_reference_scorer(REALDEV), family)]
    assert scores.precision(gold) >= precision
    assert scores.recall(gold) >= recall


@needs_realdev
@pytest.mark.parametrize("group", sorted(REALDEV_CEILINGS))
def test_realdev_false_flag_ceilings(realdev_groups, group):
    sober_rate, negative_share = REALDEV_CEILINGS[group]
    scores = realdev_groups[group]
    assert scores.sober_words > 9000
    assert scores.sober_rate() <= sober_rate
    flagged, total = scores.negative_rate()
    assert flagged / total <= negative_share, [(n["doc"], n["cat"]) for n in scores.flagged_negatives]
