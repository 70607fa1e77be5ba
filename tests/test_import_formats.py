"""Importing Word documents, PDFs, web pages and legislative XML (issue 13).

The fixtures under `tests/data/import/` are written by `make_fixtures.py` beside them, with the
clause tree each must import to, written there by hand; each test here imports a fixture and
compares the whole tree, and the metadata, exactly.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ROOT

from planlens.cli import cli
from planlens.compare import compare
from planlens.errors import PlanlensError
from planlens.importers import import_file
from planlens.importers.extras import need
from planlens.importers.registry import sniff
from planlens.plan.model import Clause, Plan

FIXTURES = ROOT / "tests" / "data" / "import"
EXPECTED = sorted(FIXTURES.glob("*.expected.json"))
ERRORS: dict[str, str] = json.loads((FIXTURES / "errors.json").read_text("utf-8"))
#: The date passed as `--accessed`, so that web pages do not import with today's date.
ACCESSED = "2025-12-01"

needs_import_extra = pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("docx", "pdfplumber", "trafilatura")),
    reason="the import extra is not installed",
)


def tree(clauses: tuple[Clause, ...]) -> list[dict[str, Any]]:
    """The clauses as the fixtures' expected trees spell them."""
    out = []
    for clause in clauses:
        found: dict[str, Any] = {
            "id": clause.id,
            "number": clause.number,
            "title": clause.title,
            "text": clause.text,
        }
        if clause.notes is not None:
            found["notes"] = clause.notes
        found["clauses"] = tree(clause.clauses)
        out.append(found)
    return out


def imported(name: str, **options: Any) -> Plan:
    return import_file(
        FIXTURES / name,
        plan_id="fixture",
        title=options.pop("title", ""),
        date=options.pop("date", ""),
        accessed=options.pop("accessed", ACCESSED),
        **options,
    )


@needs_import_extra
@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_fixture_imports_to_its_expected_tree(expected: Path) -> None:
    want = json.loads(expected.read_text("utf-8"))
    plan = imported(expected.name.removesuffix(".expected.json"))
    assert tree(plan.clauses) == want["clauses"]
    assert plan.notes == want["notes"]
    assert (plan.title, plan.date) == (want["title"], want["date"])
    if "language" in want:
        assert plan.language == want["language"]
    if "sources" in want:
        sources = [
            {k: getattr(s, k) for k in ("url", "title", "publisher", "date", "accessed", "note")}
            for s in plan.sources
        ]
        assert sources == want["sources"]
    assert plan.expected_clauses == len(want["clauses"])


# -- bad input: one line naming the file, exit 1, nothing written -----------------------------


@needs_import_extra
@pytest.mark.parametrize(("name", "message"), sorted(ERRORS.items()))
def test_bad_input_is_one_line_naming_the_file(name: str, message: str) -> None:
    with pytest.raises(PlanlensError) as info:
        imported(name)
    text = str(info.value)
    assert text.startswith(f"{FIXTURES / name}: {message}")
    assert "\n" not in text


@needs_import_extra
@pytest.mark.parametrize("name", sorted(ERRORS))
def test_cli_refuses_bad_input_and_writes_nothing(tmp_path: Path, name: str) -> None:
    output = tmp_path / "plan.yaml"
    result = CliRunner().invoke(cli, ["import", str(FIXTURES / name), "-o", str(output)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"planlens: error: {FIXTURES / name}: {ERRORS[name]}")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@needs_import_extra
def test_a_broken_pdf_and_docx_are_one_line(tmp_path: Path) -> None:
    pdf = tmp_path / "draft.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    docx = tmp_path / "draft.docx"
    docx.write_bytes(b"PK\x03\x04" + b"\x00" * 200)  # a zip's magic and nothing of a zip
    for path, message in (
        (pdf, "cannot read the PDF: "),
        (docx, "cannot read the Word document: "),
    ):
        result = CliRunner().invoke(cli, ["import", str(path)])
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr.startswith(f"planlens: error: {path}: {message}")
        assert result.stderr.count("\n") == 1


# -- a missing library names the extra ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "module", "package", "reading"),
    [
        ("word-lists.docx", "docx", "python-docx", "Word documents"),
        ("pdf-running-header.pdf", "pdfplumber", "pdfplumber", "PDFs"),
        ("news-three-lists.html", "trafilatura", "trafilatura", "web pages"),
    ],
)
def test_a_missing_library_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, name: str, module: str, package: str, reading: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # `import module` now raises ImportError
    message = (
        f"reading {reading} needs {package}, which is not installed: pip install 'planlens[import]'"
    )
    with pytest.raises(PlanlensError) as info:
        imported(name)
    assert str(info.value) == message
    result = CliRunner().invoke(cli, ["import", str(FIXTURES / name)])
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        f"planlens: error: {message}\n",
    )


def test_a_library_installed_but_broken_is_not_called_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # As trafilatura installed by an older pip without lxml_html_clean: the package is there,
    # and what it imports raises ImportError with no module name.
    package = tmp_path / "brokenreader"
    package.mkdir()
    (package / "__init__.py").write_text(
        'raise ImportError("lxml.html.clean module is now a separate project")\n', "utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(PlanlensError) as info:
        need("brokenreader", "web pages")
    assert str(info.value) == (
        "reading web pages needs brokenreader, which is installed but cannot be imported:"
        " lxml.html.clean module is now a separate project;"
        " pip install --upgrade 'planlens[import]'"
    )
    # The same through the CLI, with trafilatura itself so broken: one line, exit 1.
    broken = tmp_path / "trafilatura"
    broken.mkdir()
    (broken / "__init__.py").write_text(
        'raise ImportError("lxml.html.clean module is now a separate project")\n', "utf-8"
    )
    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    result = CliRunner().invoke(cli, ["import", str(FIXTURES / "news-three-lists.html")])
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        "planlens: error: reading web pages needs trafilatura, which is installed but cannot be"
        " imported: lxml.html.clean module is now a separate project;"
        " pip install --upgrade 'planlens[import]'\n",
    )


def test_legislative_xml_needs_no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("docx", "pdfplumber", "trafilatura", "lxml"):
        monkeypatch.setitem(sys.modules, module, None)
    assert [c.id for c in imported("bill.uslm.xml").clauses] == ["preamble", "1", "2", "3"]
    assert [c.id for c in imported("act.akn.xml").clauses] == ["preamble", "1", "2", "3"]


# -- the format is told by content --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("word-lists.docx", "docx"),
        ("pdf-running-header.pdf", "pdf"),
        ("news-three-lists.html", "html"),
        ("numbered-paragraphs.html", "html"),  # starts with a "saved from url" comment
        ("bill.uslm.xml", "uslm"),
        ("act.akn.xml", "akoma-ntoso"),
    ],
)
def test_fixtures_are_sniffed_by_content_whatever_their_name(name: str, expected: str) -> None:
    head = (FIXTURES / name).read_bytes()[:65536]
    assert sniff(head, name).name == expected
    assert sniff(head, "renamed.txt").name == expected


@needs_import_extra
def test_a_misnamed_file_imports_by_its_content(tmp_path: Path) -> None:
    for name in ("word-lists.docx", "pdf-running-header.pdf", "news-three-lists.html"):
        renamed = tmp_path / f"{name}.txt"
        shutil.copy(FIXTURES / name, renamed)
        options = {"plan_id": "x", "title": "", "date": "", "accessed": ACCESSED}
        assert import_file(renamed, **options).clauses == imported(name).clauses


# -- metadata -----------------------------------------------------------------------------------


@needs_import_extra
def test_options_win_over_the_documents_metadata() -> None:
    plan = imported(
        "news-three-lists.html",
        title="Meridian plan",
        date="2025-11-22",
        source_url="https://example.net/plan",
        language="de",
    )
    assert (plan.title, plan.date, plan.language) == ("Meridian plan", "2025-11-22", "de")
    assert plan.sources[0].url == "https://example.net/plan"
    assert plan.sources[0].date == "2025-11-21"  # the page's own date stays the source's
    word = imported("word-lists.docx", title="Draft", date="2025-12-02")
    assert (word.title, word.date) == ("Draft", "2025-12-02")


@needs_import_extra
def test_accessed_is_today_unless_given(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime

    class Today(datetime.date):
        @classmethod
        def today(cls) -> Today:
            return cls(2026, 1, 15)

    monkeypatch.setattr(datetime, "date", Today)
    plan = import_file(FIXTURES / "news-three-lists.html", plan_id="x", title="", date="")
    assert plan.sources[0].accessed == "2026-01-15"
    assert (
        imported("news-three-lists.html", accessed="2025-12-03").sources[0].accessed == "2025-12-03"
    )
    # Other formats get `accessed` on their source only when it is given.
    assert imported("bill.uslm.xml", accessed=None).sources[0].accessed is None
    assert imported("bill.uslm.xml").sources[0].accessed == ACCESSED


@needs_import_extra
def test_cli_fills_metadata_from_the_page_and_says_where_the_date_came_from(tmp_path: Path) -> None:
    output = tmp_path / "plan.yaml"
    result = CliRunner().invoke(
        cli,
        [
            "import",
            str(FIXTURES / "news-three-lists.html"),
            "--accessed",
            ACCESSED,
            "-o",
            str(output),
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        f"wrote {output}: 5 top-level clauses\n"
        "planlens: note: date 2025-11-21 taken from the document; check it\n"
    )
    text = output.read_text("utf-8")
    assert "date: 2025-11-21" in text and "accessed: 2025-12-01" in text
    assert "url: https://courier.example.org/world/2025/11/21/meridian-plan" in text
    validate = CliRunner().invoke(cli, ["validate", str(output)])
    assert (validate.exit_code, validate.stderr) == (0, "")


@needs_import_extra
def test_cli_asks_for_a_date_when_the_page_has_none() -> None:
    result = CliRunner().invoke(
        cli, ["import", str(FIXTURES / "numbered-paragraphs.html"), "--accessed", ACCESSED]
    )
    assert result.exit_code == 0
    assert "url: https://gov.example.org/statements/meridian.html" in result.stdout
    assert result.stderr == "planlens: note: no --date given; fill in 'date' before validating\n"


def test_cli_refuses_a_malformed_accessed_date() -> None:
    result = CliRunner().invoke(
        cli, ["import", str(FIXTURES / "bill.uslm.xml"), "--accessed", "yesterday"]
    )
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "planlens: error: accessed date 'yesterday' is not an ISO date (YYYY-MM-DD)\n"
    )


# -- one document in two formats ------------------------------------------------------------------


@needs_import_extra
def test_a_word_draft_and_its_pdf_revision_align_without_pins() -> None:
    spec = json.loads((FIXTURES / "alignment.json").read_text("utf-8"))
    old = imported(spec["old"], date="2025-11-10")
    new = imported(spec["new"], date="2025-11-27")
    diff = compare(old, new)
    links = sorted([list(c.old), list(c.new)] for c in diff.walk() if c.old and c.new)
    assert links == sorted([[o], [n]] for o, n in spec["links"])
    unpaired = [c for c in diff.walk() if not (c.old and c.new)]
    assert unpaired == []
    by_old = {c.old[0]: c for c in diff.walk() if c.old}
    assert sorted(o for o, c in by_old.items() if c.moved) == spec["moved"]
    assert sorted(o for o, c in by_old.items() if c.relation == "modified") == spec["modified"]
    assert all(c.matched_by != "pin" for c in diff.walk())


# -- the fixtures are what the script writes ------------------------------------------------------


@needs_import_extra
@pytest.mark.skipif(importlib.util.find_spec("fpdf") is None, reason="fpdf2 is not installed")
def test_the_script_writes_the_committed_fixtures_deterministically(tmp_path: Path) -> None:
    script = FIXTURES / "make_fixtures.py"
    for out in (tmp_path / "a", tmp_path / "b"):
        subprocess.run([sys.executable, str(script), str(out)], check=True, timeout=120)
    first = {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()}
    assert first == {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}
    committed = {p.name for p in FIXTURES.iterdir() if p.name != "make_fixtures.py"}
    assert set(first) == committed
    for name in committed:
        if name.endswith(".json") or name.endswith((".html", ".xml")):
            assert first[name] == (FIXTURES / name).read_bytes(), name
        elif name not in ERRORS:  # PDFs and .docx differ by library version: compare contents
            options = {"plan_id": "x", "title": "", "date": "", "accessed": ACCESSED}
            assert import_file(tmp_path / "a" / name, **options) == import_file(
                FIXTURES / name, **options
            ), name
