"""Semantic validation: each kind of problem, where it is reported and what it says."""

import json

import pytest

from fielder.ir.models import Survey
from fielder.ir.validate import InvalidSurvey, Problem, is_valid, load_survey, validate


def _item(doc, block, index):
    return doc["blocks"][block]["items"][index]


def _set(block, index, **changes):
    def edit(doc):
        _item(doc, block, index).update(changes)

    return edit


def _new_question(block, **fields):
    def edit(doc):
        doc["blocks"][block]["items"].append(fields)

    return edit


S1, S2, Q3, Q4 = (0, 0), (0, 1), (0, 3), (0, 4)
Q5, Q6, Q7, Q8 = (1, 0), (1, 1), (1, 2), (1, 3)

# edit → (code, severity, element_id, pointer, message)
CASES = {
    "unknown question in display_if": (
        _set(*Q3, display_if="NOSUCHQ == '1'"),
        (
            "unknown_reference",
            "error",
            "Q3",
            "/blocks/0/items/3/display_if",
            "Q3: display_if refers to unknown question NOSUCHQ (line 1, col 1)",
        ),
    ),
    "syntax error": (
        _set(*Q3, display_if="S1 == == '1'"),
        (
            "syntax_error",
            "error",
            "Q3",
            "/blocks/0/items/3/display_if",
            "Q3: display_if: line 1, col 7: unexpected '=='",
        ),
    ),
    "forward display_if": (
        _set(*Q3, display_if="Q5 > 1"),
        (
            "forward_reference",
            "error",
            "Q3",
            "/blocks/0/items/3/display_if",
            "Q3: display_if refers to Q5, which comes later (line 1, col 1)",
        ),
    ),
    "display_if on itself": (
        _set(*Q3, display_if="answered(Q3)"),
        (
            "forward_reference",
            "error",
            "Q3",
            "/blocks/0/items/3/display_if",
            "Q3: display_if refers to Q3, which comes later (line 1, col 10)",
        ),
    ),
    "forward terminate_if": (
        _set(*S1, terminate_if="S2 == '1'"),
        (
            "forward_reference",
            "error",
            "S1",
            "/blocks/0/items/0/terminate_if",
            "S1: terminate_if refers to S2, which comes later (line 1, col 1)",
        ),
    ),
    "unknown option code": (
        _set(*S1, terminate_if="S1 == '9'"),
        (
            "unknown_option",
            "error",
            "S1",
            "/blocks/0/items/0/terminate_if",
            "S1: terminate_if uses unknown option code 9 of S1 (line 1, col 7)",
        ),
    ),
    "unknown option code as number": (
        _set(*Q3, display_if="S1 in [2, 7]"),
        (
            "unknown_option",
            "error",
            "Q3",
            "/blocks/0/items/3/display_if",
            "Q3: display_if uses unknown option code 7 of S1 (line 1, col 11)",
        ),
    ),
    "unknown option code in contains": (
        _set(*Q3, skip_to=[{"if": "Q3 contains any ['1', '98']", "to": "B2"}]),
        (
            "unknown_option",
            "error",
            "Q3",
            "/blocks/0/items/3/skip_to/0/if",
            "Q3: skip_to[0] condition uses unknown option code 98 of Q3 (line 1, col 23)",
        ),
    ),
    "unknown grid row": (
        _set(*Q7, display_if="Q6.r9 == '1'"),
        (
            "unknown_reference",
            "error",
            "Q7",
            "/blocks/1/items/2/display_if",
            "Q7: display_if refers to unknown row Q6.r9 (line 1, col 1)",
        ),
    ),
    "unknown grid column code": (
        _set(*Q7, display_if="Q6.r1 == '3'"),
        (
            "unknown_option",
            "error",
            "Q7",
            "/blocks/1/items/2/display_if",
            "Q7: display_if uses unknown option code 3 of Q6.r1 (line 1, col 10)",
        ),
    ),
    "unknown code of carried-forward question": (
        _set(*Q5, display_if="Q4 == '5'"),
        (
            "unknown_option",
            "error",
            "Q5",
            "/blocks/1/items/0/display_if",
            "Q5: display_if uses unknown option code 5 of Q4 (line 1, col 7)",
        ),
    ),
    "unknown question in quota": (
        lambda doc: doc["quotas"][0].update(condition="S9 == '2'"),
        (
            "unknown_reference",
            "error",
            "QT1",
            "/quotas/0/condition",
            "QT1: condition refers to unknown question S9 (line 1, col 1)",
        ),
    ),
    "syntax error in variable": (
        lambda doc: doc["variables"][0].update(expression="Q5 >="),
        (
            "syntax_error",
            "error",
            "heavy_user",
            "/variables/0/expression",
            "heavy_user: expression: line 1, col 6: expression ends too early",
        ),
    ),
    "unknown skip target": (
        _set(*Q3, skip_to=[{"if": "true", "to": "Q99"}]),
        (
            "unknown_skip_target",
            "error",
            "Q3",
            "/blocks/0/items/3/skip_to/0/to",
            "Q3: skip_to refers to unknown target Q99",
        ),
    ),
    "backward skip": (
        _set(*Q5, skip_to=[{"if": "Q5 > 3", "to": "S2"}]),
        (
            "skip_cycle",
            "error",
            "Q5",
            "/blocks/1/items/0/skip_to/0/to",
            "Q5: skip_to goes back to S2, which makes a cycle",
        ),
    ),
    "skip to own block": (
        _set(*Q5, skip_to=[{"if": "Q5 > 3", "to": "B2"}]),
        (
            "skip_cycle",
            "error",
            "Q5",
            "/blocks/1/items/0/skip_to/0/to",
            "Q5: skip_to goes back to B2, which makes a cycle",
        ),
    ),
    "unreachable": (
        _set(*Q5, skip_to=[{"if": "true", "to": "Q7"}]),
        (
            "unreachable",
            "error",
            "Q6",
            "/blocks/1/items/1",
            "Q6: unreachable; every path skips or ends before it",
        ),
    ),
    "duplicate question id": (
        _set(*Q8, id="Q5"),
        (
            "duplicate_id",
            "error",
            "Q5",
            "/blocks/1/items/3/id",
            "Q5: duplicate id Q5 (question; already used by a question)",
        ),
    ),
    "question id clashes with block": (
        _set(*Q8, id="B1"),
        (
            "duplicate_id",
            "error",
            "B1",
            "/blocks/1/items/3/id",
            "B1: duplicate id B1 (question; already used by a block)",
        ),
    ),
    "reserved id": (
        _set(*Q8, id="contains"),
        (
            "reserved_id",
            "error",
            "contains",
            "/blocks/1/items/3/id",
            "contains: question id contains is a reserved word",
        ),
    ),
    "reserved row id": (
        lambda doc: _item(doc, *Q6)["rows"].append({"id": "all", "label": "x"}),
        (
            "reserved_id",
            "error",
            "Q6",
            "/blocks/1/items/1/rows/2/id",
            "Q6: row id all is a reserved word",
        ),
    ),
    "piping unknown in an ending": (
        lambda doc: doc["endings"][0].update(text="Bye {{Q99}}"),
        (
            "unknown_reference",
            "error",
            "screened_out",
            "/endings/0/text",
            "screened_out: text pipes unknown question Q99",
        ),
    ),
    "duplicate quota id": (
        lambda doc: doc["quotas"].append(doc["quotas"][0]),
        ("duplicate_id", "error", "QT1", "/quotas/1/id", "QT1: duplicate quota id QT1"),
    ),
    "duplicate row id": (
        lambda doc: _item(doc, *Q6)["rows"].append({"id": "r1", "label": "x"}),
        (
            "duplicate_row_id",
            "error",
            "Q6",
            "/blocks/1/items/1/rows/2/id",
            "Q6: duplicate row id r1",
        ),
    ),
    "duplicate option code": (
        lambda doc: _item(doc, *S2)["options"].append({"code": "1", "label": "x"}),
        (
            "duplicate_option_code",
            "error",
            "S2",
            "/blocks/0/items/1/options/2/code",
            "S2: duplicate option code 1",
        ),
    ),
    "min greater than max": (
        _set(*Q5, validation={"min": 5, "max": 2}),
        (
            "min_greater_than_max",
            "error",
            "Q5",
            "/blocks/1/items/0/validation/min",
            "Q5: validation min 5 is greater than max 2",
        ),
    ),
    "min_choices greater than max_choices": (
        _set(*Q3, validation={"min_choices": 3, "max_choices": 2}),
        (
            "min_greater_than_max",
            "error",
            "Q3",
            "/blocks/0/items/3/validation/min_choices",
            "Q3: min_choices 3 is greater than max_choices 2",
        ),
    ),
    "bad pattern": (
        _set(*Q8, validation={"pattern": "(["}),
        ("invalid_pattern", "error", "Q8", "/blocks/1/items/3/validation/pattern", None),
    ),
    "constant_sum without total": (
        _set(*Q7, total=None),
        (
            "missing_total",
            "error",
            "Q7",
            "/blocks/1/items/2/total",
            "Q7: constant_sum question has no total",
        ),
    ),
    "grid without rows": (
        _set(*Q6, rows=[], display_if=None),
        ("grid_without_rows", "error", "Q6", "/blocks/1/items/1/rows", "Q6: grid has no rows"),
    ),
    "choice without options": (
        _set(*S2, options=[]),
        (
            "no_options",
            "error",
            "S2",
            "/blocks/0/items/1/options",
            "S2: single question has no options and no options_from",
        ),
    ),
    "options_from unknown": (
        _set(*Q4, options_from={"question": "QX"}),
        (
            "unknown_reference",
            "error",
            "Q4",
            "/blocks/0/items/4/options_from/question",
            "Q4: options_from refers to unknown question QX",
        ),
    ),
    "options_from forward": (
        _set(*Q4, options_from={"question": "Q6"}, text="x"),
        (
            "forward_reference",
            "error",
            "Q4",
            "/blocks/0/items/4/options_from/question",
            "Q4: options_from refers to Q6, which comes later",
        ),
    ),
    "options_from a text question": (
        _set(*Q4, options_from={"question": "Q8"}, text="x"),
        (
            "invalid_options_from",
            "error",
            "Q4",
            "/blocks/0/items/4/options_from/question",
            "Q4: options_from refers to Q8, a email question",
        ),
    ),
    "piping unknown": (
        _set(*Q5, text="Given {{ NOPE }}, how many?"),
        (
            "unknown_reference",
            "error",
            "Q5",
            "/blocks/1/items/0/text",
            "Q5: text pipes unknown question NOPE",
        ),
    ),
    "piping in option label": (
        lambda doc: _item(doc, *S2)["options"][0].update(label="{{QQ}}"),
        (
            "unknown_reference",
            "error",
            "S2",
            "/blocks/0/items/1/options/0/label",
            "S2: options/0/label pipes unknown question QQ",
        ),
    ),
    "piping forward is a warning": (
        _set(*S2, text="You said {{Q5}}"),
        (
            "forward_piping",
            "warning",
            "S2",
            "/blocks/0/items/1/text",
            "S2: text pipes Q5, which is not answered yet",
        ),
    ),
    "exclusive in single": (
        lambda doc: _item(doc, *S2)["options"][0].update(exclusive=True),
        (
            "exclusive_in_single",
            "warning",
            "S2",
            "/blocks/0/items/1/options/0/exclusive",
            "S2: option 1 is exclusive in a single question",
        ),
    ),
    "fixed without randomize": (
        _set(*Q3, randomize_options=False),
        (
            "fixed_without_randomize",
            "warning",
            "Q3",
            "/blocks/0/items/3/options/2/fixed",
            "Q3: option 97 is fixed but options are not randomized",
        ),
    ),
}


def test_base_document_is_clean(coffee):
    assert validate(Survey.model_validate(coffee)) == []


@pytest.mark.parametrize("name", list(CASES))
def test_problem(coffee, name):
    edit, (code, severity, element, pointer, message) = CASES[name]
    edit(coffee)
    problems = validate(Survey.model_validate(coffee))
    matching = [p for p in problems if p.code == code and p.pointer == pointer]
    assert matching, problems
    problem = matching[0]
    assert (problem.severity, problem.element_id) == (severity, element)
    if message is not None:
        assert problem.message == message
    assert is_valid(Survey.model_validate(coffee)) is (severity == "warning")


def test_skip_to_end_and_endings_are_known(coffee):
    _item(coffee, *S2)["skip_to"] = [
        {"if": "S2 == '1'", "to": "end"},
        {"if": "S2 == '2'", "to": "screened_out"},
    ]
    assert validate(Survey.model_validate(coffee)) == []


def test_terminate_if_true_makes_the_rest_unreachable(coffee):
    _item(coffee, *Q8)["terminate_if"] = "true"
    _item(coffee, *Q7)["terminate_if"] = "true"
    codes = [(p.code, p.element_id) for p in validate(Survey.model_validate(coffee))]
    assert codes == [("unreachable", "Q8")]


def test_problem_to_json():
    problem = Problem("c", "error", "Q1", "/x", "m")
    assert problem.to_json() == {
        "code": "c",
        "severity": "error",
        "element_id": "Q1",
        "pointer": "/x",
        "message": "m",
    }


# --- load_survey ---------------------------------------------------------------------


def test_load_survey_accepts_text_bytes_and_dicts(coffee):
    text = json.dumps(coffee)
    for data in (text, text.encode(), coffee):
        assert load_survey(data).title == "Coffee habits 2026"


def test_load_survey_reports_shape_problems_with_ids(coffee):
    _item(coffee, *Q3)["type"] = "bogus"
    coffee["blocks"][0]["items"][2]["x"] = 1
    coffee["colour"] = "red"
    with pytest.raises(InvalidSurvey) as caught:
        load_survey(coffee)
    found = {(p.code, p.element_id, p.pointer) for p in caught.value.problems}
    assert found == {
        ("invalid_shape", "Q3", "/blocks/0/items/3/type"),
        ("invalid_shape", "B1", "/blocks/0/items/2/x"),
        ("invalid_shape", None, "/colour"),
    }
    assert "Q3: /blocks/0/items/3/type: Input should be" in str(caught.value)


def test_load_survey_reports_semantic_problems(coffee):
    _item(coffee, *Q3)["display_if"] = "NOSUCHQ == 1"
    with pytest.raises(InvalidSurvey) as caught:
        load_survey(coffee)
    assert str(caught.value) == (
        "invalid survey (1 error(s)):\n"
        "- Q3: display_if refers to unknown question NOSUCHQ (line 1, col 1)"
    )


def test_load_survey_keeps_warnings_out_of_the_way(coffee):
    _item(coffee, *Q3)["randomize_options"] = False
    assert load_survey(coffee).blocks[0].id == "B1"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ("{nope", "invalid_json"),
        (b"\xff", "invalid_json"),
        ("[]", "invalid_shape"),
        ("3", "invalid_shape"),
    ],
)
def test_load_survey_rejects_non_documents(data, code):
    with pytest.raises(InvalidSurvey) as caught:
        load_survey(data)
    assert [p.code for p in caught.value.problems] == [code]


@pytest.mark.parametrize("number", [float("nan"), float("inf")])
def test_load_survey_refuses_non_finite_numbers(coffee, number):
    coffee["blocks"][1]["items"][2]["total"] = number
    with pytest.raises(InvalidSurvey) as caught:
        load_survey(coffee)
    assert [(p.code, p.element_id) for p in caught.value.problems] == [("invalid_shape", "Q7")]
