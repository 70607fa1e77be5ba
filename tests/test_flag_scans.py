"""The flags' scans cut for issue 14 find what the scans they replace found.

`Blocks` finds what its whole pattern finds (the same matches, spans, groups and order), with
the guards of its blocks tested together; `figures` skips a scan only where no match can be;
the stems of a phrase are those of each of its words.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_flag_speed import texts

import planlens.compare.lexicon as lx
import planlens.compare.patterns as rx
from planlens.compare import conditions, phrases, polarity, qualifiers, statements
from planlens.compare.blocks import Blocks, _Tests, alternatives
from planlens.compare.guards import guarded, quick
from planlens.compare.statements import word_pattern
from planlens.compare.stemming import stemmer

_PARTIES = statements._party_pattern(("Donetsk People's Republic", "İstanbul Group"))[1]
#: The module's patterns in blocks, and the same without their warm-up: blocks from the start.
_BLOCKS = {
    "deadline": Blocks(lx.DEADLINES, word_pattern, 1, warmup=0),
    "condition": Blocks(conditions.CONDITION_MARKERS, word_pattern, 1, warmup=0),
    "negator": Blocks(lx.NEGATORS, word_pattern, 1, warmup=0),
    "number word": Blocks(statements._NUMBER_WORDS, statements._whole_word, 1, warmup=0),
    "party": Blocks(_PARTIES._source, statements._named, 1, warmup=0),
}


def test_the_modules_scan_these_patterns() -> None:
    used = {
        "deadline": statements._DEADLINE,
        "condition": conditions._CONDITION,
        "negator": polarity.NEGATOR_RE,
        "number word": statements._NUMBER_WORD,
        "party": _PARTIES,
    }
    for name, blocks in used.items():
        assert blocks.pattern == _BLOCKS[name].pattern
        assert [b.pattern for b in blocks.blocks] == [b.pattern for b in _BLOCKS[name].blocks]


#: Law-like texts where several blocks match, overlapping: the merge decides.
_LAW = [
    "Die Frist beginnt mit Ablauf des Tages, bis zum 1. Januar 2020, wenn nicht innerhalb von "
    "zwei Wochen widersprochen wird; es sei denn, die Verjährungsfrist von drei Jahren ist um.",
    "unless not later than 30 days after the signing, and no later than midnight, if any",
    "spätestens bis zum Ende, soweit kein Schaden, ohne Frist, fristlos ab dem 3. Mai",
    "Die Bundesregierung und der Bundesrat, the United States and NATO, zweihundert or twenty",
]


def _found(
    pattern: re.Pattern[str] | Blocks, text: str
) -> list[tuple[tuple[int, int], str, str | None]]:
    """The matches' spans, texts and last groups (a party's name is its group's)."""
    return [(m.span(), m.group(), m.lastgroup) for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted(_BLOCKS))
@settings(max_examples=200, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=texts)
def test_blocks_find_what_the_whole_pattern_finds(name: str, text: str) -> None:
    blocks = _BLOCKS[name]
    assert _found(blocks, text) == _found(blocks.pattern, text)
    first = blocks.pattern.search(text)
    found = blocks.search(text)
    assert (found and (found.span(), found.group())) == (first and (first.span(), first.group()))


@pytest.mark.parametrize("name", sorted(_BLOCKS))
@pytest.mark.parametrize("text", _LAW)
def test_blocks_merge_the_matches_of_several_blocks(name: str, text: str) -> None:
    blocks = _BLOCKS[name]
    assert _found(blocks, text) == _found(blocks.pattern, text)


def test_several_blocks_match_a_law_text() -> None:
    """The texts above test the merge: more than one block of the deadlines matches each."""
    for text in _LAW[:3]:
        assert sum(bool(b.pattern.search(text)) for b in _BLOCKS["deadline"].blocks) > 1
    assert sum(bool(b.pattern.search(_LAW[3])) for b in _BLOCKS["party"].blocks) > 1


@settings(max_examples=300, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=st.text(alphabet="ab ", max_size=30), size=st.integers(1, 3))
def test_the_first_block_wins_a_tie_and_empty_matches_go_on_as_finditer(
    text: str, size: int
) -> None:
    """Alternatives that match at the same place, overlap, or match nothing."""
    source = r"a|ab|b+|ba|(?=b)|a b"
    blocks = Blocks(source, lambda s: re.compile(s), size)
    assert _found(blocks, text) == _found(re.compile(source), text)


def test_alternatives_split_at_the_top_level_only() -> None:
    assert alternatives(r"a|(?:b|c)|[|\]]|\||[^]|]") == ["a", "(?:b|c)", r"[|\]]", r"\|", "[^]|]"]
    for source in (lx.DEADLINES, conditions.CONDITION_MARKERS):
        parts = alternatives(source)
        assert "|".join(parts) == source and len(parts) > 10
        for part in parts:
            word_pattern(part)  # each compiles: no group or class was cut


# -- what `figures` asks of a text beside the guards: every match of the pattern has it


@settings(max_examples=300, derandomize=True, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_match_of_one_before_a_unit_passes_the_units_guard(data: st.DataObject) -> None:
    made = data.draw(st.from_regex(statements._ONE_RE, fullmatch=False))
    if statements._ONE_RE.search(made):
        assert statements._ONE_UNIT.possible(made)


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        (statements._RATIO_RE, statements._RATIO_MARKS),
        (statements._MULTIPLE.pattern, statements._MULTIPLE_ENDS),
        (statements._LIST_MARKER_RE, tuple("0123456789")),
    ],
)
@settings(max_examples=300, derandomize=True, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_match_has_what_figures_asks_for(
    pattern: re.Pattern[str], needed: tuple[str, ...], data: st.DataObject
) -> None:
    made = data.draw(st.from_regex(pattern, fullmatch=False))
    for m in pattern.finditer(made):
        if needed == tuple("0123456789"):
            assert any(c.isdigit() for c in m.group())  # `\d`: a digit of any script
        else:
            assert any(x in m.group() for x in needed)


@pytest.mark.parametrize("name", sorted(_BLOCKS))
@settings(max_examples=200, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=texts)
def test_the_blocks_tested_together_are_those_their_guards_pass(name: str, text: str) -> None:
    blocks = _BLOCKS[name]
    tests = _Tests(blocks.blocks)
    each = [quick(b.pattern) for b in blocks.blocks if guarded(b.pattern, 0).possible(text)]
    assert tests.scans(text) == each


def test_a_small_comparison_compiles_no_block_and_reads_not_their_store() -> None:
    """A fresh process: `planlens diff us-28 framework-20` scans with the whole patterns."""
    script = """
from planlens.compare import blocks, compare, patterns
from planlens.plan import load_plans
plans = {p.id: p for p in load_plans(["plans"], closed=True)}
compare(plans["us-28"], plans["framework-20"])
print(patterns._blocks_open, sum(b._blocks is not None for b in blocks.made.values()))
"""
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "0"]


def test_the_blocks_are_compiled_from_their_own_store() -> None:
    blocks = Blocks(lx.NEGATORS, word_pattern, 1, warmup=0)
    assert blocks.blocks
    assert rx._blocks_open
    main, apart = (rx._programs(s, rx.engine())["guards"] for s in (rx.STORE, rx.BLOCKS_STORE))
    for block in blocks.blocks:
        key = f"{block.pattern.flags}:{block.pattern.pattern}"
        assert key in apart and key not in main
        assert rx.reading(block.pattern.pattern, block.pattern.flags) is not None


# -- the stems of a phrase: each word stemmed once, cached by text


@settings(max_examples=200, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=texts)
def test_stems_are_those_of_every_word_as_written(text: str) -> None:
    for stem in (stemmer("de"), stemmer("en"), str):
        words = (w.casefold() for w in phrases._WORD.findall(text))
        former = frozenset(stem(w) for w in words if len(w) > 2 and w not in phrases._STOP)
        assert phrases._stems.__wrapped__(text, stem) == former
        assert phrases.phrase(text, stem).stems == former


@settings(max_examples=300, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=st.text(alphabet="aZßµäÖ-'’ ,.1_²¼\né", max_size=20))
def test_folded_words_are_the_regex_words_case_folded(text: str) -> None:
    assert phrases._folded_words(text) == [w.casefold() for w in phrases._WORD.findall(text)]


def test_every_latin_1_character_is_read_as_the_word_regex_reads_it() -> None:
    for c in map(chr, range(256)):
        for text in (c, f"a{c}b", f"{c}x", f"x{c}", f"Straße{c}µ"):
            expected = [w.casefold() for w in phrases._WORD.findall(text)]
            assert phrases._folded_words(text) == expected, repr(text)


@settings(max_examples=400, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    text=st.text(alphabet="ab ,", max_size=12),
    spans=st.lists(st.tuples(st.integers(-3, 15), st.integers(-3, 15)), max_size=4),
)
def test_blanked_is_the_former_loop_over_a_list_of_characters(
    text: str, spans: list[tuple[int, int]]
) -> None:
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    assert conditions.blanked(text, spans) == "".join(chars)


def test_figures_ask_for_the_dates_only_of_a_number_nothing_else_skips() -> None:
    asked: list[str] = []
    real = statements.dates

    def dates(text: str) -> tuple[tuple[str, tuple[int, int]], ...]:
        asked.append(text)
        return real(text)

    statements.dates = dates  # type: ignore[assignment]
    try:
        plain = "nach § 12 Absatz 3 (1) gilt dies"  # a reference and a list marker only
        assert statements.figures.__wrapped__(plain, "de") == ()
        assert asked == []
        dated = "binnen zwei Wochen ab dem 1. Januar 2020, für 300 Euro"
        assert statements.figures.__wrapped__(dated, "de") == (("300 EUR", "300 Euro"),)
        assert asked == [dated]
    finally:
        statements.dates = real  # type: ignore[assignment]


@settings(max_examples=400, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=st.text(alphabet="ab-_ 1²,éſ", max_size=14), stem=st.text(alphabet="ab-é", max_size=3))
def test_a_word_is_named_where_its_former_pattern_finds_it(text: str, stem: str) -> None:
    former = re.compile(rf"(?<![\w-]){re.escape(stem)}\w{{0,4}}(?!\w)")
    assert qualifiers._names(text, stem) == (former.search(text) is not None)


def test_a_range_does_not_run_into_a_date() -> None:
    # The end of "5–15" is the day of "15 Mai 2020": a date, as the figures' other skips are.
    assert statements.figures.__wrapped__("Frist von 5–15 Mai 2020 gilt", "de") == (("5", "5"),)
    assert statements.figures.__wrapped__("von 2–30 days", "en") == (("2–30 day", "2–30 days"),)
