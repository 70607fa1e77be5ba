"""Importing plain text and Markdown into plan skeletons: numbering styles, nesting, corpora."""

from __future__ import annotations

import io
import os
import random
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import shared_path, unavailable
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planlens.cli import cli
from planlens.errors import PlanFileError, PlanlensError
from planlens.importers import PLACEHOLDER_SOURCE, import_file, import_text, parse_label
from planlens.importers.registry import sniff
from planlens.plan.check_text import hidden_in
from planlens.plan.load import parse_plan, read_plan_text
from planlens.plan.model import Clause, Plan, Source
from planlens.plan.schema import MAX_PLAN_BYTES
from planlens.plan.serialize import plan_to_dict, plan_to_yaml

COMMON_LICENSES = Path("/usr/share/common-licenses")


def imported(text: str, **kwargs: str) -> Plan:
    options = {"plan_id": "doc", "title": "Doc", "date": "2025-12-01", **kwargs}
    return import_text(text, **options)


def ids(clauses: tuple[Clause, ...]) -> list[str]:
    return [clause.id for clause in clauses]


def numbered(plan: Plan) -> tuple[Clause, ...]:
    """Return the plan's top-level clauses but the unnumbered ones: the `preamble` (the text
    before the first one) and `after-N` (text between clauses or after the last one)."""
    return tuple(c for c in plan.clauses if c.id != "preamble" and not c.id.startswith("after-"))


def text_after(plan: Plan) -> list[tuple[str, str | None, str | None]]:
    """Return the (id, title, text) of the plan's unnumbered clauses of text after a clause."""
    return [(c.id, c.title, c.text) for c in plan.clauses if c.id.startswith("after-")]


def preamble_text(plan: Plan) -> str:
    """Return the text of the plan's `preamble` clause, which must be its first."""
    assert plan.clauses[0].id == "preamble"
    assert plan.clauses[0].number is None
    return plan.clauses[0].text or ""


def all_ids(plan: Plan) -> list[str]:
    return [clause.id for clause in plan.walk()]


def strings_of(value: object) -> list[str]:
    """Return every string in plain data (a plan as `plan_to_dict` gives it)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [s for item in value for s in strings_of(item)]
    return []


def round_trips(plan: Plan) -> None:
    """Assert that the plan survives YAML and the loader unchanged (and so is valid)."""
    assert parse_plan(plan_to_yaml(plan), "x.yaml") == plan


# -- numbering styles -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_ids", "expected_numbers"),
    [
        ("1. One.\n2. Two.\n3. Three.\n", ["1", "2", "3"], ["1", "2", "3"]),
        ("1) One.\n2) Two.\n", ["1", "2"], ["1)", "2)"]),
        ("(1) One.\n\n(2) Two.\n", ["1", "2"], ["(1)", "(2)"]),
        ("Point 1: One.\n\nPoint 2: Two.\n", ["1", "2"], ["Point 1", "Point 2"]),
        ("§ 1 Erstens gilt.\n\n§ 2 Zweitens gilt.\n", ["1", "2"], ["§ 1", "§ 2"]),
        ("Art. 1 First.\n\nArt. 2 Second.\n", ["1", "2"], ["Art. 1", "Art. 2"]),
        ("Article 1 - First.\n\nArticle 2 - Second.\n", ["1", "2"], ["Article 1", "Article 2"]),
        ("Section 1 – Scope.\n\nSection 2 – Terms.\n", ["1", "2"], ["Section 1", "Section 2"]),
        ("a) One.\nb) Two.\n", ["a", "b"], ["a)", "b)"]),
        ("I. One.\n\nII. Two.\n\nIII. Three.\n", ["I", "II", "III"], ["I.", "II.", "III."]),
    ],
)
def test_numbering_styles(text: str, expected_ids: list[str], expected_numbers: list[str]) -> None:
    plan = imported(text)
    assert ids(plan.clauses) == expected_ids
    assert [c.number for c in plan.clauses] == expected_numbers
    assert plan.expected_clauses == len(expected_ids)
    # The label is the number, not part of the text.
    assert not any(c.text and c.text.startswith(tuple(expected_numbers)) for c in plan.clauses)
    round_trips(plan)


def test_plain_points_keep_text_and_preamble() -> None:
    plan = imported("Draft agreement\n\n1. The parties agree.\n\n2. The war ends.\n", title="")
    # The text before the first point is a clause of its own, which comparisons include.
    assert ids(plan.clauses) == ["preamble", "1", "2"]
    assert preamble_text(plan) == "Draft agreement"
    assert [c.text for c in numbered(plan)] == ["The parties agree.", "The war ends."]
    assert plan.title == "Draft agreement"
    assert plan.notes is None
    assert plan.clauses[1].notes is None
    # The plan format counts every top-level clause, the preamble too.
    assert plan.expected_clauses == 3
    round_trips(plan)


def test_plan_skeleton_fields() -> None:
    plan = imported("1. One.\n", language="en")
    assert (plan.id, plan.title, plan.date, plan.status, plan.completeness) == (
        "doc",
        "Doc",
        "2025-12-01",
        "draft",
        "full",
    )
    assert plan.language == "en"
    assert plan.sources == (PLACEHOLDER_SOURCE,)
    assert PLACEHOLDER_SOURCE.url == "https://example.org/REPLACE-ME"
    given = imported("1. One.\n", source_url="https://example.org/draft")
    assert given.sources == (Source(url="https://example.org/draft"),)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"plan_id": "Not A Slug"}, "plan id 'Not A Slug' is not a slug"),
        ({"date": "1.12.2025"}, "date '1.12.2025' is not an ISO date"),
        ({"source_url": "ftp://x.org/a"}, "source url 'ftp://x.org/a' must be an http"),
    ],
)
def test_bad_arguments_are_refused(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(PlanlensError, match=re.escape(message)):
        imported("1. One.\n", **kwargs)


def test_blank_text_is_refused() -> None:
    with pytest.raises(PlanlensError, match="no text to import"):
        imported(" \n\n\t\n")


def test_empty_date_is_left_for_the_user() -> None:
    assert imported("1. One.\n", date="").date == ""


# -- nesting ----------------------------------------------------------------------------------


def test_lettered_items_nest_under_the_current_point() -> None:
    text = "9. Nine.\n\n10. Ten:\n\n(a) first;\n\n(b) second.\n\n11. Eleven.\n"
    plan = imported(text)
    assert ids(plan.clauses) == ["9", "10", "11"]
    ten = plan.clauses[1]
    assert ten.text == "Ten:"
    assert ids(ten.clauses) == ["10.a", "10.b"]
    assert [c.number for c in ten.clauses] == ["10.a", "10.b"]
    assert [c.text for c in ten.clauses] == ["first;", "second."]
    round_trips(plan)


def test_unparenthesised_letters_and_roman_numerals_nest_deeper() -> None:
    text = (
        "1. One:\n   a) first:\n      (i) one;\n      (ii) two;\n   b) second.\n"
        "2. Two:\n   a) only.\n"
    )
    plan = imported(text)
    assert all_ids(plan) == ["1", "1.a", "1.a.i", "1.a.ii", "1.b", "2", "2.a"]


def test_letter_i_after_h_is_a_letter_and_after_e_a_numeral() -> None:
    letters = "\n".join(f"{c}) item {c}." for c in "abcdefghij")
    plan = imported(f"1. Letters:\n{letters}\n2. Mixed:\n\ne) five;\n\ni) roman one;\n\nii) two.\n")
    assert ids(plan.clauses[0].clauses) == [f"1.{c}" for c in "abcdefghij"]
    assert all_ids(plan)[-4:] == ["2", "2.e", "2.e.i", "2.e.ii"]


def test_dotted_sections_nest_by_depth() -> None:
    text = (
        "1. Definitions.\n\n1.1. First term.\n\n1.1.1. A detail.\n\n1.2. Second term.\n\n"
        "2. Grants.\n\n2.1. The grant.\n"
    )
    plan = imported(text)
    assert ids(plan.clauses) == ["1", "2"]
    assert plan.clauses[0].title == "Definitions"
    assert all_ids(plan) == ["1", "1.1", "1.1.1", "1.2", "2", "2.1"]
    assert [c.number for c in plan.walk()] == ["1", "1.1", "1.1.1", "1.2", "2", "2.1"]


def test_bullets_become_numbered_sub_items() -> None:
    plan = imported("14. Measures:\n- first measure\n- second measure\n15. Next.\n")
    assert all_ids(plan) == ["14", "14.1", "14.2", "15"]
    assert plan.clauses[0].clauses[1].text == "second measure"


def test_text_after_items_at_the_points_indentation_returns_to_the_point() -> None:
    text = (
        "  2. You may modify:\n\n    a) first condition;\n\n    b) second condition.\n\n"
        "These requirements apply to the whole.\n\n  3. Next.\n"
    )
    plan = imported(text)
    two = plan.clauses[0]
    # The paragraph comes after the items, so it is not in the point's text (which reads
    # before them) but in its unnumbered last sub-clause.
    assert two.text == "You may modify:"
    assert [(c.id, c.number, c.text) for c in two.clauses] == [
        ("2.a", "2.a", "first condition;"),
        ("2.b", "2.b", "second condition."),
        ("2.after", None, "These requirements apply to the whole."),
    ]
    round_trips(plan)


def test_title_line_after_the_number() -> None:
    plan = imported("0. Definitions.\n\nA term means a thing.\n\n1. Source Code.\n\nCode.\n")
    assert [(c.title, c.text) for c in plan.clauses] == [
        ("Definitions", "A term means a thing."),
        ("Source Code", "Code."),
    ]


def test_a_short_point_is_text_not_a_title() -> None:
    plan = imported("1. Peace Now\n\n2. The parties agree.\n\nMore on two.\n")
    assert [(c.title, c.text) for c in plan.clauses] == [
        (None, "Peace Now"),
        (None, "The parties agree.\n\nMore on two."),
    ]


# -- where paragraphs go ----------------------------------------------------------------------

#: Makes lines long enough that the text reads as one paragraph per line, not hard-wrapped.
FILL = "as the parties have agreed in writing, " * 4


def test_lines_after_a_colon_belong_to_the_item_that_introduces_them() -> None:
    # MPL-1.1 1.9: the corpus lost the A./B. letters and the indentation of the two items.
    text = (
        f"1. Definitions.\n\n     1.8. 'License' means this document, {FILL}in full.\n\n"
        f"     1.9. 'Modifications' means any change, {FILL}and a Modification is:\n"
        f"Any addition to or deletion from a file, {FILL}in any form.\n"
        f"Any new file that contains the code, {FILL}in any form.\n\n"
        f"     1.10. 'Original Code' means the code, {FILL}as released.\n\n"
        f"2. Grants.\n\nThe grant, {FILL}in full.\n"
    )
    plan = imported(text)
    index = plan.clause_index()
    assert all_ids(plan) == ["1", "1.8", "1.9", "1.10", "2"]
    assert index["1"].text == "Definitions"
    assert index["1.9"].text == (
        f"'Modifications' means any change, {FILL}and a Modification is:\n\n"
        f"Any addition to or deletion from a file, {FILL}in any form.\n\n"
        f"Any new file that contains the code, {FILL}in any form."
    )


def test_a_blank_line_ends_what_a_colon_introduced() -> None:
    text = (
        f"1. Definitions.\n\n     1.9. 'Modifications' means, {FILL}that a Modification is:\n"
        f"Any addition to a file, {FILL}in any form.\n\n"
        f"These definitions apply throughout, {FILL}in every section.\n\n2. Grants.\n"
    )
    plan = imported(text)
    assert all_ids(plan) == ["1", "1.9", "1.after", "2"]
    assert (plan.clause_index()["1.9"].text or "").endswith(
        f"Any addition to a file, {FILL}in any form."
    )
    assert (plan.clause_index()["1.after"].text or "").startswith("These definitions apply")


def test_text_after_a_nested_list_goes_to_the_clause_its_indentation_names() -> None:
    text = (
        "4. Conditions:\n\n   a) Attribution:\n\n      (i) keep the notice;\n\n"
        "      (ii) name the author.\n\n   These apply to copies.\n\n"
        "   b) Share alike.\n\nFor the avoidance of doubt, this section adds to the others.\n\n"
        "5. Next.\n"
    )
    plan = imported(text)
    index = plan.clause_index()
    assert all_ids(plan) == ["4", "4.a", "4.a.i", "4.a.ii", "4.a.after", "4.b", "4.after", "5"]
    assert index["4"].text == "Conditions:"
    assert index["4.a"].text == "Attribution:"
    assert index["4.a.after"].text == "These apply to copies."
    assert index["4.after"].text == "For the avoidance of doubt, this section adds to the others."
    assert [(index[i].number, index[i].title) for i in ("4.a.after", "4.after")] == [
        (None,) * 2
    ] * 2
    round_trips(plan)


def test_text_between_two_lists_keeps_its_place() -> None:
    text = (
        "3. Requirements:\n\n  a) one;\n\n  b) two.\n\nIn source form:\n\n  a) three.\n\n"
        "And in object code form:\n\n  a) four.\n\n4. Next.\n"
    )
    plan = imported(text)
    three = plan.clauses[0]
    assert [(c.id, c.text) for c in three.clauses] == [
        ("3.a", "one;"),
        ("3.b", "two."),
        ("3.after", "In source form:"),
        ("3.a~2", "three."),
        ("3.after~2", "And in object code form:"),
        ("3.a~3", "four."),
    ]


def test_a_paragraph_in_the_middle_of_a_list_stays_in_its_item() -> None:
    text = (
        "1. Terms:\n\n(a) first item.\n\nMore on the first item.\n\n(b) second item.\n\n2. Next.\n"
    )
    plan = imported(text)
    assert all_ids(plan) == ["1", "1.a", "1.b", "2"]
    assert plan.clauses[0].clauses[0].text == "first item.\n\nMore on the first item."


def test_an_item_that_is_only_a_title_keeps_the_text_under_it() -> None:
    text = (
        "1. Terms\n\n(a) Scope.\n\nThe scope is wide.\n\n(b) Term.\n\nIt lasts a year.\n\n"
        "2. Next.\n"
    )
    plan = imported(text)
    assert [(c.id, c.title, c.text) for c in plan.clauses[0].clauses] == [
        ("1.a", "Scope", "The scope is wide."),
        ("1.b", "Term", "It lasts a year."),
    ]


def test_without_indentation_case_tells_where_text_after_a_list_goes() -> None:
    # EPL-2.0 1: a lower-case paragraph finishes the sentence of the list's parent, a new
    # sentence is the top clause's again.
    text = (
        f"1. DEFINITIONS\n'Contribution' means:\n"
        f"a) in the case of the initial Contributor, {FILL}the initial content, and\n"
        f"b) in the case of each subsequent Contributor:\n"
        f"i) changes to the Program, {FILL}and\n"
        f"ii) additions to the Program, {FILL}as made;\n"
        f"where such changes originate from that Contributor, {FILL}alone.\n"
        f"'Contributor' means any person who distributes the Program, {FILL}alone.\n\n"
        f"'Program' means the Contributions, {FILL}together.\n\n"
        f"2. GRANT OF RIGHTS\na) Subject to this Agreement, {FILL}a licence.\n"
    )
    plan = imported(text)
    index = plan.clause_index()
    assert all_ids(plan) == [
        "1", "1.a", "1.b", "1.b.i", "1.b.ii", "1.b.after", "1.after", "2", "2.a"
    ]  # fmt: skip
    assert (index["1.b.ii"].text or "").endswith("as made;")
    assert (index["1.b.after"].text or "").startswith("where such changes")
    assert (index["1.after"].text or "").startswith("'Contributor' means")
    assert (index["1.after"].text or "").endswith(f"the Contributions, {FILL}together.")


def test_hard_wrapped_text_after_the_last_item_leaves_the_item() -> None:
    # EUPL-1.2 2, wrapped at about 120 columns: no blank line between the last item and the
    # text after the list, and the items' lines do not hang under their text.
    text = (
        "1.Definitions\nIn this Licence, the following terms have the following meaning:\n"
        "— 'The Licence': this Licence.\n"
        "— 'The Original Work': the work or software distributed or communicated by the Licensor"
        " under this Licence, available\nas Source Code and also as Executable Code.\n\n"
        "2.Scope of the rights granted by the Licence\n"
        "The Licensor hereby grants You a worldwide, royalty-free, non-exclusive, sublicensable"
        " licence to do the following, for\nthe duration of copyright vested in the Original"
        " Work:\n— use the Work in any circumstance and for all usage,\n"
        "— reproduce the Work,\n— sublicense rights in the Work or copies thereof.\n"
        "Those rights can be exercised on any media, supports and formats, whether now known or"
        " later invented, as far as the\napplicable law permits so.\n\n"
        "3.Communication of the Source Code\nThe Licensor may provide the Work either in its"
        " Source Code form, or as Executable Code. If the Work is provided as\nExecutable Code,"
        " the Licensor provides in addition a machine-readable copy of the Source Code.\n"
    )
    plan = imported(text)
    index = plan.clause_index()
    assert all_ids(plan) == ["1", "1.1", "1.2", "2", "2.1", "2.2", "2.3", "2.after", "3"]
    assert (index["1.2"].text or "").endswith("as Source Code and also as Executable Code.")
    assert index["2.3"].text == "sublicense rights in the Work or copies thereof."
    assert index["2.after"].text == (
        "Those rights can be exercised on any media, supports and formats, whether now known or"
        " later invented, as far as the applicable law permits so."
    )


def test_a_wrapped_item_with_a_hanging_indent_stays_whole() -> None:
    # CC-BY-3.0 3: the lines of an item hang under its text, so a line at the text's
    # indentation after a short one is still the item's, whatever it starts with.
    text = (
        "3. License Grant. Subject to the terms and conditions of this License,\n"
        "Licensor hereby grants You a worldwide, royalty-free, non-exclusive,\n"
        "perpetual license to exercise the rights in the Work as stated below:\n\n"
        " a. to Reproduce the Work.\n"
        "    Collections are included, and the Work as incorporated in them is\n"
        "    reproduced in the same way;\n"
        " b. to Distribute and Publicly Perform the Work including as incorporated\n"
        "    in Collections.\n\n4. Restrictions. The license granted in Section 3 above is\n"
        "expressly made subject to and limited by the following restrictions.\n"
    )
    plan = imported(text)
    assert all_ids(plan) == ["3", "3.a", "3.b", "4"]
    assert plan.clauses[0].clauses[0].text == (
        "to Reproduce the Work.\nCollections are included, and the Work as incorporated in "
        "them is reproduced in the same way;"
    )


def test_an_item_letter_run_into_the_line_before_is_split() -> None:
    # GFDL-1.3 4: "G. Preserve ... license notice. H. Include an unaltered copy ..."
    text = (
        "4. Do these things in the Modified Version:\n\n     F. Include a license notice.\n"
        "     G. Preserve the lists given in the notice. H. Include a copy of this License.\n"
        "     I. Preserve the History.\n\n5. COMBINING DOCUMENTS\n"
    )
    plan = imported(text)
    four = plan.clauses[0]
    assert [(c.id, c.text) for c in four.clauses] == [
        ("4.F", "Include a license notice."),
        ("4.G", "Preserve the lists given in the notice."),
        ("4.H", "Include a copy of this License."),
        ("4.I", "Preserve the History."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "G. Send it to Mr. H. Smith at once.",  # an abbreviation, then an initial
        "G. Send it to the U.S. H. Smith will sign.",  # initials, then an initial
        "G. Preserve the lists. J. Include a copy.",  # not the next letter
        "G. Preserve the lists given, H. Include a copy.",  # no sentence ends before it
        "G. Preserve the lists. (h) Include a copy.",  # another form of label
    ],
)
def test_a_letter_inside_an_item_that_is_not_the_next_item_stays(line: str) -> None:
    plan = imported(f"4. Do these things:\n\n     F. Include a notice.\n     {line}\n\n5. Next.\n")
    assert ids(plan.clauses[0].clauses) == ["4.F", "4.G"]
    assert plan.clauses[0].clauses[1].text == line[3:]


def test_an_addendum_heading_ends_the_last_clause() -> None:
    text = (
        "10. FUTURE REVISIONS\n\nNew versions may be published.\n\n"
        "ADDENDUM: How to use this License for your documents\n\n"
        "To use this License in a document, include a copy of it.\n"
    )
    plan = imported(text)
    assert plan.clauses[0].text == "New versions may be published."
    # Not the clause's, and compared all the same: an unnumbered clause after it.
    assert text_after(plan) == [
        (
            "after-10",
            "ADDENDUM: How to use this License for your documents",
            "To use this License in a document, include a copy of it.",
        )
    ]
    assert plan.notes is None


def test_an_addendum_heading_in_markdown_ends_the_clause() -> None:
    text = "### § 1 Eins\n\nText eins.\n\n#### Addendum\n\nZusatz.\n\n### § 2 Zwei\n\nText.\n"
    plan = imported(text)
    assert plan.clauses[0].text == "Text eins."
    # The text between two clauses is a clause of its own, under its heading, in its place.
    assert ids(plan.clauses) == ["1", "after-1", "2"]
    assert text_after(plan) == [("after-1", "Addendum", "Zusatz.")]
    assert plan.clauses[2].notes is None


#: LPPL 1.3's layout: numbered conditions, then sections of prose under headings, then a list
#: whose numbers restart (the steps to take over maintenance).
SECTIONS_OF_PROSE = (
    "CONDITIONS\n\n1. You may distribute the Work.\n\n2. You may modify the Work.\n\n"
    "3. You may compile the Work.\n\n4. You may run the Work.\n\n"
    "NO WARRANTY\n\nThere is no warranty for the Work.\n\nNo holder is liable for damages.\n\n"
    "MAINTENANCE OF THE WORK\n\nA Work is maintained if it has a Current Maintainer.\n\n"
    "You can become the Current Maintainer by these steps:\n\n"
    "1. Trace the Current Maintainer.\n\n2. Announce your intention.\n\n"
    "FURTHER STEPS\n\n3. Take over.\n"
)


def test_text_between_clauses_is_a_clause_of_its_own_under_its_heading() -> None:
    plan = imported(SECTIONS_OF_PROSE)
    assert ids(plan.clauses) == [
        "preamble", "1", "2", "3", "4", "after-4", "after-4~2", "1~2", "2~2", "3~2"
    ]  # fmt: skip
    assert text_after(plan) == [
        (
            "after-4",
            "NO WARRANTY",
            "There is no warranty for the Work.\n\nNo holder is liable for damages.",
        ),
        (
            "after-4~2",
            "MAINTENANCE OF THE WORK",
            "A Work is maintained if it has a Current Maintainer.\n\n"
            "You can become the Current Maintainer by these steps:",
        ),
    ]
    index = plan.clause_index()
    assert index["after-4"].number is None
    # Headings with no text of their own before the next clause stay its notes.
    assert index["1"].notes is None  # "CONDITIONS" is the document's title, its preamble
    assert index["1~2"].notes is None
    assert index["3~2"].notes == "Headings before this clause: FURTHER STEPS"
    assert plan.notes is None
    round_trips(plan)


def test_a_change_in_text_between_clauses_shows_in_a_comparison() -> None:
    from planlens.compare import compare

    old = imported(SECTIONS_OF_PROSE, plan_id="old")
    limited = SECTIONS_OF_PROSE.replace("no warranty for", "a limited warranty on")
    new = imported(limited, plan_id="new")
    changed = [(c.old, c.new) for c in compare(old, new).changes if c.relation != "unchanged"]
    assert changed == [(("after-4",), ("after-4",))]


def test_a_disclaimer_in_capitals_after_the_last_condition_is_not_part_of_it() -> None:
    # Apache-1.1: the conditions are a list; the disclaimer after them is the licence's own.
    text = (
        "Redistribution is permitted provided that the following conditions are met:\n\n"
        "1. Redistributions must retain the notice.\n\n"
        "2. Products derived from this software may not be called Apache.\n\n"
        "THIS SOFTWARE IS PROVIDED ``AS IS'' AND ANY EXPRESSED OR IMPLIED WARRANTIES ARE "
        "DISCLAIMED.\n\nThis software consists of voluntary contributions.\n"
    )
    plan = imported(text)
    assert plan.clause_index()["2"].text == (
        "Products derived from this software may not be called Apache."
    )
    assert text_after(plan) == [
        (
            "after-2",
            None,
            "THIS SOFTWARE IS PROVIDED ``AS IS'' AND ANY EXPRESSED OR IMPLIED WARRANTIES ARE "
            "DISCLAIMED.\n\nThis software consists of voluntary contributions.",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        # GPL-3 15: a section whose whole text is in capitals, under its title.
        "14. Revised Versions.\n\nThe FSF may publish new versions.\n\n"
        "15. Disclaimer of Warranty.\n\n  THERE IS NO WARRANTY FOR THE PROGRAM.\n",
        # Capitals in the middle of the document stay in their clause.
        "1. The software is free.\n\nNO WARRANTY IS GIVEN FOR IT, EXPRESS OR IMPLIED.\n\n"
        "2. THE AUTHORS ARE NOT LIABLE.\n",
    ],
)
def test_capitals_that_are_a_clauses_text_stay_in_it(text: str) -> None:
    plan = imported(text)
    assert plan.notes is None
    assert "WARRANTY" in (plan.walk().__next__().text or "") + (plan.clauses[-1].text or "")
    assert all("WARRANTY" not in (c.notes or "") for c in plan.walk())


def test_a_notice_after_the_list_of_a_last_clause_of_only_a_title_is_not_part_of_it() -> None:
    # CC-BY-4.0 8: "Section 8 – Interpretation." is a title over a list; the notice after it
    # ("Creative Commons is not a party ...") is the document's, not the section's.
    text = (
        "Section 7 – Other Terms.\n\n     a. The Licensor is not bound.\n\n"
        "Section 8 – Interpretation.\n\n     a. It does not reduce any use.\n\n"
        "     b. It is reformed if need be.\n\n"
        "Creative Commons is not a party to its public licenses.\n"
    )
    plan = imported(text)
    assert all_ids(plan) == ["7", "7.a", "8", "8.a", "8.b", "after-8"]
    assert text_after(plan) == [
        ("after-8", None, "Creative Commons is not a party to its public licenses.")
    ]


def test_text_after_the_list_of_a_last_clause_with_text_stays_in_it() -> None:
    text = (
        "6. Earlier provisions.\n\n7. Final provisions:\n\n   (a) It enters into force.\n\n"
        "   (b) It is registered.\n\n"
        "This agreement is done in two copies.\n"
    )
    plan = imported(text)
    assert all_ids(plan) == ["6", "7", "7.a", "7.b", "7.after"]
    assert plan.clause_index()["7.after"].text == "This agreement is done in two copies."
    assert plan.notes is None


#: The pieces of a numbered text for the document-order property below; "{}" is a word that
#: numbers the piece.
PIECES = st.sampled_from(
    [
        "top",
        "  (a) The item {} applies.",
        "  (a) The item {} applies:",
        "      (i) The point {} holds.",
        "Then {} follows.",
        "  and {} goes on.",
        "      Under it {} sits.",
        "and {} ends it.",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(PIECES, st.booleans()), min_size=1, max_size=30))
def test_clause_texts_keep_the_document_order(pieces: list[tuple[str, bool]]) -> None:
    lines, words = ["1. The point opens.\n\n"], []
    top, letters, numerals = 1, 0, 0
    for number, (piece, blank) in enumerate(pieces):
        word = f"w{number:03d}"
        words.append(word)
        if piece == "top":
            top, letters, numerals = top + 1, 0, 0
            line = f"{top}. The point {word} says this."
        elif "(a)" in piece:  # every label is the next of its list
            letters, numerals = letters + 1, 0
            line = piece.replace("(a)", f"({'abcdefghijklmnopqrstuvwxyz'[(letters - 1) % 26]})")
        elif "(i)" in piece:
            numerals += 1
            line = piece.replace("(i)", f"({to_roman(numerals)})")
        else:
            line = piece
        lines.append(line.format(word) + ("\n\n" if blank else "\n"))
    lines.append(f"{top + 1}. The last point.\n")
    plan = imported("".join(lines))
    found = [w for c in plan.walk() for w in re.findall(r"w\d{3}", c.text or "")]
    assert found == words


def to_roman(number: int) -> str:
    numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out, number = out + numeral, number - value
    return out


# -- hard wrapping ----------------------------------------------------------------------------


def test_hard_wrapped_paragraphs_are_joined_and_breaks_kept() -> None:
    text = (
        "1. The parties agree that the line of contact\n"
        "is frozen and that monitoring begins at once.\n"
        "\n"
        "A second paragraph of the first point, also\n"
        "wrapped over two lines.\n"
        "2. Next point.\n"
    )
    plan = imported(text)
    assert ids(plan.clauses) == ["1", "2"]
    assert plan.clauses[0].text == (
        "The parties agree that the line of contact is frozen and that monitoring begins at "
        "once.\n\nA second paragraph of the first point, also wrapped over two lines."
    )


def test_a_number_at_the_start_of_a_wrapped_line_is_not_a_point() -> None:
    # GPL-3 5(b) wraps before "7.  This requirement"; the 7 is not the next point.
    text = (
        "  5. Conveying.\n\n    b) The work must carry notices under section\n"
        "    7.  This requirement modifies section 4.\n\n  6. Next.\n\n  7. Last.\n"
    )
    plan = imported(text)
    assert ids(plan.clauses) == ["5", "6", "7"]
    assert plan.clauses[0].clauses[0].text == (
        "The work must carry notices under section\n7.  This requirement modifies section 4."
    )


def test_a_numbered_list_in_the_preamble_does_not_steal_the_points() -> None:
    text = (
        "The parties recall:\n\n1. the first accord;\n\n2. the second accord;\n\n"
        "3. the third accord.\n\nThey agree:\n\n"
        + "".join(f"{n}. Point {n} text.\n\n" for n in range(1, 6))
    )
    plan = imported(text)
    assert [(c.id, c.text) for c in numbered(plan)] == [
        (str(n), f"Point {n} text.") for n in range(1, 6)
    ]
    assert "1. the first accord;" in preamble_text(plan)


def test_one_paragraph_per_line_text_is_not_joined() -> None:
    long = " ".join(["word"] * 40)
    text = f"1. Heading Of One\nFirst {long}.\nSecond {long}.\n2. Two {long}.\n"
    plan = imported(text)
    one = plan.clauses[0]
    assert one.title == "Heading Of One"
    assert one.text == f"First {long}.\n\nSecond {long}."


# -- Markdown ---------------------------------------------------------------------------------


LAW = """\
---
Title: Testgesetz
---

# Testgesetz (TG)

Ausfertigungsdatum
:   2020-01-01

## Buch 1 - Allgemeiner Teil

### Abschnitt 1 - Personen

##### § 1 Beginn

Die Rechtsfähigkeit beginnt mit der
Vollendung der Geburt.

###### § 1a Ergänzung

(1) Erstens.

(2) Zweitens.

##### (XXXX) §§ 3 bis 6 (weggefallen)

##### § 7

(weggefallen)

#### § 8 Letzter

Text.

### Anlage (zu § 1)

Ein Formular.
"""


def test_markdown_law_with_paragraph_headings_at_several_levels() -> None:
    plan = imported(LAW, title="")
    assert plan.title == "Testgesetz"
    assert ids(numbered(plan)) == ["1", "1a", "3-6", "7", "8"]
    assert [c.number for c in numbered(plan)] == ["§ 1", "§ 1a", "§§ 3 bis 6", "§ 7", "§ 8"]
    assert [c.title for c in numbered(plan)] == [
        "Beginn",
        "Ergänzung",
        "(weggefallen)",
        None,
        "Letzter",
    ]
    first, second, stub, seven, _ = numbered(plan)
    assert first.text == "Die Rechtsfähigkeit beginnt mit der Vollendung der Geburt."
    assert first.notes == (
        "Headings before this clause: Buch 1 - Allgemeiner Teil › Abschnitt 1 - Personen"
    )
    # Absätze stay text: a § is the clause, its paragraphs are not numbered points.
    assert second.text == "(1) Erstens.\n\n(2) Zweitens."
    assert second.clauses == ()
    assert stub.text == "(weggefallen)"  # a heading with no body: its title is the text
    assert seven.text == "(weggefallen)"
    assert preamble_text(plan).startswith("Testgesetz (TG)")
    assert text_after(plan) == [("after-8", "Anlage (zu § 1)", "Ein Formular.")]
    assert plan.notes is None
    round_trips(plan)


def test_unlabelled_heading_between_clause_headings_closes_the_clause() -> None:
    text = (
        "### § 1 Eins\n\nText eins.\n\n## Teil 2\n\n"
        "#### Zwischentitel\n\n### § 2 Zwei\n\nText zwei.\n\n"
        "#### Im Text\n\nMehr.\n\n### § 3\n\nDrei.\n"
    )
    plan = imported(text)
    assert ids(plan.clauses) == ["1", "2", "3"]
    assert plan.clauses[0].text == "Text eins."
    assert plan.clauses[1].notes == "Headings before this clause: Teil 2 › Zwischentitel"
    # A deeper heading followed by a clause heading of the same level is part of the text.
    assert plan.clauses[1].text == "Text zwei.\n\n#### Im Text\n\nMehr."


def test_setext_numbered_headings_with_dotted_subsections() -> None:
    text = (
        "Example Licence 2.0\n===================\n\n"
        '1. Definitions\n--------------\n\n1.1. "Contributor"\n    means a person.\n\n'
        '1.2. "Work"\n    means the work.\n\n'
        "2. Grants\n---------\n\nEach Contributor grants a licence.\n\n"
        "Exhibit A - Notice\n------------------\n\nA notice.\n"
    )
    plan = imported(text, title="")
    assert plan.title == "Example Licence 2.0"
    assert all_ids(plan) == ["preamble", "1", "1.1", "1.2", "2", "after-2"]
    assert preamble_text(plan) == "Example Licence 2.0"
    definitions, grants = numbered(plan)
    assert definitions.title == "Definitions"
    assert definitions.text == "Definitions"  # only sub-clauses under it
    assert grants.text == "Each Contributor grants a licence."
    assert text_after(plan) == [("after-2", "Exhibit A - Notice", "A notice.")]


def test_markdown_list_under_plain_headings() -> None:
    text = (
        "# Peace plan\n\n## Security\n\n1. Ceasefire.\n2. Monitoring.\n\n"
        "## Territory\n\n3. Lines.\n"
    )
    plan = imported(text)
    # The numbering goes on from one heading to the next: the points are the clauses.
    assert ids(numbered(plan)) == ["1", "2", "3"]
    assert preamble_text(plan) == "Peace plan"
    one, two, three = numbered(plan)
    assert one.notes == "Headings before this clause: Security"
    assert three.notes == "Headings before this clause: Territory"
    assert two.text == "Monitoring."


def test_unnumbered_headings_make_clauses_at_the_most_frequent_level() -> None:
    text = (
        "# Agreement\n\n## Scope\n\nIt applies.\n\n### Detail\n\nFine print.\n\n"
        "## Terms\n\nIt ends.\n"
    )
    plan = imported(text)
    assert ids(plan.clauses) == ["preamble", "1", "2"]
    assert preamble_text(plan) == "Agreement"
    assert [(c.title, c.number) for c in numbered(plan)] == [("Scope", None), ("Terms", None)]
    assert plan.clauses[1].text == "It applies.\n\n### Detail\n\nFine print."


def test_plain_paragraphs_make_one_clause_each() -> None:
    plan = imported("Memorandum\n\nFirst thing.\n\nSecond thing.\n")
    assert [(c.id, c.text) for c in plan.clauses] == [
        ("preamble", "Memorandum"),
        ("1", "First thing."),
        ("2", "Second thing."),
    ]
    assert plan.notes is None


def test_boxed_sections_are_unboxed() -> None:
    box = "*" * 40
    framed = ["", "2. Disclaimer", "-------------", "", "No warranty of any kind."]
    inside = "".join(f"*  {line:<35} *\n" for line in framed)
    text = f"1. One\n-------\n\nText.\n\n{box}\n{inside}{box}\n"
    plan = imported(text)
    assert ids(plan.clauses) == ["1", "2"]
    assert plan.clauses[1].title == "Disclaimer"
    assert plan.clauses[1].text == "No warranty of any kind."


def test_code_fences_are_kept_verbatim() -> None:
    text = "1. Run this:\n\n```\n2. not a point\n   indented\n```\n\n2. Real point.\n"
    plan = imported(text)
    assert ids(plan.clauses) == ["1", "2"]
    assert plan.clauses[0].text == "Run this:\n\n```\n2. not a point\n   indented\n```"


# -- ids --------------------------------------------------------------------------------------


def test_duplicate_numbers_get_deterministic_suffixes() -> None:
    text = "## § 5 Erste\n\nA.\n\n## § 5 Zweite\n\nB.\n\n## § 5 Dritte\n\nC.\n\n## § 6\n\nD.\n"
    plan = imported(text)
    assert ids(plan.clauses) == ["5", "5~2", "5~3", "6"]
    assert [c.number for c in plan.clauses] == ["§ 5", "§ 5", "§ 5", "§ 6"]
    round_trips(plan)


def test_restarted_numbering_after_a_heading_is_a_second_part() -> None:
    text = (
        "1. First part one.\n\n2. First part two.\n\n3. First part three.\n\n"
        "APPENDIX\n\n1. Second one.\n\n2. Second two.\n\n3. Second three.\n\n4. Second four.\n"
    )
    plan = imported(text)
    assert ids(plan.clauses) == ["1", "2", "3", "1~2", "2~2", "3~2", "4~2"]
    assert plan.clauses[3].notes == "Headings before this clause: APPENDIX"
    assert len(set(all_ids(plan))) == len(all_ids(plan))


def test_sub_items_of_a_suffixed_clause_use_its_id() -> None:
    text = "## § 5 Eins\n\nA.\n\n## § 5 Zwei\n\nB.\n\n5.1. Unterpunkt.\n"
    plan = imported(text)
    assert all_ids(plan) == ["5", "5~2", "5.1"]


def test_repeated_letters_inside_a_point_are_unique() -> None:
    text = (
        "3. Requirements:\n\na) one;\n\nb) two.\n\nIn source form:\n\na) three;\n\nb) four.\n\n"
        "4. Next.\n"
    )
    plan = imported(text)
    # "In source form:" ends the first list (the letters start again after it): it is text of
    # point 3 between its two lists, in the unnumbered sub-clause 3.after.
    assert all_ids(plan) == ["3", "3.a", "3.b", "3.after", "3.a~2", "3.b~2", "4"]
    assert plan.clause_index()["3.after"].text == "In source form:"


def test_ids_are_unique_and_import_is_deterministic_on_messy_input() -> None:
    text = (
        "1. a\n1. b\n(a) x\n(a) y\n§ 2 z\n\n§ 2 w\n- p\n- q\n# H\n1. again\n"
        "2.1 dotted\n2.1 dotted\n\n\n(i) r\n(i) s\n"
    )
    first = imported(text)
    assert imported(text) == first
    assert plan_to_yaml(imported(text)) == plan_to_yaml(first)
    all_of_them = all_ids(first)
    assert len(set(all_of_them)) == len(all_of_them)
    assert all(c.text for c in first.walk())
    round_trips(first)


# -- any text ---------------------------------------------------------------------------------

#: Pieces of numbered texts, Markdown and odd whitespace, put together at random below.
FRAGMENTS = [
    "1.", "2.", "3.", "10.", "1)", "2)", "(1)", "(2)", "(a)", "(b)", "a)", "b)", "i.", "ii.", "(i)",
    "I.", "II.", "A.", "§ 5", "§ 5a", "§§ 3 bis 6", "Art. 2", "Article 3", "Point 4", "Section 1 –",
    "1.1.", "1.2.", "2.1", "#", "##", "######", "===", "---", "- ", "* ", "— ", "* * *", "```",
    "*" * 12, "*", "(XXXX)", "Title", "TERMS AND CONDITIONS", "The parties agree.", "word", "no",
    "1.10", ":", "  ", "    ", "\t", "", "|", ">", "[^x]:", "\x85", "\u2028", "\x0c", "é", "\r",
]  # fmt: skip
LINES = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=6), max_size=5).map(" ".join)
TEXTS = st.lists(st.tuples(LINES, st.sampled_from(["\n", "\n\n", "\r\n", "\n   "])), max_size=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS.map(lambda parts: "".join(line + end for line, end in parts)))
@example(" ```\n```\n1.\n")  # a preamble that began with a space did not read back the same
def test_any_text_gives_a_valid_plan_or_a_clear_error(text: str) -> None:
    try:
        plan = imported(text, title="")
    except PlanlensError:
        assert not text.strip()
        return
    assert plan.clauses
    assert len(set(all_ids(plan))) == len(all_ids(plan))
    if any(hidden_in(s) for s in strings_of(plan_to_dict(plan))):
        # The importer keeps control and invisible characters of the text; the loader refuses
        # them, each with its place, so the skeleton is a clear error to fix, not a plan.
        with pytest.raises(PlanFileError, match=r"holds U\+[0-9A-F]{4}"):
            parse_plan(plan_to_yaml(plan), "x.yaml")
        return
    round_trips(plan)  # so every text is non-empty and every id valid


# -- reading files: the format is sniffed ---------------------------------------------------


def zipped(*names: str) -> bytes:
    """Return a zip archive holding an empty file of each name (a .docx is such an archive).

    Its bytes are the same at every run: they are in the tests' ids, which every worker of a
    parallel run (pytest-xdist) must collect alike, so no entry has the time it was made.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            archive.writestr(entry, "<x/>", compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


DOCX = zipped("[Content_Types].xml", "_rels/.rels", "word/document.xml")
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
RANDOM_BYTES = random.Random(7).randbytes(4096)


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"Draft agreement\n\n1. The parties agree.\n", "draft.txt", "text"),
        (b"", "empty.txt", "text"),
        ("\ufeff§ 1 Geltung. Für alle.\n".encode(), "gesetz", "text"),
        (b"# Draft\n\n1. The parties agree.\n", "draft.txt", "markdown"),
        (b"---\ntitle: Draft\n---\n1. One.\n", "draft", "markdown"),
        (b"1. One.\n", "draft.md", "markdown"),
        (PDF, "draft.txt", "pdf"),
        (b"\x00\x00MacBinary junk%PDF-1.4\n", "draft", "pdf"),
        (DOCX, "draft", "docx"),
        (zipped("a.txt"), "draft.docx", "docx"),
        (zipped("a.txt"), "texts.zip", "zip"),
        (zipped("xl/workbook.xml"), "draft.txt", "zip"),
        (RANDOM_BYTES, "draft.txt", "binary"),
        (RANDOM_BYTES[:64].replace(b"\x00", b"\x01"), "draft.txt", "binary"),
        (b"<!DOCTYPE html>\n<html><body><p>1. One.</p></body></html>", "page", "html"),
        (b'<?xml version="1.0"?>\n<akomaNtoso></akomaNtoso>', "act", "akoma-ntoso"),
        (b'<?xml version="1.0"?>\n<bill xmlns="http://schemas.gpo.gov/xml/uslm">', "b", "uslm"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"></rss>', "feed", "xml"),
        (b"<!-- saved from url=(0019)https://example.org -->\n<html>", "page.txt", "html"),
        # Text in another encoding is text: decoding it then says where it is not UTF-8.
        ("§ 1 Geltung für alle.\n".encode("latin-1"), "gesetz.txt", "text"),
        ("1. One.\n".encode("utf-16"), "draft.txt", "text"),
        # The content decides, not the name.
        (b"1. One.\n", "draft.pdf", "text"),
    ],
)
def test_sniff(data: bytes, name: str, expected: str) -> None:
    assert sniff(data, name).name == expected


def test_import_file_reads_text_as_import_text_does(tmp_path: Path) -> None:
    text = "# Draft agreement\n\n1. The parties agree.\n\n2. The war ends.\n"
    path = tmp_path / "draft.md"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    options = {"plan_id": "doc", "title": "", "date": "2025-12-01", "language": "en"}
    assert import_file(path, **options) == import_text(text, **options)
    assert import_file(str(path), **options) == import_text(text, **options)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (zipped("a"), "a.zip", "looks like a zip archive; planlens cannot import zip archives"),
        (
            RANDOM_BYTES,
            "draft.txt",
            "looks like binary data, not text; planlens cannot import binary files",
        ),
    ],
)
def test_import_file_names_formats_it_cannot_read(
    tmp_path: Path, data: bytes, name: str, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(PlanlensError) as info:
        import_file(path, plan_id="doc", title="", date="")
    assert str(info.value) == (
        f"{path}: {message} (it imports text, Markdown, Word documents, PDFs, web pages, USLM"
        " and Akoma Ntoso)"
    )


def test_import_file_keeps_the_messages_of_reading_plan_files(tmp_path: Path) -> None:
    latin = tmp_path / "gesetz.txt"
    latin.write_bytes("1. Geltung für alle.\n".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"1. One.\n" * 10_000)  # text where the sniffing looks
    os.truncate(huge, MAX_PLAN_BYTES + 1)  # sparse: nothing written past that
    options = {"plan_id": "doc", "title": "", "date": ""}
    for path in (latin, huge, tmp_path, tmp_path / "missing.txt"):
        with pytest.raises(PlanlensError) as expected:
            read_plan_text(path)
        with pytest.raises(PlanlensError) as got:
            import_file(path, **options)
        assert str(got.value) == str(expected.value)
    assert str(got.value).endswith("missing.txt: cannot read: No such file or directory")
    with pytest.raises(PlanlensError, match=r"gesetz\.txt:1:13: the file is not valid UTF-8"):
        import_file(latin, **options)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(PlanlensError, match=r"^there is no text to import: the input is empty$"):
        import_file(empty, **options)


def test_import_file_reads_a_pipe_once(tmp_path: Path) -> None:
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    text = "1. One.\n2. Two.\n"
    options = {"plan_id": "doc", "title": "Doc", "date": "2025-12-01"}
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(import_file, fifo, **options)
        with fifo.open("w", encoding="utf-8") as pipe:  # waits for the importer to open it
            pipe.write(text)
        try:
            plan = future.result(timeout=30)
        finally:
            if not future.done():  # a second open of the pipe would wait for ever: release it
                fifo.open("w").close()
    assert plan == import_text(text, **options)


def test_cli_import_refuses_a_broken_pdf_with_a_clear_message(tmp_path: Path) -> None:
    pytest.importorskip("pdfplumber")
    path = tmp_path / "draft.pdf"
    path.write_bytes(PDF)
    result = CliRunner().invoke(cli, ["import", str(path)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"planlens: error: {path}: cannot read the PDF: No /Root object! - Is this really a PDF?\n"
    )


# -- labels -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "style", "key"),
    [
        ("§ 823 Schadensersatzpflicht", "§", "823"),
        ("§ 90a Tiere", "§", "90a"),
        ("§§ 3 bis 6 (weggefallen)", "§", "3-6"),
        ("§§ 114, 115 (weggefallen)", "§", "114-115"),
        ("Art. 5 Freedom", "art", "5"),
        ("Article 5", "art", "5"),
        ("Point 5: text", "point", "5"),
        ("Section 2 – Scope.", "section", "2"),
        ("1.1. Term", "dotted", "1.1"),
        ("1.10.2 Term", "dotted", "1.10.2"),
        ("12. Twelve", "num.", "12"),
        ("1.Definitions", "num.", "1"),
        ("3) Three", "num)", "3"),
        ("(3) Three", "(num)", "3"),
        ("(a) Letter", "(alpha)", "a"),
        ("b) Letter", "alpha)", "b"),
        ("c. Letter", "alpha.", "c"),
        ("(iv) Four", "(roman)", "iv"),
        ("IV. Four", "ROMAN.", "IV"),
        ("aa) Double", "alpha2)", "aa"),
        ("- bullet", "bullet", ""),
    ],
)
def test_parse_label(line: str, style: str, key: str) -> None:
    label = parse_label(line)
    assert label is not None
    assert (label.style, label.key) == (style, key)


@pytest.mark.parametrize(
    "line",
    [
        "Section 5 of this License applies.",
        "§ 5 gilt entsprechend.",
        "1.5 million people",
        "2025. A year",
        "1.1.2002 ein Datum",
        "etc. and more",
        "51 Franklin Street",
        "-dienste und Netze",
    ],
)
def test_parse_label_ignores_running_text(line: str) -> None:
    assert parse_label(line) is None


# -- real corpora -----------------------------------------------------------------------------

LICENCE_COUNTS = {
    "Apache-1.1.txt": 5,
    "Apache-2.0.txt": 9,
    "Artistic-1.0.txt": 9,
    "Artistic-2.0.txt": 14,
    "CC-BY-3.0.txt": 8,
    "CC-BY-4.0.txt": 8,
    "EPL-1.0.txt": 7,
    "EPL-2.0.txt": 7,
    "EUPL-1.1.txt": 15,
    "EUPL-1.2.txt": 15,
    "GFDL-1.2-only.txt": 11,
    "GFDL-1.3-only.txt": 12,
    "GPL-1.0-only.txt": 11,
    "LGPL-2.1-only.txt": 17,
    # LGPL-3.0 (sections 0-6) followed by the whole GPL-3 (0-17): the restarted numbering
    # after the GPL's title is a second part, with ids 0~2 ... 17~2.
    "LGPL-3.0-only.txt": 25,
    "MPL-1.1.txt": 13,
    "MPL-2.0.txt": 10,
}
#: The unnumbered clauses of text between or after the numbered sections, in order (the
#: licence's appendix, a disclaimer or notice after its terms, the GPL inside the LGPL-3.0 file).
LICENCE_AFTER = {
    "Apache-1.1.txt": ["after-5"],
    "Apache-2.0.txt": ["after-9"],
    "Artistic-1.0.txt": ["after-9"],
    "CC-BY-3.0.txt": ["after-8"],
    "CC-BY-4.0.txt": ["after-8"],
    "EPL-2.0.txt": ["after-7"],
    "EUPL-1.1.txt": ["after-15"],
    "EUPL-1.2.txt": ["after-15"],
    "GFDL-1.2-only.txt": ["after-10"],
    "GFDL-1.3-only.txt": ["after-11"],
    "GPL-1.0-only.txt": ["after-10"],
    # The appendix, cut in two at the sample signature's last line (a short line alone).
    "LGPL-2.1-only.txt": ["after-16", "after-16~2"],
    "LGPL-3.0-only.txt": ["after-6", "after-6~2", "after-17~2"],
    "MPL-2.0.txt": ["after-10", "after-10~2"],
}
#: The first section number of each licence (the GNU texts count from 0).
LICENCE_FIRST = {"GFDL-1.2-only.txt": 0, "GFDL-1.3-only.txt": 0, "GPL-1.0-only.txt": 0}
LICENCE_FIRST |= {"LGPL-2.1-only.txt": 0, "LGPL-3.0-only.txt": 0}

#: Every § heading, including "(XXXX) §§ 3 bis 6" stubs; structure headings (Buch, Abschnitt,
#: Titel, ..., Anlage) are not clauses. The corpus README's "~2,650 -> ~2,790 headed sections"
#: for the BGB counts every heading (2,647 and 2,787); 239 and 260 of them are structure.
LAW_COUNTS = {
    "bgb-2012-07-02.md": 2408,
    "bgb-2022-03-03.md": 2527,
    "stgb-2012-07-02.md": 533,
    "stgb-2022-03-03.md": 559,
    "tkg-2004.md": 219,
    "tkg-2021.md": 231,
}


def corpus_file(*parts: str) -> Path:
    return shared_path("corpora", *parts)


def test_every_licence_in_the_corpus_is_counted() -> None:
    folder = shared_path("corpora", "licenses")
    assert sorted(p.name for p in folder.glob("*.txt")) == sorted(LICENCE_COUNTS)


def test_every_law_in_the_corpus_is_counted() -> None:
    folder = shared_path("corpora", "de-laws")
    assert sorted(p.name for p in folder.glob("*.md")) == sorted(LAW_COUNTS)


@pytest.mark.parametrize(("name", "count"), sorted(LICENCE_COUNTS.items()))
def test_licence_corpus(name: str, count: int) -> None:
    path = corpus_file("licenses", name)
    plan = imported(path.read_text(encoding="utf-8"), title="")
    first = LICENCE_FIRST.get(name, 1)
    if name == "LGPL-3.0-only.txt":
        expected = [str(n) for n in range(7)] + [f"{n}~2" for n in range(18)]
    else:
        expected = [str(n) for n in range(first, first + count)]
    # `count` counts the numbered sections; every licence has text before them, its preamble.
    assert ids(numbered(plan)) == expected
    assert plan.clauses[0].id == "preamble"
    after = LICENCE_AFTER.get(name, [])
    assert [clause_id for clause_id, _, _ in text_after(plan)] == after
    assert plan.expected_clauses == count + 1 + len(after)
    round_trips(plan)


@pytest.mark.parametrize(("name", "count"), sorted(LAW_COUNTS.items()))
def test_law_corpus(name: str, count: int) -> None:
    path = corpus_file("de-laws", name)
    text = path.read_text(encoding="utf-8")
    plan = imported(text, title="")
    # `count` counts the § clauses; the title and the dates before them are the preamble.
    assert preamble_text(plan).startswith(plan.title)
    assert len(numbered(plan)) == count
    # Counted independently: one clause per heading that starts with a § label.
    headings = re.findall(r"(?m)^#{1,6} (?:\(X+\) )?(§§? [0-9a-z]+)", text)
    numbers = [re.match(r"§§? [0-9a-z]+", c.number or "") for c in numbered(plan)]
    assert [m[0] if m else None for m in numbers] == headings
    assert plan.title in ("Bürgerliches Gesetzbuch", "Strafgesetzbuch", "Telekommunikationsgesetz")
    assert all(clause.text for clause in plan.clauses)
    if name.startswith(("bgb-2022", "tkg-2004", "stgb-2012")):
        round_trips(plan)
    else:
        assert len(set(all_ids(plan))) == len(all_ids(plan))


def test_bgb_stubs_and_lettered_paragraphs() -> None:
    path = corpus_file("de-laws", "bgb-2022-03-03.md")
    plan = imported(path.read_text(encoding="utf-8"))
    index = plan.clause_index()
    assert index["90a"].title == "Tiere"
    assert index["3-6"].number == "§§ 3 bis 6"
    assert index["3-6"].text == "(weggefallen)"
    assert index["1"].notes is not None and "Buch 1 - Allgemeiner Teil" in index["1"].notes
    stubs = [c for c in plan.clauses if c.number and c.number.startswith("§§")]
    assert len(stubs) == 26


def common_licence(name: str) -> str:
    path = COMMON_LICENSES / name
    if not path.is_file():
        unavailable(f"{path} is not available")
    return path.read_text(encoding="utf-8")


def test_gpl2_sections_0_to_12() -> None:
    plan = imported(common_licence("GPL-2"), title="")
    assert ids(numbered(plan)) == [str(n) for n in range(13)]
    assert all_ids(plan) == [
        "preamble", "0", "1", "2", "2.a", "2.b", "2.c", "2.after", "3", "3.a", "3.b", "3.c",
        "3.after", "4", "5", "6", "7", "8", "9", "10", "11", "12", "after-12",
    ]  # fmt: skip
    # The paragraphs after the items of sections 2 and 3 follow them, in an unnumbered clause.
    index = plan.clause_index()
    assert (index["2"].text or "").endswith("meet all of these conditions:")
    assert (index["2.after"].text or "").startswith("These requirements apply to the modified work")
    assert index["2.after"].number is None
    # The preamble's "(1) copyright the software, and (2) offer you" are not clauses.
    assert "(2) offer you this license" in preamble_text(plan)
    ((after, title, text),) = text_after(plan)
    assert (after, title) == (
        "after-12",
        "END OF TERMS AND CONDITIONS › How to Apply These Terms to Your New Programs",
    )
    assert (text or "").startswith("If you develop a new program")
    assert index["11"].notes == "Headings before this clause: NO WARRANTY"
    assert not any("END OF TERMS" in (c.text or "") for c in plan.walk())
    assert index["12"].text is not None
    assert index["12"].text.endswith("POSSIBILITY OF SUCH DAMAGES.")
    round_trips(plan)


def test_gpl3_sections_0_to_17() -> None:
    plan = imported(common_licence("GPL-3"), title="")
    assert ids(numbered(plan)) == [str(n) for n in range(18)]
    assert [c.title for c in numbered(plan)][:3] == [
        "Definitions",
        "Source Code",
        "Basic Permissions",
    ]
    five = plan.clause_index()["5"]
    assert ids(five.clauses) == ["5.a", "5.b", "5.c", "5.d", "5.after"]
    assert (five.clauses[-1].text or "").startswith("A compilation of a covered work")
    assert "7.  This requirement modifies" in (five.clauses[1].text or "")
    assert plan.clause_index()["0"].notes == "Headings before this clause: TERMS AND CONDITIONS"
    assert [(after, title) for after, title, _ in text_after(plan)] == [
        ("after-17", "END OF TERMS AND CONDITIONS › How to Apply These Terms to Your New Programs")
    ]
    assert "(1) assert copyright on the software" in preamble_text(plan)
    assert plan.clause_index()["17"].text is not None
    assert (plan.clause_index()["17"].text or "").endswith("in return for a fee.")
    round_trips(plan)
