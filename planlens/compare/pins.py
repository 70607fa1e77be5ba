"""Analyst pins between two plans: the direct ones, and those composed through versions between.

A pin is a clause's `same_as` or `derived_from` reference. Pins are written between neighbouring
versions: framework-20's point 4 is pinned to geneva-19's army-size point, which is pinned to
us-28's point 6. Comparing us-28 with framework-20 directly should honour what the analysts said
along the way, so pins compose along the `follows` chain: through clauses of the versions that
lie between the two (descendants of the old plan and ancestors of the new one), and only through
them. A composed pin remembers the versions it went through (`via`), so a reader can see that
the link is the analysts' word relayed, not written for this pair.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence

from planlens.compare.units import Unit
from planlens.errors import Location, PlanFileError, Problem
from planlens.plan.model import Clause, ClauseRef, Plan

#: A pin: (old unit, new unit) -> the ids of the versions it was composed through ("" if direct).
Pins = dict[tuple[int, int], tuple[str, ...]]


def find_pins(
    old: Plan,
    new: Plan,
    old_units: Sequence[Unit],
    new_units: Sequence[Unit],
    corpus: Iterable[Plan] = (),
) -> Pins:
    """Return the pins between `old` and `new`, direct and composed through `corpus` plans.

    Raises `PlanFileError` when a direct pin names a clause that does not exist (a composed
    path through a missing clause is simply not followed: its plan's own check reports it).
    """
    old_index = {u.clause.id: u.index for u in old_units}
    new_index = {u.clause.id: u.index for u in new_units}
    pins: Pins = {}
    problems: list[Problem] = []

    def resolve(ref: ClauseRef, plan: Plan, index: dict[str, int], where: Clause) -> int | None:
        if ref.clause in index:
            return index[ref.clause]
        location = where.location or Location(plan.path or plan.id, 1, 1)
        problems.append(
            Problem(location, f"pin {ref} names a clause that plan '{ref.plan}' does not have")
        )
        return None

    for unit in new_units:
        for ref in refs(unit.clause):
            if ref.plan == old.id and (i := resolve(ref, old, old_index, unit.clause)) is not None:
                pins[i, unit.index] = ()
    for unit in old_units:
        for ref in refs(unit.clause):
            if ref.plan == new.id and (j := resolve(ref, new, new_index, unit.clause)) is not None:
                pins[unit.index, j] = ()
    if problems:
        raise PlanFileError(problems)
    for key, via in _composed(old, new, old_index, new_index, corpus).items():
        pins.setdefault(key, via)
    return pins


def refs(clause: Clause) -> list[ClauseRef]:
    """Return the clauses a clause is pinned to."""
    return ([clause.same_as] if clause.same_as else []) + list(clause.derived_from)


def between(old: Plan, new: Plan, corpus: Iterable[Plan]) -> list[Plan]:
    """Return the corpus plans that follow `old` (at any distance) and that `new` follows."""
    plans = {plan.id: plan for plan in corpus}
    plans.pop(old.id, None)
    plans.pop(new.id, None)
    parents = {plan.id: plan.follows for plan in (*plans.values(), old, new)}
    children: dict[str, list[str]] = defaultdict(list)
    for child, its_parents in parents.items():
        for parent in its_parents:
            children[parent].append(child)
    after_old = _reach(old.id, children)
    before_new = _reach(new.id, parents)
    return [plans[pid] for pid in sorted(after_old & before_new) if pid in plans]


def _reach(start: str, edges: Mapping[str, Sequence[str]]) -> set[str]:
    seen: set[str] = set()
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in edges.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _composed(
    old: Plan,
    new: Plan,
    old_index: dict[str, int],
    new_index: dict[str, int],
    corpus: Iterable[Plan],
) -> Pins:
    """Return the pins that connect an old and a new clause only through middle versions."""
    middle = between(old, new, corpus)
    if not middle:
        return {}
    plans = {plan.id: plan for plan in (old, new, *middle)}
    known = {plan.id: {c.id for c in plan.walk()} for plan in plans.values()}
    graph: dict[ClauseRef, set[ClauseRef]] = defaultdict(set)
    for plan in plans.values():
        for clause in plan.walk():
            here = ClauseRef(plan.id, clause.id)
            for ref in refs(clause):
                if ref.plan in plans and ref.clause in known[ref.plan]:
                    graph[here].add(ref)
                    graph[ref].add(here)
    pins: Pins = {}
    for start in sorted(graph):
        if start.plan != new.id:
            continue
        # Breadth first through middle versions only; an old clause reached ends a path.
        seen = {start}
        queue: deque[tuple[ClauseRef, tuple[str, ...]]] = deque([(start, ())])
        while queue:
            node, via = queue.popleft()
            for nxt in sorted(graph[node]):
                if nxt in seen:
                    continue
                seen.add(nxt)
                if nxt.plan == old.id:
                    if via:
                        key = (old_index[nxt.clause], new_index[start.clause])
                        pins.setdefault(key, tuple(sorted(set(via))))
                elif nxt.plan != new.id:
                    queue.append((nxt, (*via, nxt.plan)))
    return pins
