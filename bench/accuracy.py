"""Accuracy harness: how well `compare` finds the true links, on mutations with known truth.

Run from the project root:

    .venv/bin/python bench/accuracy.py [--seeds 16] [--examples 3] [--no-real] [--no-baseline]
        [--ops paraphrase,condense | --ops basic | --ops hard]

The synthetic corpus is made from real texts: the plans in `plans/`, the licences in
`../shared/corpora/licenses`, and seeded random windows of 60-150 consecutive sections of the
German laws (BGB, StGB, TKG 2004 and 2021). Each document gets 4-8 seeded mutations per seed
(`synth.mutate`, drawn from the basic and the harder mutations alike, or those `--ops` names),
the pair is compared, and every link is scored against the truth. Metrics are micro-averaged
over the whole corpus (all documents, all seeds):

* link precision, recall and F1 over (old id, new id) pairs. A split or merge counts one pair
  per part. Clauses inserted or deleted are links of neither side: they are in neither
  denominator, but a reported link that touches one is a wrong link (and a spurious one);
* the same on edited clauses only (touched by a mutation other than `renumber`, inserted and
  deleted ones included): the untouched majority of every document does not dilute them;
* spurious-link rate: reported links touching an inserted or deleted clause, per reported link
  (also shown: the share of inserted/deleted clauses that got linked at all);
* move recall: true moves reported with the right partner and `moved`;
* split and merge recall: true splits (merges) reported as exactly that change;
* relation accuracy: truth items (links, insertions, deletions) reported as exactly the same
  change: same clauses on both sides and the same relation.

The same pairs are also aligned by a difflib-ratio baseline (`real_pairs.baseline_pairs`: each
clause linked one to one to its best `SequenceMatcher` ratio on words, best first, at least
0.5), scored the same way; `--no-baseline` skips it. The table per mutation gives, for the
items each mutation touched: how many had all their true links reported, how many were
reported exactly, the reported links that are wrong and touch them ("false links"), moves
flagged, and the share of items whose links the baseline found.

Then two real pairs whose truth is known: H.J.Res. 37 RH -> RFS (USLM XML), and BGB 2012 -> 2022
scored against the § numbers (a noisy truth: same § means same clause, almost always).

The exit status is 0 whatever the numbers: this is a report, not a test.

This file makes the corpus, runs it and prints the report; `bench/accuracy_scoring.py` scores a
comparison against its truth, and `bench/synth.py` makes the mutations and their truth.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from accuracy_scoring import (
    Failure,
    Tally,
    baseline_diff,
    describe_reported,
    quote,
    ratio,
    score,
    score_by_section,
)
from common import BILLS, licence_paths, load_law, load_licence, load_our_plans
from results import verdict
from synth import BASIC_OPS, HARD_OPS, OPS, mutate
from synth_truth import Truth, TruthLink
from uslm import load_uslm

from planlens.compare.model import PlanDiff
from planlens.plan.model import Clause, Plan

CompareFn = Callable[[Plan, Plan], PlanDiff]

#: The acceptance targets: metric name -> (threshold, "min" or "max").
TARGETS: dict[str, tuple[float, str]] = {
    "link F1": (0.97, "min"),
    "move recall": (0.95, "min"),
    "split recall": (0.85, "min"),
    "merge recall": (0.85, "min"),
    "spurious-link rate": (0.01, "max"),
}

#: Laws cut into windows, with how many windows each seed takes from each.
LAW_WINDOWS: dict[str, int] = {"bgb-2022": 2, "stgb-2022": 1, "tkg-2004": 1, "tkg-2021": 1}
WINDOW_SIZE = (60, 150)
OPS_PER_DOCUMENT = (4, 8)
#: A clause with fewer words than this is left out of the synthetic corpus: "(weggefallen)"
#: stubs and one-word placeholders are identical to each other, so no truth about them holds.
MIN_CLAUSE_WORDS = 3


@dataclass(frozen=True, slots=True)
class Document:
    """One text of the synthetic corpus: `family` groups versions of the same text."""

    name: str
    family: str
    plan: Plan


# -- corpus --------------------------------------------------------------------------------


def clean(plan: Plan) -> Plan:
    """Return `plan` ready to mutate: no pins, and only clauses a truth can be held about.

    Pins (`same_as`, `derived_from`) would tell `compare` the answer, and a partial plan makes
    leftovers `unknown` rather than added or removed. Clauses without text,
    with fewer than `MIN_CLAUSE_WORDS` words, or with the same text as an earlier clause are
    dropped with their sub-clauses: only position could identify them.
    """
    seen: set[str] = set()

    def keep(clause: Clause) -> Clause | None:
        if clause.text is None or len(clause.text.split()) < MIN_CLAUSE_WORDS:
            return None
        norm = " ".join(clause.text.split())
        if norm in seen:
            return None
        seen.add(norm)
        children = tuple(c for c in (keep(child) for child in clause.clauses) if c is not None)
        return dataclasses.replace(clause, same_as=None, derived_from=(), clauses=children)

    clauses = tuple(c for c in (keep(clause) for clause in plan.clauses) if c is not None)
    # Full: the mutations know every clause, so a clause left over is truly added or removed.
    return dataclasses.replace(
        plan,
        clauses=clauses,
        completeness="full",
        follows=(),
        dropped=(),
        expected_clauses=None,
        path=None,
    )


def _family(name: str) -> str:
    """Return the family of a licence file name: versions of one licence share text."""
    head = re.match(r"[A-Za-z]+", name)
    family = head.group().upper() if head else name
    return "GPL" if family == "LGPL" else family


def base_documents() -> list[Document]:
    """Return the whole documents of the corpus: our plans and the licences."""
    documents = [Document(p.id, "plans", clean(p)) for p in load_our_plans()]
    documents.extend(
        Document(path.stem, _family(path.stem), clean(load_licence(path)))
        for path in licence_paths()
    )
    return [d for d in documents if len(list(d.plan.walk())) >= 4]


def law_windows(laws: dict[str, Plan], seed: int) -> list[Document]:
    """Return this seed's windows of consecutive sections of the big laws, as documents."""
    out: list[Document] = []
    for name, count in LAW_WINDOWS.items():
        clauses = laws[name].clauses
        rng = random.Random(f"window:{seed}:{name}")
        for k in range(count):
            size = rng.randint(*WINDOW_SIZE)
            start = rng.randrange(max(1, len(clauses) - size))
            plan = dataclasses.replace(
                laws[name], id=f"{name}-w{k}", clauses=clauses[start : start + size]
            )
            out.append(Document(f"{name}[{start}:{start + size}]", name.split("-")[0], plan))
    return out


# -- the synthetic run ---------------------------------------------------------------------


@dataclass
class SyntheticRun:
    """The synthetic run's tallies: planlens's, the baseline's (if run), and what it cost."""

    tally: Tally
    baseline: Tally | None
    pairs: int
    compare_seconds: float
    baseline_seconds: float


def run_synthetic(
    seeds: int, compare: CompareFn, *, ops: Sequence[str] = OPS, baseline: bool = True
) -> SyntheticRun:
    """Mutate every document for each seed, compare, and return the summed tallies.

    `ops` are the mutations drawn; with `baseline`, each pair is also aligned by the
    difflib-ratio baseline (`baseline_diff`) and scored the same way.
    """
    laws = {name: clean(load_law(name)) for name in LAW_WINDOWS}
    bases = base_documents()
    run = SyntheticRun(Tally(), Tally() if baseline else None, 0, 0.0, 0.0)
    for seed in range(1, seeds + 1):
        documents = bases + law_windows(laws, seed)
        donors = _donors(documents)
        for document in documents:
            rng = random.Random(f"{seed}:{document.name}")
            n_ops = rng.randint(*OPS_PER_DOCUMENT)
            new, truth = mutate(document.plan, rng, n_ops, donors=donors[document.family], ops=ops)
            start = time.perf_counter()
            diff = compare(document.plan, new)
            run.compare_seconds += time.perf_counter() - start
            run.pairs += 1
            run.tally.add(score(diff, truth, document=document.name, seed=seed))
            if run.baseline is not None:
                start = time.perf_counter()
                base = baseline_diff(document.plan, new)
                run.baseline_seconds += time.perf_counter() - start
                run.baseline.add(score(base, truth, document=document.name, seed=seed))
    return run


def _donors(documents: Sequence[Document]) -> dict[str, list[Clause]]:
    """Return, per family, the clauses of all other families in the same language: what
    `insert`, `replace` and `multi-edit` draw from (a German sentence in an English plan would
    give itself away)."""
    by_family: dict[str, list[Clause]] = defaultdict(list)
    language: dict[str, str] = {}
    for document in documents:
        by_family[document.family].extend(c for c in document.plan.walk() if c.text)
        language[document.family] = document.plan.language or "en"
    return {
        family: [
            c
            for other, clauses in by_family.items()
            if other != family and language[other] == language[family]
            for c in clauses
        ]
        for family in by_family
    }


# -- report --------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def print_metrics(metrics: dict[str, float | None], counts: Counter[str]) -> None:
    """Print the metrics with the counts behind them."""
    behind = {
        "link precision": ("correct links", "reported links"),
        "link recall": ("correct links", "true links"),
        "edited link precision": ("edited correct links", "edited reported links"),
        "edited link recall": ("edited correct links", "edited true links"),
        "spurious-link rate": ("spurious links", "reported links"),
        "inserted/deleted linked": ("ins/del linked", "ins/del"),
        "move recall": ("moves found", "moves"),
        "move precision": ("reported moves true", "reported moves"),
        "split recall": ("splits found", "splits"),
        "merge recall": ("merges found", "merges"),
        "renumbered recall": ("renumbered found", "renumbered"),
        "relation accuracy": ("items exact", "items"),
    }
    for name, value in metrics.items():
        detail = ""
        if name in behind:
            a, b = behind[name]
            detail = f"  ({counts[a]} / {counts[b]})"
        print(f"  {name:<26} {_fmt(value):>8}{detail}")


def print_targets(metrics: dict[str, float | None]) -> None:
    """Print, for each acceptance target, whether it is met."""
    print("\nAcceptance targets (synthetic corpus):")
    for name, (threshold, direction) in TARGETS.items():
        value = metrics.get(name)
        ok: bool | None = None
        if value is not None:
            ok = value >= threshold if direction == "min" else value <= threshold
        sign = ">=" if direction == "min" else "<="
        print(f"  {name:<20} {_fmt(value):>8}  target {sign} {threshold:<5}  {verdict(ok)}")


def print_baseline(metrics: dict[str, float | None], seconds: float) -> None:
    """Print the difflib-ratio baseline's link metrics on the same pairs."""
    print(f"\ndifflib-ratio baseline on the same pairs ({seconds:.1f} s):")
    names = ("link precision", "link recall", "link F1", "spurious-link rate")
    for name in (*names, "edited link precision", "edited link recall", "edited link F1"):
        print(f"  {name:<26} {_fmt(metrics[name]):>8}")


def print_breakdown(tally: Tally, baseline: Tally | None = None) -> None:
    """Print per mutation: items, links found, exactly right, false links, moves flagged, and
    the links the baseline found."""
    print("\nPer mutation (an item touched by two mutations counts under both):")
    header = (
        f"  {'mutation':<11} {'items':>6} {'links found':>12} {'exact':>8} "
        f"{'false links':>12} {'moves flagged':>14}"
    )
    if baseline is not None:
        header += f" {'difflib found':>14}"
    print(header)
    for op in (*OPS, "untouched"):
        counter = tally.by_op.get(op)
        if not counter:
            continue
        items = counter["items"]
        found = _fmt(ratio(counter["pairs found"], items))
        exact = _fmt(ratio(counter["exact"], items))
        moves = _fmt(ratio(counter["moves found"], counter["moves"])) if counter["moves"] else "-"
        line = (
            f"  {op:<11} {items:>6} {found:>12} {exact:>8} {counter['false links']:>12} {moves:>14}"
        )
        if baseline is not None:
            base = baseline.by_op.get(op)
            line += f" {_fmt(ratio(base['pairs found'], base['items']) if base else None):>14}"
        print(line)
    print("\nRelation confusion (true -> reported, where the clauses were linked right):")
    for (truth, reported), count in sorted(tally.confusion.items()):
        mark = "" if truth == reported else "   <-"
        print(f"  {truth:<10} -> {reported:<10} {count:>6}{mark}")


def print_failures(tally: Tally, per_kind: int) -> None:
    """Print up to `per_kind` failures per mutation and kind, links first."""
    groups: dict[tuple[str, str], list[Failure]] = defaultdict(list)
    for failure in tally.failures:
        groups[failure.ops[0] if failure.ops else "untouched", failure.kind].append(failure)
    kind_order = {"missed link": 0, "wrong link": 1, "spurious link": 2}
    print(f"\nFailures ({len(tally.failures)} in all), up to {per_kind} per mutation and kind:")
    for (op, kind), failures in sorted(
        groups.items(), key=lambda item: (kind_order.get(item[0][1], 3), item[0])
    ):
        print(f"\n  [{op}] {kind}: {len(failures)}")
        for failure in failures[:per_kind]:
            print(f"    {failure.document} (seed {failure.seed}, ops {'+'.join(failure.ops)})")
            print(f"      truth:    {failure.truth}")
            print(f"      reported: {failure.reported}")
            for line in failure.texts.splitlines():
                print(f"      {line}")


# -- real pairs ----------------------------------------------------------------------------


def hjres37_truth() -> Truth:
    """Return the truth of H.J.Res. 37 RH -> RFS, read off the two texts.

    SEC. 4 is new; old 4 and 5 are new 5 and 6, word for word. Sections 1-3 keep their
    numbers; 3 is word for word the same, 2 gains one word ("of"), and 1 gains an eleventh
    finding (new figures: modified).
    """
    return Truth(
        links=(
            TruthLink(("1",), ("1",), "modified"),
            TruthLink(("2",), ("2",), "reworded"),
            TruthLink(("3",), ("3",), "unchanged"),
            TruthLink(("4",), ("5",), "unchanged", renumbered=True),
            TruthLink(("5",), ("6",), "unchanged", renumbered=True),
        ),
        inserted=("4",),
        deleted=(),
    )


def run_hjres37(compare: CompareFn) -> None:
    """Compare H.J.Res. 37 RH with RFS and print each truth item's verdict."""
    old = load_uslm(BILLS / "HJ37_RH.XML", "hjres37-rh")
    new = load_uslm(BILLS / "HJ37_RFS.XML", "hjres37-rfs")
    diff = compare(old, new)
    tally = score(diff, hjres37_truth(), document="HJRes37")
    metrics = tally.metrics()
    print("\nH.J.Res. 37 RH -> RFS (exact truth: 1-3 kept, SEC. 4 new, 4 -> 5, 5 -> 6):")
    for change in diff.walk():
        print(f"  {describe_reported([change])}")
    ok = tally.counts["items exact"] == tally.counts["items"]
    print(
        f"  links P/R {_fmt(metrics['link precision'])}/{_fmt(metrics['link recall'])}, "
        f"relations exact {tally.counts['items exact']}/{tally.counts['items']}: "
        + ("ALL RIGHT" if ok else "ERRORS")
    )


def run_bgb(compare: CompareFn, examples: int) -> None:
    """Compare BGB 2012 with 2022 and print the agreement with the § numbers."""
    old, new = load_law("bgb-2012"), load_law("bgb-2022")
    start = time.perf_counter()
    diff = compare(old, new)
    seconds = time.perf_counter() - start
    result = score_by_section(diff)
    print(
        f"\nBGB 2012 -> 2022 by § number ({len(list(old.walk()))} -> {len(list(new.walk()))} "
        f"clauses, compared in {seconds:.2f} s; {result.shared} § in both, each once):"
    )
    print(
        f"  precision {_fmt(result.precision)} ({result.agree} / {result.reported_in_scope} "
        f"reported links between § present in both)"
    )
    print(f"  recall    {_fmt(result.recall)} ({result.agree} / {result.true_pairs} same-§ pairs)")
    old_index, new_index = diff.old.clause_index(), diff.new.clause_index()
    repealed = sum(
        _is_stub(old_index[o].text) != _is_stub(new_index[n].text) for o, n in result.unpaired_same
    )
    verbatim = sum(
        _normal(old_index[o].text) == _normal(new_index[n].text) for o, n in result.paired_across
    )
    print(
        f"  same § not paired: {len(result.unpaired_same)}, of which {repealed} with "
        "'(weggefallen)' on one side only (the § was repealed or reused: the truth is wrong)"
    )
    print(
        f"  paired across different §: {len(result.paired_across)}, of which {verbatim} word "
        "for word the same (renumbered verbatim: the truth is wrong)"
    )
    by_old = {o: ch for ch in diff.walk() for o in ch.old}
    for label, pairs in (
        ("same § not paired", result.unpaired_same),
        ("paired across §", result.paired_across),
    ):
        for o, n in pairs[:examples]:
            print(
                f"    {label}: {old_index[o].number} -> {new_index[n].number}; reported "
                f"{describe_reported([by_old.get(o)])}"
            )
            print(f"      old: {quote(old_index[o].text, 110)}")
            print(f"      new: {quote(new_index[n].text, 110)}")


def _normal(text: str | None) -> str:
    return " ".join((text or "").split())


def _is_stub(text: str | None) -> bool:
    """Tell whether a law clause is a "(weggefallen)" placeholder for a repealed §."""
    return "weggefallen" in (text or "") and len((text or "").split()) <= 3


def parse_ops(value: str) -> tuple[str, ...]:
    """Return the mutations `--ops` names: `all`, `basic`, `hard`, or names joined by commas."""
    groups = {"all": OPS, "basic": BASIC_OPS, "hard": HARD_OPS}
    if value in groups:
        return groups[value]
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = [name for name in names if name not in OPS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown mutations {unknown}; choose from all, basic, hard or {', '.join(OPS)}"
        )
    return names


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=16, help="seeds 1..N (default 16)")
    parser.add_argument(
        "--examples", type=int, default=3, help="failure examples per mutation and kind"
    )
    parser.add_argument("--no-real", action="store_true", help="skip the real pairs")
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip the difflib-ratio baseline"
    )
    parser.add_argument(
        "--ops",
        type=parse_ops,
        default=OPS,
        help="mutations drawn: all (default), basic, hard, or names joined by commas",
    )
    args = parser.parse_args(argv)
    from planlens.compare import compare

    print(f"planlens accuracy harness: python {sys.version.split()[0]}, seeds 1..{args.seeds}")
    start = time.perf_counter()
    run = run_synthetic(args.seeds, compare, ops=args.ops, baseline=not args.no_baseline)
    tally = run.tally
    metrics = tally.metrics()
    print(
        f"\nSynthetic corpus: {run.pairs} compared pairs, {tally.counts['items']} truth items, "
        f"{tally.counts['true links']} true links; compare took {run.compare_seconds:.1f} s"
    )
    print(f"  mutations drawn: {', '.join(args.ops)}")
    print_metrics(metrics, tally.counts)
    if run.baseline is not None:
        print_baseline(run.baseline.metrics(), run.baseline_seconds)
    print_targets(metrics)
    print_breakdown(tally, run.baseline)
    print_failures(tally, args.examples)
    if not args.no_real:
        run_hjres37(compare)
        run_bgb(compare, args.examples)
    print(f"\nTotal time {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
