"""Hints for clauses left unlinked (`planlens.compare.perhaps`): where a removed clause likeliest
went, where an added one likeliest came from; never a link."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from test_compare import clause, plan, plans

from planlens.cli import cli
from planlens.compare import compare
from planlens.compare.align import align, align_with_hints
from planlens.compare.diff import _TreeBuilder
from planlens.compare.key_changes import key_changes
from planlens.compare.learned import LINK_MIN
from planlens.compare.model import PlanDiff
from planlens.compare.perhaps import PERHAPS_MIN, Hints
from planlens.compare.units import Vocabulary, flatten
from planlens.lineage import lineage, lineage_to_data
from planlens.plan.load import load_plan
from planlens.plan.model import ClauseRef, Plan
from planlens.render import redline

GOLD_PLANS = Path(__file__).resolve().parents[1] / "bench" / "gold" / "plans"
#: Apache 1.1 -> 2.0: the licence rewritten and regrouped; § 3 of 1.1 (the acknowledgment in
#: the end-user documentation) became § 4.d of 2.0 in other words, which the aligner does not
#: link (bench/gold/apache-1.1--apache-2.0.yaml has the link).
OLD, NEW = GOLD_PLANS / "apache-1.1.yaml", GOLD_PLANS / "apache-2.0.yaml"


def hints(diff: PlanDiff) -> dict[tuple[str, str], tuple[str, str, float]]:
    """Return each hint by its change's clause, ("old", id) or ("new", id): (relation, hinted
    id, likelihood)."""
    return {
        ("old", change.old[0]) if change.old else ("new", change.new[0]): (
            change.relation,
            p.id,
            p.likelihood,
        )
        for change in diff.walk()
        for p in change.perhaps
    }


def links(diff: PlanDiff) -> set[tuple[str, str]]:
    return {(o, n) for change in diff.walk() for o in change.old for n in change.new}


def test_a_rewritten_clause_left_unlinked_is_hinted_both_ways() -> None:
    diff = compare(load_plan(OLD), load_plan(NEW))
    found = hints(diff)
    relation, hinted, likelihood = found["old", "3"]
    assert (relation, hinted) == ("removed", "4.d")
    assert PERHAPS_MIN <= likelihood < LINK_MIN
    assert found["new", "4.d"] == ("added", "3", likelihood)
    # A hint is no link: the pair is not reported, and nothing linked carries a hint.
    assert ("3", "4.d") not in links(diff)
    for change in diff.walk():
        assert not change.perhaps or change.relation in ("removed", "added")


def test_hints_change_no_link() -> None:
    old, new = load_plan(OLD), load_plan(NEW)
    vocabulary = Vocabulary()
    old_units, new_units = flatten(old, vocabulary), flatten(new, vocabulary)
    with_hints, found = align_with_hints(old_units, new_units, {})
    assert [(k.old, k.new) for k in with_hints] == [
        (k.old, k.new) for k in align(old_units, new_units, {})
    ]
    assert found.old and found.new
    for i, (j, _) in found.old.items():
        assert all(i not in k.old for k in with_hints)
        assert 0 <= j < len(new_units)


@given(plans("a"), plans("b"))
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_every_hint_is_on_an_unlinked_clause_and_names_a_clause_of_the_other_plan(
    old: Plan, new: Plan
) -> None:
    diff = compare(old, new)
    old_ids, new_ids = {c.id for c in old.walk()}, {c.id for c in new.walk()}
    for change in diff.walk():
        for p in change.perhaps:
            assert change.relation in ("removed", "added")
            assert p.id in (new_ids if change.relation == "removed" else old_ids)
            assert PERHAPS_MIN <= p.likelihood < LINK_MIN
        assert len(change.perhaps) <= 1


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_format_gives_the_hint() -> None:
    code, out, err = run("diff", str(OLD), str(NEW), "--no-color")
    assert (code, err) == (0, "")
    assert re.search(r"^- 3 -> -  \[removed, perhaps now 4\.d\? likelihood 0\.\d+\]$", out, re.M)
    assert re.search(r"^  \+ - -> 4\.d  \[added, perhaps from 3\? likelihood 0\.\d+\]$", out, re.M)

    code, out, err = run("diff", str(OLD), str(NEW), "--format", "json")
    assert (code, err) == (0, "")
    changes = json.loads(out)["changes"]
    every = [c for top in changes for c in [top, *top["children"]]]
    removed = next(c for c in every if c["old"] == ["3"])
    assert [p["id"] for p in removed["perhaps"]] == ["4.d"]
    assert all(isinstance(c["perhaps"], list) for c in every)
    assert all(not c["perhaps"] for c in every if c["relation"] not in ("removed", "added"))

    code, out, err = run("diff", str(OLD), str(NEW), "--format", "csv")
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    row = next(r for r in rows if r["old_id"] == "3")
    assert re.fullmatch(r"4\.d \(0\.\d+\)", row["perhaps"])
    assert all(not r["perhaps"] for r in rows if r["relation"] not in ("removed", "added"))

    code, out, err = run("diff", str(OLD), str(NEW), "--format", "markdown")
    assert (code, err) == (0, "")
    hint = r"\(removed, perhaps now 4\\?\.d\? likelihood 0\\?\.\d+\)"
    assert re.search(rf"^#+ 3 → — {hint}$", out, re.M)


class _Links(HTMLParser):
    """The ids of a page, and the targets of the links inside its hints."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.targets: list[str] = []
        self._in_hint = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "p" and a.get("class") == "perhaps":
            self._in_hint += 1
        elif tag == "a" and self._in_hint:
            self.targets.append(a.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self._in_hint:
            self._in_hint -= 1


def test_the_report_links_each_hint_to_the_row_of_its_clause(tmp_path: Path) -> None:
    out = tmp_path / "apache.html"
    code, stdout, err = run("report", str(OLD), str(NEW), "-o", str(out))
    assert (code, stdout, err) == (0, "", f"wrote {out}\n")
    page = _Links()
    page.feed(out.read_text("utf-8"))
    assert "#new-4.d" in page.targets and "#old-3" in page.targets
    for target in page.targets:
        assert target.startswith("#") and target[1:] in page.ids


class _ToCheck(HTMLParser):
    """The ids of a page, and the links of its "To check by eye" list, by item: the first
    words of the item, and its links (text, href)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.items: list[tuple[str, list[tuple[str, str]]]] = []
        self._depth = 0
        self._href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "div" and a.get("class") == "to-check":
            self._depth = 1
        elif tag == "div" and self._depth:
            self._depth += 1
        elif tag == "li" and self._depth:
            self.items.append(("", []))
        elif tag == "a" and self._depth:
            self._href = a.get("href") or ""

    def handle_data(self, data: str) -> None:
        if self._href:
            self.items[-1][1].append((data, self._href))
            self._href = ""
        elif self._depth and self.items and not self.items[-1][0]:
            self.items[-1] = (data, self.items[-1][1])

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._depth:
            self._depth -= 1


def test_the_summaries_say_what_to_check(tmp_path: Path) -> None:
    diff = compare(load_plan(OLD), load_plan(NEW))
    counts = diff.to_check()
    changes = list(diff.walk())
    assert counts == {
        "check this": sum(c.check for c in changes),
        "perhaps": sum(bool(c.perhaps) for c in changes),
    }
    hinted = counts["perhaps"]
    assert hinted >= 2  # 3 -> 4.d both ways at least

    code, out, err = run("diff", str(OLD), str(NEW), "--no-color")
    assert (code, err) == (0, "")
    line = out.splitlines()[2]
    assert line.startswith("to check: ") and f'{hinted} hints ("perhaps")' in line
    assert out.count("perhaps now") + out.count("perhaps from") == hinted

    code, out, err = run("diff", str(OLD), str(NEW), "--format", "markdown")
    assert (code, err) == (0, "")
    assert re.search(rf'^To check: .*{hinted} hints \("perhaps"\)\.$', out, re.M)

    page = tmp_path / "apache.html"
    assert run("report", str(OLD), str(NEW), "-o", str(page))[0] == 0
    found = _ToCheck()
    found.feed(page.read_text("utf-8"))
    items = dict(found.items)
    checks = next((v for k, v in items.items() if k.endswith(" marked ")), [])
    hints = next(v for k, v in items.items() if "left unlinked" in k)
    assert len(items) == (counts["check this"] > 0) + 1
    assert len(checks) == min(counts["check this"], 10)
    assert len(hints) == min(hinted, 10)
    assert ("3 → 4.d?", "#old-3") in hints and ("3? → 4.d", "#new-4.d") in hints
    for _, href in checks + hints:
        assert href.startswith("#") and href[1:] in found.ids


def test_a_comparison_with_nothing_to_check_says_nothing_of_it(tmp_path: Path) -> None:
    old = plan("a", clause("1", "The parties shall meet every month in Geneva."))
    diff = compare(old, old)
    assert diff.to_check() == {"check this": 0, "perhaps": 0}
    path = Path(__file__).parent / "data" / "good" / "base-v1.yaml"
    code, out, err = run("diff", str(path), str(path))
    assert (code, err) == (0, "")
    assert "to check" not in out
    page = tmp_path / "a.html"
    assert run("report", str(path), str(path), "-o", str(page))[0] == 0
    assert 'class="to-check"' not in page.read_text("utf-8")


def test_key_changes_and_the_word_redline_give_the_hint() -> None:
    diff = compare(load_plan(OLD), load_plan(NEW))
    said = {(k.old_ids, k.new_ids): k.text for k in key_changes(diff)}
    became = r"Perhaps it became 4\.d in other words \(likelihood 0\.\d+: check\)\.$"
    assert re.search(became, said[("3",), ()])
    assert re.search(r"Perhaps it came from 3 in other words", said[(), ("4.d",)])
    labels = {s.heading.split(" → ")[0]: s.labels for s in redline(diff).sections}
    assert any(label.startswith("perhaps now 4.d? likelihood 0.") for label in labels["3"])


def test_the_lineage_keeps_the_hints_of_its_comparisons() -> None:
    old, new = load_plan(OLD), load_plan(NEW)
    lin = lineage([old, new])
    family = lin.families[lin.members[ClauseRef("apache-1.1", "3")]]
    step = family.step("apache-2.0")
    assert step.state == "removed"
    [(form, other, likelihood)] = step.perhaps
    assert (form, other) == (ClauseRef("apache-1.1", "3"), ClauseRef("apache-2.0", "4.d"))
    assert PERHAPS_MIN <= likelihood < LINK_MIN
    added = lin.families[lin.members[ClauseRef("apache-2.0", "4.d")]].step("apache-2.0")
    assert added.state == "added"
    assert added.perhaps == (
        (ClauseRef("apache-2.0", "4.d"), ClauseRef("apache-1.1", "3"), likelihood),
    )
    data = lineage_to_data(lin)
    steps = [s for f in data["families"] for s in f["steps"] if s["perhaps"]]
    assert {"form": "apache-1.1#3", "counterpart": "apache-2.0#4.d", "likelihood": likelihood} in [
        p for s in steps for p in s["perhaps"]
    ]
    # Every hint of the lineage is one its comparison gives.
    given = hints(compare(old, new))
    for f in lin.families:
        for s in f.steps:
            for form, other, p in s.perhaps:
                side, relation = (
                    ("old", "removed") if form.plan == "apache-1.1" else ("new", "added")
                )
                assert given[side, form.clause] == (relation, other.clause, p)


def test_the_lineage_text_and_markdown_give_the_hints() -> None:
    code, out, err = run("lineage", str(OLD), str(NEW))
    assert (code, err) == (0, "")
    assert re.search(
        r"^      perhaps apache-1\.1#3 is now apache-2\.0#4\.d\? likelihood 0\.\d+$", out, re.M
    )
    assert re.search(r"^      perhaps apache-2\.0#4\.d came from apache-1\.1#3\? ", out, re.M)
    code, out, err = run("lineage", str(OLD), str(NEW), "--format", "markdown")
    assert (code, err) == (0, "")
    assert re.search(r"^  - perhaps apache-1\.1\\#3 is now apache-2\.0\\#4\.d\? ", out, re.M)


def test_the_lineage_csv_gives_the_hints_in_its_last_column() -> None:
    code, out, err = run("lineage", str(OLD), str(NEW), "--format", "csv")
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert list(rows[0])[-1] == "perhaps"
    hinted = {row["family"]: row["perhaps"] for row in rows if row["perhaps"]}
    assert re.fullmatch(
        r"apache-2\.0: apache-1\.1#3 is now apache-2\.0#4\.d\? likelihood 0\.\d+",
        hinted["apache-1.1#3"],
    )
    assert re.fullmatch(
        r"apache-2\.0: apache-2\.0#4\.d came from apache-1\.1#3\? likelihood 0\.\d+",
        hinted["apache-2.0#4.d"],
    )
    # One hint per form the lineage gives, none made up.
    lin = lineage([load_plan(OLD), load_plan(NEW)])
    count = sum(len(s.perhaps) for f in lin.families for s in f.steps)
    assert sum(len(cell.split("; ")) for cell in hinted.values()) == count > 0


def test_a_hint_shows_its_likelihood_rounded_down() -> None:
    # Found by the property above: 0.8951 rounded to 0.9 read as if the hint reached the
    # learned pass's threshold. Shown rounded down, a hint stays below it.
    old = plan("a", clause("1", "The parties shall meet every month in Geneva."))
    new = plan("b", clause("1", "Talks are to take place monthly in Switzerland."))
    vocabulary = Vocabulary()
    old_units, new_units = flatten(old, vocabulary), flatten(new, vocabulary)
    hints = Hints({0: (0, 0.8951)}, {0: (0, 0.8951)})
    changes = _TreeBuilder(old, new, old_units, new_units, [], hints).build()
    shown = {(c.relation, p.id, p.likelihood) for c in changes for p in c.perhaps}
    assert shown == {("removed", "1", 0.89), ("added", "1", 0.89)}
    low = _TreeBuilder(old, new, old_units, new_units, [], Hints({0: (0, 0.3)}, {})).build()
    assert [p.likelihood for c in low for p in c.perhaps] == [0.3]
