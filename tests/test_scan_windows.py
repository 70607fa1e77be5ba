"""Scans looked for only near numbers (`windows`): the matches of the whole scan, in the same
order, with the same spans."""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import planlens.compare.lexicon as lx
from planlens.compare import statements, windows

_parser: Any = importlib.import_module("re._parser")

_words = st.sampled_from(
    [
        *["§", "§§", "Art", "Art.", "Arts.", "Artikel", "Section", "Sect.", "Absatz", "Abs."],
        *["Unterabschnitte", "abschnitt", "Anhängen", "Nr.", "lit.", "v.", "Sub-sections", "ART"],
        *["Subparagraphs", "Paragraphen", "Regulations", "Kapitelns", "Frist", "x", "Satz1"],
        *["1", "12", "1a", "226a", "8.1", "2015", "٣", "(2)", "-", ",", "Kapitel12"],
    ]
)
_spaces = st.sampled_from(["", " ", "  ", "\n", "\u00a0", "\u2003", "\t \u3000", " \x1c"])
_texts = st.lists(st.tuples(_words, _spaces), max_size=16).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@settings(max_examples=1000, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=_texts)
@example(text="Art" + " " * 40 + "5")
@example(text="Abs. 1 Satz 2 Nr. 3 und § 4 Abs.5")
@example(text="Artikel\u20035 §§ 223 bis 226a")
def test_reference_starts_are_those_of_the_whole_scan(text: str) -> None:
    whole = [(m.span(), m.group()) for m in statements._REF_START_RE.finditer(text)]
    found = windows.before_numbers(statements._REF_START, text, statements.REF_WORD_LONGEST)
    assert [(m.span(), m.group()) for m in found] == whole


def test_no_reference_word_is_longer_than_the_window() -> None:
    width = _parser.parse(f"(?:{lx.REFERENCE_WORDS})", re.IGNORECASE).getwidth()
    assert width[1] <= statements.REF_WORD_LONGEST


def test_a_space_of_the_regex_is_a_space_of_python() -> None:
    """The window walks back over the spaces before a number with `str.isspace`, as `\\s`."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert set(re.findall(r"\s", every)) == {c for c in every if c.isspace()}
    assert set(re.findall(r"\d", every)) == set(re.findall(r"\d", every, re.IGNORECASE))


_figure_parts = st.sampled_from(
    [
        *["US$", "$", "€", "£", "US", "U", "S", " ", "\u00a0", "\u202f", "\n", ".", ",", "-", "x"],
        *["1", "12", "600", "000", "2015", "3.5", "1,000", "٣", "a", "Nr", "§", "_", "/"],
    ]
)


@settings(max_examples=1000, derandomize=True, suppress_health_check=list(HealthCheck))
@given(parts=st.lists(_figure_parts, max_size=20))
@example(parts=["US$", " ", "600", " ", "000", " ", "000"])
@example(parts=["x", "US$", "€", " ", " ", "12"])
def test_numbers_are_those_of_the_whole_scan(parts: list[str]) -> None:
    text = "".join(parts)
    whole = [(m.span(), m.groupdict()) for m in statements._NUMBER_RE.finditer(text)]
    found = windows.from_digits(statements._NUMBER, text, statements.NUMBER_LEAD_LONGEST)
    assert [(m.span(), m.groupdict()) for m in found] == whole


def test_a_figure_begins_just_before_its_first_digit() -> None:
    """What stands before a figure's number takes at most `NUMBER_LEAD_LONGEST` characters,
    and its number begins with a digit."""
    pattern = statements._NUMBER_RE.pattern
    lead, number = pattern.split("(?P<num>")
    assert _parser.parse(lead).getwidth()[1] <= statements.NUMBER_LEAD_LONGEST
    assert all(p.startswith(r"\d") for p in number.split("|"))


_marker_parts = st.sampled_from(
    [
        *["(", ")", "1", "12", "123", "2015", "1999", "20", "19", ".", " ", "\n", "\u2003", "/"],
        *[",", "-", "a", "x", "٣", "(1)", "2.", "§", "Nr"],
    ]
)


@settings(max_examples=1500, derandomize=True, suppress_health_check=list(HealthCheck))
@given(parts=st.lists(_marker_parts, max_size=20))
@example(parts=["(", "12", ")", "(", "1", ")", "2", ".", " ", "2015", ".", "1"])
@example(parts=["1999", "-", "2", " ", "2020", "/", "1", "2015", "."])
def test_list_markers_and_years_are_those_of_the_whole_scan(parts: list[str]) -> None:
    text = "".join(parts)
    for pattern, (before, after) in [
        (statements._LIST_MARKER_RE, statements.LIST_MARKER_WINDOW),
        (statements._YEAR_RE, statements.YEAR_WINDOW),
        (statements._YEAR.scan, statements.YEAR_WINDOW),
    ]:
        whole = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in windows.near_numbers(pattern, text, before, after)] == whole


def test_a_window_too_short_misses_a_match() -> None:
    """The windows are no wider than they must be, and the test texts above can tell."""
    marker, year = statements._LIST_MARKER_RE, statements._YEAR_RE
    assert list(windows.near_numbers(marker, "(12) und", 0, 4)) == []
    assert [m.group() for m in windows.near_numbers(marker, "(12) und", 1, 4)] == ["(12)"]
    assert list(windows.near_numbers(marker, "12. und", 1, 3)) == []  # its look-ahead
    assert [m.group() for m in windows.near_numbers(marker, "12. und", 1, 4)] == ["12."]
    assert list(windows.near_numbers(year, "2015-1", 0, 6)) == []
    assert list(windows.near_numbers(year, "2015-1", 0, 5)) != []  # sees the text end early
