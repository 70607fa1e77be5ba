"""The report site: every page for a folder of plans, built incrementally into one folder.

- `build`: `build_site`, which writes the pages of a corpus: only what changed, every page staged
  before any is renamed into place, in the pages' order.
- `folder`: `build_folder`, which reads a folder of plans and builds its site; with more than
  one job, the plans are read by a helper process while this one imports what building needs.
- `pages`: the pages a corpus makes (`Site`, `Page`), what each is made from, and making one;
  each pair of versions is compared once, for its comparison page, the index and the lineages.
- `schedule`: which process makes each comparison and page, and when: in this process one
  after the other, or in one pool of workers, forked once, with the same results and errors.
- `pool`: the worker processes (`workers`), which end with their build; a helper process that
  does one thing beside this one (`aside`); `default_jobs`, one per core.
- `manifest`: the build manifest (which files planlens made, from what), also the journal that
  lets a killed build be completed by the next one.
- `lock`: one build at a time per folder (`flock`, with the pid of the build holding it).

May import every earlier package: `planlens.plan`, `planlens.compare`, `planlens.lineage`,
`planlens.render` and `planlens.write`. Only `planlens.cli` comes after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planlens.perf import names_on_first_use

if TYPE_CHECKING:
    from planlens.site.build import BuildResult, build_site, site_jobs
    from planlens.site.folder import build_folder
    from planlens.site.lock import LOCK, BuildLockedError
    from planlens.site.manifest import MANIFEST, MANIFEST_FORMAT, code_fingerprint, read_manifest
    from planlens.site.pages import Page, Site
    from planlens.site.pool import default_jobs

#: The module each name comes from, imported on first use (as in `planlens.plan`): importing
#: `planlens.site.folder` does not import the comparison or the templates, which a build with
#: more than one job imports while a helper process reads the plans.
_HOMES = {
    "LOCK": "planlens.site.lock",
    "MANIFEST": "planlens.site.manifest",
    "MANIFEST_FORMAT": "planlens.site.manifest",
    "BuildLockedError": "planlens.site.lock",
    "BuildResult": "planlens.site.build",
    "Page": "planlens.site.pages",
    "Site": "planlens.site.pages",
    "build_folder": "planlens.site.folder",
    "build_site": "planlens.site.build",
    "code_fingerprint": "planlens.site.manifest",
    "default_jobs": "planlens.site.pool",
    "read_manifest": "planlens.site.manifest",
    "site_jobs": "planlens.site.build",
}

__all__ = [
    "LOCK",
    "MANIFEST",
    "MANIFEST_FORMAT",
    "BuildLockedError",
    "BuildResult",
    "Page",
    "Site",
    "build_folder",
    "build_site",
    "code_fingerprint",
    "default_jobs",
    "read_manifest",
    "site_jobs",
]


if not TYPE_CHECKING:  # mypy reads the imports above
    __getattr__, __dir__ = names_on_first_use("planlens.site", _HOMES, __all__, globals())
