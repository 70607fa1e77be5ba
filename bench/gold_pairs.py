"""The labelled alignment pairs of `bench/gold/`: load them, and check that each is complete.

    .venv/bin/python bench/gold_pairs.py       # checks every pair; exit 1 on any problem
    .venv/bin/python bench/gold_pairs.py --dir bench/gold/held-out   # the pairs of another folder

A pair's truth accounts for every clause of both frozen plans (see `bench/gold/README.md`).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from planlens.plan.load import load_plan, load_plans
from planlens.plan.model import Plan

GOLD = Path(__file__).resolve().parent / "gold"
PLANS = GOLD / "plans"
#: Plans not frozen under bench/gold/plans are the project's own, in plans/, by id.
OUR_PLANS = GOLD.parents[1] / "plans"
KINDS = ("same", "split", "merge", "moved")


@dataclass(frozen=True)
class GoldPair:
    name: str
    old: Plan
    new: Plan
    links: frozenset[tuple[str, str]]
    kinds: dict[tuple[str, str], str]
    removed: frozenset[str]
    added: frozenset[str]
    #: The file the truth is in (its folder says which set it belongs to).
    path: Path = Path()


def gold_files(folder: Path = GOLD) -> list[Path]:
    return sorted(p for p in folder.glob("*--*.yaml"))


def plan_by_id(plan_id: str) -> Plan:
    """Return a frozen plan of bench/gold/plans, or else the plan of that id in plans/."""
    frozen = PLANS / f"{plan_id}.yaml"
    if frozen.is_file():
        return load_plan(frozen)
    return {p.id: p for p in load_plans([OUR_PLANS], closed=True)}[plan_id]


def load_pair(path: Path) -> GoldPair:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    old = plan_by_id(str(data["old"]))
    new = plan_by_id(str(data["new"]))
    links = {
        (str(item["old"]), str(item["new"])): str(item.get("kind", "same"))
        for item in data.get("links") or ()
    }
    return GoldPair(
        name=path.stem,
        old=old,
        new=new,
        links=frozenset(links),
        kinds=links,
        removed=frozenset(str(item["old"]) for item in data.get("removed") or ()),
        added=frozenset(str(item["new"]) for item in data.get("added") or ()),
        path=path,
    )


def problems(path: Path) -> list[str]:
    """Return what is wrong with one gold file, one line each."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for key in ("old", "new", "labelled", "links"):
        if key not in data:
            out.append(f"{path.name}: no '{key}'")
    if out:
        return out
    if path.stem != f"{data['old']}--{data['new']}":
        out.append(f"{path.name}: name should be {data['old']}--{data['new']}.yaml")
    pair = load_pair(path)
    old_ids = {c.id for c in pair.old.walk()}
    new_ids = {c.id for c in pair.new.walk()}
    for item in data.get("links") or ():
        where = f"{path.name}: link {item.get('old')} -> {item.get('new')}"
        if str(item.get("old")) not in old_ids:
            out.append(f"{where}: no old clause {item.get('old')!r}")
        if str(item.get("new")) not in new_ids:
            out.append(f"{where}: no new clause {item.get('new')!r}")
        if item.get("kind", "same") not in KINDS:
            out.append(f"{where}: kind must be one of {', '.join(KINDS)}")
        if not str(item.get("evidence") or "").strip():
            out.append(f"{where}: no evidence")
    for side, items, ids in (("removed", "old", old_ids), ("added", "new", new_ids)):
        for item in data.get(side) or ():
            if str(item.get(items)) not in ids:
                out.append(f"{path.name}: {side} {item.get(items)!r} is no {items} clause")
            if not str(item.get("evidence") or "").strip():
                out.append(f"{path.name}: {side} {item.get(items)!r}: no evidence")
    linked_old = {o for o, _ in pair.links}
    linked_new = {n for _, n in pair.links}
    for cid in sorted(old_ids - linked_old - pair.removed):
        out.append(f"{path.name}: old clause {cid} is neither linked nor removed")
    for cid in sorted(new_ids - linked_new - pair.added):
        out.append(f"{path.name}: new clause {cid} is neither linked nor added")
    for cid in sorted(linked_old & pair.removed):
        out.append(f"{path.name}: old clause {cid} is both linked and removed")
    for cid in sorted(linked_new & pair.added):
        out.append(f"{path.name}: new clause {cid} is both linked and added")
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Check the labelled alignment pairs.")
    parser.add_argument(
        "--dir", type=Path, default=GOLD, help="folder of OLD--NEW.yaml pairs (default bench/gold)"
    )
    folder = parser.parse_args(argv).dir
    files = gold_files(folder)
    found = [line for path in files for line in problems(path)]
    for line in found:
        print(line)
    pairs = [load_pair(p) for p in files]
    links = sum(len(p.links) for p in pairs)
    print(f"{len(pairs)} pairs, {links} links: " + (f"{len(found)} problems" if found else "ok"))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
