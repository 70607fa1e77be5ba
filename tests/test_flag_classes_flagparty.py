"""Flag kinds: classes of missed and false `party` flags of the released sets (bench/flags/,
branch flagparty), one table per class, English and German, each with rows that must raise the
kind (`FLAGGED`) and rows that must not (`NOT_FLAGGED`), both ways round. The sentences are
written for these tests, not taken from the sets.

The classes:
- third: a third party ("Rechte Dritter", "einem Dritten", "einer dritten Person", "third
  parties") that comes or goes is `party`, one party however written ("einem Dritten" / "einer
  dritten Person", "a third party" / "third parties"); not an ordinal of a title ("des Dritten
  Buchs"), not the English noun as an attribute of a thing ("third party claims", "a third
  party's modifications"), not a third party for persons in general on the other side ("all
  third parties" / "anyone who has a copy", "für Dritte" / "für alle Unternehmen"), and not a
  third party in an offence, whom the punished act involves ("den Beischlaf mit einem Dritten
  zu vollziehen");
- penalty first: the act of an offence that names its penalty first ("Mit Freiheitsstrafe ...
  wird bestraft, wer ...", "Ebenso wird bestraft, wer ...") is an offence's act as "Wer ...,
  wird ... bestraft" is: a body inside it is what the act is aimed at, no party
  ("Strafverfolgungsbehörde" where the act obstructs it); English has no such order, and its
  rows are those of "Whoever ..., shall be punished".
"""

from __future__ import annotations

from test_substance import Row, class_tests

from planlens.compare.model import FlagType

FLAGGED: dict[FlagType, list[Row]] = {
    "party": [
        (
            "Das Eigentum geht auf den Staat über. Rechte Dritter an dem Gegenstand bleiben"
            " bestehen.",
            "Das Eigentum geht auf den Staat über.",
            "de",
            "third: the rights of third parties are no longer kept",
        ),
        (
            "Der Vertrag hat eine Dienstleistung des Unternehmers zum Gegenstand.",
            "Der Vertrag hat eine Dienstleistung des Unternehmers oder eines Dritten zum"
            " Gegenstand.",
            "de",
            "third: a third party who provides the service is new",
        ),
        (
            "Der Reisende kann verlangen, dass der Vertrag fortbesteht.",
            "Der Reisende kann verlangen, dass statt seiner eine dritte Person in den Vertrag"
            " eintritt.",
            "de",
            "third: 'dritte Person' is a third party",
        ),
        (
            "The Licensor grants You a licence to the Work.",
            "The Licensor grants You and any third party who receives a copy a licence to the"
            " Work.",
            "en",
            "third: third parties are granted the licence too",
        ),
        (
            "The source may be on a server operated by you.",
            "The source may be on a server operated by you or a third party.",
            "en",
            "third: a third party may operate the server",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "party": [
        (
            "Der Unternehmer haftet gegenüber einem Dritten für den Schaden.",
            "Der Unternehmer haftet gegenüber einer dritten Person für jeden Schaden.",
            "de",
            "third: 'einem Dritten' / 'einer dritten Person' is one party",
        ),
        (
            "Es gelten die Vorschriften des Zweiten Buchs des Handelsgesetzbuchs.",
            "Es gelten die Vorschriften des Dritten Buchs des Handelsgesetzbuchs.",
            "de",
            "third: an ordinal in a title is no third party",
        ),
        (
            "Der Betreiber stellt Dienste für Dritte zu den gleichen Bedingungen bereit.",
            "Der Betreiber stellt Dienste für alle Unternehmen zu den gleichen Bedingungen bereit.",
            "de",
            "third: third parties for all undertakings are the same persons in other words",
        ),
        (
            "Der sexuelle Missbrauch wird mit Freiheitsstrafe bestraft, wenn der Täter das Kind"
            " dazu bestimmt, sexuelle Handlungen vorzunehmen.",
            "Der sexuelle Missbrauch wird mit Freiheitsstrafe bestraft, wenn der Täter das Kind"
            " dazu bestimmt, den Beischlaf mit einem Dritten zu vollziehen.",
            "de",
            "third: a third party in an offence is whom the act involves",
        ),
        (
            "You must license the work at no charge to all third parties.",
            "You must license the work to anyone who comes into possession of a copy.",
            "en",
            "third: third parties for anyone are the same persons in other words",
        ),
        (
            "The grant is subject to intellectual property claims.",
            "The grant is subject to third party intellectual property claims.",
            "en",
            "third: 'third party' as an attribute of a thing names no party",
        ),
        (
            "No licence is granted for your modifications of the Software.",
            "No licence is granted for your and any other third party's modifications of the"
            " Software.",
            "en",
            "third: a third party's modifications name no party",
        ),
        (
            "Whoever deceives a public authority shall be punished with imprisonment.",
            "Whoever deceives a public authority or a third party shall be punished with"
            " imprisonment.",
            "en",
            "third: a third party in an offence is whom the act involves",
        ),
        (
            "Mit Freiheitsstrafe bis zu drei Jahren wird bestraft, wer eine Person behindert.",
            "Mit Freiheitsstrafe bis zu drei Jahren wird bestraft, wer eine Person behindert, die"
            " der Strafverfolgungsbehörde Hilfe leistet.",
            "de",
            "penalty first: a body inside the act of an offence whose penalty comes first",
        ),
        (
            "Ebenso wird bestraft, wer die Anzeige unterlässt.",
            "Ebenso wird bestraft, wer die Anzeige bei der Bundesnetzagentur unterlässt.",
            "de",
            "penalty first: 'Ebenso wird bestraft, wer ...' is an offence's act",
        ),
        (
            "Whoever obstructs a person shall be punished with imprisonment.",
            "Whoever obstructs a person who assists the Bundesnetzagentur shall be punished with"
            " imprisonment.",
            "en",
            "penalty first: the act of an English offence, as before",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(FLAGGED, NOT_FLAGGED, ("third", "penalty first"))
