"""The held-out alignment sets that `bench/real_pairs.py --held-out` scores load and are complete.

Only loading and checking the labels: no aligner runs here, so the tests never show anyone a
held-out result.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import gold_pairs  # noqa: E402
import real_pairs  # noqa: E402

#: How many pairs of the SPDX draw (`bench/gold/freeze.py`'s SPDX_PAIRS) the alignment set takes.
LICENCE_PAIRS = 8


def spdx_pairs() -> tuple[tuple[str, str], ...]:
    """Return `bench/gold/freeze.py`'s SPDX_PAIRS, loaded without putting bench/gold on the path."""
    spec = importlib.util.spec_from_file_location("gold_freeze", BENCH / "gold" / "freeze.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    pairs: tuple[tuple[str, str], ...] = module.SPDX_PAIRS
    return pairs


@pytest.mark.parametrize("name", sorted(real_pairs.HELD_OUT_SETS))
def test_every_held_out_set_has_a_readme_and_complete_labels(name: str) -> None:
    folder = real_pairs.HELD_OUT_SETS[name]
    assert (folder / "README.md").is_file()
    files = gold_pairs.gold_files(folder)
    assert files, f"no labelled pairs in {folder}"
    assert [line for path in files for line in gold_pairs.problems(path)] == []


def test_the_held_out_sets_are_apart_from_each_other_and_from_the_tuning_pairs() -> None:
    seen = {path.name: "bench/gold" for path in gold_pairs.gold_files(gold_pairs.GOLD)}
    for name, folder in real_pairs.HELD_OUT_SETS.items():
        for path in gold_pairs.gold_files(folder):
            assert path.name not in seen, f"{path.name} in {name} and {seen[path.name]}"
            seen[path.name] = name


def test_the_licence_set_is_scored_and_holds_only_the_first_pairs_of_the_spdx_draw() -> None:
    assert real_pairs.HELD_OUT_SETS["licences"] == gold_pairs.GOLD / "held-out-licences"
    drawn = [f"{old.lower()}--{new.lower()}" for old, new in spdx_pairs()]
    names = {path.stem for path in gold_pairs.gold_files(real_pairs.HELD_OUT_SETS["licences"])}
    assert names <= set(drawn[:LICENCE_PAIRS])
    assert {"cecill-2.0--cecill-2.1", "ogl-uk-2.0--ogl-uk-3.0"} <= names
