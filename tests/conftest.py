"""Shared fixtures and options for the planlens tests."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
from hypothesis import HealthCheck, settings

# Timing varies too much on shared 2-core machines for Hypothesis's per-example deadline to
# mean anything; speed is measured in bench/, not here. Under CI (the CI variable set, as
# .ci/run does) every property draws the same examples on every run, so that a clean checkout
# passes or fails the same way each time; a developer's `make test` draws new ones each run, and
# `make fuzz` many more, to find what the fixed ones miss.
settings.register_profile("planlens", deadline=None, derandomize=bool(os.environ.get("CI")))
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


#: The cache of parsed plans (`planlens.cache`), for every test and every planlens a test
#: starts: in a folder of the test run's own, never under the real home, and switched off, so
#: that each test parses what it reads (and the composer fixtures compose). The tests of the
#: cache switch it on, each in a folder of its own (tests/test_cache.py).
CACHE_FOLDER = tempfile.mkdtemp(prefix="planlens-tests-cache-")
os.environ["PLANLENS_CACHE_DIR"] = CACHE_FOLDER
os.environ["PLANLENS_NO_CACHE"] = "1"


#: Ctrl-C reaches every process the tests start, as at a terminal. A test run started in the
#: background by a non-interactive shell (`make test &`) begins with SIGINT ignored, and an ignored
#: signal stays ignored through fork and exec: a test that interrupts a child would then hang.
#: A handled signal is reset to its default in an exec'd child, which Python then handles.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_sessionfinish() -> None:
    shutil.rmtree(CACHE_FOLDER, ignore_errors=True)


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


@pytest.fixture(scope="module", params=["libyaml", "python"])
def yaml_composer(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run a module's tests once with each YAML composer: libyaml, as installed, and the
    pure-Python fallback alone (as where PyYAML was built without libyaml).

    Use it with `pytestmark = pytest.mark.usefixtures("yaml_composer")`. Module-scoped, so that
    Hypothesis properties may run under it too.
    """
    from planlens.plan import yaml_nodes

    if request.param == "libyaml":
        need_libyaml()
    with pytest.MonkeyPatch.context() as patch:
        if request.param == "python":
            patch.setattr(yaml_nodes, "libyaml_loader", lambda: None)
        yield request.param


def need_libyaml() -> None:
    """Skip the test where PyYAML has no libyaml, or one older than 0.2.6, which planlens does
    not use (it does not bound nesting); fail it where a libyaml it should use goes unused."""
    import yaml

    from planlens.plan.yaml_nodes import libyaml_loader

    version = yaml._yaml.get_version() if getattr(yaml, "__with_libyaml__", False) else None
    if version is None or version < (0, 2, 6):
        pytest.skip(f"PyYAML {yaml.__version__} has no libyaml 0.2.6 or later ({version})")
    assert libyaml_loader() is not None, f"libyaml {version} is there but not used"
