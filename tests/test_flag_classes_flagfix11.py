"""Flag kinds: classes of errors found on held-out-10 (links of the third SPDX draw's licence
pairs) once it was released (branch flagfix11, issue 11), with held-out-8 and -9, one table per
class, each with rows that must raise their kind (`FLAGGED`) and rows that must not
(`NOT_FLAGGED`), both ways round; English and German where the class applies. The sentences
are written for these tests, not taken from the sets.

The classes:
- contributors: the contributors as a class ("any Contributor", "APPLE OR ANY CONTRIBUTOR",
  "all other Contributors", "the contributor(s) of those copyrights") who join the licensor as
  those who grant, warrant, are shielded or hold marks are a `party` (English: German licences
  name no such class); a particular one ("such Contributor", "the initial Contributor", "as a
  Contributor") is the grantor of a licence that calls its grantor so, or a role: none.
- maintainer: who maintains a work under the licence ("the Current Maintainer", "the
  maintainers") is a party by role, as the initial developer: one who comes or goes is a
  `party` (English only); named on both sides, none.
- further: a further requirement of a proviso, its "that" repeated after a comma ("provided that
  you include ..., unmodified, and list them ..., and that you preserve all their Warranty
  Disclaimers", "vorausgesetzt, dass ..., und dass ..."), is a condition of its own: one added
  or dropped changes the proviso (`condition`), though the proviso's first clause ends before
  it; "and that" after a statement ("You agree that ..., and that ...") conditions nothing.
- glued: a version after the version sign glued to a title's last word by a space the import
  lost ("The Open Software Licensev. 2.1", "Software-Lizenzv. 2.1") names the text, no
  `number`, as "License v. 2.0" does; a rate beside a version is still a figure.
- note: a paragraph set off as a note ("Note: This license is derived from the Artistic
  License ... As differences may exist, the complete license should be read.", "Hinweis: ...")
  is a remark to the reader, editorial: its "may" and "complete" are no `modality` or `scope`;
  "Note that ..." in a clause's own sentence still states a rule.
- law note: a sentence that tells what some jurisdictions' laws allow, so that a term may not
  apply ("Some jurisdictions do not allow the limitation of incidental damages, so this
  limitation may not apply to you", "Einige Rechtsordnungen lassen ... nicht zu"), is a remark
  on the law, no `provision`; a sentence added that states a term is one.
- non: a word negated by its prefix that the other side says bare ("non-sublicenseable" ->
  "sublicenseable", "nicht-kommerziell" -> "kommerziell") turns the grant: it loses or gains an
  exclusion (`negation`, the readers' call on osl 2); the same word negated on both sides,
  written otherwise ("non- exclusive", its hyphen cut by the import; "nonexclusive"), or the
  word dropped whole, is none.
- as may: a modal verb in a comparative clause after "as" ("(other than as may be required by
  applicable law)") says what the law may require, no force of the statement: no `modality`
  (English; German says it with "soweit", a condition); the statement's own verb turned still
  is one.
"""

from __future__ import annotations

from test_substance import Row, class_tests

from planlens.compare.model import FlagType

_LICENCE = "The Open Software Licensev. {}\n\nThis License applies to any original work."
_LIZENZ = "Offene Software-Lizenzv. {}\n\nDiese Lizenz gilt für jedes ursprüngliche Werk."
_NOTE = (
    "The Example License\n\nNote: This license is derived from the Artistic License. {}\n\n"
    "You may copy the Package."
)
_HINWEIS = (
    "Die Beispiel-Lizenz\n\nHinweis: Diese Lizenz beruht auf der Artistic License. {}\n\n"
    "Sie dürfen das Paket kopieren."
)

_LIABLE = "The Licensor shall not be liable for any incidental or consequential damages."
_HAFTUNG = "Der Lizenzgeber haftet nicht für mittelbare Schäden oder Folgeschäden."

FLAGGED: dict[FlagType, list[Row]] = {
    "provision": [
        (
            _LIABLE,
            f"{_LIABLE} The Licensee shall indemnify the Licensor against claims of third parties.",
            "en",
            "law note: a term added after the limitation",
        ),
        (
            _HAFTUNG,
            f"{_HAFTUNG} Der Lizenznehmer stellt den Lizenzgeber von Ansprüchen Dritter frei.",
            "de",
            "law note: eine Bestimmung nach dem Ausschluss",
        ),
    ],
    "negation": [
        (
            "Licensor grants You a world-wide, non-sublicenseable license to use the Work.",
            "Licensor grants You a world-wide, sublicenseable license to use the Work.",
            "en",
            "non: the grant loses its exclusion of sublicensing",
        ),
        (
            "Der Lizenzgeber gewährt eine weltweite, nicht-kommerzielle Lizenz für das Werk.",
            "Der Lizenzgeber gewährt eine weltweite, kommerzielle Lizenz für das Werk.",
            "de",
            "non: die Lizenz verliert ihren Ausschluss",
        ),
    ],
    "number": [
        (
            "The fee is 2.5 percent under the Licence v. 2.0.",
            "The fee is 3.5 percent under the Licence v. 2.0.",
            "en",
            "glued: a rate beside a version is still a figure",
        ),
        (
            "Die Gebühr beträgt 2,5 Prozent nach der Lizenzv. 2.0.",
            "Die Gebühr beträgt 3,5 Prozent nach der Lizenzv. 2.0.",
            "de",
            "glued: ein Satz neben einer Version bleibt eine Zahl",
        ),
    ],
    "modality": [
        (
            "The Licensee shall pay the fee (other than as may be required by applicable law)"
            " to the Licensor.",
            "The Licensee may pay the fee (other than as may be required by applicable law) to"
            " the Licensor.",
            "en",
            "as may: the statement's own verb turned",
        ),
        (
            "Note that you may keep a copy of the Package.",
            "Note that you must keep a copy of the Package.",
            "en",
            "note: 'Note that' in a clause's sentence states a rule",
        ),
        (
            "Die Lizenz gilt weltweit. Hinweis: Sie dürfen eine Kopie des Pakets behalten.",
            "Die Lizenz gilt weltweit. Hinweis: Sie müssen eine Kopie des Pakets behalten.",
            "de",
            "note: ein Hinweis mitten im Absatz ist Teil der Bestimmung",
        ),
    ],
    "party": [
        (
            "The conditions above do not apply to updating a file to the latest version of it.",
            "The conditions above do not apply to updating a component to a version of it"
            " distributed by the Current Maintainer.",
            "en",
            "maintainer: whose distribution the exception rests on",
        ),
        (
            "IN NO EVENT SHALL APPLE BE LIABLE FOR ANY DAMAGES.",
            "IN NO EVENT SHALL APPLE OR ANY CONTRIBUTOR BE LIABLE FOR ANY DAMAGES.",
            "en",
            "contributors: shielded beside the licensor, in capitals",
        ),
        (
            'This License does not grant any rights to use the trade names "Apple" or "Mac OS".',
            'This License does not grant any rights to use the trade names "Apple" or "Mac OS"'
            " or any trade name belonging to any Contributor.",
            "en",
            "contributors: the holders of marks the licence does not grant",
        ),
        (
            "Licensor warrants that the copyright in the Work is owned by the Licensor or held"
            " under a valid licence from the copyright owner.",
            "Licensor warrants that the copyright in the Work is owned by the Licensor or"
            " sublicensed to You with the permission of the contributor(s) of that copyright.",
            "en",
            "contributors: whose permission the warranty rests on",
        ),
    ],
    "condition": [
        (
            "You may combine the Document with other documents, provided that you include all of"
            " the notices of the original documents, unmodified, and list them in its notice.",
            "You may combine the Document with other documents, provided that you include all of"
            " the notices of the original documents, unmodified, and list them in its notice,"
            " and that you preserve all their Warranty Disclaimers.",
            "en",
            "further: a requirement added to a proviso after its first clause",
        ),
        (
            "Der Nutzer darf die Werke verbinden, vorausgesetzt, dass er alle Vermerke der Werke"
            " unverändert übernimmt, sie im Verzeichnis nennt und die Quelle angibt.",
            "Der Nutzer darf die Werke verbinden, vorausgesetzt, dass er alle Vermerke der Werke"
            " unverändert übernimmt, sie im Verzeichnis nennt und die Quelle angibt, und dass er"
            " alle Haftungsausschlüsse beibehält.",
            "de",
            "further: eine Voraussetzung nach dem ersten Satzteil hinzugefügt",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "provision": [
        (
            _LIABLE,
            f"{_LIABLE} Some jurisdictions do not allow the limitation of incidental or"
            " consequential damages, so this limitation may not apply to you.",
            "en",
            "law note: what some laws allow",
        ),
        (
            _HAFTUNG,
            f"{_HAFTUNG} Einige Rechtsordnungen lassen den Ausschluss der Haftung für Folgeschäden"
            " nicht zu, so dass dieser Ausschluss für Sie nicht gelten kann.",
            "de",
            "law note: was manche Rechtsordnungen zulassen",
        ),
    ],
    "negation": [
        (
            "Apple grants You a world-wide, royalty-free, non-exclusive license to the Code.",
            "Apple grants You a world-wide, royalty-free, non- exclusive license to the Code.",
            "en",
            "non: the hyphen cut from its word by the import",
        ),
        (
            "Apple grants You a world-wide, nonexclusive license to the Code.",
            "Apple grants You a world-wide, non-exclusive license to the Code.",
            "en",
            "non: written with and without its hyphen",
        ),
        (
            "Apple grants You a world-wide, non-exclusive license to the Code.",
            "Apple grants You a world-wide license to the Code.",
            "en",
            "non: the word dropped whole",
        ),
        (
            "Der Lizenzgeber gewährt eine nicht-kommerzielle Lizenz für das Werk.",
            "Der Lizenzgeber gewährt eine nicht- kommerzielle Lizenz für das Werk.",
            "de",
            "non: der Bindestrich vom Wort getrennt",
        ),
    ],
    "number": [
        (_LICENCE.format("2.0"), _LICENCE.format("2.1"), "en", "glued: a version in a title"),
        (_LIZENZ.format("2.0"), _LIZENZ.format("2.1"), "de", "glued: eine Version im Titel"),
    ],
    "modality": [
        (
            "In no event shall Apple's total liability to You for all damages under this"
            " License exceed the amount of fifty dollars.",
            "In no event shall Apple's total liability to You for all damages (other than as"
            " may be required by applicable law) under this License exceed the amount of fifty"
            " dollars.",
            "en",
            "as may: what the law may require",
        ),
        (
            _NOTE.format("As differences may exist, the complete license should be read."),
            _NOTE.format("As significant differences exist, the complete license should be read."),
            "en",
            "note: a remark to the reader",
        ),
        (
            _HINWEIS.format("Es bestehen Unterschiede, lesen Sie die vollständige Lizenz."),
            _HINWEIS.format("Da Unterschiede bestehen können, ist die ganze Lizenz zu lesen."),
            "de",
            "note: ein Hinweis an den Leser",
        ),
    ],
    "scope": [
        (
            _NOTE.format("Its terms are different from those of the Artistic License."),
            _NOTE.format("As differences may exist, the complete license should be read."),
            "en",
            "note: its 'complete' sets no extent",
        ),
    ],
    "party": [
        (
            "The Current Maintainer may update the Work.",
            "The Current Maintainer may update the whole Work.",
            "en",
            "maintainer: named on both sides",
        ),
        (
            "Patent Claims means any patent claim in any patent Licensable by grantor.",
            "Patent Claims means any patent claim in any patent Licensable by such Contributor.",
            "en",
            "contributors: a particular one, the grantor under another name",
        ),
        (
            "If You create an Extension, You may add Your attribution notice.",
            "If You create an Extension, You may add Your name as a Contributor and Your"
            " attribution notice.",
            "en",
            "contributors: a role the licensee takes",
        ),
        (
            "Any Contributor may publish notices of the Work.",
            "Any Contributor may publish new notices of the Work.",
            "en",
            "contributors: named on both sides",
        ),
    ],
    "condition": [
        (
            "You agree that you keep all of the notices of the original work, unmodified, and"
            " list them in its notice.",
            "You agree that you keep all of the notices of the original work, unmodified, and"
            " list them in its notice, and that you preserve all their Warranty Disclaimers.",
            "en",
            "further: 'and that' after a statement, no proviso",
        ),
        (
            "You may combine the Document, provided that you include all of the notices of the"
            " original documents, unmodified, and that you preserve their disclaimers.",
            "You may combine the Document, provided that you include every notice of the"
            " original documents, unmodified, and that you preserve their disclaimers.",
            "en",
            "further: the same further requirement on both sides",
        ),
        (
            "Der Nutzer erklärt, dass er alle Vermerke der Werke unverändert übernimmt, sie im"
            " Verzeichnis nennt und die Quelle angibt.",
            "Der Nutzer erklärt, dass er alle Vermerke der Werke unverändert übernimmt, sie im"
            " Verzeichnis nennt und die Quelle angibt, und dass er alle Haftungsausschlüsse"
            " beibehält.",
            "de",
            "further: 'und dass' nach einer Aussage, keine Voraussetzung",
        ),
    ],
}

(
    test_the_held_out_10_class_is_flagged_both_ways_round,
    test_the_held_out_10_class_is_not_flagged_both_ways_round,
    test_every_held_out_10_class_has_rows_in_both_languages,
) = class_tests(FLAGGED, NOT_FLAGGED, ("further", "glued", "note", "law note", "non"))
