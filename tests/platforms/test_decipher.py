"""Decipher XML: IR → elements, Python-style conditions (checked by evaluating them), structure."""

from __future__ import annotations

import ast
from types import SimpleNamespace
from typing import Any
from xml.etree.ElementTree import Element

import pytest
from defusedxml.ElementTree import fromstring
from hypothesis import HealthCheck, given, settings

from fielder.ir import expressions as ex
from fielder.ir.logic import Context, compile_expr, truthy
from fielder.ir.models import Survey
from fielder.platforms.decipher import DecipherCondition, DecipherExporter, option_labels
from fielder.platforms.registry import UnknownPlatform, get_exporter, get_importer
from tests.strategies import surveys

S1 = {
    "id": "S1",
    "type": "single",
    "text": "Age?",
    "options": [
        {"code": "1", "label": "Young"},
        {"code": "2", "label": "Old"},
        {"code": "3", "label": "Older"},
    ],
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

#: The element set of Decipher's survey XML (FocusVision/Forsta "XML Syntax" and question pages).
ELEMENTS = {
    "survey": {"name", "alt", "autosave", "compat", "extraVariables", "setup", "state"},
    "block": {"label", "cond", "randomizeChildren"},
    "note": set(),
    "suspend": {"cond"},
    "term": {"label", "cond"},
    "quota": {"label", "sheet", "overquota"},
    "html": {"label", "cond", "where"},
    "radio": {"label", "cond", "optional", "shuffle", "type"},
    "checkbox": {"label", "cond", "optional", "atleast", "atmost", "shuffle"},
    "select": {"label", "cond", "optional", "shuffle", "unique"},
    "text": {"label", "cond", "optional", "size", "verify"},
    "textarea": {"label", "cond", "optional", "height", "width"},
    "number": {"label", "cond", "optional", "size", "verify", "amount", "uses"},
    "title": set(),
    "comment": set(),
    "row": {"label", "value", "exclusive", "open", "openSize", "randomize"},
    "col": {"label", "value"},
    "choice": {"label", "value", "exclusive", "open", "openSize", "randomize"},
}
CHILDREN = {
    "radio": {"title", "comment", "row", "col"},
    "checkbox": {"title", "comment", "row", "col"},
    "select": {"title", "comment", "row", "choice"},
    "number": {"title", "comment", "row"},
    "text": {"title", "comment"},
    "textarea": {"title", "comment"},
}


def survey_of(*questions: dict[str, Any], **extra: Any) -> Survey:
    return Survey.model_validate(
        {"title": "T", "blocks": [{"id": "B1", "items": list(questions)}], **extra}
    )


def export(survey: Survey) -> tuple[Element, list[Any]]:
    result = DecipherExporter().export(survey)
    return fromstring(result.content), result.not_carried


def find(root: Element, label: str) -> Element:
    found = next(
        (
            e
            for e in root.iter()
            if e.get("label") == label and e.tag not in ("row", "col", "choice")
        ),
        None,
    )
    assert found is not None, label
    return found


# --- question → element ------------------------------------------------------------------

ELEMENT_CASES = [
    (S1, "radio", {"optional": "0"}),
    ({**S1, "required": False}, "radio", {"optional": "1"}),
    (M1, "checkbox", {"atleast": "1"}),
    (
        {**M1, "validation": {"min_choices": 2, "max_choices": 3}},
        "checkbox",
        {"atleast": "2", "atmost": "3"},
    ),
    ({**S1, "type": "dropdown"}, "select", {}),
    ({**S1, "type": "scale"}, "radio", {"type": "rating"}),
    ({**S1, "type": "ranking"}, "select", {"unique": "1"}),
    (G1, "radio", {}),
    ({**G1, "multiple": True}, "checkbox", {"atleast": "1"}),
    (
        {"id": "T1", "type": "text", "text": "t", "validation": {"max_length": 9}},
        "text",
        {"verify": "len(0,9)"},
    ),
    ({"id": "T1", "type": "long_text", "text": "t"}, "textarea", {}),
    ({**N1, "validation": {"min": 0, "max": 20}}, "number", {"verify": "range(0,20)"}),
    ({**M1, "type": "constant_sum", "total": 100}, "number", {"amount": "100"}),
    ({"id": "E1", "type": "email", "text": "Mail"}, "text", {"verify": "email"}),
    ({"id": "D1", "type": "date", "text": "When"}, "text", {"verify": "date(mm/dd/yyyy)"}),
    ({"id": "H1", "type": "display", "text": "Hello"}, "html", {"where": "survey"}),
    ({**M1, "randomize_options": True}, "checkbox", {"shuffle": "rows"}),
]


@pytest.mark.parametrize(("question", "tag", "attributes"), ELEMENT_CASES)
def test_question_elements(question: dict[str, Any], tag: str, attributes: dict[str, str]) -> None:
    root, _ = export(survey_of(question))
    element = find(root, question["id"])
    assert element.tag == tag
    assert {k: element.get(k) for k in attributes} == attributes


def test_rows_carry_codes_and_option_flags() -> None:
    options = [
        {"code": "1", "label": "A"},
        {"code": "97", "label": "Other", "specify": True, "fixed": True},
        {"code": "99", "label": "None & <all>", "exclusive": True, "fixed": True},
    ]
    root, _ = export(survey_of({**M1, "options": options, "randomize_options": True}))
    rows = [
        (r.get("label"), r.get("value"), r.text, dict(r.attrib))
        for r in find(root, "M1").iter("row")
    ]
    assert [r[:3] for r in rows] == [
        ("r1", "1", "A"),
        ("r97", "97", "Other"),
        ("r99", "99", "None & <all>"),
    ]
    assert rows[1][3]["open"] == "1"
    assert rows[1][3]["randomize"] == "0"
    assert rows[2][3]["exclusive"] == "1"
    assert rows[2][3]["randomize"] == "0"


def test_grid_rows_and_columns() -> None:
    grid = find(export(survey_of(G1))[0], "G1")
    assert [(r.get("label"), r.text) for r in grid.iter("row")] == [
        ("r1", "Taste"),
        ("r2", "Price"),
    ]
    assert [(c.get("label"), c.get("value")) for c in grid.iter("col")] == [
        ("c1", "1"),
        ("c5", "5"),
    ]


def test_pages_blocks_terms_and_hidden_values() -> None:
    survey = Survey.model_validate(
        {
            "title": "T",
            "blocks": [
                {
                    "id": "B1",
                    "title": "Screener",
                    "randomize": True,
                    "items": [{**S1, "terminate_if": "S1 == '1'"}, {"type": "page_break"}, N1],
                },
                {"id": "B2", "items": [{"id": "PID", "type": "hidden", "text": "panel"}, M1]},
            ],
            "endings": [{"id": "screened_out", "text": "Sorry."}],
        }
    )
    root, report = export(survey)
    assert [child.tag for child in root] == ["block", "suspend", "block"]
    first = [child.tag for child in root[0]]
    assert first == ["note", "radio", "suspend", "term", "suspend", "number"]
    assert root[0].get("randomizeChildren") == "1"
    term = root[0].find("term")
    assert term is not None
    assert (term.get("cond"), term.text) == ("S1.r1", "Sorry.")
    assert "PID" in (root.get("extraVariables") or "").split(",")
    assert report == []


def test_instructions_piping_and_escaping() -> None:
    q = {
        "id": "Q2",
        "type": "text",
        "text": 'Why "{{S1}}" & <how>?\nTell us',
        "instructions": "Be brief",
    }
    element = find(export(survey_of(S1, q))[0], "Q2")
    title, comment = element.find("title"), element.find("comment")
    assert title is not None
    assert comment is not None
    assert title.text == 'Why "${S1.selected.text}" & <how>?'
    assert comment.text == "Be brief"


# --- conditions -------------------------------------------------------------------------

CONDITION_CASES = [
    ("S1 == '2'", "S1.r2"),
    ("S1 == 2", "S1.r2"),
    ("S1 != '1'", "not S1.r1"),
    ("S1 in ['1', '3']", "(S1.r1 or S1.r3)"),
    ("S1 not in ['1', '3']", "not (S1.r1 or S1.r3)"),
    ("M1 contains '9'", "M1.r9"),
    ("M1 == '9'", "M1.r9"),
    ("M1 contains any ['1', '2']", "(M1.r1 or M1.r2)"),
    ("M1 contains all ['1', '2']", "(M1.r1 and M1.r2)"),
    ("not (M1 contains '1')", "not (M1.r1)"),
    ("N1 >= 3", "N1.ival >= 3"),
    ("N1 + 1 > 3 and S1 == '1'", "((N1.ival + 1) > 3) and (S1.r1)"),
    ("answered(M1)", "M1.any"),
    ("count(M1) >= 2", "M1.count >= 2"),
    ("G1.r2 == '5'", "G1.r2.c5"),
    ("G1.r2 != '5'", "not G1.r2.c5"),
]


@pytest.mark.parametrize(("condition", "expected"), CONDITION_CASES)
def test_conditions(condition: str, expected: str) -> None:
    assert DecipherCondition(survey_of(S1, M1, N1, G1)).render_text(condition) == expected
    ast.parse(expected, mode="eval")  # Decipher conditions are Python expressions


def _decipher_answers(survey: Survey, answers: dict[str, Any]) -> dict[str, Any]:
    """Objects that behave like Decipher's question variables for `answers`."""
    names: dict[str, Any] = {}
    for q in survey.questions():
        value = answers.get(q.id)
        labels = option_labels(q)
        if q.type == "grid":
            rows = {
                r.id: SimpleNamespace(
                    **{
                        "c" + labels[o.code][1:]: (value or {}).get(r.id) == o.code
                        for o in q.options
                    }
                )
                for r in q.rows
            }
            names[q.id] = SimpleNamespace(**rows)
        elif q.type in ("single", "multi"):
            chosen = set(value) if isinstance(value, list) else {value}
            flags = {labels[o.code]: o.code in chosen for o in q.options}
            picked = [o for o in q.options if o.code in chosen]
            names[q.id] = SimpleNamespace(**flags, any=bool(picked), count=len(picked))
        else:
            names[q.id] = SimpleNamespace(ival=value, val=value, any=value is not None)
    return names


ANSWER_SETS = [
    {"S1": "1", "M1": ["1"], "N1": 0, "G1": {"r1": "1", "r2": "5"}},
    {"S1": "2", "M1": ["1", "2"], "N1": 3, "G1": {"r1": "5", "r2": "1"}},
    {"S1": "3", "M1": ["9"], "N1": 7, "G1": {"r1": "5", "r2": "5"}},
    {"S1": "3", "M1": [], "N1": 2, "G1": {"r1": "1", "r2": "1"}},
]


@pytest.mark.parametrize(("condition", "_"), CONDITION_CASES)
@pytest.mark.parametrize("answers", ANSWER_SETS)
def test_conditions_mean_what_the_ir_means(condition: str, _: str, answers: dict[str, Any]) -> None:
    """Evaluated as Python over Decipher-like objects, each condition agrees with the IR."""
    survey = survey_of(S1, M1, N1, G1)
    cond = DecipherCondition(survey).render_text(condition)
    names = _decipher_answers(survey, answers)
    decipher = bool(eval(cond, {"__builtins__": {}}, names))  # our own generated text
    getter = compile_expr(ex.parse(condition), frozenset(survey.question_map()), frozenset())
    assert decipher == truthy(getter(Context(answers, {}))), (condition, cond, answers)


@pytest.mark.parametrize(
    "condition", ["heavy == 1", "S1 > '1'", "count(S1) > 1", "M1 > '1'", "Q9 == 1"]
)
def test_untranslatable_conditions_are_reported(condition: str) -> None:
    target = {"id": "Z", "type": "text", "text": "z", "display_if": condition}
    root, report = export(survey_of(S1, M1, N1, target))
    assert find(root, "Z").get("cond") is None
    assert [(n.element_id, n.feature) for n in report] == [("Z", "display_if")]


# --- whole documents ---------------------------------------------------------------------


def _check_structure(root: Element) -> None:
    assert root.tag == "survey"
    for element in root.iter():
        assert element.tag in ELEMENTS, element.tag
        assert set(element.attrib) <= ELEMENTS[element.tag], (element.tag, element.attrib)
        if element.tag in CHILDREN:
            assert {c.tag for c in element} <= CHILDREN[element.tag]
            assert element.find("title") is not None
        if element.get("cond"):
            ast.parse(element.get("cond") or "", mode="eval")


def test_full_survey_structure_and_report(full_survey: Survey) -> None:
    result = get_exporter("decipher").export(full_survey)
    root = fromstring(result.content)
    _check_structure(root)
    labels = {e.get("label") for e in root.iter() if e.tag in CHILDREN or e.tag == "html"}
    visible = {q.id for q in full_survey.questions() if q.type != "hidden"}
    assert labels == visible
    assert {(n.element_id, n.feature) for n in result.not_carried} == {
        ("Q15", "validation.pattern"),
        ("Q4", "options_from"),
        ("Q6", "scale"),
        ("QT1", "quota_sheet"),
        ("heavy_user", "variable"),
    }
    assert result.file_name == "coffee-habits-2026.xml"


def test_same_survey_same_bytes(full_survey: Survey) -> None:
    first = get_exporter("decipher").export(full_survey).content
    assert first == get_exporter("decipher").export(full_survey.model_copy(deep=True)).content


def test_decipher_is_export_only() -> None:
    with pytest.raises(UnknownPlatform, match="not imported"):
        get_importer("decipher")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(surveys())
def test_any_survey_exports_to_well_formed_decipher_xml(survey: Survey) -> None:
    """Every question appears (or is reported); every condition is valid Python."""
    result = DecipherExporter().export(survey)
    root = fromstring(result.content)
    _check_structure(root)
    labels = {e.get("label") for e in root.iter() if e.tag in CHILDREN or e.tag == "html"}
    hidden = set((root.get("extraVariables") or "").split(","))
    for question in survey.questions():
        assert question.id in labels | hidden
    reported = {(n.element_id, n.feature) for n in result.not_carried}
    for question in survey.questions():
        element = next(
            (
                e
                for e in root.iter()
                if e.get("label") == question.id and e.tag in CHILDREN | {"html": set()}
            ),
            None,
        )
        if question.display_if and element is not None and element.get("cond") is None:
            assert (question.id, "display_if") in reported
