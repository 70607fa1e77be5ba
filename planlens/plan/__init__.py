"""Plans: one version of a document as data, and reading, checking and writing plan files.

- `model`: the frozen dataclasses (`Plan`, `Clause`, `Source`, ...) and the vocabularies.
- `schema`: the keys of the file format in one place, and the JSON Schema made from them.
- `load`: the entry points: find, read and parse plan files into validated `Plan`s, with
  file:line:col on every problem (and, from `validate_plans`, the warnings: an undated or
  placeholder source, a plan of a folder that no comparison includes); the YAML loader and the
  checks are imported only when a file is parsed, not taken from a cache (`planlens.cache`).
- `yaml_nodes`: plan-file YAML composed into a node tree with marks (no aliases), by libyaml when
  PyYAML has it and else in Python (the same tree; messages always from the Python composer),
  and where and what a node is.
- `check_structure`: the shape of the node tree: mappings, allowed and required keys, strings,
  lists.
- `check_values`: the value rules: dates, URLs, plan ids, languages, statuses, topics, counts.
- `check_references`: `same_as`, `derived_from`, dropped clauses and `follows`, read in each
  file.
- `across`: what reading one file gave (`Parsed`), and the checks across files, without YAML:
  references resolved, `follows` cycles, plans `follows` joins to no other; `did_you_mean`.
- `check_plan`: the walk over one file's tree that uses the three checks and builds the `Plan`.
- `check_text`: control and invisible formatting characters (bidi overrides, ESC, ...): found in
  a file with their line and column, and shown as visible markers (`⟦U+202E⟧`) wherever text is
  shown.
- `digest`: the SHA-256 of a plan file (`file_sha256`), without the YAML loader.
- `serialize`: a `Plan` back to plain data (JSON) and to YAML text.
- `formats`: a plan, or a list of plans, as terminal text or Markdown.

May import: `planlens.errors`, `planlens.perf`. The first package of the flow: it imports no
other planlens package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planlens.perf import names_on_first_use

if TYPE_CHECKING:
    from planlens.plan.digest import file_sha256
    from planlens.plan.load import (
        Validated,
        decode_plan_bytes,
        did_you_mean,
        find_plan_files,
        load_plan,
        load_plans,
        parse_plan,
        read_plan_text,
        validate_plans,
    )
    from planlens.plan.model import Clause, ClauseRef, Dropped, Plan, Source
    from planlens.plan.schema import plan_schema

#: The module each name comes from: imported on first use (`from planlens.plan import Plan`),
#: so that importing one module of this package (`check_text`) does not import the YAML loader.
_HOMES = {
    **dict.fromkeys(("Clause", "ClauseRef", "Dropped", "Plan", "Source"), "planlens.plan.model"),
    "plan_schema": "planlens.plan.schema",
    "file_sha256": "planlens.plan.digest",
}

__all__ = [
    "Clause",
    "ClauseRef",
    "Dropped",
    "Plan",
    "Source",
    "Validated",
    "decode_plan_bytes",
    "did_you_mean",
    "file_sha256",
    "find_plan_files",
    "load_plan",
    "load_plans",
    "parse_plan",
    "plan_schema",
    "read_plan_text",
    "validate_plans",
]


if not TYPE_CHECKING:  # mypy reads the imports above
    _EVERY_HOME = {name: _HOMES.get(name, "planlens.plan.load") for name in __all__}
    __getattr__, __dir__ = names_on_first_use("planlens.plan", _EVERY_HOME, __all__, globals())
