"""`indented_json` writes the text `json.dumps(data, ensure_ascii=False, indent=2)` gives."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
from conftest import PLANS, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from planlens.cli.indented_json import indented_json
from planlens.cli.options import json_text
from planlens.compare import compare, diff_to_data
from planlens.plan.load import load_plans


class Level(enum.IntEnum):
    HIGH = 2


def cycle() -> list[Any]:
    looped: list[Any] = []
    looped.append(looped)
    return looped


#: Plain data, and data with what the writer leaves to `json.dumps` (subclasses of its types,
#: keys that are not strings, NaN and infinities, a cycle, an object JSON cannot write).
DATA: list[Any] = [
    {},
    [],
    (),
    "",
    None,
    True,
    0,
    -17,
    10**30,
    1.5,
    -0.0,
    1e300,
    'a "quote" \\ \n\t\x00\x1b \u202e \ud800 ß € 𝄞',
    {"a": [1, 2.5, "x"], "b": {}, "c": [], "d": None, "e": [[[]]], "f": ({"g": False},)},
    [{"k": {"l": [None, True, {"m": "n"}]}}],
    {1: "int key"},
    {None: 1, 2.5: 2, True: 3},
    {"nan": float("nan")},
    [float("inf"), float("-inf")],
    [Level.HIGH],
    {"markup": Markup("<b>x</b>")},
    {Markup("key"): 1},
    [True, False, 1, 0],
]


@pytest.mark.parametrize("data", DATA, ids=range(len(DATA)))
def test_the_text_is_json_dumps_text(data: Any) -> None:
    assert indented_json(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_what_json_dumps_refuses_it_refuses_alike() -> None:
    for data in ({"set": {1}}, {(1, 2): "tuple key"}):
        with pytest.raises(TypeError):
            json.dumps(data, ensure_ascii=False, indent=2)
        with pytest.raises(TypeError):
            indented_json(data)
    with pytest.raises(ValueError, match="Circular reference"):
        indented_json(cycle())


JSON_DATA = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=4)
    ),
    max_leaves=30,
)


@fuzz_settings(300)
@given(JSON_DATA)
def test_any_json_data_gives_json_dumps_text(data: Any) -> None:
    assert indented_json(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_a_diffs_json_is_as_before() -> None:
    plans = {plan.id: plan for plan in load_plans([PLANS], closed=True)}
    data = diff_to_data(compare(plans["us-28"], plans["framework-20"]))
    assert json_text(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
