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

The file also keeps, for each pattern behind a guard (`guards`), what the guard reads off the
parsed pattern (`Reading`: the strings any match needs, and its quick form's text), so that a
large comparison neither parses its patterns with the private parser written in Python nor
compiles their quick forms: it reads them here, under the same rule (this very Python only).
"""

from __future__ import annotations

import array
import base64
import importlib
import json
import re
import sys
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

#: The programs, beside this module (package data).
STORE = Path(__file__).with_name("compiled-patterns.json")
#: The programs of the blocks of long alternations (`blocks`), in a file of their own: read
#: only once a large comparison compiles them (`open_blocks`), so that a small one does not
#: load them.
BLOCKS_STORE = STORE.with_name("compiled-blocks.json")
_blocks_open = False

_sre: Any = importlib.import_module("_sre")
_parser: Any = importlib.import_module("re._parser")
_compiler: Any = importlib.import_module("re._compiler")

#: Every pattern asked for in this process, by its key: what `store_text` writes.
asked: dict[str, tuple[str, int]] = {}

#: A program as stored: its flags, its code (base64 of the engine's words), the number of
#: groups, the group names and the name of each group.
Program = tuple[int, str, int, dict[str, int], list[str | None]]
#: What a guard reads off a pattern: what one of its matches needs (pairs of kind and letters,
#: sorted; None: nothing known), and the text of its quick form (None: the pattern itself).
Reading = tuple[list[tuple[str, str]] | None, str | None]


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
    stored = _stored("patterns", key)
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


def open_blocks() -> None:
    """Look in `BLOCKS_STORE` too for what `STORE` does not hold, from now on."""
    global _blocks_open
    _blocks_open = True


def _stored(section: str, key: str) -> Any:
    found = _programs(STORE, engine()).get(section, {}).get(key)
    if found is None and _blocks_open:
        found = _programs(BLOCKS_STORE, engine()).get(section, {}).get(key)
    return found


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
def _programs(store: Path, wanted: str) -> dict[str, dict[str, Any]]:
    """Return the store's sections ("patterns", "guards") if this Python wrote them, else none."""
    try:
        data = json.loads(store.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("engine") != wanted:
        return {}
    return {
        name: section
        for name in ("patterns", "guards")
        if isinstance(section := data.get(name), dict)
    }


def reading(pattern: str, flags: int) -> Reading | None:
    """Return what a guard reads off `pattern` as stored, or None when the store has none.

    >>> reading(r"(?<![\\w-])(?:shall|must)(?![\\w])", 0) is None  # no guard stands before it
    True
    """
    stored = _stored("guards", f"{int(flags)}:{pattern}")
    if stored is None:
        return None
    try:
        wanted, quick = stored
        needs = None if wanted is None else [(str(kind), str(s)) for kind, s in wanted]
        return needs, None if quick is None else str(quick)
    except (TypeError, ValueError):  # none, or not of this shape: read as if not stored
        return None


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


def store_text(
    patterns: Iterable[tuple[str, int]], guards: Mapping[tuple[str, int], Reading] | None = None
) -> str:
    """Return the store for `patterns` (pattern, flags): this Python's program for each, and
    for `guards` what a guard reads off each of those patterns."""
    programs = {f"{flags}:{pattern}": program(pattern, flags) for pattern, flags in patterns}
    data: dict[str, Any] = {"engine": engine(), "patterns": programs}
    if guards:
        data["guards"] = {f"{flags}:{pattern}": r for (pattern, flags), r in guards.items()}
    return json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n"
