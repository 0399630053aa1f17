"""The HTML report's controls: the toolbar a reader drives it with, and the hint that explains it.

The toolbar stays at the top of the screen: previous and next finding with
the position between them, and the filters, a checkbox per category and per
severity. Each category also has an "only this" button (pressed: that
category alone is shown; pressed again, or "show all", brings every category
back). html_report.js gives them their behaviour; this module writes the
markup, every name escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypelint.model import CATEGORIES
from hypelint.reporters import category_counts, severity_counts
from hypelint.reporters.html_render import escape

if TYPE_CHECKING:
    from hypelint.model import RunResult


def toolbar(run: RunResult) -> str:
    findings = run.findings
    return (
        '<nav class="toolbar" aria-label="Findings">'
        '<a class="brand" href="#top">hypelint</a><span class="spacer"></span>'
        '<button type="button" id="prev" title="Previous finding (p, k or \u2190)">\u2190<span class="wide-only"> Prev</span></button>'
        f'<span id="position" class="position">{len(findings)} findings</span>'
        '<button type="button" id="next" title="Next finding (n, j or \u2192)"><span class="wide-only">Next </span>\u2192</button>'
        f"{_filters(run) if findings else ''}</nav>"
    )


def _filters(run: RunResult) -> str:
    categories = "".join(_category_row(name, count) for name, count in category_counts(run.findings).items())
    severities = "".join(
        f'<label><input type="checkbox" checked data-kind="severity" value="{name}">'
        f'<span class="sev sev-{name}">{name}</span> <span class="n">{count}</span></label>'
        for name, count in severity_counts(run.findings).items()
        if count
    )
    return (
        '<details class="filters"><summary>Filters</summary><div class="filter-panel">'
        # The fieldset is named apart from its legend, which holds a button too.
        '<fieldset aria-label="Categories"><legend class="with-button">Categories'
        '<button type="button" class="show-all" aria-label="Show all categories">show all</button></legend>'
        f"{categories}</fieldset>"
        f"<fieldset><legend>Severities</legend>{severities}</fieldset>"
        "</div></details>"
    )


def _category_row(name: str, count: int) -> str:
    """A category's checkbox, and beside it (not inside its label) the button that shows it alone."""
    shown = escape(name)
    return (
        f'<div class="filter-row" data-category="{shown}">'
        f'<label title="{escape(CATEGORIES.get(name, name))}"><input type="checkbox" checked data-kind="category" '
        f'value="{shown}"><span class="swatch"></span>{shown} <span class="n">{count}</span></label>'
        f'<button type="button" class="only" data-category="{shown}" aria-pressed="false" '
        f'aria-label="Only {shown}" title="Show only {shown} (again: show all)">only</button></div>'
    )


def keys_hint() -> str:
    """How to read the report: with a mouse and keys on a desktop; by touch (no keys to name) on a phone."""
    return (
        '<p class="keys">'
        '<span class="pointer-hint">Click or hover a highlight for the finding. Keys: <kbd>n</kbd>/<kbd>j</kbd>/<kbd>\u2192</kbd> '
        "next, <kbd>p</kbd>/<kbd>k</kbd>/<kbd>\u2190</kbd> previous, <kbd>Esc</kbd> close.</span>"
        '<span class="touch-hint">Tap a highlight for the finding; the arrows at the top move to the next and previous.</span>'
        "</p>"
    )
