"""The two YAML composers give one result: libyaml's tree, checked, is today's tree.

`parse_plan` composes with libyaml when PyYAML has it and falls back to the pure-Python composer
for every file with an error, an alias or nesting past the limit, so that messages keep their
wording and places. Here: both paths give equal plans at equal places for generated plan files,
every shipped plan and every fixture, and equal messages for mutated and arbitrary YAML; what
libyaml would let through (aliases, deep nesting, a bare `key:`) is refused as before; and a
libyaml that does not bound nesting is not used.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DATA, PLANS, fuzz_settings, need_libyaml
from hypothesis import example, given
from hypothesis import strategies as st
from test_fuzz import ANY_TEXT, mutated_yaml
from test_serialize import valid_plans
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from planlens.errors import Location, PlanFileError, PlanlensError
from planlens.plan import yaml_nodes
from planlens.plan.load import parse_plan, read_plan_text
from planlens.plan.model import Plan
from planlens.plan.serialize import plan_to_dict, plan_to_yaml
from planlens.plan.yaml_nodes import (
    MAX_NESTING,
    Unsure,
    compose_nodes,
    compose_with_libyaml,
    libyaml_loader,
)

HEAD = """\
id: demo
title: Demo
date: 2025-11-20
status: draft
completeness: full
sources: [{url: "https://example.org/"}]
"""


#: The tests that say which composer is used: they run wherever PyYAML is, libyaml or not.
ANY_PYYAML = {
    "test_libyaml_is_used_only_where_it_bounds_nesting",
    "test_without_libyaml_in_pyyaml_the_python_composer_alone_is_used",
    "test_the_python_composer_alone_loads_every_shipped_plan",
}


@pytest.fixture(autouse=True)
def libyaml(request: pytest.FixtureRequest) -> None:
    if request.function.__name__ not in ANY_PYYAML:
        need_libyaml()


@pytest.fixture
def python_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_nodes, "libyaml_loader", lambda: None)


def outcome(text: str, *, python: bool) -> tuple[Plan, list[Location | None]] | list[str]:
    """What `parse_plan` gives for `text` with libyaml or with the Python composer alone: the
    plan and the place of everything in it (which `Plan` equality ignores), or the messages."""
    with pytest.MonkeyPatch.context() as patch:
        if python:
            patch.setattr(yaml_nodes, "libyaml_loader", lambda: None)
        try:
            plan = parse_plan(text, "p.yaml")
        except PlanFileError as err:
            return [str(problem) for problem in err.problems]
    places = [plan.location, *(c.location for c in plan.walk())]
    places += [d.location for d in plan.dropped]
    return plan, places


def same_for_both(text: str) -> None:
    assert outcome(text, python=False) == outcome(text, python=True)


def nodes(root: Node | None) -> Iterator[tuple[Any, ...]]:
    """Every node of a tree in document order, as what the checker can see of it."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            yield (None,)
            continue
        start, end = node.start_mark, node.end_mark
        marks = (start.line, start.column, start.index, end.line, end.column, end.index)
        if isinstance(node, ScalarNode):
            yield ("scalar", node.tag, node.value, node.style, *marks)
        elif isinstance(node, MappingNode):
            yield ("mapping", node.tag, node.flow_style, len(node.value), *marks)
            stack.extend(item for pair in reversed(node.value) for item in reversed(pair))
        else:
            assert isinstance(node, SequenceNode)
            yield ("sequence", node.tag, node.flow_style, len(node.value), *marks)
            stack.extend(reversed(node.value))


def same_tree(text: str) -> None:
    """libyaml's tree of `text` is the Python composer's, node for node, marks and styles too."""
    assert list(nodes(compose_with_libyaml(text))) == list(nodes(compose_nodes(text, "p.yaml")))


# -- the same plans, at the same places --------------------------------------------------------


@fuzz_settings(150)
@given(valid_plans())
def test_generated_plan_files_load_the_same_with_both(plan: Plan) -> None:
    text = plan_to_yaml(plan)
    same_tree(text)
    with_libyaml = outcome(text, python=False)
    assert with_libyaml == outcome(text, python=True)
    assert not isinstance(with_libyaml, list)
    assert with_libyaml[0] == plan


@st.composite
def restyled_plan_files(draw: st.DrawFn) -> str:
    """A generated plan written by PyYAML's emitter in one of its other styles: flow or block
    collections, quoted or block scalars, another indent and width, CR LF or CR line ends, a
    comment; still a plan, or one with problems (a quoted number), for both to agree on."""
    data = plan_to_dict(draw(valid_plans()))
    text = yaml.safe_dump(
        data,
        default_flow_style=draw(st.sampled_from([False, True, None])),
        default_style=draw(st.sampled_from([None, '"', "'", "|"])),
        indent=draw(st.integers(2, 6)),
        width=draw(st.sampled_from([20, 80, 1000])),
        allow_unicode=draw(st.booleans()),
        line_break=draw(st.sampled_from(["\n", "\r\n", "\r"])),
        sort_keys=draw(st.booleans()),
        explicit_start=draw(st.booleans()),
    )
    return draw(st.sampled_from(["", "# a comment\n", "\ufeff"])) + text


@fuzz_settings(150)
@given(restyled_plan_files())
def test_plan_files_in_any_style_load_the_same_with_both(text: str) -> None:
    same_for_both(text)


@fuzz_settings(300)
@given(mutated_yaml() | ANY_TEXT)
@example("id: &a x\ntitle: *a\n")
@example("text:\n")
@example("a: 1\n\tb: 2\n")
@example("notes: " + "[" * 100_000)
@example("- " * 5_000 + "x")
def test_any_yaml_gets_the_same_plan_or_messages_with_both(text: str) -> None:
    same_for_both(text)


def plan_files() -> list[Path]:
    found = [*sorted(PLANS.glob("*.yaml")), *sorted(DATA.rglob("*.yaml"))]
    found += sorted(DATA.rglob("*.yml"))
    assert len(found) > 50
    return found


def test_every_shipped_plan_and_fixture_loads_the_same_with_both() -> None:
    compared = 0
    for path in plan_files():
        try:
            text = read_plan_text(path)
        except PlanlensError:
            continue  # not UTF-8, too large: refused before any YAML is read
        assert outcome(text, python=False) == outcome(text, python=True), path
        compared += 1
    assert compared > 50


def test_every_shipped_plan_gets_the_same_tree_from_both() -> None:
    for path in sorted(PLANS.glob("*.yaml")):
        same_tree(read_plan_text(path))


def test_valid_plans_never_need_the_python_composer(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(text: str, path: str) -> Node | None:
        raise AssertionError(f"{path} was composed in Python")

    monkeypatch.setattr(yaml_nodes, "compose_nodes", refused)  # load imports it when it parses
    for path in sorted(PLANS.glob("*.yaml")):
        assert parse_plan(read_plan_text(path), str(path)).id


def test_a_file_with_a_problem_is_read_again_in_python(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counted(text: str, path: str) -> Node | None:
        calls.append(path)
        return compose_nodes(text, path)

    monkeypatch.setattr(yaml_nodes, "compose_nodes", counted)
    with pytest.raises(PlanFileError):
        parse_plan(HEAD + "clauses: [{id: '1', text: x}]\nextra: 1\n", "p.yaml")
    assert calls == ["p.yaml"]


# -- what libyaml would let through ------------------------------------------------------------


def test_an_alias_is_refused_where_it_stands_not_at_its_anchor() -> None:
    clauses = "  - id: '1'\n    text: &t The parties agree.\n  - id: '2'\n    text: *t\n"
    text = HEAD + "clauses:\n" + clauses
    with pytest.raises(Unsure):
        compose_with_libyaml(text)
    with pytest.raises(PlanFileError) as info:
        parse_plan(text, "p.yaml")
    assert str(info.value) == (
        "p.yaml:11:11: anchors and aliases are not allowed in plan files; write the value out"
    )


def alias_bomb(levels: int) -> str:
    """`levels` levels of ten aliases each: 10**levels values once expanded."""
    lines = ['a0: &a0 "lol"']
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 10)}]" for i in range(1, levels + 1)]
    return "\n".join(lines)


def test_an_alias_bomb_stops_the_walk_at_once() -> None:
    # libyaml composes 10 * levels + 1 shared nodes; a walk that followed each alias would visit
    # 10**levels: a million here (a second), then more than the universe has atoms.
    for levels in (6, 80):
        with pytest.raises(Unsure):
            compose_with_libyaml(alias_bomb(levels))


def test_an_anchor_without_alias_is_read_as_before() -> None:
    text = HEAD + "clauses:\n  - &c {id: '1', text: &t The parties agree.}\n"
    same_tree(text)
    same_for_both(text)


@pytest.mark.parametrize("opening", ["[", "{a: ", "- ", "-\n  "])
def test_nesting_past_the_limit_is_left_to_the_python_composer(opening: str) -> None:
    def nested(levels: int) -> str:
        if opening == "-\n  ":
            return "".join("  " * n + "-\n" for n in range(levels)) + "  " * levels + "x\n"
        closing = {"[": "]", "{a: ": "}"}.get(opening, "")
        return opening * levels + "x" + closing * levels

    assert compose_with_libyaml(nested(MAX_NESTING)) is not None
    with pytest.raises(Unsure):
        compose_with_libyaml(nested(MAX_NESTING + 1))
    with pytest.raises(Unsure):
        compose_with_libyaml(nested(5_000))  # past libyaml's own limit: its error
    same_for_both(nested(MAX_NESTING + 1))


@pytest.mark.parametrize(
    ("value", "style", "message"),
    [
        ("", None, "p.yaml:9:11: 'title' in clause '1' has no value; give one or remove the key"),
        (" ~", None, "p.yaml:9:12: 'title' in clause '1' has no value; give one or remove the key"),
        (' ""', '"', "p.yaml:9:12: clause '1' has empty 'title'"),
    ],
)
def test_a_bare_key_is_still_a_key_with_no_value(value: str, style: str, message: str) -> None:
    # libyaml gives plain scalars the style "", PyYAML's Python composer None: made the same.
    text = HEAD + f"clauses:\n  - id: '1'\n    title:{value}\n    text: x\n"
    tree = compose_with_libyaml(text)
    assert tree is not None
    assert tree.value[-1][1].value[0].value[1][1].style == style
    with pytest.raises(PlanFileError) as info:
        parse_plan(text, "p.yaml")
    assert str(info.value) == message


# -- which composer is used --------------------------------------------------------------------


def test_libyaml_is_used_only_where_it_bounds_nesting() -> None:
    class Unbounded:
        """Composes anything, however deep, as a libyaml before 0.2.6 would."""

        def __init__(self, text: str) -> None:
            self.text = text

        def get_single_node(self) -> Node:
            return ScalarNode("tag:yaml.org,2002:str", self.text)

        def dispose(self) -> None:
            pass

    assert yaml_nodes._refuses_deep_nesting(Unbounded) is False
    assert yaml_nodes._refuses_deep_nesting(yaml.SafeLoader) is False  # RecursionError
    if yaml.__with_libyaml__:  # libyaml 0.2.5 (in PyYAML 6.0.1's wheels) composes 1,500 levels
        bounds = yaml._yaml.get_version() >= (0, 2, 6)
        assert yaml_nodes._refuses_deep_nesting(yaml.CSafeLoader) is bounds
        assert (libyaml_loader() is yaml.CSafeLoader) is bounds


def test_without_libyaml_in_pyyaml_the_python_composer_alone_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    assert libyaml_loader.__wrapped__() is None


@pytest.mark.usefixtures("python_only")
def test_the_python_composer_alone_loads_every_shipped_plan() -> None:
    with pytest.raises(Unsure):
        compose_with_libyaml("id: x\n")
    for path in itertools.islice(sorted(PLANS.glob("*.yaml")), 3):
        assert parse_plan(read_plan_text(path), str(path)).id


def test_an_ampersand_in_text_alone_makes_the_walk_record_nodes_and_nothing_else() -> None:
    # Without "&" the text has no anchor, so no alias: the walk keeps no record of the nodes.
    # With one only inside a value, the tree is the same and loads as before.
    for text in (HEAD + "clauses: [{id: '1', text: AT&T pays.}]\n", HEAD + "clauses: []\n"):
        same_tree(text)
        same_for_both(text)
    shared = ScalarNode("tag:yaml.org,2002:str", "x")
    tree = SequenceNode("tag:yaml.org,2002:seq", [shared, shared])
    with pytest.raises(Unsure):
        yaml_nodes._as_composed_in_python(tree, shared=True)
    yaml_nodes._as_composed_in_python(tree, shared=False)  # trusted: no anchor in the text


#: Scalars for every implicit resolver of a safe loader and round them: first characters with
#: resolvers and without, near misses, the empty scalar, a trailing newline (`$` matches it).
SCALARS = (
    "", "~", "null", "Null", "NULL", "nul", "yes", "No", "on", "OFF", "y", "true", "True!",
    "1", "-1", "+0b101", "0o17", "017", "0x1F", "1_000", "1:30", "1.5", ".5", "-.inf", ".NaN",
    "1e3", "1.0e+3", "2025-11-20", "2025-11-20 10:00:00", "2025-1-2", "<<", "=", "Text",
    "text", "§ 1", "€", "yes\n", "12\n",
)  # fmt: skip


@pytest.mark.parametrize("loader", [yaml.SafeLoader, yaml_nodes._NoAliasLoader])
def test_quick_resolution_gives_every_tag_the_stock_resolver_gives(loader: type[Any]) -> None:
    quick = yaml_nodes.with_quick_resolution(loader)
    assert quick is not loader
    assert issubclass(quick, loader)
    stock, fast = loader(""), quick("")
    for value in SCALARS:
        for implicit in itertools.product((True, False), repeat=2):
            assert fast.resolve(ScalarNode, value, implicit) == stock.resolve(
                ScalarNode, value, implicit
            ), (value, implicit)
    for kind in (SequenceNode, MappingNode):
        assert fast.resolve(kind, None, (True, False)) == stock.resolve(kind, None, (True, False))
    assert fast.descend_resolver(None, None) is None
    assert fast.ascend_resolver() is None


def test_quick_resolution_leaves_a_loader_with_path_resolvers_as_it_is() -> None:
    class Pathed(yaml.SafeLoader):
        pass

    Pathed.add_path_resolver("tag:example.org,2025:thing", ["things"], dict)
    assert yaml_nodes.with_quick_resolution(Pathed) is Pathed
