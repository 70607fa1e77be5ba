"""The report site: every page for a folder of plans, built incrementally into one folder.

- `build`: the pages a corpus makes and `build_site`, which writes them: only what changed, every
  page staged before any is renamed into place.
- `manifest`: the build manifest (which files planlens made, from what), also the journal that
  lets a killed build be completed by the next one.
- `lock`: one build at a time per folder (`flock`, with the pid of the build holding it).

May import every earlier package: `planlens.plan`, `planlens.compare`, `planlens.lineage`,
`planlens.render` and `planlens.write`. Only `planlens.cli` comes after it.
"""

from planlens.site.build import BuildResult, build_site, code_fingerprint, site_jobs
from planlens.site.lock import LOCK, BuildLockedError
from planlens.site.manifest import MANIFEST, MANIFEST_FORMAT, read_manifest

__all__ = [
    "LOCK",
    "MANIFEST",
    "MANIFEST_FORMAT",
    "BuildLockedError",
    "BuildResult",
    "build_site",
    "code_fingerprint",
    "read_manifest",
    "site_jobs",
]
