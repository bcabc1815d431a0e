"""Routing and layout met in a twenty-seventh blind batch (an agency's mixed inbox: a
spreadsheet screener, spec tables, margin notes, section filters), one small case each, in
their own invented words."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_document
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _screener() -> dict[str, Question]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    rows = [
        ("Q No.", "Question / answer", "Code", "Routing", "Scripter notes"),
        ("A1", "How many kites do you own?", None, None, "SINGLE CODE"),
        (None, "None", 1, "CLOSE", None),
        (None, "One or two", 2, "CONTINUE", None),
        (None, "Three or more", 3, "GO TO A3", None),
        ("A2", "Which kite shop do you use?", None, None, "SINGLE CODE"),
        (None, "Windy Corner", 1, None, None),
        (None, "Sky Traders", 2, None, None),
        ("A3", "Which of these do you fly? Select all that apply.", None, None, "MULTI CODE"),
        (None, "Box kites", 1, None, None),
        (None, "Stunt kites", 2, None, None),
        (None, "Power kites", 3, None, None),
        (None, "Paper kites", 4, None, None),
        (None, None, None, None, "CLOSE IF NONE OF CODES 2-3 SELECTED (must fly a sport kite)"),
        (
            "A4",
            "What did your best kite cost, in pence?",
            None,
            None,
            "NUMERIC, RANGE 0-1,000,000. CLOSE IF LESS THAN 2,500",
        ),
        ("CLOSE", "Thank you, that is all.", None, None, None),
    ]
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return by_id(compile_document(read_document(out.getvalue(), "kites.xlsx")).survey)


def test_close_in_a_routing_column_screens_out_even_beside_a_close_screen() -> None:
    questions = _screener()
    assert questions["A1"].terminate_if == "A1 == '1'"
    assert [(r.if_, r.to) for r in questions["A1"].skip_to] == [("A1 == '3'", "A3")]


def test_none_of_codes_selected_denies_the_whole_list() -> None:
    assert _screener()["A3"].terminate_if == "not (A3 contains '2' or A3 contains '3')"


def test_amounts_with_thousands_commas_keep_their_size() -> None:
    question = _screener()["A4"]
    assert question.terminate_if == "A4 < 2500"
    assert question.validation is not None
    assert (question.validation.min, question.validation.max) == (0.0, 1000000.0)


def test_a_section_filter_line_reaches_every_question_it_names() -> None:
    questions = by_id(
        compile_text(
            """
            **Q1.** How many bicycles are in your household?

            *Number box, 0–9.*

            ## Section B — Cyclists

            *Section filter: ask Q2 to Q3 only if Q1 is 1 or more. If Q1 = 0, go straight to Q4.*

            **Q2.** How often do you cycle?

            - 1 — Daily
            - 2 — Weekly

            **Q3.** Do you cycle to work?

            - 1 — Yes
            - 2 — No

            **Q4.** Do you own a car?

            - 1 — Yes
            - 2 — No
            """,
            "bikes.md",
        )
    )
    assert questions["Q2"].display_if == "Q1 >= 1"
    assert questions["Q3"].display_if == "Q1 >= 1"
    assert questions["Q4"].display_if is None
    assert questions["Q1"].skip_to == []


def test_a_closing_remark_in_brackets_adds_no_test() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which of these teas do you drink? (multi)
            1 Green
            2 Black
            3 Mint
            97 Other
            99 None of these

            ASK IF any tea coded 1-3 at Q1 (not if only "Other" or "None").
            Q2. How many cups a day?
            1 One
            2 Two or more
            """,
            "tea.txt",
        )
    )
    assert questions["Q2"].display_if == "Q1 contains '1' or Q1 contains '2' or Q1 contains '3'"


def test_a_base_naming_its_question_with_the_test_after_a_dash() -> None:
    questions = by_id(
        compile_text(
            """
            S1. Which markets have you visited? [MULTI CODE]
            Harbour market 1
            Station market 2
            None of these 99

            S2. How old are you?
            Under 30 1
            30 or over 2

            [BASE FOR S3: ALL WHO VISITED THE HARBOUR MARKET IN THE LAST 2 WEEKS – S1 CODE 1]
            S3. How was the harbour market?
            Good 1
            Poor 2

            [ASK IF ANYTHING VISITED AT S1, I.E. S1 NOT = 99]
            S4. Would you go again?
            Yes 1
            No 2
            """,
            "markets.txt",
        )
    )
    assert questions["S3"].display_if == "S1 contains '1'"
    assert questions["S4"].display_if == "not (S1 contains '99')"


def test_a_filter_for_two_named_questions_and_a_bracketed_restatement() -> None:
    questions = by_id(
        compile_text(
            """
            P1. Which of these did you do on your trip? Please tick all that apply.
            01 Visited a museum
            02 Went hiking
            03 Took a boat tour

            Filter for P2 and P3: visited a museum at P1 (code 01). Everyone else continues with P4.

            P2. How many museums did you visit?
            Numeric, 1 to 20.

            P3. Which museum was best?
            01 The art museum
            02 The toy museum

            Filter: outdoors people, i.e. hiked or boated at P1 (P1 = 02 OR P1 = 03).

            P4. How was the weather?
            01 Good
            02 Bad
            """,
            "trip.txt",
        )
    )
    assert questions["P2"].display_if == "P1 contains '01'"
    assert questions["P3"].display_if == "P1 contains '01'"
    assert questions["P4"].display_if == "P1 contains '02' or P1 contains '03'"


def test_an_answer_named_in_words_at_a_named_question() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which of these ferries have you taken? MULTI CODE.
            1 Seahorse
            2 Kittiwake
            3 Puffin
            99 None of these

            BASE: ALL WHO HAVE TAKEN KITTIWAKE AT Q1
            Q2. How comfortable was the crossing?
            1 Very
            2 Not very
            """,
            "ferries.txt",
        )
    )
    assert questions["Q2"].display_if == "Q1 contains '2'"


def test_a_rank_box_after_each_item_is_no_part_of_its_label() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Please rank these toppings, where 1 = favourite.
            1\tCheese\tRank ___
            2\tOlives\tRank ___
            3\tPeppers\tRank ___

            Q2. Would you order again?
            1\tYes
            2\tNo
            """,
            "pizza.txt",
        )
    )
    assert [o.label for o in questions["Q1"].options] == ["Cheese", "Olives", "Peppers"]


def test_a_margin_note_by_a_named_colleague_gives_a_base_after_ie() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. How did you travel here?
            1 By train
            2 By bus
            3 By bike

            Q2. Was your train on time?
            1 Yes
            2 No
            Margin note (R. Lund): only people who came by rail, i.e. Q1 = By train.
            """,
            "travel.txt",
        )
    )
    assert questions["Q2"].display_if == "Q1 == '1'"


def test_a_lower_case_exclusive_tag_in_its_own_column() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which of these apps do you use? Please tick all that apply.
            01\tMapper
            02\tRouter
            99\tNone of these\texclusive
            """,
            "apps.txt",
        )
    )
    assert questions["Q1"].options[-1].label == "None of these"
    assert questions["Q1"].options[-1].exclusive


def test_things_done_more_than_once_do_not_make_a_multi() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Why did you visit more than one garden centre?
            1 To compare prices
            2 To find a rare plant
            """,
            "garden.txt",
        )
    )
    assert questions["Q1"].type == "single"


def test_a_screen_named_with_its_kind_keeps_its_name() -> None:
    questions = by_id(
        compile_text(
            """
            <h3>INTRO <span class="type">TEXT SCREEN</span></h3>
            <p>Welcome, and thank you for joining our picnic survey.</p>
            <h3>Q1 <span class="type">SINGLE</span></h3>
            <p>Did you enjoy the picnic?</p>
            <table><tr><td>1</td><td>Yes</td></tr><tr><td>2</td><td>No</td></tr></table>
            """,
            "picnic.html",
        )
    )
    assert "INTRO" in questions
    assert questions["INTRO"].type == "display"


def test_an_open_box_named_in_an_answers_cell_is_the_type() -> None:
    questions = by_id(
        compile_text(
            """
            | No. | Question | Answers | Base |
            |---|---|---|---|
            | Q1 | Do you like soup? | 1 = Yes<br>2 = No | All |
            | Q2 | What do you like about soup? | OPEN – LARGE BOX | Q1 = 1 |
            """,
            "soup.md",
        )
    )
    assert questions["Q2"].type == "long_text"
    assert questions["Q2"].options == []
    assert questions["Q2"].display_if == "Q1 == '1'"
