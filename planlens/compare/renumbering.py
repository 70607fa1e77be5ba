"""References renumbered with the provisions they name, read through the alignment.

When a law is renumbered, a clause's references change number though they name the same
provision: "§ 651a" becomes "§ 651b" because § 651a became § 651b. The text alone cannot tell
that from a reference to another provision, so `scope` reads a reference gone and one come as
a change of what a statement refers to where others stay (`ranges.referenced_ranges`).
`compare` knows which old clause became which new one; a `Renumbering` carries that into the
flag rules (`renumbering` builds it from the alignment, `of_diff` from a `PlanDiff`), and
`kept` reads an old reference and a new one as the same reference when the clause the old one
names is aligned with the clause the new one names. References with the same number on both
sides stay the same reference, as without a renumbering. A renumbering only takes references
out of a `scope` flag, never adds one (`referred_change`): where no provision is referred to by
the same number on both sides nothing is flagged, as before, for an alignment can leave a
clause unpaired or pair one part of a merge only (TKG 2004 -> 2021 has both).

A reference is mapped only where what it names is unambiguous; any other is compared by its
number, as without a renumbering:

- its number (`statements.provisions_in`: "651a", "3.2", not a part such as "Absatz 3") is the
  label of exactly one clause of its plan: the clause's number without its word and brackets
  ("§ 651a", "Section 1", "(1)", "3.2"; its id where it has no number); a number several
  clauses share, or none, is not mapped;
- the reference opens with the word that names its plan's clauses at that level (`words`): "§"
  in a law numbered "§ 1", "Section" in a licence numbered "Section 1"; where a plan's numbers
  are bare ("1", "3.2"), the words of a numbered part of a document (Section, Article, Clause,
  Point, Ziffer). "Artikel 246" in a law of §§ names no provision of it, nor does "Absatz 3"
  (a part) or "Version 2";
- it is no end of a range ("§§ 315 bis 315d": `_RANGE_RE`), which may cover other provisions
  once renumbered;
- it is in the part of its chain the plan's word names: not after a word of another level or
  kind ("§ 12 Absatz 3 und Artikel 3", "§ 5 und Anlage 2", "Section 2 paragraph 3");
- it names no other act (`_OTHER_ACT_AFTER_RE`, `_OTHER_ACT_BEFORE_RE`): "Artikel 246 § 1
  des Einführungsgesetzes zum Bürgerlichen Gesetzbuche", "§ 811 der Zivilprozessordnung",
  "§ 3 UWG", "Article 5 of Directive 96/9/EC", "section 7 of the GNU General Public License",
  "NATO's Article 5". "of this License", "dieses Gesetzes" are the document's own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import planlens.compare.patterns as rx
from planlens.compare.model import PlanDiff
from planlens.compare.ranges import referenced_ranges
from planlens.compare.statements import PART_RE, REF_WORD_RE, provisions_in, references
from planlens.plan.model import Clause

_I = re.IGNORECASE
#: The words that name a provision of a document, by the class of provision they name (in any
#: case: `_CLASSES` has them case-folded).
_CLASSES = {
    **dict.fromkeys(["§", "§§"], "sign"),
    **dict.fromkeys(["section", "sections", "sect."], "section"),
    **dict.fromkeys(
        ["art.", "arts.", "article", "articles", "artikel", "artikeln", "artikels"], "article"
    ),
    **dict.fromkeys(["clause", "clauses"], "clause"),
    **dict.fromkeys(["point", "points", "ziffer", "ziffern"], "point"),
}
_WORDS = r"§§?|Sections?(?!\w)|Sect\.|Art(?:icles?|ikel[ns]?|s?\.)(?!\w)|Clauses?(?!\w)|"
_WORDS += r"Points?(?!\w)|Ziffern?(?!\w)"
#: The word that opens a reference (`statements.references`).
_HEAD_RE = rx.compile(_WORDS, _I)
#: A clause's number: a word of `_WORDS` or none, and the number a reference would say.
_LABEL_RE = rx.compile(
    rf"\s*(?:(?P<word>{_WORDS})\s*)?\(?(?P<number>\d+[a-z]?(?:\.\d+)*)\)?\.?\s*", _I
)
#: The words that name the clauses of a plan whose numbers are bare ("1", "3.2").
BARE = frozenset(["section", "article", "clause", "point"])
#: What says, after a reference, that it names a provision of another act: "des
#: Einführungsgesetzes zum Bürgerlichen Gesetzbuche", "der Zivilprozessordnung", "des Ersten
#: Buches Sozialgesetzbuch", "der Richtlinie 98/26/EG", an abbreviation ("§ 3 UWG", "Art. 246
#: EGBGB", "Art. 1 G v. 10.5.2012"), "of Directive 96/9/EC", "of the WIPO Copyright Treaty";
#: not "dieses Gesetzes", "of this License", nor "of the License" (a licence's name for itself).
_OTHER_ACT_AFTER_RE = rx.compile(
    r"\s*(?:(?:des|der)\s+(?:[\w-]+\s+){0,2}?[\w-]*?(?:gesetz|ordnung|buch|richtlinie|"
    r"verordnung|vertrag|verträge|abkommen|übereinkommen|konvention|statut|charta|satzung)|"
    r"(?-i:[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*[A-ZÄÖÜ])(?!\w)|(?-i:G)\s+v\.|"
    r",?\s*of\s+(?!(?:the\s+)?(?:Licen[cs]e|Agreement)\b)(?:the\s+)?(?-i:[A-Z\d]))",
    _I,
)
#: What says, before a reference, that it names a provision of another act: "NATO's Article 5",
#: "17 U.S.C. § 107".
_OTHER_ACT_BEFORE_RE = rx.compile(r"(?:['’]s|U\.S\.C\.|C\.F\.R\.)\s*\Z")
#: A range of provisions inside a reference: "176 bis 179", "8.1 to 8.3", "3-6". Its ends are
#: not mapped: a range whose last provision was renumbered may cover more or fewer provisions
#: ("§§ 315 bis 315d" / "§§ 315 bis 315e" where § 315e, the old § 315d, follows a new § 315d).
_RANGE_RE = rx.compile(
    r"(?<![\w.])(\d+[a-z]?(?:\.\d+)*)\s*(?:bis|to|through|-|–)\s*(\d+[a-z]?(?:\.\d+)*)(?![\w])",
    _I,
)
#: How a chain of references goes on: one that ends with its link ("§ 5 und") ends before
#: whatever follows, which is no act it names ("§ 5 und der Richtlinie").
_LINK_AT_END_RE = rx.compile(r"(?:,|\b(?:and|or|to|bis|und|oder|sowie))\s*\Z", _I)


@dataclass(frozen=True, slots=True)
class Renumbering:
    """Which provision of the old plan became which of the new, as the numbers references say.

    `targets`: the label of each old clause that is unambiguous -> the unambiguous labels of
    the new clauses aligned with it. `old_words`, `new_words`: the classes of words (`_WORDS`:
    "sign" for "§", "section", "article", "clause", "point") that name each plan's clauses.
    """

    targets: Mapping[str, frozenset[str]] = field(default_factory=dict)
    old_words: frozenset[str] = frozenset()
    new_words: frozenset[str] = frozenset()

    def reversed(self) -> Renumbering:
        """Return the same renumbering read from the new plan to the old."""
        back: dict[str, set[str]] = {}
        for old, news in self.targets.items():
            for new in news:
                back.setdefault(new, set()).add(old)
        targets = {new: frozenset(olds) for new, olds in back.items()}
        return Renumbering(targets, self.new_words, self.old_words)


def label(clause: Clause) -> tuple[str, str] | None:
    """Return the class of the word of a clause's number ("" for none) and the number a
    reference to it says, or None when its number says none a reference could.

    >>> [label(Clause(i, None, n)) for i, n in [("651a", "§ 651a"), ("1", "Section 1")]]
    [('sign', '651a'), ('section', '1')]
    >>> [label(Clause(i, None, n)) for i, n in [("3.2", "3.2"), ("1", "(1)"), ("4.a", "4.a")]]
    [('', '3.2'), ('', '1'), None]
    """
    return _read(clause.number if clause.number is not None else clause.id)


@lru_cache(maxsize=16384)
def _read(number: str) -> tuple[str, str] | None:
    """Return `label` of a clause numbered `number` (the two plans share most of them)."""
    m = _LABEL_RE.fullmatch(number)
    if m is None:
        return None
    word = m["word"]
    return ("" if word is None else _CLASSES[word.casefold()]), m["number"]


def _class(head: re.Match[str] | None) -> str | None:
    """Return the class of the word a match of `_HEAD_RE` read (None for none)."""
    return None if head is None else _CLASSES[head.group().casefold()]


def renumbering(
    old: Iterable[Clause],
    new: Iterable[Clause],
    pairs: Iterable[tuple[Sequence[str], Sequence[str]]],
) -> Renumbering:
    """Return the renumbering of an alignment: `old` and `new` are every clause of the two plans,
    `pairs` the ids of the clauses each link (or change) pairs. A pair of one clause with one of
    the same number may be left out: a reference that keeps its number is the same anyway."""
    old_labels, old_words = _labels(old)
    new_labels, new_words = _labels(new)
    targets: dict[str, set[str]] = {}
    for olds, news in pairs:
        found = {new_labels[j] for j in news if j in new_labels}
        for i in olds:
            if i in old_labels:
                targets.setdefault(old_labels[i], set()).update(found)
    frozen = {number: frozenset(labels) for number, labels in targets.items()}
    return Renumbering(frozen, old_words, new_words)


def of_diff(diff: PlanDiff) -> Renumbering:
    """Return the renumbering of a comparison's result: each change's old and new clauses."""
    pairs = [(c.old, c.new) for c in diff.walk() if c.old and c.new]
    return renumbering(diff.old.walk(), diff.new.walk(), pairs)


def _labels(clauses: Iterable[Clause]) -> tuple[dict[str, str], frozenset[str]]:
    """Return the clause id -> label of each clause whose label no other clause of the plan has,
    and the classes of words that name the plan's clauses (`BARE` where its numbers have none)."""
    found = [(c.id, read) for c in clauses if (read := label(c)) is not None]
    counts = Counter(number for _, (_, number) in found)
    words = frozenset(word for _, (word, _) in found if word)
    unique = {i: number for i, (_, number) in found if counts[number] == 1}
    return unique, words or (BARE if found else frozenset())


def own_references(text: str, words: frozenset[str]) -> frozenset[str]:
    """Return the provisions `text` refers to (as `statements.referenced`) by references that
    name a provision of its own document at the level `words` name (see the module).

    >>> sorted(own_references("nach § 651a; Artikel 246 § 1 des Einführungsgesetzes",
    ...                       frozenset(["sign"])))
    ['651a']
    >>> sorted(own_references("Section 3.2 of this License, Section 7 of the GNU GPL",
    ...                       BARE))
    ['3.2']
    """
    return _own(text, words)[0]


@lru_cache(maxsize=1024)
def _own(text: str, words: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Return `own_references` and the ends of the ranges in those references."""
    out: set[str] = set()
    own_ends: set[str] = set()
    for a, b in references(text):
        head = _HEAD_RE.match(text, a)
        if head is None or _class(head) not in words:
            continue
        if _OTHER_ACT_BEFORE_RE.search(text, max(0, a - 12), a):
            continue
        if not _LINK_AT_END_RE.search(text, a, b) and _OTHER_ACT_AFTER_RE.match(text, b):
            continue
        # The chain is the plan's up to a word of another level or kind, and what it names is
        # inside that: "§ 12 Absatz 3 und Artikel 3", "§ 5 und Anlage 2", "Section 2 paragraph 3".
        end = b
        for word in REF_WORD_RE.finditer(text, head.end(), b):
            again = _class(_HEAD_RE.match(text, word.start()))
            if not PART_RE.match(text, word.start()) and again not in words:
                end = word.start()
                break
        ends = {n for m in _RANGE_RE.finditer(text, a, end) for n in m.groups()}
        out.update(n for n in provisions_in(text, a, end) if n not in ends)
        own_ends |= ends
    return frozenset(out), frozenset(own_ends)


def kept(
    old: str, new: str, ra: set[str], rb: set[str], renumbering: Renumbering | None
) -> tuple[set[str], set[str]]:
    """Return the provisions of `ra` (those `old` refers to) and of `rb` (`new`'s) that are
    referred to on both sides: by the same number, or, with a `renumbering`, by the numbers of
    two clauses the alignment paired ("§ 651a" / "§ 651b" where § 651a became § 651b).

    >>> moved = Renumbering({"651a": frozenset(["651b"])}, frozenset(["sign"]),
    ...                     frozenset(["sign"]))
    >>> [sorted(s) for s in kept("§ 651a, § 5", "§ 651b, § 5", {"651a", "5"}, {"651b", "5"}, moved)]
    [['5', '651a'], ['5', '651b']]
    >>> kept("§ 651a, § 5", "§ 651b, § 5", {"651a", "5"}, {"651b", "5"}, None)
    ({'5'}, {'5'})
    """
    same = ra & rb
    if renumbering is None or ra == rb:
        return same, same
    targets = renumbering.targets
    olds = own_references(old, renumbering.old_words) & ra
    news = own_references(new, renumbering.new_words) & rb
    # Each side against all the other's: "§§ 73a, 73d" / "§§ 73a, 73c" where § 73a became
    # § 73c and § 73d became § 73a refer to the same two provisions.
    kept_old = {r for r in olds - same if targets.get(r, _NONE) & news}
    kept_new = {s for s in news - same if any(s in targets.get(r, _NONE) for r in olds)}
    return same | kept_old, same | kept_new


_NONE: frozenset[str] = frozenset()


def referred_change(
    old: str, new: str, renumbering: Renumbering | None = None
) -> tuple[list[str], list[str]]:
    """Return the provisions only `old` refers to and those only `new` refers to, sorted, for
    `scope`: not those a `renumbering` reads as the same (`kept`), nor the ends of a range that
    lost a provision (`ranges.referenced_ranges`). None where no provision is referred to by
    the same number on both sides: a reference in place of another is as often a renumbering
    the text alone does not show, and one the alignment does not (a clause it left unpaired, a
    merge it paired one part of) adds no flag: a renumbering only takes references out.

    >>> referred_change("nach den §§ 651a und 5", "nach den §§ 651b und 5")
    (['651a'], ['651b'])
    >>> moved = Renumbering({"651a": frozenset(["651b"])}, frozenset(["sign"]),
    ...                     frozenset(["sign"]))
    >>> referred_change("nach den §§ 651a und 5", "nach den §§ 651b und 5", moved)
    ([], [])
    """
    # A range of the plan's own provisions that lost one the new plan still has refers to less.
    targets = None
    if renumbering is not None:
        ends = _own(old, renumbering.old_words)[1]
        targets = {n: renumbering.targets[n] for n in ends if n in renumbering.targets}
    ra, rb = referenced_ranges(old, new, targets)
    if ra == rb or not ra & rb:
        return [], []
    sa, sb = kept(old, new, ra, rb, renumbering)
    return sorted(ra - sa), sorted(rb - sb)
