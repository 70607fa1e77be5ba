"""The shape of a plan file's node tree: mappings and their keys, strings, lists.

`StructureChecker` is the base of the checks: it holds the file's path, the problems found and
the warnings (things worth fixing that do not make a plan invalid, such as an undated source), and
reads the tree's containers and scalars (allowed, required and duplicate keys; strings that
YAML would read as another type; empty values and lists). The value rules (`check_values`) and
the references (`check_references`) build on it; `check_plan` walks the format with all three.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from planlens.errors import Location, Problem
from planlens.plan.across import did_you_mean
from planlens.plan.schema import Key
from planlens.plan.yaml_nodes import NULL_TAG, STR_TAG, TAG_NAMES, describe


def _names(keys: tuple[Key, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Return the names of `keys`, and those of the required ones in order.

    The format's key tuples are constants, and a large file has thousands of mappings of each:
    the names are kept by the tuple's identity (hashing the tuple would hash every `Key`), with
    the tuple itself, so that an identity is never taken for another tuple's.
    """
    kept = _NAMES.get(id(keys))
    if kept is None or kept[0] is not keys:
        names = frozenset(key.name for key in keys)
        kept = _NAMES[id(keys)] = (keys, names, tuple(k.name for k in keys if k.required))
    return kept[1], kept[2]


#: What `_names` found, by the identity of the tuple of keys.
_NAMES: dict[int, tuple[tuple[Key, ...], frozenset[str], tuple[str, ...]]] = {}


class StructureChecker:
    """Reads the shape of one file's node tree, collecting every problem with its place."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def loc(self, node: Node) -> Location:
        mark = node.start_mark  # `mark_location`, without its call: two per clause
        return Location(self.path, mark.line + 1, mark.column + 1)

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.loc(node), message))

    def warning(self, node: Node, message: str) -> None:
        """Record something worth fixing that does not make the plan invalid."""
        self.warnings.append(Problem(self.loc(node), message))

    def mapping(self, node: Node, keys: tuple[Key, ...], what: str) -> dict[str, Node] | None:
        """Return the mapping's values by key, reporting duplicates and unknown keys."""
        if not isinstance(node, MappingNode):
            self.problem(node, f"{what} must be a mapping of keys to values, not {describe(node)}")
            return None
        allowed, required = _names(keys)
        values: dict[str, Node] = {}
        seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(
                    key_node, f"keys in {what} must be plain names, not {describe(key_node)}"
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
        for name in required:
            if name not in seen:  # a key seen but not kept is already a problem
                self.problem(node, f"{what} has no '{name}'")
        return values

    def scalar(self, node: Node, name: str, what: str) -> str | None:
        """Return a string scalar's raw text, refusing values YAML would read as another type."""
        if not isinstance(node, ScalarNode):
            self.problem(node, f"'{name}' in {what} must be a string, not {describe(node)}")
            return None
        if node.tag == NULL_TAG and node.style is None:
            self.problem(node, f"'{name}' in {what} has no value; give one or remove the key")
            return None
        if node.tag != STR_TAG:
            kind = TAG_NAMES.get(node.tag, f"type {node.tag}")
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
        stripped = value.strip()
        if not stripped:
            self.problem(node, f"{what} has empty '{name}'")
            return None
        return stripped

    def sequence(self, node: Node, name: str, what: str) -> list[Node]:
        if not isinstance(node, SequenceNode):
            self.problem(node, f"'{name}' in {what} must be a list, not {describe(node)}")
            return []
        if not node.value:
            self.problem(node, f"'{name}' in {what} is an empty list; give items or remove the key")
        return list(node.value)

    def strings(self, node: Node, name: str, what: str) -> tuple[str, ...]:
        values = (self.text(item, name, what) for item in self.sequence(node, name, what))
        return tuple(value for value in values if value is not None)
