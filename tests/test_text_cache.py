"""The cache of text features (`planlens.text_cache`): a comparison with it gives what one without
gives, from a cold cache and a warm one; the features it keeps are those the vocabulary works out;
the key changes with the texts, the language and the code; a broken entry is a miss.

conftest.py switches the caches off for every other test; these switch it on in a folder of
their own, and take every plan as large enough (`min_characters=0`) unless they test the bound.
"""

from __future__ import annotations

import marshal
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType

import pytest
from click.testing import CliRunner
from conftest import PLANS, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlens import cache as cache_module
from planlens import text_cache as text_cache_module
from planlens.cli import cli
from planlens.compare import compare, diff_to_data
from planlens.compare.stemming import stemmer
from planlens.compare.units import Features, Vocabulary
from planlens.plan.load import load_plan
from planlens.text_cache import (
    MIN_CHARACTERS,
    TEXT_MAGIC,
    TextCache,
    feature_sources,
    text_generation,
)

#: Pairs of the shipped plans, English and German among them.
PAIRS = [
    ("2025-11-20-us-28-point-plan.yaml", "2025-11-23-e3-counter-proposal.yaml"),
    ("2014-09-05-minsk-protocol.yaml", "2015-02-12-minsk-package-of-measures.yaml"),
]


def plan_path(name: str) -> Path:
    found = sorted(PLANS.glob(name))
    if not found:
        pytest.skip(f"no {name} in plans/")
    return found[0]


def sets(found: Sequence[Features] | None) -> list[tuple[frozenset[str], int]]:
    """The features as `Vocabulary.features` gives them: each text's stems as a set."""
    assert found is not None
    return [(frozenset(stems), count) for stems, count in found]


class Counting(TextCache):
    """A cache that counts its hits and writes."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, min_characters=0)
        self.hits = 0
        self.puts = 0

    def get(self, language: str | None, texts: Sequence[str]) -> tuple[Features, ...] | None:
        found = super().get(language, texts)
        self.hits += found is not None
        return found

    def put(self, language: str | None, texts: Sequence[str], features: Sequence[Features]) -> None:
        self.puts += 1
        super().put(language, texts, features)


@pytest.mark.parametrize("pair", PAIRS)
def test_a_comparison_with_the_cache_equals_one_without(
    tmp_path: Path, pair: tuple[str, str]
) -> None:
    old, new = (load_plan(plan_path(name)) for name in pair)
    without = diff_to_data(compare(old, new))
    cache = Counting(tmp_path / "texts")
    assert diff_to_data(compare(old, new, cache=cache)) == without  # cold: worked out, kept
    assert (cache.hits, cache.puts) == (0, 2)
    assert diff_to_data(compare(old, new, cache=cache)) == without  # warm: read
    assert (cache.hits, cache.puts) == (2, 2)
    # Each plan's entry serves it against any other version, and the other way round.
    assert diff_to_data(compare(new, old, cache=cache)) == diff_to_data(compare(new, old))
    assert (cache.hits, cache.puts) == (4, 2)


def test_the_kept_features_are_what_the_vocabulary_works_out(tmp_path: Path) -> None:
    plan = load_plan(plan_path(PAIRS[1][0]))
    texts = [c.text for c in plan.walk() if c.text is not None]
    cache = TextCache(tmp_path / "texts", min_characters=0)
    stem = stemmer(plan.language)
    compare(plan, plan, cache=cache)
    assert sets(cache.get(plan.language, texts)) == Vocabulary().features(stem, texts)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.text(st.sampled_from("aäbßcdeE ,.'’0123\u0308\u017f\n"), max_size=30), max_size=8),
    st.sampled_from(["en", "de", None, "uk"]),
)
def test_features_read_back_are_those_worked_out_fresh(
    texts: list[str], language: str | None
) -> None:
    # A cache's features stand in for the vocabulary's: `learn` then gives what working them out
    # gives, words and stems alike.
    import tempfile

    stem = stemmer(language)
    fresh = Vocabulary().features(stem, texts)
    with tempfile.TemporaryDirectory() as scratch:
        cache = TextCache(Path(scratch), min_characters=0)
        cache.put(language, texts, fresh)
        found = cache.get(language, texts)
    assert found is not None and sets(found) == fresh
    learned = Vocabulary()
    learned.learn(stem, texts, found)
    for text in texts:
        assert learned.wordset(text, stem) == Vocabulary().wordset(text, stem)
        assert learned.count(text) == len(Vocabulary().words(text))
        assert learned.words(text) == Vocabulary().words(text)


def test_the_key_is_the_texts_their_order_and_language(tmp_path: Path) -> None:
    cache = TextCache(tmp_path, min_characters=0)
    key = cache.text_key("de", ["a b", "c"])
    assert cache.text_key("de", ["a b", "c"]) == key
    others = [
        ("en", ["a b", "c"]),
        (None, ["a b", "c"]),
        ("de", ["c", "a b"]),
        ("de", ["a", "b c"]),
        ("de", ["a b", "c", ""]),
        ("de", ["a b", "d"]),
    ]
    for language, texts in others:
        assert cache.text_key(language, texts) != key, (language, texts)


def test_a_new_version_python_or_feature_code_invalidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = TextCache(tmp_path, min_characters=0)
    texts = ["Die Ehe wird geschlossen.", "Der Vertrag."]
    cache.put("de", texts, Vocabulary().features(stemmer("de"), texts))
    key = cache.text_key("de", texts)
    assert cache.get("de", texts) is not None
    changes: list[Callable[[pytest.MonkeyPatch], None]] = [
        lambda patch: patch.setattr(cache_module, "__version__", "999.0"),
        lambda patch: patch.setattr(sys, "version", sys.version + " (another build)"),
        lambda patch: patch.setattr(
            text_cache_module, "feature_sources", lambda: [*feature_sources(), Path(__file__)]
        ),
        lambda patch: patch.setattr(text_cache_module, "_installed", lambda name: b"other"),
    ]
    for change in changes:
        with monkeypatch.context() as patch:
            change(patch)
            text_generation.cache_clear()
            assert cache.text_key("de", texts) != key
            assert cache.get("de", texts) is None
        text_generation.cache_clear()
    assert cache.text_key("de", texts) == key


def test_every_module_the_features_use_is_in_the_key() -> None:
    # What works the features out decides them: every planlens function that runs while they
    # are worked out (texts in Latin-1 and beyond it, in NFD, in German, English and Ukrainian)
    # is in a module hashed into the generation.
    texts = ["Die Ehe wird geschlossen.", "Vertra\u0308ge, 600,000 z.B.", "Ψ σ ς", "договору"]
    ran: set[str] = set()

    def note(frame: FrameType, event: str, arg: object) -> None:
        if event == "call":
            ran.add(frame.f_code.co_filename)

    sys.setprofile(note)
    try:
        for language in ("de", "en", "uk"):
            Vocabulary().features(stemmer(language), texts)
    finally:
        sys.setprofile(None)
    package = (ROOT / "planlens").resolve()
    used = {Path(name).resolve() for name in ran if Path(name).resolve().is_relative_to(package)}
    assert used, ran
    assert used - set(feature_sources()) == set()


def entry_of(cache: TextCache, language: str | None, texts: list[str]) -> Path:
    return cache.folder / cache.text_key(language, texts).hex()


@pytest.mark.parametrize(
    "kind",
    [
        "empty",
        "truncated",
        "a byte flipped",
        "plans' magic",
        "another shape",
        "too few",
        "not marshal",
    ],
)
def test_a_broken_entry_is_a_miss(tmp_path: Path, kind: str) -> None:
    cache = TextCache(tmp_path, min_characters=0)
    texts = ["one text", "another text"]
    features = Vocabulary().features(stemmer("en"), texts)
    cache.put("en", texts, features)
    entry = entry_of(cache, "en", texts)
    blob = entry.read_bytes()
    key = cache.text_key("en", texts)

    def header(payload: bytes) -> bytes:
        return TEXT_MAGIC + key + zlib.crc32(payload).to_bytes(4, "big") + payload

    middle = len(blob) // 2
    broken = {
        "empty": b"",
        "truncated": blob[:-5],
        "a byte flipped": blob[:middle] + bytes([blob[middle] ^ 0x20]) + blob[middle + 1 :],
        "plans' magic": b"planlens plan cache 1\n" + blob[len(TEXT_MAGIC) :],
        "another shape": header(marshal.dumps(((1, 2), (3, 4)))),
        "too few": header(marshal.dumps(tuple((tuple(s), n) for s, n in features[:1]))),
        "not marshal": header(b"\xff" * 40),
    }[kind]
    entry.write_bytes(broken)
    assert cache.get("en", texts) is None
    cache.put("en", texts, features)
    assert sets(cache.get("en", texts)) == features


def test_small_plans_are_not_cached(tmp_path: Path) -> None:
    cache = TextCache(tmp_path)
    texts = ["x" * (MIN_CHARACTERS // 2), "y" * (MIN_CHARACTERS // 2 - 1)]
    cache.put("en", texts, Vocabulary().features(stemmer("en"), texts))
    assert not tmp_path.exists() or not any(tmp_path.iterdir())
    texts[1] += "y"
    cache.put("en", texts, Vocabulary().features(stemmer("en"), texts))
    assert cache.get("en", texts) is not None


def test_diff_uses_it_with_the_plan_cache_and_no_cache_leaves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANLENS_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("PLANLENS_NO_CACHE", raising=False)
    monkeypatch.setattr(text_cache_module, "MIN_CHARACTERS", 0)
    old, new = (str(plan_path(name)) for name in PAIRS[0])
    runner = CliRunner()
    off = runner.invoke(cli, ["--no-cache", "diff", old, new, "--format", "json"])
    assert off.exit_code == 0 and not (tmp_path / "texts").exists()
    cold = runner.invoke(cli, ["diff", old, new, "--format", "json"])
    assert len(list((tmp_path / "texts").iterdir())) == 2
    warm = runner.invoke(cli, ["diff", old, new, "--format", "json"])
    assert off.stdout == cold.stdout == warm.stdout
