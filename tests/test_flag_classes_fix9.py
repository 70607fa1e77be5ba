"""Flag kinds: classes of false and missed flags of the development and released sets
(bench/flags/, branch fix9), one table per class, English and German where the class exists in
both, each with rows that must raise the kind (`FLAGGED`) and rows that must not
(`NOT_FLAGGED`), both ways round. The sentences are written for these tests, not taken from the
sets.

The classes:
- cited: "im Fall des Absatzes 2", "in the case of paragraph 2" name the cases of another
  provision by its reference (what the provision covers), no trigger: no `condition`; "im Fall
  eines Schadens", "in the case of damage" still are conditions;
- besides (German only: English has no marker that also says "besides"): "außer in der
  deutschen auch in der englischen Sprache", ", außer der Hauptleistung, auch" add to the
  provision, they except nothing: no `condition`; "außer durch Kündigung", ", außer der
  Vergütung nach § 5," with no "auch" still are exceptions;
- short: a negator before the base form of a short verb whose other side has its third person
  ("pays" / "does not pay", "owes" / "does not owe": stems of three letters) turns the
  statement (`negation`), as a longer verb's did; a negation reworded ("pays no fee" / "does
  not pay any fee", "zahlt keine Miete" / "zahlt die Miete nicht") still is none. German says
  "zahlt nicht" with the same form: its rows guard the rewording only;
- numbered: numbered items added to or dropped from a list ("3. zur Anfechtung eines
  Erbvertrags", "(c) trade secrets") widen or narrow what it covers (`scope`), those of a list
  a condition opens ("wenn der Täter 1. ..., 2. ...", "if the offender 1. ...") what triggers
  it (`condition`); not an inline list numbered ("auf Ehen, auf Verfügungen und auf
  Erbverträge" / "1. auf Ehen, 2. ..."), items reordered or one reworded;
- alike: an alternative added to a condition's list and to the provision's own list of the
  same sentence alike ("Liefert der Verkäufer die Ware oder die Dienstleistung zu spät, so hat
  er die Ware oder die Dienstleistung zu ersetzen", "If the seller delivers the goods or the
  services late, the seller shall pay for the goods or the services") widens what the
  provision covers (`scope`), not what triggers it: no `condition`; one added to a condition
  only, or to the condition of another sentence ("Die Kinder treten ein, wenn nicht der
  Ehegatte oder Lebenspartner eintritt"), still is a `condition`;
- runs-on (German only: an English case before the statement ends at its comma): a case a
  preposition names ("Im Fall einer Kündigung", "Mit Ausnahme der Miete", "Abgesehen von den
  Fällen des § 146") ends before the statement's finite verb of any kind ("zahlt der Mieter",
  "schuldet der Mieter", "verjährt der Anspruch"), not only a modal or auxiliary one: the
  statement's own words are no part of the condition (no `condition` when they change, the
  `negation` of the statement read), and the case itself changed still is a `condition`;
- inverted: a condition that opens with its verb and negates it after its subject ("Should the
  Licensee not accept the terms", "Had the buyer not paid", "Sollte der Lizenznehmer die
  Bedingungen nicht annehmen", German "Sollte" now opening a condition as "Ist" does) turns
  the condition without it (`condition`), and says what "unless" and "if ... does not" say
  (no `condition`); its negator is the condition's, no `negation` of the statement;
- reference: a German "nicht" before a reference only ("gilt dies nicht für § 7 Abs. 3 Satz
  1") stands by the word before it, not by the reference's "Abs." or "Satz", which every law
  text has: a clause with one dropped is no turn of the statements around it (no `negation`),
  while "gilt für Absatz 2" / "gilt nicht für Absatz 2" still turns (English puts its "not"
  before the verb: its rows guard the turn);
- inside: words added inside a condition that its version lacks, with nothing in their place
  ("wenn der Vermieter das Dach nach einer schriftlichen Mahnung nicht repariert", "if the
  landlord fails to repair the roof after a written warning"), change what triggers it
  (`condition`) when they bring two content words or more the other side does not state; not
  one word that describes ("des Hauses", "of the house") nor a reference ("gemäß Abs. 2",
  "under section 2"), which `scope` compares.
"""

from __future__ import annotations

from test_substance import Row, class_tests

from planlens.compare.model import FlagType

FLAGGED: dict[FlagType, list[Row]] = {
    "condition": [
        (
            "Der Vermieter kann die Kaution behalten.",
            "Im Fall eines Schadens kann der Vermieter die Kaution behalten.",
            "de",
            "cited: a case named by what happens is a trigger",
        ),
        (
            "The landlord may keep the deposit.",
            "In the case of damage, the landlord may keep the deposit.",
            "en",
            "cited: a case named by what happens is a trigger",
        ),
        (
            "Der Vertrag kann nicht verändert werden.",
            "Der Vertrag kann außer durch Kündigung nicht verändert werden.",
            "de",
            "besides: 'außer durch' with no 'auch' excepts a case",
        ),
        (
            "Der Vermittler darf kein Entgelt verlangen.",
            "Der Vermittler darf für seine Leistungen, außer der Vergütung nach § 5, kein Entgelt"
            " verlangen.",
            "de",
            "besides: ', außer der' with no 'auch' excepts a fee",
        ),
        (
            "Ein besonders schwerer Fall liegt in der Regel vor, wenn der Täter\n\n1. gewerbsmäßig"
            " handelt oder\n\n2. eine Waffe bei sich führt.",
            "Ein besonders schwerer Fall liegt in der Regel vor, wenn der Täter\n\n1. gewerbsmäßig"
            " handelt,\n\n2. eine Waffe bei sich führt oder\n\n3. das Opfer in Lebensgefahr"
            " bringt.",
            "de",
            "numbered: an item added to the list a condition opens",
        ),
        (
            "A case is especially serious if the offender\n\n1. acts commercially or\n\n2."
            " carries a weapon.",
            "A case is especially serious if the offender\n\n1. acts commercially,\n\n2. carries"
            " a weapon or\n\n3. endangers the life of the victim.",
            "en",
            "numbered: an item added to the list a condition opens",
        ),
        (
            "Der Mieter kann kündigen, wenn der Vermieter das Dach nicht repariert.",
            "Der Mieter kann kündigen, wenn der Vermieter das Dach oder die Heizung nicht"
            " repariert.",
            "de",
            "alike: an alternative added to the condition only",
        ),
        (
            "The tenant may terminate if the landlord fails to repair the roof.",
            "The tenant may terminate if the landlord fails to repair the roof or the heating.",
            "en",
            "alike: an alternative added to the condition only",
        ),
        (
            "Der Ehegatte tritt in den Vertrag ein. Die Kinder treten ein, wenn nicht der Ehegatte"
            " eintritt.",
            "Der Ehegatte oder Lebenspartner tritt in den Vertrag ein. Die Kinder treten ein, wenn"
            " nicht der Ehegatte oder Lebenspartner eintritt.",
            "de",
            "alike: the condition of another sentence gains the alternative",
        ),
        (
            "The spouse enters the lease. The children enter the lease unless the spouse enters"
            " it.",
            "The spouse or partner enters the lease. The children enter the lease unless the"
            " spouse or partner enters it.",
            "en",
            "alike: the condition of another sentence gains the alternative",
        ),
        (
            "Im Fall einer Kündigung zahlt der Mieter die Miete.",
            "Im Fall eines Umzugs zahlt der Mieter die Miete.",
            "de",
            "runs-on: the case itself changes",
        ),
        (
            "Should the Licensee accept the terms, the licence continues.",
            "Should the Licensee not accept the terms, the licence continues.",
            "en",
            "inverted: 'not' after the subject turns the condition",
        ),
        (
            "Had the buyer paid the price in time, the seller would be liable.",
            "Had the buyer not paid the price in time, the seller would be liable.",
            "en",
            "inverted: 'not' after the subject turns the condition",
        ),
        (
            "Sollte der Lizenznehmer die Bedingungen annehmen, so gilt die Lizenz fort.",
            "Sollte der Lizenznehmer die Bedingungen nicht annehmen, so gilt die Lizenz fort.",
            "de",
            "inverted: 'Sollte' opens a condition, 'nicht' turns it",
        ),
        (
            "Der Mieter kann kündigen, wenn der Vermieter das Dach nicht repariert.",
            "Der Mieter kann kündigen, wenn der Vermieter das Dach nach einer schriftlichen Mahnung"
            " nicht repariert.",
            "de",
            "inside: a precondition added inside the condition",
        ),
        (
            "The tenant may terminate if the landlord fails to repair the roof.",
            "The tenant may terminate if the landlord fails to repair the roof after a written"
            " warning.",
            "en",
            "inside: a precondition added inside the condition",
        ),
    ],
    "scope": [
        (
            "Der Betreute kann nicht zustimmen\n\n1. zu einer Ehe,\n\n2. zu einer Verfügung von"
            " Todes wegen.",
            "Der Betreute kann nicht zustimmen\n\n1. zu einer Ehe,\n\n2. zu einer Verfügung von"
            " Todes wegen,\n\n3. zur Anfechtung eines Erbvertrags.",
            "de",
            "numbered: an item appended",
        ),
        (
            "The licence does not extend to\n\n1. patents,\n\n2. trademarks.",
            "The licence does not extend to\n\n1. patents,\n\n2. trademarks,\n\n3. trade"
            " secrets,\n\n4. database rights.",
            "en",
            "numbered: two items appended",
        ),
        (
            "The licence does not extend to (a) patents, (b) trademarks or (c) designs.",
            "The licence does not extend to (a) patents, (b) trademarks, (c) trade secrets or (d)"
            " designs.",
            "en",
            "numbered: an item inserted, the last one renumbered",
        ),
    ],
    "negation": [
        (
            "The Licensee pays the fee.",
            "The Licensee does not pay the fee.",
            "en",
            "short: 'pay' / 'pays', a stem of three letters",
        ),
        (
            "The borrower owes interest on the loan.",
            "The borrower shall not owe interest on the loan.",
            "en",
            "short: 'owe' / 'owes'",
        ),
        (
            "Der Mieter zahlt die Miete.",
            "Der Mieter zahlt die Miete nicht.",
            "de",
            "short: German keeps the verb's form",
        ),
        (
            "Abgesehen von den Fällen des § 146 verjährt der Anspruch.",
            "Abgesehen von den Fällen des § 146 verjährt der Anspruch nicht.",
            "de",
            "runs-on: the statement after the exception turns",
        ),
        (
            "Mit Ausnahme der Miete schuldet der Mieter dem Vermieter Zinsen.",
            "Mit Ausnahme der Miete schuldet der Mieter dem Vermieter keine Zinsen.",
            "de",
            "runs-on: the statement after the exception turns",
        ),
        (
            "Die Vorschrift gilt für Absatz 2.",
            "Die Vorschrift gilt nicht für Absatz 2.",
            "de",
            "reference: the verb before 'nicht' and a reference turns",
        ),
        (
            "Section 5 applies to paragraph 2.",
            "Section 5 does not apply to paragraph 2.",
            "en",
            "reference: the verb after 'not' turns",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "condition": [
        (
            "In den Fällen der Absätze 2 und 3 ist der Versuch strafbar.",
            "Im Fall des Absatzes 2 ist der Versuch strafbar.",
            "de",
            "cited: the cases of a paragraph are what the rule covers",
        ),
        (
            "Im Falle des Absatzes 1 kann das Gericht die Strafe mildern.",
            "Im Falle der Absätze 1 und 2 kann das Gericht die Strafe mildern.",
            "de",
            "cited: the cases of paragraphs are what the rule covers",
        ),
        (
            "In the cases of paragraphs 2 and 3, the attempt is punishable.",
            "In the case of paragraph 2, the attempt is punishable.",
            "en",
            "cited: the cases of a paragraph are what the rule covers",
        ),
        (
            "In the case of Section 4, the Licensor may terminate this License.",
            "In the case of Section 4 or Section 5, the Licensor may terminate this License.",
            "en",
            "cited: the cases of sections are what the rule covers",
        ),
        (
            "Die Erklärung muss in der deutschen Sprache abgegeben werden.",
            "Die Erklärung muss außer in der deutschen auch in der englischen Sprache abgegeben"
            " werden.",
            "de",
            "besides: 'außer in ... auch' adds a language",
        ),
        (
            "Der Schuldner hat die Zinsen zu zahlen.",
            "Der Schuldner hat, außer der Hauptleistung, auch die Zinsen zu zahlen.",
            "de",
            "besides: ', außer der ..., auch' adds to what is owed",
        ),
        (
            "Liefert der Verkäufer die Ware zu spät, so hat der Verkäufer die Ware zu ersetzen.",
            "Liefert der Verkäufer die Ware oder die Dienstleistung zu spät, so hat der Verkäufer"
            " die Ware oder die Dienstleistung zu ersetzen.",
            "de",
            "alike: the condition and the provision gain the same alternative",
        ),
        (
            "If the seller delivers the goods late, the seller shall pay for the goods.",
            "If the seller delivers the goods or the services late, the seller shall pay for the"
            " goods or the services.",
            "en",
            "alike: the condition and the provision gain the same alternative",
        ),
        (
            "Mit Ausnahme der Miete schuldet der Mieter dem Vermieter Zinsen.",
            "Mit Ausnahme der Miete schuldet der Mieter dem Vermieter keine Zinsen.",
            "de",
            "runs-on: the exception stays, the statement after it changes",
        ),
        (
            "Im Fall einer Kündigung zahlt der Mieter dem Vermieter eine Entschädigung.",
            "Im Fall einer Kündigung erstattet der Vermieter dem Mieter die volle Kaution.",
            "de",
            "runs-on: the case stays, the statement after it changes",
        ),
        (
            "Unless the Licensee accepts the terms, the licence ends.",
            "Should the Licensee not accept the terms, the licence ends.",
            "en",
            "inverted: 'Should ... not' says 'unless'",
        ),
        (
            "If the Licensee does not accept the terms, the licence ends.",
            "Should the Licensee not accept the terms, the licence ends.",
            "en",
            "inverted: 'Should ... not' says 'if ... does not'",
        ),
        (
            "Sollte eine Bestimmung unwirksam sein, so bleibt der Vertrag wirksam.",
            "Wenn eine Bestimmung unwirksam ist, bleibt der Vertrag wirksam.",
            "de",
            "inverted: 'Sollte ..., so' says 'Wenn'",
        ),
        (
            "Der Mieter kann kündigen, wenn der Vermieter das Dach nicht repariert.",
            "Der Mieter kann kündigen, wenn der Vermieter das Dach des Hauses nicht repariert.",
            "de",
            "inside: one word that describes",
        ),
        (
            "The tenant may terminate if the landlord fails to repair the roof.",
            "The tenant may terminate if the landlord fails to repair the roof of the house.",
            "en",
            "inside: one word that describes",
        ),
        (
            "Der Mieter kann kündigen, wenn der Vermieter das Dach nicht repariert.",
            "Der Mieter kann kündigen, wenn der Vermieter das Dach gemäß Abs. 2 nicht repariert.",
            "de",
            "inside: a reference",
        ),
        (
            "The tenant may terminate if the landlord fails to repair the roof.",
            "The tenant may terminate if the landlord fails to repair the roof under section 2.",
            "en",
            "inside: a reference",
        ),
    ],
    "negation": [
        (
            "The Licensee pays no fee.",
            "The Licensee does not pay any fee.",
            "en",
            "short: a negation reworded",
        ),
        (
            "Der Mieter zahlt keine Miete.",
            "Der Mieter zahlt die Miete nicht.",
            "de",
            "short: a negation reworded",
        ),
        (
            "Sollte der Lizenznehmer die Bedingungen annehmen, so gilt die Lizenz fort.",
            "Sollte der Lizenznehmer die Bedingungen nicht annehmen, so gilt die Lizenz fort.",
            "de",
            "inverted: the negator is the condition's",
        ),
        (
            "Im Übrigen darf von § 7 Abs. 1 Satz 2 abgewichen werden; soweit die Zahlung jedoch in"
            " Euro erfolgt, gilt dies nicht für § 7 Abs. 3 Satz 1. Die Parteien können nach § 8"
            " Abs. 2 Satz 1 eine andere Frist vereinbaren.",
            "Im Übrigen darf von § 7 Absatz 1 Satz 2 abgewichen werden. Die Parteien können nach"
            " § 8 Abs. 2 Satz 1 eine andere Frist vereinbaren.",
            "de",
            "reference: a clause dropped with its 'nicht für § 7 Abs. 3 Satz 1'",
        ),
    ],
    "scope": [
        (
            "Ein Vorbehalt kann sich nicht erstrecken auf Ehen, auf Verfügungen von Todes wegen"
            " und auf Erbverträge.",
            "Ein Vorbehalt kann sich nicht erstrecken\n\n1. auf Ehen,\n\n2. auf Verfügungen von"
            " Todes wegen und\n\n3. auf Erbverträge.",
            "de",
            "numbered: an inline list numbered",
        ),
        (
            "The licence does not extend to patents, trademarks or designs.",
            "The licence does not extend to\n\n(a) patents,\n\n(b) trademarks or\n\n(c) designs.",
            "en",
            "numbered: an inline list numbered",
        ),
        (
            "The licence does not extend to\n\n1. patents,\n\n2. trademarks.",
            "The licence does not extend to\n\n1. trademarks,\n\n2. patents.",
            "en",
            "numbered: items reordered",
        ),
        (
            "Der Betreute kann nicht zustimmen\n\n1. zu einer Ehe,\n\n2. zu einer Verfügung von"
            " Todes wegen.",
            "Der Betreute kann nicht zustimmen\n\n1. zu einer Eheschließung,\n\n2. zu einer"
            " Verfügung von Todes wegen.",
            "de",
            "numbered: an item reworded",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(
    FLAGGED, NOT_FLAGGED, ("cited", "short", "numbered", "alike", "inverted", "reference", "inside")
)
