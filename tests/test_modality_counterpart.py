"""A modality flag names what stands in the dropped force's place, not "(none)".

A force that goes where the other side has more words of a force both sides share ("Ukraine
qualifies for membership ..., it will enjoy" / "Ukraine will take up membership ..., will
enjoy") turned into that force: the flag reads "qualifies for -> will". Where the other side
has no more of any force, it says the thing plainly, and the flag shows nothing there.
"""

from __future__ import annotations

import pytest

from planlens.compare.modality import modality


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            "Ukraine qualifies for membership of the European Union; until then, it will enjoy"
            " short-term access to the EU market.",
            "Ukraine will take up membership of the European Union at a set date and, until"
            " then, will enjoy short-term access to the EU market.",
            (["qualifies for"], ["will"]),
        ),
        (
            "Der Mieter kann die Wohnung untervermieten, und er muss den Vermieter unterrichten.",
            "Der Mieter muss die Wohnung untervermieten, und er muss den Vermieter unterrichten.",
            (["kann"], ["muss"]),
        ),
        (
            "The licensee may copy the work, and it shall keep the notices.",
            "The licensee must copy the work, and it shall keep the notices.",
            (["may"], ["must"]),
        ),
    ],
)
def test_the_force_in_the_dropped_ones_place_is_named(
    old: str, new: str, words: tuple[list[str], list[str]]
) -> None:
    assert modality(old, new) == words
    assert modality(new, old) == (words[1], words[0])


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            "Das Gericht kann die Nichtigkeit der Ehe feststellen.",
            "Das Gericht stellt die Nichtigkeit der Ehe fest.",
            (["kann"], []),
        ),
        (
            "The court may declare the marriage void.",
            "The court declares the marriage void.",
            (["may"], []),
        ),
    ],
)
def test_a_plain_statement_in_its_place_shows_nothing(
    old: str, new: str, words: tuple[list[str], list[str]]
) -> None:
    assert modality(old, new) == words
    assert modality(new, old) == (words[1], words[0])
