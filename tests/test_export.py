"""Export for other tools: CSV of a diff and of a lineage, and `diff --exit-code` for scripts."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import DATA, ROOT
from hypothesis import given
from hypothesis import strategies as st

from planlens.cli import cli
from planlens.compare import DIFF_SCHEMA, compare, csv_text
from planlens.compare.formats import DIFF_CSV_COLUMNS
from planlens.lineage import lineage, lineage_csv, lineage_to_data
from planlens.lineage.formats import LINEAGE_CSV_COLUMNS
from planlens.plan import load_plan
from planlens.plan.check_text import visible
from planlens.plan.model import Clause

GOOD = DATA / "good"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def parse(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def links(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The changes of a `planlens.diff/1` tree, depth first, as `PlanDiff.walk` gives them."""
    found = []
    for change in changes:
        found.append(change)
        found.extend(links(change["children"]))
    return found


def flag_text(flags: list[dict[str, str]]) -> str:
    return "; ".join(
        f"{f['type']}: {f['old'] or '(none)'} -> {f['new'] or '(none)'}" for f in flags
    )


# -- diff --format csv -----------------------------------------------------------------------


def test_diff_csv_has_one_row_per_link_of_the_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run("diff", "us-28", "framework-20", "--format", "csv")
    assert (code, err) == (0, "")
    code, json_out, _ = run("diff", "us-28", "framework-20", "--format", "json")
    data = json.loads(json_out)
    assert data["schema"] == DIFF_SCHEMA
    expected = links(data["changes"])
    rows = parse(out)
    assert list(rows[0]) == list(DIFF_CSV_COLUMNS)
    assert len(rows) == len(expected) > 50
    old_texts = {
        c.id: c.text for c in load_plan(ROOT / "plans/2025-11-20-us-28-point-plan.yaml").walk()
    }
    for row, link in zip(rows, expected, strict=True):
        assert row["old_id"] == ", ".join(link["old"])
        assert row["new_id"] == ", ".join(link["new"])
        assert row["relation"] == link["relation"]
        assert row["moved"] == str(link["moved"]).lower()
        assert row["renumbered"] == str(link["renumbered"]).lower()
        if link["confidence"] is None:
            assert row["confidence"] == ""
        else:
            assert float(row["confidence"]) == link["confidence"]
        assert row["flags"] == flag_text(link["flags"])
        # The old text is the clause's own, as written in the plan.
        assert row["old_text"] == "\n\n".join(t for i in link["old"] if (t := old_texts[i]))
    # Every relation the JSON summary counts is in the rows, as often.
    counted = {r: sum(1 for row in rows if row["relation"] == r) for r in data["summary"]}
    assert counted == data["summary"]


def test_diff_csv_is_deterministic_and_written_with_crlf(tmp_path: Path) -> None:
    old, new = str(GOOD / "base-v1.yaml"), str(GOOD / "base-v2.yaml")
    target = tmp_path / "d.csv"
    assert run("diff", old, new, "--format", "csv", "-o", str(target)) == (
        0,
        "",
        f"wrote {target}\n",
    )
    data = target.read_bytes()
    assert data.startswith(b"old_id,new_id,relation,moved,renumbered,confidence,flags,")
    assert data.count(b"\r\n") >= 6  # one ending per record (RFC 4180), text breaks are \n
    # On stdout, the same bytes (click's runner reads `stdout` with \r\n made \n).
    assert CliRunner().invoke(cli, ["diff", old, new, "--format", "csv"]).stdout_bytes == data
    army = next(row for row in parse(data.decode()) if row["new_id"] == "army")
    assert army["old_id"] == "2" and army["relation"] == "modified"
    assert "number: 600,000 -> 800,000" in army["flags"]
    assert army["new_text"].endswith("capped at 800,000 personnel in peacetime.")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t"])
def test_csv_cells_never_start_a_formula(start: str) -> None:
    text = csv_text(["a"], [[f'{start}HYPERLINK("http://x")']])
    (cell,) = parse(text)[0].values()
    assert cell == f'\'{start}HYPERLINK("http://x")'


def test_csv_shows_hidden_characters() -> None:
    (row,) = parse(csv_text(["a"], [["600,000 \u202e000,008\u202c \x1b]0;x\x07"]]))
    assert row["a"] == "600,000 ⟦U+202E⟧000,008⟦U+202C⟧ ⟦U+001B⟧]0;x⟦U+0007⟧"


@given(st.lists(st.lists(st.text(), min_size=2, max_size=2), max_size=5))
def test_csv_round_trips_every_text_made_safe(rows: list[list[str]]) -> None:
    text = csv_text(["a", "b"], rows)
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed[0] == ["a", "b"]
    assert len(parsed) == len(rows) + 1
    for cells, original in zip(parsed[1:], rows, strict=True):
        for cell, value in zip(cells, original, strict=True):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
            # The text as the text format shows it, at most with a "'" before it.
            assert cell in (visible(value), "'" + visible(value))


# -- lineage --format csv --------------------------------------------------------------------


def test_lineage_csv_has_one_row_per_family(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    args = ("lineage", "us-28", "geneva-19", "framework-20")
    code, out, err = run(*args, "--format", "csv")
    assert (code, err) == (0, "")
    data = json.loads(run(*args, "--format", "json")[1])
    rows = parse(out)
    versions = [v["id"] for v in data["versions"]]
    per_version = [f"{v} {c}" for v in versions for c in ("clauses", "state", "flags", "text")]
    assert list(rows[0]) == [*LINEAGE_CSV_COLUMNS, *per_version, "perhaps"]
    assert [row["family"] for row in rows] == [f["id"] for f in data["families"]]
    for row, family in zip(rows, data["families"], strict=True):
        assert row["fate"] == family["fate"]
        assert row["introduced"] == family["introduced"]
        assert row["dropped"] == ", ".join(family["dropped"])
        for step in family["steps"]:
            assert row[f"{step['version']} state"] == step["state"]
            assert row[f"{step['version']} clauses"] == ", ".join(step["clauses"])
            assert row[f"{step['version']} flags"] == flag_text(step["flags"])
    # The army's size: 600,000 in us-28, 800,000 in peacetime in framework-20.
    army = next(row for row in rows if row["family"] == "us-28#6")
    assert "600,000" in army["us-28 text"] and "800,000" in army["framework-20 text"]
    assert army["framework-20 state"] == "modified"


def test_lineage_csv_of_a_text_never_published_is_empty() -> None:
    old = load_plan(GOOD / "base-v1.yaml")
    unknown = Clause(id="9", text=None, status="unknown")
    new = dataclasses.replace(
        load_plan(GOOD / "base-v2.yaml"), completeness="partial", clauses=(unknown,)
    )
    lin = lineage([old, new])
    rows = parse(lineage_csv(lin))
    assert len(rows) == len(lineage_to_data(lin)["families"])
    nine = next(row for row in rows if row["base-v2 clauses"] == "9")
    assert nine["base-v2 text"] == ""


# -- diff --exit-code ------------------------------------------------------------------------


def test_exit_code_is_1_when_the_versions_differ() -> None:
    old, new = str(GOOD / "base-v1.yaml"), str(GOOD / "base-v2.yaml")
    code, out, err = run("diff", old, new, "--exit-code")
    assert (code, err) == (1, "")
    assert out == run("diff", old, new)[1]  # the same output, only the status differs
    assert run("diff", old, new)[0] == 0  # without --exit-code: 0


def test_exit_code_is_0_when_identical(tmp_path: Path) -> None:
    # The same clauses under another id and date: nothing differs but the metadata.
    text = (GOOD / "base-v1.yaml").read_text(encoding="utf-8")
    copy = tmp_path / "copy.yaml"
    copy.write_text(text.replace("id: base-v1", "id: base-v1-copy"), encoding="utf-8")
    code, out, err = run("diff", str(GOOD / "base-v1.yaml"), str(copy), "--exit-code")
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == "unchanged 5"
    csv_out = run("diff", str(GOOD / "base-v1.yaml"), str(copy), "--exit-code", "--format", "csv")
    assert csv_out[0] == 0 and csv_out[2] == ""


def test_exit_code_counts_a_move_and_a_renumbering(tmp_path: Path) -> None:
    old = load_plan(GOOD / "base-v1.yaml")
    swapped = dataclasses.replace(old, id="swapped", clauses=tuple(reversed(old.clauses)))
    diff = compare(old, swapped)
    assert all(change.relation == "unchanged" for change in diff.walk())
    assert diff.differs  # same texts, another order
    assert not compare(old, dataclasses.replace(old, id="same")).differs


def test_exit_code_is_2_on_an_error(tmp_path: Path) -> None:
    old = str(GOOD / "base-v1.yaml")
    missing = str(tmp_path / "nope.yaml")
    assert run("diff", old, missing, "--exit-code") == (
        2,
        "",
        f"planlens: error: {missing}: no such file\n",
    )
    assert run("diff", old, missing)[0] == 1  # without --exit-code, errors stay 1
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\n", encoding="utf-8")
    code, out, err = run("diff", old, str(bad), "--exit-code")
    assert (code, out) == (2, "")
    assert err.startswith(f"{bad}:1:1: the plan has no 'clauses'\n")
    assert err.endswith("planlens: 6 problems in 1 file\n")


def test_exit_code_is_2_when_stdout_cannot_be_written() -> None:
    # The versions differ, but the diff never reached its reader: that is an error, not a 1.
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "planlens", "diff", "us-28", "e3-28", "--exit-code"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            cwd=ROOT,
        )
    assert (done.returncode, done.stderr) == (
        2,
        "planlens: error: standard output: cannot write: No space left on device\n",
    )
