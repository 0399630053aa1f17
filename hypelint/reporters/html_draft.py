"""The draft in the HTML report: a linted file shown as readable prose, its findings highlighted.

The file is parsed again by the linter's own parser (`parsers.parse_again`:
the same format and the same Document the rules saw), laid out from that
Document (html_layout) and written with nested highlights (html_render).
Headings, list items with their markers, quotes, tables, code, raw markup,
comments and front matter each get an element of their own; nothing of the
draft's own markup is ever rendered. A finding about the piece as a whole
(its rule's `whole_piece`) is not painted over the words that anchor it
(the headline, the first block) but shown as a banner at the top.
"""

from __future__ import annotations

from hypelint.model import FileResult, Finding
from hypelint.parsers import parse_again
from hypelint.reporters.html_layout import ShownBlock, layout
from hypelint.reporters.html_render import Highlight, Renderer, escape

_FORMAT_LABELS = {"markdown": "Markdown", "html": "HTML", "text": "plain text", "docx": "Word"}


def draft_html(file: FileResult, findings: list[Finding], ids: dict[int, str], whole_piece: frozenset[str]) -> str:
    """The draft's <article>: a banner for each finding of a `whole_piece` rule, then the text with
    every other finding highlighted on its span (findings in report order, each with its id)."""
    banners = "".join(_banner(f, ids[id(f)]) for f in findings if f.rule in whole_piece)
    spans = [f for f in findings if f.rule not in whole_piece]
    if file.source is None:  # a run built without sources: the list of findings is all there is
        return banners + '<p class="note">The text of this file is not part of the run; its findings are listed below.</p>'
    doc = parse_again(file)
    shown = layout(doc, [(finding.offset, finding.end_offset) for finding in spans])
    renderer = Renderer(_highlights(spans, ids, len(doc.text)), shown.styles)
    label = _FORMAT_LABELS.get(doc.fmt, doc.fmt)
    body = _body_html(shown.blocks, renderer)
    return f'<article class="draft fmt-{doc.fmt}" aria-label="{escape(file.path)} ({label})">{banners}{body}</article>'


def _banner(finding: Finding, ident: str) -> str:
    """A whole-piece finding as the highlights carry one (id, rule, category, severity), its words shown."""
    severity, rule = escape(finding.severity), escape(finding.rule)
    return (
        f'<aside class="hl piece" id="{ident}" data-f="{ident}" data-rule="{rule}" '
        f'data-category="{escape(finding.category)}" data-severity="{severity}" tabindex="0" '
        f'aria-label="About the whole piece: {severity} {rule}">'
        f'<p class="piece-head"><span class="piece-label">Whole piece</span> '
        f'<span class="sev sev-{severity}">{severity}</span> <code>{rule}</code> '
        f'<span class="rule-name">{escape(finding.name)}</span></p>'
        f'<p class="piece-msg">{escape(finding.message)}</p></aside>'
    )


def _highlights(findings: list[Finding], ids: dict[int, str], length: int) -> list[Highlight]:
    def clamp(offset: int) -> int:
        return min(max(offset, 0), length)

    return [
        Highlight(
            start=clamp(f.offset),
            end=clamp(f.end_offset),
            ident=ids[id(f)],
            attributes=(("data-rule", f.rule), ("data-category", f.category), ("data-severity", f.severity)),
        )
        for f in findings
    ]


def _body_html(blocks: list[ShownBlock], renderer: Renderer) -> str:
    """The blocks in order, consecutive table rows in one table (a header row after body rows starts another)."""
    out: list[str] = []
    rows: list[ShownBlock] = []  # the rows of the table being read
    for block in [*blocks, None]:
        continues = block is not None and block.kind == "row" and not (rows and block.header and not rows[-1].header)
        if rows and not continues:
            out.append(_table_html(rows, renderer))
            rows = []
        if block is not None and block.kind == "row":
            rows.append(block)
        elif block is not None:
            out.append(_block_html(block, renderer))
    return "".join(out)


def _table_html(rows: list[ShownBlock], renderer: Renderer) -> str:
    lines = []
    for row in rows:
        cell = "th" if row.header else "td"
        lines.append("<tr>" + "".join(f"<{cell}>{renderer.pieces_html(part)}</{cell}>" for part in row.parts) + "</tr>")
    return f'<div class="d-table{_container_classes(rows[0])}"><table>{"".join(lines)}</table></div>'


def _container_classes(block: ShownBlock) -> str:
    classes = ""
    if block.depth:
        classes += f" d-in{min(block.depth, 6)}"
    if block.quote:
        classes += f" d-q d-q{min(block.quote, 3)}"
    if block.furniture:
        classes += " d-furniture"
    return classes


def _block_html(block: ShownBlock, renderer: Renderer) -> str:
    classes = _container_classes(block)
    inner = "".join(renderer.pieces_html(part) for part in block.parts)
    if block.marker:
        inner = f'<span class="d-marker" aria-hidden="true">{escape(block.marker)}</span>{inner}'
        classes += " d-item"
    if block.kind == "rule":
        return f'<hr class="d-rule{classes}">'
    if block.kind == "heading":
        level = min(max(block.level, 1), 6)
        # The draft's headings sit under the report's h2 for the file.
        return f'<div class="d-h d-h{level}{classes}" role="heading" aria-level="{min(level + 2, 6)}">{inner}</div>'
    if block.kind == "code":
        return f'<pre class="d-code{classes}"><code>{inner}</code></pre>'
    if block.kind in ("raw", "comment", "front"):
        return f'<pre class="d-{block.kind}{classes}">{inner}</pre>'
    if block.kind == "title":
        return f'<p class="d-title{classes}"><span class="d-label">Page title</span> {inner}</p>'
    if block.kind == "caption":
        return f'<p class="d-caption{classes}">{inner}</p>'
    return f'<p class="d-p{classes}">{inner}</p>'
