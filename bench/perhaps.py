"""How often the hints for unlinked clauses ("perhaps now 4.a?") are right, on labelled pairs.

    .venv/bin/python bench/perhaps.py [--write-results]

Every pair of the labelled sets is compared as a user's fresh draft would be: without pins,
`compare()` end to end. A removed or added clause may carry a hint (`Change.perhaps`): the
clause of the other plan the learned pass found likeliest without linking it. For each set, the
columns say how many hints there are and how many name a gold link (the hint's precision); how
many gold links the comparison misses, how many of those have an unlinked side (a hint could
name them), and how many a hint names; and the recall a reader reaches who checks every hint
and keeps the right ones (links as reported, plus the right hints), with the precision of the
links unchanged since hints are never links.

The threshold (`perhaps.PERHAPS_MIN`) was chosen on the development sets (the real pairs of
bench/gold and the redrafts of bench/gold/redrafts, on which the learned pass was fitted) before
the held-out sets were measured; their figures are pooled per set, as `real_pairs.py
--held-out` reports them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from gold_pairs import GOLD, GoldPair, gold_files, load_pair
from real_pairs import HELD_OUT_SETS, REDRAFTS, reported_pairs, strip_pins
from results import write_report

from planlens.compare import compare
from planlens.compare.perhaps import PERHAPS_MIN

SECTION = "## Hints for unlinked clauses"
DEVELOPMENT = {"real pairs (development)": GOLD, "redrafts (development)": REDRAFTS}


@dataclass
class Tally:
    """What the hints of some pairs say against their gold links."""

    links: int = 0  # gold links
    found: int = 0  # gold links the comparison reports
    hints: int = 0
    right: int = 0  # hints that name a gold link
    missed_open: int = 0  # gold links missed with an unlinked side
    named: int = 0  # of those, named by a hint

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def tally(pair: GoldPair) -> Tally:
    """Compare one pair without pins; count its hints against the gold links."""
    diff = compare(strip_pins(pair.old), strip_pins(pair.new))
    linked = reported_pairs(diff)
    hints: list[tuple[str, str]] = []  # each hint as the (old, new) link it names
    unlinked_old: set[str] = set()
    unlinked_new: set[str] = set()
    for change in diff.walk():
        if not change.new:
            unlinked_old.update(change.old)
        if not change.old:
            unlinked_new.update(change.new)
        hints += [
            (change.old[0], hint.id) if change.old else (hint.id, change.new[0])
            for hint in change.perhaps
        ]
    missed = pair.links - linked
    missed_open = {(o, n) for o, n in missed if o in unlinked_old or n in unlinked_new}
    return Tally(
        links=len(pair.links),
        found=len(pair.links & linked),
        hints=len(hints),
        right=sum(hint in pair.links for hint in hints),
        missed_open=len(missed_open),
        # A hint from each side may name the same link: it is one link, named once.
        named=len(missed_open & set(hints)),
    )


def row(name: str, t: Tally) -> str:
    precision = f"{t.right / t.hints:.2f}" if t.hints else "-"
    recall = t.found / t.links if t.links else 1.0
    checked = (t.found + t.named) / t.links if t.links else 1.0
    return (
        f"| {name} | {t.links} | {t.hints} | {t.right} | {precision} | {t.links - t.found} | "
        f"{t.missed_open} | {t.named} | {recall:.3f} | {checked:.3f} |"
    )


def report() -> list[str]:
    lines = [
        f"Threshold `PERHAPS_MIN` = {PERHAPS_MIN}. Without pins.",
        "",
        "| set | gold links | hints | right | hint precision | links missed | missed, one side "
        "unlinked | named by a hint | recall | recall, hints checked |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for group, sets in (("development", DEVELOPMENT), ("held out", HELD_OUT_SETS)):
        pooled = Tally()
        for name, folder in sets.items():
            t = Tally()
            for path in gold_files(folder):
                t.add(tally(load_pair(path)))
            lines.append(row(name, t))
            pooled.add(t)
        lines.append(row(f"**{group}, pooled**", pooled))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args(argv)
    lines = report()
    print("\n".join(lines))
    if args.write_results:
        write_report("bench/perhaps.py", argv, __doc__ or "", lines, SECTION)
    return 0


if __name__ == "__main__":
    sys.exit(main())
