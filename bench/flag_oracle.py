"""The same flags before and after a change meant only to make the flag rules faster.

    .venv/bin/python bench/flag_oracle.py inputs PAIRS.json
    .venv/bin/python bench/flag_oracle.py flags PAIRS.json FLAGS.txt [--against REFERENCE.txt]

`inputs` records the texts `substance_flags(old, new, language, parties)` is asked about, once,
before the change: every pair `compare` asks for on BGB, StGB and TKG 2004 -> 2021
(`common.load_law`) and on the plan pairs of `bench/gold/` and its held-out folders, every
labelled pair of `bench/flags/`, each of them reversed, and two random one-word edits of the
new text of each (a word inserted, dropped or replaced by one the rules read: "nicht", "nur",
"30 Tage", "unless"...; seeded, so the same file every time). About 4,800 pairs, 10 MB: keep
the file outside the project. The pairs are recorded, not drawn again for each run, so that a
change of the alignment, which decides which pairs `compare` asks about, does not change them.

`flags` writes the flags of every recorded pair, one line of JSON each, in order; run it
before and after the change and compare the files (`--against` does: it prints the first
pairs whose flags differ and exits 1). The change is exact when they are byte-identical.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from common import load_law
from flag_accuracy import load_sources
from gold_pairs import GOLD, gold_files, load_pair

from planlens.compare.model import Flag

#: The law pairs whose changed clauses `compare` flags.
LAWS = (("bgb-2012", "bgb-2022"), ("stgb-2012", "stgb-2022"), ("tkg-2004", "tkg-2021"))
#: Words and phrases an edit puts in: negators, bounds, figures, dates, forces, parties.
EDITS = (
    "nicht", "nur", "kein", "zwei", "drei", "100", "Euro", "wenn", "muss", "darf", "not", "only",
    "if", "shall", "may", "two", "30 Tage", "1. Januar 2020", "Absatz 2", "§ 12", "höchstens",
    "alle", "die Bundesregierung", "der Gläubiger", "unless", "except", "within 10 days", "both",
)  # fmt: skip
SEED = 14

Pair = tuple[str, str, "str | None", tuple[str, ...]]


def recorded_pairs() -> list[Pair]:
    """Return the pairs `inputs` records, in a fixed order, each once."""
    import planlens.compare.diff as diff_module
    from planlens.compare import compare

    seen: dict[Pair, None] = {}
    asked = diff_module.substance_flags

    def record(
        old: str, new: str, language: str | None = None, parties: Sequence[str] = ()
    ) -> tuple[Flag, ...]:
        seen.setdefault((old, new, language, tuple(parties)), None)
        return asked(old, new, language, parties)

    diff_module.substance_flags = record
    try:
        for old, new in LAWS:
            compare(load_law(old), load_law(new))
        for folder in (GOLD, GOLD / "held-out", GOLD / "held-out-peace"):
            for path in gold_files(folder):
                pair = load_pair(path)
                compare(pair.old, pair.new)
    finally:
        diff_module.substance_flags = asked
    for source in load_sources():
        for p in source.pairs:
            seen.setdefault((p.old, p.new, source.language, tuple(source.parties)), None)
    rng = random.Random(SEED)
    for old, new, language, parties in list(seen):
        seen.setdefault((new, old, language, parties), None)
        for _ in range(2):
            seen.setdefault((old, _edited(new, rng), language, parties), None)
    return list(seen)


def _edited(text: str, rng: random.Random) -> str:
    """Return `text` with one word inserted, dropped or replaced (`EDITS`)."""
    words = text.split()
    if not words:
        return text
    at = rng.randrange(len(words) + 1)
    how = rng.randrange(3)
    if how == 0:
        words.insert(at, rng.choice(EDITS))
    elif how == 1 and at < len(words):
        del words[at]
    else:
        words[min(at, len(words) - 1)] = rng.choice(EDITS)
    return " ".join(words)


def flag_lines(pairs: list[list[object]]) -> list[str]:
    """Return the flags of each recorded pair as a line of JSON."""
    from planlens.compare.substance import substance_flags

    out = []
    for old, new, language, parties in pairs:
        assert isinstance(old, str) and isinstance(new, str) and isinstance(parties, list)
        found = substance_flags(old, new, language if isinstance(language, str) else None, parties)
        out.append(json.dumps([[f.type, f.old, f.new] for f in found], ensure_ascii=False))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)
    inputs = sub.add_parser("inputs", help="record the pairs (once, before the change)")
    inputs.add_argument("pairs", type=Path)
    flags = sub.add_parser("flags", help="write the flags of every recorded pair")
    flags.add_argument("pairs", type=Path)
    flags.add_argument("out", type=Path)
    flags.add_argument("--against", type=Path, help="flags written before the change")
    args = parser.parse_args(argv)
    if args.command == "inputs":
        pairs = recorded_pairs()
        args.pairs.write_text(json.dumps(pairs, ensure_ascii=False), encoding="utf-8")
        print(f"{len(pairs)} pairs -> {args.pairs}")
        return 0
    lines = flag_lines(json.loads(args.pairs.read_text(encoding="utf-8")))
    args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} pairs, {sum(line != '[]' for line in lines)} with flags -> {args.out}")
    if args.against is None:
        return 0
    before = args.against.read_text(encoding="utf-8").splitlines()
    differ = [i for i, (a, b) in enumerate(zip(before, lines, strict=False)) if a != b]
    if len(before) != len(lines):
        print(f"{len(before)} pairs before, {len(lines)} now")
    for i in differ[:5]:
        print(f"pair {i}: before {before[i]}\n{' ' * len(f'pair {i}: ')}now    {lines[i]}")
    print(f"{len(differ)} pairs differ" if differ else "the same flags for every pair")
    return 1 if differ or len(before) != len(lines) else 0


if __name__ == "__main__":
    sys.exit(main())
