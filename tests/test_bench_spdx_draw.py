"""The third and fourth SPDX draws (`bench/gold/spdx_draw.py --third`, `--fourth`) take every
eligible pair but the used.

Synthetic licence texts only: the SPDX list itself is not needed (nor read) here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

GOLD = Path(__file__).resolve().parents[1] / "bench" / "gold"


def _load(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, GOLD / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)  # dataclasses and imports look it up
    spec.loader.exec_module(module)
    return module


def _licence(words: str, clauses: int = 10) -> str:
    """A text of `clauses` numbered clauses, each of some 450 characters."""
    body = " ".join([f"The licensee may {words} the work under these terms."] * 9)
    return "\n\n".join(f"{n}. {body}" for n in range(1, clauses + 1))


@pytest.fixture
def spdx_draw(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    _load("freeze", monkeypatch)
    return _load("spdx_draw", monkeypatch)


def test_the_third_draw_takes_every_unused_pair_in_bounds(spdx_draw: ModuleType) -> None:
    texts = {
        # A family nobody used: both its consecutive pairs, not one per family.
        "FOO-1.0": _licence("copy"),
        "FOO-1.1": _licence("copy and share"),
        "FOO-2.0": _licence("copy, share and adapt"),
        "FOO-2.0-only": _licence("copy"),  # an alias, never a version
        # Too short, or too few clauses: out of bounds.
        "BAR-1.0": _licence("copy", clauses=3),
        "BAR-1.1": _licence("share", clauses=3),
        # Used: a pair of the first and of the second draw, a linked one, one the turns set read.
        "LPL-1.0": _licence("copy"),
        "LPL-1.02": _licence("share"),
        "OSL-1.0": _licence("copy"),
        "OSL-1.1": _licence("share"),
        "EUPL-1.1": _licence("copy"),
        "EUPL-1.2": _licence("share"),
        "GPL-1.0": _licence("copy"),
        "GPL-2.0": _licence("share"),
        # Left out whole: Creative Commons variants and the AGPL twins.
        "CC-BY-SA-3.0": _licence("copy"),
        "CC-BY-SA-4.0": _licence("share"),
        "AGPL-1.0": _licence("copy"),
        "AGPL-3.0": _licence("share"),
    }
    drawn = spdx_draw.draw(texts, third=True)
    assert sorted(drawn) == [("FOO-1.0", "FOO-1.1"), ("FOO-1.1", "FOO-2.0")]
    assert drawn == sorted(drawn, key=spdx_draw.sha)
    # The second draw, on the same texts, takes one pair of the family; the third takes both.
    assert len([p for p in spdx_draw.draw(texts, second=True) if p[0].startswith("FOO")]) == 1


def test_the_frozen_third_draw_is_disjoint_from_every_pair_used_before(
    spdx_draw: ModuleType,
) -> None:
    freeze = sys.modules["freeze"]
    third = set(freeze.SPDX_PAIRS_3)
    used = set(freeze.SPDX_PAIRS) | set(freeze.SPDX_PAIRS_2) | spdx_draw.LINKED | spdx_draw.FLAGGED
    assert len(third) == len(freeze.SPDX_PAIRS_3) == 11 and not third & used
    assert not any(spdx_draw.USED_2.match(old) for old, _ in third)
    assert all(licence in freeze.SPDX_DATES for pair in third for licence in pair)


def test_the_fourth_draw_takes_every_unused_short_pair(spdx_draw: ModuleType) -> None:
    texts = {
        # A family whose texts fail the bounds (3 clauses of some 450 characters, 1,300 or so
        # in all): both its consecutive pairs, but not the one whose texts differ in spaces only.
        "FOO-1.0": _licence("copy", clauses=3),
        "FOO-1.1": _licence("copy and share", clauses=3),
        "FOO-2.0": _licence("copy,  share and adapt", clauses=3),
        "FOO-2.1": _licence("copy, share  and adapt", clauses=3),
        "FOO-2.0-only": _licence("copy", clauses=3),  # an alias, never a version
        # Within the bounds: the third draw's, not this one's.
        "BAR-1.0": _licence("copy"),
        "BAR-1.1": _licence("share"),
        # Seven clauses (some 3,200 characters): fails the bounds, drawn.
        "BAZ-1.0": _licence("copy", clauses=7),
        "BAZ-1.1": _licence("share", clauses=7),
        # One text a paragraph (under 1,000 characters): out.
        "QUX-1.0": _licence("copy", clauses=2),
        "QUX-1.1": _licence("share", clauses=1),
        # Used by the third draw, and a Creative Commons and an AGPL pair: out.
        "OLDAP-1.1": _licence("copy", clauses=3),
        "OLDAP-1.2": _licence("share", clauses=3),
        "CC-BY-SA-1.0": _licence("copy", clauses=3),
        "CC-BY-SA-2.0": _licence("share", clauses=3),
        "AGPL-1.0": _licence("copy", clauses=3),
        "AGPL-3.0": _licence("share", clauses=3),
    }
    drawn = spdx_draw.draw(texts, fourth=True)
    assert sorted(drawn) == [
        ("BAZ-1.0", "BAZ-1.1"),
        ("FOO-1.0", "FOO-1.1"),
        ("FOO-1.1", "FOO-2.0"),
    ]
    assert drawn == sorted(drawn, key=spdx_draw.sha)
    assert ("BAR-1.0", "BAR-1.1") in spdx_draw.draw(texts, third=True)
