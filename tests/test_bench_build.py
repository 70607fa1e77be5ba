"""Tests of the site-build benchmark's wait for an idle machine (`bench/build_speed.py`)."""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import build_speed  # noqa: E402


def test_doctests() -> None:
    assert doctest.testmod(build_speed).failed == 0


def test_an_idle_load_average_is_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_speed.os, "getloadavg", lambda: (0.1, 2.0, 3.0))
    monkeypatch.setattr(build_speed, "busy_cores", lambda: pytest.fail("probed"))
    assert build_speed.wait_idle(60) == (True, pytest.approx(0, abs=0.5), 0.1)


def test_a_busy_load_average_asks_the_probe(monkeypatch: pytest.MonkeyPatch) -> None:
    # The load average still counts the benchmark's own builds: the probe decides.
    monkeypatch.setattr(build_speed.os, "getloadavg", lambda: (1.9, 2.0, 3.0))
    probes = iter([1.2, 0.1])
    monkeypatch.setattr(build_speed, "busy_cores", lambda: next(probes))
    idle, _, seen = build_speed.wait_idle(60)
    assert (idle, seen) == (True, 0.1)


def test_a_busy_machine_is_waited_for_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_speed.os, "getloadavg", lambda: (1.9, 2.0, 3.0))
    clock = iter(range(0, 1000, 10))
    monkeypatch.setattr(build_speed.time, "perf_counter", lambda: float(next(clock)))
    monkeypatch.setattr(build_speed, "busy_cores", lambda: 1.5)
    idle, waited, seen = build_speed.wait_idle(60)
    assert (idle, seen) == (False, 1.5)
    assert 60 <= waited <= 80


def test_the_probe_counts_cores() -> None:
    if not Path("/proc/stat").exists():
        pytest.skip("no /proc/stat")
    busy = build_speed.busy_cores(0.2)
    assert busy is not None
    assert 0 <= busy <= (build_speed.os.cpu_count() or 1) + 0.01
