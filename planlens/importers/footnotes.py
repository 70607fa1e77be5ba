"""Markdown footnotes, taken out of a text before it is cut into blocks.

A footnote is no clause's text. The German laws' Markdown (bundestag/gesetze) puts the official
notes there ("Amtlicher Hinweis: ... dient der Umsetzung der Richtlinie ..."), between
sections, where they would become the end of the section before; and where a heading carries a
footnote, its title stands before it, after the reference, and the heading has none:

    [^BJNR001950896BJNE066703377_001]
    Anwendung des Kaufrechts

    ###### § 651
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: A Markdown footnote's definition (`[^1]: text`, went on by indented lines), and a reference
#: alone on its line.
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]\s]+\]:")
_FOOTNOTE_ALONE = re.compile(r"^\s*\[\^[^\]\s]+\]\s*$")
#: A heading with a label and no title: "### § 651", "## Untertitel 2 -".
_UNTITLED_HEADING = re.compile(r"^#{1,6}\s+(?:§+\s*\S+|\S+\s+\S+\s+-)\s*$")


def footnotes_of(raw: Sequence[str]) -> list[str]:
    """Return the text of each footnote definition, its lines joined, its label left out.

    >>> footnotes_of(["Text.", "", "[^F1]:     **Note:**   Implements", "    the directive."])
    ['Note: Implements the directive.']
    """
    found: list[list[str]] = []
    inside = False
    for line in raw:
        if match := _FOOTNOTE_DEFINITION.match(line):
            inside = True
            found.append([line[match.end() :]])
        elif inside and line.strip() and not line.startswith("    "):
            inside = False
        elif inside:
            found[-1].append(line)
    texts = (" ".join(" ".join(lines).replace("**", "").split()) for lines in found)
    return [text for text in texts if text]


def without_footnotes(raw: Sequence[str]) -> list[str]:
    """Return the lines with Markdown footnotes blanked (so the others keep their numbers).

    Definitions go with the indented lines that go on with them, and references that stand
    alone on a line; a title put before a heading that has none goes back into the heading.

    >>> without_footnotes(["[^F1]", "Title", "", "## § 2", "Text.", "", "[^F1]: Note", "    more"])
    ['', '', '', '## § 2 Title', 'Text.', '', '', '']
    """
    lines = list(raw)
    inside = False
    for k, line in enumerate(lines):
        if _FOOTNOTE_DEFINITION.match(line):
            inside = True
        elif inside and line.strip() and not line.startswith("    "):
            inside = False
        if inside:
            lines[k] = ""
        elif _FOOTNOTE_ALONE.match(line):
            lines[k] = ""
            _title_to_heading(lines, k + 1)
    return lines


def _title_to_heading(lines: list[str], start: int) -> None:
    """Move the paragraph at `start` into the untitled heading after it, if that is what follows."""
    end = start
    while end < len(lines) and lines[end].strip() and not lines[end].startswith("#"):
        end += 1
    heading = end
    while heading < len(lines) and not lines[heading].strip():
        heading += 1
    if end == start or heading == end or heading >= len(lines):
        return
    if not _UNTITLED_HEADING.match(lines[heading]):
        return
    title = " ".join(line.strip() for line in lines[start:end])
    lines[heading] = f"{lines[heading].rstrip()} {title}"
    lines[start:end] = [""] * (end - start)
