"""Flag kinds: classes of false and missed flags of the labelled sets (bench/flags/, issue 11
item 3, branch flagkind7), one table per class, English and German, each with rows that must
raise the kind (`FLAGGED`) and rows that must not (`NOT_FLAGGED`), both ways round. The
sentences are written for these tests, not taken from the sets.

The classes:
- antonym: a negator before a word that the other side says with its antonym or with a
  negative prefix keeps the polarity ("not the same as" / "distinct from", "nicht anders" /
  "ebenso", "not lawful" / "unlawful", "nicht wirksam" / "unwirksam"); a negator added before
  the same word still turns it;
- pairing: "two persons" / "zwei Personen" that comes where the other side counts nothing says
  who a provision covers (`scope`), not a figure; "two persons" / "three persons" is a figure;
- forms: the forms a grant covers ("in source code and object code form") that go with no word
  of form left, or change, are `scope`; a form said otherwise ("schriftlich" / "in Textform",
  "in any form" / "any form of") is not, nor, by the guide's call of 2026-11-26, the form a
  duty is met in (its German rows moved to tests/test_flag_classes_fixflags.py, not flagged);
- preposition: a condition a preposition opens ("im Fall von Lastschriften", "in the case of
  direct debits") ends before the modal or finite verb of the statement it conditions, so a
  power to agree that becomes a plain right is `modality` ("können ... vereinbaren, dass der
  Zahler einen Anspruch hat" / "hat der Zahler einen Anspruch");
- offence: the means of an offence in a clause whose subject is the offender ("Verursacht der
  Täter durch ..., so", "If the offender causes ... by ...") are its extent (`scope`), no
  `condition`; items inside another condition ("Ist die Tat durch ... begangen") still are.
"""

from __future__ import annotations

from test_substance import Row, class_tests

from planlens.compare.model import FlagType

FLAGGED: dict[FlagType, list[Row]] = {
    "negation": [
        (
            "The new name must be the same as the old name.",
            "The new name must not be the same as the old name.",
            "en",
            "antonym: 'not' before the same word, no antonym on the other side: a turn",
        ),
        (
            "Die Vereinbarung ist wirksam, soweit sie schriftlich geschlossen wurde.",
            "Die Vereinbarung ist nicht wirksam, soweit sie schriftlich geschlossen wurde.",
            "de",
            "antonym: 'nicht' before the same word, no 'unwirksam' on the other side: a turn",
        ),
    ],
    "number": [
        (
            "The partnership is formed by two persons.",
            "The partnership is formed by three persons.",
            "en",
            "pairing: two persons / three persons is a figure",
        ),
        (
            "Die Gesellschaft wird von zwei Personen gegründet.",
            "Die Gesellschaft wird von drei Personen gegründet.",
            "de",
            "pairing: zwei Personen / drei Personen is a figure",
        ),
    ],
    "scope": [
        (
            "A civil partnership is registered for life.",
            "A civil partnership is registered by two persons of the same sex for life.",
            "en",
            "pairing: who the provision covers",
        ),
        (
            "Die Ehe wird auf Lebenszeit geschlossen.",
            "Die Ehe wird von zwei Personen verschiedenen oder gleichen Geschlechts auf"
            " Lebenszeit geschlossen.",
            "de",
            "pairing: who the provision covers",
        ),
        (
            "Each Contributor grants a licence to copy the Contribution in source code and"
            " object code form.",
            "Each Contributor grants a licence to copy the Contribution.",
            "en",
            "forms: the forms of a grant go, no word of form is left",
        ),
        (
            "Each Contributor grants a licence to copy the Contribution in source code and"
            " object code form.",
            "Each Contributor grants a licence to copy the Contribution in source code or"
            " other form.",
            "en",
            "forms: one form for another",
        ),
        (
            "Verursacht der Täter durch die Nötigung oder die Erpressung wenigstens"
            " leichtfertig den Tod des Opfers, so ist die Strafe lebenslange Freiheitsstrafe.",
            "Verursacht der Täter durch die Drohung, die Nötigung oder die Erpressung"
            " wenigstens leichtfertig den Tod des Opfers, so ist die Strafe lebenslange"
            " Freiheitsstrafe.",
            "de",
            "offence: a means added to what the offender does",
        ),
        (
            "If the offender causes the death of the victim by the assault or the robbery,"
            " the penalty is imprisonment for life.",
            "If the offender causes the death of the victim by the threat, the assault or the"
            " robbery, the penalty is imprisonment for life.",
            "en",
            "offence: a means added to what the offender does",
        ),
    ],
    "modality": [
        (
            "Im Fall von Lastschriften können der Zahler und sein Zahlungsdienstleister"
            " vereinbaren, dass der Zahler einen Anspruch auf Erstattung gegen seinen"
            " Zahlungsdienstleister hat.",
            "Im Fall von Lastschriften hat der Zahler einen Anspruch auf Erstattung gegen"
            " seinen Zahlungsdienstleister.",
            "de",
            "preposition: a power to agree becomes a plain right",
        ),
        (
            "In the case of direct debits the payer and the provider may agree that the payer"
            " has a right to a refund from the provider.",
            "In the case of direct debits the payer has a right to a refund from the provider.",
            "en",
            "preposition: a power to agree becomes a plain right",
        ),
    ],
    "condition": [
        (
            "Ist die Tat durch die Nötigung oder die Erpressung begangen, so ist die Strafe"
            " Freiheitsstrafe nicht unter einem Jahr.",
            "Ist die Tat durch die Drohung, die Nötigung oder die Erpressung begangen, so ist"
            " die Strafe Freiheitsstrafe nicht unter einem Jahr.",
            "de",
            "offence: an item inside a condition that is no act of the offender",
        ),
        (
            "If the act is committed by the assault or the robbery, the penalty is"
            " imprisonment for life.",
            "If the act is committed by the threat, the assault or the robbery, the penalty"
            " is imprisonment for life.",
            "en",
            "offence: an item inside a condition that is no act of the offender",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "negation": [
        (
            "These titles must be distinct from any other section titles.",
            "These titles must not be the same as any other section titles.",
            "en",
            "antonym: 'distinct from' / 'not the same as'",
        ),
        (
            "A term is unlawful when it limits the lawful rights of the buyer.",
            "A term is not lawful when it limits the lawful rights of the buyer.",
            "en",
            "antonym: 'unlawful' / 'not lawful'",
        ),
        (
            "Ebenso wird bestraft, wer die Sache eines anderen in Brandgefahr bringt.",
            "Nicht anders wird bestraft, wer die Sache eines anderen in Brandgefahr bringt.",
            "de",
            "antonym: 'Ebenso' / 'Nicht anders'",
        ),
        (
            "Die Kündigung ist unwirksam, wenn sie die Wirksamkeit des Vertrags berührt.",
            "Die Kündigung ist nicht wirksam, wenn sie die Wirksamkeit des Vertrags berührt.",
            "de",
            "antonym: 'unwirksam' / 'nicht wirksam'",
        ),
    ],
    "number": [
        (
            "A civil partnership is registered for life.",
            "A civil partnership is registered by two persons of the same sex for life.",
            "en",
            "pairing: who, not how many",
        ),
        (
            "Die Ehe wird auf Lebenszeit geschlossen.",
            "Die Ehe wird von zwei Personen verschiedenen oder gleichen Geschlechts auf"
            " Lebenszeit geschlossen.",
            "de",
            "pairing: who, not how many",
        ),
    ],
    "scope": [
        (
            '"Executable" means Covered Code in any form other than Source Code.',
            '"Executable" means any form of the Covered Code other than Source Code.',
            "en",
            "forms: 'in any form' / 'any form of'",
        ),
        (
            "Der Anbieter stellt schriftlich, in geeigneten Fällen auch elektronisch,"
            " Informationen über die Entgelte zur Verfügung.",
            "Der Anbieter stellt Informationen über die Entgelte in Textform zur Verfügung.",
            "de",
            "forms: 'schriftlich ... elektronisch' / 'in Textform'",
        ),
    ],
    "modality": [
        (
            "In the case of direct debits the payer may ask the provider for a refund.",
            "In the case of a direct debit the payer may ask the provider for a refund.",
            "en",
            "preposition: the same force after the condition",
        ),
        (
            "Im Falle einer Lastschrift kann der Zahler von seinem Zahlungsdienstleister eine"
            " Erstattung verlangen.",
            "Im Falle von Lastschriften kann der Zahler von seinem Zahlungsdienstleister eine"
            " Erstattung verlangen.",
            "de",
            "preposition: the same force after the condition",
        ),
    ],
    "condition": [
        (
            "Verursacht der Täter durch die Nötigung oder die Erpressung wenigstens"
            " leichtfertig den Tod des Opfers, so ist die Strafe lebenslange Freiheitsstrafe.",
            "Verursacht der Täter durch die Drohung, die Nötigung oder die Erpressung"
            " wenigstens leichtfertig den Tod des Opfers, so ist die Strafe lebenslange"
            " Freiheitsstrafe.",
            "de",
            "offence: what the offender does is no condition",
        ),
        (
            "If the offender causes the death of the victim by the assault or the robbery,"
            " the penalty is imprisonment for life.",
            "If the offender causes the death of the victim by the threat, the assault or the"
            " robbery, the penalty is imprisonment for life.",
            "en",
            "offence: what the offender does is no condition",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(FLAGGED, NOT_FLAGGED, ("antonym", "pairing", "forms", "preposition", "offence"))
