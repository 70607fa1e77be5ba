"""The parts of the format readers: Word numbering, PDF layout, web-page lists, legislative XML."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planlens.errors import PlanlensError
from planlens.importers.legal_xml import key_of, parse_xml
from planlens.importers.paragraphs import Paragraph, outline_of
from planlens.importers.pdf_layout import Page, PageLine, page_text, running_lines
from planlens.importers.text import build_clauses
from planlens.importers.word import _core_properties, _read_styles, _text
from planlens.importers.word_numbering import Numbering, W, format_number

WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def numbering(xml: str, styles: str = "") -> Numbering:
    root = ElementTree.fromstring(f"<w:numbering {WNS}>{xml}</w:numbering>")
    style_root = ElementTree.fromstring(f"<w:styles {WNS}>{styles}</w:styles>") if styles else None
    return Numbering(root, style_root)


def level(ilvl: int, fmt: str, text: str, extra: str = "", start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def abstract(key: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{key}">{extra}{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


MULTILEVEL = abstract(
    1,
    level(0, "decimal", "%1."),
    level(1, "lowerLetter", "(%2)"),
    level(2, "lowerRoman", "(%3)"),
    level(3, "upperLetter", "%4)"),
    level(4, "upperRoman", "%5."),
)


def labels(numbers: Numbering, sequence: list[tuple[str, int]]) -> list[str | None]:
    return [numbers.label(num_id, ilvl) for num_id, ilvl in sequence]


# -- Word numbering ---------------------------------------------------------------------------


def test_levels_count_and_restart_below_a_higher_level() -> None:
    numbers = numbering(MULTILEVEL + num(5, 1))
    sequence = [("5", 0), ("5", 1), ("5", 1), ("5", 2), ("5", 2), ("5", 3), ("5", 4)]
    sequence += [("5", 1), ("5", 0), ("5", 1), ("5", 2)]
    assert labels(numbers, sequence) == [
        "1.", "(a)", "(b)", "(i)", "(ii)", "A)", "I.", "(c)", "2.", "(a)", "(i)",
    ]  # fmt: skip


def test_multilevel_patterns_and_legal_numbering() -> None:
    numbers = numbering(
        abstract(
            2,
            level(0, "upperRoman", "Article %1"),
            level(1, "decimal", "%1.%2"),
            level(2, "decimal", "%1.%2.%3", extra="<w:isLgl/>"),
        )
        + num(7, 2)
    )
    sequence = [("7", 0), ("7", 1), ("7", 2), ("7", 2), ("7", 1), ("7", 0), ("7", 1)]
    assert labels(numbers, sequence) == [
        "Article I", "I.1", "1.1.1", "1.1.2", "I.2", "Article II", "II.1",
    ]  # fmt: skip


def test_instances_of_one_list_go_on_and_a_start_override_restarts() -> None:
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    numbers = numbering(MULTILEVEL + num(1, 1) + num(2, 1) + num(3, 1, restart))
    sequence = [("1", 0), ("1", 0), ("2", 0), ("3", 0), ("3", 0), ("1", 0)]
    assert labels(numbers, sequence) == ["1.", "2.", "3.", "1.", "2.", "3."]


def test_a_decimal_level_printed_like_the_one_above_reads_as_a_sub_point() -> None:
    numbers = numbering(
        abstract(
            6, level(0, "decimal", "%1."), level(1, "decimal", "%2."), level(2, "decimal", "%3)")
        )
        + num(1, 6)
    )
    sequence = [("1", 0), ("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 0)]
    assert labels(numbers, sequence) == ["1.", "2.", "2.1", "2.2", "1)", "3."]


def test_lvl_restart_and_start_values() -> None:
    never = level(1, "lowerLetter", "%2)", extra='<w:lvlRestart w:val="0"/>')
    numbers = numbering(abstract(3, level(0, "decimal", "%1.", start=5), never) + num(1, 3))
    assert labels(numbers, [("1", 0), ("1", 1), ("1", 0), ("1", 1)]) == ["5.", "a)", "6.", "b)"]


def test_bullets_no_label_and_unknown_lists() -> None:
    numbers = numbering(abstract(4, level(0, "bullet", "\uf0b7"), level(1, "none", "")) + num(1, 4))
    assert labels(numbers, [("1", 0), ("1", 1), ("0", 0), ("99", 0)]) == ["•", "", None, None]


def test_a_list_style_link_and_a_heading_style_level() -> None:
    styles = (
        '<w:style w:type="numbering" w:styleId="Legal"><w:pPr><w:numPr><w:numId w:val="8"/>'
        "</w:numPr></w:pPr></w:style>"
    )
    numbers = numbering(
        abstract(
            10, level(0, "decimal", "%1."), level(1, "decimal", "%1.%2", '<w:pStyle w:val="H2"/>')
        )
        + abstract(11, extra='<w:numStyleLink w:val="Legal"/>')
        + num(8, 10)
        + num(9, 11),
        styles,
    )
    assert numbers.level_of_style("9", "H2") == 1
    assert labels(numbers, [("9", 0), ("9", 1), ("8", 1)]) == ["1.", "1.1", "1.2"]


@given(st.integers(1, 2000))
def test_roman_and_letter_formats_read_back(value: int) -> None:
    from planlens.importers.labels import roman_value

    if value <= 50:
        assert roman_value(format_number(value, "lowerRoman")) == value
    assert format_number(value, "upperRoman") == format_number(value, "lowerRoman").upper()
    letters = format_number(value, "lowerLetter")
    assert len(set(letters)) == 1 and len(letters) == (value - 1) // 26 + 1
    assert ord(letters[0]) - ord("a") == (value - 1) % 26


def test_paragraph_text_leaves_out_deleted_hidden_and_boxed_text() -> None:
    paragraph = ElementTree.fromstring(
        f"<w:p {WNS}><w:r><w:t>The parties</w:t></w:r><w:del><w:r><w:delText> never</w:delText>"
        "</w:r></w:del><w:ins><w:r><w:t xml:space='preserve'> shall</w:t></w:r></w:ins>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t> (hidden)</w:t></w:r><w:r><w:tab/><w:t>agree</w:t>"
        "<w:noBreakHyphen/><w:t>now</w:t><w:drawing><w:t>boxed</w:t></w:drawing></w:r></w:p>"
    )
    assert " ".join(_text(paragraph).split()) == "The parties shall agree-now"


def test_styles_resolve_headings_lists_and_indents_through_based_on() -> None:
    styles = ElementTree.fromstring(
        f"<w:styles {WNS}>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="My head"/>'
        '<w:basedOn w:val="H1"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/>'
        '<w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>'
        "</w:styles>"
    )
    resolved = _read_styles(styles)
    assert (resolved["MyHead"].heading, resolved["MyHead"].num_id) == (1, "4")
    assert (resolved["MyHead"].left, resolved["MyHead"].hanging) == (720, 360)
    assert resolved["Body"].heading == 0 and resolved[""] == resolved["Normal"]


def test_core_properties_skip_unset_and_placeholder_dates() -> None:
    core = (
        b'<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        b' xmlns:dcterms="http://purl.org/dc/terms/"><dc:title></dc:title>'
        b"<dcterms:modified>1601-01-01T00:00:00Z</dcterms:modified>"
        b"<dcterms:created>2024-05-06T00:00:00Z</dcterms:created>"
        b"<dc:language>de-DE</dc:language></cp:coreProperties>"
    )
    assert _core_properties(core) == {"date": "2024-05-06", "language": "de"}
    assert _core_properties(b"<not xml") == {}


def test_a_printed_number_is_a_label_even_before_lower_case() -> None:
    clauses = outline_of(
        [
            Paragraph("the parties agree.", number="Article 1"),
            Paragraph("they sign.", number="Article 2"),
        ]
    )
    assert [(c.id, c.number, c.text) for c in clauses] == [
        ("1", "Article 1", "the parties agree."),
        ("2", "Article 2", "they sign."),
    ]


# -- PDF layout -------------------------------------------------------------------------------

_WORDS = st.lists(
    st.sampled_from(["river", "basin", "water", "dam", "data", "party"]), min_size=3, max_size=8
)


def _pdf_pages(points: list[list[str]], per_page: int, header: str) -> list[Page]:
    """Lay points out as a PDF would: numbered lines, a header and a page number per page."""
    lines = []
    for number, words in enumerate(points, start=1):
        lines.append((0, f"{number}. {' '.join(words)},"))
        lines.append((20, " ".join(reversed(words)) + "."))
    pages = []
    for start in range(0, len(lines), per_page):
        chunk = lines[start : start + per_page]
        page = [PageLine(header, 100, 20, 30, 8)]
        page += [
            PageLine(t, 72 + x, 100 + 14 * i, 110 + 14 * i, 10) for i, (x, t) in enumerate(chunk)
        ]
        page.append(PageLine(str(len(pages) + 1), 290, 780, 790, 8))
        pages.append(Page(tuple(page), 800))
    return pages


@given(st.lists(_WORDS, min_size=2, max_size=12), st.integers(1, 7))
def test_headers_and_page_numbers_go_and_points_run_across_pages(
    points: list[list[str]], per_page: int
) -> None:
    pages = _pdf_pages(points, per_page, "Draft agreement - CONFIDENTIAL")
    text = page_text(pages)
    assert "CONFIDENTIAL" not in text or len(pages) < 2
    assert all(not line.strip().isdigit() for line in text.splitlines())
    clauses, _ = build_clauses(text)
    clauses = tuple(c for c in clauses if c.id != "preamble")  # a header on one page only
    assert [c.id for c in clauses] == [str(n) for n in range(1, len(points) + 1)]
    for clause, words in zip(clauses, points, strict=True):
        assert " ".join(clause.text.split()) == f"{' '.join(words)}, {' '.join(reversed(words))}."


@given(st.lists(st.text("abcdefgh -", min_size=1, max_size=30), min_size=1, max_size=8))
def test_unhyphenation_keeps_every_letter_in_order(texts: list[str]) -> None:
    from planlens.importers.pdf_layout import _unhyphenate

    def letters(lines: list[str]) -> str:
        return "".join(c for c in "".join(lines) if c.isalpha())

    assert letters(_unhyphenate(texts)) == letters(texts)


def test_running_lines_need_half_of_the_pages() -> None:
    def page(top: str) -> Page:
        return Page((PageLine(top, 72, 20, 30), PageLine("1. Text", 72, 300, 310)), 800)

    pages = [page("Chapter one"), page("Chapter one"), page("Chapter two"), page("Chapter three")]
    assert running_lines(pages) == {(0, 0), (1, 0)}
    assert running_lines([page("Only once")]) == set()


# -- web pages --------------------------------------------------------------------------------


@pytest.mark.skipif(importlib.util.find_spec("trafilatura") is None, reason="no trafilatura")
def test_list_numbers_follow_start_reversed_value_type_and_nesting() -> None:
    from planlens.importers.webpage import read_webpage

    html = """<html><body><article><h1>Points</h1>
    <p>The text of the points agreed on Friday by the delegations reads as follows:</p>
    <ol start="4"><li>Fourth point of the plan, on water.</li>
    <li value="9">Ninth point of the plan, on dams:
      <ol><li>first nested point, numbered under its parent;</li><li>second nested point.</li></ol>
    </li></ol>
    <ol type="i" reversed><li>a roman item counted down</li><li>the last roman item here</li></ol>
    <ol style="list-style-type: upper-alpha"><li>An upper letter item.</li></ol>
    </article></body></html>"""
    page = read_webpage(html.encode())
    printed = [p.printed for p in page.paragraphs if not p.heading]
    assert printed[1:] == [
        "4. Fourth point of the plan, on water.",
        "9. Ninth point of the plan, on dams:",
        "9.1 first nested point, numbered under its parent;",
        "9.2 second nested point.",
        "ii. a roman item counted down",
        "i. the last roman item here",
        "A. An upper letter item.",
    ]


# -- legislative XML ----------------------------------------------------------------------------


def test_numbers_become_ids() -> None:
    assert [key_of(n) for n in ["SEC. 101.", "(A)", "Art. 7", "Article 3 bis", "12a."]] == [
        "101",
        "A",
        "7",
        "3",
        "12a",
    ]


def test_xml_with_entities_or_malformed_is_refused(tmp_path: Path) -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    with pytest.raises(PlanlensError, match="declares entities"):
        parse_xml(bomb, tmp_path / "bomb.xml")
    with pytest.raises(PlanlensError, match=r"bill\.xml:2:9: not well-formed XML"):
        parse_xml(b"<bill>\n<main></bill>", tmp_path / "bill.xml")


def test_namespace_constant_is_the_one_sniffed() -> None:
    from planlens.importers.uslm import NAMESPACE

    assert ElementTree.fromstring(f'<bill xmlns="{NAMESPACE}"/>').tag == f"{{{NAMESPACE}}}bill"
    assert W.startswith("{http://schemas.openxmlformats.org/")
