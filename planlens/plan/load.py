"""Read plan files: YAML node tree -> validated `Plan`, with file:line:col on every problem.

We validate `yaml.compose()`'s node tree rather than `yaml.safe_load()`'s values because the node
tree keeps what the loaded values lose: where each value stands, the raw spelling of scalars
(`1.10`, not 1.1; `no`, not False), and duplicate keys, which `safe_load` silently drops.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from planlens.errors import Location, PlanFileError, PlanlensError, Problem
from planlens.plan.model import (
    CLAUSE_STATUSES,
    COMPLETENESS,
    PLAN_STATUSES,
    TOPICS,
    Clause,
    ClauseRef,
    Dropped,
    Plan,
    Source,
)
from planlens.plan.schema import (
    CLAUSE_KEYS,
    DATE_RE,
    DROPPED_KEYS,
    LANGUAGE_RE,
    MAX_PLAN_BYTES,
    PLAN_KEYS,
    REF_RE,
    SLUG_RE,
    SOURCE_KEYS,
    Key,
)

PLAN_SUFFIXES = (".yaml", ".yml")

_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_INT_TAG = "tag:yaml.org,2002:int"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
#: How YAML would read a plain scalar, in words, for messages about coerced values.
_TAG_NAMES = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    _NULL_TAG: "null",
    _TIMESTAMP_TAG: "a date",
}


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader whose composer refuses aliases.

    Aliases let a tiny file expand into billions of nodes ("billion laughs"); plan files have no
    need for them, so we refuse them where they stand instead of bounding the expansion.
    """

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _AliasFound(event.start_mark)
        return super().compose_node(parent, index)


class _AliasFound(Exception):
    def __init__(self, mark: Any) -> None:
        self.mark = mark


@dataclass
class _Reference:
    """A reference to another plan or clause, kept with its place for the cross-plan checks."""

    key: str
    target: ClauseRef | str
    location: Location


@dataclass
class _Parsed:
    """What reading one file gave: the plan (if it could be built) and what it refers to."""

    plan: Plan | None
    problems: list[Problem]
    references: list[_Reference] = field(default_factory=list)


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


def load_plan(path: str | Path) -> Plan:
    """Read and return the plan file at `path`; its references are not checked here."""
    return parse_plan(read_plan_text(Path(path)), str(path))


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


def load_plans(paths: Sequence[str | Path], *, closed: bool = False) -> tuple[Plan, ...]:
    """Read every plan file in `paths` (files or folders) and check them against each other.

    All problems in all files are collected and raised together as one `PlanFileError`. A
    reference to a clause of a loaded plan must resolve. With `closed`, the files are a whole
    collection (a plans folder), so a reference to a plan that is not among them is a problem too.
    """
    problems: list[Problem] = []
    parsed: list[_Parsed] = []
    for path in find_plan_files(paths):
        try:
            parsed.append(_parse(read_plan_text(path), str(path)))
        except PlanFileError as err:
            problems.extend(err.problems)
    for one in parsed:
        problems.extend(one.problems)
    problems.extend(_check_references(parsed, closed=closed))
    if problems:
        raise PlanFileError(problems)
    return tuple(one.plan for one in parsed if one.plan is not None)


def read_plan_text(path: Path) -> str:
    """Return the text of the file at `path`, refusing files too large or not UTF-8."""
    try:
        _check_size(path.stat().st_size, str(path))  # before reading a huge file into memory
        data = path.read_bytes()
    except IsADirectoryError:
        raise PlanlensError(f"{path}: is a folder, not a plan file") from None
    except OSError as err:
        raise PlanlensError(f"{path}: cannot read: {err.strerror}") from None
    return decode_plan_bytes(data, str(path))


def _parse(text: str, path: str) -> _Parsed:
    try:
        loader = _NoAliasLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except _AliasFound as alias:
        message = "anchors and aliases are not allowed in plan files; write the value out"
        return _Parsed(None, [Problem(_mark_location(path, alias.mark), message)])
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or "invalid YAML"
        if "expected a single document" in (err.context or ""):
            problem = "a plan file holds one YAML document; remove the second one"
        elif err.context and err.context_mark and err.problem_mark:
            # "while scanning a quoted scalar" says where the unclosed thing started.
            start = err.context_mark
            problem = (
                f"{problem} ({err.context} at line {start.line + 1}, column {start.column + 1})"
            )
        location = _mark_location(path, mark) if mark else Location(path, 1, 1)
        return _Parsed(None, [Problem(location, f"invalid YAML: {problem}")])
    except yaml.YAMLError as err:  # reader errors: control characters and the like
        return _Parsed(None, [Problem(Location(path, 1, 1), f"invalid YAML: {err}")])
    checker = _Checker(path)
    if root is None:
        message = "the file is empty; a plan is a mapping with id, title, date and clauses"
        return _Parsed(None, [Problem(Location(path, 1, 1), message)])
    plan = checker.plan(root)
    return _Parsed(plan, checker.problems, checker.references)


def _mark_location(path: str, mark: Any) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return "; did you mean 'x'?" for the closest of `choices`, or "" if none is close.

    >>> did_you_mean("titel", ["title", "text"])
    "; did you mean 'title'?"
    >>> did_you_mean("zzz", ["title"])
    ''
    """
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == _NULL_TAG:
        return "empty"
    return _TAG_NAMES.get(node.tag, "a string")


class _Checker:
    """Walks one file's node tree, building the plan and collecting every problem."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.references: list[_Reference] = []
        self.clause_ids: dict[str, Location] = {}

    # -- helpers ---------------------------------------------------------------------------

    def loc(self, node: Node) -> Location:
        return _mark_location(self.path, node.start_mark)

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.loc(node), message))

    def mapping(self, node: Node, keys: tuple[Key, ...], what: str) -> dict[str, Node] | None:
        """Return the mapping's values by key, reporting duplicates and unknown keys."""
        if not isinstance(node, MappingNode):
            self.problem(node, f"{what} must be a mapping of keys to values, not {_describe(node)}")
            return None
        allowed = {key.name for key in keys}
        values: dict[str, Node] = {}
        seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(
                    key_node, f"keys in {what} must be plain names, not {_describe(key_node)}"
                )
                continue
            name = str(key_node.value)
            if name in seen:
                first = seen[name].start_mark.line + 1
                self.problem(key_node, f"duplicate key '{name}' in {what} (first at line {first})")
                continue
            seen[name] = key_node
            if name not in allowed:
                self.problem(
                    key_node, f"unknown key '{name}' in {what}{did_you_mean(name, allowed)}"
                )
                continue
            values[name] = value_node
        for key in keys:
            if key.required and key.name not in values and key.name not in seen:
                self.problem(node, f"{what} has no '{key.name}'")
        return values

    def scalar(self, node: Node, name: str, what: str) -> str | None:
        """Return a string scalar's raw text, refusing values YAML would read as another type."""
        if not isinstance(node, ScalarNode):
            self.problem(node, f"'{name}' in {what} must be a string, not {_describe(node)}")
            return None
        if node.tag == _NULL_TAG and node.style is None:
            self.problem(node, f"'{name}' in {what} has no value; give one or remove the key")
            return None
        if node.tag != _STR_TAG:
            kind = _TAG_NAMES.get(node.tag, f"type {node.tag}")
            self.problem(
                node,
                f"'{name}' in {what} must be a string, but YAML reads {node.value} as {kind}; "
                f'write it in quotes: "{node.value}"',
            )
            return None
        return str(node.value)

    def text(self, node: Node, name: str, what: str) -> str | None:
        """Return a non-blank string, with surrounding blank lines removed."""
        value = self.scalar(node, name, what)
        if value is None:
            return None
        if not value.strip():
            self.problem(node, f"{what} has empty '{name}'")
            return None
        return value.strip()

    def date(self, node: Node, name: str, what: str) -> str | None:
        """Return an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); YAML may read it as a date."""
        if isinstance(node, ScalarNode) and node.tag in (_TIMESTAMP_TAG, _INT_TAG):
            value: str | None = str(node.value)  # 2025-11-20, or a bare year such as 2014
        else:
            value = self.scalar(node, name, what)
        if value is None:
            return None
        if not DATE_RE.match(value) or not _real_date(value):
            self.problem(
                node,
                f"'{name}' in {what} must be an ISO date "
                f"(YYYY-MM-DD, YYYY-MM or YYYY), not '{value}'",
            )
            return None
        return value

    def choice(self, node: Node, name: str, what: str, choices: Sequence[str]) -> str | None:
        value = self.scalar(node, name, what)
        if value is None:
            return None
        if value not in choices:
            self.problem(
                node,
                f"'{name}' in {what} must be one of {', '.join(choices)}, not '{value}'"
                f"{did_you_mean(value, choices)}",
            )
            return None
        return value

    def sequence(self, node: Node, name: str, what: str) -> list[Node]:
        if not isinstance(node, SequenceNode):
            self.problem(node, f"'{name}' in {what} must be a list, not {_describe(node)}")
            return []
        if not node.value:
            self.problem(node, f"'{name}' in {what} is an empty list; give items or remove the key")
        return list(node.value)

    def strings(self, node: Node, name: str, what: str) -> tuple[str, ...]:
        values = (self.text(item, name, what) for item in self.sequence(node, name, what))
        return tuple(value for value in values if value is not None)

    def url(self, node: Node, what: str) -> str | None:
        value = self.text(node, "url", what)
        if value is None:
            return None
        parts = urlsplit(value)
        if (
            parts.scheme not in ("http", "https")
            or not parts.netloc
            or any(c.isspace() for c in value)
        ):
            self.problem(node, f"url '{value}' in {what} must be an http:// or https:// address")
            return None
        return value

    def ref(self, node: Node, name: str, what: str, plan_id: str | None) -> ClauseRef | None:
        value = self.text(node, name, what)
        if value is None:
            return None
        match = REF_RE.match(value)
        if not match:
            self.problem(
                node, f"'{name}' in {what} must be written plan-id#clause-id, not '{value}'"
            )
            return None
        ref = ClauseRef(match[1], match[2])
        if ref.plan == plan_id:
            self.problem(node, f"'{name}' in {what} points into this same plan ({ref})")
            return None
        self.references.append(_Reference(name, ref, self.loc(node)))
        return ref

    # -- the format ------------------------------------------------------------------------

    def plan(self, root: Node) -> Plan | None:
        values = self.mapping(root, PLAN_KEYS, "the plan")
        if values is None:
            return None
        get = values.get
        plan_id = self.slug(get("id"))
        title = self.text(values["title"], "title", "the plan") if "title" in values else None
        date = self.date(values["date"], "date", "the plan") if "date" in values else None
        status = (
            self.choice(values["status"], "status", "the plan", PLAN_STATUSES)
            if "status" in values
            else None
        )
        completeness = (
            self.choice(values["completeness"], "completeness", "the plan", COMPLETENESS)
            if "completeness" in values
            else None
        )
        version = (
            self.scalar(values["version"], "version", "the plan") if "version" in values else None
        )
        parties = (
            self.strings(values["parties"], "parties", "the plan") if "parties" in values else ()
        )
        language = self.language(values["language"]) if "language" in values else None
        notes = self.text(values["notes"], "notes", "the plan") if "notes" in values else None
        follows = self.follows(values["follows"], plan_id) if "follows" in values else ()
        expected = (
            self.expected(values["expected_clauses"]) if "expected_clauses" in values else None
        )
        sources = self.sources(values["sources"], "the plan") if "sources" in values else ()
        clauses: tuple[Clause, ...] = ()
        if "clauses" in values:
            nodes = self.sequence(values["clauses"], "clauses", "the plan")
            clauses = self.clauses(nodes, plan_id)
            if completeness and expected is not None:
                self.check_count(values["expected_clauses"], completeness, len(nodes), expected)
        dropped = self.dropped(values["dropped"], plan_id) if "dropped" in values else ()
        if (
            self.problems
            or plan_id is None
            or title is None
            or date is None
            or status is None
            or completeness is None
        ):
            return None
        return Plan(
            id=plan_id,
            title=title,
            date=date,
            status=cast("Any", status),
            completeness=cast("Any", completeness),
            sources=sources,
            clauses=clauses,
            version=version,
            parties=parties,
            language=language,
            follows=follows,
            expected_clauses=expected,
            notes=notes,
            dropped=dropped,
            path=self.path,
            location=self.loc(root),
        )

    def slug(self, node: Node | None) -> str | None:
        if node is None:
            return None
        value = self.scalar(node, "id", "the plan")
        if value is None:
            return None
        if not SLUG_RE.match(value):
            self.problem(
                node,
                f"plan id '{value}' is not a slug: "
                "use lower-case letters, digits, '-', '_' and '.'",
            )
            return None
        return value

    def language(self, node: Node) -> str | None:
        """Return a language tag (BCP 47 shape: en, de, pt-BR); pages use it as their lang."""
        value = self.text(node, "language", "the plan")
        if value is not None and not LANGUAGE_RE.match(value):
            self.problem(
                node, f"'language' must be a language tag such as en, de or pt-BR, not '{value}'"
            )
            return None
        return value

    def follows(self, node: Node, plan_id: str | None) -> tuple[str, ...]:
        items = (
            self.sequence(node, "follows", "the plan") if isinstance(node, SequenceNode) else [node]
        )
        follows: list[str] = []
        for item in items:
            value = self.scalar(item, "follows", "the plan")
            if value is None:
                continue
            if not SLUG_RE.match(value):
                self.problem(item, f"'follows' names '{value}', which is not a plan id")
            elif value == plan_id:
                self.problem(item, "a plan cannot follow itself")
            elif value in follows:
                self.problem(item, f"'follows' names '{value}' twice")
            else:
                follows.append(value)
                self.references.append(_Reference("follows", value, self.loc(item)))
        return tuple(follows)

    def expected(self, node: Node) -> int | None:
        if not isinstance(node, ScalarNode) or node.tag != _INT_TAG:
            self.problem(node, f"'expected_clauses' must be a whole number, not {_describe(node)}")
            return None
        value = int(str(node.value).replace("_", ""), 0)
        if value < 1:
            self.problem(node, f"'expected_clauses' must be at least 1, not {value}")
            return None
        return value

    def check_count(self, node: Node, completeness: str, count: int, expected: int) -> None:
        if completeness == "full" and count != expected:
            self.problem(
                node,
                f"a full plan must have expected_clauses top-level clauses: it has {count}, "
                f"expected_clauses is {expected}",
            )
        elif count > expected:
            self.problem(
                node,
                f"the plan has {count} top-level clauses, more than expected_clauses ({expected})",
            )

    def sources(self, node: Node, what: str) -> tuple[Source, ...]:
        items = self.sequence(node, "sources", what)
        return tuple(s for s in (self.source(item, f"a source of {what}") for item in items) if s)

    def source(self, node: Node, what: str) -> Source | None:
        values = self.mapping(node, SOURCE_KEYS, what)
        if values is None:
            return None
        url = self.url(values["url"], what) if "url" in values else None
        fields = {
            name: (self.date if name in ("date", "accessed") else self.text)(
                values[name], name, what
            )
            for name in ("title", "publisher", "date", "accessed", "note")
            if name in values
        }
        return Source(url=url, **fields) if url else None

    def clauses(self, nodes: list[Node], plan_id: str | None) -> tuple[Clause, ...]:
        built = (self.clause(node, plan_id) for node in nodes)
        return tuple(clause for clause in built if clause is not None)

    def clause(self, node: Node, plan_id: str | None) -> Clause | None:
        if not isinstance(node, MappingNode):
            self.problem(
                node, f"a clause must be a mapping of keys to values, not {_describe(node)}"
            )
            return None
        clause_id = self.clause_id(node)
        what = f"clause '{clause_id}'" if clause_id is not None else "a clause"
        values = self.mapping(node, CLAUSE_KEYS, what)
        if values is None:
            return None
        status = (
            self.choice(values["status"], "status", what, CLAUSE_STATUSES)
            if "status" in values
            else "reported"
        )
        text: str | None = None
        if "text" in values:
            if status == "unknown":
                self.problem(
                    values["text"],
                    f"{what} has status 'unknown' but has 'text'; an unknown clause is one whose "
                    "text was never published (use status 'uncertain' for partly reported text)",
                )
            else:
                text = self.text(values["text"], "text", what)
        elif status != "unknown" and "id" in values:
            # A clause with no id has already been reported; one problem per clause is enough.
            self.problem(
                node, f"{what} has no 'text' (use status 'unknown' if it was never published)"
            )
        optional = {
            name: self.text(values[name], name, what)
            for name in ("number", "title", "notes")
            if name in values
        }
        topics = self.topics(values["topics"], what) if "topics" in values else ()
        sources = self.sources(values["sources"], what) if "sources" in values else ()
        same_as = (
            self.ref(values["same_as"], "same_as", what, plan_id) if "same_as" in values else None
        )
        derived: tuple[ClauseRef, ...] = ()
        if "derived_from" in values:
            refs = (
                self.ref(item, "derived_from", what, plan_id)
                for item in self.sequence(values["derived_from"], "derived_from", what)
            )
            derived = tuple(ref for ref in refs if ref is not None)
        children: tuple[Clause, ...] = ()
        if "clauses" in values:
            children = self.clauses(self.sequence(values["clauses"], "clauses", what), plan_id)
        if clause_id is None or status is None:
            return None
        return Clause(
            id=clause_id,
            text=text,
            number=optional.get("number"),
            title=optional.get("title"),
            topics=topics,
            status=cast("Any", status),
            sources=sources,
            notes=optional.get("notes"),
            same_as=same_as,
            derived_from=derived,
            clauses=children,
            location=self.loc(node),
        )

    def clause_id(self, node: MappingNode) -> str | None:
        """Return the clause's id, reporting a missing, typed or duplicate id."""
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == "id":
                clause_id = self.scalar(value_node, "id", "a clause")
                if clause_id is None:
                    return None
                if not clause_id.strip() or clause_id != clause_id.strip():
                    self.problem(
                        value_node,
                        f"clause id '{clause_id}' must not be blank or padded with spaces",
                    )
                    return None
                first = self.clause_ids.get(clause_id)
                if first is not None:
                    self.problem(
                        value_node,
                        f"duplicate clause id '{clause_id}' (first at line {first.line})",
                    )
                    return None
                self.clause_ids[clause_id] = self.loc(value_node)
                return clause_id
        return None

    def topics(self, node: Node, what: str) -> tuple[str, ...]:
        topics: list[str] = []
        for item in self.sequence(node, "topics", what):
            value = self.scalar(item, "topics", what)
            if value is None:
                continue
            if value not in TOPICS:
                self.problem(
                    item, f"unknown topic '{value}' in {what}{did_you_mean(value, TOPICS)}"
                )
            elif value in topics:
                self.problem(item, f"topic '{value}' is listed twice in {what}")
            else:
                topics.append(value)
        return tuple(topics)

    def dropped(self, node: Node, plan_id: str | None) -> tuple[Dropped, ...]:
        result: list[Dropped] = []
        for item in self.sequence(node, "dropped", "the plan"):
            values = self.mapping(item, DROPPED_KEYS, "a 'dropped' entry")
            if values is None:
                continue
            what = "a 'dropped' entry"
            ref = (
                self.ref(values["clause"], "clause", what, plan_id) if "clause" in values else None
            )
            source = (
                self.source(values["source"], f"the source of {what}")
                if "source" in values
                else None
            )
            note = self.text(values["note"], "note", what) if "note" in values else None
            if ref is not None:
                result.append(Dropped(ref, source, note, self.loc(item)))
        return tuple(result)


def _real_date(value: str) -> bool:
    """Tell whether an ISO-shaped `value` names a real date (no 2025-02-30)."""
    parts = [int(part) for part in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _check_references(parsed: list[_Parsed], *, closed: bool) -> list[Problem]:
    """Check ids across plans, and that every reference to a loaded plan resolves."""
    problems: list[Problem] = []
    plans: dict[str, Plan] = {}
    for one in parsed:
        plan = one.plan
        if plan is None:
            continue
        if plan.id in plans:
            other = plans[plan.id].location
            problems.append(
                Problem(
                    cast(Location, plan.location), f"plan id '{plan.id}' is also used by {other}"
                )
            )
            continue
        plans[plan.id] = plan
    indexes = {plan_id: plan.clause_index() for plan_id, plan in plans.items()}
    for one in parsed:
        own_id = one.plan.id if one.plan is not None else None
        others = [plan_id for plan_id in plans if plan_id != own_id]
        for ref in one.references:
            if isinstance(ref.target, str):
                plan_id, clause_id = ref.target, None
            else:
                plan_id, clause_id = ref.target.plan, ref.target.clause
            if plan_id not in plans:
                if closed:
                    problems.append(
                        Problem(
                            ref.location,
                            f"'{ref.key}' names plan '{plan_id}', which is not among the "
                            f"loaded plans{did_you_mean(plan_id, others)}",
                        )
                    )
                continue
            if clause_id is not None and clause_id not in indexes[plan_id]:
                problems.append(
                    Problem(
                        ref.location,
                        f"'{ref.key}' refers to {ref.target}, but plan '{plan_id}' has no clause "
                        f"'{clause_id}'{did_you_mean(clause_id, indexes[plan_id])}",
                    )
                )
    problems.extend(_follows_cycles(plans))
    return problems


def _follows_cycles(plans: dict[str, Plan]) -> list[Problem]:
    """Report each `follows` cycle once, at the plan with the smallest id in it."""
    problems: list[Problem] = []
    reported: set[str] = set()
    for start in sorted(plans):
        path = [start]
        seen = {start}
        stack = [(start, iter(plans[start].follows))]
        while stack:
            it = stack[-1][1]
            nxt = next(it, None)
            if nxt is None:
                stack.pop()
                seen.discard(path.pop())
                continue
            if nxt == start and start not in reported:
                cycle = [*path, start]
                reported.update(cycle)
                loc = cast(Location, plans[start].location)
                problems.append(Problem(loc, f"'follows' makes a cycle: {' -> '.join(cycle)}"))
            elif nxt in plans and nxt not in seen and nxt > start:
                path.append(nxt)
                seen.add(nxt)
                stack.append((nxt, iter(plans[nxt].follows)))
    return problems


def file_sha256(path: str | None) -> str | None:
    """Return the SHA-256 of the file at `path`, or None for a plan not read from a file."""
    if path is None:
        return None
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as err:
        raise PlanlensError(f"{path}: cannot read: {err.strerror}") from None
