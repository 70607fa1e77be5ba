"""An imported draft on its way to the site: what `validate` warns about, and `import --follows`.

`planlens import` writes a placeholder source when given no --source-url, and a plan that
`follows` joins to no other is in no comparison; `validate` warns about both (exit status 0),
and a draft imported with --follows gets its comparison in the built site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA

from planlens.cli import cli
from planlens.errors import PlanFileError, Problem
from planlens.importers import PLACEHOLDER_SOURCE
from planlens.plan import parse_plan, validate_plans
from planlens.plan.across import unconnected_plans
from planlens.plan.schema import PLACEHOLDER_MARK, PLACEHOLDER_URL

GOOD = DATA / "good"
DRAFT = "Draft three\n\n1. The parties confirm the ceasefire.\n\n2. Prisoners are exchanged.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A plans folder with two versions, base-v1 and base-v2 (which follows it)."""
    plans = tmp_path / "plans"
    shutil.copytree(GOOD, plans)
    return plans


def lonely(plan_id: str) -> str:
    return (
        f"plan '{plan_id}' is in no comparison: it follows none of the other plans and none"
        " follows it (if it revises one, name it in 'follows')"
    )


def test_the_importer_writes_the_placeholder_validate_knows() -> None:
    assert PLACEHOLDER_SOURCE.url == PLACEHOLDER_URL
    assert PLACEHOLDER_MARK in PLACEHOLDER_URL


def test_an_imported_draft_is_warned_about_until_it_follows_a_version(
    folder: Path, tmp_path: Path
) -> None:
    source = tmp_path / "draft.txt"
    source.write_text(DRAFT, encoding="utf-8")
    draft = folder / "draft.yaml"
    args = ["import", str(source), "--id", "draft-3", "--date", "2025-12-01", "-o", str(draft)]
    assert run(*args)[0] == 0
    text = draft.read_text(encoding="utf-8")
    url_line = text.splitlines().index(f"  - url: {PLACEHOLDER_URL}") + 1

    code, out, err = run("validate", str(folder))
    assert (code, out) == (0, "3 plans, 10 clauses: no problems, 3 warnings\n")
    assert err == (
        f"{draft}:1:1: warning: {lonely('draft-3')}\n"
        f"{draft}:{url_line}:5: warning: source has no 'date' (when it was published)\n"
        f"{draft}:{url_line}:10: warning: source url '{PLACEHOLDER_URL}' is a placeholder (what"
        " planlens import writes when given no --source-url); replace it with the address the"
        " text comes from\n"
    )
    # Built now, the site has no comparison with the draft.
    site = tmp_path / "site"
    assert run("build", str(folder), "-o", str(site))[0] == 0
    assert sorted(p.name for p in (site / "compare").iterdir()) == ["base-v1--base-v2.html"]

    # Imported again with --follows, and with its source: no warning, and a comparison.
    again = [*args, "--follows", "base-v2", "--source-url", "https://example.org/d3", "--force"]
    assert run(*again)[0] == 0
    text = draft.read_text(encoding="utf-8")
    assert "\nfollows: base-v2\n" in text
    code, out, err = run("validate", str(folder))
    assert (code, out) == (0, "3 plans, 10 clauses: no problems, 1 warning\n")
    assert err.endswith("warning: source has no 'date' (when it was published)\n")
    assert run("build", str(folder), "-o", str(site))[0] == 0
    assert (site / "compare" / "base-v2--draft-3.html").is_file()


def test_validating_files_or_one_plan_says_nothing_of_comparisons(folder: Path) -> None:
    (folder / "base-v2.yaml").unlink()
    # One plan alone: no comparison is expected of it.
    assert run("validate", str(folder)) == (0, "1 plan, 5 clauses: no problems\n", "")
    # Files picked from a folder say nothing of what the others follow.
    shutil.copy(GOOD / "base-v1.yaml", folder / "other.yaml")
    other = folder / "other.yaml"
    other.write_text(
        other.read_text(encoding="utf-8").replace("id: base-v1", "id: other"), encoding="utf-8"
    )
    files = [str(folder / "base-v1.yaml"), str(other)]
    assert run("validate", *files) == (0, "2 plans, 10 clauses: no problems\n", "")
    # The folder, though, is a whole: neither plan is in a comparison.
    code, out, err = run("validate", str(folder))
    assert (code, out) == (0, "2 plans, 10 clauses: no problems, 2 warnings\n")
    assert err == (
        f"{folder / 'base-v1.yaml'}:1:1: warning: {lonely('base-v1')}\n"
        f"{other}:1:1: warning: {lonely('other')}\n"
    )


def plan_text(plan_id: str, follows: list[str], url: str = "https://example.org/a") -> str:
    follows_line = f"follows: [{', '.join(follows)}]\n" if follows else ""
    return (
        f"id: {plan_id}\ntitle: T\ndate: 2025-01-01\nstatus: draft\ncompleteness: full\n"
        f"{follows_line}sources:\n  - url: {url}\n    date: 2025-01-01\n"
        'clauses:\n  - {id: "1", text: The parties agree.}\n'
    )


@pytest.mark.parametrize(
    ("graph", "alone"),
    [
        ({"a": [], "b": ["a"]}, []),
        ({"a": [], "b": ["a"], "c": []}, ["c"]),
        ({"a": [], "b": [], "c": ["a", "b"]}, []),  # a merge of two versions
        ({"a": [], "b": ["a"], "c": ["a"]}, []),  # two branches
        ({"a": [], "b": [], "c": []}, ["a", "b", "c"]),
        ({"a": []}, []),  # one plan alone is no collection
    ],
)
def test_unconnected_plans(graph: dict[str, list[str]], alone: list[str]) -> None:
    plans = [parse_plan(plan_text(pid, follows), f"{pid}.yaml") for pid, follows in graph.items()]
    found = unconnected_plans(plans)
    assert [p.message for p in found] == [lonely(pid) for pid in alone]
    assert all(isinstance(p, Problem) and p.location.line == 1 for p in found)


@pytest.mark.parametrize(
    ("url", "warned"),
    [
        (PLACEHOLDER_URL, True),
        ("https://example.org/drafts/REPLACE-ME/v2", True),
        ("https://example.org/drafts/v2", False),
        ("https://example.org/replace-me", False),  # the importer writes it in capitals
    ],
)
def test_a_placeholder_source_is_a_warning_at_its_url(
    tmp_path: Path, url: str, warned: bool
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(plan_text("a", [], url), encoding="utf-8")
    checked = validate_plans([path])
    found = [(w.location.line, w.location.column, w.message) for w in checked.warnings]
    # Line 7, column 10: the url's value (`  - url: ...`).
    message = f"source url '{url}' is a placeholder"
    assert [(line, col, text.startswith(message)) for line, col, text in found] == (
        [(7, 10, True)] if warned else []
    )


def test_a_plan_that_says_it_stands_alone_is_not_warned_about() -> None:
    texts = {"a": plan_text("a", []), "b": plan_text("b", ["a"]), "c": plan_text("c", [])}
    texts["c"] = texts["c"].replace(
        "completeness: full\n", "completeness: full\nstandalone: true\n"
    )
    plans = [parse_plan(text, f"{pid}.yaml") for pid, text in texts.items()]
    assert plans[2].standalone and not plans[0].standalone
    assert unconnected_plans(plans) == []
    # Without it, c is warned about.
    plans[2] = parse_plan(plan_text("c", []), "c.yaml")
    assert [p.message for p in unconnected_plans(plans)] == [lonely("c")]


@pytest.mark.parametrize(
    ("value", "kind"), [("yes please", "a string"), ("1", "a number"), ("[true]", "a list")]
)
def test_standalone_must_be_true_or_false(tmp_path: Path, value: str, kind: str) -> None:
    path = tmp_path / "a.yaml"
    text = plan_text("a", []).replace(
        "completeness: full\n", f"completeness: full\nstandalone: {value}\n"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        validate_plans([path])
    assert str(caught.value) == f"{path}:6:13: 'standalone' must be true or false, not {kind}"
