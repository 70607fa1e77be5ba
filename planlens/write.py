"""Write output files atomically, never clobbering an existing file unless told to."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from planlens.errors import OutputExistsError, PlanlensError


def write_text(
    path: str | Path, text: str, *, force: bool = False, inputs: Iterable[Path] = ()
) -> None:
    """Write `text` to `path` as UTF-8 through a temporary file and a rename.

    A reader never sees a half-written file, and a failure leaves any old file as it was. An
    existing `path` is refused unless `force`; one of `inputs` is refused even then, since
    overwriting an input loses it.
    """
    write_bytes(path, text.encode("utf-8"), force=force, inputs=inputs)


def write_bytes(
    path: str | Path, data: bytes, *, force: bool = False, inputs: Iterable[Path] = ()
) -> None:
    """Write `data` to `path` as `write_text` writes text: atomically, never clobbering."""
    target = Path(path)
    for given in inputs:
        if target.exists() and given.exists() and target.resolve() == given.resolve():
            raise PlanlensError(f"{target}: refusing to overwrite an input file")
    if target.exists() and not force:
        raise OutputExistsError(f"{target}: file exists; use --force to overwrite it")
    if target.is_dir():
        raise PlanlensError(f"{target}: is a folder")
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as err:
        raise PlanlensError(f"{target}: cannot write: {err.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
