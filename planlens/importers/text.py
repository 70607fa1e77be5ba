"""Turn plain text or Markdown with numbered points into a plan skeleton to finish by hand.

The import runs in four pure steps:

1. `text_lines` cleans the text: YAML front matter goes, `*`-boxed paragraphs (MPL-2.0) are
   unboxed, tabs are expanded.
2. `split_blocks` cuts the lines into blocks: paragraphs, headings (ATX and setext) and code
   fences. Hard-wrapped paragraphs are joined; a line that starts a numbered point starts a new
   block even without a blank line before it, when the number is the next one expected.
3. A layout is chosen. *Heading mode*: headings carry clause labels (`##### § 1 ...`,
   `1. Definitions` underlined with dashes); every heading with the label style that forms the
   best run of numbers is a top-level clause. *Marker mode*: paragraphs start with labels
   (`1.`, `(a)`, `Point 5`, `§ 5`); the label style with the best run of consecutive numbers is
   the top level, and only the paragraphs in that run start top-level clauses. Otherwise the most
   frequent heading level, or failing that each paragraph, makes the clauses.
4. The clause tree is built, ids are made unique, and `Plan` values are returned.

What is not a clause is kept, never dropped: text before the first clause (title lines,
preamble) and after the last one (appendices such as GPL's "How to Apply These Terms") goes to
the plan's `notes`, not to a "preamble" clause, so that `expected_clauses` counts the numbered
clauses only. Headings that only structure the document (`## Buch 1`, `NO WARRANTY`,
`TERMS AND CONDITIONS`) and text between them go to the `notes` of the clause they precede, so a
reviewer still sees where each clause sits.

Why not "the most frequent numbered heading level is the clause level": the BGB puts its § headings
at three levels (`####` to `######`, under Titel, Untertitel and Kapitel), so a level rule would
lose hundreds of sections. The label decides instead; structure headings (`Titel 1 - ...`) start
with a word, not a label, and are never clauses.

Ids: a top-level id is its number as printed without decoration (`1.` and `(1)` give "1",
`§ 90a` gives "90a", the stub `§§ 3 bis 6` gives "3-6", `Section 2` gives "2"); `number` keeps
the label (`§ 90a`). Sub-clauses add their label to the parent id ("10.a", "2.a.1.A"); dotted
numbers are already whole ids ("1.1"); bullet items are counted ("14.1", "14.2"). A repeated id
gets "~2", "~3" in document order, and a numbering that restarts after a heading (a document
quoting another) gets "~2" on every id of its second run. Inside a clause opened by a heading,
lists and Absätze stay Markdown text: only dotted sub-sections ("1.1." in section 1) and deeper
labelled headings become sub-clauses there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from planlens.errors import PlanlensError
from planlens.perf import collector_paused
from planlens.plan.model import Clause, Plan, Source
from planlens.plan.schema import DATE_RE, SLUG_RE

#: The source an import gets when no `source_url` is given: the format needs at least one, and a
#: placeholder that fails review is better than a made-up address.
PLACEHOLDER_SOURCE = Source(
    url="https://example.org/REPLACE-ME", note="placeholder: replace with the real source"
)

BlockKind = Literal["para", "heading", "code"]

# -- labels ---------------------------------------------------------------------------------

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
_DOTTED = re.compile(r"^(?P<a>\d{1,3}(?:\.\d{1,3})+)\.?(?=\s|$)")
_NUMBER = re.compile(r"^(?P<a>\d{1,3})(?P<p>[.)])(?=\s|$|[A-ZÄÖÜ])")
_PAREN_NUMBER = re.compile(r"^\((?P<a>\d{1,3})\)(?=\s|$)")
_LETTERS = re.compile(r"^(?P<a>[a-z]{1,4}|[A-Z]{1,4})(?P<p>[.)])(?=\s|$)")
_PAREN_LETTERS = re.compile(r"^\((?P<a>[a-z]{1,4}|[A-Z]{1,4})\)(?=\s|$)")
_BARE_NUMBER = re.compile(r"^(?P<a>\d{1,3})(?!\d)(?=\s)")
_BULLET = re.compile(r"^(?P<a>[-*+•–—])\s+(?=\S)")
_ROMAN = re.compile(r"^(?:l|xl|x{0,3})(?:ix|iv|v?i{0,3})$")
#: After `Section 5` or `§ 5` in running text, a real label is followed by its title or a
#: separator; "Section 5 of the Act" at the start of a line is a cross-reference, not a label.
_LABEL_FOLLOWER = re.compile(r"^(?:$|\s*[.:)–—-]|\s+[A-ZÄÖÜ\"“‘(\[])")
#: "(XXXX)" stands in for a missing enumeration in the bundestag/gesetze Markdown.
_PLACEHOLDER_PREFIX = re.compile(r"^\(X+\)\s*")
_SEPARATORS = " \t-–—:."

#: Kinds of label (a style without its brackets and dots) by how likely they are to number the
#: top level: words first (`§`, `Article`), then numbers, upper-case roman numerals, letters.
_TIERS = {"§": 0, "art": 0, "section": 0, "point": 0, "num": 1, "ROMAN": 2}
_TIERS |= {"alpha": 3, "ALPHA": 3, "roman": 3}
_NO_TIER = 9  # dotted numbers, bullets, doubled letters: never the top level


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
        return _TIERS.get(self.style.strip("()."), _NO_TIER)

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
        a, rest = match["a"], text[match.end() :]
        # "1.1." is a label; "1.5 million" is not, "3.1 If ..." is (EPL-2.0).
        if not heading and not match[0].endswith(".") and not _LABEL_FOLLOWER.match(rest):
            return None
        return Label("dotted", a, a, _ordinal(a), _ordinal(a), rest)
    if match := _NUMBER.match(text):
        a = match["a"]
        style = "num" + match["p"]
        printed = a if match["p"] == "." else a + match["p"]
        return Label(style, printed, a, (int(a), ""), (int(a), ""), text[match.end() :])
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


def _as_roman(label: Label) -> Label:
    """Return a single-letter label (`i`, `v`, `x`) read as a roman numeral."""
    value = (roman_value(label.key.lower()) or 0, "")
    style = label.style.replace("alpha", "roman").replace("ALPHA", "ROMAN")
    return Label(style, label.printed, label.key, value, value, label.rest)


# -- lines and blocks -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One source line: its text without indentation, the indentation, and its line number."""

    text: str
    indent: int
    number: int


@dataclass(slots=True)
class Block:
    """A paragraph, heading or code fence; `lines` keep their breaks until `joined()`."""

    kind: BlockKind
    lines: list[Line]
    level: int = 0
    label: Label | None = None
    #: Per line after the first: why the line break before it is kept when hard-wrapped lines
    #: are joined: "" (it is not), "short" (the line before is short, so the break was meant)
    #: or "own" (the line is a list item or Markdown construct of its own).
    breaks: list[str] = field(default_factory=list)

    @property
    def indent(self) -> int:
        """Return the indentation of the block's first line."""
        return self.lines[0].indent

    def joined(self, skip_label: bool = False) -> str:
        """Return the block's text with wrapped lines joined and deliberate breaks kept."""
        if self.kind == "code":
            return "\n".join(" " * ln.indent + ln.text for ln in self.lines)
        if self.kind == "heading":
            return self.lines[0].text
        parts: list[str] = []
        for index, ln in enumerate(self.lines):
            text = ln.text
            if index == 0 and skip_label and self.label is not None:
                text = self.label.rest.strip()
            if index and parts:
                parts.append("\n" if self.breaks[index - 1] else " ")
            parts.append(text)
        return "".join(parts).strip()


_FENCE = re.compile(r"^(```+|~~~+)")
_ATX = re.compile(r"^(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_RULE = re.compile(r"^(?:(?:\*\s*){3,}|(?:_\s*){3,}|(?:-\s*){3,})$")
_BOX_EDGE = re.compile(r"^\s*\*{10,}\s*$")
#: Lines that are Markdown constructs of their own: never glue them onto the line before.
_OWN_LINE = re.compile(r"^(?:\||>|:\s|\[\^|<)")


def text_lines(text: str) -> list[Line]:
    """Return the lines of `text` without front matter, box frames and trailing spaces.

    >>> [(ln.text, ln.indent) for ln in text_lines("---\\ntitle: x\\n---\\n  a\\tb")]
    [('a b', 2)]
    """
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = _front_matter_end(raw)
    lines: list[Line] = []
    boxed = False
    for number, original in enumerate(raw[start:], start=start + 1):
        value = original.expandtabs(4).rstrip()
        if _BOX_EDGE.match(value):
            # A frame of asterisks (MPL-2.0 sections 6 and 7): drop it, keep what it frames.
            boxed = not boxed
            value = ""
        elif boxed and value.lstrip().startswith("*"):
            value = value.lstrip()[1:]
            value = value[:-1].rstrip() if value.endswith("*") else value
        stripped = value.lstrip(" ")
        lines.append(Line(stripped, len(value) - len(stripped), number))
    return lines


def _front_matter_end(raw: Sequence[str]) -> int:
    """Return the index of the first line after YAML front matter (0 if there is none)."""
    if not raw or raw[0].strip() != "---":
        return 0
    for index in range(1, min(len(raw), 200)):
        if raw[index].strip() in ("---", "..."):
            return index + 1
    return 0


def front_matter_title(text: str) -> str | None:
    """Return the `title` from YAML front matter, if any (read with a regex, never executed).

    >>> front_matter_title("---\\nTitle: Bürgerliches Gesetzbuch\\n---\\n# x")
    'Bürgerliches Gesetzbuch'
    """
    raw = text.replace("\r\n", "\n").split("\n")
    end = _front_matter_end(raw)
    for line in raw[1 : max(end - 1, 0)]:
        if match := re.match(r"^title:\s*(?:!!\S+\s+)?(.+?)\s*$", line, re.I):
            return match[1].strip("'\"").strip() or None
    return None


def is_hard_wrapped(lines: Sequence[Line]) -> bool:
    """Tell whether paragraphs are wrapped over several lines (not one paragraph per line).

    Licence texts in the corpora come one paragraph per line, Debian's and the laws' wrapped at
    about 72 columns; in between sits text wrapped at about 120 (EUPL-1.2 from a PDF). The 90th
    percentile of line lengths tells them apart: wrapped text has almost no long lines.
    """
    return _wrap_width(lines) <= 130


def _wrap_width(lines: Sequence[Line]) -> int:
    """Return the 90th percentile of line lengths: about the width text was wrapped at."""
    lengths = sorted(ln.indent + len(ln.text) for ln in lines if ln.text)
    return lengths[(len(lengths) - 1) * 9 // 10] if lengths else 0


@dataclass(slots=True)
class _SplitState:
    """What `split_blocks` remembers to decide whether a label mid-paragraph starts an item."""

    last: dict[str, tuple[int, str]] = field(default_factory=dict)
    last_number: int | None = None
    last_dotted: str | None = None

    def note(self, label: Label) -> None:
        self.last[label.style] = label.last
        if "alpha" in label.style.lower() and label.key.lower() in ("i", "v", "x"):
            # Letters are told from numerals only later; "i." may begin "ii.", "iii.".
            roman = _as_roman(label)
            self.last[roman.style] = roman.last
        if label.style in ("num.", "num)", "(num)", "num", "§"):
            self.last_number = label.last[0]
        if label.style == "dotted":
            self.last_dotted = label.key

    def starts_item(self, label: Label) -> bool:
        """Tell whether a label at the start of a wrapped line begins a new item.

        A wrapped line can begin with a number by accident (GPL-3 section 5(b) wraps before
        "7.  This requirement"), so only the next number of a series, or the first item of a
        new list, starts an item without a blank line before it.
        """
        if label.style == "bullet":
            return True
        if label.style == "dotted":
            parts = label.key.split(".")
            if self.last_dotted is not None:
                before = self.last_dotted.split(".")
                if before[:-1] == parts[:-1] and int(parts[-1]) == int(before[-1]) + 1:
                    return True
            return parts[-1] in ("0", "1") and int(parts[0]) == self.last_number
        readings = [label]
        if "alpha" in label.style.lower() and label.key.lower() in ("i", "v", "x"):
            readings.append(_as_roman(label))
        for reading in readings:
            previous = self.last.get(reading.style)
            if previous is not None and reading.first[0] == previous[0] + 1:
                return True
            if not reading.is_word and reading.first[0] == 1:
                return True
        return False


def split_blocks(lines: Sequence[Line]) -> list[Block]:
    """Cut `lines` into paragraphs, headings and code fences.

    In hard-wrapped text the lines of a paragraph form one block; otherwise every line is a
    paragraph of its own. A setext underline turns the single line above it into a heading.
    """
    wrapped = is_hard_wrapped(lines)
    short = _wrap_width(lines) * 3 // 5
    blocks: list[Block] = []
    current: Block | None = None
    state = _SplitState()
    fence: str | None = None

    def flush() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current)
            current = None

    def start(block: Block) -> None:
        nonlocal current
        flush()
        current = block
        if block.label is not None:
            state.note(block.label)

    for ln in lines:
        text = ln.text
        if fence is not None:
            assert current is not None
            current.lines.append(ln)
            current.breaks.append("own")
            if text.startswith(fence):
                fence = None
                flush()
            continue
        if not text:
            flush()
            continue
        if ln.indent < 4 and (match := _FENCE.match(text)):
            flush()
            fence = match[1]
            current = Block("code", [ln])
            continue
        if ln.indent < 4 and (match := _ATX.match(text)):
            flush()
            heading = Line((match[2] or "").strip(), ln.indent, ln.number)
            blocks.append(_heading(heading, len(match[1])))
            continue
        if (
            ln.indent < 4
            and current is not None
            and current.kind == "para"
            and len(text) >= 3
            and _SETEXT.match(text)
        ):
            above = current.lines.pop()
            if current.breaks:
                current.breaks.pop()
            if not current.lines:
                current = None
            flush()
            blocks.append(_heading(above, 1 if text[0] == "=" else 2))
            continue
        if ln.indent < 4 and _RULE.match(text):
            flush()
            continue
        label = parse_label(text)
        if current is None or current.kind != "para" or not wrapped:
            start(Block("para", [ln], label=label))
            continue
        if label is not None and state.starts_item(label):
            start(Block("para", [ln], label=label))
            continue
        previous = current.lines[-1]
        if label is not None or _OWN_LINE.match(text):
            reason = "own"
        elif len(previous.text) + previous.indent < short:
            reason = "short"
        else:
            reason = ""
        current.lines.append(ln)
        current.breaks.append(reason)
    flush()
    return blocks


def _heading(line: Line, level: int) -> Block:
    text = _PLACEHOLDER_PREFIX.sub("", line.text)
    return Block("heading", [line], level=level, label=parse_label(text, heading=True))


# -- choosing the top level -----------------------------------------------------------------

#: Scores for the runs of labels (see `best_run`). A missing number costs half a clause, a
#: skipped label of the same style half a clause (so a stray "7." inside point 5 cannot replace
#: the real 6 and 7), and a restart of the numbering after a heading (LGPL-3 quoting the whole
#: GPL-3) two clauses, so that restarts win only for runs of real length.
_GAP_COST = 0.5
_SKIP_COST = 0.5
_RESTART_COST = 2.0
_LOOKBACK = 64


def best_run(
    labels: Sequence[tuple[int, Label]], headings_before: Sequence[int] | None = None
) -> tuple[float, list[int]]:
    """Return the score and positions of the best run of labels of one style.

    `labels` are (position, label) in document order. A run takes labels in order with rising
    numbers; it pays for numbers it jumps over and for labels it skips. With `headings_before`
    (the number of structure headings before each position), the numbering may restart at 0 or 1
    after a heading.

    >>> lab = [parse_label(t) for t in ["1. a", "2. b", "7. c", "3. d"]]
    >>> best_run([(i, x) for i, x in enumerate(lab) if x])
    (2.5, [0, 1, 3])
    """
    if not labels:
        return 0.0, []
    scores: list[float] = []
    previous: list[int] = []
    for i, (position, label) in enumerate(labels):
        start_number = label.first[0]
        best = 1.0 - _GAP_COST * min(max(start_number - 1, 0), 4)
        best_from = -1
        for j in range(max(0, i - _LOOKBACK), i):
            before_position, before = labels[j]
            skipped = i - j - 1
            if label.first > before.last:
                gap = max(label.first[0] - before.last[0] - 1, 0)
                score = scores[j] + 1.0 - _GAP_COST * gap - _SKIP_COST * skipped
            elif (
                headings_before is not None
                and start_number <= 1
                and headings_before[position] > headings_before[before_position]
            ):
                score = scores[j] + 1.0 - _RESTART_COST - _SKIP_COST * skipped
            else:
                continue
            if score > best:
                best, best_from = score, j
        scores.append(best)
        previous.append(best_from)
    end = max(range(len(scores)), key=lambda k: (scores[k], -k))
    run: list[int] = []
    k = end
    while k != -1:
        run.append(labels[k][0])
        k = previous[k]
    return scores[end], run[::-1]


def choose_top(
    labels: Sequence[tuple[int, Label]], headings_before: Sequence[int] | None = None
) -> tuple[str | None, list[int]]:
    """Return the top-level label style and the positions of its best run.

    The most likely tier that has a run of two labels wins (so the fifteen lettered items of
    GFDL section 4 never outvote its eleven numbered sections); inside a tier the best score.
    """
    by_style: dict[str, list[tuple[int, Label]]] = {}
    for position, label in labels:
        if label.tier < _NO_TIER:
            by_style.setdefault(label.style, []).append((position, label))
    best: tuple[tuple[int, int, float], str, list[int]] | None = None
    for style in sorted(by_style):
        score, positions = best_run(by_style[style], headings_before)
        rank = (0 if len(positions) >= 2 else 1, by_style[style][0][1].tier, -score)
        if best is None or rank < best[0]:
            best = (rank, style, positions)
    if best is None:
        return None, []
    return best[1], best[2]


def _resolve_letters(blocks: Sequence[Block]) -> None:
    """Read single-letter labels `i`, `v`, `x` (and `I`, `V`, `X`) as letters or numerals.

    They are letters when they continue a lettered list (`h)` then `i)`; one letter may be
    missing, as in GFDL-1.3 4.G, 4.I), otherwise numerals when they start or continue a roman
    list (`e.` then `i.`: CC-BY-3.0 3(e)(i)).
    """
    last_letter: dict[str, str] = {}
    last_roman: dict[str, int] = {}
    for block in blocks:
        label = block.label
        if label is None:
            continue
        if "alpha" in label.style.lower() and len(label.key) == 1:
            style = label.style
            letter = label.key.lower()
            before = last_letter.get(style)
            continues = before is not None and 1 <= ord(letter) - ord(before) <= 2
            roman_style = _as_roman(label).style
            if letter in "ivx" and not continues:
                value = roman_value(letter) or 0
                if letter == "i" or last_roman.get(roman_style) == value - 1:
                    block.label = label = _as_roman(label)
        if "roman" in label.style.lower():
            last_roman[label.style] = label.first[0]
        elif "alpha" in label.style.lower():
            last_letter[label.style] = label.key.lower()


# -- structure headings in plain text --------------------------------------------------------

#: Words that stay lower case in a Title Case heading, in English and German.
_SMALL_WORDS_TEXT = (
    "a an and as at by de der die das des den dem du et for from in into la le of on or the "
    "to und von vom zu zum zur with this that than upon auf aus bei für mit nach oder über "
    "unter"
)
_SMALL_WORDS = frozenset(_SMALL_WORDS_TEXT.split())
_STRUCTURE_WORD = re.compile(
    r"^(?:(?:\w+(?:ter|tes|ste|ster)\s+)?(?:Buch|Teil|Abschnitt|Unterabschnitt|Titel|Untertitel"
    r"|Kapitel|Unterkapitel|Anlage|Anhang|Part|Chapter|Title|Division|Subdivision|Subpart"
    r"|Subchapter|Book|Annex|Schedule|Appendix|Exhibit)\b)",
    re.I,
)


def is_title_like(text: str) -> bool:
    """Tell whether a short line reads like a heading: ALL CAPS or Title Case, no sentence.

    >>> is_title_like("How to Apply These Terms to Your New Programs"), is_title_like("NO WARRANTY")
    (True, True)
    >>> is_title_like("The parties agree."), is_title_like("Definitions."), is_title_like("x, y")
    (False, True, False)
    """
    text = text.strip()
    if not text or len(text) > 100 or text[-1] in ",;:!?":
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not words or len(words) > 14:
        return False
    if _all_caps(text):
        return True
    if not words[0][0].isupper():
        return False
    return all(w[0].isupper() for w in words if w.lower() not in _SMALL_WORDS and len(w) > 3)


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_plain_heading(block: Block, wrapped: bool) -> bool:
    """Tell whether an unlabelled paragraph is a heading of plain text (`NO WARRANTY`)."""
    if block.kind != "para" or block.label is not None or len(block.lines) > 2:
        return False
    centred = wrapped and all(ln.indent >= 8 for ln in block.lines)
    text = " ".join(ln.text for ln in block.lines)
    if len(block.lines) == 2 and not centred and not _all_caps(text):
        return False
    if len(text) > 100:
        return False
    if centred and not text.endswith((",", ";", ":")):
        return True
    return text[-1:] != "." and is_title_like(text)


# -- the clause tree --------------------------------------------------------------------------


@dataclass(slots=True)
class _Node:
    """A clause while the tree is being built."""

    label: Label | None
    key: str
    level: int  # heading level, or an ordering depth for labelled paragraphs
    indent: int
    title: str | None = None
    body: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    notes: str | None = None
    fallback: str = ""  # text for a clause with no body and no title: its heading as printed
    part: int = 1  # which run of numbering (2 after a restart), for unique top-level ids
    #: True for clauses opened by a labelled paragraph: a "title" with nothing under it was
    #: the whole text (`1. Only point.`), not a heading.
    from_paragraph: bool = False


@dataclass(slots=True)
class _Tree:
    """The clauses found so far and the text that belongs to no clause."""

    top: list[_Node] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    pending: list[tuple[bool, str]] = field(default_factory=list)  # (is heading, text)

    def structure(self, text: str, *, heading: bool) -> None:
        """Keep text that sits between clauses, to attach to the next clause."""
        if not text:
            return
        if not self.top and not heading:
            self.preamble.extend(t for _, t in self.pending)
            self.pending.clear()
            self.preamble.append(text)
        else:
            self.pending.append((heading, text))

    def open_top(self, node: _Node) -> None:
        """Start a top-level clause; the headings and text before it become its notes."""
        if not self.top and not self.preamble and self.pending:
            # The first line of a document that opens with headings is its title, not a
            # heading over the first clause ("Draft agreement", then "1. ...").
            self.preamble.append(self.pending.pop(0)[1])
        if self.pending:
            node.notes = _structure_notes(self.pending)
            self.pending.clear()
        self.top.append(node)

    def epilogue(self) -> list[str]:
        return [text for _, text in self.pending]


def _structure_notes(items: Sequence[tuple[bool, str]]) -> str:
    if all(heading for heading, _ in items):
        return "Headings before this clause: " + " › ".join(text for _, text in items)
    parts = [f"**{text}**" if heading else text for heading, text in items]
    return "Text before this clause, outside any clause:\n\n" + "\n\n".join(parts)


def _heading_text(block: Block) -> str:
    text = " ".join(ln.text for ln in block.lines)
    return _PLACEHOLDER_PREFIX.sub("", text).strip().rstrip(" -–—").strip()


def _clean_title(rest: str) -> str | None:
    """Return a title from the text after a label: separators and a final full stop removed.

    >>> _clean_title(" – Definitions."), _clean_title(""), _clean_title("(weggefallen)")
    ('Definitions', None, '(weggefallen)')
    """
    title = rest.strip().lstrip(_SEPARATORS).strip()
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1].rstrip()
    return title or None


def _is_title_line(text: str) -> bool:
    """Tell whether the line after a label is its title: Title Case, or short and unpunctuated.

    >>> _is_title_line("Scope of the rights granted by the Licence"), _is_title_line("We agree.")
    (True, False)
    """
    if is_title_like(text):
        return True
    words = text.split()
    return 0 < len(words) <= 8 and text[-1].isalnum()


def _labelled_node(label: Label, block: Block, key: str, level: int) -> _Node:
    """Return a clause started by a labelled paragraph, taking a title line if it has one."""
    node = _Node(label, key, level, block.indent, fallback=block.lines[0].text)
    node.from_paragraph = True
    first_rest = label.rest.strip()
    # Only a line that stands alone can be a title: GPL-3 5(b) breaks before "7.  This", and
    # its first line is the start of a sentence, not a heading.
    title_line = bool(first_rest) and (len(block.lines) == 1 or block.breaks[0] == "short")
    if title_line and _is_title_line(first_rest.lstrip(_SEPARATORS)):
        node.title = _clean_title(first_rest)
        rest_block = Block("para", block.lines[1:], breaks=block.breaks[1:])
        if rest_block.lines:
            node.body.append(rest_block.joined())
    else:
        text = block.joined(skip_label=True)
        if text:
            node.body.append(text)
    return node


def _marker_tree(
    blocks: Sequence[Block], top_style: str, run: Iterable[int], wrapped: bool
) -> _Tree:
    """Build clauses from labelled paragraphs; `run` are the blocks that open top-level ones."""
    starts = set(run)
    # Numbering that restarts (LGPL-3 followed by the whole GPL-3) begins a new part; its ids
    # get a "~2" suffix so that they neither collide with nor interleave the first part's.
    parts: dict[int, int] = {}
    part, previous = 1, None
    for position in sorted(starts):
        label = blocks[position].label
        assert label is not None
        if previous is not None and label.first <= previous.last:
            part += 1
        parts[position], previous = part, label
    tree = _Tree()
    stack: list[_Node] = []
    for index, block in enumerate(blocks):
        if block.kind == "heading" or _is_plain_heading(block, wrapped):
            stack = []
            tree.structure(_heading_text(block), heading=True)
            continue
        label = block.label
        if index in starts and label is not None:
            node = _labelled_node(label, block, label.key, 0)
            node.fallback = label.printed
            node.part = parts[index]
            tree.open_top(node)
            stack = [node]
            continue
        if not stack:
            tree.structure(block.joined(), heading=False)
            continue
        if label is not None and label.style != top_style and not label.is_word:
            _nest(stack, label, block)
            continue
        # An unlabelled paragraph indented less than the item it follows is back in the parent
        # (GPL-2 section 2: "These requirements apply..." after items a) to c)).
        while len(stack) > 1 and block.indent < stack[-1].indent:
            stack.pop()
        stack[-1].body.append(block.joined())
    return tree


def _nest(stack: list[_Node], label: Label, block: Block) -> None:
    """Add a labelled sub-item under the right open clause of `stack`."""
    for depth in range(len(stack) - 1, 0, -1):
        if _same_series(stack[depth].label, label):
            del stack[depth:]
            break
    else:
        if label.style == "dotted":
            size = label.key.count(".")
            while (
                len(stack) > 1
                and stack[-1].label is not None
                and stack[-1].label.style == "dotted"
                and stack[-1].label.key.count(".") >= size
            ):
                stack.pop()
    parent = stack[-1]
    if label.style == "bullet":
        key = str(sum(1 for c in parent.children if c.label and c.label.style == "bullet") + 1)
    else:
        key = label.key
    node = _labelled_node(label, block, key, parent.level + 1)
    parent.children.append(node)
    stack.append(node)


def _same_series(open_label: Label | None, label: Label) -> bool:
    if open_label is None or open_label.style != label.style:
        return False
    if label.style == "dotted":
        return open_label.key.count(".") == label.key.count(".")
    return True


def _heading_tree(blocks: Sequence[Block], top_style: str) -> _Tree:
    """Build clauses from labelled headings: every heading in `top_style` opens a clause.

    Deeper labelled headings nest; unlabelled headings close the open clause (they structure
    the document) unless they sit deeper than it and the next clause heading is not deeper
    still, in which case they are part of the clause text. Paragraphs that start with a dotted
    number extending the clause's own (`1.1.` in section 1) become sub-clauses; other body text,
    lists included, stays the clause's Markdown text.
    """
    next_top_level = [7] * (len(blocks) + 1)
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        is_top = block.kind == "heading" and block.label and block.label.style == top_style
        next_top_level[index] = block.level if is_top else next_top_level[index + 1]
    tree = _Tree()
    stack: list[_Node] = []
    for index, block in enumerate(blocks):
        label = block.label
        if block.kind == "heading":
            text = _heading_text(block)
            if label is not None and label.style == top_style:
                node = _Node(label, label.key, block.level, 0, title=_clean_title(label.rest))
                node.fallback = text
                tree.open_top(node)
                stack = [node]
                continue
            while stack and stack[-1].level >= block.level:
                stack.pop()
            if stack and label is not None and label.style != "bullet":
                node = _Node(label, label.key, block.level, 0, title=_clean_title(label.rest))
                node.fallback = text
                stack[-1].children.append(node)
                stack.append(node)
                continue
            body_heading = (
                stack
                and not _STRUCTURE_WORD.match(text)
                and next_top_level[index + 1] <= block.level
            )
            if body_heading:
                stack[-1].body.append("#" * block.level + " " + text)
                continue
            stack = []
            tree.structure(text, heading=True)
            continue
        if not stack:
            tree.structure(block.joined(), heading=False)
            continue
        if label is not None and label.style == "dotted" and _extends(stack, label):
            while (
                stack[-1].label is not None
                and stack[-1].label.style == "dotted"
                and (stack[-1].label.key.count(".") >= label.key.count("."))
            ):
                stack.pop()
            node = _labelled_node(label, block, label.key, 7)
            stack[-1].children.append(node)
            stack.append(node)
            continue
        stack[-1].body.append(block.joined())
    return tree


def _extends(stack: Sequence[_Node], label: Label) -> bool:
    """Tell whether a dotted label (`1.1`) continues the number of the open top clause."""
    return label.key.split(".")[0] == stack[0].key.split("-")[0]


def _level_tree(blocks: Sequence[Block], level: int) -> _Tree:
    """Build one clause per heading of `level`; shallower headings are structure."""
    tree = _Tree()
    node: _Node | None = None
    for block in blocks:
        if block.kind == "heading" and block.level <= level:
            text = _heading_text(block)
            if block.level == level:
                node = _Node(None, str(len(tree.top) + 1), level, 0, title=text or None)
                node.fallback = text
                tree.open_top(node)
            else:
                node = None
                tree.structure(text, heading=True)
            continue
        text = block.joined()
        if block.kind == "heading":
            text = "#" * block.level + " " + text
        if node is None:
            tree.structure(text, heading=False)
        else:
            node.body.append(text)
    return tree


def _paragraph_tree(blocks: Sequence[Block], wrapped: bool) -> _Tree:
    """Build one clause per paragraph; leading title lines go to the preamble."""
    tree = _Tree()
    for block in blocks:
        text = block.joined() if block.kind != "heading" else _heading_text(block)
        if not text:
            continue
        if not tree.top and (block.kind == "heading" or _is_plain_heading(block, wrapped)):
            tree.preamble.append(text)
            continue
        tree.top.append(_Node(None, str(len(tree.top) + 1), 0, 0, body=[text]))
    if not tree.top:
        # Nothing but headings: they are the text, not a title over nothing.
        tree.top = [_Node(None, str(n), 0, 0, body=[t]) for n, t in enumerate(tree.preamble, 1)]
        tree.preamble = []
    return tree


# -- from the tree to a Plan ------------------------------------------------------------------


def _unique(natural: str, used: set[str]) -> str:
    """Return `natural`, or `natural~2`, `natural~3`, ... if it is taken; record it as used.

    >>> used = {"5"}
    >>> _unique("5", used), _unique("5", used), _unique("6", used)
    ('5~2', '5~3', '6')
    """
    candidate = natural
    suffix = 2
    while candidate in used:
        candidate = f"{natural}~{suffix}"
        suffix += 1
    used.add(candidate)
    return candidate


def _finish(node: _Node, parent_id: str | None, used: set[str]) -> Clause:
    if parent_id is None or (node.label is not None and node.label.style == "dotted"):
        natural = node.key
    else:
        natural = f"{parent_id}.{node.key}"
    if parent_id is None and node.part > 1:
        natural = f"{natural}~{node.part}"
    natural = natural or "clause"
    if node.from_paragraph and node.title and not node.body and not node.children:
        node.body.append(node.label.rest.strip().lstrip(_SEPARATORS) if node.label else "")
        node.title = None
    clause_id = _unique(natural, used)
    if parent_id is None:
        number = node.label.printed if node.label is not None else None
    elif node.label is not None and node.label.style == "dotted":
        number = node.label.printed
    else:
        number = natural
    children = tuple(_finish(child, clause_id, used) for child in node.children)
    text = "\n\n".join(part for part in node.body if part.strip()).strip()
    return Clause(
        id=clause_id,
        text=text or node.title or node.fallback.strip() or clause_id,
        number=number,
        title=node.title,
        notes=node.notes,
        clauses=children,
    )


def build_clauses(text: str) -> tuple[tuple[Clause, ...], str | None]:
    """Return the top-level clauses of `text` and the plan notes (text outside every clause).

    >>> clauses, notes = build_clauses("Intro\\n\\n1. One\\n2. Two\\n   (a) more\\n")
    >>> [c.id for c in clauses], [c.id for c in clauses[1].clauses], notes
    (['1', '2'], ['2.a'], 'Text before the first clause:\\n\\nIntro')
    """
    lines = text_lines(text)
    blocks = split_blocks(lines)
    _resolve_letters(blocks)
    wrapped = is_hard_wrapped(lines)
    tree = _choose_tree(blocks, wrapped)
    if not tree.top and text.strip():
        # Nothing recognisable (an empty heading, front matter alone): one clause of it all.
        tree = _Tree(top=[_Node(None, "1", 0, 0, body=[text.strip()])])
    used: set[str] = set()
    clauses = tuple(_finish(node, None, used) for node in tree.top)
    notes: list[str] = []
    if tree.preamble:
        notes.append("Text before the first clause:\n\n" + "\n\n".join(tree.preamble))
    if tree.epilogue():
        notes.append("Text after the last clause:\n\n" + "\n\n".join(tree.epilogue()))
    return clauses, "\n\n".join(notes).strip() or None


def _choose_tree(blocks: Sequence[Block], wrapped: bool) -> _Tree:
    heading_labels = [
        (i, b.label) for i, b in enumerate(blocks) if b.kind == "heading" and b.label is not None
    ]
    heading_style, heading_run = choose_top(heading_labels)
    # Every heading of the style opens a clause, so count headings, not the run: two headings
    # "§ 5" (a duplicate) are still two clauses.
    heading_count = sum(1 for _, label in heading_labels if label.style == heading_style)
    if heading_style is not None and heading_count >= 2:
        return _heading_tree(blocks, heading_style)
    headings_before: list[int] = []
    count = 0
    for block in blocks:
        headings_before.append(count)
        if block.kind == "heading" or _is_plain_heading(block, wrapped):
            count += 1
    para_labels = [
        (i, b.label) for i, b in enumerate(blocks) if b.kind == "para" and b.label is not None
    ]
    para_style, para_run = choose_top(para_labels, headings_before)
    if para_style is not None and len(para_run) >= 2:
        return _marker_tree(blocks, para_style, para_run, wrapped)
    if heading_style is not None and heading_run:
        return _heading_tree(blocks, heading_style)
    if para_style is not None and para_run:
        return _marker_tree(blocks, para_style, para_run, wrapped)
    levels = Counter(b.level for b in blocks if b.kind == "heading")
    if levels:
        level, count = min(levels.items(), key=lambda item: (-item[1], item[0]))
        if count >= 2:
            return _level_tree(blocks, level)
    return _paragraph_tree(blocks, wrapped)


def guess_title(text: str) -> str | None:
    """Return a title for the document: its front matter title, first heading or first line.

    >>> guess_title("Draft agreement\\n\\n1. The parties agree.\\n")
    'Draft agreement'
    """
    if title := front_matter_title(text):
        return title
    blocks = split_blocks(text_lines(text))
    for block in blocks[:20]:
        if block.kind == "heading" and block.label is None:
            return _heading_text(block) or None
    for block in blocks[:1]:
        first = block.lines[0].text.strip()
        if block.kind == "para" and block.label is None and len(first) <= 120:
            return first
    return None


def import_text(
    text: str,
    *,
    plan_id: str,
    title: str,
    date: str,
    source_url: str | None = None,
    language: str | None = None,
) -> Plan:
    """Return a draft plan skeleton made from plain text or Markdown with numbered points.

    The plan has status `draft`, completeness `full` and `expected_clauses` set to the number of
    top-level clauses found. Its one source is `source_url`, or, since the format needs a source,
    `PLACEHOLDER_SOURCE` (`https://example.org/REPLACE-ME`) for the user to replace. An empty
    `title` is taken from the text (front matter, first heading or first line), else the plan
    id. An empty `date` stays empty for the user to fill in. Text outside every clause
    (preamble, appendices) is kept in the plan notes; see the module docstring for the rest.

    Raise `PlanlensError` if `plan_id`, `date` or `source_url` is malformed, or if the text is
    blank.
    """
    if not SLUG_RE.match(plan_id):
        raise PlanlensError(
            f"plan id '{plan_id}' is not a slug: use lower-case letters, digits, '-', '_' and '.'"
        )
    if date and not DATE_RE.match(date):
        raise PlanlensError(f"date '{date}' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    if source_url is not None and not re.match(r"^https?://\S+$", source_url):
        raise PlanlensError(f"source url '{source_url}' must be an http:// or https:// address")
    if not text.strip():
        raise PlanlensError("there is no text to import: the input is empty")
    with collector_paused():  # many small allocations, no cycles: see planlens.perf
        clauses, notes = build_clauses(text)
    source = Source(url=source_url) if source_url else PLACEHOLDER_SOURCE
    return Plan(
        id=plan_id,
        title=title.strip() or guess_title(text) or plan_id,
        date=date,
        status="draft",
        completeness="full",
        sources=(source,),
        clauses=clauses,
        language=language,
        expected_clauses=len(clauses),
        notes=notes,
    )
