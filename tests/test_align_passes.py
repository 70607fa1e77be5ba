"""The alignment passes added for drafts nobody pinned: assignment, structure, parts, stems."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st
from test_compare import MIRROR, clause, plan, relations

from planlens.compare import compare, diff_text, diff_to_data
from planlens.compare.assignment import max_weight_assignment
from planlens.compare.diff import link_confidence
from planlens.compare.model import CHECK_BELOW, PlanDiff
from planlens.compare.units import Link
from planlens.plan.model import ClauseRef, Plan


def pairs(diff: PlanDiff) -> set[tuple[str, str]]:
    return {(o, n) for change in diff.walk() for o in change.old for n in change.new}


def mirrored(old: object, new: object) -> bool:
    forward = {
        (c.old, c.new, MIRROR.get(c.relation, c.relation), c.moved)
        for c in compare(old, new).walk()  # type: ignore[arg-type]
    }
    backward = {(c.new, c.old, c.relation, c.moved) for c in compare(new, old).walk()}  # type: ignore[arg-type]
    return forward == backward


# -- the assignment solver -----------------------------------------------------------------


def brute_force(weights: list[list[int]]) -> int:
    rows, cols = len(weights), len(weights[0])
    best = 0
    for choice in itertools.product(*[[*range(cols), None] for _ in range(rows)]):
        taken = [c for c in choice if c is not None]
        if len(taken) == len(set(taken)):
            total = sum(
                weights[r][c] for r, c in enumerate(choice) if c is not None and weights[r][c] > 0
            )
            best = max(best, total)
    return best


@given(
    st.integers(1, 4).flatmap(
        lambda rows: st.integers(1, 4).flatmap(
            lambda cols: st.lists(
                st.lists(st.integers(-5, 20), min_size=cols, max_size=cols),
                min_size=rows,
                max_size=rows,
            )
        )
    )
)
def test_assignment_is_optimal_one_to_one_and_positive(weights: list[list[int]]) -> None:
    chosen = max_weight_assignment(weights)
    assert len({r for r, _ in chosen}) == len(chosen) == len({c for _, c in chosen})
    assert all(weights[r][c] > 0 for r, c in chosen)
    assert sum(weights[r][c] for r, c in chosen) == brute_force(weights)


def test_assignment_takes_the_jointly_best_pairs() -> None:
    # A is a little closer to X than to Y; B has only Y. One at a time with a margin, A would
    # be refused (its runner-up is close) and B too; jointly, A gets X and B gets Y.
    assert max_weight_assignment([[50, 45], [0, 40]]) == [(0, 0), (1, 1)]
    assert max_weight_assignment([[0, 0, 0]]) == []


# -- structure -----------------------------------------------------------------------------

GRANT = "The Licensor grants You a worldwide royalty-free licence to reproduce the Work."
NOTICE = "You must keep every copyright notice and the text of this Licence in each copy."
TERM = "This Licence ends automatically if You breach any of its conditions."


def test_a_rewritten_heading_is_paired_by_its_points() -> None:
    old = plan(
        "a",
        clause("1", "Definitions used in this Licence"),
        clause("8", "Miscellaneous", clause("8.a", GRANT), clause("8.b", NOTICE)),
    )
    new = plan(
        "b",
        clause("1", "Definitions used in this Licence"),
        clause("7", "Other Terms and Conditions", clause("7.a", GRANT), clause("7.b", NOTICE)),
    )
    diff = compare(old, new)
    assert ("8", "7") in pairs(diff)
    assert relations(diff)[("8",), ("7",)] in ("reworded", "modified")
    assert mirrored(old, new)


def test_a_heading_is_not_paired_when_its_points_went_elsewhere() -> None:
    old = plan("a", clause("8", "Miscellaneous", clause("8.a", GRANT), clause("8.b", NOTICE)))
    new = plan(
        "b",
        clause("2", "Grant", clause("2.a", GRANT)),
        clause("3", "Conditions", clause("3.a", NOTICE)),
    )
    assert not {("8", "2"), ("8", "3")} & pairs(compare(old, new))


ATTRIBUTION = (
    "If You distribute the Work You must keep intact all copyright notices for the Work and "
    "give the name of the Original Author, and You must credit the Adaptation by naming the "
    "Work and its author in the manner set out by the Licensor."
)


def split_into_heading() -> tuple[Plan, Plan]:
    # One clause becomes a heading with points: the heading shares no word with it.
    old = plan("a", clause("1", "Definitions used in this Licence"), clause("4", ATTRIBUTION))
    new = plan(
        "b",
        clause("1", "Definitions used in this Licence"),
        clause(
            "3",
            "Attribution",
            clause(
                "3.a",
                "If You distribute the Work You must keep intact all copyright notices for "
                "the Work and give the name of the Original Author.",
            ),
            clause(
                "3.b",
                "You must credit the Adaptation by naming the Work and its author in the "
                "manner set out by the Licensor.",
            ),
        ),
    )
    return old, new


def test_a_new_heading_follows_the_clause_its_points_came_from() -> None:
    old, new = split_into_heading()
    diff = compare(old, new)
    assert {("4", "3.a"), ("4", "3.b"), ("4", "3")} <= pairs(diff)
    assert relations(diff)[("4",), ("3", "3.a", "3.b")] == "split"
    assert mirrored(old, new)


def test_a_heading_needs_two_of_its_points_from_one_clause() -> None:
    # Only one of the heading's three points came from the old clause: no evidence.
    old = plan("a", clause("4", ATTRIBUTION[:120] + "."))
    new = plan(
        "b",
        clause(
            "3",
            "Attribution",
            clause("3.a", ATTRIBUTION[:120] + "."),
            clause("3.b", "Termination ends every right granted under this Licence."),
            clause("3.c", "The Licensor offers the Work as is and gives no warranty."),
        ),
    )
    assert ("4", "3") not in pairs(compare(old, new))


NOTICE_KEPT = "Every copy of the Work You distribute must carry a copy of this Licence with it."
FEES = "The Licensor may charge a fee for each physical copy of the Work it supplies."
SUPPORT = "The Licensor may offer warranty or support for the Work for a fee of its own."
MEDIA = "The Licensor may ship the Work on any medium that the recipient is able to read."


def gathered(*, points_back: int) -> tuple[Plan, Plan]:
    """Heading 3's points 3.a and 3.b merged into 5.1, under a new heading 5 that also holds
    3.c (when `points_back` is 2) and the points of heading 6, as many as heading 3's points
    under 5, so that headings 3 and 6 tie for 5 and the parent pass cannot pair them."""
    _, split = split_into_heading()
    heading_3 = split.clauses[1]
    extra = (clause("3.c", NOTICE_KEPT),) if points_back == 2 else ()
    fees_points = [clause("6.a", FEES), clause("6.b", SUPPORT), clause("6.c", MEDIA)]
    del fees_points[points_back + 1 :]
    old = plan(
        "a",
        split.clauses[0],
        replace(heading_3, clauses=(*heading_3.clauses, *extra)),
        clause("6", "Fees", *fees_points),
    )
    kept = (clause("5.2", NOTICE_KEPT),) if points_back == 2 else ()
    new = plan(
        "b",
        clause("1", "Definitions used in this Licence"),
        clause(
            "5",
            "Conditions",
            clause("5.1", ATTRIBUTION),
            *kept,
            *(
                clause(f"5.{k}", text)
                for k, text in enumerate((FEES, SUPPORT, MEDIA)[: points_back + 1], start=3)
            ),
        ),
    )
    return old, new


def test_points_gathered_into_one_clause_leave_their_heading_to_its_heading() -> None:
    # Heading 5's points come from heading 3's points (5.1 and 5.2): heading pairs with
    # heading, not with the clause 5.1 that holds two of its points.
    old, new = gathered(points_back=2)
    found = pairs(compare(old, new))
    assert {("3.a", "5.1"), ("3.b", "5.1"), ("3.c", "5.2"), ("3", "5")} <= found
    assert ("3", "5.1") not in found
    assert mirrored(old, new)


def test_a_heading_stays_with_the_clause_that_holds_its_points_under_another_heading() -> None:
    # Only 5.1 comes from heading 3: heading 5 is another heading's, and 3 pairs with 5.1.
    old, new = gathered(points_back=1)
    found = pairs(compare(old, new))
    assert {("3.a", "5.1"), ("3.b", "5.1"), ("3", "5.1")} <= found
    assert ("3", "5") not in found
    assert mirrored(old, new)


def test_a_point_that_kept_its_number_is_paired_though_rewritten() -> None:
    kept = [
        clause(str(n), f"Point {n} of the agreement stays exactly as it was, word for word.")
        for n in (1, 2, 4, 5)
    ]
    old = plan(
        "a",
        *kept[:2],
        clause("3", "Ukraine will write into its constitution that it will not join NATO."),
        *kept[2:],
    )
    new = plan(
        "b",
        *kept[:2],
        clause("3", "Ukraine's accession to NATO depends on a consensus among NATO members."),
        *kept[2:],
    )
    diff = compare(old, new)
    assert ("3", "3") in pairs(diff)
    assert mirrored(old, new)


def test_a_new_point_with_a_recycled_number_is_not_paired() -> None:
    kept = [
        clause(str(n), f"Point {n} of the agreement stays exactly as it was, word for word.")
        for n in (1, 2, 4)
    ]
    old = plan("a", *kept[:2], clause("3", "Frozen funds go to a reconstruction fund."), kept[2])
    new = plan("b", *kept[:2], clause("3", "Elections are held within one hundred days."), kept[2])
    assert ("3", "3") not in pairs(compare(old, new))


def test_a_shared_topic_confirms_a_kept_number_only_with_some_shared_wording() -> None:
    kept = [
        clause(str(n), f"Point {n} of the agreement stays exactly as it was, word for word.")
        for n in (1, 2, 4)
    ]

    def pair(old_text: str, new_text: str) -> set[tuple[str, str]]:
        old = plan("a", *kept[:2], replace(clause("3", old_text), topics=("sanctions",)), kept[2])
        new = plan("b", *kept[:2], replace(clause("3", new_text), topics=("sanctions",)), kept[2])
        return pairs(compare(old, new))

    # Replaced by a new point on the same broad topic, sharing no rare word: not the same point.
    assert ("3", "3") not in pair(
        "Russia will be invited back into the G8.",
        "No relief is granted to persons listed for war crimes.",
    )
    # Rewritten, its topic and a little of its wording kept (a rare-word overlap of 0.14, under
    # `LABEL_MIN` alone): the same point.
    assert ("3", "3") in pair(
        "Sanctions will be lifted in stages, case by case.",
        "Restrictive measures are eased gradually once the ceasefire has held for six months,"
        " case by case.",
    )


def test_numbers_say_nothing_in_a_renumbered_text() -> None:
    # Every point moved up by one: § 2 is now a different section, so the same number with
    # a little shared wording is no evidence.
    texts = [
        "Die Bundesnetzagentur legt die sachlich und räumlich relevanten Märkte fest.",
        "Die Bundesnetzagentur prüft, ob auf dem Markt wirksamer Wettbewerb besteht.",
        "Unternehmen mit beträchtlicher Marktmacht müssen Zugang gewähren.",
    ]
    old = plan(
        "a",
        *(clause(str(k + 1), t) for k, t in enumerate(texts)),
        clause("4", "Die Entgelte werden von der Bundesnetzagentur genehmigt."),
    )
    new = plan(
        "b",
        clause("1", "Ziel dieses Gesetzes ist die Förderung des Wettbewerbs."),
        *(clause(str(k + 2), t) for k, t in enumerate(texts)),
        clause("5", "Die Bundesnetzagentur veröffentlicht ihre Entscheidungen."),
    )
    diff = compare(old, new)
    assert {("1", "2"), ("2", "3"), ("3", "4")} <= pairs(diff)
    assert ("4", "4") not in pairs(diff)


# -- paraphrased parts, stems --------------------------------------------------------------


def test_a_reworded_part_joins_the_split() -> None:
    whole = (
        "Each Contributor grants You a worldwide royalty-free copyright licence to reproduce, "
        "modify and distribute the Contribution, and a patent licence under Licensed Patents to "
        "make, use, sell and import the Contribution in source and object form. The licences "
        "are granted for the duration of the copyright, may be terminated only under section 7, "
        "and bind every successor of the Contributor, including an acquirer of its business, "
        "in every jurisdiction where the Contribution is distributed or used by anyone."
    )
    old = plan("a", clause("2", whole))
    new = plan(
        "b",
        clause(
            "2",
            "Each Contributor grants You a worldwide royalty-free copyright licence to "
            "reproduce, modify and distribute the Contribution.",
        ),
        clause(
            "3",
            "To make, use, import and sell the Contribution in object or source form, a "
            "patent licence under Licensed Patents is what each Contributor grants You.",
        ),
    )
    diff = compare(old, new)
    assert pairs(diff) == {("2", "2"), ("2", "3")}
    assert relations(diff)[("2",), ("2", "3")] == "split"
    assert mirrored(old, new)


def test_a_section_split_in_two_alike_halves_keeps_both() -> None:
    # § 2 became § 2 and § 4; § 4 keeps half of § 2's wording, not contained in it (new words
    # around), but § 2 is what it is most like: it is the other half of the split.
    same = [
        clause("1", "Dieses Gesetz regelt den Wettbewerb in der Telekommunikation."),
        clause("3", "Die Entgelte werden genehmigt, wenn sie den Kosten entsprechen."),
    ]
    old = plan(
        "a",
        same[0],
        clause(
            "2",
            "Die Bundesnetzagentur kann Betreiber öffentlicher Telekommunikationsnetze, die über "
            "beträchtliche Marktmacht verfügen, verpflichten, anderen Unternehmen Zugang zu "
            "gewähren, und sie legt die Bedingungen dieses Zugangs in einem Verfahren fest.",
        ),
        same[1],
    )
    new = plan(
        "b",
        same[0],
        clause(
            "2",
            "Die Bundesnetzagentur kann Unternehmen, die über beträchtliche Marktmacht verfügen, "
            "verpflichten, anderen Unternehmen Zugang zu gewähren, soweit dies dem Wettbewerb "
            "dient.",
        ),
        same[1],
        clause(
            "4",
            "Die Bundesnetzagentur legt die Bedingungen dieses Zugangs in einem Verfahren fest, "
            "an dem Betreiber öffentlicher Telekommunikationsnetze mit beträchtlicher "
            "Marktmacht teilnehmen, sobald die Kommission zugestimmt hat.",
        ),
    )
    diff = compare(old, new)
    assert relations(diff)[("2",), ("2", "4")] == "split"
    assert mirrored(old, new)


def test_inflections_count_as_the_same_word() -> None:
    old = plan(
        "a",
        clause("1", "The licensee distributes licensed copies and grants sublicences."),
        clause("2", "Nothing else."),
    )
    new = plan(
        "b",
        clause("9", "Nothing else at all, really."),
        clause("1", "Licensees distributing license copies granted sublicence."),
    )
    assert ("1", "1") in pairs(compare(old, new))


# -- composed pins, confidence -------------------------------------------------------------


def chain() -> tuple[Plan, Plan, Plan]:
    first = plan(
        "v1",
        clause("6", "Ukraine's armed forces will be capped at 600,000 personnel."),
        clause("7", "Ukraine will hold elections within 100 days of the signature."),
    )
    middle = plan(
        "v2",
        clause(
            "army",
            None,
            status="unknown",
            derived_from=(ClauseRef("v1", "6"),),
        ),
        follows=("v1",),
        completeness="partial",
    )
    last = plan(
        "v3",
        # Nothing in common with "6" but the figure's subject: only the pins can pair them.
        clause(
            "4", "A peacetime ceiling of 800,000 troops applies.", same_as=ClauseRef("v2", "army")
        ),
        clause("9", "Ukraine will hold elections within 100 days of the signature."),
        follows=("v2",),
    )
    return first, middle, last


def test_pins_compose_through_the_versions_between() -> None:
    first, middle, last = chain()
    alone = compare(first, last)
    assert ("6", "4") not in pairs(alone)
    through = compare(first, last, corpus=[first, middle, last])
    change = next(c for c in through.walk() if c.new == ("4",))
    assert change.old == ("6",) and change.matched_by == "pin"
    assert change.pinned_via == ("v2",) and change.confidence == 0.95
    data = diff_to_data(through)
    entry = next(c for c in data["changes"] if c["new"] == ["4"])
    assert entry["pinned_via"] == ["v2"] and entry["confidence"] == 0.95
    # A plan that is not between the two relays nothing.
    stray = replace(middle, id="elsewhere", follows=())
    assert ("6", "4") not in pairs(compare(first, last, corpus=[stray]))


def test_every_link_has_a_confidence_and_weak_ones_say_check_this() -> None:
    first, _, last = chain()
    diff = compare(first, last)
    for change in diff.walk():
        if change.old and change.new:
            assert change.confidence is not None and 0.0 <= change.confidence <= 1.0
        else:
            assert change.confidence is None
    exact = next(c for c in diff.walk() if c.new == ("9",))
    assert exact.confidence == 1.0 and not exact.check
    weak = Link((0,), (0,), "similar", 0.35, 0.3)
    assert (
        link_confidence(weak)
        < CHECK_BELOW
        <= link_confidence(Link((0,), (0,), "similar", 0.8, 0.3))
    )
    marked = replace(exact, confidence=0.5)
    assert marked.check
    text = diff_text(replace(diff, changes=(marked,)))
    assert "[unchanged, renumbered, check this: confidence 0.5]" in text


def test_a_run_of_short_reworded_points_keeps_its_links() -> None:
    anchor_a = "The parties confirm the full text of the agreement signed in Minsk."
    anchor_b = "This memorandum enters into force on the day of its signature."
    old_run = [
        "All prisoners are released.",
        "Heavy weapons are withdrawn.",
        "Monitoring is done by the OSCE.",
        "Local elections take place.",
    ]
    new_run = [
        "Every prisoner is to be freed.",
        "Withdrawal of all heavy weapons.",
        "The OSCE monitors compliance.",
        "Elections are held locally.",
    ]
    old = plan(
        "a",
        clause("1", anchor_a),
        *(clause(str(k + 2), t) for k, t in enumerate(old_run)),
        clause("6", anchor_b),
    )
    new = plan(
        "b",
        clause("1", anchor_a),
        *(clause(str(k + 2), t) for k, t in enumerate(new_run)),
        clause("6", anchor_b),
    )
    found = pairs(compare(old, new))
    assert {("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")} <= found


def test_mutual_best_matches_link_below_the_usual_floor() -> None:
    # A section rewritten so that only its rare terms survive (similarity just under the
    # floor of the joint pass): each is the other's best match in the whole other document.
    old = plan(
        "a",
        clause(
            "39",
            "Where facts justify the assumption that the obligations on access and "
            "interconnection tariffs are breached, the Federal Network Agency may open a review.",
        ),
        clause("40", "The regulator publishes an annual report on the state of competition."),
    )
    new = plan(
        "b",
        clause(
            "49",
            "Should evidence suggest that interconnection tariffs breach the access obligations, "
            "the Federal Network Agency is entitled to begin an inquiry of its own motion.",
        ),
        clause("50", "Operators must keep their customers informed about prices and terms."),
    )
    found = pairs(compare(old, new))
    assert ("39", "49") in found
    assert ("40", "50") not in found
    assert mirrored(old, new)
