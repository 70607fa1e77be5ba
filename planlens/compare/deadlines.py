"""The key a date or deadline is compared by, for the `date` flag: one deadline however worded.

A deadline's word in the plural is the same deadline's ("Frist" / "Fristen", "deadlines"), and
a time limit counted in days, weeks, months or years is the same whichever way it is bounded:
"within 30 days" / "no later than 30 days after" / "not later than 30 days after", "innerhalb
von 30 Tagen" / "binnen 30 Tagen" / "spätestens 30 Tage nach" all say that it ends 30 days on.

`at_the_time` gives when a provision added or removed whole holds ("zur Zeit der Verletzung",
"at the time of the injury"); a definition holds at no time, so none is read in one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import planlens.compare.patterns as rx
from planlens.compare.actors import unbound_spans
from planlens.compare.guards import guarded

#: The figures in brackets after a count written out ("twelve (12) months").
_DOUBLED_RE = rx.compile(r"(?<=[^\W\d_])\s\(\d+\)(?=\s)")
_PLURAL_RE = rx.compile(r"(?<=frist)en\b|(?<=deadline)s\b|(?<=time limit)s\b|(?<=period)s\b")
#: The units a time limit is counted in, as their stems ("tag" of "Tagen", "day" of "days").
_UNITS = (
    r"day|week|month|year|hour|werktag|geschäftstag|arbeitstag|kalendertag|tag|woche|monat|jahr|"
    r"stunde"
)
#: A time limit by its length, bounded by any of its words, with the preposition after it.
_LIMIT_RE = rx.compile(
    r"(?:within|(?:no|not)\s+later\s+than|innerhalb(?:\s+von)?|binnen|spätestens)\s+"
    rf"(?P<count>\S+)\s+(?P<unit>{_UNITS})(?:e?n|e|s|es)?"
    r"(?:\s+(?:of|after|from|following|nach|ab|seit))?",
    re.IGNORECASE,
)
#: "one" in its forms: "eines Monats", "einen Monat", "one month", "a month".
_ONE = frozenset(["a", "an", "one", "ein", "eine", "einen", "einem", "einer", "eines"])


def deadline_key(date: str) -> str:
    """Return the key `date` (as `statements.dates` gives it) is compared by, without case.

    >>> deadline_key("within 30 days"), deadline_key("no later than 30 days after")
    ('within 30 day', 'within 30 day')
    >>> deadline_key("innerhalb von 30 tagen"), deadline_key("spätestens 30 tage nach")
    ('within 30 tag', 'within 30 tag')
    >>> deadline_key("innerhalb eines monats"), deadline_key("spätestens einen monat nach")
    ('within 1 monat', 'within 1 monat')
    >>> deadline_key("fristen"), deadline_key("15 february 2015")
    ('frist', '15 february 2015')
    >>> deadline_key("Innerhalb von 30 Tagen") == deadline_key("binnen 30 Tagen")
    True
    """
    # A count written out and in figures is one count: "twelve (12) months", "zwölf (12) Monate".
    date = _PLURAL_RE.sub("", _DOUBLED_RE.sub("", date.casefold()))
    m = _LIMIT_RE.fullmatch(date)
    if m is None:
        return date
    count = m.group("count")
    return f"within {'1' if count in _ONE else count} {m.group('unit')}"


#: When a provision added or removed whole holds: "zur Zeit der Verletzung", "at the time of".
#: Not "zur Zeit der Tat", the criminal law's phrase for when the facts of an offence count.
_AT_THE_TIME_RE = guarded(
    rx.compile(
        r"\b(?:zur\s+Zeit\s+(?:der|des)|at\s+the\s+time\s+of"
        r"(?:\s+(?:the|its|his|her|their|your|such))?)\s+(?!Tat\b)\w+",
        re.IGNORECASE,
    )
)


def at_the_time(texts: Iterable[str]) -> list[str]:
    """Return when the provisions `texts`, added or removed whole, hold (`_AT_THE_TIME_RE`).

    Not in a provision kept, where it says when a fact of its condition counts ("das Opfer zur
    Zeit der Tat unter achtzehn Jahren"), no time of the rule (`lexicon.DEADLINES`); nor inside
    a definition ('"Original Code" means ... code which, at the time of its release under this
    License, is not already Covered Code', "Im Sinne dieses Gesetzes ist ..."), which says what
    a word covers, at no time (`actors.UNBOUND`).

    >>> at_the_time(["Er haftet für Schäden zur Zeit der Verletzung."])
    ['zur Zeit der Verletzung']
    >>> at_the_time(['"Original Code" means code which, at the time of its release, is new.'])
    []
    """
    out = []
    for text in texts:
        defined: list[tuple[int, int]] | None = None
        for m in _AT_THE_TIME_RE.finditer(text):
            if defined is None:
                defined = unbound_spans(text)[1]
            if not any(a <= m.start() and m.end() <= b for a, b in defined):
                out.append(" ".join(m.group().split()))
    return out
