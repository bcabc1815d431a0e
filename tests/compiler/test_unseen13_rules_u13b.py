"""General conventions met in the self-completion and interview files of a thirteenth blind
batch (a programme end-line form, a clinic follow-up booklet, a statistics-office CAPI module,
a telephone schedule), one small case each, in invented words."""

from __future__ import annotations

from docx import Document as make_docx

from fielder.compiler import compile_document
from fielder.compiler.marking_notes import is_marking_note
from fielder.documents import read_document
from fielder.ir.models import Question
from tests.compiler.conftest import by_id
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
