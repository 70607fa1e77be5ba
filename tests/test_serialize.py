"""Writing plans as plain data and YAML: shape, quoting, and round trips through the loader."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import string
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from planlens.errors import PlanFileError
from planlens.plan.check_text import hidden_character
from planlens.plan.load import parse_plan
from planlens.plan.model import PLAN_STATUSES, TOPICS, Clause, ClauseRef, Dropped, Plan, Source
from planlens.plan.schema import CLAUSE_KEYS, PLAN_KEYS
from planlens.plan.serialize import plan_to_dict, plan_to_yaml, reads_as_non_string

#: Strings that trip up YAML writers: YAML 1.1/1.2 non-strings, indicators, odd whitespace.
TRICKY = [
    "no", "No", "yes", "off", "on", "y", "Y", "n", "true", "False", "~", "null", "Null", "",
    "1", "007", "08", "1.10", "1e3", "-1E+3", ".5", "0x1F", "0o17", "1_000", ".inf", "-.Inf",
    ".nan", "2025-01-01", "2025-13-45", "2001-12-14t21:59:43.10-05:00", "12:30:00", "<<", "=",
    "#", "# not a comment", "a #b", "a: b", ": ", "- x", "-", "?", "? x", "[x]", "{x: 1}", "*a",
    "&a", "!tag", "|", ">", "'", '"', "'quoted'", "%YAML", "@", "`", ",", " lead", "trail ",
    "  ", "\t", "a\tb", "a\nb", "a\n\nb", "a\n", "\nlead", "a\n\n", "\n", " \n ", "x\r\ny",
    "a\u2028b", "a\x85b", "\ufeffbom", "Ünïcödé ✓", "😀", "Мир", "中文", "a  b", "...", "---",
    "a\\b", "\x00", "\x07bell", "\x7f", "a\x85b\nc", "a\u2028b\nc", "a\rb\nc", "\x85\n",
]  # fmt: skip
tricky = st.sampled_from(TRICKY)
any_text = tricky | st.text(max_size=30)

# -- any values: YAML must give back exactly the data -----------------------------------------


def sources(text: st.SearchStrategy[str]) -> st.SearchStrategy[Source]:
    optional = st.none() | text
    return st.builds(
        Source,
        url=text,
        title=optional,
        publisher=optional,
        date=optional,
        accessed=optional,
        note=optional,
    )


def clauses(text: st.SearchStrategy[str], depth: int = 2) -> st.SearchStrategy[Clause]:
    children = st.lists(clauses(text, depth - 1), max_size=2) if depth else st.just([])
    optional = st.none() | text
    return st.builds(
        Clause,
        id=text,
        text=optional,
        number=optional,
        title=optional,
        topics=st.lists(text, max_size=2).map(tuple),
        status=st.sampled_from(["reported", "uncertain", "unknown"]),
        sources=st.lists(sources(text), max_size=1).map(tuple),
        notes=optional,
        same_as=st.none() | st.builds(ClauseRef, text, text),
        derived_from=st.lists(st.builds(ClauseRef, text, text), max_size=2).map(tuple),
        clauses=children.map(tuple),
    )


def plans(text: st.SearchStrategy[str]) -> st.SearchStrategy[Plan]:
    optional = st.none() | text
    return st.builds(
        Plan,
        id=text,
        title=text,
        date=text | st.dates().map(dt.date.isoformat),
        status=st.sampled_from(PLAN_STATUSES),
        completeness=st.sampled_from(["full", "partial"]),
        sources=st.lists(sources(text), max_size=2).map(tuple),
        clauses=st.lists(clauses(text), max_size=3).map(tuple),
        version=optional,
        parties=st.lists(text, max_size=2).map(tuple),
        language=optional,
        follows=st.lists(text, max_size=2).map(tuple),
        expected_clauses=st.none() | st.integers(0, 1000),
        notes=optional,
        dropped=st.lists(
            st.builds(
                Dropped, st.builds(ClauseRef, text, text), st.none() | sources(text), optional
            ),
            max_size=1,
        ).map(tuple),
    )


def undated(value: Any) -> Any:
    """Return `value` with YAML dates turned back into ISO strings."""
    if isinstance(value, dict):
        return {key: undated(item) for key, item in value.items()}
    if isinstance(value, list):
        return [undated(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(any_text))
def test_yaml_gives_back_the_data(plan: Plan) -> None:
    text = plan_to_yaml(plan)
    assert undated(yaml.safe_load(text)) == plan_to_dict(plan)


@settings(max_examples=100, deadline=None)
@given(plans(any_text))
def test_plain_scalars_are_strings_except_dates_and_counts(plan: Plan) -> None:
    # The loader refuses plain scalars that YAML would read as something else (`id: no`);
    # YAML 1.2 readers also take 1e3, 08 or 0o17 for numbers, and YAML 1.1 ones y/n for booleans.
    allowed = {"date", "accessed", "expected_clauses"}
    for key, node in scalars_by_key(yaml.compose(plan_to_yaml(plan))):
        if node.style is None and key not in allowed:
            assert node.tag == "tag:yaml.org,2002:str", (key, node.value, node.tag)
            assert not YAML12_NON_STRING.fullmatch(node.value), (key, node.value)


#: YAML 1.2 core schema numbers, booleans and nulls, plus YAML 1.1's one-letter booleans.
YAML12_NON_STRING = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|true|True|TRUE|false|False|FALSE"
    r"|null|Null|NULL|~|[yYnN]"
)


def scalars_by_key(node: Node | None, key: str = "") -> list[tuple[str, ScalarNode]]:
    found: list[tuple[str, ScalarNode]] = []
    if isinstance(node, MappingNode):
        for key_node, value in node.value:
            found.extend(scalars_by_key(value, str(key_node.value)))
    elif isinstance(node, SequenceNode):
        for item in node.value:
            found.extend(scalars_by_key(item, key))
    elif isinstance(node, ScalarNode):
        found.append((key, node))
    return found


@settings(max_examples=50, deadline=None)
@given(plans(any_text))
def test_output_is_deterministic_and_json_ready(plan: Plan) -> None:
    assert plan_to_yaml(plan) == plan_to_yaml(plan)
    assert json.loads(json.dumps(plan_to_dict(plan))) == plan_to_dict(plan)


# -- valid plans: the loader must read back the same Plan --------------------------------------

SLUG_START = string.ascii_lowercase + string.digits
SLUG = st.builds(str.__add__, st.sampled_from(SLUG_START), st.text(SLUG_START + "._-", max_size=12))


def stripped(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Non-blank strings without surrounding whitespace: the loader strips texts."""
    return text.filter(lambda s: bool(s) and s == s.strip())


def without_hidden(text: str) -> str:
    """Return `text` without control or invisible formatting characters: the loader refuses them."""
    return "".join(char for char in text if not hidden_character(char))


NAME = stripped(any_text.map(without_hidden))
CLAUSE_ID = stripped(
    tricky.map(without_hidden)
    | st.text(string.ascii_letters + string.digits + ".~-_ #:", max_size=8)
)
REF_CLAUSE = stripped(st.text(string.ascii_letters + string.digits + ".~-_ #:é", max_size=8))
ISO_DATE = (
    st.dates().map(dt.date.isoformat)
    | st.integers(1000, 2999).map(str)
    | st.dates().map(lambda d: d.isoformat()[:7])
)


@st.composite
def valid_sources(draw: st.DrawFn) -> Source:
    optional = st.none() | NAME
    return Source(
        url=draw(st.sampled_from(["http", "https"])) + "://example.org/" + draw(SLUG),
        title=draw(optional),
        publisher=draw(optional),
        date=draw(st.none() | ISO_DATE),
        accessed=draw(st.none() | ISO_DATE),
        note=draw(optional),
    )


@st.composite
def valid_plans(draw: st.DrawFn) -> Plan:
    plan_id = draw(SLUG)
    others = st.lists(SLUG.filter(lambda s: s != plan_id), min_size=1, max_size=3, unique=True)
    other_ids = draw(others)
    refs = st.builds(ClauseRef, st.sampled_from(other_ids), REF_CLAUSE)
    ids = draw(st.lists(CLAUSE_ID, min_size=1, max_size=7, unique=True))
    # Each clause hangs under an earlier one (or at the top): any tree over unique ids.
    parents = [draw(st.integers(-1, index - 1)) for index in range(len(ids))]
    built: dict[int, Clause] = {}
    for index in reversed(range(len(ids))):
        status = draw(st.sampled_from(["reported", "uncertain", "unknown"]))
        built[index] = Clause(
            id=ids[index],
            text=None if status == "unknown" else draw(NAME),
            number=draw(st.none() | NAME),
            title=draw(st.none() | NAME),
            topics=tuple(draw(st.lists(st.sampled_from(TOPICS), max_size=3, unique=True))),
            status=status,
            sources=tuple(draw(st.lists(valid_sources(), max_size=1))),
            notes=draw(st.none() | NAME),
            same_as=draw(st.none() | refs),
            derived_from=tuple(draw(st.lists(refs, max_size=2))),
            clauses=tuple(built[k] for k in range(index + 1, len(ids)) if parents[k] == index),
        )
    top = tuple(built[k] for k in range(len(ids)) if parents[k] == -1)
    completeness = draw(st.sampled_from(["full", "partial"]))
    if completeness == "full":
        expected = draw(st.none() | st.just(len(top)))
    else:
        expected = draw(st.none() | st.integers(len(top), len(top) + 5))
    return Plan(
        id=plan_id,
        title=draw(NAME),
        date=draw(ISO_DATE),
        status=draw(st.sampled_from(PLAN_STATUSES)),
        completeness=completeness,
        sources=tuple(draw(st.lists(valid_sources(), min_size=1, max_size=2))),
        clauses=top,
        version=draw(st.none() | any_text.map(without_hidden)),
        parties=tuple(draw(st.lists(NAME, max_size=2))),
        language=draw(st.none() | st.from_regex(r"[a-z]{2,3}(-[A-Z]{2})?", fullmatch=True)),
        follows=tuple(draw(st.lists(st.sampled_from(other_ids), max_size=2, unique=True))),
        expected_clauses=expected,
        notes=draw(st.none() | NAME),
        dropped=tuple(
            draw(
                st.lists(
                    st.builds(Dropped, refs, st.none() | valid_sources(), st.none() | NAME),
                    max_size=2,
                )
            )
        ),
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_plans())
def test_loader_reads_back_the_same_plan(plan: Plan) -> None:
    # Location and path are compare=False in the model, so equality ignores them.
    assert parse_plan(plan_to_yaml(plan), "x.yaml") == plan


#: Characters the loader refuses in any string: controls, bidi controls, invisible format
#: characters; and two it allows (ZWNJ and ZWJ, which scripts and emoji need).
HIDDEN = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\r", "\u00ad", "\u200b", "\u200e",
          "\u202e", "\u2066", "\u2028", "\ufeff", "\U000e0041"]  # fmt: skip


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_plans(), st.data())
def test_loader_refuses_hidden_characters_where_they_stand(plan: Plan, data: st.DataObject) -> None:
    # Put a hidden character in the plan's title or its first clause's text, somewhere.
    char = data.draw(st.sampled_from(HIDDEN))
    field = data.draw(
        st.sampled_from(["title", "text"]) if plan.clauses[0].text else st.just("title")
    )
    value = plan.title if field == "title" else str(plan.clauses[0].text)
    at = data.draw(st.integers(1, max(1, len(value) - 1)))
    changed = value[:at] + char + value[at:]
    if field == "title":
        plan = dataclasses.replace(plan, title=changed)
    else:
        first = dataclasses.replace(plan.clauses[0], text=changed)
        plan = dataclasses.replace(plan, clauses=(first, *plan.clauses[1:]))
    text = plan_to_yaml(plan)
    try:
        parse_plan(text, "x.yaml")
    except PlanFileError as err:
        (problem,) = err.problems
    else:
        raise AssertionError("a hidden character was accepted")
    assert f"'{field}' holds U+{ord(char):04X}" in problem.message
    # The position is that of the character, or of the escape YAML wrote it with.
    line = text.splitlines()[problem.location.line - 1]
    written = line[problem.location.column - 1 :]
    assert written.startswith(char) or written.startswith("\\"), (line, problem)


@pytest.mark.parametrize("allowed", ["\u200c", "\u200d", "\t"])
def test_loader_allows_joiners_and_tabs(allowed: str) -> None:
    plan = dataclasses.replace(EXAMPLE, title=f"a{allowed}b")
    assert parse_plan(plan_to_yaml(plan), "x.yaml").title == f"a{allowed}b"


# -- the shape and look of the output ----------------------------------------------------------

EXAMPLE = Plan(
    id="example-v2",
    title="Example agreement, second draft",
    date="2025-12-01",
    status="draft",
    completeness="full",
    expected_clauses=2,
    language="en",
    follows=("example-v1",),
    version="1.10",
    sources=(
        Source(
            url="https://example.org/drafts/v2",
            title="Second draft as circulated",
            accessed="2025-12-02",
        ),
    ),
    clauses=(
        Clause(
            id="1",
            number="1",
            text="The parties confirm the sovereignty of both states.",
            topics=("sovereignty", "territory"),
        ),
        Clause(
            id="2",
            number="2",
            title="Forces",
            text="First paragraph.\n\nSecond: no more than 800,000.",
            status="uncertain",
            same_as=ClauseRef("example-v1", "3"),
            clauses=(Clause(id="2.a", text="no"),),
        ),
    ),
)

EXAMPLE_YAML = """\
id: example-v2
title: Example agreement, second draft
date: 2025-12-01
status: draft
version: "1.10"
language: en
follows: example-v1
completeness: full
expected_clauses: 2
sources:
  - url: https://example.org/drafts/v2
    title: Second draft as circulated
    accessed: 2025-12-02
clauses:
  - id: "1"
    number: "1"
    text: The parties confirm the sovereignty of both states.
    topics: [sovereignty, territory]

  - id: "2"
    number: "2"
    title: Forces
    text: |-
      First paragraph.

      Second: no more than 800,000.
    status: uncertain
    same_as: "example-v1#3"
    clauses:
      - id: "2.a"
        text: "no"
"""


def test_example_yaml_exactly() -> None:
    assert plan_to_yaml(EXAMPLE) == EXAMPLE_YAML
    assert parse_plan(EXAMPLE_YAML, "example.yaml") == EXAMPLE


def test_dict_keys_follow_the_format_order() -> None:
    full_clause = Clause(
        id="c",
        text="t",
        number="n",
        title="ti",
        topics=("nuclear",),
        status="uncertain",
        sources=(Source(url="https://a.org", title="x", publisher="p", date="2025", note="n"),),
        notes="no",
        same_as=ClauseRef("p", "1"),
        derived_from=(ClauseRef("p", "2"),),
        clauses=(Clause(id="d", text="u"),),
    )
    plan = Plan(
        id="x",
        title="t",
        date="2025",
        status="draft",
        completeness="partial",
        sources=(Source(url="https://a.org"),),
        clauses=(full_clause,),
        version="v",
        parties=("a",),
        language="en",
        follows=("a", "b"),
        standalone=True,
        expected_clauses=3,
        notes="n",
        dropped=(Dropped(ClauseRef("a", "9"), Source(url="https://b.org"), "gone"),),
    )
    data = plan_to_dict(plan)
    assert list(data) == [key.name for key in PLAN_KEYS]
    clause = data["clauses"][0]  # type: ignore[index]
    assert list(clause) == [key.name for key in CLAUSE_KEYS]
    assert list(clause["sources"][0]) == ["url", "title", "publisher", "date", "note"]
    assert data["follows"] == ["a", "b"]
    assert clause["same_as"] == "p#1"
    assert clause["derived_from"] == ["p#2"]
    assert data["dropped"] == [
        {"clause": "a#9", "source": {"url": "https://b.org"}, "note": "gone"}
    ]


def test_empty_and_default_fields_are_left_out() -> None:
    plan = Plan(
        id="x",
        title="t",
        date="2025",
        status="draft",
        completeness="partial",
        sources=(),
        clauses=(Clause(id="1", text=None, status="unknown"), Clause(id="2", text="t")),
    )
    assert plan_to_dict(plan) == {
        "id": "x",
        "title": "t",
        "date": "2025",
        "status": "draft",
        "completeness": "partial",
        "clauses": [{"id": "1", "status": "unknown"}, {"id": "2", "text": "t"}],
    }


def test_shared_values_are_written_out_not_aliased() -> None:
    source = Source(url="https://example.org/same", title="Same")
    clause = Clause(id="1", text="t", sources=(source,))
    plan = Plan(
        id="x",
        title="t",
        date="2025-01-01",
        status="draft",
        completeness="full",
        sources=(source, source),
        clauses=(clause, Clause(id="2", text="t", sources=(source,))),
    )
    text = plan_to_yaml(plan)
    assert "&" not in text and "*" not in text
    assert text.count("url: https://example.org/same") == 4


def test_blank_line_between_clauses_never_joins_a_text() -> None:
    # A text ending in blank lines would need a "keep" block scalar (|+), which would swallow
    # the blank line written between top-level clauses.
    for ending in ("\n", "\n\n", "\n\n\n", "\n \n"):
        plan = Plan(
            id="x",
            title="t",
            date="2025-01-01",
            status="draft",
            completeness="full",
            sources=(),
            clauses=(Clause(id="1", text="a\nb" + ending), Clause(id="2", text="c\n\nd")),
        )
        text = plan_to_yaml(plan)
        assert yaml.safe_load(text)["clauses"][0]["text"] == "a\nb" + ending
        assert '\n\n  - id: "2"' in text


def test_dates_are_plain_only_when_they_are_real_days() -> None:
    def dated(date: str) -> str:
        plan = Plan(
            id="x",
            title="t",
            date=date,
            status="draft",
            completeness="full",
            sources=(),
            clauses=(),
        )
        return plan_to_yaml(plan).splitlines()[2]

    assert dated("2025-12-01") == "date: 2025-12-01"
    assert dated("2025-12") == 'date: "2025-12"'
    assert dated("2025") == 'date: "2025"'
    assert dated("2025-02-30") == 'date: "2025-02-30"'


def test_reads_as_non_string() -> None:
    for value in ("no", "1.10", "007", "08", "y", "~", "null", "1e3", "2025-01-01", ".inf", "<<"):
        assert reads_as_non_string(value), value
    for value in ("x", "1.10a", "1-2", "Point 5", "§ 5", "10.a", "5~2", "no way"):
        assert not reads_as_non_string(value), value


def test_plan_yaml_stays_readable_for_unicode_and_long_text() -> None:
    long_text = "Вода " * 100
    plan = Plan(
        id="x",
        title="Übereinkommen — 中文",
        date="2025-01-01",
        status="draft",
        completeness="full",
        sources=(),
        clauses=(Clause(id="1", text=long_text.strip()),),
    )
    text = plan_to_yaml(plan)
    assert "title: Übereinkommen — 中文\n" in text
    assert f"    text: {long_text.strip()}\n" in text  # one line, never folded
