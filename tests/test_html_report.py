"""The HTML report in a real browser: headless Chromium driven by Playwright.

The report of examples/ is opened as an editor would open it: the number of
highlights equals the number of findings, clicking one shows its message,
keys move between findings, a filter hides a category, nothing is logged as
an error, and the page is readable at 1280 px and at a phone's 375 px (no
horizontal overflow). A draft carrying `<script>` and `<img onerror>` is
reported without either running. Screenshots go to the test's tmp_path.

The browser is Debian's `chromium` (/usr/bin/chromium, or $HYPELINT_CHROMIUM)
and the driver the `playwright` package; Playwright's own browser downloads
are never used. The browser setup is shared with scripts/screenshot_report.py.
Without Chromium or Playwright these tests skip, unless
HYPELINT_REQUIRE_BROWSER=1 (set by .ci/run once it has installed Chromium):
then they fail, so CI can never pass by skipping them.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_screenshot_script():
    spec = importlib.util.spec_from_file_location("screenshot_report", ROOT / "scripts" / "screenshot_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


shots = _load_screenshot_script()


def _missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed (pip install playwright; it is in the test extra)"
    if shots.chromium_path() is None:
        return "no Chromium: apt-get install chromium (or set HYPELINT_CHROMIUM to a Chromium binary)"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("HYPELINT_REQUIRE_BROWSER") == "1":
            pytest.fail(f"HYPELINT_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    with shots.launch() as launched:
        yield launched


class Page:
    """A browser tab on a report, recording every console error and uncaught exception."""

    def __init__(self, browser, report: Path, width: int = 1280, height: int = 900, scheme: str = "light"):
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(report.resolve().as_uri())
        self.page.wait_for_load_state("load")

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def close(self) -> None:
        self.page.close()


def _report(paths: list[str], out: Path, cwd: Path = ROOT) -> Path:
    shots.write_report(paths, out, cwd=cwd)
    return out


def _findings(paths: list[str], cwd: Path = ROOT) -> list[dict]:
    """The run's findings as the JSON format lists them (the report's order)."""
    command = [sys.executable, "-m", "hypelint", "check", "--format", "json", *paths]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


@pytest.fixture(scope="module")
def examples_report(tmp_path_factory) -> Path:
    return _report(["examples/"], tmp_path_factory.mktemp("report") / "examples.html")


def _is_png(path: Path) -> bool:
    return path.exists() and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_finding_is_highlighted_and_clicking_one_shows_its_message(browser, examples_report, tmp_path):
    findings = _findings(["examples/"])
    assert findings
    tab = Page(browser, examples_report)
    page = tab.page
    assert page.locator("mark.hl:not(.cont)").count() == len(findings)
    assert tab.js("new Set([...document.querySelectorAll('mark.hl')].map(m => m.dataset.f)).size") == len(findings)
    # Every piece carries its finding's rule, category and severity, as the JSON lists them.
    pieces = tab.js("[...document.querySelectorAll('mark.hl:not(.cont)')].map(m => "
                    "[m.dataset.f, m.dataset.rule, m.dataset.category, m.dataset.severity])")  # fmt: skip
    by_id = {ident: (rule, category, severity) for ident, rule, category, severity in pieces}
    # Ids follow the report's order: files by path, findings in source order (the JSON's order).
    for number, finding in enumerate(findings, 1):
        assert by_id[f"f{number}"] == (finding["rule"], finding["category"], finding["severity"])

    card = page.locator("#card")
    assert card.is_hidden()
    # Hovering shows a finding's card; moving away hides it again.
    page.locator("mark#f8").hover()
    assert card.is_visible() and findings[7]["message"] in card.inner_text()
    page.mouse.move(2, 300)
    page.wait_for_timeout(400)
    assert card.is_hidden()
    target = findings[4]
    page.locator("mark#f5").click()
    assert card.is_visible()
    assert target["message"] in card.inner_text()
    assert page.locator("mark#f5").evaluate("m => m.classList.contains('current')")
    page.screenshot(path=str(tmp_path / "examples-card.png"))
    assert _is_png(tmp_path / "examples-card.png")

    # Keys: next and previous finding.
    page.keyboard.press("n")
    assert findings[5]["message"] in card.inner_text()
    page.keyboard.press("ArrowRight")
    assert findings[6]["message"] in card.inner_text()
    page.keyboard.press("k")
    assert findings[5]["message"] in card.inner_text()
    page.keyboard.press("Escape")
    assert card.is_hidden()
    assert tab.errors == []
    tab.close()


def test_a_filter_hides_a_category_and_navigation_skips_it(browser, examples_report):
    findings = _findings(["examples/"])
    category = "futurism"
    hidden = sum(1 for finding in findings if finding["category"] == category)
    assert hidden
    tab = Page(browser, examples_report)
    page = tab.page
    marks = page.locator(f'mark.hl[data-category="{category}"]')
    before = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert before != "rgba(0, 0, 0, 0)"
    page.locator(".filters summary").click()
    page.locator(f'.filters input[data-kind="category"][value="{category}"]').uncheck()
    assert tab.js(f"[...document.querySelectorAll('mark.hl[data-category=\"{category}\"]')]"
                  ".every(m => m.classList.contains('off') && getComputedStyle(m).backgroundColor === 'rgba(0, 0, 0, 0)')")  # fmt: skip
    # Other categories keep their colour; the file lists hide the category too.
    other = page.locator(f'mark.hl:not([data-category="{category}"])').first
    assert other.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert tab.js(f"[...document.querySelectorAll('.flist li[data-category=\"{category}\"]')].every(li => li.hidden)")
    assert f"{len(findings) - hidden} of {len(findings)} shown" in page.locator("#position").inner_text()
    # Walking through every finding never lands on a hidden one.
    page.keyboard.press("Escape")
    page.locator("body").click(position={"x": 5, "y": 300})
    seen = set()
    for _ in range(len(findings) - hidden):
        page.keyboard.press("j")
        seen.add(tab.js("document.querySelector('mark.hl.current:not(.cont)').dataset.category"))
    assert category not in seen and len(seen) > 3
    # The click elsewhere folded the panel away; a severity filter works the same way.
    assert not page.locator(".filters").evaluate("d => d.open")
    page.locator(".filters summary").click()
    page.locator('.filters input[data-kind="severity"][value="info"]').uncheck()
    assert tab.js("[...document.querySelectorAll('mark.hl[data-severity=\"info\"]')].every(m => m.classList.contains('off'))")
    page.locator(f'.filters input[data-kind="category"][value="{category}"]').check()
    assert tab.js(f"document.querySelectorAll('mark.hl.off[data-category=\"{category}\"]:not([data-severity=\"info\"])').length") == 0
    assert tab.errors == []
    tab.close()


@pytest.mark.parametrize("width,height", [(1280, 900), (375, 812)])
def test_readable_on_a_desktop_and_on_a_phone(browser, examples_report, tmp_path, width, height):
    tab = Page(browser, examples_report, width=width, height=height)
    page = tab.page
    # Nothing wider than the screen: no sideways scrolling of the page.
    assert tab.js("document.documentElement.scrollWidth") <= width
    assert tab.js("document.body.scrollWidth") <= width
    # The draft's text is of reading size and its column neither cramped nor too wide.
    size = tab.js("parseFloat(getComputedStyle(document.querySelector('.draft p')).fontSize)")
    assert size >= 15
    column = tab.js("document.querySelector('.draft').getBoundingClientRect().width")
    assert 300 <= column <= 900 if width > 800 else 300 <= column <= width
    # The card fits on the screen too.
    page.locator("mark#f3").click()
    box = page.locator("#card").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    page.screenshot(path=str(tmp_path / f"examples-{width}.png"), full_page=True)
    assert _is_png(tmp_path / f"examples-{width}.png")
    assert tab.errors == []
    tab.close()


def test_dark_scheme_follows_the_system(browser, examples_report):
    colours = {}
    for scheme in ("light", "dark"):
        tab = Page(browser, examples_report, scheme=scheme)
        colours[scheme] = tab.js("getComputedStyle(document.body).backgroundColor")
        tab.close()
    assert colours["light"] != colours["dark"]
    red, green, blue = (int(part) for part in colours["dark"][4:-1].split(",")[:3])
    assert red + green + blue < 3 * 80  # dark means dark


def test_an_injected_script_does_not_run(browser, tmp_path):
    payload = (
        "# A revolutionary release\n\n"
        "<script>window.__pwned = 1</script>\n\n"
        'Experts say it is game-changing. <img src=x onerror="window.__pwned = 2">\n\n'
        "<p onmouseover=\"window.__pwned = 3\">hover</p>\n"
    )
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("evil.md", "evil.html", "evil.txt"):
        (drafts / name).write_text(payload, encoding="utf-8")
    report = _report(["drafts"], tmp_path / "evil-report.html", cwd=tmp_path)
    findings = _findings(["drafts"], cwd=tmp_path)
    tab = Page(browser, report)
    page = tab.page
    page.mouse.move(10, 10)
    for mark in page.locator("mark.hl").all()[:5]:
        mark.hover()
    assert tab.js("typeof window.__pwned") == "undefined"
    assert tab.js("document.querySelectorAll('img').length") == 0
    assert tab.js("document.scripts.length") == 2  # the report's data and its own script
    assert tab.js("[...document.querySelectorAll('*')].some(e => [...e.attributes].some(a => a.name.startsWith('on')))") is False
    # The drafts' markup is shown as text where the format shows it (Markdown raw HTML, plain text).
    assert "window.__pwned = 1" in page.locator("article.fmt-markdown").inner_text()
    assert "window.__pwned = 1" in page.locator("article.fmt-text").inner_text()
    assert "window.__pwned" not in page.locator("article.fmt-html").inner_text()
    assert page.locator("mark.hl:not(.cont)").count() == len(findings)
    page.screenshot(path=str(tmp_path / "evil.png"), full_page=True)
    assert _is_png(tmp_path / "evil.png")
    assert tab.errors == []
    tab.close()
