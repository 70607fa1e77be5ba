"""References between plans read in one file: `same_as`, `derived_from`, dropped clauses and
`follows`.

`ReferenceChecker` reads each reference (its form, and that it does not point into its own
plan) and keeps it with its place; `planlens.plan.across` checks them across the loaded files.
"""

from __future__ import annotations

from yaml.nodes import Node, SequenceNode

from planlens.plan.across import Reference
from planlens.plan.check_structure import StructureChecker
from planlens.plan.model import ClauseRef
from planlens.plan.schema import REF_RE, SLUG_RE


class ReferenceChecker(StructureChecker):
    """Reads references to other plans and clauses, keeping each in `references`."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.references: list[Reference] = []

    def ref(self, node: Node, name: str, what: str, plan_id: str | None) -> ClauseRef | None:
        value = self.text(node, name, what)
        if value is None:
            return None
        match = REF_RE.match(value)
        if not match:
            self.problem(
                node, f"'{name}' in {what} must be written plan-id#clause-id, not '{value}'"
            )
            return None
        ref = ClauseRef(match[1], match[2])
        if ref.plan == plan_id:
            self.problem(node, f"'{name}' in {what} points into this same plan ({ref})")
            return None
        self.references.append(Reference(name, ref, self.loc(node)))
        return ref

    def follows(self, node: Node, plan_id: str | None) -> tuple[str, ...]:
        items = (
            self.sequence(node, "follows", "the plan") if isinstance(node, SequenceNode) else [node]
        )
        follows: list[str] = []
        for item in items:
            value = self.scalar(item, "follows", "the plan")
            if value is None:
                continue
            if not SLUG_RE.match(value):
                self.problem(item, f"'follows' names '{value}', which is not a plan id")
            elif value == plan_id:
                self.problem(item, "a plan cannot follow itself")
            elif value in follows:
                self.problem(item, f"'follows' names '{value}' twice")
            else:
                follows.append(value)
                self.references.append(Reference("follows", value, self.loc(item)))
        return tuple(follows)
