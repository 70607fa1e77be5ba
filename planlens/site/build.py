"""The report site: an index, one page per plan, a report per pair of versions of a lineage
(`lineage_pairs`: n(n-1)/2 for a lineage of n versions) and a page per lineage chain.

`build_site` writes only what changed: a manifest beside the pages (`manifest`) records, for
each page, a digest of its inputs and of planlens itself, and a page whose digest is unchanged
is skipped. A lock (`lock`) keeps two builds out of one folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from planlens._version import __version__
from planlens.compare import PlanDiff, compare
from planlens.compare.pins import between
from planlens.errors import PlanlensError
from planlens.lineage import corpus_echoes, lineage, lineage_chains, lineage_pairs
from planlens.plan.load import file_sha256
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
from planlens.site.lock import build_lock
from planlens.site.manifest import MANIFEST, PENDING, read_manifest, write_manifest
from planlens.write import TEMP_SUFFIX, Staged, reason, stage_text

# -- building ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What `build_site` did: paths relative to the output folder."""

    written: tuple[str, ...]
    skipped: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Job:
    path: str
    inputs: tuple[str, ...]
    make: Callable[[], str]


@cache
def code_fingerprint() -> str:
    """Return a digest of planlens's own code and templates: new code, new pages."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parents[1]  # the whole planlens package
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".css", ".js"):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def site_jobs(plans: Sequence[Plan]) -> list[_Job]:
    """Return every page of the site for `plans`, each with the digests of what it is made from.

    Each job makes its page on its own (the diffs it needs are cached, not shared state it
    relies on), so the jobs may be run in any order, or in parallel.
    """
    by_id = {plan.id: plan for plan in plans}
    known = set(by_id)
    # A page shows its plans' file names and digests: both are its inputs.
    digest = {
        plan.id: f"{Path(plan.path).name}:{file_sha256(plan.path)}" if plan.path else plan.id
        for plan in plans
    }
    ordered = sorted(plans, key=lambda p: (p.date, p.id))
    # Every ordered pair of versions of one lineage, older first: a comparison each.
    pairs = lineage_pairs(ordered)
    diffs: dict[tuple[str, str], PlanDiff] = {}

    def diff_of(old: Plan, new: Plan) -> PlanDiff:
        # The report and the index both need each diff; compute it once.
        key = (old.id, new.id)
        if key not in diffs:
            diffs[key] = compare(old, new, corpus=plans)
        return diffs[key]

    jobs: list[_Job] = []

    # Every plan page shows its clauses' echoes in the other plans: found once for the corpus.
    echoes = corpus_echoes(plans)

    def plan_html(plan: Plan) -> str:
        links = compare_links(plan, pairs, "../")
        page = plan_page(plan, known, file_sha256(plan.path), echoes[plan.id], links)
        return render("plan.html", page, lang=plan.language or "en", search="../")

    def middle(old: Plan, new: Plan) -> list[Plan]:
        """The versions between two (by `follows`): pins compose through them, and the removals
        they report are shown."""
        return sorted(between(old, new, plans), key=lambda p: (p.date, p.id))

    def plan_href(plan_id: str) -> str:
        return f"../plans/{plan_id}.html" if plan_id in known else ""

    def compare_html(old: Plan, new: Plan) -> str:
        page = compare_page(
            diff_of(old, new),
            old_href=f"../plans/{old.id}.html",
            new_href=f"../plans/{new.id}.html",
            old_sha256=file_sha256(old.path),
            new_sha256=file_sha256(new.path),
            index_href="../index.html",
            corpus=plans,
            plan_href=plan_href,
        )
        return render_compare(page, search="../")

    for plan in ordered:
        # What the page shows of other plans is its echoes and its comparisons: a change
        # elsewhere that leaves them as they are (most edits) leaves the page as it is.
        shown = repr(
            (sorted(echo_links(echoes[plan.id]).items()), compare_links(plan, pairs))
        ).encode()
        inputs = (digest[plan.id], *sorted(known), "shown:" + hashlib.sha256(shown).hexdigest())
        jobs.append(_Job(f"plans/{plan.id}.html", inputs, partial(plan_html, plan)))
    for old, new in pairs:
        # A comparison is made from its two versions and those between them (which compose
        # pins and report removals), and links the reported clauses of known plans.
        reports = [d.clause.plan for p in (*middle(old, new), new) for d in p.dropped]
        linked = sorted(set(reports) & known)
        inputs = (
            digest[old.id],
            digest[new.id],
            *(digest[p.id] for p in middle(old, new)),
            "links:" + " ".join(linked),
        )
        jobs.append(_Job(compare_href(old, new), inputs, partial(compare_html, old, new)))

    def lineage_html(chain: tuple[Plan, ...]) -> str:
        page = lineage_page(
            lineage(chain),
            plan_hrefs={p.id: f"../plans/{p.id}.html" for p in chain},
            sha256={p.id: file_sha256(p.path) for p in chain},
            index_href="../index.html",
        )
        return render_lineage(page, search="../")

    chains = lineage_chains(ordered)
    for chain in chains:
        inputs = tuple(digest[p.id] for p in chain)
        jobs.append(_Job(lineage_href(chain), inputs, partial(lineage_html, chain)))

    def index() -> str:
        comparisons = [(old, new, diff_of(old, new).summary()) for old, new in pairs]
        return render("index.html", index_page(ordered, comparisons, chains), search="")

    jobs.insert(0, _Job("index.html", tuple(digest[p.id] for p in ordered), index))
    # The search box of every page loads one index of every clause of every plan.
    every = tuple(digest[p.id] for p in ordered)
    jobs.insert(1, _Job(SEARCH_INDEX, every, partial(search_index, ordered, pairs)))
    return jobs


def build_site(
    plans: Sequence[Plan],
    out_dir: str | Path,
    *,
    force: bool = False,
    progress: Callable[[Sequence[str]], Callable[[str], None]] | None = None,
    wait: float = 0.0,
    notice: Callable[[str], None] | None = None,
) -> BuildResult:
    """Write the site for `plans` into `out_dir`, rewriting only pages whose inputs changed.

    A file in `out_dir` that planlens did not write (it is not in the manifest) is never
    overwritten unless `force`. Pages of plans that no longer exist are removed.

    One build at a time: another build of the same folder is waited for up to `wait` seconds,
    then refused (`BuildLockedError`). Every page is written to a temporary file first, and
    renamed into place only when all are written, so a failure (a full disk) leaves the
    previous site as it was; the manifest lists the pages about to be renamed before the first
    is, so a build killed at any moment leaves a folder the next build completes. `notice` is
    told of a manifest that cannot be trusted and of waiting for another build.
    """
    out = Path(out_dir)
    try:
        if out.exists() and not out.is_dir():
            raise PlanlensError(f"{out}: is not a folder")
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise PlanlensError(f"{out}: cannot make the folder: {reason(err)}") from None
    with build_lock(out, wait=wait, waiting=notice):
        return _build(plans, out, force, progress, notice)


def _build(
    plans: Sequence[Plan],
    out: Path,
    force: bool,
    progress: Callable[[Sequence[str]], Callable[[str], None]] | None,
    notice: Callable[[str], None] | None,
) -> BuildResult:
    jobs = site_jobs(plans)
    _remove_temporaries(out, {out / job.path for job in jobs})
    made, previous = read_manifest(out / MANIFEST, warn=notice)
    fingerprint = code_fingerprint()
    keys = {
        job.path: hashlib.sha256("\n".join((fingerprint, *job.inputs)).encode()).hexdigest()
        for job in jobs
    }
    todo = [
        job
        for job in jobs
        if previous.get(job.path) != keys[job.path] or not (out / job.path).exists()
    ]
    inside = out.resolve()
    for job in todo:
        target = out / job.path
        if not target.parent.resolve().is_relative_to(inside):
            raise PlanlensError(f"{target}: is outside {out} (through a symbolic link)")
        if (target.exists() or target.is_symlink()) and job.path not in made and not force:
            raise PlanlensError(
                f"{target}: file exists and was not made by planlens; use --force to overwrite it"
            )
    tick = progress([job.path for job in todo]) if progress else None
    staged: list[Staged] = []
    try:
        for job in todo:
            staged.append(stage_text(out / job.path, job.make(), force=True, follow_symlinks=False))
            if tick:
                tick(job.path)
        if todo:
            # The journal: every page about to be renamed is planlens's from now on.
            journal = {path: previous.get(path, PENDING) for path in made}
            journal.update((job.path, PENDING) for job in todo)
            write_manifest(out, journal)
        while staged:
            staged[0].commit()
            staged.pop(0)
    finally:
        for left in staged:
            left.discard()
    # Only pages inside the folder are ever deleted, whatever an edited manifest says.
    removed = sorted(
        path
        for path in made
        if path not in keys and (out / path).resolve().is_relative_to(inside) and path != MANIFEST
    )
    for path in removed:
        _remove_page(out / path)
    write_manifest(out, keys)
    done = {job.path for job in todo}
    return BuildResult(
        written=tuple(job.path for job in todo),
        skipped=tuple(job.path for job in jobs if job.path not in done),
        removed=tuple(removed),
    )


#: A temporary file of `planlens.write`: `.<name>.<8 random characters>.planlens-tmp`.
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX))


def _remove_temporaries(out: Path, pages: set[Path]) -> None:
    """Remove the temporary files a killed build left in the site's folders.

    Only called while holding the build lock, so no other build is writing them.
    """
    for folder in sorted({out} | {page.parent for page in pages}):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # not made yet, or unreadable: writing there will say so
        for entry in entries:
            if _TEMPORARY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _remove_page(path: Path) -> None:
    """Remove a page of a plan that no longer exists (a folder in its place is left alone)."""
    try:
        if path.is_symlink() or path.is_file():
            path.unlink()
    except FileNotFoundError:
        pass
    except OSError as err:
        raise PlanlensError(f"{path}: cannot remove: {reason(err)}") from None
