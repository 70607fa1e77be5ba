"""What the benchmark scripts share: where the corpora are, reading them as plans, and timing.

The corpora live outside the project, in `../shared/corpora` (see its README); the GPL texts
come from `/usr/share/common-licenses` on Debian. Every loader here returns a `Plan`, made by
the same importer users run (`planlens.importers.import_text`), so the benchmarks measure what
users get.
"""

from __future__ import annotations

import contextlib
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from planlens.plan.model import Clause, Plan

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
LAWS = CORPORA / "de-laws"
LICENCES = CORPORA / "licenses"
BILLS = CORPORA / "us-bills"
PLANS_DIR = ROOT / "plans"
COMMON_LICENSES = Path("/usr/share/common-licenses")

_T = TypeVar("_T")

#: The German laws: short name -> (file, ISO date of the version).
LAW_FILES: dict[str, tuple[str, str]] = {
    "bgb-2012": ("bgb-2012-07-02.md", "2012-07-02"),
    "bgb-2022": ("bgb-2022-03-03.md", "2022-03-03"),
    "stgb-2012": ("stgb-2012-07-02.md", "2012-07-02"),
    "stgb-2022": ("stgb-2022-03-03.md", "2022-03-03"),
    "tkg-2004": ("tkg-2004.md", "2017-10-30"),
    "tkg-2021": ("tkg-2021.md", "2022-03-03"),
}


def import_path(path: Path, plan_id: str, *, language: str | None = None, date: str = "") -> Plan:
    """Return the plan the importer makes of the text or Markdown file at `path`."""
    from planlens.importers import import_text

    return import_text(
        path.read_text(encoding="utf-8"),
        plan_id=plan_id,
        title=path.stem,
        date=date,
        language=language,
    )


def load_law(name: str) -> Plan:
    """Return the German law `name` (a key of `LAW_FILES`) as a plan, one clause per §."""
    filename, date = LAW_FILES[name]
    return import_path(LAWS / filename, name, language="de", date=date)


def licence_paths() -> list[Path]:
    """Return the licence texts of the shared corpus, sorted by name."""
    return sorted(LICENCES.glob("*.txt"))


def load_licence(path: Path) -> Plan:
    """Return the licence text at `path` as a plan, one clause per numbered section."""
    plan_id = path.stem.lower().replace("_", "-")
    return import_path(path, plan_id, language="en")


def load_our_plans() -> tuple[Plan, ...]:
    """Return the plans shipped in `plans/`, checked as a whole collection."""
    from planlens.plan.load import load_plans

    return load_plans([PLANS_DIR], closed=True)


def has_commit(commit: str) -> bool:
    """Tell whether this checkout's git history holds `commit` (False without git or history)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(ROOT), "cat-file", "-e", f"{commit}^{{commit}}"],
            capture_output=True,
            check=False,
        )
    except OSError:
        return False
    return done.returncode == 0


def load_our_plans_at(commit: str) -> tuple[Plan, ...]:
    """Return the plans of `plans/` as they were at git `commit`, checked as a whole collection.

    For samples drawn from the plans by a fixed rule: later edits to the plans (a corrected
    figure, a reworded clause) must not move what the rule drew then.
    """
    from planlens.plan.load import load_plans

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(ROOT), *args], capture_output=True, check=True, text=True
        ).stdout

    names = [
        n for n in git("ls-tree", "--name-only", commit, "plans/").split() if n.endswith(".yaml")
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        folder.mkdir()
        for name in names:
            (folder / Path(name).name).write_text(git("show", f"{commit}:{name}"), encoding="utf-8")
        return load_plans([folder], closed=True)


def plan_markdown(plan: Plan, level: int = 5) -> str:
    """Return `plan` as Markdown in the German laws' layout: one heading per clause.

    Used to write generated workloads (the scale sweep) to files, so that the importer, difflib
    and git all read the same text. Sub-clauses get one heading level more.
    """
    lines: list[str] = [f"# {plan.title}", ""]

    def emit(clause: Clause, depth: int) -> None:
        heading = " ".join(part for part in (clause.number or clause.id, clause.title) if part)
        lines.extend([f"{'#' * min(6, depth)} {heading}", ""])
        if clause.text:
            lines.extend([clause.text, ""])
        for child in clause.clauses:
            emit(child, depth + 1)

    for clause in plan.clauses:
        emit(clause, level)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class Timing:
    """Wall-clock seconds of repeated runs of one thing: `best`, `median` and every run."""

    runs: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def best(self) -> float:
        return min(self.runs)


def timed(fn: Callable[[], _T]) -> tuple[_T, float]:
    """Return `fn()` and the wall-clock seconds it took (`time.perf_counter`)."""
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def repeat_timed(
    fn: Callable[[], _T], *, warmup: int = 1, repeats: int = 5, budget: float = 10.0
) -> tuple[_T, Timing]:
    """Return `fn()`'s result and its timing: `warmup` runs, then up to `repeats` timed runs.

    A run longer than `budget` seconds is not repeated (nor warmed up for): slow workloads get
    one timed run, as the benchmark design (performance notes, 5.3) asks.
    """
    result, first = timed(fn)
    if first > budget:
        return result, Timing((first,))
    runs: list[float] = [] if warmup else [first]
    while len(runs) < repeats:
        result, seconds = timed(fn)
        runs.append(seconds)
    return result, Timing(tuple(runs))


def plans_of(key: tuple[str, str]) -> tuple[Plan, Plan] | None:
    """Return the two plans of the ids `key`: the German laws, the US bills and the plans of
    `bench/gold/` and `plans/`; None where either is none this checkout has (a constructed
    flag set's)."""
    from gold_pairs import plan_by_id
    from uslm import BILL_FILES, load_bill

    try:
        old, new = (
            load_law(i) if i in LAW_FILES else load_bill(i) if i in BILL_FILES else plan_by_id(i)
            for i in key
        )
    except (KeyError, OSError):
        return None
    return old, new


@contextlib.contextmanager
def worktree(ref: str) -> Iterator[Path | None]:
    """Check out `ref` in a temporary git worktree (None for "none"), removed afterwards."""
    if ref == "none":
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="planlens-baseline-") as scratch:
        base = Path(scratch) / "tree"
        git = ["git", "-C", str(ROOT), "worktree"]
        subprocess.run([*git, "add", "--detach", "-q", str(base), ref], check=True)
        try:
            yield base
        finally:
            subprocess.run([*git, "remove", "--force", str(base)], check=True)
