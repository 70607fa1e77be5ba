"""What reading one file gave, and the checks across files: ids, references, `follows`.

No YAML here: a plan that comes from the cache of parsed plans (`planlens.cache`) is checked
against the others without the YAML loader being imported. `Parsed` is what reading one file
gave (the plan, its references with their places, its warnings); `check_references` checks
that plan ids are unique, that every reference to a loaded plan resolves, and that no plans
follow each other round in a circle; `unconnected_plans` warns of plans that `follows` joins to
no other; `did_you_mean` suggests the name that was probably meant.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

from planlens.errors import Location, Problem
from planlens.plan.model import ClauseRef, Plan


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return "; did you mean 'x'?" for the closest of `choices`, or "" if none is close.

    >>> did_you_mean("titel", ["title", "text"])
    "; did you mean 'title'?"
    >>> did_you_mean("zzz", ["title"])
    ''
    """
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


@dataclass
class Reference:
    """A reference to another plan or clause, kept with its place for the cross-plan checks."""

    key: str
    target: ClauseRef | str
    location: Location


@dataclass
class Parsed:
    """What reading one file gave: the plan (if it could be built), what it refers to, and the
    warnings (not problems: the plan is valid with them)."""

    plan: Plan | None
    problems: list[Problem]
    references: list[Reference] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def check_references(parsed: list[Parsed], *, closed: bool) -> list[Problem]:
    """Check ids across plans, and that every reference to a loaded plan resolves."""
    problems: list[Problem] = []
    plans: dict[str, Plan] = {}
    for one in parsed:
        plan = one.plan
        if plan is None:
            continue
        if plan.id in plans:
            other = plans[plan.id].location
            problems.append(
                Problem(
                    cast(Location, plan.location), f"plan id '{plan.id}' is also used by {other}"
                )
            )
            continue
        plans[plan.id] = plan
    indexes = {plan_id: plan.clause_index() for plan_id, plan in plans.items()}
    for one in parsed:
        own_id = one.plan.id if one.plan is not None else None
        others = [plan_id for plan_id in plans if plan_id != own_id]
        for ref in one.references:
            if isinstance(ref.target, str):
                plan_id, clause_id = ref.target, None
            else:
                plan_id, clause_id = ref.target.plan, ref.target.clause
            if plan_id not in plans:
                if closed:
                    problems.append(
                        Problem(
                            ref.location,
                            f"'{ref.key}' names plan '{plan_id}', which is not among the "
                            f"loaded plans{did_you_mean(plan_id, others)}",
                        )
                    )
                continue
            if clause_id is not None and clause_id not in indexes[plan_id]:
                problems.append(
                    Problem(
                        ref.location,
                        f"'{ref.key}' refers to {ref.target}, but plan '{plan_id}' has no clause "
                        f"'{clause_id}'{did_you_mean(clause_id, indexes[plan_id])}",
                    )
                )
    problems.extend(_follows_cycles(plans))
    return problems


def _follows_cycles(plans: dict[str, Plan]) -> list[Problem]:
    """Report each `follows` cycle once, at the plan with the smallest id in it."""
    problems: list[Problem] = []
    reported: set[str] = set()
    for start in sorted(plans):
        path = [start]
        seen = {start}
        stack = [(start, iter(plans[start].follows))]
        while stack:
            it = stack[-1][1]
            nxt = next(it, None)
            if nxt is None:
                stack.pop()
                seen.discard(path.pop())
                continue
            if nxt == start and start not in reported:
                cycle = [*path, start]
                reported.update(cycle)
                loc = cast(Location, plans[start].location)
                problems.append(Problem(loc, f"'follows' makes a cycle: {' -> '.join(cycle)}"))
            elif nxt in plans and nxt not in seen and nxt > start:
                path.append(nxt)
                seen.add(nxt)
                stack.append((nxt, iter(plans[nxt].follows)))
    return problems


def unconnected_plans(plans: Sequence[Plan]) -> list[Problem]:
    """Warn of each plan no comparison will include: of several plans, one that follows none of
    them and that none of them follows (comparisons and lineages are made along `follows`),
    unless it says it stands alone (`standalone: true`).

    Meant for a whole collection (a plans folder): one plan alone, or files picked from a
    folder, say nothing about what the others follow.
    """
    if len(plans) < 2:
        return []
    ids = {plan.id for plan in plans}
    followed = {old for plan in plans for old in plan.follows}
    return [
        Problem(
            cast(Location, plan.location),
            f"plan '{plan.id}' is in no comparison: it follows none of the other plans and"
            " none follows it (if it revises one, name it in 'follows')",
        )
        for plan in plans
        if plan.id not in followed and not ids.intersection(plan.follows) and not plan.standalone
    ]
