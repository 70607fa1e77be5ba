"""The flag rules' patterns compiled ahead of time (`planlens.compare.patterns`): used when this
Python wrote them, ignored otherwise, equal to what `re.compile` makes, and kept up to date."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import planlens.compare.lexicon as lx
from planlens.compare import guards, modality
from planlens.compare import patterns as rx

ROOT = Path(__file__).resolve().parent.parent
#: The modules whose patterns the store holds (the flag rules and their phrases).
FLAG_MODULES = (
    "statements",
    "conditions",
    "substance",
    "extent",
    "phrases",
    "polarity",
    "modality",
)


def _committed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(rx.STORE.read_text(encoding="utf-8"))
    if data["engine"] != rx.engine():
        pytest.skip(f"written by another Python than {sys.version.split()[0]}'s")
    return data


def _stored() -> list[tuple[str, int]]:
    keys = sorted(_committed()["patterns"]) if rx.STORE.exists() else []
    return [(key.split(":", 1)[1], int(key.split(":", 1)[0])) for key in keys]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A store of our own in place of the committed one."""
    path = tmp_path / "compiled-patterns.json"
    monkeypatch.setattr(rx, "STORE", path)
    yield path
    rx._programs.cache_clear()


def _no_compiling(monkeypatch: pytest.MonkeyPatch, patterns: Iterable[str]) -> None:
    """Make Python's regex compiler fail on `patterns`, so that only stored programs build
    them (others, which pytest compiles too, compile as usual)."""
    refused = set(patterns)
    original = re._compiler.compile  # type: ignore[attr-defined]

    def refuse(pattern: str, flags: int = 0) -> re.Pattern[str]:
        if pattern in refused:
            raise AssertionError("Python's regex compiler ran")
        compiled: re.Pattern[str] = original(pattern, flags)
        return compiled

    re.purge()
    monkeypatch.setattr(re._compiler, "compile", refuse)  # type: ignore[attr-defined]


def test_the_committed_file_is_up_to_date() -> None:
    _committed()
    done = subprocess.run(
        [sys.executable, "scripts/compile-patterns.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout
    assert done.stdout.endswith("up to date\n")


def test_every_stored_program_is_what_python_compiles() -> None:
    # A pattern equals another when their text, flags and programs are equal.
    for pattern, flags in _stored():
        ours, theirs = rx.compile(pattern, flags), re.compile(pattern, flags)
        assert ours == theirs, pattern
        assert (ours.groups, ours.groupindex) == (theirs.groups, theirs.groupindex)


def test_stored_patterns_build_without_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    stored = _stored()
    _no_compiling(monkeypatch, [pattern for pattern, _ in stored])
    for pattern, flags in stored:
        assert rx.compile(pattern, flags).pattern == pattern


def test_importing_the_flag_rules_compiles_none_of_their_patterns() -> None:
    """A fresh process imports the comparison with Python's regex compiler counting."""
    _committed()
    script = f"""
import re._compiler as compiler, sys
original, callers = compiler.compile, []
def counting(pattern, flags=0):
    frame = sys._getframe(1)
    while frame.f_code.co_filename.endswith("__init__.py"):
        frame = frame.f_back
    callers.append(frame.f_code.co_filename)
    return original(pattern, flags)
compiler.compile = counting
import planlens.compare
print(sum(any(c.endswith(f"compare/{{m}}.py") for m in {FLAG_MODULES!r}) for c in callers))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout == "0\n"


def test_a_pattern_not_in_the_store_is_compiled_as_usual(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.write_text(rx.store_text([("kept", 0)]), encoding="utf-8")
    assert rx.compile("new", re.I).search("a NEW one") is not None
    _no_compiling(monkeypatch, ["kept", "not kept"])
    assert rx.compile("kept").search("is kept") is not None
    with pytest.raises(AssertionError, match="compiler ran"):
        rx.compile("not kept")


def test_a_store_from_another_python_is_ignored(store: Path) -> None:
    # The program of "b" filed under "a": used, it would find "b".
    data = json.loads(rx.store_text([("b", 0)]))
    data["patterns"] = {"0:a": data["patterns"]["0:b"]}
    data["engine"] = "another Python"
    store.write_text(json.dumps(data), encoding="utf-8")
    assert rx.compile("a").findall("a b") == ["a"]
    data["engine"] = rx.engine()
    store.write_text(json.dumps(data), encoding="utf-8")
    rx._programs.cache_clear()
    assert rx.compile("a").findall("a b") == ["b"]  # this Python's: trusted, as a .pyc is


@pytest.mark.parametrize(
    "program",
    [
        ["not a program"],
        [32, "AAAA", 0, {}, [None]],  # a program the engine's check refuses
        [32, "!!", 0, {}, [None]],
    ],
)
def test_a_broken_program_is_compiled_as_usual(store: Path, program: list[object]) -> None:
    data = {"engine": rx.engine(), "patterns": {"0:ab+": program}}
    store.write_text(json.dumps(data), encoding="utf-8")
    assert rx.compile("ab+").findall("abbb a") == ["abbb"]


@pytest.mark.parametrize("text", ["", "{", "[]", '{"engine": 1}'])
def test_an_unreadable_store_is_ignored(store: Path, text: str) -> None:
    store.write_text(text, encoding="utf-8")
    assert rx.compile(r"\d+").findall("a 12 b 3") == ["12", "3"]


def test_a_wrong_pattern_is_still_an_error(store: Path) -> None:
    with pytest.raises(re.error):
        rx.compile("(unclosed")


def test_groups_and_their_names_survive_the_store(store: Path) -> None:
    pattern = r"(?P<cur>US\$|€)?\s?(?P<num>\d+)(x)?"
    store.write_text(rx.store_text([(pattern, re.I)]), encoding="utf-8")
    ours, theirs = rx.compile(pattern, re.I), re.compile(pattern, re.I)
    assert ours == theirs
    assert ours.groupindex == theirs.groupindex == {"cur": 1, "num": 2}
    assert ours.match("€12x").groups() == ("€", "12", "x")  # type: ignore[union-attr]


_WORDS = sorted(
    {w for text in (lx.NEGATORS, lx.DETERMINERS, lx.DEADLINES) for w in re.findall(r"\w+", text)}
)
_TEXT = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.text(max_size=3), st.sampled_from(list(" ,.;§1(")))
).map(" ".join)


@settings(max_examples=60)
@given(text=_TEXT, k=st.integers(min_value=0))
def test_stored_and_compiled_patterns_find_the_same(text: str, k: int) -> None:
    stored = _stored()
    pattern, flags = stored[k % len(stored)]
    ours, theirs = rx.compile(pattern, flags), re.compile(pattern, flags)
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
    assert [m.groups() for m in ours.finditer(text)] == [m.groups() for m in theirs.finditer(text)]


# -- what the guards read off their patterns, stored beside the programs ----------------------


def _guarded_patterns() -> list[re.Pattern[str]]:
    """The patterns whose guard reading the committed file holds."""
    keys = sorted(_committed().get("guards", {}))
    return [re.compile(key.split(":", 1)[1], int(key.split(":", 1)[0])) for key in keys]


def test_every_guard_reading_is_stored_as_the_parser_reads_it() -> None:
    made = _guarded_patterns()
    assert len(made) > 30
    for pattern in made:
        assert rx.reading(pattern.pattern, pattern.flags) == guards.read_off(pattern), pattern
        quick = guards.read_off(pattern)[1]
        if quick is not None:  # its program is stored too: `quick` compiles nothing
            assert guards.quick(pattern).pattern == quick
            assert f"{pattern.flags}:{quick}" in rx._programs(rx.STORE, rx.engine())["patterns"]


def test_every_guard_made_on_import_has_its_reading_stored() -> None:
    """A fresh process: the tests make guards of their own (parties of a test's plans)."""
    _committed()
    script = """
import planlens.compare
from planlens.compare import guards, patterns
print(len(guards.made), [k for k in guards.made if patterns.reading(*k) is None])
"""
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    count, missing = done.stdout.split(" ", 1)
    assert int(count) > 30
    assert missing == "[]\n"


def test_a_stored_guard_tests_its_first_text_without_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No warm-up and no parser: the reading comes from the file. (Before, a guard scanned its
    first 20,000 characters untested, then parsed its pattern.)"""
    pattern = modality.FORCES[0][1].pattern
    assert rx.reading(pattern.pattern, pattern.flags) is not None
    monkeypatch.setattr(guards._parser, "parse", lambda *_: pytest.fail("parsed"))
    guards.needs.cache_clear()
    guards.quick.cache_clear()
    guards._parsed.cache_clear()
    g = guards.Guarded(pattern)
    assert not g.possible("Der Käufer zahlt den vereinbarten Betrag.")
    assert g.possible("The parties shall meet.")
    assert [m.group() for m in g.finditer("They shall, and must.")] == ["shall", "must"]


def test_a_pattern_without_a_stored_reading_warms_up_then_parses(store: Path) -> None:
    store.write_text(rx.store_text([("kept", 0)], {("kept", 0): (None, None)}), encoding="utf-8")
    pattern = re.compile(r"(?<!\w)Preis(?!\w)")
    assert rx.reading(pattern.pattern, pattern.flags) is None
    g = guards.Guarded(pattern, 10)
    assert [g.possible("nichts") for _ in range(3)] == [True, True, False]
    assert rx.reading("kept", 0) == (None, None)


@pytest.mark.parametrize("entry", [["x"], "x", [[["word"]], None], 3, None])
def test_a_broken_reading_is_read_off_the_pattern(store: Path, entry: object) -> None:
    pattern = r"(?<!\w)Preis(?!\w)"
    data = {"engine": rx.engine(), "patterns": {}, "guards": {f"0:{pattern}": entry}}
    store.write_text(json.dumps(data), encoding="utf-8")
    assert rx.reading(pattern, 0) is None
    assert not guards.Guarded(re.compile(pattern), 0).possible("der Preiß")


def test_a_reading_from_another_python_is_ignored(store: Path) -> None:
    pattern = r"(?<!\w)Preis(?!\w)"
    data = json.loads(rx.store_text([], {(pattern, 0): ([("word", "lohn")], None)}))
    data["engine"] = "another Python"
    store.write_text(json.dumps(data), encoding="utf-8")
    assert rx.reading(pattern, 0) is None
    data["engine"] = rx.engine()
    store.write_text(json.dumps(data), encoding="utf-8")
    rx._programs.cache_clear()
    assert rx.reading(pattern, 0) == ([("word", "lohn")], None)


@settings(max_examples=80, deadline=None)
@given(text=_TEXT, k=st.integers(min_value=0))
def test_stored_and_parsed_readings_guard_alike(text: str, k: int) -> None:
    """A guard reading from the file and one parsing its pattern skip the same texts, and
    neither skips a text the pattern matches."""
    made = _guarded_patterns()
    pattern = made[k % len(made)]
    from_file = guards.Guarded(pattern, 0)
    parsed = guards.Guarded(pattern, 0)
    wanted, quick = guards.read_off(pattern)
    parsed._test = guards.checks_of(None if wanted is None else frozenset(wanted))
    parsed.scan = re.compile(quick, pattern.flags) if quick else pattern
    assert from_file.possible(text) == parsed.possible(text)
    want = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    assert [(m.span(), m.groups()) for m in from_file.finditer(text)] == want
    assert [(m.span(), m.groups()) for m in parsed.finditer(text)] == want
