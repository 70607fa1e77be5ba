"""Clause labels at the start of a line: `1.`, `(a)`, `iv)`, `§§ 3 bis 6`, `Article 5`, `1.1.`.

`parse_label` reads the label a line starts with into a `Label`: its style (which series it
belongs to), its key (the id part it gives), its place in the series, and the text after it.
Single letters that are also roman numerals (`i`, `v`, `x`) are read as letters here; `as_roman`
rereads one as a numeral once the items around it tell which it is. Every importer reads labels
the same way, whatever the format the lines came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SECTION_SIGN = re.compile(
    r"""^(?P<label>§§?\s*(?P<a>\d+[a-z]{0,2})(?!\w)
        (?:\s*(?:bis|und|to|and|,|-|–)\s*(?P<b>\d+[a-z]{0,2})(?!\w))?)\.?""",
    re.X,
)
_WORD_LABEL = re.compile(
    r"""^(?P<label>(?P<word>Art\.|Art|Article|ARTICLE|Artikel|ARTIKEL|Section|SECTION|Sec\.
        |Point|POINT|Punkt|PUNKT)\s*(?P<a>\d+[a-z]?|[IVXLC]+)(?!\w))\.?""",
    re.X,
)
#: A dotted number, with a letter glued to its end for an inserted point (`2.1a`, `12.3A`).
_DOTTED = re.compile(r"^(?P<a>\d{1,3}(?:\.\d{1,3})+)(?P<s>[a-zA-Z]?)\.?(?=\s|$)")
#: A number, with a letter glued to it for an inserted point (LPPL-1.3a: "3a. If the ...").
_NUMBER = re.compile(r"^(?P<a>\d{1,3})(?P<s>[a-z]?)(?P<p>[.)])(?=\s|$|[A-ZÄÖÜ])")
_PAREN_NUMBER = re.compile(r"^\((?P<a>\d{1,3})\)(?=\s|$)")
_LETTERS = re.compile(r"^(?P<a>[a-z]{1,4}|[A-Z]{1,4})(?P<p>[.)])(?=\s|$)")
_PAREN_LETTERS = re.compile(r"^\((?P<a>[a-z]{1,4}|[A-Z]{1,4})\)(?=\s|$)")
_BARE_NUMBER = re.compile(r"^(?P<a>\d{1,3})(?!\d)(?=\s)")
_BULLET = re.compile(r"^(?P<a>[-*+•–—])\s+(?=\S)")
_ROMAN = re.compile(r"^(?:l|xl|x{0,3})(?:ix|iv|v?i{0,3})$")
#: After `Section 5` or `§ 5` in running text, a real label is followed by its title (in bold,
#: `15.1 **"Affiliate"** means`, or not) or a separator; "Section 5 of the Act" at the start of
#: a line is a cross-reference, not a label.
_LABEL_FOLLOWER = re.compile(r"^(?:$|\s*[.:)–—-]|\s+(?:\*\*|__)?[A-ZÄÖÜ\"“‘(\[])")
_TITLE_FOLLOWER = re.compile(r"^\s+(?:\*\*|__)?[A-ZÄÖÜ\"“‘(\[]")
#: What may stand between a label and its title: `§ 5 – Title`, `Article 1: Title`, `1. Title`.
SEPARATORS = " \t-–—:."

#: Kinds of label (a style without its brackets and dots) by how likely they are to number the
#: top level: words first (`§`, `Article`), then numbers, upper-case roman numerals, letters.
_TIERS = {"§": 0, "art": 0, "section": 0, "point": 0, "num": 1, "ROMAN": 2}
_TIERS |= {"alpha": 3, "ALPHA": 3, "roman": 3}
NO_TIER = 9  # dotted numbers, bullets, doubled letters: never the top level


@dataclass(frozen=True, slots=True)
class Label:
    """A clause label at the start of a line, such as `1.`, `(a)`, `§§ 3 bis 6` or `Point 5`.

    `style` tells labels of one series apart (`num.`, `(alpha)`, `§`, ...); `key` is the label as
    an id part (`1`, `a`, `3-6`, `1.1`); `first` and `last` order labels in a series (equal
    unless the label is a range); `rest` is the text after the label.
    """

    style: str
    printed: str
    key: str
    first: tuple[int, str]
    last: tuple[int, str]
    rest: str

    @property
    def tier(self) -> int:
        """Return how likely this style is to number the top level (0 most likely)."""
        return _TIERS.get(self.style.strip("()."), NO_TIER)

    @property
    def is_word(self) -> bool:
        """Tell whether the label is spelled with a word or sign (`§ 5`, `Article 5`)."""
        return self.style in ("§", "art", "section", "point")


def _ordinal(key: str) -> tuple[int, str]:
    """Return the sort value of a number with an optional letter suffix.

    >>> _ordinal("90a"), _ordinal("7")
    ((90, 'a'), (7, ''))
    """
    digits = re.match(r"\d+", key)
    if digits is None:
        return (0, key)
    return (int(digits[0]), key[digits.end() :])


def dotted_numbers(key: str) -> list[int]:
    """Return the numbers of a dotted key, without a letter glued to the last one.

    >>> dotted_numbers("2.1v"), dotted_numbers("10.3")
    ([2, 1], [10, 3])
    """
    return [_ordinal(part)[0] for part in key.split(".")]


def roman_value(numeral: str) -> int | None:
    """Return the value of a lower-case roman numeral up to 50, or None if it is not one.

    >>> roman_value("iv"), roman_value("xii"), roman_value("mix"), roman_value("")
    (4, 12, None, None)
    """
    if not numeral or not _ROMAN.match(numeral):
        return None
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for here, after in zip(numeral, [*numeral[1:], ""], strict=True):
        value = values[here]
        total += -value if after and values[after] > value else value
    return total


def parse_label(line: str, *, heading: bool = False) -> Label | None:
    """Return the label that `line` starts with, or None.

    Single letters that are also roman numerals (`i`, `v`, `x`) come back as letters; the
    caller decides from the preceding items (`h)` then `i)` is a letter). In `heading` text a
    bare number (`## 1 Scope`) also counts, and the cross-reference test is skipped.

    >>> parse_label("§§ 3 bis 6 (weggefallen)").key
    '3-6'
    >>> parse_label("(iv) the fourth").style, parse_label("(iv) the fourth").key
    ('(roman)', 'iv')
    >>> parse_label("Section 5 of the Act") is None
    True
    >>> parse_label("1.Definitions").key
    '1'
    >>> parse_label("2.1v License Grant.").key, parse_label("1.5m people")
    ('2.1v', None)
    """
    text = line.strip()
    if match := _SECTION_SIGN.match(text):
        a, b = match["a"], match["b"]
        rest = text[match.end() :]
        if not heading and not _LABEL_FOLLOWER.match(rest):
            return None
        key = f"{a}-{b}" if b else a
        label = re.sub(r"\s+", " ", match["label"])
        return Label("§", label, key, _ordinal(a), _ordinal(b or a), rest)
    if match := _WORD_LABEL.match(text):
        rest = text[match.end() :]
        if not heading and not _LABEL_FOLLOWER.match(rest):
            return None
        word = match["word"].lower().rstrip(".")
        style = {"art": "art", "article": "art", "artikel": "art", "sec": "section"}.get(
            word, "point" if word in ("point", "punkt") else word
        )
        a = match["a"]
        value = _ordinal(a) if a[0].isdigit() else (roman_value(a.lower()) or 0, "")
        printed = re.sub(r"\s+", " ", match["label"])
        return Label(style, printed, a, value, value, rest)
    if match := _DOTTED.match(text):
        a, rest = match["a"] + match["s"], text[match.end() :]
        # "1.1." is a label; "1.5 million" is not, "3.1 If ..." is (EPL-2.0). A letter glued to
        # the number ("2.1v License Grant.", SGI-B-1.0) needs a title after it: "1.5m people" is
        # no label.
        if match["s"] and not _TITLE_FOLLOWER.match(rest):
            return None
        if not (heading or match["s"] or match[0].endswith(".") or _LABEL_FOLLOWER.match(rest)):
            return None
        return Label("dotted", a, a, _ordinal(a), _ordinal(a), rest)
    if match := _NUMBER.match(text):
        a, suffix, rest = match["a"], match["s"], text[match.end() :]
        if suffix and not _TITLE_FOLLOWER.match(rest):
            return None  # "2b. above": a reference, no label
        style = "num" + match["p"]
        key = a + suffix
        printed = key if match["p"] == "." else key + match["p"]
        return Label(style, printed, key, (int(a), suffix), (int(a), suffix), rest)
    if match := _PAREN_NUMBER.match(text):
        a = match["a"]
        return Label("(num)", f"({a})", a, (int(a), ""), (int(a), ""), text[match.end() :])
    for pattern, shape in ((_LETTERS, "{}" + "{p}"), (_PAREN_LETTERS, "({})")):
        if match := pattern.match(text):
            a = match["a"]
            punct = match["p"] if pattern is _LETTERS else ""
            kind = _letter_kind(a)
            if kind is None:
                return None
            number = roman_value(a.lower()) if kind == "roman" else ord(a[0].lower()) - 96
            value = (number or 0, "")
            name = kind.upper() if a.isupper() and kind != "alpha2" else kind
            style = shape.format(name, p=punct)
            printed = shape.format(a, p=punct)
            return Label(style, printed, a, value, value, text[match.end() :])
    if heading and (match := _BARE_NUMBER.match(text)):
        a = match["a"]
        return Label("num", a, a, (int(a), ""), (int(a), ""), text[match.end() :])
    if match := _BULLET.match(text):
        return Label("bullet", match["a"], "", (0, ""), (0, ""), text[match.end() :])
    return None


def _letter_kind(letters: str) -> str | None:
    """Return "alpha", "roman" or "alpha2" (`aa`) for the letters of a label, else None."""
    lower = letters.lower()
    if len(lower) == 1:
        return "alpha"
    if roman_value(lower) is not None:
        return "roman"
    if len(set(lower)) == 1 and len(lower) == 2:
        return "alpha2"
    return None


def as_roman(label: Label) -> Label:
    """Return a single-letter label (`i`, `v`, `x`) read as a roman numeral."""
    value = (roman_value(label.key.lower()) or 0, "")
    style = label.style.replace("alpha", "roman").replace("ALPHA", "ROMAN")
    return Label(style, label.printed, label.key, value, value, label.rest)
