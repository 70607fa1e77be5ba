"""The site's search index: every clause of every plan, as a script a page loads from `file://`.

A page cannot fetch a file next to it when opened from disk (`file://` has no CORS), but it can
load a script: the index is `search-index.js`, which assigns one global,
`window.planlensSearch`, and which the search box loads the first time it is used (a
`<script src>` relative to the page; the site's pages allow scripts from `'self'`).

The index is our own, not a library's: a sorted list of normalised words, each with the
clauses it occurs in (the search box finds the words that start with each word typed by binary
search, and intersects their clauses), and each clause's text, which the box checks a quoted
phrase against and shows a snippet of. Normalised means decomposed (NFKD), without combining
marks, lower-cased, so that "zaporizhzhia" finds "Zaporizhzhia" and "muenchen" does not find
"München" but "munchen" does; `script.js` normalises a query the same way. Its bytes are
deterministic: plans by date and id, clauses in document order, keys sorted.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence

from planlens.plan.check_text import visible
from planlens.plan.model import Clause, Plan
from planlens.render.html import SEARCH_INDEX, anchor_id

__all__ = ["SEARCH_FORMAT", "SEARCH_INDEX", "normalise", "search_index", "words"]
#: Bumped on any incompatible change of the index's shape (script.js reads it).
SEARCH_FORMAT = 1

_WORD = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Return `text` as the index compares it: decomposed, without marks, lower-cased.

    >>> normalise("Zaporizhzhia NPP, Dnipró")
    'zaporizhzhia npp, dnipro'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()


def words(text: str) -> list[str]:
    """Return the normalised words of `text`: runs of letters and digits.

    >>> words("Ukraine's armed forces: 600,000.")
    ['ukraine', 's', 'armed', 'forces', '600', '000']
    """
    return _WORD.findall(normalise(text))


def search_index(plans: Sequence[Plan], pairs: Sequence[tuple[Plan, Plan]]) -> str:
    """Return the text of `search-index.js` for the site of `plans` and its comparisons `pairs`.

    Paths are relative to the site's root: `plans/ID.html`, `compare/OLD--NEW.html`. A clause's
    anchor suffix `a` gives its ids on the pages: `clause-a` on its plan's page, `old-a` or
    `new-a` on a comparison.
    """
    ordered = sorted(plans, key=lambda p: (p.date, p.id))
    number = {plan.id: k for k, plan in enumerate(ordered)}
    clauses: list[list[object]] = []
    postings: dict[str, list[int]] = {}
    for plan in ordered:
        for clause, depth in _walk(plan.clauses, 0):
            text = visible(" ".join(t for t in (clause.title, clause.text) if t))
            if not text.strip():
                continue  # a clause whose text was never published: nothing to find
            k = len(clauses)
            label = (clause.number or clause.id) if depth == 0 else clause.id
            suffix = anchor_id("clause", clause.id).removeprefix("clause-")
            clauses.append([number[plan.id], suffix, visible(label), text])
            for word in dict.fromkeys(words(text)):
                postings.setdefault(word, []).append(k)
    data = {
        "format": SEARCH_FORMAT,
        "plans": [
            [plan.id, visible(plan.title), plan.date, f"plans/{plan.id}.html"] for plan in ordered
        ],
        "comparisons": [
            [number[old.id], number[new.id], f"compare/{old.id}--{new.id}.html"]
            for old, new in pairs
            if old.id in number and new.id in number
        ],
        "clauses": clauses,
        # In UTF-16 order, as JavaScript compares strings: the box finds words by binary search.
        "words": [[word, postings[word]] for word in sorted(postings, key=_utf16)],
    }
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # Line and paragraph separators are valid in JSON strings; escaped, no script parser minds.
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return (
        "/* planlens search index: every clause of every plan (planlens/render/search.py). */\n"
        f"window.planlensSearch = {body};\n"
    )


def _utf16(word: str) -> bytes:
    return word.encode("utf-16-be", "surrogatepass")


def _walk(clauses: Sequence[Clause], depth: int) -> list[tuple[Clause, int]]:
    out: list[tuple[Clause, int]] = []
    for clause in clauses:
        out.append((clause, depth))
        out.extend(_walk(clause.clauses, depth + 1))
    return out
