"""Importing real document structure (issue 13): nested Markdown lists, sections, preamble."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planlens.compare import compare
from planlens.importers import import_text
from planlens.importers.blocks import split_blocks, text_lines
from planlens.importers.lists import nest_lists
from planlens.plan.load import parse_plan
from planlens.plan.model import Plan
from planlens.plan.serialize import plan_to_yaml


def imported(text: str, plan_id: str = "doc") -> Plan:
    return import_text(text, plan_id=plan_id, title="Doc", date="2025-12-01")


def tree(plan: Plan) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(c.id, c.number, c.title, c.text) for c in plan.walk()]


def round_trips(plan: Plan) -> None:
    assert parse_plan(plan_to_yaml(plan), "x.yaml") == plan


# Common Paper's Professional Services Agreement, shortened: sub-lists restart at 1. and a.
NESTED = """# Professional Services Agreement
1. Services
    1. Providing Services.  Provider will perform the Services.
    2. Cooperation.  Customer will cooperate.
2. Intellectual Property
    1. Deliverables.  Provider assigns the Deliverables.
    2. Third-Party Materials.
        a. Provider may incorporate them.
        b. Customer is responsible for its own.
    3. Feedback.  Customer may give Feedback.
"""


def test_nested_markdown_lists_become_nested_clauses() -> None:
    plan = imported(NESTED)
    assert tree(plan) == [
        ("preamble", None, None, "Professional Services Agreement"),
        ("1", "1", "Services", "Services"),
        ("1.1", "1.1", None, "Providing Services.  Provider will perform the Services."),
        ("1.2", "1.2", None, "Cooperation.  Customer will cooperate."),
        ("2", "2", "Intellectual Property", "Intellectual Property"),
        ("2.1", "2.1", None, "Deliverables.  Provider assigns the Deliverables."),
        ("2.2", "2.2", "Third-Party Materials", "Third-Party Materials"),
        ("2.2.a", "2.2.a", None, "Provider may incorporate them."),
        ("2.2.b", "2.2.b", None, "Customer is responsible for its own."),
        ("2.3", "2.3", None, "Feedback.  Customer may give Feedback."),
    ]
    assert plan.notes is None
    round_trips(plan)


def test_numbered_sub_lists_nest_to_any_depth() -> None:
    text = "1. A\n    1. A one\n        1. A one one\n    2. A two\n2. B\n    1. B one\n"
    assert [c.id for c in imported(text).walk()] == ["1", "1.1", "1.1.1", "1.2", "2", "2.1"]


def test_one_sub_list_is_enough_and_the_list_around_it_goes_on() -> None:
    # Without a blank line, the 2. at the outer indentation ends the sub-list's last item.
    plan = imported("1. A\n    1. sub one\n    2. sub two\n2. B\n3. C\n")
    assert [(c.id, c.text) for c in plan.walk()] == [
        ("1", "A"),
        ("1.1", "sub one"),
        ("1.2", "sub two"),
        ("2", "B"),
        ("3", "C"),
    ]


def test_an_item_that_repeats_its_number_and_an_item_that_is_a_heading() -> None:
    # Common Paper's newer agreements: `1. ## Service`, then `1. 1.1. Access and Use.`.
    newer = "1. ## Service\n    1. 1.1. Access and Use.  Customer may use it.\n"
    newer += "    2. 1.2. Support.  Provider will help.\n2. ## Fees\n    1. 2.1. Fees.  Pay.\n"
    # Their older agreements write the same numbers without the inner list markers.
    older = "1. ## Service\n\n    1.1 Access and Use.  Customer may use it.\n\n"
    older += "    1.2 Support.  Provider will help.\n\n2. ## Fees\n\n    2.1 Fees.  Pay.\n"
    expected = [
        ("1", "Service", "Service"),
        ("1.1", None, "Access and Use.  Customer may use it."),
        ("1.2", None, "Support.  Provider will help."),
        ("2", "Fees", "Fees"),
        ("2.1", None, "Fees.  Pay."),
    ]
    for text in (newer, older):
        assert [(c.id, c.title, c.text) for c in imported(text).walk()] == expected


def test_a_dotted_label_may_be_followed_by_bold_text() -> None:
    text = '15. Definitions\n\n    15.1 **"Affiliate"** means a company.\n\n'
    text += '    15.2 **"Agreement"** means this.\n\n16. End\n'
    plan = imported(text)
    assert [c.id for c in plan.walk()] == ["15", "15.1", "15.2", "16"]
    assert plan.clause_index()["15.1"].text == '**"Affiliate"** means a company.'


def test_lists_of_other_styles_are_left_to_the_labels() -> None:
    # CC0-1.0 right-aligns its roman numerals: their indentation says nothing about nesting.
    text = "1. Rights.\n\n  i. one;\n\n ii. two;\n\niii. three.\n\n2. Waiver.\n"
    blocks = split_blocks(text_lines(text))
    assert not nest_lists(blocks)
    assert [c.id for c in imported(text).walk()] == ["1", "1.i", "1.ii", "1.iii", "2"]


SECTIONS = """# Services Agreement

This Agreement is made between Provider and Customer.

## Definitions

1. "Agreement" means this document.
2. "Services" means the work.

## Services

The Provider promises:

1. Provider will perform the Services.
    a. on time;
    b. with care.
2. Customer will pay.

These duties survive.

## 3. Term

1. It starts today.
2. It ends next year.
"""


def test_headed_sections_whose_lists_restart_stay_sections() -> None:
    plan = imported(SECTIONS)
    assert tree(plan) == [
        (
            "preamble",
            None,
            None,
            "Services Agreement\n\nThis Agreement is made between Provider and Customer.",
        ),
        ("1", None, "Definitions", "Definitions"),
        ("1.1", "1.1", None, '"Agreement" means this document.'),
        ("1.2", "1.2", None, '"Services" means the work.'),
        ("2", None, "Services", "The Provider promises:"),
        ("2.1", "2.1", None, "Provider will perform the Services."),
        ("2.1.a", "2.1.a", None, "on time;"),
        ("2.1.b", "2.1.b", None, "with care."),
        ("2.2", "2.2", None, "Customer will pay."),
        ("2.after", None, None, "These duties survive."),
        ("3", "3", "Term", "Term"),
        ("3.1", "3.1", None, "It starts today."),
        ("3.2", "3.2", None, "It ends next year."),
    ]
    round_trips(plan)


def test_headings_with_word_labels_are_not_sections() -> None:
    # A law's § headings keep their lists as text, as before.
    text = "## § 1 Eins\n\n1. erstens;\n2. zweitens.\n\n## § 2 Zwei\n\n1. drittens.\n"
    plan = imported(text)
    assert [c.id for c in plan.walk()] == ["1", "2"]
    assert plan.clauses[0].text == "1. erstens;\n\n2. zweitens."


# The German laws' Markdown (bundestag/gesetze): an official note is a footnote, and the
# title of a section that carries one stands before its heading, after the reference.
LAW_WITH_FOOTNOTES = """\
###### § 1 Eins

(1) Der Schuldner leistet binnen 30 Tagen.

[^N1]
Anwendung anderer Vorschriften

###### § 2

Die Vorschriften über den Kauf gelten entsprechend.

[^N1]:     **Amtlicher Hinweis:**              Diese Vorschrift dient der
    Umsetzung der Richtlinie 1999/44/EG.

[^N2]
Zweiter Teil

##### Untertitel 2 -

[^N2]:     **Amtlicher Hinweis:**    Dieser Untertitel setzt eine Richtlinie um.

###### § 3 Drei

Text drei.
"""


def test_footnotes_leave_the_clauses_and_titles_go_back_to_their_headings() -> None:
    plan = imported(LAW_WITH_FOOTNOTES)
    assert [c.id for c in plan.walk()] == ["1", "2", "3"]
    one, two, three = plan.clauses
    assert one.text == "(1) Der Schuldner leistet binnen 30 Tagen."
    assert two.title == "Anwendung anderer Vorschriften"
    assert two.text == "Die Vorschriften über den Kauf gelten entsprechend."
    assert three.text == "Text drei."
    # Nothing is lost: the plan's notes keep the footnotes, the part's heading its title.
    assert plan.notes is not None
    assert (
        "- Amtlicher Hinweis: Diese Vorschrift dient der Umsetzung der Richtlinie 1999/44/EG."
        in (plan.notes)
    )
    assert "- Amtlicher Hinweis: Dieser Untertitel setzt eine Richtlinie um." in plan.notes
    assert three.notes == "Headings before this clause: Untertitel 2 - Zweiter Teil"
    assert "[^" not in plan.notes + "".join(c.text or "" for c in plan.walk())
    round_trips(plan)


def test_a_footnote_reference_before_a_titled_heading_takes_nothing_into_it() -> None:
    text = "## § 1 Eins\n\n[^a]\nText eins.\n\n## § 2 Zwei\n\nText zwei.\n"
    plan = imported(text)
    assert [(c.title, c.text) for c in plan.clauses] == [
        ("Eins", "Text eins."),
        ("Zwei", "Text zwei."),
    ]


def test_a_number_that_closes_a_wrapped_parenthesis_starts_no_item() -> None:
    # StGB 2012 § 179 (2): "(Absatz" / "1) dadurch ..." is a reference wrapped in two.
    text = (
        "## § 1 Eins\n\n"
        "(1) Wer eine Person zu einer Handlung bestimmt, wird bestraft.\n\n"
        "(2) Ebenso wird bestraft, wer eine solche Person (Absatz\n"
        "1) dadurch bestimmt, dass er sie unter Ausnutzung\n"
        "der Lage dazu bringt.\n\n## § 2 Zwei\n\nText zwei.\n"
    )
    plan = imported(text)
    assert plan.clauses[0].text is not None
    assert "Person (Absatz 1) dadurch bestimmt, dass" in plan.clauses[0].text
    # A "1)" after a closed parenthesis still starts a list.
    listed = imported(
        "## § 1 Eins\n\nDie Stelle (Behörde) prüft:\n1) den Antrag,\n2) die Frist.\n\n"
        "## § 2 Zwei\n\nText zwei.\n"
    )
    assert (
        listed.clauses[0].text == "Die Stelle (Behörde) prüft:\n\n1) den Antrag,\n\n2) die Frist."
    )


def test_a_word_wrapped_at_its_hyphen_is_joined_without_a_space() -> None:
    text = (
        "## § 1 Eins\n\n"
        "Die Regel gilt für ein Sonderverhältnis, auch ein öffentlich-\n"
        "rechtliches Verhältnis nach dem Anti-Doping-Gesetz oder dem MAD-\n"
        "Gesetz, und für alle Verträge über Leistungen der Bau-\n"
        "und Werkverträge nach diesem Titel, auch bei der Ein-\n"
        "oder Ausfuhr.\n\n## § 2 Zwei\n\nText zwei.\n"
    )
    assert imported(text).clauses[0].text == (
        "Die Regel gilt für ein Sonderverhältnis, auch ein öffentlich-rechtliches Verhältnis "
        "nach dem Anti-Doping-Gesetz oder dem MAD-Gesetz, und für alle Verträge über "
        "Leistungen der Bau- und Werkverträge nach diesem Titel, auch bei der Ein- oder Ausfuhr."
    )


def test_an_empty_bullet_before_a_nested_list_leaves_no_text() -> None:
    text = (
        "## § 1 Eins\n\nWer\n\n1.  eine Waffe verwendet oder\n\n2.  das Opfer\n\n"
        "    *\n        a)  schwer misshandelt oder\n\n        b)  gefährdet.\n\n"
        "## § 2 Zwei\n\nText zwei.\n"
    )
    body = imported(text).clauses[0].text or ""
    assert "*" not in body
    assert "a)  schwer misshandelt oder" in body


def test_the_preamble_is_compared_like_any_clause() -> None:
    old = imported("We, the parties, recall the accords of 2014.\n\n1. Peace.\n\n2. Trade.\n", "a")
    new = imported("We, the parties, recall the accords of 2015.\n\n1. Peace.\n\n2. Trade.\n", "b")
    diff = compare(old, new)
    change = next(c for c in diff.walk() if c.old == ("preamble",))
    assert change.new == ("preamble",)
    assert change.relation == "modified"  # a date changed
    round_trips(old)


@st.composite
def outlines(draw: st.DrawFn) -> list[tuple[str, int]]:
    """A numbered outline: (path, depth) for every item, each sub-list restarting at 1."""
    items: list[tuple[str, int]] = []

    def level(prefix: str, depth: int) -> None:
        for n in range(1, draw(st.integers(1, 3)) + 1):
            path = f"{prefix}{n}"
            items.append((path, depth))
            if depth < 2 and draw(st.booleans()):
                level(path + ".", depth + 1)

    level("", 0)
    return items


@settings(max_examples=60, deadline=None)
@given(outlines(), st.sampled_from([2, 3, 4]), st.booleans())
def test_any_nested_numbered_list_gives_its_outline(
    items: list[tuple[str, int]], width: int, gaps: bool
) -> None:
    lines = [
        f"{' ' * (width * depth)}{path.rsplit('.', 1)[-1]}. Point {path} says something."
        for path, depth in items
    ]
    plan = imported(("\n\n" if gaps else "\n").join(lines) + "\n")
    if any(depth for _, depth in items):
        assert [(c.id, c.text) for c in plan.walk()] == [
            (path, f"Point {path} says something.") for path, _ in items
        ]
    round_trips(plan)
