"""Filters, screen-outs, skips, types and answers written in ways other authors use too:
invented wording, one small case each."""

from __future__ import annotations

from fielder.compiler.instructions import interpret
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _codes(question: Question) -> list[tuple[str, str]]:
    return [(o.code, o.label) for o in question.options]


def _pets(note: str, where: str = "under") -> dict[str, Question]:
    above = note if where == "above" else ""
    under = note if where == "under" else ""
    return by_id(
        compile_text(
            f"""
            Q1. Which pets live with you? Tick all that apply.
            1 Dog
            2 Cat
            3 Rabbit
            4 None of these
            Q2. How often do you walk your dog?
            1 Daily
            2 Weekly
            {above}
            Q3. Would you like our pet newsletter?
            {under}
            1 Yes
            2 No
            Q4. Any other comments?
            ______________
            """
        )
    )


def test_show_unless_is_a_negated_filter() -> None:
    assert interpret("Show unless Q5 = 2")[0].value == "NOT (Q5 = 2)"
    assert interpret("Ask this question except if B2 = 1")[0].value == "NOT (B2 = 1)"


def test_question_is_not_for_a_group_with_its_test_in_brackets() -> None:
    q3 = _pets("Q3 is not for people without pets (the last box at Q1).")["Q3"]
    assert q3.display_if == "not (Q1 contains '4')"


def test_not_for_those_who_with_a_test_in_brackets() -> None:
    q3 = _pets("Not for those who only keep rabbits (3 at question 1).")["Q3"]
    assert q3.display_if == "not (Q1 contains '3')"


def test_please_skip_this_very_question_is_its_negated_filter() -> None:
    q3 = _pets("If you walk your dog every day (the first box at Q2), please skip Q3.")["Q3"]
    assert q3.display_if == "not (Q2 == '1')"
    assert not by_id(compile_text("Q1. A?\n1 Yes\n2 No\nQ2. B?\n1 Yes\n2 No"))["Q1"].skip_to


def test_answers_named_by_place_with_any_word_and_two_at_once() -> None:
    q3 = _pets("(Only if you keep a cat or a dog – the first or second animal at question 1.)")
    assert q3["Q3"].display_if == "Q1 contains '1' or Q1 contains '2'"


def test_two_tests_each_closed_by_its_question() -> None:
    q3 = _pets("(Only if you ticked Rabbit at question 1 and walk the dog weekly at question 2.)")[
        "Q3"
    ]
    assert q3.display_if == "Q1 contains '3' and Q2 == '2'"


def test_skip_on_answer_words_printed_above_the_next_question() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which pets live with you?
            1 Dog
            2 Cat
            Skip logic: if "Often" → jump to Q4.
            Q2. Do you visit the park?
            1 Often
            2 Rarely
            Q3. Why not more often?
            ______________
            Q4. Any other comments?
            ______________
            """
        )
    )
    assert [(r.if_, r.to) for r in questions["Q2"].skip_to] == [("Q2 == '1'", "Q4")]
    assert not questions["Q1"].skip_to


def test_end_of_survey_over_the_first_question_with_an_answer_named_by_place() -> None:
    questions = by_id(
        compile_text(
            """
            Welcome to the allotment survey.
            End of survey if the last answer (council staff) is chosen: they have a form.
            Q1. How do you use the allotments?
            1 I rent a plot
            2 I visit
            3 I work for the council
            Q2. How long have you used them?
            1 Under a year
            2 Longer
            """
        )
    )
    assert questions["Q1"].terminate_if == "Q1 == '3'"


def test_we_asking_supposes_and_filters_no_one() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which mailings did you get?
            1 Letters asking for gifts
            2 Newsletters
            Q2. If we asked you, would you give a little more each month?
            1 Yes
            2 No
            """
        )
    )
    assert questions["Q2"].display_if is None


def test_number_band_then_an_arrow_to_a_screen_out() -> None:
    found = interpret("300 or more ⟶ screen out (too big).")
    assert (found[0].kind, found[0].value) == ("terminate_if", "300 or more")


def test_a_question_named_then_its_test_or_its_group_of_scores() -> None:
    named = interpret("K7: has a car = Yes (K2 = 1) AND drives daily (K3 = 1).")[0]
    assert (named.kind, named.target) == ("ask_target", "K7")
    scored = interpret("K9 for scores of 6 or below at K8.")[0]
    assert (scored.kind, scored.target, scored.value) == ("ask_target", "K9", "6 or below at K8")
    assert interpret("Logic K9: K8 = 2")[0].target == "K9"


def test_boxes_with_a_caption_and_a_range_are_a_number() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. How long was the queue?
                Minutes: |__|__|__|     (0 - 300)
            Q2. Did you get served?
                [1] Yes
                [2] No
            """
        )
    )
    assert questions["Q1"].type == "number"
    assert questions["Q1"].validation is not None
    assert (questions["Q1"].validation.min, questions["Q1"].validation.max) == (0.0, 300.0)


def test_interviewer_cue_alone_over_coded_answers_is_no_answer() -> None:
    q1 = by_id(
        compile_text(
            """
            Q1. Which of these did you receive?         MA
                READ OUT
                [1] Seeds
                [2] Tools
                [3] Nothing
            """
        )
    )["Q1"]
    assert _codes(q1) == [("1", "Seeds"), ("2", "Tools"), ("3", "Nothing")]


def test_answer_ticked_on_its_own_is_exclusive_and_makes_a_multi() -> None:
    q1 = by_id(
        compile_text(
            """
            Q1. How should we contact you?
            1 By post
            2 By email
            3 Do not contact me (tick this box on its own)
            """
        )
    )["Q1"]
    assert q1.type == "multi"
    assert q1.options[-1].label == "Do not contact me"
    assert q1.options[-1].exclusive


def test_not_sure_how_is_a_reason_not_the_unsure_answer() -> None:
    q1 = by_id(
        compile_text(
            """
            Q1. Why do you say that?  DO NOT READ OUT. MULTICODE.
            1 Cannot afford it
            2 Not sure how the money is spent
            3 Don't know
            """
        )
    )["Q1"]
    assert [o.exclusive for o in q1.options] == [False, False, True]


def test_a_none_answer_in_the_present_tense_is_exclusive() -> None:
    q1 = by_id(
        compile_text(
            """
            Q1. How do you give to the club? Tick all that apply.
            1 Monthly direct debit
            2 Cash at events
            3 I don't give at the moment
            """
        )
    )["Q1"]
    assert q1.options[-1].exclusive


def test_end_words_then_bare_points_across_and_bare_numbers_as_codes() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. How likely are you to come back?
                [0] Not likely  [1]  [2]  [3]  [4]
                [5] Very likely
            Q2. And to recommend us?
            ☐ 0  Not likely
            ☐ 1
            ☐ 2
            ☐ 3  Very likely
            """
        )
    )
    assert _codes(questions["Q1"])[:2] == [("0", "Not likely"), ("1", "1")]
    assert _codes(questions["Q2"]) == [
        ("0", "Not likely"),
        ("1", "1"),
        ("2", "2"),
        ("3", "Very likely"),
    ]


def test_caps_tag_after_dot_leaders_and_percent_or_currency_boxes() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which brands do you buy? MULTI CODE.
                [1] Alpha
                [2] Beta
                [98] Don't know ................ EXCLUSIVE
            Q2. What share of your budget goes on them?
                RECORD % ________  (0-100)
            """
        )
    )
    assert questions["Q1"].options[-1].label == "Don't know"
    assert questions["Q1"].options[-1].exclusive
    assert questions["Q2"].type == "number"
    assert interpret("RECORD £")[0].value == "number"


def test_card_step_after_the_ask_is_no_part_of_its_words() -> None:
    q1 = by_id(
        compile_text(
            """
            Q1. How happy are you with the scheme? Show the card with the stars.
            1 Unhappy
            2 Happy
            """
        )
    )["Q1"]
    assert q1.text == "How happy are you with the scheme?"
