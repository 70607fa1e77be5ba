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
- further: a further requirement of a proviso, its "that" repeated after a comma ("provided that
  you include ..., unmodified, and list them ..., and that you preserve all their Warranty
  Disclaimers", "vorausgesetzt, dass ..., und dass ..."), is a condition of its own: one added
  or dropped changes the proviso (`condition`), though the proviso's first clause ends before
  it; "and that" after a statement ("You agree that ..., and that ...") conditions nothing.
"""

from __future__ import annotations

from test_substance import Row, class_tests

from planlens.compare.model import FlagType

FLAGGED: dict[FlagType, list[Row]] = {
    "party": [
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
    "party": [
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
) = class_tests(FLAGGED, NOT_FLAGGED, ("further",))
