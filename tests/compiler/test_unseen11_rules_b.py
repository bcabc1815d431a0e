"""General conventions met in the Word files of an eleventh blind batch (a tracked-change ad
test, a client brief with its questionnaire in an appendix, a usability-test script), one
small case each, in their own words."""

from __future__ import annotations

from pathlib import Path

import docx
import docx.document
import pytest
from docx.shared import RGBColor

from fielder.compiler import compile_document
from fielder.documents import read_path
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text

_SCRIPT = RGBColor(0x1F, 0x6E, 0x3A)  # the document's scripting colour


def _para(document: docx.document.Document, *parts: tuple[str, bool]) -> None:
    """A paragraph of runs: (text, scripted) — scripted runs are bold and coloured."""
    paragraph = document.add_paragraph()
    for text, scripted in parts:
        run = paragraph.add_run(text)
        if scripted:
            run.bold = True
            run.font.color.rgb = _SCRIPT


def _compiled(document: docx.document.Document, tmp_path: Path) -> dict[str, Question]:
    document.save(str(tmp_path / "script.docx"))
    return by_id(compile_document(read_path(tmp_path / "script.docx")).survey)


def test_a_coloured_word_id_before_a_gap_names_its_question(tmp_path: Path) -> None:
    document = docx.Document()
    _para(document, ("MOOD  ", True), ("How are you feeling this morning?", False))
    document.add_paragraph("○  Rested")
    document.add_paragraph("○  Tired")
    _para(document, ("SINGLE  ", True), ("Which drink did you have first?", False))
    document.add_paragraph("○  Tea")
    document.add_paragraph("○  Coffee")
    questions = _compiled(document, tmp_path)
    assert questions["MOOD"].text == "How are you feeling this morning?"
    assert [o.label for o in questions["MOOD"].options] == ["Rested", "Tired"]
    # a coloured type word before the words is the scripter's note, never an id
    assert "SINGLE" not in questions
    assert any(q.text == "Which drink did you have first?" for q in questions.values())


def _card(document: docx.document.Document, text: str) -> None:
    document.add_table(rows=1, cols=1).cell(0, 0).text = text


def test_a_labelled_card_in_a_one_cell_box_is_a_screen(tmp_path: Path) -> None:
    document = docx.Document()
    _card(document, "WELCOME\nThis short study looks at how people plan a weekend away.")
    _card(document, "K2\nImagine you need a train to the coast on Saturday. Find the fare.")
    document.add_paragraph("K2a  Did you find a fare?")
    document.add_paragraph("○  Yes")
    document.add_paragraph("○  No")
    questions = _compiled(document, tmp_path)
    assert questions["WELCOME"].type == "display"
    assert questions["K2"].type == "display"
    assert questions["K2"].text.startswith("Imagine you need a train")
    assert questions["K2a"].type == "single"


def test_end_words_in_cells_of_their_own_beside_a_row_of_points(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("R4  How useful was the map?")
    row = document.add_table(rows=1, cols=7).rows[0].cells
    for cell, text in zip(row, ["Not useful", "1", "2", "3", "4", "5", "Very useful"], strict=True):
        cell.text = text
    questions = _compiled(document, tmp_path)
    question = questions["R4"]
    assert question.type == "scale"
    assert [(o.code, o.label) for o in question.options] == [
        ("1", "Not useful"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", "Very useful"),
    ]


def test_reject_if_an_answer_screens_out_and_a_reason_after_a_dash_is_dropped() -> None:
    questions = by_id(
        compile_text(
            """
            P1. How do you travel to work?
            Car\t1
            Bus\t2
            Bicycle\t3
            Logic: Reject if Car.
            P2. Which browser do you use?
            Firefox\t1
            Safari\t2
            Edge\t3
            Logic: Reject if Safari or Edge – our build only runs on one browser.
            P3. How long is your commute in minutes?
            """
        )
    )
    assert questions["P1"].terminate_if == "P1 == '1'"
    assert questions["P2"].terminate_if == "P2 in ['2','3']"


def test_an_asked_to_base_line_filters_the_question_after_it() -> None:
    questions = by_id(
        compile_text(
            """
            Asked to: all
            H1. Do you own a dog?
            Yes (1)
            No (2)
            Asked to: all
            H2. How many pets live with you?
            Asked to: dog owners (H1 = 1)
            H3. What breed is your dog?
            """
        )
    )
    assert questions["H3"].display_if == "H1 == '1'"
    assert questions["H2"].display_if is None
    assert questions["H1"].display_if is None


def test_codes_equal_thank_and_end_screen_out() -> None:
    questions = by_id(
        compile_text(
            """
            B2. Which best describes your job?
            [Single choice. 03 = thank and end (outside the sample).]
            I manage a team (01)
            I work in a team (02)
            I am retired (03)
            B3. How long have you been in your job?
            """
        )
    )
    assert questions["B2"].terminate_if == "B2 == '03'"


def test_braced_tags_in_colour_after_an_answer_code(tmp_path: Path) -> None:
    document = docx.Document()
    _para(document, ("G1:\tWhich snacks did you buy this week?", False), ("  {MULTI}", True))
    _para(document, ("Crisps\t1", False))
    _para(document, ("Nuts\t2", False))
    _para(document, ("Nothing\t9", False), ("   {EXCLUSIVE} {CLOSE}", True))
    _para(document, ("G2:\tHow old are you?", False), ("  {SINGLE}", True))
    _para(document, ("Under 16\t1", False), ("   {CLOSE}", True))
    _para(document, ("16 or older\t2", False))
    questions = _compiled(document, tmp_path)
    assert questions["G1"].terminate_if == "G1 contains '9'"
    assert questions["G1"].options[-1].exclusive
    assert questions["G2"].terminate_if == "G2 == '1'"


@pytest.mark.parametrize("tag", ["[CLOSE]", "<CLOSE>", "(CLOSE)", "[EXCLUSIVE] [CLOSE]"])
def test_a_close_tag_in_any_brackets_after_an_answer(tmp_path: Path, tag: str) -> None:
    document = docx.Document()
    _para(document, ("W1:\tDo you work in market research?", False), ("  [SINGLE]", True))
    _para(document, ("Yes\t1", False), ("   " + tag, True))
    _para(document, ("No\t2", False))
    questions = _compiled(document, tmp_path)
    assert questions["W1"].terminate_if == "W1 == '1'"


def test_a_coloured_note_whose_brackets_span_a_plain_insert_is_one_note(tmp_path: Path) -> None:
    document = docx.Document()
    _para(document, ("M1:\tWhich apps do you use?", False), ("  {MULTI}", True))
    for line in ("Maps\t1", "Mail\t2", "Music\t3"):
        _para(document, (line, False))
    # a reviewer's insert typed in the default colour inside the green note
    _para(
        document,
        ("M2:\tWhat do you like about them?", False),
        ("  {OPEN – ASK IF CODE ", True),
        ("2 OR 3", False),
        (" AT M1}", True),
    )
    questions = _compiled(document, tmp_path)
    assert questions["M2"].text == "What do you like about them?"
    assert questions["M2"].display_if == "M1 contains '2' or M1 contains '3'"
