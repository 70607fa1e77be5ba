"""Scans of patterns that match only next to a number, looked for only there.

A law's text has a number every few dozen characters; a pattern that matches only beside one
(a reference word before it, a figure's currency, a list marker, a year) is searched in a short
window at each number instead of at every place of the text. Each function returns the matches
of the pattern's `finditer`, in the same order, with the same spans (`tests/test_scan_windows.py`
checks them against the whole scans):

- a match begins after the point the last one ended, within a known distance before the first
  digit it holds (`from_digits`, `near_numbers`) or before the number it stands before
  (`before_numbers`), so none begins before that window;
- a window's end (`endpos`) is put after every character a match that begins in it reads: the
  text after it changes nothing there, and a match beginning later is left to a later window.

`\\s` of a pattern is `str.isspace` of Python's: the window walks back over spaces with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import planlens.compare.patterns as rx
from planlens.compare.guards import Guarded

_DIGITS_RE = rx.compile(r"\d+")


def before_numbers(guard: Guarded, text: str, longest: int) -> Iterator[re.Match[str]]:
    """Return the matches of `guard` in `text`, a pattern each of whose matches holds no digit,
    ends where a number begins (`...\\s*(?=\\d)`), and holds nothing but spaces after its first
    `longest` characters.

    The next match after a point ends before the first number after it that has a match before
    it, and begins at most `longest` characters before the spaces before that number; as it
    ends before that number's first digit, the text after the digit changes nothing.
    """
    if not guard.possible(text):
        return
    scan, at = guard.scan, 0
    for number in _DIGITS_RE.finditer(text):
        digit = start = number.start()
        while start > at and text[start - 1].isspace():
            start -= 1
        found = scan.search(text, max(at, start - longest), digit + 1)
        if found is not None:
            yield found
            at = found.end()


def from_digits(guard: Guarded, text: str, lead: int) -> Iterator[re.Match[str]]:
    """Return the matches of `guard` in `text`, a pattern each of whose matches holds a digit
    at most `lead` characters after its beginning, and that matches at a digit wherever a
    search reaches one (what comes before the digit may match nothing).

    The next match after a point begins at most `lead` characters before the first digit after
    it, and no later than that digit: the search from there looks at no more than `lead` + 1
    places.
    """
    if not guard.possible(text):
        return
    scan, at = guard.scan, 0
    while (digit := _DIGITS_RE.search(text, at)) is not None:
        found = scan.search(text, max(at, digit.start() - lead))
        if found is None:  # never, where a digit begins a match
            return
        yield found
        at = found.end()


def near_numbers(
    pattern: re.Pattern[str], text: str, before: int, after: int
) -> Iterator[re.Match[str]]:
    """Return the matches of `pattern` in `text`, a pattern whose first digit in each match
    begins a number (no digit before it), at most `before` characters after the match begins,
    and each of whose matches reads no character `after` or more characters after it begins.

    Each number's window runs from `before` characters before it to `after` characters after
    its first digit. A match that begins there no later than that digit reads nothing beyond
    the window: the search finds it as in the whole text, and finds none there where the whole
    text has none. A match the window finds after the digit may have read beyond it (seen the
    text end there): it is left to the next number's window. Two matches cannot share a first
    digit, and one that begins before a number holds no digit before its first.
    """
    at = 0
    for number in _DIGITS_RE.finditer(text):
        digit = number.start()
        found = pattern.search(text, max(at, digit - before), digit + after)
        if found is not None and found.start() <= digit:
            yield found
            at = found.end()
