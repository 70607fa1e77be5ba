"""Alignment time on BGB 2012 -> 2022 against an earlier commit of planlens, in the same run.

    .venv/bin/python bench/align_speed.py [--baseline REF] [--repeat 5] [--write-results]

A change to the aligner must not make it slower by more than 10 %. The baseline commit is
checked out into a temporary git worktree; each side runs in its own fresh process (alternating,
twice each), imports its own planlens, reads the laws with the current importer's output, and
reports the best CPU time of `align()` alone and of the whole `compare()` over `--repeat` runs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from results import ROOT, command_line, write_section

SECTION = "## Alignment speed against a baseline commit"
#: The tree before issue 10's alignment work.
DEFAULT_BASELINE = "a9a6afd"

WORKER = r"""
import json, sys, time
root, repeat = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, root)
sys.path.insert(1, sys.argv[3])
import planlens
assert planlens.__file__.startswith(root), planlens.__file__
from common import load_law
import planlens.compare.diff as diff
old, new = load_law("bgb-2012"), load_law("bgb-2022")
spent = []
# compare() aligns through align(), or, since the hints for unlinked clauses, through
# align_with_hints(), which also gives them: whichever this tree's diff module calls.
name = "align_with_hints" if hasattr(diff, "align_with_hints") else "align"
real_align = getattr(diff, name)
def timed(*args, **kwargs):
    start = time.process_time()
    result = real_align(*args, **kwargs)
    spent.append(time.process_time() - start)
    return result
setattr(diff, name, timed)
totals = []
for _ in range(repeat):
    start = time.process_time()
    diff.compare(old, new)
    totals.append(time.process_time() - start)
print(json.dumps({"align": min(spent), "compare": min(totals)}))
"""


def run(root: Path, repeat: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(root), str(repeat), str(ROOT / "bench")],
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, float] = json.loads(done.stdout)
    return data


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git ref to compare with")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch) / "baseline"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.baseline],
            check=True,
        )
        try:
            rows: dict[str, list[dict[str, float]]] = {"baseline": [], "current": []}
            for _ in range(2):
                rows["baseline"].append(run(base, args.repeat))
                rows["current"].append(run(ROOT, args.repeat))
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True
            )
    best = {
        side: {k: min(r[k] for r in runs) for k in ("align", "compare")}
        for side, runs in rows.items()
    }
    lines = [
        "| BGB 2012 -> 2022, CPU s (best) | baseline | current | ratio |",
        "| --- | ---: | ---: | ---: |",
    ]
    for key in ("align", "compare"):
        ratio = best["current"][key] / best["baseline"][key]
        before, after = best["baseline"][key], best["current"][key]
        lines.append(f"| `{key}()` | {before:.3f} | {after:.3f} | {ratio:.2f}x |")
    verdict = best["current"]["align"] <= 1.10 * best["baseline"]["align"]
    lines += ["", f"align() within 10 % of {args.baseline}: {'MET' if verdict else 'NOT MET'}"]
    print("\n".join(lines))
    if args.write_results:
        command = command_line(
            "bench/align_speed.py", list(argv if argv is not None else sys.argv[1:])
        )
        write_section("\n".join([SECTION, "", f"`{command}`", "", *lines]), SECTION)
        print(f"wrote the section {SECTION!r} of bench/RESULTS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
