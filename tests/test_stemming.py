"""Word stems: snowballstemmer's pure Python and PyStemmer (the `fast` extra) agree word for word.

snowballstemmer hands its work to PyStemmer whenever PyStemmer is importable, so planlens's
results must not depend on which of the two is installed: the committed pages and every figure
in `bench/RESULTS.md` were made with one, and a user may have the other.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from planlens.compare.stemming import stemmer

ROOT = Path(__file__).resolve().parents[1]
#: Snowball algorithm -> the language tag planlens is given for it.
LANGUAGES = {"english": "en", "german": "de", "russian": "ru", "french": "fr"}


def corpus_words() -> set[str]:
    """Every word of the committed plans, the test fixtures and the labelled benchmark texts."""
    words: set[str] = set()
    folders = [
        ROOT / "plans",
        ROOT / "tests" / "data",
        ROOT / "bench" / "gold",
        ROOT / "bench" / "flags",
    ]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in {".yaml", ".md", ".txt"} and path.is_file():
                text = path.read_text("utf-8", errors="replace")
                words.update(word.lower() for word in re.findall(r"\w+", text))
    return words


def pure_stemmer(algorithm: str):  # type: ignore[no-untyped-def]
    """snowballstemmer's own Python class for an algorithm, never PyStemmer."""
    module = importlib.import_module(f"snowballstemmer.{algorithm}_stemmer")
    return getattr(module, f"{algorithm.capitalize()}Stemmer")()


@pytest.mark.parametrize("algorithm", sorted(LANGUAGES))
def test_pystemmer_and_pure_python_give_the_same_stems(algorithm: str) -> None:
    stem_c = pytest.importorskip("Stemmer").Stemmer(algorithm)
    python = pure_stemmer(algorithm)
    words = corpus_words()
    assert len(words) > 5000
    differ = [w for w in sorted(words) if stem_c.stemWord(w) != python.stemWord(w)]
    assert differ == []


def test_planlens_stems_with_the_installed_stemmer() -> None:
    # What planlens calls is what snowballstemmer picks: PyStemmer when it is there.
    stem = stemmer("de")
    python = pure_stemmer("german")
    for word in ("verpflichtungen", "vertragsparteien", "gewährleistet", "waffenstillstand"):
        assert stem(word) == python.stemWord(word)
    assert stem("Verpflichtungen") == stem("Verpflichtung")


def test_the_fast_extra_is_installed_where_make_installs_it() -> None:
    # `make` installs the `fast` extra; without it, every timing in bench/RESULTS.md is wrong.
    pytest.importorskip("Stemmer")
    import snowballstemmer

    assert type(snowballstemmer.stemmer("english")).__module__ == "Stemmer"


def test_a_language_is_looked_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The substance flags ask for the stemmer of each pair of texts they compare.
    import snowballstemmer

    first = stemmer("de")

    def unavailable() -> list[str]:
        raise AssertionError("looked up again")

    monkeypatch.setattr(snowballstemmer, "algorithms", unavailable)
    assert stemmer("de") is first
