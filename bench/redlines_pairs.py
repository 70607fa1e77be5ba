"""Link F1 on the redlines benchmark's eight contract pairs (Common Paper agreements), as imported.

    .venv/bin/python bench/redlines_pairs.py [--data DIR] [--baseline REF] [--write-results]

`DIR` holds the pairs as the `redlines` project keeps them (`benchmark/corpus/hand/` of its
repository: `<pair>/source.md`, `test.md`, `labels.yaml`; default `../shared/corpora/redlines`).
Each document is imported with `planlens.importers.import_text`, as `planlens import` does, the
two plans are compared without pins, and the links are scored against the labels the way the
benchmark scores an engine (see bench/README.md, "The redlines contract pairs"): links only,
micro-averaged over the pairs. Three rows: plain import of this tree; the same with every list
numbered explicitly before import (`explicit_numbers`); and plain import by `--baseline`
(default: the tree before issue 13), checked out in a temporary git worktree and run in its own
process.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from redlines_pairs_labels import PAIRS, Block, Pair, load_pair, under
from results import ROOT, command_line, write_section

if TYPE_CHECKING:
    from planlens.compare.model import PlanDiff
    from planlens.plan.model import Clause, Plan

SECTION = "## The redlines contract pairs"
DEFAULT_DATA = ROOT.parent / "shared" / "corpora" / "redlines"
#: The tree before issue 13's work on Markdown structure.
DEFAULT_BASELINE = "7b1130a"
_WORDS = re.compile(r"\w+")
_LEADING_LABEL = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]{1,4}|[A-Z]{1,4})[.)]\s+")


@dataclass
class Counts:
    """Link counts of one pair or a pool: reported, labelled, right, touching unmatched blocks."""

    reported: int = 0
    truth: int = 0
    hits: int = 0
    spurious: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.reported += other.reported
        self.truth += other.truth
        self.hits += other.hits
        self.spurious += other.spurious
        return self

    @property
    def precision(self) -> float:
        return self.hits / self.reported if self.reported else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.truth if self.truth else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _words(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def homes(blocks: Sequence[Block], plan: Plan) -> dict[str, str]:
    """Return the clause id that holds each block's text (blocks whose text is in no clause,
    only in the plan's notes, have none).

    Clauses are read depth first, each as its title and text; a block goes to the first clause
    at or after the last one used (so a heading such as "Services" goes to its own clause, not
    to a later one that mentions services) whose words contain the block's words.
    """
    clauses: list[tuple[str, str]] = []

    def walk(items: Sequence[Clause]) -> None:
        for clause in items:
            own = f"{clause.title or ''} {clause.text or ''}"
            clauses.append((clause.id, f" {_words(own)} "))
            walk(clause.clauses)

    walk(plan.clauses)
    found: dict[str, str] = {}
    pointer = 0
    for block in blocks:
        # A block whose text starts with a marker redlines did not read as a label ("ii. In
        # Clause 9") is found by its words without it, as planlens keeps the label apart.
        readings = [f" {_words(block.text)} "]
        if (marker := _LEADING_LABEL.match(block.text)) is not None:
            readings.append(f" {_words(block.text[marker.end() :])} ")
        order = list(range(pointer, len(clauses))) + list(range(pointer))
        k = next((k for words in readings for k in order if words in clauses[k][1]), None)
        if k is not None:
            found[block.address] = clauses[k][0]
            pointer = k
    return found


def reported_links(pair: Pair, old: Plan, new: Plan, diff: PlanDiff) -> set[tuple[str, str]]:
    """Return the block pairs planlens's clause links imply.

    A link (or a split or merge) between clauses pairs the blocks they hold in document order,
    first with first: the rule the benchmark itself applies to the flat engine's `replace`
    opcodes. Blocks outside every clause take part in no link.
    """
    old_home, new_home = homes(pair.source_blocks, old), homes(pair.test_blocks, new)
    held_old: dict[str, list[str]] = {}
    for block in pair.source_blocks:
        if block.address in old_home:
            held_old.setdefault(old_home[block.address], []).append(block.address)
    held_new: dict[str, list[str]] = {}
    for block in pair.test_blocks:
        if block.address in new_home:
            held_new.setdefault(new_home[block.address], []).append(block.address)
    links: set[tuple[str, str]] = set()
    for change in diff.walk():
        if not change.old or not change.new:
            continue
        left = [a for clause in change.old for a in held_old.get(clause, [])]
        right = [a for clause in change.new for a in held_new.get(clause, [])]
        links.update(zip(left, right, strict=False))
    return links


def score(pair: Pair, links: set[tuple[str, str]]) -> Counts:
    """Count `links` against the pair's labels, outside splits, merges and unscored regions."""
    truth = pair.truth

    def scored(link: tuple[str, str]) -> bool:
        return not under(link[0], truth.excluded_source) and not under(link[1], truth.excluded_test)

    reported = [link for link in links if scored(link)]
    return Counts(
        reported=len(reported),
        truth=sum(1 for link in truth.links if scored(link)),
        hits=sum(1 for link in reported if link in truth.links),
        spurious=sum(1 for o, n in reported if o in truth.deleted or n in truth.inserted),
    )


_ITEM = re.compile(r"^(?P<indent> *)(?P<marker>\d{1,3}[.)]|[a-z]{1,4}[.)])\s+(?P<rest>.*)$")
_INNER = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+")


def explicit_numbers(text: str) -> str:
    """Return Markdown with every nested list item numbered in full (`1.`, `1.2`, `1.2.3`;
    letters as `(a)`), and a number the item already repeats (`1. 1.1. Access`) dropped.

    >>> print(explicit_numbers("1. One\\n    1. Sub\\n        a. Deep\\n2. Two"))
    1. One
        1.1 Sub
            (a) Deep
    2. Two
    """
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (indent, full number)
    for line in text.split("\n"):
        match = _ITEM.match(line)
        if match is None:
            if line.strip() and len(line) - len(line.lstrip()) == 0:
                stack = []
            out.append(line)
            continue
        indent, marker = len(match["indent"]), match["marker"][:-1]
        while stack and stack[-1][0] >= indent:
            stack.pop()
        rest = _INNER.sub("", match["rest"]) if stack else match["rest"]
        if marker.isdigit():
            number = f"{stack[-1][1]}.{marker}" if stack and stack[-1][1][0].isdigit() else marker
            printed = number + ("." if "." not in number else "")
        else:
            number = printed = f"({marker})"
        stack.append((indent, number))
        out.append(f"{match['indent']}{printed} {rest}")
    return "\n".join(out)


def run_pairs(data: Path, explicit: bool) -> dict[str, dict[str, int]]:
    """Return the counts of every pair, importing with the planlens on `sys.path`."""
    from planlens.compare import compare
    from planlens.importers import import_text

    result: dict[str, dict[str, int]] = {}
    for name in PAIRS:
        pair = load_pair(data / name)
        plans = []
        for side, text in (("old", pair.source), ("new", pair.test)):
            source = explicit_numbers(text) if explicit else text
            plans.append(import_text(source, plan_id=f"{side}-{name}", title=name, date="2025"))
        counts = score(pair, reported_links(pair, plans[0], plans[1], compare(*plans)))
        result[name] = vars(counts)
    return result


def baseline(ref: str, data: Path) -> dict[str, dict[str, int]]:
    """Return `run_pairs(data, False)` as the planlens of git `ref` computes it."""
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch) / "baseline"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), ref],
            check=True,
        )
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--worker", str(base), "--data", str(data)],
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True
            )
    answer: dict[str, dict[str, int]] = json.loads(done.stdout)
    return answer


def table(rows: dict[str, dict[str, dict[str, int]]]) -> list[str]:
    """Return the per-pair and pooled precision, recall and F1 of each row, as Markdown."""
    names = list(rows)
    lines = [
        "| pair | " + " | ".join(f"{n}: P / R / F1" for n in names) + " |",
        "| --- |" + " ---: |" * len(names),
    ]
    pooled = {n: Counts() for n in names}
    for pair in PAIRS:
        cells = []
        for n in names:
            counts = Counts(**rows[n][pair])
            pooled[n] += counts
            cells.append(f"{counts.precision:.2f} / {counts.recall:.2f} / {counts.f1:.2f}")
        lines.append(f"| {pair} | " + " | ".join(cells) + " |")
    cells = [
        f"**{c.precision:.3f} / {c.recall:.3f} / {c.f1:.3f}**" for c in (pooled[n] for n in names)
    ]
    lines.append("| **pooled** | " + " | ".join(cells) + " |")
    lines.append("")
    for n in names:
        c = pooled[n]
        lines.append(
            f"- {n}: {c.hits} of {c.reported} reported links right, {c.hits} of {c.truth}"
            f" labelled links found, {c.spurious} reported links touch a block labelled"
            " inserted or deleted"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the pairs' folder")
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git ref (or 'none')")
    parser.add_argument("--write-results", action="store_true")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        sys.path.insert(0, str(args.worker))
        print(json.dumps(run_pairs(args.data, explicit=False)))
        return 0
    if not all((args.data / name / "labels.yaml").is_file() for name in PAIRS):
        print(
            f"skipped: the redlines pairs are not in {args.data} (see bench/README.md,"
            " 'The redlines contract pairs', for where to get them)"
        )
        return 0
    rows = {"plain import": run_pairs(args.data, explicit=False)}
    rows["lists numbered explicitly"] = run_pairs(args.data, explicit=True)
    if args.baseline != "none":
        rows[f"plain import at {args.baseline}"] = baseline(args.baseline, args.data)
    lines = [
        f"Eight pairs, {sum(r['truth'] for r in rows['plain import'].values())} labelled links"
        " (redlines' `status: proposed` rows: seeded by its engine, not yet confirmed by a"
        " person). P / R / F1: link precision, recall and F1, micro-averaged when pooled;"
        " the scoring is described in bench/README.md.",
        "",
        *table(rows),
    ]
    print("\n".join(lines))
    if args.write_results:
        given = list(argv if argv is not None else sys.argv[1:])
        command = command_line("bench/redlines_pairs.py", given)
        write_section("\n".join([SECTION, "", f"`{command}`", "", *lines]), SECTION)
        print(f"wrote the section {SECTION!r} of bench/RESULTS.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
