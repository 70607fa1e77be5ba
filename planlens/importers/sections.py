"""Headed sections whose points restart at `1.`: each section a clause, its points under it.

Contracts are often written as headed sections, each with its own numbered list:

    ## Definitions
    1. "Agreement" means ...
    2. "Services" means ...
    ## Services
    1. Provider will ...
        a. ...

Read point by point, the second `1.` restarts the numbering, and the sections' points would
become "1", "2", "1~2", ... with the headings as notes. `section_level` recognises the layout:
at one heading level, at least two headings each open a list that starts at 1 (or a), and no
heading there opens a list that goes on from the one before (`## Territory` then `3.`: those
points number the whole document, and stay its clauses). Headings with a word label (`§ 5`,
`Article 5`) never count: a law's sections are read as before.

`section_tree` then makes each heading of that level a top-level clause: its id is the number
the heading carries (`## 2. Services` gives "2"), or, for a heading without one, its place
among the sections ("2", with no `number`, so no number is invented). The section's points are
its sub-clauses, built as points are everywhere (`planlens.importers.trees.marker_tree`), so
their ids extend the section's ("2.1", "2.1.a"); text before the first point is the section's
own text, text after its list its continuation ("2.after"). Text before the first section is
the preamble, as in every layout.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from planlens.importers.blocks import Block, heading_text
from planlens.importers.trees import Node, Tree, _clean_title, marker_tree

#: The label styles whose first item is numbered 1 (or a): a list that starts.
_FIRST = {"num.": 1, "num)": 1, "alpha.": 1, "alpha)": 1, "ALPHA.": 1, "ALPHA)": 1}


def section_level(blocks: Sequence[Block]) -> int | None:
    """Return the heading level of sections whose points restart at 1 (see above), or None."""
    starts: Counter[int] = Counter()
    goes_on: set[int] = set()
    for index, block in enumerate(blocks):
        if block.kind != "heading" or (block.label is not None and block.label.is_word):
            continue
        following = next((b for b in blocks[index + 1 :] if b.kind != "heading"), None)
        label = following.label if following is not None else None
        if following is None or label is None or label.style not in _FIRST:
            continue
        if blocks[index + 1] is not following:
            continue  # a deeper heading comes first: the list is that heading's
        if label.first[0] == _FIRST[label.style]:
            starts[block.level] += 1
        else:
            goes_on.add(block.level)
    levels = [level for level, count in starts.items() if count >= 2 and level not in goes_on]
    return min(levels) if levels else None


def section_tree(blocks: Sequence[Block], level: int, wrapped: bool) -> Tree:
    """Build one clause per heading of `level`, with the section's points as sub-clauses."""
    tree = Tree()
    sections: list[tuple[Block, list[Block]]] = []
    for block in blocks:
        if block.kind == "heading" and block.level <= level:
            if block.level == level:
                sections.append((block, []))
                continue
            if not sections:
                tree.structure(heading_text(block), heading=True)
                continue
        if sections:
            sections[-1][1].append(block)
        elif block.kind == "heading":
            tree.structure(heading_text(block), heading=True)
        else:
            tree.structure(block.joined(), heading=False)
    for number, (heading, body) in enumerate(sections, start=1):
        tree.open_top(_section(heading, body, number, wrapped))
    return tree


def _section(heading: Block, body: Sequence[Block], number: int, wrapped: bool) -> Node:
    """Return the clause of one section: the heading's title, the points of its list under it."""
    label = heading.label
    text = heading_text(heading)
    if label is not None:
        node = Node(label, label.key, heading.level, 0, title=_clean_title(label.rest))
    else:
        node = Node(None, str(number), heading.level, 0, title=text or None)
    node.fallback = text
    firsts = [b.label for b in body if b.kind == "para" and b.label is not None]
    style = next((lab.style for lab in firsts if lab.style in _FIRST), None)
    run = [i for i, b in enumerate(body) if b.label is not None and b.label.style == style]
    if style is None or not run:
        node.body.extend(_text(block) for block in body)
        return node
    # Paragraphs after the list, no deeper than its points, end it (as in Markdown): they are
    # the section's text after its points, not the last point's.
    outer = body[run[0]].indent
    end = len(body)
    while end > run[-1] + 1 and body[end - 1].label is None and body[end - 1].indent <= outer:
        end -= 1
    points = marker_tree(body[:end], style, run, wrapped)
    node.body.extend(points.preamble)
    node.children.extend(points.top)
    for child in node.children:
        child.level = node.level + 1
    for text_after in [*points.epilogue(), *(_text(b) for b in body[end:])]:
        node.add_text(text_after)
    return node


def _text(block: Block) -> str:
    return heading_text(block) if block.kind == "heading" else block.joined()
