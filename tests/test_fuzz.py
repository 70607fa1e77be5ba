"""Fuzzing load -> compare -> report: generated plans and generated YAML, never a crash.

Two properties over any input:

- YAML text (a valid plan mutated at random, or any text) either loads as a plan or raises a
  `PlanFileError` with problems at file:line:col, never any other exception; a plan that loads
  goes through comparison and every output.
- Plans made in Python with any strings (any Unicode, controls, bidi overrides, empty strings,
  words of thousands of letters) compare, and every output shows them without applying a
  hidden character: pages and terminal text hold none, JSON escapes them, and the diff data
  keeps its contract (every clause once; segments rebuild each side's text).

In the normal test run the examples are derandomized and bounded, so CI runs the same inputs
each time in a few seconds; `make fuzz` runs many more with random seeds (PLANLENS_FUZZ=N sets
how many). Inputs a random run found to fail are pinned with `@example`.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re

from conftest import fuzz_settings
from hypothesis import example, given
from hypothesis import strategies as st
from test_serialize import valid_plans

from planlens.cli.options import json_text, one_line
from planlens.compare import compare, diff_csv, diff_markdown, diff_text, diff_to_data
from planlens.errors import PlanFileError
from planlens.lineage import lineage, lineage_csv, lineage_to_data
from planlens.plan.check_text import hidden_in
from planlens.plan.load import decode_plan_bytes, parse_plan
from planlens.plan.model import Clause, Plan
from planlens.plan.serialize import plan_to_yaml
from planlens.render import compare_page, plan_page, render, render_compare

#: Pieces of YAML syntax and of trouble, for mutations.
PIECES = [
    "[", "]", "{", "}", ":", ": ", "- ", "? ", "&a ", "*a", "!!python/object:os.system ", "!x ",
    "'", '"', "\\e", "\\u202e", "\\ud800", "\\x9b", "#", "|", ">", "\t", "\n", "\n  ", "\n- ",
    "---\n", "...\n", "%YAML 1.1\n", "\ufeff", "\u202e", "\u0085", "\u2028", "0x1F", "1.10",
    "no", "~", "2025-13-45", "[" * 200, "{a: " * 100, "- " * 100, "x" * 5000,
]  # fmt: skip

ANY_TEXT = (
    st.text()
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=50)
    | st.sampled_from(["", " ", "\n", "x" * 20_000, "word " * 2_000, "[x]()", "\u202e000,008"])
    | st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=8).map("".join)
)


@st.composite
def mutated_yaml(draw: st.DrawFn) -> str:
    """A valid plan's YAML with a few random edits: inserts, deletions, copied lines."""
    text = plan_to_yaml(draw(valid_plans()))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "copy line", "indent"]))
        if edit == "insert":
            text = text[:at] + draw(st.sampled_from(PIECES) | st.text(max_size=6)) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        else:
            lines = text.splitlines(keepends=True) or [""]
            n = at % len(lines)
            extra = lines[n] if edit == "copy line" else "  " + lines[n]
            lines[n : n + 1] = [lines[n], extra] if edit == "copy line" else [extra]
            text = "".join(lines)
    return text


def through_every_output(old: Plan, new: Plan) -> None:
    """Compare two plans and make every output of the comparison, checking what they show."""
    diff = compare(old, new)
    data = diff_to_data(diff)
    json.loads(json_text(data))
    assert not hidden_in(json_text(data))
    # Every clause appears in exactly one change; segments rebuild the texts.
    for side, plan in (("old", old), ("new", new)):
        seen: list[str] = []
        stack = list(data["changes"])
        while stack:
            change = stack.pop()
            seen.extend(change[side])
            stack.extend(change["children"])
        assert sorted(seen) == sorted(c.id for c in plan.walk())
    for text in (diff_text(diff), diff_markdown(diff)):
        assert not hidden_in(text)
    # CSV: one row per change, every cell safe to show and to open in a spreadsheet.
    rows = list(csv.reader(io.StringIO(diff_csv(diff), newline="")))
    assert len(rows) == 1 + sum(1 for _ in diff.walk())
    assert not any(
        hidden_in(cell) or cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r
    )
    assert not hidden_in(re.sub(r"\x1b\[[0-9;]*m", "", diff_text(diff, color=True)))
    html = render_compare(compare_page(diff))
    assert not hidden_in(html)
    assert html.rstrip().endswith("</html>")
    assert not hidden_in(render("plan.html", plan_page(old, {old.id, new.id})))


# -- generated YAML ----------------------------------------------------------------------------


@fuzz_settings(300)
@given(mutated_yaml() | ANY_TEXT)
@example("notes: " + "[" * 100_000)
@example("a:\n" + "".join("  " * n + "- \n" for n in range(2_000)))
@example('title: "\\ud800"')
@example("? [a, b]\n: c\n")
@example("id: &a x\ntitle: *a\n")
def test_any_yaml_loads_or_says_where_it_is_wrong(text: str) -> None:
    try:
        plan = parse_plan(text, "fuzz.yaml")
    except PlanFileError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.location.path == "fuzz.yaml"
            assert problem.location.line >= 1 and problem.location.column >= 1
            assert "\n" not in one_line(str(problem))  # as the command line prints it
        return
    through_every_output(plan, plan)


@fuzz_settings(200)
@given(st.binary(max_size=200) | mutated_yaml().map(lambda t: t.encode("utf-8", "surrogatepass")))
@example(b"id: x\ntitle: \xff\n")
@example(b"sources:\n  - url: http://[example.org/a\n")  # urlsplit raised (found by make fuzz)
@example(b"\xef\xbb\xbfid: x\n")
def test_any_bytes_load_or_say_where_they_are_wrong(data: bytes) -> None:
    try:
        parse_plan(decode_plan_bytes(data, "fuzz.yaml"), "fuzz.yaml")
    except PlanFileError as err:
        assert err.problems


# -- generated plans ------------------------------------------------------------------------------


@st.composite
def plan_pairs(draw: st.DrawFn) -> tuple[Plan, Plan]:
    """A valid plan with any strings in its texts, and a version of it with edits."""
    old = draw(valid_plans())

    def any_texts(plan: Plan) -> Plan:
        def rewrite(clause: Clause) -> Clause:
            text = clause.text
            if text is not None and draw(st.booleans()):
                text = draw(ANY_TEXT)
            return dataclasses.replace(
                clause, text=text, clauses=tuple(rewrite(c) for c in clause.clauses)
            )

        title = draw(ANY_TEXT) if draw(st.booleans()) else plan.title
        return dataclasses.replace(
            plan, title=title, clauses=tuple(rewrite(c) for c in plan.clauses)
        )

    old = any_texts(old)
    new = dataclasses.replace(any_texts(old), id=old.id + "-new")
    if new.clauses and draw(st.booleans()):
        new = dataclasses.replace(new, clauses=tuple(reversed(new.clauses)))
    return old, new


@fuzz_settings(200)
@given(plan_pairs())
def test_any_plans_compare_and_show_what_they_say(pair: tuple[Plan, Plan]) -> None:
    old, new = pair
    through_every_output(old, new)
    lin = lineage([old, new])
    json.loads(json_text(lineage_to_data(lin)))
    rows = list(csv.reader(io.StringIO(lineage_csv(lin), newline="")))
    assert len(rows) == 1 + len(lin.families)
