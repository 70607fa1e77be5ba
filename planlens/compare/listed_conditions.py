"""Conditions whose alternatives are a numbered list, for the `condition` flag of `substance`.

A condition may list its cases as numbered items before the statement it conditions: "Ein
besonders schwerer Fall liegt in der Regel vor, wenn der Täter\\n\\n1. eine Schußwaffe bei sich
führt,\\n\\n2. eine andere Waffe ... bei sich führt, um diese ... bei der Tat zu verwenden, ...";
"Wenn der Täter ...\\n\\n1. ...\\n\\n2. ...,\\n\\nkann das Gericht ...". `conditions` reads such a
condition only up to its first comma, so a change inside a later item is no change of any
condition it reads. `listed_conditions` compares the items of a listed condition that both
sides keep (by their numbers), and gives a clause added to or dropped from one of them, a
relative, purpose or conditional clause ("die mit seiner Tat im Zusammenhang steht", "um diese
... bei der Tat zu verwenden", "sofern ..."), that says something the other side does not: the
case narrowed or widened. A word replaced is no such clause (a rewording, or what `scope`,
`number` or `date` compare), nor an item added or dropped whole (`extent.enumerations`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import planlens.compare.patterns as rx
from planlens.compare.matcher import Matcher
from planlens.compare.phrases import Alignment, phrase, similarity
from planlens.compare.stemming import stemmer

_I = re.IGNORECASE
#: A condition's marker, up to a dozen words of its clause, and the first item of its list.
_LISTED_RE = rx.compile(
    r"\b(?:wenn|falls|sofern|soweit|if|unless|where|provided\s+that)\b[^.;:\n]{0,200}?:?"
    r"\s*\n\s*(?:1\.|\(?a[.)])\s",
    _I,
)
#: The first item of a list, which a listed condition needs (`_LISTED_RE`).
_FIRST_ITEM_RE = rx.compile(r"\n\s*(?:1\.|\(?a[.)])\s")
#: A paragraph that is an item of a list: "1.  ...", "2a. ...", "a)  ...", "(a) ...".
_ITEM_RE = rx.compile(r"\s*(?P<mark>\d+[a-z]?\.|\(?[a-z][.)])\s+")
#: The first word of a clause: a relative pronoun, "um ... zu", a conditional conjunction.
_CLAUSE_RE = rx.compile(
    r"(?:der|die|das|dem|den|deren|dessen|denen|welche[mnrs]?|um|wenn|falls|sofern|soweit|"
    r"ohne|that|which|who|whom|whose|where|when|if|unless|provided|in\s+order)\b",
    _I,
)
_END_CONJUNCTION_RE = rx.compile(r",?\s+(?:und|oder|and|or)\Z")
#: A clause of purpose, with or without a comma before it: "in order to sell it", "um ... zu".
_PURPOSE_RE = rx.compile(r"(?:in\s+order\s+to|so\s+as\s+to|um\s+(?:[\w-]+\s+){0,8}zu)\b", _I)
_TOKEN_RE = rx.compile(r"[\w’'§-]+|[^\w\s]")
#: Two items of one mark are one case changed from this overlap of their content stems.
SAME_ITEM = 0.5
#: A clause added or dropped counts with this many content stems the other side lacks.
CLAUSE_STEMS = 1


def listed_conditions(alignment: Alignment, language: str | None) -> tuple[list[str], list[str]]:
    """Return the clauses dropped from and added to the items of a listed condition that both
    sides of a group of aligned phrases keep.

    >>> from planlens.compare.phrases import align
    >>> old = "Es gilt, wenn der Täter\\n\\n1.  eine Waffe führt,\\n\\n2.  ein Messer führt, um"
    >>> old += " es bei der Tat zu verwenden, oder\\n\\n3.  plündert."
    >>> new = "Es gilt, wenn der Täter\\n\\n1.  eine Waffe führt,\\n\\n2.  ein Messer führt,"
    >>> new += " oder\\n\\n3.  plündert."
    >>> listed_conditions(align(old, new, "de"), "de")
    (['um es bei der Tat zu verwenden'], [])
    """
    gone: list[str] = []
    came: list[str] = []
    stem = stemmer(language)
    for olds, news in alignment.groups:
        old, new = " ".join(p.text for p in olds), " ".join(p.text for p in news)
        # Most statements hold no list: the cheap test first.
        if _FIRST_ITEM_RE.search(old) is None or _FIRST_ITEM_RE.search(new) is None:
            continue
        if _LISTED_RE.search(old) is None or _LISTED_RE.search(new) is None:
            continue
        a, b = _items(old), _items(new)
        there_old, there_new = phrase(old, stem).stems, phrase(new, stem).stems
        for mark in a.keys() & b.keys():
            # An item of that mark on the other side with other words is another case, not
            # this one changed: an item inserted before it renumbers the list.
            if a[mark] != b[mark] and similarity(phrase(a[mark], stem), phrase(b[mark], stem)) >= (
                SAME_ITEM
            ):
                dropped, added = _clauses(a[mark], b[mark])
                gone += [c for c in dropped if _says_more(c, there_new, stem)]
                came += [c for c in added if _says_more(c, there_old, stem)]
    return gone, came


def _items(text: str) -> dict[str, str]:
    """Return the items of the first listed condition of `text` by their marks ("1.", "a)"),
    each with its sub-items: the paragraphs after the condition's marker that open with a mark,
    up to the first that does not (the statement after the list)."""
    m = _LISTED_RE.search(text)
    if m is None:
        return {}
    items: dict[str, str] = {}
    mark = ""
    start = text.rfind("\n", 0, m.end())
    for paragraph in re.split(r"\n\s*\n", text[start:]):
        item = _ITEM_RE.match(paragraph)
        if item is None and paragraph.strip():
            break
        if item is not None and (not mark or item["mark"][0].isdigit() == mark[0].isdigit()):
            mark = item["mark"]
            items[mark] = paragraph[item.end() :]
        elif mark:
            items[mark] += " " + paragraph.strip()  # a sub-item: "a)" under "4."
    return items


def _clauses(old: str, new: str) -> tuple[list[str], list[str]]:
    """Return the runs of words `old` has that `new` lacks with nothing in their place, and the
    reverse, that are clauses (`_run`)."""
    x, y = _TOKEN_RE.findall(old), _TOKEN_RE.findall(new)
    opcodes = Matcher([t.casefold() for t in x], [t.casefold() for t in y]).get_opcodes()
    dropped = [_run(x, i1, i2) for tag, i1, i2, _, _ in opcodes if tag == "delete"]
    added = [_run(y, j1, j2) for tag, _, _, j1, j2 in opcodes if tag == "insert"]
    return [r for r in dropped if r], [r for r in added if r]


def _run(tokens: list[str], start: int, end: int) -> str:
    """Return the run of `tokens` from `start` to `end` as text, without the punctuation and
    conjunction at its ends, if it is a clause: one of purpose (`_PURPOSE_RE`), or after a
    comma, opening with a word of `_CLAUSE_RE` ("der" after a comma is a relative pronoun, "der
    Täter" an article); else ""."""
    run = tokens[start:end]
    after_comma = run[:1] == [","] or (start > 0 and tokens[start - 1] == ",")
    text = " ".join(run).strip(" ,;:").replace(" ,", ",")
    if not (_PURPOSE_RE.match(text) or (after_comma and _CLAUSE_RE.match(text))):
        return ""
    return _END_CONJUNCTION_RE.sub("", text)


def _says_more(clause: str, there: frozenset[str], stem: Callable[[str], str]) -> bool:
    """Tell whether `clause` has `CLAUSE_STEMS` content stems or more that `there` lacks."""
    return len(phrase(clause, stem).stems - there) >= CLAUSE_STEMS
