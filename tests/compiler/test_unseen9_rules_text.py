"""General conventions met in a ninth blind batch (plain-text scripts, wiki pages, profile
sheets), one small case each, written in their own words rather than taken from any fixture."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def _codes(question: object) -> list[tuple[str, str]]:
    return [(o.code, o.label) for o in question.options]  # type: ignore[attr-defined]


def test_bracketed_codes_across_one_line_keep_their_written_codes() -> None:
    questions = by_id(
        compile_text(
            """
            2.1  Do you own a bicycle?
                 (1) Yes (2) No (8) Not sure (9) Refused
            2.2  How do you usually get to work?
                 (1) Walk (2) Bus or tram (3) Car
                 (4) Other (specify) ________ (9) Refused
            """
        )
    )
    assert _codes(questions["Q2_1"]) == [
        ("1", "Yes"),
        ("2", "No"),
        ("8", "Not sure"),
        ("9", "Refused"),
    ]
    ride = questions["Q2_2"]
    assert [o.code for o in ride.options] == ["1", "2", "3", "4", "9"]
    assert [o.code for o in ride.options if o.specify] == ["4"]


def test_an_answer_in_capitals_after_a_bracketed_code_is_kept() -> None:
    questions = by_id(
        compile_text(
            """
            1.  Is the park near your home clean?
                (1) Always (2) Sometimes (3) Never (7) NOT SURE (9) REFUSED
            2.  Do you visit it at weekends?
                (1) Yes (2) No (9) REFUSED
            """
        )
    )
    assert _codes(questions["Q1"])[-2:] == [("7", "NOT SURE"), ("9", "REFUSED")]
    assert _codes(questions["Q2"])[-1] == ("9", "REFUSED")


def test_a_running_page_counter_and_a_sentence_wrapped_before_a_number() -> None:
    questions = by_id(
        compile_text(
            """
            5.1  How many hours did you sleep on an average night in the last
                 7 days?
                 ___ ___  Hours   [Range 0-24]
            - - - - - - - - - - - - - - - - - -
             Sleep study 2030 v3                 Página 2 de 5
            - - - - - - - - - - - - - - - - - -
            5.2  Do you snore?
                 (1) Yes (2) No
            """
        )
    )
    sleep = questions["Q5_1"]
    assert sleep.text.endswith("in the last 7 days?")
    assert sleep.type == "number"
    assert not sleep.options
    assert _codes(questions["Q5_2"]) == [("1", "Yes"), ("2", "No")]
