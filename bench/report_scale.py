"""Report at scale: planlens's HTML report against difflib.HtmlDiff, and the report in Chromium.

Run from the project root:

    .venv/bin/python bench/report_scale.py [--write-results] [--quick] [--profile] [--trace]

For BGB 2012 -> 2022 and TKG 2004 -> 2021 (`../shared/corpora/de-laws`), in the same run:

* planlens end to end, each run in a fresh process: import planlens's modules, import both
  texts (`planlens.importer.import_text`, as `bench/common.py` reads the laws), `compare`,
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
"""

from __future__ import annotations

import argparse
import cProfile
import html as htmllib
import io
import json
import math
import os
import platform
import pstats
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Report at scale"
CHROMIUM = Path("/usr/bin/chromium")
#: As tests/test_browser.py: a closed network, no sandbox (we may run as root).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}

PLANLENS_RUNS = 3
BROWSER_RUNS = 3
HTMLDIFF_TIMEOUT = 180.0
PLANLENS_TIMEOUT = 120.0
PAGE_TIMEOUT_MS = 120_000
SCROLL_STEPS = 20
#: A main-thread task, a gap between frames or a filter toggle this long is a freeze.
FREEZE_MS = 1000.0
#: First contentful paint within this opens the page: web.dev's "good" FCP.
OPEN_FCP_MS = 1800.0


@dataclass(frozen=True, slots=True)
class Workload:
    """Two versions of a German law: names are keys of `common.LAW_FILES`."""

    name: str
    old: str
    new: str


WORKLOADS = (
    Workload("BGB 2012 → 2022", "bgb-2012", "bgb-2022"),
    Workload("TKG 2004 → 2021", "tkg-2004", "tkg-2021"),
)


# -- workers (each in a fresh process) ---------------------------------------------------------


def planlens_worker(old: str, new: str, out: Path) -> dict[str, Any]:
    """Build the report of law `old` -> `new` into `out`; return the time of every step.

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
    a, b = load_law(old), load_law(new)
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
    return {
        "steps": {name: {"cpu": c, "wall": w} for name, c, w in steps},
        "cpu": sum(c for _, c, _ in steps),
        "wall": sum(w for _, _, w in steps),
        "bytes": len(data),
        "rows": len(page.rows),
        "clauses": [sum(1 for _ in a.walk()), sum(1 for _ in b.walk())],
        "summary": diff.summary(),
        "memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def htmldiff_worker(old: str, new: str, out: Path) -> dict[str, Any]:
    """Run `difflib.HtmlDiff().make_file` once on the two laws' lines; write the page to `out`.

    Only `make_file` is timed (reading the files and writing the page are not).
    """
    import difflib

    from common import LAW_FILES, LAWS

    a = (LAWS / LAW_FILES[old][0]).read_text(encoding="utf-8").splitlines()
    b = (LAWS / LAW_FILES[new][0]).read_text(encoding="utf-8").splitlines()
    wall, cpu = time.perf_counter(), time.process_time()
    html = difflib.HtmlDiff().make_file(a, b)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    data = html.encode("utf-8")
    out.write_bytes(data)
    return {
        "cpu": cpu,
        "wall": wall,
        "bytes": len(data),
        "lines": [len(a), len(b)],
        "python": sys.version,
    }


def _worker(args: list[str], timeout: float) -> dict[str, Any]:
    """Run this file as a worker with `args`; return its JSON answer or {"error": ...}.

    The answer gains "process_wall": the worker's wall time, interpreter start-up included.
    """
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", *args]
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False, cwd=ROOT
        )
    except subprocess.TimeoutExpired:
        return {"error": "timeout"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    answer["process_wall"] = time.perf_counter() - start
    return answer


# -- the browser ----------------------------------------------------------------------------

#: Runs in every page before its own scripts: records long tasks, and the longest gap between
#: animation frames while `frames.on`.
INIT_SCRIPT = """
(() => {
  const s = window.__scale = { longtasks: [], frames: { on: false, last: 0, max: 0, count: 0 } };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { s.longtasks.push([e.startTime, e.duration]); }
    }).observe({ type: "longtask", buffered: true });
  } catch (e) { s.error = String(e); }
  const tick = (t) => {
    const f = s.frames;
    if (f.on) {
      if (f.last) { f.max = Math.max(f.max, t - f.last); }
      f.count += 1;
      f.last = t;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
"""

LOAD_FIGURES = """
() => {
  const paint = {};
  for (const e of performance.getEntriesByType("paint")) { paint[e.name] = e.startTime; }
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    first_paint: paint["first-paint"] ?? null,
    fcp: paint["first-contentful-paint"] ?? null,
    interactive: nav.domInteractive,
    dcl: nav.domContentLoadedEventEnd,
    load: nav.loadEventEnd,
    height: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
    rows: document.querySelectorAll("tr").length,
    longtasks: window.__scale.longtasks.slice(),
    error: window.__scale.error || null,
  };
}
"""

#: Wait until the page has scrolled to `target` (or stopped moving for 10 frames).
WAIT_SCROLL = """
async (target) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  let last = -1, same = 0;
  const start = performance.now();
  while (performance.now() - start < 20000) {
    await frame();
    const y = window.scrollY;
    if (y >= target - 1) { break; }
    if (y === last) { same += 1; if (same >= 10) { break; } } else { same = 0; last = y; }
  }
  return window.scrollY;
}
"""

FRAMES_ON = """
() => {
  const f = window.__scale.frames;
  f.on = true; f.last = 0; f.max = 0; f.count = 0;
  return performance.now();
}
"""

FRAMES_OFF = """
() => {
  const f = window.__scale.frames;
  f.on = false;
  return { max_gap: f.max, frames: f.count, now: performance.now() };
}
"""

#: Switch "hide unchanged" on, then off; time each from the click to the frame after it.
FILTER = """
async () => {
  const form = document.getElementById("filters");
  if (!form || !form.elements.hideunchanged) { return null; }
  const next = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  form.scrollIntoView();
  await next();
  const box = form.elements.hideunchanged;
  const status = document.getElementById("filter-status");
  const toggle = async () => {
    const start = performance.now();
    box.click();
    const handled = performance.now();
    await next();
    return {
      script: handled - start,
      frame: performance.now() - start,
      status: status ? status.textContent : "",
      hidden: document.querySelectorAll("tr.row[hidden]").length,
    };
  };
  const started = performance.now();
  const hide = await toggle();
  const show = await toggle();
  return { hide, show, start: started, end: performance.now() };
}
"""


@dataclass
class Visit:
    """One opening of a page in Chromium, and what it did."""

    first_paint: float | None = None
    fcp: float | None = None
    dcl: float = 0.0
    load: float = 0.0
    goto_wall: float = 0.0
    height: int = 0
    rows: int = 0
    load_longest_task: float = 0.0
    load_tasks_total: float = 0.0
    scroll_seconds: float = 0.0
    scrolled_to: float = 0.0
    scroll_target: float = 0.0
    max_frame_gap: float = 0.0
    frames: int = 0
    scroll_longest_task: float = 0.0
    slowest_step: float = 0.0
    hide_script: float | None = None
    hide_frame: float | None = None
    show_script: float | None = None
    show_frame: float | None = None
    filter_longest_task: float = 0.0
    filter_status: str = ""
    error: str | None = None


def _longest(tasks: Sequence[Sequence[float]], start: float, end: float) -> float:
    """Return the longest task that started in [start, end) (ms), 0 if none."""
    return max((d for s, d in tasks if start <= s < end), default=0.0)


def visit(browser: Any, path: Path, *, scroll: bool = True, filters: bool = True) -> Visit:
    """Open `path` in a fresh context, scroll it to the bottom and toggle its filter."""
    out = Visit()
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.add_init_script(INIT_SCRIPT)
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load", timeout=PAGE_TIMEOUT_MS)
        out.goto_wall = time.perf_counter() - start
        figures = page.evaluate(LOAD_FIGURES)
        out.first_paint, out.fcp = figures["first_paint"], figures["fcp"]
        out.dcl, out.load = figures["dcl"], figures["load"]
        out.height, out.rows = figures["height"], figures["rows"]
        loading = [t for t in figures["longtasks"] if t[0] < figures["load"]]
        out.load_longest_task = max((d for _, d in loading), default=0.0)
        out.load_tasks_total = sum(d for _, d in loading)
        if figures["error"]:
            out.error = f"longtask observer: {figures['error']}"
        if scroll:
            _scroll(page, out, figures)
        if filters:
            answer = page.evaluate(FILTER)
            if answer is not None:
                out.hide_script, out.hide_frame = answer["hide"]["script"], answer["hide"]["frame"]
                out.show_script, out.show_frame = answer["show"]["script"], answer["show"]["frame"]
                out.filter_status = answer["hide"]["status"]
                tasks = page.evaluate("window.__scale.longtasks.slice()")
                out.filter_longest_task = _longest(tasks, answer["start"], answer["end"] + 1)
    except Exception as error:  # report it beside the figures; the run goes on
        out.error = f"{type(error).__name__}: {str(error).splitlines()[0]}"
    finally:
        context.close()
    return out


def _scroll(page: Any, out: Visit, figures: dict[str, Any]) -> None:
    """Scroll to the bottom in `SCROLL_STEPS` wheel steps; record the stalls on the way."""
    page.mouse.move(VIEWPORT["width"] / 2, VIEWPORT["height"] / 2)
    bottom = max(0, figures["height"] - figures["viewport"])
    step = math.ceil(bottom / SCROLL_STEPS) if bottom else 0
    out.scroll_target = bottom
    began = page.evaluate(FRAMES_ON)
    start = time.perf_counter()
    y = 0.0
    for k in range(1, SCROLL_STEPS + 1):
        before = time.perf_counter()
        page.mouse.wheel(0, step)
        y = page.evaluate(WAIT_SCROLL, min(bottom, k * step))
        out.slowest_step = max(out.slowest_step, time.perf_counter() - before)
    out.scroll_seconds = time.perf_counter() - start
    out.scrolled_to = y
    stopped = page.evaluate(FRAMES_OFF)
    out.max_frame_gap, out.frames = stopped["max_gap"], stopped["frames"]
    tasks = page.evaluate("window.__scale.longtasks.slice()")
    out.scroll_longest_task = _longest(tasks, began, stopped["now"] + 1)


def browse(
    pages: Sequence[tuple[str, Path, int, bool]], trace: Path | None = None
) -> tuple[dict[str, list[Visit]], str, list[TraceSummary] | None]:
    """Open each (name, path, runs, filters) page `runs` times; return the visits by name,
    Chromium's version and, with `trace` (a folder), the summaries of a traced visit of the
    first page.
    """
    from playwright.sync_api import sync_playwright

    visits: dict[str, list[Visit]] = {}
    traced = None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            version = browser.version
            for name, path, runs, filters in pages:
                visits[name] = [visit(browser, path, filters=filters) for _ in range(runs)]
                print(f"  browser: {name}: done", flush=True)
            if trace is not None and pages:
                traced = trace_visit(browser, pages[0][1], trace)
        finally:
            browser.close()
    return visits, version, traced


@dataclass(frozen=True, slots=True)
class TraceSummary:
    """The renderer main thread in one phase of a trace: self time (ms) by event name, the
    time busy in top-level events, and the longest top-level events (name, start, ms)."""

    phase: str
    self_ms: dict[str, float]
    busy_ms: float
    longest: tuple[tuple[str, float, float], ...]


def trace_visit(browser: Any, path: Path, folder: Path) -> list[TraceSummary]:
    """Open, scroll and filter `path` as `visit` does, under a Chromium trace per phase (kept
    in `folder`); return a summary of each phase."""
    out = []
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.add_init_script(INIT_SCRIPT)
        settle = "new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)))"
        figures: dict[str, Any] = {}

        def opening() -> None:
            page.goto(path.as_uri(), wait_until="load", timeout=PAGE_TIMEOUT_MS)
            page.evaluate(settle)
            figures.update(page.evaluate(LOAD_FIGURES))

        def scrolling() -> None:
            _scroll(page, Visit(), figures)
            page.evaluate(settle)

        def filtering() -> None:
            page.evaluate(FILTER)
            page.evaluate(settle)

        for phase, action in (
            ("opening", opening),
            ("scrolling", scrolling),
            ("filtering", filtering),
        ):
            file = folder / f"trace-{phase}.json"
            browser.start_tracing(page=page, path=str(file), categories=["devtools.timeline"])
            action()
            browser.stop_tracing()
            out.append(summarise_trace(phase, json.loads(file.read_text(encoding="utf-8"))))
    finally:
        context.close()
    return out


def summarise_trace(phase: str, trace: dict[str, Any] | list[Any]) -> TraceSummary:
    """Return the self time (ms) of each complete event on renderer main threads, and the
    longest top-level events."""
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    main = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("ph") == "M"
        and e.get("name") == "thread_name"
        and e.get("args", {}).get("name") == "CrRendererMain"
    }
    by_thread: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for e in events:
        key = (e.get("pid"), e.get("tid"))
        if e.get("ph") == "X" and key in main and "dur" in e:
            by_thread[key].append((e["ts"], e["dur"], e["name"]))
    origin = min((s[0] for spans in by_thread.values() for s in spans), default=0.0)
    self_time: Counter[str] = Counter()
    tops: list[tuple[str, float, float]] = []
    for spans in by_thread.values():
        spans.sort(key=lambda s: (s[0], -s[1]))
        stack: list[list[Any]] = []  # [end, name, time of the direct children]
        for ts, dur, name in spans:
            while stack and ts >= stack[-1][0]:
                _, done, children = stack.pop()
                self_time[done] -= children
            if stack:
                stack[-1][2] += dur
            else:
                tops.append((name, (ts - origin) / 1000, dur / 1000))
            self_time[name] += dur
            stack.append([ts + dur, name, 0.0])
        while stack:
            _, done, children = stack.pop()
            self_time[done] -= children
    tops.sort(key=lambda t: -t[2])
    return TraceSummary(
        phase,
        {name: us / 1000 for name, us in self_time.most_common() if us > 0},
        sum(t[2] for t in tops),
        tuple(tops[:5]),
    )


def trace_lines(summaries: Sequence[TraceSummary], name: str) -> list[str]:
    """Return the traces' summaries as Markdown list items."""
    lines = [f"Chromium trace of the {name} report, renderer main thread (ms):", ""]
    for s in summaries:
        spent = ", ".join(f"{event} {ms:,.0f}" for event, ms in list(s.self_ms.items())[:8])
        longest = ", ".join(f"{event} {ms:,.0f} at {at:,.0f}" for event, at, ms in s.longest[:3])
        lines.append(f"- {s.phase}: busy {s.busy_ms:,.0f}; self time {spent}; longest: {longest}")
    return [*lines, ""]


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


@dataclass
class Row:
    """Everything measured on one workload."""

    workload: Workload
    planlens: list[dict[str, Any]] = field(default_factory=list)
    htmldiff: dict[str, Any] = field(default_factory=dict)
    report: Path | None = None
    htmldiff_page: Path | None = None
    visits: list[Visit] = field(default_factory=list)
    htmldiff_visits: list[Visit] = field(default_factory=list)
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


def measure(workload: Workload, folder: Path, *, htmldiff: bool) -> Row:
    """Build planlens's report `PLANLENS_RUNS` times and HtmlDiff's once; return the figures."""
    row = Row(workload)
    slug = workload.old.split("-")[0]
    row.report = folder / f"{slug}-planlens.html"
    for _ in range(PLANLENS_RUNS):
        row.planlens.append(
            _worker(["planlens", workload.old, workload.new, str(row.report)], PLANLENS_TIMEOUT)
        )
    if row.ok is not None:
        row.breakdown = html_bytes(row.report.read_text(encoding="utf-8"))
    print(f"  planlens: {workload.name}: done", flush=True)
    if htmldiff:
        row.htmldiff_page = folder / f"{slug}-htmldiff.html"
        row.htmldiff = _worker(
            ["htmldiff", workload.old, workload.new, str(row.htmldiff_page)], HTMLDIFF_TIMEOUT
        )
        print(f"  HtmlDiff: {workload.name}: {row.htmldiff.get('error', 'done')}", flush=True)
    return row


def _s(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def _mb(value: int | None) -> str:
    return "-" if value is None else f"{value / 1e6:.2f}"


def _x(other: float | None, ours: float | None) -> str:
    if not other or not ours:
        return "-"
    ratio = other / ours
    return f"{ratio:.1f}x" if ratio >= 0.995 else f"{ratio:.2f}x"


def _verdict(ok: bool | None) -> str:
    return "NO DATA" if ok is None else ("MET" if ok else "NOT MET")


def _median(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return float(statistics.median(present)) if present else None


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
        h_text = _s(h_cpu) if "error" not in h else f"{h['error']} ({HTMLDIFF_TIMEOUT:.0f} s)"
        if not h:
            h_text = "not run"
        p_bytes = first["bytes"] if first else None
        clauses = f"{first['clauses'][0]:,} → {first['clauses'][1]:,}" if first else "-"
        report_rows = f"{first['rows']:,}" if first else "-"
        ratio = _x(h_cpu, row.median("cpu"))
        if h.get("error") == "timeout" and row.median("cpu"):
            ratio = f"> {HTMLDIFF_TIMEOUT / (row.median('cpu') or 1):.0f}x"
        lines.append(
            f"| {row.workload.name} | {clauses} | {report_rows} "
            f"| {_s(row.median('cpu'))} | {_s(row.median('wall'))} | {h_text} "
            f"| {_s(h.get('wall'))} | {ratio} | {_mb(p_bytes)} | {_mb(h_bytes)} "
            f"| {_x(h_bytes, p_bytes)} |"
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
        cells = " | ".join(_s(row.median("cpu", s)) for s in STEPS)
        lines.append(
            f"| {row.workload.name} | {cells} | {_s(row.median('cpu'))} | "
            f"{_s(row.median('wall'))} | {_s(row.median('process_wall'))} | "
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
            (f"HtmlDiff: {row.workload.name}", row.htmldiff_visits, row.htmldiff_page, False),
        ):
            if not visits:
                continue
            size = path.stat().st_size if path and path.exists() else None
            errors = sorted({v.error for v in visits if v.error})

            def m(attribute: str, visits: list[Visit] = visits) -> float | None:
                return _median([getattr(v, attribute) for v in visits])

            fps = _median([v.frames / v.scroll_seconds for v in visits if v.scroll_seconds])
            hide = (
                f"{_ms(m('hide_script'))} / {_ms(m('hide_frame'))}"
                if m("hide_frame") is not None
                else "-"
            )
            show = (
                f"{_ms(m('show_script'))} / {_ms(m('show_frame'))}"
                if m("show_frame") is not None
                else "-"
            )
            lines.append(
                f"| {label} | {_mb(size)} | {len(visits)} | {_ms(m('first_paint'))} "
                f"| {_ms(m('fcp'))} | {_ms(m('dcl'))} | {_ms(m('load'))} "
                f"| {_ms(m('load_longest_task'))} | {_s(m('scroll_seconds'))} "
                f"| {_s(m('slowest_step'))} | {_ms(fps)} | {_ms(m('max_frame_gap'))} "
                f"| {_ms(m('scroll_longest_task'))} | {hide} | {show} "
                f"| {_ms(m('filter_longest_task')) if filters else '-'} |"
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
        if h.get("error") == "timeout":
            lines.append(
                f"- {name}: builds faster than HtmlDiff: planlens {cpu:.2f} s CPU, HtmlDiff "
                f"stopped after {HTMLDIFF_TIMEOUT:.0f} s: MET"
            )
        else:
            fast = None if "cpu" not in h else cpu < h["cpu"]
            lines.append(
                f"- {name}: builds faster than HtmlDiff: planlens {cpu:.2f} s CPU ({wall:.2f} s "
                f"wall) against {_s(h.get('cpu'))} s CPU ({_s(h.get('wall'))} s wall), "
                f"{_x(h.get('cpu'), cpu)}: {_verdict(fast)}"
            )
        ours = row.ok["bytes"] if row.ok else None
        theirs = h.get("bytes")
        small = None if ours is None or theirs is None else ours < theirs
        lines.append(
            f"- {name}: smaller than HtmlDiff's output: {_mb(ours)} MB against {_mb(theirs)} MB "
            f"({_x(theirs, ours)}): {_verdict(small)}"
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
            f"- {name}: opens: first contentful paint {_ms(fcp)} ms at worst (median "
            f"{_ms(_median(fcps))}), threshold {OPEN_FCP_MS:,.0f} ms: "
            f"{_verdict(None if fcp is None else fcp <= OPEN_FCP_MS)}"
        )
        task = max(max(v.scroll_longest_task, v.filter_longest_task) for v in visits)
        gap = max(v.max_frame_gap for v in visits)
        toggles = [t for v in visits for t in (v.hide_frame, v.show_frame) if t is not None]
        toggle = max(toggles) if toggles else 0.0
        reached = all(v.scrolled_to >= v.scroll_target - 1 for v in visits)
        ok = task < FREEZE_MS and gap < FREEZE_MS and toggle < FREEZE_MS and reached
        lines.append(
            f"- {name}: no freeze scrolling and filtering: longest task {_ms(task)} ms, longest "
            f"gap between frames {_ms(gap)} ms, slowest filter toggle {_ms(toggle)} ms (worst of "
            f"{len(visits)} openings; threshold < {FREEZE_MS:,.0f} ms each"
            + ("" if reached else "; the bottom was NOT reached")
            + f"): {_verdict(ok)}"
        )
        opening = max(v.load_longest_task for v in visits)
        load = _median([v.load for v in visits])
        lines.append(
            f"- {name}: no freeze while opening: longest task before the load event "
            f"{_ms(opening)} ms (load event at {_ms(load)} ms, median), threshold "
            f"< {FREEZE_MS:,.0f} ms: {_verdict(opening < FREEZE_MS)}"
        )
    return lines


def breakdown_lines(row: Row) -> list[str]:
    """Return where the bytes of the row's planlens report go, one list item per view."""
    if not row.breakdown:
        return []
    total = row.breakdown["page"]["total"] or 1
    lines = [f"Where the {_mb(total)} MB of the {row.workload.name} report go:", ""]
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
        f"scroll = {SCROLL_STEPS} wheel steps to the bottom, each waited for; max frame gap = "
        "longest gap between requestAnimationFrame callbacks while scrolling; filter = a click "
        'on "hide unchanged" (then again to show all), from the click to the frame after it.',
        "",
        *browser_table(rows),
        "",
    ]
    for row in rows:
        lines += breakdown_lines(row)
    lines += ["Verdicts:", "", *verdicts(rows), ""]
    return "\n".join(lines)


def write_section(text: str, path: Path = RESULTS) -> None:
    """Replace the section starting at `SECTION` in `path` up to the next "## " heading (or
    the end), or append it; keep everything else as it was."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = old.splitlines(keepends=True)
    start = next((k for k, line in enumerate(lines) if line.rstrip() == SECTION), None)
    body = text.rstrip("\n") + "\n"
    if start is None:
        head = old.rstrip("\n")
        new = (head + "\n\n" if head else "") + body
    else:
        end = next(
            (k for k in range(start + 1, len(lines)) if lines[k].startswith("## ")), len(lines)
        )
        before = "".join(lines[:start])
        after = "".join(lines[end:])
        new = before + body + ("\n" + after if after else "")
    path.write_text(new, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--worker"]:
        tool, old, new, out = argv[1:5]
        worker: Callable[[str, str, Path], dict[str, Any]] = (
            planlens_worker if tool == "planlens" else htmldiff_worker
        )
        print(json.dumps(worker(old, new, Path(out))))
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
    python = Path(sys.executable)
    if python.is_relative_to(ROOT):
        python = python.relative_to(ROOT)
    command = f"{python} bench/report_scale.py" + "".join(f" {shlex.quote(a)}" for a in argv)
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
            for row in rows:
                if row.htmldiff_page is not None and "error" not in row.htmldiff:
                    pages.append((f"HtmlDiff {row.workload.name}", row.htmldiff_page, 1, False))
            trace = folder if args.trace else None
            visits, chromium, traced = browse(pages, trace)
            for row in rows:
                row.visits = visits.get(f"planlens {row.workload.name}", [])
                row.htmldiff_visits = visits.get(f"HtmlDiff {row.workload.name}", [])
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
        write_section(text, args.results)
        print(f"wrote the section {SECTION!r} of {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
