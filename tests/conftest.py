"""Shared fixtures and options for the planlens tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Timing varies too much on shared 2-core machines for Hypothesis's per-example deadline to
# mean anything; speed is measured in bench/, not here.
settings.register_profile("planlens", deadline=None)
settings.load_profile("planlens")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PLANS = ROOT / "plans"
#: The shared research folder sits beside the project; tests that need it skip without it.
SHARED = ROOT.parent / "shared"


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


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared, skipping the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path
