"""Atomic output writing."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest

from planlens.errors import OutputExistsError, PlanlensError
from planlens.write import TEMP_SUFFIX, reason, stage_text, write_text


def test_writes_and_refuses_to_clobber(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    write_text(target, "one\n")
    assert target.read_text() == "one\n"
    with pytest.raises(OutputExistsError, match="file exists; use --force"):
        write_text(target, "two\n")
    assert target.read_text() == "one\n"
    write_text(target, "two\n", force=True)
    assert target.read_text() == "two\n"
    assert os.listdir(target.parent) == ["out.txt"]  # no temporary file left behind
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_failure_leaves_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")

    with pytest.raises(PlanlensError, match=r"out\.txt: cannot write: the text is not valid"):
        write_text(target, "bad \udc80 surrogate\n", force=True)
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_refuses_input(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("x")
    with pytest.raises(PlanlensError, match="refusing to overwrite an input file"):
        write_text(source, "y", force=True, inputs=[source])
    assert source.read_text() == "x"


@pytest.mark.parametrize(
    ("make", "kind"),
    [(os.mkfifo, "a FIFO"), (os.mkdir, "a folder")],
)
def test_special_files_are_never_replaced(tmp_path: Path, make: Any, kind: str) -> None:
    target = tmp_path / "special"
    make(target)
    with pytest.raises(PlanlensError, match=f"special: is {kind}, not a regular file"):
        write_text(target, "x", force=True)
    assert not target.is_file()
    assert os.listdir(tmp_path) == ["special"]


def test_devices_are_never_replaced() -> None:
    with pytest.raises(PlanlensError, match="/dev/null: is a device, not a regular file"):
        write_text("/dev/null", "x", force=True)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_links_are_written_through_or_refused(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with pytest.raises(OutputExistsError):
        write_text(link, "new\n")
    with pytest.raises(PlanlensError, match=r"link\.txt: is a symbolic link; refusing to write"):
        write_text(link, "new\n", force=True, follow_symlinks=False)
    assert real.read_text() == "old\n"
    write_text(link, "new\n", force=True)
    assert link.is_symlink() and real.read_text() == "new\n"
    # A link to nothing yet is there: --force, then the file it names is made.
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "made.txt")
    with pytest.raises(OutputExistsError):
        write_text(dangling, "x\n")
    write_text(dangling, "x\n", force=True)
    assert (tmp_path / "made.txt").read_text() == "x\n" and dangling.is_symlink()
    assert sorted(os.listdir(tmp_path)) == ["dangling.txt", "link.txt", "made.txt", "real.txt"]


def test_a_staged_file_is_invisible_until_committed(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_text("old\n")
    staged = stage_text(target, "new\n", force=True)
    assert target.read_text() == "old\n"
    assert staged.temporary.name.endswith(TEMP_SUFFIX)
    staged.discard()
    assert os.listdir(tmp_path) == ["page.html"]
    stage_text(target, "new\n", force=True).commit()
    assert target.read_text() == "new\n" and os.listdir(tmp_path) == ["page.html"]


@pytest.mark.parametrize("where", ["write", "rename", "temporary"])
def test_every_os_error_names_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    if where == "write":
        fdopen = os.fdopen

        def opened(fd: int, *args: Any, **kwargs: Any) -> Any:
            handle = fdopen(fd, *args, **kwargs)
            handle.write = full
            return handle

        monkeypatch.setattr(os, "fdopen", opened)
    elif where == "rename":
        monkeypatch.setattr(os, "replace", full)
    else:
        monkeypatch.setattr(tempfile, "mkstemp", full)
    with pytest.raises(PlanlensError, match=r"out\.txt: cannot write: No space left on device$"):
        write_text(target, "new\n", force=True)
    monkeypatch.undo()
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_reason_without_strerror() -> None:
    assert reason(OSError(errno.ENOSPC, None)) == "No space left on device"
    assert reason(OSError("odd")) == "odd"


def test_a_name_too_long_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    target = tmp_path / ("x" * 300 + ".html")
    with pytest.raises(PlanlensError, match=r"cannot write: File name too long$"):
        stage_text(target, "text")
    assert os.listdir(tmp_path) == []
