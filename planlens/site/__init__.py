"""The report site: every page for a folder of plans, built incrementally into one folder.

- `build`: `build_site`, which writes the pages of a corpus: only what changed, every page staged
  before any is renamed into place, in the pages' order.
- `pages`: the pages a corpus makes (`Site`, `Page`), what each is made from, and making one;
  each pair of versions is compared once, for its comparison page, the index and the lineages.
- `schedule`: which process makes each comparison and page, and when: in this process one
  after the other, or in one pool of workers, forked once, with the same results and errors.
- `pool`: the worker processes (`workers`), which end with their build; `default_jobs`, one
  per core.
- `manifest`: the build manifest (which files planlens made, from what), also the journal that
  lets a killed build be completed by the next one.
- `lock`: one build at a time per folder (`flock`, with the pid of the build holding it).

May import every earlier package: `planlens.plan`, `planlens.compare`, `planlens.lineage`,
`planlens.render` and `planlens.write`. Only `planlens.cli` comes after it.
"""

from planlens.site.build import BuildResult, build_site, code_fingerprint, site_jobs
from planlens.site.lock import LOCK, BuildLockedError
from planlens.site.manifest import MANIFEST, MANIFEST_FORMAT, read_manifest
from planlens.site.pages import Page, Site
from planlens.site.pool import default_jobs

__all__ = [
    "LOCK",
    "MANIFEST",
    "MANIFEST_FORMAT",
    "BuildLockedError",
    "BuildResult",
    "Page",
    "Site",
    "build_site",
    "code_fingerprint",
    "default_jobs",
    "read_manifest",
    "site_jobs",
]
