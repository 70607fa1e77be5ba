"""Legislative XML (USLM, Akoma Ntoso) -> nested clauses: the structure is in the elements.

Bills and acts in XML mark their structure explicitly: each section or article, and each of its
subsections, paragraphs and points, is an element with a `<num>` and often a `<heading>`.
No label has to be guessed, so `build_clauses` builds the clause tree straight from the
elements, with what `Vocabulary` says a format calls them (`planlens.importers.uslm`,
`planlens.importers.akoma_ntoso`):

- The *clause level* is the first of `Vocabulary.top` found in the document (USLM: sections;
  Akoma Ntoso: articles, else sections, else paragraphs). Each such element is a top-level
  clause: its id is its number as printed without decoration (`SEC. 4.` -> `4`, `Article 12`
  -> `12`), its `number` the number as printed, its title the heading. Elements above the
  clause level (titles, parts, chapters) structure the document: their numbers and headings go
  to the notes of the next clause ("Headings before this clause: ...").
- Numbered elements inside a clause are its sub-clauses, with ids under their parent (`4.a`,
  `4.a.1`), nested as in the document. An unnumbered one (an Akoma Ntoso `list`, a paragraph
  without a number) is transparent: its text goes to the clause that holds it, its numbered
  parts are that clause's sub-clauses.
- Text after a clause's sub-clauses (USLM `continuation`, Akoma Ntoso `wrapUp`) goes to an
  unnumbered last sub-clause `<id>.after`, as the text importer does (see
  `planlens.importers.outline`), so that the clauses read in document order.
- Structure inside quoted text (`quotedContent`, `quotedStructure`: an amendment quoting the
  law it amends) is text of the clause that quotes it, never clauses of its own.

The XML is read with the standard library (no extra needed); a document that declares entities
is refused rather than expanded, and a malformed one gets its line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from planlens.errors import PlanlensError
from planlens.importers.labels import SEPARATORS, parse_label
from planlens.importers.outline import unique_id
from planlens.plan.model import Clause

#: An XML document larger than this is refused (the US Code's largest title is ~100 MB).
MAX_XML_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The element names (without namespace) that give a legislative format its structure."""

    #: Elements that may hold a numbered part of the text (a level of the hierarchy).
    levels: frozenset[str]
    #: The clause level: the first of these found in the document makes the top-level clauses.
    top: tuple[str, ...]
    #: Text that comes after the sub-clauses of its element.
    after: frozenset[str] = frozenset()
    #: Elements whose text is no clause's: metadata, notes, tables of contents.
    skipped: frozenset[str] = frozenset()
    #: Elements that quote another text: their structure is text, not clauses.
    quoted: frozenset[str] = frozenset()
    #: Elements that hold paragraphs: their `p` children are separated by a blank line.
    paragraphs: frozenset[str] = field(default_factory=lambda: frozenset({"p"}))


def local(tag: object) -> str:
    """Return an element's name without its namespace (comments and the like give "")."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_xml(data: bytes, path: Path) -> ElementTree.Element:
    """Return the root element of the XML document `data`, read from `path`.

    Raise `PlanlensError` if the document is too large, declares entities (which planlens does
    not expand, since expanding them is how XML bombs work) or is not well-formed.
    """
    if len(data) > MAX_XML_BYTES:
        raise PlanlensError(f"{path}: the XML document is larger than 256 MiB")
    if re.search(rb"<!ENTITY", data[:65536]):
        raise PlanlensError(
            f"{path}: the XML document declares entities; planlens does not expand them"
        )
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as err:
        line, column = err.position
        message = str(err).split(":")[0]
        raise PlanlensError(f"{path}:{line}:{column + 1}: not well-formed XML: {message}") from None


def normal(text: str) -> str:
    """Return `text` with white space collapsed.

    >>> normal("  SEC. 4.\\n  Findings ")
    'SEC. 4. Findings'
    """
    return " ".join(text.split())


def child(element: ElementTree.Element, name: str) -> ElementTree.Element | None:
    """Return the first child of `element` called `name` (any namespace)."""
    return next((c for c in element if local(c.tag) == name), None)


def key_of(num: str) -> str:
    """Return the id part of a printed number: `SEC. 4.` -> `4`, `(a)` -> `a`, `Art. 12` -> `12`.

    >>> [key_of(n) for n in ["SEC. 4.", "(a)", "Article 12", "§ 3", "1.2.", "(iv)", "Annex I"]]
    ['4', 'a', '12', '3', '1.2', 'iv', 'I']
    """
    text = normal(num).rstrip(SEPARATORS)
    text = re.sub(
        r"^(?:SEC(?:TION)?|Sec(?:tion)?|ARTICLE|Article|Art|Annex|ANNEX|Rule|RULE)\.?\s*", "", text
    )
    label = parse_label(f"{text} X", heading=True)
    if label is not None and label.style != "bullet":
        return label.key
    cleaned = re.sub(r"[^\w.-]+", "", text)
    return cleaned.strip(".-")


#: Elements that stand apart from the text before them (a space is put between).
_BLOCKS = frozenset(
    {
        "num",
        "heading",
        "subheading",
        "content",
        "chapeau",
        "continuation",
        "p",
        "intro",
        "wrapUp",
        "section",
        "subsection",
        "article",
        "paragraph",
        "subparagraph",
        "clause",
        "subclause",
        "point",
        "item",
        "list",
        "level",
        "quotedContent",
        "quotedStructure",
        "block",
        "tr",
        "td",
        "th",
    }
)


def itertext(element: ElementTree.Element, skipped: frozenset[str]) -> str:
    """Return the text of `element` and its descendants, leaving out `skipped` elements.

    >>> element = ElementTree.fromstring("<a>x<num>1.</num><content>y<i>z</i></content></a>")
    >>> itertext(element, frozenset())
    'x 1. yz'
    """
    parts: list[str] = []

    def visit(node: ElementTree.Element) -> None:
        parts.append(node.text or "")
        for sub in node:
            name = local(sub.tag)
            if name not in skipped:
                if name in _BLOCKS:
                    parts.append(" ")
                visit(sub)
            parts.append(sub.tail or "")

    visit(element)
    return "".join(parts)


@dataclass(slots=True)
class _Built:
    """A clause while it is built: its text before and after its sub-clauses."""

    body: list[str] = field(default_factory=list)
    children: list[Clause] = field(default_factory=list)
    after: list[str] = field(default_factory=list)


def build_clauses(scope: ElementTree.Element, vocabulary: Vocabulary) -> tuple[Clause, ...]:
    """Return the top-level clauses of the document part `scope`, their sub-clauses nested."""
    top = next((name for name in vocabulary.top if _has(scope, name, vocabulary)), None)
    if top is None:
        return ()
    used: set[str] = set()
    clauses: list[Clause] = []
    for element, path in _tops(scope, top, vocabulary, []):
        headings = [h for h in (_heading_line(e, vocabulary) for e in path) if h]
        notes = "Headings before this clause: " + " › ".join(headings) if headings else None
        clauses.append(_clause(element, None, used, vocabulary, notes))
    return tuple(clauses)


def _has(scope: ElementTree.Element, name: str, vocabulary: Vocabulary) -> bool:
    return next(_tops(scope, name, vocabulary, []), None) is not None


def _tops(
    element: ElementTree.Element, name: str, vocabulary: Vocabulary, path: list[ElementTree.Element]
) -> Iterator[tuple[ElementTree.Element, list[ElementTree.Element]]]:
    """Yield each `name` element outside quotes and outside another, with the levels above it."""
    for sub in element:
        tag = local(sub.tag)
        if tag in vocabulary.quoted or tag in vocabulary.skipped:
            continue
        if tag == name:
            yield sub, list(path)
            path.clear()  # a level's heading goes to the first clause under it only
        else:
            if tag in vocabulary.levels:
                path.append(sub)
            yield from _tops(sub, name, vocabulary, path)
            if tag in vocabulary.levels and path and path[-1] is sub:
                path.pop()


def _heading_line(element: ElementTree.Element, vocabulary: Vocabulary) -> str:
    num = child(element, "num")
    heading = child(element, "heading")
    parts = [normal(itertext(e, vocabulary.skipped)) for e in (num, heading) if e is not None]
    return " ".join(p for p in parts if p)


def _clause(
    element: ElementTree.Element,
    parent_id: str | None,
    used: set[str],
    vocabulary: Vocabulary,
    notes: str | None = None,
) -> Clause:
    num = child(element, "num")
    heading = child(element, "heading")
    printed = normal(itertext(num, vocabulary.skipped)) if num is not None else ""
    value = num.get("value") if num is not None else None
    key = key_of(value) if value else key_of(printed)
    natural = f"{parent_id}.{key}" if parent_id else key
    clause_id = unique_id(natural or "clause", used)
    built = _Built()
    _gather(element, built, clause_id, used, vocabulary, skip={num, heading})
    if built.after:
        after_id = unique_id(f"{clause_id}.after", used)
        built.children.append(Clause(id=after_id, text="\n\n".join(built.after)))
    title = normal(itertext(heading, vocabulary.skipped)) if heading is not None else None
    text = "\n\n".join(built.body)
    return Clause(
        id=clause_id,
        text=text or title or printed or clause_id,
        number=printed.rstrip(" .") or None if parent_id is None else natural,
        title=title or None,
        notes=notes,
        clauses=tuple(built.children),
    )


def _gather(
    element: ElementTree.Element,
    built: _Built,
    clause_id: str,
    used: set[str],
    vocabulary: Vocabulary,
    skip: set[ElementTree.Element | None],
) -> None:
    """Add the text and sub-clauses of `element`'s children to `built`, in document order."""
    if (lead := normal(element.text or "")) and local(element.tag) in vocabulary.levels:
        _add_text(built, lead)
    for sub in element:
        tag = local(sub.tag)
        if sub in skip or tag in vocabulary.skipped or not tag:
            pass
        elif tag in vocabulary.levels and tag not in vocabulary.quoted:
            if child(sub, "num") is not None:
                built.children.append(_clause(sub, clause_id, used, vocabulary))
            else:
                _gather(sub, built, clause_id, used, vocabulary, skip=set())
        elif tag in vocabulary.after:
            if text := _block_text(sub, vocabulary):
                (built.after if built.children else built.body).append(text)
        elif text := _block_text(sub, vocabulary):
            _add_text(built, text)
        if (tail := normal(sub.tail or "")) and local(element.tag) in vocabulary.levels:
            _add_text(built, tail)


def _add_text(built: _Built, text: str) -> None:
    (built.after if built.children else built.body).append(text)


def _block_text(element: ElementTree.Element, vocabulary: Vocabulary) -> str:
    """Return an element's text; paragraphs (`p`) inside it are separated by a blank line."""
    if any(local(sub.tag) in vocabulary.paragraphs for sub in element):
        parts = [element.text or ""]
        for sub in element:
            text = itertext(sub, vocabulary.skipped)
            parts.append(f"\n\n{text}\n\n" if local(sub.tag) in vocabulary.paragraphs else text)
            parts.append(sub.tail or "")
        paragraphs = "".join(parts).split("\n\n")
        return "\n\n".join(p for p in (normal(p) for p in paragraphs) if p)
    return normal(itertext(element, vocabulary.skipped))
