"""Conventions from unseen30 (healthcare research agencies and device makers): "one answer per
question unless …" over check boxes, a group's name before a section's base line, end words
over a row of numbers in a two-row table, answers named with their code in brackets ("IF NUTS
(CODE 2) AT Q6", "IF SPORT = ROWING (CODE 1) ASK"), one code at several questions ("… (CODE 1)
AT Q1, Q2 OR Q3"), coding-frame and version-log sheets, and "STATEMENTS (ROWS):" in a sheet."""

from __future__ import annotations

import io

import docx
import docx.shared
import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id, compile_text


def test_one_answer_unless_header_outranks_square_boxes() -> None:
    survey = by_id(
        compile_text(
            """Notes: one answer per question unless the question says 'Select all that apply'.
K1 Which boat do you sail?
☐ Dinghy (1)
☐ Keelboat (2)
☐ Both (3)
K2 Which waters have you sailed? Select all that apply.
☐ Lake (1)
☐ Estuary (2)
☐ Open sea (3)
K3 Would you sail again?
○ Yes (1)
○ No (2)
"""
        )
    )
    # round and square marks would say K1 takes several; the header says one
    assert survey["K1"].type == "single"
    assert survey["K2"].type == "multi"
    assert survey["K3"].type == "single"


def test_group_named_before_the_base_line_under_a_heading() -> None:
    survey = by_id(
        compile_text(
            """## Part A – Your boat
K1 Which boat do you sail?
1 Dinghy
2 Keelboat
3 Both
## Part B – Dinghy
DINGHY SAILORS ONLY. BASE: ALL WHO SAIL A DINGHY (K1 = 1 OR 3)
B1 How often do you capsize?
1 Often
2 Rarely
B2 Do you race it?
1 Yes
2 No
""",
            "q.md",
        )
    )
    assert survey["B1"].display_if == "K1 in ['1','3']"
    assert survey["B2"].display_if == "K1 in ['1','3']"


def _scale_table_doc() -> bytes:
    document = docx.Document()
    document.add_paragraph("P1. How likely are you to join the rowing club again?")
    table = document.add_table(rows=2, cols=11)
    table.rows[0].cells[0].text = "Not at all likely"
    table.rows[0].cells[10].text = "Extremely likely"
    for point in range(11):
        table.rows[1].cells[point].text = str(point)
    document.add_paragraph("P2. What is your age?")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_end_words_over_a_row_of_numbers_is_a_scale() -> None:
    survey = by_id(compile_document(read_document(_scale_table_doc(), "club.docx")).survey)
    question = survey["P1"]
    assert question.type == "scale"
    codes = [(o.code, o.label) for o in question.options]
    assert codes[0] == ("0", "Not at all likely")
    assert codes[-1] == ("10", "Extremely likely")


def test_answer_named_with_its_code_in_brackets() -> None:
    survey = by_id(
        compile_text(
            """S2. What is your main sport?
1 Rowing
2 Sailing
3 Track cycling
4 Road cycling
S3. Which clubs have you joined? MULTI CODE
1 Red
2 Blue
3 Green
S4. [IF SPORT = TRACK CYCLING (CODE 3) ASK] How many races a year?
NUMBER
S5. [IF SPORT = TRACK CYCLING (CODE 3) OR ROAD CYCLING (CODE 4) ASK] How many bikes?
NUMBER
IF BLUE (CODE 2) AT S3:
S6. How often do you train with Blue?
NUMBER
S7. [IF ROWER (S2 = 1) ASK:] How long is your boat?
NUMBER
"""
        )
    )
    # the topic word names S2, whose answers carry the codes: not the question before (S3)
    assert survey["S4"].display_if == "S2 == '3'"
    assert survey["S5"].display_if == "S2 in ['3','4']"
    assert survey["S6"].display_if == "S3 contains '2'"
    assert survey["S7"].display_if == "S2 == '1'"


def test_one_code_at_several_questions() -> None:
    survey = by_id(
        compile_text(
            """Q1. Which bakery comes to mind first?
1 Crumb & Co
2 Loafers
Q2. Which others have you heard of? MULTI CODE
1 Crumb & Co
2 Loafers
Q3. Which have you visited? MULTI CODE
1 Crumb & Co
2 Loafers
Q4. Which have you visited this month? MULTI CODE
1 Crumb & Co
2 Loafers
Q5. [IF AWARE OF CRUMB (CRUMB & CO, CODE 1) AT Q1, Q2 OR Q3] How do you rate it?
1 Poor
2 Good
Q6. [IF AWARE OF CRUMB (CRUMB & CO, CODE 1) AT Q1 OR Q2 AND NOT LATELY (Q4 CODE 1 NOT SELECTED)]
Why not lately?
1 Price
2 Distance
"""
        )
    )
    assert survey["Q5"].display_if == "Q1 == '1' or Q2 contains '1' or Q3 contains '1'"
    six = survey["Q6"].display_if or ""
    assert "Q1 == '1'" in six
    assert "Q2 contains '1'" in six
    assert "not (Q4 contains '1')" in six


def _ask_after_doc() -> bytes:
    document = docx.Document()
    for text in ["A1. Which is your role?", "1 Coach", "2 Umpire", "3 Player"]:
        document.add_paragraph(text)
    document.add_paragraph("A2. Why do you play?")
    document.add_paragraph("______")
    note = document.add_paragraph().add_run("IF ROLE = PLAYER (A1 CODE 3) ASK.")
    note.italic = True
    note.font.color.rgb = docx.shared.RGBColor(0x80, 0x80, 0x80)
    for text in ["A3. Which position do you play?", "1 Forward", "2 Back"]:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_filter_ending_in_ask_alone_above_a_question_is_that_question_s() -> None:
    survey = by_id(compile_document(read_document(_ask_after_doc(), "roles.docx")).survey)
    # under A2's answer box, yet it closes on its ask: the filter of the question after it
    assert survey["A2"].display_if is None
    assert survey["A3"].display_if == "A1 == '3'"


def _tracker_book() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Questionnaire"
    sheet.append(["Q No.", "Question", "Code", "Answer", "Type", "Base / routing"])
    sheet.append(
        ["G1", "How much do you agree with each statement about Fernby?", None, None, "GRID", None]
    )
    sheet.append([None, None, None, "STATEMENTS (ROWS):"])
    sheet.append([None, None, None, "a. Tastes fresh"])
    sheet.append([None, None, None, "b. Is good value"])
    sheet.append([None, None, None, "SCALE (COLUMNS):"])
    sheet.append([None, None, 1, "Disagree"])
    sheet.append([None, None, 2, "Neutral"])
    sheet.append([None, None, 3, "Agree"])
    sheet.append(["G2", "In which county do you live?", None, None, "DROPDOWN", None])
    sheet.append([None, None, 1, "Northshire"])
    sheet.append([None, None, 2, "Southmoor"])
    brands = book.create_sheet("Brand list")
    brands.append(["Code", "Brand", "Maker"])
    brands.append([1, "Fernby", "Client"])
    brands.append([2, "Oakly", "Rival"])
    log = book.create_sheet("Version log")
    log.append(["Version", "Change"])
    log.append(["W2 v1", "G2 added"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_sheet_grid_parts_and_reference_sheets() -> None:
    survey = by_id(compile_document(read_document(_tracker_book(), "tracker.xlsx")).survey)
    grid = survey["G1"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == ["Tastes fresh", "Is good value"]
    # the coding frame and the version log after the questions are no answers of G2
    assert survey["G2"].type == "dropdown"
    assert [o.label for o in survey["G2"].options] == ["Northshire", "Southmoor"]
