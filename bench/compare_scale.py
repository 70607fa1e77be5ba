"""`compare()` on 1, 2, 4 and 8 renamed copies of BGB, against an earlier commit, same run.

    .venv/bin/python bench/compare_scale.py [--baseline REF] [--sizes 1,2,4,8] [--repeat 3]
                                            [--write-results]

Each workload is k copies of BGB 2012 -> 2022 (`../shared/corpora/de-laws`) one after the
other on both sides (`scaled`): copy c has its clause ids and numbers renamed ("k2-", "K2 ") and
every ASCII letter of its texts and titles shifted c places in the alphabet ("Ehe" -> "Gjg"),
alike on both sides. So every copy keeps the sizes, structure and edits of the law, but the
copies share almost no words: k copies is a law k times BGB's size, not a test of
near-duplicates (which `bench/speed.py`'s sweep avoids the same way).

For each size, planlens at the current tree and at `--baseline` (default: the tree before the
compare-core work of issue 14, checked out in a temporary git worktree; `none` for the current
tree alone) each run in fresh processes, alternating, twice each. A worker imports its own
planlens, reads the laws with that tree's importer, builds the copies, and reports the best
CPU time (`time.process_time`) of `compare()` over `--repeat` runs (one run at 8 copies),
each after a warm-up run and with planlens's caches emptied first, as in a user's one run,
the process's peak resident set size after them, and its resident size before the first
compare (the plans alone). The machine is shared: best CPU times, not wall time.

Reported: per size, each tree's CPU seconds and peak MB, the time ratio current / baseline, and
per doubling of the size the growth of time (each step, and the least-squares fit of log time
on log size). Targets (issue 14): at most 2.2x the time per doubling up to 8x BGB, and a peak
RSS at 8x BGB of at most 600 MB.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from results import ROOT, command_line, verdict, write_section

if TYPE_CHECKING:
    from planlens.plan.model import Plan

SECTION = "## compare() at 1x to 8x BGB"
#: The tree before issue 14's compare-core work.
DEFAULT_BASELINE = "be91376"
DOUBLING_MAX = 2.2
PEAK_MAX_MB = 600.0

WORKER = r"""
import dataclasses, gc, json, resource, sys, time
root, bench, k, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
sys.path.insert(0, root)
sys.path.insert(1, bench)
import planlens
assert planlens.__file__.startswith(root), planlens.__file__
from common import load_law
from compare_scale import scaled
from planlens.compare.diff import compare
old, new = scaled(load_law("bgb-2012"), k), scaled(load_law("bgb-2022"), k)
gc.collect()
with open("/proc/self/statm") as f:
    before = int(f.read().split()[1]) * resource.getpagesize() / 2**20
def cold():
    # Each timed run starts with planlens's caches empty, as a user's one comparison does: a
    # cache warmed by an earlier run of the same pair holds all of a small pair and little of
    # a large one, which made the small sizes look fast and the growth look steeper.
    for name, module in list(sys.modules.items()):
        if name == "planlens" or name.startswith("planlens."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()
compare(old, new)  # a warm-up run (imports, first use)
spent = []
for _ in range(repeat):
    cold()
    start = time.process_time()
    compare(old, new)
    spent.append(time.process_time() - start)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cpu": min(spent), "peak_mb": peak, "plans_mb": before}))
"""


def scaled(plan: Plan, k: int) -> Plan:
    """Return `plan` (a `Plan`) as `k` renamed, letter-shifted copies one after the other.

    >>> from planlens.plan.model import Clause, Plan
    >>> plan = Plan("p", "P", "", "draft", "full", (), (Clause("s1", "Die Ehe.", "§ 1"),))
    >>> [(c.id, c.number, c.text) for c in scaled(plan, 2).clauses]
    [('s1', '§ 1', 'Die Ehe.'), ('k1-s1', 'K1 § 1', 'Ejf Fif.')]
    """
    import dataclasses

    from planlens.plan.model import Clause

    def copy(clause: Clause, c: int) -> Clause:
        if c == 0:
            return clause
        return dataclasses.replace(
            clause,
            id=f"k{c}-{clause.id}",
            number=None if clause.number is None else f"K{c} {clause.number}",
            text=_shift(clause.text, c),
            title=_shift(clause.title, c),
            clauses=tuple(copy(child, c) for child in clause.clauses),
        )

    clauses = tuple(copy(clause, c) for c in range(k) for clause in plan.clauses)
    return dataclasses.replace(plan, clauses=clauses, expected_clauses=None)


def _shift(text: str | None, c: int) -> str | None:
    """Return `text` with every ASCII letter moved `c` places on in the alphabet, cyclically."""
    if text is None:
        return None
    lower = "abcdefghijklmnopqrstuvwxyz"
    upper = lower.upper()
    table = str.maketrans(lower + upper, lower[c:] + lower[:c] + upper[c:] + upper[:c])
    return text.translate(table)


def run(root: Path, k: int, repeat: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(root), str(ROOT / "bench"), str(k), str(repeat)],
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return data


def fitted_doubling(sizes: Sequence[int], times: Sequence[float]) -> float:
    """Return 2 ** slope of the least-squares line of log2 time on log2 size.

    >>> round(fitted_doubling([1, 2, 4, 8], [1.0, 2.0, 4.0, 8.0]), 3)
    2.0
    """
    xs = [math.log2(s) for s in sizes]
    ys = [math.log2(t) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return float(2**slope)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git ref, or none")
    parser.add_argument("--sizes", default="1,2,4,8", help="copies of BGB, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    sides = ["current"] if args.baseline == "none" else ["baseline", "current"]
    best: dict[str, dict[int, dict[str, float]]] = {side: {} for side in sides}
    with tempfile.TemporaryDirectory() as scratch:
        roots = {"current": ROOT}
        if "baseline" in sides:
            roots["baseline"] = Path(scratch) / "baseline"
            subprocess.run(
                [
                    "git",
                    "-C",
                    str(ROOT),
                    "worktree",
                    "add",
                    "--detach",
                    "-q",
                    str(roots["baseline"]),
                    args.baseline,
                ],
                check=True,
            )
        try:
            for k in sizes:
                repeat = 1 if k >= 8 else args.repeat
                for _ in range(2):
                    for side in sides:
                        got = run(roots[side], k, repeat)
                        have = best[side].get(k)
                        best[side][k] = (
                            got if have is None else {key: min(have[key], got[key]) for key in got}
                        )
                        print(f"{k}x {side}: {got}", file=sys.stderr)
        finally:
            if "baseline" in sides:
                subprocess.run(
                    [
                        "git",
                        "-C",
                        str(ROOT),
                        "worktree",
                        "remove",
                        "--force",
                        str(roots["baseline"]),
                    ],
                    check=True,
                )
    header = "| copies of BGB |"
    rule = "| ---: |"
    for side in sides:
        header += f" {side} CPU s | per doubling | peak MB | MB before |"
        rule += " ---: | ---: | ---: | ---: |"
    if "baseline" in sides:
        header += " current ÷ baseline |"
        rule += " ---: |"
    lines = []
    if "baseline" in sides:
        lines += [f"Baseline: `{args.baseline}`; CPU seconds of `compare()`, best run.", ""]
    lines += [header, rule]
    for n, k in enumerate(sizes):
        row = f"| {k} |"
        for side in sides:
            got = best[side][k]
            step = "-"
            if n:
                previous = sizes[n - 1]
                factor = (got["cpu"] / best[side][previous]["cpu"]) ** (1 / math.log2(k / previous))
                step = f"{factor:.2f}x"
            row += f" {got['cpu']:.3f} | {step} | {got['peak_mb']:.0f} | {got['plans_mb']:.0f} |"
        if "baseline" in sides:
            row += f" {best['current'][k]['cpu'] / best['baseline'][k]['cpu']:.2f}x |"
        lines.append(row)
    lines.append("")
    for side in sides:
        times = [best[side][k]["cpu"] for k in sizes]
        fit = fitted_doubling(sizes, times) if len(sizes) > 1 else float("nan")
        peak = best[side][sizes[-1]]["peak_mb"]
        lines.append(
            f"- {side}: per doubling {fit:.2f}x (least-squares fit, target ≤ {DOUBLING_MAX}x: "
            f"{verdict(fit <= DOUBLING_MAX)}); peak RSS at {sizes[-1]}x {peak:.0f} MB "
            f"(target ≤ {PEAK_MAX_MB:.0f} MB at 8x: "
            f"{verdict(peak <= PEAK_MAX_MB) if sizes[-1] == 8 else 'NO DATA'})"
        )
    print("\n".join(lines))
    if args.write_results:
        command = command_line(
            "bench/compare_scale.py", list(argv if argv is not None else sys.argv[1:])
        )
        write_section("\n".join([SECTION, "", f"`{command}`", "", *lines]), SECTION)
        print(f"wrote the section {SECTION!r} of bench/RESULTS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
