"""Evaluation: shown questions, terminations, quotas, piping, carry-forward, answer checks."""

import pytest

from fielder.ir.evaluate import AnswerError, Evaluator
from fielder.ir.models import Survey


def _survey(*questions, variables=(), quotas=(), blocks=None):
    items = list(questions)
    return Survey.model_validate(
        {
            "blocks": blocks or [{"id": "B1", "items": items}],
            "variables": list(variables),
            "quotas": list(quotas),
        }
    )


def _q(qid, kind="single", codes=("1", "2", "3"), **fields):
    question = {"id": qid, "type": kind, "text": qid}
    if kind in {"single", "multi", "dropdown", "scale", "ranking", "constant_sum", "grid"}:
        question["options"] = [{"code": c, "label": f"L{c}"} for c in codes]
    return question | fields


@pytest.fixture
def evaluator(coffee):
    return Evaluator(Survey.model_validate(coffee))


# --- conditions: expression → answers → shown? ------------------------------------------

CONDITIONS = [
    ("S1 == '2'", {"S1": "2"}, True),
    ("S1 == 2", {"S1": "2"}, True),
    ("S1 == 2.0", {"S1": "2"}, True),
    ("S1 == '2'", {"S1": "3"}, False),
    ("S1 == '2'", {}, False),
    ("S1 != '2'", {}, True),
    ("S1 != '2'", {"S1": "2"}, False),
    ("S1 == '97'", {"S1": {"code": "97", "text": "x"}}, True),
    ("S1 in ['2', '3']", {"S1": "3"}, True),
    ("S1 in [2, 3]", {"S1": "3"}, True),
    ("S1 in ['2']", {}, False),
    ("S1 not in ['2']", {}, True),
    ("S1 not in ['2']", {"S1": "2"}, False),
    ("M contains '1'", {"M": ["1", "2"]}, True),
    ("M contains 1", {"M": ["1", "2"]}, True),
    ("M contains '3'", {"M": ["1", "2"]}, False),
    ("M contains '97'", {"M": [{"code": "97", "text": "x"}]}, True),
    ("M contains any ['3', '2']", {"M": ["1", "2"]}, True),
    ("M contains all ['1', '2']", {"M": ["1", "2"]}, True),
    ("M contains all ['1', '3']", {"M": ["1", "2"]}, False),
    ("M == '1'", {"M": ["1", "2"]}, True),
    ("M in ['2']", {"M": ["1", "2"]}, True),
    ("count(M) >= 2", {"M": ["1", "2"]}, True),
    ("count(M) >= 2", {}, False),
    ("answered(M)", {"M": []}, False),
    ("answered(M)", {"M": ["1"]}, True),
    ("not answered(M)", {}, True),
    ("N >= 18", {"N": 18}, True),
    ("N >= 18", {"N": 17.5}, False),
    ("N >= 18", {"N": "20"}, True),
    ("N >= 18", {"N": "abc"}, False),
    ("N >= 18", {}, False),
    ("N * 2 + 1 == 7", {"N": 3}, True),
    ("N / 0 == 1", {"N": 3}, False),
    ("-N < 0", {"N": 3}, True),
    ("N == '3'", {"N": 3}, True),
    ("N == 3", {"N": True}, False),
    ("D >= '2020-01-01'", {"D": "2021-05-01"}, True),
    ("D < '2020-01-01'", {"D": "2021-05-01"}, False),
    ("G.r1 == '2'", {"G": {"r1": "2"}}, True),
    ("G.r1 == '2'", {"G": "2"}, False),
    ("answered(G.r2)", {"G": {"r1": "2"}}, False),
    ("count(G) == 1", {"G": {"r1": "2", "r2": None}}, True),
    ("T contains 'gmail'", {"T": "me@gmail.com"}, True),
    ("S1 == '1' and N > 1 or M contains '2'", {"M": ["2"]}, True),
    ("S1 == '1' and (N > 1 or M contains '2')", {"M": ["2"]}, False),
    ("true", {}, True),
    ("false or N", {"N": 0}, False),
    ("heavy", {"N": 5}, True),
    ("heavy and not light", {"N": 5}, True),
    ("S1 == 1", {"S1": [[[]]]}, False),
    ("N + 1 > 0", {"N": {"a": [1]}}, False),
    ("M contains any ['1']", {"M": 12}, False),
]


@pytest.mark.parametrize(("condition", "answers", "shown"), CONDITIONS)
def test_condition(condition, answers, shown):
    survey = _survey(
        _q("X", "display", display_if=condition),
        variables=[
            {"name": "heavy", "expression": "N >= 3"},
            {"name": "light", "expression": "not heavy"},
        ],
    )
    assert Evaluator(survey).visible_ids(answers) == (["X"] if shown else [])


def test_variable_depending_on_itself_is_none():
    survey = _survey(_q("X", "display"), variables=[{"name": "v", "expression": "v + 1"}])
    assert Evaluator(survey).variable("v", {}) is None
    assert Evaluator(survey).variable("nope", {}) is None


# --- the path through the coffee survey -------------------------------------------------


def test_path_without_answers(evaluator):
    assert evaluator.visible_ids({}) == ["S1", "S2", "Q5", "Q8"]


def test_termination_hides_the_rest(evaluator):
    assert evaluator.visible_ids({"S1": "1"}) == ["S1"]
    assert evaluator.terminated({"S1": "1"}) == "S1"
    assert evaluator.terminated({"S1": "2"}) is None


def test_display_if_and_carry_forward(evaluator):
    answers = {"S1": "2", "Q3": ["1", "2"], "Q5": 1}
    assert evaluator.visible_ids(answers) == ["S1", "S2", "Q3", "Q4", "Q5", "Q6", "Q8"]


def test_skip_to_a_block_skips_questions_between(evaluator):
    assert evaluator.visible_ids({"S1": "2", "Q3": ["99"]}) == ["S1", "S2", "Q3", "Q5", "Q8"]


def test_skip_to_end_and_to_a_question():
    survey = _survey(
        _q("A", skip_to=[{"if": "A == '1'", "to": "end"}, {"if": "A == '2'", "to": "C"}]),
        _q("B"),
        _q("C"),
    )
    evaluator = Evaluator(survey)
    assert evaluator.visible_ids({"A": "1"}) == ["A"]
    assert evaluator.visible_ids({"A": "2"}) == ["A", "C"]
    assert evaluator.visible_ids({"A": "3"}) == ["A", "B", "C"]


def test_backward_and_unknown_skips_are_ignored():
    survey = _survey(
        _q("A"), _q("B", skip_to=[{"if": "true", "to": "A"}, {"if": "true", "to": "ZZ"}])
    )
    assert Evaluator(survey).visible_ids({}) == ["A", "B"]


def test_hidden_questions_are_never_visible():
    survey = _survey(_q("A"), _q("H", "hidden"), _q("B", "text"))
    assert Evaluator(survey).visible_ids({"H": "panel-7"}) == ["A", "B"]


def test_broken_expressions_do_not_hide_or_end():
    survey = _survey(_q("A", display_if="A ==", terminate_if="((("), _q("B"))
    assert Evaluator(survey).visible_ids({}) == ["A", "B"]


def test_quotas(evaluator):
    answers = {"S1": "2", "S2": "2"}
    assert [q.id for q in evaluator.quotas_met(answers)] == ["QT1"]
    assert evaluator.quotas_met({"S2": "1"}) == []
    assert evaluator.over_quota(answers, {"QT1": 149}) is None
    full = evaluator.over_quota(answers, {"QT1": 150})
    assert full is not None
    assert full.action == "over_quota"


# --- piping and options -----------------------------------------------------------------

PIPES = [
    ("{{S1}}", {"S1": "2"}, "18-34"),
    ("You bought {{ Q3 }}.", {"Q3": ["1", "2"]}, "You bought Brand A, Brand B."),
    ("{{Q3}}", {"Q3": ["1", {"code": "97", "text": "Lavazza"}]}, "Brand A, Lavazza"),
    ("{{Q3}}", {"Q3": [{"code": "97"}]}, "Other"),
    ("{{Q4}}", {"Q4": "2"}, "Brand B"),
    ("{{Q5}} cups", {"Q5": 3.0}, "3 cups"),
    ("{{Q5}} cups", {}, " cups"),
    ("{{Q6.r1}}", {"Q6": {"r1": "2"}}, "Good"),
    ("{{Q7}}", {"Q7": {"a": 70, "b": 30}}, "Home: 70, Work: 30"),
    ("{{heavy_user}}", {"Q5": 4}, "true"),
    ("{{NOPE}}", {}, ""),
    ("no pipes", {}, "no pipes"),
]


@pytest.mark.parametrize(("text", "answers", "piped"), PIPES)
def test_pipe(evaluator, text, answers, piped):
    assert evaluator.pipe(text, answers) == piped


def test_options_from_selected_and_not_selected():
    survey = _survey(
        _q("A", "multi"),
        _q("B", "single", codes=("99",), options_from={"question": "A"}),
        _q("C", "ranking", codes=(), options_from={"question": "A", "selected": False}),
    )
    evaluator = Evaluator(survey)
    assert [o.code for o in evaluator.options_for("B", {"A": ["1", "3"]})] == ["1", "3", "99"]
    assert [o.code for o in evaluator.options_for("C", {"A": ["1", "3"]})] == ["2"]
    assert [o.code for o in evaluator.options_for("C", {})] == ["1", "2", "3"]
    assert evaluator.options_for("NOPE", {}) == []
    assert evaluator.visible_ids({"A": ["1", "2", "3"]}) == ["A", "B"]


# --- answer checks ------------------------------------------------------------------------

SPECIFY = [
    {"code": "1", "label": "A"},
    {"code": "97", "label": "Other", "specify": True},
    {"code": "99", "label": "None", "exclusive": True},
]

ANSWERS = [
    (_q("Q", "single"), "2", []),
    (_q("Q", "single"), None, []),
    (_q("Q", "single"), "9", ["'9' is not an option"]),
    (_q("Q", "single"), 2, ["expected an option code (a string), got a number"]),
    (_q("Q", "dropdown"), ["1"], ["expected an option code (a string), got a list"]),
    (_q("Q", "single", options=SPECIFY), {"code": "97", "text": "Lavazza"}, []),
    (
        _q("Q", "single", options=SPECIFY),
        {"code": "1", "text": "x"},
        ["'1' is not an option that takes text"],
    ),
    (
        _q("Q", "single", options=SPECIFY),
        {"code": "97", "text": 3},
        ["the text of option 97 must be a string"],
    ),
    (
        _q("Q", "single", options=SPECIFY),
        {"code": "97", "x": 1},
        ["a specify answer has only 'code' and 'text'"],
    ),
    (_q("Q", "multi", options=SPECIFY), ["1", {"code": "97", "text": "t"}], []),
    (_q("Q", "multi", options=SPECIFY), ["1", "99"], ["option 99 excludes the others"]),
    (_q("Q", "multi", options=SPECIFY), ["99"], []),
    (_q("Q", "multi"), ["1", "1"], ["an option is chosen twice"]),
    (_q("Q", "multi"), "1", ["expected a list of option codes, got a string"]),
    (_q("Q", "multi", validation={"min_choices": 2}), ["1"], ["choose at least 2"]),
    (_q("Q", "multi", validation={"max_choices": 1}), ["1", "2"], ["choose at most 1"]),
    (_q("Q", "ranking"), ["3", "1", "2"], []),
    (_q("Q", "ranking"), ["3", "3"], ["an option is chosen twice"]),
    (_q("Q", "scale", codes=("1", "2", "3", "4", "5")), "5", []),
    (_q("Q", "grid", rows=[{"id": "r1", "label": "x"}]), {"r1": "2"}, []),
    (_q("Q", "grid", rows=[{"id": "r1", "label": "x"}]), {"r2": "2"}, ["'r2' is not a row"]),
    (
        _q("Q", "grid", rows=[{"id": "r1", "label": "x"}]),
        {"r1": "7"},
        ["row r1: '7' is not an option"],
    ),
    (
        _q("Q", "grid", rows=[{"id": "r1", "label": "x"}]),
        ["1"],
        ["expected an object of row id → option code, got a list"],
    ),
    (_q("Q", "grid", multiple=True, rows=[{"id": "r1", "label": "x"}]), {"r1": ["1", "2"]}, []),
    (
        _q("Q", "grid", multiple=True, rows=[{"id": "r1", "label": "x"}]),
        {"r1": "1"},
        ["row r1: expected a list of option codes, got a string"],
    ),
    (_q("Q", "constant_sum", total=100), {"1": 60, "2": 40}, []),
    (_q("Q", "constant_sum", total=100), {"1": 60, "2": 30}, ["the numbers add up to 90, not 100"]),
    (
        _q("Q", "constant_sum", total=100),
        {"1": -5, "2": 105},
        ["option 1: expected a number of zero or more"],
    ),
    (_q("Q", "constant_sum", total=100), {"7": 100}, ["'7' is not an option"]),
    (_q("Q", "constant_sum", total=1), {"1": 0.1, "2": 0.2, "3": 0.7}, []),
    (_q("Q", "text"), "hello", []),
    (_q("Q", "text"), 5, ["expected text, got a number"]),
    (_q("Q", "text"), "x" * 10001, ["longer than 10000 characters"]),
    (_q("Q", "long_text", validation={"max_length": 3}), "abcd", ["longer than 3 characters"]),
    (_q("Q", "text", validation={"pattern": "[A-Z]{2}\\d"}), "AB1", []),
    (
        _q("Q", "text", validation={"pattern": "[A-Z]{2}\\d"}),
        "AB12",
        ["does not match the expected pattern"],
    ),
    (_q("Q", "text", validation={"pattern": "(["}), "anything", []),
    (_q("Q", "email"), "a@b.io", []),
    (_q("Q", "email"), "a@b", ["not an email address"]),
    (_q("Q", "email"), "a b@c.de", ["not an email address"]),
    (_q("Q", "number"), 3.5, []),
    (_q("Q", "number"), "3", ["expected a number, got a string"]),
    (_q("Q", "number"), True, ["expected a number, got a boolean"]),
    (_q("Q", "number"), float("inf"), ["expected a number, got a number"]),
    (_q("Q", "number", validation={"integer": True}), 3.5, ["expected a whole number"]),
    (_q("Q", "number", validation={"integer": True}), 3.0, []),
    (_q("Q", "number", validation={"min": 0, "max": 10}), -1, ["must be at least 0"]),
    (_q("Q", "number", validation={"min": 0, "max": 10}), 11, ["must be at most 10"]),
    (_q("Q", "date"), "2026-02-28", []),
    (_q("Q", "date"), "2026-02-30", ["2026-02-30 is not a date"]),
    (_q("Q", "date"), "28/02/2026", ["expected a date as YYYY-MM-DD"]),
    (_q("Q", "hidden"), "panel-7", []),
    (_q("Q", "hidden"), {"a": 1}, ["expected text, a number or a boolean, got an object"]),
    (_q("Q", "display"), "x", ["a display question takes no answer"]),
]


@pytest.mark.parametrize(("question", "value", "problems"), ANSWERS)
def test_check_answer(question, value, problems):
    evaluator = Evaluator(_survey(question))
    assert evaluator.check_answer("Q", value) == problems


def test_check_answer_unknown_question(evaluator):
    assert evaluator.check_answer("NOPE", "1") == ["unknown question NOPE"]


def test_check_answer_accepts_carried_forward_codes(evaluator):
    assert evaluator.check_answer("Q4", "97") == []
    assert evaluator.check_answer("Q4", "5") == ["'5' is not an option"]


# --- whole responses --------------------------------------------------------------------


def test_check_response_in_progress_checks_keys_and_shapes(evaluator):
    errors = evaluator.check_response({"S1": "9", "ZZ": 1, "Q3": ["1"]}, complete=False)
    assert errors == [
        AnswerError("S1", "invalid_answer", "S1: '9' is not an option"),
        AnswerError("ZZ", "unknown_question", "no question ZZ"),
    ]


def test_check_response_complete(evaluator):
    answers = {"S1": "2", "Q3": ["99"], "Q6": {"r1": "1"}}
    assert evaluator.check_response(answers, complete=True) == [
        AnswerError("S2", "required", "S2: an answer is required"),
        AnswerError("Q5", "required", "Q5: an answer is required"),
        AnswerError("Q6", "hidden_answered", "Q6: answered, but the logic hides this question"),
    ]


def test_check_response_complete_and_clean(evaluator):
    answers = {
        "S1": "2",
        "S2": "1",
        "Q3": ["1", {"code": "97", "text": "x"}],
        "Q4": "97",
        "Q5": 4,
        "Q6": {"r1": "2", "r2": "1"},
        "Q7": {"a": 100},
    }
    assert evaluator.check_response(answers, complete=True) == []


def test_check_response_terminated_needs_nothing_more(evaluator):
    assert evaluator.check_response({"S1": "1"}, complete=True) == []


@pytest.mark.parametrize("answers", [None, [], "x", 3])
def test_check_response_not_an_object(evaluator, answers):
    assert evaluator.check_response(answers, complete=True) == [
        AnswerError(None, "invalid_answers", "answers must be an object")
    ]
    assert evaluator.visible_ids(answers) == ["S1", "S2", "Q5", "Q8"]


def test_answer_error_to_json():
    assert AnswerError("Q1", "required", "m").to_json() == {
        "question_id": "Q1",
        "code": "required",
        "message": "m",
    }


def test_absurdly_nested_answers_do_not_raise(evaluator):
    deep: list = []
    for _ in range(5000):
        deep = [deep]
    answers = {"S1": deep, "Q3": deep, "Q5": {"a": deep}}
    assert evaluator.pipe("{{Q3}}{{S1}}", answers) == ""
    assert evaluator.visible_ids(answers) == ["S1", "S2", "Q5", "Q8"]
    codes = [e.code for e in evaluator.check_response(answers, complete=True)]
    assert codes[:2] == ["invalid_answer", "invalid_answer"]


def test_skip_to_an_ending(coffee):
    coffee["blocks"][0]["items"][1]["skip_to"] = [{"if": "S2 == '1'", "to": "screened_out"}]
    evaluator = Evaluator(Survey.model_validate(coffee))
    assert evaluator.visible_ids({"S1": "2", "S2": "1"}) == ["S1", "S2"]
    assert evaluator.ending({"S1": "2", "S2": "1"}) == "screened_out"
    assert evaluator.ending({"S1": "2", "S2": "2"}) is None
    assert evaluator.terminated({"S1": "2", "S2": "1"}) is None


def test_carried_forward_answer_must_have_been_offered(evaluator):
    answers = {"S1": "2", "S2": "1", "Q3": ["1"], "Q4": "2", "Q5": 0}
    assert evaluator.check_response(answers, complete=False) == []
    assert evaluator.check_response(answers, complete=True) == [
        AnswerError("Q4", "invalid_answer", "Q4: option 2 was not offered")
    ]
    answers["Q4"] = "1"
    assert evaluator.check_response(answers, complete=True) == []
