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
6. splits and merges: a clause whose words are found in several clauses of the other side.

Every decision uses symmetric measures and tie-breaks, so comparing B with A mirrors comparing A
with B. Candidate pairs come from an inverted index (`similarity.CandidateIndex`), never from
enumerating all pairs, so the cost grows near-linearly with the documents.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property
from typing import Any

from planlens.compare.model import MatchedBy
from planlens.compare.similarity import (
    CandidateIndex,
    Weights,
    matched_words,
    normalise,
    ratio,
    words,
)
from planlens.plan.model import Clause, Plan

#: Least similarity for a link inside a gap, where position supports it, and where the two
#: clauses also carry the same label (point 25 in both).
GAP_MIN = 0.45
GAP_MIN_SAME_LABEL = 0.3
#: Least similarity for a link anywhere (a moved clause), and the margin it needs over the
#: runner-up: when unsure, no link is better than a wrong one.
MOVE_MIN = 0.6
MOVE_MARGIN = 0.08
#: A weaker link is still made when it is clearly both clauses' best option: rewritten texts
#: (Minsk I -> II) keep only a third of their words yet stay recognisable against the rest.
WEAK_MIN = 0.33
WEAK_MARGIN = 0.1
#: Below this, a pair's difflib ratio cannot matter to any decision, so a cheap upper bound
#: (shared words, in any order) rules it out without running difflib.
EXACT_FLOOR = 0.3
#: How many alternatives are scored to report an order link's runner-up.
RUNNER_UP_TRIES = 3
#: A gap this small (old × new clauses) has all its pairs scored, not only indexed candidates.
SMALL_GAP = 36
#: A part of a split (or merge) must have this share of its words in the whole, and the parts
#: together must cover this share of the whole.
PART_CONTAINMENT = 0.7
WHOLE_COVERAGE = 0.6
PART_MIN_WORDS = 3


@dataclass(frozen=True)
class Unit:
    """A clause in document order, with what alignment needs to know of it.

    The word features are computed on first use: most clauses of a large law are paired by
    identical text and never need them.
    """

    index: int
    clause: Clause
    parent: int | None
    norm: str | None
    label: str

    @property
    def has_text(self) -> bool:
        return self.norm is not None

    @cached_property
    def words(self) -> tuple[str, ...]:
        return words(self.clause.text) if self.clause.text is not None else ()

    @cached_property
    def wordset(self) -> frozenset[str]:
        return frozenset(self.words)

    @cached_property
    def counts(self) -> Counter[str]:
        return Counter(self.words)


def flatten(plan: Plan) -> list[Unit]:
    """Return every clause of `plan` as a unit, depth first in document order."""
    units: list[Unit] = []

    def visit(clause: Clause, parent: int | None) -> None:
        text = clause.text
        index = len(units)
        units.append(
            Unit(
                index=index,
                clause=clause,
                parent=parent,
                norm=normalise(text) if text is not None else None,
                label=clause.number if clause.number is not None else clause.id,
            )
        )
        for child in clause.clauses:
            visit(child, index)

    for clause in plan.clauses:
        visit(clause, None)
    return units


@dataclass(frozen=True, slots=True)
class Link:
    """A pairing of old units with new units (unit indices), with the evidence for it."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    matched_by: MatchedBy
    score: float
    runner_up: float | None = None


class _Scorer:
    """Similarity of unit pairs, computed once each."""

    def __init__(self, old: Sequence[Unit], new: Sequence[Unit]) -> None:
        self.old = old
        self.new = new
        weights = Weights([u.wordset for u in old] + [u.wordset for u in new])
        self.index = CandidateIndex([u.wordset for u in old], [u.wordset for u in new], weights)
        self._sim: dict[tuple[int, int], float] = {}
        self._matched: dict[tuple[int, int], int] = {}
        self._common: dict[tuple[int, int], int] = {}
        self._overlap: dict[tuple[int, int], float] = {}

    def sim(self, i: int, j: int) -> float:
        """Return max(difflib ratio, weighted word overlap) of old unit `i` and new unit `j`.

        The ratio rewards the same words in the same order; the overlap rewards shared rare
        words, which survive paraphrase that the ratio undervalues. A ratio that cannot reach
        `EXACT_FLOOR` (too few shared words) is not computed: below that value the score is
        the overlap alone, a lower bound that no decision depends on.
        """
        key = (i, j)
        cached = self._sim.get(key)
        if cached is None:
            a, b = self.old[i], self.new[j]
            if not a.has_text or not b.has_text:
                cached = 0.0
            else:
                overlap = self.overlap(i, j)
                total = len(a.words) + len(b.words)
                bound = 2.0 * self.common(i, j) / total if total else 1.0
                exact = ratio(a.words, b.words) if bound >= EXACT_FLOOR and bound > overlap else 0.0
                cached = max(exact, overlap)
            self._sim[key] = cached
        return cached

    def upper(self, i: int, j: int) -> float:
        """Return a cheap upper bound of `sim`: shared words in any order, or the overlap."""
        key = (i, j)
        if key in self._sim:
            return self._sim[key]
        a, b = self.old[i], self.new[j]
        if not a.has_text or not b.has_text:
            return 0.0
        overlap = self.overlap(i, j)
        total = len(a.words) + len(b.words)
        return max(overlap, 2.0 * self.common(i, j) / total if total else 1.0)

    def overlap(self, i: int, j: int) -> float:
        """Return the weighted word overlap over all shared words.

        (The candidate index ranks pairs by a cheaper overlap that leaves out the most frequent
        words; scores always use this full one, so a pair scores the same however it was found.)
        """
        key = (i, j)
        if key not in self._overlap:
            self._overlap[key] = self.index.overlap(i, j)
        return self._overlap[key]

    def common(self, i: int, j: int) -> int:
        """Return how many words the two units share, in any order: a bound on `matched`."""
        key = (i, j)
        if key not in self._common:
            self._common[key] = (self.old[i].counts & self.new[j].counts).total()
        return self._common[key]

    def matched(self, i: int, j: int) -> int:
        """Return how many words difflib matches between old unit `i` and new unit `j`."""
        key = (i, j)
        if key not in self._matched:
            self._matched[key] = matched_words(self.old[i].words, self.new[j].words)
        return self._matched[key]


def align(old: Sequence[Unit], new: Sequence[Unit], pins: Iterable[tuple[int, int]]) -> list[Link]:
    """Return the links between `old` and `new` units; `pins` are (old, new) analyst links."""
    scorer = _Scorer(old, new)
    state = _State(len(old), len(new))
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
    options = _Options(candidates, scorer)
    for link in _gap_links(old, new, backbone, options, state):
        state.add(link)
    # Clear moves first; then splits and merges; only then weak moves, which must not take a
    # clause that is really one part of a split or merge.
    for link in _move_links(options, state, MOVE_MIN):
        state.add(link)
    _split_merge(old, new, candidates, scorer, state)
    for link in _move_links(options, state, WEAK_MIN):
        state.add(link)
    return sorted(
        state.links, key=lambda link: (min(link.new, default=-1), min(link.old, default=-1))
    )


class _State:
    """Links made so far, and which units they use."""

    def __init__(self, n_old: int, n_new: int) -> None:
        self.links: list[Link] = []
        self.old_link: list[Link | None] = [None] * n_old
        self.new_link: list[Link | None] = [None] * n_new

    def old_free(self, i: int) -> bool:
        return self.old_link[i] is None

    def new_free(self, j: int) -> bool:
        return self.new_link[j] is None

    def add(self, link: Link) -> None:
        self.links.append(link)
        for i in link.old:
            self.old_link[i] = link
        for j in link.new:
            self.new_link[j] = link

    def remove(self, link: Link) -> None:
        self.links.remove(link)
        for i in link.old:
            self.old_link[i] = None
        for j in link.new:
            self.new_link[j] = None


def _pin_links(
    old: Sequence[Unit], new: Sequence[Unit], pins: Iterable[tuple[int, int]], scorer: _Scorer
) -> list[Link]:
    """Group pins into connected components: 1-1 pairs, splits (1-n) and merges (n-1)."""
    edges = sorted(set(pins))
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
                    links.append(Link((i,), (j,), "pin", scorer.sim(i, j)))
            continue
        score = scorer.sim(olds[0], news[0]) if len(olds) == len(news) == 1 else 1.0
        links.append(Link(olds, news, "pin", score))
    return links


def _exact_links(old: Sequence[Unit], new: Sequence[Unit], state: _State) -> list[Link]:
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

    Ties go to the chain nearest the diagonal (smallest total |i - j|), then to the chain whose
    pairs rank highest by `prefer(i, j)`, a key of the pair's content, then by earlier pairs.
    These rules read the same with old and new swapped, so a swap of two clauses flags the same
    one as moved either way.
    Weights are made integers so that sums compare exactly.

    >>> heaviest_increasing([(0, 0, 1.0), (1, 3, 1.0), (2, 1, 1.0), (3, 2, 1.0)], 8)
    [(0, 0), (2, 1), (3, 2)]
    >>> heaviest_increasing([(0, 0, 1.0), (1, 3, 1.0), (2, 1, 1.0)], 6)  # equal weight: nearer
    [(0, 0), (2, 1)]
    """
    if not pairs:
        return []
    # Ranks: by content, then earlier pairs first (smaller i + j); symmetric under a swap.
    ordered = sorted(
        {(i, j) for i, j, _ in pairs},
        key=lambda p: (prefer(*p) if prefer else 0, -(p[0] + p[1])),
    )
    ranks = {pair: rank for rank, pair in enumerate(ordered)}
    n = len(pairs) + 1
    near = n * (span + 1) + 1  # one step nearer the diagonal outweighs any ranks
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


def content_key(old: Sequence[Unit], new: Sequence[Unit]) -> Callable[[int, int], Any]:
    """Return a key ranking pairs by their texts and labels, the same with old and new swapped."""

    def key(i: int, j: int) -> Any:
        a, b = old[i], new[j]
        return sorted(
            [(len(a.words), a.norm or "", a.label), (len(b.words), b.norm or "", b.label)]
        )

    return key


class _Options:
    """Each unit's candidate partners, best upper bound first, with exact scores on demand.

    The upper bound (shared words in any order, or the weighted overlap) is cheap; difflib's
    ratio is not. Asking for "the best score among these" runs difflib only on candidates whose
    bound could still beat the best exact score found so far.
    """

    def __init__(self, candidates: dict[tuple[int, int], float], scorer: _Scorer) -> None:
        self.scorer = scorer
        self.candidates = candidates
        self.by_old: dict[int, list[tuple[float, int]]] = defaultdict(list)
        self.by_new: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for i, j in sorted(candidates):
            upper = scorer.upper(i, j)
            self.by_old[i].append((upper, j))
            self.by_new[j].append((upper, i))
        for table in (self.by_old, self.by_new):
            for row in table.values():
                row.sort(key=lambda t: (-t[0], t[1]))

    def sim(self, i: int, j: int) -> float:
        return self.scorer.sim(i, j)

    def best_other(
        self,
        i: int,
        j: int,
        usable: Callable[[int, int], bool] = lambda i, j: True,
        *,
        at_least: float = 0.0,
        tries: int | None = None,
    ) -> float | None:
        """Return the best exact score of a usable candidate pairing `i` or `j` with another.

        Candidates whose bound is below `at_least` are not scored; the search stops at the first
        score reaching `at_least` when that is set, and after `tries` scored candidates. So the
        result is exact when it matters to a decision and the likeliest alternatives' best
        otherwise: difflib on long texts is the cost that dominates alignment.
        """
        pairs = [(upper, i, other) for upper, other in self.by_old.get(i, []) if other != j]
        pairs += [(upper, other, j) for upper, other in self.by_new.get(j, []) if other != i]
        pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
        best: float | None = None
        scored = 0
        for upper, a, b in pairs:
            if upper < at_least or (best is not None and upper <= best):
                break
            if tries is not None and scored >= tries:
                break
            if usable(a, b):
                sim = self.sim(a, b)
                scored += 1
                best = sim if best is None else max(best, sim)
                if at_least and best >= at_least:
                    break
        return best


def _gap_links(
    old: Sequence[Unit],
    new: Sequence[Unit],
    backbone: list[tuple[int, int]],
    options: _Options,
    state: _State,
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


def _move_links(options: _Options, state: _State, floor: float) -> list[Link]:
    """Link clearly similar free clauses anywhere, surest first, one to one, with a margin.

    Pairs are taken in order of exact score, found lazily: a heap holds upper bounds, and a
    pair's difflib ratio is computed only when its bound reaches the top.
    """
    heap: list[tuple[float, int, int, int, int]] = []
    for i, j in options.candidates:
        if state.old_free(i) and state.new_free(j):
            upper = options.scorer.upper(i, j)
            if upper >= floor:
                heap.append((-upper, abs(i - j), i + j, i, 1))
    heapq.heapify(heap)
    links: list[Link] = []
    taken_old: set[int] = set()
    taken_new: set[int] = set()

    def usable(a: int, b: int) -> bool:
        return state.old_free(a) and state.new_free(b) and a not in taken_old and b not in taken_new

    while heap:
        key, distance, total, i, bound = heapq.heappop(heap)
        j = total - i
        if i in taken_old or j in taken_new:
            continue
        if bound:
            sim = options.sim(i, j)
            if sim >= floor:
                heapq.heappush(heap, (-sim, distance, total, i, 0))
            continue
        sim = -key
        margin = MOVE_MARGIN if sim >= MOVE_MIN else WEAK_MARGIN
        runner = options.best_other(i, j, usable, at_least=sim - margin)
        if runner is not None and sim - runner < margin:
            continue
        taken_old.add(i)
        taken_new.add(j)
        links.append(Link((i,), (j,), "similar", sim, runner))
    return links


def _distinct_parts(whole: Unit, parts: Sequence[Unit]) -> tuple[list[int], int]:
    """Return the parts that each bring words of `whole` no other part brings, and the coverage.

    A short clause whose words happen to recur inside a merged text ("Preserve any Warranty
    Disclaimers.") is not a part of the merge: what it matches, the real parts already cover.
    Parts are taken largest first; one is kept when at least half of what it matches is new.
    Coverage counts each word of the whole once, however many parts match it.
    """
    placed = []
    for part in parts:
        matcher = SequenceMatcher(None, whole.words, part.words, autojunk=False)
        positions = {a + k for a, _, size in matcher.get_matching_blocks() for k in range(size)}
        placed.append((len(positions), part.index, positions))
    covered: set[int] = set()
    kept: list[int] = []
    for size, index, positions in sorted(placed, key=lambda t: (-t[0], t[1])):
        fresh = positions - covered
        if size and len(fresh) >= max(PART_MIN_WORDS, size / 2):
            kept.append(index)
            covered |= positions
    return kept, len(covered)


def _split_merge(
    old: Sequence[Unit],
    new: Sequence[Unit],
    candidates: dict[tuple[int, int], float],
    scorer: _Scorer,
    state: _State,
) -> None:
    """Find clauses split into several (or merged from several) among the free clauses.

    A free clause is a *part* of a clause on the other side (its *whole*) when most of its words
    are found there in order. A whole with two or more parts, counting its current one-to-one
    partner, that together cover most of it, is split (old whole) or merged (new whole).
    """
    old_candidates: dict[int, list[int]] = defaultdict(list)
    new_candidates: dict[int, list[int]] = defaultdict(list)
    for i, j in sorted(candidates):
        old_candidates[i].append(j)
        new_candidates[j].append(i)
    parts_of: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    # side "o": the whole is old, the parts new (a split); side "n": the reverse (a merge).
    for side, parts, free, wholes_of in (
        ("o", new, state.new_free, new_candidates),
        ("n", old, state.old_free, old_candidates),
    ):
        for part in parts:
            if not free(part.index) or len(part.words) < PART_MIN_WORDS:
                continue
            best: tuple[float, int, int, int] | None = None
            for whole in wholes_of.get(part.index, []):
                pair = (whole, part.index) if side == "o" else (part.index, whole)
                if scorer.common(*pair) < PART_CONTAINMENT * len(part.words):
                    continue  # not enough shared words, whatever their order
                m = scorer.matched(*pair)
                key = (m / len(part.words), -abs(whole - part.index), -whole, m)
                if key[0] >= PART_CONTAINMENT and (best is None or key > best):
                    best = key
            if best is not None:
                parts_of[side, -best[2]].append((part.index, best[3]))
    groups: list[tuple[float, str, int, tuple[int, ...]]] = []
    for (side, whole), found in parts_of.items():
        whole_unit = old[whole] if side == "o" else new[whole]
        current = state.old_link[whole] if side == "o" else state.new_link[whole]
        members = [p for p, _ in found]
        partner: int | None = None
        if current is not None:
            if current.matched_by == "pin" or len(current.old) != 1 or len(current.new) != 1:
                continue
            partner = current.new[0] if side == "o" else current.old[0]
            members.append(partner)
        if len(members) < 2 or not whole_unit.words:
            continue
        part_units = new if side == "o" else old
        kept, covered = _distinct_parts(whole_unit, [part_units[p] for p in members])
        if len(kept) < 2 or (partner is not None and partner not in kept):
            continue
        coverage = covered / len(whole_unit.words)
        if coverage >= WHOLE_COVERAGE:
            groups.append((coverage, side, whole, tuple(sorted(kept))))
    for coverage, side, whole, members_ in sorted(groups, key=lambda g: (-g[0], g[2], g[3])):
        current = state.old_link[whole] if side == "o" else state.new_link[whole]
        part_link = state.new_link if side == "o" else state.old_link
        # Every part must still be free, or be the whole's own one-to-one partner.
        if current is not None and (len(current.old) != 1 or len(current.new) != 1):
            continue
        if any(part_link[p] is not None and part_link[p] is not current for p in members_):
            continue
        if current is not None:
            state.remove(current)
        if side == "o":
            state.add(Link((whole,), members_, "split", coverage))
        else:
            state.add(Link(members_, (whole,), "merge", coverage))
