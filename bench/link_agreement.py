"""Two blind readings of the labelled alignment pairs: how far two readers agree, and planlens
scored against both.

    .venv/bin/python bench/link_agreement.py [--second DIR] [--no-lopo] [--disagreements]
        [--write-results]

`bench/gold/` holds the first reading of each pair; `bench/gold/second-reader/` (or `--second`)
a second reading of the same pairs, made by another reader who saw neither the first reading nor
any aligner output (its README says how). For every pair both readings cover:

* **readers' agreement**: the second reading scored as if it were an aligner's answer against the
  first (precision, recall, F1 over (old clause, new clause) pairs; F1 is the same either way
  round). It bounds what the first reading's F1 can say: an answer as good as a second careful
  reader's scores this, not 1;
* planlens **without pins**, **with pins** and the **difflib baseline** of `real_pairs.py`, each
  scored against the first reading (today's benchmark), against the second, and against both:
  **sure / possible** scoring, the standard for alignments labelled by several annotators (Och
  and Ney 2003): a link either reader made is *possible*, one both made is *sure*; precision
  counts the reported links that are possible, recall the sure links reported. Its alignment
  error rate, AER = 1 - (|A & S| + |A & P|) / (|A| + |S|), is 0 for an answer that holds every
  sure link and only possible ones;
* with `--no-lopo` left out, **leave-one-pair-out** as `real_pairs.py` does it (the thresholds
  for each pair chosen on the other pairs' first reading), scored the same three ways.

Nothing here tunes anything: the aligner runs as the code stands.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gold_pairs import GOLD, GoldPair, gold_files, load_pair
from real_pairs import (
    Counts,
    baseline_pairs,
    counts,
    has_pins,
    lopo_links,
    our_plans,
    reported_pairs,
    strip_pins,
)
from results import write_report

from planlens.compare import compare

SECOND = GOLD / "second-reader"
SECTION = "## Alignment: a second, blind reading of the labelled pairs"

Link = tuple[str, str]


@dataclass
class SurePossible:
    """An answer scored against sure links (both readers) and possible ones (either reader)."""

    reported: int = 0
    possible_hits: int = 0
    sure: int = 0
    sure_hits: int = 0

    def __iadd__(self, other: SurePossible) -> SurePossible:
        self.reported += other.reported
        self.possible_hits += other.possible_hits
        self.sure += other.sure
        self.sure_hits += other.sure_hits
        return self

    @property
    def precision(self) -> float:
        return self.possible_hits / self.reported if self.reported else 1.0

    @property
    def recall(self) -> float:
        return self.sure_hits / self.sure if self.sure else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def aer(self) -> float:
        total = self.reported + self.sure
        return 1 - (self.sure_hits + self.possible_hits) / total if total else 0.0


def sure_possible(
    reported: Iterable[Link], first: frozenset[Link], second: frozenset[Link]
) -> SurePossible:
    """Score `reported` with the links both readings hold as sure, either holds as possible."""
    answer = set(reported)
    sure = first & second
    possible = first | second
    return SurePossible(len(answer), len(answer & possible), len(sure), len(answer & sure))


@dataclass
class Scored:
    """One answer to one pair, scored against the first reading, the second, and both."""

    first: Counts
    second: Counts
    both: SurePossible

    def __iadd__(self, other: Scored) -> Scored:
        self.first += other.first
        self.second += other.second
        self.both += other.both
        return self


def score(answer: set[Link], first: GoldPair, second: GoldPair) -> Scored:
    return Scored(
        counts(answer, first.links),
        counts(answer, second.links),
        sure_possible(answer, first.links, second.links),
    )


def empty() -> Scored:
    return Scored(Counts(), Counts(), SurePossible())


def readings(second_dir: Path) -> list[tuple[GoldPair, GoldPair]]:
    """Return (first, second) readings of every pair both folders hold, by file name."""
    seconds = {path.name: path for path in gold_files(second_dir)}
    out = []
    for path in gold_files(GOLD):
        if path.name in seconds:
            first, second = load_pair(path), load_pair(seconds[path.name])
            if (first.old.id, first.new.id) != (second.old.id, second.new.id):
                raise SystemExit(f"{path.name}: the two readings name different plans")
            out.append((first, second))
    return out


def answers(pair: GoldPair) -> dict[str, set[Link]]:
    """planlens without pins, with pins, and difflib's baseline, as `real_pairs.py` runs them."""
    bare = reported_pairs(compare(strip_pins(pair.old), strip_pins(pair.new)))
    pinned = bare
    if has_pins(pair.old) or has_pins(pair.new):
        pinned = reported_pairs(compare(pair.old, pair.new, corpus=our_plans()))
    return {
        "without pins": bare,
        "with pins": pinned,
        "difflib": baseline_pairs(pair.old, pair.new),
    }


def leave_one_out(pairs: Sequence[tuple[GoldPair, GoldPair]]) -> dict[str, set[Link]]:
    """Return each pair's links without pins at the thresholds the other pairs' first reading
    chooses (`real_pairs.lopo_links`), by pair name."""
    firsts = [first for first, _ in pairs]
    return {first.name: links for first, (links, _) in zip(firsts, lopo_links(firsts), strict=True)}


def fmt(c: Counts | SurePossible) -> str:
    return f"{c.precision:.3f} / {c.recall:.3f} / {c.f1:.3f}"


def report(
    pairs: Sequence[tuple[GoldPair, GoldPair]], lopo: dict[str, set[Link]] | None
) -> list[str]:
    lines = [
        "| pair | links: first / second / both | readers' P / R / F1 "
        "| planlens without pins, F1 vs first / second | without pins, sure / possible "
        "P / R / F1 | with pins, sure / possible | difflib, sure / possible |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    readers = Counts()
    totals = {name: empty() for name in ("without pins", "with pins", "difflib", "lopo")}
    links = [0, 0, 0]
    for first, second in pairs:
        agreement = counts(set(second.links), first.links)
        readers += agreement
        found = answers(first)
        if lopo is not None:
            found["lopo"] = lopo[first.name]
        scored = {name: score(answer, first, second) for name, answer in found.items()}
        for name, value in scored.items():
            totals[name] += value
        both = len(first.links & second.links)
        for k, n in enumerate((len(first.links), len(second.links), both)):
            links[k] += n
        bare = scored["without pins"]
        pinned = (
            fmt(scored["with pins"].both)
            if found["with pins"] != found["without pins"]
            else "(no pins)"
        )
        lines.append(
            f"| {first.name} | {len(first.links)} / {len(second.links)} / {both} "
            f"| {fmt(agreement)} | {bare.first.f1:.3f} / {bare.second.f1:.3f} "
            f"| {fmt(bare.both)} | {pinned} | {fmt(scored['difflib'].both)} |"
        )
    bare = totals["without pins"]
    lines.append(
        f"| **pooled** | {links[0]} / {links[1]} / {links[2]} | **{fmt(readers)}** "
        f"| {bare.first.f1:.3f} / {bare.second.f1:.3f} | **{fmt(bare.both)}** "
        f"| {fmt(totals['with pins'].both)} | {fmt(totals['difflib'].both)} |"
    )
    if lopo is not None:
        lo = totals["lopo"]
        lines.append(
            f"| **leave-one-pair-out** | | | {lo.first.f1:.3f} / {lo.second.f1:.3f} "
            f"| **{fmt(lo.both)}** | | |"
        )
    lines += [
        "",
        "Pooled, P / R / F1 against each reading, and the alignment error rate (AER):",
        "",
    ]
    lines += [
        "| answer | first reading | second reading | sure / possible | AER |",
        "| --- | --- | --- | --- | ---: |",
    ]
    rows = [
        ("planlens without pins", totals["without pins"]),
        ("planlens with pins", totals["with pins"]),
    ]
    if lopo is not None:
        rows.append(("planlens without pins, leave-one-pair-out", totals["lopo"]))
    rows.append(("difflib baseline", totals["difflib"]))
    for name, value in rows:
        lines.append(
            f"| {name} | {fmt(value.first)} | {fmt(value.second)} | {fmt(value.both)} "
            f"| {value.both.aer:.3f} |"
        )
    lines.append(
        f"| the second reader (against the first) | {fmt(readers)} | 1.000 / 1.000 / 1.000 | | |"
    )
    return lines


def disagreements(pairs: Sequence[tuple[GoldPair, GoldPair]]) -> list[str]:
    lines = []
    for first, second in pairs:
        for label, only in (
            ("first only", first.links - second.links),
            ("second only", second.links - first.links),
        ):
            for o, n in sorted(only):
                lines.append(f"- {first.name} {label}: {o} -> {n}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--second", type=Path, default=SECOND, help="folder of the second reading")
    parser.add_argument("--no-lopo", action="store_true", help="Skip leave-one-pair-out.")
    parser.add_argument(
        "--disagreements", action="store_true", help="List the links the readings differ on."
    )
    parser.add_argument(
        "--write-results", action="store_true", help="Rewrite the section in bench/RESULTS.md."
    )
    args = parser.parse_args(argv)
    pairs = readings(args.second)
    if not pairs:
        print(f"no pair has a second reading in {args.second}")
        return 0
    lopo = None if args.no_lopo else leave_one_out(pairs)
    lines = report(pairs, lopo)
    if args.disagreements:
        lines += ["", *disagreements(pairs)]
    print("\n".join(lines))
    if args.write_results:
        write_report("bench/link_agreement.py", argv, __doc__, lines, SECTION)
    return 0


if __name__ == "__main__":
    sys.exit(main())
