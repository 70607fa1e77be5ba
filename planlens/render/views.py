"""View-model pieces every page shares: a plan version's header, its sources, relation colours."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planlens.plan.model import Plan, Source

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
