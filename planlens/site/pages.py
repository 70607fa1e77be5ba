"""The pages of a report site: what each is made from, and making one.

A `Site` holds a corpus and what its pages share: the comparisons (each pair of versions
compared once, by `diff_key`, and handed to the lineage pages too where their comparison has
the same inputs) and the echoes. A `Page` names one page, the digests of its inputs (for the
manifest) and what it shows; `Site.make` renders it. Pages are made in any order, in this
process or in another with a copy of the site (`planlens.site.pool`): a page's bytes depend
only on the corpus.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from planlens.compare import PlanDiff, compare
from planlens.lineage import (
    DiffKey,
    Echoes,
    corpus_echoes,
    diff_key,
    lineage,
    lineage_chains,
    lineage_pairs,
    step_keys,
)
from planlens.plan.digest import file_sha256
from planlens.plan.model import Plan
from planlens.render import (
    SEARCH_INDEX,
    compare_href,
    compare_links,
    compare_page,
    echo_links,
    index_page,
    lineage_href,
    lineage_page,
    plan_page,
    render,
    render_compare,
    render_lineage,
    search_index,
)

PageKind = Literal["index", "search", "plan", "compare", "lineage"]


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the site: its path in the folder, the digests of its inputs, what it shows
    (`kind`, and the ids of its plan, its two versions or its chain)."""

    path: str
    inputs: tuple[str, ...]
    kind: PageKind
    ids: tuple[str, ...] = ()


class Site:
    """A corpus and what its pages share: comparisons (`diffs`) and echoes (`find_echoes`)."""

    def __init__(self, plans: Sequence[Plan]) -> None:
        self.plans = tuple(plans)
        self.by_id = {plan.id: plan for plan in plans}
        self.known = set(self.by_id)
        # A page shows its plans' file names and digests: both are its inputs.
        self.digest = {
            plan.id: f"{Path(plan.path).name}:{file_sha256(plan.path)}" if plan.path else plan.id
            for plan in plans
        }
        self.ordered = sorted(plans, key=lambda p: (p.date, p.id))
        self.sizes = {plan.id: sum(1 for _ in plan.walk()) for plan in plans}
        # Every ordered pair of versions of one lineage, older first: a comparison each.
        self.pairs = lineage_pairs(self.ordered)
        self.chains = lineage_chains(self.ordered)
        self.echoes: Mapping[str, Echoes] = {}
        #: Comparisons made, by what they are made from; a comparison that failed holds the
        #: error, raised again by each page that needs it.
        self.diffs: dict[DiffKey, PlanDiff | Exception] = {}
        #: What the index shows of a comparison made in another process (`PlanDiff.summary`).
        self.summaries: dict[DiffKey, dict[str, int]] = {}

    # -- the pages ------------------------------------------------------------------------

    def find_echoes(self, found: Mapping[str, Echoes] | None = None) -> None:
        """Find every plan's echoes in the others (once for the corpus), unless `found` already
        (`corpus_echoes` of these plans): plan pages show them."""
        self.echoes = corpus_echoes(self.plans) if found is None else found

    def pages(self) -> list[Page]:
        """Return every page of the site, the index and the search index first; plan pages
        need `find_echoes`."""
        return [
            self.index(),
            self.search_index(),
            *self.plan_pages(),
            *self.compare_pages(),
            *self.lineage_pages(),
        ]

    def index(self) -> Page:
        return Page("index.html", tuple(self.digest[p.id] for p in self.ordered), "index")

    def search_index(self) -> Page:
        """The search box of every page loads one index of every clause of every plan."""
        return Page(SEARCH_INDEX, tuple(self.digest[p.id] for p in self.ordered), "search")

    def plan_pages(self) -> list[Page]:
        pages = []
        for plan in self.ordered:
            # What the page shows of other plans is its echoes and its comparisons: a change
            # elsewhere that leaves them as they are (most edits) leaves the page as it is.
            shown = repr(
                (
                    sorted(echo_links(self.echoes[plan.id]).items()),
                    compare_links(plan, self.pairs),
                )
            ).encode()
            inputs = (
                self.digest[plan.id],
                *sorted(self.known),
                "shown:" + hashlib.sha256(shown).hexdigest(),
            )
            pages.append(Page(f"plans/{plan.id}.html", inputs, "plan", (plan.id,)))
        return pages

    def compare_pages(self) -> list[Page]:
        pages = []
        for old, new in self.pairs:
            # A comparison is made from its two versions and those between them (which compose
            # pins and report removals), and links the reported clauses of known plans.
            middle = self.middle(old, new)
            reports = [d.clause.plan for p in (*middle, new) for d in p.dropped]
            linked = sorted(set(reports) & self.known)
            inputs = (
                self.digest[old.id],
                self.digest[new.id],
                *(self.digest[p.id] for p in middle),
                "links:" + " ".join(linked),
            )
            pages.append(Page(compare_href(old, new), inputs, "compare", (old.id, new.id)))
        return pages

    def lineage_pages(self) -> list[Page]:
        return [
            Page(
                lineage_href(chain),
                tuple(self.digest[p.id] for p in chain),
                "lineage",
                tuple(p.id for p in chain),
            )
            for chain in self.chains
        ]

    def middle(self, old: Plan, new: Plan) -> list[Plan]:
        """The versions between two (by `follows`): pins compose through them, and the removals
        they report are shown."""
        key = diff_key(old, new, self.plans)
        return sorted((self.by_id[pid] for pid in key[2]), key=lambda p: (p.date, p.id))

    # -- the comparisons ------------------------------------------------------------------

    def pair_key(self, old: Plan, new: Plan) -> DiffKey:
        """The comparison of a comparison page: through every version of the corpus between."""
        return diff_key(old, new, self.plans)

    def needs(self, page: Page) -> list[DiffKey]:
        """Return the comparisons `page` is made from (a lineage page may make more itself)."""
        if page.kind == "index":
            return [self.pair_key(old, new) for old, new in self.pairs]
        if page.kind == "compare":
            return [self.pair_key(*(self.by_id[pid] for pid in page.ids))]
        if page.kind == "lineage":
            return list(step_keys([self.by_id[pid] for pid in page.ids]))
        return []

    def size(self, key: DiffKey) -> int:
        """How much work a comparison is, roughly: the clauses of its two plans."""
        return self.sizes[key[0]] + self.sizes[key[1]]

    def compare(self, key: DiffKey) -> PlanDiff | Exception:
        """Make the comparison `key` names; an error is returned, to be raised by its pages."""
        old, new, middle = key
        try:
            corpus = [self.by_id[pid] for pid in middle]
            return compare(self.by_id[old], self.by_id[new], corpus=corpus)
        except Exception as err:  # raised again by each page that needs it
            return err

    def diff(self, key: DiffKey) -> PlanDiff:
        """Return the comparison `key` names, made now if it was not made before."""
        made = self.diffs.get(key)
        if made is None:
            made = self.diffs[key] = self.compare(key)
        if isinstance(made, Exception):
            raise made
        return made

    def summary(self, key: DiffKey) -> dict[str, int]:
        """Return how many changes of each relation the comparison `key` names finds."""
        known = self.summaries.get(key)
        return known if known is not None else self.diff(key).summary()

    # -- making pages ---------------------------------------------------------------------

    def cost(self, page: Page) -> int:
        """How much work making `page` is, roughly, to start the largest first."""
        if page.kind == "index":
            return len(self.pairs)
        if page.kind == "search":
            return sum(self.sizes.values())
        weight = {"plan": 1, "compare": 2, "lineage": 6}[page.kind]
        return weight * sum(self.sizes[pid] for pid in page.ids)

    def make(self, page: Page) -> str:
        """Return the HTML of `page`."""
        if page.kind == "index":
            comparisons = [
                (old, new, self.summary(self.pair_key(old, new))) for old, new in self.pairs
            ]
            return render(
                "index.html", index_page(self.ordered, comparisons, self.chains), search=""
            )
        if page.kind == "search":
            return search_index(self.ordered, self.pairs)
        if page.kind == "plan":
            return self._plan_html(self.by_id[page.ids[0]])
        if page.kind == "compare":
            old, new = (self.by_id[pid] for pid in page.ids)
            return self._compare_html(old, new)
        return self._lineage_html(tuple(self.by_id[pid] for pid in page.ids))

    def _plan_html(self, plan: Plan) -> str:
        links = compare_links(plan, self.pairs, "../")
        page = plan_page(plan, self.known, file_sha256(plan.path), self.echoes[plan.id], links)
        return render("plan.html", page, lang=plan.language or "en", search="../")

    def _plan_href(self, plan_id: str) -> str:
        return f"../plans/{plan_id}.html" if plan_id in self.known else ""

    def _compare_html(self, old: Plan, new: Plan) -> str:
        page = compare_page(
            self.diff(self.pair_key(old, new)),
            old_href=f"../plans/{old.id}.html",
            new_href=f"../plans/{new.id}.html",
            old_sha256=file_sha256(old.path),
            new_sha256=file_sha256(new.path),
            index_href="../index.html",
            corpus=self.plans,
            plan_href=self._plan_href,
        )
        return render_compare(page, search="../")

    def _lineage_html(self, chain: tuple[Plan, ...]) -> str:
        # The lineage's step comparisons are the site's where their inputs are the same.
        made = {key: diff for key, diff in self.diffs.items() if isinstance(diff, PlanDiff)}
        page = lineage_page(
            lineage(chain, diffs=made),
            plan_hrefs={p.id: f"../plans/{p.id}.html" for p in chain},
            sha256={p.id: file_sha256(p.path) for p in chain},
            index_href="../index.html",
        )
        return render_lineage(page, search="../")
