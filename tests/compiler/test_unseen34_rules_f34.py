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
