"""Shapes of link the learned pass could make: an experiment of bench/train_links.py (issue 10).

planlens's learned pass adds a pair only while every link stays one-to-one, one-to-many or
many-to-one, and never to a link of identical texts or a pin (`learned.addable`). `Shape` can
also let it add a free clause to a link with several clauses on the other side (`many` "free": a
many-to-many link), join two links through a pair of linked clauses (`many` "join"), or add to a
link of identical texts (`exact`); and say which pairs such a link reports (`count`: "all", every
old x new pair, as `real_pairs.py` counts a change; "edges", only the pairs linked one by one).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from planlens.compare import learned
from planlens.compare.units import Link, LinkState

#: How a candidate pair stands in the rules' links (`kind`).
KINDS = ("both free", "extra part", "other side many", "exact link", "both linked")


@dataclass(frozen=True)
class Shape:
    """Which links the learned pass may make, and how its links are counted (`--many`)."""

    many: str = "off"
    exact: bool = False
    count: str = "all"

    def describe(self) -> str:
        """Return the experiment's options as on the command line, or "" for planlens's own."""
        if self == Shape():
            return ""
        exact = " --exact" if self.exact else ""
        return f" (experiment: --many {self.many}{exact} --count {self.count})"

    def addable(self, state: LinkState, i: int, j: int) -> bool:
        """`learned.addable`, or with `many`/`exact` the many-to-many links it refuses too."""
        if self.many == "off" and not self.exact:
            return learned.addable(state, i, j)
        a, b = state.old_link[i], state.new_link[j]
        if a is None and b is None:
            return True
        ends = [link for link in (a, b) if link is not None]
        if any(link.matched_by == "pin" for link in ends):
            return False
        if not self.exact and any(link.matched_by == "exact" for link in ends):
            return False
        if len(ends) == 2:
            return self.many == "join" and a is not b
        if self.many != "off":
            return True
        return len(ends[0].old) == 1 if a is not None else len(ends[0].new) == 1

    def add_pair(self, state: LinkState, i: int, j: int, score: float) -> None:
        """`learned.add_pair`, or one link of the clauses of both ends' links (`many`).

        A many-to-many link is marked "split" here: the experiment counts pairs, not relations.
        """
        a, b = state.old_link[i], state.new_link[j]
        if a is None and b is None:
            state.add(Link((i,), (j,), "similar", score))
            return
        ends = [link for link in {id(x): x for x in (a, b) if x is not None}.values()]
        for link in ends:
            state.remove(link)
        olds = tuple(sorted({i, *(k for link in ends for k in link.old)}))
        news = tuple(sorted({j, *(k for link in ends for k in link.new)}))
        state.add(Link(olds, news, "merge" if len(news) == 1 else "split", ends[0].score))


def kind(state: LinkState, c: learned.Candidate) -> str:
    """Return how a candidate stands in the rules' links (the classes of miss_classes.py)."""
    a, b = state.old_link[c.old], state.new_link[c.new]
    if a is None and b is None:
        return "both free"
    if a is not None and b is not None:
        return "both linked"
    link = a if a is not None else b
    assert link is not None
    if link.matched_by == "exact":
        return "exact link"
    return "extra part" if len(link.old if a is not None else link.new) == 1 else "other side many"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the experiment's options (`Shape`, and scoring the held-out pairs) to a command line."""
    parser.add_argument(
        "--many",
        choices=("off", "free", "join"),
        default="off",
        help="Experiment: also add a free clause to a many side (free), or join two links (join).",
    )
    parser.add_argument(
        "--exact", action="store_true", help="Experiment: also add to links of identical texts."
    )
    parser.add_argument(
        "--count",
        choices=("all", "edges"),
        default="all",
        help="Count every old x new pair of a link (all), or only the pairs linked (edges).",
    )
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="Also score the held-out pairs, pooled, with the model fitted on all twelve.",
    )
