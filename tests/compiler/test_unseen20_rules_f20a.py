"""Conventions of questionnaires laid out as spec tables (unseen20, fix f20a), one small case
each, in invented words: a routing table after each section, a spreadsheet spec's base column
and routing on the answer rows, and a PDF spec table whose answer cells list coded lines."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.row_letters import without_row_letters
from fielder.documents import read_document
from fielder.documents.readers.grid_tables import find_grid_tables
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text
from tests.documents.pdf_build import make_pdf, text_ops

_ROUTED_SECTIONS = """\
K1  Do you own a boat?
      1  Yes
      2  No
      3  Not any more

K2  What kind of boat is it?
      1  Sailing boat
      2  Motor boat
      9  Not sure

K3  Where do you keep it?
      1  A marina
      2  At home

K4  How long is it, in metres?
    [NUMBER 1-40]

ROUTING - PART K
+-------+----------------------------+-----------------------------+
| Q     | Condition                  | Action                      |
+-------+----------------------------+-----------------------------+
| K1    | K1 = 3 (sold it)           | Terminate                   |
| K2-K4 | Filter: K1 = 1 (owners)    | Everyone else goes to L1    |
| K2    | K2 = 9                     | Skip K3, go to K4           |
| K4    | Only if K3 = 1             | Ask K4, otherwise go to L1  |
+-------+----------------------------+-----------------------------+

L1  Do you sail with a club?
      1  Yes
      2  No

L2  How often do you sail?
      1  Weekly
      2  Monthly
      3  Less often

L3  Which club is it?
    [SHORT TEXT]

M1  How old are you?
    [NUMBER 16-99]

ROUTING - PART L
+-------+----------------------------+-----------------------------+
| Q     | Condition                  | Action                      |
+-------+----------------------------+-----------------------------+
| L2    | IF CODE 2-3                | GO TO PART M                |
+-------+----------------------------+-----------------------------+
"""


def test_routing_table_after_a_section_routes_the_questions_it_names() -> None:
    survey = by_id(
        compile_text(_ROUTED_SECTIONS.replace("\nM1  How old", "\nPART M\n\nM1  How old"))
    )
    assert survey["K1"].terminate_if == "K1 == '3'"
    assert survey["K2"].display_if == "K1 == '1'"
    assert [(s.if_, s.to) for s in survey["K2"].skip_to] == [("K2 == '9'", "K4")]
    assert survey["K3"].display_if == "K1 == '1'"
    assert survey["K4"].display_if == "K1 == '1' and K3 == '1'"
    assert [(s.if_, s.to) for s in survey["L2"].skip_to] == [("L2 in ['2','3']", "M1")]
    # the tables and their captions are no questions and leave no answers behind
    assert [o.label for o in survey["K4"].options] == []
    assert survey["L1"].display_if is None


def _spec_sheet() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Spec"
    sheet.append(["Q no.", "Question text", "Code", "Answer label", "Type", "Base", "Routing"])
    sheet.append(["intro", "Welcome to the allotment survey.", None, None, "TEXT", "All"])
    sheet.append(["A1", "Do you rent a plot?", "1", "Yes, one plot", "SINGLE", "All"])
    sheet.append(["A1", None, "2", "Yes, two plots"])
    sheet.append(["A1", None, "3", "No"])
    sheet.append(["A2", "What do you grow most?", "1", "Vegetables", "SINGLE", "A1=1,2", "→ A4"])
    sheet.append(["A2", None, "2", "Fruit"])
    sheet.append(["A2", None, "3", "Flowers"])
    sheet.append(["A3", "Why flowers?", None, None, "OPEN", "A1=1 & A2=3"])
    sheet.append(["A4", "May we write to you again?", "1", "Yes", "SINGLE", "All"])
    sheet.append(["A4", None, "2", "No", None, None, "→ end"])
    sheet.append(["A5", "Your email address, please.", None, None, "EMAIL", "All"])
    sheet.append(["end", "Thank you, that is all.", None, None, "TEXT", "All"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_spec_sheet_base_column_and_routing_on_answer_rows() -> None:
    survey = by_id(compile_document(read_document(_spec_sheet(), "plots.xlsx")).survey)
    # "Base" holds whom the question is asked; "All" is everyone
    assert survey["A1"].display_if is None
    assert survey["A2"].display_if == "A1 in ['1','2']"
    # "&" joins two tests
    assert survey["A3"].display_if == "A1 == '1' and A2 == '3'"
    # an arrow on the question's first row, which holds code 1, routes that answer
    assert [(s.if_, s.to) for s in survey["A2"].skip_to] == [("A2 == '1'", "A4")]
    # "→ end" where the spec has a screen named "end" goes to that screen
    assert survey["A4"].terminate_if is None
    assert [(s.if_, s.to) for s in survey["A4"].skip_to] == [("A4 == '2'", "end")]


def test_arrow_to_end_without_an_end_screen_still_screens_out() -> None:
    book = openpyxl.load_workbook(io.BytesIO(_spec_sheet()))
    book.active.delete_rows(book.active.max_row)  # no "end" screen
    out = io.BytesIO()
    book.save(out)
    survey = by_id(compile_document(read_document(out.getvalue(), "plots.xlsx")).survey)
    assert survey["A4"].terminate_if == "A4 == '2'"
    assert survey["A4"].skip_to == []


def _spec_table_pdf() -> bytes:
    """A ruled 3-column spec table whose answer cell lists one coded answer per line."""
    widths, left, top, height = [60.0, 220.0, 230.0], 40.0, 780.0, 80.0
    ops = []
    rows = [
        (["Q", "Question wording", "Answer list"], 20.0),
        (["Q1", "How did you travel here today?", ""], height),
    ]
    y = top
    for cells, row_height in rows:
        x = left
        for width, cell in zip(widths, cells, strict=True):
            ops.append(f"{x} {y - row_height} {width} {row_height} re S\n")
            if cell:
                ops.append(text_ops(x + 3, y - 14, cell, size=10))
            x += width
        y -= row_height
    answers = ["1 On foot", "2 By bicycle", "3 By bus or tram", "4 By car"]
    for place, answer in enumerate(answers):
        ops.append(text_ops(left + 283, top - 20 - 14 - 14 * place, answer, size=10))
    return make_pdf(["".join(ops)])


def test_pdf_answer_cell_keeps_one_coded_answer_per_line() -> None:
    document = read_document(_spec_table_pdf(), "spec.pdf")
    table = next(b for b in document.blocks if b.kind == "table")
    assert table.rows[1][2].text == "1 On foot\n2 By bicycle\n3 By bus or tram\n4 By car"
    survey: dict[str, Question] = by_id(compile_document(document).survey)
    assert [(o.code, o.label) for o in survey["Q1"].options] == [
        ("1", "On foot"),
        ("2", "By bicycle"),
        ("3", "By bus or tram"),
        ("4", "By car"),
    ]


def test_spec_cells_rows_after_bare_letters_a_middle_range_and_a_total_after_must_equal() -> None:
    rows = [
        ["Q no.", "Question text", "Answer list", "Notes"],
        [
            "Q1",
            "How would you rate each part of the museum?",
            "ROWS:\na Entrance hall\nb Cafe\nc Shop\nCOLUMNS:\n1 Poor\n2 Fair\n3 Good",
            "Grid - one answer per row.",
        ],
        [
            "Q2",
            "How useful was the audio guide?",
            "1 = Not useful\n2 – 5 (no labels)\n6 = Very useful",
            "Scale 1–6.",
        ],
        [
            "Q3",
            "Share 20 stars between these rooms.",
            "1 Dinosaurs\n2 Space\n3 Oceans",
            "Constant sum. Total must = 20.",
        ],
    ]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    survey = by_id(compile_document(read_document(out.getvalue(), "museum.xlsx")).survey)
    assert [r.label for r in survey["Q1"].rows] == ["Entrance hall", "Cafe", "Shop"]
    assert [(o.code, o.label) for o in survey["Q2"].options] == [
        ("1", "Not useful"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", "5"),
        ("6", "Very useful"),
    ]
    assert survey["Q2"].type == "scale"
    assert survey["Q3"].total == 20


def test_row_letters_are_dropped_only_when_they_count_in_order() -> None:
    assert without_row_letters(["a Lamps", "b Chairs"]) == ["Lamps", "Chairs"]
    # "A lamp" / "I chair": words, not counting letters
    assert without_row_letters(["A lamp", "I chair"]) == ["A lamp", "I chair"]


def test_drawn_table_whose_body_lines_open_on_keys_is_one_row_a_line() -> None:
    text = (
        "+------+--------------+\n"
        "| Q    | Action       |\n"
        "+------+--------------+\n"
        "| R1   | Go to R3     |\n"
        "| R2   | Terminate    |\n"
        "+------+--------------+\n"
    )
    table = find_grid_tables(text.split("\n"))[0]
    assert table.rows == [["Q", "Action"], ["R1", "Go to R3"], ["R2", "Terminate"]]
    # a question wrapped over two lines in one row stays one row
    wrapped = text.replace("| R2   | Terminate    |", "|      | and stop     |")
    assert find_grid_tables(wrapped.split("\n"))[0].rows[1] == ["R1", "Go to R3 and stop"]
