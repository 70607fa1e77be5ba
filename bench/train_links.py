"""A learned decision for the links the aligner's rules leave, scored leave-one-pair-out.

    .venv/bin/python bench/train_links.py [--model lr|tree] [--write] [--write-results]
        [--many off|free|join] [--exact] [--count all|edges] [--held-out]

For every labelled pair of `bench/gold/` (never `held-out/`), planlens aligns the two plans
without pins and without its last pass, the learned decision; each pair the rules left that
could still be linked (`planlens.compare.learned.candidates`: both clauses free, or one free
and the other the only clause on its side of its link, so an extra part of a split or merge,
standing next to the part already linked) is a row, with the features of `learned` and the
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
`link_shapes.py`). `--held-out` also scores the held-out pairs, pooled only, with the model and
threshold fitted on all twelve.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import link_shapes
from gold_pairs import GOLD, OUR_PLANS, GoldPair, gold_files, load_pair
from link_shapes import Shape
from real_pairs import HELD_OUT_SETS, Counts, fmt, has_pins, our_plans, strip_pins
from results import command_line, write_section

from planlens.compare import learned
from planlens.compare.align import aligned_state
from planlens.compare.pins import Pins, find_pins
from planlens.compare.units import LinkState, Unit, Vocabulary, flatten, nfc_plan

PRECISION_FLOOR = 0.97
L2 = 1.0
STEPS = 12
THRESHOLDS = (*(round(0.05 * k, 2) for k in range(2, 19)), 0.92, 0.94, 0.96, 0.98, 0.99)
LEARNED = Path(__file__).resolve().parents[1] / "planlens" / "compare" / "learned.py"
BEGIN = "# The constants below are written by bench/train_links.py --write."
END = "# End of the written constants."
SECTION = "## A learned link decision, leave-one-pair-out"
TREE_DEPTH = 2
TREE_MIN_LEAF = 5
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


def standardise(rows: Sequence[Sequence[float]]) -> tuple[list[float], list[float]]:
    n = len(rows)
    means = [math.fsum(r[k] for r in rows) / n for k in range(len(rows[0]))]
    scales = []
    for k, m in enumerate(means):
        var = math.fsum((r[k] - m) ** 2 for r in rows) / n
        scales.append(math.sqrt(var) if var > 1e-12 else 1.0)
    return means, scales


Predict = Callable[[Sequence[float]], float]


@dataclass(frozen=True)
class Model:
    """A fitted logistic regression on standardised features."""

    weights: tuple[float, ...]
    bias: float
    means: tuple[float, ...]
    scales: tuple[float, ...]

    def __call__(self, x: Sequence[float]) -> float:
        z = self.bias + math.fsum(
            w * (v - m) / s
            for w, v, m, s in zip(self.weights, x, self.means, self.scales, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0


def fit(rows: Sequence[Sequence[float]], labels: Sequence[int]) -> Model:
    """Logistic regression with an L2 penalty, by Newton's method from zero (deterministic)."""
    means, scales = standardise(rows)
    xs = [[1.0, *((v - m) / s for v, m, s in zip(r, means, scales, strict=True))] for r in rows]
    d = len(xs[0])
    w = [0.0] * d
    for _ in range(STEPS):
        grad = [L2 * w[k] if k else 0.0 for k in range(d)]
        hess = [[(L2 if k == m and k else 0.0) for m in range(d)] for k in range(d)]
        for x, y in zip(xs, labels, strict=True):
            z = math.fsum(wk * xk for wk, xk in zip(w, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0
            e, h = p - y, p * (1.0 - p)
            for k in range(d):
                xk = x[k]
                grad[k] += e * xk
                row = hess[k]
                hx = h * xk
                for m in range(k + 1):
                    row[m] += hx * x[m]
        for k in range(d):
            for m in range(k):
                hess[m][k] = hess[k][m]
        step = solve(hess, grad)
        w = [wk - sk for wk, sk in zip(w, step, strict=True)]
    return Model(tuple(w[1:]), w[0], tuple(means), tuple(scales))


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a x = b by Gaussian elimination with partial pivoting.

    >>> solve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0])
    [0.8, 1.4]
    """
    n = len(b)
    m = [[*row, rhs] for row, rhs in zip(a, b, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: (abs(m[r][col]), -r))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - math.fsum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return [round(v, 12) for v in x]


Tree = float | tuple[int, float, "Tree", "Tree"]


def fit_tree(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    depth: int = TREE_DEPTH,
    min_leaf: int = TREE_MIN_LEAF,
) -> Predict:
    """A classification tree (Gini splits); a leaf predicts its smoothed share of true links."""

    def build(ids: list[int], left: int) -> Tree:
        pos = sum(labels[k] for k in ids)
        rate = (pos + 0.5) / (len(ids) + 1.0)
        if not left or pos in (0, len(ids)):
            return rate
        best: tuple[tuple[float, int, float], float] | None = None
        n = len(ids)
        for f in range(len(rows[0])):
            order = sorted(ids, key=lambda k: (rows[k][f], k))
            below = 0
            for m in range(1, n):
                below += labels[order[m - 1]]
                low, high = rows[order[m - 1]][f], rows[order[m]][f]
                if low == high or m < min_leaf or n - m < min_leaf:
                    continue
                lp, rp = below / m, (pos - below) / (n - m)
                key = (m * lp * (1 - lp) + (n - m) * rp * (1 - rp), f, low)
                if best is None or key < best[0]:
                    best = (key, (low + high) / 2)
        if best is None:
            return rate
        f, cut = best[0][1], best[1]
        return (
            f,
            cut,
            build([k for k in ids if rows[k][f] <= cut], left - 1),
            build([k for k in ids if rows[k][f] > cut], left - 1),
        )

    root = build(list(range(len(rows))), depth)

    def predict(x: Sequence[float]) -> float:
        node = root
        while isinstance(node, tuple):
            f, cut, low, high = node
            node = low if x[f] <= cut else high
        return node

    return predict


FITS: dict[str, Callable[[Sequence[Sequence[float]], Sequence[int]], Predict]] = {
    "lr": fit,
    "tree": fit_tree,
}


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
    link_shapes.add_arguments(parser)
    args = parser.parse_args(argv)
    shape = link_shapes.Shape(args.many, args.exact, args.count)
    if shape != link_shapes.Shape() and (args.write or args.write_results):
        parser.error("an experiment (--many, --exact, --count) writes nothing")
    pairs = [load_pair(path) for path in gold_files(GOLD)]
    data = [prepare(pair, shape=shape) for pair in pairs]
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
    for k, d in enumerate(data):
        rest = [e for m, e in enumerate(data) if m != k]
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
        *ranking(data, out_of_fold(data, args.model)),
    ]
    threshold = choose_threshold(data, out_of_fold(data, args.model))
    also = [held_out(fit_on(data, args.model), threshold, shape)] if args.held_out else []
    if args.model == "lr":
        model = fit([c.features for d in data for c in d.rows], [y for d in data for y in d.labels])
        weights = ", ".join(
            f"{name} {w:+.2f}" for name, w in zip(learned.FEATURES, model.weights, strict=True)
        )
        lines.append(
            f"Fitted on all twelve pairs (standardised features): {weights}; bias "
            f"{model.bias:+.2f}; threshold {threshold:.2f} (chosen on their leave-one-out scores)."
        )
        if args.write:
            write_constants(model, threshold)
            print(f"wrote the constants of {LEARNED}")
    lines += also
    print("\n".join(lines))
    if args.write_results:
        command = command_line(
            "bench/train_links.py", list(argv if argv is not None else sys.argv[1:])
        )
        about = __doc__.split("\n\n", 2)[2].strip()
        write_section("\n".join([SECTION, "", f"`{command}`", "", about, "", *lines]), SECTION)
        print(f"wrote the section {SECTION!r} of bench/RESULTS.md")
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


def held_out(model: Predict, threshold: float, shape: Shape) -> str:
    """Return the pooled figures of the held-out pairs with this model (never tuned on them)."""
    bare_rules, bare, pinned = Counts(), Counts(), Counts()
    for folder in HELD_OUT_SETS.values():
        for path in gold_files(folder):
            pair = load_pair(path)
            d = prepare(pair, shape=shape)
            probs = [model(c.features) for c in d.rows]
            bare_rules += apply(d, probs, math.inf)
            bare += apply(d, probs, threshold)
            if has_pins(pair.old) or has_pins(pair.new):
                d = prepare(pair, pinned=True, shape=shape)
                probs = [model(c.features) for c in d.rows]
            pinned += apply(d, probs, threshold)
    return (
        f"Held-out pairs, pooled, P / R / F1: rules {fmt(bare_rules)}; + learned {fmt(bare)};"
        f" with pins {fmt(pinned)}."
    )


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
