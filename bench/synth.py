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
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import re
import string
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from planlens.plan.model import Clause, Plan

_T = TypeVar("_T")

LinkRelation = Literal["unchanged", "reworded", "modified", "split", "merged"]

#: Every mutation, in the order documented above.
OPS: tuple[str, ...] = (
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

MIN_EDIT_WORDS = 8
MIN_FIGURE_WORDS = 5
MIN_PART_WORDS = 8
MIN_PART_SHARE = 0.25
MIN_MOVE_DISTANCE = 3
MIN_MOVE_SIBLINGS = 5
REWORD_RATE = (0.15, 0.25)
MOVE_EDIT_RATE = 0.20
#: An inserted clause may share at most this share of its words with any clause present.
MAX_DONOR_OVERLAP = 0.5

_WORD_RE = re.compile(r"([^\W\d_]+(?:[-'’][^\W\d_]+)*)")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_RANGE_RE = re.compile(r"(\d+)(\s*(?:bis|-|–|to)\s*)(\d+)(?!.*\d)")
_COUNTER_RE = re.compile(r"\d+|(?<![A-Za-z0-9])[A-Za-z](?![A-Za-z])")
_DOUBLE_SPACE_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
_SPLIT_RE = re.compile(r"(?<=[.;:])\s+(?=\S)|\n\s*\n")

#: Words whose change alters substance, in English and German: negation, modality, condition,
#: scope, time and deadlines, number words and units (a unit belongs to the figure before it),
#: and the small words of fixed phrases ("as soon as possible", "subject to", "in case").
#: They are never rewritten, never deleted, and never inserted by `reword`.
_PROTECTED = """
    not no never nor neither none nothing nobody without cannot non unless except excluding
    shall must may might can could should will would ought need needs required require requires
    obliged entitled allowed permitted prohibited forbidden expected
    if provided subject to only until when whenever where whereas once while after before case
    as long soon possible later than within immediately deadline end peacetime wartime
    all any each every some both either including includes exclusively full fully entire
    partial partially whole
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty sixty hundred thousand million billion half double twice percent per cent bn km mm
    day days week weeks month months year years hour hours
    january february march april june july august september october november december
    nicht kein nie niemals ohne weder noch nichts niemand
    muss müssen musste mussten soll sollen sollte sollten darf dürfen durfte durften kann können
    konnte konnten könnte könnten will wollen wollte mag mögen möge wird werden wurde wurden
    wenn falls sofern soweit solange außer ausser sei denn nur bis zum sobald bevor nachdem
    binnen innerhalb unverzüglich spätestens insbesondere mindestens höchstens
    eins zwei drei vier fünf sechs sieben acht neun zehn zwölf zwanzig hundert tausend hälfte
    tag tage tagen woche wochen monat monate monaten jahr jahre jahren prozent milliarde
    milliarden million millionen
    januar februar märz april mai juni juli august september oktober november dezember
"""
#: Word beginnings that make a word protected too (keine, allen, jedem, sämtlicher, ...).
PROTECTED_PREFIXES: tuple[str, ...] = ("kein", "alle", "jede", "einige", "sämtlich")
PROTECTED_WORDS: frozenset[str] = frozenset(_PROTECTED.split())


@dataclass(frozen=True, slots=True)
class TruthLink:
    """Old clauses `old` became new clauses `new` (1:1, a split 1:n, or a merge n:1)."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    relation: LinkRelation
    moved: bool = False
    renumbered: bool = False
    #: The mutations that touched this link; empty when it was left alone.
    ops: tuple[str, ...] = ()

    def pairs(self) -> frozenset[tuple[str, str]]:
        """Return the (old id, new id) pairs this link stands for."""
        return frozenset((o, n) for o in self.old for n in self.new)


@dataclass(frozen=True, slots=True)
class Truth:
    """What a correct comparison of the old plan with its mutated copy reports."""

    links: tuple[TruthLink, ...]
    #: New clause ids that come from no old clause.
    inserted: tuple[str, ...]
    #: Old clause ids that are in no new clause.
    deleted: tuple[str, ...]
    #: One line per mutation applied, in order, for reading failures.
    log: tuple[str, ...] = ()

    def pairs(self) -> frozenset[tuple[str, str]]:
        """Return every true (old id, new id) pair."""
        return frozenset(pair for link in self.links for pair in link.pairs())

    def sources(self) -> dict[str, tuple[str, ...]]:
        """Map every new clause id to the old ids it comes from (empty: inserted)."""
        out: dict[str, tuple[str, ...]] = {new_id: () for new_id in self.inserted}
        for link in self.links:
            for new_id in link.new:
                out[new_id] = link.old
        return out

    def is_deleted(self, old_id: str) -> bool:
        """Tell whether the old clause `old_id` has no counterpart in the new plan."""
        return old_id in self.deleted

    def ops_applied(self) -> tuple[str, ...]:
        """Return the names of the mutations applied, in order."""
        return tuple(line.split(" ", 1)[0] for line in self.log)


@dataclass(eq=False)
class _Node:
    """A clause of the plan being mutated, with where it came from."""

    id: str
    number: str | None
    title: str | None
    text: str | None
    children: list[_Node]
    base: Clause | None
    origin: tuple[str, ...]
    relation: str = "unchanged"
    moved: bool = False
    touched: bool = False
    ops: list[str] = field(default_factory=list)

    def walk(self) -> Iterator[_Node]:
        yield self
        for child in self.children:
            yield from child.walk()


class _Mutator:
    """The state of one `mutate` call: the node tree, the used ids and the random source."""

    def __init__(self, plan: Plan, rng: random.Random, donors: Sequence[Clause]) -> None:
        self.plan = plan
        self.rng = rng
        self.donors = [d for d in donors if d.text and _word_count(d.text) >= MIN_EDIT_WORDS]
        self.root: list[_Node] = [_node(c) for c in plan.clauses]
        old = list(plan.walk())
        self.old_by_id = {c.id: c for c in old}
        self.old_order = {c.id: i for i, c in enumerate(old)}
        self.used_ids: set[str] = set(self.old_by_id)
        self.log: list[str] = []
        self.english = (plan.language or "en").startswith("en")
        words = _word_pool(c.text for c in old if c.text)
        self.edit_pool = [w for w in words if self._editable_word(w)]

    # -- helpers ------------------------------------------------------------------------

    def sibling_lists(self) -> list[list[_Node]]:
        """Return the root list and every non-empty list of sub-clauses, in document order."""
        lists = [self.root]
        for node in self.nodes():
            if node.children:
                lists.append(node.children)
        return lists

    def nodes(self) -> Iterator[_Node]:
        for node in self.root:
            yield from node.walk()

    def fresh_id(self, base: str) -> str:
        k = 1
        while f"{base}-n{k}" in self.used_ids:
            k += 1
        new_id = f"{base}-n{k}"
        self.used_ids.add(new_id)
        return new_id

    def editable(self, node: _Node, min_words: int) -> bool:
        return (
            not node.touched
            and node.base is not None
            and node.text is not None
            and _word_count(node.text) >= min_words
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
                plan = self._renumber_plan(siblings[start:], delta)
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

    def _renumber_plan(
        self, block: list[_Node], delta: int
    ) -> list[tuple[_Node, str, str | None]] | None:
        """Return (node, new id, new number) for `block` shifted by `delta`, None if impossible.

        Impossible: nothing in the block has a number, or the result would reuse an id of the
        plan or a number label of a sibling.
        """
        changes: list[tuple[_Node, str, str | None]] = []
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
                changes.extend(_rename_under(child, node.id, new_id, node.number, new_number))
        if not any(node in block for node, _, _ in changes):
            return None
        moved_nodes = {id(node) for node, _, _ in changes}
        kept_ids = {n.id for n in self.nodes() if id(n) not in moved_nodes}
        new_ids = [new_id for _, new_id, _ in changes]
        if len(set(new_ids)) != len(new_ids) or kept_ids & set(new_ids):
            return None
        siblings = next(s for s in self.sibling_lists() if block[0] in s)
        renamed = {id(node): number for node, _, number in changes}
        labels = [renamed.get(id(n), n.number) for n in siblings]
        present = [label for label in labels if label is not None]
        if len(set(present)) != len(present):
            return None
        return changes

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
                if self._moves_are_clear(trial):
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

    def _moves_are_clear(self, siblings: Sequence[_Node]) -> bool:
        """Tell whether the moved clauses among `siblings` are the one explanation of the order.

        True when the clauses not moved are in old order and form the *only* longest increasing
        run: then every alignment that keeps as many clauses in place as possible reports
        exactly these clauses as moved. (A swap of neighbours, or two clauses moved past each
        other, have two equally good explanations; the truth would be a coin toss.)
        """
        keys: list[tuple[int, int]] = []
        moved: list[bool] = []
        for node in siblings:
            if node.origin:
                # Split pieces share their origin: number them so that keys stay distinct.
                keys.append((self.old_order[node.origin[0]], len(keys)))
                moved.append(node.moved)
        stayed = [key for key, m in zip(keys, moved, strict=True) if not m]
        if any(a >= b for a, b in itertools.pairwise(stayed)):
            return False
        ending = _increasing_lengths(keys)
        starting = _increasing_lengths([(-a, -b) for a, b in reversed(keys)])[::-1]
        longest = max(ending, default=0)
        if longest != len(stayed):
            return False
        return all(ending[i] + starting[i] - 1 < longest for i in range(len(keys)) if moved[i])

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
            cut = _split_point(node.text)
            if cut is None:
                continue
            first, second = node.text[:cut].rstrip(), node.text[cut:].lstrip()
            index = siblings.index(node)
            labels = {n.number for n in siblings}
            number = f"{node.number}a" if node.number and f"{node.number}a" not in labels else None
            piece = _Node(
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
            if _mergeable(self, siblings[i], siblings[i + 1])
        ]
        if not candidates:
            return False
        self.rng.shuffle(candidates)
        for siblings, i in candidates:
            if self._moves_are_clear(siblings[: i + 1] + siblings[i + 2 :]):
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
        """Return `text` with `rate` of its words replaced, deleted or joined by another.

        Only words that may change (`_editable_at`) are edited, and only such words of the
        document are brought in. None if the text has too few such words for the rate, or the
        edits happen to give the text back.
        """
        parts = _WORD_RE.split(text)
        positions = [i for i in range(1, len(parts), 2) if self._editable_at(parts, i)]
        wanted = max(1, round(rate * (len(parts) // 2)))
        if len(positions) < wanted or not self.edit_pool:
            return None
        for i in sorted(self.rng.sample(positions, wanted)):
            kind = self.rng.choices(("replace", "insert", "delete"), (2, 1, 1))[0]
            if kind == "replace":
                choice = self.pick(self.edit_pool)
                while choice.casefold() == parts[i].casefold() and len(self.edit_pool) > 1:
                    choice = self.pick(self.edit_pool)
                parts[i] = choice
            elif kind == "insert":
                parts[i] = f"{parts[i]} {self.pick(self.edit_pool)}"
            else:
                parts[i] = ""
        # A deleted word leaves the spaces on both sides of it: make them one.
        new = _DOUBLE_SPACE_RE.sub(" ", "".join(parts)).lstrip(" ")
        return None if _normal(new) == _normal(text) else new

    def _editable_word(self, word: str) -> bool:
        """Tell whether `word` may be rewritten, or inserted, by `reword`."""
        if len(word) < 2 or word.casefold().endswith(("n't", "n’t")):
            return False  # too short to matter, or a negation (don't, can't)
        # A compound is protected when a part is: "all-for-all", "non-aggression", and an
        # acronym names a party even inside one: "NATO-led", "BOS-Funk".
        for part in re.split(r"[-'’]", word):
            folded = part.casefold()
            if folded in PROTECTED_WORDS or folded.startswith(PROTECTED_PREFIXES):
                return False
            if len(part) > 1 and part.isupper():
                return False
        return not (self.english and word[0].isupper())

    def _editable_at(self, parts: list[str], i: int) -> bool:
        """Tell whether the word `parts[i]` may be edited where it stands.

        Besides the word itself: in English, a word next to a capitalised one may be part of a
        name (Line of Contact); the two words after "within" belong to a deadline.
        """
        if not self._editable_word(parts[i]):
            return False
        before = [parts[k].casefold() for k in (i - 4, i - 2) if k >= 1]
        if "within" in before:
            return False
        if self.english:
            neighbours = [parts[k] for k in (i - 2, i + 2) if 1 <= k < len(parts)]
            if any(w[:1].isupper() for w in neighbours):
                return False
        return True

    def figure(self) -> bool:
        candidates = [n for n in self.nodes() if self.editable(n, MIN_FIGURE_WORDS)]
        self.rng.shuffle(candidates)
        for node in candidates:
            assert node.text is not None
            spots = _figures(node.text)
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
        present_words = [frozenset(_words(t)) for t in present]
        texts = {_normal(t) for t in present}
        donors = list(self.donors)
        self.rng.shuffle(donors)
        for donor in donors[:50]:
            assert donor.text is not None
            words = frozenset(_words(donor.text))
            if _normal(donor.text) in texts or any(
                len(words & other) > MAX_DONOR_OVERLAP * min(len(words), len(other))
                for other in present_words
                if other
            ):
                continue
            lists = self.sibling_lists()
            siblings = self.rng.choices(lists, [len(s) for s in lists])[0]
            index = self.rng.randrange(len(siblings) + 1)
            node = _Node(
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
            if self._moves_are_clear([n for n in siblings if n is not node]):
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
        for _ in range(n_ops):
            order = list(ops)
            self.rng.shuffle(order)
            for name in order:
                if actions[name]():
                    break

    # -- result -------------------------------------------------------------------------

    def build(self) -> tuple[Plan, Truth]:
        clauses = tuple(self._clause(node) for node in self.root)
        plan = dataclasses.replace(
            self.plan,
            id=f"{self.plan.id}-mutated",
            clauses=clauses,
            follows=(self.plan.id,),
            expected_clauses=None,
            dropped=(),
            path=None,
            location=None,
        )
        groups: dict[tuple[str, ...], list[_Node]] = {}
        inserted: list[str] = []
        for node in self.nodes():
            if not node.origin:
                inserted.append(node.id)
            else:
                groups.setdefault(node.origin, []).append(node)
        links: list[TruthLink] = []
        for origin, members in groups.items():
            head = members[0]
            renumbered = False
            if len(origin) == 1 and len(members) == 1:
                # As `compare` reads it: the label changed, or the id where there is no label.
                old_clause = self.old_by_id[origin[0]]
                if old_clause.number is None and head.number is None:
                    renumbered = old_clause.id != head.id
                else:
                    renumbered = old_clause.number != head.number
            ops: list[str] = []
            for member in members:
                ops.extend(op for op in member.ops if op not in ops)
            links.append(
                TruthLink(
                    old=origin,
                    new=tuple(m.id for m in members),
                    relation=_link_relation(head.relation),
                    moved=head.moved,
                    renumbered=renumbered,
                    ops=tuple(ops),
                )
            )
        linked_old = {o for link in links for o in link.old}
        deleted = tuple(c.id for c in self.plan.walk() if c.id not in linked_old)
        truth = Truth(tuple(links), tuple(inserted), deleted, tuple(self.log))
        _check(self.plan, plan, truth)
        return plan, truth

    def _clause(self, node: _Node) -> Clause:
        children = tuple(self._clause(child) for child in node.children)
        if node.base is None:
            return Clause(
                id=node.id, text=node.text, number=node.number, title=node.title, clauses=children
            )
        return dataclasses.replace(
            node.base,
            id=node.id,
            number=node.number,
            title=node.title,
            text=node.text,
            clauses=children,
            same_as=None,
            derived_from=(),
            location=None,
        )


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
    mutator = _Mutator(plan, rng, donors or _FALLBACK_DONORS)
    mutator.run(n_ops, ops)
    return mutator.build()


# -- pure helpers -------------------------------------------------------------------------


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


def change_figure(number: str, rng: random.Random) -> str:
    """Return `number` with one digit changed, keeping its format (600,000 -> 800,000).

    The leading digit changes (to non-zero), except in a four-digit number starting 19 or 20,
    which reads as a year and gets its last digit changed instead.

    >>> change_figure("2015", random.Random(1))[:3]
    '201'
    """
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    plain = number.replace(",", "").replace(".", "")
    if len(plain) == 4 and plain[:2] in ("19", "20"):
        position, lowest = digits[-1], 0
    else:
        position, lowest = digits[0], 1 if len(digits) > 1 else 0
    old = number[position]
    choices = [str(d) for d in range(lowest, 10) if str(d) != old]
    return number[:position] + rng.choice(choices) + number[position + 1 :]


def _figures(text: str) -> list[tuple[int, int]]:
    """Return the spans of numbers in `text` that are figures, not list or paragraph markers."""
    spots = []
    for match in _NUMBER_RE.finditer(text):
        start, end = match.span()
        before, after = text[max(0, start - 1) : start], text[end : end + 1]
        if before == "(" and after == ")":
            continue  # "(2)": a paragraph marker
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip() and after in (".", ")"):
            continue  # "2." at the start of a line: a list marker
        if before.isalpha() or (after.isalpha() and after.isascii()):
            continue  # part of a word or a label such as 31a
        spots.append((start, end))
    return spots


def _split_point(text: str) -> int | None:
    """Return where to cut `text` in two (a sentence, clause or paragraph boundary), if any.

    The boundary nearest the middle whose pieces have `MIN_PART_WORDS` words each and are in
    proportion at least `MIN_PART_SHARE` wins.
    """
    total = _word_count(text)
    best: tuple[float, int] | None = None
    for match in _SPLIT_RE.finditer(text):
        left = _word_count(text[: match.start()])
        right = total - left
        if min(left, right) < MIN_PART_WORDS or min(left, right) < MIN_PART_SHARE * max(
            left, right
        ):
            continue
        distance = abs(left - right)
        if best is None or distance < best[0]:
            best = (distance, match.end())
    return None if best is None else best[1]


def _mergeable(mutator: _Mutator, a: _Node, b: _Node) -> bool:
    if a.children or b.children:
        return False
    if not (mutator.editable(a, MIN_PART_WORDS) and mutator.editable(b, MIN_PART_WORDS)):
        return False
    assert a.text is not None and b.text is not None
    wa, wb = _word_count(a.text), _word_count(b.text)
    return min(wa, wb) >= MIN_PART_SHARE * max(wa, wb)


def _rename_under(
    node: _Node, old_prefix: str, new_prefix: str, old_number: str, new_number: str
) -> list[tuple[_Node, str, str | None]]:
    """Return the renames of `node` and its descendants whose ids embed a renamed parent id."""
    out: list[tuple[_Node, str, str | None]] = []
    new_id = _swap_prefix(node.id, old_prefix, new_prefix)
    number = node.number
    if number is not None:
        number = _swap_prefix(number, old_number, new_number) or number
    if new_id is not None:
        out.append((node, new_id, number))
        for child in node.children:
            out.extend(_rename_under(child, node.id, new_id, node.number or "", number or ""))
    return out


def _swap_prefix(value: str, old: str, new: str) -> str | None:
    if old and value.startswith(old) and value[len(old) : len(old) + 1] in (".", "-", "_", " "):
        return new + value[len(old) :]
    return None


def _increasing_lengths(keys: Sequence[tuple[int, int]]) -> list[int]:
    """Return, for each key, the length of the longest increasing run of `keys` ending there."""
    tails: list[tuple[int, int]] = []
    out: list[int] = []
    for key in keys:
        i = bisect_left(tails, key)
        if i == len(tails):
            tails.append(key)
        else:
            tails[i] = key
        out.append(i + 1)
    return out


def _node(clause: Clause) -> _Node:
    return _Node(
        id=clause.id,
        number=clause.number,
        title=clause.title,
        text=clause.text,
        children=[_node(c) for c in clause.clauses],
        base=clause,
        origin=(clause.id,),
    )


def _link_relation(relation: str) -> LinkRelation:
    if relation in ("unchanged", "reworded", "modified", "split", "merged"):
        return relation  # type: ignore[return-value]
    raise AssertionError(f"not a link relation: {relation}")


def _word_pool(texts: Iterator[str] | Sequence[str]) -> list[str]:
    """Return the distinct words of `texts` in first-seen order (deterministic)."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in _WORD_RE.findall(text):
            if len(word) >= 3:
                seen.setdefault(word, None)
    return list(seen)


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD_RE.findall(text)]


def _word_count(text: str) -> int:
    return len(text.split())


def _normal(text: str) -> str:
    return " ".join(text.split())


def _check(old: Plan, new: Plan, truth: Truth) -> None:
    """Fail loudly if the truth does not account for every clause exactly once."""
    new_ids = [c.id for c in new.walk()]
    if len(set(new_ids)) != len(new_ids):
        raise AssertionError(f"duplicate ids in mutated plan {new.id}")
    old_seen = [o for link in truth.links for o in link.old] + list(truth.deleted)
    new_seen = [n for link in truth.links for n in link.new] + list(truth.inserted)
    if sorted(old_seen) != sorted(c.id for c in old.walk()):
        raise AssertionError("truth does not account for every old clause exactly once")
    if sorted(new_seen) != sorted(new_ids):
        raise AssertionError("truth does not account for every new clause exactly once")


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
