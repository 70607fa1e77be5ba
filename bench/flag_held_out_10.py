"""The tenth held-out set of the substance-flag benchmark: the third SPDX draw's licence pairs.

    .venv/bin/python bench/flag_accuracy_candidates.py --held-out-10  # writes missing files only
    .venv/bin/python bench/flag_held_out_10.py                         # the counts, no text

Writes `bench/flags/OLD--NEW.held-out-10.yaml` (split `held-out-10`, every kind labelled)
through `flag_accuracy_candidates.write`, with both texts frozen and `flags: {}` to be filled in
by reading. Made on 2026-11-27 (branch heldout10 from main 94a1ed0, after held-out-9 had been
measured), so that the rules are measured once more on licence text nobody has labelled.

The source: the eleven SPDX licence pairs of the third draw, `bench/gold/freeze.py`
`SPDX_PAIRS_3` (drawn by `bench/gold/spdx_draw.py --third`, whose rule was committed before it
was run: every consecutive pair of a family within the second draw's bounds that no alignment
or flag set has used; no Creative Commons variants, no AGPL), frozen as plans in
`bench/gold/plans/`, `HELD_OUT_10_PAIRS`. They have no gold alignment, so the links are the
engine's, as in held-out-8: `compare(old, new)`.

The rule, that of held-out-8 (`flag_held_out_8.linked_candidates` and `capped`), with the cap
fixed from the counts alone (numbers of links and their lengths, printed by this module's
`main` before any text was read; the engine's relations and flags were not looked at):

1. every change of `compare(old, new)` that links exactly one old clause to exactly one new
   clause, both with text, whose two texts differ once whitespace is folded (a split or merge
   is no pair); no pair that a file of `bench/flags/` has already (ids or texts);
2. of each licence pair, at most `HELD_OUT_10_PER_PAIR` such links: those with the smallest
   SHA-256 of `OLD--NEW:OLD_ID->NEW_ID` (`flag_held_out_8._rank`), kept in the new plan's
   order. The cap is the smallest that gives the set at least 35 pairs, fixed so that the set
   has 35-45 (the range asked for).

The counts before the cap (printed by `main`: links and the longer text's length only), 81
links: cecill 5, osl 1.1 8, oldap 1.2 2, apsl 1.1 22, osl 2.0 2, afl 3, gfdl 14, apsl 1.0 13,
eupl 8, oldap 1.1 1, lppl 3; the longer text runs from 11 to 5351 characters, no length limit
was set. A cap of 4 a pair is the smallest that gives at least 35: 35 pairs (a cap of 3 gives
29, of 5 gives 41). The order of labelling was fixed before reading by `_rank` over all 35
(`flag_held_out_8.labelling_order`).
"""

from __future__ import annotations

from flag_held_out_8 import Files, engine_drawn_files, engine_found, print_counts

#: The SPDX licence pairs of the set, as plan ids of `bench/gold/plans/`: `freeze.SPDX_PAIRS_3`
#: (ids that clash with a document of ../shared/corpora end in `-spdx`).
HELD_OUT_10_PAIRS = (
    ("cecill-1.0", "cecill-1.1"),
    ("osl-1.1", "osl-2.0"),
    ("oldap-1.2", "oldap-1.3"),
    ("apsl-1.1", "apsl-1.2"),
    ("osl-2.0", "osl-2.1"),
    ("afl-1.2", "afl-2.0"),
    ("gfdl-1.1", "gfdl-1.2-spdx"),
    ("apsl-1.0", "apsl-1.1"),
    ("eupl-1.0", "eupl-1.1-spdx"),
    ("oldap-1.1", "oldap-1.2"),
    ("lppl-1.2", "lppl-1.3a"),
)
#: The eligible links of each licence pair the draw found (printed by `main`, with the engine of
#: main 94a1ed0; in the order of `HELD_OUT_10_PAIRS`): the counts the cap was fixed from. A
#: later aligner may link more.
HELD_OUT_10_FOUND = (5, 8, 2, 22, 2, 3, 14, 13, 8, 1, 3)
#: At most this many links of each licence pair (fixed from the counts, see above).
HELD_OUT_10_PER_PAIR = 4
#: The number of pairs the set was to have.
HELD_OUT_10_AIM = (35, 45)


def held_out_10_found(besides: str | None = None) -> list[tuple[str, list[tuple[int, int]]]]:
    """Return, for each licence pair, its name and the eligible links' text lengths only."""
    return engine_found(HELD_OUT_10_PAIRS, besides)


def held_out_10_files(besides: str | None = None, *, report: bool = True) -> Files:
    """Return the files of the tenth held-out set (see the module docstring); no pair drawn
    before by a split but `besides` (`besides="held-out-10"` redoes the draw as it was made).
    `report` prints the counts (of links and lengths only) before the cap."""
    return engine_drawn_files(
        HELD_OUT_10_PAIRS, HELD_OUT_10_PER_PAIR, "bench/flag_held_out_10.py", besides, report
    )


def main() -> int:
    """Print the counts the cap is fixed from: links and lengths per pair, the total per cap."""
    print_counts(held_out_10_found())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
