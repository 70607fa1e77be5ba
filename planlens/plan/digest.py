"""The SHA-256 of a plan file, which every report and page shows beside the plan's name.

Apart from `load` so that a site build imports it without the YAML loader: with more than one
job, its plans are read by a helper process (`planlens.site.folder`).
"""

from __future__ import annotations

from pathlib import Path

from planlens.errors import PlanlensError


def file_sha256(path: str | None) -> str | None:
    """Return the SHA-256 of the file at `path`, or None for a plan not read from a file."""
    import hashlib  # here: `load` re-exports this function, and `diff` hashes nothing

    if path is None:
        return None
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as err:
        raise PlanlensError(f"{path}: cannot read: {err.strerror}") from None
