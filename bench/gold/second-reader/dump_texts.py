"""Dump the two plans of each labelled pair as plain text for a blind reader: every clause with
its id, number, title and text, without pins, notes or reported removals.

    .venv/bin/python bench/gold/second-reader/dump_texts.py [OUT_DIR]   # from the project root

Writes OUT_DIR/OLD--NEW/old.txt and new.txt (OUT_DIR: `second-read`) for every pair of
`bench/gold/`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for gold_pairs

from gold_pairs import gold_files, plan_by_id

from planlens.plan.model import Clause


def walk(clauses: Sequence[Clause], depth: int, out: list[str]) -> None:
    """Append each clause of `clauses` and its sub-clauses, indented by depth."""
    for c in clauses:
        head = f"[{c.id}]" + (f" ({c.number})" if c.number and c.number != c.id else "")
        if c.title:
            head += f" TITLE: {c.title}"
        if c.status not in ("reported", "official", None):
            head += f" status={c.status}"
        out.append("    " * depth + head)
        for line in (c.text or "").strip().splitlines():
            out.append("    " * depth + "    " + line)
        walk(c.clauses, depth + 1, out)


def main(argv: Sequence[str]) -> int:
    root = Path(argv[0] if argv else "second-read")
    for path in gold_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        folder = root / path.stem
        folder.mkdir(parents=True, exist_ok=True)
        for side in ("old", "new"):
            plan = plan_by_id(str(data[side]))
            out = [f"PLAN {plan.id}: {plan.title} ({plan.date})", ""]
            walk(plan.clauses, 0, out)
            (folder / f"{side}.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
        print(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
