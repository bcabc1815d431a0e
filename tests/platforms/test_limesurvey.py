"""LimeSurvey LSS: IR → LSS rows, ExpressionScript both ways, real .lss files, hostile XML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from defusedxml.ElementTree import fromstring
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fielder.ir import expressions as ex
from fielder.ir.models import Survey
from fielder.platforms import transforms
from fielder.platforms.base import ImportFailed
from fielder.platforms.limesurvey import LimeSurveyExporter, LimeSurveyImporter
from fielder.platforms.limesurvey.expression import ExpressionScript, ReadExpression, to_ir_text
from fielder.platforms.limesurvey.import_ import read_tables
from fielder.platforms.logic import Untranslatable
from fielder.platforms.qualtrics.read_logic import simplify
from fielder.platforms.quotas import condition_of, members_of
from fielder.platforms.registry import get_exporter, get_importer
from fielder.platforms.result import NotCarried
from tests.platforms.test_qualtrics import (
    FULL_SURVEY_ANSWERS,
    assert_round_trip,
    comparable,
    well_shaped_answers,
)
from tests.strategies import surveys

FIXTURES = Path(__file__).parent.parent / "fixtures" / "platforms" / "limesurvey"
REAL_FILES = sorted(FIXTURES.glob("*.lss"))

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


def survey_of(*questions: dict[str, Any], **extra: Any) -> Survey:
    return Survey.model_validate(
        {"title": "T", "blocks": [{"id": "B1", "items": list(questions)}], **extra}
    )


def export(survey: Survey) -> tuple[dict[str, list[dict[str, str]]], list[NotCarried], bytes]:
    result = LimeSurveyExporter().export(survey)
    return read_tables(fromstring(result.content)), result.not_carried, result.content


def question_row(tables: dict[str, list[dict[str, str]]], title: str) -> dict[str, str]:
    return next(r for r in tables["questions"] if r["title"] == title)


def attributes(tables: dict[str, list[dict[str, str]]], title: str) -> dict[str, str]:
    qid = question_row(tables, title)["qid"]
    return {
        r["attribute"]: r["value"] for r in tables.get("question_attributes", []) if r["qid"] == qid
    }


def import_(content: bytes) -> tuple[Survey, list[NotCarried]]:
    result = LimeSurveyImporter().import_(content)
    return result.survey, result.not_carried


# --- IR question → LSS rows -------------------------------------------------------------

TYPE_CASES = [
    (S1, "L"),
    ({**S1, "type": "dropdown"}, "!"),
    ({**S1, "type": "scale"}, "L"),
    (M1, "M"),
    (G1, "F"),
    ({**G1, "multiple": True}, ":"),
    ({"id": "T1", "type": "text", "text": "t"}, "S"),
    ({"id": "T1", "type": "long_text", "text": "t"}, "T"),
    (N1, "N"),
    ({**M1, "type": "constant_sum", "total": 100}, "K"),
    ({**S1, "type": "ranking"}, "R"),
    ({"id": "D1", "type": "date", "text": "When"}, "D"),
    ({"id": "D1", "type": "display", "text": "Hello"}, "X"),
    ({"id": "E1", "type": "email", "text": "Mail"}, "S"),
    ({"id": "H1", "type": "hidden", "text": "Panel"}, "S"),
]


@pytest.mark.parametrize(("question", "letter"), TYPE_CASES)
def test_type_letters_and_round_trip_of_type(question: dict[str, Any], letter: str) -> None:
    tables, _, content = export(survey_of(question))
    row = question_row(tables, question["id"])
    assert row["type"] == letter
    back, _ = import_(content)
    expected = "single" if question["type"] == "scale" else question["type"]
    assert back.questions()[0].type == expected


def test_answers_and_subquestions() -> None:
    tables, _, _ = export(survey_of(S1, M1, G1))
    s1, m1, g1 = (question_row(tables, t)["qid"] for t in ("S1", "M1", "G1"))
    answers = [(a["qid"], a["code"]) for a in tables["answers"]]
    assert answers == [(s1, "1"), (s1, "2"), (g1, "1"), (g1, "5")]
    labels = [a["answer"] for a in tables["answer_l10ns"]]
    assert labels == ["Young", "Old", "Bad", "Good"]
    subs = [(s["parent_qid"], s["title"], s["scale_id"]) for s in tables["subquestions"]]
    assert subs == [
        (m1, "1", "0"),
        (m1, "2", "0"),
        (m1, "9", "0"),
        (g1, "r1", "0"),
        (g1, "r2", "0"),
    ]


ATTRIBUTE_CASES = [
    ({**M1, "randomize_options": True}, {"random_order": "1"}),
    (
        {**M1, "validation": {"min_choices": 1, "max_choices": 2}},
        {"min_answers": "1", "max_answers": "2"},
    ),
    (
        {**N1, "validation": {"min": 0, "max": 20, "integer": True}},
        {"min_num_value_n": "0", "max_num_value_n": "20", "num_value_int_only": "1"},
    ),
    ({**M1, "type": "constant_sum", "total": 100}, {"equals_num_value": "100"}),
    (
        {"id": "T1", "type": "text", "text": "t", "validation": {"max_length": 50}},
        {"maximum_chars": "50"},
    ),
    ({"id": "H1", "type": "hidden", "text": "Panel", "required": False}, {"hidden": "1"}),
    (
        {**M1, "options": [*M1["options"], {"code": "99", "label": "None", "exclusive": True}]},
        {"exclude_all_others": "99"},
    ),
    ({**G1, "multiple": True}, {"multiflexible_checkbox": "1"}),
]


@pytest.mark.parametrize(("question", "expected"), ATTRIBUTE_CASES)
def test_question_attributes(question: dict[str, Any], expected: dict[str, str]) -> None:
    tables, _, content = export(survey_of(question))
    assert attributes(tables, question["id"]) == expected
    back, report = import_(content)
    assert back.questions()[0] == survey_of(question).questions()[0]
    assert report == []


def test_question_fields() -> None:
    question = {**S1, "required": False, "instructions": "Pick one", "display_if": "N1 > 2"}
    tables, _, _ = export(survey_of(N1, question))
    row = question_row(tables, "S1")
    assert (row["mandatory"], row["relevance"], row["other"]) == ("N", "N1 > 2", "N")
    assert question_row(tables, "N1")["mandatory"] == "Y"
    text = next(r for r in tables["question_l10ns"] if r["qid"] == row["qid"])
    assert (text["question"], text["help"], text["language"]) == ("Age?", "Pick one", "en")


def test_other_specify_is_lime_surveys_other() -> None:
    options = [*S1["options"], {"code": "-oth-", "label": "Something else", "specify": True}]
    tables, report, content = export(survey_of({**S1, "options": options}))
    assert question_row(tables, "S1")["other"] == "Y"
    assert attributes(tables, "S1") == {"other_replace_text": "Something else"}
    assert [a["code"] for a in tables["answers"]] == ["1", "2"]
    assert report == []
    back, _ = import_(content)
    other = back.questions()[0].options[-1]
    assert other.model_dump() == {
        "code": "-oth-",
        "label": "Something else",
        "specify": True,
        "exclusive": False,
        "fixed": False,
    }


def test_ids_and_codes_made_lime_survey_safe() -> None:
    question = {
        "id": "Q_3a",
        "type": "single",
        "text": "x",
        "options": [{"code": "a-1", "label": "x"}],
    }
    tables, report, _ = export(survey_of(question))
    assert question_row(tables, "Q3a")
    assert tables["answers"][0]["code"] == "a1"
    assert ("Q_3a", "id") in {(n.element_id, n.feature) for n in report}


# --- ExpressionScript -------------------------------------------------------------------

EXPRESSION_CASES = [
    ("S1 == '2'", 'S1 == "2"'),
    ("S1 == 2", 'S1 == "2"'),
    ("S1 != '1'", 'S1 != "1"'),
    ("S1 in ['1', '2']", '(S1 == "1" or S1 == "2")'),
    ("S1 not in ['1', '2']", '(S1 != "1" and S1 != "2")'),
    ("M1 contains '9'", 'M1_9 == "Y"'),
    ("M1 == '9'", 'M1_9 == "Y"'),
    ("M1 contains any ['1', '2']", '(M1_1 == "Y" or M1_2 == "Y")'),
    ("M1 contains all ['1', '2']", '(M1_1 == "Y" and M1_2 == "Y")'),
    ("not (M1 contains '1')", '!(M1_1 == "Y")'),
    ("N1 >= 3 and N1 < 10", "(N1 >= 3) and (N1 < 10)"),
    ("N1 + 1 > 3", "(N1 + 1) > 3"),
    ("answered(N1)", "!is_empty(N1)"),
    ("not answered(N1)", "is_empty(N1)"),
    ("count(M1) >= 2", 'countif("Y", M1_1, M1_2, M1_9) >= 2'),
    ("G1.r2 == '5'", 'G1_r2 == "5"'),
    ("S1 == '1' or N1 > 2", '(S1 == "1") or (N1 > 2)'),
]


@pytest.mark.parametrize(("condition", "expected"), EXPRESSION_CASES)
def test_expression_script(condition: str, expected: str) -> None:
    survey = survey_of(S1, M1, N1, G1)
    assert ExpressionScript(survey).render_text(condition) == expected


@pytest.mark.parametrize(("condition", "_"), EXPRESSION_CASES)
def test_expression_script_reads_back(condition: str, _: str) -> None:
    target = {"id": "Z", "type": "text", "text": "z", "display_if": condition}
    _tables, report, content = export(survey_of(S1, M1, N1, G1, target))
    back, import_report = import_(content)
    expected = simplify(ex.parse(condition))
    assert ex.parse(back.question_map()["Z"].display_if or "") == _canonical(expected)
    assert report == import_report == []


def _canonical(node: ex.Expr) -> ex.Expr:
    """What reading back gives: numbers compared with choices become their codes."""
    text = (
        ex.print_expr(node).replace("S1 == 2", "S1 == '2'").replace("M1 == '9'", "M1 contains '9'")
    )
    if text == "not answered(N1)":
        return ex.parse(text)
    return ex.parse(text)


REAL_WORLD_EXPRESSIONS = [
    ("1", None),
    ("", None),
    ('((Q1.NAOK == "A1"))', "Q1 == 'A1'"),
    ('Q1 == "A1" && Q2 > 3', "Q1 == 'A1' and Q2 > 3"),
    ("!is_empty(Q2)", "answered(Q2)"),
    ("is_empty(Q2) || Q2 < 5", "not answered(Q2) or Q2 < 5"),
    ('Q3_SQ001 == "Y"', "Q3 contains 'SQ001'"),
    ('Q3_SQ001 == "Y" or Q3_SQ002 == "Y"', "Q3 contains any ['SQ001', 'SQ002']"),
    ('Q3_SQ002 != "Y"', "not Q3 contains 'SQ002'"),
    ('countif("Y", Q3_SQ001, Q3_SQ002) > 1', "count(Q3) > 1"),
]


@pytest.mark.parametrize(("script", "expected"), REAL_WORLD_EXPRESSIONS)
def test_reading_real_world_expression_script(script: str, expected: str | None) -> None:
    from fielder.ir.models import Question

    questions = {
        "Q1": Question(id="Q1", type="single", options=[{"code": "A1", "label": "a"}]),
        "Q2": Question(id="Q2", type="number"),
        "Q3": Question(
            id="Q3",
            type="multi",
            options=[{"code": "SQ001", "label": "a"}, {"code": "SQ002", "label": "b"}],
        ),
    }
    assert ReadExpression(questions).read(script) == expected


@pytest.mark.parametrize(
    "script", ["strlen(Q1) > 3", "Q9 == 1", "Q3_SQ009 == 'Y'", "Q1 ==", "{Q1}"]
)
def test_expression_script_it_cannot_read(script: str) -> None:
    from fielder.ir.models import Question

    questions = {
        "Q1": Question(id="Q1", type="text"),
        "Q3": Question(id="Q3", type="multi", options=[{"code": "SQ001", "label": "a"}]),
    }
    with pytest.raises(Untranslatable):
        ReadExpression(questions).read(script)


def test_tokens_are_mapped() -> None:
    assert to_ir_text('!is_empty(Q1.NAOK) && Q2 != "x"') == 'answered ( Q1 ) and Q2 != "x"'


# --- whole files ----------------------------------------------------------------------


def test_document_shape_matches_real_files(full_survey: Survey) -> None:
    """Every table and field we write appears in real LimeSurvey 4+ exports."""
    modern = [p for p in REAL_FILES if b"question_l10ns" in p.read_bytes()]
    if not modern:
        pytest.skip("no real LimeSurvey 4+ files")
    real_fields: dict[str, set[str]] = {}
    versions = set()
    for path in modern:
        root = fromstring(path.read_bytes())
        versions.add(root.findtext("DBVersion"))
        for table in root:
            fields = table.find("fields")
            if fields is not None:
                real_fields.setdefault(table.tag, set()).update(f.text or "" for f in fields)
    content = LimeSurveyExporter().export(full_survey).content
    root = fromstring(content)
    assert root.tag == "document"
    assert root.findtext("LimeSurveyDocType") == "Survey"
    assert root.findtext("DBVersion") in versions
    for table in root:
        fields = table.find("fields")
        if fields is None:
            continue
        ours = {f.text or "" for f in fields}
        assert table.tag in real_fields, table.tag
        assert ours <= real_fields[table.tag], (table.tag, ours - real_fields[table.tag])
    assert b"<![CDATA[" in content


def test_same_survey_same_bytes(full_survey: Survey) -> None:
    first = get_exporter("limesurvey").export(full_survey)
    second = get_exporter("limesurvey").export(full_survey.model_copy(deep=True))
    assert first.content == second.content
    assert first.file_name == "coffee-habits-2026.lss"


def expected_after_round_trip(survey: Survey, report: list[NotCarried]) -> dict[str, Any]:
    """The original IR after the rewrites LimeSurvey needs, minus what was reported."""
    lost = {(n.element_id, n.feature) for n in report}
    document = transforms.skip_to_display_if(survey.model_copy(deep=True), LimeSurveyExporter())
    document = transforms.one_page_per_block(document, LimeSurveyExporter())
    document.variables = [v for v in document.variables if (v.name, "variable") not in lost]
    document.languages = document.languages[:1]
    questions = document.question_map()
    for q in document.questions():  # carried options are copied before anything changes
        if q.options_from is not None and not q.options:
            q.options = [o.model_copy() for o in questions[q.options_from.question].options]
    _quotas_after_round_trip(document, lost)
    for n, block in enumerate(document.blocks, start=1):
        block.id = f"B{n}"
        block.title = block.title if block.title not in (None, f"B{n}") else None
        for q in block.questions():
            if (q.id, "options_from") in lost:
                q.options_from = None
            if (q.id, "terminate_if") in lost:
                q.terminate_if = None
            if (q.id, "display_if") in lost:
                q.display_if = None
            if (q.id, "scale") in lost:
                q.scale = None
            if (q.id, "type") in lost and q.type == "scale":
                q.type = "single"
            if (q.id, "validation.max_choices") in lost and q.validation:
                q.validation.max_choices = None
                q.validation = q.validation if q.validation.model_dump(exclude_none=True) else None
            if (q.id, "validation.pattern") in lost and q.validation:
                q.validation.pattern = None
                q.validation = q.validation if q.validation.model_dump(exclude_none=True) else None
            if q.type == "hidden":
                q.required = False
            _options_after_round_trip(q, lost)
    renames: dict[str, dict[str, str]] = {}
    for item in report:
        if item.feature == "code":
            qid, _, old = item.element_id.partition(".")
            renames.setdefault(qid, {})[old] = "-oth-"
    if renames:
        for q in document.questions():
            for field in ("display_if", "terminate_if"):
                if getattr(q, field):
                    setattr(q, field, _renamed_codes(getattr(q, field), renames))
        for variable in document.variables:
            variable.expression = _renamed_codes(variable.expression, renames)
    expected = comparable(document.to_json())
    renamed = {n.element_id for n in report if n.feature == "id"}
    for variable in expected.get("variables", []):
        if variable["name"] in renamed:
            variable["name"] = variable["name"].replace("_", "")
    return expected


def _quotas_after_round_trip(document: Survey, lost: set[tuple[str, str]]) -> None:
    """Quotas LimeSurvey holds come back numbered, as over-quota, in canonical form."""
    questions = document.question_map()
    document.quotas = [q for q in document.quotas if (q.id, "quota") not in lost]
    for n, quota in enumerate(document.quotas, start=1):
        quota.id, quota.action = f"QT{n}", "over_quota"
        quota.condition = condition_of(members_of(quota.condition, questions), questions)
    document.endings = [
        e
        for e in document.endings
        if e.id == "complete" or (e.id == "over_quota" and document.quotas and e.text.strip())
    ]


def _renamed_codes(text: str, renames: dict[str, dict[str, str]]) -> str:
    """`text` with option codes LimeSurvey renamed (the 'other' answer is `-oth-`)."""

    def code(ref: ex.Expr, value: ex.Expr) -> ex.Expr:
        if not isinstance(ref, ex.Ref) or ref.name not in renames:
            return value
        raw = value.value if isinstance(value, ex.Str | ex.Num) else None
        key = str(int(raw)) if isinstance(raw, int | float) and float(raw).is_integer() else raw
        return ex.Str(renames[ref.name][key]) if key in renames[ref.name] else value

    def walk(node: ex.Expr) -> ex.Expr:
        if isinstance(node, ex.Compare):
            return ex.Compare(node.op, node.left, code(node.left, node.right))
        if isinstance(node, ex.In):
            items = tuple(code(node.left, i) for i in node.items.items)
            return ex.In(node.left, ex.ListLit(items), node.negated)  # type: ignore[arg-type]
        if isinstance(node, ex.Contains):
            right = node.right
            if isinstance(right, ex.ListLit):
                right = ex.ListLit(tuple(code(node.left, i) for i in right.items))  # type: ignore[misc]
            else:
                right = code(node.left, right)
            return ex.Contains(node.left, node.mode, right)
        if isinstance(node, ex.BoolOp):
            return ex.BoolOp(node.op, walk(node.left), walk(node.right))
        if isinstance(node, ex.Not):
            return ex.Not(walk(node.operand))
        return node

    return ex.print_expr(walk(ex.parse(text)))


def _options_after_round_trip(q: Any, lost: set[tuple[str, str]]) -> None:
    for option in q.options:
        option.fixed = False
        if (f"{q.id}.{option.code}", "exclusive") in lost:
            option.exclusive = False
        if (f"{q.id}.{option.code}", "specify") in lost:
            option.specify = False
        if (f"{q.id}.{option.code}", "code") in lost:
            option.code = "-oth-"
    others = [o for o in q.options if o.specify and o.code == "-oth-"]
    q.options = [o for o in q.options if o not in others] + others[:1]


def test_full_survey_round_trip(full_survey: Survey) -> None:
    result = get_exporter("limesurvey").export(full_survey)
    back = get_importer("limesurvey").import_(result.content)
    expected = expected_after_round_trip(full_survey, result.not_carried)
    got = comparable(back.survey.to_json())
    assert_round_trip(expected, got, full_survey, FULL_SURVEY_ANSWERS)
    assert back.not_carried == []
    features = {(n.element_id, n.feature) for n in result.not_carried}
    assert {
        ("S1", "terminate_if"),
        ("Q6", "type"),
        ("heavy_user", "id"),
    } <= features


# --- real files -------------------------------------------------------------------------


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_real_files_import(path: Path) -> None:
    survey, _ = import_(path.read_bytes())
    assert survey.title
    Survey.model_validate(survey.to_json())
    LimeSurveyExporter().export(survey)


def _real(name: str) -> tuple[Survey, list[NotCarried]]:
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"{name} missing")
    return import_(path.read_bytes())


def test_real_l10n_file_with_answers_in_two_languages() -> None:
    survey, report = _real("limesurvey_survey_188432_answerSetsForEmTest.lss")
    assert survey.languages == ["de", "en"]
    question = survey.questions()[0]
    assert (question.id, question.type, question.required) == ("G00Q03", "dropdown", False)
    assert [(o.code, o.label) for o in question.options] == [
        ("1", "Erster Eintrag"),
        ("2", "Zweiter Eintrag"),
        ("3", "Dritter Eintrag"),
        ("4", "Vierter Eintrag"),
    ]
    assert survey.blocks[0].title == "Erste Fragegruppe"
    assert [(n.element_id, n.feature) for n in report] == [("survey", "language:en")]


def test_real_pre_l10n_ranking_file() -> None:
    survey, report = _real("limesurvey_survey_rankingNative.lss")
    question = survey.questions()[0]
    assert (question.id, question.type) == ("Rank", "ranking")
    assert [o.code for o in question.options] == ["SQ01", "SQ02", "SQ03", "SQ04"]
    assert report == []


def test_real_multiple_choice_and_help_text() -> None:
    survey, _ = _real("limesurvey_survey_425647_subquestion_relevance_edit.lss")
    assert [(o.code, o.label) for o in survey.questions()[0].options] == [
        ("SQ001", "Subquestion 1"),
        ("SQ002", "Subquestion 2"),
    ]
    survey, _ = _real("limesurvey_survey_question_list.lss")
    question = survey.questions()[0]
    assert (question.type, question.instructions) == ("long_text", "This is a question help text.")


# --- hostile files ----------------------------------------------------------------------

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<document><LimeSurveyDocType>Survey</LimeSurveyDocType><x>&lol3;</x></document>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<document><LimeSurveyDocType>Survey</LimeSurveyDocType><x>&xxe;</x></document>"""


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<document><unclosed>", "malformed XML"),
        (b"not xml at all", "malformed XML"),
        (BOMB, "DTDs or entities"),
        (EXTERNAL, "DTDs or entities"),
        (
            b"<document><LimeSurveyDocType>Group</LimeSurveyDocType></document>",
            "not a LimeSurvey survey",
        ),
        (b"<html/>", "not a LimeSurvey survey"),
        (b"", "empty"),
    ],
)
def test_unreadable_files_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ImportFailed, match=reason):
        LimeSurveyImporter().import_(data)


def _lss(questions: str, extra: str = "") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<document><LimeSurveyDocType>Survey</LimeSurveyDocType><DBVersion>477</DBVersion>
<groups><rows><row><gid>1</gid><group_order>1</group_order></row></rows></groups>
<questions><rows>{questions}</rows></questions>{extra}
<surveys><rows><row><language>en</language></row></rows></surveys>
</document>""".encode()


def _q(qid: str, letter: str, title: str, relevance: str = "1", order: int = 1) -> str:
    return (
        f"<row><qid>{qid}</qid><parent_qid>0</parent_qid><gid>1</gid><type>{letter}</type>"
        f"<title>{title}</title><question_order>{order}</question_order>"
        f"<relevance><![CDATA[{relevance}]]></relevance></row>"
    )


def test_unknown_type_and_unreadable_relevance_are_reported() -> None:
    data = _lss(_q("1", "|", "Upload") + _q("2", "S", "Name", "strlen(Upload) > 0", 2))
    survey, report = import_(data)
    assert [(q.id, q.type) for q in survey.questions()] == [("Upload", "display"), ("Name", "text")]
    assert {(n.element_id, n.feature) for n in report} == {
        ("Upload", "type:|"),
        ("Name", "display_if"),
    }


def test_clashing_titles_and_codes_are_made_unique() -> None:
    answers = "".join(
        f"<row><aid>{n}</aid><qid>1</qid><code>A1</code><sortorder>{n}</sortorder></row>"
        for n in (1, 2)
    )
    data = _lss(
        _q("1", "L", "Q1") + _q("2", "S", "Q1", order=2) + _q("3", "N", "Q2", 'Q1 == "A1"', 3),
        f"<answers><rows>{answers}</rows></answers>",
    )
    survey, _ = import_(data)
    assert [q.id for q in survey.questions()] == ["Q1", "Q1_2", "Q2"]
    assert [o.code for o in survey.questions()[0].options] == ["A1", "A1_2"]
    assert survey.question_map()["Q2"].display_if == "Q1 == 'A1'"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_round_trip_property(data: st.DataObject) -> None:
    """import(export(ir)) == ir up to the report; conditions mean the same on random answers."""
    survey = data.draw(surveys())
    answers = [data.draw(well_shaped_answers(survey)) for _ in range(6)]
    result = LimeSurveyExporter().export(survey)
    back = LimeSurveyImporter().import_(result.content)
    expected = expected_after_round_trip(survey, result.not_carried)
    assert_round_trip(expected, comparable(back.survey.to_json()), survey, answers)
