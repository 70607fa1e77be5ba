"""The citations of other acts in a text, whose dates and figures are part of a reference.

An EU act is cited with the date it was adopted and where it was published: "Verordnung (EG)
Nr. 1013/2006 des Europäischen Parlaments und des Rates vom 14. Juni 2006 über die Verbringung
von Abfällen (ABl. L 190 vom 12.7.2006, S. 1)", "Regulation (EC) No 1013/2006 of the European
Parliament and of the Council of 14 June 2006 (OJ L 190, 12.7.2006, p. 1)". That date says
which act is meant, not when anything happens (no `date`), and the Official Journal's series,
issue and page numbers count nothing (no `number`): `statements.dates` and
`statements.figures` skip the spans `citations` returns, as they skip references.
"""

from __future__ import annotations

from functools import lru_cache

import planlens.compare.patterns as rx
from planlens.compare.guards import guarded

Span = tuple[int, int]

#: Where an act was published, each issue of the Official Journal: "ABl. L 190 vom 12.7.2006, S.
#: 1", "L 318 vom 28.11.2008, S. 15", "OJ L 190, 12.7.2006, p. 1" (an issue is read alone, for
#: "ABl." may end a phrase); "vom" and "OJ" are the words a text must have for a scan.
_PUBLISHED_RE = guarded(
    rx.compile(
        r"\b(?:ABl\.\s+)?[LC]\s+\d+\s+vom\s+\d{1,2}\.\d{1,2}\.\d{4},\s+S\.\s+\d+|"
        r"\bOJ\s+[LC]\s+\d+,\s+\d{1,2}\.\d{1,2}\.\d{4},\s+p\.\s+\d+"
    )
)
#: An EU act named with the date it was adopted, up to that date: "Verordnung (EG) Nr.
#: 1013/2006 des Europäischen Parlaments und des Rates vom 14. Juni 2006", "Directive
#: 2006/123/EC of the European Parliament and of the Council of 12 December 2006".
_ADOPTED_RE = guarded(
    rx.compile(
        r"\b(?:Verordnung|Richtlinie|Beschluss|Durchführungsverordnung|Regulation|Directive|"
        r"Decision)\s+(?:\((?:EU|EG|EWG|EC|EEC|Euratom)\)\s+)?(?:(?:Nr\.|No\.?)\s*)?"
        r"\d+/\d+(?:/(?:EU|EG|EWG|EC|EEC))?[^.;()]{0,120}?\b(?:vom|of)\s+\d{1,2}\.?\s+"
        r"[A-ZÄÖÜ][a-zäöü]+\s+\d{4}"
    )
)


@lru_cache(maxsize=4096)
def citations(text: str) -> tuple[Span, ...]:
    """Return the spans of `text` that cite another act: its adoption and its publication.

    >>> text = "Verordnung (EG) Nr. 1013/2006 vom 14. Juni 2006 (ABl. L 190 vom 12.7.2006, S. 1)"
    >>> [text[a:b] for a, b in citations(text)]
    ['Verordnung (EG) Nr. 1013/2006 vom 14. Juni 2006', 'ABl. L 190 vom 12.7.2006, S. 1']
    """
    spans = [m.span() for m in _ADOPTED_RE.finditer(text)]
    spans += [m.span() for m in _PUBLISHED_RE.finditer(text)]
    return tuple(sorted(spans))
