"""Number labels and ids of clauses, shifted as when a clause before them is deleted or added.

`bump_label` moves the counter of a label (`§ 5` -> `§ 6`, `10.a` -> `10.b`, both ends of
`§§ 3 bis 6`), `bump_id` the same counter where an id spells it, and `rename_under` carries a
renamed parent's id and label over to the sub-clauses that embed it. `renumber` in
`bench/synth.py` uses them.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence

from synth_truth import Node

_RANGE_RE = re.compile(r"(\d+)(\s*(?:bis|-|–|to)\s*)(\d+)(?!.*\d)")
_COUNTER_RE = re.compile(r"\d+|(?<![A-Za-z0-9])[A-Za-z](?![A-Za-z])")


def shifted_labels(
    block: Sequence[Node], delta: int, siblings: Sequence[Node], nodes: Iterable[Node]
) -> list[tuple[Node, str, str | None]] | None:
    """Return (node, new id, new number) for `block` shifted by `delta`, None if impossible.

    `block` is the tail of the sibling list `siblings`, and `nodes` every node of the plan.
    Sub-clauses whose ids embed a renamed parent's id follow it (`rename_under`).

    Impossible: nothing in the block has a number, or the result would reuse an id of the
    plan or a number label of a sibling.
    """
    changes: list[tuple[Node, str, str | None]] = []
    for node in block:
        if node.number is None:
            continue
        new_number = bump_label(node.number, delta)
        # A fresh id (an inserted clause, a split piece) means nothing; only labels move.
        new_id = bump_id(node.id, node.number, delta) if node.base is not None else node.id
        if new_number is None or new_id is None:
            continue
        changes.append((node, new_id, new_number))
        for child in node.children:
            changes.extend(rename_under(child, node.id, new_id, node.number, new_number))
    if not any(node in block for node, _, _ in changes):
        return None
    moved_nodes = {id(node) for node, _, _ in changes}
    kept_ids = {n.id for n in nodes if id(n) not in moved_nodes}
    new_ids = [new_id for _, new_id, _ in changes]
    if len(set(new_ids)) != len(new_ids) or kept_ids & set(new_ids):
        return None
    renamed = {id(node): number for node, _, number in changes}
    labels = [renamed.get(id(n), n.number) for n in siblings]
    present = [label for label in labels if label is not None]
    if len(set(present)) != len(present):
        return None
    return changes


def bump_label(label: str, delta: int) -> str | None:
    """Return `label` with its counter moved by `delta`, or None if it has none.

    The counter is the last number or lone letter (`10.a` counts in letters, `§ 31a` in
    numbers); in a range (`§§ 3 bis 6`) both ends move.

    >>> bump_label("§ 5", 1), bump_label("10.a", 1), bump_label("§§ 3 bis 6", -1)
    ('§ 6', '10.b', '§§ 2 bis 5')
    >>> bump_label("3-6", 1), bump_label("§ 31a", 1), bump_label("Preamble", 1), bump_label("0", -1)
    ('4-7', '§ 32a', None, None)
    """
    ranged = _RANGE_RE.search(label)
    if ranged:
        a, b = int(ranged.group(1)) + delta, int(ranged.group(3)) + delta
        if a < 0:
            return None
        return f"{label[: ranged.start()]}{a}{ranged.group(2)}{b}{label[ranged.end() :]}"
    tokens = list(_COUNTER_RE.finditer(label))
    if not tokens:
        return None
    last = tokens[-1]
    token = last.group()
    if token.isdigit():
        value = int(token) + delta
        if value < 0:
            return None
        bumped = str(value)
    else:
        alphabet = string.ascii_lowercase if token.islower() else string.ascii_uppercase
        index = alphabet.index(token) + delta
        if not 0 <= index < len(alphabet):
            return None
        bumped = alphabet[index]
    return f"{label[: last.start()]}{bumped}{label[last.end() :]}"


def bump_id(clause_id: str, number: str, delta: int) -> str:
    """Return `clause_id` with the counter of its label `number` moved by `delta`.

    The id changes where it spells the label's counter (`24.d` with label `d` becomes `24.e`,
    `5` with label `§ 5` becomes `6`); an id that does not spell it is kept.

    >>> bump_id("24.d", "d", 1), bump_id("5", "§ 5", -1), bump_id("3-6", "§§ 3 bis 6", 1)
    ('24.e', '4', '4-7')
    >>> bump_id("preamble", "1", 1)
    'preamble'
    """
    if _RANGE_RE.search(number):
        return bump_label(clause_id, delta) or clause_id
    token = _counter(number)
    if token is None:
        return clause_id
    kind = r"\d" if token.isdigit() else "A-Za-z"
    spots = list(re.finditer(rf"(?<![{kind}]){re.escape(token)}(?![{kind}])", clause_id))
    bumped = bump_label(token, delta)
    if not spots or bumped is None:
        return clause_id
    last = spots[-1]
    return f"{clause_id[: last.start()]}{bumped}{clause_id[last.end() :]}"


def _counter(label: str) -> str | None:
    """Return the token of `label` that counts: its last number or lone letter."""
    tokens = _COUNTER_RE.findall(label)
    return tokens[-1] if tokens else None


def rename_under(
    node: Node, old_prefix: str, new_prefix: str, old_number: str, new_number: str
) -> list[tuple[Node, str, str | None]]:
    """Return the renames of `node` and its descendants whose ids embed a renamed parent id."""
    out: list[tuple[Node, str, str | None]] = []
    new_id = _swap_prefix(node.id, old_prefix, new_prefix)
    number = node.number
    if number is not None:
        number = _swap_prefix(number, old_number, new_number) or number
    if new_id is not None:
        out.append((node, new_id, number))
        for child in node.children:
            out.extend(rename_under(child, node.id, new_id, node.number or "", number or ""))
    return out


def _swap_prefix(value: str, old: str, new: str) -> str | None:
    if old and value.startswith(old) and value[len(old) : len(old) + 1] in (".", "-", "_", " "):
        return new + value[len(old) :]
    return None
