"""`build_folder`: a folder of plans read, and its echoes found, by a helper process while the
build imports what it needs (more than one job), or here (one job); the same site and errors."""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PLANS
from test_site import files

import planlens.plan.load
import planlens.site.pages
import planlens.site.pool
from planlens.cli import cli
from planlens.errors import PlanFileError, PlanlensError
from planlens.plan.model import Plan
from planlens.site import build_folder, build_site
from planlens.site.pool import aside

#: The module: `planlens.lineage.echoes` is also a function of `planlens.lineage`.
ECHOES = importlib.import_module("planlens.lineage.echoes")


def ended(within: float = 10.0) -> bool:
    """Whether every child process has ended (and is reaped) within `within` seconds."""
    end = time.monotonic() + within
    while multiprocessing.active_children():
        if time.monotonic() > end:
            return False
        time.sleep(0.01)
    return True


def noting(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Have the process that reads the plans, and the one that finds their echoes, say so."""
    load, find = planlens.plan.load.load_plans, ECHOES.corpus_echoes

    def note(what: str) -> None:
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()} {what}\n")

    def loaded(*args: object, **kwargs: object) -> tuple[Plan, ...]:
        note("read")
        return load(*args, **kwargs)  # type: ignore[arg-type]

    def found(*args: object, **kwargs: object) -> object:
        note("echoes")
        return find(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(planlens.plan.load, "load_plans", loaded)
    monkeypatch.setattr(ECHOES, "corpus_echoes", found)
    monkeypatch.setattr(planlens.site.pages, "corpus_echoes", found)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_plans_are_read_aside_with_more_than_one_job(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, jobs: int
) -> None:
    log = tmp_path / "log"
    noting(monkeypatch, log)
    result = build_folder([PLANS], tmp_path / "site", jobs=jobs)
    lines = [line.split(" ", 1) for line in log.read_text("utf-8").splitlines()]
    assert [what for _, what in lines] == ["read", "echoes"]  # each once
    readers = {int(pid) for pid, _ in lines}
    if jobs == 1 or planlens.site.pool.START_METHOD != "fork":
        assert readers == {os.getpid()}
    else:
        assert len(readers) == 1 and os.getpid() not in readers
    assert ended()  # the helper ended with its work
    assert len(result.written) == 32
    build_site(planlens.plan.load.load_plans([PLANS], closed=True), tmp_path / "one")
    assert files(tmp_path / "site") == files(tmp_path / "one")


def test_a_folder_that_does_not_load_is_the_same_error_with_jobs(tmp_path: Path) -> None:
    bad = tmp_path / "plans"
    bad.mkdir()
    for path in PLANS.glob("*.yaml"):
        text = path.read_text("utf-8")
        (bad / path.name).write_text(text.replace("id: minsk-1\n", "id: minsk-2\n"), "utf-8")
    results = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        result = CliRunner().invoke(cli, ["build", str(bad), "-o", str(out), "--jobs", jobs])
        results.append((result.exit_code, result.stdout, result.stderr))
        assert not out.exists()  # nothing made: the plans are read before the build starts
    assert results[0] == results[1]
    code, stdout, stderr = results[1]
    assert (code, stdout) == (1, "")
    assert stderr.endswith("planlens: 8 problems in 2 files\n") and "Traceback" not in stderr
    duplicate = (
        f"{bad / '2015-02-12-minsk-package-of-measures.yaml'}:1:1: plan id 'minsk-2' is also"
        f" used by {bad / '2014-09-05-minsk-protocol.yaml'}:1:1\n"
    )
    assert duplicate in stderr


def test_echoes_that_fail_fail_the_build_as_in_one_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Raised by the build (after it made the folder and took its lock), not by the helper.
    def failing(plans: object, **kwargs: object) -> object:
        raise PlanlensError("no echoes")

    monkeypatch.setattr(ECHOES, "corpus_echoes", failing)
    monkeypatch.setattr(planlens.site.pages, "corpus_echoes", failing)
    for jobs in (1, 2):
        with pytest.raises(PlanlensError, match=r"^no echoes$"):
            build_folder([PLANS], tmp_path / f"out-{jobs}", jobs=jobs)
        assert (tmp_path / f"out-{jobs}").is_dir() and files(tmp_path / f"out-{jobs}") == {}


def test_the_build_imports_no_yaml_loader() -> None:
    # What the build imports while the helper reads the plans does not read plans itself: the
    # YAML loader would be imported twice over, once in each process.
    code = (
        "import sys, planlens.cli, planlens.site.folder, planlens.site.build\n"
        "print(sorted({'yaml', 'planlens.plan.load'} & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


# -- aside ---------------------------------------------------------------------------------


def pid_and(value: int) -> tuple[int, int]:
    return os.getpid(), value


class Unreadable(PlanlensError):
    """An error that pickles but cannot be unpickled (its arguments are not its message)."""

    def __init__(self, what: str, where: str) -> None:
        super().__init__(f"{what} at {where}")


def raising(error: Exception) -> None:
    raise error


def dying() -> None:
    os._exit(3)


@pytest.mark.skipif(planlens.site.pool.START_METHOD != "fork", reason="forks")
def test_aside_gives_the_result_or_raises_the_error_here() -> None:
    pid, value = aside(pid_and, 7)()
    assert value == 7 and pid != os.getpid()
    problems = PlanFileError([])
    with pytest.raises(PlanFileError) as raised:
        aside(raising, problems)()
    assert raised.value.problems == problems.problems
    with pytest.raises(PlanlensError, match=r"^raised at here$") as unreadable:
        aside(raising, Unreadable("raised", "here"))()
    assert type(unreadable.value) is PlanlensError  # as `portable` sends what cannot unpickle
    with pytest.raises(PlanlensError, match="helper process ended unexpectedly"):
        aside(dying)()
    assert ended()


def wait_for(path: str) -> str:
    """Wait until `path` exists, then give its name."""
    while not os.path.exists(path):
        time.sleep(0.01)
    return path


@pytest.mark.skipif(planlens.site.pool.START_METHOD != "fork", reason="forks")
def test_aside_tells_whether_its_result_has_come(tmp_path: Path) -> None:
    # A build compiles its templates while the helper is not done, and not after.
    go = tmp_path / "go"
    helper = aside(wait_for, str(go))
    time.sleep(0.2)
    assert not helper.ready()  # the helper waits for `go`
    go.touch()
    deadline = time.monotonic() + 30
    while not helper.ready():
        assert time.monotonic() < deadline, "the result never came"
        time.sleep(0.01)
    assert helper() == str(go)
    assert helper.ready()  # handed over: calling again would not wait
    dead = aside(dying)
    deadline = time.monotonic() + 30
    while not dead.ready():  # a helper that died is ready too: calling says so at once
        assert time.monotonic() < deadline, "the helper's end never showed"
        time.sleep(0.01)
    with pytest.raises(PlanlensError, match="helper process ended unexpectedly"):
        dead()


@pytest.mark.skipif(planlens.site.pool.START_METHOD != "fork", reason="forks")
def test_an_aside_not_waited_for_ends_with_its_process(tmp_path: Path) -> None:
    # A helper whose build stopped (an error, Ctrl-C) before it asked for the result: gone with
    # the build's process, which does not wait for it.
    code = (
        "import time\nfrom planlens.site.pool import aside\naside(time.sleep, 60)\nprint('left')\n"
    )
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert done.stdout == "left\n" and done.returncode == 0
    assert time.monotonic() - start < 20


def _gone(pid: int) -> bool:
    """Whether process `pid` has ended (a zombie nobody reaped has ended too)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


@pytest.mark.skipif(planlens.site.pool.START_METHOD != "fork", reason="forks")
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_an_aside_whose_build_was_killed_ends_with_a_large_result() -> None:
    # The build killed (SIGKILL: no exit functions, daemons not stopped) before it read a result
    # larger than a pipe holds: the helper must not wait forever to hand it over.
    code = (
        "import os, multiprocessing\nfrom planlens.site.pool import aside\n"
        "aside(bytes, 1_000_000)\n"
        "print(multiprocessing.active_children()[0].pid, flush=True)\n"
        "import time; time.sleep(0.5)\nos.kill(os.getpid(), 9)\n"
    )
    build = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    with build:
        assert build.stdout is not None
        helper = int(build.stdout.readline())
        build.wait(timeout=30)  # not for the end of its output: the helper has that too
    deadline = time.monotonic() + 10
    while not _gone(helper) and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert _gone(helper), "the helper of a killed build is still waiting"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(helper, 9)
