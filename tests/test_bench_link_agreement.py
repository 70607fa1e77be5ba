"""The scoring of `bench/link_agreement.py`: sure / possible links and the alignment error rate."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import link_agreement  # noqa: E402

FIRST = frozenset({("1", "1"), ("2", "2"), ("3", "3a"), ("3", "3b")})
SECOND = frozenset({("1", "1"), ("2", "2"), ("3", "3a"), ("4", "4")})


def test_sure_links_are_both_readings_and_possible_ones_either() -> None:
    # Sure: 1-1, 2-2, 3-3a; possible: those and 3-3b, 4-4.
    scored = link_agreement.sure_possible({("1", "1"), ("3", "3b"), ("5", "5")}, FIRST, SECOND)
    assert (scored.reported, scored.possible_hits, scored.sure, scored.sure_hits) == (3, 2, 3, 1)
    assert scored.precision == pytest.approx(2 / 3)
    assert scored.recall == pytest.approx(1 / 3)
    # AER = 1 - (|A & S| + |A & P|) / (|A| + |S|) = 1 - (1 + 2) / (3 + 3)
    assert scored.aer == pytest.approx(0.5)


def test_an_answer_of_every_sure_link_and_only_possible_ones_has_no_error() -> None:
    answer = (FIRST & SECOND) | {("4", "4")}
    scored = link_agreement.sure_possible(answer, FIRST, SECOND)
    assert scored.precision == scored.recall == 1.0
    assert scored.aer == 0.0


def test_scores_add_up_over_pairs() -> None:
    total = link_agreement.SurePossible()
    total += link_agreement.sure_possible({("1", "1")}, FIRST, SECOND)
    total += link_agreement.sure_possible({("9", "9")}, FIRST, SECOND)
    assert (total.reported, total.possible_hits, total.sure, total.sure_hits) == (2, 1, 6, 1)


def test_readings_pair_the_files_of_both_folders_by_name(tmp_path: Path) -> None:
    gold = link_agreement.GOLD / "minsk-1--minsk-2.yaml"
    (tmp_path / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    pairs = link_agreement.readings(tmp_path)
    assert [(a.name, b.name) for a, b in pairs] == [("minsk-1--minsk-2", "minsk-1--minsk-2")]
    assert pairs[0][0].links == pairs[0][1].links


def test_the_second_reading_covers_every_labelled_pair_completely() -> None:
    import gold_pairs

    seconds = gold_pairs.gold_files(link_agreement.SECOND)
    assert [p.name for p in seconds] == [p.name for p in gold_pairs.gold_files()]
    for path in seconds:
        assert gold_pairs.problems(path) == [], path.name
