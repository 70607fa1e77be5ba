"""Tests of `bench/flag_agreement.py`: two readers' labels of a flag set, compared per kind.

Cohen's kappa is checked against figures worked by hand (the textbook table of 50 items, 20
both yes, 15 both no, kappa 0.4), its edge cases (perfect agreement, chance agreement, one call
on every pair), and the loading of both kinds of label source: a folder of flag files filtered
by split, and a second-reading file, which `bench/flag_accuracy.py` must not load as a set.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import flag_accuracy  # noqa: E402
import flag_agreement  # noqa: E402
from flag_agreement import Agreement, agreement, load_labels  # noqa: E402

SECOND = BENCH / "flags" / "second-reading" / "held-out-6.yaml"


def _labels(calls: list[set[str]]) -> flag_agreement.Labels:
    return {("f", f"{i} -> {i}"): frozenset(kinds) for i, kinds in enumerate(calls)}


def test_kappa_of_the_textbook_table() -> None:
    a = Agreement(both=20, first=5, second=10, neither=15)
    assert a.total == 50
    assert a.observed == pytest.approx(0.7)
    # Chance: 0.5 * 0.6 + 0.5 * 0.4 = 0.5, so (0.7 - 0.5) / (1 - 0.5).
    assert a.kappa == pytest.approx(0.4)


def test_kappa_edges() -> None:
    assert Agreement(both=3, first=0, second=0, neither=5).kappa == pytest.approx(1.0)
    assert Agreement(both=1, first=1, second=1, neither=1).kappa == pytest.approx(0.0)
    assert Agreement(both=0, first=2, second=2, neither=0).kappa == pytest.approx(-1.0)
    # Both readers make one call on every pair: chance agreement is 1, kappa undefined.
    assert Agreement(both=0, first=0, second=0, neither=9).kappa is None
    assert Agreement(both=9, first=0, second=0, neither=0).kappa is None


def test_agreement_counts_every_pair_and_kind() -> None:
    first = _labels([{"number", "date"}, {"number"}, set(), {"scope"}])
    second = _labels([{"number"}, {"number", "party"}, set(), {"scope"}])
    assert agreement(first, second, ("number",)) == Agreement(2, 0, 0, 2)
    assert agreement(first, second, ("date",)) == Agreement(0, 1, 0, 3)
    assert agreement(first, second, ("party",)) == Agreement(0, 0, 1, 3)
    every = agreement(first, second)
    assert (every.both, every.first, every.second) == (3, 1, 1)
    assert every.total == 4 * len(flag_agreement.KINDS)
    assert flag_agreement.disagreements(first, second) == [
        "first only: f: 0 -> 0: date",
        "second only: f: 1 -> 1: party",
    ]
    with pytest.raises(ValueError, match="different pairs"):
        agreement(first, _labels([set(), set()]))


def test_load_labels_from_a_folder_and_a_second_reading(tmp_path: Path) -> None:
    pairs = [
        {"old_ids": ["1"], "new_ids": ["1"], "old": "a", "new": "b", "flags": {"number": "x"}},
        {"old_ids": ["2", "3"], "new_ids": ["2"], "old": "c", "new": "d", "flags": {}},
    ]
    folder = tmp_path / "flags"
    folder.mkdir()
    for name, split in (("a--b.held-out-9", "held-out-9"), ("c--d", "development")):
        data = {"language": "de", "split": split, "pairs": pairs}
        (folder / f"{name}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    first = load_labels(folder, "held-out-9")
    assert first == {
        ("a--b.held-out-9", "1 -> 1"): frozenset({"number"}),
        ("a--b.held-out-9", "2+3 -> 2"): frozenset(),
    }
    assert len(load_labels(folder)) == 4
    reading = tmp_path / "second.yaml"
    second = {"split": "held-out-9", "sources": {"a--b.held-out-9": pairs[:1]}}
    reading.write_text(yaml.safe_dump(second), encoding="utf-8")
    with pytest.raises(ValueError, match="not 'held-out-6'"):
        load_labels(reading, "held-out-6")
    assert load_labels(reading, "held-out-9") == {("a--b.held-out-9", "1 -> 1"): {"number"}}
    bad = {
        "split": "x",
        "sources": {"s": [{"old_ids": ["1"], "new_ids": ["1"], "flags": {"numbr": ""}}]},
    }
    reading.write_text(yaml.safe_dump(bad), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown kinds"):
        load_labels(reading)


def test_the_second_reading_of_held_out_6_covers_its_pairs_and_is_no_set_of_its_own(
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = load_labels(flag_accuracy.FLAGS, "held-out-6")
    second = load_labels(SECOND, "held-out-6")
    assert len(first) == 33 and set(first) == set(second)
    data = yaml.safe_load(SECOND.read_text(encoding="utf-8"))
    assert "before the first reader's labels were read" in data["labelled"]
    # flag_accuracy loads the flag files of bench/flags/ only, not the second reading.
    assert all(s.name.count("--") == 1 for s in flag_accuracy.load_sources())
    assert "held-out-6" not in {s.name for s in flag_accuracy.load_sources()}
    argv = [str(flag_accuracy.FLAGS), str(SECOND), "--split", "held-out-6", "--disagreements"]
    assert flag_agreement.main(argv) == 0
    out = capsys.readouterr().out
    every = agreement(first, second)
    assert f"| every kind | {every.both} | {every.first} | {every.second} |" in out
    listed = [line for line in out.splitlines() if " only: " in line]
    assert len(listed) == every.first + every.second
    assert flag_agreement.main([str(flag_accuracy.FLAGS), str(SECOND), "--split", "kinds"]) == 1


def test_engine_score_tallies_true_false_and_missed_per_kind_against_either_reading() -> None:
    first = _labels([{"party", "scope"}, {"scope"}, set()])
    second = _labels([{"party"}, {"scope", "provision"}, set()])
    flagged = _labels([{"party", "number"}, set(), {"scope", "date"}])
    by_first = flag_agreement.engine_score(first, flagged)
    assert (by_first["party"].hits, by_first["party"].false, by_first["party"].missed) == (1, 0, 0)
    assert (by_first["scope"].hits, by_first["scope"].false, by_first["scope"].missed) == (0, 1, 2)
    assert by_first["number"].precision == 0 and by_first["number"].recall is None
    every = by_first["every kind"]
    assert (every.hits, every.false, every.missed) == (1, 3, 2)
    by_second = flag_agreement.engine_score(second, flagged)
    assert (by_second["provision"].missed, by_second["every kind"].missed) == (1, 2)
    lines = flag_agreement.engine_table(first, second, flagged)
    assert "| party | 1 / 0 / 0 | 1.00 | 1.00 | 1 / 0 / 0 | 1.00 | 1.00 |" in lines
    assert "| every kind | 1 / 3 / 2 | 0.25 | 0.33 | 1 / 3 / 2 | 0.25 | 0.33 |" in lines
    assert "| date | 0 / 1 / 0 | 0.00 | - | 0 / 1 / 0 | 0.00 | - |" in lines
    assert "| scope | 0 / 1 / 2 | 0.00 | 0.00 | 0 / 1 / 1 | 0.00 | 0.00 |" in lines
    assert "| negation | 0 / 0 / 0 | - | - | 0 / 0 / 0 | - | - |" in lines
    with pytest.raises(ValueError, match="different pairs"):
        flag_agreement.engine_score(first, _labels([set()]))


def test_engine_flags_cover_the_pairs_of_a_split_and_the_option_needs_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    flagged = flag_agreement.engine_flags("held-out-9")
    first = load_labels(flag_accuracy.FLAGS, "held-out-9")
    assert len(flagged) == 32 and set(flagged) == set(first)
    assert all(kinds <= set(flag_agreement.KINDS) for kinds in flagged.values())
    assert any(flagged.values())
    with pytest.raises(SystemExit):
        flag_agreement.main([str(flag_accuracy.FLAGS), str(SECOND), "--engine"])
    assert "--engine needs --split" in capsys.readouterr().err


@pytest.mark.parametrize(("split", "count"), [("held-out-10", 35), ("held-out-11", 52)])
def test_a_second_reading_of_a_licence_set_covers_its_pairs_blind(split: str, count: int) -> None:
    path = BENCH / "flags" / "second-reading" / f"{split}.yaml"
    first = load_labels(flag_accuracy.FLAGS, split)
    second = load_labels(path, split)
    assert len(first) == count and set(first) == set(second)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "before the first reader's labels were read" in data["labelled"]
