"""The phrases of two texts and which of them are versions of each other.

A phrase is a sentence, or a part of one that stands alone: split at `;` and `:`, at a new
paragraph marker "(2)", and at ", and" between two parts that each carry their own modal verb
("..., and every ambiguity ... will be regarded as settled"; not one inside a subordinate
clause: "..., or adapted ..., except that a work ... will not be considered"). Two phrases are
aligned when they share enough of their content words (stems, stop words left out); aligned
phrases form groups (a phrase split in two is one group, and so is one whose rest carries at
least half of the words its versions lost, and so are the one phrase left on each side when
both open the same numbered paragraph, "(2)", and share some words), and a phrase in no group
was added or removed.
Phrases that are the same on both sides are matched first and leave the comparison, so that a
long law with one changed sentence costs one sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import planlens.compare.patterns as rx
from planlens.compare.guards import quick
from planlens.compare.stemming import stemmer

#: Two phrases are versions of each other from this Dice overlap of their content stems when
#: each is the other's best match. When only one is, it is a part of the other (a phrase split
#: in two, or two merged) if at least `PART_MIN` of its stems are in the other.
ALIGN_MIN = 0.3
PART_MIN = 0.6
#: The one changed phrase of each side is a rewrite of the other from this overlap (a tenth:
#: "Russia will relinquish ..." / "... Russia must withdraw ...").
REWRITE_MIN = 0.1
#: A phrase with fewer content stems ("Territory:") is too short to be aligned by its words.
STEMS_MIN = 2

_ABBREVIATIONS_TEXT = """abs art nr no nos st mr mrs ms dr prof vgl bzw ca co inc ltd sect para etc
    ff gem lit ziff e.g i.e z.b u.a d.h u.s u.s.c c.f.r"""
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())
#: A sentence's end before its successor; a blank line after "nicht" or "," continues a list.
#: (`quick`: a test of the first character before the look-behinds, the same matches.)
_END = quick(
    rx.compile(
        r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-ZÄÖÜ0-9§(\[])"
        r"|(?<=[;:])\s+|(?<=[.!?)])\s*\n\s*\n"
    )
)
#: A version that ends its line, after the version sign "v." glued to a title's last word by
#: a space the import lost ("The Open Software Licensev. 2.1"): no sentence ends before it.
_TITLE_VERSION = rx.compile(r"\d+(?:\.\d+)+[ \t]*(?:\n|\Z)")
#: What stands before every end: each alternative of `_END` opens with a look-behind for one.
_BEFORE_END = rx.compile(r"[.!?;:)]")
#: Not before the last item of an inline list, whose label follows the conjunction ("a) ...,
#: b) ..., or c) to Exhibit B ...", "(i) ..., and (ii) ...", "oder c)"): one list, one clause.
_COORDINATION = rx.compile(
    r",\s+(?=(?:and|or|but|while|whereas|und|oder|aber|sowie)\s)"
    r"(?!\S+\s+(?:[a-z]\)|\((?:[a-z]|[ivx]+|\d+)\)))"
)
_MODAL = rx.compile(
    r"\b(?:shall|must|will|may|can|cannot|should|is to|are to|muss|müssen|soll|sollen|"
    r"kann|können|darf|dürfen)\b",
    re.IGNORECASE,
)
_SUBORDINATOR = rx.compile(
    r"\b(?:that|which|who|whom|whose|if|unless|except|where|when|whether|dass|daß|wenn|"
    r"soweit|sofern|falls|welche[rs]?)\b",
    re.IGNORECASE,
)
_PARAGRAPH_RE = rx.compile(r"\(\d+[a-z]?\)\s")
_WORD = rx.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_STOP_TEXT = """a an the and or nor but of to in on at by for with from into onto upon as than
    that this these those it its it's is are was were be been being has have had do does did
    will shall may must can could should would might not no any all each every such other which
    who whom whose what when where while if then there their they them he she his her him you
    your we our us so also only both either neither own same under over out up down about above
    below after before between through during without within per via whether however thereof
    herein hereunder der die das den dem des ein eine einen einem einer eines und oder zu zum
    zur von vom mit bei für auf aus im an am als nach über unter durch gegen ist sind wird werden
    wurde hat haben hatte kann können muss müssen soll sollen darf dürfen sich nicht kein keine
    auch so wenn dass daß wer was diese dieser dieses diesem diesen es er sie ihr ihre ihren
    ihrem sein seine seinen seinem seiner wie nur noch bis um dies"""
_STOP = frozenset(_STOP_TEXT.split())


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase of one text: its words as written and its content stems."""

    text: str
    stems: frozenset[str]


@dataclass(frozen=True, slots=True)
class Alignment:
    """The changed phrases of two texts: aligned groups, and those on one side only."""

    groups: tuple[tuple[tuple[Phrase, ...], tuple[Phrase, ...]], ...]
    removed: tuple[Phrase, ...]
    added: tuple[Phrase, ...]


def split_phrases(text: str) -> list[str]:
    """Return the phrases of `text`, in order, each stripped.

    >>> split_phrases("Russia will act, and Ukraine will wait. See Art. 5: done; (2) More.")
    ['Russia will act,', 'and Ukraine will wait.', 'See Art. 5:', 'done;', '(2) More.']
    """
    pieces: list[str] = []
    for sentence in _sentences(text):
        pieces.extend(_coordinated(sentence))
    return [p.strip() for p in pieces if p.strip()]


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for match in _ends(text):
        before = text[start : match.start()].rstrip("\"'”’)")
        # The last word only: splitting the whole sentence so far at each candidate end
        # costs the square of its length where abbreviations ("Abs.", "Nr.") continue it.
        tail = before.rsplit(None, 1)
        last = tail[-1] if tail else ""
        word = last.rstrip(".").lstrip("([\"'“‘").casefold()
        if before.endswith(".") and (word in _ABBREVIATIONS or len(word) == 1):
            continue
        if before.endswith(".") and word.isdigit() and len(word) <= 3:
            continue  # "nicht 1. Ansprüche ..., 2. Ansprüche": an enumeration, or "am 1. Mai"
        if word.endswith("v") and before.endswith(".") and _TITLE_VERSION.match(text, match.end()):
            continue  # "The Open Software Licensev. 2.1": the sign "v.", its space lost
        out.append(text[start : match.end()])
        start = match.end()
    out.append(text[start:])
    return out


def _ends(text: str) -> Iterator[re.Match[str]]:
    """Return the matches of `_END` in `text`, as `finditer` finds them.

    A match can only begin right after a character of `_BEFORE_END`, which the engine skips to
    at once; `_END` itself, tried at every position, cost most of the splitting. Matches are
    not empty, so none begins inside the one before it.
    """
    at = 0
    for before in _BEFORE_END.finditer(text):
        if before.end() < at:
            continue
        match = _END.match(text, before.end())
        if match is not None:
            yield match
            at = match.end()


def _coordinated(sentence: str) -> list[str]:
    """Split at ", and" where both sides carry a modal verb of their own."""
    cuts = [m.end() for m in _COORDINATION.finditer(sentence)]
    pieces = [sentence[a:b] for a, b in zip([0, *cuts], [*cuts, len(sentence)], strict=True)]
    out = [pieces[0]]
    for piece in pieces[1:]:
        if _own_modal(piece) and _MODAL.search(out[-1]):
            out.append(piece)
        else:
            out[-1] += piece
    return out


def _own_modal(piece: str) -> bool:
    """Tell whether a coordinated piece carries a modal verb of its own: one not inside a
    subordinate clause ("or adapted ..., except that a work ... will not be" has none: its
    "will" is the exception's; ", and, if it asks, Ukraine will wait" has one)."""
    modal = _MODAL.search(piece)
    if modal is None:
        return False
    opened = [m.end() for m in _SUBORDINATOR.finditer(piece, 0, modal.start())]
    return not opened or "," in piece[opened[-1] : modal.start()]


def phrase(text: str, stem: Callable[[str], str]) -> Phrase:
    return Phrase(text, _stems(text, stem))


#: The rules ask for the stems of the same clause, condition or word again and again.
@lru_cache(maxsize=4096)
def _stems(text: str, stem: Callable[[str], str]) -> frozenset[str]:
    """Return the content stems of `text`: each word stemmed once, however often it stands."""
    words = set(_folded_words(text))
    words -= _STOP
    return frozenset(map(stem, [w for w in words if len(w) > 2]))


#: Latin-1 as `_WORD` reads it: a letter (`[^\W\d_]`: a word character, not a decimal digit)
#: stays, and so do the hyphen and the apostrophe that may join two words; any other character
#: becomes a space (no regex compiled on import: `tests/test_patterns.py`).
_LETTER_OR_JOINER = bytes(
    c if (chr(c).isalnum() and not chr(c).isdecimal()) or chr(c) in "-'" else 32 for c in range(256)
)


def _folded_words(text: str) -> list[str]:
    """Return the words of `text` as `_WORD` finds them, case-folded.

    Text in Latin-1 with no hyphen or apostrophe (most phrases of a law) is
    split by byte translation, as `similarity.word_list` splits, without a regex or a string
    per word before folding; other text goes to `_WORD`. The same words either way.
    """
    try:
        spaced = text.encode("latin-1").translate(_LETTER_OR_JOINER)
    except UnicodeEncodeError:
        spaced = b"-"
    if b"-" in spaced or b"'" in spaced:
        return [w.casefold() for w in _WORD.findall(text)]
    return spaced.decode("latin-1").casefold().split()


#: A sentence that carries the provision before it over to a case named in it: "Dasselbe gilt
#: für den Lebenspartner", "The same applies to the civil partner".
_SAME_FOR_RE = rx.compile(
    r"\W*(?:\(\d+\w?\)\s*)?(?:(?:dies|das|gleiches|dasselbe)\s+gilt\s+(?:(?:auch|ebenso|"
    r"entsprechend)\s+)?für|(?:this|the\s+same)\s+(?:also\s+)?(?:applies|shall\s+(?:also\s+)?"
    r"apply)\s+(?:also\s+)?to)\b",
    re.IGNORECASE,
)


def folded(
    items: tuple[list[str], list[str]], alignment: Alignment, language: str | None
) -> tuple[tuple[list[str], list[str]], set[int]]:
    """Return the items of a list dropped and added (`extent.enumerations`) without those that
    a sentence of the other side carrying the provision over to a case names ("Dasselbe gilt
    für den Lebenspartner." / "Der Ehegatte oder Lebenspartner"), and the ids of those
    sentences: the same provision folded into its list, both ways, whether the sentence
    stands alone or was aligned with the list it went into."""
    stem = stemmer(language)
    new = (*alignment.added, *(p for _, news in alignment.groups for p in news))
    old = (*alignment.removed, *(p for olds, _ in alignment.groups for p in olds))
    out: list[list[str]] = []
    merged: set[int] = set()
    for mine, theirs in ((items[0], new), (items[1], old)):
        gone = set()
        for p in (p for p in theirs if _SAME_FOR_RE.match(p.text)):
            named = [x for x in mine if (case := phrase(x, stem).stems) and case <= p.stems]
            gone.update(named)
            merged.update([id(p)] if named else [])
        out.append([x for x in mine if x not in gone])
    return (out[0], out[1]), merged


def align(old: str, new: str, language: str | None) -> Alignment:
    """Return the changed phrases of `old` and `new`, grouped by alignment."""
    stem = stemmer(language)
    old_texts, new_texts = split_phrases(old), split_phrases(new)
    old_keys, new_keys = list(map(_key, old_texts)), list(map(_key, new_texts))
    common = Counter(old_keys) & Counter(new_keys)
    old_phrases = [phrase(t, stem) for t in _without(old_texts, old_keys, common)]
    new_phrases = [phrase(t, stem) for t in _without(new_texts, new_keys, common)]
    best_new = [_best(a, new_phrases) for a in old_phrases]
    best_old = [_best(b, old_phrases) for b in new_phrases]
    edges: set[tuple[int, int]] = set()
    for i, best in enumerate(best_new):
        if best is not None and (best_old[best] == i or _part(old_phrases[i], new_phrases[best])):
            edges.add((i, best))
    for j, best in enumerate(best_old):
        if best is not None and (best_new[best] == j or _part(new_phrases[j], old_phrases[best])):
            edges.add((best, j))
    # The clauses are versions of each other: one changed phrase on each side, sharing some of
    # their words, is one phrase rewritten; one long common word ("anderen") makes no version.
    one_each = len(old_phrases) == len(new_phrases) == 1
    if not edges and one_each and similarity(old_phrases[0], new_phrases[0]) >= REWRITE_MIN:
        edges.add((0, 0))
    if edges:
        edges |= _split_parts(old_phrases, new_phrases, best_new, best_old, edges)
        edges |= _same_paragraph(old_phrases, new_phrases, edges)
    groups = _components(len(old_phrases), edges)
    aligned_old = {i for i, _ in edges}
    aligned_new = {j for _, j in edges}
    return Alignment(
        groups=tuple(
            (tuple(old_phrases[i] for i in olds), tuple(new_phrases[j] for j in news))
            for olds, news in groups
        ),
        removed=tuple(p for i, p in enumerate(old_phrases) if i not in aligned_old),
        added=tuple(p for j, p in enumerate(new_phrases) if j not in aligned_new),
    )


def _key(text: str) -> str:
    return " ".join(text.split())


def _without(texts: Sequence[str], keys: Sequence[str], common: Counter[str]) -> list[str]:
    """Return `texts` less those whose keys (`_key`, worked out once in `keys`) `common` counts."""
    left = Counter(common)
    out = []
    for text, key in zip(texts, keys, strict=True):
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(text)
    return out


def similarity(a: Phrase, b: Phrase) -> float:
    """Return the Dice overlap of two phrases' content stems (0 when either has none)."""
    if not a.stems or not b.stems:
        return 0.0
    return 2 * len(a.stems & b.stems) / (len(a.stems) + len(b.stems))


def _part(a: Phrase, whole: Phrase) -> bool:
    """Tell whether most of `a`'s content stems are in `whole`."""
    return len(a.stems & whole.stems) >= PART_MIN * len(a.stems)


def _split_parts(
    olds: Sequence[Phrase],
    news: Sequence[Phrase],
    best_new: Sequence[int | None],
    best_old: Sequence[int | None],
    edges: set[tuple[int, int]],
) -> set[tuple[int, int]]:
    """Return the edges of the phrases left out that are the rest of a phrase split in two (or
    merged): a phrase whose best match is aligned elsewhere, and which carries at least half of
    the words that match's own versions lost ("Soweit A erfüllt oder B fällig wird, ..." ->
    "(1) Soweit A erfüllt, ..." and "(2) Soweit B fällig wird, ...")."""
    found: set[tuple[int, int]] = set()
    for new_side in (True, False):
        mine, theirs, best = (news, olds, best_old) if new_side else (olds, news, best_new)
        partners: dict[int, set[int]] = {}  # a phrase of theirs -> its versions among mine
        for i, j in edges:
            k, other = (j, i) if new_side else (i, j)
            partners.setdefault(other, set()).add(k)
        aligned = {k for ks in partners.values() for k in ks}
        for k, match in enumerate(best):
            if k in aligned or match is None or match not in partners:
                continue
            kept = {stem for x in partners[match] for stem in mine[x].stems}
            lost = theirs[match].stems - kept
            if lost and 2 * len(mine[k].stems & lost) >= len(lost):
                found.add((match, k) if new_side else (k, match))
    return found


def _same_paragraph(
    olds: Sequence[Phrase], news: Sequence[Phrase], edges: set[tuple[int, int]]
) -> set[tuple[int, int]]:
    """Return the edge between the one phrase left out on each side when both open the same
    numbered paragraph ("(2) Die Gleichbehandlungsverpflichtungen stellen sicher ..." / "(2) Die
    Bundesnetzagentur kann ... verpflichten ...") and share some of their words
    (`REWRITE_MIN`): that paragraph rewritten, not one provision gone and another come."""
    left_old = [i for i in range(len(olds)) if all(i != e[0] for e in edges)]
    left_new = [j for j in range(len(news)) if all(j != e[1] for e in edges)]
    if len(left_old) != 1 or len(left_new) != 1:
        return set()
    a, b = olds[left_old[0]], news[left_new[0]]
    number = _PARAGRAPH_RE.match(a.text)
    if number is None or not b.text.startswith(number.group()):
        return set()
    return {(left_old[0], left_new[0])} if similarity(a, b) >= REWRITE_MIN else set()


def _best(a: Phrase, others: Sequence[Phrase]) -> int | None:
    if len(a.stems) < STEMS_MIN:
        return None
    best, score = None, ALIGN_MIN
    for k, b in enumerate(others):
        if len(b.stems) < STEMS_MIN:
            continue
        s = similarity(a, b)
        if s >= score and (best is None or s > score):
            best, score = k, s
    return best


def _components(
    n_old: int, edges: set[tuple[int, int]]
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Return the connected groups of aligned phrases, in the order of their first old phrase."""
    parent = list(range(n_old))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_new: dict[int, int] = {}
    for i, j in sorted(edges):
        if j in by_new:
            parent[find(i)] = find(by_new[j])
        else:
            by_new[j] = i
    olds: dict[int, list[int]] = {}
    for i, _ in sorted(edges):
        olds.setdefault(find(i), [])
        if i not in olds[find(i)]:
            olds[find(i)].append(i)
    news: dict[int, list[int]] = {}
    for j, i in sorted(by_new.items()):
        news.setdefault(find(i), []).append(j)
    return [(tuple(sorted(olds[r])), tuple(news.get(r, []))) for r in sorted(olds)]
