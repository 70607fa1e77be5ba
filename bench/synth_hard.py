"""The harder mutations of `bench/synth.py`: paraphrase, several edits at once, structure changes.

Each function takes the `Mutator` of one `mutate` call, applies its mutation once where it may,
and tells whether it did (names as in `synth.HARD_OPS`):

* `paraphrase`: reword most of a clause in place (`synth_paraphrase.paraphrase`: synonyms from
  a committed table, passive to active, conditions moved, coordinates swapped, sentences
  rotated), at least `PARAPHRASE_MIN_SHARE` of its content words replaced. Figures, names and
  words of substance stay. Relation `reworded`.
* `multi-edit`: a rewording (`synth_paraphrase.rewrite`: synonyms, topped up from the
  document's words), one figure changed, and a sentence of another document in the same
  language inserted at a sentence boundary, all in one clause. `modified`.
* `reparent`: a sub-clause (with its own sub-clauses) moved under another parent, after its
  last child, with the label after the last one there. Unchanged, `moved`.
* `merge-far`: two leaf clauses with one to `MAX_MERGE_GAP - 1` siblings between them joined
  into the first. `merged`.
* `condense`: a clause and its 2 to `MAX_CONDENSE_CHILDREN` leaf sub-clauses become one clause
  (the parent's id and label) whose text is all of theirs, rewritten (`rewrite`): the parent
  and children merged into the new parent. `merged`.
* `reword-run`: 3 to 6 consecutive one-line points (at most `SHORT_POINT_WORDS` words) each
  lightly reworded (`synth_paraphrase.light_reword`). Each `reworded`.
* `replace`: a numbered leaf clause keeps its id and label but its text (and title) become an
  unrelated clause of another document (in the same language, where the harness gives such
  donors): the old clause deleted, the new one inserted, no link.

The rules of `bench/synth.py` hold: each clause is the subject of one mutation at most (except
`renumber`), moves must have one explanation only (`moves_are_clear`), and parts of a merge are
recognisable (`MIN_PART_WORDS`, `MIN_PART_SHARE`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from synth_labels import bump_label
from synth_paraphrase import light_reword, rewrite
from synth_paraphrase import paraphrase as paraphrase_text
from synth_truth import Node, moves_are_clear
from synth_words import (
    MAX_DONOR_OVERLAP,
    MIN_EDIT_WORDS,
    MIN_PART_SHARE,
    MIN_PART_WORDS,
    change_figure,
    figures,
    normal,
    word_count,
    words,
)

if TYPE_CHECKING:
    from synth import Mutator

#: Merge-far: the second clause is at most this many places after the first.
MAX_MERGE_GAP = 4
MAX_CONDENSE_CHILDREN = 6
#: Reword-run: a point of at most this many words, on one line, is short.
SHORT_POINT_WORDS = 20
RUN_LENGTH = (3, 6)
#: Multi-edit: the inserted sentence has this many words, and at most this share of the
#: clause's own.
INSERTED_SENTENCE_WORDS = (5, 25)
INSERTED_SENTENCE_SHARE = 0.5

_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ(§])")


def paraphrase(m: Mutator) -> bool:
    candidates = [n for n in m.nodes() if m.editable(n, MIN_EDIT_WORDS)]
    m.rng.shuffle(candidates)
    for node in candidates:
        assert node.text is not None
        text = paraphrase_text(node.text, m.rng, english=m.english)
        if text is None:
            continue
        node.text = text
        _mark(node, "reworded", "paraphrase")
        m.log.append(f"paraphrase {node.id}")
        return True
    return False


def multi_edit(m: Mutator) -> bool:
    candidates = [
        n
        for n in m.nodes()
        if m.editable(n, MIN_EDIT_WORDS) and n.text is not None and figures(n.text)
    ]
    m.rng.shuffle(candidates)
    for node in candidates[:20]:
        assert node.text is not None
        text = rewrite(node.text, m.rng, m.edit_pool, english=m.english)
        if text is None:
            continue
        spots = figures(text)
        if not spots:
            continue
        start, end = m.pick(spots)
        old_figure = text[start:end]
        new_figure = change_figure(old_figure, m.rng)
        text = text[:start] + new_figure + text[end:]
        limit = int(INSERTED_SENTENCE_SHARE * word_count(node.text))
        sentence = _donor_sentence(m, min(limit, INSERTED_SENTENCE_WORDS[1]))
        if sentence is None:
            continue
        node.text = _insert_sentence(text, sentence, m)
        _mark(node, "modified", "multi-edit")
        m.log.append(f"multi-edit {node.id}: reworded, {old_figure} -> {new_figure}, +sentence")
        return True
    return False


def reparent(m: Mutator) -> bool:
    parents = [n for n in m.nodes() if n.children]
    candidates = [
        (parent, child)
        for parent in parents
        for child in parent.children
        if not child.touched and child.base is not None and child.text is not None
    ]
    m.rng.shuffle(candidates)
    for source, child in candidates:
        rest = [n for n in source.children if n is not child]
        if not moves_are_clear(rest, m.old_order):
            continue
        below = set(map(id, child.walk()))
        targets = [p for p in parents if p is not source and id(p) not in below]
        if not targets:
            continue
        target = m.pick(targets)
        number = _next_label(target.children, child.number)
        old_id = child.id
        child.id = _id_under(m, target, number)
        child.number = number
        source.children[:] = rest
        target.children.append(child)
        child.foreign = child.moved = True
        _mark(child, "unchanged", "reparent")
        m.log.append(f"reparent {old_id} from under {source.id} to under {target.id} as {child.id}")
        return True
    return False


def merge_far(m: Mutator) -> bool:
    candidates = [
        (siblings, i, j)
        for siblings in m.sibling_lists()
        for i in range(len(siblings))
        for j in range(i + 2, min(len(siblings), i + MAX_MERGE_GAP + 1))
        if mergeable(m, siblings[i], siblings[j])
    ]
    m.rng.shuffle(candidates)
    clear = (c for c in candidates if moves_are_clear(c[0][: c[2]] + c[0][c[2] + 1 :], m.old_order))
    chosen = next(clear, None)
    if chosen is None:
        return False
    siblings, i, j = chosen
    first, second = siblings[i], siblings[j]
    assert first.text is not None and second.text is not None
    joiner = "\n\n" if "\n" in first.text + second.text else " "
    first.text = first.text + joiner + second.text
    first.origin = first.origin + second.origin
    _mark(first, "merged", "merge-far")
    del siblings[j]
    m.log.append(f"merge-far {first.origin[0]}, {second.origin[0]} ({j - i - 1} between)")
    return True


def condense(m: Mutator) -> bool:
    candidates = [
        n
        for n in m.nodes()
        if 2 <= len(n.children) <= MAX_CONDENSE_CHILDREN
        and m.editable(n, 1)
        and all(not c.children and m.editable(c, MIN_PART_WORDS) for c in n.children)
    ]
    m.rng.shuffle(candidates)
    for node in candidates:
        texts = [t for t in (node.text, *(c.text for c in node.children)) if t is not None]
        joiner = "\n\n" if any("\n" in t for t in texts) else " "
        text = rewrite(joiner.join(texts), m.rng, m.edit_pool, english=m.english)
        if text is None:
            continue
        node.text = text
        node.origin = node.origin + tuple(o for c in node.children for o in c.origin)
        m.log.append(f"condense {node.id} and its {len(node.children)} sub-clauses")
        node.children = []
        _mark(node, "merged", "condense")
        return True
    return False


def reword_run(m: Mutator) -> bool:
    runs: list[list[Node]] = []
    for siblings in m.sibling_lists():
        run: list[Node] = []
        for node in [*siblings, None]:
            if node is not None and _short_point(m, node):
                run.append(node)
                continue
            if len(run) >= RUN_LENGTH[0]:
                runs.append(run)
            run = []
    m.rng.shuffle(runs)
    for run in runs:
        length = m.rng.randint(RUN_LENGTH[0], min(RUN_LENGTH[1], len(run)))
        start = m.rng.randrange(len(run) - length + 1)
        window = run[start : start + length]
        texts = [light_reword(n.text or "", m.rng, m.edit_pool, english=m.english) for n in window]
        if any(t is None for t in texts):
            continue
        for node, text in zip(window, texts, strict=True):
            node.text = text
            _mark(node, "reworded", "reword-run")
        m.log.append(f"reword-run {window[0].id} to {window[-1].id} ({length} points)")
        return True
    return False


def replace(m: Mutator) -> bool:
    candidates = [
        (siblings, n)
        for siblings in m.sibling_lists()
        for n in siblings
        if not n.children and n.number is not None and m.editable(n, 1)
    ]
    m.rng.shuffle(candidates)
    for siblings, node in candidates[:10]:
        if not moves_are_clear([n for n in siblings if n is not node], m.old_order):
            continue
        donor = _unrelated_donor(m)
        if donor is None:
            return False
        title, text = donor
        new = Node(
            id=node.id,
            number=node.number,
            title=title,
            text=text,
            children=[],
            base=None,
            origin=(),
            relation="added",
            touched=True,
            ops=["replace"],
        )
        siblings[siblings.index(node)] = new
        m.deleted_ops[node.id] = "replace"
        m.log.append(f"replace {node.id} ({node.number}): new text, same label")
        return True
    return False


#: The harder mutations by name, in the order of `synth.HARD_OPS`.
HARD_ACTIONS: dict[str, Callable[[Mutator], bool]] = {
    "paraphrase": paraphrase,
    "multi-edit": multi_edit,
    "reparent": reparent,
    "merge-far": merge_far,
    "condense": condense,
    "reword-run": reword_run,
    "replace": replace,
}


# -- helpers --------------------------------------------------------------------------------


def _mark(node: Node, relation: str, op: str) -> None:
    node.relation = relation
    node.touched = True
    node.ops.append(op)


def mergeable(m: Mutator, a: Node, b: Node) -> bool:
    """Tell whether leaf clauses `a` and `b` may be merged: both untouched, each recognisable."""
    if a.children or b.children:
        return False
    if not (m.editable(a, MIN_PART_WORDS) and m.editable(b, MIN_PART_WORDS)):
        return False
    assert a.text is not None and b.text is not None
    wa, wb = word_count(a.text), word_count(b.text)
    return min(wa, wb) >= MIN_PART_SHARE * max(wa, wb)


def _short_point(m: Mutator, node: Node) -> bool:
    return (
        not node.children
        and m.editable(node, 3)
        and node.text is not None
        and "\n" not in node.text.strip()
        and word_count(node.text) <= SHORT_POINT_WORDS
    )


def _next_label(siblings: list[Node], number: str | None) -> str | None:
    """Return the label after the last labelled one of `siblings` (none: `number` itself)."""
    labels = {n.number for n in siblings if n.number is not None}
    last = next((n.number for n in reversed(siblings) if n.number is not None), None)
    if number is None or last is None:
        return number if number not in labels else None
    label: str | None = last
    while label is not None and label in labels:
        label = bump_label(label, 1)
    return label


def _id_under(m: Mutator, parent: Node, number: str | None) -> str:
    """Return a fresh id for a clause moved under `parent`: "10.f" when its children's ids
    spell their labels so, else one made by `fresh_id`."""
    pattern = all(c.id == f"{parent.id}.{c.number}" for c in parent.children if c.number)
    candidate = f"{parent.id}.{number}"
    if number and pattern and candidate not in m.used_ids:
        m.used_ids.add(candidate)
        return candidate
    return m.fresh_id(parent.id)


def _present_words(m: Mutator) -> tuple[set[str], list[frozenset[str]]]:
    texts = [n.text for n in m.nodes() if n.text]
    return {normal(t) for t in texts}, [frozenset(words(t)) for t in texts]


def _unrelated(text: str, present: tuple[set[str], list[frozenset[str]]]) -> bool:
    """Tell whether `text` shares little vocabulary with every clause present."""
    texts, vocabularies = present
    mine = frozenset(words(text))
    return normal(text) not in texts and not any(
        len(mine & other) > MAX_DONOR_OVERLAP * min(len(mine), len(other))
        for other in vocabularies
        if other
    )


def _unrelated_donor(m: Mutator) -> tuple[str | None, str] | None:
    """Return the title and text of a donor clause unlike every clause present, if any."""
    present = _present_words(m)
    donors = list(m.donors)
    m.rng.shuffle(donors)
    for donor in donors[:50]:
        if donor.text is not None and _unrelated(donor.text, present):
            return donor.title, donor.text
    return None


def _donor_sentence(m: Mutator, max_words: int) -> str | None:
    """Return a sentence of a donor clause of `INSERTED_SENTENCE_WORDS` (at most `max_words`)
    words, unlike every clause present."""
    present = _present_words(m)
    donors = list(m.donors)
    m.rng.shuffle(donors)
    for donor in donors[:50]:
        assert donor.text is not None
        sentences = [s.strip() for s in _SENTENCE_END_RE.split(donor.text) if "\n" not in s]
        fitting = [
            s
            for s in sentences
            if INSERTED_SENTENCE_WORDS[0] <= word_count(s) <= max_words
            and s[:1].isupper()
            and _unrelated(s, present)
        ]
        if fitting:
            sentence = m.pick(fitting).rstrip(":;, ")
            return sentence if sentence[-1] in ".!?" else sentence + "."
    return None


def _insert_sentence(text: str, sentence: str, m: Mutator) -> str:
    """Return `text` with `sentence` inserted at its start, end or a sentence boundary."""
    spots = [0, *(match.end() for match in _SENTENCE_END_RE.finditer(text)), len(text)]
    at = m.pick(spots)
    if at == len(text):
        return text.rstrip() + " " + sentence
    return text[:at] + sentence + " " + text[at:]
