"""General conventions met in a fourth blind batch of questionnaires, one small case each,
written in their own words rather than taken from any fixture."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_path
from fielder.ir.models import Question
from tests.compiler.conftest import by_id


def _import_sheet(tmp_path: Path, rows: list[list[str | None]]) -> dict[str, Question]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "questions"
    sheet.append(["ItemID", "ItemType", "QuestionText", "Choices", "Mandatory", "ShowIf"])
    for row in rows:
        sheet.append(row)
    notes = book.create_sheet("Instructions")
    notes.append(["Choices are separated by bars. Keep the first row as it is."])
    notes.append(["Owner: survey desk"])
    book.save(str(tmp_path / "import.xlsx"))
    return by_id(compile_document(read_path(tmp_path / "import.xlsx")).survey)


def test_a_builder_import_sheet_with_joined_column_names_and_bare_bars(tmp_path: Path) -> None:
    questions = _import_sheet(
        tmp_path,
        [
            ["B1", "radio", "Do you own a bicycle?", "Yes|No", "Y", None],
            [
                "B2",
                "radio",
                "How often do you ride it?",
                "1|Daily|2|Weekly|9|Hardly ever",
                "Y",
                "B1 = 1",
            ],
            [
                "B3",
                "rating",
                "How safe do you feel on the roads?",
                "1|Unsafe|2||3||4|Safe",
                "N",
                None,
            ],
            [
                "B4",
                "number",
                "How many kilometres a week do you ride?",
                "min=0; max=500",
                "N",
                None,
            ],
            [
                "B5",
                "matrix",
                "How do you rate these?",
                "ROWS: Cycle lanes|Parking\nCOLS: 1|Bad|2|Good",
                "N",
                None,
            ],
            ["B6", "textarea", "Anything to add?", None, "N", None],
        ],
    )
    assert list(questions) == ["B1", "B2", "B3", "B4", "B5", "B6"]
    assert [(o.code, o.label) for o in questions["B1"].options] == [("1", "Yes"), ("2", "No")]
    assert [(o.code, o.label) for o in questions["B2"].options] == [
        ("1", "Daily"),
        ("2", "Weekly"),
        ("9", "Hardly ever"),
    ]
    assert questions["B2"].display_if == "B1 == '1'"
    assert [o.label for o in questions["B3"].options] == ["Unsafe", "2", "3", "Safe"]
    validation = questions["B4"].validation
    assert validation is not None
    assert (validation.min, validation.max) == (0, 500)
    assert [r.label for r in questions["B5"].rows] == ["Cycle lanes", "Parking"]
    assert [o.label for o in questions["B5"].options] == ["Bad", "Good"]
    assert "Owner" not in questions["B6"].text
    assert "bars" not in questions["B6"].text


def test_word_placeholders_stand_for_answer_boxes_and_a_listed_drop_down(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Allotment society – plot request")
    table = document.add_table(rows=2, cols=2)
    for row, title in zip(table.rows, ["Your name", "Email address"], strict=True):
        row.cells[0].text = title
        row.cells[1].text = "Click or tap here to enter text."
    document.add_paragraph("Do you already grow vegetables?")
    document.add_paragraph("○ Yes     ○ No")
    document.add_paragraph("Preferred start date\tClick or tap to enter a date.")
    document.add_paragraph("Plot size\tChoose an item.")
    document.add_paragraph("(drop-down: Half plot / Full plot / Raised bed)")
    document.add_paragraph("What would you like to grow?")
    document.add_paragraph("Click or tap here to enter text.")
    document.save(str(tmp_path / "plots.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "plots.docx")).survey)
    assert [(q.type, q.text) for q in questions.values()] == [
        ("text", "Your name"),
        ("email", "Email address"),
        ("single", "Do you already grow vegetables?"),
        ("date", "Preferred start date"),
        ("dropdown", "Plot size"),
        ("long_text", "What would you like to grow?"),
    ]
    assert [o.label for o in questions["Q5"].options] == ["Half plot", "Full plot", "Raised bed"]


def test_a_skip_after_an_answer_in_spanish_or_dutch_routes_and_leaves_the_label(
    tmp_path: Path,
) -> None:
    (tmp_path / "routes.txt").write_text(
        "1. ¿Tiene usted bicicleta?\n"
        "     Sí ............................ 1\n"
        "     No ............................ 2   PASE A 3\n"
        "\n"
        "2. ¿La usa para ir al trabajo?\n"
        "     Sí ............................ 1\n"
        "     No ............................ 2\n"
        "\n"
        "3. Heeft u een tuin?\n"
        "1 – Ja\n"
        "2 – Nee → ga naar vraag 5\n"
        "3 – Weet niet → screen-out\n"
        "\n"
        "4. Hoe groot is de tuin?\n"
        "1 – Klein\n"
        "2 – Groot\n"
        "\n"
        "5. Woont u in een stad?\n"
        "1 – Ja\n"
        "2 – Nee\n",
        encoding="utf-8",
    )
    questions = by_id(compile_document(read_path(tmp_path / "routes.txt")).survey)
    first, third = questions["Q1"], questions["Q3"]
    assert [o.label for o in first.options] == ["Sí", "No"]
    assert [o.label for o in third.options] == ["Ja", "Nee", "Weet niet"]
    assert [(s.if_, s.to) for s in first.skip_to] == [("Q1 == '2'", "Q3")]
    assert [(s.if_, s.to) for s in third.skip_to] == [("Q3 == '2'", "Q5")]
    assert third.terminate_if == "Q3 == '3'"


def test_question_and_its_number_as_a_heading_above_the_words_labels_them(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Library users' panel")
    for number, words, note in [
        (1, "How many books did you borrow last month? Count renewals once.", "Numeric, 0–50."),
        (2, "Which branch do you use most? For example, Riverside.", "Open text."),
        (3, "How old are you?", "Numeric, 16–99."),
    ]:
        document.add_heading(f"Question {number}", level=2)
        document.add_paragraph(words)
        document.add_paragraph(note)
    document.save(str(tmp_path / "panel.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "panel.docx")).survey)
    assert list(questions) == ["Q1", "Q2", "Q3"]
    assert questions["Q1"].type == "number"
    assert questions["Q2"].text.startswith("Which branch do you use most?")


def test_row_codes_before_a_tab_are_the_answers_codes_as_written(tmp_path: Path) -> None:
    (tmp_path / "spec.txt").write_text(
        "A1. Which pet do you own?\n"
        "r1\tDog\n"
        "r2\tCat\n"
        "r21\tRabbit\n"
        "r99\tNo pet\n"
        "\n"
        "A2. Where do you buy pet food? SELECT ALL THAT APPLY\n"
        "r1\tSupermarket\n"
        "r2\tPet shop\n"
        "r3\tOnline\n",
        encoding="utf-8",
    )
    questions = by_id(compile_document(read_path(tmp_path / "spec.txt")).survey)
    assert [(o.code, o.label) for o in questions["A1"].options] == [
        ("r1", "Dog"),
        ("r2", "Cat"),
        ("r21", "Rabbit"),
        ("r99", "No pet"),
    ]
    assert questions["A2"].type == "multi"
    assert [o.code for o in questions["A2"].options] == ["r1", "r2", "r3"]


def test_an_answer_in_capitals_before_dot_leaders_and_a_code_is_kept(tmp_path: Path) -> None:
    (tmp_path / "caps.txt").write_text(
        "1. Which bus company do you use most?\n"
        "     Redline ....................... 1\n"
        "     Greenway ...................... 2\n"
        "     DK/REF ........................ 99\n"
        "\n"
        "2. How old are you?\n"
        "     Under 30 ...................... 1\n"
        "     30 or over .................... 2\n",
        encoding="utf-8",
    )
    questions = by_id(compile_document(read_path(tmp_path / "caps.txt")).survey)
    assert [(o.code, o.label) for o in questions["Q1"].options] == [
        ("1", "Redline"),
        ("2", "Greenway"),
        ("99", "DK/REF"),
    ]


def test_a_scale_keeps_its_type_with_a_dont_know_code_in_another_language(tmp_path: Path) -> None:
    (tmp_path / "escala.txt").write_text(
        "Estudio de servicio\n"
        "\n"
        "1. ¿Qué tan satisfecho está con el servicio?\n"
        "     Nada satisfecho  1   2   3   4   5  Muy satisfecho\n"
        "     NS/NR ....................... 99\n"
        "\n"
        "2. ¿Cuántos años tiene?\n"
        "     Menos de 30 ................. 1\n"
        "     30 o más .................... 2\n",
        encoding="utf-8",
    )
    question = by_id(compile_document(read_path(tmp_path / "escala.txt")).survey)["Q1"]
    assert question.type == "scale"
    assert [o.code for o in question.options][-1] == "99"


def test_a_filter_in_a_box_of_its_own_applies_to_the_question_below(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Cinema visitors")
    document.add_paragraph("Q1. Have you been to the cinema this year?")
    answers = document.add_table(rows=2, cols=2)
    for row, (code, label) in zip(answers.rows, [("1", "Yes"), ("2", "No")], strict=True):
        row.cells[0].text, row.cells[1].text = code, label
    box = document.add_table(rows=1, cols=1)
    box.rows[0].cells[0].text = "FILTER: Ask if Q1 = 1"
    document.add_paragraph("Q2. Which film did you see last?")
    document.add_paragraph("Q3. How old are you?")
    document.save(str(tmp_path / "cinema.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "cinema.docx")).survey)
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert questions["Q3"].display_if is None
