"""Flag kinds: classes of false and missed `date`, `condition`, `provision` and `modality` flags
of the released sets (bench/flags/, branch flagcond), one table per class, English and German,
each with rows that must raise the kind (`FLAGGED`) and rows that must not (`NOT_FLAGGED`), both
ways round. The sentences are written for these tests, not taken from the sets.

The classes:
- definition: "at the time of ...", "zur Zeit der ..." inside a definition added or removed
  whole ('"Original Code" means code which, at the time of its release, ...', "Im Sinne dieses
  Gesetzes ist ...") says what a word covers, at no time: no `date`; the same words in a rule
  added or removed whole still say when it holds.
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
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(FLAGGED, NOT_FLAGGED, ("definition",))
