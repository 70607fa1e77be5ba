"""Accuracy harness: how well `compare` finds the true links, on mutations with known truth.

Run from the project root:

    .venv/bin/python bench/accuracy.py [--seeds 16] [--examples 3] [--no-real]

The synthetic corpus is made from real texts: the plans in `plans/`, the licences in
`../shared/corpora/licenses`, and seeded random windows of 60-150 consecutive sections of the
German laws (BGB, StGB, TKG 2004 and 2021). Each document gets 3-6 seeded mutations per seed
(`synth.mutate`), the pair is compared, and every link is scored against the truth. Metrics are
micro-averaged over the whole corpus (all documents, all seeds):

* link precision, recall and F1 over (old id, new id) pairs. A split or merge counts one pair
  per part. Clauses inserted or deleted are links of neither side: they are in neither
  denominator, but a reported link that touches one is a wrong link (and a spurious one);
* spurious-link rate: reported links touching an inserted or deleted clause, per reported link
  (also shown: the share of inserted/deleted clauses that got linked at all);
* move recall: true moves reported with the right partner and `moved`;
* split and merge recall: true splits (merges) reported as exactly that change;
* relation accuracy: truth items (links, insertions, deletions) reported as exactly the same
  change: same clauses on both sides and the same relation.

Then two real pairs whose truth is known: H.J.Res. 37 RH -> RFS (USLM XML), and BGB 2012 -> 2022
scored against the § numbers (a noisy truth: same § means same clause, almost always).

The exit status is 0 whatever the numbers: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import sys
import textwrap
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from common import BILLS, licence_paths, load_law, load_licence, load_our_plans
from synth import OPS, Truth, TruthLink, mutate
from uslm import load_uslm

from planlens.compare.model import Change, PlanDiff
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
OPS_PER_DOCUMENT = (3, 6)
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


# -- scoring -------------------------------------------------------------------------------


@dataclass
class Failure:
    """A truth item the comparison got wrong, with what it reported instead."""

    document: str
    seed: int
    ops: tuple[str, ...]
    kind: str
    truth: str
    reported: str
    texts: str


@dataclass
class Tally:
    """Counts summed over documents and seeds, from which every metric is computed."""

    counts: Counter[str] = field(default_factory=Counter)
    by_op: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.counts.update(other.counts)
        for op, counter in other.by_op.items():
            self.by_op[op].update(counter)
        self.confusion.update(other.confusion)
        self.failures.extend(other.failures)

    def metrics(self) -> dict[str, float | None]:
        """Return every metric, None where its denominator is zero."""
        c = self.counts
        precision = _ratio(c["correct links"], c["reported links"])
        recall = _ratio(c["correct links"], c["true links"])
        f1 = (
            2 * precision * recall / (precision + recall)
            if precision is not None and recall is not None and precision + recall
            else None
        )
        return {
            "link precision": precision,
            "link recall": recall,
            "link F1": f1,
            "spurious-link rate": _ratio(c["spurious links"], c["reported links"]),
            "inserted/deleted linked": _ratio(c["ins/del linked"], c["ins/del"]),
            "move recall": _ratio(c["moves found"], c["moves"]),
            "move precision": _ratio(c["reported moves true"], c["reported moves"]),
            "split recall": _ratio(c["splits found"], c["splits"]),
            "merge recall": _ratio(c["merges found"], c["merges"]),
            "renumbered recall": _ratio(c["renumbered found"], c["renumbered"]),
            "relation accuracy": _ratio(c["items exact"], c["items"]),
        }


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def reported_pairs(diff: PlanDiff) -> set[tuple[str, str]]:
    """Return every (old id, new id) pair the comparison links."""
    return {(o, n) for change in diff.walk() for o in change.old for n in change.new}


def score(diff: PlanDiff, truth: Truth, *, document: str = "", seed: int = 0) -> Tally:
    """Return the counts of one comparison `diff` scored against `truth`."""
    tally = Tally()
    c = tally.counts
    by_new: dict[str, Change] = {}
    by_old: dict[str, Change] = {}
    for change in diff.walk():
        by_new.update((n, change) for n in change.new)
        by_old.update((o, change) for o in change.old)
    reported = reported_pairs(diff)
    true_pairs = truth.pairs()
    inserted, deleted = set(truth.inserted), set(truth.deleted)
    c["reported links"] += len(reported)
    c["true links"] += len(true_pairs)
    c["correct links"] += len(reported & true_pairs)
    c["spurious links"] += sum(1 for o, n in reported if o in deleted or n in inserted)
    linked_old = {o for o, _ in reported}
    linked_new = {n for _, n in reported}
    c["ins/del"] += len(inserted) + len(deleted)
    c["ins/del linked"] += len(inserted & linked_new) + len(deleted & linked_old)
    true_moves = {(frozenset(t.old), frozenset(t.new)) for t in truth.links if t.moved}
    for change in diff.walk():
        if change.moved and change.old and change.new:
            c["reported moves"] += 1
            c["reported moves true"] += (frozenset(change.old), frozenset(change.new)) in true_moves

    def record(ops: Sequence[str], key: str, value: bool) -> None:
        for op in ops or ("untouched",):
            tally.by_op[op][key] += value

    texts = _Texts(diff)
    for link in truth.links:
        found = by_new.get(link.new[0])
        same = (
            found is not None
            and set(found.old) == set(link.old)
            and set(found.new) == set(link.new)
        )
        exact = same and found is not None and found.relation == link.relation
        pairs_found = link.pairs() <= reported
        c["items"] += 1
        c["items exact"] += exact
        record(link.ops, "items", True)
        record(link.ops, "pairs found", pairs_found)
        record(link.ops, "exact", exact)
        if same and found is not None:
            tally.confusion[link.relation, found.relation] += 1
        if link.moved:
            moved_ok = same and found is not None and found.moved
            c["moves"] += 1
            c["moves found"] += moved_ok
            record(link.ops, "moves", True)
            record(link.ops, "moves found", moved_ok)
        if link.renumbered:
            c["renumbered"] += 1
            c["renumbered found"] += same and found is not None and found.renumbered
        if link.relation in ("split", "merged"):
            key = "splits" if link.relation == "split" else "merges"
            c[key] += 1
            c[f"{key} found"] += exact
        if not pairs_found:
            kind = "missed link"
        elif not same:
            kind = "wrong link"
        elif not exact:
            kind = "wrong relation"
        elif link.moved and found is not None and not found.moved:
            kind = "move not flagged"
        else:
            continue
        tally.failures.append(
            Failure(
                document,
                seed,
                link.ops,
                kind,
                _describe_truth(link),
                _describe_reported(
                    [by_old.get(o) for o in link.old] + [by_new.get(n) for n in link.new]
                ),
                texts.of(link.old, link.new),
            )
        )
    for new_id in truth.inserted:
        found = by_new.get(new_id)
        exact = found is not None and found.relation == "added" and not found.old
        _count_leftover(tally, "insert", exact)
        if not exact:
            tally.failures.append(
                Failure(
                    document,
                    seed,
                    ("insert",),
                    "spurious link",
                    f"new {new_id} inserted",
                    _describe_reported([found]),
                    texts.of(found.old if found else (), (new_id,)),
                )
            )
    for old_id in truth.deleted:
        found = by_old.get(old_id)
        exact = found is not None and found.relation == "removed" and not found.new
        _count_leftover(tally, "delete", exact)
        if not exact:
            tally.failures.append(
                Failure(
                    document,
                    seed,
                    ("delete",),
                    "spurious link",
                    f"old {old_id} deleted",
                    _describe_reported([found]),
                    texts.of((old_id,), found.new if found else ()),
                )
            )
    return tally


def _count_leftover(tally: Tally, op: str, exact: bool) -> None:
    tally.counts["items"] += 1
    tally.counts["items exact"] += exact
    tally.by_op[op]["items"] += 1
    tally.by_op[op]["exact"] += exact
    tally.by_op[op]["pairs found"] += exact


def _describe_truth(link: TruthLink) -> str:
    moved = ", moved" if link.moved else ""
    renumbered = ", renumbered" if link.renumbered else ""
    return f"{','.join(link.old)} -> {','.join(link.new)} {link.relation}{moved}{renumbered}"


def _describe_reported(changes: Iterable[Change | None]) -> str:
    seen: list[Change] = []
    for change in changes:
        if change is not None and all(change is not s for s in seen):
            seen.append(change)
    parts = []
    for change in seen:
        moved = ", moved" if change.moved else ""
        score = f" score {change.score}" if change.score is not None else ""
        runner = f" runner-up {change.runner_up}" if change.runner_up is not None else ""
        flags = f" flags {[f.type for f in change.flags]}" if change.flags else ""
        parts.append(
            f"{','.join(change.old) or '-'} -> {','.join(change.new) or '-'} "
            f"{change.relation}{moved} ({change.matched_by}{score}{runner}){flags}"
        )
    return "; ".join(parts) or "nothing"


class _Texts:
    """Short quotes of clause texts, for failure reports."""

    def __init__(self, diff: PlanDiff) -> None:
        self.old = diff.old.clause_index()
        self.new = diff.new.clause_index()

    def of(self, old_ids: Iterable[str], new_ids: Iterable[str]) -> str:
        lines = [f"old {i}: {_quote(self.old[i].text)}" for i in old_ids if i in self.old]
        lines += [f"new {i}: {_quote(self.new[i].text)}" for i in new_ids if i in self.new]
        return "\n".join(lines)


def _normal(text: str | None) -> str:
    return " ".join((text or "").split())


def _is_stub(text: str | None) -> bool:
    """Tell whether a law clause is a "(weggefallen)" placeholder for a repealed §."""
    return "weggefallen" in (text or "") and len((text or "").split()) <= 3


def _quote(text: str | None, width: int = 150) -> str:
    if text is None:
        return "(no text)"
    return textwrap.shorten(" ".join(text.split()), width, placeholder=" ...")


# -- the synthetic run ---------------------------------------------------------------------


def run_synthetic(seeds: int, compare: CompareFn) -> tuple[Tally, int, float]:
    """Mutate every document for each seed, compare, and return the summed tally.

    Also returns how many pairs were compared and the seconds spent in `compare`.
    """
    laws = {name: clean(load_law(name)) for name in LAW_WINDOWS}
    bases = base_documents()
    total = Tally()
    pairs = 0
    compare_seconds = 0.0
    for seed in range(1, seeds + 1):
        documents = bases + law_windows(laws, seed)
        donors = _donors(documents)
        for document in documents:
            rng = random.Random(f"{seed}:{document.name}")
            n_ops = rng.randint(*OPS_PER_DOCUMENT)
            new, truth = mutate(document.plan, rng, n_ops, donors=donors[document.family])
            start = time.perf_counter()
            diff = compare(document.plan, new)
            compare_seconds += time.perf_counter() - start
            pairs += 1
            total.add(score(diff, truth, document=document.name, seed=seed))
    return total, pairs, compare_seconds


def _donors(documents: Sequence[Document]) -> dict[str, list[Clause]]:
    """Return, per family, the clauses of all other families: what `insert` may draw from."""
    by_family: dict[str, list[Clause]] = defaultdict(list)
    for document in documents:
        by_family[document.family].extend(c for c in document.plan.walk() if c.text)
    return {
        family: [c for other, clauses in by_family.items() if other != family for c in clauses]
        for family in by_family
    }


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


def section_key(clause: Clause) -> str | None:
    """Return the § label of a law clause, white space normalised (`§ 5`, `§§ 3 bis 6`)."""
    if clause.number is None or "§" not in clause.number:
        return None
    return " ".join(clause.number.split())


@dataclass
class SectionScore:
    """A comparison of two versions of a law scored against their § numbers."""

    shared: int
    true_pairs: int
    reported_in_scope: int
    agree: int
    unpaired_same: list[tuple[str, str]]
    paired_across: list[tuple[str, str]]

    @property
    def precision(self) -> float | None:
        return _ratio(self.agree, self.reported_in_scope)

    @property
    def recall(self) -> float | None:
        return _ratio(self.agree, self.true_pairs)


def score_by_section(diff: PlanDiff) -> SectionScore:
    """Score `diff` against "same § number, same clause", for the § present in both versions."""
    old_keys = {c.id: section_key(c) for c in diff.old.walk()}
    new_keys = {c.id: section_key(c) for c in diff.new.walk()}
    old_by_key = _unique_keys(old_keys)
    new_by_key = _unique_keys(new_keys)
    shared = sorted(old_by_key.keys() & new_by_key.keys())
    truth = {(old_by_key[k], new_by_key[k]) for k in shared}
    shared_set = set(shared)
    reported = reported_pairs(diff)
    in_scope = {
        (o, n) for o, n in reported if old_keys[o] in shared_set and new_keys[n] in shared_set
    }
    return SectionScore(
        shared=len(shared),
        true_pairs=len(truth),
        reported_in_scope=len(in_scope),
        agree=len(in_scope & truth),
        unpaired_same=sorted(truth - reported),
        paired_across=sorted(in_scope - truth),
    )


def _unique_keys(keys: dict[str, str | None]) -> dict[str, str]:
    """Return key -> id for the keys that occur exactly once."""
    counts = Counter(k for k in keys.values() if k is not None)
    return {k: i for i, k in keys.items() if k is not None and counts[k] == 1}


# -- report --------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def print_metrics(metrics: dict[str, float | None], counts: Counter[str]) -> None:
    """Print the metrics with the counts behind them."""
    behind = {
        "link precision": ("correct links", "reported links"),
        "link recall": ("correct links", "true links"),
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
        if value is None:
            verdict = "NO DATA"
        elif direction == "min":
            verdict = "MET" if value >= threshold else "NOT MET"
        else:
            verdict = "MET" if value <= threshold else "NOT MET"
        sign = ">=" if direction == "min" else "<="
        print(f"  {name:<20} {_fmt(value):>8}  target {sign} {threshold:<5}  {verdict}")


def print_breakdown(tally: Tally) -> None:
    """Print per mutation: items, links found, exactly right, moves flagged."""
    print("\nPer mutation (an item touched by two mutations counts under both):")
    header = (
        f"  {'mutation':<11} {'items':>6} {'links found':>12} {'exact':>8} {'moves flagged':>14}"
    )
    print(header)
    for op in (*OPS, "untouched"):
        counter = tally.by_op.get(op)
        if not counter:
            continue
        items = counter["items"]
        found = _fmt(_ratio(counter["pairs found"], items))
        exact = _fmt(_ratio(counter["exact"], items))
        moves = _fmt(_ratio(counter["moves found"], counter["moves"])) if counter["moves"] else "-"
        print(f"  {op:<11} {items:>6} {found:>12} {exact:>8} {moves:>8}")
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


def run_hjres37(compare: CompareFn) -> None:
    """Compare H.J.Res. 37 RH with RFS and print each truth item's verdict."""
    old = load_uslm(BILLS / "HJ37_RH.XML", "hjres37-rh")
    new = load_uslm(BILLS / "HJ37_RFS.XML", "hjres37-rfs")
    diff = compare(old, new)
    tally = score(diff, hjres37_truth(), document="HJRes37")
    metrics = tally.metrics()
    print("\nH.J.Res. 37 RH -> RFS (exact truth: 1-3 kept, SEC. 4 new, 4 -> 5, 5 -> 6):")
    for change in diff.walk():
        print(f"  {_describe_reported([change])}")
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
                f"{_describe_reported([by_old.get(o)])}"
            )
            print(f"      old: {_quote(old_index[o].text, 110)}")
            print(f"      new: {_quote(new_index[n].text, 110)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=16, help="seeds 1..N (default 16)")
    parser.add_argument(
        "--examples", type=int, default=3, help="failure examples per mutation and kind"
    )
    parser.add_argument("--no-real", action="store_true", help="skip the real pairs")
    args = parser.parse_args(argv)
    from planlens.compare import compare

    print(f"planlens accuracy harness: python {sys.version.split()[0]}, seeds 1..{args.seeds}")
    start = time.perf_counter()
    tally, pairs, compare_seconds = run_synthetic(args.seeds, compare)
    metrics = tally.metrics()
    print(
        f"\nSynthetic corpus: {pairs} compared pairs, {tally.counts['items']} truth items, "
        f"{tally.counts['true links']} true links; compare took {compare_seconds:.1f} s"
    )
    print_metrics(metrics, tally.counts)
    print_targets(metrics)
    print_breakdown(tally)
    print_failures(tally, args.examples)
    if not args.no_real:
        run_hjres37(compare)
        run_bgb(compare, args.examples)
    print(f"\nTotal time {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
