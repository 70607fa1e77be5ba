"""The alluvial picture of a lineage: which boxes it has and which bands join them.

The picture draws one column per version and one box per top-level clause; bands join a clause's
forms, coloured by relation. A partial version's silence is drawn as hatched "?" boxes and
bands, which look nothing like the red stub that ends a dropped clause. `picture()` works out
the boxes and links from the lineage; `alluvial_layout` places and draws them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping

from planlens.lineage import Edge, Family, Lineage
from planlens.plan.model import ClauseRef
from planlens.render.alluvial_layout import DROPPED, Link, Picture, layout
from planlens.render.views import RELATION_COLOURS, clause_labels, family_anchor, form_anchor


def picture(lin: Lineage, hrefs: Mapping[str, str] | None = None) -> Picture:
    """Return the alluvial picture of `lin`: columns, boxes and bands, laid out.

    `hrefs` maps version ids to their pages, for the column headings (default: none).
    """
    versions = lin.versions
    clauses = {v.id: v.plan.clause_index() for v in versions}
    labels = clause_labels(lin)
    top = {v.id: [c.id for c in v.plan.clauses] for v in versions}
    is_top = {v.id: set(ids) for v, ids in zip(versions, top.values(), strict=True)}
    up = {v.id: {child.id: c.id for c in v.plan.walk() for child in c.clauses} for v in versions}

    def top_of(ref: ClauseRef) -> str:
        cid = ref.clause
        while cid in up[ref.plan]:
            cid = up[ref.plan][cid]
        return cid

    family_of = {ref: f for f in lin.families for ref in f.clauses}
    step_of = {(f.id, s.version): s for f in lin.families for s in f.steps}
    # Boxes: every top-level clause, and a ghost for each top-level form a version is silent on.
    real = {v.id: [f"c|{v.id}|{cid}" for cid in top[v.id]] for v in versions}
    ghosts: dict[str, list[str]] = defaultdict(list)
    ghost_of: dict[str, ClauseRef] = {}
    for family in lin.families:
        for step in family.steps:
            for ref in step.unknown:
                if ref.clause in is_top[ref.plan]:
                    key = f"g|{step.version}|{ref}"
                    ghosts[step.version].append(key)
                    ghost_of[key] = ref

    def at(version: str, ref: ClauseRef) -> str | None:
        """Return the box that stands for `ref` in `version`: its own, or its ghost."""
        if ref.plan == version:
            return f"c|{version}|{ref.clause}"
        key = f"g|{version}|{ref}"
        return key if key in ghost_of else None

    def before(version: str, ref: ClauseRef) -> str | None:
        for parent in lin.version(version).parents:
            key = at(parent, ref)
            if key is not None:
                return key
        return None

    links: list[Link] = []
    seen: set[tuple[str | None, str | None]] = set()

    def link(item: Link) -> None:
        if (item.source, item.target) not in seen:
            seen.add((item.source, item.target))
            links.append(item)

    # Ghost bands: a form carried through versions that say nothing about it.
    for key, ref in ghost_of.items():
        version = key.split("|")[1]
        family = family_of[ref]
        link(
            Link(
                before(version, ref),
                key,
                "ghost",
                None,
                f"{ref}: not known whether {version} has it (it is partial or says nothing)",
                "#" + family_anchor(family),
                dashed=True,
            )
        )
    # Edges between forms, top-level pairs first so that a pair of parts never hides them.
    edges = sorted(
        lin.edges,
        key=lambda e: not all(r.clause in is_top[r.plan] for r in (*e.old_refs, *e.new_refs)),
    )
    # A clause paired with a form without text, and compared with the text behind that form,
    # is drawn once: by the comparison, from the form without text.
    compared = {r for e in lin.edges if e.relation != "unknown" for r in e.new_refs}
    for edge in edges:
        if (
            edge.kind == "direct"
            and edge.relation == "unknown"
            and all(r in compared for r in edge.new_refs)
        ):
            continue
        for new in edge.new_refs:
            target = f"c|{edge.new_version}|{top_of(new)}"
            for old in edge.old_refs:
                source = f"c|{edge.old_version}|{top_of(old)}"
                parts = old.clause != top_of(old) or new.clause != top_of(new)
                kind, dashed, behind = "band", False, None
                if edge.kind != "direct":
                    ghost = before(edge.new_version, ClauseRef(old.plan, top_of(old)))
                    if ghost is None and edge.kind == "skip":
                        # Compared past a form without text: drawn from that form.
                        ghost = behind = _form_before(lin, family_of[old], edge.new_version, top_of)
                    # A part's band across versions only follows its point's ghost: drawn
                    # straight, it would seem to pass over a version that has the point.
                    if parts and (ghost is None or edge.kind == "reintroduced"):
                        continue
                    source = ghost or source
                    kind, dashed = "skip", True
                link(
                    Link(
                        source,
                        target,
                        kind,
                        RELATION_COLOURS[edge.relation],
                        _edge_title(edge, old, new, labels, behind is not None),
                        "#" + form_anchor(new),
                        dashed,
                    )
                )
    # Stubs: a form dropped here ends; a clause with no earlier form starts.
    for family in lin.families:
        for step in family.steps:
            for ref in step.removed:
                if ref.clause in is_top[ref.plan]:
                    note = " (reported)" if step.reports else ""
                    link(
                        Link(
                            before(step.version, ref),
                            None,
                            "dropped",
                            DROPPED,
                            f"{ref}: dropped in {step.version}{note}",
                            "#" + family_anchor(family),
                        )
                    )
    arrived = {ref for e in lin.edges for ref in e.new_refs}
    for v in versions:
        if not v.parents:
            continue
        for cid in top[v.id]:
            ref = ClauseRef(v.id, cid)
            if ref in arrived:
                continue
            appeared = cid in step_of[(family_of[ref].id, v.id)].appeared
            link(
                Link(
                    None,
                    f"c|{v.id}|{cid}",
                    "appeared" if appeared else "added",
                    None if appeared else RELATION_COLOURS["added"],
                    f"{ref}: "
                    + (
                        "new here, or in an earlier version that is partial"
                        if appeared
                        else "added in " + v.id
                    ),
                    "#" + form_anchor(ref),
                    dashed=appeared,
                )
            )
    return layout(lin, real, ghosts, ghost_of, links, clauses, labels, hrefs or {})


def _form_before(
    lin: Lineage, family: Family, version: str, top_of: Callable[[ClauseRef], str]
) -> str | None:
    """Return the box of `family`'s form in a version just before `version`, if it has one
    there (a form without text, behind which the family's earlier text was compared)."""
    for parent in lin.version(version).parents:
        step = family.step(parent)
        if step.present:
            return f"c|{parent}|{top_of(ClauseRef(parent, step.clauses[0]))}"
    return None


def _edge_title(
    edge: Edge,
    old: ClauseRef,
    new: ClauseRef,
    labels: Mapping[ClauseRef, str],
    behind: bool = False,
) -> str:
    flags = "; ".join(f"{f.type}: {f.old or '(none)'} → {f.new or '(none)'}" for f in edge.flags)
    relation = "text unknown" if edge.relation == "unknown" else edge.relation
    how = {"direct": "", "skip": ", across a version that says nothing about it"}.get(
        edge.kind, ", reintroduced after it was dropped"
    )
    if behind:
        how = ", past a version whose text of it was never published"
    return f"{old.plan} {labels[old]} → {new.plan} {labels[new]}: {relation}{how}" + (
        f" ({flags})" if flags else ""
    )
