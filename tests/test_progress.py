"""Progress bars: `build` and `report` on big inputs draw one on stderr when it is a terminal,
and print nothing there otherwise.

The terminal is real where it can be: the command runs in a subprocess whose stderr is a
pseudo-terminal (`os.openpty`). The bar's own logic is also tested with a fake terminal (a
stream whose `isatty` says yes).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA

from planlens.cli import cli
from planlens.cli.progress import MIN_CLAUSES, MIN_PAGES, PageProgress, Stages

REPORT = DATA / "report"  # three versions: 8 pages and the search index, more than MIN_PAGES
PAGES = 9


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def on_a_terminal(args: Sequence[str], cwd: Path) -> tuple[int, str, str]:
    """Run planlens with stderr on a pseudo-terminal; return its status, stdout and stderr."""
    main, child = os.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "planlens", *args],
        stdout=subprocess.PIPE,
        stderr=child,
        cwd=cwd,
    ) as process:
        os.close(child)
        seen = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the child's end is closed
                break
            if not chunk:
                break
            seen += chunk
        out = process.stdout.read() if process.stdout else b""
        code = process.wait()
    os.close(main)
    return code, out.decode(), seen.decode().replace("\r\n", "\n")


def big_plans(folder: Path, clauses: int) -> tuple[Path, Path]:
    """Two versions of a plan with `clauses` clauses each, every one reworded in the second."""
    paths = []
    for version, plan_id in enumerate(("big-1", "big-2")):
        lines = [
            f"id: {plan_id}",
            "title: A big plan",
            f"date: 2025-01-0{version + 1}",
            "status: draft",
            "completeness: full",
            "sources: [{url: 'https://example.org/big', date: 2025-01-01}]",
            *(["follows: big-1"] if version else []),
            "clauses:",
        ]
        for k in range(1, clauses + 1):
            lines.append(
                f"  - {{id: '{k}', text: 'The parties review article {k} on matter {k % 13}"
                f" every {k + version} months.'}}"
            )
        path = folder / f"{plan_id}.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


# -- build ---------------------------------------------------------------------------------


def test_build_prints_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(REPORT), "-o", str(tmp_path / "site")])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"{tmp_path / 'site'}: {PAGES} written, 0 unchanged\n"


def test_build_draws_a_bar_on_a_terminal(tmp_path: Path) -> None:
    site = tmp_path / "site"
    code, out, err = on_a_terminal(["build", str(REPORT), "-o", str(site)], tmp_path)
    assert (code, out) == (0, f"{site}: {PAGES} written, 0 unchanged\n")
    frames = err.split("\r")
    assert any(frame.startswith("\x1b[?25lbuilding  [") for frame in frames)
    ticks = [f"{100 * k // PAGES:>3}%" for k in range(PAGES + 1)]
    assert all(tick in err for tick in ticks)  # 0 of 8, 1 of 8 (12%), ..., 8 of 8 (100%)
    assert err.endswith("\x1b[?25h\n")  # the cursor shown again, the line ended
    # Nothing to write, nothing to show.
    assert on_a_terminal(["build", str(REPORT), "-o", str(site)], tmp_path)[2] == ""


def test_page_progress_only_for_more_than_a_few_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with PageProgress("building") as progress:
        tick = progress([f"p{k}" for k in range(MIN_PAGES)])
        for k in range(MIN_PAGES):
            tick(f"p{k}")
    assert terminal.getvalue() == ""
    with PageProgress("building") as progress:
        tick = progress([f"p{k}" for k in range(MIN_PAGES + 1)])
        tick("p0")
    assert "building  [" in terminal.getvalue()


def test_a_failed_build_ends_the_bar_before_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with pytest.raises(OSError), PageProgress("building") as progress:
        tick = progress([f"p{k}" for k in range(10)])
        tick("p0")
        raise OSError("disk full")
    assert "  10%" in terminal.getvalue()
    assert terminal.getvalue().endswith("\n")  # what is printed next starts on its own line


# -- report --------------------------------------------------------------------------------


def test_report_on_big_plans_draws_its_steps_on_a_terminal(tmp_path: Path) -> None:
    old, new = big_plans(tmp_path, MIN_CLAUSES // 2)
    out = tmp_path / "r.html"
    code, stdout, err = on_a_terminal(["report", str(old), str(new), "-o", str(out)], tmp_path)
    assert (code, stdout) == (0, "")
    steps = [s for s in ("comparing", "laying out", "rendering", "writing") if s in err]
    assert steps == ["comparing", "laying out", "rendering", "writing"]
    assert "report  [" in err and "100%" in err
    assert err.endswith(f"\x1b[?25h\nwrote {out}\n")  # the bar's line ends before the message
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_is_silent_unless_big_and_on_a_terminal(tmp_path: Path) -> None:
    old, new = big_plans(tmp_path, MIN_CLAUSES // 2)
    out = tmp_path / "r.html"
    # Big, but stderr is not a terminal: only the message.
    result = CliRunner().invoke(cli, ["report", str(old), str(new), "-o", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"wrote {out}\n")
    # On a terminal, but small: only the message.
    small = [str(REPORT / "report-v1.yaml"), str(REPORT / "report-v2.yaml")]
    code, stdout, err = on_a_terminal(["report", *small, "-o", str(out), "--force"], tmp_path)
    assert (code, stdout, err) == (0, "", f"wrote {out}\n")


def test_stages_name_the_step_under_way(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with Stages("report", ("one", "two"), big=True) as stages:
        stages.next("one")
        assert terminal.getvalue().endswith("0%  one")
        stages.next("two")
        assert terminal.getvalue().rstrip().endswith("50%  two")
    drawn = terminal.getvalue()
    assert "100%" in drawn and drawn.endswith("\n")
    with Stages("report", ("one",), big=False) as stages:
        stages.next("one")
    assert terminal.getvalue() == drawn  # nothing more when the work is small
