"""Precision and recall of the substance flags on real clause pairs labelled by reading.

    .venv/bin/python bench/flag_accuracy.py [--baseline REF] [--errors | --all-errors]
        [--write-results]
    .venv/bin/python bench/flag_accuracy.py --check   # the labels load; nothing is scored

The pairs and their true kinds are in `bench/flags/` (format and labelling guide in its
README). A flag is a (pair, kind): true when the kind is labelled for the pair, false
otherwise; a labelled kind with no flag is missed. Two rows, same run: the rules of this tree
(`planlens.compare.substance.substance_flags`, as `compare` calls it: the pair's texts, the
language, the plans' `parties`), and the rules of `--baseline` (default: main before this
work), checked out in a temporary git worktree and run in a process of its own the way that
tree's `compare` ran them (word diff, the views around the changes, `party_names` over both
plans). Precision and recall per kind, per source and pooled; `--errors` lists every false
and missed flag of this tree.

The second held-out set (`split: held-out-2`, labelled blind while the rules were being tuned
on the other two) and the third (`split: held-out-3`, labelled blind in the band of lengths
after it, when the rules had been tuned on the first two) are kept apart: neither is pooled
into the figures per kind, each has its own row among the splits and its own table per kind,
and `--errors` does not list their errors, so that nobody tunes on them by accident.
Held-out-2 was held out until its first measurement (`HELD_OUT_2_HISTORY`); since then the
rules have been corrected looking at its errors too (`--all-errors` lists them), so it is no
longer held out, and its first figures are the estimate for text nobody tuned the rules on.
Held-out-3 was held out until its last blind measurement (`HELD_OUT_3_HISTORY`, rules of main
85d71b8); it was then released the same way (branch flagfix7). So was the sixth (`split:
held-out-6`, US bill sections and BGB and StGB § of 2600-3600 characters, labelled blind), after
its blind measurements with the rules of 85d71b8 and of flagfix7 (`HELD_OUT_6_HISTORY`),
the eighth (`split: held-out-8`, links of SPDX licence pairs, labelled blind) after its blind
measurement with the rules of dadd56f (`HELD_OUT_8_HISTORY`; branch flagfix9), and the ninth
(`split: held-out-9`, gold links of the sixteen SPDX licence pairs of
`bench/gold/held-out-licences/`, labelled blind) after its blind measurement with the rules of
381988e and dadd56f (`HELD_OUT_9_HISTORY`; branch flagfix10), and the tenth (`split:
held-out-10`, links of the eleven SPDX licence pairs of the third draw, labelled blind) after
its blind measurements with the rules of 94a1ed0 and of flagfix10 (`HELD_OUT_10_HISTORY`;
released on 2026-11-28, branch flagfix11; its first figure stays the estimate for licence
text nobody tuned the rules on). The seventh (`split: held-out-7`, BGB and StGB § over 3600
characters and TKG links over 2500), labelled blind, is still held out: it is reported apart in
the same way, its own row and table, and no option lists its errors; its blind measurements are
in `HELD_OUT_7_HISTORY`. So is the eleventh (`split: held-out-11`, links of the 29 short SPDX
licence pairs of the fourth draw, labelled blind; `HELD_OUT_11_HISTORY`).

The kind-targeted set (`split: kinds`, drawn by `bench/flag_accuracy_candidates.py --kinds` for
the two kinds a draw by length all but never meets, and labelled blind) has only `negation` and
`modality` labelled (its files' `labelled_kinds`), so only those two kinds are scored on it: it
has its own row and its own table of those two kinds, is never pooled with the other sets, and
is still held out: no option lists its errors (`KINDS_HISTORY` keeps its first measurement).

The turns set (`split: turns`, drawn by `bench/flag_turns_candidates.py`: statements kept in
place whose negation or modal words differ) is labelled for `negation` and `modality` only, like
the kinds set, and reported the same way (its own row and table, never pooled); the rules were
developed on it, so `--all-errors` lists its errors (`TURNS_NOTE`).

The constructed set (`split: constructed`) is not real redrafting: real sentences drawn by a
fixed rule (`bench/flag_constructed_draw.py`) and variants of them written by hand, turning the
polarity of the same statement or rewording a negation that keeps it, for the recall of
`negation`, which real pairs cannot measure (they hold no turn). Every kind is labelled; it has
its own row and table and is never pooled with the real sets. Its first measurement was its
only blind one (`CONSTRUCTED_NOTE`); the rules were then corrected on its errors (branch
negfix6), so it is a development set and `--all-errors` lists its errors.

The second constructed set (`split: constructed-2`) is made the same way but blind: other real
sentences (`bench/flag_constructed_draw.py --second`) and variants that turn the polarity or the
modal force of the same statement or reword it keeping both, written and labelled without
reading the rules, for the recall of `negation` and `modality`. Every kind is labelled; it has
its own row and table and is never pooled. It was held out until its last blind measurement
(`CONSTRUCTED_2_HISTORY`, rules of main 85d71b8) and then released (branch flagfix7):
`--all-errors` lists its errors.

The splits, the notes and the tables are in `bench/flag_accuracy_report.py`.

`--check` loads the labels and checks them (known kinds and splits) without running any rules:
it lists the pairs and labelled kinds per split, nothing is scored.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

import yaml
from flag_accuracy_report import (
    APART,
    KINDS,
    OLD_KINDS,
    PARTIAL,
    RELEASED,
    SPLITS,
    report,
)
from results import ROOT, command_line, write_section

if TYPE_CHECKING:
    from planlens.compare.model import Flag, Segment

FLAGS = Path(__file__).resolve().parent / "flags"
SECTION = "## Substance flags on labelled real pairs"
#: main before issue 11's work on the flags.
DEFAULT_BASELINE = "fa0188d"


@dataclass(frozen=True)
class Pair:
    ids: str
    old: str
    new: str
    truth: frozenset[str]


@dataclass(frozen=True)
class Source:
    name: str
    language: str
    parties: tuple[str, ...]
    pairs: tuple[Pair, ...]
    #: "development" (the rules were written looking at these), "held-out" (labelled after
    #: the rules were frozen, and measured once), "held-out-2" (labelled blind while the
    #: rules were tuned on the other two; reported apart), "held-out-3" (labelled blind in
    #: the next band of lengths; reported apart), "held-out-4" to "held-out-11" (the same, in
    #: later bands and sources), "kinds" (negation and modality only),
    #: "turns", or "constructed" and "constructed-2" (variants written by hand).
    split: str = "development"
    #: The kinds labelled in this source, the only ones scored on it (`labelled_kinds`; all by
    #: default).
    kinds: tuple[str, ...] = KINDS


@dataclass
class Tally:
    """True, false and missed flags."""

    hits: int = 0
    false: int = 0
    missed: int = 0

    def add(self, truth: Iterable[str], flagged: Iterable[str], kinds: Iterable[str]) -> None:
        truth, flagged = set(truth), set(flagged)
        for kind in kinds:
            self.hits += kind in truth and kind in flagged
            self.false += kind in flagged and kind not in truth
            self.missed += kind in truth and kind not in flagged

    @property
    def precision(self) -> float | None:
        flagged = self.hits + self.false
        return self.hits / flagged if flagged else None

    @property
    def recall(self) -> float | None:
        labelled = self.hits + self.missed
        return self.hits / labelled if labelled else None


def load_sources(folder: Path = FLAGS) -> list[Source]:
    return [load_source(path) for path in sorted(folder.glob("*--*.yaml"))]


def load_source(path: Path) -> Source:
    """Return the labelled pairs of one flag file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    pairs = tuple(
        Pair(
            ids=f"{'+'.join(p['old_ids'])} -> {'+'.join(p['new_ids'])}",
            old=p["old"],
            new=p["new"],
            truth=frozenset(p.get("flags") or {}),
        )
        for p in data["pairs"]
    )
    parties = tuple(data.get("parties") or ())
    split = str(data.get("split") or "development")
    kinds = tuple(data.get("labelled_kinds") or KINDS)
    return Source(path.stem, data["language"], parties, pairs, split, kinds)


def problems(sources: Sequence[Source]) -> list[str]:
    """Return what is wrong with the labels: unknown kinds and splits (an unknown split would
    otherwise be pooled with the development set), a kind labelled that its file does not
    label, a split of some kinds only that does not say which."""
    return (
        [f"{s.name}: unknown split {s.split!r}" for s in sources if s.split not in SPLITS]
        + [
            f"{s.name}: unknown labelled kind {k!r}"
            for s in sources
            for k in s.kinds
            if k not in KINDS
        ]
        + [
            f"{s.name}: split {s.split!r} labels some kinds only: say which (labelled_kinds)"
            for s in sources
            if s.split in PARTIAL and s.kinds == KINDS
        ]
        + [
            f"{s.name}: {p.ids}: unknown kind {kind!r}"
            for s in sources
            for p in s.pairs
            for kind in sorted(p.truth - set(KINDS))
        ]
        + [
            f"{s.name}: {p.ids}: {kind!r} is not among the kinds this file labels"
            for s in sources
            for p in s.pairs
            for kind in sorted((p.truth & set(KINDS)) - set(s.kinds))
        ]
    )


def check(sources: Sequence[Source]) -> list[str]:
    """Return the pairs and labelled kinds per split, without running or scoring any rules."""
    lines = []
    for split in SPLITS:
        chosen = [s for s in sources if s.split == split]
        pairs = [p for s in chosen for p in s.pairs]
        kinds = [k for k in KINDS if any(k in s.kinds for s in chosen)]
        per_kind = ", ".join(f"{k} {sum(k in p.truth for p in pairs)}" for k in kinds)
        only = "" if kinds == list(KINDS) or not chosen else " (only these kinds are labelled)"
        lines.append(
            f"{split}: {len(chosen)} files, {len(pairs)} pairs,"
            f" {sum(len(p.truth) for p in pairs)} labelled flags ({per_kind}){only}"
        )
    return lines


def current_flags(sources: Sequence[Source]) -> dict[str, list[list[list[str]]]]:
    """Return the flags of this tree: source -> pair -> [kind, old, new], each pair with the
    renumbering of the comparison of its source's two plans, as `compare` gives it."""
    from planlens.compare.renumbering import Renumbering
    from planlens.compare.substance import substance_flags

    out = {}
    for s in sources:
        found = renumbering_of(s.name)
        renumbering = None if found is None else Renumbering(**found)
        out[s.name] = [
            [
                [f.type, f.old, f.new]
                for f in substance_flags(p.old, p.new, s.language, s.parties, renumbering)
            ]
            for p in s.pairs
        ]
    return out


_RENUMBERINGS: dict[tuple[str, str], dict[str, Any] | None] = {}


def renumbering_of(name: str) -> dict[str, Any] | None:
    """Return the renumbering (`planlens.compare.renumbering`) of the comparison of the two
    plans a source compares, as the keyword arguments of `Renumbering`: None where either plan
    is none this checkout has (a constructed set's): the German laws, the US bills and the
    plans of `bench/gold/` and `plans/`. Worked out once per pair of plans."""
    from common import plans_of

    from planlens.compare import compare
    from planlens.compare.renumbering import of_diff

    key = plan_ids(name)
    if key not in _RENUMBERINGS:
        plans = plans_of(key)
        if plans is None:
            _RENUMBERINGS[key] = None
        else:
            found = of_diff(compare(*plans))
            _RENUMBERINGS[key] = {
                "targets": {k: frozenset(v) for k, v in found.targets.items()},
                "old_words": found.old_words,
                "new_words": found.new_words,
            }
    return _RENUMBERINGS[key]


def plan_ids(name: str) -> tuple[str, str]:
    """Return the ids of the two plans a source compares (its file's `old` and `new`)."""
    data = yaml.safe_load((FLAGS / f"{name}.yaml").read_text(encoding="utf-8"))
    return str(data["old"]), str(data["new"])


def _context(name: str) -> list[str]:
    """Return every clause text of the two plans a source compares (main's `party_names`)."""
    from gold_pairs import plan_by_id

    data = yaml.safe_load((FLAGS / f"{name}.yaml").read_text(encoding="utf-8"))
    texts: list[str] = []
    for plan_id in (data["old"], data["new"]):
        try:
            plan = plan_by_id(str(plan_id))
        except (KeyError, OSError):
            continue  # the laws: German, where main used no names
        texts += [c.text for c in plan.walk() if c.text]
    return texts


def baseline_flags(ref: str, sources: Sequence[Source]) -> dict[str, list[list[list[str]]]]:
    """Return the flags the planlens of git `ref` gives, run in a worktree of its own."""
    job = {
        s.name: {
            "language": s.language,
            "context": _context(s.name) if s.language != "de" else [],
            "parties": list(s.parties),
            "pairs": [[p.old, p.new] for p in s.pairs],
            "renumbering": _as_json(renumbering_of(s.name)),
        }
        for s in sources
    }
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch) / "baseline"
        job_file = Path(scratch) / "job.json"
        job_file.write_text(json.dumps(job), encoding="utf-8")
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), ref],
            check=True,
        )
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--worker", str(base), "--job", str(job_file)],
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True
            )
    answer: dict[str, list[list[list[str]]]] = json.loads(done.stdout)
    return answer


def _as_json(found: dict[str, Any] | None) -> dict[str, Any] | None:
    """Return a renumbering's keyword arguments (`renumbering_of`) as JSON can hold them."""
    if found is None:
        return None
    return {k: {n: sorted(t) for n, t in v.items()} if k == "targets" else sorted(v)
            for k, v in found.items()}  # fmt: skip


class _OldSubstance(Protocol):
    """`planlens.compare.substance` before issue 11, as `worker` calls it."""

    def party_names(self, texts: Iterable[str]) -> frozenset[str]: ...

    def substance_flags(
        self, old: str, new: str, language: str | None, names: frozenset[str] | None
    ) -> tuple[Flag, ...]: ...


class _OldDiff(Protocol):
    """`planlens.compare.diff` before issue 11: its flags were taken on these views."""

    def _views(self, segments: Sequence[Segment]) -> tuple[str, str]: ...


def worker(tree: Path, job_file: Path) -> dict[str, Any]:
    """Run the rules of `tree` as its `compare` ran them, with `tree` first on `sys.path`:
    main before issue 11 through the word diff's views and `party_names`, later trees (whose
    `substance_flags` takes the plans' parties) on the pair's texts, and those whose
    `substance_flags` takes a renumbering with the renumbering of the source's plans."""
    import inspect

    sys.path.insert(0, str(tree))
    from planlens.compare import substance
    from planlens.compare.textdiff import diff_words

    job = json.loads(job_file.read_text(encoding="utf-8"))
    out: dict[str, Any] = {}
    old_style = hasattr(substance, "party_names")
    renumbered = "renumbering" in inspect.signature(substance.substance_flags).parameters
    for name, source in job.items():
        language = source["language"]
        flags = []
        if old_style:
            import planlens.compare.diff as diff_module

            rules, views = cast(_OldSubstance, substance), cast(_OldDiff, diff_module)._views
            names = frozenset() if language == "de" else rules.party_names(source["context"])
            for old, new in source["pairs"]:
                old_view, new_view = views(diff_words(old, new))
                found = rules.substance_flags(old_view, new_view, language, names)
                flags.append([[f.type, f.old, f.new] for f in found])
        else:
            extra = []
            if renumbered and source.get("renumbering") is not None:
                from planlens.compare.renumbering import Renumbering

                given = source["renumbering"]
                extra = [
                    Renumbering(
                        {n: frozenset(t) for n, t in given["targets"].items()},
                        frozenset(given["old_words"]),
                        frozenset(given["new_words"]),
                    )
                ]
            for old, new in source["pairs"]:
                found = substance.substance_flags(old, new, language, source["parties"], *extra)
                flags.append([[f.type, f.old, f.new] for f in found])
        out[name] = flags
    return out


@dataclass
class Score:
    per_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    per_source: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    pooled: Tally = field(default_factory=Tally)
    #: Pooled over the kinds main's rules have (all but `provision`), for a like-for-like view.
    pooled_old_kinds: Tally = field(default_factory=Tally)


def score(
    sources: Sequence[Source], flags: dict[str, list[list[list[str]]]], split: str | None = None
) -> Score:
    """Score the flags of `sources` (of one split only, when given), each source on the kinds
    it labels only."""
    result = Score()
    for s in sources:
        if split is not None and s.split != split:
            continue
        old_kinds = [k for k in OLD_KINDS if k in s.kinds]
        for pair, found in zip(s.pairs, flags[s.name], strict=True):
            flagged = {kind for kind, _, _ in found}
            for kind in s.kinds:
                result.per_kind[kind].add(pair.truth, flagged, [kind])
            result.per_source[s.name].add(pair.truth, flagged, s.kinds)
            result.pooled.add(pair.truth, flagged, s.kinds)
            result.pooled_old_kinds.add(pair.truth, flagged, old_kinds)
    return result


def errors(
    sources: Sequence[Source],
    flags: dict[str, list[list[list[str]]]],
    released: Sequence[str] = (),
) -> list[str]:
    """List the false and missed flags; not those of the sets kept apart unless their split is
    among `released` (no longer held out)."""
    out = []
    for s in sources:
        if s.split in APART and s.split not in released:
            continue
        for pair, found in zip(s.pairs, flags[s.name], strict=True):
            flagged = {kind: (old, new) for kind, old, new in found}
            for kind in s.kinds:
                if kind in flagged and kind not in pair.truth:
                    old, new = flagged[kind]
                    out.append(f"false  {kind:9} {s.name} {pair.ids}: {old!r} -> {new!r}")
                elif kind in pair.truth and kind not in flagged:
                    out.append(f"missed {kind:9} {s.name} {pair.ids}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git ref (or 'none')")
    parser.add_argument(
        "--errors",
        action="store_true",
        help=f"list false and missed flags (not of {', '.join(APART)})",
    )
    parser.add_argument(
        "--all-errors",
        action="store_true",
        help=f"list false and missed flags, those of {', '.join(RELEASED)} too (no longer held"
        " out); never those of a set still held out",
    )
    parser.add_argument("--write-results", action="store_true")
    parser.add_argument(
        "--check", action="store_true", help="check that the labels load; score nothing"
    )
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--job", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        print(json.dumps(worker(args.worker, args.job)))
        return 0
    sources = load_sources()
    found = problems(sources)
    if found:
        print("\n".join(found))
        return 1
    if args.check:
        print("\n".join(check(sources)))
        return 0
    ours = current_flags(sources)
    flags = {"this tree": ours}
    if args.baseline != "none":
        flags[f"main's rules ({args.baseline})"] = baseline_flags(args.baseline, sources)
    pooled = [s for s in sources if s.split not in APART]
    rows = {name: score(pooled, found) for name, found in flags.items()}
    splits = {
        split: {name: score(sources, found, split) for name, found in flags.items()}
        for split in SPLITS
    }
    lines = report(sources, rows, splits)
    print("\n".join(lines))
    if args.errors or args.all_errors:
        print("\n" + "\n".join(errors(sources, ours, RELEASED if args.all_errors else ())))
    if args.write_results:
        given = [
            a
            for a in (argv if argv is not None else sys.argv[1:])
            if a not in ("--errors", "--all-errors")
        ]
        command = command_line("bench/flag_accuracy.py", given)
        write_section("\n".join([SECTION, "", f"`{command}`", "", *lines]), SECTION)
        print(f"wrote the section {SECTION!r} of bench/RESULTS.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
