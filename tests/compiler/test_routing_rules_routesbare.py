"""Filters written as bare tests in brackets, by a question's bare number, or as a sentence to
the respondent over the question: one small invented case each, and a near miss."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_HEAD = """
Q1. Which of these best describes you?
1. Full-time student
2. In paid work
3. Retired
4. Something else

Q2. Do you own a car?
1. Yes
2. No
3. Share one

Q3. How do you usually travel to the shops?
1. Walk
2. Bus
3. Car
"""


def _display(text: str) -> dict[str, str | None]:
    return {qid: q.display_if for qid, q in by_id(compile_text(_HEAD + text)).items()}


def test_bracketed_bare_test_alone_over_a_question_is_its_filter() -> None:
    shown = _display(
        """
[Q1=4]
Q4. What do you do most days?
1. Caring for family
2. Volunteering
"""
    )
    assert shown["Q4"] == "Q1 == '4'"
    assert shown["Q3"] is None


def test_angled_bare_test_alone_over_a_question_is_its_filter() -> None:
    shown = _display(
        """
<Q1 = 2 OR Q1 = 3>
Q4. How far is your nearest supermarket?
1. Under a mile
2. One mile or more
"""
    )
    assert shown["Q4"] == "Q1 in ['2','3']"
    assert shown["Q3"] is None


def test_bracketed_jump_is_not_a_filter() -> None:
    shown = _display(
        """
[Q1=4 GO TO Q5]
Q4. What do you do most days?
1. Caring for family
2. Volunteering
"""
    )
    assert shown["Q4"] is None


def test_bare_test_in_brackets_after_the_words_is_the_question_filter() -> None:
    shown = _display(
        """
Q4. Why do you not drive to the shops? (Q2=2 OR Q2=3)
1. Too expensive
2. Parking

Q5. Name of your usual shop (Q3=2)
(Write in: ________)
"""
    )
    assert shown["Q4"] == "Q2 in ['2','3']"
    assert shown["Q5"] == "Q3 == '2'"


def test_words_in_brackets_after_the_text_stay_words() -> None:
    questions = by_id(
        compile_text(
            _HEAD
            + """
Q4. How often do you use the car (own or shared)?
1. Daily
2. Less often
"""
        )
    )
    assert questions["Q4"].display_if is None
    assert "(own or shared)" in questions["Q4"].text


def test_only_if_answer_at_a_bare_question_number() -> None:
    shown = _display(
        """
Q4. How long does the walk take? (only if Walk at 3)
1. Under 10 minutes
2. 10 minutes or more
"""
    )
    assert shown["Q4"] == "Q3 == '1'"


def test_if_you_ticked_please_answer_this_question() -> None:
    shown = _display(
        """
If you ticked 'Bus' or 'Car' at Q3, please answer this question.
Q4. How long does the trip take?
1. Under 10 minutes
2. 10 minutes or more

If you ticked 'Yes' at Q2, please read the note below.
Q5. Anything else?
(Please write in your answer below)
"""
    )
    assert shown["Q4"] == "Q3 in ['2','3']"
    assert shown["Q5"] is None
