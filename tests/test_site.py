"""The report site: committed reports/ up to date, incremental builds, links, size, speed."""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner
from conftest import DATA, PLANS, ROOT
from test_report import parse_html

from planlens.cli import cli
from planlens.errors import PlanlensError
from planlens.plan.load import load_plans
from planlens.site import (
    MANIFEST,
    MANIFEST_FORMAT,
    BuildResult,
    build_site,
    read_manifest,
    site_jobs,
)

REPORTS = ROOT / "reports"
MAX_PAGE_BYTES = 1024 * 1024


def files(folder: Path) -> dict[str, bytes]:
    """Return every file below `folder`, by its path relative to `folder`."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def made_from(plan_id: str, pages: list[str] | dict[str, bytes]) -> list[str]:
    """Return the pages made from the plan `plan_id`: its own page, the index, the search index
    (of every plan), and the comparisons and lineages it is part of (their names list their
    plans: old--new.html)."""
    return sorted(
        page
        for page in pages
        if page in ("index.html", "search-index.js", f"plans/{plan_id}.html")
        or (
            page.startswith(("compare/", "lineage/"))
            and plan_id in page.split("/", 1)[1].removesuffix(".html").split("--")
        )
    )


def build(plans_dir: Path, out: Path, **options: bool) -> BuildResult:
    return build_site(load_plans([plans_dir], closed=True), out, **options)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the shipped plans, built once into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    build(PLANS, out)
    return out


@pytest.fixture
def plans_copy(tmp_path: Path) -> Path:
    """A copy of the shipped plans that a test may edit."""
    folder = tmp_path / "plans"
    shutil.copytree(PLANS, folder)
    return folder


# -- the committed reports -----------------------------------------------------------------


def test_committed_reports_are_up_to_date(site: Path) -> None:
    built, committed = files(site), files(REPORTS)
    stale = sorted(
        path for path in built.keys() | committed.keys() if built.get(path) != committed.get(path)
    )
    if not stale:
        return
    first = stale[0]
    diff = difflib.unified_diff(
        committed.get(first, b"").decode("utf-8", "replace").splitlines(keepends=True),
        built.get(first, b"").decode("utf-8", "replace").splitlines(keepends=True),
        f"reports/{first} (committed)",
        f"reports/{first} (built from the code and plans/)",
    )
    summary = "\n".join(
        f"  {path}: "
        + ("missing" if path not in committed else "not built" if path not in built else "differs")
        for path in stale
    )
    pytest.fail(
        "reports/ does not match what the code builds from plans/. Run `make report` and commit "
        f"reports/ with the change.\n{summary}\n\n" + "".join(list(diff)[:80]),
        pytrace=False,
    )


# -- incremental builds --------------------------------------------------------------------


def test_second_build_writes_nothing(plans_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build(plans_copy, out)
    assert first.skipped == () and first.removed == ()
    assert "index.html" in first.written and len(first.written) == len(files(out)) - 1
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    contents = files(out)
    second = build(plans_copy, out)
    assert second.written == () and second.removed == ()
    assert sorted(second.skipped) == sorted(first.written)
    assert files(out) == contents
    pages = {p: m for p, m in before.items() if p.name != MANIFEST}
    assert {p: p.stat().st_mtime_ns for p in pages} == pages  # not even rewritten alike
    # A new modification time alone is no change.
    for plan in plans_copy.iterdir():
        os.utime(plan, (time.time() + 60, time.time() + 60))
    assert build(plans_copy, out).written == ()


def test_site_jobs_are_the_pages_a_build_writes(tmp_path: Path) -> None:
    plans = load_plans([PLANS], closed=True)
    pages = site_jobs(list(plans))  # any sequence of plans, a list too
    written = build_site(plans, tmp_path / "out").written
    assert sorted(page.path for page in pages) == sorted(written)
    assert all(page.inputs for page in pages)


def test_changed_plan_rebuilds_only_its_pages(plans_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(plans_copy, out)
    plan = plans_copy / "2025-11-20-us-28-point-plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("Ukraine", "Ukraine", 1) + "# edited\n",
        encoding="utf-8",
    )
    result = build(plans_copy, out)
    assert sorted(result.written) == made_from("us-28", files(out))
    assert {"compare/us-28--e3-28.html", "compare/us-28--geneva-19.html"} <= set(result.written)
    assert "plans/e3-28.html" in result.skipped and result.removed == ()
    # What was kept and what was rewritten add up to a clean build.
    clean = tmp_path / "clean"
    build(plans_copy, clean)
    assert files(out) == files(clean)


def test_removed_plan_pages_are_deleted(plans_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(plans_copy, out)
    before = files(out)
    (plans_copy / "2025-12-23-20-point-framework.yaml").unlink()
    result = build(plans_copy, out)
    gone = [
        page
        for page in made_from("framework-20", before)
        if page not in ("index.html", "search-index.js")
    ]
    assert {"compare/geneva-19--framework-20.html", "plans/framework-20.html"} <= set(gone)
    assert set(gone) <= set(result.removed)
    assert not any((out / page).exists() for page in gone)
    assert "index.html" in result.written
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert "plans/framework-20.html" not in manifest["pages"]
    clean = tmp_path / "clean"
    build(plans_copy, clean)
    assert files(out) == files(clean)


def test_build_command_says_what_it_skipped(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["build", str(DATA / "report"), "-o", str(out)]
    first = CliRunner().invoke(cli, args)
    pages = len(list(out.rglob("*.html"))) + 1  # and the search index
    assert pages >= 7
    assert (first.exit_code, first.stdout) == (0, f"{out}: {pages} written, 0 unchanged\n")
    second = CliRunner().invoke(cli, args)
    assert (second.exit_code, second.stdout) == (0, f"{out}: 0 written, {pages} unchanged\n")
    (out / "index.html").unlink()
    third = CliRunner().invoke(cli, args)
    assert third.stdout == f"{out}: 1 written, {pages - 1} unchanged\n"  # a deleted page


def test_stray_file_is_refused_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("<p>my own page</p>\n")
    (out / "notes.txt").write_text("mine\n")
    with pytest.raises(PlanlensError, match=r"index\.html: file exists and was not made by"):
        build(PLANS, out)
    assert (out / "index.html").read_text() == "<p>my own page</p>\n"
    assert sorted(files(out)) == ["index.html", "notes.txt"]  # refused before writing anything
    result = build(PLANS, out, force=True)
    assert "index.html" in result.written
    assert (out / "index.html").read_text().startswith("<!DOCTYPE html>")
    assert (out / "notes.txt").read_text() == "mine\n"  # not ours: never touched
    build(PLANS, out)  # the index is planlens's now


def test_manifest_cannot_delete_files_outside_the_site(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(PLANS, out)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["pages"]["../victim.txt"] = "0" * 64
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with contextlib.suppress(PlanlensError):  # refusing the manifest is fine too
        build(PLANS, out)
    assert victim.exists()


def test_manifest_has_a_format_number(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(PLANS, out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["format"] == MANIFEST_FORMAT
    assert list(manifest) == ["format", "planlens", "pages"]


@pytest.mark.parametrize("stamp", [None, 0, MANIFEST_FORMAT + 1, "1"])
def test_manifest_of_another_format_rebuilds_everything(tmp_path: Path, stamp: object) -> None:
    out = tmp_path / "out"
    first = build(PLANS, out)
    contents = files(out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    if stamp is None:
        del manifest["format"]  # as written before manifests had a format
    else:
        manifest["format"] = stamp
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    # Its digests are not trusted, but its pages are still known to be planlens's: no --force.
    again = build(PLANS, out)
    assert sorted(again.written) == sorted(first.written)
    assert files(out) == contents


@pytest.mark.parametrize(
    "text", ["", "[1, 2]", '{"pages": [1, 2]}', '{"pages": {"index.html": 5}}', "{bad json"]
)
def test_manifest_of_the_wrong_shape_counts_as_absent(tmp_path: Path, text: str) -> None:
    manifest = tmp_path / MANIFEST
    manifest.write_text(text, encoding="utf-8")
    assert read_manifest(manifest) == (set(), {})
    assert read_manifest(tmp_path / "missing.json") == (set(), {})


def test_renamed_plan_file_updates_its_pages(plans_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(plans_copy, out)
    (plans_copy / "2014-09-05-minsk-protocol.yaml").rename(plans_copy / "minsk-protocol.yaml")
    build(plans_copy, out)
    clean = tmp_path / "clean"
    build(plans_copy, clean)
    assert files(out) == files(clean)


# -- any two versions ----------------------------------------------------------------------

#: The lineages of plans/: Minsk II with the two texts it follows, the Istanbul communiqué and
#: draft, us-28 with its three revisions (siblings included).
PAIRS = [
    ("minsk-1", "minsk-memo"),
    ("minsk-1", "minsk-2"),
    ("minsk-memo", "minsk-2"),
    ("istanbul-2022-communique", "istanbul-2022-draft"),
    ("us-28", "e3-28"),
    ("us-28", "geneva-19"),
    ("us-28", "framework-20"),
    ("e3-28", "geneva-19"),
    ("e3-28", "framework-20"),
    ("geneva-19", "framework-20"),
]


def links_of(page: Path) -> list[str]:
    return [a.attrs["href"] for a in parse_html(page.read_text("utf-8")).find_all("a")]


def test_every_pair_of_versions_of_a_lineage_has_a_comparison(site: Path) -> None:
    pages = files(site)
    assert sorted(p for p in pages if p.startswith("compare/")) == sorted(
        f"compare/{old}--{new}.html" for old, new in PAIRS
    )
    # The pages of successive versions keep their names.
    for old, new in [("minsk-1", "minsk-2"), ("us-28", "e3-28"), ("geneva-19", "framework-20")]:
        assert f"compare/{old}--{new}.html" in pages
    # As the README says: index + a page per plan + n(n-1)/2 per lineage + a page per chain.
    plans = [p for p in pages if p.startswith("plans/")]
    lineages = [p for p in pages if p.startswith("lineage/")]
    assert len(plans) == 15 and len(lineages) == 5
    comparisons = 4 * 3 // 2 + 3 * 2 // 2 + 2 * 1 // 2
    assert len([p for p in pages if p.endswith(".html")]) == 1 + 15 + comparisons + 5 == 31
    assert "is 1 + 15 + (6 + 3 + 1) + 5 = 31" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_index_and_plan_pages_offer_every_other_version(site: Path) -> None:
    index = links_of(site / "index.html")
    for old, new in PAIRS:
        # In the table of comparisons, and under both versions in the table of plans.
        assert index.count(f"compare/{old}--{new}.html") == 3, (old, new)
    for plan in ("us-28", "e3-28", "geneva-19", "framework-20", "minsk-memo", "minsk-2"):
        shown = [h for h in links_of(site / "plans" / f"{plan}.html") if "compare/" in h]
        assert shown == [
            f"../compare/{old}--{new}.html" for old, new in PAIRS if plan in (old, new)
        ], plan
    # A plan in no lineage has no comparison to offer.
    assert not [h for h in links_of(site / "plans" / "china-12.html") if "compare/" in h]
    doc = parse_html((site / "index.html").read_text("utf-8"))
    routes = {
        row.find_all("td")[1].find("a").attrs["href"]: row.find_all("td")[2].text()
        for row in doc.find("table").find_all("tr")[1:]
    }
    assert routes["compare/us-28--framework-20.html"] == "through geneva-19"
    assert routes["compare/geneva-19--framework-20.html"] == "next version"
    assert routes["compare/e3-28--geneva-19.html"] == "separate branches"


def test_direct_comparison_across_geneva_shows_its_reported_removals(site: Path) -> None:
    doc = parse_html((site / "compare" / "us-28--framework-20.html").read_text("utf-8"))
    between = doc.find("p", "between")
    assert "Between them: geneva-19" in " ".join(between.text().split())
    assert between.find("a").attrs["href"] == "../plans/geneva-19.html"
    section = doc.find("ul", "reported")
    items = {
        li.find("a").attrs["href"]: " ".join(li.text().split()) for li in section.find_all("li")
    }
    # The amnesty, reported dropped at Geneva, and the compensation clause, in the 20 points.
    assert "reported dropped in geneva-19" in items["#old-26"]
    assert "amnesty" in items["#old-26"]
    assert "reported dropped in framework-20" in items["#old-10.a"]
    sources = [a.attrs["href"] for a in section.find_all("a") if a.attrs["href"].startswith("http")]
    assert any("amnesty-clause-excluded" in url for url in sources)
    # And on the row of the removed clause itself.
    row = next(
        tr
        for tr in doc.find_all("tr", "row")
        if any(e.attrs.get("id") == "old-26" for e in tr.iter())
    )
    assert row.attrs["data-relation"] == "removed"
    report = row.find("p", "report")
    assert "geneva-19" in report.text() and "amnesty" in report.text()
    # A successive pair shows only its own version's reports, without "between".
    doc = parse_html((site / "compare" / "geneva-19--framework-20.html").read_text("utf-8"))
    assert not doc.find_all("p", "between")
    reported = doc.find("ul", "reported").find_all("li")
    assert len(reported) == 1 and "us-28#10.a" in reported[0].text()
    assert reported[0].find("a").attrs["href"] == "../plans/us-28.html#clause-10.a"


def test_a_version_between_is_an_input_of_the_comparison_across_it(
    plans_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build(plans_copy, out)
    geneva = plans_copy / "2025-11-24-geneva-19-point-framework.yaml"
    geneva.write_text(geneva.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    written = set(build(plans_copy, out).written)
    assert "compare/us-28--framework-20.html" in written
    assert "compare/us-28--e3-28.html" not in written
    e3 = plans_copy / "2025-11-23-e3-counter-proposal.yaml"
    e3.write_text(e3.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    written = set(build(plans_copy, out).written)
    assert {"compare/e3-28--geneva-19.html", "compare/e3-28--framework-20.html"} <= written
    assert "compare/us-28--framework-20.html" not in written
    clean = tmp_path / "clean"
    build(plans_copy, clean)
    assert files(out) == files(clean)


def test_leaving_a_lineage_removes_its_comparisons(plans_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(plans_copy, out)
    e3 = plans_copy / "2025-11-23-e3-counter-proposal.yaml"
    e3.write_text(e3.read_text(encoding="utf-8").replace("follows: us-28\n", ""), "utf-8")
    result = build(plans_copy, out)
    assert sorted(p for p in result.removed if p.startswith("compare/")) == [
        "compare/e3-28--framework-20.html",
        "compare/e3-28--geneva-19.html",
        "compare/us-28--e3-28.html",
    ]
    assert "plans/us-28.html" in result.written  # it no longer offers e3-28
    clean = tmp_path / "clean"
    build(plans_copy, clean)
    assert files(out) == files(clean)


# -- links, size, speed, determinism -------------------------------------------------------


def broken_links(root: Path) -> list[str]:
    """Return every link in the site at `root` that does not resolve, as readable lines.

    `#x` must be an id in the same page; a relative path must name a file of the site, and its
    `#x` an id in that file; http(s) links are not followed.
    """
    ids: dict[Path, set[str]] = {}
    pages = sorted(root.rglob("*.html"))
    trees = {page: parse_html(page.read_text(encoding="utf-8")) for page in pages}
    for page, tree in trees.items():
        ids[page] = {e.attrs["id"] for e in tree.iter() if "id" in e.attrs}
    problems = []
    for page, tree in trees.items():
        name = page.relative_to(root).as_posix()
        for a in tree.find_all("a"):
            href = a.attrs.get("href")
            if href is None:
                problems.append(f"{name}:{a.line}: <a> without href")
                continue
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                continue
            if parts.scheme or parts.netloc:
                problems.append(f"{name}:{a.line}: {href!r} is not a link within the site")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if root.resolve() not in target.parents or target not in ids:
                problems.append(f"{name}:{a.line}: {href!r}: no such page in the site")
            elif parts.fragment and unquote(parts.fragment) not in ids[target]:
                problems.append(f"{name}:{a.line}: {href!r}: no such id")
            elif not parts.path and not parts.fragment:
                problems.append(f"{name}:{a.line}: empty href")
    return problems


@pytest.mark.parametrize("source", [PLANS, DATA / "report", DATA / "hostile"], ids=lambda p: p.name)
def test_every_link_resolves(source: Path, tmp_path: Path) -> None:
    build(source, tmp_path)
    assert broken_links(tmp_path) == []
    pages = sorted(tmp_path.rglob("*.html"))
    fragment_links = sum(
        1
        for page in pages
        for a in parse_html(page.read_text(encoding="utf-8")).find_all("a")
        if "#" in a.attrs.get("href", "")
    )
    assert fragment_links >= len(pages)  # at least the skip links were checked


def test_link_checker_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.html").write_text(
        '<main id="m"><a href="#m">ok</a><a href="#nope">x</a><a href="sub/b.html#b">ok</a>'
        '<a href="sub/b.html#zz">x</a><a href="c.html">x</a><a href="javascript:x()">x</a>'
        '<a href="https://example.org/">ok</a><a href="../outside.html">x</a></main>'
    )
    (tmp_path / "sub" / "b.html").write_text('<p id="b"><a href="../a.html#m">ok</a></p>')
    (tmp_path / "outside.html").write_text("")
    assert [p.split(": ", 1)[1] for p in broken_links(tmp_path)] == [
        "'#nope': no such id",
        "'sub/b.html#zz': no such id",
        "'c.html': no such page in the site",
        "'javascript:x()' is not a link within the site",
        "'../outside.html': no such page in the site",
    ]


def test_pages_are_small(site: Path) -> None:
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    assert len(sizes) >= 10
    assert {p: s for p, s in sizes.items() if s > MAX_PAGE_BYTES} == {}


def test_build_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The goal is under 3 s; the bound here only catches a blow-up (speed belongs in bench/).
    start = time.perf_counter()
    result = build(PLANS, tmp_path)
    elapsed = time.perf_counter() - start
    with capsys.disabled():
        print(f"\n[planlens] building {len(result.written)} pages of plans/ took {elapsed:.2f} s")
    assert elapsed < 10


def test_builds_are_deterministic(tmp_path: Path) -> None:
    # Two builds in processes with different hash seeds, so set order cannot leak into pages.
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "planlens", "build", str(PLANS), "-o", str(out)],
            check=True,
            env=env,
            cwd=ROOT,
            capture_output=True,
        )
        outputs.append(files(out))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) >= 10
