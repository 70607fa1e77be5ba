"""Changes of substance between two texts: what the clause commits, not how many words it has.

A flag names what of one kind the old text had that the new one has not, and the reverse.
Flags decide whether a changed clause is `modified` (substance changed) or only `reworded`.

The texts are compared phrase by phrase (`phrases`): the phrases that changed are aligned with
their versions on the other side, and the phrases with no version there were added or removed.

- What a clause states is compared over its changed phrases, wherever it moved to: figures
  (`number`: amounts, counts, shares, not dates, times, reference numbers, versions or the
  years of a copyright notice: `citations`), dates and
  deadlines (`date`), conditions, exceptions and triggers (`condition`: one with no version on
  the other side, or one that turns by a negator, "wenn kein Schaden entsteht"), and the parties
  named (`party`: the plans' own `parties`, a curated list and organisations named with their
  legal form, "Sun Microsystems, Inc.", "Muster GmbH"; places, adjectives and bodies
  only cited as the source of a rule are no parties). These come with an added or removed
  phrase too: a new deadline is news wherever it comes from.
- How it commits is compared inside each group of aligned phrases only (one statement on
  both sides): the force of its modal verbs (`modality`: obligation, permission,
  recommendation, possibility, proposal; a ban is one force however worded) and its polarity
  (`negation`: a negator of the statement next to a word both sides have, not one that
  describes a noun or comes with words of its own, nor a negation reworded), by
  `modality` and `polarity`, and its extent
  (`scope`: all / only / full / unconditional / interim / permanent / a bound..., the places
  it applies to, the forms it covers ("in source code and object code form"), the provisions
  it refers to when some stay, an item added to or dropped from a list (an alternative act of
  an offence too, "Wer ... vornimmt [oder ... bestimmt], wird"), what is left to the choice of
  whom it addresses ("under terms of your choice", "nach seiner Wahl"), two persons paired
  where the other side counts none ("von zwei Personen": who, not a `number`); a bound
  said with a negator is a bound, "höchstens" / "nicht mehr als"; an "any" a negator governs
  is none ("Nothing ... any admission"); "not ... but" / "nicht ..., sondern" is an "only";
  the "only" of "only if" / "nur, wenn" is no scope but a necessary condition, and one that
  comes or goes is a `condition`), and a sentence that carries a kept provision over to more
  cases ("Die Sätze 1 bis 4 gelten auch für ...": `extensions`).
  A phrase added whole says nothing of these: its "will" is no change of modality.
- `provision`: a phrase stating a rule of its own (four content words or more, not a heading,
  an editorial note or an item of a list: "; a dramatic work;") added or removed.

A paragraph set off as a note ("Note: This license is derived from ...", "Hinweis: ...") is a
remark to the reader, editorial: it is left out of both texts before they are compared.

The word lists are in `lexicon`; they cover English and German, the languages of the shipped
plans and corpora. `bench/flag_accuracy.py` measures all of this on labelled real pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

import planlens.compare.lexicon as lx
import planlens.compare.patterns as rx
from planlens.compare.conditions import Condition, added_inside, conditions, redirected
from planlens.compare.deadlines import at_the_time, deadline_key
from planlens.compare.extensions import extends, extensions, form_only, narrows
from planlens.compare.extent import enumerations, general_nouns, places
from planlens.compare.guards import guarded
from planlens.compare.items import clauses, opened, restated, shown_items
from planlens.compare.listed_conditions import listed_conditions
from planlens.compare.modality import FORCES, modality, open_position, restricted_permission
from planlens.compare.model import Flag, FlagType, listed
from planlens.compare.necessary import only_if, without_only_if
from planlens.compare.negation_forms import except_for_only, only_for_two_negators
from planlens.compare.party_changes import party_difference
from planlens.compare.phrases import Alignment, Phrase, align, folded, phrase
from planlens.compare.polarity import (
    masked,
    negation,
    negators,
    same_condition,
    turned_condition,
)
from planlens.compare.qualifiers import qualifiers
from planlens.compare.ranges import scope_words
from planlens.compare.remarks import LAW_NOTE_RE, PURPOSE_RE, without_notes
from planlens.compare.renumbering import Renumbering, referred_change
from planlens.compare.statements import (
    URL_RE,
    WORD_RE,
    dates,
    figures,
    word_pattern,
)
from planlens.compare.stemming import stemmer

_I = re.IGNORECASE
_BOTH_RE = guarded(word_pattern(lx.BOTH))
#: A phrase that goes on a list in lower case with an indefinite article ("...; a dramatic or
#: dramatico-musical work;", "; oder eine bewegliche Sache;"): an item, a noun, unless a verb of
#: force makes it a rule ("and a security zone is to be created").
_LIST_ITEM_RE = rx.compile(
    r"(?:(?:or|and|oder|und)\s+)?(?:a|an|ein|eine|einen|einem|einer|eines)\s"
)
#: An item has no verb of its own: none before its first relative clause or condition ("a
#: cinematographic work to which are assimilated ...", "a compilation of data to the extent
#: it is protected"); "; a fee is payable", "; eine Vergütung ist zu zahlen" are rules.
_ITEM_ENDS_RE = rx.compile(
    r"\b(?:which|that|who|whom|whose|where|when|if|unless|to the extent|wenn|soweit|sofern|"
    r"falls)\b|,\s*(?:der|die|das|dem|den|deren|dessen|welche[nmrs]?)\b",
    _I,
)
_ITEM_VERB_RE = rx.compile(
    r"\b(?:is|are|was|were|be|been|becomes?|has|have|had|does|do|applies|apply|ist|sind|war|"
    r"waren|wird|werden|wurde|hat|haben|hatte|gilt|gelten|bleibt|bleiben)\b",
    _I,
)
_EDITORIAL_RE = rx.compile(lx.EDITORIAL, _I)
#: Two persons paired ("von zwei Personen", "by two persons"): who a provision covers, no
#: amount. A pairing that comes or goes where the other side has none is `scope`, not a
#: `number`: "Die Ehe wird geschlossen" / "Die Ehe wird von zwei Personen ... geschlossen".
_PAIRING_RE = guarded(
    rx.compile(
        r"\b(?:two|zwei)\s+(?:(?:natural|natürlichen?)\s+)?"
        r"(?:persons|people|individuals|Personen|Menschen)\b",
        _I,
    )
)
#: The forms a grant covers: "in source code and object code form", "in Source Code or other
#: form". One that goes, comes or changes inside a statement changes how far it reaches
#: (`scope`); not the form a declaration takes ("in Textform": `lexicon.DECLARED_FORMS`).
_FORM_RE = guarded(rx.compile(lx.GRANTED_FORMS, _I))
_FORM_WORD_RE = word_pattern(
    r"forms?|formats?|Textform|Schriftform|schriftlich\w*|elektronisch\w*|written|writing|"
    r"electronic\w*|\w*[Dd]atenträger\w*|durable\s+medium"
)
#: A phrase with no counterpart states a provision from this many content stems.
PROVISION_STEMS = 3
#: A phrase of this many words or fewer, each long one capitalised and no verb, is a heading.
HEADING_WORDS = 8
#: Words added inside a condition change it from this many content stems the other side lacks.
WIDENED_STEMS = 2


# -- the flags ----------------------------------------------------------------------------


def substance_flags(
    old: str,
    new: str,
    language: str | None = None,
    parties: Sequence[str] = (),
    renumbering: Renumbering | None = None,
) -> tuple[Flag, ...]:
    """Return a flag for each kind of substance that differs between `old` and `new`.

    `parties` are the plans' own parties (as in `Plan.parties`), besides the curated list.
    With a `renumbering` (which clause of the old plan became which of the new: `compare` gives
    it), a reference renumbered with the provision it names is no change (`renumbering`).

    >>> for flag in substance_flags("capped at 600,000 personnel", "capped at 800,000 personnel"):
    ...     print(flag)
    Flag(type='number', old='600,000', new='800,000')
    >>> substance_flags("The US will respond.", "The US, NATO and EU states will respond.")
    (Flag(type='party', old='', new='NATO, EU'),)
    >>> substance_flags("Elections within 100 days.", "Elections as soon as possible.")
    (Flag(type='date', old='within 100 days', new='as soon as possible'),)

    A sentence added whole is a provision; its "will" and "all" are no change of modality or
    scope:

    >>> substance_flags("Russia will go.", "Russia will go. All sides will monitor the line.")
    (Flag(type='provision', old='', new='All sides will monitor the line.'),)
    """
    if " ".join(old.split()) == " ".join(new.split()):
        return ()
    old, new = without_notes(old), without_notes(new)
    alignment = align(old, new, language)
    # The phrases both texts share cancel out: what they state is looked for in the others.
    old_changed = [p.text for p in _changed(alignment, old=True)]
    new_changed = [p.text for p in _changed(alignment, old=False)]
    old_figures = [f for text in old_changed for f in figures(text, language)]
    new_figures = [f for text in new_changed for f in figures(text, language)]
    old_figures, new_figures = (
        _unstated(old_figures, new, language),
        _unstated(new_figures, old, language),
    )
    old_figures += _both(old_changed, old_figures, new_figures)
    new_figures += _both(new_changed, new_figures, old_figures)
    # A pairing of persons where the other side counts nothing says who, not how many.
    gone_pairs, came_pairs = _pairings(old_changed, new_changed)
    pairings = ([] if new_figures else gone_pairs, [] if old_figures else came_pairs)
    old_figures = _without_pairings(old_figures, pairings[0])
    new_figures = _without_pairings(new_figures, pairings[1])
    old_dates = [d for text in old_changed for d, _ in dates(text)] + at_the_time(
        p.text for p in alignment.removed
    )
    new_dates = [d for text in new_changed for d, _ in dates(text)] + at_the_time(
        p.text for p in alignment.added
    )
    items, conditional_items = enumerations(alignment, parties, language)
    kinds, conditional_kinds = general_nouns(alignment, language)
    items, merged = folded(clauses(restated(items, old, new)), alignment, language)
    found: dict[FlagType, tuple[list[str], list[str]]] = {
        "number": _difference(
            [k for k, _ in old_figures], [k for k, _ in new_figures],
            [s for _, s in old_figures], [s for _, s in new_figures],
        ),
        "date": _difference(
            [deadline_key(d) for d in old_dates], [deadline_key(d) for d in new_dates],
            old_dates, new_dates,
        ),
        "negation": _per_group(alignment, negation),
        "modality": _per_group(alignment, modality),
        "party": party_difference(old, new, old_changed, new_changed, parties),
        "condition": _plus(
            _plus(_condition_difference(alignment, language), conditional_items),
            _plus(
                _plus(conditional_kinds, _per_group(alignment, _necessary)),
                listed_conditions(alignment, language),
            ),
        ),
        "scope": _plus(
            _plus(_per_group(alignment, lambda o, n: _scope(o, n, parties, renumbering)), items),
            _plus(
                _plus(qualifiers(alignment, language, (old, new)), kinds),
                _plus(_gists(extensions(alignment, merged, (old, new))), pairings),
            ),
        ),
        "provision": (
            [_gist(p) for p in alignment.removed if _is_provision(p, merged)],
            [_gist(p) for p in alignment.added if _is_provision(p, merged)],
        ),
    }  # fmt: skip
    # A reference to a paragraph the same side opens follows that provision ("(1a) ...").
    gone_marks, came_marks = opened(alignment.removed), opened(alignment.added)
    found["scope"] = (
        shown_items([x for x in found["scope"][0] if not (x[:2] == "§ " and x[2:] in gone_marks)]),
        shown_items([x for x in found["scope"][1] if not (x[:2] == "§ " and x[2:] in came_marks)]),
    )
    if not any(found["modality"]):
        found["modality"] = open_position(old_changed, new_changed)
    return tuple(
        Flag(kind, listed(gone), listed(came))
        for kind, (gone, came) in found.items()
        if gone or came
    )


def _both(
    texts: list[str], ours: list[tuple[str, str]], theirs: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Return "both" as the figure 2 where the other side counts two and this side does not:
    "do these two things" / "do both of the following"."""
    keys = [k for k, _ in ours]
    if "2" in keys or "2" not in (k for k, _ in theirs):
        return []
    return [("2", m.group()) for text in texts for m in _BOTH_RE.finditer(text)][:1]


def _unstated(
    found: list[tuple[str, str]], other: str, language: str | None
) -> list[tuple[str, str]]:
    """Return the figures `other` does not state anywhere: one it states is no change, as a
    party named there is none ("unter achtzehn Jahren" gone with a removed paragraph while
    another keeps it)."""
    keys = {key for key, _ in figures(other, language)} if found else set()
    return [f for f in found if f[0] not in keys]


def _pairings(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    """Return the pairings of persons (`_PAIRING_RE`) only one side's changed phrases have."""
    a = [m.group() for text in old for m in _PAIRING_RE.finditer(text)]
    b = [m.group() for text in new for m in _PAIRING_RE.finditer(text)]
    keys_a = [" ".join(x.casefold().split()) for x in a]
    keys_b = [" ".join(x.casefold().split()) for x in b]
    return _difference(keys_a, keys_b, a, b)


def _without_pairings(found: list[tuple[str, str]], pairings: list[str]) -> list[tuple[str, str]]:
    """Return the figures without the count of each pairing of persons in `pairings`."""
    out = list(found)
    for pairing in pairings:
        count = pairing.split()[0].casefold()
        for i, (key, shown) in enumerate(out):
            if key == "2" and shown.casefold() == count:
                del out[i]
                break
    return out


def _difference(
    before: list[str], after: list[str], shown_before: list[str], shown_after: list[str]
) -> tuple[list[str], list[str]]:
    """Return what only `before` has and what only `after` has, as written, counting repeats."""
    gone = Counter(before) - Counter(after)
    came = Counter(after) - Counter(before)
    return _pick(before, shown_before, gone), _pick(after, shown_after, came)


def _pick(keys: list[str], shown: list[str], wanted: Counter[str]) -> list[str]:
    left = Counter(wanted)
    out = []
    for key, text in zip(keys, shown, strict=True):
        if left[key] > 0:
            left[key] -= 1
            out.append(text)
    return out


_GroupRule = Callable[[str, str], tuple[list[str], list[str]]]


def _per_group(alignment: Alignment, rule: _GroupRule) -> tuple[list[str], list[str]]:
    gone: list[str] = []
    came: list[str] = []
    for olds, news in alignment.groups:
        g, c = rule(" ".join(p.text for p in olds), " ".join(p.text for p in news))
        gone += g
        came += c
    return gone, came


def _scope(
    old: str, new: str, parties: Sequence[str], renumbering: Renumbering | None = None
) -> tuple[list[str], list[str]]:
    mo, mn = masked(old), masked(new)
    # A bound said with a negator is read as one: "höchstens" / "nicht mehr als".
    # The "only" of "only if" is the condition's.
    # An "any" a negator governs ("Nothing ... any admission") sets no extent, nor does it
    # count as missing where the other side has it ungoverned: the polarity turned.
    governed_a: set[str] = set()
    governed_b: set[str] = set()
    a = scope_words(masked(without_only_if(old), bounds=True), governed_a)
    b = scope_words(masked(without_only_if(new), bounds=True), governed_b)
    count_old, count_new = len(negators(mo)), len(negators(mn))
    # "only" said with negators: "nicht auf Sachen, die ... nicht" / "nur auf Sachen, die",
    # "nur, wenn" / "nicht, es sei denn".
    if ("only" in a) != ("only" in b) and (
        only_for_two_negators(mo, mn, count_old, count_new)
        or except_for_only(mo, mn, count_old, count_new, (old, new))
        or restricted_permission(mo, mn)  # "shall be brought in" / "may be brought only in"
    ):
        a.pop("only", None)
        b.pop("only", None)
    gone = [w for name, ws in a.items() if name not in b and name not in governed_b for w in ws]
    came = [w for name, ws in b.items() if name not in a and name not in governed_a for w in ws]
    # The forms: one said otherwise on the other side ("schriftlich, ... elektronisch" / "in
    # Textform", "in any form" / "any form of") is no change; one gone with no word of form
    # left, or one in place of another, is.
    fa, fb = _forms(mo), _forms(mn)
    if {f.casefold() for f in fa} != {f.casefold() for f in fb} and (
        (fa and fb) or not _FORM_WORD_RE.search(mn if fa else mo)
    ):
        gone += sorted(fa - fb)
        came += sorted(fb - fa)
    pa, pb = places(mo), places(mn)
    gone += sorted(pa - pb)
    came += sorted(pb - pa)
    ra, rb = referred_change(old, new, renumbering)
    gone += [f"§ {r}" for r in ra]
    came += [f"§ {r}" for r in rb]
    return gone, came


def _forms(text: str) -> set[str]:
    """Return the forms `text` says its provision covers (`_FORM_RE`), as written."""
    return {" ".join(m.group().split()) for m in _FORM_RE.finditer(text)}


def _necessary(old: str, new: str) -> tuple[list[str], list[str]]:
    """Return the markers of a necessary condition ("nur, wenn", "only if") one side of a
    statement has and the other not: a condition that becomes sufficient, or the reverse; not
    where the other side says it with "not ..., unless" ("nicht, es sei denn")."""
    a, b = only_if(old), only_if(new)
    if Counter(a) == Counter(b):
        return [], []
    mo, mn = masked(old), masked(new)
    if except_for_only(mo, mn, len(negators(mo)), len(negators(mn)), (old, new)):
        return [], []
    return list((Counter(a) - Counter(b)).elements()), list((Counter(b) - Counter(a)).elements())


def _plus(
    a: tuple[list[str], list[str]], b: tuple[list[str], list[str]]
) -> tuple[list[str], list[str]]:
    return a[0] + b[0], a[1] + b[1]


def _condition_difference(
    alignment: Alignment, language: str | None
) -> tuple[list[str], list[str]]:
    """Return the conditions of the changed phrases that have no version on the other side,
    and those whose every version there says the reverse (`turned_condition`)."""
    # An item of a list added or dropped whole takes its qualifier with it ("; a compilation of
    # data to the extent it is protected;"): that conditions no provision.
    items = {p for p in (*alignment.removed, *alignment.added) if _is_list_item(p.text)}
    olds = [
        (c, p.text)
        for p in _changed(alignment, old=True)
        if p not in items
        for c in conditions(p.text, language)
    ]
    news = [
        (c, p.text)
        for p in _changed(alignment, old=False)
        if p not in items
        for c in conditions(p.text, language)
    ]
    stem = stemmer(language)
    unmatched_old = [c for c, s in olds if not _kept((c, s), news, stem, old=True)]
    unmatched_new = [c for c, s in news if not _kept((c, s), olds, stem, old=False)]
    return [c.shown for c in unmatched_old], [c.shown for c in unmatched_new]


_Stated = tuple[Condition, str]  # a condition and the phrase it stands in


def _kept(c: _Stated, others: list[_Stated], stem: Callable[[str], str], *, old: bool) -> bool:
    """Tell whether the other side has a version of the condition `c` that does not turn it
    ("if the contract becomes invalid" / "if the contract does not become invalid" turns) nor
    has words added inside it (`_widened`)."""
    versions = [d for d in others if same_condition(c[0], d[0], stem)]
    return any(
        not (_turned(c, d) if old else _turned(d, c))
        and not _widened(c, d, others, stem)
        and not redirected(c[0], d[0])  # "under this license" / "under a different license"
        for d in versions
    )


def _widened(c: _Stated, d: _Stated, others: list[_Stated], stem: Callable[[str], str]) -> bool:
    """Tell whether words were added inside the condition `c` that its version `d` lacks, with
    nothing in their place there (`added_inside`), and `WIDENED_STEMS` content stems or more of
    them that the other side does not state anywhere: "wenn der Vermieter das Dach nach einer
    schriftlichen Mahnung nicht repariert" / "... das Dach nicht repariert" narrows it."""
    added = added_inside(c[0], d[0])
    if not added:
        return False
    there = frozenset().union(*(phrase(s, stem).stems for _, s in others))
    # A run with a number is a reference, figure or date, which their kinds compare.
    return any(
        len(phrase(x, stem).stems - there) >= WIDENED_STEMS
        for x in added
        if not any(ch.isdigit() for ch in x)
    )


def _turned(old: _Stated, new: _Stated) -> bool:
    # Most conditions have no negator on either side and the same marker: the cheap test first.
    (a, in_old), (b, in_new) = old, new
    if a.written == b.written:
        return False
    return turned_condition(a.written, a.opening, b.written, b.opening, (in_old, in_new))


def _changed(alignment: Alignment, *, old: bool) -> list[Phrase]:
    side = 0 if old else 1
    grouped = [p for group in alignment.groups for p in group[side]]
    return grouped + list(alignment.removed if old else alignment.added)


def _is_provision(p: Phrase, merged: set[int]) -> bool:
    """Tell whether a phrase with no counterpart states a rule: not a heading, note or link,
    nor one that extends or narrows the provision before it or only gives the form of its
    declaration (`extensions`), nor one folded into a list (`folded`)."""
    if extends(p) or narrows(p) or form_only(p) or id(p) in merged:
        return False
    text = p.text.strip()
    if len(p.stems) < PROVISION_STEMS or _EDITORIAL_RE.search(text) or URL_RE.fullmatch(text):
        return False
    if PURPOSE_RE.match(text):
        return False  # why a rule is there ("Damit sollen ... verhindert werden"), no rule
    if LAW_NOTE_RE.match(text):
        return False  # what some laws allow ("Some jurisdictions do not allow ..."), no term
    if _is_list_item(text):
        return False  # an item of a list: "a dramatic or dramatico-musical work;"
    words = WORD_RE.findall(text)
    capitals = sum(w[0].isupper() for w in words if len(w) > 3)
    long_words = sum(1 for w in words if len(w) > 3)
    heading = not text.endswith((".", ";", ":", ",")) and capitals >= 0.6 * long_words
    # A heading run in before its clause's first sentence ("Distribution of Executable
    # Versions. In addition, ..."): a title of a few words, each long one capitalised, with no
    # verb of being or of force ("The Buyer Must Pay." is a rule).
    titled = (
        capitals == long_words
        and len(words) <= HEADING_WORDS
        and not _ITEM_VERB_RE.search(text)
        and not any(f.search(text) for _, f in FORCES)
    )
    return not (heading or titled)


def _is_list_item(text: str) -> bool:
    """Tell whether a phrase is an item of a list, a noun, not a rule (`_LIST_ITEM_RE`)."""
    if _LIST_ITEM_RE.match(text) is None or any(f.search(text) for _, f in FORCES):
        return False
    end = _ITEM_ENDS_RE.search(text)
    return _ITEM_VERB_RE.search(text, 0, end.start() if end else len(text)) is None


def _gists(found: tuple[list[Phrase], list[Phrase]]) -> tuple[list[str], list[str]]:
    return [_gist(p) for p in found[0]], [_gist(p) for p in found[1]]


def _gist(p: Phrase, words: int = 8) -> str:
    parts = p.text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
