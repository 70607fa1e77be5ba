"""Word's list numbering: the numbers Word prints before paragraphs, computed from numbering.xml.

A Word document does not store the numbers of an automatically numbered list in its text: each
such paragraph names a list instance (`w:numId`) and a level (`w:ilvl`, 0 to 8), directly or
through its style. `word/numbering.xml` defines, per abstract list and level, where counting
starts (`w:start`), how a number is written (`w:numFmt`: decimal, lowerLetter, upperRoman, ...)
and the pattern of the printed label (`w:lvlText`, such as `%1.%2` or `(%3)`, where `%n` is
the current number of level n). `Numbering.label` replays the counting Word does:

- a level counts on from its last number; a deeper level restarts after a shallower one is
  used, unless `w:lvlRestart` says otherwise (0: never);
- list instances of one abstract list share its counters (a list split by a heading goes on),
  and an instance with `w:startOverride` restarts the level at that number when it is first
  used ("Restart numbering" in Word creates such an instance);
- `w:isLgl` writes every level of the label in decimal ("1.1.1" under "Article I");
- a level that is linked to a style (`w:pStyle`, numbered headings) gives the level of the
  paragraphs of that style that name the list without a level.

Bullets come back as "•", and a level with format `none` as "" (no label). A decimal level
that prints its number as a shallower level does ("1." under "1.") comes back as the path of
numbers ("2.1"): so the sub-point reads as one, where "1." would read as another point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: An lxml or ElementTree element of WordprocessingML (untyped libraries: see pyproject.toml).
Element = Any


def _val(element: Element | None, name: str = "val") -> str | None:
    if element is None:
        return None
    value = element.get(f"{W}{name}")
    return str(value) if value is not None else None


def _int(element: Element | None, default: int, name: str = "val") -> int:
    value = _val(element, name)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class Level:
    """One level of an abstract list: how its numbers are counted, written and indented."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: None by default, 0 for never
    legal: bool = False
    style: str | None = None
    left: int | None = None  # indentation of the text, in twips
    hanging: int = 0  # how far the number hangs left of the text, in twips

    @classmethod
    def read(cls, lvl: Element) -> Level:
        ind = lvl.find(f"{W}pPr/{W}ind")
        hanging = _int(ind, 0, "hanging") - _int(ind, 0, "firstLine")
        left = _val(ind, "left") or _val(ind, "start")
        return cls(
            start=_int(lvl.find(f"{W}start"), 1),
            fmt=_val(lvl.find(f"{W}numFmt")) or "decimal",
            text=_val(lvl.find(f"{W}lvlText")) or "",
            restart=_int(lvl.find(f"{W}lvlRestart"), -1)
            if lvl.find(f"{W}lvlRestart") is not None
            else None,
            legal=lvl.find(f"{W}isLgl") is not None and _val(lvl.find(f"{W}isLgl")) != "0",
            style=_val(lvl.find(f"{W}pStyle")),
            left=int(left) if left and left.lstrip("-").isdigit() else None,
            hanging=hanging,
        )


@dataclass(slots=True)
class _Instance:
    """A list instance (`w:num`): its abstract list and the levels it overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)
    used: bool = False


def format_number(value: int, fmt: str) -> str:
    """Return `value` written in the Word number format `fmt`.

    >>> format_number(3, "lowerLetter"), format_number(28, "lowerLetter")
    ('c', 'bb')
    >>> format_number(4, "upperRoman"), format_number(9, "lowerRoman")
    ('IV', 'ix')
    >>> format_number(7, "decimalZero"), format_number(2, "bullet"), format_number(5, "none")
    ('07', '•', '')
    """
    if fmt == "bullet":
        return "•"
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter"):
        if value < 1:
            return str(value)
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10)
        return f"{value}{suffix or 'th'}"
    return str(value)


def _roman(value: int) -> str:
    """Return `value` as a lower-case roman numeral (0 and below as digits).

    >>> from planlens.importers.labels import roman_value
    >>> _roman(14), _roman(49), roman_value(_roman(39))
    ('xiv', 'xlix', 39)
    """
    if value < 1:
        return str(value)
    parts = []
    for amount, numeral in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        count, value = divmod(value, amount)
        parts.append(numeral * count)
    return "".join(parts)


_PLACEHOLDER = re.compile(r"%([1-9])")


class Numbering:
    """The list definitions of one document, and the counters as its paragraphs are read.

    Paragraphs must be labelled in document order: `label` advances the counters.
    """

    def __init__(self, numbering: Element | None, styles: Element | None = None) -> None:
        self._abstracts: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}  # abstract list -> the numbering style it stands for
        self._instances: dict[str, _Instance] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._style_lists: dict[str, str] = {}  # numbering style id -> its list instance
        if styles is not None:
            for style in styles.iter(f"{W}style"):
                num_id = _val(style.find(f"{W}pPr/{W}numPr/{W}numId"))
                if _val(style, "type") == "numbering" and num_id:
                    self._style_lists[_val(style, "styleId") or ""] = num_id
        if numbering is None:
            return
        for abstract in numbering.iter(f"{W}abstractNum"):
            key = _val(abstract, "abstractNumId") or ""
            self._abstracts[key] = {
                _int(lvl, 0, "ilvl"): Level.read(lvl) for lvl in abstract.iter(f"{W}lvl")
            }
            link = _val(abstract.find(f"{W}numStyleLink"))
            if link:
                self._links[key] = link
        for num in numbering.iter(f"{W}num"):
            instance = _Instance(_val(num.find(f"{W}abstractNumId")) or "")
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = _int(override, 0, "ilvl")
                start = override.find(f"{W}startOverride")
                if start is not None:
                    instance.starts[ilvl] = _int(start, 1)
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    instance.levels[ilvl] = Level.read(lvl)
            self._instances[_val(num, "numId") or ""] = instance

    def _abstract_of(self, num_id: str) -> str | None:
        """Return the abstract list of an instance, through a numbering style if it links one."""
        instance = self._instances.get(num_id)
        if instance is None:
            return None
        abstract = instance.abstract
        link = self._links.get(abstract)
        if link and link in self._style_lists:
            linked = self._instances.get(self._style_lists[link])
            if linked is not None and linked.abstract in self._abstracts:
                return linked.abstract
        return abstract if abstract in self._abstracts else None

    def level(self, num_id: str, ilvl: int) -> Level | None:
        """Return the definition of level `ilvl` of list instance `num_id`, if there is one."""
        instance = self._instances.get(num_id)
        abstract = self._abstract_of(num_id)
        if instance is None or abstract is None:
            return None
        return instance.levels.get(ilvl) or self._abstracts[abstract].get(ilvl)

    def level_of_style(self, num_id: str, style: str) -> int:
        """Return the level of list `num_id` linked to paragraph style `style` (0 if none)."""
        abstract = self._abstract_of(num_id)
        for ilvl, level in sorted(self._abstracts.get(abstract or "", {}).items()):
            if level.style == style:
                return ilvl
        return 0

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Count a paragraph of list `num_id` at level `ilvl`; return the label Word prints.

        Return None when the paragraph is not numbered (`numId` 0 or unknown).
        """
        abstract = self._abstract_of(num_id)
        level = self.level(num_id, ilvl)
        if abstract is None or level is None:
            return None
        instance = self._instances[num_id]
        counters = self._counters.setdefault(abstract, [None] * 9)
        if not instance.used:
            instance.used = True
            for at, start in instance.starts.items():
                if 0 <= at < 9:
                    counters[at] = start - 1
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            definition = self.level(num_id, deeper)
            restart = definition.restart if definition is not None else None
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                counters[deeper] = None
        return self._render(num_id, ilvl, level, counters)

    def _render(self, num_id: str, ilvl: int, level: Level, counters: list[int | None]) -> str:
        def number(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            definition = self.level(num_id, at) or Level()
            value = counters[at]
            if value is None:
                value = definition.start
            fmt = definition.fmt
            if level.legal and fmt not in ("bullet", "none"):
                fmt = "decimal"
            return format_number(value, fmt)

        if level.fmt == "bullet":
            return "•"
        if level.fmt == "decimal" and not level.legal and self._repeats_above(num_id, ilvl, level):
            # "1." under "1.": read as the sub-point it is, "2.1", not as another point.
            path = [
                counters[at] or (self.level(num_id, at) or Level()).start for at in range(ilvl + 1)
            ]
            return ".".join(str(value) for value in path)
        return _PLACEHOLDER.sub(number, level.text).strip()

    def _repeats_above(self, num_id: str, ilvl: int, level: Level) -> bool:
        """Tell whether a shallower level of the list prints its number the same way."""
        shape = _shape(level)
        if "%" not in shape:
            return False
        for at in range(ilvl):
            above = self.level(num_id, at)
            if above is not None and above.fmt == "decimal" and _shape(above) == shape:
                return True
        return False


def _shape(level: Level) -> str:
    """Return how a level prints its number, the number itself aside ("%." for "%1.")."""
    return _PLACEHOLDER.sub("%", level.text).strip()
