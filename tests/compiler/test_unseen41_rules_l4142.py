"""Routing wordings from unseen41/42 (paper forms of utilities and consultations): answers named
by their places in a list ("the second, third or fourth box at question 2") and other verbs of
moving on ("go on to question 9", "turn to Part 3", "carry on from Q7")."""

from __future__ import annotations

from fielder.compiler.instructions import interpret
from tests.compiler.conftest import by_id, compile_text

_PAYERS = (
    "Questions 2 to 3 are for those paying by standing order – that is, if you ticked "
    '"Monthly standing order" at Q1. If you didn\'t, please carry on from Q4.'
)
_KEEPERS = (
    "Part B (questions 2 to 3) is for everyone keeping their ticket or unsure. If you told us "
    "at question 1 that you are giving it up, jump ahead to Part C."
)


def test_answers_named_by_a_list_of_box_places() -> None:
    survey = by_id(
        compile_text(
            """1. Where do you keep your bicycle?
1 Shed
2 Hallway
3 Garage
4 Garden
5 Somewhere else
Only answer question 2 if you ticked the second, third or fourth box at question 1.
2. How secure does it feel there?
1 Very secure
2 Not secure
3. How often do you ride?
1 Daily
2 Weekly
"""
        )
    )
    assert survey["Q2"].display_if == "Q1 in ['2','3','4']"
    assert survey["Q3"].display_if is None


def test_go_on_to_a_question_is_a_skip() -> None:
    survey = by_id(
        compile_text(
            """1. Do you own a kayak?
1 Yes
2 No
If you ticked No, go on to question 3.
2. How long is it?
1 Under 3 metres
2 3 metres or more
3. Would you join a paddling club?
1 Yes
2 No
"""
        )
    )
    assert [(s.if_, s.to) for s in survey["Q1"].skip_to] == [("Q1 == '2'", "Q3")]


def test_carry_on_from_names_where_the_others_go() -> None:
    survey = by_id(
        compile_text(
            f"""Q1. How do you pay for your allotment? Tick all that apply.
1 Monthly standing order
2 Cash at the office
3 Someone else pays
{_PAYERS}
Q2. Which day of the month is it taken?
1 Early in the month
2 Late in the month
Q3. Would you pay yearly instead?
1 Yes
2 No
Q4. How happy are you with your plot?
1 Happy
2 Unhappy
"""
        )
    )
    assert survey["Q2"].display_if == "Q1 contains '1'"
    assert survey["Q3"].display_if == "Q1 contains '1'"
    assert survey["Q4"].display_if is None


def test_section_for_a_group_in_words_with_the_others_sent_on() -> None:
    survey = by_id(
        compile_text(
            f"""1. Will you keep your season ticket next year?
1 Yes
2 Not sure
3 Giving it up
Part B
{_KEEPERS}
2. Which seat would you like?
1 Same seat
2 A new seat
3. Would you add a parking pass?
1 Yes
2 No
Part C
4. How did you hear about the club?
1 Friends
2 Online
"""
        )
    )
    assert survey["Q2"].display_if == "not (Q1 == '3')"
    assert survey["Q3"].display_if == "not (Q1 == '3')"
    assert survey["Q4"].display_if is None


def test_no_need_to_answer_and_leave_blank_name_who_skips() -> None:
    survey = by_id(
        compile_text(
            """1. Do you rent or own the flat?
1 Rent
2 Own
No need to answer question 2 if you ticked 'Own' at question 1.
2. Who is your landlord?
1 A council
2 A private landlord
3. Do you have a garden?
1 Yes
2 No
Please leave Q4 blank if you ticked the second box at Q3.
4. How big is the garden?
1 Small
2 Large
"""
        )
    )
    assert survey["Q2"].display_if == "not (Q1 == '2')"
    assert survey["Q4"].display_if == "not (Q3 == '2')"


def test_answer_at_an_earlier_question_beside_a_question_is_its_filter() -> None:
    # a note set apart beside the question (its own span on a paper form)
    read = interpret("– if you ticked ‘Another branch’ at question 1")
    assert [(d.kind, d.value) for d in read] == [
        ("display_if", "you ticked ‘Another branch’ at question 1")
    ]
    read = interpret("(Hilltop only – the second box at question 1.)")
    assert [(d.kind, d.value) for d in read] == [("display_if", "the second box at question 1")]
