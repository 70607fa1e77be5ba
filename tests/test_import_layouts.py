"""Importing text layouts that readers found cut wrongly in SPDX licence versions.

Each class is shown fixed on a small synthetic text, next to the neighbouring layouts the
importer reads on purpose the other way, which must stay as they are.
"""

from __future__ import annotations

import pytest

from planlens.importers import import_text, parse_label
from planlens.plan.load import parse_plan
from planlens.plan.model import Plan
from planlens.plan.serialize import plan_to_yaml

Row = tuple[str, str | None, str | None, str | None]


def imported(text: str) -> Plan:
    return import_text(text, plan_id="doc", title="Doc", date="2026-11-27")


def tree(text: str) -> list[Row]:
    """Return (id, number, title, text) of every clause of `text` imported, depth first."""
    plan = imported(text)
    assert parse_plan(plan_to_yaml(plan), "x.yaml") == plan
    return [(c.id, c.number, c.title, c.text) for c in plan.walk()]


# -- a. a numbered sub-heading indented deeper than its text ---------------------------------

#: CeCILL 2.0 article 4, shortened: sub-headings at six spaces, their text at the margin.
SUB_HEADINGS = """\
    Article 3 - ACCEPTANCE

The Licensee accepts.


    Article 4 - EFFECTIVE DATE AND TERM


      4.1 EFFECTIVE DATE

The Agreement shall become effective on acceptance.


      4.2 TERM

The Agreement shall remain in force for the legal term.

It ends with the rights.


    Article 5 - SCOPE

The Licensor grants rights.
"""

#: CeCILL 2.0 article 6: a sub-heading whose text introduces a list, and text after the list.
SUB_HEADING_LIST = """\
    Article 5 - SCOPE

The Licensor grants rights.


    Article 6 - INTELLECTUAL PROPERTY


      6.1 OVER THE INITIAL SOFTWARE

The Holder owns the economic rights.


      6.2 JOINT PROVISIONS

The Licensee expressly undertakes:

   1. not to remove the notices;

   2. to reproduce said notices.

The Licensee undertakes not to infringe.
"""

#: MPL-1.0 2, one paragraph a line: the sub-headings' text follows them without a blank line,
#: at the margin.
GRANT = "hereby grants You a world-wide, royalty-free, non-exclusive license, subject to third \
party intellectual property claims"
SUB_HEADINGS_UNSPACED = f"""\
1. Definitions.

     1.1. ``Code'' means code.

2. Source Code License.

     2.1. The Initial Developer Grant.
The Initial Developer {GRANT}:

          (a) to use the Original Code;

     2.2. Contributor Grant.
Each Contributor {GRANT}.

3. Distribution Obligations.
"""

#: CeCILL-1.1 5.3.3 and 5.3.4, shortened: sub-headings at the margin like their text, and the
#: last one's text of two paragraphs, then the next article.
SUB_HEADINGS_AT_THE_MARGIN = """\
Article 5 - SCOPE

The Licensor grants rights.

5.1. DISTRIBUTION OF DYNAMIC MODULES

When the Licensee has developed a Dynamic Module, the terms do not apply.

5.2. COMPATIBILITY WITH THE GPL LICENSE

In the event that the Software is included in a GPL code, the Licensee may distribute it.

In the event that the Software includes a GPL code, the Licensee may distribute it too.

Article 6 - INTELLECTUAL PROPERTY

The Holder owns the rights.
"""

LOWERED_TEXT_CASES = [
    pytest.param(
        SUB_HEADINGS,
        [
            ("3", "Article 3", "ACCEPTANCE", "The Licensee accepts."),
            ("4", "Article 4", "EFFECTIVE DATE AND TERM", "EFFECTIVE DATE AND TERM"),
            ("4.1", "4.1", "EFFECTIVE DATE", "The Agreement shall become effective on acceptance."),
            (
                "4.2",
                "4.2",
                "TERM",
                "The Agreement shall remain in force for the legal term.\n\n"
                "It ends with the rights.",
            ),
            ("5", "Article 5", "SCOPE", "The Licensor grants rights."),
        ],
        id="several-sub-headings-last-with-two-paragraphs",
    ),
    pytest.param(
        SUB_HEADING_LIST,
        [
            ("5", "Article 5", "SCOPE", "The Licensor grants rights."),
            ("6", "Article 6", "INTELLECTUAL PROPERTY", "INTELLECTUAL PROPERTY"),
            ("6.1", "6.1", "OVER THE INITIAL SOFTWARE", "The Holder owns the economic rights."),
            ("6.2", "6.2", "JOINT PROVISIONS", "The Licensee expressly undertakes:"),
            ("6.2.1", "6.2.1", None, "not to remove the notices;"),
            ("6.2.2", "6.2.2", None, "to reproduce said notices."),
            ("6.2.after", None, None, "The Licensee undertakes not to infringe."),
        ],
        id="sub-heading-with-a-list-then-text-after-it",
    ),
    pytest.param(
        SUB_HEADINGS_UNSPACED,
        [
            ("1", "1", "Definitions", "Definitions"),
            ("1.1", "1.1", None, "``Code'' means code."),
            ("2", "2", "Source Code License", "Source Code License"),
            (
                "2.1",
                "2.1",
                "The Initial Developer Grant",
                f"The Initial Developer {GRANT}:",
            ),
            ("2.1.a", "2.1.a", None, "to use the Original Code;"),
            ("2.2", "2.2", "Contributor Grant", f"Each Contributor {GRANT}."),
            ("3", "3", None, "Distribution Obligations."),
        ],
        id="sub-headings-without-a-blank-line-before-their-text",
    ),
    pytest.param(
        SUB_HEADINGS_AT_THE_MARGIN,
        [
            ("5", "Article 5", "SCOPE", "The Licensor grants rights."),
            (
                "5.1",
                "5.1",
                "DISTRIBUTION OF DYNAMIC MODULES",
                "When the Licensee has developed a Dynamic Module, the terms do not apply.",
            ),
            (
                "5.2",
                "5.2",
                "COMPATIBILITY WITH THE GPL LICENSE",
                "In the event that the Software is included in a GPL code, the Licensee may "
                "distribute it.\n\nIn the event that the Software includes a GPL code, the "
                "Licensee may distribute it too.",
            ),
            ("6", "Article 6", "INTELLECTUAL PROPERTY", "The Holder owns the rights."),
        ],
        id="sub-headings-at-the-margin-the-last-with-two-paragraphs",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LOWERED_TEXT_CASES)
def test_a_sub_heading_keeps_its_text_however_indented(text: str, expected: list[Row]) -> None:
    assert tree(text) == expected


#: GPL-2 section 2: items with text of their own, then the section's text at its indentation.
ITEMS_THEN_PARENT_TEXT = """\
  1. You may copy the Program.

  2. You may modify your copy, provided that you also meet these conditions:

    a) You must cause the modified files to carry notices.

    b) You must cause any work that you distribute to be licensed.

These requirements apply to the modified work as a whole.

  3. You may distribute the Program.
"""

#: A list of bare titles indented under a clause, then the clause's own text at the margin.
TITLES_THEN_PARENT_TEXT = """\
    Article 1 - SERVICES

The provider offers:

      1.1 HOSTING

      1.2 SUPPORT

The customer pays for both.


    Article 2 - PRICE

The price is fixed.
"""

#: One bare title under a clause, then text at the margin: nothing tells it is a sub-heading.
ONE_TITLE_THEN_TEXT = """\
    Article 1 - SERVICES

      1.1 HOSTING

The customer pays for it.


    Article 2 - PRICE

The price is fixed.
"""

#: OLFL-1.3 2: two bulleted lists, each last item starting a sentence the text after it
#: finishes, then the section's text after the lists.
BULLETS_THEN_PARENT_TEXT = """\
§2 Grant of usage rights

The Licensor grants a

- worldwide and perpetual,
- Irrevocable And Non-Terminable

right to the Subject Matter. This right includes the right

- to use the Subject Matter in any environment,
- to allow third parties to use or operate it,
- to distribute it

in its original or modified form.

The foregoing right of use relates to the Subject Matter of the License.

§3 Obligations

The Licensee must keep the notices.
"""

NEIGHBOUR_CASES = [
    pytest.param(
        ITEMS_THEN_PARENT_TEXT,
        [
            ("1", "1", None, "You may copy the Program."),
            (
                "2",
                "2",
                None,
                "You may modify your copy, provided that you also meet these conditions:",
            ),
            ("2.a", "2.a", None, "You must cause the modified files to carry notices."),
            ("2.b", "2.b", None, "You must cause any work that you distribute to be licensed."),
            ("2.after", None, None, "These requirements apply to the modified work as a whole."),
            ("3", "3", None, "You may distribute the Program."),
        ],
        id="gpl-2-items-with-text-then-the-parent-text",
    ),
    pytest.param(
        TITLES_THEN_PARENT_TEXT,
        [
            ("1", "Article 1", "SERVICES", "The provider offers:"),
            ("1.1", "1.1", None, "HOSTING"),
            ("1.2", "1.2", None, "SUPPORT"),
            ("1.after", None, None, "The customer pays for both."),
            ("2", "Article 2", "PRICE", "The price is fixed."),
        ],
        id="a-list-of-bare-titles-then-the-parent-text",
    ),
    pytest.param(
        ONE_TITLE_THEN_TEXT,
        [
            ("1", "Article 1", "SERVICES", "SERVICES"),
            ("1.1", "1.1", None, "HOSTING"),
            ("1.after", None, None, "The customer pays for it."),
            ("2", "Article 2", "PRICE", "The price is fixed."),
        ],
        id="one-bare-title-then-text",
    ),
    pytest.param(
        BULLETS_THEN_PARENT_TEXT,
        [
            ("2", "§2", "Grant of usage rights", "The Licensor grants a"),
            ("2.1", "2.1", None, "worldwide and perpetual,"),
            (
                "2.2",
                "2.2",
                "Irrevocable And Non-Terminable",
                "right to the Subject Matter. This right includes the right",
            ),
            ("2.3", "2.3", None, "to use the Subject Matter in any environment,"),
            ("2.4", "2.4", None, "to allow third parties to use or operate it,"),
            ("2.5", "2.5", "to distribute it", "in its original or modified form."),
            (
                "2.after",
                None,
                None,
                "The foregoing right of use relates to the Subject Matter of the License.",
            ),
            ("3", "§3", "Obligations", "The Licensee must keep the notices."),
        ],
        id="olfl-bullets-the-last-finished-by-the-text-after-it",
    ),
]


def test_text_after_a_list_of_titles_at_their_indentation_is_not_a_sub_heading_text() -> None:
    # Titles at the margin, then two paragraphs: the first goes to the last title (an item
    # that is only a title takes the paragraph after it), the second is the article's again.
    text = TITLES_THEN_PARENT_TEXT.replace("      1.", "1.").replace(
        "The customer pays for both.\n", "The customer pays for both.\n\nThe price is monthly.\n"
    )
    rows = tree(text)
    assert [row[0] for row in rows] == ["1", "1.1", "1.2", "1.after", "2"]
    assert rows[3][3] == "The price is monthly."


@pytest.mark.parametrize(("text", "expected"), NEIGHBOUR_CASES)
def test_text_after_items_at_the_parents_indentation_stays_the_parents(
    text: str, expected: list[Row]
) -> None:
    assert tree(text) == expected


# -- b. a term alone on its line, its meaning on the next ------------------------------------

#: Words that make a line long: the texts below are one paragraph a line, not hard-wrapped.
LONG = (
    "protected by copyright or by database right (for example, literary and artistic works, "
    "content, data and source code) offered for use under the terms of this licence"
)

#: OGL-UK-2.0's definitions: the term on one line, what it means on the next.
TERMS = f"""\
Definitions
In this licence, the terms below have the following meanings:

‘Information’
means information {LONG}.

‘Use’
means doing any act which is restricted by copyright, {LONG}.
"""

#: Lines that start in lower case after a line that ends a clause or is no term: a subtitle, a
#: version, an address, items after a colon.
NOT_TERMS = f"""\
Non-Commercial Government Licence
for public sector information
The Academic Free License
v.2.1
Version 2.0, January 2004
http://www.apache.org/licenses/
Glenn Randers-Pehrson
glennrp at users.sourceforge.net
This licence is about information {LONG}.
It is granted for information {LONG}.

You are free to:
copy, publish, distribute and transmit the Information {LONG};
adapt the Information;
exploit the Information commercially and non-commercially {LONG}.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            TERMS,
            [
                ("preamble", None, None, "Definitions"),
                ("1", None, None, "In this licence, the terms below have the following meanings:"),
                ("2", None, None, f"‘Information’ means information {LONG}."),
                (
                    "3",
                    None,
                    None,
                    f"‘Use’ means doing any act which is restricted by copyright, {LONG}.",
                ),
            ],
            id="term-then-its-meaning",
        ),
        pytest.param(
            NOT_TERMS,
            # Every line a paragraph of its own, the first the title.
            [
                ("preamble" if n == 0 else str(n), None, None, line)
                for n, line in enumerate(filter(None, NOT_TERMS.splitlines()))
            ],
            id="a-subtitle-a-version-an-address-and-items-after-a-colon",
        ),
    ],
)
def test_a_term_alone_on_its_line_and_its_meaning_are_one_paragraph(
    text: str, expected: list[Row]
) -> None:
    assert tree(text) == expected


# -- c. a letter glued to a dotted number ----------------------------------------------------

#: SGI-B-1.0 2: "2.1v" numbers the grant (a stray letter in the source; an inserted point is
#: numbered the same way, "2.1a").
GLUED_LETTER = """\
2. License Grant and Restrictions.

     2.1v License Grant. SGI hereby grants Recipient a license.

     2.2 Restriction on Patent License. No patent license is granted.

3. Redistributions.

     1.5m people use the Covered Code, and 2.5 million copies exist.
"""


def test_a_letter_glued_to_a_dotted_number_is_part_of_its_label() -> None:
    assert tree(GLUED_LETTER) == [
        ("2", "2", "License Grant and Restrictions", "License Grant and Restrictions"),
        ("2.1v", "2.1v", None, "License Grant. SGI hereby grants Recipient a license."),
        ("2.2", "2.2", None, "Restriction on Patent License. No patent license is granted."),
        # A number and a unit before a word in lower case: no label.
        (
            "3",
            "3",
            "Redistributions",
            "1.5m people use the Covered Code, and 2.5 million copies exist.",
        ),
    ]


# -- d. the document's copyright notice after its last clause --------------------------------

#: AFL-2.1's end: the notice and the permission after it close the document.
NOTICE_AFTER = """\
14) Definition of "You". You means an individual.

15) Right to Use. You may use the Original Work in all ways not restricted.

This license is Copyright (C) 2003-2004 Lawrence E. Rosen. All rights reserved.

Permission is hereby granted to copy and distribute this license without modification.
"""

#: Text about copyright notices inside the clauses, and a notice inside a clause before the last.
NOTICES_INSIDE = """\
1) Notices. Keep the notices.

Copyright (C) 2001 The Author, as printed in the source files.

2) Attribution. Give credit.

Copyright notices must be retained in every copy.
"""


#: SCEA 10: the last clause is a title, and the notice under it is its text (a notice to copy).
NOTICE_UNDER_TITLE = """\
9) Governing Law. The laws of California apply.

10) Copyright Notice for Redistribution of Source Code

Copyright 2005 Sony Computer Entertainment Inc.

Licensed under the SCEA Shared Source License.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            NOTICE_UNDER_TITLE,
            [
                ("9", "9)", None, "Governing Law. The laws of California apply."),
                (
                    "10",
                    "10)",
                    "Copyright Notice for Redistribution of Source Code",
                    "Copyright 2005 Sony Computer Entertainment Inc.\n\n"
                    "Licensed under the SCEA Shared Source License.",
                ),
            ],
            id="a-notice-under-a-last-clause-that-is-only-a-title",
        ),
        pytest.param(
            NOTICE_AFTER,
            [
                ("14", "14)", None, 'Definition of "You". You means an individual.'),
                (
                    "15",
                    "15)",
                    None,
                    "Right to Use. You may use the Original Work in all ways not restricted.",
                ),
                (
                    "after-15",
                    None,
                    None,
                    "This license is Copyright (C) 2003-2004 Lawrence E. Rosen. All rights "
                    "reserved.\n\nPermission is hereby granted to copy and distribute this "
                    "license without modification.",
                ),
            ],
            id="the-notice-after-the-last-clause-closes-the-document",
        ),
        pytest.param(
            NOTICES_INSIDE,
            [
                (
                    "1",
                    "1)",
                    None,
                    "Notices. Keep the notices.\n\n"
                    "Copyright (C) 2001 The Author, as printed in the source files.",
                ),
                (
                    "2",
                    "2)",
                    None,
                    "Attribution. Give credit.\n\n"
                    "Copyright notices must be retained in every copy.",
                ),
            ],
            id="a-notice-in-a-clause-before-the-last-and-text-about-notices",
        ),
    ],
)
def test_the_copyright_notice_after_the_last_clause_is_no_part_of_it(
    text: str, expected: list[Row]
) -> None:
    assert tree(text) == expected


#: LPPL-1.3a/c's maintenance steps: "3a." then "b." (3b), between 2 and 4.
GLUED_LETTER_NUMBER = """\
If the Work is unmaintained, you can become the Current Maintainer through the following steps:

     1. Make a reasonable attempt to trace the Current Maintainer.

     2. If this search is successful, then enquire whether the Work is still maintained.

          a. If it is being maintained, then ask the Current Maintainer to update.

          b. If the search is unsuccessful, then announce your intention.

     3a. If the Current Maintainer is reachable and agrees, then this takes effect.

     b. If the Current Maintainer is not reachable, then maintenance passes.

     4. If you make an announcement as described in 2b. above, you may become it.
"""


def test_a_letter_glued_to_a_number_is_part_of_its_label() -> None:
    rows = tree(GLUED_LETTER_NUMBER)
    assert [(clause_id, number) for clause_id, number, _, _ in rows] == [
        ("preamble", None),
        ("1", "1"),
        ("2", "2"),
        ("2.a", "2.a"),
        ("2.b", "2.b"),
        ("3a", "3a"),
        ("3a.b", "3a.b"),
        ("4", "4"),
    ]
    assert (
        rows[5][3] == "If the Current Maintainer is reachable and agrees, then this takes effect."
    )
    # "2b. above" inside a sentence, and a number and letter before a word in lower case, are
    # no labels.
    assert (rows[-1][3] or "").endswith("as described in 2b. above, you may become it.")
    assert parse_label("2b. above") is None
    assert parse_label("3a. If the Current Maintainer") is not None


# -- d. a rule of dashes after a title on its line ------------------------------------------


def test_a_rule_of_dashes_after_a_title_is_no_part_of_it() -> None:
    # CeCILL-1.1: "Article 5 - SCOPE OF THE RIGHTS GRANTED -------" on one line.
    text = (
        "Article 4 - TERM\n\nThe Agreement remains in force.\n\n"
        "Article 5 - SCOPE OF THE RIGHTS GRANTED ---------------\n\nThe Licensor grants rights.\n"
        "\nArticle 6 - PRICE - FREE\n\nNo fee is due.\n"
    )
    assert [(clause_id, title) for clause_id, _, title, _ in tree(text)] == [
        ("4", "TERM"),
        ("5", "SCOPE OF THE RIGHTS GRANTED"),
        ("6", "PRICE - FREE"),
    ]
