"""The "only" of a necessary condition, for `condition` and `scope`: "nur, wenn", "only if",
and the "only" its statement's verb parts from the condition ("wird die Tat nur verfolgt,
wenn", "shall only apply if"), which says what triggers a provision, not how far it reaches.

`only_if` gives the markers a text has (`substance` compares them for `condition`),
`without_only_if` the text with their "only" blanked (read for `scope`).
"""

from __future__ import annotations

import re

import planlens.compare.patterns as rx
from planlens.compare.guards import guarded

#: An "only" before a condition ("nur, wenn", "only if") makes the condition a necessary one:
#: what triggers the provision (`condition`), not how far it reaches; so does one that the
#: verb of its statement parts from the condition: German "wird die Tat nur verfolgt, wenn",
#: "ist nur dann zulässig, wenn" (up to three words in lower case, no noun), English "shall
#: only apply if", "may only be granted where".
ONLY_IF_RE = guarded(
    rx.compile(
        r"\b(?P<only>only|solely|nur|ausschließlich|lediglich)"
        r"(?:,?\s+(?:dann,?\s+)?(?:wenn|falls|sofern|soweit|if|when|where|insofar)"
        r"|(?-i:(?:\s+[a-zäöüß]+){1,3}),\s+(?:wenn|falls|sofern|soweit)"
        r"|\s+(?:apply|applies|arise|arises|exist|exists|be\s+\w+ed|\w+ed)\s+"
        r"(?:if|when|where|insofar))\b",
        re.IGNORECASE,
    )
)


def without_only_if(text: str) -> str:
    """Return `text` with the "only" of a necessary condition blanked: "nur, wenn", "only if"
    say what triggers the provision (`condition`, `only_if`), not how far it reaches."""
    out = text
    for m in ONLY_IF_RE.finditer(text):
        a, b = m.span("only")
        out = out[:a] + " " * (b - a) + out[b:]
    return out


def only_if(text: str) -> list[str]:
    """Return the markers of necessary conditions in `text`: "nur, wenn", "only if"."""
    return [" ".join(m.group().casefold().split()) for m in ONLY_IF_RE.finditer(text)]
