"""How the time of `corpus_echoes` grows with the corpus: near-linear, never all pairs.

Run with `python bench/echoes_scale.py [--quick] [--no-baseline]`. The corpus is the shipped
plans plus N "window" plans cut from the German laws of the shared corpora (../shared/corpora):
window k holds sections 20k .. 20k+39 of BGB (2022), then StGB and TKG, so each section is in two
windows, and each odd window follows the even one before it, so half of a section's copies are
in its own lineage and half are echoes to find. N doubles from row to row, and with it the number
of clauses and of words; if the time doubles too, the search is linear.

Times are the least CPU seconds of a few runs of the whole `corpus_echoes` (building the
index and asking it for every plan's echoes), and of `echoes()` for us-28 alone (which builds the
index of the whole corpus too). The baseline scores every pair of clauses outside a lineage by
the same definition, with no index: it is run on the smaller sizes only, to show the quadratic
cost the index avoids. Prints a Markdown table; writes nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import math
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from common import load_law, load_our_plans

from planlens.lineage.echoes import MIN_DISTINCTIVE, MIN_SCORE, EchoIndex, corpus_echoes, echoes
from planlens.plan.model import Clause, Plan

_T = TypeVar("_T")

WIDTH = 40
STEP = 20
LAWS = ("bgb-2022", "stgb-2022", "tkg-2021")


def law_sections() -> list[Clause]:
    """Return the sections of the laws, in order, each with an id unique over all laws."""
    sections: list[Clause] = []
    for name in LAWS:
        for clause in load_law(name).clauses:
            sections.append(dataclasses.replace(clause, id=f"{name}-{clause.id}", clauses=()))
    return sections


def windows(sections: Sequence[Clause], count: int) -> list[Plan]:
    """Return `count` window plans over `sections`; window 2m+1 follows window 2m."""
    if (count - 1) * STEP + WIDTH > len(sections):
        raise SystemExit(f"{count} windows need more than the {len(sections)} sections")
    plans = []
    for k in range(count):
        part = tuple(sections[k * STEP : k * STEP + WIDTH])
        plans.append(
            Plan(
                id=f"window-{k:03d}",
                title=f"Window {k}",
                date="2024-01-01",
                status="official-text",
                completeness="partial",
                sources=(),
                clauses=part,
                language="de",
                follows=(f"window-{k - 1:03d}",) if k % 2 else (),
            )
        )
    return plans


def cpu_best(fn: Callable[[], _T], repeats: int) -> tuple[_T, float]:
    """Return `fn()` and the least CPU seconds of `repeats` runs, after one run to warm up.

    CPU time, not wall-clock: on a shared machine the wall clock counts other processes too.
    """
    result = fn()
    best = math.inf
    for _ in range(repeats):
        start = time.process_time()
        result = fn()
        best = min(best, time.process_time() - start)
    return result, best


def all_pairs(plans: Sequence[Plan]) -> int:
    """Score every pair of clauses outside a lineage by the echoes' definition; count echoes."""
    index = EchoIndex(plans)
    groups = [index.group[pid] for pid in index.plan_of]
    found = 0
    for i in range(len(index.docs)):
        for j in range(len(index.docs)):
            if groups[i] == groups[j]:
                continue
            shared = index.docs[i] & index.docs[j]
            if sum(1 for s in shared if index.distinctive(s)) < MIN_DISTINCTIVE:
                continue
            found += index.score(i, j) >= MIN_SCORE
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes 15 and 30 only, one run each")
    parser.add_argument("--no-baseline", action="store_true", help="skip the all-pairs baseline")
    args = parser.parse_args()
    sizes = (15, 30) if args.quick else (15, 30, 60, 120)
    repeats = 1 if args.quick else 3
    plans = list(load_our_plans())
    us28 = next(p for p in plans if p.id == "us-28")
    sections = law_sections()
    print(f"{len(sections):,} law sections; windows of {WIDTH}, every {STEP}\n")
    print(
        "| windows | plans | clauses | stems | postings | echoes | all plans s | µs/stem "
        "| growth | us-28 s | all pairs s |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    previous: tuple[int, float] | None = None
    first: tuple[int, float] | None = None
    for count in sizes:
        corpus = [*plans, *windows(sections, count)]
        index = EchoIndex(corpus)
        clauses = len(index.docs)
        stems = sum(len(doc) for doc in index.docs)
        postings = sum(len(row) for row in index.postings.values())
        result, seconds = cpu_best(functools.partial(corpus_echoes, corpus), repeats)
        found = sum(r.count for r in result.values())
        _, one = cpu_best(functools.partial(echoes, us28, corpus), repeats)
        growth = "—"
        if previous is not None:
            growth = f"{math.log(seconds / previous[1]) / math.log(stems / previous[0]):.2f}"
        baseline = "—"
        if not args.no_baseline and clauses <= 1500:
            start = time.process_time()
            all_pairs(corpus)
            baseline = f"{time.process_time() - start:.2f}"
        print(
            f"| {count} | {len(corpus)} | {clauses:,} | {stems:,} | {postings:,} | {found:,} "
            f"| {seconds:.3f} | {1e6 * seconds / stems:.1f} | {growth} "
            f"| {one:.3f} | {baseline} |"
        )
        previous = (stems, seconds)
        first = first or previous
    if first and previous and previous[0] > first[0]:
        overall = math.log(previous[1] / first[1]) / math.log(previous[0] / first[0])
        print(
            f"\nfirst to last row: {previous[0] / first[0]:.1f}× the stems, "
            f"{previous[1] / first[1]:.1f}× the time: growth {overall:.2f}"
        )
    print(
        "\nstems: the distinct word stems of each clause, summed: the corpus's size.\n"
        "growth: log(time ratio) / log(stems ratio) against the row above; 1 is linear, "
        "2 quadratic.\nechoes: over all plans, at the default settings (per plan 2, score 0.25)."
    )


if __name__ == "__main__":
    main()
