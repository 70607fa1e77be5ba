"""difflib's `SequenceMatcher`, with a faster search for the longest match and the same results.

Everything planlens matches (words for the similarity ratio, tokens for the redline) goes
through difflib's algorithm: find the longest block the two sequences share, then do the same
left and right of it. difflib finds each longest block by visiting every pair of equal elements
in the range, for every range of that recursion; on long legal texts, whose commonest words
("der", "the", ",") occur hundreds of times, those visits are most of the time a comparison
takes.

`Matcher` finds the same block while visiting few of them: a block of at least `step` elements
covers one of every `step` positions of the old side, so looking only at those positions (and
extending each equal pair found to its whole diagonal run) finds every block that long. When the
longest run found is at least `step`, it is difflib's answer, with difflib's tie-break (earliest
in the first sequence, then in the second); when it is shorter, the search repeats with the run
found as the step, which is then certain to succeed, or with a smaller step. Small ranges go to
difflib's own search. The blocks, and so the ratios and opcodes, are difflib's exactly; the tests
check this on random sequences with many repeats.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import Match, SequenceMatcher
from typing import Any

#: Ranges with fewer elements than this on the old side go to difflib's own search.
SMALL_RANGE = 24
#: The first step tried: this share of the shorter side of the range.
FIRST_STEP_SHARE = 4


class Matcher(SequenceMatcher[Any]):
    """A `SequenceMatcher` without junk heuristics (`autojunk=False`) and a faster search.

    >>> Matcher(list("abxcd"), list("abcd")).get_matching_blocks()
    [Match(a=0, b=0, size=2), Match(a=3, b=2, size=2), Match(a=5, b=4, size=0)]
    """

    # What difflib sets (and typeshed does not declare): the sequences, and b's index.
    a: Sequence[Any]
    b: Sequence[Any]
    b2j: dict[Any, list[int]]
    bjunk: set[Any]
    bpopular: set[Any]

    def __init__(self, a: Sequence[Any] = (), b: Sequence[Any] = ()) -> None:
        super().__init__(None, a, b, autojunk=False)

    def find_longest_match(
        self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None
    ) -> Match:
        """Return difflib's longest matching block in a[alo:ahi] and b[blo:bhi]."""
        if ahi is None:
            ahi = len(self.a)
        if bhi is None:
            bhi = len(self.b)
        if ahi - alo < SMALL_RANGE or bhi - blo < 2 or self.bjunk or self.bpopular:
            return super().find_longest_match(alo, ahi, blo, bhi)
        step = max(2, min(ahi - alo, bhi - blo) // FIRST_STEP_SHARE)
        while True:
            i, j, size = self._sampled(alo, ahi, blo, bhi, step)
            if size >= step:
                return Match(i, j, size)  # every block of `step` or more was seen
            if size >= 2:
                # No block reaches `step`; every block as long as the one found will be seen.
                step = size
            elif step > 8:
                step //= 4
            else:
                return super().find_longest_match(alo, ahi, blo, bhi)

    def _sampled(self, alo: int, ahi: int, blo: int, bhi: int, step: int) -> tuple[int, int, int]:
        """Return the longest run through a[i] for i = alo + step - 1, alo + 2·step - 1, ...

        Each equal pair found there is extended both ways to its whole run inside the range;
        of the longest runs, the earliest in a, then in b, as difflib chooses.
        """
        a, b, b2j = self.a, self.b, self.b2j
        best_i, best_j, best_size = alo, blo, 0
        # Per diagonal (j - i), where the last run found on it ends in a: later positions
        # inside that run belong to it.
        ends: dict[int, int] = {}
        for i in range(alo + step - 1, ahi, step):
            for j in b2j.get(a[i], ()):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                if ends.get(j - i, -1) > i:
                    continue
                start_i, start_j = i, j
                while start_i > alo and start_j > blo and a[start_i - 1] == b[start_j - 1]:
                    start_i -= 1
                    start_j -= 1
                end_i, end_j = i + 1, j + 1
                while end_i < ahi and end_j < bhi and a[end_i] == b[end_j]:
                    end_i += 1
                    end_j += 1
                ends[j - i] = end_i
                size = end_i - start_i
                if size > best_size or (
                    size == best_size and (start_i, start_j) < (best_i, best_j)
                ):
                    best_i, best_j, best_size = start_i, start_j, size
        return best_i, best_j, best_size
