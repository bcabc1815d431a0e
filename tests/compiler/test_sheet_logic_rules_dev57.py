"""Logic columns of a questionnaire sheet read whatever their headings' words, and form-tool
expressions in them: invented wording, one small case each."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.sheet import _columns
from fielder.compiler.sheet_logic import constraint_note, expression_words
from fielder.documents import read_path
from fielder.ir.models import Question


def _book(path: Path, rows: list[tuple[str, ...]], extra: dict[str, list[tuple[str, ...]]]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Form"
    for row in rows:
        sheet.append(list(row))
    for name, more in extra.items():
        other = book.create_sheet(name)
        for row in more:
            other.append(list(row))
    book.save(path)


def _questions(path: Path) -> dict[str, Question]:
    return {q.id: q for q in compile_document(read_path(path)).survey.questions()}


def test_headings_naming_whom_or_where_are_logic_columns() -> None:
    columns = _columns(("Ref", "Wording", "Codes", "Kind", "Visible when", "Branching", "Remarks"))
    assert columns["condition"] == 4
    assert columns["instructions"] == 5
    shown = _columns(("Var", "Question text", "Type", "Display rule", "Skip pattern"))
    assert (shown["condition"], shown["instructions"]) == (3, 4)


def test_a_name_column_beside_the_id_is_no_question_text() -> None:
    columns = _columns(("No.", "name", "Question", "Choices", "type", "relevance"))
    assert (columns["id"], columns["name"], columns["text"]) == (0, 1, 2)
    assert columns["condition"] == 5


def test_form_tool_expressions_read_in_the_condition_words() -> None:
    names = {"pets": "P1", "dogs": "P2"}
    assert expression_words("${pets} = '1' and ${dogs} > 2", names) == "P1 = 1 and P2 > 2"
    assert expression_words("not(selected(${pets}, '3'))", names) == "NOT (P1 = 3)"
    assert expression_words("P4 = 2", names) == "P4 = 2"  # no expression: left as written


def test_constraints_on_the_answer_become_its_bounds() -> None:
    assert constraint_note(". >= 2 and . <= 40") == "RANGE 2-40"
    assert constraint_note(". >= 0 and . <= ${kids}") == "MIN 0"
    assert constraint_note("count-selected(.) <= 2") == "MAX 2"
    assert constraint_note("not(selected(., '9') and count-selected(.) > 1)") == "9 EXCLUSIVE"


def test_a_workbook_with_variable_names_in_its_relevance_column(tmp_path: Path) -> None:
    path = tmp_path / "garden.xlsx"
    _book(
        path,
        [
            ("Household garden survey", "", "", "", "", ""),
            ("No.", "name", "Question", "Choices (code = label)", "type", "relevance", "check"),
            (
                "G1",
                "has_garden",
                "Does the home have a garden?",
                "1 = Yes\n2 = No",
                "select_one yn",
                "",
                "",
            ),
            (
                "G2",
                "beds",
                "How many vegetable beds are there?",
                "",
                "integer",
                "${has_garden} = '1'",
                ". >= 1 and . <= 25",
            ),
            (
                "G3",
                "crops",
                "Which crops are grown?",
                "1 = Beans\n2 = Kale\n3 = Leeks",
                "select_multiple crop",
                "${beds} > 0",
                "",
            ),
            (
                "G4",
                "leek_why",
                "Why leeks?",
                "1 = Taste\n2 = Hardiness",
                "select_one why",
                "selected(${crops}, '3')",
                "",
            ),
            (
                "G5",
                "water",
                "Where does the water come from?",
                "1 = Tap\n2 = Butt",
                "select_one w",
                "${has_garden} != '2'",
                "",
            ),
        ],
        {"settings": [("form_title", "form_id"), ("Garden 2031", "garden_v1")]},
    )
    questions = _questions(path)
    assert questions["G2"].display_if == "G1 == '1'"
    assert questions["G2"].validation is not None
    assert (questions["G2"].validation.min, questions["G2"].validation.max) == (1.0, 25.0)
    assert questions["G3"].type == "multi"
    assert questions["G3"].display_if == "G2 > 0"
    assert questions["G4"].display_if == "G3 contains '3'"
    assert questions["G5"].display_if == "not (G1 == '2')"
    assert "Garden 2031" not in " ".join(q.text for q in questions.values())


def test_show_and_jump_columns_with_coded_points_under_col_heads(tmp_path: Path) -> None:
    path = tmp_path / "ferry.xlsx"
    _book(
        path,
        [
            ("Var", "Question text / answers", "Value", "Type", "Show logic", "Jump logic"),
            ("F1", "Did you sail with us on {date}?", "", "Single", "", "F1=2: TERMINATE"),
            ("", "Yes", "1", "", "", ""),
            ("", "No", "2", "", "", ""),
            ("F2", "Which deck did you sit on?", "", "Single", "", "F2=3 → F4"),
            ("", "Lower deck", "1", "", "", ""),
            ("", "Upper deck", "2", "", "", ""),
            ("", "Outside", "3", "", "", ""),
            ("F3", "Was the lounge warm enough?", "", "Single", "F2 in (1,2)", ""),
            ("", "Yes", "1", "", "", ""),
            ("", "No", "2", "", "", ""),
            ("F4", "Please rate these.", "", "Grid (single per row)", "", ""),
            ("", "ROW: Cafe", "", "", "", ""),
            ("", "ROW: Toilets", "", "", "", ""),
            ("", "COL: Good", "1", "", "", ""),
            ("", "COL: Poor", "2", "", "", ""),
        ],
        {},
    )
    questions = _questions(path)
    assert questions["F1"].terminate_if == "F1 == '2'"
    assert [(r.if_, r.to) for r in questions["F2"].skip_to] == [("F2 == '3'", "F4")]
    assert questions["F3"].display_if == "F2 in ['1','2']"
    assert [o.label for o in questions["F4"].options] == ["Good", "Poor"]
