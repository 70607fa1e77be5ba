"""Shared fixtures and options for the planlens tests."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest
from hypothesis import HealthCheck, settings

# Timing varies too much on shared 2-core machines for Hypothesis's per-example deadline to
# mean anything; speed is measured in bench/, not here.
settings.register_profile("planlens", deadline=None)
settings.load_profile("planlens")

#: `make fuzz` sets PLANLENS_FUZZ to a number of examples: the fuzz properties then run that
#: many with random seeds, instead of their bounded, derandomized examples.
FUZZ = int(os.environ.get("PLANLENS_FUZZ", "0") or 0)


def fuzz_settings(examples: int) -> settings:
    """Settings of a fuzz property: `examples` derandomized in a normal run, so CI runs the same
    inputs every time; under `make fuzz`, PLANLENS_FUZZ random ones."""
    return settings(
        max_examples=FUZZ or examples,
        derandomize=not FUZZ,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )


ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PLANS = ROOT / "plans"
#: The shared research folder sits beside the project; tests that need it skip without it,
#: except under CI, where they fail.
SHARED = ROOT.parent / "shared"
#: Under CI (the CI variable set, as .ci/run does), a test that lacks what it needs fails instead
#: of skipping, so that a CI run cannot pass by skipping what it was meant to run.
IN_CI = bool(os.environ.get("CI"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-gold",
        action="store_true",
        default=False,
        help="Rewrite the gold files under tests/gold/ from the current output.",
    )


@pytest.fixture
def update_gold(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-gold"))


def unavailable(reason: str) -> NoReturn:
    """Skip the test for lack of something it needs; under CI, fail it instead."""
    if IN_CI:
        pytest.fail(f"{reason}; CI must run this test", pytrace=False)
    pytest.skip(reason)


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared; without it, skip the test (fail it under CI)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        unavailable(f"{path} is not available")
    return path
