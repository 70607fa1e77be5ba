"""Sentences that carry a provision over to more cases, for the `scope` flag.

"Dies gilt auch in Fällen des § 114", "Die Sätze 1 bis 4 gelten auch für ...", "Um einen
Verbrauchsgüterkauf handelt es sich auch bei einem Vertrag, der ...", "The same applies to
...": added or dropped, such a sentence widens or narrows the provision it names, which both
texts keep (`scope`); it states no rule of its own (`substance`'s `provision` leaves it out).
"""

from __future__ import annotations

import re

import planlens.compare.patterns as rx
from planlens.compare.phrases import Alignment, Phrase, split_phrases

#: A sentence that carries the provision before it over to more cases: "Dies gilt auch in
#: Fällen des § 114", "dies gilt entsprechend, wenn ...", "The same applies to ...", and one
#: that names the sentences it carries over or the term it widens: "Die Sätze 1 bis 4 gelten
#: auch für ...", "Um einen Verbrauchsgüterkauf handelt es sich auch bei einem Vertrag, der
#: ...", "Section 2 also applies to ...". Not "Dies gilt auch, wenn ...", "Absatz 1 gilt
#: entsprechend, wenn ..." nor "Ebenso wird bestraft, wer ...": a rule for a case of its own.
_EXTENDS_RE = rx.compile(
    r"\W*(?:\(\d+\w?\)\s*)?(?:(?:dies|das|gleiches|dasselbe)\s+gilt\s+(?:entsprechend|"
    r"(?:auch|ebenso)\s+(?:in\s+(?:den\s+)?Fällen|für|bei))\b|"
    r"(?:die\s+)?(?:Sätze|Satz|Absätze|Absatz|Nummern|Nummer)\s+\d+\w?"
    r"(?:\s+(?:bis|und|oder)\s+\d+\w?)?\s+(?:gilt|gelten)\s+(?:auch|ebenso|entsprechend)\s+"
    r"(?:in\s+(?:den\s+)?Fällen|für|bei)\b|"
    r"um\s+(?:einen|eine|ein)\s+[\w-]+\s+handelt\s+es\s+sich\s+auch\s+(?:bei|um)\b|"
    r"(?:this|the\s+same|(?:sub)?sections?\s+\d+(?:\.\d+)*\w?)\s+(?:also\s+)?"
    r"(?:applies|apply|shall\s+(?:also\s+)?apply)\s+(?:also\s+)?(?:to|in)\b)",
    re.IGNORECASE,
)


def extends(p: Phrase) -> bool:
    """Tell whether a phrase carries the provision before it over to more cases (`_EXTENDS_RE`):
    no rule of its own, a change of that provision's scope."""
    return _EXTENDS_RE.match(p.text) is not None


def extensions(
    alignment: Alignment, merged: set[int], texts: tuple[str, str]
) -> tuple[list[Phrase], list[Phrase]]:
    """Return the sentences that carry a provision over to more cases (`extends`), removed
    and added, but those `merged` into a list (`phrases.folded`); not one that follows a
    phrase removed or added with it: it goes or comes with the provision it extends, which is
    a `provision` of its own."""
    out: tuple[list[Phrase], list[Phrase]] = ([], [])
    for phrases, text, found in (
        (alignment.removed, texts[0], out[0]),
        (alignment.added, texts[1], out[1]),
    ):
        for p in phrases:
            if extends(p) and id(p) not in merged and not _after(p, phrases, text):
                found.append(p)
    return out


def _after(p: Phrase, phrases: tuple[Phrase, ...], text: str) -> bool:
    """Tell whether the phrase of `text` just before `p` is one of `phrases`."""
    start = text.find(p.text)
    before = split_phrases(text[:start]) if start > 0 else []
    return bool(before) and any(q.text == before[-1] for q in phrases)
