"""Rounds for the learned pass: judge the candidates again once its links are made (experiment).

    .venv/bin/python bench/learned_rounds.py [--rounds N] [--held-out] [--gold-only]
    .venv/bin/python bench/learned_rounds.py --moves

planlens's learned last pass (`planlens.compare.learned`) computes the features of the
candidate pairs once, from the links the rules made, and links those the model accepts. Some
features read the links around a pair (`parents_linked`, `in_order`, `rank`, `margin`,
`fresh`, `both_free`): once the pass has linked its pairs, the context of the pairs left has
changed. Rounds: recompute the features of the candidates left from the new links and judge them
again, until a round links nothing (at most `--rounds`).

Judged as `bench/train_links.py --train-also bench/gold/redrafts --lopo-all` judges the pass:
leave-one-pair-out over the twelve real pairs of `bench/gold/` and the redrafts of
`bench/gold/redrafts/`, the model fitted on the other pairs' first-round candidates and its
threshold chosen on them alone (an inner leave-one-out); each held pair is then scored with one
round (planlens's pass: the figures of train_links.py), with rounds of the same model, and with
rounds whose later rounds use a second model ("refitted"), fitted on the other pairs'
first-round candidates and on those of their later rounds (each training pair taken through its
rounds with the first model and threshold of the fold). `--held-out` also scores the held-out
pairs with the models fitted on all development pairs (a one-time check, never for tuning).
`--moves` only tells, with planlens's own constants (`learned.probability`, `LINK_MIN`), how
the probabilities of the candidates left after the first round move once their features are
computed again, pair by pair, and what a second round links. `--gold-only`: the twelve real
pairs alone, fitted and scored as `train_links.py` without options does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from gold_pairs import GOLD, GoldPair, gold_files, load_pair
from link_fit import Predict, fit
from real_pairs import HELD_OUT_SETS, REDRAFTS, Counts, fmt, strip_pins
from train_links import PairData, choose_threshold, fit_on, out_of_fold

from planlens.compare import learned
from planlens.compare.align import aligned_state
from planlens.compare.matching import Scorer
from planlens.compare.units import LinkState, Vocabulary, flatten, nfc_plan


@dataclass
class Prepared:
    """A labelled pair aligned without pins and without the learned pass, with what the pass
    needs to judge its candidates again."""

    data: PairData
    scorer: Scorer
    pairs: dict[tuple[int, int], float]


@dataclass
class Outcome:
    """What rounds gave on one pair: the counts, and the links added round by round (right,
    wrong), the first round first."""

    counts: Counts
    added: list[tuple[int, int]]


def prepare(pair: GoldPair) -> Prepared:
    """Align a pair without pins and without the learned pass (as train_links.prepare does)."""
    old_plan, new_plan = nfc_plan(strip_pins(pair.old)), nfc_plan(strip_pins(pair.new))
    vocabulary = Vocabulary()
    old, new = flatten(old_plan, vocabulary), flatten(new_plan, vocabulary)
    state, scorer, pairs = aligned_state(old, new, {}, learn=False)
    oid = {u.clause.id: u.index for u in old}
    nid = {u.clause.id: u.index for u in new}
    truth = frozenset((oid[o], nid[n]) for o, n in pair.links)
    base = {(i, j) for link in state.links for i in link.old for j in link.new}
    rows = learned.candidates(old, new, pairs, scorer, state)
    labels = [int((c.old, c.new) in truth) for c in rows]
    data = PairData(pair.name, base, truth, rows, labels, state, old, new)
    return Prepared(data, scorer, pairs)


def decide(
    p: Prepared,
    state: LinkState,
    rows: Sequence[learned.Candidate],
    predict: Predict,
    threshold: float,
) -> tuple[int, int]:
    """Link the rows `predict` accepts, likeliest first, while they can be; return how many
    were right and wrong."""
    d = p.data
    probs = [predict(c.features) for c in rows]
    order = sorted(
        range(len(rows)),
        key=lambda k: (
            -probs[k],
            *learned.tie_key(d.old, d.new, rows[k].old, rows[k].new),
            rows[k].old,
            rows[k].new,
        ),
    )
    right = wrong = 0
    for k in order:
        if probs[k] < threshold:
            break
        c = rows[k]
        if learned.addable(state, c.old, c.new):
            learned.add_pair(state, c.old, c.new, probs[k])
            if (c.old, c.new) in d.truth:
                right += 1
            else:
                wrong += 1
    return right, wrong


def rounds(
    p: Prepared,
    first: Predict,
    later: Predict,
    threshold: float,
    most: int,
    collect: list[tuple[learned.Candidate, int]] | None = None,
) -> Outcome:
    """Run up to `most` rounds of the pass on a pair: the first with `first`, the others with
    `later`, each on the candidates recomputed from the links as they stand; stop after a round
    that links nothing. `collect` receives the later rounds' candidates with their labels."""
    d = p.data
    state = LinkState(len(d.old), len(d.new))
    for link in d.state.links:
        state.add(link)
    added = []
    for r in range(most):
        rows = d.rows if r == 0 else learned.candidates(d.old, d.new, p.pairs, p.scorer, state)
        if r and collect is not None:
            collect.extend((c, int((c.old, c.new) in d.truth)) for c in rows)
        right, wrong = decide(p, state, rows, first if r == 0 else later, threshold)
        added.append((right, wrong))
        if not right + wrong:
            break
    reported = {(i, j) for link in state.links for i in link.old for j in link.new}
    counts = Counts(len(reported & d.truth), len(reported - d.truth), len(d.truth - reported))
    return Outcome(counts, added)


def refitted(rest: Sequence[Prepared], first: Predict, threshold: float, most: int) -> Predict:
    """Return a model fitted on `rest`'s first-round candidates and on those of their later
    rounds, each pair taken through its rounds with `first` at `threshold`."""
    extra: list[tuple[learned.Candidate, int]] = []
    for p in rest:
        rounds(p, first, first, threshold, most, extra)
    rows = [c.features for p in rest for c in p.data.rows] + [c.features for c, _ in extra]
    labels = [y for p in rest for y in p.data.labels] + [y for _, y in extra]
    return fit(rows, labels)


def moves(everything: Sequence[Prepared], step: float = 0.02) -> None:
    """Print how the candidates left after planlens's one round move in a second."""
    print(
        "| pair | round 1 linked | candidates left | true | up / down by > 0.02 (true up) "
        "| round 2 linked |"
    )
    print("| --- | ---: | ---: | ---: | --- | ---: |")
    total = [0] * 7
    for p in everything:
        d = p.data
        state = LinkState(len(d.old), len(d.new))
        for link in d.state.links:
            state.add(link)
        before = {(c.old, c.new): learned.probability(c.features) for c in d.rows}
        first = learned.decided_links(d.old, d.new, d.rows, state)
        left = learned.candidates(d.old, d.new, p.pairs, p.scorer, state)
        up = down = true_up = 0
        for c in left:
            change = learned.probability(c.features) - before[c.old, c.new]
            up += change > step
            down += change < -step
            true_up += change > step and (c.old, c.new) in d.truth
        true = sum((c.old, c.new) in d.truth for c in left)
        second = learned.decided_links(d.old, d.new, left, state)
        figures = (first, len(left), true, up, down, true_up, second)
        total = [t + f for t, f in zip(total, figures, strict=True)]
        print(
            f"| {d.name} | {first} | {len(left)} | {true} | {up} / {down} ({true_up}) | {second} |"
        )
    print(
        f"| **all** | {total[0]} | {total[1]} | {total[2]} | {total[3]} / {total[4]} ({total[5]}) "
        f"| {total[6]} |"
    )


def describe(added: Sequence[tuple[int, int]]) -> str:
    return ", ".join(f"{r}/{w}" for r, w in added) or "-"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=4, help="At most this many rounds.")
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="Also score the held-out pairs (a one-time check, never for tuning).",
    )
    parser.add_argument(
        "--moves",
        action="store_true",
        help="Only show how planlens's own model judges the candidates in a second round.",
    )
    parser.add_argument(
        "--gold-only",
        action="store_true",
        help="Fit and score on the twelve real pairs alone, without the redrafts.",
    )
    args = parser.parse_args(argv)
    sets = [(GOLD.name, path) for path in gold_files(GOLD)]
    if not args.gold_only:
        sets += [(REDRAFTS.name, path) for path in gold_files(REDRAFTS)]
    everything = [prepare(load_pair(path)) for _, path in sets]
    if args.moves:
        moves(everything)
        return 0
    data = [p.data for p in everything]
    print(
        "| pair | links | one round (train_links) | rounds | rounds, refitted | threshold "
        "| added per round (rounds; refitted), right/wrong |"
    )
    print("| --- | ---: | --- | --- | --- | ---: | --- |")
    kinds = ("one", "rounds", "refit")
    totals = {kind: Counts() for kind in kinds}
    by_set: dict[str, dict[str, Counts]] = {}
    per_round: dict[str, dict[int, list[int]]] = {kind: {} for kind in kinds}
    for k, p in enumerate(everything):
        rest = [e for m, e in enumerate(everything) if m != k]
        rest_data = [e.data for e in rest]
        predict = fit_on(rest_data, "lr")
        threshold = choose_threshold(rest_data, out_of_fold(rest_data, "lr"))
        later = refitted(rest, predict, threshold, args.rounds)
        outcomes = {
            "one": rounds(p, predict, predict, threshold, 1),
            "rounds": rounds(p, predict, predict, threshold, args.rounds),
            "refit": rounds(p, predict, later, threshold, args.rounds),
        }
        in_set = by_set.setdefault(sets[k][0], {kind: Counts() for kind in kinds})
        for kind, outcome in outcomes.items():
            totals[kind] += outcome.counts
            in_set[kind] += outcome.counts
            for r, (right, wrong) in enumerate(outcome.added):
                tally = per_round[kind].setdefault(r + 1, [0, 0])
                tally[0] += right
                tally[1] += wrong
        print(
            f"| {p.data.name} | {len(p.data.truth)} | "
            + " | ".join(fmt(outcomes[kind].counts) for kind in kinds)
            + f" | {threshold:.2f} | {describe(outcomes['rounds'].added)}; "
            f"{describe(outcomes['refit'].added)} |",
            flush=True,
        )
    links = sum(len(d.truth) for d in data)
    print(
        f"| **pooled** | {links} | "
        + " | ".join(f"**{fmt(totals[kind])}**" for kind in kinds)
        + " | | |"
    )
    for name, counts in by_set.items():
        print(f"| pooled, {name} | | " + " | ".join(fmt(counts[kind]) for kind in kinds) + " | | |")
    for kind in kinds[1:]:
        print(
            f"Links added by round ({kind}), leave-one-pair-out (right / wrong): "
            + "; ".join(f"round {r}: {t[0]} / {t[1]}" for r, t in sorted(per_round[kind].items()))
            + "."
        )
    if args.held_out:
        predict = fit_on(data, "lr")
        threshold = choose_threshold(data, out_of_fold(data, "lr"))
        later = refitted(everything, predict, threshold, args.rounds)
        pooled = {kind: Counts() for kind in kinds}
        for name, folder in HELD_OUT_SETS.items():
            in_held = {kind: Counts() for kind in kinds}
            for path in gold_files(folder):
                p = prepare(load_pair(path))
                in_held["one"] += rounds(p, predict, predict, threshold, 1).counts
                in_held["rounds"] += rounds(p, predict, predict, threshold, args.rounds).counts
                in_held["refit"] += rounds(p, predict, later, threshold, args.rounds).counts
            for kind in kinds:
                pooled[kind] += in_held[kind]
            print(f"- held out, {name}: " + "; ".join(f"{k} {fmt(in_held[k])}" for k in kinds))
        print(
            f"Held-out pairs, pooled, threshold {threshold:.2f}: "
            + "; ".join(f"{k} {fmt(pooled[k])}" for k in kinds)
            + "."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
