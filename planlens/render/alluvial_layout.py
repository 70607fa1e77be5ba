"""The alluvial picture's view model and geometry: where its columns, boxes, bands and legend go.

`alluvial.picture()` decides which boxes the picture has and which links join them; `layout()`
here places the columns, stacks the boxes, draws each link as a band between their slots and
adds the legend. Everything it returns is plain data (positions, paths, labels, links), which the
template `lineage.html` turns into markup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planlens.lineage import Lineage
from planlens.plan.model import Clause, ClauseRef
from planlens.render.views import RELATION_COLOURS, family_anchor, form_anchor, text_snippet

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


@dataclass
class Link:
    """A band before layout: from box `source` to box `target`; None is a stub's open end."""

    source: str | None
    target: str | None
    kind: str
    fill: str | None
    title: str
    href: str
    dashed: bool = False


def layout(
    lin: Lineage,
    real: Mapping[str, list[str]],
    ghosts: Mapping[str, list[str]],
    ghost_of: Mapping[str, ClauseRef],
    links: Sequence[Link],
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
    ins: dict[str, list[Link]] = defaultdict(list)
    outs: dict[str, list[Link]] = defaultdict(list)
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
    ins: Mapping[str, list[Link]],
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
            f"{version}: not known whether it has {ref} ({text_snippet(clause.text, 80)})",
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
        f"{version} {label}: {text_snippet(clause.text)}",
        "#" + form_anchor(ref),
    )


def _bands(
    links: Sequence[Link],
    nodes: Mapping[str, Node],
    ins: Mapping[str, list[Link]],
    outs: Mapping[str, list[Link]],
    gap: float,
) -> tuple[Band, ...]:
    """Draw each link from its slot on the source's right side to its slot on the target's
    left; slots are ordered by the other end's height, so that bands cross as little as
    possible."""

    def other_y(item: Link, key: str | None) -> float:
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
