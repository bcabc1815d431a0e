"""General conventions met in the self-completion and interview files of a thirteenth blind
batch (a programme end-line form, a clinic follow-up booklet, a statistics-office CAPI module,
a telephone schedule), one small case each, in invented words."""

from __future__ import annotations

from docx import Document as make_docx

from fielder.compiler import compile_document
from fielder.compiler.marking_notes import is_marking_note
from fielder.documents import read_document
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text
from tests.documents.docx_build import docx_bytes


def _compile_docx(document: object) -> dict[str, Question]:
    return by_id(compile_document(read_document(docx_bytes(document), "form.docx")).survey)


def test_an_italic_marking_note_after_the_question_stays_in_its_text() -> None:
    doc = make_docx()
    ask = doc.add_paragraph()
    ask.add_run("Q1.\tWhich garden plot do you use? ").bold = True
    ask.add_run("(Tick one box)").italic = True
    doc.add_paragraph("☐ Upper terrace\t☐ Pond side")
    ask = doc.add_paragraph()
    ask.add_run("Q2.\tHow tidy is the tool shed? ").bold = True
    ask.add_run("(Please circle one number)").italic = True
    doc.add_paragraph("Very messy\t1\t2\t3\t4\t5\tVery tidy")
    questions = _compile_docx(doc)
    assert questions["Q1"].text == "Which garden plot do you use? (Tick one box)"
    assert questions["Q2"].text == "How tidy is the tool shed? (Please circle one number)"


def test_only_sentence_case_marking_notes_count() -> None:
    assert is_marking_note("(Tick the one that best describes you)")
    assert is_marking_note("(please mark all that apply)")
    assert not is_marking_note("(TICK ONE)")
    assert not is_marking_note("(Probe for the main reason)")
    assert not is_marking_note("Tick one box")


def test_age_bands_after_boxes_across_a_line_are_words_not_codes() -> None:
    questions = by_id(
        compile_text("Q1. Which band is your hive in? (Tick one box)\n☐ 10–14\t☐ 15–19\t☐ 20–29\n")
    )
    options = questions["Q1"].options or []
    assert [(o.code, o.label) for o in options] == [("1", "10–14"), ("2", "15–19"), ("3", "20–29")]


def test_a_table_of_items_beside_boxes_over_a_total_row_is_a_constant_sum() -> None:
    doc = make_docx()
    doc.add_paragraph("Q1.\tHow would you share 20 seeds between these beds?")
    table = doc.add_table(rows=4, cols=2)
    for row, (item, box) in enumerate(
        [("Herb bed", "[ ]"), ("Berry bed", "[ ]"), ("Bean bed", "[ ]"), ("Total", "20")]
    ):
        table.cell(row, 0).text = item
        table.cell(row, 1).text = box
    question = _compile_docx(doc)["Q1"]
    assert question.type == "constant_sum"
    assert [o.label for o in question.options or []] == ["Herb bed", "Berry bed", "Bean bed"]
    assert question.total == 20


def test_a_line_of_date_words_under_date_blanks_is_their_key_not_answers() -> None:
    questions = by_id(
        compile_text(
            "Q1. On what date did the swarm leave?\n__ __ / __ __ / __ __ __ __\n"
            "day        month        year\nQ2. Was it windy?\n☐ Yes\n☐ No\n"
        )
    )
    assert questions["Q1"].type == "date"
    assert not questions["Q1"].options


def test_pronoun_fills_in_capitals_stay_in_a_capi_question() -> None:
    questions = by_id(
        compile_text(
            "C4. Did [NAME] feed [HIS/HER] goats before [HE/SHE] left?\n1 Yes\n2 No\n"
            "C5. Which pen is it? [SA/MA]\n1 North\n2 South\n"
        )
    )
    assert questions["C4"].text == "Did [NAME] feed [HIS/HER] goats before [HE/SHE] left?"
    assert questions["C5"].text == "Which pen is it?"
