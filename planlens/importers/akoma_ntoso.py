"""Read Akoma Ntoso XML (acts and bills of parliaments, the EU and the UN) into plan skeletons.

Akoma Ntoso (OASIS LegalDocML) marks up a legal document's hierarchy with named elements that
each have a `<num>` and a `<heading>`: books, parts, titles, chapters and sections above,
articles, paragraphs, points and indents below. The articles are the clauses (else the
sections, else the paragraphs, for documents without articles), built by
`planlens.importers.legal_xml`: `Article 12` gives id `12`; paragraphs and points nest under
their article (`12.1`, `12.1.a`); a `<list>` is transparent, its `<intro>` the text of the
clause that holds it and its `<wrapUp>` the text after its points (`12.1.after`). Levels
above the articles go to the notes of their first article.

Any version of the namespace is read (`http://docs.oasis-open.org/legaldocml/ns/akn/3.0`, the
older `http://www.akomantoso.org/2.0`): elements are matched by their local names. The plan's
title is the preface's `docTitle` (else the work's `FRBRalias` or `FRBRname`), its date the
expression's `FRBRdate` (the date of this version), its language the expression's
`FRBRlanguage`; the preface's and the preamble's text make the first clause, `preamble`.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from planlens.errors import PlanlensError
from planlens.importers.legal_xml import (
    Vocabulary,
    build_clauses,
    itertext,
    local,
    normal,
    parse_xml,
)
from planlens.importers.outline import PREAMBLE_ID
from planlens.importers.skeleton import check_import_options, read_document, skeleton_plan
from planlens.plan.model import Clause, Plan
from planlens.plan.schema import DATE_RE

_ABOVE = ("book", "tome", "part", "subpart", "title", "subtitle", "chapter", "subchapter")
_OTHER = (
    "list",
    "blockList",
    "item",
    "rule",
    "subrule",
    "proviso",
    "level",
    "hcontainer",
    "sublist",
)
_BELOW = ("paragraph", "subparagraph", "clause", "subclause", "point", "indent", "alinea")
VOCABULARY = Vocabulary(
    levels=frozenset(
        (*_ABOVE, "division", "subdivision", "section", "subsection", "article", *_BELOW, *_OTHER)
    ),
    top=("article", "section", "paragraph", "hcontainer", "level"),
    after=frozenset({"wrapUp", "wrap"}),
    skipped=frozenset({"meta", "authorialNote", "noteRef", "toc", "eol", "eop", "componentRef"}),
    quoted=frozenset({"quotedStructure", "embeddedStructure", "quotedText"}),
)
#: ISO 639-2 codes (which Akoma Ntoso uses) of common languages -> the ISO 639-1 codes plans use.
_LANGUAGES = {
    "eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "ita": "it", "spa": "es",
    "por": "pt", "nld": "nl", "dut": "nl", "rus": "ru", "ukr": "uk", "pol": "pl", "swe": "sv",
    "dan": "da", "fin": "fi", "ell": "el", "gre": "el", "ara": "ar", "zho": "zh", "chi": "zh",
    "swa": "sw", "ron": "ro", "rum": "ro", "ces": "cs", "cze": "cs", "hun": "hu", "bul": "bg",
}  # fmt: skip


def import_akoma_ntoso(
    path: Path,
    *,
    plan_id: str,
    title: str,
    date: str,
    source_url: str | None = None,
    language: str | None = None,
) -> Plan:
    """Return a draft plan skeleton of the Akoma Ntoso document at `path` (the registry reads)."""
    check_import_options(plan_id, date, source_url)
    data = read_document(path)
    root = parse_xml(data, path)
    document = next((e for e in root if local(e.tag) not in ("components", "")), root)
    body = next(
        (e for e in document.iter() if local(e.tag) in ("body", "mainBody", "judgmentBody")),
        document,
    )
    clauses = build_clauses(body, VOCABULARY)
    if not clauses:
        raise PlanlensError(
            f"{path}: the Akoma Ntoso document has no articles or sections to import"
        )
    before = [
        normal(" ".join(_text(e) for e in part))
        for part in document
        if local(part.tag) in ("preface", "preamble")
    ]
    if preamble := "\n\n".join(t for t in before if t):
        clauses = (Clause(id=PREAMBLE_ID, text=preamble, number=None), *clauses)
    return skeleton_plan(
        clauses,
        None,
        plan_id=plan_id,
        title=title.strip() or _title(document) or "",
        date=date or _valid_date(_expression_attribute(document, "FRBRdate", "date")) or "",
        source_url=source_url,
        language=language or _language(document),
    )


def _text(element: ElementTree.Element) -> str:
    return normal(itertext(element, VOCABULARY.skipped))


def _title(document: ElementTree.Element) -> str | None:
    for element in document.iter():
        if local(element.tag) == "docTitle" and (text := _text(element)):
            return text
    for name in ("FRBRalias", "FRBRname"):
        for element in document.iter():
            if local(element.tag) == name and (value := normal(element.get("value") or "")):
                return value
    return None


def _expression_attribute(document: ElementTree.Element, name: str, attribute: str) -> str | None:
    """Return `attribute` of the element `name` in the expression's identification, if any."""
    for expression in document.iter():
        if local(expression.tag) != "FRBRExpression":
            continue
        for element in expression:
            if local(element.tag) == name and (value := element.get(attribute)):
                return value
    return None


def _language(document: ElementTree.Element) -> str | None:
    code = (_expression_attribute(document, "FRBRlanguage", "language") or "").lower()
    if len(code) == 2 and code.isalpha():
        return code
    return _LANGUAGES.get(code)


def _valid_date(value: str | None) -> str | None:
    """Return `value` if it is an ISO date."""
    return value if value and DATE_RE.match(value) else None
