"""Compare two plans: align their clauses, then diff the words inside each pair -> `PlanDiff`."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from planlens.compare.align import align_with_hints, heaviest_increasing
from planlens.compare.model import Change, Flag, Perhaps, PlanDiff, Relation, Segment
from planlens.compare.perhaps import Hints
from planlens.compare.pins import find_pins
from planlens.compare.renumbering import renumbering
from planlens.compare.substance import substance_flags
from planlens.compare.textdiff import diff_words
from planlens.compare.units import (
    FeatureCache,
    Link,
    Unit,
    Vocabulary,
    content_key,
    flatten,
    nfc_plan,
)
from planlens.perf import collector_paused
from planlens.plan.model import Plan


def compare(
    old: Plan, new: Plan, *, corpus: Iterable[Plan] = (), cache: FeatureCache | None = None
) -> PlanDiff:
    """Return how `new` differs from `old`, clause by clause.

    Every clause of either plan appears in exactly one change of the result's tree. `corpus`
    may hold the versions between the two (by `follows`), through which analyst pins compose.
    A `cache` (`planlens.text_cache`) gives each plan's text features as an earlier run worked
    them out, and keeps those it did not have: the result is the same with it or without.
    Raises `PlanFileError` when an analyst pin names a clause that does not exist.
    """
    old, new = nfc_plan(old), nfc_plan(new)
    with collector_paused():
        # The units, the scorer and the builder are freed when `_changes` returns, before the
        # collector runs again: its first pass then walks the result, not all they held.
        changes = _changes(old, new, corpus, cache)
    return PlanDiff(old=old, new=new, changes=changes)


def _changes(
    old: Plan, new: Plan, corpus: Iterable[Plan], cache: FeatureCache | None
) -> tuple[Change, ...]:
    vocabulary = Vocabulary()
    old_units = flatten(old, vocabulary)
    new_units = flatten(new, vocabulary)
    sides = [(old.language, old_units), (new.language, new_units)] if cache is not None else []
    # The features a cache had are taken as known; those it lacked are kept once aligning (whose
    # scorer works out every text's) has them.
    missed = [(language, units) for language, units in sides if not _learn(cache, language, units)]
    pins = find_pins(old, new, old_units, new_units, corpus)
    links, hints = align_with_hints(old_units, new_units, pins)
    for language, units in missed:
        if cache is not None and units:
            texts = _unit_texts(units)
            cache.put(language, texts, vocabulary.features(units[0].stem, texts))
    return _TreeBuilder(old, new, old_units, new_units, links, hints).build()


def _unit_texts(units: Sequence[Unit]) -> list[str]:
    """Return the texts of `units` in order (those without text left out)."""
    return [text for u in units if (text := u.clause.text) is not None]


def _learn(cache: FeatureCache | None, language: str | None, units: Sequence[Unit]) -> bool:
    """Take the features `cache` has of the texts of `units` as known; tell whether it had them
    (a plan with no text has nothing to learn)."""
    if cache is None or not units:
        return True
    texts = _unit_texts(units)
    found = cache.get(language, texts)
    if found is None or len(found) != len(texts):
        return False
    units[0].vocabulary.learn(units[0].stem, texts, found)
    return True


@dataclass
class _Node:
    """A change being built, with its place in the tree."""

    link: Link | None
    old: tuple[int, ...]
    new: tuple[int, ...]
    relation: Relation
    moved: bool = False
    children: list[_Node] = field(default_factory=list)


class _TreeBuilder:
    """Turns links and leftover clauses into the nested tree of changes."""

    def __init__(
        self,
        old: Plan,
        new: Plan,
        old_units: Sequence[Unit],
        new_units: Sequence[Unit],
        links: Sequence[Link],
        hints: Hints,
    ) -> None:
        self.old, self.new = old, new
        self.hints = hints
        self.old_units, self.new_units = old_units, new_units
        # The parties the plans declare; the curated list of `lexicon` is always looked for.
        self.parties = tuple(dict.fromkeys((*old.parties, *new.parties)))
        # Which clause became which, for the flags: a reference renumbered with its provision.
        # Most links pair one clause with one of the same number, which a reference keeps.
        self.renumbering = renumbering(
            (u.clause for u in old_units),
            (u.clause for u in new_units),
            [
                (_ids(old_units, link.old), _ids(new_units, link.new))
                for link in links
                if len(link.old) != 1
                or len(link.new) != 1
                or old_units[link.old[0]].label != new_units[link.new[0]].label
            ],
        )
        self._flag_cache: dict[tuple[str, str], tuple[Flag, ...]] = {}
        self._segment_cache: dict[tuple[str, str], tuple[Segment, ...]] = {}
        self.nodes: list[_Node] = []
        self.node_of_old: dict[int, _Node] = {}
        self.node_of_new: dict[int, _Node] = {}
        for link in links:
            self._add(_Node(link, link.old, link.new, self._link_relation(link)))
        for u in old_units:
            if u.index not in self.node_of_old:
                self._add(_Node(None, (u.index,), (), self._leftover(u, old_side=True)))
        for u in new_units:
            if u.index not in self.node_of_new:
                self._add(_Node(None, (), (u.index,), self._leftover(u, old_side=False)))

    def _add(self, node: _Node) -> None:
        self.nodes.append(node)
        for i in node.old:
            self.node_of_old[i] = node
        for j in node.new:
            self.node_of_new[j] = node

    def _link_relation(self, link: Link) -> Relation:
        if len(link.old) == 1 and len(link.new) == 1:
            # One clause a side, as nearly every link: no lists made to tell it.
            o, n = self.old_units[link.old[0]], self.new_units[link.new[0]]
            if o.norm is None or n.norm is None:
                return "unknown"
            if o.norm == n.norm:
                return "unchanged"
        else:
            units = [self.old_units[i] for i in link.old] + [self.new_units[j] for j in link.new]
            if not all(u.has_text for u in units):
                return "unknown"
            if len(link.old) == 1 and len(link.new) > 1:
                return "split"
            if len(link.old) > 1 and len(link.new) == 1:
                return "merged"
        old_text, new_text = self._texts(link.old, link.new)
        return "modified" if self._flags(old_text, new_text) else "reworded"

    def _flags(self, old_text: str, new_text: str) -> tuple[Flag, ...]:
        """Return the substance flags of a pair (see `substance`), once per pair of texts."""
        key = (old_text, new_text)
        if key not in self._flag_cache:
            self._flag_cache[key] = substance_flags(
                old_text, new_text, self.new.language, self.parties, self.renumbering
            )
        return self._flag_cache[key]

    def _segments(self, old_text: str, new_text: str) -> tuple[Segment, ...]:
        key = (old_text, new_text)
        if key not in self._segment_cache:
            self._segment_cache[key] = diff_words(old_text, new_text)
        return self._segment_cache[key]

    def _leftover(self, unit: Unit, *, old_side: bool) -> Relation:
        """Relation of a clause with no partner: gone or new, unless the other side is partial."""
        other = self.new if old_side else self.old
        plan = self.old if old_side else self.new
        units = self.old_units if old_side else self.new_units
        ids = set()
        at: int | None = unit.index
        while at is not None:
            ids.add(units[at].clause.id)
            at = units[at].parent
        if any(d.clause.plan == plan.id and d.clause.clause in ids for d in other.dropped):
            return "removed" if old_side else "added"
        # Without text, nothing says whether the other version has this clause in other words.
        if other.completeness == "partial" or not unit.has_text:
            return "unknown"
        return "removed" if old_side else "added"

    def _texts(self, olds: Sequence[int], news: Sequence[int]) -> tuple[str, str]:
        """Return each side's text; several clauses on a side are joined as paragraphs."""
        return _joined(self.old_units, olds), _joined(self.new_units, news)

    # -- moves and the tree ---------------------------------------------------------------

    def _mark_moves(self) -> None:
        """Flag pairs whose order among their siblings changed, or whose parent changed.

        A pair keeps its place when its parents are paired with each other and it belongs to the
        longest run of sibling pairs in the same order on both sides; renumbering alone (a
        clause deleted before it) is not a move.
        """
        groups: dict[int | None, list[_Node]] = defaultdict(list)
        for node in self.nodes:
            if not node.old or not node.new:
                continue
            o = self.old_units[node.old[0]]
            n = self.new_units[node.new[0]]
            if o.parent is None and n.parent is None:
                groups[None].append(node)
            elif (
                o.parent is not None
                and n.parent is not None
                and n.parent in self.node_of_old[o.parent].new
            ):
                # Siblings are grouped by their parents' change, not by the new parent alone:
                # under a split parent, the children of all its parts are one sibling group,
                # as they are under the mirror-image merge.
                groups[id(self.node_of_old[o.parent])].append(node)
            else:
                node.moved = True
        span = len(self.old_units) + len(self.new_units)
        prefer = content_key(self.old_units, self.new_units)
        for members in groups.values():
            pairs = [(m.old[0], m.new[0], 1.0) for m in members]
            chain = set(heaviest_increasing(pairs, span, prefer))
            for m in members:
                if (m.old[0], m.new[0]) not in chain:
                    m.moved = True

    def build(self) -> tuple[Change, ...]:
        self._mark_moves()
        roots: list[_Node] = []
        for node in self.nodes:
            parent = self._parent(node)
            (parent.children if parent is not None else roots).append(node)
        return self._freeze(roots)

    def _parent(self, node: _Node) -> _Node | None:
        """Return the change this one nests under: its new clause's parent's, else its old one's."""
        if node.new:
            unit = self.new_units[node.new[0]]
            table = self.node_of_new
        else:
            unit = self.old_units[node.old[0]]
            table = self.node_of_old
        at = unit.parent
        while at is not None:
            parent = table[at]
            if parent is not node:
                return parent
            at = (self.new_units if node.new else self.old_units)[at].parent
        return None

    def _order(self, node: _Node) -> tuple[int, int, int]:
        """Sort key among siblings: new document order.

        A removed clause goes right after the partner of the clause before it in the old plan.
        """
        if node.new:
            return (node.new[0], 0, node.old[0] if node.old else -1)
        i = node.old[0] - 1
        while i >= 0:
            partner = self.node_of_old[i]
            if partner.new:
                return (partner.new[0], 1, node.old[0])
            i -= 1
        return (-1, 1, node.old[0])

    def _freeze(self, nodes: list[_Node]) -> tuple[Change, ...]:
        if not nodes:
            return ()  # most changes have no children: no sort, no generator
        return tuple(self._change(node) for node in sorted(nodes, key=self._order))

    def _change(self, node: _Node) -> Change:
        old_ids = tuple(self.old_units[i].clause.id for i in node.old)
        new_ids = tuple(self.new_units[j].clause.id for j in node.new)
        old_text, new_text = self._texts(node.old, node.new)
        link = node.link
        flags: tuple[Flag, ...] = ()
        segments: tuple[Segment, ...] = ()
        if node.relation == "unchanged":
            segments = (Segment("equal", new_text),)
        elif node.relation in ("reworded", "modified", "split", "merged"):
            segments = self._segments(old_text, new_text)
            flags = self._flags(old_text, new_text)
        elif node.old and not node.new and old_text:
            segments = (Segment("delete", old_text),)
        elif node.new and not node.old and new_text:
            segments = (Segment("insert", new_text),)
        perhaps: tuple[Perhaps, ...] = ()
        if node.relation in ("removed", "added"):
            perhaps = self._perhaps(node)
        renumbered = False
        if len(node.old) == 1 and len(node.new) == 1:
            o, n = self.old_units[node.old[0]].clause, self.new_units[node.new[0]].clause
            if o.number is not None and n.number is not None:
                renumbered = o.number != n.number
            elif o.number is None and n.number is None:
                renumbered = o.id != n.id
        return Change(
            relation=node.relation,
            old=old_ids,
            new=new_ids,
            moved=node.moved,
            renumbered=renumbered,
            score=round(link.score, 4) if link else None,
            runner_up=round(link.runner_up, 4) if link and link.runner_up is not None else None,
            matched_by=link.matched_by if link else None,
            confidence=link_confidence(link) if link else None,
            pinned_via=link.via if link else (),
            perhaps=perhaps,
            flags=flags,
            segments=segments,
            children=self._freeze(node.children),
        )

    def _perhaps(self, node: _Node) -> tuple[Perhaps, ...]:
        """Return the hint for a removed or added clause: where it likeliest went (came from)."""
        if node.old:
            hint, others = self.hints.old.get(node.old[0]), self.new_units
        else:
            hint, others = self.hints.new.get(node.new[0]), self.old_units
        if hint is None:
            return ()
        index, likelihood = hint
        # Two decimals, rounded down: a hint is below the learned pass's threshold (0.9), and
        # must not read as if it reached it.
        shown = round(math.floor(likelihood * 100.0 + 1e-9) / 100.0, 2)
        return (Perhaps(others[index].clause.id, shown),)


def _ids(units: Sequence[Unit], indices: Sequence[int]) -> tuple[str, ...]:
    """Return the ids of the clauses of `units[indices]`."""
    return tuple(units[k].clause.id for k in indices)


def _joined(units: Sequence[Unit], indices: Sequence[int]) -> str:
    """Return the texts of `units[indices]` joined as paragraphs ("" for a missing text)."""
    if len(indices) == 1:
        return units[indices[0]].clause.text or ""  # one clause, as most changes have
    return "\n\n".join(units[k].clause.text or "" for k in indices)


def link_confidence(link: Link) -> float:
    """Return how sure a link is, in [0, 1], from the evidence that made it.

    Analyst pins and identical texts are sure (a pin relayed through other versions a little
    less). A pairing by similarity is as sure as its similarity and its margin over the
    runner-up; one supported by position or structure ("order") needs less similarity for the
    same confidence; a split or merge, as its parts cover the whole. The scale was checked on the
    labelled real pairs of bench/gold, where links below `CHECK_BELOW` are right markedly less
    often than those above (see bench/RESULTS.md).
    """
    if link.matched_by == "pin":
        return 0.95 if link.via else 1.0
    if link.matched_by == "exact":
        return 1.0
    score = link.score
    if link.matched_by in ("split", "merge"):
        return round(min(1.0, 0.5 + 0.4 * score), 2)
    margin = score - (link.runner_up or 0.0)
    if link.matched_by == "order":
        confidence = 0.75 + 0.25 * min(1.0, score / 0.6)
        if score < 0.6 and margin < 0.1:
            confidence -= 0.1
    else:
        confidence = 0.45 + 0.55 * min(1.0, max(0.0, score - 0.2) / 0.5)
        if score < 0.7 and margin < 0.1:
            confidence -= 0.1
    return round(max(0.0, min(1.0, confidence)), 2)
