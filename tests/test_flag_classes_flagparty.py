"""Flag kinds: classes of missed and false `party` and `date` flags of the released sets
(bench/flags/, branch flagparty), one table per class, English and German, each with rows that
must raise the kind (`FLAGGED`) and rows that must not (`NOT_FLAGGED`), both ways round. The
sentences are written for these tests, not taken from the sets.

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
  rows are those of "Whoever ..., shall be punished";
- trade: who carries or trades goods for others (Spediteur, Frachtführer, Gewerbetreibende,
  Händler; a freight forwarder, a broker, a dealer) is an actor, and the Original Author of a
  licence is a party of its grantor's side, as the Licensor is; not an aircraft carrier;
- compared: the roles a rule compares with name no party ("die Arbeitsbedingungen anderer
  Arbeitnehmerinnen oder Arbeitnehmer", "solcher Arbeitnehmer, welche ...", "than those of other
  employees"); the same role as one who acts still is;
- predicate: a role said of a person with a negator and "ist" ("ein Dritter, der nicht
  Frachtführer ist", "der weder Leistungserbringer ist noch ...") names no party, as "ein
  Verbraucher ist" does not; in English "who is not a broker", as "is a consumer";
- at the time: "zur Zeit der Verletzung", "at the time of the injury" in a provision added or
  removed whole says when it holds (`date`, the guide's call of bgb 651m); not in a provision
  kept, where it says when a fact of its condition counts, nor "zur Zeit der Tat", the criminal
  law's phrase for when the facts of an offence count.
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
        (
            "Die Gefahr geht auf den Käufer über, wenn der Käufer die Versendung beauftragt hat.",
            "Die Gefahr geht auf den Käufer über, wenn der Käufer den Spediteur oder den"
            " Frachtführer mit der Versendung beauftragt hat.",
            "de",
            "trade: the carrier the buyer instructs is new",
        ),
        (
            "Das Antragsrecht haben die bezeichneten Gewerbetreibenden, Verbände und Kammern.",
            "Das Antragsrecht haben die bezeichneten Verbände und Kammern.",
            "de",
            "trade: the traders no longer have the right to file",
        ),
        (
            "The seller bears the risk until the goods are shipped.",
            "The seller bears the risk until the goods are handed to a freight forwarder.",
            "en",
            "trade: a freight forwarder is new",
        ),
        (
            "You must not take action prejudicial to the Original Author's honor or reputation.",
            "You must not take action prejudicial to anyone's honor or reputation.",
            "en",
            "trade: the Original Author of a licence is no longer named",
        ),
        (
            "Der Arbeitgeber darf die Arbeitnehmer nicht benachteiligen.",
            "Der Arbeitgeber darf die Arbeitnehmer und die Händler nicht benachteiligen.",
            "de",
            "compared: a role that acts or is protected still counts",
        ),
        (
            "The employer must inform the union.",
            "The employer must inform the union and the employees.",
            "en",
            "compared: employees informed are a party",
        ),
    ],
    "date": [
        (
            "(1) Der Schädiger hat die Kosten zu ersetzen.",
            "(1) Der Schädiger hat die Kosten zu ersetzen.\n\n(2) Der Schädiger hat dem"
            " Hinterbliebenen, der zur Zeit der Verletzung mit dem Getöteten zusammenlebte, eine"
            " Entschädigung zu leisten.",
            "de",
            "at the time: a new provision's 'zur Zeit der Verletzung'",
        ),
        (
            "(1) The person liable must pay the costs.",
            "(1) The person liable must pay the costs.\n\n(2) The person liable must compensate"
            " a bereaved person who lived with the deceased at the time of the injury.",
            "en",
            "at the time: a new provision's 'at the time of the injury'",
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
        (
            "The fleet may include an aircraft.",
            "The fleet may include an aircraft carrier.",
            "en",
            "trade: an aircraft carrier is no party",
        ),
        (
            "Er beschäftigt sie zu Arbeitsbedingungen, die unüblich sind.",
            "Er beschäftigt sie zu Arbeitsbedingungen, die in einem Missverhältnis zu den"
            " Arbeitsbedingungen anderer Arbeitnehmerinnen oder Arbeitnehmer stehen.",
            "de",
            "compared: the employees a rule compares with",
        ),
        (
            "Er beschäftigt sie zu Arbeitsbedingungen, die unüblich sind.",
            "Er beschäftigt sie zu Arbeitsbedingungen, die den Arbeitsbedingungen solcher"
            " Arbeitnehmer widersprechen, welche die gleiche Tätigkeit ausüben.",
            "de",
            "compared: 'solcher Arbeitnehmer, welche ...'",
        ),
        (
            "He employs them on terms that are unusual.",
            "He employs them on terms that are far worse than those of other employees.",
            "en",
            "compared: 'than those of other employees'",
        ),
        (
            "Die Frist beginnt, sobald der Verbraucher oder ein von ihm benannter Dritter die Waren"
            " erhalten hat.",
            "Die Frist beginnt, sobald der Verbraucher oder ein von ihm benannter Dritter, der"
            " nicht Frachtführer ist, die Waren erhalten hat.",
            "de",
            "predicate: 'der nicht Frachtführer ist' says what the third party is not",
        ),
        (
            "Der Reisende kann Schadensersatz verlangen, es sei denn, der Mangel ist von einem"
            " Dritten verschuldet.",
            "Der Reisende kann Schadensersatz verlangen, es sei denn, der Mangel ist von einem"
            " Dritten verschuldet, der weder Leistungserbringer ist noch sonst beteiligt ist.",
            "de",
            "predicate: 'der weder Leistungserbringer ist' says what the third party is not",
        ),
        (
            "The risk passes when the buyer is a consumer.",
            "The risk passes when the buyer is not a dealer.",
            "en",
            "predicate: 'is not a dealer' names no party, as 'is a consumer'",
        ),
    ],
    "date": [
        (
            "Die Strafe ist höher, wenn das Opfer ein Kind ist.",
            "Die Strafe ist höher, wenn das Opfer zur Zeit der Verletzung ein Kind ist.",
            "de",
            "at the time: in a provision kept, when a fact of its condition counts",
        ),
        (
            "(1) Der Versuch ist strafbar.",
            "(1) Der Versuch ist strafbar.\n\n(2) Die Strafe ist höher, wenn das Opfer zur Zeit"
            " der Tat unter achtzehn Jahren alt ist.",
            "de",
            "at the time: 'zur Zeit der Tat' is when the facts of an offence count",
        ),
        (
            "The penalty is higher if the victim is a child.",
            "The penalty is higher if the victim is a child at the time of the injury.",
            "en",
            "at the time: in a provision kept, when a fact of its condition counts",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(FLAGGED, NOT_FLAGGED, ("third", "penalty first", "trade", "compared", "predicate"))
