"""planlens: compare versions of negotiated texts clause by clause.

Public API:

- `load_plan(path)`, `parse_plan(text, path)`, `load_plans(paths)`: read plan files into `Plan`s.
- `plan_schema()`: the JSON Schema of the plan file format.
- `PlanlensError` and its subclasses, raised for every problem a user can fix.

The code is laid out in the order data flows (see "How the code is laid out" in the README):
`plan` (model, loading, checking) -> `importers` -> `compare` -> `lineage` -> `render` ->
`write` -> `site` -> `cli`, on top of `errors`; a package never imports one later in the flow.

The names are imported when first used (`planlens.load_plan`, `from planlens import Plan`), not
with the package: `planlens --version` should not pay for the YAML loader.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from planlens._version import __version__

if TYPE_CHECKING:
    from planlens.errors import Location, PlanFileError, PlanlensError, Problem
    from planlens.plan.load import load_plan, load_plans, parse_plan
    from planlens.plan.model import Clause, ClauseRef, Dropped, Plan, Source
    from planlens.plan.schema import plan_schema

#: Each public name and the module that defines it.
_HOMES = {
    "Clause": "planlens.plan.model",
    "ClauseRef": "planlens.plan.model",
    "Dropped": "planlens.plan.model",
    "Location": "planlens.errors",
    "Plan": "planlens.plan.model",
    "PlanFileError": "planlens.errors",
    "PlanlensError": "planlens.errors",
    "Problem": "planlens.errors",
    "Source": "planlens.plan.model",
    "load_plan": "planlens.plan.load",
    "load_plans": "planlens.plan.load",
    "parse_plan": "planlens.plan.load",
    "plan_schema": "planlens.plan.schema",
}

__all__ = [
    "Clause",
    "ClauseRef",
    "Dropped",
    "Location",
    "Plan",
    "PlanFileError",
    "PlanlensError",
    "Problem",
    "Source",
    "__version__",
    "load_plan",
    "load_plans",
    "parse_plan",
    "plan_schema",
]


if not TYPE_CHECKING:  # mypy reads the imports above; at run time, names come on first use

    def __getattr__(name: str) -> Any:
        """Import a public name (or the `plan` or `errors` package) on first use; keep it."""
        if name in ("plan", "errors"):
            return importlib.import_module(f"planlens.{name}")
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module 'planlens' has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
