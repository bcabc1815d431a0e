"""Qualtrics QSF: IR → QSF snippets, real QSF files → IR, round trips, hostile files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fielder.ir import expressions as ex
from fielder.ir.logic import Context, compile_expr, safely, truthy
from fielder.ir.models import Survey
from fielder.platforms.base import ImportFailed
from fielder.platforms.qualtrics import QualtricsExporter, QualtricsImporter
from fielder.platforms.qualtrics.export import native_skips_only
from fielder.platforms.qualtrics.read_logic import simplify
from fielder.platforms.registry import get_exporter, get_importer
from fielder.platforms.result import NotCarried
from tests.strategies import _good_answer, surveys

FIXTURES = Path(__file__).parent.parent / "fixtures" / "platforms" / "qualtrics"
REAL_FILES = sorted(FIXTURES.glob("*.qsf"))


def survey_of(*questions: dict[str, Any], **extra: Any) -> Survey:
    """A one-block survey holding `questions`."""
    return Survey.model_validate(
        {"title": "T", "blocks": [{"id": "B1", "items": list(questions)}], **extra}
    )


def export(survey: Survey) -> tuple[dict[str, Any], list[NotCarried]]:
    result = QualtricsExporter().export(survey)
    return json.loads(result.content), result.not_carried


def sq(document: dict[str, Any], tag: str) -> dict[str, Any]:
    """The SQ payload whose DataExportTag is `tag`."""
    for element in document["SurveyElements"]:
        if element["Element"] == "SQ" and element["Payload"]["DataExportTag"] == tag:
            payload: dict[str, Any] = element["Payload"]
            return payload
    raise KeyError(tag)


def element(document: dict[str, Any], code: str) -> Any:
    return next(e["Payload"] for e in document["SurveyElements"] if e["Element"] == code)


def import_(document: dict[str, Any]) -> tuple[Survey, list[NotCarried]]:
    result = QualtricsImporter().import_(json.dumps(document).encode())
    return result.survey, result.not_carried


S1 = {
    "id": "S1",
    "type": "single",
    "text": "Age?",
    "options": [{"code": "1", "label": "Young"}, {"code": "2", "label": "Old"}],
}
M1 = {
    "id": "M1",
    "type": "multi",
    "text": "Brands?",
    "options": [
        {"code": "1", "label": "A"},
        {"code": "2", "label": "B"},
        {"code": "9", "label": "C"},
    ],
}
N1 = {"id": "N1", "type": "number", "text": "Cups?"}
G1 = {
    "id": "G1",
    "type": "grid",
    "text": "Rate",
    "rows": [{"id": "r1", "label": "Taste"}, {"id": "r2", "label": "Price"}],
    "options": [{"code": "1", "label": "Bad"}, {"code": "5", "label": "Good"}],
}

# --- IR question → QSF payload fields --------------------------------------------------

QUESTION_CASES = [
    (S1, {"QuestionType": "MC", "Selector": "SAVR", "SubSelector": "TX"}),
    (M1, {"QuestionType": "MC", "Selector": "MAVR", "ChoiceOrder": ["1", "2", "3"]}),
    ({**S1, "type": "dropdown"}, {"QuestionType": "MC", "Selector": "DL"}),
    ({**S1, "type": "scale"}, {"QuestionType": "MC", "Selector": "SAHR"}),
    ({**S1, "type": "ranking"}, {"QuestionType": "RO", "Selector": "DND"}),
    ({**S1, "type": "constant_sum", "total": 100}, {"QuestionType": "CS", "Selector": "VRTL"}),
    ({"id": "T1", "type": "text", "text": "Why?"}, {"QuestionType": "TE", "Selector": "SL"}),
    ({"id": "T1", "type": "long_text", "text": "Why?"}, {"QuestionType": "TE", "Selector": "ML"}),
    ({"id": "D1", "type": "display", "text": "Hi"}, {"QuestionType": "DB", "Selector": "TB"}),
    (G1, {"QuestionType": "Matrix", "Selector": "Likert", "SubSelector": "SingleAnswer"}),
    ({**G1, "multiple": True}, {"SubSelector": "MultipleAnswer"}),
    (G1, {"ChoiceDataExportTags": {"1": "r1", "2": "r2"}, "RecodeValues": {"1": "1", "2": "5"}}),
    (M1, {"RecodeValues": {"1": "1", "2": "2", "3": "9"}, "DataExportTag": "M1"}),
    (
        {**S1, "options": [{"code": "A", "label": "x"}, {"code": "7", "label": "y"}]},
        {"VariableNaming": {"1": "A"}, "RecodeValues": {"2": "7"}},
    ),
    ({**S1, "text": "A & B\nnext"}, {"QuestionText": "A &amp; B<br>next"}),
    (
        {**S1, "instructions": "Pick one"},
        {"QuestionText": 'Age?<div class="QuestionInstructions">Pick one</div>'},
    ),
]


@pytest.mark.parametrize(("question", "expected"), QUESTION_CASES)
def test_question_payload(question: dict[str, Any], expected: dict[str, Any]) -> None:
    document, _ = export(survey_of(question))
    payload = sq(document, question["id"])
    assert {key: payload.get(key) for key in expected} == expected


def test_choice_flags_and_randomization() -> None:
    options = [
        {"code": "1", "label": "A"},
        {"code": "97", "label": "Other", "specify": True, "fixed": True},
        {"code": "99", "label": "None", "exclusive": True, "fixed": True},
    ]
    document, _ = export(survey_of({**M1, "options": options, "randomize_options": True}))
    payload = sq(document, "M1")
    assert payload["Choices"]["2"] == {"Display": "Other", "TextEntry": "true"}
    assert payload["Choices"]["3"] == {"Display": "None", "ExclusiveAnswer": True}
    assert payload["Randomization"]["Type"] == "Advanced"
    assert payload["Randomization"]["Advanced"]["FixedOrder"] == ["{~Randomized~}", "2", "3"]
    assert payload["Randomization"]["Advanced"]["RandomizeAll"] == ["1"]


VALIDATION_CASES = [
    ({**S1, "required": True}, {"ForceResponse": "ON", "Type": "None"}),
    ({**S1, "required": False}, {"ForceResponse": "OFF"}),
    (
        {**M1, "validation": {"min_choices": 1, "max_choices": 2}},
        {"Type": "RangeChoices", "MinChoices": "1", "MaxChoices": "2"},
    ),
    ({**M1, "validation": {"max_choices": 2}}, {"Type": "MaxChoices", "MaxChoices": "2"}),
    (
        {**N1, "validation": {"min": 0, "max": 20, "integer": True}},
        {
            "Type": "ContentType",
            "ContentType": "ValidNumber",
            "ValidNumber": {"Min": "0", "Max": "20", "NumDecimals": "0"},
        },
    ),
    ({"id": "E1", "type": "email", "text": "Mail"}, {"ContentType": "ValidEmail"}),
    ({"id": "D1", "type": "date", "text": "When"}, {"ContentType": "ValidDate"}),
    ({**S1, "type": "constant_sum", "total": 100}, {"Type": "ChoicesTotal", "ChoicesTotal": "100"}),
    (
        {"id": "T1", "type": "text", "text": "Why", "validation": {"max_length": 50}},
        {"Type": "TotalChars", "TotalChars": "50"},
    ),
]


@pytest.mark.parametrize(("question", "expected"), VALIDATION_CASES)
def test_validation_settings(question: dict[str, Any], expected: dict[str, Any]) -> None:
    document, _ = export(survey_of(question))
    settings = sq(document, question["id"])["Validation"]["Settings"]
    assert {key: settings.get(key) for key in expected} == expected


# --- conditions → Qualtrics logic objects ----------------------------------------------


def conditions(logic: dict[str, Any]) -> list[list[tuple[str, str, str | None, str | None]]]:
    """A DisplayLogic object as sets of (locator, operator, right operand, conjunction)."""
    sets = []
    for key in sorted(k for k in logic if k.isdigit()):
        group = logic[key]
        sets.append(
            [
                (c["LeftOperand"], c["Operator"], c.get("RightOperand"), c.get("Conjuction"))
                for k, c in sorted((k, c) for k, c in group.items() if k.isdigit())
            ]
        )
    return sets


LOGIC_CASES = [
    ("S1 == '2'", [[("q://QID1/SelectableChoice/2", "Selected", None, None)]]),
    ("S1 == 2", [[("q://QID1/SelectableChoice/2", "Selected", None, None)]]),
    ("S1 != '1'", [[("q://QID1/SelectableChoice/1", "NotSelected", None, None)]]),
    ("not S1 == '1'", [[("q://QID1/SelectableChoice/1", "NotSelected", None, None)]]),
    (
        "S1 in ['1', '2']",
        [
            [
                ("q://QID1/SelectableChoice/1", "Selected", None, None),
                ("q://QID1/SelectableChoice/2", "Selected", None, "Or"),
            ]
        ],
    ),
    (
        "M1 contains all ['1', '9']",
        [
            [
                ("q://QID2/SelectableChoice/1", "Selected", None, None),
                ("q://QID2/SelectableChoice/3", "Selected", None, "And"),
            ]
        ],
    ),
    ("not (M1 contains '2')", [[("q://QID2/SelectableChoice/2", "NotSelected", None, None)]]),
    ("M1 == '2'", [[("q://QID2/SelectableChoice/2", "Selected", None, None)]]),
    ("N1 >= 3", [[("q://QID3/ChoiceTextEntryValue", "GreaterThanOrEqual", "3", None)]]),
    ("3 < N1", [[("q://QID3/ChoiceTextEntryValue", "GreaterThan", "3", None)]]),
    ("answered(N1)", [[("q://QID3/ChoiceTextEntryValue", "NotEmpty", None, None)]]),
    ("G1.r2 == '5'", [[("q://QID4/SelectableAnswer/2/2", "Selected", None, None)]]),
    (
        "S1 == '1' and (N1 > 2 or N1 < 1)",
        [
            [("q://QID1/SelectableChoice/1", "Selected", None, None)],
            [
                ("q://QID3/ChoiceTextEntryValue", "GreaterThan", "2", None),
                ("q://QID3/ChoiceTextEntryValue", "LessThan", "1", "Or"),
            ],
        ],
    ),
]


#: Conditions that come back in another (equivalent) spelling.
READ_BACK = {
    "M1 == '2'": "M1 contains '2'",
    "S1 == 2": "S1 == '2'",
    "not S1 == '1'": "S1 != '1'",
    "3 < N1": "N1 > 3",
}


@pytest.mark.parametrize(("condition", "expected"), LOGIC_CASES)
def test_display_logic(condition: str, expected: list[Any]) -> None:
    target = {"id": "Z", "type": "text", "text": "z", "display_if": condition}
    document, report = export(survey_of(S1, M1, N1, G1, target))
    logic = sq(document, "Z")["DisplayLogic"]
    assert conditions(logic) == expected
    assert logic["Type"] == "BooleanExpression"
    assert report == []
    back, _ = import_(document)
    read_back = READ_BACK.get(condition, condition)
    assert ex.parse(back.question_map()["Z"].display_if or "") == _simplified(read_back)


def _simplified(condition: str) -> ex.Expr:

    return simplify(ex.parse(condition))


def test_and_or_sets_join_correctly() -> None:
    target = {
        "id": "Z",
        "type": "text",
        "text": "z",
        "display_if": "S1 == '1' or N1 > 2 and N1 < 5",
    }
    document, _ = export(survey_of(S1, N1, target))
    logic = sq(document, "Z")["DisplayLogic"]
    assert [logic[k]["Type"] for k in ("0", "1")] == ["If", "OrIf"]
    back, _ = import_(document)
    assert ex.parse(back.question_map()["Z"].display_if or "") == ex.parse(target["display_if"])


@pytest.mark.parametrize(
    "condition",
    ["N1 + 1 > 3", "count(M1) > 1", "S1 > '1'", "heavy == 1", "true", "M1 > '1'"],
)
def test_untranslatable_conditions_are_reported(condition: str) -> None:
    target = {"id": "Z", "type": "text", "text": "z", "display_if": condition}
    document, report = export(survey_of(S1, M1, N1, target))
    assert "DisplayLogic" not in sq(document, "Z")
    assert [(n.element_id, n.feature) for n in report] == [("Z", "display_if")]


# --- skip logic, termination, flow -----------------------------------------------------


def test_skip_logic_and_termination() -> None:
    s1 = {
        **S1,
        "terminate_if": "S1 == '1'",
        "skip_to": [{"if": "S1 == '2'", "to": "Z"}, {"if": "S1 != '2'", "to": "end"}],
    }
    target = {"id": "Z", "type": "text", "text": "z"}
    document, report = export(survey_of(s1, N1, target))
    blocks = element(document, "BL")
    skips = blocks[0]["BlockElements"][0]["SkipLogic"]
    assert [(s["ChoiceLocator"], s["Condition"], s["SkipToDestination"]) for s in skips] == [
        ("q://QID1/SelectableChoice/2", "Selected", "QID3"),
        ("q://QID1/SelectableChoice/2", "NotSelected", "ENDOFSURVEY"),
    ]
    flow = element(document, "FL")["Flow"]
    assert [f["Type"] for f in flow] == ["Block", "Branch"]
    assert flow[1]["Flow"][0]["Type"] == "EndSurvey"
    assert report == []
    back, _ = import_(document)
    assert back.question_map()["S1"].terminate_if == "S1 == '1'"
    assert [(r.if_, r.to) for r in back.question_map()["S1"].skip_to] == [
        ("S1 == '2'", "Z"),
        ("S1 != '2'", "end"),
    ]


def test_skip_to_next_block_is_end_of_block() -> None:
    survey = Survey.model_validate(
        {
            "blocks": [
                {"id": "B1", "items": [{**S1, "skip_to": [{"if": "S1 == '1'", "to": "B2"}]}]},
                {"id": "B2", "items": [N1]},
            ]
        }
    )
    document, _ = export(survey)
    skip = element(document, "BL")[0]["BlockElements"][0]["SkipLogic"][0]
    assert skip["SkipToDestination"] == "ENDOFBLOCK"
    back, _ = import_(document)
    assert back.question_map()["S1"].skip_to[0].to == "B2"


def test_skip_logic_it_cannot_say_becomes_display_logic() -> None:
    n1 = {**N1, "skip_to": [{"if": "N1 == 0", "to": "end"}]}
    later = {"id": "Z", "type": "text", "text": "z"}
    document, report = export(survey_of(n1, later))
    assert "SkipLogic" not in element(document, "BL")[0]["BlockElements"][0]
    logic = sq(document, "Z")["DisplayLogic"]
    assert conditions(logic) == [[("q://QID1/ChoiceTextEntryValue", "NotEqualTo", "0", None)]]
    assert report == []


def test_page_breaks_blocks_and_randomization() -> None:
    survey = Survey.model_validate(
        {
            "blocks": [
                {
                    "id": "B1",
                    "title": "Intro",
                    "randomize": True,
                    "items": [S1, {"type": "page_break"}, N1],
                },
                {"id": "Extra", "items": [M1]},
            ]
        }
    )
    document, report = export(survey)
    blocks = element(document, "BL")
    assert [e["Type"] for e in blocks[0]["BlockElements"]] == ["Question", "Page Break", "Question"]
    assert blocks[0]["Options"]["RandomizeQuestions"] == "Advanced"
    assert [b["Description"] for b in blocks] == ["Intro", "Extra"]
    assert [(n.element_id, n.feature) for n in report] == [("Extra", "id")]
    back, _ = import_(document)
    assert [(b.id, b.title, b.randomize) for b in back.blocks] == [
        ("B1", "Intro", True),
        ("B2", "Extra", False),
    ]
    assert [i.type for i in back.blocks[0].items] == ["single", "page_break", "number"]


def test_piping_carry_forward_and_hidden_values() -> None:
    hidden = {"id": "PID", "type": "hidden", "text": "Panel id", "required": False}
    carried = {
        "id": "Q2",
        "type": "single",
        "text": "Best of {{M1}}? ({{PID}})",
        "options_from": {"question": "M1"},
    }
    document, report = export(survey_of(hidden, M1, carried))
    payload = sq(document, "Q2")
    assert (
        payload["QuestionText"]
        == "Best of ${q://QID1/ChoiceGroup/SelectedChoices}? (${e://Field/PID})"
    )
    assert payload["DynamicChoices"]["Locator"] == "q://QID1/ChoiceGroup/SelectedChoices"
    assert len(payload["Choices"]) == 3
    flow = element(document, "FL")["Flow"]
    assert flow[0]["Type"] == "EmbeddedData"
    assert flow[0]["EmbeddedData"][0]["Field"] == "PID"
    assert report == []
    back, _ = import_(document)
    q2 = back.question_map()["Q2"]
    assert (q2.text, q2.options, q2.options_from) == (
        "Best of {{M1}}? ({{PID}})",
        [],
        carried_from("M1"),
    )
    assert back.question_map()["PID"].type == "hidden"


def carried_from(question: str) -> Any:
    from fielder.ir.models import OptionsFrom

    return OptionsFrom(question=question)


# --- whole files: structure, determinism, round trip -----------------------------------


def test_structure_matches_real_exports(full_survey: Survey) -> None:
    """Every key we write at the top, in SurveyEntry and in each element, Qualtrics writes too."""
    if not REAL_FILES:
        pytest.skip("no real QSF files")
    real = [json.loads(path.read_text(encoding="utf-8")) for path in REAL_FILES]
    ours, _ = export(full_survey)
    assert set(ours) == {"SurveyEntry", "SurveyElements"} == set(real[0])
    assert set(ours["SurveyEntry"]) == set(real[0]["SurveyEntry"])
    real_element_keys = {frozenset(e) for doc in real for e in doc["SurveyElements"]}
    assert {frozenset(e) for e in ours["SurveyElements"]} <= real_element_keys
    real_codes = {e["Element"] for doc in real for e in doc["SurveyElements"]}
    real_codes |= {e["Element"] for e in json.loads((FIXTURES / "quota_elements.json").read_text())}
    assert {e["Element"] for e in ours["SurveyElements"]} <= real_codes
    real_sq_keys = {
        k
        for doc in real
        for e in doc["SurveyElements"]
        if e["Element"] == "SQ"
        for k in e["Payload"]
    }
    ours_sq_keys = {k for e in ours["SurveyElements"] if e["Element"] == "SQ" for k in e["Payload"]}
    # Keys no sample file happens to use, but Qualtrics writes for these features.
    assert ours_sq_keys - real_sq_keys <= {
        "VariableNaming",
        "DynamicChoices",
        "Randomization",
        "RecodeValues",
    }
    real_flow_types = {
        f["Type"]
        for doc in real
        for e in doc["SurveyElements"]
        if e["Element"] == "FL"
        for f in e["Payload"]["Flow"]
    }
    ours_flow_types = {f["Type"] for f in element(ours, "FL")["Flow"]}
    assert ours_flow_types - real_flow_types <= {"EmbeddedData"}


def test_same_survey_same_bytes(full_survey: Survey) -> None:
    first = get_exporter("qualtrics").export(full_survey)
    second = get_exporter("qualtrics").export(full_survey.model_copy(deep=True))
    assert first.content == second.content
    assert first.file_name == "coffee-habits-2026.qsf"
    assert json.loads(first.content)["SurveyEntry"]["SurveyID"].startswith("SV_")


def comparable(document: dict[str, Any]) -> dict[str, Any]:
    """An IR document without what no platform file carries or should be compared on.

    Provenance (`source`, `attention`, `version`) and `platform` are fielder's own; a
    display or hidden item has no answer to require; outer spaces of texts and page
    breaks at the ends of a block change nothing a respondent sees.
    """
    document = {k: v for k, v in document.items() if k != "platform"}
    if "title" in document:
        document["title"] = document["title"].strip()
        if not document["title"]:
            del document["title"]
    for block in document.get("blocks", []):
        if block.get("title") is not None:
            block["title"] = block["title"].strip() or None
            if block["title"] is None or block["title"] == block["id"]:
                del block["title"]
        items = block.get("items", [])
        while items and items[-1].get("type") == "page_break":
            items.pop()
        shown = False  # a break before anything shown (hidden values are not) breaks nothing
        for item in list(items):
            if item.get("type") == "page_break" and not shown:
                items.remove(item)
            shown = shown or item.get("type") not in ("page_break", "hidden")
        for item in items:
            for key in ("source", "attention", "version"):
                item.pop(key, None)
            if item.get("type") in ("display", "hidden"):
                item["required"] = False
            for key in ("text", "instructions"):
                if key in item:
                    item[key] = item[key].strip()
                    if not item[key]:
                        del item[key]
            rules = item.get("validation") or {}
            if rules.get("integer") is False:  # the same as no integer rule
                del rules["integer"]
            if rules.get("min_choices") == 0:  # the same as no minimum
                del rules["min_choices"]
            if "validation" in item and not rules:
                del item["validation"]
            for option in item.get("options", []):
                option["label"] = option["label"].strip()
            for row in item.get("rows", []):
                row["label"] = row["label"].strip()
    return document


LOGIC_FIELDS = ("display_if", "terminate_if")


def split_logic(document: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The document without its conditions, and the conditions by question id."""
    logic: dict[str, Any] = {}
    for block in document.get("blocks", []):
        for item in block.get("items", []):
            if "id" not in item:
                continue
            entry = {field: item.pop(field) for field in LOGIC_FIELDS if field in item}
            if item.get("skip_to"):
                entry["skip_to"] = item.pop("skip_to")
            if entry:
                logic[item["id"]] = entry
    for variable in document.get("variables", []):
        logic[f"variable:{variable['name']}"] = {"display_if": variable.pop("expression")}
    for quota in document.get("quotas", []):  # platforms may write the same test differently
        logic[f"quota:{quota['id']}"] = {"display_if": quota.pop("condition")}
    return document, logic


def agree(first: str, second: str, survey: Survey, answer_sets: list[dict[str, Any]]) -> bool:
    """Whether two conditions give the same verdict, by the IR's evaluator, on every answer set."""
    questions = frozenset(survey.question_map())
    variables = {
        v.name: compile_expr(ex.parse(v.expression), questions, frozenset())
        for v in survey.variables
    }
    names = frozenset(variables)
    one = compile_expr(ex.parse(first), questions, names)
    two = compile_expr(ex.parse(second), questions, names)
    return all(
        truthy(safely(one, Context(a, variables))) == truthy(safely(two, Context(a, variables)))
        for a in answer_sets
    )


def assert_round_trip(
    expected: dict[str, Any], got: dict[str, Any], survey: Survey, answers: list[dict[str, Any]]
) -> None:
    """Same document; conditions that mean the same on every answer set."""
    expected, expected_logic = split_logic(expected)
    got, got_logic = split_logic(got)
    assert got == expected
    assert got_logic.keys() == expected_logic.keys()
    for qid, wanted in expected_logic.items():
        found = got_logic[qid]
        assert found.keys() == wanted.keys(), qid
        for field in LOGIC_FIELDS:
            if field in wanted:
                assert agree(wanted[field], found[field], survey, answers), (qid, field)
        for rule, back in zip(wanted.get("skip_to", []), found.get("skip_to", []), strict=True):
            assert rule["to"] == back["to"]
            assert agree(rule["if"], back["if"], survey, answers), (qid, rule)


FULL_SURVEY_ANSWERS: list[dict[str, Any]] = [
    {},
    {"S1": "1"},
    {"S1": "2", "Q11": 0, "Q3": ["1"]},
    {"S1": "3", "Q11": 5, "Q3": ["97", "2"]},
]


def expected_after_round_trip(survey: Survey, report: list[NotCarried]) -> dict[str, Any]:
    """The IR an import of our export should give: the original minus what was reported."""
    lost = {(n.element_id, n.feature) for n in report}
    document = native_skips_only(survey.model_copy(deep=True), QualtricsExporter())
    document.variables, document.endings = [], []
    document.quotas = [q for q in document.quotas if (q.id, "quota") not in lost]
    for n, quota in enumerate(document.quotas, start=1):  # numbered, ended as quota met
        quota.id, quota.action = f"QT{n}", "over_quota"
    document.languages = document.languages[:1]
    hidden = []
    for n, block in enumerate(document.blocks, start=1):
        block.id = f"B{n}"
        block.title = block.title if block.title not in (None, f"B{n}") else None
        for question in block.questions():
            for feature in ("display_if", "terminate_if", "skip_to", "scale", "instructions"):
                if (question.id, feature) in lost:
                    setattr(question, feature, [] if feature == "skip_to" else None)
            if (question.id, "validation.pattern") in lost and question.validation:
                question.validation.pattern = None
                if not question.validation.model_dump(exclude_none=True):
                    question.validation = None
            if question.type == "hidden":
                question.required = False
                hidden.append(question)
        block.items = [i for i in block.items if not (getattr(i, "type", "") == "hidden")]
    if document.blocks:
        document.blocks[0].items[:0] = hidden
    return comparable(document.to_json())


def test_full_survey_round_trip(full_survey: Survey) -> None:
    result = get_exporter("qualtrics").export(full_survey)
    back = get_importer("qualtrics").import_(result.content)
    expected = expected_after_round_trip(full_survey, result.not_carried)
    got = comparable(back.survey.to_json())
    assert_round_trip(expected, got, full_survey, FULL_SURVEY_ANSWERS)
    assert back.not_carried == []
    reported = {(n.element_id, n.feature) for n in result.not_carried}
    assert reported == {
        ("Q15", "validation.pattern"),
        ("Q16", "position"),
        ("Q6", "scale"),
        ("heavy_user", "variable"),
        ("screened_out", "ending"),
    }


# --- real files -------------------------------------------------------------------------


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_real_files_import(path: Path) -> None:
    result = QualtricsImporter().import_(path.read_bytes())
    survey = result.survey
    assert survey.title
    assert survey.questions()
    Survey.model_validate(survey.to_json())
    # Exporting what was imported works too (a Qualtrics file can be re-targeted).
    QualtricsExporter().export(survey)


def test_real_file_logic_and_report() -> None:
    path = FIXTURES / "Survey_Logic_EVERYWHERE.qsf"
    if not path.exists():
        pytest.skip("fixture missing")
    result = QualtricsImporter().import_(path.read_bytes())
    survey = result.survey
    assert [q.id for q in survey.questions()] == ["Q1", "Q2", "Q3", "Q4", "Q5"]
    q1 = survey.question_map()["Q1"]
    assert [(r.if_, r.to) for r in q1.skip_to] == [
        ("Q1 == '1'", "end"),
        ("Q1 == '1'", "Q4"),
        ("Q1 == '1'", "Q5"),
    ]
    assert survey.question_map()["Q3"].skip_to[0].to == "end"
    features = {(n.element_id, n.feature) for n in result.not_carried}
    assert ("Q2", "display_if") in features  # "choice displayed" or device type: no IR equivalent
    assert ("FL_7", "flow:WebService") in features
    assert ("Q4.1", "display_if") in features


def test_real_file_codes_and_specify() -> None:
    path = FIXTURES / "Test_Survey_for_Coded_Comments.qsf"
    if not path.exists():
        pytest.skip("fixture missing")
    q1 = QualtricsImporter().import_(path.read_bytes()).survey.question_map()["Q1"]
    assert [(o.code, o.specify) for o in q1.options] == [("1", False), ("5", True), ("6", True)]
    assert q1.text == 'This question has multiple "other please specify" options'
    assert q1.required is False


def test_real_file_question_types() -> None:
    path = FIXTURES / "sample.qsf"
    if not path.exists():
        pytest.skip("fixture missing")
    result = QualtricsImporter().import_(path.read_bytes())
    types = {q.id: q.type for q in result.survey.questions()}
    assert types["Q8"] == "dropdown"
    assert types["Q14"] == "ranking"
    assert types["Q3"] == "grid"
    assert result.survey.question_map()["Q3"].multiple is True
    assert types["Q10"] == "multi"
    features = {(n.element_id, n.feature) for n in result.not_carried}
    assert ("Q16", "type:SBS/SBSMatrix") in features
    assert ("BL_38HygDf4dIQU0pn", "trash") in features


# --- hostile and odd files ---------------------------------------------------------------

MINIMAL = {"SurveyEntry": {"SurveyName": "X"}, "SurveyElements": []}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"{not json", "malformed JSON"),
        (b"[1, 2]", "no SurveyElements"),
        (b'{"SurveyElements": {}}', "no SurveyElements"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"   ", "empty"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_unreadable_files_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ImportFailed, match=reason):
        QualtricsImporter().import_(data)


def _question_element(qid: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {"Element": "SQ", "PrimaryAttribute": qid, "Payload": {"QuestionID": qid, **payload}}


def _file(*questions: dict[str, Any], blocks: Any = None) -> dict[str, Any]:
    qids = [q["PrimaryAttribute"] for q in questions]
    if blocks is None:
        blocks = [
            {
                "Type": "Default",
                "ID": "BL_1",
                "BlockElements": [{"Type": "Question", "QuestionID": q} for q in qids],
            }
        ]
    return {
        "SurveyEntry": {"SurveyName": "X"},
        "SurveyElements": [{"Element": "BL", "Payload": blocks}, *questions],
    }


def test_unknown_question_type_is_reported_not_fatal() -> None:
    document = _file(
        _question_element(
            "QID1",
            {
                "QuestionText": "Heat",
                "QuestionType": "HeatMap",
                "Selector": "HM",
                "DataExportTag": "H1",
            },
        ),
        _question_element(
            "QID2",
            {"QuestionText": "Name", "QuestionType": "TE", "Selector": "SL", "DataExportTag": "N"},
        ),
    )
    survey, report = import_(document)
    assert [(q.id, q.type) for q in survey.questions()] == [("H1", "display"), ("N", "text")]
    assert [(n.element_id, n.feature) for n in report] == [("H1", "type:HeatMap/HM")]


def test_clashing_ids_and_codes_are_made_unique() -> None:
    choices = {"1": {"Display": "a"}, "2": {"Display": "b"}}
    document = _file(
        _question_element(
            "QID1",
            {
                "QuestionType": "MC",
                "Selector": "SAVR",
                "DataExportTag": "Q1",
                "Choices": choices,
                "RecodeValues": {"1": "5", "2": "5"},
            },
        ),
        _question_element("QID2", {"QuestionType": "TE", "Selector": "SL", "DataExportTag": "Q1"}),
        _question_element(
            "QID3", {"QuestionType": "TE", "Selector": "SL", "DataExportTag": "2 bad id!"}
        ),
    )
    survey, _ = import_(document)
    assert [q.id for q in survey.questions()] == ["Q1", "Q1_2", "Q2_bad_id"]
    assert [o.code for o in survey.questions()[0].options] == ["5", "5_2"]


def test_block_payload_as_object_is_read() -> None:
    blocks = {
        "1": {
            "Type": "Standard",
            "ID": "BL_2",
            "Description": "Second",
            "BlockElements": [{"Type": "Question", "QuestionID": "QID2"}],
        },
        "0": {
            "Type": "Default",
            "ID": "BL_1",
            "Description": "First",
            "BlockElements": [{"Type": "Question", "QuestionID": "QID1"}],
        },
        "2": {"Type": "Trash", "ID": "BL_3", "BlockElements": []},
    }
    document = _file(
        _question_element("QID1", {"QuestionType": "TE", "Selector": "SL", "DataExportTag": "A"}),
        _question_element("QID2", {"QuestionType": "TE", "Selector": "SL", "DataExportTag": "B"}),
        blocks=blocks,
    )
    survey, report = import_(document)
    assert [(b.title, [q.id for q in b.questions()]) for b in survey.blocks] == [
        ("First", ["A"]),
        ("Second", ["B"]),
    ]
    assert report == []


def test_missing_and_malformed_parts_are_tolerated() -> None:
    document = _file(
        _question_element(
            "QID1",
            {
                "QuestionType": "MC",
                "Selector": "SAVR",
                "Choices": "oops",
                "DisplayLogic": {"0": "bad"},
            },
        ),
        blocks=[
            {
                "Type": "Default",
                "ID": "BL_1",
                "BlockElements": [
                    {"Type": "Question", "QuestionID": "QID1"},
                    {"Type": "Question", "QuestionID": "QID9"},
                    "junk",
                ],
            }
        ],
    )
    survey, report = import_(document)
    assert [q.id for q in survey.questions()] == ["QID1"]
    assert {(n.element_id, n.feature) for n in report} == {
        ("QID9", "question"),
        ("QID1", "display_if"),
    }
    assert QualtricsImporter().import_(json.dumps(MINIMAL).encode()).survey.blocks == []


@st.composite
def well_shaped_answers(draw: st.DrawFn, survey: Survey) -> dict[str, Any]:
    """Answers a platform could hold (no junk shapes): some questions left unanswered."""
    answers: dict[str, Any] = {}
    for question in survey.questions():
        if draw(st.booleans()):
            data = question.model_dump(mode="json", by_alias=True)
            answers[question.id] = _good_answer(draw, data, survey)
    return answers


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_round_trip_property(data: st.DataObject) -> None:
    """import(export(ir)) == ir up to the report; conditions mean the same on random answers."""
    survey = data.draw(surveys())
    answers = [data.draw(well_shaped_answers(survey)) for _ in range(6)]
    result = QualtricsExporter().export(survey)
    back = QualtricsImporter().import_(result.content)
    expected = expected_after_round_trip(survey, result.not_carried)
    assert_round_trip(expected, comparable(back.survey.to_json()), survey, answers)
