"""Flag kinds: classes of false and missed flags of the released sets (bench/flags/, branch
fixflags, issue 11), one table per class, English and German where the class exists in both,
each with rows that must raise the kind (`FLAGGED`) and rows that must not (`NOT_FLAGGED`),
both ways round, and tests of their own where a class holds one way only. The sentences are
written for these tests, not taken from the sets.

The classes:
- period-verb: the length of a time limit stated with the German verb before it ("...,
  beträgt die Widerrufsfrist einen Monat", as "die Widerrufsfrist beträgt einen Monat") is a
  deadline's (`date`), no figure (`number`); an amount stated so ("beträgt die Miete 500 Euro")
  still is a figure. English states it one way, "the withdrawal period is one month".
- range-shrinks (one way only): a range of provisions that loses its end provision ("§§ 176
  bis 179" -> "§§ 176 bis 178", "§§ 9 bis 13" -> "§§ 10 bis 13") follows a provision repealed
  or folded elsewhere: no `scope`; one that grows ("§§ 223 bis 226" -> "§§ 223 bis 226a") or
  now ends inside a provision ("bis 1632 Absatz 4") changes what is referred to (`scope`).
- range-end: a "bis zu" / "up to" that ends a range of figures ("Freiheitsstrafe von sechs
  Monaten bis zu zehn Jahren", "from six months up to ten years") or names a time ("bis zu
  einem im Vertrag bestimmten Termin", "up to the date agreed in the contract") is no bound of
  extent (no `scope`); one before a figure alone ("bis zu 500 Euro", "up to 500 euros") still is
  a bound, and one that comes or goes is `scope`.
- on-request: a duty or power that holds only on someone's request ("auf dessen Wunsch",
  "auf Verlangen des Käufers", "auf Antrag", "on request", "at the request of the buyer") is
  triggered by it (`condition`), added or removed; not the request a decision was given on ("auf
  den Antrag eines der Abkömmlinge ergangen" / "auf die Klage ...", "given on the application
  of" / "on the claim of"), which says what happened, no trigger.
- timing: when or how long a rule holds ("jederzeit", "at any time", "für die Dauer der
  Ausbildung", "for the duration of the training", "solange", "während der Laufzeit des
  Vertrags", "zu Beginn eines jeden Gesprächs", "at the beginning of each call"), added or
  removed, is `date`; the same word on both sides is none, nor "zur Zeit der Tat" / "at the
  time of the offence", which says when a fact of a condition counts.
- declared-form: the form a declaration or duty takes ("in Textform", "in der dort
  vorgesehenen Form", "in schriftlicher Form", "in written form"), dropped or changed, is none
  of the kinds (the guide's call of 2026-11-26: "the form in which a duty is met ..., one form
  for another ... is none of the kinds"), where a form a grant covers ("in source code form",
  "in any form") that goes is `scope`.
- restated: an item of a list dropped from one phrase that the other text still states in the
  same words, in a list it keeps elsewhere ("die Aufhebung der gemeinsamen Sorge und die
  Übertragung" kept in (1) while a new (2) lists "die Übertragung auf den Vater" alone), moved:
  no `scope`; an item the other text no longer states anywhere is `scope`.
- same-limit: a time limit bounded in other words ("within 30 days" / "no later than 30 days
  after", "innerhalb von 30 Tagen" / "binnen 30 Tagen" / "spätestens 30 Tage nach", "innerhalb
  eines Monats" / "spätestens einen Monat nach") is the same deadline (no `date`); another length
  ("30 Tage" / "60 Tage") or a limit before an event ("spätestens 30 Tage vor") is another.
- all-at-once (English only: German says neither with "sofort"): "not all at once but
  gradually" is how a thing is done, no time (no `date`), where "at once" ("immediately") is one.
- specified: German "bestimmt" is "specified", "set", "intended" ("an bestimmten Orten", "die
  vom Veranstalter bestimmte Frist"), no "some" (no `scope`), where "einige" / "teilweise" and
  English "certain" / "some" still are ("certain places" for "all places").
- reference-case: a German reference word in another case or form ("des Abschnitts 3 Titel
  2a", "des Kapitels 4", "des Teils 2", "Unterabschnitt 2", "Anhang 3") is a reference, its
  number no figure (no `number`), as "Chapter 3 of Title 2" is; a figure beside it still is one.
- referring (German only: the qualifiers of a noun are read in German, `extent.qualifiers`): an
  adjective that refers rather than narrows ("dem jeweiligen Zahlungsdienstleister", "der
  betreffenden Behörde", "die vorgenannten Personen") is no qualifier (no `scope`), where one
  that narrows ("ein minderjähriges unverheiratetes Kind" -> "ein minderjähriges Kind") is.
- clause: a second predicate joined by its conjunction ("Ansprüche, die an die Stelle der
  Vergütung treten und nicht selbst Vergütung sind", "claims which take the place of the
  remuneration and are not themselves remuneration") is a clause, no item added to a list (no
  `scope`); a noun added to a list ("Ansprüche, Rechte und Forderungen") is one.
- where-if: "Where" opening a sentence before its subject ("Where the provision cannot be
  reformed, it shall be severed") is the drafting "if" (`condition`), the same condition as
  "If ..." (as "Wenn" / "Falls" / "Ist ..., so" are in German).
"""

from __future__ import annotations

import pytest
from test_substance import Row, class_tests, kinds

from planlens.compare.model import FlagType

_CUSTODY_DE = (
    "(1) Leben Eltern getrennt, so kann jeder Elternteil beantragen, dass ihm das Familiengericht"
    " die elterliche Sorge allein überträgt."
)
_ITEMS_DE = (
    "1.  der andere Elternteil zustimmt, oder\n\n2.  zu erwarten ist, dass die Aufhebung der"
    " gemeinsamen Sorge und die Übertragung auf den Antragsteller dem Wohl des Kindes am besten"
    " entspricht."
)
_CUSTODY_EN = (
    "(1) If the parents live apart, either parent may apply to the court for sole custody."
)
_ITEMS_EN = (
    "1.  the other parent consents, or\n\n2.  the ending of joint custody and the transfer to"
    " the applicant is expected to serve the welfare of the child best."
)

FLAGGED: dict[FlagType, list[Row]] = {
    "condition": [
        (
            "Where the Licensee breaches this License, the License shall terminate.",
            "The License shall terminate.",
            "en",
            "where-if: the condition goes",
        ),
        (
            "Verletzt der Lizenznehmer diese Lizenz, so endet die Lizenz.",
            "Die Lizenz endet.",
            "de",
            "where-if: the condition goes",
        ),
        (
            "Der Verkäufer hat dem Käufer eine Abschrift des Vertrags zu übergeben.",
            "Der Verkäufer hat dem Käufer auf dessen Verlangen eine Abschrift des Vertrags zu"
            " übergeben.",
            "de",
            "on-request: the duty now holds on the buyer's request",
        ),
        (
            "Das Gericht stellt die Ehe fest.",
            "Das Gericht stellt die Ehe auf Antrag fest.",
            "de",
            "on-request: the court acts on application",
        ),
        (
            "The seller shall give the buyer a copy of the contract.",
            "The seller shall give the buyer a copy of the contract on request.",
            "en",
            "on-request: the duty now holds on request",
        ),
        (
            "The court shall declare the marriage void.",
            "The court shall declare the marriage void at the request of either spouse.",
            "en",
            "on-request: the court acts at a spouse's request",
        ),
    ],
    "scope": [
        (
            "Satz 1 gilt auch für Ansprüche und Rechte.",
            "Satz 1 gilt auch für Ansprüche, Rechte und Forderungen.",
            "de",
            "clause: a noun added to the list",
        ),
        (
            "Sentence 1 also applies to claims and rights.",
            "Sentence 1 also applies to claims, rights and debts.",
            "en",
            "clause: a noun added to the list",
        ),
        (
            "Die Eltern haben das Recht, ein minderjähriges unverheiratetes Kind zu vertreten.",
            "Die Eltern haben das Recht, ein minderjähriges Kind zu vertreten.",
            "de",
            "referring: an adjective that narrows",
        ),
        (
            "Die Vorschriften gelten für alle Verträge.",
            "Die Vorschriften gelten für einige Verträge.",
            "de",
            "specified: some, not all",
        ),
        (
            "The rules apply to all contracts.",
            "The rules apply to certain contracts.",
            "en",
            "specified: certain, not all",
        ),
        (
            "Das Familiengericht entscheidet über die Aufhebung der gemeinsamen Sorge und die"
            " Übertragung auf den Antragsteller.",
            "Das Familiengericht entscheidet über die Übertragung auf den Antragsteller.",
            "de",
            "restated: the item gone from the text",
        ),
        (
            "The court decides on the ending of joint custody and the transfer to the applicant.",
            "The court decides on the transfer to the applicant.",
            "en",
            "restated: the item gone from the text",
        ),
        (
            "Der Lizenzgeber gewährt das Recht, das Werk in jeder Form zu verbreiten.",
            "Der Lizenzgeber gewährt das Recht, das Werk zu verbreiten.",
            "de",
            "declared-form: the forms a grant covers",
        ),
        (
            "You may distribute the Program in source code and object code form.",
            "You may distribute the Program.",
            "en",
            "declared-form: the forms a grant covers",
        ),
        (
            "Der Verkäufer haftet für Schäden an der Sache.",
            "Der Verkäufer haftet für Schäden an der Sache bis zu 500 Euro.",
            "de",
            "range-end: a bound of a figure alone",
        ),
        (
            "The seller is liable for damage to the goods.",
            "The seller is liable for damage to the goods up to 500 euros.",
            "en",
            "range-end: a bound of a figure alone",
        ),
    ],
    "number": [
        (
            "Nach den Vorschriften des Abschnitts 3 beträgt die Gebühr 100 Euro.",
            "Nach den Vorschriften des Abschnitts 3 beträgt die Gebühr 200 Euro.",
            "de",
            "reference-case: a figure beside the reference",
        ),
        (
            "Under Chapter 3 the fee is 100 euros.",
            "Under Chapter 3 the fee is 200 euros.",
            "en",
            "reference-case: a figure beside the reference",
        ),
        (
            "Wird die Wohnung später übergeben, beträgt die Miete 500 Euro.",
            "Wird die Wohnung später übergeben, beträgt die Miete 600 Euro.",
            "de",
            "period-verb: an amount, no time limit",
        ),
        (
            "If the flat is handed over later, the rent is 500 euros.",
            "If the flat is handed over later, the rent is 600 euros.",
            "en",
            "period-verb: an amount, no time limit",
        ),
    ],
    "date": [
        (
            "Within 30 days of signing, the parliament is to adopt a resolution.",
            "No later than 60 days after signing, the parliament is to adopt a resolution.",
            "en",
            "same-limit: another length",
        ),
        (
            "Das Parlament hat innerhalb von 30 Tagen nach der Wahl zu beschließen.",
            "Das Parlament hat spätestens 60 Tage nach der Wahl zu beschließen.",
            "de",
            "same-limit: another length",
        ),
        (
            "Das Parlament hat spätestens 30 Tage nach der Wahl zu beschließen.",
            "Das Parlament hat spätestens 30 Tage vor der Wahl zu beschließen.",
            "de",
            "same-limit: before the event, not after",
        ),
        (
            "Some sanctions may be lifted, but only gradually and in stages.",
            "Some sanctions may be lifted at once.",
            "en",
            "all-at-once: at once is immediately",
        ),
        (
            "Der Verbraucher kann den Vertrag kündigen.",
            "Der Verbraucher kann den Vertrag jederzeit kündigen.",
            "de",
            "timing: at any time",
        ),
        (
            "The consumer may terminate the contract.",
            "The consumer may terminate the contract at any time.",
            "en",
            "timing: at any time",
        ),
        (
            "Die Vereinbarung bindet die Parteien.",
            "Die Vereinbarung bindet die Parteien für die Dauer der Ausbildung.",
            "de",
            "timing: how long the rule holds",
        ),
        (
            "The agreement binds the parties.",
            "The agreement binds the parties for the duration of the training.",
            "en",
            "timing: how long the rule holds",
        ),
        (
            "Das Familiengericht kann die Ehe genehmigen, wenn der Ehegatte minderjährig ist.",
            "Das Familiengericht kann die Ehe genehmigen, solange der Ehegatte minderjährig ist.",
            "de",
            "timing: solange bounds when the power holds",
        ),
        (
            "Der Unternehmer hat den Verbraucher über seine Identität zu informieren.",
            "Der Unternehmer hat den Verbraucher zu Beginn eines jeden Gesprächs über seine"
            " Identität zu informieren.",
            "de",
            "timing: when the duty holds",
        ),
        (
            "The trader shall tell the consumer who he is.",
            "The trader shall tell the consumer who he is at the beginning of each call.",
            "en",
            "timing: when the duty holds",
        ),
        (
            "Wird die Belehrung später mitgeteilt, beträgt die Widerrufsfrist zwei Wochen.",
            "Wird die Belehrung später mitgeteilt, beträgt die Widerrufsfrist einen Monat.",
            "de",
            "period-verb: the time limit's length changes",
        ),
        (
            "If the contract is ended later, the notice period is two weeks.",
            "If the contract is ended later, the notice period is one month.",
            "en",
            "period-verb: the time limit's length changes",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "condition": [
        (
            "If the provision cannot be reformed, it shall be severed from this License.",
            "Where the provision cannot be reformed, it shall be severed from this License.",
            "en",
            "where-if: the same condition",
        ),
        (
            "Wenn die Bestimmung nicht angepasst werden kann, ist sie zu streichen.",
            "Falls die Bestimmung nicht angepasst werden kann, ist sie zu streichen.",
            "de",
            "where-if: the same condition",
        ),
        (
            "Sie tritt für alle ein, auch wenn die Entscheidung auf die Klage eines der"
            " Abkömmlinge ergangen ist.",
            "Sie tritt für alle ein, auch wenn die Entscheidung auf den Antrag eines der"
            " Abkömmlinge ergangen ist.",
            "de",
            "on-request: the application a decision was given on, no trigger",
        ),
        (
            "The dissolution takes effect for all of them, with the decision given on the claim"
            " of one descendant.",
            "The dissolution takes effect for all of them, with the decision given on the"
            " application of one descendant.",
            "en",
            "on-request: the application a decision was given on, no trigger",
        ),
    ],
    "scope": [
        (
            "Satz 1 gilt auch für Ansprüche, die an die Stelle der Vergütung treten.",
            "Satz 1 gilt auch für Ansprüche, die an die Stelle der Vergütung treten und nicht"
            " selbst Vergütung sind.",
            "de",
            "clause: a second predicate of the relative clause",
        ),
        (
            "Sentence 1 also applies to claims which take the place of the remuneration.",
            "Sentence 1 also applies to claims which take the place of the remuneration and are"
            " not themselves remuneration.",
            "en",
            "clause: a second predicate of the relative clause",
        ),
        (
            "Die Parteien können mit dem Zahlungsdienstleister eine andere Frist vereinbaren.",
            "Die Parteien können mit dem jeweiligen Zahlungsdienstleister eine andere Frist"
            " vereinbaren.",
            "de",
            "referring: the respective provider, the same",
        ),
        (
            "Die Daten sind der Behörde zu übermitteln.",
            "Die Daten sind der betreffenden Behörde zu übermitteln.",
            "de",
            "referring: the authority concerned, the same",
        ),
        (
            "Der Anbieter stellt die Informationen dem Kunden in Textform zur Verfügung.",
            "Der Anbieter stellt die Informationen dem Kunden zur Verfügung.",
            "de",
            "declared-form: the form of a duty goes (was a row of test_flag_kind_classes)",
        ),
        (
            "Die Erklärung ist gegenüber dem Gericht in schriftlicher Form abzugeben.",
            "Die Erklärung ist gegenüber dem Gericht in elektronischer Form abzugeben.",
            "de",
            "declared-form: one form for another (was a row of test_flag_kind_classes)",
        ),
        (
            "Der Darlehensgeber teilt dem Darlehensnehmer den Vertragsinhalt in Textform mit.",
            "Der Darlehensgeber teilt dem Darlehensnehmer den Vertragsinhalt mit.",
            "de",
            "declared-form: the form gone (was a row of test_flag_classes_fix8)",
        ),
        (
            "The lender shall provide the borrower with the contract terms in written form.",
            "The lender shall provide the borrower with the contract terms.",
            "en",
            "declared-form: the form gone (was a row of test_flag_classes_fix8)",
        ),
        (
            "Wer einem Verbot zuwiderhandelt, der Prostitution nachzugehen, wird bestraft.",
            "Wer einem Verbot zuwiderhandelt, der Prostitution an bestimmten Orten nachzugehen,"
            " wird bestraft.",
            "de",
            "specified: the places the ban names",
        ),
        (
            "The traveller may accept the offer within a period.",
            "The traveller may accept the offer within a period set by the organiser.",
            "en",
            "specified: a period set, no extent",
        ),
        (
            f"{_CUSTODY_DE}\n\n(2) Dem Antrag ist stattzugeben, soweit\n\n{_ITEMS_DE}",
            f"{_CUSTODY_DE} Dem Antrag ist stattzugeben, soweit\n\n{_ITEMS_DE}\n\n(2) Steht die"
            " elterliche Sorge der Mutter zu, so kann der Vater beantragen, dass ihm das"
            " Familiengericht die elterliche Sorge allein überträgt. Dem Antrag ist stattzugeben,"
            " soweit\n\n1.  die Mutter zustimmt, oder\n\n2.  zu erwarten ist, dass die"
            " Übertragung auf den Vater dem Wohl des Kindes am besten entspricht.",
            "de",
            "restated: the item kept in (1), a new (2) without it",
        ),
        (
            f"{_CUSTODY_EN}\n\n(2) The application shall be granted where\n\n{_ITEMS_EN}",
            f"{_CUSTODY_EN} The application shall be granted where\n\n{_ITEMS_EN}\n\n(2) If the"
            " mother has custody, the father may apply to the court for sole custody. The"
            " application shall be granted where\n\n1.  the mother consents, or\n\n2.  the"
            " transfer to the father is expected to serve the welfare of the child best.",
            "en",
            "restated: the item kept in (1), a new (2) without it",
        ),
        (
            "Der Widerruf ist in Textform gegenüber dem Unternehmer zu erklären.",
            "Der Widerruf ist gegenüber dem Unternehmer zu erklären.",
            "de",
            "declared-form: the form of a declaration dropped",
        ),
        (
            "Die Angaben sind dem Verbraucher in der dort vorgesehenen Form mitzuteilen.",
            "Die Angaben sind dem Verbraucher mitzuteilen.",
            "de",
            "declared-form: the form of a duty dropped",
        ),
        (
            "The withdrawal shall be declared to the trader in written form.",
            "The withdrawal shall be declared to the trader.",
            "en",
            "declared-form: the form of a declaration dropped",
        ),
        (
            "Wer ein Kind anbietet, wird mit Freiheitsstrafe nicht unter einem Jahr bestraft.",
            "Wer ein Kind anbietet, wird mit Freiheitsstrafe von sechs Monaten bis zu zehn Jahren"
            " bestraft.",
            "de",
            "range-end: a range of figures, the penalty's (number)",
        ),
        (
            "Whoever offers a child shall be punished with imprisonment of one year.",
            "Whoever offers a child shall be punished with imprisonment from six months up to ten"
            " years.",
            "en",
            "range-end: a range of figures, the penalty's (number)",
        ),
        (
            "Der Schuldner hat die Leistung zu einem im Vertrag bestimmten Termin zu bewirken.",
            "Der Schuldner hat die Leistung bis zu einem im Vertrag bestimmten Termin zu bewirken.",
            "de",
            "range-end: a time, no bound",
        ),
        (
            "No notice is needed where the debtor fails to perform on the date agreed in the"
            " contract.",
            "No notice is needed where the debtor fails to perform up to the date agreed in the"
            " contract.",
            "en",
            "range-end: a time, no bound",
        ),
    ],
    "number": [
        (
            "An die Stelle treten die Vorschriften des Abschnitts 3 Titel 2a.",
            "An die Stelle treten die Vorschriften des Abschnitts 4 Titel 3.",
            "de",
            "reference-case: Abschnitts, Titel",
        ),
        (
            "Die Ausnahmen des Kapitels 4 und des Teils 2 gelten entsprechend.",
            "Die Ausnahmen des Kapitels 5 und des Teils 3 gelten entsprechend.",
            "de",
            "reference-case: Kapitels, Teils",
        ),
        (
            "The rules of Chapter 3 of Title 2 apply instead.",
            "The rules of Chapter 4 of Title 3 apply instead.",
            "en",
            "reference-case: Chapter, Title",
        ),
        (
            "Wird die Belehrung später mitgeteilt, beträgt die Widerrufsfrist zwei Wochen.",
            "Wird die Belehrung später mitgeteilt, beträgt die Widerrufsfrist einen Monat.",
            "de",
            "period-verb: the length of a time limit is no figure",
        ),
        (
            "If the contract is ended later, the notice period is two weeks.",
            "If the contract is ended later, the notice period is one month.",
            "en",
            "period-verb: the length of a time limit is no figure",
        ),
    ],
    "date": [
        (
            "Within 30 days of signing, the parliament is to adopt a resolution.",
            "No later than 30 days after signing, the parliament is to adopt a resolution.",
            "en",
            "same-limit: within / no later than ... after",
        ),
        (
            "No later than 30 days after signing, the parliament is to adopt a resolution.",
            "Not later than 30 days after signing, the parliament is to adopt a resolution.",
            "en",
            "same-limit: no later than / not later than",
        ),
        (
            "Das Parlament hat innerhalb von 30 Tagen nach der Unterzeichnung zu beschließen.",
            "Das Parlament hat spätestens 30 Tage nach der Unterzeichnung zu beschließen.",
            "de",
            "same-limit: innerhalb von / spätestens ... nach",
        ),
        (
            "Der Mangel ist binnen eines Monats anzuzeigen.",
            "Der Mangel ist innerhalb eines Monats anzuzeigen.",
            "de",
            "same-limit: binnen / innerhalb",
        ),
        (
            "Some sanctions may be lifted, but only gradually and in stages.",
            "Some sanctions may be lifted, not all at once but gradually and in stages.",
            "en",
            "all-at-once: how, not when",
        ),
        (
            "Der Verbraucher kann jederzeit kündigen.",
            "Der Verbraucher kann den Vertrag jederzeit kündigen.",
            "de",
            "timing: the same word on both sides",
        ),
        (
            "The consumer may terminate at any time.",
            "The consumer may terminate the contract at any time.",
            "en",
            "timing: the same word on both sides",
        ),
        (
            "Die Tat ist strafbar, wenn das Opfer unter achtzehn Jahre alt ist.",
            "Die Tat ist strafbar, wenn das Opfer zur Zeit der Tat unter achtzehn Jahre alt ist.",
            "de",
            "timing: when the age of a condition counts, no date",
        ),
        (
            "The act is punishable if the victim is under eighteen.",
            "The act is punishable if the victim is under eighteen at the time of the offence.",
            "en",
            "timing: when the age of a condition counts, no date",
        ),
    ],
}

(
    test_flagged_both_ways,
    test_not_flagged_either_way,
    test_rows_in_both_languages,
) = class_tests(
    FLAGGED,
    NOT_FLAGGED,
    (
        "period-verb",
        "range-end",
        "on-request",
        "timing",
        "declared-form",
        "restated",
        "same-limit",
        "specified",
    ),
)


#: (old, new, language, scope flagged, why): one way only, old -> new.
RANGES = [
    (
        "Die Tat nach den §§ 176 bis 179 wird verfolgt, wenn das Opfer es verlangt.",
        "Die Tat nach den §§ 176 bis 178 wird verfolgt, wenn das Opfer es verlangt.",
        "de",
        False,
        "range-shrinks: the range's last provision goes (repealed elsewhere)",
    ),
    (
        "Es fehlt eine der in Artikel 247 §§ 6 und 9 bis 13 vorgeschriebenen Angaben.",
        "Es fehlt eine der in Artikel 247 §§ 6 und 10 bis 13 vorgeschriebenen Angaben.",
        "de",
        False,
        "range-shrinks: the range's first provision goes",
    ),
    (
        "An offence under sections 176 to 179 is prosecuted if the victim so requests.",
        "An offence under sections 176 to 178 is prosecuted if the victim so requests.",
        "en",
        False,
        "range-shrinks: the range's last provision goes",
    ),
    (
        "Verursacht der Täter durch die Körperverletzung (§§ 223 bis 226) den Tod, so ist die"
        " Strafe Freiheitsstrafe nicht unter drei Jahren.",
        "Verursacht der Täter durch die Körperverletzung (§§ 223 bis 226a) den Tod, so ist die"
        " Strafe Freiheitsstrafe nicht unter drei Jahren.",
        "de",
        True,
        "range-shrinks: a range that grows covers a provision more",
    ),
    (
        "In den Fällen der §§ 223 bis 226 ist die Strafe höher.",
        "In den Fällen der §§ 223 bis 226a ist die Strafe höher.",
        "de",
        True,
        "range-shrinks: a provision joins the range (from test_substance, one way now)",
    ),
    (
        "In den Fällen der §§ 223 bis 226a ist die Strafe höher.",
        "In den Fällen der §§ 223 bis 226 ist die Strafe höher.",
        "de",
        False,
        "range-shrinks: the range's last provision goes",
    ),
    (
        "An offence under sections 331 to 335 includes the omission of the act.",
        "An offence under sections 331 to 335a includes the omission of the act.",
        "en",
        True,
        "range-shrinks: a range that grows covers a provision more",
    ),
    (
        "Die Pflicht des Vormunds bestimmt sich nach §§ 1631 bis 1633 und nach § 5.",
        "Die Pflicht des Vormunds bestimmt sich nach §§ 1631 bis 1632 Absatz 4 und nach § 5.",
        "de",
        True,
        "range-shrinks: a range now ending inside a provision is narrowed on purpose",
    ),
]


@pytest.mark.parametrize(("old", "new", "language", "flagged", "why"), RANGES)
def test_range_shrinks(old: str, new: str, language: str, flagged: bool, why: str) -> None:
    assert ("scope" in kinds(old, new, language)) is flagged, why


def test_range_grows_the_other_way_round() -> None:
    """range-shrinks: the other way round a shrinking range grows: `scope`."""
    old, new, language, _, why = RANGES[0]
    assert "scope" in kinds(new, old, language), why
