"""unseen13 rules (u13a): conventions of spec sheets, routing boxes and postal forms,
tested with invented questionnaires."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.captioned_boxes import captioned_box_notes
from fielder.compiler.check_boxes import check_box_routes
from fielder.compiler.entry_placeholders import entry_placeholder
from fielder.compiler.grid_sub_rows import is_statement_row
from fielder.compiler.lines import split_text
from fielder.compiler.sheet_heads import expand_question_abbreviation
from fielder.documents import read_document
from tests.compiler.conftest import by_id
from tests.documents.pdf_build import make_pdf, text_ops


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


_DATE_BOXES = "DAY |__|__| MONTH |__|__| YEAR |__|__|__|__|"


def _interview_table_pdf() -> bytes:
    """A ruled interview table: answers one per line with dot leaders, arrows in a SKIP column."""
    widths = [40.0, 220.0, 200.0, 60.0]
    heights = [20.0, 50.0, 40.0, 40.0, 40.0]
    cells = [
        [["NO."], ["QUESTIONS AND FILTERS"], ["CODING CATEGORIES"], ["SKIP"]],
        [
            ["K1"],
            ["Does anyone here keep bees?"],
            ["YES ................ 1", "NO .................. 2", "NOT SURE ......... 8"],
            ["", "-> K3"],
        ],
        [["K2"], ["How many hives are kept?"], ["HIVES |__|__| (1-40)"], [""]],
        [["K3"], ["When was the last harvest?"], [_DATE_BOXES], [""]],
        [["K4"], ["Did the hives swarm this year?"], ["YES ....... 1", "NO ........ 2"], [""]],
    ]  # fmt: skip
    ops: list[str] = []
    top = 800.0
    for height, row in zip(heights, cells, strict=True):
        left = 40.0
        for width, lines in zip(widths, row, strict=True):
            ops.append(f"{left} {top - height} {width} {height} re S\n")
            for number, line in enumerate(lines):
                if line:
                    ops.append(text_ops(left + 3, top - 12 - 12 * number, line, size=9))
            left += width
        top -= height
    return make_pdf(["".join(ops)])


def test_dot_leader_answers_in_a_pdf_table_keep_their_lines_and_the_skip_arrow_its_answer() -> None:
    questions = by_id(compile_document(read_document(_interview_table_pdf(), "bees.pdf")).survey)
    keep = questions["K1"]
    assert [(o.code, o.label) for o in keep.options] == [
        ("1", "YES"),
        ("2", "NO"),
        ("8", "NOT SURE"),
    ]
    assert [(s.if_, s.to) for s in keep.skip_to] == [("K1 == '2'", "K3")]


def test_a_captioned_row_of_digit_boxes_is_the_entry_box_with_its_range() -> None:
    assert captioned_box_notes("WEIGHT IN KG |__|__|.|__| (0.5-9.9)") == [
        "NUMERIC",
        "RANGE 0.5-9.9",
    ]
    assert captioned_box_notes("DD |__|__| MM |__|__| YYYY |__|__|__|__|") == ["DATE"]
    assert captioned_box_notes("YES ..... 1") is None
    questions = by_id(compile_document(read_document(_interview_table_pdf(), "bees.pdf")).survey)
    assert questions["K2"].type == "number"
    assert questions["K2"].options == []
    assert questions["K2"].validation is not None
    assert (questions["K2"].validation.min, questions["K2"].validation.max) == (1, 40)
    assert questions["K3"].type == "date"


def test_a_check_box_row_gives_a_skip_for_each_branch_with_a_condition_and_a_go_to() -> None:
    text = "CHECK H4: NO GOATS (H4 = 0) -> GO TO H7   ONE OR MORE GOATS -> CONTINUE WITH H5"
    assert check_box_routes(text) == ["IF H4 = 0 GO TO H7"]
    boxed = "CHECK H9: [ ] HAS A WELL (H9 = 1) -> CONTINUE   [ ] NO WELL (H9 = 2) -> SKIP TO J1"
    assert check_box_routes(boxed) == ["IF H9 = 2 GO TO J1"]
    assert check_box_routes("Check the meter before you start (M1 = 0) -> GO TO M4") is None


def test_trailing_capitals_with_a_condition_or_boxes_are_an_instruction() -> None:
    kept, notes = split_text("Who owns the boat? IF THE OWNER IS PRESENT (B3 = 1), DO NOT ASK.")
    assert kept.strip() == "Who owns the boat?"
    assert notes == ["IF THE OWNER IS PRESENT (B3 = 1), DO NOT ASK."]
    kept, notes = split_text("That is the end of the visit. NOTE THE FINISH TIME: |__|__|")
    assert kept.strip() == "That is the end of the visit."
