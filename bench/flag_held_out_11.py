"""The eleventh held-out set of the substance-flag benchmark: the fourth SPDX draw's short licences.

    .venv/bin/python bench/flag_accuracy_candidates.py --held-out-11  # writes missing files only
    .venv/bin/python bench/flag_held_out_11.py                         # the counts, no text

Writes `bench/flags/OLD--NEW.held-out-11.yaml` (split `held-out-11`, every kind labelled)
through `flag_accuracy_candidates.write`, with both texts frozen and `flags: {}` to be filled in
by reading. Made on 2026-11-28 (branch heldout11 from main f75c91f), so that the rules are
measured once more on licence text nobody has labelled, now that the third draw took every
pair of the longer licences.

The source: the 29 SPDX licence pairs of the fourth draw, `bench/gold/freeze.py`
`SPDX_PAIRS_4` (drawn by `bench/gold/spdx_draw.py --fourth`, whose rule was committed before it
was run: every consecutive pair of a family that no draw or set has used, no Creative Commons
and no AGPL, whose texts differ and that fails the third draw's bounds, a text under 4,000
characters or 8 clauses, with both texts at least 1,000 characters: the short licences),
frozen as plans in `bench/gold/plans/`, `HELD_OUT_11_PAIRS`. They have no gold alignment, so
the links are the engine's, as in held-out-8 and -10: `compare(old, new)`.

The rule, that of held-out-8 and -10 (`flag_held_out_8.linked_candidates` and `capped`), with
the cap fixed from the counts alone (numbers of links and their lengths, printed by this
module's `main` before any text was read; the engine's relations and flags were not looked at):

1. every change of `compare(old, new)` that links exactly one old clause to exactly one new
   clause, both with text, whose two texts differ once whitespace is folded (a split or merge
   is no pair); no pair that a file of `bench/flags/` has already (ids or texts);
2. of each licence pair, at most `HELD_OUT_11_PER_PAIR` such links: those with the smallest
   SHA-256 of `OLD--NEW:OLD_ID->NEW_ID` (`flag_held_out_8._rank`), kept in the new plan's
   order. The cap is the smallest that gives the set at least 35 pairs, fixed so that the set
   has 35-45 (the range asked for).

The counts before the cap (printed by `main`: links and the longer text's length only), 86
links: afl 2, oldap 2.5 1, zpl 2.0 6, ofl 6, oldap 2.0.1 1, oldap 2.0 2, oldap 2.1 5, aswf 2,
w3c 3, libpng 4, oldap 2.6 3, oldap 2.2.1 2, drl 1, oldap 2.4 3, oldap 2.3 3, oldap 2.2 3, php
3, ecl 2, oldap 2.2.2 1, zpl 1.1 3, unicode-dfs 3, oldap 1.4 2, sgi-b 4, bzip2 5, parity 3,
lppl 0, oldap 2.7 3, apache 4, cdla-permissive 6; the longer text runs from 32 to 2928
characters, no length limit was set. A cap of 1 a pair gives 28, short of 35; a cap of 2 is
the smallest that gives at least 35: 52 pairs, more than the 45 aimed at, kept whole (the rule
is the smallest cap reaching 35; no thinning rule was set beforehand, and these links are
short). The order of labelling was fixed before reading by `_rank` over all 52
(`flag_held_out_8.labelling_order`).
"""

from __future__ import annotations

from flag_held_out_8 import Files, engine_drawn_files, engine_found, print_counts

#: The SPDX licence pairs of the set, as plan ids of `bench/gold/plans/`: `freeze.SPDX_PAIRS_4`
#: (ids that clash with a document of ../shared/corpora end in `-spdx`).
HELD_OUT_11_PAIRS = (
    ("afl-1.1", "afl-1.2"),
    ("oldap-2.5", "oldap-2.6"),
    ("zpl-2.0", "zpl-2.1"),
    ("ofl-1.0", "ofl-1.1"),
    ("oldap-2.0.1", "oldap-2.1"),
    ("oldap-2.0", "oldap-2.0.1"),
    ("oldap-2.1", "oldap-2.2"),
    ("aswf-digital-assets-1.0", "aswf-digital-assets-1.1"),
    ("w3c-19980720", "w3c-20150513"),
    ("libpng-1.6.35", "libpng-2.0"),
    ("oldap-2.6", "oldap-2.7"),
    ("oldap-2.2.1", "oldap-2.2.2"),
    ("drl-1.0", "drl-1.1"),
    ("oldap-2.4", "oldap-2.5"),
    ("oldap-2.3", "oldap-2.4"),
    ("oldap-2.2", "oldap-2.2.1"),
    ("php-3.0", "php-3.01"),
    ("ecl-1.0", "ecl-2.0"),
    ("oldap-2.2.2", "oldap-2.3"),
    ("zpl-1.1", "zpl-2.0"),
    ("unicode-dfs-2015", "unicode-dfs-2016"),
    ("oldap-1.4", "oldap-2.0"),
    ("sgi-b-1.1", "sgi-b-2.0"),
    ("bzip2-1.0.5", "bzip2-1.0.6"),
    ("parity-6.0.0", "parity-7.0.0"),
    ("lppl-1.0", "lppl-1.1"),
    ("oldap-2.7", "oldap-2.8"),
    ("apache-1.0", "apache-1.1-spdx"),
    ("cdla-permissive-1.0", "cdla-permissive-2.0"),
)
#: The eligible links of each licence pair the draw found (printed by `main`, with the engine of
#: main f75c91f; in the order of `HELD_OUT_11_PAIRS`): the counts the cap was fixed from. A
#: later aligner may link more.
HELD_OUT_11_FOUND = (
    2,  # afl
    1,  # oldap 2.5
    6,  # zpl 2.0
    6,  # ofl
    1,  # oldap 2.0.1
    2,  # oldap 2.0
    5,  # oldap 2.1
    2,  # aswf
    3,  # w3c
    4,  # libpng
    3,  # oldap 2.6
    2,  # oldap 2.2.1
    1,  # drl
    3,  # oldap 2.4
    3,  # oldap 2.3
    3,  # oldap 2.2
    3,  # php
    2,  # ecl
    1,  # oldap 2.2.2
    3,  # zpl 1.1
    3,  # unicode-dfs
    2,  # oldap 1.4
    4,  # sgi-b
    5,  # bzip2
    3,  # parity
    0,  # lppl
    3,  # oldap 2.7
    4,  # apache
    6,  # cdla-permissive
)
#: At most this many links of each licence pair (fixed from the counts, see above).
HELD_OUT_11_PER_PAIR = 2
#: The number of pairs the set was to have.
HELD_OUT_11_AIM = (35, 45)


def held_out_11_found(besides: str | None = None) -> list[tuple[str, list[tuple[int, int]]]]:
    """Return, for each licence pair, its name and the eligible links' text lengths only."""
    return engine_found(HELD_OUT_11_PAIRS, besides)


def held_out_11_files(besides: str | None = None, *, report: bool = True) -> Files:
    """Return the files of the eleventh held-out set (see the module docstring); no pair drawn
    before by a split but `besides` (`besides="held-out-11"` redoes the draw as it was made).
    `report` prints the counts (of links and lengths only) before the cap."""
    return engine_drawn_files(
        HELD_OUT_11_PAIRS, HELD_OUT_11_PER_PAIR, "bench/flag_held_out_11.py", besides, report
    )


def main() -> int:
    """Print the counts the cap is fixed from: links and lengths per pair, the total per cap."""
    print_counts(held_out_11_found())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
