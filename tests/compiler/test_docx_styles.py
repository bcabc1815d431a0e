"""Word questionnaires in other styles, built with python-docx: auto-numbered questions,
tick-box options, a scale laid out as a table, coloured routing, a table-layout questionnaire."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import RGBColor

from fielder.compiler import compile_document
from fielder.documents import read_path
from fielder.ir.validate import validate
from tests.compiler.conftest import by_id


def _auto_numbered(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Visitor Survey", 1)
    document.add_paragraph("Please answer every question. Tick one box unless told otherwise.")
    document.add_paragraph("How did you hear about the museum?", style="List Number")
    for option in ["Friends or family", "Social media", "Other (please specify)"]:
        document.add_paragraph("☐ " + option)
    paragraph = document.add_paragraph("Which galleries did you visit today? ", style="List Number")
    paragraph.add_run("(Tick all that apply)").italic = True
    for option in ["Ancient world", "Modern art", "None of these"]:
        document.add_paragraph("☐ " + option)
    document.add_paragraph("Overall, how satisfied were you with your visit?", style="List Number")
    table = document.add_table(rows=2, cols=5)
    for index, (code, label) in enumerate(
        zip("12345", ["Very dissatisfied", "", "", "", "Very satisfied"], strict=True)
    ):
        table.rows[0].cells[index].text = code
        table.rows[1].cells[index].text = label
    document.add_paragraph("Is this your first visit?", style="List Number")
    document.add_paragraph("Yes", style="List Bullet")
    paragraph = document.add_paragraph("No ", style="List Bullet")
    paragraph.add_run("GO TO Q6").font.color.rgb = RGBColor(0xFF, 0, 0)
    document.add_paragraph("How many times have you visited in the past year?", style="List Number")
    document.add_paragraph("Any other comments?", style="List Number")
    target = path / "visitor.docx"
    document.save(str(target))
    return target


def _table_layout(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Brand study – table layout")
    table = document.add_table(rows=1, cols=5)
    for cell, header in zip(
        table.rows[0].cells, ["No.", "Question", "Answers", "Code", "Routing"], strict=True
    ):
        cell.text = header
    rows = [
        ("Q1", "Have you heard of Acme?", "Yes\nNo", "1\n2", "If No, go to Q3"),
        (
            "Q2",
            "Which Acme products have you bought? (multiple answers possible)",
            "Rockets\nAnvils\nNone",
            "1\n2\n99",
            "",
        ),
        ("Q3", "How old are you?", "", "", "Numeric 18-99. Terminate if under 18"),
    ]
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    target = path / "table.docx"
    document.save(str(target))
    return target


def test_auto_numbered_word_questionnaire(tmp_path: Path) -> None:
    survey = compile_document(read_path(_auto_numbered(tmp_path))).survey
    questions = by_id(survey)
    assert list(questions) == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]
    assert questions["Q1"].type == "single"
    assert [o.code for o in questions["Q1"].options if o.specify] == ["3"]
    assert questions["Q2"].type == "multi"
    assert [o.code for o in questions["Q2"].options if o.exclusive] == ["3"]
    assert questions["Q3"].type == "scale"
    assert [o.label for o in questions["Q3"].options] == [
        "Very dissatisfied",
        "2",
        "3",
        "4",
        "Very satisfied",
    ]
    assert [(r.if_, r.to) for r in questions["Q4"].skip_to] == [("Q4 == '2'", "Q6")]
    assert questions["Q5"].type == "number"
    assert questions["Q6"].type == "long_text"
    assert [p for p in validate(survey) if p.severity == "error"] == []


def test_questionnaire_laid_out_as_a_word_table(tmp_path: Path) -> None:
    questions = by_id(compile_document(read_path(_table_layout(tmp_path))).survey)
    assert [(o.code, o.label) for o in questions["Q1"].options] == [("1", "Yes"), ("2", "No")]
    assert [(r.if_, r.to) for r in questions["Q1"].skip_to] == [("Q1 == '2'", "Q3")]
    assert questions["Q2"].type == "multi"
    assert [o.code for o in questions["Q2"].options if o.exclusive] == ["99"]
    assert questions["Q3"].type == "number"
    assert questions["Q3"].terminate_if == "Q3 < 18"
    assert questions["Q3"].validation is not None
    assert (questions["Q3"].validation.min, questions["Q3"].validation.max) == (18, 99)


def _tables_under_questions(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Q1. How satisfied are you with each of the following?")
    grid = document.add_table(rows=3, cols=4)
    for col, header in enumerate(["", "Very satisfied (5)", "Neutral (3)", "Not satisfied (1)"]):
        grid.cell(0, col).text = header
    for row, statement in enumerate(["a. Price", "b. Service"], start=1):
        grid.cell(row, 0).text = statement
        for col in range(1, 4):
            grid.cell(row, col).text = "☐"
    document.add_paragraph("Q2. Do you have a loyalty card?")
    answers = document.add_table(rows=2, cols=2)
    for row, (code, label) in enumerate([("1", "Yes"), ("2", "No")]):
        answers.cell(row, 0).text = code
        answers.cell(row, 1).text = label
    target = path / "tables.docx"
    document.save(str(target))
    return target


def test_grid_header_codes_and_headless_answer_tables(tmp_path: Path) -> None:
    questions = by_id(compile_document(read_path(_tables_under_questions(tmp_path))).survey)
    q1 = questions["Q1"]
    assert q1.type == "grid"
    assert [(o.code, o.label) for o in q1.options] == [
        ("5", "Very satisfied"),
        ("3", "Neutral"),
        ("1", "Not satisfied"),
    ]
    assert [r.label for r in q1.rows] == ["Price", "Service"]
    assert [(o.code, o.label) for o in questions["Q2"].options] == [("1", "Yes"), ("2", "No")]


def test_table_with_labels_in_the_first_column(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Omnibus module")
    table = document.add_table(rows=0, cols=3)
    rows = [
        ("Q1", "Which of these do you own?", "MULTI"),
        ("", "Car", "1"),
        ("", "None of these", "2"),
        ("Q2", "How old is your car in years?", "NUMERIC"),
        ("Q3", "Would you buy an electric car?", ""),
        ("", "Yes", "1"),
        ("", "No", "2"),
    ]
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    document.save(str(tmp_path / "omnibus.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "omnibus.docx")).survey)
    assert list(questions) == ["Q1", "Q2", "Q3"]
    assert questions["Q1"].type == "multi"
    assert [(o.code, o.label, o.exclusive) for o in questions["Q1"].options] == [
        ("1", "Car", False),
        ("2", "None of these", True),
    ]
    assert questions["Q2"].type == "number"
    assert [(o.code, o.label) for o in questions["Q3"].options] == [("1", "Yes"), ("2", "No")]


def test_agency_shorthand_bases_and_two_digit_codes(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("PROJECT ORANGE – ONLINE QUESTIONNAIRE (FINAL)")
    document.add_paragraph("BASE: ALL RESPONDENTS")
    document.add_paragraph("Q1 [S] How often do you eat breakfast?")
    for code, label in [("01", "Every day"), ("02", "Most days"), ("03", "Never")]:
        document.add_paragraph(f"{code}\t{label}")
    document.add_paragraph("BASE: ALL WHO CODE 01-02 AT Q1")
    document.add_paragraph("Q2 [M] Which of the following do you usually eat for breakfast?")
    document.add_paragraph("PROGRAMMER: ROTATE CODES 01-02. CODE 99 EXCLUSIVE")
    for code, label in [
        ("01", "Cereal"),
        ("02", "Toast"),
        ("98", "Other (specify)"),
        ("99", "Nothing"),
    ]:
        document.add_paragraph(f"{code}\t{label}")
    document.add_paragraph("Q3 [NUM] How many cups of coffee do you drink on a typical day?")
    document.add_paragraph("RANGE: 0-20")
    document.add_paragraph("CLOSE: Thank you for taking part in this survey.")
    document.save(str(tmp_path / "orange.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "orange.docx")).survey)
    assert list(questions) == ["Q1", "Q2", "Q3", "CLOSE"]
    assert questions["Q1"].type == "single"
    assert questions["Q1"].display_if is None
    q2 = questions["Q2"]
    assert q2.type == "multi"
    assert q2.display_if == "Q1 in ['01','02']"
    assert [o.code for o in q2.options if o.exclusive] == ["99"]
    assert [o.code for o in q2.options if o.specify] == ["98"]
    assert questions["Q3"].type == "number"
    assert questions["CLOSE"].type == "display"


def test_form_with_bold_field_labels(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Membership form")
    document.add_paragraph("Fill in every field.")
    document.add_paragraph().add_run("Your age:").bold = True
    document.add_paragraph("______ years")
    document.add_paragraph().add_run("Membership type:").bold = True
    document.add_paragraph("☐ Student ☐ Adult ☐ Senior")
    document.add_paragraph().add_run("Email:").bold = True
    document.add_paragraph("________________________")
    document.save(str(tmp_path / "form.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "form.docx")).survey)
    assert [(q.id, q.type) for q in questions.values()] == [
        ("Q1", "number"),
        ("Q2", "single"),
        ("Q3", "email"),
    ]
    assert [o.label for o in questions["Q2"].options] == ["Student", "Adult", "Senior"]
