"""One plan file's node tree checked and built into a `Plan`: the walk over the format.

`PlanChecker` walks the plan, its clauses, sources and dropped entries in file order, using the
shape checks (`check_structure`), the value rules (`check_values`) and the references
(`check_references`) for each key, and builds the `Plan` if no problem was found.
"""

from __future__ import annotations

from typing import Any, cast

from yaml.nodes import MappingNode, Node, ScalarNode

from planlens.errors import Location
from planlens.plan.check_references import ReferenceChecker
from planlens.plan.check_values import ValueChecker
from planlens.plan.model import (
    CLAUSE_STATUSES,
    COMPLETENESS,
    PLAN_STATUSES,
    Clause,
    ClauseRef,
    Dropped,
    Plan,
    Source,
)
from planlens.plan.schema import (
    CLAUSE_KEYS,
    DROPPED_KEYS,
    PLACEHOLDER_MARK,
    PLAN_KEYS,
    SOURCE_KEYS,
)
from planlens.plan.yaml_nodes import TOO_DEEP, describe

#: How deeply clauses may nest: a top-level clause is at depth 1. Laws rarely pass 8 levels
#: (part, chapter, section, article, paragraph, point, sub-point, indent); every later step
#: (comparison, lineage, pages) walks clauses recursively, within this bound.
MAX_CLAUSE_DEPTH = 16


class PlanChecker(ValueChecker, ReferenceChecker):
    """Walks one file's node tree, building the plan and collecting every problem."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.clause_ids: dict[str, Location] = {}

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
        standalone = (
            self.flag(values["standalone"], "standalone") if "standalone" in values else False
        )
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
            standalone=standalone,
            expected_clauses=expected,
            notes=notes,
            dropped=dropped,
            path=self.path,
            location=self.loc(root),
        )

    def sources(self, node: Node, what: str) -> tuple[Source, ...]:
        items = self.sequence(node, "sources", what)
        return tuple(s for s in (self.source(item, f"a source of {what}") for item in items) if s)

    def source(self, node: Node, what: str) -> Source | None:
        values = self.mapping(node, SOURCE_KEYS, what)
        if values is None:
            return None
        url = self.url(values["url"], what) if "url" in values else None
        if url and PLACEHOLDER_MARK in url:
            # Valid, so that a fresh import can be compared at once, but not a source.
            self.warning(
                values["url"],
                f"source url '{url}' is a placeholder (what planlens import writes when given no"
                " --source-url); replace it with the address the text comes from",
            )
        if "date" not in values:
            # Not fatal: a plan may rest on a page whose publication date is unknown, but a reader
            # should be able to tell how old every source is, so validate says so.
            self.warning(node, "source has no 'date' (when it was published)")
        fields = {
            name: (self.date if name in ("date", "accessed") else self.text)(
                values[name], name, what
            )
            for name in ("title", "publisher", "date", "accessed", "note")
            if name in values
        }
        return Source(url=url, **fields) if url else None

    def clauses(self, nodes: list[Node], plan_id: str | None, depth: int = 1) -> tuple[Clause, ...]:
        if depth > MAX_CLAUSE_DEPTH and nodes:
            message = TOO_DEEP.format(limit=MAX_CLAUSE_DEPTH)
            self.problem(nodes[0], f"{message}: clauses nest at most {MAX_CLAUSE_DEPTH} levels")
            return ()
        built = (self.clause(node, plan_id, depth) for node in nodes)
        return tuple(clause for clause in built if clause is not None)

    def clause(self, node: Node, plan_id: str | None, depth: int = 1) -> Clause | None:
        if not isinstance(node, MappingNode):
            self.problem(
                node, f"a clause must be a mapping of keys to values, not {describe(node)}"
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
        number = self.text(values["number"], "number", what) if "number" in values else None
        title = self.text(values["title"], "title", what) if "title" in values else None
        notes = self.text(values["notes"], "notes", what) if "notes" in values else None
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
            nodes = self.sequence(values["clauses"], "clauses", what)
            children = self.clauses(nodes, plan_id, depth + 1)
        if clause_id is None or status is None:
            return None
        return Clause(
            id=clause_id,
            text=text,
            number=number,
            title=title,
            topics=topics,
            status=cast("Any", status),
            sources=sources,
            notes=notes,
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
