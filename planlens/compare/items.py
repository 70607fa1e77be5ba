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
from typing import TYPE_CHECKING

import planlens.compare.lexicon as lx
import planlens.compare.patterns as rx
from planlens.compare.statements import CONJUNCTIONS

if TYPE_CHECKING:
    from planlens.compare.phrases import Phrase

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
    parts = _comma_parts(span)
    for part in parts:
        while part and part[0].casefold() in CONJUNCTIONS:
            del part[0]
        while part and part[-1].casefold() in CONJUNCTIONS:
            del part[-1]
    parts = [p for p in parts if any(t.casefold() not in _DETERMINERS for t in p)]
    if len(parts) < 2:
        return [" ".join(t for t in span if t != ",").strip()]
    return [" ".join(p) for p in parts if not moved(p)]


def _comma_parts(span: list[str]) -> list[list[str]]:
    """Return the parts of `span` between its commas (empty parts kept).

    >>> _comma_parts(["a", ",", "b", "c", ","])
    [['a'], ['b', 'c'], []]
    """
    parts: list[list[str]] = [[]]
    for token in span:
        if token == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


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


def item_run(span: list[str]) -> bool:
    """Tell whether a span with several commas is a run of list items ("Lviv, Kharkiv,", "den
    Übergriff, die Nötigung,"), not one set off by commas on both sides (an apposition: "auf
    einem Markt, dem ersten Markt, über"): each part between its commas a short noun phrase, at most
    `_ITEM_PART` words, without a verb of its own, and none a clause ("denen die Sorge
    zusteht", "der den Anschluss bereitstellt") nor a phrase that glosses or gives examples
    ("das heißt", "that is", "einschließlich der ...", "insbesondere")."""
    if span[0] == "," and span[-1] == ",":
        return False
    parts = _comma_parts(span)
    for part in parts:
        if not part:
            continue
        text = " ".join(part)
        if len(part) > _ITEM_PART or _ITEM_VERB_RE.search(text) or _GLOSS_RE.match(text):
            return False
        if part[0].casefold() in _RELATIVES:
            return False
    return True


#: A part of a run of list items has at most this many words ("die sexuelle Nötigung").
_ITEM_PART = 3
_ITEM_VERB_RE = rx.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|ist|sind|war|waren|wird|werden|wurde|"
    r"wurden|hat|haben|hatte|hatten|heißt|bedeutet|means|gilt|gelten)\b",
    re.IGNORECASE,
)
_GLOSS_RE = rx.compile(
    rf"(?:{lx.EXAMPLES_BEFORE}|{lx.GLOSSES})(?!\w)",
    re.IGNORECASE,
)
_RELATIVES = frozenset(lx.RELATIVES.split())


def completed(span: list[str], following: list[str]) -> list[str]:
    """Return `span`, an item added or dropped that ends with its conjunction, with the words
    that complete it when the conjunction joins two modifiers of one noun: "full restoration
    of social and" before "economic links" is "full restoration of social and economic links",
    "der sozialen und" before "wirtschaftlichen Beziehungen" is "der sozialen und
    wirtschaftlichen Beziehungen". Otherwise `span` as it is ("fighters and" before "heavy
    weapons": a noun ends the item). Only what is shown changes: the words added are the
    other text's too.

    >>> completed(["full", "restoration", "of", "social", "and"], ["economic", "links", ","])
    ['full', 'restoration', 'of', 'social', 'and', 'economic', 'links']
    >>> completed(["der", "sozialen", "und"], ["wirtschaftlichen", "Beziehungen", "und"])
    ['der', 'sozialen', 'und', 'wirtschaftlichen', 'Beziehungen']
    >>> completed(["fighters", "and"], ["heavy", "weapons", ","])
    ['fighters', 'and']
    >>> completed(["villages", "and"], ["cities", "in", "the"])
    ['villages', 'and']
    """
    if len(span) < 2 or span[-1].casefold() not in CONJUNCTIONS or not following:
        return span
    kinds = {_modifier(span[-2]), _modifier(following[0])}
    if None in kinds or len(kinds) > 1:
        return span
    german = kinds == {"de"}
    rest = [following[0]]
    for token in following[1:]:
        if not token.isalpha() or token.casefold() in _STOPS:
            break
        rest.append(token)
        if token[:1].isupper() or (not german and _modifier(token) is None):
            return span + rest  # the noun the modifiers share
    return span


def _modifier(token: str) -> str | None:
    """Return "en" for an English adjective by its suffix ("social", "economic"), "de" for a
    lower-case word with a German adjective's ending ("sozialen"), whose noun then has a
    capital; None for neither."""
    if not token.islower():
        return None
    if _ENGLISH_ADJECTIVE_RE.fullmatch(token):
        return "en"
    return "de" if _GERMAN_ADJECTIVE_RE.fullmatch(token) else None


_ENGLISH_ADJECTIVE_RE = rx.compile(r"[a-z]{2,}(?:al|ic|ive|ous|ary|ful|less|able|ible|ian)")
_GERMAN_ADJECTIVE_RE = rx.compile(r"[a-zäöüß]{3,}(?:en|er|es|em)")
_PREPOSITIONS = "of to in on at by for with from von zu an auf bei mit nach aus für durch über"
_STOPS = CONJUNCTIONS | _DETERMINERS | frozenset(_PREPOSITIONS.split())


def example(tokens: list[str], k1: int, k2: int) -> bool:
    """Tell whether tokens[k1:k2] sit in a list of examples: after "such as", "insbesondere"
    in the same part of the sentence, or before or at "among them", "included"."""
    before = re.split(r"[.;:()]", " ".join(tokens[max(0, k1 - 12) : k1]))[-1]
    after = " ".join(t for t in tokens[k1 : k2 + 8] if t != ",")
    return bool(re.search(rf"\b(?:{lx.EXAMPLES_BEFORE})\b", before, re.IGNORECASE)) or bool(
        re.search(rf"\b(?:{lx.EXAMPLES_AFTER})\b", after, re.IGNORECASE)
    )


def moved(span: list[str], other_keys: list[str]) -> bool:
    """Tell whether every content word of `span` is still in the other phrase: the item moved
    ("This License and the rights ..." -> "The rights ... under this License")."""
    content = [
        t.casefold()
        for t in span
        if t.isalnum() and t.casefold() not in CONJUNCTIONS | _DETERMINERS
    ]
    return bool(content) and all(t in other_keys for t in content)


def single_item(span: list[str], before: str, following: list[str]) -> bool:
    """Tell whether `span`, one word with its comma added or dropped, is an item of a list
    that goes on after it: a noun with a capital ("in Lviv, Kharkiv and Odesa", "die Söldner,
    Kämpfer und"), first in a sentence only before another such noun ("(2) Vermögensstrafen,
    Nebenstrafen, Nebenfolgen und"); not a part of a name ("Source Code Form,"), words in
    capitals, a pronoun or a word that links ("Sie,", "However,").

    >>> single_item(["Vermögensstrafen", ","], "(2)", ["Nebenstrafen", ",", "Nebenfolgen"])
    True
    >>> single_item(["However", ","], ".", ["the", "Parties", "and"])
    False
    >>> single_item([",", "Lviv"], "Kyiv", ["and", "Odesa"]), single_item(["Form", ","], "Code", [])
    (True, False)
    """
    word = span[1] if span[0] == "," else span[0]
    if len(span) != 2 or "," not in span or not word.isalpha() or len(word) < 3:
        return False
    if not word[:1].isupper() or word.isupper() or word.casefold() in _NOT_ITEMS:
        return False
    if _GLOSS_RE.match(word):
        return False
    if span[0] != ",":
        if not before[:1].isalpha():  # first in its sentence: a list of nouns must follow
            if len(following) < 2 or not following[0][:1].isupper():
                return False
            if following[1] != "," and following[1].casefold() not in CONJUNCTIONS:
                return False
        elif before[:1].isupper():
            return False  # a part of a name: "Source Code Form,"
    return list_goes_on(following)


#: Capitalised words that are no item of a list: pronouns and words that link.
_NOT_ITEMS = frozenset(lx.NOT_ITEMS.split()) | _DETERMINERS


def list_goes_on(following: list[str]) -> bool:
    """Tell whether a comma or a conjunction follows within a few words (no sentence break)."""
    for token in following[:5]:
        if token in ".;:()":
            return False
        if token == "," or token.casefold() in CONJUNCTIONS:
            return True
    return False


def excluded(was: str, now: list[str], following: list[str]) -> list[str]:
    """Return the item that a list no longer covers where the conjunction that joined it
    (`was`, one the caller has checked) became an exclusion (`now`: ", nicht aber", ", but
    not", ", except"), the item being the words `following` up to the next comma, conjunction
    or stop, with the conjunction (the other text has the words, not joined so): "Leib oder
    Leben oder fremde Sachen" -> "Leib oder Leben, nicht aber fremde Sachen".

    >>> excluded("oder", [",", "nicht", "aber"], ["fremde", "Sachen", "gefährdet", "."])
    ['oder fremde Sachen gefährdet']
    >>> excluded("and", [",", "but", "not"], ["heavy", "weapons", ",", "will"])
    ['and heavy weapons']
    >>> excluded("oder", ["und"], ["Sachen"])
    []
    """
    if not exclusion(now):
        return []
    item: list[str] = []
    for token in following[:_EXCLUDED_WORDS]:
        if token in ",.;:()" or token.casefold() in CONJUNCTIONS:
            break
        item.append(token)
    return [" ".join([was, *item])] if item else []  # with its conjunction: the words now read


def exclusion(tokens: list[str]) -> bool:
    """Tell whether `tokens` (commas aside) exclude what follows: ", nicht aber", "but not"."""
    return bool(_EXCLUSION_RE.fullmatch(" ".join(t for t in tokens if t != ",")))


#: An exclusion in place of a list's conjunction, and how many words of its item are read.
_EXCLUSION_RE = rx.compile(
    r"(?:nicht aber|aber nicht|jedoch nicht|nicht jedoch|ausgenommen|außer|"
    r"but not|and not|or not|except|excluding|other than)"
    r"(?: (?:für|bei|an|auf|in|von|zu|for|to|of|in|on|from|with))?",
    re.IGNORECASE,
)
_EXCLUDED_WORDS = 6


#: The modal verbs of a grant or duty before its list of acts: "You may use, sell or give away
#: the Product", "must copy, modify and distribute"; German puts the acts last: "darf die
#: Software nutzen, verkaufen oder weitergeben".
_GRANT_MODALS = frozenset(
    ["may", "can", "must", "shall", "darf", "dürfen", "kann", "können", "muss", "müssen"]
)
#: How far back a list of acts may open after its modal, in tokens.
_ACTS_BACK = 8


def granted_act(side: list[str], k1: int, k2: int, other: list[str]) -> bool:
    """Tell whether `side[k1:k2]`, added or dropped with nothing in its place, is one act of the
    list of acts a modal verb grants or requires: a verb in lower case with its comma or
    conjunction, the list before it all verbs in lower case back to the modal ("You may use[,
    sell] or give away the Licensed Product"), or, in German, a verb in "-en" in a sentence with
    a modal before it, between two more ("darf ... nutzen[, verkaufen] oder weitergeben"):
    what the grant or duty covers (`scope`), as an item of any other list."""
    span = side[k1:k2]
    if len(span) != 2 or span[0].casefold() not in CONJUNCTIONS | {","}:
        return False
    word = span[1]
    if not (word.isalpha() and word.islower() and len(word) > 2):
        return False
    if any(t.isalnum() and t.casefold() not in CONJUNCTIONS for t in other):
        return False  # a replacement, not an insertion
    german = word.endswith(("en", "ern", "eln"))
    for i in range(k1 - 1, max(-1, k1 - 1 - _ACTS_BACK), -1):
        token = side[i]
        if token.casefold() in _GRANT_MODALS:
            return i < k1 - 1  # an act before this one: a list of acts
        if token == "," or token.casefold() in CONJUNCTIONS:
            continue
        if not (token.isalpha() and token.islower()):
            break
    if not german or k1 == 0 or not side[k1 - 1].endswith(("en", "ern", "eln")):
        return False
    after = side[k2 : k2 + 2]
    modal = any(t.casefold() in _GRANT_MODALS for t in side[max(0, k1 - 20) : k1])
    return (
        modal
        and len(after) == 2
        and after[0].casefold() in CONJUNCTIONS | {","}
        and (after[1].islower() and after[1].endswith(("en", "ern", "eln")))
    )


def opened(phrases: tuple[Phrase, ...]) -> set[str]:
    """Return the marks of the paragraphs `phrases` open: "1a" of "(1a) Die ..."."""
    return {m.group(1) for p in phrases if (m := _MARK_RE.match(p.text))}


def following(items: list[tuple[str, bool]], phrases: tuple[Phrase, ...]) -> set[str]:
    """Return the items (case-folded) that refer only to paragraphs `phrases` open."""
    marks = opened(phrases)
    return {
        x.casefold()
        for x, _ in items
        if (refs := _PARAGRAPH_RE.findall(x)) and all(r in marks for r in refs)
    }


_MARK_RE = rx.compile(r"\W*\((\d+[a-z]?)\)")
_PARAGRAPH_RE = rx.compile(
    r"\b(?:Absatz|Absatzes|Abs\.|Absätzen?|paragraphs?|subsections?)\s*\(?(\d+[a-z]?)\b",
    re.IGNORECASE,
)
