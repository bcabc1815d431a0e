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


def test_a_print_views_class_rules_mark_notes_and_fields_print_as_blanks() -> None:
    survey = compile_text(
        """
        <html><head><style>
          .note { color: #a00; font-style: italic }
          p.tip { text-transform: uppercase; color: #666 }
        </style></head><body>
        <div><b>R1</b> When did the boat leave the harbour?
          <p class="tip">Skipper fills in the time of departure.</p>
          <input type="date"></div>
        <div><b>R2</b> How many passengers were on board?
          <input type="number" min="1" max="90"></div>
        <div><b>R3</b> Which deck did you sit on?
          <select><optgroup label="Inside">
            <option value="10">Lower saloon</option><option value="11">Upper saloon</option>
          </optgroup><option value="20">Open deck</option></select>
          <span class="note">If 20, go to R5.</span></div>
        <div><b>R4</b> Was it cold out there?
          <ol><li>Yes</li><li>No</li></ol></div>
        <div><b>R5</b> Anything else about the crossing?
          <textarea rows="4"></textarea></div>
        </body></html>
        """,
        "ferry.html",
    )
    questions = by_id(survey)
    assert list(questions) == ["R1", "R2", "R3", "R4", "R5"]
    assert questions["R1"].type == "date"
    assert questions["R1"].text == "When did the boat leave the harbour?"
    assert questions["R2"].type == "number"
    assert questions["R2"].validation is not None
    assert (questions["R2"].validation.min, questions["R2"].validation.max) == (1, 90)
    assert questions["R3"].type == "dropdown"
    assert [(o.code, o.label) for o in questions["R3"].options] == [
        ("10", "Lower saloon"),
        ("11", "Upper saloon"),
        ("20", "Open deck"),
    ]
    assert [(r.if_, r.to) for r in questions["R3"].skip_to] == [("R3 == '20'", "R5")]
    assert questions["R5"].type == "long_text"


def test_lettered_answers_whose_letters_jump_keep_their_letters() -> None:
    survey = compile_text(
        """
        <p><b>M7</b> Where do you get lamp oil? Record all mentioned.</p>
        <ol type="A"><li>Market stall</li><li>Neighbour</li><li>Co-op shop</li></ol>
        <ol type="A" start="25"><li>Somewhere else (specify)</li></ol>
        <p><b>M8</b> Which of these do you own?</p>
        <ol type="A"><li>Radio</li><li>Bicycle</li><li>Torch</li></ol>
        """,
        "village.html",
    )
    questions = by_id(survey)
    assert [o.code for o in questions["M7"].options] == ["A", "B", "C", "Y"]
    assert [o.code for o in questions["M8"].options] == ["1", "2", "3"]
