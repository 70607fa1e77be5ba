"""Hostile and unlucky input: deep nesting, hidden characters, odd outputs, broken manifests.

Each case ends in a clean one-line message and exit status 1, or in output that shows what the
input says: never a traceback, never a control character applied.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, PLANS, ROOT
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planlens.cli import cli
from planlens.compare import compare, diff_markdown, diff_text
from planlens.errors import PlanFileError
from planlens.plan.check_plan import MAX_CLAUSE_DEPTH
from planlens.plan.check_text import (
    CANDIDATES,
    _walk_for_hidden,
    has_candidate,
    hidden_character,
    hidden_character_problems,
    hidden_in,
    marker,
    visible,
)
from planlens.plan.formats import plan_markdown, plan_text
from planlens.plan.load import load_plans, parse_plan
from planlens.plan.model import Clause, Plan, Source
from planlens.plan.yaml_nodes import MAX_NESTING, compose_nodes
from planlens.render import compare_page, plan_page, render, render_compare
from planlens.site import MANIFEST

# Every test here runs with libyaml and again with the pure-Python composer alone.
pytestmark = pytest.mark.usefixtures("yaml_composer")

UNSAFE = DATA / "unsafe"
GOOD = DATA / "good"
HEAD = """\
id: deep
title: Deep
date: 2025-11-20
status: draft
completeness: full
sources: [{url: "https://example.org/"}]
"""


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


def nested_clauses(depth: int, tag: str = "") -> str:
    """Return the `clauses:` of a plan whose clauses nest `depth` levels deep."""
    lines, indent = ["clauses:"], ""
    for level in range(1, depth + 1):
        lines += [f'{indent}  - id: "{level}"', f"{indent}    text: level {level}{tag}"]
        if level < depth:
            lines.append(f"{indent}    clauses:")
        indent += "    "
    return "\n".join(lines) + "\n"


# -- depth limits ----------------------------------------------------------------------------


def test_100000_nested_flow_lists_are_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(HEAD + "notes: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    code, out, err = run("validate", str(path))
    # The plan is one level; the list that would be level MAX_NESTING + 1 is refused.
    column = len("notes: ") + MAX_NESTING
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:7:{column}: nested too deeply (limit {MAX_NESTING})\n"
        "planlens: 1 problem in 1 file\n"
    )


@pytest.mark.parametrize("opening", ["{a: ", "- ", "[", "? "])
def test_nesting_of_any_kind_is_limited(opening: str) -> None:
    if opening == "- ":
        text = "".join("  " * level + "-\n" for level in range(MAX_NESTING + 5))
    else:
        text = opening * (MAX_NESTING + 5)
    with pytest.raises(Exception, match=rf"nested too deeply \(limit {MAX_NESTING}\)") as caught:
        parse_plan(text, "x.yaml")
    assert type(caught.value).__name__ == "PlanFileError"


def test_nesting_up_to_the_limit_is_not_refused() -> None:
    text = HEAD + "notes: " + "[" * (MAX_NESTING - 1) + "]" * (MAX_NESTING - 1) + "\n"
    with pytest.raises(Exception) as caught:
        parse_plan(text, "x.yaml")
    assert "nested too deeply" not in str(caught.value)  # only "notes must be a string"
    assert "'notes' in the plan must be a string, not a list" in str(caught.value)


def test_1500_nested_clauses_are_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(HEAD + nested_clauses(1500), encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert (code, out) == (1, "")
    assert re.fullmatch(
        rf"{re.escape(str(path))}:\d+:\d+: nested too deeply \(limit \d+\)(: .*)?\n"
        r"planlens: 1 problem in 1 file\n",
        err,
    ), err


def test_clauses_nest_at_most_the_clause_limit(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(HEAD + nested_clauses(MAX_CLAUSE_DEPTH + 1), encoding="utf-8")
    code, _, err = run("validate", str(path))
    line = 7 + 3 * MAX_CLAUSE_DEPTH + 1  # the first clause past the limit
    column = 4 * MAX_CLAUSE_DEPTH + 5  # its first key, after the indent and the dash
    assert code == 1
    assert err.splitlines()[0] == (
        f"{path}:{line}:{column}: nested too deeply (limit {MAX_CLAUSE_DEPTH}): "
        f"clauses nest at most {MAX_CLAUSE_DEPTH} levels"
    )


def test_clauses_at_the_limit_go_through_every_command(tmp_path: Path) -> None:
    # Everything after the loader walks clauses recursively: at the limit, all of it works.
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.yaml").write_text(HEAD.replace("deep", "a") + nested_clauses(MAX_CLAUSE_DEPTH))
    newer = HEAD.replace("deep", "b").replace("2025-11-20", "2025-11-21") + "follows: a\n"
    (folder / "b.yaml").write_text(newer + nested_clauses(MAX_CLAUSE_DEPTH, " changed"))
    a, b = str(folder / "a.yaml"), str(folder / "b.yaml")
    for args in (
        ["validate", str(folder)],
        ["show", a],
        ["show", a, "--format", "json"],
        ["diff", a, b],
        ["diff", a, b, "--format", "json"],
        ["diff", a, b, "--format", "markdown"],
        ["lineage", a, b, "--format", "text"],
        ["lineage", a, b, "--format", "html"],
        ["report", a, b, "-o", str(tmp_path / "r.html")],
        ["build", str(folder), "-o", str(tmp_path / "site")],
    ):
        code, _, err = run(*args)
        assert code == 0, (args, err)


# -- hidden characters -------------------------------------------------------------------------


def test_validate_names_each_hidden_character_where_it_stands(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    bidi, escapes = (
        "tests/data/unsafe/bidi-override.yaml",
        "tests/data/unsafe/terminal-escapes.yaml",
    )
    code, out, err = run("validate", bidi, escapes)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{bidi}:11:43: 'text' holds U+202E RIGHT-TO-LEFT OVERRIDE, an invisible formatting "
        "character, which can make text display differently; remove it (and 1 more: U+202C)",
        f"{escapes}:3:26: 'title' holds U+001B ESCAPE, a control character, which can change "
        "what a terminal shows; remove it (and 1 more: U+0007)",
        f"{escapes}:11:16: 'text' holds U+001B ESCAPE, a control character, which can change "
        "what a terminal shows; remove it (and 3 more: U+001B)",
        "planlens: 3 problems in 2 files",
    ]


@pytest.mark.parametrize(
    ("yaml_line", "column", "char"),
    [
        ("title: plain \u202e text", 14, "\u202e"),  # raw, in a plain scalar
        ("title: 'single \u2066 quoted'", 16, "\u2066"),
        ('title: "double \\u200b escaped"', 16, "\u200b"),
        ('title: "double \\x1b hex"', 16, "\x1b"),
        ('title: "double \\N next line"', 16, "\x85"),
        ('title: "back\\\\slash then \\e"', 26, "\x1b"),  # an escaped backslash is no escape
        ('title: "\\U000E0041 tag"', 9, "\U000e0041"),
        ("title: soft\u00adhyphen", 12, "\u00ad"),
    ],
)
def test_the_position_is_that_of_the_character(yaml_line: str, column: int, char: str) -> None:
    text = HEAD.replace("title: Deep", yaml_line) + 'clauses: [{id: "1", text: x}]\n'
    with pytest.raises(Exception) as caught:
        parse_plan(text, "x.yaml")
    (problem,) = caught.value.problems  # type: ignore[attr-defined]
    assert (problem.location.line, problem.location.column) == (2, column)
    assert problem.message.startswith(f"'title' holds U+{ord(char):04X}")


def test_block_scalars_and_keys_are_checked_too() -> None:
    text = HEAD + 'clauses:\n  - id: "1"\n    text: |\n      ok\n      a\u202eb\n    "\\e": x\n'
    with pytest.raises(Exception) as caught:
        parse_plan(text, "x.yaml")
    found = {(p.location.line, p.location.column, p.message[:28]) for p in caught.value.problems}  # type: ignore[attr-defined]
    assert (11, 8, "'text' holds U+202E RIGHT-TO") in found
    assert (12, 6, "a key holds U+001B ESCAPE, a") in found


#: Pieces of double-quoted strings: escapes that write a hidden character, escapes that do not,
#: and hidden characters written as themselves.
PIECES = ["\\e", "\\u202e", "\\x9b", "\\U000E0041", "\\N", "\\L", "\\P", "\\0", "\\r",
          "\\t", "\\n", "\\\\", "\\_", "\\ ", '\\"', "\\x41", "\\u00e9", "\u202e",
          "\u00ad", "\u200d", "\x85", "a", " "]  # fmt: skip


@settings(max_examples=300, derandomize=True)
@given(
    st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=6).map("".join),
    st.sampled_from(['"{}"', "'{}'", "{}", "|\n  {}", "[{}]", "{{{}: x}}"]),
)
def test_a_file_skipped_as_clean_has_no_hidden_character(body: str, form: str) -> None:
    # `hidden_character_problems` skips the walk when no character or escape of the file can
    # be one: it must find exactly what the walk finds.
    text = "key: " + form.format(body) + "\n"
    try:
        root = compose_nodes(text, "p.yaml")
    except PlanFileError:
        assume(False)
    assert root is not None
    found = hidden_character_problems(root, text, "p.yaml")
    assert found == _walk_for_hidden(root, text, "p.yaml")


@settings(max_examples=500, derandomize=True)
@given(
    st.lists(
        st.sampled_from(PIECES)
        | st.text(max_size=4)
        | st.characters(max_codepoint=0xFF).map(str)
        | st.characters(categories=["Cc", "Cf", "Cs", "Zl", "Zp"]).map(str),
        max_size=8,
    ).map("".join)
)
def test_the_quick_search_for_candidates_is_the_search(text: str) -> None:
    # `has_candidate` searches only what is left of the text's UTF-8 bytes less the plain
    # ASCII (or the distinct characters, where UTF-8 cannot hold the text): the same answer.
    assert has_candidate(text) == (CANDIDATES.search(text) is not None)
    assert has_candidate(text * 3 + "plain text") == (CANDIDATES.search(text) is not None)


def test_a_raw_control_character_in_the_file_has_its_place(tmp_path: Path) -> None:
    path = tmp_path / "raw.yaml"
    path.write_bytes(b"id: x\ntitle: ab\x1bc\n")
    code, _, err = run("validate", str(path))
    assert code == 1
    assert (
        err.splitlines()[0] == f"{path}:2:10: invalid YAML: U+001B ESCAPE is not allowed in a file"
    )


@pytest.mark.parametrize("allowed", ["\u200c", "\u200d", "\t", "é", "😀", "\u05d0", "\u0627"])
def test_joiners_and_right_to_left_letters_are_allowed(allowed: str) -> None:
    assert not hidden_character(allowed)
    plan = parse_plan(HEAD + f'clauses: [{{id: "1", text: "a{allowed}b"}}]\n', "x.yaml")
    assert plan.clauses[0].text == f"a{allowed}b"


def test_shipped_plans_have_no_hidden_characters() -> None:
    load_plans([PLANS], closed=True)  # would raise
    for path in PLANS.glob("*.yaml"):
        assert not hidden_in(path.read_text(encoding="utf-8")), path


def hostile_plan(plan_id: str, text: str) -> Plan:
    """A plan made in Python, past the loader, with hidden characters in every string."""
    return Plan(
        id=plan_id,
        title=f"Title \x1b]0;pwned\x07 {plan_id}",
        date="2025-11-20",
        status="draft",
        completeness="full",
        sources=(Source(url="https://example.org/\u202e", title="S\x9b31m"),),
        clauses=(
            Clause(id="1\u202e", number="1\x1b[2J", text=text, notes="n\u2066x\u2069"),
            Clause(id="2", text="The armed forces are capped at 600,000 personnel."),
        ),
        notes="notes \x1b]8;;https://x.org\x1b\\link\x1b]8;;\x1b\\",
    )


OLD = hostile_plan("a", "Capped at \u202e000,008\u202c personnel; \x1b]0;title\x07 \x7f\x85")
NEW = hostile_plan("b", "Capped at \u202e000,009\u202c personnel; \x1b[31mred\x1b[0m \u200b")


def test_terminal_output_shows_markers_and_applies_nothing() -> None:
    diff = compare(OLD, NEW)
    outputs = {
        "show": plan_text(OLD),
        "show markdown": plan_markdown(OLD),
        "diff": diff_text(diff),
        "diff markdown": diff_markdown(diff),
    }
    for name, output in outputs.items():
        assert not hidden_in(output), name
    coloured = diff_text(diff, color=True)
    # The only escape sequences are the colours planlens adds itself.
    assert not hidden_in(re.sub(r"\x1b\[[0-9;]*m", "", coloured))
    assert "⟦U+202E⟧000,008⟦U+202C⟧" in outputs["show"]
    assert "⟦U+202E⟧" in outputs["diff"] and "⟦U+202C⟧" in outputs["diff"]
    assert "⟦U+001B⟧]0;pwned⟦U+0007⟧" in outputs["show"]


def test_pages_show_markers_and_apply_nothing() -> None:
    compared = render_compare(compare_page(compare(OLD, NEW)))
    page = render("plan.html", plan_page(OLD, {"a", "b"}))
    for html in (compared, page):
        assert not hidden_in(html)
        assert "⟦U+001B⟧]0;pwned⟦U+0007⟧" in html
        assert "⟦U+202E⟧" in html and "⟦U+202C⟧" in html
    assert "⟦U+202E⟧000,008⟦U+202C⟧" in page


def test_figures_are_shown_in_the_order_of_the_source() -> None:
    # "600,000 ‮000,008‬" would display as "600,000 800,000"; the page shows what the bytes say.
    plan = hostile_plan("a", "600,000 \u202e000,008\u202c")
    html = render("plan.html", plan_page(plan, {"a"}))
    assert "600,000 ⟦U+202E⟧000,008⟦U+202C⟧" in html
    assert "800,000" not in html


def test_json_output_escapes_hidden_characters_losslessly() -> None:
    from planlens.cli.options import json_text

    data = {"text": "a\u202eb\x1b\x85\x7f\ud800\U000e0041 ok é"}
    text = json_text(data)
    assert not hidden_in(text)
    assert "é" in text
    assert json.loads(text) == data


def test_error_messages_show_markers(tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text(HEAD + '"\\e]0;pwned\\a": x\nclauses: [{id: "1", text: x}]\n', encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == 1
    assert not hidden_in(err)
    assert "unknown key '⟦U+001B⟧]0;pwned⟦U+0007⟧' in the plan" in err
    named = tmp_path / "\x1b]0;x\x07.yaml"
    code, _, err = run("show", str(named))
    assert code == 1
    assert not hidden_in(err) and "⟦U+001B⟧]0;x⟦U+0007⟧.yaml: no such file" in err
    code, _, err = run("import", str(named.with_suffix(".txt")))  # click's own message
    assert code == 2 and "does not exist" in err and not hidden_in(err)


# -- outputs -----------------------------------------------------------------------------------


def test_dash_means_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    old, new = str(GOOD / "base-v1.yaml"), str(GOOD / "base-v2.yaml")
    code, out, err = run("diff", old, new, "-o", "-")
    assert (code, err) == (0, "") and out.startswith("base-v1 (2025-11-01) -> base-v2")
    code, out, err = run("report", old, new, "-o", "-")
    assert (code, err) == (0, "") and out.startswith("<!DOCTYPE html>")
    docx = CliRunner().invoke(cli, ["report", old, new, "--format", "docx", "-o", "-"])
    assert docx.exit_code == 0 and docx.stdout_bytes.startswith(b"PK\x03\x04")
    code, out, err = run("lineage", old, new, "--format", "json", "-o", "-")
    assert (code, err) == (0, "") and json.loads(out)["schema"] == "planlens.lineage/1"
    draft = tmp_path / "draft.txt"
    draft.write_text("1. One.\n2. Two.\n")
    code, out, _ = run("import", str(draft), "--date", "2025-12-01", "-o", "-")
    assert code == 0 and out.startswith("id: draft")
    assert sorted(os.listdir(tmp_path)) == ["draft.txt"]  # no file named "-"
    code, out, err = run("build", str(GOOD), "-o", "-")
    assert (code, out) == (1, "")
    assert err.endswith(": build writes a folder of pages; -o - (standard output) cannot hold it\n")


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_special_files_are_refused_even_with_force(tmp_path: Path, kind: str) -> None:
    old, new = str(GOOD / "base-v1.yaml"), str(GOOD / "base-v2.yaml")
    if kind == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
        what = "a FIFO"
    elif kind == "device":
        target = Path("/dev/null")
        what = "a device"
    else:
        target = tmp_path / "folder"
        target.mkdir()
        what = "a folder"
    for command in (["diff", old, new], ["report", old, new], ["lineage", old, new]):
        code, out, err = run(*command, "-o", str(target), "--force")
        if kind == "folder":
            assert code == 2 and "is a directory" in err  # click refuses it for -o already
            continue
        assert (code, out) == (1, "")
        refused = f"{target}: is {what}, not a regular file; refusing to write to it"
        assert err == f"planlens: error: {refused}\n"
    mode = target.lstat().st_mode
    assert {"fifo": stat.S_ISFIFO, "device": stat.S_ISCHR, "folder": stat.S_ISDIR}[kind](mode)


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    old, new = str(GOOD / "base-v1.yaml"), str(GOOD / "base-v2.yaml")
    real = tmp_path / "real.txt"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    code, _, err = run("diff", old, new, "-o", str(link))
    assert (code, err) == (
        1,
        f"planlens: error: {link}: file exists; use --force to overwrite it\n",
    )
    code, _, _ = run("diff", old, new, "-o", str(link), "--force")
    assert code == 0
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text().startswith("base-v1 (2025-11-01) -> base-v2")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the file keeps its mode
    assert sorted(os.listdir(tmp_path)) == ["link.txt", "real.txt"]
    # A link to an input is an input.
    plan_link = tmp_path / "plan.yaml"
    plan_link.symlink_to(GOOD / "base-v1.yaml")
    code, _, err = run("diff", str(plan_link), new, "-o", str(plan_link), "--force")
    assert (code, err) == (
        1,
        f"planlens: error: {plan_link}: refusing to overwrite an input file\n",
    )


def test_a_symlink_in_a_site_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run("build", str(GOOD), "-o", str(out))[0] == 0
    elsewhere = tmp_path / "elsewhere.html"
    elsewhere.write_text("mine\n")
    index = out / "index.html"
    index.unlink()
    index.symlink_to(elsewhere)
    (out / MANIFEST).unlink()  # so every page is written again
    code, _, err = run("build", str(GOOD), "-o", str(out), "--force")
    assert code == 1
    # Only the error: stderr is not a terminal, so no progress bar.
    assert err == f"planlens: error: {index}: is a symbolic link; refusing to write through it\n"
    assert elsewhere.read_text() == "mine\n"


# -- the build manifest ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('{"pages": [1, 2]}', "'pages' is not a mapping of paths to digests"),
        ("{bad json", "not JSON"),
        ("[" * 100_000 + "]" * 100_000, "not JSON"),
        (
            '{"pages": {"../outside.html": "x"}}',
            "'../outside.html' is not a path inside the folder",
        ),
        ('{"pages": {"a\\u0000b": "x"}}', "'a\\x00b' is not a path inside the folder"),
    ],
)
def test_a_broken_manifest_is_absent_with_a_warning(tmp_path: Path, text: str, why: str) -> None:
    out = tmp_path / "site"
    assert run("build", str(GOOD), "-o", str(out))[0] == 0
    (out / MANIFEST).write_text(text, encoding="utf-8")
    code, out_text, err = run("build", str(GOOD), "-o", str(out))
    warning = (
        f"planlens: warning: {out / MANIFEST}: not a build manifest as planlens writes it ({why}); "
        "ignoring it, so files in the folder count as not made by planlens"
    )
    assert (code, out_text) == (1, "")
    assert err.splitlines() == [
        warning,
        f"planlens: error: {out / 'index.html'}: file exists and was not made by planlens; "
        "use --force to overwrite it",
    ]
    code, _, err = run("build", str(GOOD), "-o", str(out), "--force")
    assert code == 0 and err.splitlines()[0] == warning
    # Its five pages and the search index.
    assert run("build", str(GOOD), "-o", str(out)) == (0, f"{out}: 0 written, 6 unchanged\n", "")


def test_import_writes_hidden_characters_as_escapes(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("1. Capped at \u202e000,008\u202c and \x1b]0;x\x07 here.\n2. Two é.\n")
    code, out, _ = run("import", str(draft), "--date", "2025-12-01")
    assert code == 0 and not hidden_in(out)
    assert 'text: "Capped at \\u202E000,008\\u202C and \\e]0;x\\a here."' in out
    assert "text: Two é." in out  # other texts as they are
    (tmp_path / "draft.yaml").write_text(out, encoding="utf-8")
    code, _, err = run("validate", str(tmp_path / "draft.yaml"))
    assert code == 1 and "'text' holds U+202E RIGHT-TO-LEFT OVERRIDE" in err


def test_an_unclosed_ipv6_address_is_a_bad_url(tmp_path: Path) -> None:
    path = tmp_path / "url.yaml"
    text = HEAD.replace("https://example.org/", "http://[example.org/a")
    path.write_text(text + 'clauses: [{id: "1", text: x}]\n', encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == 1
    assert "url 'http://[example.org/a' in a source of the plan must be an http://" in err


def _visible_reference(text: str) -> str:
    """`visible` as it was before its shortcut for printable text: the regex alone."""
    if not CANDIDATES.search(text):
        return text
    return CANDIDATES.sub(
        lambda m: marker(m.group()) if hidden_character(m.group()) else m.group(), text
    )


@settings(max_examples=500, derandomize=True)
@given(
    st.text()
    | st.text(st.characters(categories=("Cc", "Cf", "Cs", "Zl", "Zp", "Zs", "Co", "Cn", "Mn")))
    | st.lists(st.sampled_from(["a", " ", "\n", "\t", "\u202e", "\u200d", "\xad", "\x1b"])).map(
        "".join
    )
)
def test_visible_matches_the_regex_alone(text: str) -> None:
    """Printable text goes through unchanged without the regex; the result is the same."""
    assert visible(text) == _visible_reference(text)
