"""The HTML report in a real browser: headless Chromium driven by Playwright.

The report of examples/ is opened as an editor would open it: the number of
highlights and banners equals the number of findings, clicking one shows its
message, keys move between findings, a finding about the whole piece is a
banner that navigation and filters treat as any other, a filter hides a
category and "only this" shows one alone, nothing is logged as an error, and
the page is readable at 1280 px and at a phone's 375 px (no horizontal
overflow). On a touch screen (a phone's viewport with touch), tapping a
highlight sets the position that next and previous move on from, and the
hint naming the keys is hidden. A draft carrying `<script>` and
`<img onerror>` is reported without either running. Screenshots go to the
test's tmp_path.

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
    """A browser tab on a report, recording every console error and uncaught exception.

    `touch` makes it a phone's: a touch screen (no hover, a coarse pointer) that taps.
    """

    def __init__(self, browser, report: Path, width: int = 1280, height: int = 900, scheme: str = "light",
                 touch: bool = False):  # fmt: skip
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme,
                                     has_touch=touch, is_mobile=touch)  # fmt: skip
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
    assert page.locator(".hl:not(.cont)").count() == len(findings)
    assert tab.js("new Set([...document.querySelectorAll('.hl')].map(m => m.dataset.f)).size") == len(findings)
    # Every piece (or banner) carries its finding's rule, category and severity, as the JSON lists them.
    pieces = tab.js("[...document.querySelectorAll('.hl:not(.cont)')].map(m => "
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
        seen.add(tab.js("document.querySelector('.hl.current:not(.cont)').dataset.category"))
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


def _current(tab: Page) -> str | None:
    """The id of the finding next and previous move on from (its first piece or banner is marked current)."""
    return tab.js("(document.querySelector('.hl.current:not(.cont)') || {}).id || null")


def _in_view(tab: Page, ident: str) -> bool:
    return tab.js(f"(r => r.top >= 0 && r.bottom <= innerHeight)(document.getElementById('{ident}').getBoundingClientRect())")


def test_a_whole_piece_finding_is_a_banner_that_navigation_and_filters_treat_as_any_other(browser, examples_report):
    findings = _findings(["examples/"])
    banners = {f"f{number}": finding for number, finding in enumerate(findings, 1) if finding["rule"] == "HL207"}
    assert len(banners) >= 2  # the hype drafts are saturated
    tab = Page(browser, examples_report)
    page = tab.page
    card = page.locator("#card")
    for ident, finding in banners.items():
        banner = page.locator(f"#{ident}")
        # At the top of its file's draft, in that file's section, and never a highlight over the headline.
        assert banner.evaluate("b => b.tagName === 'ASIDE' && b === b.closest('article.draft').firstElementChild")
        assert banner.evaluate("b => b.closest('section.file').querySelector('h2').textContent") == finding["path"]
        assert page.locator(f'mark[data-f="{ident}"]').count() == 0
        text = " ".join(banner.text_content().split())
        for part in (finding["severity"], finding["rule"], finding["name"], finding["message"]):
            assert part in text
    # Walking through every finding reaches each banner in page order, scrolled to and its card shown.
    order = tab.js("[...document.querySelectorAll('.hl:not(.cont)')].map(m => m.id)")
    for ident in order:
        page.keyboard.press("n")
        assert _current(tab) == ident
        if ident in banners:
            assert _in_view(tab, ident) and banners[ident]["message"] in card.inner_text()
    # Clicking a banner shows its card and makes it the position: next goes on from it.
    page.keyboard.press("Escape")
    last = list(banners)[-1]
    page.locator(f"#{last}").click()
    assert _current(tab) == last and banners[last]["message"] in card.inner_text()
    page.keyboard.press("n")
    assert _current(tab) == order[order.index(last) + 1]
    # The file's list links to the banner.
    page.keyboard.press("Escape")
    page.evaluate("document.querySelectorAll('details.findings').forEach(d => d.open = true); window.scrollTo(0, 0)")
    first = next(iter(banners))
    page.locator(f'a.jump[data-f="{first}"]').click()
    assert _current(tab) == first and _in_view(tab, first)
    # Filtered out with its category, a banner is hidden and navigation passes it by.
    page.keyboard.press("Escape")
    page.locator(".filters summary").click()
    page.locator('.filters input[data-kind="category"][value="promotional"]').uncheck()
    assert all(page.locator(f"#{ident}").is_hidden() for ident in banners)
    page.keyboard.press("Escape")
    shown = sum(1 for finding in findings if finding["category"] != "promotional")
    visited = set()
    for _ in range(shown):
        page.keyboard.press("n")
        visited.add(_current(tab))
    assert len(visited) == shown and not visited & set(banners)
    assert tab.errors == []
    tab.close()


def test_only_this_shows_one_category_and_again_or_show_all_brings_every_category_back(browser, examples_report):
    findings = _findings(["examples/"])
    categories = sorted({finding["category"] for finding in findings})
    tab = Page(browser, examples_report)
    page = tab.page

    def checked() -> dict[str, bool]:
        return tab.js("Object.fromEntries([...document.querySelectorAll('.filters input[data-kind=category]')]"
                      ".map(box => [box.value, box.checked]))")  # fmt: skip

    def showing() -> set[str]:
        return set(tab.js("[...document.querySelectorAll('.hl:not(.cont):not(.off)')].map(m => m.dataset.category)"))

    page.locator(".filters summary").click()
    only = page.get_by_role("button", name="Only futurism")
    only.click()
    assert checked() == {name: name == "futurism" for name in categories}
    assert showing() == {"futurism"} and only.get_attribute("aria-pressed") == "true"
    futurism = sum(1 for finding in findings if finding["category"] == "futurism")
    assert page.locator("#position").inner_text() == f"{futurism} of {len(findings)} shown"
    # Pressed again: every category is back.
    only.click()
    assert all(checked().values()) and showing() == set(categories)
    assert only.get_attribute("aria-pressed") == "false"
    assert page.locator("#position").inner_text() == f"{len(findings)} findings"
    # From the keyboard: "only" with Enter, "show all" with the space bar.
    page.get_by_role("button", name="Only faq").focus()
    page.keyboard.press("Enter")
    assert showing() == {"faq"}
    page.get_by_role("button", name="Show all categories").focus()
    page.keyboard.press(" ")
    assert all(checked().values()) and showing() == set(categories)
    # It works with the filters as they stand: a severity turned off stays off, a box ticked by hand adds to it.
    page.locator('.filters input[data-kind="severity"][value="info"]').uncheck()
    page.get_by_role("button", name="Only sourcing").click()
    assert not page.locator('.filters input[data-kind="severity"][value="info"]').is_checked()
    assert tab.js("[...document.querySelectorAll('.hl[data-severity=info]')].every(m => m.classList.contains('off'))")
    page.locator('.filters input[data-kind="category"][value="weasel"]').check()
    assert showing() == {"sourcing", "weasel"}
    assert page.get_by_role("button", name="Only sourcing").get_attribute("aria-pressed") == "false"
    assert tab.errors == []
    tab.close()


@pytest.mark.parametrize("touch", [False, True], ids=["click", "tap"])
def test_clicking_or_tapping_a_highlight_sets_the_position_for_next_and_previous(browser, examples_report, touch):
    tab = Page(browser, examples_report, width=390 if touch else 1280, height=844 if touch else 900, touch=touch)
    page = tab.page

    def press(locator) -> None:
        locator.tap() if touch else locator.click()

    order = tab.js("[...document.querySelectorAll('.hl:not(.cont)')].map(m => m.id)")
    for _ in range(3):  # the last finding navigated to is the third ...
        press(page.locator("#next"))
    press(page.locator("#card button.close"))
    # ... then the reader taps one further down, in running prose, low on the screen
    # (where a phone shows the card), with no other highlight inside it.
    target = tab.js("[...document.querySelectorAll('.draft p.d-p mark.hl:not(.cont)')]"
                    ".filter(m => !m.querySelector('mark'))[12].id")  # fmt: skip
    page.locator(f"#{target}").evaluate(
        "m => window.scrollTo(0, m.getBoundingClientRect().top + window.scrollY - 0.8 * window.innerHeight)"
    )
    press(page.locator(f"#{target}"))
    assert _current(tab) == target and page.locator("#card").is_visible()
    press(page.locator("#next"))
    assert _current(tab) == order[order.index(target) + 1]
    press(page.locator("#prev"))
    press(page.locator("#prev"))
    assert _current(tab) == order[order.index(target) - 1]
    assert tab.errors == []
    tab.close()


@pytest.mark.parametrize("touch", [False, True], ids=["desktop", "phone"])
def test_the_keys_hint_shows_on_a_desktop_and_not_on_a_touch_screen(browser, examples_report, touch):
    tab = Page(browser, examples_report, width=390 if touch else 1280, height=844 if touch else 900, touch=touch)
    hint = tab.page.locator(".keys")
    assert hint.is_visible()
    keys_shown = tab.js("[...document.querySelectorAll('.keys kbd')].some(key => key.getClientRects().length > 0)")
    assert keys_shown is not touch
    assert ("Tap a highlight" in hint.inner_text()) is touch
    tab.close()


@pytest.mark.parametrize("width,height", [(1280, 900), (375, 812)])
def test_readable_on_a_desktop_and_on_a_phone(browser, examples_report, tmp_path, width, height):
    tab = Page(browser, examples_report, width=width, height=height)
    page = tab.page
    # Nothing wider than the screen: no sideways scrolling of the page.
    assert tab.js("document.documentElement.scrollWidth") <= width
    assert tab.js("document.body.scrollWidth") <= width
    # The draft's text is of reading size and its column neither cramped nor too wide.
    size = tab.js("parseFloat(getComputedStyle(document.querySelector('.draft p.d-p')).fontSize)")
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
    assert page.locator(".hl:not(.cont)").count() == len(findings)
    page.screenshot(path=str(tmp_path / "evil.png"), full_page=True)
    assert _is_png(tmp_path / "evil.png")
    assert tab.errors == []
    tab.close()
