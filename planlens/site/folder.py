"""`build_folder`: read a folder of plans and build its site, the `planlens build` command.

A build with more than one job reads the plans, finds their echoes and digests planlens's own
code (`code_fingerprint`) in a helper process (`pool.aside`), while this one imports what making
comparisons and pages needs, and compiles the templates if the helper is not done by then: all
of it is paid before any worker can start, and on two cores the helper's part now overlaps this
one's. What the helper found comes back pickled, which takes a small part of the time finding
it takes. One job does all of it here, one step after the other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planlens.site.pool import START_METHOD, aside, default_jobs

if TYPE_CHECKING:
    from planlens.cache import PlanCache
    from planlens.lineage.echoes import Echoes
    from planlens.plan.model import Plan
    from planlens.site.build import BuildResult

#: What the helper hands over: the plans, their echoes (None if finding them failed: the
#: build finds them again, to raise the error where one process would) and planlens's digest.
Read = tuple[tuple["Plan", ...], "Mapping[str, Echoes] | None", str]


def build_folder(
    folders: Sequence[str | Path],
    out_dir: str | Path,
    *,
    force: bool = False,
    progress: Callable[[Sequence[str]], Callable[[str], None]] | None = None,
    wait: float = 0.0,
    notice: Callable[[str], None] | None = None,
    jobs: int | None = 1,
    cache: PlanCache | None = None,
) -> BuildResult:
    """Read the plans of `folders` (a whole collection: `load_plans(..., closed=True)`) and
    write their site into `out_dir` (`build_site`, with the same options).

    The plans, the site and any error are the same whatever the number of jobs: an error
    reading the plans is the one `load_plans` raises, before the build starts. With a `cache`,
    the plans are read through it (`load_plans`).
    """
    count = default_jobs() if jobs is None else jobs
    if count > 1 and START_METHOD == "fork":
        read = aside(_read_and_find, tuple(folders), cache)
        # Meanwhile: the comparison, which the workers are forked with; and the templates, if
        # the helper is not done (else they wait until a page is to be made: a build of a
        # folder up to date makes none).
        from planlens.site.build import build_site

        if not read.ready():
            from planlens.render import load_templates

            load_templates()
        plans, echoes, fingerprint = read()
    else:
        from planlens.site.build import build_site

        plans, echoes, fingerprint = _read(tuple(folders), cache), None, None
    return build_site(
        plans,
        out_dir,
        echoes=echoes,
        force=force,
        progress=progress,
        wait=wait,
        notice=notice,
        jobs=jobs,
        fingerprint=fingerprint,
    )


def _read(folders: tuple[str | Path, ...], cache: PlanCache | None) -> tuple[Plan, ...]:
    from planlens.plan.load import load_plans  # in the helper, when there is one

    return load_plans(folders, closed=True, cache=cache)


def _read_and_find(folders: tuple[str | Path, ...], cache: PlanCache | None) -> Read:
    """In the helper: read the plans (an error is the build's), find their echoes, and digest
    planlens's code."""
    plans = _read(folders, cache)
    from planlens.lineage.echoes import corpus_echoes
    from planlens.site.manifest import code_fingerprint

    try:
        echoes: Mapping[str, Echoes] | None = corpus_echoes(plans)
    except Exception:  # raised again by the build, after it takes the folder's lock
        echoes = None
    return plans, echoes, code_fingerprint()
