"""Echoes output: the `planlens.echoes/1` JSON data, and the text and Markdown reports."""

from __future__ import annotations

import re
from typing import Any

from planlens.lineage.echoes import Echo, Echoes
from planlens.plan.model import Plan

#: The JSON contract's name and major version; bump it on any incompatible change.
ECHOES_SCHEMA = "planlens.echoes/1"


def echoes_to_data(result: Echoes) -> dict[str, Any]:
    """Return `result` as plain data in the `planlens.echoes/1` shape documented in the README."""
    plan = result.plan
    return {
        "schema": ECHOES_SCHEMA,
        "plan": {
            "id": plan.id,
            "title": plan.title,
            "date": plan.date,
            "status": plan.status,
            "completeness": plan.completeness,
            "follows": list(plan.follows),
        },
        "lineage": list(result.lineage),
        "searched": [p.id for p in result.searched],
        "settings": {"per_plan": result.per_plan, "min_score": result.min_score},
        "summary": {
            "clauses": len(result.clauses),
            "echoing": sum(1 for item in result.clauses if item.echoes),
            "echoes": result.count,
        },
        "clauses": [
            {
                "id": item.clause,
                "echoes": [
                    {"plan": e.plan, "clause": e.clause, "score": e.score, "words": list(e.words)}
                    for e in item.echoes
                ],
            }
            for item in result.clauses
        ],
    }


def _texts(result: Echoes) -> dict[tuple[str, str], str | None]:
    plans: list[Plan] = [result.plan, *result.searched]
    return {(p.id, c.id): c.text for p in plans for c in p.walk()}


def excerpt(text: str | None, width: int = 80) -> str:
    """Return the start of `text` on one line, cut at a word.

    >>> excerpt("All remaining   prisoners will be exchanged.", 24)
    'All remaining prisoners…'
    """
    flat = " ".join((text or "").split())
    if len(flat) <= width:
        return flat
    return flat[:width].rsplit(" ", 1)[0] + "…"


def _heading(result: Echoes) -> list[str]:
    plan = result.plan
    searched = ", ".join(p.id for p in result.searched) or "none"
    lines = [f"echoes of {plan.id} ({plan.date}) in the plans outside its lineage: {searched}"]
    if result.lineage:
        lines.append(f"its lineage, not searched: {', '.join(result.lineage)}")
    lines.append(_summary(result))
    return lines


def _summary(result: Echoes) -> str:
    echoing = sum(1 for item in result.clauses if item.echoes)
    return (
        f"{echoing} of {len(result.clauses)} clauses have echoes, {result.count} in all "
        f"(score at least {result.min_score:g}, at most {result.per_plan} per plan)"
    )


def echoes_text(result: Echoes) -> str:
    """Return `result` for a terminal: each clause that has echoes, then its echoes, best first."""
    texts = _texts(result)
    lines = _heading(result)
    for item in result.clauses:
        if not item.echoes:
            continue
        lines += ["", f"{item.clause}  {excerpt(texts[result.plan.id, item.clause])}"]
        width = max(len(str(e.ref)) for e in item.echoes)
        for e in item.echoes:
            lines.append(f"  {e.score:.2f}  {e.ref!s:<{width}}  {excerpt(texts[e.plan, e.clause])}")
            if e.words:
                lines.append(f"        {'':<{width}}  shared: {', '.join(e.words)}")
    return "\n".join(lines) + "\n"


#: Characters that would start Markdown syntax inside a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def echoes_markdown(result: Echoes) -> str:
    """Return `result` as Markdown: a section per clause that has echoes, with a table of them."""
    plan = result.plan
    texts = _texts(result)
    lines = [f"# Echoes of {_md(plan.id)}", "", f"{_md(plan.title)} ({plan.date}).", ""]
    searched = ", ".join(_md(p.id) for p in result.searched) or "none"
    lines.append(f"Searched: {searched}.")
    if result.lineage:
        lines[-1] += f" Its lineage is not: {', '.join(_md(pid) for pid in result.lineage)}."
    lines += ["", _summary(result) + "."]
    for item in result.clauses:
        if not item.echoes:
            continue
        lines += ["", f"## {_md(item.clause)}", ""]
        lines += [f"> {_md(excerpt(texts[plan.id, item.clause], 200))}", ""]
        lines += ["| score | clause | text | shared words |", "| ---: | --- | --- | --- |"]
        lines += [_md_row(e, texts[e.plan, e.clause]) for e in item.echoes]
    return "\n".join(lines) + "\n"


def _md_row(echo: Echo, text: str | None) -> str:
    return (
        f"| {echo.score:.2f} | {_md(str(echo.ref))} | {_md(excerpt(text, 120))} "
        f"| {_md(', '.join(echo.words))} |"
    )
