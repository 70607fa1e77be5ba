"""From the lines laid out on PDF pages to the text of the document, as a text file would hold it.

A PDF has no paragraphs, only lines placed on pages. `page_text` rebuilds the text that the
plain-text reader (`planlens.importers.text`) reads, points and all:

- *Running headers and footers* go: a line near the top or bottom of a page that comes back on
  at least half of the pages (and on two at least), digits aside ("Page 3 of 12", "Draft 2 -
  17 November"), and a line there that is only a page number ("4", "- 4 -", "Page 4 of 9",
  "iv"), on any page.
- *Lines are joined across wraps and page breaks*: the lines of the pages follow each other
  with no break between pages, so that a point that runs on over the page goes on; a blank line
  marks a paragraph only where the space between two lines is clearly larger than the usual
  line spacing.
- *Hyphenation at line ends is undone*: a line that ends in a letter and a hyphen before a line
  that starts in lower case gets the rest of the word ("negoti-" "ations" -> "negotiations"),
  unless the document also writes the word with that hyphen elsewhere ("well-known").
- *Indentation* is kept, in characters, from the left edge of the text, so that sub-points and
  hanging lines read as they do in text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

#: How much of the page height at the top and at the bottom running headers and footers sit in.
ZONE = 0.12
#: How many lines at each end of a page may be running material.
ZONE_LINES = 3
#: A space between lines this many times the usual spacing is a paragraph break.
PARAGRAPH_GAP = 1.6

_PAGE_NUMBER = re.compile(
    r"^[\s\-–—.|]*(?:(?:page|seite|p\.)\s*)?(?:\d{1,4}|[ivxlc]{1,7})"
    r"(?:\s*(?:of|/|von|sur)\s*\d{1,4})?[\s\-–—|]*$",
    re.I,
)
_HYPHENATED = re.compile(r"(?<=[^\W\d_])[-\u00ad]$")
_NEXT_WORD = re.compile(r"^(\S+)\s*(.*)$")
_WORD_START = re.compile(r"^[^\W\d_][\w’'-]*")


@dataclass(frozen=True, slots=True)
class PageLine:
    """A line of text on a page: its text, left edge, top and bottom (points), font size."""

    text: str
    x0: float
    top: float
    bottom: float
    size: float = 10.0


@dataclass(frozen=True, slots=True)
class Page:
    """The lines of one page, top to bottom, and the page's height in points."""

    lines: tuple[PageLine, ...]
    height: float


def _key(text: str) -> str:
    """Return a line as running material is compared: case, spacing and digits aside.

    >>> _key("Page 3  of 12"), _key("Draft – 17 Nov 2025")
    ('page # of #', 'draft – # nov #')
    """
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _zones(page: Page) -> tuple[list[int], list[int]]:
    """Return the indexes of the lines in the page's top zone and in its bottom zone."""
    lines = page.lines
    top = [i for i in range(min(ZONE_LINES, len(lines))) if lines[i].top <= page.height * ZONE]
    bottom = [
        i
        for i in range(max(len(lines) - ZONE_LINES, 0), len(lines))
        if lines[i].bottom >= page.height * (1 - ZONE) and i not in top
    ]
    return top, bottom


def running_lines(pages: Sequence[Page]) -> set[tuple[int, int]]:
    """Return (page, line) of each running header, running footer and page number.

    >>> def page(*lines):
    ...     return Page(tuple(PageLine(t, 50, y, y + 10) for t, y in lines), 800)
    >>> pages = [
    ...     page(("Draft 2", 20), ("1. One", 100), ("two", 120), ("Page 1 of 2", 780)),
    ...     page(("Draft 2", 20), ("2. Two", 100), ("3", 780)),
    ... ]
    >>> sorted(running_lines(pages))
    [(0, 0), (0, 3), (1, 0), (1, 2)]
    """
    counts: Counter[tuple[str, str]] = Counter()
    zones = [_zones(page) for page in pages]
    for page, (top, bottom) in zip(pages, zones, strict=True):
        seen = {("top", _key(page.lines[i].text)) for i in top}
        seen |= {("bottom", _key(page.lines[i].text)) for i in bottom}
        counts.update(seen)
    needed = max(2, (len(pages) + 1) // 2)
    found: set[tuple[int, int]] = set()
    for number, (page, (top, bottom)) in enumerate(zip(pages, zones, strict=True)):
        for where, indexes in (("top", top), ("bottom", bottom)):
            for i in indexes:
                text = page.lines[i].text
                if counts[(where, _key(text))] >= needed or _PAGE_NUMBER.match(text):
                    found.add((number, i))
    return found


def page_text(pages: Sequence[Page]) -> str:
    """Return the text of `pages`, running material removed, lines joined as described above.

    >>> body = [PageLine("1. The parties will negoti-", 72, 100, 110),
    ...         PageLine("ate in good faith.", 90, 112, 122),
    ...         PageLine("2. A well-", 72, 140, 150), PageLine("known rule.", 90, 152, 162),
    ...         PageLine("Such a well-known rule.", 72, 164, 174)]
    >>> print(page_text([Page(tuple(body), 800)]), end="")
    1. The parties will negotiate
        in good faith.
    <BLANKLINE>
    2. A well-known
        rule.
    Such a well-known rule.
    """
    running = running_lines(pages)
    body: list[tuple[PageLine, bool]] = []  # (line, first line of its page)
    for number, page in enumerate(pages):
        kept = [ln for i, ln in enumerate(page.lines) if (number, i) not in running and ln.text]
        body.extend((ln, i == 0) for i, ln in enumerate(kept))
    if not body:
        return ""
    texts = _unhyphenate([ln.text for ln, _ in body])
    left = min(ln.x0 for ln, _ in body)
    sizes = [ln.size for ln, _ in body]
    char_width = max(median(sizes) * 0.5, 1.0)
    spacing = _usual_spacing(body)
    out: list[str] = []
    for index, ((line, first_on_page), text) in enumerate(zip(body, texts, strict=True)):
        if index and not first_on_page and spacing:
            gap = line.top - body[index - 1][0].top
            if gap > spacing * PARAGRAPH_GAP:
                out.append("")
        if text:
            out.append(" " * round((line.x0 - left) / char_width) + text)
    return "\n".join(out).strip("\n") + "\n"


def _usual_spacing(body: Sequence[tuple[PageLine, bool]]) -> float:
    """Return the median distance from one line's top to the next on the same page."""
    gaps = [
        line.top - body[i - 1][0].top
        for i, (line, first) in enumerate(body)
        if i and not first and line.top > body[i - 1][0].top
    ]
    return median(gaps) if gaps else 0.0


def _unhyphenate(texts: Sequence[str]) -> list[str]:
    """Return the lines with words hyphenated at line ends made whole on the first line.

    >>> _unhyphenate(["the negoti-", "ations went on", "a co-", "operation, co-operation"])
    ['the negotiations', 'went on', 'a co-operation,', 'co-operation']
    """
    whole = " ".join(texts)
    out = list(texts)
    for index in range(len(out) - 1):
        text = out[index]
        if not _HYPHENATED.search(text):
            continue
        match = _NEXT_WORD.match(out[index + 1])
        if match is None or not match[1][0].islower():
            continue
        head = text[:-1]
        stem = head.rsplit(maxsplit=1)[-1] if head.split() else head
        rest = _WORD_START.match(match[1])
        broken = f"{stem}-{rest[0] if rest else match[1]}"
        keep_hyphen = text.endswith("-") and broken in whole.replace(f"{stem}- {match[1]}", "")
        out[index] = (text if keep_hyphen else head) + match[1]
        out[index + 1] = match[2].lstrip()
    return out
