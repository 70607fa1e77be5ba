"""The speed benchmark written up: the figures of each workload, the tables and the targets.

`Result` holds what `bench/speed.py` measured on one workload; `report` returns the whole of
bench/RESULTS.md made from the results (the section "## Report at scale" is added after it by
`bench/report_scale.py`). The acceptance targets are here.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from results import seconds, speedup, verdict
from speed_workloads import SWEEP_HTMLDIFF_TIMEOUT, Workload
from workers import HTMLDIFF_TIMEOUT

#: Acceptance targets, checked on the matching workloads.
BGB_MAX_SECONDS = 3.0
BGB_MIN_SPEEDUP = 3.0
TKG_MIN_SPEEDUP = 10.0
MAX_DOUBLING = 2.2
BGB_MAX_MEMORY_MB = 1024.0


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
            f"| {r.workload.name} | {clauses} | {seconds(r.planlens)} | {seconds(r.compare)} "
            f"| {seconds(r.load)} | {seconds(r.wall)} | {memory} | {seconds(r.htmldiff)} "
            f"| {speedup(r.htmldiff, r.planlens, HTMLDIFF_TIMEOUT)} | {seconds(r.git)} "
            f"| {speedup(r.git, r.planlens)} |"
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
            f"| {seconds(r.planlens)} | {_ratio(d_total)} | {seconds(r.compare)} "
            f"| {_ratio(d_compare)} | {memory} | {seconds(r.htmldiff, r.htmldiff_timeout)} "
            f"| {speedup(r.htmldiff, r.planlens, r.htmldiff_timeout)} | {seconds(r.git)} |"
        )
    return lines


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def targets(results: Sequence[Result], sweep: Sequence[Result]) -> list[str]:
    """Return one line per acceptance target: the figure and whether it is met."""
    by_name = {r.workload.name: r for r in results}
    lines = []
    bgb = by_name.get("BGB 2012 -> 2022")
    if bgb is not None and bgb.planlens is not None:
        lines.append(
            f"- BGB end to end {bgb.planlens:.2f} s CPU, {bgb.wall:.2f} s wall (compare alone "
            f"{bgb.compare:.2f} s); "
            f"target < {BGB_MAX_SECONDS:.0f} s: {verdict(bgb.planlens < BGB_MAX_SECONDS)}"
        )
        html = bgb.htmldiff if isinstance(bgb.htmldiff, float) else None
        fast = None if html is None else html / bgb.planlens >= BGB_MIN_SPEEDUP
        ratio = speedup(bgb.htmldiff, bgb.planlens, HTMLDIFF_TIMEOUT)
        lines.append(
            f"- BGB HtmlDiff ÷ planlens {ratio}; target ≥ {BGB_MIN_SPEEDUP:.0f}x: {verdict(fast)}"
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
        ratio = speedup(tkg.htmldiff, tkg.planlens, HTMLDIFF_TIMEOUT)
        lines.append(
            f"- TKG HtmlDiff ÷ planlens {ratio}; target ≥ {TKG_MIN_SPEEDUP:.0f}x: {verdict(ok)}"
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
    xs: list[float] = []
    ys: list[float] = []
    for r in sweep:
        if r.workload.sections is None or r.planlens is None:
            raise ValueError(f"sweep point {r.workload.name}: no sections or no planlens time")
        xs.append(math.log(r.workload.sections))
        ys.append(math.log(r.planlens))
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
