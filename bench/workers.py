"""Workers: a benchmark script run again in a fresh process, and what its workers share.

`bench/speed.py` and `bench/report_scale.py` time each tool in a process of its own: the parent
runs its own script with `--worker` and the worker's arguments (`run_worker`), and the worker
prints one line of JSON with its figures. Standard library only, and `difflib` imported only
when HtmlDiff runs: the workers import this before their clock starts.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

#: Wall seconds after which HtmlDiff's worker is stopped and reported as "timeout".
HTMLDIFF_TIMEOUT = 180.0


def run_worker(
    script: Path, args: list[str], timeout: float | None, *, cwd: Path | None = None
) -> dict[str, Any]:
    """Run `script` as a worker with `args`; return its JSON answer or {"error": ...}.

    The answer gains "process_wall": the worker's wall time, interpreter start-up included.
    The error is "timeout" when the worker ran past `timeout` seconds (None: no limit), else
    the last line of its standard error.
    """
    command = [sys.executable, str(script), "--worker", *args]
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False, cwd=cwd
        )
    except subprocess.TimeoutExpired:
        return {"error": "timeout"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    answer["process_wall"] = time.perf_counter() - start
    return answer


def peak_memory_mb() -> float:
    """Return this process's peak resident set size in MB (Linux counts `ru_maxrss` in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_htmldiff(a: list[str], b: list[str]) -> tuple[str, float, float]:
    """Return `difflib.HtmlDiff().make_file(a, b)` and the CPU and wall seconds it took.

    Only `make_file` is timed: reading the files before and writing the page after are not.
    """
    import difflib

    wall, cpu = time.perf_counter(), time.process_time()
    html = difflib.HtmlDiff().make_file(a, b)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return html, cpu, wall
