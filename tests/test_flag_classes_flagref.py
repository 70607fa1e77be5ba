"""Flag classes: references renumbered with the provisions they name (branch flagref, issue 11,
"trustworthy substance flags"), English and German, each row both ways round.

When a law is renumbered, a clause's references change number though they name the same
provision ("§ 651a" -> "§ 651b" because § 651a became § 651b). `compare` passes the alignment's
`Renumbering` to the flag rules, which read such a reference as unchanged:

- same: a reference whose provision the alignment paired with the provision the other side's
  reference names is no `scope` change (`SAME`; main flags each of these rows: checked);
- other: a reference to another provision than the one the old one's became still is
  (`OTHER`);
- act: a reference to another act's provision ("des Handelsgesetzbuchs", "UWG", "of Directive
  96/9/EC", "of the GNU General Public License"), to another level than the plan's clauses
  ("Artikel 246" in a law of §§), or the end of a range, is not mapped: flagged as without a
  renumbering (`ACT`);
- range (branch flagfix10, held-out-8): a range of the plan's own provisions that lost one at an
  end which the new plan still has, under a number other than the new end's ("the conditions
  in sections 2 through 5" / "sections 3 through 5" where section 2 stays), refers to less:
  `scope` (`RANGE_KEPT`; without a renumbering it reads as a provision repealed, as before);
  one whose lost end became the new end, or a range of another act, is none (`RANGE_GONE`).

The sentences are written for these tests, not taken from the sets.
"""

from __future__ import annotations

import pytest

from planlens.compare import compare
from planlens.compare.renumbering import (
    BARE,
    Renumbering,
    label,
    of_diff,
    own_references,
    referred_change,
)
from planlens.compare.substance import substance_flags
from planlens.plan.model import Clause, Plan, Source

LAW = frozenset(["sign"])
#: old text, new text, language, renumbering (old label -> new labels), the plans' words, why.
Row = tuple[str, str, str, dict[str, list[str]], frozenset[str], str]

SAME: list[Row] = [
    (
        "Die §§ 651a und 651c gelten entsprechend.",
        "Die §§ 651b und 651c gelten entsprechend.",
        "de",
        {"651a": ["651b"], "651c": ["651c"]},
        LAW,
        "same: § 651a became § 651b",
    ),
    (
        "Im Fall des § 73a ist § 12 anzuwenden.",
        "Im Fall des § 73c ist § 12 anzuwenden.",
        "de",
        {"73a": ["73c"], "73d": ["73a"], "12": ["12"]},
        LAW,
        "same: § 73a became § 73c while § 73d became § 73a",
    ),
    (
        "Die Vorschriften der §§ 649, 650 und 651 gelten entsprechend.",
        "Die Vorschriften der §§ 648, 649 und 651 gelten entsprechend.",
        "de",
        {"649": ["648"], "650": ["649"], "651": ["651"]},
        LAW,
        "same: two provisions moved up by one, each referred to under its new number",
    ),
    (
        "Die §§ 176 und 184 gelten entsprechend.",
        "Die §§ 176b und 184 gelten entsprechend.",
        "de",
        {"176": ["176", "176a", "176b"], "184": ["184"]},
        LAW,
        "same: one part of a provision split in three",
    ),
    (
        "Except as stated in Sections 7 and 9, the licence is perpetual.",
        "Except as stated in Sections 8 and 9, the licence is perpetual.",
        "en",
        {"7": ["8"], "9": ["9"]},
        BARE,
        "same: section 7 became section 8",
    ),
    (
        "Subject to section 3.2 and section 4, You may distribute the Work.",
        "Subject to section 3.3 and section 4, You may distribute the Work.",
        "en",
        {"3.2": ["3.3"], "4": ["4"]},
        BARE,
        "same: a subsection renumbered",
    ),
    (
        "The Licensor may terminate as set out in Article 5 and Article 7 of this Licence.",
        "The Licensor may terminate as set out in Article 6 and Article 7 of this Licence.",
        "en",
        {"5": ["6"], "7": ["7"]},
        BARE,
        "same: an article renumbered, 'of this Licence' names the plan itself",
    ),
]

OTHER: list[Row] = [
    (
        "Die §§ 651a und 651c gelten entsprechend.",
        "Die §§ 651d und 651c gelten entsprechend.",
        "de",
        {"651a": ["651b"], "651c": ["651c"], "651d": ["651d"]},
        LAW,
        "other: § 651a became § 651b, not § 651d",
    ),
    (
        "Die §§ 176 und 184 gelten entsprechend.",
        "Die §§ 176c und 184 gelten entsprechend.",
        "de",
        {"176": ["176", "176a", "176b"], "176a": ["176c"], "184": ["184"]},
        LAW,
        "other: none of the parts the provision was split into",
    ),
    (
        "Except as stated in Sections 7 and 9, the licence is perpetual.",
        "Except as stated in Sections 10 and 9, the licence is perpetual.",
        "en",
        {"7": ["8"], "9": ["9"], "10": ["10"]},
        BARE,
        "other: section 7 became section 8, not section 10",
    ),
    (
        "The Licensor may terminate as set out in Article 5 and Article 7.",
        "The Licensor may terminate as set out in Article 3 and Article 7.",
        "en",
        {"5": ["6"], "3": ["3"], "7": ["7"]},
        BARE,
        "other: an article in place of another",
    ),
]

ACT: list[Row] = [
    (
        "nach Artikel 246 § 1 und § 5 des Einführungsgesetzes zum Bürgerlichen Gesetzbuche",
        "nach Artikel 246b § 1 und § 5 des Einführungsgesetzes zum Bürgerlichen Gesetzbuche",
        "de",
        {"246": ["246b"], "5": ["5"], "1": ["1"]},
        LAW,
        "act: an article of the EGBGB, whatever became of this law's § 246",
    ),
    (
        "Die §§ 377 und 381 des Handelsgesetzbuchs bleiben unberührt.",
        "Die §§ 378 und 381 des Handelsgesetzbuchs bleiben unberührt.",
        "de",
        {"377": ["378"], "381": ["381"]},
        LAW,
        "act: sections of the Handelsgesetzbuch",
    ),
    (
        "Die §§ 3 und 5 UWG gelten entsprechend.",
        "Die §§ 4 und 5 UWG gelten entsprechend.",
        "de",
        {"3": ["4"], "5": ["5"]},
        LAW,
        "act: an act by its abbreviation",
    ),
    (
        "Die Artikel 5 und 7 gelten entsprechend.",
        "Die Artikel 6 und 7 gelten entsprechend.",
        "de",
        {"5": ["6"], "7": ["7"]},
        LAW,
        "act: articles in a law of §§ are none of its provisions",
    ),
    (
        "Die §§ 315 bis 315d und § 316 gelten entsprechend.",
        "Die §§ 315 bis 315e und § 316 gelten entsprechend.",
        "de",
        {"315": ["315"], "315d": ["315e"], "316": ["316"]},
        LAW,
        "act: the end of a range, which may cover a provision inserted before it",
    ),
    (
        "as provided in Article 5 and Article 7 of Directive 96/9/EC",
        "as provided in Article 6 and Article 7 of Directive 96/9/EC",
        "en",
        {"5": ["6"], "7": ["7"]},
        BARE,
        "act: articles of a directive",
    ),
    (
        "under sections 7 and 9 of the GNU General Public License",
        "under sections 8 and 9 of the GNU General Public License",
        "en",
        {"7": ["8"], "9": ["9"]},
        BARE,
        "act: sections of another licence",
    ),
]


RANGE_KEPT: list[Row] = [
    (
        "The licence is no longer subject to the conditions in sections 2 through 5.",
        "The licence is no longer subject to the conditions in sections 3 through 5.",
        "en",
        {"2": ["2"], "3": ["3"], "5": ["5"]},
        BARE,
        "range: section 2 is still there",
    ),
    (
        "Die §§ 176 bis 179 gelten entsprechend.",
        "Die §§ 177 bis 179 gelten entsprechend.",
        "de",
        {"176": ["176"], "177": ["177"], "179": ["179"]},
        LAW,
        "range: § 176 is still there",
    ),
]

RANGE_GONE: list[Row] = [
    (
        "Die §§ 176 bis 179 gelten entsprechend.",
        "Die §§ 176 bis 178 gelten entsprechend.",
        "de",
        {"176": ["176"], "179": ["178"]},
        LAW,
        "range: § 179 became § 178",
    ),
    (
        "wenn eine der in Artikel 247 §§ 6 und 9 bis 13 des Einführungsgesetzes genannten Angaben",
        "wenn eine der in Artikel 247 §§ 6 und 10 bis 13 des Einführungsgesetzes genannten Angaben",
        "de",
        {"6": ["6"], "9": ["9"], "10": ["10"], "13": ["13"]},
        LAW,
        "range: of another act",
    ),
    (
        "subject to the conditions in sections 2 through 5 of the GNU General Public License",
        "subject to the conditions in sections 3 through 5 of the GNU General Public License",
        "en",
        {"2": ["2"], "3": ["3"], "5": ["5"]},
        BARE,
        "range: of another licence",
    ),
]


def _renumbering(row: Row) -> Renumbering:
    targets = {k: frozenset(v) for k, v in row[3].items()}
    return Renumbering(targets, row[4], row[4])


def _scope(old: str, new: str, language: str, renumbering: Renumbering | None) -> bool:
    return any(f.type == "scope" for f in substance_flags(old, new, language, (), renumbering))


def _cases(rows: list[Row]) -> list[object]:
    return [pytest.param(row, id=f"{row[2]}-{row[5]}") for row in rows]


@pytest.mark.parametrize("row", _cases(SAME))
def test_a_renumbered_reference_to_the_same_provision_is_no_flag(row: Row) -> None:
    old, new, language, _, _, why = row
    renumbering = _renumbering(row)
    # Without the renumbering the rules flag it (as main's did): the row is of the class.
    assert _scope(old, new, language, None), why
    assert not _scope(old, new, language, renumbering), why
    assert not _scope(new, old, language, renumbering.reversed()), why


@pytest.mark.parametrize("row", _cases(OTHER))
def test_a_reference_to_another_provision_still_is(row: Row) -> None:
    old, new, language, _, _, why = row
    renumbering = _renumbering(row)
    assert _scope(old, new, language, renumbering), why
    assert _scope(new, old, language, renumbering.reversed()), why


@pytest.mark.parametrize("row", _cases(ACT))
def test_a_reference_to_another_act_is_flagged_as_without_a_renumbering(row: Row) -> None:
    old, new, language, _, _, why = row
    renumbering = _renumbering(row)
    for a, b, r in ((old, new, renumbering), (new, old, renumbering.reversed())):
        assert substance_flags(a, b, language, (), r) == substance_flags(a, b, language), why
    assert _scope(old, new, language, renumbering), why


@pytest.mark.parametrize("row", _cases(RANGE_KEPT))
def test_a_range_that_lost_a_provision_still_there_refers_to_less(row: Row) -> None:
    old, new, language, _, _, why = row
    renumbering = _renumbering(row)
    assert not _scope(old, new, language, None), why  # read as a provision repealed
    assert _scope(old, new, language, renumbering), why
    assert _scope(new, old, language, renumbering.reversed()), why  # it grows the other way


@pytest.mark.parametrize("row", _cases(RANGE_GONE))
def test_a_range_whose_lost_end_moved_or_of_another_act_is_no_flag(row: Row) -> None:
    old, new, language, _, _, why = row
    assert not _scope(old, new, language, _renumbering(row)), why
    assert not _scope(old, new, language, None), why


def test_every_class_has_rows_in_both_languages() -> None:
    for rows in (SAME, OTHER, ACT, RANGE_KEPT, RANGE_GONE):
        assert {row[2] for row in rows} == {"de", "en"}


def test_the_references_read_as_the_plans_own() -> None:
    """`own_references`: the plan's word at the start, no other act after or before."""
    assert own_references("nach § 5 dieses Gesetzes und § 7 der Zivilprozessordnung", LAW) == {"5"}
    assert own_references("§ 12 Absatz 3 Satz 1 und Artikel 3", LAW) == {"12"}
    assert own_references("Section 2 paragraph 3 and Section 5", BARE) == {"2"}
    assert own_references("NATO's Article 5; Article 7 above", BARE) == {"7"}
    assert own_references("Section 3.5 of the License; version 2 of the GPL", BARE) == {"3.5"}
    assert own_references("Sections 1 through 9 of this document", BARE) == set()


def test_labels_are_those_one_clause_has() -> None:
    """A clause's label is its number without its word; a label two clauses share maps nowhere."""
    assert label(Clause("3-6", None, "§§ 3 bis 6")) is None
    assert label(Clause("preamble", None)) is None
    assert label(Clause("7", None)) == ("", "7")
    old = [Clause("1", None, "1"), Clause("1b", None, "1"), Clause("2", None, "2")]
    new = [Clause("1", None, "1"), Clause("3", None, "3")]
    from planlens.compare.renumbering import renumbering

    found = renumbering(old, new, [(("1",), ("1",)), (("2",), ("3",))])
    assert dict(found.targets) == {"2": frozenset(["3"])}
    assert found.old_words == found.new_words == BARE


def test_without_a_renumbering_the_references_compare_by_number() -> None:
    """The rule as before when no renumbering is given (unit uses of the flag function)."""
    assert referred_change("nach den §§ 651a und 5", "nach den §§ 651b und 5") == (
        ["651a"],
        ["651b"],
    )
    assert referred_change("nach § 651a", "nach § 651b") == ([], [])


SOURCE = (Source(url="https://example.org"),)
INTRO = "Der Reiseveranstalter hat dem Reisenden die vereinbarten Reiseleistungen zu verschaffen."
REMEDY = "Der Reisende kann Abhilfe verlangen, wenn die Reise mangelhaft ist."
NOTICE = "Der Reisende hat dem Reiseveranstalter einen Reisemangel unverzüglich anzuzeigen."
INSERTED = "Der Reiseveranstalter hat dem Reisenden vor Vertragsschluss eine Bestätigung zu geben."


def _law(plan_id: str, texts: dict[str, str]) -> Plan:
    clauses = tuple(Clause(i, t, f"§ {i}") for i, t in texts.items())
    return Plan(plan_id, plan_id, "2025-01-01", "draft", "full", SOURCE, clauses, language="de")


def test_compare_reads_a_reference_renumbered_with_its_provision_as_unchanged() -> None:
    """End to end: § 2 becomes § 3 when a § 2 is inserted; § 4, which refers to §§ 2 and 1,
    now refers to §§ 3 and 1: no flag; a reference to the EGBGB beside it is still read."""
    refers = "Die §§ {} und 1 gelten entsprechend; Artikel {} des Einführungsgesetzes bleibt."
    old = _law("law-1", {"1": INTRO, "2": REMEDY, "3": NOTICE, "4": refers.format(2, 9)})
    new = _law(
        "law-2",
        {"1": INTRO, "2": INSERTED, "3": REMEDY, "4": NOTICE, "5": refers.format(3, 9)},
    )
    diff = compare(old, new)
    assert dict(of_diff(diff).targets)["2"] == {"3"}
    change = next(c for c in diff.walk() if c.old == ("4",))
    assert change.new == ("5",)
    assert change.relation == "reworded", change.flags
    # The same pair of texts without the alignment: flagged, as main flagged it.
    assert substance_flags(refers.format(2, 9), refers.format(3, 9), "de")
    moved = _law(
        "law-3",
        {"1": INTRO, "2": INSERTED, "3": REMEDY, "4": NOTICE, "5": refers.format(4, 9)},
    )
    change = next(c for c in compare(old, moved).walk() if c.old == ("4",))
    assert change.relation == "modified"
    assert [(f.type, f.old, f.new) for f in change.flags] == [("scope", "§ 2", "§ 4")]
