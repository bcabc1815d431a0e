"""General conventions met in a second blind batch of questionnaires, one small case each
(written in their own words, not taken from any fixture)."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text


@pytest.mark.parametrize("separator", ["·", "•", "|"])
def test_an_id_set_apart_by_a_middle_dot_or_bullet(separator: str) -> None:
    survey = compile_text(
        f"""
        ## K4 {separator} Which ferry did you take this morning?

        - Red line
        - Blue line

        ## K5 {separator} How crowded was the deck?

        - Very
        - Not at all
        """,
        "spec.md",
    )
    questions = by_id(survey)
    assert list(questions) == ["K4", "K5"]
    assert questions["K4"].text == "Which ferry did you take this morning?"


def test_a_number_a_gap_away_from_a_question_labels_it() -> None:
    survey = compile_text(
        "1\tWhich bus did you catch today?\n1\tThe 12\n2\tThe 40\n\n"
        "2  Did it leave on time?\n1\tYes\n2\tNo\n"
    )
    questions = by_id(survey)
    assert list(questions) == ["Q1", "Q2"]
    assert [o.label for o in questions["Q1"].options] == ["The 12", "The 40"]


def test_item_column_numbers_questions_and_codes_column_holds_answers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Visitor log – fill in one page per visit"])
    sheet.append(["Item", "Question", "Answer format", "Codes", "Go to"])
    sheet.append(["V1", "How did you travel here?", "PICK ONE", "1=Bus; 2=Car; 3=Foot", ""])
    sheet.append(["V2", "Did you eat in the café?", "PICK ONE", "1=Yes; 2=No", "2 → V4"])
    sheet.append(["V3", "How much did you spend there?", "NUMBER, pounds (0–80)", "", ""])
    sheet.append(["V4", "Which room did you like best?", "FREE TEXT", "", ""])
    book.save(str(tmp_path / "log.xlsx"))
    questions = by_id(compile_document(read_path(tmp_path / "log.xlsx")).survey)
    assert list(questions) == ["V1", "V2", "V3", "V4"]
    assert [(o.code, o.label) for o in questions["V1"].options] == [
        ("1", "Bus"),
        ("2", "Car"),
        ("3", "Foot"),
    ]
    assert questions["V3"].type == "number"
    assert [(r.if_, r.to) for r in questions["V2"].skip_to] == [("V2 == '2'", "V4")]


def test_coding_categories_column_other_with_blank_and_digit_boxes(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    rows = [
        ("NO.", "QUESTIONS", "CODING CATEGORIES"),
        (
            "201",
            "What is the roof of the main building made of?",
            "TILES\t1\nMETAL SHEET\t2\nTHATCH\t3\nOTHER (SPECIFY) ______\t6",
        ),
        ("202", "How far away is the nearest market?", "KILOMETRES . . . . [__|__]"),
    ]
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.save(str(tmp_path / "hh.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "hh.docx")).survey)
    assert [o.code for o in questions["Q201"].options] == ["1", "2", "3", "6"]
    assert questions["Q201"].options[-1].specify
    assert questions["Q201"].options[-1].label == "OTHER (SPECIFY)"  # capitals: its wording
    assert questions["Q202"].type == "number"


def test_a_heading_that_only_names_a_screen_starts_that_screen() -> None:
    survey = compile_text(
        """
        ### WELCOME

        Hello, and thank you for helping the parish council plan the summer fair.

        ### P1 · Which day suits you best?

        - Saturday
        - Sunday

        ### CLOSE

        That is everything, many thanks for your time today.
        """,
        "fair.md",
    )
    assert list(by_id(survey)) == ["WELCOME", "P1", "CLOSE"]


def test_german_screen_words_with_accents_give_ascii_ids() -> None:
    survey = compile_text(
        """
        BEGRÜSSUNG
        Guten Abend, wir möchten Ihnen einige Fragen zum Stadtpark stellen.

        F1  Wie oft besuchen Sie den Park?
        Täglich ..... 1
        Seltener ..... 2

        VERABSCHIEDUNG
        Vielen Dank, das war die letzte Frage für heute.
        """
    )
    assert list(by_id(survey)) == ["BEGRUSSUNG", "F1", "VERABSCHIEDUNG"]


def test_answers_keep_their_letters_where_the_document_says_letters_are_stored() -> None:
    survey = compile_text(
        """
        Note for the build: the letters are the codes we store.

        T1. Which colour should the new bins be?
        a) Green
        b) Grey
        c) Blue

        T2. How often are your bins emptied?
        a) Weekly
        b) Fortnightly
        """
    )
    questions = by_id(survey)
    assert [o.code for o in questions["T1"].options] == ["a", "b", "c"]
    assert [o.code for o in questions["T2"].options] == ["a", "b"]


def test_lettered_answers_are_numbered_by_position_when_nothing_says_otherwise() -> None:
    survey = compile_text(
        """
        T1. Which colour should the new bins be?
        a) Green
        b) Grey
        """
    )
    assert [o.code for o in by_id(survey)["T1"].options] == ["1", "2"]


def test_rank_column_of_empty_boxes_beside_items_is_a_ranking(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("K1. Please rank these snacks from 1 (favourite) to 3.")
    table = document.add_table(rows=4, cols=2)
    for row, texts in zip(
        table.rows,
        [("Rank (1-3)", "Snack"), ("[  ]", "Crisps"), ("[  ]", "Popcorn"), ("[  ]", "Pretzels")],
        strict=True,
    ):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.save(str(tmp_path / "snacks.docx"))
    question = by_id(compile_document(read_path(tmp_path / "snacks.docx")).survey)["K1"]
    assert question.type == "ranking"
    assert [o.label for o in question.options] == ["Crisps", "Popcorn", "Pretzels"]
    assert question.rows == []


def test_answers_across_a_row_over_tick_boxes_are_one_choice(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("1. How do you feel about the new cycle lane?")
    table = document.add_table(rows=2, cols=3)
    for row, texts in zip(
        table.rows, [("In favour", "Against", "Not sure"), ("☐", "☐", "☐")], strict=True
    ):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.add_paragraph("2. Do you cycle to work?")
    document.add_paragraph("☐ Yes ☐ No")
    document.save(str(tmp_path / "lane.docx"))
    question = by_id(compile_document(read_path(tmp_path / "lane.docx")).survey)["Q1"]
    assert question.type == "single"
    assert [(o.code, o.label) for o in question.options] == [
        ("1", "In favour"),
        ("2", "Against"),
        ("3", "Not sure"),
    ]


def test_skip_arrows_level_with_an_answer_route_that_answer(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    header = ("NO.", "QUESTIONS", "CODING CATEGORIES", "SKIP")
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "301"
    table.rows[1].cells[1].text = "Does anyone in the household own a bicycle?"
    answers = table.rows[1].cells[2]
    answers.text = "YES\t1"
    answers.add_paragraph("NO\t2")
    answers.add_paragraph("NOT SURE\t8")
    skip = table.rows[1].cells[3]
    skip.text = ""  # an empty first line, the arrow beside the second answer
    skip.add_paragraph("→ 303")
    table.rows[2].cells[0].text = "302"
    table.rows[2].cells[1].text = "How many bicycles does the household own?"
    table.rows[2].cells[2].text = "NUMBER . . . [__|__]"
    table.rows[3].cells[0].text = "303"
    table.rows[3].cells[1].text = "Does anyone in the household own a car?"
    table.rows[3].cells[2].text = "YES\t1\nNO\t2"
    document.save(str(tmp_path / "hh.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "hh.docx")).survey)
    assert [(r.if_, r.to) for r in questions["Q301"].skip_to] == [("Q301 == '2'", "Q303")]


def test_german_number_range_age_screen_out_and_arrow_routing() -> None:
    survey = compile_text(
        """
        F1  Wie viele Personen leben in Ihrem Haushalt?
            OFFENE ZAHL, ZULÄSSIG 1–12
            ______ Personen

        F2  Wie alt sind Sie?
            OFFENE ZAHL
            ______ Jahre
            WENN JÜNGER ALS 18 JAHRE: INTERVIEW BEENDEN

        F3  Besitzen Sie ein Fahrrad?
            Ja ..................... 1
            Nein ................... 2   → WEITER MIT F5

        F4  Wie oft fahren Sie Fahrrad?
            Täglich ................ 1
            Seltener ............... 2

        F5  Besitzen Sie ein Auto?
            Ja ..................... 1
            Nein ................... 2
        """
    )
    questions = by_id(survey)
    assert questions["F1"].type == "number"
    assert questions["F1"].validation is not None
    assert (questions["F1"].validation.min, questions["F1"].validation.max) == (1, 12)
    assert questions["F2"].terminate_if == "F2 < 18"
    assert [(r.if_, r.to) for r in questions["F3"].skip_to] == [("F3 == '2'", "F5")]
    assert [o.label for o in questions["F3"].options] == ["Ja", "Nein"]


def test_survey_tool_export_logic_phrases_and_exclusive_mark() -> None:
    survey = compile_text(
        """
        Q1 - May we ask you a few questions about your garden?

        o Yes, go ahead  (1)
        o I would rather not answer  (2)

        Skip To: End of Survey If Q1 = I would rather not answer

        Q2 - Which of these do you grow? Select all that apply.

        ▢ Roses  (1)
        ▢ Tomatoes  (2)
        ▢ ⊗Nothing at all  (3)

        Skip To: Q4 If Q2 = Nothing at all

        Display This Question:
        If Q2 Tomatoes Is Selected

        Q3 - How many tomato plants do you have?

        ______________________________

        Q4 - Do you have a lawn?

        o Yes  (1)
        o No  (2)
        """
    )
    questions = by_id(survey)
    assert questions["Q1"].terminate_if == "Q1 == '2'"
    assert [(o.label, o.exclusive) for o in questions["Q2"].options][-1] == ("Nothing at all", True)
    assert [(r.if_, r.to) for r in questions["Q2"].skip_to] == [("Q2 contains '3'", "Q4")]
    assert questions["Q3"].display_if == "Q2 contains '2'"


def test_range_and_total_asked_in_the_question_text() -> None:
    survey = compile_text(
        """
        Q1. How many cups of tea did you drink yesterday? Please enter a number between 0 and 30.
        NUMERIC
        ______ cups

        Q2. Share out your week's spending across these. Your answers must add up to 100.
        CONSTANT SUM
        Food : _____  (1)
        Travel : _____  (2)

        Q3. Please rank these drinks (1 = favourite).

        ______ Tea (1)
        ______ Coffee (2)
        ______ Cocoa (3)
        """
    )
    questions = by_id(survey)
    validation = questions["Q1"].validation
    assert validation is not None
    assert (validation.min, validation.max) == (0, 30)
    assert questions["Q2"].total == 100
    assert [o.label for o in questions["Q3"].options] == ["Tea", "Coffee", "Cocoa"]


def test_arrow_marked_logic_lines_and_a_screen_that_asks_in_passing() -> None:
    survey = compile_text(
        """
        #### INTRO

        Got a moment? We would love to hear about your visit to the library today.

        #### L1 · Did you borrow anything?

        - (a) Yes
        - (b) No

        #### L2 · What did you borrow?

        ↳ only when L1 = (a)

        #### L3 · Will you come again?

        - (a) Yes
        - (b) No
        """,
        "lib.md",
    )
    questions = by_id(survey)
    assert questions["INTRO"].type == "display"
    assert questions["L2"].display_if == "L1 == '1'"


def test_a_title_case_screen_name_before_its_words() -> None:
    survey = compile_text(
        """
        Bus users panel – spring wave

        Start of Block: Opening

        Welcome Hello! Thank you for joining our panel on local bus services this spring.

        Q1 - How often do you take the bus?

        o Daily  (1)
        o Less often  (2)

        Q2 - Do you have a bus pass?

        o Yes  (1)
        o No  (2)
        """
    )
    questions = by_id(survey)
    assert list(questions) == ["Welcome", "Q1", "Q2"]
    assert questions["Welcome"].type == "display"
