"""Negation and modality compared within one statement (`compare.polarity`, `compare.modality`).

Each row is (old text, new text, language, why). `TURNS` rows must raise their kind; `SAME`
rows must not (other kinds may come up). The rows come from the classes of false and missed
flags of the turns set (bench/flags/*.turns.yaml): negators that describe a noun or sit in a
relative clause, "without" / "ohne", a negator that came with words of its own, a negation
reworded with a negative predicate or with "only"; a power that becomes a duty stated plainly.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_substance import Row, table_cases

from planlens.compare.model import FlagType
from planlens.compare.substance import substance_flags

TURNS: dict[FlagType, list[Row]] = {
    "negation": [
        ("Russia will deploy troops.", "Russia will not deploy troops.", "en", "not, same verb"),
        (
            "Ukraine agrees to join the alliance.",
            "Ukraine agrees not to join the alliance.",
            "en",
            "'agrees not to': the undertaking turns",
        ),
        (
            "Es besteht kein Anspruch auf Erstattung.",
            "Es besteht ein Anspruch auf Erstattung.",
            "de",
            "kein dropped before the same noun",
        ),
        (
            "Der Mieter darf die Wohnung untervermieten.",
            "Der Mieter darf die Wohnung nicht untervermieten.",
            "de",
            "nicht added to the same verb",
        ),
        (
            "Der Schuldner haftet nicht wegen Fahrlässigkeit.",
            "Der Schuldner haftet wegen Fahrlässigkeit.",
            "de",
            "'nicht wegen': a preposition after nicht, the statement is negated",
        ),
    ],
    "modality": [
        ("The parties shall consult.", "The parties may consult.", "en", "shall -> may"),
        (
            "Russia will withdraw its troops.",
            "Russia should withdraw its troops.",
            "en",
            "will -> should",
        ),
        ("Der Mieter muss zahlen.", "Der Mieter kann zahlen.", "de", "muss -> kann"),
        (
            "If the tenant sublets the flat, the tenant must inform the landlord.",
            "The tenant may sublet the flat if the tenant informs the landlord or provides a"
            " guarantee.",
            "en",
            "a duty that becomes one of two conditions of a permission can be avoided",
        ),
        (
            "Wenn der Mieter die Wohnung untervermietet, muss er den Vermieter unterrichten.",
            "Der Mieter darf die Wohnung untervermieten, wenn er den Vermieter unterrichtet oder"
            " eine Bürgschaft stellt.",
            "de",
            "eine Pflicht, die eine von zwei Bedingungen einer Erlaubnis wird: vermeidbar",
        ),
        (
            "If a facility in the modified Library refers to a function supplied by an"
            " application, then you must make a good faith effort to ensure that the facility"
            " still operates.",
            "If you modify a copy of the Library, and a facility refers to a function supplied by"
            " an Application, then you may convey a copy of the modified version: a) under this"
            " License, provided that you make a good faith effort to ensure that the facility"
            " still operates, or b) under the GNU GPL.",
            "en",
            "lgpl 2.d: the duty is the condition of one alternative only (kinds set call)",
        ),
        (
            "Verweist eine Funktion der geänderten Bibliothek auf Daten einer Anwendung, so muss"
            " er sich nach Treu und Glauben bemühen, dass die Funktion weiter arbeitet.",
            "Ändert er die Bibliothek und verweist eine Funktion auf Daten einer Anwendung, so darf"
            " er die geänderte Fassung a) unter dieser Lizenz weitergeben, sofern er sich nach"
            " Treu und Glauben bemüht, dass die Funktion weiter arbeitet, oder b) unter der GPL"
            " weitergeben.",
            "de",
            "die Pflicht ist Bedingung nur einer von zwei Möglichkeiten",
        ),
        (
            "Die Bundesnetzagentur kann den Bedarf nach Absatz 1 feststellen.",
            "Die Bundesnetzagentur stellt den Bedarf nach Absatz 1 fest.",
            "de",
            "a power becomes a duty stated plainly (tkg)",
        ),
        (
            "Die Behörde verlangt in der Regel die Offenlegung der Preise.",
            "Die Behörde kann die Offenlegung der Preise verlangen.",
            "de",
            "a duty stated plainly becomes a power",
        ),
        (
            "Die Behörde kann Angaben zu Einrichtungen verlangen, die genutzt werden.",
            "Die Behörde verlangt Angaben zu Einrichtungen, die genutzt werden können.",
            "de",
            "a power becomes a duty; the 'können' of a relative clause is no force (tkg)",
        ),
        (
            "Each guarantor state assists Ukraine by closing its airspace.",
            "Each guarantor state assists Ukraine. The positions differ on closing its airspace.",
            "en",
            "'positions differ': an arrangement becomes an open position",
        ),
    ],
}

SAME: dict[FlagType, list[Row]] = {
    "negation": [
        (
            "Russia will withdraw its forces.",
            "Russia will withdraw its forces. Its forces will not return to the zone.",
            "en",
            "a negative sentence added whole is a provision",
        ),
        (
            "Elections will be held no later than 1 May.",
            "Elections will be held not later than 1 May.",
            "en",
            "'no later than' / 'not later than': an idiom of time",
        ),
        (
            "Mere aggregation of another independent work does not bring it under the scope.",
            "Mere aggregation of another work not based on the Program does not bring it under"
            " the scope.",
            "en",
            "'a work not based on' negates a phrase, not the statement",
        ),
        (
            "Wer für die Tat Vermögenswerte sammelt, wird bestraft.",
            "Wer für die Tat nicht unerhebliche Vermögenswerte sammelt, wird bestraft.",
            "de",
            "'nicht unerhebliche Vermögenswerte': an adjective of a noun",
        ),
        (
            "Die Verpflichtungen beziehen sich auf Anbieter von Telekommunikationsdiensten.",
            "Die Verpflichtungen beziehen sich auf Anbieter von Telekommunikationsdiensten, bei"
            " denen es sich nicht um interpersonelle Dienste handelt.",
            "de",
            "a 'nicht' in a relative clause describes the providers",
        ),
        (
            "Der Zahler hat einen Anspruch auf Erstattung.",
            "Der Zahler hat ohne Angabe von Gründen einen Anspruch auf Erstattung.",
            "de",
            "'ohne Angabe von Gründen': a manner, no polarity",
        ),
        (
            "Die Stelle hat von der Aufnahme der Informationen in die Übersicht abzusehen.",
            "Die Stelle hat die Informationen nicht in die Übersicht aufzunehmen.",
            "de",
            "'hat abzusehen' / 'hat nicht aufzunehmen': the same polarity",
        ),
        (
            "Der Verein, der nicht rechtsfähig ist, haftet für den Schaden.",
            "Der Verein haftet für den Schaden.",
            "de",
            "a 'nicht' of a relative clause dropped: the statement keeps its polarity",
        ),
        (
            "Der Kundenstamm darf außer durch Kündigung nicht verändert werden.",
            "Der Kundenstamm darf nur durch Kündigung verändert werden.",
            "de",
            "'außer durch ... nicht' / 'nur durch': the same ban",
        ),
        (
            "Art. 1 G v. 10.5.2012 Dieses Gesetz dient der Umsetzung folgender Richtlinien.",
            "Art. 2 G v. 21.12.2021 dokumentarisch noch nicht abschließend bearbeitet Dieses"
            " Gesetz dient der Umsetzung folgender Richtlinien.",
            "de",
            "a 'nicht' that came with words of its own",
        ),
    ],
    "modality": [
        (
            "Russia will withdraw its forces.",
            "Russia will withdraw its forces. A mechanism will watch the line of contact.",
            "en",
            "the 'will' of an added sentence",
        ),
        ("Ukraine will receive guarantees.", "Ukraine receives guarantees.", "en", "will / plain"),
        (
            "Die Entscheidung wird veröffentlicht.",
            "Die Entscheidung ist zu veröffentlichen.",
            "de",
            "a plain statement / 'ist zu': one force",
        ),
        (
            "Die Bundesnetzagentur ist befugt, Informationen zu verlangen.",
            "Die Bundesnetzagentur kann Informationen verlangen.",
            "de",
            "'ist befugt' / 'kann': one permission",
        ),
        (
            "The guarantors are China, Belarus and Turkey.",
            "The guarantors are China, Belarus, proposed by Russia, and Turkey.",
            "en",
            "'proposed by Russia' names who nominated, no open position",
        ),
        (
            "Each side is to pull back its weapons, so that a zone 30 km wide, free of weapons,"
            " can be created.",
            "Each side is to pull back its weapons, creating a zone 30 km wide.",
            "en",
            "the 'can' of a clause of purpose commits nothing",
        ),
        (
            "Die Behörde verlangt Angaben zu Einrichtungen, die genutzt werden können.",
            "Die Behörde verlangt Angaben zu den Einrichtungen, die genutzt werden können, und"
            " ihrer Lage.",
            "de",
            "the 'können' of a relative clause commits nothing",
        ),
        (
            "The licence shall be renewed.",
            "The licence may not be renewed.",
            "en",
            "a ban where a duty stood: negation's business (must -> need not)",
        ),
        (
            "Die Zuteilung muss verlängert werden.",
            "Die Zuteilung darf nicht verlängert werden.",
            "de",
            "'darf nicht' where 'muss' stood: negation's business",
        ),
        (
            "The notice may not be omitted.",
            "The notice must be given.",
            "en",
            "'may not be omitted' / 'must be given': one duty",
        ),
        (
            "Die Aufforderung darf nicht unterbleiben.",
            "Die Aufforderung muss erfolgen.",
            "de",
            "'darf nicht unterbleiben' / 'muss erfolgen': one duty",
        ),
        (
            "The suspension of the sentence cannot be limited to a part of the sentence.",
            "A limitation of the suspension of the sentence to a part of the sentence is excluded.",
            "en",
            "'cannot' / 'is excluded': a ban, said with a negative predicate",
        ),
        (
            "Die Strafaussetzung kann nicht auf einen Teil der Strafe beschränkt werden.",
            "Eine Beschränkung der Strafaussetzung auf einen Teil der Strafe ist ausgeschlossen.",
            "de",
            "'kann nicht' / 'ist ausgeschlossen': a ban, said with a negative predicate",
        ),
        (
            "If a defence bars the lien for good, the pledgor may demand the return of the pledge.",
            "If a defence bars the lien for good, the pledgor has no claim to the return of the"
            " pledge.",
            "en",
            "a power / a plain denial of it: the right denied, negation's business",
        ),
        (
            "Steht dem Pfandrecht eine Einrede entgegen, so kann der Verpfänder die Rückgabe des"
            " Pfandes verlangen.",
            "Steht dem Pfandrecht eine Einrede entgegen, so hat der Verpfänder keinen Anspruch auf"
            " Rückgabe des Pfandes.",
            "de",
            "'kann verlangen' / 'hat keinen Anspruch': the right denied, negation's business",
        ),
        (
            "If you create a modified version of this License, you must rename your license.",
            "You may create a modified version of this License if you rename the license.",
            "en",
            "mpl 6.3: a duty an act triggers, now the condition of a permission to do that act",
        ),
        (
            "Wenn der Lizenznehmer eine geänderte Fassung dieser Lizenz erstellt, muss er seine"
            " Lizenz umbenennen.",
            "Der Lizenznehmer darf eine geänderte Fassung dieser Lizenz erstellen, wenn er seine"
            " Lizenz umbenennt.",
            "de",
            "eine Pflicht, die eine Handlung auslöst, als Bedingung der Erlaubnis zu ihr",
        ),
        (
            "If the tenant sublets the flat, the tenant must inform the landlord.",
            "The tenant may sublet the flat if the tenant informs the landlord.",
            "en",
            "must inform when subletting / may sublet if informing: the same duty",
        ),
        (
            "Wenn der Mieter die Wohnung untervermietet, muss er den Vermieter unterrichten.",
            "Der Mieter darf die Wohnung untervermieten, wenn er den Vermieter unterrichtet.",
            "de",
            "muss unterrichten, wenn er untervermietet / darf untervermieten, wenn er unterrichtet",
        ),
    ],
}


@pytest.mark.parametrize(("kind", "old", "new", "language", "why"), table_cases(TURNS))
def test_a_turn_of_one_statement_is_flagged(
    kind: FlagType, old: str, new: str, language: str, why: str
) -> None:
    assert kind in {f.type for f in substance_flags(old, new, language)}


@pytest.mark.parametrize(("kind", "old", "new", "language", "why"), table_cases(SAME))
def test_no_turn_is_not_flagged(
    kind: FlagType, old: str, new: str, language: str, why: str
) -> None:
    assert kind not in {f.type for f in substance_flags(old, new, language)}


_ALL = [row for rows in (*TURNS.values(), *SAME.values()) for row in rows]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_ALL), st.sampled_from(["", " Dies gilt auch.", " It also applies."]))
def test_swapping_the_texts_gives_the_same_kinds_of_polarity(row: Row, tail: str) -> None:
    """Negation and modality are symmetric: old -> new and new -> old flag the same of them."""
    old, new, language, _ = row
    old += tail

    def kinds(a: str, b: str) -> set[str]:
        return {f.type for f in substance_flags(a, b, language)} & {"negation", "modality"}

    assert kinds(old, new) == kinds(new, old)


def test_negators_are_counted_once_per_statement_and_given_as_a_fresh_list() -> None:
    from planlens.compare.polarity import _statement_negators, negators

    text = "Der Anspruch besteht nicht, und kein Antrag wird gestellt."
    _statement_negators.cache_clear()
    first = negators(text)
    first.append("mutated")
    assert negators(text) == ["nicht", "kein"]
    assert _statement_negators.cache_info().hits == 1
