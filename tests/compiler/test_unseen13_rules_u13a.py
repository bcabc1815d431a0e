"""unseen13 rules (u13a): conventions of spec sheets, routing boxes and postal forms,
tested with invented questionnaires."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.entry_placeholders import entry_placeholder
from fielder.compiler.grid_sub_rows import is_statement_row
from fielder.compiler.sheet_heads import expand_question_abbreviation
from fielder.documents import read_document
from tests.compiler.conftest import by_id


def _spec_sheet() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Spec v2"
    sheet.append(["Orchard Growers' Panel – spring wave"])
    sheet.append(["Part", "Q ID", "Question wording", "Answers", "Codes", "Notes"])
    sheet.append(["A", "P1", "How many trees do you tend?", "[number box] trees", None, "Numeric"])
    sheet.append(["A", "P2", "What do you spend on feed each season?", "€ [number box]", None,
                  "Numeric. Range 10-9000."])  # fmt: skip
    sheet.append(["A", "P3", "How far do you agree with these statements?",
                  "Agree\nUnsure\nDisagree", "1\n2\n3",
                  "GRID – statements are rows P3a to P3b below."])  # fmt: skip
    sheet.append(["A", "P3a", "Pruning is worth the effort", None, None, None])
    sheet.append(["A", "P3b", "Frost worries me", None, None, None])
    sheet.append(["A", "P4", "How do you rate these tools?", "Good\nPoor", "1\n2", "Grid"])
    sheet.append(["A", "P4a", "Ladders", None, None, "matrix row"])
    sheet.append(["A", "P5", "Which fruit do you grow most?", "Pears\nPlums", "1\n2", "single"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_abbreviated_question_heading_names_the_id_column() -> None:
    assert expand_question_abbreviation("q id") == "question id"
    assert expand_question_abbreviation("qn. text") == "question text"
    assert expand_question_abbreviation("q#") == "q#"
    assert expand_question_abbreviation("quota") == "quota"
    questions = by_id(compile_document(read_document(_spec_sheet(), "orchard.xlsx")).survey)
    assert [q for q in questions if q.startswith("P")] == ["P1", "P2", "P3", "P4", "P5"]


def test_sub_ids_named_as_grid_rows_are_the_grid_s_statements() -> None:
    assert is_statement_row("K2b", "K2", ["statement"], "")
    assert is_statement_row("K2_3", "K2", [], "Matrix: rows K2_1 to K2_4")
    assert not is_statement_row("K2b", "K2", ["single"], "Randomise")
    assert not is_statement_row("K3", "K2", ["grid row"], "")
    questions = by_id(compile_document(read_document(_spec_sheet(), "orchard.xlsx")).survey)
    assert questions["P3"].type == "grid"
    assert [r.label for r in questions["P3"].rows] == [
        "Pruning is worth the effort",
        "Frost worries me",
    ]
    assert [r.label for r in questions["P4"].rows] == ["Ladders"]


def test_an_entry_box_placeholder_in_the_answers_cell_is_not_an_answer() -> None:
    assert entry_placeholder("[number box]") == "NUMBER BOX"
    assert entry_placeholder("$ (numeric)") == "NUMERIC BOX"
    assert entry_placeholder("<open text field>") == "OPEN TEXT BOX"
    assert entry_placeholder("Other (open)") is None
    assert entry_placeholder("Pears") is None
    questions = by_id(compile_document(read_document(_spec_sheet(), "orchard.xlsx")).survey)
    assert questions["P2"].type == "number"
    assert questions["P2"].options == []
    assert questions["P2"].validation is not None
    assert questions["P1"].type == "number"
