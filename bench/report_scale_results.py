"""The report at scale written up: the figures of each workload, the tables and the verdicts.

`Row` holds everything `bench/report_scale.py` measured on one workload; `report` returns the
section "## Report at scale" of bench/RESULTS.md made from the rows. The thresholds of the
verdicts (`FREEZE_MS`, `OPEN_FCP_MS`) and the numbers of runs quoted in the text are here.
Standard library only (no planlens): the benchmark's workers import this before their clock.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from browser_metrics import SCROLL_STEPS, VIEWPORT, Visit
from results import mb, median_of, ms, seconds, speedup, verdict
from workers import HTMLDIFF_TIMEOUT

SECTION = "## Report at scale"
PLANLENS_RUNS = 3
BROWSER_RUNS = 3
#: A main-thread task, a gap between frames or a filter toggle this long is a freeze.
FREEZE_MS = 1000.0
#: First contentful paint within this opens the page: web.dev's "good" FCP.
OPEN_FCP_MS = 1800.0


@dataclass(frozen=True, slots=True)
class Workload:
    """Two versions of a German law: names are keys of `common.LAW_FILES`; `copies` above 1
    makes a larger law of it (`report_scale.scaled`), measured without HtmlDiff."""

    name: str
    old: str
    new: str
    copies: int = 1


@dataclass
class Row:
    """Everything measured on one workload."""

    workload: Workload
    planlens: list[dict[str, Any]] = field(default_factory=list)
    htmldiff: dict[str, Any] = field(default_factory=dict)
    report: Path | None = None
    htmldiff_page: Path | None = None
    #: The same report with its rows laid out as a table, as before rows could be skipped.
    table_report: Path | None = None
    visits: list[Visit] = field(default_factory=list)
    htmldiff_visits: list[Visit] = field(default_factory=list)
    table_visits: list[Visit] = field(default_factory=list)
    breakdown: dict[str, dict[str, int]] = field(default_factory=dict)

    def median(self, key: str, step: str | None = None) -> float | None:
        runs = [r for r in self.planlens if "error" not in r]
        if not runs:
            return None
        if step is None:
            return float(statistics.median(float(r[key]) for r in runs))
        return float(statistics.median(float(r["steps"][step][key]) for r in runs))

    @property
    def ok(self) -> dict[str, Any] | None:
        return next((r for r in self.planlens if "error" not in r), None)


def build_table(rows: Sequence[Row]) -> list[str]:
    lines = [
        "| workload | clauses old → new | report rows | planlens CPU s | planlens wall s "
        "| HtmlDiff CPU s | HtmlDiff wall s | HtmlDiff ÷ planlens (CPU) | planlens MB "
        "| HtmlDiff MB | HtmlDiff ÷ planlens (size) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        first = row.ok
        h = row.htmldiff
        h_cpu = h.get("cpu")
        h_bytes = h.get("bytes")
        h_text = seconds(h_cpu) if "error" not in h else f"{h['error']} ({HTMLDIFF_TIMEOUT:.0f} s)"
        if not h:
            h_text = "not run"
        p_bytes = first["bytes"] if first else None
        clauses = f"{first['clauses'][0]:,} → {first['clauses'][1]:,}" if first else "-"
        report_rows = f"{first['rows']:,}" if first else "-"
        ratio = speedup(h_cpu, row.median("cpu"))
        if h.get("error") == "timeout" and row.median("cpu"):
            ratio = f"> {HTMLDIFF_TIMEOUT / (row.median('cpu') or 1):.0f}x"
        lines.append(
            f"| {row.workload.name} | {clauses} | {report_rows} "
            f"| {seconds(row.median('cpu'))} | {seconds(row.median('wall'))} | {h_text} "
            f"| {seconds(h.get('wall'))} | {ratio} | {mb(p_bytes)} | {mb(h_bytes)} "
            f"| {speedup(h_bytes, p_bytes)} |"
        )
    return lines


STEPS = ("modules", "import", "compare", "compare_page", "render_compare", "write")


def steps_table(rows: Sequence[Row]) -> list[str]:
    lines = [
        "| workload | "
        + " | ".join(f"{s} s" for s in STEPS)
        + " | total CPU s | total wall s | process wall s | peak MB | runs |",
        "|---|" + "---:|" * (len(STEPS) + 5),
    ]
    for row in rows:
        if row.ok is None:
            error = row.planlens[0].get("error") if row.planlens else "not run"
            lines.append(f"| {row.workload.name} | {error} |")
            continue
        cells = " | ".join(seconds(row.median("cpu", s)) for s in STEPS)
        lines.append(
            f"| {row.workload.name} | {cells} | {seconds(row.median('cpu'))} | "
            f"{seconds(row.median('wall'))} | {seconds(row.median('process_wall'))} | "
            f"{row.median('memory_mb') or 0:.0f} | {len(row.planlens)} |"
        )
    return lines


def browser_table(rows: Sequence[Row]) -> list[str]:
    lines = [
        "| page | MB | runs | first paint ms | FCP ms | DOMContentLoaded ms | load ms "
        "| longest task opening ms | scroll s (20 steps) | slowest step s | frames/s "
        "| max frame gap ms | longest task scrolling ms "
        "| hide unchanged ms (handler / to next frame) | show all ms (handler / to next frame) "
        "| longest task filtering ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        for label, visits, path, filters in (
            (f"planlens: {row.workload.name}", row.visits, row.report, True),
            (
                f"planlens, rows as a table (before): {row.workload.name}",
                row.table_visits,
                row.table_report,
                True,
            ),
            (f"HtmlDiff: {row.workload.name}", row.htmldiff_visits, row.htmldiff_page, False),
        ):
            if not visits:
                continue
            size = path.stat().st_size if path and path.exists() else None
            errors = sorted({v.error for v in visits if v.error})

            def m(attribute: str, visits: list[Visit] = visits) -> float | None:
                return median_of([getattr(v, attribute) for v in visits])

            fps = median_of([v.frames / v.scroll_seconds for v in visits if v.scroll_seconds])
            hide = (
                f"{ms(m('hide_script'))} / {ms(m('hide_frame'))}"
                if m("hide_frame") is not None
                else "-"
            )
            show = (
                f"{ms(m('show_script'))} / {ms(m('show_frame'))}"
                if m("show_frame") is not None
                else "-"
            )
            lines.append(
                f"| {label} | {mb(size)} | {len(visits)} | {ms(m('first_paint'))} "
                f"| {ms(m('fcp'))} | {ms(m('dcl'))} | {ms(m('load'))} "
                f"| {ms(m('load_longest_task'))} | {seconds(m('scroll_seconds'))} "
                f"| {seconds(m('slowest_step'))} | {ms(fps)} | {ms(m('max_frame_gap'))} "
                f"| {ms(m('scroll_longest_task'))} | {hide} | {show} "
                f"| {ms(m('filter_longest_task')) if filters else '-'} |"
                + (f" error: {'; '.join(errors)}" if errors else "")
            )
    return lines


def verdicts(rows: Sequence[Row]) -> list[str]:
    lines = []
    for row in rows:
        name = row.workload.name
        cpu, wall = row.median("cpu"), row.median("wall")
        h = row.htmldiff
        if cpu is None:
            lines.append(f"- {name}: planlens failed: {row.planlens[0].get('error')}")
            continue
        if row.workload.copies > 1:
            pass  # no HtmlDiff for a law made larger
        elif h.get("error") == "timeout":
            lines.append(
                f"- {name}: builds faster than HtmlDiff: planlens {cpu:.2f} s CPU, HtmlDiff "
                f"stopped after {HTMLDIFF_TIMEOUT:.0f} s: MET"
            )
        else:
            fast = None if "cpu" not in h else cpu < h["cpu"]
            lines.append(
                f"- {name}: builds faster than HtmlDiff: planlens {cpu:.2f} s CPU ({wall:.2f} s "
                f"wall) against {seconds(h.get('cpu'))} s CPU ({seconds(h.get('wall'))} s wall), "
                f"{speedup(h.get('cpu'), cpu)}: {verdict(fast)}"
            )
        ours = row.ok["bytes"] if row.ok else None
        theirs = h.get("bytes")
        small = None if ours is None or theirs is None else ours < theirs
        if row.workload.copies == 1:
            lines.append(
                f"- {name}: smaller than HtmlDiff's output: {mb(ours)} MB against {mb(theirs)} "
                f"MB ({speedup(theirs, ours)}): {verdict(small)}"
            )
        if not row.visits:
            lines.append(f"- {name}: browser: not run")
            continue
        visits = [v for v in row.visits if v.error is None]
        if not visits:
            lines.append(f"- {name}: browser: failed: {row.visits[0].error}")
            continue
        fcps = [v.fcp for v in visits if v.fcp is not None]
        fcp = max(fcps) if fcps else None
        lines.append(
            f"- {name}: opens: first contentful paint {ms(fcp)} ms at worst (median "
            f"{ms(median_of(fcps))}), threshold {OPEN_FCP_MS:,.0f} ms: "
            f"{verdict(None if fcp is None else fcp <= OPEN_FCP_MS)}"
        )
        task = max(max(v.scroll_longest_task, v.filter_longest_task) for v in visits)
        gap = max(v.max_frame_gap for v in visits)
        toggles = [t for v in visits for t in (v.hide_frame, v.show_frame) if t is not None]
        toggle = max(toggles) if toggles else 0.0
        reached = all(v.scrolled_to >= v.scroll_target - 1 for v in visits)
        ok = task < FREEZE_MS and gap < FREEZE_MS and toggle < FREEZE_MS and reached
        lines.append(
            f"- {name}: no freeze scrolling and filtering: longest task {ms(task)} ms, longest "
            f"gap between frames {ms(gap)} ms, slowest filter toggle {ms(toggle)} ms (worst of "
            f"{len(visits)} openings; threshold < {FREEZE_MS:,.0f} ms each"
            + ("" if reached else "; the bottom was NOT reached")
            + f"): {verdict(ok)}"
        )
        opening = max(v.load_longest_task for v in visits)
        load = median_of([v.load for v in visits])
        lines.append(
            f"- {name}: no freeze while opening: longest task before the load event "
            f"{ms(opening)} ms (load event at {ms(load)} ms, median), threshold "
            f"< {FREEZE_MS:,.0f} ms: {verdict(opening < FREEZE_MS)}"
        )
    return lines


def breakdown_lines(row: Row) -> list[str]:
    """Return where the bytes of the row's planlens report go, one list item per view."""
    if not row.breakdown:
        return []
    total = row.breakdown["page"]["total"] or 1
    lines = [f"Where the {mb(total)} MB of the {row.workload.name} report go:", ""]
    for view, parts in row.breakdown.items():
        items = ", ".join(
            f"{key} {value / 1e6:.2f} MB ({100 * value / total:.0f}%)"
            for key, value in parts.items()
            if key != "total"
        )
        lines.append(f"- {view}: {items}")
    return [*lines, ""]


def report(
    rows: Sequence[Row],
    *,
    command: str,
    date: str | None,
    load: tuple[float, float],
    chromium: str,
    seconds: float,
) -> str:
    python = next((r.htmldiff["python"] for r in rows if "python" in r.htmldiff), sys.version)
    lines = [SECTION, ""]
    if date:
        lines.append(f"Run on {date}.")
    lines += [
        f"Command: `{command}`",
        "",
        f"Python {python.split()[0]} ({platform.python_implementation()}; "
        f"`sys.version` {python.replace(chr(10), ' ')!r}), Chromium {chromium}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs; load average "
        f"{load[0]:.2f} at the start, {load[1]:.2f} at the end; {seconds:.0f} s in all.",
        "",
        f"planlens = a fresh process per run that imports planlens, imports both laws "
        f"(`import_text`), runs `compare`, `compare_page`, `render_compare` and writes the "
        f"HTML (median of {PLANLENS_RUNS} runs; CPU seconds of the process, and wall). HtmlDiff = "
        f"`difflib.HtmlDiff().make_file` on the files' lines, in its own process, one run, "
        f"`make_file` alone timed (stopped after {HTMLDIFF_TIMEOUT:.0f} s). Sizes are the "
        "UTF-8 bytes of each page.",
        "",
        *build_table(rows),
        "",
        "planlens's steps (median CPU seconds; process wall includes the interpreter's start):",
        "",
        *steps_table(rows),
        "",
        f"In headless Chromium at {VIEWPORT['width']} x {VIEWPORT['height']} (file:// URLs; "
        f"planlens's pages opened {BROWSER_RUNS} times, medians; HtmlDiff's once, for "
        "reference). Times in ms from navigation start; long tasks from PerformanceObserver; "
        f"scroll = {SCROLL_STEPS} wheel steps to the bottom, each waited for (and more, up to "
        f"{SCROLL_STEPS}, while the bottom, which moves as skipped rows are shown, is not reached "
        "yet); max frame gap = "
        "longest gap between requestAnimationFrame callbacks while scrolling; filter = a click "
        'on "hide unchanged" (then again to show all), from the click to the frame after it. '
        "A report of more rows than `MANY_ROWS` lets Chromium skip the rows off screen "
        "(`content-visibility: auto`, each row a grid); the same report with its rows as a "
        'table, as before, is opened too ("rows as a table (before)").',
        "",
        *browser_table(rows),
        "",
    ]
    for row in rows:
        lines += breakdown_lines(row)
    lines += ["Verdicts:", "", *verdicts(rows), ""]
    return "\n".join(lines)
