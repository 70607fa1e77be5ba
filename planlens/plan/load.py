"""Read plan files: YAML node tree -> validated `Plan`, with file:line:col on every problem.

The public entry points live here: finding plan files, reading and decoding them (with the size
limit), and parsing one plan or loading a set of them checked against each other
(`validate_plans` also returns the warnings: things worth fixing, such as an undated source, that
do not make a plan invalid). The work is
done by `yaml_nodes` (the YAML node tree), `check_plan` (one file's tree -> `Plan`, with
`check_structure`, `check_values` and `check_references`) and `check_references` (across files).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from planlens.errors import Location, PlanFileError, PlanlensError, Problem
from planlens.perf import collector_paused
from planlens.plan.across import Parsed, check_references, unconnected_plans
from planlens.plan.across import did_you_mean as did_you_mean  # re-exported from here
from planlens.plan.digest import file_sha256 as file_sha256  # re-exported from here
from planlens.plan.model import Plan
from planlens.plan.schema import MAX_PLAN_BYTES

if TYPE_CHECKING:
    from yaml.nodes import Node

# The YAML loader and the checks (`yaml_nodes`, `check_plan`) are imported when a file is
# parsed: plans that all come from a cache of parsed plans are loaded without them.


class ParsedCache(Protocol):
    """What the loaders ask of a cache of parsed plan files (`planlens.cache.PlanCache`)."""

    def key(self, data: bytes) -> bytes:
        """Return the key of a file of `data`."""

    def get(self, key: bytes, path: str) -> Parsed | None:
        """Return the entry of `key` as parsing a file at `path` gives it, or None."""

    def put(self, key: bytes, parsed: Parsed, path: str) -> None:
        """Keep `parsed` (of a file at `path`) as the entry of `key`, if it has no problem."""


PLAN_SUFFIXES = (".yaml", ".yml")


def _check_size(size: int, path: str) -> None:
    """Raise `PlanFileError` if a file of `size` bytes is over the plan size limit."""
    if size > MAX_PLAN_BYTES:
        message = (
            f"the file is {size:,} bytes; plan files are limited to "
            f"{MAX_PLAN_BYTES // (1024 * 1024)} MiB"
        )
        raise PlanFileError([Problem(Location(path, 1, 1), message)])


def decode_plan_bytes(data: bytes, path: str) -> str:
    """Return `data` decoded as UTF-8, or raise `PlanFileError` naming where it is not UTF-8.

    >>> decode_plan_bytes(b"id: x\\n", "p.yaml")
    'id: x\\n'
    >>> decode_plan_bytes(b"id: x\\ntitle: \\xff", "p.yaml")
    Traceback (most recent call last):
    ...
    planlens.errors.PlanFileError: p.yaml:2:8: the file is not valid UTF-8 (byte 0xff)
    """
    _check_size(len(data), path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        message = f"the file is not valid UTF-8 (byte 0x{data[err.start]:02x})"
        raise PlanFileError([Problem(Location(path, line, column), message)]) from None
    return text.removeprefix("\ufeff")


def parse_plan(text: str, path: str) -> Plan:
    """Return the plan in `text`, read from `path` (used in messages), or raise `PlanFileError`.

    >>> plan = parse_plan('''
    ... id: demo
    ... title: Demo
    ... date: 2025-11-20
    ... status: draft
    ... completeness: full
    ... sources: [{url: "https://example.org"}]
    ... clauses:
    ...   - {id: "1", text: The parties agree.}
    ... ''', "demo.yaml")
    >>> plan.clauses[0].text
    'The parties agree.'
    """
    parsed = _parse(text, path)
    if parsed.problems or parsed.plan is None:
        raise PlanFileError(parsed.problems)
    return parsed.plan


def load_plan(path: str | Path, *, cache: ParsedCache | None = None) -> Plan:
    """Read and return the plan file at `path`; its references are not checked here.

    With a `cache` (`planlens.cache`), a file parsed before comes from it, and one parsed
    now without a problem is kept in it.
    """
    parsed = _read(Path(path), cache)
    if parsed.problems or parsed.plan is None:
        raise PlanFileError(parsed.problems)
    return parsed.plan


def find_plan_files(paths: Sequence[str | Path]) -> list[Path]:
    """Return the plan files named by `paths`: files as given, folders as their sorted *.yaml."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in PLAN_SUFFIXES))
        elif path.exists():
            found.append(path)
        else:
            raise PlanlensError(f"{given}: no such file or folder")
    return found


@dataclass(frozen=True, slots=True)
class Validated:
    """Plans that loaded without problems, and the warnings about them (sorted, file order)."""

    plans: tuple[Plan, ...]
    warnings: tuple[Problem, ...]


def load_plans(
    paths: Sequence[str | Path], *, closed: bool = False, cache: ParsedCache | None = None
) -> tuple[Plan, ...]:
    """Read every plan file in `paths` (files or folders) and check them against each other.

    All problems in all files are collected and raised together as one `PlanFileError`. A
    reference to a clause of a loaded plan must resolve. With `closed`, the files are a whole
    collection (a plans folder), so a reference to a plan that is not among them is a problem too.
    Warnings are dropped here; `validate_plans` returns them. With a `cache`, as `load_plan`.
    """
    return validate_plans(paths, closed=closed, cache=cache).plans


def validate_plans(
    paths: Sequence[str | Path], *, closed: bool = False, cache: ParsedCache | None = None
) -> Validated:
    """Like `load_plans`, and also return the warnings, in file, line and column order.

    A warning (an undated source, a placeholder source, and, with `closed`, a plan that `follows`
    joins to none of the others) does not make a plan invalid: warnings are returned only when
    there is no problem, and any problem still raises `PlanFileError`. With a `cache`, as
    `load_plan` (the warnings of a file are cached with its plan; the references between files
    are checked on every call).
    """
    problems: list[Problem] = []
    parsed: list[Parsed] = []
    for path in find_plan_files(paths):
        try:
            parsed.append(_read(path, cache))
        except PlanFileError as err:
            problems.extend(err.problems)
    for one in parsed:
        problems.extend(one.problems)
    problems.extend(check_references(parsed, closed=closed))
    if problems:
        raise PlanFileError(problems)
    plans = tuple(one.plan for one in parsed if one.plan is not None)
    found = {w for one in parsed for w in one.warnings}
    if closed:
        found.update(unconnected_plans(plans))
    return Validated(plans, tuple(sorted(found, key=_problem_key)))


def _problem_key(problem: Problem) -> tuple[str, int, int, str]:
    loc = problem.location
    return (loc.path, loc.line, loc.column, problem.message)


def read_plan_text(path: Path) -> str:
    """Return the text of the file at `path`, refusing files too large or not UTF-8."""
    return decode_plan_bytes(_read_bytes(path), str(path))


def _read_bytes(path: Path) -> bytes:
    """Return the bytes of the file at `path`, refusing a file too large."""
    try:
        _check_size(path.stat().st_size, str(path))  # before reading a huge file into memory
        return path.read_bytes()
    except IsADirectoryError:
        raise PlanlensError(f"{path}: is a folder, not a plan file") from None
    except OSError as err:
        raise PlanlensError(f"{path}: cannot read: {err.strerror}") from None


def _read(path: Path, cache: ParsedCache | None) -> Parsed:
    """Parse the file at `path`, or take it from `cache`, keeping it there if it has no problem.

    A file too large, unreadable or not UTF-8 raises as without a cache, and none is cached.
    """
    data = _read_bytes(path)
    name = str(path)
    if cache is None:
        return _parse(decode_plan_bytes(data, name), name)
    key = cache.key(data)
    with collector_paused():  # a large plan: some ten thousand objects, no cycles
        parsed = cache.get(key, name)
    if parsed is None:
        parsed = _parse(decode_plan_bytes(data, name), name)
        cache.put(key, parsed, name)
    return parsed


@collector_paused()  # a large file: some hundred thousand nodes, no cycles (planlens.perf)
def _parse(text: str, path: str) -> Parsed:
    """Check the plan in `text`; invalid YAML and an empty file are problems, not exceptions.

    libyaml composes the tree when it can (many times faster); a file it cannot answer for, or
    one with any problem, is composed and checked again by the pure-Python composer, whose
    messages and places are the ones users see.
    """
    from planlens.plan.yaml_nodes import Unsure, compose_nodes, compose_with_libyaml

    try:
        root = compose_with_libyaml(text)
    except Unsure:
        pass
    else:
        if root is not None:
            parsed = _check(root, text, path)
            if not parsed.problems:
                return parsed
    try:
        root = compose_nodes(text, path)
    except PlanFileError as err:
        return Parsed(None, list(err.problems))
    if root is None:
        message = "the file is empty; a plan is a mapping with id, title, date and clauses"
        return Parsed(None, [Problem(Location(path, 1, 1), message)])
    return _check(root, text, path)


def _check(root: Node, text: str, path: str) -> Parsed:
    """Check and build the plan of one file's node tree."""
    from planlens.plan.check_plan import PlanChecker
    from planlens.plan.check_text import hidden_character_problems

    checker = PlanChecker(path)
    checker.problems.extend(hidden_character_problems(root, text, path))
    plan = checker.plan(root)
    return Parsed(plan, checker.problems, checker.references, checker.warnings)
