"""Groups named only in words, resolved to an earlier question's answers (`group_names`,
`scoped_notes`, `sheet`, `parse`), in wordings of their own."""

from __future__ import annotations

from fielder.compiler.scoped_notes import read_scoped_note
from fielder.compiler.sheet import _logic_cell
from tests.compiler.conftest import by_id, compile_text


def _filters(text: str, name: str = "q.txt") -> dict[str, str | None]:
    return {qid: q.display_if for qid, q in by_id(compile_text(text, name)).items()}


_TAIL = """
Q9. Any other comments?
1 Yes
2 No
"""


def test_a_run_for_residents_bounded_by_a_number_question() -> None:
    text = """
Q1. How many years have you worked at the firm?
Years: ______ (0 to 60)
Q2. Do you like the canteen?
1 Yes
2 No
Questions 3 and 4 are for staff who have worked here 5 years or more. Others go to question 5.
Q3. Has the firm changed?
1 Yes
2 No
Q4. For the better?
1 Yes
2 No
Q5. Any last words?
1 Yes
2 No
"""
    filters = _filters(text)
    assert filters["Q3"] == "Q1 >= 5"
    assert filters["Q4"] == "Q1 >= 5"
    assert filters["Q5"] is None


def test_a_run_for_a_group_named_by_an_answer_with_a_number() -> None:
    note = read_scoped_note(
        ["Questions 6 to 8 are for Band 3 nurses only. If you are in Band 2, go to question 9."],
        False,
    )
    assert note is not None
    assert note.cond == "GROUP: Band 3 nurses"
    assert (note.first, note.last, note.after) == ("Q6", "Q8", "Q9")


def test_a_bracketed_group_under_a_section_heading() -> None:
    text = f"""
S1. Which of these are you?
1  A tenant of the flat
2  A guest at the flat
3  Someone else
Q2. How long have you been there?
1  Under a year
2  Longer
----------------------------------------
SECTION B - THE BUILDING
----------------------------------------
[GUESTS ONLY]
Q3. Did the host meet you?
1  Yes
2  No
Q4. Was the lift working?
1  Yes
2  No
{_TAIL}"""
    filters = _filters(text)
    assert filters["Q3"] == "S1 == '2'"
    assert filters["Q4"] is None


def test_doers_of_a_yes_no_question() -> None:
    text = """
Q1. Do you cycle to work?
1 Yes
2 No
Q2. Do you own a boat?
1 Yes
2 No
Q3. How often do you swim?
1 Daily
2 Weekly
BOAT OWNERS ONLY
Q4. How long is it?
1 Small
2 Big
NON-CYCLERS ONLY
Q5. Why not?
1 Too far
2 Too wet
"""
    filters = _filters(text)
    assert filters["Q4"] == "Q2 == '1'"
    assert filters["Q5"] == "Q1 == '2'"


def test_two_answers_named_one_by_one() -> None:
    text = """
Q1. Which instruments do you play? MULTI CODE
1 Concert piano
2 Violin
3 Drums
Q2. How often do you practise?
1 Daily
2 Weekly
PIANO OR VIOLIN PLAYERS ONLY
Q3. Do you read music?
1 Yes
2 No
"""
    assert _filters(text)["Q3"] == "Q1 contains '1' or Q1 contains '2'"


def test_a_logic_cell_naming_a_group_and_its_question() -> None:
    assert _logic_cell("van owners (A1)") == "ASK IF GROUP: van owners (A1)"
    assert _logic_cell("prices in pounds (A1)") == "prices in pounds (A1)"


def test_others_sent_on_by_a_test_keep_that_test() -> None:
    note = read_scoped_note(
        ["Questions 6 to 8 are for importers only. If you answered No at Q5, please go to Q9."],
        False,
    )
    assert note is not None
    assert not note.cond.startswith("GROUP:")
