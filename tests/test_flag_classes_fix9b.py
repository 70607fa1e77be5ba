"""Flag kinds: classes of false and missed flags of the development and released sets
(bench/flags/, branch fix9b, held-out-5 released), one table per class, English and German where
the class exists in both, each with rows that must raise the kind (`FLAGGED`) and rows that must
not (`NOT_FLAGGED`), both ways round. The sentences are written for these tests, not taken from
the sets.

The classes:
- alone: a clause that one side has alone inside an aligned group ("...; this shall not apply
  to section 7 paragraph 3" dropped) brings the modal verbs of a provision removed or added, no
  turn of force (no `modality`), the twin of fix9's "nicht" before a reference; a modal verb
  turned in a clause both sides keep ("the buyer shall pay" / "the buyer may pay") still is
  `modality`.
- predicate: a role that is the predicate of "to be" ("Ist der Besteller ein Verbraucher, so",
  "wenn der Käufer ein Verbraucher ist", "if the buyer is a consumer") names a property of a
  person the statement names otherwise, no actor of its own: no `party`; the same role as
  whom a duty binds or benefits ("hat dem Verbraucher zu leisten", "shall deliver to the
  consumer") still is a `party`.
- citation: an act cited with the date it was adopted and its issues of the Official Journal
  ("Verordnung (EG) Nr. 1013/2006 ... vom 14. Juni 2006 (ABl. L 190 vom 12.7.2006, S. 1)",
  "Regulation (EC) No 1013/2006 ... of 14 June 2006 (OJ L 190, 12.7.2006, p. 1)"): its date
  says which act is meant and its series, issue and page count nothing (no `date`, no
  `number` when the citation changes); a time limit or an amount beside it still is one.
- before-act: an act named by its noun before which a duty holds ("rechtzeitig vor Abgabe
  seiner Vertragserklärung", "vor Vertragsschluss", "vor Reisebeginn", "before the conclusion
  of the contract") bounds when it holds (`date`), as "vor dem Beginn" did; not in a relative
  clause, where it says which thing is meant ("eine Probe, die der Verkäufer vor
  Vertragsschluss zur Verfügung gestellt hat", "a sample which the seller provided before the
  conclusion of the contract"), nor "vor dem Gericht" (a place).
- citation-tail: the tail of a citation that "ABl." cut from its sentence ("L 190 vom
  12.7.2006, S. 1, L 318 vom 28.11.2008, S. 15), die zuletzt durch die Verordnung (EU) Nr.
  413/2010 (ABl.") is editorial, no `provision` when the citation goes; a sentence with a rule
  beside it still is one. English writes "OJ" without a full stop, which cuts nothing: its rows
  guard that the citation gone is no provision there either.
- subjunctive (German only: English puts "would" before its verb wherever the clause stands):
  a German "würde" at the end of its clause is the verb of a subordinate clause, the mood of a
  hypothetical ("wenn ... b) die Aufhebung eine so schwere Härte darstellen würde, dass ..."),
  no force of the statement (no `modality`); "würde" in second place turns the force ("kann
  ... ablehnen" / "würde ... ablehnen"), as "may" / "would" does.
"""

from __future__ import annotations

import pytest
from test_substance import Row, class_tests

from planlens.compare.modality import modality
from planlens.compare.model import FlagType

FLAGGED: dict[FlagType, list[Row]] = {
    "provision": [
        (
            "Wer Abfälle entgegen der Verordnung (EG) Nr. 1013/2006 (ABl. L 190 vom 12.7.2006, S."
            " 1, L 318 vom 28.11.2008, S. 15), die zuletzt durch die Verordnung (EU) Nr. 413/2010"
            " (ABl. L 119 vom 13.5.2010, S. 1) geändert worden ist, verbringt, wird bestraft.",
            "Wer Abfälle entgegen der Verordnung (EG) Nr. 1013/2006 verbringt, wird bestraft. Die"
            " Behörde hat die Abfälle auf Kosten des Täters in den Herkunftsstaat zurückzuführen.",
            "de",
            "citation-tail: a rule added beside the citation gone",
        ),
        (
            "Whoever ships waste contrary to Regulation (EC) No 1013/2006 (OJ L 190, 12.7.2006, p."
            " 1; OJ L 318, 28.11.2008, p. 15), as last amended by Regulation (EU) No 413/2010 (OJ"
            " L 119, 13.5.2010, p. 1), shall be punished.",
            "Whoever ships waste contrary to Regulation (EC) No 1013/2006 shall be punished. The"
            " authority shall return the waste to the state of origin at the offender's expense.",
            "en",
            "citation-tail: a rule added beside the citation gone",
        ),
    ],
    "date": [
        (
            "Die Abfälle sind nach der Verordnung (EG) Nr. 1013/2006 des Rates vom 14. Juni 2006"
            " (ABl. L 190 vom 12.7.2006, S. 1) innerhalb von 30 Tagen zu melden.",
            "Die Abfälle sind nach der Verordnung (EG) Nr. 1013/2006 des Rates vom 14. Juni 2006"
            " (ABl. L 190 vom 12.7.2006, S. 1) innerhalb von 60 Tagen zu melden.",
            "de",
            "citation: a time limit beside the citation",
        ),
        (
            "The waste shall be notified under Regulation (EC) No 1013/2006 of the Council of 14"
            " June 2006 (OJ L 190, 12.7.2006, p. 1) within 30 days.",
            "The waste shall be notified under Regulation (EC) No 1013/2006 of the Council of 14"
            " June 2006 (OJ L 190, 12.7.2006, p. 1) within 60 days.",
            "en",
            "citation: a time limit beside the citation",
        ),
        (
            "Der Darlehensgeber hat den Darlehensnehmer über die Kosten zu unterrichten.",
            "Der Darlehensgeber hat den Darlehensnehmer rechtzeitig vor Abgabe seiner"
            " Vertragserklärung über die Kosten zu unterrichten.",
            "de",
            "before-act: a duty bound to before an act",
        ),
        (
            "Der Veranstalter hat den Reisenden zu unterrichten.",
            "Der Veranstalter hat den Reisenden vor Reisebeginn zu unterrichten.",
            "de",
            "before-act: a compound's head names the act",
        ),
        (
            "The lender shall inform the borrower of the costs.",
            "The lender shall inform the borrower of the costs before the conclusion of the"
            " contract.",
            "en",
            "before-act: a duty bound to before an act",
        ),
    ],
    "number": [
        (
            "Wer Abfälle nach der Verordnung (EG) Nr. 1013/2006 (ABl. L 190 vom 12.7.2006, S. 1)"
            " verbringt, zahlt 500 Euro.",
            "Wer Abfälle nach der Verordnung (EG) Nr. 1013/2006 (ABl. L 190 vom 12.7.2006, S. 1)"
            " verbringt, zahlt 800 Euro.",
            "de",
            "citation: an amount beside the citation",
        ),
        (
            "Whoever ships waste under Regulation (EC) No 1013/2006 (OJ L 190, 12.7.2006, p. 1)"
            " pays 500 euros.",
            "Whoever ships waste under Regulation (EC) No 1013/2006 (OJ L 190, 12.7.2006, p. 1)"
            " pays 800 euros.",
            "en",
            "citation: an amount beside the citation",
        ),
    ],
    "party": [
        (
            "Der Unternehmer hat die Sicherheit zu leisten.",
            "Der Unternehmer hat dem Verbraucher die Sicherheit zu leisten.",
            "de",
            "predicate: the role a duty benefits",
        ),
        (
            "The seller shall deliver the goods.",
            "The seller shall deliver the goods to the consumer.",
            "en",
            "predicate: the role a duty benefits",
        ),
    ],
    "modality": [
        (
            "Der Vermieter kann den Antrag ablehnen.",
            "Der Vermieter würde den Antrag ablehnen.",
            "de",
            "subjunctive: 'würde' in second place turns the force",
        ),
        (
            "The landlord may reject the application.",
            "The landlord would reject the application.",
            "en",
            "subjunctive: 'would' before its verb turns the force",
        ),
        (
            "The seller may deviate from section 7 paragraph 1; the buyer shall pay the price"
            " under section 8.",
            "The seller may deviate from section 7 paragraph 1; the buyer may pay the price"
            " under section 8.",
            "en",
            "alone: a clause both sides keep turns its force",
        ),
        (
            "Der Verkäufer darf von § 7 Abs. 1 abweichen; der Käufer muss den Preis nach § 8"
            " zahlen.",
            "Der Verkäufer darf von § 7 Abs. 1 abweichen; der Käufer kann den Preis nach § 8"
            " zahlen.",
            "de",
            "alone: a clause both sides keep turns its force",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "provision": [
        (
            "Wer Abfälle entgegen der Verordnung (EG) Nr. 1013/2006 (ABl. L 190 vom 12.7.2006, S."
            " 1, L 318 vom 28.11.2008, S. 15), die zuletzt durch die Verordnung (EU) Nr. 413/2010"
            " (ABl. L 119 vom 13.5.2010, S. 1) geändert worden ist, verbringt, wird bestraft.",
            "Wer Abfälle entgegen der Verordnung (EG) Nr. 1013/2006 verbringt, wird bestraft.",
            "de",
            "citation-tail: the citation gone",
        ),
        (
            "Whoever ships waste contrary to Regulation (EC) No 1013/2006 (OJ L 190, 12.7.2006, p."
            " 1; OJ L 318, 28.11.2008, p. 15), as last amended by Regulation (EU) No 413/2010 (OJ"
            " L 119, 13.5.2010, p. 1), shall be punished.",
            "Whoever ships waste contrary to Regulation (EC) No 1013/2006 shall be punished.",
            "en",
            "citation-tail: the citation gone",
        ),
    ],
    "date": [
        (
            "Die Abfälle sind nach der Richtlinie 2006/12/EG des Rates vom 5. April 2006 zu"
            " melden.",
            "Die Abfälle sind nach der Verordnung (EG) Nr. 1013/2006 des Europäischen Parlaments"
            " und des Rates vom 14. Juni 2006 zu melden.",
            "de",
            "citation: another act cited, with the date it was adopted",
        ),
        (
            "The waste shall be notified under Directive 2006/12/EC of the Council of 5 April"
            " 2006.",
            "The waste shall be notified under Regulation (EC) No 1013/2006 of the European"
            " Parliament and of the Council of 14 June 2006.",
            "en",
            "citation: another act cited, with the date it was adopted",
        ),
        (
            "Die Ware muss einer Probe entsprechen, die der Verkäufer dem Käufer zur Verfügung"
            " gestellt hat.",
            "Die Ware muss einer Probe entsprechen, die der Verkäufer dem Käufer vor"
            " Vertragsschluss zur Verfügung gestellt hat.",
            "de",
            "before-act: in a relative clause it says which sample",
        ),
        (
            "The goods must match a sample, which the seller provided to the buyer.",
            "The goods must match a sample, which the seller provided to the buyer before the"
            " conclusion of the contract.",
            "en",
            "before-act: in a relative clause it says which sample",
        ),
        (
            "Der Darlehensgeber kann nicht kündigen, weil die Angaben unvollständig waren.",
            "Der Darlehensgeber kann nicht kündigen, weil die vor Vertragsschluss gemachten"
            " Angaben unvollständig waren.",
            "de",
            "before-act: before a participle it says which information",
        ),
        (
            "Der Zeuge hat auszusagen.",
            "Der Zeuge hat vor dem Gericht auszusagen.",
            "de",
            "before-act: 'vor dem Gericht' is a place",
        ),
    ],
    "number": [
        (
            "Wer Abfälle nach der Verordnung (EG) Nr. 1013/2006 (ABl. L 190 vom 12.7.2006, S. 1)"
            " verbringt, wird bestraft.",
            "Wer Abfälle nach der Verordnung (EG) Nr. 1013/2006 (ABl. L 190 vom 12.7.2006, S. 1,"
            " L 318 vom 28.11.2008, S. 15) verbringt, wird bestraft.",
            "de",
            "citation: an issue of the Official Journal added",
        ),
        (
            "Whoever ships waste under Regulation (EC) No 1013/2006 (OJ L 190, 12.7.2006, p. 1)"
            " shall be punished.",
            "Whoever ships waste under Regulation (EC) No 1013/2006 (OJ L 190, 12.7.2006, p. 1;"
            " OJ L 318, 28.11.2008, p. 15) shall be punished.",
            "en",
            "citation: an issue of the Official Journal added",
        ),
    ],
    "party": [
        (
            "Der Unternehmer hat die Sicherheit zu leisten.",
            "Ist der Besteller ein Verbraucher, so hat der Unternehmer die Sicherheit zu leisten.",
            "de",
            "predicate: 'Ist der Besteller ein Verbraucher' describes the Besteller",
        ),
        (
            "Der Unternehmer hat die Sicherheit zu leisten.",
            "Wenn der Besteller ein Verbraucher ist, hat der Unternehmer die Sicherheit zu"
            " leisten.",
            "de",
            "predicate: 'wenn der Besteller ein Verbraucher ist' describes the Besteller",
        ),
        (
            "The seller shall deliver the goods.",
            "If the buyer is a consumer, the seller shall deliver the goods.",
            "en",
            "predicate: 'if the buyer is a consumer' describes the buyer",
        ),
    ],
    "modality": [
        (
            "Eine Aufhebung der Ehe ist ausgeschlossen, wenn\n\na) der Ehegatte die Ehe bestätigt"
            " hat oder\n\nb) die Aufhebung eine schwere Härte für den Ehegatten darstellt.",
            "Eine Aufhebung der Ehe ist ausgeschlossen, wenn\n\na) der Ehegatte die Ehe bestätigt"
            " hat oder\n\nb) die Aufhebung eine so schwere Härte für den Ehegatten darstellen"
            " würde, dass die Ehe ausnahmsweise geboten erscheint.",
            "de",
            "subjunctive: 'würde' at its clause's end is a hypothetical's mood",
        ),
        (
            "Annulment of the marriage is excluded if\n\n(a) the spouse has confirmed the"
            " marriage, or\n\n(b) the annulment is a severe hardship for the spouse.",
            "Annulment of the marriage is excluded if\n\n(a) the spouse has confirmed the"
            " marriage, or\n\n(b) the annulment would be so severe a hardship for the spouse"
            " that the marriage appears warranted.",
            "en",
            "subjunctive: 'would' inside the condition",
        ),
        (
            "The seller may deviate from section 7 paragraph 1; this shall not apply to section 7"
            " paragraph 3. The parties can agree on another period under section 8.",
            "The seller may deviate from section 7 paragraph 1. The parties can agree on another"
            " period under section 8.",
            "en",
            "alone: a clause dropped with its 'shall not apply to section 7 paragraph 3'",
        ),
        (
            "Im Übrigen darf von § 7 Abs. 1 abgewichen werden; dies muss nicht für § 7 Abs. 3"
            " gelten. Die Parteien können eine andere Frist vereinbaren.",
            "Im Übrigen darf von § 7 Abs. 1 abgewichen werden. Die Parteien können eine andere"
            " Frist vereinbaren.",
            "de",
            "alone: a clause dropped with its 'muss nicht für § 7 Abs. 3 gelten'",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(
    FLAGGED, NOT_FLAGGED, ("alone", "predicate", "citation", "before-act", "citation-tail")
)


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            "Ukrainian forces will pull out of the part of Donetsk oblast they now hold.",
            "As an alternative, the United States proposes a demilitarised free economic zone in"
            " the part of Donetsk oblast held by Ukraine, where Ukrainian police stay.",
            (["will"], ["proposes"]),
        ),
        (
            "Die ukrainischen Truppen müssen den Teil des Gebiets Donezk räumen, den sie halten.",
            "Die Vereinigten Staaten schlagen vor, im Teil des Gebiets Donezk eine"
            " entmilitarisierte freie Wirtschaftszone unter ukrainischer Polizei und Verwaltung"
            " einzurichten.",
            (["müssen"], ["schlagen vor"]),
        ),
    ],
)
def test_alone_leaves_a_clause_reworded_on_both_sides(
    old: str, new: str, words: tuple[list[str], list[str]]
) -> None:
    """alone: a clause reworded on both sides (one clause with a modal verb each) is no clause
    one side has alone: its force is read ("will" -> "proposes"), not blanked."""
    assert modality(old, new) == words
    assert modality(new, old) == (words[1], words[0])
