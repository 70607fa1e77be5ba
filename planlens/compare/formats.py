"""Render a `PlanDiff` as JSON data (the versioned contract), terminal text, Markdown or CSV.

The text and Markdown formats show control and invisible formatting characters of plan text as
visible markers (`⟦U+001B⟧`, `⟦U+202E⟧`), so that a terminal never applies them: the only escape
sequences in the text format are the colours it adds itself.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from planlens.compare.model import Change, PlanDiff, Segment
from planlens.plan.check_text import visible
from planlens.plan.model import Clause, Plan

#: The JSON contract's name and major version; bump it on any incompatible change.
DIFF_SCHEMA = "planlens.diff/1"


def diff_to_data(diff: PlanDiff) -> dict[str, Any]:
    """Return `diff` as plain data in the `planlens.diff/1` shape documented in the README."""
    return {
        "schema": DIFF_SCHEMA,
        "old": _plan_meta(diff.old),
        "new": _plan_meta(diff.new),
        "summary": diff.summary(),
        "changes": [_change_data(change) for change in diff.changes],
    }


def _plan_meta(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.id,
        "title": plan.title,
        "date": plan.date,
        "status": plan.status,
        "version": plan.version,
        "completeness": plan.completeness,
        "expected_clauses": plan.expected_clauses,
        "follows": list(plan.follows),
    }


def _change_data(change: Change) -> dict[str, Any]:
    return {
        "relation": change.relation,
        "old": list(change.old),
        "new": list(change.new),
        "moved": change.moved,
        "renumbered": change.renumbered,
        "score": change.score,
        "runner_up": change.runner_up,
        "matched_by": change.matched_by,
        "confidence": change.confidence,
        "pinned_via": list(change.pinned_via),
        "perhaps": [{"id": p.id, "likelihood": p.likelihood} for p in change.perhaps],
        "flags": [{"type": f.type, "old": f.old, "new": f.new} for f in change.flags],
        "segments": [[s.op, s.text] for s in change.segments],
        "children": [_change_data(child) for child in change.children],
    }


_SYMBOLS = {
    "unchanged": "=",
    "reworded": "~",
    "modified": "!",
    "split": "<",
    "merged": ">",
    "added": "+",
    "removed": "-",
    "unknown": "?",
}


def diff_text(diff: PlanDiff, *, color: bool = False) -> str:
    """Return `diff` for a terminal: a summary, then one entry per change.

    Without colour, deletions read `[-like this-]` and insertions `{+like this+}`, as in
    `git diff --word-diff`; with colour they are also red and green.
    """
    paint: Callable[[str, str], str] = _ansi if color else (lambda text, _: text)

    def style(text: str, kind: str) -> str:
        return paint(visible(text), kind)

    lines = [
        visible(f"{diff.old.id} ({diff.old.date}) -> {diff.new.id} ({diff.new.date})"),
        "  ".join(f"{relation} {count}" for relation, count in diff.summary().items() if count),
    ]
    if to_check := _to_check_words(diff):
        lines.append(f"to check: {to_check}")
    lines.append("")
    for change in diff.changes:
        _change_text(change, 0, lines, style)
    return "\n".join(lines).rstrip("\n") + "\n"


def _to_check_words(diff: PlanDiff) -> str:
    """Return what a reader should check, in words ("" if nothing): `3 links marked "check
    this", 2 hints ("perhaps")`, the marks to look for in the entries below."""
    counts = diff.to_check()
    links, hints = counts["check this"], counts["perhaps"]
    words = []
    if links:
        words.append(f'{links} link{"s" if links > 1 else ""} marked "check this"')
    if hints:
        words.append(f'{hints} hint{"s" if hints > 1 else ""} ("perhaps")')
    return ", ".join(words)


def _ansi(text: str, kind: str) -> str:
    codes = {"delete": "31", "insert": "32", "head": "1", "note": "2"}
    return f"\x1b[{codes[kind]}m{text}\x1b[0m"


def _change_text(
    change: Change, depth: int, lines: list[str], style: Callable[[str, str], str]
) -> None:
    indent = "  " * depth
    ids = f"{', '.join(change.old) or '-'} -> {', '.join(change.new) or '-'}"
    marks = [change.relation] + [
        m
        for m, on in (
            ("moved", change.moved),
            ("renumbered", change.renumbered),
            (f"check this: confidence {change.confidence}", change.check),
        )
        if on
    ]
    marks += _perhaps_marks(change)
    lines.append(style(f"{indent}{_SYMBOLS[change.relation]} {ids}  [{', '.join(marks)}]", "head"))
    for flag in change.flags:
        lines.append(
            style(
                f"{indent}    {flag.type}: {flag.old or '(none)'} -> {flag.new or '(none)'}", "note"
            )
        )
    if change.relation not in ("unchanged", "unknown") and change.segments:
        segments = change.segments
        body = "".join(
            _segment_text(
                segment,
                style,
                before_insert=k + 1 < len(segments) and segments[k + 1].op == "insert",
            )
            for k, segment in enumerate(segments)
        )
        lines.extend(f"{indent}    {line}" for line in body.splitlines())
    for child in change.children:
        _change_text(child, depth + 1, lines, style)


def perhaps_mark(change: Change) -> str:
    """Return the hint of a removed or added clause as words ("" without one): "perhaps now
    4.a? likelihood 0.45", or "perhaps from 1? ..." for an added clause."""
    if not change.perhaps:
        return ""
    where = "now" if change.relation == "removed" else "from"
    ids = ", ".join(p.id for p in change.perhaps)
    likelihood = max(p.likelihood for p in change.perhaps)
    return f"perhaps {where} {ids}? likelihood {likelihood}"


def _perhaps_marks(change: Change) -> list[str]:
    mark = perhaps_mark(change)
    return [mark] if mark else []


def _segment_text(
    segment: Segment, style: Callable[[str, str], str], *, before_insert: bool
) -> str:
    if segment.op == "equal":
        return visible(segment.text)
    marks = ("[-", "-]") if segment.op == "delete" else ("{+", "+}")
    text = _wrap(segment, marks, lambda body: style(body, segment.op))
    # "[-Europe-]{+NATO+} will": the insertion brings its own trailing space.
    return text.rstrip() if before_insert else text


def _wrap(segment: Segment, marks: tuple[str, str], finish: Callable[[str], str]) -> str:
    """Return a changed segment between `marks`, its surrounding white space left outside.

    "[-600,000-] personnel" reads better than "[-600,000 -]personnel". A change of white
    space alone shows as the new white space.
    """
    body = segment.text.strip()
    if not body:
        return visible(segment.text) if segment.op == "insert" else ""
    # White space as `str.strip` sees it includes some control characters: shown, not applied.
    lead = visible(segment.text[: len(segment.text) - len(segment.text.lstrip())])
    tail = visible(segment.text[len(segment.text.rstrip()) :])
    return lead + finish(f"{marks[0]}{body}{marks[1]}") + tail


#: Characters that would start Markdown syntax inside a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str) -> str:
    """Escape Markdown syntax in `text`, so plan text shows as written."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def diff_markdown(diff: PlanDiff) -> str:
    """Return `diff` as Markdown: deletions ~~struck~~, insertions **bold**."""
    lines = [f"# {_md(diff.old.title)} → {_md(diff.new.title)}", ""]
    lines.append("| relation | count |")
    lines.append("| --- | ---: |")
    lines.extend(f"| {relation} | {count} |" for relation, count in diff.summary().items())
    lines.append("")
    if to_check := _to_check_words(diff):
        lines += [f"To check: {to_check}.", ""]
    for change in diff.changes:
        _change_markdown(change, 2, lines)
    return visible("\n".join(lines).rstrip("\n") + "\n")


def _change_markdown(change: Change, level: int, lines: list[str]) -> None:
    ids = f"{_md(', '.join(change.old) or '—')} → {_md(', '.join(change.new) or '—')}"
    marks = [change.relation] + [
        m
        for m, on in (
            ("moved", change.moved),
            ("renumbered", change.renumbered),
            (f"check this: confidence {change.confidence}", change.check),
        )
        if on
    ]
    marks += [_md(mark) for mark in _perhaps_marks(change)]
    lines.extend([f"{'#' * min(level, 6)} {ids} ({', '.join(marks)})", ""])
    for flag in change.flags:
        lines.append(f"- *{flag.type}*: {_md(flag.old) or '(none)'} → {_md(flag.new) or '(none)'}")
    if change.flags:
        lines.append("")
    if change.segments and change.relation != "unknown":
        body = "".join(
            _md(segment.text)
            if segment.op == "equal"
            else _wrap(
                segment, ("~~", "~~") if segment.op == "delete" else ("**", "**"), _md_marked
            )
            for segment in change.segments
        )
        lines.extend([" ".join(body.split()), ""])
    for child in change.children:
        _change_markdown(child, level + 1, lines)


def _md_marked(marked: str) -> str:
    """Escape the text inside Markdown emphasis marks, keeping the marks themselves."""
    return marked[:2] + _md(marked[2:-2]) + marked[-2:]


#: The columns of `diff_csv`, one row per change (link) of the tree.
DIFF_CSV_COLUMNS = (
    "old_id",
    "new_id",
    "relation",
    "moved",
    "renumbered",
    "confidence",
    "flags",
    "old_text",
    "new_text",
    "perhaps",
)

#: What makes a spreadsheet read a cell as a formula (or, tab and carriage return, move it).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def diff_csv(diff: PlanDiff) -> str:
    """Return `diff` as CSV for spreadsheets: a header, then one row per change (link) of the
    tree, depth first in the new plan's order, as `PlanDiff.walk` gives them.

    Ids of several clauses (a split or merge) are joined with ", ", as the text format shows
    them; texts are the clauses' own texts as written in the plans (several joined by a blank
    line; empty for a side with no clause or a text never published); flags read
    `type: old -> new`, joined with "; "; a removed or added clause's hint (`Change.perhaps`)
    reads `id (likelihood)`. See `csv_text` for how cells are made safe.
    """
    old_index, new_index = diff.old.clause_index(), diff.new.clause_index()
    rows = (
        (
            ", ".join(change.old),
            ", ".join(change.new),
            change.relation,
            _yes_no(change.moved),
            _yes_no(change.renumbered),
            "" if change.confidence is None else repr(change.confidence),
            "; ".join(
                f"{f.type}: {f.old or '(none)'} -> {f.new or '(none)'}" for f in change.flags
            ),
            _texts(change.old, old_index),
            _texts(change.new, new_index),
            "; ".join(f"{p.id} ({p.likelihood})" for p in change.perhaps),
        )
        for change in diff.walk()
    )
    return csv_text(DIFF_CSV_COLUMNS, rows)


def _yes_no(value: bool) -> str:
    return "true" if value else "false"


def _texts(ids: Sequence[str], index: dict[str, Clause]) -> str:
    return "\n\n".join(text for cid in ids if (text := index[cid].text))


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Return `header` and `rows` as CSV text: Python's csv module, Excel's dialect (commas,
    fields quoted when needed, CRLF line ends, RFC 4180), every cell a string.

    Cells are made safe to open: hidden characters show as markers (`⟦U+202E⟧`), as in the
    text format, and a cell that a spreadsheet would run as a formula (it starts with `=`,
    `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP advises against
    CSV injection.

    >>> csv_text(("a", "b"), [("=1+1", "x, y")])
    'a,b\\r\\n\\'=1+1,"x, y"\\r\\n'
    """
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel")
    writer.writerow(header)
    writer.writerows([_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


def _cell(value: str) -> str:
    text = visible(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
