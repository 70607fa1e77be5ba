"""The extent of a provision, for the `scope` flag: whom or what it covers and how far.

Read by `substance` inside each group of aligned phrases (`phrases`):

- the words of extent (`scope_words`: all / only / full / unconditional / interim / permanent...,
  their classes in `lexicon`; not "every signatory", a quantifier over the parties; a contrast
  "not all at once but gradually" / "nicht ..., sondern" as "only") and the places a phrase
  names (`places`); the "only" of a necessary condition ("only if", "nur, wenn") is no extent
  (`necessary`);
- the items of an enumeration added or dropped (`enumerations`): "durch den sexuellen
  Übergriff, die sexuelle Nötigung oder Vergewaltigung", "an Grundstück, ein ... Schiff und";
  not an item that only moved inside the phrase, a party (that is `party`), nor an example
  ("children and political prisoners among them", "including", "insbesondere"); an item
  inside a condition is the condition's, unless the condition's subject is the offender
  ("Verursacht der Täter durch ..., so": the offence); and an alternative act with a verb of
  its own, longer than an item, added to or dropped from an offence ("Wer ... vornimmt [oder
  die Person zur Vornahme ... bestimmt], wird ... bestraft": `_alternative_act`);
- the qualifiers of a noun added or dropped are read by `qualifiers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache, partial

import planlens.compare.lexicon as lx
import planlens.compare.patterns as rx
from planlens.compare.conditions import CONDITION_RE, condition_spans
from planlens.compare.guards import guarded
from planlens.compare.items import (
    completed,
    example,
    excluded,
    exclusion,
    following,
    granted_act,
    item_run,
    items_of,
    list_goes_on,
    moved,
    single_item,
)
from planlens.compare.matcher import Matcher
from planlens.compare.numbered import as_provided, new_items
from planlens.compare.phrases import Alignment, Phrase, similarity
from planlens.compare.statements import (
    CONJUNCTIONS,
    PLACE,
    Span,
    overlaps,
    parties_named,
    word_pattern,
)

_GENERAL_RE = rx.compile(rf"(?<![\w-])(?:{lx.GENERAL_NOUNS})(?![\w])", re.IGNORECASE)
_GENERAL = guarded(_GENERAL_RE)
_PARTY_NOUN_RE = rx.compile(rf"\s+(?:of\s+the\s+)?(?:{lx.PARTY_NOUNS})(?!\w)", re.IGNORECASE)
_NEEDED_RE = rx.compile(rf"\s+(?:the\s+)?(?:{lx.NEEDED})(?!\w)", re.IGNORECASE)
_SCOPES = tuple((name, guarded(word_pattern(pattern))) for name, pattern in lx.SCOPE_CLASSES)
#: Read before the words of extent, whose word they hold: an extent by its denied opposite ("not
#: permanent" is "interim"), and "at least one" / "mindestens eines", which says "a" (no class).
_FIRST = (
    ("interim", r"(?:not|nicht)\s+(?:permanent|permanently|dauerhaft|endgültig)"),
    ("permanent", r"(?:not|nicht)\s+(?:temporary|temporarily|vorübergehend)"),
    ("", r"(?:at\s+least|mindestens|wenigstens)\s+(?:one|an?|ein|eine[mnrs]?)"),
    # What a duty or grant costs whom it addresses: "free of charge", "without a royalty",
    # "unentgeltlich" added to "make the source available" makes it go further (held-out-8).
    (
        "free of charge",
        r"free\s+of\s+(?:charge|cost|royalt(?:y|ies))|without\s+(?:a\s+|any\s+)?(?:charge|fee|"
        r"royalty|royalties|cost)|at\s+no\s+(?:charge|cost)|royalty-free|kostenlos|kostenfrei|"
        r"unentgeltlich|gebührenfrei|lizenzgebührenfrei|ohne\s+(?:Entgelt|Gebühr|Kosten)",
    ),
    # A work's parts with it: "in each case including portions thereof", "or any part of it",
    # "einschließlich Teilen davon", "oder Teile davon".
    (
        "with its parts",
        r"(?:including|or\s+any|and\s+any)\s+(?:portions?|parts?)\s+(?:thereof|of\s+it)|"
        r"(?:einschließlich|oder|und)\s+(?:von\s+)?Teile[n]?\s+(?:davon|hiervon|daraus)",
    ),
    # Whom or what a provision reaches through others too: "each direct and indirect
    # recipient", "unmittelbar oder mittelbar".
    (
        "direct and indirect",
        r"direct(?:ly)?\s+(?:and|or)\s+indirect(?:ly)?|"
        r"unmittelbar(?:e[nmrs]?)?\s+(?:und|oder)\s+mittelbar(?:e[nmrs]?)?",
    ),
)
#: A clause that gives a reason ("Because the Library is licensed free of charge, there is no
#: warranty", "Da die Software unentgeltlich überlassen wird"): its words set no extent.
_REASON_BEFORE_RE = rx.compile(r"\b(?:because|since|weil|da)\b[^,;.:]*\Z", re.IGNORECASE)
_READ_FIRST = tuple((name, guarded(word_pattern(pattern))) for name, pattern in _FIRST)
_PREPOSITIONS_TEXT = "by to of for with from in on at into zu von mit für aus bei nach durch"
_PREPOSITIONS = frozenset(_PREPOSITIONS_TEXT.split())
_MODAL_RE = word_pattern("|".join(pattern for _, pattern in lx.MODAL_FORCES))
_TOKEN_RE = rx.compile(r"and/or|und/oder|[\w’'§-]+|[^\w\s]")
_DETERMINERS = frozenset(lx.DETERMINERS.split())
_NEGATOR_RE = rx.compile(rf"(?:{lx.NEGATORS})", re.IGNORECASE)
#: A contrast that denies a few words and puts others in their place: "not all at once but
#: gradually", "nicht für einen Teil, sondern für die ganze Strafe" says "only" what follows,
#: and what it denies sets no extent. Not an English "not" after an auxiliary: "is not to be a
#: mere observer but is to promote" contrasts two statements, not two extents.
_CONTRAST_RE = guarded(
    rx.compile(r"\b(not|nicht)\b(?:\s+[\w-]+){1,5}?,?\s+(?:but|sondern)\b", re.IGNORECASE)
)
_AUXILIARY_BEFORE_RE = rx.compile(rf"\b(?:{lx.AUXILIARIES})\s+\Z", re.IGNORECASE)
#: A condition whose subject is the offender ("Verursacht der Täter durch ... den Tod, so",
#: "If the offender causes ... by ...") states the act a penalty attaches to: the offence,
#: what its means and objects cover is its extent, no condition of it.
_OFFENDER_RE = rx.compile(
    r"\s+(?:der\s+Täter(?:in)?|die\s+Täterin|the\s+(?:offender|perpetrator))\b", re.IGNORECASE
)
#: How many words after its marker an item still belongs to a condition.
_CONDITION_REACH = 12
#: How many tokens after an item cut at its conjunction may complete it (`items.completed`).
_REST = 4


def scope_words(text: str, governed: set[str] | None = None) -> dict[str, list[str]]:
    """Return the words of extent in `text` by their class.

    "every signatory", "each Contributor", "alle Vertragsparteien" count no extent: a
    quantifier over the parties of the text says who is bound, each or all together, not how
    far the provision reaches (who is bound is `party`'s business).
    Nor does "all the necessary laws", "alle erforderlichen Maßnahmen": what a need sets
    reaches as far without the "all". A contrast ("not all at once but gradually", "nicht
    ..., sondern") is an "only", and the words it denies count nothing. Nor does an "any" /
    "jede" that a negator governs ("Nothing herein ... any admission", "ohne jede Gewähr":
    `_under_negator`); the classes of those go into `governed`, when given, so that a statement
    whose polarity turns ("may use any" / "may not use any") shows no change of extent.
    """
    out: dict[str, list[str]] = {}
    taken: list[Span] = []
    for m in _CONTRAST_RE.finditer(text):
        if m.group(1).casefold() == "not" and _AUXILIARY_BEFORE_RE.search(
            text, max(0, m.start() - 12), m.start()
        ):
            continue
        taken.append(m.span())
        out.setdefault("only", []).append(" ".join(m.group().casefold().split()))
    for name, first in _READ_FIRST:
        for m in first.finditer(text):
            if not overlaps(m.span(), taken):
                taken.append(m.span())
                if name and not _REASON_BEFORE_RE.search(text, max(0, m.start() - 80), m.start()):
                    out.setdefault(name, []).append(" ".join(m.group().casefold().split()))
    for name, pattern in _SCOPES:
        for m in pattern.finditer(text):
            if not overlaps(m.span(), taken):
                taken.append(m.span())
                if name == "all" and (
                    _PARTY_NOUN_RE.match(text, m.end()) or _NEEDED_RE.match(text, m.end())
                ):
                    continue
                if _under_negator(text, m):
                    if governed is not None:
                        governed.add(name)
                    continue
                out.setdefault(name, []).append(m.group().casefold())
    return out


def _under_negator(text: str, m: re.Match[str]) -> bool:
    """Tell whether `m`, a word of extent, is an "any" that a negator before it in the same part
    of the sentence governs, or a "jede" / "jegliche" right after "ohne": "Nothing herein ...
    constitute any admission", "may not impose any further restrictions", "ohne jede
    Einschränkung" say no more than "an admission", "further restrictions", "ohne
    Einschränkung": no extent. Not "nicht jede" ("not every"), which narrows."""
    word = m.group().casefold()
    if word.split()[0] == "any":  # "any", "any other"
        before = text[max(0, m.start() - _NEGATOR_REACH) : m.start()]
        part = _CLAUSE_COMMA_RE.split(re.split(r"[.;:()]", before)[-1])[-1]
        return _NEGATOR_WORD_RE.search(part) is not None
    # "nicht jede" is "not every", a narrower extent: only "ohne jede" says no more than "ohne".
    return word.startswith(("jede", "jegliche")) and _OHNE_RE.search(text, 0, m.start()) is not None


#: An English negator reaches an "any" from this many characters before it.
_NEGATOR_WORD_RE = guarded(word_pattern(lx.NEGATORS))
_NEGATOR_REACH = 120
#: A comma that ends a negator's clause; not one of an insertion ("not make X, Y included, any")
_CLAUSE_COMMA_RE = rx.compile(
    r",\s*(?:and|or|but|which|that|who|whom|whose|where|when|if|unless|provided|except|while|"
    r"whereas|because|since|so)\b|,\Z",
    re.IGNORECASE,
)
_OHNE_RE = rx.compile(r"\bohne\s+\Z", re.IGNORECASE)


def places(text: str) -> set[str]:
    return {" ".join(m.group().split()) for m in PLACE.finditer(text)}


@lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[list[str], list[str]]:
    """Return the tokens of a phrase and the same casefolded: once for each phrase, which is
    diffed both ways round (`token_opcodes(old, new)` and `token_opcodes(new, old)`)."""
    tokens = _TOKEN_RE.findall(text)
    return tokens, [t.casefold() for t in tokens]


Opcodes = Sequence[tuple[str, int, int, int, int]]


@lru_cache(maxsize=1024)
def token_opcodes(old: str, new: str) -> tuple[list[str], list[str], list[str], list[str], Opcodes]:
    """Return the tokens of two phrases, casefolded too, and the opcodes between them."""
    (a, keys_a), (b, keys_b) = _tokens(old), _tokens(new)
    matcher = Matcher(keys_a, keys_b)
    return a, b, keys_a, keys_b, matcher.get_opcodes()


def changed_spans(old: str, new: str) -> tuple[list[Span], list[Span]]:
    """Return the character spans of the tokens the word diff changed in each text: an
    insertion, deletion or replacement. Read both ways and joined, as opcodes are not
    symmetric where words swap places: swapping the texts swaps the result."""
    spans_old = [m.span() for m in _TOKEN_RE.finditer(old)]
    spans_new = [m.span() for m in _TOKEN_RE.finditer(new)]
    out_old: list[Span] = []
    out_new: list[Span] = []
    for x, y, xs, ys, x_out, y_out in (
        (old, new, spans_old, spans_new, out_old, out_new),
        (new, old, spans_new, spans_old, out_new, out_old),
    ):
        for tag, i1, i2, j1, j2 in token_opcodes(x, y)[4]:
            if tag == "equal":
                continue
            if i2 > i1:
                x_out.append((xs[i1][0], xs[i2 - 1][1]))
            if j2 > j1:
                y_out.append((ys[j1][0], ys[j2 - 1][1]))
    return out_old, out_new


def closest(olds: Sequence[Phrase], news: Sequence[Phrase]) -> list[tuple[Phrase, Phrase]]:
    """Return each phrase of a group with its closest version on the other side, once each."""
    return list(
        dict.fromkeys(
            [(max(olds, key=lambda o: similarity(o, n)), n) for n in news]
            + [(o, max(news, key=lambda n: similarity(o, n))) for o in olds]
        )
    )


Items = tuple[list[str], list[str]]


def enumerations(
    alignment: Alignment, parties: Sequence[str], language: str | None = None
) -> tuple[Items, Items]:
    """Return the items dropped from or added to an enumeration, between each phrase and its
    closest version in its group: those of the provision (its scope), then those inside a
    condition (what triggers it). The same both ways round, and an item that only moved (gone
    here, come there) is none."""
    gone: list[tuple[str, bool]] = []
    came: list[tuple[str, bool]] = []
    for olds, news in alignment.groups:
        for o, n in closest(olds, news):
            if min(len(o.text.split()), len(n.text.split())) < 4:
                continue
            g, c = _list_items(o.text, n.text, parties, language)
            c2, g2 = _list_items(n.text, o.text, parties, language)
            g, c = g + new_items(o.text, n.text, parties), c + new_items(n.text, o.text, parties)
            g, c = as_provided(g + g2), as_provided(c + c2)
            gone += [x for x in dict.fromkeys(g) if x not in gone]
            came += [x for x in dict.fromkeys(c) if x not in came]
    moved = {x.casefold() for x, _ in gone} & {x.casefold() for x, _ in came}
    # A reference to a paragraph the same side adds or drops follows that paragraph, which is
    # a provision of its own: "Die Frist nach Absatz 1 [oder nach Absatz 1a]" with "(1a) ...".
    moved |= following(gone, alignment.removed) | following(came, alignment.added)
    return (
        (
            [x for x, cond in gone if not cond and x.casefold() not in moved],
            [x for x, cond in came if not cond and x.casefold() not in moved],
        ),
        (
            [x for x, cond in gone if cond and x.casefold() not in moved],
            [x for x, cond in came if cond and x.casefold() not in moved],
        ),
    )


def _list_items(
    old: str, new: str, parties: Sequence[str], language: str | None
) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Return the items dropped from and added to an enumeration between two phrases, each
    with whether it is inside a condition."""
    a, b, keys_a, keys_b, opcodes = token_opcodes(old, new)
    gone: list[tuple[str, bool]] = []
    came: list[tuple[str, bool]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        if tag == "replace":  # "A oder B" -> "A, nicht aber B": B is no longer covered
            if i2 - i1 == 1 and keys_a[i1] in CONJUNCTIONS:
                gone += [(x, _in_condition(old, i2)) for x in excluded(a[i1], b[j1:j2], b[j2:])]
            if j2 - j1 == 1 and keys_b[j1] in CONJUNCTIONS:
                came += [(x, _in_condition(new, j2)) for x in excluded(b[j1], a[i1:i2], a[i2:])]
        for text, side, (k1, k2), other, other_keys, out in (
            (old, a, (i1, i2), b[j1:j2], keys_b, gone),
            (new, b, (j1, j2), a[i1:i2], keys_a, came),
        ):
            span = side[k1:k2]
            before = side[k1 - 1] if k1 else "."
            around = (before, side[k2 : k2 + 6])
            act = _alternative_act(side, k1, k2, other) or granted_act(side, k1, k2, other)
            if span and act and not moved(span, other_keys):
                out.append((" ".join(span[1:]), _in_condition(text, k1)))
                continue
            if not span or not _is_list_item(span, other, around, parties, language != "de"):
                continue
            if example(side, k1, k2) or moved(span, other_keys):
                continue
            if _in_a_name(side, k1, span, parties):
                continue
            whole = completed(span, side[k2 : k2 + _REST])
            for item in items_of(whole, partial(moved, other_keys=other_keys)):
                out.append((item, _in_condition(text, k1)))
    return gone, came


def _is_list_item(
    span: list[str],
    other: list[str],
    around: tuple[str, list[str]],
    parties: Sequence[str],
    names: bool = True,
) -> bool:
    """Tell whether `span`, added or dropped, is an item of an enumeration: it opens or closes
    with its conjunction ("und die Wahl des ... Erbrechts", "fighters and") or with its comma
    where the list goes on after it ("den sexuellen Übergriff, die sexuelle Nötigung oder"),
    is short, and is neither a party (that is `party`) nor a clause of its own. `around` is
    the token before `span` and those after it. One word is an item only where a capital
    marks a name (`names`: not in German, whose nouns all have one: "bei Geldstrafe, Verfall
    oder Einziehung" lost "Verfall" when the law renamed it)."""
    if any(t.casefold() not in CONJUNCTIONS and t.isalnum() for t in other):
        return False  # a replacement, not an insertion
    words = [t for t in span if t != ","]
    if len(words) == 1:
        return names and not parties_named(words[0], parties) and single_item(span, *around)
    if not 2 <= len(words) <= 6 or any(t in ".;:()" for t in span):
        return False
    content = [t for t in words if t.casefold() not in CONJUNCTIONS | _DETERMINERS]
    # "whether or not" / "irrespective of whether", "ob ... oder nicht": a negator alone is
    # the other half of a choice, no item of a list.
    if all(_NEGATOR_RE.fullmatch(t) for t in content):
        return False
    if not content or all(parties_named(t, parties) for t in content) or exclusion(words):
        return False  # a party's, or an exclusion: "but not", "nicht aber"
    if all(t[:1].isdigit() for t in content):
        return False  # a list marker ("oder 2."), no item
    text = " ".join(span)
    if (
        CONDITION_RE.search(text)
        or _MODAL_RE.search(text)
        or content[-1].casefold() in _PREPOSITIONS
    ):
        return False
    if parties_named(" ".join(content), parties):
        return False  # an item naming a party is the party's business
    commas = span.count(",")
    comma = (span[0] == "," or span[-1] == ",") and (commas == 1 or item_run(span))
    if comma and content[-1].isalpha() and list_goes_on(around[1]):
        return True
    # ", cities and districts" at a list's end: its comma, then items up to its conjunction.
    closing = span[0] == "," and any(t.casefold() in CONJUNCTIONS for t in span[2:-1])
    if closing and content[-1].isalpha() and item_run(span[1:]):
        return True
    # "Gesundheitszeugnisse sowie solche [Zeugnisse]": the determiner of the next item.
    while len(words) > 2 and words[-1].casefold() in _DETERMINERS:
        words = words[:-1]
    return words[0].casefold() in CONJUNCTIONS or words[-1].casefold() in CONJUNCTIONS


def _alternative_act(side: list[str], k1: int, k2: int, other: list[str]) -> bool:
    """Tell whether `side[k1:k2]`, added or dropped, is an alternative act of the offence a
    "wer" / "whoever" clause states, with a verb of its own, longer than an item of a list
    (`_is_list_item`): "Wer ... sexuelle Handlungen ... vornimmt [oder die Person zur Vornahme
    ... bestimmt], wird ... bestraft", "Whoever ... issues a certificate [or falsifies a genuine
    one and uses it], shall be punished". It opens with "oder" / "or" and closes the clause:
    the main clause follows ("..., wird", "shall"). German puts its verb last, so its last word
    is one in lower case; English its first, so the word after "or" is a verb in "-s"."""
    if not _ACT_MIN <= k2 - k1 <= _ACT_MAX or side[k1].casefold() not in ("oder", "or"):
        return False
    if any(t.isalnum() and t.casefold() not in CONJUNCTIONS for t in other):
        return False  # a replacement, not an insertion
    span = side[k1:k2]
    if any(t in ".;:()" for t in span) or CONDITION_RE.search(" ".join(span)):
        return False
    after = [t.casefold() for t in side[k2 : k2 + 2]]
    german = after[:1] == [","] and after[1:] in (["wird"], ["werden"])
    english = after[:1] in (["shall"], ["commits"], ["is"], ["will"]) or after == [",", "shall"]
    if german:
        verb = span[-1].isalpha() and span[-1].islower()
    elif english:
        verb = span[1].isalpha() and span[1].islower() and span[1].endswith("s")
    else:
        return False
    opening = " ".join(side[max(0, k1 - _ACT_REACH) : k1])
    clause = re.split(r"[.;:]", opening)[-1]
    return verb and bool(_ACT_OPENING_RE.search(clause))


#: The words of an alternative act (`_alternative_act`): more than an item of a list, less
#: than a provision's; how far back its "wer" / "whoever" opens the clause.
_ACT_MIN, _ACT_MAX, _ACT_REACH = 4, 30, 80
_ACT_OPENING_RE = rx.compile(r"(?:^|\s)(?:[Ww]er|[Ww]hoever|[Aa]nyone who|[Aa]ny person who)\s")


def _in_a_name(side: list[str], at: int, span: list[str], parties: Sequence[str]) -> bool:
    """Tell whether `span` goes on the name of the body named just before it, a renaming: "das
    Bundesministerium der Justiz [und für Verbraucherschutz]", "the Ministry of Justice [and
    of Consumer Protection]"."""
    if len(span) < 3 or span[0].casefold() not in ("und", "and") or span[1] not in _NAME_GOES_ON:
        return False
    before = " ".join(side[max(0, at - 4) : at])
    return bool(_BODY_RE.search(before) or parties_named(before, parties, bound=False))


_NAME_GOES_ON = frozenset(["für", "for", "of"])
_BODY_RE = rx.compile(r"\b(?:Ministry|Department|Office|Agency|Authority|\w*[Mm]inisterium\w*)\b")


def _in_condition(text: str, k: int, reach: bool = True) -> bool:
    """Tell whether the `k`th token of `text` is inside a condition (that is `condition`): in
    a condition's clause, or a few words after its marker in the same part of the sentence
    (a German clause runs to its verb: "wenn die Tat öffentlich, in einer Versammlung oder
    durch Verbreiten eines Inhalts begangen ist"); without `reach`, only in its clause. Not
    a condition whose subject is the offender (`_OFFENDER_RE`): that is the offence."""
    starts = [m.start() for m in _TOKEN_RE.finditer(text)]
    at = starts[k] if k < len(starts) else len(text)
    for start, marker_end, stop in condition_spans(text):
        if _OFFENDER_RE.match(text, marker_end):
            continue  # the offence itself, not a condition of it
        if start <= at < stop:
            return True
        if not reach:
            continue
        between = text[start:at]
        if (
            start < at
            and len(_TOKEN_RE.findall(between)) <= _CONDITION_REACH
            and not re.search(r"[.;:]|,\s*(?:so|then)\b", between)
        ):
            return True
    return False


def general_nouns(alignment: Alignment, language: str | None) -> tuple[Items, Items]:
    """Return the nouns of a whole kind (`lexicon.GENERAL_NOUNS`) that took the place of a
    narrower noun between the phrases of each group, gone and come: "durch Verbreiten von
    Schriften" -> "durch Verbreiten eines Inhalts". Those of the provision (its scope) first,
    then those inside a condition (what triggers it), as `enumerations`, though in English
    only inside the condition's clause ("in the case of X, the content ..."); read both ways."""
    found: dict[bool, tuple[list[str], list[str]]] = {False: ([], []), True: ([], [])}
    for olds, news in alignment.groups:
        if not any(_GENERAL.search(p.text) for p in (*olds, *news)):
            continue  # the cheap test first: no such noun in the group
        for o, n in closest(olds, news):
            for x, y, side_x, side_y in ((o.text, n.text, 0, 1), (n.text, o.text, 1, 0)):
                a, b, _, _, opcodes = token_opcodes(x, y)
                for tag, i1, i2, j1, j2 in opcodes:
                    if tag != "replace":
                        continue
                    for text, k, here, there, side in (
                        (x, i1, a[i1:i2], b[j1:j2], side_x),
                        (y, j1, b[j1:j2], a[i1:i2], side_y),
                    ):
                        out = found[_in_condition(text, k, language == "de")][side]
                        out += [t for t in _general(here, there) if t not in out]
    return found[False], found[True]


def _general(tokens: list[str], other: list[str]) -> list[str]:
    """Return the general nouns of `tokens` where `other`, which they replace, has none but
    has a noun of its own."""
    found = [t for t in tokens if _GENERAL_RE.fullmatch(t)]
    if not found or any(_GENERAL_RE.fullmatch(t) for t in other):
        return []
    nouns = [t for t in other if len(t) > 3 and t.isalpha() and t.casefold() not in _DETERMINERS]
    return found if nouns else []
