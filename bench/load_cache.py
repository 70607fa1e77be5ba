"""The cache of parsed plans in `load_speed.py`: loading and `planlens diff` cold and warm.

`planlens.cache` keeps the plans a command parsed in the user's cache folder, so a second
`planlens diff` of the same files reads them from there. A benchmark that timed only the second
run would show the cache, not planlens; one that timed only the first would hide it. Every
timed `planlens` of the benchmarks therefore runs with the cache off (`PLANLENS_NO_CACHE=1`,
`environment()`: as planlens was before it, and never touching the real cache folder), and
`load_speed.py` times it apart, beside those runs, same run, alternating:

- in this process, `load_plan` of BGB 2012 and 2022 without a cache, with an empty one (parse,
  then keep: a miss) and with a warm one (a hit); the plans of a hit must equal the parsed ones,
  places included;
- in fresh processes, `planlens diff` with the cache off, cold (an empty cache folder for every
  run: what a first run pays) and warm (a folder the same command filled before the timed runs),
  and `planlens report` off and warm; with a baseline tree (`--baseline`, e.g. `main`), that
  tree's `diff` and the current tree's with the cache off, cold and warm, all started by the
  same `python -c` wrapper from their worktrees;
- among the start-up rounds, the current tree's `diff us-28 framework-20` (the 15 plans of
  `plans/`) cold and warm, beside the same with the cache off.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from results import seconds, speedup

#: A command to time, and what its environment adds for each run (a fresh folder for a cold run).
Timed = tuple[list[str], Callable[[], dict[str, str]]]


def environment(**changes: str) -> dict[str, str]:
    """Return this process's environment with the cache off, and `changes` on top."""
    return {**os.environ, "PLANLENS_NO_CACHE": "1", **changes}


def cache_off() -> dict[str, str]:
    return environment()


def in_folder(folder: Path) -> Callable[[], dict[str, str]]:
    """The cache on, in `folder` (warm once a run has filled it)."""
    return lambda: environment(PLANLENS_NO_CACHE="", PLANLENS_CACHE_DIR=str(folder))


def empty_folder(scratch: Path) -> Callable[[], dict[str, str]]:
    """The cache on, in a new empty folder for every run: a cold cache."""

    def fresh() -> dict[str, str]:
        folder = tempfile.mkdtemp(prefix="cold-", dir=scratch)
        return environment(PLANLENS_NO_CACHE="", PLANLENS_CACHE_DIR=folder)

    return fresh


def time_cache_loading(paths: list[Path], repeat: int) -> dict[str, Any]:
    """CPU seconds of `load_plan` of `paths` without a cache, with an empty one, a warm one."""
    from planlens.cache import PlanCache
    from planlens.plan.load import load_plan

    runs: dict[str, list[float]] = {"off": [], "miss": [], "hit": []}
    same = True
    with tempfile.TemporaryDirectory(prefix="planlens-cache-") as scratch:
        warm = PlanCache(Path(scratch) / "warm")
        for path in paths:
            load_plan(path, cache=warm)
        for n in range(repeat):
            caches = {
                "off": None,
                "miss": PlanCache(Path(scratch) / f"cold-{n}"),
                "hit": warm,
            }
            got = {}
            for side, cache in caches.items():
                start = time.process_time()
                got[side] = [load_plan(path, cache=cache) for path in paths]
                runs[side].append(time.process_time() - start)
            same = same and repr(got["hit"]) == repr(got["off"]) == repr(got["miss"])
    return {side: statistics.median(values) for side, values in runs.items()} | {"same": same}


def bgb_commands(
    old: str, new: str, page: Path, scratch: Path, wrapped: dict[str, list[str]]
) -> dict[str, Timed]:
    """The fresh-process runs of the cache: `planlens diff` off, cold and warm, `report` off and
    warm, and through the wrapper (`wrapped`: "baseline" and "current", when there is a
    baseline tree) the baseline's diff and the current one's off and warm."""
    import sys

    planlens = [sys.executable, "-m", "planlens"]
    report = ["report", old, new, "-o", str(page), "--force"]
    commands: dict[str, Timed] = {
        "diff, cache off": ([*planlens, "diff", old, new], cache_off),
        "diff, cold cache": ([*planlens, "diff", old, new], empty_folder(scratch)),
        "diff, warm cache": ([*planlens, "diff", old, new], in_folder(scratch / "warm")),
        "report, cache off": ([*planlens, *report], cache_off),
        "report, warm cache": ([*planlens, *report], in_folder(scratch / "warm")),
    }
    if "baseline" in wrapped:
        commands["baseline: diff"] = ([*wrapped["baseline"], "diff", old, new], cache_off)
        commands["current: diff, cache off"] = ([*wrapped["current"], "diff", old, new], cache_off)
        commands["current: diff, cold cache"] = (
            [*wrapped["current"], "diff", old, new],
            empty_folder(scratch),
        )
        commands["current: diff, warm cache"] = (
            [*wrapped["current"], "diff", old, new],
            in_folder(scratch / "warm-wrapped"),
        )
    return commands


def startup_cache_commands(current: list[str], scratch: Path) -> dict[str, Timed]:
    """The start-up runs of the cache: the current tree's `diff us-28 framework-20` (every
    other start-up run has the cache off), cold and warm."""
    return {
        "current: diff us-28 framework-20, cold cache": (current, empty_folder(scratch)),
        "current: diff us-28 framework-20, warm cache": (current, in_folder(scratch / "warm")),
    }


def report_cache(
    loading: dict[str, Any], bgb: dict[str, Any], repeat: int, htmldiff: float | None = None
) -> list[str]:
    """The lines of the cache's figures, for section 1 (loading) and 2 (fresh processes);
    with `htmldiff` (its CPU s in the same run), each run's speed-up over it, and issue 14's
    targets as a user's second run of the same files meets them (the caches warm)."""
    lines = [
        "### 2b. The cache of parsed plans (`planlens.cache`)",
        "",
        f"With the cache of parsed plans (`planlens.cache`), `load_plan` of both, CPU s, median "
        f"of {repeat}: no cache {seconds(loading['off'])}, an empty cache (parse, then keep) "
        f"{seconds(loading['miss'])}, a warm cache (a hit) {seconds(loading['hit'])}: "
        f"{speedup(loading['off'], loading['hit'])} faster. Equal plans, places included: "
        f"{'yes' if loading['same'] else 'NO'}.",
        "",
    ]
    lines += [
        "The cache in fresh processes (every run above has it off; cold: an empty cache folder "
        "for every run; warm: a folder filled by the same command before the timed runs):",
        "",
        "| run | CPU s | wall s | ÷ the same with the cache off (CPU) | HtmlDiff ÷ this (CPU) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, values in bgb["cache"].items():
        off = name.replace("cold cache", "cache off").replace("warm cache", "cache off")
        base = bgb["cache"].get(off) if off != name else None
        if name.startswith("baseline"):
            base = None
        ratio = f"{values['cpu'] / base['cpu']:.3f}" if base else ""
        over = f"{htmldiff / values['cpu']:.2f}x" if htmldiff and values["cpu"] else ""
        lines.append(
            f"| `{name}` | {seconds(values['cpu'])} | {seconds(values['wall'])} | {ratio} "
            f"| {over} |"
        )
    lines += [
        "",
        f"Identical output off, cold and warm: {'yes' if bgb['cache_identical'] else 'NO'}.",
    ]
    warm = {name: bgb["cache"].get(f"{name}, warm cache") for name in ("diff", "report")}
    if htmldiff:
        for name, target in (("diff", 5), ("report", 4)):
            run = warm[name]
            if run and run["cpu"]:
                met = htmldiff / run["cpu"] >= target
                lines.append(
                    f"Issue 14, HtmlDiff ÷ `planlens {name}` ≥ {target}x (CPU), the caches warm "
                    f"(a second run of the same files): {htmldiff / run['cpu']:.2f}x, "
                    f"{'MET' if met else 'NOT MET'}"
                )
    return lines
