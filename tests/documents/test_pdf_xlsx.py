"""Reading PDF and .xlsx files."""

from __future__ import annotations

import io

import openpyxl
import pytest
from openpyxl.styles import Font

from fielder.documents import read_document, read_path
from fielder.documents.errors import UnreadableFile
from tests.documents.conftest import assert_offsets, sample
from tests.documents.pdf_build import grid_ops, make_pdf, text_ops


def _questionnaire_pdf() -> bytes:
    page1 = (
        text_ops(72, 770, "Q1. How satisfied are you?", bold=True)
        + text_ops(90, 750, "Very satisfied")
        + text_ops(300, 750, "1")
        + text_ops(90, 735, "Not satisfied")
        + grid_ops(72, 700, [200, 80, 80], [["", "Yes", "No"], ["Bread", "1", "2"]])
        + text_ops(72, 600, "After the table")
    )
    page2 = text_ops(72, 770, "Q2. Any comments?", bold=True)
    return make_pdf([page1, page2])


def test_pdf_lines_tables_bold_pages() -> None:
    doc = read_document(_questionnaire_pdf(), "form.pdf")
    assert_offsets(doc)
    assert doc.page_count == 2
    first = doc.blocks[0]
    assert first.text == "Q1. How satisfied are you?"
    assert first.runs[0].bold
    assert first.page == 1
    assert doc.blocks[1].text == "Very satisfied\t1"
    assert not doc.blocks[1].runs[0].bold
    table = next(b for b in doc.blocks if b.kind == "table")
    assert [[c.text for c in row] for row in table.rows] == [["", "Yes", "No"], ["Bread", "1", "2"]]
    assert "Bread" not in doc.text.replace(table.text, "")
    texts = [b.text for b in doc.blocks]
    assert texts.index("After the table") > texts.index(table.text)
    assert "page_break" in [b.kind for b in doc.blocks]
    last = doc.blocks[-1]
    assert (last.text, last.page) == ("Q2. Any comments?", 2)


def test_pdf_headings_and_running_headers() -> None:
    pages = [
        text_ops(72, 825, f"Acme Survey Wave 2 - page {n} of 3")
        + (text_ops(72, 760, "Customer Survey", bold=True, size=20) if n == 1 else "")
        + text_ops(72, 700, f"Q{n}. Question on page {n}?")
        + text_ops(72, 680, "Plain body text line.")
        for n in (1, 2, 3)
    ]
    doc = read_document(make_pdf(pages), "running.pdf")
    assert_offsets(doc)
    assert "Acme Survey" not in doc.text
    assert any("running headers" in note for note in doc.notes)
    title = doc.blocks[0]
    assert (title.kind, title.level, title.text) == ("heading", 1, "Customer Survey")
    assert [b.text for b in doc.blocks if b.text.startswith("Q")] == [
        "Q1. Question on page 1?",
        "Q2. Question on page 2?",
        "Q3. Question on page 3?",
    ]


def test_pdf_without_text_is_a_scan() -> None:
    data = make_pdf(["72 600 200 100 re f\n"])
    with pytest.raises(UnreadableFile, match="scanned PDF"):
        read_document(data, "scan.pdf")


def test_encrypted_pdf_is_unreadable() -> None:
    data = make_pdf([text_ops(72, 770, "secret")], encrypt=True)
    with pytest.raises(UnreadableFile, match="encrypted"):
        read_document(data, "locked.pdf")


def test_damaged_pdf_is_unreadable() -> None:
    with pytest.raises(UnreadableFile):
        read_document(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage", "broken.pdf")


def test_training_evaluation_sample() -> None:
    doc = read_path(sample("training-evaluation.pdf"))
    assert_offsets(doc)
    texts = [b.text for b in doc.blocks]
    assert "How did you attend this course?" in texts
    assert "☐ In person at the training centre\t☐ Live online\t☐ A mix of both" in texts
    grid = next(b for b in doc.blocks if b.kind == "table" and b.rows[0][1].text == "Poor")
    assert grid.rows[1][0].text == "Relevance of the content to my job"
    assert any(
        b.text.startswith("Please tick one box") and b.text.endswith("leave.") for b in doc.blocks
    )


def _workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Questionnaire"
    sheet.append(["Q#", "Question", "Options", "Code"])
    sheet.append(["Q1", "Age?", None, None])
    sheet.append([None, None, "Under 18", 1])
    sheet.append([None, None, "18+", 2.0])
    sheet["A1"].font = Font(bold=True, color="FFC00000")
    hidden = book.create_sheet("Secret")
    hidden.append(["x"])
    hidden.sheet_state = "hidden"
    book.create_sheet("Log").append(["v1", "first"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_sheets_become_tables() -> None:
    doc = read_document(_workbook(), "q.xlsx")
    assert_offsets(doc)
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert [t.style for t in tables] == ["Questionnaire", "Log"]
    assert [t.page for t in tables] == [1, 3]
    grid = [[c.text for c in row] for row in tables[0].rows]
    assert grid[2] == ["", "", "Under 18", "1"]
    assert grid[3] == ["", "", "18+", "2"]
    header = tables[0].rows[0][0].runs[0]
    assert header.bold
    assert header.color == "#C00000"
    assert any("hidden" in note for note in doc.notes)


def test_docx_named_xlsx_is_unreadable() -> None:
    from tests.documents.docx_build import questionnaire_docx

    with pytest.raises(UnreadableFile, match="Word document"):
        read_document(questionnaire_docx(), "q.xlsx")


def test_product_concept_sample() -> None:
    doc = read_path(sample("product-concept.xlsx"))
    assert_offsets(doc)
    sheet = doc.blocks[0]
    assert sheet.style == "Questionnaire"
    header = [c.text for c in sheet.rows[3]]
    assert header == [
        "Q#",
        "Question text",
        "Response options",
        "Code",
        "Type",
        "Programming instructions",
    ]
    assert doc.blocks[-1].style == "Change log"
