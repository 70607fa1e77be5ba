"""Performance helpers: the collector paused around heavy pure functions, and packages whose
names are imported on first use (so that a command pays only for the modules it needs)."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager
from typing import Any


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run with the cyclic garbage collector paused, restoring its state afterwards.

    Importing or comparing a large law allocates millions of small tuples and lists and makes
    almost no reference cycles, yet every few hundred allocations trigger a collection, and the
    older generations' collections walk every object of both plans: on BGB that was 20-30 % of
    the time. Reference counting still frees everything at once; the few cycles (recursive
    helper closures) wait for the next collection after the call.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def names_on_first_use(
    package: str,
    homes: Mapping[str, str],
    names: Sequence[str],
    namespace: MutableMapping[str, Any],
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return a package's `__getattr__` and `__dir__` (PEP 562): each name of `homes` is
    imported from its module on first use and kept in the package's `namespace`.

    >>> space = {}
    >>> get, names = names_on_first_use("pkg", {"dedent": "textwrap"}, ["dedent"], space)
    >>> get("dedent")(" a"), "dedent" in space, names()
    ('a', True, ['dedent'])
    >>> get("indent")
    Traceback (most recent call last):
    AttributeError: module 'pkg' has no attribute 'indent'
    """

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *names})

    return __getattr__, __dir__
