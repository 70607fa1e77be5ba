"""Plan-file YAML as a node tree with marks: composing it safely, and where and what a node is.

We validate `yaml.compose()`'s node tree rather than `yaml.safe_load()`'s values because the node
tree keeps what the loaded values lose: where each value stands, the raw spelling of scalars
(`1.10`, not 1.1; `no`, not False), and duplicate keys, which `safe_load` silently drops.

Two composers make the same tree. `compose_nodes` is PyYAML's pure-Python composer, with our
refusals built in: its messages (file:line:col and wording) are the ones users see.
`compose_with_libyaml` is PyYAML's C composer (libyaml), many times faster on large files; it
knows none of our refusals, so it answers only for a file it composes without an error, with no
alias and no nesting past the limit, and says `Unsure` otherwise: the caller then composes
again with `compose_nodes`, which gives the message.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from planlens.errors import Location, PlanFileError, Problem
from planlens.plan.check_text import character_name

STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
INT_TAG = "tag:yaml.org,2002:int"
BOOL_TAG = "tag:yaml.org,2002:bool"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
#: How YAML would read a plain scalar, in words, for messages about coerced values.
TAG_NAMES = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    NULL_TAG: "null",
    TIMESTAMP_TAG: "a date",
}
#: How deeply lists and mappings may nest in a plan file. The format itself needs 4 levels and
#: 2 more per level of sub-clauses (`MAX_CLAUSE_DEPTH` in `check_plan`); the limit is checked
#: before each level is composed, so no input can exhaust Python's stack.
MAX_NESTING = 64
TOO_DEEP = "nested too deeply (limit {limit})"


def with_quick_resolution(loader: type[Any]) -> type[Any]:
    """Return a subclass of the PyYAML loader class `loader` that resolves tags with less work.

    Both composers call the loader's resolver three times per node: `resolve` for its tag, and
    `descend_resolver` and `ascend_resolver`, which follow the path to the node for path
    resolvers. A safe loader has no path resolvers, so the last two do nothing, and `resolve`
    ends as it would: the implicit resolvers for the scalar's first character (with the
    wildcard ones after them), the first whose pattern matches giving the tag, else the default
    tag of the node's kind. The subclass does the same with the lists joined once, here, and
    without the checks for path resolvers. The tables are read now: a loader with path
    resolvers is returned as it is. One subclass is made per loader class, on first use.
    """
    made = _QUICK.get(loader)
    if made is None:
        made = _QUICK[loader] = _quick_subclass(loader)
    return made


#: The subclasses `with_quick_resolution` made, by the loader class they derive from.
_QUICK: dict[type[Any], type[Any]] = {}


def _quick_subclass(loader: type[Any]) -> type[Any]:
    """Make the subclass `with_quick_resolution` returns for `loader`."""
    if loader.yaml_path_resolvers:
        return loader
    implicit = loader.yaml_implicit_resolvers
    wildcard = tuple(implicit.get(None, ()))
    by_first = {first: tuple(found) + wildcard for first, found in implicit.items() if first}
    if "" in implicit:  # the empty scalar's resolvers are filed under ""
        by_first[""] = tuple(implicit[""]) + wildcard
    scalar_tag = loader.DEFAULT_SCALAR_TAG
    sequence_tag = loader.DEFAULT_SEQUENCE_TAG
    mapping_tag = loader.DEFAULT_MAPPING_TAG

    def resolve(self: Any, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> Any:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, pattern in by_first.get(value[:1], wildcard):
                    if pattern.match(value):
                        return tag
            return scalar_tag
        if kind is SequenceNode:
            return sequence_tag
        if kind is MappingNode:
            return mapping_tag
        return None

    def descend_resolver(self: Any, current_node: Node | None, current_index: Any) -> None:
        pass

    def ascend_resolver(self: Any) -> None:
        pass

    methods = {
        "resolve": resolve,
        "descend_resolver": descend_resolver,
        "ascend_resolver": ascend_resolver,
        "__doc__": f"{loader.__name__}, its tags resolved by `with_quick_resolution`.",
    }
    return type(loader.__name__, (loader,), methods)


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader whose composer refuses aliases and values nested too deeply.

    Aliases let a tiny file expand into billions of nodes ("billion laughs"); plan files have no
    need for them, so we refuse them where they stand instead of bounding the expansion.
    PyYAML's composer recurses once per level of nesting: the depth is checked before each
    list or mapping is composed, so 100,000 nested `[` are a message, not a `RecursionError`.
    """

    depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _Refused(event.start_mark, "alias")
        if not self.check_event(yaml.SequenceStartEvent, yaml.MappingStartEvent):
            return super().compose_node(parent, index)
        if self.depth >= MAX_NESTING:
            raise _Refused(self.peek_event().start_mark, "depth")  # type: ignore[no-untyped-call]
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Refused(Exception):
    """Raised where the composer refuses the file: an alias, or nesting past the limit."""

    def __init__(self, mark: Any, why: str) -> None:
        self.mark = mark
        self.why = why


def compose_nodes(text: str, path: str) -> Node | None:
    """Return the node tree of the one YAML document in `text` (None if there is none).

    Invalid YAML, aliases and a second document raise `PlanFileError` with one problem, placed
    at `path` (used in messages) and the line and column YAML reports.

    >>> compose_nodes("id: x\\n", "p.yaml").value[0][1].value
    'x'
    >>> compose_nodes("id: a: b\\n", "p.yaml")
    Traceback (most recent call last):
    ...
    planlens.errors.PlanFileError: p.yaml:1:6: invalid YAML: mapping values are not allowed here
    """
    try:
        loader = with_quick_resolution(_NoAliasLoader)(text)
        try:
            root: Node | None = loader.get_single_node()
            return root
        finally:
            loader.dispose()
    except _Refused as refused:
        message = (
            "anchors and aliases are not allowed in plan files; write the value out"
            if refused.why == "alias"
            else TOO_DEEP.format(limit=MAX_NESTING)
        )
        raise PlanFileError([Problem(mark_location(path, refused.mark), message)]) from None
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
        location = mark_location(path, mark) if mark else Location(path, 1, 1)
        raise PlanFileError([Problem(location, f"invalid YAML: {problem}")]) from None
    except ReaderError as err:  # a character YAML does not allow in a file
        location = _offset_location(text, err.position, path)
        message = f"invalid YAML: {character_name(chr(err.character))} is not allowed in a file"
        raise PlanFileError([Problem(location, message)]) from None
    except yaml.YAMLError as err:
        raise PlanFileError([Problem(Location(path, 1, 1), f"invalid YAML: {err}")]) from None


class Unsure(Exception):
    """Raised by `compose_with_libyaml` when only `compose_nodes` can answer for the text."""


#: Nested deeper than any libyaml that bounds nesting (its limit is 1,000) accepts: the probe.
_PROBE = "[" * 1500 + "]" * 1500


@functools.cache
def libyaml_loader() -> type[yaml.CSafeLoader] | None:
    """Return PyYAML's C safe loader if it can be used here, else None.

    It can when PyYAML was built with libyaml, and that libyaml refuses deep nesting itself
    (libyaml 0.2.6 and later stop at 1,000 levels): PyYAML's C composer recurses once per level
    in C, so without that bound a deep file could overflow the stack before we saw it.
    """
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    loader = yaml.CSafeLoader
    return loader if _refuses_deep_nesting(loader) else None


def _refuses_deep_nesting(loader: type[Any]) -> bool:
    """Say whether `loader` refuses nesting deeper than 1,000 levels with a YAML error."""
    composer = loader(_PROBE)
    try:
        composer.get_single_node()
    except yaml.YAMLError:
        return True
    except RecursionError:
        return False
    finally:
        composer.dispose()
    return False


def compose_with_libyaml(text: str) -> Node | None:
    """Return the node tree of `text` as `compose_nodes` would, composed by libyaml.

    Raise `Unsure` when libyaml is not available, and wherever `compose_nodes` would refuse the
    text or says more than libyaml: a YAML error (libyaml's wording and places differ), an alias
    (libyaml shares the anchored node), nesting past `MAX_NESTING`.

    >>> compose_with_libyaml("id: x\\n").value[0][1].value if libyaml_loader() else "x"
    'x'
    """
    loader_class = libyaml_loader()
    if loader_class is None:
        raise Unsure
    try:
        loader = with_quick_resolution(loader_class)(text)
        try:
            root: Node | None = loader.get_single_node()
        finally:
            loader.dispose()
    except (yaml.YAMLError, RecursionError):
        raise Unsure from None
    if root is not None:
        _as_composed_in_python(root, shared="&" in text)
    return root


def _as_composed_in_python(root: Node, *, shared: bool = True) -> None:
    """Check libyaml's tree for what `compose_nodes` refuses, and make it the same tree.

    A node met twice is an alias (libyaml returns the anchored node again), and nesting past
    `MAX_NESTING` is too deep: both raise `Unsure`. The walk uses no recursion, and stops at the
    first repeated node, so an alias bomb (a few nodes, shared exponentially often) costs
    nothing. Plain scalars get the style PyYAML's Python composer gives them, None (libyaml's
    is ""), which tells a bare `key:` (no value) from `key: ""`.

    Without `shared`, the text has no `&`, so no anchor, so no alias (an alias to no anchor is
    libyaml's error): no node can be met twice, and the walk keeps no record of the nodes met.
    The tree is walked a level at a time, the children of a level gathered in one list.
    """
    seen: set[int] = set()
    level: list[Node] = [root]
    depth = 0
    while level:
        below: list[Node] = []
        for node in level:
            if shared:
                if id(node) in seen:
                    raise Unsure
                seen.add(id(node))
            if isinstance(node, ScalarNode):
                if node.style == "":
                    node.style = None
                continue
            if depth >= MAX_NESTING:
                raise Unsure
            if isinstance(node, MappingNode):
                below.extend(itertools.chain.from_iterable(node.value))
            else:
                below.extend(node.value)
        level = below
        depth += 1


def _offset_location(text: str, offset: int, path: str) -> Location:
    """Return the 1-based line and column of the character at `offset` in `text`."""
    before = text[:offset]
    return Location(path, before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)


def mark_location(path: str, mark: Any) -> Location:
    """Return the 1-based `Location` in `path` of a YAML mark (which counts from 0)."""
    return Location(path, mark.line + 1, mark.column + 1)


def describe(node: Node) -> str:
    """Say what kind of value `node` is, for messages: "a mapping", "a list", "a number", ...

    >>> describe(compose_nodes("2025-11-20", "p.yaml"))
    'a date'
    """
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == NULL_TAG:
        return "empty"
    return TAG_NAMES.get(node.tag, "a string")
