"""Numbered items: the items of a numbered list that one text has and the other lacks.

A law widens a list by adding numbered items ("3. auf die Anfechtung eines Erbvertrags, 4. auf
die Aufhebung eines Erbvertrags durch Vertrag und 5. ..."; "(c) trade secrets"), where an item
of a list without numbers opens or closes with its conjunction or comma. The word diff of a
list cuts its markers from its items ("wegen." / "wegen, 3. zur ..." matches the full stops),
so `new_items` reads the items of each text whole: each piece after a list marker ("3.", "c)",
"(iv)"; not "(1)", a paragraph), for `extent.enumerations` (`scope`). A list's last item ends
at the blank line after it where the sentence goes on ("3. eine Abfallentsorgungsanlage\n\nohne
die ... Genehmigung ... betreibt"), so that an item added after it is read. `as_provided` tells the
items of a condition's list that the provision's own list gains or loses alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import planlens.compare.lexicon as lx
import planlens.compare.patterns as rx
from planlens.compare.conditions import CONDITION_RE, condition_spans
from planlens.compare.phrases import phrase
from planlens.compare.statements import CONJUNCTIONS, parties_named, word_pattern
from planlens.compare.stemming import stemmer

#: A list marker ("3.", "12a.", "c)", "(c)", "(iv)"; a letter only with a bracket, as an
#: English "a." ends a sentence; never a number in brackets, a paragraph) at the start of a
#: line or of the text, or after a comma, semicolon, colon or conjunction, before an item.
#: Read back from its full stop or bracket (`_STOP_RE`): a search for it tries every character.
_MARKER_RE = rx.compile(
    r"(?:^|[,;:]\s|\b(?:und|oder|and|or)\s)[ \t]*"
    r"(?:\d{1,3}[a-z]?\.|\(?(?:[a-z]|[ivx]{1,4})\))\Z",
    re.MULTILINE,
)
_STOP_RE = rx.compile(r"[.)](?=\s+\w)")
_WORD_RE = rx.compile(r"\w+")
#: Where a sentence ends: not the full stop of an abbreviation before a number ("Abs. 1").
_END_RE = rx.compile(r"\.\s+(?!\d)|[;:]")
#: Where the last item of a list ends, if the sentence goes on after the list: a blank line
#: ("3. eine Abfallentsorgungsanlage\n\nohne die ... Genehmigung ... betreibt").
_ITEM_END_RE = rx.compile(r"\.\s+(?!\d)|[;:]|\n[ \t]*\n")
_MODAL_RE = word_pattern("|".join(pattern for _, pattern in lx.MODAL_FORCES))
#: An item has at most this many words: more make a clause of its own.
ITEM_WORDS = 10
#: An item whose words the other text has, this share of them or more, is there too.
_THERE = 0.5


@lru_cache(maxsize=1024)
def numbered_items(text: str) -> tuple[tuple[int, str], ...]:
    """Return the items of the numbered lists of `text`, each with where it starts: each piece
    after a list marker up to the next marker, the end of its sentence or a blank line after
    the list's last item, without the commas and conjunctions at its end; "" for one of more
    than `ITEM_WORDS` words.

    >>> numbered_items("nicht auf\\n\\n1. Ehen,\\n\\n2. Verfügungen und\\n\\n3. Verträge.")
    ((14, 'Ehen'), (24, 'Verfügungen'), (44, 'Verträge'))
    >>> numbered_items("wer\\n\\n1. eine Anlage oder\\n\\n2. ein Rohr\\n\\nohne Erlaubnis baut.")
    ((8, 'eine Anlage'), (29, 'ein Rohr'))
    """
    return tuple((at, x if len(x.split()) <= ITEM_WORDS else "") for at, x, _ in _pieces(text))


@lru_cache(maxsize=1024)
def _pieces(text: str) -> tuple[tuple[int, str, bool], ...]:
    """Return the items of `text` as `numbered_items` reads them, each whole, long or short,
    and whether a blank line cut it from words after it (the last item of a list the sentence
    goes on after: "3. eine Abfallentsorgungsanlage\\n\\nohne die ... Genehmigung betreibt")."""
    marks = [
        (m.end() - len(m.group().lstrip(",;: \t\n")), m.end())
        for stop in _STOP_RE.finditer(text)
        if (m := _MARKER_RE.search(text, max(0, stop.start() - 12), stop.end()))
    ]
    out = []
    for (_, at), (after, _) in zip(marks, [*marks[1:], (len(text), 0)], strict=False):
        end = _ITEM_END_RE.search(text, at, after)
        words = _WORD_RE.findall(text, at, end.start() if end else after)
        while words and words[-1].casefold() in CONJUNCTIONS:
            words.pop()
        first = _WORD_RE.search(text, at)
        # Cut at a blank line before words that the item would otherwise run into.
        stop = _END_RE.search(text, at, after)
        blank = (
            end is not None
            and end.group().startswith("\n")
            and _WORD_RE.search(text, end.end(), stop.start() if stop else after) is not None
        )
        out.append((first.start() if first else at, " ".join(words), blank))
    return tuple(out)


def new_items(text: str, other: str, parties: Sequence[str] = ()) -> list[tuple[str, bool]]:
    """Return the numbered items of `text` (`numbered_items`) that `other` lacks (fewer than
    half their content words are there: "für" is everywhere) where `other` has fewer items (an
    item reworded is none), each with whether it is a condition's: in a condition's clause, or
    in a list that a condition opens ("wenn der Täter 1. ..., 2. ..."). Not an item that states
    a condition ("3. wenn ..."), a force or a party (`parties` and the curated ones).

    >>> new_items("Gilt nicht\\n\\n1. für Ehen,\\n\\n2. für Erbverträge.", "Gilt nicht für Ehen.")
    [('für Erbverträge', False)]
    """
    items = numbered_items(text)
    others = numbered_items(other)
    if len(items) <= len(others):
        return []  # as many items or fewer: reworded, not added
    there = phrase(other, str).stems
    # The last item read up to the blank line after its list counts where the other text has
    # a list or states some item of this one, long or short; else it is another provision's.
    pieces = _pieces(text)
    listed = (
        bool(others)
        or not any(blank for _, _, blank in pieces)
        or any(_stated(x, there) for _, x, _ in pieces)
    )
    first = _MARKER_RE.search(text)
    lead = max((m.end() for m in _END_RE.finditer(text, 0, first.start() if first else 0)),
               default=0)  # fmt: skip
    spans = [(a, b) for a, _, b in condition_spans(text)]
    return [
        (x, any(a <= at < b or lead <= a < items[0][0] for a, b in spans))
        for (at, x), (_, _, blank) in zip(items, pieces, strict=True)
        if x
        and (listed or not blank)
        and not _stated(x, there)
        and not (CONDITION_RE.search(x) or _MODAL_RE.search(x) or parties_named(x, parties))
    ]


def _stated(item: str, there: frozenset[str]) -> bool:
    """Tell whether `_THERE` of the content words of `item` or more are among `there`."""
    words = phrase(item, str).stems
    return len(words & there) >= _THERE * len(words)


def as_provided(items: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Return the items one phrase gains (or loses), each with whether it is a condition's,
    without those of a condition's list that the provision's own list gains (or loses) alike,
    in any form: "Bestimmen die Eltern einen Ehenamen oder Lebenspartnerschaftsnamen, ..., so
    erstreckt sich der Ehename oder Lebenspartnerschaftsname auf ..." widens what the
    provision covers (`scope`), not what triggers it.

    >>> as_provided([("oder Namen", True), ("oder Name", False), ("und Kinder", True)])
    [('oder Name', False), ('und Kinder', True)]
    """
    stem = stemmer("de")  # the forms of a noun, in either language: "Namen", "names"
    own = {phrase(x, stem).stems for x, condition in items if not condition}
    return [(x, c) for x, c in items if not (c and own and phrase(x, stem).stems in own)]
