"""The import registry: which reader reads a file, told from its content, and one call to import it.

`import_file` reads the head of a file, `sniff` tells its `Format`, and the reader registered
for that format in `READERS` reads the whole file into a plan skeleton. The content decides, not
the name: magic bytes first (`%PDF-`, a zip's `PK`), then whether the bytes read as text at all;
the file's extension only refines what the content says (a zip named `.docx` is a Word document
even when its head does not show it, a text file named `.md` is Markdown). A format without a
reader gets a `PlanlensError` naming the file and the format, never a traceback.

Today the one reader is `import_text_file`, for plain text and Markdown. HTML pages and XML are
recognised but still read as text, as `planlens import` always read them, until their own
readers land. A new format adds a `Format`, a rule in `sniff` and its reader in `READERS`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Protocol

from planlens.errors import PlanlensError
from planlens.importers.text import import_text_file
from planlens.plan.model import Plan


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
    # Read as text, as before the registry, until readers of their own land.
    HTML.name: import_text_file,
    XML.name: import_text_file,
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
    start = text[:1024].lower()
    if start.startswith(("<!doctype html", "<html")) or (
        start.startswith("<?xml") and _HTML_START.search(start)
    ):
        return HTML
    if start.startswith("<?xml"):
        return XML
    if suffix in _MARKDOWN_SUFFIXES or text.startswith("---\n") or _MARKDOWN_LINE.search(text):
        return MARKDOWN
    return TEXT


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
) -> Plan:
    """Return a draft plan skeleton made from the file at `path`, whatever its format.

    The file's head is sniffed (see `sniff`) and the format's reader imports it; the options are
    those of `import_text`. Raise `PlanlensError` if the file cannot be read or imported, naming
    the format when planlens has no reader for it.
    """
    path = Path(path)
    fmt = sniff(_read_head(path), path.name)
    reader = READERS.get(fmt.name)
    if reader is None:
        yet = " yet" if fmt.planned else ""
        raise PlanlensError(
            f"{path}: looks like {fmt.described}; planlens cannot import {fmt.plural}{yet}"
            " (it imports plain text and Markdown)"
        )
    return reader(
        path,
        plan_id=plan_id,
        title=title,
        date=date,
        source_url=source_url,
        language=language,
    )


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
