"""Agreement of two readers' labels of the same flag set, per kind and overall.

    .venv/bin/python bench/flag_agreement.py FIRST SECOND [--split SPLIT] [--disagreements]
        [--engine]

e.g. `bench/flag_agreement.py bench/flags bench/flags/second-reading/held-out-6.yaml
--split held-out-6`. Each label source is either a folder of flag files (`OLD--NEW.*.yaml`,
the format of `bench/flags/README.md`; with `--split`, only the files of that split) or a
second-reading file: a YAML mapping with `sources`, from the stem of each flag file to its
pairs (`old_ids`, `new_ids`, `flags`), as `bench/flags/second-reading/` holds. A pair is known
by its file and its clause ids; both sources must label the same pairs.

Per kind, the pairs both readers call true, those only the first or only the second reader
calls true, and those neither does; the share of pairs on which they agree and Cohen's kappa,
(p_o - p_e) / (1 - p_e), where p_o is the observed agreement and p_e the agreement expected by
chance from each reader's own rate of true calls. Kappa is undefined (printed "-") where p_e is
1, that is where both readers call the kind the same way on every pair (say, no pair true). The
last row pools every (pair, kind). `--disagreements` lists each (pair, kind) the readers differ
on. Without `--engine`, nothing is run but the reading of the labels: no rules, no scoring.

`--engine` (with `--split`) also scores this tree's flags (`bench/flag_accuracy.py`'s
`current_flags`, on the texts of the split's flag files in `bench/flags/`) against each reading
in turn: true, false and missed flags, precision and recall per kind and pooled. Only those
totals are printed, never a pair, so that a set still held out can be scored against a second
reading without anyone seeing where the rules fail on it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from flag_accuracy import Tally

KINDS = ("number", "date", "negation", "modality", "party", "condition", "scope", "provision")

#: A pair: the stem of its flag file and its old and new clause ids.
Key = tuple[str, str]
Labels = dict[Key, frozenset[str]]


def pair_key(stem: str, pair: Mapping[str, Any]) -> Key:
    """Return the key of a pair of the flag file `stem`."""
    old = "+".join(str(i) for i in pair["old_ids"])
    new = "+".join(str(i) for i in pair["new_ids"])
    return stem, f"{old} -> {new}"


def _add(labels: Labels, stem: str, pairs: Sequence[Mapping[str, Any]]) -> None:
    for pair in pairs:
        key = pair_key(stem, pair)
        if key in labels:
            raise ValueError(f"{stem}: pair {key[1]} labelled twice")
        kinds = frozenset(pair.get("flags") or {})
        unknown = sorted(kinds - set(KINDS))
        if unknown:
            raise ValueError(f"{stem}: {key[1]}: unknown kinds {unknown}")
        labels[key] = kinds


def load_labels(source: Path, split: str | None = None) -> Labels:
    """Return the true kinds of every pair of `source`: a folder of flag files (those of
    `split` only, if given) or a second-reading file (its `split` must match, if given)."""
    labels: Labels = {}
    if source.is_dir():
        for path in sorted(source.glob("*--*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if split is None or str(data.get("split") or "development") == split:
                _add(labels, path.stem, data["pairs"])
        return labels
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    if split is not None and data.get("split") != split:
        raise ValueError(f"{source}: split {data.get('split')!r}, not {split!r}")
    for stem, pairs in data["sources"].items():
        _add(labels, stem, pairs)
    return labels


@dataclass(frozen=True)
class Agreement:
    """The pairs both readers call true, only the first, only the second, and neither."""

    both: int
    first: int
    second: int
    neither: int

    @property
    def total(self) -> int:
        return self.both + self.first + self.second + self.neither

    @property
    def observed(self) -> float:
        """The share of pairs the readers agree on."""
        return (self.both + self.neither) / self.total

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa; None where chance agreement is 1 (one call on every pair)."""
        n = self.total
        yes_1, yes_2 = self.both + self.first, self.both + self.second
        expected = (yes_1 * yes_2 + (n - yes_1) * (n - yes_2)) / (n * n)
        if expected == 1:
            return None
        return (self.observed - expected) / (1 - expected)


def agreement(first: Labels, second: Labels, kinds: Sequence[str] = KINDS) -> Agreement:
    """Tally the two readers' calls on every (pair, kind) of `kinds`."""
    if set(first) != set(second):
        only = sorted(set(first) ^ set(second))
        raise ValueError(f"the two sources label different pairs, e.g. {only[:3]}")
    calls = [(kind in first[key], kind in second[key]) for key in first for kind in kinds]
    return Agreement(
        both=sum(a and b for a, b in calls),
        first=sum(a and not b for a, b in calls),
        second=sum(b and not a for a, b in calls),
        neither=sum(not a and not b for a, b in calls),
    )


def table(first: Labels, second: Labels) -> list[str]:
    """Return the agreement per kind and over every kind, as a Markdown table."""
    lines = [
        "| kind | both | only first | only second | neither | agree | kappa |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    rows = [(kind, agreement(first, second, (kind,))) for kind in KINDS]
    rows.append(("every kind", agreement(first, second)))
    for name, a in rows:
        kappa = "-" if a.kappa is None else f"{a.kappa:.2f}"
        lines.append(
            f"| {name} | {a.both} | {a.first} | {a.second} | {a.neither}"
            f" | {a.observed:.2f} | {kappa} |"
        )
    return lines


def disagreements(first: Labels, second: Labels) -> list[str]:
    """Return one line per (pair, kind) that one reader calls true and the other not."""
    return [
        f"{'first' if kind in first[key] else 'second'} only: {key[0]}: {key[1]}: {kind}"
        for key in sorted(first)
        for kind in KINDS
        if (kind in first[key]) != (kind in second[key])
    ]


def engine_flags(split: str) -> Labels:
    """Return the kinds this tree's rules flag on every pair of the flag files of `split` in
    `bench/flags/`, as `bench/flag_accuracy.py` runs them."""
    import flag_accuracy

    sources = [s for s in flag_accuracy.load_sources() if s.split == split]
    found = flag_accuracy.current_flags(sources)
    return {
        (s.name, pair.ids): frozenset(kind for kind, _, _ in flags)
        for s in sources
        for pair, flags in zip(s.pairs, found[s.name], strict=True)
    }


def engine_score(truth: Labels, flagged: Labels) -> dict[str, Tally]:
    """Tally the flags `flagged` against the labels `truth`, per kind and over every kind
    (the key "every kind")."""
    from flag_accuracy import Tally

    if set(truth) != set(flagged):
        only = sorted(set(truth) ^ set(flagged))
        raise ValueError(f"the flags and the labels cover different pairs, e.g. {only[:3]}")
    tallies = {kind: Tally() for kind in (*KINDS, "every kind")}
    for key, kinds in truth.items():
        for kind in KINDS:
            tallies[kind].add(kinds, flagged[key], [kind])
        tallies["every kind"].add(kinds, flagged[key], KINDS)
    return tallies


def engine_table(first: Labels, second: Labels, flagged: Labels) -> list[str]:
    """Return the engine's true / false / missed flags and precision / recall against each
    reading, per kind and over every kind, as a Markdown table."""

    def cell(t: Tally) -> str:
        p = "-" if t.precision is None else f"{t.precision:.2f}"
        r = "-" if t.recall is None else f"{t.recall:.2f}"
        return f"{t.hits} / {t.false} / {t.missed} | {p} | {r}"

    by_first, by_second = engine_score(first, flagged), engine_score(second, flagged)
    lines = [
        "| kind | first: true / false / missed | P | R | second: true / false / missed | P | R |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in (*KINDS, "every kind"):
        lines.append(f"| {kind} | {cell(by_first[kind])} | {cell(by_second[kind])} |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path, help="a folder of flag files or a second reading")
    parser.add_argument("second", type=Path, help="a folder of flag files or a second reading")
    parser.add_argument("--split", help="only the files of this split")
    parser.add_argument("--disagreements", action="store_true", help="list each difference")
    parser.add_argument(
        "--engine",
        action="store_true",
        help="also score this tree's flags against each reading (totals only; needs --split)",
    )
    args = parser.parse_args(argv)
    if args.engine and args.split is None:
        parser.error("--engine needs --split")
    try:
        first = load_labels(args.first, args.split)
        second = load_labels(args.second, args.split)
        lines = table(first, second)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{len(first)} pairs; first: {args.first}, second: {args.second}")
    print("\n".join(lines))
    if args.disagreements:
        print("\n" + "\n".join(disagreements(first, second)))
    if args.engine:
        try:
            lines = engine_table(first, second, engine_flags(args.split))
        except ValueError as error:
            print(error, file=sys.stderr)
            return 1
        print("\nthis tree's flags against each reading (totals only)")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
