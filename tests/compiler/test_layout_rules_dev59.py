"""Readings widened on the unseen59 misses (fix-dev59) beyond single routing notes: wrapped
filters and notes in a CAPI text, fills, screens, ranges, conditions in the respondent's words.
Invented wording throughout."""

from __future__ import annotations

from fielder.compiler.classify import screen_id
from fielder.compiler.instructions import interpret
from tests.compiler.conftest import by_id, compile_text

_CAPI = """
STUDY X -- MODULE P: PETS
----------------------------------------------------------------------
P1    ASK ALL

      Do you have any pets at the moment?

         1   Yes
         2   No

----------------------------------------------------------------------
P2    ASK ALL

      How many dogs do you have?

         1   None
         2   One
         3   Two or more

----------------------------------------------------------------------
P3    ASK IF HAS PETS (P1 = 1)  AND NOT DOGS ONLY
      (P2 NOT = 3)  (CASI)

      How many hours a day is your pet left alone?

      ENTER HOURS.  RANGE 0..24
      SOFT CHECK: IF MORE THAN 12, "That sounds like a long time -
      can I just check that is right?"

----------------------------------------------------------------------
PCASI ASK ALL
      INTERVIEWER: HAND THE TABLET OVER.

      The next questions are about costs. Please answer them on the
      tablet yourself.

----------------------------------------------------------------------
P4    ASK ALL

      Since you got your pet in [MONTH AND YEAR OF ADOPTION],
      have you moved house?

         1   Yes
         2   No
"""


def test_capi_filter_wrapped_before_its_bracketed_test() -> None:
    questions = by_id(compile_text(_CAPI, "pets.txt"))
    assert questions["P3"].display_if is not None
    assert "P1 == '1'" in questions["P3"].display_if
    assert "not (P2 == '3')" in questions["P3"].display_if


def test_note_wrapped_onto_a_lower_case_line_is_no_answer() -> None:
    questions = by_id(compile_text(_CAPI, "pets.txt"))
    assert questions["P3"].type == "number"
    assert questions["P3"].validation is not None
    assert questions["P3"].validation.max == 24


def test_capi_item_named_in_capitals_with_its_filter_is_a_screen() -> None:
    questions = by_id(compile_text(_CAPI, "pets.txt"))
    assert questions["PCASI"].type == "display"
    assert questions["PCASI"].text.startswith("The next questions are about costs.")


def test_time_of_an_event_in_brackets_inside_the_sentence_is_a_fill() -> None:
    questions = by_id(compile_text(_CAPI, "pets.txt"))
    assert "[MONTH AND YEAR OF ADOPTION]" in questions["P4"].text


def test_screen_named_with_its_kind_and_where_it_shows() -> None:
    # (the kind word is dropped later, `screen_names`: WELCOME_TEXT is the WELCOME screen)
    assert screen_id("Welcome text (shown before the first question):") == "WELCOME_TEXT"
    assert screen_id("Pets at home (shown on the first screen):") is None


def test_acronym_then_its_words_is_a_title_not_a_screen() -> None:
    questions = by_id(
        compile_text(
            """
            RBWA – Riverside Bowls and Walking Association
            Members' questionnaire 2025

            1. Are you a current member?
            ☐ Yes   ☐ No

            2. How often do you play?
            ☐ Weekly   ☐ Monthly   ☐ Less often
            """,
            "bowls.txt",
        )
    )
    assert "RBWA" not in questions


def test_range_in_brackets_with_a_remark_after_a_dash() -> None:
    questions = by_id(
        compile_text(
            """
            1. How many nights did you stay away from home last month?
            ________ nights	(0 to 31 – write 0 if you stayed home every night)

            2. Was any of it for work?
            ☐ Yes   ☐ No
            """,
            "nights.txt",
        )
    )
    assert questions["Q1"].type == "number"
    assert questions["Q1"].validation is not None
    assert (questions["Q1"].validation.min, questions["Q1"].validation.max) == (0, 31)


def test_respondent_filters_with_bare_answer_purpose_tail_and_is_for() -> None:
    meant_for = (
        "Question 6 is for drivers (Yes at question 1) or anyone driving more than 100 miles "
        "a week at question 2."
    )
    questions = by_id(
        compile_text(
            f"""
            1. Do you drive?
            ☐ Yes   ☐ No
            2. How many miles do you drive in a week?
            ________ miles	(0 to 2000)
            3. Would you join a car share scheme?
            ☐ Yes, as a driver   ☐ Yes, as a passenger   ☐ No
            4. Your postcode:
            Only if you answered Yes at question 3, so that we can match you with others.
            __________________
            5. Which days suit you?
            Only answer if you marked one of the two Yes boxes at question 3.
            ☐ Weekdays   ☐ Weekends
            6. How much do you spend on fuel in a week?
            {meant_for}
            ________ pounds	(0 to 500)
            """,
            "cars.txt",
        )
    )
    # ("Yes" names every kind of yes, "Yes, as a driver" and "Yes, as a passenger")
    assert questions["Q4"].display_if == "Q3 in ['1','2']"
    assert questions["Q5"].display_if == "Q3 in ['1','2']"
    assert questions["Q6"].display_if == "Q1 == '1' or Q2 > 100"
    assert [(d.kind, d.value) for d in interpret("If Yes at question 1.")] == [
        ("display_if", "Yes at question 1")
    ]
    # (a jump is no filter)
    assert [d.kind for d in interpret("If No go to Q9")] != ["display_if"]


def test_answer_filter_note_is_not_the_question_filter() -> None:
    questions = by_id(
        compile_text(
            """
            **T1** Where do you shop? Choose all that apply.

            - Online
            - In town

            **T2** What do you buy most often?

            > Show answer 3 only to people who ticked "Online" at T1 (answer filter, not a
            > question filter).

            1. Food
            2. Clothes
            3. Digital goods
            """,
            "shop.md",
        )
    )
    assert questions["T2"].display_if is None
