"""Speed harness: planlens against difflib.HtmlDiff and git diff on the same texts, same run.

Run from the project root (`make bench` should run exactly this):

    .venv/bin/python bench/speed.py [--quick] [--write-results] [--date YYYY-MM-DD]

Workloads, smallest first: every `follows` pair of the plans in `plans/`; GPL-2 -> GPL-3 from
`/usr/share/common-licenses`; H.J.Res. 37 and H.R. 264 (USLM XML); StGB 2012 -> 2022; TKG 2004
-> 2021; BGB 2012 -> 2022; and a scale sweep of 250, 500, 1,000, 2,000 and 5,000 sections.

The sweep samples BGB and StGB (2012 -> 2022) evenly: each point takes n old sections spread
evenly over both laws, each with the 2022 sections from its § up to the next old § (so new
sections come along with their neighbours), in the laws' order. Every point then has about the
corpus's share of changed sections (15%); a plain prefix of BGB does not (its sections 250-1,000
changed far more than the first 250, which reads as super-linear growth). The laws have 2,941
old sections, so the 5,000 point adds a second copy of 2,059 of them with every word spelled
backwards on both sides: the same sizes and edits, almost no shared words. Each point is
written to Markdown (one `#####` heading per §) that all three tools read.

For each workload, each tool runs in its own process, and is timed in CPU seconds of that
process (`time.process_time`; for git, the child's user + system time): the benchmark machine
is shared, and wall time there measures the neighbours as much as the tool. All three tools are
single-threaded, so on an idle machine CPU time is the wall time. planlens's wall time is shown
too.

* planlens: import both texts (YAML plans: load; laws and licences: `import_text`; USLM: the
  bench reader) and `compare` them. One warm-up run, then the median of 5 runs (of 3 when a
  run takes more than a second of wall time; a single run when it takes more than 10 s).
  Import and compare are timed apart; peak memory is the worker process's maximum resident
  set size.
* `difflib.HtmlDiff().make_file` on the two files' lines, one run, stopped after 180 s of wall
  time (60 s in the sweep) and reported as "timeout".
* `git diff --no-index --word-diff=porcelain` on the two files, median of 3, process start-up
  included (exit status 1, "files differ", is success).

Ratios are the other tool's time over planlens's end-to-end time: above 1, planlens is faster.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import difflib
import itertools
import json
import math
import os
import platform
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import (
    BILLS,
    COMMON_LICENSES,
    LAWS,
    PLANS_DIR,
    ROOT,
    import_path,
    load_law,
    plan_markdown,
)

from planlens.plan.model import Clause, Plan

HTMLDIFF_TIMEOUT = 180.0
#: HtmlDiff on the sweep's sampled texts is far slower than on whole laws (every other line
#: changed makes huge replace blocks); a shorter limit keeps the whole run near 10 minutes.
SWEEP_HTMLDIFF_TIMEOUT = 60.0
SWEEP_SIZES = (250, 500, 1000, 2000, 5000)
QUICK_SWEEP_MAX = 1000
#: The laws of the sweep, old and new version, and how many consecutive old sections are
#: sampled together (1: single sections spread evenly give the most even share of changes).
SWEEP_LAWS = (("bgb-2012", "bgb-2022"), ("stgb-2012", "stgb-2022"))
SWEEP_BLOCK = 1
RESULTS = ROOT / "bench" / "RESULTS.md"

#: Acceptance targets, checked on the matching workloads.
BGB_MAX_SECONDS = 3.0
BGB_MIN_SPEEDUP = 3.0
TKG_MIN_SPEEDUP = 10.0
MAX_DOUBLING = 2.2
BGB_MAX_MEMORY_MB = 1024.0


@dataclass(frozen=True, slots=True)
class Workload:
    """Two files to compare, and how planlens reads them (`yaml`, `text` or `uslm`)."""

    name: str
    kind: str
    old: Path
    new: Path
    #: For a sweep point, the sections it was asked for.
    sections: int | None = None


@dataclass
class Result:
    """What each tool did on one workload; None where it was not run."""

    workload: Workload
    clauses: tuple[int, int] = (0, 0)
    planlens: float | None = None
    wall: float | None = None
    compare: float | None = None
    load: float | None = None
    runs: int = 0
    memory_mb: float | None = None
    summary: dict[str, int] = dataclasses.field(default_factory=dict)
    htmldiff: float | str | None = None
    htmldiff_bytes: int | None = None
    htmldiff_timeout: float = HTMLDIFF_TIMEOUT
    git: float | str | None = None
    error: str | None = None


# -- workers (run in their own process) ---------------------------------------------------


def _load(kind: str, path: Path, plan_id: str) -> Plan:
    if kind == "yaml":
        from planlens.plan.load import load_plan

        return load_plan(path)
    if kind == "uslm":
        from uslm import load_uslm

        return load_uslm(path, plan_id)
    return import_path(path, plan_id)


def planlens_worker(kind: str, old: Path, new: Path) -> dict[str, Any]:
    """Import and compare `old` and `new` repeatedly; return timings and peak memory."""
    from planlens.compare import compare

    summary: dict[str, int] = {}
    clauses = (0, 0)

    def once() -> tuple[float, float, float]:
        """Return CPU seconds of the import and of the comparison, and the wall seconds."""
        nonlocal summary, clauses
        wall, start = time.perf_counter(), time.process_time()
        a, b = _load(kind, old, "old"), _load(kind, new, "new")
        loaded = time.process_time()
        diff = compare(a, b)
        end = time.process_time()
        summary = diff.summary()
        clauses = (sum(1 for _ in a.walk()), sum(1 for _ in b.walk()))
        return loaded - start, end - loaded, time.perf_counter() - wall

    warm = once()
    repeats = 0 if warm[2] > 10 else (3 if warm[2] > 1 else 5)
    runs = [once() for _ in range(repeats)] or [warm]
    return {
        "load": statistics.median(r[0] for r in runs),
        "compare": statistics.median(r[1] for r in runs),
        "total": statistics.median(r[0] + r[1] for r in runs),
        "wall": statistics.median(r[2] for r in runs),
        "runs": len(runs),
        "memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "summary": summary,
        "clauses": clauses,
    }


def htmldiff_worker(old: Path, new: Path) -> dict[str, Any]:
    """Run `difflib.HtmlDiff().make_file` once on the two files' lines."""
    a = old.read_text(encoding="utf-8").splitlines()
    b = new.read_text(encoding="utf-8").splitlines()
    wall, start = time.perf_counter(), time.process_time()
    html = difflib.HtmlDiff().make_file(a, b)
    seconds = time.process_time() - start
    return {
        "seconds": seconds,
        "wall": time.perf_counter() - wall,
        "bytes": len(html.encode("utf-8")),
    }


# -- the parent: workloads, running the tools, the report ---------------------------------


def plan_workloads() -> list[Workload]:
    """Return one workload per `follows` pair of the shipped plans."""
    from planlens.plan.load import find_plan_files, load_plan

    paths = {load_plan(path).id: path for path in find_plan_files([PLANS_DIR])}
    out = []
    for plan_id, path in sorted(paths.items()):
        for earlier in load_plan(path).follows:
            if earlier in paths:
                out.append(Workload(f"plans: {earlier} -> {plan_id}", "yaml", paths[earlier], path))
    return out


def corpus_workloads(quick: bool) -> list[Workload]:
    """Return the real document pairs: GPL, US bills and the German laws (BGB unless quick)."""
    out = []
    gpl2, gpl3 = COMMON_LICENSES / "GPL-2", COMMON_LICENSES / "GPL-3"
    if gpl2.exists() and gpl3.exists():
        out.append(Workload("GPL-2 -> GPL-3", "text", gpl2, gpl3))
    out.append(
        Workload("H.J.Res. 37 RH -> RFS", "uslm", BILLS / "HJ37_RH.XML", BILLS / "HJ37_RFS.XML")
    )
    out.append(
        Workload("H.R. 264 PCS -> EH", "uslm", BILLS / "H264_PCS.XML", BILLS / "h264_eh.XML")
    )
    out.append(
        Workload(
            "StGB 2012 -> 2022", "text", LAWS / "stgb-2012-07-02.md", LAWS / "stgb-2022-03-03.md"
        )
    )
    out.append(Workload("TKG 2004 -> 2021", "text", LAWS / "tkg-2004.md", LAWS / "tkg-2021.md"))
    if not quick:
        out.append(
            Workload(
                "BGB 2012 -> 2022", "text", LAWS / "bgb-2012-07-02.md", LAWS / "bgb-2022-03-03.md"
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class _Block:
    """Consecutive sections of one law, old version and the matching new sections."""

    old: tuple[Clause, ...]
    new: tuple[Clause, ...]
    law: int
    position: int


def law_blocks(old: Plan, new: Plan, law: int, size: int = SWEEP_BLOCK) -> list[_Block]:
    """Cut two versions of a law into blocks of `size` old sections and their new sections.

    A block's new sections are those between the new positions of its first § and the first §
    of the next block (found by § number; a § missing from the new version is placed after
    the last § before it that is there). The blocks cover both versions, each section once.
    """
    new_index = {_key(c): j for j, c in enumerate(new.clauses)}
    anchors: list[tuple[int, int]] = []
    for i, clause in enumerate(old.clauses):
        j = new_index.get(_key(clause))
        if j is not None and (not anchors or j > anchors[-1][1]):
            anchors.append((i, j))

    anchored = [a for a, _ in anchors]

    def new_boundary(i: int) -> int:
        k = bisect.bisect_right(anchored, i) - 1
        if k < 0:
            return 0
        a, b = anchors[k]
        return min(b + (i - a), len(new.clauses))

    starts = [*range(0, len(old.clauses), size), len(old.clauses)]
    bounds = list(itertools.accumulate((new_boundary(i) for i in starts[:-1]), max))
    bounds.append(len(new.clauses))
    return [
        _Block(old.clauses[i:j], new.clauses[bounds[k] : bounds[k + 1]], law, k)
        for k, (i, j) in enumerate(itertools.pairwise(starts))
    ]


def _key(clause: Clause) -> str:
    return " ".join((clause.number or clause.id).split())


def sweep_workloads(sizes: Sequence[int], folder: Path) -> list[Workload]:
    """Write the scale sweep's texts into `folder` and return one workload per size.

    Every point is made of blocks of `SWEEP_BLOCK` consecutive sections of BGB and StGB (old
    2012, new 2022), spread evenly over both laws (a systematic sample), so that each point has
    about the corpus's share of changed sections; the blocks keep their order in the laws.
    Past the 2,941 distinct sections, every block is taken once and more blocks again as
    copies (`_copy`: every word spelled backwards, on both sides).
    """
    blocks: list[_Block] = []
    for law, (old_name, new_name) in enumerate(SWEEP_LAWS):
        blocks.extend(law_blocks(load_law(old_name), load_law(new_name), law))
    template = load_law(SWEEP_LAWS[0][0])
    out = []
    for size in sizes:
        wanted = math.ceil(size / SWEEP_BLOCK)
        copies, rest = divmod(wanted, len(blocks))
        # Every block `copies` times, and the rest spread evenly over both laws.
        chosen = [(copy, k) for copy in range(copies) for k in range(len(blocks))]
        chosen += [(copies, k) for k in spread(len(blocks), rest)]
        pair = []
        for side in ("old", "new"):
            clauses: list[Clause] = []
            for copy, k in chosen:
                part = getattr(blocks[k], side)
                clauses.extend(_copy(c) if copy else c for c in part)
            plan = dataclasses.replace(
                template, title=f"sweep {size} {side}", clauses=tuple(clauses)
            )
            path = folder / f"sweep-{size}-{side}.md"
            path.write_text(plan_markdown(plan), encoding="utf-8")
            pair.append(path)
        out.append(Workload(f"sweep {size}", "text", pair[0], pair[1], size))
    return out


def spread(total: int, k: int) -> list[int]:
    """Return `k` of the indices `0..total-1`, evenly spaced (a systematic sample).

    >>> spread(10, 3), spread(4, 4), spread(5, 0)
    ([1, 5, 8], [0, 1, 2, 3], [])
    """
    return [int((i + 0.5) * total / k) for i in range(k)]


def _copy(clause: Clause) -> Clause:
    """Return `clause` with every word of its text and title spelled backwards.

    Applied alike to both versions, a copy keeps the sizes and the edits of the original but
    shares almost no words with it, so the 5,000 point is not a test of near-duplicates.

    >>> _copy(Clause(id="1", text="Die Ehe wird auf Lebenszeit geschlossen.")).text
    'eiD ehE driw fua tiezsnebeL nessolhcseg.'
    """
    return dataclasses.replace(clause, text=_backwards(clause.text), title=_backwards(clause.title))


def _backwards(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\w+", lambda m: m.group()[::-1], text)


def _worker(args: list[str], timeout: float | None) -> dict[str, Any]:
    """Run this file as a worker with `args`; return its JSON answer or {"error": ...}."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"error": "timeout"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def time_git(old: Path, new: Path, repeats: int = 3) -> float | str:
    """Return the median CPU time of `git diff --no-index --word-diff=porcelain old new`.

    The CPU time of the git process (user + system, start-up included), from the children's
    resource usage before and after it.
    """
    times = []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(
            ["git", "diff", "--no-index", "--word-diff=porcelain", str(old), str(new)],
            capture_output=True,
            check=False,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            return f"error {done.returncode}"
    return statistics.median(times)


def run(workload: Workload, *, htmldiff_timeout: float | None = HTMLDIFF_TIMEOUT) -> Result:
    """Time every tool on `workload`; HtmlDiff only with a `htmldiff_timeout`."""
    result = Result(workload)
    answer = _worker(["planlens", workload.kind, str(workload.old), str(workload.new)], None)
    if "error" in answer:
        result.error = str(answer["error"])
    else:
        result.planlens = answer["total"]
        result.wall = answer["wall"]
        result.compare = answer["compare"]
        result.load = answer["load"]
        result.runs = answer["runs"]
        result.memory_mb = answer["memory_mb"]
        result.summary = answer["summary"]
        result.clauses = (answer["clauses"][0], answer["clauses"][1])
    if htmldiff_timeout is not None:
        result.htmldiff_timeout = htmldiff_timeout
        answer = _worker(["htmldiff", "-", str(workload.old), str(workload.new)], htmldiff_timeout)
        result.htmldiff = answer.get("seconds", answer.get("error"))
        result.htmldiff_bytes = answer.get("bytes")
    result.git = time_git(workload.old, workload.new)
    return result


# -- report -----------------------------------------------------------------------------------


def _seconds(value: float | str | None, timeout: float | None = None) -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return f"{value} ({timeout:.0f} s)" if value == "timeout" and timeout else value
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def _speedup(
    other: float | str | None, ours: float | None, timeout: float = HTMLDIFF_TIMEOUT
) -> str:
    """Return `other / ours` as "12.3x"; a timeout after `timeout` s gives a lower bound."""
    if not ours or other is None:
        return "-"
    if isinstance(other, str):
        return f"> {timeout / ours:.0f}x" if other == "timeout" else "-"
    ratio = other / ours
    return f"{ratio:.1f}x" if ratio >= 0.995 else f"{ratio:.2f}x"


def main_table(results: Sequence[Result]) -> list[str]:
    """Return the Markdown table of the workloads."""
    lines = [
        "| workload | clauses old → new | planlens s | compare s | import s | planlens wall s "
        "| peak MB | HtmlDiff s | HtmlDiff ÷ planlens | git word-diff s | git ÷ planlens |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        clauses = (
            f"{r.clauses[0]:,} → {r.clauses[1]:,}" if r.planlens is not None else r.error or "-"
        )
        memory = f"{r.memory_mb:.0f}" if r.memory_mb is not None else "-"
        lines.append(
            f"| {r.workload.name} | {clauses} | {_seconds(r.planlens)} | {_seconds(r.compare)} "
            f"| {_seconds(r.load)} | {_seconds(r.wall)} | {memory} | {_seconds(r.htmldiff)} "
            f"| {_speedup(r.htmldiff, r.planlens)} | {_seconds(r.git)} "
            f"| {_speedup(r.git, r.planlens)} |"
        )
    return lines


def doubling(results: Sequence[Result], attribute: str) -> list[float | None]:
    """Return, between consecutive sweep points, the time ratio per doubling of sections.

    From n1 to n2 sections with times t1 and t2: (t2 / t1) ** (log 2 / log(n2 / n1)), so that
    the 2,000 -> 5,000 step compares with the doublings before it.
    """
    out: list[float | None] = [None]
    for before, after in itertools.pairwise(results):
        t1, t2 = getattr(before, attribute), getattr(after, attribute)
        n1, n2 = before.clauses[0], after.clauses[0]
        if not (isinstance(t1, float) and isinstance(t2, float)) or not t1 or n2 <= n1:
            out.append(None)
        else:
            out.append((t2 / t1) ** (math.log(2) / math.log(n2 / n1)))
    return out


def sweep_table(results: Sequence[Result]) -> list[str]:
    """Return the Markdown table of the scale sweep, with the per-doubling growth."""
    lines = [
        "| sections | clauses old → new | planlens s | per doubling | compare s | per doubling "
        "| peak MB | HtmlDiff s | HtmlDiff ÷ planlens | git s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    total = doubling(results, "planlens")
    compare = doubling(results, "compare")
    for r, d_total, d_compare in zip(results, total, compare, strict=True):
        memory = f"{r.memory_mb:.0f}" if r.memory_mb is not None else "-"
        lines.append(
            f"| {r.workload.sections:,} | {r.clauses[0]:,} → {r.clauses[1]:,} "
            f"| {_seconds(r.planlens)} | {_ratio(d_total)} | {_seconds(r.compare)} "
            f"| {_ratio(d_compare)} | {memory} | {_seconds(r.htmldiff, r.htmldiff_timeout)} "
            f"| {_speedup(r.htmldiff, r.planlens, r.htmldiff_timeout)} | {_seconds(r.git)} |"
        )
    return lines


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def targets(results: Sequence[Result], sweep: Sequence[Result]) -> list[str]:
    """Return one line per acceptance target: the figure and whether it is met."""
    by_name = {r.workload.name: r for r in results}
    lines = []

    def verdict(ok: bool | None) -> str:
        return "NO DATA" if ok is None else ("MET" if ok else "NOT MET")

    bgb = by_name.get("BGB 2012 -> 2022")
    if bgb is not None and bgb.planlens is not None:
        lines.append(
            f"- BGB end to end {bgb.planlens:.2f} s CPU, {bgb.wall:.2f} s wall (compare alone "
            f"{bgb.compare:.2f} s); "
            f"target < {BGB_MAX_SECONDS:.0f} s: {verdict(bgb.planlens < BGB_MAX_SECONDS)}"
        )
        html = bgb.htmldiff if isinstance(bgb.htmldiff, float) else None
        fast = None if html is None else html / bgb.planlens >= BGB_MIN_SPEEDUP
        lines.append(
            f"- BGB HtmlDiff ÷ planlens {_speedup(bgb.htmldiff, bgb.planlens)}; target ≥ "
            f"{BGB_MIN_SPEEDUP:.0f}x: {verdict(fast)}"
        )
        memory = bgb.memory_mb or 0.0
        lines.append(
            f"- BGB peak memory {memory:.0f} MB (whole worker process); target < "
            f"{BGB_MAX_MEMORY_MB:.0f} MB: {verdict(memory < BGB_MAX_MEMORY_MB)}"
        )
    else:
        lines.append("- BGB targets: not run (--quick)")
    tkg = by_name.get("TKG 2004 -> 2021")
    if tkg is not None and tkg.planlens is not None:
        if isinstance(tkg.htmldiff, float):
            ok: bool | None = tkg.htmldiff / tkg.planlens >= TKG_MIN_SPEEDUP
        else:
            ok = True if tkg.htmldiff == "timeout" else None
        lines.append(
            f"- TKG HtmlDiff ÷ planlens {_speedup(tkg.htmldiff, tkg.planlens)}; target ≥ "
            f"{TKG_MIN_SPEEDUP:.0f}x: {verdict(ok)}"
        )
    steps = [d for d in doubling(sweep, "planlens") if d is not None]
    if steps:
        fitted = fitted_doubling(sweep)
        lines.append(
            f"- sweep: doubling the sections costs {fitted:.2f}x the time across the sweep "
            f"(least-squares fit of log time on log sections, end to end); target ≤ "
            f"{MAX_DOUBLING}x: {verdict(fitted <= MAX_DOUBLING)}. Single steps range from "
            f"{min(steps):.2f}x to {max(steps):.2f}x: each point samples different sections, "
            "and the small points' times are a few tenths of a second"
        )
    return lines


def fitted_doubling(sweep: Sequence[Result]) -> float:
    """Return 2 ** slope of the least-squares line through (log sections, log seconds).

    One number for the whole sweep: a single step compares two different samples of the laws,
    so it mixes the cost of size with the cost of what the sample happens to contain.

    >>> from types import SimpleNamespace as NS
    >>> points = [NS(workload=NS(sections=n), planlens=n / 1000) for n in (250, 500, 1000)]
    >>> round(fitted_doubling(points), 3)
    2.0
    """
    xs = [math.log(r.workload.sections) for r in sweep]
    ys = [math.log(r.planlens) for r in sweep]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mean_x) ** 2 for x in xs
    )
    return float(2**slope)


def report(
    results: Sequence[Result],
    sweep: Sequence[Result],
    command: str,
    date: str | None,
    load: tuple[float, float],
) -> str:
    """Return the whole report as Markdown; `load` is the load average at start and end."""
    git_version = subprocess.run(
        ["git", "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    lines = ["# planlens speed benchmark", ""]
    if date:
        lines.append(f"Run on {date}.")
    lines += [
        f"Command: `{command}`",
        "",
        f"Python {sys.version.split()[0]} ({platform.python_implementation()}), {git_version}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs; load average "
        f"{load[0]:.1f} at the start, {load[1]:.1f} at the end.",
        "",
        "Times are CPU seconds of each tool's own process (the machine is shared; all three "
        "tools are single-threaded, so on an idle machine this is the wall time). planlens = "
        "import both texts + `compare` (median of 5 runs after a warm-up; of 3 when a run takes "
        "over 1 s; one run over 10 s); its wall time is shown too. HtmlDiff = "
        "`difflib.HtmlDiff().make_file` on the files' lines (one run; stopped after "
        f"{HTMLDIFF_TIMEOUT:.0f} s of wall time, {SWEEP_HTMLDIFF_TIMEOUT:.0f} s in the sweep). "
        "git = `git diff --no-index --word-diff=porcelain` (median of 3, with process start). "
        "Ratios above 1x: planlens is faster. Peak MB: maximum resident set of the planlens "
        "worker process.",
        "",
        "## Workloads",
        "",
        *main_table(results),
        "",
    ]
    if sweep:
        lines += [
            "## Scale sweep",
            "",
            "n sections of BGB and StGB 2012 spread evenly over both laws, each with the 2022 "
            "sections from its § to the next (about 15% changed at every point); the 5,000 "
            "point adds 2,059 sections again with every word spelled backwards on both sides. "
            "Written as Markdown. Per doubling: growth of time per doubling of sections "
            "(2,000 → 5,000 rescaled).",
            "",
            *sweep_table(sweep),
            "",
        ]
    lines += ["## Acceptance targets", "", *targets(results, sweep), ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--worker"]:
        tool, kind, old, new = argv[1:5]
        if tool == "planlens":
            answer = planlens_worker(kind, Path(old), Path(new))
        else:
            answer = htmldiff_worker(Path(old), Path(new))
        print(json.dumps(answer))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip BGB and sweep points > 1000")
    parser.add_argument("--write-results", action="store_true", help="rewrite bench/RESULTS.md")
    parser.add_argument("--date", help="date to print in RESULTS.md (default: none)")
    parser.add_argument("--no-htmldiff", action="store_true", help="skip HtmlDiff (fast check)")
    args = parser.parse_args(argv)
    python = Path(sys.executable)
    if python.is_relative_to(ROOT):
        python = python.relative_to(ROOT)
    command = f"{python} bench/speed.py" + "".join(f" {shlex.quote(a)}" for a in argv)
    started = time.perf_counter()
    load_start = os.getloadavg()[0]
    print(f"planlens speed harness: python {sys.version.split()[0]}", flush=True)
    results = []
    for workload in plan_workloads() + corpus_workloads(args.quick):
        results.append(
            run(workload, htmldiff_timeout=None if args.no_htmldiff else HTMLDIFF_TIMEOUT)
        )
        print(f"  {workload.name}: done", flush=True)
    sizes = [n for n in SWEEP_SIZES if not args.quick or n <= QUICK_SWEEP_MAX]
    sweep = []
    with tempfile.TemporaryDirectory(prefix="planlens-sweep-") as folder:
        for workload in sweep_workloads(sizes, Path(folder)):
            timeout = None if args.no_htmldiff else SWEEP_HTMLDIFF_TIMEOUT
            sweep.append(run(workload, htmldiff_timeout=timeout))
            print(f"  {workload.name}: done", flush=True)
    text = report(results, sweep, command, args.date, (load_start, os.getloadavg()[0]))
    print()
    print(text)
    print(f"Total time {time.perf_counter() - started:.0f} s")
    if args.write_results:
        RESULTS.write_text(text, encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
