"""Write plans back out: as plain data (for JSON) and as YAML text in the plan file format."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from yaml.events import ScalarEvent
from yaml.nodes import Node

from planlens.plan.check_text import hidden_in
from planlens.plan.model import Clause, Dropped, Plan, Source

# -- plain data -----------------------------------------------------------------------------


def source_to_dict(source: Source) -> dict[str, object]:
    """Return `source` as a mapping in the format's key order, leaving out empty fields.

    >>> source_to_dict(Source(url="https://example.org", note="n"))
    {'url': 'https://example.org', 'note': 'n'}
    """
    return _compact(
        url=source.url,
        title=source.title,
        publisher=source.publisher,
        date=source.date,
        accessed=source.accessed,
        note=source.note,
    )


def clause_to_dict(clause: Clause) -> dict[str, object]:
    """Return `clause` and its sub-clauses as mappings, leaving out empty and default fields.

    >>> from planlens.plan.model import ClauseRef
    >>> clause_to_dict(Clause(id="1", text="Peace.", same_as=ClauseRef("v1", "3")))
    {'id': '1', 'text': 'Peace.', 'same_as': 'v1#3'}
    """
    return _compact(
        id=clause.id,
        number=clause.number,
        title=clause.title,
        text=clause.text,
        topics=list(clause.topics),
        # "reported" is the default; writing it on every clause would only add noise.
        status=None if clause.status == "reported" else clause.status,
        sources=[source_to_dict(source) for source in clause.sources],
        notes=clause.notes,
        same_as=str(clause.same_as) if clause.same_as is not None else None,
        derived_from=[str(ref) for ref in clause.derived_from],
        clauses=[clause_to_dict(child) for child in clause.clauses],
    )


def _dropped_to_dict(dropped: Dropped) -> dict[str, object]:
    return _compact(
        clause=str(dropped.clause),
        source=source_to_dict(dropped.source) if dropped.source is not None else None,
        note=dropped.note,
    )


def plan_to_dict(plan: Plan) -> dict[str, object]:
    """Return `plan` as plain data with the shape and key order of the YAML plan format.

    Keys with no value (None, or an empty list) are left out, a clause's default status is
    left out, clause references are `plan#clause` strings, and `follows` is a string when it
    names one plan and a list when it names several. `parse_plan` reads the YAML of this data
    back into an equal `Plan`.
    """
    follows: object = list(plan.follows) if len(plan.follows) != 1 else plan.follows[0]
    return _compact(
        id=plan.id,
        title=plan.title,
        date=plan.date,
        status=plan.status,
        version=plan.version,
        parties=list(plan.parties),
        language=plan.language,
        follows=follows,
        standalone=True if plan.standalone else None,
        completeness=plan.completeness,
        expected_clauses=plan.expected_clauses,
        sources=[source_to_dict(source) for source in plan.sources],
        notes=plan.notes,
        clauses=[clause_to_dict(clause) for clause in plan.clauses],
        dropped=[_dropped_to_dict(dropped) for dropped in plan.dropped],
    )


def _compact(**fields: object) -> dict[str, object]:
    """Return `fields` in order without the None and empty-list values."""
    return {key: value for key, value in fields.items() if value is not None and value != []}


# -- YAML text ------------------------------------------------------------------------------


class _Quoted(str):
    """A string written in double quotes whatever it holds: ids, numbers, versions, refs."""

    __slots__ = ()


class _PlainDate(str):
    """A full ISO date, written plain (`2025-12-01`) as people write dates in plan files."""

    __slots__ = ()


class _FlowList(list[Any]):
    """A short list of words written on one line: `topics: [sovereignty, territory]`."""

    __slots__ = ()


#: Where each key sits decides how its string is written (see `_styled`).
_QUOTED_KEYS = {
    ("plan", "version"),
    ("clause", "id"),
    ("clause", "number"),
    ("clause", "same_as"),
    ("clause", "derived_from"),
    ("dropped", "clause"),
}
_DATE_KEYS = {("plan", "date"), ("source", "date"), ("source", "accessed")}
_CHILD_KIND = {
    ("plan", "sources"): "source",
    ("plan", "clauses"): "clause",
    ("plan", "dropped"): "dropped",
    ("clause", "sources"): "source",
    ("clause", "clauses"): "clause",
    ("dropped", "source"): "source",
}
_STR_TAG = "tag:yaml.org,2002:str"
#: Used read-only: `resolve` looks a plain scalar up in the safe loader's implicit types.
_RESOLVER: Any = yaml.resolver.Resolver()

#: Plain scalars that some YAML reader would take for a number, boolean or null even though
#: PyYAML (YAML 1.1) reads them as strings: YAML 1.2 numbers (`1e3`, `08`, `0o17`) and the
#: one-letter booleans of the YAML 1.1 spec (`y`, `n`). Quoting them costs nothing.
_OTHER_READINGS = re.compile(
    r"""[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?
    |0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[yYnN]""",
    re.X,
)
#: Line breaks other than "\n": a block scalar would turn them into "\n", so they go in quotes.
_ODD_BREAKS = re.compile("[\r\x85\u2028\u2029]")


def reads_as_non_string(value: str) -> bool:
    """Tell whether YAML would read `value`, written plain, as something other than a string.

    >>> [reads_as_non_string(v) for v in ("no", "1.10", "007", "2025-01-01", "1e3", "~", "x")]
    [True, True, True, True, True, True, False]
    """
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    return tag != _STR_TAG or bool(_OTHER_READINGS.fullmatch(value))


def _is_iso_day(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _styled(value: object, kind: str, key: str | None) -> object:
    """Return `value` with its strings and lists marked for how `_PlanDumper` writes them."""
    if isinstance(value, dict):
        return {k: _styled(v, _CHILD_KIND.get((kind, k), kind), k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_styled(item, kind, key) for item in value]
        return _FlowList(items) if key == "topics" else items
    if isinstance(value, str) and key is not None:
        if (kind, key) in _QUOTED_KEYS:
            return _Quoted(value)
        if (kind, key) in _DATE_KEYS:
            return _PlainDate(value) if _is_iso_day(value) else _Quoted(value)
    return value


class _PlanDumper(yaml.SafeDumper):
    """A safe dumper for plan files: block style, indented lists, no anchors, quoting by key.

    Only this class is configured; PyYAML's global dumpers stay as they are.
    """

    def ignore_aliases(self, data: Any) -> bool:
        # Plan files refuse anchors and aliases, so repeated values are written out each time.
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key ("clauses:\n  - id: ..."), as people write them.
        super().increase_indent(flow, False)

    def choose_scalar_style(self) -> str:
        # Where a string cannot be plain, use double quotes, as for ids, not single quotes.
        style = super().choose_scalar_style()
        return '"' if style == "'" else style

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        # A control or invisible formatting character (a bidi override, a soft hyphen) is
        # written as an escape, so that the file, or a terminal showing it, shows it: YAML
        # would write those it deems printable as they are.
        if not hidden_in(text):
            super().write_double_quoted(text, split)
            return
        allow, self.allow_unicode = self.allow_unicode, False
        try:
            super().write_double_quoted(text, split)
        finally:
            self.allow_unicode = allow

    def expect_block_mapping_key(self, first: bool = False) -> None:
        if len(self.indents) == 1 and isinstance(self.event, ScalarEvent):
            self.plan_key = self.event.value
        super().expect_block_mapping_key(first)

    def expect_block_sequence_item(self, first: bool = False) -> None:
        # A blank line between top-level clauses makes long plans easier to read and edit.
        # Block scalars never end in kept blank lines ("|+", see `_represent_str`), so the
        # extra line cannot become part of a text.
        if (
            not first
            and len(self.indents) == 2
            and getattr(self, "plan_key", None) == "clauses"
            and not isinstance(self.event, yaml.SequenceEndEvent)
        ):
            if self.column != 0:
                self.write_line_break()
            self.write_line_break()
        super().expect_block_sequence_item(first)


def _represent_str(dumper: _PlanDumper, data: str) -> Node:
    text = str(data)
    if (
        isinstance(data, _Quoted)
        or reads_as_non_string(text)
        or _ODD_BREAKS.search(text)
        or hidden_in(text)
    ):
        style: str | None = '"'
    elif "\n" in text and not text.endswith("\n\n") and text.strip("\n"):
        style = "|"
    else:
        style = None
    return dumper.represent_scalar(_STR_TAG, text, style=style)


def _represent_date(dumper: _PlanDumper, data: _PlainDate) -> Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", str(data))


def _represent_flow_list(dumper: _PlanDumper, data: _FlowList) -> Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_PlanDumper.add_representer(str, _represent_str)
_PlanDumper.add_representer(_Quoted, _represent_str)
_PlanDumper.add_representer(_PlainDate, _represent_date)
_PlanDumper.add_representer(_FlowList, _represent_flow_list)


def plan_to_yaml(plan: Plan) -> str:
    """Return `plan` as YAML text in the plan file format, the same for the same plan.

    Keys come in the format's order, lists in block style under their key, and a blank line
    separates top-level clauses. Clause ids and numbers, versions and references are always in
    double quotes; full dates are plain (`2025-12-01`); any other string that YAML would read
    as a number, boolean, date or null is quoted too, so the loader never refuses the output.
    Texts with line breaks become literal blocks (`|`); Unicode is written as is.
    """
    data = _styled(plan_to_dict(plan), "plan", None)
    return yaml.dump(
        data,
        Dumper=_PlanDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        # Never fold long lines: a folded plain scalar is easy to break when editing.
        width=1_000_000,
        indent=2,
    )
