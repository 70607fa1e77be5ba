"""A report of many rows in a real browser: Chromium skips the rows off screen
(`content-visibility: auto`), and navigation, find-in-page, anchors, filters and printing still
reach every row. Run as `tests/test_browser.py` is (its browser, its skipping rules)."""

from __future__ import annotations

import importlib
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from test_browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP, MISSING, PHONE, WATCH_SCRIPT, Tab, Visit

from planlens.compare import compare
from planlens.plan.model import Clause, Plan, Source
from planlens.render import compare_page, render_compare
from planlens.render.compare_report import MANY_ROWS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CLAUSES = MANY_ROWS + 100
WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike"


def text(k: int, edit: int = 0) -> str:
    vocabulary = WORDS.split()
    words = " ".join(vocabulary[(k * 7 + j) % len(vocabulary)] for j in range(6))
    return f"Article {k}: the parties shall {words} in zone {k} by day {k * 3 + edit}."


def plan(plan_id: str, clauses: list[Clause], follows: tuple[str, ...] = ()) -> Plan:
    return Plan(
        id=plan_id,
        title=plan_id,
        date="2025-01-01",
        status="draft",
        completeness="full",
        sources=(Source(url="https://example.org"),),
        clauses=tuple(clauses),
        follows=follows,
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if MISSING:
        pytest.fail(f"{MISSING}; CI must run them", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """Return `open(path, viewport=...)`: the page at `path`, watched, in a context of its own."""
    tabs: dict[str, Tab] = {}

    def open_(path: Path, viewport: dict[str, int] = DESKTOP) -> Visit:
        key = repr(viewport)
        if key not in tabs:
            context = browser.new_context(viewport=viewport, service_workers="block")
            context.add_init_script(WATCH_SCRIPT)
            tabs[key] = Tab(context)
        return tabs[key].open(path)

    yield open_
    for tab in tabs.values():
        tab.page.context.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A report of `CLAUSES` rows (every 40th clause modified, every 97th removed), written as
    it is ("many") and with the row limit raised, so that its rows are a table ("table")."""
    old = plan("old", [Clause(id=str(k), number=str(k), text=text(k)) for k in range(1, CLAUSES)])
    new = plan(
        "new",
        [
            Clause(id=str(k), number=str(k), text=text(k, int(k % 40 == 0)))
            for k in range(1, CLAUSES)
            if k % 97
        ],
        follows=("old",),
    )
    diff = compare(old, new)
    folder = tmp_path_factory.mktemp("many")
    page = compare_page(diff)
    assert page.many and len(page.rows) > MANY_ROWS
    out = {"many": folder / "many.html"}
    out["many"].write_text(render_compare(page), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        module = importlib.import_module("planlens.render.compare_report")
        patch.setattr(module, "MANY_ROWS", CLAUSES * 2)
        table = compare_page(diff)
        assert not table.many
        out["table"] = folder / "table.html"
        out["table"].write_text(render_compare(table), encoding="utf-8")
    return out


#: Whether Chromium renders an element's contents now: not skipped by content-visibility: auto
#: (checkVisibility says so of what is inside the skipped element).
RENDERED = "r => r.firstElementChild.checkVisibility({ contentVisibilityAuto: true })"
#: For each row: whether its contents are rendered, whether it is shown (not filtered out), and
#: its computed content-visibility.
ROWS = """
async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  await frame(); await frame();
  return Array.from(document.querySelectorAll("tr.row"), (r) => ({
    rendered: r.firstElementChild.checkVisibility({ contentVisibilityAuto: true }),
    shown: getComputedStyle(r).display !== "none",
    cv: getComputedStyle(r).contentVisibility,
  }));
}
"""
#: The position of an element in the viewport, once the page has settled (two frames).
ON_SCREEN = """
async (el) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  await frame(); await frame();
  const box = el.getBoundingClientRect();
  const inside = el.closest("tr") ? el.closest("tr").firstElementChild : el;
  return box.bottom > 0 && box.top < window.innerHeight
    && inside.checkVisibility({ contentVisibilityAuto: true });
}
"""


def test_rows_off_screen_are_skipped_and_small_reports_are_tables(
    reports: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    visit = open_page(reports["many"])
    page = visit.page
    assert page.locator("table.clauses.many").count() == 1
    rows = page.evaluate(ROWS)
    assert {row["cv"] for row in rows} == {"auto"}
    assert sum(row["rendered"] for row in rows) == 0  # the table starts below the screen
    page.locator("tr.row").first.evaluate("r => r.scrollIntoView()")
    rows = page.evaluate(ROWS)
    assert rows[0]["rendered"] and not rows[-1]["rendered"]
    assert sum(row["rendered"] for row in rows) < 200  # the screen's rows, not thousands
    roles = table_roles(page)
    assert roles["row"] == len(rows) + 1 and roles["columnheader"] == 3
    # The same report with its rows as a table, as every report below the limit has.
    table = open_page(reports["table"]).page
    assert table.locator("table.clauses.many").count() == 0
    assert {row["cv"] for row in table.evaluate(ROWS)} == {"visible"}
    assert all(row["rendered"] for row in table.evaluate(ROWS))
    # Still the same table to assistive technology.
    assert table_roles(table) == roles
    assert visit.problems() == []


#: Render every row, as a report of few rows does.
SHOW_ALL = """() => {
  for (const row of document.querySelectorAll("tr.row")) row.style.contentVisibility = "visible";
}"""
#: The height of the clause table's body, in pixels.
BODY_HEIGHT = "() => document.querySelector('table.clauses > tbody').getBoundingClientRect().height"


def test_rows_off_screen_keep_about_their_height(
    reports: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    # Rows not rendered yet keep an estimated height (many.css): were it far off, the scroll bar
    # would jump as rows are shown, and find-in-page or a key would leave its row off screen.
    page = open_page(reports["many"]).page
    estimated = page.evaluate(BODY_HEIGHT)
    page.evaluate(SHOW_ALL)
    real = page.evaluate(BODY_HEIGHT)
    assert abs(estimated - real) < 0.05 * real, (estimated, real)


def table_roles(page: Page) -> dict[str, int]:
    """Count the rows and cells that the clause table exposes to assistive technology."""
    table = page.get_by_role("table", name="Each clause of the old version")
    return {role: table.get_by_role(role).count() for role in ("row", "columnheader", "cell")}


def test_keys_reach_rows_far_down(
    reports: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    visit = open_page(reports["many"])
    page = visit.page
    changes = page.locator("tr.row:not(.k-ghost):not(.r-unchanged)")
    count = changes.count()
    assert count > 50
    page.locator("h1").click()
    for k in range(3):
        page.keyboard.press("j")
        assert changes.nth(k).evaluate("r => r === document.activeElement")
        assert changes.nth(k).evaluate(ON_SCREEN)
    # From the last row, back to the last change: far below anything rendered at first.
    last = page.locator("tr.row").last
    assert not last.evaluate(RENDERED)
    last.focus()
    page.keyboard.press("k")
    target = changes.nth(count - 1)
    assert target.evaluate("r => r === document.activeElement")
    assert target.evaluate(ON_SCREEN)
    page.keyboard.press("p")
    assert changes.nth(count - 2).evaluate(ON_SCREEN)
    assert visit.problems() == []


def test_find_in_page_reaches_a_row_far_down(
    reports: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    page = open_page(reports["many"]).page
    row = page.locator("tr.row").nth(CLAUSES - 60)
    wanted = f"in zone {CLAUSES - 40} by day"
    assert not row.evaluate(RENDERED)
    assert page.evaluate("(text) => window.find(text)", wanted)
    found = page.evaluate("() => window.getSelection().anchorNode.parentElement.closest('tr')")
    assert found is not None
    selected = page.evaluate_handle("() => window.getSelection().anchorNode.parentElement")
    assert wanted in page.evaluate("() => window.getSelection().toString()")
    assert selected.as_element().evaluate(ON_SCREEN)  # type: ignore[union-attr]


def test_anchors_reach_rows_far_down(
    reports: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    anchor = f"new-{CLAUSES - 20}"
    page = open_page(reports["many"]).page
    page.goto(f"{reports['many'].as_uri()}#{anchor}")
    assert page.locator(f"#{anchor}").evaluate("a => a.closest('tr')") is not None
    assert page.locator(f"[id='{anchor}']").evaluate(ON_SCREEN)
    # A link in the page to a change far down (the list of changes of substance).
    page.goto(reports["many"].as_uri())
    link = page.locator("ul.substance a").last
    target = link.get_attribute("href")
    assert target and target.startswith("#")
    link.click()
    assert page.locator(f"[id='{target[1:]}']").evaluate(ON_SCREEN)


def test_filters_hide_rows_of_many(
    reports: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    page = open_page(reports["many"]).page
    page.get_by_role("checkbox", name="hide unchanged").check()
    rows = page.evaluate(ROWS)
    relations = page.eval_on_selector_all("tr.row", "rs => rs.map(r => r.dataset.relation)")
    assert [row["shown"] for row in rows] == [r != "unchanged" for r in relations]
    page.get_by_role("checkbox", name="hide unchanged").uncheck()
    assert all(row["shown"] for row in page.evaluate(ROWS))


def test_phone_width_shows_rows_as_blocks(
    reports: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    page = open_page(reports["many"], viewport=PHONE).page
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    first = page.locator("tr.row").first
    assert first.evaluate("r => getComputedStyle(r).display") == "block"
    assert {row["cv"] for row in page.evaluate(ROWS)} == {"auto"}


def pdf_pages(pdf: bytes) -> tuple[int, dict[int, str]]:
    """Return a PDF's number of pages, and the text of a sample of them: the first three, three
    spread through the middle and the last three (reading all of a long report's 180 pages
    takes pdfplumber most of a minute)."""
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        count = len(document.pages)
        picked = {*range(min(3, count)), *range(max(0, count - 3), count)}
        picked |= {count * k // 4 for k in (1, 2, 3)}
        return count, {k: document.pages[k].extract_text() or "" for k in sorted(picked)}


def test_printing_shows_every_row_as_a_table(
    reports: dict[str, Path], open_page: Callable[..., Visit]
) -> None:
    printed = {}
    for name in ("many", "table"):
        page = open_page(reports[name]).page
        page.emulate_media(media="screen")
        page.get_by_role("checkbox", name="hide unchanged").check()
        page.emulate_media(media="print")
        rows = page.evaluate(ROWS)
        assert all(row["shown"] and row["rendered"] for row in rows)
        assert {row["cv"] for row in rows} == {"visible"}
        assert page.locator("tr.row").last.evaluate("r => getComputedStyle(r).display") == (
            "table-row"
        )
        printed[name] = pdf_pages(page.pdf())
    # The same pages of print whichever the layout on screen, the last row at the end.
    assert printed["many"] == printed["table"]
    count, texts = printed["many"]
    last = "\n".join(texts[k] for k in range(count - 3, count))
    assert re.search(rf"^{CLAUSES - 1} ", last, re.MULTILINE)
