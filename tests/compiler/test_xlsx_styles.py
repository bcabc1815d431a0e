"""Spreadsheet questionnaires in a layout the samples do not use: variable names as ids,
answer codes packed in one cell, routing in its own column."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_path
from fielder.ir.validate import validate
from tests.compiler.conftest import by_id


def test_variable_names_packed_codes_and_routing_column(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Survey"
    sheet.append(["Variable", "Question", "Answer codes", "Routing"])
    sheet.append(["AGE", "How old are you?", "", "Numeric 16-99"])
    sheet.append(["SEX", "What is your sex?", "1=Male; 2=Female; 3=Other", ""])
    sheet.append(["OWN", "Do you own a bike?", "1=Yes; 2=No", "If 2 go to END"])
    sheet.append(["BIKE", "What kind of bike do you own?", "1=Road; 2=Mountain", ""])
    book.save(str(tmp_path / "bikes.xlsx"))
    survey = compile_document(read_path(tmp_path / "bikes.xlsx")).survey
    questions = by_id(survey)
    assert list(questions) == ["AGE", "SEX", "OWN", "BIKE"]
    assert questions["AGE"].type == "number"
    assert [(o.code, o.label) for o in questions["SEX"].options] == [
        ("1", "Male"),
        ("2", "Female"),
        ("3", "Other"),
    ]
    assert [(r.if_, r.to) for r in questions["OWN"].skip_to] == [("OWN == '2'", "end")]
    assert [p for p in validate(survey) if p.severity == "error"] == []
