"""A learned decision for the links the aligner's rules leave, scored leave-one-pair-out.

    .venv/bin/python bench/train_links.py [--model lr|tree] [--write] [--write-results]
        [--many off|free|join] [--exact] [--count all|edges] [--held-out]
        [--train-also DIR ...] [--lopo-all]

For every labelled pair of `bench/gold/` (never `held-out/`), planlens aligns the two plans
without pins and without its last pass, the learned decision; each pair the rules left that
could still be linked (`planlens.compare.learned.candidates`: both clauses free, or one free
and the other the only clause on its side of its link, so an extra part of a split or merge,
wherever it stands) is a row, with the features of `learned` and the
gold label. The model is a logistic regression (standardised features, L2 penalty, Newton's
method from zero) or a depth-2 classification tree, both fitted in pure Python and
deterministic; `--write` puts the regression fitted on all twelve pairs into `learned.py`.

Leave-one-pair-out: for each pair, the model is fitted on the other eleven, and its threshold is
chosen on those eleven alone, from scores each got from a model fitted without it (an inner
leave-one-out): the best pooled F1 among thresholds whose pooled precision (the rules' links
plus the added ones) stays at or above 0.97 (or at the rules' own precision, if that is lower).
The held pair is then scored with that model and threshold, its candidates added likeliest
first while they can still be (a new link, or one more part of a link). Pooled over the twelve
held pairs, beside the rules alone; with pins too (the peace plans carry analyst pins: the same
model and threshold, the pair aligned with its pins first). How well the scores rank the
candidates is shown too: out-of-fold, how many of the k likeliest are true links; and the most
the pass could give, were it never wrong: every true candidate added (as far as each can still
be), and every gold link the rules miss, whether proposed or not.

`--many`, `--exact`, `--count`: an experiment with links planlens does not make (issue 10;
`link_shapes.py`). `--held-out` also scores the held-out pairs, pooled and set by set, with the
model and threshold fitted on all twelve. `--train-also DIR` (repeatable) adds the labelled pairs
of DIR to every fit and every choice of threshold (the inner leave-one-out included), the twelve
still the only pairs scored, and leaves DIR out of `--held-out`; `--lopo-all` scores every pair,
the extra ones too, pooled over all and set by set. `--write` then fits on them all as well.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import link_shapes
from gold_pairs import GOLD, OUR_PLANS, GoldPair, gold_files, load_pair
from link_fit import FITS as FITS
from link_fit import Model, Predict
from link_fit import fit as fit
from link_shapes import Shape
from real_pairs import HELD_OUT_SETS, Counts, fmt, has_pins, our_plans, strip_pins
from results import write_report

from planlens.compare import learned
from planlens.compare.align import aligned_state
from planlens.compare.pins import Pins, find_pins
from planlens.compare.units import LinkState, Unit, Vocabulary, flatten, nfc_plan

PRECISION_FLOOR = 0.97
THRESHOLDS = (*(round(0.05 * k, 2) for k in range(2, 19)), 0.92, 0.94, 0.96, 0.98, 0.99)
LEARNED = Path(__file__).resolve().parents[1] / "planlens" / "compare" / "learned.py"
BEGIN = "# The constants below are written by bench/train_links.py --write."
END = "# End of the written constants."
SECTION = "## A learned link decision, leave-one-pair-out"
TOP = (5, 10, 20, 40)


@dataclass
class PairData:
    name: str
    base: set[tuple[int, int]]
    truth: frozenset[tuple[int, int]]
    rows: list[learned.Candidate]
    labels: list[int]
    state: LinkState
    old: list[Unit]
    new: list[Unit]
    shape: Shape = field(default_factory=Shape)


def prepare(pair: GoldPair, pinned: bool = False, shape: Shape | None = None) -> PairData:
    """Align a pair without the learned pass, without pins (or with them, as real_pairs does)."""
    if pinned:
        old_plan, new_plan = nfc_plan(pair.old), nfc_plan(pair.new)
    else:
        old_plan, new_plan = nfc_plan(strip_pins(pair.old)), nfc_plan(strip_pins(pair.new))
    vocabulary = Vocabulary()
    old, new = flatten(old_plan, vocabulary), flatten(new_plan, vocabulary)
    pins: Pins = {}
    if pinned:
        ours = pair.old.path and OUR_PLANS in Path(pair.old.path).parents
        corpus = our_plans() if ours else ()
        pins = find_pins(old_plan, new_plan, old, new, corpus)
    state, scorer, pairs = aligned_state(old, new, pins, learn=False)
    oid = {u.clause.id: u.index for u in old}
    nid = {u.clause.id: u.index for u in new}
    truth = frozenset((oid[o], nid[n]) for o, n in pair.links)
    base = {(i, j) for link in state.links for i in link.old for j in link.new}
    shape = shape or Shape()
    rows = learned.candidates(old, new, pairs, scorer, state, can_add=shape.addable)
    labels = [int((c.old, c.new) in truth) for c in rows]
    return PairData(pair.name, base, truth, rows, labels, state, old, new, shape)


def fit_on(data: Sequence[PairData], model: str) -> Predict:
    rows = [c.features for d in data for c in d.rows]
    labels = [y for d in data for y in d.labels]
    return FITS[model](rows, labels)


def apply(d: PairData, probs: Sequence[float], threshold: float) -> Counts:
    """Add the accepted candidates likeliest first while they can still be added; count."""
    return added(d, probs, threshold)[0]


def added(
    d: PairData, probs: Sequence[float], threshold: float
) -> tuple[Counts, list[learned.Candidate]]:
    """Return the counts after adding, and the candidates added."""
    state = LinkState(len(d.old), len(d.new))
    for link in d.state.links:
        state.add(link)
    order = sorted(
        range(len(d.rows)),
        key=lambda k: (-probs[k], *learned.tie_key(d.old, d.new, d.rows[k].old, d.rows[k].new)),
    )
    reported = set(d.base)
    taken = []
    for k in order:
        if probs[k] < threshold:
            break
        c = d.rows[k]
        if d.shape.addable(state, c.old, c.new):
            d.shape.add_pair(state, c.old, c.new, probs[k])
            reported.add((c.old, c.new))
            taken.append(c)
    if d.shape.count == "all":
        reported = {(i, j) for link in state.links for i in link.old for j in link.new}
    right, wrong = len(reported & d.truth), len(reported - d.truth)
    return Counts(right, wrong, len(d.truth - reported)), taken


def choose_threshold(data: Sequence[PairData], probs: Sequence[Sequence[float]]) -> float:
    """Return the threshold of best pooled F1 whose pooled precision stays at the floor.

    The floor is `PRECISION_FLOOR`, or the rules' own precision on these pairs if lower: the
    added links must not bring it down further. Ties go to the higher threshold.
    """
    rules = Counts()
    for d, p in zip(data, probs, strict=True):
        rules += apply(d, p, math.inf)
    floor = min(PRECISION_FLOOR, rules.precision)
    best: tuple[bool, float, float] | None = None
    chosen = math.inf
    for t in (*THRESHOLDS, math.inf):
        total = Counts()
        for d, p in zip(data, probs, strict=True):
            total += apply(d, p, t)
        key = (total.precision >= floor, total.f1, t)
        if best is None or key > best:
            best, chosen = key, t
    return chosen


def out_of_fold(data: Sequence[PairData], model: str) -> list[list[float]]:
    """Return each pair's scores from a model fitted on the others."""
    out = []
    for k, d in enumerate(data):
        predict = fit_on([e for m, e in enumerate(data) if m != k], model)
        out.append([predict(c.features) for c in d.rows])
    return out


def ranking(data: Sequence[PairData], probs: Sequence[Sequence[float]]) -> list[str]:
    """Return how well out-of-fold scores rank the candidates: true links among the top k."""
    scored = sorted(
        (
            (-p, d.name, c.old, c.new, y)
            for d, ps in zip(data, probs, strict=True)
            for c, y, p in zip(d.rows, d.labels, ps, strict=True)
        ),
    )
    tops = ", ".join(f"top {k}: {sum(t[4] for t in scored[:k])}" for k in TOP)
    pos = [-t[0] for t in scored if t[4]]
    neg = [-t[0] for t in scored if not t[4]]
    auc = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / max(1, len(pos) * len(neg))
    return [f"Out-of-fold ranking of all candidates: true links in the {tops}; AUC {auc:.3f}."]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=sorted(FITS), default="lr")
    parser.add_argument(
        "--write-results", action="store_true", help="Rewrite the section in bench/RESULTS.md."
    )
    parser.add_argument(
        "--write",
        action="store_true",
        help="Rewrite the model's constants in planlens/compare/learned.py (logistic regression).",
    )
    parser.add_argument(
        "--train-also",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="Add the labelled pairs of DIR to every fit and every choice of threshold "
        "(repeatable); they are scored only with --lopo-all.",
    )
    parser.add_argument(
        "--lopo-all",
        action="store_true",
        help="Score leave-one-pair-out over every pair, those of --train-also too.",
    )
    link_shapes.add_arguments(parser)
    args = parser.parse_args(argv)
    shape = link_shapes.Shape(args.many, args.exact, args.count)
    if shape != link_shapes.Shape() and (args.write or args.write_results):
        parser.error("an experiment (--many, --exact, --count) writes nothing")
    pairs = [load_pair(path) for path in gold_files(GOLD)]
    main_twelve = len(pairs)
    sets = [GOLD.name] * main_twelve
    for folder in args.train_also:
        found = [load_pair(path) for path in gold_files(folder)]
        if not found or folder.resolve() == GOLD.resolve():
            parser.error(f"--train-also {folder}: no labelled pairs there, or the main ones")
        pairs += found
        sets += [folder.name] * len(found)
    everything = [prepare(pair, shape=shape) for pair in pairs]
    data = everything if args.lopo_all else everything[:main_twelve]
    rows = [
        (link_shapes.kind(d.state, c), y)
        for d in data
        for c, y in zip(d.rows, d.labels, strict=True)
    ]
    groups = {name: [(c, y) for c, y in rows if c == name] for name in link_shapes.KINDS}
    groups = {name: g for name, g in groups.items() if g}
    taken: dict[str, list[int]] = {}
    lines = [
        f"Model: {args.model}{shape.describe()}. Candidates: "
        + "; ".join(
            f"{name} {len(g)} ({sum(y for _, y in g)} true links)" for name, g in groups.items()
        )
        + f"; the gold links the rules miss: {sum(len(d.truth - d.base) for d in data)}.",
        "",
        "| pair | links | rules P / R / F1 | rules + learned, LOPO P / R / F1 | threshold "
        "| with pins: rules -> + learned, LOPO |",
        "| --- | ---: | --- | --- | ---: | --- |",
    ]
    before, after, pinned_before, pinned_after = Counts(), Counts(), Counts(), Counts()
    by_set: dict[str, tuple[Counts, Counts]] = {}
    for k, d in enumerate(data):
        rest = [e for m, e in enumerate(everything) if m != k]
        predict = fit_on(rest, args.model)
        threshold = choose_threshold(rest, out_of_fold(rest, args.model))
        probs = [predict(c.features) for c in d.rows]
        rules = apply(d, probs, math.inf)
        held, added_rows = added(d, probs, threshold)
        for c in added_rows:
            taken.setdefault(link_shapes.kind(d.state, c), [0, 0])[
                (c.old, c.new) not in d.truth
            ] += 1
        before += rules
        after += held
        set_rules, set_held = by_set.setdefault(sets[k], (Counts(), Counts()))
        set_rules += rules
        set_held += held
        # With pins (only the peace plans carry them), the same model and threshold.
        pair = pairs[k]
        with_pins = "(no pins)"
        if has_pins(pair.old) or has_pins(pair.new):
            p = prepare(pair, pinned=True, shape=shape)
            pinned_probs = [predict(c.features) for c in p.rows]
            rules_p, held_p = apply(p, pinned_probs, math.inf), apply(p, pinned_probs, threshold)
            with_pins = f"{fmt(rules_p)} -> {fmt(held_p)}"
        else:
            rules_p, held_p = rules, held
        pinned_before += rules_p
        pinned_after += held_p
        lines.append(
            f"| {d.name} | {len(d.truth)} | {fmt(rules)} | {fmt(held)} | {threshold:.2f} "
            f"| {with_pins} |"
        )
        print(lines[-1], flush=True)
    links = sum(len(d.truth) for d in data)
    lines.append(
        f"| **pooled** | {links} | **{fmt(before)}** | **{fmt(after)}** | "
        f"| {fmt(pinned_before)} -> {fmt(pinned_after)} |"
    )
    if len(by_set) > 1:
        size = {name: 0 for name in by_set}
        for d, name in zip(data, sets[: len(data)], strict=True):
            size[name] += len(d.truth)
        lines += [
            f"| pooled, {name} | {size[name]} | {fmt(rules)} | {fmt(held)} | | |"
            for name, (rules, held) in by_set.items()
        ]
    lines += [
        "",
        "Candidates added, leave-one-pair-out (right / wrong): "
        + ("; ".join(f"{name} {r} / {w}" for name, (r, w) in sorted(taken.items())) or "none")
        + ".",
        "A perfect decision on these candidates (every true one added, no false one), P / R / F1: "
        + fmt(perfect(data))
        + "; on every gold link the rules miss, proposed or not, as far as the shape allows: "
        + fmt(perfect(data, every=True))
        + ".",
        *ranking(data, out_of_fold(everything, args.model)[: len(data)]),
    ]
    threshold = choose_threshold(everything, out_of_fold(everything, args.model))
    trained = {folder.resolve() for folder in args.train_also}
    also: list[str] = []
    if args.held_out:
        also = held_out(fit_on(everything, args.model), threshold, shape, trained)
    if args.model == "lr":
        model = fit(
            [c.features for d in everything for c in d.rows],
            [y for d in everything for y in d.labels],
        )
        weights = ", ".join(
            f"{name} {w:+.2f}" for name, w in zip(learned.FEATURES, model.weights, strict=True)
        )
        lines.append(
            f"Fitted on all {fitted_on(args.train_also, len(everything))} (standardised"
            f" features): {weights}; bias "
            f"{model.bias:+.2f}; threshold {threshold:.2f} (chosen on their leave-one-out scores)."
        )
        if args.write:
            write_constants(model, threshold)
            print(f"wrote the constants of {LEARNED}")
    lines += also
    print("\n".join(lines))
    if args.write_results:
        write_report("bench/train_links.py", argv, __doc__, lines, SECTION)
    return 0


def perfect(data: Sequence[PairData], every: bool = False) -> Counts:
    """Return the pooled counts if every true candidate were added and no false one: the most
    the learned pass could give with these candidates and this shape of link.

    With `every`, every gold link the rules miss is a candidate (in the order of their ids),
    as if the index proposed them all and no filter dropped one: the most this shape can hold.
    """
    total = Counts()
    for d in data:
        if every:
            rows = [learned.Candidate(i, j, ()) for i, j in sorted(d.truth - d.base)]
            d = dataclasses.replace(d, rows=rows, labels=[1] * len(rows))
        total += apply(d, [float(y) for y in d.labels], 0.5)
    return total


def fitted_on(extra: Sequence[Path], pairs: int) -> str:
    """Name the pairs a model was fitted on: 'twelve pairs', or how many and where they are."""
    if not extra:
        return "twelve pairs"
    return f"{pairs} pairs ({', '.join(['bench/gold/', *(str(f) for f in extra)])})"


def held_out(
    model: Predict, threshold: float, shape: Shape, trained: set[Path] | None = None
) -> list[str]:
    """Return the figures of the held-out pairs with this model (never tuned on them): pooled,
    then set by set. A set in `trained` (`--train-also`) was fitted on, so it is left out."""
    by_set: dict[str, tuple[Counts, Counts, Counts]] = {}
    for name, folder in HELD_OUT_SETS.items():
        if folder.resolve() in (trained or set()):
            continue
        for path in gold_files(folder):
            pair = load_pair(path)
            d = prepare(pair, shape=shape)
            probs = [model(c.features) for c in d.rows]
            bare_rules, bare, pinned = by_set.setdefault(name, (Counts(), Counts(), Counts()))
            bare_rules += apply(d, probs, math.inf)
            bare += apply(d, probs, threshold)
            if has_pins(pair.old) or has_pins(pair.new):
                d = prepare(pair, pinned=True, shape=shape)
                probs = [model(c.features) for c in d.rows]
            pinned += apply(d, probs, threshold)
    pooled = [Counts(), Counts(), Counts()]
    for figures in by_set.values():
        for total, part in zip(pooled, figures, strict=True):
            total += part
    left_out = [name for name in HELD_OUT_SETS if name not in by_set]
    lines = [
        f"Held-out pairs{' (not the ' + ', '.join(left_out) + ', fitted on)' if left_out else ''}"
        f", pooled, P / R / F1: rules {fmt(pooled[0])}; + learned {fmt(pooled[1])};"
        f" with pins {fmt(pooled[2])}."
    ]
    lines += [
        f"- {name}: rules {fmt(rules)}; + learned {fmt(bare)}; with pins {fmt(pinned)}."
        for name, (rules, bare, pinned) in by_set.items()
    ]
    return lines


def write_constants(model: Model, threshold: float) -> None:
    """Rewrite the block of constants in learned.py that this script owns."""

    def floats(values: Sequence[float]) -> str:
        return "(\n" + "".join(f"    {v:.6f},\n" for v in values) + ")"

    block = "\n".join(
        [
            BEGIN,
            "#: The logistic regression's weights, on features standardised by `MEANS` and"
            " `SCALES`.",
            f"WEIGHTS: tuple[float, ...] = {floats(model.weights)}",
            f"MEANS: tuple[float, ...] = {floats(model.means)}",
            f"SCALES: tuple[float, ...] = {floats(model.scales)}",
            f"BIAS = {model.bias:.6f}",
            "#: A pair is linked when its probability reaches this.",
            f"LINK_MIN = {threshold if math.isfinite(threshold) else 2.0:.2f}",
            END,
        ]
    )
    text = LEARNED.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    LEARNED.write_text(text[:start] + block + text[end:], encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
