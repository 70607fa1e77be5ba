"""The models of the learned link decision, fitted in pure Python and deterministic.

A logistic regression (standardised features, L2 penalty, Newton's method from zero) and a
depth-2 classification tree; `train_links.py` judges them (and `link_models.py` adds more).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

L2 = 1.0
STEPS = 12
TREE_DEPTH = 2
TREE_MIN_LEAF = 5


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
