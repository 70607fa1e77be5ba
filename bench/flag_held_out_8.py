"""The eighth held-out set of the substance-flag benchmark: SPDX licence pairs nobody has read.

    .venv/bin/python bench/flag_accuracy_candidates.py --held-out-8   # writes missing files only

Writes `bench/flags/OLD--NEW.held-out-8.yaml` (split `held-out-8`, every kind labelled) through
`flag_accuracy_candidates.write`, with both texts frozen and `flags: {}` to be filled in by
reading. Made on 2026-11-27 (branch heldout8 from main dadd56f, the rules of f7e2918), when the
labelled sets had used up the German laws and the peace plans, so that the rules are measured
on English licence text nobody tuned them on.

The source: the SPDX licence version pairs 8-21 of `bench/gold/freeze.py` `SPDX_PAIRS` (frozen
as plans in `bench/gold/plans/`, drawn by `bench/gold/spdx_draw.py`; pairs 0-7 are kept for an
alignment set and not used here), `HELD_OUT_8_PAIRS`. No gold alignment exists for them, so the
links are the engine's: `compare(old, new)`, as `bill_candidates` took the bills' sections.

The rule, fixed from the counts alone (numbers of links and their lengths, printed by the
draw before any text was read; the engine's relations and flags were not looked at):

1. every change of `compare(old, new)` (its tree walked) that links exactly one old clause to
   exactly one new clause, both with text, whose two texts differ once whitespace is folded
   (the licence rule of the earlier sets: one-to-one links only; a split or merge is no pair);
   no pair that a file of `bench/flags/` has already;
2. of each licence pair, at most `HELD_OUT_8_PER_PAIR` such links: those with the smallest
   SHA-256 of `OLD--NEW:OLD_ID->NEW_ID` (`_rank`), which depends on no text, kept in the new
   plan's order.

The counts before the cap: 147 one-to-one changed links (and 7 splits or merges, not taken):
lpl 6, rpl 4, afl 16, npl 31, ypl 2, apsl 15, bittorrent 15, mulanpsl 6, zimbra 13,
copyleft-next 7, lal 5, cern-ohl 14, cddl 5, python 8. A cap of 3 a pair gives 41 pairs (ypl
has only 2), within the 30-45 aimed at (a cap of 2 gives 28, of 4 gives 54). The longer text of
the links runs from 32 to 3142 characters; no length limit was set. The order of labelling was
fixed before reading too: by `_rank` over all 41, smallest first, so that had time run short
the set would have been the first N in that order (`bench/flags/README.md` says how many were
labelled).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence

from flag_accuracy_candidates import Candidate, _norm, _not_drawn
from gold_pairs import plan_by_id

from planlens.compare import compare
from planlens.plan.model import Plan

#: The SPDX licence pairs of the set, as plan ids of `bench/gold/plans/`: `freeze.SPDX_PAIRS`
#: 8-21 (0-7 are the alignment set's).
HELD_OUT_8_PAIRS = (
    ("lpl-1.0", "lpl-1.02"),
    ("rpl-1.1", "rpl-1.5"),
    ("afl-2.1", "afl-3.0"),
    ("npl-1.0", "npl-1.1"),
    ("ypl-1.0", "ypl-1.1"),
    ("apsl-1.2", "apsl-2.0"),
    ("bittorrent-1.0", "bittorrent-1.1"),
    ("mulanpsl-1.0", "mulanpsl-2.0"),
    ("zimbra-1.3", "zimbra-1.4"),
    ("copyleft-next-0.3.0", "copyleft-next-0.3.1"),
    ("lal-1.2", "lal-1.3"),
    ("cern-ohl-1.1", "cern-ohl-1.2"),
    ("cddl-1.0", "cddl-1.1"),
    ("python-2.0", "python-2.0.1"),
)
#: At most this many links of each licence pair (fixed from the counts, see above).
HELD_OUT_8_PER_PAIR = 3

Files = list[tuple[str, Plan, Plan, str, list[Candidate]]]


def linked_candidates(old: Plan, new: Plan) -> Iterator[Candidate]:
    """Yield the one-to-one links of `compare(old, new)` whose texts differ, in its order."""
    old_by_id = {c.id: c for c in old.walk()}
    new_by_id = {c.id: c for c in new.walk()}
    for change in compare(old, new).walk():
        if len(change.old) != 1 or len(change.new) != 1:
            continue
        a, b = old_by_id[change.old[0]], new_by_id[change.new[0]]
        if a.text and b.text and _norm(a.text) != _norm(b.text):
            yield (a.id,), (b.id,), a.text, b.text


def capped(name: str, found: list[Candidate], per_pair: int) -> list[Candidate]:
    """Return the `per_pair` candidates of `found` with the smallest `_rank`, in their order."""
    ranked = sorted(range(len(found)), key=lambda i: _rank(name, found[i]))
    chosen = set(ranked[:per_pair])
    return [c for i, c in enumerate(found) if i in chosen]


def _rank(name: str, candidate: Candidate) -> str:
    """The key of the cap and of the order of labelling: a hash of the pair's ids, no text."""
    old_ids, new_ids = candidate[0], candidate[1]
    key = f"{name}:{'+'.join(old_ids)}->{'+'.join(new_ids)}"
    return hashlib.sha256(key.encode()).hexdigest()


def held_out_8_files(besides: str | None = None, *, report: bool = True) -> Files:
    """Return the files of the eighth held-out set (see the module docstring); no pair drawn
    before by a split but `besides` (`besides="held-out-8"` redoes the draw as it was made).
    `report` prints the counts (of links and lengths only) before the cap."""
    return engine_drawn_files(
        HELD_OUT_8_PAIRS, HELD_OUT_8_PER_PAIR, "bench/flag_held_out_8.py", besides, report
    )


def engine_drawn_files(
    pairs: Sequence[tuple[str, str]],
    per_pair: int,
    script: str,
    besides: str | None,
    report: bool,
) -> Files:
    """Return the files of a set drawn from the engine's links of `pairs` (frozen plan ids):
    each pair's one-to-one changed links no split but `besides` drew, at most `per_pair` of
    them by `capped`; `script` is named in each file as the draw's rule."""
    files: Files = []
    for old_id, new_id in pairs:
        old, new = plan_by_id(old_id), plan_by_id(new_id)
        name = f"{old_id}--{new_id}"
        found = _not_drawn(old, new, list(linked_candidates(old, new)), besides)
        kept = capped(name, found, per_pair)
        if report:
            print(f"{name}: {len(found)} one-to-one changed links, {len(kept)} kept")
        how = (
            f"every link of compare({old_id}, {new_id}) (bench/gold/plans/) of one old clause to"
            " one new clause whose texts differ; no pair that a file of bench/flags/ has"
            f" already; of those, at most {per_pair}: the smallest SHA-256 of"
            f" 'OLD--NEW:OLD_ID->NEW_ID' ({script})"
        )
        files.append((name, old, new, how, kept))
    return files


def engine_found(
    pairs: Sequence[tuple[str, str]], besides: str | None = None
) -> list[tuple[str, list[tuple[int, int]]]]:
    """Return, for each pair of `pairs` (frozen plan ids), its name and the lengths only of the
    links `engine_drawn_files` could draw (no text): what a cap is fixed from."""
    out = []
    for old_id, new_id in pairs:
        old, new = plan_by_id(old_id), plan_by_id(new_id)
        found = _not_drawn(old, new, list(linked_candidates(old, new)), besides)
        out.append((f"{old_id}--{new_id}", [(len(c[2]), len(c[3])) for c in found]))
    return out


def print_counts(found: Sequence[tuple[str, list[tuple[int, int]]]]) -> None:
    """Print the counts a cap is fixed from (`engine_found`): links and the longer texts'
    lengths per pair, then the set's size under each cap."""
    for name, lengths in found:
        longer = [max(pair) for pair in lengths]
        span = f", longer text {min(longer)}-{max(longer)} chars" if longer else ""
        print(f"{name}: {len(lengths)} one-to-one changed links{span}")
    print(f"in all {sum(len(lengths) for _, lengths in found)}")
    for cap in range(1, max(len(lengths) for _, lengths in found) + 1):
        print(f"cap {cap}: {sum(min(cap, len(lengths)) for _, lengths in found)} pairs")


def labelling_order(files: Files) -> list[tuple[str, Candidate]]:
    """Return every pair of the set in the order fixed for labelling (`_rank`, smallest first)."""
    pairs = [(name, c) for name, _, _, _, found in files for c in found]
    return sorted(pairs, key=lambda nc: _rank(*nc))
