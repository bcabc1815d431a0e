"""Filters worded as a group of people with a coded test (invented wording): groups left out
("Not for those who …", "everyone except …", "excluding …"), groups let in with no lead word
("Those who answered code 1 in question 2", "Respondents with Q2 = 1-3"), a line of tests
joined by OR / AND, and codes "mentioned at" a multi."""

from __future__ import annotations

import pytest

from fielder.compiler.group_filters import group_filter
from tests.compiler.conftest import by_id, compile_text


def _garden(note: str) -> str:
    return "\n".join(
        [
            "Q1. Do you have a garden?",
            "1. Yes",
            "2. No",
            "",
            "Q2. How often do you water the plants?",
            "1. Every day",
            "2. Most days",
            "3. Once a week",
            "4. Hardly ever",
            "",
            "Q3. How many trees are in the garden?",
            "(Enter a number)",
            "",
            "Q4. Which tools do you own?",
            "(Select all that apply)",
            "1. Spade",
            "2. Rake",
            "3. Hose",
            "",
            note,
            "Q5. Why do you water them so often?",
            "(Please write in your answer below)",
            "",
            "Q6. Anything else to add?",
            "(Please write in your answer below)",
        ]
    )


@pytest.mark.parametrize(
    "note",
    [
        "Not for those who said 'Hardly ever' at Q2",
        "For everyone except code 4 at Q2",
        "Everyone except those who chose 4 at Q2",
        "All except code 4 at Q2",
        "Excluding people with Q2 = 4",
        "Universe: all except those who hardly ever water (Q2 not equal to 4)",
    ],
)
def test_a_group_left_out_is_the_test_negated(note: str) -> None:
    questions = by_id(compile_text(_garden(note)))
    assert questions["Q5"].display_if == "not (Q2 == '4')"
    assert questions["Q4"].display_if is None
    assert questions["Q6"].display_if is None


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Those who answered code 1 or 2 in question 2", "Q2 in ['1','2']"),
        ("Respondents with Q2 = 1-3", "Q2 in ['1','2','3']"),
        ("Asked to respondents with Q2 = 1-3", "Q2 in ['1','2','3']"),
        ("Q1=1 OR Q3>2", "Q1 == '1' or Q3 > 2"),
        ("Q1 = 1 AND Q2 = 3", "Q1 == '1' and Q2 == '3'"),
        ("ASK IF CODE 1 OR 2 MENTIONED AT Q4", "Q4 contains '1' or Q4 contains '2'"),
        ("ASK IF CODE 1 OR 3 SELECTED AT Q4", "Q4 contains '1' or Q4 contains '3'"),
    ],
)
def test_a_group_let_in_or_bare_tests_filter_the_next_question(note: str, expected: str) -> None:
    questions = by_id(compile_text(_garden(note)))
    assert questions["Q5"].display_if == expected
    assert questions["Q4"].display_if is None


def test_a_group_filter_under_an_open_question_is_the_next_ones() -> None:
    text = _garden("Asked to respondents with Q2 = 1-2").replace(
        "Q6. Anything", "Asked to respondents with Q2 = 3-4\nQ6. Anything"
    )
    questions = by_id(compile_text(text))
    assert questions["Q5"].display_if == "Q2 in ['1','2']"
    assert questions["Q6"].display_if == "Q2 in ['3','4']"


@pytest.mark.parametrize(
    "line",
    [
        "Those who answered Yes at question 2, please answer questions 5 to 7",
        "Everyone except code 4 at Q2 go to Q6",
        "Those who live alone",
        "Not for those who are new customers?",
    ],
)
def test_lines_with_an_action_or_no_question_are_not_group_filters(line: str) -> None:
    assert group_filter(line) is None


def test_lettered_codes_listed_at_a_question() -> None:
    text = _garden("ASK IF CODE A OR B MENTIONED AT Q4")
    text = text.replace("1. Spade", "A. Spade").replace("2. Rake", "B. Rake")
    text = text.replace("3. Hose", "C. Hose")
    plain = text.replace("ASK IF CODE A OR B MENTIONED AT Q4", "ASK IF Q4 = A OR B")
    # (the letters are read as the codes the document gives them, as in the plain test)
    expected = by_id(compile_text(plain))["Q5"].display_if
    assert expected is not None
    assert by_id(compile_text(text))["Q5"].display_if == expected
