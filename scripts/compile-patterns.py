"""Rewrite planlens/compare/compiled-patterns.json: the regex programs of the flag rules.

    python scripts/compile-patterns.py [--check]

Run by `make patterns` after a pattern (`lexicon`, a rule's own pattern) or Python changes;
`tests/test_patterns.py` runs it with `--check`, which writes nothing and exits with 1 when a
pattern compiled on importing the comparison is missing from the file or stored with another
program than this Python's. See `planlens.compare.patterns`.

The patterns stored are those planlens compiles through `patterns.compile` when it imports the
comparison and compares, in the plans folder `plans/`, us-28 with framework-20 (issue 14's
start-up figure) and each plan with the versions it follows (the pairs of the site: their
parties make a pattern of their own); it runs in a process of its own, so that nothing else has
asked for a pattern. `--check` asks only for the patterns of the import: an edit of the plans'
parties costs the comparisons 1-2 ms until the file is rewritten, and fails no test.

The blocks of each `Blocks` (`blocks.made`) are compiled, so that theirs are stored too.

With them, for each pattern given a guard or a quick form (`guards.made`), what the guard reads
off it (`guards.read_off`: its needs and its quick form, whose program is stored too), so that
a large comparison parses none of them.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path

import planlens.compare
from planlens.compare import blocks, compare, guards
from planlens.compare import patterns as rx
from planlens.plan import load_plans
from planlens.write import write_text

ROOT = Path(__file__).resolve().parent.parent


def asked_patterns(
    compared: bool = True,
) -> tuple[list[tuple[str, int]], dict[tuple[str, int], rx.Reading]]:
    """Return the patterns planlens compiles on importing the comparison and, if `compared`,
    on the comparisons above (in a fresh process), with the quick forms of those behind a
    guard; and what a guard reads off each of those."""
    for module in pkgutil.iter_modules(planlens.compare.__path__, "planlens.compare."):
        importlib.import_module(module.name)
    if compared:
        plans = {plan.id: plan for plan in load_plans([ROOT / "plans"], closed=True)}
        pairs = [("us-28", "framework-20")]
        pairs += [(old, plan.id) for plan in plans.values() for old in plan.follows]
        for old, new in pairs:
            compare(plans[old], plans[new], corpus=tuple(plans.values()))
    for made in list(blocks.made.values()):
        assert made.blocks  # compiled on first use: here, so that their programs are stored
    readings = {key: guards.read_off(pattern) for key, pattern in sorted(guards.made.items())}
    quick = {(text, flags) for (_, flags), (_, text) in readings.items() if text is not None}
    return sorted(set(rx.asked.values()) | quick), readings


def main(argv: list[str]) -> int:
    if "--check" in argv:
        wanted = json.loads(rx.store_text(*asked_patterns(compared=False)))
        try:
            stored = json.loads(rx.STORE.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        missing = [
            key
            for section in ("patterns", "guards")
            for key, program in wanted.get(section, {}).items()
            if stored.get("engine") != wanted["engine"]
            or stored.get(section, {}).get(key) != program
        ]
        if missing:
            print(f"{rx.STORE}: {len(missing)} patterns out of date; run `make patterns`:")
            print("\n".join(f"  {key[:100]}" for key in missing))
            return 1
        print(f"{rx.STORE}: up to date")
        return 0
    text = rx.store_text(*asked_patterns())
    old = rx.STORE.read_text(encoding="utf-8") if rx.STORE.exists() else None
    if text == old:
        print(f"{rx.STORE}: up to date")
        return 0
    write_text(rx.STORE, text, force=True)
    print(f"{rx.STORE}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
