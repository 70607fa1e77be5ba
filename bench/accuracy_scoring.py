"""Scoring a comparison against a known truth: the counts behind every metric, and the failures.

`score` counts one `PlanDiff` against the `Truth` of a mutation (`bench/synth.py`) into a
`Tally`; tallies add up over documents and seeds, and `Tally.metrics` turns the sums into
micro-averaged metrics (see `bench/accuracy.py` for their definitions). `score_by_section`
scores two versions of a law against their § numbers instead, a noisy truth.
"""

from __future__ import annotations

import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from synth_truth import Truth, TruthLink

from planlens.compare.model import Change, PlanDiff
from planlens.plan.model import Clause

# -- scoring against the truth of a mutation ----------------------------------------------


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
        precision = ratio(c["correct links"], c["reported links"])
        recall = ratio(c["correct links"], c["true links"])
        f1 = (
            2 * precision * recall / (precision + recall)
            if precision is not None and recall is not None and precision + recall
            else None
        )
        return {
            "link precision": precision,
            "link recall": recall,
            "link F1": f1,
            "spurious-link rate": ratio(c["spurious links"], c["reported links"]),
            "inserted/deleted linked": ratio(c["ins/del linked"], c["ins/del"]),
            "move recall": ratio(c["moves found"], c["moves"]),
            "move precision": ratio(c["reported moves true"], c["reported moves"]),
            "split recall": ratio(c["splits found"], c["splits"]),
            "merge recall": ratio(c["merges found"], c["merges"]),
            "renumbered recall": ratio(c["renumbered found"], c["renumbered"]),
            "relation accuracy": ratio(c["items exact"], c["items"]),
        }


def ratio(a: int, b: int) -> float | None:
    """Return `a / b`, None when `b` is zero (a metric without a denominator)."""
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
                describe_reported(
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
                    describe_reported([found]),
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
                    describe_reported([found]),
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


def describe_reported(changes: Iterable[Change | None]) -> str:
    """Return what the comparison reported for some clauses: each change once, with its evidence."""
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
        lines = [f"old {i}: {quote(self.old[i].text)}" for i in old_ids if i in self.old]
        lines += [f"new {i}: {quote(self.new[i].text)}" for i in new_ids if i in self.new]
        return "\n".join(lines)


def quote(text: str | None, width: int = 150) -> str:
    """Return `text` on one line, shortened to `width` characters, to quote in a report."""
    if text is None:
        return "(no text)"
    return textwrap.shorten(" ".join(text.split()), width, placeholder=" ...")


# -- real pairs: § numbers as the truth ----------------------------------------------------


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
        return ratio(self.agree, self.reported_in_scope)

    @property
    def recall(self) -> float | None:
        return ratio(self.agree, self.true_pairs)


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
