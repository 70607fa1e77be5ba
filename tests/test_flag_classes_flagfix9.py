"""Flag kinds: classes of errors found on held-out-8 (links of SPDX licence pairs) once it was
released (branch flagfix9, issue 11), one table per class, English and German where the class
applies, each with rows that must raise their kind (`FLAGGED`) and rows that must not
(`NOT_FLAGGED`), both ways round. The sentences are written for these tests, not taken from the
sets.

The classes:
- notice: the years of a copyright notice ("Copyright (c) 1995-2001 ...", "Copyright (C)
  <YEAR>" filled in, "© 2019-2021 Muster GmbH") say whose work it is: no `date` and no
  `number`; a year a rule holds from is still a date.
- version: the version of a work or licence ("Python 1.6.1", "Python 1.6, beta 1", "Version
  2.0.1") and a numbered clause cited with its item ("pursuant to 6.3(a)") name a text, no
  `number`; amounts with a point ("1.500 Euro", "EUR 2.50", "1.5 million") still are figures.
- doubled: a count written out and in figures ("twelve (12) months", "zwölf (12) Monate",
  "within thirty (30) days") is one count of a deadline: a `date`, no `number` beside it, and
  the same deadline as the count written once.
- heading: a heading run in before a clause's first sentence, a title of a few capitalised
  words ending with a full stop ("Distribution of Executable Versions.", "Rücktritt vom Vertrag
  und Minderung des Kaufpreises."), is no `provision`; a sentence with a verb of force written
  in capitals ("The Licensee Shall Keep All Notices.") still is one.
- charge: what a duty or grant costs whom it addresses ("free of charge and without a royalty",
  "at no charge", "kostenfrei", "unentgeltlich") added or dropped is `scope` (the duty goes
  further, the readers' call); said otherwise on the other side ("without charge" / "free of
  charge", "ohne Entgelt" / "unentgeltlich") it is none, nor is it in a clause that gives a
  reason ("Because the Library is licensed free of charge, there is no warranty").
- direct: "each direct and indirect recipient", "unmittelbar oder mittelbar" reaches through
  others too: `scope` when it comes or goes, none when "and" becomes "or".
- only: "purely" and "bloß" are words of the "only" family, as "solely" and "lediglich":
  one for another is no `scope`, one added is.
- organisation: a company or foundation named with its legal form ("Sun Microsystems, Inc.",
  "Lucent Technologies Inc.", "Muster GmbH", "Beispiel AG") that comes or goes, for another
  name or the template's placeholder, is a `party`, whether or not the plan lists parties; the
  same one in a reworded sentence is none.
"""

from __future__ import annotations

import pytest
from test_substance import Row, class_tests

from planlens.compare.model import FlagType
from planlens.compare.phrases import split_phrases

_NOTICE_EN = (
    'Keep the notice "Copyright (c) 2001 Example Corp." in the code.',
    'Keep the notice "Copyright (c) 2001, 2002, 2003 Example Corp." in the code.',
)
_NOTICE_DE = (
    'Der Vermerk "Copyright (c) 2019 Muster GmbH" ist beizubehalten.',
    'Der Vermerk "© 2019-2021 Muster GmbH" ist beizubehalten.',
)
_TWELVE_EN = "The source must remain available for at least twelve (12) months after its release."
_TWELVE_DE = (
    "Der Quelltext muss mindestens zwölf (12) Monate nach der Veröffentlichung verfügbar bleiben."
)

FLAGGED: dict[FlagType, list[Row]] = {
    "date": [
        (
            "The licence applies from 2019.",
            "The licence applies from 2021.",
            "en",
            "notice: a year a rule holds from",
        ),
        (
            "Die Regelung gilt ab dem Jahr 2019.",
            "Die Regelung gilt ab dem Jahr 2021.",
            "de",
            "notice: a year a rule holds from",
        ),
        (
            _TWELVE_EN,
            "The source must remain available for as long as you distribute it.",
            "en",
            "doubled: a span for another",
        ),
        (
            _TWELVE_EN,
            "The source must remain available for at least six (6) months after its release.",
            "en",
            "doubled: a span shortened",
        ),
        (
            _TWELVE_DE,
            "Der Quelltext muss verfügbar bleiben, solange Sie ihn verbreiten.",
            "de",
            "doubled: a span for another",
        ),
        (
            _TWELVE_DE,
            "Der Quelltext muss mindestens sechs (6) Monate nach der Veröffentlichung"
            " verfügbar bleiben.",
            "de",
            "doubled: a span shortened",
        ),
        (
            "You must cure the breach within thirty (30) days.",
            "You must cure the breach within sixty (60) days.",
            "en",
            "doubled: 'within thirty (30) days'",
        ),
        (
            "Sie müssen den Verstoß innerhalb von dreißig (30) Tagen beheben.",
            "Sie müssen den Verstoß innerhalb von sechzig (60) Tagen beheben.",
            "de",
            "doubled: 'innerhalb von dreißig (30) Tagen'",
        ),
    ],
    "number": [
        (
            "Die Gebühr beträgt 1.500 Euro.",
            "Die Gebühr beträgt 2.000 Euro.",
            "de",
            "version: thousands with a point",
        ),
        (
            "Der Betrag von 1.000.000 Euro ist zu zahlen.",
            "Der Betrag von 2.000.000 Euro ist zu zahlen.",
            "de",
            "version: millions with points",
        ),
        (
            "The fee is EUR 2.50.",
            "The fee is EUR 3.50.",
            "en",
            "version: a currency before the amount",
        ),
        (
            "The fee is 1.5 million dollars.",
            "The fee is 2.5 million dollars.",
            "en",
            "version: a scale after the amount",
        ),
        (
            "The licensee shall deliver twelve (12) copies.",
            "The licensee shall deliver six (6) copies.",
            "en",
            "doubled: a count of things stays a figure",
        ),
    ],
    "scope": [
        (
            "You must make the Source Code of your Modifications available to others.",
            "You must make the Source Code of your Modifications available to others free of"
            " charge and without a royalty.",
            "en",
            "charge: 'free of charge and without a royalty' added",
        ),
        (
            "You may distribute copies at no charge.",
            "You may distribute copies for a fee.",
            "en",
            "charge: 'at no charge' for 'for a fee'",
        ),
        (
            "Der Anbieter hat die Anzeige zu ermöglichen.",
            "Der Anbieter hat die Anzeige kostenfrei zu ermöglichen.",
            "de",
            "charge: 'kostenfrei' added",
        ),
        (
            "Sie müssen den Quelltext zugänglich machen.",
            "Sie müssen den Quelltext unentgeltlich zugänglich machen.",
            "de",
            "charge: 'unentgeltlich' added",
        ),
        (
            "Each recipient is a beneficiary.",
            "Each direct and indirect recipient is a beneficiary.",
            "en",
            "direct: 'direct and indirect' added",
        ),
        (
            "Wer beteiligt ist, haftet.",
            "Wer unmittelbar oder mittelbar beteiligt ist, haftet.",
            "de",
            "direct: 'unmittelbar oder mittelbar' added",
        ),
        (
            "You may alter Exhibit A for the notice.",
            "You may alter Exhibit A purely for the notice.",
            "en",
            "only: 'purely' added",
        ),
        (
            "Die Daten dürfen zu Forschungszwecken verwendet werden.",
            "Die Daten dürfen bloß zu Forschungszwecken verwendet werden.",
            "de",
            "only: 'bloß' added",
        ),
    ],
    "party": [
        (
            "The license steward is Sun Microsystems, Inc., which may publish new versions.",
            "The license steward is Oracle, which may publish new versions.",
            "en",
            "organisation: a steward for another",
        ),
        (
            "Include the notice Copyright (C) <YEAR>, <ORGANIZATION> in the Program.",
            "Include the notice Copyright (C) 2003, Lucent Technologies Inc. in the Program.",
            "en",
            "organisation: the placeholder filled in",
        ),
        (
            "Die Rechte hält die Muster GmbH.",
            "Die Rechte hält die Beispiel AG.",
            "de",
            "organisation: a holder for another",
        ),
        (
            "Die Rechte hält der Urheber.",
            "Die Rechte hält die Beispiel Software Stiftung.",
            "de",
            "organisation: a foundation for a person",
        ),
    ],
    "provision": [
        (
            "You may copy the Software.",
            "You may copy the Software. The Licensee Shall Keep All Notices.",
            "en",
            "heading: a rule in capitals",
        ),
        (
            "Der Verkäufer haftet.",
            "Der Verkäufer haftet. Der Käufer Muss Den Kaufpreis Zahlen.",
            "de",
            "heading: a rule in capitals",
        ),
        (
            "You may copy the Software.",
            "You may copy the Software. You must keep every notice intact.",
            "en",
            "heading: a sentence",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "date": [
        (*_NOTICE_EN, "en", "notice: years added to a notice"),
        (
            'Keep "Copyright (C) <YEAR>, <ORGANIZATION>" in the code.',
            'Keep "Copyright (C) 2003, <ORGANIZATION>" in the code.',
            "en",
            "notice: the template's year filled in",
        ),
        (*_NOTICE_DE, "de", "notice: a range of years"),
        (
            'Der Vermerk "Copyright 2019 Muster GmbH" ist beizubehalten.',
            'Der Vermerk "Copyright 2020 Muster GmbH" ist beizubehalten.',
            "de",
            "notice: another year",
        ),
        (
            _TWELVE_EN,
            "The source must remain available for at least twelve months after its release.",
            "en",
            "doubled: the figures dropped",
        ),
        (
            _TWELVE_DE,
            "Der Quelltext muss mindestens zwölf Monate nach der Veröffentlichung verfügbar"
            " bleiben.",
            "de",
            "doubled: the figures dropped",
        ),
        (
            "You must cure the breach within thirty (30) days.",
            "You must cure the breach within thirty days.",
            "en",
            "doubled: 'within thirty days'",
        ),
        (
            "Sie müssen den Verstoß innerhalb von dreißig (30) Tagen beheben.",
            "Sie müssen den Verstoß innerhalb von dreißig Tagen beheben.",
            "de",
            "doubled: 'innerhalb von dreißig Tagen'",
        ),
    ],
    "number": [
        (*_NOTICE_EN, "en", "notice: years added to a notice"),
        (*_NOTICE_DE, "de", "notice: a range of years"),
        (
            "You may use Python 1.6.1 alone.",
            "You may use Python 1.6.2 alone.",
            "en",
            "version: three parts",
        ),
        (
            'You may use "Python 1.6, beta 1" alone.',
            'You may use "Python 1.6.1" alone.',
            "en",
            "version: a name's version and a pre-release",
        ),
        (
            "Diese Lizenz gilt für die Version 2.0.1 der Software.",
            "Diese Lizenz gilt für die Version 2.1.0 der Software.",
            "de",
            "version: three parts",
        ),
        (
            "Diese Lizenz gilt für Muster 1.6, Beta 2.",
            "Diese Lizenz gilt für Muster 1.7.",
            "de",
            "version: a name's version and a pre-release",
        ),
        (
            "except as disclosed pursuant to 6.3(a) above.",
            "except as disclosed pursuant to 6.4(b) above.",
            "en",
            "version: a clause and its item",
        ),
        (
            "soweit nach 6.3(a) offengelegt.",
            "soweit nach 7.1(b) offengelegt.",
            "de",
            "version: a clause and its item",
        ),
        (
            _TWELVE_EN,
            "The source must remain available for as long as you distribute it.",
            "en",
            "doubled: the count is the span's",
        ),
        (
            _TWELVE_DE,
            "Der Quelltext muss verfügbar bleiben, solange Sie ihn verbreiten.",
            "de",
            "doubled: the count is the span's",
        ),
    ],
    "scope": [
        (
            "You may distribute copies without charge.",
            "You may distribute copies free of charge.",
            "en",
            "charge: said otherwise",
        ),
        (
            "Der Anbieter hat die Anzeige ohne Entgelt zu ermöglichen.",
            "Der Anbieter hat die Anzeige unentgeltlich zu ermöglichen.",
            "de",
            "charge: said otherwise",
        ),
        (
            "Because the Library is licensed free of charge, there is no warranty for it.",
            "There is no warranty for the Library.",
            "en",
            "charge: in a reason",
        ),
        (
            "Da die Software unentgeltlich überlassen wird, ist die Haftung beschränkt.",
            "Die Haftung ist beschränkt.",
            "de",
            "charge: in a reason",
        ),
        (
            "Each direct and indirect recipient is a beneficiary.",
            "Each direct or indirect recipient is a beneficiary.",
            "en",
            "direct: 'and' for 'or'",
        ),
        (
            "Wer unmittelbar oder mittelbar beteiligt ist, haftet.",
            "Wer unmittelbar und mittelbar beteiligt ist, haftet.",
            "de",
            "direct: 'und' for 'oder'",
        ),
        (
            "You may alter Exhibit A solely for the notice.",
            "You may alter Exhibit A purely for the notice.",
            "en",
            "only: 'purely' for 'solely'",
        ),
        (
            "Die Daten dürfen bloß zu Forschungszwecken verwendet werden.",
            "Die Daten dürfen lediglich zu Forschungszwecken verwendet werden.",
            "de",
            "only: 'bloß' for 'lediglich'",
        ),
    ],
    "party": [
        (
            "The Apache Software Foundation may publish new versions.",
            "The Apache Software Foundation may publish revised versions.",
            "en",
            "organisation: the same, reworded",
        ),
        (
            "This licence is published by the Free Software Foundation.",
            "The Free Software Foundation publishes this licence.",
            "en",
            "organisation: the same, moved",
        ),
        (
            "Die Rechte hält die Muster GmbH.",
            "Die Rechte hält die Muster GmbH, die sie übertragen darf.",
            "de",
            "organisation: the same, a clause added",
        ),
        (
            "Die Beispiel AG darf neue Fassungen veröffentlichen.",
            "Neue Fassungen darf die Beispiel AG veröffentlichen.",
            "de",
            "organisation: the same, moved",
        ),
    ],
    "provision": [
        (
            "If You Deploy Covered Code, You must give notice.",
            "Distribution of Executable Versions. In addition, if You Deploy Covered Code,"
            " You must give notice.",
            "en",
            "heading: run in before the first sentence",
        ),
        (
            "You may copy the Software.",
            "You may copy the Software. Availability of Source Code.",
            "en",
            "heading: after a sentence",
        ),
        (
            "Der Verkäufer haftet.",
            "Rücktritt vom Vertrag und Minderung des Kaufpreises. Der Verkäufer haftet.",
            "de",
            "heading: run in before the first sentence",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(
    FLAGGED,
    NOT_FLAGGED,
    ("notice", "version", "doubled", "heading", "charge", "direct", "only", "organisation"),
)


# -- held-out-9 (branch flagfix10) ----------------------------------------------------------
#
# Classes of errors found on held-out-9 (gold links of the alignment's sixteen SPDX licence
# pairs) once it was released, with held-out-8's remaining ones:
# - edition: a reference to an edition of a text ("Version 1.1", "LPPL Version 1.3a
#   2004-10-01", "version 2 or any later version", "v. 2.0") names no provision: one that
#   changes is no `scope` change of the provisions referred to; a provision referred to that
#   changes beside it still is.
# - naming: numbers and dates that name a text, as flagfix9's versions: the date of an edition
#   after its version ("Version 1.3, 17 January 1999", "Version 2, June 1991", "Version 2.0
#   vom 1. März 2020") is no `date`; a section of the US Code cited with its title ("17 U.S.C.
#   107", "17 U.S.C. § 101", the title alone where a sentence is read to end after it) and a
#   version before "and" / "or" ("Attribution License 4.0 and the ...", "Lizenz 4.0 und")
#   are no `number`; a date a rule holds from and a rate before "and" still are.
# - provided: "provided" is the verb, no `condition`, after "as" or a form of "be" ("as
#   provided herein", "is provided by") or before a preposition ("the warranty provided for in
#   Article 9.2"); "provided that", "provided you", "provided, however, that" still open one.
#   English only.
# - acts: an act added to or dropped from the list of acts a modal verb grants or requires
#   ("You may use[, sell] or give away", "must copy[, sign] and return", "darf ... nutzen[,
#   verkaufen] oder weitergeben") changes what the grant or duty covers (`scope`), as an item
#   of any other list; the same acts in another order do not.
# - inline: a sentence is not cut before the last item of an inline list whose label follows
#   its conjunction ("a) ..., b) ..., or c) to Exhibit B ...", "(i) ..., and (ii) ...", "und
#   c)"): cut there, its first part read as a provision added (`provision`); two statements
#   joined by ", and" each with its modal are still cut (`INLINE`).
# - cited: a body named in the title of a text cited ("the European Union Public License") or
#   as the publisher of one ("as published by the European Commission", "veröffentlicht von
#   der Bundesregierung") is cited, no `party`, as a body cited as the source of a rule; one
#   that acts still is.
# - restricted: "shall be brought in the courts of" / "may be brought only in the courts of" is
#   the same exclusive duty: the "only" of a permission read as a restriction (as `modality`
#   reads it, English) where the other side has an obligation is no `scope`; an "only" added
#   to a permission still is. English only, as that reading.
# - own count: a count of the text's own provisions it refers to ("the above eight
#   conditions", "die vorstehenden acht Voraussetzungen") says which are meant, no `number`;
#   a count of what a rule requires ("must meet nine conditions") still is one.
# - announced: words that only announce the conditions listed after a condition's marker
#   ("provided that in each instance [You also meet all of these conditions]:", "wenn [die
#   folgenden Voraussetzungen erfüllt sind]:") add no `condition`; requirements of their own
#   still do.
# - parts: a work's parts taken with it ("including portions thereof", "or any part of it",
#   "einschließlich Teilen davon", "oder Teile davon") are words of extent: one that comes or
#   goes is `scope`; said otherwise on the other side ("part" / "portion") it is none.
# - redirected: a condition that names another thing where its version names this one, the
#   rest kept ("distributed under this license" / "under a different license", "nach diesem
#   Vertrag" / "nach einem anderen Vertrag"), covers other cases: `condition`; the same
#   thing said otherwise ("the present license") is none.
# - then: a condition that says where it ends runs to its "then", however long ("If it is
#   impossible for You to comply ... due to statute[, judicial order,] or regulation then You
#   must"): words added inside it before the "then" change it; a "then" after the statement's
#   modal verb ("may terminate it and then demand") is the statement's. English only.

FLAGGED_10: dict[FlagType, list[Row]] = {
    "party": [
        (
            "The Licensor may publish new versions.",
            "The Licensor and the European Commission may publish new versions.",
            "en",
            "cited: a body that acts",
        ),
        (
            "Der Lizenzgeber darf neue Fassungen veröffentlichen.",
            "Der Lizenzgeber und die Bundesregierung dürfen neue Fassungen veröffentlichen.",
            "de",
            "cited: a body that acts",
        ),
    ],
    "condition": [
        (
            "If it is impossible for You to comply with any of the terms of this License with"
            " respect to some or all of the Covered Code due to statute or regulation then You"
            " must describe the limitations.",
            "If it is impossible for You to comply with any of the terms of this License with"
            " respect to some or all of the Covered Code due to statute, judicial order, or"
            " regulation then You must describe the limitations.",
            "en",
            "then: a long condition runs to its 'then'",
        ),
        (
            "If a Derived Work is distributed under this license, it must document its changes.",
            "If a Derived Work is distributed under a different license, it must document its"
            " changes.",
            "en",
            "redirected: the condition names another licence",
        ),
        (
            "Wird das Werk nach diesem Vertrag verbreitet, so muss der Urheber genannt werden.",
            "Wird das Werk nach einem anderen Vertrag verbreitet, so muss der Urheber genannt"
            " werden.",
            "de",
            "redirected: the condition names another contract",
        ),
        (
            "You may copy the Code, provided that in each instance:",
            "You may copy the Code, provided that in each instance You also keep the notice and"
            " pay the fee:",
            "en",
            "announced: requirements of its own",
        ),
        (
            "Sie dürfen den Code kopieren, wenn in jedem Fall:",
            "Sie dürfen den Code kopieren, wenn in jedem Fall der Hinweis erhalten bleibt und die"
            " Gebühr gezahlt ist:",
            "de",
            "announced: requirements of its own",
        ),
        (
            "You may distribute the work, provided that you keep the notice.",
            "You may distribute the work.",
            "en",
            "provided: 'provided that'",
        ),
        (
            "You may distribute the work, provided you keep the notice.",
            "You may distribute the work.",
            "en",
            "provided: 'provided' and its clause",
        ),
        (
            "You may copy it, provided, however, that you keep the notice intact.",
            "You may copy it.",
            "en",
            "provided: 'provided, however, that'",
        ),
    ],
    "date": [
        (
            "The licence applies from 17 January 1999.",
            "The licence applies from 18 January 1999.",
            "en",
            "naming: a date a rule holds from",
        ),
        (
            "Die Lizenz gilt ab dem 17. Januar 1999.",
            "Die Lizenz gilt ab dem 18. Januar 1999.",
            "de",
            "naming: a date a rule holds from",
        ),
    ],
    "number": [
        (
            "The applicant must meet eight conditions.",
            "The applicant must meet nine conditions.",
            "en",
            "own count: a count of what a rule requires",
        ),
        (
            "Der Antragsteller muss acht Voraussetzungen erfüllen.",
            "Der Antragsteller muss neun Voraussetzungen erfüllen.",
            "de",
            "own count: a count of what a rule requires",
        ),
        (
            "The interest rate is 1.5 and the fee is 2 dollars.",
            "The interest rate is 2.5 and the fee is 2 dollars.",
            "en",
            "naming: a rate before 'and'",
        ),
        (
            "A fine of 100 dollars applies under 17 U.S.C. 107.",
            "A fine of 150 dollars applies under 17 U.S.C. 107.",
            "en",
            "naming: an amount beside a section of the Code",
        ),
        (
            "Der Zinssatz beträgt 1.5 und die Gebühr 2 Euro.",
            "Der Zinssatz beträgt 2.5 und die Gebühr 2 Euro.",
            "de",
            "naming: a rate before 'und'",
        ),
    ],
    "scope": [
        (
            '"Covered Code" means the Original Code or Modifications, including portions thereof.',
            '"Covered Code" means the Original Code or Modifications.',
            "en",
            "parts: a work's parts with it dropped",
        ),
        (
            '"Software" bezeichnet den Originalcode oder die Änderungen, jeweils einschließlich'
            " Teilen davon.",
            '"Software" bezeichnet den Originalcode oder die Änderungen.',
            "de",
            "parts: a work's parts with it dropped",
        ),
        (
            "Any suit relating to this License may be brought in the courts of Berlin.",
            "Any suit relating to this License may be brought only in the courts of Berlin.",
            "en",
            "restricted: a permission restricted",
        ),
        (
            "You may use, sell or give away the Licensed Product.",
            "You may use or give away the Licensed Product.",
            "en",
            "acts: an act dropped from a grant's list",
        ),
        (
            "The Licensee must copy, sign and return the form.",
            "The Licensee must copy and return the form.",
            "en",
            "acts: an act dropped from a duty's list",
        ),
        (
            "Der Lizenznehmer darf die Software nutzen, verkaufen oder weitergeben.",
            "Der Lizenznehmer darf die Software nutzen oder weitergeben.",
            "de",
            "acts: an act dropped from a grant's list",
        ),
        (
            "Sections 3 and 5 apply to version 2 of the Program.",
            "Sections 3 and 6 apply to version 2 of the Program.",
            "en",
            "edition: a section referred to changes beside the version",
        ),
        (
            "Die Abschnitte 3 und 5 gelten für Version 2 des Programms.",
            "Die Abschnitte 3 und 6 gelten für Version 2 des Programms.",
            "de",
            "edition: a section referred to changes beside the version",
        ),
    ],
}

NOT_FLAGGED_10: dict[FlagType, list[Row]] = {
    "modality": [
        (
            "Any suit relating to this License shall be brought in the courts of Berlin.",
            "Any suit relating to this License may be brought only in the courts of Berlin.",
            "en",
            "restricted: an obligation said as a permission with 'only'",
        ),
    ],
    "party": [
        (
            "Licensee: means the user. Parties: mean the Licensee and the Licensor.",
            "Licensee: means the user. EUPL: means the European Union Public License version 1.1"
            " or any later version, as published by the European Commission. Parties: mean the"
            " Licensee and the Licensor.",
            "en",
            "cited: a licence named after a body, and its publisher",
        ),
        (
            "Lizenznehmer: bezeichnet den Nutzer. Parteien: bezeichnet den Lizenznehmer und den"
            " Lizenzgeber.",
            "Lizenznehmer: bezeichnet den Nutzer. Leitfaden: bezeichnet den Leitfaden zur Lizenz in"
            " der jeweils geltenden Fassung, veröffentlicht von der Bundesregierung. Parteien:"
            " bezeichnet den Lizenznehmer und den Lizenzgeber.",
            "de",
            "cited: the publisher of a text",
        ),
    ],
    "provision": [
        (
            "You may not use any trademark of the Licensor. Should Your changes to this License be"
            " limited to alteration of Exhibit A purely for adjusting the Notice You require of"
            " users, You may keep calling Your License the Public License.",
            "You may not use any trademark of the Licensor. Should Your changes to this License be"
            " limited to alteration of a) Section 9 to modify the Venue for disputes, b) Exhibit A"
            " to define the Notice text, or c) Exhibit B to define an Attribution Notice, You may"
            " keep calling Your License the Public License.",
            "en",
            "inline: a list's last item after its conjunction is no sentence of its own",
        ),
    ],
    "condition": [
        (
            "If the Licensee breaches this License, the Licensor may terminate it and then demand"
            " the return of every copy.",
            "If the Licensee breaches this License, the Licensor may terminate it and then demand"
            " the return of every copy and of all documents.",
            "en",
            "then: a 'then' after the statement's modal verb is the statement's",
        ),
        (
            "If a Derived Work is distributed under this license, it must document its changes.",
            "If a Derived Work is distributed under the present license, it must document its"
            " changes.",
            "en",
            "redirected: the same licence said otherwise",
        ),
        (
            "Wird das Werk nach diesem Vertrag verbreitet, so muss der Urheber genannt werden.",
            "Wird das Werk nach dem vorliegenden Vertrag verbreitet, so muss der Urheber genannt"
            " werden.",
            "de",
            "redirected: the same contract said otherwise",
        ),
        (
            "You may copy and modify the Code, provided that in each instance:",
            "You may copy and modify the Code, provided that in each instance You also meet all"
            " of these conditions:",
            "en",
            "announced: the list of conditions that follows announced",
        ),
        (
            "Sie dürfen den Code kopieren, wenn in jedem Fall:",
            "Sie dürfen den Code kopieren, wenn in jedem Fall die folgenden Voraussetzungen"
            " erfüllt sind:",
            "de",
            "announced: the list of conditions that follows announced",
        ),
        (
            "There is no warranty other than that provided for in Article 9.2 and none of title.",
            "There is no warranty other than that provided for in Article 9.2 in good faith and"
            " none of title.",
            "en",
            "provided: before a preposition",
        ),
        (
            "You may make the work available as provided herein, with the notice.",
            "You may make the work available as provided herein by the original author, with the"
            " notice.",
            "en",
            "provided: after 'as'",
        ),
        (
            "The Software is provided as is and in its source form.",
            "The Software is provided as is and in good faith in its source form.",
            "en",
            "provided: after a form of 'be'",
        ),
    ],
    "date": [
        (
            "The OpenLDAP Public License, Version 1.3, 17 January 1999. You may copy it.",
            "The OpenLDAP Public License, Version 1.4, 18 January 1999. You may copy it.",
            "en",
            "naming: an edition's date after its version",
        ),
        (
            "GNU General Public License, Version 2, June 1991. You may copy it.",
            "GNU General Public License, Version 3, 29 June 2007. You may copy it.",
            "en",
            "naming: an edition's date after its version",
        ),
        (
            "Muster-Lizenz Version 2.0 vom 1. März 2020. Sie dürfen sie kopieren.",
            "Muster-Lizenz Version 2.1 vom 3. Mai 2021. Sie dürfen sie kopieren.",
            "de",
            "naming: an edition's date after its version",
        ),
    ],
    "number": [
        (
            "Never modify a file without also meeting the conditions above for distributing it.",
            "Never modify a file without also meeting the above eight conditions for distributing"
            " it.",
            "en",
            "own count: the text's own conditions counted",
        ),
        (
            "Ändern Sie keine Datei, ohne die vorstehenden Voraussetzungen zu erfüllen.",
            "Ändern Sie keine Datei, ohne die vorstehenden acht Voraussetzungen zu erfüllen.",
            "de",
            "own count: the text's own conditions counted",
        ),
        (
            "It is compatible with the Attribution License 4.0 and the Open Data Licence.",
            "It is compatible with the Attribution License 3.0 and the Open Data Licence.",
            "en",
            "naming: a version before 'and'",
        ),
        (
            "Any use is subject to the penalties of 17 U.S.C. 101 et seq.",
            "Any use is subject to the penalties of 17 U.S.C. 107 et seq.",
            "en",
            "naming: a section of the Code cited with its title",
        ),
        (
            "Any use is subject to the penalties of the Copyright Act, 17 U.S.C. § 101 et seq.",
            "Any use is subject to the penalties of the Copyright Act, 17 U.S.C. Â§ 101 et seq.",
            "en",
            "naming: a section of the Code, its sign garbled",
        ),
        (
            "Sie ist vereinbar mit der Attribution Lizenz 4.0 und der Open Data Lizenz.",
            "Sie ist vereinbar mit der Attribution Lizenz 3.0 und der Open Data Lizenz.",
            "de",
            "naming: a version before 'und'",
        ),
    ],
    "scope": [
        (
            "You may copy the Program or any part of it.",
            "You may copy the Program or any portion of it.",
            "en",
            "parts: said otherwise",
        ),
        (
            "Sie dürfen das Programm oder Teile davon kopieren.",
            "Sie dürfen das Programm oder Teile hiervon kopieren.",
            "de",
            "parts: said otherwise",
        ),
        (
            "Any suit relating to this License shall be brought in the courts of Berlin.",
            "Any suit relating to this License may be brought only in the courts of Berlin.",
            "en",
            "restricted: an obligation said as a permission with 'only'",
        ),
        (
            "You may use, sell or give away the Licensed Product.",
            "You may sell, use or give away the Licensed Product.",
            "en",
            "acts: the same acts in another order",
        ),
        (
            "Der Lizenznehmer darf die Software nutzen, verkaufen oder weitergeben.",
            "Der Lizenznehmer darf die Software verkaufen, nutzen oder weitergeben.",
            "de",
            "acts: the same acts in another order",
        ),
        (
            "Section 3 applies to the Program under version 2 or any later version.",
            "Section 3 applies to the Program under version 3 or any later version.",
            "en",
            "edition: the version of a licence cited",
        ),
        (
            "LPPL Version 1.1 1999-07-10. Section 2 applies to every file.",
            "LPPL Version 1.2 1999-09-03. Section 2 applies to every file.",
            "en",
            "edition: a title's version and its date",
        ),
        (
            "Abschnitt 3 gilt für das Programm in der Version 1.1 dieser Lizenz.",
            "Abschnitt 3 gilt für das Programm in der Version 1.2 dieser Lizenz.",
            "de",
            "edition: the version of a licence cited",
        ),
    ],
}

(
    test_the_held_out_9_class_is_flagged_both_ways_round,
    test_the_held_out_9_class_is_not_flagged_both_ways_round,
    test_every_held_out_9_class_has_rows_in_both_languages,
) = class_tests(
    FLAGGED_10,
    NOT_FLAGGED_10,
    ("edition", "naming", "acts", "cited", "own count", "announced", "parts", "redirected"),
)


#: inline: a text and the pieces the phrases split it into.
INLINE: list[tuple[str, str, list[str]]] = [
    (
        "Should Your changes be limited to a) Section 9 to modify the Venue, b) Exhibit A to"
        " define the Notice, or c) Exhibit B to define the Attribution, You may keep the name.",
        "en",
        [
            "Should Your changes be limited to a) Section 9 to modify the Venue, b) Exhibit A to"
            " define the Notice, or c) Exhibit B to define the Attribution, You may keep the"
            " name."
        ],
    ),
    (
        "The Licensee must include (i) the source, and (ii) the notice the Licensee may keep.",
        "en",
        ["The Licensee must include (i) the source, and (ii) the notice the Licensee may keep."],
    ),
    (
        "Der Lizenznehmer muss a) den Quelltext, b) die Anlage A, und c) die Anlage B beifügen,"
        " damit jeder Empfänger sie lesen kann.",
        "de",
        [
            "Der Lizenznehmer muss a) den Quelltext, b) die Anlage A, und c) die Anlage B beifügen,"
            " damit jeder Empfänger sie lesen kann."
        ],
    ),
    (
        "The Licensor must deliver the Software, and the Licensee must pay the fee.",
        "en",
        ["The Licensor must deliver the Software,", "and the Licensee must pay the fee."],
    ),
    (
        "Der Lizenzgeber muss die Software liefern, und der Lizenznehmer muss die Gebühr zahlen.",
        "de",
        [
            "Der Lizenzgeber muss die Software liefern,",
            "und der Lizenznehmer muss die Gebühr zahlen.",
        ],
    ),
]


@pytest.mark.parametrize(("text", "language", "pieces"), INLINE)
def test_an_inline_lists_last_item_stays_in_its_sentence(
    text: str, language: str, pieces: list[str]
) -> None:
    assert split_phrases(text) == pieces, language
