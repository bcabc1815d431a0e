"""General conventions met in a blind batch of screeners and recruitment questionnaires,
one small case each, in their own words."""

from __future__ import annotations

import textwrap

from tests.compiler.conftest import by_id, compile_text


def _compile(text: str):  # type: ignore[no-untyped-def]
    return by_id(compile_text(textwrap.dedent(text).strip() + "\n"))


def test_capitals_closing_the_labels_own_bracket_stay_in_the_label() -> None:
    questions = _compile(
        """
        Q1. Which licence do you hold?
            1  Car licence (e.g. UK, EU)
            2  Motorbike licence
            3  None
        """
    )
    labels = [o.label for o in questions["Q1"].options]
    assert labels[0] == "Car licence (e.g. UK, EU)"


def test_a_bare_code_before_retired_is_an_answer_not_a_deleted_question() -> None:
    questions = _compile(
        """
        Q1. What do you do most days?
            1  Work
            2  Study
            3  Retired
            4  Something else
        """
    )
    assert [o.label for o in questions["Q1"].options] == [
        "Work",
        "Study",
        "Retired",
        "Something else",
    ]


def test_routing_in_brackets_that_names_the_answer_leaves_the_label_clean() -> None:
    questions = _compile(
        """
        Q1. Do you own a bicycle?
            1  Yes
            2  No   (if no, skip to Q3)

        Q2. How often do you ride it?
            1  Daily
            2  Less often

        Q3. Do you walk to work?
            1  Yes
            2  No
        """
    )
    q1 = questions["Q1"]
    assert [o.label for o in q1.options] == ["Yes", "No"]
    assert [(s.if_, s.to) for s in q1.skip_to] == [("Q1 == '2'", "Q3")]


def test_answers_across_a_line_with_routing_after_the_last_one() -> None:
    questions = _compile(
        """
        Q1. Do you have a garden?
            1 Yes    2 No -> go to Q3

        Q2. How big is it?
            1  Small
            2  Large

        Q3. Do you have a balcony?
            1  Yes
            2  No
        """
    )
    q1 = questions["Q1"]
    assert [(o.code, o.label) for o in q1.options] == [("1", "Yes"), ("2", "No")]
    assert [(s.if_, s.to) for s in q1.skip_to] == [("Q1 == '2'", "Q3")]


def test_a_long_bracketed_note_wrapped_over_two_lines_is_left_out_of_the_screen() -> None:
    questions = _compile(
        """
        Q1. Do you own a boat?
            1  Yes
            2  No

        END:
        Thanks for taking part, your voucher will be emailed to you shortly.

        [MESSAGE FOR SCREEN-OUTS AT Q1: "Sorry, this study is only open to boat owners at the
        moment." - USE THE USUAL LAYOUT, NOT A QUESTION]
        """
    )
    assert questions["END"].text == (
        "Thanks for taking part, your voucher will be emailed to you shortly."
    )


def test_a_filter_sentence_naming_codes_at_a_question_in_brackets() -> None:
    questions = _compile(
        """
        Q1. How do you usually travel to work?
            1  Car
            2  Bus
            3  Train
            4  Bicycle

        Only ask Q2 of people who use public transport (2 or 3 at Q1). Everyone else
        goes to Q3.

        Q2. How long is your usual journey?
            1  Under 30 minutes
            2  30 minutes or more

        Q3. Do you work from home at all?
            1  Yes
            2  No
        """
    )
    assert questions["Q2"].display_if == "Q1 in ['2','3']"
    assert questions["Q3"].display_if is None


def test_a_screen_out_on_the_last_years_a_box_allows_is_a_bound() -> None:
    questions = _compile(
        """
        Q1. In what year did you start your current job?  [NUMERIC - ALLOW 1970-2025]
            ______
            [SCREEN OUT IF 2024 OR 2025 - NEW STARTERS CANNOT TAKE PART]

        Q2. Do you manage other people?
            1  Yes
            2  No
        """
    )
    assert questions["Q1"].terminate_if == "Q1 >= 2024"


def test_a_hidden_variables_codes_are_not_the_answers_of_the_question_above() -> None:
    questions = _compile(
        """
        Q1. How old are you? WRITE IN EXACT AGE
            ______ years
        [IF UNDER 21 OR OVER 65, TERMINATE]
        [HIDDEN - NOT ASKED: AGEBAND  1 = 21-40   2 = 41-65]

        Q2. Do you drive?
            1  Yes
            2  No
        """
    )
    assert questions["Q1"].type == "number"
    assert questions["Q1"].options == []


def test_routing_capitals_that_end_in_group_numbers_are_a_tag() -> None:
    questions = _compile(
        """
        Q1. How often do you go swimming?
            Every week\t1\tCONTINUE – GROUPS 1/2
            Every month\t2\tCONTINUE – GROUPS 3/4
            Less often\t3\tTERMINATE
        """
    )
    assert [(o.code, o.label) for o in questions["Q1"].options] == [
        ("1", "Every week"),
        ("2", "Every month"),
        ("3", "Less often"),
    ]


def _compile_md(text: str):  # type: ignore[no-untyped-def]
    return by_id(compile_text(textwrap.dedent(text).strip() + "\n", "q.md"))


def test_codes_listed_before_the_question_they_are_at_all_belong_to_it() -> None:
    questions = _compile(
        """
        Q1. When did you last visit a dentist?
            1  This year
            2  Last year
            3  Longer ago

        ASK Q2 AND Q3 IF CODE 2 OR 3 AT Q1

        Q2. How many visits have you had in all? WRITE IN NUMBER
            ______

        Q3. Do you have a regular dentist?
            1  Yes
            2  No
        """
    )
    assert questions["Q2"].display_if == "Q1 in ['2','3']"
    assert questions["Q3"].display_if == "Q1 in ['2','3']"


def test_a_must_select_line_with_if_not_is_a_screen_out_of_the_rest() -> None:
    questions = _compile(
        """
        Q1. Which of these shops have you used this month? CODE ALL THAT APPLY
            Corner Mart\t1
            Fresh Fields\t2
            None of these\t3\tTERMINATE
        MUST SELECT CODE 2 (FRESH FIELDS) – IF NOT, TERMINATE

        Q2. Which pets do you keep? CODE ALL THAT APPLY
        MUST SELECT CODE 1 TO CONTINUE – OTHERWISE CLOSE
            Dog\t1
            Cat\t2
        """
    )
    assert questions["Q1"].terminate_if == "(Q1 contains '3') or (not (Q1 contains '2'))"
    assert questions["Q2"].terminate_if == "not (Q2 contains '1')"


def test_a_sentence_case_marking_sentence_in_italics_stays_in_the_question() -> None:
    questions = _compile_md(
        """
        **Q1.** Which of these sports do you play? *Select all that apply.*

        - Tennis
        - Golf
        - Rugby
        """
    )
    assert questions["Q1"].text == "Which of these sports do you play? Select all that apply."


def test_an_exclusive_tag_then_an_arrow_in_a_routing_cell() -> None:
    questions = _compile_md(
        """
        **Q1.** Which of these magazines do you read? *Select all that apply.*

        `MULTI`

        | Code | Response | Routing |
        |---|---|---|
        | 1 | Weekly News | |
        | 2 | Garden Monthly | |
        | 99 | None of these | EXCLUSIVE → Q3 |

        **Q2.** Which one do you read most?

        | Code | Response |
        |---|---|
        | 1 | Weekly News |
        | 2 | Garden Monthly |

        **Q3.** How old are you?

        `NUMERIC`
        """
    )
    q1 = questions["Q1"]
    assert [(s.if_, s.to) for s in q1.skip_to] == [("Q1 contains '99'", "Q3")]


def test_named_at_least_one_answer_at_a_question_is_any_of_its_answers_but_none() -> None:
    questions = _compile(
        """
        Q1. Which of these parks have you visited? MULTI CODE
            1  Hill Park
            2  River Park
            3  None of these   EXCLUSIVE

        Q2. Which one did you enjoy most?
        [Ask all who named at least one park at Q1.]
            1  Hill Park
            2  River Park
        """
    )
    assert questions["Q2"].display_if == "Q1 contains '1' or Q1 contains '2'"


def test_a_heading_naming_the_intro_with_a_remark_in_brackets() -> None:
    questions = _compile_md(
        """
        ### Intro text (read to everyone)

        Thanks for joining us today, this short survey is about your local library.

        ### 1. How often do you visit the library?

        - Weekly
        - Monthly
        - Less often

        ### 2. Do you have a library card?

        - Yes
        - No
        """
    )
    assert questions["INTRO"].type == "display"
    assert [o.label for o in questions["Q1"].options] == ["Weekly", "Monthly", "Less often"]


def test_codes_then_an_arrow_to_end_with_no_end_screen_screen_out() -> None:
    questions = _compile(
        """
        Q1. How much do you like cooking? SINGLE CODE
            1  Not at all
            2  A little
            3  A lot
        1 or 2 → END

        Q2. How often do you cook?
            1  Daily
            2  Weekly
        """
    )
    assert questions["Q1"].terminate_if == "Q1 in ['1','2']"
    assert questions["Q1"].skip_to == []


def test_screen_out_anyone_who_selects_the_first_answers_of_the_list() -> None:
    questions = _compile(
        """
        Q1. Does anyone in your home work in any of these areas? MULTI CODE
            1  Journalism
            2  Advertising
            3  Market research
            4  None of these
        Screen out anyone who selects any of the first three options. Last option is exclusive.
        """
    )
    q1 = questions["Q1"]
    assert q1.terminate_if == "Q1 contains '1' or Q1 contains '2' or Q1 contains '3'"
    assert [o.code for o in q1.options if o.exclusive] == ["4"]


def test_only_show_a_question_if_a_quoted_answer_was_ticked() -> None:
    questions = _compile(
        """
        Q1. Which of these do you use? MULTI CODE
            1  A paper diary
            2  A calendar app
            3  Neither

        Only show Q2 if they ticked "A calendar app" at Q1.

        Q2. Which calendar app do you use?
            ______
        """
    )
    assert questions["Q2"].display_if == "Q1 contains '2'"


def test_whom_in_words_then_the_code_at_a_question_after_a_comma() -> None:
    questions = _compile(
        """
        Q1. Which of these do you have? MULTI CODE
            1  A bicycle
            2  A car

        Q2. How often do you cycle? [SINGLE – ASK THOSE WITH A BICYCLE, CODE 1 AT Q1]
            1  Daily
            2  Less often
        """
    )
    assert questions["Q2"].display_if == "Q1 contains '1'"


def test_statements_then_an_answer_scale_line_form_a_grid() -> None:
    questions = _compile(
        """
        Q1. How much do you agree with each statement? [GRID – ONE ANSWER PER ROW]
            a) Buses are reliable
            b) Trains are good value
            Answer scale: 1 Disagree    2 Neither    3 Agree
        """
    )
    q1 = questions["Q1"]
    assert q1.type == "grid"
    assert [r.label for r in q1.rows] == ["Buses are reliable", "Trains are good value"]
    assert [o.label for o in q1.options] == ["Disagree", "Neither", "Agree"]
