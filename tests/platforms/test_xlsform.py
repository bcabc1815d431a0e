"""XLSForm: IR → survey-sheet rows, pyxform / ODK Validate acceptance, import, hostile files."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from pyxform.xls2xform import convert

from fielder.ir.models import Survey
from fielder.platforms import base
from fielder.platforms.registry import get_exporter, get_importer


def _rows(content: bytes, sheet: str = "survey") -> list[dict[str, Any]]:
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    rows = list(book[sheet].iter_rows(values_only=True))
    header = rows[0]
    return [{h: v for h, v in zip(header, row, strict=True) if v is not None} for row in rows[1:]]


def _one(question: dict[str, Any]) -> Survey:
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
    return Survey.model_validate({"blocks": [{"id": "B1", "items": [s1, q3, question]}]})


def _row(question: dict[str, Any]) -> list[dict[str, Any]]:
    rows = _rows(get_exporter("xlsform").export(_one(question)).content)
    return rows[3:-1]  # after begin_group, S1, Q3; before end_group


ROW_CASES = [
    (
        {
            "id": "A",
            "type": "number",
            "text": "n",
            "validation": {"min": 1, "max": 9, "integer": True},
        },
        [
            {
                "type": "integer",
                "name": "A",
                "label": "n",
                "required": "yes",
                "constraint": ". >= 1 and . <= 9",
            }
        ],
    ),
    (
        {"id": "A", "type": "long_text", "required": False, "instructions": "about {{S1}}"},
        [{"type": "text", "name": "A", "hint": "about ${S1}", "appearance": "multiline"}],
    ),
    (
        {
            "id": "A",
            "type": "text",
            "required": False,
            "display_if": "S1 in [1, 2] and Q3 contains any [1, 2]",
        },
        [
            {
                "type": "text",
                "name": "A",
                "relevant": "(${S1} = '1' or ${S1} = '2')"
                " and (selected(${Q3}, '1') or selected(${Q3}, '2'))",
            }
        ],
    ),
    (
        {
            "id": "A",
            "type": "text",
            "required": False,
            "display_if": "not answered(Q3) or count(Q3) >= 2",
        },
        [
            {
                "type": "text",
                "name": "A",
                "relevant": "(not(${Q3} != '')) or (count-selected(${Q3}) >= 2)",
            }
        ],
    ),
    (
        {
            "id": "A",
            "type": "dropdown",
            "options_from": {"question": "Q3", "selected": False},
            "randomize_options": True,
            "required": False,
        },
        [
            {
                "type": "select_one Q3",
                "name": "A",
                "choice_filter": "not(selected(${Q3}, name))",
                "appearance": "minimal",
                "parameters": "randomize=true",
            }
        ],
    ),
    (
        {
            "id": "A",
            "type": "multi",
            "required": False,
            "options": [
                {"code": "1", "label": "x"},
                {"code": "97", "label": "Other", "specify": True},
                {"code": "99", "label": "None", "exclusive": True},
            ],
        },
        [
            {
                "type": "select_multiple A",
                "name": "A",
                "constraint": "not(selected(., '99') and count-selected(.) > 1)",
            },
            {
                "type": "text",
                "name": "A_97_specify",
                "label": "Other: please specify",
                "required": "yes",
                "relevant": "selected(${A}, '97')",
            },
        ],
    ),
    (
        {"id": "A", "type": "email", "required": False},
        [{"type": "text", "name": "A", "constraint": "regex(., '^[^@\\s]+@[^@\\s]+$')"}],
    ),
    (
        {"id": "A", "type": "hidden", "display_if": "S1 == '1'"},
        [{"type": "hidden", "name": "A", "relevant": "${S1} = '1'"}],
    ),
]


@pytest.mark.parametrize(("question", "expected"), ROW_CASES)
def test_survey_rows(question: dict[str, Any], expected: list[dict[str, Any]]) -> None:
    assert _row(question) == expected


def test_pages_become_field_list_groups(full_survey: Survey) -> None:
    rows = _rows(get_exporter("xlsform").export(full_survey).content)
    groups = [(r["type"], r["name"], r.get("appearance")) for r in rows if "group" in r["type"]]
    assert groups[:6] == [
        ("begin_group", "B1", None),
        ("begin_group", "B1_p1", "field-list"),
        ("end_group", "B1_p1", None),
        ("begin_group", "B1_p2", "field-list"),
        ("end_group", "B1_p2", None),
        ("end_group", "B1", None),
    ]
    assert ("begin_group", "B2", "field-list") in groups
    assert ("begin_group", "Q7", "field-list") in groups


def test_export_is_deterministic(full_survey: Survey) -> None:
    first = get_exporter("xlsform").export(full_survey)
    assert first.content == get_exporter("xlsform").export(full_survey).content
    assert first.file_name == "coffee-habits-2026.xlsx"


def test_not_carried_report(full_survey: Survey) -> None:
    report = get_exporter("xlsform").export(full_survey).not_carried
    assert {(n.element_id, n.feature) for n in report} == {
        ("Q3.97", "fixed"),
        ("Q3.99", "fixed"),
        ("Q6", "scale"),
        ("QT1", "quota"),
        ("S1", "terminate_if"),
        ("screened_out", "ending"),
    }


def test_pyxform_accepts_export(full_survey: Survey) -> None:
    result = convert(get_exporter("xlsform").export(full_survey).content, file_type=".xlsx")
    assert result.warnings == []
    assert "<h:title>Coffee habits 2026</h:title>" in result.xform


@pytest.mark.slow
def test_odk_validate_accepts_export(full_survey: Survey) -> None:
    if shutil.which("java") is None:
        pytest.skip("ODK Validate needs Java")
    result = convert(
        get_exporter("xlsform").export(full_survey).content, file_type=".xlsx", validate=True
    )
    assert result.warnings == []


def _workbook(
    survey_rows: list[list[Any]],
    choices: list[list[Any]] | None = None,
    settings: list[list[Any]] | None = None,
) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    for name, rows in (("survey", survey_rows), ("choices", choices), ("settings", settings)):
        if rows is None:
            continue
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
    book.close()
    return buffer.getvalue()


def test_import_real_world_shapes() -> None:
    data = _workbook(
        [
            ["type", "name", "label::English (en)", "required", "relevant", "constraint"],
            ["start", "start", None, None, None, None],
            ["Select One yn", "likes", "Do you like it?", "TRUE", None, None],
            [
                "select_multiple fruit or_other",
                "fruits",
                "Which fruits?",
                "yes",
                "${likes} = 'yes'",
                "count-selected(.) <= 2",
            ],
            ["geopoint", "where", "Where?", None, None, None],
            [
                "integer",
                "age",
                "Age",
                "yes",
                "selected(${fruits}, 'apple') and ${likes} != ''",
                ". > 0 and . < 120",
            ],
            ["calculate", "double", None, None, None, None],
        ],
        [
            ["list_name", "name", "label::English (en)"],
            ["yn", "yes", "Yes"],
            ["yn", "no", "No"],
            ["fruit", "apple", "Apple"],
            ["fruit", "apple", "Apple again"],
        ],
        [["form_title", "form_id"], ["Fruit", "fruit"]],
    )
    result = get_importer("xlsform").import_(data)
    survey = result.survey
    assert survey.title == "Fruit"
    q = survey.question_map()
    assert q["likes"].type == "single"
    assert [o.code for o in q["fruits"].options] == ["apple", "apple_2", "other"]
    assert q["fruits"].options[-1].specify
    assert q["fruits"].display_if == "likes == 'yes'"
    assert q["fruits"].validation is not None
    assert q["fruits"].validation.max_choices == 2
    assert q["age"].display_if == "fruits contains 'apple' and answered(likes)"
    assert q["age"].validation is not None
    assert q["age"].validation.integer
    lost = {(n.element_id, n.feature) for n in result.not_carried}
    assert {("start", "type:start"), ("where", "type:geopoint"), ("age", "constraint")} <= lost
    assert ("double", "variable") in lost  # an empty calculation cannot be read


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a zip", "not a zip"),
        (b"PK\x03\x04garbage", "not a zip|not a readable"),
    ],
)
def test_bad_files_fail_cleanly(data: bytes, reason: str) -> None:
    with pytest.raises(base.ImportFailed, match=reason):
        get_importer("xlsform").import_(data)


def test_missing_survey_sheet() -> None:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.add_worksheet("other").write(0, 0, "x")
    book.close()
    with pytest.raises(base.ImportFailed, match="no 'survey' sheet"):
        get_importer("xlsform").import_(buffer.getvalue())


def test_zip_bomb_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    with pytest.raises(base.ImportFailed, match="50 MB|suspiciously"):
        get_importer("xlsform").import_(buffer.getvalue())


REAL_FILES = sorted(
    (Path(__file__).parent.parent / "fixtures" / "platforms" / "xlsform").glob("*.csv")
)


def _csv_workbook(path: Path) -> bytes:
    """pyxform's CSV layout (a row whose first cell names a sheet) as an .xlsx workbook."""
    sheets: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
        if row and row[0].strip():
            current = sheets.setdefault(row[0].strip().lower(), [])
        elif row:
            current.append([cell.strip() for cell in row[1:]])
    return _workbook(sheets.get("survey", []), sheets.get("choices"), sheets.get("settings"))


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_real_files_import(path: Path) -> None:
    """Real XLSForms import; unknown types and constraints are reported, not fatal."""
    result = get_importer("xlsform").import_(_csv_workbook(path))
    assert result.survey.questions()
    lost = {(n.element_id, n.feature) for n in result.not_carried}
    questions = result.survey.question_map()
    if path.name == "widgets.csv":
        assert questions["my_string"].type == "text"
        assert questions["my_int"].type == "number"
        assert [o.code for o in questions["my_select"].options] == ["a", "b", "c", "d"]
        assert questions["spinner"].type == "dropdown"
        assert {("my_geopoint", "type:geopoint"), ("my_select", "constraint")} <= lost
        assert ("my_output", "display_if") in lost  # an absolute XPath path
    if path.name == "case_insensitivity.csv":
        assert result.survey.title == "Yes or no"
        assert [o.label for o in questions["q1"].options] == ["l1-c", "l2-c"]
        assert ("q2", "type:select_one_external") in lost


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_real_files_export_back_for_pyxform(path: Path) -> None:
    """What we read from a real form, we write back as a form pyxform accepts."""
    survey = get_importer("xlsform").import_(_csv_workbook(path)).survey
    result = convert(get_exporter("xlsform").export(survey).content, file_type=".xlsx")
    assert result.warnings == []


def test_clashing_and_invalid_names_are_renamed_and_reported() -> None:
    data = _workbook(
        [
            ["type", "name", "label", "relevant"],
            ["text", "a", "First", None],
            ["text", "a", "Second", None],
            ["integer", "1st", "Third", "${a} != ''"],
            ["bogus_type", "b", "Fourth", None],
        ]
    )
    result = get_importer("xlsform").import_(data)
    assert [q.id for q in result.survey.questions()] == ["a", "a_2", "Q1st"]
    assert result.survey.question_map()["Q1st"].display_if == "answered(a)"
    lost = {(n.element_id, n.feature) for n in result.not_carried}
    assert {("a_2", "name"), ("Q1st", "name"), ("b", "type:bogus_type")} <= lost
