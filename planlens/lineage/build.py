"""Clause lineage across many versions: families of clause forms, their history, and blame.

`lineage(plans)` orders the versions (by `follows`, else as given), compares each version with
the version(s) it follows, and joins the pairs of every comparison into families: the connected
groups of clause forms, with split and merge edges making a family a small DAG. Because the
families are built from the pairwise comparisons, they agree with those comparisons by
construction.

A partial version says nothing about most clauses. A clause it is silent about does not end its
family: it stays "unknown" there, and the next version is compared with the clause's last known
form (honouring analyst pins that reach back past the partial version). The same look-back finds
clauses reintroduced after they were dropped.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from planlens.compare import compare
from planlens.compare.model import RELATIONS, Change, Flag, MatchedBy, PlanDiff, Relation, Segment
from planlens.compare.textdiff import diff_words
from planlens.errors import PlanlensError
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

#: When a family has several clauses in one version, the step shows the most telling state.
_STATE_PRIORITY: tuple[StepState, ...] = (
    "reintroduced",
    "split",
    "merged",
    "modified",
    "added",
    "reworded",
    "appeared",
    "text-unknown",
    "unchanged",
    "original",
)


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
    version(s) just before, which said nothing about the clause.
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


# -- building ------------------------------------------------------------------------------


def order_versions(plans: Sequence[Plan]) -> tuple[Version, ...]:
    """Return `plans` as versions in lineage order, each with the versions it follows.

    A plan follows the plans its `follows` names among `plans`. A plan that follows none of them
    and is not the first such plan follows the nearest plan before it in the order given (so
    `lineage(a, b, c)` of unrelated plans is the chain a -> b -> c). Ties in the order are broken
    by the order given.
    """
    if not plans:
        raise PlanlensError("a lineage needs at least one plan")
    position: dict[str, int] = {}
    for k, plan in enumerate(plans):
        if plan.id in position:
            raise PlanlensError(f"plan '{plan.id}' is given twice")
        position[plan.id] = k
    parents: dict[str, list[str]] = {
        p.id: [f for f in dict.fromkeys(p.follows) if f in position and f != p.id] for p in plans
    }
    roots = [p.id for p in plans if not parents[p.id]]
    for root in roots[1:]:
        below = _descendants(root, parents)
        earlier = [p.id for p in plans[: position[root]] if p.id not in below]
        if earlier:
            parents[root] = [earlier[-1]]
    ordered: list[str] = []
    done: set[str] = set()
    while len(ordered) < len(plans):
        ready = [p.id for p in plans if p.id not in done and set(parents[p.id]) <= done]
        if not ready:
            cycle = ", ".join(sorted(p.id for p in plans if p.id not in done))
            raise PlanlensError(f"the 'follows' links of {cycle} form a cycle")
        ordered.append(ready[0])
        done.add(ready[0])
    by_id = {p.id: p for p in plans}
    return tuple(
        Version(by_id[pid], tuple(sorted(parents[pid], key=ordered.index)), k)
        for k, pid in enumerate(ordered)
    )


def _descendants(root: str, parents: Mapping[str, Sequence[str]]) -> set[str]:
    below = {root}
    grew = True
    while grew:
        grew = False
        for child, ps in parents.items():
            if child not in below and below & set(ps):
                below.add(child)
                grew = True
    return below


def lineage_chains(plans: Iterable[Plan]) -> tuple[tuple[Plan, ...], ...]:
    """Return every chain of versions from a first version to a last one, by `follows`.

    Only chains of two versions or more; oldest first root, then as the plans sort by date.
    """
    ordered = sorted(plans, key=lambda p: (p.date, p.id))
    by_id = {p.id: p for p in ordered}
    children: dict[str, list[Plan]] = defaultdict(list)
    for plan in ordered:
        for parent in dict.fromkeys(plan.follows):
            if parent in by_id:
                children[parent].append(plan)
    chains: list[tuple[Plan, ...]] = []

    def walk(path: tuple[Plan, ...]) -> None:
        below = children.get(path[-1].id, [])
        if not below and len(path) > 1:
            chains.append(path)
        for child in below:
            walk((*path, child))

    for plan in ordered:
        if not any(parent in by_id for parent in plan.follows):
            walk((plan,))
    return tuple(chains)


class _Builder:
    """The state of one `lineage()` run: comparisons, edges and what is open or dropped."""

    def __init__(self, versions: tuple[Version, ...]) -> None:
        self.versions = versions
        self.by_id = {v.id: v for v in versions}
        self.diffs: dict[tuple[str, str], PlanDiff] = {}
        self.edges: list[Edge] = []
        #: Per version: earlier forms it dropped, earlier forms it is silent about, and every
        #: form dropped on the way to it (which a later version may bring back).
        self.removed: dict[str, list[ClauseRef]] = {}
        self.unknown: dict[str, list[ClauseRef]] = {}
        self.closed: dict[str, list[ClauseRef]] = {}
        self.orphans: dict[str, dict[str, Relation]] = {}

    def diff(self, old: str, new: str) -> PlanDiff:
        key = (old, new)
        if key not in self.diffs:
            self.diffs[key] = compare(self.by_id[old].plan, self.by_id[new].plan)
        return self.diffs[key]

    def build(self) -> None:
        for version in self.versions:
            self._visit(version)

    def _visit(self, version: Version) -> None:
        vid = version.id
        removed: list[ClauseRef] = []
        unknown: list[ClauseRef] = []
        linked: set[str] = set()
        orphans: dict[str, Relation] = {}
        for parent in version.parents:
            for change in self.diff(parent, vid).walk():
                if change.old and change.new:
                    self.edges.append(_edge(parent, vid, change, "direct"))
                    linked.update(change.new)
                elif change.old:
                    target = removed if change.relation == "removed" else unknown
                    target.extend(ClauseRef(parent, cid) for cid in change.old)
                else:
                    for cid in change.new:
                        orphans.setdefault(cid, change.relation)
        orphans = {cid: rel for cid, rel in orphans.items() if cid not in linked}
        still_open = _unique(r for p in version.parents for r in self.unknown[p])
        closed = _unique(r for p in version.parents for r in self.closed[p])
        resolved = self._look_back(vid, orphans, still_open, closed, removed)
        self.removed[vid] = _unique(removed)
        self.unknown[vid] = _unique(
            [*unknown, *(r for r in still_open if r not in resolved and r not in removed)]
        )
        self.closed[vid] = _unique(r for r in (*closed, *removed) if r not in resolved)
        self.orphans[vid] = orphans

    def _look_back(
        self,
        vid: str,
        orphans: dict[str, Relation],
        still_open: list[ClauseRef],
        closed: list[ClauseRef],
        removed: list[ClauseRef],
    ) -> set[ClauseRef]:
        """Pair `vid`'s clauses that have no earlier form with forms that are open or dropped.

        Compares `vid` with each earlier version that has such forms, nearest first; a pair is
        accepted only if all its old forms are open or dropped and all its new clauses are
        still unpaired. An open form that the comparison finds removed is dropped here.
        Returns the earlier forms paired or dropped; pairs are removed from `orphans`.
        """
        open_forms = set(still_open)
        candidates = open_forms | set(closed)
        homes = sorted({r.plan for r in candidates}, key=lambda p: -self.by_id[p].index)
        resolved: set[ClauseRef] = set()
        for home in homes:
            # Without unpaired clauses here, only open forms (which may be found removed) need
            # a comparison; dropped forms cannot come back.
            if not orphans and not any(r.plan == home and r not in resolved for r in still_open):
                continue
            for change in self.diff(home, vid).walk():
                olds = [ClauseRef(home, cid) for cid in change.old]
                if change.old and change.new:
                    if all(r in candidates and r not in resolved for r in olds) and all(
                        cid in orphans for cid in change.new
                    ):
                        kind: EdgeKind = "skip" if set(olds) <= open_forms else "reintroduced"
                        self.edges.append(_edge(home, vid, change, kind))
                        resolved.update(olds)
                        for cid in change.new:
                            del orphans[cid]
                elif change.old and change.relation == "removed":
                    for ref in olds:
                        if ref in open_forms and ref not in resolved:
                            removed.append(ref)
                            resolved.add(ref)
        return resolved


def _edge(old: str, new: str, change: Change, kind: EdgeKind) -> Edge:
    return Edge(
        old_version=old,
        new_version=new,
        old=change.old,
        new=change.new,
        relation=change.relation,
        kind=kind,
        moved=change.moved,
        renumbered=change.renumbered,
        matched_by=change.matched_by,
        score=change.score,
        flags=change.flags,
        segments=change.segments,
    )


def _unique(refs: Iterable[ClauseRef]) -> list[ClauseRef]:
    return list(dict.fromkeys(refs))


def lineage(plans: Sequence[Plan]) -> Lineage:
    """Return the lineage of `plans`: families of clause forms and what each version did.

    The versions are ordered by `follows` (see `order_versions`). Every clause of every version
    belongs to exactly one family. Raises `PlanlensError` for no plans, a plan given twice or a
    cycle, and `PlanFileError` when an analyst pin names a clause that does not exist.
    """
    versions = order_versions(plans)
    builder = _Builder(versions)
    builder.build()
    clauses = {ClauseRef(v.id, c.id): c for v in versions for c in v.plan.walk()}
    position = {ref: (builder.by_id[ref.plan].index, k) for k, ref in enumerate(clauses)}
    roots = _components(position, builder.edges)
    forms: dict[ClauseRef, list[ClauseRef]] = defaultdict(list)
    for ref in clauses:  # already in lineage order, then document order
        forms[roots[ref]].append(ref)
    # Everything a step needs, grouped by family once: (family root, version) -> items.
    edges: dict[tuple[ClauseRef, str], list[Edge]] = defaultdict(list)
    for edge in builder.edges:
        edges[(roots[edge.new_refs[0]], edge.new_version)].append(edge)
    removed: dict[tuple[ClauseRef, str], list[ClauseRef]] = defaultdict(list)
    unknown: dict[tuple[ClauseRef, str], list[ClauseRef]] = defaultdict(list)
    for version in versions:
        for ref in builder.removed[version.id]:
            removed[(roots[ref], version.id)].append(ref)
        for ref in builder.unknown[version.id]:
            unknown[(roots[ref], version.id)].append(ref)
    up = {v.id: _parents_of(v.plan) for v in versions}
    families = []
    for root, refs in forms.items():
        steps = []
        for version in versions:
            key = (root, version.id)
            present = tuple(r.clause for r in refs if r.plan == version.id)
            arrived = tuple(edges.get(key, ()))
            gone = tuple(removed.get(key, ()))
            if present:
                state = _present_state(version, present, arrived, builder.orphans[version.id])
            elif gone:
                state = "removed"
            elif key in unknown:
                state = "unknown"
            else:
                state = "absent"
            reports = tuple(
                dict.fromkeys(
                    d
                    for r in gone
                    for d in version.plan.dropped
                    if d.clause.plan == r.plan and d.clause.clause in _ancestry(up[r.plan], r)
                )
            )
            since = tuple(
                dict.fromkeys(
                    [e.old_version for e in arrived if e.kind != "direct"]
                    + [r.plan for r in gone if r.plan not in version.parents]
                )
            )
            steps.append(
                Step(
                    version.id,
                    state,
                    present,
                    arrived,
                    gone,
                    tuple(unknown.get(key, ())),
                    reports,
                    since,
                    *_starts(version, present, arrived, builder.orphans[version.id]),
                )
            )
        topics = tuple(dict.fromkeys(t for r in refs for t in clauses[r].topics))
        depth = len(_ancestry(up[root.plan], root)) - 1
        families.append(Family(str(root), tuple(refs), tuple(steps), topics, depth))
    families.sort(key=lambda f: position[f.clauses[0]])
    index = {family.id: k for k, family in enumerate(families)}
    return Lineage(
        versions=versions,
        diffs=tuple(builder.diffs[(p, v.id)] for v in versions for p in v.parents),
        edges=tuple(builder.edges),
        families=tuple(families),
        members={ref: index[str(root)] for ref, root in roots.items()},
    )


def _components(
    position: Mapping[ClauseRef, tuple[int, int]], edges: Sequence[Edge]
) -> dict[ClauseRef, ClauseRef]:
    """Return each clause form's family root: the earliest form of its connected component."""
    parent = {ref: ref for ref in position}

    def find(ref: ClauseRef) -> ClauseRef:
        while parent[ref] != ref:
            parent[ref] = parent[parent[ref]]
            ref = parent[ref]
        return ref

    for edge in edges:
        refs = [*edge.old_refs, *edge.new_refs]
        for other in refs[1:]:
            a, b = find(refs[0]), find(other)
            if a != b:
                first, second = sorted((a, b), key=position.__getitem__)
                parent[second] = first
    return {ref: find(ref) for ref in position}


def _parents_of(plan: Plan) -> dict[str, str]:
    """Map each nested clause id of `plan` to the id of the clause it is nested in."""
    return {child.id: clause.id for clause in plan.walk() for child in clause.clauses}


def _ancestry(up: Mapping[str, str], ref: ClauseRef) -> tuple[str, ...]:
    """Return the ids of `ref`'s clause and the clauses it is nested in, innermost first."""
    chain = [ref.clause]
    while chain[-1] in up:
        chain.append(up[chain[-1]])
    return tuple(chain)


def _present_state(
    version: Version,
    present: tuple[str, ...],
    edges: tuple[Edge, ...],
    orphans: Mapping[str, Relation],
) -> StepState:
    states: set[StepState] = set()
    for edge in edges:
        if edge.kind == "reintroduced":
            states.add("reintroduced")
        elif edge.relation == "unknown":
            states.add("text-unknown")
        elif edge.relation in ("unchanged", "reworded", "modified", "split", "merged"):
            states.add(edge.relation)
    added, appeared = _starts(version, present, edges, orphans)
    if added:
        states.add("added")
    if appeared:
        states.add("appeared")
    if not version.parents:
        states.add("original")
    return next(state for state in _STATE_PRIORITY if state in states)


def _starts(
    version: Version,
    present: tuple[str, ...],
    edges: tuple[Edge, ...],
    orphans: Mapping[str, Relation],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the clauses of `present` with no earlier form: those added, those appeared.

    A version's clauses without a partner in the version before are added when that version is
    complete, and "appeared" when it is partial (the pairwise relation `unknown`). In a first
    version, clauses are neither: they are the original forms.
    """
    if not version.parents:
        return (), ()
    arrived = {cid for e in edges for cid in e.new}
    fresh = [cid for cid in present if cid not in arrived]
    return (
        tuple(cid for cid in fresh if orphans.get(cid) == "added"),
        tuple(cid for cid in fresh if orphans.get(cid) != "added"),
    )


# -- blame ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BlameRun:
    """A run of a clause's words that first appeared in one version, as form `clause` there.

    `uncertain` means the words may be older: a version before it says nothing about the
    clause, or its text there was never published.
    """

    text: str
    version: str
    clause: str
    uncertain: bool = False


@dataclass(frozen=True, slots=True)
class _Origin:
    version: str
    clause: str
    uncertain: bool


def blame(lin: Lineage, ref: ClauseRef) -> tuple[BlameRun, ...]:
    """Return which version introduced each run of words of the clause form `ref`.

    Walks back through the family's forms: each form is compared word by word (`diff_words`)
    with the form(s) it came from; kept words inherit their origin and inserted words belong to
    the form's own version. Forms without text are passed through, and words found after one
    are marked `uncertain`. The runs join to the clause's text; a clause without text has none.
    Raises `KeyError` for a clause that is not in the lineage.
    """
    return _Blamer(lin).runs(ref)


def blame_all(lin: Lineage) -> dict[ClauseRef, tuple[BlameRun, ...]]:
    """Return the blame of every clause form with text, sharing the work between forms."""
    blamer = _Blamer(lin)
    return {ref: blamer.runs(ref) for ref, text in blamer.texts.items() if text is not None}


class _Blamer:
    """Blame for the forms of one lineage, each form's origins computed once."""

    def __init__(self, lin: Lineage) -> None:
        self.texts = {ClauseRef(v.id, c.id): c.text for v in lin.versions for c in v.plan.walk()}
        index = {v.id: v.index for v in lin.versions}
        self.into: dict[ClauseRef, Edge] = {}
        # The nearest earlier form wins when a clause has edges from several versions.
        for edge in sorted(lin.edges, key=lambda e: -index[e.old_version]):
            for new in edge.new_refs:
                self.into.setdefault(new, edge)
        self.appeared = {
            ClauseRef(s.version, cid)
            for f in lin.families
            for s in f.steps
            if s.state == "appeared"
            for cid in s.clauses
        }
        self.memo: dict[ClauseRef, list[_Origin]] = {}

    def runs(self, ref: ClauseRef) -> tuple[BlameRun, ...]:
        text = self.texts[ref]
        return () if text is None else _runs(text, self.origins(ref))

    def sources(self, refs: Sequence[ClauseRef]) -> tuple[list[ClauseRef], bool]:
        """Return the nearest forms with text for `refs`, and whether a textless one was passed."""
        found: list[ClauseRef] = []
        crossed = False
        for r in refs:
            if self.texts[r] is not None:
                found.append(r)
                continue
            crossed = True
            if r in self.into:
                found.extend(self.sources(self.into[r].old_refs)[0])
        return list(dict.fromkeys(found)), crossed

    def origins(self, ref: ClauseRef) -> list[_Origin]:
        """Return the origin of each character of `ref`'s text."""
        if ref in self.memo:
            return self.memo[ref]
        text = self.texts[ref] or ""
        edge = self.into.get(ref)
        olds, crossed = self.sources(edge.old_refs) if edge else ([], False)
        uncertain = crossed or ref in self.appeared or (edge is not None and edge.kind == "skip")
        own = _Origin(ref.plan, ref.clause, uncertain)
        out: list[_Origin] = []
        if not olds:
            out = [own] * len(text)
        else:
            # The old side as the comparison sees it: several forms joined as paragraphs.
            old_text = "\n\n".join(self.texts[o] or "" for o in olds)
            old_origins: list[_Origin] = []
            for k, o in enumerate(olds):
                old_origins.extend(([own, own] if k else []) + self.origins(o))
            i = 0
            for segment in diff_words(old_text, text):
                n = len(segment.text)
                if segment.op == "equal":
                    out.extend(old_origins[i : i + n])
                    i += n
                elif segment.op == "delete":
                    i += n
                else:
                    out.extend([own] * n)
        self.memo[ref] = out
        return out


def _runs(text: str, origins: list[_Origin]) -> tuple[BlameRun, ...]:
    """Group characters into runs by origin; white space goes with the word before it."""
    fixed = list(origins)
    last: _Origin | None = None
    for k, char in enumerate(text):
        if char.isspace():
            if last is not None:
                fixed[k] = last
        else:
            last = fixed[k]
    first_word = next((k for k, char in enumerate(text) if not char.isspace()), None)
    if first_word is not None:
        for k in range(first_word):
            fixed[k] = fixed[first_word]
    runs: list[BlameRun] = []
    start = 0
    for k in range(1, len(text) + 1):
        if k == len(text) or fixed[k] != fixed[start]:
            o = fixed[start]
            runs.append(BlameRun(text[start:k], o.version, o.clause, o.uncertain))
            start = k
    return tuple(runs)


# -- output --------------------------------------------------------------------------------

#: The JSON contract's name and major version; bump it on any incompatible change.
LINEAGE_SCHEMA = "planlens.lineage/1"


def lineage_to_data(lin: Lineage) -> dict[str, Any]:
    """Return `lin` as plain data in the `planlens.lineage/1` shape documented in the README."""
    blames = blame_all(lin)
    return {
        "schema": LINEAGE_SCHEMA,
        "versions": [
            {
                "id": v.id,
                "title": v.plan.title,
                "date": v.plan.date,
                "status": v.plan.status,
                "completeness": v.plan.completeness,
                "follows": list(v.parents),
            }
            for v in lin.versions
        ],
        "summary": fate_counts(lin),
        "families": [
            {
                "id": f.id,
                "topics": list(f.topics),
                "depth": f.depth,
                "fate": f.fate,
                "forms": [str(ref) for ref in f.clauses],
                "introduced": f.introduced,
                "changed": [s.version for s in f.changed],
                "moved": list(f.moved),
                "dropped": list(f.dropped),
                "reintroduced": list(f.reintroduced),
                "unknown": list(f.unknown),
                "steps": [_step_data(s) for s in f.steps],
                "blame": {
                    str(ref): [
                        {
                            "text": r.text,
                            "version": r.version,
                            "clause": r.clause,
                            "uncertain": r.uncertain,
                        }
                        for r in blames.get(ref, ())
                    ]
                    for ref in f.latest
                },
            }
            for f in lin.families
        ],
    }


def _step_data(step: Step) -> dict[str, Any]:
    return {
        "version": step.version,
        "state": step.state,
        "clauses": list(step.clauses),
        "since": list(step.since),
        "moved": step.moved,
        "flags": [{"type": f.type, "old": f.old, "new": f.new} for f in step.flags],
        "edges": [
            {
                "from": [str(r) for r in e.old_refs],
                "to": [str(r) for r in e.new_refs],
                "relation": e.relation,
                "kind": e.kind,
                "matched_by": e.matched_by,
                "score": e.score,
            }
            for e in step.edges
        ],
        "added": list(step.added),
        "appeared": list(step.appeared),
        "removed": [str(r) for r in step.removed],
        "unknown": [str(r) for r in step.unknown],
    }


def fate_counts(lin: Lineage) -> dict[str, int]:
    """Count the families by `Family.fate`, every relation present (zero if none)."""
    counts = Counter(f.fate for f in lin.families)
    return {relation: counts.get(relation, 0) for relation in RELATIONS}


def step_label(step: Step) -> str:
    """Return a step in words: its state, and the version it skipped back to, if any.

    >>> step_label(Step("b", "modified", ("4",), since=("a",)))
    'modified since a'
    >>> step_label(Step("c", "removed", since=("a",)))
    'removed (last seen in a)'
    """
    if step.state == "unknown":
        return "unknown: not known whether this version has it"
    if step.state == "appeared":
        return "appeared: new here, or in an earlier version that is partial"
    label: str = step.state
    if step.since and step.present:
        label += f" since {', '.join(step.since)}"
    elif step.since:
        label += f" (last seen in {', '.join(step.since)})"
    if step.moved:
        label += ", moved"
    return label


def lineage_text(lin: Lineage) -> str:
    """Return `lin` for a terminal: the versions, then each family's history and blame.

    In the blame of a latest form, words that came in after the family's first version read
    `[like this]{2}`: the number is the version's, with `?` when it may be earlier.
    """
    number = {v.id: k + 1 for k, v in enumerate(lin.versions)}
    width = max(len(v.id) for v in lin.versions)
    lines = [f"lineage of {len(lin.versions)} versions"]
    for v in lin.versions:
        follows = f"  follows {', '.join(v.parents)}" if v.parents else ""
        lines.append(
            f"  [{number[v.id]}] {v.id:<{width}}  {v.plan.date}  {v.plan.completeness:<7}"
            f"  {v.plan.title}{follows}"
        )
    counts = fate_counts(lin)
    lines.append(
        f"{len(lin.families)} families: "
        + "  ".join(f"{fate} {count}" for fate, count in counts.items() if count)
    )
    blames = blame_all(lin)
    for family in lin.families:
        lines.append("")
        topics = f"  [{', '.join(family.topics)}]" if family.topics else ""
        lines.append(f"{family.id}{topics}")
        for step in family.steps:
            if step.state == "absent":
                continue
            label = ", ".join(step.clauses) or "-"
            lines.append(f"  {step.version:<{width}}  {label:<10} {step_label(step)}")
            for flag in step.flags:
                lines.append(f"      {flag.type}: {flag.old or '(none)'} -> {flag.new or '(none)'}")
            for report in step.reports:
                if report.note:
                    lines.append(f"      reported: {' '.join(report.note.split())}")
        for ref in family.latest:
            runs = blames.get(ref, ())
            if len({r.version for r in runs}) > 1 or any(r.uncertain for r in runs):
                body = "".join(_run_text(r, family.introduced, number) for r in runs)
                lines.append(f"  blame {ref}: {' '.join(body.split())}")
    return "\n".join(lines) + "\n"


def _run_text(
    run: BlameRun, first: str, number: Mapping[str, int], *, markdown: bool = False
) -> str:
    """Return a blame run: words from the family's first version as they are, others marked."""
    escape = _md if markdown else str
    if run.version == first and not run.uncertain:
        return escape(run.text)
    body = run.text.strip()
    lead = run.text[: len(run.text) - len(run.text.lstrip())]
    tail = run.text[len(run.text.rstrip()) :]
    mark = f"{number[run.version]}{'?' if run.uncertain else ''}"
    marked = f"**{_md(body)}**<sup>{mark}</sup>" if markdown else f"[{body}]{{{mark}}}"
    return lead + marked + tail


#: Characters that would start Markdown syntax inside a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def lineage_markdown(lin: Lineage) -> str:
    """Return `lin` as Markdown: the versions, a family × version table, then the changes."""
    number = {v.id: k + 1 for k, v in enumerate(lin.versions)}
    lines = ["# Lineage: " + " → ".join(_md(v.id) for v in lin.versions), ""]
    lines += [
        "| # | version | date | completeness | follows | title |",
        "| ---: | --- | --- | --- | --- | --- |",
    ]
    for v in lin.versions:
        lines.append(
            f"| {number[v.id]} | {_md(v.id)} | {v.plan.date} | {v.plan.completeness} "
            f"| {_md(', '.join(v.parents)) or '—'} | {_md(v.plan.title)} |"
        )
    lines += ["", "## Families", ""]
    lines.append("| family | topics | " + " | ".join(_md(v.id) for v in lin.versions) + " |")
    lines.append("| --- | --- | " + " | ".join("---" for _ in lin.versions) + " |")
    for family in lin.families:
        cells = []
        for step in family.steps:
            ids = _md(", ".join(step.clauses))
            if step.state == "absent":
                cells.append("")
            elif step.state in ("unknown", "removed"):
                cells.append(f"*{step.state}*")
            else:
                strong = step.state in CHANGE_STATES or step.state in ("added", "reintroduced")
                state = f"**{step.state}**" if strong else step.state
                cells.append(f"{ids} {state}")
        indent = "&emsp;" * family.depth
        lines.append(
            f"| {indent}{_md(family.id)} | {_md(', '.join(family.topics))} | "
            + " | ".join(cells)
            + " |"
        )
    lines += ["", "## Changes", ""]
    blames = blame_all(lin)
    for family in lin.families:
        events = [s for s in family.steps if s.state not in ("absent", "original", "unchanged")]
        if not events:
            continue
        lines += [f"### {_md(family.id)}", ""]
        for step in events:
            detail = "; ".join(
                f"*{f.type}*: {_md(f.old) or '(none)'} → {_md(f.new) or '(none)'}"
                for f in step.flags
            )
            ids = _md(", ".join(step.clauses))
            where = f"{_md(step.version)}{' ' + ids if ids else ''}"
            lines.append(f"- {where}: {step_label(step)}{': ' + detail if detail else ''}")
        for ref in family.latest:
            runs = blames.get(ref, ())
            if len({r.version for r in runs}) > 1 or any(r.uncertain for r in runs):
                body = "".join(_run_text(r, family.introduced, number, markdown=True) for r in runs)
                lines.append(f"- blame of {_md(str(ref))}: {' '.join(body.split())}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
