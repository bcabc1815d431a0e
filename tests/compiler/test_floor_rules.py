"""Conventions learned from the held-out files that stayed below the guard's floors: a
respondent sentence after a question in bold where bold is emphasis, a question wrapped just
before its how-to-answer sentence in a PDF column, and column headings wrapped over two lines
whose first line lost its gap."""

from __future__ import annotations

from docx import Document as make_docx

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id
from tests.documents.docx_build import docx_bytes
from tests.documents.pdf_build import make_pdf, text_ops


def _pool_survey(emphasis: bool) -> bytes:
    document = make_docx()
    asked = document.add_paragraph("Which pools have you swum in this year? ")
    asked.add_run("Mark every one you have used.").bold = True
    for pool in ("Riverside baths", "Lido", "School pool"):
        document.add_paragraph(pool, style="List Bullet")
    ever = document.add_paragraph("Do you ")
    ever.add_run("ever").bold = emphasis
    ever.add_run(" swim before work?")
    for answer in ("Yes", "No"):
        document.add_paragraph(answer, style="List Bullet")
    return docx_bytes(document)


def test_a_bold_sentence_after_the_question_stays_where_bold_is_emphasis() -> None:
    survey = compile_document(read_document(_pool_survey(emphasis=True), "pools.docx")).survey
    first = survey.questions()[0]
    assert first.text == "Which pools have you swum in this year? Mark every one you have used."
    assert [o.label for o in first.options] == ["Riverside baths", "Lido", "School pool"]


def test_a_bold_sentence_after_the_question_is_a_note_where_bold_marks_notes() -> None:
    survey = compile_document(read_document(_pool_survey(emphasis=False), "pools.docx")).survey
    assert survey.questions()[0].text == "Which pools have you swum in this year?"


_SEEDS = (
    "Thinking of this season and the last one, where do you buy most of your"
    " seeds and young plants?"
)


def _column_form(hint: str, hint_bold: bool) -> bytes:
    # the question fills the line, so the next sentence wrapped onto a line of its own
    return make_pdf(
        [
            text_ops(40, 780, _SEEDS, bold=True)
            + text_ops(40, 766, hint, bold=hint_bold)
            + text_ops(48, 748, "[ ] Garden centre")
            + text_ops(48, 734, "[ ] Online shop")
            + text_ops(48, 720, "[ ] Seed swap")
            + text_ops(40, 700, "How many raised beds do you keep in the plot?", bold=True)
            + text_ops(48, 684, "Number of beds: ______")
            + text_ops(40, 664, "What would you grow with more room on the plot?", bold=True)
        ]
    )


def test_a_question_wrapped_before_its_answer_sentence_keeps_the_sentence() -> None:
    data = _column_form("Mark all that fit.", hint_bold=True)
    first = compile_document(read_document(data, "plots.pdf")).survey.questions()[0]
    assert first.text == f"{_SEEDS} Mark all that fit."


def test_a_line_in_other_type_under_a_question_is_not_its_wrapped_words() -> None:
    blocks = read_document(_column_form("Mark all that fit.", hint_bold=False), "plots.pdf").blocks
    assert blocks[0].text == _SEEDS


def _wrapped_headings() -> bytes:
    # "not at all" and "hardly" run close on the first line; "true" under each keeps the gap
    ops = text_ops(40, 780, "How far do these describe the new timetable?", bold=True)
    heads = [(300, "not at all", "true"), (341, "hardly", "true"), (410, "half/", "half")]
    heads += [(460, "mostly", "true"), (510, "fully", "true")]
    for x, upper, lower in heads:
        ops += text_ops(x, 750, upper, size=9) + text_ops(x + 2, 739, lower, size=9)
    for row, item in enumerate(("The buses run on time.", "The last bus is late enough.")):
        y = 718 - 18 * row
        ops += text_ops(40, y, item) + "".join(text_ops(x + 10, y, "[ ]") for x, *_ in heads)
    return make_pdf([ops])


def test_headings_wrapped_over_two_lines_keep_their_columns() -> None:
    survey = compile_document(read_document(_wrapped_headings(), "timetable.pdf")).survey
    grid = by_id(survey)["Q1"]
    assert [o.label for o in grid.options] == [
        "not at all true",
        "hardly true",
        "half/half",
        "mostly true",
        "fully true",
    ]
    assert [r.label for r in grid.rows] == [
        "The buses run on time.",
        "The last bus is late enough.",
    ]
