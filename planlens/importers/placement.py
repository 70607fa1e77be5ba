"""Where an unlabelled paragraph goes in a tree of labelled paragraphs (`marker_tree`).

`paragraph_depth` tells how many of the open clauses a paragraph stays in: the last of them is
its home. It reads, in this order, indentation, whether the list it follows goes on, and how
the paragraph starts. Two layouts are told apart first:

- Text indented less than the open item usually leaves it (GPL-2 2: "These requirements
  apply..." after items a) to c) is section 2's text after its list).
- A numbered sub-heading indented deeper than its text (CeCILL 2.0: `      4.1 EFFECTIVE DATE`,
  a blank line, the text at the margin, then `      4.2 TERM`) keeps that text:
  `is_sub_heading_text` tells them apart, and the item remembers the indentation of its text
  (`Node.body_indent`) so that its later paragraphs stay in it too, also when the list is over
  (the last sub-heading of an article, CeCILL-1.1's `5.3.4.`, whose text has two paragraphs at
  the sub-heading's own indentation). A list of bare titles followed by its parent's text (`a)
  Hosting`, `b) Support`, then "The customer pays...") is no such list: its items never have
  text of their own; nor is a bulleted list whose item starts a sentence ("- to distribute
  it", then "in its original ... form.").

May import: `planlens.importers.blocks`, `planlens.importers.labels`, and the `Node` type of
`planlens.importers.trees` (which imports this module).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from planlens.importers.blocks import Block, is_all_caps, is_plain_heading, is_title_like
from planlens.importers.labels import Label

if TYPE_CHECKING:
    from planlens.importers.trees import Node

#: A copyright notice: "Copyright" then "(C)", "©" or a year, alone or after "This license is".
_NOTICE = re.compile(
    r"^(?:This\s+(?:license|licence|document|agreement)\s+is\s+)?"
    r"(?:Copyright|\(C\)|©)\s*(?:\(C\)|©|\d{4})",
    re.I,
)


def nests(label: Label | None, top_style: str) -> bool:
    """Tell whether a labelled paragraph is a sub-item (not a stray top-level number)."""
    return label is not None and label.style != top_style and not label.is_word


def depth_of(stack: Sequence[Node], node: Node | None) -> int:
    """Return how deep `node` is open in `stack` (1 for the top clause), 0 if it is not."""
    return next((depth for depth, open_node in enumerate(stack, 1) if open_node is node), 0)


def _boundary(blocks: Sequence[Block], index: int, starts: set[int], wrapped: bool) -> bool:
    """Tell whether block `index` ends every list: a heading or a top-level clause."""
    block = blocks[index]
    return block.kind == "heading" or is_plain_heading(block, wrapped) or index in starts


def upcoming_items(
    blocks: Sequence[Block], starts: set[int], top_style: str, wrapped: bool
) -> list[Label | None]:
    """Return, for each block, the label of the next sub-item before any clause or heading."""
    upcoming: list[Label | None] = [None] * len(blocks)
    following: Label | None = None
    for index in range(len(blocks) - 1, -1, -1):
        upcoming[index] = following
        if _boundary(blocks, index, starts, wrapped):
            following = None
        elif nests(blocks[index].label, top_style):
            following = blocks[index].label
    return upcoming


def sibling_ahead(
    blocks: Sequence[Block], index: int, label: Label, starts: set[int], wrapped: bool
) -> bool:
    """Tell whether a later item of `label`'s list comes after block `index`, before the next
    clause or heading (`4.2 TERM` after the text of `4.1 EFFECTIVE DATE`)."""
    for later in range(index + 1, len(blocks)):
        if _boundary(blocks, later, starts, wrapped):
            return False
        if (found := blocks[later].label) is not None and same_series(label, found):
            return continues(label, found)
    return False


def is_sub_heading_text(stack: Sequence[Node], block: Block, ahead: bool) -> bool:
    """Tell whether an unlabelled paragraph is the text of the open item as a sub-heading,
    however it is indented (less than the item: CeCILL 2.0's text at the margin).

    The item must be a sub-heading so far: a numbered title line (Title Case or capitals) with
    no text and no items (`      4.1 EFFECTIVE DATE`). Its list must be one of headings with
    text: a later item
    follows this paragraph (`ahead`, from `sibling_ahead`), or an earlier item had its text
    the same way (the last item, `4.2 TERM`). No earlier item may be a bare title: then the
    items are a list of titles, and text after them at the parent's indentation is the
    parent's (the opposite layout, GPL-2 2, has items with text: never title-only).
    """
    if len(stack) < 2:
        return False
    item, parent = stack[-1], stack[-2]
    label = item.label
    title_only = item.title is not None and not item.body and not item.children
    if label is None or label.style == "bullet" or not item.from_paragraph or not title_only:
        return False
    if not is_title_like(item.title or ""):
        return False  # "- to distribute it": the start of a sentence, not a heading
    siblings = [c for c in parent.children if c is not item and same_series(c.label, label)]
    if any(c.title is not None and not c.body and not c.children for c in siblings):
        return False
    return ahead or any(c.body_indent is not None for c in siblings)


def continues(open_label: Label | None, label: Label) -> bool:
    """Tell whether `label` is a later item of the list `open_label` belongs to."""
    return same_series(open_label, label) and (
        label.style == "bullet" or open_label is None or label.first > open_label.last
    )


def _text_indent(node: Node) -> int:
    """Return the indentation of a clause's text: its label's, or less for a sub-heading
    whose text sits at the margin (`Node.body_indent`)."""
    return node.indent if node.body_indent is None else node.body_indent


def paragraph_depth(
    stack: Sequence[Node], block: Block, upcoming: Label | None, trailing: bool
) -> int:
    """Return how many open clauses of `stack` an unlabelled paragraph stays in (its home is
    the last of them), or 0 when it is material after the last clause (`trailing`).

    - Indented less than the open item's text: back in the clause whose indentation it has
      (GPL-2 2: "These requirements apply..." after items a) to d)); the text goes after the
      list. A sub-heading whose text sits less indented than its label (`is_sub_heading_text`)
      keeps paragraphs at its text's indentation.
    - Indented deeper than the item, under an item that is only a title so far, before the
      next item of the same list or before a list of another kind: the item's own text. Under
      a sub-heading with text (`Node.body_indent`), at its text's indentation or deeper: the
      sub-heading's text, up to its next item or the next clause.
    - Otherwise, with no indentation to go by and the list over: a paragraph that starts in
      lower case finishes the sentence the list's parent began (EPL-2.0 1(b): "where such
      changes..."), one that starts a new sentence is the top clause's again.
    - After the last clause, text that follows the list of a clause made only of a title and
      a list (CC-BY-4.0 8, then "Creative Commons is not a party..."), text in capitals after
      text that is not (Apache-1.1: "THIS SOFTWARE IS PROVIDED ``AS IS''..."), or the
      document's copyright notice (OSL-2.1: "This license is Copyright (C) 2003-2004 ...") is
      not part of the clause: it is the document's closing material.
    """
    depth = len(stack)
    while depth > 1 and block.indent < _text_indent(stack[depth - 1]):
        depth -= 1
    if depth == len(stack) > 1:
        item = stack[-1]
        same = [d for d in range(1, depth) if upcoming and same_series(stack[d].label, upcoming)]
        going_on = [d for d in same if upcoming and continues(stack[d].label, upcoming)]
        title_only = item.title is not None and not item.body and not item.children
        new_list = upcoming is not None and not same  # a list of its own follows: under the item
        headed = item.body_indent is not None  # a sub-heading's text goes on
        stays = going_on[-1:] == [depth - 1]  # the item's own list goes on
        if block.indent > item.indent or title_only or new_list or headed or stays:
            pass
        elif going_on:
            depth = going_on[-1] + 1
        elif starts_lower(block.joined()):
            depth -= 1
        else:
            depth = 1
    if not trailing:
        return depth
    top, home = stack[0], stack[depth - 1]
    if depth == 1 and top.title and not top.body and top.children and block.indent <= top.indent:
        return 0
    while home.children:
        home = home.children[-1]
    last = home.body[-1] if home.body else ""
    if last and is_all_caps(block.joined()) and not is_all_caps(last):
        return 0
    # A notice under a clause that is only a title so far is its text (SCEA 10, "Copyright
    # Notice for Redistribution of Source Code", then the notice to copy).
    if last and _NOTICE.match(block.joined()):
        return 0
    return depth


def starts_lower(text: str) -> bool:
    """Tell whether the first letter of `text` is in lower case."""
    letter = next((c for c in text if c.isalpha()), "")
    return letter.islower()


def same_series(open_label: Label | None, label: Label) -> bool:
    """Tell whether `label` belongs to the same list as `open_label` (dotted: as many dots)."""
    if open_label is None or open_label.style != label.style:
        return False
    if label.style == "dotted":
        return open_label.key.count(".") == label.key.count(".")
    return True
