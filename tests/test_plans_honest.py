"""The shipped corpus (plans/) keeps to the project's standard for honest data.

Readers trust the plans, so the checks here are about the data, not the code: every plan is valid
and warning-free, every source says when it was published and when it was read and what it
supports, every clause either has text or is openly unknown, every doubt is explained, and every
figure in a clause text can be traced to a note: the clause's own notes or the note of a source
the plan cites. A figure that nobody wrote down anywhere is a figure nobody checked, so a made-up
one fails (see the last tests).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator

import pytest
from conftest import PLANS
from hypothesis import assume, given
from hypothesis import strategies as st

from planlens.plan import Clause, Plan, Source, load_plans, validate_plans

# Digits, with the separators a figure is written with ("600,000", "1.5"); "50:50", "5–40",
# "00:00" and "US$100" give their parts, so each part must be found on its own.
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def figures(text: str) -> set[str]:
    """Return the figures written in `text`, without thousands separators.

    >>> sorted(figures("US$100 billion, 600,000 troops, 50:50, 5–40 km, Article 5, G8"))
    ['100', '40', '5', '50', '600000', '8']
    """
    return {match.replace(",", "") for match in FIGURE.findall(text)}


@pytest.fixture(scope="module")
def corpus() -> tuple[Plan, ...]:
    return load_plans([PLANS], closed=True)


def walk(clauses: tuple[Clause, ...]) -> Iterator[Clause]:
    for clause in clauses:
        yield clause
        yield from walk(clause.clauses)


def all_sources(plan: Plan) -> Iterator[tuple[str, Source]]:
    for source in plan.sources:
        yield "the plan", source
    for clause in walk(plan.clauses):
        for source in clause.sources:
            yield f"clause {clause.id}", source
    for dropped in plan.dropped:
        if dropped.source is not None:
            yield f"dropped {dropped.clause}", dropped.source


def evidence(plan: Plan, clause: Clause) -> set[str]:
    """The figures that the clause's notes and the notes and titles of its plan's sources give."""
    texts = [clause.notes or ""]
    for source in (*clause.sources, *plan.sources):
        texts += [source.note or "", source.title or ""]
    return set().union(*(figures(text) for text in texts))


def unbacked_figures(plans: tuple[Plan, ...]) -> list[tuple[str, str, str]]:
    """(plan, clause, figure) for every figure in a clause text that no note backs."""
    found = []
    for plan in plans:
        for clause in walk(plan.clauses):
            missing = figures(clause.text or "") - evidence(plan, clause)
            found += [(plan.id, clause.id, figure) for figure in sorted(missing)]
    return found


#: Documents of their own, which revise no other plan here and which none revises: they say so
#: (`standalone: true`), so validate has nothing to warn about them.
STANDALONE = {
    "peace-formula",
    "china-12",
    "ukraine-memo-2025",
    "russia-memo-2025",
    "europe-12",
    "us-28-annex",
}


def test_the_corpus_validates_without_warnings() -> None:
    checked = validate_plans([PLANS], closed=True)
    assert len(checked.plans) >= 9
    assert [str(w) for w in checked.warnings] == []
    assert {plan.id for plan in checked.plans if plan.standalone} == STANDALONE


def test_every_source_is_dated_read_and_explained(corpus: tuple[Plan, ...]) -> None:
    today = dt.date.today().isoformat()
    for plan in corpus:
        for where, source in all_sources(plan):
            what = f"{plan.id}, {where}: {source.url}"
            assert source.date and source.accessed, f"{what}: needs 'date' and 'accessed'"
            # Partial dates (YYYY-MM) compare correctly as prefixes of full ones.
            assert source.date <= source.accessed <= today, f"{what}: dates out of order"
            assert source.note and len(source.note) > 20, f"{what}: say what it supports"


def test_primary_sources_are_cited_where_the_corpus_has_them(corpus: tuple[Plan, ...]) -> None:
    by_id = {plan.id: plan for plan in corpus}
    urls = {plan_id: " ".join(s.url for _, s in all_sources(p)) for plan_id, p in by_id.items()}
    assert "mfa.gov.ua" in urls["minsk-1"]  # the Ukrainian foreign ministry's text
    assert "peaceagreements.org" in urls["minsk-2"]  # the signed text, in PA-X


def test_text_is_present_unless_unknown_and_doubts_are_explained(
    corpus: tuple[Plan, ...],
) -> None:
    for plan in corpus:
        for clause in walk(plan.clauses):
            what = f"{plan.id}#{clause.id}"
            if clause.status == "unknown":
                assert clause.text is None, what
            else:
                assert clause.text and clause.text.strip(), f"{what}: empty text"
            if clause.status != "reported":
                assert clause.notes, f"{what}: status {clause.status} needs notes saying why"


def test_every_figure_in_a_clause_is_backed_by_a_note(corpus: tuple[Plan, ...]) -> None:
    assert unbacked_figures(corpus) == []


def test_a_made_up_figure_is_caught(corpus: tuple[Plan, ...]) -> None:
    us28 = next(plan for plan in corpus if plan.id == "us-28")
    (army,) = (clause for clause in us28.clauses if clause.id == "6")
    assert army.text == "Ukraine's armed forces will be capped at 600,000 personnel."
    planted = dataclasses.replace(army, text=army.text.replace("600,000", "650,000"))
    clauses = tuple(planted if clause.id == "6" else clause for clause in us28.clauses)
    assert unbacked_figures((dataclasses.replace(us28, clauses=clauses),)) == [
        ("us-28", "6", "650000")
    ]


@given(st.integers(min_value=11, max_value=10**9))
def test_any_planted_figure_is_caught(corpus: tuple[Plan, ...], number: int) -> None:
    minsk = next(plan for plan in corpus if plan.id == "minsk-2")
    first = minsk.clauses[0]
    assume(str(number) not in evidence(minsk, first))
    planted = dataclasses.replace(first, text=f"{first.text} Within {number:,} hours.")
    plan = dataclasses.replace(minsk, clauses=(planted, *minsk.clauses[1:]))
    assert unbacked_figures((plan,)) == [("minsk-2", "1", str(number))]
