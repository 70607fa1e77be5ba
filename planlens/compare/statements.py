"""What a text states, found with the words of `lexicon`: the facts that flags compare.

Figures (`figures`: amounts, counts, shares, with their units; not the numbers of dates, times,
references or list markers), dates and deadlines (`dates`), references to provisions
(`references`, `referenced`: not the paragraphs of one, "Absatz 3 und 4"), the parties named
(`parties_named`: the plans' own `parties` and the curated list; places, adjectives, bodies
only cited as the source of a rule or by their name, and bodies inside a definition or inside
the act an offence describes are none). Conditions are `conditions`'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import planlens.compare.lexicon as lx
import planlens.compare.patterns as rx
from planlens.compare.actors import (
    ACTORS,
    CITED_BEFORE_RE,
    COMPARED_BEFORE_RE,
    INDEFINITE_BEFORE_RE,
    PREDICATE_AFTER_RE,
    PREDICATE_BEFORE_RE,
    actor,
    unbound_spans,
)
from planlens.compare.blocks import Blocks
from planlens.compare.citations import citations, identifiers
from planlens.compare.guards import guarded, lead, profile, quick
from planlens.compare.windows import before_numbers, from_digits, near_numbers

_I = re.IGNORECASE


def word_pattern(pattern: str, flags: int = _I) -> re.Pattern[str]:
    """Return `pattern` compiled to match whole words only (case-insensitive by default)."""
    return rx.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", flags)


_DEADLINE_RE = word_pattern(lx.DEADLINES)
#: When, said by an event before which a rule holds: "bevor der Mangel offenbar wurde", "im
#: Voraus", "vor dem Ausspruch der Annahme", "before the defect became apparent"; an act named
#: by its noun, compounds too (`_BEFORE_ACT_RE`): "vor Vertragsschluss", "vor Reisebeginn".
_WHEN_RE = word_pattern(
    r"im\s+Voraus|in\s+advance|(?-i:bevor)\s+\S+(?:\s+\S+)?|"
    r"vor\s+(?:dem|der)\s+(?:Ausspruch|Beginn|Ende|Abschluss|Eintritt|Tod|Erlass)\b|"
    r"before\s+(?:it|he|she|they|the\s+\w+)\s+(?:is|was|has|had|becomes?|became)"
)
#: An act named by its noun before or after which a rule holds (`_BEFORE_ACT`: "vor dem nicht
#: autorisierten Zahlungsvorgang", "erst nach dem Tod"; not "nach der Vereinbarung"), not in a
#: relative clause or before a participle, where it says which thing is meant ("eine Probe, die
#: der Verkäufer vor Vertragsschluss zur Verfügung gestellt hat", "vor Vertragsschluss gemachte").
_BEFORE_ACT_RE = word_pattern(
    r"(?:vor|(?-i:erst\s+)?nach(?!\s+(?:der\s+)?\w*(?:vereinbarung|mitteilung)))\s+(?:(?:dem|der|des)"
    rf"\s+(?:(?-i:[a-zäöü]\w*)\s+){{0,3}})?\w*?(?:{lx.EVENT_HEADS})|(?:before|after|prior\s+to|"
    rf"following)\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:{lx.EVENTS})"
)
#: A participle after the act that makes it describe a noun: "die vom Darlehensnehmer vor
#: Vertragsschluss gemachten Angaben" says which information, as a relative clause does.
_ATTRIBUTE_AFTER_RE = rx.compile(r"\s+\w+(?:t|en)e[nmrs]?\s+[A-ZÄÖÜ]")
#: A relative clause open before a match: its pronoun after a comma, a German one followed by
#: what an article is not ("die oder das der Verkäufer", "die er"; not "den Darlehensnehmer").
_RELATIVE_BEFORE_RE = rx.compile(
    r"[,;(]\s*(?:(?:in|an|auf|mit|von|zu|bei|für|by|to|with|for|of)\s+)?"
    r"(?:(?:der|die|das|dem|den|deren|dessen|welche[mnrs]?)\s+(?:der|die|das|dem|den|des|"
    r"ein\w*|er|sie|es|ihm|ihr|ihn|man|sich|oder|und|nicht|im|am|zum|zur|beim|vom)|which|that|"
    r"who|whom)\b[^,;()]*\Z",
    _I,
)
_COUNTED_RE = word_pattern(lx.COUNTED_UNITS, 0)  # units as written: "days", "Tage"
_PERIOD_IS_RE = word_pattern(lx.PERIOD_IS)
_TIME_UNIT_RE = word_pattern(lx.TIME_UNITS, 0)
_WORD_BEFORE_RE = rx.compile(r"(?<![\w-])(\w+)(?:\s+\(\d+\))?\s+\Z")
_BOUND_BEFORE_RE = rx.compile(
    r"(?<!\w)(?:mindestens|wenigstens|höchstens|at least|at most)\s+\Z", _I
)
_YEAR_RE = rx.compile(lx.YEAR)
_REF_START_RE = rx.compile(rf"(?<![\w])(?:{lx.REFERENCE_WORDS})\s*(?=\d)", _I)
_REF_ITEM_RE = rx.compile(
    rf"\s*(?:\d+[a-z]?(?:\.\d+[a-z]?)*(?:\s*\([\da-z]{{1,4}}\))*|(?:{lx.REFERENCE_LINKS})(?=\s)|"
    rf"(?:{lx.REFERENCE_WORDS})(?=\s*\d)|above|below|oben|unten)",
    _I,
)
_REF_HEAD_RE = rx.compile(rf"\s*(?:{lx.REFERENCE_WORDS})\s*", _I)
_REF_NUMBER_RE = rx.compile(r"(?<![\w.])\d+[a-z]?(?:\.\d+)*")
#: A part of a provision ("Absatz 3", "Absätze 2 und 3"), no provision of its own; case counts
#: ("satz" in "Absatz" is no "Satz"). After a part's name the numbers of the chain are parts
#: too ("Absatz 3 und 4"), until a provision is named again ("Satz 1 und des § 74b").
PART_RE = rx.compile(
    r"(?<![\w])(?:Absatz(?:es)?|Absätzen?|Abs\.|Satz(?:es)?|Sätzen?|Nummer[n]?|Nr\.|"
    r"Buchstaben?|Halbsatz(?:es)?|Unterabsatz(?:es)?|lit\.)"
)
REF_WORD_RE = rx.compile(rf"(?<![\w])(?:{lx.REFERENCE_WORDS})", _I)
_REF_TOKEN_RE = rx.compile(rf"(?P<part>{PART_RE.pattern})|(?P<number>{_REF_NUMBER_RE.pattern})")
_NUMBER_RE = rx.compile(
    r"(?P<cur>US\$|\$|€|£)?\s?(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)*)"
)
#: The upper end of a range after a figure ("5–40 km", "10-15 %"): one figure with its unit.
_RANGE_TAIL_RE = rx.compile(r"[–-](\d+(?:[.,]\d+)*)(?![\w/–-])")
_UNIT_RES = tuple((key, rx.compile(rf"\s?(?:{pattern})(?![\w])", _I)) for key, pattern in lx.UNITS)
WORD_RE = rx.compile(r"[^\W\d_]+")
#: Words that may be number words, checked against `lexicon` (a cheap filter).
_NUMBER_WORDS = (
    rf"(?i:{'|'.join(lx.NUMBER_WORDS)})|"
    r"[a-zäöüß]*(?:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zig|ßig|"
    r"hundert|tausend)"
)


def _whole_word(pattern: str) -> re.Pattern[str]:
    return rx.compile(rf"(?<!\w)(?:{pattern})(?!\w)")


_NUMBER_WORD_RE = _whole_word(_NUMBER_WORDS)
#: A multiple: "das Neunzehnfache", "das 3-fache", "threefold"; not "einfach" (simple).
_MULTIPLE = guarded(rx.compile(r"(?<![\w-])(\d+|[A-Za-zäöüß]+?)-?(?:fach(?:e[nmrs]?)?|fold)(?!\w)"))
#: A ratio such as 50:50 or 50/50, one figure.
_RATIO_RE = rx.compile(r"(?<![\d/:])(?<!\d\.)(\d{1,3})\s?[:/]\s?(\d{1,3})(?![\d/:])(?!\.\d)")
_ONE_RE = word_pattern(lx.ONE_BEFORE_UNIT)
#: Not an ordinal after an article: "das 16. Lebensjahr" counts years, it marks no item.
_LIST_MARKER_RE = quick(rx.compile(r"\(\d{1,2}\)|(?:^|(?<=\s))(?<!d[ae][mnrs]\s)\d{1,2}\.(?=\s)"))
#: Where `windows.near_numbers` looks for a list marker and a year: from this many characters
#: before the first digit of a number, reading this many from a match's beginning ("(12)" or
#: "12. "; "2015" and the two characters its look-ahead reads).
LIST_MARKER_WINDOW = (1, 4)
YEAR_WINDOW = (0, 6)
URL_RE = rx.compile(r"\S+://\S+|\S+@\S+\.\S+|www\.\S+")
_CITED_RE = rx.compile(lx.CITED_AFTER)
PLACE_RE = word_pattern(lx.PLACES, 0)
#: The patterns that most texts cannot match, with their cheap test first (`guards`).
_YEAR = guarded(_YEAR_RE)
#: Scanned in blocks (`blocks`): on a law, a common word of one alternative ("bis") passes the
#: guard of the whole.
_DEADLINE = Blocks(lx.DEADLINES, word_pattern, 1)
_WHEN = guarded(_WHEN_RE)
_BEFORE_ACT = guarded(_BEFORE_ACT_RE)
_COUNTED = guarded(_COUNTED_RE)
_PERIOD_IS = guarded(_PERIOD_IS_RE)
_REF_START = guarded(_REF_START_RE)
_ONE = guarded(_ONE_RE)
#: What a text needs beside its guard's words for a pattern to match in it: a unit of time
#: after "one" (`_ONE`), a colon or slash in a ratio, "fach" or "fold" in a multiple (whose
#: guard reads "ach" and "old": the parser takes the "f" out of the alternation).
_ONE_UNIT = guarded(rx.compile(r"day|week|month|year|hour|tag|woche|monat|jahr", _I))
_RATIO_MARKS = (":", "/")
_MULTIPLE_ENDS = ("fach", "fold")
_URL = guarded(URL_RE)
_NUMBER = guarded(_NUMBER_RE)
_NUMBER_WORD = Blocks(_NUMBER_WORDS, _whole_word, 1)  # English, German: as `_DEADLINE`
_RATIO = guarded(_RATIO_RE)
PLACE = guarded(PLACE_RE)
CONJUNCTIONS = frozenset(["and", "or", "nor", "und", "oder", "sowie", "and/or", "und/oder"])

Span = tuple[int, int]


@lru_cache(maxsize=4096)
def dates(text: str) -> tuple[tuple[str, Span], ...]:
    """Return the dates, times and deadlines in `text`: (text as written, spaces collapsed, span).

    The text keeps its case, to be shown ("until Russia"); `deadlines.deadline_key` compares it
    without.

    >>> [d for d, _ in dates("from 00:00 Kyiv time on 15 February 2015, within 30 days")]
    ['00:00 Kyiv time', '15 February 2015', 'within 30 days']
    """
    # "(ein Minderjähriger,) der im Zeitpunkt der Eheschließung ...": when a fact counts.
    found = [
        (m.group(), m.span())
        for m in _DEADLINE.finditer(text)
        if not (m.group().startswith("Zeitpunkt") and _relative_before(text, m.start()))
    ]
    units = [m for m in _COUNTED.finditer(text)]
    for period in _PERIOD_IS.finditer(text):
        units += _TIME_UNIT_RE.finditer(text, period.start(), period.end())
    for m in units:
        count = _WORD_BEFORE_RE.search(text, max(0, m.start() - 24), m.start())
        if count and (count.group(1).isdigit() or count.group(1).casefold() in lx.COUNT_WORDS):
            # A bound before the length is the deadline's: "mindestens drei Monate im Voraus".
            bound = _BOUND_BEFORE_RE.search(text, max(0, count.start(1) - 24), count.start(1))
            span = (bound.start() if bound else count.start(1), m.end())
            if not overlaps(span, [s for _, s in found]):
                found.append((text[span[0] : span[1]], span))
    taken = [span for _, span in found]
    found += [(m.group(), m.span()) for m in _WHEN.finditer(text) if not overlaps(m.span(), taken)]
    taken = [span for _, span in found]
    for m in _BEFORE_ACT.finditer(text):
        if (
            not overlaps(m.span(), taken)
            and not _relative_before(text, m.start())
            and not _ATTRIBUTE_AFTER_RE.match(text, m.end())
        ):
            found.append((m.group(), m.span()))
            taken.append(m.span())
    taken = [span for _, span in found] + list(references(text))
    for m in near_numbers(_YEAR.scan, text, *YEAR_WINDOW) if _YEAR.possible(text) else ():
        if not inside(m.span(), taken):
            found.append((m.group(), m.span()))
    if found and (cited := citations(text) + identifiers(text)):  # which act or notice
        found = [(t, span) for t, span in found if not inside(span, cited)]
    found.sort(key=lambda item: item[1])
    return tuple((" ".join(t.split()), span) for t, span in found)


def _relative_before(text: str, at: int) -> bool:
    return _RELATIVE_BEFORE_RE.search(text, max(0, at - 120), at) is not None


def inside(span: Span, spans: Iterable[Span]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def overlaps(span: Span, spans: Iterable[Span]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)


@lru_cache(maxsize=4096)
def references(text: str) -> tuple[Span, ...]:
    """Return the spans of references to provisions: "§§ 223 bis 226a", "Article 5".

    >>> text = "nach den §§ 223 bis 226a und Absatz 3 Satz 2 in 2015; NATO's Article 5"
    >>> [text[a:b] for a, b in references(text)]
    ['§§ 223 bis 226a und Absatz 3 Satz 2', 'Article 5']
    """
    spans: list[Span] = []
    if not profile(text).digit:
        return ()  # each reference opens with a number
    for start in before_numbers(_REF_START, text, REF_WORD_LONGEST):
        if spans and start.start() < spans[-1][1]:
            continue
        end = start.end()
        while (item := _REF_ITEM_RE.match(text, end)) is not None and item.end() > end:
            end = item.end()
        spans.append((start.start(), end))
    return tuple(spans)


#: The longest a reference word (`lexicon.REFERENCE_WORDS`) can be: `_REF_START` looks for them
#: only so far before a number.
REF_WORD_LONGEST = 16


#: The most characters a figure's currency and space take before its first digit (`_NUMBER`).
NUMBER_LEAD_LONGEST = 4


def referenced(text: str) -> set[str]:
    """Return the provisions `text` refers to, without their parts ("Absatz 3").

    >>> sorted(referenced("§§ 223 bis 226a, § 12 Absatz 3 and Sections 8.1 or 8.2"))
    ['12', '223', '226a', '8.1', '8.2']
    >>> sorted(referenced("§ 113 Absatz 3 und 4, Satz 1 Nr. 2, die Absätze 2 und 3"))
    ['113']
    >>> sorted(referenced("§ 74 Absatz 3 Satz 1 und des § 74b"))
    ['74', '74b']
    """
    out: set[str] = set()
    for a, b in references(text):
        out.update(provisions_in(text, a, b))
    return out


def provisions_in(text: str, a: int, b: int) -> list[str]:
    """Return the provisions the reference `text[a:b]` (one of `references`) names, without
    their parts, as `referenced` reads them.

    >>> text = "nach § 74 Absatz 3 Satz 1 und des § 74b"
    >>> [provisions_in(text, a, b) for a, b in references(text)]
    [['74'], ['74b']]
    """
    out = []
    # A chain that opens with a part ("Satz 1 Nr. 2") refers inside its own provision.
    in_part = PART_RE.match(text, a) is not None
    head = _REF_HEAD_RE.match(text[a:b])
    rest = text[a + (head.end() if head else 0) : b]
    at = 0
    for m in _REF_TOKEN_RE.finditer(rest):
        if in_part and any(
            not PART_RE.match(rest, h.start()) for h in REF_WORD_RE.finditer(rest, at, m.start())
        ):
            in_part = False  # a provision named again: "Absatz 3 und des § 74b"
        at = m.end()
        if m.lastgroup == "part":
            in_part = True
        elif not in_part:
            out.append(m.group())
    return out


@lru_cache(maxsize=4096)
def figures(text: str, language: str | None) -> tuple[tuple[str, str], ...]:
    """Return the figures in `text`: (value and unit, as written); not dates or references.

    >>> figures("US$100 billion and 600 000 troops, not Article 5 or 15 May 2015", "en")
    (('100e9 US$', 'US$100 billion'), ('600000', '600 000'))
    >>> figures("bis zu einem Jahr oder einhundertachtzig Tagessätzen (§ 40 Abs. 1)", "de")
    (('1 year', 'einem Jahr'), ('180 daily rate', 'einhundertachtzig Tagessätzen'))
    """
    # The dates only for a figure no other span skips (a law's numbers: references, markers).
    skip = list(references(text))
    skip += citations(text)
    skip += [m.span() for m in _URL.finditer(text)]
    if profile(text).digit:  # every list marker has a digit
        skip += [m.span() for m in near_numbers(_LIST_MARKER_RE, text, *LIST_MARKER_WINDOW)]
    found: list[tuple[int, str, str]] = []
    dated: list[list[Span]] = []  # the spans of the dates, once asked for

    def skipped(span: Span) -> bool:
        if overlaps(span, skip):
            return True
        if not dated:
            dated.append([s for _, s in dates(text)] + list(identifiers(text)))
        return overlaps(span, dated[0])

    for m in _RATIO.finditer(text) if any(c in text for c in _RATIO_MARKS) else ():
        if not skipped(m.span()):
            skip.append(m.span())
            found.append((m.start(), f"{m.group(1)}:{m.group(2)}", m.group()))
    for m in _MULTIPLE.finditer(text) if any(e in text for e in _MULTIPLE_ENDS) else ():
        times = m.group(1)
        value_of = int(times) if times.isdigit() else _number_word(times.casefold())
        if isinstance(value_of, int) and value_of > 1 and not skipped(m.span()):
            skip.append(m.span())
            found.append((m.start(), f"{value_of} times", m.group()))
    for m in from_digits(_NUMBER, text, NUMBER_LEAD_LONGEST):
        span = m.span("num")
        before, after = text[span[0] - 1 : span[0]], text[span[1] : span[1] + 1]
        if (before and (before.isalnum() or before in "_-–/")) or skipped(span):
            continue
        if re.match(r"/\d", text[span[1] : span[1] + 2]):
            continue  # an identifier such as Regulation (EU) 2016/679
        if (after.isalpha() or after == "_") and not re.match(r"(?:bn|mn|km)\b", text[span[1] :]):
            continue
        value = _value(m.group("num"), language)
        tail = _RANGE_TAIL_RE.match(text, span[1])
        if tail is not None and not skipped(tail.span()):
            value += f"–{_value(tail.group(1), language)}"
            span = (span[0], tail.end())
        unit, end = _unit(text, span[1])
        scale = {"e9": "e9", "e6": "e6", "e3": "e3"}.get(unit)
        key = f"{value}{scale or ''} {'' if scale else unit}{m.group('cur') or ''}".strip()
        found.append((m.start(), key, text[m.start() : end].strip()))
    for m in _NUMBER_WORD.finditer(text):
        word = m.group()
        value_of = _number_word(word)
        if value_of is None or skipped(m.span()) or _in_adjective(text, m.end()):
            continue
        unit, end = _unit(text, m.end())
        found.append((m.start(), f"{value_of} {unit}".strip(), text[m.start() : end]))
    ones = _ONE.possible(text) and _ONE_UNIT.possible(text)  # its guard first: the cheaper
    for m in _ONE.scan.finditer(text) if ones else ():
        if not skipped(m.span()):
            unit, end = _unit(text, m.end())
            found.append((m.start(), f"1 {unit}", text[m.start() : end]))
    return tuple((key, shown) for _, key, shown in sorted(found))


#: The word after a number word's hyphen, and what keeps it a figure there: "twenty-five",
#: "two-thirds" (units are read by `_unit`: "five-year").
_HYPHENED_RE = rx.compile(r"-([^\W\d_]+)")
_FRACTIONS_RE = rx.compile(r"(?:half|halves|third|quarter|fifth|tenth)s?", _I)


def _in_adjective(text: str, at: int) -> bool:
    """Tell whether the number word ending at `at` is joined by a hyphen to a word that is no
    unit, fraction or number: "three-dimensional", "one-sided" describe, they count nothing."""
    joined = _HYPHENED_RE.match(text, at)
    if joined is None:
        return False
    word = joined.group(1)
    return (
        not _unit(text, at + 1)[0]
        and not _FRACTIONS_RE.fullmatch(word)
        and _number_word(word) is None
    )


def _value(number: str, language: str | None) -> str:
    digits = re.sub(r"[ \u00a0\u202f]", "", number)
    thousands, decimal = (".", ",") if language == "de" else (",", ".")
    if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+", digits):
        digits = digits.replace(thousands, "")
    digits = digits.replace(decimal, ".")
    return digits.rstrip("0").rstrip(".") if "." in digits else digits


def _unit(text: str, at: int) -> tuple[str, int]:
    for key, pattern in _UNIT_RES:
        m = pattern.match(text, at)
        if m:
            return key, m.end()
    return "", at


def _number_word(word: str) -> int | str | None:
    """Return the value of an English or German number word ("fifty", "einhundertachtzig")."""
    lower = word.casefold()
    if lower in lx.NUMBER_WORDS:
        return lx.NUMBER_WORDS[lower] or lower
    if word != lower:
        return None  # German numerals are written in lower case; "Acht" is a noun
    return lx.GERMAN_NUMBERS.get(lower)


def parties_named(text: str, parties: Sequence[str], bound: bool = True) -> dict[str, str]:
    """Return the parties `text` names: canonical name -> the name as written, first first.

    Places, adjectives, a name inside a longer name ("Ukraine Development Fund") and a body
    only cited as the source of a rule ("OSCE/ODIHR standards") name no party; with `bound`,
    neither does a name inside a definition or inside the act an offence describes.

    >>> parties_named("In Kherson, Russian forces and the US act under OSCE/ODIHR standards.", ())
    {'United States': 'US'}
    >>> parties_named("Die Bundesregierung und die DPR (Zakharchenko)", ["DPR (Zakharchenko)"])
    {'Bundesregierung': 'Bundesregierung', 'DPR': 'DPR'}
    >>> parties_named("des Familiengerichts oder des Betreuungsgerichts", ())
    {'Familiengericht': 'Familiengerichts', 'Betreuungsgericht': 'Betreuungsgerichts'}
    """
    return dict(_parties_named(text, tuple(parties), bound))


#: The words of enumerations are asked one by one, and often: "und", "oder", "die".
@lru_cache(maxsize=4096)
def _parties_named(text: str, parties: tuple[str, ...], bound: bool) -> tuple[tuple[str, str], ...]:
    names, pattern = _party_pattern(parties)
    found: dict[str, str] = {}
    unbound: tuple[list[Span], list[Span]] | None = None
    for m in pattern.finditer(text):
        canonical = names[int((m.lastgroup or "p0")[1:])]
        role = canonical in _BY_ROLE
        # A third party is bound where a role is, but not inside the act an offence describes,
        # where it is whom the act involves ("an oder vor einer dritten Person"), as a body.
        aimed = not role or canonical == THIRD
        if canonical in _BY_COMPOUND:
            # "Familiengericht" and "Betreuungsgericht" are two courts, "Gerichts" one.
            canonical = _INFLECTION_RE.sub("", m.group()) or canonical
        elif role:
            canonical = actor(m.group())
        after = text[m.end() : m.end() + 40]
        if canonical in found or _CITED_RE.match(after) or _IN_A_NAME_RE.match(after):
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        if bound and ("am" in before or "AM" in before) and _NAME_OF_RE.search(before):
            continue  # "the name of the Initial Developer": the name is cited, no one acts
        if bound and CITED_BEFORE_RE.search(before):
            continue  # "Verordnung (EU)", "zum Nachteil des Verbrauchers": no one acts
        if bound and role and _predicate(before, after):
            continue  # "Ist der Besteller ein Verbraucher": a property of a person named
        if bound and role and COMPARED_BEFORE_RE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "die Arbeitsbedingungen anderer Arbeitnehmer": whom a rule compares with
        if bound and unbound is None:
            unbound = unbound_spans(text)
        if unbound and inside(m.span(), unbound[not aimed]):
            continue
        if after.lstrip().startswith("$"):
            continue  # US$100 billion
        found[canonical] = m.group()
    return tuple(found.items())


def _predicate(before: str, after: str) -> bool:
    """Tell whether a role between `before` and `after` is the predicate of "to be"."""
    if PREDICATE_BEFORE_RE.search(before):
        return True
    return bool(INDEFINITE_BEFORE_RE.search(before) and PREDICATE_AFTER_RE.match(after))


#: Curated parties whose compounds name different bodies: the compound is the party.
_BY_COMPOUND = frozenset(["Gericht", "Behörde"])
#: The actors by their role (`actors`): each compound and adjective names another.
_BY_ROLE = frozenset(name for name, _ in ACTORS)
THIRD = ACTORS[-1][0]
_INFLECTION_RE = rx.compile(r"(?<=gericht)(?:e?s|en?)$|(?<=gerichtshof)e?s$|(?<=behörde)n$", _I)
_NAME_OF_RE = rx.compile(r"\b(?:names?|namen)\s+(?:of|des|der)\s+(?:the\s+|any\s+)?\Z", _I)
#: What makes a party's name part of a longer name: "Ukraine Development Fund".
_IN_A_NAME_RE = rx.compile(r"\s+[A-Z][a-z]+\s+(?:Fund|Council|Bank|Agency|Office)\b")


@lru_cache(maxsize=64)
def _party_pattern(parties: tuple[str, ...]) -> tuple[tuple[str, ...], Blocks]:
    """Return the canonical names and one pattern for them all: the curated list, then the
    plans' own `parties` (without what they add in brackets; a place is never one)."""
    names = [name for name, _ in (*lx.PARTIES, *ACTORS)]
    patterns = [pattern for _, pattern in (*lx.PARTIES, *ACTORS)]
    for party in parties:
        name = re.sub(r"\s*\(.*?\)\s*", " ", party).strip()
        if name and name not in names and not PLACE_RE.fullmatch(name):
            names.append(name)
            patterns.append(re.escape(name))
    # Each alternative behind the look-ahead for its first characters (`lead`): the same
    # matches, each tried only where it can begin (a third of the time of a law's scans).
    alternatives = "|".join(f"{lead(rx.compile(p))}(?P<p{k}>{p})" for k, p in enumerate(patterns))
    return tuple(names), Blocks(alternatives, _named, 1)  # in blocks, as `_DEADLINE`


def _named(alternatives: str) -> re.Pattern[str]:
    """Return the pattern of the parties' names `alternatives`: whole words, no compound's."""
    return rx.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
