"""Reports of many rows: past `MANY_ROWS` a report's table is marked `many`, its rows carry
their estimated heights, and its stylesheet (and only its) ends with the rules that let the
browser skip rows off screen; the policy's hash covers the stylesheet either way. The browser's
side is `tests/test_browser_many.py`."""

from __future__ import annotations

import base64
import hashlib
import importlib
import re

import pytest

from planlens.compare import compare
from planlens.plan.model import Clause, Plan, Source
from planlens.render import compare_page, render_compare
from planlens.render.html import _environment

MANY_CSS = _environment().get_template("many.css").render()


def plan(plan_id: str, count: int, follows: tuple[str, ...] = ()) -> Plan:
    clauses = tuple(
        Clause(id=str(k), number=str(k), text=f"Clause {k} of {plan_id}: the parties act {k}.")
        for k in range(1, count + 1)
    )
    return Plan(
        plan_id, plan_id, "2025-01-01", "draft", "full", (Source(url="https://example.org"),),
        clauses, follows=follows,
    )  # fmt: skip


def report(rows: int, limit: int, monkeypatch: pytest.MonkeyPatch) -> str:
    """A report of about `rows` rows, with `MANY_ROWS` at `limit`."""
    module = importlib.import_module("planlens.render.compare_report")
    monkeypatch.setattr(module, "MANY_ROWS", limit)
    page = compare_page(compare(plan("a", rows), plan("b", rows, ("a",))))
    assert len(page.rows) == rows
    return render_compare(page, search="../")


def style_and_policy(html: str) -> tuple[str, str]:
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    policy = re.search(r"style-src &#39;([^&]+)&#39;", html)
    assert style and policy
    return style.group(1), policy.group(1)


@pytest.mark.parametrize(("rows", "many"), [(30, False), (31, True)])
def test_the_skipping_rules_only_past_the_threshold(
    monkeypatch: pytest.MonkeyPatch, rows: int, many: bool
) -> None:
    html = report(rows, 30, monkeypatch)
    css, policy = style_and_policy(html)
    assert ("content-visibility: auto" in css) is many
    assert css.endswith(MANY_CSS) is many
    assert ('<table class="clauses many">' in html) is many
    assert ('<table class="clauses">' in html) is not many
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    assert policy == "sha256-" + base64.b64encode(digest).decode("ascii")
    # Each changed row of a report of many carries its estimated height (a class of lines).
    classes = re.findall(r'<tr class="(row[^"]*)"', html)
    assert any(re.search(r" z\d+$", c) for c in classes) is many


def test_a_changed_row_of_many_gets_its_height_class(monkeypatch: pytest.MonkeyPatch) -> None:
    module = importlib.import_module("planlens.render.compare_report")
    monkeypatch.setattr(module, "MANY_ROWS", 2)
    old = plan("a", 3)
    new = Plan(
        "b", "b", "2025-01-02", "draft", "full", old.sources,
        (*old.clauses[:2], Clause(id="3", number="3", text="Wholly new words " * 20)),
        follows=("a",),
    )  # fmt: skip
    html = render_compare(compare_page(compare(old, new)))
    classes = re.findall(r'<tr class="(row[^"]*)"', html)
    assert [c for c in classes if " z" in c] != []
    small = render_compare(compare_page(compare(plan("a", 2), plan("b", 2, ("a",)))))
    assert "content-visibility: auto" not in small and " z" not in "".join(
        re.findall(r'<tr class="(row[^"]*)"', small)
    )
