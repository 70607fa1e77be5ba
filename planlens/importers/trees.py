"""The clause trees: the clauses a document holds, built from its blocks in one of four layouts.

`marker_tree` builds clauses from labelled paragraphs, `heading_tree` from labelled headings,
`level_tree` from the headings of one level and `paragraph_tree` from each paragraph;
`planlens.importers.outline` chooses which. Each returns a `Tree` of `Node`s, clauses still
being built.

What is not a numbered clause is kept, never dropped, and compared: text before the first
clause (title lines, preamble, recitals) is gathered in `Tree.preamble`, which the outline
builder makes the clause `preamble`; text between two clauses or after the last one (LPPL's "NO
WARRANTY" section, Apache 1.1's disclaimer, GPL's "How to Apply These Terms") becomes an
unnumbered clause `after-N` (N the clause before it), titled by the headings just before it, one
per heading that opens text (`Tree.open_top`, `Tree.close`). Headings that only structure the
document (`## Buch 1`, `TERMS AND CONDITIONS`), with no text of their own before the next
clause, go to the `notes` of the clause they precede, so a reviewer still sees where each clause
sits.

Where an unlabelled paragraph goes in `marker_tree` (`planlens.importers.placement` has the
details): after a colon, to the clause it ends; by indentation where there is any (a numbered
sub-heading indented deeper than its text keeps the text); otherwise into the open item while
its list goes on, and after it to the clause that holds the list, in its continuation
(`Node.add_text`, see `planlens.importers.outline`). Material after the last clause that is not
part of it, an appendix heading (`ADDENDUM: ...`), a disclaimer in capitals after ordinary
text, a notice after a clause made only of a title and a list, or the document's copyright
notice (OSL-2.1, AFL-2.1: "This license is Copyright (C) ..."), ends the clauses: it is text
after the last clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from planlens.importers.blocks import (
    Block,
    heading_text,
    is_plain_heading,
    is_title_like,
)
from planlens.importers.labels import SEPARATORS, Label
from planlens.importers.placement import (
    depth_of,
    is_sub_heading_text,
    nests,
    paragraph_depth,
    same_series,
    sibling_ahead,
    upcoming_items,
)

#: A heading that starts with one of these words structures the document (`Titel 1`, `Part II`):
#: in heading mode it closes the open clause, never becomes part of its text.
_STRUCTURE_WORD = re.compile(
    r"^(?:(?:\w+(?:ter|tes|ste|ster)\s+)?(?:Buch|Teil|Abschnitt|Unterabschnitt|Titel|Untertitel"
    r"|Kapitel|Unterkapitel|Anlage|Anhang|Part|Chapter|Title|Division|Subdivision|Subpart"
    r"|Subchapter|Book|Annex|Schedule|Appendix|Exhibit|Addendum)\b)",
    re.I,
)


@dataclass(slots=True)
class Node:
    """A clause while the tree is being built."""

    label: Label | None
    key: str
    level: int  # heading level, or an ordering depth for labelled paragraphs
    indent: int
    title: str | None = None
    body: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    notes: str | None = None
    fallback: str = ""  # text for a clause with no body and no title: its heading as printed
    part: int = 1  # which run of numbering (2 after a restart), for unique top-level ids
    #: True for clauses opened by a labelled paragraph: a "title" with nothing under it was
    #: the whole text (`1. Only point.`), not a heading.
    from_paragraph: bool = False
    #: True for the unnumbered sub-clause that holds a clause's text after its sub-clauses.
    continuation: bool = False
    #: True for an unnumbered clause of the text between two clauses or after the last one.
    between: bool = False
    #: For a sub-heading with text: the indentation of its text, where it is less than its
    #: label's (CeCILL 2.0), else its label's (see `planlens.importers.placement`).
    body_indent: int | None = None

    def add_text(self, text: str) -> None:
        """Add a paragraph at the end of the clause, after its sub-clauses if it has any.

        A clause's `text` comes before its sub-clauses, so text that follows them in the
        document goes to a continuation: an unnumbered last sub-clause (see
        `planlens.importers.outline`), never into `text` where it would read as coming first.
        """
        if not self.children:
            self.body.append(text)
            return
        last = self.children[-1]
        if not last.continuation:
            last = Node(None, "after", self.level + 1, self.indent, continuation=True)
            self.children.append(last)
        last.body.append(text)


@dataclass(slots=True)
class Tree:
    """The clauses found so far and the text that belongs to no clause."""

    top: list[Node] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    pending: list[tuple[bool, str]] = field(default_factory=list)  # (is heading, text)

    def structure(self, text: str, *, heading: bool) -> None:
        """Keep text that sits between clauses (before the first: the preamble), until the next
        clause makes it unnumbered clauses or its notes (`open_top`, `close`)."""
        if not text:
            return
        if not self.top and not heading:
            self.preamble.extend(t for _, t in self.pending)
            self.pending.clear()
            self.preamble.append(text)
        else:
            self.pending.append((heading, text))

    def open_top(self, node: Node) -> None:
        """Start a top-level clause: the text before it, since the clause before, becomes
        unnumbered clauses (`_text_between`); the headings left over become its notes."""
        if not self.top and not self.preamble and self.pending:
            # The first line of a document that opens with headings is its title, not a
            # heading over the first clause ("Draft agreement", then "1. ...").
            self.preamble.append(self.pending.pop(0)[1])
        headings = self._text_between()
        if headings:
            node.notes = "Headings before this clause: " + " › ".join(headings)
        self.top.append(node)

    def close(self) -> None:
        """End the tree: the text after the last clause becomes unnumbered clauses, and so do
        headings there with no text under them (a last "END OF TERMS AND CONDITIONS")."""
        if not self.top:
            return
        if headings := self._text_between():
            self.top.append(self._unnumbered([], headings))

    def epilogue(self) -> list[str]:
        """Return the text kept since the last clause (a sub-tree's text after its points)."""
        return [text for _, text in self.pending]

    def _text_between(self) -> list[str]:
        """Make the text kept since the last clause unnumbered top-level clauses, one per run
        of text with the headings right before it as its title; return the headings after
        the last run (they structure what follows)."""
        headings: list[str] = []
        body: list[str] = []
        for heading, text in self.pending:
            if heading and body:
                self.top.append(self._unnumbered(headings, body))
                headings, body = [], []
            (headings if heading else body).append(text)
        if body:
            self.top.append(self._unnumbered(headings, body))
            headings = []
        self.pending.clear()
        return headings

    def _unnumbered(self, headings: list[str], body: list[str]) -> Node:
        """Return an unnumbered clause of `body` after the last numbered top-level clause."""
        last = next(node for node in reversed(self.top) if not node.between)
        after = last.key + (f"~{last.part}" if last.part > 1 else "")
        node = Node(None, f"after-{after}", last.level, 0, body=body, between=True)
        node.title = " › ".join(headings) or None
        return node


#: A rule of dashes, equals signs or underscores at the end of a title line.
_TRAILING_RULE = re.compile(r"\s+(?:-{3,}|={3,}|_{3,})$")


def _clean_title(rest: str) -> str | None:
    """Return a title from the text after a label: separators, a rule of dashes after it
    (CeCILL-1.1: "Article 5 - SCOPE OF THE RIGHTS GRANTED -----") and a final full stop removed.

    >>> _clean_title(" – Definitions."), _clean_title(""), _clean_title("(weggefallen)")
    ('Definitions', None, '(weggefallen)')
    >>> _clean_title(" - SCOPE OF THE RIGHTS GRANTED ---------")
    'SCOPE OF THE RIGHTS GRANTED'
    """
    title = _TRAILING_RULE.sub("", rest.strip().lstrip(SEPARATORS).strip())
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


def _labelled_node(label: Label, block: Block, key: str, level: int) -> Node:
    """Return a clause started by a labelled paragraph, taking a title line if it has one."""
    node = Node(label, key, level, block.indent, fallback=block.lines[0].text)
    node.from_paragraph = True
    first_rest = label.rest.strip()
    # Only a line that stands alone can be a title: GPL-3 5(b) breaks before "7.  This", and
    # its first line is the start of a sentence, not a heading.
    title_line = bool(first_rest) and (len(block.lines) == 1 or block.breaks[0] == "short")
    if title_line and _is_title_line(first_rest.lstrip(SEPARATORS)):
        node.title = _clean_title(first_rest)
        rest_block = Block("para", block.lines[1:], breaks=block.breaks[1:])
        if rest_block.lines:
            node.body.append(rest_block.joined())
    else:
        text = block.joined(skip_label=True)
        if text:
            node.body.append(text)
    return node


def marker_tree(blocks: Sequence[Block], top_style: str, run: Iterable[int], wrapped: bool) -> Tree:
    """Build clauses from labelled paragraphs; `run` are the blocks that open top-level ones.

    Where an unlabelled paragraph goes is decided by `planlens.importers.placement`.
    """
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
    last_start = max(starts, default=-1)
    upcoming = upcoming_items(blocks, starts, top_style, wrapped)
    tree = Tree()
    stack: list[Node] = []
    # The clause whose text ends with a colon, for the paragraph after it; and the clause the
    # paragraph before went to for that reason, for the lines that go on without a blank line.
    introduced: Node | None = None
    run_on: Node | None = None
    for index, block in enumerate(blocks):
        if block.kind == "heading" or is_plain_heading(block, wrapped):
            stack, introduced, run_on = [], None, None
            tree.structure(heading_text(block), heading=True)
            continue
        label = block.label
        text = block.joined()
        if index in starts and label is not None:
            node = _labelled_node(label, block, label.key, 0)
            node.fallback = label.printed
            node.part = parts[index]
            tree.open_top(node)
            stack, run_on = [node], None
        elif not stack:
            tree.structure(text, heading=False)
            continue
        elif nests(label, top_style):
            assert label is not None
            _nest(stack, label, block)
            run_on = None
        else:
            # A paragraph right after a colon is what the colon introduces (MPL-1.1 1.9, "a
            # Modification is:"), and so are the lines that follow it without a blank line.
            depth = depth_of(stack, introduced)
            if not depth and not block.gap_before:
                depth = depth_of(stack, run_on)
            run_on = stack[depth - 1] if depth else None
            if not depth and stack[-1].label is not None:
                ahead = sibling_ahead(blocks, index, stack[-1].label, starts, wrapped)
                if is_sub_heading_text(stack, block, ahead):
                    # A sub-heading's text, however indented: it and what follows it are the
                    # item's, up to the next item or clause.
                    stack[-1].body_indent = min(block.indent, stack[-1].indent)
                    depth = len(stack)
            if not depth:
                depth = paragraph_depth(stack, block, upcoming[index], index > last_start)
            if not depth:
                # Material after the last clause (a disclaimer, a notice): the plan's notes.
                stack, introduced, run_on = [], None, None
                tree.structure(text, heading=False)
                continue
            del stack[depth:]
            stack[-1].add_text(text)
        introduced = stack[-1] if text.endswith(":") else None
    return tree


def _nest(stack: list[Node], label: Label, block: Block) -> None:
    """Add a labelled sub-item under the right open clause of `stack`."""
    for depth in range(len(stack) - 1, 0, -1):
        if same_series(stack[depth].label, label):
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


def heading_tree(blocks: Sequence[Block], top_style: str) -> Tree:
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
    tree = Tree()
    stack: list[Node] = []
    for index, block in enumerate(blocks):
        label = block.label
        if block.kind == "heading":
            text = heading_text(block)
            if label is not None and label.style == top_style:
                node = Node(label, label.key, block.level, 0, title=_clean_title(label.rest))
                node.fallback = text
                tree.open_top(node)
                stack = [node]
                continue
            while stack and stack[-1].level >= block.level:
                stack.pop()
            if stack and label is not None and label.style != "bullet":
                node = Node(label, label.key, block.level, 0, title=_clean_title(label.rest))
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


def _extends(stack: Sequence[Node], label: Label) -> bool:
    """Tell whether a dotted label (`1.1`) continues the number of the open top clause."""
    return label.key.split(".")[0] == stack[0].key.split("-")[0]


def level_tree(blocks: Sequence[Block], level: int) -> Tree:
    """Build one clause per heading of `level`; shallower headings are structure."""
    tree = Tree()
    node: Node | None = None
    for block in blocks:
        if block.kind == "heading" and block.level <= level:
            text = heading_text(block)
            if block.level == level:
                node = Node(None, str(len(tree.top) + 1), level, 0, title=text or None)
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


def paragraph_tree(blocks: Sequence[Block], wrapped: bool) -> Tree:
    """Build one clause per paragraph; leading title lines go to the preamble."""
    tree = Tree()
    for block in blocks:
        text = block.joined() if block.kind != "heading" else heading_text(block)
        if not text:
            continue
        if not tree.top and (block.kind == "heading" or is_plain_heading(block, wrapped)):
            tree.preamble.append(text)
            continue
        tree.top.append(Node(None, str(len(tree.top) + 1), 0, 0, body=[text]))
    if not tree.top:
        # Nothing but headings: they are the text, not a title over nothing.
        tree.top = [Node(None, str(n), 0, 0, body=[t]) for n, t in enumerate(tree.preamble, 1)]
        tree.preamble = []
    return tree
