"""The import registry: which reader reads a file, told from its content, and one call to import it.

`import_file` reads the head of a file, `sniff` tells its `Format`, and the reader registered
for that format in `READERS` reads the whole file into a plan skeleton. The content decides, not
the name: magic bytes first (`%PDF-`, a zip's `PK`), then whether the bytes read as text at all,
then for markup the root element (an `<html>` page, a USLM bill by its namespace, an Akoma Ntoso
document by its root `<akomaNtoso>`); the file's extension only refines what the content says
(a zip named `.docx` is a Word document even when its head does not show it, a text file named
`.md` is Markdown). A format without a reader gets a `PlanlensError` naming the file and the
format, never a traceback.

The readers: `import_text_file` (`text`) for plain text, Markdown and XML of other kinds;
`import_word` (`word`) for .docx; `import_pdf` (`pdf`); `import_webpage` (`webpage`) for saved
web pages; `import_uslm` (`uslm`) and `import_akoma_ntoso` (`akoma_ntoso`) for legislative XML.
A new format adds a `Format`, a rule in `sniff` and its reader in `READERS`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from typing import Protocol

from planlens.errors import PlanlensError
from planlens.importers.akoma_ntoso import import_akoma_ntoso
from planlens.importers.pdf import import_pdf
from planlens.importers.text import import_text_file
from planlens.importers.uslm import NAMESPACE as USLM_NAMESPACE
from planlens.importers.uslm import import_uslm
from planlens.importers.webpage import import_webpage
from planlens.importers.word import import_word
from planlens.plan.model import Plan
from planlens.plan.schema import DATE_RE


@dataclass(frozen=True, slots=True)
class Format:
    """A kind of file that `sniff` recognises, and how messages name it.

    `name` is its key in `READERS`; `described` completes "looks like ..." and `plural`
    completes "planlens cannot import ..."; `planned` tells whether a reader is to come.
    """

    name: str
    described: str
    plural: str
    planned: bool = True


TEXT = Format("text", "plain text", "plain text")
MARKDOWN = Format("markdown", "Markdown", "Markdown")
HTML = Format("html", "a web page (HTML)", "web pages")
XML = Format("xml", "an XML document", "XML")
USLM = Format("uslm", "a USLM bill (XML)", "USLM documents")
AKOMA_NTOSO = Format("akoma-ntoso", "an Akoma Ntoso document (XML)", "Akoma Ntoso documents")
PDF = Format("pdf", "a PDF", "PDF")
DOCX = Format("docx", "a Word document (.docx)", "Word documents")
ZIP = Format("zip", "a zip archive", "zip archives", planned=False)
BINARY = Format("binary", "binary data, not text", "binary files", planned=False)


class Reader(Protocol):
    """A function that reads the file at `path` into a plan skeleton (see `import_file`)."""

    def __call__(
        self,
        path: Path,
        *,
        plan_id: str,
        title: str,
        date: str,
        source_url: str | None = None,
        language: str | None = None,
    ) -> Plan: ...


#: The reader of each format by its name; a format missing here cannot be imported.
READERS: dict[str, Reader] = {
    TEXT.name: import_text_file,
    MARKDOWN.name: import_text_file,
    HTML.name: import_webpage,
    # XML of no format planlens knows is read as text, as it always was.
    XML.name: import_text_file,
    USLM.name: import_uslm,
    AKOMA_NTOSO.name: import_akoma_ntoso,
    PDF.name: import_pdf,
    DOCX.name: import_word,
}

#: How much of a file `sniff` looks at: enough for a zip's first entry names and a PDF's header.
HEAD_BYTES = 64 * 1024
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
#: Byte order marks of UTF-16 and UTF-32: text, whose decoding then says that it is not UTF-8.
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
#: Control bytes that text does not contain (tab, line and page breaks and escape it does).
_CONTROL_BYTES = bytes(c for c in range(32) if c not in b"\t\n\v\f\r\x1b") + b"\x7f"
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
#: Lines only Markdown has: an ATX heading, a code fence, a setext underline of `=`.
_MARKDOWN_LINE = re.compile(r"^(?:#{1,6}[ \t]+\S|```|~~~|=+[ \t]*$)", re.M)
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]")
#: What may come before a document's first element: a declaration, comments, a doctype.
_PROLOG = re.compile(r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)*", re.S | re.I)
_ROOT = re.compile(r"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>?")
_HTML_ROOTS = frozenset({"html", "head", "body", "meta", "title"})


def sniff(head: bytes, name: str = "") -> Format:
    """Return the format of a file that starts with `head` (see `HEAD_BYTES`) and is named `name`.

    >>> sniff(b"%PDF-1.7\\n%\\xe2\\xe3\\xcf\\xd3\\n").name
    'pdf'
    >>> sniff(b"1. One.\\n2. Two.\\n", "draft.txt").name, sniff(b"# Title\\n\\n1. One.\\n").name
    ('text', 'markdown')
    >>> sniff(b"PK\\x03\\x04\\x14\\x00", "draft.docx").name, sniff(b"\\x00\\x01\\x02\\xff").name
    ('docx', 'binary')
    """
    suffix = PurePath(name).suffix.lower()
    pdf_at = head.find(b"%PDF-", 0, 1024)
    if pdf_at == 0 or (pdf_at > 0 and (not head[:pdf_at].strip() or _looks_binary(head[:pdf_at]))):
        return PDF
    if head.startswith(_ZIP_MAGIC):
        return DOCX if suffix == ".docx" or b"word/" in head else ZIP
    if head.startswith(_WIDE_BOMS):
        return TEXT
    if _looks_binary(head):
        return BINARY
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if text.startswith("<"):
        markup = _sniff_markup(text)
        if markup is not None:
            return markup
    if suffix in _MARKDOWN_SUFFIXES or text.startswith("---\n") or _MARKDOWN_LINE.search(text):
        return MARKDOWN
    return TEXT


def _sniff_markup(text: str) -> Format | None:
    """Return the format of a document that starts with markup, told by its first element.

    >>> _sniff_markup('<!-- saved from url=(0019)https://example.org -->\\n<html>').name
    'html'
    >>> _sniff_markup('<?xml version="1.0"?><bill xmlns="http://schemas.gpo.gov/xml/uslm">').name
    'uslm'
    >>> _sniff_markup("<akomaNtoso><act>").name, _sniff_markup("<p>1. One</p>") is None
    ('akoma-ntoso', True)
    """
    start = text[:4096]
    prolog = _PROLOG.match(start)
    rest = start[prolog.end() :] if prolog else start
    doctype_html = re.search(r"<!doctype\s+html", start[: len(start) - len(rest)], re.I)
    root = _ROOT.match(rest)
    if root is None:
        return HTML if doctype_html else (XML if start.startswith("<?xml") else None)
    name, attributes = root[2], root[3]
    if name.lower() in _HTML_ROOTS or doctype_html:
        return HTML
    if name == "akomaNtoso" or re.search(r"akomantoso|legaldocml", attributes, re.I):
        return AKOMA_NTOSO
    if USLM_NAMESPACE in attributes:
        return USLM
    if start.startswith("<?xml") or "xmlns" in attributes:
        return XML
    return None


def _looks_binary(data: bytes) -> bool:
    """Tell whether `data` is no text in any encoding: a NUL, or many control bytes.

    Text that is not UTF-8 (Latin-1, Windows-1252) is not binary: decoding it says where it is not
    UTF-8, which helps more than "binary data".
    """
    if b"\0" in data:
        return True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
        return controls * 20 > len(data)
    return False


def import_file(
    path: Path | str,
    *,
    plan_id: str,
    title: str,
    date: str,
    source_url: str | None = None,
    language: str | None = None,
    accessed: str | None = None,
) -> Plan:
    """Return a draft plan skeleton made from the file at `path`, whatever its format.

    The file's head is sniffed (see `sniff`) and the format's reader imports it; the options are
    those of `import_text`, and `accessed` is the date the source was read (ISO), set on the
    plan's source (a web page's source gets today when it is not given). Raise `PlanlensError`
    if the file cannot be read or imported, naming the format when planlens has no reader for
    it.
    """
    path = Path(path)
    if accessed is not None and not DATE_RE.match(accessed):
        raise PlanlensError(f"accessed date '{accessed}' is not an ISO date (YYYY-MM-DD)")
    fmt = sniff(_read_head(path), path.name)
    reader = READERS.get(fmt.name)
    if reader is None:
        yet = " yet" if fmt.planned else ""
        raise PlanlensError(
            f"{path}: looks like {fmt.described}; planlens cannot import {fmt.plural}{yet}"
            " (it imports text, Markdown, Word documents, PDFs, web pages, USLM and Akoma Ntoso)"
        )
    if reader is import_webpage:  # a web page's source is the page: the reader sets accessed
        return import_webpage(
            path,
            plan_id=plan_id,
            title=title,
            date=date,
            source_url=source_url,
            language=language,
            accessed=accessed,
        )
    plan = reader(
        path,
        plan_id=plan_id,
        title=title,
        date=date,
        source_url=source_url,
        language=language,
    )
    if accessed is not None:
        plan = replace(plan, sources=tuple(replace(s, accessed=accessed) for s in plan.sources))
    return plan


def _read_head(path: Path) -> bytes:
    """Return the first `HEAD_BYTES` of a regular file, or nothing.

    A pipe (`/dev/stdin`, `<(...)`) cannot be read twice, and a file that cannot be read has
    nothing to show: both sniff as text, and the text reader reads them or says why it cannot.
    """
    if not path.is_file():
        return b""
    try:
        with path.open("rb") as file:
            return file.read(HEAD_BYTES)
    except OSError:
        return b""
