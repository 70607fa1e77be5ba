"""Seeded mutations of a plan with a known truth: the synthetic corpus of the accuracy harness.

`mutate(plan, rng, n_ops)` returns a changed copy of `plan` and a `Truth` saying, for every clause
of the new plan, which clause(s) of the old one it comes from, how (unchanged, reworded,
modified, split, merged), whether it was moved, and which old clauses were deleted and which new
ones inserted. A comparison of the two plans can then be scored link by link.

Mutations (names as in `OPS`), each on top-level clauses or on sub-clauses among their siblings:

* `renumber`: shift the number label and id of every sibling from some point on by -1 (as when a
  point before them was deleted) or, where that would collide, +1. Sub-clause ids that embed the
  parent's id follow it. Links unchanged, `renumbered`, not moved.
* `move`: take a clause (with its sub-clauses) at least `MIN_MOVE_DISTANCE` siblings away.
  Unchanged, `moved`.
* `move+edit`: a move, and a rewording of about `MOVE_EDIT_RATE` of its words. Reworded, moved.
* `split`: cut a leaf clause at a sentence boundary (or `;`, `:`, or a paragraph break) into two
  clauses. The first piece keeps the id; the second gets a fresh one. Relation `split`.
* `merge`: join two adjacent leaf clauses into one that keeps the first one's id. `merged`.
* `reword`: replace, insert or delete 15-25% of the words, using other words of the same
  document. Figures, negations, modal verbs, conditions, quantifiers, deadlines, number words,
  units, acronyms and (in English) capitalised words and their neighbours are never touched nor
  inserted (see `PROTECTED_WORDS`), so the substance stays. Relation `reworded`.
* `figure`: change one digit of one number in the text (600,000 -> 800,000). `modified`.
* `insert`: a new clause whose text comes from a different document (`donors`), sharing little
  vocabulary with every clause present. Inserted.
* `delete`: remove a clause with its sub-clauses. Deleted.

The harder mutations (`HARD_OPS`, in `bench/synth_hard.py`, where each is described):
`paraphrase` (most of a clause's words reworded: synonyms, passive to active, parts reordered;
reworded), `multi-edit` (reword + figure + inserted sentence; modified), `reparent` (a
sub-clause moved under another parent; moved), `merge-far` (two clauses with others between
them merged), `condense` (a clause's sub-clauses merged into it, reworded), `reword-run` (3-6
one-line points in a row, each reworded) and `replace` (same label, unrelated text: deleted and
inserted, no link).

Rules that keep the truth true (a scorer can only hold an algorithm to what is recognisable):

* Each clause is the subject of at most one mutation, except `renumber`, which changes labels
  only and combines with anything. Inserted clauses, split pieces and merged clauses are never
  mutated again.
* `reword` and `move+edit` need a text of at least `MIN_EDIT_WORDS` words (a 25% rewording of a
  five-word clause is a different clause); `figure` needs `MIN_FIGURE_WORDS`.
* Split pieces and merge parts have at least `MIN_PART_WORDS` words each, and the smaller is at
  least `MIN_PART_SHARE` of the larger, so each part is recognisably part of the whole.
* A move passes at least `MIN_MOVE_DISTANCE` siblings, so that the moved clause, not its
  neighbours, is the one out of order. After every move, merge and delete, the clauses not moved
  in each sibling list must be the one longest run in old order (so the moved clauses are the
  only smallest explanation of the new order); otherwise the mutation is tried elsewhere.
* `reword` needs as many editable words as the rate asks for (a clause all in capitals, or made
  of names, is not reworded).
* Clauses without text are never mutated (only their position identifies them).

The new plan has a fresh id, `follows` the old one, and no `same_as`/`derived_from` references,
so a comparison cannot be told the answer.

This file holds the basic mutations; `bench/synth_hard.py` the harder ones (and
`bench/synth_paraphrase.py` their paraphrasing, with its synonym tables
`synth_synonyms_*.txt`); `bench/synth_truth.py` the `Truth` and the clause tree it is
read off (and whether moves are clear), `bench/synth_words.py` what the text mutations need
(protected words, rewording, figures, split points), and `bench/synth_labels.py` the shifting
of number labels and ids.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from synth_hard import HARD_ACTIONS, mergeable
from synth_labels import shifted_labels
from synth_truth import Node, Truth, build_result, moves_are_clear, node_of
from synth_words import (
    MAX_DONOR_OVERLAP,
    MIN_EDIT_WORDS,
    MIN_PART_WORDS,
    REWORD_RATE,
    change_figure,
    editable_word,
    figures,
    normal,
    reword_text,
    split_point,
    word_count,
    word_pool,
    words,
)

from planlens.plan.model import Clause, Plan

_T = TypeVar("_T")

#: The basic mutations, in the order documented above.
BASIC_OPS: tuple[str, ...] = (
    "renumber",
    "move",
    "move+edit",
    "split",
    "merge",
    "reword",
    "figure",
    "insert",
    "delete",
)
#: The harder mutations (`bench/synth_hard.py`).
HARD_OPS: tuple[str, ...] = tuple(HARD_ACTIONS)
#: Every mutation.
OPS: tuple[str, ...] = BASIC_OPS + HARD_OPS

MIN_FIGURE_WORDS = 5
# MIN_EDIT_WORDS, REWORD_RATE, MIN_PART_WORDS, MIN_PART_SHARE and MAX_DONOR_OVERLAP are in
# synth_words (`split_point` and `bench/synth_hard.py` need them too).
MIN_MOVE_DISTANCE = 3
MIN_MOVE_SIBLINGS = 5
MOVE_EDIT_RATE = 0.20


class Mutator:
    """The state of one `mutate` call: the node tree, the used ids and the random source."""

    def __init__(self, plan: Plan, rng: random.Random, donors: Sequence[Clause]) -> None:
        self.plan = plan
        self.rng = rng
        self.donors = [d for d in donors if d.text and word_count(d.text) >= MIN_EDIT_WORDS]
        self.root: list[Node] = [node_of(c) for c in plan.clauses]
        old = list(plan.walk())
        self.old_by_id = {c.id: c for c in old}
        self.old_order = {c.id: i for i, c in enumerate(old)}
        self.used_ids: set[str] = set(self.old_by_id)
        self.log: list[str] = []
        #: Old clause id -> the mutation that dropped it, where that is not `delete`.
        self.deleted_ops: dict[str, str] = {}
        self.english = (plan.language or "en").startswith("en")
        pool = word_pool(c.text for c in old if c.text)
        self.edit_pool = [w for w in pool if editable_word(w, english=self.english)]

    # -- helpers ------------------------------------------------------------------------

    def sibling_lists(self) -> list[list[Node]]:
        """Return the root list and every non-empty list of sub-clauses, in document order."""
        lists = [self.root]
        for node in self.nodes():
            if node.children:
                lists.append(node.children)
        return lists

    def nodes(self) -> Iterator[Node]:
        for node in self.root:
            yield from node.walk()

    def fresh_id(self, base: str) -> str:
        k = 1
        while f"{base}-n{k}" in self.used_ids:
            k += 1
        new_id = f"{base}-n{k}"
        self.used_ids.add(new_id)
        return new_id

    def editable(self, node: Node, min_words: int) -> bool:
        return (
            not node.touched
            and node.base is not None
            and node.text is not None
            and word_count(node.text) >= min_words
        )

    def pick(self, items: Sequence[_T]) -> _T:
        """Return one of `items`, chosen by the seeded random source."""
        return items[self.rng.randrange(len(items))]

    # -- mutations ----------------------------------------------------------------------

    def renumber(self) -> bool:
        lists = [s for s in self.sibling_lists() if len(s) >= 2]
        self.rng.shuffle(lists)
        for siblings in lists:
            start = self.rng.randrange(1, len(siblings))
            for delta in (-1, 1):
                plan = shifted_labels(siblings[start:], delta, siblings, self.nodes())
                if plan is not None:
                    break
            else:
                continue
            for node, new_id, new_number in plan:
                node.id = new_id
                node.number = new_number
                if "renumber" not in node.ops:
                    node.ops.append("renumber")
            self.used_ids.update(new_id for _, new_id, _ in plan)
            renamed = [n for n, _, _ in plan if n in siblings]
            self.log.append(f"renumber {renamed[0].id} and {len(renamed) - 1} after it by {delta}")
            return True
        return False

    def move(self, edit: bool) -> bool:
        min_words = MIN_EDIT_WORDS if edit else 1
        candidates = [
            (siblings, node)
            for siblings in self.sibling_lists()
            if len(siblings) >= MIN_MOVE_SIBLINGS
            for node in siblings
            if self.editable(node, min_words)
        ]
        self.rng.shuffle(candidates)
        for siblings, node in candidates[:20]:
            assert node.text is not None
            text = self.reword_text(node.text, MOVE_EDIT_RATE) if edit else node.text
            if text is None:
                continue
            source = siblings.index(node)
            targets = [j for j in range(len(siblings)) if abs(j - source) >= MIN_MOVE_DISTANCE]
            self.rng.shuffle(targets)
            for target in targets[:5]:
                trial = [n for n in siblings if n is not node]
                trial.insert(target, node)
                node.moved = True
                if moves_are_clear(trial, self.old_order):
                    break
                node.moved = False
            else:
                continue
            siblings[:] = trial
            node.touched = True
            name = "move+edit" if edit else "move"
            node.ops.append(name)
            if edit:
                node.text = text
                node.relation = "reworded"
            self.log.append(f"{name} {node.id} from position {source} to {target}")
            return True
        return False

    def split(self) -> bool:
        candidates = [
            (siblings, node)
            for siblings in self.sibling_lists()
            for node in siblings
            if not node.children and self.editable(node, 2 * MIN_PART_WORDS)
        ]
        self.rng.shuffle(candidates)
        for siblings, node in candidates:
            assert node.text is not None
            cut = split_point(node.text)
            if cut is None:
                continue
            first, second = node.text[:cut].rstrip(), node.text[cut:].lstrip()
            index = siblings.index(node)
            labels = {n.number for n in siblings}
            number = f"{node.number}a" if node.number and f"{node.number}a" not in labels else None
            piece = Node(
                id=self.fresh_id(node.id),
                number=number,
                title=None,
                text=second,
                children=[],
                base=None,
                origin=node.origin,
                relation="split",
                touched=True,
                ops=["split"],
            )
            node.text = first
            node.relation = "split"
            node.touched = True
            node.ops.append("split")
            siblings.insert(index + 1, piece)
            self.log.append(f"split {node.id} into {node.id}, {piece.id}")
            return True
        return False

    def merge(self) -> bool:
        candidates = [
            (siblings, i)
            for siblings in self.sibling_lists()
            for i in range(len(siblings) - 1)
            if mergeable(self, siblings[i], siblings[i + 1])
        ]
        if not candidates:
            return False
        self.rng.shuffle(candidates)
        for siblings, i in candidates:
            if moves_are_clear(siblings[: i + 1] + siblings[i + 2 :], self.old_order):
                break
        else:
            return False
        first, second = siblings[i], siblings[i + 1]
        assert first.text is not None and second.text is not None
        joiner = "\n\n" if "\n" in first.text + second.text else " "
        first.text = first.text + joiner + second.text
        first.origin = first.origin + second.origin
        first.relation = "merged"
        first.touched = True
        first.ops.append("merge")
        del siblings[i + 1]
        self.log.append(f"merge {first.origin[0]}, {second.origin[0]} into {first.id}")
        return True

    def reword(self) -> bool:
        candidates = [n for n in self.nodes() if self.editable(n, MIN_EDIT_WORDS)]
        self.rng.shuffle(candidates)
        for node in candidates:
            assert node.text is not None
            rate = self.rng.uniform(*REWORD_RATE)
            text = self.reword_text(node.text, rate)
            if text is None:
                continue
            node.text = text
            node.relation = "reworded"
            node.touched = True
            node.ops.append("reword")
            self.log.append(f"reword {node.id} ({rate:.0%})")
            return True
        return False

    def reword_text(self, text: str, rate: float) -> str | None:
        """Return `text` reworded at `rate` from this document's words (`reword_text`)."""
        return reword_text(text, rate, self.rng, self.edit_pool, english=self.english)

    def figure(self) -> bool:
        candidates = [n for n in self.nodes() if self.editable(n, MIN_FIGURE_WORDS)]
        self.rng.shuffle(candidates)
        for node in candidates:
            assert node.text is not None
            spots = figures(node.text)
            if not spots:
                continue
            start, end = self.pick(spots)
            old = node.text[start:end]
            new = change_figure(old, self.rng)
            node.text = node.text[:start] + new + node.text[end:]
            node.relation = "modified"
            node.touched = True
            node.ops.append("figure")
            self.log.append(f"figure {node.id}: {old} -> {new}")
            return True
        return False

    def insert(self) -> bool:
        present = [n.text for n in self.nodes() if n.text]
        present_words = [frozenset(words(t)) for t in present]
        texts = {normal(t) for t in present}
        donors = list(self.donors)
        self.rng.shuffle(donors)
        for donor in donors[:50]:
            assert donor.text is not None
            donor_words = frozenset(words(donor.text))
            if normal(donor.text) in texts or any(
                len(donor_words & other) > MAX_DONOR_OVERLAP * min(len(donor_words), len(other))
                for other in present_words
                if other
            ):
                continue
            lists = self.sibling_lists()
            siblings = self.rng.choices(lists, [len(s) for s in lists])[0]
            index = self.rng.randrange(len(siblings) + 1)
            node = Node(
                id=self.fresh_id("ins"),
                number=None,
                title=donor.title,
                text=donor.text,
                children=[],
                base=None,
                origin=(),
                relation="added",
                touched=True,
                ops=["insert"],
            )
            siblings.insert(index, node)
            self.log.append(f"insert {node.id} at position {index}")
            return True
        return False

    def delete(self) -> bool:
        candidates = [
            (siblings, node)
            for siblings in self.sibling_lists()
            if len(siblings) >= 2
            for node in siblings
            if all(not n.touched and n.base is not None for n in node.walk())
        ]
        self.rng.shuffle(candidates)
        for siblings, node in candidates:
            if moves_are_clear([n for n in siblings if n is not node], self.old_order):
                break
        else:
            return False
        siblings.remove(node)
        self.log.append(f"delete {node.id}" + (" with sub-clauses" if node.children else ""))
        return True

    def run(self, n_ops: int, ops: Sequence[str]) -> None:
        actions: dict[str, Callable[[], bool]] = {
            "renumber": self.renumber,
            "move": lambda: self.move(edit=False),
            "move+edit": lambda: self.move(edit=True),
            "split": self.split,
            "merge": self.merge,
            "reword": self.reword,
            "figure": self.figure,
            "insert": self.insert,
            "delete": self.delete,
        }
        for name, action in HARD_ACTIONS.items():
            actions[name] = functools.partial(action, self)
        for _ in range(n_ops):
            order = list(ops)
            self.rng.shuffle(order)
            for name in order:
                if actions[name]():
                    break

    # -- result -------------------------------------------------------------------------

    def build(self) -> tuple[Plan, Truth]:
        return build_result(self.plan, self.root, self.log, self.deleted_ops)


def mutate(
    plan: Plan,
    rng: random.Random,
    n_ops: int,
    *,
    donors: Sequence[Clause] = (),
    ops: Sequence[str] = OPS,
) -> tuple[Plan, Truth]:
    """Return a copy of `plan` changed by `n_ops` random mutations, and the truth about it.

    `donors` are clauses of *other* documents that `insert` draws from (without them, a few
    built-in paragraphs are used). `ops` restricts the mutations drawn. A mutation that finds no
    clause it may apply to gives way to another one, so fewer than `n_ops` may be applied to a
    small plan; `Truth.log` lists those applied. The same `plan`, seed and arguments always give
    the same result.
    """
    unknown = set(ops) - set(OPS)
    if unknown:
        raise ValueError(f"unknown mutations: {sorted(unknown)}")
    mutator = Mutator(plan, rng, donors or _FALLBACK_DONORS)
    mutator.run(n_ops, ops)
    return mutator.build()


#: Paragraphs for `insert` when no donors are given: neutral prose unlike any plan or law.
_FALLBACK_DONORS: tuple[Clause, ...] = tuple(
    Clause(id=f"donor-{i}", text=text)
    for i, text in enumerate(
        (
            "The observatory publishes a quarterly bulletin describing comet sightings, "
            "telescope maintenance schedules and volunteer training sessions for amateurs.",
            "Beekeepers in the valley rotate hives between orchards and meadows, recording "
            "honey yields, swarm behaviour and the flowering dates of lime trees.",
            "A lighthouse keeper logs fog density, passing vessels and lamp repairs in a "
            "leather journal that is transcribed by the maritime museum each winter.",
            "The chess club meets on Thursday evenings; beginners study endgames while "
            "experienced players analyse openings from recent tournaments and old letters.",
        )
    )
)
