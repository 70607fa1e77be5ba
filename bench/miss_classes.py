"""What stops each gold link the aligner misses, without pins, on the labelled pairs.

    .venv/bin/python bench/miss_classes.py [--list] [--dir bench/gold/redrafts]

For every labelled pair of `bench/gold/` (never the held-out sets), planlens aligns the two plans
without pins, once without its learned last pass (the state that pass decides from) and once
with it (what a user gets). Each gold link missing from the second is classed by the state the
learned pass saw:

* by the two clauses: **both free**; an **extra part** (one free, the other linked as the only
  clause on its side of its link: the learned pass may add it); **other side many** (one free,
  the other one of several on its side of its link: adding it would make a many-to-many link,
  which a `Link` cannot be); **both linked** (each to something else);
* by the learned pass: a **candidate** it judged and rejected; **filtered** (the index proposed
  the pair, the pass did not judge it); **not in index** (never proposed); **short** (a clause
  under `learned.MIN_WORDS` words).

It also counts the gold links no set of one-to-many and many-to-one links can express at all: in
a component of the gold links with several clauses on both sides, the links left over by the
largest set of them in which every clause is in one link only (found by trying every subset,
for components of at most `MAX_EDGES` links). That bounds the recall any aligner of this design
can reach. And how many components have several clauses on both sides, and whether each holds
every old x new pair of its clauses, as one many-to-many link would report them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from gold_pairs import GOLD, GoldPair, gold_files, load_pair
from real_pairs import HELD_OUT_SETS, strip_pins

from planlens.compare import learned
from planlens.compare.align import aligned_state
from planlens.compare.units import Link, Unit, Vocabulary, flatten, nfc_plan

#: A component with more links than this is not searched; all its links count as expressible.
MAX_EDGES = 20


def side_state(link: Link | None, mine: Sequence[int]) -> str:
    """Return how a clause stands: free, fixed (pin or identical text), sole or many."""
    if link is None:
        return "free"
    if link.matched_by in ("pin", "exact"):
        return "fixed"
    return "sole" if len(mine) == 1 else "many"


def pair_class(a: str, b: str) -> str:
    """Return the class of a missed pair from the state of its old and new clause."""
    if a == "free" and b == "free":
        return "both free"
    if a != "free" and b != "free":
        return "both linked"
    other = b if a == "free" else a
    return {"sole": "extra part", "many": "other side many"}.get(other, "other side fixed")


def units_of(pair: GoldPair) -> tuple[list[Unit], list[Unit]]:
    vocabulary = Vocabulary()
    old = flatten(nfc_plan(strip_pins(pair.old)), vocabulary)
    new = flatten(nfc_plan(strip_pins(pair.new)), vocabulary)
    return old, new


def classify(pair: GoldPair) -> list[tuple[str, str, str, str]]:
    """Return (old id, new id, class by clauses, class by the learned pass) of each miss."""
    old, new = units_of(pair)
    before, scorer, pairs = aligned_state(old, new, {}, learn=False)
    final, _, _ = aligned_state(*units_of(pair), {}, learn=True)
    oid = {u.clause.id: u.index for u in old}
    nid = {u.clause.id: u.index for u in new}
    truth = {(oid[o], nid[n]) for o, n in pair.links}
    found = {(i, j) for link in final.links for i in link.old for j in link.new}
    judged = {(c.old, c.new) for c in learned.candidates(old, new, pairs, scorer, before)}
    rows = []
    for i, j in sorted(truth - found):
        a, b = before.old_link[i], before.new_link[j]
        by_clauses = pair_class(
            side_state(a, a.old if a else ()), side_state(b, b.new if b else ())
        )
        if min(len(old[i].words), len(new[j].words)) < learned.MIN_WORDS:
            by_pass = "short"
        elif (i, j) in judged:
            by_pass = "candidate"
        else:
            by_pass = "filtered" if (i, j) in pairs else "not in index"
        rows.append((old[i].clause.id, new[j].clause.id, by_clauses, by_pass))
    return rows


def components(links: Iterable[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Return the links grouped by connected component (old and new clauses as nodes)."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges = sorted(links)
    for o, n in edges:
        parent[find(("o", o))] = find(("n", n))
    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for o, n in edges:
        groups[find(("o", o))].append((o, n))
    return list(groups.values())


def expressible(edges: Sequence[tuple[str, str]]) -> int:
    """Return the most links of `edges` that one-to-many and many-to-one links can hold.

    Each clause is in one link only, so the links kept form stars: every kept link has an end
    that no other kept link shares.

    >>> expressible([("1", "1"), ("1", "2"), ("2", "2")])  # a path: two of three
    2
    >>> expressible([("1", "1"), ("1", "2"), ("1", "3")])  # a split
    3
    """
    if len(edges) > MAX_EDGES:
        return len(edges)
    best = 0
    for mask in range(1 << len(edges)):
        kept = [e for k, e in enumerate(edges) if mask >> k & 1]
        if len(kept) <= best:
            continue
        olds, news = Counter(o for o, _ in kept), Counter(n for _, n in kept)
        if all(olds[o] == 1 or news[n] == 1 for o, n in kept):
            best = len(kept)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="List every miss.")
    parser.add_argument(
        "--dir",
        type=Path,
        default=GOLD,
        help="folder of labelled pairs (default bench/gold; never a held-out one)",
    )
    args = parser.parse_args(argv)
    if args.dir.resolve() in {f.resolve() for f in HELD_OUT_SETS.values()}:
        # Its misses are not listed: whoever tunes the aligner must not see them.
        parser.error("a held-out set's misses are not classed")
    classes: Counter[tuple[str, str]] = Counter()
    total = lost = 0
    # Components with several clauses on both sides: how many, their links, their old x new
    # pairs, and how many hold every such pair (a group, not a chain).
    groups = in_groups = group_pairs = complete = 0
    for path in gold_files(args.dir):
        pair = load_pair(path)
        for o, n, by_clauses, by_pass in classify(pair):
            classes[by_clauses, by_pass] += 1
            if args.list:
                print(f"{pair.name}: {o} -> {n}: {by_clauses}, {by_pass}")
        total += len(pair.links)
        lost += sum(len(c) - expressible(c) for c in components(pair.links))
        for c in components(pair.links):
            olds, news = len({o for o, _ in c}), len({n for _, n in c})
            if olds > 1 and news > 1:
                groups += 1
                in_groups += len(c)
                group_pairs += olds * news
                complete += len(c) == olds * news
    print("| misses | clauses | learned pass |")
    print("| ---: | --- | --- |")
    for (by_clauses, by_pass), count in sorted(classes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"| {count} | {by_clauses} | {by_pass} |")
    print(f"| **{sum(classes.values())}** | all | |")
    print(
        f"\nGold links no set of one-to-many and many-to-one links can hold: {lost} of {total}; "
        f"recall at most {(total - lost) / total:.3f}."
    )
    print(
        f"Components of the gold links with several clauses on both sides: {groups}, "
        f"{in_groups} links of {group_pairs} old x new pairs; {complete} of them hold every"
        " such pair."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
