"""Plans from YAML files and start-up: libyaml against PyYAML's Python composer, same run.

    .venv/bin/python bench/load_speed.py [--repeat 5] [--startup-runs 20] [--htmldiff-runs 2]
        [--baseline REF] [--no-htmldiff] [--write-results] [--startup-only]

Issue 14's figures for loading. The machine is shared, so every figure stands beside the one it
is compared with, measured in the same run, alternating:

1. Loading: BGB 2012 and 2022 (imported as the other benchmarks do, `common.load_law`, and
   written as plan files with `plan_to_yaml`, 1.5 and 1.7 MB) loaded with `load_plan`, with
   libyaml and with PyYAML's pure-Python composer alone (what planlens does without libyaml, and
   did before); CPU seconds in this process, median of `--repeat` runs, and the composing alone
   (the rest is the checker). The plans must come out equal, places included. Then where the
   time of an in-process `planlens diff` of the two goes (load, compare, text), to tell whether
   a cache of parsed plans would matter.
2. `planlens diff bgb-2012.yaml bgb-2022.yaml` as a user runs it, in a fresh process (start-up,
   loading, comparison, text to a pipe), CPU and wall seconds, median of `--repeat` runs; the
   same forced onto the Python composer (its output must be identical); `planlens report`
   (the HTML page, written to a file) the same way; and `difflib.HtmlDiff().make_file` on the
   flattened texts, in its own process, `make_file` alone timed. Issue 14: HtmlDiff ÷ planlens
   diff ≥ 5x, ÷ planlens report ≥ 4x, and the report's HTML ≤ 1/3 of HtmlDiff's. The
   flattened texts are the laws' Markdown the plan files were made from (wrapped lines, as
   `speed.py` gives HtmlDiff): the plans' texts written one paragraph per line
   (`common.plan_markdown`) hold the same words, but HtmlDiff's character diff of long changed
   lines then runs past its 180 s limit, a ratio that would say more about HtmlDiff than about
   planlens.
3. Start-up: wall time of fresh processes, `--startup-runs` rounds of every command in turn:
   `python -c pass`, `python -c "import click"` (the floor of a click command),
   `python -c "import yaml, jinja2, click"`, the `planlens` console script with
   `--version`, `--help` and `diff us-28 framework-20`, and the same three for the tree at
   `--baseline` (default: the tree before this work; `none` skips it) and the current one, both
   started by the same `python -c` wrapper from a git worktree. Issue 14: `planlens diff us-28
   framework-20` ≤ 2x `python -c "import yaml, jinja2, click"`.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import functools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common import worktree
from load_cache import (
    Timed,
    bgb_commands,
    cache_off,
    report_cache,
    startup_cache_commands,
    time_cache_loading,
)
from results import ROOT, command_line, ms, seconds, speedup, verdict, write_section
from workers import HTMLDIFF_TIMEOUT, run_worker, time_htmldiff

if TYPE_CHECKING:
    import yaml

SCRIPT = Path(__file__).resolve()
SECTION = "## Loading plans from YAML, and start-up"
#: The tree to compare start-up with: main at the start of 2026-11-26's session (the tree before
#: libyaml loading and lazy imports, fa0188d, can no longer read today's plans: `standalone`).
DEFAULT_BASELINE = "77f4e6d"
LAWS = ("bgb-2012", "bgb-2022")
#: Runs a planlens tree given as the first argument: the same start for the baseline and now.
WRAPPER = (
    "import sys; tree = sys.argv.pop(1); sys.path.insert(0, tree); import planlens; "
    "assert planlens.__file__.startswith(tree), planlens.__file__; "
    "from planlens.cli import main; main()"
)


# -- workers (run in their own process) -------------------------------------------------------


@functools.cache
def no_libyaml() -> type[yaml.CSafeLoader] | None:
    """Stand in for `planlens.plan.yaml_nodes.libyaml_loader` (cached as it is): no libyaml, so
    plans are composed by PyYAML's Python composer alone."""
    return None


def diff_python_worker(old: str, new: str) -> None:
    """Run `planlens diff old new` with PyYAML's Python composer alone (no libyaml)."""
    from planlens.plan import yaml_nodes

    yaml_nodes.libyaml_loader = no_libyaml
    from planlens.cli import main

    sys.argv = ["planlens", "diff", old, new]
    main()


def htmldiff_worker(old: str, new: str) -> dict[str, Any]:
    a = Path(old).read_text(encoding="utf-8").splitlines()
    b = Path(new).read_text(encoding="utf-8").splitlines()
    html, cpu, wall = time_htmldiff(a, b)
    return {"seconds": cpu, "wall": wall, "bytes": len(html.encode("utf-8"))}


# -- 0: the files -------------------------------------------------------------------------------


def write_files(folder: Path) -> dict[str, tuple[Path, Path]]:
    """Write BGB 2012 and 2022 as plan files: name -> (the plan file, the law's Markdown)."""
    from common import LAW_FILES, load_law
    from common import LAWS as LAWS_FOLDER

    from planlens.plan.serialize import plan_to_yaml

    files = {}
    for name in LAWS:
        plan_file = folder / f"{name}.yaml"
        plan_file.write_text(plan_to_yaml(load_law(name)), encoding="utf-8")
        files[name] = (plan_file, LAWS_FOLDER / LAW_FILES[name][0])
    return files


# -- 1: loading, in this process ----------------------------------------------------------------


@contextlib.contextmanager
def composer(side: str) -> Iterator[None]:
    """Load with libyaml ("libyaml") or with PyYAML's Python composer alone ("python")."""
    from planlens.plan import yaml_nodes

    real = yaml_nodes.libyaml_loader
    if side == "python":
        yaml_nodes.libyaml_loader = no_libyaml
    try:
        yield
    finally:
        yaml_nodes.libyaml_loader = real


def cpu_of(fn: Any) -> tuple[Any, float]:
    start = time.process_time()
    result = fn()
    return result, time.process_time() - start


def places(plan: Any) -> list[Any]:
    return [plan.location, *(c.location for c in plan.walk())]


def time_loading(paths: list[Path], repeat: int) -> dict[str, Any]:
    """CPU seconds of loading `paths`, and of composing them alone, with each composer."""
    from planlens.perf import collector_paused
    from planlens.plan.load import load_plan, read_plan_text
    from planlens.plan.yaml_nodes import compose_nodes, compose_with_libyaml, libyaml_loader

    if libyaml_loader() is None:
        raise SystemExit("PyYAML here has no libyaml 0.2.6 or later: nothing to compare")
    texts = [read_plan_text(path) for path in paths]
    runs: dict[str, dict[str, list[float]]] = {
        side: {"load": [], "compose": []} for side in ("libyaml", "python")
    }
    plans: dict[str, list[Any]] = {}
    for _ in range(repeat):
        for side in ("libyaml", "python"):
            with composer(side):
                plans[side], spent = cpu_of(lambda: [load_plan(path) for path in paths])
            runs[side]["load"].append(spent)
            # As `load_plan` composes: with the cyclic collector paused (`planlens.perf`).
            with collector_paused():
                if side == "libyaml":
                    _, spent = cpu_of(lambda: [compose_with_libyaml(text) for text in texts])
                else:
                    _, spent = cpu_of(lambda: [compose_nodes(text, "p.yaml") for text in texts])
            runs[side]["compose"].append(spent)
    same = plans["libyaml"] == plans["python"] and all(
        places(a) == places(b) for a, b in zip(plans["libyaml"], plans["python"], strict=True)
    )
    medians = {side: {k: statistics.median(v) for k, v in r.items()} for side, r in runs.items()}
    return {"median": medians, "same": same, "bytes": sum(p.stat().st_size for p in paths)}


def diff_shares(paths: list[Path]) -> dict[str, float]:
    """CPU seconds of an in-process `planlens diff` of the two plans, by step (libyaml)."""
    from planlens.compare import compare, diff_text
    from planlens.plan.load import load_plan

    plans, load = cpu_of(lambda: [load_plan(path) for path in paths])
    diff, comparing = cpu_of(lambda: compare(plans[0], plans[1]))
    _, text = cpu_of(lambda: diff_text(diff, color=False))
    return {"load": load, "compare": comparing, "text": text}


# -- 2 and 3: fresh processes -------------------------------------------------------------------


def run_process(
    command: list[str], env: dict[str, str] | None = None
) -> tuple[float, float, bytes]:
    """Run `command` from the project root; return its CPU and wall seconds and its stdout.

    Its environment is `env`, by default this one with the cache of parsed plans off
    (`load_cache`): a timed planlens parses its plans, as it did before the cache.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = cache_off() if env is None else env
    done = subprocess.run(command, capture_output=True, check=False, cwd=ROOT, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{command} failed: {done.stderr.decode(errors='replace')[-500:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, wall, done.stdout


def time_bgb_diff(
    files: dict[str, tuple[Path, Path]], args: argparse.Namespace, baseline: Path | None
) -> dict[str, Any]:
    old, new = (str(files[name][0]) for name in LAWS)
    page = Path(files[LAWS[0]][0]).parent / "bgb.html"
    scratch = page.parent / "cache"
    scratch.mkdir(exist_ok=True)
    trees = {"current": ROOT} | ({"baseline": baseline} if baseline else {})
    wrapped = {side: [sys.executable, "-c", WRAPPER, str(tree)] for side, tree in trees.items()}
    cached = bgb_commands(old, new, page.parent / "cache-bgb.html", scratch, wrapped)
    for command, env in cached.values():  # fill the warm folders (the cold get new ones)
        run_process(command, env())
    commands = {
        "libyaml": [sys.executable, "-m", "planlens", "diff", old, new],
        "python": [sys.executable, str(SCRIPT), "--worker", "diff-python", old, new],
        "report": [
            sys.executable,
            "-m",
            "planlens",
            "report",
            old,
            new,
            "-o",
            str(page),
            "--force",
        ],
    }
    timed: dict[str, Timed] = {side: (command, cache_off) for side, command in commands.items()}
    timed |= cached
    runs: dict[str, list[tuple[float, float]]] = {side: [] for side in timed}
    outputs: dict[str, set[bytes]] = {side: set() for side in timed}
    for _ in range(args.repeat):
        for side, (command, env) in timed.items():
            cpu, wall, out = run_process(command, env())
            runs[side].append((cpu, wall))
            outputs[side].add(out)
    medians: dict[str, Any] = {
        side: {
            "cpu": statistics.median(r[0] for r in v),
            "wall": statistics.median(r[1] for r in v),
        }
        for side, v in runs.items()
    }
    answer = {side: medians[side] for side in commands}
    answer["cache"] = {side: medians[side] for side in cached}
    answer["identical"] = len(outputs["libyaml"] | outputs["python"]) == 1
    diffs = [out for side, out in outputs.items() if "diff" in side and "baseline" not in side]
    answer["cache_identical"] = len(set().union(*diffs) | outputs["libyaml"]) == 1
    answer["report"]["bytes"] = page.stat().st_size
    if not args.no_htmldiff:
        a, b = (str(files[name][1]) for name in LAWS)
        html = [
            run_worker(SCRIPT, ["htmldiff", a, b], HTMLDIFF_TIMEOUT)
            for _ in range(args.htmldiff_runs)
        ]
        done = [h for h in html if "seconds" in h]
        answer["htmldiff"] = (
            {
                "cpu": statistics.median(h["seconds"] for h in done),
                "wall": statistics.median(h["wall"] for h in done),
                "bytes": done[0]["bytes"],
            }
            if done
            else {"cpu": html[0]["error"], "wall": html[0]["error"]}
        )
    return answer


def startup_commands(baseline: Path | None) -> dict[str, list[str]]:
    python = sys.executable
    script = Path(python).parent / "planlens"
    planlens = [str(script)] if script.exists() else [python, "-m", "planlens"]
    commands = {
        "python -c pass": [python, "-c", "pass"],
        'python -c "import click"': [python, "-c", "import click"],
        'python -c "import yaml, jinja2, click"': [python, "-c", "import yaml, jinja2, click"],
        "planlens --version": [*planlens, "--version"],
        "planlens --help": [*planlens, "--help"],
        "planlens diff us-28 framework-20": [*planlens, "diff", "us-28", "framework-20"],
    }
    trees = {"current": ROOT} | ({"baseline": baseline} if baseline else {})
    for side, tree in trees.items():
        wrapped = [python, "-c", WRAPPER, str(tree), "--plans", str(ROOT / "plans")]
        commands[f"{side}: --version"] = [*wrapped, "--version"]
        commands[f"{side}: --help"] = [*wrapped, "--help"]
        commands[f"{side}: diff us-28 framework-20"] = [*wrapped, "diff", "us-28", "framework-20"]
    return commands


def compile_trees(*trees: Path | None) -> None:
    """Compile planlens's bytecode in each tree, as an installed copy has it.

    pip compiles a package's bytecode on install, as yaml, jinja2 and click in site-packages
    have theirs. Where PYTHONDONTWRITEBYTECODE is set (it is on our machines), every run would
    otherwise compile planlens from source, about 90 ms that no user pays.
    """
    for tree in trees:
        if tree is not None:
            compileall.compile_dir(str(tree / "planlens"), quiet=1)


def time_startup(baseline: Path | None, rounds: int) -> dict[str, list[tuple[float, float]]]:
    """Wall and CPU seconds of each start-up command, `rounds` times, all in turn each round."""
    commands = startup_commands(baseline)
    compile_trees(ROOT, baseline)
    with tempfile.TemporaryDirectory(prefix="planlens-startup-") as scratch:
        timed: dict[str, Timed] = {name: (command, cache_off) for name, command in commands.items()}
        current = commands["current: diff us-28 framework-20"]
        timed |= startup_cache_commands(current, Path(scratch))
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in timed}
        for n in range(rounds + 1):  # the first warms the caches (the warm folder too)
            for name, (command, env) in timed.items():
                cpu, wall, _ = run_process(command, env())
                if n:
                    runs[name].append((wall, cpu))
    return runs


# -- the report ---------------------------------------------------------------------------------


def report(
    loading: dict[str, Any],
    shares: dict[str, float],
    bgb: dict[str, Any],
    args: argparse.Namespace,
    cached: dict[str, Any],
) -> list[str]:
    lib, py = loading["median"]["libyaml"], loading["median"]["python"]
    lines = [
        f"### 1. Loading BGB 2012 + 2022 from YAML ({loading['bytes'] / 1e6:.1f} MB, "
        f"CPU s, median of {args.repeat})",
        "",
        "| composer | `load_plan` of both | composing alone | checking (the rest) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, side in (("libyaml", lib), ("PyYAML pure Python", py)):
        rest = side["load"] - side["compose"]
        lines.append(
            f"| {name} | {seconds(side['load'])} | {seconds(side['compose'])} | {seconds(rest)} |"
        )
    lines += [
        f"| Python ÷ libyaml | {speedup(py['load'], lib['load'])} "
        f"| {speedup(py['compose'], lib['compose'])} | |",
        "",
        f"Equal plans, places included: {'yes' if loading['same'] else 'NO'}.",
        "",
    ]
    total = sum(shares.values())
    lines += [
        f"An in-process `planlens diff` of the two with libyaml: {seconds(total)} CPU s, of which "
        + ", ".join(f"{step} {value / total:.0%}" for step, value in shares.items())
        + ".",
        "",
        f"### 2. `planlens diff bgb-2012.yaml bgb-2022.yaml`, fresh process (median of "
        f"{args.repeat}; HtmlDiff: {args.htmldiff_runs} runs)",
        "",
        "| run | CPU s | wall s | HtmlDiff ÷ this (CPU) |",
        "| --- | ---: | ---: | ---: |",
    ]
    html = bgb.get("htmldiff")
    runs = (
        ("planlens diff (libyaml)", "libyaml"),
        ("Python composer only", "python"),
        ("planlens report (HTML page)", "report"),
    )
    for name, side in runs:
        ratio = speedup(html["cpu"], bgb[side]["cpu"], HTMLDIFF_TIMEOUT) if html else "-"
        lines.append(
            f"| {name} | {seconds(bgb[side]['cpu'])} | {seconds(bgb[side]['wall'])} | {ratio} |"
        )
    if html:
        lines.append(
            f"| `HtmlDiff.make_file`, the laws' Markdown "
            f"| {seconds(html['cpu'], HTMLDIFF_TIMEOUT)} "
            f"| {seconds(html['wall'], HTMLDIFF_TIMEOUT)} | |"
        )
    lines += ["", f"Identical output with both composers: {'yes' if bgb['identical'] else 'NO'}."]
    if html:
        cpu = html["cpu"]
        met = cpu / bgb["libyaml"]["cpu"] >= 5 if isinstance(cpu, float) else None
        lines.append(
            f"Issue 14, HtmlDiff ÷ `planlens diff` ≥ 5x (CPU), the caches off: {verdict(met)}"
        )
        met = cpu / bgb["report"]["cpu"] >= 4 if isinstance(cpu, float) else None
        lines.append(
            f"Issue 14, HtmlDiff ÷ `planlens report` ≥ 4x (CPU), the caches off: {verdict(met)}"
        )
        ours, theirs = bgb["report"]["bytes"], html.get("bytes")
        if theirs:
            lines.append(
                f"HTML size: planlens {ours / 1e6:.2f} MB, HtmlDiff {theirs / 1e6:.2f} MB "
                f"({ours / theirs:.2f} of it); issue 14, ≤ 1/3: {verdict(ours * 3 <= theirs)}"
            )
    htmldiff_cpu = html["cpu"] if html and isinstance(html["cpu"], float) else None
    return [*lines, "", *report_cache(cached, bgb, args.repeat, htmldiff_cpu)]


def report_startup(
    startup: dict[str, list[tuple[float, float]]], args: argparse.Namespace
) -> list[str]:
    walls = {name: [run[0] for run in runs] for name, runs in startup.items()}
    cpus = {name: statistics.median(run[1] for run in runs) for name, runs in startup.items()}
    median = {name: statistics.median(v) for name, v in walls.items()}
    bare, imports = median["python -c pass"], median['python -c "import yaml, jinja2, click"']
    lines = [
        f"### 3. Start-up: a fresh process, ms ({args.startup_runs} rounds)",
        "",
        "Wall time, as the issue asks, and CPU time (user + system), which the neighbours on a "
        "shared machine disturb less; ratios of medians.",
        "",
        "| command | wall median | wall best | CPU median | ÷ `python -c pass` (wall) "
        "| ÷ `import yaml, jinja2, click` (wall) | (CPU) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    cpu_imports = cpus['python -c "import yaml, jinja2, click"']
    for name, values in walls.items():
        lines.append(
            f"| `{name}` | {ms(median[name] * 1000)} | {ms(min(values) * 1000)} "
            f"| {ms(cpus[name] * 1000)} | {median[name] / bare:.2f}x "
            f"| {median[name] / imports:.2f}x | {cpus[name] / cpu_imports:.2f}x |"
        )
    best = {name: min(v) for name, v in walls.items()}
    target = "planlens diff us-28 framework-20"
    imports_best = best['python -c "import yaml, jinja2, click"']
    by_median, by_best = median[target] / imports, best[target] / imports_best
    lines += [
        "",
        "`current:` and `baseline:` lines run each tree through the same `python -c` wrapper "
        f"(baseline {args.baseline}).",
        f'Issue 14, `{target}` ≤ 2x `python -c "import yaml, jinja2, click"`: '
        f"{by_median:.2f}x on wall medians, {verdict(by_median <= 2)}; {by_best:.2f}x on the "
        f"best runs, {verdict(by_best <= 2)}; {cpus[target] / cpu_imports:.2f}x in CPU time, "
        f"{verdict(cpus[target] <= 2 * cpu_imports)}",
    ]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--worker"]:
        if argv[1] == "diff-python":
            diff_python_worker(argv[2], argv[3])
        else:
            print(json.dumps(htmldiff_worker(argv[2], argv[3])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of loading and BGB diff")
    parser.add_argument("--startup-runs", type=int, default=20, help="rounds of start-up runs")
    parser.add_argument("--htmldiff-runs", type=int, default=2)
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git ref, or none")
    parser.add_argument("--no-htmldiff", action="store_true")
    parser.add_argument("--write-results", action="store_true", help="write into RESULTS.md")
    parser.add_argument(
        "--startup-only", action="store_true", help="only part 3 (not with --write-results)"
    )
    args = parser.parse_args(argv)
    if args.startup_only and args.write_results:
        parser.error("--startup-only writes no results: the section needs all three parts")
    command = command_line("bench/load_speed.py", argv)
    load_start, started = os.getloadavg()[0], time.perf_counter()
    body: list[str] = []
    compile_trees(ROOT)  # before any timing, not only before the start-up rounds
    with worktree(args.baseline) as base:
        if not args.startup_only:
            compile_trees(base)
            with tempfile.TemporaryDirectory(prefix="planlens-load-") as scratch:
                files = write_files(Path(scratch))
                paths = [files[name][0] for name in LAWS]
                loading = time_loading(paths, args.repeat)
                cached = time_cache_loading(paths, args.repeat)
                print("loading: done", flush=True)
                shares = diff_shares(paths)
                bgb = time_bgb_diff(files, args, base)
                print("BGB diff: done", flush=True)
            body = [*report(loading, shares, bgb, args, cached), ""]
        startup = time_startup(base, args.startup_runs)
    print("start-up: done", flush=True)
    import yaml

    head = [
        SECTION,
        "",
        f"Command: `{command}`",
        "",
        f"Python {platform.python_version()}, PyYAML {yaml.__version__} with libyaml "
        f"{yaml._yaml.get_version_string()}, {platform.system()} "
        f"{platform.machine()}, {os.cpu_count()} CPUs; load average {load_start:.1f} at the "
        f"start, {os.getloadavg()[0]:.1f} at the end; {time.perf_counter() - started:.0f} s.",
        "",
    ]
    text = "\n".join(head + body + report_startup(startup, args)) + "\n"
    print()
    print(text)
    if args.write_results:
        write_section(text, SECTION)
        print(f"wrote the section {SECTION!r} of bench/RESULTS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
