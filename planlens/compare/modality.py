"""The force of a statement's modal verbs, compared within aligned phrases, for `substance`.

Like `polarity`, compared inside one group of aligned phrases (`phrases.align`: the same
sentence or obligation on both sides), never over a clause as a whole.

- `modality`: the force of a statement (obligation, permission, recommendation, possibility,
  proposal) turns: shall -> may, will -> should, muss -> kann, "kann ... feststellen" ->
  "stellt ... fest" (a power that becomes a duty, a plain statement in a law). A ban is one
  force however worded ("shall not", "may not", "soll nicht", "darf nicht"); one force in other
  words (will / shall / is to / agrees to) and a duty against a plain statement ("will
  receive" / "receives", "hat ... zu erfolgen" / "erfolgt") are no change. Where a negator
  came or went, a ban against a duty ("muss" / "darf nicht") and a power against a plain
  statement ("kann ... verlangen" / "hat keinen Anspruch", "kann nicht beschränkt werden" /
  "ist ausgeschlossen") are negation's business, not a change of force. A duty that an act
  triggers, turned into the condition of a permission to do that act with no alternative
  beside it ("If You create ..., You must rename" / "you may create ... if you rename"), binds
  as before (`_duty_as_condition`); with an "or" beside it, it can be avoided. A modal verb that
  describes (in a relative or purpose clause: "parties who may", "so that a zone ... can be
  created") commits nothing and is masked. So is a clause that stands on one side only inside
  an aligned group ("...; this shall not apply to section 7 paragraph 3" dropped): its modal
  verbs are those of a provision removed or added, not a turn (`_alone`).
- `open_position`: a clause turned from an arrangement into positions on the table ("proposes",
  "no consensus") or the reverse.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import planlens.compare.lexicon as lx
import planlens.compare.patterns as rx
from planlens.compare.conditions import condition_spans
from planlens.compare.guards import guarded
from planlens.compare.phrases import phrase, similarity
from planlens.compare.polarity import SAME_STATEMENT, has_form, masked, negators, unrelated
from planlens.compare.statements import WORD_RE, Span, overlaps, word_pattern

_I = re.IGNORECASE
FORCES = tuple((force, guarded(word_pattern(pattern))) for force, pattern in lx.MODAL_FORCES)
PROPOSAL_RE = guarded(word_pattern(dict(lx.MODAL_FORCES)["proposal"]))
_NEGATIVE_PREDICATE_RE = guarded(word_pattern(lx.NEGATIVE_PREDICATES))
_ONLY_AFTER_RE = rx.compile(r"(?:\s+\w+){0,3}\s+only\b", _I)
#: A permission that, denied, is a ban ("may not", "darf nicht"), and the denial after it.
_BAN_RE = rx.compile(r"may|darf|dürfen|durfte|durften", _I)
_DENIED_RE = rx.compile(r"(?:\s+\w+){0,3}?\s+(?:not|nicht|kein\w*)\b", _I)
#: The bounds of the clause that holds a modal verb (a parenthesis stays in it: "You must (a)
#: rename").
_CLAUSE_BOUND_RE = rx.compile(r"[,;.:!?]")
#: An alternative in a condition: "provided that you make a good faith effort ..., or b) under
#: the GNU GPL", "wenn er den Vermieter unterrichtet oder eine Bürgschaft stellt".
_ALTERNATIVE_RE = rx.compile(r"\b(?:or|oder)\b", _I)
#: How much of an act must stand in the other side's conditions for `_duty_as_condition`.
_ACT_SHARE = 0.5
#: Forces that, against a plain statement, change what is committed: a power, a recommendation,
#: an expectation or a proposal that becomes a plain statement (a duty, in a law) or back.
_TURNS_PLAIN = frozenset(["permission", "recommendation", "possibility", "proposal"])
#: A German subjunctive at the end of its clause, where a subordinate clause puts its verb:
#: the mood of a hypothetical ("wenn ... b) die Aufhebung eine so schwere Härte darstellen
#: würde, dass ..."), no force of the statement, which puts its finite verb second.
_VERB_FINAL_RE = rx.compile(r"\b(?:würden?|könnten?)(?=\s*[,;.:)]|\s*\Z)")
#: The clauses of a statement, for `_alone`: up to a semicolon or a sentence's end.
_CLAUSE_RE = rx.compile(r"[^;.!?]+(?:[;.!?]+|\Z)")
#: Words of a clause that say nothing of its content: references ("section 7 paragraph 3",
#: "§ 7 Abs. 3"), besides the modal verbs and negators.
_BARE_RE = rx.compile(rf"(?:{lx.REFERENCE_WORDS})\.?|{lx.NEGATORS}|{lx.AUXILIARIES}", _I)
#: A clause of one side whose content words stand on the other side less than this share is
#: one side's only; a clause reworded keeps more ("muß oder kann auf Einziehung ... erkannt
#: werden" / "ordnet ... die Einziehung ... an": three of seven).
_ALONE_SHARE = 1 / 3


def _same(word: str) -> str:
    return word


#: A modal verb in a comparative clause after "as" ("other than as may be required by
#: applicable law", "as may be permitted by law"): what the law may require, no force of the
#: statement (branch flagfix11, held-out-10). English: German says it with "soweit", a
#: condition.
_AS_MAY_RE = rx.compile(r"\bas\s+(?:may|might|can|could|shall)\s+be\s+\w+", _I)


def _without_as_may(text: str) -> str:
    """Return `text` with its comparative clauses' modal verbs blanked (`_AS_MAY_RE`)."""
    if "as " not in text and "AS " not in text:
        return text
    return _AS_MAY_RE.sub(_blank, text)


def _denials(text: str) -> int:
    """Return how many predicates that say "not" by themselves ("prohibited", "untersagt")
    `text` has."""
    return sum(1 for _ in _NEGATIVE_PREDICATE_RE.finditer(text))


def forces(text: str, bans: bool = True) -> dict[str, list[str]]:
    """Return the forces of the modal verbs in `text` with the words that carry them.

    With `bans`, a permission denied ("may not", "darf nicht") binds as "shall not": one force.
    """
    out: dict[str, list[str]] = {}
    taken: list[Span] = []
    for force, pattern in FORCES:
        for m in pattern.finditer(text):
            if overlaps(m.span(), taken):
                continue
            taken.append(m.span())
            force_here = force
            # "may ... only under these terms" binds as "must": a restriction, not a permission;
            # so does a ban ("may not").
            if force == "permission" and (
                _ONLY_AFTER_RE.match(text, m.end())
                or (bans and _BAN_RE.match(m.group()) and _DENIED_RE.match(text, m.end()))
            ):
                force_here = "obligation"
            out.setdefault(force_here, []).append(m.group().casefold())
    return out


def modality(old: str, new: str) -> tuple[list[str], list[str]]:
    """Return the modal words of a statement (two aligned phrases) whose force turned."""
    mo, mn = unrelated(_without_as_may(old)), unrelated(_without_as_may(new))
    a, b = forces(mo, bans=False), forces(mn, bans=False)
    if a.keys() == b.keys():
        return [], []
    # A clause on one side only, where that side has more clauses with modal verbs, brings the
    # modal verbs of a provision added or removed; a German subjunctive at its clause's end is
    # the mood of a subordinate clause.
    count_old, count_new = _modal_clauses(mo), _modal_clauses(mn)
    mo, mn = (
        _VERB_FINAL_RE.sub(_blank, _alone(mo, new) if count_old > count_new else mo),
        _VERB_FINAL_RE.sub(_blank, _alone(mn, old) if count_new > count_old else mn),
    )
    a, b = forces(mo, bans=False), forces(mn, bans=False)
    if a.keys() == b.keys():
        return [], []
    # A ban is one force however worded ("shall not" / "may not"), and one that stands where a
    # duty stood is negation's business, wherever a negator came or went: "muss verlängert
    # werden" / "darf nicht verlängert werden", "darf nicht unterbleiben" / "muss erfolgen".
    banned_old, banned_new = forces(mo), forces(mn)
    if banned_old.keys() == banned_new.keys():
        return [], []
    # Where a negator came or went, "may" / "may not" is negation's business: the forces are
    # read with their bans only where the negators stay; so is a predicate that says "not" by
    # itself come or gone: "are permitted" / "are prohibited" grants or denies the same act.
    turned = len(negators(mo)) != len(negators(mn)) or _denials(mo) != _denials(mn)
    if not turned:
        a, b = banned_old, banned_new
    # A duty beside a plain statement is style ("will receive" / "receives", "hat ... zu
    # erfolgen" / "erfolgt"); a power, a recommendation or a proposal that becomes a plain
    # statement, or the reverse, turns the statement ("kann ... feststellen" / "stellt ...
    # fest"), when it is one statement on both sides.
    if not a or not b:
        if not (a.keys() | b.keys()) & _TURNS_PLAIN:
            return [], []
        # A power against a plain statement where a negator came or went is the same right
        # granted or denied ("kann ... verlangen" / "hat keinen Anspruch auf"), or a ban said
        # with a negative predicate ("kann nicht beschränkt werden" / "ist ausgeschlossen"):
        # negation's business, not a change of force.
        if turned:
            return [], []
        if similarity(phrase(old, _same), phrase(new, _same)) < SAME_STATEMENT:
            return [], []  # a rewrite: its plain verb says nothing of the force before
    # A duty that an act triggers, turned into the condition of a permission to do that act,
    # binds as before: "If You create a modified version ..., You must rename ..." / "you may
    # create ... a modified version ... if you rename ...".
    gone, came = a.keys() - b.keys(), b.keys() - a.keys()
    if (gone, came) == ({"obligation"}, {"permission"}) and _duty_as_condition(old, mo, new, mn):
        return [], []
    if (came, gone) == ({"obligation"}, {"permission"}) and _duty_as_condition(new, mn, old, mo):
        return [], []
    return _in_its_place(
        [w for force, ws in a.items() if force not in b for w in ws],
        [w for force, ws in b.items() if force not in a for w in ws],
        a,
        b,
    )


def _in_its_place(
    gone: list[str], came: list[str], a: dict[str, list[str]], b: dict[str, list[str]]
) -> tuple[list[str], list[str]]:
    """Return the modal words of a turn, `gone` and `came`, with what stands in the place of a
    force that went without another coming (or came where none went): the words of a force
    both sides have that one side has more of ("Ukraine qualifies for membership ..., it will
    enjoy" / "Ukraine will take up membership ..., will enjoy": "qualifies for" -> "will").
    Where no force has more words, the other side says it plainly and shows nothing.
    """
    if gone and not came:
        came = _more(b, a)
    elif came and not gone:
        gone = _more(a, b)
    return gone, came


def _more(side: dict[str, list[str]], other: dict[str, list[str]]) -> list[str]:
    """Return the words of the forces `side` shares with `other` that `side` has more of."""
    out: list[str] = []
    for force, words in side.items():
        extra = Counter(words) - Counter(other.get(force, ()))
        out += [w for w in dict.fromkeys(words) if extra[w]]
    return out


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _modal_clauses(text: str) -> int:
    """Return how many clauses of `text` have a modal verb: a clause reworded on both sides
    ("Ukrainian forces will pull out" / "the United States proposes") is one on each."""
    return sum(
        any(pattern.search(m.group()) for _, pattern in FORCES) for m in _CLAUSE_RE.finditer(text)
    )


def _alone(text: str, other: str) -> str:
    """Return `text` with its clauses blanked that have a modal verb and whose content words
    stand in `other` less than a third: a clause one side has alone ("...; this shall not apply to
    section 7 paragraph 3" / "..."), whose force is no turn of the statement."""
    there: frozenset[str] | None = None
    for m in _CLAUSE_RE.finditer(text):
        clause = m.group()
        if not any(pattern.search(clause) for _, pattern in FORCES):
            continue
        words = [w for w in phrase(clause, _same).stems if not _BARE_RE.fullmatch(w)]
        if there is None:
            there = phrase(other, _same).stems
        if words and sum(has_form(there, w) for w in words) < _ALONE_SHARE * len(words):
            a, b = m.span()
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def _act(text: str, force: str) -> frozenset[str]:
    """Return the content words of the clause of `text` (masked) that holds a modal verb of
    `force`: the act it binds or allows ("You must (a) rename Your license": rename, license)."""
    pattern = dict(FORCES)[force]
    m = pattern.search(text)
    if m is None:
        return frozenset()
    starts = [e.end() for e in _CLAUSE_BOUND_RE.finditer(text, 0, m.start())]
    end = _CLAUSE_BOUND_RE.search(text, m.end())
    clause = text[starts[-1] if starts else 0 : end.start() if end else len(text)]
    return phrase(clause, _same).stems


def _duty_as_condition(duty: str, duty_masked: str, permit: str, permit_masked: str) -> bool:
    """Tell whether the duty of `duty` is, in `permit`, the condition of a permission to do the
    act that triggered it, with no alternative beside it: the same duty, no change of force.

    The permitted act stands in a condition of `duty` ("If You create ... a modified version
    of this License" / "you may create and use a modified version of this License"), and the
    act of the duty in a condition of `permit` ("You must rename Your license" / "if you
    rename the license"); an "or" that the duty had not ("provided that you make a good faith
    effort ..., or b) under the GNU GPL") offers a way round it: a duty no more."""
    bound, allowed = _act(duty_masked, "obligation"), _act(permit_masked, "permission")
    if not bound or not allowed:
        return False
    duty_conditions = [duty[a:c] for a, _, c in condition_spans(duty)]
    permit_conditions = [permit[a:c] for a, _, c in condition_spans(permit)]
    if not _within(allowed, duty_conditions):
        return False
    holding = [c for c in permit_conditions if _within(bound, [c])]
    if not holding:
        return False
    before = len(_ALTERNATIVE_RE.findall(duty_masked))
    return all(len(_ALTERNATIVE_RE.findall(c)) <= before for c in holding)


def _within(words: frozenset[str], texts: Sequence[str]) -> bool:
    """Tell whether most of `words` (in any form) stand in `texts`."""
    there = frozenset(w.casefold() for text in texts for w in WORD_RE.findall(text))
    return bool(there) and sum(has_form(there, w) for w in words) >= _ACT_SHARE * len(words)


def open_position(olds: Sequence[str], news: Sequence[str]) -> tuple[list[str], list[str]]:
    """Return the words of an open position ("proposes", "no consensus", "positions differ")
    in the changed phrases of one side only (`olds`, `news`, each side's joined by spaces):
    the clause turned from an arrangement into positions on the table, or the reverse,
    wherever its phrases went."""
    if not (PROPOSAL_RE.possible_joined(olds) or PROPOSAL_RE.possible_joined(news)):
        return [], []  # no word of a proposal on either side (most clauses): nothing joined
    old, new = " ".join(olds), " ".join(news)
    if bool(PROPOSAL_RE.search(old)) == bool(PROPOSAL_RE.search(new)):
        return [], []  # the cheap test first: the words of a proposal on one side only
    a, b = forces(masked(old)), forces(masked(new))
    if ("proposal" in a) == ("proposal" in b):
        return [], []
    return a.get("proposal", []), b.get("proposal", [])


def restricted_permission(old: str, new: str) -> bool:
    """Tell whether one side's "only" is that of a permission read as a restriction ("may be
    brought only in the courts of", `forces`) where the other side says it as an obligation
    with no "only" ("shall be maintained in the courts of"): the same exclusive duty, no
    `scope` (nor `modality`: both read as obligations).

    >>> restricted_permission("Suits shall be filed in Bonn.", "Suits may be filed only in Bonn.")
    True
    >>> restricted_permission("Suits may be filed in Berlin.", "Suits may be filed only in Berlin.")
    False
    """
    for a, b in ((old, new), (new, old)):
        if "only" in b.casefold() and "only" not in a.casefold():
            restricted = forces(b, bans=False).get("obligation", [])
            return "obligation" in forces(a, bans=False) and any(
                w in ("may", "can") for w in restricted
            )
    return False
