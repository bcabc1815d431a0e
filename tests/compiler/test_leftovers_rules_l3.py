"""Leftover readings from unseen34–36 (l3), in invented words: an answer's `→ survey ends`,
"'X' can't be ticked with a <kind>. If it is ticked → end the survey", a reason then `: screen out
if "X"`, `(code 1) circled at question 2`, `Show the <things> circled at question 2`, an answer
`Bike or scooter` named as `bike, scooter or tram`, `Not asked of <who> (Q4)`, a square-bracket
code after words that start with a number, "any more" in a reason, a colon inside a filter's
bracket, `BAND A (UNDER £40 A WEEK): SCREEN OUT`, and a bound over answers that are bands."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_arrow_survey_ends_on_an_answer_terminates() -> None:
    survey = by_id(
        compile_text(
            """1. Which of these pets do you keep? Circle all that apply.
Dog\t1
Cat\t2
No pets\t3 → survey ends
2. How old is your oldest pet?
Under 5\t1
5 or older\t2
"""
        )
    )
    assert survey["Q1"].terminate_if == "Q1 contains '3'"


def test_cannot_be_ticked_with_a_kind_and_if_it_is_ticked_end() -> None:
    survey = by_id(
        compile_text(
            """Q1. Which evenings did you swim? Tick all that apply.
☐ Monday
☐ Wednesday
☐ I did not swim after all
"I did not swim after all" can't be ticked with an evening. If it is ticked → end the survey.
Q2. How warm was the water?
☐ Warm
☐ Cold
"""
        )
    )
    q1 = survey["Q1"]
    assert [o.code for o in q1.options if o.exclusive] == ["3"]
    assert q1.terminate_if == "Q1 contains '3'"


def test_reason_then_colon_screen_out_if_quoted_answer() -> None:
    survey = by_id(
        compile_text(
            """Q1. What kind of pass do you hold?
☐ Season pass
☐ Day pass
☐ Staff lanyard
Staff have their own questionnaire: screen out if "Staff lanyard".
Q2. How often do you visit?
☐ Weekly
☐ Monthly
"""
        )
    )
    assert survey["Q1"].terminate_if == "Q1 == '3'"


def test_code_in_brackets_circled_at_question_n_filters() -> None:
    survey = by_id(
        compile_text(
            """1. Which of these do you grow? Circle all that apply.
Tomatoes\t1
Beans\t2
Herbs\t3
2. How many tomato plants do you have?
Only if tomatoes (code 1) circled at question 1.
______ plants
"""
        )
    )
    assert survey["Q2"].display_if == "Q1 contains '1'"


def test_show_the_things_circled_at_question_n_carries_forward() -> None:
    survey = by_id(
        compile_text(
            """1. Which of these instruments do you play? Circle all that apply.
Piano\t1
Guitar\t2
Drums\t3
None of these\t4
2. Which one do you play most? IF MORE THAN ONE AT QUESTION 1 ASK QUESTION 2.
Show the instruments circled at question 1.
3. How many hours a week do you practise?
______ hours
"""
        )
    )
    q2 = survey["Q2"]
    assert q2.type == "single"
    assert q2.options_from is not None
    assert q2.options_from.question == "Q1"
    assert [o.label for o in q2.options] == ["Piano", "Guitar", "Drums"]


def test_listed_words_name_an_answer_joined_by_or() -> None:
    survey = by_id(
        compile_text(
            """Q1. How did you get to the market?
○ Bike or scooter
○ Walked
○ Tram
○ Taxi
Q2. Where did you leave it?
Only answer if came by bike, scooter or tram (Q1).
○ At a stand
○ Somewhere else
"""
        )
    )
    assert survey["Q2"].display_if == "Q1 in ['1','3']"


def test_not_asked_of_whom_with_the_question_in_brackets() -> None:
    survey = by_id(
        compile_text(
            """Q1. Where are you sleeping tonight?
○ Tent
○ Hostel
○ With my family
Q2. Roughly how much is a night costing you, in euros?
Not asked of guests sleeping with my family (Q1). Number, 0–400.
€ ________ per night
"""
        )
    )
    assert survey["Q2"].display_if == "not (Q1 == '3')"


def test_square_bracket_code_after_words_starting_with_a_number() -> None:
    survey = by_id(
        compile_text(
            """**K3** Which ONE of these perks matters most?

- 2 free drinks a month [1]
- Priority seating [2]
- 10% off merchandise [3]
""",
            name="q.md",
        )
    )
    assert [(o.code, o.label) for o in survey["K3"].options] == [
        ("1", "2 free drinks a month"),
        ("2", "Priority seating"),
        ("3", "10% off merchandise"),
    ]


def test_any_more_is_a_reason_not_a_none() -> None:
    survey = by_id(
        compile_text(
            """**K5** Why would you not join? Please select all that apply. *MULTI*

- It is too far away [1]
- I don't need any more memberships [2]
- Something else (please specify) [97]
""",
            name="q.md",
        )
    )
    assert not any(o.exclusive for o in survey["K5"].options)


def test_colon_inside_a_filters_bracket_keeps_the_filter_whole() -> None:
    survey = by_id(
        compile_text(
            """**K1** How many miles do you run in a typical week?

*Numeric, 0–300.*

**K2** Which race are you training for?

- A 10k [1]
- A half marathon [2]

> **Filter:** heavy runners only (group C: K1 of 40 or more)

**K3** How much would you pay a month for a coach?

*Numeric, £0–200.*
""",
            name="q.md",
        )
    )
    assert survey["K3"].display_if == "K1 >= 40"


def test_named_band_with_its_bound_in_brackets_screens_out() -> None:
    survey = by_id(
        compile_text(
            """**K1** Roughly how much do you spend on takeaways in a typical week, in pounds?

*Numeric, £0–900. BAND A (UNDER £40 A WEEK): SCREEN OUT. Band B (£40+) continues.*

**K2** Which app do you order with most?

- Plateful [1]
- Dishdash [2]
""",
            name="q.md",
        )
    )
    assert survey["K1"].terminate_if == "K1 < 40"


def test_section_for_a_bound_over_band_answers() -> None:
    survey = by_id(
        compile_text(
            """## A Your guest house

**1.** How many rooms does your guest house have?

- ☐ Fewer than 5
- ☐ 5 to 19
- ☐ 20 to 59
- ☐ 60 or more

**2.** Do you take online bookings?

- ☐ Yes
- ☐ No

## B Larger guest houses

Section B is for houses with 20 or more rooms (question 1). Smaller ones go to Section C.

**3.** Do you employ a night porter?

- ☐ Yes
- ☐ No

## C About you

**4.** How long have you run the guest house?

- ☐ Under a year
- ☐ Longer
""",
            name="q.md",
        )
    )
    assert survey["Q3"].display_if == "Q1 in ['3','4']"
    assert survey["Q4"].display_if is None
