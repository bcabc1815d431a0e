"""SurveyJS: IR → element tables, survey-core validity, import of our files and real ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis.strategies import data as st_data

from fielder.ir.models import Survey
from fielder.platforms import base, transforms
from fielder.platforms.registry import get_exporter, get_importer
from tests.strategies import surveys

from .conftest import normalise, survey_core

#: Features whose loss changes which questions show (their questions are left out).
_LOGIC_FEATURES = frozenset({"display_if", "terminate_if", "skip_to", "options_from", "variable"})


def _export(survey: Survey) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(get_exporter("surveyjs").export(survey).content)
    return document


def _one(question: dict[str, Any], **extra: Any) -> Survey:
    """A survey around one question (plus the S1/Q3 it may refer to)."""
    s1 = {
        "id": "S1",
        "type": "single",
        "options": [{"code": "1", "label": "a"}, {"code": "2", "label": "b"}],
    }
    q3 = {
        "id": "Q3",
        "type": "multi",
        "options": [{"code": "1", "label": "a"}, {"code": "2", "label": "b"}],
    }
    items = [s1, q3, question]
    return Survey.model_validate({"blocks": [{"id": "B1", "items": items}]} | extra)


def _element(question: dict[str, Any]) -> dict[str, Any]:
    element: dict[str, Any] = _export(_one(question))["pages"][0]["elements"][2]
    return element


ELEMENT_CASES = [
    (
        {"id": "A", "type": "text", "required": False, "validation": {"max_length": 5}},
        {"type": "text", "name": "A", "maxLength": 5},
    ),
    (
        {"id": "A", "type": "number", "text": "n", "validation": {"min": 1, "max": 9.5}},
        {
            "type": "text",
            "name": "A",
            "title": "n",
            "isRequired": True,
            "inputType": "number",
            "validators": [{"type": "numeric", "minValue": 1, "maxValue": 9.5}],
        },
    ),
    (
        {"id": "A", "type": "email", "required": False},
        {"type": "text", "name": "A", "inputType": "email"},
    ),
    (
        {"id": "A", "type": "long_text", "required": False, "instructions": "Say {{S1}}"},
        {"type": "comment", "name": "A", "description": "Say {S1}"},
    ),
    (
        {"id": "A", "type": "display", "text": "a < b\nc"},
        {"type": "html", "name": "A", "html": "a &lt; b<br>c"},
    ),
    (
        {"id": "A", "type": "hidden"},
        {"type": "text", "name": "A", "visible": False},
    ),
    (
        {
            "id": "A",
            "type": "text",
            "required": False,
            "display_if": "S1 == 2 and not Q3 contains 1",
        },
        {"type": "text", "name": "A", "visibleIf": "({S1} = '2') and (!({Q3} contains '1'))"},
    ),
    (
        {
            "id": "A",
            "type": "text",
            "required": False,
            "display_if": "Q3 contains all [1, 2] or count(Q3) > 1",
        },
        {"type": "text", "name": "A", "visibleIf": "({Q3} allof ['1', '2']) or (count({Q3}) > 1)"},
    ),
    (
        {
            "id": "A",
            "type": "text",
            "required": False,
            "display_if": "S1 not in ['1'] and answered(Q3)",
        },
        {"type": "text", "name": "A", "visibleIf": "({S1} noneof ['1']) and ({Q3} notempty)"},
    ),
    (
        {
            "id": "A",
            "type": "single",
            "required": False,
            "options_from": {"question": "Q3", "selected": False},
            "randomize_options": True,
        },
        {
            "type": "radiogroup",
            "name": "A",
            "choicesFromQuestion": "Q3",
            "choicesFromQuestionMode": "unselected",
            "hideIfChoicesEmpty": True,
            "choicesOrder": "random",
        },
    ),
    (
        {
            "id": "A",
            "type": "grid",
            "multiple": True,
            "rows": [{"id": "r1", "label": "R"}],
            "options": [{"code": "1", "label": "C"}],
        },
        {
            "type": "matrix",
            "name": "A",
            "isRequired": True,
            "eachRowRequired": True,
            "cellType": "checkbox",
            "columns": [{"value": "1", "text": "C"}],
            "rows": [{"value": "r1", "text": "R"}],
        },
    ),
    (
        {
            "id": "A",
            "type": "constant_sum",
            "required": False,
            "total": 10,
            "options": [{"code": "x", "label": "X"}, {"code": "y", "label": "Y"}],
        },
        {
            "type": "multipletext",
            "name": "A",
            "items": [
                {"name": "x", "title": "X", "inputType": "number"},
                {"name": "y", "title": "Y", "inputType": "number"},
            ],
            "validators": [{"type": "expression", "expression": "sum({A.x}, {A.y}) = 10"}],
        },
    ),
]


@pytest.mark.parametrize(("question", "expected"), ELEMENT_CASES)
def test_question_elements(question: dict[str, Any], expected: dict[str, Any]) -> None:
    assert _element(question) == expected


def test_terminate_becomes_complete_trigger_with_end_screen() -> None:
    survey = _one(
        {"id": "A", "type": "text", "terminate_if": "S1 == '1'"},
        endings=[{"id": "screened_out", "text": "Bye"}, {"id": "complete", "text": "Thanks"}],
    )
    document = _export(survey)
    assert document["triggers"] == [{"type": "complete", "expression": "{S1} = '1'"}]
    assert document["completedHtmlOnCondition"] == [{"expression": "{S1} = '1'", "html": "Bye"}]
    assert document["completedHtml"] == "Thanks"


def test_export_is_deterministic(full_survey: Survey) -> None:
    first = get_exporter("surveyjs").export(full_survey)
    assert first.content == get_exporter("surveyjs").export(full_survey).content
    assert first.file_name == "coffee-habits-2026.json"


def test_not_carried_report(full_survey: Survey) -> None:
    report = get_exporter("surveyjs").export(full_survey).not_carried
    assert {(n.element_id, n.feature) for n in report} == {
        ("Q3.97", "fixed"),
        ("Q3.99", "fixed"),
        ("QT1", "quota"),
    }


@pytest.mark.node
def test_full_survey_passes_survey_core(full_survey: Survey) -> None:
    checked = survey_core(_export(full_survey), [{}, {"S1": "2", "Q11": 0}])
    assert checked["jsonErrors"] == []
    assert checked["lintErrors"] == []
    hidden_by_skip = {"Q12", "Q13"}
    assert hidden_by_skip <= set(checked["visible"][0])
    assert not hidden_by_skip & set(checked["visible"][1])
    assert "Q3" in checked["visible"][1]
    assert "Q16" not in checked["visible"][0]


def test_round_trip(full_survey: Survey) -> None:
    exported = get_exporter("surveyjs").export(full_survey)
    imported = get_importer("surveyjs").import_(exported.content)
    expected = transforms.skip_to_display_if(full_survey.model_copy(deep=True), base.Reporter())
    assert imported.not_carried == []
    assert normalise(imported.survey) == normalise(expected, exported.not_carried)


IMPORT_CASES = [
    (
        {
            "type": "radiogroup",
            "name": "q1",
            "choices": ["a", {"value": 2, "text": {"default": "Two"}}],
            "hasOther": True,
            "showNoneItem": True,
            "isRequired": True,
        },
        {
            "id": "q1",
            "type": "single",
            "options": [
                {"code": "a", "label": "a"},
                {"code": "2", "label": "Two"},
                {"code": "none", "label": "None", "exclusive": True},
                {"code": "other", "label": "Other (describe)", "specify": True},
            ],
        },
    ),
    (
        {"type": "rating", "name": "r", "rateMin": 0, "rateMax": 3},
        {
            "id": "r",
            "type": "scale",
            "required": False,
            "options": [{"code": str(n), "label": str(n)} for n in range(4)],
        },
    ),
    (
        {
            "type": "checkbox",
            "name": "c",
            "choices": ["x"],
            "visibleIf": "{q0} notempty or {c} empty",
            "maxSelectedChoices": 2,
        },
        {
            "id": "c",
            "type": "multi",
            "required": False,
            "options": [{"code": "x", "label": "x"}],
            "display_if": "answered(q0) or not answered(c)",
            "validation": {"max_choices": 2},
        },
    ),
    (
        {
            "type": "text",
            "name": "1st name",
            "title": "Hi {q0}",
            "visibleIf": "{q0} = 'x' && {q0} <> 'y'",
        },
        {
            "id": "Q1st_name",
            "type": "text",
            "required": False,
            "text": "Hi {{q0}}",
            "display_if": "q0 == 'x' and q0 != 'y'",
        },
    ),
]


@pytest.mark.parametrize(("element", "expected"), IMPORT_CASES)
def test_import_elements(element: dict[str, Any], expected: dict[str, Any]) -> None:
    document = {"pages": [{"name": "p1", "elements": [{"type": "text", "name": "q0"}, element]}]}
    survey = get_importer("surveyjs").import_(json.dumps(document).encode()).survey
    question = survey.blocks[0].questions()[1]
    assert question.model_dump(mode="json", by_alias=True, exclude_defaults=True) == {
        k: v for k, v in expected.items() if not (k == "required" and v is True)
    } | ({"required": False} if expected.get("required") is False else {})


def test_unknown_types_and_clashing_names_are_reported() -> None:
    document = {
        "elements": [
            {"type": "signaturepad", "name": "sig"},
            {"type": "text", "name": "a"},
            {"type": "text", "name": "a"},
            {
                "type": "panel",
                "name": "p",
                "visibleIf": "{a} = 'x'",
                "elements": [{"type": "comment", "name": "b", "enableIf": "{a} = 'y'"}],
            },
            {"type": "text", "name": "c", "visibleIf": "sum({a}) > 1"},
        ],
        "triggers": [{"type": "skip", "expression": "{a} = 1", "gotoName": "b"}],
    }
    result = get_importer("surveyjs").import_(json.dumps(document).encode())
    ids = [q.id for q in result.survey.questions()]
    assert ids == ["a", "a_2", "b", "c"]
    assert result.survey.question_map()["b"].display_if == "a == 'x'"
    assert {(n.element_id, n.feature) for n in result.not_carried} >= {
        ("sig", "type:signaturepad"),
        ("a", "name"),
        ("b", "enableIf"),
        ("c", "display_if"),
        ("survey", "trigger:skip"),
    }


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"{", "malformed JSON"),
        (b"[]", "JSON object"),
        (b"  ", "empty"),
        (b'{"pages": [' * 50000, "malformed JSON|nested too deeply"),
    ],
)
def test_bad_files_fail_cleanly(data: bytes, reason: str) -> None:
    with pytest.raises(base.ImportFailed, match=reason):
        get_importer("surveyjs").import_(data)


def _respond(data: Any, evaluator: Any, survey: Survey) -> dict[str, Any]:
    """Answers as a respondent gives them: in order, only to questions shown so far, from
    the options offered (a hidden question cannot be answered)."""
    from hypothesis import strategies as st

    answers: dict[str, Any] = {}
    for question in survey.questions():
        if question.type in ("display", "hidden"):
            continue
        if question.id not in evaluator.visible_ids(answers) or not data.draw(st.booleans()):
            continue
        offered = [o.code for o in evaluator.options_for(question, answers)]
        answers[question.id] = _answer(data, question, {question.id: offered})
    return answers


def _answer(data: Any, question: Any, codes: dict[str, list[str]]) -> Any:
    """A well-shaped answer to one question (hypothesis `data` draws it)."""
    from hypothesis import strategies as st

    kind = question.type
    options = codes.get(question.id) or ["1"]
    if kind in ("single", "dropdown", "scale"):
        return data.draw(st.sampled_from(options))
    if kind == "multi":
        return data.draw(st.lists(st.sampled_from(options), min_size=1, unique=True))
    if kind == "ranking":  # a ranking orders every option (survey-core completes it so)
        return data.draw(st.permutations(options))
    if kind == "grid":
        row = st.sampled_from(options)
        value = st.lists(row, min_size=1, unique=True) if question.multiple else row
        return {r.id: data.draw(value) for r in question.rows}
    if kind == "number":
        return data.draw(st.integers(min_value=-3, max_value=30))
    if kind == "constant_sum":
        return {code: data.draw(st.integers(min_value=0, max_value=100)) for code in options}
    if kind == "date":
        return data.draw(st.sampled_from(["2024-01-01", "2025-06-30"]))
    return data.draw(st.sampled_from(["a", "yes", "1"]))


@pytest.mark.node
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking runs node for minutes
)
@given(survey=surveys(), data=st_data())
def test_survey_core_shows_what_the_ir_shows(survey: Survey, data: Any) -> None:
    """For random surveys and answers, survey-core's visible questions are the IR's."""
    from fielder.ir.evaluate import Evaluator

    exported = get_exporter("surveyjs").export(survey)
    note(json.dumps(survey.to_json()))
    note(exported.content.decode())
    lost = {n.element_id for n in exported.not_carried if n.feature in _LOGIC_FEATURES}
    evaluator = Evaluator(survey)
    answer_sets = [_respond(data, evaluator, survey) for _ in range(3)]
    checked = survey_core(json.loads(exported.content), answer_sets)
    assert checked["jsonErrors"] == []
    if any(n.feature == "text" for n in exported.not_carried):  # reported literal braces
        checked["lintErrors"] = [
            e for e in checked["lintErrors"] if "is not found" not in e["message"]
        ]
    assert checked["lintErrors"] == []
    order = [q.id for q in survey.questions()]
    for answers, seen in zip(answer_sets, checked["visible"], strict=True):
        expected = evaluator.visible_ids(answers)
        terminated = evaluator.terminated(answers)
        if terminated is not None:
            stop = order.index(terminated) + 1
            seen = [qid for qid in seen if qid in order[:stop]]
        hidden = {q.id for q in survey.questions() if q.type == "hidden"}
        got = [qid for qid in seen if qid not in hidden and qid not in lost]
        want = [qid for qid in expected if qid not in lost]
        assert sorted(got) == sorted(want), answers  # pages may shuffle their questions


REAL_FILES = sorted(
    (Path(__file__).parent.parent / "fixtures" / "platforms" / "surveyjs").glob("*.json")
)


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_real_files_import(path: Path) -> None:
    """Real SurveyJS files import; what the IR cannot hold is reported."""
    result = get_importer("surveyjs").import_(path.read_bytes())
    document = json.loads(path.read_bytes())
    assert result.survey.title == document["title"]
    assert result.survey.questions()
    features = {n.feature for n in result.not_carried}
    if path.name == "patient-registration.json":
        # panels are flattened; their questions are kept
        assert "emergency_contact_relationship" in result.survey.question_map()
        assert {"choicesByUrl", "property:maskSettings", "property:defaultValue"} <= features
        insurance = result.survey.question_map()["insurance_provider"]
        assert insurance.options[-1].code == "none"
        assert insurance.options[-1].exclusive
    if path.name == "add-new-visit.json":
        assert "defaultValueExpression" in features
        practitioner = result.survey.question_map()["practitioner"]
        assert practitioner.options[-1].specify


@pytest.mark.node
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_real_files_export_back_cleanly(path: Path) -> None:
    """What we read from a real file, we write back as a survey survey-core accepts."""
    survey = get_importer("surveyjs").import_(path.read_bytes()).survey
    checked = survey_core(_export(survey), [{}])
    assert checked["jsonErrors"] == []
    assert checked["lintErrors"] == []


def test_termination_only_fires_when_its_question_is_shown() -> None:
    survey = _one(
        {"id": "A", "type": "number", "display_if": "S1 == '2'", "terminate_if": "A < 18"}
    )
    document = _export(survey)
    assert document["triggers"] == [
        {"type": "complete", "expression": "({S1} = '2') and ({A} < 18)"}
    ]
    back = get_importer("surveyjs").import_(json.dumps(document).encode()).survey
    assert back.question_map()["A"].terminate_if == "A < 18"
    assert back.question_map()["A"].display_if == "S1 == '2'"


@pytest.mark.parametrize("label", ["1-3 {Q1}", "\\d{1,3}", "{ a b }"])
def test_literal_braces_are_reported(label: str) -> None:
    """survey-core reads any `{…}` as a placeholder; SurveyJS has no escape, so it is reported."""
    options = [{"code": "1", "label": label}, {"code": "2", "label": "No"}]
    question = {"id": "Q9", "type": "single", "text": "Which?", "options": options}
    exported = get_exporter("surveyjs").export(_one(question))
    assert [(n.element_id, n.feature) for n in exported.not_carried] == [("Q9", "text")]
