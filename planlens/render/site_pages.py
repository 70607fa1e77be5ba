"""The site's own pages: one page per plan, and the index of plans, comparisons and lineages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planlens.compare.model import RELATIONS
from planlens.compare.pins import between
from planlens.lineage.echoes import Echoes
from planlens.plan.model import Clause, ClauseRef, Plan
from planlens.render.html import anchor_id, preview
from planlens.render.views import (
    PlanHeader,
    SourceLink,
    clause_citation,
    plan_header,
    source_links,
)


@dataclass(frozen=True, slots=True)
class Link:
    kind: str
    label: str
    href: str


@dataclass(frozen=True, slots=True)
class EchoLink:
    """An echo of a clause in another plan: the clause's name and link, its score, its start."""

    label: str
    href: str
    score: str
    excerpt: str


@dataclass(frozen=True, slots=True)
class ClauseItem:
    depth: int
    anchor: str
    label: str
    clause: Clause
    links: tuple[Link, ...]
    sources: tuple[SourceLink, ...]
    echoes: tuple[EchoLink, ...] = ()
    cite: str = ""  # a plain-text citation of the clause


@dataclass(frozen=True, slots=True)
class DroppedItem:
    label: str
    href: str
    note: str | None
    source: SourceLink | None


@dataclass(frozen=True, slots=True)
class PlanRef:
    id: str
    href: str


@dataclass(frozen=True, slots=True)
class CompareLink:
    """A comparison of a plan with another version of its lineage (`other`): `label` names both,
    older first ("us-28 → framework-20")."""

    other: str
    label: str
    href: str


@dataclass(frozen=True, slots=True)
class PlanPage:
    header: PlanHeader
    follows: tuple[PlanRef, ...]
    clauses: tuple[ClauseItem, ...]
    dropped: tuple[DroppedItem, ...]
    compare: tuple[CompareLink, ...] = ()


@dataclass(frozen=True, slots=True)
class IndexPlan:
    id: str
    title: str
    date: str
    status: str
    clauses: int
    completeness: str
    follows: str
    href: str
    compare: tuple[CompareLink, ...] = ()


@dataclass(frozen=True, slots=True)
class IndexComparison:
    old_title: str
    old_date: str
    new_title: str
    new_date: str
    href: str
    counts: tuple[int, ...]
    route: str = ""


@dataclass(frozen=True, slots=True)
class IndexLineage:
    label: str
    dates: str
    href: str


@dataclass(frozen=True, slots=True)
class IndexPage:
    plans: tuple[IndexPlan, ...]
    comparisons: tuple[IndexComparison, ...]
    lineages: tuple[IndexLineage, ...] = ()
    relations: tuple[str, ...] = RELATIONS


def plan_href(plan_id: str, ref: ClauseRef | None = None) -> str:
    """Return the link from one plan page to another plan's page (or one of its clauses)."""
    return f"{plan_id}.html" + (f"#{anchor_id('clause', ref.clause)}" if ref else "")


def compare_href(old: Plan, new: Plan) -> str:
    """Return the report's path below the site root."""
    return f"compare/{old.id}--{new.id}.html"


def compare_links(
    plan: Plan, pairs: Sequence[tuple[Plan, Plan]], prefix: str = ""
) -> tuple[CompareLink, ...]:
    """Return the comparisons of `plan` with the other versions of its lineage, in the order of
    `pairs` (the older versions first); each href is `prefix` + the report's path."""
    return tuple(
        CompareLink(
            other=other.id,
            label=f"{old.id} → {new.id}",
            href=prefix + compare_href(old, new),
        )
        for old, new in pairs
        if plan.id in (old.id, new.id)
        for other in [new if old.id == plan.id else old]
    )


def route(old: Plan, new: Plan, plans: Sequence[Plan]) -> str:
    """Say how two versions of a lineage are related: `new` revises `old`, or revises it through
    the versions between, or they are on separate branches."""
    if old.id in new.follows:
        return "next version"
    middle = sorted(between(old, new, plans), key=lambda p: (p.date, p.id))
    if middle:
        return "through " + ", ".join(p.id for p in middle)
    return "separate branches"


def lineage_href(chain: Sequence[Plan]) -> str:
    """Return a lineage page's path below the site root: its versions' ids, oldest first."""
    return "lineage/" + "--".join(plan.id for plan in chain) + ".html"


def echo_links(result: Echoes | None) -> dict[str, tuple[EchoLink, ...]]:
    """Return what a plan page shows of each clause's echoes: by clause id, best first.

    This is all a page shows of the other plans, so the site rebuilds a plan page when this
    changes, and only then.
    """
    if result is None:
        return {}
    texts = {(p.id, c.id): c.text for p in result.searched for c in p.walk()}
    return {
        item.clause: tuple(
            EchoLink(
                label=str(echo.ref),
                href=plan_href(echo.plan, echo.ref),
                score=f"{echo.score:.2f}",
                excerpt=preview(texts[echo.plan, echo.clause], 100),
            )
            for echo in item.echoes
        )
        for item in result.clauses
        if item.echoes
    }


def plan_page(
    plan: Plan,
    known: set[str],
    sha256: str | None = None,
    echoes: Echoes | None = None,
    compare: Sequence[CompareLink] = (),
) -> PlanPage:
    """Return the view model of `plan`'s own page; `known` plan ids get links.

    With `echoes` (of this plan), each clause lists its echoes in other plans; `compare` are
    its comparisons with the other versions of its lineage (`compare_links`).
    """
    items = []
    echoed = echo_links(echoes)

    def visit(clause: Clause, depth: int) -> None:
        refs = [("same as", clause.same_as)] if clause.same_as else []
        refs += [("derived from", ref) for ref in clause.derived_from]
        links = tuple(
            Link(kind, str(ref), plan_href(ref.plan, ref))
            for kind, ref in refs
            if ref.plan in known
        )
        items.append(
            ClauseItem(
                depth=depth,
                anchor=anchor_id("clause", clause.id),
                label=(clause.number or clause.id) if depth == 0 else clause.id,
                clause=clause,
                links=links,
                sources=source_links(clause.sources),
                echoes=echoed.get(clause.id, ()),
                cite=clause_citation(
                    plan, clause, (clause.number or clause.id) if depth == 0 else clause.id
                ),
            )
        )
        for child in clause.clauses:
            visit(child, depth + 1)

    for clause in plan.clauses:
        visit(clause, 0)
    dropped = tuple(
        DroppedItem(
            label=str(d.clause),
            href=plan_href(d.clause.plan, d.clause) if d.clause.plan in known else "",
            note=d.note,
            source=source_links([d.source])[0] if d.source else None,
        )
        for d in plan.dropped
    )
    return PlanPage(
        header=plan_header(plan, "", sha256),
        follows=tuple(PlanRef(p, plan_href(p)) for p in plan.follows if p in known),
        clauses=tuple(items),
        dropped=dropped,
        compare=tuple(compare),
    )


def index_page(
    plans: Sequence[Plan],
    comparisons: Sequence[tuple[Plan, Plan, Mapping[str, int]]],
    chains: Sequence[Sequence[Plan]],
) -> IndexPage:
    """Return the view model of the site's index: every plan (with the comparisons it is in),
    comparison (with its counts per relation and how its versions are related) and lineage, in
    the order given."""
    pairs = [(old, new) for old, new, _ in comparisons]
    return IndexPage(
        plans=tuple(
            IndexPlan(
                p.id,
                p.title,
                p.date,
                p.status,
                len(p.clauses),
                p.completeness
                + (
                    f" (of {p.expected_clauses})"
                    if p.completeness == "partial" and p.expected_clauses
                    else ""
                ),
                ", ".join(p.follows),
                f"plans/{p.id}.html",
                compare_links(p, pairs),
            )
            for p in plans
        ),
        comparisons=tuple(
            IndexComparison(
                old.title,
                old.date,
                new.title,
                new.date,
                compare_href(old, new),
                tuple(summary[r] for r in RELATIONS),
                route(old, new, plans),
            )
            for old, new, summary in comparisons
        ),
        lineages=tuple(
            IndexLineage(
                " → ".join(p.id for p in chain),
                f"{chain[0].date} to {chain[-1].date}",
                lineage_href(chain),
            )
            for chain in chains
        ),
    )
