"""Words of a clause's text: which may change, rewording, figures, split points, word counts.

What `bench/synth.py`'s text mutations need below the level of clauses: the words that carry
substance and are never touched (`PROTECTED_WORDS`), `reword_text` (the edit of `reword` and
`move+edit`), the figures `figure` may change (`figures`, `change_figure`), and where `split`
may cut a text (`split_point`).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence

#: The least words of each piece of a split and each part of a merge, and the least share of
#: the larger one the smaller must have: each part is recognisably part of the whole.
MIN_PART_WORDS = 8
MIN_PART_SHARE = 0.25
#: The least words of a text to reword (a 25% rewording of a five-word clause is a different
#: clause), and the share of its words a rewording changes.
MIN_EDIT_WORDS = 8
REWORD_RATE = (0.15, 0.25)
#: A text brought in from another document may share at most this share of its words with any
#: clause present.
MAX_DONOR_OVERLAP = 0.5

_WORD_RE = re.compile(r"([^\W\d_]+(?:[-'’][^\W\d_]+)*)")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_DOUBLE_SPACE_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
_SPLIT_RE = re.compile(r"(?<=[.;:])\s+(?=\S)|\n\s*\n")

#: Words whose change alters substance, in English and German: negation, modality, condition,
#: scope, time and deadlines, number words and units (a unit belongs to the figure before it),
#: and the small words of fixed phrases ("as soon as possible", "subject to", "in case").
#: They are never rewritten, never deleted, and never inserted by `reword`.
_PROTECTED = """
    not no never nor neither none nothing nobody without cannot non unless except excluding
    shall must may might can could should will would ought need needs required require requires
    obliged entitled allowed permitted prohibited forbidden expected
    if provided subject to only until when whenever where whereas once while after before case
    as long soon possible later than within immediately deadline end peacetime wartime
    all any each every some both either including includes exclusively full fully entire
    partial partially whole
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty sixty hundred thousand million billion half double twice percent per cent bn km mm
    day days week weeks month months year years hour hours
    january february march april june july august september october november december
    nicht kein nie niemals ohne weder noch nichts niemand
    muss müssen musste mussten soll sollen sollte sollten darf dürfen durfte durften kann können
    konnte konnten könnte könnten will wollen wollte mag mögen möge wird werden wurde wurden
    wenn falls sofern soweit solange außer ausser sei denn nur bis zum sobald bevor nachdem
    binnen innerhalb unverzüglich spätestens insbesondere mindestens höchstens
    eins zwei drei vier fünf sechs sieben acht neun zehn zwölf zwanzig hundert tausend hälfte
    tag tage tagen woche wochen monat monate monaten jahr jahre jahren prozent milliarde
    milliarden million millionen
    januar februar märz april mai juni juli august september oktober november dezember
"""
#: Word beginnings that make a word protected too (keine, allen, jedem, sämtlicher, ...).
PROTECTED_PREFIXES: tuple[str, ...] = ("kein", "alle", "jede", "einige", "sämtlich")
PROTECTED_WORDS: frozenset[str] = frozenset(_PROTECTED.split())


def reword_text(
    text: str, rate: float, rng: random.Random, pool: Sequence[str], *, english: bool
) -> str | None:
    """Return `text` with `rate` of its words replaced, deleted or joined by another.

    Only words that may change (`editable_at`) are edited, and only such words of the
    document are brought in (`pool`). None if the text has too few such words for the rate, or
    the edits happen to give the text back.
    """

    def pick() -> str:
        return pool[rng.randrange(len(pool))]

    parts = _WORD_RE.split(text)
    positions = [i for i in range(1, len(parts), 2) if editable_at(parts, i, english=english)]
    wanted = max(1, round(rate * (len(parts) // 2)))
    if len(positions) < wanted or not pool:
        return None
    for i in sorted(rng.sample(positions, wanted)):
        kind = rng.choices(("replace", "insert", "delete"), (2, 1, 1))[0]
        if kind == "replace":
            choice = pick()
            while choice.casefold() == parts[i].casefold() and len(pool) > 1:
                choice = pick()
            parts[i] = choice
        elif kind == "insert":
            parts[i] = f"{parts[i]} {pick()}"
        else:
            parts[i] = ""
    # A deleted word leaves the spaces on both sides of it: make them one.
    new = _DOUBLE_SPACE_RE.sub(" ", "".join(parts)).lstrip(" ")
    return None if normal(new) == normal(text) else new


def editable_word(word: str, *, english: bool) -> bool:
    """Tell whether `word` may be rewritten, or inserted, by `reword`."""
    if len(word) < 2 or word.casefold().endswith(("n't", "n’t")):
        return False  # too short to matter, or a negation (don't, can't)
    # A compound is protected when a part is: "all-for-all", "non-aggression", and an
    # acronym names a party even inside one: "NATO-led", "BOS-Funk".
    for part in re.split(r"[-'’]", word):
        folded = part.casefold()
        if folded in PROTECTED_WORDS or folded.startswith(PROTECTED_PREFIXES):
            return False
        if len(part) > 1 and part.isupper():
            return False
    return not (english and word[0].isupper())


def editable_at(parts: list[str], i: int, *, english: bool) -> bool:
    """Tell whether the word `parts[i]` may be edited where it stands.

    Besides the word itself: in English, a word next to a capitalised one may be part of a
    name (Line of Contact); the two words after "within" belong to a deadline.
    """
    if not editable_word(parts[i], english=english):
        return False
    before = [parts[k].casefold() for k in (i - 4, i - 2) if k >= 1]
    if "within" in before:
        return False
    if english:
        neighbours = [parts[k] for k in (i - 2, i + 2) if 1 <= k < len(parts)]
        if any(w[:1].isupper() for w in neighbours):
            return False
    return True


def change_figure(number: str, rng: random.Random) -> str:
    """Return `number` with one digit changed, keeping its format (600,000 -> 800,000).

    The leading digit changes (to non-zero), except in a four-digit number starting 19 or 20,
    which reads as a year and gets its last digit changed instead.

    >>> change_figure("2015", random.Random(1))[:3]
    '201'
    """
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    plain = number.replace(",", "").replace(".", "")
    if len(plain) == 4 and plain[:2] in ("19", "20"):
        position, lowest = digits[-1], 0
    else:
        position, lowest = digits[0], 1 if len(digits) > 1 else 0
    old = number[position]
    choices = [str(d) for d in range(lowest, 10) if str(d) != old]
    return number[:position] + rng.choice(choices) + number[position + 1 :]


def figures(text: str) -> list[tuple[int, int]]:
    """Return the spans of numbers in `text` that are figures, not list or paragraph markers."""
    spots = []
    for match in _NUMBER_RE.finditer(text):
        start, end = match.span()
        before, after = text[max(0, start - 1) : start], text[end : end + 1]
        if before == "(" and after == ")":
            continue  # "(2)": a paragraph marker
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip() and after in (".", ")"):
            continue  # "2." at the start of a line: a list marker
        if before.isalpha() or (after.isalpha() and after.isascii()):
            continue  # part of a word or a label such as 31a
        spots.append((start, end))
    return spots


def split_point(text: str) -> int | None:
    """Return where to cut `text` in two (a sentence, clause or paragraph boundary), if any.

    The boundary nearest the middle whose pieces have `MIN_PART_WORDS` words each and are in
    proportion at least `MIN_PART_SHARE` wins.
    """
    total = word_count(text)
    best: tuple[float, int] | None = None
    for match in _SPLIT_RE.finditer(text):
        left = word_count(text[: match.start()])
        right = total - left
        if min(left, right) < MIN_PART_WORDS or min(left, right) < MIN_PART_SHARE * max(
            left, right
        ):
            continue
        distance = abs(left - right)
        if best is None or distance < best[0]:
            best = (distance, match.end())
    return None if best is None else best[1]


def word_pool(texts: Iterator[str] | Sequence[str]) -> list[str]:
    """Return the distinct words of `texts` in first-seen order (deterministic)."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in _WORD_RE.findall(text):
            if len(word) >= 3:
                seen.setdefault(word, None)
    return list(seen)


def words(text: str) -> list[str]:
    """Return the words of `text`, case-folded, in order."""
    return [w.casefold() for w in _WORD_RE.findall(text)]


def word_count(text: str) -> int:
    """Return the number of words of `text`, as white space separates them."""
    return len(text.split())


def normal(text: str) -> str:
    """Return `text` with its white space normalised: one space between words."""
    return " ".join(text.split())
