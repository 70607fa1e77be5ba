"""The learned last pass of the aligner (`planlens.compare.learned`) and its training script."""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_compare import clause, plan, plans

from planlens.compare import compare, learned
from planlens.compare.align import aligned_state
from planlens.compare.matching import Scorer
from planlens.compare.units import Link, LinkState, Unit, Vocabulary, flatten
from planlens.plan.load import load_plan
from planlens.plan.model import Plan

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import link_shapes  # noqa: E402
import train_links  # noqa: E402
from gold_pairs import load_pair  # noqa: E402
from real_pairs import Counts, fmt  # noqa: E402

GOLD_PLANS = BENCH / "gold" / "plans"


def units_of(old: Plan, new: Plan) -> tuple[list[Unit], list[Unit]]:
    vocabulary = Vocabulary()
    return flatten(old, vocabulary), flatten(new, vocabulary)


def candidates_of(
    old: Plan, new: Plan, gate: float = 0.0
) -> dict[tuple[str, str], tuple[float, ...]]:
    old_units, new_units = units_of(old, new)
    state, scorer, pairs = aligned_state(old_units, new_units, {}, learn=False)
    return {
        (old_units[c.old].clause.id, new_units[c.new].clause.id): c.features
        for c in learned.candidates(old_units, new_units, pairs, scorer, state, gate)
    }


def pairs_of(old: Plan, new: Plan) -> set[tuple[str, str]]:
    return {(o, n) for change in compare(old, new).walk() for o in change.old for n in change.new}


# -- features ----------------------------------------------------------------------------------

KEEP = "The Licensee shall keep the source code available for three years."
OFFER = "The Licensee shall give every recipient a written offer of the source code."
WHOLE = f"{KEEP} {OFFER}"
PATENTS = "Patent claims of contributors are licensed under the same terms here."
PATENTS_REWRITTEN = "Contributors grant a licence for their patent claims on equal terms here."


def scored(old: Plan, new: Plan) -> tuple[list[Unit], list[Unit], Scorer]:
    """Return the units of two plans and their scorer, with no link made."""
    old_units, new_units = units_of(old, new)
    return old_units, new_units, Scorer(old_units, new_units)


def test_features_of_an_extra_part_and_of_a_rewritten_clause() -> None:
    # Old 1 was split: its first sentence is new 1 (linked), its second new 2 (free). Old 2 was
    # rewritten as new 3; both are free.
    old = plan("a", clause("1", WHOLE), clause("2", PATENTS))
    new = plan("b", clause("1", KEEP), clause("2", OFFER), clause("3", PATENTS_REWRITTEN))
    old_units, new_units, scorer = scored(old, new)
    state = LinkState(2, 3)
    state.add(Link((0,), (0,), "similar", 0.6))
    pairs = scorer.index.candidates([0, 1], [0, 1, 2])
    found = {
        (c.old, c.new): dict(zip(learned.FEATURES, c.features, strict=True))
        for c in learned.candidates(old_units, new_units, pairs, scorer, state)
    }
    assert (0, 0) not in found  # linked already
    part = found[0, 1]
    assert part["sentence"] == 1.0  # new 2 is the second sentence of old 1, word for word
    assert part["sentence"] > part["overlap"]
    assert part["contain_max"] > 0.99  # every word of new 2 is in old 1
    assert part["both_free"] == 0.0
    assert 0.0 < part["fresh"] < 1.0  # "give every recipient a written offer": not in new 1
    assert part["rank"] == 0.0 and part["margin"] > 0.0
    rewritten = found[1, 2]
    assert rewritten["both_free"] == 1.0
    assert rewritten["fresh"] == 1.0
    assert rewritten["in_order"] == 1.0  # after old 1 -> new 1 on both sides
    assert rewritten["same_label"] == 0.0 and rewritten["parents_linked"] == 1.0
    assert 0.0 < rewritten["overlap"] < 0.5


def test_an_extra_part_is_judged_wherever_it_stands() -> None:
    # The second sentence of old 1 is new 3, with new 2, linked to old 2, between it and new 1:
    # the parts of a merge or split are often far apart, so the pass judges the pair all the
    # same (its features, not its place, tell a part from a provision written on its model).
    old = plan("a", clause("1", WHOLE), clause("2", PATENTS))
    new = plan("b", clause("1", KEEP), clause("2", PATENTS_REWRITTEN), clause("3", OFFER))
    old_units, new_units, scorer = scored(old, new)
    pairs = scorer.index.candidates([0, 1], [0, 1, 2])
    assert (0, 2) in pairs
    state = LinkState(2, 3)
    state.add(Link((0,), (0,), "similar", 0.6))
    state.add(Link((1,), (1,), "similar", 0.5))
    judged = learned.candidates(old_units, new_units, pairs, scorer, state)
    assert (0, 2) in {(c.old, c.new) for c in judged}
    # Nothing linked between them: judged too.
    state.remove(state.old_link[1])  # type: ignore[arg-type]
    judged = learned.candidates(old_units, new_units, pairs, scorer, state)
    assert (0, 2) in {(c.old, c.new) for c in judged}


@given(plans("a"), plans("b"))
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_features_read_the_same_with_old_and_new_swapped(old: Plan, new: Plan) -> None:
    forward = candidates_of(old, new)
    backward = {(o, n): f for (n, o), f in candidates_of(new, old).items()}
    assert forward == backward


# -- the gate ----------------------------------------------------------------------------------

feature_values = st.floats(-2.0, 10.0, allow_nan=False)


@given(
    st.lists(
        st.tuples(feature_values, feature_values, st.floats(0.0, 1.0)),
        min_size=len(learned.FEATURES),
        max_size=len(learned.FEATURES),
    ),
    st.floats(0.01, 0.99),
)
def test_a_pair_that_reaches_the_threshold_always_passes_the_gate(
    spans: list[tuple[float, float, float]], floor: float
) -> None:
    bounds = [(min(a, b), max(a, b)) for a, b, _ in spans]
    point = [low + t * (high - low) for (low, high), (_, _, t) in zip(bounds, spans, strict=True)]
    if learned.probability(point) >= floor:
        assert learned.could_reach(bounds, floor)


def test_the_gate_changes_no_decision_on_a_real_pair() -> None:
    old = load_plan(GOLD_PLANS / "lgpl-2.1.yaml")
    new = load_plan(GOLD_PLANS / "lgpl-3.0.yaml")
    every = candidates_of(old, new)
    gated = candidates_of(old, new, learned.LINK_MIN)
    assert len(gated) < len(every)
    likely = {k for k, f in every.items() if learned.probability(f) >= learned.LINK_MIN}
    assert likely and likely == {
        k for k, f in gated.items() if learned.probability(f) >= learned.LINK_MIN
    }
    assert all(every[k] == f for k, f in gated.items())


# -- the decision ------------------------------------------------------------------------------


def test_a_split_into_a_heading_and_points_gains_its_parts() -> None:
    # LGPL 2.1 § 6 (combining a work with the Library) became LGPL 3.0 § 4 and its points.
    old = load_plan(GOLD_PLANS / "lgpl-2.1.yaml")
    new = load_plan(GOLD_PLANS / "lgpl-3.0.yaml")
    found = pairs_of(old, new)
    assert {("6", "4"), ("6", "4.a"), ("6", "4.c")} <= found
    old_units, new_units = units_of(old, new)
    state, _, _ = aligned_state(old_units, new_units, {}, learn=False)
    without = {
        (old_units[i].clause.id, new_units[j].clause.id)
        for link in state.links
        for i in link.old
        for j in link.new
    }
    assert ("6", "4.a") not in without and without < found


def test_what_can_be_added() -> None:
    state = LinkState(4, 4)
    state.add(Link((0,), (0,), "similar", 0.7))
    state.add(Link((1,), (1,), "exact", 1.0))
    state.add(Link((2,), (2,), "pin", 1.0))
    assert learned.addable(state, 3, 3)  # both free
    assert learned.addable(state, 0, 3)  # a split of old 0
    assert learned.addable(state, 3, 0)  # a merge into new 0
    assert not learned.addable(state, 1, 3)  # identical texts: the free clause is new matter
    assert not learned.addable(state, 2, 3)  # an analyst's pin
    assert not learned.addable(state, 0, 1)  # both linked
    learned.add_pair(state, 0, 3, 0.99)
    assert not learned.addable(state, 3, 0)  # would pair old 3 with new 3 as well
    assert Link((0,), (0, 3), "split", 0.7) in state.links


@st.composite
def situations(draw: st.DrawFn) -> tuple[LinkState, list[learned.Candidate]]:
    n_old, n_new = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    state = LinkState(n_old, n_new)
    olds, news = list(range(n_old)), list(range(n_new))
    for _ in range(draw(st.integers(0, 4))):
        free_old = [i for i in olds if state.old_free(i)]
        free_new = [j for j in news if state.new_free(j)]
        if not free_old or not free_new:
            break
        i, j = draw(st.sampled_from(free_old)), draw(st.sampled_from(free_new))
        kind = draw(st.sampled_from(["exact", "pin", "similar", "order"]))
        state.add(Link((i,), (j,), kind, 1.0))  # type: ignore[arg-type]
    pairs = draw(st.lists(st.tuples(st.sampled_from(olds), st.sampled_from(news)), unique=True))
    found = [
        learned.Candidate(i, j, tuple(draw(st.floats(-1.0, 3.0)) for _ in learned.FEATURES))
        for i, j in pairs
    ]
    return state, found


def snapshot(state: LinkState) -> set[Link]:
    return set(state.links)


@given(situations(), st.randoms(use_true_random=False))
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_the_decision_keeps_pins_and_exact_links_and_never_pairs_many_with_many(
    situation: tuple[LinkState, list[learned.Candidate]], shuffle: random.Random
) -> None:
    state, found = situation
    before = snapshot(state)
    n_old, n_new = len(state.old_link), len(state.new_link)
    copy = LinkState(n_old, n_new)
    for link in state.links:
        copy.add(link)
    learned.decided_links(
        [_unit(k) for k in range(n_old)], [_unit(k) for k in range(n_new)], found, state
    )
    kept = {link for link in before if link.matched_by in ("pin", "exact")}
    assert kept <= snapshot(state)
    for link in state.links:
        assert len(link.old) == 1 or len(link.new) == 1
    added = {(i, j) for link in state.links for i in link.old for j in link.new} - {
        (i, j) for link in before for i in link.old for j in link.new
    }
    likely = {(c.old, c.new) for c in found if learned.probability(c.features) >= learned.LINK_MIN}
    assert added <= likely
    # The order the candidates come in decides nothing.
    shuffled = list(found)
    shuffle.shuffle(shuffled)
    learned.decided_links(
        [_unit(k) for k in range(n_old)], [_unit(k) for k in range(n_new)], shuffled, copy
    )
    assert snapshot(copy) == snapshot(state)


def _unit(k: int) -> object:
    from planlens.compare.units import Unit
    from planlens.plan.model import Clause

    return Unit(
        index=k,
        clause=Clause(id=str(k), text=f"clause {k}"),
        parent=None,
        norm=f"clause {k}",
        label=str(k),
    )


# -- the training script -----------------------------------------------------------------------


def test_the_regression_separates_what_can_be_separated_deterministically() -> None:
    rows = [[x / 10.0, (x * 7 % 5) / 5.0] for x in range(40)]
    labels = [int(r[0] > 2.0) for r in rows]
    first = train_links.fit(rows, labels)
    assert first == train_links.fit(rows, labels)
    assert all((first(r) >= 0.5) == bool(y) for r, y in zip(rows, labels, strict=True))
    tree = train_links.FITS["tree"](rows, labels)
    assert all((tree(r) >= 0.5) == bool(y) for r, y in zip(rows, labels, strict=True))


def test_the_committed_constants_are_a_fitted_model() -> None:
    assert (
        len(learned.WEIGHTS) == len(learned.MEANS) == len(learned.SCALES) == len(learned.FEATURES)
    )
    assert all(s > 0 for s in learned.SCALES)
    assert 0.5 <= learned.LINK_MIN < 1.0 and math.isfinite(learned.BIAS)


def test_what_the_many_to_many_experiment_can_add() -> None:
    state = LinkState(5, 5)
    state.add(Link((0, 1), (0,), "merge", 0.7))
    state.add(Link((2,), (1,), "similar", 0.6))
    state.add(Link((3,), (2,), "exact", 1.0))
    state.add(Link((4,), (3,), "pin", 1.0))
    default, free, join = link_shapes.Shape(), link_shapes.Shape("free"), link_shapes.Shape("join")
    exact = link_shapes.Shape(exact=True)
    for i, j in [(0, 4), (2, 4), (3, 4), (4, 4), (0, 1), (2, 0)]:
        assert default.addable(state, i, j) == learned.addable(state, i, j)
    assert not default.addable(state, 0, 4) and free.addable(state, 0, 4)  # old 0 is in a merge
    assert not free.addable(state, 0, 1) and join.addable(state, 0, 1)  # both linked
    assert not join.addable(state, 1, 0)  # the same link
    assert not free.addable(state, 3, 4) and exact.addable(state, 3, 4)  # identical texts
    assert not join.addable(state, 4, 4) and not exact.addable(state, 4, 4)  # a pin, always
    join.add_pair(state, 0, 1, 0.95)
    assert Link((0, 1, 2), (0, 1), "split", 0.7) in state.links
    assert state.old_link[2] is state.new_link[0]


def test_two_mirrored_pairs_are_decided_whatever_their_order() -> None:
    """(old 0, new 1) and (old 1, new 0) between clauses of the same texts tie on probability
    and on every key that is the same with old and new swapped; one makes old 0's link a split,
    the other a merge, and only one can be made. The order the candidates came in (which a
    Hypothesis example found deciding it) decides nothing: the lower old index goes first."""
    units = [_unit(k) for k in range(2)]
    sure = tuple(3.0 for _ in learned.FEATURES)
    assert learned.probability(sure) >= learned.LINK_MIN
    results = []
    for order in ([(0, 1), (1, 0)], [(1, 0), (0, 1)]):
        state = LinkState(2, 2)
        state.add(Link((0,), (0,), "similar", 0.9))
        found = [learned.Candidate(i, j, sure) for i, j in order]
        learned.decided_links(units, units, found, state)  # type: ignore[arg-type]
        results.append(snapshot(state))
    assert results[0] == results[1]
    assert Link((0,), (0, 1), "split", 0.9) in results[0]


# -- the training script with extra training pairs (--train-also, --lopo-all) ------------------

SMALL_MAIN = ("apache-1.1--apache-2.0", "artistic-1.0--artistic-2.0", "epl-1.0--epl-2.0")
SMALL_EXTRA = ("lppl-1.1--lppl-1.2", "osl-1.0--osl-1.1")


def small_sets(tmp_path: Path) -> tuple[Path, Path]:
    """Three of the main pairs and two licence pairs, copied into folders of their own."""
    main, extra = tmp_path / "main", tmp_path / "extra"
    for folder, source, names in (
        (main, BENCH / "gold", SMALL_MAIN),
        (extra, BENCH / "gold" / "held-out-licences", SMALL_EXTRA),
    ):
        folder.mkdir()
        for name in names:
            (folder / f"{name}.yaml").write_bytes((source / f"{name}.yaml").read_bytes())
    return main, extra


def table_rows(out: str) -> dict[str, str]:
    rows = [line.split(" | ") for line in out.splitlines() if line.startswith("| ")]
    return {row[0][2:]: " | ".join(row[1:]) for row in rows if row[1] != "---:"}


def test_train_also_fits_on_the_extra_pairs_but_scores_the_main_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    main, extra = small_sets(tmp_path)
    monkeypatch.setattr(train_links, "GOLD", main)
    assert train_links.main(["--train-also", str(extra)]) == 0
    rows = table_rows(capsys.readouterr().out)
    assert set(rows) == {*SMALL_MAIN, "pair", "**pooled**"}
    # Each main pair: the model and its threshold from the other main pairs and the extra ones.
    data = [train_links.prepare(load_pair(main / f"{n}.yaml")) for n in SMALL_MAIN]
    more = [train_links.prepare(load_pair(extra / f"{n}.yaml")) for n in SMALL_EXTRA]
    for k, d in enumerate(data):
        rest = [e for m, e in enumerate(data) if m != k] + more
        predict = train_links.fit_on(rest, "lr")
        threshold = train_links.choose_threshold(rest, train_links.out_of_fold(rest, "lr"))
        held = train_links.apply(d, [predict(c.features) for c in d.rows], threshold)
        assert rows[d.name].split(" | ")[2:4] == [fmt(held), f"{threshold:.2f}"]
    # Without the extra pairs, the fits are the main pairs' alone.
    assert train_links.main([]) == 0
    out = capsys.readouterr().out
    assert "Fitted on all twelve pairs" in out  # the words of the default run, whatever the count
    assert set(table_rows(out)) == {*SMALL_MAIN, "pair", "**pooled**"}


def test_lopo_all_scores_the_extra_pairs_too_pooled_by_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    main, extra = small_sets(tmp_path)
    monkeypatch.setattr(train_links, "GOLD", main)
    assert train_links.main(["--train-also", str(extra), "--lopo-all"]) == 0
    out = capsys.readouterr().out
    rows = table_rows(out)
    assert set(rows) >= {*SMALL_MAIN, *SMALL_EXTRA, "pooled, main", "pooled, extra"}
    assert f"Fitted on all 5 pairs (bench/gold/, {extra}) (standardised" in out
    pooled = [Counts() for _ in range(2)]
    for name in (*SMALL_MAIN, *SMALL_EXTRA):
        for total, figure in zip(pooled, rows[name].split(" | ")[1:3], strict=True):
            total += counts_of(figure, int(rows[name].split(" | ")[0]))
    assert rows["**pooled**"].split(" | ")[1:3] == [f"**{fmt(c)}**" for c in pooled]


def counts_of(figure: str, links: int) -> Counts:
    """Recover the counts of a pair's 'P / R / F1' from its number of gold links."""
    p, r, _ = (float(v) for v in figure.split(" / "))
    tp = round(r * links)
    fp = round(tp / p - tp) if p else 0
    return Counts(tp, fp, links - tp)


def test_held_out_leaves_out_the_sets_it_was_fitted_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main, extra = small_sets(tmp_path)
    monkeypatch.setattr(train_links, "HELD_OUT_SETS", {"a": main, "b": extra})
    model = train_links.fit_on(
        [train_links.prepare(load_pair(p)) for p in sorted(main.glob("*.yaml"))], "lr"
    )
    both = train_links.held_out(model, 0.9, link_shapes.Shape())
    assert [line[:4] for line in both[1:]] == ["- a:", "- b:"]
    one = train_links.held_out(model, 0.9, link_shapes.Shape(), {extra.resolve()})
    assert one[0].startswith("Held-out pairs (not the b, fitted on), pooled")
    assert one[1:] == both[1:2]
    assert one[0].split("rules ")[1] == one[1].split("rules ")[1]  # pooled over a alone
