"""The Word redline (`planlens report --format docx`): its XML read back, LibreOffice, the CLI.

The tracked changes are read back from `word/document.xml` (and, through LibreOffice, from the
OpenDocument it converts the file to) and must equal each change's word diff, `Change.segments`.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, PLANS, ROOT, unavailable
from hypothesis import given, settings
from hypothesis import strategies as st

from planlens.cli import cli
from planlens.compare import compare
from planlens.compare.model import Change, PlanDiff
from planlens.plan.load import load_plans
from planlens.plan.model import Clause, Plan, Source
from planlens.render import redline, render_docx
from planlens.render.docx_package import clean_text, w_datetime
from planlens.render.docx_redline import MEANINGS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REPORT = {plan.id: plan for plan in load_plans([DATA / "report"], closed=True)}
SHIPPED = {plan.id: plan for plan in load_plans([PLANS], closed=True)}
PAIRS = [(SHIPPED[old], plan) for plan in SHIPPED.values() for old in plan.follows]


def report_diff(old: str = "report-v1", new: str = "report-v2") -> PlanDiff:
    return compare(REPORT[old], REPORT[new])


# -- reading a .docx back ---------------------------------------------------------------------


def document(data: bytes) -> ET.Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return ET.fromstring(archive.read("word/document.xml"))


def style(paragraph: ET.Element) -> str | None:
    found = paragraph.find(f"{W}pPr/{W}pStyle")
    return None if found is None else found.get(f"{W}val")


def run_text(run: ET.Element) -> str:
    """The text of a run: w:t and w:delText, w:br as a newline, w:tab as a tab."""
    out = []
    for node in run:
        if node.tag in (f"{W}t", f"{W}delText"):
            out.append(node.text or "")
        elif node.tag == f"{W}br":
            out.append("\n")
        elif node.tag == f"{W}tab":
            out.append("\t")
    return "".join(out)


def text_of(element: ET.Element) -> str:
    return "".join(run_text(run) for run in element.iter(f"{W}r"))


def add(out: list[tuple[str, str]], op: str, text: str) -> None:
    if not text:
        return
    if out and out[-1][0] == op:
        out[-1] = (op, out[-1][1] + text)
    else:
        out.append((op, text))


def tracked(paragraph: ET.Element) -> list[tuple[str, str]]:
    """A clause paragraph as segments: plain runs equal, w:del deletions, w:ins insertions."""
    out: list[tuple[str, str]] = []
    for child in paragraph:
        if child.tag == f"{W}r":
            assert child.find(f"{W}delText") is None  # deleted text only inside w:del
            add(out, "equal", run_text(child))
        elif child.tag in (f"{W}del", f"{W}ins"):
            runs = list(child)
            assert runs and all(run.tag == f"{W}r" for run in runs)
            deleted = child.tag == f"{W}del"
            wrong = f"{W}t" if deleted else f"{W}delText"  # w:delText in w:del, w:t in w:ins
            assert all(run.find(wrong) is None for run in runs)
            add(out, "delete" if deleted else "insert", "".join(map(run_text, runs)))
    return out


@dataclass
class Section:
    """A section of the clause-by-clause part, as read back."""

    heading: str
    level: int
    labels: list[str] = field(default_factory=list)
    segments: list[tuple[str, str]] = field(default_factory=list)


def sections(data: bytes) -> list[Section]:
    """Each section of the clause-by-clause part: heading, level, labels and tracked text."""
    body = document(data).find(f"{W}body")
    assert body is not None
    found: list[Section] = []
    started = False
    for element in body:
        if element.tag != f"{W}p":
            continue
        kind = style(element) or ""
        if kind == "Heading1":
            started = text_of(element) == "Clause by clause"
        elif started and kind.startswith("Heading"):
            found.append(Section(text_of(element), int(kind[-1])))
        elif started and kind == "Label":
            found[-1].labels.append(text_of(element))
        elif started and kind == "ClauseText":
            found[-1].segments = tracked(element)
    return found


def expected(diff: PlanDiff, change: Change) -> list[tuple[str, str]]:
    """What a change's section must track: its word diff, with the characters XML cannot hold
    replaced; an unknown change's text plain (the known texts, when one was never published)."""
    out: list[tuple[str, str]] = []
    if change.relation == "unknown" and not change.segments:
        clauses = [diff.old.clause_index()[cid] for cid in change.old]
        clauses += [diff.new.clause_index()[cid] for cid in change.new]
        known = [clause.text for clause in clauses if clause.text is not None]
        add(out, "equal", clean_text("\n\n".join(known)))
    for segment in change.segments:
        op = "equal" if change.relation == "unknown" else segment.op
        add(out, op, clean_text(segment.text))
    return out


def assert_tracks_the_word_diff(diff: PlanDiff, data: bytes) -> None:
    found = sections(data)
    changes = list(diff.walk())
    assert len(found) == len(changes)  # one section per change, in the diff's order
    for section, change in zip(found, changes, strict=True):
        assert section.segments == expected(diff, change), section.heading
    marks = [
        *document(data).iter(f"{W}ins"),
        *document(data).iter(f"{W}del"),
    ]
    assert {(m.get(f"{W}author"), m.get(f"{W}date")) for m in marks} <= {
        ("planlens", w_datetime(diff.new.date))
    }
    ids = [m.get(f"{W}id") for m in marks]
    assert len(ids) == len(set(ids))
    tracked_count = sum(
        s.op != "equal" for c in changes if c.relation != "unknown" for s in c.segments
    )
    assert len(marks) == tracked_count


# -- the document -----------------------------------------------------------------------------


def test_tracked_changes_equal_the_word_diff() -> None:
    diff = report_diff()
    data = render_docx(redline(diff))
    assert_tracks_the_word_diff(diff, data)
    by_heading = {s.heading: s.segments for s in sections(data)}
    assert by_heading["3 → 4"] == [
        ("equal", "The armed forces of Party B are capped at "),
        ("delete", "600,000 "),
        ("insert", "800,000 "),
        ("equal", "personnel"),
        ("insert", " in peacetime"),
        ("equal", "."),
    ]
    # A split's clauses are joined with a blank line: two line breaks in the document.
    assert ("insert", ".\n\nAll ") in by_heading["5 → 5, 6"]
    assert by_heading["8 → —"] == [
        (
            "delete",
            "Sanctions against Party A will be lifted in stages as the agreement is implemented.",
        )
    ]


@pytest.mark.parametrize(
    ("old", "new"), [(old, new) for old, new in PAIRS], ids=[f"{o.id}--{n.id}" for o, n in PAIRS]
)
def test_shipped_pairs_track_the_word_diff(old: Plan, new: Plan) -> None:
    diff = compare(old, new, corpus=tuple(SHIPPED.values()))
    assert_tracks_the_word_diff(diff, render_docx(redline(diff)))


def test_unknown_clauses_are_shown_plain_with_a_note() -> None:
    diff = compare(SHIPPED["us-28"], SHIPPED["e3-28"])
    found = sections(render_docx(redline(diff)))
    notes = []
    for section, change in zip(found, diff.walk(), strict=True):
        if change.relation == "unknown":
            assert {op for op, _ in section.segments} == {"equal"}
            notes.append(section.labels[-1])
    assert (
        notes.count(
            "The other version says nothing about this clause: its text is shown as it is, not as "
            "a deletion or an insertion."
        )
        == 12
    )
    assert (
        "Never published: the text of new 13.b. The known text is shown as it is, not as a "
        "deletion or an insertion."
    ) in notes
    assert len(notes) == diff.summary()["unknown"] == 23


def test_summary_table_comes_first_with_every_relation() -> None:
    diff = report_diff()
    body = document(render_docx(redline(diff))).find(f"{W}body")
    assert body is not None
    elements = list(body)
    table = next(k for k, e in enumerate(elements) if e.tag == f"{W}tbl")
    first_section = next(k for k, e in enumerate(elements) if style(e) == "Heading2")
    assert table < first_section
    assert style(elements[0]) == "Title"
    rows = [
        [text_of(cell) for cell in row.iter(f"{W}tc")] for row in elements[table].iter(f"{W}tr")
    ]
    summary = diff.summary()
    assert rows == [
        ["Relation", "Changes", "Meaning"],
        *([relation, str(count), MEANINGS[relation]] for relation, count in summary.items()),
        ["total", str(sum(summary.values())), ""],
    ]
    assert rows[1:4] == [
        ["unchanged", "5", "the same words"],
        ["reworded", "1", "different words, same substance"],
        ["modified", "2", MEANINGS["modified"]],
    ]
    assert len([e for e in elements if e.tag == f"{W}tbl"]) == 1


def test_sections_follow_the_tree_and_label_moves() -> None:
    diff = report_diff()
    found = sections(render_docx(redline(diff)))
    depth: dict[int, int] = {}

    def visit(change: Change, level: int) -> None:
        depth[id(change)] = level
        for child in change.children:
            visit(child, level + 1)

    for change in diff.changes:
        visit(change, 0)
    moved = 0
    for section, change in zip(found, diff.walk(), strict=True):
        assert section.level == min(2 + depth[id(change)], 4)
        labels: list[str] = section.labels
        status = labels[0].split(", ")
        assert status[0] == change.relation
        assert ("moved" in status) == change.moved
        assert any(x.startswith("Moved: ") for x in labels) == change.moved
        assert ("renumbered" in status) == change.renumbered
        moved += change.moved
    assert moved == 1
    frozen = next(s for s in found if "Frozen assets" in str(s.heading))
    assert frozen.heading == "4 → 10: Frozen assets"
    assert frozen.labels[:2] == [
        "unchanged, moved, renumbered",
        "Moved: 4 of the old version is 10 of the new one, in another place among the clauses "
        "around it.",
    ]
    sub = next(s for s in found if s.heading == "9.a → 8.a")
    assert sub.level == 3


def test_flags_and_pairing_are_written() -> None:
    found = {s.heading: s.labels for s in sections(render_docx(redline(report_diff())))}
    assert found["3 → 4"] == [
        "modified, renumbered",
        "Paired by similar text in the same place, similarity 0.83 (runner-up 0.27).",
        "Changes of substance: number: 600,000 → 800,000; condition: (none) → in peacetime.",
    ]


def test_the_package_is_complete_and_deterministic() -> None:
    data = render_docx(redline(report_diff()))
    assert data == render_docx(redline(report_diff()))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        infos = archive.infolist()
        assert [i.filename for i in infos] == [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "docProps/core.xml",
        ]
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        for info in infos:
            ET.fromstring(archive.read(info))  # every part is well-formed XML
        core = archive.read("docProps/core.xml").decode()
    assert "<dc:title>Example settlement, first draft → Example settlement, second draft<" in core
    assert ">2025-11-20T00:00:00Z</dcterms:created>" in core


def test_bytes_do_not_depend_on_the_process(tmp_path: Path) -> None:
    """Two separate runs, with other hash seeds, time zones and umasks, write the same file."""
    outputs = []
    for k, zone in enumerate(("UTC", "Asia/Kolkata")):
        out = tmp_path / f"{k}.docx"
        env = {**os.environ, "PYTHONHASHSEED": str(k + 1), "TZ": zone}
        args = ["report", "report-v1", "report-v2", "--format", "docx", "-o", str(out)]
        command = [sys.executable, "-m", "planlens", "--plans", str(DATA / "report"), *args]
        subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == render_docx(redline(report_diff()))


# -- escaping ---------------------------------------------------------------------------------


def plan(plan_id: str, date: str, texts: list[str], title: str = "T") -> Plan:
    clauses = tuple(
        Clause(id=str(k + 1), number=str(k + 1), text=text) for k, text in enumerate(texts)
    )
    return Plan(
        id=plan_id,
        title=title,
        date=date,
        status="draft",
        completeness="full",
        sources=(Source("https://example.org"),),
        clauses=clauses,
    )


CONTROL = "a\x00b\x0bc\x1bd\re\x7ff\x85g\ud800h\ufffe"
HOSTILE_OLD = [
    "  Two  spaces,\ta tab & <b>markup</b> ]]> &amp; \"quotes\" 'here'\nand a new line.",
    f"Control characters: {CONTROL} end.",
    "The parties shall meet every month in Geneva to review progress.",
]
HOSTILE_NEW = [
    "  Two  spaces,\ttwo\ttabs & <i>markup</i> ]]> &lt; \"quotes\" 'here'\n\nand new lines.",
    f"Control characters: {CONTROL} \x01 end.",
    "The parties shall meet every second month in Vienna to review progress.",
]


def hostile_diff() -> PlanDiff:
    return compare(
        plan("h-1", "2025-11", HOSTILE_OLD, title="Old <&> \x00"),
        plan("h-2", "2025", HOSTILE_NEW, title="New \x1b"),
    )


def test_special_and_control_characters_make_a_valid_file() -> None:
    diff = hostile_diff()
    data = render_docx(redline(diff))
    assert_tracks_the_word_diff(diff, data)  # parses, and tracks the cleaned word diff
    text = "".join(text_of(p) for p in document(data).iter(f"{W}p"))
    assert "a␀b␋c␛d␍e␡f�g�h�" in text  # replaced visibly, not dropped
    assert "& <b" in text and ">markup</b" in text and "> ]]> &amp" in text  # as written
    assert "Comparison: Old <&> ␀ → New ␛" in text
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "<dc:title>Old &lt;&amp;&gt; ␀ → New ␛</dc:title>" in archive.read(
            "docProps/core.xml"
        ).decode("utf-8")
    marks = list(document(data).iter(f"{W}ins"))
    assert {m.get(f"{W}date") for m in marks} == {"2025-01-01T00:00:00Z"}  # a year alone


def test_hostile_plans_read_back() -> None:
    plans = {p.id: p for p in load_plans([DATA / "hostile"], closed=True)}
    diff = compare(plans["hostile-a"], plans["hostile-b"])
    data = render_docx(redline(diff))
    assert_tracks_the_word_diff(diff, data)
    assert "<script>" in "".join(text_of(p) for p in document(data).iter(f"{W}p"))


texts = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs", "Cc")),
    max_size=60,
)


@settings(max_examples=150)
@given(st.lists(texts, min_size=1, max_size=3), st.lists(texts, min_size=1, max_size=3))
def test_any_texts_read_back_as_their_word_diff(old: list[str], new: list[str]) -> None:
    old = [t for t in old if t.strip()] or ["x"]
    new = [t for t in new if t.strip()] or ["y"]
    diff = compare(plan("p-1", "2025-11-20", old), plan("p-2", "2025-11-21", new))
    assert_tracks_the_word_diff(diff, render_docx(redline(diff)))


# -- LibreOffice ------------------------------------------------------------------------------

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[PlanDiff, ET.Element]]:
    """Three redlines converted by one headless LibreOffice run to flat OpenDocument (.fodt)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        unavailable("soffice is not installed (scripts/install-libreoffice.sh installs it)")
    folder = tmp_path_factory.mktemp("libreoffice")
    diffs = {
        "report": report_diff(),
        "shipped": compare(SHIPPED["us-28"], SHIPPED["geneva-19"]),
        "hostile": hostile_diff(),
    }
    for name, diff in diffs.items():
        (folder / f"{name}.docx").write_bytes(render_docx(redline(diff)))
    command = [
        soffice,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "fodt",
        "--outdir",
        str(folder),
        *(str(folder / f"{name}.docx") for name in diffs),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    return {
        name: (diff, ET.parse(folder / f"{name}.fodt").getroot()) for name, diff in diffs.items()
    }


def odf_sections(
    root: ET.Element,
) -> tuple[dict[str, tuple[str, str, str]], list[list[tuple[str, str]]]]:
    """The tracked changes LibreOffice lists (id -> kind, author, date), and each section's
    clause text as segments rebuilt from the change marks in the body."""
    regions: dict[str, tuple[str, str, str]] = {}
    deleted: dict[str, str] = {}
    for region in root.iter(f"{TEXT}changed-region"):
        kind = region[0]
        info = kind.find(f"{OFFICE}change-info")
        assert info is not None
        key = region.get(f"{TEXT}id") or ""
        regions[key] = (
            kind.tag.removeprefix(TEXT),
            info.findtext(f"{DC}creator") or "",
            info.findtext(f"{DC}date") or "",
        )
        # Older LibreOffice keeps deleted text in the region, marked by <text:change/>.
        deleted[key] = "\n".join(odf_text(p) for p in kind.iter(f"{TEXT}p"))
    parents = {
        s.get(f"{STYLE}name"): s.get(f"{STYLE}parent-style-name")
        for s in root.iter(f"{STYLE}style")
    }
    text_body = root.find(f"{OFFICE}body/{OFFICE}text")
    assert text_body is not None
    found: list[list[tuple[str, str]]] = []
    started = False
    for element in text_body:
        if element.tag == f"{TEXT}h":
            level = int(element.get(f"{TEXT}outline-level") or 0)
            started = started or odf_text(element) == "Clause by clause"
            if started and level >= 2:
                found.append([])
        elif started and element.tag == f"{TEXT}p":
            name = element.get(f"{TEXT}style-name")
            if "Clause_20_text" in (name, parents.get(name)):
                found[-1] = odf_segments(element, regions, deleted)
    return regions, found


def odf_text(element: ET.Element) -> str:
    return "".join(text for _, text in odf_segments(element, {}, {}))


def odf_segments(
    paragraph: ET.Element, regions: dict[str, tuple[str, str, str]], deleted: dict[str, str]
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    op = ["equal"]

    def walk(element: ET.Element) -> None:
        add(out, op[0], element.text or "")
        for child in element:
            tag = child.tag.removeprefix(TEXT)
            key = child.get(f"{TEXT}change-id") or ""
            if tag == "change-start":
                op[0] = "delete" if regions[key][0] == "deletion" else "insert"
            elif tag == "change-end":
                op[0] = "equal"
            elif tag == "change":
                add(out, "delete", deleted[key])
            elif tag == "line-break":
                add(out, op[0], "\n")
            elif tag == "tab":
                add(out, op[0], "\t")
            elif tag == "s":
                add(out, op[0], " " * int(child.get(f"{TEXT}c") or 1))
            elif tag == "span":
                walk(child)
            add(out, op[0], child.tail or "")

    walk(paragraph)
    return out


@pytest.mark.parametrize("name", ["report", "shipped", "hostile"])
def test_libreoffice_lists_the_tracked_changes(
    converted: dict[str, tuple[PlanDiff, ET.Element]], name: str
) -> None:
    diff, root = converted[name]
    regions, found = odf_sections(root)
    changes = list(diff.walk())
    assert len(found) == len(changes)
    for segments, change in zip(found, changes, strict=True):
        assert segments == expected(diff, change)
    tracked_count = sum(
        s.op != "equal" for c in changes if c.relation != "unknown" for s in c.segments
    )
    assert len(regions) == tracked_count > 0
    date = w_datetime(diff.new.date)[:10]
    assert {(author, day[:10]) for _, author, day in regions.values()} == {("planlens", date)}
    assert {kind for kind, _, _ in regions.values()} == {"insertion", "deletion"}


# -- the command line -------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--plans", str(DATA / "report"), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_cli_writes_the_redline_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    args = ("report", "report-v1", "report-v2", "--format", "docx", "-o", str(out))
    assert run(*args) == (0, "", f"wrote {out}\n")
    data = out.read_bytes()
    assert data == render_docx(redline(report_diff()))
    out.write_bytes(b"kept")
    assert run(*args) == (
        1,
        "",
        f"planlens: error: {out}: file exists; use --force to overwrite it\n",
    )
    assert out.read_bytes() == b"kept"
    assert run(*args, "--force") == (0, "", f"wrote {out}\n")
    assert out.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["redline.docx"]  # no temporary left


def test_cli_default_name_and_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("report", "report-v1", "report-v2", "--format", "docx") == (
        0,
        "",
        "wrote report-v1--report-v2.docx\n",
    )
    assert zipfile.is_zipfile(tmp_path / "report-v1--report-v2.docx")
    assert run("report", "report-v1", "report-v2") == (0, "", "wrote report-v1--report-v2.html\n")
    assert (tmp_path / "report-v1--report-v2.html").read_text().startswith("<!DOCTYPE html>")


def test_cli_refuses_an_input_and_an_unknown_format(tmp_path: Path) -> None:
    source = DATA / "report" / "report-v1.yaml"
    before = source.read_bytes()
    code, out, err = run(
        "report", "report-v1", "report-v2", "--format", "docx", "-o", str(source), "--force"
    )
    assert (code, out, err) == (
        1,
        "",
        f"planlens: error: {source}: refusing to overwrite an input file\n",
    )
    assert source.read_bytes() == before
    code, out, err = run("report", "report-v1", "report-v2", "--format", "pdf")
    assert (code, out) == (2, "")
    assert "'pdf' is not one of 'html', 'docx'" in err
