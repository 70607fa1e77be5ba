"""Pairing what the sure passes left: jointly, by mutual best match, and as parts of splits.

- `assigned_links()`: the free clauses that remain, paired as an assignment problem of greatest
  total similarity (each may stay unpaired), so a jointly best pair is not lost to a runner-up
  better used elsewhere;
- `mutual_best_links()`: below that pass's floor, two free clauses that are each other's strict
  best match in the whole other document;
- `absorb_parts()`: a free clause whose rare words are mostly contained in one linked clause of
  the other side, or which is most like one linked clause and alike enough, joins that link,
  making a split or merge (a paraphrased part, or the second half of a section split in two).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from planlens.compare.assignment import max_weight_assignment
from planlens.compare.matching import Options, Scorer
from planlens.compare.units import Link, LinkState, Unit

#: Below `WEAK_MIN`, a pair is still linked when each is the other's strict best match in the
#: whole other document, down to this similarity.
MUTUAL_MIN = 0.3
#: A free clause whose rarer words are mostly (this share of their weight) found in one linked
#: clause of the other side, clearly more than in any other, is a part of it: a split or merge.
ABSORB_MIN = 0.7
ABSORB_MARGIN = 0.25
#: A free clause is also a part of the linked clause it is most like, when at least this alike.
PART_SIM_MIN = 0.5
#: A part must have this many words: a short phrase ("Without prejudice to specific agreement")
#: is found inside many clauses without being part of any.
ABSORB_MIN_WORDS = 8
#: A group of competing clauses larger than this (old × new) is paired best pair first instead
#: of solved exactly: the exact solver's cost grows with the cube of the group.
ASSIGN_MAX_CELLS = 2500


def assigned_links(
    options: Options,
    state: LinkState,
    floor: float,
    prefer: Callable[[int, int], Any],
) -> list[Link]:
    """Pair the free clauses that remain jointly: the assignment of greatest total similarity.

    Every free pair scoring at least `floor` is an option; clauses that compete, directly or
    through others, form a group, and each group is solved as an assignment problem where every
    clause may also stay unpaired. A pair that is jointly best is taken even when, alone, its
    runner-up comes close: the runner-up is better used elsewhere.
    """
    scores: dict[tuple[int, int], float] = {}
    for i, j in sorted(options.candidates):
        if state.old_free(i) and state.new_free(j) and options.scorer.upper(i, j) >= floor:
            sim = options.sim(i, j)
            if sim >= floor:
                scores[i, j] = sim
    if not scores:
        return []
    # Groups: connected components of the options (union-find over "o"/"n" nodes).
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, j in scores:
        a, b = root(("o", i)), root(("n", j))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in scores:
        groups[root(("o", i))].append((i, j))
    # Ties between assignments of equal total similarity go to the one holding the pair ranked
    # highest by content, the same rule in either direction: ranks count as powers of two, so
    # no two different assignments tie on them (see `heaviest_increasing`).
    order = sorted(scores, key=lambda p: (prefer(*p), -(p[0] + p[1])))
    ranks = {pair: 1 << rank for rank, pair in enumerate(order)}
    spread = 1 << len(order)
    links: list[Link] = []
    for pairs in groups.values():
        olds = sorted({i for i, _ in pairs})
        news = sorted({j for _, j in pairs})
        row = {i: r for r, i in enumerate(olds)}
        col = {j: c for c, j in enumerate(news)}
        weights = [[0] * len(news) for _ in olds]
        for i, j in pairs:
            weights[row[i]][col[j]] = round(scores[i, j] * 1_000_000) * spread + ranks[i, j]
        if len(olds) * len(news) > ASSIGN_MAX_CELLS:
            chosen = _greedy(weights)  # best first: near-optimal, and linear enough for a law
        else:
            chosen = max_weight_assignment(weights)
        for r, c in chosen:
            i, j = olds[r], news[c]
            runner = options.best_other(i, j, tries=3)
            links.append(Link((i,), (j,), "similar", scores[i, j], runner))
    return links


def absorb_parts(
    old: Sequence[Unit],
    new: Sequence[Unit],
    candidates: dict[tuple[int, int], float],
    scorer: Scorer,
    state: LinkState,
) -> None:
    """Add free clauses to the link of the clause that contains them: paraphrased splits and merges.

    `split_merge` finds parts whose words stand in the whole in the same order; a reworded split
    (a definition taken out of a long clause, a condition turned into a sub-point) keeps the
    rare words but not their order. Containment is weighted by rarity (and counts word stems),
    so stock words ("the Licensor shall") do not make a clause a part of everything. A free
    clause whose strict best match is a linked clause, at `PART_SIM_MIN` or more, is a part of
    it too: the other half of a section split in two, both halves keeping its wording. All parts
    are found against the links as they stand, then added, so that the result does not depend on
    which side is called old; a link that would gain parts on both sides gains none.
    """
    weights = scorer.index.weights
    by_old: dict[int, list[int]] = defaultdict(list)
    by_new: dict[int, list[int]] = defaultdict(list)
    for i, j in sorted(candidates):
        by_old[i].append(j)
        by_new[j].append(i)
    found: dict[Link, tuple[set[int], set[int]]] = {}
    for side, parts, wholes_of, others in (("new", new, by_new, old), ("old", old, by_old, new)):
        for part in parts:
            free = state.new_free if side == "new" else state.old_free
            if not free(part.index) or len(part.words) < ABSORB_MIN_WORDS:
                continue
            mass = weights.mass(part.wordset)
            if not mass:
                continue
            scored = sorted(
                (
                    (weights.mass(part.wordset & others[w].wordset) / mass, -abs(w - part.index), w)
                    for w in wholes_of.get(part.index, [])
                ),
                reverse=True,
            )
            whole = _contained_in(scored)
            if whole is None:
                whole = _most_like(part.index, wholes_of.get(part.index, []), scorer, side)
            if whole is None:
                continue
            link = state.old_link[whole] if side == "new" else state.new_link[whole]
            if link is None or link.matched_by == "pin":
                continue
            olds, news = found.setdefault(link, (set(), set()))
            (news if side == "new" else olds).add(part.index)
    for link, (olds, news) in sorted(found.items(), key=lambda t: (t[0].old, t[0].new)):
        if olds and news:
            continue
        if news and len(link.old) == 1:
            state.remove(link)
            state.add(Link(link.old, tuple(sorted({*link.new, *news})), "split", link.score))
        elif olds and len(link.new) == 1:
            state.remove(link)
            state.add(Link(tuple(sorted({*link.old, *olds})), link.new, "merge", link.score))


def _contained_in(scored: Sequence[tuple[float, int, int]]) -> int | None:
    """Return the whole holding most of a part's rare words, if enough and clearly the most."""
    if not scored or scored[0][0] < ABSORB_MIN:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < ABSORB_MARGIN:
        return None
    return scored[0][2]


def _most_like(part: int, wholes: Sequence[int], scorer: Scorer, side: str) -> int | None:
    """Return the clause a part is most like, when alike enough and strictly the most.

    A clause left free whose closest match is already linked is that link's other half: a
    section split in two keeps much of its wording in both (§ 22 into §§ 23 and 28), and the
    first half took the link.
    """
    best, best_sim, tie = None, -1.0, False
    for whole in wholes:
        i, j = (whole, part) if side == "new" else (part, whole)
        if scorer.upper(i, j) < max(PART_SIM_MIN, best_sim):
            continue
        sim = scorer.sim(i, j)
        if sim > best_sim:
            best, best_sim, tie = whole, sim, False
        elif sim == best_sim:
            tie = True
    return best if best_sim >= PART_SIM_MIN and not tie else None


def _greedy(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Return a one-to-one pairing taking the heaviest remaining positive pair each time."""
    cells = sorted(
        ((w, r, c) for r, row in enumerate(weights) for c, w in enumerate(row) if w > 0),
        reverse=True,
    )
    rows: set[int] = set()
    cols: set[int] = set()
    chosen = []
    for _, r, c in cells:
        if r not in rows and c not in cols:
            rows.add(r)
            cols.add(c)
            chosen.append((r, c))
    return sorted(chosen)


def mutual_best_links(options: Options, state: LinkState, floor: float) -> list[Link]:
    """Link free clauses that are each other's best match in the whole other document.

    Below the usual floor a similarity means little alone, but two clauses that, of everything
    on the other side, resemble each other most (a rewritten section whose rare terms survive)
    are likely versions of each other. Both must be free, the best must be strict (no tie), and
    neither a short phrase ("For the avoidance of doubt:") that resembles anything a little.
    Bests are found lazily, best upper bound first, so difflib runs on few pairs.
    """

    def best(
        row: list[tuple[float, int]], sim_of: Callable[[int], float]
    ) -> tuple[float, int | None]:
        top, partner = -1.0, None
        for upper, other in row:  # best upper bound first
            if upper < floor or upper < top:
                break
            sim = sim_of(other)
            if sim > top:
                top, partner = sim, other
            elif sim == top:
                partner = None
        return top, partner

    links = []
    for i in sorted(options.by_old):
        if not state.old_free(i) or len(options.scorer.old[i].words) < ABSORB_MIN_WORDS:
            continue
        sim, j = best(options.by_old[i], partial(options.sim, i))
        if j is None or sim < floor or not state.new_free(j):
            continue
        if len(options.scorer.new[j].words) < ABSORB_MIN_WORDS:
            continue
        back, partner = best(options.by_new.get(j, []), partial(_reversed_sim, options, j))
        if partner == i and back == sim:
            links.append(Link((i,), (j,), "similar", sim))
    return links


def _reversed_sim(options: Options, j: int, i: int) -> float:
    return options.sim(i, j)
