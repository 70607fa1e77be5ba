"""The report site: an index, one page per plan and one report per `follows` edge.

`build_site` writes only what changed: a manifest beside the pages records, for each page, a
digest of its inputs and of planlens itself, and a page whose digest is unchanged is skipped.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from planlens._version import __version__
from planlens.compare import PlanDiff, compare
from planlens.errors import PlanlensError
from planlens.lineage import corpus_echoes, lineage, lineage_chains
from planlens.plan.load import file_sha256
from planlens.plan.model import Plan
from planlens.render import (
    compare_href,
    compare_page,
    echo_links,
    index_page,
    lineage_href,
    lineage_page,
    plan_page,
    render,
    render_compare,
    render_lineage,
)
from planlens.write import write_text

MANIFEST = ".planlens-build.json"
#: The manifest's format number: raised whenever what a page digest covers, or the manifest's
#: shape, changes. A manifest of another format still tells which files planlens made, but its
#: digests are not trusted, so every page is rebuilt. 2: a plan page's digest covers its echoes.
MANIFEST_FORMAT = 2


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
    """Return every page of the site for `plans`, each with the digests of what it is made from."""
    by_id = {plan.id: plan for plan in plans}
    known = set(by_id)
    # A page shows its plans' file names and digests: both are its inputs.
    digest = {
        plan.id: f"{Path(plan.path).name}:{file_sha256(plan.path)}" if plan.path else plan.id
        for plan in plans
    }
    ordered = sorted(plans, key=lambda p: (p.date, p.id))
    edges = [(by_id[old], plan) for plan in ordered for old in plan.follows if old in by_id]
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
        page = plan_page(plan, known, file_sha256(plan.path), echoes[plan.id])
        return render("plan.html", page, lang=plan.language or "en")

    def compare_html(old: Plan, new: Plan) -> str:
        page = compare_page(
            diff_of(old, new),
            old_href=f"../plans/{old.id}.html",
            new_href=f"../plans/{new.id}.html",
            old_sha256=file_sha256(old.path),
            new_sha256=file_sha256(new.path),
            index_href="../index.html",
        )
        return render_compare(page)

    for plan in ordered:
        # What the page shows of other plans is its echoes: a change elsewhere that leaves them
        # as they are (most edits) leaves the page as it is.
        shown = repr(sorted(echo_links(echoes[plan.id]).items())).encode()
        inputs = (digest[plan.id], *sorted(known), "echoes:" + hashlib.sha256(shown).hexdigest())
        jobs.append(_Job(f"plans/{plan.id}.html", inputs, partial(plan_html, plan)))
    for old, new in edges:
        inputs = (digest[old.id], digest[new.id])
        jobs.append(_Job(compare_href(old, new), inputs, partial(compare_html, old, new)))

    def lineage_html(chain: tuple[Plan, ...]) -> str:
        page = lineage_page(
            lineage(chain),
            plan_hrefs={p.id: f"../plans/{p.id}.html" for p in chain},
            sha256={p.id: file_sha256(p.path) for p in chain},
            index_href="../index.html",
        )
        return render_lineage(page)

    chains = lineage_chains(ordered)
    for chain in chains:
        inputs = tuple(digest[p.id] for p in chain)
        jobs.append(_Job(lineage_href(chain), inputs, partial(lineage_html, chain)))

    def index() -> str:
        comparisons = [(old, new, diff_of(old, new).summary()) for old, new in edges]
        return render("index.html", index_page(ordered, comparisons, chains))

    jobs.insert(0, _Job("index.html", tuple(digest[p.id] for p in ordered), index))
    return jobs


def build_site(
    plans: Sequence[Plan],
    out_dir: str | Path,
    *,
    force: bool = False,
    progress: Callable[[Sequence[str]], Callable[[str], None]] | None = None,
) -> BuildResult:
    """Write the site for `plans` into `out_dir`, rewriting only pages whose inputs changed.

    A file in `out_dir` that planlens did not write (it is not in the manifest) is never
    overwritten unless `force`. Pages of plans that no longer exist are removed.
    """
    out = Path(out_dir)
    manifest_path = out / MANIFEST
    made, previous = read_manifest(manifest_path)
    jobs = site_jobs(plans)
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
    for job in todo:
        target = out / job.path
        if target.exists() and job.path not in made and not force:
            raise PlanlensError(
                f"{target}: file exists and was not made by planlens; use --force to overwrite it"
            )
    tick = progress([job.path for job in todo]) if progress else None
    for job in todo:
        write_text(out / job.path, job.make(), force=True)
        if tick:
            tick(job.path)
    # Only pages inside the folder are ever deleted, whatever an edited manifest says.
    inside = out.resolve()
    removed = sorted(
        path
        for path in made
        if path not in keys and (out / path).resolve().is_relative_to(inside) and path != MANIFEST
    )
    for path in removed:
        (out / path).unlink(missing_ok=True)
    manifest = {
        "format": MANIFEST_FORMAT,
        "planlens": __version__,
        "pages": dict(sorted(keys.items())),
    }
    write_text(manifest_path, json.dumps(manifest, indent=2) + "\n", force=True)
    done = {job.path for job in todo}
    return BuildResult(
        written=tuple(job.path for job in todo),
        skipped=tuple(job.path for job in jobs if job.path not in done),
        removed=tuple(removed),
    )


def read_manifest(path: Path) -> tuple[set[str], dict[str, str]]:
    """Return the pages a build manifest says planlens made, and their digests if trusted.

    A missing or unreadable manifest, or one not shaped as planlens writes it, is treated as
    absent. Digests are trusted only from a manifest of this `MANIFEST_FORMAT`.
    """
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return set(), {}
    pages = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in pages.items()
    ):
        return set(), {}
    return set(pages), pages if data.get("format") == MANIFEST_FORMAT else {}
