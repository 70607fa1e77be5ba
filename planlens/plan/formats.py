"""Render one plan, or a list of plans, as plain text or Markdown for the terminal.

Control and invisible formatting characters are shown as visible markers (`⟦U+001B⟧`), never
passed to the terminal.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from planlens.plan.check_text import visible
from planlens.plan.model import Clause, Plan, Source

_STATUS_MARKS = {"uncertain": "[uncertain]", "unknown": "[text unknown]"}


def plan_summary_rows(plans: Iterable[Plan]) -> list[tuple[str, ...]]:
    """Return one row per plan, headed, for `planlens list`: id, date, status, clauses, ...

    The `clauses` column counts top-level clauses; `completeness` gives the expected count of a
    partial plan, since "3 clauses" means something else when 19 were expected.
    """
    rows: list[tuple[str, ...]] = [("id", "date", "status", "clauses", "completeness", "follows")]
    for plan in sorted(plans, key=lambda p: (p.date, p.id)):
        completeness: str = plan.completeness
        if plan.completeness == "partial" and plan.expected_clauses:
            completeness = f"partial (of {plan.expected_clauses})"
        rows.append(
            (
                plan.id,
                plan.date,
                plan.status,
                str(len(plan.clauses)),
                completeness,
                ", ".join(plan.follows) or "-",
            )
        )
    return rows


def format_table(rows: list[tuple[str, ...]]) -> str:
    """Return `rows` as left-aligned columns separated by two spaces.

    >>> print(format_table([("id", "n"), ("a-long-id", "3")]))
    id         n
    a-long-id  3
    """
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    return visible("\n".join(lines))


def plan_text(plan: Plan) -> str:
    """Return `plan` as indented plain text for reading in a terminal."""
    lines = [plan.title, "=" * len(plan.title), ""]
    lines.extend(f"{label}: {value}" for label, value in _metadata(plan))
    lines.append("")
    for clause in plan.clauses:
        _clause_text(clause, 0, lines)
    if plan.dropped:
        lines.append("Reported as dropped:")
        lines.extend(
            f"  - {dropped.clause}" + (f": {dropped.note}" if dropped.note else "")
            for dropped in plan.dropped
        )
        lines.append("")
    lines.append("Sources:")
    lines.extend(f"  - {_source_text(source)}" for source in plan.sources)
    return visible("\n".join(lines) + "\n")


def _clause_text(clause: Clause, depth: int, lines: list[str]) -> None:
    indent = "    " * depth
    label = clause.number or clause.id
    head = f"{indent}{label}."
    if clause.title:
        head += f" {clause.title}"
    mark = _STATUS_MARKS.get(clause.status)
    if mark:
        head += f" {mark}"
    lines.append(head)
    body = clause.text if clause.text is not None else "(text not published)"
    for paragraph in body.split("\n\n"):
        lines.extend(
            textwrap.wrap(
                " ".join(paragraph.split()),
                width=96,
                initial_indent=indent + "    ",
                subsequent_indent=indent + "    ",
            )
        )
    if clause.topics:
        lines.append(f"{indent}    topics: {', '.join(clause.topics)}")
    links = ([f"same as {clause.same_as}"] if clause.same_as else []) + [
        f"derived from {ref}" for ref in clause.derived_from
    ]
    if links:
        lines.append(f"{indent}    {'; '.join(links)}")
    lines.append("")
    for child in clause.clauses:
        _clause_text(child, depth + 1, lines)


def plan_markdown(plan: Plan) -> str:
    """Return `plan` as a Markdown document: metadata list, then one heading per clause."""
    lines = [f"# {plan.title}", ""]
    lines.extend(f"- **{label}:** {value}" for label, value in _metadata(plan))
    lines.append("")
    if plan.notes:
        lines.extend([plan.notes, ""])
    for clause in plan.clauses:
        _clause_markdown(clause, 2, lines)
    if plan.dropped:
        lines.extend(["## Reported as dropped", ""])
        lines.extend(
            f"- `{dropped.clause}`" + (f": {dropped.note}" if dropped.note else "")
            for dropped in plan.dropped
        )
        lines.append("")
    lines.extend(["## Sources", ""])
    lines.extend(f"- {_source_markdown(source)}" for source in plan.sources)
    return visible("\n".join(lines) + "\n")


def _clause_markdown(clause: Clause, level: int, lines: list[str]) -> None:
    heading = clause.number or clause.id
    if clause.title:
        heading += f". {clause.title}"
    mark = _STATUS_MARKS.get(clause.status)
    if mark:
        heading += f" {mark}"
    lines.extend([f"{'#' * min(level, 6)} {heading}", ""])
    lines.extend([clause.text if clause.text is not None else "*Text not published.*", ""])
    if clause.notes:
        lines.extend([f"> {line}" if line else ">" for line in clause.notes.splitlines()])
        lines.append("")
    for child in clause.clauses:
        _clause_markdown(child, level + 1, lines)


def _metadata(plan: Plan) -> list[tuple[str, str]]:
    rows = [("id", plan.id), ("date", plan.date), ("status", plan.status)]
    if plan.version:
        rows.append(("version", plan.version))
    if plan.parties:
        rows.append(("parties", ", ".join(plan.parties)))
    if plan.language:
        rows.append(("language", plan.language))
    if plan.follows:
        rows.append(("follows", ", ".join(plan.follows)))
    completeness: str = plan.completeness
    if plan.expected_clauses:
        completeness += f" ({len(plan.clauses)} of {plan.expected_clauses} clauses)"
    rows.append(("completeness", completeness))
    return rows


def _source_text(source: Source) -> str:
    parts = [part for part in (source.title, source.publisher, source.date) if part]
    return (", ".join(parts) + ": " if parts else "") + source.url


def _source_markdown(source: Source) -> str:
    label = source.title or source.url
    rest = ", ".join(part for part in (source.publisher, source.date) if part)
    # Angle brackets keep a URL with parentheses intact in the link destination.
    return f"[{label}](<{source.url}>)" + (f", {rest}" if rest else "")
