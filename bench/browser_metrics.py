"""A report page in headless Chromium: opening, scrolling and filtering it, and its traces.

`browse` opens pages with Playwright in Debian's Chromium (/usr/bin/chromium) and returns one
`Visit` per opening: paint and load times, long tasks, the stalls of scrolling to the bottom in
wheel steps, and the time of switching the "hide unchanged" filter on and off. `trace_visit`
does the same under a Chromium trace per phase, and `summarise_trace` sums the renderer main
thread's time by event. Playwright is imported only when a browser is launched.
"""

from __future__ import annotations

import json
import math
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

PAGE_TIMEOUT_MS = 120_000
SCROLL_STEPS = 20


# -- scripts run in the page -------------------------------------------------------------------

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
#: The scroll position of the page's bottom, now.
BOTTOM = "() => Math.max(0, document.documentElement.scrollHeight - window.innerHeight)"
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


# -- visits ----------------------------------------------------------------------------------


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
    # A page whose rows off screen have estimated heights (content-visibility) changes height
    # as they are shown: the bottom is where it is now. Steps on until it is reached (at most
    # as many again), and the target is that bottom.
    for _ in range(SCROLL_STEPS):
        bottom = page.evaluate(BOTTOM)
        if y >= bottom - 1:
            break
        before = time.perf_counter()
        page.mouse.wheel(0, step)
        y = page.evaluate(WAIT_SCROLL, min(bottom, y + step))
        out.slowest_step = max(out.slowest_step, time.perf_counter() - before)
    out.scroll_target = page.evaluate(BOTTOM)
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


# -- traces ----------------------------------------------------------------------------------


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
    # Microseconds, floats: a Counter's counts are typed int (its `most_common` order is kept
    # below: by time, largest first, ties in first-seen order).
    self_time: defaultdict[str, float] = defaultdict(float)
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
        {
            name: us / 1000
            for name, us in sorted(self_time.items(), key=lambda item: item[1], reverse=True)
            if us > 0
        },
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
