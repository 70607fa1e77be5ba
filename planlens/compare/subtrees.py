"""Clause subtrees: a clause with all its sub-clauses, read as one bag of words.

A clause rewritten as a subtree (one old clause became a new point with sub-points, its words
spread over them) or condensed from one (sub-points merged into their parent's new text) shares
more with the other side's whole subtree than with any one clause of it. `Subtrees` keeps each
subtree's word set and weight, made once per clause when first asked for, from its children's;
`subtree_gain` measures how much better a clause matches a subtree around the other clause
than the clause alone.

Only subtrees on the way up from a clause are read (the clause's own, its parent's, and so on
to the top), and only for the pairs the learned pass judges, so the cost stays within the
words of the subtrees those pairs reach, each counted once.
"""

from __future__ import annotations

from collections.abc import Sequence

from planlens.compare.similarity import Weights
from planlens.compare.units import Unit


class Subtrees:
    """The subtrees of one side's clauses: word sets and rarity weights, made on first use."""

    def __init__(self, units: Sequence[Unit], weights: Weights) -> None:
        self.units = units
        self.weights = weights
        self._children: list[list[int]] | None = None
        self._words: dict[int, frozenset[str]] = {}
        self._mass: dict[int, float] = {}

    def children(self, k: int) -> list[int]:
        """Return the clauses directly under clause `k`."""
        if self._children is None:
            found: list[list[int]] = [[] for _ in self.units]
            for unit in self.units:
                if unit.parent is not None:
                    found[unit.parent].append(unit.index)
            self._children = found
        return self._children[k]

    def words(self, k: int) -> frozenset[str]:
        """Return the word stems of clause `k` and all the clauses under it."""
        found = self._words.get(k)
        if found is None:
            kids = self.children(k)
            if not kids:
                found = self.units[k].wordset
            else:
                union = set(self.units[k].wordset)
                for child in kids:
                    union |= self.words(child)
                found = frozenset(union)
            self._words[k] = found
        return found

    def mass(self, k: int) -> float:
        """Return the rarity weight of `words(k)`."""
        found = self._mass.get(k)
        if found is None:
            found = self._mass[k] = self.weights.mass(self.words(k))
        return found


def best_subtree_overlap(
    unit: Unit,
    unit_mass: float,
    trees: Subtrees,
    k: int,
    weights: Weights,
    own: float | None = None,
) -> float:
    """Return the best weighted overlap (Dice) of `unit` with a subtree of the other side: that
    of clause `k`, or of one of its ancestors.

    A clause without sub-clauses is its own subtree: its overlap with `unit` is the plain one,
    `own` if given (the scorer's, the same measure), not counted again.
    """
    best = 0.0
    at: int | None = k
    units = trees.units
    if own is not None and not trees.children(k):
        best, at = own, units[k].parent
    while at is not None:
        tree_mass = trees.mass(at)
        total = unit_mass + tree_mass
        # The words shared weigh at most the lighter side: a subtree much heavier than the
        # clause cannot beat the best so far, and its overlap need not be counted.
        if total and 2.0 * min(unit_mass, tree_mass) / total > best:
            best = max(best, 2.0 * weights.mass(unit.wordset & trees.words(at)) / total)
        at = units[at].parent
    return best


def subtree_gain(
    old: tuple[Unit, float, Subtrees],
    new: tuple[Unit, float, Subtrees],
    overlap: float,
    weights: Weights,
) -> float:
    """Return how much better one clause matches a subtree around the other than the other
    clause alone: the larger gain of the two directions, at least 0.

    `old` and `new` are each a clause, its rarity weight and its side's subtrees; `overlap` is
    the two clauses' own weighted overlap. The same with old and new swapped.
    """
    (a, mass_a, trees_a), (b, mass_b, trees_b) = old, new
    best = max(
        best_subtree_overlap(a, mass_a, trees_b, b.index, weights, overlap),
        best_subtree_overlap(b, mass_b, trees_a, a.index, weights, overlap),
    )
    return max(0.0, best - overlap)
