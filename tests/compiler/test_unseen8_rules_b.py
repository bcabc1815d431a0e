"""General conventions met in the document files of an eighth blind batch (a B2B CATI script
numbered by Word, an agency CAPI tracker, a survey tool's import sheet, a Google Docs web
page), one small case each, in invented words."""

from __future__ import annotations

from pathlib import Path

import docx

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text


def _bold_tail(paragraph: docx.text.paragraph.Paragraph, text: str, tail: str) -> None:
    paragraph.add_run(text)
    paragraph.add_run(" " + tail).bold = True


def test_lettered_screener_then_questions_numbered_by_word(tmp_path: Path) -> None:
    document = docx.Document()
    screener = document.add_paragraph()
    screener.add_run("S1.").bold = True
    screener.add_run("\tDo you look after the fleet of vans at your firm?")
    document.add_paragraph("Yes\t1")
    document.add_paragraph("No\t2\tTHANK AND CLOSE")
    document.add_paragraph("S2.\tHow many vans does your firm run?")
    document.add_paragraph("PROGRAMMER: RANGE 1-500.")
    first = document.add_paragraph(style="List Number")
    _bold_tail(first, "Which fuel do most of your vans use?", "SINGLE CODE.")
    for code, label in enumerate(["Diesel", "Electric", "Petrol"], start=1):
        document.add_paragraph(f"{label}\t{code}")
    document.add_paragraph(
        "I will read out some kinds of upkeep. For each one, tell me who does it for you.",
        style="List Number",
    )
    document.add_paragraph("Tyres\t1")
    document.add_paragraph("Servicing\t2")
    third = document.add_paragraph(style="List Number")
    _bold_tail(third, "How happy are you with your main garage?", "SINGLE CODE.")
    document.add_paragraph("1 – Very unhappy\t1")
    for code in (2, 3, 4):
        document.add_paragraph(f"{code}\t{code}")
    document.add_paragraph("5 – Very happy\t5")
    document.add_paragraph("3a.\tWould you recommend that garage? SINGLE CODE.")
    document.add_paragraph("Yes\t1")
    document.add_paragraph("No\t2")
    document.add_paragraph("PROGRAMMER: ASK 3b IF 3a = 1. OTHERS GO TO Q4.")
    document.add_paragraph("3b.\tWhat share of your repairs go there? RECORD NUMBER (0-100%)")
    document.add_paragraph("Is there anything else about your vans to add?", style="List Number")
    document.save(str(tmp_path / "fleet.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "fleet.docx")).survey)
    assert list(questions) == ["S1", "S2", "Q1", "Q2", "Q3", "Q3a", "Q3b", "Q4"]
    assert questions["Q2"].text.startswith("I will read out some kinds of upkeep.")
    assert [o.label for o in questions["Q3"].options][::4] == ["Very unhappy", "Very happy"]
    assert questions["Q3b"].text == "What share of your repairs go there?"
    assert questions["Q3b"].display_if == "Q3a == '1'"


def test_numbered_answers_under_a_lettered_question_stay_answers() -> None:
    questions = by_id(
        compile_text(
            """
            S1. Which region are you in?
            1. North
            2. South
            3. East
            S2. Which sector are you in?
            1. Retail
            2. Farming
            """
        )
    )
    assert list(questions) == ["S1", "S2"]
    assert [o.label for o in questions["S1"].options] == ["North", "South", "East"]


def test_grid_columns_named_column_a_and_b_keep_their_words(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(
        "Q1. For each kind of ticket, do you buy it now and would you buy it next year?"
    )
    table = document.add_table(rows=3, cols=3)
    cells = [
        ("", "Column A: Buy now", "Column B: Would buy next year"),
        ("Season ticket", "1", "2"),
        ("Day pass", "1", "2"),
    ]
    for row, values in enumerate(cells):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    document.add_paragraph("Q2. Any other comments?")
    document.save(str(tmp_path / "tickets.docx"))
    grid = by_id(compile_document(read_path(tmp_path / "tickets.docx")).survey)["Q1"]
    assert grid.type == "grid"
    assert [o.label for o in grid.options] == ["Buy now", "Would buy next year"]
