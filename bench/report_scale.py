"""Report at scale: planlens's HTML report against difflib.HtmlDiff, and the report in Chromium.

Run from the project root:

    .venv/bin/python bench/report_scale.py [--write-results] [--quick] [--profile] [--trace]

For BGB 2012 -> 2022 and TKG 2004 -> 2021 (`../shared/corpora/de-laws`), and a larger law, BGB
x4 (BGB followed by three copies of itself, every word spelled backwards: `scaled`; about
10,000 report rows, without HtmlDiff), in the same run:

* planlens end to end, each run in a fresh process: import planlens's modules, import both
  texts (`planlens.importers.import_text`, as `bench/common.py` reads the laws), `compare`,
  `compare_page`, `render_compare`, and write the HTML into a temporary folder. Median of 3
  runs; CPU seconds of the process (`time.process_time`) and wall seconds, per step.
* `difflib.HtmlDiff().make_file(old_lines, new_lines)` on the same two files, in its own
  process, one run (it is slow), stopped after 180 s of wall time. Its cost depends on the
  Python version (difflib changed across releases), so the version is printed.
* Both reports (and, for reference, HtmlDiff's output) opened in headless Chromium
  (/usr/bin/chromium, through Playwright) as file:// URLs at 1280 x 800: first paint and first
  contentful paint (`performance.getEntriesByType("paint")`), DOMContentLoaded and the load
  event, and the long tasks (`PerformanceObserver`, type "longtask") while loading. Then the
  page is scrolled to the bottom in 20 wheel steps (`page.mouse.wheel`), each step waited for
  in the page, while a requestAnimationFrame loop records the longest gap between frames; then
  the "hide unchanged" filter is switched on and off again (a click on the checkbox, timed in
  the page from the click to the frame after it). planlens pages: 3 openings, the median of
  each figure, and the worst for the freeze verdict; HtmlDiff's pages: one opening.

A report of more than `MANY_ROWS` rows (BGB, BGB x4) lets Chromium skip its rows off screen
(`content-visibility: auto`); the same report with its rows as a table, as it was before, is
written beside it (untimed) and opened the same way, so that both layouts are measured in the
same run.

Verdicts, for BGB (and TKG alike): planlens builds faster than HtmlDiff (CPU seconds, as
`bench/speed.py`: the machine is shared); its HTML is smaller; the page opens (first contentful
paint within `OPEN_FCP_MS`); and it does not freeze: no task on the page's main thread, and no
gap between frames, of `FREEZE_MS` or more while scrolling and filtering, and each filter
toggle reaches the screen within `FREEZE_MS`. The longest task while opening is judged against
the same `FREEZE_MS`, on a line of its own.

`--write-results` replaces the section "## Report at scale" of bench/RESULTS.md (or of the file
given by `--results`) up to the next "## " heading, or appends it, and keeps the rest of the
file. `bench/speed.py --write-results` rewrites the whole file, so run this after it.
`--profile` profiles `compare_page` and `render_compare` on BGB with cProfile (in this
process); `--trace` records Chromium traces of opening, scrolling and filtering the BGB report
and sums the main thread's time by event (both go to standard output, and the trace summary to
the results too). `--keep DIR` keeps the pages (and traces) in DIR. The whole run takes about 3
minutes, most of it HtmlDiff on TKG (about 1 minute) and HtmlDiff's BGB page in Chromium.

This file runs the workers and the whole benchmark; `bench/browser_metrics.py` drives Chromium,
and `bench/report_scale_results.py` writes the figures up (the thresholds `OPEN_FCP_MS` and
`FREEZE_MS` are there). None of them imports planlens at the top: a worker's clock starts
before planlens is imported.
"""

from __future__ import annotations

import argparse
import cProfile
import html as htmllib
import io
import json
import os
import pstats
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from browser_metrics import browse, trace_lines
from report_scale_results import (
    BROWSER_RUNS,
    PLANLENS_RUNS,
    SECTION,
    Row,
    Workload,
    report,
)
from results import RESULTS, ROOT, command_line, write_section
from workers import HTMLDIFF_TIMEOUT, peak_memory_mb, run_worker, time_htmldiff

#: This script, run again as a worker.
SCRIPT = Path(__file__).resolve()
PLANLENS_TIMEOUT = 120.0

WORKLOADS = (
    Workload("BGB 2012 → 2022", "bgb-2012", "bgb-2022"),
    Workload("TKG 2004 → 2021", "tkg-2004", "tkg-2021"),
    Workload("BGB ×4 2012 → 2022", "bgb-2012", "bgb-2022", copies=4),
)


# -- workers (each in a fresh process) ---------------------------------------------------------


def scaled(plan: Any, copies: int) -> Any:
    """Return `plan` followed by `copies - 1` copies of its clauses, each word spelled backwards
    (`speed_workloads._copy`) and each id and number marked with the copy: a larger law with
    the edits of the original, whose copies share almost no words with it."""
    import dataclasses

    from speed_workloads import _copy

    extra = [
        dataclasses.replace(
            _copy(clause), id=f"{clause.id}~{k}", number=f"{clause.number or clause.id}~{k}"
        )
        for k in range(2, copies + 1)
        for clause in plan.clauses
    ]
    return dataclasses.replace(plan, clauses=(*plan.clauses, *extra))


def planlens_worker(old: str, new: str, out: Path, copies: int = 1) -> dict[str, Any]:
    """Build the report of law `old` -> `new` (`copies` times as large) into `out`; return the
    time of every step. Then, untimed, write the report with its rows as a table beside it.

    The clock starts before planlens is imported, so the modules' import is part of the time.
    """
    steps: list[tuple[str, float, float]] = []
    wall, cpu = time.perf_counter(), time.process_time()

    def mark(name: str) -> None:
        nonlocal wall, cpu
        now_wall, now_cpu = time.perf_counter(), time.process_time()
        steps.append((name, now_cpu - cpu, now_wall - wall))
        wall, cpu = now_wall, now_cpu

    from common import load_law

    from planlens.compare import compare
    from planlens.render import compare_page, render_compare

    mark("modules")
    a, b = scaled(load_law(old), copies), scaled(load_law(new), copies)
    mark("import")
    diff = compare(a, b)
    mark("compare")
    page = compare_page(diff)
    mark("compare_page")
    html = render_compare(page)
    mark("render_compare")
    data = html.encode("utf-8")
    out.write_bytes(data)
    mark("write")
    if page.many:
        from unittest import mock

        from planlens.render import compare_report

        # As before: never many (`CompareReport.many` reads the name compare_report imported).
        with mock.patch.object(compare_report, "MANY_ROWS", len(page.rows)):
            table_page = compare_page(diff)
            assert not table_page.many
            table_report(out).write_text(render_compare(table_page), encoding="utf-8")
    return {
        "steps": {name: {"cpu": c, "wall": w} for name, c, w in steps},
        "cpu": sum(c for _, c, _ in steps),
        "wall": sum(w for _, _, w in steps),
        "bytes": len(data),
        "rows": len(page.rows),
        "clauses": [sum(1 for _ in a.walk()), sum(1 for _ in b.walk())],
        "summary": diff.summary(),
        "memory_mb": peak_memory_mb(),
    }


def table_report(report: Path) -> Path:
    """Where the report with its rows as a table goes."""
    return report.with_name(report.stem + "-table.html")


def htmldiff_worker(old: str, new: str, out: Path, copies: int = 1) -> dict[str, Any]:
    """Run `difflib.HtmlDiff().make_file` once on the two laws' lines; write the page to `out`.

    Only `make_file` is timed (reading the files and writing the page are not).
    """
    from common import LAW_FILES, LAWS

    a = (LAWS / LAW_FILES[old][0]).read_text(encoding="utf-8").splitlines()
    b = (LAWS / LAW_FILES[new][0]).read_text(encoding="utf-8").splitlines()
    html, cpu, wall = time_htmldiff(a, b)
    data = html.encode("utf-8")
    out.write_bytes(data)
    return {
        "cpu": cpu,
        "wall": wall,
        "bytes": len(data),
        "lines": [len(a), len(b)],
        "python": sys.version,
    }


# -- planlens's page, taken apart --------------------------------------------------------------

_ROW = re.compile(r'<tr class="row r-([a-z]+) k-([a-z]+)[^"]*".*?</tr>', re.S)
_TAG = re.compile(r"<[^>]*>")


def html_bytes(text: str) -> dict[str, dict[str, int]]:
    """Return where the bytes of a planlens report go, in three views: the page's parts; the
    clause rows by relation; and the rows' visible text against their markup, with the main
    kinds of markup (the kinds do not add up to all of it)."""

    def size(s: str) -> int:
        return len(s.encode("utf-8"))

    def total(pattern: str, within: str, flags: int = 0) -> int:
        return sum(size(m) for m in re.findall(pattern, within, flags))

    rows = [m.group(0) for m in _ROW.finditer(text)]
    joined = "".join(rows)
    style = total(r"<style>.*?</style>", text, re.S)
    script = total(r"<script>.*?</script>", text, re.S)
    substance = total(r'<ul class="substance">.*?</ul>', text, re.S)
    page = {
        "total": size(text),
        "clause rows": size(joined),
        "inline CSS": style,
        "inline script": script,
        "changes of substance list": substance,
    }
    page["everything else"] = page["total"] - size(joined) - style - script - substance
    by_relation: dict[str, int] = Counter()
    count: dict[str, int] = Counter()
    for match, row in zip(_ROW.finditer(text), rows, strict=True):
        kind = match.group(1) if match.group(2) == "change" else "ghost"
        by_relation[kind] += size(row)
        count[kind] += 1
    visible = sum(size(htmllib.unescape(_TAG.sub("", row)).strip()) for row in rows)
    content = {
        "visible text": visible,
        "markup": size(joined) - visible,
        "markup: <tr> data-* attributes": total(r' data-[a-z]+="[^"]*"', joined),
        "markup: <tr> class and tabindex": total(r' class="row [^"]*"| tabindex="-1"', joined),
        "markup: anchors": total(r'<span class="anchor" id="[^"]*"></span>', joined),
        "markup: badges": total(r'<span class="badge [^"]*">[^<]*</span>', joined),
        "markup: 'Why paired?'": total(r'<details class="why">.*?</details>', joined, re.S),
        "markup: <ins>/<del> tags": total(r"</?(?:ins|del)>", joined),
        "markup: white space between tags": total(r">\s+<", joined)
        - 2 * len(re.findall(r">\s+<", joined)),
    }
    return {
        "page": page,
        "rows by relation": {
            f"{k} ({count[k]:,} rows)": v
            for k, v in sorted(by_relation.items(), key=lambda i: -i[1])
        },
        "rows by content": content,
    }


def profile_render(workload: Workload, top: int = 25) -> str:
    """Return cProfile's view of `compare_page` + `render_compare` on `workload`."""
    from common import load_law

    from planlens.compare import compare
    from planlens.render import compare_page, render_compare

    diff = compare(load_law(workload.old), load_law(workload.new))
    render_compare(compare_page(diff))  # warm: templates compiled, Markdown renderer made
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    page = compare_page(diff)
    render_compare(page)
    profiler.disable()
    seconds = time.perf_counter() - start
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return f"compare_page + render_compare (warm, profiled): {seconds:.3f} s\n" + stream.getvalue()


# -- the run ------------------------------------------------------------------------------------


def measure(workload: Workload, folder: Path, *, htmldiff: bool) -> Row:
    """Build planlens's report `PLANLENS_RUNS` times and HtmlDiff's once; return the figures."""
    row = Row(workload)
    slug = workload.old.split("-")[0] + (f"x{workload.copies}" if workload.copies > 1 else "")
    row.report = folder / f"{slug}-planlens.html"
    copies = str(workload.copies)
    for _ in range(PLANLENS_RUNS):
        row.planlens.append(
            run_worker(
                SCRIPT,
                ["planlens", workload.old, workload.new, str(row.report), copies],
                PLANLENS_TIMEOUT,
                cwd=ROOT,
            )
        )
    if row.ok is not None:
        row.breakdown = html_bytes(row.report.read_text(encoding="utf-8"))
        if table_report(row.report).exists():
            row.table_report = table_report(row.report)
    print(f"  planlens: {workload.name}: done", flush=True)
    if htmldiff and workload.copies == 1:
        row.htmldiff_page = folder / f"{slug}-htmldiff.html"
        row.htmldiff = run_worker(
            SCRIPT,
            ["htmldiff", workload.old, workload.new, str(row.htmldiff_page)],
            HTMLDIFF_TIMEOUT,
            cwd=ROOT,
        )
        print(f"  HtmlDiff: {workload.name}: {row.htmldiff.get('error', 'done')}", flush=True)
    return row


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--worker"]:
        tool, old, new, out = argv[1:5]
        copies = int(argv[5]) if len(argv) > 5 else 1
        worker: Callable[..., dict[str, Any]] = (
            planlens_worker if tool == "planlens" else htmldiff_worker
        )
        print(json.dumps(worker(old, new, Path(out), copies)))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="BGB only (no TKG)")
    parser.add_argument("--write-results", action="store_true", help="update bench/RESULTS.md")
    parser.add_argument(
        "--results", type=Path, default=RESULTS, help="the file --write-results updates"
    )
    parser.add_argument("--date", help="date to print in RESULTS.md (default: none)")
    parser.add_argument("--no-htmldiff", action="store_true", help="skip HtmlDiff")
    parser.add_argument("--no-browser", action="store_true", help="skip Chromium")
    parser.add_argument("--profile", action="store_true", help="cProfile the BGB render")
    parser.add_argument("--trace", action="store_true", help="Chromium trace of opening BGB")
    parser.add_argument("--keep", type=Path, help="write the pages into this folder and keep them")
    args = parser.parse_args(argv)
    command = command_line("bench/report_scale.py", argv)
    started = time.perf_counter()
    load_start = os.getloadavg()[0]
    print(
        f"planlens report at scale: python {sys.version.split()[0]}, load average {load_start:.2f}",
        flush=True,
    )
    workloads = WORKLOADS[:1] if args.quick else WORKLOADS
    chromium = "-"
    with tempfile.TemporaryDirectory(prefix="planlens-scale-") as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        rows = [measure(w, folder, htmldiff=not args.no_htmldiff) for w in workloads]
        traced = None
        if not args.no_browser:
            pages: list[tuple[str, Path, int, bool]] = []
            for row in rows:
                if row.ok is not None and row.report is not None:
                    pages.append((f"planlens {row.workload.name}", row.report, BROWSER_RUNS, True))
                if row.table_report is not None:
                    name = f"table {row.workload.name}"
                    pages.append((name, row.table_report, BROWSER_RUNS, True))
            for row in rows:
                if row.htmldiff_page is not None and "error" not in row.htmldiff:
                    pages.append((f"HtmlDiff {row.workload.name}", row.htmldiff_page, 1, False))
            trace = folder if args.trace else None
            visits, chromium, traced = browse(pages, trace)
            for row in rows:
                row.visits = visits.get(f"planlens {row.workload.name}", [])
                row.htmldiff_visits = visits.get(f"HtmlDiff {row.workload.name}", [])
                row.table_visits = visits.get(f"table {row.workload.name}", [])
        load_end = os.getloadavg()[0]
        text = report(
            rows,
            command=command,
            date=args.date,
            load=(load_start, load_end),
            chromium=chromium,
            seconds=time.perf_counter() - started,
        )
        if traced:
            text += "\n" + "\n".join(trace_lines(traced, rows[0].workload.name))
        print()
        print(text)
    if args.profile:
        print(profile_render(WORKLOADS[0]))
    if args.write_results:
        write_section(text, SECTION, args.results)
        print(f"wrote the section {SECTION!r} of {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
