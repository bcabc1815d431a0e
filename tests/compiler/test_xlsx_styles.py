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


def test_two_note_columns_arrow_routing_letter_codes_and_answer_boxes(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ref", "Question", "Answer categories", "Routing", "Notes for scripting"])
    sheet.append(
        ["K1", "How many cars does your household own?", "Cars: ____  (0-9)", "", "Numeric"]
    )
    sheet.append(["K2", "Do you drive to work?", "1 - Yes\n2 - No\n3 - Sometimes", "2 -> K4", ""])
    sheet.append(
        ["K3", "Which fuel does your car use?", "P - Petrol\nD - Diesel\nE - Electric", "", ""]
    )
    sheet.append(["K4", "When did you pass your driving test?", "Date: __ / __ / ____", "", "Date"])
    sheet.append(
        [
            "K5",
            "Rate these.",
            "Items:\na) Parking\nb) Traffic\nScale:\n1 - Good\n2 - Bad",
            "",
            "Grid",
        ]
    )
    book.save(str(tmp_path / "cars.xlsx"))
    questions = by_id(compile_document(read_path(tmp_path / "cars.xlsx")).survey)
    assert questions["K1"].type == "number"
    assert questions["K1"].options == []
    assert questions["K1"].validation is not None
    assert (questions["K1"].validation.min, questions["K1"].validation.max) == (0, 9)
    assert [(r.if_, r.to) for r in questions["K2"].skip_to] == [("K2 == '2'", "K4")]
    assert [(o.code, o.label) for o in questions["K3"].options] == [
        ("P", "Petrol"),
        ("D", "Diesel"),
        ("E", "Electric"),
    ]
    assert questions["K4"].type == "date"
    assert [r.label for r in questions["K5"].rows] == ["Parking", "Traffic"]
