"""The loader: every broken plan file gets its exact message, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, ROOT
from hypothesis import given
from hypothesis import strategies as st

from planlens import PlanFileError, load_plan, load_plans, parse_plan
from planlens.cli import cli
from planlens.plan import validate_plans
from planlens.plan.load import _parse, decode_plan_bytes
from planlens.plan.schema import MAX_PLAN_BYTES

# Every test here runs with libyaml and again with the pure-Python composer alone: the messages
# must be the same whichever composed the file.
pytestmark = pytest.mark.usefixtures("yaml_composer")

BAD = DATA / "bad"
GOOD = DATA / "good"

# file name -> the exact lines `planlens validate` prints for it; a line that starts with a
# digit is prefixed with the fixture's path, any other has {path} replaced by it.
EXPECTED: dict[str, list[str]] = {
    "alias-bomb.yaml": [
        "11:11: anchors and aliases are not allowed in plan files; write the value out",
    ],
    "bad-clause-status.yaml": [
        "11:13: 'status' in clause '1' must be one of reported, uncertain, unknown, "
        "not 'unclear'; did you mean 'uncertain'?",
    ],
    "bad-date.yaml": [
        "3:7: 'date' in the plan must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), "
        "not '20 Nov 2025'",
    ],
    "bad-language.yaml": [
        "5:11: 'language' must be a language tag such as en, de or pt-BR, not 'English (UK)'",
    ],
    "bad-plan-status.yaml": [
        "4:9: 'status' in the plan must be one of official-text, signed, enacted, draft, "
        "leaked-draft, proposal, reported-summary, reconstructed, not 'leaked'; "
        "did you mean 'leaked-draft'?",
    ],
    "bad-ref-form.yaml": [
        "11:14: 'same_as' in clause '1' must be written plan-id#clause-id, "
        "not 'clause 6 of the US plan'",
    ],
    "bad-slug.yaml": [
        "1:5: plan id 'US 28 Plan' is not a slug: use lower-case letters, digits, '-', '_' and '.'",
    ],
    "clause-is-string.yaml": [
        "9:5: a clause must be a mapping of keys to values, not a string",
    ],
    "clauses-not-list.yaml": [
        "9:3: 'clauses' in the plan must be a list, not a mapping",
    ],
    "dangling-dropped.yaml": [
        "14:13: 'clause' refers to base-v1#4, but plan 'base-v1' has no clause '4'",
    ],
    "dangling-same-as.yaml": [
        "13:14: 'same_as' refers to base-v1#3.c, but plan 'base-v1' has no clause '3.c'; "
        "did you mean '3.b'?",
    ],
    "duplicate-clause-id.yaml": [
        "17:13: duplicate clause id '1.a' (first at line 12)",
    ],
    "duplicate-key.yaml": [
        "11:1: duplicate key 'title' in the plan (first at line 2)",
    ],
    "duplicate-topic.yaml": [
        "11:25: topic 'territory' is listed twice in clause '1'",
    ],
    "duplicate-plan-id.yaml": [
        # Reported at the second plan with the id, which here is the file named after it.
        "tests/data/good/base-v1.yaml:1:1: plan id 'base-v1' is also used by {path}:2:1",
    ],
    "empty-file.yaml": [
        "1:1: the file is empty; a plan is a mapping with id, title, date and clauses",
    ],
    "empty-text.yaml": [
        "10:11: clause '1' has empty 'text'",
    ],
    "expected-not-int.yaml": [
        "2:19: 'expected_clauses' must be a whole number, not a string",
    ],
    "follows-self.yaml": [
        "2:10: a plan cannot follow itself",
    ],
    "ftp-url-in-clause.yaml": [
        "12:14: url 'ftp://example.org/file.txt' in a source of clause '1' "
        "must be an http:// or https:// address",
    ],
    "full-count-mismatch.yaml": [
        "2:19: a full plan must have expected_clauses top-level clauses: it has 2, "
        "expected_clauses is 3",
    ],
    "impossible-date.yaml": [
        "3:7: 'date' in the plan must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), "
        "not '2025-02-30'",
    ],
    "int-clause-id.yaml": [
        """9:9: 'id' in a clause must be a string, but YAML reads 7 as a number; """
        """write it in quotes: "7\"""",
    ],
    "invalid-utf8.yaml": [
        "2:12: the file is not valid UTF-8 (byte 0xe9)",
    ],
    "javascript-url.yaml": [
        "7:10: url 'javascript:alert(1)' in a source of the plan "
        "must be an http:// or https:// address",
    ],
    "missing-required.yaml": [
        "1:1: the plan has no 'completeness'",
        "1:1: the plan has no 'status'",
    ],
    "missing-text.yaml": [
        "12:5: clause '7' has no 'text' (use status 'unknown' if it was never published)",
    ],
    "no-sources.yaml": [
        "6:10: 'sources' in the plan is an empty list; give items or remove the key",
    ],
    "non-string-key.yaml": [
        "11:5: keys in clause '1' must be plain names, not a list",
    ],
    "not-a-mapping.yaml": [
        "1:1: the plan must be a mapping of keys to values, not a list",
    ],
    "null-text.yaml": [
        "10:10: 'text' in clause '1' has no value; give one or remove the key",
    ],
    "padded-id.yaml": [
        "9:9: clause id ' 1' must not be blank or padded with spaces",
    ],
    "self-ref.yaml": [
        "13:20: 'derived_from' in clause '2' points into this same plan (self-ref#1)",
    ],
    "syntax-error.yaml": [
        "4:1: invalid YAML: found unexpected end of stream "
        "(while scanning a quoted scalar at line 2, column 8)",
    ],
    "tab-indent.yaml": [
        "9:1: invalid YAML: found character '\\t' that cannot start any token",
    ],
    "text-is-list.yaml": [
        "10:11: 'text' in clause '1' must be a string, not a list",
    ],
    "two-documents.yaml": [
        "11:1: invalid YAML: a plan file holds one YAML document; remove the second one",
    ],
    "unknown-clause-key.yaml": [
        "9:5: clause '1' has no 'text' (use status 'unknown' if it was never published)",
        "10:5: unknown key 'txt' in clause '1'; did you mean 'text'?",
    ],
    "unknown-plan-key.yaml": [
        "1:1: the plan has no 'clauses'",
        "8:1: unknown key 'clausses' in the plan; did you mean 'clauses'?",
    ],
    "unknown-topic.yaml": [
        "11:14: unknown topic 'sovereignity' in clause '1'; did you mean 'sovereignty'?",
    ],
    "unknown-with-text.yaml": [
        "11:11: clause '1' has status 'unknown' but has 'text'; an unknown clause is one whose "
        "text was never published (use status 'uncertain' for partly reported text)",
    ],
    "yaml-coerced-id.yaml": [
        """10:9: 'id' in a clause must be a string, but YAML reads no as a boolean; """
        """write it in quotes: "no\"""",
    ],
    "yaml-coerced-version.yaml": [
        """3:10: 'version' in the plan must be a string, but YAML reads 1.10 as a number; """
        """write it in quotes: "1.10\"""",
    ],
}


def _extra_files(path: Path) -> list[str]:
    """Return the files a fixture names on a first line `# with: FILE ...`."""
    first = path.read_bytes().split(b"\n", 1)[0].decode("utf-8", "replace")
    return first.removeprefix("# with:").split() if first.startswith("# with:") else []


def test_every_bad_fixture_has_an_expectation() -> None:
    assert sorted(p.name for p in BAD.glob("*.yaml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_fixture_message(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    path = f"tests/data/bad/{name}"
    result = CliRunner().invoke(cli, ["validate", path, *_extra_files(BAD / name)])
    problems = [
        f"{path}:{line}" if line[0].isdigit() else line.format(path=path) for line in EXPECTED[name]
    ]
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert lines[:-1] == problems
    count = len(problems)
    files = "1 file"
    assert lines[-1] == f"planlens: {count} problem{'s' * (count != 1)} in {files}"


def test_good_fixtures_load_and_link() -> None:
    v1, v2 = load_plans([GOOD], closed=True)
    assert (v1.id, v2.id) == ("base-v1", "base-v2")
    assert [c.id for c in v1.walk()] == ["1", "2", "3", "3.a", "3.b"]
    assert v1.clauses[1].text == "The armed forces of Party B are capped at 600,000 personnel."
    army, guarantee = v2.clauses
    assert army.status == "uncertain"
    assert str(army.derived_from[0]) == "base-v1#2"
    assert guarantee.status == "unknown" and guarantee.text is None
    assert str(guarantee.same_as) == "base-v1#3"
    assert v2.version == "2" and v2.follows == ("base-v1",)
    assert [str(d.clause) for d in v2.dropped] == ["base-v1#3.a"]
    assert v2.dropped[0].source is not None
    assert v2.dropped[0].source.publisher == "Example News"


def test_locations_are_one_based() -> None:
    plan = load_plan(GOOD / "base-v1.yaml")
    assert plan.clauses[0].location is not None
    assert (plan.clauses[0].location.line, plan.clauses[0].location.column) == (15, 5)


def test_references_to_plans_not_loaded_are_not_checked() -> None:
    # base-v2 alone: its pins name base-v1, which is not loaded, so they cannot be checked.
    (plan,) = load_plans([GOOD / "base-v2.yaml"])
    assert plan.id == "base-v2"


def test_closed_collection_reports_unknown_plan(tmp_path: Path) -> None:
    text = (GOOD / "base-v2.yaml").read_text().replace("follows: base-v1", "follows: base-v0")
    (tmp_path / "v2.yaml").write_text(text)
    (tmp_path / "v1.yaml").write_text((GOOD / "base-v1.yaml").read_text())
    with pytest.raises(PlanFileError) as info:
        load_plans([tmp_path], closed=True)
    assert str(info.value) == (
        f"{tmp_path}/v2.yaml:6:10: 'follows' names plan 'base-v0', which is not among the "
        "loaded plans; did you mean 'base-v1'?"
    )


def test_follows_cycle(tmp_path: Path) -> None:
    v1 = (GOOD / "base-v1.yaml").read_text().replace("parties:", "follows: base-v2\nparties:")
    (tmp_path / "a.yaml").write_text(v1)
    (tmp_path / "b.yaml").write_text((GOOD / "base-v2.yaml").read_text())
    with pytest.raises(PlanFileError) as info:
        load_plans([tmp_path], closed=True)
    assert (
        str(info.value)
        == f"{tmp_path}/a.yaml:1:1: 'follows' makes a cycle: base-v1 -> base-v2 -> base-v1"
    )


def test_file_over_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_PLAN_BYTES + 1)  # sparse: costs no disk
    result = CliRunner().invoke(cli, ["validate", str(big)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{big}:1:1: the file is 16,777,217 bytes; plan files are limited to 16 MiB"
    )


def test_alias_bomb_is_refused_quickly() -> None:
    # The classic "billion laughs": nine levels of ten aliases each.
    lines = ['a0: &a0 "lol"']
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 10)}]" for i in range(1, 10)]
    with pytest.raises(PlanFileError) as info:
        parse_plan("\n".join(lines), "bomb.yaml")
    assert str(info.value) == (
        "bomb.yaml:2:10: anchors and aliases are not allowed in plan files; write the value out"
    )


def test_utf8_bom_is_accepted() -> None:
    assert decode_plan_bytes(b"\xef\xbb\xbfid: x\n", "p.yaml") == "id: x\n"


def test_every_plan_in_plans_loads() -> None:
    plans = load_plans([ROOT / "plans"], closed=True)
    assert len(plans) >= 9
    for plan in plans:
        assert plan.sources, plan.id


def test_no_traceback_for_any_input_in_the_suite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for path in sorted((DATA).rglob("*.yaml")):
        result = CliRunner().invoke(cli, ["validate", str(path.relative_to(ROOT))])
        assert result.exit_code in (0, 1), (path, result.output)
        assert "Traceback" not in result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit), path


def test_permission_denied_is_a_clean_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated, so that it runs as root too (root reads a file of mode 0): reading this one
    # file fails as it would for another user.
    path = tmp_path / "locked.yaml"
    path.write_text("id: x\n")
    read_bytes = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"planlens: error: {path}: cannot read: Permission denied\n"


# Warnings: an undated source is worth fixing but does not make a plan invalid.

UNDATED = """\
id: undated
title: Undated sources
date: 2025-11-20
status: draft
completeness: full
sources:
  - url: https://example.org/dated
    date: 2025-11-20
  - url: https://example.org/undated
    accessed: 2026-11-26
clauses:
  - id: "1"
    text: The parties agree.
    sources:
      - url: https://example.org/clause
dropped:
  - clause: other#2
    source:
      url: https://example.org/dropped
      date: 2025-11
"""


def test_validate_plans_warns_on_each_undated_source(tmp_path: Path) -> None:
    path = tmp_path / "undated.yaml"
    path.write_text(UNDATED)
    checked = validate_plans([path])
    assert [plan.id for plan in checked.plans] == ["undated"]
    assert [str(w) for w in checked.warnings] == [
        f"{path}:9:5: source has no 'date' (when it was published)",
        f"{path}:15:9: source has no 'date' (when it was published)",
    ]
    # The plan itself is unaffected, and load_plans simply drops the warnings.
    assert load_plans([path]) == checked.plans


def test_a_problem_still_raises_and_warnings_wait(tmp_path: Path) -> None:
    path = tmp_path / "undated.yaml"
    path.write_text(UNDATED.replace("status: draft", "status: drafty"))
    with pytest.raises(PlanFileError) as err:
        validate_plans([path])
    assert [problem.location.line for problem in err.value.problems] == [4]


@given(st.lists(st.booleans(), min_size=1, max_size=8))
def test_one_warning_per_undated_source_at_its_line(dated: list[bool]) -> None:
    sources = "".join(
        f"  - url: https://example.org/{k}\n" + ("    date: 2025-11-20\n" if d else "")
        for k, d in enumerate(dated)
    )
    text = (
        "id: p\ntitle: P\ndate: 2025\nstatus: draft\ncompleteness: full\nsources:\n"
        + sources
        + 'clauses:\n  - {id: "1", text: Agreed.}\n'
    )
    lines = text.splitlines()
    parsed = _parse(text, "p.yaml")
    assert parsed.problems == []
    undated_lines = [
        lines.index(f"  - url: https://example.org/{k}") + 1 for k, d in enumerate(dated) if not d
    ]
    assert [w.location.line for w in parsed.warnings] == undated_lines
    assert {w.location.column for w in parsed.warnings} <= {5}


def test_a_plan_is_parsed_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    # A large file is some hundred thousand nodes and no cycles: the cyclic collector waits.
    import gc

    from planlens.plan import check_plan

    seen: list[bool] = []
    real = check_plan.PlanChecker.plan

    def plan(self: check_plan.PlanChecker, root: object) -> object:
        seen.append(gc.isenabled())
        return real(self, root)  # type: ignore[arg-type]

    monkeypatch.setattr(check_plan.PlanChecker, "plan", plan)
    assert gc.isenabled()
    parse_plan((ROOT / "plans" / "2025-11-20-us-28-point-plan.yaml").read_text(), "p.yaml")
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a", True),
        ('"https://example.org/a b"', False),
        ('"https://example.org/a\\u00a0b"', False),  # a no-break space is white space too
        ('"https://example.org/a\\u2003b"', False),
        ('"https://example.org/a\\tb"', False),
    ],
)
def test_a_url_with_white_space_in_it_is_refused(url: str, ok: bool) -> None:
    text = (
        f"id: p\ntitle: P\ndate: 2025\nstatus: draft\ncompleteness: full\nsources:\n"
        f"  - url: {url}\n    date: 2025-11-20\n"
        'clauses:\n  - {id: "1", text: Agreed.}\n'
    )
    problems = [str(p) for p in _parse(text, "p.yaml").problems]
    assert (problems == []) is ok, problems
    if not ok:
        assert problems[0].startswith("p.yaml:7:10: url '")
