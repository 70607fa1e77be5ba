"""Paraphrase: most of a clause's words reworded, its substance kept, seeded and deterministic.

What the `paraphrase` mutation of `bench/synth_hard.py` does to a text, as a writer redrafting a
clause would:

* **synonyms** (`substitute`): words and phrases replaced by another member of their group in a
  small committed table (`synth_synonyms_en.txt`, `synth_synonyms_de.txt`, one grammatical form
  per line, so no inflection is guessed);
* **passive to active** (`passive_to_active`, English): "The results are certified by the
  commission within 100 days." -> "The commission certifies the results within 100 days.",
  for the participles of `_VERBS` only;
* **conditions moved** (`move_conditions`, English): "If A, the parties B." <-> "The parties B
  if A.";
* **coordinates swapped** (`swap_coordinates`): "food and medicine" -> "medicine and food";
* **sentences rotated** (`rotate_sentences`): a clause of several sentences starts with a later
  one.

Only words that `reword` may edit are replaced (`editable_at`: never figures, negations, modal
verbs, conditions, quantifiers, deadlines, number words, units, acronyms, nor English names and
their neighbours), and no table entry holds such a word, so every word of substance survives,
only its place may change. `paraphrase` gives up (None) unless at least `PARAPHRASE_MIN_SHARE`
of the clause's content words (`content_words`) are gone from the new text.

Lighter: `rewrite` (synonyms for some words, topped up by `reword_text` where they change too
little: `multi-edit` and `condense`) and `light_reword` (a short point: `reword-run`).
"""

from __future__ import annotations

import functools
import random
import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from pathlib import Path

from synth_words import editable_at, editable_word, normal, reword_text

HERE = Path(__file__).resolve().parent
SYNONYM_FILES: dict[str, Path] = {
    "en": HERE / "synth_synonyms_en.txt",
    "de": HERE / "synth_synonyms_de.txt",
}
#: The least share of a clause's content words a paraphrase replaces ("most of its words").
PARAPHRASE_MIN_SHARE = 0.5
#: The chance of each rearrangement being tried on a text (each sentence, each pair).
REARRANGE_CHANCE = 0.7
#: `rewrite`: the chance of each known word being replaced by a synonym, and where that
#: changes too little, the share of words reworded from the document's words on top.
REWRITE_RATE = 0.6
REWRITE_MIN_SHARE = 0.15
REWRITE_TOP_UP = 0.1
#: The least share of a short point's words that a light rewording keeps in order.
LIGHT_MIN_RATIO = 0.5

_WORD_RE = re.compile(r"([^\W\d_]+(?:[-'’][^\W\d_]+)*)")
# A sentence ends after a word of three letters or more (not "Abs.", "Nr.", "1.").
_SENTENCE_RE = re.compile(r"(?<=[^\W\d_]{3}[.!?])\s+(?=[A-ZÄÖÜ])")

_FUNCTION = """
    that this with from which such have been they their there these those into upon what were
    then thus them your does also here more most other others than very whom whose whether
    over under about against between through being itself
    oder eine einer eines einem einen dass über sich auch diese dieser dieses diesem diesen
    deren dessen seine seiner seinen seinem seines ihre ihrer ihren ihrem ihres durch gegen
    unter sowie nach sind worden haben hatte welche welcher welches welchem denen dadurch
    damit dabei davon daran darauf darüber hierzu dies sein seit beim
"""
_KEPT = """
    absatz absatzes absätze absätzen satz satzes sätze nummer nummern buchstabe buchstaben
    artikel abs bundesnetzagentur bundesministerium bundesrepublik deutschland europäischen
    union kommission bundes
"""
_DETERMINER_WORDS = "the this these those such its their each every all any no a an his her our"
_PREPOSITIONS = """
    of to for with in on at by from der die das den dem des ein eine einer eines einem einen
    für mit von zu bei in an auf aus vom zur im
"""
_AGENT_STOPS = "of for from with in on at that which who whose under within by to as"
_PLAIN_VERBS = """
    administer adopt appoint grant monitor sign confirm accept inform elect develop review
    assess examine conduct support own protect open offer implement establish fund
    negotiate observe approve supervise determine decide organise finance recognise
    regulate govern distribute license manage operate release receive enforce exchange
    guarantee settle coordinate define describe use secure restore terminate revoke
    prepare produce cover publish
"""

#: Words of four letters or more that carry no content: they do not count in the share of words
#: a paraphrase must replace.
FUNCTION_WORDS: frozenset[str] = frozenset(_FUNCTION.split())
#: Words that stay like names and do not count as content: references to parts of a text
#: ("Absatz 2 Satz 1") and German names of bodies.
KEPT_WORDS: frozenset[str] = frozenset(_KEPT.split())
#: Articles and determiners that may change case when a sentence part moves to or from the
#: start. Any other capitalised word may be a name (in licences even "You"), and keeps its case.
_DETERMINERS: tuple[str, ...] = tuple(_DETERMINER_WORDS.split())
_DET = "|".join(_DETERMINERS)
_DET_TITLE = "|".join(word.title() for word in _DETERMINERS)
#: Words after which a pair of coordinates starts (an article, a preposition, ...).
_BEFORE_COORDINATES = FUNCTION_WORDS | frozenset(_DETERMINERS) | frozenset(_PREPOSITIONS.split())
#: Words that end the head of an agent phrase ("a board | of trustees").
_AGENT_HEAD_STOP = frozenset(_AGENT_STOPS.split())
_ARTICLES = frozenset(("a", "an", "A", "An"))


def _participles() -> dict[str, str]:
    out = {
        (base + "d" if base.endswith("e") else base + "ed"): base for base in _PLAIN_VERBS.split()
    }
    out.update(
        {
            "certified": "certify",
            "ratified": "ratify",
            "verified": "verify",
            "notified": "notify",
            "modified": "modify",
            "controlled": "control",
            "submitted": "submit",
            "paid": "pay",
            "held": "hold",
            "made": "make",
            "given": "give",
            "taken": "take",
            "chosen": "choose",
            "agreed": "agree",
            "rebuilt": "rebuild",
        }
    )
    return out


#: Past participles the passive-to-active reshuffle knows: participle -> base form.
_VERBS: dict[str, str] = _participles()

# The parts of a sentence that these reshuffles move hold no punctuation but a comma at most.
_PASSIVE_RE = re.compile(
    rf"^(?P<subj>(?:{_DET_TITLE}) [^,;:()]+?) "
    r"(?P<aux>is|are|(?:shall|will|may|must|should|can) be) (?P<verb>[a-z]+) by "
    rf"(?P<agent>(?:{_DET}) [^,;:()]+?)"
    r"(?P<tail>(?: (?:within|in|on|at|for|under|from|during|after|before|until|no later than)"
    r"\b[^;:()]*?)?)(?P<end>[.!?])$"
)
_FRONT_RE = re.compile(
    r"^(?P<sub>If|Unless|Where|When|Once|Whenever) (?P<a>[^,;:()]+), (?P<b>[^;:()]+?)"
    r"(?P<end>[.!?])$"
)
_BACK_RE = re.compile(
    rf"^(?P<b>(?:{_DET_TITLE}) [^,;:()]+?) (?P<sub>if|unless) (?P<a>[^,;:()]+?)(?P<end>[.!?])$"
)


@functools.cache
def synonym_table(language: str) -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Map each entry of the language's table (its words) to the other entries of its group.

    `language` is "en" or "de" (any other: English). Groups keep the order of the file.
    """
    path = SYNONYM_FILES.get(language, SYNONYM_FILES["en"])
    table: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        group = [tuple(entry.split()) for entry in line.split("|")]
        for entry in group:
            if entry in table:
                raise ValueError(f"{path.name}: {' '.join(entry)!r} is in two groups")
            table[entry] = tuple(other for other in group if other != entry)
    return table


def table_groups(language: str) -> list[list[str]]:
    """Return the groups of the language's table, each entry as written (for checks)."""
    text = SYNONYM_FILES[language].read_text(encoding="utf-8")
    return [
        [" ".join(entry.split()) for entry in line.split("|")]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


def paraphrase(text: str, rng: random.Random, *, english: bool) -> str | None:
    """Return `text` paraphrased, or None if too few of its content words could be replaced.

    Rearrangements first (passive to active and conditions moved, in English), then synonyms
    for every word the table knows, then coordinates swapped and sentences rotated.
    """
    new = _per_sentence(text, rng, english=english)
    new = substitute(new, rng, english=english, rate=1.0)
    new = swap_coordinates(new, rng, english=english)
    new = rotate_sentences(new, rng)
    if normal(new) == normal(text):
        return None
    if replaced_share(text, new, english=english) < PARAPHRASE_MIN_SHARE:
        return None
    return new


def rewrite(text: str, rng: random.Random, pool: Sequence[str], *, english: bool) -> str | None:
    """Return `text` rewritten as an editor would, or None if nothing could be changed.

    Synonyms for `REWRITE_RATE` of the words the table knows; where that replaces less than
    `REWRITE_MIN_SHARE` of the content words, `REWRITE_TOP_UP` of the words are also reworded
    from the document's `pool` (`reword_text`).
    """
    new = substitute(text, rng, english=english, rate=REWRITE_RATE)
    if replaced_share(text, new, english=english) < REWRITE_MIN_SHARE:
        new = reword_text(new, REWRITE_TOP_UP, rng, pool, english=english) or new
    return None if normal(new) == normal(text) else new


def light_reword(
    text: str, rng: random.Random, pool: Sequence[str], *, english: bool
) -> str | None:
    """Return a short `text` reworded, or None if it cannot be.

    Synonyms for every word the table knows or, if that keeps less than `LIGHT_MIN_RATIO` of
    the words in order, for about half of them; failing any synonym, one word replaced,
    inserted or deleted from the document's `pool` (`reword_text`). The result keeps at least
    `LIGHT_MIN_RATIO` of the words in order, so that the point stays recognisable.
    """
    total = len(_WORD_RE.findall(text))
    for rate in (1.0, 0.5, 0.0):
        if rate:
            new = substitute(text, rng, english=english, rate=rate)
        else:
            new = reword_text(text, 1 / max(1, total), rng, pool, english=english) or text
        if normal(new) == normal(text):
            continue
        ratio = SequenceMatcher(None, text.split(), new.split(), autojunk=False).ratio()
        if ratio >= LIGHT_MIN_RATIO:
            return new
    return None


def substitute(text: str, rng: random.Random, *, english: bool, rate: float) -> str:
    """Return `text` with words and phrases of the synonym table replaced, each at `rate`.

    The longest entry found at a place wins; it is replaced only if every word of it may be
    edited where it stands (`editable_at`).
    """
    table = synonym_table("en" if english else "de")
    longest = max(len(key) for key in table)
    parts = _WORD_RE.split(text)
    i = 1
    while i < len(parts):
        size = _entry_at(parts, i, table, longest, english=english)
        if size and rng.random() < rate:
            others = table[tuple(parts[i : i + 2 * size - 1 : 2])]
            parts[i] = " ".join(others[rng.randrange(len(others))])
            for k in range(i + 1, i + 2 * size - 1):
                parts[k] = ""
            if english and i >= 3 and parts[i - 1] == " " and parts[i - 2] in _ARTICLES:
                # "a permanent basis" -> "an enduring basis"
                article = "an" if parts[i][0] in "aeiou" else "a"
                parts[i - 2] = _capital(article) if parts[i - 2][0].isupper() else article
        i += 2 * max(size, 1)
    return "".join(parts)


def _entry_at(
    parts: list[str],
    i: int,
    table: dict[tuple[str, ...], tuple[tuple[str, ...], ...]],
    longest: int,
    *,
    english: bool,
) -> int:
    """Return the number of words of the longest table entry at word `parts[i]`, or 0."""
    for size in range(longest, 0, -1):
        end = i + 2 * size - 1
        if end > len(parts):
            continue
        if any(parts[k] != " " for k in range(i + 1, end, 2)):
            continue
        if tuple(parts[i:end:2]) not in table:
            continue
        if all(editable_at(parts, k, english=english) for k in range(i, end, 2)):
            return size
    return 0


def _per_sentence(text: str, rng: random.Random, *, english: bool) -> str:
    """Return `text` with the English sentence-level reshuffles applied to some sentences."""
    if not english:
        return text
    lines = []
    for line in text.split("\n"):
        sentences = _SENTENCE_RE.split(line)
        out = []
        for sentence in sentences:
            if rng.random() < REARRANGE_CHANCE:
                sentence = passive_to_active(sentence) or move_conditions(sentence) or sentence
            out.append(sentence)
        lines.append(" ".join(out))
    return "\n".join(lines)


def passive_to_active(sentence: str) -> str | None:
    """Return an English passive sentence made active, None if it is not one `_VERBS` knows.

    >>> passive_to_active("The results are certified by the commission within 100 days.")
    'The commission certifies the results within 100 days.'
    >>> passive_to_active("Such requests shall be approved by the parties.")
    'The parties shall approve such requests.'
    """
    match = _PASSIVE_RE.match(sentence.strip())
    if match is None:
        return None
    base = _VERBS.get(match["verb"])
    agent, subject = match["agent"], match["subj"]
    if base is None or agent.startswith("the end") or not editable_word(base, english=True):
        return None
    aux = match["aux"]
    if aux in ("is", "are"):
        verb = base if _plural(agent) else _third_person(base)
    else:
        verb = f"{aux.split()[0]} {base}"
    return f"{_capital(agent)} {verb} {_lower_first(subject)}{match['tail']}{match['end']}"


def move_conditions(sentence: str) -> str | None:
    """Return an English sentence with its condition moved to the other end, None if none.

    >>> move_conditions("If the ceasefire holds, the parties meet in Geneva.")
    'The parties meet in Geneva if the ceasefire holds.'
    >>> move_conditions("Each party may copy it if it keeps this notice.")
    'If it keeps this notice, each party may copy it.'
    """
    stripped = sentence.strip()
    front = _FRONT_RE.match(stripped)
    if front is not None:
        b = front["b"]
        first = b.split()[0]
        if first.islower() and first not in _DETERMINERS:
            return None
        return f"{_capital(b)} {front['sub'].lower()} {front['a']}{front['end']}"
    back = _BACK_RE.match(stripped)
    if back is not None:
        return f"{back['sub'].title()} {back['a']}, {_lower_first(back['b'])}{back['end']}"
    return None


def swap_coordinates(text: str, rng: random.Random, *, english: bool) -> str:
    """Return `text` with some pairs of words joined by and/or (und/oder) swapped.

    Both words must be content words that may be edited, of the same case, after a function
    word: "the terms and conditions" -> "the conditions and terms".
    """
    joiners = ("and", "or") if english else ("und", "oder")
    parts = _WORD_RE.split(text)
    for i in range(3, len(parts) - 2, 2):
        if parts[i] not in joiners or parts[i - 1] != " " or parts[i + 1] != " ":
            continue
        left, right = i - 2, i + 2
        a, b = parts[left], parts[right]
        if not (_is_content(a) and _is_content(b)) or a[0].isupper() != b[0].isupper():
            continue
        if not all(editable_at(parts, k, english=english) for k in (left, right)):
            continue
        if left >= 3 and parts[left - 2].casefold() not in _BEFORE_COORDINATES:
            continue
        if rng.random() < REARRANGE_CHANCE:
            parts[left], parts[right] = b, a
    return "".join(parts)


def rotate_sentences(text: str, rng: random.Random) -> str:
    """Return a one-paragraph `text` of several sentences starting with a later one.

    >>> rotate_sentences("Prisoners are exchanged. The committee observes it.", random.Random(1))
    'The committee observes it. Prisoners are exchanged.'
    """
    if "\n" in text:
        return text
    sentences = _SENTENCE_RE.split(text.strip())
    if len(sentences) < 2 or not all(s[-1] in ".!?" for s in sentences):
        return text
    k = rng.randrange(1, len(sentences))
    return " ".join(sentences[k:] + sentences[:k])


def content_words(text: str, *, english: bool) -> list[str]:
    """Return the content words of `text`, case-folded: words that a paraphrase should change.

    Words of four letters or more that are not function words (`FUNCTION_WORDS`), references
    (`KEPT_WORDS`), nor words that are never edited (`editable_word`: names, figures, words of
    substance), which all stay.
    """
    return [
        w.casefold()
        for w in _WORD_RE.findall(text)
        if len(w) >= 4
        and w.casefold() not in FUNCTION_WORDS | KEPT_WORDS
        and editable_word(w, english=english)
    ]


def replaced_share(old: str, new: str, *, english: bool) -> float:
    """Return the share of `old`'s content words that `new` no longer has (as a multiset)."""
    before = Counter(content_words(old, english=english))
    total = sum(before.values())
    if not total:
        return 0.0
    after = Counter(w.casefold() for w in _WORD_RE.findall(new))
    return sum((before - after).values()) / total


def _is_content(word: str) -> bool:
    return len(word) >= 4 and word.casefold() not in FUNCTION_WORDS


def _plural(agent: str) -> bool:
    """Tell whether an agent phrase ("the guarantor states", "a board of ...") is plural."""
    head = ""
    for word in agent.split()[1:]:
        if word in _AGENT_HEAD_STOP or word.endswith("ed"):
            break
        head = word
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


def _third_person(base: str) -> str:
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base + "es"
    return base + "s"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """Lower the first word of `text` if it is a determiner or pronoun (not a name)."""
    first, _, rest = text.partition(" ")
    if first.casefold() in _DETERMINERS:
        return f"{first.casefold()} {rest}" if rest else first.casefold()
    return text
