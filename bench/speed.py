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

This file runs the workers and the whole benchmark; `bench/speed_workloads.py` makes the
workloads (the sweep too), and `bench/speed_results.py` writes the figures up (the acceptance
targets are there).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from common import import_path
from results import RESULTS, ROOT, command_line
from speed_results import Result, report
from speed_workloads import (
    QUICK_SWEEP_MAX,
    SWEEP_HTMLDIFF_TIMEOUT,
    SWEEP_SIZES,
    Workload,
    corpus_workloads,
    plan_workloads,
    sweep_workloads,
)
from workers import HTMLDIFF_TIMEOUT, peak_memory_mb, run_worker, time_htmldiff

from planlens.plan.model import Plan

#: This script, run again as a worker.
SCRIPT = Path(__file__).resolve()

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
        "memory_mb": peak_memory_mb(),
        "summary": summary,
        "clauses": clauses,
    }


def htmldiff_worker(old: Path, new: Path) -> dict[str, Any]:
    """Run `difflib.HtmlDiff().make_file` once on the two files' lines."""
    a = old.read_text(encoding="utf-8").splitlines()
    b = new.read_text(encoding="utf-8").splitlines()
    html, cpu, wall = time_htmldiff(a, b)
    return {
        "seconds": cpu,
        "wall": wall,
        "bytes": len(html.encode("utf-8")),
    }


# -- the parent: running the tools ------------------------------------------------------------


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
    answer = run_worker(
        SCRIPT, ["planlens", workload.kind, str(workload.old), str(workload.new)], None
    )
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
        answer = run_worker(
            SCRIPT, ["htmldiff", "-", str(workload.old), str(workload.new)], htmldiff_timeout
        )
        result.htmldiff = answer.get("seconds", answer.get("error"))
        result.htmldiff_bytes = answer.get("bytes")
    result.git = time_git(workload.old, workload.new)
    return result


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
    command = command_line("bench/speed.py", argv)
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
