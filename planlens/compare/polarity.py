"""The polarity of a statement, compared within aligned phrases, for `substance` and `modality`.

Compared inside one group of aligned phrases (`phrases.align`: the same sentence or obligation
on both sides), never over a clause as a whole: an added sentence brings its own "will" and
"not", and they say nothing of the statements that stay. The force of its modal verbs is
`modality`'s, which reads the statement as masked here (`masked`, `unrelated`).

- `negation`: the same statement turns from positive to negative or back: a negator that the word
  diff changed, negating the clause (not an idiom such as "not limited to", not a phrase such as "a
  work not based on", "ein nicht rechtsfähiger Verein", "without cause" / "ohne Angabe von Gründen",
  not inside a relative clause: "Anbieter, bei denen es sich nicht um ... handelt"), next to a word
  that both sides have, in any form of it ("not" added to the same verb, "does not apply" / "also
  applies" by their stem, "kein" dropped before the same noun). A negation reworded with the same
  meaning is no turn: "ist abzusehen" / "nimmt nicht auf", "findet keine Anwendung" / "ist nicht
  anzuwenden", "außer durch ... nicht" / "nur durch", "nur, wenn" / "nicht, es sei denn", two
  negators for "only", and a negator that changes form where one goes and another comes ("Nothing
  herein is" / "This document is not", "without affecting" / "this does not affect"), and an antonym
  for a negation ("distinct from" / "not the same as", "Ebenso" / "Nicht anders", "unlawful" / "not
  lawful": `NEGATED_ANTONYMS`, `NEGATIVE_PREFIXES`). Not caught: a turn whose verb is reworded too
  ("will be maintained" / "will not be kept": no word of both sides stands by the negator).
- `turned_condition`: the same reading inside a condition both sides have (`same_condition`):
  "if X" / "if not X", "if lawful" / "if unlawful" (`opposites`), "unless X" / "if X" turn;
  "unless X" / "if not X", "if not lawful" / "if unlawful" do not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

import planlens.compare.lexicon as lx
import planlens.compare.patterns as rx
from planlens.compare.blocks import Blocks
from planlens.compare.conditions import Condition, blanked, condition_spans
from planlens.compare.extent import changed_spans
from planlens.compare.guards import guarded
from planlens.compare.negation_forms import (
    EXCEPT_RE,
    except_for_only,
    non_prefixed,
    only_for_two_negators,
)
from planlens.compare.phrases import phrase, similarity
from planlens.compare.statements import Span, dates, inside, word_pattern
from planlens.compare.stemming import stemmer

_I = re.IGNORECASE
NEGATOR_RE = Blocks(lx.NEGATORS, word_pattern, 1)  # in blocks, as `statements._DEADLINE`
#: An age said with a negator, "noch nicht achtzehn Jahre alt", "not yet 18 years old", is the
#: bound "unter achtzehn Jahren", "under 18": an idiom, as "nicht mehr als" is "höchstens".
_AGE_BOUND = r"noch\s+nicht\s+\w+\s+Jahre\s+alt\w*|not\s+yet\s+\w+\s+years\s+(?:old|of\s+age)"
NEGATION_IDIOM_RE = guarded(word_pattern(f"{lx.NEGATION_IDIOMS}|{_AGE_BOUND}"))
_NEGATED_BOUND_RE = rx.compile(rf"(?:{lx.NEGATED_BOUNDS})", _I)
#: Words that say "not" in a predicate of their own: a negation reworded with one of them on
#: the other side is the same polarity ("ist abzusehen" / "nimmt nicht auf").
_NEGATIVE_PREDICATE_RE = guarded(word_pattern(lx.NEGATIVE_PREDICATES))
#: A modal verb in a relative or subordinate clause describes, it does not commit: "parties who
#: may modify", "how they can obtain"; nor does one in a clause of purpose, to its end: "so that
#: a security zone at least 30 km wide, in which weapons are not used, can be created".
SUBORDINATE_RE = guarded(
    rx.compile(
        r"\b(?:who|which|whom|whose|how|whether)\b(?:\s+\w+){0,3}?\s+"
        r"(?:may|can|could|might|would|will|shall|should|must)\b|"
        r"\b(?:so that|in order that)\b[^.;:]*",
        _I,
    )
)
#: A relative clause after a comma ("Anbieter, bei denen es sich nicht um ... handelt", "works,
#: which are not ..."), to its end: what it says describes a noun, it is no polarity of the
#: statement.
_RELATIVE_RE = guarded(
    rx.compile(
        r",\s+(?:(?:bei|in|an|auf|von|mit|zu|für|aus|über|unter)\s+)?"
        r"(?:der|die|das|dem|den|denen|deren|dessen|welche[mnrs]?|who|which|whose|whom)\b[^,;.:]*"
    )
)
#: A German "nicht" before an inflected adjective or participle of a noun: "ein nicht
#: verjährbares Verbrechen", "nicht rechtsfähigen Vereinen"; not before a preposition or a
#: determiner ("nicht wegen Fahrlässigkeit", "nicht seine Rechte").
_ADJECTIVE_NOUN_RE = rx.compile(
    r"\s+(?!(?:wegen|gegen|binnen|neben|zwischen|entgegen|unten|oben|eben|gerne|deren|dessen|"
    r"(?:ein|kein|sein|ihr|unser|euer|dies|jen|all|jed|welch|manch)e?[mnrs]?)\s)"
    r"[a-zäöüß]{3,}(?:e|en|er|es|em)\s+[A-ZÄÖÜ]"
)
#: An English "not" negates the statement after an auxiliary or a modal verb ("shall not",
#: "does not", "is not") or before "to" ("agrees not to deploy"); elsewhere it negates a
#: phrase: "another work not based on the Program", "not only".
_AUXILIARY_BEFORE_RE = rx.compile(rf"\b(?:{lx.AUXILIARIES})\s+\Z", _I)
_TO_AFTER_RE = rx.compile(r"\s+to\b", _I)
#: Prepositions that negate by what they add ("without cause", "ohne Angabe von Gründen"): a
#: condition or manner, compared by `condition`, no polarity.
_PREPOSITIONS = frozenset(["without", "ohne"])
#: A marker or "that" that opens the clause after a marker that says "not": "außer wenn",
#: "es sei denn, dass", "except where".
_LEADING_MARKER_RE = rx.compile(
    r"\A[\s,]*(?:(?:wenn|falls|sofern|soweit|if|when|where|dass|daß|that)\b[\s,]*)*", _I
)
_CLAUSE_END_RE = rx.compile(r"[,;.:!?()]")
#: Particles that stand by a negator without being what it negates: "auch dann nicht", "not
#: even", "jedoch nicht", "sogar nicht"; nor is a reference's word: "nicht für § 675t Abs. 1".
_PARTICLES = frozenset(lx.PARTICLES.split())
_WORD_RE = rx.compile(r"[^\W\d_]+")
#: A negator before one word of a pair says what the other word says without one ("not the
#: same as" / "distinct from", "nicht anders" / "ebenso"), as before a word that a negative
#: prefix turns ("not lawful" / "unlawful", "nicht wirksam" / "unwirksam").
_ANTONYMS = tuple(
    (rx.compile(rf"(?:{negated})", _I), word_pattern(other))
    for negated, other in lx.NEGATED_ANTONYMS
)
_NEGATIVE_PREFIX_RE = rx.compile(rf"(?:{lx.NEGATIVE_PREFIXES})(?P<rest>[^\W\d_]{{5,}})", _I)
#: How many words after a negator its antonym may stand: "not be the same", "nicht anders".
_ANTONYM_REACH = 3
#: Below this overlap of their words, two aligned phrases are a rewrite, not one statement.
SAME_STATEMENT = 0.6
#: Two conditions share this share of their content stems or more: versions of one condition.
SAME_CONDITION = 0.5
#: Words as they are, unstemmed (`phrase`).
_same = str


@lru_cache(maxsize=4096)
def masked(text: str, bounds: bool = False) -> str:
    """Return `text` with its conditions, dates, negation idioms and describing clauses blanked;
    with `bounds`, a bound said with a negator ("not more than", "nicht mehr als") is kept, as
    `scope` reads it for "at most"."""
    spans = [(a, c) for a, _, c in condition_spans(text)] + [s for _, s in dates(text)]
    spans += [
        m.span()
        for m in NEGATION_IDIOM_RE.finditer(text)
        if not (bounds and _NEGATED_BOUND_RE.fullmatch(m.group()))
    ]
    spans += [m.span() for m in SUBORDINATE_RE.finditer(text)]
    return blanked(text, spans)


@lru_cache(maxsize=4096)  # asked by `negation` and by `modality` for the same statements
def unrelated(text: str) -> str:
    """Return masked `text` with its relative clauses blanked too: "Einrichtungen, die zu
    Telekommunikationszwecken genutzt werden können" describes, it commits nothing."""
    out = masked(text)
    return blanked(out, [m.span() for m in _RELATIVE_RE.finditer(out)])


def negators(text: str, within: Sequence[Span] | None = None) -> list[str]:
    """Return the negators of `text` that negate its statement (those inside `within` only,
    when given): not "without" / "ohne", not a German "nicht" before the adjective of a noun,
    not an English "not" that negates a phrase ("a work not based on")."""
    if within is None:
        return list(_statement_negators(text))
    return [m.group().casefold() for m in _negator_matches(text, within)]


@lru_cache(maxsize=4096)  # the same statement is counted by `negation`, `scope` and `condition`
def _statement_negators(text: str) -> tuple[str, ...]:
    return tuple(m.group().casefold() for m in _negator_matches(text))


def _negator_matches(text: str, within: Sequence[Span] | None = None) -> list[re.Match[str]]:
    return [
        m
        for m in NEGATOR_RE.finditer(text)
        if (within is None or inside(m.span(), within))
        and m.group().casefold() not in _PREPOSITIONS
        and not _attributive(text, m)
        and not _phrase_not(text, m)
    ]


def _attributive(text: str, m: re.Match[str]) -> bool:
    """Tell whether the negator `m` is a German "nicht" before an adjective of a noun."""
    return m.group().casefold() == "nicht" and _ADJECTIVE_NOUN_RE.match(text, m.end()) is not None


def _phrase_not(text: str, m: re.Match[str]) -> bool:
    """Tell whether `m` is an English "not" that negates a phrase, not the statement."""
    if m.group().casefold() != "not":
        return False
    before = _AUXILIARY_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
    return before is None and _TO_AFTER_RE.match(text, m.end()) is None


def _anchor(text: str, m: re.Match[str]) -> str | None:
    """Return the word the negator `m` stands by: the first content word after it in its
    clause ("not attack", "kein Antrag"), else the last one before it ("verjähren nicht")."""
    end = _CLAUSE_END_RE.search(text, m.end())
    after = text[m.end() : end.start() if end else len(text)]
    for word in _WORD_RE.findall(after):
        if phrase(word, _same).stems and word.casefold() not in _PARTICLES:
            return str(word).casefold()
    starts = [e.end() for e in _CLAUSE_END_RE.finditer(text, 0, m.start())]
    for word in _WORD_RE.findall(text[starts[-1] if starts else 0 : m.start()])[::-1]:
        if phrase(word, _same).stems and word.casefold() not in _PARTICLES:
            return str(word).casefold()
    return None


#: The stemmers a form of a word is matched with: the texts' language is not known here, and
#: an English stem and a German one of two different words rarely meet.
_STEMMERS = (stemmer("en"), stemmer("de"))
#: A stem of fewer letters says too little to be one word: "deren" and "der" are both "der".
_STEM_MIN = 4


def has_form(words: frozenset[str], word: str) -> bool:
    """Tell whether `words` has `word` or a form of it: the same first five letters, the same
    stem of four letters or more ("apply" / "applies"; not "deren" / "der"), or, for a word of
    three letters or more, it with "s" or "es" ("does not pay" / "pays", "not owe" / "owes")."""
    if word in words or any(w[:5] == word[:5] for w in words if len(word) > 5 < len(w)):
        return True
    if len(word) > 2 and not words.isdisjoint((word + "s", word + "es")):
        return True
    for stem in _STEMMERS:
        root = stem(word)
        if len(root) >= _STEM_MIN and any(stem(w) == root for w in words):
            return True
    return False


def _polarity(text: str) -> int:
    return len(negators(text)) + sum(1 for _ in _NEGATIVE_PREDICATE_RE.finditer(text))


def negation(old: str, new: str) -> tuple[list[str], list[str]]:
    """Return the negators that turned the polarity of one statement (two aligned phrases)."""
    if (prefixed := non_prefixed(old, new)) != ([], []):
        return prefixed
    mo, mn = unrelated(old), unrelated(new)
    a, b = _polarity(mo), _polarity(mn)
    if a == b or except_for_only(mo, mn, a, b, (old, new)):
        return [], []
    # Two negators for "only" count those of relative clauses too: "nicht auf Sachen, die der
    # Pfändung nicht unterworfen sind" / "nur auf Sachen, die der Pfändung unterliegen".
    wo, wn = masked(old), masked(new)
    if only_for_two_negators(wo, wn, _polarity(wo), _polarity(wn)):
        return [], []
    # A statement that turns negative stays the same statement otherwise; in a phrase rewritten
    # beyond that, a negator that comes or goes belongs to the rewording ("at no charge").
    if similarity(phrase(old, _same), phrase(new, _same)) < SAME_STATEMENT:
        return [], []
    # Only a negator the word diff changed counts, and only next to a word both sides have:
    # "not" added to the same verb, "kein" dropped before the same noun. One that came with
    # words of its own ("noch nicht abschließend bearbeitet") came with them.
    changed_old, changed_new = changed_spans(old, new)
    words_old = frozenset(w.casefold() for w in _WORD_RE.findall(old))
    words_new = frozenset(w.casefold() for w in _WORD_RE.findall(new))
    # A negator before a word the other side says with its antonym is no turn: "not the same
    # as" / "distinct from", "nicht anders" / "ebenso", "not lawful" / "unlawful".
    gone = _anchored(mo, changed_old, words_new, other=new)
    came = _anchored(mn, changed_new, words_old, other=old)
    if len(gone) == len(came):
        return [], []
    # A negator that changed form keeps the polarity: "Nothing herein is intended or shall"
    # / "This document is not intended and shall not", "without affecting" / "this does not
    # affect", "ohne ... zu berühren" / "berührt nicht": one went where another came.
    if (gone or _anchored(mo, changed_old, words_new, _PREPOSITIONS)) and (
        came or _anchored(mn, changed_new, words_old, _PREPOSITIONS)
    ):
        return [], []
    return _difference(gone, came)


def turned_condition(
    old: str, old_opening: int, new: str, new_opening: int, statements: tuple[str, str] = ("", "")
) -> bool:
    """Tell whether a condition both sides have turns by a negator: "wenn der Vertrag
    unwirksam wird" / "wenn der Vertrag nicht unwirksam wird". Each is written from its marker,
    the first `*_opening` characters. `negation` decides over the clauses after the markers, so
    a negation reworded is no turn ("kann nicht ... werden" / "kann kein ... werden"); a word
    with a negative prefix or an antonym turns it, unless a negator stands by its other word
    (`opposites`: "lawful" / "unlawful" turns, "not lawful" / "unlawful" does not). Where one
    marker says "not" and the other does not (`EXCEPT_RE`: "unless", "es sei denn"), the
    negation moved into or out of the marker: "unless X" / "if not X" is none; "unless X" / "if
    X" turns, read only where the clauses after the markers have the same words (`_same_words`:
    `negation` cannot tell a negator it does not see from one that is not there, "unless he
    fails to pay" / "if he pays") and the `statements` the conditions stand in keep their
    polarity ("nur, wenn X" / "nicht, es sei denn, X" is one rule)."""
    clause_old, negated_old = _after_opening(old, old_opening)
    clause_new, negated_new = _after_opening(new, new_opening)
    if negated_old != negated_new:
        return _same_words(clause_old, clause_new) and _polarity(
            unrelated(statements[0])
        ) == _polarity(unrelated(statements[1]))
    if any(turns for _, _, turns in opposites(clause_old, clause_new)):
        return True
    # `negation` finds a turn only by a negator of one side: most conditions have none.
    if NEGATOR_RE.search(clause_old) is None and NEGATOR_RE.search(clause_new) is None:
        return False
    return any(negation(clause_old, clause_new))


def same_condition(a: Condition, b: Condition, stem: Callable[[str], str]) -> bool:
    """Tell whether two conditions are versions of one: half their stems shared, a word counted
    as the one it opposes (`opposites`: "if not lawful" / "if unlawful")."""
    shared, union = len(a.words & b.words), len(a.words | b.words)
    if not union or shared >= SAME_CONDITION * union:
        return True
    # A pair of opposites makes one stem shared and needs a prefix or an antonym (`_opposable`).
    pairs = min(len(a.words) - shared, len(b.words) - shared)
    if shared + pairs < SAME_CONDITION * (union - pairs):
        return False
    clause_a, clause_b = a.written[a.opening :], b.written[b.opening :]
    pairs = min(pairs, _opposable(clause_a) + _opposable(clause_b))
    if not pairs or shared + pairs < SAME_CONDITION * (union - pairs):
        return False
    words = set(b.words)
    for word_a, word_b, _ in opposites(clause_a, clause_b):
        words = (words - phrase(word_b, stem).stems) | phrase(word_a, stem).stems
    return len(a.words & words) >= SAME_CONDITION * len(a.words | words)


def opposites(old: str, new: str) -> list[tuple[str, str, bool]]:
    """Return the words of `old` that say the opposite of a word only `new` has, as pairs (old
    word, new word, whether it turns the polarity): a negative prefix before a word the other
    side has ("unlawful" / "lawful") or an antonym (`NEGATED_ANTONYMS`). A pair turns unless a
    negator stands before one of its words ("not lawful" / "unlawful"); two negations cancel."""
    if new < old:  # each pair of conditions is compared both ways round: once is enough
        return [(a, b, turns) for b, a, turns in _opposites(new, old)]
    return list(_opposites(old, new))


@lru_cache(maxsize=4096)
def _opposites(old: str, new: str) -> tuple[tuple[str, str, bool], ...]:
    words_old, words_new = _word_starts(old), _word_starts(new)
    only_new = [w for w in words_new if w not in words_old]
    # Only words that start alike, after a prefix, can be a pair; and the antonyms.
    by_start: dict[str, list[str]] = {}
    by_rest: dict[str, list[str]] = {}
    for other in only_new:
        by_start.setdefault(other[:3], []).append(other)
        if (rest := _rest(other)) is not None:
            by_rest.setdefault(rest[:3], []).append(other)
    antonyms = [w for w in only_new if any(_antonym_sides(w))]
    found = []
    taken: set[str] = set()
    for word in words_old:
        if word in words_new:
            continue
        rest = _rest(word)
        candidates = by_rest.get(word[:3], []) + (by_start.get(rest[:3], []) if rest else [])
        for other in candidates + (antonyms if any(_antonym_sides(word)) else []):
            if other not in taken and (_opposite(word, other) or _opposite(other, word)):
                negated = _negated_at(old, words_old[word]) + _negated_at(new, words_new[other])
                found.append((word, other, negated % 2 == 0))
                taken.add(other)
                break
    return tuple(found)


@lru_cache(maxsize=4096)
def _opposable(text: str) -> int:
    """Return how many words of `text` have a negative prefix or are an antonym."""
    return sum(1 for w in _word_starts(text) if _rest(w) is not None or any(_antonym_sides(w)))


@lru_cache(maxsize=4096)
def _word_starts(text: str) -> dict[str, int]:
    """Return each word of `text`, casefolded, with where it first stands."""
    return {m.group().casefold(): m.start() for m in reversed(list(_WORD_RE.finditer(text)))}


@lru_cache(maxsize=8192)
def _rest(word: str) -> str | None:
    """Return what follows a negative prefix of `word` ("lawful" of "unlawful"), if it has one."""
    p = _NEGATIVE_PREFIX_RE.fullmatch(word)
    return p.group("rest") if p is not None else None


def _opposite(word: str, other: str) -> bool:
    """Tell whether `other` says what "not `word`" says: a negative prefix before `word` or a
    form of it ("unlawful" / "lawful"), or an antonym ("distinct" / "identical")."""
    rest = _rest(other)
    if rest is not None and len(word) >= 4 and has_form(frozenset([rest]), word):
        return True
    return not _antonym_sides(word)[0].isdisjoint(_antonym_sides(other)[1])


@lru_cache(maxsize=8192)
def _antonym_sides(word: str) -> tuple[frozenset[int], frozenset[int]]:
    """Return the indexes of the `_ANTONYMS` whose negated word, and whose antonym, `word` is."""
    return (
        frozenset(i for i, (negated, _) in enumerate(_ANTONYMS) if negated.fullmatch(word)),
        frozenset(i for i, (_, antonym) in enumerate(_ANTONYMS) if antonym.fullmatch(word)),
    )


def _negated_at(text: str, at: int) -> int:
    """Return 1 where a negator stands before the word at `at` ("not lawful"), else 0."""
    starts = [e.end() for e in _CLAUSE_END_RE.finditer(text, 0, at)]
    words = [m.start() for m in _WORD_RE.finditer(text, starts[-1] if starts else 0, at)]
    window = text[words[-_ANTONYM_REACH:][0] if words else at : at]
    return int(any(m.group().casefold() not in _PREPOSITIONS for m in NEGATOR_RE.finditer(window)))


def _same_words(old: str, new: str) -> bool:
    """Tell whether two clauses after their markers have the same words, a marker that opens one
    left out ("es sei denn, dass X" / "wenn X"); not "fails to pay" / "pays", "X" / "X not"."""
    a, b = ({w.casefold() for w in _WORD_RE.findall(_LEADING_MARKER_RE.sub("", c, 1))}
            for c in (old, new))  # fmt: skip
    return a == b and any(phrase(w, _same).stems for w in a)


def _after_opening(written: str, opening: int) -> tuple[str, bool]:
    """Return a condition's clause after its marker, and whether the marker says "not"; a
    negator right after it is the marker's ("if not", "sofern nicht")."""
    negated = EXCEPT_RE.match(written)
    return written[max(opening, negated.end() if negated else 0) :], negated is not None


def _anchored(
    text: str,
    within: Sequence[Span],
    other_words: frozenset[str],
    prepositions: frozenset[str] = frozenset(),
    other: str = "",
) -> list[str]:
    """Return the negators of `text` inside `within` next to a word of `other_words`; with
    `prepositions`, those of them only ("without", "ohne"), which `negators` leaves out; with
    the `other` text, not those that say what it says with an antonym (`_antonym`)."""
    if prepositions:
        found = [
            m
            for m in NEGATOR_RE.finditer(text)
            if inside(m.span(), within) and m.group().casefold() in prepositions
        ]
    else:
        found = _negator_matches(text, within)
    out = []
    for m in found:
        anchor = _anchor(text, m)
        if anchor is not None and has_form(other_words, anchor):
            if other and _antonym(text, m, other):
                continue
            out.append(m.group().casefold())
    return out


def _antonym(text: str, m: re.Match[str], other: str) -> bool:
    """Tell whether the negator `m` of `text` says with the words after it what `other` says
    with an antonym or a negative prefix: "not the same as" / "distinct from", "nicht anders"
    / "ebenso", "not lawful" / "unlawful"; a negation reworded, no turn."""
    end = _CLAUSE_END_RE.search(text, m.end())
    after = _WORD_RE.findall(text, m.end(), end.start() if end else len(text))[:_ANTONYM_REACH]
    other_words = [w.casefold() for w in _WORD_RE.findall(other)]
    own_words = frozenset(w.casefold() for w in _WORD_RE.findall(text))
    for word in after:
        for negated, antonym in _ANTONYMS:
            if negated.fullmatch(word) and any(
                antonym.fullmatch(w) and w not in own_words for w in other_words
            ):
                return True
        if len(word) >= 4 and any(
            (p := _NEGATIVE_PREFIX_RE.fullmatch(w)) is not None
            and w not in own_words
            and has_form(frozenset([p.group("rest")]), word.casefold())
            for w in other_words
        ):
            return True
    return False


def _difference(before: list[str], after: list[str]) -> tuple[list[str], list[str]]:
    gone, came = Counter(before) - Counter(after), Counter(after) - Counter(before)
    return list(gone.elements()), list(came.elements())
