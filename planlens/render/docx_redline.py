"""The Word redline of a comparison: a view model built from a `PlanDiff`, and its .docx bytes.

As for the HTML report, two steps: `redline()` turns a diff into plain dataclasses (no XML), and
`render_docx()` writes them as WordprocessingML (`planlens.render.docx_package`). The word diff
of each change becomes real tracked changes, `w:del` and `w:ins` by the author "planlens" dated
the new version's date, so that Word's and LibreOffice's Review tools list, accept and reject
them. A clause the other version says nothing about ("unknown") is shown plain, as in the HTML
report: nothing says it was deleted or added.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from planlens._version import __version__
from planlens.compare.formats import perhaps_mark
from planlens.compare.model import Change, Flag, PlanDiff, Segment
from planlens.plan.model import Clause
from planlens.render.docx_package import docx_package, w_datetime, xml_text
from planlens.render.views import PlanHeader, plan_header

#: The author of every tracked change.
AUTHOR = "planlens"

#: What each relation means, for the summary table.
MEANINGS = {
    "unchanged": "the same words",
    "reworded": "different words, same substance",
    "modified": (
        "substance changed: a figure, date, negation, modality, party, condition, scope or"
        " provision"
    ),
    "split": "one clause became several",
    "merged": "several clauses became one",
    "added": "only in the new version",
    "removed": "only in the old version",
    "unknown": "one version says nothing about it, or its text was never published",
}

_MATCHED_BY = {
    "pin": "an analyst's pin",
    "exact": "identical text",
    "order": "similar text in the same place",
    "similar": "similar text",
    "split": "its words, found in several clauses",
    "merge": "its words, found in several clauses",
}


@dataclass(frozen=True, slots=True)
class RedlineSection:
    """One change (a clause pair, a split or merge, an added or removed clause) as a section.

    `segments` are what the section's text tracks: the change's word diff, or, for an
    `unknown` change, its text as `equal` segments. `labels` are the short marks after the
    relation (moved, renumbered, check this); `moved` is the sentence that labels a move.
    """

    depth: int
    heading: str
    relation: str
    labels: tuple[str, ...]
    moved: str | None
    pairing: str | None
    flags: tuple[Flag, ...]
    note: str | None
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Redline:
    """Everything the Word redline shows, in order: header, summary table, one section each."""

    title: str
    old: PlanHeader
    new: PlanHeader
    date: str  # the new version's date as an xsd:dateTime, the date of every tracked change
    counts: tuple[tuple[str, int], ...]
    moved: int
    renumbered: int
    check: int
    sections: tuple[RedlineSection, ...]
    language: str | None = None
    author: str = AUTHOR
    version: str = __version__


def redline(diff: PlanDiff) -> Redline:
    """Return the view model of the Word redline comparing `diff.old` with `diff.new`."""
    old_clauses = diff.old.clause_index()
    new_clauses = diff.new.clause_index()
    sections: list[RedlineSection] = []

    def visit(change: Change, depth: int) -> None:
        olds = [old_clauses[cid] for cid in change.old]
        news = [new_clauses[cid] for cid in change.new]
        sections.append(_section(change, depth, olds, news))
        for child in change.children:
            visit(child, depth + 1)

    for change in diff.changes:
        visit(change, 0)
    changes = list(diff.walk())
    return Redline(
        title=f"{diff.old.title} → {diff.new.title}",
        old=plan_header(diff.old, ""),
        new=plan_header(diff.new, ""),
        date=w_datetime(diff.new.date),
        counts=tuple(diff.summary().items()),
        moved=sum(change.moved for change in changes),
        renumbered=sum(change.renumbered for change in changes),
        check=sum(change.check for change in changes),
        sections=tuple(sections),
        language=diff.new.language,
    )


def _section(change: Change, depth: int, olds: list[Clause], news: list[Clause]) -> RedlineSection:
    old_label = ", ".join(_label(clause, depth) for clause in olds)
    new_label = ", ".join(_label(clause, depth) for clause in news)
    title = next((c.title for c in news + olds if c.title), None)
    heading = f"{old_label or '—'} → {new_label or '—'}" + (f": {title}" if title else "")
    labels = tuple(
        label for label, on in (("moved", change.moved), ("renumbered", change.renumbered)) if on
    )
    if change.check:
        labels += (f"check this pairing (confidence {change.confidence or 0:.2f})",)
    if change.perhaps:
        labels += (perhaps_mark(change) + " (not linked: check it)",)
    moved = None
    if change.moved:
        moved = (
            f"Moved: {old_label} of the old version is {new_label} of the new one, in another "
            "place among the clauses around it."
            if olds and news
            else "Moved: in another place among the clauses around it."
        )
    pairing = None
    if change.matched_by:
        pairing = f"Paired by {_MATCHED_BY[change.matched_by]}"
        if change.score is not None:
            pairing += f", similarity {change.score:.2f}"
        if change.runner_up is not None:
            pairing += f" (runner-up {change.runner_up:.2f})"
        if change.pinned_via:
            pairing += f", through {', '.join(change.pinned_via)}"
        pairing += "."
    segments, note = change.segments, None
    if change.relation == "unknown":
        segments, note = _unknown(change, depth, olds, news)
    return RedlineSection(
        depth=depth,
        heading=heading,
        relation=change.relation,
        labels=labels,
        moved=moved,
        pairing=pairing,
        flags=change.flags,
        note=note,
        segments=segments,
    )


def _unknown(
    change: Change, depth: int, olds: list[Clause], news: list[Clause]
) -> tuple[tuple[Segment, ...], str]:
    """Return what an unknown change shows, plain, and the note that says why.

    A clause the other version says nothing about shows its text. A pair with a clause whose
    text was never published has no word diff: the texts that are known are shown.
    """
    if change.segments:
        return tuple(Segment("equal", s.text) for s in change.segments), (
            "The other version says nothing about this clause: its text is shown as it is, "
            "not as a deletion or an insertion."
        )
    sides = [("old", clause) for clause in olds] + [("new", clause) for clause in news]
    known = [clause.text for _, clause in sides if clause.text is not None]
    missing = [f"{side} {_label(clause, depth)}" for side, clause in sides if clause.text is None]
    if not known:
        return (), "The text of this clause was never published."
    return (Segment("equal", "\n\n".join(known)),), (
        f"Never published: the text of {', '.join(missing)}. The known text is shown as it is, "
        "not as a deletion or an insertion."
    )


def _label(clause: Clause, depth: int) -> str:
    """Return how a section names a clause: its printed number at the top, its id below."""
    return clause.number if clause.number is not None and depth == 0 else clause.id


# -- WordprocessingML ------------------------------------------------------------------------


def _content(text: str, tag: str) -> str:
    """Return the inside of a run: text in `tag` (`w:t` or `w:delText`), `w:br`, `w:tab`."""
    out: list[str] = []
    for k, line in enumerate(text.split("\n")):
        if k:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<{tag} xml:space="preserve">{xml_text(piece)}</{tag}>')
    return "".join(out)


def _run(text: str, *, bold: bool = False, italic: bool = False) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    return "<w:r>" + (f"<w:rPr>{props}</w:rPr>" if props else "") + _content(text, "w:t") + "</w:r>"


def _paragraph(runs: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{runs}</w:p>"


def _tracked(segments: tuple[Segment, ...], date: str, ids: Iterator[int]) -> str:
    """Return the runs of a clause text: kept text plain, deletions and insertions tracked."""
    out: list[str] = []
    attrs = f'w:author="{AUTHOR}" w:date="{date}"'
    for segment in segments:
        if segment.op == "equal":
            out.append(_run(segment.text))
        elif segment.op == "delete":
            content = _content(segment.text, "w:delText")
            out.append(f'<w:del w:id="{next(ids)}" {attrs}><w:r>{content}</w:r></w:del>')
        else:
            content = _content(segment.text, "w:t")
            out.append(f'<w:ins w:id="{next(ids)}" {attrs}><w:r>{content}</w:r></w:ins>')
    return "".join(out)


#: Widths of the summary table's columns, in twentieths of a point (A4 less the margins).
_COLUMNS = (1800, 1300, 5926)


def _cell(text: str, width: int, *, bold: bool = False) -> str:
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        f"{_paragraph(_run(text, bold=bold))}</w:tc>"
    )


def _table(rows: list[tuple[str, str, str]]) -> str:
    """Return the summary table: a header row, one row per relation, the total."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in _COLUMNS)
    out = [
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="1" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
    ]
    for k, row in enumerate(rows):
        edge = k == 0 or k == len(rows) - 1
        head = "<w:trPr><w:tblHeader/></w:trPr>" if k == 0 else ""
        cells = "".join(_cell(text, w, bold=edge) for text, w in zip(row, _COLUMNS, strict=True))
        out.append(f"<w:tr>{head}{cells}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def summary_rows(view: Redline) -> list[tuple[str, str, str]]:
    """Return the rows of the summary table, as text: header, each relation, total."""
    rows = [("Relation", "Changes", "Meaning")]
    rows += [(relation, str(count), MEANINGS[relation]) for relation, count in view.counts]
    rows.append(("total", str(sum(count for _, count in view.counts)), ""))
    return rows


def _header(view: Redline) -> list[str]:
    out = [_paragraph(_run(f"Comparison: {view.title}"), "Title")]
    for side, head in (("Old", view.old), ("New", view.new)):
        line = f"{head.title} ({head.id}, {head.date}, {head.status}, {head.completeness})"
        out.append(_paragraph(_run(f"{side}: ", bold=True) + _run(line)))
        if head.warning:
            out.append(_paragraph(_run(head.warning, italic=True), "Label"))
    out.append(
        _paragraph(
            _run(
                f"Deletions and insertions are tracked changes by “{view.author}”, dated "
                f"{view.new.date}, the new version's date: Word's and LibreOffice's review "
                "tools list them and can accept or reject each. Made by planlens "
                f"{view.version}; clause texts are shown as written in the plans (Markdown)."
            ),
            "Label",
        )
    )
    return out


def _body(view: Redline) -> str:
    ids = itertools.count(1)  # the w:id of each tracked change, unique in the document
    out = _header(view)
    out.append(_paragraph(_run("Summary"), "Heading1"))
    out.append(_table(summary_rows(view)))
    out.append(
        _paragraph(
            _run(
                f"Moved: {view.moved}. Renumbered: {view.renumbered}. "
                f"Pairings to check: {view.check}."
            )
        )
    )
    out.append(_paragraph(_run("Clause by clause"), "Heading1"))
    for section in view.sections:
        out.append(_paragraph(_run(section.heading), f"Heading{min(2 + section.depth, 4)}"))
        status = ", ".join((section.relation, *section.labels))
        out.append(_paragraph(_run(status, bold=True), "Label"))
        for line in (section.moved, section.pairing, section.note):
            if line:
                out.append(_paragraph(_run(line, italic=True), "Label"))
        if section.flags:
            flags = "; ".join(
                f"{f.type}: {f.old or '(none)'} → {f.new or '(none)'}" for f in section.flags
            )
            out.append(_paragraph(_run(f"Changes of substance: {flags}."), "Label"))
        if section.segments:
            out.append(_paragraph(_tracked(section.segments, view.date, ids), "ClauseText"))
    return "".join(out)


def render_docx(view: Redline) -> bytes:
    """Return the bytes of the .docx of a Word redline; equal views give equal bytes."""
    return docx_package(_body(view), title=view.title, created=view.date, language=view.language)
