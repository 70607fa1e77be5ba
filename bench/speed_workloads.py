"""What the speed benchmark times: the pairs of documents, and the scale sweep's made-up pairs.

Each `Workload` is two files and how planlens reads them. `plan_workloads` and
`corpus_workloads` return the real pairs; `sweep_workloads` writes the sweep's texts (sections
of BGB and StGB sampled evenly, see `bench/speed.py`) and returns one workload per size.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from common import BILLS, COMMON_LICENSES, LAWS, PLANS_DIR, load_law, plan_markdown

from planlens.plan.model import Clause, Plan

#: HtmlDiff on the sweep's sampled texts is far slower than on whole laws (every other line
#: changed makes huge replace blocks); a shorter limit keeps the whole run near 10 minutes.
SWEEP_HTMLDIFF_TIMEOUT = 60.0
SWEEP_SIZES = (250, 500, 1000, 2000, 5000)
QUICK_SWEEP_MAX = 1000
#: The laws of the sweep, old and new version, and how many consecutive old sections are
#: sampled together (1: single sections spread evenly give the most even share of changes).
SWEEP_LAWS = (("bgb-2012", "bgb-2022"), ("stgb-2012", "stgb-2022"))
SWEEP_BLOCK = 1


@dataclass(frozen=True, slots=True)
class Workload:
    """Two files to compare, and how planlens reads them (`yaml`, `text` or `uslm`)."""

    name: str
    kind: str
    old: Path
    new: Path
    #: For a sweep point, the sections it was asked for.
    sections: int | None = None


def plan_workloads() -> list[Workload]:
    """Return one workload per `follows` pair of the shipped plans."""
    from planlens.plan.load import find_plan_files, load_plan

    paths = {load_plan(path).id: path for path in find_plan_files([PLANS_DIR])}
    out = []
    for plan_id, path in sorted(paths.items()):
        for earlier in load_plan(path).follows:
            if earlier in paths:
                out.append(Workload(f"plans: {earlier} -> {plan_id}", "yaml", paths[earlier], path))
    return out


def corpus_workloads(quick: bool) -> list[Workload]:
    """Return the real document pairs: GPL, US bills and the German laws (BGB unless quick)."""
    out = []
    gpl2, gpl3 = COMMON_LICENSES / "GPL-2", COMMON_LICENSES / "GPL-3"
    if gpl2.exists() and gpl3.exists():
        out.append(Workload("GPL-2 -> GPL-3", "text", gpl2, gpl3))
    out.append(
        Workload("H.J.Res. 37 RH -> RFS", "uslm", BILLS / "HJ37_RH.XML", BILLS / "HJ37_RFS.XML")
    )
    out.append(
        Workload("H.R. 264 PCS -> EH", "uslm", BILLS / "H264_PCS.XML", BILLS / "h264_eh.XML")
    )
    out.append(
        Workload(
            "StGB 2012 -> 2022", "text", LAWS / "stgb-2012-07-02.md", LAWS / "stgb-2022-03-03.md"
        )
    )
    out.append(Workload("TKG 2004 -> 2021", "text", LAWS / "tkg-2004.md", LAWS / "tkg-2021.md"))
    if not quick:
        out.append(
            Workload(
                "BGB 2012 -> 2022", "text", LAWS / "bgb-2012-07-02.md", LAWS / "bgb-2022-03-03.md"
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class _Block:
    """Consecutive sections of one law, old version and the matching new sections."""

    old: tuple[Clause, ...]
    new: tuple[Clause, ...]
    law: int
    position: int


def law_blocks(old: Plan, new: Plan, law: int, size: int = SWEEP_BLOCK) -> list[_Block]:
    """Cut two versions of a law into blocks of `size` old sections and their new sections.

    A block's new sections are those between the new positions of its first § and the first §
    of the next block (found by § number; a § missing from the new version is placed after
    the last § before it that is there). The blocks cover both versions, each section once.
    """
    new_index = {_key(c): j for j, c in enumerate(new.clauses)}
    anchors: list[tuple[int, int]] = []
    for i, clause in enumerate(old.clauses):
        j = new_index.get(_key(clause))
        if j is not None and (not anchors or j > anchors[-1][1]):
            anchors.append((i, j))

    anchored = [a for a, _ in anchors]

    def new_boundary(i: int) -> int:
        k = bisect.bisect_right(anchored, i) - 1
        if k < 0:
            return 0
        a, b = anchors[k]
        return min(b + (i - a), len(new.clauses))

    starts = [*range(0, len(old.clauses), size), len(old.clauses)]
    bounds = list(itertools.accumulate((new_boundary(i) for i in starts[:-1]), max))
    bounds.append(len(new.clauses))
    return [
        _Block(old.clauses[i:j], new.clauses[bounds[k] : bounds[k + 1]], law, k)
        for k, (i, j) in enumerate(itertools.pairwise(starts))
    ]


def _key(clause: Clause) -> str:
    return " ".join((clause.number or clause.id).split())


def sweep_workloads(sizes: Sequence[int], folder: Path) -> list[Workload]:
    """Write the scale sweep's texts into `folder` and return one workload per size.

    Every point is made of blocks of `SWEEP_BLOCK` consecutive sections of BGB and StGB (old
    2012, new 2022), spread evenly over both laws (a systematic sample), so that each point has
    about the corpus's share of changed sections; the blocks keep their order in the laws.
    Past the 2,941 distinct sections, every block is taken once and more blocks again as
    copies (`_copy`: every word spelled backwards, on both sides).
    """
    blocks: list[_Block] = []
    for law, (old_name, new_name) in enumerate(SWEEP_LAWS):
        blocks.extend(law_blocks(load_law(old_name), load_law(new_name), law))
    template = load_law(SWEEP_LAWS[0][0])
    out = []
    for size in sizes:
        wanted = math.ceil(size / SWEEP_BLOCK)
        copies, rest = divmod(wanted, len(blocks))
        # Every block `copies` times, and the rest spread evenly over both laws.
        chosen = [(copy, k) for copy in range(copies) for k in range(len(blocks))]
        chosen += [(copies, k) for k in spread(len(blocks), rest)]
        pair = []
        for side in ("old", "new"):
            clauses: list[Clause] = []
            for copy, k in chosen:
                part = getattr(blocks[k], side)
                clauses.extend(_copy(c) if copy else c for c in part)
            plan = dataclasses.replace(
                template, title=f"sweep {size} {side}", clauses=tuple(clauses)
            )
            path = folder / f"sweep-{size}-{side}.md"
            path.write_text(plan_markdown(plan), encoding="utf-8")
            pair.append(path)
        out.append(Workload(f"sweep {size}", "text", pair[0], pair[1], size))
    return out


def spread(total: int, k: int) -> list[int]:
    """Return `k` of the indices `0..total-1`, evenly spaced (a systematic sample).

    >>> spread(10, 3), spread(4, 4), spread(5, 0)
    ([1, 5, 8], [0, 1, 2, 3], [])
    """
    return [int((i + 0.5) * total / k) for i in range(k)]


def _copy(clause: Clause) -> Clause:
    """Return `clause` with every word of its text and title spelled backwards.

    Applied alike to both versions, a copy keeps the sizes and the edits of the original but
    shares almost no words with it, so the 5,000 point is not a test of near-duplicates.

    >>> _copy(Clause(id="1", text="Die Ehe wird auf Lebenszeit geschlossen.")).text
    'eiD ehE driw fua tiezsnebeL nessolhcseg.'
    """
    return dataclasses.replace(clause, text=_backwards(clause.text), title=_backwards(clause.title))


def _backwards(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\w+", lambda m: m.group()[::-1], text)
