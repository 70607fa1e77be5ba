"""Which process makes a build's comparisons and pages, and when.

`made_pages(site, todo, needed, jobs)` gives the HTML of each page of `todo`, in order. In one
process the comparisons `needed` are made first, then the pages, one after the other. With more
jobs, one pool of workers (`pool.workers`), forked once, makes both:

- a comparison, the largest first, in a task that also makes the comparison page that needs
  only it, so that neither travels (a worker keeps the comparisons it made);
- the pages that need no comparison (plan pages, the search index), in between;
- a lineage page once the comparisons of its chain are made: they go to its worker as the bytes
  their workers pickled (unpickled there, never here), unless it made them itself;
- the index here, from the summaries of the comparisons, which come back with them.

Work is handed out a little ahead of the workers, the largest first, so that a lineage page
whose comparisons are made goes before the small pages. The pages are the same whatever the
number of jobs, and so is an error: a page's error is raised when its turn comes, in the pages'
order, as in one process.
"""

from __future__ import annotations

import contextlib
import heapq
import pickle
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from typing import Any, cast

from planlens.compare import PlanDiff
from planlens.lineage import DiffKey
from planlens.render import load_templates
from planlens.site.pages import Page, Site
from planlens.site.pool import Workers, portable, result, workers

#: What a comparison's task gives back: the comparison pickled (if a lineage page needs it) or
#: its error, its summary, and the HTML of its comparison page (or that page's error).
Compared = tuple[bytes | Exception, dict[str, int] | None, str | Exception | None]


@contextlib.contextmanager
def made_pages(
    site: Site, todo: Sequence[Page], needed: Sequence[DiffKey], jobs: int
) -> Iterator[Iterator[str]]:
    """Give the HTML of each of `todo`, in order, made by up to `jobs` processes from the
    comparisons `needed` (each made once); leaving the block on an exception stops them."""
    work = _Work(site, todo, needed)
    count = min(jobs, work.tasks)
    if count <= 1:
        site.diffs.update((key, site.compare(key)) for key in needed)
        yield (site.make(page) for page in todo)
        return
    load_templates()  # once here, not in each worker
    with workers(site, count) as pool:
        # Each worker has a task under way and one waiting, so that it never waits for this
        # process to hand out the next.
        yield _by_workers(work, pool, ahead=2 * count)


class _Work:
    """A build's pages by the task that makes them: where each page is in `todo`."""

    def __init__(self, site: Site, todo: Sequence[Page], needed: Sequence[DiffKey]) -> None:
        self.site, self.todo = site, todo
        #: The comparisons, the largest first.
        self.largest = sorted(needed, key=lambda key: -site.size(key))
        #: The comparison page made with each comparison.
        self.bundled: dict[DiffKey, int] = {}
        #: The comparisons given to each lineage page: all of its chain's (the lineage may
        #: look back past a step, as it would in one process).
        self.given: dict[int, list[DiffKey]] = {}
        #: The index pages, made here; and the pages that need no comparison.
        self.here: list[int] = []
        self.free: list[int] = []
        for place, page in enumerate(todo):
            if page.kind == "compare":
                self.bundled[site.needs(page)[0]] = place
            elif page.kind == "lineage":
                chain = set(page.ids)
                self.given[place] = [k for k in needed if {k[0], k[1], *k[2]} <= chain]
            elif page.kind == "index":
                self.here.append(place)
            else:
                self.free.append(place)
        self.shared = {key for keys in self.given.values() for key in keys}

    @property
    def tasks(self) -> int:
        """How many tasks workers can share."""
        return len(self.largest) + len(self.given) + len(self.free)


def _by_workers(work: _Work, pool: Workers, ahead: int) -> Iterator[str]:
    site, todo = work.site, work.todo
    done: dict[int, str | BaseException] = {}  # pages made, by their place
    pickled: dict[DiffKey, bytes] = {}
    waiting = {place: set(keys) for place, keys in work.given.items()}
    waiting.update((place, set(site.needs(todo[place]))) for place in work.here)
    # Handed out in this order: the comparisons, the largest first; then pages by cost.
    ready = [(0, rank, -1) for rank in range(len(work.largest))]
    ready += [(1, -site.cost(todo[place]), place) for place in work.free]
    heapq.heapify(ready)
    running: dict[Future[Any], tuple[DiffKey | None, int]] = {}

    def make_here(place: int) -> None:
        try:
            done[place] = site.make(todo[place])
        except Exception as err:
            done[place] = err

    def arrived(key: DiffKey) -> None:
        for place, keys in list(waiting.items()):
            keys.discard(key)
            if not keys:
                del waiting[place]
                if place in work.here:
                    make_here(place)
                else:
                    heapq.heappush(ready, (1, -site.cost(todo[place]), place))

    def hand_out() -> None:
        while ready and len(running) < ahead:
            rank, order, place = heapq.heappop(ready)
            if rank == 0:
                key = work.largest[order]
                page = todo[work.bundled[key]] if key in work.bundled else None
                running[pool.submit(_compare, (key, page, key in work.shared))] = (key, -1)
            else:
                given = tuple((k, pickled[k]) for k in work.given.get(place, ()) if k in pickled)
                running[pool.submit(_page, (todo[place], given))] = (None, place)

    def collect() -> None:
        finished, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in finished:
            key, place = running.pop(future)
            if key is None:
                try:
                    done[place] = cast("str", result(future))
                except Exception as err:  # the page's error, or a worker that died
                    done[place] = err
                continue
            try:
                diff, summary, html = cast("Compared", result(future))
            except Exception as err:  # a worker that died
                diff, summary, html = err, None, err
            if isinstance(diff, Exception):
                site.diffs[key] = diff  # raised by the index here, remade by a lineage page
            else:
                site.summaries[key] = summary or {}
                if diff:
                    pickled[key] = diff
            if key in work.bundled:
                done[work.bundled[key]] = html or ""
            arrived(key)

    for place in [place for place, keys in waiting.items() if not keys]:
        del waiting[place]
        make_here(place)
    for place in range(len(todo)):
        while place not in done:
            hand_out()
            assert running, "a page waits for a comparison that nothing makes"
            collect()
        html = done.pop(place)
        if isinstance(html, BaseException):
            raise html
        yield html


def _compare(site: Site, task: tuple[DiffKey, Page | None, bool]) -> Compared:
    """Make a comparison (kept for the pages this worker makes later), and its page."""
    key, page, shared = task
    diff = site.diffs[key] = site.compare(key)
    html: str | Exception | None = None
    if page is not None:
        try:
            html = site.make(page)
        except Exception as err:
            html = portable(err)
    if isinstance(diff, Exception):
        return portable(diff), None, html
    return pickle.dumps(diff, pickle.HIGHEST_PROTOCOL) if shared else b"", diff.summary(), html


def _page(site: Site, task: tuple[Page, tuple[tuple[DiffKey, bytes], ...]]) -> str:
    """Make a page, given the comparisons it needs that other workers made."""
    page, given = task
    for key, data in given:
        if not isinstance(site.diffs.get(key), PlanDiff):
            site.diffs[key] = pickle.loads(data)
    return site.make(page)
