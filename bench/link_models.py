"""More expressive models for the learned link decision, judged as `bench/train_links.py` judges.

    .venv/bin/python bench/link_models.py --model NAME [--held-out] [train_links.py's options]

Adds these models to `train_links.py`'s `--model` and runs it (they are not in planlens: none
beat the regression; bench/RESULTS.md, "More expressive models for the learned pass"). All
fitted in pure Python, deterministically (fixed order of features and rows, ties broken by
feature index and cut), and small:

* `gbm`: gradient-boosted trees on the logistic loss (second-order leaf values with an L2
  penalty, shrinkage, a minimum number of rows per leaf); depth 1 (an additive model of steps in
  each feature, `gam`), 2 or 3;
* `lr_inter`: the logistic regression with a few pairwise products of features, chosen on the
  training pairs alone by Rao's score test against the main-effects fit (the `k` products that
  would most improve its likelihood);
* `lr_hinge`: the logistic regression with each many-valued feature also as hinges
  max(0, x - knot) at its training median or tertiles (a piecewise-linear effect);
* `gam`: boosted stumps, each feature's steps monotone in the direction of its correlation with
  the labels on the training rows;
* `lr_boost`: a few trees boosted from the regression's log-odds;
* `by_group`: one regression for the candidates with both clauses free, one for extra parts.
"""

from __future__ import annotations

import itertools
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import train_links

from planlens.compare.learned import FEATURES

#: A tree: a leaf's value (log-odds), or (feature, cut, at or below the cut, above it).
Tree = float | tuple[int, float, "Tree", "Tree"]
Predict = Callable[[Sequence[float]], float]
Fit = Callable[[Sequence[Sequence[float]], Sequence[int]], Predict]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -50.0 else 0.0


def leaf_value(tree: Tree, x: Sequence[float]) -> float:
    """Return the value of the leaf `x` falls in."""
    node = tree
    while isinstance(node, tuple):
        f, cut, low, high = node
        node = low if x[f] <= cut else high
    return node


@dataclass(frozen=True)
class Boosted:
    """A sum of trees on the log-odds, from a constant."""

    base: float
    trees: tuple[Tree, ...]

    def __call__(self, x: Sequence[float]) -> float:
        return _sigmoid(self.base + math.fsum(leaf_value(t, x) for t in self.trees))


@dataclass(frozen=True)
class Grower:
    """What one round of boosting grows a tree from: the rows, their gradients and options."""

    rows: Sequence[Sequence[float]]
    #: Each feature's rows in the order of its values (then of the rows).
    orders: Sequence[Sequence[int]]
    g: Sequence[float]
    h: Sequence[float]
    shrink: float
    l2: float
    min_leaf: int
    monotone: Sequence[int] | None

    def grow(self, member: list[bool], count: int, left: int) -> Tree:
        """Return the tree of the rows in `member` (`count` of them), `left` levels deep."""
        g, h, l2, rows, n = self.g, self.h, self.l2, self.rows, len(self.rows)
        gs = math.fsum(g[k] for k in range(n) if member[k])
        hs = math.fsum(h[k] for k in range(n) if member[k])
        value = -self.shrink * gs / (hs + l2)
        if not left or count < 2 * self.min_leaf:
            return value
        parent = gs * gs / (hs + l2)
        best: tuple[float, int, float] | None = None
        cut = 0.0
        for f, order in enumerate(self.orders):
            gl = hl = 0.0
            m = 0
            for a, b in itertools.pairwise([k for k in order if member[k]]):
                gl += g[a]
                hl += h[a]
                m += 1
                low, high = rows[a][f], rows[b][f]
                if low == high or m < self.min_leaf or count - m < self.min_leaf:
                    continue
                gr, hr = gs - gl, hs - hl
                if self.monotone is not None and self.monotone[f]:
                    rise = gl / (hl + l2) - gr / (hr + l2)  # the value above minus below
                    if rise * self.monotone[f] < 0.0:
                        continue
                gain = gl * gl / (hl + l2) + gr * gr / (hr + l2) - parent
                key = (-gain, f, low)
                if best is None or key < best:
                    best, cut = key, (low + high) / 2.0
        if best is None or -best[0] <= 1e-12:
            return value
        f = best[1]
        below = [member[k] and rows[k][f] <= cut for k in range(n)]
        above = [member[k] and rows[k][f] > cut for k in range(n)]
        return (
            f,
            cut,
            self.grow(below, sum(below), left - 1),
            self.grow(above, sum(above), left - 1),
        )


def _order(rows: Sequence[Sequence[float]], f: int) -> list[int]:
    """Return the rows' indices in the order of feature `f`'s values, then of the rows."""
    return sorted(range(len(rows)), key=lambda k: (rows[k][f], k))


def fit_gbm(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    *,
    rounds: int = 40,
    depth: int = 2,
    shrink: float = 0.1,
    l2: float = 1.0,
    min_leaf: int = 10,
    offset: Sequence[float] | None = None,
    monotone: Sequence[int] | None = None,
) -> Boosted:
    """Gradient boosting on the logistic loss (Newton leaf values), deterministic.

    From the log-odds of the share of true links (or from `offset`, a first model's log-odds).
    With `monotone` (for depth 1), a split on feature f must raise the value above the cut if
    monotone[f] is 1, lower it if -1 (0: either). Ties go to the lower feature, then cut.
    """
    n, width = len(rows), len(rows[0])
    pos = sum(labels)
    base = math.log((pos + 0.5) / (n - pos + 0.5))
    orders = [_order(rows, f) for f in range(width)]
    z = [base] * n if offset is None else list(offset)
    trees: list[Tree] = []
    for _ in range(rounds):
        p = [_sigmoid(v) for v in z]
        g = [pk - y for pk, y in zip(p, labels, strict=True)]
        h = [max(pk * (1.0 - pk), 1e-6) for pk in p]
        grower = Grower(rows, orders, g, h, shrink, l2, min_leaf, monotone)
        tree = grower.grow([True] * n, n, depth)
        trees.append(tree)
        z = [v + leaf_value(tree, r) for v, r in zip(z, rows, strict=True)]
    return Boosted(base, tuple(trees))


def directions(rows: Sequence[Sequence[float]], labels: Sequence[int]) -> list[int]:
    """Return the sign of each feature's correlation with the labels (0 if none)."""
    n = len(rows)
    mean_y = sum(labels) / n
    found = []
    for f in range(len(rows[0])):
        mean = math.fsum(r[f] for r in rows) / n
        cov = math.fsum((r[f] - mean) * (y - mean_y) for r, y in zip(rows, labels, strict=True))
        found.append(0 if abs(cov) < 1e-12 else (1 if cov > 0 else -1))
    return found


def gam(**options: float) -> Fit:
    """Return a fitter of boosted stumps, each feature's steps monotone in the direction of its
    correlation with the labels on the training rows."""

    def fit(rows: Sequence[Sequence[float]], labels: Sequence[int]) -> Predict:
        return fit_gbm(
            rows,
            labels,
            rounds=int(options.get("rounds", 50)),
            depth=1,
            shrink=float(options.get("shrink", 0.2)),
            l2=float(options.get("l2", 1.0)),
            min_leaf=int(options.get("min_leaf", 10)),
            monotone=directions(rows, labels),
        )

    return fit


def gbm(**options: float) -> Fit:
    """Return a fitter of boosted trees with these options."""

    def fit(rows: Sequence[Sequence[float]], labels: Sequence[int]) -> Predict:
        return fit_gbm(
            rows,
            labels,
            rounds=int(options.get("rounds", 40)),
            depth=int(options.get("depth", 2)),
            shrink=float(options.get("shrink", 0.1)),
            l2=float(options.get("l2", 1.0)),
            min_leaf=int(options.get("min_leaf", 10)),
        )

    return fit


@dataclass(frozen=True)
class Expanded:
    """A model on features expanded by `expand`."""

    expand: Callable[[Sequence[float]], list[float]]
    model: Predict

    def __call__(self, x: Sequence[float]) -> float:
        return self.model(self.expand(x))


def _standard(rows: Sequence[Sequence[float]]) -> list[list[float]]:
    n, width = len(rows), len(rows[0])
    out = [[0.0] * width for _ in rows]
    for f in range(width):
        mean = math.fsum(r[f] for r in rows) / n
        var = math.fsum((r[f] - mean) ** 2 for r in rows) / n
        scale = math.sqrt(var) if var > 1e-12 else 1.0
        for k, r in enumerate(rows):
            out[k][f] = (r[f] - mean) / scale
    return out


def score_test(
    rows: Sequence[Sequence[float]], labels: Sequence[int], probs: Sequence[float], extra: int
) -> list[tuple[float, int, int]]:
    """Return each product of two features by its score statistic against the fitted `probs`.

    U^2 / I for the product of the standardised features, U its score (sum of x (y - p)) and I
    its information (sum of p (1 - p) x^2), largest first; the product's own index pair.
    """
    z = _standard(rows)
    width = len(rows[0])
    found = []
    for a in range(width):
        for b in range(a + 1, width):
            xs = [r[a] * r[b] for r in z]
            if max(xs) - min(xs) < 1e-12:
                continue
            u = math.fsum(x * (y - p) for x, y, p in zip(xs, labels, probs, strict=True))
            info = math.fsum(p * (1.0 - p) * x * x for x, p in zip(xs, probs, strict=True))
            if info > 1e-12:
                found.append((-(u * u) / info, a, b))
    found.sort()
    return [(-s, a, b) for s, a, b in found[:extra]]


def lr_inter(base_fit: Fit, k: int = 3) -> Fit:
    """Return a fitter of the regression with the `k` products the score test picks."""

    def fit(rows: Sequence[Sequence[float]], labels: Sequence[int]) -> Predict:
        main = base_fit(rows, labels)
        probs = [main(r) for r in rows]
        chosen = [(a, b) for _, a, b in score_test(rows, labels, probs, k)]

        def expand(x: Sequence[float]) -> list[float]:
            return [*x, *(x[a] * x[b] for a, b in chosen)]

        model = base_fit([expand(r) for r in rows], labels)
        return Expanded(expand, model)

    return fit


def lr_hinge(base_fit: Fit, levels: int = 3) -> Fit:
    """Return a fitter of the regression with hinges at each feature's training quantiles."""

    def fit(rows: Sequence[Sequence[float]], labels: Sequence[int]) -> Predict:
        knots: list[tuple[int, float]] = []
        for f in range(len(rows[0])):
            values = sorted({r[f] for r in rows})
            if len(values) <= 3:
                continue  # a flag or a count: its own weight says it all
            column = sorted(r[f] for r in rows)
            for q in range(1, levels):
                knot = column[len(column) * q // levels]
                if values[0] < knot < values[-1] and (f, knot) not in knots:
                    knots.append((f, knot))

        def expand(x: Sequence[float]) -> list[float]:
            return [*x, *(max(0.0, x[f] - knot) for f, knot in knots)]

        model = base_fit([expand(r) for r in rows], labels)
        return Expanded(expand, model)

    return fit


@dataclass(frozen=True)
class Stacked:
    """Trees boosted from a first model's log-odds."""

    first: Predict
    trees: tuple[Tree, ...]

    def __call__(self, x: Sequence[float]) -> float:
        p = min(max(self.first(x), 1e-12), 1.0 - 1e-12)
        z = math.log(p / (1.0 - p)) + math.fsum(leaf_value(t, x) for t in self.trees)
        return _sigmoid(z)


def lr_boost(base_fit: Fit, **options: float) -> Fit:
    """Return a fitter of the regression followed by a few boosted trees on its log-odds."""

    def fit(rows: Sequence[Sequence[float]], labels: Sequence[int]) -> Predict:
        first = base_fit(rows, labels)
        offset = []
        for r in rows:
            p = min(max(first(r), 1e-12), 1.0 - 1e-12)
            offset.append(math.log(p / (1.0 - p)))
        boosted = fit_gbm(
            rows,
            labels,
            rounds=int(options.get("rounds", 10)),
            depth=int(options.get("depth", 2)),
            shrink=float(options.get("shrink", 0.1)),
            l2=float(options.get("l2", 1.0)),
            min_leaf=int(options.get("min_leaf", 10)),
            offset=offset,
        )
        return Stacked(first, boosted.trees)

    return fit


def by_group(base_fit: Fit, feature: int) -> Fit:
    """Return a fitter of one model per value of a flag feature (both clauses free, or not)."""

    def fit(rows: Sequence[Sequence[float]], labels: Sequence[int]) -> Predict:
        models = {}
        for value in sorted({r[feature] for r in rows}):
            ids = [k for k, r in enumerate(rows) if r[feature] == value]
            models[value] = base_fit([rows[k] for k in ids], [labels[k] for k in ids])

        def predict(x: Sequence[float]) -> float:
            return models[x[feature]](x)

        return predict

    return fit


def variants(lr: Fit) -> dict[str, Fit]:
    """Return the models tried beside the logistic regression `lr`, by name."""
    return {
        "gbm1": gbm(depth=1, rounds=50, shrink=0.2),
        "gbm2": gbm(depth=2, rounds=40, shrink=0.1),
        "gbm2-100": gbm(depth=2, rounds=100, shrink=0.1),
        "gbm2-leaf5": gbm(depth=2, rounds=50, shrink=0.1, min_leaf=5),
        "gbm2-leaf20": gbm(depth=2, rounds=100, shrink=0.1, min_leaf=20),
        "gbm3": gbm(depth=3, rounds=50, shrink=0.1),
        "gam": gam(rounds=100),
        "lr-inter1": lr_inter(lr, 1),
        "lr-inter2": lr_inter(lr, 2),
        "lr-inter3": lr_inter(lr, 3),
        "lr-inter5": lr_inter(lr, 5),
        "lr-hinge2": lr_hinge(lr, 2),
        "lr-hinge3": lr_hinge(lr, 3),
        "lr-boost5": lr_boost(lr, rounds=5),
        "lr-boost20": lr_boost(lr, rounds=20),
        "lr-boost10-d1": lr_boost(lr, rounds=10, depth=1),
        "lr-boost10-d3": lr_boost(lr, rounds=10, depth=3),
        "lr-by-group": by_group(lr, FEATURES.index("both_free")),
    }


def register() -> None:
    """Add the variants to the models `train_links.py` can judge."""
    train_links.FITS.update(variants(train_links.fit))


def main(argv: Sequence[str] | None = None) -> int:
    register()
    return train_links.main(argv)


if __name__ == "__main__":
    sys.exit(main())
