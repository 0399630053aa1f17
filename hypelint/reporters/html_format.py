"""HTML format: one self-contained page for editors, the drafts themselves with their problems marked.

Contract (a human format: layout may change, the content below stays):

* One page, nothing fetched: styles and the script are inline, fonts are
  the reader's own, the charts inline SVG. A Content-Security-Policy allows
  only the page's own style and script (by hash), so even a mistake in
  escaping could not run or load anything.
* Every linted file is shown as readable prose laid out from the Document
  its parser built (`html_draft`), every finding highlighted on its exact span as a
  `<mark class="hl">` carrying `data-rule`, `data-category`,
  `data-severity` and `data-f` (the finding's id). A finding split around
  other markup has one first piece (no `.cont` class, `id` = its id) and
  continuation pieces. A finding about the piece as a whole
  (`RuleInfo.whole_piece`: saturation with hype, no limitations, company
  sources only) is no highlight but a banner at the top of its draft, an
  `<aside class="hl piece">` with the same attributes showing its severity,
  rule and message. `.hl:not(.cont)` counts the findings.
* Hovering a highlight with a mouse, or clicking or tapping a highlight or
  banner, shows the message, the suggestion and the rule's description,
  rationale and reference; a click or tap also makes it the position that
  `n`/`j`/→ and `p`/`k`/← (and the toolbar's arrows) move on from, to the
  next and previous finding in page order; Esc closes. The hint naming the
  keys is for mouse and keyboard; touch screens get one about tapping.
* Per file: a hype profile (findings per 1,000 words by category as an SVG
  bar chart, on one scale for the whole run), the readability figures when
  `FileResult.metrics` has them, the counts by severity, then the draft and a
  list of its findings. `meta` findings (about hypelint itself) are listed
  but not counted in hype rates.
* A run of several files opens with the files sorted by hype rate, each
  linking to its section.
* Filters show or hide categories and severities (`html_controls`); each
  category's "only this" button shows it alone, and pressed again, or
  "show all", every category. Light and dark schemes follow the reader's
  system setting.
* Every piece of the draft, and every message (messages quote the draft), is
  escaped; the draft's own HTML is never rendered.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from hypelint.reporters import (
    NOT_HYPE,
    ReportOptions,
    category_rates,
    error_reason,
    hype_rate,
    plural,
    position,
    severity_counts,
    sorted_files,
    summary_line,
)
from hypelint.reporters.html_controls import keys_hint, toolbar
from hypelint.reporters.html_draft import draft_html
from hypelint.reporters.html_render import escape

if TYPE_CHECKING:
    from hypelint.model import FileResult, Finding, RunResult

# A hue per category, spread round the colour wheel so neighbours on a page
# differ; `meta` is grey (it is about hypelint, not the draft).
CATEGORY_HUES = {
    "superlative": 0, "sourcing": 28, "weasel": 48, "limitations": 75, "framing": 100, "promotional": 135,
    "relative-time": 170, "style": 190, "faq": 210, "readability": 235, "futurism": 268,
    "anthropomorphism": 305, "meta": None,
}  # fmt: skip
_SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


def render(run: RunResult, options: ReportOptions) -> str:
    files = sorted_files(run)
    ids = _finding_ids(files)
    style = _asset("html_report.css") + _category_css(run)
    script = _asset("html_report.js")
    data = _script_data(run, files, ids)
    scale = max((rate for file in files for rate in category_rates(file).values()), default=0.0)
    whole_piece = frozenset(code for code, info in run.rules.items() if info.whole_piece)
    body = [
        toolbar(run),
        _header(run, options),
        _overview(files) if len(files) > 1 else "",
        *(_file_section(number, file, ids, scale, whole_piece) for number, file in enumerate(files, 1)),
        '<div id="card" class="card" role="dialog" aria-live="polite" aria-label="Finding" hidden></div>',
    ]
    policy = (
        "default-src 'none'; "
        f"style-src '{_hash(style)}'; script-src '{_hash(script)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    title = f"hypelint report: {plural(len(run.findings), 'finding')} in {plural(len(files), 'file')}"
    return "".join(
        [
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="color-scheme" content="light dark">\n',
            f'<meta name="generator" content="hypelint {escape(options.version)}">\n',
            f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n",
            "\n".join(part for part in body if part),
            f'\n<script type="application/json" id="hl-data">{data}</script>\n',
            f"<script>{script}</script>\n</body>\n</html>\n",
        ]
    )


# --- assets and data -------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    """The report's own stylesheet or script, shipped next to this module."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _category_css(run: RunResult) -> str:
    """The hue of each category, as custom properties every coloured element reads.

    The stylesheet's `[data-category]` default (grey) comes first; these rules
    have the same specificity and come later, so they win.
    """
    names = set(CATEGORY_HUES) | {finding.category for finding in run.findings}
    rules = []
    for name in sorted(names):
        hue = CATEGORY_HUES.get(name)
        # Never put an unexpected name into the stylesheet; it stays grey.
        if hue is not None and _SAFE_NAME.fullmatch(name):
            rules.append(f'[data-category="{name}"]{{--h:{hue};--s:80%}}')
    return "\n" + "\n".join(rules) + "\n"


def _finding_ids(files: list[FileResult]) -> dict[int, str]:
    """A stable id for every finding (by object identity), in report order."""
    ids: dict[int, str] = {}
    for file in files:
        for finding in _ordered(file):
            ids[id(finding)] = f"f{len(ids) + 1}"
    return ids


def _ordered(file: FileResult) -> list[Finding]:
    return sorted(file.findings, key=lambda finding: finding.sort_key())


def _script_data(run: RunResult, files: list[FileResult], ids: dict[int, str]) -> str:
    """What the script shows on demand, as JSON that cannot end its <script> element."""
    findings = {}
    for file in files:
        for finding in _ordered(file):
            findings[ids[id(finding)]] = {
                "rule": finding.rule,
                "name": finding.name,
                "category": finding.category,
                "severity": finding.severity,
                "message": finding.message,
                "suggestion": finding.suggestion or "",
                "path": finding.path,
                "line": finding.line,
                "column": finding.column,
            }
    used = {finding.rule for finding in run.findings}
    rules = {
        code: {
            "name": info.name,
            "description": _flat(info.description),
            "rationale": _flat(info.rationale),
            "reference": _flat(info.reference),
        }
        for code, info in sorted(run.rules.items())
        if code in used
    }
    text = json.dumps({"findings": findings, "rules": rules}, ensure_ascii=False, sort_keys=True)
    # "</script>" or "<!--" inside a string would end or confuse the element.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


# --- page parts ------------------------------------------------------------------------------------


def _header(run: RunResult, options: ReportOptions) -> str:
    errors = "".join(f"<li>{escape(error)}</li>" for error in run.errors)
    return (
        '<header class="page-head" id="top"><h1>hypelint report</h1>'
        f'<p class="summary">{escape(summary_line(run))}</p>'
        + (f'<ul class="run-errors">{errors}</ul>' if errors else "")
        + keys_hint()
        + "</header>"
    )


def _hype_findings(file: FileResult) -> list[Finding]:
    return [finding for finding in file.findings if finding.category not in NOT_HYPE]


def _overview(files: list[FileResult]) -> str:
    checked = sorted((f for f in files if not f.error), key=lambda f: (-hype_rate(f), f.path))
    broken = [f for f in files if f.error]
    numbers = {id(file): number for number, file in enumerate(files, 1)}
    top = max((hype_rate(f) for f in checked), default=0.0)
    rows = []
    for file in checked:
        counts = severity_counts(file.findings)
        grade = file.metrics.get("grade") if file.metrics else None
        rows.append(
            f'<tr><th scope="row"><a href="#file-{numbers[id(file)]}">{escape(file.path)}</a></th>'
            f'<td class="num">{hype_rate(file):.1f} {_rate_bar(hype_rate(file), top)}</td>'
            f'<td class="num">{len(file.findings)}</td><td class="num wide">{file.words}</td>'
            + "".join(f'<td class="num wide">{counts[name]}</td>' for name in counts)
            + f'<td class="num wide">{_figure(grade)}</td></tr>'
        )
    for file in broken:
        rows.append(
            f'<tr class="broken"><th scope="row"><a href="#file-{numbers[id(file)]}">{escape(file.path)}</a></th>'
            f'<td colspan="7">could not be checked: {escape(error_reason(file))}</td></tr>'
        )
    return (
        '<section class="overview" id="overview" aria-labelledby="overview-title">'
        '<h2 id="overview-title">Files by hype rate</h2>'
        '<p class="note">Findings per 1,000 words, highest first.</p>'
        '<div class="table-scroll"><table><thead><tr><th scope="col">File</th><th scope="col">Per 1,000 words</th>'
        '<th scope="col">Findings</th><th scope="col" class="wide">Words</th><th scope="col" class="wide">Errors</th>'
        '<th scope="col" class="wide">Warnings</th><th scope="col" class="wide">Info</th>'
        '<th scope="col" class="wide">Grade</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _rate_bar(rate: float, top: float) -> str:
    """A small bar of a file's hype rate against the run's highest (at least a sliver when not 0)."""
    width = max(1, round(60 * rate / top)) if rate > 0 and top > 0 else 0
    return (
        f'<svg class="rate-bar" viewBox="0 0 60 8" width="60" height="8" aria-hidden="true">'
        f'<rect class="track" x="0" y="0" width="60" height="8" rx="2"/>'
        f'<rect class="fill" x="0" y="0" width="{width}" height="8" rx="2"/></svg>'
    )


def _file_section(number: int, file: FileResult, ids: dict[int, str], scale: float, whole_piece: frozenset[str]) -> str:
    anchor = f"file-{number}"
    head = f'<h2 id="{anchor}-title">{escape(file.path)}</h2>'
    if file.error:
        return (
            f'<section class="file broken" id="{anchor}" aria-labelledby="{anchor}-title">{head}'
            f'<p class="error">Could not be checked: {escape(error_reason(file))}</p></section>'
        )
    hype = len(_hype_findings(file))
    meta = (
        f'<p class="file-meta">{plural(file.words, "word")} \u00b7 {plural(len(file.findings), "finding")} \u00b7 '
        f"<strong>{hype_rate(file):.1f}</strong> per 1,000 words"
        + (f" ({hype} counted)" if hype != len(file.findings) else "")
        + "</p>"
    )
    return (
        f'<section class="file" id="{anchor}" aria-labelledby="{anchor}-title">'
        f'<header class="file-head">{head}{meta}</header>'
        f"{_profile(anchor, file, scale)}"
        f"{draft_html(file, _ordered(file), ids, whole_piece)}"
        f"{_finding_list(file, ids)}"
        "</section>"
    )


def _profile(anchor: str, file: FileResult, scale: float) -> str:
    rates = category_rates(file)
    chart = (
        _chart(f"{anchor}-chart", rates, scale)
        if rates
        else '<p class="note">No hype findings: nothing to chart.</p>'
    )
    counts = severity_counts(file.findings)
    severities = "".join(
        f'<li><span class="sev sev-{name}">{name}</span> <strong>{count}</strong></li>' for name, count in counts.items()
    )
    return (
        '<div class="profile">'
        f'<figure class="chart-box"><figcaption>Findings per 1,000 words</figcaption>{chart}</figure>'
        f'<div class="figures"><h3>By severity</h3><ul class="severities">{severities}</ul>'
        f"{_readability(file.metrics)}</div>"
        "</div>"
    )


# Readability figures worth an editor's glance, in the order shown.
_READABILITY = (
    ("grade", "Grade level", "consensus US school grade; lower is easier"),
    ("flesch_reading_ease", "Reading ease", "Flesch; 60\u201370 is plain English"),
    ("words_per_sentence", "Words per sentence", ""),
    ("sentences", "Sentences", ""),
)


def _readability(metrics: dict[str, Any] | None) -> str:
    if not metrics:
        return ""
    items = []
    for key, label, note in _READABILITY:
        if key in metrics:
            hint = f' title="{escape(note)}"' if note else ""
            items.append(f"<div{hint}><dt>{label}</dt><dd>{_figure(metrics[key])}</dd></div>")
    if not items:
        return ""
    return f'<h3>Readability</h3><dl class="readability">{"".join(items)}</dl>'


def _figure(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "\u2013"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.1f}"
    return escape(str(value))


def _chart(chart_id: str, rates: dict[str, float], scale: float) -> str:
    """Horizontal bars, one per category, on the run's common scale."""
    row, label_width, bar_width = 22, 132, 168
    height = row * len(rates) + 4
    summary = ", ".join(f"{name} {rate:.1f}" for name, rate in rates.items())
    bars = []
    for index, (name, rate) in enumerate(rates.items()):
        y = index * row + 4
        width = max(2.0, bar_width * rate / scale) if scale else 0.0
        bars.append(
            f'<g data-category="{escape(name)}"><text x="0" y="{y + 12}">{escape(name)}</text>'
            f'<rect class="bar" x="{label_width}" y="{y + 2}" width="{width:.1f}" height="13" rx="2"/>'
            f'<text class="val" x="{label_width + width + 5:.1f}" y="{y + 12}">{rate:.1f}</text></g>'
        )
    return (
        f'<svg class="chart" viewBox="0 0 360 {height}" width="360" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}"><title id="{chart_id}">Findings per 1,000 words: {escape(summary)}</title>'
        f'{"".join(bars)}</svg>'
    )


def _finding_list(file: FileResult, ids: dict[int, str]) -> str:
    findings = _ordered(file)
    if not findings:
        return '<p class="clean">No findings.</p>'
    items = []
    for finding in findings:
        ident = ids[id(finding)]
        suggestion = f' <span class="sugg">{escape(finding.suggestion)}</span>' if finding.suggestion else ""
        items.append(
            f'<li data-f="{ident}" data-category="{escape(finding.category)}" data-severity="{escape(finding.severity)}">'
            f'<a class="jump" href="#{ident}" data-f="{ident}">{escape(position(finding))}</a> '
            f'<span class="sev sev-{escape(finding.severity)}">{escape(finding.severity)}</span> '
            f'<code>{escape(finding.rule)}</code> <span class="msg">{escape(finding.message)}</span>{suggestion}</li>'
        )
    return (
        f'<details class="findings"><summary>All {plural(len(findings), "finding")}, in order</summary>'
        f'<ol class="flist">{"".join(items)}</ol></details>'
    )
