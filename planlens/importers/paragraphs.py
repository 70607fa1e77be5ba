"""Paragraphs of a document with structure of its own (Word, a web page) -> blocks -> clauses.

Word documents and web pages come as paragraphs, not lines: each is one `Paragraph`, with its
heading level when it is a heading and its indentation as laid out, and with the number that
Word or the browser prints before it already written in its text (`2.`, `(a)`). `outline_of`
turns them into `Block`s with the labels they start with and hands them to the shared outline
builder (`planlens.importers.outline`), so every format chooses its clauses the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planlens.importers.blocks import Block, Line
from planlens.importers.labels import parse_label
from planlens.importers.outline import build_outline
from planlens.perf import collector_paused
from planlens.plan.model import Clause


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: its text, its heading level (0 for body text) and its indentation.

    `indent` is in characters, as a text file would indent it: only its order matters (a
    paragraph indented deeper than a point belongs to that point). `number` is the label the
    format prints before the text (a Word list number), or "" when the text carries its own.
    """

    text: str
    heading: int = 0
    indent: int = 0
    number: str = ""

    @property
    def printed(self) -> str:
        """Return the paragraph as it reads: its number, then its text, on one line."""
        text = " ".join(self.text.split())
        return f"{self.number} {text}".strip() if self.number else text


def to_blocks(paragraphs: Iterable[Paragraph]) -> list[Block]:
    """Return a block for each paragraph that has text, with the label it starts with.

    A number the format printed (`number`) is a label even where the text after it would not
    make one in plain text ("Article 1 the parties", lower case after the number).

    >>> [(b.kind, b.label.key if b.label else None) for b in to_blocks(
    ...     [Paragraph("Terms", heading=1), Paragraph("the parties", number="Article 1")]
    ... )]
    [('heading', None), ('para', '1')]
    """
    blocks: list[Block] = []
    for position, paragraph in enumerate(paragraphs, start=1):
        text = paragraph.printed
        if not text:
            continue
        line = Line(text, max(paragraph.indent, 0), position)
        heading = paragraph.heading > 0
        label = parse_label(text, heading=heading)
        if label is None and paragraph.number and parse_label(paragraph.number, heading=True):
            label = parse_label(text, heading=True)
        if heading:
            blocks.append(Block("heading", [line], level=min(paragraph.heading, 6), label=label))
        else:
            blocks.append(Block("para", [line], label=label))
    return blocks


def outline_of(paragraphs: Iterable[Paragraph]) -> tuple[Clause, ...]:
    """Return the top-level clauses of `paragraphs`.

    >>> clauses = outline_of(
    ...     [Paragraph("Intro"), Paragraph("One", number="1."), Paragraph("Two", number="2.")]
    ... )
    >>> [(c.id, c.text) for c in clauses]
    [('preamble', 'Intro'), ('1', 'One'), ('2', 'Two')]
    """
    with collector_paused():  # many small allocations, no cycles: see planlens.perf
        blocks = to_blocks(paragraphs)
        whole = "\n\n".join(block.lines[0].text for block in blocks)
        return build_outline(blocks, wrapped=False, whole_text=whole)
