"""What a text says to its reader rather than as a term, for the `provision` flag of `substance`.

A sentence that states the purpose of the rules before it ("Damit sollen ... verhindert
werden"), or what some jurisdictions' laws allow so that a term may not apply ("SOME
JURISDICTIONS DO NOT ALLOW ..."), is no provision of its own; a paragraph set off as a note
("Note: This license is derived from ...", "Hinweis: ...") is editorial, as a footnote, and is
left out of both texts before they are compared (`without_notes`).
"""

from __future__ import annotations

import re

import planlens.compare.patterns as rx

#: A sentence that states the purpose of the rules before it, not a rule of its own.
PURPOSE_RE = rx.compile(
    r"\W*(?:(?:Damit|Hierdurch|Dadurch)\s+soll(?:en)?\b|Dies(?:e Regelung)?\s+dient\b|"
    r"(?:The|Its)\s+purpose\s+(?:of\s+\w+\s+)?is\b|This\s+is\s+(?:intended|meant)\s+to\b)",
    re.IGNORECASE,
)
#: A sentence that tells what some jurisdictions' laws allow, so that a term may not apply
#: ("SOME JURISDICTIONS DO NOT ALLOW THE LIMITATION OF ... DAMAGES, SO THIS LIMITATION MAY NOT
#: APPLY TO YOU", "Einige Rechtsordnungen lassen ... nicht zu"): a remark on the law, no term of
#: the text (branch flagfix11).
LAW_NOTE_RE = rx.compile(
    r"\W*(?:some|certain)\s+(?:jurisdictions|states|countries)\s+do\s+not\s+allow\b|"
    r"\W*(?:einige|manche)\s+(?:Rechtsordnungen|Staaten|Länder)\s+lassen\b",
    re.IGNORECASE,
)
#: A paragraph set off as a note ("Note: This license is derived from the Artistic License ...
#: As differences may exist, the complete license should be read.", "Hinweis: ..."): a remark
#: to the reader, editorial as a footnote, whatever its sentences say (branch flagfix11).
NOTE_RE = rx.compile(
    r"(?:\A|(?<=\n)[ \t]*\n)[ \t]*(?:Note|NOTE|Hinweis|HINWEIS|Anmerkung|ANMERKUNG)[ \t]*:"
    r"[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*"
)


def without_notes(text: str) -> str:
    """Return `text` without its paragraphs set off as notes (`NOTE_RE`): each a blank line.

    >>> without_notes("Title\\n\\nNote: As differences may exist, read it all.\\n\\nYou may copy.")
    'Title\\n\\n\\n\\nYou may copy.'
    """
    if "ote" not in text and "OTE" not in text and "inweis" not in text and "erkung" not in text:
        return text  # the cheap test first: few texts have a note
    return NOTE_RE.sub("\n", text)
