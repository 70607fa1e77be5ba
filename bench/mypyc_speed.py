"""planlens pure against planlens with modules compiled by mypyc: BGB 2012 -> 2022, same run.

    .venv/bin/python scripts/build-mypyc.py --out /tmp/mypyc-flags
    .venv/bin/python bench/mypyc_speed.py /tmp/my-bgb --tree flags=/tmp/mypyc-flags

`/tmp/my-bgb` holds `bgb-2012.yaml` and `bgb-2022.yaml` (`load_speed.write_files`; written
when missing). Each `--tree NAME=DIR` is a copy of planlens built by `scripts/build-mypyc.py`;
the source tree is the pure one. Every figure is from a fresh process, the trees alternating,
best of `--repeat`:

- in process: `compare()` of the two loaded plans in CPU seconds (the first call of the
  process), and within it the substance flags (`diff.substance_flags`) and the alignment
  (`diff.align`), wrapped; a tree whose `diff` module is compiled calls them directly, so there
  only `compare()` is known;
- `planlens diff old new` as a whole process (CPU of the child: start-up, loading, compare,
  text), its output checked byte-identical across the trees;
- start-up: `planlens diff us-28 framework-20` (wall and CPU), bytecode compiled first.
"""

from __future__ import annotations

import argparse
import compileall
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

from load_speed import WRAPPER, run_process, write_files

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve()
_P = ParamSpec("_P")
_R = TypeVar("_R")


def compare_worker(tree: str, old: str, new: str) -> None:
    """Print the CPU seconds of `compare()` and of its flags and alignment, as JSON."""
    sys.path.insert(0, tree)
    import planlens.compare.diff as diff
    from planlens.compare import compare
    from planlens.plan.load import load_plan

    assert diff.__file__ is not None and diff.__file__.startswith(tree), diff.__file__
    spent = {"flags": 0.0, "align": 0.0}

    def timed(name: str, fn: Callable[_P, _R]) -> Callable[_P, _R]:
        def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - start

        return wrapper

    # Wrapped where `compare` looks them up: the names this tree's `diff` module imported
    # (`align_with_hints` since the hints for unlinked clauses, `align` before).
    aligner = "align_with_hints" if hasattr(diff, "align_with_hints") else "align"
    for name, attribute in (("flags", "substance_flags"), ("align", aligner)):
        setattr(diff, attribute, timed(name, getattr(diff, attribute)))
    plans = [load_plan(Path(old)), load_plan(Path(new))]
    start = time.process_time()
    compare(plans[0], plans[1])
    total = time.process_time() - start
    import planlens.compare.substance as substance

    print(
        json.dumps(
            {
                "compare": total,
                "flags": spent["flags"] or None,
                "align": spent["align"] or None,
                "substance": str(substance.__file__).rsplit("/", 1)[-1],
            }
        )
    )


def align_worker(tree: str, old: str, new: str) -> None:
    """Print the CPU seconds of `align()` called as `compare` calls it, as JSON: the figure for
    a tree whose `diff` is compiled too (there the wrapper of `compare_worker` is not called)."""
    sys.path.insert(0, tree)
    from planlens.compare.align import align
    from planlens.compare.pins import find_pins
    from planlens.compare.units import Vocabulary, flatten, nfc_plan
    from planlens.perf import collector_paused
    from planlens.plan.load import load_plan

    plans = [nfc_plan(load_plan(Path(old))), nfc_plan(load_plan(Path(new)))]
    with collector_paused():
        vocabulary = Vocabulary()
        units = [flatten(plan, vocabulary) for plan in plans]
        pins = find_pins(plans[0], plans[1], units[0], units[1], ())
        start = time.process_time()
        align(units[0], units[1], pins)
        print(json.dumps({"align alone": time.process_time() - start}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--tree", action="append", default=[], help="NAME=DIR, compiled copy")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--startup-runs", type=int, default=10)
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        task = align_worker if args.worker[0] == "align" else compare_worker
        task(*args.worker[1:])
        return 0
    old, new = (args.folder / f"bgb-{year}.yaml" for year in (2012, 2022))
    if not old.exists():
        args.folder.mkdir(parents=True, exist_ok=True)
        write_files(args.folder)
    trees = {"pure": ROOT} | {
        name: Path(folder).resolve() for name, folder in (t.split("=", 1) for t in args.tree)
    }
    for tree in trees.values():
        compileall.compile_dir(str(tree / "planlens"), quiet=1)
    python = sys.executable
    figures: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    outputs: dict[str, set[bytes]] = {name: set() for name in trees}
    for _ in range(args.repeat):
        for name, tree in trees.items():
            found: dict[str, float | str | None] = {}
            for worker in ("compare", "align"):
                command = [python, str(SCRIPT), "x", "--worker", worker, str(tree), str(old)]
                found |= json.loads(run_process([*command, str(new)])[2])
            for key, value in found.items():
                if isinstance(value, float):
                    figures[name].setdefault(key, []).append(value)
                elif key == "substance":
                    figures[name].setdefault(f"module {value}", [])
            cpu, wall, out = run_process(
                [python, "-c", WRAPPER, str(tree), "diff", str(old), str(new)]
            )
            figures[name].setdefault("diff process cpu", []).append(cpu)
            outputs[name].add(out)
    plans = str(ROOT / "plans")
    for n in range(args.startup_runs + 1):
        for name, tree in trees.items():
            command = [python, "-c", WRAPPER, str(tree), "--plans", plans]
            cpu, wall, _ = run_process([*command, "diff", "us-28", "framework-20"])
            if n:  # the first round warms the caches
                figures[name].setdefault("startup diff us-28 wall", []).append(wall)
                figures[name].setdefault("startup diff us-28 cpu", []).append(cpu)
    identical = len(set().union(*outputs.values())) == 1
    keys = list(dict.fromkeys(k for f in figures.values() for k in f))
    print(f"{'best of ' + str(args.repeat):32}" + "".join(f"{n:>14}" for n in trees))
    for key in keys:
        cells = []
        for name in trees:
            values = figures[name].get(key)
            mark = "-" if values is None else "yes"
            cells.append(f"{min(values):14.3f}" if values else f"{mark:>14}")
        print(f"{key:32}" + "".join(cells))
    print(f"planlens diff output identical across trees: {identical}")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
