"""Read Word documents (.docx) into a plan skeleton: Word's own list numbers, headings, properties.

The document is opened with python-docx (the `import` extra), which checks the package and
parses its parts; the paragraphs are then read straight from the WordprocessingML, in document
order (tables and content controls included, text boxes, deleted text and hidden text not), as
`Paragraph`s for the shared outline builder (`planlens.importers.paragraphs`):

- an automatically numbered paragraph gets the label Word prints before it, computed from the
  numbering definitions (`planlens.importers.word_numbering`): the numbers are not in the text;
- a heading (a "Heading n" style, or an outline level) is a heading of that level, so numbered
  headings (`1. Definitions`, `Article 2`) open clauses as labelled Markdown headings do;
- a number typed into the text (`1. The parties ...`) is read as in plain text;
- indentation comes from the paragraph, its list level or its style, so that a paragraph
  indented under a point stays in it.

Title and date come from the document properties (`docProps/core.xml`: `dc:title`, and
`dcterms:modified`, else `dcterms:created`) where set, read from the package itself, since
python-docx invents both for a document without them; the title otherwise comes from a "Title"
paragraph or the first heading. `--title` and `--date` win over both.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from planlens.errors import PlanlensError
from planlens.importers.extras import need
from planlens.importers.paragraphs import Paragraph, outline_of
from planlens.importers.skeleton import check_import_options, skeleton_plan
from planlens.importers.word_numbering import Element, Numbering, W
from planlens.plan.model import Plan
from planlens.plan.schema import DATE_RE, LANGUAGE_RE

#: A .docx whose parts unpack to more than this is refused (a zip bomb, not a draft).
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
_CORE = "docProps/core.xml"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Twips (1/1440 inch) per character of indentation: about one character of 12-point text.
_TWIPS_PER_CHAR = 120
#: Elements whose text is not the paragraph's: deletions, moved-away text, drawings and text
#: boxes (their own paragraphs), and the older renderings of alternative content.
_SKIPPED = frozenset(
    {
        f"{W}del",
        f"{W}moveFrom",
        f"{W}drawing",
        f"{W}pict",
        f"{W}object",
        f"{W}rPr",
        f"{W}pPr",
        f"{W}instrText",
        f"{W}footnoteReference",
        f"{W}endnoteReference",
        _MC_FALLBACK,
    }
)
#: Elements that hold paragraphs of the body: tables, content controls, tracked insertions.
_CONTAINERS = frozenset(
    f"{W}{name}" for name in ("tbl", "tr", "tc", "sdt", "sdtContent", "ins", "customXml", "moveTo")
)
_CHARACTERS = {f"{W}tab": " ", f"{W}br": " ", f"{W}cr": " ", f"{W}noBreakHyphen": "-"}


@dataclass(frozen=True, slots=True)
class _Style:
    """What a paragraph style gives its paragraphs: a heading level, a list, an indentation."""

    heading: int = 0  # 1-9, or 0 for body text
    title: bool = False
    num_id: str | None = None
    ilvl: int | None = None
    left: int | None = None
    hanging: int = 0


@dataclass(frozen=True, slots=True)
class WordDocument:
    """What `read_word` found: the paragraphs, and the title, date and language it declares."""

    paragraphs: tuple[Paragraph, ...]
    title: str | None
    date: str | None
    language: str | None


def import_word(
    path: Path,
    *,
    plan_id: str,
    title: str,
    date: str,
    source_url: str | None = None,
    language: str | None = None,
) -> Plan:
    """Return a draft plan skeleton made from the Word document at `path` (the registry's reader).

    Raise `PlanlensError`, naming the file, if it is not a readable .docx (a broken zip, a
    part missing or malformed) or python-docx is not installed.
    """
    check_import_options(plan_id, date, source_url)
    document = read_word(path)
    clauses = outline_of(document.paragraphs)
    if not clauses:
        raise PlanlensError(f"{path}: the Word document has no text to import")
    return skeleton_plan(
        clauses,
        None,
        plan_id=plan_id,
        title=title.strip() or document.title or "",
        date=date or document.date or "",
        source_url=source_url,
        language=language or document.language,
    )


def read_word(path: Path) -> WordDocument:
    """Return the paragraphs of the .docx at `path`, labelled, with its declared metadata."""
    core = _check_package(path)
    docx = need("docx", "Word documents")
    try:
        document = docx.Document(str(path))
        body = document.element.body
        styles_element = document.styles.element
        numbering_element = _numbering_element(document)
    except Exception as err:
        raise PlanlensError(f"{path}: cannot read the Word document: {_reason(err)}") from None
    styles = _read_styles(styles_element)
    numbering = Numbering(numbering_element, styles_element)
    paragraphs: list[Paragraph] = []
    title_paragraph: str | None = None
    first_heading: str | None = None
    for element in _body_paragraphs(body):
        paragraph, style = _read_paragraph(element, styles, numbering)
        if paragraph is None:
            continue
        if style.title and title_paragraph is None:
            title_paragraph = paragraph.printed
        elif paragraph.heading and first_heading is None and not paragraph.number:
            first_heading = paragraph.printed
        paragraphs.append(paragraph)
    return WordDocument(
        paragraphs=tuple(paragraphs),
        title=core.get("title") or title_paragraph or first_heading,
        date=core.get("date"),
        language=core.get("language") or _default_language(styles_element),
    )


def _check_package(path: Path) -> dict[str, str]:
    """Refuse a file that is no .docx before python-docx reads it; return its core properties."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if "word/document.xml" not in names:
                raise PlanlensError(
                    f"{path}: not a Word document: the zip archive has no word/document.xml"
                )
            if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
                raise PlanlensError(f"{path}: the Word document unpacks to more than 512 MiB")
            core = archive.read(_CORE) if _CORE in names else b""
    except zipfile.BadZipFile as err:
        raise PlanlensError(f"{path}: cannot read the Word document: {err}") from None
    except OSError as err:
        raise PlanlensError(f"{path}: cannot read: {err.strerror or err}") from None
    return _core_properties(core)


def _core_properties(data: bytes) -> dict[str, str]:
    """Return the title, date and language that `docProps/core.xml` sets (only those set).

    >>> _core_properties(
    ...     b'<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ...     b' xmlns:dcterms="http://purl.org/dc/terms/"><dc:title> Draft  v2 </dc:title>'
    ...     b"<dcterms:modified>2025-11-20T09:00:00Z</dcterms:modified></cp:coreProperties>"
    ... )
    {'title': 'Draft v2', 'date': '2025-11-20'}
    """
    if not data:
        return {}
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return {}
    found: dict[str, str] = {}
    title = " ".join((root.findtext(f"{_DC}title") or "").split())
    if title:
        found["title"] = title
    for name in ("modified", "created"):
        value = (root.findtext(f"{_DCTERMS}{name}") or "").strip()[:10]
        if DATE_RE.match(value) and not value.startswith(("1601", "1900")):
            found["date"] = value
            break
    language = (root.findtext(f"{_DC}language") or "").strip()
    if LANGUAGE_RE.match(language):
        found["language"] = language.split("-")[0].lower()
    return found


def _numbering_element(document: Any) -> Element | None:
    """Return the document's `w:numbering` element, or None if it has no numbering part."""
    from docx.opc.constants import RELATIONSHIP_TYPE  # the import extra is there: see need()

    try:
        return document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
    except KeyError:
        return None


def _reason(err: Exception) -> str:
    """Return an exception's message on one line, or its type when it has none."""
    text = " ".join(str(err).split())
    return text or type(err).__name__


# -- styles ---------------------------------------------------------------------------------


def _read_styles(styles: Element) -> dict[str, _Style]:
    """Return what each paragraph style gives, its `basedOn` chain resolved; "" is the default."""
    raw: dict[str, tuple[str | None, Element]] = {}
    default = ""
    for style in styles.iter(f"{W}style"):
        if style.get(f"{W}type") != "paragraph":
            continue
        style_id = style.get(f"{W}styleId") or ""
        based = style.find(f"{W}basedOn")
        raw[style_id] = (based.get(f"{W}val") if based is not None else None, style)
        if style.get(f"{W}default") in ("1", "true"):
            default = style_id
    resolved: dict[str, _Style] = {}

    def resolve(style_id: str, depth: int = 0) -> _Style:
        if style_id in resolved:
            return resolved[style_id]
        based_on, style = raw[style_id]
        base = resolve(based_on, depth + 1) if based_on in raw and depth < 20 else _Style()
        name = (style.find(f"{W}name").get(f"{W}val") if style.find(f"{W}name") is not None
                else style_id).lower()  # fmt: skip
        heading = base.heading
        if name.startswith("heading ") and name[8:].isdigit():
            heading = int(name[8:])
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        if outline is not None and (value := outline.get(f"{W}val", "")).isdigit():
            heading = int(value) + 1 if int(value) < 9 else 0
        num_pr = style.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = base.num_id, base.ilvl
        if num_pr is not None:
            num_id = _child_val(num_pr, "numId") or num_id
            level = _child_val(num_pr, "ilvl")
            ilvl = int(level) if level and level.isdigit() else None
        left, hanging = _indent(style.find(f"{W}pPr/{W}ind"), base.left, base.hanging)
        result = _Style(heading, name == "title" or base.title, num_id, ilvl, left, hanging)
        resolved[style_id] = result
        return result

    for style_id in raw:
        resolve(style_id)
    resolved[""] = resolved.get(default, _Style())
    return resolved


def _child_val(element: Element, name: str) -> str | None:
    child = element.find(f"{W}{name}")
    value = child.get(f"{W}val") if child is not None else None
    return str(value) if value is not None else None


def _indent(ind: Element | None, left: int | None, hanging: int) -> tuple[int | None, int]:
    """Return the text indentation and the hang of the first line, `ind` over the defaults."""
    if ind is None:
        return left, hanging
    value = ind.get(f"{W}left") or ind.get(f"{W}start")
    if value is not None and value.lstrip("-").isdigit():
        left = int(value)
    if (hang := ind.get(f"{W}hanging")) is not None and hang.isdigit():
        hanging = int(hang)
    elif (first := ind.get(f"{W}firstLine")) is not None and first.isdigit():
        hanging = -int(first)
    return left, hanging


def _default_language(styles: Element) -> str | None:
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    value = lang.get(f"{W}val") if lang is not None else None
    if value and LANGUAGE_RE.match(value):
        return str(value).split("-")[0].lower()
    return None


# -- paragraphs -----------------------------------------------------------------------------


def _body_paragraphs(container: Element) -> Iterator[Element]:
    """Yield the paragraphs of the body in reading order: table cells and content controls too."""
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            yield child
        elif tag in _CONTAINERS:
            yield from _body_paragraphs(child)


def _read_paragraph(
    element: Element, styles: dict[str, _Style], numbering: Numbering
) -> tuple[Paragraph | None, _Style]:
    """Return a paragraph with its label and layout (None if it has no text), and its style."""
    ppr = element.find(f"{W}pPr")
    style_id = ""
    if ppr is not None and (pstyle := ppr.find(f"{W}pStyle")) is not None:
        style_id = pstyle.get(f"{W}val") or ""
    style = styles.get(style_id) or styles.get("", _Style())
    text = " ".join(_text(element).split())
    num_id, ilvl = style.num_id, style.ilvl
    heading = style.heading
    left, hanging = style.left, style.hanging
    if ppr is not None:
        num_pr = ppr.find(f"{W}numPr")
        if num_pr is not None:
            num_id = _child_val(num_pr, "numId") or num_id
            given = _child_val(num_pr, "ilvl")
            ilvl = int(given) if given and given.isdigit() else ilvl
        outline = ppr.find(f"{W}outlineLvl")
        if outline is not None and (value := outline.get(f"{W}val", "")).isdigit():
            heading = int(value) + 1 if int(value) < 9 else 0
    number = ""
    if num_id and num_id != "0":
        if ilvl is None:
            ilvl = numbering.level_of_style(num_id, style_id)
        ilvl = min(max(ilvl, 0), 8)
        number = numbering.label(num_id, ilvl) or ""
        definition = numbering.level(num_id, ilvl)
        if definition is not None:
            left = definition.left if definition.left is not None else left
            hanging = definition.hanging
    if not text:  # counted all the same: Word numbers an empty paragraph of a list
        return None, style
    if ppr is not None:
        left, hanging = _indent(ppr.find(f"{W}ind"), left, hanging)
    first_line = max((left or 0) - hanging, 0)
    paragraph = Paragraph(
        text, heading=heading, indent=first_line // _TWIPS_PER_CHAR, number=number
    )
    return paragraph, style


def _text(element: Element) -> str:
    """Return the text a reader sees in a paragraph: runs, tabs and breaks, not hidden text."""
    parts: list[str] = []

    def visit(node: Element) -> None:
        for child in node:
            tag = child.tag
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag in _CHARACTERS:
                parts.append(_CHARACTERS[tag])
            elif tag == f"{W}r":
                rpr = child.find(f"{W}rPr")
                if rpr is None or rpr.find(f"{W}vanish") is None:
                    visit(child)
            elif tag not in _SKIPPED and isinstance(tag, str):
                visit(child)

    visit(element)
    return "".join(parts)
