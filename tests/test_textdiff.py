"""Word-level diffs: readable on known cases, exact on any input."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planlens.compare.textdiff import diff_words, rebuild, tokenize


def show(old: str, new: str) -> str:
    """Render a diff git-style, for readable expectations."""
    out = []
    for segment in diff_words(old, new):
        if segment.op == "equal":
            out.append(segment.text)
        elif segment.op == "delete":
            out.append(f"[-{segment.text}-]")
        else:
            out.append(f"{{+{segment.text}+}}")
    return "".join(out)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # A figure is replaced whole, never digit by digit.
        (
            "capped at 600,000 personnel.",
            "capped at 800,000 personnel.",
            "capped at [-600,000 -]{+800,000 +}personnel.",
        ),
        # Inside a word nothing is edited: "confirmed" -> "reaffirmed" is one replacement.
        ("will be confirmed.", "will be reaffirmed.", "will be [-confirmed-]{+reaffirmed+}."),
        # Insertion at the end.
        (
            "NATO stations troops",
            "NATO stations troops in peacetime",
            "NATO stations troops{+ in peacetime+}",
        ),
        # A tiny equal run ("the") between two edits is absorbed, not left as confetti.
        (
            "Russia gives the territory back",
            "Ukraine recovers the land later",
            "[-Russia gives the territory back-]{+Ukraine recovers the land later+}",
        ),
        # White space changes are kept exact but minimal.
        ("a  b", "a b", "a[-  -]{+ +}b"),
        ("", "new text", "{+new text+}"),
        ("old text", "", "[-old text-]"),
    ],
)
def test_readable_diffs(old: str, new: str, expected: str) -> None:
    assert show(old, new) == expected


def test_long_texts_are_not_junked() -> None:
    # With difflib's autojunk, 200+ token texts lose their common words and diff badly.
    old = " ".join(["the parties agree"] * 100) + " end"
    new = " ".join(["the parties agree"] * 100) + " finish"
    segments = diff_words(old, new)
    assert [s.op for s in segments] == ["equal", "delete", "insert"]
    assert segments[1].text == "end" and segments[2].text == "finish"


texts = st.text(alphabet=st.sampled_from("ab c,.\n\t-–’'0123456789Üé"), max_size=60)
words = st.lists(
    st.sampled_from(["the", "US", "NATO", "600,000", "will", "not", ",", ".", "\n\n"]), max_size=30
)


@given(texts, texts)
@settings(max_examples=400)
def test_segments_rebuild_both_texts(old: str, new: str) -> None:
    segments = diff_words(old, new)
    assert rebuild(segments, "old") == old
    assert rebuild(segments, "new") == new
    assert all(s.text for s in segments)
    # Adjacent segments differ in kind, and each change reads deletion first.
    for first, second in itertools.pairwise(segments):
        assert first.op != second.op
        assert (first.op, second.op) != ("insert", "delete")


@given(words, words)
def test_segments_rebuild_word_texts(old_words: list[str], new_words: list[str]) -> None:
    old, new = " ".join(old_words), " ".join(new_words)
    segments = diff_words(old, new)
    assert (rebuild(segments, "old"), rebuild(segments, "new")) == (old, new)


@given(texts)
def test_identical_texts_are_one_equal_segment(text: str) -> None:
    segments = diff_words(text, text)
    assert [s.op for s in segments] == (["equal"] if text else [])


@given(texts)
def test_tokens_join_back(text: str) -> None:
    assert "".join(tokenize(text)) == text


@given(words, words)
def test_no_edit_falls_inside_a_word(old_words: list[str], new_words: list[str]) -> None:
    old, new = " ".join(old_words), " ".join(new_words)
    position = 0
    for segment in diff_words(old, new):
        if segment.op == "insert":
            continue
        end = position + len(segment.text)
        # A segment boundary in the old text never splits two word characters.
        if 0 < end < len(old):
            assert not (old[end - 1].isalnum() and old[end].isalnum()), (old, segment)
        position = end


# -- the faster tokenizer and absorption against their first forms ---------------------------

token_texts = st.text(
    alphabet=st.sampled_from("ab9 _.,'’:/-\n\t\xa0§Üé²") | st.characters(max_codepoint=0x2FF),
    max_size=60,
)


@given(token_texts)
@settings(max_examples=600)
def test_tokens_are_those_of_the_first_pattern(text: str) -> None:
    import re

    first = re.compile(r"\s+|(?:[^\W_]+(?:[.,'’:/\-][^\W_]+)*|\S)\s*")
    assert tokenize(text) == first.findall(text)


def first_absorb(
    blocks: list[tuple[str, int, int, int, int]], a: list[str], b: list[str]
) -> list[tuple[str, int, int, int, int]]:
    """`_absorb_small_equalities` as first written: rescan from the start after every merge."""
    from planlens.compare.textdiff import _edit_size

    changed = True
    while changed:
        changed = False
        for k in range(1, len(blocks) - 1):
            tag, i1, i2, _, _ = blocks[k]
            if tag != "equal" or blocks[k - 1][0] == "equal" or blocks[k + 1][0] == "equal":
                continue
            equal_text = "".join(a[i1:i2])
            if len(equal_text.split()) > 3:
                continue
            size = len(equal_text.strip())
            if size <= _edit_size(blocks[k - 1], a, b) and size <= _edit_size(blocks[k + 1], a, b):
                first, last = blocks[k - 1], blocks[k + 1]
                blocks[k - 1 : k + 2] = [("replace", first[1], last[2], first[3], last[4])]
                changed = True
                break
    return blocks


short_words = st.lists(
    st.sampled_from(["a ", "b ", "cc ", "dddd ", ", ", "e f ", "  "]), max_size=60
)


@given(short_words, short_words)
@settings(max_examples=600)
def test_absorbing_merges_as_the_full_rescan_did(a: list[str], b: list[str]) -> None:
    from planlens.compare.matcher import Matcher
    from planlens.compare.textdiff import _absorb_small_equalities

    opcodes = Matcher([t.rstrip() for t in a], [t.rstrip() for t in b]).get_opcodes()
    assert _absorb_small_equalities(list(opcodes), a, b) == first_absorb(list(opcodes), a, b)
