"""Lineage: each clause followed across many versions, as families of forms, with blame; and
the echoes of a clause in the plans outside its lineage.

- `model`: the data model: `Version`, `Edge`, `Step`, `Family`, `Lineage`, the step states.
- `order`: which versions make up a lineage and in what order (`order_versions`, the chains of
  the lineage pages, `lineage_groups`, and `lineage_pairs`, the comparisons of the site), and
  what a comparison is made from (`diff_key`, `step_keys`), so that one can be shared.
- `build`: compares each version with the one it follows and joins the pairs into families
  (`lineage()`, which may be given comparisons already made), looking back past versions that
  say nothing of a clause.
- `blame`: which version wrote each word of a clause form (`blame`, `blame_all`).
- `formats`: the `planlens.lineage/1` JSON data, the text and Markdown reports, CSV.
- `echoes`: clauses whose wording recurs in plans outside their own lineage, found through one
  inverted index over a whole corpus (`echoes`, `corpus_echoes`, `EchoIndex`).
- `echo_formats`: the `planlens.echoes/1` JSON data, the text and Markdown reports of echoes.

May import: `planlens.errors`, `planlens.perf`, `planlens.plan`, `planlens.compare`.
"""

from planlens.lineage.blame import BlameRun, blame, blame_all
from planlens.lineage.build import lineage
from planlens.lineage.echo_formats import (
    ECHOES_SCHEMA,
    echoes_markdown,
    echoes_text,
    echoes_to_data,
)
from planlens.lineage.echoes import (
    ClauseEchoes,
    Echo,
    Echoes,
    EchoIndex,
    corpus_echoes,
    echoes,
)
from planlens.lineage.formats import (
    LINEAGE_SCHEMA,
    fate_counts,
    lineage_csv,
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
from planlens.lineage.order import (
    DiffKey,
    diff_key,
    lineage_chains,
    lineage_groups,
    lineage_pairs,
    order_versions,
    step_keys,
)

__all__ = [
    "CHANGE_STATES",
    "ECHOES_SCHEMA",
    "LINEAGE_SCHEMA",
    "PRESENT_STATES",
    "STEP_STATES",
    "BlameRun",
    "ClauseEchoes",
    "DiffKey",
    "Echo",
    "EchoIndex",
    "Echoes",
    "Edge",
    "EdgeKind",
    "Family",
    "Lineage",
    "Step",
    "StepState",
    "Version",
    "blame",
    "blame_all",
    "corpus_echoes",
    "diff_key",
    "echoes",
    "echoes_markdown",
    "echoes_text",
    "echoes_to_data",
    "fate_counts",
    "lineage",
    "lineage_chains",
    "lineage_csv",
    "lineage_groups",
    "lineage_markdown",
    "lineage_pairs",
    "lineage_text",
    "lineage_to_data",
    "order_versions",
    "step_keys",
    "step_label",
]
