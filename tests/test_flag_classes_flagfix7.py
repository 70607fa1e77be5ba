"""Flag kinds: classes of errors found on held-out-3 and constructed-2 once they were released
(branch flagfix7, issue 11), one table per class, English and German where the class applies,
each with rows that must raise their kind (`FLAGGED`) and rows that must not (`NOT_FLAGGED`),
both ways round. The sentences are written for these tests, not taken from the sets.

The classes:
- ahead: how long before an event a duty falls due ("mindestens drei Monate im Voraus", "at
  least three months in advance") is a deadline, as "zwei Wochen vor" is: a `date`, its length
  no `number` and its bound ("mindestens", "at least") no `scope`; a length that is no deadline
  ("die Miete für drei Monate ist im Voraus zu zahlen": what is paid) is still a figure.
- duration (German: English says "for three months", which no rule reads as a span): how long
  a rule holds, "für die Dauer von drei Monaten", is a `date` with its length, as the third
  held-out set's call has it, not a `number`.
- narrows: a sentence added or dropped that narrows the provision it refers back to by a
  necessary condition ("Ist der Besteller ein Verbraucher, so treten die Rechtsfolgen des
  Satzes 1 nur dann ein, wenn ...", "so trifft das Gericht eine solche Anordnung nur, wenn
  ...", "the consequences under subsection 1 arise only if ...") is that provision's
  `condition`, no `provision` of its own (the third held-out set's call, the counterpart of
  "Dies gilt auch", `extensions.narrows`); a sentence with "nur, wenn" / "only if" that refers
  back to nothing states a rule of its own.
- form: a sentence that only gives the form of a declaration or notice named before it ("der
  Hinweis muss in Textform erfolgen", "the notice must be given in written form") is no
  `provision`: the form a duty is met in is none of the kinds (the guide); a form required of
  something the text had not named ("Ein Vertrag, durch den ..., bedarf der Textform") is a
  rule of its own.
- permit: a permission or a duty said by a predicate is the force of "may" / "must": "are
  permitted" with the act its subject ("Redistribution ... is permitted" / "may be
  redistributed"), "is required" without "to", and the German frame "ist ... befugt /
  berechtigt / verpflichtet / gestattet" with the object between its words ("ist zur
  Einwilligung nicht befugt" / "kann nicht einwilligen"): no `modality` against "may" / "kann"
  or "must" / "muss"; "is permitted" -> "is required", "ist ... berechtigt" -> "ist ...
  verpflichtet" are. "is permitted" -> "is prohibited" grants or denies the same act: no
  `modality` (a ban is negation's business, as "may" / "may not").
- without: "nur auf Antrag" / "ohne Antrag ... nicht", "only with the consent" / "not ...
  without the consent" say one rule, as "nur, wenn" / "nicht, es sei denn" do: no `negation`,
  no `scope` for the "only" (`polarity.except_for_only`); "nur auf Antrag" -> "nicht auf
  Antrag" turns. (The condition module still reads "auf Antrag" and "without the consent" as
  conditions and their counterparts "ohne Antrag" and "with the consent" as none, so these
  rows are not checked for `condition`.)
- denied: an extent said by denying its opposite ("temporary" / "not permanent", "dauerhaft" /
  "nicht vorübergehend") is that extent: no `scope`; the extent itself denied ("temporary" /
  "not temporary") or its opposite put in ("temporary" / "permanent") is.
- insertion (English: a German "jede" is governed only by "ohne" right before it): an "any"
  that a negator governs sets no extent even where an insertion between commas stands between
  them ("does not make its infrastructure, airfields included, available to any other state" /
  "makes ... available to no other state"); a comma that opens another clause (", and any
  other use requires ...") ends the negator's reach.
- extraposed (German: the qualifiers of a noun are read in German only, `qualifiers`): an
  adjective said by a relative clause after the verb that closes the noun's clause ("zum
  Ersatz eines fahrlässig verursachten Schadens verpflichtet" / "zum Ersatz eines Schadens
  verpflichtet, den er fahrlässig verursacht hat") is the same qualifier: no `scope`; a
  relative clause that says something else, or none, drops it. So is a compound adjective
  whose first part the relative clause names ("durch technologieneutrale Regulierung" / "durch
  eine Regulierung, die keine Technologie bevorzugt").
- one: "at least one" / "mindestens eines" says what "a" / "eines" says ("unter Angabe
  mindestens eines Mangels"): no bound, no `scope`; "at least two" is one.
- taken (German, as extraposed): a noun taken up by a demonstrative ("innerhalb dieser Frist")
  after the same text named it with the adjective ("eine angemessene Frist") means the
  qualified one: the adjective is not dropped, no `scope`; where the text named it without
  the adjective, it is.
- moment (German: English "at the time of" is read in added or removed provisions only): "im
  Zeitpunkt der Eheschließung" in a relative clause says when the fact it states counts (the
  age of "einem Minderjährigen, der im Zeitpunkt der Eheschließung das 16. Lebensjahr
  vollendet hatte"), as "zur Zeit der Tat" does: no `date`; in the statement itself it is one.
- period (German: English "within a reasonable period" was read before): "innerhalb eines im
  Hinblick auf die Entwicklung des Kindes vertretbaren Zeitraums" is a time limit however many
  words qualify its "Zeitraum": a `date`; "innerhalb des Bundesgebiets" is a place.
- ordinal (German: English writes "the 16th year"): a number with a full stop after an
  article ("das 16. Lebensjahr") is an ordinal that counts, no list marker: a changed or new
  age is a `number`; the markers of a list ("\n\n2. sie beschädigt") stay no figures.
- derogation: "abweichend von Satz 1", "by way of derogation from paragraph 1" is an exception
  to another provision: a `condition` when it comes or goes, as "mit Ausnahme" is; the
  adjective ("eine ... abweichende Vereinbarung") and the same exception kept are none.
"""

from __future__ import annotations

from test_substance import Row, class_tests

from planlens.compare.model import FlagType

_DEEMED_DE = (
    "Das Werk gilt als abgenommen, wenn der Besteller es nicht innerhalb der vom Unternehmer"
    " gesetzten Frist zurückweist."
)
_DEEMED_EN = (
    "The work is deemed accepted if the customer does not reject it within the period the"
    " contractor set."
)
_ORDER_DE = (
    "Das Gericht ordnet die Unterbringung an, wenn von dem Täter erhebliche Taten zu erwarten sind."
)
_ORDER_EN = "The court orders the placement if serious offences are to be expected of the offender."
_NARROWING: list[Row] = [
    (
        _DEEMED_DE,
        _DEEMED_DE + " Ist der Besteller ein Verbraucher, so treten die Rechtsfolgen des Satzes 1"
        " nur dann ein, wenn der Unternehmer ihn auf die Folgen hingewiesen hat.",
        "de",
        "narrows: the consequences of 'Satz 1' only when",
    ),
    (
        _DEEMED_EN,
        _DEEMED_EN + " If the customer is a consumer, the consequences under subsection 1 arise"
        " only if the contractor has informed him of them.",
        "en",
        "narrows: the consequences under 'subsection 1' only if",
    ),
    (
        _ORDER_DE,
        _ORDER_DE + " Ist die begangene Tat nicht erheblich, so trifft das Gericht eine solche"
        " Anordnung nur, wenn besondere Umstände dies rechtfertigen.",
        "de",
        "narrows: 'eine solche Anordnung nur, wenn'",
    ),
    (
        _ORDER_EN,
        _ORDER_EN + " Where the offence committed is not serious, the court may make such an"
        " order only if special circumstances justify it.",
        "en",
        "narrows: 'such an order only if'",
    ),
]

_FORM_ONLY: list[Row] = [
    (
        "Der Vermieter hat dem Mieter die Erhöhung mitzuteilen.",
        "Der Vermieter hat dem Mieter die Erhöhung mitzuteilen. Die Mitteilung bedarf der"
        " Textform.",
        "de",
        "form: the form of the notice named before",
    ),
    (
        "Der Unternehmer hat den Besteller auf die Folgen hinzuweisen.",
        "Der Unternehmer hat den Besteller auf die Folgen hinzuweisen; der Hinweis muss in"
        " Textform erfolgen.",
        "de",
        "form: the form of the notice named before, after a semicolon",
    ),
    (
        "The landlord must inform the tenant of the increase.",
        "The landlord must inform the tenant of the increase. The notice must be given in"
        " written form.",
        "en",
        "form: the form of the notice named before",
    ),
]

_SAME_FORCE: list[Row] = [
    (
        "Redistribution and use in source form are permitted provided that the notice is kept.",
        "The software may be redistributed and used in source form provided that the notice is"
        " kept.",
        "en",
        "permit: 'are permitted' / 'may be'",
    ),
    (
        "Payment of the fee is required before any use of the software.",
        "The fee must be paid before any use of the software.",
        "en",
        "permit: 'is required' / 'must be'",
    ),
    (
        "Redistribution in binary form is permitted.",
        "Redistribution in binary form is prohibited.",
        "en",
        "permit: a permission denied by a predicate is negation's business",
    ),
    (
        "Auch das Kind selbst kann nicht in die Sterilisation einwilligen.",
        "Auch das Kind selbst ist zur Einwilligung in die Sterilisation nicht befugt.",
        "de",
        "permit: 'kann nicht' / 'ist ... nicht befugt'",
    ),
    (
        "Der Mieter muss die Kaution vor dem Einzug zahlen.",
        "Der Mieter ist zur Zahlung der Kaution vor dem Einzug verpflichtet.",
        "de",
        "permit: 'muss' / 'ist ... verpflichtet'",
    ),
    (
        "Dem Mieter ist die Untervermietung der Wohnung gestattet.",
        "Dem Mieter ist die Untervermietung der Wohnung untersagt.",
        "de",
        "permit: a permission denied by a predicate is negation's business",
    ),
]

_WITHOUT: list[Row] = [
    (
        "Die Tat wird nur auf Antrag verfolgt.",
        "Ohne Antrag wird die Tat nicht verfolgt.",
        "de",
        "without: 'nur auf Antrag' / 'ohne Antrag ... nicht'",
    ),
    (
        "Die Daten dürfen nur mit Einwilligung des Betroffenen weitergegeben werden.",
        "Ohne Einwilligung des Betroffenen dürfen die Daten nicht weitergegeben werden.",
        "de",
        "without: 'nur mit Einwilligung' / 'ohne Einwilligung ... nicht'",
    ),
    (
        "The offence is prosecuted only on application.",
        "Without an application the offence is not prosecuted.",
        "en",
        "without: 'only on application' / 'without an application ... not'",
    ),
    (
        "The data may be disclosed only with the consent of the person concerned.",
        "The data may not be disclosed without the consent of the person concerned.",
        "en",
        "without: 'only with the consent' / 'not ... without the consent'",
    ),
]
_TURNED: list[Row] = [
    (
        "Die Tat wird nur auf Antrag verfolgt.",
        "Die Tat wird nicht auf Antrag verfolgt.",
        "de",
        "without: 'nur auf Antrag' / 'nicht auf Antrag' turns",
    ),
    (
        "The data may be disclosed only with the consent of the person concerned.",
        "The data may not be disclosed with the consent of the person concerned.",
        "en",
        "without: 'only with' / 'not ... with' turns",
    ),
]

_DENIED: list[Row] = [
    (
        "The law gives the areas a temporary order of self-government.",
        "The law gives the areas an order of self-government that is not permanent.",
        "en",
        "denied: 'temporary' / 'not permanent'",
    ),
    (
        "The stationing is permanent.",
        "The stationing is not temporary.",
        "en",
        "denied: 'permanent' / 'not temporary'",
    ),
    (
        "Die Regelung gilt vorübergehend.",
        "Die Regelung gilt nicht dauerhaft.",
        "de",
        "denied: 'vorübergehend' / 'nicht dauerhaft'",
    ),
    (
        "Der Ausländer hält sich dauerhaft im Inland auf.",
        "Der Ausländer hält sich nicht vorübergehend im Inland auf.",
        "de",
        "denied: 'dauerhaft' / 'nicht vorübergehend'",
    ),
]

_INSERTION: list[Row] = [
    (
        "Ukraine does not make its military infrastructure, airfields and seaports included,"
        " available to any other state.",
        "Ukraine makes its military infrastructure, airfields and seaports included, available"
        " to no other state.",
        "en",
        "insertion: 'not ... any other' / 'no other' across an insertion",
    ),
    (
        "You may not copy the work, its notes included, for any purpose.",
        "You may not copy the work, its notes included, for a purpose.",
        "en",
        "insertion: 'not ... any' / 'not ... a' across an insertion",
    ),
]

_DAMAGE = "Ist der Vorstand zum Ersatz eines fahrlässig verursachten Schadens verpflichtet,"

_PERIOD = "Der Besteller muss das Werk innerhalb einer angemessenen Frist abnehmen."

_ARREARS_DE = "Der Darlehensnehmer muss mit fünf Prozent in Verzug sein."
_ARREARS_EN = "The borrower must be in arrears with five per cent."
_DEROGATION: list[Row] = [
    (
        "Eine zum Nachteil des Mieters abweichende Vereinbarung ist unwirksam.",
        "Eine zum Nachteil des Mieters von den Absätzen 1 bis 3 abweichende Vereinbarung ist"
        " unwirksam.",
        "de",
        "derogation: the adjective 'abweichende' is no exception",
    ),
    (
        "Bei einem Immobiliardarlehen muss der Darlehensnehmer abweichend von Satz 1 mit einem"
        " Prozent in Verzug sein.",
        "Bei einem Immobiliardarlehen muss der Darlehensnehmer abweichend von Satz 1 mit einem"
        " Prozent im Verzug sein.",
        "de",
        "derogation: the same exception kept",
    ),
    (
        "By way of derogation from paragraph 1, the borrower must be in arrears.",
        "By way of derogation from paragraph 1, the borrower shall be in arrears.",
        "en",
        "derogation: the same exception kept",
    ),
]

FLAGGED: dict[FlagType, list[Row]] = {
    "condition": [
        *_NARROWING,
        (
            _ARREARS_DE,
            f"{_ARREARS_DE} Bei einem Immobiliardarlehen muss der Darlehensnehmer abweichend"
            " von Satz 1 mit einem Prozent in Verzug sein.",
            "de",
            "derogation: a sentence with 'abweichend von Satz 1' comes",
        ),
        (
            "Der Darlehensnehmer muss abweichend von Absatz 1 in Verzug sein.",
            "Der Darlehensnehmer muss in Verzug sein.",
            "de",
            "derogation: 'abweichend von Absatz 1' goes",
        ),
        (
            _ARREARS_EN,
            "By way of derogation from paragraph 1, the borrower must be in arrears with five"
            " per cent.",
            "en",
            "derogation: 'by way of derogation from paragraph 1' comes",
        ),
    ],
    "scope": [
        (
            "Der Besteller kann die Abnahme unter Angabe eines Mangels verweigern.",
            "Der Besteller kann die Abnahme unter Angabe mindestens zweier Mängel verweigern.",
            "de",
            "one: 'mindestens zweier' is a bound",
        ),
        (
            "The customer may refuse acceptance by stating a defect.",
            "The customer may refuse acceptance by stating at least two defects.",
            "en",
            "one: 'at least two' is a bound",
        ),
        (
            _PERIOD,
            "Der Unternehmer setzt eine Frist zur Abnahme und der Besteller muss das Werk"
            " innerhalb dieser Frist abnehmen.",
            "de",
            "taken: the noun named before without the adjective",
        ),
        (
            f"{_DAMAGE} so kann er Befreiung verlangen.",
            "Ist der Vorstand zum Ersatz eines Schadens verpflichtet, den er dem Verein gemeldet"
            " hat, so kann er Befreiung verlangen.",
            "de",
            "extraposed: a relative clause that says something else",
        ),
        (
            f"{_DAMAGE} so kann er Befreiung verlangen.",
            "Ist der Vorstand zum Ersatz eines Schadens verpflichtet, so kann er Befreiung"
            " verlangen.",
            "de",
            "extraposed: the qualifier dropped",
        ),
        (
            "Zweck des Gesetzes ist es, durch technologieneutrale Regulierung den Wettbewerb zu"
            " fördern.",
            "Zweck des Gesetzes ist es, durch eine Regulierung, die den Markt öffnet, den"
            " Wettbewerb zu fördern.",
            "de",
            "extraposed: a relative clause that names nothing of the compound adjective",
        ),
        (
            "You may not copy the work, and any other use requires consent.",
            "You may not copy the work, and use requires consent.",
            "en",
            "insertion: a comma that opens another clause ends the negator's reach",
        ),
        (
            "The law gives the areas a temporary order of self-government.",
            "The law gives the areas an order of self-government that is not temporary.",
            "en",
            "denied: the extent itself denied",
        ),
        (
            "The law gives the areas a temporary order of self-government.",
            "The law gives the areas a permanent order of self-government.",
            "en",
            "denied: the opposite put in",
        ),
        (
            "Die Regelung gilt vorübergehend.",
            "Die Regelung gilt nicht vorübergehend.",
            "de",
            "denied: the extent itself denied",
        ),
        (
            "Die Regelung gilt vorübergehend.",
            "Die Regelung gilt dauerhaft.",
            "de",
            "denied: the opposite put in",
        ),
    ],
    "negation": _TURNED,
    "modality": [
        (
            "Redistribution in binary form is permitted.",
            "Redistribution in binary form is required.",
            "en",
            "permit: a permission becomes a duty",
        ),
        (
            "Der Mieter ist zur Untervermietung der Wohnung berechtigt.",
            "Der Mieter ist zur Untervermietung der Wohnung verpflichtet.",
            "de",
            "permit: a power becomes a duty",
        ),
    ],
    "provision": [
        (
            "Der Vertrag ist wirksam.",
            "Der Vertrag ist wirksam. Ein Vertrag, durch den sich der eine Teil verpflichtet,"
            " Lose zu kaufen, bedarf der Textform.",
            "de",
            "form: a form required of a contract not named before",
        ),
        (
            "The contract is valid.",
            "The contract is valid. A contract by which one party undertakes to buy lottery"
            " tickets must be made in written form.",
            "en",
            "form: a form required of a contract not named before",
        ),
        (
            "Der Vermieter kann das Mietverhältnis kündigen.",
            "Der Vermieter kann das Mietverhältnis kündigen. Der Mieter darf die Wohnung nur"
            " dann untervermieten, wenn der Vermieter zustimmt.",
            "de",
            "narrows: 'nur, wenn' that refers back to nothing",
        ),
        (
            "The landlord may terminate the lease.",
            "The landlord may terminate the lease. The tenant may sublet the flat only if the"
            " landlord consents.",
            "en",
            "narrows: 'only if' that refers back to nothing",
        ),
    ],
    "date": [
        (
            "Das Gericht prüft, ob sich die Verhältnisse gebessert haben.",
            "Das Gericht prüft, ob sich innerhalb eines im Hinblick auf die Entwicklung des"
            " Kindes vertretbaren Zeitraums die Verhältnisse gebessert haben.",
            "de",
            "period: a time limit with a long qualifier comes",
        ),
        (
            "Das Gericht prüft, ob sich innerhalb eines angemessenen Zeitraums die Verhältnisse"
            " gebessert haben.",
            "Das Gericht prüft, ob sich innerhalb eines kurzen Zeitraums die Verhältnisse"
            " gebessert haben.",
            "de",
            "period: the qualifier of the time limit changes",
        ),
        (
            "Der Vertrag ist nichtig.",
            "Der Vertrag ist im Zeitpunkt der Eheschließung nichtig.",
            "de",
            "moment: when the rule holds",
        ),
        (
            "Das Unternehmen unterrichtet die Behörde im Voraus von seiner Absicht.",
            "Das Unternehmen unterrichtet die Behörde mindestens drei Monate im Voraus von"
            " seiner Absicht.",
            "de",
            "ahead: a length comes to 'im Voraus'",
        ),
        (
            "The undertaking shall notify the authority in advance of its intention.",
            "The undertaking shall notify the authority at least three months in advance of its"
            " intention.",
            "en",
            "ahead: a length comes to 'in advance'",
        ),
        (
            "Der Mieter zahlt die Miete drei Monate im Voraus.",
            "Der Mieter zahlt die Miete zwei Monate im Voraus.",
            "de",
            "ahead: the length changes",
        ),
        (
            "The tenant pays the rent three months in advance.",
            "The tenant pays the rent two months in advance.",
            "en",
            "ahead: the length changes",
        ),
        (
            "Eine unerhebliche Minderung bleibt außer Betracht.",
            "Für die Dauer von drei Monaten bleibt eine unerhebliche Minderung außer Betracht.",
            "de",
            "duration: how long the rule holds comes",
        ),
        (
            "Für die Dauer von drei Monaten bleibt eine Minderung außer Betracht.",
            "Für die Dauer von sechs Monaten bleibt eine Minderung außer Betracht.",
            "de",
            "duration: how long the rule holds changes",
        ),
    ],
    "number": [
        (
            "Die Ehe kann aufgehoben werden, wenn ein Ehegatte das 16. Lebensjahr nicht vollendet"
            " hatte.",
            "Die Ehe kann aufgehoben werden, wenn ein Ehegatte das 18. Lebensjahr nicht vollendet"
            " hatte.",
            "de",
            "ordinal: the age changes",
        ),
        (
            "Die Ehe kann aufgehoben werden, wenn sie entgegen § 1303 geschlossen worden ist.",
            "Die Ehe kann aufgehoben werden, wenn sie entgegen § 1303 mit einem Minderjährigen"
            " geschlossen worden ist, der das 16. Lebensjahr vollendet hatte.",
            "de",
            "ordinal: an age comes",
        ),
        (
            "Die Miete für drei Monate ist im Voraus zu zahlen.",
            "Die Miete für zwei Monate ist im Voraus zu zahlen.",
            "de",
            "ahead: a length that is what is paid, no deadline",
        ),
        (
            "The rent for three months is payable in advance.",
            "The rent for two months is payable in advance.",
            "en",
            "ahead: a length that is what is paid, no deadline",
        ),
    ],
}

NOT_FLAGGED: dict[FlagType, list[Row]] = {
    "condition": _DEROGATION,
    "negation": _WITHOUT,
    "modality": _SAME_FORCE,
    "provision": _NARROWING + _FORM_ONLY,
    "date": [
        (
            "Eine Ehe kann aufgehoben werden, wenn sie entgegen § 1303 geschlossen worden ist.",
            "Eine Ehe kann aufgehoben werden, wenn sie entgegen § 1303 mit einem Minderjährigen"
            " geschlossen worden ist, der im Zeitpunkt der Eheschließung das 16. Lebensjahr"
            " vollendet hatte.",
            "de",
            "moment: when the fact of a relative clause counts",
        ),
        (
            "Die Auskunft gilt innerhalb des Bundesgebiets.",
            "Die Auskunft gilt innerhalb des gesamten Bundesgebiets.",
            "de",
            "period: 'innerhalb des ... Bundesgebiets' is a place",
        ),
    ],
    "number": [
        (
            "Bestraft wird, wer\n\n1. eine Sache wegnimmt oder\n\n2. sie beschädigt.",
            "Bestraft wird, wer\n\n1. eine Sache wegnimmt,\n\n2. sie zerstört oder\n\n"
            "3. sie beschädigt.",
            "de",
            "ordinal: list markers renumbered are no figures",
        ),
        (
            "Der Mieter zahlt die Miete drei Monate im Voraus.",
            "Der Mieter zahlt die Miete zwei Monate im Voraus.",
            "de",
            "ahead: the length of a deadline",
        ),
        (
            "The tenant pays the rent three months in advance.",
            "The tenant pays the rent two months in advance.",
            "en",
            "ahead: the length of a deadline",
        ),
        (
            "Das Unternehmen unterrichtet die Behörde im Voraus von seiner Absicht.",
            "Das Unternehmen unterrichtet die Behörde mindestens drei Monate im Voraus von"
            " seiner Absicht.",
            "de",
            "ahead: the length of a deadline that comes",
        ),
        (
            "Eine unerhebliche Minderung bleibt außer Betracht.",
            "Für die Dauer von drei Monaten bleibt eine unerhebliche Minderung außer Betracht.",
            "de",
            "duration: the length of how long the rule holds",
        ),
    ],
    "scope": [
        (
            "Der Besteller kann die Abnahme unter Angabe eines Mangels verweigern.",
            "Der Besteller kann die Abnahme unter Angabe mindestens eines Mangels verweigern.",
            "de",
            "one: 'mindestens eines' / 'eines'",
        ),
        (
            "The customer may refuse acceptance by stating a defect.",
            "The customer may refuse acceptance by stating at least one defect.",
            "en",
            "one: 'at least one' / 'a'",
        ),
        (
            _PERIOD,
            "Der Unternehmer setzt eine angemessene Frist zur Abnahme und der Besteller muss das"
            " Werk innerhalb dieser Frist abnehmen.",
            "de",
            "taken: 'dieser Frist' after 'eine angemessene Frist'",
        ),
        (
            f"{_DAMAGE} so kann er Befreiung verlangen.",
            "Ist der Vorstand zum Ersatz eines Schadens verpflichtet, den er fahrlässig"
            " verursacht hat, so kann er Befreiung verlangen.",
            "de",
            "extraposed: the adjective said by a relative clause after the verb",
        ),
        (
            "Zweck des Gesetzes ist es, durch technologieneutrale Regulierung den Wettbewerb zu"
            " fördern.",
            "Zweck des Gesetzes ist es, durch eine Regulierung, die keine Technologie bevorzugt,"
            " den Wettbewerb zu fördern.",
            "de",
            "extraposed: a compound adjective said by a relative clause that names its first part",
        ),
        *_INSERTION,
        *_DENIED,
        *_WITHOUT,
        (
            "Das Unternehmen unterrichtet die Behörde im Voraus von seiner Absicht.",
            "Das Unternehmen unterrichtet die Behörde mindestens drei Monate im Voraus von"
            " seiner Absicht.",
            "de",
            "ahead: 'mindestens' bounds the deadline",
        ),
        (
            "The undertaking shall notify the authority in advance of its intention.",
            "The undertaking shall notify the authority at least three months in advance of its"
            " intention.",
            "en",
            "ahead: 'at least' bounds the deadline",
        ),
    ],
}


(
    test_the_class_is_flagged_both_ways_round,
    test_the_class_is_not_flagged_both_ways_round,
    test_every_class_has_rows_in_both_languages,
) = class_tests(
    FLAGGED,
    NOT_FLAGGED,
    ("ahead", "narrows", "form", "permit", "without", "denied", "one", "derogation"),
)
