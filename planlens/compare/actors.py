"""The actors of a law by their role, for `party`: professions, officials, the persons a rule
binds or entitles, besides the bodies and office holders of `lexicon.PARTIES`.

A kind of actor that joins or leaves those a provision names is a `party` change: the
Psychotherapeut beside the Arzt, the Europäischer Amtsträger beside the Amtsträger, the
Zahlungsauslösedienstleister beside the Zahlungsdienstleister, the bereaved who become entitled,
the carrier (Spediteur, Frachtführer) who takes the goods, the traders (Gewerbetreibende,
Händler) who may file (not the Makler, whom BGB 2012 still spelt Mäkler); "a European official",
"a payment initiation service provider", "the consumer", "a freight forwarder" in English. So a
compound ("Zahlungsauslösedienstleister") and a name with its capitalised adjective
("Europäischer Amtsträger", "Psychologischer Psychotherapeut") each name an actor of its own, in
any inflection or gender (`actor`). A third party ("eines Dritten", "einer dritten Person",
"third parties") is an actor too, one however written (`THIRD_PARTY`): "Rechte Dritter" gone
names who had rights, "eine Dienstleistung ... eines Dritten" who provides a service. Not
listed: relations (Ehegatte, Lebenspartner, Elternteil, Mutter, Vater; a relation extended is
`scope`, the same person under another name none), and who acquires or holds a thing (Erwerber,
Eigentümer, Gesellschaft).

Where a name binds no one (`CITED_BEFORE_RE`, `unbound_spans`): a body only cited before its
name ("Verordnung (EU)") or as whose detriment a deviation is measured ("zum Nachteil des
Verbrauchers"), the roles a rule compares with ("die Arbeitsbedingungen anderer Arbeitnehmer":
`COMPARED_BEFORE_RE`), a role that is the predicate of "to be" ("Ist der Besteller ein
Verbraucher", "if the buyer is a consumer": `PREDICATE_BEFORE_RE`; "der nicht Frachtführer
ist"), a name inside a definition, and a body inside the act an offence describes (not an actor
by role: the official bribed is whom the offence covers).
"""

from __future__ import annotations

import re

import planlens.compare.patterns as rx

Span = tuple[int, int]
_I = re.IGNORECASE

#: A German role noun's head (no alternation at its top) with its inflections and female
#: forms, by its canonical form.
_GERMAN: tuple[tuple[str, str], ...] = (
    ("richter", r"richter(?:innen|in|[sn])?"),
    ("psychotherapeut", r"psychotherapeut(?:innen|in|en)?"),
    ("arzt", r"arzt(?:es|s)?"),
    ("arzt", r"ärzt(?:innen|in|en|e)"),
    ("verteidiger", r"verteidiger(?:innen|in|[sn])?"),
    ("dienstleister", r"dienstleister(?:innen|in|[sn])?"),
    ("unternehmer", r"unternehmer(?:innen|in|[sn])?"),
    ("verbraucher", r"verbraucher(?:innen|in|[sn])?"),
    ("veranstalter", r"veranstalter(?:innen|in|[sn])?"),
    ("vermittler", r"vermittler(?:innen|in|[sn])?"),
    ("erbringer", r"erbringer(?:innen|in|[sn])?"),
    ("hinterbliebener", r"hinterbliebene[nr]?"),
    ("arbeitgeber", r"arbeitgeber(?:innen|in|[sn])?"),
    ("arbeitnehmer", r"arbeitnehmer(?:innen|in|[sn])?"),
    # Who trades or carries goods for others.
    ("spediteur", r"spediteur(?:innen|in|en|e|s)?"),
    ("frachtführer", r"frachtführer(?:innen|in|[sn])?"),
    ("gewerbetreibender", r"gewerbetreibende[nr]?"),
    ("händler", r"händler(?:innen|in|[sn])?"),
    # Who bears a function (an office, a performance, its costs, sovereign power, an
    # insurance), insures or is an institute of credit or payment: each an actor of its own, as
    # the Zahlungsdienstleister. "Träger" alone and other bearers are things (Datenträger,
    # Energieträger, "als Träger digitaler Inhalte").
    ("amtsträger", r"amtsträger(?:innen|in|[sn])?"),
    ("leistungsträger", r"leistungsträger(?:innen|in|[sn])?"),
    ("kostenträger", r"kostenträger[sn]?"),
    ("hoheitsträger", r"hoheitsträger[sn]?"),
    ("versicherungsträger", r"versicherungsträger[sn]?"),
    ("versicherer", r"versicherer[sn]?"),
    ("institut", r"institut(?:en|es|e|s)?"),
)
#: German role heads that name an actor only in a compound that says of what: a payee
#: (Zahlungsempfänger, Leistungsempfänger), where "der Empfänger" alone is whoever receives a
#: declaration or goods.
_GERMAN_COMPOUND: tuple[tuple[str, str], ...] = (("empfänger", r"empfänger(?:innen|in|[sn])?"),)
#: The English roles, with the words before them that make another actor.
_ENGLISH: tuple[tuple[str, str], ...] = (
    ("official", r"(?:(?:European|[Pp]ublic|[Ff]oreign)\s+)?officials?"),
    (
        "service provider",
        r"(?:(?:payment(?:\s+initiation)?|account\s+information|information\s+society)\s+)?"
        r"service\s+providers?",
    ),
    ("psychotherapist", r"psychotherapists?"),
    ("physician", r"physicians?"),
    ("consumer", r"consumers?(?!\s+products?)"),
    ("trader", r"traders?"),
    ("employer", r"employers?"),
    ("employee", r"employees?"),
    ("bereaved", r"bereaved"),
    ("forwarder", r"(?:freight\s+)?forwarders?"),
    ("broker", r"brokers?"),
    ("dealer", r"dealers?"),
    ("payee", r"payees?"),
    ("insurer", r"(?:credit\s+)?insurers?"),
    ("institution", r"(?:credit|financial|payment)\s+institutions?"),
)
#: A third party, "Dritter" or "third party" however written: the German noun in its forms ("Rechte
#: Dritter", "einem Dritten"), not an ordinal of a title ("Dritter Abschnitt", "das Dritte Buch"),
#: and "dritte Person"; the English noun, not as an attribute of a thing ("third party software",
#: "third party intellectual property claims", "any other third party's modifications",
#: "third-party notices").
_THIRD_GERMAN = (
    r"Dritte[nmrs]?(?!\s+(?:Buch|Teil|Abschnitt|Unterabschnitt|Kapitel|Titel|Untertitel|Gesetz|"
    r"Mal|Richtlinie|Verordnung|Änderungs)\w*)|dritte[nmrs]?\s+Person(?:en)?"
)
_THIRD_ENGLISH = (
    r"[Tt]hird\s+part(?:y|ies)(?!['’]s|\s+(?!(?:to|of|in|for|with|who|whom|that|which|and|or|is|"
    r"are|has|have|may|shall|will|must|can|under|from|by|on|at|as|if|without|not)\b)[a-z])"
)
THIRD_PARTY = rx.compile(rf"{_THIRD_GERMAN}|{_THIRD_ENGLISH}")
#: The canonical names of a third party (`actor`).
THIRD_PARTIES = frozenset(["Dritter", "third party"])
#: A capitalised adjective before a German role names another actor ("Europäischer
#: Amtsträger", "Psychologischer Psychotherapeut"); a compound's first parts do too.
_ADJECTIVE = r"(?:[A-ZÄÖÜ][a-zäöüß]*(?:isch|lich)e[nmrs]?\s+)?"


def _german() -> str:
    """Return the pattern of a German role noun, its compounds and its adjective: the adjective
    once, then every head at once, after a compound's first parts or capitalised.

    The same matches as an adjective and head per head (`"|".join` of `_ADJECTIVE` and
    `(?:[A-ZÄÖÜ][a-zäöüß]*a|A)mtsträger...`): a match is a whole word, or an adjective and a
    whole word (no word both: no head ends as an adjective does), whichever head it is; but
    the engine tries each word once, not once per head and again per head with an adjective
    (a law's scans for parties take half the time).
    """
    heads = "|".join(head for _, head in (*_GERMAN, *_GERMAN_COMPOUND))
    capitalised = "|".join(head[0].upper() + head[1:] for _, head in _GERMAN)
    return rf"{_ADJECTIVE}(?:[A-ZÄÖÜ][a-zäöüß]*(?:{heads})|(?:{capitalised}))"


#: The pattern of every actor, canonical name -> pattern (case-sensitive), as `lexicon.PARTIES`.
ACTORS: tuple[tuple[str, str], ...] = (
    ("Akteur", _german()),
    ("actor", "|".join(pattern for _, pattern in _ENGLISH)),
    ("third party", THIRD_PARTY.pattern),
)
_HEADS = [
    (canonical, re.compile(rf"(?:{head})$", re.IGNORECASE))
    for canonical, head in (*_GERMAN, *_GERMAN_COMPOUND)
]
_ADJECTIVE_END = re.compile(r"e[nmrs]?$")


def actor(written: str) -> str:
    """Return the actor a role noun as written names: its adjective and compound kept, its
    inflection, number and gender dropped.

    >>> actor("Europäischen Amtsträgern"), actor("Amtsträgerin"), actor("Psychotherapeuten")
    ('Europäisch Amtsträger', 'Amtsträger', 'Psychotherapeut')
    >>> actor("Zahlungsauslösedienstleisters"), actor("payment  service providers")
    ('Zahlungsauslösedienstleister', 'payment service provider')
    >>> actor("Dritten"), actor("dritten  Person"), actor("third parties")
    ('Dritter', 'Dritter', 'third party')
    """
    if THIRD_PARTY.fullmatch(written) is not None:
        return "third party" if written[:5].casefold() == "third" else "Dritter"
    words = written.split()
    last = words[-1]
    if last[0].isupper():
        for canonical, head in _HEADS:
            if (m := head.search(last)) is not None:
                stem = last[: m.start()] + canonical
                adjectives = [_ADJECTIVE_END.sub("", w) for w in words[:-1]]
                return " ".join([*adjectives, stem[0].upper() + stem[1:]])
    return " ".join(words).casefold().removesuffix("s")


# -- where a name binds no one ------------------------------------------------------------

#: What cites a party before its name, where no one acts: the source of a rule ("Verordnung
#: (EU) 2016/679", "Directive (EU)") and whose detriment a deviation is measured by ("zum
#: Nachteil des Verbrauchers", "to the detriment of the consumer").
CITED_BEFORE_RE = rx.compile(
    r"(?:\b(?:Verordnung|Richtlinie|Beschluss|Regulation|Directive|Decision)\s*\(|"
    r"\b(?:zum\s+Nachteil|zu\s+Lasten|to\s+the\s+detriment)\s+(?:des|der|von|of)\s+"
    r"(?:the\s+|a\s+|an\s+)?|"
    # The publisher of a text cited: "version 1.1, as published by the European Commission",
    # "herausgegeben von der Europäischen Kommission": no one bound by it.
    r"\b(?:published\s+by|(?:herausgegeben|veröffentlicht)\s+von)\s+(?:the\s+|der\s+|dem\s+)?)\Z",
    _I,
)

#: What makes the role after it the predicate of "to be", naming a property of a person the
#: statement names otherwise, no actor of its own: "Ist der Besteller ein Verbraucher", "if the
#: buyer is a consumer" (with "ein" before it, `PREDICATE_AFTER_RE` after it: "wenn der Käufer
#: ein Verbraucher ist").
PREDICATE_BEFORE_RE = rx.compile(
    r"(?:\b(?:[Ii]st|[Ss]ind|[Ww]ar|[Ww]aren)\s+(?:der|die)\s+[A-ZÄÖÜ]\w*\s+(?:(?:k?eine?r?)\s+)?"
    r"|\b(?:is|are|was|were|be|becomes?)\s+(?:not\s+)?an?\s+)\Z"
)
#: What makes the roles after it the group a rule compares with, no actor of its own: the
#: German genitive plural with no article after "anderer", "solcher", "vergleichbarer" ("zu den
#: Arbeitsbedingungen anderer Arbeitnehmerinnen oder Arbeitnehmer", "solcher Arbeitnehmer,
#: welche ..."), and "those of other ..." in English ("than those of other employees").
COMPARED_BEFORE_RE = rx.compile(
    r"(?:\b(?:anderer|solcher|vergleichbarer)\s+(?:[A-ZÄÖÜ]\w*(?:innen|en|er)\s+(?:oder|und)\s+)?"
    r"|\b(?:that|those)\s+of\s+(?:other|comparable|similar)\s+)\Z"
)
#: A German role after "ein" or a negator that a copula ends: "wenn der Käufer ein Verbraucher
#: ist", "ein Dritter, der nicht Frachtführer ist", "der weder Leistungserbringer ist noch ...".
INDEFINITE_BEFORE_RE = rx.compile(r"\b(?:k?eine?r?|nicht|weder)\s+\Z")
PREDICATE_AFTER_RE = rx.compile(r"\s+(?:ist|sind|war|waren)\b")

#: Where a name binds no one: a definition ('"Adapted Material" means ... the Licensor') and
#: the act an offence describes ("Wer, um eine Behörde ... zu täuschen, ..., wird ... bestraft",
#: "Ebenso wird bestraft, wer ... einem Dritten ..."),
#: whose bodies are what the act is aimed at. Either runs to the end of its sentence or part.
#: Each pattern runs only where its word is in the text (a substring test, far cheaper).
UNBOUND: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (
        ("means",),
        rx.compile(
            r"(?:^|(?<=[.;:]\s)|(?<=\)\s))\W{0,2}(?:[A-Z][\w-]*\W{0,2}\s+){1,4}means\b[^.;]*",
            re.MULTILINE,
        ),
    ),
    # "Im Sinne dieses Gesetzes sind", "Zahlungskarten im Sinne des Absatzes 1 sind".
    (
        ("m Sinne",),
        # The numbers of its items ("1.  die von einem Kreditinstitut ...") do not end it.
        rx.compile(
            r"\b[Ii]m Sinne (?:dieses|des) \w+(?: \d+\w?)? (?:ist|sind|bezeichnet)\b"
            r"(?:[^.;]|(?<=\s\d)\.|(?<=\s\d\d)\.)*"
        ),
    ),
    (
        ("bestraft", "punished", "liable"),
        rx.compile(
            r"\b(?:Wer|welche|Whoever|Any person who|Anyone who)\b(?:[^.;]|\.(?!\s+[A-ZÄÖÜ]))*?"
            r"(?=,?\s+(?:wird|werden|shall be)\s(?:[^.;]*\s)?(?:bestraft|punished|liable))|"
            # The penalty first: "Mit Freiheitsstrafe ... wird bestraft, wer ...", "Ebenso wird
            # bestraft, wer ...": the act runs to the end of the sentence.
            r"\bbestraft,\s+wer\b(?:[^.;]|\.(?!\s+[A-ZÄÖÜ]))*"
        ),
    ),
)


def unbound_spans(text: str) -> tuple[list[Span], list[Span]]:
    """Return the spans of `text` where a name binds no one (`UNBOUND`), and those where an
    actor by role binds no one: in a definition only, for the persons an offence's act is
    aimed at (the official bribed, the doctor who need not report) are whom it covers."""
    spans = [
        (m.span(), k)
        for k, (words, pattern) in enumerate(UNBOUND)
        if any(word in text for word in words)
        for m in pattern.finditer(text)
    ]
    last = len(UNBOUND) - 1
    return [span for span, _ in spans], [span for span, k in spans if k != last]
