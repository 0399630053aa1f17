"""The draft in the HTML report: a linted file shown as readable prose, its findings highlighted.

The file is parsed again by the linter's own parser (`parsers.parse_again`:
the same format and the same Document the rules saw), laid out from that
Document (html_layout) and written with nested highlights (html_render).
Headings, list items with their markers, quotes, tables, code, raw markup,
comments and front matter each get an element of their own; nothing of the
draft's own markup is ever rendered.
"""

from __future__ import annotations

from hypelint.model import FileResult, Finding
from hypelint.parsers import parse_again
from hypelint.reporters.html_layout import ShownBlock, layout
from hypelint.reporters.html_render import Highlight, Renderer, escape

_FORMAT_LABELS = {"markdown": "Markdown", "html": "HTML", "text": "plain text", "docx": "Word"}


def draft_html(file: FileResult, findings: list[Finding], ids: dict[int, str]) -> str:
    """The draft's <article>, every finding (in report order, with its id) highlighted on its span."""
    if file.source is None:  # a run built without sources: the list of findings is all there is
        return '<p class="note">The text of this file is not part of the run; its findings are listed below.</p>'
    doc = parse_again(file.path, file.source)
    shown = layout(doc, [(finding.offset, finding.end_offset) for finding in findings])
    length = len(doc.text)

    def clamp(offset: int) -> int:
        return min(max(offset, 0), length)

    highlights = [
        Highlight(
            start=clamp(f.offset),
            end=clamp(f.end_offset),
            ident=ids[id(f)],
            attributes=(("data-rule", f.rule), ("data-category", f.category), ("data-severity", f.severity)),
        )
        for f in findings
    ]
    renderer = Renderer(highlights, shown.styles)
    out: list[str] = []
    in_table = False
    for number, block in enumerate(shown.blocks):
        if block.kind == "row":
            before = shown.blocks[number - 1] if number else None
            # A header row after body rows starts a table of its own.
            if in_table and block.header and before is not None and not before.header:
                out.append("</table></div>")
                in_table = False
            if not in_table:
                out.append(f'<div class="d-table{_container_classes(block)}"><table>')
                in_table = True
            cell = "th" if block.header else "td"
            out.append("<tr>" + "".join(f"<{cell}>{renderer.pieces_html(part)}</{cell}>" for part in block.parts) + "</tr>")
            continue
        if in_table:
            out.append("</table></div>")
            in_table = False
        out.append(_block_html(block, renderer))
    if in_table:
        out.append("</table></div>")
    label = _FORMAT_LABELS.get(doc.fmt, doc.fmt)
    return f'<article class="draft fmt-{doc.fmt}" aria-label="{escape(file.path)} ({label})">{"".join(out)}</article>'


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
