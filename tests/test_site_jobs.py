"""A site build's comparisons, each made once and shared, and its pages made by worker processes:
the same bytes, manifest and errors whatever the number of jobs; workers end with their build."""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import PLANS, ROOT
from hypothesis import given
from hypothesis import strategies as st
from test_lineage import clause, plan, ref
from test_site import files

import planlens.compare
import planlens.lineage.build
import planlens.site.pages
import planlens.site.pool
from planlens.cli import cli
from planlens.compare import PlanDiff
from planlens.errors import Location, PlanFileError, PlanlensError, Problem
from planlens.lineage import diff_key, lineage, lineage_chains, step_keys
from planlens.plan.load import load_plans
from planlens.plan.model import Plan
from planlens.render import compare_href
from planlens.site import LOCK, BuildLockedError, Site, build_site, default_jobs
from planlens.site.pages import Page


def counting(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, str, tuple[str, ...]]]:
    """Count every comparison made, by the site or inside a lineage, by its `diff_key`."""
    made: Counter[tuple[str, str, tuple[str, ...]]] = Counter()
    original = planlens.compare.compare

    def compare(old: Plan, new: Plan, *, corpus: tuple[Plan, ...] = ()) -> PlanDiff:
        made[diff_key(old, new, corpus)] += 1
        return original(old, new, corpus=corpus)

    monkeypatch.setattr(planlens.site.pages, "compare", compare)
    monkeypatch.setattr(planlens.lineage.build, "compare", compare)
    return made


# -- each comparison made once -------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_pair_is_compared_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, jobs: int
) -> None:
    # Counted in a file, one line a comparison, whichever process makes it.
    log = tmp_path / "compared"
    original = planlens.compare.compare

    def compare(old: Plan, new: Plan, *, corpus: tuple[Plan, ...] = ()) -> PlanDiff:
        with log.open("a", encoding="utf-8") as out:
            out.write(repr(diff_key(old, new, corpus)) + "\n")
        return original(old, new, corpus=corpus)

    monkeypatch.setattr(planlens.site.pages, "compare", compare)
    monkeypatch.setattr(planlens.lineage.build, "compare", compare)
    plans = load_plans([PLANS], closed=True)
    build_site(plans, tmp_path / "site", jobs=jobs)
    site = Site(plans)
    assert len(site.pairs) == 10
    # Before: 17 comparisons, each lineage's steps made again for the lineage page.
    made = Counter(log.read_text("utf-8").splitlines())
    assert made == {repr(site.pair_key(old, new)): 1 for old, new in site.pairs}
    # Up to date: nothing to make, nothing compared.
    log.unlink()
    assert build_site(plans, tmp_path / "site", jobs=jobs).written == ()
    assert not log.exists()


def test_progress_is_told_of_the_pages_before_the_comparisons(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The bar is drawn while the comparisons, most of a build, are made (as when the index,
    # the first page, made them all); then it moves a page at a time, in the pages' order.
    events: list[str] = []
    compare = Site.compare

    def noted(self: Site, key: tuple[str, str, tuple[str, ...]]) -> PlanDiff | Exception:
        events.append("compare")
        return compare(self, key)

    def progress(paths: Sequence[str]) -> Callable[[str], None]:
        events.append(f"{len(paths)} pages")
        return events.append

    monkeypatch.setattr(Site, "compare", noted)
    result = build_site(load_plans([PLANS], closed=True), tmp_path, progress=progress)
    assert events[:2] == ["32 pages", "compare"]
    assert events.count("compare") == 10
    assert events[11:] == list(result.written)


#: A lineage with a side branch: a -> b -> d, and d also follows a directly. The site compares
#: a with d through b (d's point composes its pin through b's); the chain a -> d does not.
DIAMOND = (
    plan("a", clause("1", "The army is capped at 600,000 soldiers in peacetime.")),
    plan("b", clause("1", "A ceiling on forces is set.", same_as=ref("a#1")), follows=("a",)),
    plan(
        "d",
        clause("9", "Peacetime forces are limited by later agreement.", same_as=ref("b#1")),
        follows=("a", "b"),
    ),
)


def test_a_lineage_uses_only_comparisons_with_its_own_inputs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site = Site(DIAMOND)
    for old, new in site.pairs:
        site.diffs[site.pair_key(old, new)] = site.diff(site.pair_key(old, new))
    a, _b, d = DIAMOND
    chains = [tuple(p.id for p in chain) for chain in lineage_chains(DIAMOND)]
    assert chains == [("a", "b", "d"), ("a", "d")]
    # The site's a -> d composes the pin through b; the chain a -> d has no b to compose it.
    assert site.pair_key(a, d) == ("a", "d", ("b",))
    assert step_keys([a, d]) == (("a", "d", ()),)
    direct, alone = site.diff(("a", "d", ("b",))), planlens.compare.compare(a, d, corpus=(a, d))
    assert direct.summary() != alone.summary()
    made = counting(monkeypatch)
    shared = {key: diff for key, diff in site.diffs.items() if isinstance(diff, PlanDiff)}
    for chain in lineage_chains(DIAMOND):
        assert lineage(chain, diffs=shared) == lineage(chain)
    # The chain a -> b -> d used the site's three comparisons; a -> d made its own, twice (once
    # for each lineage() above), and the plain lineages made all theirs.
    assert made[("a", "d", ())] == 2
    assert made[("a", "b", ())] == 1 and made[("b", "d", ())] == 1


@st.composite
def follows_graphs(draw: st.DrawFn) -> list[Plan]:
    """Plans p0..pn, each following some earlier ones (or ids of no plan here)."""
    count = draw(st.integers(2, 7))
    plans = []
    for k in range(count):
        earlier = [f"p{j}" for j in range(k)] + ["gone"]
        follows = draw(st.lists(st.sampled_from(earlier), max_size=3, unique=True))
        plans.append(plan(f"p{k}", follows=tuple(follows)))
    return plans


@given(follows_graphs(), st.data())
def test_a_diff_key_is_remade_by_its_middle_versions(
    plans: list[Plan], data: st.DataObject
) -> None:
    # What lets the site make a shared comparison from its key alone: the versions between two
    # in the key's middle are exactly those between them in any corpus that holds the middle.
    old, new = data.draw(st.permutations(plans))[:2]
    corpus = data.draw(st.lists(st.sampled_from(plans), unique_by=lambda p: p.id))
    old_id, new_id, middle = diff_key(old, new, corpus)
    by_id = {p.id: p for p in plans}
    assert (old_id, new_id) == (old.id, new.id)
    assert diff_key(old, new, [by_id[m] for m in middle]) == (old.id, new.id, middle)
    assert diff_key(old, new, [*corpus, *plans]) == diff_key(old, new, plans)


# -- the same site whatever the number of jobs -----------------------------------------------


def run_build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planlens", "build", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_jobs_make_the_same_bytes_and_manifest(tmp_path: Path) -> None:
    one, three = tmp_path / "one", tmp_path / "three"
    serial = run_build(str(PLANS), "-o", str(one), "--jobs", "1")
    parallel = run_build(str(PLANS), "-o", str(three), "--jobs", "3")
    assert (serial.returncode, parallel.returncode) == (0, 0), parallel.stderr
    assert serial.stdout.replace(str(one), "X") == parallel.stdout.replace(str(three), "X")
    assert serial.stdout.endswith(": 32 written, 0 unchanged\n")
    built = files(one)
    assert len(built) == 33 and ".planlens-build.json" in built
    assert files(three) == built


def test_spawned_workers_make_the_same_site(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Where workers are not forked (macOS, Windows), the site and plans are pickled to them.
    plans = load_plans([PLANS], closed=True)
    build_site(plans, tmp_path / "serial")
    monkeypatch.setattr(planlens.site.pool, "START_METHOD", "spawn")
    build_site(plans, tmp_path / "spawned", jobs=2)
    assert files(tmp_path / "spawned") == files(tmp_path / "serial")


def test_incremental_builds_are_the_same_with_jobs(tmp_path: Path) -> None:
    results = {}
    for jobs in (1, 2):
        folder = tmp_path / f"plans-{jobs}"
        shutil.copytree(PLANS, folder)
        out = tmp_path / f"out-{jobs}"
        first = build_site(load_plans([folder], closed=True), out, jobs=jobs)
        before = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
        geneva = folder / "2025-11-24-geneva-19-point-framework.yaml"
        geneva.write_text(geneva.read_text("utf-8").replace("19 points", "nineteen points"))
        second = build_site(load_plans([folder], closed=True), out, jobs=jobs)
        untouched = sorted(
            p.relative_to(out).as_posix()
            for p, mtime in before.items()
            if p.stat().st_mtime_ns == mtime
        )
        results[jobs] = (first, second, untouched, files(out))
        assert second.written and second.skipped
        assert sorted(second.skipped) == untouched  # up-to-date pages are not even rewritten
    assert results[1] == results[2]


def test_one_pool_of_workers_makes_the_comparisons_and_the_pages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Each process says what it makes and which comparisons it unpickles, in a file.
    log = tmp_path / "made"

    def note(what: str) -> None:
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()} {what}\n")

    compare, make, unpickle = Site.compare, Site.make, PlanDiff.__setstate__

    def compared(self: Site, key: tuple[str, str, tuple[str, ...]]) -> PlanDiff | Exception:
        note(f"compare {key[0]} {key[1]}")
        return compare(self, key)

    def made(self: Site, page: Page) -> str:
        note(f"make {page.path}")
        return make(self, page)

    def unpickled(self: PlanDiff, state: object) -> None:
        note("unpickle")
        unpickle(self, state)

    monkeypatch.setattr(Site, "compare", compared)
    monkeypatch.setattr(Site, "make", made)
    monkeypatch.setattr(PlanDiff, "__setstate__", unpickled)
    plans = load_plans([PLANS], closed=True)
    build_site(plans, tmp_path / "site", jobs=2)
    lines = [line.split(" ", 1) for line in log.read_text("utf-8").splitlines()]
    by_what = {what: int(pid) for pid, what in lines}
    here = os.getpid()
    workers = {int(pid) for pid, _ in lines} - {here}
    # Forked once for both (not once for the comparisons and again for the pages) ...
    assert 1 <= len(workers) <= 2
    # ... the index made here from the comparisons' summaries, every other page by a worker,
    # a comparison page by the worker that made its comparison, and no comparison sent here.
    assert [what for pid, what in lines if int(pid) == here] == ["make index.html"]
    site = Site(plans)
    for old, new in site.pairs:
        assert by_what[f"make {compare_href(old, new)}"] == by_what[f"compare {old.id} {new.id}"]


@contextlib.contextmanager
def mapped(
    work: Callable[[Any, int], Any],
    items: Sequence[int],
    *,
    state: object,
    jobs: int,
    order: Sequence[int] | None = None,
) -> Iterator[Iterator[Any]]:
    """`work(state, item)` for each of `items` by `jobs` workers, handed out in `order`; the
    results in the items' order."""
    with planlens.site.pool.workers(state, jobs) as pool:
        futures = {k: pool.submit(work, items[k]) for k in order or range(len(items))}
        yield (planlens.site.pool.result(futures[k]) for k in range(len(items)))


def double(state: int, item: int) -> int:
    return state * item


def frozen(state: None, item: int) -> int:
    return gc.get_freeze_count()


def test_workers_give_results_in_order_and_leave_the_collector_as_it_was() -> None:
    if planlens.site.pool.START_METHOD == "fork":
        # Forked with what existed frozen: a collection there does not walk (and copy) it.
        with mapped(frozen, [1, 2], state=None, jobs=2) as results:
            assert min(results) > 1000
    items = list(range(20))
    for jobs in (1, 3):
        with mapped(double, items, state=2, jobs=jobs, order=items[::-1]) as results:
            assert list(results) == [2 * k for k in items]
        assert gc.get_freeze_count() == 0  # frozen for the workers only, while they ran
    kept = [object() for _ in range(10)]
    gc.freeze()
    try:
        with mapped(double, items, state=1, jobs=2) as results:
            assert list(results) == items
        assert gc.get_freeze_count() >= len(kept)  # a caller's frozen objects stay frozen
    finally:
        gc.unfreeze()


# -- errors ------------------------------------------------------------------------------------


def failing(monkeypatch: pytest.MonkeyPatch, errors: dict[str, Exception]) -> None:
    """Make the pages named in `errors` raise their error (in whichever process makes them)."""
    make = Site.make

    def broken(self: Site, page: Page) -> str:
        if page.path in errors:
            raise errors[page.path]
        return make(self, page)

    monkeypatch.setattr(Site, "make", broken)


PROBLEMS = PlanFileError(
    [
        Problem(Location("plans/b.yaml", 7, 3), "pin a#9 names a clause that plan 'a' lacks"),
        Problem(Location("plans/a.yaml", 2, 1), "second problem"),
    ]
)


@pytest.mark.parametrize(
    ("error", "stderr"),
    [
        (PlanlensError("cannot render"), "planlens: error: cannot render\n"),
        (
            PROBLEMS,
            "plans/a.yaml:2:1: second problem\n"
            "plans/b.yaml:7:3: pin a#9 names a clause that plan 'a' lacks\n"
            "planlens: 2 problems in 2 files\n",
        ),
    ],
)
def test_an_error_in_a_worker_is_the_serial_build_s(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, error: Exception, stderr: str
) -> None:
    # Two pages fail: the serial build meets the plan page first; the workers finish the
    # costlier lineage page, started first, before it. The error shown is the plan page's.
    failing(
        monkeypatch,
        {
            "plans/us-28.html": error,
            "lineage/us-28--geneva-19--framework-20.html": PlanlensError("a later page"),
        },
    )
    results = []
    for jobs in ("1", "3"):
        out = tmp_path / jobs
        result = CliRunner().invoke(cli, ["build", str(PLANS), "-o", str(out), "--jobs", jobs])
        results.append((result.exit_code, result.stdout, result.stderr))
        assert files(out) == {}  # nothing written, no temporary file left
    assert results[0] == results[1]
    code, stdout, shown = results[1]
    assert (code, stdout) == (1, "")
    assert shown.endswith(stderr) and "Traceback" not in shown


def test_an_error_pickles_with_its_problems() -> None:
    again = pickle.loads(pickle.dumps(PROBLEMS))
    assert type(again) is PlanFileError
    assert (again.problems, str(again)) == (PROBLEMS.problems, str(PROBLEMS))


def test_a_comparison_that_fails_fails_each_page_that_needs_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A pin to a clause that does not exist (plans not checked as a collection): compare raises.
    bad = plan("c", clause("1", "Text.", same_as=ref("a#404")), follows=("a",))
    plans = [*DIAMOND[:1], bad]
    with pytest.raises(PlanFileError) as serial:
        build_site(plans, tmp_path / "serial")
    with pytest.raises(PlanFileError) as parallel:
        build_site(plans, tmp_path / "parallel", jobs=2)
    assert parallel.value.problems == serial.value.problems
    assert "names a clause that plan 'a' does not have" in str(serial.value)


def test_a_worker_that_dies_is_a_clean_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    make = Site.make

    def dying(self: Site, page: Page) -> str:
        if page.kind == "lineage":
            os.kill(os.getpid(), signal.SIGKILL)
        return make(self, page)

    monkeypatch.setattr(Site, "make", dying)
    with pytest.raises(PlanlensError, match=r"worker process ended unexpectedly.*--jobs"):
        build_site(load_plans([PLANS], closed=True), tmp_path, jobs=2)
    assert files(tmp_path) == {}


@pytest.mark.parametrize("jobs", ["0", "-1", "-j0"])
def test_jobs_must_be_positive(tmp_path: Path, jobs: str) -> None:
    with pytest.raises(PlanlensError, match="jobs must be at least 1, not 0"):
        build_site(load_plans([PLANS], closed=True), tmp_path, jobs=0)
    args = [jobs] if jobs.startswith("-j") else ["--jobs", jobs]
    result = CliRunner().invoke(cli, ["build", str(PLANS), "-o", str(tmp_path / "out"), *args])
    assert (result.exit_code, result.stdout) == (2, "")
    number = jobs.removeprefix("-j")
    assert result.stderr.endswith(
        f"Error: Invalid value for '-j' / '--jobs': {number} is not in the range x>=1.\n"
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()  # refused before any work


def test_default_jobs_are_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "process_cpu_count", lambda: 6, raising=False)
    assert default_jobs() == 6
    monkeypatch.delattr(os, "process_cpu_count", raising=False)
    if hasattr(os, "sched_getaffinity"):  # the cores this process may use, not the machine's
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 3, 5})
        monkeypatch.setattr(os, "cpu_count", lambda: 64)
        assert default_jobs() == 3
        monkeypatch.delattr(os, "sched_getaffinity")
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert default_jobs() == 1


class Unreadable(PlanlensError):
    """An error that pickles but cannot be unpickled (its arguments are not its message)."""

    def __init__(self, what: str, where: str) -> None:
        super().__init__(f"{what} at {where}")


def unreadable(state: None, item: int) -> int | Exception:
    if item == 1:
        return Unreadable("returned", "item 1")
    if item == 2:
        raise Unreadable("raised", "item 2")
    if item == 3:
        raise KeyError("a bug")
    return item


def test_an_error_the_build_cannot_read_keeps_its_message() -> None:
    # Unpickling it would break the pool ("a worker process ended unexpectedly"): it is sent as
    # a plain error of the same message instead, a PlanlensError still one.
    with mapped(unreadable, [0, 1], state=None, jobs=2) as results:
        zero, one = results
    assert zero == 0 and type(one) is PlanlensError and str(one) == "returned at item 1"
    with (
        pytest.raises(PlanlensError, match=r"^raised at item 2$"),
        mapped(unreadable, [0, 2], state=None, jobs=2) as results,
    ):
        list(results)
    with (  # an error that unpickles is raised as it is, as in one process
        pytest.raises(KeyError, match="a bug"),
        mapped(unreadable, [0, 3], state=None, jobs=2) as results,
    ):
        list(results)


def slow_or_failing(state: None, item: int) -> int:
    if item == 0:
        raise PlanlensError("the first item fails")
    time.sleep(60)
    return item


def test_an_error_stops_the_workers_at_once() -> None:
    start = time.monotonic()
    with (
        pytest.raises(PlanlensError, match="the first item fails"),
        mapped(slow_or_failing, [0, 1, 2], state=None, jobs=3) as results,
    ):
        list(results)
    assert time.monotonic() - start < 20  # not the minute the others would take


#: `planlens build --jobs 2` whose lineage pages take a minute each; the test interrupts it.
INTERRUPTED = """
import signal, sys, time
# Ctrl-C as at a terminal, whose foreground job never starts with SIGINT ignored: a test run
# started in the background by a non-interactive shell (`make test &`) passes it on ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)
from planlens.cli import main
from planlens.site.pages import Site

make = Site.make

def slow(self, page):
    if page.kind == "lineage":
        print("started", flush=True)
        time.sleep(60)
    return make(self, page)

Site.make = slow
sys.argv = ["planlens", "build", sys.argv[1], "-o", sys.argv[2], "--jobs", "2"]
main()
"""


def test_ctrl_c_stops_a_build_and_its_workers(tmp_path: Path) -> None:
    script, out = tmp_path / "interrupted.py", tmp_path / "out"
    script.write_text(textwrap.dedent(INTERRUPTED), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(script), str(PLANS), str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        assert process.stdout is not None
        # A worker is in a lineage page (two workers may both say so, their words interleaved).
        assert process.stdout.readline().startswith("started")
        start = time.monotonic()
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: to the whole group
        _, stderr = process.communicate(timeout=30)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()  # its pipes closed, whatever happened
    assert time.monotonic() - start < 20
    assert process.returncode == 1
    assert "Traceback" not in stderr and stderr.endswith("Aborted!\n")
    assert files(out) == {}  # nothing renamed into place, no temporary file left


# -- workers end with their build ----------------------------------------------------------

#: A build with two workers that kills itself (SIGKILL) when it stages its first page, after
#: writing its workers' pids to a file.
KILLER = """
import multiprocessing, os, signal, sys
from pathlib import Path
import planlens.write
from planlens.plan.load import load_plans
from planlens.site import build_site

original = os.fdopen

def dying(*args, **kwargs):
    pids = [str(p.pid) for p in multiprocessing.active_children()]
    Path(sys.argv[3]).write_text(" ".join(pids))
    os.kill(os.getpid(), signal.SIGKILL)

planlens.write.os.fdopen = dying
build_site(load_plans([sys.argv[1]], closed=True), Path(sys.argv[2]), jobs=2)
"""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent has not collected it


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_a_killed_build_leaves_no_worker_and_no_lock(tmp_path: Path) -> None:
    script, pids = tmp_path / "killer.py", tmp_path / "pids"
    script.write_text(textwrap.dedent(KILLER), encoding="utf-8")
    out, log = tmp_path / "out", tmp_path / "stderr"
    with log.open("w") as stderr:  # not a pipe: a lingering worker would hold it open
        done = subprocess.run(
            [sys.executable, str(script), str(PLANS), str(out), str(pids)],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            timeout=120,
            check=False,
        )
    assert done.returncode == -signal.SIGKILL, log.read_text()
    workers = [int(pid) for pid in pids.read_text().split()]
    assert len(workers) == 2
    # The lock is free at once, whatever the workers do...
    try:
        build_site(load_plans([PLANS], closed=True), out, wait=0)
    except BuildLockedError as err:
        pytest.fail(f"the killed build's workers hold the lock: {err}")
    assert not (out / LOCK).exists()
    # ... and the workers end soon after their build.
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    lingering = [pid for pid in workers if alive(pid)]
    for pid in lingering:
        os.kill(pid, signal.SIGKILL)
    assert lingering == []


#: Holds the build lock of a folder, forks a child that sleeps, and kills itself (SIGKILL).
LOCK_HOLDER = """
import os, signal, sys, time
from pathlib import Path
from planlens.site.lock import build_lock

with build_lock(Path(sys.argv[1])):
    child = os.fork()
    if child == 0:
        time.sleep(60)
        os._exit(0)
    Path(sys.argv[2]).write_text(str(child))
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_forked_child_does_not_hold_the_build_lock(tmp_path: Path) -> None:
    script, pid = tmp_path / "holder.py", tmp_path / "pid"
    script.write_text(textwrap.dedent(LOCK_HOLDER), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run(
        [sys.executable, str(script), str(out), str(pid)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    child = int(pid.read_text())
    try:
        assert done.returncode == -signal.SIGKILL
        assert alive(child)
        build_site(load_plans([PLANS], closed=True), out, wait=0)  # not BuildLockedError
    finally:
        os.kill(child, signal.SIGKILL)
