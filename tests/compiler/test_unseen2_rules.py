"""General conventions met in a second blind batch of questionnaires, one small case each
(written in their own words, not taken from any fixture)."""

from __future__ import annotations

import pytest

from tests.compiler.conftest import by_id, compile_text


@pytest.mark.parametrize("separator", ["·", "•", "|"])
def test_an_id_set_apart_by_a_middle_dot_or_bullet(separator: str) -> None:
    survey = compile_text(
        f"""
        ## K4 {separator} Which ferry did you take this morning?

        - Red line
        - Blue line

        ## K5 {separator} How crowded was the deck?

        - Very
        - Not at all
        """,
        "spec.md",
    )
    questions = by_id(survey)
    assert list(questions) == ["K4", "K5"]
    assert questions["K4"].text == "Which ferry did you take this morning?"


def test_a_number_a_gap_away_from_a_question_labels_it() -> None:
    survey = compile_text(
        "1\tWhich bus did you catch today?\n1\tThe 12\n2\tThe 40\n\n"
        "2  Did it leave on time?\n1\tYes\n2\tNo\n"
    )
    questions = by_id(survey)
    assert list(questions) == ["Q1", "Q2"]
    assert [o.label for o in questions["Q1"].options] == ["The 12", "The 40"]
