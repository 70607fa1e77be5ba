"""The source sentences of the constructed negation set, drawn by a fixed rule.

    .venv/bin/python bench/flag_constructed_draw.py            # prints the drawn sentences
    .venv/bin/python bench/flag_constructed_draw.py --second   # those of the second draw

Real redrafts almost never turn a statement's polarity (the turns set: 0 true negation turns
in 92 pairs), so the recall of `negation` is measured on variants written by hand
(`bench/flags/constructed-*.constructed.yaml`, split `constructed`). Their source sentences
are not chosen by hand but drawn here, by a rule fixed before any sentence was looked at:

- five pools, each its texts' clauses in order (`walk`; not the `after-N` clauses of text
  between clauses, which the importer of the draws kept in notes), cut into sentences as the
  turns set cuts them (`flag_turns_candidates.sentences`): the licences of
  `../shared/corpora/licenses` (all, sorted by file name), the English plans of `plans/`
  (sorted by file name) as they were when both draws were made (git commit `PLANS_AT`: later
  corrections to the plans must not move what was drawn), BGB 2022, StGB 2022 and TKG 2021 (one
  clause per §);
- a sentence is eligible when it has `MIN_CHARS` to `MAX_CHARS` characters, starts with a
  capital letter or "(", and has a finite verb of a fixed list (`FINITE`: auxiliaries and
  modal verbs, the verbs whose polarity a hand-written variant turns most plainly);
- from each pool, `PER_POOL` sentences evenly spaced: the eligible sentence at index
  floor((i + 0.5) * n / m) for i = 0 .. m - 1, n eligible, m `PER_POOL[pool]`.

8 licence and 4 plan sentences (English), 4 each of BGB, StGB and TKG (German): 24 in all.

The second draw (`--second`, for the blind set `bench/flags/*--constructed-2.constructed-2.yaml`,
split `constructed-2`) was fixed the same way, before any of its sentences was read: the same
five pools, the same eligibility and the same `PER_POOL` counts, but the eligible sentence at
index floor(i * n / m) for i = 0 .. m - 1 (the start of each of the m stretches, where the first
draw takes their middle). When the sentence there is one the first draw took, or one this draw
has already taken (the same text: the licences repeat sentences), the next eligible sentence
after it that is neither is taken instead. 24 sentences again, 12 English and 12 German, none
of the first draw's.
"""

from __future__ import annotations

import re
import sys

from common import (
    LAW_FILES,
    LICENCES,
    has_commit,
    licence_paths,
    load_law,
    load_licence,
    load_our_plans_at,
)
from flag_turns_candidates import sentences

from planlens.plan.model import Plan

__all__ = [
    "LICENCES",
    "PLANS_AT",
    "draw",
    "draw_second",
    "eligible",
    "evenly",
    "plans_at_available",
    "starts",
]
#: The commit whose `plans/` both draws were made from (the plans' last change before the first
#: constructed set, 8e031ba, and the second, 244c855).
PLANS_AT = "981b346d235712e7a52833b4a7fdd34b9b256a26"
MIN_CHARS, MAX_CHARS = 60, 300
FINITE = {
    "en": re.compile(
        r"\b(?:shall|may|must|will|can|is|are|has|have|does|do|agrees?|undertakes?)\b"
    ),
    "de": re.compile(
        r"\b(?:ist|sind|hat|haben|kann|können|muss|müssen|darf|dürfen|soll|sollen|wird|werden|"
        r"gilt|gelten)\b"
    ),
}
PER_POOL = {"licences": 8, "plans": 4, "bgb-2022": 4, "stgb-2022": 4, "tkg-2021": 4}
_START = re.compile(r"[A-ZÄÖÜ(]")


def _sentences(plans: list[Plan]) -> list[str]:
    return [
        s
        for plan in plans
        for clause in plan.walk()
        if clause.text and not _between(clause.id)
        for s in sentences(clause.text)
    ]


def _between(clause_id: str) -> bool:
    """Tell whether a clause is the importer's unnumbered text between clauses (`after-N`):
    the importer of the draws kept that text in notes, so it was in no pool."""
    return clause_id.rsplit(".", 1)[-1].startswith("after-")


def pool(name: str) -> tuple[str, list[str]]:
    """Return the language and the sentences of pool `name`, in order."""
    if name == "licences":
        return "en", _sentences([load_licence(path) for path in licence_paths()])
    if name == "plans":
        return "en", _sentences([p for p in load_our_plans_at(PLANS_AT) if p.language == "en"])
    assert name in LAW_FILES
    return "de", _sentences([load_law(name)])


def plans_at_available() -> bool:
    """Tell whether the git history here holds `PLANS_AT`, the plans the draws were made from."""
    return has_commit(PLANS_AT)


def eligible(sentence: str, language: str) -> bool:
    """Tell whether `sentence` may be drawn (the rule of the module docstring).

    >>> eligible("Der Schuldner ist verpflichtet, die Leistung nach Treu und Glauben zu bewirken.",
    ...          "de")
    True
    >>> eligible("Section 4. Redistribution of the Work in any medium.", "en")
    False
    """
    return (
        MIN_CHARS <= len(sentence) <= MAX_CHARS
        and _START.match(sentence) is not None
        and FINITE[language].search(sentence) is not None
    )


def evenly(items: list[str], m: int) -> list[str]:
    """Return `m` items of `items` evenly spaced (all of them when there are no more than `m`).

    >>> evenly(list("abcdefghij"), 3)
    ['b', 'f', 'i']
    """
    n = len(items)
    if n <= m:
        return list(items)
    return [items[int((i + 0.5) * n / m)] for i in range(m)]


def starts(items: list[str], m: int, taken: set[str]) -> list[str]:
    """Return `m` items of `items` at the starts of m even stretches (the second draw): the item
    at index floor(i * n / m), or when that one is in `taken` or already returned, the next one
    after it that is neither (fewer when `items` runs out).

    >>> starts(list("abcdefghij"), 3, set())
    ['a', 'd', 'g']
    >>> starts(list("abcdefghij"), 3, {"d", "e"})
    ['a', 'f', 'g']
    >>> starts(list("aabc"), 2, set())
    ['a', 'b']
    """
    n = len(items)
    out: list[str] = []
    for i in range(m):
        k = i * n // m
        while k < n and (items[k] in taken or items[k] in out):
            k += 1
        if k < n:
            out.append(items[k])
    return out


def draw() -> list[tuple[str, str, str]]:
    """Return the drawn sentences: (pool, language, sentence)."""
    out = []
    for name, m in PER_POOL.items():
        language, found = pool(name)
        out += [(name, language, s) for s in evenly([s for s in found if eligible(s, language)], m)]
    return out


def draw_second() -> list[tuple[str, str, str]]:
    """Return the sentences of the second draw (the rule of the module docstring): (pool,
    language, sentence)."""
    taken = {sentence for _, _, sentence in draw()}
    out = []
    for name, m in PER_POOL.items():
        language, found = pool(name)
        chosen = starts([s for s in found if eligible(s, language)], m, taken)
        out += [(name, language, s) for s in chosen]
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    drawn = draw_second() if "--second" in args else draw()
    for i, (name, language, sentence) in enumerate(drawn, 1):
        print(f"{i:2} {name} {language}: {sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
