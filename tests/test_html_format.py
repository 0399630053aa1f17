"""The HTML report's markup, without a browser: highlights, structure, escaping, the page's parts.

Each check parses the page with the standard library's HTML parser, as a
browser would, and looks at what is inside the highlights. The browser
behaviour (cards, keys, filters, layout) is tested in test_html_report.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from robustness.growth import assert_linear

from hypelint.api import lint_paths, lint_source
from hypelint.config import Config
from hypelint.model import FileResult, Finding, LineIndex, RuleInfo, RunResult
from hypelint.reporters import ReportOptions, render
from hypelint.parsers import parse
from hypelint.reporters.html_layout import layout

ROOT = Path(__file__).resolve().parent.parent


class Page(HTMLParser):
    """What a browser would see: the text inside each finding, elements, scripts.

    A finding is a highlight (`mark.hl`, perhaps in pieces) or, when it is
    about the whole piece, a banner (`aside.hl.piece`).
    """

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []  # (tag, finding id)
        self.text: dict[str, str] = {}  # finding id -> text of all its pieces
        self.firsts: list[str] = []  # ids of first pieces and banners, in order
        self.pieces: list[dict[str, str]] = []  # attributes of every piece of a highlight
        self.banners: dict[str, dict[str, str]] = {}  # finding id -> the banner's attributes
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.in_script = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        ident = None
        if tag in ("mark", "aside") and "hl" in attributes.get("class", "").split():
            ident = attributes["data-f"]
            if tag == "mark":
                self.pieces.append(attributes)
            else:
                self.banners[ident] = attributes
            self.text.setdefault(ident, "")
            if "cont" not in attributes["class"].split():
                self.firsts.append(ident)
        if tag == "script":
            self.in_script = True
            self.scripts.append("")
        if tag not in ("meta", "input", "br", "hr", "rect"):
            self.open.append((tag, ident))

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False
        while self.open:
            popped, _ = self.open.pop()
            if popped == tag:
                break

    def handle_data(self, data):
        if self.in_script:
            self.scripts[-1] += data
            return
        for _, ident in self.open:
            if ident:
                self.text[ident] += data


def html_report(run: RunResult) -> str:
    return render("html", run, ReportOptions())


def run_of(*files: tuple[str, str]) -> RunResult:
    """A real run over drafts given as (path, text)."""
    from hypelint.read.source import format_for

    run = RunResult(files=[])
    for path, text in files:
        run.files.append(lint_source(text, path, format_for(path, "markdown"), Config()))
    return run


def hand_finding(path, source, start, end, rule="HL900", category="superlative", severity="warning", message="m"):
    lines = LineIndex(source)
    line, column = lines.line_col(start)
    end_line, end_column = lines.line_col(end)
    return Finding(path, rule, f"{category}.x", category, severity, message, line, column, end_line, end_column,
                   start, end, source[start:end])  # fmt: skip


def squash(text: str) -> str:
    return " ".join(text.split())


# --- every finding, highlighted on its span ------------------------------------------------------


@pytest.fixture(scope="module")
def examples_run() -> RunResult:
    return lint_paths([str(ROOT / "examples")])


def test_examples_every_finding_has_one_highlight_on_its_words(examples_run):
    page = Page(html_report(examples_run))
    files = sorted(examples_run.files, key=lambda f: f.path)
    findings = [(f, file.source) for file in files for f in sorted(file.findings, key=Finding.sort_key)]
    assert len(findings) > 50
    assert len(page.firsts) == len(set(page.firsts)) == len(findings)
    whole_piece = {code for code, info in examples_run.rules.items() if info.whole_piece}
    assert {finding.rule for finding, _ in findings} & whole_piece  # HL207: the hype drafts are saturated
    by_id = dict(zip((f"f{n}" for n in range(1, len(findings) + 1)), findings))
    for ident, (finding, source) in by_id.items():
        if finding.rule in whole_piece:  # a banner with its words, not a highlight
            piece = page.banners[ident]
            assert finding.message in squash(page.text[ident]) and finding.name in page.text[ident]
        else:  # the examples' findings hold no markup, so what is highlighted is the source span itself
            piece = next(p for p in page.pieces if p["data-f"] == ident)
            assert squash(page.text[ident]) == squash(source[finding.offset : finding.end_offset]), finding.rule
        assert (piece["data-rule"], piece["data-category"], piece["data-severity"]) == (
            finding.rule, finding.category, finding.severity)  # fmt: skip
    assert not any(piece["data-rule"] in whole_piece for piece in page.pieces)


def whole_piece_run(source: str, path: str = "hype.md", with_source: bool = True) -> RunResult:
    """A run with one finding of a whole-piece rule anchored on the headline, and one on a word."""
    headline = source.splitlines()[0]
    start = source.index(headline.lstrip("# "))
    saturation = replace(
        hand_finding(path, source, start, len(headline), rule="HL207", category="promotional",
                     message="<b>9</b> hype findings in 300 words: the piece reads as promotion"),
        name="promotional.saturation",
    )  # fmt: skip
    word = hand_finding(path, source, source.index("unrivalled"), source.index("unrivalled") + 10, rule="HL301")
    file = FileResult(path, [saturation, word], words=300, source=source if with_source else None)
    run = RunResult(files=[file])
    run.rules["HL207"] = RuleInfo("HL207", "promotional.saturation", "promotional", "warning", "d", whole_piece=True)
    run.rules["HL301"] = RuleInfo("HL301", "superlative.x", "superlative", "warning", "d")
    return run


def test_a_whole_piece_finding_is_a_banner_at_the_top_of_its_draft_not_a_highlight():
    source = "# A Revolution in Every Home\n\nThe unrivalled assistant arrives.\n"
    text = html_report(whole_piece_run(source))
    page = Page(text)
    section = re.search(r'<section class="file".*?</section>', text, re.S).group()
    article = re.search(r"<article[^>]*>(.*?)</article>", section, re.S).group(1)
    # The banner opens the draft, before the headline, and the headline carries no highlight.
    assert article.startswith('<aside class="hl piece" id="f1" data-f="f1" data-rule="HL207"')
    headline = re.search(r'<div class="d-h d-h1"[^>]*>(.*?)</div>', article).group(1)
    assert headline == "A Revolution in Every Home"
    assert [p["data-f"] for p in page.pieces] == ["f2"] and page.firsts == ["f1", "f2"]
    # It shows severity, rule code and name, and the message (escaped).
    banner = page.text["f1"]
    for part in ("Whole piece", "warning", "HL207", "promotional.saturation", "<b>9</b> hype findings"):
        assert part in banner
    assert page.banners["f1"]["data-category"] == "promotional" and page.banners["f1"]["data-severity"] == "warning"
    assert "&lt;b&gt;9&lt;/b&gt;" in article
    # It stays in the file's list of findings, linked to the banner.
    assert '<a class="jump" href="#f1" data-f="f1">' in section
    # Without the draft's text the banner still opens the file's findings.
    sourceless = html_report(whole_piece_run(source, with_source=False))
    assert re.search(r'<aside class="hl piece" id="f1"[^>]*>.*?</aside><p class="note">', sourceless, re.S)


def test_a_rule_not_known_as_whole_piece_stays_a_highlight():
    source = "# A Revolution in Every Home\n\nThe unrivalled assistant arrives.\n"
    run = whole_piece_run(source)
    del run.rules["HL207"]  # a rule the run knows nothing of: its span is all there is to show
    page = Page(html_report(run))
    assert page.banners == {} and page.text["f1"] == "A Revolution in Every Home"


def test_overlapping_and_nested_findings_are_split_into_well_nested_pieces():
    source = "Alpha beta gamma delta epsilon zeta.\n"
    spans = [(0, 16), (6, 22), (11, 16), (17, 17), (23, 36)]  # crossing, nested, empty, plain
    findings = [hand_finding("a.md", source, start, end) for start, end in spans]
    run = RunResult(files=[FileResult("a.md", findings, words=6, source=source)])
    text = html_report(run)
    page = Page(text)
    assert sorted(page.firsts, key=lambda i: int(i[1:])) == ["f1", "f2", "f3", "f4", "f5"]
    for ident, (start, end) in zip(("f1", "f2", "f3", "f4", "f5"), spans):
        assert page.text[ident] == source[start:end]
    # The crossing pair cannot nest: one of them is closed and reopened as a continuation.
    assert len([p for p in page.pieces if "cont" in p["class"]]) >= 1
    assert 'class="hl point"' in text
    # Every element opened in the draft is closed in order (the parser would have popped wrongly otherwise).
    article = re.search(r"<article.*?</article>", text, re.S).group()
    depth = 0
    for tag in re.finditer(r"<(/?)mark\b", article):
        depth += -1 if tag.group(1) else 1
        assert depth >= 0
    assert depth == 0


def test_a_finding_across_paragraphs_continues_in_the_next_block():
    source = "First paragraph ends here.\n\nSecond one starts.\n"
    finding = hand_finding("a.md", source, 6, 46)
    page = Page(html_report(RunResult(files=[FileResult("a.md", [finding], words=7, source=source)])))
    assert page.firsts == ["f1"]
    assert "".join(page.text["f1"].split()) == "".join(source[6:46].split())
    assert len(page.pieces) == 2


def test_a_finding_inside_hidden_markup_is_shown():
    source = "<!-- hypelint: disable=HL201 -->\nPlain words here.\n\nA [link](https://example.com/x) too.\n"
    start = source.index("https")
    findings = [
        hand_finding("a.md", source, 0, source.index("-->") + 3, rule="HL001", category="meta"),
        hand_finding("a.md", source, start, start + 19),
    ]
    page = Page(html_report(RunResult(files=[FileResult("a.md", findings, words=5, source=source)])))
    assert page.firsts == ["f1", "f2"]
    assert page.text["f1"] == "<!-- hypelint: disable=HL201 -->"
    assert page.text["f2"] == "https://example.com"


# --- readable prose ------------------------------------------------------------------------------


def visible_text(source: str, fmt: str) -> str:
    run = RunResult(files=[FileResult(f"draft.{ {'markdown': 'md', 'html': 'html', 'text': 'txt'}[fmt] }", [], source=source)])
    article = re.search(r"<article.*?</article>", html_report(run), re.S).group()
    return article


def test_markdown_markup_is_hidden_and_structure_kept():
    source = (
        "# Title here #\n\nSome **bold** and *em* text with `code` and a [link](http://x.test \"t\").\n\n"
        "- item one\n- item two\n\n> quoted\n> more\n\n```python\nprint('<b>')\n```\n\n***\n\n"
        "| a | b |\n|---|---|\n| c | d |\n"
    )
    article = visible_text(source, "markdown")
    assert 'class="d-h d-h1"' in article and ">Title here</div>" in article
    assert "**" not in article and "](http" not in article and "```" not in article
    assert '<span class="s-strong">bold</span>' in article
    assert '<span class="s-code">code</span>' in article
    assert '<span class="s-link">link</span>' in article
    assert article.count('<span class="d-marker" aria-hidden="true">\u2022</span>') == 2
    assert "d-q" in article and "&gt; more" not in article
    assert "<pre class=\"d-code\"><code>print(&#x27;&lt;b&gt;&#x27;)</code></pre>" in article
    assert "<th>a</th><th>b</th>" in article and "<td>c</td><td>d</td>" in article and "---" not in article
    assert '<hr class="d-rule">' in article and "***" not in article


def test_html_drafts_show_text_only_with_entities_decoded():
    source = (
        "<html><head><title>The &amp; title</title><style>p{color:red}</style></head><body>"
        "<h2>Head</h2><p>One &lt;b&gt; two&nbsp;three <a href='x'>link</a>.</p>"
        "<ul><li>first</li><li>second</li></ul><pre>x &lt; y</pre>"
        "<script>document.title='pwned'</script></body></html>"
    )
    article = visible_text(source, "html")
    assert "The &amp; title" in article  # the title, decoded once, escaped once
    assert "color:red" not in article and "pwned" not in article
    assert "One &lt;b&gt; two\u00a0three" in article
    assert '<span class="s-link">link</span>' in article
    assert "<li" not in article and article.count("d-marker") == 2
    assert '<pre class="d-code"><code>x &lt; y</code></pre>' in article


def test_plain_text_keeps_the_linters_blocks():
    source = "A Plain Title\n\nFirst paragraph, wrapped\nover two lines.\n\n- one\n- two\n"
    article = visible_text(source, "text")
    assert 'class="d-h d-h1"' in article
    assert "wrapped\nover two lines." in article
    assert article.count("d-marker") == 2


# --- the report shows what the Document holds ---------------------------------------------------


def marked_article(name: str, source: str, flagged: str) -> str:
    """The draft's article with one finding on the source text `flagged` (its first occurrence)."""
    start = source.index(flagged)
    finding = hand_finding(name, source, start, start + len(flagged))
    page = html_report(RunResult(files=[FileResult(name, [finding], words=9, source=source)]))
    return re.search(r"<article.*?</article>", page, re.S).group()


def one_highlight(article: str) -> str:
    """The inner HTML of the article's only highlight, which must be in one piece."""
    (inner,) = re.findall(r'<mark class="hl" id="f1"[^>]*>(.*?)</mark>', article, re.S)
    assert "cont" not in article
    return inner


@pytest.mark.parametrize(
    "source,flagged,around",
    [
        ("A *truly revolutionary* model.\n", "revolutionary", r'<span class="s-em">truly <mark[^>]*>revolutionary</mark></span>'),
        ("A __revolutionary__ model.\n", "revolutionary", r'<mark[^>]*><span class="s-strong">revolutionary</span></mark>'),
        ("See [the best model](https://x.test/a) now.\n", "best", r'<span class="s-link">the <mark[^>]*>best</mark> model</span>'),
        ("Intro.\n\n- one\n- the best tool\n", "best",
         r'<p class="d-p d-in1 d-item"><span class="d-marker" aria-hidden="true">\u2022</span>the <mark[^>]*>best</mark> tool</p>'),
        ("| Model | Claim |\n|---|---|\n| X | the best one |\n", "best",
         r'<tr><th>Model</th><th>Claim</th></tr><tr><td>X</td><td>the <mark[^>]*>best</mark> one</td></tr>'),
    ],
)
def test_a_finding_in_markdown_structure_is_highlighted_with_the_markup_hidden(source, flagged, around):
    article = marked_article("draft.md", source, flagged)
    assert one_highlight(article).endswith(f"{flagged}</span>" if "strong" in around else flagged)
    assert re.search(around, article), article
    assert not re.search(r"[*_|\]]|https://|---", re.sub(r"<[^>]+>", "", article))  # no markup shown


def test_a_finding_in_html_with_entities_selects_the_decoded_text():
    source = "<p>AT&amp;T&#39;s <b>best&nbsp;model</b> &lt;ever&gt;.</p><table><tr><th>h</th></tr><tr><td>c</td></tr></table>"
    article = marked_article("draft.html", source, "AT&amp;T&#39;s <b>best")
    page = Page(article)
    assert page.text["f1"] == "AT&T's best"
    assert one_highlight(article) == 'AT&amp;T&#x27;s <span class="s-strong">best</span>'
    assert '<span class="s-strong">\u00a0model</span> &lt;ever&gt;.' in article  # the style goes on after it
    assert "<tr><th>h</th></tr><tr><td>c</td></tr>" in article


def test_a_finding_in_plain_text_keeps_the_lines_as_written():
    source = "A Plain Title\n\nThe model is the best\never made.\n\n1. first\n2. second\n"
    article = marked_article("draft.txt", source, "best\never")
    assert one_highlight(article) == "best\never"
    assert article.count('<span class="d-marker" aria-hidden="true">') == 2 and ">2.</span>second" in article


@pytest.mark.parametrize("name", ["draft.md", "draft.html"])
def test_code_is_shown_but_never_highlighted(name):
    claim = "A revolutionary, game-changing, unprecedented model."
    source = f"```\n{claim}\n```\n\nPlain words.\n" if name.endswith(".md") else f"<pre>{claim}</pre><p>Plain words.</p>"
    run = run_of((name, source))
    assert run.files[0].findings == []  # code is never linted ...
    article = re.search(r"<article.*?</article>", html_report(run), re.S).group()
    assert f'<pre class="d-code"><code>{claim}</code></pre>' in article  # ... but it is shown


def test_inline_code_in_html_is_shown_where_it_stands():
    article = visible_text("<p>Run <code>make &amp;&amp; test</code> first.</p>", "html")
    assert '<p class="d-p">Run <span class="s-code">make &amp;&amp; test</span> first.</p>' in article


def test_stdin_and_unknown_suffixes_are_shown_as_the_linter_read_them():
    draft = "# Title\n\nA **bold** claim.\n"
    for path, fmt in ((None, "markdown"), ("notes", "text")):
        run = RunResult(files=[lint_source(draft, path, fmt, Config())])
        article = re.search(r"<article.*?</article>", html_report(run), re.S).group()
        assert f'class="draft fmt-{fmt}"' in article
        assert ("**" in article) == (fmt == "text")  # Markdown's markers hidden; plain text has none


def test_a_draft_is_shown_in_the_format_it_was_linted_as_whatever_its_name():
    # stdin named "notes" is linted as Markdown (the stdin default), a file
    # called "notes" as plain text: the name alone cannot tell the report which
    draft = "# Title\n\nA **bold** claim.\n"
    for fmt in ("markdown", "text"):
        run = RunResult(files=[lint_source(draft, "notes", fmt, Config())])
        article = re.search(r"<article.*?</article>", html_report(run), re.S).group()
        assert f'class="draft fmt-{fmt}"' in article
        assert ("**" in article) == (fmt == "text")


def test_a_word_draft_is_shown_with_its_styles(tmp_path):
    docx = pytest.importorskip("docx", reason="python-docx is in the test extra")
    draft = docx.Document()
    draft.add_heading("Budget report", 0)
    draft.add_paragraph("The council approved the best budget ever.")
    draft.add_paragraph("a library", style="List Bullet")
    path = tmp_path / "draft.docx"
    draft.save(str(path))
    run = lint_paths([str(path)])
    assert any(finding.excerpt == "the best" for finding in run.findings)
    article = re.search(r"<article.*?</article>", html_report(run), re.S).group()
    assert 'class="draft fmt-docx"' in article and ">Budget report</div>" in article
    assert re.search(r'approved <mark class="hl" id="f\d+"[^>]*>the best</mark> budget', article)
    assert '<span class="d-marker" aria-hidden="true">\u2022</span>a library' in article


@pytest.mark.parametrize("name", ["a.md", "a.html", "a.txt"])
def test_a_draft_cannot_inject_markup(name):
    source = (
        "<script>window.__pwned = 1</script>\n\n"
        "Text <img src=x onerror=\"window.__pwned = 2\"> and <b onclick=alert(1)>bold</b> "
        "</article></section><script>alert(3)</script> and a revolutionary claim.\n"
    )
    run = run_of((name, source))
    text = html_report(run)
    page = Page(text)
    assert [tag for tag, _ in page.tags if tag in ("img", "iframe", "object", "embed", "b")] == []
    assert len(page.scripts) == 2  # the data block and the report's own script
    assert not any(name.startswith("on") for _, attributes in page.tags for name in attributes)
    assert "window.__pwned" not in "".join(page.scripts)
    assert text.count("</article>") == 1


def test_messages_and_paths_are_escaped_and_data_cannot_close_its_script():
    source = "A revolutionary model.\n"
    finding = hand_finding("<b>x</b>.md", source, 2, 15, message="</script><script>alert(1)</script> & more")
    run = RunResult(files=[FileResult("<b>x</b>.md", [finding], words=3, source=source)])
    run.rules["HL900"] = RuleInfo("HL900", "superlative.x", "superlative", "warning", "<i>desc</i>", "why", "ref")
    text = html_report(run)
    page = Page(text)
    assert len(page.scripts) == 2
    data = json.loads(page.scripts[0])
    assert data["findings"]["f1"]["message"] == "</script><script>alert(1)</script> & more"
    assert data["rules"]["HL900"]["description"] == "<i>desc</i>"
    assert "<b>x</b>" not in text and "&lt;b&gt;x&lt;/b&gt;.md" in text


# --- the page ------------------------------------------------------------------------------------


def test_page_is_self_contained_and_its_policy_allows_only_its_own_code():
    text = html_report(run_of(("a.md", "A revolutionary model.\n")))
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", text)
    assert "@import" not in text and "url(" not in text
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
    style = re.search(r"<style>(.*?)</style>", text, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", text, re.S).group(1)
    for code in (style, script):
        digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy


def test_each_category_filter_has_an_only_button_and_the_keys_hint_is_for_pointers():
    run = run_of(("hot.md", "A revolutionary, game-changing model. Experts say it is the best ever made.\n"))
    text = html_report(run)
    page = Page(text)
    buttons = [attributes for tag, attributes in page.tags if tag == "button" and "only" in attributes.get("class", "").split()]
    assert sorted(button["data-category"] for button in buttons) == sorted({f.category for f in run.findings})
    for button in buttons:  # a real button, named for what it does, not pressed while every category shows
        assert (button["type"], button["aria-label"], button["aria-pressed"]) == (
            "button", f"Only {button['data-category']}", "false")  # fmt: skip
    assert ("button", "Show all categories") in [(tag, a.get("aria-label")) for tag, a in page.tags]
    # The keys are named in the pointer hint, which the stylesheet hides on touch screens.
    hint = re.search(r'<p class="keys">(.*?)</p>', text, re.S).group(1)
    assert re.search(r'<span class="pointer-hint">[^<]*Keys: <kbd>', hint) and '<span class="touch-hint">Tap' in hint
    style = re.search(r"<style>(.*?)</style>", text, re.S).group(1)
    assert re.search(r"@media \(hover: none\) and \(pointer: coarse\) \{\s*\.pointer-hint \{ display: none; \}", style)


def test_front_page_sorts_files_by_hype_rate_and_links_them():
    run = run_of(
        ("calm.md", "The council met on Tuesday and approved the budget for the library.\n"),
        ("hot.md", "A revolutionary, game-changing, groundbreaking model.\n"),
        ("warm.md", "The council approved a revolutionary budget for the library after a long debate.\n"),
    )
    text = html_report(run)
    overview = re.search(r'<section class="overview".*?</section>', text, re.S).group()
    order = re.findall(r'<a href="#(file-\d)">([^<]+)</a>', overview)
    assert [path for _, path in order] == ["hot.md", "warm.md", "calm.md"]
    for anchor, path in order:
        assert f'id="{anchor}"' in text and f'id="{anchor}-title">{path}</h2>' in text
    # One file: no front page.
    assert 'class="overview"' not in html_report(run_of(("one.md", "A revolutionary model.\n")))


def test_profile_chart_readability_and_severities():
    run = run_of(("hot.md", "A revolutionary, game-changing model. Experts say it is the best ever made.\n"))
    file = run.files[0]
    text = html_report(run)
    chart = re.search(r'<svg class="chart".*?</svg>', text, re.S).group()
    categories = {f.category for f in file.findings}
    assert set(re.findall(r'<g data-category="([^"]+)">', chart)) == categories
    promotional = sum(1 for f in file.findings if f.category == "promotional") * 1000 / file.words
    assert f">{promotional:.1f}</text>" in chart
    assert "Grade level" in text if file.metrics.get("grade") is not None else True
    counts = {s: sum(1 for f in file.findings if f.severity == s) for s in ("error", "warning", "info")}
    for severity, count in counts.items():
        assert f'<span class="sev sev-{severity}">{severity}</span> <strong>{count}</strong>' in text


def test_readability_figures_come_from_metrics_when_present():
    source = "Plain words.\n"
    with_metrics = FileResult("a.md", [], words=2, source=source, metrics={"grade": 3.25, "flesch_reading_ease": 90.0})
    text = html_report(RunResult(files=[with_metrics]))
    assert "<dt>Grade level</dt><dd>3.2</dd>" in text and "<dt>Reading ease</dt><dd>90.0</dd>" in text
    assert "Readability" not in html_report(RunResult(files=[FileResult("a.md", [], words=2, source=source)]))


def test_broken_files_and_missing_sources_are_reported():
    broken = FileResult("bad.md", [], error="bad.md: not valid UTF-8")
    source = "A revolutionary model.\n"
    sourceless = FileResult("gone.md", [hand_finding("gone.md", source, 2, 15)], words=3)
    text = html_report(RunResult(files=[broken, sourceless], errors=["missing.md: no such file"]))
    assert "Could not be checked: not valid UTF-8" in text
    assert "missing.md: no such file" in text
    assert "not part of the run" in text and 'data-f="f1"' in text  # listed, though not highlighted


def test_layout_offsets_hold_for_crlf_and_non_ascii():
    source = "# Ünïcödé 最好 🚀\r\n\r\nText with é and 🚀 here.\r\n"
    heading, paragraph = layout(parse(source, "markdown"), []).blocks
    assert [(piece.text, source[piece.at : piece.end]) for piece in heading.parts[0]] == [("Ünïcödé 最好 🚀",) * 2]
    assert [(piece.text, source[piece.at : piece.end]) for piece in paragraph.parts[0]] == [("Text with é and 🚀 here.",) * 2]


def test_comments_on_their_own_lines_are_shown_and_inline_ones_hidden():
    for name, source in (
        ("draft.txt", "<!-- hypelint: disable=HL999 -->\n\nWords before <!-- aside --> and after.\n"),
        ("draft.md", "<!-- hypelint: disable=HL999 -->\n\nWords before <!-- aside --> and after.\n"),
    ):
        run = RunResult(files=[FileResult(name, [], source=source)])
        article = re.search(r"<article.*?</article>", html_report(run), re.S).group()
        assert '<pre class="d-comment">&lt;!-- hypelint: disable=HL999 --&gt;</pre>' in article, name
        assert "aside" not in article and "Words before  and after." in article, name
        assert article.count("d-comment") == 1, name  # no empty block for the inline one


@pytest.mark.parametrize(
    "name, unit, count",
    [
        ("many.md", "word *", 30000),  # unclosed emphasis markers
        ("many.md", "[a](b) ", 6000),  # thousands of styles in one paragraph
        ("many.md", "<b>x</b> ", 10000),  # inline tags
        ("deep.html", "<div>x ", 17000),  # deep nesting
        ("deep.html", "<ul><li>x", 9000),
    ],
)
def test_long_paragraphs_and_deep_nesting_render_in_linear_time(name, unit, count):
    # Quadratic passes took a minute or more on these: 4x the input must cost about 4x the time.
    def report_of(n):
        return lambda: html_report(RunResult(files=[FileResult(name, [], words=1, source=unit * n)]))

    assert html_report(RunResult(files=[FileResult(name, [], words=1, source=unit * count)])).count("<article") == 1
    assert_linear(report_of, count, name)


def test_thousands_of_findings_in_hidden_markup_are_revealed_in_one_pass():
    def source(n):
        return "<p>" + "word <!-- hypelint: disable=HL201 --> " * n + "</p>\n"

    run = run_of(("many.html", source(3000)))
    assert len(run.findings) == 3000
    page = Page(html_report(run))
    assert len(page.firsts) == 3000
    assert all(text == "<!-- hypelint: disable=HL201 -->" for text in page.text.values())
    runs = {n: run_of(("many.html", source(n))) for n in (3000, 12000)}
    assert_linear(lambda n: lambda: Page(html_report(runs[n])), 3000, "revealed findings")

