"""The result of comparing two plans: changes between clauses, as plain frozen data."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from planlens.plan.model import Plan

Relation = Literal[
    "unchanged", "reworded", "modified", "split", "merged", "added", "removed", "unknown"
]
RELATIONS: tuple[Relation, ...] = (
    "unchanged",
    "reworded",
    "modified",
    "split",
    "merged",
    "added",
    "removed",
    "unknown",
)

#: How a pairing was made, strongest evidence first: an analyst's pin; identical text; similar
#: text in the same place between two surer pairs ("order"); similar text anywhere ("similar",
#: which finds moved-and-edited clauses); one clause's words found in several ("split", "merge").
MatchedBy = Literal["pin", "exact", "order", "similar", "split", "merge"]

SegmentOp = Literal["equal", "delete", "insert"]

FlagType = Literal[
    "number", "date", "negation", "modality", "party", "condition", "scope", "provision"
]
FLAG_TYPES: tuple[FlagType, ...] = (
    "number",
    "date",
    "negation",
    "modality",
    "party",
    "condition",
    "scope",
    "provision",
)


#: A link whose confidence is below this is marked "check this" in every output.
CHECK_BELOW = 0.7


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text: kept (`equal`), only in the old text (`delete`) or only in the new."""

    op: SegmentOp
    text: str


@dataclass(frozen=True, slots=True)
class Flag:
    """A change of substance: what of one kind (`type`) the old text had and the new has."""

    type: FlagType
    old: str
    new: str


def listed(values: Iterable[str]) -> str:
    """Return `values` as one list, each once, in order: what a `Flag` shows of one side.

    A value that ends on its own comma or semicolon (a phrase cut from its sentence) is not
    given a second one:

    >>> listed(["Donetsk", "Luhansk", "Donetsk"])
    'Donetsk, Luhansk'
    >>> listed(["arrangements will be agreed,", "and the Spit will be demilitarised."])
    'arrangements will be agreed, and the Spit will be demilitarised.'
    """
    text = ""
    for value in dict.fromkeys(values):
        if text:
            text += " " if text[-1] in ",;" else ", "
        text += value
    return text


@dataclass(frozen=True, slots=True)
class Perhaps:
    """Where a removed (or added) clause may have gone (or come from): the clause of the other
    plan the aligner found likeliest, and how likely (in [0, 1]), without linking them. A hint
    for a reader to check, not a link."""

    id: str
    likelihood: float


@dataclass(frozen=True, slots=True)
class Change:
    """How some clauses of the old plan relate to some clauses of the new one.

    `old` and `new` are clause ids exactly as in the plan files. A split has one old id and
    several new ones; a merge the reverse; an added clause has no old id, a removed one no new id.
    `score` is the similarity that made the pairing and `runner_up` the best rejected
    alternative's, so a reader can judge how sure the pairing was; `confidence` sums up the
    evidence in [0, 1] (below `CHECK_BELOW`, a reader should check the pairing). `pinned_via`
    names the versions a composed analyst pin went through. A removed or added clause may
    carry `perhaps`: the clause of the other plan it likeliest became (or came from), which
    the aligner was not sure enough of to link.
    """

    relation: Relation
    old: tuple[str, ...]
    new: tuple[str, ...]
    moved: bool = False
    renumbered: bool = False
    score: float | None = None
    runner_up: float | None = None
    matched_by: MatchedBy | None = None
    confidence: float | None = None
    pinned_via: tuple[str, ...] = ()
    perhaps: tuple[Perhaps, ...] = ()
    flags: tuple[Flag, ...] = ()
    segments: tuple[Segment, ...] = ()
    children: tuple[Change, ...] = ()

    def walk(self) -> Iterator[Change]:
        """Yield this change and then its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def check(self) -> bool:
        """Tell whether the pairing is weak enough that a reader should check it."""
        return self.confidence is not None and self.confidence < CHECK_BELOW

    @property
    def substantive(self) -> bool:
        """Tell whether this change alters substance: flagged, added, removed, split or merged."""
        return bool(self.flags) or self.relation in ("modified", "added", "removed")


@dataclass(frozen=True, slots=True)
class PlanDiff:
    """Every clause of `old` and of `new`, each in exactly one change of the tree `changes`."""

    old: Plan
    new: Plan
    changes: tuple[Change, ...]

    def walk(self) -> Iterator[Change]:
        """Yield every change at every level, depth first, in the new plan's order."""
        for change in self.changes:
            yield from change.walk()

    @property
    def differs(self) -> bool:
        """Tell whether the versions differ: some clause is not unchanged, or moved, or was
        renumbered (what `planlens diff --exit-code` answers). An `unknown` clause counts as a
        difference: nothing shows that the two versions agree on it.
        """
        return any(
            change.relation != "unchanged" or change.moved or change.renumbered
            for change in self.walk()
        )

    def summary(self) -> dict[str, int]:
        """Count the changes per relation, every relation present (zero if none)."""
        counts = Counter(change.relation for change in self.walk())
        return {relation: counts.get(relation, 0) for relation in RELATIONS}

    def to_check(self) -> dict[str, int]:
        """Count what a reader should check by eye: the links marked "check this" (their
        confidence is below `CHECK_BELOW`) and the removed or added clauses with a hint of where
        they went or came from ("perhaps")."""
        changes = list(self.walk())
        return {
            "check this": sum(change.check for change in changes),
            "perhaps": sum(bool(change.perhaps) for change in changes),
        }
