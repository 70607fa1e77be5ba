"""Read US bills and laws in USLM XML (the US Government Publishing Office's format) into plans.

USLM puts every element in the namespace `http://schemas.gpo.gov/xml/uslm`. Its sections are
the clauses (`planlens.importers.legal_xml` builds them): the id is the `value` of a section's
`<num>` (`4` for "SEC. 4."), the number as printed, the title its `<heading>`; subsections,
paragraphs, subparagraphs, clauses and items nest under it (`4.a`, `4.a.1`, `4.a.1.A`), and
sections quoted by an amendment (`quotedContent`) stay text of the section that quotes them.
Titles, divisions, parts and chapters above the sections go to the notes of their first
section.

The plan's title is the bill's `dc:title`; its date the `dc:date` of the metadata, else the
latest action date in the preface (the date of the version: introduced, reported, engrossed);
the long title and the enacting formula make the first clause, `preamble` (as the text
before the first point does in text imports).

`top_sections` and `flat_text` give the sections with the text of their parts run together,
as `bench/uslm.py` reads bills for the benchmarks.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from planlens.errors import PlanlensError
from planlens.importers.legal_xml import (
    Vocabulary,
    build_clauses,
    child,
    itertext,
    local,
    normal,
    parse_xml,
)
from planlens.importers.outline import PREAMBLE_ID
from planlens.importers.skeleton import check_import_options, read_document, skeleton_plan
from planlens.plan.model import Clause, Plan
from planlens.plan.schema import DATE_RE

NAMESPACE = "http://schemas.gpo.gov/xml/uslm"
NS = "{" + NAMESPACE + "}"
DC = "{http://purl.org/dc/elements/1.1/}"

_ABOVE = ("title", "subtitle", "division", "subdivision", "part", "subpart", "chapter")
_BELOW = ("subsection", "paragraph", "subparagraph", "clause", "subclause", "item")
VOCABULARY = Vocabulary(
    levels=frozenset(
        (*_ABOVE, "subchapter", "article", "section", *_BELOW, "subitem", "subsubitem", "level")
    ),
    top=("section", "article", "level"),
    after=frozenset({"continuation"}),
    skipped=frozenset({"meta", "preface", "toc", "notes", "note", "sidenote", "footnote"}),
    quoted=frozenset({"quotedContent", "quotedText"}),
)


def import_uslm(
    path: Path,
    *,
    plan_id: str,
    title: str,
    date: str,
    source_url: str | None = None,
    language: str | None = None,
) -> Plan:
    """Return a draft plan skeleton of the USLM document at `path` (the registry's reader)."""
    check_import_options(plan_id, date, source_url)
    data = read_document(path)
    root = parse_xml(data, path)
    main = next((e for e in root.iter() if local(e.tag) == "main"), root)
    clauses = build_clauses(main, VOCABULARY)
    if not clauses:
        raise PlanlensError(f"{path}: the USLM document has no sections to import")
    before = [
        _parts_text(e)
        for e in main
        if local(e.tag) in ("longTitle", "enactingFormula", "resolvingClause", "preamble")
    ]
    if preamble := "\n\n".join(t for t in before if t):
        clauses = (Clause(id=PREAMBLE_ID, text=preamble, number=None), *clauses)
    return skeleton_plan(
        clauses,
        None,
        plan_id=plan_id,
        title=title.strip() or document_title(root) or "",
        date=date or document_date(root) or "",
        source_url=source_url,
        language=language or "en",
    )


def _parts_text(element: ElementTree.Element) -> str:
    """Return an element's text, its parts (`docTitle`, `officialTitle`) apart by a space."""
    if len(element):
        parts = [normal(element.text or "")]
        parts += [normal(itertext(e, VOCABULARY.skipped) + (e.tail or "")) for e in element]
        return " ".join(p for p in parts if p)
    return normal(itertext(element, VOCABULARY.skipped))


def document_title(root: ElementTree.Element) -> str | None:
    """Return the title in the document's metadata (the first `dc:title`), if any."""
    element = root.find(f".//{DC}title")
    return normal("".join(element.itertext())) or None if element is not None else None


def document_date(root: ElementTree.Element) -> str | None:
    """Return the `dc:date` of the metadata, else the latest action date of the preface."""
    for element in root.iter(f"{DC}date"):
        value = (element.text or "").strip()[:10]
        if DATE_RE.match(value):
            return value
    dates = [
        (element.get("date") or "")[:10]
        for action in root.iter(f"{NS}action")
        for element in action.iter(f"{NS}date")
    ]
    dates = [d for d in dates if DATE_RE.match(d) and len(d) == 10]
    return max(dates) if dates else None


def top_sections(root: ElementTree.Element) -> list[ElementTree.Element]:
    """Return the sections not nested in another section or in quoted content, in order."""
    found: list[ElementTree.Element] = []

    def visit(element: ElementTree.Element) -> None:
        for sub in element:
            if sub.tag == f"{NS}section":
                found.append(sub)
            elif sub.tag != f"{NS}quotedContent":
                visit(sub)

    visit(root)
    return found


def flat_text(section: ElementTree.Element) -> str:
    """Return the text of a section without its number and heading, its parts run together.

    >>> xml = (
    ...     f'<section xmlns="{NAMESPACE}"><num value="1">SEC. 1. </num><heading>TITLE.</heading>'
    ...     "<subsection><num>(a)</num><content>This Act\\n may be cited.</content></subsection>"
    ...     "</section>"
    ... )
    >>> flat_text(ElementTree.fromstring(xml))
    '(a)This Act may be cited.'
    """
    num, heading = child(section, "num"), child(section, "heading")
    parts = [section.text or ""]
    for sub in section:
        if sub is not num and sub is not heading:
            parts.append("".join(sub.itertext()))
        parts.append(sub.tail or "")
    return normal(" ".join(parts))
