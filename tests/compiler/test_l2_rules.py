"""Grids and sentences the compiler used to read as single questions or as answers: a sentence
set in under the ask before a coded list, `ROWS   COLUMNS` side by side, statements coded by
letter or `R1` in a sheet, a scale key over short headings over coded rows (one wrapped), a
question's own scale sentence wrapped mid-line, lettered item rows under a census-table
question, and a consent statement read to the respondent."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text


def test_a_sentence_set_in_under_the_ask_before_coded_answers_is_its_text() -> None:
    survey = by_id(
        compile_text(
            """
            K1  Roughly how do you split your weekend between these?
                Your shares should come to the whole weekend.
                  1  Gardening
                  2  Baking
                  3  Cycling

            K2  Which cheese do you buy most?
                  1  Cheddar
                  2  Brie
            """
        )
    )
    assert survey["K1"].text.endswith("Your shares should come to the whole weekend.")
    assert [o.code for o in survey["K1"].options] == ["1", "2", "3"]


def test_rows_and_columns_written_side_by_side_form_a_grid() -> None:
    survey = by_id(
        compile_text(
            """
            P3  How would you rate the ferry on each of these?
                ROWS                                COLUMNS
                a  Punctual departures              1  Awful
                b  Comfortable seats                2  Middling
                c  Tasty snacks                     3  Great
                                                    9  Can't say

            P4  Will you sail again?
                  1  Yes
                  2  No
            """
        )
    )
    grid = survey["P3"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == [
        "Punctual departures",
        "Comfortable seats",
        "Tasty snacks",
    ]
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "Awful"),
        ("2", "Middling"),
        ("3", "Great"),
        ("9", "Can't say"),
    ]
    assert survey["P4"].type == "single"


def _sheet(path: Path, codes: list[object]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Q no.", "Question text", "Code", "Answer label", "Type"])
    labels = ["Tidy lockers", "Warm showers", "Quiet corners", "Hate it", "So-so", "Love it"]
    for place, (code, label) in enumerate(zip(codes, labels, strict=True)):
        ask = "How do you feel about each of these at the lido?" if place == 0 else None
        sheet.append(["L4", ask, code, label, "GRID" if place == 0 else None])
    sheet.append(["L5", "Anything else?", None, None, "OPEN"])
    book.save(str(path))


def test_sheet_statements_coded_by_row_or_letter_before_the_scale_are_grid_rows(
    tmp_path: Path,
) -> None:
    cases: list[tuple[str, list[object]]] = [
        ("rows.xlsx", ["R1", "R2", "R3", 1, 2, 3]),
        ("letters.xlsx", ["a", "b", "c", 1, 2, 3]),
    ]
    for name, codes in cases:
        _sheet(tmp_path / name, codes)
        grid = by_id(compile_document(read_path(tmp_path / name)).survey)["L4"]
        assert grid.type == "grid", name
        assert [r.label for r in grid.rows] == ["Tidy lockers", "Warm showers", "Quiet corners"]
        assert [(o.code, o.label) for o in grid.options] == [
            ("1", "Hate it"),
            ("2", "So-so"),
            ("3", "Love it"),
        ]


def test_a_scale_key_over_short_headings_over_coded_rows_is_a_grid() -> None:
    survey = by_id(
        compile_text(
            """
            Q4. I will read some things people say about their allotment.
                (READ OUT EACH ONE)

                CODES:  1 = Every week   2 = Now and then   3 = Never
                        8 = Not sure

                                                           Week  Now  Never  NS
                a) I pick my own beans                       1     2     3    8
                b) I share tools with a neighbour            1     2     3    8
                c) I stay until it gets dark on summer
                   evenings                                  1     2     3    8

            Q5. Do you keep bees?
                  Yes ..... 1
                  No ...... 2
            """
        )
    )
    grid = survey["Q4"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == [
        "I pick my own beans",
        "I share tools with a neighbour",
        "I stay until it gets dark on summer evenings",
    ]
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "Every week"),
        ("2", "Now and then"),
        ("3", "Never"),
        ("8", "Not sure"),
    ]


def test_a_questions_own_scale_sentence_wrapped_mid_line_stays_with_it() -> None:
    survey = by_id(
        compile_text(
            """
            Q3. All in all, how pleased are you with the way the market stalls were laid
                out this year? Please use a scale of 1 to 5, where 1 is not at all
                pleased and 5 is very pleased.

                  1 = Not at all pleased
                  2
                  3
                  4
                  5 = Very pleased

            Q4. Which stall did you visit first?
            """
        )
    )
    assert survey["Q3"].text.endswith("where 1 is not at all pleased and 5 is very pleased.")
    assert [o.code for o in survey["Q3"].options] == ["1", "2", "3", "4", "5"]
    assert survey["Q4"].options == []


def test_lettered_item_rows_under_a_census_question_share_its_points(tmp_path: Path) -> None:
    document = docx.Document()
    rows = [
        ("NO.", "QUESTIONS AND FILTERS", "CODING CATEGORIES"),
        ("301", "On how many of the last 4 weeks did anyone here use these?", "NUMBER OF WEEKS"),
        ("", "a. A bicycle", "0 1 2 3 4"),
        ("", "b. A canoe", "0 1 2 3 4"),
        ("", "c. A tractor", "0 1 2 3 4"),
        ("302", "Does the household own a radio?", "YES\t1\nNO\t2"),
    ]
    table = document.add_table(rows=len(rows), cols=3)
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.save(str(tmp_path / "census.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "census.docx")).survey)
    grid = questions["Q301"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == ["A bicycle", "A canoe", "A tractor"]
    assert [o.code for o in grid.options] == ["0", "1", "2", "3", "4"]
    assert [o.code for o in questions["Q302"].options] == ["1", "2"]


def test_a_statement_read_to_the_respondent_is_a_screen() -> None:
    # the statement on one line, as in a table cell
    words = "Hello, my name is ______ and I am from the river trust. It takes ten minutes."
    survey = by_id(
        compile_text(
            f"""
            S0. CONSENT STATEMENT – READ TO THE RESPONDENT: {words}

            S1. May we begin?
                Yes ..... 1
                No ...... 2
            """
        )
    )
    assert survey["S0"].type == "display"  # the blank is the interviewer's name, no answer
    assert survey["S1"].type == "single"


def test_a_sections_lettered_screens_and_a_date_fed_in() -> None:
    survey = by_id(
        compile_text(
            """
            KINTRO\tNext some questions about fishing between [START DATE] and [END DATE].
            K1.\tHow many trips did you make?
            K2.\tWho answered?
            1\tSelf
            2\tProxy
            KEND\tThank you. That is all about fishing.
            """
        )
    )
    assert list(survey) == ["KINTRO", "K1", "K2", "KEND"]
    assert survey["KINTRO"].type == "display"
    assert survey["KINTRO"].text.endswith("between [START DATE] and [END DATE].")
    assert survey["KEND"].type == "display"


def test_an_interviewer_coded_note_under_a_questions_own_ask_keeps_the_question() -> None:
    survey = by_id(
        compile_text(
            """
            H4. Who gave the answers in this part?
            [INTERVIEWER OBSERVATION - DO NOT ASK. CODE ONE.]
            1\tThe angler
            2\tA relative
            H5. Anything else?
            """
        )
    )
    assert [o.label for o in survey["H4"].options] == ["The angler", "A relative"]


def test_a_boxed_grid_row_wrapped_onto_the_line_with_its_boxes() -> None:
    survey = by_id(
        compile_text(
            """
            Q2. How was each of these? Put one X on each line.

                                                 Great  Fine  Poor
                a) The tea at the kiosk           [ ]    [ ]   [ ]
                b) The guide who told us about
                   the old mill                   [ ]    [ ]   [ ]
                c) The car park                   [ ]    [ ]   [ ]
            """
        )
    )
    assert [r.label for r in survey["Q2"].rows] == [
        "The tea at the kiosk",
        "The guide who told us about the old mill",
        "The car park",
    ]


def test_a_footer_under_the_last_comment_box_is_no_answer_nor_its_type() -> None:
    survey = by_id(
        compile_text(
            """
            Q8. Is there anything else you would like to say?

                ____________________________________________
                ____________________________________________

            ---------------------------------------------------------------
            Thank you! Just press Send.

            Mill Street Pottery, 3 Canal Row
            Visitor card - email version 4 (June 2026)
            """
        )
    )
    assert survey["Q8"].type == "long_text"
    assert survey["Q8"].options == []


def test_an_answer_with_a_colon_before_its_box_and_code_asks_for_words() -> None:
    survey = by_id(
        compile_text(
            """
            Q7\tWhich best describes you?
            Angler\t☐ 1
            Walker\t☐ 2
            Something else:\t☐ 3
            Q8\tHow old are you?
            """
        )
    )
    assert [(o.label, o.specify) for o in survey["Q7"].options] == [
        ("Angler", False),
        ("Walker", False),
        ("Something else", True),
    ]


def test_a_multis_last_answer_not_doing_what_it_asks_stands_alone() -> None:
    survey = by_id(
        compile_text(
            """
            Q3. How did you book the ferry? [MULTI CODE]
            Online\t1
            By phone\t2
            At the port\t3
            I did not book it\t4
            Q4. How was the crossing?
            Calm\t1
            Rough\t2
            """
        )
    )
    assert [o.exclusive for o in survey["Q3"].options] == [False, False, False, True]


def test_empty_brackets_left_by_a_note_leave_a_grid_row() -> None:
    survey = by_id(
        compile_text(
            """
            Q2. How good was each of these?

            |                    | Good | Poor |
            |--------------------|------|------|
            | The tea ([NEW])    |      |      |
            | The cake           |      |      |

            Q3. Anything else?
            """,
            "q.md",
        )
    )
    grid = survey["Q2"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == ["The tea", "The cake"]
