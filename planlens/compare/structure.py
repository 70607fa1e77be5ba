"""Alignment by structure: headings by the points under them, points by their number and place.

Word overlap cannot pair a heading rewritten beyond recognition ("Miscellaneous" -> "Other Terms
and Conditions") or a point that kept its number but got new words ("7." in both, rewritten).
The document's structure can: the points under the two headings were paired with each other,
or the point is the only one of its number left on either side, under parents already paired,
or the only one left between the same two paired points (its slot).

Both passes decide from the links as they stand and treat old and new alike, so comparing B with
A mirrors comparing A with B.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Sequence

from planlens.compare.matching import Options, Scorer
from planlens.compare.units import Link, LinkState, Unit

#: Least rarity-weighted word overlap for the last clause of a number left on both sides under
#: paired parents: the number and the place are the evidence, the text need only agree a
#: little. Topics in common count as agreeing, if the texts share some rare wording
#: (`TOPIC_OVERLAP_MIN`): a point replaced by a new one on the same broad topic ("sanctions")
#: shares next to none.
LABEL_MIN = 0.15
TOPIC_OVERLAP_MIN = 0.05
#: Between the same two paired points, under paired parents, free points that are each other's
#: strict best match in that slot are paired down to this similarity: the place is evidence.
SLOT_MIN = 0.2
#: A slot larger than this (old × new free points) is left to the passes before.
SLOT_CELLS = 36
#: Where some points moved (the anchors cross), a slot lies between two anchors of the longest
#: chain that keeps its order, and a point paired there must have no match elsewhere better
#: than this one by more than this: a point with a better match elsewhere may have moved too.
SLOT_MOVED_MARGIN = 0.03
#: A heading joins the clause its sub-points came from when at least this many of them (and
#: at least half) lead there.
HEADING_MIN_PARTS = 2
#: Parents with fewer than half their children paired to each other (one at least) are paired
#: when their own texts are this alike: `MUTUAL_MIN`, the floor of a pair supported by nothing
#: but being each other's best match; here the paired child supports it too.
PARENT_SIM_MIN = 0.3
#: The top level, as a parent key.
TOP = -1


def parent_links(
    old: Sequence[Unit], new: Sequence[Unit], state: LinkState, scorer: Scorer
) -> list[Link]:
    """Link free parents whose sub-clauses are linked to each other.

    A pair of parents at the same depth qualifies when the links between their children are at
    least half of the smaller one's children (and at least one), and each parent is the other's
    only best such partner. Fewer children in common suffice (one at least) when the parents'
    own texts agree (`PARENT_SIM_MIN`): a lead-in rewritten ("The territorial arrangements are
    as follows." -> "Territory: no consensus has been reached.") over points mostly replaced.
    Deepest parents first, so that paired sub-headings support their own parents.
    """
    children_old = _children(old)
    children_new = _children(new)
    depth_old = _depths(old)
    depth_new = _depths(new)
    links: list[Link] = []
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    depths = sorted({depth_old[p] for p in children_old} & {depth_new[q] for q in children_new})
    for depth in reversed(depths):
        support: dict[tuple[int, int], int] = defaultdict(int)
        for link in (*state.links, *links):  # links found deeper count as support too
            for i in link.old:
                for j in link.new:
                    p, q = old[i].parent, new[j].parent
                    if p is None or q is None or depth_old[p] != depth or depth_new[q] != depth:
                        continue
                    if state.old_free(p) and state.new_free(q):
                        support[p, q] += 1
        best_old = _unique_best(support, 0)
        best_new = _unique_best(support, 1)
        for (p, q), count in sorted(support.items()):
            if best_old.get(p) != q or best_new.get(q) != p or p in taken_old or q in taken_new:
                continue
            smaller = min(len(children_old[p]), len(children_new[q]))
            if count >= max(1, smaller / 2) or scorer.sim(p, q) >= PARENT_SIM_MIN:
                taken_old.add(p)
                taken_new.add(q)
                links.append(Link((p,), (q,), "order", min(1.0, count / smaller)))
    return links


def label_links(
    old: Sequence[Unit], new: Sequence[Unit], state: LinkState, scorer: Scorer
) -> list[Link]:
    """Link a point that keeps its number and place but whose text was rewritten.

    Under parents linked one to one (or at the top level of both), when exactly one free old
    clause and exactly one free new clause carry the same label, they are the same point unless
    their texts disagree entirely: structure is the evidence, and a little shared wording (or a
    shared topic) confirms it. A truly new point with a recycled number shares nothing. Only
    where numbering was kept: of the links between the two parents' children, at least as many
    must keep their labels as change them, so that in a renumbered text (where § 18 is now
    another section) labels say nothing.
    """
    partner: dict[int, int] = {TOP: TOP}
    for link in state.links:
        if len(link.old) == 1 and len(link.new) == 1:
            partner[link.old[0]] = link.new[0]
    kept: dict[tuple[int, int], int] = defaultdict(int)
    changed: dict[tuple[int, int], int] = defaultdict(int)
    for link in state.links:
        if len(link.old) != 1 or len(link.new) != 1:
            continue
        a, b = old[link.old[0]], new[link.new[0]]
        key = (_parent(a), _parent(b))
        if a.label == b.label:
            kept[key] += 1
        else:
            changed[key] += 1
    free_old: dict[tuple[int, str], list[int]] = defaultdict(list)
    free_new: dict[tuple[int, str], list[int]] = defaultdict(list)
    for u in old:
        if state.old_free(u.index) and _parent(u) in partner:
            free_old[partner[_parent(u)], u.label].append(u.index)
    for u in new:
        if state.new_free(u.index):
            free_new[_parent(u), u.label].append(u.index)
    links: list[Link] = []
    for slot in sorted(free_old.keys() & free_new.keys()):
        olds, news = free_old[slot], free_new[slot]
        if len(olds) != 1 or len(news) != 1:
            continue
        i, j = olds[0], news[0]
        if not old[i].has_text or not new[j].has_text:
            continue  # unknown text: the gap pass already decides those by label
        pair = (_parent(old[i]), _parent(new[j]))
        if kept[pair] == 0 or kept[pair] < changed[pair]:
            continue
        # Rarity-weighted overlap, not difflib's ratio: stock words in the same order ("the
        # ... of the ...") must not make a replaced point look like its predecessor.
        if _agree(old[i], new[j], scorer.overlap(i, j)):
            links.append(Link((i,), (j,), "order", scorer.sim(i, j)))
    return links


def slot_links(
    old: Sequence[Unit],
    new: Sequence[Unit],
    state: LinkState,
    options: Options,
    in_order: Callable[[list[tuple[int, int]]], list[tuple[int, int]]],
) -> list[Link]:
    """Link the one free point left between two paired points, under paired parents.

    Under parents linked to each other (one to one, or as a whole and one of its parts, or at
    the top level of both), the children paired with
    each other are anchors; when, between two consecutive anchors (or an anchor and the end),
    exactly one old child and exactly one new child are left free, they hold the same slot:
    the point between the same two neighbours. When one side's text was never published, the
    slot is all the evidence there is, so it must lie between two anchors; when both have
    text, it must agree a little, as for `label_links` (the labels may differ: "c" became
    "3"). A larger slot pairs the points that are each other's strict best match in it, at
    `SLOT_MIN` or more.

    The anchors must keep their order, or the slot means nothing. Where some cross (a short
    paper whose points were reordered as they were rewritten), the anchors kept are those of
    `in_order`, the heaviest chain of (old, new) anchor pairs that keeps its order (the moved
    points left out), and a pair is linked only if neither of its points has a match elsewhere
    better by more than `SLOT_MOVED_MARGIN` (`Options.best_other`), which a point that moved
    with the others would have, and, where both have topics, they share one.
    """
    scorer = options.scorer
    children_old, children_new = _children(old), _children(new)
    children_old[TOP] = [u.index for u in old if u.parent is None]
    children_new[TOP] = [u.index for u in new if u.parent is None]
    parents = [(TOP, TOP)] + [(i, j) for link in state.links for i in link.old for j in link.new]
    links: list[Link] = []
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for p, q in sorted(parents):
        kids_old, kids_new = children_old.get(p, []), children_new.get(q, [])
        if not kids_old or not kids_new:
            continue
        place = {j: k for k, j in enumerate(kids_new)}
        anchors: list[tuple[int, int]] = []
        for k, i in enumerate(kids_old):
            link = state.old_link[i]
            if link is None or len(link.old) != 1 or len(link.new) != 1:
                continue
            if link.new[0] in place:
                anchors.append((k, place[link.new[0]]))
        moved = any(b[1] <= a[1] for a, b in itertools.pairwise(anchors))
        if moved:
            # The anchors cross: the slots lie between the anchors of the chain kept in order.
            pairs = in_order([(kids_old[a], kids_new[b]) for a, b in anchors])
            place_old = {i: k for k, i in enumerate(kids_old)}
            anchors = [(place_old[i], place[j]) for i, j in pairs]
        bounds = [(-1, -1), *anchors, (len(kids_old), len(kids_new))]
        for (a0, b0), (a1, b1) in itertools.pairwise(bounds):
            # A parent split in two is paired with both halves: a point goes to one slot only.
            olds = [i for i in kids_old[a0 + 1 : a1] if state.old_free(i) and i not in taken_old]
            news = [j for j in kids_new[b0 + 1 : b1] if state.new_free(j) and j not in taken_new]
            found: list[Link] = []
            if len(olds) == len(news) == 1 and (a1 - a0, b1 - b0) == (2, 2):
                i, j = olds[0], news[0]
                if not old[i].has_text or not new[j].has_text:
                    if a0 < 0 or a1 == len(kids_old):
                        continue  # no text: the place must be between two paired points
                elif not _agree(old[i], new[j], scorer.overlap(i, j)):
                    continue
                found.append(Link((i,), (j,), "order", scorer.sim(i, j)))
            elif olds and news and len(olds) * len(news) <= SLOT_CELLS:
                found.extend(_slot_bests(olds, news, scorer))
            if moved:
                found = [link for link in found if _stays(link, old, new, options)]
            taken_old.update(link.old[0] for link in found)
            taken_new.update(link.new[0] for link in found)
            links.extend(found)
    return links


def _stays(link: Link, old: Sequence[Unit], new: Sequence[Unit], options: Options) -> bool:
    """Tell whether neither point of a one-to-one link has a match elsewhere better by more
    than `SLOT_MOVED_MARGIN` (else it may be one of the points that moved), and whether the
    two are on a subject in common where both have topics: where points moved, a place
    between two anchors is weak evidence, and topics that differ outweigh it."""
    i, j = link.old[0], link.new[0]
    topics_old, topics_new = set(old[i].clause.topics), set(new[j].clause.topics)
    if topics_old and topics_new and not topics_old & topics_new:
        return False
    need = options.sim(i, j) + SLOT_MOVED_MARGIN
    elsewhere = options.best_other(i, j, at_least=need)
    return elsewhere is None or elsewhere < need


def _agree(a: Unit, b: Unit, overlap: float) -> bool:
    """Tell whether two clauses in the same place agree enough to be the same point: their
    rare words (`LABEL_MIN`), or a topic in common and a little rare wording."""
    if overlap >= LABEL_MIN:
        return True
    return overlap >= TOPIC_OVERLAP_MIN and bool(set(a.clause.topics) & set(b.clause.topics))


def _slot_bests(olds: Sequence[int], news: Sequence[int], scorer: Scorer) -> list[Link]:
    """Link the free points of one slot that are each other's strict best there, in order."""
    # Rare words must agree a little too (as for `label_links`): difflib's ratio alone counts
    # stock words in the same order ("is to be ... of the ..."), which a replaced point keeps.
    sims = {
        (i, j): scorer.sim(i, j) if scorer.overlap(i, j) >= LABEL_MIN else 0.0
        for i in olds
        for j in news
    }

    def best(row: list[tuple[float, int]]) -> int | None:
        row.sort(reverse=True)
        if not row or row[0][0] < SLOT_MIN or (len(row) > 1 and row[1][0] == row[0][0]):
            return None
        return row[0][1]

    best_new = {i: best([(sims[i, j], j) for j in news]) for i in olds}
    best_old = {j: best([(sims[i, j], i) for i in olds]) for j in news}
    chosen = [(i, j) for i, j in best_new.items() if j is not None and best_old[j] == i]
    # Mutual bests in a crossing order contradict the slot: keep only pairs crossing none.
    kept = [
        (i, j)
        for i, j in chosen
        if not any((a < i) != (b < j) for a, b in chosen if (a, b) != (i, j))
    ]
    return [Link((i,), (j,), "order", sims[i, j]) for i, j in kept]


def heading_links(old: Sequence[Unit], new: Sequence[Unit], state: LinkState) -> int:
    """Join a free parent to the clause its sub-points came from: a heading follows its parts.

    When a clause is split into the points of a new heading ("Attribution" with (1), (2), (3)),
    or points are gathered under one, the heading shares no words with anything, but its
    sub-points were paired: if at least two of them, and at least half, lead to one clause of
    the other side (the clause itself or one above it, the nearest such), the heading is a
    version of that clause too. It joins that clause's link as one more part (or makes a new
    link if that clause is free). All proposals are made from the links as they stand, for both
    sides at once, so that comparing B with A mirrors comparing A with B; rounds repeat so that
    a heading above a heading follows. Returns how many clauses were joined.
    """
    children_old, children_new = _children(old), _children(new)
    sides = (
        (old, new, state.old_link, state.new_link, children_old, children_new, "o"),
        (new, old, state.new_link, state.old_link, children_new, children_old, "n"),
    )
    joined = 0
    while True:
        proposals: dict[tuple[str, int], int] = {}
        for units, others, links, other_links, children, other_children, side in sides:
            for h, kids in children.items():
                if links[h] is not None or not kids:
                    continue
                home = _home(units, h, kids, links, others, other_links, other_children, side)
                if home is not None:
                    proposals[side, h] = home
        # A clause cannot both join and be joined in one round: such pairs wait a round. Nor
        # can one link gain clauses on both sides (which would go first is a matter of which
        # side is called old): those wait too, and are dropped if they meet again.
        homes = {("n" if side == "o" else "o", home) for (side, _), home in proposals.items()}
        sides_of: dict[object, set[str]] = defaultdict(set)
        for (side, _), home in proposals.items():
            sides_of[_target(state, side, home)].add(side)
        changed = False
        for (side, h), home in sorted(proposals.items()):
            if (side, h) in homes or len(sides_of[_target(state, side, home)]) > 1:
                continue
            i, j = (h, home) if side == "o" else (home, h)
            if _join(state, i, j, side):
                joined += 1
                changed = True
        if not changed:
            return joined


def _target(state: LinkState, side: str, home: int) -> object:
    """Return what a proposal of `side` joining `home` changes: the home's link, or the home."""
    link = state.old_link[home] if side == "n" else state.new_link[home]
    return id(link) if link is not None else ("o" if side == "n" else "n", home)


def _home(
    units: Sequence[Unit],
    head: int,
    kids: Sequence[int],
    links: Sequence[Link | None],
    others: Sequence[Unit],
    other_links: Sequence[Link | None],
    other_children: dict[int, list[int]],
    side: str,
) -> int | None:
    """Return the nearest clause of the other side that at least half the kids of `head` lead to.

    Two kids suffice when the clause holds every word of the heading itself.
    """
    reach: dict[int, int] = defaultdict(int)
    for kid in kids:
        link = links[kid]
        if link is None:
            continue
        homes: set[int] = set()
        for target in link.new if side == "o" else link.old:
            node: int | None = target
            while node is not None:
                homes.add(node)
                node = others[node].parent
        for node in homes:
            reach[node] += 1
    need = max(HEADING_MIN_PARTS, len(kids) / 2)
    # Fewer than half the points will do when the heading's own words are all in the clause
    # ("License grant." over the clause "License Grant. Subject to ...").
    own = units[head].wordset
    found = [
        node
        for node, count in reach.items()
        if count >= need or (count >= HEADING_MIN_PARTS and own and own <= others[node].wordset)
    ]
    if not found:
        return None
    depth = {node: _depth(others, node) for node in found}
    deepest = max(depth.values())
    nearest = [node for node in found if depth[node] == deepest]
    if len(nearest) != 1:
        return None
    home = nearest[0]
    # The kids gathered into one clause under a free parent of its own, whose points come from
    # this heading's points too (two at least): heading pairs with heading, not with the clause
    # that holds its points.
    link = other_links[home]
    parent = others[home].parent
    if link is not None and parent is not None and other_links[parent] is None:
        members = link.old if side == "o" else link.new
        if all(_under(units, member, head) for member in members):
            back = 0
            for point in other_children[parent]:
                point_link = other_links[point]
                if point_link is not None and any(
                    _under(units, member, head)
                    for member in (point_link.old if side == "o" else point_link.new)
                ):
                    back += 1
            if back >= HEADING_MIN_PARTS:
                return parent
    return home


def _join(state: LinkState, i: int, j: int, side: str) -> bool:
    """Add old `i` (side "o") or new `j` (side "n") to the other's link; False if it cannot."""
    current = state.new_link[j] if side == "o" else state.old_link[i]
    if current is None:
        state.add(Link((i,), (j,), "order", 0.0))
        return True
    if current.matched_by == "pin":
        return False
    if side == "n" and len(current.old) == 1:
        state.remove(current)
        state.add(Link(current.old, tuple(sorted({*current.new, j})), "split", current.score))
        return True
    if side == "o" and len(current.new) == 1:
        state.remove(current)
        state.add(Link(tuple(sorted({*current.old, i})), current.new, "merge", current.score))
        return True
    return False


def _under(units: Sequence[Unit], index: int, head: int) -> bool:
    """Tell whether unit `index` lies below unit `head`."""
    parent = units[index].parent
    while parent is not None:
        if parent == head:
            return True
        parent = units[parent].parent
    return False


def _depth(units: Sequence[Unit], index: int) -> int:
    depth = 0
    parent = units[index].parent
    while parent is not None:
        depth += 1
        parent = units[parent].parent
    return depth


def _parent(unit: Unit) -> int:
    return unit.parent if unit.parent is not None else TOP


def _children(units: Sequence[Unit]) -> dict[int, list[int]]:
    children: dict[int, list[int]] = defaultdict(list)
    for u in units:
        if u.parent is not None:
            children[u.parent].append(u.index)
    return children


def _depths(units: Sequence[Unit]) -> list[int]:
    depths: list[int] = []
    for u in units:  # parents come before their children
        depths.append(0 if u.parent is None else depths[u.parent] + 1)
    return depths


def _unique_best(support: dict[tuple[int, int], int], side: int) -> dict[int, int]:
    """Return, for each node of one side, its partner of greatest support, when unique."""
    best: dict[int, tuple[int, int | None]] = {}
    for pair, count in support.items():
        node, other = pair[side], pair[1 - side]
        current = best.get(node)
        if current is None or count > current[0]:
            best[node] = (count, other)
        elif count == current[0]:
            best[node] = (count, None)  # a tie: no evidence for either
    return {node: other for node, (_, other) in best.items() if other is not None}
