# ruff: noqa: F811 - the fixtures of test_browser, imported, are parameters of these tests
"""In Chromium, from file://: the search box, the state in the URL, clause links and citations,
the sticky filter bar, and the lineage page's picture, collapsed histories and contrast.

Uses the fixtures of `test_browser` (the built sites, the browser); skipped as it is.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page
from test_browser import (  # noqa: F401 - fixtures, used by name
    CONTRAST_SCRIPT,
    DESKTOP,
    Visit,
    browser,
    open_page,
    sites,
)

LINEAGE = "lineage/us-28--geneva-19--framework-20.html"
COMPARE = "compare/us-28--framework-20.html"


def wait_for(page: Page, script: str, timeout: float = 10) -> object:
    """Poll `script` in the page until it is truthy (wait_for_function evaluates with eval,
    which the pages' CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not (value := page.evaluate(script)):
        assert time.monotonic() < deadline, f"timed out waiting for {script}"
        page.wait_for_timeout(25)
    return value


def clean(visit: Visit, site: Path) -> list[str]:
    """Return the visit's problems, but for loading the site's own search index."""
    index = (site / "search-index.js").as_uri()
    return [p for p in visit.problems() if p != f"network request: {index}"]


def search(page: Page, query: str) -> list[str]:
    box = page.get_by_role("searchbox", name="Search every version")
    box.fill(query)
    wait_for(page, "!document.getElementById('search-results').hidden")
    return page.locator("#search-results a.search-hit").all_inner_texts()


@pytest.mark.parametrize("start", ["index.html", COMPARE, LINEAGE, "plans/e3-28.html"])
def test_search_finds_a_word_in_every_version_offline_and_opens_the_clause(
    start: str, sites: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    site = sites["plans"]
    visit = open_page(site / start)
    page = visit.page
    # Nothing is loaded until the box is used.
    assert visit.requests == [visit.url]
    hits = search(page, "Zaporizhzhia")
    versions = {hit.split(" (")[0] for hit in hits}
    assert len(versions) >= 3, hits
    status = page.locator("#search-results .search-status").inner_text()
    assert status.startswith(f"{len(hits)} clauses in {len(versions)} versions"), status
    assert page.locator("#search-results mark").first.inner_text().lower() == "zaporizhzhia"
    # The only request: the index, a file beside the page.
    assert visit.requests == [visit.url, (site / "search-index.js").as_uri()]
    assert clean(visit, site) == []
    # A result opens its clause, which says the word.
    page.locator("#search-results a.search-hit").first.click()
    wait_for(page, "location.pathname.indexOf('/plans/') >= 0 && location.hash.length > 1")
    target = page.locator(":target")
    assert target.count() == 1
    assert "zaporizhzhia" in target.inner_text().lower()
    top = target.evaluate("t => t.getBoundingClientRect().top")
    assert 0 <= top < DESKTOP["height"]


def test_search_phrases_prefixes_and_comparisons(
    sites: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    site = sites["plans"]
    visit = open_page(site / "index.html")
    page = visit.page
    words = search(page, "nuclear plant")
    phrase = search(page, '"nuclear power plant"')
    assert 0 < len(phrase) <= len(words)
    assert search(page, "zaporiz") == search(page, "ZAPORIZHZHIA")  # a prefix, any case
    assert search(page, '"plant nuclear"') == []
    assert "No clause contains" in page.locator("#search-results").inner_text()
    # Each hit also opens the clause's rows in the comparisons with the plan.
    search(page, "Zaporizhzhia")
    also = page.locator("#search-results .search-also a").first
    href = also.get_attribute("href") or ""
    assert href.startswith("compare/") and ("#old-" in href or "#new-" in href)
    assert clean(visit, site) == []
    also.click()
    wait_for(page, "location.pathname.indexOf('/compare/') >= 0")
    target = page.locator(":target")
    assert target.count() == 1
    row = target.locator("xpath=ancestor::tr[1]")
    assert "zaporizhzhia" in row.inner_text().lower()


def test_search_box_hidden_without_scripts_and_absent_from_single_reports(
    sites: dict[str, Path], open_page: Callable[..., Visit], tmp_path: Path
) -> None:
    page = open_page(sites["plans"] / "index.html", java_script_enabled=False).page
    assert page.locator("#site-search").count() == 1
    assert page.locator("#site-search").is_hidden()


def test_filtered_url_reloads_filtered(
    sites: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    site = sites["plans"]
    visit = open_page(site / COMPARE)
    page = visit.page
    page.get_by_role("checkbox", name="unknown", exact=True).uncheck()
    page.get_by_role("checkbox", name="hide unchanged").check()
    topic = page.locator("#topic option").nth(1).get_attribute("value")
    page.locator("#topic").select_option(topic)
    query = page.evaluate("location.search")
    assert "only=" in query and "unknown" not in query and "hideunchanged=1" in query
    assert f"topic={topic}" in query
    shown = page.locator("tr.row:not([hidden])").count()
    assert 0 < shown < page.locator("tr.row").count()
    page.reload()
    assert page.evaluate("location.search") == query
    assert not page.get_by_role("checkbox", name="unknown", exact=True).is_checked()
    assert page.get_by_role("checkbox", name="hide unchanged").is_checked()
    assert page.locator("#topic").input_value() == topic
    assert page.locator("tr.row:not([hidden])").count() == shown
    # Opened from the URL alone, in a fresh visit, the same.
    again = open_page(site / COMPARE, viewport={"width": 1000, "height": 700})
    again.page.goto(visit.url + query)
    assert again.page.locator("tr.row:not([hidden])").count() == shown
    assert again.console_errors == again.page_errors == []


def test_current_change_and_open_clause_are_in_the_url(
    sites: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    site = sites["plans"]
    page = open_page(site / COMPARE).page
    page.locator("h1").click()
    page.keyboard.press("j")
    page.keyboard.press("j")
    hash_ = page.evaluate("location.hash")
    focused = page.evaluate("document.activeElement.querySelector('.anchor').id")
    assert hash_ == "#" + focused
    page.reload()
    # The row is the current one again: j goes on to the next change.
    assert page.evaluate("document.activeElement.querySelector('.anchor').id") == focused
    page.keyboard.press("j")
    assert page.evaluate("location.hash") not in (hash_, "")
    # An unchanged clause named in the URL is opened, not left collapsed.
    same = page.locator("tr.r-unchanged details.same-text").first
    anchor = same.evaluate("d => d.closest('td').querySelector('.anchor').id")
    page.goto((site / COMPARE).as_uri() + "#" + anchor)
    assert (
        page.locator(f"[id='{anchor}']")
        .locator("xpath=..")
        .locator("details")
        .evaluate("d => d.open")
    )


@pytest.mark.parametrize("scripts", [True, False])
def test_link_and_cite_this_clause(
    scripts: bool, sites: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    site = sites["plans"]
    for name, anchor in ((COMPARE, "#new-4"), ("plans/framework-20.html", "#clause-4")):
        page = open_page(site / name, java_script_enabled=scripts).page
        link = page.locator(f"a.permalink[href='{anchor}']")
        assert link.count() == 1 and link.is_visible(), name
        assert link.inner_text().startswith("Link to this clause")
        cite = link.locator("xpath=..").locator("details.cite")
        cite.locator("summary").click()
        text = cite.locator(".cite-text").last.inner_text()
        assert text.startswith("“") and "(framework-20), clause 4, " in text, text
        assert "Source: " in text and "https://" in text and "planlens " in text
        link.click()
        assert page.evaluate("location.hash") == anchor


def test_filter_bar_stays_in_reach(sites: dict[str, Path], open_page: Callable[..., Visit]) -> None:
    page = open_page(sites["plans"] / COMPARE).page
    page.locator("tr.row").nth(-5).scroll_into_view_if_needed()
    box = page.locator("#filters").bounding_box()
    assert box and -1 <= box["y"] <= 1
    assert page.get_by_role("button", name="Next change").is_visible()
    # A clause jumped to is not hidden under it.
    page.get_by_role("button", name="Next change").click()
    page.keyboard.press("j")
    row = page.evaluate("document.activeElement.getBoundingClientRect().top")
    assert row >= box["height"]


def test_lineage_picture_links_are_not_in_an_image(
    sites: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    page = open_page(sites["plans"] / LINEAGE).page
    assert page.locator("[role=img] a, svg[role=img]").count() == 0
    assert page.locator("svg.lin-svg a").count() > 20
    assert page.locator("svg.lin-svg").get_attribute("role") == "group"


@pytest.mark.parametrize("scripts", [True, False])
def test_lineage_histories_collapse_and_open_from_links(
    scripts: bool, sites: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    visit = open_page(sites["plans"] / LINEAGE, java_script_enabled=scripts)
    page = visit.page
    height = page.evaluate("document.documentElement.scrollHeight")
    families = page.locator("details.family")
    assert families.count() > 20
    # With scripts, collapsed (29,000 px with every history open); without, all open.
    opened = families.evaluate_all("ds => ds.filter(d => d.open).length")
    if scripts:
        assert height < 15_000 and opened == 0
    else:
        assert height > 20_000 and opened == families.count()
    # A link from the matrix opens its family's history.
    link = page.locator("table.lin-matrix th.fam a").nth(3)
    href = link.get_attribute("href") or ""
    link.click()
    target = page.locator(f"[id='{href[1:]}']")
    # The page opens it on "hashchange", an event that comes after the click returns.
    assert wait_for(page, f"document.getElementById({json.dumps(href[1:])}).open")
    assert target.locator("ol.forms").is_visible()
    if scripts:
        page.get_by_role("button", name="Expand every history").click()
        assert families.evaluate_all("ds => ds.every(d => d.open)")
        page.get_by_role("button", name="Collapse every history").click()
        assert families.evaluate_all("ds => ds.some(d => d.open)") is False
        # Its filter bar stays in reach while the matrix scrolls by.
        page.locator("table.lin-matrix tr.row").nth(-3).scroll_into_view_if_needed()
        box = page.locator("#filters").bounding_box()
        assert box and -1 <= box["y"] <= 1
    assert visit.problems() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_lineage_meets_wcag_aa(
    scheme: str, sites: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    failures = {}
    for name in [LINEAGE, "lineage/minsk-1--minsk-2.html"]:
        visit = open_page(sites["plans"] / name, color_scheme=scheme)
        page = visit.page
        page.locator("details").evaluate_all("ds => ds.forEach(d => { d.open = true; })")
        found = page.evaluate(CONTRAST_SCRIPT) + visit.problems()
        if found:
            failures[name] = sorted(set(found))
    assert failures == {}
