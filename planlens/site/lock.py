"""One build at a time per folder: a lock file, held with `flock` while a build runs.

The lock is the file `.planlens-build.lock` in the site's folder, locked with `fcntl.flock`
and holding the pid of its build, for the message a second build gives. The kernel releases a
`flock` when its process ends, however it ends, so a build killed with `kill -9` leaves no
stale lock: the next build finds the file unlocked and takes it. The lock file is removed at
the end of each build, by the build that holds it.

On a file system without `flock` (some network file systems), the lock falls back to creating
the file exclusively (`O_EXCL`); a lock file whose pid is no longer running is then stale, and
is removed.

A process forked while a lock is held (a build's worker) closes its copy of the descriptor at
once: the lock stays the build's alone, and goes when the build ends, even if a worker lingers.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from planlens.errors import PlanlensError

LOCK = ".planlens-build.lock"
#: How often a waiting build looks at the lock again, in seconds.
POLL = 0.05
#: The descriptors of the locks this process holds.
_HELD: set[int] = set()


def _forget_held() -> None:
    """In a forked child: close the copies of the parent's lock descriptors (a `flock` is
    released only when every copy is closed)."""
    for fd in _HELD:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_held)


class BuildLockedError(PlanlensError):
    """Another build holds the folder's lock."""


@contextlib.contextmanager
def build_lock(
    folder: Path, *, wait: float = 0.0, waiting: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the build lock of `folder` (which must exist) for the duration of the block.

    If another build holds it, wait up to `wait` seconds for it (calling `waiting` once with a
    message), then raise `BuildLockedError`: "another build is running in DIR (pid N)".
    """
    path = folder / LOCK
    deadline = time.monotonic() + wait
    told = False
    while True:
        fd = _take(path)
        if fd is not None:
            break
        pid = _holder(path)
        message = f"another build is running in {folder} (pid {pid or 'unknown'})"
        if time.monotonic() >= deadline:
            raise BuildLockedError(message)
        if waiting and not told:
            waiting(f"{message}; waiting for it")
            told = True
        time.sleep(POLL)
    _HELD.add(fd)
    try:
        yield
    finally:
        # Remove the file while still holding the lock, then let go: a build waiting on the
        # removed file sees that it is gone and takes a new one.
        with contextlib.suppress(OSError):
            path.unlink()
        _HELD.discard(fd)
        os.close(fd)


def _take(path: Path) -> int | None:
    """Return an open descriptor of the lock file, locked by us, or None if another holds it."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as err:
        raise PlanlensError(f"{path}: cannot lock the folder: {err.strerror}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    except OSError as err:
        os.close(fd)
        if err.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
            return _take_exclusive(path)
        raise PlanlensError(f"{path}: cannot lock the folder: {err.strerror}") from None
    try:
        if not os.path.samestat(os.fstat(fd), os.stat(path)):
            # The build that held it removed the file after we opened it: try again.
            os.close(fd)
            return _take(path)
    except FileNotFoundError:
        os.close(fd)
        return _take(path)
    _write_pid(fd, path)
    return fd


def _take_exclusive(path: Path) -> int | None:
    """Take the lock by creating the file, without `flock`; remove it first if it is stale."""
    for _attempt in range(2):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
        except FileExistsError:
            pid = _holder(path)
            if pid is not None and not _running(pid):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()  # stale: its build is gone
                continue
            return None
        except OSError as err:
            raise PlanlensError(f"{path}: cannot lock the folder: {err.strerror}") from None
        _write_pid(fd, path)
        return fd
    return None


def _write_pid(fd: int, path: Path) -> None:
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
    except OSError as err:
        os.close(fd)
        raise PlanlensError(f"{path}: cannot lock the folder: {err.strerror}") from None


def _holder(path: Path) -> int | None:
    """Return the pid written in the lock file, if there is one."""
    try:
        text = path.read_text("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def _running(pid: int) -> bool:
    """Say whether a process with this pid exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, as another user's
    return True
