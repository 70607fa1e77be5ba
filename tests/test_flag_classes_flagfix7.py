"""Flag kinds: classes of errors found on held-out-3 and constructed-2 once they were released
(branch flagfix7, issue 11), one table per class, English and German where the class applies,
each with rows that must raise their kind (`FLAGGED`) and rows that must not (`NOT_FLAGGED`),
both ways round. The sentences are written for these tests, not taken from the sets.

The classes:
- ahead: how long before an event a duty falls due ("mindestens drei Monate im Voraus", "at
  least three months in advance") is a deadline, as "zwei Wochen vor" is: a `date`, its length
  no `number` and its bound ("mindestens", "at least") no `scope`; a length that is no deadline
  ("die Miete für drei Monate ist im Voraus zu zahlen": what is paid) is still a figure.
- duration (German: English says "for three months", which no rule reads as a span): how long
  a rule holds, "für die Dauer von drei Monaten", is a `date` with its length, as the third
  held-out set's call has it, not a `number`.
"""

from __future__ import annotations

from test_substance import Row, class_tests

from planlens.compare.model import FlagType

FLAGGED: dict[FlagType, list[Row]] = {
    "date": [
        (
            "Das Unternehmen unterrichtet die Behörde im Voraus von seiner Absicht.",
            "Das Unternehmen unterrichtet die Behörde mindestens drei Monate im Voraus von"
            " seiner Absicht.",
            "de",
            "ahead: a length comes to 'im Voraus'",
        ),
        (
            "The undertaking shall notify the authority in advance of its intention.",
            "The undertaking shall notify the authority at least three months in advance of its"
            " intention.",
            "en",
            "ahead: a length comes to 'in advance'",
        ),
        (
            "Der Mieter zahlt die Miete drei Monate im Voraus.",
            "Der Mieter zahlt die Miete zwei Monate im Voraus.",
            "de",
            "ahead: the length changes",
        ),
        (
            "The tenant pays the rent three months in advance.",
            "The tenant pays the rent two months in advance.",
            "en",
            "ahead: the length changes",
        ),
        (
            "Eine unerhebliche Minderung bleibt außer Betracht.",
            "Für die Dauer von drei Monaten bleibt eine unerhebliche Minderung außer Betracht.",
            "de",
            "duration: how long the rule holds comes",
        ),
        (
            "Für die Dauer von drei Monaten bleibt eine Minderung außer Betracht.",
            "Für die Dauer von sechs Monaten bleibt eine Minderung außer Betracht.",
            "de",
            "duration: how long the rule holds changes",
        ),
    ],
    "number": [
        (
            "Die Miete für drei Monate ist im Voraus zu zahlen.",
            "Die Miete für zwei Monate ist im Voraus zu zahlen.",
            "de",
            "ahead: a length that is what is paid, no deadline",
        ),
        (
            "The rent for three months is payable in advance.",
            "The rent for two months is payable in advance.",
            "en",
            "ahead: a length that is what is paid, no deadline",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "number": [
        (
            "Der Mieter zahlt die Miete drei Monate im Voraus.",
            "Der Mieter zahlt die Miete zwei Monate im Voraus.",
            "de",
            "ahead: the length of a deadline",
        ),
        (
            "The tenant pays the rent three months in advance.",
            "The tenant pays the rent two months in advance.",
            "en",
            "ahead: the length of a deadline",
        ),
        (
            "Das Unternehmen unterrichtet die Behörde im Voraus von seiner Absicht.",
            "Das Unternehmen unterrichtet die Behörde mindestens drei Monate im Voraus von"
            " seiner Absicht.",
            "de",
            "ahead: the length of a deadline that comes",
        ),
        (
            "Eine unerhebliche Minderung bleibt außer Betracht.",
            "Für die Dauer von drei Monaten bleibt eine unerhebliche Minderung außer Betracht.",
            "de",
            "duration: the length of how long the rule holds",
        ),
    ],
    "scope": [
        (
            "Das Unternehmen unterrichtet die Behörde im Voraus von seiner Absicht.",
            "Das Unternehmen unterrichtet die Behörde mindestens drei Monate im Voraus von"
            " seiner Absicht.",
            "de",
            "ahead: 'mindestens' bounds the deadline",
        ),
        (
            "The undertaking shall notify the authority in advance of its intention.",
            "The undertaking shall notify the authority at least three months in advance of its"
            " intention.",
            "en",
            "ahead: 'at least' bounds the deadline",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(FLAGGED, NOT_FLAGGED, ("ahead",))
