"""Screenshot the HTML report of examples/ for the README (docs/report.png).

    python scripts/screenshot_report.py                    # docs/report.png, 1280 px wide
    python scripts/screenshot_report.py --width 375 --out /tmp/phone.png

Runs `hypelint check --format html` on the examples, opens the page in
headless Chromium and saves a PNG of the top of the page with the card of the
first highlight open. The browser is Debian's `chromium` package driven by
Playwright for Python; Playwright's own browser downloads are never used
(the browser test in tests/test_html_report.py shares `launch` below, so the
README shows what the test checks).

Needs: `apt-get install chromium` (or HYPELINT_CHROMIUM=/path/to/chrome) and
`pip install playwright` (in the `test` extra).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent

# Headless, offline and quiet: no GPU, no sandbox (CI runs as root in a
# container), no background requests for updates, components or first-run pages.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """The Chromium to drive: $HYPELINT_CHROMIUM, else Debian's /usr/bin/chromium, else one on PATH."""
    for candidate in (os.environ.get("HYPELINT_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def launch() -> Iterator:
    """A headless Chromium browser (Playwright's Browser), closed afterwards."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("no Chromium found: apt-get install chromium, or set HYPELINT_CHROMIUM")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def write_report(paths: list[str], out: Path, cwd: Path = ROOT) -> None:
    """Run the command line for an HTML report of `paths` into `out` (exit 1, findings, is expected)."""
    command = [sys.executable, "-m", "hypelint", "check", "--format", "html", "--output", str(out), *paths]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    if result.returncode not in (0, 1) or not out.exists():
        raise RuntimeError(f"hypelint failed ({result.returncode}): {result.stderr.strip()}")


def screenshot(report: Path, png: Path, width: int, height: int) -> None:
    with launch() as browser:
        page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
        page.goto(report.resolve().as_uri())
        # The first draft from its heading (the profile, then the marked-up
        # text), with the card of its first highlight in running prose open,
        # as an editor would see it.
        section = page.locator("section.file").first
        section.evaluate("s => window.scrollTo(0, s.getBoundingClientRect().top + window.scrollY - 52)")
        page.locator("section.file .draft p mark.hl:not(.cont)").first.click()
        page.screenshot(path=str(png))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["examples/"], help="drafts to report on (default: examples/)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.html"
        write_report(args.paths, report)
        screenshot(report, args.out, args.width, args.height)
    print(f"{args.out}: {args.out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
