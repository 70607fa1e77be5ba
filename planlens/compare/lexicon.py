"""The curated words of substance, in English and German: what each kind of flag looks for.

Small lists, read by `substance`: the forces of modal verbs, negators and the fixed phrases that
negate nothing, the words of scope, dates and deadlines, references (whose numbers are no
figures), and the parties that plans and laws name besides their own `parties`. Places are
listed too: they are never parties, and where a commitment applies is its scope. Patterns match
in any case unless they say otherwise; the words of conditions are in `conditions`.
"""

from __future__ import annotations

# -- modality ----------------------------------------------------------------------------

#: The force of a commitment -> its expressions. "may not" keeps the force of "may" (the `not`
#: is negation's business); the conditional "Should Russia invade" is a condition, not a
#: recommendation, so `should` counts only after its subject.
MODAL_FORCES: tuple[tuple[str, str], ...] = (
    (
        "obligation",
        r"shall|must|will|won't|(?:is|are|was|has|have) to(?= \w)|agrees? (?:to|that)|"
        r"undertakes?(?: to| that)?|commits? (?:itself |themselves )?to|"
        r"(?:is|are|be|been) (?:required|obliged|obligated)(?: to)?|(?:is|are) bound to|"
        # German of before 1996 writes "muß", "mußte": the same verb. "ist zur Zahlung
        # verpflichtet", "ist ... nicht befugt": the object stands inside the frame.
        r"muss|müssen|musste|mussten|muß|mußte|mußten|soll|sollen|"
        r"(?:ist|sind)(?: [\w-]+){0,6}? verpflichtet|verpflichte[nt] sich",
    ),
    (
        "permission",
        # "Redistribution ... is permitted", the act its subject: "may be redistributed".
        r"may|can|cannot|(?:is|are|be|been) (?:permitted|allowed|entitled|authori[sz]ed)(?: to)?|"
        r"permits? (?:you|\w+) to|(?:has|have) the right to|(?:is|are) free to|"
        r"at (?:your|its|their) (?:option|discretion)|qualif(?:y|ies) for|eligible|"
        r"kann|können|konnte|darf|dürfen|durfte|"
        r"(?:ist|sind)(?: [\w-]+){0,6}? (?:berechtigt|befugt|gestattet|erlaubt)",
    ),
    (
        "recommendation",
        r"(?<=\w )should|ought to|(?:is|are) encouraged|recommend(?:s|ed)?|sollte|sollten",
    ),
    ("possibility", r"would|might|could|(?:is|are) expected to|intends? to|aims? to|würde|könnte"),
    (
        "proposal",
        # "Belarus, proposed by Russia": who nominated a name, no position of the clause.
        r"propos(?:e|es|ed)(?! by\b)|no consensus|not (?:yet )?(?:been )?agreed|on the table|"
        r"under discussion|positions (?:differ|diverge)|schlägt vor|schlagen vor|vorgeschlagen",
    ),
)

# -- negation ----------------------------------------------------------------------------

NEGATORS = (
    r"not|no(?!\.)|never|nor|neither|none|nothing|nobody|without|cannot|\w+n't|"
    r"nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|ohne|weder|nichts|niemand"
)
#: Auxiliary and modal verbs: an English "not" after one negates the statement ("shall not",
#: "does not", "is not"); elsewhere it negates a phrase ("a work not based on").
AUXILIARIES = (
    r"shall|will|may|must|can|could|would|should|might|do|does|did|is|are|was|were|be|"
    r"been|has|have|had|need|ought"
)
#: Predicates that say "not" by themselves: one on one side and a negator on the other can be
#: the same polarity ("ist abzusehen" / "nimmt nicht auf", "is prohibited" / "shall not").
NEGATIVE_PREDICATES = (
    r"absehen|abzusehen|unterbleib(?:t|en)|unterlassen|untersagt|verboten|ausgeschlossen|"
    r"refrain(?:s|ed)?|prohibit(?:s|ed)?|forbid(?:s|den)?|excluded|precluded"
)
#: Words a negator before one of them says with a word of the other: "not the same as" is
#: "distinct from", "nicht anders" is "ebenso". Each pair: (what the negator stands by, what
#: the other side says instead).
NEGATED_ANTONYMS: tuple[tuple[str, str], ...] = (
    (r"same|identical|alike|equal", r"distinct|different|differs?|differing"),
    (r"otherwise|different|differently", r"likewise|equally|similarly|alike|same"),
    (
        r"anders|verschieden\w*|unterschiedlich\w*",
        r"ebenso|genauso|gleichermaßen|gleich(?:e[nmrs]?)?|dasselbe|derselbe|dieselbe",
    ),
    (
        r"gleich(?:e[nmrs]?)?|dasselbe|derselbe|dieselbe|identisch\w*",
        r"verschieden\w*|unterschiedlich\w*|anders",
    ),
)
#: Prefixes that negate the word they stand before: "not lawful" is "unlawful", "nicht
#: wirksam" is "unwirksam".
NEGATIVE_PREFIXES = r"un|in|im|il|ir|non|dis"
#: Bounds said with a negator: "not more than" is "at most", "nicht weniger als" is
#: "mindestens"; no polarity (they are masked as idioms), a bound of `scope`.
NEGATED_BOUNDS = (
    r"(?:no|not) (?:more|less|fewer|greater|longer) than|"
    r"nicht (?:um )?(?:mehr|weniger|länger|später) als"
)
#: A negated "only" says no "only": "not only", "nicht allein, sondern".
NEGATED_ONLY = (
    r"not (?:only|solely|merely|exclusively)|nicht (?:nur|allein|ausschließlich|lediglich)"
)
#: Fixed phrases whose negator negates nothing of the commitment; they are masked first.
NEGATION_IDIOMS = (
    r"(?:but )?not limited to|without limitation|(?:no|not) later than|without delay|"
    rf"whether or not|{NEGATED_ONLY}|{NEGATED_BOUNDS}|without prejudice|"
    r"if not already|no one(?= else)|nicht unter|nicht über|ohne Verzug|"
    r"ohne schuldhaftes Zögern|non-\w+|may or may not|or not|without restriction|\(?if any\)?"
)

# -- scope -------------------------------------------------------------------------------

#: A class of extent -> its words. A change of class inside aligned phrases is a change of
#: scope; "every" for "all" is not.
SCOPE_CLASSES: tuple[tuple[str, str], ...] = (
    # "any attempt otherwise" is "any other attempt"; "sonstige" is "andere".
    (
        "all other",
        r"(?:all|any|every) other|(?:all|any|every) \w+ otherwise|"
        r"alle (?:anderen|sonstigen)|jede[nmrs]? (?:andere|sonstige)[nmrs]?",
    ),
    (
        "all",
        r"all|every|each(?! other)|any(?! other)|whole|entire|"
        r"alle[nmrs]?|jede[nmrs]?|sämtliche[nmrs]?|gesamte[nmrs]?",
    ),
    (
        "in full",
        r"full|fully|complete|completely|comprehensive|total|totally|entirely|in full|in whole|"
        r"vollständig|vollumfänglich|umfassend|völlig",
    ),
    (
        "without condition",
        r"unconditional|unconditionally|unlimited|unrestricted|without restriction|absolute|"
        r"for any purpose|bedingungslos|uneingeschränkt|unbeschränkt|unbedingt",
    ),
    ("only", r"only|solely|exclusively|merely|purely|nur|ausschließlich|lediglich|allein|bloß"),
    (
        "in part",
        # "limited by the following restrictions" names what limits, not how far. German
        # "bestimmt" is "specified", "set", "intended" ("die vom Veranstalter bestimmte Frist",
        # "eine zur Montage bestimmte Sache", "an bestimmten Orten"), no "some".
        r"partial|partially|in part|some|certain|limited(?! by)|predominantly|mainly|primarily|"
        r"teilweise|einige[nmrs]?|überwiegend|hauptsächlich",
    ),
    (
        "bound",
        r"at least|at most|up to|maximum|minimum|mindestens|höchstens|bis zu|maximal|"
        rf"{NEGATED_BOUNDS}",
    ),
    (
        "interim",
        r"interim|temporary|temporarily|provisional|provisionally|transitional|"
        r"vorläufig|vorübergehend|befristet",
    ),
    (
        "permanent",
        r"permanent|permanently|indefinite|indefinitely|lasting|dauerhaft|endgültig|unbefristet",
    ),
    # What the provision leaves to the choice of whom it addresses: "convey ... under terms of
    # your choice", "at your option", "nach seiner Wahl", "nach eigenem Ermessen".
    (
        "at choice",
        r"(?:at|in) (?:your|his|her|its|their) (?:own |sole )?(?:option|discretion|choice)|"
        r"(?:terms|conditions) of (?:your|his|her|its|their) (?:own )?choice|"
        r"of (?:your|his|her|its|their) (?:own )?choosing|"
        r"nach (?:seiner|ihrer|eigener|freier) Wahl|nach (?:eigenem|freiem) Ermessen|nach Belieben",
    ),
)

#: The parties of a text by their role, not their name: "every signatory", "each Contributor",
#: "alle Vertragsparteien" quantify over who is bound, they set no extent.
PARTY_NOUNS = (
    r"(?:contracting )?part(?:y|ies)|signator(?:y|ies)|sides?|contributors?|licensees?|"
    r"participants?|member states?|Vertragsparteien|Vertragspartei|Parteien|Partei|Seiten?|"
    r"Vertragsstaaten|Vertragsstaat|Beteiligten?|Mitgliedstaaten|Mitgliedstaat"
)
#: What "all" quantifies over when it is set by a need, not by the word: "all the necessary
#: laws", "alle erforderlichen Maßnahmen" reach as far as "the necessary laws" do.
NEEDED = r"necessary|required|needed|requisite|erforderliche[nmrs]?|notwendige[nmrs]?|nötige[nmrs]?"
#: Nouns of a whole kind: one of them put in place of a narrower noun widens what a provision
#: covers ("Schriften" -> "Inhalt", "Betreiber eines ... Netzes" -> "Unternehmen", "code and
#: documentation" -> "content"), and the reverse narrows it.
GENERAL_NOUNS = r"Inhalte?[sn]?|Unternehmens?|content|contents|material|materials"
#: Words that stand by a negator without being what it negates (`polarity`): particles ("auch
#: dann nicht", "not even") and the words of a reference ("nicht für § 675t Abs. 1 Satz 2").
PARTICLES = "dann even jedoch sogar abs absatz absatzes satz satzes nr nummer"
#: Determiners: no content of an enumeration's item ("der Behörde" is the party "Behörde").
DETERMINERS = """the a an such this that these those its their his her your our
    der die das den dem des ein eine einen einem einer eines solche solchen solcher solches
    diese dieser diesen diesem dieses jene jener jenen sein seine seinen seinem seiner ihr ihre
    ihren ihrem ihrer"""
#: What opens a list of examples (a subset spelled out, no change of scope), and what closes
#: one: "such as a translation", "children and political prisoners among them".
EXAMPLES_BEFORE = (
    r"such as|e\.\s?g\.|for example|for instance|in particular|particularly|namely|"
    r"insbesondere|beispielsweise|z\.\s?B\.|namentlich|etwa"
)
#: What glosses the words before it, no item of a list: "ein Netzabschlusspunkt, das heißt,
#: der physische Anschlusspunkt", "including", "einschließlich".
GLOSSES = (
    r"das heißt|d\.\s?h\.|that is|i\.\s?e\.|nämlich|und zwar|including|einschließlich|"
    r"ausgenommen|excluding|except|jedoch|however|also|etc\.?|usw\.?"
)
#: Capitalised words that are no item of a list ("Sie,", "However,").
NOT_ITEMS = """sie er es ihr wir ich du man dies dieses diese hierbei dabei dann jedoch ferner also
    zudem außerdem insbesondere ebenso you we they it he she this however moreover furthermore
    thus therefore accordingly nevertheless notwithstanding"""
#: Relative pronouns that open a clause, no item of a list: "denen die ... zusteht".
RELATIVES = """denen deren dessen welche welcher welchen welchem welches which who whom whose
    wo wobei worin womit wodurch"""
EXAMPLES_AFTER = r"among them|among others|included|unter ihnen|darunter|inbegriffen|eingeschlossen"
#: German words with an adjective's ending that are none: determiners, pronouns, quantifiers,
#: conjunctions, prepositions, adverbs, auxiliary verbs; and the adjectives that refer back
#: rather than narrow ("dem jeweiligen Zahlungsdienstleister", "der betreffenden Behörde").
NOT_ADJECTIVES = """diese dieser diesen diesem dieses jene jener jenen jenem jenes welche
    welcher welchen welchem welches solche solcher solchen solchem solches keine keiner keinen
    keinem keines meine meiner meinen meinem seine seiner seinen seinem seines ihre ihrer ihren
    ihrem ihres unsere unserer unseren deren dessen andere anderen anderer anderem anderes
    einige einigen einiger jede jeder jeden jedem jedes alle allen aller allem beide beiden
    mehrere mehreren sämtliche sämtlichen wenige wenigen viele vielen eine einer einen einem
    eines oder aber sondern unter über hinter außer wieder immer ferner bisher daher vorher
    nachher später früher eher weiter sieben haben werden wollen sollen können müssen dürfen
    geben nehmen selbst derselben derselbe desselben denselben demselben
    jeweilige jeweiligen jeweiliger jeweiligem jeweiliges betreffende betreffenden betreffender
    betreffendem betreffendes vorgenannte vorgenannten vorgenannter vorgenanntem vorgenanntes
    genannte genannten genannter genanntem genanntes besagte besagten besagter besagtem besagtes
    folgende folgenden folgender folgendem folgendes vorstehende vorstehenden vorstehender
    vorstehendem vorstehendes nachstehende nachstehenden nachstehender nachstehendem
    nachstehendes"""

#: Places: never parties; named where a commitment applies, they are its scope. English names
#: of the places the shipped plans name, and the Ukrainian and Russian geography around them.
PLACES = (
    r"Crimea|Donbas|Donbass|Donetsk|Luhansk|Lugansk|Zaporizhzhia|Zaporizhia|Kherson|Kharkiv|"
    r"Sumy|Mykolaiv|Dnipropetrovsk|Dnipro|Odesa|Odessa|Kyiv|Kiev|Enerhodar|Mariupol|"
    r"Sevastopol|Kinburn Spit|Black Sea|Sea of Azov|Azov|Moscow|St\.? Petersburg|"
    r"Saint Petersburg|Belgorod|Kursk|Bryansk|Transnistria|Minsk"
)

# -- dates and deadlines -----------------------------------------------------------------

MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember"
)
_UNIT_TIME = (
    r"(?:(?:business |working )?days?|weeks?|months?|years?|hours?|Wochen?|Monate?n?|Monats|"
    r"(?:Geschäfts|Werk|Arbeits|Kalender)tage?n?|Tage?n?|Jahre?n?|Jahres|Stunden?)"
)
_COUNT = r"(?:\d+|a|an|\w+(?:\s\(\d+\))?)"  # "thirty (30)": one count, written out and in figures
#: A deadline counted from an event, found from its unit ("one month after", "zwei Wochen
#: nach", "drei Monate im Voraus"): the word before the unit must be a number (`COUNT_WORDS`).
COUNTED_UNITS = (
    rf"(?:days?|weeks?|months?|years?|hours?|{_UNIT_TIME})\s+"
    r"(?:(?:after|before|following|from|nach|vor|seit|ab)(?=\s)|im\s+Voraus\b|in\s+advance\b)"
)
#: A sentence stating how long a time limit is: every length of time in it is a deadline's, no
#: figure ("Die Fristen betragen ... sechs Monate", "the notice period is 30 days", "eine Frist
#: von bis zu drei Geschäftstagen"; the verb first too: "beträgt die Widerrufsfrist einen Monat").
PERIOD_IS = (
    r"(?:(?:\w*[Ff]rist(?:en)?|time limits?|(?:limitation|notice|grace|cure|review|waiting)\s+"
    r"periods?)\s+(?:betr(?:ägt|agen|ug)|is|are|(?:shall|will)\s+be|(?:\S+\s+){0,8}?(?:von|of))|"
    r"betr(?:ägt|agen|ug)\s+(?:die|der)\s+\w*[Ff]rist(?:en)?)\b[^.;]*"
)
#: The units of a length of time.
TIME_UNITS = _UNIT_TIME
#: Deadlines and times, each a whole expression (its numbers are no figures).
DEADLINES = (
    rf"(?:(?-i:\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?-i:{MONTHS})(?:,?\s+\d{{4}})?)|"
    rf"(?:(?-i:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s+\d{{4}})?)|(?:(?-i:{MONTHS})\s+\d{{4}})|"
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?:\s+(?:hours|Uhr|CET|UTC|GMT|[A-Z]\w+ time))?|"
    r"\d{1,2}\.\d{2}\s+(?:Uhr|hours)|midnight|noon|Mitternacht|"
    rf"within\s+(?:(?:the|a|an)\s+)?(?:{_COUNT}\s+)?(?:\w+\s+)?(?:{_UNIT_TIME}|period|time ?frame)|"
    r"(?:no|not)\s+later\s+than(?:\s+(?:the\s+)?\w+){1,3}|at\s+the\s+latest|"
    r"by\s+the\s+end\s+of\s+(?:the\s+)?\w+|"
    r"(?:on|from|by|starting)\s+the\s+(?:first|second|third|last|\d+(?:st|nd|rd|th)|\w+th)\s+day"
    r"(?:\s+(?:after|of|following)\s+(?:the\s+)?\w+)?|"
    r"(?:on\s+)?the\s+day\s+after(?:\s+the\s+\w+(?:\s+\w+)?)?|"
    # "at once" is "immediately"; "all at once" is "at the same time", no time.
    r"immediate(?:ly)?|forthwith|promptly|(?<!\ball\s)at\s+once|without\s+delay|"
    r"as\s+soon\s+as\s+(?:possible|practicable|feasible)|"
    r"at\s+an?\s+(?:\w+\s+)?(?:defined|specified|agreed|fixed|later|set)\s+date|"
    # "on the date this agreement is signed", "of signature": a verb comes with its participle,
    # and no preposition ends the words after "of" or "this".
    r"on\s+the\s+date(?:\s+of\s+entry\s+into\s+force\b|"
    r"\s+(?:of|on\s+which|this|that|when)\s+(?!(?:is|are|was|were)\b)\w+"
    r"(?:\s+(?!(?:is|are|was|were|of|to|in|into|on|by|for|at|with|from|and|or)\b)\w+)?"
    r"(?:\s+(?:is|are|was|were)\s+\w+ed\b)?)?|"
    # "until then"; "until the elections"; "until Russia has made good the damage it caused":
    # the event the time runs to, its verb phrase to the end of the clause (ten words at most).
    r"until\s+(?:then|now|(?:the\s+)?\w+(?:\s+\w+){0,3}?(?:\s+(?:has|have|is|are)\s+\w+"
    r"(?:\s+\w+){0,9}?(?=[,.;]|$)|(?=[,.;]|\s+(?:has|have|is|are)\b)))|"
    r"(?:before|after|prior\s+to|following)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+){0,2}"
    r"(?:signing|signature|entry\s+into\s+force|elections?|withdrawal|ceasefire|cessation|"
    r"receipt|expiry|expiration|termination|adoption|ratification)|"
    r"(?:prior\s+to\s+|not\s+later\s+than\s+)?\d+\s+(?:days?|weeks?|months?|years?|hours?)\s+"
    r"(?:after|before|of|from|following)|"
    # "mit Ablauf eines Monats": the length of a deadline; its number is no figure ("one month
    # after", "zwei Wochen nach": `COUNTED_UNITS`).
    rf"(?:mit\s+(?:dem\s+)?|vor\s+|nach\s+)Ablauf(?:\s+(?:von\s+)?(?:\S+\s+)?{_UNIT_TIME}(?!\w))?|"
    r"for\s+as\s+long\s+as|step\s+by\s+step|gradually|in\s+stages|"
    r"early(?=\s+(?:\w+\s+)?elections?\b)|vorgezogene[nmrs]?(?=\s+(?:\w+)?[Ww]ahl)|"
    r"phased|deadlines?|time\s+limits?|timetable|"
    r"binnen\s+\S+(?:\s+\S+)?|innerhalb\s+(?:von\s+|eines\s+|einer\s+|der\s+|des\s+)?(?:\S+\s+)?(?:\(\d+\)\s+)?"
    rf"(?:{_UNIT_TIME}|Frist)|innerhalb\s+(?:eines|des)\s+(?:(?!und\s|oder\s)[^\s,;.]+\s+){{0,8}}?Zeitraums|"
    r"unverzüglich\w*|sofort|sofortige[nmrs]?|spätestens(?:\s+\S+){1,3}|"
    r"frühestens(?:\s+\S+){1,3}|bis\s+(?:zum|zur)\s+(?:Vollendung\s+des\s+\S+\s+Lebensjahres|\S+(?:\s+\S+)?)|"
    # When a rule holds: "im Zeitraum der Sollzinsbindung", "during the term of the contract".
    r"im\s+Zeitraum\b|during\s+the\s+(?:period|term)\s+of\b|"
    # A time limit with its length: "eine Verjährungsfrist ... von weniger als einem Jahr",
    # "a notice period of 30 days", "verjähren in zwei Jahren"; the length is no figure.
    rf"(?:\w*[Ff]rist\w*|(?:limitation|notice|grace|cure)\s+period)(?:\s+[^\s;]+){{0,12}}?\s+"
    rf"(?:von|of)\s+(?:(?:weniger|mehr)\s+als\s+|(?:less|more)\s+than\s+)?\S+\s+{_UNIT_TIME}|"
    rf"verjähr\w*\s+(?:in|nach|binnen)\s+(?:\S+\s+)?{_UNIT_TIME}|"
    r"Frist\w*|\w+frist(?:en)?|fristlos|ab\s+dem\s+\S+|Zeitpunkt\w*|schrittweise|"
    # When or how long a rule holds: "jederzeit", "für die Dauer von drei Monaten", "solange"
    # (for "wenn"), "während der Laufzeit", "zu Beginn eines jeden Gesprächs". Not "zur Zeit
    # der Tat", which says when a fact of a condition counts (an age, a relation).
    r"jederzeit|at\s+any\s+time|"
    rf"für\s+die\s+Dauer(?:\s+von\s+(?:\S+\s+)?{_UNIT_TIME}(?!\w))?|for\s+the\s+duration\b|"
    r"solange|"
    r"während\s+der\s+(?:Laufzeit|Dauer)\b|zu\s+Beginn\b|at\s+the\s+(?:beginning|start)\s+of\b"
)
#: The form a declaration or a duty takes, none of the kinds (the labels' guide): "in Textform",
#: "in Schriftform", "in schriftlicher oder elektronischer Form", "in der dort vorgesehenen
#: Form", "in written form"; not the forms a grant covers ("in source code form", "in any form").
DECLARED_FORMS = (
    r"(?:[\w-]+\s+){0,6}?(?:Text|Schrift)form\b|(?:[\w-]+\s+){0,5}?(?:schriftlich|elektronisch|"
    r"vorgesehen|vorgeschrieben|written|electronic|prescribed)\w*\s+(?:[\w-]+\s+){0,5}?form\b"
)
#: The forms a grant covers, "in source code and object code form", "in any form", for `scope`.
GRANTED_FORMS = rf"\bin\s+(?!{DECLARED_FORMS})(?:[\w-]+\s+){{0,6}}?[\w-]*form(?:s|at)?\b"
#: What marks a phrase as editorial, no provision: a footnote ("[^1]"), an official note, a
#: link, and the tail of a citation cut from its sentence, which opens with an issue of the
#: Official Journal ("L 190 vom 12.7.2006, S. 1, L 318 vom ...), die zuletzt durch ...").
EDITORIAL = (
    r"^\W*\[\^|Amtlicher Hinweis|^\W*(?:see|siehe)\s+https?:|"
    r"^\W*(?:(?:ABl\.|OJ)\s+)?[LC]\s+\d+(?:\s+vom|,)\s+\d{1,2}\.\d{1,2}\.\d{4}"
)
#: The German nouns of an act before which a rule holds, as a compound's head too ("vor
#: Vertragsschluss", "vor Reisebeginn", "vor Abgabe", "vor Antritt der Reise"), and the English
#: ones ("before the conclusion of the contract"): `statements.dates`.
EVENT_HEADS = (
    r"schluss|beginn|antritt|abgabe|ausführung|mitteilung|vereinbarung|lieferung|übergabe|"
    r"abnahme|zugang|tod|eintritt|vorgang"
)
EVENTS = (
    r"conclusion|start|commencement|beginning|delivery|departure|acceptance|performance|"
    r"execution|notification|death|(?:\w+\s+){0,3}transaction"
)
#: A year standing alone (not a reference such as Directive 2002/21/EC, not 2,000 troops).
YEAR = r"(?<![\d/.,-])(?:19|20)\d\d(?![\d/.,-]\d)"

# -- figures -----------------------------------------------------------------------------

#: What makes the number after it a reference (a § or article number), not a figure.
REFERENCE_WORDS = (
    r"§§?|Art(?:icles?|ikel|s?\.)?|Sections?|Sect\.|Points?|Paragraphs?|Para\.|Clauses?|"
    r"Annex(?:es)?|Anlagen?|Chapters?|Kapiteln?s?|Absatz(?:es)?|Absätzen?|Abs\.|Satz(?:es)?|"
    r"Sätzen?|Nummer[n]?|Nr\.|Artikel[ns]|Paragraphen|Paragrafen|"
    r"Buchstaben?|Resolutions?|Directives?|Richtlinien?|Exhibits?|Appendix|Schedules?|Parts?|"
    r"Titles?|Versions?|v\.|Protocols?|Rules?|Regulations?|Verordnung|No\.|Nos\.|Items?|"
    r"Sub-?sections?|Subparagraphs?|Unterabsatz|Halbsatz|"
    # German in every case: "des Abschnitts 3 Titel 2a", "des Kapitels 4", "des Teils 2".
    r"Teil(?:e|en|es|s)?|(?:Unter)?[Aa]bschnitt(?:e|en|es|s)?|Titel[ns]?|Buch(?:es|s)?|"
    r"Anh(?:ang|angs|anges|ängen?)|Ziffern?|lit\."
)
#: How a chain of references goes on: "§§ 223 bis 226a", "Sections 8.1 or 8.2", "Absatz 1 Satz 2".
REFERENCE_LINKS = r",|and|or|to|through|bis|und|oder|sowie|-|–"
#: Units and multipliers after a number; the key is what the figure is compared by.
UNITS: tuple[tuple[str, str], ...] = (
    ("%", r"%|per ?cent|percent|Prozent|vom Hundert|v\.\s?H\."),
    ("e9", r"billion|bn|Milliarden?|Mrd\.?"),
    ("e6", r"million|mn|m(?=\b)|Millionen?|Mio\.?"),
    ("e3", r"thousand|Tausend"),
    ("km", r"km|kilomet(?:re|er)s?|Kilometer[n]?"),
    ("day", r"days?|Tage?n?"),
    ("week", r"weeks?|Wochen?"),
    ("month", r"months?|Monate?n?|Monats"),
    ("year", r"years?|Jahre?n?|Jahres|Lebensjahre?s?"),
    ("hour", r"hours?|Stunden?"),
    ("EUR", r"euros?|EUR|Euro"),
    ("USD", r"dollars|USD"),
    ("daily rate", r"Tagessätze[n]?|Tagessatz(?:es)?"),
)
NUMBER_WORDS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "half": 0, "double": 0, "twice": 0, "hälfte": 0,
    "drittel": 0, "viertel": 0, "doppelte": 0,
}  # fmt: skip
#: "both" counts two where the other text says two ("these two things" / "both of the following").
BOTH = r"both|beide[nmrs]?"
#: "one" and German "ein" count as figures only before a unit ("one year", "einem Jahr").
ONE_BEFORE_UNIT = (
    r"(?:one|a single|ein|eine|einem|einen|einer|eines)"
    r"(?=\s+(?:day|week|month|year|hour|Tag|Woche|Monat|Jahr|Tagessatz))"
)


def _german_numbers() -> dict[str, int]:
    """Return the German number words from 2 to 999 and the thousands: "einhundertachtzig"."""
    units = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
    teens = ["zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn"]
    teens += ["achtzehn", "neunzehn"]
    tens = ["zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]

    def below_100(n: int) -> str:
        if n < 10:
            return "eins" if n == 1 else units[n - 1]
        if n < 20:
            return teens[n - 10]
        ten, unit = divmod(n, 10)
        return tens[ten - 2] if not unit else f"{units[unit - 1]}und{tens[ten - 2]}"

    words: dict[str, int] = {}
    for n in range(2, 1000):
        hundreds, rest = divmod(n, 100)
        head = (
            ""
            if not hundreds
            else ("hundert" if hundreds == 1 else units[hundreds - 1] + "hundert")
        )
        words[head + (below_100(rest) if rest else "")] = n
        if hundreds == 1:
            words["ein" + head + (below_100(rest) if rest else "")] = n
    words.update({"tausend": 1000, "eintausend": 1000})
    words.update({units[k - 1] + "tausend": k * 1000 for k in range(2, 10)})
    return words


GERMAN_NUMBERS = _german_numbers()
#: The numbers a deadline's length may be written with (`COUNTED_UNITS`): "one month after".
COUNT_WORDS = frozenset(
    ["a", "an", "one", "ein", "eine", "einem", "einen", "einer", "eines", *GERMAN_NUMBERS]
    + [word for word, value in NUMBER_WORDS.items() if value]
)

# -- parties -----------------------------------------------------------------------------

#: Parties named in plans, treaties, licences and laws, beyond a plan's own `parties`:
#: canonical name -> the pattern of its names (case-sensitive: "US" is not "us").
PARTIES: tuple[tuple[str, str], ...] = (
    ("United States", r"United States(?: of America)?|U\.S\.(?:A\.)?|US|USA|Washington(?= will)"),
    ("Russia", r"Russia|Russian Federation|RUSSIA"),
    ("Ukraine", r"Ukraine|UKRAINE"),
    ("Europe", r"Europe|European (?:states|countries|partners|allies|nations)"),
    ("European Union", r"European Union|EU"),
    ("NATO", r"NATO|North Atlantic Treaty Organi[sz]ation"),
    ("OSCE", r"OSCE"),
    ("United Nations", r"United Nations|UN(?! Security)"),
    ("UN Security Council", r"(?:UN |United Nations )?Security Council"),
    ("IAEA", r"IAEA|International Atomic Energy Agency"),
    ("ICRC", r"ICRC|(?:International Committee of the )?Red Cross"),
    ("G7", r"G7|G8|G20"),
    ("United Kingdom", r"United Kingdom|UK|Britain"),
    ("France", r"France"),
    ("Germany", r"Germany"),
    ("China", r"China"),
    ("Poland", r"Poland(?= will| shall| agrees)"),
    ("Turkey", r"Turkey|Türkiye"),
    ("Verkhovna Rada", r"Verkhovna Rada"),
    ("State Duma", r"State Duma|Duma"),
    ("Trilateral Contact Group", r"Trilateral Contact Group"),
    ("Peace Council", r"Peace Council|Board of Peace"),
    ("DPR", r"DPR"),
    ("LPR", r"LPR"),
    # Licences: the grant's parties, in any case. The licensee (You, Recipient) and each
    # contributor are named under changing terms: only the grantor's side is listed, with the
    # contributors as a class ("any Contributor"; "such Contributor" is none) and a maintainer.
    ("Licensor", r"(?i:licensors?)"),
    ("Contributor", r"(?i:(?:any|all)\s+(?:other\s+)?contributors?\b|contributor\(s\))"),
    ("Initial Developer", r"(?i:initial developer)"),
    ("Maintainer", r"(?i:(?:current\s+)?maintainers?)"),
    ("Copyright Holder", r"(?i:copyright holders?)"),
    ("Original Author", r"(?i:original authors?)"),
    ("Free Software Foundation", r"(?i:free software foundation)|FSF"),
    ("Foundation", r"(?:Apache Software|Eclipse|Mozilla) Foundation|Agreement Steward"),
    ("European Commission", r"European Commission|(?-i:Europäische Kommission)"),
    # German law: courts, authorities, governments and office holders who act.
    ("Gericht", r"(?:[A-ZÄÖÜ][a-zäöüß]+)?[Gg]erichts?(?:hof(?:es|s)?)?(?!\w)|Gerichte[n]?"),
    ("Behörde", r"(?:[A-ZÄÖÜ][a-zäöüß]+b|B)ehörden?"),
    ("Bundesnetzagentur", r"Bundesnetzagentur"),
    ("Bundesregierung", r"Bundesregierung|Landesregierung(?:en)?"),
    ("Bundesministerium", r"Bundesminister\w*"),
    ("Bundesamt", r"Bundesamt\w*|Bundeskartellamt\w*"),
    ("Bundestag", r"Bundestag\w*|Bundesrat\w*"),
    ("Staatsanwaltschaft", r"Staatsanwaltschaft\w*"),
    ("Jugendamt", r"Jugendamt\w*"),
    ("Vormund", r"Vormund(?:es|s)?|Vormünder[n]?|Gegenvormund\w*"),
    ("Betreuer", r"Betreuer[sn]?"),
    ("Pfleger", r"Pfleger[sn]?"),
    ("gesetzlicher Vertreter", r"gesetzliche[nmrs]? Vertreter[sn]?"),
    ("Notar", r"Notar(?:s|e|en)?"),
    ("Testamentsvollstrecker", r"Testamentsvollstrecker[sn]?"),
    ("Nachlassverwalter", r"Nachlassverwalter[sn]?|Nachlasspfleger[sn]?|Insolvenzverwalter[sn]?"),
    ("Beamter", r"Beamte[nr]?"),
)
#: What follows a name only cited: "OSCE/ODIHR standards", "NATO's Article 5", "EU Public License".
CITED_AFTER = (
    r"(?:['’]s)?(?:/\w+)?\s+(?:standards?|rules?|norms?|law|laws|legislation|principles?|"
    r"criteria|charter|statutes?|Article|Articles|resolutions?|format|guidelines?|requirements?|"
    r"procedures?|practice|model|acquis|values|regulations?|directives?|treaty|Treaty|"
    r"(?:Public\s+)?Licen[cs]e)\b"
)
