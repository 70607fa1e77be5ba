"""Changes of substance between two texts: figures, deadlines, negation, modality, parties, ...

A flag names what of one kind the old text had that the new one has not, and the reverse.
Flags decide whether a changed clause is `modified` (substance changed) or only `reworded`.
The word lists cover English and German, the languages of the shipped plans and corpora.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from planlens.compare.model import Flag, FlagType

_UNITS = (
    r"(?:%|per ?cent|percent|billion|million|thousand|bn|km|mm|days?|weeks?|months?|years?|"
    r"hours?|Tage?n?|Wochen?|Monate?n?|Jahre?n?|Prozent|Milliarden?|Millionen?)"
)
_NUMBER_WORDS = (
    "one(?!\\s+another)|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    "forty|fifty|sixty|hundred|thousand|million|billion|half|double|twice|"
    "eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|zwanzig|hundert|tausend|hälfte"
)
_NUMBER_RE = re.compile(
    rf"(?:US\$|\$|€|£)?\d(?:[\d,.]*\d)?(?:\s?{_UNITS}\b)?|\b(?:{_NUMBER_WORDS})\b(?:\s{_UNITS}\b)?",
    re.IGNORECASE,
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "januar|februar|märz|juni|juli|oktober|dezember"
)
_DATE_RE = re.compile(
    rf"\b(?:within\s+\S+\s+\w+|no later than|as soon as possible|immediately|deadline|until|"
    rf"by the end of|before|after|binnen|innerhalb|unverzüglich|spätestens|bis zum|"
    rf"(?:\d{{1,2}}\s+)?(?:{_MONTHS})(?:\s+\d{{4}})?|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_NEGATION_RE = re.compile(
    r"\b(?:not|no(?!\s+one\b)|never|nor|neither|none|without(?!\s+delay)|cannot|\w+n't|nicht|kein\w*|nie|niemals|ohne)\b",
    re.IGNORECASE,
)
_MODALITY_RE = re.compile(
    r"\b(?:will|shall|may|must|should|can|could|might|would|expected|"
    r"muss|müssen|soll|sollen|kann|können|darf|dürfen|wird|werden)\b",
    re.IGNORECASE,
)
_CONDITION_RE = re.compile(
    r"\b(?:if|unless|once|provided|subject to|in case|only when|whenever|as long as|"
    r"in peacetime|in wartime|wenn|falls|sofern|soweit|es sei denn)\b",
    re.IGNORECASE,
)
_SCOPE_RE = re.compile(
    r"\b(?:all|any|some|every|each(?!\s+other)|only|full|fully|entire|partial|partially|whole|"
    r"alle\w*|jede\w*|einige\w*|nur|sämtliche\w*)\b",
    re.IGNORECASE,
)
#: A run of capitalised words, allowing "of" inside: United States, Line of Contact.
_NAME_RE = re.compile(
    r"\b(?:[A-Z]\.|[A-Z][\w’'-]*)(?:\s+(?:of\s+)?(?:[A-Z]\.(?!\s*$)|[A-Z][\w’'-]*))*"
)


def party_names(texts: Iterable[str]) -> frozenset[str]:
    """Return the capitalised words that stand somewhere other than at a sentence's start.

    A capital at the start of a sentence says nothing ("Frozen assets are ..."); a capital
    inside one marks a name. Collected over whole plans, these decide which capitalised words
    in a clause are parties.

    >>> sorted(party_names(["Frozen assets go to Ukraine.", "The US and NATO agree."]))
    ['NATO', 'US', 'Ukraine']
    """
    names: set[str] = set()
    for text in texts:
        for match in _CAPITAL_RE.finditer(text):
            k = match.start() - 1
            while k >= 0 and text[k] in " \t":
                k -= 1
            if k >= 0 and text[k] not in _SENTENCE_ENDS:
                names.add(match.group())
    return frozenset(names)


_ACRONYM_RE = re.compile(r"\b(?:[A-Z]{2,}|[A-Z]\w*\d\w*)\b")
_CAPITAL_RE = re.compile(r"\b[A-Z][\w’'-]*")
#: What may stand before a sentence's first word: an end of sentence, a line break, a bullet.
_SENTENCE_ENDS = frozenset('.!?:;\n*-("“')


def _parties(text: str, language: str | None, names: frozenset[str] | None) -> list[str]:
    """Return the names of parties, places and bodies in `text`.

    A capitalised run counts when it is an acronym (US, NATO, G8) or holds a word from `names`.
    In German every noun is capitalised, so there only acronyms count.
    """
    if language == "de":
        return [m.group() for m in _ACRONYM_RE.finditer(text)]
    found: list[str] = []
    for match in _NAME_RE.finditer(text):
        # "NATO's Article 5" names two things; "The United States" one, without its article.
        for piece in re.split(r"['’]s\b\s*", match.group()):
            parts = piece.split()
            known = [
                _acronym(part) or (language != "de" and part in (names or ())) for part in parts
            ]
            if not any(known):
                continue
            # Trim words that are not names from the ends: "If Ukraine", "The United States".
            first = known.index(True)
            last = len(known) - known[::-1].index(True)
            if language == "de":
                found.extend(part for part, ok in zip(parts, known, strict=True) if ok)
            else:
                found.append(" ".join(parts[first:last]).rstrip("."))
    return found


def _acronym(word: str) -> bool:
    return (word.isupper() and len(word) > 1) or (
        word[0].isupper() and any(c.isdigit() for c in word)
    )


_Extract = Callable[[str, str | None, frozenset[str] | None], list[str]]


def _matches(pattern: re.Pattern[str]) -> _Extract:
    def extract(text: str, language: str | None, names: frozenset[str] | None) -> list[str]:
        del language, names
        return [" ".join(m.group().split()).casefold() for m in pattern.finditer(text)]

    return extract


def _numbers(text: str, language: str | None, names: frozenset[str] | None) -> list[str]:
    del language, names
    return [" ".join(m.group().split()) for m in _NUMBER_RE.finditer(text)]


_EXTRACTORS: tuple[tuple[FlagType, _Extract], ...] = (
    ("number", _numbers),
    ("date", _matches(_DATE_RE)),
    ("negation", _matches(_NEGATION_RE)),
    ("modality", _matches(_MODALITY_RE)),
    ("party", _parties),
    ("condition", _matches(_CONDITION_RE)),
    ("scope", _matches(_SCOPE_RE)),
)


def substance_flags(
    old: str, new: str, language: str | None = None, names: frozenset[str] | None = None
) -> tuple[Flag, ...]:
    """Return a flag for each kind of substance that differs between `old` and `new`.

    `names` are the words known to be names (see `party_names`); without them, only acronyms
    count as parties.

    >>> for flag in substance_flags("capped at 600,000 personnel", "capped at 800,000 personnel"):
    ...     print(flag)
    Flag(type='number', old='600,000', new='800,000')
    >>> substance_flags("The US will respond.", "The US, NATO and EU states will respond.")
    (Flag(type='party', old='', new='NATO, EU'),)
    >>> substance_flags("Elections within 100 days.", "Elections as soon as possible.")[1]
    Flag(type='date', old='within 100 days', new='as soon as possible')
    """
    flags: list[Flag] = []
    for kind, extract in _EXTRACTORS:
        before, after = extract(old, language, names), extract(new, language, names)
        gone = Counter(before) - Counter(after)
        came = Counter(after) - Counter(before)
        if gone or came:
            flags.append(Flag(kind, _listed(before, gone), _listed(after, came)))
    return tuple(flags)


def _listed(items: list[str], wanted: Counter[str]) -> str:
    """Return the `wanted` items, once each, in the order they occur in `items`."""
    return ", ".join(dict.fromkeys(item for item in items if item in wanted))
