"""Printed answer rows and sentences a print form and a build spec use, one small case each, in
invented words: boxes over numbers with their end words, a lone row of digit boxes, a
"none of this" answer in the first person, a survey that "ends", a scale key with a note."""

from __future__ import annotations

from fielder.compiler.instructions import interpret
from tests.compiler.conftest import by_id, compile_text

_SEX = "3. Which of these describes you?\n☐ Male\n☐ Female\n"


def test_boxes_over_numbers_with_end_words_run_together_under_them() -> None:
    survey = by_id(
        compile_text(
            "Ferry passenger survey\n\n"
            "1. Overall, how would you rate your crossing today?\n"
            "☐ ☐ ☐ ☐ ☐ ☐ ☐ ☐ ☐ ☐ ☐\n"
            "0 1 2 3 4 5 6 7 8 9 10\n"
            "It was a very poor crossing It was a very good crossing\n\n"
            "2. How likely are you to travel with us again?\n"
            "☐ ☐ ☐ ☐ ☐\n"
            "1 2 3 4 5\n"
            "Not at all likely Very likely\n\n" + _SEX
        )
    )
    rate, again = survey["Q1"], survey["Q2"]
    assert rate.type == "scale"
    assert [(o.code, o.label) for o in rate.options][::10] == [
        ("0", "It was a very poor crossing"),
        ("10", "It was a very good crossing"),
    ]
    assert [o.label for o in again.options] == ["Not at all likely", "2", "3", "4", "Very likely"]
    assert survey["Q3"].type == "single"


def test_boxes_with_end_words_between_them_and_the_numbers() -> None:
    survey = by_id(
        compile_text(
            "Ferry passenger survey\n\n"
            "1. How clean was the passenger lounge?\n"
            "☐ ☐ ☐ ☐ ☐\n"
            "Very dirty\tVery clean\n"
            "1 2 3 4 5\n\n" + _SEX.replace("3.", "2.")
        )
    )
    assert [o.label for o in survey["Q1"].options] == ["Very dirty", "2", "3", "4", "Very clean"]


def test_a_lone_row_of_boxes_under_a_question_takes_digits() -> None:
    survey = by_id(
        compile_text(
            "Ferry passenger survey\n\n"
            "1. In what year did you first travel with us?\n"
            "☐ ☐ ☐ ☐\n\n"
            "2. Did you bring a vehicle?\n"
            "☐ Yes\n"
            "☐ No\n"
        )
    )
    assert survey["Q1"].type == "number"
    assert survey["Q2"].type == "single"


def test_i_do_not_have_any_at_the_end_of_a_multi_stands_alone() -> None:
    survey = by_id(
        compile_text(
            "Q1. Which of these do you own? Tick all that apply.\n"
            "☐ A bicycle\n"
            "☐ A scooter\n"
            "☐ A motorbike\n"
            "☐ I do not have any of these\n\n"
            "Q2. How do you usually travel to work?\n"
            "☐ Walk\n"
            "☐ Bus\n"
        )
    )
    assert [o.exclusive for o in survey["Q1"].options] == [False, False, False, True]


def test_the_survey_ends_is_a_screen_out() -> None:
    found = interpret("If they are under 16 the questionnaire ends.")
    assert [(d.kind, d.value) for d in found] == [("terminate_if", "they are under 16")]


def test_a_scale_key_with_a_bracketed_note_after_it() -> None:
    survey = by_id(
        compile_text(
            "Q1. Overall, how satisfied are you with the ferry?\n"
            "0 = Not at all satisfied … 10 = Completely satisfied (show the points in one row)\n"
            "Q2. Sex?\n"
            "1\tMale\n"
            "2\tFemale\n"
        )
    )
    ferry = survey["Q1"]
    assert ferry.type == "scale"
    assert (ferry.options[0].label, ferry.options[-1].label) == (
        "Not at all satisfied",
        "Completely satisfied",
    )


def test_a_change_mark_is_no_part_of_the_words() -> None:
    survey = by_id(
        compile_text(
            "Q1. Which ferry did you take today?\n"
            "1\tMorning sailing\n"
            "2\tEvening sailing\n"
            "Q2. Why did you choose that sailing?\n"
            "NEW v2 – open text box\n"
            "Q3. How many people travelled with you? [NUM]\n"
        )
    )
    assert survey["Q2"].type == "long_text"
    assert survey["Q2"].options == []


def test_capitals_after_a_question_ending_in_an_ellipsis_are_an_instruction() -> None:
    survey = by_id(
        compile_text(
            "Q1. How much do you agree that the crossing… SINGLE CODE PER ROW\n"
            "\tAgree\tDisagree\n"
            "…was on time\t1\t2\n"
            "…was comfortable\t1\t2\n"
            "Q2. Sex?\n"
            "1\tMale\n"
            "2\tFemale\n"
        )
    )
    assert survey["Q1"].text == "How much do you agree that the crossing…"


def test_a_filter_sentence_under_an_unfinished_question_is_no_part_of_it() -> None:
    survey = by_id(
        compile_text(
            "**Q1.** Which ferry line do you use most often?\n\n"
            "- 1 – Northern Line Ferries\n"
            "- 2 – Isle Link\n\n"
            "**Q2.** Compared with the old timetable, is the new one…\n\n"
            "Only ask people who use Isle Link most often (Q1 = 2).\n\n"
            "- 1 – Better\n"
            "- 2 – About the same\n"
            "- 3 – Worse\n",
            name="ferry.md",
        )
    )
    assert survey["Q2"].text == "Compared with the old timetable, is the new one…"
    assert survey["Q2"].display_if == "Q1 == '2'"


def test_an_exclusive_tag_in_a_code_and_answer_table() -> None:
    survey = by_id(
        compile_text(
            "**Q1.** Which of these would you like on board? _[MULTI]_\n\n"
            "| Code | Feature |\n|---|---|\n"
            "| 1 | Wi-Fi |\n| 2 | A quiet lounge |\n| 99 | None of these (exclusive) |\n\n"
            "**Q2.** How many times a year do you travel?\n\n_[NUMBER]_\n",
            name="ferry.md",
        )
    )
    assert [(o.label, o.exclusive) for o in survey["Q1"].options][-1] == ("None of these", True)


def test_a_constant_sum_with_boxes_before_its_items_and_a_printed_total() -> None:
    survey = by_id(
        compile_text(
            "Q1. Roughly what share of your crossings are for each purpose?\n"
            "PN: CONSTANT SUM, MUST TOTAL 100.\n"
            "_____ % Commuting to work\n"
            "_____ % Visiting family or friends\n"
            "_____ % Holidays\n"
            "Total: 100%\n"
            "Q2. How old are you?\n"
            "PN: NUMERIC, RANGE 18-99.\n"
        )
    )
    split = survey["Q1"]
    assert split.type == "constant_sum"
    assert [o.label for o in split.options] == [
        "Commuting to work",
        "Visiting family or friends",
        "Holidays",
    ]
