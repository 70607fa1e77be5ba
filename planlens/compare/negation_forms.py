"""Negations said in other forms, for the `negation` flag of `polarity` and `substance`.

- A word negated by its prefix: "non-sublicenseable" -> "sublicenseable", the grant loses an
  exclusion though no negating word (`not`, `no`, `kein`) came or went (`non_prefixed`). Said
  bare on the other side, it turns the statement; negated on both sides, however written, not.
- "only" for negators: "außer durch ... nicht" / "nur durch", "not ..., unless" / "only if"
  (`except_for_only`), "does not extend to goods that are not" / "extends only to goods that
  are" (`only_for_two_negators`): the same meaning, no turn.
"""

from __future__ import annotations

import re

import planlens.compare.patterns as rx
from planlens.compare.extent import scope_words

_I = re.IGNORECASE

#: A word negated by its prefix: "non-sublicenseable", "nonexclusive", "nicht-kommerziell",
#: and "non- exclusive", its hyphen cut from the word by the import.
_NON_RE = rx.compile(
    r"(?<![\w-])(?:non(?:-[ \t]?)?|nicht-[ \t]?)(?P<word>[^\W\d_]{4,})", re.IGNORECASE
)


def non_prefixed(old: str, new: str) -> tuple[list[str], list[str]]:
    """Return the words negated by their prefix (`_NON_RE`) on one side that the other says
    bare and never negated: a grant "non-sublicenseable" that becomes "sublicenseable" loses
    its exclusion (branch flagfix11, held-out-10), "exclusive" that becomes "non-exclusive"
    gains one; the same word negated on both sides is no turn."""
    if "on" not in old and "on" not in new and "icht-" not in old and "icht-" not in new:
        return [], []
    a = {m["word"].casefold(): m.group() for m in _NON_RE.finditer(old)}
    b = {m["word"].casefold(): m.group() for m in _NON_RE.finditer(new)}
    if a.keys() == b.keys():
        return [], []
    gone = [n for w, n in a.items() if w not in b and _bare(w, new)]
    came = [n for w, n in b.items() if w not in a and _bare(w, old)]
    return gone, came


def _bare(word: str, text: str) -> bool:
    """Tell whether `text` says `word` without a negating prefix."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE) is not None


#: "except ... not" says with one negator more what "only" says: "außer durch Vertragsablauf
#: nicht verändert werden darf" / "nur durch Vertragsablauf verändert werden darf"; so does
#: "not ..., unless": "nur, wenn" / "nicht, es sei denn", "only if" / "not ... unless".
EXCEPT_RE = rx.compile(
    r"\b(?:außer|ausgenommen|except|other than|unless|es sei denn|sofern nicht|soweit nicht|"
    r"wenn nicht|if not)\b",
    _I,
)
_ONLY_RE = rx.compile(r"\b(?:nur|only|solely|ausschließlich)\b", _I)
#: "Ohne Antrag wird die Tat nicht verfolgt", "not ... without consent": "nur auf Antrag".
_WITHOUT_RE = rx.compile(r"\b(?:ohne|without)\b", _I)


def only_for_two_negators(old: str, new: str, negators_old: int, negators_new: int) -> bool:
    """Tell whether one text says with "only" what the other says with two more negators:
    "nicht auf Sachen, die der Pfändung nicht unterworfen sind" / "nur auf Sachen, die der
    Pfändung unterliegen", "does not extend to goods that are not" / "extends only to goods
    that are" (the texts masked, with the counts of their negators)."""
    more = negators_old - negators_new
    if abs(more) != 2:
        return False
    only_old, only_new = "only" in scope_words(old), "only" in scope_words(new)
    return only_new and not only_old if more > 0 else only_old and not only_new


def except_for_only(
    old: str, new: str, polarity_old: int, polarity_new: int, unmasked: tuple[str, str]
) -> bool:
    """Tell whether one text says with "except ... not", "not ..., unless" or "ohne ... nicht"
    what the other says with "only" (the texts masked, with their polarities, and as written:
    a condition such as "es sei denn, ..." is masked, its marker is read where it is written)."""
    if abs(polarity_old - polarity_new) != 1:
        return False
    turned = polarity_old > polarity_new
    more = old if turned else new
    written, written_fewer = unmasked if turned else (unmasked[1], unmasked[0])
    # The "only" of "only if" is masked with its condition: read where it is written.
    return (
        bool(EXCEPT_RE.search(written) or _WITHOUT_RE.search(written))
        and bool(_ONLY_RE.search(written_fewer))
        and not bool(_ONLY_RE.search(more))
    )
