"""Flag kinds: classes of false and missed `date`, `condition`, `provision` and `modality` flags
of the released sets (bench/flags/, branch flagcond), one table per class, English and German,
each with rows that must raise the kind (`FLAGGED`) and rows that must not (`NOT_FLAGGED`), both
ways round. The sentences are written for these tests, not taken from the sets.

The classes:
- definition: "at the time of ...", "zur Zeit der ..." inside a definition added or removed
  whole ('"Original Code" means code which, at the time of its release, ...', "Im Sinne dieses
  Gesetzes ist ...") says what a word covers, at no time: no `date`; the same words in a rule
  added or removed whole still say when it holds;
- listed: a condition that lists its cases as numbered items ("wenn der Täter\n\n1. ...,\n\n2.
  ...", "if the Licensee\n\n(a) ...,\n\n(b) ...") changes when a clause is added to or dropped
  from one of its items ("die mit seiner Tat im Zusammenhang steht", "um sie bei der Tat zu
  verwenden", "in order to sell it", "which is connected with his own offence"); not a word
  replaced in an item, a clause that only moves its comma, an item renumbered by one inserted
  before it, nor a list that is no condition's ("The following are exempt: 1. ...");
- bare subject (German only: English opens no condition with its verb but "Should", "Were",
  "Had"): a condition that opens with a verb of being, lacking, exceeding or falling under
  something before a subject with no article ("Unterliegen Entgelte ... einer
  Genehmigungspflicht, darf ...", "Fehlen Angaben ..., so ...", "Bestehen Zweifel, so ...") is
  a condition, added or removed as any other; not such a verb that opens no condition (a main
  clause with no comma and main verb after it).
"""

from __future__ import annotations

from test_substance import Row, class_tests

from planlens.compare.model import FlagType

FLAGGED: dict[FlagType, list[Row]] = {
    "date": [
        (
            "(a) The Licensor grants the licence.",
            "(a) The Licensor grants the licence.\n\n(b) The Contributor is liable for the"
            " code it owned at the time of its release.",
            "en",
            "definition: a rule added whole, not a definition, holds at that time",
        ),
        (
            "(1) Der Verkäufer haftet.",
            "(1) Der Verkäufer haftet.\n\n(2) Im Übrigen ersetzt der Schuldner den Wert,"
            " den die Sache zur Zeit der Übergabe hatte.",
            "de",
            "definition: a rule added whole, not a definition, holds at that time",
        ),
    ],
    "condition": [
        (
            "Das Gericht kann die Strafe mildern, wenn der Täter\n\n1.  sein Wissen offenbart,"
            " dass eine Tat aufgedeckt werden konnte, oder\n\n2.  eine Tat verhindert.",
            "Das Gericht kann die Strafe mildern, wenn der Täter\n\n1.  sein Wissen offenbart,"
            " dass eine Tat, die mit seiner Tat im Zusammenhang steht, aufgedeckt werden"
            " konnte, oder\n\n2.  eine Tat verhindert.",
            "de",
            "listed: a relative clause added to an item narrows the case",
        ),
        (
            "Ein schwerer Fall liegt vor, wenn der Täter\n\n1.  eine Schusswaffe führt,\n\n"
            "2.  ein Messer führt, um es bei der Tat zu verwenden, oder\n\n3.  plündert.",
            "Ein schwerer Fall liegt vor, wenn der Täter\n\n1.  eine Schusswaffe führt,\n\n"
            "2.  ein Messer führt, oder\n\n3.  plündert.",
            "de",
            "listed: a purpose clause dropped from an item widens the case",
        ),
        (
            "The licence ends if the Licensee\n\n(a) fails to pay the fee,\n\n(b) copies the"
            " software in order to sell it, or\n\n(c) breaks the law.",
            "The licence ends if the Licensee\n\n(a) fails to pay the fee,\n\n(b) copies the"
            " software, or\n\n(c) breaks the law.",
            "en",
            "listed: a purpose clause dropped from an item widens the case",
        ),
        (
            "The court may reduce the penalty if the offender\n\n1. discloses his knowledge of"
            " an offence, or\n\n2. prevents an offence.",
            "The court may reduce the penalty if the offender\n\n1. discloses his knowledge of"
            " an offence, which is connected with his own offence, or\n\n2. prevents an"
            " offence.",
            "en",
            "listed: a relative clause added to an item narrows the case",
        ),
        (
            "Das Unternehmen darf keine anderen als die genehmigten Entgelte verlangen.",
            "Unterliegen Entgelte des Unternehmens einer Genehmigungspflicht nach § 38, darf das"
            " Unternehmen keine anderen als die genehmigten Entgelte verlangen.",
            "de",
            "bare subject: 'Unterliegen Entgelte ..., darf' is new: only then",
        ),
        (
            "Der Vertrag ist wirksam.",
            "Fehlen Angaben zum Umwandlungsrecht, so ist der Vertrag dennoch wirksam.",
            "de",
            "bare subject: 'Fehlen Angaben ..., so' is new",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "date": [
        (
            '1.1. "Contributor" means each entity that creates Modifications.',
            '1.1. "Contributor" means each entity that creates Modifications.\n\n1.2.'
            ' "Original Code" means source code which, at the time of its release under this'
            " License, is not already Covered Code.",
            "en",
            "definition: a definition added whole says what a word covers, at no time",
        ),
        (
            "(1) Der Verkäufer haftet.",
            "(1) Der Verkäufer haftet.\n\n(2) Im Sinne dieses Gesetzes ist Ware jede Sache,"
            " die zur Zeit der Übergabe beweglich ist.",
            "de",
            "definition: a definition added whole says what a word covers, at no time",
        ),
    ],
    "condition": [
        (
            "The court may reduce the penalty if the offender\n\n1. discloses his knowledge of"
            " an offence, or\n\n2. prevents an offence.",
            "The court may reduce the penalty if the offender\n\n1. reveals his knowledge of"
            " an offence, or\n\n2. prevents an offence.",
            "en",
            "listed: a word replaced in an item",
        ),
        (
            "The court may reduce the penalty if the offender\n\n1. discloses an offence which"
            " is connected with his own, or\n\n2. prevents an offence.",
            "The court may reduce the penalty if the offender\n\n1. discloses an offence, which"
            " is connected with his own, or\n\n2. prevents an offence.",
            "en",
            "listed: a clause that only gains a comma",
        ),
        (
            "The following are exempt:\n\n1. schools, or\n\n2. hospitals.",
            "The following are exempt:\n\n1. schools, which are public, or\n\n2. hospitals.",
            "en",
            "listed: a list that is no condition's",
        ),
        (
            "In 30 Jahren verjähren, soweit nicht ein anderes bestimmt ist,\n\n1.  Ansprüche aus"
            " Eigentum,\n\n2.  rechtskräftig festgestellte Ansprüche.",
            "In 30 Jahren verjähren, soweit nicht ein anderes bestimmt ist,\n\n1.  Ansprüche,"
            " die auf der vorsätzlichen Verletzung der Gesundheit oder der Freiheit beruhen,"
            "\n\n2.  Ansprüche aus Eigentum,\n\n3.  rechtskräftig festgestellte Ansprüche.",
            "de",
            "listed: an item inserted renumbers the list, no item changed",
        ),
        (
            "Ein schwerer Fall liegt vor, wenn der Täter\n\n1.  eine Schusswaffe führt, oder"
            "\n\n2.  plündert.",
            "Ein schwerer Fall liegt vor, wenn der Täter\n\n1.  eine Schußwaffe führt, oder"
            "\n\n2.  plündert.",
            "de",
            "listed: a word spelt otherwise in an item",
        ),
        (
            "Die Kosten trägt der Mieter.",
            "Die Kosten trägt der Mieter. Bestehen bleiben die Rechte des Vermieters.",
            "de",
            "bare subject: a main clause that opens with such a verb, no condition",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(FLAGGED, NOT_FLAGGED, ("definition", "listed"))
