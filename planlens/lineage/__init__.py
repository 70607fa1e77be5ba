"""Lineage: each clause followed across many versions, as families of forms, with blame.

- `model`: the data model: `Version`, `Edge`, `Step`, `Family`, `Lineage`, the step states.
- `build`: orders the versions, compares each with the one it follows and joins the pairs into
  families (`lineage()`, `lineage_chains`).
- `blame`: which version wrote each word of a clause form (`blame`, `blame_all`).
- `formats`: the `planlens.lineage/1` JSON data, the text and Markdown reports.

May import: `planlens.errors`, `planlens.perf`, `planlens.plan`, `planlens.compare`.
"""

from planlens.lineage.blame import BlameRun, blame, blame_all
from planlens.lineage.build import lineage, lineage_chains, order_versions
from planlens.lineage.formats import (
    LINEAGE_SCHEMA,
    fate_counts,
    lineage_markdown,
    lineage_text,
    lineage_to_data,
    step_label,
)
from planlens.lineage.model import (
    CHANGE_STATES,
    PRESENT_STATES,
    STEP_STATES,
    Edge,
    EdgeKind,
    Family,
    Lineage,
    Step,
    StepState,
    Version,
)

__all__ = [
    "CHANGE_STATES",
    "LINEAGE_SCHEMA",
    "PRESENT_STATES",
    "STEP_STATES",
    "BlameRun",
    "Edge",
    "EdgeKind",
    "Family",
    "Lineage",
    "Step",
    "StepState",
    "Version",
    "blame",
    "blame_all",
    "fate_counts",
    "lineage",
    "lineage_chains",
    "lineage_markdown",
    "lineage_text",
    "lineage_to_data",
    "order_versions",
    "step_label",
]
