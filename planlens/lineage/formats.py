"""Lineage output: the `planlens.lineage/1` JSON data, the text and Markdown reports, and CSV."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from planlens.compare.formats import csv_text
from planlens.compare.model import RELATIONS
from planlens.lineage.blame import BlameRun, blame_all
from planlens.lineage.model import CHANGE_STATES, Lineage, Step

#: The JSON contract's name and major version; bump it on any incompatible change.
LINEAGE_SCHEMA = "planlens.lineage/1"


def lineage_to_data(lin: Lineage) -> dict[str, Any]:
    """Return `lin` as plain data in the `planlens.lineage/1` shape documented in the README."""
    blames = blame_all(lin)
    return {
        "schema": LINEAGE_SCHEMA,
        "versions": [
            {
                "id": v.id,
                "title": v.plan.title,
                "date": v.plan.date,
                "status": v.plan.status,
                "completeness": v.plan.completeness,
                "follows": list(v.parents),
            }
            for v in lin.versions
        ],
        "summary": fate_counts(lin),
        "families": [
            {
                "id": f.id,
                "topics": list(f.topics),
                "depth": f.depth,
                "fate": f.fate,
                "forms": [str(ref) for ref in f.clauses],
                "introduced": f.introduced,
                "changed": [s.version for s in f.changed],
                "moved": list(f.moved),
                "dropped": list(f.dropped),
                "reintroduced": list(f.reintroduced),
                "unknown": list(f.unknown),
                "steps": [_step_data(s) for s in f.steps],
                "blame": {
                    str(ref): [
                        {
                            "text": r.text,
                            "version": r.version,
                            "clause": r.clause,
                            "uncertain": r.uncertain,
                        }
                        for r in blames.get(ref, ())
                    ]
                    for ref in f.latest
                },
            }
            for f in lin.families
        ],
    }


def _step_data(step: Step) -> dict[str, Any]:
    return {
        "version": step.version,
        "state": step.state,
        "clauses": list(step.clauses),
        "since": list(step.since),
        "moved": step.moved,
        "flags": [{"type": f.type, "old": f.old, "new": f.new} for f in step.flags],
        "edges": [
            {
                "from": [str(r) for r in e.old_refs],
                "to": [str(r) for r in e.new_refs],
                "relation": e.relation,
                "kind": e.kind,
                "matched_by": e.matched_by,
                "score": e.score,
            }
            for e in step.edges
        ],
        "added": list(step.added),
        "appeared": list(step.appeared),
        "removed": [str(r) for r in step.removed],
        "unknown": [str(r) for r in step.unknown],
        "perhaps": [
            {"form": str(form), "counterpart": str(other), "likelihood": likelihood}
            for form, other, likelihood in step.perhaps
        ],
    }


def fate_counts(lin: Lineage) -> dict[str, int]:
    """Count the families by `Family.fate`, every relation present (zero if none)."""
    counts = Counter(f.fate for f in lin.families)
    return {relation: counts.get(relation, 0) for relation in RELATIONS}


def step_label(step: Step) -> str:
    """Return a step in words: its state, and the version it skipped back to, if any.

    >>> step_label(Step("b", "modified", ("4",), since=("a",)))
    'modified since a'
    >>> step_label(Step("c", "removed", since=("a",)))
    'removed (last seen in a)'
    """
    if step.state == "unknown":
        return "unknown: not known whether this version has it"
    if step.state == "appeared":
        return "appeared: new here, or in an earlier version that is partial"
    label: str = step.state
    if step.since and step.present:
        label += f" since {', '.join(step.since)}"
    elif step.since:
        label += f" (last seen in {', '.join(step.since)})"
    if step.moved:
        label += ", moved"
    return label


def step_hints(step: Step) -> list[str]:
    """Return the hints of a step (`Step.perhaps`) as words: "perhaps us-28#3 is now
    framework-20#4.d? likelihood 0.7", or "... came from ..." for a clause added here."""
    return [
        f"perhaps {form} {'is now' if form.plan != step.version else 'came from'} {other}?"
        f" likelihood {likelihood}"
        for form, other, likelihood in step.perhaps
    ]


def lineage_text(lin: Lineage) -> str:
    """Return `lin` for a terminal: the versions, then each family's history and blame.

    In the blame of a latest form, words that came in after the family's first version read
    `[like this]{2}`: the number is the version's, with `?` when it may be earlier.
    """
    number = {v.id: k + 1 for k, v in enumerate(lin.versions)}
    width = max(len(v.id) for v in lin.versions)
    lines = [f"lineage of {len(lin.versions)} versions"]
    for v in lin.versions:
        follows = f"  follows {', '.join(v.parents)}" if v.parents else ""
        lines.append(
            f"  [{number[v.id]}] {v.id:<{width}}  {v.plan.date}  {v.plan.completeness:<7}"
            f"  {v.plan.title}{follows}"
        )
    counts = fate_counts(lin)
    lines.append(
        f"{len(lin.families)} families: "
        + "  ".join(f"{fate} {count}" for fate, count in counts.items() if count)
    )
    blames = blame_all(lin)
    for family in lin.families:
        lines.append("")
        topics = f"  [{', '.join(family.topics)}]" if family.topics else ""
        lines.append(f"{family.id}{topics}")
        for step in family.steps:
            if step.state == "absent":
                continue
            label = ", ".join(step.clauses) or "-"
            lines.append(f"  {step.version:<{width}}  {label:<10} {step_label(step)}")
            for flag in step.flags:
                lines.append(f"      {flag.type}: {flag.old or '(none)'} -> {flag.new or '(none)'}")
            for report in step.reports:
                if report.note:
                    lines.append(f"      reported: {' '.join(report.note.split())}")
            lines.extend(f"      {hint}" for hint in step_hints(step))
        for ref in family.latest:
            runs = blames.get(ref, ())
            if len({r.version for r in runs}) > 1 or any(r.uncertain for r in runs):
                body = "".join(_run_text(r, family.introduced, number) for r in runs)
                lines.append(f"  blame {ref}: {' '.join(body.split())}")
    return "\n".join(lines) + "\n"


def _run_text(
    run: BlameRun, first: str, number: Mapping[str, int], *, markdown: bool = False
) -> str:
    """Return a blame run: words from the family's first version as they are, others marked."""
    escape = _md if markdown else str
    if run.version == first and not run.uncertain:
        return escape(run.text)
    body = run.text.strip()
    lead = run.text[: len(run.text) - len(run.text.lstrip())]
    tail = run.text[len(run.text.rstrip()) :]
    mark = f"{number[run.version]}{'?' if run.uncertain else ''}"
    marked = f"**{_md(body)}**<sup>{mark}</sup>" if markdown else f"[{body}]{{{mark}}}"
    return lead + marked + tail


#: Characters that would start Markdown syntax inside a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def lineage_markdown(lin: Lineage) -> str:
    """Return `lin` as Markdown: the versions, a family × version table, then the changes."""
    number = {v.id: k + 1 for k, v in enumerate(lin.versions)}
    lines = ["# Lineage: " + " → ".join(_md(v.id) for v in lin.versions), ""]
    lines += [
        "| # | version | date | completeness | follows | title |",
        "| ---: | --- | --- | --- | --- | --- |",
    ]
    for v in lin.versions:
        lines.append(
            f"| {number[v.id]} | {_md(v.id)} | {v.plan.date} | {v.plan.completeness} "
            f"| {_md(', '.join(v.parents)) or '—'} | {_md(v.plan.title)} |"
        )
    lines += ["", "## Families", ""]
    lines.append("| family | topics | " + " | ".join(_md(v.id) for v in lin.versions) + " |")
    lines.append("| --- | --- | " + " | ".join("---" for _ in lin.versions) + " |")
    for family in lin.families:
        cells = []
        for step in family.steps:
            ids = _md(", ".join(step.clauses))
            if step.state == "absent":
                cells.append("")
            elif step.state in ("unknown", "removed"):
                cells.append(f"*{step.state}*")
            else:
                strong = step.state in CHANGE_STATES or step.state in ("added", "reintroduced")
                state = f"**{step.state}**" if strong else step.state
                cells.append(f"{ids} {state}")
        indent = "&emsp;" * family.depth
        lines.append(
            f"| {indent}{_md(family.id)} | {_md(', '.join(family.topics))} | "
            + " | ".join(cells)
            + " |"
        )
    lines += ["", "## Changes", ""]
    blames = blame_all(lin)
    for family in lin.families:
        events = [s for s in family.steps if s.state not in ("absent", "original", "unchanged")]
        if not events:
            continue
        lines += [f"### {_md(family.id)}", ""]
        for step in events:
            detail = "; ".join(
                f"*{f.type}*: {_md(f.old) or '(none)'} → {_md(f.new) or '(none)'}"
                for f in step.flags
            )
            ids = _md(", ".join(step.clauses))
            where = f"{_md(step.version)}{' ' + ids if ids else ''}"
            lines.append(f"- {where}: {step_label(step)}{': ' + detail if detail else ''}")
            lines.extend(f"  - {_md(hint)}" for hint in step_hints(step))
        for ref in family.latest:
            runs = blames.get(ref, ())
            if len({r.version for r in runs}) > 1 or any(r.uncertain for r in runs):
                body = "".join(_run_text(r, family.introduced, number, markdown=True) for r in runs)
                lines.append(f"- blame of {_md(str(ref))}: {' '.join(body.split())}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


#: The columns of `lineage_csv` before those of each version.
LINEAGE_CSV_COLUMNS = (
    "family",
    "depth",
    "topics",
    "fate",
    "introduced",
    "changed",
    "moved",
    "dropped",
)
#: The columns of each version, after its id: `us-28 clauses`, `us-28 state`, ...
LINEAGE_CSV_VERSION_COLUMNS = ("clauses", "state", "flags", "text")
#: The last column, after every version's: the family's hints (`Step.perhaps`), all versions.
LINEAGE_CSV_LAST_COLUMNS = ("perhaps",)


def lineage_csv(lin: Lineage) -> str:
    """Return `lin` as CSV for spreadsheets: one row per family, the families in `lin`'s order.

    A row reads across like the lineage page's table: the family (its earliest form,
    `us-28#6`), its depth, topics, fate, the version that introduced it and those that changed,
    moved or dropped it; then, for each version in lineage order, four columns: the family's clause
    ids there (", " between several), its state there (`modified`, `unknown`, `absent`, ...),
    the changes of substance that version made (`type: old -> new`, "; " between them) and the
    clauses' texts as written (a blank line between several). Last, `perhaps`: the hints of
    every step, in lineage order, "; " between them (`step_hints`' words without "perhaps",
    each after its version: `e3-28: us-28#3 is now e3-28#5? likelihood 0.7`); a column
    added after the first release, so it comes after every version's, where no reader counting
    columns meets it. Cells are made safe as in `planlens.compare.formats.csv_text`.
    """
    header = [*LINEAGE_CSV_COLUMNS]
    for version in lin.versions:
        header += [f"{version.id} {column}" for column in LINEAGE_CSV_VERSION_COLUMNS]
    header += LINEAGE_CSV_LAST_COLUMNS
    indexes = {version.id: version.plan.clause_index() for version in lin.versions}
    rows = []
    for family in lin.families:
        row = [
            family.id,
            str(family.depth),
            ", ".join(family.topics),
            family.fate,
            family.introduced,
            ", ".join(step.version for step in family.changed),
            ", ".join(family.moved),
            ", ".join(family.dropped),
        ]
        for step in family.steps:
            index = indexes[step.version]
            texts = (index[cid].text for cid in step.clauses if cid in index)
            row += [
                ", ".join(step.clauses),
                step.state,
                "; ".join(
                    f"{f.type}: {f.old or '(none)'} -> {f.new or '(none)'}" for f in step.flags
                ),
                "\n\n".join(text for text in texts if text),
            ]
        hints = (
            f"{step.version}: {hint.removeprefix('perhaps ')}"
            for step in family.steps
            for hint in step_hints(step)
        )
        row.append("; ".join(hints))
        rows.append(row)
    return csv_text(header, rows)
