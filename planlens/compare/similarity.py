"""How alike two clause texts are, and which clause pairs are worth scoring at all.

Scoring every old clause against every new one costs n·m difflib calls: minutes for a large
law. An inverted index over the words finds, for each clause, the few clauses that share its
rarer words, so the cost grows with the size of the texts, not with their product.
"""

from __future__ import annotations

import itertools
import math
import operator
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planlens.compare.matcher import Matcher

_WORD_RE = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")

#: How many candidates each clause keeps, on each side.
TOP_K = 6
#: A word in more clauses than this (both sides together) is too common to propose candidates.
#: A constant keeps the join linear in the number of clauses; a cap growing with the document
#: made it grow as n^1.5.
POSTINGS_CAP = 40


def words(text: str) -> tuple[str, ...]:
    """Return the case-folded words of `text`, the units similarity is measured in.

    Text is compared in Unicode NFC, so that "ä" typed either way is the same word.

    >>> words("The US, NATO and 600,000 troops.")
    ('the', 'us', 'nato', 'and', '600,000', 'troops')
    >>> words("Vertra\u0308ge") == words("Verträge")
    True
    """
    return tuple(word_list(text))


def word_list(text: str) -> list[str]:
    """Return `words(text)` as a list (a caller that only counts them needs no tuple)."""
    if not is_nfc(text):
        text = unicodedata.normalize("NFC", text)
    folded = text.casefold()
    found = _latin1_words(folded)
    return _WORD_RE.findall(folded) if found is None else found


def is_nfc(text: str) -> bool:
    """Tell whether `text` is in Unicode NFC (`unicodedata.is_normalized("NFC", text)`).

    Text in Latin-1 always is: none of its characters decomposes, combines with the one before
    or is a combining mark (the tests check all of them, alone and in pairs), so it is answered
    without looking the characters up one by one.
    """
    if text.isascii():
        return True
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return unicodedata.is_normalized("NFC", text)
    return True


#: Latin-1 as `_WORD_RE` reads it: a letter or digit and the marks that may join two of them
#: stay, any other character becomes a space.
_WORD_OR_JOINER = bytes(c if chr(c).isalnum() or chr(c) in ".,'" else 32 for c in range(256))


def _latin1_words(text: str) -> list[str] | None:
    """Return `_WORD_RE.findall(text)` for text in Latin-1 whose marks join no two words
    ("600,000", "z.b"), by byte translation and splitting, several times faster than the regex;
    None for other text.

    A mark next to a space (or to what became one) joins nothing: those are made spaces; when
    none is left, the words are the runs between spaces.
    """
    try:
        encoded = text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    spaced = " " + encoded.translate(_WORD_OR_JOINER).decode("latin-1") + " "
    for mark in ".,'":
        if mark in spaced:
            spaced = spaced.replace(mark + " ", "  ").replace(" " + mark, "  ")
    if "." in spaced or "," in spaced or "'" in spaced:
        return None
    return spaced.split()


def normalise(text: str) -> str:
    """Return `text` with runs of white space made single spaces: the key of "unchanged".

    That is `" ".join(text.split())`; for text in Latin-1, white space is made spaces by byte
    translation and the runs of spaces halved until none is left, without a string per word.

    >>> normalise(" Die  Ehe\\n\\n(1)\\xa0wird\\t")
    'Die Ehe (1) wird'
    """
    try:
        encoded = text.encode("latin-1")
    except UnicodeEncodeError:
        return " ".join(text.split())
    spaced = encoded.translate(_SPACE_OR_SELF)
    while b"  " in spaced:
        spaced = spaced.replace(b"  ", b" ")
    return spaced.strip(b" ").decode("latin-1")


#: Latin-1 with every character `str.split` splits at made a space.
_SPACE_OR_SELF = bytes(32 if chr(c).isspace() else c for c in range(256))


@dataclass(frozen=True, slots=True)
class Scores:
    """The measures of one pair: `sim` decides links, containments decide splits and merges."""

    sim: float
    ratio: float
    overlap: float


def matched_words(a: Sequence[str], b: Sequence[str]) -> int:
    """Return how many words of `a` and `b` difflib matches, independent of argument order."""
    if not a or not b:
        return 0
    first, second = _canonical(a, b)
    return sum(block.size for block in Matcher(first, second).get_matching_blocks())


def ratio(a: Sequence[str], b: Sequence[str]) -> float:
    """Return difflib's ratio 2·M/T on word sequences, the same whichever is passed first.

    difflib's ratio is not symmetric; computing it in a canonical order makes comparing A with B
    and B with A agree, which the mirror property of `compare` relies on.

    >>> ratio(("a", "b", "c"), ("a", "x", "c")) == ratio(("a", "x", "c"), ("a", "b", "c"))
    True
    """
    total = len(a) + len(b)
    return 2.0 * matched_words(a, b) / total if total else 1.0


def common_subsequence(a: Sequence[str], b: Sequence[str]) -> int:
    """Return the length of the longest common subsequence of `a` and `b`.

    The words difflib matches are in the same order on both sides, so they are a common
    subsequence: this bounds `matched_words` from above, far more tightly than the shared words
    in any order, and costs a few big-integer operations per word (the bit-parallel algorithm
    of Allison and Dix, as Hyyrö wrote it) where difflib's matching costs a dictionary pass per
    word and per occurrence of it on the other side, at every step of its recursion.

    >>> common_subsequence("a b c d".split(), "b x d a".split())
    2
    >>> common_subsequence((), ("a",))
    0
    """
    if len(a) < len(b):
        a, b = b, a
    return subsequence_length(word_bits(a), len(a), b)


def word_bits(words: Sequence[str]) -> dict[str, int]:
    """Return where each word stands in `words`, as the bits of an integer (bit k: words[k]).

    >>> word_bits(["a", "b", "a"])
    {'a': 5, 'b': 2}
    """
    found: dict[str, int] = {}
    for k, word in enumerate(words):
        found[word] = found.get(word, 0) | (1 << k)
    return found


def subsequence_length(bits: Mapping[str, int], size: int, other: Sequence[str]) -> int:
    """Return the longest common subsequence of `other` and the `size` words `bits` describes.

    `bits` is `word_bits()` of those words; the loop runs once per word of `other`, so pass the
    shorter sequence as `other`.
    """
    # A 0 bit at k: some common subsequence ends by matching word k (the rows of the classic
    # table, as a bit vector); the zeros below `size` are its length. Carries past bit `size`
    # never come back down, so the row is masked only at the end.
    row = full = (1 << size) - 1
    for word in other:
        match = bits.get(word)
        if match:
            low = row & match
            row = (row + low) | (row - low)
    return size - (row & full).bit_count()


def shared_count(a: Mapping[str, int], b: Mapping[str, int]) -> int:
    """Return how many words two word counts share, in any order (`(a & b).total()`).

    >>> shared_count(Counter("a a b c".split()), Counter("a b b d".split()))
    2
    """
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    total = 0
    for word, count in a.items():
        other = get(word)
        if other:
            total += count if count < other else other
    return total


def _canonical(a: Sequence[str], b: Sequence[str]) -> tuple[Sequence[str], Sequence[str]]:
    return (a, b) if (len(a), tuple(a)) <= (len(b), tuple(b)) else (b, a)


class Weights:
    """Inverse document frequencies of words over all clauses of both plans."""

    def __init__(self, documents: Sequence[frozenset[str]]) -> None:
        # One count over all the words at once: the same counts, in the same order of words.
        df = Counter(itertools.chain.from_iterable(documents))
        n = len(documents)
        self.df = df
        self.idf = {word: math.log((n + 1) / (count + 0.5)) for word, count in df.items()}

    def mass(self, document: frozenset[str]) -> float:
        # fsum: exact, so the result does not depend on the set's (hash-seeded) order.
        return math.fsum(map(self.idf.get, document, itertools.repeat(0.0)))


class _Masses:
    """Each document's total idf weight, computed when first asked for."""

    def __init__(self, documents: Sequence[frozenset[str]], weights: Weights) -> None:
        self.documents = documents
        self.weights = weights
        self.cache: dict[int, float] = {}

    def __getitem__(self, index: int) -> float:
        if index not in self.cache:
            self.cache[index] = self.weights.mass(self.documents[index])
        return self.cache[index]


class CandidateIndex:
    """Finds, for clauses on both sides, the other side's clauses sharing their rarer words.

    `candidates()` returns each pair with its weighted word overlap (a Dice coefficient with
    idf weights), keeping for every clause its `TOP_K` best, from either side, so the result is
    the same whichever plan is called old.
    """

    def __init__(
        self,
        old: Sequence[frozenset[str]],
        new: Sequence[frozenset[str]],
        weights: Weights,
    ) -> None:
        self.old = old
        self.new = new
        self.weights = weights
        self.old_mass = _Masses(old, weights)
        self.new_mass = _Masses(new, weights)

    def candidates(
        self, old_ids: Sequence[int], new_ids: Sequence[int]
    ) -> dict[tuple[int, int], float]:
        """Return {(old index, new index): overlap} for the best pairs among the given clauses."""
        old_postings: dict[str, list[int]] = defaultdict(list)
        new_postings: dict[str, list[int]] = defaultdict(list)
        for i in old_ids:
            for word in self.old[i]:
                old_postings[word].append(i)
        for j in new_ids:
            for word in self.new[j]:
                new_postings[word].append(j)
        # Words in very many clauses ("the", "der", "§") say nothing about which clause is which
        # and make the join quadratic; they still count in the difflib ratio.
        cap = POSTINGS_CAP
        idf = self.weights.idf
        # Sorted, so that the pairs come in the same order in every run and either direction.
        joined = [
            word
            for word in sorted(old_postings.keys() & new_postings.keys())
            if len(old_postings[word]) + len(new_postings[word]) <= cap
        ]
        # Each pair's shared weight is summed exactly, as integers: every float is an integer
        # over a power of two, and one division rounds the sum as `math.fsum` would (correctly).
        # So the sums run inside the dictionary's own methods, not one Python step per pair.
        ratios = [idf[word].as_integer_ratio() for word in joined]
        scale = max((d for _, d in ratios), default=1)
        sums: dict[tuple[int, int], int] = {}
        get, add, repeat = sums.get, operator.add, itertools.repeat
        for word, (numerator, denominator) in zip(joined, ratios, strict=True):
            weight = numerator * (scale // denominator)
            pairs = list(itertools.product(old_postings[word], new_postings[word]))
            sums.update(
                zip(pairs, map(add, map(get, pairs, repeat(0)), repeat(weight)), strict=True)
            )
        old_mass = {i: self.old_mass[i] for i in old_ids}
        new_mass = {j: self.new_mass[j] for j in new_ids}
        # Each pair is one tuple (-overlap, distance, i, j), in the rows of both its clauses:
        # the order to keep the best by, so that the rows sort as plain tuples. In i's row,
        # where i is the same throughout, it sorts by (-overlap, distance, j); in j's row by
        # (-overlap, distance, i).
        best_old: dict[int, list[tuple[float, int, int, int]]] = defaultdict(list)
        best_new: dict[int, list[tuple[float, int, int, int]]] = defaultdict(list)
        for (i, j), exact in sums.items():
            total = old_mass[i] + new_mass[j]
            pair = (-(2.0 * (exact / scale) / total) if total else -0.0, abs(j - i), i, j)
            best_old[i].append(pair)
            best_new[j].append(pair)
        keep: dict[tuple[int, int], float] = {}
        for row in best_old.values():
            for negative, _, i, j in sorted(row)[:TOP_K]:
                keep[i, j] = -negative
        for row in best_new.values():
            for negative, _, i, j in sorted(row)[:TOP_K]:
                keep[i, j] = -negative
        return keep

    def overlap(self, i: int, j: int) -> float:
        """Return the weighted overlap of old clause `i` and new clause `j`, computed directly."""
        total = self.old_mass[i] + self.new_mass[j]
        return 2.0 * self.weights.mass(self.old[i] & self.new[j]) / total if total else 0.0
