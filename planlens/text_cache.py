"""A cache of text features: each text's stems and number of words, kept between comparisons.

Aligning two plans starts by working out, for every text of both, its distinct word stems and
its number of words (`planlens.compare.units.Vocabulary`): the idf weights and the candidate
index need every clause's, even the clauses that stayed the same. On BGB 2012 and 2022 that is
2,700 texts and some 0.07 s of a `planlens diff`, the same in every run of the same files. An
entry keeps them for one plan's texts, so a later comparison of that plan (with the same or any
other version) reads them instead (`compare(..., cache=)`).

The key. An entry's name is the SHA-256 of the plan's texts (in order, with their lengths), of
the language they are stemmed in, and of the *generation*: the planlens version, the Python
version, marshal's, the source of the code that works the features out (`compare/units.py`,
`compare/similarity.py`, `compare/stemming.py`) and of this module and `cache.py`, and the
stemmer's installed files (`snowballstemmer`, and `PyStemmer` where it stands in for it). An
entry is never trusted across any of them. The texts, not the file, are the key: a plan from
any file, or from none, with the same texts and language has the same features.

The format and the failures are those of `planlens.cache` (a header with its own magic string,
the key and a CRC-32, then `marshal` of a tuple of (tuple of stems, count) per text: marshal
writes a frozenset three times slower, and a text both plans have is made a set once): a
missing, damaged or foreign entry, or data of another shape, is a miss, and the features are
worked out as without the cache. Entries are in the cache folder's `texts/`, pruned with the
same bound as the plans' (`MAX_BYTES`), and switched off with it (`--no-cache`,
`PLANLENS_NO_CACHE`). Plans with fewer than `MIN_CHARACTERS` of text are not cached: working
their features out costs less than hashing, reading and writing an entry.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from planlens.cache import MAX_BYTES, PlanCache, code_digest, default_folder, switched_off
from planlens.compare.units import Features

#: Plans with less text than this are not cached (the 15 plans of `plans/` have at most 40,000
#: characters; a law has millions).
MIN_CHARACTERS = 100_000
#: The start of every entry.
TEXT_MAGIC = b"planlens text cache 1\n"
#: The modules whose code decides a text's features, beside this one and `cache.py`.
FEATURE_MODULES = ("compare/units.py", "compare/similarity.py", "compare/stemming.py")
#: The packages that stem: snowballstemmer, which hands its stemmers to PyStemmer if installed.
STEMMER_MODULES = ("snowballstemmer", "Stemmer")


class _Entries(PlanCache):
    """Entries as the plans' are kept (read, written, pruned), with their own magic string."""

    magic = TEXT_MAGIC


class TextCache:
    """The text features in `folder` (`planlens.compare.units.FeatureCache`): `get` a plan's
    by its texts and language, `put` them. Nothing here raises: every failure is a miss."""

    def __init__(
        self, folder: Path, max_bytes: int = MAX_BYTES, min_characters: int | None = None
    ) -> None:
        self.folder = folder
        self.entries = _Entries(folder, max_bytes)
        #: Plans with less text are not cached (default: `MIN_CHARACTERS`).
        self.min_characters = MIN_CHARACTERS if min_characters is None else min_characters
        # The last key worked out: a miss's `put` asks for the key its `get` hashed.
        self._last: tuple[bytes, str | None, list[str], bytes] | None = None

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> TextCache | None:
        """Return the cache the environment asks for, or None where it is switched off or no
        folder can be named."""
        if switched_off(environ):
            return None
        try:
            return cls(default_folder(environ) / "texts")
        except (RuntimeError, OSError):  # Path.home(): no home folder
            return None

    def text_key(self, language: str | None, texts: Sequence[str]) -> bytes:
        """Return the key of the features of `texts` stemmed in `language`."""
        generation = text_generation()
        last = self._last
        if last is not None and last[:2] == (generation, language) and last[2] == texts:
            return last[3]
        import hashlib

        digest = hashlib.sha256(generation)
        digest.update(repr((language, [len(text) for text in texts])).encode())
        digest.update("".join(texts).encode("utf-8", "surrogatepass"))
        key = digest.digest()
        self._last = (generation, language, list(texts), key)
        return key

    def get(self, language: str | None, texts: Sequence[str]) -> tuple[Features, ...] | None:
        """Return the features of `texts` (one per text) as kept, or None."""
        if sum(map(len, texts)) < self.min_characters:
            return None
        key = self.text_key(language, texts)
        payload = self.entries.read(key)
        if payload is None:
            return None
        try:
            data = marshal.loads(payload)
        except Exception:  # marshal's errors
            return None
        if not _shaped(data, len(texts)):
            return None
        self.entries.touch(key)
        return data  # type: ignore[no-any-return]  # checked by `_shaped`

    def put(self, language: str | None, texts: Sequence[str], features: Sequence[Features]) -> None:
        """Keep the features of `texts` (one per text)."""
        if sum(map(len, texts)) < self.min_characters or len(features) != len(texts):
            return
        kept = tuple((tuple(stems), count) for stems, count in features)
        self.entries.write(self.text_key(language, texts), marshal.dumps(kept))


def _shaped(data: object, size: int) -> bool:
    """Tell whether `data` is `size` pairs of a tuple and a count (the stems are not looked at
    one by one: as for the plans', the key and the CRC tell a foreign or damaged entry)."""
    return (
        type(data) is tuple
        and len(data) == size
        and all(
            type(item) is tuple
            and len(item) == 2
            and type(item[0]) is tuple
            and type(item[1]) is int
            for item in data
        )
    )


@cache
def text_generation() -> bytes:
    """Return the digest of what, beside the texts and their language, decides their features."""
    stemmers = (name.encode() + b"\0" + _installed(name) for name in STEMMER_MODULES)
    return code_digest(TEXT_MAGIC, feature_sources(), *stemmers)


def feature_sources() -> list[Path]:
    """Return the source files of the code that decides a text's features (`FEATURE_MODULES`),
    of this module and of `cache.py`."""
    package = Path(__file__).resolve().parent
    found = [*(package / name for name in FEATURE_MODULES), package / "text_cache.py"]
    return sorted(path for path in [*found, package / "cache.py"] if path.is_file())


def _installed(name: str) -> bytes:
    """Return what tells one install of module `name` from another: the name, size and time of
    its file, or of every file of its package (b"none" where it is not installed)."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
        if spec is None or spec.origin is None:
            return b"none"
        origin = Path(spec.origin)
        files = [origin]
        if spec.submodule_search_locations is not None:  # a package: all its files
            with os.scandir(origin.parent) as found:
                files = sorted(Path(item.path) for item in found if item.is_file())
        stamps = []
        for path in files:
            info = path.stat()
            stamps.append(f"{path.name} {info.st_size} {info.st_mtime_ns}".encode())
    except (OSError, ImportError, ValueError):
        return b"unknown"
    return b"\0".join(stamps)
