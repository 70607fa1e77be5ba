"""What one text states anyway: an item of a list dropped from one phrase that the other text
still states in the same words elsewhere moved there, no change of `scope`.

The enumerations (`extent.enumerations`) compare each changed phrase with its closest version
on the other side; a list the other text keeps whole in a phrase both texts share is in no
aligned group ("Dem Antrag ist stattzugeben, soweit ... 2. ... die Aufhebung der gemeinsamen
Sorge und die Übertragung ..." kept in (1) while a new (2) lists "die Übertragung" alone). As
a figure (`substance._unstated`) or a party stated there is no change, nor is such an item.
"""

from __future__ import annotations

import planlens.compare.patterns as rx

_WORD_RE = rx.compile(r"[\w§-]+")

Items = tuple[list[str], list[str]]


def _words(text: str) -> str:
    """Return the words of `text`, casefolded, between spaces (no punctuation)."""
    return f" {' '.join(_WORD_RE.findall(text.casefold()))} "


def restated(items: Items, old: str, new: str) -> Items:
    """Return the items dropped from (`items[0]`) and added to (`items[1]`) an enumeration
    without those the other text states in the same words.

    >>> restated((["die Aufhebung und"], ["oder Lebenspartner"]),
    ...          "soweit die Aufhebung und die Übertragung", "soweit die Übertragung")
    (['die Aufhebung und'], ['oder Lebenspartner'])
    >>> restated((["die Aufhebung und"], []),
    ...          "2. die Aufhebung und die Übertragung", "1. die Aufhebung, und die Übertragung")
    ([], [])
    """
    gone, came = items
    if not gone and not came:
        return items
    in_old, in_new = _words(old), _words(new)
    return (
        [x for x in gone if _words(x) not in in_new],
        [x for x in came if _words(x) not in in_old],
    )
