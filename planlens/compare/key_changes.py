"""Key changes in plain words: what a reader asks first about two versions, from the diff.

Short sentences made by rules over the changes and their substance flags, no language model:
figures that changed ("Point 6 → 4 (armed forces): 600,000 rises to 800,000."), deadlines and
conditions added or removed, obligations whose modality changed (shall → may), points dropped
(with the report that says so, where a version says it removed them) and points added. Each
names the clauses it is about, so that a page can link it to their row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from planlens.compare.model import Change, Flag, PlanDiff
from planlens.compare.pins import between
from planlens.plan.model import Clause, Dropped, Plan

KeyKind = Literal["figure", "deadline", "condition", "modality", "dropped", "added"]
#: The order in which kinds are told: figures first, as a reader asks.
KEY_KINDS: tuple[KeyKind, ...] = ("figure", "deadline", "condition", "modality", "dropped", "added")
#: Words of a clause's text quoted to say which point was dropped or added.
QUOTE_WORDS = 12

_MARKUP = re.compile(r"`|\*{1,2}(?=\S)|(?<=\S)\*{1,2}")
_VALUE = re.compile(r"^(?:US\$|\$|€|£)?(\d[\d,]*(?:\.\d+)?)\s*(\D*)$")


@dataclass(frozen=True, slots=True)
class KeyChange:
    """One sentence for readers, about the clauses `old_ids` (old plan) and `new_ids` (new).

    `source` is the report behind a reported removal, and `version` the plan that reports it.
    """

    kind: KeyKind
    text: str
    old_ids: tuple[str, ...]
    new_ids: tuple[str, ...]
    version: str | None = None
    source_url: str | None = None
    source_title: str | None = None


def key_changes(diff: PlanDiff, corpus: Iterable[Plan] = ()) -> tuple[KeyChange, ...]:
    """Return the key changes of `diff`, kind by kind in `KEY_KINDS` order, then document order.

    `corpus` gives the versions between the two (by `follows`), whose reported removals count
    as well as the new version's own.
    """
    old_clauses = diff.old.clause_index()
    new_clauses = diff.new.clause_index()
    middle = sorted(between(diff.old, diff.new, corpus), key=lambda p: (p.date, p.id))
    reported: dict[str, tuple[str, Dropped]] = {}
    for plan in (*middle, diff.new):
        for entry in plan.dropped:
            if entry.clause.plan == diff.old.id:
                reported.setdefault(entry.clause.clause, (plan.id, entry))
    found: list[KeyChange] = []
    for change, parent in _walk(diff.changes, None):
        found.extend(_about(change, parent, old_clauses, new_clauses, reported))
    order = {kind: k for k, kind in enumerate(KEY_KINDS)}
    return tuple(sorted(found, key=lambda k: order[k.kind]))  # stable: document order kept


def _walk(
    changes: Iterable[Change], parent: Change | None
) -> Iterator[tuple[Change, Change | None]]:
    for change in changes:
        yield change, parent
        yield from _walk(change.children, change)


def _perhaps(change: Change) -> str:
    """Return a sentence for a dropped or new point's hint (`Change.perhaps`), or ""."""
    if not change.perhaps:
        return ""
    hint = change.perhaps[0]
    verb = "became" if change.relation == "removed" else "came from"
    return f" Perhaps it {verb} {hint.id} in other words (likelihood {hint.likelihood}: check)."


def _about(
    change: Change,
    parent: Change | None,
    old_clauses: dict[str, Clause],
    new_clauses: dict[str, Clause],
    reported: dict[str, tuple[str, Dropped]],
) -> Iterator[KeyChange]:
    olds = [old_clauses[i] for i in change.old if i in old_clauses]
    news = [new_clauses[j] for j in change.new if j in new_clauses]
    where = _where(olds, news)
    if change.relation == "removed":
        # A point whose parent went too is told with its parent.
        if parent is not None and parent.relation == "removed":
            return
        clause = olds[0]
        text = f"{where} is dropped: “{_quote(clause)}”"
        report = reported.get(clause.id)
        if report is None:
            yield KeyChange("dropped", text + "." + _perhaps(change), change.old, ())
            return
        version, entry = report
        source = entry.source
        by = (
            ", ".join(part for part in (source.publisher, source.date) if part)
            if source is not None
            else ""
        )
        text += f" (reported removed in {version}" + (f"; {by}" if by else "") + ")."
        yield KeyChange(
            "dropped",
            text,
            change.old,
            (),
            version=version,
            source_url=source.url if source is not None else None,
            source_title=(source.title or source.url) if source is not None else None,
        )
        return
    if change.relation == "added":
        if parent is not None and parent.relation == "added":
            return
        text = f"{where} is new: “{_quote(news[0])}”."
        yield KeyChange("added", text + _perhaps(change), (), change.new)
        return
    for flag in change.flags:
        sentence = _flag_sentence(flag, where)
        if sentence is not None:
            yield KeyChange(sentence[0], sentence[1], change.old, change.new)


def _flag_sentence(flag: Flag, where: str) -> tuple[KeyKind, str] | None:
    old, new = flag.old.strip(), flag.new.strip()
    if flag.type == "number" and old and new:
        return "figure", f"{where}: {_direction(old, new)} from {old} to {new}."
    if flag.type == "number" and old:
        return "figure", f"{where}: the figure {old} is gone."
    if flag.type == "number" and new:
        return "figure", f"{where}: a new figure, {new}."
    if flag.type == "date":
        if old and new:
            return "deadline", f"{where}: the timing “{old}” becomes “{new}”."
        if new:
            return "deadline", f"{where}: timing added, “{new}”."
        return "deadline", f"{where}: timing removed, “{old}”."
    if flag.type == "condition":
        if old and new:
            return "condition", f"{where}: the condition “{old}” becomes “{new}”."
        if new:
            return "condition", f"{where}: condition added, “{new}”."
        return "condition", f"{where}: condition removed, “{old}”."
    if flag.type == "modality" and old and new:
        return "modality", f"{where}: “{old}” becomes “{new}”."
    return None


def _direction(old: str, new: str) -> str:
    """Return "rises" or "falls" for two single figures of the same unit, else "changes"."""
    a, b = _VALUE.match(old), _VALUE.match(new)
    if a is None or b is None or a.group(2).strip() != b.group(2).strip():
        return "changes"
    x, y = float(a.group(1).replace(",", "")), float(b.group(1).replace(",", ""))
    return "rises" if y > x else "falls" if y < x else "changes"


def _where(olds: list[Clause], news: list[Clause]) -> str:
    """Return "Point 6 → 4 (armed forces)": the clauses' numbers, and their topics."""

    def numbers(clauses: list[Clause]) -> str:
        return ", ".join(c.id for c in clauses)

    if olds and news:
        a, b = numbers(olds), numbers(news)
        label = a if a == b else f"{a} → {b}"
    else:
        label = numbers(olds or news)
    if label[:1].isalnum():  # "7", "10.a"; a law's "§ 22" or "Art. 5" says what it is
        label = ("Points " if len(olds) > 1 or len(news) > 1 else "Point ") + label
    topics = sorted({t for c in (*olds, *news) for t in c.topics})
    return label + (f" ({', '.join(t.replace('-', ' ') for t in topics)})" if topics else "")


def _quote(clause: Clause) -> str:
    # Plain words: Markdown's code and emphasis marks are not part of what the clause says.
    words = _MARKUP.sub("", clause.title or clause.text or "").split()
    if not words:
        return "(text not published)"
    if len(words) > QUOTE_WORDS:
        return " ".join(words[:QUOTE_WORDS]).rstrip(",;:") + "…"
    return " ".join(words).rstrip(".")
