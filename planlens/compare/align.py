"""Clause alignment: which clauses of the old plan became which clauses of the new one.

The passes, surest first, each working only on what the earlier ones left:

1. analyst pins (`same_as`, `derived_from`), which every comparison honours;
2. anchors: clauses whose text is identical and unique on both sides (duplicates are paired by
   label, then by position, never by content alone);
3. an order backbone: the heaviest increasing subsequence of the pins and anchors;
4. in each gap between two backbone pairs, the heaviest order-preserving set of similar pairs
   ("order"): position supports a link that similarity alone would not;
5. a global pass for clauses moved and edited ("similar"), one to one, accepted only with a
   margin over the runner-up;
6. splits and merges: a clause whose words are found in several clauses of the other side;
7. what is left, paired jointly: the assignment of greatest total similarity among the free
   clauses (`residual.assigned_links`), so that a pair that is jointly best is not lost to a
   runner-up that is better used elsewhere; then, below that pass's floor, free clauses that
   are each other's strict best match in the whole other document;
8. structure (`structure`): parents whose sub-points were paired with each other (or one
   sub-point, when their own texts agree), then paraphrased parts of splits and merges (rare
   words contained in one linked clause), then a point that kept its number and place where
   numbering was kept, if its text agrees a little; then the points left between the same two
   paired points under paired parents (a slot): the only one on each side, or each other's
   best there (where some points moved, between the pairs of the heaviest chain in order, and
   only a point with no clearly better match elsewhere); last, a free heading joins the clause
   that at least two of its points came from (half of them, unless the clause holds the
   heading's words);
9. last, a learned decision (`learned`): a logistic regression fitted on labelled pairs
   (bench/train_links.py) over measures of words, sentences and place, for the candidate pairs
   left with one clause free at least (a rewritten clause, or an extra part of a split or
   merge), linked likeliest first above a threshold chosen for precision.

Every decision uses symmetric measures and tie-breaks, so comparing B with A mirrors comparing A
with B. Candidate pairs come from an inverted index (`similarity.CandidateIndex`), never from
enumerating all pairs, so the cost grows near-linearly with the documents. Word overlaps use
rarity weights (idf over both documents) and word stems (`stemming`), so stock phrases ("the
parties shall") and inflections count for little and nothing.

This module runs the passes and holds those that use identity and order (1-4); the units and
links are in `planlens.compare.units`, the scorer and the similarity passes (5, 6) in
`planlens.compare.matching`, what is left (7, mutual bests, and the parts of 8) in
`planlens.compare.residual`, the structural passes in `planlens.compare.structure`, and the
learned decision in `planlens.compare.learned`.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from planlens.compare.learned import LINK_MIN, Candidate, learned_links
from planlens.compare.matching import (
    MOVE_MARGIN,
    MOVE_MIN,
    WEAK_MIN,
    Options,
    Scorer,
    move_links,
    split_merge,
)
from planlens.compare.perhaps import PERHAPS_MIN, Hints, counterparts
from planlens.compare.residual import (
    MUTUAL_MIN,
    absorb_parts,
    assigned_links,
    mutual_best_links,
)
from planlens.compare.structure import heading_links, label_links, parent_links, slot_links
from planlens.compare.units import Link, LinkState, Unit, content_key

#: Least similarity for a link inside a gap, where position supports it, and where the two
#: clauses also carry the same label (point 25 in both).
GAP_MIN = 0.45
GAP_MIN_SAME_LABEL = 0.3
#: How many alternatives are scored to report an order link's runner-up.
RUNNER_UP_TRIES = 3
#: A gap this small (old × new clauses) has all its pairs scored, not only indexed candidates.
SMALL_GAP = 36


def align(
    old: Sequence[Unit],
    new: Sequence[Unit],
    pins: Iterable[tuple[int, int]] | Mapping[tuple[int, int], tuple[str, ...]],
) -> list[Link]:
    """Return the links between `old` and `new` units.

    `pins` are (old, new) analyst links; as a mapping, each maps to the versions a composed pin
    went through (empty for a direct pin).
    """
    state, _, _ = aligned_state(old, new, pins)
    return _in_order(state.links)


def align_with_hints(
    old: Sequence[Unit],
    new: Sequence[Unit],
    pins: Iterable[tuple[int, int]] | Mapping[tuple[int, int], tuple[str, ...]],
) -> tuple[list[Link], Hints]:
    """Return the links of `align`, and for the clauses they leave unlinked, the likeliest
    counterpart the learned pass did not link (`perhaps.counterparts`): a hint, not a link."""
    state, _, _, judged = _passes(old, new, pins, learn=True, gate=PERHAPS_MIN)
    return _in_order(state.links), counterparts(old, new, judged, state)


def _in_order(links: Iterable[Link]) -> list[Link]:
    """Return `links` in the new plan's order (then the old one's, for removals)."""
    return sorted(links, key=lambda link: (min(link.new, default=-1), min(link.old, default=-1)))


def aligned_state(
    old: Sequence[Unit],
    new: Sequence[Unit],
    pins: Iterable[tuple[int, int]] | Mapping[tuple[int, int], tuple[str, ...]],
    *,
    learn: bool = True,
) -> tuple[LinkState, Scorer, dict[tuple[int, int], float]]:
    """Run the passes; return the links made, the scorer and the candidate pairs they used.

    Without `learn`, the last pass (`learned.learned_links`) is left out: what it learns from.
    """
    state, scorer, candidates, _ = _passes(old, new, pins, learn=learn, gate=LINK_MIN)
    return state, scorer, candidates


def _passes(
    old: Sequence[Unit],
    new: Sequence[Unit],
    pins: Iterable[tuple[int, int]] | Mapping[tuple[int, int], tuple[str, ...]],
    *,
    learn: bool,
    gate: float,
) -> tuple[LinkState, Scorer, dict[tuple[int, int], float], list[Candidate]]:
    """Run the passes, as `aligned_state` says; also return the pairs the learned pass judged
    that could reach `gate` (its `LINK_MIN`, or lower to find hints), with their features."""
    scorer = Scorer(old, new)
    state = LinkState(len(old), len(new))
    for link in _pin_links(old, new, pins, scorer):
        state.add(link)
    for link in _exact_links(old, new, state):
        state.add(link)
    backbone = heaviest_increasing(
        [(link.old[0], link.new[0], 1.0) for link in state.links],
        len(old) + len(new),
        content_key(old, new),
    )
    free_old = [u.index for u in old if state.old_free(u.index) and u.has_text]
    free_new = [u.index for u in new if state.new_free(u.index) and u.has_text]
    candidates = scorer.index.candidates(free_old, free_new)
    options = Options(candidates, scorer)
    for link in _gap_links(old, new, backbone, options, state):
        state.add(link)
    # Clear moves first; then splits and merges; only then weak moves, which must not take a
    # clause that is really one part of a split or merge.
    for link in move_links(options, state, MOVE_MIN):
        state.add(link)
    split_merge(old, new, candidates, scorer, state)
    for link in assigned_links(options, state, WEAK_MIN, content_key(old, new)):
        state.add(link)
    for link in mutual_best_links(options, state, MUTUAL_MIN):
        state.add(link)
    for link in parent_links(old, new, state, scorer):
        state.add(link)
    absorb_parts(old, new, candidates, scorer, state)
    for link in label_links(old, new, state, scorer):
        state.add(link)
    key = content_key(old, new)
    span = len(old) + len(new)

    def in_order(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return heaviest_increasing([(i, j, 1.0) for i, j in pairs], span, key)

    for link in slot_links(old, new, state, options, in_order):
        state.add(link)
    heading_links(old, new, state)
    judged = learned_links(old, new, candidates, scorer, state, gate=gate) if learn else []
    return state, scorer, candidates, judged


def _pin_links(
    old: Sequence[Unit],
    new: Sequence[Unit],
    pins: Iterable[tuple[int, int]] | Mapping[tuple[int, int], tuple[str, ...]],
    scorer: Scorer,
) -> list[Link]:
    """Group pins into connected components: 1-1 pairs, splits (1-n) and merges (n-1).

    A link made only of composed pins keeps the versions they went through (`Link.via`).
    """
    via_of: Mapping[tuple[int, int], tuple[str, ...]] = (
        pins if isinstance(pins, Mapping) else dict.fromkeys(pins, ())
    )
    edges = sorted(via_of)

    def via(pairs: Iterable[tuple[int, int]]) -> tuple[str, ...]:
        routes = [via_of[p] for p in pairs if p in via_of]
        if not routes or any(not route for route in routes):
            return ()  # a direct pin among them: the link is the analysts' own
        return tuple(sorted({plan for route in routes for plan in route}))

    neighbours: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
    for i, j in edges:
        neighbours["o", i].add(("n", j))
        neighbours["n", j].add(("o", i))
    seen: set[tuple[str, int]] = set()
    links: list[Link] = []
    for start in sorted(neighbours):
        if start in seen:
            continue
        component: set[tuple[str, int]] = set()
        stack = [start]
        while stack:
            node = stack.pop()
            if node in component:
                continue
            component.add(node)
            stack.extend(neighbours[node] - component)
        seen |= component
        olds = tuple(sorted(i for side, i in component if side == "o"))
        news = tuple(sorted(j for side, j in component if side == "n"))
        if len(olds) > 1 and len(news) > 1:
            # Many to many: keep the pinned edges that pair clauses one to one, surest first.
            for i, j in sorted(
                (e for e in edges if e[0] in olds and e[1] in news),
                key=lambda e: (-scorer.sim(*e), abs(e[0] - e[1]), e),
            ):
                if all(i not in link.old and j not in link.new for link in links):
                    links.append(Link((i,), (j,), "pin", scorer.sim(i, j), via=via([(i, j)])))
            continue
        score = scorer.sim(olds[0], news[0]) if len(olds) == len(news) == 1 else 1.0
        members = [e for e in edges if e[0] in olds and e[1] in news]
        links.append(Link(olds, news, "pin", score, via=via(members)))
    return links


def _exact_links(old: Sequence[Unit], new: Sequence[Unit], state: LinkState) -> list[Link]:
    """Pair free clauses with identical text.

    Unique texts pair directly; duplicated ones by label, then by position.
    """
    by_text_old: dict[str, list[int]] = defaultdict(list)
    by_text_new: dict[str, list[int]] = defaultdict(list)
    for u in old:
        if u.norm is not None and state.old_free(u.index):
            by_text_old[u.norm].append(u.index)
    for u in new:
        if u.norm is not None and state.new_free(u.index):
            by_text_new[u.norm].append(u.index)
    links: list[Link] = []
    for text in sorted(by_text_old.keys() & by_text_new.keys()):
        olds, news = by_text_old[text], by_text_new[text]
        if len(olds) == 1 and len(news) == 1:
            links.append(Link((olds[0],), (news[0],), "exact", 1.0))
            continue
        # Duplicated text ("(weggefallen)", "Deleted."): content cannot tell the copies apart.
        new_by_label: dict[str, list[int]] = defaultdict(list)
        for j in news:
            new_by_label[new[j].label].append(j)
        rest_old: list[int] = []
        taken: set[int] = set()
        for i in olds:
            same_label = [j for j in new_by_label.get(old[i].label, []) if j not in taken]
            if same_label:
                taken.add(same_label[0])
                links.append(Link((i,), (same_label[0],), "exact", 1.0))
            else:
                rest_old.append(i)
        rest_new = [j for j in news if j not in taken]
        if len(rest_old) == len(rest_new):
            links.extend(
                Link((i,), (j,), "exact", 1.0) for i, j in zip(rest_old, rest_new, strict=True)
            )
        # Otherwise the leftovers go to the gap pass, where position decides.
    return links


def heaviest_increasing(
    pairs: Sequence[tuple[int, int, float]],
    span: int,
    prefer: Callable[[int, int], Any] | None = None,
) -> list[tuple[int, int]]:
    """Return the heaviest chain of `pairs` (i, j, weight) increasing in both i and j.

    Ties go to the chain nearest the diagonal (smallest total |i - j|), then to the chain with
    the highest-ranked pair by `prefer(i, j)`, a key of the pair's content, then by earlier
    pairs. These rules read the same with old and new swapped, so a swap of two clauses flags
    the same one as moved either way.
    Weights are made integers so that sums compare exactly. A pair's rank counts as a power of
    two, so no two different chains tie on ranks (two ranks 1 and 2 do not equal one rank 3):
    with plain rank numbers added up, such a tie fell to the order of the indices, which is not
    the same with old and new swapped.

    >>> heaviest_increasing([(0, 0, 1.0), (1, 3, 1.0), (2, 1, 1.0), (3, 2, 1.0)], 8)
    [(0, 0), (2, 1), (3, 2)]
    >>> heaviest_increasing([(0, 0, 1.0), (1, 3, 1.0), (2, 1, 1.0)], 6)  # equal weight: nearer
    [(0, 0), (2, 1)]

    A pair of positive weight that crosses no other pair is in the heaviest chain whatever the
    others do (any chain without it is lighter than the same chain with it): those pairs are
    set aside, and the chain is sought among the rest, whose ranks compare as they did among
    all. Most pairs of two versions of a law cross none, and their content keys are not made.
    """
    weights = {(i, j): w for i, j, w in pairs}  # the last weight of a pair given twice counts
    kept = _crossing_none(weights)
    if not kept:
        return _heaviest_chain(pairs, span, prefer)
    rest = [(i, j, w) for (i, j), w in weights.items() if (i, j) not in kept]
    # Pairs of equal rank keep the order they had among all (that of a set of all of them).
    order = [p for p in {(i, j) for i, j, _ in pairs} if p not in kept]
    return sorted([*kept, *_heaviest_chain(rest, span, prefer, order)])


def _crossing_none(weights: Mapping[tuple[int, int], float]) -> set[tuple[int, int]]:
    """Return the pairs of positive weight (as `_heaviest_chain` weighs them) that can share a
    chain with every other pair: each other pair lies before it in both i and j, or after it."""
    by_i: dict[int, list[int]] = defaultdict(list)
    for i, j in weights:
        by_i[i].append(j)
    rows = sorted(by_i.items())
    # The largest j among the pairs of smaller i, and the smallest among those of larger i.
    below: list[float] = []
    top = -math.inf
    for _, js in rows:
        below.append(top)
        top = max(top, *js)
    above: list[float] = [0.0] * len(rows)
    bottom = math.inf
    for k in range(len(rows) - 1, -1, -1):
        above[k] = bottom
        bottom = min(bottom, *rows[k][1])
    found: set[tuple[int, int]] = set()
    for (i, js), low, high in zip(rows, below, above, strict=True):
        if len(js) != 1 or not low < js[0] < high:
            continue
        rounded = round(weights[i, js[0]] * 10_000)
        # Weighed below, a pair's weight is positive from one unit up, or on the diagonal.
        if rounded > 0 or (rounded == 0 and i == js[0]):
            found.add((i, js[0]))
    return found


def _heaviest_chain(
    pairs: Sequence[tuple[int, int, float]],
    span: int,
    prefer: Callable[[int, int], Any] | None = None,
    order: Iterable[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """Return the heaviest increasing chain of `pairs`: the rules of `heaviest_increasing`.

    `order`: the distinct pairs, in the order that ranks their ties (else a set's of them).
    """
    if not pairs:
        return []
    # Ranks: by content, then earlier pairs first (smaller i + j); symmetric under a swap.
    ordered = sorted(
        {(i, j) for i, j, _ in pairs} if order is None else order,
        key=lambda p: (prefer(*p) if prefer else 0, -(p[0] + p[1])),
    )
    ranks = {pair: 1 << rank for rank, pair in enumerate(ordered)}
    near = 1 << len(ordered)  # one step nearer the diagonal outweighs any ranks
    weigh = (span + 1) * (span + 1) * near + 1  # one weight unit outweighs any distances
    items = sorted(
        {
            (i, j): round(w * 10_000) * weigh - abs(i - j) * near + ranks.get((i, j), 0)
            for i, j, w in pairs
        }.items(),
        key=lambda item: (item[0][0], -item[0][1]),
    )
    js = sorted({j for (_, j), _ in items})
    rank = {j: r + 1 for r, j in enumerate(js)}
    size = len(js)
    tree_value = [0] * (size + 1)
    tree_at: list[int] = [-1] * (size + 1)
    total: list[int] = []
    previous: list[int] = []
    for k, ((_, j), weight) in enumerate(items):
        # Best chain ending at a column strictly left of j (a Fenwick tree of prefix maxima).
        best, at = 0, -1
        r = rank[j] - 1
        while r > 0:
            if tree_value[r] > best or (tree_value[r] == best and at != -1 and tree_at[r] < at):
                best, at = tree_value[r], tree_at[r]
            r -= r & -r
        total.append(best + weight)
        previous.append(at)
        r = rank[j]
        while r <= size:
            if total[k] > tree_value[r] or tree_at[r] == -1:
                tree_value[r], tree_at[r] = total[k], k
            r += r & -r
    end = max(range(len(items)), key=lambda k: (total[k], -k))
    if total[end] <= 0:
        return []
    chain: list[tuple[int, int]] = []
    while end != -1:
        chain.append(items[end][0])
        end = previous[end]
    return chain[::-1]


def _gap_links(
    old: Sequence[Unit],
    new: Sequence[Unit],
    backbone: list[tuple[int, int]],
    options: Options,
    state: LinkState,
) -> list[Link]:
    """Link similar free clauses between consecutive backbone pairs, keeping their order."""
    candidates = options.candidates
    scorer = options.scorer
    bounds = [(-1, -1), *backbone, (len(old), len(new))]
    in_gap: dict[int, int] = {}
    gaps: list[tuple[list[int], list[int]]] = []
    new_gap: dict[int, int] = {}
    for g, ((i0, j0), (i1, j1)) in enumerate(itertools.pairwise(bounds)):
        olds = [i for i in range(i0 + 1, i1) if state.old_free(i)]
        news = [j for j in range(j0 + 1, j1) if state.new_free(j)]
        gaps.append((olds, news))
        in_gap.update((i, g) for i in olds)
        new_gap.update((j, g) for j in news)
    pairs_by_gap: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for i, j in candidates:
        gap = in_gap.get(i)
        if gap is not None and new_gap.get(j) == gap:
            pairs_by_gap[gap].add((i, j))
    links: list[Link] = []
    for g, (olds, news) in enumerate(gaps):
        if not olds or not news:
            continue  # nothing to pair: most gaps of a law, between two identical clauses
        pairs = set(pairs_by_gap.get(g, ()))
        if olds and news and len(olds) * len(news) <= SMALL_GAP:
            pairs.update((i, j) for i in olds for j in news)
        else:
            # The same label in the same gap is worth scoring even when the index did not rank
            # the pair among each clause's best few (a rewritten § 1303 stays § 1303).
            by_label: dict[str, list[int]] = defaultdict(list)
            for j in news:
                by_label[new[j].label].append(j)
            pairs.update((i, j) for i in olds for j in by_label.get(old[i].label, ()))
        weighted: list[tuple[int, int, float]] = []
        for i, j in pairs:
            same_label = old[i].label == new[j].label
            if not old[i].has_text or not new[j].has_text:
                # Text never published on one side: only position and label can pair it.
                if same_label:
                    weighted.append((i, j, GAP_MIN_SAME_LABEL))
                continue
            floor = GAP_MIN_SAME_LABEL if same_label else GAP_MIN
            if scorer.upper(i, j) < floor:
                continue
            sim = options.sim(i, j)
            if sim < floor:
                continue
            # A clause whose far better match lies outside this gap has moved; do not let
            # position pair it with a weaker neighbour.
            need = max(MOVE_MIN, sim + MOVE_MARGIN)
            elsewhere = options.best_other(i, j, at_least=need)
            if elsewhere is not None and elsewhere >= need:
                continue
            weighted.append((i, j, sim))
        for i, j in heaviest_increasing(weighted, len(old) + len(new), content_key(old, new)):
            runner = options.best_other(i, j, tries=RUNNER_UP_TRIES)
            links.append(Link((i,), (j,), "order", options.sim(i, j), runner))
    return links
