"""Atomic output writing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planlens.errors import OutputExistsError, PlanlensError
from planlens.write import write_text


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

    with pytest.raises(UnicodeEncodeError):
        write_text(target, "bad \udc80 surrogate\n", force=True)
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_refuses_input(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("x")
    with pytest.raises(PlanlensError, match="refusing to overwrite an input file"):
        write_text(source, "y", force=True, inputs=[source])
    assert source.read_text() == "x"
