"""Tests of the substance-flag benchmark's labelled sets (`bench/flags/`) and their scoring.

The kind-targeted set (`split: kinds`) labels negation and modality only: it must load with
those two kinds, be scored on them alone, be kept apart from the other sets, and never have its
errors listed. The turns set (`split: turns`) labels the same two kinds and is kept apart the
same way, but it is a development set: `--all-errors` lists its errors. No rules are run
here: the flags are made up, every kind on every pair.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import flag_accuracy  # noqa: E402
import flag_accuracy_candidates  # noqa: E402
import flag_turns_candidates  # noqa: E402
from flag_accuracy import KINDS, Pair, Source  # noqa: E402

TWO = ("negation", "modality")


def _every_kind_everywhere(sources: list[Source]) -> dict[str, list[list[list[str]]]]:
    """Flags as if the rules flagged every kind on every pair."""
    return {s.name: [[[k, "", ""] for k in KINDS] for _ in s.pairs] for s in sources}


def test_the_kinds_set_loads_with_its_two_kinds_and_no_problems() -> None:
    sources = flag_accuracy.load_sources()
    kinds = [s for s in sources if s.split == "kinds"]
    assert kinds, "no file of split kinds in bench/flags/"
    assert all(s.kinds == TWO for s in kinds)
    assert all(s.kinds == KINDS for s in sources if s.split not in flag_accuracy.PARTIAL)
    assert 60 <= sum(len(s.pairs) for s in kinds) <= 90
    assert all(p.truth <= set(TWO) for s in kinds for p in s.pairs)
    assert flag_accuracy.problems(sources) == []
    assert any(line.startswith("kinds: ") for line in flag_accuracy.check(sources))


def test_the_kinds_set_is_scored_on_its_two_kinds_only_and_kept_apart() -> None:
    sources = flag_accuracy.load_sources()
    kinds = [s for s in sources if s.split == "kinds"]
    flags = _every_kind_everywhere(sources)
    n_pairs = sum(len(s.pairs) for s in kinds)
    n_true = sum(len(p.truth) for s in kinds for p in s.pairs)
    scored = flag_accuracy.score(sources, flags, "kinds")
    assert set(scored.per_kind) == set(TWO)
    assert scored.pooled.hits == n_true
    assert scored.pooled.false == 2 * n_pairs - n_true
    assert scored.pooled.missed == 0
    # Never pooled with the other sets: the pooled row has none of its pairs.
    pooled = [s for s in sources if s.split not in flag_accuracy.APART]
    whole = flag_accuracy.score(pooled, flags)
    assert whole.pooled.hits + whole.pooled.false == len(KINDS) * sum(len(s.pairs) for s in pooled)
    rows = {"this tree": whole}
    splits = {
        split: {"this tree": flag_accuracy.score(sources, flags, split)}
        for split in flag_accuracy.SPLITS
    }
    lines = flag_accuracy.report(sources, rows, splits)
    start = next(i for i, line in enumerate(lines) if line.startswith("| kinds: kind |"))
    table = lines[start + 2 : lines.index("", start)]
    assert [line.split(" | ")[0] for line in table] == ["| negation", "| modality"]
    assert not any("kinds: this tree" in line for line in lines)  # not in the every-kind table
    assert flag_accuracy.KINDS_HISTORY in lines
    # Still held out: no option lists its errors.
    names = {s.name for s in kinds}
    for released in ((), flag_accuracy.RELEASED):
        listed = flag_accuracy.errors(sources, flags, released)
        assert not any(name in line for line in listed for name in names)


def test_a_kind_the_file_does_not_label_is_a_problem() -> None:
    pair = Pair(ids="1 -> 1", old="a", new="b", truth=frozenset({"scope"}))
    partial = Source("x--y.kinds", "en", (), (pair,), "kinds", TWO)
    assert flag_accuracy.problems([partial]) == [
        "x--y.kinds: 1 -> 1: 'scope' is not among the kinds this file labels"
    ]
    unsaid = Source("x--y.kinds", "en", (), (), "kinds")
    assert "labels some kinds only" in flag_accuracy.problems([unsaid])[0]


def test_the_kinds_set_has_no_pair_of_another_set() -> None:
    sources = flag_accuracy.load_sources()

    def texts(split_is_kinds: bool) -> set[tuple[str, str]]:
        return {
            (" ".join(p.old.split()), " ".join(p.new.split()))
            for s in sources
            if (s.split == "kinds") == split_is_kinds
            for p in s.pairs
        }

    assert texts(True) and not texts(True) & texts(False)


def test_the_draw_keeps_only_pairs_whose_negation_or_modal_words_differ() -> None:
    for s in flag_accuracy.load_sources():
        if s.split == "kinds":
            assert all(
                flag_accuracy_candidates.kinds_may_differ(p.old, p.new, s.language) for p in s.pairs
            )
    differ = flag_accuracy_candidates.kinds_may_differ
    assert differ("You shall pay.", "You may pay.", "en")
    assert differ("You may pay.", "You may not pay.", "en")
    assert not differ("You can't pay.", "You cannot pay.", "en")
    assert not differ("You cannot pay.", "You can not pay.", "en")
    assert differ("Er muss zahlen.", "Er soll zahlen.", "de")
    assert not differ("Er muß zahlen.", "Sie müssen zahlen.", "de")
    assert differ("Er hat den Schaden zu ersetzen.", "Er ersetzt den Schaden.", "de")
    assert differ("Es gibt einen Anspruch.", "Es gibt keinen Anspruch.", "de")


_VOCABULARY = (
    "you shall may not no never can't cannot will must pay the licence Er muss darf nicht"
    " kein keine zu ersetzen hat ist Schaden den"
)
WORDS = st.sampled_from(_VOCABULARY.split())


@given(st.lists(WORDS, max_size=20), st.lists(WORDS, max_size=20), st.sampled_from(["en", "de"]))
def test_the_word_rule_is_symmetric_and_ignores_spacing(
    a: list[str], b: list[str], language: str
) -> None:
    differ = flag_accuracy_candidates.kinds_may_differ
    old, new = " ".join(a), " ".join(b)
    assert differ(old, new, language) == differ(new, old, language)
    assert not differ(old, "\n  ".join(a), language)


def test_the_turns_set_is_scored_on_its_two_kinds_kept_apart_and_its_errors_listed() -> None:
    sources = flag_accuracy.load_sources()
    turns = [s for s in sources if s.split == "turns"]
    assert turns and all(s.kinds == TWO for s in turns)
    assert all(p.truth <= set(TWO) for s in turns for p in s.pairs)
    flags = _every_kind_everywhere(sources)
    scored = flag_accuracy.score(sources, flags, "turns")
    assert set(scored.per_kind) == set(TWO)
    n_pairs = sum(len(s.pairs) for s in turns)
    n_true = sum(len(p.truth) for s in turns for p in s.pairs)
    assert (scored.pooled.hits, scored.pooled.false) == (n_true, 2 * n_pairs - n_true)
    pooled = [s for s in sources if s.split not in flag_accuracy.APART]
    assert not any(s.split == "turns" for s in pooled)
    rows = {"this tree": flag_accuracy.score(pooled, flags)}
    splits = {
        split: {"this tree": flag_accuracy.score(sources, flags, split)}
        for split in flag_accuracy.SPLITS
    }
    lines = flag_accuracy.report(sources, rows, splits)
    start = next(i for i, line in enumerate(lines) if line.startswith("| turns: kind |"))
    assert [line.split(" | ")[0] for line in lines[start + 2 : lines.index("", start)]] == [
        "| negation",
        "| modality",
    ]
    assert flag_accuracy.TURNS_NOTE in lines
    names = {s.name for s in turns}
    listed = flag_accuracy.errors(sources, flags)
    assert not any(name in line for line in listed for name in names)
    listed = flag_accuracy.errors(sources, flags, flag_accuracy.RELEASED)
    assert any(name in line for line in listed for name in names)


def test_the_turns_set_is_drawn_by_its_rule_and_shares_no_pair() -> None:
    sources = flag_accuracy.load_sources()
    turns = [s for s in sources if s.split == "turns"]
    others = {
        (" ".join(p.old.split()), " ".join(p.new.split()))
        for s in sources
        if s.split != "turns"
        for p in s.pairs
    }
    for s in turns:
        for p in s.pairs:
            assert flag_accuracy_candidates.kinds_may_differ(p.old, p.new, s.language)
            assert (" ".join(p.old.split()), " ".join(p.new.split())) not in others
    pairs = flag_turns_candidates.sentence_pairs
    # A sentence kept in place whose force turns is drawn; one added whole is not.
    assert pairs(
        "Der Mieter muss die Miete zahlen. Er wohnt dort.",
        "Der Mieter kann die Miete zahlen. Er wohnt dort.",
        "de",
    ) == [("Der Mieter muss die Miete zahlen.", "Der Mieter kann die Miete zahlen.")]
    assert (
        pairs(
            "Russia will withdraw its forces.",
            "Russia will withdraw its forces. Its forces will not return to the zone.",
            "en",
        )
        == []
    )
