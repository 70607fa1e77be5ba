"""What any match of a pattern needs, read off the parsed pattern: the guards' tests (`guards`).

A match needs one of a set of things (`Need`): a whole word of the text, a word beginning or
ending with given letters, a string of letters anywhere, or a digit. Each alternative of the
pattern gives its most selective literal; a literal is a whole word where nothing but a
character that is no letter, digit or underscore (`\\W`: a space, a comma, a look-behind's
`(?<![\\w-])`, the end of the text) can stand on either side of it, a word's first letters where
that holds before it, and a word's last letters where it holds after it ("[a-z]*acht(?!\\w)").
What stands beside a literal is read off the items next to it (`_edge`): `\\s+`, a comma or
another character of no word before or after it, through optional items such as
`(?:,?\\s+\\d{4})?`, which either match nothing (then the item beyond them decides) or begin
and end with such a character. Anything else is no word's edge. Among the literals of an
alternative the longest wins, a common word (`_COMMON`: "the", "dem") last.

Reading a pattern means parsing it with Python's private regex parser, written in Python: for a
flag rule's pattern it is read from `compiled-patterns.json` instead (`patterns.reading`).
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

import planlens.compare.patterns as rx

_WORD_RE = re.compile(r"\w+")

#: What one alternative needs: ("word", letters) a word of the text that is them, ("prefix",
#: letters) a word beginning with them, ("suffix", letters) a word ending with them, ("text",
#: letters) the letters anywhere, ("digit", "") a digit.
Need = tuple[str, str]

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")


@lru_cache(maxsize=256)
def _parsed(pattern: re.Pattern[str]) -> Any:
    """Return the parsed tree of `pattern`, or None on any surprise of the private parser."""
    try:
        return _parser.parse(pattern.pattern, pattern.flags)
    except Exception:
        return None


@lru_cache(maxsize=256)
def needs(pattern: re.Pattern[str]) -> frozenset[Need] | None:
    """Return what any match of `pattern` needs, one of the set, or None when not known.

    A word's first letters are used only where the pattern opens with a look-behind that no
    letter may precede (`(?<![\\w-])`, `(?<!\\w)`) or a word boundary (`\\b`): there a match
    begins a word; its last letters where it closes with a look-ahead that no letter may follow
    (or a boundary), a whole word where both hold. Read from `compiled-patterns.json`
    where it holds the pattern (`read_off` wrote it), else off the parsed pattern.
    """
    found = rx.reading(pattern.pattern, pattern.flags)
    if found is not None:
        return frozenset(found[0]) if found[0] is not None else None
    return _needs(pattern)


def _needs(pattern: re.Pattern[str]) -> frozenset[Need] | None:
    parsed = _parsed(pattern)
    if parsed is None:
        return None
    tree = list(parsed)
    ascii_only = bool(pattern.flags & re.ASCII)  # its `\\b` and `\\w` are not the profile's
    at_word = bool(tree) and _no_letter(tree[0], -1, ascii_only)
    at_end = len(tree) > at_word and _no_letter(tree[-1], 1, ascii_only)
    found = _sequence(tree[1:] if at_word else tree, at_word, at_end)
    return frozenset(found) if found else None


def _no_letter(item: tuple[Any, Any], direction: int, ascii_only: bool = False) -> bool:
    """Tell whether `item` is a look-behind (-1) or look-ahead (1) that no letter may pass, or
    a word boundary (`\\b`, not under `re.ASCII`).

    A boundary before a match that begins with a word character has none before it, and the
    reading (`_sequence`) uses what stands before a match only for literals that begin with one
    where nothing but empty items stand between them and the boundary; the same after a match.
    """
    op, av = item
    if op is _c.AT:
        return av is _c.AT_BOUNDARY and not ascii_only
    if op is not _c.ASSERT_NOT or av[0] != direction:
        return False
    body = list(av[1])
    if len(body) != 1:
        return False
    inner_op, inner = body[0]
    if inner_op is _c.IN:
        return (_c.CATEGORY, _c.CATEGORY_WORD) in inner
    return bool(inner_op is _c.CATEGORY and inner is _c.CATEGORY_WORD)


def _score(found: set[Need]) -> int:
    """The worth of a set of needs: its least selective member (a digit is worth nothing, an
    article or a preposition nearly nothing: most texts have one)."""
    return min(
        1 if kind == "word" and letters in _COMMON else _WORTH[kind] + len(letters)
        for kind, letters in found
    )


_WORTH = {"word": 2, "prefix": 1, "suffix": 1, "text": 0, "digit": 0}
#: Words nearly every English or German text has: a literal that is one of them is the last
#: a guard chooses ("ab dem": "ab", not "dem"; "by the end of": "end", not "the").
_COMMON = frozenset([
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "is", "are", "be",
    "as", "it", "this", "that", "with", "from", "der", "die", "das", "dem", "den", "des", "ein",
    "eine", "einer", "eines", "einem", "einen", "und", "oder", "zu", "zur", "zum", "von", "mit",
    "im", "am", "auf", "bei", "für", "ist", "sind", "wird", "werden", "nach", "vor", "nicht",
    "sich", "es",
])  # fmt: skip
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)


def _sequence(items: list[tuple[Any, Any]], at_start: bool, at_end: bool) -> set[Need] | None:
    """Return the best of what every match of a sequence needs, or None.

    `at_start`: no word character stands before the sequence's match (it begins a word, if it
    begins with one); `at_end`: none stands after it.
    """
    options: list[set[Need]] = []
    run = ""
    run_at_start = start = at_start
    for k, (op, av) in enumerate(items):
        if _is_letter_literal(op, av):  # not the micro sign (µ, μ)
            if not run:
                run_at_start = start
            run += chr(av)
            start = _no_word_char(av)  # "(" before "Frist": a word may begin after it
            continue
        # A word ends where no word character can follow ("ab\\s+dem": the word "ab", not
        # "Absatz"): the items after it begin with none, or match nothing before the end.
        ends = _edge(items[k + 1 :], at_end, 1)
        if run:
            options.append(_literal(run, run_at_start, _edge(items[k:], at_end, 1)))
        if op in _ZERO_WIDTH:
            run = ""
            continue  # takes no letters: what follows starts where it stood
        if op is _c.SUBPATTERN:
            found = _sequence(list(av[3]), start, ends)
        elif op is _c.BRANCH:
            found = _branches(av[1], start, ends)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _sequence(list(av[2]), start, False)
        elif _is_digit(op, av):
            found = {("digit", "")}
        else:
            found = None
        if found:
            options.append(found)
        if run and run_at_start and _WORD_RE.fullmatch(run) and op in (_c.SUBPATTERN, _c.BRANCH):
            # A word's first letters, then a group that goes on with letters: "U(?:S|N|K)".
            joined = _joined(run, op, av, ends)
            if joined:
                options.append(joined)
        run = ""
        # What follows an item that ends with no word character begins a word ("\\s+Ablauf");
        # after one that may match nothing, only where it began one already.
        edge, empty = _item_edge(op, av, -1)
        start = edge and (start or not empty)
    if run:
        options.append(_literal(run, run_at_start, at_end))
    return max(options, key=_score) if options else None


def _edge(items: list[tuple[Any, Any]], outside: bool, direction: int) -> bool:
    """Tell whether no word character can stand next to `items` on the side of `direction`
    (1: after what precedes them, -1: before what follows them, `items` read backwards):
    each of their matches begins (ends) with a character of no word, or matches nothing where
    `outside` holds (no word character stands beyond them)."""
    for op, av in items if direction == 1 else reversed(items):
        edge, empty = _item_edge(op, av, direction)
        if not edge:
            return False
        if not empty:
            return True
    return outside


def _item_edge(op: Any, av: Any, direction: int) -> tuple[bool, bool]:
    """Return whether every match of an item that is not empty begins (1) or ends (-1) with a
    character of no word, and whether it may match nothing. Unknown: (False, True)."""
    if op in _ZERO_WIDTH:
        return True, True  # takes no character: the items beyond it decide
    if op is _c.LITERAL:
        return _no_word_char(av), False
    if op is _c.IN:
        return bool(av) and all(_no_word_member(kind, value) for kind, value in av), False
    if op is _c.CATEGORY:
        return av in (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD), False
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        edge, empty = _group_edge([list(av[2])], direction)
        return edge, empty or av[0] == 0
    if op is _c.SUBPATTERN:
        return _group_edge([list(av[3])], direction)
    if op is _c.BRANCH:
        return _group_edge([list(a) for a in av[1]], direction)
    return False, True


def _group_edge(alternatives: list[list[tuple[Any, Any]]], direction: int) -> tuple[bool, bool]:
    """`_item_edge` of a group of alternatives, each a sequence of items."""
    edge, empty = True, False
    for items in alternatives:
        for op, av in items if direction == 1 else reversed(items):
            item_edge, item_empty = _item_edge(op, av, direction)
            if not item_edge:
                return False, True
            if not item_empty:
                break
        else:
            empty = True  # every item may match nothing: so may the alternative
    return edge, empty


def _no_word_char(code: int) -> bool:
    """Tell whether a literal character is one no word has, in any case: ASCII, no `\\w`."""
    return code < 0x80 and not _WORD_RE.match(chr(code))


def _no_word_member(kind: Any, value: Any) -> bool:
    """Tell whether a member of a character class is a character of no word (not negated)."""
    if kind is _c.LITERAL:
        return _no_word_char(value)
    if kind is _c.CATEGORY:
        return value in (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD)
    return False


def _joined(run: str, op: Any, av: Any, at_end: bool) -> set[Need] | None:
    """Return the needs of a group's alternatives, each with `run` before the letters it opens
    with, all at a word's beginning ("U" + "nited Nations", "S", ".S."): the run of each
    alternative read as one literal (`_literal`), the items after its letters at its end."""
    if op is _c.SUBPATTERN:
        items = list(av[3])
        if len(items) == 1 and items[0][0] is _c.BRANCH:
            return _joined(run, _c.BRANCH, items[0][1], at_end)
        alternatives = [items]
    else:
        alternatives = [list(alternative) for alternative in av[1]]
    out: set[Need] = set()
    for items in alternatives:
        k, letters = 0, run
        while k < len(items) and _is_letter_literal(*items[k]):
            letters += chr(items[k][1])
            k += 1
        out |= _literal(letters, True, _edge(items[k:], at_end, 1))
    return out


def _is_letter_literal(op: Any, av: Any) -> bool:
    """Tell whether an item is a literal character a literal run takes (`_sequence`)."""
    return bool(op is _c.LITERAL and 0 < av <= 0xFF and av != 0xB5)  # not µ: μ in case


def _is_digit(op: Any, av: Any) -> bool:
    """Tell whether an item is `\\d`: one digit."""
    if op is _c.IN:
        return all(x == (_c.CATEGORY, _c.CATEGORY_DIGIT) for x in av)
    return bool(op is _c.CATEGORY and av is _c.CATEGORY_DIGIT)


def _branches(alternatives: list[Any], at_start: bool, at_end: bool) -> set[Need] | None:
    out: set[Need] = set()
    for alternative in alternatives:
        found = _sequence(list(alternative), at_start, at_end)
        if not found:
            return None
        out |= found
    return out


def _literal(run: str, at_start: bool, at_end: bool) -> set[Need]:
    """A run of literal characters: a whole word where it is the match and all letters, or
    where one stands inside it between characters of no word, a word's first letters where it
    opens the match with letters, its last letters where it closes it with letters, else
    letters anywhere (the longest of these)."""
    lower = run.lower()
    letters = _WORD_RE.match(lower)
    if at_start and at_end and _WORD_RE.fullmatch(lower):
        return {("word", lower)}
    # A word inside the run, between its spaces ("red cross", "in the event"): looked up among
    # the text's words, not searched for in it; the longest that is not a common word.
    inside = [
        m.group()
        for m in _WORD_RE.finditer(lower)
        if (m.start() > 0 or at_start) and (m.end() < len(lower) or at_end)
    ]
    inside = [w for w in inside if len(w) >= 3 and w not in _COMMON]
    if inside:
        return {("word", max(inside, key=len))}
    options: list[set[Need]] = [{("text", lower)}]
    if at_start and letters:
        options.append({("prefix", letters.group())})
    last = _LAST_WORD_RE.search(lower)
    if at_end and last:
        options.append({("suffix", last.group())})
    return max(options, key=_score)


_LAST_WORD_RE = re.compile(r"\w+\Z")
