"""The lineage page's view model: versions, the family × version matrix, each family's history.

As in `compare_report`, the functions here return plain data and the template `lineage.html` turns
it into markup, so every string is escaped in one place. The page's alluvial picture comes from
`alluvial`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from planlens._version import __version__
from planlens.compare.model import RELATIONS, Flag, Segment
from planlens.lineage import (
    CHANGE_STATES,
    BlameRun,
    Edge,
    Family,
    Lineage,
    Step,
    blame_all,
    fate_counts,
    step_label,
)
from planlens.plan.model import Clause, ClauseRef
from planlens.render.alluvial import picture
from planlens.render.alluvial_layout import Picture
from planlens.render.html import render
from planlens.render.views import (
    RELATION_COLOURS,
    PlanHeader,
    clause_labels,
    family_anchor,
    form_anchor,
    plan_header,
    text_snippet,
)


@dataclass(frozen=True, slots=True)
class VersionCard:
    number: int
    header: PlanHeader
    parents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cell:
    """A family × version cell of the matrix."""

    state: str
    label: str
    href: str
    title: str


@dataclass(frozen=True, slots=True)
class MatrixRow:
    anchor: str
    family: str
    href: str
    snippet: str
    depth: int
    topics: tuple[str, ...]
    fate: str
    substantive: bool
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class RunView:
    """A run of blamed words: `number` is its version's, `mark` is shown after later words."""

    text: str
    number: int
    version: str
    clause: str
    uncertain: bool
    mark: str
    tail: str = ""


@dataclass(frozen=True, slots=True)
class FormView:
    """One entry of a family's history: a clause form, or a version's silence or removal."""

    kind: str  # form, unknown, removed
    anchor: str | None
    number: int
    version: str
    label: str
    state: str
    state_label: str
    status: str | None
    text: str | None
    runs: tuple[RunView, ...]
    flags: tuple[Flag, ...]
    segments: tuple[Segment, ...]
    came_from: str
    notes: tuple[tuple[str, str | None, str | None], ...]  # (note, source label, source url)
    #: Hints of a removed or added form (`Step.perhaps`): "now" or "from", the counterpart's
    #: version and id, the href of its entry, and how likely.
    perhaps: tuple[tuple[str, str, str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class FamilyView:
    anchor: str
    id: str
    snippet: str
    depth: int
    topics: tuple[str, ...]
    summary: tuple[str, ...]
    entries: tuple[FormView, ...]


@dataclass(frozen=True, slots=True)
class LineagePage:
    """Everything the lineage template shows."""

    title: str
    versions: tuple[VersionCard, ...]
    picture: Picture
    counts: tuple[tuple[str, int], ...]
    topics: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    families: tuple[FamilyView, ...]
    citation: str
    index_href: str
    version: str = __version__
    relations: tuple[str, ...] = RELATIONS
    colours: dict[str, str] = field(default_factory=lambda: dict(RELATION_COLOURS))


def lineage_page(
    lin: Lineage,
    *,
    plan_hrefs: Mapping[str, str] | None = None,
    sha256: Mapping[str, str | None] | None = None,
    index_href: str = "",
) -> LineagePage:
    """Return the view model of the lineage page of `lin`.

    `plan_hrefs` maps version ids to their own pages; `sha256` to the digests of their files.
    """
    hrefs = dict(plan_hrefs or {})
    digests = dict(sha256 or {})
    number = {v.id: k + 1 for k, v in enumerate(lin.versions)}
    clauses = {v.id: v.plan.clause_index() for v in lin.versions}
    labels = clause_labels(lin)
    blames = blame_all(lin)
    rows = []
    views = []
    for family in lin.families:
        first = family.clauses[0]
        snippet = text_snippet(clauses[first.plan][first.clause].text, 90)
        rows.append(
            MatrixRow(
                anchor="m-" + family_anchor(family),
                family=family.id,
                href="#" + family_anchor(family),
                snippet=snippet,
                depth=min(family.depth, 4),
                topics=family.topics,
                fate=family.fate,
                substantive=family.substantive,
                cells=tuple(_cell(family, step, labels) for step in family.steps),
            )
        )
        views.append(_family_view(family, snippet, clauses, labels, blames, number))
    topics = tuple(sorted({t for f in lin.families for t in f.topics}))
    names = " → ".join(v.id for v in lin.versions)
    citation = (
        f"planlens {__version__}, lineage of "
        + ", ".join(f"“{v.plan.title}” ({v.plan.date})" for v in lin.versions)
        + "."
    )
    return LineagePage(
        title=f"Lineage: {names}",
        versions=tuple(
            VersionCard(
                number[v.id], plan_header(v.plan, hrefs.get(v.id, ""), digests.get(v.id)), v.parents
            )
            for v in lin.versions
        ),
        picture=picture(lin, hrefs),
        counts=tuple(fate_counts(lin).items()),
        topics=topics,
        rows=tuple(rows),
        families=tuple(views),
        citation=citation,
        index_href=index_href,
    )


_CELL_TEXT = {
    "unknown": "?",
    "removed": "dropped",
    "absent": "",
}


def _cell(family: Family, step: Step, labels: Mapping[ClauseRef, str]) -> Cell:
    text_labels = ", ".join(labels[ClauseRef(step.version, cid)] for cid in step.clauses)
    if step.present:
        href = "#" + form_anchor(ClauseRef(step.version, step.clauses[0]))
        text = text_labels
    else:
        href = "#" + family_anchor(family) if step.state != "absent" else ""
        text = _CELL_TEXT.get(step.state, "")
    title = f"{step.version}: {step_label(step)}" if step.state != "absent" else ""
    return Cell(step.state, text, href, title)


def _family_view(
    family: Family,
    snippet: str,
    clauses: Mapping[str, Mapping[str, Clause]],
    labels: Mapping[ClauseRef, str],
    blames: Mapping[ClauseRef, tuple[BlameRun, ...]],
    number: Mapping[str, int],
) -> FamilyView:
    entries: list[FormView] = []
    for step in family.steps:
        n = number[step.version]
        if step.state == "unknown":
            entries.append(
                FormView(
                    "unknown",
                    None,
                    n,
                    step.version,
                    "",
                    "unknown",
                    step_label(step),
                    None,
                    None,
                    (),
                    (),
                    (),
                    "",
                    (),
                )
            )
            continue
        if step.state == "removed":
            notes = tuple(
                (
                    " ".join((d.note or "").split()),
                    (d.source.title or d.source.url) if d.source else None,
                    d.source.url if d.source else None,
                )
                for d in step.reports
            )
            entries.append(
                FormView(
                    "removed",
                    None,
                    n,
                    step.version,
                    "",
                    "removed",
                    step_label(step),
                    None,
                    None,
                    (),
                    (),
                    (),
                    _came_from(step, labels),
                    notes,
                    _perhaps(step, step.removed, "now"),
                )
            )
            continue
        for cid in step.clauses:
            ref = ClauseRef(step.version, cid)
            clause = clauses[step.version][cid]
            edges = [e for e in step.edges if cid in e.new]
            runs = tuple(
                RunView(
                    r.text.rstrip(),
                    number[r.version],
                    r.version,
                    r.clause,
                    r.uncertain,
                    ""
                    if r.version == family.introduced and not r.uncertain
                    else f"{number[r.version]}{'?' if r.uncertain else ''}",
                    r.text[len(r.text.rstrip()) :],
                )
                for r in blames.get(ref, ())
            )
            entries.append(
                FormView(
                    "form",
                    form_anchor(ref),
                    n,
                    step.version,
                    labels[ref],
                    step.state,
                    step_label(step),
                    clause.status,
                    clause.text,
                    runs,
                    tuple(dict.fromkeys(f for e in edges for f in e.flags)),
                    edges[0].segments if edges and edges[0].relation in CHANGE_STATES else (),
                    _came_from(step, labels, edges),
                    (),
                    _perhaps(step, (ref,), "from"),
                )
            )
    return FamilyView(
        anchor=family_anchor(family),
        id=family.id,
        snippet=snippet,
        depth=family.depth,
        topics=family.topics,
        summary=_summary(family),
        entries=tuple(entries),
    )


def _perhaps(
    step: Step, forms: Sequence[ClauseRef], where: str
) -> tuple[tuple[str, str, str, float], ...]:
    """Return the view of the hints of `forms` in `step`: where, what, its href, how likely."""
    return tuple(
        (where, f"{other.plan} {other.clause}", "#" + form_anchor(other), likelihood)
        for form, other, likelihood in step.perhaps
        if form in forms
    )


def _came_from(step: Step, labels: Mapping[ClauseRef, str], edges: Sequence[Edge] = ()) -> str:
    refs = [r for e in edges for r in e.old_refs] if edges else list(step.removed)
    return ", ".join(f"{r.plan} {labels[r]}" for r in refs)


def _summary(family: Family) -> tuple[str, ...]:
    """Return the family's history in short sentences: introduced, changed, dropped..."""
    first = next(step for step in family.steps if step.present)
    out = [
        {
            "original": f"In {first.version}, the first version.",
            "appeared": f"First seen in {first.version}; it may be older, as a version before "
            "it is partial.",
        }.get(first.state, f"Added in {first.version}.")
    ]
    for step in family.changed:
        flags = "; ".join(
            f"{f.type}: {f.old or '(none)'} → {f.new or '(none)'}" for f in step.flags
        )
        out.append(
            f"{step.state.capitalize()} in {step.version}" + (f" ({flags})." if flags else ".")
        )
    unpublished = [s.version for s in family.steps if s.state == "text-unknown"]
    if unpublished:
        out.append(
            "Paired with its earlier form in "
            + ", ".join(unpublished)
            + ", but one of the two texts was never published."
        )
    if family.moved:
        out.append("Moved in " + ", ".join(family.moved) + ".")
    if family.unknown:
        out.append("Not known in " + ", ".join(family.unknown) + " (partial, or says nothing).")
    if family.dropped:
        out.append("Dropped in " + ", ".join(family.dropped) + ".")
    if family.reintroduced:
        out.append("Reintroduced in " + ", ".join(family.reintroduced) + ".")
    return tuple(out)


def render_lineage(page: LineagePage, *, search: str | None = None) -> str:
    """Return the HTML of a lineage page; `search` as for `render` (a site's page)."""
    return render("lineage.html", page, search=search)
