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

`inputs` also records, beside PAIRS.json, the renumbering `compare` gave with each pair
(`planlens.compare.renumbering`: which clause became which), in PAIRS.renumbering.json: a
reversed pair has it reversed, an edited one the same, a labelled pair no comparison asked
about that of its source's plans (`flag_accuracy.renumbering_of`). `flags` passes it where
that file is there; PAIRS.json itself is as before, so that a tree whose rules take no
renumbering reads it as ever (`--list` then prints every pair whose flags differ).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

from common import load_law
from flag_accuracy import load_sources, renumbering_of
from gold_pairs import GOLD, gold_files, load_pair

from planlens.compare.model import Flag
from planlens.compare.renumbering import Renumbering

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


def recorded_pairs() -> tuple[list[Pair], list[Renumbering | None]]:
    """Return the pairs `inputs` records, in a fixed order, each once, and the renumbering
    each was asked with (None: none)."""
    import planlens.compare.diff as diff_module
    from planlens.compare import compare
    from planlens.compare.substance import substance_flags as asked

    seen: dict[Pair, Renumbering | None] = {}

    def record(
        old: str,
        new: str,
        language: str | None = None,
        parties: Sequence[str] = (),
        renumbering: Renumbering | None = None,
    ) -> tuple[Flag, ...]:
        seen.setdefault((old, new, language, tuple(parties)), renumbering)
        return asked(old, new, language, parties, renumbering)

    # `compare` calls the name `diff` imported: recorded there while the laws and pairs run.
    with mock.patch.object(diff_module, "substance_flags", record):
        for old, new in LAWS:
            compare(load_law(old), load_law(new))
        for folder in (GOLD, GOLD / "held-out", GOLD / "held-out-peace"):
            for path in gold_files(folder):
                pair = load_pair(path)
                compare(pair.old, pair.new)
    for source in load_sources():
        given = renumbering_of(source.name)
        renumbering = None if given is None else Renumbering(**given)
        for p in source.pairs:
            seen.setdefault((p.old, p.new, source.language, tuple(source.parties)), renumbering)
    rng = random.Random(SEED)
    reversed_of: dict[int, Renumbering] = {}
    for (old, new, language, parties), renumbering in list(seen.items()):
        back = None
        if renumbering is not None:
            back = reversed_of.setdefault(id(renumbering), renumbering.reversed())
        seen.setdefault((new, old, language, parties), back)
        for _ in range(2):
            seen.setdefault((old, _edited(new, rng), language, parties), renumbering)
    return list(seen), list(seen.values())


def _renumberings_json(given: list[Renumbering | None]) -> dict[str, object]:
    """Return the renumberings of the recorded pairs as JSON holds them: each once, and the
    index of each pair's (None: none)."""
    index: dict[int, int] = {}
    table: list[dict[str, object]] = []
    of_pair: list[int | None] = []
    for renumbering in given:
        if renumbering is None:
            of_pair.append(None)
            continue
        if id(renumbering) not in index:
            index[id(renumbering)] = len(table)
            table.append(
                {
                    "targets": {k: sorted(v) for k, v in renumbering.targets.items()},
                    "old_words": sorted(renumbering.old_words),
                    "new_words": sorted(renumbering.new_words),
                }
            )
        of_pair.append(index[id(renumbering)])
    return {"renumberings": table, "of_pair": of_pair}


def _renumberings(path: Path, n: int) -> list[Renumbering | None]:
    """Return the renumbering of each recorded pair from `path` (none for any without it)."""
    if not path.is_file():
        return [None] * n
    data = json.loads(path.read_text(encoding="utf-8"))
    table = [
        Renumbering(
            {k: frozenset(v) for k, v in r["targets"].items()},
            frozenset(r["old_words"]),
            frozenset(r["new_words"]),
        )
        for r in data["renumberings"]
    ]
    return [None if i is None else table[i] for i in data["of_pair"]]


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


def flag_lines(
    pairs: list[list[object]], renumberings: Sequence[Renumbering | None] | None = None
) -> list[str]:
    """Return the flags of each recorded pair as a line of JSON, each with its renumbering."""
    from planlens.compare.substance import substance_flags

    out = []
    given = renumberings if renumberings is not None else [None] * len(pairs)
    for (old, new, language, parties), renumbering in zip(pairs, given, strict=True):
        assert isinstance(old, str) and isinstance(new, str) and isinstance(parties, list)
        found = substance_flags(
            old, new, language if isinstance(language, str) else None, parties, renumbering
        )
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
    flags.add_argument("--list", action="store_true", help="print every pair that differs")
    args = parser.parse_args(argv)
    renumbered = args.pairs.with_suffix(".renumbering.json")
    if args.command == "inputs":
        pairs, renumberings = recorded_pairs()
        args.pairs.write_text(json.dumps(pairs, ensure_ascii=False), encoding="utf-8")
        renumbered.write_text(json.dumps(_renumberings_json(renumberings)), encoding="utf-8")
        print(f"{len(pairs)} pairs -> {args.pairs}, their renumberings -> {renumbered}")
        return 0
    recorded = json.loads(args.pairs.read_text(encoding="utf-8"))
    lines = flag_lines(recorded, _renumberings(renumbered, len(recorded)))
    args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} pairs, {sum(line != '[]' for line in lines)} with flags -> {args.out}")
    if args.against is None:
        return 0
    before = args.against.read_text(encoding="utf-8").splitlines()
    differ = [i for i, (a, b) in enumerate(zip(before, lines, strict=False)) if a != b]
    if len(before) != len(lines):
        print(f"{len(before)} pairs before, {len(lines)} now")
    for i in differ if args.list else differ[:5]:
        print(f"pair {i}: before {before[i]}\n{' ' * len(f'pair {i}: ')}now    {lines[i]}")
    print(f"{len(differ)} pairs differ" if differ else "the same flags for every pair")
    return 1 if differ or len(before) != len(lines) else 0


if __name__ == "__main__":
    sys.exit(main())
