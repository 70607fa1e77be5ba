"""Flag kinds: classes of false and missed flags of the development and released sets
(bench/flags/, branch fix9b, held-out-5 released), one table per class, English and German where
the class exists in both, each with rows that must raise the kind (`FLAGGED`) and rows that must
not (`NOT_FLAGGED`), both ways round. The sentences are written for these tests, not taken from
the sets.

The classes:
- alone: a clause that one side has alone inside an aligned group ("...; this shall not apply
  to section 7 paragraph 3" dropped) brings the modal verbs of a provision removed or added, no
  turn of force (no `modality`), the twin of fix9's "nicht" before a reference; a modal verb
  turned in a clause both sides keep ("the buyer shall pay" / "the buyer may pay") still is
  `modality`.
- predicate: a role that is the predicate of "to be" ("Ist der Besteller ein Verbraucher, so",
  "wenn der Käufer ein Verbraucher ist", "if the buyer is a consumer") names a property of a
  person the statement names otherwise, no actor of its own: no `party`; the same role as
  whom a duty binds or benefits ("hat dem Verbraucher zu leisten", "shall deliver to the
  consumer") still is a `party`.
"""

from __future__ import annotations

from test_substance import Row, class_tests

from planlens.compare.model import FlagType

FLAGGED: dict[FlagType, list[Row]] = {
    "party": [
        (
            "Der Unternehmer hat die Sicherheit zu leisten.",
            "Der Unternehmer hat dem Verbraucher die Sicherheit zu leisten.",
            "de",
            "predicate: the role a duty benefits",
        ),
        (
            "The seller shall deliver the goods.",
            "The seller shall deliver the goods to the consumer.",
            "en",
            "predicate: the role a duty benefits",
        ),
    ],
    "modality": [
        (
            "The seller may deviate from section 7 paragraph 1; the buyer shall pay the price"
            " under section 8.",
            "The seller may deviate from section 7 paragraph 1; the buyer may pay the price"
            " under section 8.",
            "en",
            "alone: a clause both sides keep turns its force",
        ),
        (
            "Der Verkäufer darf von § 7 Abs. 1 abweichen; der Käufer muss den Preis nach § 8"
            " zahlen.",
            "Der Verkäufer darf von § 7 Abs. 1 abweichen; der Käufer kann den Preis nach § 8"
            " zahlen.",
            "de",
            "alone: a clause both sides keep turns its force",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "party": [
        (
            "Der Unternehmer hat die Sicherheit zu leisten.",
            "Ist der Besteller ein Verbraucher, so hat der Unternehmer die Sicherheit zu leisten.",
            "de",
            "predicate: 'Ist der Besteller ein Verbraucher' describes the Besteller",
        ),
        (
            "Der Unternehmer hat die Sicherheit zu leisten.",
            "Wenn der Besteller ein Verbraucher ist, hat der Unternehmer die Sicherheit zu"
            " leisten.",
            "de",
            "predicate: 'wenn der Besteller ein Verbraucher ist' describes the Besteller",
        ),
        (
            "The seller shall deliver the goods.",
            "If the buyer is a consumer, the seller shall deliver the goods.",
            "en",
            "predicate: 'if the buyer is a consumer' describes the buyer",
        ),
    ],
    "modality": [
        (
            "The seller may deviate from section 7 paragraph 1; this shall not apply to section 7"
            " paragraph 3. The parties can agree on another period under section 8.",
            "The seller may deviate from section 7 paragraph 1. The parties can agree on another"
            " period under section 8.",
            "en",
            "alone: a clause dropped with its 'shall not apply to section 7 paragraph 3'",
        ),
        (
            "Im Übrigen darf von § 7 Abs. 1 abgewichen werden; dies muss nicht für § 7 Abs. 3"
            " gelten. Die Parteien können eine andere Frist vereinbaren.",
            "Im Übrigen darf von § 7 Abs. 1 abgewichen werden. Die Parteien können eine andere"
            " Frist vereinbaren.",
            "de",
            "alone: a clause dropped with its 'muss nicht für § 7 Abs. 3 gelten'",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(FLAGGED, NOT_FLAGGED, ("alone", "predicate"))
