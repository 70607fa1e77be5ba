"""A cache of parsed plans: a plan file read before, and unchanged since, comes back unparsed.

Parsing a plan file (composing its YAML, checking every key, building the `Plan`) is most of
loading a large one. An entry keeps what parsing one file gave when the file had no problem:
the plan, its references to other plans (resolved across the loaded files on every load, never
cached) and its warnings, so that a hit gives exactly what parsing would: the same `Plan`,
places included, and the same warnings. A file with any problem is never cached, so its
messages are always the parser's. The `planlens` commands use the cache (`--no-cache` and
`PLANLENS_NO_CACHE` switch it off); the library's loaders only when given one (`cache=`).

The key. An entry's name is the SHA-256 of the file's bytes and of the *generation*: the
planlens version; the SHA-256 of the source of the loader (`planlens/plan/*.py`, `errors.py`)
and of this module, since a development tree changes without a new version number; the Python
version (marshal's format, the Unicode tables); and PyYAML's files (its version, its libyaml).
An entry is never trusted across any of them: another generation looks for other names, and
the entries no one reads any more are pruned as the least recently used. Where the file is is
no part of the key: the paths in the plan, its places and its warnings are filled in from the
path it is read from. A command whose plans all come from the cache imports no YAML.

The format: a header (a magic string, the key again, a CRC-32 of the rest) and the data as
`marshal` of tuples of strings, integers, booleans and None, not `pickle`: unpickling calls
whatever callables the data names, so a cache file that someone else could write would be a
way to run code as the user; marshal and JSON only build data. marshal reads the entries of
BGB 2012 and 2022 (3.1 MB) in 4.9 ms of CPU, `json` the same data in 10.4 ms (as lists, which
would still have to become tuples); rebuilding the plans takes 10 ms more, and a hit of both
about 20 ms in all, where parsing them takes 110 ms. An entry is trusted as far as its header
says: the user's own regular file, of this key, whole (the CRC); data of another shape is a
miss.

Failures are misses: a missing, truncated, corrupt, foreign (another program's, or another
user's) or unreadable entry is ignored and the file parsed; a folder that cannot be made or
written is skipped; the command works as without the cache. Entries are written atomically
(`planlens.write`: a temporary file beside them, then a rename), so concurrent processes
(`planlens build`'s helper, two shells) never see half an entry; two writing the same entry
write the same bytes.

The folder: `PLANLENS_CACHE_DIR` if set, else the system's cache folder for planlens:
`$XDG_CACHE_HOME/planlens` or `~/.cache/planlens` (Linux and other Unix),
`~/Library/Caches/planlens` (macOS), `%LOCALAPPDATA%\\planlens\\Cache` (Windows); entries in
its `plans/`, made private (0700) when planlens makes it. It holds at most `MAX_BYTES`: after
each write the least recently used entries go (a hit marks an entry used). Deleting the folder
at any time is safe.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import stat
import sys
import time
import zlib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from planlens._version import __version__
from planlens.errors import Location, PlanlensError, Problem
from planlens.plan.across import Parsed, Reference
from planlens.plan.model import Clause, ClauseRef, Dropped, Plan, Source

# hashlib and planlens.write (tempfile) are imported when first needed: a command with the
# cache switched off imports this module and should not pay for them (5 ms).

#: The most the entries may take together; the least recently used go beyond it.
MAX_BYTES = 64 * 1024 * 1024
#: Switches the cache off when set to anything but "", 0, false, no or off.
OFF_VARIABLE = "PLANLENS_NO_CACHE"
#: The cache folder, instead of the system's.
FOLDER_VARIABLE = "PLANLENS_CACHE_DIR"
#: The start of every entry; a file that does not start so is not one.
MAGIC = b"planlens plan cache 1\n"
#: A temporary file older than this was left by a killed process, and is pruned.
STALE_SECONDS = 3600
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def default_folder(environ: Mapping[str, str] = os.environ, system: str = sys.platform) -> Path:
    """Return the cache folder: `PLANLENS_CACHE_DIR`, else the system's cache folder + planlens.

    >>> default_folder({"PLANLENS_CACHE_DIR": "/tmp/c", "HOME": "/h"}, "linux").as_posix()
    '/tmp/c'
    >>> default_folder({"XDG_CACHE_HOME": "/x", "HOME": "/h"}, "linux").as_posix()
    '/x/planlens'
    >>> default_folder({"XDG_CACHE_HOME": "relative", "HOME": "/h"}, "linux").as_posix()
    '/h/.cache/planlens'
    >>> default_folder({"HOME": "/h"}, "darwin").as_posix()
    '/h/Library/Caches/planlens'
    """
    given = environ.get(FOLDER_VARIABLE)
    if given:
        return Path(given)
    home = environ.get("HOME") or environ.get("USERPROFILE")
    root = Path(home) if home else Path.home()
    if system == "win32":
        local = environ.get("LOCALAPPDATA")
        return (Path(local) if local else root / "AppData" / "Local") / "planlens" / "Cache"
    if system == "darwin":
        return root / "Library" / "Caches" / "planlens"
    xdg = environ.get("XDG_CACHE_HOME")  # the XDG spec: a relative path is to be ignored
    return (Path(xdg) if xdg and os.path.isabs(xdg) else root / ".cache") / "planlens"


def switched_off(environ: Mapping[str, str] = os.environ) -> bool:
    """Say whether `PLANLENS_NO_CACHE` switches the cache off.

    >>> switched_off({}), switched_off({"PLANLENS_NO_CACHE": "1"})
    (False, True)
    >>> switched_off({"PLANLENS_NO_CACHE": "0"}), switched_off({"PLANLENS_NO_CACHE": ""})
    (False, False)
    """
    value = environ.get(OFF_VARIABLE, "").strip().lower()
    return value not in ("", "0", "false", "no", "off")


class PlanCache:
    """The entries in `folder`: `get` a parsed file by its bytes, `put` one parsed without
    problems. Nothing here raises: every failure is a miss, or a write left out."""

    def __init__(self, folder: Path, max_bytes: int = MAX_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> PlanCache | None:
        """Return the cache the environment asks for, or None where it is switched off or no
        folder can be named (no home folder)."""
        if switched_off(environ):
            return None
        try:
            return cls(default_folder(environ) / "plans")
        except (RuntimeError, OSError):  # Path.home(): no home folder
            return None

    def key(self, data: bytes) -> bytes:
        """Return the key of a file of `data` for this generation of the loader."""
        import hashlib

        return hashlib.sha256(generation() + hashlib.sha256(data).digest()).digest()

    #: The start of this kind's entries (`TextCache` keeps another kind in another folder).
    magic = MAGIC

    def get(self, key: bytes, path: str) -> Parsed | None:
        """Return the entry of `key` as parsing a file at `path` gave it, or None."""
        payload = self.read(key)
        if payload is None:
            return None
        try:
            parsed = decode(marshal.loads(payload), path)
        except Exception:  # marshal's errors, and data that does not build a plan
            return None
        self.touch(key)
        return parsed

    def put(self, key: bytes, parsed: Parsed, path: str) -> None:
        """Keep `parsed` (of a file at `path`, with no problem) as the entry of `key`."""
        data = encode(parsed, path)
        if data is not None:
            self.write(key, marshal.dumps(data))

    def read(self, key: bytes) -> memoryview | None:
        """Return the data of the entry of `key`, whole (its CRC checked), or None."""
        entry = self.folder / key.hex()
        try:
            # Not blocking on a FIFO, nor following a link, where the system has the flags.
            fd = os.open(entry, os.O_RDONLY | _NONBLOCK | _NOFOLLOW | _BINARY)
            with os.fdopen(fd, "rb") as handle:
                info = os.fstat(fd)
                if not stat.S_ISREG(info.st_mode) or not _own(info):
                    return None
                blob = handle.read()
        except OSError:
            return None
        magic = self.magic
        if blob[: len(magic)] != magic or blob[len(magic) : len(magic) + 32] != key:
            return None
        header = len(magic) + 36
        payload = memoryview(blob)[header:]
        if zlib.crc32(payload).to_bytes(4, "big") != blob[header - 4 : header]:
            return None
        return payload

    def touch(self, key: bytes) -> None:
        """Mark the entry of `key` used now: pruned last."""
        with contextlib.suppress(OSError):
            os.utime(self.folder / key.hex())

    def write(self, key: bytes, payload: bytes) -> None:
        """Keep `payload` as the entry of `key` (atomically), then prune."""
        blob = self.magic + key + zlib.crc32(payload).to_bytes(4, "big") + payload
        from planlens.write import stage_bytes

        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            entry = self.folder / key.hex()
            stage_bytes(entry, blob, force=True, follow_symlinks=False).commit()
        except (OSError, PlanlensError):
            return
        self.prune()

    def prune(self) -> None:
        """Remove the least recently used entries while they take more than `max_bytes`, and
        temporary files that a killed process left."""
        from planlens.write import TEMP_SUFFIX

        now = time.time()
        entries: list[tuple[float, int, str]] = []
        total = 0
        with contextlib.suppress(OSError), os.scandir(self.folder) as found:
            for item in found:
                with contextlib.suppress(OSError):
                    info = item.stat(follow_symlinks=False)
                    if not stat.S_ISREG(info.st_mode):
                        continue
                    if item.name.endswith(TEMP_SUFFIX):
                        if now - info.st_mtime > STALE_SECONDS:
                            os.unlink(item.path)
                        continue
                    entries.append((info.st_mtime, info.st_size, item.path))
                    total += info.st_size
        entries.sort()
        for _, size, name in entries[:-1]:  # the newest stays, however large
            if total <= self.max_bytes:
                break
            with contextlib.suppress(OSError):
                os.unlink(name)
            total -= size


def _own(info: os.stat_result) -> bool:
    """Say whether a file is the user's own (always, where files have no owner)."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


@cache
def generation() -> bytes:
    """Return the digest of what, beside a file's bytes, decides what parsing it gives."""
    return code_digest(MAGIC, loader_sources(), _yaml_files())


def code_digest(magic: bytes, sources: list[Path], *installed: bytes) -> bytes:
    """Return the digest of an entry kind's `magic` string, of planlens's, Python's and
    marshal's versions, of the name and text of every file of `sources`, and of what tells the
    `installed` libraries' installs apart: what an entry must not be trusted across."""
    import hashlib

    digest = hashlib.sha256()
    digest.update(repr((magic, __version__, sys.version, marshal.version)).encode())
    for source in sources:
        with contextlib.suppress(OSError):
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    for install in installed:
        digest.update(install)
    return digest.digest()


def _yaml_files() -> bytes:
    """Return what tells one PyYAML install from another, without importing it (a command whose
    plans all come from the cache never does): the text of its `__init__.py`, which names the
    version, and the name, size and time of every file of the package (its C extension, with
    libyaml, among them)."""
    from importlib.util import find_spec

    try:
        spec = find_spec("yaml")
        if spec is None or spec.origin is None:
            return b"no yaml"
        init = Path(spec.origin)
        found = [init.read_bytes()]
        with os.scandir(init.parent) as files:
            for item in sorted(files, key=lambda item: item.name):
                if item.is_file():  # not __pycache__, which changes as Python compiles
                    info = item.stat()
                    found.append(f"{item.name} {info.st_size} {info.st_mtime_ns}".encode())
    except (OSError, ImportError, ValueError):
        return b"yaml unknown"
    return b"\0".join(found)


def loader_sources() -> list[Path]:
    """Return the source files of the code that decides what parsing a plan file gives: the
    `plan` package, `errors.py` and this module (none, where only bytecode is installed)."""
    package = Path(__file__).resolve().parent
    found = [*package.joinpath("plan").glob("*.py"), package / "errors.py", package / "cache.py"]
    return sorted(path for path in found if path.is_file())


# -- the data: plain tuples --------------------------------------------------------------------


def encode(parsed: Parsed, path: str) -> tuple[Any, ...] | None:
    """Return `parsed` as plain tuples, its places without `path`; None if it is not one to
    keep (a problem, no plan, or a place in another file)."""
    plan = parsed.plan
    if parsed.problems or plan is None or plan.path != path:
        return None
    try:
        refs = tuple(
            (ref.key, _ref_target(ref.target), *_place(ref.location, path))
            for ref in parsed.references
        )
        warnings = tuple((*_place(w.location, path), w.message) for w in parsed.warnings)
        return (_plan(plan, path), refs, warnings)
    except _OtherFile:
        return None


class _OtherFile(Exception):
    """A place in another file than the one parsed: such a result is not kept."""


def _place(location: Location | None, path: str) -> tuple[int, int]:
    if location is None or location.path != path:
        raise _OtherFile
    return (location.line, location.column)


def _ref_target(target: ClauseRef | str) -> tuple[str, str] | str:
    return target if isinstance(target, str) else (target.plan, target.clause)


def _source(source: Source) -> tuple[str | None, ...]:
    return (source.url, source.title, source.publisher, source.date, source.accessed, source.note)


def _clause(clause: Clause, path: str) -> tuple[Any, ...]:
    same_as = clause.same_as
    return (
        clause.id,
        clause.text,
        clause.number,
        clause.title,
        clause.topics,
        clause.status,
        tuple(_source(s) for s in clause.sources),
        clause.notes,
        None if same_as is None else (same_as.plan, same_as.clause),
        tuple((ref.plan, ref.clause) for ref in clause.derived_from),
        tuple(_clause(child, path) for child in clause.clauses),
        _place(clause.location, path),
    )


def _plan(plan: Plan, path: str) -> tuple[Any, ...]:
    dropped = tuple(
        (
            (one.clause.plan, one.clause.clause),
            None if one.source is None else _source(one.source),
            one.note,
            _place(one.location, path),
        )
        for one in plan.dropped
    )
    return (
        plan.id,
        plan.title,
        plan.date,
        plan.status,
        plan.completeness,
        tuple(_source(s) for s in plan.sources),
        tuple(_clause(c, path) for c in plan.clauses),
        plan.version,
        plan.parties,
        plan.language,
        plan.follows,
        plan.standalone,
        plan.expected_clauses,
        plan.notes,
        dropped,
        _place(plan.location, path),
    )


def decode(data: Any, path: str) -> Parsed:
    """Return the `Parsed` that `encode` made `data` of, read from `path`; raise on data of
    another shape (any exception: the caller takes them all for a miss)."""
    plan_data, refs, warnings = data
    references = [
        Reference(
            key,
            target if isinstance(target, str) else ClauseRef(*target),
            Location(path, line, column),
        )
        for key, target, line, column in refs
    ]
    found = [Problem(Location(path, line, column), message) for line, column, message in warnings]
    return Parsed(_build_plan(plan_data, path), [], references, found)


def _build_source(values: Any) -> Source:
    url, title, publisher, date, accessed, note = values
    return Source(url, title, publisher, date, accessed, note)


def _build_clause(values: Any, path: str) -> Clause:
    (ident, text, number, title, topics, status, sources, notes, same_as, derived, children, at) = (
        values
    )
    line, column = at
    return Clause(
        ident,
        text,
        number,
        title,
        topics,
        status,
        tuple(map(_build_source, sources)) if sources else (),
        notes,
        None if same_as is None else ClauseRef(*same_as),
        tuple(ClauseRef(plan, clause) for plan, clause in derived) if derived else (),
        tuple(_build_clause(child, path) for child in children) if children else (),
        Location(path, line, column),
    )


def _build_dropped(values: Any, path: str) -> Dropped:
    (plan, clause), source, note, (line, column) = values
    return Dropped(
        ClauseRef(plan, clause),
        None if source is None else _build_source(source),
        note,
        Location(path, line, column),
    )


def _build_plan(values: Any, path: str) -> Plan:
    (
        ident,
        title,
        date,
        status,
        completeness,
        sources,
        clauses,
        version,
        parties,
        language,
        follows,
        standalone,
        expected,
        notes,
        dropped,
        (line, column),
    ) = values
    return Plan(
        ident,
        title,
        date,
        status,
        completeness,
        tuple(map(_build_source, sources)),
        tuple(_build_clause(clause, path) for clause in clauses),
        version,
        parties,
        language,
        follows,
        standalone,
        expected,
        notes,
        tuple(_build_dropped(one, path) for one in dropped),
        path,
        Location(path, line, column),
    )
