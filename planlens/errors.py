"""The exceptions planlens raises for problems a user can fix, and where in a file they are.

This module is the foundation of every package: it imports nothing from planlens.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was read: a file path and a 1-based line and column."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class PlanlensError(Exception):
    """A problem the user can fix; the CLI prints its message and exits with status 1."""


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One problem found in a file, with its location (compiler style when printed)."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class PlanFileError(PlanlensError):
    """One or more problems in plan files; `problems` are sorted by file, line and column."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(set(problems), key=_problem_order))
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def __reduce__(self) -> tuple[type[PlanFileError], tuple[tuple[Problem, ...]]]:
        # Pickled (from a build's worker process) with its problems, not its message.
        return (type(self), (self.problems,))


def _problem_order(problem: Problem) -> tuple[str, int, int, str]:
    loc = problem.location
    return (loc.path, loc.line, loc.column, problem.message)


class OutputExistsError(PlanlensError):
    """An output file exists and the user did not ask to overwrite it."""
