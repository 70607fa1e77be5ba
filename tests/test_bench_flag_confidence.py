"""Tests of `bench/flag_confidence.py` and its dataset loader, on a tiny fixture.

The loader must never open a set still held out (a withheld file here is not YAML at all, so
reading it would fail), must label each flag by its pair's true kinds, and leave-one-set-out
must fit each rule on the other sets only and apply it to the one left out.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import flag_confidence  # noqa: E402
import flag_confidence_data  # noqa: E402
from flag_confidence_data import Dataset, Row  # noqa: E402


def _write(folder: Path, name: str, split: str | None, pairs: list[dict[str, object]]) -> None:
    data: dict[str, object] = {"old": "a", "new": "b", "language": "en", "pairs": pairs}
    if split is not None:
        data["split"] = split
    (folder / name).write_text(yaml.safe_dump(data), encoding="utf-8")


def _pair(old: str, new: str, flags: dict[str, str]) -> dict[str, object]:
    return {"old_ids": ["1"], "new_ids": ["1"], "old": old, "new": new, "flags": flags}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    _write(tmp_path, "x-1.0--y-2.0.yaml", None, [_pair("a b", "a c", {"scope": "b -> c"})])
    _write(tmp_path, "x-1.0--y-2.0.held-out.yaml", "held-out", [_pair("p", "q", {})])
    for withheld in flag_confidence_data.WITHHELD:
        (tmp_path / f"x-1.0--y-2.0.{withheld}.yaml").write_text("{not: [yaml", encoding="utf-8")
    return tmp_path


def test_loader_skips_withheld_sets_unread(folder: Path) -> None:
    wanted = [
        "development",
        "held-out",
        "held-out-7",
        "held-out-8",
        "held-out-9",
        "held-out-10",
        "held-out-11",
        "kinds",
    ]
    sources = flag_confidence_data.load_sets(wanted, folder)
    assert [(s.name, s.split) for s in sources] == [
        ("x-1.0--y-2.0.held-out", "held-out"),
        ("x-1.0--y-2.0", "development"),
    ]
    assert [s.name for s in flag_confidence_data.load_sets(["held-out"], folder)] == [
        "x-1.0--y-2.0.held-out"
    ]


def test_loader_refuses_a_file_whose_split_its_name_hides(tmp_path: Path) -> None:
    _write(tmp_path, "x--y.yaml", "held-out-7", [_pair("p", "q", {})])
    with pytest.raises(ValueError, match="split"):
        flag_confidence_data.load_sets(["development"], tmp_path)


def test_features_label_each_flag_by_its_pair(folder: Path) -> None:
    (source,) = flag_confidence_data.load_sets(["development"], folder)
    flags = [[["scope", "b", "c"], ["party", "", "a c"]]]
    rows = flag_confidence_data.features(source, flags, {"1 -> 1": 0.8})
    assert [(r.kind, r.true, r.one_sided, r.value_words) for r in rows] == [
        ("scope", True, False, 2),
        ("party", False, True, 2),
    ]
    # "a c", named on the new side only, has "a" in the old text: half its words echoed.
    assert rows[1].echoed == 0.5
    assert rows[0].echoed == 0.0
    assert {r.kinds_on_pair for r in rows} == {2}
    assert {r.link_confidence for r in rows} == {0.8}
    assert rows[0].changed == pytest.approx(0.5)


def _row(split: str, words: int, true: bool) -> Row:
    return Row(
        split, "s", "1 -> 1", "scope", true, "en", 100, 0.5, 1, False, 0.0, 0.0, 0.0, words, None
    )


def test_leave_one_set_out_fits_on_the_other_sets_only() -> None:
    # In sets a and b, flags naming 5 words or more are true and shorter ones false; set c
    # (left out in its turn) has the opposite pattern, so a rule fitted on a and b calls its
    # long (false) flags sure, and one that had seen c would not fit a and b.
    rows = [
        *(_row(s, w, w >= 5) for s in ("a", "b") for w in (1, 2, 6, 7)),
        *(_row("c", w, w < 5) for w in (1, 2, 6, 7)),
    ]
    data = Dataset(tuple(rows), {"a": 2, "b": 2, "c": 3})
    run = flag_confidence.leave_one_set_out(data, [0.95], False, blind=("a", "b", "c"))
    words = run.outcomes[0.95]["words"]
    assert (words["c"].sure_true, words["c"].sure_false) == (0, 2)
    assert (words["c"].check_true, words["c"].check_false) == (2, 0)
    assert words["c"].labelled == 3
    # Left out in its turn, a is sorted by a rule fitted on b and c, which contradict each
    # other: no threshold is 0.95 precise on them together, so nothing of a is sure.
    assert words["a"].sure_true + words["a"].sure_false == 0
    # Today's product calls every flag sure.
    today = run.outcomes[0.95]["all"]["c"]
    assert (today.sure_true, today.sure_false, today.check_true + today.check_false) == (2, 2, 0)
    assert len(run.scores["words"]) == len(rows)


def test_folds_leave_each_set_out_once() -> None:
    folds = flag_confidence.folds(["a", "b", "c"], with_tuned=True)
    assert [held for held, _ in folds] == ["a", "b", "c"]
    for held, training in folds:
        assert held not in training
        assert training[-1] == flag_confidence_data.TUNED
    assert all(
        flag_confidence_data.TUNED not in training
        for _, training in flag_confidence.folds(["a", "b"], with_tuned=False)
    )


def test_trigrams_find_a_value_in_another_clause_only() -> None:
    index = flag_confidence_data.Trigrams(
        [("1", "the licensee shall pay the fee"), ("2", "the licensee shall pay nothing")]
    )
    # "the licensee shall pay" has two trigrams, both in either clause.
    assert index.share("the licensee shall pay", ["1"]) == 1.0
    assert index.share("shall pay the fee", ["2"]) == 1.0
    assert index.share("shall pay the fee", ["1"]) == 0.0  # clause 2 has neither trigram
    # Of "licensee shall pay the fee" clause 2 has one trigram of three.
    assert index.share("licensee shall pay the fee", ["1"]) == pytest.approx(1 / 3)
    assert index.share("two words", []) == 0.0
