"""The build manifest: which files of a site folder planlens made, and from what.

`.planlens-build.json` maps each page to a digest of its inputs and of planlens itself
(`code_fingerprint`: its code and templates). A page whose digest is unchanged is not rebuilt;
a file not in the manifest is not planlens's, and a build refuses to overwrite it without
`--force`.

The manifest is also the build's journal. Before the first page of a build is renamed into
place, the manifest is rewritten to list every page the build is about to write, with an empty
digest (pending); at the end it gets their digests. A build killed at any moment therefore
leaves a manifest that claims every page it may have written, so the next plain build rebuilds
them without `--force`.

A manifest is trusted only as far as it is shaped as planlens writes it: anything else (not
JSON, another shape, a page path that leaves the folder) counts as absent, with a warning.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path, PurePosixPath

from planlens._version import __version__
from planlens.write import reason, write_text

MANIFEST = ".planlens-build.json"
#: The manifest's format number: raised whenever what a page digest covers, or the manifest's
#: shape, changes. A manifest of another format still tells which files planlens made, but its
#: digests are not trusted, so every page is rebuilt. 2: a plan page's digest covers its echoes.
#: 3: a plan page's also its comparisons; a comparison's, the versions between its two.
MANIFEST_FORMAT = 3
#: A digest that matches nothing: the page is being written, or was when a build stopped.
PENDING = ""
#: No manifest planlens writes comes near this; a larger file is not read.
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


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


def read_manifest(
    path: Path, *, warn: Callable[[str], None] | None = None
) -> tuple[set[str], dict[str, str]]:
    """Return the pages a build manifest says planlens made, and their digests if trusted.

    A missing manifest, or one not shaped as planlens writes it, is treated as absent (`warn`
    is told why, for the latter). Digests are trusted only from a manifest of this
    `MANIFEST_FORMAT`.
    """
    try:
        size = path.stat().st_size
        if size > MAX_MANIFEST_BYTES:
            return _absent(path, f"over {MAX_MANIFEST_BYTES // (1024 * 1024)} MiB", warn)
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return set(), {}
    except OSError as err:
        return _absent(path, reason(err), warn)
    except (ValueError, RecursionError):  # not UTF-8, not JSON, or JSON nested too deeply
        return _absent(path, "not JSON", warn)
    pages = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in pages.items()
    ):
        return _absent(path, "'pages' is not a mapping of paths to digests", warn)
    outside = next((key for key in pages if not page_path_ok(key)), None)
    if outside is not None:
        return _absent(path, f"{outside!r} is not a path inside the folder", warn)
    return set(pages), pages if data.get("format") == MANIFEST_FORMAT else {}


def _absent(
    path: Path, why: str, warn: Callable[[str], None] | None
) -> tuple[set[str], dict[str, str]]:
    if warn:
        warn(
            f"warning: {path}: not a build manifest as planlens writes it ({why}); "
            "ignoring it, so files in the folder count as not made by planlens"
        )
    return set(), {}


def page_path_ok(page: str) -> bool:
    """Say whether `page` is a plain relative path inside a site folder.

    >>> [page_path_ok(p) for p in ("index.html", "plans/a.html", "../x", "/etc/passwd", "a\\0")]
    [True, True, False, False, False]
    """
    parts = PurePosixPath(page).parts
    return (
        bool(parts)
        and not PurePosixPath(page).is_absolute()
        and ".." not in parts
        and "\0" not in page
        and "\\" not in page
        and page == "/".join(parts)
    )


def write_manifest(out: Path, pages: Mapping[str, str]) -> None:
    """Write the manifest of `out` listing `pages` (atomically), unless it already says so."""
    manifest = {
        "format": MANIFEST_FORMAT,
        "planlens": __version__,
        "pages": dict(sorted(pages.items())),
    }
    text = json.dumps(manifest, indent=2) + "\n"
    path = out / MANIFEST
    try:
        if path.read_text("utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    write_text(path, text, force=True, follow_symlinks=False)
