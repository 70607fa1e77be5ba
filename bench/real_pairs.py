"""Alignment accuracy on real pairs labelled by reading both texts (`bench/gold/`).

    .venv/bin/python bench/real_pairs.py [--write-results] [--failures N]

For every labelled pair, the links planlens reports are scored against the truth: precision,
recall and F1 over (old clause, new clause) pairs, a split or merge counting one pair per part.
Each figure is given three ways, in the same run:

* planlens **without pins**, as a user with a fresh draft runs it: every `same_as` and
  `derived_from` is stripped from both plans first;
* planlens **with pins**, as the plans are (only the peace plans carry analyst pins; for the
  other pairs the two figures are the same);
* a **difflib baseline**: each clause linked one to one to its best `SequenceMatcher` ratio on
  words, best pairs first, when that ratio reaches 0.5.

Pooled figures add the counts of all pairs (micro-average). **Leave-one-pair-out**: for each
pair, the alignment thresholds are chosen from a small grid as the best on all the *other* pairs
(the best F1 among settings whose precision there meets the target), then that pair is scored
with them; the pooled held-out counts are what a new pair can expect,
free of tuning to the pair itself. Except for the aligner's last pass, a learned decision whose
constants are fitted on all these pairs: its own leave-one-pair-out figures, with the model
fitted without the pair, are `bench/train_links.py`'s.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import itertools
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from gold_pairs import GOLD, OUR_PLANS, GoldPair, gold_files, load_pair
from results import command_line, write_section

import planlens.compare.align as align_module
import planlens.compare.matching as matching_module
import planlens.compare.residual as residual_module
import planlens.compare.structure as structure_module
from planlens.compare import PlanDiff, compare
from planlens.compare.similarity import words
from planlens.plan.model import Clause, Plan

#: The thresholds leave-one-pair-out may choose, and the values it chooses from.
GRID: dict[str, tuple[float, ...]] = {
    "GAP_MIN": (0.35, 0.45),
    "WEAK_MIN": (0.33, 0.38, 0.42),
    "ABSORB_MIN": (0.7, 0.8),
    "MUTUAL_MIN": (0.25, 0.3, 1.1),  # 1.1: the mutual-best pass off
    "SLOT_MIN": (0.15, 0.2, 0.25),
}
BASELINE_MIN = 0.5
#: Where the alignment thresholds live.
MODULES = (align_module, matching_module, residual_module, structure_module)
SECTION = "## Alignment on real labelled pairs"
#: The held-out pairs: labelled blind, never used to tune the aligner; German laws
#: (`bench/gold/held-out/`), the project's peace plans (`bench/gold/held-out-peace/`), SPDX
#: licence versions (`bench/gold/held-out-licences/`) and redrafts written by hand to test the
#: aligner, each with the truth recorded as it was written (`bench/gold/held-out-redrafts/`).
HELD_OUT = GOLD / "held-out"
HELD_OUT_SETS = {
    "German laws": HELD_OUT,
    "peace plans": GOLD / "held-out-peace",
    "licences": GOLD / "held-out-licences",
    "constructed redrafts": GOLD / "held-out-redrafts",
    "constructed redrafts, third batch": GOLD / "held-out-redrafts-2",
}
HELD_OUT_SECTION = "## Alignment on held-out labelled pairs"
#: Redrafts written by hand with their truth, measured blind once and then released: a
#: development set apart from the real pairs (`--redrafts`).
REDRAFTS = GOLD / "redrafts"
REDRAFTS_SECTION = "## Alignment on hand-written redrafts (development)"
HELD_OUT_NOTE = (
    "The pairs of `bench/gold/held-out/` (German laws), `bench/gold/held-out-peace/` (the "
    "project's peace plans) and `bench/gold/held-out-licences/` (SPDX licence versions drawn by "
    "a fixed rule; see their READMEs), labelled blind after the aligner's rules and "
    "thresholds were written, and never looked at to tune them: what a user can expect on a new "
    "pair. Scored exactly as above, with the thresholds in the code (no leave-one-pair-out: no "
    "threshold is chosen on these pairs). First measured each with the aligner as it stood "
    "before any change made after its labels existed, without pins: the German laws on "
    "2026-11-26 with the aligner of commit 396d627, P / R / F1 1.000 / 0.785 / 0.879; the peace "
    "plans on 2026-11-26 with that of commit 22acdc0, 0.966 / 0.636 / 0.767 (with the analysts' "
    "pins 1.000 / 0.773 / 0.872); the licences on 2026-11-27 with that of commit dadd56f (its "
    "aligner unchanged until after these figures), all 16 pairs 0.994 / 0.932 / 0.962 (the "
    "first draw's eight 0.996 / 0.971 / 0.983, the second's eight 0.992 / 0.894 / 0.941; the "
    "difflib baseline 1.000 / 0.882 / 0.937); the hand-written redrafts of "
    "`held-out-redrafts/` (a second batch, written after the first was released as "
    "`bench/gold/redrafts/`) on 2026-11-27 with the aligner of e8d7b74, 0.918 / 0.619 / 0.739 "
    "(difflib 0.947 / 0.199 / 0.329); the third batch, `held-out-redrafts-2/`, on 2026-11-27 "
    "with that of 0b1f153, 0.946 / 0.662 / 0.779 (difflib 0.966 / 0.211 / 0.346). The German "
    "laws are no "
    "longer fully blind: the learned last pass was developed with four of its links in the "
    "travel window in view (see `bench/gold/held-out/README.md`)."
)
TARGETS = {"F1": 0.92, "precision": 0.97}
#: Issue 10's target on pairs nobody tuned on.
HELD_OUT_TARGETS = {"F1": 0.90, "precision": 0.97}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def counts(reported: set[tuple[str, str]], truth: frozenset[tuple[str, str]]) -> Counts:
    return Counts(len(reported & truth), len(reported - truth), len(truth - reported))


def reported_pairs(diff: PlanDiff) -> set[tuple[str, str]]:
    """Return every (old id, new id) pair the comparison links."""
    return {(o, n) for change in diff.walk() for o in change.old for n in change.new}


def strip_pins(plan: Plan) -> Plan:
    """Return `plan` without analyst pins, as a draft nobody has pinned."""

    def bare(clause: Clause) -> Clause:
        return dataclasses.replace(
            clause,
            same_as=None,
            derived_from=(),
            clauses=tuple(bare(child) for child in clause.clauses),
        )

    return dataclasses.replace(plan, clauses=tuple(bare(c) for c in plan.clauses))


@cache
def our_plans() -> tuple[Plan, ...]:
    from planlens.plan.load import load_plans

    return load_plans([OUR_PLANS], closed=True)


def has_pins(plan: Plan) -> bool:
    return any(c.same_as or c.derived_from for c in plan.walk())


def baseline_pairs(old: Plan, new: Plan) -> set[tuple[str, str]]:
    """difflib's answer: best ratio first, one to one, at least `BASELINE_MIN`."""
    olds = [(c.id, words(c.text or "")) for c in old.walk()]
    news = [(c.id, words(c.text or "")) for c in new.walk()]
    scored = []
    for (oid, a), (nid, b) in itertools.product(olds, news):
        if a and b:
            ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
            if ratio >= BASELINE_MIN:
                scored.append((-ratio, oid, nid))
    taken_old: set[str] = set()
    taken_new: set[str] = set()
    pairs = set()
    for _, oid, nid in sorted(scored):
        if oid not in taken_old and nid not in taken_new:
            taken_old.add(oid)
            taken_new.add(nid)
            pairs.add((oid, nid))
    return pairs


@contextlib.contextmanager
def thresholds(values: dict[str, float]) -> Iterator[None]:
    """Run with alignment thresholds set to `values`, wherever the modules hold them."""
    saved = []
    for name, value in values.items():
        for module in MODULES:
            if hasattr(module, name):
                saved.append((module, name, getattr(module, name)))
                setattr(module, name, value)
    try:
        yield
    finally:
        for module, name, value in reversed(saved):
            setattr(module, name, value)


def grid() -> list[dict[str, float]]:
    names = sorted(GRID)
    return [
        dict(zip(names, values, strict=True))
        for values in itertools.product(*(GRID[n] for n in names))
    ]


def current() -> dict[str, float]:
    return {name: next(getattr(m, name) for m in MODULES if hasattr(m, name)) for name in GRID}


@dataclass
class PairResult:
    pair: GoldPair
    bare: Counts
    pinned: Counts
    baseline: Counts
    pinned_available: bool
    missed: list[tuple[str, str]]
    wrong: list[tuple[str, str]]
    #: Reported links without pins, by whether they were marked "check this": [right, all].
    checked: tuple[list[int], list[int]]


def run_pair(pair: GoldPair) -> PairResult:
    bare_diff = compare(strip_pins(pair.old), strip_pins(pair.new))
    bare_links = reported_pairs(bare_diff)
    pinned_available = has_pins(pair.old) or has_pins(pair.new)
    # With pins, as `planlens diff` runs on ids in the plans folder: pins compose through the
    # versions between the two.
    corpus = our_plans() if pair.old.path and OUR_PLANS in Path(pair.old.path).parents else ()
    pinned_links = (
        reported_pairs(compare(pair.old, pair.new, corpus=corpus))
        if pinned_available
        else bare_links
    )
    checked: tuple[list[int], list[int]] = ([0, 0], [0, 0])
    for change in bare_diff.walk():
        for o in change.old:
            for n in change.new:
                tally = checked[0] if change.check else checked[1]
                tally[0] += (o, n) in pair.links
                tally[1] += 1
    return PairResult(
        pair,
        counts(bare_links, pair.links),
        counts(pinned_links, pair.links),
        counts(baseline_pairs(pair.old, pair.new), pair.links),
        pinned_available,
        sorted(pair.links - bare_links),
        sorted(bare_links - pair.links),
        checked,
    )


def lopo_links(
    pairs: Sequence[GoldPair],
) -> list[tuple[set[tuple[str, str]], dict[str, float]]]:
    """Return, for each pair, its links without pins at the thresholds chosen on the other
    pairs, and those thresholds."""
    settings = grid()
    table: list[list[set[tuple[str, str]]]] = []
    for values in settings:
        with thresholds(values):
            table.append(
                [reported_pairs(compare(strip_pins(p.old), strip_pins(p.new))) for p in pairs]
            )
    scored = [
        [counts(links, pair.links) for links, pair in zip(row, pairs, strict=True)] for row in table
    ]
    out = []
    for held in range(len(pairs)):

        def others_f1(k: int, held: int = held) -> tuple[bool, float, float]:
            # The target is F1 at a precision floor: settings that keep the other pairs'
            # precision above the floor come first, then the best F1 among them.
            total = Counts()
            for m, c in enumerate(scored[k]):
                if m != held:
                    total += c
            return (total.precision >= TARGETS["precision"], total.f1, total.precision)

        best = max(range(len(settings)), key=lambda k: (others_f1(k), -k))
        out.append((table[best][held], settings[best]))
    return out


def leave_one_out(pairs: Sequence[GoldPair]) -> tuple[Counts, list[tuple[str, dict[str, float]]]]:
    """Return the pooled held-out counts, and the thresholds chosen for each held-out pair."""
    pooled = Counts()
    chosen = []
    for pair, (links, values) in zip(pairs, lopo_links(pairs), strict=True):
        pooled += counts(links, pair.links)
        chosen.append((pair.name, values))
    return pooled, chosen


def fmt(c: Counts) -> str:
    return f"{c.precision:.3f} / {c.recall:.3f} / {c.f1:.3f}"


def report(
    results: Sequence[PairResult],
    lopo: Counts | None,
    chosen: list[tuple[str, dict[str, float]]],
    failures: int,
    targets: dict[str, float] = TARGETS,
) -> list[str]:
    lines = [
        "| pair | links | without pins P / R / F1 | with pins P / R / F1 "
        "| difflib baseline P / R / F1 |",
        "| --- | ---: | --- | --- | --- |",
    ]
    total_bare, total_pinned, total_base = Counts(), Counts(), Counts()
    for r in results:
        total_bare += r.bare
        total_pinned += r.pinned
        total_base += r.baseline
        pinned = fmt(r.pinned) if r.pinned_available else "(no pins)"
        lines.append(
            f"| {r.pair.name} | {len(r.pair.links)} | {fmt(r.bare)} | {pinned} "
            f"| {fmt(r.baseline)} |"
        )
    links = sum(len(r.pair.links) for r in results)
    lines.append(
        f"| **pooled** | {links} | **{fmt(total_bare)}** | {fmt(total_pinned)} "
        f"| {fmt(total_base)} |"
    )
    if lopo is not None:
        lines.append(f"| **leave-one-pair-out** | {links} | **{fmt(lopo)}** | | |")
    lines.append("")
    weak = [sum(r.checked[0][k] for r in results) for k in (0, 1)]
    sure = [sum(r.checked[1][k] for r in results) for k in (0, 1)]
    lines.append(
        f'Confidence, without pins: links marked "check this" are right {weak[0]} of '
        f"{weak[1]} times ({weak[0] / max(1, weak[1]):.3f}); the others {sure[0]} of {sure[1]} "
        f"({sure[0] / max(1, sure[1]):.3f})."
    )
    lines.append(f"Thresholds in the code: {current()}.")
    if chosen:
        picks: dict[tuple[tuple[str, float], ...], list[str]] = {}
        for name, values in chosen:
            picks.setdefault(tuple(sorted(values.items())), []).append(name)
        for picked, names in picks.items():
            lines.append(f"Held out {', '.join(names)}: chose {dict(picked)}.")
    verdict = []
    for label, c in (
        ("without pins", total_bare),
        *((("leave-one-pair-out", lopo),) if lopo else ()),
    ):
        ok = c.f1 >= targets["F1"] and c.precision >= targets["precision"]
        verdict.append(
            f"{label}: F1 {c.f1:.3f} (target ≥ {targets['F1']}), precision {c.precision:.3f}"
            f" (≥ {targets['precision']}): {'MET' if ok else 'NOT MET'}"
        )
    lines += ["", *verdict]
    if failures:
        lines += ["", "Misses and wrong links without pins, first few per pair:"]
        for r in results:
            texts_old = {c.id: c.text or "" for c in r.pair.old.walk()}
            texts_new = {c.id: c.text or "" for c in r.pair.new.walk()}
            for kind, items in (("missed", r.missed), ("wrong", r.wrong)):
                for o, n in items[:failures]:
                    old_text = texts_old.get(o, "")[:70]
                    new_text = texts_new.get(n, "")[:70]
                    lines.append(f"- {r.pair.name} {kind} {o} -> {n}: {old_text!r} / {new_text!r}")
    return lines


def by_set(results: Sequence[PairResult]) -> list[str]:
    """Return the pooled figures of each held-out set, without and with pins, and difflib's."""
    lines = []
    for name, folder in HELD_OUT_SETS.items():
        bare, pinned, baseline = Counts(), Counts(), Counts()
        for r in results:
            if r.pair.path.parent.resolve() == folder.resolve():
                bare += r.bare
                pinned += r.pinned
                baseline += r.baseline
        if bare.tp + bare.fn:
            lines.append(
                f"The {name} alone, P / R / F1: without pins {fmt(bare)}, with pins {fmt(pinned)};"
                f" the difflib baseline {fmt(baseline)}."
            )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-lopo", action="store_true", help="Skip leave-one-pair-out.")
    parser.add_argument("--failures", type=int, default=0, help="List this many misses per pair.")
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="Score the held-out pairs (bench/gold/held-out/, bench/gold/held-out-peace/,"
        " bench/gold/held-out-licences/) instead (no leave-one-pair-out).",
    )
    parser.add_argument(
        "--redrafts",
        action="store_true",
        help="Score the hand-written redrafts of bench/gold/redrafts/ instead (development).",
    )
    parser.add_argument(
        "--write-results", action="store_true", help="Rewrite the section in bench/RESULTS.md."
    )
    args = parser.parse_args(argv)
    if args.held_out and args.redrafts:
        parser.error("--held-out and --redrafts are two sets: score one at a time")
    if args.held_out and args.failures:
        # Its misses are not listed: whoever tunes the aligner must not see them.
        parser.error("--failures does not list the held-out pairs' misses")
    folders = [f for f in HELD_OUT_SETS.values() if f.is_dir()] if args.held_out else [GOLD]
    if args.redrafts:
        folders = [REDRAFTS]
    pairs = [load_pair(path) for folder in folders for path in gold_files(folder)]
    if not pairs:
        print(f"no labelled pairs in {', '.join(map(str, folders))}")
        return 0
    results = [run_pair(pair) for pair in pairs]
    lopo, chosen = (None, []) if args.no_lopo or args.held_out else leave_one_out(pairs)
    targets = HELD_OUT_TARGETS if args.held_out else TARGETS
    lines = report(results, lopo, chosen, args.failures, targets)
    if args.held_out:
        lines += ["", *by_set(results)]
    print("\n".join(lines))
    if args.write_results:
        command = command_line(
            "bench/real_pairs.py", list(argv if argv is not None else sys.argv[1:])
        )
        section = HELD_OUT_SECTION if args.held_out else SECTION
        about = HELD_OUT_NOTE if args.held_out else __doc__.split("\n\n", 2)[2].strip()
        if args.redrafts:
            section = REDRAFTS_SECTION
            about = (
                "The redrafts of `bench/gold/redrafts/` (written by hand with their truth; its "
                "README gives their first, blind figures), scored as the real pairs are."
            )
        text = "\n".join([section, "", f"`{command}`", "", about, "", *lines])
        write_section(text, section)
        print(f"wrote the section {section!r} of bench/RESULTS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
