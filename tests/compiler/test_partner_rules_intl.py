"""Routing written in English by non-native writers (fix-intl): "In case of No → close",
"Apply Q4 only to those who …", "Apply to codes 1 or 2 in Q2", "Continue with Q4 only those
who …", "those that have selected 1 or 2 in Q2". Invented wording."""

from __future__ import annotations

from fielder.compiler.partner_phrases import partner_text
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text

_BODY = """\
Q1. What is your age?
(Numeric.)

Q2. Did you buy a bicycle in the last one year?
Yes, new – 1
Yes, used – 2
No – 3
{after_q2}

{before_q3}
Q3. Which shop did you buy it from?
Local shop – 1
Online – 2

Q4. Do you own a car?
Yes – 1
No – 2
"""


def _compile(after_q2: str = "", before_q3: str = "") -> dict[str, Question]:
    return by_id(compile_text(_BODY.format(after_q2=after_q2, before_q3=before_q3), "q.txt"))


def test_in_case_of_answer_arrow_is_a_screen_out() -> None:
    questions = _compile(after_q2="In case of No → finish the interview.")
    assert questions["Q2"].terminate_if == "Q2 == '3'"


def test_in_case_of_without_arrow_is_left() -> None:
    assert partner_text("In case of doubt the master version is binding.") == (
        "In case of doubt the master version is binding."
    )
    questions = _compile(after_q2="In case of doubt ask the supervisor.")
    assert questions["Q2"].terminate_if is None


def test_apply_only_to_those_who_is_a_filter() -> None:
    note = "Apply Q3 only to those who purchased in the last one year (code 1 or 2 in Q2)."
    assert _compile(before_q3=note)["Q3"].display_if == "Q2 in ['1','2']"


def test_apply_to_respondents_with_age() -> None:
    note = "Apply to respondents with age more than 30 (Q1)."
    assert _compile(before_q3=note)["Q3"].display_if == "Q1 > 30"


def test_apply_to_codes() -> None:
    assert partner_text("Apply to codes 1 or 2 in P13") == "Only for codes 1 or 2 in P13"


def test_apply_in_a_question_is_left() -> None:
    text = "Do any of these apply to you? Select all that apply."
    assert partner_text(text) == text


def test_continue_with_only_those_who() -> None:
    note = "Continue with Q3 only those who bought (codes 1 or 2 in Q2)"
    assert _compile(before_q3=note)["Q3"].display_if == "Q2 in ['1','2']"


def test_continue_without_only_is_left() -> None:
    text = "Continue with Q3 for everybody."
    assert partner_text(text) == text


def test_those_that_have_selected_codes() -> None:
    note = "Q3 is asked to those that have selected 1 or 2 in Q2."
    assert _compile(before_q3=note)["Q3"].display_if == "Q2 in ['1','2']"
