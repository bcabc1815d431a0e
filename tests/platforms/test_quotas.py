"""Quotas (and the over-quota end text) across platforms: LSS and QSF both ways, Decipher
markers, the others reporting; round trips import(export(ir)).quotas == ir.quotas."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest
from defusedxml.ElementTree import fromstring
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fielder.ir.evaluate import Evaluator
from fielder.ir.models import Survey
from fielder.platforms.base import ImportFailed
from fielder.platforms.limesurvey import LimeSurveyExporter, LimeSurveyImporter
from fielder.platforms.limesurvey.export import DEFAULT_QUOTA_MESSAGE
from fielder.platforms.limesurvey.import_ import read_tables
from fielder.platforms.logic import Untranslatable
from fielder.platforms.qualtrics import QualtricsExporter, QualtricsImporter
from fielder.platforms.quotas import condition_of, members_of
from fielder.platforms.registry import get_exporter
from tests.platforms.test_qualtrics import well_shaped_answers

FIXTURES = Path(__file__).parent.parent / "fixtures" / "platforms"
LSS_QUOTAS = FIXTURES / "limesurvey" / "limesurvey_survey_376789_quotas_excerpt.lss"
QSF_QUOTA_ELEMENTS = FIXTURES / "qualtrics" / "quota_elements.json"

QUESTIONS: list[dict[str, Any]] = [
    {
        "id": "S1",
        "type": "single",
        "text": "Gender?",
        "options": [{"code": c, "label": f"Option {c}"} for c in ("1", "2", "3")],
    },
    {
        "id": "D1",
        "type": "dropdown",
        "text": "Region?",
        "options": [{"code": c, "label": f"Region {c}"} for c in ("1", "2", "3", "4")],
    },
    {
        "id": "M1",
        "type": "multi",
        "text": "Brands?",
        "options": [{"code": c, "label": f"Brand {c}"} for c in ("1", "2", "3")],
    },
    {"id": "N1", "type": "number", "text": "Age?"},
]


def survey_with(
    quotas: list[dict[str, Any]], endings: list[dict[str, str]] | None = None
) -> Survey:
    return Survey.model_validate(
        {
            "title": "Quotas",
            "blocks": [
                {"id": "B1", "items": QUESTIONS[:2]},
                {"id": "B2", "items": QUESTIONS[2:]},
            ],
            "quotas": quotas,
            "endings": endings or [],
        }
    )


def quota(n: int, condition: str, limit: int = 100, **extra: Any) -> dict[str, Any]:
    return {"id": f"QT{n}", "name": f"Cell {n}", "condition": condition, "limit": limit, **extra}


# --- member lists ------------------------------------------------------------------------

MEMBER_CASES = [
    ("S1 == '2'", "S1 == '2'"),
    ("S1 == 2", "S1 == '2'"),
    ("S1 in ['1', '3']", "S1 in ['1', '3']"),
    ("S1 in ['1', '1']", "S1 == '1'"),
    ("M1 contains '2'", "M1 contains '2'"),
    ("M1 == '2'", "M1 contains '2'"),
    ("M1 contains any ['1', '3']", "M1 contains any ['1', '3']"),
    ("S1 == '1' and D1 in ['2', '4']", "S1 == '1' and D1 in ['2', '4']"),
    ("(S1 == '1') and (M1 contains '3')", "S1 == '1' and M1 contains '3'"),
]


@pytest.mark.parametrize(("condition", "canonical"), MEMBER_CASES)
def test_member_lists_and_back(condition: str, canonical: str) -> None:
    questions = survey_with([]).question_map()
    assert condition_of(members_of(condition, questions), questions) == canonical


@pytest.mark.parametrize(
    "condition",
    [
        "S1 != '2'",
        "S1 == '1' or D1 == '2'",
        "S1 == '1' and S1 == '2'",
        "not S1 == '1'",
        "S1 not in ['1']",
        "S1 == '9'",
        "N1 >= 18",
        "M1 contains all ['1', '2']",
        "M1 in ['1']",
        "answered(S1)",
        "S1 in []",
        "S1 ==",
    ],
)
def test_conditions_that_are_not_member_lists(condition: str) -> None:
    with pytest.raises(Untranslatable):
        members_of(condition, survey_with([]).question_map())


# --- LimeSurvey ----------------------------------------------------------------------------


def lss_tables(survey: Survey) -> tuple[dict[str, list[dict[str, str]]], list[Any]]:
    result = LimeSurveyExporter().export(survey)
    return read_tables(fromstring(result.content)), result.not_carried


def test_lss_quota_rows() -> None:
    survey = survey_with(
        [quota(1, "S1 == '2' and M1 contains any ['1', '3']", 150)],
        [{"id": "over_quota", "text": "We have enough people like you."}],
    )
    tables, report = lss_tables(survey)
    assert report == []
    [row] = tables["quota"]
    assert (row["name"], row["qlimit"], row["action"], row["active"]) == ("Cell 1", "150", "1", "1")
    qids = {r["title"]: r["qid"] for r in tables["questions"]}
    members = {(r["qid"], r["code"], r["quota_id"]) for r in tables["quota_members"]}
    assert members == {(qids["S1"], "2", "1"), (qids["M1"], "1", "1"), (qids["M1"], "3", "1")}
    [settings_row] = tables["quota_languagesettings"]
    assert settings_row["quotals_message"] == "We have enough people like you."
    assert settings_row["quotals_quota_id"] == "1"
    assert settings_row["quotals_language"] == "en"


def test_lss_quota_without_over_quota_ending_has_limesurveys_message() -> None:
    tables, _ = lss_tables(survey_with([quota(1, "S1 == '1'")]))
    assert tables["quota_languagesettings"][0]["quotals_message"] == DEFAULT_QUOTA_MESSAGE
    back = LimeSurveyImporter().import_(LimeSurveyExporter().export(survey_with([])).content)
    assert back.survey.endings == []


def test_lss_reports_what_it_cannot_hold() -> None:
    survey = survey_with(
        [
            quota(1, "N1 >= 18"),
            quota(2, "S1 == '1'", action="screened_out"),
            quota(5, "D1 == '3'"),
        ],
        [{"id": "over_quota", "text": "Full."}, {"id": "screened_out", "text": "Bye."}],
    )
    tables, report = lss_tables(survey)
    found = {(n.element_id, n.feature) for n in report}
    assert found == {
        ("QT1", "quota"),
        ("QT2", "id"),
        ("QT2", "action"),
        ("QT5", "id"),
        ("screened_out", "ending"),
    }
    assert [r["name"] for r in tables["quota"]] == ["Cell 2", "Cell 5"]


def test_lss_over_quota_ending_without_written_quota_is_reported() -> None:
    survey = survey_with([quota(1, "N1 >= 18")], [{"id": "over_quota", "text": "Full."}])
    _, report = lss_tables(survey)
    assert {(n.element_id, n.feature) for n in report} == {
        ("QT1", "quota"),
        ("over_quota", "ending"),
    }


def test_lss_quota_tables_have_the_fields_of_a_real_export() -> None:
    real = fromstring(LSS_QUOTAS.read_bytes())
    ours = fromstring(LimeSurveyExporter().export(survey_with([quota(1, "S1 == '1'")])).content)
    for name in ("quota", "quota_members", "quota_languagesettings"):
        real_fields = [f.text for f in real.find(name).find("fields")]  # type: ignore[union-attr]
        our_fields = [f.text for f in ours.find(name).find("fields")]  # type: ignore[union-attr]
        assert our_fields == real_fields, name
    names = [child.tag for child in ours]
    assert names.index("question_l10ns") < names.index("quota") < names.index("surveys")


def test_real_lss_quotas_import() -> None:
    result = LimeSurveyImporter().import_(LSS_QUOTAS.read_bytes())
    survey = result.survey
    assert [(q.id, q.name, q.condition, q.limit) for q in survey.quotas] == [
        ("QT1", "Gender selection", "G01Q02 == 'F'", 2),
        ("QT2", "Europe-quota", "G02Q03 == 'AO04'", 5),
        ("QT3", "Afrika-quota", "G02Q03 == 'AO01'", 0),
    ]
    assert survey.endings == []  # LimeSurvey's own default message is not an ending
    assert result.not_carried == []
    Survey.model_validate(survey.to_json())


def _lss_with_quota(quota_row: str, members: str, settings_rows: str) -> bytes:
    """The real quota file with its quota tables replaced."""
    text = LSS_QUOTAS.read_text(encoding="utf-8")
    head, _, rest = text.partition(" <quota>")
    _, _, tail = rest.partition(" </quota_languagesettings>\n")

    def table(name: str, rows: str) -> str:
        return f" <{name}><rows>{rows}</rows></{name}>\n"

    quota_tables = (
        table("quota", quota_row)
        + table("quota_members", members)
        + table("quota_languagesettings", settings_rows)
    )
    return (head + quota_tables + tail).encode("utf-8")


def _member(n: int, qid: int, code: str, quota_id: int = 1) -> str:
    return (
        f"<row><id>{n}</id><qid>{qid}</qid><quota_id>{quota_id}</quota_id><code>{code}</code></row>"
    )


def _setting(quota_id: int, message: str) -> str:
    return (
        f"<row><quotals_quota_id>{quota_id}</quotals_quota_id>"
        f"<quotals_language>en</quotals_language><quotals_message>{message}</quotals_message></row>"
    )


def test_lss_quota_settings_fielder_lacks_are_reported() -> None:
    data = _lss_with_quota(
        "<row><id>1</id><name>A</name><qlimit>7</qlimit><action>2</action><active>0</active>"
        "<autoload_url>1</autoload_url></row>"
        "<row><id>2</id><name>B</name><qlimit>x</qlimit><action>1</action></row>"
        "<row><id>3</id><name>C</name><qlimit>1</qlimit></row>"
        "<row><id>4</id><name>D</name><qlimit>²</qlimit></row>",
        _member(1, 18, "AO01")
        + _member(2, 18, "AO02")
        + _member(3, 17, "M")
        # a member on a long text, one with an unknown code, one on no question
        + _member(4, 16, "X", 2)
        + _member(5, 19, "ZZZ", 2)
        + _member(6, 99, "A", 2)
        + _member(7, 19, "AO05", 3)
        + _member(8, 19, "AO05", 4),
        _setting(1, "First full.") + _setting(2, "Other text.") + _setting(3, "Third text."),
    )
    result = LimeSurveyImporter().import_(data)
    assert [(q.id, q.condition, q.limit) for q in result.survey.quotas] == [
        ("QT1", "G02Q03 in ['AO01', 'AO02'] and G01Q02 == 'M'", 7),
        ("QT3", "G03Q04 == 'AO05'", 1),
    ]
    assert [(e.id, e.text) for e in result.survey.endings] == [("over_quota", "First full.")]
    found = {(n.element_id, n.feature) for n in result.not_carried}
    assert found == {
        ("QT1", "action"),
        ("QT1", "active"),
        ("QT1", "autoload_url"),
        ("QT2", "member"),
        ("QT2", "quota"),
        ("QT3", "message"),
        ("QT4", "quota"),
    }


@st.composite
def member_quotas(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Quotas LimeSurvey and Qualtrics can both hold: chosen codes, ANDed across questions."""
    quotas: list[dict[str, Any]] = []
    for n in range(1, draw(st.integers(0, 4)) + 1):
        parts = []
        for index in sorted(draw(st.sets(st.integers(0, 2), min_size=1))):
            question = QUESTIONS[index]
            codes = [o["code"] for o in question["options"]]
            chosen = draw(st.lists(st.sampled_from(codes), min_size=1, max_size=3, unique=True))
            listed = "[" + ", ".join(f"'{c}'" for c in chosen) + "]"
            if question["type"] == "multi":
                test = f"contains '{chosen[0]}'" if len(chosen) == 1 else f"contains any {listed}"
            else:
                test = f"== '{chosen[0]}'" if len(chosen) == 1 else f"in {listed}"
            parts.append(f"{question['id']} {test}")
        quotas.append(quota(n, " and ".join(parts), draw(st.integers(0, 10_000))))
    return quotas


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quotas=member_quotas(), text=st.sampled_from(["", "We have enough answers from you."]))
def test_lss_quota_round_trip(quotas: list[dict[str, Any]], text: str) -> None:
    """import(export(ir)).quotas == ir.quotas (canonical conditions); the message comes back."""
    endings = [{"id": "over_quota", "text": text}] if text and quotas else []
    survey = survey_with(quotas, endings)
    result = LimeSurveyExporter().export(survey)
    assert result.not_carried == []
    back = LimeSurveyImporter().import_(result.content)
    questions = survey.question_map()
    want = [
        q.model_copy(
            update={"condition": condition_of(members_of(q.condition, questions), questions)}
        )
        for q in survey.quotas
    ]
    assert back.survey.quotas == want
    assert back.survey.endings == (survey.endings if quotas else [])
    assert back.not_carried == []


# --- Qualtrics ----------------------------------------------------------------------------


def qsf_elements(survey: Survey) -> tuple[list[dict[str, Any]], list[Any]]:
    result = QualtricsExporter().export(survey)
    return json.loads(result.content)["SurveyElements"], result.not_carried


def test_qsf_quota_elements_have_the_shape_of_real_ones() -> None:
    real = json.loads(QSF_QUOTA_ELEMENTS.read_text(encoding="utf-8"))
    real_qo = next(
        e
        for e in real
        if e["Element"] == "QO" and e["Payload"]["QuotaAction"] == "EndCurrentSurvey"
    )
    real_qg = next(e for e in real if e["Element"] == "QG")
    elements, report = qsf_elements(survey_with([quota(1, "S1 == '2'"), quota(2, "N1 >= 18")]))
    assert report == []
    ours_qo = [e for e in elements if e["Element"] == "QO"]
    [ours_qg] = [e for e in elements if e["Element"] == "QG"]
    assert len(ours_qo) == 2
    for element in ours_qo:
        assert set(element) == set(real_qo)
        assert set(element["Payload"]) == set(real_qo["Payload"])
        payload = element["Payload"]
        assert payload["ID"] == element["PrimaryAttribute"]
        assert payload["ActionInfo"] == real_qo["Payload"]["ActionInfo"]
        assert payload["EndSurveyOptions"] == real_qo["Payload"]["EndSurveyOptions"]
        for key in ("LogicType", "QuotaAction", "OverQuotaAction", "QuotaRealm", "QuotaSchedule"):
            assert payload[key] == real_qo["Payload"][key], key
        assert "inPage" not in payload["Logic"]
        assert set(payload["Logic"]) == set(real_qo["Payload"]["Logic"])
    assert set(ours_qg) == set(real_qg)
    assert set(ours_qg["Payload"]) == set(real_qg["Payload"])
    assert ours_qg["Payload"]["Quotas"] == [e["PrimaryAttribute"] for e in ours_qo]
    assert ours_qg["Payload"]["MultipleMatch"] == "PlaceInAll"
    first = ours_qo[0]["Payload"]
    assert (first["Name"], first["Occurrences"]) == ("Cell 1", 100)
    assert first["Logic"]["0"]["0"]["LeftOperand"] == "q://QID1/SelectableChoice/2"


def test_qsf_reports_what_it_cannot_hold() -> None:
    survey = survey_with(
        [quota(1, "count(M1) >= 2"), quota(2, "S1 == '1'", action="screened_out")],
        [{"id": "over_quota", "text": "Full."}],
    )
    elements, report = qsf_elements(survey)
    assert {(n.element_id, n.feature) for n in report} == {
        ("QT1", "quota"),
        ("QT2", "id"),
        ("QT2", "action"),
        ("over_quota", "ending"),
    }
    assert [e["SecondaryAttribute"] for e in elements if e["Element"] == "QO"] == ["Cell 2"]


def test_qsf_without_quotas_has_no_quota_elements() -> None:
    elements, _ = qsf_elements(survey_with([]))
    assert not {e["Element"] for e in elements} & {"QO", "QG"}


def _real_qsf_with(elements: list[dict[str, Any]]) -> bytes:
    document = json.loads((FIXTURES / "qualtrics" / "sample.qsf").read_text(encoding="utf-8"))
    document["SurveyElements"].extend(elements)
    return json.dumps(document).encode("utf-8")


def test_real_quota_elements_import_with_reports() -> None:
    """Real QO elements: a 'displayed' and a 'quota met' condition fielder cannot hold."""
    real = json.loads(QSF_QUOTA_ELEMENTS.read_text(encoding="utf-8"))
    result = QualtricsImporter().import_(_real_qsf_with(real))
    assert result.survey.quotas == []
    found = {(n.element_id, n.feature) for n in result.not_carried}
    assert {("QT1", "quota")} <= found
    assert not any(n.feature.startswith("element:Q") for n in result.not_carried)


def test_real_quota_element_on_a_chosen_option_imports() -> None:
    real = json.loads(QSF_QUOTA_ELEMENTS.read_text(encoding="utf-8"))
    sample = json.loads((FIXTURES / "qualtrics" / "sample.qsf").read_text(encoding="utf-8"))
    reader = QualtricsImporter()
    reader.import_(json.dumps(sample).encode())
    shown = {qid for qid, q in reader.by_qid.items() if q.type == "single"}  # not in the trash
    mc = next(
        e["Payload"]
        for e in sample["SurveyElements"]
        if e["Element"] == "SQ" and e["Payload"].get("QuestionID") in shown
    )
    choice = next(iter(mc["Choices"]))
    element = json.loads(json.dumps(real[0]))
    locator = f"q://{mc['QuestionID']}/SelectableChoice/{choice}"
    element["Payload"]["Logic"]["0"]["0"] |= {
        "QuestionID": mc["QuestionID"],
        "ChoiceLocator": locator,
        "LeftOperand": locator,
        "Operator": "Selected",
    }
    result = QualtricsImporter().import_(_real_qsf_with([element, real[2]]))
    [read] = result.survey.quotas
    assert (read.id, read.name, read.limit, read.action) == (
        "QT1",
        "In-progress respondents",
        10,
        "over_quota",
    )
    question = reader.by_qid[mc["QuestionID"]]
    assert read.condition == f"{question.id} == '{question.options[0].code}'"
    assert not any(n.element_id == "QT1" for n in result.not_carried)


@pytest.mark.parametrize(
    ("payload", "feature"),
    [
        ({"Occurrences": "1e999"}, "quota"),
        ({"Occurrences": -3}, "quota"),
        ({"Occurrences": "²"}, "quota"),
        ({"Logic": [1, 2]}, "quota"),
        ({"Logic": "nonsense"}, "quota"),
        ({"LogicType": "Cross"}, "quota"),
        ({"QuotaAction": "ForBranching"}, "action"),
        ({"EndSurveyOptions": {"EndingType": "Custom"}}, "message"),
        ({"QuotaSchedule": {"Start": "x"}}, "schedule"),
    ],
)
def test_odd_quota_payloads_are_reported_not_fatal(payload: dict[str, Any], feature: str) -> None:
    elements, _ = qsf_elements(survey_with([quota(1, "S1 == '2'")]))
    for element in elements:
        if element["Element"] == "QO":
            element["Payload"] |= payload
    document = {"SurveyEntry": {"SurveyName": "x"}, "SurveyElements": elements}
    result = QualtricsImporter().import_(json.dumps(document).encode())
    assert ("QT1", feature) in {(n.element_id, n.feature) for n in result.not_carried}


def test_quota_payload_that_is_not_an_object_is_ignored() -> None:
    document = {"SurveyElements": [{"Element": "QO", "Payload": [1]}, {"Element": "QG"}]}
    try:
        result = QualtricsImporter().import_(json.dumps(document).encode())
    except ImportFailed:  # a file without blocks may be refused as a whole; never a crash
        return
    assert result.survey.quotas == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_qsf_quota_round_trip(data: st.DataObject) -> None:
    """Same quotas back (ids, names, limits, actions); conditions that count the same people."""
    survey = survey_with(data.draw(member_quotas()))
    result = QualtricsExporter().export(survey)
    assert result.not_carried == []
    back = QualtricsImporter().import_(result.content).survey
    assert [(q.id, q.name, q.limit, q.action) for q in back.quotas] == [
        (q.id, q.name, q.limit, q.action) for q in survey.quotas
    ]
    original, imported = Evaluator(survey), Evaluator(back)
    for _ in range(8):
        answers = data.draw(well_shaped_answers(survey))
        assert [q.id for q in imported.quotas_met(answers)] == [
            q.id for q in original.quotas_met(answers)
        ]


# --- Decipher, SurveyJS, XLSForm ----------------------------------------------------------


def test_decipher_quota_markers() -> None:
    survey = survey_with(
        [quota(1, "S1 == '2'"), quota(2, "M1 contains '1' and S1 == '1'", action="screened_out")]
    )
    result = get_exporter("decipher").export(survey)
    root = fromstring(result.content)
    children = [(c.tag, c.get("label")) for c in root]
    markers = [c for c in root if c.tag == "quota"]
    assert [(m.get("label"), m.get("sheet"), m.get("overquota")) for m in markers] == [
        ("quota_QT1", "QT1", "noqual"),
        ("quota_QT2", "QT2", "noqual"),
    ]
    # each marker follows (after a suspend) the block of the last question it reads
    assert children.index(("quota", "quota_QT1")) > children.index(("block", "B1"))
    assert children.index(("quota", "quota_QT1")) < children.index(("block", "B2"))
    assert children.index(("quota", "quota_QT2")) > children.index(("block", "B2"))
    assert children[children.index(("quota", "quota_QT1")) - 1][0] == "suspend"
    reasons = {(n.element_id, n.feature): n.reason for n in result.not_carried}
    assert set(reasons) == {("QT1", "quota_sheet"), ("QT2", "quota_sheet"), ("QT2", "action")}
    assert "'S1.r2'" in reasons[("QT1", "quota_sheet")]
    assert "limit 100" in reasons[("QT1", "quota_sheet")]
    define = reasons[("QT2", "quota_sheet")].split("define ")[1].split(", limit")[0]
    ast.parse(ast.literal_eval(define), mode="eval")


def test_decipher_marker_for_a_condition_it_cannot_translate() -> None:
    result = get_exporter("decipher").export(survey_with([quota(1, "S1 < '2'")]))
    assert b'<quota label="quota_QT1" sheet="QT1" overquota="noqual"/>' in result.content
    found = {(n.element_id, n.feature) for n in result.not_carried}
    assert found == {("QT1", "quota"), ("QT1", "quota_sheet")}


@pytest.mark.parametrize("platform", ["surveyjs", "xlsform"])
def test_platforms_without_quotas_report_them(platform: str) -> None:
    survey = survey_with([quota(1, "S1 == '2'")], [{"id": "over_quota", "text": "Full."}])
    result = get_exporter(platform).export(survey)
    found = {(n.element_id, n.feature) for n in result.not_carried}
    assert {("QT1", "quota"), ("over_quota", "ending")} <= found


@pytest.mark.parametrize("platform", ["limesurvey", "qualtrics", "decipher"])
def test_quota_exports_are_deterministic(platform: str) -> None:
    survey = survey_with(
        [quota(1, "S1 == '2'"), quota(2, "D1 in ['1', '2'] and M1 contains '3'")],
        [{"id": "over_quota", "text": "Full."}],
    )
    first = get_exporter(platform).export(survey)
    second = get_exporter(platform).export(survey.model_copy(deep=True))
    assert first.content == second.content
    assert first.not_carried == second.not_carried
