"""Sentences that carry a provision over to more cases, for the `scope` flag, and others that
belong to the provision before them, no rule of their own.

"Dies gilt auch in Fällen des § 114", "Die Sätze 1 bis 4 gelten auch für ...", "Um einen
Verbrauchsgüterkauf handelt es sich auch bei einem Vertrag, der ...", "The same applies to
...": added or dropped, such a sentence widens or narrows the provision it names, which both
texts keep (`scope`); it states no rule of its own (`substance`'s `provision` leaves it out).
Nor does one that narrows the provision it refers back to by a necessary condition (`narrows`:
its `condition`), nor one that only gives the form of a declaration named before it
(`form_only`: "der Hinweis muss in Textform erfolgen", the form being none of the kinds).
"""

from __future__ import annotations

import re

import planlens.compare.lexicon as lx
import planlens.compare.patterns as rx
from planlens.compare.phrases import Alignment, Phrase, split_phrases

#: A sentence that carries the provision before it over to more cases: "Dies gilt auch in
#: Fällen des § 114", "dies gilt entsprechend, wenn ...", "The same applies to ...", and one
#: that names the sentences it carries over or the term it widens: "Die Sätze 1 bis 4 gelten
#: auch für ...", "Um einen Verbrauchsgüterkauf handelt es sich auch bei einem Vertrag, der
#: ...", "Section 2 also applies to ...", and the same consequence for a further case,
#: "Gleiches gilt, wenn ...", "the same applies where ..." (the held-out-6 call). Not "Dies gilt
#: auch, wenn ...", "Absatz 1 gilt entsprechend, wenn ..." nor "Ebenso wird bestraft, wer ...":
#: a rule for a case of its own (the earlier sets' labels).
_EXTENDS_RE = rx.compile(
    r"\W*(?:\(\d+\w?\)\s*)?(?:(?:dies|das|gleiches|dasselbe)\s+gilt\s+(?:entsprechend|"
    r"(?:auch|ebenso)\s+(?:in\s+(?:den\s+)?Fällen|für|bei))\b|"
    r"(?:gleiches|dasselbe)\s+gilt(?:\s+(?:auch|ebenso|entsprechend))?,?\s+(?:wenn|falls|soweit)\b|"
    r"the\s+same\s+(?:applies|shall\s+apply)\s+(?:if|where|when)\b|"
    r"(?:die\s+)?(?:Sätze|Satz|Absätze|Absatz|Nummern|Nummer)\s+\d+\w?"
    r"(?:\s+(?:bis|und|oder)\s+\d+\w?)?\s+(?:gilt|gelten)\s+(?:auch|ebenso|entsprechend)\s+"
    r"(?:in\s+(?:den\s+)?Fällen|für|bei)\b|"
    r"um\s+(?:einen|eine|ein)\s+[\w-]+\s+handelt\s+es\s+sich\s+auch\s+(?:bei|um)\b|"
    r"(?:this|the\s+same|(?:sub)?sections?\s+\d+(?:\.\d+)*\w?)\s+(?:also\s+)?"
    r"(?:applies|apply|shall\s+(?:also\s+)?apply)\s+(?:also\s+)?(?:to|in)\b)",
    re.IGNORECASE,
)


#: A sentence that narrows the provision before it to the cases a necessary condition names,
#: referring back to it: "Ist der Besteller ein Verbraucher, so treten die Rechtsfolgen des
#: Satzes 1 nur dann ein, wenn ...", "so trifft das Gericht eine solche Anordnung nur, wenn
#: ...", "If the buyer is a consumer, the consequences of sentence 1 arise only if ...". The
#: counterpart of "Dies gilt auch": a `condition` of that provision (the labels' call), no rule
#: of its own.
_BACK_RE = rx.compile(
    r"\b(?:(?:des|dem|nach|gemäß|von)\s+(?:Satz(?:es)?|Absatz(?:es)?)\s+\d+\w?|"
    r"(?:solche|derartige)[nmrs]?|such\s+an?|(?:of|under|in)\s+(?:sentence|paragraph|"
    r"subsection)\s+\d+\w?)\b",
    re.IGNORECASE,
)
_ONLY_WHEN_RE = rx.compile(
    r"\b(?:nur(?:\s+dann)?(?:\s+\w+)?,?\s+(?:wenn|falls|sofern|soweit)|"
    r"only\s+(?:if|where|when|to\s+the\s+extent))\b",
    re.IGNORECASE,
)


def narrows(p: Phrase) -> bool:
    """Tell whether a phrase narrows the provision it refers back to by a necessary condition
    (`_BACK_RE` before `_ONLY_WHEN_RE`): no rule of its own, a condition of that provision."""
    back = _BACK_RE.search(p.text)
    return back is not None and _ONLY_WHEN_RE.search(p.text, back.end()) is not None


#: A sentence that only gives the form of a declaration or notice the text named before it
#: (a definite article): "der Hinweis muss in Textform erfolgen", "die Erklärung bedarf der
#: Schriftform", "the notice must be given in written form". Not "Ein Vertrag, durch den ...,
#: bedarf der Textform": a form required of a contract the text had not named, a rule.
_FORM_ONLY_RE = rx.compile(
    r"\W*(?:der|die|das|diese[rs]?|the|this|that|such)\s+[\w-]+(?:\s+[\w-]+)?\s+"
    r"(?:muss|müssen|bedarf|bedürfen|hat|haben|ist|sind|must|shall|is\s+to|has\s+to)\s+"
    rf"(?:be\s+(?:made|given|submitted|sent)\s+)?(?:{lx.DECLARED_FORMS})"
    r"(?:\s+(?:zu\s+)?(?:erfolgen|abzugeben|abgegeben\s+werden|be\s+(?:made|given)))?\W*",
    re.IGNORECASE,
)


def form_only(p: Phrase) -> bool:
    """Tell whether a phrase only gives the form of a declaration named before it
    (`_FORM_ONLY_RE`): the form a duty is met in is none of the kinds, so no provision."""
    return _FORM_ONLY_RE.fullmatch(p.text) is not None


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
