"""A cheap test before a costly regex: the words or letters any of its matches must contain.

`guarded(pattern)` wraps a compiled pattern. Before scanning a text it asks the text's
`Profile` (its lower-cased letters, its words, whether it has a digit) whether a match is
possible at all: every alternative of the pattern needs a whole word, a word beginning or
ending with given letters, a string of letters somewhere, or a digit, read off the parsed
pattern itself (`reading`).
Where the profile has none of them, the pattern cannot match and is not run; where it has one,
the pattern runs as before. The results are therefore the same: the test only skips a scan
that would have found nothing. A word's first (last) letters are looked for after (before) a
space in the text's distinct words joined by spaces (`Profile.joined`), one search as for
letters anywhere. A pattern whose alternatives do not all need something (`\\w+`) is always
run.

Reading a pattern (its needs, its `quick` form) means parsing it with Python's private regex
parser, written in Python, and compiling the quick form: for a flag rule's pattern that is read
from `compiled-patterns.json` instead (`patterns.reading`, written by `make patterns` from
`read_off`), and its guard tests from the first text. A pattern the file does not hold (another
Python, a plan's own parties) is read on first use after its first `WARMUP` characters, which
are scanned untested, so that a small comparison does not pay for the reading.

Case: a pattern may ignore case, the test compares lower-cased letters. The two agree on text
of Latin-1 and on characters without case; a text with another cased character (the long s,
the Kelvin sign, Greek...) is always scanned, as are literals beyond Latin-1 in a pattern.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

import planlens.compare.patterns as rx
from planlens.compare.reading import _ZERO_WIDTH, Need, _c, _needs, _parsed, needs

#: The private parser `reading` parses with (the same module): a test replaces its `parse`.
_parser: Any = importlib.import_module("re._parser")

#: A pattern scans this many characters without a test before it reads its needs: reading
#: them costs about what a scan of some 20,000 characters does, and pays only on a large
#: comparison, such as a law's (a plan's 24 changed pairs stay below it).
WARMUP = 20_000

_WORD_RE = re.compile(r"\w+")
_DIGIT_RE = re.compile(r"\d")
_BEYOND_LATIN1_RE = re.compile(r"[^\x00-\xff]")


class Profile:
    """What a text offers the guards: its letters lower-cased, its words, whether it has a digit.

    `joined` is its distinct words, lower-cased, joined by spaces, with a space before the
    first and after the last: letters that are all word characters ("frist") stand in the text
    exactly where they stand inside one of its words, so they are looked for there, in about
    two thirds of the text's length; a word begins with them where they follow a space
    (" frist") and ends with them where one follows them ("acht ").
    """

    __slots__ = ("digit", "exact", "joined", "lower", "words")

    def __init__(self, exact: bool, lower: str, words: frozenset[str], digit: bool) -> None:
        self.exact = exact  # False: a cased character beyond Latin-1; every pattern is run
        self.lower = lower
        self.words = words
        self.joined = f" {' '.join(words)} "
        self.digit = digit


#: The phrases of one pair are tested by every guard in turn: a short memory serves them, and
#: keeps few sets alive for the garbage collector to walk.
@lru_cache(maxsize=256)
def profile(text: str) -> Profile:
    """Return what `text` offers the guards. Text in Latin-1 (most of a law's) has no cased
    character beyond it, and its words lower-cased are read off its bytes in one translation
    (`_LOWER_WORD_BYTES`); other text is read as `words_of` reads it."""
    lower = text.lower()
    digit = _DIGIT_RE.search(text) is not None
    try:
        encoded = text.encode("latin-1")
    except UnicodeEncodeError:
        exact = all(c.lower() == c.upper() for c in set(_BEYOND_LATIN1_RE.findall(text)))
        return Profile(exact, lower, words_of(lower), digit)
    words = frozenset(encoded.translate(_LOWER_WORD_BYTES).decode("latin-1").split())
    return Profile(True, lower, words, digit)


#: Latin-1 as `\w+` reads it: a word character stays, any other becomes a space.
_WORD_BYTES = bytes(c if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(256))
#: The same, each word character lower-cased: one of Latin-1 in every case (`ord` fails on
#: import otherwise), and a word character exactly where the character is one.
_LOWER_WORD_BYTES = bytes(ord(chr(c).lower()) if b != 32 else 32 for c, b in enumerate(_WORD_BYTES))


def words_of(text: str) -> frozenset[str]:
    r"""Return the words of `text` as `\w+` finds them.

    Text in Latin-1 (most of a law's) is split by byte translation, several times faster than
    the regex; other text goes to the regex. The same sets either way.
    """
    try:
        encoded = text.encode("latin-1")
    except UnicodeEncodeError:
        return frozenset(_WORD_RE.findall(text))
    return frozenset(encoded.translate(_WORD_BYTES).decode("latin-1").split())


class Guarded:
    """A compiled pattern that is not run on a text that cannot hold a match."""

    __slots__ = ("_test", "_untested", "pattern", "scan")

    def __init__(self, pattern: re.Pattern[str], warmup: int = WARMUP) -> None:
        self.pattern = pattern
        self.scan = pattern  # the pattern that scans: `pattern`, or its `quick` form
        self._untested = warmup
        self._test: Checks | None = None

    @property
    def needs(self) -> frozenset[Need] | None:
        """What one of the pattern's matches needs (one of these), or None: nothing known."""
        return needs(self.pattern)

    def possible(self, text: str) -> bool:
        """Tell whether the pattern may match `text` (False: it certainly does not)."""
        if self._test is None:
            if self._untested > 0 and not stored(self.pattern):
                self._untested -= len(text)  # a small comparison does not pay for reading it
                return True
            self.scan = quick(self.pattern)
            self._test = checks_of(self.needs)
        always, words, inner, letters, digit = self._test
        if always:
            return True
        p = profile(text)
        if not p.exact or (digit and p.digit) or not words.isdisjoint(p.words):
            return True
        # Loops, not generators made on every call.
        for s in inner:
            if s in p.joined:
                return True
        for s in letters:  # noqa: SIM110
            if s in p.lower:
                return True
        return False

    def possible_joined(self, parts: Sequence[str]) -> bool:
        """Tell whether the pattern may match `parts` joined by spaces (False: it certainly
        does not), from the parts' own profiles where the test looks for no string beyond
        words: the joined text's words are the parts' (a space ends a word), and it has a digit,
        or a cased character beyond Latin-1, where a part has one. Letters with other
        characters (`Profile.lower`), which a space joining two parts may complete, are
        looked for in the joined text, as is the text of a pattern not read yet."""
        if self._test is not None and not self._test[0] and not self._test[3]:
            return any(map(self.possible, parts))
        return self.possible(" ".join(parts))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self.possible(text):
            return iter(())
        return self.scan.finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.scan.search(text) if self.possible(text) else None


#: Every pattern given a guard or a quick form in this process, by pattern and flags: those
#: whose reading `make patterns` stores.
made: dict[tuple[str, int], re.Pattern[str]] = {}


def guarded(pattern: re.Pattern[str], warmup: int = WARMUP) -> Guarded:
    made[pattern.pattern, pattern.flags] = pattern
    return Guarded(pattern, warmup)


def stored(pattern: re.Pattern[str]) -> bool:
    """Tell whether `compiled-patterns.json` holds the reading of `pattern` (`read_off`)."""
    return rx.reading(pattern.pattern, pattern.flags) is not None


def read_off(pattern: re.Pattern[str]) -> rx.Reading:
    """Return what a guard reads off `pattern` by parsing it, never from the file: its needs,
    sorted (None: nothing known), and the text of its quick form (None: the pattern itself).

    >>> read_off(re.compile(r"(?<!\\w)(?:Absatz|§)\\s*\\d"))
    ([('prefix', 'absatz'), ('text', '§')], '(?=[A§])(?:(?<!\\\\w)(?:Absatz|§)\\\\s*\\\\d)')
    """
    wanted = _needs(pattern)
    text = _quick_text(pattern)
    if text is not None:
        try:
            re.compile(text, pattern.flags)
        except re.error:  # a pattern with global flags inside, say: `quick` leaves it as it is
            text = None
    return (sorted(wanted) if wanted is not None else None), text


Checks = tuple[bool, frozenset[str], tuple[str, ...], tuple[str, ...], bool]


def checks_of(wanted: frozenset[Need] | None) -> Checks:
    """Return what `Guarded.possible` tests for `wanted` (None: nothing known, always run): the
    words, the strings looked for in `Profile.joined` (letters of word characters, a word's
    first letters after a space, its last before one), the other letters (in `Profile.lower`),
    and whether a digit will do."""
    strings = strings_wanted(wanted or frozenset())
    return (
        wanted is None,
        frozenset(s for k, s in wanted or () if k == "word"),
        tuple(s for s, joined in strings if joined),
        tuple(s for s, joined in strings if not joined),
        ("digit", "") in (wanted or ()),
    )


def in_words(letters: str) -> bool:
    """Tell whether `letters` are all word characters: found in a text's `Profile.joined`
    where they are in its `lower`, as they stand inside one word."""
    return _WORD_RE.fullmatch(letters) is not None


def strings_wanted(wanted: frozenset[Need]) -> tuple[tuple[str, bool], ...]:
    """Return the strings a guard looks for, each with where: True in `Profile.joined` (letters
    of word characters; a word's first letters after a space, " jede"; its last letters before
    one, "acht "), False in `Profile.lower` (letters with other characters).

    A string that contains another of the list is left out where finding it finds the other
    ("hours" / "hour", " frist" / "rist"): where it stands, the other does too. A string looked
    for in `lower` that stands there stands in `joined` too, if it is one looked for there (a
    space before letters in the text begins a word with them); not the other way round. The
    shortest come first, the likeliest to be there.

    >>> strings_wanted(frozenset({("text", "absatz"), ("prefix", "jede"), ("word", "nur")}))
    ((' jede', True), ('absatz', True))
    >>> strings_wanted(frozenset({("text", "hours"), ("text", "hour"), ("prefix", "hou")}))
    ((' hou', True), ('hour', True))
    >>> strings_wanted(frozenset({("suffix", "acht"), ("text", "acht."), ("text", "§")}))
    (('§', False), ('acht ', True), ('acht.', False))
    """
    strings = {
        (f" {s}", True) if kind == "prefix" else (f"{s} ", True) if kind == "suffix" else
        (s, in_words(s))
        for kind, s in wanted
        if kind in ("text", "prefix", "suffix")
    }  # fmt: skip
    kept: list[tuple[str, bool]] = []
    for s, joined in sorted(strings, key=lambda item: (len(item[0]), item)):
        if not any(t in s and (t_joined or not joined) for t, t_joined in kept):
            kept.append((s, joined))
    return tuple(kept)


# -- the first character of a match ----------------------------------------------------------

_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_SPACE: r"\s",
}


@lru_cache(maxsize=256)
def quick(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Return `pattern` with a look-ahead for the characters any of its matches begins with.

    The regex engine tries a pattern at every position of a text, and a pattern that opens
    with a look-behind or with letters ignoring case has no first character it could skip
    to: each position runs the look-behind, then each alternative in turn. One test of the
    character first rejects most positions at once, and as every match begins with one of
    those characters, the matches are the same. A pattern whose matches may begin with any
    letter or digit (`\\w`), with a character outside a known set, or with nothing is returned
    as it is.

    >>> quick(re.compile(r"(?<!\\w)(?:Absatz|§)\\s*\\d")).pattern
    '(?=[A§])(?:(?<!\\\\w)(?:Absatz|§)\\\\s*\\\\d)'

    The quick form's text is read from `compiled-patterns.json` where it holds the pattern.
    """
    made[pattern.pattern, pattern.flags] = pattern
    found = rx.reading(pattern.pattern, pattern.flags)
    text = found[1] if found is not None else _quick_text(pattern)
    if text is None:
        return pattern
    try:
        return rx.compile(text, pattern.flags)
    except re.error:  # a pattern with global flags inside, say: as it is
        return pattern


def lead(pattern: re.Pattern[str]) -> str:
    """Return the look-ahead of `pattern`'s quick form ("(?=[UW])"), or "" where it has none.

    For an alternative of a long alternation whose alternatives open with a group (`(?P<p0>...)`:
    the regex engine skips an alternative at once only where it opens with a character or a
    class): written before it, the alternative is left at one test of the character wherever
    it cannot begin, and it matches where it did, as `quick` says.

    >>> lead(re.compile(r"United States|US|Washington(?= will)"))
    '(?=[UW])'
    >>> lead(re.compile(r"\\w+"))
    ''
    """
    made[pattern.pattern, pattern.flags] = pattern
    found = rx.reading(pattern.pattern, pattern.flags)
    text = found[1] if found is not None else _quick_text(pattern)
    tail = f"(?:{pattern.pattern})"
    if text is None or not text.endswith(tail):
        return ""
    return text[: -len(tail)]


def _quick_text(pattern: re.Pattern[str]) -> str | None:
    """Return the text of `pattern`'s quick form, or None where it has none."""
    parsed = _parsed(pattern)
    found = _first(list(parsed)) if parsed is not None else None
    if not found or found[1]:
        return None
    chars, _, ignore_case = found
    head = "[" + "".join(sorted(chars)) + "]"
    if ignore_case and not pattern.flags & re.IGNORECASE:
        head = f"(?i:{head})"
    return f"(?={head})(?:{pattern.pattern})"


#: What a sequence's first character may be: (class items, may be empty, ignores case somewhere).
_First = tuple[set[str], bool, bool]


def _first(items: list[tuple[Any, Any]]) -> _First | None:
    """Return the characters a match of a sequence may begin with, or None when unknown."""
    chars: set[str] = set()
    ignore_case = False
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # takes no character: the next item gives the first one
        found = _first_of(op, av)
        if found is None:
            return None
        chars |= found[0]
        ignore_case |= found[2]
        if not found[1]:
            return chars, False, ignore_case
    return chars, True, ignore_case


def _first_of(op: Any, av: Any) -> _First | None:
    if op is _c.LITERAL:
        return {_class_char(av)}, False, False
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(_class_char(value))
            elif kind is _c.RANGE:
                chars.add(f"{_class_char(value[0])}-{_class_char(value[1])}")
            elif kind is _c.CATEGORY and value in _CATEGORIES:
                chars.add(_CATEGORIES[value])
            else:
                return None  # a negated set, a word character...: anything
        return chars, False, False
    if op is _c.CATEGORY and av in _CATEGORIES:
        return {_CATEGORIES[av]}, False, False
    if op is _c.SUBPATTERN:
        found = _first(list(av[3]))
        if found is None:
            return None
        return found[0], found[1], found[2] or bool(av[1] & re.IGNORECASE)
    if op is _c.BRANCH:
        union: set[str] = set()
        empty = ignore_case = False
        for alternative in av[1]:
            found = _first(list(alternative))
            if found is None:
                return None
            union |= found[0]
            empty |= found[1]
            ignore_case |= found[2]
        return union, empty, ignore_case
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        found = _first(list(av[2]))
        if found is None:
            return None
        return found[0], found[1] or av[0] == 0, found[2]
    return None  # any character, a group reference...: unknown


def _class_char(code: int) -> str:
    """Return a character as written inside a character class."""
    return re.escape(chr(code))
