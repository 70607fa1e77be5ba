"""Where a clause left unlinked may have gone: a hint for the reader, never a link.

The aligner links a pair only when it is sure of it (its links are right about 97 times in 100),
and so leaves some true counterparts unlinked: the clause shows as removed, its counterpart as
added. Most of those are pairs the learned pass (`learned`) judged and found not likely enough
to link. `counterparts` gives, for each clause left unlinked after every pass, the pair the
model finds likeliest among those that could still be linked (`addable`), when it finds
it at least `PERHAPS_MIN` likely: "perhaps now 4.a?", for a reader to check. It changes no link.

`PERHAPS_MIN` was chosen on the labelled development pairs (bench/gold, bench/gold/redrafts),
before the held-out sets were measured: there, hints at 0.2 or more were right 0.52 and 0.71
of the time (real pairs, redrafts), at 0.3 0.63 and 0.75, at 0.4 0.60 and 0.78 with a third
fewer of them; `bench/perhaps.py` measures them, on the held-out sets too (bench/RESULTS.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planlens.compare.learned import Candidate, addable, probability, tie_key
from planlens.compare.units import LinkState, Unit

#: A hint is given when the model finds the pair at least this likely.
PERHAPS_MIN = 0.3


@dataclass(frozen=True, slots=True)
class Hints:
    """The likeliest counterpart of each unlinked clause: (index on the other side,
    probability), by the unlinked clause's index, for each side."""

    old: dict[int, tuple[int, float]]
    new: dict[int, tuple[int, float]]


def counterparts(
    old: Sequence[Unit], new: Sequence[Unit], judged: Sequence[Candidate], state: LinkState
) -> Hints:
    """Return the likeliest counterpart of each clause `state` leaves unlinked, if likely enough.

    `judged` are the pairs the learned pass judged (`learned.learned_links` with a gate of
    `PERHAPS_MIN`), with their features as it judged them; a pair is a hint if it still could
    be linked (`learned.addable`) once the pass has linked what it accepts. Symmetric:
    comparing the other way gives the same hints, sides swapped.
    """
    hints = Hints({}, {})
    scored = sorted(
        ((probability(c.features), c) for c in judged),
        key=lambda t: (-t[0], *tie_key(old, new, t[1].old, t[1].new), t[1].old, t[1].new),
    )
    for p, c in scored:
        if p < PERHAPS_MIN:
            break
        if not addable(state, c.old, c.new):
            continue
        if state.old_link[c.old] is None and c.old not in hints.old:
            hints.old[c.old] = (c.new, p)
        if state.new_link[c.new] is None and c.new not in hints.new:
            hints.new[c.new] = (c.old, p)
    return hints
