"""Lineage: each clause followed across many versions, as families of forms, with blame.

- `build`: orders the versions, compares each with the one it follows and joins the pairs into
  families; blame (which version wrote each word); the JSON, text and Markdown formats.

May import: `planlens.errors`, `planlens.perf`, `planlens.plan`, `planlens.compare`.
"""

from planlens.lineage.build import (
    CHANGE_STATES,
    LINEAGE_SCHEMA,
    PRESENT_STATES,
    STEP_STATES,
    BlameRun,
    Edge,
    EdgeKind,
    Family,
    Lineage,
    Step,
    StepState,
    Version,
    blame,
    blame_all,
    fate_counts,
    lineage,
    lineage_chains,
    lineage_markdown,
    lineage_text,
    lineage_to_data,
    order_versions,
    step_label,
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
