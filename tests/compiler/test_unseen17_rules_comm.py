"""Conventions from a volunteer-written needs survey (unseen17, r2comm), one small case each, in
invented words."""

from __future__ import annotations

from fielder.compiler.instructions import interpret
from tests.compiler.conftest import by_id, compile_text


def test_thank_them_and_end_is_a_screen_out() -> None:
    found = interpret("if another club, thank them and end - the grant only covers our members")
    assert [(d.kind, d.value) for d in found] == [("terminate_if", "another club")]


def test_thank_them_and_end_in_brackets_under_the_answers() -> None:
    survey = by_id(
        compile_text(
            "1. Which club are you a member of?\n"
            "   1 Rovers    2 Wanderers    3 Another club\n\n"
            "   (if another club, thank them and end - the grant only covers\n"
            "   our two clubs)\n\n"
            "2. How often do you come to training?\n"
            "   1 Weekly\n"
            "   2 Monthly\n"
        )
    )
    assert survey["Q1"].terminate_if == "Q1 == '3'"
    assert survey["Q2"].terminate_if is None


_LATE_QUESTIONS = (
    "1. Do you own a bicycle?\n"
    "   1 Yes\n"
    "   2 No\n\n"
    "Which shops do you buy parts from? (tick all that apply)\n"
    "   The market / A bike shop / Online / A friend\n\n"
    "2. How often do you ride?\n"
    "   1 Daily   2 Weekly   3 Rarely\n\n"
    "What puts you off riding more? (tick all that apply)\n"
    "   1 Traffic\n"
    "   2 Weather\n"
    "   3 Nothing\n\n"
    "2a. Would you join a group ride?\n"
    "   1 Yes\n"
    "   2 No\n"
)


def test_a_question_without_a_number_is_named_after_the_number_before_it() -> None:
    survey = by_id(compile_text(_LATE_QUESTIONS))
    assert list(survey) == ["Q1", "Q1a", "Q2", "Q2b", "Q2a"]
    assert survey["Q1"].type == "single"
    assert [o.label for o in survey["Q1"].options] == ["Yes", "No"]
    assert survey["Q2b"].type == "multi"
    assert [o.code for o in survey["Q2b"].options] == ["1", "2", "3"]
    assert survey["Q2"].type == "single"


def test_answers_parted_by_slashes_under_the_question_are_coded_in_order() -> None:
    survey = by_id(compile_text(_LATE_QUESTIONS))
    question = survey["Q1a"]
    assert question.type == "multi"
    assert question.text == "Which shops do you buy parts from? (tick all that apply)"
    assert [(o.code, o.label) for o in question.options] == [
        ("1", "The market"),
        ("2", "A bike shop"),
        ("3", "Online"),
        ("4", "A friend"),
    ]


def test_a_statement_line_after_answers_is_no_question() -> None:
    survey = by_id(
        compile_text(
            "1. Do you own a bicycle?\n"
            "   1 Yes\n"
            "   2 No\n\n"
            "Thank you, that is all about bicycles.\n\n"
            "2. How often do you ride?\n"
            "   1 Daily   2 Weekly   3 Rarely\n"
        )
    )
    assert list(survey) == ["Q1", "Q2"]


def test_a_number_line_that_is_only_a_filter_starts_the_question_below_it() -> None:
    survey = by_id(
        compile_text(
            "1. How many pets live with you?\n"
            "   ______ pets    (0 to 9)\n\n"
            "2. Do you walk to work?\n"
            "   1 Yes\n"
            "   2 No\n\n"
            "3. Only answer this if you have pets at home (see 1).\n"
            "Which of these do you buy for them? (tick all that apply)\n"
            "   1 Food\n"
            "   2 Toys\n"
            "   3 Bedding\n\n"
            "4. How old are you?\n"
            "   1 Under 40   2 40 or over\n"
        )
    )
    assert list(survey) == ["Q1", "Q2", "Q3", "Q4"]
    question = survey["Q3"]
    assert question.text == "Which of these do you buy for them? (tick all that apply)"
    assert [o.label for o in question.options] == ["Food", "Toys", "Bedding"]
    assert question.display_if == "Q1 > 0"
    assert [o.label for o in survey["Q2"].options] == ["Yes", "No"]
