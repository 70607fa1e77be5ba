"""Blame: which version of a lineage wrote each run of words of a clause form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planlens.compare.textdiff import diff_words
from planlens.lineage.model import Edge, Lineage
from planlens.plan.model import ClauseRef


@dataclass(frozen=True, slots=True)
class BlameRun:
    """A run of a clause's words that first appeared in one version, as form `clause` there.

    `uncertain` means the words may be older: a version before it says nothing about the
    clause, or its text there was never published.
    """

    text: str
    version: str
    clause: str
    uncertain: bool = False


@dataclass(frozen=True, slots=True)
class _Origin:
    version: str
    clause: str
    uncertain: bool


def blame(lin: Lineage, ref: ClauseRef) -> tuple[BlameRun, ...]:
    """Return which version introduced each run of words of the clause form `ref`.

    Walks back through the family's forms: each form is compared word by word (`diff_words`)
    with the form(s) it came from; kept words inherit their origin and inserted words belong to
    the form's own version. Forms without text are passed through, and words found after one
    are marked `uncertain`. The runs join to the clause's text; a clause without text has none.
    Raises `KeyError` for a clause that is not in the lineage.
    """
    return _Blamer(lin).runs(ref)


def blame_all(lin: Lineage) -> dict[ClauseRef, tuple[BlameRun, ...]]:
    """Return the blame of every clause form with text, sharing the work between forms."""
    blamer = _Blamer(lin)
    return {ref: blamer.runs(ref) for ref, text in blamer.texts.items() if text is not None}


class _Blamer:
    """Blame for the forms of one lineage, each form's origins computed once."""

    def __init__(self, lin: Lineage) -> None:
        self.texts = {ClauseRef(v.id, c.id): c.text for v in lin.versions for c in v.plan.walk()}
        index = {v.id: v.index for v in lin.versions}
        self.into: dict[ClauseRef, Edge] = {}
        # The nearest earlier form wins when a clause has edges from several versions.
        for edge in sorted(lin.edges, key=lambda e: -index[e.old_version]):
            for new in edge.new_refs:
                self.into.setdefault(new, edge)
        self.appeared = {
            ClauseRef(s.version, cid)
            for f in lin.families
            for s in f.steps
            if s.state == "appeared"
            for cid in s.clauses
        }
        self.memo: dict[ClauseRef, list[_Origin]] = {}

    def runs(self, ref: ClauseRef) -> tuple[BlameRun, ...]:
        text = self.texts[ref]
        return () if text is None else _runs(text, self.origins(ref))

    def sources(self, refs: Sequence[ClauseRef]) -> tuple[list[ClauseRef], bool]:
        """Return the nearest forms with text for `refs`, and whether a textless one was passed."""
        found: list[ClauseRef] = []
        crossed = False
        for r in refs:
            if self.texts[r] is not None:
                found.append(r)
                continue
            crossed = True
            if r in self.into:
                found.extend(self.sources(self.into[r].old_refs)[0])
        return list(dict.fromkeys(found)), crossed

    def origins(self, ref: ClauseRef) -> list[_Origin]:
        """Return the origin of each character of `ref`'s text."""
        if ref in self.memo:
            return self.memo[ref]
        text = self.texts[ref] or ""
        edge = self.into.get(ref)
        olds, crossed = self.sources(edge.old_refs) if edge else ([], False)
        uncertain = crossed or ref in self.appeared or (edge is not None and edge.kind == "skip")
        own = _Origin(ref.plan, ref.clause, uncertain)
        out: list[_Origin] = []
        if not olds:
            out = [own] * len(text)
        else:
            # The old side as the comparison sees it: several forms joined as paragraphs.
            old_text = "\n\n".join(self.texts[o] or "" for o in olds)
            old_origins: list[_Origin] = []
            for k, o in enumerate(olds):
                old_origins.extend(([own, own] if k else []) + self.origins(o))
            i = 0
            for segment in diff_words(old_text, text):
                n = len(segment.text)
                if segment.op == "equal":
                    out.extend(old_origins[i : i + n])
                    i += n
                elif segment.op == "delete":
                    i += n
                else:
                    out.extend([own] * n)
        self.memo[ref] = out
        return out


def _runs(text: str, origins: list[_Origin]) -> tuple[BlameRun, ...]:
    """Group characters into runs by origin; white space goes with the word before it."""
    fixed = list(origins)
    last: _Origin | None = None
    for k, char in enumerate(text):
        if char.isspace():
            if last is not None:
                fixed[k] = last
        else:
            last = fixed[k]
    first_word = next((k for k, char in enumerate(text) if not char.isspace()), None)
    if first_word is not None:
        for k in range(first_word):
            fixed[k] = fixed[first_word]
    runs: list[BlameRun] = []
    start = 0
    for k in range(1, len(text) + 1):
        if k == len(text) or fixed[k] != fixed[start]:
            o = fixed[start]
            runs.append(BlameRun(text[start:k], o.version, o.clause, o.uncertain))
            start = k
    return tuple(runs)
