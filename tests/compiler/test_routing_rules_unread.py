"""Routing words seen but not read (unread): a condition read without the remark after it, answers
named at one question and another, small bounds spelled out, answers in words then their codes
after the question's id, a group named by part of one answer's words or by a yes / no question's
words, a filter under a heading ("Display rule:", "Asked if:", "Routing: Q14 only for …"), a
question said to be (not) for a group, a group's words sharing the next part's bracket, and a note
set in a box of one cell. Invented wording, a positive and a negative case each."""

from __future__ import annotations

import pytest

from fielder.compiler.conditions import ConditionError, parse_condition, render
from fielder.compiler.group_names import group_answer
from fielder.compiler.passes.read_routing import _read, _rule_headed
from fielder.compiler.passes.unread_routing import boxed_note
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _q(qid: str, labels: list[str], kind: str = "single", text: str = "") -> Question:
    options = [{"code": str(i + 1), "label": label} for i, label in enumerate(labels)]
    return Question.model_validate(
        {"id": qid, "type": kind, "text": text or f"Words of {qid}?", "options": options}
    )


def _questions() -> dict[str, Question]:
    items = [
        _q("K1", ["Every day", "Most weeks", "Rarely", "Never"], text="How often do you walk?"),
        _q("K2", ["Under 30", "30 to 59", "60 or over"], text="How old are you?"),
        Question.model_validate({"id": "K3", "type": "number", "text": "How many hikes?"}),
        _q("K4", ["Yes", "No"], text="Is the household a member of a rambling club?"),
        _q(
            "K5",
            ["Trail leader or organiser", "Regular walker", "I am not a leader"],
            text="Which best describes your role?",
        ),
        _q("K6", ["Yes", "No"]),
        _q("K7", ["Yes", "No"]),
    ]
    return {q.id: q for q in items}


def _read_cond(text: str, default: str = "K1") -> str:
    questions = _questions()
    return render(parse_condition(text, questions, default), questions)


def test_a_remark_after_the_test_is_left_out() -> None:
    assert _read_cond("code 3 at K1 (not a regular walker)") == "K1 == '3'"
    assert _read_cond("K1 NOT = 4, I.E. WALKS AT LEAST SOMETIMES") == "not (K1 == '4')"
    assert _read_cond("Yes at K6 (otherwise we use the address at K7)") == "K6 == '1'"


def test_a_remark_alone_is_still_no_test() -> None:
    with pytest.raises(ConditionError):
        _read_cond("(not a regular walker)")


def test_answers_named_at_two_questions_are_two_tests() -> None:
    assert _read_cond("you ticked Yes at K6 and No at K7") == "K6 == '1' and K7 == '2'"
    assert _read_cond("you ticked Yes at K6") == "K6 == '1'"


def test_a_small_bound_spelled_out_with_its_unit() -> None:
    assert _read_cond("you went on three hikes or more at K3", "K3") == "K3 >= 3"
    assert _read_cond("more than two at K3", "K3") == "K3 > 2"
    # (a word that is no number is left as written)
    with pytest.raises(ConditionError):
        _read_cond("several hikes or more at K3", "K3")


def test_answers_in_words_then_their_codes_after_the_id() -> None:
    assert _read_cond("RARELY OR NEVER AT K1 (03/04)") == "K1 in ['3','4']"
    assert _read_cond("OFTEN AT K1 (01/02), OR OLDER AT K2 (03)") == "K1 in ['1','2'] or K2 == '3'"


def _group(name: str) -> str | None:
    questions = _questions()
    groups = group_answer(f"GROUP: {name}", questions, "K5")
    return None if groups is None else render(groups, questions)


def test_a_group_named_by_part_of_one_answer() -> None:
    assert _group("Leaders") == "K5 == '1'"  # (not "I am not a leader")
    assert _group("Organiser users") == "K5 == '1'"
    assert _group("Cyclists") is None


def test_a_group_named_by_a_yes_no_question_about_it() -> None:
    assert _group("Members") == "K4 == '1'"
    assert _group("Non-members") == "K4 == '2'"


def _order(questions: dict[str, Question]) -> dict[str, int]:
    return {qid: i for i, qid in enumerate(questions)}


def test_a_filter_under_a_rule_heading() -> None:
    questions = _questions()
    order = _order(questions)
    k6, k7 = questions["K6"], questions["K7"]
    for words, expected in [
        ("Display rule: K6 is “No”.", "K6 == '2'"),
        ("Asked if: aged under 30 at K2", "K2 == '1'"),
        ("Routing: K7 only for Rarely or Never at K1.", "K1 in ['3','4']"),
    ]:
        reading = _rule_headed(words, "last", k6, k7, questions, order)
        assert reading is not None
        assert reading.holder is k7
        assert reading.expression == expected
    # a heading over words that are no test
    assert _rule_headed("Display rule: large print", "last", k6, k7, questions, order) is None


def test_a_question_said_to_be_for_a_group() -> None:
    questions = _questions()
    order = _order(questions)
    k6, k7 = questions["K6"], questions["K7"]
    reading = _read(
        "K7 is not for people aged 60 or over (K2 = 3).", "last", k6, k7, questions, order
    )
    assert reading is not None
    assert reading.holder is k7
    assert reading.expression == "not (K2 == '3')"
    words = "Question 7 is for leaders and organisers (1 at K5) who walk every day (1 at K1)."
    reading = _read(words, "last", k6, k7, questions, order)
    assert reading is not None
    assert reading.expression == "K5 == '1' and K1 == '1'"
    # "is for" in a sentence naming no question is no filter
    assert _read("This form is for walkers.", "last", k6, k7, questions, order) is None


def test_a_rule_heading_in_a_document() -> None:
    survey = by_id(
        compile_text(
            "Q1  How often do you walk?\n"
            "      Every day                               1\n"
            "      Rarely                                  2\n"
            "Display rule: Q1 is “Rarely”.\n\n"
            "Q2  What stops you walking more?\n"
            "      Time                                    1\n"
            "      Weather                                 2\n\n"
            "Q3  Any comments?\n"
            "      Yes                                     1\n"
            "      No                                      2\n"
        )
    )
    assert survey["Q2"].display_if == "Q1 == '2'"
    assert survey["Q3"].display_if is None


def test_a_note_in_a_box_of_one_cell_is_a_line() -> None:
    assert boxed_note((("Q15: only if you walk every day (code 1 at Q1).",),))
    assert not boxed_note((("Yes", "No"),))
    assert not boxed_note((("Yes",), ("No",)))


def test_the_next_questions_id_over_its_test() -> None:
    questions = _questions()
    order = _order(questions)
    k6, k7 = questions["K6"], questions["K7"]
    for words in ("[K7: RAMBLERS ONLY - CODE 1 OR 2 AT K1]", "K7: aged under 30 at K2 only."):
        reading = _rule_headed(words, "last", k6, k7, questions, order)
        assert reading is not None
        assert reading.holder is k7
    assert _rule_headed("{K7: hikers (K3 > 2) OR part-time walkers (K1 = 3)}", "last", k6, k7,
                        questions, order).expression == "K3 > 2 or K1 == '3'"  # fmt: skip
    # another question's id is not this one's filter; nor is a line over the answers
    assert _rule_headed("K5: aged under 30 at K2 only.", "last", k6, k7, questions, order) is None
    assert _rule_headed("K7: aged under 30 at K2 only.", "above", k6, k7, questions, order) is None


def test_a_label_over_question_n_or_answers_at_an_id() -> None:
    questions = _questions()
    order = _order(questions)
    k6, k7 = questions["K6"], questions["K7"]
    reading = _read("Infrequent walkers at K1 (3 or 4):", "last", k6, k7, questions, order)
    assert reading is not None
    assert reading.expression == "K1 in ['3','4']"
    assert _read("Old hands (see the leaflet).", "last", k6, k7, questions, order) is None
    survey = by_id(
        compile_text(
            "Q1  Will you walk with us again?\n"
            "      Yes                                     1\n"
            "      No                                      2\n\n"
            "Q2  Why not?\n"
            "      Distance                                1\n"
            "      Cost                                    2\n"
            "Leavers again (question 1 = No).\n\n"
            "Q3  What would bring you back?\n"
            "      Shorter walks                           1\n"
            "      Lifts                                   2\n"
        )
    )
    assert survey["Q3"].display_if == "Q1 == '2'"


def test_a_filter_beside_a_sentence_on_how_to_ask() -> None:
    survey = by_id(
        compile_text(
            "Q1  How happy are you with the trail?\n"
            "      Happy                                   1\n"
            "      Unhappy                                 2\n"
            "* ASK Q2 OF THOSE UNHAPPY AT Q1 (CODE 2). PROBE FULLY\n\n"
            "Q2  Why do you say that?\n"
            "      Mud                                     1\n"
            "      Signs                                   2\n\n"
            "Q3  Any comments?\n"
            "      Yes                                     1\n"
            "      No                                      2\n"
        )
    )
    assert survey["Q2"].display_if == "Q1 == '2'"
    assert survey["Q3"].display_if is None


def test_a_bound_of_zero_in_words_and_question_n_heading_its_test() -> None:
    assert _read_cond("the K3 count is above zero", "K3") == "K3 > 0"
    questions = _questions()
    order = _order(questions)
    k6, k7 = questions["K6"], questions["K7"]
    reading = _rule_headed("K7: only if you said Yes at K6.", "last", k6, k7, questions, order)
    assert reading is not None
    assert reading.expression == "K6 == '1'"


def test_the_other_branch_beside_a_filter_is_left_out() -> None:
    text = (
        "Q1  Who is filling this in?\n"
        "      A walker                                1\n"
        "      A carer                                 2\n\n"
        "Q2  How far do you walk?\n"
        "      Under a mile                            1\n"
        "      Further                                 2\n"
        "Carers only: please answer question 3 if you ticked the second box at question 1. "
        "{} go to question {}.\n\n"
        "Q3  Does the person you care for walk too?\n"
        "      Yes                                     1\n"
        "      No                                      2\n\n"
        "Q4  Any comments?\n"
        "      Yes                                     1\n"
        "      No                                      2\n\n"
        "Q5  Anything else?\n"
        "      Yes                                     1\n"
        "      No                                      2\n"
    )
    survey = by_id(compile_text(text.format("Everyone else,", 4)))
    assert survey["Q3"].display_if == "Q1 == '2'"
    # a jump further on is a route of its own, not the other branch
    survey = by_id(compile_text(text.format("Everyone else,", 5)))
    assert survey["Q3"].display_if is None
