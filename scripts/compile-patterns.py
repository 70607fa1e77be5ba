"""Rewrite planlens/compare/compiled-patterns.json (and compiled-blocks.json): the flag rules' regex
programs.

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

The blocks of each `Blocks` (`blocks.made`) are compiled, and theirs go to a file of their own,
`compiled-blocks.json` (`patterns.BLOCKS_STORE`), which only a large comparison reads.

With them, for each pattern given a guard or a quick form (`guards.made`), what the guard reads
off it (`guards.read_off`: its needs and its quick form, whose program is stored too), so that
a large comparison parses none of them.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sys
from pathlib import Path

import planlens.compare
from planlens.compare import blocks, compare, guards
from planlens.compare import patterns as rx
from planlens.plan import load_plans
from planlens.write import write_text

ROOT = Path(__file__).resolve().parent.parent


Contents = tuple[list[tuple[str, int]], dict[tuple[str, int], rx.Reading]]


def asked_patterns(compared: bool = True) -> tuple[Contents, Contents]:
    """Return what the two stores hold: the patterns planlens compiles on importing the
    comparison and, if `compared`, on the comparisons above (in a fresh process), with the
    quick forms of those behind a guard, and what a guard reads off each of those; then the
    same for the blocks of every `Blocks` (`BLOCKS_STORE`), compiled here, and only for them."""
    for module in pkgutil.iter_modules(planlens.compare.__path__, "planlens.compare."):
        importlib.import_module(module.name)
    imported = set(rx.asked.values())
    if compared:
        plans = {plan.id: plan for plan in load_plans([ROOT / "plans"], closed=True)}
        pairs = [("us-28", "framework-20")]
        pairs += [(old, plan.id) for plan in plans.values() for old in plan.follows]
        for old, new in pairs:
            compare(plans[old], plans[new], corpus=tuple(plans.values()))
    apart = {
        (g.pattern.pattern, g.pattern.flags): g.pattern
        for each in list(blocks.made.values())
        for g in each.blocks  # compiled on first use: here, so that their programs are stored
    }
    # Their programs by the flags asked for (which lack `re.UNICODE`), and their quick forms.
    blocked = {pattern for pattern, _ in apart}
    patterns, readings = _contents({k for k in rx.asked.values() if k[0] in blocked}, apart)
    texts = {text for text, _ in patterns}
    main = _contents(
        {k for k in rx.asked.values() if k[0] not in texts or k in imported},
        {k: v for k, v in guards.made.items() if k not in apart},
    )
    return main, ([p for p in patterns if p not in set(main[0])], readings)


def _contents(
    asked: set[tuple[str, int]], made: dict[tuple[str, int], re.Pattern[str]]
) -> Contents:
    readings = {key: guards.read_off(pattern) for key, pattern in sorted(made.items())}
    quick = {(text, flags) for (_, flags), (_, text) in readings.items() if text is not None}
    return sorted(asked | quick), readings


def main(argv: list[str]) -> int:
    check = "--check" in argv
    code = 0
    for store, contents in zip(
        (rx.STORE, rx.BLOCKS_STORE), asked_patterns(compared=not check), strict=True
    ):
        text = rx.store_text(*contents)
        code = max(code, _checked(store, text) if check else _written(store, text))
    return code


def _checked(store: Path, text: str) -> int:
    wanted = json.loads(text)
    try:
        stored = json.loads(store.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = {}
    missing = [
        key
        for section in ("patterns", "guards")
        for key, program in wanted.get(section, {}).items()
        if stored.get("engine") != wanted["engine"] or stored.get(section, {}).get(key) != program
    ]
    if missing:
        print(f"{store}: {len(missing)} patterns out of date; run `make patterns`:")
        print("\n".join(f"  {key[:100]}" for key in missing))
        return 1
    print(f"{store}: up to date")
    return 0


def _written(store: Path, text: str) -> int:
    old = store.read_text(encoding="utf-8") if store.exists() else None
    if text == old:
        print(f"{store}: up to date")
        return 0
    write_text(store, text, force=True)
    print(f"{store}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
