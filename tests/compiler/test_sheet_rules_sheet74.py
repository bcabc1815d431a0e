"""Spec sheets and interviewer tables: answers slashed with their codes, a scale's bracketed end
words, a part's row naming its run and its group, grey italic notes in a question's cell, a list
named by "use the codes from", a read-back carry and a "write it in full" box. Invented wording."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from docx.shared import RGBColor

from fielder.compiler import compile_document
from fielder.compiler.group_sections import group_only_filter, names_run
from fielder.compiler.slashed_codes import bracketed_end_points, coded_slash_parts
from fielder.documents import read_path
from tests.compiler.conftest import by_id

_HEAD = ["Ref", "Question text", "Type", "Answer options", "Routing / logic"]


def _sheet(tmp_path: Path, rows: list[list[str]]) -> dict:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Harbour ferry users – draft v2"])
    sheet.append([])
    sheet.append(_HEAD)
    for row in rows:
        sheet.append(row)
    book.save(str(tmp_path / "ferry.xlsx"))
    return by_id(compile_document(read_path(tmp_path / "ferry.xlsx")).survey)


def _codes(question: object) -> list[tuple[str, str]]:
    return [(o.code, o.label) for o in question.options]  # type: ignore[attr-defined]


def test_slashed_answers_each_closing_on_a_code_split_even_when_long() -> None:
    assert coded_slash_parts(
        "Every crossing (1) / Most crossings (2) / Cannot say – my partner books them (9)"
    ) == ["Every crossing (1)", "Most crossings (2)", "Cannot say – my partner books them (9)"]
    # near misses: uncoded parts, one part without its code, a date's boxes
    assert coded_slash_parts("Yes / No / Not sure") is None
    assert coded_slash_parts("Weekly (1) / Monthly") is None
    assert coded_slash_parts("__ / __ / ____") is None


def test_a_number_scale_with_bracketed_end_words() -> None:
    points = bracketed_end_points(["1 (Very poor)", "2", "3", "4", "5 (Very good)"])
    assert points == [("1", "Very poor"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "Very good")]
    assert bracketed_end_points(["1", "2", "3"]) is None  # no words: nothing to read
    assert bracketed_end_points(["1 (Poor)", "3", "4"]) is None  # not consecutive
    assert bracketed_end_points(["Yes (1)", "No (2)", "Maybe (3)"]) is None


def test_a_spec_sheet_with_slashed_codes_grid_columns_and_a_scale(tmp_path: Path) -> None:
    questions = _sheet(
        tmp_path,
        [
            [
                "F1",
                "How often is your ferry on time?",
                "Single",
                "Always (1) / Mostly (2) / Rarely (3) / Cannot say – I travel at odd hours (9)",
                "1 or 9 → skip to F3",
            ],
            ["F2", "How many minutes late, on average?", "Numeric", "Whole number, 1–120", ""],
            [
                "F3",
                "How far do you agree with each statement?",
                "Grid (single per row)",
                "Rows:\na) The boats are clean\nb) The crew are helpful\nc) Fares are fair\n"
                "Columns:\nDisagree (1) / Neutral (2) / Agree (3)",
                "",
            ],
            [
                "F4",
                "How likely are you to recommend the ferry to a friend?",
                "Scale 1–7",
                "1 (Very unlikely) / 2 / 3 / 4 / 5 / 6 / 7 (Very likely)",
                "",
            ],
            ["F5", "Why do you say that?", "Open (long)", "", "Show if F4 = 1–3"],
        ],
    )
    assert _codes(questions["F1"]) == [
        ("1", "Always"),
        ("2", "Mostly"),
        ("3", "Rarely"),
        ("9", "Cannot say – I travel at odd hours"),
    ]
    assert questions["F1"].skip_to[0].if_ == "F1 in ['1','9']"
    assert _codes(questions["F3"]) == [("1", "Disagree"), ("2", "Neutral"), ("3", "Agree")]
    assert len(questions["F3"].rows) == 3
    scale = questions["F4"]
    assert _codes(scale)[0] == ("1", "Very unlikely")
    assert _codes(scale)[-1] == ("7", "Very likely")
    assert questions["F5"].display_if == "F4 in ['1','2','3']"


def test_a_title_naming_its_run_and_a_note_on_whom_the_part_is_for() -> None:
    assert names_run("BOOKING (BK1–BK4)")
    assert names_run("Booking (questions 7 to 9)")
    assert not names_run("SATISFACTION (1-5)")  # a scale's range
    assert not names_run("BOOKING (BK4–BK1)")  # no run going forward
    assert not names_run("BOOKING (BK1–Q4)")
    assert group_only_filter("Part for season-ticket holders only (T1 = 1).") == "ASK IF T1 = 1"
    assert (
        group_only_filter("These questions are only for drivers (D2 = 1 or 2). Others go to E1.")
        == "ASK IF D2 = 1 or 2"
    )
    # near misses: nobody left out, a further sentence that is no route, no test
    assert group_only_filter("For the next questions (T1 = 1)") == ""
    assert group_only_filter("For drivers only (D2 = 1). Read slowly.") == ""
    assert group_only_filter("For drivers only") == ""


def test_a_part_row_filters_its_questions_not_the_one_above(tmp_path: Path) -> None:
    questions = _sheet(
        tmp_path,
        [
            ["T1", "Do you hold a season ticket?", "Single", "Yes (1) / No (2)", ""],
            [
                "T2",
                "How long have you used the ferry?",
                "Single",
                "Under a year (1) / Longer (2)",
                "",
            ],
            ["T3", "What made you start?", "Open (long)", "", "Show if T2 = 2"],
            ["TICKETS (TK1–TK2)", "", "", "", "Part for season-ticket holders only (T1 = 1)."],
            ["TK1", "How did you buy it?", "Single", "Online (1) / At the pier (2)", ""],
            ["TK2", "Was it easy?", "Single", "Yes (1) / No (2)", ""],
            ["EX1", "Any other comments?", "Open (long)", "", ""],
        ],
    )
    assert questions["T3"].display_if == "T2 == '2'"
    assert questions["TK1"].display_if == "T1 == '1'"
    assert questions["TK2"].display_if == "T1 == '1'"


def _grey_italic(paragraph: object, text: str) -> None:
    run = paragraph.add_run(text)  # type: ignore[attr-defined]
    run.italic = True
    run.font.color.rgb = RGBColor(0x66, 0x66, 0x66)


def test_grey_italic_enumerator_notes_in_a_question_cell(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    for cell, word in zip(table.rows[0].cells, ["No.", "Question", "Codes", "Skip"], strict=True):
        cell.text = word
    rows = [
        ("H1", "Type of dwelling", "Observe, do not ask.", "1 = House\n2 = Flat\n3 = Shelter", ""),
        (
            "H2",
            "Where do you get drinking water?",
            "Do not read out. More than one answer allowed.",
            "1 = Tap\n2 = Well\n3 = River\n4 = Other (specify)",
            "",
        ),
        (
            "H3",
            "Which source do you use most?",
            "",
            "Use the codes from H2",
            "Only read back the sources mentioned at H2.",
        ),
        ("H4", "Why that one?", "", "Write the answer in full", ""),
    ]
    for ident, words, note, codes, skip in rows:
        cells = table.add_row().cells
        cells[0].text = ident
        cells[1].text = words
        if note:
            _grey_italic(cells[1].add_paragraph(), note)
        cells[2].text = codes
        cells[3].text = skip
    document.save(str(tmp_path / "water.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "water.docx")).survey)
    assert questions["H1"].text == "Type of dwelling"
    assert questions["H2"].text == "Where do you get drinking water?"
    assert questions["H2"].type == "multi"
    assert [o.code for o in questions["H3"].options] == ["1", "2", "3", "4"]
    assert not any(o.specify for o in questions["H3"].options)  # typed in at H2 already
    assert questions["H4"].type == "long_text"
    assert not questions["H4"].options


def test_a_grey_line_is_no_note_when_the_question_is_grey_too(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    for cell, word in zip(table.rows[0].cells, ["No.", "Question", "Codes"], strict=True):
        cell.text = word
    cells = table.add_row().cells
    cells[0].text = "H1"
    first = cells[1].paragraphs[0]
    _grey_italic(first, "How many rooms does the home have?")
    _grey_italic(cells[1].add_paragraph(), "Count the kitchen as a room.")
    cells[2].text = "1 = One\n2 = Two\n3 = Three or more"
    document.save(str(tmp_path / "rooms.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "rooms.docx")).survey)
    assert "Count the kitchen" in questions["H1"].text
