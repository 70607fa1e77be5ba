"""Read plain text and Markdown with numbered points into a plan skeleton to finish by hand.

`build_clauses` runs the four steps of `planlens.importers` on text: `text_lines` and
`split_blocks` cut it into blocks, `build_outline` chooses the layout and builds the clauses.
`import_text` wraps them in a draft plan; `import_text_file` is the reader the registry calls for
text and Markdown files.
"""

from __future__ import annotations

from pathlib import Path

from planlens.errors import PlanlensError
from planlens.importers.blocks import (
    front_matter_title,
    heading_text,
    is_hard_wrapped,
    split_blocks,
    text_lines,
)
from planlens.importers.footnotes import footnotes_of
from planlens.importers.outline import build_outline
from planlens.importers.skeleton import check_import_options, skeleton_plan
from planlens.perf import collector_paused
from planlens.plan.load import read_plan_text
from planlens.plan.model import Clause, Plan


def build_clauses(text: str) -> tuple[tuple[Clause, ...], str | None]:
    """Return the top-level clauses of `text` and the plan notes (the source's footnotes).

    >>> clauses, notes = build_clauses("Intro\\n\\n1. One\\n2. Two\\n   (a) more\\n")
    >>> [c.id for c in clauses], [c.id for c in clauses[2].clauses], notes
    (['preamble', '1', '2'], ['2.a'], None)
    """
    lines = text_lines(text)
    blocks = split_blocks(lines)
    clauses = build_outline(blocks, wrapped=is_hard_wrapped(lines), whole_text=text)
    # The source's footnotes are no clause's text (`text_lines` leaves them out): kept here.
    notes = None
    if found := footnotes_of(text.splitlines()):
        listed = "\n".join(f"- {note}" for note in found)
        notes = f"Footnotes of the source:\n\n{listed}"
    return clauses, notes


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
            return heading_text(block) or None
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
    top-level clauses found, the `preamble` clause included (the plan format counts every
    top-level clause). Its one source is `source_url`, or, since the format needs a source,
    `PLACEHOLDER_SOURCE` (`https://example.org/REPLACE-ME`) for the user to replace. An empty
    `title` is taken from the text (front matter, first heading or first line), else the plan
    id. An empty `date` stays empty for the user to fill in. Text before the first clause is the
    clause `preamble`; text between clauses or after the last one (appendices) is an unnumbered
    clause `after-N`; see `planlens.importers` for the rest.

    Raise `PlanlensError` if `plan_id`, `date` or `source_url` is malformed, or if the text is
    blank.
    """
    check_import_options(plan_id, date, source_url)
    if not text.strip():
        raise PlanlensError("there is no text to import: the input is empty")
    with collector_paused():  # many small allocations, no cycles: see planlens.perf
        clauses, notes = build_clauses(text)
    return skeleton_plan(
        clauses,
        notes,
        plan_id=plan_id,
        title=title.strip() or guess_title(text) or "",
        date=date,
        source_url=source_url,
        language=language,
    )


def import_text_file(
    path: Path,
    *,
    plan_id: str,
    title: str,
    date: str,
    source_url: str | None = None,
    language: str | None = None,
) -> Plan:
    """Return `import_text` of the text file at `path`: the registry's reader for text.

    The file is read as plan files are (`read_plan_text`): UTF-8, an optional byte order mark,
    the same size limit and the same messages when it cannot be read.
    """
    return import_text(
        read_plan_text(path),
        plan_id=plan_id,
        title=title,
        date=date,
        source_url=source_url,
        language=language,
    )
