"""Conditions: where each condition of a text starts and ends, and what it says.

The words that open a condition (`CONDITION_MARKERS`: "if", "unless", "wenn", "soweit", "es
sei denn"...), the conditions complete in themselves (`FIXED_CONDITIONS`: "in peacetime",
"ohne Zustimmung"), the German conditions that open with their verb (`VERB_FIRST`: "Ist der
Erblasser ... beschränkt, so ...", `VERB_FIRST_AFTER_SEMICOLON`: "...; betreibt der Pächter
Landwirtschaft, erstreckt sich ..."; and the English "Had", "Were", "Should" before a subject),
and where a condition's clause ends (`_clause_end`: its comma before the main clause, a phrase
inserted after its subject skipped, `INSERTED`; an exception that names a case, "mit Ausnahme
der Pachtdauer", "außer durch Kündigung", "except for", before the statement's verb or negator:
`EXCEPTIONS`). `condition_spans` finds them in a text; `conditions` gives each with the
content stems of its clause, as `substance` compares them (`condition`), and `polarity`,
`modality` and `extent` mask or read them by their spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import planlens.compare.lexicon as lx
import planlens.compare.patterns as rx
from planlens.compare.blocks import Blocks
from planlens.compare.guards import guarded
from planlens.compare.matcher import Matcher
from planlens.compare.phrases import phrase
from planlens.compare.provisos import further_requirements
from planlens.compare.statements import (
    CONJUNCTIONS,
    Span,
    dates,
    overlaps,
    references,
    word_pattern,
)
from planlens.compare.stemming import stemmer

_I = re.IGNORECASE

# -- the words of conditions -------------------------------------------------------------
# Matched case-insensitively, but for `VERB_FIRST`, `VERB_FIRST_MAIN` and `INSERTED`: as written.

#: A reference after "in the case of", "im Fall des": "§ 1597a", "Absatzes 2", "paragraph 2".
_CITED = rf"(?:{lx.REFERENCE_WORDS})\s*\(?\d"
#: "außer" for "besides": "außer in der deutschen auch in der englischen Sprache", ", außer der
#: Hauptleistung, auch": an "auch" right after its case adds to the provision, excepts nothing.
_BESIDES = r"[^,.;:]{0,80}?(?:,\s*)?\bauch\b"
#: What opens a condition, exception or trigger. A German condition may also open with its
#: verb ("Ist der Erblasser ... beschränkt, so ..."): see `VERB_FIRST`; an English one too,
#: "Should", "Were" and "Had" before their subject ("Had the Licensee created a work, ...").
CONDITION_MARKERS = (
    # "Where the Licensor ..., " opening a sentence is the drafting "if" (not "where" of a place).
    r"(?-i:(?:^|(?<=[.;:]\s)|(?<=\)\s))Where(?= (?:the|a|an|any|such|this|these|you|it|he|she|"
    r"they|we|[A-Z]\w*) ))|"
    r"(?-i:(?:^|(?<=[.;:]\s)|(?<=\)\s))(?:Were|Had)(?= (?:the|a|an|any|such|this|these|you|it|"
    r"he|she|they|we|[A-Z]\w*) ))|"
    r"(?<!\w )should(?= \w)|only (?:if|when|for|where)|if(?! any\b)(?! so\b)(?! applicable\b)|"
    # "in the case of paragraph 2", "im Fall des Absatzes 2" name the cases of another
    # provision (what it covers), no trigger: `_CITED`.
    # "provided" is the verb, no condition, after "as" or a form of "be" ("as provided in",
    # "is provided by") or before a preposition ("provided for in Article 9.2", "provided to").
    r"(?<!\bas )(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )(?<!\bwas )(?<!\bwere )"
    r"provided(?! (?:for|by|to|in|under|with|on|at|through|via|herein|hereunder|above|below)\b)"
    rf"(?: that)?(?=[ ,])|unless|in (?:the )?case(?! of\s+{_CITED})(?: of| that)?|"
    # "is subject to the Original License" describes; "subject to point 11" conditions.
    r"(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bmade )(?<!\bbeen )(?<!\bremains )subject to|"
    r"in the event(?: of| that)?|on (?:the )?condition(?: that)?|conditional (?:on|upon)|"
    r"contingent (?:on|upon)|depends? on|dependent on|whenever|when|(?<!\bat )once|"
    # "However, in accepting such obligations, You may": opening a clause, "in" with a verb's
    # -ing form and its object is "when" (not "a say in appointing the heads").
    r"(?:(?<=^in )|(?<=[,.;:] in ))\w+ing (?:such|the|a|an|any|its|their|your|his|her|this|"
    r"these|those)|"
    r"(?<!\bfor )as long as|so long as|"
    r"except(?: as| that| when| where| to| in| for)?|save as|excluding|with the exception of|"
    # "other than as authorised" excepts; "rights other than copyright" restricts a noun (scope).
    r"other than as|to the extent|insofar as|"
    r"for (?:\w+ ){1,3}to (?:take effect|enter into force|apply)|"
    r"wenn|falls|sofern|soweit|es sei denn|solange|vorausgesetzt|unter der Voraussetzung|"
    rf"im Falle?(?!\s+(?:des|der|von)\s+{_CITED})|für den Fall|vorbehaltlich|nur wenn|"
    # The exceptions: "mit Ausnahme der Pachtdauer", "abgesehen von den Fällen des § 146",
    # "ausgenommen in Ladengeschäften", "Ausgenommen sind Schenkungen", "davon ausgenommen sind"
    # (not the participle of a predicate: "vom Mieterschutz ausgenommen ist"), "außer" before a
    # condition or case ("außer wenn", "außer in den Fällen", "außer durch Vertragsablauf") or,
    # after a comma, before an article (", außer der Vergütung nach § 655c"); not "außer" for
    # "besides" ("Hat der Schuldner außer der Hauptleistung Zinsen ... zu entrichten") nor in an
    # idiom ("außer Betracht", "außer Kraft"), nor before a case and "auch" (`_BESIDES`).
    # "abweichend von Absatz 1", "by way of derogation from Article 5": an exception to it.
    r"mit Ausnahme|abgesehen von|abweichend von|by way of derogation from|"
    r"(?-i:Ausgenommen)|(?:(?<=davon )|(?<=hiervon ))ausgenommen|"
    r"ausgenommen(?!\s+(?:ist|sind|wird|werden|worden|bleibt|bleiben|war|waren|sein)\b)|"
    r"außer(?= (?:wenn|dass|falls|soweit|sofern)\b)|"
    rf"außer(?= (?:in|im|bei|für|durch)\b)(?!{_BESIDES})|"
    rf"(?<=, )außer(?= (?:der|die|das|dem|den|des|eine?[mnrs]?|er|sie|es)\b)(?!{_BESIDES})"
)
#: Conditions complete in themselves: they govern no clause after them. A request that
#: triggers a duty or power is one ("auf dessen Verlangen", "auf Antrag", "on request", "at the
#: request of"), not the request a decision was given on ("auf den Antrag ... ergangen").
FIXED_CONDITIONS = (
    r"in (?:peacetime|wartime|times? of (?:peace|war))|im Frieden|im Krieg|"
    r"without (?:\w+ ){0,3}(?:permission|consent|approval|authori[sz]ation)|"
    r"ohne (?:\w+ ){0,3}(?:Zustimmung|Einwilligung|Genehmigung|Erlaubnis)|"
    r"auf (?:(?:dessen|deren|sein|seine[nm]?|ihr|ihre[nm]?) )?(?:Wunsch|Verlangen|Antrag)\b|"
    r"(?:on|upon) (?:(?:his|her|its|their) )?(?:request|demand)|at the request of"
)
_MODALS = r"shall|must|may|will|can|kann|können|muss|müssen|darf|dürfen|soll|sollen"
#: A condition's comma and the main clause: "if accepting ..., You may", "soweit nötig, kann er".
MAIN_CLAUSE = rf"\s*(?:\w+\s+){{0,2}}?(?:{_MODALS})\b"
#: A condition a preposition opens has no verb of its own: its clause ends before the modal
#: or finite verb of the statement it conditions (`CONDITIONED_VERBS`: "Im Fall von
#: Lastschriften können ... vereinbaren", "Im Fall von ... hat").
PREPOSITIONAL_CONDITIONS = (
    r"(?:in (?:the )?case of|in the event of|im Falle? (?:von|des|der|eines|einer))\b"
)
CONDITIONED_VERBS = rf"{_MODALS}|hat|haben|ist|sind|wird|werden"
#: An exception a preposition opens names a case, it has no clause: it ends as a prepositional
#: condition does, and before the negator of the statement it excepts from ("sind mit Ausnahme
#: von § 675d Absatz 2 nicht auf ... anzuwenden", "außer durch Vertragsablauf nicht verändert").
EXCEPTIONS = (
    r"(?:mit Ausnahme|abgesehen von|abweichend von|by way of derogation from|"
    r"with the exception of|except for|other than as|"
    r"außer (?:in|im|bei|für|durch|der|dem|den|des))\b"
)
#: A German sentence opening with its finite verb and going on, after a comma, with the main
#: clause's verb (`VERB_FIRST_MAIN`: after "so", not "so dass", or a modal or auxiliary verb):
#: a condition ("Ist die Tat ... begangen, so ist", "Verweist ein Gesetz auf ..., können"). The
#: verb is one of a list or a word of a finite verb's ending (-t, -n) before a subject, object
#: or particle ("Erstellt der", "sich", "nur"), not an adverb, preposition or noun ("Erst",
#: "Wegen", "Bestimmungen"), at the start of a text or line, or after a bracket or full stop.
VERB_FIRST_MAIN = (
    r",\s+(?:so\s+(?!(?:dass|daß|that|weit|lange|bald|wie|als|viel|fern|genannt\w*)\b)"
    rf"(?=[a-zäöüß\d])|(?=(?:{CONDITIONED_VERBS}|gilt|gelten)\b))"
)
#: The verbs a condition opens with, whatever follows them; the words of a finite verb's ending
#: that are none (adverbs, prepositions, conjunctions); what follows a verb that opens one.
_FIRST_VERBS = (
    r"Ist|Sind|Hat|Haben|Wird|Werden|Steht|Stehen|Fällt|Fallen|"
    r"Kann|Können|Verursacht|Schließt|Tätigt|Liegt|Besteht|Erfolgt|Tritt|Stirbt|Erlischt|Endet|"
    r"Gibt|Bedarf|Darf|Soll|Muss|Muß|Ermächtigt|Verlangt|Macht|Erhält|Wurde|Waren|War|Lässt|Läßt|"
    r"Lassen|Sollte|Sollten|"
    # Before a subject with no article ("Unterliegen Entgelte ... einer Genehmigungspflicht, darf
    # das Unternehmen", "Bestehen Zweifel, so"): the verbs of being, lacking, exceeding or falling
    # under something, which open no main clause of a law.
    r"Unterliegt|Unterliegen|Bestehen|Liegen|Fehlt|Fehlen|Übersteigt|Übersteigen|Gehört|Gehören|"
    r"Entsteht|Entstehen|Ergibt|Ergeben"
)
_NO_VERBS = (
    r"Erst|Jetzt|Selbst|Sonst|Zunächst|Zuletzt|Unbeschadet|Seit|Statt|Samt|Nebst|"
    r"Wegen|Gegen|Binnen|Neben|Zwischen|Entgegen|Hingegen|Oben|Unten|Eben|Dagegen|Wenn|Sofern|"
    r"Soweit|Schon|Nun|Dann|Denn|(?:Da|Hier|Wo)r?(?:an|in|von|neben|mit)"
)
_AFTER_VERB = (
    r"der|die|das|dem|den|des|eine?[mnrs]?|kein\w*|er|sie|es|sich|"
    r"ihm|ihr|ihn|ihnen|man|jemand|dies\w*|jede[mnrs]?|solche[mnrs]?|andere[mnrs]?|mehrere|beide|"
    r"sein\w*|ihre?\w*|nur|auch|noch|nicht|oder|und|im|in|am|an|auf|aus|bei|für|nach|vor|zur|zum|"
    r"mit|von|vom|über|unter|durch"
)
VERB_FIRST = (
    rf"(?:^|(?<=\)\s)|(?<=[.:]\s))(?:(?:{_FIRST_VERBS})\b|(?!(?:{_NO_VERBS})\b)"
    r"(?![A-ZÄÖÜ][a-zäöüß]*(?:ungen|heiten|keiten|schaften|ionen)\b)"
    rf"[A-ZÄÖÜ][a-zäöüß]+[tn](?=\s+(?:{_AFTER_VERB})\s))"
    rf"(?=(?:[^.;]|\.(?=\s*\d))*?{VERB_FIRST_MAIN})"  # in the sentence ("Abs. 2" goes on)
)
#: A verb-first condition after a semicolon, in lower case ("...; betreibt der Pächter
#: Landwirtschaft, erstreckt sich das Recht auf ...", "; ist er ..., so"): its verb as in
#: `VERB_FIRST` ("war" only before a subject: "war crimes" is English), a word of a finite
#: verb's ending only before a subject; and after the condition's first comma a second finite
#: verb: the main clause's (`VERB_FIRST_MAIN`, a verb of the list, or a word of a verb's ending
#: before its subject or "sich"). Without it, a main clause of its own ("; erstreckt sich das
#: Recht auf die Früchte, die ..."); a preposition or adverb is no verb ("; in diesem Fall kann
#: er, wenn ...", `_LOWER_NO_VERBS`). The condition runs to that comma.
_SUBJECT = (
    r"der|die|das|dem|den|des|eine?[mnrs]?|kein\w*|er|sie|es|sich|ihm|ihr|ihn|ihnen|man|"
    r"jemand|dies\w*|jede[mnrs]?|solche[mnrs]?|andere[mnrs]?|mehrere|beide|sein\w*|ihre?\w*"
)
_LOWER_NO_VERBS = (
    r"in|an|von|mit|nicht|sondern|damit|zusammen|insofern|insoweit|zumindest|anstatt|allein|"
    r"vorausgesetzt|ausgenommen|stattdessen|indessen|weiterhin|sodann|alsdann|daneben|zugleich|"
    r"den|denen|dessen|ein|kein|einen|keinen|derart|dergestalt"
)
_LOWER_VERB = (
    rf"(?!(?i:{_NO_VERBS})\b)(?!(?:{_LOWER_NO_VERBS})\b)[a-zäöüß]+[tn](?=\s+(?:{_SUBJECT})\s)"
)
VERB_FIRST_AFTER_SEMICOLON = (
    rf"(?:\A|(?<=;\s))(?=[a-zäöüß])(?:(?i:{_FIRST_VERBS})\b(?<!war)(?=\s+(?:{_AFTER_VERB})\s)|"
    rf"war(?=\s+(?:{_SUBJECT})\s)|{_LOWER_VERB})"
    rf"(?=(?P<condition>(?:[^,.;:]|\.(?=\s*\d))*)(?:{VERB_FIRST_MAIN}|,\s+(?:"
    rf"(?i:{_FIRST_VERBS})\b|{_LOWER_VERB})))"
)
#: A condition's subject and a phrase inserted after it: the condition goes on after it ("If
#: these instructions, at any time ..., become invalid", "wenn der Ehegatte, der das Gesamtgut
#: verwaltet, ... vornimmt"). The subject ends in its noun (a German one capitalised); the phrase
#: opens with a preposition, adverb or relative pronoun, not an article ("der Vermieter", "die
#: einstweilige Verfügung": a list), has no modal verb, and no main clause follows it.
_RELATIVE = (
    r"(?:der|die|das|dem|den)\s+(?![A-ZÄÖÜ]|(?!(?:d[eia]\w*|k?eine?[mnrs]?|ihr\w*|sein\w*|jed\w*|"
    r"all\w*)\s)[a-zäöüß]+e[nrsm]?\s+[A-ZÄÖÜ])|denen|deren|dessen|derer|welche[mnrs]?"
)
INSERTED = (
    r"\s*(?:(?i:the|this|these|those|that|such|any|each|every|all|a|an|its|their|his|her|your|"
    r"our)\s+(?:[\w-]+\s+){0,2}?[\w-]+|(?:(?:der|die|das|dem|den|des|eine?[mnrs]?|kein\w*|"
    r"jede[mnrs]?|dies\w*|sein\w*|ihre?\w*)\s+)?(?:[a-zäöüß-]+\s+)?[A-ZÄÖÜ][\w-]*)"
    r"(?P<inserted>,\s+(?:(?i:at|in|on|for|during|while|whilst|after|before|upon|under|within|by|"
    r"with|whether|however|also|even|as|who|which|whose|whom|where|when|unless|gleich\w*|auch|"
    r"unabhängig|insbesondere|etwa|jedoch|zum|zur|während|nach|vor|bei|im|mit|ohne|sofern|soweit|"
    r"wenn|falls|solange|ob|zumindest|gegebenenfalls|nämlich|allerdings|aber|unter|auf|aus|wegen|"
    rf"trotz|durch|für|von)\s+(?:{_RELATIVE})?|{_RELATIVE})\b(?:(?!\b(?:{_MODALS})\b)[^,;.:()]){{0,200}},)"
    rf"(?!\s*(?:so|{_MODALS}|the|a|an|this|that|you|it|he|she|they|we|such|each|any|no)\b)"
)

# -- the patterns ------------------------------------------------------------------------

CONDITION_RE = word_pattern(CONDITION_MARKERS)
_FIXED_CONDITION_RE = word_pattern(FIXED_CONDITIONS)
_VERB_FIRST_RE = rx.compile(VERB_FIRST, re.MULTILINE)
_VERB_FIRST_MAIN_RE = rx.compile(VERB_FIRST_MAIN)
_INSERTED_RE = rx.compile(INSERTED)
_VERB_FIRST_AFTER_SEMICOLON_RE = rx.compile(VERB_FIRST_AFTER_SEMICOLON)
#: The patterns that most texts cannot match, with their cheap test first (`guards`).
_CONDITION = Blocks(CONDITION_MARKERS, word_pattern, 1)  # in blocks, as `statements._DEADLINE`
_VERB_FIRST = guarded(_VERB_FIRST_RE)
_FIXED_CONDITION = guarded(_FIXED_CONDITION_RE)
_SPAN_MAX_WORDS = 25
#: An English condition that opens with its verb and negates it after its subject.
_INVERTED_NOT_RE = rx.compile(r"(?:Should|should|Were|Had)(?P<subject>(?:\s+[\w-]+){1,4}?)\s+not\b")
_MAIN_CLAUSE_RE = rx.compile(MAIN_CLAUSE, _I)


@dataclass(frozen=True, slots=True)
class Condition:
    """A condition: the content stems of its clause, its text for readers, its span, and its
    text as written from its marker, whose first `opening` characters are the marker."""

    words: frozenset[str]
    shown: str
    span: Span
    written: str = ""
    opening: int = 0


@lru_cache(maxsize=4096)
def conditions(text: str, language: str | None = None) -> tuple[Condition, ...]:
    """Return the conditions in `text`: each marker with the content stems of its clause.

    A condition that opens with its verb ("Ist ..., so", "Erstellt er ..., muss er") runs to
    the main clause (`VERB_FIRST_MAIN`); a fixed one ("in peacetime") governs nothing after
    it; a marker inside a date ("for as long as") is none.

    >>> [c.shown for c in conditions("Should Russia invade, or fire, the guarantee ends.")]
    ['Should Russia invade, or fire']
    >>> [c.shown for c in conditions("Ist der Erblasser beschränkt, so ist es ausgeschlossen.")]
    ['Ist der Erblasser beschränkt']
    """
    stem = stemmer(language)
    found = []
    refs = references(text)
    for start, end, stop in condition_spans(text):
        a, b = (start, stop) if stop == end else (end, stop)
        # The references in a condition are compared by `scope`; "Abs. 3" for "Absatz 3" is
        # no new condition.
        clause = _blanked(text, a, b, refs)
        if "onditions" in clause or "equirements" in clause or "aussetzungen" in clause:
            clause = _ANNOUNCED_RE.sub(" ", clause)  # the list announced is not the condition
        shown = " ".join(text[start:stop].split()).rstrip(",;")
        written, opening = text[start:stop], end - start
        # "Should the Licensee not accept" says "if not the Licensee accept": written so, the
        # negator is the marker's (`polarity.turned_condition`), as "Should ... accept" is "if".
        if (inverted := _INVERTED_NOT_RE.match(written)) is not None:
            written, opening = f"if not{inverted['subject']}{written[inverted.end() :]}", 6
        found.append(Condition(phrase(clause, stem).stems, shown, (start, stop), written, opening))
    return tuple(found)


def blanked(text: str, spans: Iterable[Span]) -> str:
    """Return `text` with every character inside one of `spans` made a space: what putting
    spaces over each span of `list(text)` in turn gives, cut and joined once, not a list of
    one-character strings ("" for an empty span, overlapping spans blanked once).

    >>> blanked("wenn nicht, dann", [(5, 10), (0, 4), (8, 11)])
    '            dann'
    """
    cuts = sorted(spans)
    if not cuts:
        return text
    n = len(text)
    if not all(0 <= a <= n and 0 <= b <= n for a, b in cuts):
        chars = list(text)  # a span from the end, or past it: slice assignment's own rules
        for a, b in spans:
            chars[a:b] = " " * (b - a)
        return "".join(chars)
    out: list[str] = []
    at = 0
    for a, b in cuts:
        a = max(a, at)
        if b > a:
            out += (text[at:a], " " * (b - a))
            at = b
    out.append(text[at:])
    return "".join(out)


def _blanked(text: str, a: int, b: int, spans: Sequence[Span]) -> str:
    """Return text[a:b] with the characters inside any of `spans` as spaces."""
    inside = [(max(a, start) - a, min(b, end) - a) for start, end in spans]
    return blanked(text[a:b], [(lo, hi) for lo, hi in inside if lo < hi])


@lru_cache(maxsize=4096)
def condition_spans(text: str) -> tuple[tuple[int, int, int], ...]:
    """Return each condition of `text` as (start, end of its marker, end of its clause)."""
    date_spans = [span for _, span in dates(text)]
    markers = [(m.start(), m.end(), _condition_end(text, m)) for m in _CONDITION.finditer(text)]
    markers += [
        (m.start(), m.end(), _verb_first_end(text, m.end())) for m in _VERB_FIRST.finditer(text)
    ]
    markers += [(m.start(), m.end(), m.end("condition")) for m in _after_semicolons(text)]
    markers += [(m.start(), m.end(), m.end()) for m in _FIXED_CONDITION.finditer(text)]
    markers += further_requirements(text, markers, _clause_end)
    found = []
    taken: list[Span] = []
    for start, end, stop in sorted(markers):
        if overlaps((start, end), date_spans) or overlaps((start, end), taken):
            continue
        taken.append((start, end))
        found.append((start, end, stop))
    return tuple(found)


def _after_semicolons(text: str) -> Iterator[re.Match[str]]:
    """Yield the matches of `VERB_FIRST_AFTER_SEMICOLON`, tried only where one may start: at
    the start of `text` and after each semicolon (a search would try every character)."""
    at = 0
    while at >= 0:
        if (m := _VERB_FIRST_AFTER_SEMICOLON_RE.match(text, at)) is not None:
            yield m
        at = text.find(";", at)
        at = at + 2 if at >= 0 else at


_PREPOSITIONAL_RE = rx.compile(PREPOSITIONAL_CONDITIONS, _I)
#: The statement's verb after a case a preposition names: a modal or auxiliary verb, or any
#: German finite verb before its subject ("Im Fall einer Kündigung zahlt der Mieter", "Mit
#: Ausnahme der Miete schuldet der Mieter", as `VERB_FIRST_AFTER_SEMICOLON` reads one).
_MODAL_VERB_RE = word_pattern(rf"{CONDITIONED_VERBS}|(?-i:{_LOWER_VERB})")
_EXCEPTION_RE = rx.compile(EXCEPTIONS, _I)
#: Where an exception ends: the statement's verb (as above) or negator; not a "nicht" before
#: an adjective of a noun ("einer nicht freiheitsentziehenden Maßnahme").
_EXCEPTION_END_RE = word_pattern(
    rf"{CONDITIONED_VERBS}|(?-i:{_LOWER_VERB})|is|are|not|"
    r"nicht(?!\s+[a-zäöüß]+(?:e|en|er|es|em)\s+[A-ZÄÖÜ])"
)
_VERB_AFTER_COMMA_RE = rx.compile(rf",\s*(?:{CONDITIONED_VERBS}|is|are)\b", _I)


def _condition_end(text: str, m: re.Match[str]) -> int:
    stop = _clause_end(text, m.end())
    # "If ... then You must": a condition that says where it ends runs to its "then", however
    # long, where no modal verb comes before it ("If it is impossible for You to comply with
    # ... due to statute or regulation then You must").
    then = _THEN_RE.search(text, stop, stop + _THEN_REACH)
    if then and then.group().endswith("then") and not _MODAL_RE.search(text, m.end(), then.start()):
        return then.start()
    if _EXCEPTION_RE.match(text, m.start()):
        return _exception_end(text, m.end(), stop)
    modal = (
        _MODAL_VERB_RE.search(text, m.end(), stop)
        if _PREPOSITIONAL_RE.match(text, m.start())
        else None
    )
    return modal.start() if modal else stop


def _exception_end(text: str, at: int, stop: int) -> int:
    """Return where an exception that names a case ends (`EXCEPTIONS`): before the statement's
    verb or negator, not one of a relative clause after its comma ("mit Ausnahme der
    Zubehörstücke, welche nicht in das Eigentum ... gelangt sind"); at its comma where the
    statement's verb follows it ("mit Ausnahme eines Internetzugangsdienstes, ist")."""
    comma = text.find(",", at, stop)
    end = _EXCEPTION_END_RE.search(text, at, stop if comma < 0 else comma)
    if end is not None:
        return len(text[: end.start()].rstrip())
    return comma if comma >= 0 and _VERB_AFTER_COMMA_RE.match(text, comma) else stop


def _verb_first_end(text: str, at: int) -> int:
    """Return where a condition that opens with its verb ends: before its ", so" or the verb of
    the main clause, as `_VERB_FIRST_RE` found them."""
    m = _VERB_FIRST_MAIN_RE.search(text, at)
    return m.start() if m else _clause_end(text, at)


#: The "then" that ends a condition, within this many characters after where its clause would
#: end, in the same sentence.
_THEN_REACH = 300
_THEN_RE = rx.compile(r",?\s+then\b(?=[^.;:]*\b(?:shall|must|may|will|agrees?|can)\b)|[.;:](?!\d)")
_MODAL_RE = word_pattern(_MODALS)


def _clause_end(text: str, at: int) -> int:
    """Return where the clause that starts at `at` ends: a comma after three words (unless a
    conjunction continues it), a full stop, a semicolon, a closing bracket it did not open, or
    `_SPAN_MAX_WORDS` words; a phrase inserted after its subject is skipped (`INSERTED`)."""
    words = depth = 0
    body = text[at:]
    if (inserted := _INSERTED_RE.match(body)) is not None:
        a, b = inserted.span("inserted")
        body = body[:a] + " " * (b - a) + body[b:]
    for m in re.finditer(r"[^\s,;.:()]+|[,;.:()]", body):
        token = m.group()
        if token == "(":
            depth += 1
        elif token == ")":
            if not depth and words:
                return at + m.start()
            depth = max(0, depth - 1)
        elif token in ";:" or (token == "." and not re.match(r"\.\s*\d", text[at + m.start() :])):
            if words:
                return at + m.start()
        elif token == ",":
            following = text[at + m.end() :].split(None, 1)
            if (
                words >= 3
                and not depth
                and not (following and following[0].casefold() in CONJUNCTIONS)
            ) or (words and not depth and _MAIN_CLAUSE_RE.match(text, at + m.end())):
                return at + m.start()
        else:
            words += 1
            if words > _SPAN_MAX_WORDS:
                return at + m.start()
    return len(text)


_TOKEN_RE = rx.compile(r"[\w’'§-]+|[^\w\s]")
#: Words that only announce the conditions listed after a condition's marker ("provided that
#: in each instance [You also meet all of these conditions]:", "wenn [die folgenden
#: Voraussetzungen erfüllt sind]:"): they add no requirement of their own.
_ANNOUNCED_RE = rx.compile(
    r"\b(?:(?:(?:you|it|they|he|she)\s+)?(?:also\s+)?(?:meet|satisfy|fulfil+|comply\s+with)\s+)?"
    r"(?:(?:all\s+(?:of\s+)?)?(?:these|the\s+following)\s+(?:conditions|requirements)|"
    r"(?:diese|die\s+folgenden)\s+(?:Voraussetzungen|Bedingungen|Anforderungen)"
    r"(?:\s+erfüllt\s+(?:sind|werden|ist))?)\b",
    re.IGNORECASE,
)


def added_inside(a: Condition, b: Condition) -> list[str]:
    """Return the runs of words the condition `a` has inside it that its version `b` lacks with
    nothing in their place there (an insertion, not a rewording): "nach einer Mahnung" of
    "wenn der Vermieter das Dach nach einer Mahnung nicht repariert" / "wenn der Vermieter das
    Dach nicht repariert".

    >>> [c] = conditions("Er kann kündigen, wenn der Vermieter nach einer Mahnung nicht zahlt.")
    >>> [d] = conditions("Er kann kündigen, wenn der Vermieter nicht zahlt.")
    >>> added_inside(c, d), added_inside(d, c)
    (['nach einer Mahnung'], [])
    """
    if a.written == b.written:
        return []
    x, y = _TOKEN_RE.findall(a.written), _TOKEN_RE.findall(b.written)
    opcodes = Matcher([t.casefold() for t in x], [t.casefold() for t in y]).get_opcodes()
    runs = [" ".join(x[i1:i2]) for tag, i1, i2, _, _ in opcodes if tag == "delete"]
    return [run for run in runs if not _ANNOUNCED_RE.search(run)]


#: What a condition names, this one or another: "distributed under this license" / "under a
#: different license", "nach diesem Vertrag" / "nach einem anderen Vertrag".
_THIS_RE = rx.compile(r"this|these|the same|dieser|diese|dieses|diesem|diesen", _I)
_OTHER_RE = rx.compile(
    r"(?:a|any)\s+(?:different|other)|another|(?:some\s+)?other|different|"
    r"(?:ein|eine|einer|einem|einen|eines)\s+andere[nmrs]?|andere[nmrs]?",
    _I,
)


def redirected(a: Condition, b: Condition) -> bool:
    """Tell whether the condition `b` names another thing where its version `a` names this one,
    or the reverse, the rest kept: "If a Derived Work is distributed under this license" / "...
    under a different license" covers other cases.

    >>> [c] = conditions("If the work is distributed under this license, it must say so.")
    >>> [d] = conditions("If the work is distributed under a different license, it must say so.")
    >>> redirected(c, d), redirected(c, c)
    (True, False)
    """
    if a.written == b.written:
        return False
    x, y = _TOKEN_RE.findall(a.written), _TOKEN_RE.findall(b.written)
    opcodes = Matcher([t.casefold() for t in x], [t.casefold() for t in y]).get_opcodes()
    changed = [(" ".join(x[i1:i2]), " ".join(y[j1:j2])) for tag, i1, i2, j1, j2 in opcodes
               if tag != "equal"]  # fmt: skip
    return len(changed) == 1 and any(
        _THIS_RE.fullmatch(p) is not None and _OTHER_RE.fullmatch(q) is not None
        for p, q in (changed[0], changed[0][::-1])
    )
