"""General conventions met in the Word and OpenDocument files of a tenth blind batch (a
content-control intake form, a CAPI module in tables, an outcome-measures booklet, a postal
survey), one small case each, in their own invented words."""

from __future__ import annotations

from pathlib import Path

import docx
import docx.document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from fielder.compiler import compile_document
from fielder.documents import read_path
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text

_PLACEHOLDER = "Click or tap here to enter text."


def _control(kind: str, shown: str) -> str:
    """A content control's XML: its properties and the grey placeholder it prints."""
    return (
        f"<w:sdt {nsdecls('w')}><w:sdtPr>{kind}<w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        f'<w:r><w:rPr><w:color w:val="808080"/></w:rPr><w:t>{shown}</w:t></w:r>'
        "</w:sdtContent></w:sdt>"
    )


def _drop_down(*items: str) -> str:
    listed = '<w:listItem w:displayText="Choose an item." w:value=""/>' + "".join(
        f'<w:listItem w:displayText="{item}" w:value="{n}"/>' for n, item in enumerate(items, 1)
    )
    return _control(f"<w:dropDownList>{listed}</w:dropDownList>", "Choose an item.")


def _answer_cell(cell: docx.table._Cell, *parts: str) -> None:
    """Write into a cell: plain text, or a control's XML (starting with '<')."""
    paragraph = cell.paragraphs[0]
    for part in parts:
        if part == "\n":
            paragraph = cell.add_paragraph()
        elif part.startswith("<"):
            paragraph._p.append(parse_xml(part))
        else:
            paragraph.add_run(part)


def _compile(document: docx.document.Document, path: Path) -> dict[str, Question]:
    document.save(str(path))
    return by_id(compile_document(read_path(path)).survey)


def test_a_drop_down_control_keeps_its_items(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Kennel size\t")
    paragraph._p.append(parse_xml(_drop_down("Small", "Medium", "Large")))
    text = read_path(_save(document, tmp_path / "kennel.docx")).blocks[0].text
    assert text == "Kennel size\tChoose an item. (drop-down: Small / Medium / Large)"


def _save(document: docx.document.Document, path: Path) -> Path:
    document.save(str(path))
    return path


def test_a_numbered_form_with_its_answers_in_the_column_beside(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Pet boarding intake form")
    table = document.add_table(rows=6, cols=3)
    for cell, head in zip(table.rows[0].cells, ("No.", "Question", "Your answer"), strict=True):
        cell.text = head
    rows = [
        ("1", "Arrival date", [_control("<w:date/>", "Click or tap to enter a date.")]),
        ("2", "Kind of animal", [_drop_down("Dog", "Cat", "Rabbit")]),
        (
            "3",
            "Weight of your pet in kilograms (1–90)",
            [_control("<w:text/>", _PLACEHOLDER), " kg"],
        ),
        (
            "4",
            "Does your pet take any medicine?",
            [
                "☐ No    ☐ Yes    ",
                "\n",
                "If yes, which ones? ",
                _control("<w:text/>", _PLACEHOLDER),
            ],
        ),
        (
            "5",
            "Which of these can we give as treats? Tick all that apply.",
            ["☐ Biscuits", "\n", "☐ Chews", "\n", "☐ None of these"],
        ),  # fmt: skip
    ]
    for row, (number, question, parts) in zip(table.rows[1:], rows, strict=True):
        row.cells[0].text = number
        row.cells[1].text = question
        _answer_cell(row.cells[2], *parts)
    questions = _compile(document, tmp_path / "boarding.docx")
    assert list(questions) == ["Q1", "Q2", "Q3", "Q4", "Q5"]
    assert questions["Q1"].type == "date"
    kind = questions["Q2"]
    assert kind.type == "dropdown"
    assert [(o.code, o.label) for o in kind.options] == [
        ("1", "Dog"),
        ("2", "Cat"),
        ("3", "Rabbit"),
    ]
    weight = questions["Q3"]
    assert weight.type == "number"
    assert weight.validation is not None
    assert (weight.validation.min, weight.validation.max) == (1, 90)
    medicine = questions["Q4"]
    assert medicine.type == "single"
    assert [o.label for o in medicine.options] == ["No", "Yes"]
    assert [o.code for o in medicine.options if o.specify] == ["2"]
    treats = questions["Q5"]
    assert treats.type == "multi"
    assert [o.code for o in treats.options if o.exclusive] == ["3"]


def test_a_module_table_with_answers_down_the_rows_and_a_go_to_column(tmp_path: Path) -> None:
    document = docx.Document()
    _bold_line(document, "DINTRO")
    document.add_paragraph("INTERVIEWER: READ OUT")
    document.add_paragraph(
        "Now some questions about the garden you told us about in [FF_GARDEN_YEAR]."
    )
    table = document.add_table(rows=7, cols=5)
    rows = [
        ("Q", "Question", "Response", "Code", "Go to"),
        ("D01", "Do you still keep the garden you had in [FF_GARDEN_YEAR]?", "Yes", "1", ""),
        ("", "", "No", "2", "D03"),
        ("D02", "How many hours a week do you spend in it?\nRECORD HOURS.", "", "", ""),
        ("D03", "Do you grow any vegetables?", "Yes", "1", ""),
        ("", "", "No", "2", "DEND"),
        ("D04", "Do you sell any of them?", "Yes", "1", ""),
    ]
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.add_paragraph("")
    _bold_line(document, "DEND")
    document.add_paragraph("INTERVIEWER: READ OUT")
    document.add_paragraph("That is all about gardens.")
    questions = _compile(document, tmp_path / "garden.docx")
    assert list(questions) == ["DINTRO", "D01", "D02", "D03", "D04", "DEND"]
    assert questions["DINTRO"].type == "display"
    assert questions["D01"].text == "Do you still keep the garden you had in [FF_GARDEN_YEAR]?"
    assert [(s.if_, s.to) for s in questions["D01"].skip_to] == [("D01 == '2'", "D03")]
    assert [(s.if_, s.to) for s in questions["D03"].skip_to] == [("D03 == '2'", "DEND")]
    assert questions["DEND"].type == "display"


def _bold_line(document: docx.document.Document, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def test_a_booklet_of_measures_headed_by_their_short_names(tmp_path: Path) -> None:
    document = docx.Document()
    _bold_line(document, "WBI   Wellbeing Index (4 items)")
    document.add_paragraph("Please circle one number on each line for the past two weeks.")
    key = document.add_table(rows=1, cols=1)
    key.rows[0].cells[0].text = "Response key:  1 = Rarely    2 = Sometimes    3 = Often"
    items = document.add_table(rows=5, cols=6)
    texts = [
        ("No.", "In the past two weeks …", "1", "2", "3", "Key"),
        ("WBI1", "I felt cheerful", "1", "2", "3", "+"),
        ("WBI2", "I felt calm", "1", "2", "3", "+"),
        ("WBI3", "I felt restless", "1", "2", "3", "−"),
        ("WBI4", "I woke up rested", "1", "2", "3", "+"),
    ]
    for row, cells in zip(items.rows, texts, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    _bold_line(document, "WK   Work (2 items)")
    document.add_paragraph("WK1\tDo you have a paid job?")
    document.add_paragraph("☐1  Yes        ☐0  No")
    document.add_paragraph("WK2\tHow many hours did you work last week?")
    document.add_paragraph("_______ hours")
    _bold_line(document, "NOTE   Your notes")
    document.add_paragraph("Is there anything else you would like to tell us about the past weeks?")
    questions = _compile(document, tmp_path / "booklet.docx")
    assert list(questions) == ["WBI", "WK1", "WK2", "NOTE"]
    grid = questions["WBI"]
    assert grid.type == "grid"
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "Rarely"),
        ("2", "Sometimes"),
        ("3", "Often"),
    ]
    assert [r.label for r in grid.rows] == [
        "I felt cheerful",
        "I felt calm",
        "I felt restless",
        "I woke up rested",
    ]
    assert questions["NOTE"].type == "long_text"


def test_a_site_staff_box_and_a_site_use_footer_are_no_questions(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Garden study booklet")
    box = document.add_table(rows=1, cols=3)
    for cell, text in zip(
        box.rows[0].cells, ("FOR SITE STAFF", "Site no. |__|__|", "Visit |__|__|"), strict=True
    ):
        cell.text = text
    document.add_paragraph("1. How many plants do you grow?")
    document.add_paragraph("_______ plants")
    document.add_paragraph("2. How many trees do you grow?")
    document.add_paragraph("_______ trees")
    document.add_paragraph(
        "FOR SITE USE ONLY – checked by (initials) |__|__|__|   date |__|__|/|__|__|"
    )
    questions = _compile(document, tmp_path / "site.docx")
    assert list(questions) == ["Q1", "Q2"]
    assert questions["Q2"].type == "number"


def test_a_nordic_postal_form_routes_ticks_and_closes_in_its_own_words(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Har du en trädgård?", style="List Number")
    document.add_paragraph("☐ Ja")
    document.add_paragraph("☐ Nej → Gå till fråga 3")
    document.add_paragraph("Vad odlar du? Flera alternativ kan markeras.", style="List Number")
    for label in ("Grönsaker", "Blommor", "Inget av detta"):
        document.add_paragraph(f"☐ {label}")
    document.add_paragraph("Hur många år har du bott här?", style="List Number")
    document.add_paragraph("________ år")
    document.add_paragraph("Hur nöjd är du med ditt grannskap?", style="List Number")
    scale = document.add_table(rows=3, cols=5)
    for row, cells in zip(
        scale.rows,
        [("1", "2", "3", "4", "5"), ("☐",) * 5, ("Inte alls nöjd", "", "", "", "Helt nöjd")],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("Här kan du skriva egna synpunkter om trädgården.", style="List Number")
    document.add_paragraph("Tack för din hjälp! Skicka tillbaka enkäten i kuvertet.")
    questions = _compile(document, tmp_path / "tradgard.docx")
    assert [(s.if_, s.to) for s in questions["Q1"].skip_to] == [("Q1 == '2'", "Q3")]
    grown = questions["Q2"]
    assert grown.type == "multi"
    assert [o.code for o in grown.options if o.exclusive] == ["3"]
    assert questions["Q3"].type == "number"
    scale_question = questions["Q4"]
    assert [o.label for o in scale_question.options][::4] == ["Inte alls nöjd", "Helt nöjd"]
    # (the list numbers are Word's, not in the text; the thanks are not the last question's)
    assert questions["Q5"].text == "Här kan du skriva egna synpunkter om trädgården."


def test_capital_notes_a_month_and_year_and_a_grid_table_titled_by_its_question(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=5)
    rows = [
        ("Q", "Question", "Response", "Code", "Go to"),
        ("E01", "In what month and year did you move here?\nRECORD MONTH AND YEAR.", "", "", ""),
        (
            "E02",
            "How many rooms does your home have?\nRECORD NUMBER. RANGE 1–20.\n"
            "SOFT CHECK IF MORE THAN 12: 'Can I check, that is [E02] rooms?'",
            "",
            "",
            "",
        ),
    ]
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.add_paragraph("")
    grid = document.add_table(rows=5, cols=4)
    grid.rows[0].cells[
        0
    ].text = (
        "E03   How often does each of these happen at home?\nREAD OUT EACH ITEM. ONE CODE PER ROW."
    )
    heads = ("", "Rarely\n1", "Sometimes\n2", "Often\n3")
    for cell, text in zip(grid.rows[1].cells, heads, strict=True):
        cell.text = text
    for row, item in zip(
        grid.rows[2:], ("a) Noise at night", "b) Cold rooms", "c) Damp walls"), strict=True
    ):
        for cell, text in zip(row.cells, (item, "1", "2", "3"), strict=True):
            cell.text = text
    document.add_paragraph("Region Eastfield · Housing unit · Questions? Call 0800 123 456")
    questions = _compile(document, tmp_path / "home.docx")
    assert list(questions) == ["E01", "E02", "E03"]
    assert questions["E01"].type == "date"
    assert questions["E02"].text == "How many rooms does your home have?"
    table_grid = questions["E03"]
    assert table_grid.type == "grid"
    assert table_grid.text == "How often does each of these happen at home?"
    assert [(o.code, o.label) for o in table_grid.options] == [
        ("1", "Rarely"),
        ("2", "Sometimes"),
        ("3", "Often"),
    ]
    assert [r.label for r in table_grid.rows] == ["Noise at night", "Cold rooms", "Damp walls"]


def test_a_title_opening_with_the_form_code_is_no_question() -> None:
    questions = by_id(
        compile_text(
            """
            GRD-204 Allotment Holders Survey
            Spring round
            Instructions
            Please answer every question yourself.

            PL1\tHow long have you held your plot?
            ☐1  Less than a year        ☐2  One year or more
            PL2\tDo you share it?
            ☐1  Yes        ☐2  No
            """
        )
    )
    assert list(questions) == ["PL1", "PL2"]
