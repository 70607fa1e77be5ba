"""Negation and scope: the classes of false and missed flags of the constructed set
(bench/flags/*--constructed.constructed.yaml, issue 11 item 3), one table per class, English
and German, each with rows that must raise the kind (`FLAGGED`) and rows that must not
(`NOT_FLAGGED`). The sentences are written for these tests, not taken from the set.

The classes:
- a negator that changes form keeps the polarity ("Nothing in ... or shall" / "... not ... and
  shall not", "without affecting" / "does not affect", "ohne ... zu berühren" / "berührt ...
  nicht"); a negator that goes with none in its place still turns it;
- "not ..., unless" says what "only if" says ("nur, wenn" / "nicht, es sei denn", "sofern
  nicht"); "auch dann nicht, wenn" denies, and "nur, wenn" / "wenn" makes a necessary
  condition sufficient (`condition`, no longer `scope`);
- the same verb in another form ("does not apply" / "also applies") by its stem, not by a stem
  of three letters ("deren" / "der");
- a bound said with a negator is a bound ("höchstens" / "nicht mehr als", "bis zu" / "nicht
  mehr als", "at most" / "not more than", "up to" / "no more than");
- a contrast "not ... but" / "nicht ..., sondern" says "only", a negated "only" ("nicht
  allein") none;
- "whether or not" / "irrespective of whether": "or not" is no item of a list.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_substance import Row, class_tests, kinds

from planlens.compare.model import FlagType

FLAGGED: dict[FlagType, list[Row]] = {
    "negation": [
        (
            "Nothing in this Agreement limits the rights of the Parties.",
            "This Agreement limits the rights of the Parties.",
            "en",
            "form: 'nothing' goes, no negator comes: the statement turns",
        ),
        (
            "The Licensor may end this Licence; this does not affect the rights already granted.",
            "The Licensor may end this Licence; this affects the rights already granted.",
            "en",
            "form: 'does not affect' -> 'affects': a turn",
        ),
        (
            "Die Behörde kann die Genehmigung widerrufen; dies berührt die Rechte Dritter nicht.",
            "Die Behörde kann die Genehmigung widerrufen; dies berührt die Rechte Dritter.",
            "de",
            "form: 'berührt ... nicht' -> 'berührt': a turn",
        ),
        (
            "This section does not apply to public bodies.",
            "This section also applies to public bodies.",
            "en",
            "stem: 'does not apply' -> 'also applies'",
        ),
        (
            "The Contractor does not deliver the goods to the port.",
            "The Contractor also delivers the goods to the port.",
            "en",
            "stem: 'does not deliver' -> 'also delivers'",
        ),
        (
            "Die Behörde nimmt keinen Antrag entgegen.",
            "Die Behörde nimmt Anträge entgegen.",
            "de",
            "stem: 'keinen Antrag' -> 'Anträge' (one stem, not the same first five letters)",
        ),
        (
            "Die Mieter zahlen die Nebenkosten nicht.",
            "Der Mieter zahlt die Nebenkosten.",
            "de",
            "stem: 'zahlen ... nicht' -> 'zahlt' (the same first five letters)",
        ),
        (
            "Der Bescheid wirkt nur, wenn eine Anordnung ergangen ist.",
            "Der Bescheid wirkt auch dann nicht, wenn eine Anordnung ergangen ist.",
            "de",
            "unless: 'auch dann nicht, wenn' denies the effect ('dann' is no anchor)",
        ),
        (
            "The permit takes effect only if an order has been made.",
            "The permit does not take effect even if an order has been made.",
            "en",
            "unless: 'not ... even if' denies the effect ('even' is no anchor)",
        ),
    ],
    "condition": [
        (
            "The licence applies only if the fee has been paid.",
            "The licence applies if the fee has been paid.",
            "en",
            "only if: a necessary condition made sufficient",
        ),
        (
            "Die Genehmigung wirkt nur, wenn der Antrag gestellt wurde.",
            "Die Genehmigung wirkt, wenn der Antrag gestellt wurde.",
            "de",
            "nur, wenn: a necessary condition made sufficient",
        ),
    ],
    "scope": [
        (
            "The Commission may extend the period by two months.",
            "The Commission may extend the period by not more than two months.",
            "en",
            "bound: 'not more than' added",
        ),
        (
            "Die Behörde kann die Frist um zwei Monate verlängern.",
            "Die Behörde kann die Frist um nicht mehr als zwei Monate verlängern.",
            "de",
            "bound: 'nicht mehr als' added",
        ),
        (
            "The armed forces will be kept at 600,000 personnel.",
            "The armed forces will be kept at no fewer than 600,000 personnel.",
            "en",
            "bound: 'no fewer than' added, a floor",
        ),
        (
            "Die Schuld wird in Raten erlassen.",
            "Die Schuld wird nicht auf einmal, sondern in Raten erlassen.",
            "de",
            "contrast: 'nicht ..., sondern' added, an 'only'",
        ),
        (
            "The debt will be repaid gradually.",
            "The debt will be repaid only gradually.",
            "en",
            "contrast: the 'only' itself still counts",
        ),
        (
            "This applies to works linked statically or dynamically with the Library.",
            "This applies to works linked statically with the Library.",
            "en",
            "or not: an item of a list that is a word still counts",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "negation": [
        (
            "Nothing in this Agreement is intended or shall be deemed to waive any right.",
            "This Agreement is not intended and shall not be deemed to waive any right.",
            "en",
            "form: 'nothing ... or shall' / 'not ... and shall not'",
        ),
        (
            "The Licensor may end this Licence without affecting the rights already granted.",
            "The Licensor may end this Licence; this does not affect the rights already granted.",
            "en",
            "form: 'without affecting' / 'does not affect'",
        ),
        (
            "Die Behörde kann die Genehmigung widerrufen, ohne die Rechte Dritter zu berühren.",
            "Die Behörde kann die Genehmigung widerrufen; dies berührt die Rechte Dritter nicht.",
            "de",
            "form: 'ohne ... zu berühren' / 'berührt ... nicht'",
        ),
        (
            "Nichts in diesem Vertrag berechtigt die Parteien zur Kündigung.",
            "Dieser Vertrag berechtigt die Parteien nicht zur Kündigung.",
            "de",
            "form: 'nichts' / 'nicht'",
        ),
        (
            "Der Bescheid wirkt nur, wenn eine Anordnung ergangen ist.",
            "Der Bescheid wirkt nicht, es sei denn, eine Anordnung ist ergangen.",
            "de",
            "unless: 'nur, wenn' / 'nicht, es sei denn'",
        ),
        (
            "Der Bescheid wirkt nur, wenn eine Anordnung ergangen ist.",
            "Der Bescheid wirkt nicht, sofern nicht eine Anordnung ergangen ist.",
            "de",
            "unless: 'nur, wenn' / 'nicht, sofern nicht'",
        ),
        (
            "The permit takes effect only if an order has been made.",
            "The permit does not take effect unless an order has been made.",
            "en",
            "unless: 'only if' / 'not ... unless'",
        ),
        (
            "Das Vermögen des Mannes wird nicht gemeinschaftliches Vermögen der Ehegatten.",
            "Das Vermögen der Ehegatten wird nicht deren gemeinschaftliches Vermögen.",
            "de",
            "stem: 'deren' and 'der' share a stem of three letters, no word",
        ),
    ],
    "condition": [
        (
            "Der Bescheid wirkt nur, wenn eine Anordnung ergangen ist.",
            "Der Bescheid wirkt nicht, es sei denn, eine Anordnung ist ergangen.",
            "de",
            "unless: the same necessary condition",
        ),
        (
            "The permit takes effect only if an order has been made.",
            "The permit does not take effect unless an order has been made.",
            "en",
            "unless: the same necessary condition",
        ),
    ],
    "scope": [
        (
            "Die Behörde kann die Frist um höchstens zwei Monate verlängern.",
            "Die Behörde kann die Frist um nicht mehr als zwei Monate verlängern.",
            "de",
            "bound: 'höchstens' / 'nicht mehr als'",
        ),
        (
            "Die Behörde kann die Frist um höchstens zwei Monate verlängern.",
            "Die Behörde kann die Frist nicht um mehr als zwei Monate verlängern.",
            "de",
            "bound: 'um höchstens' / 'nicht um mehr als'",
        ),
        (
            "Wer so handelt, wird mit Freiheitsstrafe bis zu drei Jahren bestraft.",
            "Wer so handelt, wird mit Freiheitsstrafe von nicht mehr als drei Jahren bestraft.",
            "de",
            "bound: 'bis zu' / 'nicht mehr als'",
        ),
        (
            "The Commission may extend the period by at most two months.",
            "The Commission may extend the period by not more than two months.",
            "en",
            "bound: 'at most' / 'not more than'",
        ),
        (
            "Each side may station up to 500 observers in the zone.",
            "Each side may station no more than 500 observers in the zone.",
            "en",
            "bound: 'up to' / 'no more than'",
        ),
        (
            "The debt will be repaid only gradually and in stages.",
            "The debt will be repaid not all at once but gradually and in stages.",
            "en",
            "contrast: 'only' / 'not all at once but': the same, and 'all' is denied",
        ),
        (
            "Die Schuld wird nur in Raten erlassen.",
            "Die Schuld wird nicht auf einmal, sondern in Raten erlassen.",
            "de",
            "contrast: 'nur' / 'nicht ..., sondern'",
        ),
        (
            "Die Behörde arbeitet mit der zuständigen Stelle des Landes zusammen.",
            "Die Behörde arbeitet nicht allein, sondern mit der zuständigen Stelle des Landes"
            " zusammen.",
            "de",
            "contrast: 'nicht allein' is a negated 'only', none",
        ),
        (
            "The board will set up a group whose task is to promote compliance with the rules.",
            "The board will set up a group, which is not to be a mere observer but is to"
            " promote compliance with the rules.",
            "en",
            "contrast: 'is not ... but is' contrasts two statements, no 'only'",
        ),
        (
            "Executables fall under Section 6, whether or not they are linked with the Library.",
            "Executables fall under Section 6, irrespective of whether they are linked with the"
            " Library.",
            "en",
            "or not: 'whether or not' / 'irrespective of whether'",
        ),
        (
            "Die Regel gilt für jeden Betrieb, ob er Mitarbeiter beschäftigt oder nicht.",
            "Die Regel gilt für jeden Betrieb, unabhängig davon, ob er Mitarbeiter beschäftigt.",
            "de",
            "or not: 'ob ... oder nicht' / 'unabhängig davon, ob'",
        ),
        (
            "Der Bescheid wirkt nur, wenn eine Anordnung ergangen ist.",
            "Der Bescheid wirkt auch dann nicht, wenn eine Anordnung ergangen ist.",
            "de",
            "only if: the 'nur' of 'nur, wenn' is the condition's, no scope",
        ),
        (
            "The licence applies only if the fee has been paid.",
            "The licence applies if the fee has been paid.",
            "en",
            "only if: the 'only' of 'only if' is the condition's, no scope",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    _,
) = class_tests(FLAGGED, NOT_FLAGGED)


_ALL = [row for table in (FLAGGED, NOT_FLAGGED) for rows in table.values() for row in rows]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_ALL), st.sampled_from(["", " Dies gilt auch.", " It also applies."]))
def test_swapping_the_texts_gives_the_samekinds(row: Row, tail: str) -> None:
    """Negation, condition and scope are symmetric on these rows: old -> new and new -> old
    flag the same of them, with a sentence added after the old text too."""
    old, new, language, _ = row
    old += tail
    watched = {"negation", "condition", "scope"}
    assert kinds(old, new, language) & watched == kinds(new, old, language) & watched
