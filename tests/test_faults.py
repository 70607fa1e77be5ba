"""Faults: builds killed at any moment, two builds at once, full disks, closed pipes.

Each test starts from a built site of one version of the plans (A), builds the next version (B)
into it under a fault, and checks that nothing is lost: every page is A's or B's, whole; no
temporary file is left where a process could clean up; no traceback is printed; and a plain
build (without --force) then gives exactly the site a clean build of B gives.

Kills are real (SIGKILL to a subprocess), at random moments and at chosen points of the build;
a full disk is an injected `OSError(ENOSPC)`, since making a small file system needs root.
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import PLANS
from test_site import files

from planlens.cli import cli
from planlens.plan.load import load_plans
from planlens.site import LOCK, MANIFEST, BuildLockedError, build_site
from planlens.site.lock import build_lock

#: A temporary file of planlens.write, or the lock: what a killed build may leave behind.
LEFTOVER = (".planlens-tmp", LOCK)


def planlens(*args: str) -> list[str]:
    return [sys.executable, "-m", "planlens", *args]


class Corpus:
    """Two versions of the shipped plans, and the sites a clean build of each gives."""

    def __init__(self, root: Path) -> None:
        self.a = root / "plans-a"
        self.b = root / "plans-b"
        shutil.copytree(PLANS, self.a)
        shutil.copytree(PLANS, self.b)
        # B changes one plan: its page, the index, its comparisons and lineages change.
        path = next(p for p in sorted(self.b.iterdir()) if "us-28" in p.name)
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("600,000", "650,000", 1), encoding="utf-8")
        assert path.read_text(encoding="utf-8") != text
        self.site_a = root / "site-a"
        self.site_b = root / "site-b"
        build_site(load_plans([self.a], closed=True), self.site_a)
        build_site(load_plans([self.b], closed=True), self.site_b)
        self.pages_a, self.pages_b = files(self.site_a), files(self.site_b)
        assert self.pages_a != self.pages_b

    def previous_site(self, into: Path, start: str = "previous") -> Path:
        """Return the folder a faulty build of B starts from: a copy of site A, or nothing."""
        if start == "previous":
            shutil.copytree(self.site_a, into)
        return into

    def assert_intact(self, out: Path, start: str = "previous") -> None:
        """Assert that every file of `out` is a whole page of A or of B, or a leftover."""
        __tracebackhide__ = True
        before = self.pages_a if start == "previous" else {}
        for name, data in files(out).items():
            if name.endswith(LEFTOVER):
                continue
            if name == MANIFEST:  # A's, B's, or the journal between them: whole, in any case
                assert set(json.loads(data)["pages"]) >= set(before) - {MANIFEST}
                continue
            assert data in (before.get(name), self.pages_b.get(name)), name
        for name in before.keys() & self.pages_b.keys():
            assert (out / name).exists(), f"{name} is missing"

    def assert_completed(self, out: Path) -> None:
        """Assert that a plain build of B into `out` succeeds and equals a clean build."""
        __tracebackhide__ = True
        result = CliRunner().invoke(cli, ["build", str(self.b), "-o", str(out), "--wait", "0"])
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.stderr
        assert files(out) == self.pages_b


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return Corpus(tmp_path_factory.mktemp("corpus"))


# -- killed builds ---------------------------------------------------------------------------


def test_a_build_killed_at_random_moments_is_completed(corpus: Corpus, tmp_path: Path) -> None:
    # How long a whole build takes here, then kills spread over that time, from a fixed seed.
    started = time.monotonic()
    subprocess.run(planlens("build", str(corpus.b), "-o", str(tmp_path / "timed")), check=True)
    took = time.monotonic() - started
    rng = random.Random(15)
    for run, delay in enumerate(sorted(rng.uniform(0.2, took) for _ in range(4))):
        start = ("empty", "previous")[run % 2]
        out = corpus.previous_site(tmp_path / f"out-{run}", start)
        process = subprocess.Popen(
            planlens("build", str(corpus.b), "-o", str(out)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        corpus.assert_intact(out, start)
        corpus.assert_completed(out)


#: A build in a subprocess that kills itself (SIGKILL: no clean-up runs) at a chosen point.
KILLER = """
import os, signal, sys
from pathlib import Path
import planlens.write
from planlens.plan.load import load_plans
from planlens.site import build_site

where, count = sys.argv[3], int(sys.argv[4])
calls = [0]

def dying(original):
    def wrapper(*args, **kwargs):
        calls[0] += 1
        if calls[0] == count:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)
    return wrapper

if where == "rename":  # the count-th rename: 1 is the journal, then each page, then the manifest
    os.replace = dying(os.replace)
else:  # the count-th page written to its temporary file
    planlens.write.os.fdopen = dying(os.fdopen)
build_site(load_plans([sys.argv[1]], closed=True), Path(sys.argv[2]))
"""


STEPS = (
    "staging the first page",
    "staging the last page",
    "writing the journal",
    "renaming the first page",
    "renaming the last page",
    "writing the manifest",
)


@pytest.mark.parametrize(
    ("start", "step"),
    [("empty", step) for step in STEPS] + [("previous", step) for step in STEPS[2:]],
)
def test_a_build_killed_at_each_step_is_completed(
    corpus: Corpus, tmp_path: Path, start: str, step: str
) -> None:
    # From an empty folder (the first build) or the previous site (pages change, some stay).
    before = corpus.pages_a if start == "previous" else {}
    pages = len([n for n in corpus.pages_b if n != MANIFEST and before.get(n) != corpus.pages_b[n]])
    where, count = {
        "staging the first page": ("write", 1),
        "staging the last page": ("write", pages),
        "writing the journal": ("rename", 1),
        "renaming the first page": ("rename", 2),
        "renaming the last page": ("rename", pages + 1),
        "writing the manifest": ("rename", pages + 2),
    }[step]
    out = corpus.previous_site(tmp_path / "out", start)
    script = tmp_path / "killer.py"
    script.write_text(textwrap.dedent(KILLER), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(corpus.b), str(out), where, str(count)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    corpus.assert_intact(out, start)
    if where == "write" or count == 1:
        # Killed before anything was renamed: the previous site exactly, but for leftovers.
        kept = {n: d for n, d in files(out).items() if not n.endswith(LEFTOVER)}
        assert kept == before
    corpus.assert_completed(out)


# -- two builds at once -----------------------------------------------------------------------


@pytest.mark.parametrize("start", ["empty", "previous"])
def test_builds_at_once_wait_for_each_other(corpus: Corpus, tmp_path: Path, start: str) -> None:
    out = corpus.previous_site(tmp_path / "out") if start == "previous" else tmp_path / "out"
    processes = [
        subprocess.Popen(
            planlens("build", str(corpus.b), "-o", str(out)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in processes]
    for code, _stdout, stderr in results:
        assert code == 0, stderr
        assert "Traceback" not in stderr
    written = [int(stdout.split(": ")[1].split()[0]) for _, stdout, _ in results]
    assert sorted(written)[:-1] == [0, 0, 0]  # one build did the work; the others found it done
    assert files(out) == corpus.pages_b


def test_a_build_that_does_not_wait_says_who_holds_the_lock(corpus: Corpus, tmp_path: Path) -> None:
    out = corpus.previous_site(tmp_path / "out")
    with build_lock(out):
        done = subprocess.run(
            planlens("build", str(corpus.b), "-o", str(out), "--wait", "0"),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert (done.returncode, done.stdout) == (1, "")
    assert (
        done.stderr == f"planlens: error: another build is running in {out} (pid {os.getpid()})\n"
    )
    assert files(out) == corpus.pages_a  # untouched
    corpus.assert_completed(out)


def test_a_waiting_build_runs_when_the_lock_is_released(corpus: Corpus, tmp_path: Path) -> None:
    out = corpus.previous_site(tmp_path / "out")
    with (
        subprocess.Popen(
            planlens("build", str(corpus.b), "-o", str(out), "--wait", "60"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as process,
    ):
        with build_lock(out):
            # Read until the build says it waits (not a fixed sleep: on a loaded machine the
            # build may take seconds to start, and then it never saw the lock held).
            assert process.stderr is not None
            said = ""
            while "waiting for it" not in said:
                line = process.stderr.readline()
                assert line, f"the build ended without waiting: {said!r}"
                said += line
            time.sleep(0.5)
            assert process.poll() is None  # still waiting
            assert {n: d for n, d in files(out).items() if n != LOCK} == corpus.pages_a
        _, rest = process.communicate(timeout=120)
    stderr = said + rest
    assert process.returncode == 0, stderr
    assert f"another build is running in {out} (pid {os.getpid()}); waiting for it" in stderr
    assert files(out) == corpus.pages_b


def dead_pid() -> int:
    """Return the pid of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_stale_lock_is_taken_over(corpus: Corpus, tmp_path: Path) -> None:
    out = corpus.previous_site(tmp_path / "out")
    (out / LOCK).write_text(f"{dead_pid()}\n")
    corpus.assert_completed(out)
    assert not (out / LOCK).exists()


@pytest.fixture
def no_flock(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system without flock: the lock falls back to O_EXCL and the pid in the file."""

    def unsupported(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr("planlens.site.lock.fcntl.flock", unsupported)


@pytest.mark.usefixtures("no_flock")
def test_without_flock_a_live_lock_holds_and_a_stale_one_is_removed(tmp_path: Path) -> None:
    (tmp_path / LOCK).write_text(f"{os.getpid()}\n")  # a build that is running: this one
    held = rf"running in {tmp_path} \(pid {os.getpid()}\)"
    with pytest.raises(BuildLockedError, match=held), build_lock(tmp_path):
        pass
    (tmp_path / LOCK).write_text(f"{dead_pid()}\n")
    with build_lock(tmp_path):
        assert (tmp_path / LOCK).read_text() == f"{os.getpid()}\n"
        with pytest.raises(BuildLockedError), build_lock(tmp_path):
            pass
    assert not (tmp_path / LOCK).exists()


# -- full disks and other write errors -----------------------------------------------------------


class FullDisk:
    """Files opened with os.fdopen take `room` more bytes, then fail with ENOSPC."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, room: int) -> None:
        self.room = room
        self.fdopen = os.fdopen
        monkeypatch.setattr(os, "fdopen", self.open)

    def open(self, fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = self.fdopen(fd, *args, **kwargs)
        write = handle.write

        def limited(text: str) -> int:
            if len(text) > self.room:
                write(text[: self.room])
                handle.flush()
                self.room = 0
                raise OSError(errno.ENOSPC, "No space left on device")
            self.room -= len(text)
            return int(write(text))

        handle.write = limited
        return handle


def build_b(corpus: Corpus, out: Path, *extra: str) -> Any:
    result = CliRunner().invoke(cli, ["build", str(corpus.b), "-o", str(out), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    return result


def assert_no_temporaries(folder: Path) -> None:
    __tracebackhide__ = True
    assert not [p for p in folder.rglob("*") if p.name.endswith(".planlens-tmp")]


@pytest.mark.parametrize("share", [0, 0.1, 0.5, 0.95])
def test_a_full_disk_leaves_the_previous_site(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, share: float
) -> None:
    # The disk fills after `share` of what the build writes.
    out = corpus.previous_site(tmp_path / "out")
    changed = [d for n, d in corpus.pages_b.items() if corpus.pages_a.get(n) != d]
    room = int(share * sum(len(d.decode("utf-8")) for d in changed))
    with monkeypatch.context() as patch:
        FullDisk(patch, room)
        result = build_b(corpus, out)
    assert (result.exit_code, result.stdout) == (1, "")
    (line,) = result.stderr.splitlines()  # no progress: stderr is not a terminal
    assert line.startswith(f"planlens: error: {out}/")
    assert line.endswith(": cannot write: No space left on device")
    assert_no_temporaries(out)
    # Every page is staged before any is renamed: the previous site, exactly.
    assert files(out) == corpus.pages_a
    corpus.assert_completed(out)


@pytest.mark.parametrize("failing", [1, 2, 6])
def test_a_failed_rename_leaves_whole_pages(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    # The `failing`-th rename fails (1: the journal; then the pages), as on a full disk.
    out = corpus.previous_site(tmp_path / "out")
    replace, calls = os.replace, [0]

    def flaky(source: Any, target: Any) -> None:
        calls[0] += 1
        if calls[0] == failing:
            raise OSError(errno.ENOSPC, "No space left on device")
        replace(source, target)

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", flaky)
        result = build_b(corpus, out)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].endswith(": cannot write: No space left on device")
    assert_no_temporaries(out)
    corpus.assert_intact(out)
    if failing == 1:
        assert files(out) == corpus.pages_a
    corpus.assert_completed(out)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
        (OSError(errno.EROFS, "Read-only file system"), "Read-only file system"),
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
    ],
)
def test_a_folder_that_cannot_be_written_is_one_clean_error(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, words: str
) -> None:
    out = corpus.previous_site(tmp_path / "out")

    def refused(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise error

    with monkeypatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", refused)
        result = build_b(corpus, out)
        assert result.exit_code == 1
        assert result.stderr.splitlines()[-1].endswith(f": cannot write: {words}")
        assert files(out) == corpus.pages_a
        old = tmp_path / "old.html"
        old.write_text("old\n")
        code = CliRunner().invoke(cli, ["report", "us-28", "e3-28", "-o", str(old), "--force"])
        assert (code.exit_code, code.stderr) == (
            1,
            f"planlens: error: {old}: cannot write: {words}\n",
        )
        assert old.read_text() == "old\n"
    corpus.assert_completed(out)


def test_a_full_disk_under_a_single_report_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "report.html"
    old.write_text("old\n")
    with monkeypatch.context() as patch:
        FullDisk(patch, 5000)
        result = CliRunner().invoke(cli, ["report", "us-28", "e3-28", "-o", str(old), "--force"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"planlens: error: {old}: cannot write: No space left on device\n"
    assert old.read_text() == "old\n"
    assert sorted(os.listdir(tmp_path)) == ["report.html"]


# -- standard output ----------------------------------------------------------------------------


def test_stdout_on_a_full_device_is_one_clean_error() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    for args in (("diff", "us-28", "e3-28"), ("show", "us-28", "--format", "json")):
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                planlens(*args), stdout=full, stderr=subprocess.PIPE, text=True, check=False
            )
        assert (done.returncode, done.stderr) == (
            1,
            "planlens: error: standard output: cannot write: No space left on device\n",
        ), args


def test_a_closed_pipe_ends_quietly() -> None:
    # The reader has gone before planlens writes: like `planlens ... | head -1` on long output.
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            planlens("lineage", "us-28", "geneva-19", "framework-20", "--format", "json"),
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (141, "")


@pytest.fixture(autouse=True)
def _in_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Plan ids are looked up in the shipped plans folder, as from the project's root."""
    monkeypatch.chdir(PLANS.parent)
    yield
