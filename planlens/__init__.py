"""planlens: compare versions of negotiated texts clause by clause.

Public API:

- `load_plan(path)`, `parse_plan(text, path)`, `load_plans(paths)`: read plan files into `Plan`s.
- `plan_schema()`: the JSON Schema of the plan file format.
- `PlanlensError` and its subclasses, raised for every problem a user can fix.

The code is laid out in the order data flows (see "How the code is laid out" in the README):
`plan` (model, loading, checking) -> `importers` -> `compare` -> `lineage` -> `render` ->
`write` -> `site` -> `cli`, on top of `errors`; a package never imports one later in the flow.
"""

from planlens._version import __version__
from planlens.errors import Location, PlanFileError, PlanlensError, Problem
from planlens.plan.load import load_plan, load_plans, parse_plan
from planlens.plan.model import Clause, ClauseRef, Dropped, Plan, Source
from planlens.plan.schema import plan_schema

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
