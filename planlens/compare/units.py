"""The units being aligned, and the links between them.

- `Unit`: a clause in document order, with its normalised text, label and word features;
  `flatten()` makes the units of a plan.
- `Vocabulary`: the words of one comparison, each stored once, and each text's words and stems
  worked out once, however many clauses on either side carry it.
- `FeatureCache`: what `compare` asks of a cache that keeps each text's stems and number of
  words between runs (`planlens.text_cache`).
- `Link`: a pairing of old units with new units, with the evidence for it; `LinkState` holds the
  links made so far while the passes of `planlens.compare.align` run.
- `content_key()`: the symmetric tie-break by content that order decisions use.
- `nfc_plan()`: a plan with its texts in one Unicode form, so that equal text compares equal.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from planlens.compare.model import MatchedBy
from planlens.compare.similarity import is_nfc, normalise, word_list, words
from planlens.compare.stemming import stemmer
from planlens.plan.model import Clause, Plan


class Vocabulary:
    """The words of one comparison: each distinct word kept once, each text split once.

    A large law has hundreds of thousands of words but some ten thousand distinct ones, and
    most of its clauses are the same text in both versions: sharing the word strings keeps the
    memory of a comparison near the size of its vocabulary, and a text found on both sides is
    split into words and stemmed once. The results are the same as `similarity.words` and
    stemming each distinct word.

    >>> vocabulary = Vocabulary()
    >>> first, second = vocabulary.words("Die Ehe."), vocabulary.words("Ehe und Ehe")
    >>> first, first[1] is second[0] is second[2]
    (('die', 'ehe'), True)
    >>> sorted(vocabulary.wordset("Die Ehen.", lambda word: word.rstrip("n")))
    ['die', 'ehe']
    """

    def __init__(self) -> None:
        self._words: dict[str, str] = {}
        self._by_text: dict[str, tuple[str, ...]] = {}
        self._sets: dict[tuple[Callable[[str], str], str], frozenset[str]] = {}
        self._norms: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        self._stems: dict[Callable[[str], str], _Stems] = {}

    def words(self, text: str) -> tuple[str, ...]:
        """Return `similarity.words(text)`, with every distinct word one shared string."""
        found = self._by_text.get(text)
        if found is None:
            split = words(text)
            found = tuple(map(self._words.setdefault, split, split))
            self._by_text[text] = found
        return found

    def norm(self, text: str) -> str:
        """Return `similarity.normalise(text)`, once per text."""
        found = self._norms.get(text)
        if found is None:
            found = self._norms[text] = normalise(text)
        return found

    def wordset(
        self, text: str, stem: Callable[[str], str], *, keep_words: bool = True
    ) -> frozenset[str]:
        """Return the distinct stems (by `stem`) of the words of `text`.

        Without `keep_words`, the words are not kept for `words` (only their number, `count`):
        for a text found on both sides, which is nearly always paired as identical text and
        needs no more, making its words shared strings costs more than splitting it again on
        the rare occasion they are needed.
        """
        key = (stem, text)
        found = self._sets.get(key)
        if found is None:
            split: Sequence[str] | None = self._by_text.get(text)
            if split is None:
                if keep_words:
                    split = self.words(text)
                else:
                    split = word_list(text)
                    self._counts[text] = len(split)
            # Each distinct word stemmed once; its stem then read from a dictionary, which a
            # text's every word costs less than the distinct words' set made first.
            stems = self._stems.get(stem)
            if stems is None:
                stems = self._stems[stem] = _Stems(stem)
            found = self._sets[key] = frozenset(map(stems.__getitem__, split))
        return found

    def count(self, text: str) -> int:
        """Return how many words `text` has: `len(self.words(text))`."""
        found = self._counts.get(text)
        if found is None:
            found = self._counts[text] = len(self.words(text))
        return found

    def learn(
        self, stem: Callable[[str], str], texts: Sequence[str], features: Sequence[Features]
    ) -> None:
        """Take each text's features (`features`) as known: what `wordset(text, stem)` and
        `count(text)` will give, as a cache kept them. Its words are split when first asked for.
        A text known already (the other plan's, as most of a law's are) keeps its set.
        """
        sets, counts = self._sets, self._counts
        for text, (stems, count) in zip(texts, features, strict=True):
            key = (stem, text)
            if key not in sets:
                sets[key] = stems if type(stems) is frozenset else frozenset(stems)
            counts.setdefault(text, count)

    def features(
        self, stem: Callable[[str], str], texts: Sequence[str]
    ) -> list[tuple[frozenset[str], int]]:
        """Return each text's features: its distinct stems (by `stem`) and number of words."""
        return [(self.wordset(text, stem, keep_words=False), self.count(text)) for text in texts]


#: What a text's features are: its distinct stems (`Vocabulary.wordset`, a set or any collection
#: of them, as a cache keeps them) and number of words.
Features = tuple[Collection[str], int]


class FeatureCache(Protocol):
    """What `compare` asks of a cache of text features (`planlens.text_cache.TextCache`): the
    features of a plan's texts (in the language `language` is stemmed in), as computed before,
    or None; and to keep them."""

    def get(self, language: str | None, texts: Sequence[str]) -> Sequence[Features] | None: ...

    def put(
        self, language: str | None, texts: Sequence[str], features: Sequence[Features]
    ) -> None: ...


class _Stems(dict[str, str]):
    """Each word's stem by `stem`, worked out when a word is first looked up."""

    def __init__(self, stem: Callable[[str], str]) -> None:
        super().__init__()
        self.stem = stem

    def __missing__(self, word: str) -> str:
        found = self[word] = self.stem(word)
        return found


_T = TypeVar("_T")


class _computed_once(Generic[_T]):
    """`functools.cached_property` without its lock (Python 3.11 takes one on every first read):
    the value is worked out on the first read and kept in the instance, which later reads find
    before this descriptor. A comparison reads some ten thousand of them."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> _T:
        value = self.func(instance)
        instance.__dict__[self.name] = value
        return value


@dataclass(frozen=True)
class Unit:
    """A clause in document order, with what alignment needs to know of it.

    The word features are computed on first use: most clauses of a large law are paired by
    identical text and never need them.
    """

    index: int
    clause: Clause
    parent: int | None
    norm: str | None
    label: str
    stem: Callable[[str], str] = field(default=str, compare=False, repr=False)
    vocabulary: Vocabulary = field(default_factory=Vocabulary, compare=False, repr=False)

    @property
    def has_text(self) -> bool:
        return self.norm is not None

    @_computed_once
    def words(self) -> tuple[str, ...]:
        text = self.clause.text
        return self.vocabulary.words(text) if text is not None else ()

    @_computed_once
    def word_count(self) -> int:
        """How many words the text has (`len(words)`, without making the words if not made)."""
        text = self.clause.text
        return self.vocabulary.count(text) if text is not None else 0

    @_computed_once
    def wordset(self) -> frozenset[str]:
        """The distinct word stems: what the overlap measures compare."""
        text = self.clause.text
        return self.vocabulary.wordset(text, self.stem) if text is not None else frozenset()

    @_computed_once
    def counts(self) -> Counter[str]:
        return Counter(self.words)


def flatten(plan: Plan, vocabulary: Vocabulary | None = None) -> list[Unit]:
    """Return every clause of `plan` as a unit, depth first in document order.

    Units of plans compared with each other should share one `vocabulary`.
    """
    units: list[Unit] = []
    stem = stemmer(plan.language)
    vocabulary = Vocabulary() if vocabulary is None else vocabulary
    for clause in plan.clauses:
        _visit(clause, None, units, stem, vocabulary)
    return units


def _visit(
    clause: Clause,
    parent: int | None,
    units: list[Unit],
    stem: Callable[[str], str],
    vocabulary: Vocabulary,
) -> None:
    """Append `clause` and its sub-clauses to `units`, depth first.

    A function of the module, not a closure of `flatten`: a recursive closure is a reference
    cycle, which kept the units and the vocabulary alive after a comparison until the next
    collection, and made that collection walk them all.
    """
    text = clause.text
    index = len(units)
    unit = _new_unit()
    # Every field, in the order of the class, as `Unit(...)` sets them (see `_new_unit`).
    unit.__dict__.update(
        index=index,
        clause=clause,
        parent=parent,
        norm=vocabulary.norm(text) if text is not None else None,
        label=clause.number if clause.number is not None else clause.id,
        stem=stem,
        vocabulary=vocabulary,
    )
    units.append(unit)
    for child in clause.clauses:
        _visit(child, index, units, stem, vocabulary)


def _new_unit() -> Unit:
    """Return a `Unit` with no fields set yet, for `_visit` to fill its dictionary at once.

    A frozen dataclass sets each field through `object.__setattr__`, one call per field: for
    the thousands of units of a large law, filling the dictionary in one update costs a third
    (the unit is the same, as the tests check; `Unit` has no `__post_init__`).
    """
    return object.__new__(Unit)


@dataclass(frozen=True, slots=True)
class Link:
    """A pairing of old units with new units (unit indices), with the evidence for it."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    matched_by: MatchedBy
    score: float
    runner_up: float | None = None
    #: For a pin composed through versions between the two plans: their ids.
    via: tuple[str, ...] = ()


class LinkState:
    """Links made so far, and which units they use.

    `links` is in the order the links were added; removing one costs the same however many
    there are (the passes remove and replace links as they extend splits and merges, which a
    list made quadratic on a large law).
    """

    def __init__(self, n_old: int, n_new: int) -> None:
        self._links: dict[tuple[tuple[int, ...], tuple[int, ...]], Link] = {}
        self.old_link: list[Link | None] = [None] * n_old
        self.new_link: list[Link | None] = [None] * n_new

    @property
    def links(self) -> Collection[Link]:
        return self._links.values()

    def old_free(self, i: int) -> bool:
        return self.old_link[i] is None

    def new_free(self, j: int) -> bool:
        return self.new_link[j] is None

    def add(self, link: Link) -> None:
        self._links[link.old, link.new] = link
        for i in link.old:
            self.old_link[i] = link
        for j in link.new:
            self.new_link[j] = link

    def remove(self, link: Link) -> None:
        if self._links.get((link.old, link.new)) != link:
            raise ValueError(f"no such link: {link}")
        del self._links[link.old, link.new]
        for i in link.old:
            self.old_link[i] = None
        for j in link.new:
            self.new_link[j] = None


def content_key(old: Sequence[Unit], new: Sequence[Unit]) -> Callable[[int, int], Any]:
    """Return a key ranking pairs by their texts and labels, the same with old and new swapped."""

    def key(i: int, j: int) -> Any:
        a, b = old[i], new[j]
        first = (a.word_count, a.norm or "", a.label)
        second = (b.word_count, b.norm or "", b.label)
        # The two sides in order, as a tuple: ranks as a sorted list of them did.
        return (first, second) if first <= second else (second, first)

    return key


def nfc_plan(plan: Plan) -> Plan:
    """Return `plan` with its letters and combining marks composed (the same object if so).

    The same German sentence typed on two systems can differ in bytes: "ä" as one code point
    (NFC) or as "a" plus a combining diaeresis (NFD). Compared as they are, the NFD text splits
    into other words ("vertra", "ge") and the redline shows a deletion and an insertion of words
    that look identical. Each letter with its combining marks is therefore put in NFC; nothing
    else changes, so the text shown is the text written (NFC would also replace, say, a CJK
    compatibility ideograph by its unified form, a different character on the page).
    """
    if _all_nfc(plan.clauses):
        return plan  # as most plans are: no clause is rebuilt to find that out

    def fix(value: str | None) -> str | None:
        if value is None or is_nfc(value):
            return value
        return compose_marks(value)

    def clause(c: Clause) -> Clause:
        children = tuple(clause(child) for child in c.clauses)
        text, title = fix(c.text), fix(c.title)
        if (
            text is c.text
            and title is c.title
            and all(a is b for a, b in zip(children, c.clauses, strict=True))
        ):
            return c
        return dataclasses.replace(c, text=text, title=title, clauses=children)

    clauses = tuple(clause(c) for c in plan.clauses)
    if all(a is b for a, b in zip(clauses, plan.clauses, strict=True)):
        return plan
    return dataclasses.replace(plan, clauses=clauses)


def _all_nfc(clauses: Sequence[Clause]) -> bool:
    """Tell whether every text and title of `clauses` and their sub-clauses is in NFC."""
    stack = list(clauses)
    while stack:
        c = stack.pop()
        for value in (c.text, c.title):
            if value is not None and not is_nfc(value):
                return False
        stack.extend(c.clauses)
    return True


def compose_marks(text: str) -> str:
    """Return `text` with each letter and the combining marks after it in NFC, the rest as is.

    >>> compose_marks("Vertra\u0308ge") == "Verträge"
    True
    >>> compose_marks("\U0002f81f") == "\U0002f81f"  # a compatibility ideograph stays itself
    True
    """
    out: list[str] = []
    start = 0
    for k in range(1, len(text) + 1):
        if k == len(text) or not unicodedata.combining(text[k]):
            cluster = text[start:k]
            out.append(unicodedata.normalize("NFC", cluster) if k - start > 1 else cluster)
            start = k
    return "".join(out)
