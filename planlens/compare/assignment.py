"""The assignment problem: pair rows with columns one to one for the greatest total weight.

Alignment uses it where several clauses compete for several partners: taking pairs one at a time
(best first, each with a margin over its runner-up) rejects a pairing that is jointly best, as
when A is a little closer to X than to Y, and B has only Y. Solved jointly, A gets X and B gets
Y. Every pair may also stay unpaired ("no link"): only positive weights are worth taking.

Why our own solver and not `scipy.optimize.linear_sum_assignment`: the problems here are small
(the free clauses that compete in one connected group, rarely more than a few dozen), while scipy
with numpy adds about 216 MB to an install whose run-time dependencies are otherwise five
small packages, and 0.35 s to a start-up that imports them (measured in a fresh venv on the 2-core
build machine), more than a whole comparison of two peace plans. This
is the classic O(n²·m) Hungarian method with potentials (Kuhn-Munkres, as in Jonker-Volgenant's
shortest augmenting paths), on exact integers so that no rounding decides a tie.
"""

from __future__ import annotations

from collections.abc import Sequence


def max_weight_assignment(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Return (row, column) pairs, each row and column at most once, of greatest total weight.

    `weights[r][c]` is the gain of pairing row r with column c; pairs of weight 0 or less are
    never returned (leaving both unpaired is as good). Weights are integers, so sums are exact.

    >>> max_weight_assignment([[5, 4], [0, 3]])  # jointly best: 5 + 3, not 5 alone
    [(0, 0), (1, 1)]
    >>> max_weight_assignment([[5, 4], [0, 2]])  # 5 + 2 = 7 > 4 + 0
    [(0, 0), (1, 1)]
    >>> max_weight_assignment([[1, 9, 0]])
    [(0, 1)]
    >>> max_weight_assignment([[0, 0], [0, 0]])
    []
    >>> max_weight_assignment([[2], [3], [1]])
    [(1, 0)]
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return []
    transposed = rows > cols
    if transposed:
        weights = [[weights[r][c] for r in range(rows)] for c in range(cols)]
        rows, cols = cols, rows
    top = max(0, *(max(row) for row in weights))
    # Minimise cost = top - max(weight, 0): a complete assignment of every row, where a pair of
    # weight 0 or less costs as much as leaving the row unpaired.
    cost = [[top - max(w, 0) for w in row] for row in weights]
    inf = top * (rows + 1) + 1
    u = [0] * (rows + 1)
    v = [0] * (cols + 1)
    match = [0] * (cols + 1)  # match[c] = the row (1-based) assigned to column c, 0 if none
    way = [0] * (cols + 1)
    for r in range(1, rows + 1):
        match[0] = r
        c0 = 0
        least = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[c0] = True
            r0 = match[c0]
            delta = inf
            c1 = 0
            for c in range(1, cols + 1):
                if used[c]:
                    continue
                reduced = cost[r0 - 1][c - 1] - u[r0] - v[c]
                if reduced < least[c]:
                    least[c] = reduced
                    way[c] = c0
                if least[c] < delta:
                    delta = least[c]
                    c1 = c
            for c in range(cols + 1):
                if used[c]:
                    u[match[c]] += delta
                    v[c] -= delta
                else:
                    least[c] -= delta
            c0 = c1
            if match[c0] == 0:
                break
        while c0:
            c1 = way[c0]
            match[c0] = match[c1]
            c0 = c1
    pairs = [
        (match[c] - 1, c - 1)
        for c in range(1, cols + 1)
        if match[c] and weights[match[c] - 1][c - 1] > 0
    ]
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted(pairs)
