"""Importers: turn a document someone sent (text, Word, PDF, web page, XML) into a plan skeleton.

An import runs in four pure steps, the first two per format, the last two shared:

1. The document is cleaned into lines (for text: front matter dropped, boxes unboxed) or
   paragraphs (Word, web pages: with the numbers Word or the browser prints before them).
2. The lines are cut into blocks (paragraphs, headings, code), each with the label it starts
   with (`1.`, `(a)`, `§ 5`, `Article 2`).
3. A layout is chosen: headed sections whose lists restart at 1, labelled headings, labelled
   paragraphs, headings of one level, or each paragraph, by which label style forms the best
   run of numbers; nested Markdown lists are read by their indentation first.
4. The clause tree is built, ids are made unique, and a draft `Plan` is returned; the text
   before the first clause is the clause `preamble`, text between clauses or after the last
   one is an unnumbered clause `after-N` (see `trees`), never dropped, and text that follows a
   clause's sub-clauses stays after them, in an unnumbered last sub-clause ("2.after"; see
   `outline`).

Legislative XML marks its structure itself: its clause tree is built straight from the
elements (`legal_xml`), with the same ids and continuations.

- `labels`: clause labels at the start of a line (`parse_label`, `Label`, roman numerals).
- `footnotes`: Markdown footnotes taken out of the text before it is cut (part of step 1).
- `blocks`: `Line` and `Block`, and cutting text into blocks (steps 1 and 2 for text).
- `outline`: the shared outline builder, from blocks to clauses (steps 3 and 4).
- `lists`: nested Markdown lists that restart at `1.`, read by indentation before step 3.
- `sections`: headed sections whose points restart at `1.`, each a clause (a layout of step 3).
- `trees`: the clause trees the outline builder builds, one per layout.
- `placement`: where an unlabelled paragraph goes among labelled ones (`trees.marker_tree`).
- `skeleton`: the draft plan around the clauses, `with_follows`, and `PLACEHOLDER_SOURCE`.
- `text`: the plain text and Markdown reader (`import_text`).
- `paragraphs`: `Paragraph`, and paragraphs of Word documents and web pages -> blocks -> clauses.
- `word`: the Word (.docx) reader (`import_word`), with python-docx.
- `word_numbering`: the list numbers Word prints, computed from numbering.xml (`Numbering`).
- `pdf`: the PDF reader (`import_pdf`), with pdfplumber.
- `pdf_layout`: PDF pages -> text: running headers and footers, page breaks, hyphenation.
- `webpage`: the saved web page reader (`import_webpage`), with trafilatura.
- `legal_xml`: legislative XML elements -> nested clauses, shared by the two XML readers.
- `uslm`: the USLM reader (`import_uslm`), US bills.
- `akoma_ntoso`: the Akoma Ntoso reader (`import_akoma_ntoso`).
- `extras`: the optional libraries of the `import` extra (`need`), and the message naming it.
- `registry`: which reader reads a file, told by sniffing its content (`import_file`).

Every importer returns a `Plan`; the CLI writes it as YAML with `planlens.plan.serialize`.

May import: `planlens.errors`, `planlens.perf`, `planlens.plan`; and, in the readers that need
them, the import extra's python-docx, pdfplumber and trafilatura (see `extras`).
"""

from planlens.importers.akoma_ntoso import import_akoma_ntoso
from planlens.importers.labels import parse_label
from planlens.importers.pdf import import_pdf
from planlens.importers.registry import import_file
from planlens.importers.skeleton import PLACEHOLDER_SOURCE
from planlens.importers.text import import_text
from planlens.importers.uslm import import_uslm
from planlens.importers.webpage import import_webpage
from planlens.importers.word import import_word

__all__ = [
    "PLACEHOLDER_SOURCE",
    "import_akoma_ntoso",
    "import_file",
    "import_pdf",
    "import_text",
    "import_uslm",
    "import_webpage",
    "import_word",
    "parse_label",
]
