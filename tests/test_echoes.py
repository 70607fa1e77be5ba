"""Echoes: clauses worded alike in plans outside a plan's lineage (library, CLI and site)."""

from __future__ import annotations

import json
import math
import random
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PLANS
from hypothesis import given, settings
from hypothesis import strategies as st
from test_report import parse_html

from planlens.cli import cli
from planlens.compare.similarity import Weights, words
from planlens.compare.stemming import stemmer
from planlens.errors import PlanlensError
from planlens.lineage import (
    ECHOES_SCHEMA,
    Echo,
    Echoes,
    EchoIndex,
    corpus_echoes,
    echoes,
    echoes_markdown,
    echoes_text,
    echoes_to_data,
    lineage_groups,
)
from planlens.lineage.echoes import (
    DISTINCTIVE_SHARE,
    MIN_SCORE,
    PER_PLAN,
    POSTINGS_CAP,
    POSTINGS_FLOOR,
)
from planlens.plan.load import load_plans
from planlens.plan.model import Clause, Plan
from planlens.site import build_site

STOCK = "The parties shall cooperate in good faith."


def make_plan(
    pid: str, *texts: str | None, follows: tuple[str, ...] = (), date: str = "2020-01-01"
) -> Plan:
    clauses = tuple(
        Clause(str(k), text, number=str(k), status="unknown" if text is None else "reported")
        for k, text in enumerate(texts, 1)
    )
    return Plan(pid, f"Plan {pid}", date, "draft", "full", (), clauses, language="en",
                follows=follows)  # fmt: skip


def corpus() -> list[Plan]:
    """Two versions of one agreement, a third that revises the first, and two other documents.

    The stock sentence is in six clauses, more than `POSTINGS_FLOOR`: none of its words is
    distinctive in this corpus.
    """
    return [
        make_plan(
            "alpha-1",
            STOCK,
            "All prisoners will be exchanged on an all-for-all basis within thirty days.",
            "The grain corridor across the Black Sea stays open to merchant shipping.",
        ),
        make_plan(
            "alpha-2",
            STOCK,
            "All prisoners will be exchanged on an all-for-all basis within sixty days.",
            "The parties shall hold elections under international observation.",
            follows=("alpha-1",),
            date="2020-06-01",
        ),
        make_plan(
            "alpha-3",
            STOCK,
            "Fishing quotas in the northern lakes are halved.",
            follows=("alpha-1",),
            date="2020-07-01",
        ),
        make_plan(
            "beta",
            STOCK,
            "Prisoners of war are exchanged on an all-for-all basis.",
            "The parties shall rebuild the damaged hospitals.",
            None,
            date="2021-01-01",
        ),
        make_plan(
            "gamma",
            STOCK,
            "The parties shall protect the historic monasteries.",
            STOCK,
            "Merchant shipping of grain across the Black Sea is guaranteed.",
            date="2022-01-01",
        ),
    ]


def by_id(plans: list[Plan]) -> dict[str, Plan]:
    return {p.id: p for p in plans}


# -- the library ---------------------------------------------------------------------------


def test_an_echo_is_found_across_lineages() -> None:
    plans = corpus()
    result = echoes(by_id(plans)["beta"], plans)
    assert result.lineage == ()
    assert [p.id for p in result.searched] == ["alpha-1", "alpha-2", "alpha-3", "gamma"]
    found = result.of("2")
    assert [(e.plan, e.clause) for e in found] == [("alpha-1", "2"), ("alpha-2", "2")]
    assert found[0].score == found[1].score >= MIN_SCORE
    # Word stems: beta's "Prisoners ... exchanged" meets alpha's "prisoners will be exchanged";
    # the words are as beta spells them (case-folded).
    assert {"prisoners", "exchanged", "basis"} <= set(found[0].words)
    assert result.count == 2 and result.of("1") == result.of("4") == ()
    # And the other way: alpha-1's point 2 echoes beta's, its grain point gamma's.
    alpha = echoes(by_id(plans)["alpha-1"], plans)
    assert alpha.lineage == ("alpha-2", "alpha-3")
    assert [str(e.ref) for e in alpha.of("2")] == ["beta#2"]
    assert [str(e.ref) for e in alpha.of("3")] == ["gamma#4"]


def test_no_echo_within_a_lineage() -> None:
    plans = corpus()
    # alpha-2 has alpha-1's point 2 nearly word for word, and alpha-3 is its sibling: neither
    # is searched, only the other documents.
    result = echoes(by_id(plans)["alpha-2"], plans)
    assert result.lineage == ("alpha-1", "alpha-3")
    assert {p.id for p in result.searched} == {"beta", "gamma"}
    assert all(e.plan in ("beta", "gamma") for item in result.clauses for e in item.echoes)
    assert [str(e.ref) for e in result.of("2")] == ["beta#2"]


def test_a_plan_following_an_absent_plan_shares_its_lineage() -> None:
    plans = corpus()
    draft = make_plan(
        "alpha-4",
        "All prisoners will be exchanged on an all-for-all basis at once.",
        follows=("alpha-0",),
    )
    sibling = make_plan("alpha-5", "Black Sea grain shipping stays open.", follows=("alpha-0",))
    result = echoes(draft, [*plans, sibling])
    assert result.lineage == ("alpha-5",)
    assert lineage_groups([draft, sibling, *plans])["alpha-5"] == "alpha-0"


def test_a_stock_phrase_alone_is_no_echo() -> None:
    plans = corpus()
    gamma = echoes(by_id(plans)["gamma"], plans)
    # Word for word the same as a clause of every other plan, and so a score of 1: but every
    # word of it is in six clauses, so none is distinctive, and it is no echo.
    index = EchoIndex(plans)
    i, j = index.where["gamma", "1"], index.where["beta", "1"]
    assert index.score(i, j) == 1.0
    assert not any(index.distinctive(s) for s in index.docs[i])
    assert gamma.of("1") == gamma.of("3") == ()
    # "The parties shall" plus other words: no echo either.
    assert gamma.of("2") == ()
    assert echoes(by_id(plans)["beta"], plans).of("3") == ()


def test_words_meet_by_their_stems() -> None:
    x = make_plan("x", "Prisoner exchanges happen monthly.")
    y = make_plan("y", "The prisoners are exchanged every month.", "Fishing quotas are halved.")
    (echo,) = echoes(x, [y]).of("1")
    assert str(echo.ref) == "y#1" and echo.words == ("exchanges", "monthly", "prisoner")


def test_settings_keep_the_best_per_plan_above_the_least_score() -> None:
    x = make_plan("x", "Grain ships sail freely across the Black Sea.")
    y = make_plan(
        "y",
        "Fishing quotas are halved.",
        "Grain ships sail freely across the Black Sea in summer.",
        "Grain ships sail freely across the Black Sea in winter.",
        "Grain ships sail freely across the Black Sea all year.",
    )
    # Two per plan by default; equal scores are in document order.
    two = echoes(x, [y]).of("1")
    assert [str(e.ref) for e in two] == ["y#2", "y#3"] and two[0].score == two[1].score
    one = echoes(x, [y], per_plan=1)
    assert [str(e.ref) for e in one.of("1")] == ["y#2"] and one.per_plan == 1
    plans = corpus()
    beta = by_id(plans)["beta"]
    score = echoes(beta, plans).of("2")[0].score
    assert echoes(beta, plans, min_score=score).count == 2
    assert echoes(beta, plans, min_score=math.nextafter(score, 1.0)).count == 0


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"per_plan": 0}, "per_plan must be at least 1, not 0"),
        ({"min_score": 1.5}, "min_score must be between 0 and 1, not 1.5"),
    ],
)
def test_bad_settings(options: dict[str, float], message: str) -> None:
    plans = corpus()
    with pytest.raises(PlanlensError, match=message):
        echoes(plans[0], plans, **options)  # type: ignore[arg-type]


def test_a_plan_given_twice_in_the_corpus_is_refused() -> None:
    plans = corpus()
    with pytest.raises(PlanlensError, match="plan 'beta' is given twice"):
        echoes(plans[0], [*plans, by_id(plans)["beta"]])


def test_the_plan_replaces_its_own_copy_in_the_corpus() -> None:
    plans = corpus()
    edited = make_plan("beta", "Fishing quotas in the northern lakes are halved again.")
    result = echoes(edited, plans)
    assert result.plan is edited and "beta" not in [p.id for p in result.searched]
    assert [str(e.ref) for e in result.of("1")] == ["alpha-3#2"]


def test_clauses_without_text_are_listed_without_echoes() -> None:
    plans = corpus()
    result = echoes(by_id(plans)["beta"], plans)
    assert [item.clause for item in result.clauses] == ["1", "2", "3", "4"]
    assert result.of("4") == () and result.of("no-such-clause") == ()


def test_corpus_echoes_agree_with_echoes_of_each_plan() -> None:
    plans = corpus()
    every = corpus_echoes(plans)
    assert list(every) == ["alpha-1", "alpha-2", "alpha-3", "beta", "gamma"]
    for plan in plans:
        assert every[plan.id] == echoes(plan, plans)


def test_shipped_plans_echo_across_documents() -> None:
    plans = load_plans([PLANS], closed=True)
    us = corpus_echoes(plans)["us-28"]
    assert us.lineage == ("e3-28", "geneva-19", "framework-20")
    # The plans are each written in our own words, so echoes are what survives paraphrase: the
    # Zaporizhzhia plant under the IAEA, and prisoner exchanges.
    assert [str(e.ref) for e in us.of("19")] == [
        "peace-formula#1",
        "china-12#7",
        "europe-12#zaporizhzhia-npp",
    ]
    assert [str(e.ref) for e in us.of("24.a")] == ["ukraine-memo-2025#IV", "china-12#6"]
    # Points with no counterpart elsewhere (the army cap) have none; so do most points. Writing
    # NATO non-membership into the constitution echoes the 2022 draft's constitutional neutrality.
    assert us.of("6") == ()
    assert str(us.of("7")[0].ref) == "istanbul-2022-draft#1.1"
    assert 3 <= sum(1 for item in us.clauses if item.echoes) <= 15


# -- properties ----------------------------------------------------------------------------

VOCABULARY = (
    "the",
    "parties",
    "shall",
    "cooperate",
    "prisoners",
    "exchange",
    "grain",
    "black",
    "sea",
    "shipping",
    "elections",
    "observers",
    "hospitals",
    "monasteries",
    "fishing",
    "quotas",
    "lakes",
    "nuclear",
    "plant",
    "safety",
    "border",
)


@st.composite
def corpora(draw: st.DrawFn) -> list[Plan]:
    """Random small corpora: clauses of words from a small vocabulary, random `follows`."""
    count = draw(st.integers(2, 6))
    plans = []
    for k in range(count):
        texts = draw(
            st.lists(
                st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8).map(" ".join),
                min_size=1,
                max_size=5,
            )
        )
        follows = draw(st.lists(st.integers(0, k - 1), max_size=2)) if k else []
        plans.append(
            make_plan(
                f"p{k}",
                *texts,
                follows=tuple(f"p{f}" for f in follows),
                date=f"2020-01-{k + 1:02d}",
            )
        )
    return plans


Row = tuple[str, str, float]


def brute_force(plans: list[Plan], per_plan: int, min_score: float) -> dict[str, list[list[Row]]]:
    """The definition of echoes, written out over every pair of clauses: no index, no cap."""
    # Lineages by a search over follows links taken both ways, including absent plans.
    links: dict[str, set[str]] = defaultdict(set)
    for plan in plans:
        for other in plan.follows:
            links[plan.id].add(other)
            links[other].add(plan.id)

    def component(pid: str) -> set[str]:
        seen, todo = {pid}, [pid]
        while todo:
            for other in links[todo.pop()] - seen:
                seen.add(other)
                todo.append(other)
        return seen

    clauses = [(p.id, c.id, c.text) for p in plans for c in p.walk() if c.text is not None]
    docs = [frozenset(stemmer("en")(w) for w in words(text)) for _, _, text in clauses]
    weights = Weights(docs)
    mass = [weights.mass(doc) for doc in docs]
    cap = max(POSTINGS_FLOOR, min(POSTINGS_CAP, int(DISTINCTIVE_SHARE * len(docs))))

    def best(found: list[tuple[float, int, Row]]) -> list[tuple[float, int, Row]]:
        return sorted(found, key=lambda f: (-f[0], f[1]))

    out: dict[str, list[list[Row]]] = {}
    for plan in plans:
        family = component(plan.id)
        rows = []
        for clause in plan.walk():
            found: dict[str, list[tuple[float, int, Row]]] = defaultdict(list)
            mine = [
                k for k, (pid, cid, _) in enumerate(clauses) if (pid, cid) == (plan.id, clause.id)
            ]
            for i in mine:
                for j, (other, theirs, _) in enumerate(clauses):
                    shared = docs[i] & docs[j]
                    distinctive = sum(1 for s in shared if weights.df[s] <= cap)
                    score = 2 * weights.mass(shared) / (mass[i] + mass[j])
                    if other not in family and distinctive >= 2 and score >= min_score:
                        found[other].append((score, j, (other, theirs, score)))
            kept = [f for row in found.values() for f in best(row)[:per_plan]]
            rows.append([row for _, _, row in best(kept)])
        out[plan.id] = rows
    return out


def as_rows(result: Echoes) -> list[list[Row]]:
    return [[(e.plan, e.clause, e.score) for e in item.echoes] for item in result.clauses]


@settings(max_examples=150)
@given(corpora(), st.integers(1, 3), st.sampled_from([0.0, 0.2, MIN_SCORE, 0.5]))
def test_the_index_finds_exactly_what_the_definition_says(
    plans: list[Plan], per_plan: int, min_score: float
) -> None:
    found = corpus_echoes(plans, per_plan=per_plan, min_score=min_score)
    expected = brute_force(plans, per_plan, min_score)
    assert {pid: as_rows(result) for pid, result in found.items()} == expected


@settings(max_examples=100)
@given(corpora(), st.randoms(use_true_random=False))
def test_echoes_do_not_depend_on_the_order_of_the_corpus(
    plans: list[Plan], rng: random.Random
) -> None:
    shuffled = list(plans)
    rng.shuffle(shuffled)
    first, again, other = corpus_echoes(plans), corpus_echoes(plans), corpus_echoes(shuffled)
    assert first == again == other


@settings(max_examples=100)
@given(corpora())
def test_echoes_are_mutual(plans: list[Plan]) -> None:
    # With room for every echo, clause a echoes clause b exactly when b echoes a, alike.
    every = corpus_echoes(plans, per_plan=100)
    pairs = {
        ((pid, item.clause), (e.plan, e.clause)): e.score
        for pid, result in every.items()
        for item in result.clauses
        for e in item.echoes
    }
    assert pairs == {(b, a): score for (a, b), score in pairs.items()}
    groups = lineage_groups(plans)
    assert all(groups[a[0]] != groups[b[0]] for a, b in pairs)


# -- formats -------------------------------------------------------------------------------


def test_json_data() -> None:
    plans = corpus()
    data = echoes_to_data(echoes(by_id(plans)["alpha-1"], plans))
    assert data["schema"] == ECHOES_SCHEMA == "planlens.echoes/1"
    assert data["plan"]["id"] == "alpha-1" and data["plan"]["follows"] == []
    assert data["lineage"] == ["alpha-2", "alpha-3"]
    assert data["searched"] == ["beta", "gamma"]
    assert data["settings"] == {"per_plan": PER_PLAN, "min_score": MIN_SCORE}
    assert data["summary"] == {"clauses": 3, "echoing": 2, "echoes": 2}
    assert [c["id"] for c in data["clauses"]] == ["1", "2", "3"]
    (echo,) = data["clauses"][1]["echoes"]
    assert echo["plan"] == "beta" and echo["clause"] == "2" and 0 < echo["score"] <= 1
    assert {"prisoners", "exchanged", "basis"} <= set(echo["words"])
    json.dumps(data)  # plain data


def test_text_and_markdown() -> None:
    plans = corpus()
    result = echoes(by_id(plans)["alpha-1"], plans)
    text = echoes_text(result)
    lines = text.splitlines()
    assert lines[:3] == [
        "echoes of alpha-1 (2020-01-01) in the plans outside its lineage: beta, gamma",
        "its lineage, not searched: alpha-2, alpha-3",
        "2 of 3 clauses have echoes, 2 in all (score at least 0.25, at most 2 per plan)",
    ]
    assert "2  All prisoners will be exchanged on an all-for-all basis within thirty days." in lines
    assert any(line.startswith("  0.") and "beta#2" in line for line in lines)
    markdown = echoes_markdown(result)
    assert markdown.startswith("# Echoes of alpha-1\n")
    assert "| score | clause | text | shared words |" in markdown
    assert "gamma\\#4" in markdown  # escaped: '#' would start a heading at a line's start
    none = echoes_text(echoes(make_plan("lone", "Nothing like it anywhere."), []))
    assert none.splitlines()[0].endswith("outside its lineage: none")


def test_echo_ref() -> None:
    assert str(Echo("beta", "2", 0.5).ref) == "beta#2"


# -- the command line ----------------------------------------------------------------------


def plan_yaml(plan: Plan) -> str:
    lines = [
        f"id: {plan.id}",
        f"title: {plan.title}",
        f"date: {plan.date}",
        "status: draft",
        "language: en",
        "completeness: full",
    ]
    if plan.follows:
        lines.append(f"follows: [{', '.join(plan.follows)}]")
    lines += ["sources:", "  - url: https://example.org/plans", "clauses:"]
    for clause in plan.clauses:
        lines += [f'  - id: "{clause.id}"', f'    number: "{clause.number}"']
        text = f"text: {json.dumps(clause.text)}" if clause.text else "status: unknown"
        lines.append(f"    {text}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def plans_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for plan in corpus():
        (folder / f"{plan.id}.yaml").write_text(plan_yaml(plan), encoding="utf-8")
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_cli_text(plans_dir: Path) -> None:
    code, out, err = run("--plans", str(plans_dir), "echoes", "alpha-1")
    assert (code, err) == (0, "")
    assert out == echoes_text(echoes(by_id(load_plans([plans_dir]))["alpha-1"], corpus()))


def test_cli_json_and_output_file(plans_dir: Path, tmp_path: Path) -> None:
    code, out, err = run("--plans", str(plans_dir), "echoes", "beta", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["schema"] == "planlens.echoes/1" and data["summary"]["echoes"] == 2
    target = tmp_path / "beta.md"
    args = ("--plans", str(plans_dir), "echoes", "beta", "--format", "markdown", "-o", str(target))
    assert run(*args) == (0, "", f"wrote {target}\n")
    assert target.read_text(encoding="utf-8").startswith("# Echoes of beta\n")
    code, out, err = run(*args)
    assert (code, out) == (1, "")
    assert err.startswith("planlens: error: ") and "--force" in err
    assert run(*args, "--force") == (0, "", f"wrote {target}\n")


def test_cli_plan_file_and_another_folder(plans_dir: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    draft.write_text(
        plan_yaml(make_plan("draft", "Prisoners are exchanged all for all, on the same basis.")),
        encoding="utf-8",
    )
    code, out, err = run("echoes", str(draft), "--in", str(plans_dir), "--per-plan", "1")
    assert (code, err) == (0, "")
    assert "echoes of draft (2020-01-01) in the plans outside its lineage: alpha-1," in out
    assert "beta#2" in out and "alpha-2#2" in out
    code, out, err = run("echoes", str(draft), "--in", str(plans_dir), "--min-score", "1")
    assert (code, err) == (0, "") and "0 of 1 clauses have echoes, 0 in all" in out


def test_cli_errors(plans_dir: Path, tmp_path: Path) -> None:
    assert run("--plans", str(plans_dir), "echoes", "no-such-plan") == (
        1,
        "",
        f"planlens: error: no plan 'no-such-plan' in {plans_dir}/\n",
    )
    missing = tmp_path / "nowhere"
    assert run("--plans", str(plans_dir), "echoes", "beta", "--in", str(missing)) == (
        1,
        "",
        f"planlens: error: {missing}: no such file or folder\n",
    )
    code, out, err = run("--plans", str(plans_dir), "echoes", "beta", "--min-score", "2")
    assert (code, out) == (2, "") and "--min-score" in err
    code, out, err = run("--plans", str(plans_dir), "echoes", "beta", "--per-plan", "0")
    assert (code, out) == (2, "") and "--per-plan" in err


def test_cli_help_states_the_library_defaults() -> None:
    out = run("echoes", "--help")[1]
    assert f"[default: {MIN_SCORE}]" in out and f"[default: {PER_PLAN}]" in out


# -- the site ------------------------------------------------------------------------------


def test_plan_page_links_each_echo(plans_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(load_plans([plans_dir], closed=True), out)
    page = parse_html((out / "plans" / "beta.html").read_text(encoding="utf-8"))
    point = next(s for s in page.find_all("section", "clause") if s.attrs["id"] == "clause-2")
    block = point.find("div", "echoes")
    links = [(a.attrs["href"], a.text()) for a in block.find_all("a")]
    assert links == [("alpha-1.html#clause-2", "alpha-1#2"), ("alpha-2.html#clause-2", "alpha-2#2")]
    score = f"{echoes(by_id(corpus())['beta'], corpus()).of('2')[0].score:.2f}"
    items = [li.text() for li in block.find_all("li")]
    assert items[0] == (
        f"alpha-1#2, score {score}: All prisoners will be exchanged on an all-for-all basis "
        "within thirty days."
    )
    # The target anchor exists; a clause without echoes has no list; the lineage has none.
    target = parse_html((out / "plans" / "alpha-1.html").read_text(encoding="utf-8"))
    assert any(s.attrs.get("id") == "clause-2" for s in target.find_all("section"))
    other = next(s for s in page.find_all("section", "clause") if s.attrs["id"] == "clause-1")
    assert not other.find_all("div", "echoes")
    alpha3 = (out / "plans" / "alpha-3.html").read_text(encoding="utf-8")
    assert 'class="echoes"' not in alpha3 and "Under a clause, its echoes" not in alpha3


def test_us28_page_shows_its_echoes(tmp_path: Path) -> None:
    build_site(load_plans([PLANS], closed=True), tmp_path)
    page = parse_html((tmp_path / "plans" / "us-28.html").read_text(encoding="utf-8"))
    point = next(s for s in page.find_all("section", "clause") if s.attrs["id"] == "clause-19")
    hrefs = [a.attrs["href"] for a in point.find("div", "echoes").find_all("a")]
    assert hrefs == [
        "peace-formula.html#clause-1",
        "china-12.html#clause-7",
        "europe-12.html#clause-zaporizhzhia-npp",
    ]


def test_a_plan_page_is_rebuilt_when_its_echoes_change(plans_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(load_plans([plans_dir], closed=True), out)
    gamma = plans_dir / "gamma.yaml"
    # Reworded, gamma's grain point no longer echoes alpha-1's: alpha-1's page changes. The
    # other pages do not, though gamma's words changed: their echoes are the same, to the
    # two decimals shown. (A word whose count changed in one of their echoes would change a
    # score and so rebuild them: "of" for "Trade up the river" would rebuild beta's page.)
    gamma.write_text(
        gamma.read_text(encoding="utf-8").replace(
            "Merchant shipping of grain across the Black Sea", "Trade of timber up the river"
        ),
        encoding="utf-8",
    )
    result = build_site(load_plans([plans_dir], closed=True), out)
    # (The search index, of every clause's words, too.)
    assert sorted(result.written) == [
        "index.html",
        "plans/alpha-1.html",
        "plans/gamma.html",
        "search-index.js",
    ]
    assert "gamma#4" not in (out / "plans" / "alpha-1.html").read_text(encoding="utf-8")
    # An edit that leaves every echo as it was rebuilds only the edited plan's pages.
    beta = plans_dir / "beta.yaml"
    beta.write_text(
        beta.read_text(encoding="utf-8").replace("damaged hospitals", "damaged schools"),
        encoding="utf-8",
    )
    result = build_site(load_plans([plans_dir], closed=True), out)
    assert sorted(result.written) == ["index.html", "plans/beta.html", "search-index.js"]
    # What was kept and what was rewritten add up to a clean build.
    clean = tmp_path / "clean"
    build_site(load_plans([plans_dir], closed=True), clean)
    assert sorted(p.read_bytes() for p in out.rglob("*.html")) == sorted(
        p.read_bytes() for p in clean.rglob("*.html")
    )


def test_editing_a_plan_elsewhere_in_the_shipped_corpus(tmp_path: Path) -> None:
    # A new echo for us-28 from an edited Chinese position: us-28's page is rebuilt.
    plans = tmp_path / "plans"
    shutil.copytree(PLANS, plans)
    out = tmp_path / "site"
    build_site(load_plans([plans], closed=True), out)
    china = plans / "2023-02-24-china-position.yaml"
    china.write_text(
        china.read_text(encoding="utf-8").replace(
            "Industrial and supply chains are to be kept stable.",
            "Ukraine's armed forces are to be capped at 600,000 personnel.",
        ),
        encoding="utf-8",
    )
    result = build_site(load_plans([plans], closed=True), out)
    assert {"plans/us-28.html", "plans/china-12.html"} <= set(result.written)
    assert "china-12#11" in (out / "plans" / "us-28.html").read_text(encoding="utf-8")
