"""Tests of the accuracy benchmark's generator (`bench/synth*.py`) and scorer (`accuracy_scoring`).

The benchmark's numbers are only as good as its truth: each mutation is checked here to do what
its truth says, on a small hand-made plan, and the scorer's arithmetic on a hand-built diff.
"""

from __future__ import annotations

import argparse
import dataclasses
import doctest
import random
import re
import sys
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import accuracy  # noqa: E402
import accuracy_scoring  # noqa: E402
import compare_scale  # noqa: E402
import results  # noqa: E402
import speed_results  # noqa: E402
import speed_workloads  # noqa: E402
import synth  # noqa: E402
import synth_hard  # noqa: E402
import synth_labels  # noqa: E402
import synth_paraphrase  # noqa: E402
import synth_truth  # noqa: E402
import synth_words  # noqa: E402
import uslm  # noqa: E402
from synth import mutate  # noqa: E402
from synth_truth import Truth, TruthLink  # noqa: E402
from synth_words import PROTECTED_WORDS  # noqa: E402

from planlens.compare.model import Change, PlanDiff  # noqa: E402
from planlens.plan.model import Clause, Plan, Source  # noqa: E402

_TEXTS = (
    "The parties agree to an immediate ceasefire along the line of contact. Both sides "
    "will withdraw heavy weapons to a distance of 50 kilometres within fourteen days.",
    "Prisoners of war are exchanged on an all for all basis. The exchange starts no later "
    "than the fifth day after the withdrawal and is observed by the committee.",
    "Humanitarian corridors are opened for civilians in the affected districts. Convoys "
    "carrying food and medicine pass the checkpoints without inspection delays.",
    "Elections are held in the eastern regions under the supervision of observers. The "
    "results are certified by the electoral commission within 100 days.",
    "Frozen assets worth 300 billion euros are released to a reconstruction fund. The fund "
    "is administered by a board of trustees appointed by the donor countries.",
    "The armed forces are capped at 600,000 personnel in peacetime. Reserve units are "
    "reduced in proportion and their exercises are announced to the monitoring mission.",
    "Energy infrastructure is restored under international supervision. The power plant "
    "delivers electricity to both grids in equal shares from the first winter onward.",
    "Cultural and religious institutions keep their property and their legal status. "
    "Teaching in minority languages is guaranteed in public schools of the region.",
    "A joint commission settles disputes about the interpretation of this agreement. Its "
    "decisions are final and published in the official gazettes of the parties.",
)
_SUBS = (
    "The guarantor states provide air defence systems and training for the territorial "
    "defence forces during the transition period.",
    "The guarantor states share intelligence about troop movements near the border with "
    "the monitoring mission on a weekly basis.",
    "The guarantor states convene an emergency meeting within three days of any reported "
    "violation of the ceasefire line.",
    "The guarantor states finance the demining of agricultural land and publish progress "
    "reports every quarter of the year.",
    "The guarantor states support the rebuilding of ports and railways with loans at "
    "reduced interest rates for ten years.",
)


def _plan() -> Plan:
    clauses = [
        Clause(id=str(i), number=str(i), text=text) for i, text in enumerate(_TEXTS, start=1)
    ]
    subs = tuple(
        Clause(id=f"10.{letter}", number=letter, text=text)
        for letter, text in zip("abcde", _SUBS, strict=True)
    )
    clauses.append(
        Clause(id="10", number="10", text="Security guarantees are given as follows.", clauses=subs)
    )
    return Plan(
        id="toy",
        title="Toy plan",
        date="2025-01-01",
        status="draft",
        completeness="full",
        sources=(Source(url="https://example.org/toy"),),
        clauses=tuple(clauses),
        language="en",
    )


_DONORS = (
    Clause(
        id="d1",
        text="Licensees may redistribute the software in source form provided that the "
        "copyright notice and this permission notice appear in every copy.",
    ),
    Clause(
        id="d2",
        text="The author disclaims all warranties with regard to this software including "
        "merchantability and fitness for a particular purpose.",
    ),
    Clause(
        id="d3",
        text="The museum opens its doors at nine. Visitors borrow audio guides at the desk. "
        "Guided tours of the west wing start every hour.",
    ),
)


def _nested_plan() -> Plan:
    """The toy plan with a second parent (11, three sub-clauses) after clause 10."""
    plan = _plan()
    subs = tuple(
        Clause(id=f"11.{letter}", number=letter, text=text)
        for letter, text in zip(
            "abc",
            (
                "Monitoring teams patrol the demilitarised zone and report incidents to the "
                "joint commission every morning.",
                "Checkpoints along the main roads are staffed by mixed units of police officers "
                "from both communities.",
                "Landmine maps are exchanged between the military engineers of the parties "
                "before clearance work begins.",
            ),
            strict=True,
        )
    )
    parent = Clause(id="11", number="11", text="Observation works as follows.", clauses=subs)
    return dataclasses.replace(plan, clauses=(*plan.clauses, parent))


def _one(op: str, seed: int = 1, plan: Plan | None = None) -> tuple[Plan, Plan, Truth]:
    """Apply the single mutation `op`, trying seeds until it applies."""
    plan = plan or _plan()
    for attempt in range(seed, seed + 50):
        new, truth = mutate(plan, random.Random(attempt), 1, donors=_DONORS, ops=[op])
        if truth.ops_applied() == (op,):
            return plan, new, truth
    raise AssertionError(f"{op} never applied")


def _texts(plan: Plan) -> dict[str, str | None]:
    return {c.id: c.text for c in plan.walk()}


def _touched(truth: Truth) -> list[TruthLink]:
    return [link for link in truth.links if set(link.ops) - {"renumber"}]


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)*", text)


def _protected(text: str) -> Counter[str]:
    return Counter(w for w in re.findall(r"\w+", text.casefold()) if w in PROTECTED_WORDS)


def _names(text: str, names: tuple[str, ...] = ("Ukraine", "NATO", "Geneva")) -> Counter[str]:
    return Counter(w for w in re.findall(r"\w+", text) if w in names)


def _accounted(old: Plan, new: Plan, truth: Truth) -> None:
    old_ids = [c.id for c in old.walk()]
    new_ids = [c.id for c in new.walk()]
    assert len(set(new_ids)) == len(new_ids)
    assert Counter(o for link in truth.links for o in link.old) + Counter(truth.deleted) == (
        Counter(old_ids)
    )
    assert Counter(n for link in truth.links for n in link.new) + Counter(truth.inserted) == (
        Counter(new_ids)
    )


# -- generator ---------------------------------------------------------------------------


def test_same_seed_same_result_and_different_seeds_differ() -> None:
    plan = _plan()
    first = mutate(plan, random.Random(7), 5, donors=_DONORS)
    again = mutate(plan, random.Random(7), 5, donors=_DONORS)
    other = mutate(plan, random.Random(8), 5, donors=_DONORS)
    assert first == again
    assert first != other


@pytest.mark.parametrize("seed", range(40))
def test_every_clause_is_accounted_for_once_and_ids_are_unique(seed: int) -> None:
    plan = _plan()
    new, truth = mutate(plan, random.Random(seed), 6, donors=_DONORS)
    _accounted(plan, new, truth)
    assert new.id != plan.id and new.follows == (plan.id,)
    assert all(c.same_as is None and not c.derived_from for c in new.walk())


def test_renumber_keeps_links_and_texts_and_changes_labels() -> None:
    old, new, truth = _one("renumber")
    old_texts, new_texts = _texts(old), _texts(new)
    renumbered = [link for link in truth.links if link.renumbered]
    assert renumbered
    assert all(link.relation == "unchanged" and not link.moved for link in truth.links)
    assert not truth.inserted and not truth.deleted
    old_index, new_index = old.clause_index(), new.clause_index()
    for link in renumbered:
        (o,), (n,) = link.old, link.new
        assert old_texts[o] == new_texts[n]
        assert old_index[o].number != new_index[n].number


def test_renumber_moves_sub_clause_ids_with_their_parent() -> None:
    plan = _plan()
    for seed in range(200):
        _, truth = mutate(plan, random.Random(seed), 1, ops=["renumber"])
        links = {link.old[0]: link.new[0] for link in truth.links}
        if links["10"] != "10":
            assert all(links[f"10.{x}"] == f"{links['10']}.{x}" for x in "abcde")
            return
    raise AssertionError("clause 10 was never renumbered")


def test_move_keeps_the_text_and_changes_the_order() -> None:
    old, new, truth = _one("move")
    (link,) = [link for link in truth.links if link.moved]
    assert link.relation == "unchanged" and link.ops == ("move",)
    (o,), (n,) = link.old, link.new
    assert _texts(old)[o] == _texts(new)[n]
    old_order = [c.id for c in old.walk()]
    new_order = [c.id for c in new.walk()]
    assert old_order != new_order and sorted(old_order) == sorted(new_order)


@pytest.mark.parametrize("seed", range(30))
def test_moved_clauses_are_the_only_explanation_of_the_new_order(seed: int) -> None:
    """In the final plan, the clauses not moved are the one longest run in old order.

    A clause moved under another parent is moved wherever it stands, and takes no part.
    """
    plan = _nested_plan()
    ops = [
        "move",
        "move+edit",
        "delete",
        "merge",
        "split",
        "insert",
        "reparent",
        "merge-far",
        "replace",
    ]
    new, truth = mutate(plan, random.Random(seed), 6, donors=_DONORS, ops=ops)
    old_position = {c.id: i for i, c in enumerate(plan.walk())}
    link_of = {n: link for link in truth.links for n in link.new}
    for siblings in [new.clauses, *(c.clauses for c in new.walk() if c.clauses)]:
        keyed = [
            (old_position[link_of[c.id].old[0]], link_of[c.id].moved)
            for c in siblings
            if c.id in link_of and "reparent" not in link_of[c.id].ops
        ]
        keys = [k for k, _ in keyed]
        stayed = [k for k, moved in keyed if not moved]
        assert stayed == sorted(stayed)
        # Longest non-decreasing runs through each position, by brute force (split pieces
        # share a key).
        n = len(keys)
        ending = [1] * n
        for i in range(n):
            for j in range(i):
                if keys[j] <= keys[i]:
                    ending[i] = max(ending[i], ending[j] + 1)
        starting = [1] * n
        for i in reversed(range(n)):
            for j in range(i + 1, n):
                if keys[i] <= keys[j]:
                    starting[i] = max(starting[i], starting[j] + 1)
        longest = max(ending, default=0)
        assert longest == len(stayed)
        for i, (_, moved) in enumerate(keyed):
            if moved:
                assert ending[i] + starting[i] - 1 < longest


def test_move_and_edit_rewords_the_moved_clause_only() -> None:
    old, new, truth = _one("move+edit")
    (link,) = _touched(truth)
    assert link.moved and link.relation == "reworded"
    (o,), (n,) = link.old, link.new
    before, after = _texts(old)[o], _texts(new)[n]
    assert before is not None and after is not None and before != after
    assert _numbers(before) == _numbers(after)
    assert _protected(before) == _protected(after)


@pytest.mark.parametrize("seed", range(1, 6))
def test_reword_changes_words_but_no_substance(seed: int) -> None:
    old, new, truth = _one("reword", seed)
    (link,) = _touched(truth)
    assert link.relation == "reworded" and not link.moved
    (o,), (n,) = link.old, link.new
    before, after = _texts(old)[o], _texts(new)[n]
    assert before is not None and after is not None
    ratio = SequenceMatcher(None, before.split(), after.split()).ratio()
    assert 0.55 <= ratio < 1.0
    assert _numbers(before) == _numbers(after)
    assert _protected(before) == _protected(after)


def test_figure_changes_exactly_one_number() -> None:
    old, new, truth = _one("figure")
    (link,) = _touched(truth)
    assert link.relation == "modified"
    (o,), (n,) = link.old, link.new
    before, after = _numbers(_texts(old)[o] or ""), _numbers(_texts(new)[n] or "")
    assert len(before) == len(after)
    assert sum(a != b for a, b in zip(before, after, strict=True)) == 1
    changed_before = re.sub(r"\d", "#", _texts(old)[o] or "")
    assert changed_before == re.sub(r"\d", "#", _texts(new)[n] or "")


def test_split_cuts_one_clause_into_two_at_a_boundary() -> None:
    old, new, truth = _one("split")
    (link,) = _touched(truth)
    assert link.relation == "split" and len(link.old) == 1 and len(link.new) == 2
    whole = _texts(old)[link.old[0]]
    parts = [_texts(new)[n] or "" for n in link.new]
    assert whole is not None and " ".join(whole.split()) == " ".join(" ".join(parts).split())
    assert all(len(part.split()) >= synth.MIN_PART_WORDS for part in parts)
    assert parts[0].rstrip()[-1] in ".;:"
    assert link.new[1] not in _texts(old)


def test_merge_joins_two_neighbours() -> None:
    old, new, truth = _one("merge")
    (link,) = _touched(truth)
    assert link.relation == "merged" and len(link.old) == 2 and len(link.new) == 1
    order = [c.id for c in old.walk()]
    assert order.index(link.old[1]) == order.index(link.old[0]) + 1
    joined = " ".join(_texts(old)[o] or "" for o in link.old)
    assert " ".join(joined.split()) == " ".join((_texts(new)[link.new[0]] or "").split())


def test_insert_adds_a_donor_clause_with_a_fresh_id() -> None:
    old, new, truth = _one("insert")
    (inserted,) = truth.inserted
    assert inserted not in _texts(old)
    text = _texts(new)[inserted]
    assert text in {d.text for d in _DONORS}
    assert text not in _texts(old).values()
    assert all(link.relation == "unchanged" for link in truth.links)


def test_delete_removes_a_clause_and_nothing_else() -> None:
    old, new, truth = _one("delete")
    assert truth.deleted
    assert not set(truth.deleted) & set(_texts(new))
    assert all(link.relation == "unchanged" and not link.moved for link in truth.links)
    assert len(truth.links) + len(truth.deleted) == len(list(old.walk()))


def test_short_clauses_are_never_reworded() -> None:
    plan = _plan()
    short = {c.id for c in plan.walk() if len((c.text or "").split()) < synth.MIN_EDIT_WORDS}
    assert short == {"10"}
    for seed in range(30):
        _, truth = mutate(plan, random.Random(seed), 3, ops=["reword", "move+edit"])
        assert not any(link.old == ("10",) for link in _touched(truth))


def test_compounds_with_a_protected_part_are_never_reworded() -> None:
    plan = _plan()
    clause = Clause(
        id="1",
        number="1",
        text="Release of prisoners on an all-for-all basis and a non-aggression pact between "
        "the neighbouring states, with a guarantee-led process and a peacekeeping-BOS unit.",
    )
    mutator = synth.Mutator(plan, random.Random(1), _DONORS)
    for seed in range(20):
        mutator.rng = random.Random(seed)
        text = mutator.reword_text(clause.text or "", 0.25)
        assert text is not None
        assert "all-for-all" in text and "non-aggression" in text and "peacekeeping-BOS" in text


# -- the harder mutations ----------------------------------------------------------------


def _sentences_of_donors() -> set[str]:
    return {
        s.strip() for d in _DONORS for s in re.split(r"(?<=[.!?])\s+", d.text or "") if s.strip()
    }


def _parent_of(plan: Plan) -> dict[str, str | None]:
    out: dict[str, str | None] = {c.id: None for c in plan.clauses}
    for clause in plan.walk():
        out.update((child.id, clause.id) for child in clause.clauses)
    return out


def _siblings_of(plan: Plan, clause_id: str) -> list[str]:
    for siblings in [plan.clauses, *(c.clauses for c in plan.walk())]:
        ids = [c.id for c in siblings]
        if clause_id in ids:
            return ids
    raise AssertionError(f"{clause_id} not in {plan.id}")


@pytest.mark.parametrize("op", synth.HARD_OPS)
def test_each_harder_mutation_is_seeded_and_deterministic(op: str) -> None:
    plan = _nested_plan()
    results = [mutate(plan, random.Random(seed), 1, donors=_DONORS, ops=[op]) for seed in range(12)]
    again = [mutate(plan, random.Random(seed), 1, donors=_DONORS, ops=[op]) for seed in range(12)]
    assert results == again
    assert all(truth.ops_applied() == (op,) for _, truth in results)
    assert len({repr(result) for result in results}) > 1
    for new, truth in results:
        _accounted(plan, new, truth)


@pytest.mark.parametrize("seed", range(1, 6))
def test_paraphrase_rewords_most_content_words_and_keeps_substance(seed: int) -> None:
    old, new, truth = _one("paraphrase", seed)
    (link,) = _touched(truth)
    assert link.relation == "reworded" and not link.moved and link.ops == ("paraphrase",)
    assert not truth.inserted and not truth.deleted
    (o,), (n,) = link.old, link.new
    before, after = _texts(old)[o], _texts(new)[n]
    assert before is not None and after is not None and before != after
    content = synth_paraphrase.content_words(before, english=True)
    gone = Counter(content) - Counter(w.casefold() for w in re.findall(r"[^\W\d_]+", after))
    assert sum(gone.values()) >= 0.5 * len(content)  # most of them
    assert sorted(_numbers(before)) == sorted(_numbers(after))
    assert _protected(before) == _protected(after)
    assert _names(before) == _names(after)


def test_paraphrase_gives_up_when_the_table_knows_too_few_words() -> None:
    text = "Zebras yodel quietly beneath purple kites and distribute lanterns."
    assert synth_paraphrase.content_words(text, english=True) == [
        "yodel",
        "quietly",
        "beneath",
        "purple",
        "kites",
        "distribute",
        "lanterns",
    ]
    for seed in range(10):
        assert synth_paraphrase.paraphrase(text, random.Random(seed), english=True) is None
    ok = synth_paraphrase.paraphrase(
        "Parties distribute copies and notices of the agreement.", random.Random(1), english=True
    )
    assert ok is not None


def test_paraphrase_without_table_words_does_not_apply() -> None:
    plan = dataclasses.replace(
        _plan(),
        clauses=(Clause(id="1", number="1", text="Zebras yodel quietly beneath purple kites."),),
    )
    for seed in range(10):
        _, truth = mutate(plan, random.Random(seed), 1, ops=["paraphrase"])
        assert truth.ops_applied() == ()


def test_paraphrase_reshuffles_sentence_parts() -> None:
    p = synth_paraphrase
    assert p.passive_to_active("Such requests shall be approved by the guarantor states.") == (
        "The guarantor states shall approve such requests."
    )
    assert p.passive_to_active("The fund is financed by the donors before the winter.") == (
        "The donors finance the fund before the winter."
    )
    assert p.passive_to_active("The fund is financed by the end of the year.") is None
    assert p.passive_to_active("Ukraine is supported by the parties.") is None  # a name
    assert p.move_conditions("Unless the parties agree, the court decides.") == (
        "The court decides unless the parties agree."
    )
    assert p.move_conditions("If it rains, Geneva hosts the talks.") == (
        "Geneva hosts the talks if it rains."
    )
    assert p.move_conditions("If it rains, talks move indoors.") is None  # "Talks" as a name
    assert p.move_conditions("You must comply if You Share it.") is None  # "You" as a name
    assert p.move_conditions("If You Share it, you must comply.") is None
    assert p.move_conditions("(If you use it, the parties keep it.)") is None
    swapped = p.swap_coordinates("the terms and conditions apply", random.Random(0), english=True)
    assert swapped in ("the conditions and terms apply", "the terms and conditions apply")
    always = [
        p.swap_coordinates("die Anbieter und Betreiber", random.Random(s), english=False)
        for s in range(20)
    ]
    assert "die Betreiber und Anbieter" in always
    assert p.rotate_sentences("One line.\nTwo lines.", random.Random(1)) == "One line.\nTwo lines."


def test_substitute_replaces_known_words_in_every_form_and_fixes_articles() -> None:
    rng = random.Random(3)
    text = synth_paraphrase.substitute(
        "Licensees often distribute copies in accordance with a permanent arrangement.",
        rng,
        english=True,
        rate=1.0,
    )
    assert "distribute" not in text and "copies" not in text and "accordance" not in text
    assert "permanent" not in text and " a enduring " not in text and " an lasting " not in text
    # Capitalised: maybe a name, never replaced, nor is its neighbour.
    assert text.startswith("Licensees often ")
    german = synth_paraphrase.substitute(
        "Der Vertrag des Verbrauchers", random.Random(1), english=False, rate=1.0
    )
    assert german == "Der Kontrakt des Konsumenten"


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_synonym_tables_hold_no_protected_word_and_no_entry_twice(language: str) -> None:
    groups = synth_paraphrase.table_groups(language)
    assert len(groups) >= 250
    entries = [entry for group in groups for entry in group]
    assert len(entries) == len(set(entries))
    for group in groups:
        assert len(group) >= 2
        for entry in group:
            for word in entry.split():
                assert synth_words.editable_word(word, english=language == "en"), (entry, word)
    assert synth_paraphrase.synonym_table(language)


_VOCABULARY = [
    "distribute",
    "copies",
    "the",
    "parties",
    "agreement",
    "shall",
    "not",
    "within",
    "days",
    "if",
    "all",
    "Ukraine",
    "NATO",
    "600,000",
    "30",
    "in accordance with",
    "security",
    "guarantees",
    "and",
    "or",
    "are",
    "released",
    "by",
    "permanent",
    "basis",
    "only",
    "Geneva",
]


@given(
    st.lists(
        st.lists(st.sampled_from(_VOCABULARY), min_size=3, max_size=12), min_size=1, max_size=3
    ),
    st.integers(0, 10_000),
)
def test_paraphrase_never_touches_figures_names_or_words_of_substance(
    sentences: list[list[str]], seed: int
) -> None:
    text = " ".join(" ".join(words)[:1].upper() + " ".join(words)[1:] + "." for words in sentences)
    for english in (True, False):
        new = synth_paraphrase.paraphrase(text, random.Random(seed), english=english)
        if new is None:
            continue
        assert sorted(_numbers(text)) == sorted(_numbers(new))
        assert _protected(text) == _protected(new)
        assert _names(text) == _names(new)


def test_multi_edit_rewords_changes_a_figure_and_inserts_a_sentence() -> None:
    old, new, truth = _one("multi-edit")
    (link,) = _touched(truth)
    assert link.relation == "modified" and not link.moved and link.ops == ("multi-edit",)
    (o,), (n,) = link.old, link.new
    before, after = _texts(old)[o] or "", _texts(new)[n] or ""
    inserted = [s for s in _sentences_of_donors() if s in after]
    assert len(inserted) == 1
    rest = " ".join(after.replace(inserted[0], " ").split())
    assert len(_numbers(before)) == len(_numbers(rest))
    assert sum(a != b for a, b in zip(_numbers(before), _numbers(rest), strict=True)) == 1
    assert _protected(before) == _protected(rest)
    ratio = SequenceMatcher(None, before.split(), rest.split()).ratio()
    assert 0.55 <= ratio < 1.0


def test_reparent_moves_a_sub_clause_under_another_parent() -> None:
    old, new, truth = _one("reparent", plan=_nested_plan())
    (link,) = _touched(truth)
    assert link.relation == "unchanged" and link.moved and link.ops == ("reparent",)
    (o,), (n,) = link.old, link.new
    assert _texts(old)[o] == _texts(new)[n]
    old_parent, new_parent = _parent_of(old)[o], _parent_of(new)[n]
    assert old_parent in ("10", "11") and new_parent in ("10", "11")
    assert old_parent != new_parent
    # Appended after the last sub-clause, with the label after the last one.
    target = new.clause_index()[new_parent]
    assert target.clauses[-1].id == n
    assert target.clauses[-1].number == {"10": "f", "11": "d"}[new_parent]
    assert link.renumbered == (old.clause_index()[o].number != target.clauses[-1].number)
    assert not truth.inserted and not truth.deleted
    assert all(not t.moved for t in truth.links if t is not link)


@pytest.mark.parametrize("seed", range(1, 9))
def test_merge_far_joins_two_clauses_with_others_between(seed: int) -> None:
    old, new, truth = _one("merge-far", seed)
    (link,) = _touched(truth)
    assert link.relation == "merged" and len(link.old) == 2 and len(link.new) == 1
    siblings = _siblings_of(old, link.old[0])
    gap = siblings.index(link.old[1]) - siblings.index(link.old[0])
    assert 2 <= gap <= synth_hard.MAX_MERGE_GAP
    joined = " ".join(_texts(old)[o] or "" for o in link.old)
    assert " ".join(joined.split()) == " ".join((_texts(new)[link.new[0]] or "").split())
    assert link.new[0] == link.old[0] and link.old[1] not in _texts(new)


def test_condense_merges_the_sub_clauses_into_their_rewritten_parent() -> None:
    old, new, truth = _one("condense", plan=_nested_plan())
    (link,) = _touched(truth)
    assert link.relation == "merged" and not link.moved
    parent = link.old[0]
    children = [c.id for c in old.clause_index()[parent].clauses]
    assert link.old == (parent, *children) and link.new == (parent,)
    condensed = new.clause_index()[parent]
    assert not condensed.clauses
    assert not set(children) & set(_texts(new))
    joined = " ".join(_texts(old)[i] or "" for i in link.old)
    after = condensed.text or ""
    assert 0.55 <= SequenceMatcher(None, joined.split(), after.split()).ratio() < 1.0
    assert sorted(_numbers(joined)) == sorted(_numbers(after))
    assert _protected(joined) == _protected(after)


def test_reword_runs_are_three_to_six_points_of_varying_length() -> None:
    points = tuple(
        Clause(id=str(i), number=str(i), text=f"The {word} committee meets in public session.")
        for i, word in enumerate(
            ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"),
            start=1,
        )
    )
    plan = dataclasses.replace(_plan(), clauses=points)
    lengths = set()
    for seed in range(30):
        _, truth = mutate(plan, random.Random(seed), 1, ops=["reword-run"])
        if truth.ops_applied():
            lengths.add(len(_touched(truth)))
    assert lengths <= set(range(3, 7)) and len(lengths) > 1


def test_reword_run_rewords_three_to_six_short_points_in_a_row() -> None:
    old, new, truth = _one("reword-run")
    links = _touched(truth)
    assert 3 <= len(links) <= 6
    assert all(t.relation == "reworded" and t.ops == ("reword-run",) for t in links)
    olds = [t.old[0] for t in links]
    siblings = _siblings_of(old, olds[0])
    start = siblings.index(olds[0])
    assert olds == siblings[start : start + len(olds)]
    for t in links:
        (o,), (n,) = t.old, t.new
        before, after = _texts(old)[o] or "", _texts(new)[n] or ""
        assert len(before.split()) <= synth_hard.SHORT_POINT_WORDS
        assert before != after
        assert SequenceMatcher(None, before.split(), after.split()).ratio() >= 0.5
        assert _protected(before) == _protected(after)


def test_light_reword_without_synonyms_changes_one_word_from_the_pool() -> None:
    rng = random.Random(2)
    new = synth_paraphrase.light_reword(
        "Zebras yodel quietly beneath purple kites.", rng, ["whistle"], english=True
    )
    assert new is not None and new != "Zebras yodel quietly beneath purple kites."
    assert synth_paraphrase.light_reword("Zebras yodel.", rng, [], english=True) is None


def test_a_clause_from_another_parent_takes_no_part_in_the_order_of_its_new_siblings() -> None:
    def node(clause_id: str, *, moved: bool = False, foreign: bool = False) -> synth_truth.Node:
        return synth_truth.Node(
            clause_id, None, None, "text", [], None, (clause_id,), moved=moved, foreign=foreign
        )

    order = {"a": 1, "b": 2, "c": 3, "x": 4}
    stayed = [node("a"), node("b"), node("c")]
    # x comes from another parent: moved, though it would fit the run of a, b, c.
    assert synth_truth.moves_are_clear([*stayed, node("x", moved=True, foreign=True)], order)
    assert not synth_truth.moves_are_clear([*stayed, node("x", moved=True)], order)


def test_reparent_marks_the_moved_node_as_from_another_parent() -> None:
    for seed in range(20):
        mutator = synth.Mutator(_nested_plan(), random.Random(seed), _DONORS)
        if synth_hard.reparent(mutator):
            (moved,) = [n for n in mutator.nodes() if "reparent" in n.ops]
            assert moved.foreign and moved.moved and moved.touched
            return
    raise AssertionError("reparent never applied")


def test_replace_keeps_the_label_with_unrelated_text_and_no_link() -> None:
    old, new, truth = _one("replace")
    (replaced,) = truth.inserted
    assert truth.deleted == (replaced,)  # the same id on both sides
    assert truth.inserted_by(replaced) == "replace" and truth.deleted_by(replaced) == "replace"
    assert replaced not in {o for t in truth.links for o in t.old}
    before, after = old.clause_index()[replaced], new.clause_index()[replaced]
    assert before.number == after.number
    assert after.text in {d.text for d in _DONORS}
    assert not set(synth_words.words(before.text or "")) & {"museum", "licensees", "author"}
    assert all(t.relation == "unchanged" and not t.moved for t in truth.links)
    assert [c.id for c in old.walk()] == [c.id for c in new.walk()]


@pytest.mark.parametrize("seed", range(20))
def test_every_clause_is_accounted_for_with_the_harder_mutations(seed: int) -> None:
    plan = _nested_plan()
    new, truth = mutate(plan, random.Random(seed), 8, donors=_DONORS, ops=synth.HARD_OPS)
    _accounted(plan, new, truth)


def test_unknown_mutation_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown mutations"):
        mutate(_plan(), random.Random(1), 1, ops=["shuffle"])


def test_the_bench_doctests_pass() -> None:
    modules = (
        synth_labels,
        synth_words,
        synth_paraphrase,
        uslm,
        speed_workloads,
        speed_results,
        results,
        compare_scale,
    )
    for module in modules:
        assert doctest.testmod(module).failed == 0


# -- scorer ------------------------------------------------------------------------------


def _diff_plan(plan_id: str, ids: list[str]) -> Plan:
    return Plan(
        id=plan_id,
        title=plan_id,
        date="2025-01-01",
        status="draft",
        completeness="full",
        sources=(Source(url="https://example.org/x"),),
        clauses=tuple(Clause(id=i, text=f"text {i}") for i in ids),
    )


def test_scorer_arithmetic_on_a_hand_built_diff() -> None:
    old = _diff_plan("old", ["a", "b", "c", "d", "e", "f"])
    new = _diff_plan("new", ["a", "b", "c1", "c2", "d", "x"])
    truth = Truth(
        links=(
            TruthLink(("a",), ("a",), "unchanged"),
            TruthLink(("b",), ("b",), "unchanged", moved=True, ops=("move",)),
            TruthLink(("c",), ("c1", "c2"), "split", ops=("split",)),
            TruthLink(("d", "e"), ("d",), "merged", ops=("merge",)),
        ),
        inserted=("x",),
        deleted=("f",),
    )
    diff = PlanDiff(
        old=old,
        new=new,
        changes=(
            Change("unchanged", ("a",), ("a",)),
            Change("unchanged", ("b",), ("b",)),  # the move is missed
            Change("reworded", ("c",), ("c1",)),  # half a split
            Change("added", (), ("c2",)),
            Change("merged", ("d", "e"), ("d",)),
            Change("modified", ("f",), ("x",), moved=True),  # a spurious link
        ),
    )
    tally = accuracy_scoring.score(diff, truth)
    m = tally.metrics()
    # Reported pairs: aa bb cc1 dd ed fx (6); true pairs: aa bb cc1 cc2 dd ed (6); 5 agree.
    assert m["link precision"] == pytest.approx(5 / 6)
    assert m["link recall"] == pytest.approx(5 / 6)
    assert m["link F1"] == pytest.approx(5 / 6)
    assert m["spurious-link rate"] == pytest.approx(1 / 6)
    assert m["inserted/deleted linked"] == 1.0
    assert m["move recall"] == 0.0
    assert m["move precision"] == 0.0
    assert m["split recall"] == 0.0
    assert m["merge recall"] == 1.0
    # Items: 4 links + 1 inserted + 1 deleted; exact: a, b (moved is not a relation), d+e.
    assert m["relation accuracy"] == pytest.approx(3 / 6)
    assert tally.by_op["split"]["pairs found"] == 0
    assert tally.by_op["merge"]["exact"] == 1
    kinds = Counter(f.kind for f in tally.failures)
    assert kinds == {"move not flagged": 1, "missed link": 1, "spurious link": 2}


def test_scorer_gives_perfect_marks_to_the_truth_itself() -> None:
    old, new, truth = _one("split")
    changes = [Change(link.relation, link.old, link.new, moved=link.moved) for link in truth.links]
    changes += [Change("added", (), (n,)) for n in truth.inserted]
    changes += [Change("removed", (o,), ()) for o in truth.deleted]
    m = accuracy_scoring.score(PlanDiff(old, new, tuple(changes)), truth).metrics()
    assert m["link F1"] == 1.0 and m["relation accuracy"] == 1.0 and m["split recall"] == 1.0


def test_tallies_add_up_micro_averaged() -> None:
    old = _diff_plan("old", ["a", "b"])
    new = _diff_plan("new", ["a", "b"])
    truth = Truth(
        (TruthLink(("a",), ("a",), "unchanged"), TruthLink(("b",), ("b",), "unchanged")), (), ()
    )
    good = PlanDiff(
        old, new, (Change("unchanged", ("a",), ("a",)), Change("unchanged", ("b",), ("b",)))
    )
    bad = PlanDiff(
        old, new, (Change("unchanged", ("a",), ("b",)), Change("unchanged", ("b",), ("a",)))
    )
    total = accuracy_scoring.Tally()
    total.add(accuracy_scoring.score(good, truth))
    total.add(accuracy_scoring.score(bad, truth))
    assert total.metrics()["link precision"] == pytest.approx(2 / 4)


def test_section_scoring_counts_agreements_and_disagreements() -> None:
    def law(plan_id: str, numbers: list[tuple[str, str]]) -> Plan:
        return Plan(
            id=plan_id,
            title=plan_id,
            date="2020",
            status="draft",
            completeness="full",
            sources=(Source(url="https://example.org/x"),),
            clauses=tuple(Clause(id=i, number=f"§ {i}", text=t) for i, t in numbers),
        )

    old = law("o", [("1", "eins"), ("2", "zwei"), ("3", "drei"), ("4", "vier")])
    new = law("n", [("1", "eins"), ("2", "zwei"), ("3", "drei"), ("5", "fünf")])
    diff = PlanDiff(
        old,
        new,
        (
            Change("unchanged", ("1",), ("1",)),
            Change("unchanged", ("2",), ("3",)),
            Change("removed", ("3",), ()),
            Change("added", (), ("2",)),
            Change("reworded", ("4",), ("5",)),
        ),
    )
    result = accuracy_scoring.score_by_section(diff)
    assert result.shared == 3 and result.true_pairs == 3
    assert result.reported_in_scope == 2 and result.agree == 1
    assert result.precision == pytest.approx(1 / 2) and result.recall == pytest.approx(1 / 3)
    assert result.unpaired_same == [("2", "2"), ("3", "3")]
    assert result.paired_across == [("2", "3")]


def test_scorer_counts_replaced_clauses_under_replace_and_false_links_per_mutation() -> None:
    old = _diff_plan("old", ["a", "b", "c", "d"])
    new = _diff_plan("new", ["a", "b", "c", "e"])
    truth = Truth(
        links=(
            TruthLink(("a",), ("a",), "unchanged"),
            TruthLink(("c",), ("c",), "reworded", ops=("paraphrase",)),
            TruthLink(("d",), ("e",), "unchanged", renumbered=True, ops=("renumber",)),
        ),
        inserted=("b",),
        deleted=("b",),
        inserted_ops=(("b", "replace"),),
        deleted_ops=(("b", "replace"),),
    )
    linked = PlanDiff(
        old,
        new,
        (
            Change("unchanged", ("a",), ("a",)),
            Change("modified", ("b",), ("b",)),  # the trap: same label, unrelated text
            Change("reworded", ("c",), ("c",)),
            Change("unchanged", ("d",), ("e",), renumbered=True),
        ),
    )
    tally = accuracy_scoring.score(linked, truth)
    assert tally.by_op["replace"]["items"] == 2 and tally.by_op["replace"]["exact"] == 0
    assert tally.by_op["replace"]["false links"] == 1
    assert "insert" not in tally.by_op and "delete" not in tally.by_op
    assert {f.ops for f in tally.failures} == {("replace",)}
    m = tally.metrics()
    assert m["link precision"] == pytest.approx(3 / 4) and m["link recall"] == 1.0
    # Edited clauses: c (paraphrase) and b (replaced); the untouched a and the renumbered d
    # are left out.
    assert tally.counts["edited true links"] == 1
    assert m["edited link precision"] == pytest.approx(1 / 2)
    assert m["edited link recall"] == 1.0
    assert m["edited link F1"] == pytest.approx(2 / 3)
    right = PlanDiff(
        old,
        new,
        (
            Change("unchanged", ("a",), ("a",)),
            Change("removed", ("b",), ()),
            Change("added", (), ("b",)),
            Change("reworded", ("c",), ("c",)),
            Change("unchanged", ("d",), ("e",), renumbered=True),
        ),
    )
    tally = accuracy_scoring.score(right, truth)
    assert tally.by_op["replace"]["exact"] == 2 and tally.by_op["replace"]["false links"] == 0
    assert tally.metrics()["edited link F1"] == 1.0


def test_baseline_diff_accounts_for_every_clause_once() -> None:
    plan = _nested_plan()
    new, _ = mutate(plan, random.Random(5), 6, donors=_DONORS)
    diff = accuracy_scoring.baseline_diff(plan, new)
    from real_pairs import baseline_pairs

    assert accuracy_scoring.reported_pairs(diff) == baseline_pairs(plan, new)
    assert sorted(o for c in diff.walk() for o in c.old) == sorted(c.id for c in plan.walk())
    assert sorted(n for c in diff.walk() for n in c.new) == sorted(c.id for c in new.walk())
    assert all(len(c.old) <= 1 and len(c.new) <= 1 for c in diff.walk())


def test_donors_come_from_other_families_in_the_same_language() -> None:
    def document(name: str, family: str, language: str) -> accuracy.Document:
        plan = dataclasses.replace(_diff_plan(name, [f"{name}-1", f"{name}-2"]), language=language)
        return accuracy.Document(name, family, plan)

    donors = accuracy._donors(
        [
            document("bgb", "bgb", "de"),
            document("stgb", "stgb", "de"),
            document("gpl", "GPL", "en"),
            document("mit", "MIT", "en"),
        ]
    )
    assert [c.id for c in donors["bgb"]] == ["stgb-1", "stgb-2"]
    assert [c.id for c in donors["GPL"]] == ["mit-1", "mit-2"]


def test_ops_option_takes_groups_or_names() -> None:
    assert accuracy.parse_ops("all") == synth.OPS
    assert accuracy.parse_ops("basic") == synth.BASIC_OPS
    assert accuracy.parse_ops("hard") == synth.HARD_OPS
    assert accuracy.parse_ops("paraphrase, replace") == ("paraphrase", "replace")
    with pytest.raises(argparse.ArgumentTypeError, match="unknown mutations"):
        accuracy.parse_ops("paraphrase,shuffle")
    assert set(synth.OPS) == set(synth.BASIC_OPS) | set(synth_hard.HARD_ACTIONS)


def test_the_table_per_mutation_shows_false_links_and_the_baseline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    tally, baseline = accuracy_scoring.Tally(), accuracy_scoring.Tally()
    tally.by_op["paraphrase"].update({"items": 4, "pairs found": 3, "exact": 2, "false links": 5})
    baseline.by_op["paraphrase"].update({"items": 4, "pairs found": 1})
    accuracy.print_breakdown(tally, baseline)
    out = capsys.readouterr().out
    assert "false links" in out and "difflib found" in out
    (row,) = [line.split() for line in out.splitlines() if line.strip().startswith("paraphrase")]
    assert row == ["paraphrase", "4", "0.7500", "0.5000", "5", "-", "0.2500"]
