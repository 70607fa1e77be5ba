"""Retake the README's screenshots: the site index and the us-28 -> framework-20 comparison.

    .venv/bin/python scripts/readme-screenshots.py

Builds the site from plans/ into a temporary directory and photographs the first screen of each
page in Chromium (light scheme, 1280 x 900) into docs/. Needs the `browser` extra and Chromium
(/usr/bin/chromium, from scripts/install-browser.sh).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from planlens.plan import load_plans
from planlens.site import build_site

ROOT = Path(__file__).resolve().parent.parent
SHOTS = {
    "docs/site-index.png": "index.html",
    "docs/compare-us-28--framework-20.png": "compare/us-28--framework-20.html",
}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(load_plans([ROOT / "plans"], closed=True), site)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for target, path in SHOTS.items():
                page.goto((site / path).as_uri())
                page.screenshot(path=str(ROOT / target))
                print(target)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
