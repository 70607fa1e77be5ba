"""Building a clause lineage across many versions: ordering them, then joining forms into families.

`lineage(plans)` orders the versions (by `follows`, else as given), compares each version with
the version(s) it follows, and joins the pairs of every comparison into families: the connected
groups of clause forms, with split and merge edges making a family a small DAG. Because the
families are built from the pairwise comparisons, they agree with those comparisons by
construction.

A partial version says nothing about most clauses. A clause it is silent about does not end its
family: it stays "unknown" there, and the next version is compared with the clause's last known
form (honouring analyst pins that reach back past the partial version). The same look-back finds
clauses reintroduced after they were dropped.

The records built here are defined in `planlens.lineage.model`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from planlens.compare import compare
from planlens.compare.model import Change, PlanDiff, Relation
from planlens.errors import PlanlensError
from planlens.lineage.model import Edge, EdgeKind, Family, Lineage, Step, StepState, Version
from planlens.plan.model import ClauseRef, Plan

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
