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
