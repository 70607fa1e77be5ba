"""The report site: every page for a folder of plans, built incrementally into one folder.

- `build`: the pages a corpus makes, the manifest of what was built from what, `build_site`.

May import every earlier package: `planlens.plan`, `planlens.compare`, `planlens.lineage`,
`planlens.render` and `planlens.write`. Only `planlens.cli` comes after it.
"""

from planlens.site.build import (
    MANIFEST,
    MANIFEST_FORMAT,
    BuildResult,
    build_site,
    code_fingerprint,
    read_manifest,
    site_jobs,
)

__all__ = [
    "MANIFEST",
    "MANIFEST_FORMAT",
    "BuildResult",
    "build_site",
    "code_fingerprint",
    "read_manifest",
    "site_jobs",
]
