"""Rounds for the learned pass, an experiment (`bench/learned_rounds.py`)."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import learned_rounds  # noqa: E402
import train_links  # noqa: E402
from gold_pairs import load_pair  # noqa: E402

from planlens.compare import learned  # noqa: E402

PAIR = BENCH / "gold" / "redrafts" / "osl-3.0--redraft-osl-3.0.yaml"


def test_one_round_is_the_pass_train_links_judges() -> None:
    p = learned_rounds.prepare(load_pair(PAIR))
    model = learned.probability
    probs = [model(c.features) for c in p.data.rows]
    one = learned_rounds.rounds(p, model, model, learned.LINK_MIN, 1)
    assert one.counts == train_links.apply(p.data, probs, learned.LINK_MIN)
    assert len(one.added) == 1
    assert sum(one.added[0]) > 0  # the pair gives the later rounds something to change


def test_rounds_stop_where_judging_again_links_nothing() -> None:
    p = learned_rounds.prepare(load_pair(PAIR))
    model = learned.probability
    later: list[tuple[learned.Candidate, int]] = []
    many = learned_rounds.rounds(p, model, model, learned.LINK_MIN, 10, later)
    assert many.added[-1] == (0, 0)
    assert 1 < len(many.added) < 10
    right = sum(r for r, _ in many.added)
    assert many.counts.tp == len(p.data.base & p.data.truth) + right
    # The later rounds' candidates carry their gold labels and features read from the links
    # the earlier rounds made: some differ from the first round's.
    assert all(y == ((c.old, c.new) in p.data.truth) for c, y in later)
    first = {(c.old, c.new): c.features for c in p.data.rows}
    assert any(first[c.old, c.new] != c.features for c, _ in later)
    # The rules' state is left as it was: each run starts from it.
    assert learned_rounds.rounds(p, model, model, learned.LINK_MIN, 10).counts == many.counts
