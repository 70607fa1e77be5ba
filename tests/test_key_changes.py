"""Key changes in plain words: one sentence per figure, deadline, condition, modality, point
dropped or added, each naming the clauses it is about; the shipped plans' headline changes."""

from __future__ import annotations

import pytest
from conftest import PLANS
from test_compare import clause, plan

from planlens.compare import compare
from planlens.compare.key_changes import KEY_KINDS, KeyChange, key_changes
from planlens.plan import load_plans
from planlens.plan.model import ClauseRef, Dropped, Source


def texts(changes: tuple[KeyChange, ...], kind: str | None = None) -> list[str]:
    return [k.text for k in changes if kind is None or k.kind == kind]


@pytest.mark.parametrize(
    ("old", "new", "sentence"),
    [
        ("capped at 600,000 troops.", "capped at 800,000 troops.", "rises from 600,000 to 800,000"),
        ("capped at 800,000 troops.", "capped at 600,000 troops.", "falls from 800,000 to 600,000"),
        ("a fund of US$100 billion.", "a fund of 50 km.", "changes from US$100 billion to 50 km"),
        ("a term of 30 years for it.", "a term for it.", "the figure 30 years is gone"),
        ("a term for it.", "a term of 10 years for it.", "a new figure, 10 years"),
    ],
)
def test_figures_are_told_with_their_direction(old: str, new: str, sentence: str) -> None:
    a = plan("a", clause("1", "Ukraine's armed forces are " + old, topics=("armed-forces",)))
    b = plan("b", clause("1", "Ukraine's armed forces are " + new, topics=("armed-forces",)))
    told = texts(key_changes(compare(a, b)), "figure")
    assert told == [f"Point 1 (armed forces): {sentence}."]


def test_the_number_of_a_deadline_is_told_as_its_timing() -> None:
    # "within 100 days" is a deadline: its number is no figure of its own (see substance).
    a = plan("a", clause("1", "Elections are held within 100 days."))
    b = plan("b", clause("1", "Elections are held within 30 days."))
    changes = key_changes(compare(a, b))
    assert texts(changes, "figure") == []
    assert texts(changes, "deadline") == [
        "Point 1: the timing “within 100 days” becomes “within 30 days”."
    ]


def test_deadlines_conditions_and_modality_are_told_changed_added_or_removed() -> None:
    a = plan(
        "a",
        clause("1", "Elections will be held within 100 days."),
        clause("2", "The army is capped at 600,000 troops."),
        clause("3", "The parties shall exchange all prisoners."),
    )
    b = plan(
        "b",
        clause("1", "Elections will be held as soon as possible."),
        clause("2", "The army is capped at 600,000 troops in peacetime."),
        clause("3", "The parties may exchange all prisoners."),
    )
    changes = key_changes(compare(a, b))
    assert texts(changes, "deadline") == [
        "Point 1: the timing “within 100 days” becomes “as soon as possible”."
    ]
    assert texts(changes, "condition") == ["Point 2: condition added, “in peacetime”."]
    # shall -> must would be one force (an obligation), no change of modality.
    assert texts(changes, "modality") == ["Point 3: “shall” becomes “may”."]
    # Kinds come in a fixed order: figures, deadlines, conditions, modality, dropped, added.
    kinds = [k.kind for k in changes]
    assert kinds == sorted(kinds, key=KEY_KINDS.index)


def test_a_dropped_point_is_told_once_with_the_report_that_says_so() -> None:
    source = Source(
        url="https://example.org/report", title="Amnesty gone", publisher="Example", date="2025-11"
    )
    old = plan(
        "a",
        clause("1", "A ceasefire takes effect at once."),
        clause(
            "2",
            "Frozen funds are used as follows.",
            clause("2.a", "One hundred billion goes to a reconstruction fund run by the US."),
        ),
        clause("3", "Every party to this conflict is granted a full amnesty for its acts."),
    )
    middle = plan(
        "m",
        clause("1", "A ceasefire takes effect at once."),
        follows=("a",),
        dropped=(Dropped(ClauseRef("a", "3"), source),),
    )
    new = plan("b", clause("1", "A ceasefire takes effect at once."), follows=("m",))
    changes = key_changes(compare(old, new, corpus=[old, middle, new]), [old, middle, new])
    dropped = [k for k in changes if k.kind == "dropped"]
    # Point 2 and its point 2.a are one sentence: the parent's.
    assert [k.old_ids for k in dropped] == [("2",), ("3",)]
    assert dropped[0].text == "Point 2 is dropped: “Frozen funds are used as follows”."
    assert dropped[1].text == (
        "Point 3 is dropped: “Every party to this conflict is granted a full amnesty for its…” "
        "(reported removed in m; Example, 2025-11)."
    )
    assert (dropped[1].version, dropped[1].source_url) == ("m", "https://example.org/report")
    # Without the version between, nobody reports it.
    alone = [k for k in key_changes(compare(old, new)) if k.kind == "dropped"]
    assert alone[1].version is None and "reported" not in alone[1].text


def test_an_added_point_and_a_law_section_are_named_as_they_are() -> None:
    old = plan("a", clause("§ 1", "Dieses Gesetz gilt für Verträge."))
    new = plan(
        "b",
        clause("§ 1", "Dieses Gesetz gilt für Verträge."),
        clause("§ 2", "Die Bundesnetzagentur überwacht die Einhaltung dieses Gesetzes."),
    )
    assert texts(key_changes(compare(old, new))) == [
        "§ 2 is new: “Die Bundesnetzagentur überwacht die Einhaltung dieses Gesetzes”."
    ]


def test_nothing_changed_tells_nothing() -> None:
    a = plan("a", clause("1", "The army is capped at 600,000 troops."))
    assert key_changes(compare(a, a)) == ()


def test_the_28_point_plan_against_the_20_point_framework() -> None:
    plans = {p.id: p for p in load_plans([PLANS])}
    diff = compare(plans["us-28"], plans["framework-20"], corpus=plans.values())
    changes = key_changes(diff, plans.values())
    assert "Point 6 → 4 (armed forces): rises from 600,000 to 800,000." in texts(changes)
    amnesty = [k for k in changes if k.kind == "dropped" and k.old_ids == ("26",)]
    assert len(amnesty) == 1
    assert amnesty[0].version == "geneva-19" and amnesty[0].source_url
    assert "amnesty" in amnesty[0].text
