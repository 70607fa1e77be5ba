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

#: How many pairs of the first SPDX draw (`bench/gold/freeze.py`'s SPDX_PAIRS) the alignment set
#: takes; it takes every pair of the second (SPDX_PAIRS_2).
LICENCE_PAIRS = 8


def licence_set_pairs() -> list[str]:
    """Return the `OLD--NEW` plan ids the alignment set may hold: the first `LICENCE_PAIRS` of
    `bench/gold/freeze.py`'s first SPDX draw and all of its second, loaded without putting
    bench/gold on the path."""
    spec = importlib.util.spec_from_file_location("gold_freeze", BENCH / "gold" / "freeze.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    ids = {doc.file.removeprefix("spdx:"): doc.id for doc in module.SPDX_DOCS}
    pairs = module.SPDX_PAIRS[:LICENCE_PAIRS] + module.SPDX_PAIRS_2
    return [f"{ids[old]}--{ids[new]}" for old, new in pairs]


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


def test_the_licence_set_is_scored_and_holds_only_pairs_drawn_for_it() -> None:
    assert real_pairs.HELD_OUT_SETS["licences"] == gold_pairs.GOLD / "held-out-licences"
    names = {path.stem for path in gold_pairs.gold_files(real_pairs.HELD_OUT_SETS["licences"])}
    assert names <= set(licence_set_pairs())
    assert {"cecill-2.0--cecill-2.1", "ogl-uk-2.0--ogl-uk-3.0", "osl-2.1--osl-3.0"} <= names
