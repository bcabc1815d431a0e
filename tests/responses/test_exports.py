"""The export writers: what a researcher opening the file in Excel or SPSS sees."""

from __future__ import annotations

import csv
import io
import json
import math
import zipfile
from pathlib import Path

import openpyxl
import pyreadstat
import pytest
import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from fielder.responses.exports import xlsx as xlsx_module
from fielder.responses.exports.csv import iter_csv, safe_cell
from fielder.responses.exports.json import iter_json
from fielder.responses.exports.sav import sav_columns, write_sav
from fielder.responses.exports.xlsx import write_xlsx
from tests.responses.ir_samples import every_type, rows


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_header_is_the_contract() -> None:
    table = _csv_rows(b"".join(iter_csv(every_type(), [])))
    assert table == [
        [
            "id",
            "respondent_email",
            "respondent_token",
            "status",
            "outcome",
            "started_at",
            "completed_at",
            "created_at",
            "answer:S1",
            "answer:Q2",
            "answer:Q3",
            "answer:Q4",
            "answer:Q5",
            "answer:Q6",
            "answer:Q7",
            "answer:Q8",
            "answer:Q9",
        ]
    ]


def test_csv_cells_lists_objects_and_formulas() -> None:
    header, first, second = _csv_rows(b"".join(iter_csv(every_type(), rows(2))))
    cell = dict(zip(header, first, strict=True))
    assert cell["answer:S1"] == "2"
    assert cell["answer:Q2"] == '1;{"code":"97","text":"Brand Ü"}'
    assert json.loads(cell["answer:Q3"]) == {"r1": "5", "r2": "1"}
    assert cell["answer:Q4"] == "3"
    assert cell["answer:Q5"] == '\'=HYPERLINK("x")'
    assert cell["answer:Q6"] == "b;a"
    assert cell["started_at"] == "2026-05-10T10:05:00Z"
    assert cell["respondent_token"] == ""
    assert dict(zip(header, second, strict=True))["answer:Q2"] == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        (-3, "-3"),
        (2.5, "2.5"),
        (4.0, "4"),
        (None, ""),
    ],
)
def test_formula_injection_rule(value: str | int | float | None, expected: str) -> None:
    assert safe_cell(value) == expected


def test_csv_bom_only_once_and_streamed_in_chunks() -> None:
    chunks = list(iter_csv(every_type(), rows(1200), bom=True))
    assert len(chunks) > 2
    assert chunks[0].startswith(b"\xef\xbb\xbf")
    assert all(not chunk.startswith(b"\xef\xbb\xbf") for chunk in chunks[1:])
    assert len(_csv_rows(b"".join(chunks))) == 1201


def test_json_export_is_one_array_capped() -> None:
    data = b"".join(iter_json(range(25), lambda n: {"n": n}, limit=10))
    assert json.loads(data) == [{"n": n} for n in range(10)]
    assert json.loads(b"".join(iter_json([], lambda n: {"n": n}))) == []


def test_xlsx_opens_with_typed_cells(tmp_path: Path) -> None:
    path = tmp_path / "responses.xlsx"
    assert write_xlsx(every_type(), rows(3), path) == 3
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["responses", "questions"]
    table = [list(row) for row in book["responses"].iter_rows(values_only=True)]
    header, first = table[0], dict(zip(table[0], table[1], strict=True))
    assert header[:2] == ["id", "respondent_email"]
    assert first["answer:Q4"] == 3
    assert first["answer:Q5"] == '=HYPERLINK("x")'
    assert first["answer:Q6"] == "b;a"
    assert len(table) == 4
    questions = [list(row) for row in book["questions"].iter_rows(values_only=True)]
    assert questions[1] == ["answer:S1", "S1", "single", "How old are you?"]
    book.close()


def test_sav_labels_and_columns(tmp_path: Path) -> None:
    path = tmp_path / "responses.sav"
    # A one-shot iterator: the rows are read once (the database is not asked twice).
    assert write_sav(every_type(), iter(rows(7)), path, chunk_rows=3) == 7
    data, meta = pyreadstat.read_sav(str(path), output_format="dict")
    assert meta.number_rows == 7
    labels = dict(zip(meta.column_names, meta.column_labels, strict=True))
    assert labels["S1"] == "How old are you?"
    assert labels["Q2_97"] == "Which brands?: Other"
    assert labels["Q3_r2"] == "Rate each: Price"
    assert meta.variable_value_labels["S1"] == {1.0: "Under 18", 2.0: "18-34", 3.0: "35+"}
    assert meta.variable_value_labels["Q2_1"] == {0.0: "Not selected", 1.0: "Selected"}
    assert data["S1"] == [2.0, None] * 3 + [2.0]
    assert data["Q2_2"][0] == 0.0
    assert data["Q2_97_text"][0] == "Brand Ü"
    assert data["Q3_r1"][0] == 5.0
    assert (data["Q6_a"][0], data["Q6_b"][0]) == (2.0, 1.0)
    assert data["Q7_1"][0] == 60.0
    assert data["Q9"][:2] == ["de", ""]
    assert data["id"][6].endswith("000000000006")


def test_sav_empty_and_odd_names(tmp_path: Path) -> None:
    survey = every_type()
    path = tmp_path / "empty.sav"
    assert write_sav(survey, [], path) == 0
    _, meta = pyreadstat.read_sav(str(path), metadataonly=True, output_format="dict")
    assert meta.number_rows == 0
    assert len(meta.column_names) == len(sav_columns(survey))


def test_sav_multiple_grid_gets_a_column_per_row_and_option() -> None:
    survey = every_type()
    grid = survey.question_map()["Q3"]
    grid.multiple = True
    names = [column.name for column in sav_columns(survey)]
    assert {"Q3_r1_1", "Q3_r1_5", "Q3_r2_1", "Q3_r2_5"} <= set(names)


XLSX_TRICKY: list[str | int | float] = [
    "plain", " lead", "trail ", "a\nb", "x\n", "_x0041_ literal", "ctl\x01\x1f", "amp & <t> \"q\"",
    "\ufffe\uffff", "émoji 😀", "=1+2", "", "\t tab", 5, 2.5, 10**30, -0.0, 1e-300, "x" * 40_000,
    " ", "\u3000ideographic", "nbsp\u00a0", "_X004A_ upper", "_x12_ short", "a\rb", "a\x85",
    "plain", "_x0041_ literal", float("nan"), float("inf"),
]  # fmt: skip


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("xl/worksheets/sheet1.xml").decode()


def test_xlsx_fast_rows_are_what_xlsxwriter_writes(tmp_path: Path) -> None:
    # The response rows bypass XlsxWriter's per-cell API: they must be byte for byte the XML
    # its constant-memory mode writes for the same cells.
    paths = (tmp_path / "api.xlsx", tmp_path / "fast.xlsx")
    letters = [xl_col_to_name(col) for col in range(len(XLSX_TRICKY))]
    for path in paths:
        book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        sheet = book.add_worksheet("responses")
        for col in range(len(XLSX_TRICKY)):
            sheet.write_string(0, col, f"h{col}")
        if path == paths[1]:
            sheet._write_single_row(1)
        strings: dict[str, str] = {}  # the second row's cells come from the cache
        for row in (1, 2):
            if path == paths[1]:
                xlsx_module._fast_row(sheet, row, list(XLSX_TRICKY), letters, strings)
                continue
            for col, value in enumerate(XLSX_TRICKY):
                if isinstance(value, str) or not math.isfinite(value):
                    sheet.write_string(row, col, str(value)[: xlsx_module.MAX_CELL_CHARS])
                else:
                    sheet.write_number(row, col, value)
        book.close()
    assert _sheet_xml(paths[0]) == _sheet_xml(paths[1])
    cells = next(openpyxl.load_workbook(paths[1]).active.iter_rows(min_row=2, values_only=True))
    assert cells[4] == "x\n"
    assert cells[13] == 5
