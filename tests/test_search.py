"""The site's search index (`search-index.js`), its place in the build, and clause citations."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from conftest import DATA, PLANS
from hypothesis import given
from hypothesis import strategies as st

from planlens._version import __version__
from planlens.lineage import lineage_pairs
from planlens.plan.load import load_plans
from planlens.plan.model import Clause, Plan, Source
from planlens.render import compare_page, render_compare
from planlens.render.search import normalise, search_index, words
from planlens.render.views import clause_citation
from planlens.site import build_site


def index_data(text: str) -> dict[str, object]:
    match = re.fullmatch(r"/\*[^\n]*\*/\nwindow\.planlensSearch = (.*);\n", text, re.S)
    assert match, text[:200]
    data: dict[str, object] = json.loads(match.group(1))
    return data


def shipped() -> list[Plan]:
    return sorted(load_plans([PLANS], closed=True), key=lambda p: (p.date, p.id))


def test_index_has_every_clause_with_text_and_its_words() -> None:
    plans = shipped()
    data = index_data(search_index(plans, lineage_pairs(plans)))
    assert data["format"] == 1
    assert [p[0] for p in data["plans"]] == [p.id for p in plans]  # type: ignore[index]
    clauses = data["clauses"]
    assert isinstance(clauses, list)
    expected = [(p.id, c.id) for p in plans for c in p.walk() if c.text or c.title]
    assert len(clauses) == len(expected)
    postings = dict(data["words"])  # type: ignore[arg-type]
    # Every word of every clause leads to that clause.
    for k, (_plan, _suffix, _label, text) in enumerate(clauses):
        for word in words(text):
            assert k in postings[word]
    zap = postings["zaporizhzhia"]
    assert len({clauses[k][0] for k in zap}) >= 3
    # Sorted as JavaScript compares strings (UTF-16 code units): binary search works.
    keys = [w for w, _ in data["words"]]  # type: ignore[union-attr]
    assert keys == sorted(keys, key=lambda w: w.encode("utf-16-be", "surrogatepass"))
    # Comparisons: every pair of the site, by plan number.
    assert len(data["comparisons"]) == len(lineage_pairs(plans))  # type: ignore[arg-type]


def test_index_anchors_are_the_pages_anchors(tmp_path: Path) -> None:
    plans = load_plans([DATA / "report"], closed=True)
    build_site(plans, tmp_path)
    data = index_data((tmp_path / "search-index.js").read_text(encoding="utf-8"))
    for plan_no, suffix, _label, _text in data["clauses"]:  # type: ignore[union-attr]
        page = (tmp_path / data["plans"][plan_no][3]).read_text(encoding="utf-8")  # type: ignore[index]
        assert f'id="clause-{suffix}"' in page
    for old, new, href in data["comparisons"]:  # type: ignore[union-attr]
        page = (tmp_path / href).read_text(encoding="utf-8")
        for plan_no, side in ((old, "old"), (new, "new")):
            suffixes = [c[1] for c in data["clauses"] if c[0] == plan_no]  # type: ignore[union-attr,index]
            assert all(f'id="{side}-{s}"' in page for s in suffixes), href


def test_index_is_deterministic_and_rebuilt_only_when_a_plan_changes(tmp_path: Path) -> None:
    source = tmp_path / "plans"
    shutil.copytree(DATA / "report", source)
    one, two = tmp_path / "one", tmp_path / "two"
    build_site(load_plans([source], closed=True), one)
    build_site(list(reversed(load_plans([source], closed=True))), two)
    assert (one / "search-index.js").read_bytes() == (two / "search-index.js").read_bytes()
    again = build_site(load_plans([source], closed=True), one)
    assert "search-index.js" in again.skipped
    # A plan edited: the index is rebuilt, and says so.
    plan = source / "report-v2.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(re.sub(r"(\n    text: [^\n]*)", r"\1 Zzyzx", text, count=1), encoding="utf-8")
    result = build_site(load_plans([source], closed=True), one)
    assert "search-index.js" in result.written
    assert '["zzyzx",[' in (one / "search-index.js").read_text(encoding="utf-8")
    # Removed by hand: rewritten by the next build.
    (one / "search-index.js").unlink()
    assert "search-index.js" in build_site(load_plans([source], closed=True), one).written


def test_site_pages_allow_the_index_and_single_reports_do_not(tmp_path: Path) -> None:
    plans = load_plans([DATA / "report"], closed=True)
    build_site(plans, tmp_path)
    for page in tmp_path.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        assert csp and "script-src &#39;self&#39; &#39;sha256-" in csp.group(1), page
        assert "unsafe" not in csp.group(1)
        root = "" if page.parent == tmp_path else "../"
        assert f'data-root="{root}" data-index="search-index.js"' in html, page
    old, new = sorted(plans, key=lambda p: p.date)[:2]
    from planlens.compare import compare

    single = render_compare(compare_page(compare(old, new)))
    assert 'id="site-search"' not in single and "&#39;self&#39;" not in single


@given(st.text(max_size=40))
def test_words_are_normalised_runs_of_letters_and_digits(text: str) -> None:
    found = words(text)
    assert all(w and w == normalise(w) for w in found)
    assert all(c.isalnum() for w in found for c in w)
    assert words(text.upper()) == words(text.lower()) or any(
        len(c.upper()) != 1 or len(c.lower()) != 1 for c in text
    )


def test_clause_citation_names_plan_clause_date_source_and_version() -> None:
    plan = Plan(
        "v2",
        "Draft two",
        "2025-12-01",
        "draft",
        "full",
        (Source("https://example.org/v2", title="The draft", publisher="Example"),),
        (),
    )
    own = Clause("7", "Text.", sources=(Source("https://example.org/7"),))
    assert clause_citation(plan, Clause("3", "Text."), "3") == (
        "“Draft two” (v2), clause 3, 2025-12-01. Source: The draft, Example, "
        f"https://example.org/v2. Cited from planlens {__version__}."
    )
    assert "Source: https://example.org/7." in clause_citation(plan, own, "7")
