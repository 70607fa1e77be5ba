"""Reports of many rows: past `MANY_ROWS`, a report's rows are laid out so that the browser can
skip those off screen (`content-visibility`, the rules of `templates/many.css`, which only such
a report carries), each keeping an estimated height until it is first shown (`row_lines`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from planlens.compare.model import Segment

#: Past this many rows, a report lays its rows out so that the browser can skip those off
#: screen (`ComparePage.many`): BGB's 2,569 rows took half a second to lay out again when the
#: "hide unchanged" filter was switched off.
MANY_ROWS = 2000
#: About how many characters a line of a clause's text holds on a desktop screen (a column of
#: 40% of 1,280 pixels).
LINE_CHARS = 60


class Sides(Protocol):
    """A row of a report: the old and the new text, as word-diff segments."""

    @property
    def old_segments(self) -> Sequence[Segment]: ...

    @property
    def new_segments(self) -> Sequence[Segment]: ...


def row_lines(row: Sides) -> int:
    """Return about how many lines the taller text of `row` takes on a desktop screen, as a
    power of two from 1 to 128: a row of a report of many keeps the height of that many lines
    (a class `z1` ... `z128`) until it is first shown.

    >>> from types import SimpleNamespace
    >>> def row(old: str, new: str) -> SimpleNamespace:
    ...     return SimpleNamespace(
    ...         old_segments=(Segment("delete", old),), new_segments=(Segment("insert", new),)
    ...     )
    >>> row_lines(row("a" * 50, "b" * 130)), row_lines(row("a\\nb", "")), row_lines(row("", ""))
    (4, 2, 1)
    """
    sides = [
        "".join(s.text for s in segments if s.op != hidden)
        for segments, hidden in ((row.old_segments, "insert"), (row.new_segments, "delete"))
    ]
    count = max(
        sum(-(-len(part) // LINE_CHARS) or 1 for part in text.split("\n")) for text in sides
    )
    return min(128, 1 << max(0, round(math.log2(count))))
