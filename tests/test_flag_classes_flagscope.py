"""Flag kinds: classes of `scope` errors (branch flagscope, issue 11 item 3), one table per
class, English and German, each with rows that must raise `scope` (`FLAGGED`) and rows that
must not (`NOT_FLAGGED`), both ways round. The sentences are written for these tests, not taken
from the sets.

The classes:
- run: a list that grows or shrinks by several items at once, each set off by its comma ("in
  Lviv, Kharkiv, Kyiv and Odesa" for "in Kyiv and Odesa", "für Kaufverträge, Mietverträge,
  Pachtverträge und Werkverträge"), or that closes with them (", cities and districts"), is
  `scope`, whether or not the place list knows the items; not a run whose parts are clauses
  ("Eltern, denen die Sorge zusteht, nicht nur vorübergehend"), glosses ("das heißt",
  "that is"), examples ("einschließlich ...") or an apposition set off by commas on both
  sides ("auf einem Markt, dem ersten Markt, über");
- name: one name with its comma added to or dropped from a list ("in Lviv, Kharkiv and Odesa"
  for "in Kharkiv and Odesa") is `scope` in English, where a capital inside a sentence marks a
  name; not a part of a name ("Source Code Form,"), a word that links ("However,"), nor one
  German noun, which has its capital anyway ("bei Geldstrafe, Verfall oder Einziehung" lost
  "Verfall" when the law renamed it: the labels call that none of the kinds);
- hyphen (German only: the qualifiers of a noun are read in German, `qualifiers`): a compound
  with its first part set off by a hyphen narrows what its last part names as a compound
  without one does ("Verbraucherdarlehensvertrag" -> "Allgemein-Verbraucherdarlehensvertrag",
  also cut at a line break, "Allgemein- Verbraucherdarlehensvertrag"); not after an
  abbreviation ("EU-Mitgliedstaat"), nor the same compound with a hyphen
  ("Verbraucher-Darlehensvertrag");
- term (German only, as hyphen): a compound in place of its last part, or the reverse, is no
  `scope` where both texts name the compound elsewhere: it is their own term for the thing
  ("aus einem Darlehensvertrag" -> "aus einem Verbraucherdarlehensvertrag" beside "aus dem
  Verbraucherdarlehensvertrag" on both sides; "vom Netz" -> "vom Telekommunikationsnetz" beside
  "Betreiber öffentlicher Telekommunikationsnetze"); where one text only names it, it narrows;
- restated (German only, as hyphen): an adjective dropped before a noun that gains a relative
  clause saying the same in a word of its stem is the same extent ("bei außergewöhnlichen
  Umständen" / "bei Umständen, die nicht gewöhnlich sind"); a relative clause that says
  something else still narrows ("ein minderjähriges Kind" / "ein Kind, das im Haushalt lebt");
- exclusion: a list's conjunction turned into an exclusion ("Leib oder Leben oder fremde
  Sachen" -> "Leib oder Leben, nicht aber fremde Sachen", "troops and heavy weapons" ->
  "troops, but not heavy weapons") drops the item after it: `scope`; the exclusion itself is no
  item, and an exclusion reworded ("nicht aber" / "jedoch nicht") is none;
- whole: an item cut at the conjunction that joins two modifiers of one noun is shown whole:
  "full restoration of social and economic links", not "full restoration of social"
  (`test_an_item_cut_at_its_conjunction_is_shown_whole`).
"""

from __future__ import annotations

import pytest
from test_substance import Row, class_tests

from planlens.compare.model import FlagType
from planlens.compare.substance import substance_flags

FLAGGED: dict[FlagType, list[Row]] = {
    "scope": [
        (
            "Humanitarian corridors will be opened in Kyiv and Odesa.",
            "Humanitarian corridors will be opened in Lviv, Kharkiv, Kyiv and Odesa.",
            "en",
            "run: two names the place list does not all know join the list",
        ),
        (
            "Die Vorschrift gilt für Kaufverträge und Werkverträge.",
            "Die Vorschrift gilt für Kaufverträge, Mietverträge, Pachtverträge und Werkverträge.",
            "de",
            "run: two kinds of contract join the list",
        ),
        (
            "Schools will reopen in towns and villages.",
            "Schools will reopen in towns, villages, cities and districts.",
            "en",
            "run: the list closes with two more items",
        ),
        (
            "Die Schulen öffnen in Städten und Dörfern.",
            "Die Schulen öffnen in Städten, Dörfern, Gemeinden und Bezirken.",
            "de",
            "run: the list closes with two more items",
        ),
        (
            "Humanitarian corridors will be opened in Kharkiv and Odesa.",
            "Humanitarian corridors will be opened in Lviv, Kharkiv and Odesa.",
            "en",
            "name: a city the place list does not know joins the list",
        ),
        (
            "The monitors will cover Sumy and Kherson.",
            "The monitors will cover Poltava, Sumy and Kherson.",
            "en",
            "name: a name at the head of the list",
        ),
        (
            "Der Darlehensnehmer kann einen Verbraucherdarlehensvertrag jederzeit kündigen.",
            "Der Darlehensnehmer kann einen Allgemein-Verbraucherdarlehensvertrag jederzeit"
            " kündigen.",
            "de",
            "hyphen: the contract narrowed to general consumer loans",
        ),
        (
            "Die §§ 491a bis 502 sind auf Verbraucherdarlehensverträge nicht anzuwenden.",
            "Die §§ 491a bis 502 sind auf Allgemein- Verbraucherdarlehensverträge nicht"
            " anzuwenden.",
            "de",
            "hyphen: the compound cut at a line break",
        ),
        (
            "Wird eine Forderung aus einem Darlehensvertrag abgetreten, ist der Darlehensnehmer"
            " zu unterrichten.",
            "Wird eine Forderung aus einem Verbraucherdarlehensvertrag abgetreten, ist der"
            " Darlehensnehmer zu unterrichten.",
            "de",
            "term: the compound named by one text only narrows the contract",
        ),
        (
            "Das Gericht bestellt für ein minderjähriges Kind einen Pfleger.",
            "Das Gericht bestellt für ein Kind, das im Haushalt lebt, einen Pfleger.",
            "de",
            "restated: the relative clause says something else than the adjective",
        ),
        (
            "Ebenso wird bestraft, wer dadurch Leib oder Leben eines anderen Menschen oder"
            " fremde Sachen von bedeutendem Wert gefährdet.",
            "Ebenso wird bestraft, wer dadurch Leib oder Leben eines anderen Menschen, nicht"
            " aber fremde Sachen von bedeutendem Wert gefährdet.",
            "de",
            "exclusion: the offence no longer covers endangering things",
        ),
        (
            "The monitors will observe the withdrawal of troops and heavy weapons from the line.",
            "The monitors will observe the withdrawal of troops, but not heavy weapons, from the"
            " line.",
            "en",
            "exclusion: heavy weapons are no longer observed",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "scope": [
        (
            "Leben Eltern nicht nur vorübergehend getrennt, so kann jeder Elternteil es"
            " beantragen.",
            "Leben Eltern, denen die elterliche Sorge gemeinsam zusteht, nicht nur"
            " vorübergehend getrennt, so kann jeder Elternteil es beantragen.",
            "de",
            "run: a relative clause set off by commas is no run of items",
        ),
        (
            "The parties, who signed the memorandum, will meet in Geneva.",
            "The parties, who signed the memorandum, that is, the guarantors, will meet in Geneva.",
            "en",
            "run: a gloss is no item",
        ),
        (
            "Die Schnittstelle ist ein Netzabschlusspunkt, über den der Benutzer Zugang hat.",
            "Die Schnittstelle ist ein Netzabschlusspunkt, das heißt, der physische"
            " Anschlusspunkt, über den der Benutzer Zugang hat.",
            "de",
            "run: 'das heißt' glosses, no item",
        ),
        (
            "Verfügt ein Unternehmen auf einem relevanten Markt über Marktmacht, so gilt"
            " Absatz 2 entsprechend.",
            "Verfügt ein Unternehmen auf einem relevanten Markt, dem ersten Markt, über"
            " Marktmacht, so gilt Absatz 2 entsprechend.",
            "de",
            "run: an apposition set off by commas on both sides",
        ),
        (
            "Es gibt im Bereich der Telekommunikation keine Verzerrungen oder Beschränkungen.",
            "Es gibt im Bereich der Telekommunikation, einschließlich der Bereitstellung von"
            " Inhalten, keine Verzerrungen oder Beschränkungen.",
            "de",
            "run: an example set off by commas is no item",
        ),
        (
            "Für Geldstrafe, Verfall oder Einziehung gelten die Absätze 1 bis 4 entsprechend.",
            "Für Geldstrafe oder Einziehung gelten die Absätze 1 bis 4 entsprechend.",
            "de",
            "name: one German noun gone from a list (Verfall, renamed in the law)",
        ),
        (
            "Covered Software means the Source Code and Modifications of it.",
            "Covered Software means the Source Code Form, and Modifications of it.",
            "en",
            "name: a word of a name ('Source Code Form') is no item",
        ),
        (
            "The parties will meet. The guarantors and observers will attend.",
            "The parties will meet. However, the guarantors and observers will attend.",
            "en",
            "name: a word that links is no item",
        ),
        (
            "Die Vorschriften gelten für den Mitgliedstaat der Union.",
            "Die Vorschriften gelten für den EU-Mitgliedstaat der Union.",
            "de",
            "hyphen: an abbreviation before the hyphen names the same state",
        ),
        (
            "Der Darlehensnehmer kann einen Verbraucherdarlehensvertrag jederzeit kündigen.",
            "Der Darlehensnehmer kann einen Verbraucher-Darlehensvertrag jederzeit kündigen.",
            "de",
            "hyphen: the same compound with a hyphen",
        ),
        (
            "Wird eine Forderung aus einem Darlehensvertrag abgetreten, ist der Darlehensnehmer"
            " zu unterrichten. Er muss aus dem Verbraucherdarlehensvertrag keinen Wechsel"
            " eingehen.",
            "Wird eine Forderung aus einem Verbraucherdarlehensvertrag abgetreten, ist der"
            " Darlehensnehmer zu unterrichten. Er muss aus dem Verbraucherdarlehensvertrag"
            " keinen Wechsel eingehen.",
            "de",
            "term: both texts name the compound in the next sentence",
        ),
        (
            "Der Betreiber öffentlicher Telekommunikationsnetze kann das Gerät vom Netz"
            " abtrennen, wenn der Schutz des Netzes es erfordert.",
            "Der Betreiber öffentlicher Telekommunikationsnetze kann das Gerät vom"
            " Telekommunikationsnetz abtrennen, wenn der Schutz des Telekommunikationsnetzes es"
            " erfordert.",
            "de",
            "term: the network both texts name in full",
        ),
        (
            "Die Behörde kann die Frist bei außergewöhnlichen Umständen um zwei Monate verlängern.",
            "Die Behörde kann die Frist bei Umständen, die nicht gewöhnlich sind, um zwei Monate"
            " verlängern.",
            "de",
            "restated: the adjective said by a relative clause",
        ),
        (
            "Das Gericht bestellt für eine unverheiratete Person einen Pfleger.",
            "Das Gericht bestellt für eine Person, die nicht verheiratet ist, einen Pfleger.",
            "de",
            "restated: the adjective's stem in the relative clause",
        ),
        (
            "Das Gesetz gilt für Kaufverträge, nicht aber für Werkverträge.",
            "Das Gesetz gilt für Kaufverträge, jedoch nicht für Werkverträge.",
            "de",
            "exclusion: the same exclusion reworded",
        ),
        (
            "The monitors will observe the withdrawal of troops but not heavy weapons.",
            "The monitors will observe the withdrawal of troops and not heavy weapons.",
            "en",
            "exclusion: the same exclusion reworded",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(FLAGGED, NOT_FLAGGED, ("run", "name", "exclusion"))


@pytest.mark.parametrize(
    ("old", "new", "language", "shown"),
    [
        (
            "A programme is to be adopted for the economic recovery of Donbas.",
            "Modalities are to be adopted for the full restoration of social and economic"
            " links, pensions and the banking system among them.",
            "en",
            "full restoration of social and economic links",
        ),
        (
            "Modalities are to be adopted for the restoration of economic links.",
            "Modalities are to be adopted for the restoration of social and economic links.",
            "en",
            "social and economic links",
        ),
        (
            "Modalitäten für die Wiederherstellung der wirtschaftlichen Beziehungen sind zu"
            " beschließen.",
            "Modalitäten für die Wiederherstellung der sozialen und wirtschaftlichen Beziehungen"
            " sind zu beschließen.",
            "de",
            "sozialen und wirtschaftlichen Beziehungen",
        ),
    ],
)
def test_an_item_cut_at_its_conjunction_is_shown_whole(
    old: str, new: str, language: str, shown: str
) -> None:
    """whole: an item whose conjunction joins two modifiers of one noun is shown with the
    noun, not cut at the conjunction; both ways round."""
    for a, b, side in ((old, new, 1), (new, old, 0)):
        scope = [f for f in substance_flags(a, b, language) if f.type == "scope"]
        assert scope, "scope"
        values = (scope[0].old, scope[0].new)[side].split(", ")
        assert shown in values, values


def test_an_item_ending_with_a_noun_is_not_completed() -> None:
    """whole: "fighters and" before "heavy weapons" is an item of its own: a noun ends it."""
    scope = [
        f
        for f in substance_flags(
            "Heavy weapons are to be withdrawn.", "Fighters and heavy weapons are to be withdrawn."
        )
        if f.type == "scope"
    ]
    assert scope and scope[0].new == "Fighters", scope
