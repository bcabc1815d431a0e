"""General conventions met in the document files of a sixth blind batch (a sideways
spreadsheet, Word forms with nested answer tables, an agency concept-test spec), one small
case each, in their own words."""

from __future__ import annotations

from pathlib import Path

import docx
import docx.shared
import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text


def _sideways_book(path: Path) -> Path:
    """A library survey with one question per column and a legend sheet after it."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Survey"
    sheet.append(["Var", "HELLO", "CHANNEL", "A1", "A2", "A3", "A4", "BYE"])
    sheet.append(
        [
            "Question wording",
            "Thanks for visiting the library. This takes two minutes.",
            "Branch the link was sent from",
            "Do you hold a library card?",
            "How many books did you borrow this year?",
            "How would you rate the reading room?",
            "How much do you agree with each statement?",
            "That is all. Happy reading!",
        ]
    )
    sheet.append(["Type", "INFO", "HIDDEN", "SC", "NUM", "SC", "GRID", "INFO"])
    sheet.append(
        ["Routing", None, None, "A1=2 → CLOSE (screen-out)", "range 0-300", None, None, None]
    )
    sheet.append(["Answers", None, None, "1=Yes", None, "1=Poor", "x=The staff are kind", None])
    sheet.append([None, None, None, "2=No", None, "2=Fair", "y=The shelves are tidy", None])
    sheet.append([None, None, None, None, None, "3=Good", "1=Disagree", None])
    sheet.append([None, None, None, None, None, None, "2=Agree", None])
    legend = book.create_sheet("Legend")
    legend.append(["Code", "Meaning"])
    legend.append(["SC", "Single choice"])
    legend.append(["NUM", "Number"])
    legend.append(["GRID", "Rows x=, y=; columns 1=, 2="])
    book.save(str(path))
    return path


def test_a_sheet_with_one_question_per_column_is_read_sideways(tmp_path: Path) -> None:
    """Column A names the fields (id, wording, type, routing, answers) and every later column
    is one question, its answers one per cell from the answers row down."""
    survey = compile_document(read_path(_sideways_book(tmp_path / "sideways.xlsx"))).survey
    questions = by_id(survey)
    assert list(questions) == ["HELLO", "A1", "A2", "A3", "A4", "BYE"]
    assert questions["HELLO"].type == "display"
    assert questions["A1"].text == "Do you hold a library card?"
    assert [(o.code, o.label) for o in questions["A1"].options] == [("1", "Yes"), ("2", "No")]
    assert questions["A2"].type == "number"
    assert [(o.code, o.label) for o in questions["A3"].options] == [
        ("1", "Poor"),
        ("2", "Fair"),
        ("3", "Good"),
    ]
    assert questions["BYE"].type == "display"
    assert not questions["BYE"].options  # the legend sheet is not read as answers


def test_a_hidden_type_cell_drops_the_row_even_with_words(tmp_path: Path) -> None:
    """`HIDDEN` (or `HID`) as the whole type cell: a variable the system fills, not asked."""
    survey = compile_document(read_path(_sideways_book(tmp_path / "sideways.xlsx"))).survey
    assert "CHANNEL" not in by_id(survey)


def test_lettered_rows_with_equals_beside_numbered_columns(tmp_path: Path) -> None:
    """`x=…`, `y=…` are the grid's rows and `1=…`, `2=…` its columns, in one answers cell."""
    survey = compile_document(read_path(_sideways_book(tmp_path / "sideways.xlsx"))).survey
    grid = by_id(survey)["A4"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == ["The staff are kind", "The shelves are tidy"]
    assert [(o.code, o.label) for o in grid.options] == [("1", "Disagree"), ("2", "Agree")]


def test_routing_written_as_a_bare_test_and_an_arrow(tmp_path: Path) -> None:
    """`A1=2 → CLOSE (screen-out)` and `B2=3 → skip to B4`: the "IF" left unwritten; an action
    that says the respondent is screened out is a termination."""
    survey = compile_document(read_path(_sideways_book(tmp_path / "sideways.xlsx"))).survey
    assert by_id(survey)["A1"].terminate_if == "A1 == '2'"
    questions = by_id(
        compile_text(
            """
            B1. How old is your dog?
            B1<2 → END = not eligible
            B2. Does your dog like the park?
            1 Yes
            2 No
            3 Never been
            B2=3 → skip to B4
            B3. Which park does it like best?
            B4. Would you recommend a dog walker?
            1 Yes
            2 No
            """
        )
    )
    assert questions["B1"].terminate_if == "B1 < 2"
    assert [(s.if_, s.to) for s in questions["B2"].skip_to] == [("B2 == '3'", "B4")]


def _nested_answers(cell: object, rows: list[tuple[str, ...]]) -> None:
    """A table nested in a form's question cell, one answer (or grid line) a row."""
    table = cell.add_table(rows=0, cols=len(rows[0]))  # type: ignore[attr-defined]
    for values in rows:
        cells = table.add_row().cells
        for place, value in zip(cells, values, strict=True):
            place.text = value


def _paper_form(path: Path) -> Path:
    """A swimming-pool form: `No. | Question | (margin)`, answers nested in the question cell."""
    document = docx.Document()
    document.add_paragraph("Leisure Centre Survey")
    outer = document.add_table(rows=1, cols=3)
    for place, head in zip(outer.rows[0].cells, ("No.", "Question", ""), strict=True):
        place.text = head
    questions: list[tuple[str, str, list[tuple[str, ...]], str]] = [
        (
            "1",
            "Do you swim at the centre?",
            [("☐", "Yes", "1"), ("☐", "No", "2")],
            "No → Go to 3\nFOR OFFICE USE ONLY\n│__│__│",
        ),
        (
            "2",
            "Which sessions do you use? Tick all that apply.",
            [("[ ]", "Early lanes", "1"), ("[ ]", "Family splash", "2"), ("[ ]", "Aqua fit", "3")],
            "FOR OFFICE USE ONLY",
        ),
        (
            "3",
            "How do you rate the following? Tick one box on each line.",
            [
                ("", "Good", "Average", "Poor"),
                ("", "1", "2", "3"),
                ("a) Changing rooms", "[ ]", "[ ]", "[ ]"),
                ("b) Opening hours", "[ ]", "[ ]", "[ ]"),
            ],
            "FOR OFFICE USE ONLY",
        ),
    ]
    for number, words, answers, margin in questions:
        row = outer.add_row().cells
        row[0].text = number
        row[1].text = words
        _nested_answers(row[1], answers)
        row[2].text = margin
    document.save(str(path))
    return path


def test_a_word_form_with_answers_nested_in_the_question_cell(tmp_path: Path) -> None:
    """`No. | Question | margin` over rows whose question cell holds a nested answers table:
    each row a question with its own answers, the office-use box left out."""
    questions = by_id(compile_document(read_path(_paper_form(tmp_path / "form.docx"))).survey)
    assert list(questions) == ["Q1", "Q2", "Q3"]
    assert questions["Q1"].text == "Do you swim at the centre?"
    assert [(o.code, o.label) for o in questions["Q1"].options] == [("1", "Yes"), ("2", "No")]
    assert questions["Q2"].type == "multi"
    assert [o.label for o in questions["Q2"].options] == [
        "Early lanes",
        "Family splash",
        "Aqua fit",
    ]


def test_a_margin_arrow_after_an_answer_word_is_that_answers_skip(tmp_path: Path) -> None:
    """`No → Go to 3` in the margin: the answer's words, then where it leads."""
    questions = by_id(compile_document(read_path(_paper_form(tmp_path / "form.docx"))).survey)
    assert [(s.if_, s.to) for s in questions["Q1"].skip_to] == [("Q1 == '2'", "Q3")]


def test_column_words_over_a_row_of_their_codes(tmp_path: Path) -> None:
    """`Good | Average | Poor` over `1 | 2 | 3` above lettered rows: coded columns."""
    questions = by_id(compile_document(read_path(_paper_form(tmp_path / "form.docx"))).survey)
    grid = questions["Q3"]
    assert grid.type == "grid"
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "Good"),
        ("2", "Average"),
        ("3", "Poor"),
    ]
    assert [r.label for r in grid.rows] == ["Changing rooms", "Opening hours"]
    text = compile_text(
        "3. Do you swim?\n1 Yes\n2 No\n"
        "4. How often do you use each room?\n"
        "\tOften\tSometimes\tNever\n"
        "\t3\t2\t1\n"
        "a) Gym\t[ ]\t[ ]\t[ ]\n"
        "b) Sauna\t[ ]\t[ ]\t[ ]\n"
    )
    assert [(o.code, o.label) for o in by_id(text)["Q4"].options] == [
        ("3", "Often"),
        ("2", "Sometimes"),
        ("1", "Never"),
    ]


def _coloured(paragraph: object, text: str, colour: str) -> None:
    run = paragraph.add_run(text)  # type: ignore[attr-defined]
    run.font.color.rgb = docx.shared.RGBColor.from_string(colour)


def _concept_spec(path: Path) -> Path:
    """A juice concept test: red routing after codes, a boxed board, a price-ladder note."""
    document = docx.Document()
    document.add_paragraph("Juice concept test")
    first = document.add_paragraph("S1.\tDo you buy fruit juice?")
    _coloured(first, "   SINGLE", "1F4E9E")
    document.add_paragraph("Every week\t1")
    document.add_paragraph("Less often\t2")
    last = document.add_paragraph("Never\t3")
    _coloured(last, "\t→ CLOSE", "C00000")
    document.add_paragraph("STIMULUS")
    box = document.add_table(rows=1, cols=1)
    box.rows[0].cells[0].text = "[PICTURE: carton.png]\nSunny Press\nCold-pressed orange, no sugar."
    document.add_paragraph("Q1.\tWhat, if anything, would you change about it?   OPEN")
    document.add_paragraph("PRICE LADDER")
    note = document.add_paragraph()
    _coloured(note, "PROG: Q2-Q3 NUMERIC, ALLOW 0.50-9.99. ONE PER SCREEN.", "1F4E9E")
    document.add_paragraph("Q2.\tAt what price would this juice be too expensive?")
    document.add_paragraph("£ ___.__")
    document.add_paragraph("Q3.\tAt what price would it be a bargain?")
    document.add_paragraph("£ ___.__")
    document.add_paragraph(
        "Q4.\tWhich of these is the BEST reason to buy it, and which is the WORST reason?"
    )
    for code, reason in enumerate(("Taste", "Health", "Price", "Brand"), start=1):
        document.add_paragraph(f"{reason}\t{code}")
    document.save(str(path))
    return path


def test_a_coloured_arrow_to_close_after_a_code_screens_out(tmp_path: Path) -> None:
    """`Never<TAB>3` then a red `→ CLOSE`: the answer ends the interview (as `CLOSE` alone)."""
    survey = compile_document(read_path(_concept_spec(tmp_path / "spec.docx"))).survey
    assert by_id(survey)["S1"].terminate_if == "S1 == '3'"


def test_a_boxed_board_under_a_screen_name_is_the_screens_words(tmp_path: Path) -> None:
    """`STIMULUS` over a one-cell box: the box's words are the screen, its placeholder left out."""
    survey = compile_document(read_path(_concept_spec(tmp_path / "spec.docx"))).survey
    screen = by_id(survey)["STIMULUS"]
    assert screen.type == "display"
    assert screen.text == "Sunny Press Cold-pressed orange, no sugar."


def test_a_note_opening_with_a_run_of_questions_belongs_to_them(tmp_path: Path) -> None:
    """`PROG: Q2-Q3 NUMERIC, ALLOW 0.50-9.99` under a heading after Q1: Q2 and Q3's note."""
    questions = by_id(compile_document(read_path(_concept_spec(tmp_path / "spec.docx"))).survey)
    assert questions["Q1"].type == "long_text"
    assert questions["Q1"].validation is None
    for ident in ("Q2", "Q3"):
        assert questions[ident].type == "number"
        assert questions[ident].validation is not None
        assert (questions[ident].validation.min, questions[ident].validation.max) == (0.5, 9.99)


def test_a_best_and_worst_question_is_a_ranking(tmp_path: Path) -> None:
    """MaxDiff's respondent question ("which is the BEST …, and which is the WORST …?") over
    its items: a ranking of the items."""
    questions = by_id(compile_document(read_path(_concept_spec(tmp_path / "spec.docx"))).survey)
    assert questions["Q4"].type == "ranking"
    assert [o.label for o in questions["Q4"].options] == ["Taste", "Health", "Price", "Brand"]
