"""Groups named in words (a section note wholly in brackets, a bold tag or "X only:" before a
question's words, an answer's short name), a "skip if" filter cell, a routing prompt under the
answers and a time clause that is no way out; invented wording, one small case each."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text


def test_bracketed_section_note_and_short_names_of_answers() -> None:
    questions = by_id(
        compile_text(
            """
            # Club survey

            ### Q1 — Did you play this season?

            - [ ] Yes, every month
            - [ ] I joined but stopped (LAPSED)
            - [ ] I never played (NP)

            > Stopped or never played? Skip ahead to Q5.

            ## Part 2 — Players

            *(Q2 to Q4 are for those who played all season — the first answer at Q1.)*

            ### Q2 — Which court did you use most?

            - [ ] Indoor
            - [ ] Outdoor

            ### Q3 — How would you rate the coaching?

            - [ ] Good
            - [ ] Poor

            ### Q4 — How many matches did you play?

            `____`

            ## Part 3 — Others

            *(For members who answered LAPSED or NP at Q1. Players carry on at Part 4.)*

            ### Q5 — What kept you away?

            - [ ] Time
            - [ ] Cost

            ### Q6 — Would a cheaper fee help?

            - [ ] Yes
            - [ ] No
            """,
            name="club.md",
        )
    )
    assert [o.label for o in questions["Q1"].options] == [
        "Yes, every month",
        "I joined but stopped (LAPSED)",
        "I never played (NP)",
    ]
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert questions["Q4"].display_if == "Q1 == '1'"
    assert questions["Q5"].display_if == "Q1 in ['2','3']"
    assert questions["Q6"].display_if == "Q1 in ['2','3']"


def test_group_named_before_the_words_of_a_question() -> None:
    questions = by_id(
        compile_text(
            """
            Q1 Are you a volunteer at the shelter?
                  1 = Yes
                  2 = No

            Q2 Volunteers only: how many hours a week do you give?
                  ______ hours
            """
        )
    )
    assert questions["Q2"].text.startswith("how many hours")
    assert questions["Q2"].display_if == "Q1 == '1'"


def test_bold_group_tags_between_number_and_words(tmp_path: Path) -> None:
    page = tmp_path / "form.html"
    page.write_text(
        """<html><body>
        <p><b>1.</b> Which pass did you buy?</p>
        <ul><li>Season pass [1]</li><li>Single entry [2]</li></ul>
        <p><b>2.</b> <b>Single entries</b> Which day did you come?</p>
        <ul><li>Saturday [1]</li><li>Sunday [2]</li></ul>
        <p><b>3.</b> <b>Walkers only</b> Which trail did you take?</p>
        <ul><li>Ridge [1]</li><li>Valley [2]</li></ul>
        <p><b>4.</b> Did you go walking on the hills?</p>
        <ul><li>Yes [1]</li><li>No [2]</li></ul>
        </body></html>""",
        encoding="utf-8",
    )
    questions = by_id(compile_document(read_path(page)).survey)
    assert questions["Q2"].text == "Which day did you come?"
    assert questions["Q2"].display_if == "Q1 == '2'"
    assert questions["Q3"].text == "Which trail did you take?"


def test_skip_if_cell_in_a_who_sees_it_column(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Q", "Question", "Answer choices", "Type", "Who sees it"])
    sheet.append(["Q1", "Which sports do you play?", "1 Tennis\n2 Golf\n3 None", "Multi", "All"])
    sheet.append(
        [
            "Q2",
            "How often do you play?",
            "1 Weekly\n2 Monthly",
            "Single",
            "Skip if they ticked 3 (none) at Q1",
        ]
    )
    path = tmp_path / "plan.xlsx"
    book.save(path)
    questions = by_id(compile_document(read_path(path)).survey)
    assert questions["Q2"].display_if == "not (Q1 contains '3')"


def test_time_clause_on_the_survey_closing_is_no_screen_out() -> None:
    questions = by_id(
        compile_text(
            """
            1. How likely are you to come again?
               0  1  2  3  4  5  6  7  8  9  10
               Anyone who gives 0-4 here gets a phone call after the survey closes.

            2. What is your postcode?
               ______
            """
        )
    )
    assert questions["Q1"].terminate_if is None


def test_email_asked_for_by_a_verb_of_giving() -> None:
    questions = by_id(
        compile_text(
            """
            1. Would you like news of the summer fair?
               [ ] Yes   [ ] No

            2. Leave your email if you would like the fair programme.
               ________________________
            """
        )
    )
    assert questions["Q2"].type == "email"


def test_slashed_grid_lists_on_lines_of_one_sheet_cell(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Q", "Question", "Answer choices", "Type"])
    sheet.append(
        [
            "Q1",
            "How would you rate each room?",
            "ROWS: Kitchen / Hall / Garden room\nCOLUMNS: 1 Good / 2 Fair / 3 Poor",
            "Grid",
        ]
    )
    path = tmp_path / "rooms.xlsx"
    book.save(path)
    grid = by_id(compile_document(read_path(path)).survey)["Q1"]
    assert [row.label for row in grid.rows] == ["Kitchen", "Hall", "Garden room"]
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "Good"),
        ("2", "Fair"),
        ("3", "Poor"),
    ]
