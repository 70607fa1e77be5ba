"""The models tried beside the learned pass's regression (`bench/link_models.py`)."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import link_models  # noqa: E402
import train_links  # noqa: E402

# Two features on a grid; true where the first is high if the second is, low if not (an
# interaction: no weight of either feature alone separates it), and a third that is noise.
ROWS = [[(k % 8) / 7.0, (k // 8 % 8) / 7.0, (k * 5 % 11) / 10.0] for k in range(128)]
LABELS = [int(r[0] > 0.5 if r[1] > 0.5 else r[0] < 0.2) for r in ROWS]


def right(predict: link_models.Predict) -> int:
    return sum((predict(r) >= 0.5) == bool(y) for r, y in zip(ROWS, LABELS, strict=True))


def test_boosted_trees_find_an_interaction_deterministically() -> None:
    first = link_models.fit_gbm(ROWS, LABELS, depth=2, rounds=30, shrink=0.3, min_leaf=5)
    assert first == link_models.fit_gbm(ROWS, LABELS, depth=2, rounds=30, shrink=0.3, min_leaf=5)
    assert right(first) == len(ROWS)
    assert right(train_links.fit(ROWS, LABELS)) < 0.8 * len(ROWS)  # the regression cannot
    # Stumps add one feature's steps to another's: no interaction either.
    assert right(link_models.fit_gbm(ROWS, LABELS, depth=1, rounds=30)) < len(ROWS)


def test_the_score_test_picks_the_product_that_matters() -> None:
    main = train_links.fit(ROWS, LABELS)
    found = link_models.score_test(ROWS, LABELS, [main(r) for r in ROWS], 2)
    assert (found[0][1], found[0][2]) == (0, 1)
    assert found[0][0] > 10 * found[1][0]
    with_it = link_models.lr_inter(train_links.fit, 1)(ROWS, LABELS)
    assert right(with_it) > right(main) + 10


def test_monotone_stumps_never_step_against_their_direction() -> None:
    rows = [[k / 20.0] for k in range(21)]
    labels = [1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1]
    assert link_models.directions(rows, labels) == [1]
    predict = link_models.gam(rounds=40, min_leaf=2)(rows, labels)
    scores = [predict(r) for r in rows]
    assert all(a <= b for a, b in itertools.pairwise(scores))
    assert scores[-1] > scores[0]


def test_trees_boosted_from_the_regression_start_where_it_stands() -> None:
    main = train_links.fit(ROWS, LABELS)
    none = link_models.lr_boost(train_links.fit, rounds=0)(ROWS, LABELS)
    assert all(abs(none(r) - main(r)) < 1e-9 for r in ROWS)
    some = link_models.lr_boost(train_links.fit, rounds=30, shrink=0.3, min_leaf=5)(ROWS, LABELS)
    assert right(some) > right(main)


def test_every_variant_is_a_model_train_links_can_judge() -> None:
    link_models.register()
    assert set(link_models.variants(train_links.fit)) <= set(train_links.FITS)
    for name in ("gbm2", "lr-inter1", "lr-hinge2", "lr-boost5", "lr-by-group"):
        predict = train_links.FITS[name]([[*r, float(k % 2)] for k, r in enumerate(ROWS)], LABELS)
        assert 0.0 <= predict([0.5, 0.5, 0.5, 1.0]) <= 1.0
