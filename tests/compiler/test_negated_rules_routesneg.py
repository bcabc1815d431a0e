"""Routing phrasings of round routesneg (invented wording): "Not asked if …" in sentence case,
"Leave this blank if …" under the answers, a bracketed "(Only if …)" under the answers, lettered
codes after INCLUDES, "Close if less than 18." under a number question, "Q5 is for those who …"
over a question and a filter named over a question that has a jump of its own."""

from __future__ import annotations

from fielder.compiler.conditions import parse_condition
from fielder.ir.models import Option, Question
from tests.compiler.conftest import by_id, compile_text


def _pets(between: str = "", under_q4: str = "", over_q5: str = "") -> str:
    lines = [
        "Q1. Do you own a pet?",
        "1. Yes",
        "2. No",
        "",
        "Q2. How often do you walk it?",
        "1. Daily",
        "2. Weekly",
        "3. Never",
        "",
        "Q3. How many pets do you have?",
        "(Enter a number)",
        "",
        "Q4. Which food do you buy?",
        "1. Dry",
        "2. Wet",
        "3. Both",
    ]
    lines += [under_q4] if under_q4 else []
    lines += ["", *([between] if between else [])]
    lines += [*([over_q5] if over_q5 else [])]
    lines += [
        "Q5. Why that food?",
        "1. Price",
        "2. Taste",
        "",
        "Q6. Anything else?",
        "(Please write in your answer below)",
    ]
    return "\n".join(lines)


def test_not_asked_if_in_sentence_case_over_a_question_is_its_filter_negated() -> None:
    questions = by_id(compile_text(_pets(between="Not asked if Q2 = 3")))
    assert questions["Q5"].display_if == "not (Q2 == '3')"
    assert questions["Q4"].display_if is None
    assert [o.label for o in questions["Q4"].options] == ["Dry", "Wet", "Both"]


def test_not_asked_if_in_a_document_printing_filters_under_stays_with_its_question() -> None:
    # every filter under its own question: the document's way, so the note is Q4's own
    text = "\n".join(
        [
            "Q1. Do you own a pet?",
            "1. Yes",
            "2. No",
            "",
            "Q2. How often do you walk it?",
            "1. Daily",
            "2. Never",
            "Only if you chose 'Yes' at Q1.",
            "",
            "Q3. Where do you walk it?",
            "1. Park",
            "2. Street",
            "Not asked if you chose 'Never' at Q2.",
            "",
            "Q4. Anything else?",
            "(Please write in your answer below)",
        ]
    )
    questions = by_id(compile_text(text))
    assert questions["Q3"].display_if == "not (Q2 == '2')"
    assert questions["Q4"].display_if is None


def test_leave_this_blank_under_the_answers_is_the_questions_own_filter_negated() -> None:
    questions = by_id(compile_text(_pets(under_q4="Leave this blank if you said 'Never' at Q2.")))
    assert questions["Q4"].display_if == "not (Q2 == '3')"
    assert questions["Q5"].display_if is None


def test_a_bracketed_only_if_under_the_answers_is_the_questions_own() -> None:
    questions = by_id(compile_text(_pets(under_q4="(Only if Q3 is 2 or more.)")))
    assert questions["Q4"].display_if == "Q3 >= 2"
    assert questions["Q5"].display_if is None


def test_a_bracketed_only_if_on_the_question_itself_is_the_next_ones() -> None:
    # a test on Q4 cannot decide whether Q4 is asked: the next question's
    questions = by_id(compile_text(_pets(under_q4="(Only if Q4 = 2 or 3)")))
    assert questions["Q4"].display_if is None
    assert questions["Q5"].display_if == "Q4 in ['2','3']"


def test_an_ask_if_line_over_a_question_still_waits_for_it() -> None:
    # near miss: not in round brackets, the usual filter over the next question
    questions = by_id(compile_text(_pets(between="[ASK IF Q3 >= 2]")))
    assert questions["Q4"].display_if is None
    assert questions["Q5"].display_if == "Q3 >= 2"


def test_includes_with_lettered_codes_reads_each_letter() -> None:
    grow = Question(
        id="Q1",
        type="multi",
        text="Which do you grow?",
        options=[Option(code=c, label=label) for c, label in (("A", "Rice"), ("B", "Corn"))],
    )
    groups = parse_condition("Q1 INCLUDES A OR B", {"Q1": grow}, None)
    assert [(a.question, a.codes, a.negate) for g in groups for a in g] == [
        ("Q1", ["A", "B"], False)
    ]
    groups = parse_condition("Q1 does not include B", {"Q1": grow}, None)
    assert [(a.question, a.codes, a.negate) for g in groups for a in g] == [("Q1", ["B"], True)]


def test_close_if_less_than_under_a_number_question_is_its_screen_out() -> None:
    text = "\n".join(
        [
            "Q1. Patient's age at the last visit (years)",
            "(Enter a number)",
            "Close if less than 18.",
            "",
            "Q2. Patient's sex",
            "1. Male",
            "2. Female",
        ]
    )
    questions = by_id(compile_text(text))
    assert questions["Q1"].text == "Patient's age at the last visit (years)"
    assert questions["Q1"].terminate_if == "Q1 < 18"


def test_a_question_named_as_for_those_over_it_takes_the_filter_after_an_open_cue() -> None:
    text = "\n".join(
        [
            "Q1. Are you on treatment?",
            "1. Yes",
            "2. No",
            "",
            "Q2. How many days did you take it?",
            "(Enter a number)",
            "",
            "Q3 is for those who said 'Yes' at Q1.",
            "Q3. Have you missed a dose?",
            "1. Yes",
            "2. No  (SKIP TO Q5)",
            "",
            "Q4. Why did you miss it?",
            "(Please write in your answer below)",
            "",
            "Q5. Anything else?",
            "(Please write in your answer below)",
        ]
    )
    questions = by_id(compile_text(text))
    assert questions["Q2"].display_if is None
    assert questions["Q3"].display_if == "Q1 == '1'"
    assert [(r.if_, r.to) for r in questions["Q3"].skip_to] == [("Q3 == '2'", "Q5")]


def test_a_routing_line_names_a_question_with_its_own_jump() -> None:
    text = "\n".join(
        [
            "Q1. Are you on treatment?",
            "1. Yes",
            "2. No",
            "",
            "Routing: Q2 if Q1 = 1",
            "Q2. Have you missed a dose?",
            "1. Yes",
            "2. No  (SKIP TO Q4)",
            "",
            "Q3. Why did you miss it?",
            "(Please write in your answer below)",
            "",
            "Q4. Anything else?",
            "(Please write in your answer below)",
        ]
    )
    questions = by_id(compile_text(text))
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert [(r.if_, r.to) for r in questions["Q2"].skip_to] == [("Q2 == '2'", "Q4")]
    assert questions["Q3"].display_if is None
