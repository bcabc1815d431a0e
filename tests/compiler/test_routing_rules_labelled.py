"""Filters that name answers by their labels, and section-level filters (labelled): a bare test
over the next question ("Q2 = Bus or Train / tram only"), "Ask all who selected '…' at Q3" in
sentence case, a section heading "SECTION B: ONLY IF Q2 = 4" filtering its questions up to the
next heading, quoted labels holding commas or brackets, "who said '…' or '…' at Qn", and "or
less often at Q1" read as words, not a bound. Invented wording."""

from __future__ import annotations

from fielder.compiler.bare_filters import bare_filter
from tests.compiler.conftest import by_id, compile_text

_HEAD = (
    "Q1. Do you own a bicycle?\n1. Yes\n2. No\n\n"
    "Q2. How do you usually travel to work?\n1. On foot\n2. Bus\n3. Train / tram\n4. Own car\n\n"
    "Q3. Which of these apps do you use?\n(Select all that apply)\n1. Maps app\n2. Ticket app\n"
    "3. Taxi app\n\n"
)
_TAIL = "Q6. Anything else?\n1. Yes\n2. No\n"


def _filters(middle: str) -> dict[str, str | None]:
    survey = by_id(compile_text(_HEAD + middle + _TAIL))
    return {qid: q.display_if for qid, q in survey.items()}


def test_a_bare_label_test_over_a_question_is_its_filter() -> None:
    got = _filters(
        "Q4. How is the service?\n1. Good\n2. Poor\n\n"
        "Q2 = Bus or Train / tram only\nQ5. How crowded is it?\n1. Very\n2. Not\n\n"
    )
    assert got["Q5"] == "Q2 in ['2','3']"
    assert got["Q4"] is None


def test_a_bare_test_on_the_question_just_above_is_the_next_ones() -> None:
    got = _filters(
        "Q4. How is the service?\n1. Good\n2. Poor\n\nQ4 = Poor only\n"
        "Q5. What went wrong?\n(Please write in your answer below)\n\n"
    )
    assert got["Q5"] == "Q4 == '2'"
    assert got["Q4"] is None


def test_a_bare_test_with_a_jump_is_no_filter() -> None:
    assert bare_filter("Q1 = 2 go to Q7", None) == ""
    assert bare_filter("Q1 = Yes only", None) == "ASK IF Q1 = Yes"
    assert bare_filter("(Q1 = 1 OR Q2 = 3)", None) == "ASK IF Q1 = 1 OR Q2 = 3"
    assert bare_filter("Q1 is important to us", None) == ""


def test_ask_all_who_selected_in_sentence_case_is_the_next_questions_filter() -> None:
    got = _filters(
        "Q4. How is the service?\n1. Good\n2. Poor\n\n"
        "Ask all who selected 'Maps app' or 'Taxi app' at Q3\n"
        "Q5. How useful are the apps?\n1. Very\n2. Not\n\n"
    )
    assert got["Q5"] == "Q3 contains '1' or Q3 contains '3'"
    assert got["Q4"] is None


def test_a_section_heading_only_if_filters_its_questions_up_to_the_next_heading() -> None:
    got = _filters(
        "SECTION B: ONLY IF Q2 = Own car\n\n"
        "Q4. How long is your drive?\n(Enter a number)\n\n"
        "Q5. Where do you park?\n1. At work\n2. On the street\n\n"
        "SECTION C\n\n"
    )
    assert got["Q4"] == got["Q5"] == "Q2 == '4'"
    assert got["Q6"] is None


def test_a_quoted_label_with_a_comma_and_brackets_in_a_closing_parenthesis() -> None:
    survey = by_id(
        compile_text(
            "Q1. Do you give regularly?\n1. Yes, by standing order (monthly)\n"
            "2. Yes, in cash\n3. No\n\n"
            "Q2. How much do you give? (Only if 'Yes, by standing order (monthly)' at Q1)\n"
            "(Enter a number)\n\nQ3. Anything else?\n1. Yes\n2. No\n"
        )
    )
    assert survey["Q2"].text == "How much do you give?"
    assert survey["Q2"].display_if == "Q1 == '1'"


def test_who_said_two_quoted_labels_at_one_question() -> None:
    text = _HEAD.replace("Q3. Which of these apps", "Q3. Which others").replace(
        "1. Maps app\n2. Ticket app\n3. Taxi app", "1. On foot\n2. Bus\n3. Own car"
    )
    survey = by_id(
        compile_text(
            text + "Base: those who answered 'Bus' or 'Own car' at Q2\n"
            "Q4. How long is the trip?\n(Enter a number)\n\n" + _TAIL
        )
    )
    assert survey["Q4"].display_if == "Q2 in ['2','4']"


def test_labels_in_words_ending_in_less_often_at_a_question() -> None:
    survey = by_id(
        compile_text(
            "Q1. How often do you swim?\n1. Every week\n2. Every month\n3. Less often\n4. Never\n\n"
            "If every week or every month or less often at Q1:\n"
            "Q2. Where do you swim?\n1. Pool\n2. Sea\n\n" + _TAIL
        )
    )
    assert survey["Q2"].display_if == "Q1 in ['1','2','3']"


def test_who_said_a_test_then_a_label_stays_two_tests() -> None:
    survey = by_id(
        compile_text(
            "Q1. How many cars do you have?\n(Enter a number)\n\n"
            "Q2. Do you rent a car?\n1. Yes\n2. No\n\n"
            "Ask those who said Q1 is more than 0 or 'Yes' at Q2\n"
            "Q3. How often do you drive?\n1. Daily\n2. Weekly\n\n" + _TAIL
        )
    )
    assert survey["Q3"].display_if == "Q1 > 0 or Q2 == '1'"
