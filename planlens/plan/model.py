"""The plan data model: frozen dataclasses, no I/O."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from planlens.errors import Location

PlanStatus = Literal[
    "official-text",
    "signed",
    "enacted",
    "draft",
    "leaked-draft",
    "proposal",
    "reported-summary",
    "reconstructed",
]
PLAN_STATUSES: tuple[PlanStatus, ...] = (
    "official-text",
    "signed",
    "enacted",
    "draft",
    "leaked-draft",
    "proposal",
    "reported-summary",
    "reconstructed",
)

ClauseStatus = Literal["reported", "uncertain", "unknown"]
CLAUSE_STATUSES: tuple[ClauseStatus, ...] = ("reported", "uncertain", "unknown")

Completeness = Literal["full", "partial"]
COMPLETENESS: tuple[Completeness, ...] = ("full", "partial")

#: The topic vocabulary, modelled on the PA-X peace-agreement categories. `environment` and
#: `peace-process` are our additions (see the README); extend with care, since reports group by it.
TOPICS: tuple[str, ...] = (
    "sovereignty",
    "territory",
    "security-guarantees",
    "armed-forces",
    "alliances",
    "nuclear",
    "sanctions",
    "economy-reconstruction",
    "frozen-assets",
    "humanitarian",
    "elections-governance",
    "justice-amnesty",
    "culture-language-religion",
    "ceasefire",
    "implementation-monitoring",
    "energy-infrastructure",
    "environment",
    "peace-process",
)


@dataclass(frozen=True, slots=True)
class Source:
    """A cited source: `url` is always http(s); dates are ISO strings."""

    url: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    accessed: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True, order=True)
class ClauseRef:
    """A reference to a clause of some plan, written `plan-id#clause-id`."""

    plan: str
    clause: str

    def __str__(self) -> str:
        return f"{self.plan}#{self.clause}"


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause (point, section, article) of a plan, with its sub-clauses."""

    id: str
    text: str | None
    number: str | None = None
    title: str | None = None
    topics: tuple[str, ...] = ()
    status: ClauseStatus = "reported"
    sources: tuple[Source, ...] = ()
    notes: str | None = None
    same_as: ClauseRef | None = None
    derived_from: tuple[ClauseRef, ...] = ()
    clauses: tuple[Clause, ...] = ()
    location: Location | None = field(default=None, compare=False)

    def walk(self) -> Iterator[Clause]:
        """Yield this clause and then its descendants, depth first, in document order."""
        yield self
        for child in self.clauses:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Dropped:
    """A clause of an earlier version that reports say this version removed."""

    clause: ClauseRef
    source: Source | None = None
    note: str | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Plan:
    """One version of a document: metadata, provenance and its ordered clauses."""

    id: str
    title: str
    date: str
    status: PlanStatus
    completeness: Completeness
    sources: tuple[Source, ...]
    clauses: tuple[Clause, ...]
    version: str | None = None
    parties: tuple[str, ...] = ()
    language: str | None = None
    follows: tuple[str, ...] = ()
    #: A document of its own, in no lineage on purpose: `validate` does not warn about it.
    standalone: bool = False
    expected_clauses: int | None = None
    notes: str | None = None
    dropped: tuple[Dropped, ...] = ()
    path: str | None = field(default=None, compare=False)
    location: Location | None = field(default=None, compare=False)

    def walk(self) -> Iterator[Clause]:
        """Yield every clause at every level, depth first, in document order."""
        for clause in self.clauses:
            yield from clause.walk()

    def clause_index(self) -> dict[str, Clause]:
        """Map every clause id, at any depth, to its clause."""
        return {clause.id: clause for clause in self.walk()}
