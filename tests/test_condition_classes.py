"""Condition spans: two classes of conditions found wrong on the labelled sets (issue 11 item 3,
branch cond7), each with the spans `condition_spans` must find and a table of flags, English
and German, both ways round (`test_substance.both_ways`). The sentences are written for these
tests, not taken from the sets.

The classes:
- verb-first: a condition that opens with its verb runs to the main clause: German "Erstellt
  der Lizenznehmer eine Bearbeitung, so muss er", "Verweist ein Gesetz auf diese Vorschrift,
  können", with any verb of a finite verb's ending, in the middle of a text too; English "Had
  the Licensee created ...", "Were the Licensor to ...". A change inside it is a `condition`,
  a negator inside it no `negation` of the statement.
- inserted: a phrase inserted after a condition's subject between commas does not end the
  condition, which goes on after it: "If these instructions, at any time ..., become invalid",
  "Wenn die Anweisungen, gleich zu welcher Zeit ..., ungültig werden", "wenn der Ehegatte, der
  das Gesamtgut verwaltet, das Rechtsgeschäft vornimmt"; not a list ("der Mieter, der Vermieter
  oder ein Dritter"), not an adjective without its noun ("soweit technisch möglich, in ...").

Branch cond8 adds:
- turned: a condition both sides have that turns by a negator changed ("if the contract becomes
  invalid" / "if the contract does not become invalid", "wenn ein Schaden entsteht" / "wenn
  kein Schaden entsteht"); a negation reworded inside it is no change ("unless X" / "if not X",
  "es sei denn" / "wenn nicht", "kann nicht ... werden" / "kann kein ... werden"), as
  `polarity` reads a statement's.
- semicolon: a German verb-first condition after a semicolon, in lower case, with or without
  "so" ("...; betreibt der Pächter Landwirtschaft, erstreckt sich das Pfandrecht auf ..."), found
  when a second finite verb follows its first comma; not a main clause ("; sie bedarf der
  Schriftform"), nor a preposition or English word of a verb's ending ("; in diesem Fall kann
  er, wenn ...", "; war in Europe, must ..."). German only: English has no such condition.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_substance import Row, class_tests, kinds

from planlens.compare.conditions import condition_spans
from planlens.compare.model import FlagType


def shown(text: str) -> list[str]:
    return [text[a:c] for a, _, c in condition_spans(text)]


SPANS: list[tuple[str, list[str], str]] = [
    (
        "Die Lizenz gilt weltweit. Erstellt der Lizenznehmer eine Bearbeitung, so muss er die"
        " Änderungen kennzeichnen.",
        ["Erstellt der Lizenznehmer eine Bearbeitung"],
        "verb-first: any verb of a finite verb's ending, after a full stop",
    ),
    (
        "Die Strafe ist mild. Ist die Tat durch die Drohung begangen, so ist die Strafe höher.",
        ["Ist die Tat durch die Drohung begangen"],
        "verb-first: a verb of the list, after a full stop",
    ),
    (
        "Verweist ein Gesetz auf diese Vorschrift, können die Gegenstände eingezogen werden.",
        ["Verweist ein Gesetz auf diese Vorschrift"],
        "verb-first: the main clause without 'so'",
    ),
    (
        "Erfolgt die Zahlung nicht rechtzeitig, so dass der Gläubiger mahnen muss, ist der"
        " Schuldner im Verzug.",
        ["Erfolgt die Zahlung nicht rechtzeitig, so dass der Gläubiger mahnen muss"],
        "verb-first: 'so dass' does not open the main clause",
    ),
    (
        "Had the Licensee created a modified work, it must mark the changes.",
        ["Had the Licensee created a modified work"],
        "verb-first: English 'Had' before its subject",
    ),
    (
        "Bestimmungen in Verträgen, die der Verwender stellt, gelten nicht.",
        [],
        "verb-first: a noun is no verb",
    ),
    (
        "Schon nach der Hälfte der Strafe, mindestens jedoch nach sechs Monaten, kann das"
        " Gericht die Strafe aussetzen.",
        [],
        "verb-first: an adverb is no verb",
    ),
    (
        "We had the work checked, and you must keep the report.",
        [],
        "verb-first: 'had' inside a sentence is no condition",
    ),
]


SPANS += [
    (
        "If these instructions, at any time while you are carrying out such distribution, become"
        " invalid, you must provide new instructions.",
        [
            "If these instructions, at any time while you are carrying out such distribution,"
            " become invalid"
        ],
        "inserted: a phrase after the subject",
    ),
    (
        "Wenn die Anweisungen, gleich zu welcher Zeit während der Verbreitung, ungültig werden,"
        " muss er neue Anweisungen geben.",
        ["Wenn die Anweisungen, gleich zu welcher Zeit während der Verbreitung, ungültig werden"],
        "inserted: a phrase after the subject",
    ),
    (
        "Die Zustimmung ist erforderlich, wenn der Ehegatte, der das Gesamtgut verwaltet, das"
        " Rechtsgeschäft vornimmt.",
        ["wenn der Ehegatte, der das Gesamtgut verwaltet, das Rechtsgeschäft vornimmt"],
        "inserted: a relative clause after the subject",
    ),
    (
        "Der Schaden ist zu ersetzen, wenn der Mieter, der Vermieter oder ein Dritter die Sache"
        " beschädigt, sobald er davon weiß.",
        ["wenn der Mieter, der Vermieter oder ein Dritter die Sache beschädigt"],
        "inserted: an article before a noun opens an item of a list",
    ),
    (
        "Der Anbieter teilt, soweit technisch möglich, in geeigneter Form, die Entgelte mit.",
        ["soweit technisch möglich, in geeigneter Form"],
        "inserted: no noun before the comma, as before",
    ),
    (
        "If the Licensee, in particular, you must keep the notices.",
        ["If the Licensee, in particular"],
        "inserted: a main clause after the phrase, as before",
    ),
]

SPANS += [
    (
        "Das Pfandrecht erstreckt sich nur auf pfändbare Sachen; betreibt der Pächter"
        " Landwirtschaft, erstreckt sich das Pfandrecht auch auf das Inventar.",
        ["betreibt der Pächter Landwirtschaft"],
        "semicolon: no 'so', the main clause's verb before 'sich'",
    ),
    (
        "Der Vertrag bedarf der Schriftform; ist der Mieter minderjährig, so bedarf er der"
        " Zustimmung seines Vertreters.",
        ["ist der Mieter minderjährig"],
        "semicolon: a verb of the list, with 'so'",
    ),
    (
        "Die Warteschleife ist kostenfrei; wird die Warteschleife beendet, endet die"
        " Kostenfreiheit.",
        ["wird die Warteschleife beendet"],
        "semicolon: a verb of the list in the main clause",
    ),
    (
        "Der Vertrag ist schriftlich zu schließen; sie bedarf der Schriftform.",
        [],
        "semicolon: a main clause of its own",
    ),
    (
        "Das Pfandrecht erlischt; erstreckt sich das Pfandrecht auf die Früchte, die der Pächter"
        " zieht.",
        [],
        "semicolon: no second finite verb after the comma",
    ),
    (
        "Die Kündigung ist zulässig; in diesem Fall kann der Mieter, wenn er will, sofort"
        " ausziehen.",
        ["wenn er will, sofort ausziehen"],
        "semicolon: a preposition is no verb",
    ),
    (
        "The parties agree; war in Europe, must never happen again.",
        [],
        "semicolon: English 'war' is no verb",
    ),
]


SPANS += [
    (
        "Die Vorschriften sind mit Ausnahme von § 675d Absatz 2 nicht auf den Vertrag anzuwenden.",
        ["mit Ausnahme von § 675d Absatz 2"],
        "exception: 'mit Ausnahme' ends before the statement's negator",
    ),
    (
        "Auf den Pachtvertrag mit Ausnahme des Landpachtvertrags sind die Vorschriften anzuwenden.",
        ["mit Ausnahme des Landpachtvertrags"],
        "exception: 'mit Ausnahme' ends before the statement's verb",
    ),
    (
        "Das Zubehör mit Ausnahme der Stücke, welche nicht in das Eigentum gelangt sind.",
        ["mit Ausnahme der Stücke, welche nicht in das Eigentum gelangt sind"],
        "exception: a negator of its relative clause is the exception's",
    ),
    (
        "Er darf, zusammenhängend, außer der Vergütung ein Entgelt nicht vereinbaren.",
        ["außer der Vergütung ein Entgelt"],
        "exception: 'außer' after a comma before an article",
    ),
    (
        "Hat der Schuldner außer der Hauptleistung Zinsen zu entrichten, so wird gezahlt.",
        ["Hat der Schuldner außer der Hauptleistung Zinsen zu entrichten"],
        "exception: 'außer' for 'besides' is none",
    ),
    (
        "Eine unerhebliche Minderung bleibt außer Betracht.",
        [],
        "exception: 'außer Betracht' is an idiom",
    ),
    (
        "Die Schenkung ist unwirksam. Ausgenommen sind Schenkungen an Verwandte.",
        ["Ausgenommen sind Schenkungen an Verwandte"],
        "exception: 'Ausgenommen sind' opens a sentence of exception",
    ),
]


@pytest.mark.parametrize(("text", "want", "why"), SPANS, ids=[s[2] for s in SPANS])
def test_the_condition_spans(text: str, want: list[str], why: str) -> None:
    assert shown(text) == want, why


FLAGGED: dict[FlagType, list[Row]] = {
    "condition": [
        (
            "Die Lizenz gilt weltweit. Erstellt der Lizenznehmer eine Bearbeitung, so muss er"
            " die Änderungen kennzeichnen.",
            "Die Lizenz gilt weltweit. Erstellt der Lizenznehmer eine Sammlung, so muss er die"
            " Änderungen kennzeichnen.",
            "de",
            "verb-first: what triggers the duty changes",
        ),
        (
            "Had the Licensee created a modified work, it must mark the changes.",
            "Had the Licensee created a collection, it must mark the changes.",
            "en",
            "verb-first: what triggers the duty changes",
        ),
        (
            "If these instructions, at any time, become invalid, you must provide new"
            " instructions.",
            "If these instructions, at any time, are withdrawn, you must provide new instructions.",
            "en",
            "inserted: what triggers the duty changes after the phrase",
        ),
        (
            "Wenn der Ehegatte, der das Gesamtgut verwaltet, das Rechtsgeschäft vornimmt, ist"
            " die Zustimmung des anderen erforderlich.",
            "Wenn der Ehegatte, der das Gesamtgut verwaltet, die Schenkung widerruft, ist die"
            " Zustimmung des anderen erforderlich.",
            "de",
            "inserted: what triggers the duty changes after the relative clause",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "negation": [
        (
            "Verweist ein Gesetz auf diese Vorschrift, können die Gegenstände eingezogen werden.",
            "Verweist ein Gesetz nicht auf diese Vorschrift, können die Gegenstände eingezogen"
            " werden.",
            "de",
            "verb-first: a negator inside the condition, with no 'so'",
        ),
        (
            "Die Frist beträgt einen Monat. Liefert der Verkäufer die Ware, so erlischt der"
            " Anspruch.",
            "Die Frist beträgt einen Monat. Liefert der Verkäufer die Ware nicht, so erlischt"
            " der Anspruch.",
            "de",
            "verb-first: a negator inside the condition, the statement's polarity stays",
        ),
        (
            "Were the Licensor to terminate this License, you would keep the copies you made.",
            "Were the Licensor not to terminate this License, you would keep the copies you made.",
            "en",
            "verb-first: a negator inside the condition, the statement's polarity stays",
        ),
        (
            "If these instructions, at any time while you distribute the work, become invalid,"
            " you must provide new instructions.",
            "If these instructions, at any time while you distribute the work, do not become"
            " invalid, you must provide new instructions.",
            "en",
            "inserted: a negator inside the condition, after the phrase",
        ),
        (
            "Wenn die Anweisungen, gleich zu welcher Zeit während der Verbreitung, ungültig"
            " werden, muss er neue Anweisungen geben.",
            "Wenn die Anweisungen, gleich zu welcher Zeit während der Verbreitung, nicht"
            " ungültig werden, muss er neue Anweisungen geben.",
            "de",
            "inserted: a negator inside the condition, after the phrase",
        ),
    ],
}


FLAGGED["condition"] += [
    (
        "The licence ends if the contract becomes invalid.",
        "The licence ends if the contract does not become invalid.",
        "en",
        "turned: a negator added to the condition's verb",
    ),
    (
        "You may copy the work provided that the Licensee accepts the terms.",
        "You may copy the work provided that the Licensee does not accept the terms.",
        "en",
        "turned: a negator added after 'provided that'",
    ),
    (
        "Die Lizenz endet, wenn der Vertrag unwirksam wird.",
        "Die Lizenz endet, wenn der Vertrag nicht unwirksam wird.",
        "de",
        "turned: 'nicht' added inside 'wenn'",
    ),
    (
        "Der Vertrag ist wirksam, sofern der Vermieter der Untervermietung zustimmt.",
        "Der Vertrag ist wirksam, sofern der Vermieter der Untervermietung nicht zustimmt.",
        "de",
        "turned: 'nicht' added inside 'sofern'",
    ),
    (
        "Der Mieter haftet, wenn ein Schaden entsteht.",
        "Der Mieter haftet, wenn kein Schaden entsteht.",
        "de",
        "turned: 'ein' becomes 'kein'",
    ),
    (
        "Die Frist beträgt einen Monat. Liefert der Verkäufer die Ware, so erlischt der Anspruch.",
        "Die Frist beträgt einen Monat. Liefert der Verkäufer die Ware nicht, so erlischt"
        " der Anspruch.",
        "de",
        "turned: a negator inside a verb-first condition",
    ),
    (
        "Das Pfandrecht erstreckt sich nur auf pfändbare Sachen; betreibt der Pächter"
        " Landwirtschaft, erstreckt sich das Pfandrecht auch auf das Inventar.",
        "Das Pfandrecht erstreckt sich nur auf pfändbare Sachen; betreibt der Pächter Viehzucht,"
        " erstreckt sich das Pfandrecht auch auf das Inventar.",
        "de",
        "semicolon: what triggers the extension changes",
    ),
    (
        "Der Vertrag bedarf der Schriftform; ist der Mieter minderjährig, so bedarf er der"
        " Zustimmung seines Vertreters.",
        "Der Vertrag bedarf der Schriftform; ist der Mieter verheiratet, so bedarf er der"
        " Zustimmung seines Vertreters.",
        "de",
        "semicolon: what triggers the duty changes",
    ),
    (
        "Die Frist beträgt einen Monat; erfolgt die Zahlung, so erlischt der Anspruch.",
        "Die Frist beträgt einen Monat; erfolgt die Zahlung nicht, so erlischt der Anspruch.",
        "de",
        "semicolon: a negator inside the condition turns it",
    ),
]

NOT_FLAGGED["condition"] = [
    (
        "The licence ends unless the contract is renewed.",
        "The licence ends if the contract is not renewed.",
        "en",
        "turned: 'unless X' is 'if not X'",
    ),
    (
        "The licence ends unless the fee is paid in time.",
        "The licence ends except where the fee is paid in time.",
        "en",
        "turned: two markers that say 'not'",
    ),
    (
        "The licence ends if the Licensee cannot be identified.",
        "The licence ends if no Licensee can be identified.",
        "en",
        "turned: the negator moves from the verb to the noun",
    ),
    (
        "Die Lizenz endet, es sei denn, der Vertrag wird verlängert.",
        "Die Lizenz endet, wenn der Vertrag nicht verlängert wird.",
        "de",
        "turned: 'es sei denn' is 'wenn nicht'",
    ),
    (
        "Die Lizenz endet, wenn der Anspruch nicht geltend gemacht werden kann.",
        "Die Lizenz endet, wenn kein Anspruch geltend gemacht werden kann.",
        "de",
        "turned: 'kann nicht ... werden' is 'kann kein ... werden'",
    ),
    (
        "Die Kosten trägt der Mieter, soweit dies im Vertrag nicht anders bestimmt ist.",
        "Die Kosten trägt der Mieter, soweit nicht im Vertrag abweichend bestimmt.",
        "de",
        "turned: the negator moves into the marker, 'soweit nicht'",
    ),
    (
        "Der Vertrag endet nicht, wenn der Mieter stirbt.",
        "Der Vertrag endet, wenn der Mieter stirbt.",
        "de",
        "turned: the statement turns, not its condition (a negation)",
    ),
    (
        "Die Kündigung ist zulässig; in diesem Fall kann der Mieter sofort ausziehen.",
        "Die Kündigung ist zulässig; in diesem Fall kann der Vermieter sofort ausziehen.",
        "de",
        "semicolon: 'in' is no verb, a main clause",
    ),
]
NOT_FLAGGED["negation"] += [
    (
        "Die Frist beträgt einen Monat; erfolgt die Zahlung, so erlischt der Anspruch.",
        "Die Frist beträgt einen Monat; erfolgt die Zahlung nicht, so erlischt der Anspruch.",
        "de",
        "semicolon: a negator inside the condition, the statement's polarity stays",
    ),
]

# Branch cond8b adds three classes:
# - prefix: a negation reworded with a negative prefix or an antonym inside a condition is the
#   same condition ("if the transfer is not lawful" / "if the transfer is unlawful", "wenn der
#   Vertrag nicht wirksam ist" / "wenn der Vertrag unwirksam ist", "not identical" /
#   "distinct"); the prefix alone turns it, however long the condition ("wirksam" /
#   "unwirksam"), and two negations cancel ("nicht unwirksam" / "wirksam").
FLAGGED["condition"] += [
    (
        "The licence ends if the transfer is lawful and the data are kept in the Union.",
        "The licence ends if the transfer is unlawful and the data are kept in the Union.",
        "en",
        "prefix: a negative prefix turns a long condition",
    ),
    (
        "Die Lizenz endet, wenn der Vertrag wirksam ist und der Mieter die Sache zurückgibt.",
        "Die Lizenz endet, wenn der Vertrag unwirksam ist und der Mieter die Sache zurückgibt.",
        "de",
        "prefix: a negative prefix turns a long condition",
    ),
]
NOT_FLAGGED["condition"] += [
    (
        "The data may be deleted if the transfer is not lawful.",
        "The data may be deleted if the transfer is unlawful.",
        "en",
        "prefix: 'not lawful' is 'unlawful'",
    ),
    (
        "The licence ends if the copies are not identical.",
        "The licence ends if the copies are distinct.",
        "en",
        "prefix: 'not identical' is 'distinct' (an antonym)",
    ),
    (
        "Die Daten sind zu löschen, wenn der Vertrag nicht wirksam ist.",
        "Die Daten sind zu löschen, wenn der Vertrag unwirksam ist.",
        "de",
        "prefix: 'nicht wirksam' is 'unwirksam'",
    ),
    (
        "Die Daten sind zu löschen, wenn der Vertrag nicht unwirksam ist.",
        "Die Daten sind zu löschen, wenn der Vertrag wirksam ist.",
        "de",
        "prefix: two negations cancel",
    ),
]

# - exception: the German exceptions that work as "except (for)" / "with the exception of" do:
#   "mit Ausnahme der Pachtdauer", "abgesehen von den Fällen", "außer durch Kündigung", ",
#   außer der Vergütung", "Ausgenommen sind ..."; English "with the exception of", "other than
#   as authorised". One that names a case ends before the statement's verb or negator ("außer
#   in den Fällen des Absatzes 3 nicht ... erhoben", "except for the source code are not"), so
#   the statement's negation is read and a change of the statement is no condition; "ausgenommen"
#   as a predicate ("die von diesen Pflichten ausgenommen sind") opens none.
FLAGGED["condition"] += [
    (
        "Jeder Vertragsteil kann eine Änderung des Vertrags verlangen.",
        "Jeder Vertragsteil kann eine Änderung des Vertrags mit Ausnahme der Pachtdauer verlangen.",
        "de",
        "exception: 'mit Ausnahme' added",
    ),
    (
        "Der Vertrag darf nicht verändert werden.",
        "Der Vertrag darf außer durch Kündigung nicht verändert werden.",
        "de",
        "exception: 'außer durch' added",
    ),
    (
        "Wer falsches Geld in Verkehr bringt, wird bestraft.",
        "Wer, abgesehen von den Fällen der Fälschung, falsches Geld in Verkehr bringt, wird"
        " bestraft.",
        "de",
        "exception: 'abgesehen von' added",
    ),
    (
        "You may use the work for any purpose.",
        "You may use the work for any purpose, with the exception of commercial advertising.",
        "en",
        "exception: 'with the exception of' added",
    ),
    (
        "Any use of the Work is prohibited.",
        "Any use of the Work other than as authorised under this Licence is prohibited.",
        "en",
        "exception: 'other than as' added",
    ),
]
FLAGGED["negation"] = [
    (
        "Die Daten müssen außer in den Fällen des Absatzes 3 nachträglich erhoben werden.",
        "Die Daten müssen außer in den Fällen des Absatzes 3 nicht nachträglich erhoben werden.",
        "de",
        "exception: the statement's negator after the exception",
    ),
    (
        "Copies except for the source code are covered by this License.",
        "Copies except for the source code are not covered by this License.",
        "en",
        "exception: the statement's negator after the exception",
    ),
]
NOT_FLAGGED["condition"] += [
    (
        "All copies except for the source code are covered by this License.",
        "All copies except for the source code may be sold at any price.",
        "en",
        "exception: the statement after the exception is none of it",
    ),
    (
        "Die Unternehmen, die von diesen Pflichten ausgenommen sind, melden dies der Behörde.",
        "Die Unternehmen, die von diesen Pflichten ausgenommen sind, melden dies der"
        " Bundesnetzagentur.",
        "de",
        "exception: 'ausgenommen' as a predicate opens none",
    ),
]


# - unless: "unless X" / "if X" (and "es sei denn, X" / "wenn X", "außer wenn X" / "wenn X")
#   turns the trigger, read only where the clauses after the markers have the same words ("fails
#   to pay" / "pays" is not read) and the statement keeps its polarity ("nur, wenn X" /
#   "nicht, es sei denn, X" is one rule); "unless X" / "if not X" stays no change (above).
FLAGGED["condition"] += [
    (
        "The licence ends unless the Licensee pays the fee.",
        "The licence ends if the Licensee pays the fee.",
        "en",
        "unless: 'unless X' / 'if X'",
    ),
    (
        "The licence ends except when the fee is paid.",
        "The licence ends when the fee is paid.",
        "en",
        "unless: 'except when X' / 'when X'",
    ),
    (
        "Die Lizenz endet, es sei denn, der Lizenznehmer zahlt die Gebühr.",
        "Die Lizenz endet, wenn der Lizenznehmer die Gebühr zahlt.",
        "de",
        "unless: 'es sei denn, X' / 'wenn X'",
    ),
    (
        "Die Lizenz endet, es sei denn, dass der Lizenznehmer die Gebühr zahlt.",
        "Die Lizenz endet, sofern der Lizenznehmer die Gebühr zahlt.",
        "de",
        "unless: 'es sei denn, dass X' / 'sofern X'",
    ),
]
NOT_FLAGGED["condition"] += [
    (
        "The licence ends unless the Licensee fails to pay the fee.",
        "The licence ends if the Licensee pays the fee.",
        "en",
        "unless: a negator in other words ('fails to') is not read",
    ),
    (
        "The licence does not end unless the fee is paid.",
        "The licence ends only if the fee is paid.",
        "en",
        "unless: 'not ... unless X' is 'only if X'",
    ),
    (
        "Die Genehmigung wirkt nur zurück, wenn eine Anordnung ergangen ist.",
        "Die Genehmigung wirkt nicht zurück, es sei denn, eine Anordnung ist ergangen.",
        "de",
        "unless: 'nur, wenn X' is 'nicht, es sei denn, X'",
    ),
    (
        "Die Lizenz endet, es sei denn, der Lizenznehmer zahlt die Gebühr rechtzeitig.",
        "Die Lizenz endet, wenn der Lizenznehmer die Gebühr verspätet zahlt.",
        "de",
        "unless: other words than the negator's absence are not read",
    ),
]


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(
    FLAGGED, NOT_FLAGGED, ("verb-first", "inserted", "turned", "prefix", "exception", "unless")
)


_VERBS = st.sampled_from(["Erstellt", "Verweigert", "Nimmt", "Leisten", "Ist", "Hat", "Kündigt"])
_WORDS = st.lists(st.sampled_from(["Ware", "rechtzeitig", "nicht", "im", "Vertrag", "bis"]))
_MAIN = st.sampled_from(["so ist", "so kann", "kann", "muss", "so gilt", "ist"])


@settings(max_examples=200, deadline=None)
@given(_VERBS, st.sampled_from(["der", "die", "sich", "nur"]), _WORDS, _MAIN)
def test_a_verb_first_condition_runs_to_its_main_clause(
    verb: str, second: str, words: list[str], main: str
) -> None:
    condition = " ".join([verb, second, "Käufer", *words])
    text = f"Der Vertrag gilt. {condition}, {main} er zurücktreten."
    assert shown(text) == [condition]


_OPENERS = st.sampled_from(["at any time", "in particular", "gleich wann", "der das Gut hält"])
_SUBJECTS = st.sampled_from(["these instructions", "the Licensee", "der Ehegatte", "Umstände"])
_REST = st.lists(
    st.sampled_from(["become", "invalid", "ungültig", "werden", "nicht", "Gut"]), max_size=8
)


@settings(max_examples=200, deadline=None)
@given(_SUBJECTS, _OPENERS, _REST)
def test_an_inserted_phrase_does_not_end_the_condition(
    subject: str, opener: str, rest: list[str]
) -> None:
    """Whatever follows the phrase, up to the main clause, is the condition's."""
    condition = ", ".join(filter(None, [f"If {subject}", opener, " ".join(rest)]))
    assert shown(f"{condition}, you must keep the notices.") == [condition]


_LOWER_VERBS = st.sampled_from(
    ["erstellt", "verweigert", "nimmt", "leisten", "ist", "hat", "kündigt"]
)
_MAIN_CLAUSES = st.sampled_from(
    ["so ist er", "kann er", "erstreckt sich das Recht", "endet der Vertrag", "gilt dies"]
)


@settings(max_examples=200, deadline=None)
@given(_LOWER_VERBS, st.sampled_from(["der", "die", "sich"]), _WORDS, _MAIN_CLAUSES)
def test_a_verb_first_condition_after_a_semicolon_runs_to_its_comma(
    verb: str, second: str, words: list[str], main: str
) -> None:
    condition = " ".join([verb, second, "Käufer", *words])
    text = f"Der Vertrag gilt; {condition}, {main} zurückzutreten."
    assert shown(text) == [condition]
    assert shown(f"Der Vertrag gilt; {condition} zurückzutreten.") == []


_OPPOSITES = st.sampled_from(
    [
        ("en", "lawful", "unlawful"),
        ("en", "valid", "invalid"),
        ("en", "possible", "impossible"),
        ("de", "wirksam", "unwirksam"),
        ("de", "zulässig", "unzulässig"),
    ]
)
_TAILS = st.sampled_from(["", " and the data are kept", " und die Daten bleiben erhalten"])


@settings(max_examples=100, deadline=None)
@given(_OPPOSITES, _TAILS)
def test_a_prefix_turns_a_condition_and_a_negator_before_the_word_turns_it_back(
    pair: tuple[str, str, str], tail: str
) -> None:
    """A prefixed word is the same condition as its word negated ("is unA" / "is not A") and
    the reverse of its word alone ("is A"), in a condition of one word or more."""
    language, plain, prefixed = pair
    marker, negator, verb = ("if", "not", "is") if language == "en" else ("wenn", "nicht", "ist")

    def text(words: str) -> str:
        return f"The licence ends, {marker} the contract {verb} {words}{tail}, at once."

    assert "condition" not in kinds(text(f"{negator} {plain}"), text(prefixed), language)
    assert "condition" in kinds(text(plain), text(prefixed), language)
