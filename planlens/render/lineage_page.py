"""The lineage page: its view model, and the geometry of its alluvial picture.

As in `report`, the functions here return plain data (positions, paths, labels, links) and the
template `lineage.html` turns it into markup, so every string is escaped in one place. The
picture draws one column per version and one box per top-level clause; bands join a clause's
forms, coloured by relation. A partial version's silence is drawn as hatched "?" boxes and
bands, which look nothing like the red stub that ends a dropped clause.
"""

from __future__ import annotations

from collections import defaultdict
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
from planlens.render.html import anchor_id, render
from planlens.render.views import RELATION_COLOURS, PlanHeader, plan_header

# -- geometry of the picture ---------------------------------------------------------------

#: Height of one band; a box is as tall as the most bands on either of its sides.
UNIT = 14
NODE_W = 64
NODE_GAP = 6
TOP = 84
MARGIN = 20
#: The picture is at least this wide (so that pages scale it alike), with columns spread over it
#: within these gaps; more versions make it wider.
WIDTH = 1000
MIN_GAP, MAX_GAP = 200, 460
#: Longest box label; longer clause ids are cut, with the whole id in the tooltip.
LABEL_MAX = 10
STUB = 0.32  # a stub (dropped, added) is this share of the gap between columns
DROPPED = RELATION_COLOURS["removed"]
UNKNOWN = RELATION_COLOURS["unknown"]


@dataclass(frozen=True, slots=True)
class Column:
    """A version's column: where it is and what its heading says."""

    x: float
    number: int
    label: str
    lines: tuple[str, ...]
    partial: bool
    href: str


@dataclass(frozen=True, slots=True)
class Node:
    """A box: a clause form (`kind="clause"`) or a form this version is silent about (`ghost`)."""

    kind: str
    x: float
    y: float
    w: float
    h: float
    label: str
    title: str
    href: str

    @property
    def cx(self) -> float:
        return round(self.x + self.w / 2, 1)

    @property
    def cy(self) -> float:
        return round(self.y + self.h / 2, 1)


@dataclass(frozen=True, slots=True)
class Band:
    """A filled path between boxes, or a stub: `kind` is band, ghost, skip, dropped or added.

    `fill` is a colour, or None for the hatch of the unknown; `cross` is the dropped mark's
    centre.
    """

    kind: str
    d: str
    fill: str | None
    title: str
    href: str
    dashed: bool = False
    cross: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class LegendItem:
    kind: str  # swatch, hatch, dropped, added, appeared, dashed
    fill: str | None
    label: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Picture:
    """The alluvial picture: everything the template needs to draw it."""

    width: float
    height: float
    title: str
    desc: str
    columns: tuple[Column, ...]
    nodes: tuple[Node, ...]
    bands: tuple[Band, ...]
    legend: tuple[LegendItem, ...]
    legend_y: float
    unknown_colour: str = UNKNOWN
    dropped_colour: str = DROPPED


def form_anchor(ref: ClauseRef) -> str:
    """Return the HTML id of a clause form's entry on the lineage page.

    >>> form_anchor(ClauseRef("us-28", "10.a")), form_anchor(ClauseRef("g", "§ 5"))
    ('c-us-28--10.a', 'c-g--_a7__20_5')
    """
    return anchor_id(f"c-{ref.plan}-", ref.clause)


def family_anchor(family: Family) -> str:
    """Return the HTML id of a family's entry on the lineage page.

    >>> family_anchor(Family("us-28#6", (), (), (), 0))
    'f-us-28--6'
    """
    plan, _, clause = family.id.partition("#")
    return anchor_id(f"f-{plan}-", clause)


@dataclass
class _Link:
    source: str | None
    target: str | None
    kind: str
    fill: str | None
    title: str
    href: str
    dashed: bool = False


def picture(lin: Lineage, hrefs: Mapping[str, str] | None = None) -> Picture:
    """Return the alluvial picture of `lin`: columns, boxes and bands, laid out.

    `hrefs` maps version ids to their pages, for the column headings (default: none).
    """
    versions = lin.versions
    clauses = {v.id: v.plan.clause_index() for v in versions}
    labels = _labels(lin)
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

    links: list[_Link] = []
    seen: set[tuple[str | None, str | None]] = set()

    def link(item: _Link) -> None:
        if (item.source, item.target) not in seen:
            seen.add((item.source, item.target))
            links.append(item)

    # Ghost bands: a form carried through versions that say nothing about it.
    for key, ref in ghost_of.items():
        version = key.split("|")[1]
        family = family_of[ref]
        link(
            _Link(
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
    for edge in edges:
        for new in edge.new_refs:
            target = f"c|{edge.new_version}|{top_of(new)}"
            for old in edge.old_refs:
                source = f"c|{edge.old_version}|{top_of(old)}"
                parts = old.clause != top_of(old) or new.clause != top_of(new)
                kind, dashed = "band", False
                if edge.kind != "direct":
                    ghost = before(edge.new_version, ClauseRef(old.plan, top_of(old)))
                    # A part's band across versions only follows its point's ghost: drawn
                    # straight, it would seem to pass over a version that has the point.
                    if parts and (ghost is None or edge.kind == "reintroduced"):
                        continue
                    source = ghost or source
                    kind, dashed = "skip", True
                link(
                    _Link(
                        source,
                        target,
                        kind,
                        RELATION_COLOURS[edge.relation],
                        _edge_title(edge, old, new, labels),
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
                        _Link(
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
                _Link(
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
    return _layout(lin, real, ghosts, ghost_of, links, clauses, labels, hrefs or {})


def _edge_title(edge: Edge, old: ClauseRef, new: ClauseRef, labels: Mapping[ClauseRef, str]) -> str:
    flags = "; ".join(f"{f.type}: {f.old or '(none)'} → {f.new or '(none)'}" for f in edge.flags)
    relation = "text unknown" if edge.relation == "unknown" else edge.relation
    how = {"direct": "", "skip": ", across a version that says nothing about it"}.get(
        edge.kind, ", reintroduced after it was dropped"
    )
    return f"{old.plan} {labels[old]} → {new.plan} {labels[new]}: {relation}{how}" + (
        f" ({flags})" if flags else ""
    )


def _labels(lin: Lineage) -> dict[ClauseRef, str]:
    """Return how to name each clause form: a point by its printed number, a part by its id."""
    out = {}
    for v in lin.versions:
        tops = {c.id for c in v.plan.clauses}
        for c in v.plan.walk():
            out[ClauseRef(v.id, c.id)] = (c.number or c.id) if c.id in tops else c.id
    return out


def _snippet(text: str | None, size: int = 110) -> str:
    if text is None:
        return "text never published"
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _layout(
    lin: Lineage,
    real: Mapping[str, list[str]],
    ghosts: Mapping[str, list[str]],
    ghost_of: Mapping[str, ClauseRef],
    links: Sequence[_Link],
    clauses: Mapping[str, Mapping[str, Clause]],
    labels: Mapping[ClauseRef, str],
    hrefs: Mapping[str, str],
) -> Picture:
    """Place the columns, stack the boxes and draw the bands between their slots."""
    versions = lin.versions
    n = len(versions)
    room = WIDTH - 2 * MARGIN - NODE_W - 60  # 60: the last column's dropped stubs
    gap = min(MAX_GAP, max(MIN_GAP, room / max(1, n - 1)))
    column_x = {v.id: MARGIN + k * gap for k, v in enumerate(versions)}
    ins: dict[str, list[_Link]] = defaultdict(list)
    outs: dict[str, list[_Link]] = defaultdict(list)
    for item in links:
        if item.target is not None:
            ins[item.target].append(item)
        if item.source is not None:
            outs[item.source].append(item)
    height = {
        key: UNIT * max(1, len(ins[key]), len(outs[key]))
        for keys in (*real.values(), *ghosts.values())
        for key in keys
    }
    ys: dict[str, float] = {}
    order: dict[str, list[str]] = {}
    for v in versions:
        # Where no point has a number, the document order is not known (a reconstruction):
        # the points then follow what flows into them.
        numbered = any(c.number is not None for c in v.plan.clauses)
        placed = _column_order(real[v.id], ghosts.get(v.id, []), ins, ys, by_anchor=not numbered)
        y = float(TOP)
        for key in placed:
            ys[key] = y
            y += height[key] + NODE_GAP
        order[v.id] = placed
    nodes: dict[str, Node] = {}
    for v in versions:
        for key in order[v.id]:
            nodes[key] = _node(
                key, column_x[v.id], ys[key], height[key], ghost_of, clauses, labels, lin
            )
    bands = _bands(links, nodes, ins, outs, gap)
    bottom = max((node.y + node.h for node in nodes.values()), default=float(TOP))
    width = max(WIDTH, column_x[versions[-1].id] + NODE_W + MARGIN + gap * STUB + 20)
    legend, legend_h = _legend(bottom + 28, width)
    columns = tuple(
        Column(
            x=column_x[v.id],
            number=k + 1,
            label=v.id,
            lines=_column_lines(
                v.plan.date, v.plan.status, v.plan.completeness, real, ghosts, v.id
            ),
            partial=v.plan.completeness == "partial",
            href=hrefs.get(v.id, ""),
        )
        for k, v in enumerate(versions)
    )
    return Picture(
        width=round(width, 1),
        height=round(bottom + 28 + legend_h, 1),
        title="How the clauses flow from " + " to ".join(v.id for v in versions),
        desc=_describe(lin, real, ghosts),
        columns=columns,
        nodes=tuple(nodes.values()),
        bands=bands,
        legend=legend,
        legend_y=round(bottom + 28, 1),
    )


def _column_order(
    real: list[str],
    ghosts: list[str],
    ins: Mapping[str, list[_Link]],
    ys: Mapping[str, float],
    *,
    by_anchor: bool = False,
) -> list[str]:
    """Return a column's boxes top to bottom: clauses in document order, ghosts among them.

    Each box is anchored at the height of what flows into it; ghosts, sorted by anchor, are
    merged into the clauses where their anchors fall, so their bands run flat. With
    `by_anchor`, the clauses too are sorted by anchor (stable, so new ones keep their order).
    """

    def anchor(key: str) -> float | None:
        sources = [
            ys[i.source] for i in ins.get(key, []) if i.source is not None and i.source in ys
        ]
        return min(sources) if sources else None

    if by_anchor:
        keyed: list[tuple[float, str]] = []
        for key in real:
            found = anchor(key)
            keyed.append((found if found is not None else keyed[-1][0] if keyed else -1.0, key))
        real = [key for _, key in sorted(keyed, key=lambda t: t[0])]

    real_anchor: list[float] = []
    last = -1.0
    for key in real:
        found = anchor(key)
        last = found if found is not None else last
        real_anchor.append(last)
    ghost_sorted = sorted(ghosts, key=lambda k: (anchor(k) or 0.0, k))
    out: list[str] = []
    i = j = 0
    while i < len(real) or j < len(ghost_sorted):
        take_ghost = j < len(ghost_sorted) and (
            i >= len(real) or (anchor(ghost_sorted[j]) or 0.0) < real_anchor[i]
        )
        if take_ghost:
            out.append(ghost_sorted[j])
            j += 1
        else:
            out.append(real[i])
            i += 1
    return out


def _node(
    key: str,
    x: float,
    y: float,
    h: float,
    ghost_of: Mapping[str, ClauseRef],
    clauses: Mapping[str, Mapping[str, Clause]],
    labels: Mapping[ClauseRef, str],
    lin: Lineage,
) -> Node:
    kind, version, rest = key.split("|", 2)
    if kind == "g":
        ref = ghost_of[key]
        clause = clauses[ref.plan][ref.clause]
        return Node(
            "ghost",
            x,
            y,
            NODE_W,
            h,
            "?",
            f"{version}: not known whether it has {ref} ({_snippet(clause.text, 80)})",
            "#" + family_anchor(lin.family(ref)),
        )
    ref = ClauseRef(version, rest)
    clause = clauses[version][rest]
    label = labels[ref]
    short = label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "…"
    return Node(
        "clause",
        x,
        y,
        NODE_W,
        h,
        short,
        f"{version} {label}: {_snippet(clause.text)}",
        "#" + form_anchor(ref),
    )


def _bands(
    links: Sequence[_Link],
    nodes: Mapping[str, Node],
    ins: Mapping[str, list[_Link]],
    outs: Mapping[str, list[_Link]],
    gap: float,
) -> tuple[Band, ...]:
    """Draw each link from its slot on the source's right side to its slot on the target's
    left; slots are ordered by the other end's height, so that bands cross as little as
    possible."""

    def other_y(item: _Link, key: str | None) -> float:
        node = nodes.get(key) if key is not None else None
        return node.y if node is not None else 1e9

    slot_out: dict[int, float] = {}
    slot_in: dict[int, float] = {}
    for key, items in outs.items():
        node = nodes[key]
        ordered = sorted(items, key=lambda i: other_y(i, i.target))
        for k, item in enumerate(ordered):
            slot_out[id(item)] = node.y + _offset(k, len(ordered), node.h)
    for key, items in ins.items():
        node = nodes[key]
        ordered = sorted(items, key=lambda i: other_y(i, i.source))
        for k, item in enumerate(ordered):
            slot_in[id(item)] = node.y + _offset(k, len(ordered), node.h)
    stub = gap * STUB
    bands = []
    for item in links:
        source = nodes.get(item.source) if item.source else None
        target = nodes.get(item.target) if item.target else None
        if source is not None and target is not None:
            x1, y1 = source.x + source.w, slot_out[id(item)]
            x2, y2 = target.x, slot_in[id(item)]
            d = _ribbon(x1, y1, x2, y2)
            bands.append(Band(item.kind, d, item.fill, item.title, item.href, item.dashed))
        elif source is not None:
            x1, y1 = source.x + source.w, slot_out[id(item)]
            d = (
                f"M{x1:.1f},{y1:.1f} H{x1 + stub * 0.75:.1f} L{x1 + stub:.1f},{y1 + UNIT / 2:.1f} "
                f"L{x1 + stub * 0.75:.1f},{y1 + UNIT:.1f} H{x1:.1f} Z"
            )
            cross = (round(x1 + stub + 9, 1), round(y1 + UNIT / 2, 1))
            bands.append(Band(item.kind, d, item.fill, item.title, item.href, item.dashed, cross))
        elif target is not None:
            x2, y2 = target.x, slot_in[id(item)]
            x0 = x2 - stub
            d = (
                f"M{x0:.1f},{y2:.1f} H{x2:.1f} V{y2 + UNIT:.1f} H{x0:.1f} "
                f"L{x0 + stub * 0.25:.1f},{y2 + UNIT / 2:.1f} Z"
            )
            bands.append(Band(item.kind, d, item.fill, item.title, item.href, item.dashed))
    # Ghosts and stubs first, so that the bands of known clauses are drawn on top.
    rank = {"ghost": 0, "appeared": 1, "added": 1, "dropped": 1, "skip": 2, "band": 3}
    return tuple(sorted(bands, key=lambda b: rank.get(b.kind, 3)))


def _offset(k: int, count: int, height: float) -> float:
    """Return the top of slot `k` of `count` on a side of a box `height` tall, centred."""
    return (height - count * UNIT) / 2 + k * UNIT


def _ribbon(x1: float, y1: float, x2: float, y2: float) -> str:
    """Return a band UNIT thick from (x1, y1) to (x2, y2), its edges two cubic curves."""
    mx = (x1 + x2) / 2
    return (
        f"M{x1:.1f},{y1:.1f} C{mx:.1f},{y1:.1f} {mx:.1f},{y2:.1f} {x2:.1f},{y2:.1f} "
        f"V{y2 + UNIT:.1f} C{mx:.1f},{y2 + UNIT:.1f} {mx:.1f},{y1 + UNIT:.1f} {x1:.1f},"
        f"{y1 + UNIT:.1f} Z"
    )


def _legend(y: float, width: float) -> tuple[tuple[LegendItem, ...], float]:
    """Return the legend's items, in rows below the picture, and the height they take."""
    entries: list[tuple[str, str | None, str]] = [
        ("swatch", RELATION_COLOURS["unchanged"], "unchanged"),
        ("swatch", RELATION_COLOURS["reworded"], "reworded"),
        ("swatch", RELATION_COLOURS["modified"], "modified (substance)"),
        ("swatch", RELATION_COLOURS["split"], "split"),
        ("swatch", RELATION_COLOURS["merged"], "merged"),
        ("swatch", UNKNOWN, "paired, a text never published"),
        ("added", RELATION_COLOURS["added"], "added"),
        ("appeared", None, "new, or from a partial version"),
        ("dropped", DROPPED, "dropped in the next version"),
        ("hatch", None, "? = not known whether the version has it"),
        ("dashed", RELATION_COLOURS["unchanged"], "across a version silent on it"),
    ]
    per_row = max(1, int((width - 2 * MARGIN) // 300))
    items = tuple(
        LegendItem(kind, fill, label, MARGIN + (k % per_row) * 300, y + (k // per_row) * 24)
        for k, (kind, fill, label) in enumerate(entries)
    )
    rows = (len(entries) + per_row - 1) // per_row
    return items, rows * 24 + 8


def _column_lines(
    date: str,
    status: str,
    completeness: str,
    real: Mapping[str, list[str]],
    ghosts: Mapping[str, list[str]],
    version: str,
) -> tuple[str, ...]:
    known = len(real[version])
    lines = [f"{date} · {status}"]
    if completeness == "partial":
        silent = len(ghosts.get(version, []))
        lines.append(f"partial: {known} points known" + (f", {silent} unknown" if silent else ""))
    else:
        lines.append(f"{known} points")
    return tuple(lines)


def _describe(lin: Lineage, real: Mapping[str, list[str]], ghosts: Mapping[str, list[str]]) -> str:
    parts = []
    for v in lin.versions:
        dropped = sum(1 for f in lin.families if f.step(v.id).state == "removed")
        text = f"{v.id}: {len(real[v.id])} points"
        if ghosts.get(v.id):
            text += f", {len(ghosts[v.id])} earlier points of unknown fate"
        if dropped:
            text += f", {dropped} clauses dropped"
        parts.append(text)
    return (
        "Alluvial diagram: one column per version, one box per point, bands joining each "
        "point's forms, coloured by how it changed. "
        + "; ".join(parts)
        + ". The table of clause families below gives the same information as text."
    )


# -- the page ------------------------------------------------------------------------------


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
    labels = _labels(lin)
    blames = blame_all(lin)
    rows = []
    views = []
    for family in lin.families:
        first = family.clauses[0]
        snippet = _snippet(clauses[first.plan][first.clause].text, 90)
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


def render_lineage(page: LineagePage) -> str:
    """Return the HTML of a lineage page."""
    return render("lineage.html", page)
