"""The truth of a mutation: the clause tree as it is mutated, and the `Truth` read off it.

`bench/synth.py` turns the old plan into a tree of `Node`s, each remembering the old clause(s)
it comes from (`origin`), how it changed and which mutations touched it. `build_result` makes
the new plan of the tree and reads the truth off it: a `TruthLink` per group of nodes with the
same origin, the nodes of no origin as inserted, the old clauses in no node as deleted.
`moves_are_clear` tells whether the moves among siblings have one explanation only, so that the
truth about them is the only right answer.
"""

from __future__ import annotations

import dataclasses
import itertools
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from planlens.plan.model import Clause, Plan

LinkRelation = Literal["unchanged", "reworded", "modified", "split", "merged"]


@dataclass(frozen=True, slots=True)
class TruthLink:
    """Old clauses `old` became new clauses `new` (1:1, a split 1:n, or a merge n:1)."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    relation: LinkRelation
    moved: bool = False
    renumbered: bool = False
    #: The mutations that touched this link; empty when it was left alone.
    ops: tuple[str, ...] = ()

    def pairs(self) -> frozenset[tuple[str, str]]:
        """Return the (old id, new id) pairs this link stands for."""
        return frozenset((o, n) for o in self.old for n in self.new)


@dataclass(frozen=True, slots=True)
class Truth:
    """What a correct comparison of the old plan with its mutated copy reports."""

    links: tuple[TruthLink, ...]
    #: New clause ids that come from no old clause.
    inserted: tuple[str, ...]
    #: Old clause ids that are in no new clause.
    deleted: tuple[str, ...]
    #: One line per mutation applied, in order, for reading failures.
    log: tuple[str, ...] = ()
    #: (new id, mutation) for inserted clauses that another mutation than `insert` made.
    inserted_ops: tuple[tuple[str, str], ...] = ()
    #: (old id, mutation) for deleted clauses that another mutation than `delete` dropped.
    deleted_ops: tuple[tuple[str, str], ...] = ()

    def pairs(self) -> frozenset[tuple[str, str]]:
        """Return every true (old id, new id) pair."""
        return frozenset(pair for link in self.links for pair in link.pairs())

    def sources(self) -> dict[str, tuple[str, ...]]:
        """Map every new clause id to the old ids it comes from (empty: inserted)."""
        out: dict[str, tuple[str, ...]] = {new_id: () for new_id in self.inserted}
        for link in self.links:
            for new_id in link.new:
                out[new_id] = link.old
        return out

    def is_deleted(self, old_id: str) -> bool:
        """Tell whether the old clause `old_id` has no counterpart in the new plan."""
        return old_id in self.deleted

    def inserted_by(self, new_id: str) -> str:
        """Return the mutation that inserted the new clause `new_id`."""
        return dict(self.inserted_ops).get(new_id, "insert")

    def deleted_by(self, old_id: str) -> str:
        """Return the mutation that deleted the old clause `old_id`."""
        return dict(self.deleted_ops).get(old_id, "delete")

    def ops_applied(self) -> tuple[str, ...]:
        """Return the names of the mutations applied, in order."""
        return tuple(line.split(" ", 1)[0] for line in self.log)


@dataclass(eq=False)
class Node:
    """A clause of the plan being mutated, with where it came from."""

    id: str
    number: str | None
    title: str | None
    text: str | None
    children: list[Node]
    base: Clause | None
    origin: tuple[str, ...]
    relation: str = "unchanged"
    moved: bool = False
    touched: bool = False
    #: Moved here from under another parent: moved whatever its order among its new siblings.
    foreign: bool = False
    ops: list[str] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


def node_of(clause: Clause) -> Node:
    """Return the node of an old clause (and of its sub-clauses), untouched."""
    return Node(
        id=clause.id,
        number=clause.number,
        title=clause.title,
        text=clause.text,
        children=[node_of(c) for c in clause.clauses],
        base=clause,
        origin=(clause.id,),
    )


def build_result(
    plan: Plan,
    root: Sequence[Node],
    log: Sequence[str],
    deleted_ops: Mapping[str, str] | None = None,
) -> tuple[Plan, Truth]:
    """Return the new plan made of the nodes `root` (mutated from `plan`) and its truth.

    `log` has one line per mutation applied; `deleted_ops` names the mutation that dropped an
    old clause, where it is not `delete`. An inserted node's mutation is its first op. The
    truth is checked to account for every old and every new clause exactly once.
    """
    old_by_id = {c.id: c for c in plan.walk()}
    clauses = tuple(_clause(node) for node in root)
    new_plan = dataclasses.replace(
        plan,
        id=f"{plan.id}-mutated",
        clauses=clauses,
        follows=(plan.id,),
        expected_clauses=None,
        dropped=(),
        path=None,
        location=None,
    )
    groups: dict[tuple[str, ...], list[Node]] = {}
    inserted: list[str] = []
    inserted_ops: list[tuple[str, str]] = []
    for node in (n for top in root for n in top.walk()):
        if not node.origin:
            inserted.append(node.id)
            if node.ops and node.ops[0] != "insert":
                inserted_ops.append((node.id, node.ops[0]))
        else:
            groups.setdefault(node.origin, []).append(node)
    links: list[TruthLink] = []
    for origin, members in groups.items():
        head = members[0]
        renumbered = False
        if len(origin) == 1 and len(members) == 1:
            # As `compare` reads it: the label changed, or the id where there is no label.
            old_clause = old_by_id[origin[0]]
            if old_clause.number is None and head.number is None:
                renumbered = old_clause.id != head.id
            else:
                renumbered = old_clause.number != head.number
        ops: list[str] = []
        for member in members:
            ops.extend(op for op in member.ops if op not in ops)
        links.append(
            TruthLink(
                old=origin,
                new=tuple(m.id for m in members),
                relation=_link_relation(head.relation),
                moved=head.moved,
                renumbered=renumbered,
                ops=tuple(ops),
            )
        )
    linked_old = {o for link in links for o in link.old}
    deleted = tuple(c.id for c in plan.walk() if c.id not in linked_old)
    dropped_by = deleted_ops or {}
    truth = Truth(
        tuple(links),
        tuple(inserted),
        deleted,
        tuple(log),
        inserted_ops=tuple(inserted_ops),
        deleted_ops=tuple((o, dropped_by[o]) for o in deleted if o in dropped_by),
    )
    _check(plan, new_plan, truth)
    return new_plan, truth


def moves_are_clear(siblings: Sequence[Node], old_order: Mapping[str, int]) -> bool:
    """Tell whether the moved clauses among `siblings` are the one explanation of the order.

    `old_order` gives each old clause id its position in the old plan.

    True when the clauses not moved are in old order and form the *only* longest increasing
    run: then every alignment that keeps as many clauses in place as possible reports
    exactly these clauses as moved. (A swap of neighbours, or two clauses moved past each
    other, have two equally good explanations; the truth would be a coin toss.) A clause that
    came from another parent (`foreign`) is moved wherever it stands, and takes no part.
    """
    keys: list[tuple[int, int]] = []
    moved: list[bool] = []
    for node in siblings:
        if node.origin and not node.foreign:
            # Split pieces share their origin: number them so that keys stay distinct.
            keys.append((old_order[node.origin[0]], len(keys)))
            moved.append(node.moved)
    stayed = [key for key, m in zip(keys, moved, strict=True) if not m]
    if any(a >= b for a, b in itertools.pairwise(stayed)):
        return False
    ending = _increasing_lengths(keys)
    starting = _increasing_lengths([(-a, -b) for a, b in reversed(keys)])[::-1]
    longest = max(ending, default=0)
    if longest != len(stayed):
        return False
    return all(ending[i] + starting[i] - 1 < longest for i in range(len(keys)) if moved[i])


def _increasing_lengths(keys: Sequence[tuple[int, int]]) -> list[int]:
    """Return, for each key, the length of the longest increasing run of `keys` ending there."""
    tails: list[tuple[int, int]] = []
    out: list[int] = []
    for key in keys:
        i = bisect_left(tails, key)
        if i == len(tails):
            tails.append(key)
        else:
            tails[i] = key
        out.append(i + 1)
    return out


def _clause(node: Node) -> Clause:
    children = tuple(_clause(child) for child in node.children)
    if node.base is None:
        return Clause(
            id=node.id, text=node.text, number=node.number, title=node.title, clauses=children
        )
    return dataclasses.replace(
        node.base,
        id=node.id,
        number=node.number,
        title=node.title,
        text=node.text,
        clauses=children,
        same_as=None,
        derived_from=(),
        location=None,
    )


def _link_relation(relation: str) -> LinkRelation:
    if relation in ("unchanged", "reworded", "modified", "split", "merged"):
        return relation  # type: ignore[return-value]
    raise AssertionError(f"not a link relation: {relation}")


def _check(old: Plan, new: Plan, truth: Truth) -> None:
    """Fail loudly if the truth does not account for every clause exactly once."""
    new_ids = [c.id for c in new.walk()]
    if len(set(new_ids)) != len(new_ids):
        raise AssertionError(f"duplicate ids in mutated plan {new.id}")
    old_seen = [o for link in truth.links for o in link.old] + list(truth.deleted)
    new_seen = [n for link in truth.links for n in link.new] + list(truth.inserted)
    if sorted(old_seen) != sorted(c.id for c in old.walk()):
        raise AssertionError("truth does not account for every old clause exactly once")
    if sorted(new_seen) != sorted(new_ids):
        raise AssertionError("truth does not account for every new clause exactly once")
