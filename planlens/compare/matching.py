"""Alignment by similarity: the pair scorer, and the passes that link clauses wherever they are.

- `Scorer`: how alike two units are (difflib ratio or weighted word overlap), each pair computed
  once, with cheap upper bounds; `Options`: each unit's candidate partners, scored on demand.
- `move_links()`: clauses moved and edited, linked one to one with a margin over the runner-up.
- `split_merge()`: a clause whose words are found in several clauses of the other side.

What the passes leave is paired in `planlens.compare.residual`.

The thresholds that decide a link (`MOVE_MIN`, `MOVE_MARGIN`, `WEAK_MIN`) are here;
the passes that use document order, and the order in which all passes run, are in
`planlens.compare.align`.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Sequence

from planlens.compare.matcher import Matcher
from planlens.compare.similarity import (
    CandidateIndex,
    Weights,
    matched_words,
    ratio,
    shared_count,
    subsequence_length,
    word_bits,
)
from planlens.compare.units import Link, LinkState, Unit

#: Least similarity for a link anywhere (a moved clause), and the margin it needs over the
#: runner-up: when unsure, no link is better than a wrong one.
MOVE_MIN = 0.6
MOVE_MARGIN = 0.08
#: Least similarity for pairing what the sure passes left, jointly (`residual.assigned_links`):
#: rewritten texts (Minsk I -> II) keep only a third of their words yet stay recognisable
#: against the rest. Chosen on the labelled pairs of bench/gold, checked leave-one-pair-out.
WEAK_MIN = 0.38
#: Below this, a pair's difflib ratio cannot matter to any decision, so a cheap upper bound
#: (shared words, in any order) rules it out without running difflib.
EXACT_FLOOR = 0.3
#: A part of a split (or merge) must have this share of its words in the whole, and the parts
#: together must cover this share of the whole.
PART_CONTAINMENT = 0.7
WHOLE_COVERAGE = 0.6
PART_MIN_WORDS = 3


class Scorer:
    """Similarity of unit pairs, computed once each."""

    def __init__(self, old: Sequence[Unit], new: Sequence[Unit]) -> None:
        self.old = old
        self.new = new
        # A text on both sides is nearly always paired as identical text: its stems and its
        # number of words are all that is needed of it (`Vocabulary.wordset`).
        both = {u.clause.text for u in old} & {u.clause.text for u in new}
        old_sets, new_sets = _wordsets(old, both), _wordsets(new, both)
        self.index = CandidateIndex(old_sets, new_sets, Weights(old_sets + new_sets))
        self._sim: dict[tuple[int, int], float] = {}
        self._matched: dict[tuple[int, int], int] = {}
        self._common: dict[tuple[int, int], int] = {}
        self._sequence: dict[tuple[int, int], int] = {}
        self._old_bits: dict[int, dict[str, int]] = {}
        self._new_bits: dict[int, dict[str, int]] = {}
        self._overlap: dict[tuple[int, int], float] = {}

    def sim(self, i: int, j: int) -> float:
        """Return max(difflib ratio, weighted word overlap) of old unit `i` and new unit `j`.

        The ratio rewards the same words in the same order; the overlap rewards shared rare
        words, which survive paraphrase that the ratio undervalues. A ratio that cannot reach
        `EXACT_FLOOR` (too few shared words) is not computed: below that value the score is
        the overlap alone, a lower bound that no decision depends on. Nor is one that cannot
        beat the overlap (the longest common subsequence bounds it): the score is the overlap
        either way.
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
                exact = 0.0
                if bound >= EXACT_FLOOR and bound > overlap:
                    if not total:
                        exact = ratio(a.words, b.words)
                    # The ratio only matters when it beats the overlap: most pairs whose shared
                    # words pass the bound fall short of it once their order counts.
                    elif 2.0 * self.sequence(i, j) / total > overlap:
                        exact = 2.0 * self.matched(i, j) / total
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
        found = self._common.get(key)
        if found is None:
            found = self._common[key] = shared_count(self.old[i].counts, self.new[j].counts)
        return found

    def sequence(self, i: int, j: int) -> int:
        """Return the longest common subsequence of the two units' words: a bound on `matched`."""
        key = (i, j)
        found = self._sequence.get(key)
        if found is None:
            a, b = self.old[i].words, self.new[j].words
            # The longer text as bits (each unit's computed once), the loop over the shorter.
            if len(a) >= len(b):
                bits = self._bits(self._old_bits, self.old, i)
                found = subsequence_length(bits, len(a), b)
            else:
                bits = self._bits(self._new_bits, self.new, j)
                found = subsequence_length(bits, len(b), a)
            self._sequence[key] = found
        return found

    @staticmethod
    def _bits(table: dict[int, dict[str, int]], units: Sequence[Unit], k: int) -> dict[str, int]:
        found = table.get(k)
        if found is None:
            found = table[k] = word_bits(units[k].words)
        return found

    def matched(self, i: int, j: int) -> int:
        """Return how many words difflib matches between old unit `i` and new unit `j`."""
        key = (i, j)
        if key not in self._matched:
            self._matched[key] = matched_words(self.old[i].words, self.new[j].words)
        return self._matched[key]


def _wordsets(units: Sequence[Unit], both: set[str | None]) -> list[frozenset[str]]:
    """Return each unit's `wordset`, keeping the words only of texts not in `both`."""
    return [
        u.vocabulary.wordset(text, u.stem, keep_words=text not in both)
        if (text := u.clause.text) is not None
        else frozenset()
        for u in units
    ]


class Options:
    """Each unit's candidate partners, best upper bound first, with exact scores on demand.

    The upper bound (shared words in any order, or the weighted overlap) is cheap; difflib's
    ratio is not. Asking for "the best score among these" runs difflib only on candidates whose
    bound could still beat the best exact score found so far.
    """

    def __init__(self, candidates: dict[tuple[int, int], float], scorer: Scorer) -> None:
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


def move_links(options: Options, state: LinkState, floor: float) -> list[Link]:
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
        runner = options.best_other(i, j, usable, at_least=sim - MOVE_MARGIN)
        if runner is not None and sim - runner < MOVE_MARGIN:
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
        matcher = Matcher(whole.words, part.words)
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


def split_merge(
    old: Sequence[Unit],
    new: Sequence[Unit],
    candidates: dict[tuple[int, int], float],
    scorer: Scorer,
    state: LinkState,
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
                if scorer.sequence(*pair) < PART_CONTAINMENT * len(part.words):
                    continue  # nor in the same order: difflib cannot match more
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
