"""Flag kinds: classes of errors found on held-out-6 once it was released (branch flagfix8,
issue 11), one table per class, English and German where the class applies, each with rows that
must raise their kind (`FLAGGED`) and rows that must not (`NOT_FLAGGED`), both ways round. The
sentences are written for these tests, not taken from the sets.

The classes:
- roles: who bears a function (Leistungsträger, Amtsträger, Kostenträger), insures
  (Kreditversicherer), is an institute of credit or payment (Kreditinstitut, Zahlungsinstitut)
  or receives a payment or performance (Zahlungsempfänger, Leistungsempfänger), and a court
  named "...gerichtshof" (Bundesgerichtshof, Internationaler Strafgerichtshof), is an actor of
  its own, as the Zahlungsdienstleister: a `party` when it joins or leaves a provision; "payee",
  "credit insurer", "credit institution" in English. A carrier that is a thing (Datenträger,
  Energieträger, "als Träger digitaler Inhalte") and "der Empfänger" alone (whoever receives a
  declaration or goods) are none.
- parted: an "only" that the verb of its statement parts from the condition ("wird die Tat
  nur verfolgt, wenn", "ist nur dann zulässig, wenn", "shall only apply if", "may only be
  granted where") makes the condition a necessary one, as "nur, wenn" does: `condition`, no
  `scope`; an "only" before an object ("nur die Kosten verlangen, wenn", "claim only the costs
  if") still sets an extent.
- event: an act named by its noun before or after which a rule holds is a `date`, with
  adjectives between the article and the noun and after "nach" as well as "vor" ("erst nach
  dem Tod des Verbrauchers", "vor dem nicht autorisierten Zahlungsvorgang", "after the death
  of the consumer", "before the unauthorised payment transaction"), as "vor Vertragsschluss"
  was; "nach der Vereinbarung" ("according to") and an act that says which thing is meant
  ("die vor dem Vertragsschluss gemachten Angaben") are none.
- age: an age up to which a rule holds ("ruht bis zur Vollendung des 30. Lebensjahres", "until
  the victim has reached the age of 30") is a `date`, the held-out-6 call, and its number no
  `number`; the age of a person in a condition ("wenn das Opfer das 18. Lebensjahr vollendet
  hat") is still a figure, no date.
- same: "Gleiches gilt, wenn ...", "the same applies where ..." added or dropped carries the
  consequence of the provision before it over to a further case, as "Dies gilt auch für ...":
  `scope`, no `provision` of its own (the held-out-6 call, StGB 67d).
- yet: an age said with a negator ("noch nicht achtzehn Jahre alt", "not yet eighteen years
  old") is the bound "unter achtzehn Jahren", "under eighteen", as "nicht mehr als" is
  "höchstens": no `negation`; an age denied ("ist nicht achtzehn Jahre alt", "is not 18 years
  old") is one.
- definition (German: English definitions were read before): a body named inside "... im Sinne
  des Absatzes 1 sind ...", items of a list included, is part of what is defined, no party.
"""

from __future__ import annotations

from test_substance import Row, class_tests

from planlens.compare.model import FlagType

_PARTED: list[Row] = [
    (
        "Die Tat wird verfolgt, wenn ein Strafverlangen der Dienststelle vorliegt.",
        "Die Tat wird nur verfolgt, wenn ein Strafverlangen der Dienststelle vorliegt.",
        "de",
        "parted: 'nur verfolgt, wenn'",
    ),
    (
        "Die Abtretung ist zulässig, wenn der Schuldner zustimmt.",
        "Die Abtretung ist nur dann zulässig, wenn der Schuldner zustimmt.",
        "de",
        "parted: 'nur dann zulässig, wenn'",
    ),
    (
        "The exemption shall apply if the authority consents.",
        "The exemption shall only apply if the authority consents.",
        "en",
        "parted: 'only apply if'",
    ),
    (
        "A licence may be granted where the applicant is reliable.",
        "A licence may only be granted where the applicant is reliable.",
        "en",
        "parted: 'only be granted where'",
    ),
]
_OBJECT_ONLY: list[Row] = [
    (
        "Der Unternehmer darf die Kosten verlangen, wenn der Vertrag endet.",
        "Der Unternehmer darf nur die Kosten verlangen, wenn der Vertrag endet.",
        "de",
        "parted: 'nur' before an object sets an extent",
    ),
    (
        "The contractor may claim the costs if the contract ends.",
        "The contractor may claim only the costs if the contract ends.",
        "en",
        "parted: 'only' before an object sets an extent",
    ),
]

_AGE_DE = (
    "Die Verjährung ruht bis zur Vollendung des achtzehnten Lebensjahres des Opfers.",
    "Die Verjährung ruht bis zur Vollendung des 30. Lebensjahres des Opfers.",
    "de",
    "age: the age up to which the limitation rests",
)
_AGE_EN = (
    "The limitation period is suspended until the victim has reached the age of 18.",
    "The limitation period is suspended until the victim has reached the age of 30.",
    "en",
    "age: the age up to which the limitation is suspended",
)
_AGE_OF_A_PERSON = (
    "Der Täter wird bestraft, wenn das Opfer das 16. Lebensjahr vollendet hat.",
    "Der Täter wird bestraft, wenn das Opfer das 18. Lebensjahr vollendet hat.",
    "de",
    "age: the age of the victim in a condition is a figure",
)

_SAME: list[Row] = [
    (
        "Die Aussetzung ist anzuordnen, wenn keine Gefahr besteht.",
        "Die Aussetzung ist anzuordnen, wenn keine Gefahr besteht. Gleiches gilt, wenn die"
        " weitere Vollstreckung unverhältnismäßig wäre.",
        "de",
        "same: 'Gleiches gilt, wenn'",
    ),
    (
        "The suspension shall be ordered if there is no danger.",
        "The suspension shall be ordered if there is no danger. The same applies where further"
        " enforcement would be disproportionate.",
        "en",
        "same: 'The same applies where'",
    ),
]

FLAGGED: dict[FlagType, list[Row]] = {
    "negation": [
        (
            "Das Kind ist nicht achtzehn Jahre alt.",
            "Das Kind ist achtzehn Jahre alt.",
            "de",
            "yet: an age denied",
        ),
        (
            "The child is not 18 years old.",
            "The child is 18 years old.",
            "en",
            "yet: an age denied",
        ),
    ],
    "scope": [*_SAME, *_OBJECT_ONLY],
    "number": [_AGE_OF_A_PERSON],
    "date": [
        _AGE_DE,
        _AGE_EN,
        (
            "Der Darlehensgeber kann die Rückzahlung verlangen.",
            "Der Darlehensgeber kann die Rückzahlung erst nach dem Tod des Verbrauchers verlangen.",
            "de",
            "event: 'erst nach dem Tod'",
        ),
        (
            "Der Zahler haftet nicht, wenn es ihm nicht möglich war, den Verlust zu bemerken.",
            "Der Zahler haftet nicht, wenn es ihm nicht möglich war, den Verlust vor dem nicht"
            " autorisierten Zahlungsvorgang zu bemerken.",
            "de",
            "event: adjectives between the article and the act",
        ),
        (
            "The lender may demand repayment.",
            "The lender may demand repayment after the death of the consumer.",
            "en",
            "event: 'after the death'",
        ),
        (
            "The payer is not liable if he could not detect the loss.",
            "The payer is not liable if he could not detect the loss before the unauthorised"
            " payment transaction.",
            "en",
            "event: words between the article and the act",
        ),
    ],
    "condition": _PARTED,
    "party": [
        (
            "Der Reiseveranstalter haftet für Mängel der Reise.",
            "Der Reiseveranstalter und der Leistungsträger haften für Mängel der Reise.",
            "de",
            "roles: a bearer of a performance joins those liable",
        ),
        (
            "Die Sicherheit kann durch eine Bürgschaft geleistet werden.",
            "Die Sicherheit kann durch eine Garantie eines Kreditinstituts oder"
            " Kreditversicherers geleistet werden.",
            "de",
            "roles: a credit institute and a credit insurer come",
        ),
        (
            "Der Zahlungsdienstleister hat dem Zahler den Betrag zu erstatten.",
            "Der Zahlungsdienstleister hat dem Zahler den Betrag zu erstatten; der"
            " Zahlungsempfänger hat ihm den Schaden zu ersetzen.",
            "de",
            "roles: the payee comes with a duty",
        ),
        (
            "Die Verjährung ruht, solange die Auslieferung betrieben wird.",
            "Die Verjährung ruht, solange der Internationale Strafgerichtshof die Übergabe"
            " betreibt.",
            "de",
            "roles: a court named '...gerichtshof'",
        ),
        (
            "The payment service provider shall refund the amount to the payer.",
            "The payment service provider shall refund the amount to the payer; the payee shall"
            " compensate the payment service provider.",
            "en",
            "roles: the payee comes with a duty",
        ),
        (
            "Security may be provided by a guarantee.",
            "Security may be provided by a guarantee of a credit institution or credit insurer.",
            "en",
            "roles: a credit institution and a credit insurer come",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "negation": [
        (
            "Wer sexuelle Handlungen an seinem noch nicht achtzehn Jahre alten Kind vornimmt, wird"
            " bestraft.",
            "Wer sexuelle Handlungen an einer Person unter achtzehn Jahren vornimmt, wird"
            " bestraft.",
            "de",
            "yet: 'noch nicht achtzehn Jahre alt' is 'unter achtzehn Jahren'",
        ),
        (
            "Whoever has sexual contact with a child not yet eighteen years old is punished.",
            "Whoever has sexual contact with a child under eighteen is punished.",
            "en",
            "yet: 'not yet eighteen years old' is 'under eighteen'",
        ),
    ],
    "provision": _SAME,
    "number": [_AGE_DE, _AGE_EN],
    "date": [
        _AGE_OF_A_PERSON,
        (
            "Die Leistung richtet sich nach dem Vertrag.",
            "Die Leistung richtet sich nach der Vereinbarung der Parteien.",
            "de",
            "event: 'nach der Vereinbarung' is 'according to'",
        ),
        (
            "Der Käufer kann die Angaben berichtigen.",
            "Der Käufer kann die vor dem Vertragsschluss gemachten Angaben berichtigen.",
            "de",
            "event: the act says which information is meant",
        ),
        (
            "The parties shall cooperate.",
            "The parties shall cooperate before the court.",
            "en",
            "event: a place, no act",
        ),
    ],
    "scope": _PARTED,
    "party": [
        (
            "Der Unternehmer liefert einen Datenträger.",
            "Der Unternehmer liefert einen Datenträger, der als Träger digitaler Inhalte dient.",
            "de",
            "roles: a carrier of data is a thing",
        ),
        (
            "Der Preis erhöht sich bei höheren Kosten für Treibstoff.",
            "Der Preis erhöht sich bei höheren Kosten für Treibstoff oder andere Energieträger.",
            "de",
            "roles: a source of energy is a thing",
        ),
        (
            "Die Frist beginnt mit dem Eingang der Ware.",
            "Die Frist beginnt mit dem Eingang der Ware beim Empfänger.",
            "de",
            "roles: 'der Empfänger' alone is whoever receives the goods",
        ),
        (
            "The trader delivers the goods to the consumer.",
            "The trader delivers the goods to the consumer at the place of receipt.",
            "en",
            "roles: no role noun comes",
        ),
        (
            "Zahlungskarten im Sinne des Absatzes 1 sind Karten, die besonders gegen Nachahmung"
            " gesichert sind.",
            "Zahlungskarten im Sinne des Absatzes 1 sind Karten,\n\n1.  die von einem"
            " Kreditinstitut herausgegeben wurden und\n\n2.  die besonders gegen Nachahmung"
            " gesichert sind.",
            "de",
            "definition: a body inside the items of a definition",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(FLAGGED, NOT_FLAGGED, ("roles", "parted", "event", "age", "same", "yet"))
