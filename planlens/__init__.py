"""planlens: compare versions of negotiated texts clause by clause.

Public API:

- `load_plan(path)`, `parse_plan(text, path)`, `load_plans(paths)`: read plan files into `Plan`s.
- `plan_schema()`: the JSON Schema of the plan file format.
- `PlanlensError` and its subclasses, raised for every problem a user can fix.
"""

from planlens.errors import PlanFileError, PlanlensError, Problem
from planlens.load import load_plan, load_plans, parse_plan
from planlens.model import Clause, ClauseRef, Dropped, Location, Plan, Source
from planlens.schema import plan_schema

__version__ = "0.1.0"

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
