"""The items of a list added or dropped: how a run of tokens holds them (`items_of`), and
those that change no `scope`: those the other text states anyway, and clauses that only look
like items.

The enumerations (`extent.enumerations`) compare each changed phrase with its closest version
on the other side; a list the other text keeps whole in a phrase both texts share is in no
aligned group ("Dem Antrag ist stattzugeben, soweit ... 2. ... die Aufhebung der gemeinsamen
Sorge und die Übertragung ..." kept in (1) while a new (2) lists "die Übertragung" alone). As
a figure (`substance._unstated`) or a party stated there is no change, nor is such an item
(`restated`). And a second predicate joined by its conjunction ("Ansprüche, die an die Stelle
der Vergütung treten und nicht selbst Vergütung sind", "claims which replace the remuneration
and are not themselves remuneration") is a clause with its own verb, no item of a list
(`clauses`); inside a condition such a clause is one of its requirements ("wenn ..., die
Gegenseitigkeit verbürgt ist und ..."), which `extent` keeps as the condition's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import planlens.compare.lexicon as lx
import planlens.compare.patterns as rx
from planlens.compare.statements import CONJUNCTIONS

_WORD_RE = rx.compile(r"[\w§-]+")
#: A finite auxiliary or copula with no relative pronoun before it: an "item" with one is a
#: clause ("und nicht selbst Vergütung sind"), not a noun with its relative clause ("Ansprüche,
#: die aus einem Verbrechen erwachsen sind").
_FINITE_RE = rx.compile(
    r"^(?:(?!\b(?:der|die|das|dem|den|deren|dessen|welche[mnrs]?|which|that|who|whom)\b).)*?"
    r"\b(?:ist|sind|war|waren|wird|werden|wurde|wurden|hat|haben|hatte|hatten|is|are|was|were|"
    r"has|have|had)\b",
    re.IGNORECASE,
)

Items = tuple[list[str], list[str]]
_DETERMINERS = frozenset(lx.DETERMINERS.split())


def _words(text: str) -> str:
    """Return the words of `text`, casefolded, between spaces (no punctuation)."""
    return f" {' '.join(_WORD_RE.findall(text.casefold()))} "


def restated(items: Items, old: str, new: str) -> Items:
    """Return the items dropped from (`items[0]`) and added to (`items[1]`) an enumeration
    without those the other text states in the same words.

    >>> restated((["die Aufhebung und"], ["oder Lebenspartner"]),
    ...          "soweit die Aufhebung und die Übertragung", "soweit die Übertragung")
    (['die Aufhebung und'], ['oder Lebenspartner'])
    >>> restated((["die Aufhebung und"], []),
    ...          "2. die Aufhebung und die Übertragung", "1. die Aufhebung, und die Übertragung")
    ([], [])
    """
    gone, came = items
    if not gone and not came:
        return items
    in_old, in_new = _words(old), _words(new)
    return (
        [x for x in gone if _words(x) not in in_new],
        [x for x in came if _words(x) not in in_old],
    )


def clauses(items: Items) -> Items:
    """Return the items dropped and added without the clauses among them (`_FINITE_RE`).

    >>> clauses((["und nicht selbst Vergütung sind", "oder Tiere"], ["and are not remuneration"]))
    (['oder Tiere'], [])
    >>> clauses((["Ansprüche die aus einem Verbrechen erwachsen sind"], []))
    (['Ansprüche die aus einem Verbrechen erwachsen sind'], [])
    """
    gone, came = items
    return (
        [x for x in gone if not _FINITE_RE.search(x)],
        [x for x in came if not _FINITE_RE.search(x)],
    )


def items_of(span: list[str], moved: Callable[[list[str]], bool]) -> list[str]:
    """Return the items of a list that `span`, a run of tokens added or dropped, holds.

    One item is given whole, as written. Several, separated by commas, are given one by one,
    without the commas and the conjunctions at their ends, and without those that only `moved`,
    as a reader would list them. Only commas separate: a conjunction inside a part may join the
    words of one name ("für Bau und Heimat").

    >>> items_of(["und", "die", "Wahl", "des", "Erbrechts"], lambda part: False)
    ['und die Wahl des Erbrechts']
    >>> span = ["Donetsk", ",", "Luhansk", ",", "Zaporizhzhia", "and"]
    >>> items_of(span, lambda part: part == ["Zaporizhzhia"])
    ['Donetsk', 'Luhansk']
    >>> items_of([",", "für", "Bau", "und", "Heimat"], lambda part: False)
    ['für Bau und Heimat']
    """
    parts: list[list[str]] = [[]]
    for token in span:
        if token == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    for part in parts:
        while part and part[0].casefold() in CONJUNCTIONS:
            del part[0]
        while part and part[-1].casefold() in CONJUNCTIONS:
            del part[-1]
    parts = [p for p in parts if any(t.casefold() not in _DETERMINERS for t in p)]
    if len(parts) < 2:
        return [" ".join(t for t in span if t != ",").strip()]
    return [" ".join(p) for p in parts if not moved(p)]


def shown_items(values: list[str]) -> list[str]:
    """Return one side's `scope` values as a reader would list them: without the conjunctions
    at their ends, each once whatever its case, and none that another value holds whole.

    The rules find scope words one way each (a qualifier "full", an added run "and full", the
    items of a list): the same words can come twice. A value that is only a conjunction stays.

    >>> shown_items(["full", "certain", "Donetsk", "Luhansk", "and full"])
    ['full', 'certain', 'Donetsk', 'Luhansk']
    >>> shown_items(["full", "full restoration of social and"])
    ['full restoration of social']
    >>> shown_items(["fighters and"]), shown_items(["oder"])
    (['fighters'], ['oder'])
    """
    tidy: list[str] = []
    for value in values:
        words = value.split()
        while len(words) > 1 and words[0].casefold() in CONJUNCTIONS:
            del words[0]
        while len(words) > 1 and words[-1].casefold() in CONJUNCTIONS:
            del words[-1]
        tidy.append(" ".join(words) if words else value)
    keys = [f" {v.casefold()} " for v in tidy]
    shown: list[str] = []
    seen: set[str] = set()
    for value, key in zip(tidy, keys, strict=True):
        if key in seen or any(key != other and key in other for other in keys):
            continue
        seen.add(key)
        shown.append(value)
    return shown
