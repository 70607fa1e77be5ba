"""The comparison report: a view model built from a `PlanDiff`, rendered by `compare.html`.

Two steps, as in coverage.py's HTML report: `compare_page()` turns a diff into plain view-model
dataclasses (no HTML), and `render_compare()` fills the template with one (`planlens.render.html`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from planlens._version import __version__
from planlens.compare import GAP_MIN, MOVE_MARGIN, MOVE_MIN, MUTUAL_MIN, WEAK_MIN
from planlens.compare.key_changes import KEY_KINDS, KeyChange, key_changes
from planlens.compare.model import RELATIONS, Change, Flag, PlanDiff, Segment
from planlens.compare.pins import between as versions_between
from planlens.perf import collector_paused
from planlens.plan.model import Clause, Dropped, Plan
from planlens.render.html import anchor_id, render
from planlens.render.many_rows import MANY_ROWS
from planlens.render.views import (
    RELATION_COLOURS,
    PlanHeader,
    SourceLink,
    clause_citation,
    plan_header,
    source_links,
)


@dataclass(frozen=True, slots=True)
class Reported:
    """A reported removal (a `dropped` entry of the new version or of one between): the clause
    it names, the version that says so, its note and its source.

    `old_id` is the clause's id when it is a clause of the old version (it then has a row here,
    and `href` goes to it), else empty (`href` then goes to its plan's page, where there is one).
    """

    label: str
    old_id: str
    version: str
    href: str
    note: str
    source: SourceLink | None


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the clause-by-clause table: a change, or the old place of a moved clause.

    `old_anchors` and `new_anchors` are the HTML ids of the clauses the row shows, so that every
    clause has a permalink (`#old-7`, `#new-10.a`); a moved clause's old anchor is on its ghost
    row, which stands where the clause used to be.
    """

    kind: str  # "change" or "ghost"
    depth: int
    relation: str
    old_ids: tuple[str, ...]
    new_ids: tuple[str, ...]
    old_label: str
    new_label: str
    old_anchors: tuple[str, ...]
    new_anchors: tuple[str, ...]
    old_segments: tuple[Segment, ...]
    new_segments: tuple[Segment, ...]
    same_text: str | None
    badges: tuple[str, ...]
    flags: tuple[Flag, ...]
    topics: tuple[str, ...]
    substantive: bool
    matched_by: str | None
    confidence: float | None
    pinned_via: tuple[str, ...]
    score: float | None
    runner_up: float | None
    elsewhere: str | None  # href of the other place of a moved clause
    old_status: str | None
    new_status: str | None
    reports: tuple[Reported, ...] = ()
    permalink: str = ""  # "#new-7": the row's clause, for "link to this clause"
    cites: tuple[str, ...] = ()  # a citation of each clause the row shows, old then new
    #: A removed or added clause's hint (`Change.perhaps`): "now" or "from", the other
    #: clause's id and the href of its row, and how likely.
    perhaps: tuple[tuple[str, str, str, float], ...] = ()

    @property
    def anchor(self) -> str:
        """The row's own id: its first anchor."""
        return (self.new_anchors or self.old_anchors or ("row",))[0]


@dataclass(frozen=True, slots=True)
class KeyGroup:
    """Key changes of one kind, at most `KEY_SHOWN` of them (those a source reports first), and
    how many more there are."""

    heading: str
    items: tuple[tuple[KeyChange, str], ...]  # each with the href of its row
    more: int


#: Key changes shown per kind; a large law has thousands, and the table has them all.
KEY_SHOWN = 10
_KEY_HEADINGS = {
    "figure": "Figures",
    "deadline": "Deadlines and timing",
    "condition": "Conditions",
    "modality": "Obligations (shall, may, will)",
    "dropped": "Points dropped",
    "added": "Points added",
}


@dataclass(frozen=True, slots=True)
class Bar:
    """A slice of the summary bar."""

    relation: str
    count: int
    x: float
    width: float
    colour: str


@dataclass(frozen=True, slots=True)
class ComparePage:
    """Everything the comparison template shows."""

    title: str
    old: PlanHeader
    new: PlanHeader
    counts: tuple[tuple[str, int], ...]
    bars: tuple[Bar, ...]
    topics: tuple[str, ...]
    topic_table: tuple[tuple[str, tuple[int, ...]], ...]
    substantive: tuple[Row, ...]
    rows: tuple[Row, ...]
    settings: tuple[tuple[str, str], ...]
    citation: str
    index_href: str = ""
    key_changes: tuple[KeyGroup, ...] = ()
    #: What a reader should check by eye, each as (label, href of its row): the links marked
    #: "check this", and the removed or added clauses with a hint ("perhaps").
    checks: tuple[tuple[str, str], ...] = ()
    hinted: tuple[tuple[str, str], ...] = ()
    checks_shown: int = 10  # of each, the page names this many and counts the rest
    reported: tuple[Reported, ...] = ()
    between: tuple[tuple[str, str], ...] = ()
    lang: str = "en"
    version: str = __version__
    relations: tuple[str, ...] = RELATIONS
    colours: dict[str, str] = field(default_factory=lambda: dict(RELATION_COLOURS))

    @property
    def many(self) -> bool:
        """Whether the report has more than `MANY_ROWS` rows: its table is marked `many`, and
        each row is then laid out (and painted) only near the screen (`content-visibility`)."""
        return len(self.rows) > MANY_ROWS


@collector_paused()  # many small objects, no cycles: see planlens.perf
def compare_page(
    diff: PlanDiff,
    *,
    old_href: str = "",
    new_href: str = "",
    old_sha256: str | None = None,
    new_sha256: str | None = None,
    index_href: str = "",
    corpus: Iterable[Plan] = (),
    plan_href: Callable[[str], str] | None = None,
) -> ComparePage:
    """Return the view model of the report comparing `diff.old` with `diff.new`.

    The versions of `corpus` between the two (by `follows`, as `compare` composes pins through
    them) are named, and their reported removals (`dropped`) are shown with the new version's,
    each in a list and on the row of the clause it names when this comparison has that clause
    gone (removed, or unknown). `plan_href(plan_id)` links other plans' pages, where there are
    any ("" for none).
    """
    old_clauses = diff.old.clause_index()
    new_clauses = diff.new.clause_index()
    middle = sorted(versions_between(diff.old, diff.new, corpus), key=lambda p: (p.date, p.id))
    removals = [(p.id, d) for p in (*middle, diff.new) for d in p.dropped]
    reported = _reported(diff.old, old_clauses, removals, plan_href)
    rows = _rows(diff, old_clauses, new_clauses)
    rows = [
        replace(row, reports=mine)
        if row.kind == "change"
        and not row.new_ids
        and (mine := tuple(r for r in reported if r.old_id and r.old_id in row.old_ids))
        else row
        for row in rows
    ]
    counts = tuple(diff.summary().items())
    total = sum(count for _, count in counts) or 1
    bars, x = [], 0.0
    for relation, count in counts:
        if count:
            width = 100.0 * count / total
            bars.append(
                Bar(relation, count, round(x, 3), round(width, 3), RELATION_COLOURS[relation])
            )
            x += width
    change_rows = [row for row in rows if row.kind == "change"]
    topic_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in change_rows:
        for topic in row.topics or ("(no topic)",):
            topic_counts[topic][row.relation] += 1
    topics = tuple(sorted(t for t in topic_counts if t != "(no topic)"))
    table_topics = topics + (("(no topic)",) if "(no topic)" in topic_counts else ())
    topic_table = tuple(
        (topic, tuple(topic_counts[topic][relation] for relation in RELATIONS))
        for topic in table_topics
    )
    old, new = diff.old, diff.new
    citation = (
        f"planlens {__version__}, comparison of “{old.title}” ({old.date}) with “{new.title}” "
        f"({new.date})"
        + (
            f"; inputs SHA-256 {old_sha256[:12]}… and {new_sha256[:12]}…"
            if old_sha256 and new_sha256
            else ""
        )
        + "."
    )
    return ComparePage(
        title=f"{old.title} → {new.title}",
        old=plan_header(old, old_href, old_sha256),
        new=plan_header(new, new_href, new_sha256),
        counts=counts,
        bars=tuple(bars),
        topics=topics,
        topic_table=topic_table,
        substantive=tuple(row for row in change_rows if row.flags),
        rows=tuple(rows),
        settings=(
            ("similarity in a gap", f"≥ {GAP_MIN}"),
            ("similarity for a move", f"≥ {MOVE_MIN}, margin {MOVE_MARGIN}"),
            ("what is left, paired jointly", f"≥ {WEAK_MIN}"),
            ("mutual best match", f"≥ {MUTUAL_MIN}"),
            ("word diff", "difflib SequenceMatcher on words, autojunk off"),
        ),
        citation=citation,
        index_href=index_href,
        key_changes=_key_groups(key_changes(diff, corpus)),
        checks=tuple(_to_check(row) for row in change_rows if "check" in row.badges),
        hinted=tuple(_hinted(row) for row in change_rows if row.perhaps),
        reported=reported,
        between=tuple((p.id, plan_href(p.id) if plan_href else "") for p in middle),
        lang=new.language or "en",
    )


def _to_check(row: Row) -> tuple[str, str]:
    """Return a row to check as "old → new" (a dash for no clause) and the href of the row."""
    return f"{row.old_label or '—'} → {row.new_label or '—'}", "#" + row.anchor


def _hinted(row: Row) -> tuple[str, str]:
    """Return a row with a hint as "old → new?" (or "old? → new": the hinted clause with a
    question mark) and the href of the row."""
    where, other, _, _ = row.perhaps[0]
    if where == "now":
        return f"{row.old_label} → {other}?", "#" + row.anchor
    return f"{other}? → {row.new_label}", "#" + row.anchor


def _key_groups(changes: Sequence[KeyChange]) -> tuple[KeyGroup, ...]:
    """Group the key changes by kind, each linked to the row of its clauses."""
    groups = []
    for kind in KEY_KINDS:
        # Only http(s) sources are links (the loader enforces it too).
        mine = [
            k
            if not k.source_url or k.source_url.startswith(("https://", "http://"))
            else replace(k, source_url=None)
            for k in changes
            if k.kind == kind
        ]
        mine.sort(key=lambda k: k.version is None)  # reported by a source first, else in order
        if not mine:
            continue
        items = tuple(
            (
                k,
                "#"
                + (anchor_id("new", k.new_ids[0]) if k.new_ids else anchor_id("old", k.old_ids[0])),
            )
            for k in mine[:KEY_SHOWN]
        )
        groups.append(KeyGroup(_KEY_HEADINGS[kind], items, len(mine) - len(items)))
    return tuple(groups)


def _reported(
    old: Plan,
    old_clauses: dict[str, Clause],
    removals: Sequence[tuple[str, Dropped]],
    plan_href: Callable[[str], str] | None,
) -> tuple[Reported, ...]:
    """Return the reported removals to show, in the order given, each once."""
    out: list[Reported] = []
    tops = {clause.id for clause in old.clauses}
    for version, entry in dict.fromkeys(removals):
        ref = entry.clause
        clause = old_clauses.get(ref.clause) if ref.plan == old.id else None
        if clause is not None:
            label = _label(clause, 0 if clause.id in tops else 1)
            href = "#" + anchor_id("old", clause.id)
        else:
            page = plan_href(ref.plan) if plan_href else ""
            label, href = str(ref), f"{page}#{anchor_id('clause', ref.clause)}" if page else ""
        out.append(
            Reported(
                label=label,
                old_id=clause.id if clause is not None else "",
                version=version,
                href=href,
                note=" ".join((entry.note or "").split()),
                source=source_links([entry.source])[0] if entry.source else None,
            )
        )
    return tuple(out)


def _rows(
    diff: PlanDiff, old_clauses: dict[str, Clause], new_clauses: dict[str, Clause]
) -> list[Row]:
    """Return the table rows in the new plan's order, plus a ghost row at each moved clause's
    old place, so that a reader following the old plan finds where each clause went."""
    rows: list[Row] = []

    def visit(change: Change, depth: int, inherited: tuple[str, ...]) -> None:
        row = _row(change, depth, inherited, diff, old_clauses, new_clauses)
        rows.append(row)
        for child in change.children:
            visit(child, depth + 1, row.topics)

    for change in diff.changes:
        visit(change, 0, ())
    ghosts = [_ghost(row) for row in rows if row.kind == "change" and row.elsewhere]
    if not ghosts:
        return rows
    old_order = [clause.id for clause in diff.old.walk()]
    position = {cid: k for k, cid in enumerate(old_order)}
    row_of_old = {cid: k for k, row in enumerate(rows) for cid in row.old_ids}
    placed: list[tuple[int, int, Row]] = []
    for ghost in ghosts:
        moved_row = row_of_old[ghost.old_ids[0]]
        after = -1
        for k in range(position[ghost.old_ids[0]] - 1, -1, -1):
            prior = row_of_old.get(old_order[k])
            if prior is not None and prior != moved_row and not rows[prior].elsewhere:
                after = prior
                break
        placed.append((after + 1, position[ghost.old_ids[0]], ghost))
    # Insert from the end, so earlier indices stay valid; ghosts at one place keep old order.
    for index, _, ghost in sorted(placed, key=lambda t: (-t[0], -t[1])):
        rows.insert(index, ghost)
    return rows


def _ghost(row: Row) -> Row:
    """Return the row that stands at a moved clause's old place and links to its new one.

    Its permalink is its old anchor; it cites nothing (the row of the change does).
    """
    old_anchors = tuple(anchor_id("old", cid) for cid in row.old_ids)
    return replace(
        row,
        kind="ghost",
        new_ids=(),
        old_anchors=old_anchors,
        new_anchors=(),
        permalink="#" + old_anchors[0] if old_anchors else "",
        cites=(),
        old_segments=(),
        new_segments=(),
        same_text=None,
        badges=("moved",),
        flags=(),
        matched_by=None,
        confidence=None,
        pinned_via=(),
        score=None,
        runner_up=None,
        elsewhere="#" + row.new_anchors[0],
    )


def _row(
    change: Change,
    depth: int,
    inherited: tuple[str, ...],
    diff: PlanDiff,
    old_clauses: dict[str, Clause],
    new_clauses: dict[str, Clause],
) -> Row:
    """Return the row of a change: `inherited` are its parent's topics, its own if it has none
    (for the topic filter); with its permalink and its clauses' citations."""
    olds = [old_clauses[cid] for cid in change.old]
    news = [new_clauses[cid] for cid in change.new]
    badges: list[str] = [change.relation]
    if change.moved:
        badges.append("moved")
    if change.renumbered:
        badges.append("renumbered")
    if change.check:
        badges.append("check")
    moved = change.moved and bool(change.old) and bool(change.new)
    same = change.relation == "unchanged" and len(news) == 1
    old_anchors = () if moved else tuple(anchor_id("old", cid) for cid in change.old)
    new_anchors = tuple(anchor_id("new", cid) for cid in change.new)
    anchors = new_anchors or old_anchors
    cites = tuple(
        clause_citation(plan, clause, _label(clause, depth))
        for plan, clauses in ((diff.old, olds), (diff.new, news))
        for clause in clauses
    )
    return Row(
        kind="change",
        depth=depth,
        relation=change.relation,
        old_ids=change.old,
        new_ids=change.new,
        old_label=", ".join(_label(c, depth) for c in olds),
        new_label=", ".join(_label(c, depth) for c in news),
        # A moved clause's old anchors go on its ghost row, at its old place.
        old_anchors=old_anchors,
        new_anchors=new_anchors,
        old_segments=() if same else _shown(change, "old"),
        new_segments=() if same else _shown(change, "new"),
        same_text=news[0].text if same else None,
        badges=tuple(badges),
        flags=change.flags,
        topics=tuple(dict.fromkeys(t for c in olds + news for t in c.topics)) or inherited,
        substantive=change.substantive,
        matched_by=change.matched_by,
        confidence=change.confidence,
        pinned_via=change.pinned_via,
        score=change.score,
        runner_up=change.runner_up,
        elsewhere="#" + anchor_id("old", change.old[0]) if moved else None,
        old_status=olds[0].status if olds else None,
        new_status=news[0].status if news else None,
        permalink="#" + anchors[0] if anchors else "",
        cites=cites,
        perhaps=tuple(
            (
                "now" if change.relation == "removed" else "from",
                p.id,
                "#" + anchor_id("new" if change.relation == "removed" else "old", p.id),
                p.likelihood,
            )
            for p in change.perhaps
        ),
    )


def _shown(change: Change, side: str) -> tuple[Segment, ...]:
    """Return the segments one column shows.

    A clause the other version says nothing about ("unknown") is not struck through or
    underlined: nothing says it was deleted or added, so its text is shown plain.
    """
    skip = "insert" if side == "old" else "delete"
    segments = tuple(s for s in change.segments if s.op != skip)
    if change.relation == "unknown":
        return tuple(Segment("equal", s.text) for s in segments)
    return segments


def _label(clause: Clause, depth: int) -> str:
    """Return how a row names a clause: its printed number at the top, its id below ("10.c")."""
    return clause.number if clause.number is not None and depth == 0 else clause.id


def render_compare(page: ComparePage, *, search: str | None = None) -> str:
    """Return the HTML of a comparison report; `search` as for `render` (a site's page)."""
    return render("compare.html", page, search=search)
