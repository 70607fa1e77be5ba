"""Flag kinds: classes of `scope` errors (branch flagscope2, issue 11), one table per class,
English and German, each with rows that must raise `scope` (`FLAGGED`) and rows that must not
(`NOT_FLAGGED`), both ways round. The sentences are written for these tests, not taken from the
sets.

The classes:
- last: the last item of a numbered list ends at the blank line after it where the sentence
  goes on after the list ("3. eine Abfallentsorgungsanlage\\n\\nohne die ... Genehmigung ...
  betreibt"): an item added after it ("4. eine Abwasserbehandlungsanlage") is `scope`, as one
  added inside the list is; the old reading ran the last item into the rest of the sentence,
  too long for an item, so neither was read. Not such a last item where the other text has
  no list and states none of this list's items, long or short: another provision (a different
  offence), no list that grew or shrank.
- act: an alternative act with a verb of its own added to or dropped from the offence a "wer"
  / "whoever" clause states, longer than an item of a list ("Wer ... vornimmt oder an sich
  vornehmen läßt [oder die Person zur Vornahme ... bestimmt], wird ... bestraft") is `scope`;
  not one that only moved inside the clause, nor one added inside a condition ("Beschädigt der
  Mieter die Sache oder überlässt er sie ..., so"), which is the condition's.
- any: an "any" / "jede" that a negator before it governs sets no extent ("Nothing herein ...
  constitute any admission" / "This notice ... constitutes an admission", "ohne jede Gewähr"
  / "ohne Gewähr"), nor is it missing where the other side has it ungoverned because the
  statement's polarity turned ("may use any" / "may not use any": `negation`'s); an "any"
  no negator governs still is `scope` ("may use any copy" / "may use the copy"), and a German
  "jede" is governed only by "ohne" ("nicht jede" is "not every").
- rename (German only: the qualifiers of a noun are read in German, `qualifiers`): a compound
  in place of its last part ("der Maßnahmen" -> "der Modernisierungsmaßnahmen") is no `scope`
  where elsewhere in the texts the compound took the place of that noun with an adjective
  ("die baulichen Maßnahmen" -> "die Modernisierungsmaßnahmen"): the law's new term, the short
  form having meant the qualified measures; without that, or where the adjective stays ("ein
  unrichtiges Zeugnis" -> "ein unrichtiges Gesundheitszeugnis"), the compound narrows.
- choice: what a provision leaves to the choice of whom it addresses ("convey such a combined
  library under terms of your choice", "at your option", "nach seiner Wahl", "nach eigenem
  Ermessen") come or gone is `scope`; not the same choice in other words ("under terms of your
  choice" / "on terms of your own choice", "nach seiner Wahl" / "nach Belieben").
- extends: a sentence added or dropped that carries provisions the text keeps over to more
  cases, naming them ("Die Sätze 1 und 2 gelten auch für ...", "Section 2 also applies to
  ...") or the term it widens ("Um einen Verbrauchsgüterkauf handelt es sich auch bei einem
  Vertrag, der ..."), is `scope`, as "Dies gilt auch für ..." is; not "Satz 1 gilt auch, wenn
  ..." (a condition of its own, a `provision`), nor one that comes or goes with the provision
  it extends (the phrase before it is new or gone too: that is a `provision`).
"""

from __future__ import annotations

from test_substance import Row, class_tests

from planlens.compare.model import FlagType

FLAGGED: dict[FlagType, list[Row]] = {
    "scope": [
        (
            "Bestraft wird, wer\n\n1. eine Anlage oder\n\n2. eine Rohrleitung\n\n"
            "ohne die erforderliche Genehmigung betreibt.",
            "Bestraft wird, wer\n\n1. eine Anlage,\n\n2. eine Rohrleitung oder\n\n"
            "3. eine Abwasserbehandlungsanlage\n\nohne die erforderliche Genehmigung betreibt.",
            "de",
            "last: an item joins the list after its last item",
        ),
        (
            "Whoever operates\n\n(a) a plant or\n\n(b) a pipeline\n\n"
            "without the required permit is liable to a fine.",
            "Whoever operates\n\n(a) a plant,\n\n(b) a pipeline or\n\n(c) a sewage works\n\n"
            "without the required permit is liable to a fine.",
            "en",
            "last: an item joins the list after its last item",
        ),
        (
            "Wer als Arzt ein unrichtiges Zeugnis ausstellt, wird mit Geldstrafe bestraft.",
            "Wer als Arzt ein unrichtiges Zeugnis ausstellt oder ein echtes Zeugnis verfälscht"
            " und davon Gebrauch macht, wird mit Geldstrafe bestraft.",
            "de",
            "act: a second act joins the offence",
        ),
        (
            "Whoever issues a false health certificate shall be punished with a fine.",
            "Whoever issues a false health certificate or falsifies a genuine certificate and"
            " uses it shall be punished with a fine.",
            "en",
            "act: a second act joins the offence",
        ),
        (
            "Der Mieter darf jede Wohnung des Hauses nutzen.",
            "Der Mieter darf die Wohnung des Hauses nutzen.",
            "de",
            "any: an ungoverned 'jede' goes",
        ),
        (
            "The licensee may use any copy of the work.",
            "The licensee may use the copy of the work.",
            "en",
            "any: an ungoverned 'any' goes",
        ),
        (
            "Maßgebend ist der Zinssatz zum Zeitpunkt der Beendigung der Maßnahmen.",
            "Maßgebend ist der Zinssatz zum Zeitpunkt der Beendigung der Modernisierungsmaßnahmen.",
            "de",
            "rename: the compound narrows where nothing renames the noun",
        ),
        (
            "Wer ein unrichtiges Zeugnis ausstellt und das Zeugnis gebraucht, wird bestraft.",
            "Wer ein unrichtiges Gesundheitszeugnis ausstellt und das Gesundheitszeugnis"
            " gebraucht, wird bestraft.",
            "de",
            "rename: the adjective stays before the compound, which narrows",
        ),
        (
            "You may distribute such a combined library, if you do both of the following:",
            "You may distribute such a combined library under terms of your choice, if you do"
            " both of the following:",
            "en",
            "choice: the terms are left to the licensee's choice",
        ),
        (
            "Der Käufer kann die Beseitigung des Mangels verlangen.",
            "Der Käufer kann nach seiner Wahl die Beseitigung des Mangels verlangen.",
            "de",
            "choice: the remedy is left to the buyer's choice",
        ),
        (
            "Der Mieter hat die Wohnung zu räumen. Satz 1 gilt nicht für Untermieter.",
            "Der Mieter hat die Wohnung zu räumen. Satz 1 gilt nicht für Untermieter. Die Sätze"
            " 1 und 2 gelten auch für gewerbliche Mieträume.",
            "de",
            "extends: the sentences kept now cover commercial premises too",
        ),
        (
            "(1) Verbrauchsgüterkäufe sind Verträge, durch die ein Verbraucher von einem"
            " Unternehmer eine Ware kauft.",
            "(1) Verbrauchsgüterkäufe sind Verträge, durch die ein Verbraucher von einem"
            " Unternehmer eine Ware kauft. Um einen Verbrauchsgüterkauf handelt es sich auch bei"
            " einem Vertrag, der auch eine Dienstleistung zum Gegenstand hat.",
            "de",
            "extends: the term defined is widened",
        ),
        (
            "Section 2 Each Contributor grants You a licence to copy the Work.",
            "Section 2 Each Contributor grants You a licence to copy the Work. Section 2 also"
            " applies to the documentation of the Work.",
            "en",
            "extends: the section kept now covers the documentation too",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "scope": [
        (
            "Wer der Prostitution\n\n1. in der Nähe einer Schule oder anderen Örtlichkeit, die"
            " zum Besuch durch Kinder bestimmt ist, oder\n\n2. in einem Haus, in dem Kinder"
            " wohnen,\n\nnachgeht, wird bestraft.",
            "Wer einem Verbot, der Prostitution an bestimmten Orten nachzugehen, beharrlich"
            " zuwiderhandelt, wird bestraft.",
            "de",
            "last: another offence with no list and none of the items",
        ),
        (
            "Whoever operates\n\n(a) a plant near a school or other place that children"
            " often visit or\n\n(b) a plant in a park\n\n"
            "without the required permit is liable to a fine.",
            "Whoever persistently breaks a ban on operating plants where the law forbids them is"
            " liable to a fine.",
            "en",
            "last: another offence with no list and none of the items",
        ),
        (
            "Bestraft wird, wer\n\n1. eine Anlage oder\n\n2. eine Rohrleitung\n\n"
            "ohne die erforderliche Genehmigung betreibt.",
            "Bestraft wird, wer\n\n1. eine Anlage oder\n\n2. eine Rohrleitung\n\n"
            "ohne die nach dem Gesetz erforderliche Genehmigung betreibt.",
            "de",
            "last: the same items, the words after the list reworded",
        ),
        (
            "Whoever operates\n\n(a) a plant or\n\n(b) a pipeline\n\n"
            "without the required permit is liable to a fine.",
            "Whoever operates\n\n(a) a plant or\n\n(b) a pipeline\n\n"
            "without the permit required by law is liable to a fine.",
            "en",
            "last: the same items, the words after the list reworded",
        ),
        (
            "Wer ein echtes Zeugnis verfälscht und davon Gebrauch macht oder als Arzt ein"
            " unrichtiges Zeugnis ausstellt, wird mit Geldstrafe bestraft.",
            "Wer als Arzt ein unrichtiges Zeugnis ausstellt oder ein echtes Zeugnis verfälscht"
            " und davon Gebrauch macht, wird mit Geldstrafe bestraft.",
            "de",
            "act: the same two acts in another order",
        ),
        (
            "Whoever falsifies a genuine certificate and uses it or issues a false health"
            " certificate shall be punished with a fine.",
            "Whoever issues a false health certificate or falsifies a genuine certificate and"
            " uses it shall be punished with a fine.",
            "en",
            "act: the same two acts in another order",
        ),
        (
            "Beschädigt der Mieter die Sache, so haftet er.",
            "Beschädigt der Mieter die Sache oder überlässt er sie ohne Erlaubnis einem Dritten,"
            " so haftet er.",
            "de",
            "act: an alternative added inside a condition is the condition's",
        ),
        (
            "If the tenant damages the property, the tenant is liable.",
            "If the tenant damages the property or lends it to a third party without consent,"
            " the tenant is liable.",
            "en",
            "act: an alternative added inside a condition is the condition's",
        ),
        (
            "Nothing herein is intended or shall be deemed to constitute any admission of"
            " liability.",
            "Nothing herein is intended or shall be deemed to constitute an admission of"
            " liability.",
            "en",
            "any: an 'any' the negator governs goes",
        ),
        (
            "Die Sache wird ohne jede Gewähr für Mängel verkauft.",
            "Die Sache wird ohne Gewähr für Mängel verkauft.",
            "de",
            "any: a 'jede' the negator governs goes",
        ),
        (
            "The licensee may make any change to the work.",
            "The licensee may not make any change to the work.",
            "en",
            "any: the polarity turns, the 'any' stays",
        ),
        (
            "Der Mieter haftet für jede Beschädigung der Wohnung.",
            "Der Mieter haftet nicht für jede Beschädigung der Wohnung.",
            "de",
            "any: the polarity turns, 'nicht jede' no 'ohne jede'",
        ),
        (
            "Werden die Kosten für die baulichen Maßnahmen durch Darlehen gedeckt, so verringert"
            " sich die Erhöhung. Maßgebend ist der Zinssatz zum Zeitpunkt der Beendigung der"
            " Maßnahmen.",
            "Werden die Kosten für die Modernisierungsmaßnahmen durch Darlehen gedeckt, so"
            " verringert sich die Erhöhung. Maßgebend ist der Zinssatz zum Zeitpunkt der"
            " Beendigung der Modernisierungsmaßnahmen.",
            "de",
            "rename: the compound took the place of the noun with its adjective",
        ),
        (
            "You may distribute such a combined library under terms of your choice.",
            "You may distribute such a combined library on terms of your own choice.",
            "en",
            "choice: the same choice in other words",
        ),
        (
            "Der Käufer kann nach seiner Wahl die Beseitigung des Mangels verlangen.",
            "Der Käufer kann nach Belieben die Beseitigung des Mangels verlangen.",
            "de",
            "choice: the same choice in other words",
        ),
        (
            "Der Mieter hat die Wohnung zu räumen.",
            "Der Mieter hat die Wohnung zu räumen. Satz 1 gilt auch, wenn der Vertrag nichtig ist.",
            "de",
            "extends: a case of its own with a condition",
        ),
        (
            "Der Mieter hat die Wohnung zu räumen.",
            "Der Mieter hat die Wohnung zu räumen. Der Vermieter hat die Kaution binnen eines"
            " Monats zurückzuzahlen. Satz 2 gilt auch für Bürgschaften.",
            "de",
            "extends: it comes with the provision it extends",
        ),
        (
            "Der Mieter hat die Wohnung zu räumen.",
            "Der Mieter hat die Wohnung zu räumen. Der Vermieter hat die Kaution binnen eines"
            " Monats zurückzuzahlen. Dies gilt auch für Bürgschaften.",
            "de",
            "extends: 'Dies gilt auch für' comes with the provision it extends",
        ),
        (
            "Each Contributor grants You a licence to copy the Work.",
            "Each Contributor grants You a licence to copy the Work. Each Contributor also grants"
            " You a patent licence. Section 2 also applies to the documentation.",
            "en",
            "extends: it comes with the provision it extends",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(FLAGGED, NOT_FLAGGED, ("last", "act", "any", "choice", "extends"))
