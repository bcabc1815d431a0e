"""General conventions met in a third blind batch of questionnaires (first half), one small case
each, written in their own words rather than taken from any fixture."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_path
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def test_a_version_history_row_is_not_a_question() -> None:
    survey = compile_text(
        """
        Change record
           1.0   03 Mar 2026   First draft
           1.1   2026-03-09    Ferry module added
           2.0   14/04/2026    Signed off

        1.1     Did you travel by ferry this year?
                    1  Yes
                    2  No

        1.2     How many crossings did you make?
                    _ _  Number of crossings
        """
    )
    questions = by_id(survey)
    assert list(questions) == ["Q1_1", "Q1_2"]
    assert questions["Q1_1"].text == "Did you travel by ferry this year?"


def _long_spec(tmp_path: Path, rows: list[list[str]]) -> dict[str, Question]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Library visitor study – spec, one row per answer"])
    sheet.append([])
    sheet.append(["Var", "Type", "Question", "Value", "Label", "Logic"])
    for row in rows:
        sheet.append(row)
    book.save(str(tmp_path / "spec.xlsx"))
    return by_id(compile_document(read_path(tmp_path / "spec.xlsx")).survey)


def test_value_and_label_columns_hold_the_answers_of_a_long_spec(tmp_path: Path) -> None:
    questions = _long_spec(
        tmp_path,
        [
            ["A1", "SC", "Are you a library member?", "1", "Yes", "TERM IF A1=3"],
            ["", "", "", "2", "No, but I used to be", ""],
            ["", "", "", "3", "Never been one", ""],
            ["A2", "OE", "Which branch do you visit most?", "", "", "1 line"],
            ["A3", "SC", "How likely are you to renew?", "0", "0 - Very unlikely", ""],
            *[["", "", "", str(n), "", ""] for n in range(1, 10)],
            ["", "", "", "10", "10 - Very likely", ""],
        ],
    )
    assert [(o.code, o.label) for o in questions["A1"].options] == [
        ("1", "Yes"),
        ("2", "No, but I used to be"),
        ("3", "Never been one"),
    ]
    assert questions["A1"].terminate_if == "A1 == '3'"
    assert questions["A2"].type == "text"
    assert questions["A3"].type == "scale"
    labels = [o.label for o in questions["A3"].options]
    assert (labels[0], labels[5], labels[-1]) == ("Very unlikely", "5", "Very likely")


def test_sub_variables_marked_row_are_the_statements_of_the_grid_above(tmp_path: Path) -> None:
    questions = _long_spec(
        tmp_path,
        [
            ["B1", "GRID", "How satisfied are you with each of these?", "1", "Unhappy", ""],
            ["", "", "", "2", "Neutral", ""],
            ["", "", "", "3", "Happy", ""],
            ["B1_1", "row", "Opening hours", "", "", ""],
            ["B1_2", "row", "Choice of books", "", "", ""],
            ["B2", "CS", "Split 100 points over your visit.", "1", "Reading", "Sum = 100"],
            ["", "", "", "2", "Studying", ""],
            ["B3", "DD", "Which district do you live in?", "1", "North", ""],
            ["", "", "", "2", "South", ""],
        ],
    )
    assert list(questions) == ["B1", "B2", "B3"]
    grid = questions["B1"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == ["Opening hours", "Choice of books"]
    assert [o.label for o in grid.options] == ["Unhappy", "Neutral", "Happy"]
    assert (questions["B2"].type, questions["B2"].total) == ("constant_sum", 100)
    assert questions["B3"].type == "dropdown"

