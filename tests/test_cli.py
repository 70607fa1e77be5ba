"""The command line: exit codes, stdout and stderr, files written."""

from __future__ import annotations

import gc
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import click
import jsonschema
import pytest
from click.testing import CliRunner
from conftest import DATA, ROOT

from planlens import __version__, load_plan, plan_schema
from planlens.cli import cli

GOOD = DATA / "good"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_validate_good_folder() -> None:
    assert run("validate", str(GOOD)) == (0, "2 plans, 7 clauses: no problems\n", "")


def test_validate_defaults_to_plans_folder() -> None:
    code, out, err = run("--plans", str(GOOD), "validate")
    assert (code, out, err) == (0, "2 plans, 7 clauses: no problems\n", "")


def test_validate_missing_path() -> None:
    assert run("validate", "no/such/file.yaml") == (
        1,
        "",
        "planlens: error: no/such/file.yaml: no such file or folder\n",
    )


def test_list() -> None:
    code, out, err = run("--plans", str(GOOD), "list")
    assert (code, err) == (0, "")
    assert out == (
        "id       date        status            clauses  completeness    follows\n"
        "base-v1  2025-11-01  draft             3        full            -\n"
        "base-v2  2025-11-20  reported-summary  2        partial (of 4)  base-v1\n"
    )


def test_show_text_by_id() -> None:
    code, out, err = run("--plans", str(GOOD), "show", "base-v2")
    assert (code, err) == (0, "")
    assert out.splitlines()[:10] == [
        "Base agreement, second draft",
        "============================",
        "",
        "id: base-v2",
        "date: 2025-11-20",
        "status: reported-summary",
        "version: 2",
        "follows: base-v1",
        "completeness: partial (2 of 4 clauses)",
        "",
    ]
    assert "army. [uncertain]" in out
    assert "guarantee. [text unknown]\n    (text not published)\n" in out
    assert "Reported as dropped:\n  - base-v1#3.a: Reported as removed.\n" in out


def test_show_markdown_by_path() -> None:
    code, out, err = run("show", str(GOOD / "base-v1.yaml"), "--format", "markdown")
    assert (code, err) == (0, "")
    assert out.startswith("# Base agreement, first draft\n\n- **id:** base-v1\n")
    assert "\n### a\n\nParty A is compensated for the guarantee.\n" in out
    assert out.endswith(
        "## Sources\n\n- [First draft](<https://example.org/base/v1>), Example Org, 2025-11-01\n"
    )


def test_show_json_matches_schema_and_round_trips() -> None:
    schema = plan_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for name in ("base-v1.yaml", "base-v2.yaml"):
        code, out, err = run("show", str(GOOD / name), "--format", "json")
        assert (code, err) == (0, "")
        data = json.loads(out)
        jsonschema.validate(data, schema)
        assert data["id"] == load_plan(GOOD / name).id


def test_show_unknown_id_suggests() -> None:
    assert run("--plans", str(GOOD), "show", "base-v3") == (
        1,
        "",
        f"planlens: error: no plan 'base-v3' in {GOOD}/; did you mean 'base-v2'?\n",
    )


def test_show_missing_file() -> None:
    assert run("show", "nope.yaml") == (1, "", "planlens: error: nope.yaml: no such file\n")


def test_show_folder_is_no_plan() -> None:
    # A folder named where a plan goes is said to be one, not looked up as a plan id.
    assert run("--plans", str(GOOD), "show", str(GOOD)) == (
        1,
        "",
        f"planlens: error: {GOOD}: a folder, not a plan file or a plan id\n",
    )


def test_schema_command_prints_the_schema() -> None:
    code, out, err = run("schema")
    assert (code, err) == (0, "")
    assert json.loads(out) == plan_schema()


@pytest.mark.parametrize(
    "bad", ["unknown-topic.yaml", "bad-plan-status.yaml", "missing-required.yaml"]
)
def test_schema_rejects_structural_errors_too(bad: str) -> None:
    # The published schema and the loader agree on these (the loader adds line:col).
    import yaml

    data = yaml.safe_load((DATA / "bad" / bad).read_text())
    data["date"] = str(data["date"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, plan_schema())


def test_import_stdout_and_refusals(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text(
        "Draft agreement\n\n1. The parties agree.\n\n2. The war ends.\n", encoding="utf-8"
    )
    out = tmp_path / "draft.yaml"
    code, stdout, stderr = run(
        "import", str(source), "--id", "draft-v1", "--date", "2025-12-01", "-o", str(out)
    )
    assert (code, stdout) == (0, "")
    # Three: the text before the first point is a clause too, the preamble (issue 13).
    assert stderr == f"wrote {out}: 3 top-level clauses\n"
    plan = load_plan(out)
    assert [c.id for c in plan.clauses] == ["preamble", "1", "2"]
    assert plan.clauses[2].text == "The war ends."
    before = out.read_bytes()
    assert run("import", str(source), "--date", "2025-12-01", "-o", str(out)) == (
        1,
        "",
        f"planlens: error: {out}: file exists; use --force to overwrite it\n",
    )
    assert out.read_bytes() == before
    code, _, _ = run("import", str(source), "--date", "2025-12-02", "-o", str(out), "--force")
    assert code == 0 and load_plan(out).date == "2025-12-02"
    # Never overwrite the input, even with --force.
    assert run("import", str(source), "-o", str(source), "--force") == (
        1,
        "",
        f"planlens: error: {source}: refusing to overwrite an input file\n",
    )
    assert source.read_text(encoding="utf-8").startswith("Draft agreement")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "draft.yaml"]


def test_import_without_date_says_so(tmp_path: Path) -> None:
    source = tmp_path / "My Draft.md"
    source.write_text("1. One.\n2. Two.\n", encoding="utf-8")
    code, out, err = run("import", str(source))
    assert code == 0
    assert "id: my-draft\n" in out
    assert err == "planlens: note: no --date given; fill in 'date' before validating\n"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out, err = run(command, "--help")
    assert (code, err) == (0, "")
    assert "Example:" in out
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"planlens {command}" in readme


def test_usage_error_exits_2() -> None:
    code, out, err = run("show")
    assert code == 2 and out == ""
    assert "Missing argument 'PLAN'" in err


def test_console_script_and_module_entry_points() -> None:
    for argv in (
        [str(Path(sys.executable).parent / "planlens")],
        [sys.executable, "-m", "planlens"],
    ):
        done = subprocess.run([*argv, "--version"], capture_output=True, text=True, check=False)
        assert (done.returncode, done.stdout, done.stderr) == (
            0,
            f"planlens, version {__version__}\n",
            "",
        )


#: What start-up must not import: the YAML loader, the templates, the comparison, the importers.
HEAVY = ("yaml", "jinja2", "markdown_it", "markupsafe", "difflib", "planlens.plan.load",
         "planlens.compare", "planlens.importers", "planlens.render", "planlens.site")  # fmt: skip


def modules_after(code: str) -> set[str]:
    """Run `code` in a fresh interpreter; return the modules it had imported at the end."""
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(*sorted(sys.modules), file=sys.stderr)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return set(done.stderr.split())


def heavy_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_import_nothing_heavy(option: str) -> None:
    code = f"from planlens.cli import cli\ncli(['{option}'], standalone_mode=False)"
    assert heavy_in(modules_after(code)) == []


def test_the_package_imports_its_api_on_first_use() -> None:
    assert heavy_in(modules_after("import planlens, planlens.errors")) == []
    loaded = modules_after("from planlens import load_plan, Plan\nassert load_plan and Plan")
    assert {"planlens.plan.load", "planlens.plan.model"} <= loaded
    assert "yaml" not in loaded  # imported to parse a file (a plan from the cache needs none)
    assert heavy_in(modules_after("import planlens.plan.check_text")) == []


def test_every_public_name_is_there() -> None:
    import planlens
    import planlens.plan

    for package in (planlens, planlens.plan):
        for name in package.__all__:
            assert getattr(package, name) is not None, (package, name)
        assert set(package.__all__) <= set(dir(package))
        with pytest.raises(AttributeError):
            package.no_such_name  # noqa: B018
    namespace: dict[str, object] = {}
    exec("from planlens import *", namespace)
    assert {"Plan", "load_plan", "PlanlensError", "__version__"} <= set(namespace)


def test_diff_imports_no_templates() -> None:
    code = (
        "from planlens.cli import cli\n"
        "cli(['--plans', 'plans', 'diff', 'us-28', 'framework-20'], standalone_mode=False)"
    )
    loaded = modules_after(code)
    assert "yaml" in loaded and "planlens.compare" in loaded
    assert not {"jinja2", "markdown_it", "planlens.render", "planlens.importers"} & loaded


def as_program(prelude: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run `planlens ARGS` as the `planlens` program does (`main()` in a fresh interpreter, from
    the project root), after the Python lines `prelude`."""
    code = (
        f"{prelude}import sys\nsys.argv = ['planlens', *{args!r}]\n"
        "from planlens.cli import main\nmain()"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )


@pytest.mark.parametrize(
    ("command", "off"), [("diff", True), ("report", True), ("validate", False), ("list", False)]
)
def test_a_one_comparison_program_switches_the_collector_off(command: str, off: bool) -> None:
    # As the `planlens` program, diff and report end the process after one comparison: the
    # cyclic collector stays off (its passes over the comparison's objects are wasted). Run
    # in-process (CliRunner, the tests), the caller keeps its collector.
    args = {"diff": ["us-28", "framework-20"], "report": ["us-28", "framework-20", "-o", "-"]}
    done = as_program(
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('collector', gc.isenabled(), file=sys.stderr))\n",
        ["--plans", "plans", command, *args.get(command, [])],
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == f"collector {not off}"
    if command == "diff":
        assert run("--plans", str(ROOT / "plans"), "diff", "us-28", "framework-20")[0] == 0
        assert gc.isenabled()


@pytest.mark.parametrize(
    ("args", "at_once"),
    [
        (["diff", "us-28", "framework-20", "--exit-code"], True),
        (["diff", "us-28", "framework-20", "--format", "json"], True),
        (["report", "us-28", "framework-20", "-o", "-"], True),
        (["diff", "us-28", "no-such-plan"], True),
        (["validate"], False),
    ],
)
def test_a_one_comparison_program_ends_without_freeing_its_objects(
    args: list[str], at_once: bool
) -> None:
    # As the `planlens` program, diff and report end the process at once when the command is
    # done: output flushed, exit functions run, the same status, but no object freed one by
    # one (a sentinel's `__del__` never runs). Other commands end as Python ends.
    done = as_program(
        "import atexit, sys\n"
        "class Sentinel:\n"
        "    def __del__(self):\n"
        "        print('freed', file=sys.stderr)\n"
        "kept = Sentinel()\n"
        "atexit.register(lambda: print('exit functions ran', file=sys.stderr))\n",
        ["--plans", str(ROOT / "plans"), *args],
    )
    expected = run("--plans", str(ROOT / "plans"), *args)
    assert (done.returncode, done.stdout) == expected[:2]
    lines = done.stderr.splitlines()
    assert lines[-2 if not at_once else -1 :] == (
        ["exit functions ran"] if at_once else ["exit functions ran", "freed"]
    )
    assert "\n".join(lines[:-1] if at_once else lines[:-2]) == expected[2].rstrip("\n")


def test_a_build_program_ends_without_freeing_its_objects(tmp_path: Path) -> None:
    # `planlens build` ends at once too, whatever the number of jobs, and on an error: the
    # freeing took 0.03 s of every build. Its collector stays on (a build makes many pages).
    prelude = (
        "import atexit, gc, sys\n"
        "class Sentinel:\n"
        "    def __del__(self):\n"
        "        print('freed', file=sys.stderr)\n"
        "kept = Sentinel()\n"
        "atexit.register(lambda: print('collector', gc.isenabled(), file=sys.stderr))\n"
    )
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    for jobs in ("1", "2"):
        out = tmp_path / f"site-{jobs}"
        done = as_program(prelude, ["build", str(ROOT / "plans"), "-o", str(out), "-j", jobs])
        assert (done.returncode, done.stdout) == (0, f"{out}: 32 written, 0 unchanged\n")
        assert done.stderr.splitlines() == ["collector True"], done.stderr
        assert len(list(out.rglob("*.html"))) == 31
    inside_a_file = tmp_path / "file" / "site"
    failed = as_program(prelude, ["build", str(ROOT / "plans"), "-o", str(inside_a_file)])
    assert (failed.returncode, failed.stdout) == (1, "")
    assert failed.stderr.splitlines() == [
        f"planlens: error: {inside_a_file}: cannot make the folder: Not a directory",
        "collector True",
    ], failed.stderr


def test_diff_text_json_markdown(tmp_path: Path) -> None:
    old, new = str(GOOD / "base-v1.yaml"), str(GOOD / "base-v2.yaml")
    code, out, err = run("diff", old, new)
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == [
        "base-v1 (2025-11-01) -> base-v2 (2025-11-20)",
        "modified 1  removed 1  unknown 3",
    ]
    assert "! 2 -> army  [modified]" in out
    assert "    number: 600,000 -> 800,000" in out
    assert "capped at [-600,000-]{+800,000+} personnel {+in peacetime+}." in out
    assert "\x1b[" not in out  # no colour when not a terminal
    code, out, err = run("diff", old, new, "--format", "json")
    data = json.loads(out)
    assert data["schema"] == "planlens.diff/1"
    assert data["summary"]["modified"] == 1
    army = next(c for c in data["changes"] if c["new"] == ["army"])
    assert army["old"] == ["2"] and army["matched_by"] == "pin"
    assert {"type": "number", "old": "600,000", "new": "800,000"} in army["flags"]
    code, out, err = run("diff", old, new, "--format", "markdown")
    assert "~~600,000~~" in out and "**800,000**" in out
    target = tmp_path / "d.json"
    assert run("diff", old, new, "--format", "json", "-o", str(target)) == (
        0,
        "",
        f"wrote {target}\n",
    )
    assert json.loads(target.read_text())["schema"] == "planlens.diff/1"
    assert run("diff", old, new, "-o", str(target))[0] == 1  # exists, no --force


def test_diff_colour_when_asked_and_no_color_env(monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = str(GOOD / "base-v1.yaml"), str(GOOD / "base-v2.yaml")
    result = CliRunner().invoke(cli, ["diff", old, new, "--color"], color=True)
    assert "\x1b[31m[-600,000-]\x1b[0m" in result.stdout


def readme_sessions() -> list[tuple[str, list[str]]]:
    """Return each `$ planlens ...` command in the README's console blocks with its shown output."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sessions: list[tuple[str, list[str]]] = []
    for block in readme.split("```console\n")[1:]:
        for line in block.split("```", 1)[0].splitlines():
            if line.startswith("$ "):
                sessions.append((line[2:].split("  #", 1)[0].strip(), []))
            elif sessions and line:
                sessions[-1][1].append(line)
    return [
        (command, shown) for command, shown in sessions if command.startswith("planlens") and shown
    ]


def test_readme_sessions_match_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    sessions = readme_sessions()
    assert len(sessions) >= 3
    for command, shown in sessions:
        result = CliRunner().invoke(cli, command.split()[1:])
        lines = (result.stdout + result.stderr).splitlines()
        wanted = [line for line in shown if line != "..."]
        # The README shows real lines, in order, with some left out where it says "...".
        positions = [lines.index(line) for line in wanted]
        assert positions == sorted(positions), command


def readme_commands() -> list[str]:
    """Return every `$ planlens ...` line of the README's console blocks, output shown or not."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return [
        line[2:].split("  #", 1)[0].strip()
        for block in readme.split("```console\n")[1:]
        for line in block.split("```", 1)[0].splitlines()
        if line.startswith("$ planlens")
    ]


def help_examples(command: str) -> list[str]:
    """Return the example lines of a command's --help."""
    out = run(command, "--help")[1]
    examples = out.split("Example:", 1)[1].split("\n\n", 1)[0]
    return [line.strip() for line in examples.splitlines() if line.strip()]


def parse_command_line(line: str) -> None:
    """Parse a shell line of planlens against the real CLI, as click would; UsageError if wrong."""
    args = shlex.split(line)
    assert args[0] == "planlens", line
    args = args[1 : args.index(">")] if ">" in args else args[1:]
    parent = click.Context(cli, info_name="planlens")
    while args and args[0].startswith("-"):  # the group's own options come first
        option = args.pop(0)
        assert option in ("--plans",), f"{line}: unknown group option {option}"
        args.pop(0)
    assert args and args[0] in cli.commands, f"{line}: no command {args[:1]}"
    command = cli.commands[args[0]]
    with command.make_context(args[0], args[1:], parent=parent):
        pass


def test_readme_and_help_examples_parse_against_the_real_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Parsing checks that files named as existing inputs exist: give them a place that has them.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").symlink_to(ROOT / "plans")
    for name in ("draft.txt", "draft.docx", "framework.pdf", "article.html", "bill.xml"):
        (tmp_path / name).write_text("1. A point.\n", encoding="utf-8")
    lines = readme_commands() + [line for name in cli.commands for line in help_examples(name)]
    assert len(lines) >= 20
    commands_shown = {
        shlex.split(line)[1 + 2 * line.startswith("planlens --plans")] for line in lines
    }
    assert commands_shown == set(cli.commands)  # every command has an example that parses
    for line in lines:
        parse_command_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "planlens diff us-28",  # missing NEW
        "planlens diff us-28 e3-28 --format yaml",
        "planlens show us-28 --colour",
        "planlens nosuch",
        "planlens --verbose list",
    ],
)
def test_a_wrong_example_would_be_caught(line: str) -> None:
    with pytest.raises((click.UsageError, AssertionError)):
        parse_command_line(line)


def test_diff_of_shipped_plans_is_fast() -> None:
    # Start-up included: a fresh interpreter, as a user would run it. The CPU time the child
    # used, not the wall time, which a busy machine stretches (2.1 s wall at a load of 7, for
    # a run of about 0.13 s CPU): a guard against a gross regression; bench/ measures speed.
    before = os.times()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "planlens",
            "--plans",
            str(ROOT / "plans"),
            "diff",
            "us-28",
            "framework-20",
        ],
        capture_output=True,
        check=False,
    )
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    assert done.returncode == 0
    assert done.stdout.startswith(b"us-28 (2025-11-20) -> framework-20 (2025-12-23)")
    assert cpu < 2.0  # the target is 0.5 s wall


def test_validate_warns_on_undated_sources_and_exits_0(tmp_path: Path) -> None:
    plan = (GOOD / "base-v1.yaml").read_text()
    undated = plan.replace("    date: 2025-11-01\n", "", 1)
    assert undated != plan
    (tmp_path / "base-v1.yaml").write_text(undated)
    line = undated.splitlines().index("  - url: https://example.org/base/v1") + 1
    path = tmp_path / "base-v1.yaml"
    assert run("validate", str(path)) == (
        0,
        "1 plan, 5 clauses: no problems, 1 warning\n",
        f"{path}:{line}:5: warning: source has no 'date' (when it was published)\n",
    )


def test_validate_with_a_problem_prints_no_warnings(tmp_path: Path) -> None:
    plan = (GOOD / "base-v1.yaml").read_text().replace("    date: 2025-11-01\n", "", 1)
    path = tmp_path / "base-v1.yaml"
    path.write_text(plan.replace("status: draft", "status: drafty", 1))
    code, out, err = run("validate", str(path))
    assert (code, out) == (1, "")
    assert "warning" not in err
    assert err.endswith("planlens: 1 problem in 1 file\n")


def test_import_follows_sets_the_version_it_revises(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("Draft\n\n1. One.\n\n2. Two.\n", encoding="utf-8")
    out = tmp_path / "v2.yaml"
    code, stdout, stderr = run(
        "import", str(source), "--id", "v2", "--follows", "v1", "--date", "2025-12-01",
        "-o", str(out),
    )  # fmt: skip
    assert (code, stdout, stderr) == (0, "", f"wrote {out}: 3 top-level clauses\n")
    assert "\nfollows: v1\n" in out.read_text(encoding="utf-8")
    # Without --follows there is no 'follows' at all.
    code, stdout, _ = run("import", str(source), "--id", "v2", "--date", "2025-12-01")
    assert code == 0 and "follows" not in stdout


@pytest.mark.parametrize(
    ("follows", "message"),
    [
        ("Not An Id", "--follows 'Not An Id' is not a plan id"),
        ("v2", "--follows 'v2': a plan cannot follow itself"),
    ],
)
def test_import_refuses_a_bad_follows(tmp_path: Path, follows: str, message: str) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("1. One.\n", encoding="utf-8")
    out = tmp_path / "v2.yaml"
    code, stdout, stderr = run(
        "import", str(source), "--id", "v2", "--follows", follows, "-o", str(out)
    )
    assert (code, stdout, stderr) == (1, "", f"planlens: error: {message}\n")
    assert not out.exists()
