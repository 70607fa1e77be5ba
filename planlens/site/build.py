"""The report site: an index, one page per plan, a report per pair of versions of a lineage
(`lineage_pairs`: n(n-1)/2 for a lineage of n versions) and a page per lineage chain.

`build_site` writes only what changed: a manifest beside the pages (`manifest`) records, for
each page, a digest of its inputs and of planlens itself, and a page whose digest is unchanged
is skipped. A lock (`lock`) keeps two builds out of one folder.

A build makes the comparisons its pages need, each once (`pages`), and the pages, in this
process or spread over worker processes (`schedule`). The parent alone writes, in the pages'
order.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from planlens.errors import PlanlensError
from planlens.lineage import Echoes
from planlens.plan.model import Plan
from planlens.site.lock import build_lock
from planlens.site.manifest import (
    MANIFEST,
    PENDING,
    code_fingerprint,
    read_manifest,
    write_manifest,
)
from planlens.site.pages import Page, Site
from planlens.site.pool import default_jobs
from planlens.site.schedule import made_pages
from planlens.write import TEMP_SUFFIX, Staged, reason, stage_text

# -- building ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What `build_site` did: paths relative to the output folder."""

    written: tuple[str, ...]
    skipped: tuple[str, ...]
    removed: tuple[str, ...]


def site_jobs(plans: Sequence[Plan]) -> list[Page]:
    """Return every page of the site for `plans`, each with the digests of what it is made from.

    A page is made by `Site(plans).make(page)`, in any order, or in parallel.
    """
    site = Site(plans)
    site.find_echoes()
    return site.pages()


def build_site(
    plans: Sequence[Plan],
    out_dir: str | Path,
    *,
    force: bool = False,
    progress: Callable[[Sequence[str]], Callable[[str], None]] | None = None,
    wait: float = 0.0,
    notice: Callable[[str], None] | None = None,
    jobs: int | None = 1,
    echoes: Mapping[str, Echoes] | None = None,
    fingerprint: str | None = None,
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

    Comparisons and pages are made by up to `jobs` processes (None: one per core,
    `default_jobs()`); the site is the same byte for byte whatever their number, and so is an
    error: the one the build would raise in one process. `echoes`, the plans' echoes if they
    were found already (`corpus_echoes(plans)`, in another process), saves finding them;
    `fingerprint`, planlens's own digest if it was computed already (`code_fingerprint()`),
    saves computing it.
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise PlanlensError(f"jobs must be at least 1, not {jobs}")
    out = Path(out_dir)
    try:
        if out.exists() and not out.is_dir():
            raise PlanlensError(f"{out}: is not a folder")
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise PlanlensError(f"{out}: cannot make the folder: {reason(err)}") from None
    with build_lock(out, wait=wait, waiting=notice):
        return _build(plans, out, force, progress, notice, jobs, echoes, fingerprint)


def _build(
    plans: Sequence[Plan],
    out: Path,
    force: bool,
    progress: Callable[[Sequence[str]], Callable[[str], None]] | None,
    notice: Callable[[str], None] | None,
    jobs: int,
    echoes: Mapping[str, Echoes] | None,
    fingerprint: str | None,
) -> BuildResult:
    site = Site(plans)
    # The echoes first: plan pages show them (so they are inputs of those pages), and finding
    # them here stems every word of the corpus, which the comparisons then find done, in this
    # process and in the workers it forks. (Given `echoes`, found by the helper process that
    # read the plans, each worker stems the words it compares, while this process imported.)
    site.find_echoes(echoes)
    pages = site.pages()
    _remove_temporaries(out, {out / page.path for page in pages})
    made, previous = read_manifest(out / MANIFEST, warn=notice)
    fingerprint = fingerprint or code_fingerprint()
    keys = {
        page.path: hashlib.sha256("\n".join((fingerprint, *page.inputs)).encode()).hexdigest()
        for page in pages
    }
    todo = [
        page
        for page in pages
        if previous.get(page.path) != keys[page.path] or not (out / page.path).exists()
    ]
    _check(out, todo, made, force)
    # Told of the pages before the comparisons, which take most of a build: as when the index,
    # the first page, made them all.
    tick = progress([page.path for page in todo]) if progress else None
    # The comparisons the pages need, each made once.
    needed = list(dict.fromkeys(key for page in todo for key in site.needs(page)))
    staged: list[Staged] = []
    try:
        with made_pages(site, todo, needed, jobs) as htmls:
            # Staged (and renamed, below) in the pages' order, whatever order they are made in.
            for page, html in zip(todo, htmls, strict=True):
                staged.append(stage_text(out / page.path, html, force=True, follow_symlinks=False))
                if tick:
                    tick(page.path)
        if todo:
            # The journal: every page about to be renamed is planlens's from now on.
            journal = {path: previous.get(path, PENDING) for path in made}
            journal.update((page.path, PENDING) for page in todo)
            write_manifest(out, journal)
        while staged:
            staged[0].commit()
            staged.pop(0)
    finally:
        for left in staged:
            left.discard()
    # Only pages inside the folder are ever deleted, whatever an edited manifest says.
    inside = out.resolve()
    removed = sorted(
        path
        for path in made
        if path not in keys and (out / path).resolve().is_relative_to(inside) and path != MANIFEST
    )
    for path in removed:
        _remove_page(out / path)
    write_manifest(out, keys)
    done = {page.path for page in todo}
    return BuildResult(
        written=tuple(page.path for page in todo),
        skipped=tuple(page.path for page in pages if page.path not in done),
        removed=tuple(removed),
    )


def _check(out: Path, todo: Sequence[Page], made: set[str], force: bool) -> None:
    """Refuse to write a page through a link out of the folder, or over a file not planlens's."""
    inside = out.resolve()
    for page in todo:
        target = out / page.path
        if not target.parent.resolve().is_relative_to(inside):
            raise PlanlensError(f"{target}: is outside {out} (through a symbolic link)")
        if (target.exists() or target.is_symlink()) and page.path not in made and not force:
            raise PlanlensError(
                f"{target}: file exists and was not made by planlens; use --force to overwrite it"
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
