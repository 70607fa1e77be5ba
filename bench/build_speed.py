"""Site build speed: `planlens build` with one job and with one per core, and the tree before.

Run from the project root:

    .venv/bin/python bench/build_speed.py [--repeat N] [--jobs N] [--bgb] [--baseline REF]
        [--write-results]

Two corpora, each built from scratch into a new folder by `planlens build CORPUS -o OUT` in a
fresh process (interpreter start-up, imports and loading the YAML included, as a user runs it;
planlens's bytecode compiled first, as an installed copy has it):

* `plans/`: the shipped plans (15 versions, 10 comparisons, 31 pages and the search index);
* a larger corpus written as plan files into a temporary folder: `plans/` plus each pair of
  versions of the shared corpus read as plans (`bench/common.py`, `bench/uslm.py`): the eight
  licence pairs, StGB 2012 -> 2022, TKG 2004 -> 2021, H.J.Res. 37 and H.R. 264 (39 versions, 22
  comparisons); `--bgb` adds BGB 2012 -> 2022 (41 versions, 23 comparisons, the largest page).

Each corpus is built with `--jobs 1` and with `--jobs N` (default: the machine's cores, as
`planlens build` uses by default), alternating, `--repeat` times; the first round is a warm-up
and not counted. Wall seconds (median and best) and CPU seconds (user + system of the build and
its workers) per run; the sites of both are compared byte for byte, manifest included. The
machine is shared: before each round the script waits, up to `--idle-wait` seconds (default 60),
until the machine is idle (`wait_idle`: the 1-minute load average below `IDLE_LOAD`, or a short
probe of /proc/stat finding other processes using less than `IDLE_BUSY` of a core); the report
says how many rounds started on a busy machine, and the load average before and after each corpus.

`--baseline REF` (default: main before issue 14's site work was merged; `none` skips it) builds
each corpus with that tree too, in a git worktree through the same `python -c` wrapper as
`bench/load_speed.py`: it compares every lineage step twice and has no `--jobs`. Its pages (not
its manifest, whose digests cover the code) are compared with `--jobs 1`'s.

What every build pays in one process whatever the number of jobs (start-up, imports, loading,
the echoes, the manifest) bounds the gain (Amdahl's law): it is measured as the build of a
folder already up to date, with `--jobs 1` and with `--jobs N` (whose helper process reads the
plans while the build imports and compiles the templates), and the report says how fast
`--jobs N` could be at best.

`--write-results` replaces the section "## Site build" of `bench/RESULTS.md`.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from common import worktree
from load_speed import WRAPPER, compile_trees, run_process
from results import ROOT, command_line, seconds, speedup, verdict, write_section

if TYPE_CHECKING:
    from planlens.plan.model import Plan

SECTION = "## Site build"
#: main before issue 14's site work was merged: comparisons made twice, one process.
DEFAULT_BASELINE = "ece15ea"
#: The build of a folder that is up to date (nothing is written).
UP_TO_DATE = "--jobs 1, up to date"


def up_to_date(jobs: int) -> str:
    """The name of the up-to-date build with `jobs` jobs.

    >>> up_to_date(1) == UP_TO_DATE, up_to_date(2)
    (True, '--jobs 2, up to date')
    """
    return f"--jobs {jobs}, up to date"


#: Issue 14: `planlens build plans/` with 2 cores at least this much faster than `--jobs 1`.
TARGET = 1.6
#: The machine is idle when its 1-minute load average is below this ...
IDLE_LOAD = 0.5
#: ... or when, for `IDLE_PROBE` seconds, other processes kept busy less than this of one core.
IDLE_BUSY = 0.25
IDLE_PROBE = 0.5


#: The licence pairs of the shared corpus, older first.
LICENCE_PAIRS = (
    ("MPL-1.1", "MPL-2.0"),
    ("CC-BY-3.0", "CC-BY-4.0"),
    ("Apache-1.1", "Apache-2.0"),
    ("EPL-1.0", "EPL-2.0"),
    ("LGPL-2.1-only", "LGPL-3.0-only"),
    ("GFDL-1.2-only", "GFDL-1.3-only"),
    ("EUPL-1.1", "EUPL-1.2"),
    ("Artistic-1.0", "Artistic-2.0"),
)
#: The bills: (old file, new file, old id, new id).
BILL_PAIRS = (
    ("HJ37_RH.XML", "HJ37_RFS.XML", "hjres37-rh", "hjres37-rfs"),
    ("H264_PCS.XML", "h264_eh.XML", "hr264-pcs", "hr264-eh"),
)


def corpus_pairs(*, bgb: bool) -> list[tuple[Plan, Plan]]:
    """Return the shared corpus's pairs of versions as plans, older first."""
    from common import BILLS, LICENCES, load_law, load_licence
    from uslm import load_uslm

    pairs = [
        (load_licence(LICENCES / f"{old}.txt"), load_licence(LICENCES / f"{new}.txt"))
        for old, new in LICENCE_PAIRS
    ]
    laws = [("stgb-2012", "stgb-2022"), ("tkg-2004", "tkg-2021")]
    if bgb:
        laws.append(("bgb-2012", "bgb-2022"))
    pairs += [(load_law(old), load_law(new)) for old, new in laws]
    pairs += [
        (load_uslm(BILLS / old, old_id), load_uslm(BILLS / new, new_id))
        for old, new, old_id, new_id in BILL_PAIRS
    ]
    return pairs


def write_corpus(folder: Path, *, bgb: bool) -> int:
    """Write `plans/` and the shared corpus's pairs as plan files into `folder`; return how
    many versions it holds. The newer of a pair follows the older."""
    from common import PLANS_DIR

    from planlens.plan.serialize import plan_to_yaml

    folder.mkdir(parents=True)
    for path in PLANS_DIR.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    for old, new in corpus_pairs(bgb=bgb):
        old = dataclasses.replace(old, date=old.date or "2000-01-01")
        new = dataclasses.replace(new, date=new.date or "2010-01-01", follows=(old.id,))
        for plan in (old, new):
            (folder / f"{plan.id}.yaml").write_text(plan_to_yaml(plan), encoding="utf-8")
    return len(list(folder.glob("*.yaml")))


# -- timing ---------------------------------------------------------------------------------


def busy_cores(probe: float = IDLE_PROBE) -> float | None:
    """Return how many cores' worth of CPU the machine's processes used over `probe` seconds
    (from /proc/stat; this process sleeps meanwhile), or None where there is no /proc/stat."""

    def times() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(x) for x in stat.readline().split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
        return sum(fields[:8]) - idle, sum(fields[:8])  # busy, all (steal included)

    try:
        busy0, all0 = times()
        time.sleep(probe)
        busy1, all1 = times()
    except (OSError, ValueError, IndexError):
        return None
    return (busy1 - busy0) / max(1, all1 - all0) * (os.cpu_count() or 1)


def wait_idle(limit: float) -> tuple[bool, float, float]:
    """Wait up to `limit` seconds until the machine is idle (the 1-minute load average below
    `IDLE_LOAD`, or a probe finding less than `IDLE_BUSY` of a core busy).

    Return whether it was idle, the seconds waited, and how busy it was last seen: the cores
    the probe found busy (the load average where there is no probe: it also counts this
    script's own builds of the last minute)."""
    start = time.perf_counter()
    while True:
        load = os.getloadavg()[0]
        if load < IDLE_LOAD:
            return True, time.perf_counter() - start, load
        busy = busy_cores()
        seen = load if busy is None else busy
        if busy is not None and busy < IDLE_BUSY:
            return True, time.perf_counter() - start, busy
        if time.perf_counter() - start >= limit:
            return False, time.perf_counter() - start, seen


def files(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` (the manifest included), by its relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def time_corpus(
    corpus: Path, args: argparse.Namespace, baseline: Path | None, scratch: Path
) -> dict[str, object]:
    """Build `corpus` from scratch with each command, in turn, `args.repeat` times (plus one
    round not counted); return the runs' wall and CPU seconds and whether the sites agree."""
    python = sys.executable
    commands = {
        "--jobs 1": [python, "-m", "planlens", "build", str(corpus), "--jobs", "1"],
        f"--jobs {args.jobs}": [
            *[python, "-m", "planlens", "build", str(corpus)],
            *["--jobs", str(args.jobs)],
        ],
    }
    if baseline is not None:
        commands["baseline"] = [python, "-c", WRAPPER, str(baseline), "build", str(corpus)]
    # What every build pays whatever it writes: start-up, imports, loading, the echoes, the
    # manifest. A build of a folder already up to date does only that; with more jobs, some of
    # it in a helper process, beside the imports.
    commands[UP_TO_DATE] = commands["--jobs 1"]
    commands[up_to_date(args.jobs)] = commands[f"--jobs {args.jobs}"]
    built = scratch / "up-to-date"
    run_process([*commands[UP_TO_DATE], "-o", str(built)])
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    sites: dict[str, dict[str, bytes]] = {}
    load = [os.getloadavg()[0]]
    #: Each counted round's (idle?, seconds waited, load or busy cores seen) before it started.
    waits: list[tuple[bool, float, float]] = []
    for round_ in range(args.repeat + 1):
        idle = wait_idle(args.idle_wait)
        if round_:
            waits.append(idle)
        for name, command in commands.items():
            uptodate = name in (UP_TO_DATE, up_to_date(args.jobs))
            out = built if uptodate else scratch / f"site-{round_}"
            cpu, wall, _ = run_process([*command, "-o", str(out)])
            if round_:
                runs[name].append((wall, cpu))
            if name not in sites:
                sites[name] = files(out)
            if out != built:
                shutil.rmtree(out)
    load.append(os.getloadavg()[0])
    serial, parallel = sites["--jobs 1"], sites[f"--jobs {args.jobs}"]
    pages = {name: site for name, site in serial.items() if name != ".planlens-build.json"}
    return {
        "runs": runs,
        "identical": serial == parallel,
        "pages": len(pages),
        "same_pages_as_baseline": (
            None
            if "baseline" not in sites
            else pages
            == {n: s for n, s in sites["baseline"].items() if n != ".planlens-build.json"}
        ),
        "load": load,
        "waits": waits,
    }


# -- the report -----------------------------------------------------------------------------


def autogroup() -> str:
    """Say whether Linux schedules each session's processes as one group (autogroup)."""
    try:
        on = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        return "unknown"
    return "on" if on else "off"


def busy_rounds(waits: list[tuple[bool, float, float]]) -> str:
    """Say how many rounds started on a busy machine, and the most load seen before one.

    >>> busy_rounds([(True, 0.0, 0.1), (False, 60.0, 1.6), (False, 60.0, 0.9)])
    '2 of 3 (up to 1.6)'
    >>> busy_rounds([(True, 2.5, 0.2)])
    '0 of 1'
    """
    busy = [seen for idle, _, seen in waits if not idle]
    text = f"{len(busy)} of {len(waits)}"
    return f"{text} (up to {max(busy):.1f})" if busy else text


def report(results: dict[str, dict[str, object]], args: argparse.Namespace) -> list[str]:
    jobs = f"--jobs {args.jobs}"
    lines = [
        SECTION,
        "",
        f"`planlens build CORPUS -o NEW_FOLDER` in a fresh process, from scratch (start-up, "
        f"imports and loading the YAML included): `--jobs 1` against `{jobs}` "
        f"(`os.cpu_count()` = {os.cpu_count()}), alternating, {args.repeat} runs each after a "
        "round not counted. Wall seconds are what issue 14 asks about; CPU seconds are user + "
        "system of the build and its workers. The machine is shared with other work: the load "
        "average (1 min) before and after each corpus is shown. Linux's autogroup is "
        f"{autogroup()} here: with it, the processes of one session (a build and its workers) "
        "share one session's part of the CPUs, so while other sessions keep the CPUs busy the "
        "workers cannot run faster than one process; the gain shows on an otherwise idle "
        "machine. `baseline` is the tree before this work (every lineage step compared twice, "
        "one process); its speed-up column says how much faster `--jobs 1` is than it. "
        f"`{UP_TO_DATE}` builds a folder that is already up to date: it writes nothing, so its "
        "time is what every build pays in one process whatever the number of jobs (start-up, "
        f"imports, loading, the echoes, the manifest); `{up_to_date(args.jobs)}` is what a build "
        f"with {args.jobs} jobs pays before its workers start (the plans read, their echoes "
        "found and planlens's code digested by a helper process while the build imports and "
        "compiles the templates).",
        "",
        f"Before each round the script waited (up to {args.idle_wait:.0f} s) for an idle machine "
        f"(1-minute load average below {IDLE_LOAD}, or less than {IDLE_BUSY} of a core busy over "
        f"{IDLE_PROBE} s); `busy rounds` counts the rounds that started on a busy machine all the "
        "same, with the most cores other work kept busy just before one.",
        "",
        "| corpus | files | command | wall median s | wall best s | CPU median s | speed-up, "
        "wall (median, best) | same bytes | load before/after | busy rounds |",
        "|---|---:|---|---:|---:|---:|---:|---|---|---|",
    ]
    met = None
    for corpus, result in results.items():
        runs: dict[str, list[tuple[float, float]]] = result["runs"]  # type: ignore[assignment]
        serial = [w for w, _ in runs["--jobs 1"]]
        one_median, one_best = statistics.median(serial), min(serial)
        load = " / ".join(f"{x:.1f}" for x in result["load"])  # type: ignore[attr-defined]
        busy = busy_rounds(result["waits"])  # type: ignore[arg-type]
        for name, values in runs.items():
            walls = [w for w, _ in values]
            median, best = statistics.median(walls), min(walls)
            cpu = statistics.median(c for _, c in values)
            same = {
                "--jobs 1": "-",
                UP_TO_DATE: "-",
                up_to_date(args.jobs): "-",
                jobs: "yes" if result["identical"] else "NO",
                "baseline": {True: "pages yes", False: "pages NO", None: "-"}[
                    result["same_pages_as_baseline"]  # type: ignore[index]
                ],
            }[name]
            if name in ("--jobs 1", UP_TO_DATE, up_to_date(args.jobs)):
                gain = "-"
            elif name == "baseline":
                gain = f"{speedup(median, one_median)}, {speedup(best, one_best)}"
            else:
                gain = f"{speedup(one_median, median)}, {speedup(one_best, best)}"
            lines.append(
                f"| {corpus} | {result['pages']} | {name} | {seconds(median)} | "
                f"{seconds(best)} | {seconds(cpu)} | {gain} | {same} | {load} | {busy} |"
            )
            if corpus == "plans/" and name == jobs:
                met = bool(result["identical"]) and one_median / median >= TARGET
    lines += ["", "What every build pays in one process bounds the gain (Amdahl's law):", ""]
    for corpus, result in results.items():
        runs = result["runs"]  # type: ignore[assignment]
        one = statistics.median(w for w, _ in runs["--jobs 1"])
        floor = statistics.median(w for w, _ in runs[UP_TO_DATE])
        # What a build with more jobs pays before its workers start, and its CPU (the helper's
        # included).
        floor_n = statistics.median(w for w, _ in runs[up_to_date(args.jobs)])
        floor_cpu_n = statistics.median(c for _, c in runs[up_to_date(args.jobs)])
        best = one / (floor_n + (one - floor) / args.jobs)
        got = one / statistics.median(w for w, _ in runs[jobs])
        # The parallel run's own CPU (its workers included) is more than `--jobs 1`'s: what
        # the workers each redo, forking, handing results back. Divided perfectly, at most:
        cpu_n = statistics.median(c for _, c in runs[jobs])
        cpu_one = statistics.median(c for _, c in runs["--jobs 1"])
        spent = one / (floor_n + max(0.0, cpu_n - floor_cpu_n) / args.jobs)
        lines.append(
            f"- {corpus}: {seconds(floor)} s of the {seconds(one)} s of `--jobs 1` is paid "
            f"in one process, and {seconds(floor_n)} s of `{jobs}` before its workers start, "
            f"so `{jobs}` can be at most {best:.2f}x faster if the rest divided perfectly; "
            f"with the CPU `{jobs}` spends ({seconds(cpu_n)} s, {seconds(cpu_n - cpu_one)} s "
            f"more than `--jobs 1`), at most {spent:.2f}x; measured {got:.2f}x."
        )
    lines += [
        "",
        f"Issue 14's target, `planlens build plans/` with 2 cores at least {TARGET}x faster "
        f"than `--jobs 1` (median wall), identical bytes: **{verdict(met)}**.",
        "",
        f"Command: `{command_line('bench/build_speed.py', sys.argv[1:])}`",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="counted runs of each command")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="the parallel run")
    parser.add_argument("--bgb", action="store_true", help="add BGB 2012 -> 2022 to the corpus")
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git ref, or none")
    parser.add_argument(
        "--idle-wait", type=float, default=60.0, help="seconds to wait for an idle machine"
    )
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args()
    results: dict[str, dict[str, object]] = {}
    with (
        tempfile.TemporaryDirectory(prefix="planlens-build-") as tmp,
        worktree(args.baseline) as baseline,
    ):
        compile_trees(ROOT, baseline)  # else 90 ms in the part no job divides
        scratch = Path(tmp)
        corpus = scratch / "corpus"
        count = write_corpus(corpus, bgb=args.bgb)
        for name, folder in (("plans/", ROOT / "plans"), (f"{count} versions", corpus)):
            print(f"{name}: building ...", file=sys.stderr)
            results[name] = time_corpus(folder, args, baseline, scratch)
    lines = report(results, args)
    print("\n".join(lines))
    if args.write_results:
        write_section("\n".join(lines), SECTION)


if __name__ == "__main__":
    main()
