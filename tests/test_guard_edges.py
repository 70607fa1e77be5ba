"""A literal is a whole word (or a word's beginning) where the items beside it allow nothing else
(`reading._edge`): the guards' tests that rest on it skip no text the pattern matches.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlens.compare import conditions, modality, polarity, statements
from planlens.compare.guards import guarded, in_words, needs, profile
from planlens.compare.reading import _COMMON, _no_word_char

#: Patterns whose literals stand next to spaces, optional groups and look-arounds.
_EDGED = {
    "after spaces": r"(?<![\w-])(?:(?:mit\s+(?:dem\s+)?|vor\s+|nach\s+)Ablauf(?:\s+\w+)?)(?![\w])",
    "optional tail": r"(?<![\w-])(?:\d{1,2}\.?\s+(?-i:Januar|Mai)(?:,?\s+\d{4})?)(?![\w])",
    "boundary": r"(?<![\w-])(?:zu\s+Beginn\b|im\s+Zeitraum\b)(?![\w])",
    "repeats": r"(?<![\w-])(?:spätestens(?:\s+\S+){1,3}|at\s+the\s+latest)(?![\w])",
    "classes": r"(?<![\w-])(?:[,;]\s*sofern|\(\s*Frist)(?![\w])",
    "may be empty": r"(?<![\w-])(?:x?Ablauf|-?Frist|\s*Dauer)(?![\w])",
    "not at an edge": r"(?<![\w-])(?:Ablauf\w*|\w+frist|Dauer(?=\w)|[a-z]Beginn)",
    # Alternatives that open with the same letters: the parser takes them out of the group
    # ("U" + "nited Nations|N"), whose words are joined to them only where they open it.
    "joined": r"(?<![\w-])(?:United Nations|UN(?! Security)|Russia|Russian Federation|Red Cross)"
    r"(?![\w-])",
    # A literal no word character may follow ends a word; after a word boundary that a letter
    # follows, one begins.
    "word ends": r"(?<!\w)(?:[a-zäöü]*(?:acht|zehn|lauf)|\w*[Ff]rist)(?!\w)",
    "boundaries": r"\b(?:Ablauf|Frist|zu\s+Beginn|-?Dauer\w*|\s*Mai)\b",
    "number words": statements._NUMBER_WORD_RE.pattern,
    "subordinate": polarity.SUBORDINATE_RE.pattern.pattern,
    "deadline": statements._DEADLINE_RE.pattern,
    "when": statements._WHEN_RE.pattern,
    "condition": conditions.CONDITION_RE.pattern,
}
_WORDS = ["Ablauf", "ablauf", "Frist", "frist", "Beginn", "Dauer", "Zeitraum", "Mai", "Januar"]
_NUMBERS = ["acht", "Nacht", "zehn", "achtzehn", "elf", "Elf", "three", "which", "may", "so that"]
_texts = st.lists(
    st.one_of(
        st.sampled_from([*_WORDS, "mit", "dem", "vor", "nach", "zu", "im", "at", "the", "x"]),
        st.text(alphabet="aAx-_ ,;()§.1\n", min_size=1, max_size=4),
        st.sampled_from(["spätestens", "latest", "sofern", "12", "2020", "ſ", "K"]),
        st.sampled_from(["United", "Nations", "UN", "Russia", "Russian", "Federation", "Red"]),
        st.sampled_from(_NUMBERS),
    ),
    max_size=14,
).map("".join)


@pytest.mark.parametrize("name", sorted(_EDGED))
@settings(max_examples=200, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=_texts)
def test_a_guard_of_edged_literals_skips_no_match(name: str, text: str) -> None:
    pattern = re.compile(_EDGED[name], re.I)
    if pattern.search(text):
        assert guarded(pattern, 0).possible(text), (needs(pattern), text)


@pytest.mark.parametrize("name", sorted(_EDGED))
@settings(max_examples=100, derandomize=True, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_string_of_an_edged_pattern_passes_its_guard(name: str, data: st.DataObject) -> None:
    pattern = re.compile(_EDGED[name], re.I)
    made = data.draw(st.from_regex(pattern, fullmatch=False))
    if pattern.search(made):
        assert guarded(pattern, 0).possible(made), (needs(pattern), made)


@pytest.mark.parametrize(
    ("pattern", "wanted"),
    [
        # After "\s+" (through an optional "dem\s+") a literal begins a word; before an
        # optional group that begins with a space, or the end, it ends one.
        (_EDGED["after spaces"], {("word", "ablauf")}),
        (_EDGED["optional tail"], {("word", "januar"), ("word", "mai")}),
        (_EDGED["boundary"], {("word", "beginn"), ("word", "zeitraum")}),
        (_EDGED["repeats"], {("word", "spätestens"), ("word", "latest")}),
        (_EDGED["classes"], {("word", "sofern"), ("word", "frist")}),
        # "x?" may be a letter before "Ablauf" (a word that ends with it), "-?" nothing (then
        # the look-behind holds).
        (_EDGED["may be empty"], {("suffix", "ablauf"), ("word", "frist"), ("word", "dauer")}),
        # "Ablauf\w*", "Dauer(?=\w)": a word that begins with them.
        (_EDGED["not at an edge"], {("prefix", "ablauf"), ("text", "frist"), ("text", "beginn"),
                                    ("prefix", "dauer")}),
        (_EDGED["joined"], {("word", "un"), ("word", "nations"), ("word", "russia"),
                            ("word", "federation"), ("word", "cross")}),
        # A common word is the last choice: "ab dem" needs "ab".
        (r"(?<![\w-])(?:ab\s+dem\s+\S+)(?![\w])", {("word", "ab")}),
        # Letters before the end of a word, letters after a word boundary.
        (_EDGED["word ends"], {("suffix", "acht"), ("suffix", "zehn"), ("suffix", "lauf"),
                               ("suffix", "rist")}),
        (_EDGED["boundaries"], {("word", "ablauf"), ("word", "frist"), ("word", "beginn"),
                                ("prefix", "dauer"), ("word", "mai")}),
        (r"\b(?:who|which)\b(?:\s+\w+){0,3}?\s+may\b", {("word", "who"), ("word", "which")}),
        # Under re.ASCII a boundary stands where the text's words need not begin ("éAblauf");
        # a boundary is read only where it opens or closes the whole pattern.
        (r"(?a:\bAblauf)", {("text", "ablauf")}),
    ],
)  # fmt: skip
def test_the_needs_of_edged_literals(pattern: str, wanted: set[tuple[str, str]]) -> None:
    assert needs(re.compile(pattern, re.I)) == wanted


def test_a_boundary_under_ascii_is_no_word_start() -> None:
    pattern = re.compile(r"\bAblauf", re.I | re.A)
    assert needs(pattern) == {("text", "ablauf")}
    assert pattern.search("éAblauf")
    assert guarded(pattern, 0).possible("éAblauf")


def test_guards_skip_texts_without_a_word_that_ends_with_the_letters() -> None:
    """A word's last letters are no word's inside: "beachtet" holds "acht", ends with none."""
    numbers = guarded(re.compile(_EDGED["word ends"], re.I), 0)
    assert not numbers.possible("Er beachtet die zehnte Regel.")
    assert numbers.possible("in der Nacht")
    assert numbers.possible("Achtzehn")
    assert list(numbers.finditer("Achtzehn")) != []


def test_guards_skip_texts_with_the_letters_inside_words() -> None:
    """The letters inside a longer word are no reason to scan where a whole word is needed."""
    ablauf = guarded(re.compile(_EDGED["after spaces"], re.I), 0)
    assert not ablauf.possible("Der Fristablauf und die Ablaufhemmung")
    assert ablauf.possible("nach Ablauf der Frist")
    months = guarded(re.compile(_EDGED["optional tail"], re.I), 0)
    assert not months.possible("am 3. Maifeiertag des Jahres 2020")
    assert months.possible("am 3. Mai 2020")


def test_a_space_or_a_character_of_no_word_is_no_word_character_in_any_case() -> None:
    """What `reading` takes for the edge of a word is one: every character `\\s` or `\\W`
    matches is none that `\\w` matches, and an ASCII literal of no word matches, ignoring
    case, only characters of no word."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    word = set(re.findall(r"\w", every))
    assert not word & set(re.findall(r"\s", every))
    assert not word & set(re.findall(r"\W", every))
    for code in range(0x80):
        if _no_word_char(code):
            found = set(re.findall(re.escape(chr(code)), every, re.I))
            assert found == {chr(code)}


def test_common_words_are_words() -> None:
    assert all(re.fullmatch(r"[a-zäöüß]+", w) for w in _COMMON)
    assert profile("ab dem Tag").words >= {"ab", "dem"}


@settings(max_examples=500, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    text=st.one_of(_texts, st.text(max_size=30)),
    letters=st.lists(st.text(alphabet="abfrstäß_1 .-", min_size=1, max_size=5), max_size=8),
)
def test_letters_of_words_are_found_in_the_joined_words_as_in_the_text(
    text: str, letters: list[str]
) -> None:
    """`Profile.joined` holds letters of word characters exactly where the text does."""
    p = profile(text)
    for s in letters + [w[1:3] for w in p.words]:
        if in_words(s):
            assert (s in p.joined) == (s in p.lower), (s, text)


@settings(max_examples=500, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    text=st.one_of(
        _texts,
        st.text(alphabet=st.characters(max_codepoint=0xFF), max_size=40),
        st.text(
            alphabet=st.characters(max_codepoint=0x17F) | st.sampled_from("ſKİẞ€"), max_size=30
        ),
    )
)
def test_a_profile_is_what_its_definition_says(text: str) -> None:
    """A profile read off a Latin-1 text's bytes is the one read with the regex: its words
    lower-cased, and no cased character beyond Latin-1 (exact)."""
    p = profile(text)
    assert p.words == frozenset(re.findall(r"\w+", text.lower()))
    beyond = set(re.findall(r"[^\x00-\xff]", text))
    assert p.exact == all(c.lower() == c.upper() for c in beyond)
    assert p.joined == f" {' '.join(p.words)} "


def test_every_latin_1_character_lower_cased_is_one_of_latin_1_and_of_its_kind() -> None:
    """Lower-casing a Latin-1 text keeps it Latin-1, one character for one, and a word
    character one: the words of its bytes lower-cased are those of the text lower-cased."""
    text = "".join(map(chr, range(256)))
    assert len(text.lower()) == 256 and text.lower().encode("latin-1")
    assert [bool(re.match(r"\w", c)) for c in text] == [
        bool(re.match(r"\w", c)) for c in text.lower()
    ]
    assert profile(" ".join(text)).words == frozenset(re.findall(r"\w+", " ".join(text).lower()))


#: Guards of each kind of test (read at once: no warm-up): words only (the proposal's), letters
#: inside words, letters with other characters ("x, a", "acht. ablauf"), which a space joining
#: two parts may complete.
_JOINED = {
    "proposal": modality.PROPOSAL_RE,
    **{name: guarded(re.compile(_EDGED[name], re.I), 0) for name in ("classes", "word ends")},
    "letters across a space": guarded(re.compile(r"x, a|acht\. Ablauf", re.I), 0),
}
_parts = st.lists(
    st.one_of(
        _texts,
        st.sampled_from(["proposes", "no consensus", "agreed", "positions", "ſ", "Σ", "§", "x,"]),
    ),
    max_size=4,
)


@pytest.mark.parametrize("name", sorted(_JOINED))
@settings(max_examples=300, derandomize=True, suppress_health_check=list(HealthCheck))
@given(parts=_parts)
def test_a_guard_of_parts_joined_is_the_joined_text_s(name: str, parts: list[str]) -> None:
    """`possible_joined` says of the parts what `possible` says of them joined by spaces where
    the guard looks for words only, and never less where it looks for more."""
    guard = _JOINED[name]
    joined = " ".join(parts)
    guard.possible(joined)  # the pattern read
    if guard.scan.search(joined):
        assert guard.possible_joined(parts)
    if guard._test is not None and not guard._test[3]:
        assert guard.possible_joined(parts) == guard.possible(joined)


def test_parts_joined_are_tested_whole_where_a_space_completes_the_letters() -> None:
    guard = _JOINED["letters across a space"]
    assert guard.possible("x, a") and guard._test is not None and guard._test[3]
    assert guard.possible_joined(["x,", "a"])
    assert not guard.possible("x,") and not guard.possible("a")
    words = modality.PROPOSAL_RE
    assert words.possible_joined(["the US", "proposes"]) and words.possible("the US proposes")
    assert not words.possible_joined(["the US", "will act"]) and not words.possible_joined([])
