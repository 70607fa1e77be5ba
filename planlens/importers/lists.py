"""Nested Markdown lists: telling a sub-list that restarts at `1.` from the points around it.

Contracts written in Markdown number their points with lists nested by indentation, each
sub-list restarting at `1.` or `a.`:

    1. Services
        1. Providing Services.  Customer ...
        2. Cooperation.  ...
            a. Provider may ...
    2. Intellectual Property
        1. Deliverables.  ...

Every `1.` above has the same label style, so by labels alone the `1.` of a sub-list reads as
another top-level point, and the best run of numbers takes pieces of every list. `nest_lists`
reads the nesting the indentation states, before the layout is chosen, and changes only labels:

- A labelled paragraph indented deeper than an open item of a list is in a sub-list of that
  item (its *depth* is how many items are open around it), as in CommonMark; a heading, or a
  paragraph indented no deeper than an item, closes it.
- An item whose label style also numbers a shallower list gets that style marked with its depth
  (`num.@1`): it is no candidate for the top level, it nests under the open item, and the
  series it continues is its own list's (see `planlens.importers.trees`). Other styles
  (`a.` under `1.`) already tell the levels apart and are left alone.
- An item of a sub-list whose text starts with the number it stands for (`1. 1.1. Access and
  Use.`, Common Paper's newer agreements) loses that number from its text: its id, `1.1`, says
  it, and the text then reads as the older agreements' `1.1 Access and Use.` does.

`strip_heading_marks`, for any text: an item whose text is a heading (`1. ## Service`) keeps
the heading's text, without its `#`.

Nothing happens unless the text has a nested list that restarts in the style of the list
around it: a sub-list whose first item is numbered 1 (or a) under an item numbered in the same
style, so plain text with indented wrapped lines, or lists of `i.` under `1.`, read as before.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from planlens.importers.blocks import Block
from planlens.importers.labels import NO_TIER, Label, parse_label

_HEADING_MARKS = re.compile(r"^#{1,6}\s+")
#: Label styles a sub-list numbers its items with, where they start: 1 (or a, i).
_RESTARTS = {"num": 1, "alpha": 1, "ALPHA": 1, "roman": 1, "ROMAN": 1}


def nest_lists(blocks: Sequence[Block]) -> bool:
    """Mark the labels of nested, restarting list items in `blocks` in place (see above).

    Return whether the blocks have such lists (and so were changed).
    """
    depths = _depths(blocks)
    if _restarting_sublists(blocks, depths) < 1:
        return False
    styles_at: dict[str, int] = {}
    for block, depth in zip(blocks, depths, strict=True):
        label = block.label
        if label is None or depth is None:
            continue
        styles_at[label.style] = min(depth, styles_at.get(label.style, depth))
    for block, depth in zip(blocks, depths, strict=True):
        label = block.label
        if label is None or depth is None:
            continue
        inner = parse_label(label.rest) if depth > 0 else None
        if inner is not None and inner.style == "dotted":
            # `1. 1.1. Access`: the number the item repeats is no part of its text.
            label = dataclasses.replace(label, rest=" " + inner.rest.lstrip())
        if depth > 0 and label.tier < NO_TIER and styles_at[label.style] < depth:
            label = dataclasses.replace(label, style=f"{label.style}@{depth}")
        block.label = label
    return True


def strip_heading_marks(blocks: Sequence[Block]) -> None:
    """Read a labelled paragraph whose text is a heading (`1. ## Service`) as `1. Service`."""
    for block in blocks:
        label = block.label
        if label is not None and (marks := _HEADING_MARKS.match(label.rest.lstrip())):
            block.label = dataclasses.replace(label, rest=" " + label.rest.lstrip()[marks.end() :])


def _depths(blocks: Sequence[Block]) -> list[int | None]:
    """Return each labelled paragraph's list depth (0 for the outermost list), else None."""
    depths: list[int | None] = []
    open_indents: list[int] = []
    for block in blocks:
        if block.kind != "para":
            open_indents = []
            depths.append(None)
            continue
        indent = block.indent
        if block.label is None or block.label.is_word:
            # Text indented no deeper than an item is not inside it.
            while open_indents and indent <= open_indents[-1]:
                open_indents.pop()
            depths.append(None)
            continue
        while open_indents and indent < open_indents[-1]:
            open_indents.pop()
        if not open_indents or indent > open_indents[-1]:
            open_indents.append(indent)
        depths.append(len(open_indents) - 1)
    return depths


def _restarting_sublists(blocks: Sequence[Block], depths: Sequence[int | None]) -> int:
    """Count the sub-lists that start at their first number, after an item they nest in, in
    the label style of an item around them (`1.` in `1.`: styles alone cannot tell them apart).
    """
    count = 0
    chain: list[str] = []  # the label style of the open item at each depth
    for block, depth in zip(blocks, depths, strict=True):
        if depth is None:
            continue
        label = block.label
        assert label is not None
        kind = label.style.strip("().")
        if (
            len(chain) == depth
            and label.style in chain
            and _RESTARTS.get(kind) == label.first[0]
            and _is_marker(label)
        ):
            count += 1
        del chain[depth:]
        chain.append(label.style)
    return count


def _is_marker(label: Label) -> bool:
    """Tell whether a label is a list marker (`1.`, `1)`, `a.`), not `(a)` or `§ 1`."""
    return not label.is_word and not label.style.startswith("(") and label.style != "bullet"
