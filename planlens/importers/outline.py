"""The outline builder: from blocks with labels to a clause tree, whatever the format.

These are the last two steps of an import (see `planlens.importers`); every importer that can
cut its document into `Block`s shares them through `build_outline`:

3. A layout is chosen. First, before any layout, nested Markdown lists that restart at `1.`
   are read by their indentation (`planlens.importers.lists`). *Section mode*
   (`planlens.importers.sections`): headings whose lists restart at 1 are sections, each a
   clause with its points under it. *Heading mode*: headings carry clause labels (`##### § 1
   ...`, `1. Definitions` underlined with dashes); every heading with the label style that
   forms the best run of numbers is a top-level clause. *Marker mode*: paragraphs start with
   labels (`1.`, `(a)`, `Point 5`, `§ 5`); the label style with the best run of consecutive
   numbers is the top level, and only the paragraphs in that run start top-level clauses.
   Otherwise the most frequent heading level, or failing that each paragraph, makes the
   clauses.
4. The clause tree is built (`planlens.importers.trees`), ids are made unique, and `Clause`
   values are returned.

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

Text after a list: a clause's `text` is read before its sub-clauses, so a paragraph that comes
after them in the document (GPL-2 section 2, "These requirements apply to the modified work as
a whole", after items a) to c)) cannot go there without reading as if it came first, and it is
not the last item's either. It becomes the clause's *continuation*: an unnumbered last
sub-clause with id "<parent>.after" (`number` empty, so no number is invented; "after" is a
word, so it cannot be taken for a label), holding the paragraphs up to the next sub-clause or
the end of the clause; text between two lists makes "2.after", "2.after~2" in document order.
A marker inside the parent's text ("[the list]") was the alternative; it would put words the
document does not have into the text that comparisons read, and a continuation is compared
with the other version's continuation like any clause. So the clauses, read depth first, give
the document's text in its order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from planlens.importers.blocks import Block, is_plain_heading
from planlens.importers.labels import NO_TIER, SEPARATORS, Label, as_roman, roman_value
from planlens.importers.lists import nest_lists, strip_heading_marks
from planlens.importers.sections import section_level, section_tree
from planlens.importers.trees import (
    Node,
    Tree,
    heading_tree,
    level_tree,
    marker_tree,
    paragraph_tree,
)
from planlens.plan.model import Clause

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

    >>> from planlens.importers.labels import parse_label
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
        if label.tier < NO_TIER:
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
            roman_style = as_roman(label).style
            if letter in "ivx" and not continues:
                value = roman_value(letter) or 0
                if letter == "i" or last_roman.get(roman_style) == value - 1:
                    block.label = label = as_roman(label)
        if "roman" in label.style.lower():
            last_roman[label.style] = label.first[0]
        elif "alpha" in label.style.lower():
            last_letter[label.style] = label.key.lower()


def _choose_tree(blocks: Sequence[Block], wrapped: bool) -> Tree:
    """Return the clause tree of the layout that fits `blocks` (step 3 above)."""
    if (level := section_level(blocks)) is not None:
        return section_tree(blocks, level, wrapped)
    heading_labels = [
        (i, b.label) for i, b in enumerate(blocks) if b.kind == "heading" and b.label is not None
    ]
    heading_style, heading_run = choose_top(heading_labels)
    # Every heading of the style opens a clause, so count headings, not the run: two headings
    # "§ 5" (a duplicate) are still two clauses.
    heading_count = sum(1 for _, label in heading_labels if label.style == heading_style)
    if heading_style is not None and heading_count >= 2:
        return heading_tree(blocks, heading_style)
    headings_before: list[int] = []
    count = 0
    for block in blocks:
        headings_before.append(count)
        if block.kind == "heading" or is_plain_heading(block, wrapped):
            count += 1
    para_labels = [
        (i, b.label) for i, b in enumerate(blocks) if b.kind == "para" and b.label is not None
    ]
    para_style, para_run = choose_top(para_labels, headings_before)
    if para_style is not None and len(para_run) >= 2:
        return marker_tree(blocks, para_style, para_run, wrapped)
    if heading_style is not None and heading_run:
        return heading_tree(blocks, heading_style)
    if para_style is not None and para_run:
        return marker_tree(blocks, para_style, para_run, wrapped)
    levels = Counter(b.level for b in blocks if b.kind == "heading")
    if levels:
        level, count = min(levels.items(), key=lambda item: (-item[1], item[0]))
        if count >= 2:
            return level_tree(blocks, level)
    return paragraph_tree(blocks, wrapped)


# -- from the tree to clauses ---------------------------------------------------------------

#: The id of the clause that holds the text before the first numbered clause. Numbered ids are
#: made of labels, which never spell a word, so it cannot collide with one.
PREAMBLE_ID = "preamble"


def build_outline(
    blocks: Sequence[Block], *, wrapped: bool, whole_text: str = ""
) -> tuple[Clause, ...]:
    """Return the top-level clauses of `blocks`.

    Text before the first clause (the title lines, a preamble, recitals) is the first clause,
    with id `preamble` and no number, so that comparisons include it; text between clauses or
    after the last one is an unnumbered clause `after-N` (see `planlens.importers.trees`).

    `wrapped` tells whether the document was hard-wrapped (see `is_hard_wrapped`): it decides
    which short paragraphs are plain-text headings. If no clause is found, `whole_text` (the
    document as read), unless blank, becomes one clause. Single-letter labels of `blocks` are
    read as letters or roman numerals in place.

    >>> from planlens.importers.blocks import split_blocks, text_lines
    >>> clauses = build_outline(split_blocks(text_lines("1. One\\n2. Two\\n")), wrapped=True)
    >>> [c.id for c in clauses]
    ['1', '2']
    >>> text = "Recital\\n\\n1. One\\n\\nNO WARRANTY\\n\\nNone is given.\\n\\n2. Two\\n"
    >>> [(c.id, c.number, c.title, c.text) for c in build_outline(split_blocks(text_lines(text)),
    ...     wrapped=True)]  # doctest: +NORMALIZE_WHITESPACE
    [('preamble', None, None, 'Recital'), ('1', '1', None, 'One'),
     ('after-1', None, 'NO WARRANTY', 'None is given.'), ('2', '2', None, 'Two')]
    """
    _resolve_letters(blocks)
    strip_heading_marks(blocks)
    nest_lists(blocks)
    tree = _choose_tree(blocks, wrapped)
    if not tree.top and whole_text.strip():
        # Nothing recognisable (an empty heading, front matter alone): one clause of it all.
        tree = Tree(top=[Node(None, "1", 0, 0, body=[whole_text.strip()])])
    tree.close()
    used: set[str] = {PREAMBLE_ID}
    clauses = tuple(_finish(node, None, used) for node in tree.top)
    # Stripped as every text is, and as the loader reads it back (a code block may begin with
    # spaces: " ```").
    if (preamble := "\n\n".join(tree.preamble).strip()) and clauses:
        clauses = (Clause(id=PREAMBLE_ID, text=preamble, number=None), *clauses)
    return clauses


def unique_id(natural: str, used: set[str]) -> str:
    """Return `natural`, or `natural~2`, `natural~3`, ... if it is taken; record it as used.

    >>> used = {"5"}
    >>> unique_id("5", used), unique_id("5", used), unique_id("6", used)
    ('5~2', '5~3', '6')
    """
    candidate = natural
    suffix = 2
    while candidate in used:
        candidate = f"{natural}~{suffix}"
        suffix += 1
    used.add(candidate)
    return candidate


def _finish(node: Node, parent_id: str | None, used: set[str]) -> Clause:
    if parent_id is None or (node.label is not None and node.label.style == "dotted"):
        natural = node.key
    else:
        natural = f"{parent_id}.{node.key}"
    if parent_id is None and node.part > 1:
        natural = f"{natural}~{node.part}"
    natural = natural or "clause"
    if node.from_paragraph and node.title and not node.body and not node.children:
        node.body.append(node.label.rest.strip().lstrip(SEPARATORS) if node.label else "")
        node.title = None
    clause_id = unique_id(natural, used)
    if parent_id is None or node.continuation:
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
