"""Conventions from everyday non-commercial forms (unseen17, fix17a), one small case each, in
invented words."""

from __future__ import annotations

from fielder.compiler.gapped_codes import gapped_codes
from fielder.compiler.options import parse_option_text
from tests.compiler.conftest import by_id, compile_text


def test_scale_key_printed_once_names_the_bare_numbers_below_it() -> None:
    survey = by_id(
        compile_text(
            "1. Did you eat in the canteen this term?\n"
            "   1 Yes\n"
            "   2 No\n\n"
            "Questions 2 to 3 use this scale. Circle one number for each statement:\n"
            "1 = Strongly against 2 = Against 3 = Undecided 4 = For 5 = Strongly for\n\n"
            "2. The canteen food is good value.\n"
            "   1        2        3        4        5\n\n"
            "3. The canteen opens at the right times.\n"
            "   1        2        3        4        5\n\n"
            "4. Which meal do you eat there most?\n"
            "   1 Breakfast\n"
            "   2 Lunch\n\n"
            "5. Overall the canteen is a good place to eat.\n"
            "   (Use the same scale as questions 2 to 3.)\n"
            "   1        2        3        4        5\n"
        )
    )
    words = ["Strongly against", "Against", "Undecided", "For", "Strongly for"]
    for qid in ("Q2", "Q3", "Q5"):
        assert [o.label for o in survey[qid].options] == words, qid
        assert survey[qid].type == "single"
    assert [o.label for o in survey["Q4"].options] == ["Breakfast", "Lunch"]


def test_bare_numbers_that_are_not_the_key_keep_their_numbers() -> None:
    survey = by_id(
        compile_text(
            "Use this scale for each statement:\n"
            "1 = Never 2 = Sometimes 3 = Always\n\n"
            "1. I walk to work.\n"
            "   1        2        3\n\n"
            "2. How likely are you to recommend the gym?\n"
            "   0   1   2   3   4   5   6   7   8   9   10\n"
        )
    )
    assert [o.label for o in survey["Q1"].options] == ["Never", "Sometimes", "Always"]
    assert [o.label for o in survey["Q2"].options][:3] == ["0", "1", "2"]


def test_go_on_to_question_after_an_answer_is_its_skip() -> None:
    survey = by_id(
        compile_text(
            "1. Do you own a bicycle?\n"
            "   ☐ Yes        ☐ No  →  if No, please go on to question 3\n\n"
            "2. How often do you ride it?\n"
            "   ☐ Daily   ☐ Weekly   ☐ Less often\n\n"
            "3. Do you own a car?\n"
            "   ☐ Yes   ☐ No\n"
        )
    )
    assert [o.label for o in survey["Q1"].options] == ["Yes", "No"]
    assert [(s.if_, s.to) for s in survey["Q1"].skip_to] == [("Q1 == '2'", "Q3")]


def test_only_answer_this_if_under_an_open_question_is_its_own_filter() -> None:
    survey = by_id(
        compile_text(
            "1. How much did you enjoy the concert?\n"
            "   1 Not at all\n"
            "   2 A little\n"
            "   3 A lot\n\n"
            "2. What spoiled it for you?\n"
            "Only answer this if you circled 1 at question 1.\n\n"
            "3. Your postcode:\n"
            "   ________\n"
        )
    )
    assert survey["Q2"].display_if is not None
    assert "Q1" in survey["Q2"].display_if
    assert survey["Q3"].display_if is None


def test_gapped_codes_read_age_bands_as_answers() -> None:
    assert gapped_codes("1 Under 18   2 18-39   3 40-59   4 60 or over   5 Rather not say") == [
        ("1", "Under 18"),
        ("2", "18-39"),
        ("3", "40-59"),
        ("4", "60 or over"),
        ("5", "Rather not say"),
    ]
    assert gapped_codes("1 Poor   2 3   4 Good") == []


def test_gapped_codes_with_a_route_after_them_route_the_answer_named() -> None:
    line = "1 Keen    2 Unsure    3 Not keen   -> if not keen, go to question 9"
    options = parse_option_text(line)
    assert [(o.code, o.label, o.skip_to) for o in options] == [
        ("1", "Keen", None),
        ("2", "Unsure", None),
        ("3", "Not keen", "9"),
    ]


def test_scale_row_with_a_dont_know_code_apart() -> None:
    options = parse_option_text("Awful  1     2     3     4  Great        8 Can't say")
    assert [(o.code, o.label) for o in options] == [
        ("1", "Awful"),
        ("2", "2"),
        ("3", "3"),
        ("4", "Great"),
        ("8", "Can't say"),
    ]


def test_if_you_ticked_no_skip_to_the_next_section() -> None:
    survey = by_id(
        compile_text(
            "PART ONE: GARDENS\n\n"
            "1. Do you have a garden?\n"
            "   1 Yes\n"
            "   2 No\n\n"
            "   if you ticked no skip to the next section\n\n"
            "2. How big is it?\n"
            "   1 Small\n"
            "   2 Large\n\n"
            "PART TWO: PETS\n\n"
            "3. Do you have a dog?\n"
            "   1 Yes\n"
            "   2 No\n"
        )
    )
    assert [(s.if_, s.to) for s in survey["Q1"].skip_to] == [("Q1 == '2'", "Q3")]
