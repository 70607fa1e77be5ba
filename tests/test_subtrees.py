"""Subtrees (`planlens.compare.subtrees`) and the learned pass's `subtree` feature."""

from __future__ import annotations

from pathlib import Path

from test_compare import clause, plan
from test_learned import candidates_of, pairs_of, scored

from planlens.compare import learned
from planlens.compare.subtrees import Subtrees, best_subtree_overlap, subtree_gain
from planlens.plan.load import load_plan
from planlens.plan.model import Plan

GOLD_PLANS = Path(__file__).resolve().parents[1] / "bench" / "gold" / "plans"

NOTICES = "Keep intact all copyright notices for the Work."
CREDIT = "Give the name of the Original Author in a reasonable manner."
LINK = "Provide the Uniform Resource Identifier that refers to the licence."
#: One old clause whose words the new version spreads over a point and its sub-points.
WHOLE = f"If You distribute the Work You must: {NOTICES} {CREDIT} {LINK}"
LEAD = "If You share the Work, You must:"


def test_a_subtree_holds_the_words_of_all_its_clauses() -> None:
    old = plan("a", clause("1", WHOLE))
    new = plan(
        "b",
        clause("3", LEAD, clause("3.a", NOTICES, clause("3.a.i", CREDIT)), clause("3.b", LINK)),
    )
    _, new_units, scorer = scored(old, new)
    trees = Subtrees(new_units, scorer.index.weights)
    assert trees.children(0) == [1, 3] and trees.children(1) == [2] and trees.children(3) == []
    assert trees.words(0) == frozenset().union(*(u.wordset for u in new_units))
    assert trees.words(1) == new_units[1].wordset | new_units[2].wordset
    assert trees.words(2) is new_units[2].wordset  # a clause without sub-clauses: its own
    assert trees.mass(0) > trees.mass(1) > trees.mass(2) > 0.0


def test_a_clause_spread_over_a_subtree_gains_and_the_gain_reads_the_same_swapped() -> None:
    old = plan("a", clause("1", WHOLE))
    new = plan(
        "b",
        clause("3", LEAD, clause("3.a", NOTICES, clause("3.a.i", CREDIT)), clause("3.b", LINK)),
    )
    old_units, new_units, scorer = scored(old, new)
    weights = scorer.index.weights
    trees_old, trees_new = Subtrees(old_units, weights), Subtrees(new_units, weights)
    whole = (old_units[0], scorer.index.old_mass[0], trees_old)
    for j in range(len(new_units)):
        part = (new_units[j], scorer.index.new_mass[j], trees_new)
        overlap = scorer.overlap(0, j)
        gain = subtree_gain(whole, part, overlap, weights)
        # Old 1 matches the whole of new 3 better than it matches any one clause of it.
        assert gain > 0.0
        assert best_subtree_overlap(old_units[0], whole[1], trees_new, j, weights) > overlap
        # Swapped: the same clauses, the sides' roles exchanged.
        swapped_old, swapped_new, swapped = scored(new, old)
        w = swapped.index.weights
        back = subtree_gain(
            (swapped_old[j], swapped.index.old_mass[j], Subtrees(swapped_old, w)),
            (swapped_new[0], swapped.index.new_mass[0], Subtrees(swapped_new, w)),
            swapped.overlap(j, 0),
            w,
        )
        assert back == gain


def test_two_clauses_without_sub_clauses_at_the_top_gain_nothing() -> None:
    old = plan("a", clause("1", NOTICES), clause("2", CREDIT))
    new = plan("b", clause("1", NOTICES + " " + LINK))
    old_units, new_units, scorer = scored(old, new)
    weights = scorer.index.weights
    gain = subtree_gain(
        (old_units[0], scorer.index.old_mass[0], Subtrees(old_units, weights)),
        (new_units[0], scorer.index.new_mass[0], Subtrees(new_units, weights)),
        scorer.overlap(0, 0),
        weights,
    )
    assert gain == 0.0


def test_the_plain_overlap_given_is_what_a_clause_without_sub_clauses_counts() -> None:
    # For a clause without sub-clauses, its own subtree's overlap is the scorer's overlap: given
    # it, the walk up its ancestors starts from it and finds the same best.
    old, new = mpl()
    old_units, new_units, scorer = scored(old, new)
    weights = scorer.index.weights
    trees_new = Subtrees(new_units, weights)
    checked = 0
    every = scorer.index.candidates(list(range(len(old_units))), list(range(len(new_units))))
    for i, j in sorted(every):
        mass = scorer.index.old_mass[i]
        full = best_subtree_overlap(old_units[i], mass, trees_new, j, weights)
        given = best_subtree_overlap(
            old_units[i], mass, trees_new, j, weights, scorer.overlap(i, j)
        )
        assert given == full
        checked += not trees_new.children(j)
    assert checked > 10


def mpl() -> tuple[Plan, Plan]:
    return load_plan(GOLD_PLANS / "mpl-1.1.yaml"), load_plan(GOLD_PLANS / "mpl-2.0.yaml")


def test_the_subtree_feature_reads_the_same_with_old_and_new_swapped_on_a_real_pair() -> None:
    old, new = mpl()
    forward = candidates_of(old, new)
    backward = {(o, n): f for (n, o), f in candidates_of(new, old).items()}
    assert forward == backward
    k = learned.FEATURES.index("subtree")
    assert any(f[k] > 0.1 for f in forward.values())


def test_sub_points_condensed_into_a_new_clause_are_linked_by_the_subtree_feature() -> None:
    # MPL 1.1 § 2.2 (b), the contributor's patent grant, went into MPL 2.0 § 2.1 with the rest
    # of § 2.2: the old § 2.2 with its points matches new § 2.1 better than (b) alone does.
    old, new = mpl()
    features = candidates_of(old, new)[("2.2.b", "2.1")]
    k = learned.FEATURES.index("subtree")
    assert features[k] > 0.2
    assert learned.probability(features) >= learned.LINK_MIN
    without = (*features[:k], 0.0, *features[k + 1 :])
    assert learned.probability(without) < learned.LINK_MIN
    assert ("2.2.b", "2.1") in pairs_of(old, new)
