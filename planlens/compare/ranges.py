"""Ranges, "X bis Y", for the `scope` flag: of provisions referred to, of figures, of time.

A range of provisions that loses a provision at one end while the other end stays ("§§ 176
bis 179" -> "§§ 176 bis 178", "Artikel 247 §§ 6 und 9 bis 13" -> "§§ 6 und 10 bis 13") is the
trace of a provision repealed or folded into another elsewhere: the text alone does not show
that anything it referred to was dropped, so the two ends are no provisions no longer
referred to or newly referred to (`referenced_ranges`, read by `substance`). A range that
grows ("§§ 223 bis 226" -> "§§ 223 bis 226a": the offences of a new § join), or that now ends
inside a provision ("§§ 1631 bis 1633" -> "§§ 1631 bis 1632 Absatz 4 Satz 1"), changes what is
referred to (`scope`), as a provision named on its own does ("in Fällen des § 74b").

A "bis zu" that ends a range of figures ("Freiheitsstrafe von sechs Monaten bis zu zehn
Jahren": the figures are `number`'s) or names a time ("bis zu einem im Vertrag bestimmten
Termin": `date`'s) is no bound of extent (`scope_words`, read by `substance`), where "bis zu
500 Euro" is one, as "höchstens 500 Euro" is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import planlens.compare.extent as extent
import planlens.compare.patterns as rx
from planlens.compare.statements import provisions_in, references

#: A range inside a reference: its two ends ("176 bis 179", "9 to 13").
_RANGE_RE = rx.compile(
    r"(?<![\w.])(\d+[a-z]?)\s+(?:bis|to|through)\s+(\d+[a-z]?)(?![\w])"
    r"(?P<part>\s+(?:Absatz|Abs\.|Satz|Nummer|Nr\.|Buchstabe|paragraph|subsection))?",
    re.IGNORECASE,
)


#: A reference that names an edition of a text, not a provision of it: "Version 1.1",
#: "LPPL Version 1.3a 2004-10-01", "version 3 or any subsequent version", "v. 2.0". A version
#: that changes ("Version 1.1" / "Version 1.2" in a licence's title, "version 2" / "version 3"
#: of a licence cited) is no provision referred to gone or come (`scope`).
_EDITION_RE = rx.compile(r"(?:Versions?(?!\w)|v\.)", re.IGNORECASE)


def referenced(text: str) -> set[str]:
    """Return the provisions `text` refers to (`statements.referenced`), without those of a
    reference to an edition of a text (`_EDITION_RE`).

    >>> sorted(referenced("Section 3.2 of this License, version 2 or Version 1.3a 2004-10-01"))
    ['3.2']
    """
    out: set[str] = set()
    for a, b in references(text):
        if _EDITION_RE.match(text, a) is None:
            out.update(provisions_in(text, a, b))
    return out


def ranges(text: str) -> set[tuple[str, str]]:
    """Return the ranges (first, last) inside the references of `text` that end with a whole
    provision (not "bis 1632 Absatz 4").

    >>> sorted(ranges("nach den §§ 176 bis 179 und Artikel 247 §§ 6 und 9 bis 13"))
    [('176', '179'), ('9', '13')]
    """
    return {
        (m.group(1), m.group(2))
        for a, b in references(text)
        for m in _RANGE_RE.finditer(text, a, b)
        if not m.group("part")
    }


def _order(number: str) -> tuple[int, str]:
    """Return the order of a provision's number: "226" before "226a" before "227"."""
    digits = number.rstrip("abcdefghijklmnopqrstuvwxyz")
    return int(digits), number[len(digits) :]


def referenced_ranges(
    old: str, new: str, targets: Mapping[str, frozenset[str]] | None = None
) -> tuple[set[str], set[str]]:
    """Return the provisions `old` and `new` refer to (`statements.referenced`), without the
    ends of a range that lost a provision at one end while its other end stayed: a provision
    repealed or folded elsewhere, no change of what is referred to. Only the new text's range
    being the shorter: one that grows shows the list grew. With the `targets` of a
    renumbering (`renumbering.Renumbering`), a range that lost a provision the new plan still
    has, under a number other than the new end's ("the conditions in sections 2 through 5" /
    "sections 3 through 5" where section 2 stays section 2), refers to less: its ends stay.

    >>> a, b = referenced_ranges("nach den §§ 176 bis 179, § 5", "nach den §§ 176 bis 178, § 5")
    >>> sorted(a), sorted(b)
    (['176', '5'], ['176', '5'])
    >>> sorted(referenced_ranges("nach den §§ 223 bis 226", "nach den §§ 223 bis 226a")[1])
    ['223', '226a']
    >>> sorted(referenced_ranges("nach den §§ 223 bis 226a", "nach den §§ 223 bis 226")[0])
    ['223']
    """
    a, b = referenced(old), referenced(new)
    ranges_a, ranges_b = ranges(old) - ranges(new), ranges(new) - ranges(old)
    moved_a: set[str] = set()
    moved_b: set[str] = set()
    for first_a, last_a in ranges_a:
        for first_b, last_b in ranges_b:
            if first_a == first_b:  # the last end moved
                ends = (last_a, last_b)
            elif last_a == last_b:  # the first end moved
                ends = (first_a, first_b)
            else:
                continue
            # The new range is the shorter: its last end earlier, or its first end later.
            kept = targets.get(ends[0]) if targets is not None else None
            if kept and ends[1] not in kept:
                continue  # the provision it lost is still there
            if (_order(ends[1]) < _order(ends[0])) == (first_a == first_b):
                moved_a.add(ends[0])
                moved_b.add(ends[1])
    return a - (moved_a - b), b - (moved_b - a)


#: A "bis zu" / "up to" that is no bound of extent: the end of a range of figures, whose
#: figures are `number`'s ("Freiheitsstrafe von sechs Monaten bis zu zehn Jahren", "from three
#: months up to five years"), or a time ("bis zu einem im Vertrag bestimmten Termin", "up to
#: the date agreed"), which is `date`'s.
_NO_BOUND_RE = rx.compile(
    r"\b(?:von|from)\s+(?:\S+\s+){1,3}?(?:bis\s+zu|up\s+to)\b|"
    r"\b(?:bis\s+zu|up\s+to)\s+(?:einem|einer|dem|der|the|a)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:Termin|Zeitpunkt|Stichtag|Datum|date|time|day)\b",
    re.IGNORECASE,
)
_BOUNDS = frozenset(["bis zu", "up to"])


def scope_words(text: str, governed: set[str] | None = None) -> dict[str, list[str]]:
    """Return the words of extent in `text` by their class (`extent.scope_words`), without a
    "bis zu" / "up to" that ends a range of figures or names a time (`_NO_BOUND_RE`); the
    classes of the words a negator governs go into `governed`, when given.

    >>> scope_words("Freiheitsstrafe von sechs Monaten bis zu zehn Jahren")
    {}
    >>> scope_words("bis zu einem vereinbarten Termin oder bis zu 500 Euro")
    {'bound': ['bis zu']}
    """
    out = extent.scope_words(text, governed)
    unbound = len(_NO_BOUND_RE.findall(text)) if "bound" in out else 0
    if unbound:
        bounds = out["bound"]
        for word in [w for w in bounds if " ".join(w.split()) in _BOUNDS][:unbound]:
            bounds.remove(word)
        if not bounds:
            del out["bound"]
    return out
