"""The ninth held-out set of the substance-flag benchmark: the alignment set's licence pairs.

    .venv/bin/python bench/flag_accuracy_candidates.py --held-out-9   # writes missing files only

Writes `bench/flags/OLD--NEW.held-out-9.yaml` (split `held-out-9`, every kind labelled) through
`flag_accuracy_candidates.write`, with both texts frozen and `flags: {}` to be filled in by
reading. Made on 2026-11-27 (branch heldout9 from main 381988e, after branch flagfix9 had
corrected seven classes on held-out-8's errors), to ask whether those corrections carry over
to licence text nobody tuned the rules on.

The source: the sixteen SPDX licence pairs of `bench/gold/held-out-licences/` (the alignment's
held-out licences, `freeze.SPDX_PAIRS` 0-7 and `SPDX_PAIRS_2` 0-7, frozen as plans in
`bench/gold/plans/`), `HELD_OUT_9_PAIRS`; never used for flags before. The links are the GOLD
links, labelled by reading (not the engine's): the alignment's truth, so that an aligner's
error cannot put a pair in the set or keep one out.

The rule, fixed from the counts alone (numbers of links and their lengths, printed by the
draw before any text was read; the rules' flags were not looked at):

1. every gold link of kind `same` or `moved` (exactly one old clause, one new clause), both
   with text, whose two texts differ once whitespace is folded; no pair that a file of
   `bench/flags/` has already;
2. of each licence pair, at most `HELD_OUT_9_PER_PAIR` such links: those with the smallest
   SHA-256 of `OLD--NEW:OLD_ID->NEW_ID` (`_rank` of `flag_held_out_8`), which depends on no
   text, kept in the new plan's order.

The counts before the cap (printed by the draw: links and the longer text's length only), 176
links: afl-2.0 4, cecill-1.1 31, cecill-2.0 14, gpl-2.0 15, lgpl-2.0 6, lppl-1.1 2, lppl-1.3a 2,
mpl-1.0 28, nlod 7, ogl-uk-1.0 17, ogl-uk-2.0 14, oldap 2, osl-1.0 8, osl-2.1 13, sgi-b 11, shl 2;
the longer text runs from 12 to 5885 characters, no length limit was set. A cap of 2 a pair
gives 32 pairs (every pair has at least 2), within the 30-40 aimed at (a cap of 1 gives 16, of
3 gives 44). All 32 were labelled.
"""

from __future__ import annotations

from pathlib import Path

from flag_accuracy_candidates import Candidate, _norm, _not_drawn
from flag_held_out_8 import Files, capped
from gold_pairs import GOLD, load_pair

from planlens.plan.model import Plan

#: The folder of the gold links the set is drawn from.
HELD_OUT_9_GOLD = GOLD / "held-out-licences"
#: The licence pairs of the set, as `OLD--NEW` names of `HELD_OUT_9_GOLD`'s files.
HELD_OUT_9_PAIRS = tuple(sorted(p.stem for p in HELD_OUT_9_GOLD.glob("*--*.yaml")))
#: At most this many links of each licence pair (fixed from the counts, see above).
HELD_OUT_9_PER_PAIR = 2
#: The gold link kinds that join one old clause to one new clause.
ONE_TO_ONE = ("same", "moved")


def gold_candidates(path: Path) -> tuple[Plan, Plan, list[Candidate]]:
    """Return a gold file's two plans and its one-to-one links whose texts differ, in the new
    plan's order."""
    pair = load_pair(path)
    old_by_id = {c.id: c for c in pair.old.walk()}
    new_order = {c.id: i for i, c in enumerate(pair.new.walk())}
    new_by_id = {c.id: c for c in pair.new.walk()}
    found: list[Candidate] = []
    for (old_id, new_id), kind in pair.kinds.items():
        if kind not in ONE_TO_ONE or old_id not in old_by_id or new_id not in new_by_id:
            continue
        a, b = old_by_id[old_id], new_by_id[new_id]
        if a.text and b.text and _norm(a.text) != _norm(b.text):
            found.append(((a.id,), (b.id,), a.text, b.text))
    found.sort(key=lambda c: new_order[c[1][0]])
    return pair.old, pair.new, found


def held_out_9_files(besides: str | None = None, *, report: bool = True) -> Files:
    """Return the files of the ninth held-out set (see the module docstring); no pair drawn
    before by a split but `besides` (`besides="held-out-9"` redoes the draw as it was made).
    `report` prints the counts (of links and lengths only) before the cap."""
    files: Files = []
    for name in HELD_OUT_9_PAIRS:
        old, new, every = gold_candidates(HELD_OUT_9_GOLD / f"{name}.yaml")
        found = _not_drawn(old, new, every, besides)
        kept = capped(name, found, HELD_OUT_9_PER_PAIR)
        if report:
            lengths = [max(len(c[2]), len(c[3])) for c in found]
            span = f", longer text {min(lengths)}-{max(lengths)} chars" if lengths else ""
            print(f"{name}: {len(found)} one-to-one changed gold links{span}, {len(kept)} kept")
        how = (
            f"every gold link (bench/gold/held-out-licences/{name}.yaml) of kind same or moved"
            " whose texts differ; no pair that a file of bench/flags/ has already; of those, at"
            f" most {HELD_OUT_9_PER_PAIR}: the smallest SHA-256 of 'OLD--NEW:OLD_ID->NEW_ID'"
            " (bench/flag_held_out_9.py)"
        )
        files.append((name, old, new, how, kept))
    return files
