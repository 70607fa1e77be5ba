"""The `party` flag: the parties the changed phrases of one side name and the other text does
not (`party_difference`).

A party the other text names anywhere, bound there or not, is named on both sides. A third
party ("Dritte", "third parties") is nobody in particular: where the other side's changed
phrases name persons in general instead ("anyone who comes into possession of a copy", "allen
Unternehmen", "jedermann"), the same persons are meant in other words, and how many of them a
rule covers is its `scope`, not who is a party. Nor is a third party in an offence, wherever
the offence puts it ("das Kind dazu bestimmt, den Beischlaf mit einem Dritten zu vollziehen"):
whom the punished act involves (as a body inside the act, `actors.UNBOUND`).

A company or foundation named with its legal form ("Sun Microsystems, Inc.", "Lucent
Technologies Inc.", "Python Software Foundation", "Muster GmbH", "Beispiel AG") is a party
whether or not a plan lists it (`organisations`, branch flagfix9): licences name their
licensor or steward so, and one put in place of another, or of the template's placeholder, is
another party. Named bare ("VMware", "Oracle") it is a word like any capitalised one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import planlens.compare.patterns as rx
from planlens.compare.actors import THIRD_PARTIES
from planlens.compare.guards import guarded
from planlens.compare.statements import parties_named

#: Persons in general, for whom a third party is another word.
_ANYONE_RE = rx.compile(
    r"\b(?:anyone|anybody|everyone|everybody|any\s+(?:other\s+)?(?:person|party|parties)|"
    r"all\s+(?:other\s+)?(?:persons|parties|undertakings|companies|recipients)|"
    r"jedermann|(?:allen?|anderen?)\s+(?:anderen\s+)?(?:Personen|Unternehmen|Beteiligten))\b",
    re.IGNORECASE,
)

#: The legal forms that end a company's or foundation's name.
_LEGAL_FORMS = (
    r"Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|LLC|L\.L\.C\.|LLP|GmbH|gGmbH|AG|SE|KG|KGaA|"
    r"S\.A\.|SARL|B\.V\.|N\.V\.|plc|PLC|Foundation|Stiftung"
)
#: An organisation by its legal form: up to four capitalised words, a comma allowed before the
#: form ("Sun Microsystems, Inc."); an article before them is not part of the name.
_ORGANISATION_RE = guarded(
    rx.compile(
        r"(?<![\w-])(?!(?:The|A|An|This|That|Die|Der|Das|Den|Dem|Des|Eine?[mnrs]?)\b)"
        r"((?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*?),?\s+"
        rf"(?:{_LEGAL_FORMS})(?![\w-])"
    )
)
#: A clause that punishes: its third parties are whom the act involves.
_OFFENCE_RE = rx.compile(r"\b(?:bestraft|Freiheitsstrafe|Geldstrafe|punished|imprisonment)\b")


def party_difference(
    old: str, new: str, old_changed: list[str], new_changed: list[str], parties: Sequence[str]
) -> tuple[list[str], list[str]]:
    """Return the parties the changed phrases of one side name and the other text does not.

    >>> party_difference("Rechte Dritter bleiben.", "Es bleibt.", ["Rechte Dritter bleiben."],
    ...     ["Es bleibt."], ())
    (['Dritter'], [])
    >>> party_difference("licensed to all third parties", "licensed to anyone who has a copy",
    ...     ["licensed to all third parties"], ["licensed to anyone who has a copy"], ())
    ([], [])
    """
    a = {k: v for text in old_changed for k, v in parties_named(text, parties).items()}
    b = {k: v for text in new_changed for k, v in parties_named(text, parties).items()}
    gone_orgs = {k: v for t in old_changed for k, v in organisations(t).items() if k not in new}
    came_orgs = {k: v for t in new_changed for k, v in organisations(t).items() if k not in old}
    # Most clauses name no third party: the offence is looked for only where one is named.
    if not THIRD_PARTIES.isdisjoint(a) and _OFFENCE_RE.search(old):
        a = {k: v for k, v in a.items() if k not in THIRD_PARTIES}
    if not THIRD_PARTIES.isdisjoint(b) and _OFFENCE_RE.search(new):
        b = {k: v for k, v in b.items() if k not in THIRD_PARTIES}
    gone = {k: v for k, v in a.items() if k not in b}
    came = {k: v for k, v in b.items() if k not in a}
    # A party the other text names anywhere, bound there or not, is named on both sides.
    if gone:
        named = parties_named(new, parties, bound=False)
        gone = {k: v for k, v in gone.items() if k not in named}
    if came:
        named = parties_named(old, parties, bound=False)
        came = {k: v for k, v in came.items() if k not in named}
    # A third party for persons in general, or the reverse: the same persons in other words.
    if not THIRD_PARTIES.isdisjoint(gone) and any(map(_ANYONE_RE.search, new_changed)):
        gone = {k: v for k, v in gone.items() if k not in THIRD_PARTIES}
    if not THIRD_PARTIES.isdisjoint(came) and any(map(_ANYONE_RE.search, old_changed)):
        came = {k: v for k, v in came.items() if k not in THIRD_PARTIES}
    gone.update({k: v for k, v in gone_orgs.items() if k not in gone})
    came.update({k: v for k, v in came_orgs.items() if k not in came})
    return list(gone.values()), list(came.values())


def organisations(text: str) -> dict[str, str]:
    """Return the organisations `text` names by their legal form (`_ORGANISATION_RE`): the name
    without its form (what the other text must name for the same party) -> as written.

    >>> organisations("steward is Sun Microsystems, Inc. and then the Python Software Foundation")
    {'Sun Microsystems': 'Sun Microsystems, Inc.', 'Python Software': 'Python Software Foundation'}
    """
    return {m.group(1): m.group() for m in _ORGANISATION_RE.finditer(text)}
