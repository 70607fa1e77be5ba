"""The qualifiers of a noun added or dropped, for the `scope` flag (read by `substance` inside
each group of aligned phrases, as `extent` reads the words of extent and the items of lists).

German compounds narrow what their last part names ("Zeugnis" -> "Gesundheitszeugnis",
"Dienstleistungen" -> "Leistungen", "Verbraucherdarlehensvertrag" ->
"Allgemein-Verbraucherdarlehensvertrag"), and so does an adjective before an unchanged noun
("ein minderjähriges unverheiratetes Kind" -> "ein minderjähriges Kind").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

import planlens.compare.lexicon as lx
import planlens.compare.patterns as rx
from planlens.compare.extent import closest, token_opcodes
from planlens.compare.phrases import Alignment

_DETERMINERS = frozenset(lx.DETERMINERS.split())
_GERMAN_ADJECTIVE_RE = rx.compile(r"[a-zäöüß]{3,}(?:e|en|er|es|em)")
#: The first part of a compound cut at its hyphen: a word, not an abbreviation ("EU-").
_PREFIX_RE = rx.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}-")
_NOT_ADJECTIVES = frozenset(lx.NOT_ADJECTIVES.split())
#: A compound's head names at least this many letters, and what it adds at least `_HEAD_ADDS`.
_HEAD_MIN, _HEAD_ADDS = 4, 3
#: A test whether a compound is the texts' own term (`_term`), or none.
Shared = Callable[[str], bool] | None


def qualifiers(
    alignment: Alignment, language: str | None, texts: tuple[str, str] = ("", "")
) -> tuple[list[str], list[str]]:
    """Return the nouns whose qualifier went and came between the phrases of each group:
    a German compound for its last part or the reverse, an adjective before the same noun.

    Not a compound that both whole `texts` name elsewhere: it is their own term for the thing,
    which one place now says in full or in short ("aus einem Darlehensvertrag" -> "aus einem
    Verbraucherdarlehensvertrag" where both say "Verbraucherdarlehensvertrag" in the next
    paragraph). Nor a compound that elsewhere in the texts took the place of the noun with an
    adjective ("die baulichen Maßnahmen ... der Maßnahmen" -> "die Modernisierungsmaßnahmen
    ... der Modernisierungsmaßnahmen"): the short "der Maßnahmen" meant the qualified ones."""
    gone: list[str] = []
    came: list[str] = []
    if language != "de":
        return gone, came
    pairs = [(o.text, n.text) for olds, news in alignment.groups for o, n in closest(olds, news)]
    shared = partial(_term, texts, _renames(pairs))
    for old, new in pairs:
        g, c = _qualified(old, new, shared)
        gone += [x for x in g if x not in gone]
        came += [x for x in c if x not in came]
    return gone, came


def _qualified(old: str, new: str, shared: Shared = None) -> tuple[list[str], list[str]]:
    """Return the qualified nouns only `old` has and those only `new` has, read both ways.

    difflib's opcodes are not symmetric where words swap places ("EU once" / "once EU"), so
    each direction is read and the findings joined: swapping the texts swaps the result.
    """
    gone, came = _qualified_one_way(old, new, shared)
    came_back, gone_back = _qualified_one_way(new, old, shared)
    return (
        gone + [x for x in gone_back if x not in gone],
        came + [x for x in came_back if x not in came],
    )


def _qualified_one_way(old: str, new: str, shared: Shared) -> tuple[list[str], list[str]]:
    """Return the qualified nouns only `a` has and those only `b` has, by the opcodes of their
    tokens: a one-for-one replacement of a noun by its compound, or an adjective added or
    dropped before a noun both keep."""
    gone: list[str] = []
    came: list[str] = []
    a, b, keys_a, keys_b, opcodes = token_opcodes(old, new)
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "replace" and i2 - i1 == 1 and j2 - j1 == 1:
            x, y = a[i1], b[j1]
            if _compound_of(x, y) and not (shared and shared(x)):
                came.append(y)
            elif _compound_of(y, x) and not (shared and shared(y)):
                gone.append(x)
        if tag in ("insert", "delete", "replace") and i2 < len(a) and j2 < len(b):
            if keys_a[i2] != keys_b[j2] or not a[i2][:1].isupper():
                continue
            adjective_a = _adjective(a[i2 - 1]) if i2 > i1 else None
            adjective_b = _adjective(b[j2 - 1]) if j2 > j1 else None
            if adjective_a and not adjective_b and not _determiners_only(b[j1:j2]):
                continue
            if adjective_b and not adjective_a and not _determiners_only(a[i1:i2]):
                continue
            if adjective_a and adjective_b:
                continue  # one adjective for another (or its declension): a rewording
            plain, k = (b, j2) if adjective_a else (a, i2)
            if _restated(plain, k, adjective_a or adjective_b or ""):
                continue  # the qualifier said by a relative clause: "Umständen, die ... sind"
            if _taken_up(plain, k, adjective_a or adjective_b or ""):
                continue  # "eine angemessene Frist ... innerhalb dieser Frist"
            if adjective_a:
                gone.append(f"{a[i2 - 1]} {a[i2]}")
            elif adjective_b:
                came.append(f"{b[j2 - 1]} {b[j2]}")
    return gone, came


def _compound_of(compound: str, head: str) -> bool:
    """Tell whether `compound` is a German compound whose last part is `head` ("Zeugnis",
    "Gesundheitszeugnis"), also with a hyphen after a word ("Allgemein-Verbraucherdarlehens
    vertrag"), not after an abbreviation ("EU-Mitgliedstaat")."""
    return (
        compound[:1].isupper()
        and head[:1].isupper()
        and len(head) >= _HEAD_MIN
        and len(compound) - len(head) >= _HEAD_ADDS
        and compound.casefold().endswith(head.casefold())
        and (compound[-len(head) - 1] != "-" or bool(_PREFIX_RE.fullmatch(compound[: -len(head)])))
    )


def _adjective(token: str) -> str | None:
    """Return the stem of a German adjective ("unverheiratetes" -> "unverheiratet"), if it is
    one: a lower-case word with an adjective's ending, not a determiner or pronoun; or the
    first part of a compound cut at its hyphen ("Allgemein- Verbraucherdarlehensvertrag")."""
    if _PREFIX_RE.fullmatch(token):
        return token
    if not _GERMAN_ADJECTIVE_RE.fullmatch(token) or token in _NOT_ADJECTIVES:
        return None
    return re.sub(r"(?:e|en|er|es|em)$", "", token)


def _determiners_only(tokens: list[str]) -> bool:
    return all(t.casefold() in _DETERMINERS for t in tokens)


def _term(texts: tuple[str, str], renames: set[str], compound: str) -> bool:
    """Tell whether `compound` in place of its last part, either way round, is the texts' own
    term: both name the compound (`_named_in_both`), or elsewhere it took the place
    of the head with an adjective (`renames`, `_renames`)."""
    return compound.casefold() in renames or _named_in_both(texts, compound)


def _renames(pairs: list[tuple[str, str]]) -> set[str]:
    """Return the compounds (case-folded) that take the place of their last part with an
    adjective in one of `pairs`, either way round: "die baulichen Maßnahmen" -> "die
    Modernisierungsmaßnahmen" makes the law's new term, and "der Maßnahmen" -> "der
    Modernisierungsmaßnahmen" elsewhere follows it, the short form having meant the qualified
    one (not where the adjective stays: "ein unrichtiges Zeugnis" -> "ein unrichtiges
    Gesundheitszeugnis" narrows)."""
    out: set[str] = set()
    for old, new in pairs:
        for x, y in ((old, new), (new, old)):
            a, b, _, _, opcodes = token_opcodes(x, y)
            for tag, i1, i2, j1, j2 in opcodes:
                if (
                    tag == "replace"
                    and i2 - i1 == 2
                    and j2 - j1 == 1
                    and _adjective(a[i1])
                    and _compound_of(b[j1], a[i1 + 1])
                ):
                    out.add(b[j1].casefold())
    return out


def _named_in_both(texts: tuple[str, str], word: str) -> bool:
    """Tell whether both `texts` name `word`, in any of its forms (an ending of up to two
    letters: "Verbraucherdarlehensvertrag", "...vertrags", "...verträge" not)."""
    stem = word[:-2] if len(word) > _HEAD_MIN + 2 else word
    return all(_names(text, stem) for text in texts)


def _names(text: str, stem: str) -> bool:
    r"""Tell whether `text` has `stem` where a word begins, followed by at most four word
    characters to the word's end: a match of `(?<![\w-])STEM\w{0,4}(?!\w)`, found without
    compiling a pattern for every word (the regex's `\w` is `str.isalnum` or "_")."""
    at = text.find(stem)
    while at >= 0:
        before = text[at - 1 : at]
        if not (before == "-" or before == "_" or before.isalnum()):
            end = after = at + len(stem)
            while (
                end < len(text) and end - after <= 4 and (text[end] == "_" or text[end].isalnum())
            ):
                end += 1
            if end - after <= 4:
                return True
        at = text.find(stem, at + 1)
    return False


def _restated(tokens: list[str], k: int, stem: str) -> bool:
    """Tell whether the noun `tokens[k]` has a relative clause after it that says what the
    adjective of `stem` said, in a word of the same stem ("bei außergewöhnlichen Umständen" /
    "bei Umständen, die nicht gewöhnlich sind"); not one that says something else ("eine
    hergestellte Bildaufnahme" / "eine Bildaufnahme, die die Hilflosigkeit ... zeigt"), or in
    the first part of a compound adjective ("technologieneutrale Regulierung" / "eine
    Regulierung, die keine Technologie bevorzugt"). The
    clause may stand after the verb that closes the noun's clause ("eines in Wahrnehmung seiner
    Pflichten verursachten Schadens verpflichtet" / "eines Schadens verpflichtet, den sie ...
    verursacht haben")."""
    after = tokens[k + 1 : k + 2]
    if after and after != [","] and after[0][:1].islower():
        k += 1  # the verb before an extraposed relative clause
    if tokens[k + 1 : k + 2] != [","] or k + 2 >= len(tokens):
        return False
    if tokens[k + 2].casefold() not in _RELATIVE_PRONOUNS:
        return False
    stem = stem.casefold()
    for token in tokens[k + 3 : k + 3 + _CLAUSE]:
        if token in ",.;:":
            break
        word = re.sub(r"(?:e|en|er|es|em)$", "", token.casefold())
        if len(word) >= _HEAD_MIN + 1 and (
            stem.endswith(word) or word.endswith(stem) or stem.startswith(word)
        ):
            return True
    return False


def _taken_up(tokens: list[str], k: int, stem: str) -> bool:
    """Tell whether the noun `tokens[k]` is taken up by a demonstrative ("dieser Frist") after
    the same text named it with the adjective of `stem` ("eine angemessene Frist zur Abnahme
    gesetzt hat und ... nicht innerhalb dieser Frist"): it means the qualified one."""
    if k < 1 or tokens[k - 1].casefold() not in _DEMONSTRATIVES:
        return False
    noun, stem = tokens[k][:_HEAD_MIN].casefold(), stem.casefold()
    return any(
        _adjective(tokens[i]) is not None
        and tokens[i].casefold().startswith(stem)
        and tokens[i + 1][:_HEAD_MIN].casefold() == noun
        for i in range(k - 1)
    )


_DEMONSTRATIVES = frozenset(
    ["dieser", "diese", "dieses", "diesem", "diesen", "jener", "jene", "jenes", "jenem", "jenen"]
)
#: How many words of a relative clause are read for the restated qualifier.
_CLAUSE = 8
_RELATIVES = "der die das dem den deren dessen denen welche welcher welchen welchem welches"
_RELATIVE_PRONOUNS = frozenset(_RELATIVES.split())
