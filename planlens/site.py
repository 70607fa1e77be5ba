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

from planlens import __version__
from planlens.compare import compare
from planlens.diffmodel import RELATIONS, PlanDiff
from planlens.errors import PlanlensError
from planlens.lineage import lineage, lineage_chains
from planlens.lineage_svg import lineage_page, render_lineage
from planlens.model import Clause, ClauseRef, Plan
from planlens.output import write_text
from planlens.report import (
    PlanHeader,
    SourceLink,
    anchor_id,
    compare_page,
    plan_header,
    render,
    render_compare,
    source_links,
)

MANIFEST = ".planlens-build.json"


# -- view models ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    kind: str
    label: str
    href: str


@dataclass(frozen=True, slots=True)
class ClauseItem:
    depth: int
    anchor: str
    label: str
    clause: Clause
    links: tuple[Link, ...]
    sources: tuple[SourceLink, ...]


@dataclass(frozen=True, slots=True)
class DroppedItem:
    label: str
    href: str
    note: str | None
    source: SourceLink | None


@dataclass(frozen=True, slots=True)
class PlanRef:
    id: str
    href: str


@dataclass(frozen=True, slots=True)
class PlanPage:
    header: PlanHeader
    follows: tuple[PlanRef, ...]
    clauses: tuple[ClauseItem, ...]
    dropped: tuple[DroppedItem, ...]


@dataclass(frozen=True, slots=True)
class IndexPlan:
    id: str
    title: str
    date: str
    status: str
    clauses: int
    completeness: str
    follows: str
    href: str


@dataclass(frozen=True, slots=True)
class IndexComparison:
    old_title: str
    old_date: str
    new_title: str
    new_date: str
    href: str
    counts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class IndexLineage:
    label: str
    dates: str
    href: str


@dataclass(frozen=True, slots=True)
class IndexPage:
    plans: tuple[IndexPlan, ...]
    comparisons: tuple[IndexComparison, ...]
    lineages: tuple[IndexLineage, ...] = ()
    relations: tuple[str, ...] = RELATIONS


def plan_href(plan_id: str, ref: ClauseRef | None = None) -> str:
    """Return the link from one plan page to another plan's page (or one of its clauses)."""
    return f"{plan_id}.html" + (f"#{anchor_id('clause', ref.clause)}" if ref else "")


def compare_href(old: Plan, new: Plan) -> str:
    """Return the report's path below the site root."""
    return f"compare/{old.id}--{new.id}.html"


def lineage_href(chain: Sequence[Plan]) -> str:
    """Return a lineage page's path below the site root: its versions' ids, oldest first."""
    return "lineage/" + "--".join(plan.id for plan in chain) + ".html"


def plan_page(plan: Plan, known: set[str], sha256: str | None = None) -> PlanPage:
    """Return the view model of `plan`'s own page; `known` plan ids get links."""
    items = []

    def visit(clause: Clause, depth: int) -> None:
        refs = [("same as", clause.same_as)] if clause.same_as else []
        refs += [("derived from", ref) for ref in clause.derived_from]
        links = tuple(
            Link(kind, str(ref), plan_href(ref.plan, ref))
            for kind, ref in refs
            if ref.plan in known
        )
        items.append(
            ClauseItem(
                depth=depth,
                anchor=anchor_id("clause", clause.id),
                label=(clause.number or clause.id) if depth == 0 else clause.id,
                clause=clause,
                links=links,
                sources=source_links(clause.sources),
            )
        )
        for child in clause.clauses:
            visit(child, depth + 1)

    for clause in plan.clauses:
        visit(clause, 0)
    dropped = tuple(
        DroppedItem(
            label=str(d.clause),
            href=plan_href(d.clause.plan, d.clause) if d.clause.plan in known else "",
            note=d.note,
            source=source_links([d.source])[0] if d.source else None,
        )
        for d in plan.dropped
    )
    return PlanPage(
        header=plan_header(plan, "", sha256),
        follows=tuple(PlanRef(p, plan_href(p)) for p in plan.follows if p in known),
        clauses=tuple(items),
        dropped=dropped,
    )


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


def file_sha256(path: str | None) -> str | None:
    """Return the SHA-256 of the file at `path`, or None for a plan not read from a file."""
    if path is None:
        return None
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as err:
        raise PlanlensError(f"{path}: cannot read: {err.strerror}") from None


@cache
def code_fingerprint() -> str:
    """Return a digest of planlens's own code and templates: new code, new pages."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
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
            diffs[key] = compare(old, new)
        return diffs[key]

    jobs: list[_Job] = []

    def plan_html(plan: Plan) -> str:
        page = plan_page(plan, known, file_sha256(plan.path))
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
        inputs = (digest[plan.id], *sorted(known))
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
        comparisons = []
        for old, new in edges:
            summary = diff_of(old, new).summary()
            comparisons.append(
                IndexComparison(
                    old.title,
                    old.date,
                    new.title,
                    new.date,
                    compare_href(old, new),
                    tuple(summary[r] for r in RELATIONS),
                )
            )
        page = IndexPage(
            plans=tuple(
                IndexPlan(
                    p.id,
                    p.title,
                    p.date,
                    p.status,
                    len(p.clauses),
                    p.completeness
                    + (
                        f" (of {p.expected_clauses})"
                        if p.completeness == "partial" and p.expected_clauses
                        else ""
                    ),
                    ", ".join(p.follows),
                    f"plans/{p.id}.html",
                )
                for p in ordered
            ),
            comparisons=tuple(comparisons),
            lineages=tuple(
                IndexLineage(
                    " → ".join(p.id for p in chain),
                    f"{chain[0].date} to {chain[-1].date}",
                    lineage_href(chain),
                )
                for chain in chains
            ),
        )
        return render("index.html", page)

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
    try:
        previous: dict[str, str] = json.loads(manifest_path.read_text("utf-8"))["pages"]
    except (OSError, ValueError, KeyError, TypeError):
        previous = {}
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
        if target.exists() and job.path not in previous and not force:
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
        for path in previous
        if path not in keys and (out / path).resolve().is_relative_to(inside) and path != MANIFEST
    )
    for path in removed:
        (out / path).unlink(missing_ok=True)
    manifest = {"planlens": __version__, "pages": dict(sorted(keys.items()))}
    write_text(manifest_path, json.dumps(manifest, indent=2) + "\n", force=True)
    done = {job.path for job in todo}
    return BuildResult(
        written=tuple(job.path for job in todo),
        skipped=tuple(job.path for job in jobs if job.path not in done),
        removed=tuple(removed),
    )
