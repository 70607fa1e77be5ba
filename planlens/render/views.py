"""View-model pieces the pages share: a plan version's header, its sources, relation colours.

Also the names the lineage page and its alluvial picture both use: the anchors of a clause
form's and a family's entries, how each clause form is labelled, and short text snippets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planlens._version import __version__
from planlens.plan.model import Clause, ClauseRef, Plan, Source
from planlens.render.html import anchor_id

if TYPE_CHECKING:  # a comparison report does not import the lineage package
    from planlens.lineage import Family, Lineage

#: Relation colours: the Okabe-Ito palette, distinguishable with every common colour-vision
#: deficiency; every use is also labelled in text.
RELATION_COLOURS = {
    "unchanged": "#999999",
    "reworded": "#56B4E9",
    "modified": "#E69F00",
    "split": "#CC79A7",
    "merged": "#009E73",
    "added": "#0072B2",
    "removed": "#D55E00",
    "unknown": "#F0E442",
}


@dataclass(frozen=True, slots=True)
class SourceLink:
    """A source to show: `url` is None when it is not http(s) and so must not be a link."""

    url: str | None
    label: str
    detail: str


@dataclass(frozen=True, slots=True)
class PlanHeader:
    """What a page says about one plan version."""

    id: str
    title: str
    date: str
    status: str
    completeness: str
    warning: str | None
    notes: str | None
    sources: tuple[SourceLink, ...]
    href: str
    sha256: str | None
    file: str | None


def source_links(sources: Iterable[Source]) -> tuple[SourceLink, ...]:
    """Return sources to show, linking only http(s) addresses (the loader enforces it too)."""
    links = []
    for source in sources:
        url = source.url if source.url.startswith(("https://", "http://")) else None
        detail = ", ".join(part for part in (source.publisher, source.date) if part)
        links.append(SourceLink(url, source.title or source.url, detail))
    return tuple(links)


def plan_header(plan: Plan, href: str, sha256: str | None = None) -> PlanHeader:
    """Return the header view of `plan`; `sha256` is the digest of its file, if read from one."""
    warning = None
    if plan.completeness == "partial":
        expected = f" of the {plan.expected_clauses} expected" if plan.expected_clauses else ""
        warning = (
            f"Partial version: {len(plan.clauses)} clauses{expected} are known. "
            "Clauses not shown are unknown, not absent."
        )
        if plan.status == "reconstructed":
            warning = (
                "The text of this version was never published; it is reconstructed from reports. "
                + warning
            )
    return PlanHeader(
        id=plan.id,
        title=plan.title,
        date=plan.date,
        status=plan.status,
        completeness=plan.completeness,
        warning=warning,
        notes=plan.notes,
        sources=source_links(plan.sources),
        href=href,
        sha256=sha256,
        file=plan.path.rsplit("/", 1)[-1] if plan.path else None,
    )


def clause_citation(plan: Plan, clause: Clause, label: str) -> str:
    """Return a plain-text citation of one clause: plan, clause, date, source, planlens version.

    The source is the clause's own first source, else the plan's first.

    >>> plan = Plan("v2", "Draft", "2025-12-01", "draft", "full", (Source("https://e.org/2"),), ())
    >>> clause_citation(plan, Clause("7", "Text."), "7").replace(__version__, "X")
    '“Draft” (v2), clause 7, 2025-12-01. Source: https://e.org/2. Cited from planlens X.'
    """
    source = (clause.sources or plan.sources or (None,))[0]
    text = f"“{plan.title}” ({plan.id}), clause {label}, {plan.date}."
    if source is not None:
        named = ", ".join(p for p in (source.title, source.publisher, source.date) if p)
        text += f" Source: {named + ', ' if named else ''}{source.url}."
    return text + f" Cited from planlens {__version__}."


def form_anchor(ref: ClauseRef) -> str:
    """Return the HTML id of a clause form's entry on the lineage page.

    >>> form_anchor(ClauseRef("us-28", "10.a")), form_anchor(ClauseRef("g", "§ 5"))
    ('c-us-28--10.a', 'c-g--_a7__20_5')
    """
    return anchor_id(f"c-{ref.plan}-", ref.clause)


def family_anchor(family: Family) -> str:
    """Return the HTML id of a family's entry on the lineage page.

    >>> from planlens.lineage import Family
    >>> family_anchor(Family("us-28#6", (), (), (), 0))
    'f-us-28--6'
    """
    plan, _, clause = family.id.partition("#")
    return anchor_id(f"f-{plan}-", clause)


def clause_labels(lin: Lineage) -> dict[ClauseRef, str]:
    """Return how to name each clause form: a point by its printed number, a part by its id."""
    out = {}
    for v in lin.versions:
        tops = {c.id for c in v.plan.clauses}
        for c in v.plan.walk():
            out[ClauseRef(v.id, c.id)] = (c.number or c.id) if c.id in tops else c.id
    return out


def text_snippet(text: str | None, size: int = 110) -> str:
    """Return `text` on one line, cut to `size` characters with an ellipsis.

    >>> text_snippet("a  long text", 8), text_snippet(None)
    ('a long…', 'text never published')
    """
    if text is None:
        return "text never published"
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"
