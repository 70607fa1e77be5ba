"""Further requirements of a proviso, for the `condition` flag of `conditions`.

"provided that you include ..., unmodified, and list them ..., and that you preserve all their
Warranty Disclaimers": the proviso's "that" repeated after a comma opens a requirement of its
own, which `conditions` reads as a condition beside the first, so that one added or dropped is
a change of the proviso (branch flagfix11, held-out-10). "You agree that ..., and that ..."
states; it conditions nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import planlens.compare.patterns as rx

#: A further requirement of a proviso, its "that" repeated after a comma: "provided that you
#: include ... all of the Invariant Sections ..., unmodified, and list them ..., and that you
#: preserve all their Warranty Disclaimers", "vorausgesetzt, dass ..., und dass ...".
_FURTHER_RE = rx.compile(
    r",\s+(?P<marker>(?:and|or|und|oder)\s+(?:that|dass))\s+(?=\w)", re.IGNORECASE
)
#: The markers of a proviso, whose "that" / "dass" a further requirement repeats.
_PROVISO_RE = rx.compile(
    r"(?:provided|on (?:the )?condition|vorausgesetzt|unter der Voraussetzung),?\s+"
    r"(?:that|dass)\b",
    re.IGNORECASE,
)
_SENTENCE_END_RE = rx.compile(r"[.;:](?!\d)")


def further_requirements(
    text: str,
    markers: Sequence[tuple[int, int, int]],
    clause_end: Callable[[str, int], int],
) -> list[tuple[int, int, int]]:
    """Return each further requirement of a proviso (`_FURTHER_RE`) as a condition of its own
    (start, end of its marker, end of its clause by `clause_end`): where the proviso's clause
    ends at a comma before it, the requirement added or dropped after that comma is a change of
    the proviso, which its first clause alone would not show. Only after a proviso of the same
    sentence (`markers`, the conditions found: `_PROVISO_RE` among them)."""
    if "that" not in text and "dass" not in text:
        return []
    found = []
    for m in _FURTHER_RE.finditer(text):
        opened = [
            start
            for start, _, _ in markers
            if start < m.start()
            and _PROVISO_RE.match(text, start)
            and not _SENTENCE_END_RE.search(text, start, m.start())
        ]
        if opened:
            found.append((m.start("marker"), m.end("marker"), clause_end(text, m.end())))
    return found
