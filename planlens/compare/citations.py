"""The citations of other acts in a text, whose dates and figures are part of a reference.

An EU act is cited with the date it was adopted and where it was published: "Verordnung (EG)
Nr. 1013/2006 des Europäischen Parlaments und des Rates vom 14. Juni 2006 über die Verbringung
von Abfällen (ABl. L 190 vom 12.7.2006, S. 1)", "Regulation (EC) No 1013/2006 of the European
Parliament and of the Council of 14 June 2006 (OJ L 190, 12.7.2006, p. 1)". That date says
which act is meant, not when anything happens (no `date`), and the Official Journal's series,
issue and page numbers count nothing (no `number`): `statements.dates` and
`statements.figures` skip the spans `citations` returns, as they skip references. So do the
title and section of the US Code or the CFR ("17 U.S.C. § 101", "15 U.S.C. 78j(b)").

A notice or a name carries numbers that count nothing either (`identifiers`, branch flagfix9):
the years of a copyright notice ("Copyright (c) 1995-2001 Corporation ...", "Copyright (C)
2003, Lucent Technologies Inc.", "© 2019, 2020 X GmbH") say whose work it is, not when anything
happens; the version of a work or licence ("Python 1.6.1", "Python 1.6, beta 1", "Version
2.0.1", "Attribution License 4.0 and ...") and a numbered clause cited with its item
("pursuant to 6.3(a)") say which text is meant, and so does the date of an edition after its
version ("Version 1.3, 17 January 1999", "Version 2, June 1991"; branch flagfix10), and a
count of the text's own provisions it refers to ("the above eight conditions").
"""

from __future__ import annotations

import re
from functools import lru_cache

import planlens.compare.lexicon as lx
import planlens.compare.patterns as rx
from planlens.compare.guards import guarded

Span = tuple[int, int]

#: Where an act was published, each issue of the Official Journal: "ABl. L 190 vom 12.7.2006, S.
#: 1", "L 318 vom 28.11.2008, S. 15", "OJ L 190, 12.7.2006, p. 1" (an issue is read alone, for
#: "ABl." may end a phrase); "vom" and "OJ" are the words a text must have for a scan.
_PUBLISHED_RE = guarded(
    rx.compile(
        r"\b(?:ABl\.\s+)?[LC]\s+\d+\s+vom\s+\d{1,2}\.\d{1,2}\.\d{4},\s+S\.\s+\d+|"
        r"\bOJ\s+[LC]\s+\d+,\s+\d{1,2}\.\d{1,2}\.\d{4},\s+p\.\s+\d+"
    )
)
#: An EU act named with the date it was adopted, up to that date: "Verordnung (EG) Nr.
#: 1013/2006 des Europäischen Parlaments und des Rates vom 14. Juni 2006", "Directive
#: 2006/123/EC of the European Parliament and of the Council of 12 December 2006".
_ADOPTED_RE = guarded(
    rx.compile(
        r"\b(?:Verordnung|Richtlinie|Beschluss|Durchführungsverordnung|Regulation|Directive|"
        r"Decision)\s+(?:\((?:EU|EG|EWG|EC|EEC|Euratom)\)\s+)?(?:(?:Nr\.|No\.?)\s*)?"
        r"\d+/\d+(?:/(?:EU|EG|EWG|EC|EEC))?[^.;()]{0,120}?\b(?:vom|of)\s+\d{1,2}\.?\s+"
        r"[A-ZÄÖÜ][a-zäöü]+\s+\d{4}"
    )
)


#: A year of a notice, or a range of years ("1995-2001", "2019–20"), or the template's "<YEAR>".
_NOTICE_YEAR = r"(?:(?:19|20)\d\d(?:\s?[-–]\s?(?:(?:19|20)\d\d|\d\d))?(?!\d)|<YEAR>)"
#: The years of a copyright notice, after "Copyright", "(c)" or "©", each separated by a
#: comma or a space: "Copyright (c) 2001, 2002, 2003", "© 2019-2021".
_NOTICE_RE = guarded(
    rx.compile(
        rf"(?:\b[Cc]opyright|©)(?:\s*(?:\([cC]\)|©))?[\s:]*{_NOTICE_YEAR}"
        rf"(?:\s*,?\s*{_NOTICE_YEAR})*"
    )
)
#: The version of a work: a number of three parts or more not read as thousands ("1.6.1",
#: "0.3.1"; not "1.000.000"), a two-part number just after a name ("Python 1.6", "MPL 2.0") or
#: the version sign ("v. 2.0", and "Licensev. 2.1", a space lost by the import; not one with a
#: word or unit after it but "and" / "or" ("Attribution License 4.0 and the Open Data Commons
#: ..."), nor three digits after its point, the German thousands), and a numbered clause with
#: its item ("6.3(a)"); found from their digits.
_DOTTED_RE = rx.compile(r"(?<![\w.,/])\d+(?:\.\d+)+(?:\s?\([a-z]{1,2}\))?")
_POINT_RE = rx.compile(r"\d\.\d")  # the cheap test first: few texts have one
_NAME_BEFORE_RE = rx.compile(
    r"(?:(?<=[\w,;:] )|(?<=[\"“(]))(?!(?:EUR|USD|GBP|CHF|US|Euro|No|Nr)\b)"
    r"[A-Z][A-Za-z]*[A-Z0-9a-z]\s\Z|"
    # The version sign, alone or glued to the name by a space the import lost: "License v.
    # 2.0", "The Open Software Licensev. 2.1" (branch flagfix11).
    r"(?<![^\W\d_])(?:[A-Z][A-Za-z]*)?v\.\s?\Z"
)
_NUMBER_END_RE = rx.compile(r"(?![\w/]|[.,]\d)")
_NO_WORD_AFTER_RE = rx.compile(
    r"(?!\s?(?:%|[A-Za-zÄÖÜäöüß]+\b(?<!\bbeta)(?<!\balpha)(?<!\bis)(?<!\bist)(?<!\band)"
    r"(?<!\bor)(?<!\bund)(?<!\boder)))"
)
#: The date of an edition, after its version: "Version 1.3, 17 January 1999", "Version 2, June
#: 1991", "LPPL Version 1.1 1999-07-10", "Version 2.0 vom 1. März 2020": which text is meant,
#: when it was issued, not when anything happens (no `date`).
_EDITION_DATE_RE = guarded(
    rx.compile(
        rf"\b[Vv]ersion\s+\d+(?:\.\d+)*[a-z]?,?\s+(?:of\s+|dated\s+|vom\s+)?"
        rf"(?:\d{{1,2}}\.?\s+(?:{lx.MONTHS})\s+\d{{4}}|(?:{lx.MONTHS})\s+(?:\d{{1,2}},\s+)?\d{{4}}|"
        rf"\d{{4}}-\d\d-\d\d)(?!\d)"
    )
)
#: A section of the United States Code or the Code of Federal Regulations cited with its
#: title: "17 U.S.C. § 101", "15 U.S.C. 78j(b)", "40 C.F.R. 60.4": title and section count
#: nothing, whatever stands for the sign ("17 U.S.C. sec. 107"), nor does the title alone
#: where a sentence is read to end after the code's name ("17 U.S.C.").
_CODE_RE = guarded(
    rx.compile(
        r"\b\d+\s+(?:U\.S\.C\.|C\.F\.R\.)(?:(?:\s*(?:§§?|[Ss]ec\.|\S{1,2}))?\s*\d+[\w.()-]*)?"
    )
)
#: A count of the text's own provisions it refers to: "the above eight conditions", "the
#: following three requirements", "der vorstehenden drei Absätze": which provisions are meant,
#: no figure (a provision added to them is its own change).
_OWN_COUNT_RE = guarded(
    rx.compile(
        r"\b(?:above|following|foregoing|preceding|aforementioned|vorstehenden|folgenden|"
        r"vorgenannten|obigen)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|\d{1,2})\s+)"
        r"(?:conditions|requirements|paragraphs|sections|clauses|items|points|criteria|"
        r"obligations|restrictions|Voraussetzungen|Bedingungen|Absätze|Nummern|Punkte|"
        r"Anforderungen|Pflichten)\b",
        re.IGNORECASE,
    )
)
#: A pre-release: "beta 1", "Beta 2", "RC 3".
_PRERELEASE_RE = rx.compile(r"(?<![\w-])(?:[Bb]eta|[Aa]lpha|RC)\s?\d+\b")


@lru_cache(maxsize=4096)
def identifiers(text: str) -> tuple[Span, ...]:
    """Return the spans of `text` whose numbers name a notice's years or a version (`_NOTICE_RE`,
    `_DOTTED_RE`, `_PRERELEASE_RE`): neither a figure nor a date.

    >>> text = 'Copyright (c) 1995-2001 CNRI; use Python 1.6, beta 1, or Python 1.6.1 under 6.3(a)'
    >>> [text[a:b] for a, b in identifiers(text)]
    ['Copyright (c) 1995-2001', 'Python 1.6', 'beta 1', '1.6.1', '6.3(a)']
    """
    # Cheap tests first: a notice needs its word or sign, a pre-release its word, a version
    # a point between digits.
    notice = "opyright" in text or "©" in text
    spans = [m.span() for m in _NOTICE_RE.finditer(text)] if notice else []
    if "eta" in text or "lpha" in text or "RC" in text:
        spans += [m.span() for m in _PRERELEASE_RE.finditer(text)]
    if "ersion" in text:
        spans += [m.span() for m in _EDITION_DATE_RE.finditer(text)]
    spans += [m.span() for m in _OWN_COUNT_RE.finditer(text)]
    for m in _DOTTED_RE.finditer(text) if _POINT_RE.search(text) else ():
        number, (start, end) = m.group(), m.span()
        parts = number.split(".")
        if number.endswith(")"):
            spans.append((start, end))  # "6.3(a)": a clause and its item
        elif not _NUMBER_END_RE.match(text, end):
            continue
        elif len(parts) > 2 and not _thousands(number):
            spans.append((start, end))
        elif len(parts) == 2 and len(parts[1]) <= 2 and _NO_WORD_AFTER_RE.match(text, end):
            name = _NAME_BEFORE_RE.search(text, max(0, start - 40), start)
            if name is not None:
                spans.append((name.start(), end))
    return tuple(sorted(spans))


def _thousands(number: str) -> bool:
    """Tell whether a number of three parts or more reads as thousands ("1.000.000")."""
    parts = number.split(".")
    return len(parts) > 2 and all(len(x) == 3 for x in parts[1:]) and parts[0].isdigit()


@lru_cache(maxsize=4096)
def citations(text: str) -> tuple[Span, ...]:
    """Return the spans of `text` that cite another act: its adoption and its publication.

    >>> text = "Verordnung (EG) Nr. 1013/2006 vom 14. Juni 2006 (ABl. L 190 vom 12.7.2006, S. 1)"
    >>> [text[a:b] for a, b in citations(text)]
    ['Verordnung (EG) Nr. 1013/2006 vom 14. Juni 2006', 'ABl. L 190 vom 12.7.2006, S. 1']
    """
    spans = [m.span() for m in _ADOPTED_RE.finditer(text)]
    spans += [m.span() for m in _PUBLISHED_RE.finditer(text)]
    if ".S.C." in text or ".F.R." in text:
        spans += [m.span() for m in _CODE_RE.finditer(text)]
    return tuple(sorted(spans))
