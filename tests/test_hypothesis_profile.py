"""The properties draw the same examples on every CI run and new ones on every local run."""

from __future__ import annotations

import os

from hypothesis import settings


def test_ci_runs_draw_fixed_examples_and_local_runs_new_ones() -> None:
    assert settings.default.derandomize is bool(os.environ.get("CI"))
    assert settings.default.deadline is None
