"""Tests of the accuracy benchmark's generator (`bench/synth*.py`) and scorer (`accuracy_scoring`).

The benchmark's numbers are only as good as its truth: each mutation is checked here to do what
its truth says, on a small hand-made plan, and the scorer's arithmetic on a hand-built diff.
"""

from __future__ import annotations

import doctest
import random
import re
import sys
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import accuracy_scoring  # noqa: E402
import results  # noqa: E402
import speed_results  # noqa: E402
import speed_workloads  # noqa: E402
import synth  # noqa: E402
import synth_labels  # noqa: E402
import synth_words  # noqa: E402
import uslm  # noqa: E402
from synth import mutate  # noqa: E402
from synth_truth import Truth, TruthLink  # noqa: E402
from synth_words import PROTECTED_WORDS  # noqa: E402

from planlens.compare.model import Change, PlanDiff  # noqa: E402
from planlens.plan.model import Clause, Plan, Source  # noqa: E402

_TEXTS = (
    "The parties agree to an immediate ceasefire along the line of contact. Both sides "
    "will withdraw heavy weapons to a distance of 50 kilometres within fourteen days.",
    "Prisoners of war are exchanged on an all for all basis. The exchange starts no later "
    "than the fifth day after the withdrawal and is observed by the committee.",
    "Humanitarian corridors are opened for civilians in the affected districts. Convoys "
    "carrying food and medicine pass the checkpoints without inspection delays.",
    "Elections are held in the eastern regions under the supervision of observers. The "
    "results are certified by the electoral commission within 100 days.",
    "Frozen assets worth 300 billion euros are released to a reconstruction fund. The fund "
    "is administered by a board of trustees appointed by the donor countries.",
    "The armed forces are capped at 600,000 personnel in peacetime. Reserve units are "
    "reduced in proportion and their exercises are announced to the monitoring mission.",
    "Energy infrastructure is restored under international supervision. The power plant "
    "delivers electricity to both grids in equal shares from the first winter onward.",
    "Cultural and religious institutions keep their property and their legal status. "
    "Teaching in minority languages is guaranteed in public schools of the region.",
    "A joint commission settles disputes about the interpretation of this agreement. Its "
    "decisions are final and published in the official gazettes of the parties.",
)
_SUBS = (
    "The guarantor states provide air defence systems and training for the territorial "
    "defence forces during the transition period.",
    "The guarantor states share intelligence about troop movements near the border with "
    "the monitoring mission on a weekly basis.",
    "The guarantor states convene an emergency meeting within three days of any reported "
    "violation of the ceasefire line.",
    "The guarantor states finance the demining of agricultural land and publish progress "
    "reports every quarter of the year.",
    "The guarantor states support the rebuilding of ports and railways with loans at "
    "reduced interest rates for ten years.",
)


def _plan() -> Plan:
    clauses = [
        Clause(id=str(i), number=str(i), text=text) for i, text in enumerate(_TEXTS, start=1)
    ]
    subs = tuple(
        Clause(id=f"10.{letter}", number=letter, text=text)
        for letter, text in zip("abcde", _SUBS, strict=True)
    )
    clauses.append(
        Clause(id="10", number="10", text="Security guarantees are given as follows.", clauses=subs)
    )
    return Plan(
        id="toy",
        title="Toy plan",
        date="2025-01-01",
        status="draft",
        completeness="full",
        sources=(Source(url="https://example.org/toy"),),
        clauses=tuple(clauses),
        language="en",
    )


_DONORS = (
    Clause(
        id="d1",
        text="Licensees may redistribute the software in source form provided that the "
        "copyright notice and this permission notice appear in every copy.",
    ),
    Clause(
        id="d2",
        text="The author disclaims all warranties with regard to this software including "
        "merchantability and fitness for a particular purpose.",
    ),
)


def _one(op: str, seed: int = 1) -> tuple[Plan, Plan, Truth]:
    """Apply the single mutation `op`, trying seeds until it applies."""
    plan = _plan()
    for attempt in range(seed, seed + 50):
        new, truth = mutate(plan, random.Random(attempt), 1, donors=_DONORS, ops=[op])
        if truth.ops_applied() == (op,):
            return plan, new, truth
    raise AssertionError(f"{op} never applied")


def _texts(plan: Plan) -> dict[str, str | None]:
    return {c.id: c.text for c in plan.walk()}


def _touched(truth: Truth) -> list[TruthLink]:
    return [link for link in truth.links if set(link.ops) - {"renumber"}]


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)*", text)


def _protected(text: str) -> Counter[str]:
    return Counter(w for w in re.findall(r"\w+", text.casefold()) if w in PROTECTED_WORDS)


def _accounted(old: Plan, new: Plan, truth: Truth) -> None:
    old_ids = [c.id for c in old.walk()]
    new_ids = [c.id for c in new.walk()]
    assert len(set(new_ids)) == len(new_ids)
    assert Counter(o for link in truth.links for o in link.old) + Counter(truth.deleted) == (
        Counter(old_ids)
    )
    assert Counter(n for link in truth.links for n in link.new) + Counter(truth.inserted) == (
        Counter(new_ids)
    )


# -- generator ---------------------------------------------------------------------------


def test_same_seed_same_result_and_different_seeds_differ() -> None:
    plan = _plan()
    first = mutate(plan, random.Random(7), 5, donors=_DONORS)
    again = mutate(plan, random.Random(7), 5, donors=_DONORS)
    other = mutate(plan, random.Random(8), 5, donors=_DONORS)
    assert first == again
    assert first != other


@pytest.mark.parametrize("seed", range(40))
def test_every_clause_is_accounted_for_once_and_ids_are_unique(seed: int) -> None:
    plan = _plan()
    new, truth = mutate(plan, random.Random(seed), 6, donors=_DONORS)
    _accounted(plan, new, truth)
    assert new.id != plan.id and new.follows == (plan.id,)
    assert all(c.same_as is None and not c.derived_from for c in new.walk())


def test_renumber_keeps_links_and_texts_and_changes_labels() -> None:
    old, new, truth = _one("renumber")
    old_texts, new_texts = _texts(old), _texts(new)
    renumbered = [link for link in truth.links if link.renumbered]
    assert renumbered
    assert all(link.relation == "unchanged" and not link.moved for link in truth.links)
    assert not truth.inserted and not truth.deleted
    old_index, new_index = old.clause_index(), new.clause_index()
    for link in renumbered:
        (o,), (n,) = link.old, link.new
        assert old_texts[o] == new_texts[n]
        assert old_index[o].number != new_index[n].number


def test_renumber_moves_sub_clause_ids_with_their_parent() -> None:
    plan = _plan()
    for seed in range(200):
        _, truth = mutate(plan, random.Random(seed), 1, ops=["renumber"])
        links = {link.old[0]: link.new[0] for link in truth.links}
        if links["10"] != "10":
            assert all(links[f"10.{x}"] == f"{links['10']}.{x}" for x in "abcde")
            return
    raise AssertionError("clause 10 was never renumbered")


def test_move_keeps_the_text_and_changes_the_order() -> None:
    old, new, truth = _one("move")
    (link,) = [link for link in truth.links if link.moved]
    assert link.relation == "unchanged" and link.ops == ("move",)
    (o,), (n,) = link.old, link.new
    assert _texts(old)[o] == _texts(new)[n]
    old_order = [c.id for c in old.walk()]
    new_order = [c.id for c in new.walk()]
    assert old_order != new_order and sorted(old_order) == sorted(new_order)


@pytest.mark.parametrize("seed", range(30))
def test_moved_clauses_are_the_only_explanation_of_the_new_order(seed: int) -> None:
    """In the final plan, the clauses not moved are the one longest run in old order."""
    plan = _plan()
    ops = ["move", "move+edit", "delete", "merge", "split", "insert"]
    new, truth = mutate(plan, random.Random(seed), 6, donors=_DONORS, ops=ops)
    old_position = {c.id: i for i, c in enumerate(plan.walk())}
    link_of = {n: link for link in truth.links for n in link.new}
    for siblings in [new.clauses, *(c.clauses for c in new.walk() if c.clauses)]:
        keyed = [
            (old_position[link_of[c.id].old[0]], link_of[c.id].moved)
            for c in siblings
            if c.id in link_of
        ]
        keys = [k for k, _ in keyed]
        stayed = [k for k, moved in keyed if not moved]
        assert stayed == sorted(stayed)
        # Longest non-decreasing runs through each position, by brute force (split pieces
        # share a key).
        n = len(keys)
        ending = [1] * n
        for i in range(n):
            for j in range(i):
                if keys[j] <= keys[i]:
                    ending[i] = max(ending[i], ending[j] + 1)
        starting = [1] * n
        for i in reversed(range(n)):
            for j in range(i + 1, n):
                if keys[i] <= keys[j]:
                    starting[i] = max(starting[i], starting[j] + 1)
        longest = max(ending, default=0)
        assert longest == len(stayed)
        for i, (_, moved) in enumerate(keyed):
            if moved:
                assert ending[i] + starting[i] - 1 < longest


def test_move_and_edit_rewords_the_moved_clause_only() -> None:
    old, new, truth = _one("move+edit")
    (link,) = _touched(truth)
    assert link.moved and link.relation == "reworded"
    (o,), (n,) = link.old, link.new
    before, after = _texts(old)[o], _texts(new)[n]
    assert before is not None and after is not None and before != after
    assert _numbers(before) == _numbers(after)
    assert _protected(before) == _protected(after)


@pytest.mark.parametrize("seed", range(1, 6))
def test_reword_changes_words_but_no_substance(seed: int) -> None:
    old, new, truth = _one("reword", seed)
    (link,) = _touched(truth)
    assert link.relation == "reworded" and not link.moved
    (o,), (n,) = link.old, link.new
    before, after = _texts(old)[o], _texts(new)[n]
    assert before is not None and after is not None
    ratio = SequenceMatcher(None, before.split(), after.split()).ratio()
    assert 0.55 <= ratio < 1.0
    assert _numbers(before) == _numbers(after)
    assert _protected(before) == _protected(after)


def test_figure_changes_exactly_one_number() -> None:
    old, new, truth = _one("figure")
    (link,) = _touched(truth)
    assert link.relation == "modified"
    (o,), (n,) = link.old, link.new
    before, after = _numbers(_texts(old)[o] or ""), _numbers(_texts(new)[n] or "")
    assert len(before) == len(after)
    assert sum(a != b for a, b in zip(before, after, strict=True)) == 1
    changed_before = re.sub(r"\d", "#", _texts(old)[o] or "")
    assert changed_before == re.sub(r"\d", "#", _texts(new)[n] or "")


def test_split_cuts_one_clause_into_two_at_a_boundary() -> None:
    old, new, truth = _one("split")
    (link,) = _touched(truth)
    assert link.relation == "split" and len(link.old) == 1 and len(link.new) == 2
    whole = _texts(old)[link.old[0]]
    parts = [_texts(new)[n] or "" for n in link.new]
    assert whole is not None and " ".join(whole.split()) == " ".join(" ".join(parts).split())
    assert all(len(part.split()) >= synth.MIN_PART_WORDS for part in parts)
    assert parts[0].rstrip()[-1] in ".;:"
    assert link.new[1] not in _texts(old)


def test_merge_joins_two_neighbours() -> None:
    old, new, truth = _one("merge")
    (link,) = _touched(truth)
    assert link.relation == "merged" and len(link.old) == 2 and len(link.new) == 1
    order = [c.id for c in old.walk()]
    assert order.index(link.old[1]) == order.index(link.old[0]) + 1
    joined = " ".join(_texts(old)[o] or "" for o in link.old)
    assert " ".join(joined.split()) == " ".join((_texts(new)[link.new[0]] or "").split())


def test_insert_adds_a_donor_clause_with_a_fresh_id() -> None:
    old, new, truth = _one("insert")
    (inserted,) = truth.inserted
    assert inserted not in _texts(old)
    text = _texts(new)[inserted]
    assert text in {d.text for d in _DONORS}
    assert text not in _texts(old).values()
    assert all(link.relation == "unchanged" for link in truth.links)


def test_delete_removes_a_clause_and_nothing_else() -> None:
    old, new, truth = _one("delete")
    assert truth.deleted
    assert not set(truth.deleted) & set(_texts(new))
    assert all(link.relation == "unchanged" and not link.moved for link in truth.links)
    assert len(truth.links) + len(truth.deleted) == len(list(old.walk()))


def test_short_clauses_are_never_reworded() -> None:
    plan = _plan()
    short = {c.id for c in plan.walk() if len((c.text or "").split()) < synth.MIN_EDIT_WORDS}
    assert short == {"10"}
    for seed in range(30):
        _, truth = mutate(plan, random.Random(seed), 3, ops=["reword", "move+edit"])
        assert not any(link.old == ("10",) for link in _touched(truth))


def test_compounds_with_a_protected_part_are_never_reworded() -> None:
    plan = _plan()
    clause = Clause(
        id="1",
        number="1",
        text="Release of prisoners on an all-for-all basis and a non-aggression pact between "
        "the neighbouring states, with a guarantee-led process and a peacekeeping-BOS unit.",
    )
    mutator = synth._Mutator(plan, random.Random(1), _DONORS)
    for seed in range(20):
        mutator.rng = random.Random(seed)
        text = mutator.reword_text(clause.text or "", 0.25)
        assert text is not None
        assert "all-for-all" in text and "non-aggression" in text and "peacekeeping-BOS" in text


def test_unknown_mutation_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown mutations"):
        mutate(_plan(), random.Random(1), 1, ops=["shuffle"])


def test_the_bench_doctests_pass() -> None:
    for module in (synth_labels, synth_words, uslm, speed_workloads, speed_results, results):
        assert doctest.testmod(module).failed == 0


# -- scorer ------------------------------------------------------------------------------


def _diff_plan(plan_id: str, ids: list[str]) -> Plan:
    return Plan(
        id=plan_id,
        title=plan_id,
        date="2025-01-01",
        status="draft",
        completeness="full",
        sources=(Source(url="https://example.org/x"),),
        clauses=tuple(Clause(id=i, text=f"text {i}") for i in ids),
    )


def test_scorer_arithmetic_on_a_hand_built_diff() -> None:
    old = _diff_plan("old", ["a", "b", "c", "d", "e", "f"])
    new = _diff_plan("new", ["a", "b", "c1", "c2", "d", "x"])
    truth = Truth(
        links=(
            TruthLink(("a",), ("a",), "unchanged"),
            TruthLink(("b",), ("b",), "unchanged", moved=True, ops=("move",)),
            TruthLink(("c",), ("c1", "c2"), "split", ops=("split",)),
            TruthLink(("d", "e"), ("d",), "merged", ops=("merge",)),
        ),
        inserted=("x",),
        deleted=("f",),
    )
    diff = PlanDiff(
        old=old,
        new=new,
        changes=(
            Change("unchanged", ("a",), ("a",)),
            Change("unchanged", ("b",), ("b",)),  # the move is missed
            Change("reworded", ("c",), ("c1",)),  # half a split
            Change("added", (), ("c2",)),
            Change("merged", ("d", "e"), ("d",)),
            Change("modified", ("f",), ("x",), moved=True),  # a spurious link
        ),
    )
    tally = accuracy_scoring.score(diff, truth)
    m = tally.metrics()
    # Reported pairs: aa bb cc1 dd ed fx (6); true pairs: aa bb cc1 cc2 dd ed (6); 5 agree.
    assert m["link precision"] == pytest.approx(5 / 6)
    assert m["link recall"] == pytest.approx(5 / 6)
    assert m["link F1"] == pytest.approx(5 / 6)
    assert m["spurious-link rate"] == pytest.approx(1 / 6)
    assert m["inserted/deleted linked"] == 1.0
    assert m["move recall"] == 0.0
    assert m["move precision"] == 0.0
    assert m["split recall"] == 0.0
    assert m["merge recall"] == 1.0
    # Items: 4 links + 1 inserted + 1 deleted; exact: a, b (moved is not a relation), d+e.
    assert m["relation accuracy"] == pytest.approx(3 / 6)
    assert tally.by_op["split"]["pairs found"] == 0
    assert tally.by_op["merge"]["exact"] == 1
    kinds = Counter(f.kind for f in tally.failures)
    assert kinds == {"move not flagged": 1, "missed link": 1, "spurious link": 2}


def test_scorer_gives_perfect_marks_to_the_truth_itself() -> None:
    old, new, truth = _one("split")
    changes = [Change(link.relation, link.old, link.new, moved=link.moved) for link in truth.links]
    changes += [Change("added", (), (n,)) for n in truth.inserted]
    changes += [Change("removed", (o,), ()) for o in truth.deleted]
    m = accuracy_scoring.score(PlanDiff(old, new, tuple(changes)), truth).metrics()
    assert m["link F1"] == 1.0 and m["relation accuracy"] == 1.0 and m["split recall"] == 1.0


def test_tallies_add_up_micro_averaged() -> None:
    old = _diff_plan("old", ["a", "b"])
    new = _diff_plan("new", ["a", "b"])
    truth = Truth(
        (TruthLink(("a",), ("a",), "unchanged"), TruthLink(("b",), ("b",), "unchanged")), (), ()
    )
    good = PlanDiff(
        old, new, (Change("unchanged", ("a",), ("a",)), Change("unchanged", ("b",), ("b",)))
    )
    bad = PlanDiff(
        old, new, (Change("unchanged", ("a",), ("b",)), Change("unchanged", ("b",), ("a",)))
    )
    total = accuracy_scoring.Tally()
    total.add(accuracy_scoring.score(good, truth))
    total.add(accuracy_scoring.score(bad, truth))
    assert total.metrics()["link precision"] == pytest.approx(2 / 4)


def test_section_scoring_counts_agreements_and_disagreements() -> None:
    def law(plan_id: str, numbers: list[tuple[str, str]]) -> Plan:
        return Plan(
            id=plan_id,
            title=plan_id,
            date="2020",
            status="draft",
            completeness="full",
            sources=(Source(url="https://example.org/x"),),
            clauses=tuple(Clause(id=i, number=f"§ {i}", text=t) for i, t in numbers),
        )

    old = law("o", [("1", "eins"), ("2", "zwei"), ("3", "drei"), ("4", "vier")])
    new = law("n", [("1", "eins"), ("2", "zwei"), ("3", "drei"), ("5", "fünf")])
    diff = PlanDiff(
        old,
        new,
        (
            Change("unchanged", ("1",), ("1",)),
            Change("unchanged", ("2",), ("3",)),
            Change("removed", ("3",), ()),
            Change("added", (), ("2",)),
            Change("reworded", ("4",), ("5",)),
        ),
    )
    result = accuracy_scoring.score_by_section(diff)
    assert result.shared == 3 and result.true_pairs == 3
    assert result.reported_in_scope == 2 and result.agree == 1
    assert result.precision == pytest.approx(1 / 2) and result.recall == pytest.approx(1 / 3)
    assert result.unpaired_same == [("2", "2"), ("3", "3")]
    assert result.paired_across == [("2", "3")]
