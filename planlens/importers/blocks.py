"""Lines and blocks: cleaning text into lines, cutting lines into paragraphs, headings and code.

These are the first two steps of an import (see `planlens.importers`):

1. `text_lines` cleans the text: YAML front matter goes, `*`-boxed paragraphs (MPL-2.0) are
   unboxed, tabs are expanded, Markdown footnotes go (`without_footnotes`).
2. `split_blocks` cuts the lines into blocks: paragraphs, headings (ATX and setext) and code
   fences. Hard-wrapped paragraphs are joined; a line that starts a numbered point starts a new
   block even without a blank line before it, when the number is the next one expected or the
   line is indented less than the item before (a sub-list ends, its parent list goes on). Two
   more cuts are made where the source runs items together: a lettered item that goes on with
   the next letter after a full stop (GFDL-1.3 4.G: "... license notice. H. Include ...") is
   split there, and in hard-wrapped text an item ends at a short line that ends a sentence when
   the next line starts a new one at the item's own indentation (EUPL-1.2 2: "— sublicense
   rights in the Work or copies thereof." then "Those rights can be exercised ...", which is
   the text of the article after its list, not of the last item). In text of one paragraph a
   line, a term alone on its line and its meaning on the next, starting in lower case, are one
   paragraph (OGL-UK-2.0: "‘Information’", then "means information protected by ...").

Each block keeps the label it starts with, and whether a blank line comes before it (in text
with one paragraph per line, lines without a blank line between them belong together).
`is_plain_heading` tells which unlabelled paragraphs are the headings of plain text
(`NO WARRANTY`, a centred title, `ADDENDUM: How to use this License`); `heading_text` is a
heading's text without placeholder enumerations.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from planlens.importers.footnotes import without_footnotes
from planlens.importers.labels import Label, as_roman, dotted_numbers, parse_label

BlockKind = Literal["para", "heading", "code"]

#: "(XXXX)" stands in for a missing enumeration in the bundestag/gesetze Markdown.
_PLACEHOLDER_PREFIX = re.compile(r"^\(X+\)\s*")


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
    #: False when the line before the block is not blank (the block goes on from the one before).
    gap_before: bool = True
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
                if self.breaks[index - 1]:
                    parts.append("\n")
                elif not _HYPHEN_WRAP.search(parts[-1]) or _SUSPENDED.match(text):
                    parts.append(" ")
            parts.append(text)
        return "".join(parts).strip()


#: A line that ends in a hyphen after a letter ("öffentlich-", "EG-") goes on in the next one
#: without a space ("öffentlich-rechtlich"), unless the hyphen stands for a word left out and
#: the next line goes on with "und", "oder" ... ("Bau- und Werkverträge").
_HYPHEN_WRAP = re.compile(r"[^\W\d_]-$")
_SUSPENDED = re.compile(r"(?:und|oder|bis|sowie|bzw\.|and|or|nor|to)\b|[^\w]", re.I)
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
    for number, original in enumerate(without_footnotes(raw[start:]), start=start + 1):
        value = original.expandtabs(4).rstrip()
        if _BOX_EDGE.match(value):
            # A frame of asterisks (MPL-2.0 sections 6 and 7): drop it, keep what it frames.
            boxed = not boxed
            value = ""
        elif boxed and value.lstrip().startswith("*"):
            value = value.lstrip()[1:]
            value = value[:-1].rstrip() if value.endswith("*") else value
        stripped = value.lstrip(" ")
        if stripped in ("*", "+"):
            stripped = ""  # an empty bullet before a nested list (StGB 2012 § 177 (4)): no text
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
            roman = as_roman(label)
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
            parts = dotted_numbers(label.key)
            if self.last_dotted is not None:
                before = dotted_numbers(self.last_dotted)
                if before[:-1] == parts[:-1] and parts[-1] == before[-1] + 1:
                    return True
            return parts[-1] in (0, 1) and parts[0] == self.last_number
        readings = [label]
        if "alpha" in label.style.lower() and label.key.lower() in ("i", "v", "x"):
            readings.append(as_roman(label))
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
    blank = True  # whether the line before is blank (or the text starts)
    queue = deque(lines)

    def flush() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current)
            current = None

    def start(block: Block) -> None:
        nonlocal current
        flush()
        block.gap_before = blank
        current = block
        if block.label is not None:
            state.note(block.label)

    while queue:
        ln = queue.popleft()
        text = ln.text
        if fence is not None:
            assert current is not None
            current.lines.append(ln)
            current.breaks.append("own")
            if text.startswith(fence):
                fence = None
                flush()
            blank = False
            continue
        if not text:
            flush()
            blank = True
            continue
        if ln.indent < 4 and (match := _FENCE.match(text)):
            start(Block("code", [ln]))
            fence = match[1]
        elif ln.indent < 4 and (match := _ATX.match(text)):
            flush()
            heading = Line((match[2] or "").strip(), ln.indent, ln.number)
            blocks.append(_heading(heading, len(match[1])))
        elif (
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
        elif ln.indent < 4 and _RULE.match(text):
            flush()
        else:
            label = parse_label(text)
            if wrapped and label is not None and _closes_parenthesis(current, label):
                label = None  # "(Absatz" / "1) dadurch": a wrapped reference, no label
            # A term alone on its line, its meaning on the next (OGL-UK-2.0): one paragraph.
            meaning = not wrapped and not blank and label is None and _meaning_of(current, text)
            new = (current is None or current.kind != "para" or not wrapped) and not meaning
            new = new or (label is not None and state.starts_item(label))
            # An item indented less than the item before ends it (the list it nests in goes on).
            new = new or (
                label is not None
                and current is not None
                and current.label is not None
                and ln.indent < current.indent
            )
            owner = label if new or current is None else current.label
            if owner is not None and (cut := inline_item(text, owner)) is not None:
                # The rest of the line is the next item: read it as a line of its own.
                indent = ln.indent if new or current is None else current.indent
                queue.appendleft(Line(text[cut:].lstrip(), indent, ln.number))
                ln = Line(text[:cut].rstrip(), ln.indent, ln.number)
                label = parse_label(ln.text)
            if new or current is None:
                start(Block("para", [ln], label=label))
            elif _item_ends(current, ln, short):
                start(Block("para", [ln]))
            else:
                previous = current.lines[-1]
                if label is not None or _OWN_LINE.match(ln.text):
                    reason = "own"
                elif len(previous.text) + previous.indent < short and not meaning:
                    reason = "short"
                else:
                    reason = ""
                current.lines.append(ln)
                current.breaks.append(reason)
        blank = False
    flush()
    return blocks


#: Words whose full stop is not the end of a sentence, before a letter that may be an initial.
_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "no", "nr", "vs", "etc", "inc", "ltd", "co", "jr", "sr", "cf"]
)


#: How a definition's meaning starts, after its term.
_MEANING = re.compile(
    r"^(?:means|includes|shall\s+(?:mean|include)|refers\s+to|has\s+the\s+meaning)\b"
)


def _meaning_of(current: Block | None, text: str) -> bool:
    """Tell whether a line that starts in lower case gives the meaning of a term alone on the
    line before, in text of one paragraph a line (OGL-UK-2.0: "‘Information’", then "means
    information protected by ..."): a line of a few words, unlabelled, with no punctuation
    at its end (it ends no sentence, clause or list item), and a line that starts with the
    verb of a definition ("means", "includes", "shall mean", "refers to"): not a subtitle
    ("for public sector information" under a title) or an address under a name."""
    if current is None or current.kind != "para" or current.label is not None:
        return False
    term = current.lines[-1].text
    ends_open = bool(term) and term[-1] not in ".,;:!?" and len(term.split()) <= 6
    return len(current.lines) == 1 and ends_open and bool(_MEANING.match(text))


def _closes_parenthesis(current: Block | None, label: Label) -> bool:
    """Tell whether a label like "1)" closes a parenthesis the line before left open: the
    text wrapped inside it ("eine widerstandsunfähige Person (Absatz" / "1) dadurch ..."), so
    it is no item."""
    if current is None or not current.lines or not label.style.endswith(")"):
        return False
    if label.style.startswith("("):
        return False
    before = current.lines[-1].text
    return before.count("(") > before.count(")")


def inline_item(text: str, label: Label) -> int | None:
    """Return where the item after a lettered `label` starts inside `text`, or None.

    Only the next letter of the running list counts (`G.` then `H.`), in the same form, and
    only after a sentence ends: after a full stop (or `;`, `!`, `?`) that follows a word, not
    an initial or an abbreviation ("Mr. H. Smith"), and before a capital.

    >>> from planlens.importers.labels import parse_label
    >>> text = "G. Preserve the notice. H. Include a copy."
    >>> text[inline_item(text, parse_label(text)) :]
    'H. Include a copy.'
    >>> inline_item("G. Ask Mr. H. Smith.", parse_label("G. x")) is None
    True
    """
    if "alpha" not in label.style.lower() or len(label.key) != 1 or label.key in "zZ":
        return None
    following = label.printed.replace(label.key, chr(ord(label.key) + 1))
    pattern = r"(?<=[.;!?])\s+(" + re.escape(following) + r")\s+(?=[A-Z\"“‘(])"
    for match in re.finditer(pattern, text):
        before = text[: match.start() - 1].rsplit(maxsplit=1)
        word = before[-1] if before else ""
        ends_word = word[-1:].islower() or word[-1:].isdigit() or word[-1:] in (")", '"', "”", "’")
        if ends_word and word.strip('("“‘').lower() not in _ABBREVIATIONS:
            return match.start(1)
    return None


_ENDS_SENTENCE = re.compile(r"[.!?][\"”’)]?$")
_STARTS_SENTENCE = re.compile(r"^[A-ZÄÖÜ\"“‘(\[]")


def _item_ends(block: Block, line: Line, short: int) -> bool:
    """Tell whether `line` of hard-wrapped text starts a paragraph after the item `block`.

    It does when the item's last line is short and ends a sentence, and `line` starts a new
    one no deeper than the item's label: the break was meant, and a line of the item itself
    would hang under its text. An item that is only a title line ("b) Scope.") keeps the
    text under it.
    """
    if block.label is None or line.indent > block.indent:
        return False
    previous = block.lines[-1]
    if len(previous.text) + previous.indent >= short or not _ENDS_SENTENCE.search(previous.text):
        return False
    if len(block.lines) == 1 and is_title_like(block.label.rest):
        return False
    return bool(_STARTS_SENTENCE.match(line.text))


def _heading(line: Line, level: int) -> Block:
    text = _PLACEHOLDER_PREFIX.sub("", line.text)
    return Block("heading", [line], level=level, label=parse_label(text, heading=True))


# -- structure headings in plain text --------------------------------------------------------

#: Words that stay lower case in a Title Case heading, in English and German.
_SMALL_WORDS_TEXT = (
    "a an and as at by de der die das des den dem du et for from in into la le of on or the "
    "to und von vom zu zum zur with this that than upon auf aus bei für mit nach oder über "
    "unter without within between through against ohne"
)
_SMALL_WORDS = frozenset(_SMALL_WORDS_TEXT.split())


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
    if is_all_caps(text):
        return True
    if not words[0][0].isupper():
        return False
    return all(w[0].isupper() for w in words if w.lower() not in _SMALL_WORDS and len(w) > 3)


def is_all_caps(text: str) -> bool:
    """Tell whether `text` is written in capitals (two letters at least).

    >>> is_all_caps("THIS SOFTWARE IS PROVIDED ``AS IS''"), is_all_caps("The Work, AS IS")
    (True, False)
    """
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


#: The heading of an appendix in plain text: the word, an optional number, then the end or a
#: separator and a title ("ADDENDUM: How to use this License", "Annex 2 – Maps").
_APPENDIX_HEADING = re.compile(
    r"^(?:Addendum|Appendix|Annex|Attachment|Exhibit|Schedule|Anhang|Anlage)"
    r"(?:\s+(?:[A-Z]|\d+|[IVXLC]+))?(?:\s*[:–—-]\s*\S.*)?$",
    re.I,
)


def is_plain_heading(block: Block, wrapped: bool) -> bool:
    """Tell whether an unlabelled paragraph is a heading of plain text (`NO WARRANTY`).

    >>> line = Line("ADDENDUM: How to use this License for your documents", 0, 1)
    >>> is_plain_heading(Block("para", [line]), wrapped=False)
    True
    """
    if block.kind != "para" or block.label is not None or len(block.lines) > 2:
        return False
    centred = wrapped and all(ln.indent >= 8 for ln in block.lines)
    text = " ".join(ln.text for ln in block.lines)
    if len(block.lines) == 1 and len(text) <= 100 and _APPENDIX_HEADING.match(text):
        return text[-1] not in ".,;"
    if len(block.lines) == 2 and not centred and not is_all_caps(text):
        return False
    if len(text) > 100:
        return False
    if centred and not text.endswith((",", ";", ":")):
        return True
    return text[-1:] != "." and is_title_like(text)


def heading_text(block: Block) -> str:
    """Return a heading's text on one line, without a `(XXXX)` placeholder or trailing dashes."""
    text = " ".join(ln.text for ln in block.lines)
    return _PLACEHOLDER_PREFIX.sub("", text).strip().rstrip(" -–—").strip()
