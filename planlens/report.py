"""HTML reports: a view model built from plans and diffs, rendered by jinja2 templates.

Two steps, as in coverage.py's HTML report: `*_page()` functions turn plans and diffs into plain
view-model dataclasses (no HTML), and `render()` fills a template with one. Every string reaches
the page through jinja2's autoescaping; the only markup made outside the templates is Markdown
rendered by markdown-it-py with raw HTML, images and non-http(s) links disabled.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from planlens import __version__
from planlens.align import GAP_MIN, MOVE_MARGIN, MOVE_MIN, WEAK_MARGIN, WEAK_MIN
from planlens.diffmodel import RELATIONS, Change, Flag, PlanDiff, Segment
from planlens.model import Clause, Plan, Source

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


# -- view model ----------------------------------------------------------------------------


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
    score: float | None
    runner_up: float | None
    elsewhere: str | None  # href of the other place of a moved clause
    old_status: str | None
    new_status: str | None

    @property
    def anchor(self) -> str:
        """The row's own id: its first anchor."""
        return (self.new_anchors or self.old_anchors or ("row",))[0]


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
    lang: str = "en"
    version: str = __version__
    relations: tuple[str, ...] = RELATIONS
    colours: dict[str, str] = field(default_factory=lambda: dict(RELATION_COLOURS))


def anchor_id(prefix: str, clause_id: str) -> str:
    """Return an HTML id for a clause: stable, and safe in a URL fragment.

    >>> anchor_id("new", "10.a"), anchor_id("old", "§ 5")
    ('new-10.a', 'old-_a7__20_5')
    """
    return f"{prefix}-" + re.sub(
        r"[^A-Za-z0-9.-]", lambda m: f"_{ord(m.group()):x}_", clause_id
    ).rstrip("_")


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


def compare_page(
    diff: PlanDiff,
    *,
    old_href: str = "",
    new_href: str = "",
    old_sha256: str | None = None,
    new_sha256: str | None = None,
    index_href: str = "",
) -> ComparePage:
    """Return the view model of the report comparing `diff.old` with `diff.new`."""
    old_clauses = diff.old.clause_index()
    new_clauses = diff.new.clause_index()
    rows = _rows(diff, old_clauses, new_clauses)
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
            ("weak move", f"≥ {WEAK_MIN}, margin {WEAK_MARGIN}"),
            ("word diff", "difflib SequenceMatcher on words, autojunk off"),
        ),
        citation=citation,
        index_href=index_href,
        lang=new.language or "en",
    )


def _rows(
    diff: PlanDiff, old_clauses: dict[str, Clause], new_clauses: dict[str, Clause]
) -> list[Row]:
    """Return the table rows in the new plan's order, plus a ghost row at each moved clause's
    old place, so that a reader following the old plan finds where each clause went."""
    rows: list[Row] = []

    def visit(change: Change, depth: int, inherited: tuple[str, ...]) -> None:
        row = _row(change, depth, old_clauses, new_clauses)
        # A sub-point without topics of its own belongs to its parent's, for the topic filter.
        if not row.topics:
            row = replace(row, topics=inherited)
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
    """Return the row that stands at a moved clause's old place and links to its new one."""
    return replace(
        row,
        kind="ghost",
        new_ids=(),
        old_anchors=tuple(anchor_id("old", cid) for cid in row.old_ids),
        new_anchors=(),
        old_segments=(),
        new_segments=(),
        same_text=None,
        badges=("moved",),
        flags=(),
        matched_by=None,
        score=None,
        runner_up=None,
        elsewhere="#" + row.new_anchors[0],
    )


def _row(
    change: Change, depth: int, old_clauses: dict[str, Clause], new_clauses: dict[str, Clause]
) -> Row:
    olds = [old_clauses[cid] for cid in change.old]
    news = [new_clauses[cid] for cid in change.new]
    badges: list[str] = [change.relation]
    if change.moved:
        badges.append("moved")
    if change.renumbered:
        badges.append("renumbered")
    moved = change.moved and bool(change.old) and bool(change.new)
    same = change.relation == "unchanged" and len(news) == 1
    return Row(
        kind="change",
        depth=depth,
        relation=change.relation,
        old_ids=change.old,
        new_ids=change.new,
        old_label=", ".join(_label(c, depth) for c in olds),
        new_label=", ".join(_label(c, depth) for c in news),
        # A moved clause's old anchors go on its ghost row, at its old place.
        old_anchors=() if moved else tuple(anchor_id("old", cid) for cid in change.old),
        new_anchors=tuple(anchor_id("new", cid) for cid in change.new),
        old_segments=() if same else _shown(change, "old"),
        new_segments=() if same else _shown(change, "new"),
        same_text=news[0].text if same else None,
        badges=tuple(badges),
        flags=change.flags,
        topics=tuple(dict.fromkeys(t for c in olds + news for t in c.topics)),
        substantive=change.substantive,
        matched_by=change.matched_by,
        score=change.score,
        runner_up=change.runner_up,
        elsewhere="#" + anchor_id("old", change.old[0]) if moved else None,
        old_status=olds[0].status if olds else None,
        new_status=news[0].status if news else None,
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


# -- rendering -----------------------------------------------------------------------------


@cache
def _markdown() -> MarkdownIt:
    """Return the one Markdown renderer: no raw HTML, no images, links to http(s) only."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")
    md.validateLink = lambda url: url.strip().lower().startswith(("http://", "https://"))  # type: ignore[method-assign]
    return md


def markdown(text: str | None) -> Markup:
    """Render Markdown `text` to HTML that is safe to place in a page.

    >>> str(markdown("**bold** <script>x</script> [a](javascript:alert(1))"))
    '<p><strong>bold</strong> &lt;script&gt;x&lt;/script&gt; [a](javascript:alert(1))</p>\\n'
    """
    if not text:
        return Markup("")
    return Markup(_markdown().render(text))  # markdown-it escapes; html is off


def preview(text: str | None, width: int = 90) -> str:
    """Return the start of `text` on one line, for a collapsed unchanged clause.

    >>> preview("The parties   agree to everything said here.", 20)
    'The parties agree…'
    """
    flat = " ".join((text or "").split())
    if len(flat) <= width:
        return flat
    return flat[:width].rsplit(" ", 1)[0] + "…"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("planlens"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markdown"] = markdown
    env.filters["preview"] = preview
    env.filters["anchor"] = anchor_id
    return env


@cache
def _assets() -> tuple[Markup, Markup, str]:
    """Return the inline CSS, the inline script and the Content-Security-Policy allowing them."""
    env = _environment()
    # Our own static files: trusted, and they must reach the page unescaped for their hashes
    # (and the browser) to see exactly these bytes.
    css = Markup(env.get_template("style.css").render())
    js = Markup(env.get_template("script.js").render())
    csp = (
        "default-src 'none'; "
        f"style-src '{_sha(css)}'; script-src '{_sha(js)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return css, js, csp


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode(
        "ascii"
    )


def render(template: str, page: Any, *, lang: str | None = None, **extra: Any) -> str:
    """Render `page` (a view model) with the named template; returns the whole HTML document.

    `lang` is the page's language (default: the page's own `lang`, else English).
    """
    css, js, csp = _assets()
    lang = lang or getattr(page, "lang", None) or "en"
    return (
        _environment()
        .get_template(template)
        .render(page=page, css=css, js=js, csp=csp, version=__version__, lang=lang, **extra)
    )


def render_compare(page: ComparePage) -> str:
    """Return the HTML of a comparison report."""
    return render("compare.html", page)
