"""Which versions make up a lineage, and in what order: chains and groups by `follows`.

- `order_versions`: plans as versions in lineage order, each with the versions it follows.
- `lineage_chains`: every chain from a first version to a last one (a lineage page each).
- `lineage_groups`: plans joined by `follows` either way, siblings included (one lineage).
- `lineage_pairs`: every ordered pair of versions of one lineage, older first (a comparison
  each).
- `diff_key`: what a comparison of two versions is made from (the two, and the versions between
  them through which pins compose), so that comparisons with the same inputs can be shared;
  `step_keys`, the comparisons a lineage always makes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from planlens.compare.pins import between
from planlens.errors import PlanlensError
from planlens.lineage.model import Version
from planlens.plan.model import Plan


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


def lineage_groups(plans: Iterable[Plan]) -> dict[str, str]:
    """Map each plan id to its lineage's name: the smallest id of its follows component.

    `follows` links join plans whichever way they point; an id a plan follows that is not among
    `plans` still joins the plans that follow it (two revisions of one absent draft are one
    lineage).

    >>> from planlens.plan.model import Plan
    >>> def plan(pid, *follows):
    ...     return Plan(pid, pid, "2025", "draft", "full", (), (), follows=follows)
    >>> lineage_groups([plan("b", "a"), plan("a"), plan("c", "x"), plan("d", "x"), plan("e")])
    {'b': 'a', 'a': 'a', 'c': 'c', 'd': 'c', 'e': 'e'}
    """
    parent: dict[str, str] = {}

    def find(pid: str) -> str:
        parent.setdefault(pid, pid)
        while parent[pid] != pid:
            parent[pid] = parent[parent[pid]]
            pid = parent[pid]
        return pid

    plans = list(plans)
    for plan in plans:
        for other in plan.follows:
            a, b = find(plan.id), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    # The root of a union is the smaller id, so it is the component's smallest id.
    return {plan.id: find(plan.id) for plan in plans}


def lineage_pairs(plans: Iterable[Plan]) -> tuple[tuple[Plan, Plan], ...]:
    """Return every ordered pair of versions of one lineage, the older first.

    A lineage is a group of `lineage_groups` (siblings included), its versions in lineage order
    (`order_versions` of the plans by date, then id: a version comes after those it follows).
    A lineage of n versions gives n(n-1)/2 pairs; plans in no lineage give none. Lineages come
    in the order of their first version, each one's pairs by old version, then new.

    >>> from planlens.plan.model import Plan
    >>> def plan(pid, date, *follows):
    ...     return Plan(pid, pid, date, "draft", "full", (), (), follows=follows)
    >>> pairs = lineage_pairs(
    ...     [plan("c", "2025-03", "b"), plan("b", "2025-02", "a"), plan("a", "2025-01"),
    ...      plan("x", "2024"), plan("e", "2025-02", "a")]
    ... )
    >>> [f"{old.id}->{new.id}" for old, new in pairs]
    ['a->b', 'a->e', 'a->c', 'b->e', 'b->c', 'e->c']
    """
    ordered = sorted(plans, key=lambda p: (p.date, p.id))
    names = lineage_groups(ordered)
    groups: dict[str, list[Plan]] = defaultdict(list)
    for plan in ordered:
        groups[names[plan.id]].append(plan)
    pairs: list[tuple[Plan, Plan]] = []
    for members in groups.values():
        versions = [v.plan for v in order_versions(members)] if len(members) > 1 else []
        pairs.extend((old, new) for k, old in enumerate(versions) for new in versions[k + 1 :])
    return tuple(pairs)


#: What a comparison is made from: the old and the new plan's ids, and the ids of the versions
#: between them (by `follows`, sorted), through which analyst pins compose.
DiffKey = tuple[str, str, tuple[str, ...]]


def diff_key(old: Plan, new: Plan, corpus: Iterable[Plan]) -> DiffKey:
    """Return what `compare(old, new, corpus=corpus)` is made from, as ids.

    A comparison uses its corpus only for the versions between the two (`between`): two
    comparisons with one key give the same `PlanDiff`, whatever else their corpora hold, and the
    key's middle versions alone make it again (they are all that lies between the two in them).

    >>> from planlens.plan.model import Plan
    >>> def plan(pid, *follows):
    ...     return Plan(pid, pid, "2025", "draft", "full", (), (), follows=follows)
    >>> a, b, c, x = plan("a"), plan("b", "a"), plan("c", "b"), plan("x")
    >>> diff_key(a, c, [a, b, c, x]), diff_key(a, c, [a, c]), diff_key(a, b, [a, b, c])
    (('a', 'c', ('b',)), ('a', 'c', ()), ('a', 'b', ()))
    """
    return (old.id, new.id, tuple(plan.id for plan in between(old, new, corpus)))


def step_keys(plans: Sequence[Plan]) -> tuple[DiffKey, ...]:
    """Return the comparisons `lineage(plans)` always makes: each version with those it follows.

    (It may make more: comparisons that look back past versions silent about a clause.)
    """
    versions = order_versions(plans)
    by_id = {v.id: v.plan for v in versions}
    return tuple(
        diff_key(by_id[parent], version.plan, plans)
        for version in versions
        for parent in version.parents
    )
