"""Patterns compiled ahead of time: the programs Python's regex compiler writes, kept in a file.

The flag rules are long alternations of words (`lexicon`), and Python's regex compiler, written
in Python, takes about 20 ms of CPU for the hundred-odd patterns a comparison uses: an eighth
of a small `planlens diff`, start-up included, the largest part of importing `compare`.
`compiled-patterns.json`, beside this module, holds the program the compiler wrote for each of
them; `compile(pattern, flags)` hands it to the regex engine (`_sre.compile`, the call that
`re.compile` itself ends with), which checks it and builds the same pattern object: all of
them in under a millisecond.

A program is used only for the same pattern text and flags and only when written by this very
Python (its exact version and build, the engine's `MAGIC`, code size and byte order): the
engine's programs differ between versions. Anything else, and any surprise of the private
engine, compiles as `re.compile` does. So a stale file or another Python costs time, never a
different match: a pattern from the file equals (`==`, which compares the programs) the one
`re.compile` makes. `tests/test_patterns.py` fails when the file is stale for the Python that
runs the tests; `make patterns` rewrites it (`scripts/compile-patterns.py`, `store_text`).
"""

from __future__ import annotations

import array
import base64
import importlib
import json
import re
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

#: The programs, beside this module (package data).
STORE = Path(__file__).with_name("compiled-patterns.json")

_sre: Any = importlib.import_module("_sre")
_parser: Any = importlib.import_module("re._parser")
_compiler: Any = importlib.import_module("re._compiler")

#: Every pattern asked for in this process, by its key: what `store_text` writes.
asked: dict[str, tuple[str, int]] = {}

#: A program as stored: its flags, its code (base64 of the engine's words), the number of
#: groups, the group names and the name of each group.
Program = tuple[int, str, int, dict[str, int], list[str | None]]


@cache
def engine() -> str:
    """Return what, beside a pattern's text and flags, decides the program compiled for it."""
    return repr((sys.version, _sre.MAGIC, _sre.CODESIZE, sys.byteorder))


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Return `pattern` compiled with `flags`: from its stored program when there is one.

    >>> compile(r"(?<![\\w-])(?:shall|must)(?![\\w])", re.I) == re.compile(
    ...     r"(?<![\\w-])(?:shall|must)(?![\\w])", re.I
    ... )
    True
    """
    flags = int(flags)
    key = f"{flags}:{pattern}"
    stored = _programs(STORE, engine()).get(key)
    built: re.Pattern[str] | None = None
    if stored is not None:
        try:
            built = _built(pattern, stored)
        except Exception:  # a program the engine refuses: compile as usual
            built = None
    if built is None:
        built = re.compile(pattern, flags)  # raises re.error for a wrong pattern, as ever
    asked[key] = (pattern, flags)
    return built


def _built(pattern: str, stored: list[Any]) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = stored
    words = array.array("I")
    if words.itemsize != _sre.CODESIZE:
        raise ValueError("the engine's words are not 'I'")
    words.frombytes(base64.b64decode(code))
    built: re.Pattern[str] = _sre.compile(
        pattern, flags, words.tolist(), groups, groupindex, tuple(indexgroup)
    )
    return built


@cache
def _programs(store: Path, wanted: str) -> dict[str, Any]:
    """Return the store's programs if this Python wrote them, else nothing."""
    try:
        data = json.loads(store.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("engine") != wanted:
        return {}
    programs = data.get("patterns")
    return programs if isinstance(programs, dict) else {}


def program(pattern: str, flags: int) -> Program:
    """Return the program Python's regex compiler writes for `pattern` (`re._compiler.compile`
    up to its last call)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = {str(name): int(k) for name, k in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, k in groupindex.items():
        indexgroup[k] = name
    words = array.array("I", [int(word) for word in code])
    return (
        int(flags | parsed.state.flags),
        base64.b64encode(words.tobytes()).decode("ascii"),
        parsed.state.groups - 1,
        groupindex,
        indexgroup,
    )


def store_text(patterns: Iterable[tuple[str, int]]) -> str:
    """Return the store for `patterns` (pattern, flags): this Python's program for each."""
    programs = {f"{flags}:{pattern}": program(pattern, flags) for pattern, flags in patterns}
    data = {"engine": engine(), "patterns": programs}
    return json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n"
