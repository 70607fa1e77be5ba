"""Building a clause lineage across many versions: ordering them, then joining forms into families.

`lineage(plans)` orders the versions (by `follows`, else as given), compares each version with
the version(s) it follows, and joins the pairs of every comparison into families: the connected
groups of clause forms, with split and merge edges making a family a small DAG. Because the
families are built from the pairwise comparisons, they agree with those comparisons by
construction.

A partial version says nothing about most clauses. A clause it is silent about does not end its
family: it stays "unknown" there, and the next version is compared with the clause's last known
form (honouring analyst pins that reach back past the partial version, composed through the
versions between as a direct comparison composes them). The same look-back finds clauses
reintroduced after they were dropped. A form whose text was never published cannot be compared:
where the next version says nothing of it, the look-back compares the earlier forms it came from
(its stand-ins) instead, so that the lineage says what a direct comparison of those forms says:
linked across the gap, or removed when a complete version has no clause that is theirs.

A caller that has already compared some of these versions (a site build, which compares every
pair) may hand those comparisons in, by `diff_key`: one is used only where the lineage makes a
comparison with the same inputs (the same two versions and the same versions between them), so
the lineage is the same with or without them.

The records built here are defined in `planlens.lineage.model`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from planlens.compare import compare
from planlens.compare.model import Change, PlanDiff, Relation
from planlens.lineage.model import Edge, EdgeKind, Family, Lineage, Step, StepState, Version
from planlens.lineage.order import DiffKey, diff_key, order_versions
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


class _Builder:
    """The state of one `lineage()` run: comparisons, edges and what is open or dropped."""

    def __init__(self, versions: tuple[Version, ...], known: Mapping[DiffKey, PlanDiff]) -> None:
        self.versions = versions
        self.known = known
        self.by_id = {v.id: v for v in versions}
        self.diffs: dict[tuple[str, str], PlanDiff] = {}
        self.edges: list[Edge] = []
        #: Per version: earlier forms it dropped, earlier forms it is silent about, and every
        #: form dropped on the way to it (which a later version may bring back).
        self.removed: dict[str, list[ClauseRef]] = {}
        self.unknown: dict[str, list[ClauseRef]] = {}
        self.closed: dict[str, list[ClauseRef]] = {}
        self.orphans: dict[str, dict[str, Relation]] = {}
        #: Forms without text that a version removed, and the earlier forms (with text) whose
        #: comparison found them removed: the reports about either are the removal's evidence.
        self.stand_ins: dict[ClauseRef, tuple[ClauseRef, ...]] = {}
        self.texts = {
            ClauseRef(v.id, c.id): c.text is not None for v in versions for c in v.plan.walk()
        }
        self.arrivals: dict[ClauseRef, list[Edge]] = defaultdict(list)
        #: The hint of each form a comparison found removed, or clause it found added: the
        #: likely counterpart on the comparison's other side, and how likely.
        self.hints: dict[ClauseRef, tuple[ClauseRef, float]] = {}
        self.corpus = tuple(v.plan for v in versions)

    def diff(self, old: str, new: str) -> PlanDiff:
        key = (old, new)
        if key not in self.diffs:
            # With the lineage as corpus, pins compose through the versions between, as in a
            # direct comparison of the two.
            a, b = self.by_id[old].plan, self.by_id[new].plan
            made = self.known.get(diff_key(a, b, self.corpus)) if self.known else None
            self.diffs[key] = compare(a, b, corpus=self.corpus) if made is None else made
        return self.diffs[key]

    def add_edge(self, edge: Edge) -> None:
        self.edges.append(edge)
        for ref in edge.new_refs:
            self.arrivals[ref].append(edge)

    def behind(self, ref: ClauseRef) -> list[ClauseRef]:
        """Return the nearest earlier forms with text that a form without text came from."""
        out: list[ClauseRef] = []
        todo, seen = [ref], {ref}
        while todo:
            for edge in self.arrivals.get(todo.pop(0), ()):
                for old in edge.old_refs:
                    if old not in seen:
                        seen.add(old)
                        (out if self.texts[old] else todo).append(old)
        return out

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
                    self.add_edge(_edge(parent, vid, change, "direct"))
                    linked.update(change.new)
                elif change.old:
                    target = removed if change.relation == "removed" else unknown
                    target.extend(ClauseRef(parent, cid) for cid in change.old)
                    self.hint(change, parent, vid)
                else:
                    for cid in change.new:
                        orphans.setdefault(cid, change.relation)
                    self.hint(change, parent, vid)
        orphans = {cid: rel for cid, rel in orphans.items() if cid not in linked}
        still_open = _unique(r for p in version.parents for r in self.unknown[p])
        closed = _unique(r for p in version.parents for r in self.closed[p])
        # A form without text that this version says nothing of: look behind it.
        stand_ins = {
            ref: tuple(behind)
            for ref in _unique([*unknown, *still_open])
            if not self.texts[ref] and (behind := self.behind(ref))
        }
        extra = [r for refs in stand_ins.values() for r in refs if r not in still_open]
        # A clause paired only with forms without text: its words are compared with the
        # texts behind them, which may pair it across the gap (but not find them removed).
        weak = self.weak(vid)
        behind_weak = [
            r
            for cid in weak
            for edge in self.arrivals[ClauseRef(vid, cid)]
            for old in edge.old_refs
            if not self.texts[old]
            for r in self.behind(old)
        ]
        pair_only = {r for r in behind_weak if r not in still_open and r not in extra}
        resolved = self._look_back(
            vid,
            orphans,
            weak,
            [*still_open, *extra, *pair_only],
            {*still_open, *extra},
            pair_only,
            closed,
            removed,
        )
        dropped = set(removed)  # every form gone from this version, for the closed list
        for ref, forms in stand_ins.items():
            if all(r in dropped for r in forms):
                # Every form it came from is gone from this version: so is this one.
                removed[:] = [r for r in removed if r not in forms]
                removed.append(ref)
                self.stand_ins[ref] = forms
                resolved.add(ref)
            elif any(r in resolved for r in forms):
                resolved.add(ref)  # its family goes on here, linked across the gap
        self.removed[vid] = _unique(removed)
        self.unknown[vid] = _unique(
            r for r in (*unknown, *still_open) if r not in resolved and r not in dropped
        )
        # Forms dropped on the way, which a later version may bring back: those with text.
        self.closed[vid] = _unique(
            r
            for r in (*closed, *removed, *dropped)
            if (r not in resolved or r in dropped) and self.texts[r]
        )
        self.orphans[vid] = orphans

    def hint(self, change: Change, old: str, new: str) -> None:
        """Keep the hint of a removed or added clause of the comparison of `old` with `new`
        (the first comparison that gives one wins: the version's own parents come first)."""
        for hint in change.perhaps:
            if change.relation == "removed":
                form, other = ClauseRef(old, change.old[0]), ClauseRef(new, hint.id)
            else:
                form, other = ClauseRef(new, change.new[0]), ClauseRef(old, hint.id)
            self.hints.setdefault(form, (other, hint.likelihood))

    def weak(self, vid: str) -> set[str]:
        """Return the clauses of `vid` with text paired only with forms without text."""
        refs = (ClauseRef(vid, c.id) for c in self.by_id[vid].plan.walk())
        return {
            ref.clause
            for ref in refs
            if self.texts[ref]
            and (edges := self.arrivals.get(ref))
            and all(e.relation == "unknown" for e in edges)
        }

    def _look_back(
        self,
        vid: str,
        orphans: dict[str, Relation],
        weak: set[str],
        still_open: list[ClauseRef],
        silent: set[ClauseRef],
        pair_only: set[ClauseRef],
        closed: list[ClauseRef],
        removed: list[ClauseRef],
    ) -> set[ClauseRef]:
        """Pair `vid`'s clauses that have no earlier form with forms that are open or dropped.

        Compares `vid` with each earlier version that has such forms, nearest first; a pair is
        accepted only if all its old forms are open or dropped and all its new clauses are
        still unpaired, or paired only with forms whose text was never published (`weak`: that
        says nothing of their words, the earlier text does); forms the versions between were
        `silent` about (or that stand in for a form without text) are paired with whatever the
        comparison pairs them with. An open form that the comparison finds removed is dropped
        here, unless it is only to be paired (`pair_only`). Returns the earlier forms paired or
        dropped; pairs are removed from `orphans` and `weak`.
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
                    # Forms silent since `home` go where the direct comparison puts them, even
                    # into a family that came through the versions between (a merge across the
                    # gap); other forms only to a clause not paired with a text yet.
                    across = all(r in silent for r in olds)
                    if all(r in candidates and r not in resolved for r in olds) and all(
                        across or cid in orphans or cid in weak for cid in change.new
                    ):
                        kind: EdgeKind = "skip" if set(olds) <= open_forms else "reintroduced"
                        self.add_edge(_edge(home, vid, change, kind))
                        resolved.update(olds)
                        for cid in change.new:
                            orphans.pop(cid, None)
                            weak.discard(cid)
                elif change.old and change.relation == "removed":
                    for ref in olds:
                        if ref in open_forms and ref not in resolved and ref not in pair_only:
                            removed.append(ref)
                            resolved.add(ref)
                            self.hint(change, home, vid)
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


def lineage(plans: Sequence[Plan], *, diffs: Mapping[DiffKey, PlanDiff] | None = None) -> Lineage:
    """Return the lineage of `plans`: families of clause forms and what each version did.

    The versions are ordered by `follows` (see `order_versions`). Every clause of every version
    belongs to exactly one family. Raises `PlanlensError` for no plans, a plan given twice or a
    cycle, and `PlanFileError` when an analyst pin names a clause that does not exist.

    `diffs` may hold comparisons of these plans already made, by their `diff_key`: each is used
    where the lineage compares two versions with the same key, instead of comparing them again.
    """
    versions = order_versions(plans)
    builder = _Builder(versions, diffs or {})
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
                    for s in (r, *builder.stand_ins.get(r, ()))
                    for d in version.plan.dropped
                    if d.clause.plan == s.plan and d.clause.clause in _ancestry(up[s.plan], s)
                )
            )
            since = tuple(
                dict.fromkeys(
                    [e.old_version for e in arrived if e.kind != "direct"]
                    + [r.plan for r in gone if r.plan not in version.parents]
                )
            )
            added, appeared = _starts(version, present, arrived, builder.orphans[version.id])
            hinted = [*gone, *(ClauseRef(version.id, cid) for cid in added)]
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
                    added,
                    appeared,
                    tuple((r, *builder.hints[r]) for r in hinted if r in builder.hints),
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
    # A clause paired with a form without text and, past it, with an earlier text is compared
    # by that text.
    compared = {cid for edge in edges if edge.relation != "unknown" for cid in edge.new}
    for edge in edges:
        if edge.kind == "reintroduced":
            states.add("reintroduced")
        elif edge.relation == "unknown":
            if not compared.issuperset(edge.new):
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
