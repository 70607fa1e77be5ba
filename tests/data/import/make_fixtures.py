"""Write the import fixtures: small Word, PDF, web-page and XML documents, and what each imports to.

Run from the project root after `make test` (python-docx and fpdf2 are installed by the `import`
and `test` extras):

    .venv/bin/python tests/data/import/make_fixtures.py            # rewrites tests/data/import/
    .venv/bin/python tests/data/import/make_fixtures.py OUT_DIR    # writes elsewhere

Each document is written from its content below, and beside it `NAME.expected.json`: the plan
metadata and the whole clause tree it must import to, written here by hand from the document,
never from what the importer returns (`tests/test_import_formats.py` compares them exactly).
Documents that must be refused are listed with their message in `errors.json`; the Word draft
and PDF revision of one agreement, and the links between them, in `alignment.json`.

The hard cases: `word-lists.docx` has an automatically numbered list with lettered and roman
sub-levels (the numbers exist only in numbering.xml); `pdf-running-header.pdf` has a running
header, page numbers, hyphenated line ends, and a point that runs across a page break;
`news-three-lists.html` has three numbered lists besides the article's (site menu, "top
stories", "related").

Output is deterministic: fixed document dates, fixed zip entry times, fixed PDF creation dates
and file ids, so running the script twice writes the same bytes.
"""

from __future__ import annotations

import datetime
import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Twips
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
WHEN = datetime.datetime(2025, 11, 20, 9, 0, tzinfo=datetime.UTC)
ZIP_TIME = (2025, 11, 20, 9, 0, 0)

Tree = list[dict[str, Any]]


#: The default `number` of an expected clause: its id, as sub-clauses have it.
SAME = "same as the id"


def clause(
    cid: str,
    text: str,
    number: str | None = SAME,
    title: str | None = None,
    clauses: Tree | None = None,
    notes: str | None = None,
) -> dict[str, Any]:
    """One expected clause, every field of it (a continuation `.after` has no number)."""
    found: dict[str, Any] = {"id": cid, "number": cid if number == SAME else number}
    found["title"] = title
    found["text"] = text
    if notes is not None:
        found["notes"] = notes
    found["clauses"] = clauses or []
    return found


# -- Word -----------------------------------------------------------------------------------


def _numbering(
    document: Any, abstract_id: int, levels: list[tuple[str, str, int, str | None]]
) -> None:
    """Add an abstract list: per level (numFmt, lvlText, left indent in twips, linked style)."""
    lvls = []
    for ilvl, (fmt, text, left, style) in enumerate(levels):
        pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
        lvls.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr></w:lvl>'
        )
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>'
    )
    first_num = numbering.find("{{{}}}num".format(numbering.nsmap["w"]))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)


def _instance(document: Any, num_id: int, abstract_id: int, restart: bool = False) -> None:
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    document.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{override if restart else ''}</w:num>"
        )
    )


def _numbered(
    document: Any, text: str, num_id: int, ilvl: int, style: str = "List Paragraph"
) -> None:
    paragraph = document.add_paragraph(text, style=style)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def _new_document(title: str | None, modified: datetime.datetime | None) -> Any:
    document = docx.Document()
    props = document.core_properties
    props.title = title or ""
    props.author = "planlens fixtures"
    props.last_modified_by = "planlens fixtures"
    props.revision = 1
    props.created = datetime.datetime(2025, 11, 1, 8, 0)
    props.modified = modified or datetime.datetime(2025, 11, 1, 8, 0)
    return document


def _save_docx(document: Any, path: Path) -> None:
    """Save with fixed zip entry times, so that the bytes are the same on every run."""
    buffer = io.BytesIO()
    document.save(buffer)
    _rezip(buffer.getvalue(), path)


def _rezip(
    data: bytes, path: Path, drop: str = "", replace: dict[str, bytes] | None = None
) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename == drop:
                continue
            body = (replace or {}).get(info.filename, source.read(info.filename))
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, body)
    path.write_bytes(out.getvalue())


def word_lists(out: Path) -> dict[str, Any]:
    """A list numbered by Word, lettered and roman sub-levels: the numbers only in numbering.xml."""
    document = _new_document(
        "Framework agreement on the Meridian basin", datetime.datetime(2025, 11, 20, 10, 0)
    )
    _numbering(
        document,
        90,
        [
            ("decimal", "%1.", 720, None),
            ("lowerLetter", "(%2)", 1440, None),
            ("lowerRoman", "(%3)", 2160, None),
        ],
    )
    _instance(document, 90, 90)
    document.add_paragraph("Framework agreement on the Meridian river basin", style="Title")
    document.add_paragraph("The parties agree as follows:")
    _numbered(
        document, "The parties will share water data every month through a joint commission.", 90, 0
    )
    _numbered(document, "No new dam will be built on the main river without:", 90, 0)
    _numbered(document, "a joint environmental study;", 90, 1)
    _numbered(document, "a flood plan agreed by the downstream party; and", 90, 1)
    _numbered(document, "compensation for the communities affected, namely:", 90, 1)
    _numbered(document, "new land of equal value;", 90, 2)
    _numbered(document, "a share of the power produced.", 90, 2)
    _numbered(document, "Fishing quotas will be set each spring by the commission.", 90, 0)
    continued = document.add_paragraph("The first quotas will be set within six months.")
    continued.paragraph_format.left_indent = Twips(720)
    _numbered(document, "Disputes go to arbitration under the rules in the annex.", 90, 0)
    _save_docx(document, out / "word-lists.docx")
    return {
        "title": "Framework agreement on the Meridian basin",
        "date": "2025-11-20",
        "preamble": "Framework agreement on the Meridian river basin"
        "\n\nThe parties agree as follows:",
        "clauses": [
            clause(
                "1",
                "The parties will share water data every month through a joint commission.",
                "1",
            ),
            clause(
                "2",
                "No new dam will be built on the main river without:",
                "2",
                clauses=[
                    clause("2.a", "a joint environmental study;"),
                    clause("2.b", "a flood plan agreed by the downstream party; and"),
                    clause(
                        "2.c",
                        "compensation for the communities affected, namely:",
                        clauses=[
                            clause("2.c.i", "new land of equal value;"),
                            clause("2.c.ii", "a share of the power produced."),
                        ],
                    ),
                ],
            ),
            clause(
                "3",
                "Fishing quotas will be set each spring by the commission.\n\n"
                "The first quotas will be set within six months.",
                "3",
            ),
            clause("4", "Disputes go to arbitration under the rules in the annex.", "4"),
        ],
    }


def word_headings(out: Path) -> dict[str, Any]:
    """Numbered headings: "Article %1" linked to Heading 1, "%1.%2" to Heading 2."""
    document = _new_document(None, datetime.datetime(2025, 11, 24, 16, 30))
    _numbering(
        document,
        91,
        [("decimal", "Article %1", 0, "Heading1"), ("decimal", "%1.%2", 0, "Heading2")],
    )
    _instance(document, 91, 91)
    for style_name, ilvl in (("Heading 1", None), ("Heading 2", 1)):
        ppr = document.styles[style_name].element.get_or_add_pPr()
        num_pr = ppr.get_or_add_numPr()
        num_pr.get_or_add_numId().val = 91
        if ilvl is not None:
            num_pr.get_or_add_ilvl().val = ilvl
    document.add_paragraph("Treaty on the Meridian river basin", style="Title")
    document.add_paragraph("The High Contracting Parties have agreed as follows.")
    document.add_heading("Definitions", level=1)
    document.add_paragraph(
        "In this Treaty, the basin means the Meridian river and its tributaries."
    )
    document.add_heading("Water allocation", level=1)
    document.add_heading("Shares of the flow", level=2)
    document.add_paragraph(
        "Each party receives a share of the flow in proportion to its population."
    )
    document.add_heading("Dry years", level=2)
    document.add_paragraph("In a dry year, every share is reduced in the same proportion.")
    document.add_heading("Entry into force", level=1)
    document.add_paragraph("This Treaty enters into force on the day of its signature.")
    _save_docx(document, out / "word-headings.docx")
    return {
        "title": "Treaty on the Meridian river basin",
        "date": "2025-11-24",
        "preamble": "Treaty on the Meridian river basin\n\n"
        "The High Contracting Parties have agreed as follows.",
        "clauses": [
            clause(
                "1",
                "In this Treaty, the basin means the Meridian river and its tributaries.",
                "Article 1",
                "Definitions",
            ),
            clause(
                "2",
                "Water allocation",
                "Article 2",
                "Water allocation",
                clauses=[
                    clause(
                        "2.1",
                        "Each party receives a share of the flow in proportion to its population.",
                        "2.1",
                        "Shares of the flow",
                    ),
                    clause(
                        "2.2",
                        "In a dry year, every share is reduced in the same proportion.",
                        "2.2",
                        "Dry years",
                    ),
                ],
            ),
            clause(
                "3",
                "This Treaty enters into force on the day of its signature.",
                "Article 3",
                "Entry into force",
            ),
        ],
    }


def word_typed(out: Path) -> dict[str, Any]:
    """Numbers typed into the text, no Word numbering; no title in the document properties."""
    document = _new_document(None, None)
    document.add_heading("Joint statement of the delegations", level=1)
    document.add_paragraph("1. The delegations agree to meet again in January.")
    document.add_paragraph("2. The commission will report on:")
    document.add_paragraph("(a) the state of the river;")
    document.add_paragraph("(b) the fishing season.")
    document.add_paragraph("3. This statement is public.")
    _save_docx(document, out / "word-typed.docx")
    return {
        "title": "Joint statement of the delegations",
        "date": "2025-11-01",
        "preamble": "Joint statement of the delegations",
        "clauses": [
            clause("1", "The delegations agree to meet again in January.", "1"),
            clause(
                "2",
                "The commission will report on:",
                "2",
                clauses=[
                    clause("2.a", "the state of the river;"),
                    clause("2.b", "the fishing season."),
                ],
            ),
            clause("3", "This statement is public.", "3"),
        ],
    }


# -- PDF ------------------------------------------------------------------------------------


class _Pdf(FPDF):  # type: ignore[misc]
    """A small page with a running header and "Page n of m" at the foot."""

    running = ""

    def header(self) -> None:
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, self.running, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def _pdf(running: str, title: str, lines: list[tuple[int, str]], path: Path) -> None:
    """Write `lines` (indent in mm, text; "" for a blank line) one per line, on A6 pages."""
    pdf = _Pdf(format=(105, 148))
    pdf.running = running
    pdf.set_title(title)
    pdf.set_creation_date(datetime.datetime(2025, 11, 27, 12, 0, tzinfo=datetime.UTC))
    pdf.set_producer("planlens fixtures")
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_margins(10, 10, 10)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    for indent, text in lines:
        if not text:
            pdf.ln(3)
            continue
        pdf.set_x(10 + indent)
        pdf.cell(0, 4.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.file_id = lambda: "<00112233445566778899AABBCCDDEEFF><00112233445566778899AABBCCDDEEFF>"
    pdf.output(str(path))


def pdf_running_header(out: Path) -> dict[str, Any]:
    """Running header and page numbers, hyphenation at line ends, a point across a page break."""
    lines = [
        (0, "Meridian basin agreement"),
        (0, "Revised text"),
        (0, ""),
        (0, "The parties, meeting in Geneva on 26 and"),
        (0, "27 November 2025, having regard to the"),
        (0, "needs of the basin, agree as follows:"),
        (0, ""),
        (0, "1. The parties will share water data"),
        (4, "every month through a joint commis-"),
        (4, "sion of six members."),
        (0, ""),
        (0, "2. No new dam will be built without:"),
        (4, "(a) a joint environmental study;"),
        (4, "(b) a flood plan agreed by the down-"),
        (8, "stream party."),
        (0, ""),
        (0, "3. The commission will hold its negoti-"),
        (4, "ations in public, publish its minutes"),
        (4, "within ten days, and invite observers"),
        (4, "from the riverside communities to"),
        (4, "every session on the quotas, on the"),
        (4, "dams and on the well-known problem of"),
        (4, "the delta's salt water."),
        (0, ""),
        (0, "4. Fishing quotas will be set each"),
        (4, "spring by the commission; a well-"),
        (4, "known rule limits them to half of the"),
        (4, "catch of the year before."),
        (0, ""),
        (0, "5. Disputes go to arbitration."),
    ]
    _pdf(
        "Meridian basin agreement - revision 2 - CONFIDENTIAL",
        "Meridian basin agreement (revision 2)",
        lines,
        out / "pdf-running-header.pdf",
    )
    return {
        "title": "Meridian basin agreement (revision 2)",
        "date": "2025-11-27",
        "preamble": "Meridian basin agreement Revised text\n\n"
        "The parties, meeting in Geneva on 26 and 27 November 2025, having regard to the needs of"
        " the basin, agree as follows:",
        "clauses": [
            clause(
                "1",
                "The parties will share water data every month through a joint commission of six"
                " members.",
                "1",
            ),
            clause(
                "2",
                "No new dam will be built without:",
                "2",
                clauses=[
                    clause("2.a", "a joint environmental study;"),
                    clause("2.b", "a flood plan agreed by the downstream party."),
                ],
            ),
            clause(
                "3",
                "The commission will hold its negotiations in public, publish its minutes within"
                " ten days, and invite observers from the riverside communities to every session"
                " on the"
                " quotas, "
                "on the dams and on the well-known problem of the delta's salt water.",
                "3",
            ),
            clause(
                "4",
                "Fishing quotas will be set each spring by the commission; a well-known rule"
                " limits "
                "them to half of the catch of the year before.",
                "4",
            ),
            clause("5", "Disputes go to arbitration.", "5"),
        ],
    }


def pdf_refused(out: Path) -> dict[str, str]:
    """An encrypted PDF (a password is needed to open it) and one with only an image."""
    pdf = FPDF(format=(105, 148))
    pdf.set_creation_date(datetime.datetime(2025, 11, 27, 12, 0, tzinfo=datetime.UTC))
    pdf.set_producer("planlens fixtures")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 5, "1. A secret point.")
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    pdf.file_id = lambda: "<00112233445566778899AABBCCDDEEFF><00112233445566778899AABBCCDDEEFF>"
    pdf.output(str(out / "encrypted.pdf"))
    from PIL import Image, ImageDraw

    image = Image.new("L", (300, 400), 255)
    draw = ImageDraw.Draw(image)
    for row in range(40, 360, 24):
        draw.rectangle((30, row, 270 - (row % 70), row + 10), fill=0)  # lines of "text"
    pdf = FPDF(format=(105, 148))
    pdf.set_creation_date(datetime.datetime(2025, 11, 27, 12, 0, tzinfo=datetime.UTC))
    pdf.set_producer("planlens fixtures")
    pdf.add_page()
    pdf.image(image, x=5, y=5, w=95)
    pdf.file_id = lambda: "<00112233445566778899AABBCCDDEEFF><00112233445566778899AABBCCDDEEFF>"
    pdf.output(str(out / "scanned.pdf"))
    return {
        "encrypted.pdf": "the PDF is encrypted and needs a password: save an unprotected copy"
        " first",
        "scanned.pdf": "the PDF has no text, only images (a scan?): planlens does not read text"
        " from"
        " images; run OCR on it first",
    }


# -- web pages ------------------------------------------------------------------------------

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Basin leaders agree a plan | The Riverside Courier</title>
<meta property="og:title" content="Basin leaders agree a four-point plan for the Meridian">
<meta property="og:site_name" content="The Riverside Courier">
<meta property="article:published_time" content="2025-11-21T09:30:00+00:00">
<link rel="canonical" href="https://courier.example.org/world/2025/11/21/meridian-plan">
</head>
<body>
<header>
<nav class="site-menu"><ol>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
</ol></nav>
</header>
<aside class="top-stories"><h2>Top stories</h2><ol>
<li><a href="/a">Storm hits the coast as thousands are evacuated from their homes</a></li>
<li><a href="/b">Markets fall for a third day after the central bank's announcement</a></li>
<li><a href="/c">Election results are expected late tonight in the capital region</a></li>
</ol></aside>
<main><article>
<h1>Basin leaders agree a four-point plan for the Meridian</h1>
<p class="byline">By Ana Reporter</p>
<p>The three governments of the Meridian basin published the points below on Friday, after two
days of talks in Geneva. Their text reads:</p>
<ol>
<li>The parties will share water data every month through a joint commission.</li>
<li>No new dam will be built without the consent of all parties:
<ol type="a">
<li>upstream dams need a joint environmental study;</li>
<li>downstream dams need a flood plan.</li>
</ol></li>
<li>Fishing quotas will be set each spring by the commission.</li>
<li>Disputes will go to arbitration in Geneva.</li>
</ol>
<p>Officials said that the plan would be signed in December, after each parliament has
debated it.</p>
</article></main>
<aside class="related"><h2>Related</h2><ol>
<li><a href="/x">Rivers in crisis across the continent as summers grow drier</a></li>
<li><a href="/y">What a water treaty would mean for the farmers of the valley</a></li>
</ol></aside>
<footer><p>© The Riverside Courier</p></footer>
</body>
</html>
"""

PARAGRAPHS_PAGE = """<!-- saved from url=(0047)https://gov.example.org/statements/meridian.html -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Statement on the Meridian basin talks</title></head>
<body>
<div id="menu"><ul><li><a href="/">Home</a></li><li><a href="/press">Press</a></li>
<li><a href="/contact">Contact</a></li></ul></div>
<div class="content">
<h1>Statement on the Meridian basin talks</h1>
<p>The delegations of the three riparian states agreed on the following points at the close
of their meeting:</p>
<p>1. An immediate halt to the construction of new dams on the main river.<br>
2. The exchange of all hydrological data within thirty days.<br>
3. A monitoring mission led by the basin commission.</p>
<p>4. A further meeting of the delegations before the end of the year.</p>
</div>
<div class="footer"><p>Ministry of Foreign Affairs</p></div>
</body></html>
"""

NO_POINTS_PAGE = """<!DOCTYPE html>
<html><head><title>Talks continue</title></head>
<body><nav><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ol></nav>
<article><h1>Talks on the Meridian basin continue</h1>
<p>The delegations met again on Friday and said that the talks would go on next week.
No text was published, and neither side would say which points remain open.</p>
<p>Observers expect an agreement before the end of the year.</p></article>
</body></html>
"""


def web_pages(out: Path) -> dict[str, dict[str, Any]]:
    """A news page with three numbered lists besides the article's; numbered paragraphs."""
    (out / "news-three-lists.html").write_text(NEWS_PAGE, encoding="utf-8")
    (out / "numbered-paragraphs.html").write_text(PARAGRAPHS_PAGE, encoding="utf-8")
    (out / "no-points.html").write_text(NO_POINTS_PAGE, encoding="utf-8")
    news = {
        "title": "Basin leaders agree a four-point plan for the Meridian",
        "date": "2025-11-21",
        "language": "en",
        "sources": [
            {
                "url": "https://courier.example.org/world/2025/11/21/meridian-plan",
                "title": "Basin leaders agree a four-point plan for the Meridian",
                "publisher": "The Riverside Courier",
                "date": "2025-11-21",
                "accessed": "2025-12-01",
                "note": None,
            }
        ],
        "preamble": "Basin leaders agree a four-point plan for the"
        " Meridian"
        "\n\nThe three governments of the Meridian basin published the points below on"
        " Friday, after two days of talks in Geneva. Their text reads:",
        "clauses": [
            clause(
                "1",
                "The parties will share water data every month through a joint commission.",
                "1",
            ),
            clause(
                "2",
                "No new dam will be built without the consent of all parties:",
                "2",
                clauses=[
                    clause("2.a", "upstream dams need a joint environmental study;"),
                    clause("2.b", "downstream dams need a flood plan."),
                ],
            ),
            clause("3", "Fishing quotas will be set each spring by the commission.", "3"),
            clause(
                "4",
                "Disputes will go to arbitration in Geneva.\n\nOfficials said that the plan would"
                " be"
                " signed in December, after each parliament has debated it.",
                "4",
            ),
        ],
    }
    paragraphs = {
        "title": "Statement on the Meridian basin talks",
        "date": "",
        "sources": [
            {
                "url": "https://gov.example.org/statements/meridian.html",
                "title": "Statement on the Meridian basin talks",
                "publisher": None,
                "date": None,
                "accessed": "2025-12-01",
                "note": None,
            }
        ],
        "preamble": "Statement on the Meridian basin talks\n\nThe"
        " delegations of the three riparian states agreed on the following points at the close of"
        " their meeting:",
        "clauses": [
            clause(
                "1", "An immediate halt to the construction of new dams on the main river.", "1"
            ),
            clause("2", "The exchange of all hydrological data within thirty days.", "2"),
            clause("3", "A monitoring mission led by the basin commission.", "3"),
            clause("4", "A further meeting of the delegations before the end of the year.", "4"),
        ],
    }
    return {"news-three-lists.html": news, "numbered-paragraphs.html": paragraphs}


# -- legislative XML ------------------------------------------------------------------------

USLM_BILL = """<?xml version="1.0" encoding="UTF-8"?>
<bill xmlns="http://schemas.gpo.gov/xml/uslm"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="en">
<meta>
<dc:title>119 HR 9999 IH: Meridian Basin Cooperation Act</dc:title>
<dc:type>House Bill</dc:type>
<docNumber>9999</docNumber>
</meta>
<preface>
<congress value="119">119th CONGRESS</congress>
<action><date date="2025-03-04">March 4, 2025</date>
<actionDescription>Ms. Example introduced the following bill</actionDescription></action>
<action><date date="2025-11-18">November 18, 2025</date>
<actionDescription>Reported with an amendment</actionDescription></action>
</preface>
<main>
<longTitle><docTitle>A BILL</docTitle>
<officialTitle>To support cooperation in the Meridian basin.</officialTitle></longTitle>
<enactingFormula>Be it enacted by the Senate and House of Representatives of the United States
of America in Congress assembled,</enactingFormula>
<title identifier="/us/bill/119/hr/9999/tI"><num value="I">TITLE I</num>
<heading>GENERAL PROVISIONS</heading>
<section identifier="/us/bill/119/hr/9999/tI/s1"><num value="1">SECTION 1. </num>
<heading>SHORT TITLE.</heading>
<content>This Act may be cited as the
<quotedText>Meridian Basin Cooperation Act</quotedText>.</content>
</section>
<section identifier="/us/bill/119/hr/9999/tI/s2"><num value="2">SEC. 2. </num>
<heading>DATA SHARING.</heading>
<subsection identifier="/us/bill/119/hr/9999/tI/s2/a"><num value="a">(a) </num>
<heading>In General.—</heading>
<chapeau>The Secretary shall share with the basin commission—</chapeau>
<paragraph identifier="/us/bill/119/hr/9999/tI/s2/a/1"><num value="1">(1) </num>
<content>monthly river flow data; and</content></paragraph>
<paragraph identifier="/us/bill/119/hr/9999/tI/s2/a/2"><num value="2">(2) </num>
<content>reservoir levels,</content></paragraph>
<continuation>within 30 days after the data are collected.</continuation>
</subsection>
<subsection identifier="/us/bill/119/hr/9999/tI/s2/b"><num value="b">(b) </num>
<heading>Report.—</heading>
<content>The Secretary shall report to Congress each year on the data shared.</content></subsection>
</section>
</title>
<title identifier="/us/bill/119/hr/9999/tII"><num value="II">TITLE II</num>
<heading>AMENDMENTS</heading>
<section identifier="/us/bill/119/hr/9999/tII/s3"><num value="3">SEC. 3. </num>
<heading>AMENDMENT TO THE RIVERS ACT.</heading>
<content>Section 5 of the Rivers Act is amended to read as follows:
<quotedContent><section><num value="5">SEC. 5. </num><heading>COMMISSION.</heading>
<content>The commission shall meet twice a year.</content></section></quotedContent>.</content>
</section>
</title>
</main>
</bill>
"""

AKN_ACT = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<act name="treaty">
<meta>
<identification source="#fixtures">
<FRBRWork><FRBRthis value="/akn/un/act/treaty/2025/meridian/!main"/>
<FRBRuri value="/akn/un/act/treaty/2025/meridian"/>
<FRBRalias value="Meridian Basin Treaty" name="short"/>
<FRBRdate date="2025-01-15" name="signature"/><FRBRauthor href="#parties"/>
<FRBRcountry value="un"/></FRBRWork>
<FRBRExpression><FRBRthis value="/akn/un/act/treaty/2025/meridian/eng@2025-11-20/!main"/>
<FRBRuri value="/akn/un/act/treaty/2025/meridian/eng@2025-11-20"/>
<FRBRdate date="2025-11-20" name="consolidation"/><FRBRauthor href="#parties"/>
<FRBRlanguage language="eng"/></FRBRExpression>
<FRBRManifestation><FRBRthis value="/akn/un/act/treaty/2025/meridian/eng@2025-11-20/!main.xml"/>
<FRBRuri value="/akn/un/act/treaty/2025/meridian/eng@2025-11-20.xml"/>
<FRBRdate date="2025-11-21" name="transform"/><FRBRauthor href="#fixtures"/></FRBRManifestation>
</identification>
</meta>
<preface><longTitle><p>
<docTitle>Treaty on the Meridian river basin</docTitle></p></longTitle></preface>
<preamble>
<p>The Parties, recognising their shared responsibility for the basin, have agreed as
follows:</p></preamble>
<body>
<chapter eId="chp_I"><num>Chapter I</num><heading>General provisions</heading>
<article eId="art_1"><num>Article 1</num><heading>Purpose</heading>
<paragraph eId="art_1__para_1"><content>
<p>This Treaty governs the use of the waters of the basin.</p></content></paragraph>
</article>
<article eId="art_2"><num>Article 2</num><heading>Data</heading>
<paragraph eId="art_2__para_1"><num>1.</num>
<list eId="art_2__para_1__list_1"><intro><p>Each Party shall share:</p></intro>
<point eId="art_2__para_1__list_1__point_a"><num>(a)</num><content>
<p>monthly flow data;</p></content></point>
<point eId="art_2__para_1__list_1__point_b"><num>(b)</num><content>
<p>reservoir levels,</p></content></point>
<wrapUp><p>within thirty days of their collection.</p></wrapUp>
</list></paragraph>
<paragraph eId="art_2__para_2"><num>2.</num><content><p>The commission shall publish the data.</p>
<p>It may withhold data on security grounds.</p></content></paragraph>
</article>
</chapter>
<chapter eId="chp_II"><num>Chapter II</num><heading>Final provisions</heading>
<article eId="art_3"><num>Article 3</num><heading>Amendment</heading>
<paragraph eId="art_3__para_1"><content><p>Article 1 of the 1990 Convention is replaced by:</p>
<p><quotedStructure><article><num>Article 1</num><content>
<p>The Convention applies to the whole
basin.</p></content></article></quotedStructure></p></content></paragraph>
</article>
</chapter>
</body>
</act>
</akomaNtoso>
"""


def legislative_xml(out: Path) -> dict[str, dict[str, Any]]:
    """A USLM bill and an Akoma Ntoso act: structure above, within and quoted by the clauses."""
    (out / "bill.uslm.xml").write_text(USLM_BILL, encoding="utf-8")
    (out / "act.akn.xml").write_text(AKN_ACT, encoding="utf-8")
    bill = {
        "title": "119 HR 9999 IH: Meridian Basin Cooperation Act",
        "date": "2025-11-18",
        "language": "en",
        "preamble": "A BILL To support cooperation in the Meridian"
        " basin.\n\n"
        "Be it enacted by the Senate and House of Representatives of the United States of America"
        " in Congress assembled,",
        "clauses": [
            clause(
                "1",
                "This Act may be cited as the Meridian Basin Cooperation Act.",
                "SECTION 1",
                "SHORT TITLE.",
                notes="Headings before this clause: TITLE I GENERAL PROVISIONS",
            ),
            clause(
                "2",
                "DATA SHARING.",
                "SEC. 2",
                "DATA SHARING.",
                clauses=[
                    clause(
                        "2.a",
                        "The Secretary shall share with the basin commission—",
                        title="In General.—",
                        clauses=[
                            clause("2.a.1", "monthly river flow data; and"),
                            clause("2.a.2", "reservoir levels,"),
                            clause(
                                "2.a.after",
                                "within 30 days after the data are collected.",
                                number=None,
                            ),
                        ],
                    ),
                    clause(
                        "2.b",
                        "The Secretary shall report to Congress each year on the data shared.",
                        title="Report.—",
                    ),
                ],
            ),
            clause(
                "3",
                "Section 5 of the Rivers Act is amended to read as follows: SEC. 5. COMMISSION. The"
                " commission shall meet twice a year..",
                "SEC. 3",
                "AMENDMENT TO THE RIVERS ACT.",
                notes="Headings before this clause: TITLE II AMENDMENTS",
            ),
        ],
    }
    act = {
        "title": "Treaty on the Meridian river basin",
        "date": "2025-11-20",
        "language": "en",
        "preamble": "Treaty on the Meridian river basin\n\nThe"
        " Parties,"
        " recognising their shared responsibility for the basin, have agreed as follows:",
        "clauses": [
            clause(
                "1",
                "This Treaty governs the use of the waters of the basin.",
                "Article 1",
                "Purpose",
                notes="Headings before this clause: Chapter I General provisions",
            ),
            clause(
                "2",
                "Data",
                "Article 2",
                "Data",
                clauses=[
                    clause(
                        "2.1",
                        "Each Party shall share:",
                        clauses=[
                            clause("2.1.a", "monthly flow data;"),
                            clause("2.1.b", "reservoir levels,"),
                            clause(
                                "2.1.after", "within thirty days of their collection.", number=None
                            ),
                        ],
                    ),
                    clause(
                        "2.2",
                        "The commission shall publish the data.\n\nIt may withhold data on"
                        " security grounds.",
                    ),
                ],
            ),
            clause(
                "3",
                "Article 1 of the 1990 Convention is replaced by:\n\n"
                "Article 1 The Convention applies to the whole basin.",
                "Article 3",
                "Amendment",
                notes="Headings before this clause: Chapter II Final provisions",
            ),
        ],
    }
    return {"bill.uslm.xml": bill, "act.akn.xml": act}


# -- one agreement in two formats -------------------------------------------------------------

DRAFT_POINTS = [
    "The parties will share water data every month through a joint commission of six members.",
    "No new dam will be built on the main river without the consent of all parties.",
    "Fishing quotas will be set each spring by the commission after hearing the riverside"
    " communities.",
    "The commission will protect the delta:",
    "Each party will publish its water use within 30 days of the end of each quarter.",
    "Navigation on the river will remain free for the vessels of all parties.",
    "An emergency line will connect the dam operators of the three states.",
    "Disputes will go to arbitration in Geneva.",
]
DELTA = ["by limiting the intake of salt water;", "by restoring the wetlands of the lower valley."]


def _wrapped(label: str, text: str, indent: int = 0, width: int = 46) -> list[tuple[int, str]]:
    import textwrap

    lines = textwrap.wrap(f"{label} {text}", width=width - indent // 2)
    return [(indent if i == 0 else indent + 5, line) for i, line in enumerate(lines)]


def two_formats(out: Path) -> dict[str, Any]:
    """A Word draft (Word numbering) and its PDF revision (typed numbers, a running header).

    The revision rewords point 3, changes the figure of point 5, and moves point 7 up to be
    point 2, which renumbers points 2 to 6.
    """
    document = _new_document(
        "Meridian basin agreement (draft)", datetime.datetime(2025, 11, 10, 9, 0)
    )
    _numbering(document, 92, [("decimal", "%1.", 720, None), ("lowerLetter", "(%2)", 1440, None)])
    _instance(document, 92, 92)
    document.add_paragraph("Meridian basin agreement", style="Title")
    for index, point in enumerate(DRAFT_POINTS, start=1):
        _numbered(document, point, 92, 0)
        if index == 4:
            for item in DELTA:
                _numbered(document, item, 92, 1)
    _save_docx(document, out / "agreement-draft.docx")
    revised = list(DRAFT_POINTS)
    revised[2] = revised[2].replace("after hearing", "after consulting")
    revised[4] = revised[4].replace("30 days", "60 days")
    revised.insert(1, revised.pop(6))
    lines: list[tuple[int, str]] = [(0, "Meridian basin agreement"), (0, "")]
    for index, point in enumerate(revised, start=1):
        lines += _wrapped(f"{index}.", point)
        if point == DRAFT_POINTS[3]:
            for letter, item in zip("ab", DELTA, strict=True):
                lines += _wrapped(f"({letter})", item, indent=6)
        lines.append((0, ""))
    _pdf(
        "Meridian basin agreement - revision - 27 November 2025",
        "Meridian basin agreement (revision)",
        lines,
        out / "agreement-revision.pdf",
    )
    links = [["preamble", "preamble"], ["1", "1"], ["2", "3"], ["3", "4"], ["4", "5"]]
    links += [["4.a", "5.a"], ["4.b", "5.b"], ["5", "6"], ["6", "7"], ["7", "2"], ["8", "8"]]
    return {
        "old": "agreement-draft.docx",
        "new": "agreement-revision.pdf",
        "links": links,
        "moved": ["7"],
        "modified": ["5"],
    }


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    expected: dict[str, dict[str, Any]] = {
        "word-lists.docx": word_lists(out),
        "word-headings.docx": word_headings(out),
        "word-typed.docx": word_typed(out),
        "pdf-running-header.pdf": pdf_running_header(out),
        **web_pages(out),
        **legislative_xml(out),
    }
    errors = pdf_refused(out)
    errors |= broken_files(out)
    errors["no-points.html"] = (
        "the page's main content has no numbered points (numbered lists or paragraphs starting"
        " with 1., (a), ...)"
    )
    alignment = two_formats(out)
    for name, tree in expected.items():
        # The text before the first point is the first clause, `preamble`, without a number.
        preamble = clause("preamble", tree.pop("preamble"), None)
        tree["clauses"] = [preamble, *tree["clauses"]]
        tree["notes"] = None
        _write_json(out / f"{name}.expected.json", tree)
    _write_json(out / "errors.json", errors)
    _write_json(out / "alignment.json", alignment)
    return 0


def broken_files(out: Path) -> dict[str, str]:
    """A .docx whose document part is cut short, and a zip named .docx with no document part."""
    document = _new_document("Broken", None)
    document.add_paragraph("1. A point.")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        part = archive.read("word/document.xml")
    _rezip(
        buffer.getvalue(),
        out / "corrupt.docx",
        replace={"word/document.xml": part[: len(part) // 2]},
    )
    _rezip(buffer.getvalue(), out / "no-document.docx", drop="word/document.xml")
    return {
        "corrupt.docx": "cannot read the Word document:",
        "no-document.docx": "not a Word document: the zip archive has no word/document.xml",
    }


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
