"""Conventions from unseen40, second pass (social research CAPI modules): a spec sheet's
`Interviewer / CAPI note` column holds the notes that type a question (a text screen, a drop-down
list, code all that apply, a numeric range)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text


def test_interviewer_note_column_types_the_questions(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        [
            "Var",
            "Question / response text",
            "Code",
            "Filter (ask if)",
            "Routing",
            "Interviewer / CAPI note",
        ]
    )
    sheet.append(
        [
            "GINTRO",
            "Now a few questions about your garden.",
            None,
            "ALL",
            None,
            "READ OUT. TEXT SCREEN.",
        ]
    )
    sheet.append(
        [
            "G1",
            "Which season did you plant the roses?",
            None,
            "ALL",
            None,
            "DROP-DOWN LIST OF SEASONS.",
        ]
    )
    for code, label in enumerate(["Spring", "Summer", "Autumn", "Winter"], 1):
        sheet.append([None, label, code])
    sheet.append(["G2", "What do you grow?", None, "ALL", None, "CODE ALL THAT APPLY."])
    for code, label in enumerate(["Herbs", "Flowers", "Fruit"], 1):
        sheet.append([None, label, code])
    sheet.append(
        [
            "G3",
            "How many pots do you have?",
            None,
            "ALL",
            None,
            "NUMERIC. RANGE 1-40 (40 = 40 OR MORE).",
        ]
    )
    book.save(str(tmp_path / "garden.xlsx"))
    survey = by_id(compile_document(read_path(tmp_path / "garden.xlsx")).survey)
    assert survey["GINTRO"].type == "display"
    assert survey["G1"].type == "dropdown"
    assert survey["G2"].type == "multi"
    assert survey["G3"].type == "number"
    assert survey["G3"].validation is not None
    assert (survey["G3"].validation.min, survey["G3"].validation.max) == (1, 40)


def test_boxed_answers_sharing_words_keep_their_numbers() -> None:
    survey = by_id(
        compile_text(
            "1. Which grade are you in?\n☐ Grade 5\t☐ Grade 7\n"
            "2. Do you walk to school?\n☐ Yes\t☐ No\n"
        )
    )
    assert [(o.code, o.label) for o in survey["Q1"].options] == [("1", "Grade 5"), ("2", "Grade 7")]


def test_amount_paid_with_a_rate_and_bounds_is_a_number() -> None:
    survey = by_id(
        compile_text(
            "### P1\nHow much does your club pay each year for pitch hire?\n"
            "*Euros per year, 0–900. Check above €600 with the treasurer.*\n"
            "### P2\nHow many seasons has the club hired a pitch?\n"
            "*Seasons, 0–30 (0 = this is the first).*\n"
            "### P3\nAny other comments?\n",
            "club.md",
        )
    )
    assert survey["P1"].type == "number"
    assert survey["P1"].validation is not None
    assert (survey["P1"].validation.min, survey["P1"].validation.max) == (0, 900)
    assert survey["P2"].validation is not None
    assert (survey["P2"].validation.min, survey["P2"].validation.max) == (0, 30)


def test_observed_item_under_an_unpunctuated_id_keeps_its_answers() -> None:
    survey = by_id(
        compile_text(
            "K7 How many dogs live at this address?\n"
            "K8 State of the garden fence\n"
            "RECORD FROM OBSERVATION. DO NOT ASK.\n"
            "Intact (1)\nDamaged (2)\nNo fence (9)\n"
        )
    )
    assert [(o.code, o.label) for o in survey["K8"].options] == [
        ("1", "Intact"),
        ("2", "Damaged"),
        ("9", "No fence"),
    ]


def test_filter_naming_its_section_covers_the_whole_section() -> None:
    survey = by_id(
        compile_text(
            "Section A — You\n"
            "P1 Which best describes how you travel to work?\n"
            "Car (1)\nBus (2)\nTrain (3)\nBicycle (4)\n"
            "Section B — Drivers\n"
            "FILTER: ASK SECTION B IF DRIVING (P1 = 1). ALL OTHERS GO TO SECTION C.\n"
            "P2 How many miles do you drive each week?\n"
            "P3 Do you pay for parking at work?\n"
            "Yes (1)\nNo (2)\n"
            "Section C — Everyone\n"
            "P4 How satisfied are you with your commute?\n"
            "Satisfied (1)\nDissatisfied (2)\n"
        )
    )
    assert survey["P2"].display_if == "P1 == '1'"
    assert survey["P3"].display_if == "P1 == '1'"
    assert survey["P4"].display_if is None


def test_banner_naming_whom_covers_the_questions_up_to_an_all_respondents_banner() -> None:
    page = """<html><body>
<p><b>M1</b> Do you hold a season ticket?</p>
<ul><li>1 Yes</li><li>2 No</li></ul>
<p><b>M2</b> How far do you live from the ground?</p>
<ul><li>1 Under a mile</li><li>2 A mile or more</li></ul>
<div class="box"><p>RENEWALS — ALL WHO HOLD A SEASON TICKET (M1 = 1)</p></div>
<p><b>M3</b> Will you renew your season ticket?</p>
<ul><li>1 Yes</li><li>2 No</li></ul>
<p><b>M4</b> Would you like a seat in the family stand?</p>
<ul><li>1 Yes</li><li>2 No</li></ul>
<div class="box"><p>ALL RESPONDENTS</p></div>
<p><b>M5</b> How would you rate the food at the ground?</p>
<ul><li>1 Poor</li><li>2 Good</li></ul>
</body></html>"""
    survey = by_id(compile_text(page, "tickets.html"))
    assert survey["M2"].display_if is None
    assert survey["M3"].display_if == "M1 == '1'"
    assert survey["M4"].display_if == "M1 == '1'"
    assert survey["M5"].display_if is None


def test_sheet_row_saying_derived_variable_first_is_no_question(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Var", "Question / response text", "Code", "Filter (ask if)"])
    sheet.append(["H1", "Do you keep hens?", None, "ALL"])
    sheet.append([None, "Yes", 1])
    sheet.append([None, "No", 2])
    sheet.append(["H2", "Do you keep ducks?", None, "ALL"])
    sheet.append([None, "Yes", 1])
    sheet.append([None, "No", 2])
    sheet.append(
        ["DVBIRDS", "DERIVED VARIABLE — NOT ASKED. DVBIRDS = 1 if H1 or H2 = 1.", None, None]
    )
    sheet.append(["H3", "How many eggs do you collect a week?", None, "DVBIRDS = 1"])
    book.save(str(tmp_path / "hens.xlsx"))
    survey = by_id(compile_document(read_path(tmp_path / "hens.xlsx")).survey)
    assert "DVBIRDS" not in survey
    assert "H3" in survey
