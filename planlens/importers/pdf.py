"""Read PDFs into a plan skeleton: the text of the pages, as plain text with numbered points.

pdfplumber (the `import` extra) reads each page's lines with their place on the page;
`planlens.importers.pdf_layout` removes running headers, footers and page numbers, joins lines
across wraps and page breaks and undoes hyphenation; the text that results is read as plain
text is (`planlens.importers.text.build_clauses`), so points are found as in text.

A PDF that needs a password, or has no text layer (scanned pages, images only: planlens does
no OCR), or that pdfplumber cannot parse gets a one-line `PlanlensError` naming the file. The
document's title and date come from its properties (`Title`; `ModDate`, else `CreationDate`)
where set, else the title from the text; `--title` and `--date` win over both.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from planlens.errors import PlanlensError
from planlens.importers.extras import need
from planlens.importers.pdf_layout import Page, PageLine, page_text
from planlens.importers.skeleton import check_import_options, skeleton_plan
from planlens.importers.text import build_clauses, guess_title
from planlens.perf import collector_paused
from planlens.plan.model import Plan

#: PDF dates: `D:YYYYMMDDHHmmSS...`, of which the date is kept.
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")


def import_pdf(
    path: Path,
    *,
    plan_id: str,
    title: str,
    date: str,
    source_url: str | None = None,
    language: str | None = None,
) -> Plan:
    """Return a draft plan skeleton made from the PDF at `path` (the registry's reader).

    Raise `PlanlensError`, naming the file, if the PDF is encrypted, has no text, cannot be
    parsed, or pdfplumber is not installed.
    """
    check_import_options(plan_id, date, source_url)
    text, properties = read_pdf(path)
    with collector_paused():  # many small allocations, no cycles: see planlens.perf
        clauses, notes = build_clauses(text)
    return skeleton_plan(
        clauses,
        notes,
        plan_id=plan_id,
        title=title.strip() or properties.get("title") or guess_title(text) or "",
        date=date or properties.get("date", ""),
        source_url=source_url,
        language=language,
    )


def read_pdf(path: Path) -> tuple[str, dict[str, str]]:
    """Return the text of the PDF at `path` (see `pdf_layout`) and its title and date if set."""
    pdfplumber = need("pdfplumber", "PDFs")
    pages: list[Page] = []
    images = 0
    with _quiet_pdfminer():
        try:
            with pdfplumber.open(str(path)) as pdf:
                properties = _properties(pdf.metadata)
                for page in pdf.pages:
                    pages.append(_read_page(page))
                    images += len(page.images)
                    page.close()  # frees the page's parsed objects: a long PDF stays small
        except Exception as err:
            raise PlanlensError(f"{path}: {_problem(err)}") from None
    if not any(page.lines for page in pages):
        if images:
            raise PlanlensError(
                f"{path}: the PDF has no text, only images (a scan?): planlens does not read"
                " text from images; run OCR on it first"
            )
        raise PlanlensError(f"{path}: the PDF has no text to import")
    return page_text(pages), properties


def _read_page(page: Any) -> Page:
    """Return the lines of a pdfplumber page, top to bottom."""
    lines = []
    for line in page.extract_text_lines(strip=True, return_chars=True):
        text = " ".join(str(line["text"]).split())
        if not text:
            continue
        sizes = [float(char.get("size", 0.0)) for char in line.get("chars", ())]
        size = sorted(sizes)[len(sizes) // 2] if sizes else 10.0
        lines.append(
            PageLine(text, float(line["x0"]), float(line["top"]), float(line["bottom"]), size)
        )
    lines.sort(key=lambda ln: (round(ln.top), ln.x0))
    return Page(tuple(lines), float(page.height))


def _problem(err: Exception) -> str:
    """Return what went wrong reading a PDF, on one line, as the user can act on it."""
    names = {cls.__name__ for cls in type(err).__mro__}
    cause = err.__cause__ or err.__context__
    if cause is not None:
        names |= {cls.__name__ for cls in type(cause).__mro__}
    if names & {"PDFPasswordIncorrect", "PDFEncryptionError"}:
        return "the PDF is encrypted and needs a password: save an unprotected copy first"
    reason = " ".join(str(err).split()) or type(err).__name__
    return f"cannot read the PDF: {reason}"


def _properties(metadata: Any) -> dict[str, str]:
    """Return the title and date (ISO) that the PDF's document information sets.

    >>> _properties({"Title": " Draft  2 ", "CreationDate": "D:20251120093000Z"})
    {'title': 'Draft 2', 'date': '2025-11-20'}
    >>> _properties({"Title": b"\\xfe\\xff", "ModDate": "yesterday"})
    {}
    """
    found: dict[str, str] = {}
    if not isinstance(metadata, dict):
        return found
    title = metadata.get("Title")
    if isinstance(title, str) and " ".join(title.split()):
        found["title"] = " ".join(title.split())
    for key in ("ModDate", "CreationDate"):
        value = metadata.get(key)
        if isinstance(value, str) and (match := _PDF_DATE.match(value.strip())):
            found["date"] = f"{match[1]}-{match[2]}-{match[3]}"
            break
    return found


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """Keep pdfminer's warnings about malformed files off the terminal while a PDF is read."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
