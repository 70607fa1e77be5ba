"""Word stems, so that "licenses", "licensed" and "licence" count as one word when comparing.

Snowball's stemmers (the `snowballstemmer` package: pure Python, no dependencies, the same
algorithms as the C `PyStemmer`, maintained by the Snowball project and used by Sphinx's
search) cover English, German, Russian and some thirty other languages, not Ukrainian. A plan
in a language without a stemmer is compared on whole words, as before.

When PyStemmer is installed (the `fast` extra), snowballstemmer hands every stemmer to it: the
same Snowball algorithms compiled to C, giving the same stems (`tests/test_stemming.py` checks
it on the words of the corpus), loaded in a millisecond instead of all thirty-odd Python modules,
and several times faster on a first comparison, before the cache of stems is warm.

Stems feed the word-overlap measures (which clauses share their rarer words); difflib's ratio and
the word-level redline still work on the words as written.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import snowballstemmer

#: Primary language subtags -> Snowball algorithm names.
_ALGORITHMS = {
    "en": "english",
    "de": "german",
    "ru": "russian",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
    "pl": "polish",
    "sv": "swedish",
    "da": "danish",
    "no": "norwegian",
    "nb": "norwegian",
    "fi": "finnish",
    "cs": "czech",
    "ro": "romanian",
    "hu": "hungarian",
    "tr": "turkish",
    "el": "greek",
    "lt": "lithuanian",
    "sr": "serbian",
    "ca": "catalan",
    "ga": "irish",
}


@cache  # asked once per pair of texts by the substance flags: the lookup is not free
def stemmer(language: str | None) -> Callable[[str], str]:
    """Return the stemming function for a language tag (English when none is given).

    >>> stem = stemmer("en")
    >>> stem("licenses") == stem("licensed") == stem("license")
    True
    >>> stemmer("de")("Verpflichtungen") == stemmer("de")("Verpflichtung")
    True
    >>> stemmer("uk")("договору")  # no Ukrainian stemmer: words stay as they are
    'договору'
    """
    primary = (language or "en").split("-")[0].lower()
    name = _ALGORITHMS.get(primary)
    if name is None or name not in snowballstemmer.algorithms():
        return _same
    return _cached(name)


def _same(word: str) -> str:
    return word


@cache
def _cached(name: str) -> Callable[[str], str]:
    algorithm = snowballstemmer.stemmer(name)
    return cache(algorithm.stemWord)
