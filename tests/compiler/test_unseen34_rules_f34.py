"""Readings added for the unseen34 batch (transport and leisure surveys), in invented words."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_if_then_ask_a_run_of_questions_filters_each() -> None:
    # "IF … (Q2 = 3) ASK Q3–Q5, OTHERS GO TO Q6": the filter covers every question of the run
    survey = by_id(
        compile_text(
            """
            Q1. Which lantern did you carry?
            1 Copper
            2 Tin

            Q2. How did you reach the mill?
            1 On foot
            2 By cart
            3 Camped by the mill

            IF CAMPED (Q2 = 3) ASK Q3–Q5, OTHERS GO TO Q6

            Q3. How many nights did you camp?
            ______ nights

            Q4. Was the meadow dry?
            1 Yes
            2 No

            Q5. Would you camp there again?
            1 Yes
            2 No

            Q6. Any other remarks?
            ______
            """
        )
    )
    for qid in ("Q3", "Q4", "Q5"):
        assert survey[qid].display_if == "Q2 == '3'"
    assert survey["Q6"].display_if is None


def test_skip_under_a_heading_on_an_earlier_answer_filters_the_questions_it_skips() -> None:
    # "IF … (Q1 = 3), SKIP TO Q5" between a heading and Q3: Q3 and Q4 are asked of the others
    survey = by_id(
        compile_text(
            """
            Q1. Where is your burrow?
            1 In Gloamshire
            2 Elsewhere in the realm
            3 Beyond the realm

            Q2. How many acorns did you gather?
            ______ acorns

            ## D. About your nest

            IF BEYOND THE REALM (Q1 = 3), SKIP TO Q5

            Q3. What is your burrow code?
            ______

            Q4. Which best describes your nest?
            1 Solo
            2 Pair

            Q5. Which age band are you in?
            1 Young
            2 Old
            """,
            "q.md",
        )
    )
    assert survey["Q3"].display_if == "not (Q1 == '3')"
    assert survey["Q4"].display_if == "not (Q1 == '3')"
    assert survey["Q5"].display_if is None
    assert survey["Q1"].skip_to == []
    assert survey["Q2"].display_if is None


def test_more_than_one_answer_at_a_multi_is_any_two_of_its_codes() -> None:
    # "IF MORE THAN ONE CART AT Q1 ASK Q2": any two of the tick-all codes chosen together
    survey = by_id(
        compile_text(
            """
            Q1. Which carts did you ride? MULTI CODE
            1 Hay cart
            2 Pony trap
            3 Barrow
            4 None of these (EXCLUSIVE)

            IF MORE THAN ONE CART AT Q1 ASK Q2 (MAIN CART)

            Q2. Which cart did you ride the longest?
            1 Hay cart
            2 Pony trap
            3 Barrow
            """
        )
    )
    assert survey["Q2"].display_if == (
        "(Q1 contains '1' and Q1 contains '2') or (Q1 contains '1' and Q1 contains '3') "
        "or (Q1 contains '2' and Q1 contains '3')"
    )


def test_group_with_its_test_then_only_is_the_filter() -> None:
    # "[OTTER KEEPERS (Q1 = 1) ONLY. MULTI CODE]": the group, its test in brackets, then "only"
    survey = by_id(
        compile_text(
            """
            Q1. Do you keep otters?
            (1) Yes
            (2) No

            Q2. [OTTER KEEPERS (Q1 = 1) ONLY. MULTI CODE] Which fish do your otters eat?
            (1) Trout
            (2) Perch
            (3) Eel
            """
        )
    )
    assert survey["Q2"].display_if == "Q1 == '1'"
    assert survey["Q2"].type == "multi"
