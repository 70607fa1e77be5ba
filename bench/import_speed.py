"""Import of a 300-page PDF and a 2 MB .docx against the time their libraries alone need.

    .venv/bin/python bench/import_speed.py [--pages 300] [--docx-mb 2] [--repeat 3] [--check]

Issue 13 asks that `planlens import` of a 300-page PDF or a 2 MB Word document take under ten
times what pdfplumber or python-docx alone need to read it. Both documents are generated here
(fpdf2, python-docx; deterministic): numbered points with lettered sub-points in a Word
multi-level list, and in the PDF with a running header and page numbers. In the same run, each
side is timed (CPU time, best of `--repeat`, each in this process one after the other):

- baseline PDF: `pdfplumber.open()` and `page.extract_text()` of every page (pages closed as
  read, as planlens does);
- baseline Word: `docx.Document()` and the `text` of every paragraph;
- planlens: `import_file()`, the whole import to a plan skeleton.

It prints the times and the ratio; `--check` exits 1 when a ratio is 10 or more. It writes no
results file.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from planlens.importers import import_file

LIMIT = 10.0
_RANDOM = random.Random(13)
#: Words of a made-up language: text that deflates about as much as real text does.
_WORDS = [
    "".join(_RANDOM.choice("aeioubcdfghklmnprstvz") for _ in range(_RANDOM.randint(2, 10)))
    for _ in range(2000)
]


def _sentence(n: int, length: int) -> str:
    chooser = random.Random(n)
    return " ".join(chooser.choice(_WORDS) for _ in range(length)).capitalize() + "."


def make_pdf(path: Path, pages: int) -> None:
    """Write a PDF of about `pages` A4 pages of numbered points with a running header."""
    from fpdf import FPDF

    # FPDF is Any to mypy (fpdf2 is not in the lint environment: pyproject's mypy overrides),
    # and --strict refuses a subclass of Any.
    class Pdf(FPDF):  # type: ignore[misc]
        def header(self) -> None:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 5, "Basin agreement - consolidated draft - CONFIDENTIAL", align="C")
            self.ln(8)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, f"Page {self.page_no()}", align="C")

    pdf = Pdf()
    pdf.set_creation_date(datetime.datetime(2025, 11, 27, tzinfo=datetime.UTC))
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    article = 0
    while pdf.page_no() < pages:
        article += 1
        pdf.multi_cell(
            0, 5, f"Article {article} - {_sentence(article, 5)}", new_x="LMARGIN", new_y="NEXT"
        )
        for point in (1, 2):
            pdf.set_x(15)
            pdf.multi_cell(
                0,
                5,
                f"{point}. {_sentence(article * 3 + point, 40)}",
                new_x="LMARGIN",
                new_y="NEXT",
            )
            for letter in "ab":
                pdf.set_x(25)
                text = f"({letter}) {_sentence(article * 7 + ord(letter), 18)}"
                pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.output(str(path))


def make_docx(path: Path, megabytes: float) -> None:
    """Write a .docx of at least `megabytes` MB: a Word multi-level list of numbered points.

    python-docx adds paragraphs one at a time in quadratic time, so the body is written as
    WordprocessingML into the package python-docx made.
    """
    import io
    import zipfile
    from xml.sax.saxutils import escape

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/>'
        "</w:pPr></w:lvl>"
        for i, (fmt, text) in enumerate(
            [("decimal", "Article %1"), ("decimal", "%2."), ("lowerLetter", "(%3)")]
        )
    )
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    first_num.addprevious(
        parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">{levels}</w:abstractNum>')
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>')
    )
    document.add_paragraph("MARKER")
    buffer = io.BytesIO()
    document.save(buffer)

    def paragraph(text: str, ilvl: int) -> str:
        return (
            '<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr>'
            f'<w:ilvl w:val="{ilvl}"/><w:numId w:val="77"/></w:numPr></w:pPr>'
            f"<w:r><w:t>{escape(text)}</w:t></w:r></w:p>"
        )

    parts: list[str] = []
    size, article = 0, 0
    while size < megabytes * 1_000_000 * 4:  # document.xml deflates about fourfold
        article += 1
        parts.append(paragraph(_sentence(article, 8), 0))
        for point in (1, 2, 3):
            parts.append(paragraph(_sentence(article * 5 + point, 40), 1))
            parts += [paragraph(_sentence(article * 11 + point * 3 + k, 18), 2) for k in range(2)]
        size += sum(len(p) for p in parts[-10:])
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                marker = text.index("<w:p>") if "<w:p>" in text else text.index("<w:p ")
                end = text.index("</w:p>", marker) + len("</w:p>")
                data = (text[:marker] + "".join(parts) + text[end:]).encode("utf-8")
            out.writestr(info, data)


def best_cpu(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def pdfplumber_alone(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def python_docx_alone(path: Path) -> None:
    import docx

    document = docx.Document(str(path))
    "\n".join(p.text for p in document.paragraphs)


def planlens_import(path: Path) -> int:
    plan = import_file(path, plan_id="bench", title="", date="2025-11-27")
    return sum(1 for _ in plan.walk())


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--docx-mb", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="exit 1 if a ratio reaches 10")
    args = parser.parse_args()
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        pdf, word = Path(tmp) / "long.pdf", Path(tmp) / "long.docx"
        make_pdf(pdf, args.pages)
        make_docx(word, args.docx_mb)
        print(
            f"import speed, best CPU time of {args.repeat}"
            " (planlens vs the library alone, same run)"
        )
        for name, path, baseline in (
            (f"PDF, {args.pages} pages, {pdf.stat().st_size / 1e6:.1f} MB", pdf, pdfplumber_alone),
            (f"Word, {word.stat().st_size / 1e6:.1f} MB", word, python_docx_alone),
        ):
            alone = best_cpu(functools.partial(baseline, path), args.repeat)
            ours = best_cpu(functools.partial(planlens_import, path), args.repeat)
            clauses = planlens_import(path)
            ratio = ours / alone if alone else float("inf")
            worst = max(worst, ratio)
            print(
                f"  {name}: library alone {alone:.2f} s, planlens import {ours:.2f} s"
                f" ({clauses} clauses): {ratio:.2f}x (limit {LIMIT:.0f}x)"
            )
    ok = worst < LIMIT
    print("  within the limit" if ok else "  OVER THE LIMIT")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
