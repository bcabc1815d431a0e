"""Conventions from round print74: a print view's "Multiple choice · single answer" badge, a
badge with a setting and its value, display boxes set over their questions (also under an open
question), a vertical scale whose top point lost its gap, "either of the first two boxes" and a
paper form's "please do not go any further"."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_VIEW = """Garden centre visit survey · print view

P1\tMultiple choice · single answer · force response
How did you travel to the garden centre today?
○ 1\tBy car
○ 2\tOn foot
○ 3\tBy bus
Display this question: If P1 = 1
P2\tMultiple choice · single answer
Was it easy to find a parking space?
○ 1\tYes, straight away
○ 2\tAfter a short wait
○ 3\tNo, I parked elsewhere
P3\tMultiple choice · multiple answers
Which departments did you visit? Select all that apply.
○ 1\tHouse plants
○ 2\tGarden furniture
○ 3\tThe café
○ 4\tNone of these [exclusive]
P4\tNet Promoter® · 0–10
How likely are you to recommend us to a neighbour?
○ 0\tNot at all likely
○ 1
○ 2
○ 3
○ 4
○ 5
○ 6
○ 7
○ 8
○ 9
○ 10 Extremely likely
Display this question: If P4 <= 6
P5\tText entry · multi-line
What could we have done better on your visit?
Display this question: If P4 >= 9
P6\tText entry · multi-line
What did you like most about your visit?
P7\tMultiple choice · single answer
May our team phone you about your answers?
○ 1\tYes
○ 2\tNo
Display this question: If P7 = 1
P8\tText entry · single line · validation: phone number
Which number should we call?
"""


def test_a_qualifier_counting_one_answer_overrules_the_multiple_choice_family() -> None:
    survey = by_id(compile_text(_VIEW, "view.txt"))
    assert survey["P1"].type == "single"
    assert survey["P2"].type == "single"
    assert survey["P3"].type == "multi"
    # a single answer's last option is no exclusive "none" code
    assert not any(o.exclusive for o in survey["P2"].options)


def test_a_badge_with_a_setting_and_its_value_leaves_the_words_alone() -> None:
    survey = by_id(compile_text(_VIEW, "view.txt"))
    assert survey["P8"].type == "text"
    assert survey["P8"].text == "Which number should we call?"
    assert survey["P8"].display_if == "P7 == '1'"


def test_display_boxes_over_their_questions_also_under_an_open_question() -> None:
    survey = by_id(compile_text(_VIEW, "view.txt"))
    assert survey["P2"].display_if == "P1 == '1'"
    assert survey["P5"].display_if == "P4 in ['0','1','2','3','4','5','6']"
    assert survey["P6"].display_if == "P4 in ['9','10']"


def test_a_display_box_under_an_open_question_stays_its_own_without_the_evidence() -> None:
    # no box stands under the question it tests: nothing says boxes sit over their questions
    survey = by_id(
        compile_text(
            """R1. Which shop did you visit?
○ 1\tHigh Street
○ 2\tRetail park
R2. Why did you choose that shop?
Display this question: If R1 = 2
R3. How long did you stay?
○ 1\tUnder an hour
○ 2\tLonger
""",
            "shops.txt",
        )
    )
    assert survey["R2"].display_if == "R1 == '2'"
    assert survey["R3"].display_if is None


def test_a_vertical_scale_whose_top_point_lost_its_gap() -> None:
    survey = by_id(compile_text(_VIEW, "view.txt"))
    question = survey["P4"]
    assert question.type == "scale"
    assert [o.code for o in question.options] == [str(n) for n in range(11)]
    assert question.options[0].label == "Not at all likely"
    assert question.options[-1].label == "Extremely likely"


def test_a_count_written_after_bare_numbers_stays_a_label() -> None:
    survey = by_id(
        compile_text(
            """T1. How many bicycles are there in your household?
○ 0\tNone
○ 1
○ 2
○ 3
○ 4
○ 5 or more
""",
            "bikes.txt",
        )
    )
    assert survey["T1"].options[-1].label == "5 or more"


_STOP = (
    "If you ticked No, thank you for your interest – this form is for plot holders only, so "
    "please do not go any further."
)
_BASE = (
    "Questions 4 to 5 are for plot holders who have help (you ticked either of the first two "
    "boxes at question 2). Everyone else, please go to question 6."
)
_FORM = f"""Allotment Society members' survey

1. Do you rent a plot from the society?
☐ Yes
☐ No
{_STOP}
2. Who helps you on your plot? Tick all that apply.
☐ My partner
☐ My children
☐ Friends
☐ Nobody
3. How many years have you had your plot?
Years: ______
Section B: Helpers
{_BASE}
4. How often do they come with you?
☐ Every visit
☐ Most visits
☐ Now and then
5. What do they like doing most on the plot?
______________________________
6. Would you like a second plot?
☐ Yes
☐ No
7. Which beds do you water yourself? Tick all that apply.
☐ Raised beds
☐ Fruit cage
☐ Greenhouse
If you ticked none of these, please do not go any further with this section.
8. Anything else you would like to tell the committee?
______________________________
"""


def test_please_do_not_go_any_further_after_thanks_is_a_screen_out() -> None:
    survey = by_id(compile_text(_FORM, "allotments.txt"))
    assert survey["Q1"].terminate_if == "Q1 == '2'"
    assert survey["Q7"].terminate_if is None


def test_either_of_the_first_two_boxes_names_their_codes() -> None:
    survey = by_id(compile_text(_FORM, "allotments.txt"))
    expected = "Q2 contains '1' or Q2 contains '2'"
    assert survey["Q4"].display_if == expected
    assert survey["Q5"].display_if == expected
    assert survey["Q6"].display_if is None


def test_points_written_with_a_leading_zero_keep_their_codes() -> None:
    survey = by_id(
        compile_text(
            """U1. How warm was the greenhouse this morning?
○ 00\tFreezing
○ 01
○ 02
○ 03
○ 04
○ 05 Too hot
""",
            "greenhouse.txt",
        )
    )
    codes = [o.code for o in survey["U1"].options]
    assert "00" in codes
    assert "0" not in codes
