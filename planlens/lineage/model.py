"""The lineage data model: versions, edges, steps, families and the lineage they make up.

Plain frozen data: what became of a clause family in each version (`StepState` and the state
sets), how an edge between clause forms was found (`EdgeKind`), and the records `lineage()`
returns. The building is in `planlens.lineage.build`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from planlens.compare.model import Flag, MatchedBy, PlanDiff, Relation, Segment
from planlens.plan.model import ClauseRef, Dropped, Plan

#: What became of a family in one version.
#: `original`: in a first version of the lineage; `added`: new here, the version before being
#: complete; `appeared`: new here, but the version before is partial, so it may come from a
#: clause that version does not show; `unchanged` ... `merged`: as in a pairwise comparison;
#: `text-unknown`: here and paired with its earlier form, but one of the two texts was never
#: published; `reintroduced`: back after it was dropped; `unknown`: not known whether this
#: version has it (the version is partial and says nothing, or the earlier form has no text to
#: compare); `removed`: dropped in this version; `absent`: not in this version (before it first
#: appeared, after it was dropped, or on another branch).
StepState = Literal[
    "original",
    "added",
    "appeared",
    "unchanged",
    "reworded",
    "modified",
    "split",
    "merged",
    "text-unknown",
    "reintroduced",
    "unknown",
    "removed",
    "absent",
]
STEP_STATES: tuple[StepState, ...] = (
    "original",
    "added",
    "appeared",
    "unchanged",
    "reworded",
    "modified",
    "split",
    "merged",
    "text-unknown",
    "reintroduced",
    "unknown",
    "removed",
    "absent",
)
#: The states in which the family has a clause in the version.
PRESENT_STATES: frozenset[StepState] = frozenset(STEP_STATES) - {"unknown", "removed", "absent"}
#: The states that change a clause's text.
CHANGE_STATES: frozenset[StepState] = frozenset(("reworded", "modified", "split", "merged"))

#: How an edge was found: comparing a version with the one it follows (`direct`); comparing it
#: with an earlier version, past versions that said nothing about the clause (`skip`); or the
#: same, for a clause that an earlier version had dropped (`reintroduced`).
EdgeKind = Literal["direct", "skip", "reintroduced"]


_SUBSTANTIVE: frozenset[StepState] = frozenset(
    ("modified", "split", "merged", "added", "removed", "reintroduced")
)
_FATES: tuple[tuple[StepState, Relation], ...] = (
    ("removed", "removed"),
    ("split", "split"),
    ("merged", "merged"),
    ("modified", "modified"),
    ("reintroduced", "added"),
    ("added", "added"),
    ("reworded", "reworded"),
    ("unknown", "unknown"),
    ("appeared", "unknown"),
    ("text-unknown", "unknown"),
)


@dataclass(frozen=True, slots=True)
class Version:
    """One version in a lineage: its plan, the versions it follows there, its position."""

    plan: Plan
    parents: tuple[str, ...]
    index: int

    @property
    def id(self) -> str:
        return self.plan.id


@dataclass(frozen=True, slots=True)
class Edge:
    """Clause forms of an earlier version that became clause forms of a later one.

    A split has one old id and several new ones, a merge the reverse. `relation`, `flags` and
    `segments` are those of the comparison that made the edge.
    """

    old_version: str
    new_version: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    relation: Relation
    kind: EdgeKind
    moved: bool = False
    renumbered: bool = False
    matched_by: MatchedBy | None = None
    score: float | None = None
    flags: tuple[Flag, ...] = ()
    segments: tuple[Segment, ...] = ()

    @property
    def old_refs(self) -> tuple[ClauseRef, ...]:
        return tuple(ClauseRef(self.old_version, cid) for cid in self.old)

    @property
    def new_refs(self) -> tuple[ClauseRef, ...]:
        return tuple(ClauseRef(self.new_version, cid) for cid in self.new)


@dataclass(frozen=True, slots=True)
class Step:
    """A family in one version: its clauses there and how they came from earlier forms.

    `edges` arrive at `clauses`, except at those with no earlier form: `added` (new here) and
    `appeared` (first seen here, but a version before is partial, so they may be older).
    `removed` are earlier forms this version dropped (with the version's `dropped` entries about
    them in `reports`); `unknown` are earlier forms of which nothing says whether this version
    has them. `since` names the versions that edges or removals reach back to past the
    version(s) just before, which said nothing about the clause. `perhaps` holds the hints of
    the comparisons behind the step (`Change.perhaps`): for a form removed here or a clause
    added here, the clause on the other side of that comparison it likeliest became or came
    from, too unsure to link, and how likely: (form, counterpart, likelihood).
    """

    version: str
    state: StepState
    clauses: tuple[str, ...] = ()
    edges: tuple[Edge, ...] = ()
    removed: tuple[ClauseRef, ...] = ()
    unknown: tuple[ClauseRef, ...] = ()
    reports: tuple[Dropped, ...] = ()
    since: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    appeared: tuple[str, ...] = ()
    perhaps: tuple[tuple[ClauseRef, ClauseRef, float], ...] = ()

    @property
    def present(self) -> bool:
        return self.state in PRESENT_STATES

    @property
    def flags(self) -> tuple[Flag, ...]:
        return tuple(dict.fromkeys(flag for edge in self.edges for flag in edge.flags))

    @property
    def moved(self) -> bool:
        return any(edge.moved for edge in self.edges)


@dataclass(frozen=True, slots=True)
class Family:
    """A clause's successive forms across the versions: one step per version, lineage order.

    `id` is the earliest form (`us-28#6`); `clauses` lists every form, oldest version first.
    """

    id: str
    clauses: tuple[ClauseRef, ...]
    steps: tuple[Step, ...]
    topics: tuple[str, ...]
    depth: int

    def step(self, version: str) -> Step:
        """Return this family's step in `version`."""
        for step in self.steps:
            if step.version == version:
                return step
        raise KeyError(version)

    @property
    def introduced(self) -> str:
        """The first version with a form of this family."""
        return next(step.version for step in self.steps if step.present)

    @property
    def changed(self) -> tuple[Step, ...]:
        """The steps where the family was reworded, modified, split or merged."""
        return tuple(s for s in self.steps if s.state in CHANGE_STATES)

    @property
    def moved(self) -> tuple[str, ...]:
        """The versions that moved the clause among its siblings or to another parent."""
        return tuple(s.version for s in self.steps if s.present and s.moved)

    @property
    def dropped(self) -> tuple[str, ...]:
        """The versions that dropped the whole family."""
        return tuple(s.version for s in self.steps if s.state == "removed")

    @property
    def reintroduced(self) -> tuple[str, ...]:
        """The versions that brought the family back after it was dropped."""
        return tuple(s.version for s in self.steps if s.state == "reintroduced")

    @property
    def unknown(self) -> tuple[str, ...]:
        """The versions of which it is not known whether they have the family."""
        return tuple(s.version for s in self.steps if s.state == "unknown")

    @property
    def latest(self) -> tuple[ClauseRef, ...]:
        """The forms in the last version that has any."""
        for step in reversed(self.steps):
            if step.present:
                return tuple(ClauseRef(step.version, cid) for cid in step.clauses)
        return ()

    @property
    def substantive(self) -> bool:
        """Tell whether the family ever changed in substance, was added, dropped or came back."""
        return any(s.flags or s.state in _SUBSTANTIVE for s in self.steps)

    @property
    def fate(self) -> Relation:
        """Summarise the family in one pairwise relation (for filters): the most telling."""
        states = {s.state for s in self.steps}
        return next((relation for state, relation in _FATES if state in states), "unchanged")


@dataclass(frozen=True, slots=True)
class Lineage:
    """Versions in lineage order, the pairwise comparisons, the edges and the families."""

    versions: tuple[Version, ...]
    diffs: tuple[PlanDiff, ...]
    edges: tuple[Edge, ...]
    families: tuple[Family, ...]
    members: Mapping[ClauseRef, int] = field(compare=False, repr=False)

    def version(self, plan_id: str) -> Version:
        """Return the version of the plan `plan_id`."""
        for version in self.versions:
            if version.id == plan_id:
                return version
        raise KeyError(plan_id)

    def family(self, ref: ClauseRef | str) -> Family:
        """Return the family of a clause form, given as a `ClauseRef` or as `plan#clause`."""
        if isinstance(ref, str):
            plan, _, clause = ref.partition("#")
            ref = ClauseRef(plan, clause)
        return self.families[self.members[ref]]
