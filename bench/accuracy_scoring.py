"""Scoring a comparison against a known truth: the counts behind every metric, and the failures.

`score` counts one `PlanDiff` against the `Truth` of a mutation (`bench/synth.py`) into a
`Tally`; tallies add up over documents and seeds, and `Tally.metrics` turns the sums into
micro-averaged metrics (see `bench/accuracy.py` for their definitions). `baseline_diff` makes
the difflib-ratio baseline's links (`real_pairs.baseline_pairs`) a diff, to be scored the same
way. `score_by_section` scores two versions of a law against their § numbers instead, a noisy
truth.
"""

from __future__ import annotations

import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from synth_truth import Truth, TruthLink

from planlens.compare.model import Change, PlanDiff
from planlens.plan.model import Clause, Plan

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
        f1 = _f1(precision, recall)
        edited_precision = ratio(c["edited correct links"], c["edited reported links"])
        edited_recall = ratio(c["edited correct links"], c["edited true links"])
        return {
            "link precision": precision,
            "link recall": recall,
            "link F1": f1,
            "edited link precision": edited_precision,
            "edited link recall": edited_recall,
            "edited link F1": _f1(edited_precision, edited_recall),
            "spurious-link rate": ratio(c["spurious links"], c["reported links"]),
            "inserted/deleted linked": ratio(c["ins/del linked"], c["ins/del"]),
            "move recall": ratio(c["moves found"], c["moves"]),
            "move precision": ratio(c["reported moves true"], c["reported moves"]),
            "split recall": ratio(c["splits found"], c["splits"]),
            "merge recall": ratio(c["merges found"], c["merges"]),
            "renumbered recall": ratio(c["renumbered found"], c["renumbered"]),
            "relation accuracy": ratio(c["items exact"], c["items"]),
        }


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None or not precision + recall:
        return None
    return 2 * precision * recall / (precision + recall)


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
    _count_edited(c, reported, truth)
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

    _count_false_links(tally, reported - true_pairs, truth)

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
        op = truth.inserted_by(new_id)
        _count_leftover(tally, op, exact)
        if not exact:
            tally.failures.append(
                Failure(
                    document,
                    seed,
                    (op,),
                    "spurious link",
                    f"new {new_id} inserted",
                    describe_reported([found]),
                    texts.of(found.old if found else (), (new_id,)),
                )
            )
    for old_id in truth.deleted:
        found = by_old.get(old_id)
        exact = found is not None and found.relation == "removed" and not found.new
        op = truth.deleted_by(old_id)
        _count_leftover(tally, op, exact)
        if not exact:
            tally.failures.append(
                Failure(
                    document,
                    seed,
                    (op,),
                    "spurious link",
                    f"old {old_id} deleted",
                    describe_reported([found]),
                    texts.of((old_id,), found.new if found else ()),
                )
            )
    return tally


def _count_edited(c: Counter[str], reported: set[tuple[str, str]], truth: Truth) -> None:
    """Count the links of edited clauses: those a mutation other than `renumber` touched.

    True links: those of the links such mutations made. Reported links: those touching an
    edited clause, inserted and deleted ones included.
    """
    old_ids, new_ids = set(truth.deleted), set(truth.inserted)
    true: set[tuple[str, str]] = set()
    for link in truth.links:
        if set(link.ops) - {"renumber"}:
            old_ids.update(link.old)
            new_ids.update(link.new)
            true |= link.pairs()
    mine = {(o, n) for o, n in reported if o in old_ids or n in new_ids}
    c["edited true links"] += len(true)
    c["edited reported links"] += len(mine)
    c["edited correct links"] += len(mine & true)


def _count_false_links(tally: Tally, false: set[tuple[str, str]], truth: Truth) -> None:
    """Count each reported link that is not true under the mutations of both its clauses."""
    old_ops: dict[str, tuple[str, ...]] = {o: (truth.deleted_by(o),) for o in truth.deleted}
    new_ops: dict[str, tuple[str, ...]] = {n: (truth.inserted_by(n),) for n in truth.inserted}
    for link in truth.links:
        ops = link.ops or ("untouched",)
        old_ops.update((o, ops) for o in link.old)
        new_ops.update((n, ops) for n in link.new)
    for o, n in false:
        for op in dict.fromkeys(old_ops.get(o, ()) + new_ops.get(n, ())):
            tally.by_op[op]["false links"] += 1


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


# -- the baseline as a diff ----------------------------------------------------------------


def baseline_diff(old: Plan, new: Plan) -> PlanDiff:
    """Return the difflib-ratio baseline's alignment of `old` and `new` as a flat diff.

    The links are `real_pairs.baseline_pairs`; a link is `unchanged` when the texts are the
    same and `reworded` otherwise; every clause left over is added or removed.
    """
    from real_pairs import baseline_pairs

    pairs = sorted(baseline_pairs(old, new))
    old_text = {c.id: " ".join((c.text or "").split()) for c in old.walk()}
    new_text = {c.id: " ".join((c.text or "").split()) for c in new.walk()}
    changes = [
        Change("unchanged" if old_text[o] == new_text[n] else "reworded", (o,), (n,))
        for o, n in pairs
    ]
    paired_old, paired_new = {o for o, _ in pairs}, {n for _, n in pairs}
    changes += [Change("removed", (o,), ()) for o in old_text if o not in paired_old]
    changes += [Change("added", (), (n,)) for n in new_text if n not in paired_new]
    return PlanDiff(old, new, tuple(changes))


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
