"""Echoes: clauses of one plan whose wording recurs in plans outside its own lineage.

A us-28 point that repeats Minsk II's "exchanged on an all-for-all basis", or the peace
formula's "Zaporizhzhia nuclear power plant ... IAEA", is an echo. Versions of the same document
are not: they are the lineage, and `planlens lineage` follows them. A plan's lineage is every
plan connected to it through `follows`, in either direction (its connected component in the
follows graph, siblings included); echoes come only from the other plans.

How alike two clauses are is the weighted word overlap of the candidate index
(`planlens.compare.similarity`): a Dice coefficient over word stems, each stem weighted by its
rarity (idf) over all clauses of all plans. An echo needs more than a score: the two clauses must
share at least `MIN_DISTINCTIVE` *distinctive* stems, those found in few clauses of the corpus
(at most `POSTINGS_CAP`, and at most `DISTINCTIVE_SHARE` of all clauses, but always when in
`POSTINGS_FLOOR` or fewer). So a stock phrase ("the parties shall", "United States") never makes
an echo on its own, however short the clauses.

The same rule makes the search near-linear: an inverted index holds only the distinctive stems,
each in at most `POSTINGS_CAP` clauses, so a clause meets at most `POSTINGS_CAP` others per
stem, never every clause of the corpus. The index loses nothing: a pair it does not propose
shares too few distinctive stems to be an echo by definition.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from planlens.compare.similarity import Weights, words
from planlens.compare.stemming import stemmer
from planlens.errors import PlanlensError
from planlens.lineage.order import lineage_groups
from planlens.plan.model import ClauseRef, Plan

#: Least score for an echo. On the shipped plans, pairs from 0.25 up read as echoes (prisoners
#: "on an all-for-all basis", the Zaporizhzhia plant under the IAEA, the Black Sea grain
#: initiative); below it, most pairs share a topic word and little else.
MIN_SCORE = 0.25
#: How many clauses of each other plan a clause may echo: two, because one point often answers
#: two of another plan's (the peace formula's prisoners and deported children are us-28's 24.a
#: and 24.b).
PER_PLAN = 2
#: How many distinctive stems an echo's two clauses must share.
MIN_DISTINCTIVE = 2
#: A stem in more clauses than this is never distinctive, however large the corpus: a constant
#: keeps the index's join linear in the number of clauses.
POSTINGS_CAP = 40
#: ... nor is a stem in more than this share of all clauses: in the 183 clauses of the shipped
#: plans, "an" is in 14 (8%), "nuclear" in 10, "IAEA" in 4; at 10%, "an" made echoes.
DISTINCTIVE_SHARE = 0.05
#: A stem in this many clauses or fewer is distinctive, however small the corpus: one clause and
#: its echo, each copied into a second version of its document.
POSTINGS_FLOOR = 4


@dataclass(frozen=True, slots=True)
class Echo:
    """A clause of another plan that echoes a clause: where it is, the score, the words shared.

    `words` are the distinctive words the two clauses share, as written in the echoing clause,
    rarest first.
    """

    plan: str
    clause: str
    score: float
    words: tuple[str, ...] = ()

    @property
    def ref(self) -> ClauseRef:
        return ClauseRef(self.plan, self.clause)


@dataclass(frozen=True, slots=True)
class ClauseEchoes:
    """One clause of the plan and its echoes, best first (none for most clauses)."""

    clause: str
    echoes: tuple[Echo, ...]


@dataclass(frozen=True, slots=True)
class Echoes:
    """The echoes of every clause of `plan` in the plans `searched`.

    `clauses` has every clause of `plan`, at every depth, in document order. `lineage` names the
    other plans of the plan's lineage, which are not searched. `searched` is sorted by date, then
    id.
    """

    plan: Plan
    lineage: tuple[str, ...]
    searched: tuple[Plan, ...]
    clauses: tuple[ClauseEchoes, ...]
    per_plan: int
    min_score: float

    def of(self, clause_id: str) -> tuple[Echo, ...]:
        """Return the echoes of one clause (empty for an unknown id)."""
        for item in self.clauses:
            if item.clause == clause_id:
                return item.echoes
        return ()

    @property
    def count(self) -> int:
        """How many echoes there are, over all clauses."""
        return sum(len(item.echoes) for item in self.clauses)


class EchoIndex:
    """The inverted index of a corpus's clauses, built once, asked for any plan's echoes.

    Building costs time linear in the corpus's words; `echoes()` of one plan costs, per word
    of its clauses, at most `POSTINGS_CAP` steps.
    """

    def __init__(self, plans: Iterable[Plan]) -> None:
        ordered = sorted(plans, key=lambda p: (p.date, p.id))
        seen: set[str] = set()
        for plan in ordered:
            if plan.id in seen:
                raise PlanlensError(f"plan '{plan.id}' is given twice")
            seen.add(plan.id)
        self.plans = tuple(ordered)
        self.by_id = {plan.id: plan for plan in ordered}
        #: Each plan's lineage, by the name `lineage_groups` gives it.
        self.group = lineage_groups(ordered)
        #: Per clause with text, in plan order then document order: its plan, id, stems and
        #: each stem's first spelling in the text.
        self.plan_of: list[str] = []
        self.clause_of: list[str] = []
        self.docs: list[frozenset[str]] = []
        self.spelling: list[dict[str, str]] = []
        self.where: dict[tuple[str, str], int] = {}
        for plan in ordered:
            stem = stemmer(plan.language)
            for clause in plan.walk():
                if clause.text is None:
                    continue
                spelled: dict[str, str] = {}
                for word in words(clause.text):
                    spelled.setdefault(stem(word), word)
                self.where[plan.id, clause.id] = len(self.docs)
                self.plan_of.append(plan.id)
                self.clause_of.append(clause.id)
                self.docs.append(frozenset(spelled))
                self.spelling.append(spelled)
        self.weights = Weights(self.docs)
        n = len(self.docs)
        self.cap = max(POSTINGS_FLOOR, min(POSTINGS_CAP, int(DISTINCTIVE_SHARE * n)))
        self.mass = [self.weights.mass(doc) for doc in self.docs]
        df = self.weights.df
        self.postings: dict[str, list[int]] = defaultdict(list)
        for k, doc in enumerate(self.docs):
            for s in doc:
                if df[s] <= self.cap:
                    self.postings[s].append(k)

    def distinctive(self, stem: str) -> bool:
        """Whether a stem is rare enough in the corpus to be evidence of an echo."""
        return 0 < self.weights.df.get(stem, 0) <= self.cap

    def score(self, i: int, j: int) -> float:
        """Return the weighted word overlap of clauses `i` and `j` over all their shared stems."""
        total = self.mass[i] + self.mass[j]
        return 2.0 * self.weights.mass(self.docs[i] & self.docs[j]) / total if total else 0.0

    def echoes(
        self, plan_id: str, *, per_plan: int = PER_PLAN, min_score: float = MIN_SCORE
    ) -> Echoes:
        """Return the echoes of the indexed plan `plan_id` in the plans outside its lineage."""
        if per_plan < 1:
            raise PlanlensError(f"per_plan must be at least 1, not {per_plan}")
        if not 0.0 <= min_score <= 1.0:
            raise PlanlensError(f"min_score must be between 0 and 1, not {min_score}")
        plan = self.by_id[plan_id]
        group = self.group[plan_id]
        lineage = tuple(p.id for p in self.plans if self.group[p.id] == group and p.id != plan_id)
        searched = tuple(p for p in self.plans if self.group[p.id] != group)
        items = []
        for clause in plan.walk():
            i = self.where.get((plan_id, clause.id))
            found = () if i is None else self._clause_echoes(i, group, per_plan, min_score)
            items.append(ClauseEchoes(clause.id, found))
        return Echoes(plan, lineage, searched, tuple(items), per_plan, min_score)

    def _clause_echoes(
        self, i: int, group: str, per_plan: int, min_score: float
    ) -> tuple[Echo, ...]:
        shared: dict[int, int] = defaultdict(int)
        plan_of, groups = self.plan_of, self.group
        for s in self.docs[i]:
            for j in self.postings.get(s, ()):
                if groups[plan_of[j]] != group:
                    shared[j] += 1
        by_plan: dict[str, list[tuple[float, int]]] = defaultdict(list)
        for j, count in shared.items():
            if count >= MIN_DISTINCTIVE:
                score = self.score(i, j)
                if score >= min_score:
                    by_plan[plan_of[j]].append((score, j))
        kept = [pair for row in by_plan.values() for pair in sorted(row, key=_best)[:per_plan]]
        return tuple(self._echo(i, j, score) for score, j in sorted(kept, key=_best))

    def _echo(self, i: int, j: int, score: float) -> Echo:
        idf = self.weights.idf
        common = [s for s in self.docs[i] & self.docs[j] if self.distinctive(s)]
        common.sort(key=lambda s: (-idf[s], s))
        spelled = self.spelling[i]
        return Echo(self.plan_of[j], self.clause_of[j], score, tuple(spelled[s] for s in common))


def _best(pair: tuple[float, int]) -> tuple[float, int]:
    """Best score first; ties in corpus order (plan date and id, then document order)."""
    return (-pair[0], pair[1])


def echoes(
    plan: Plan,
    corpus: Iterable[Plan],
    *,
    per_plan: int = PER_PLAN,
    min_score: float = MIN_SCORE,
) -> Echoes:
    """Return, for each clause of `plan`, the clauses of `corpus` outside its lineage that echo it.

    Word rarity is measured over `plan` and `corpus` together. A plan of `corpus` with `plan`'s
    id is `plan` itself (an earlier copy of it, or the same file) and is left out. Each clause
    keeps its `per_plan` best echoes in each other plan that score at least `min_score`, best
    first. Raises `PlanlensError` when two plans of `corpus` have one id, or for a `per_plan`
    below 1 or a `min_score` outside [0, 1].
    """
    others = [p for p in corpus if p.id != plan.id]
    return EchoIndex([plan, *others]).echoes(plan.id, per_plan=per_plan, min_score=min_score)


def corpus_echoes(
    corpus: Sequence[Plan], *, per_plan: int = PER_PLAN, min_score: float = MIN_SCORE
) -> Mapping[str, Echoes]:
    """Return the echoes of every plan of `corpus` in the others, from one index: by plan id.

    The same as `echoes(plan, corpus)` for each plan, at the cost of one.
    """
    index = EchoIndex(corpus)
    return {
        plan.id: index.echoes(plan.id, per_plan=per_plan, min_score=min_score)
        for plan in index.plans
    }
