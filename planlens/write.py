"""Write output files atomically, never clobbering an existing file unless told to.

A file is written to a temporary file beside it and renamed over the target, so a reader never
sees it half-written and a failure (a full disk, a read-only folder) leaves the old file as it
was, with no temporary file behind. Every `OSError` becomes a `PlanlensError` naming the path.

Only regular files are written: a folder, a FIFO, a device or a socket at the path is refused,
even with `force`, never replaced. A symbolic link is written through, to the file it points to
(the link stays), or, where the caller says so (the pages of a site), refused.

`stage_text` (and `stage_bytes`) writes the temporary file and returns a `Staged` whose
`commit` renames it into place; a site build stages every page before committing any, so a
failure while writing leaves the whole previous site in place.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from planlens.errors import OutputExistsError, PlanlensError

#: The ending of every temporary file planlens writes; a build removes those a killed build
#: left in its folder.
TEMP_SUFFIX = ".planlens-tmp"


@dataclass(frozen=True, slots=True)
class Staged:
    """A file written to its temporary name, to be renamed over `real` (or discarded)."""

    target: Path  # the path as named, for messages
    real: Path  # where the text goes: `target`, or the file a link at `target` points to
    temporary: Path

    def commit(self) -> None:
        """Rename the temporary file into place."""
        try:
            os.replace(self.temporary, self.real)
        except OSError as err:
            self.discard()
            raise PlanlensError(f"{self.target}: cannot write: {reason(err)}") from None
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        """Remove the temporary file, if it is still there."""
        with contextlib.suppress(OSError):
            self.temporary.unlink(missing_ok=True)


def write_text(
    path: str | Path,
    text: str,
    *,
    force: bool = False,
    inputs: Iterable[Path] = (),
    follow_symlinks: bool = True,
) -> None:
    """Write `text` to `path` as UTF-8 through a temporary file and a rename.

    A reader never sees a half-written file, and a failure leaves any old file as it was. An
    existing `path` is refused unless `force`; one of `inputs` is refused even then, since
    overwriting an input loses it, and so is anything but a regular file (or a link to one;
    with `follow_symlinks` false, a link too).
    """
    stage_text(path, text, force=force, inputs=inputs, follow_symlinks=follow_symlinks).commit()


def write_bytes(
    path: str | Path, data: bytes, *, force: bool = False, inputs: Iterable[Path] = ()
) -> None:
    """Write `data` to `path` as `write_text` writes text: atomically, never clobbering."""
    stage_bytes(path, data, force=force, inputs=inputs).commit()


def stage_text(
    path: str | Path,
    text: str,
    *,
    force: bool = False,
    inputs: Iterable[Path] = (),
    follow_symlinks: bool = True,
) -> Staged:
    """Check `path` as `write_text` does and write `text` to a temporary file beside it."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise PlanlensError(f"{path}: cannot write: the text is not valid Unicode") from None
    return stage_bytes(path, data, force=force, inputs=inputs, follow_symlinks=follow_symlinks)


def stage_bytes(
    path: str | Path,
    data: bytes,
    *,
    force: bool = False,
    inputs: Iterable[Path] = (),
    follow_symlinks: bool = True,
) -> Staged:
    """Check `path` as `write_text` does and write `data` to a temporary file beside it."""
    target = Path(path)
    real, existing = _checked_target(target, force, inputs, follow_symlinks)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # A name too long for the folder would fail only at the rename: refuse it now, before
        # anything is written (a site build stages every page before renaming any).
        if len(os.fsencode(real.name)) > _name_max(real.parent):
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG))
        fd, name = tempfile.mkstemp(
            prefix=f".{real.name[:100]}.", suffix=TEMP_SUFFIX, dir=real.parent
        )
    except OSError as err:
        raise PlanlensError(f"{target}: cannot write: {reason(err)}") from None
    staged = Staged(target, real, Path(name))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp makes the file private (0600); give it the mode of the file it replaces, or
        # the mode a plain open() would.
        os.chmod(name, stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~_umask())
    except OSError as err:
        staged.discard()
        raise PlanlensError(f"{target}: cannot write: {reason(err)}") from None
    except BaseException:
        staged.discard()
        raise
    return staged


def _checked_target(
    target: Path, force: bool, inputs: Iterable[Path], follow_symlinks: bool
) -> tuple[Path, os.stat_result | None]:
    """Return where writing `target` writes, and the file there now; raise if it must not."""
    try:
        link = target.is_symlink()
        if link and not follow_symlinks:
            raise PlanlensError(f"{target}: is a symbolic link; refusing to write through it")
        real = Path(os.path.realpath(target)) if link else target
        existing = real.stat() if real.exists() else None
        for given in inputs:
            if existing and given.exists() and os.path.samefile(real, given):
                raise PlanlensError(f"{target}: refusing to overwrite an input file")
    except OSError as err:
        raise PlanlensError(f"{target}: cannot write: {reason(err)}") from None
    if existing is not None:
        kind = special_kind(existing.st_mode)
        if kind:
            raise PlanlensError(f"{target}: is {kind}, not a regular file; refusing to write to it")
    if (existing is not None or link) and not force:
        raise OutputExistsError(f"{target}: file exists; use --force to overwrite it")
    return real, existing


def special_kind(mode: int) -> str | None:
    """Return what a file of `mode` is, in words, if it is not a regular file.

    >>> special_kind(stat.S_IFIFO), special_kind(stat.S_IFREG)
    ('a FIFO', None)
    """
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return (
        next((name for test, name in kinds if test(mode)), None) if not stat.S_ISREG(mode) else None
    )


def reason(err: OSError) -> str:
    """Return why an `OSError` happened, in words ("No space left on device")."""
    if err.strerror:
        return err.strerror
    return os.strerror(err.errno) if err.errno else str(err) or type(err).__name__


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
