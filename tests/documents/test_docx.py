"""Reading .docx: numbering, styles, tables, formatting, tracked changes, page breaks."""

from __future__ import annotations

import pytest

from fielder.documents import read_document, read_path
from fielder.documents.model import Document
from tests.documents.conftest import assert_offsets, sample
from tests.documents.docx_build import numbered_docx, questionnaire_docx


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_document(questionnaire_docx(), "q.docx")


def test_headings_and_auto_numbering(doc: Document) -> None:
    assert_offsets(doc)
    assert (doc.blocks[0].kind, doc.blocks[0].level, doc.blocks[0].text) == (
        "heading",
        1,
        "Section A",
    )
    numbered = [b for b in doc.blocks if b.style == "List Number"]
    assert [b.numbering for b in numbered] == ["1.", "2."]
    assert numbered[0].kind == "list_item"
    assert numbered[0].text == "How old are you? SINGLE CODE"


def test_run_formatting(doc: Document) -> None:
    first = next(b for b in doc.blocks if b.style == "List Number")
    red = first.runs[-1]
    assert red.text == "SINGLE CODE"
    assert red.bold
    assert red.color == "#C00000"
    assert not first.runs[0].bold
    marked = next(b for b in doc.blocks if b.text == "highlighted note")
    assert marked.runs[0].highlight == "yellow"
    capsed = next(b for b in doc.blocks if b.text == "stored lower")
    assert capsed.runs[0].caps


def test_tabs_bullets_and_tracked_changes(doc: Document) -> None:
    bullet = next(b for b in doc.blocks if b.style == "List Bullet")
    assert bullet.text == "Under 18\t1"
    assert bullet.numbering == "•"
    assert any(b.text == "Kept inserted" for b in doc.blocks)
    assert "deleted" not in doc.text


def test_page_breaks_and_pages(doc: Document) -> None:
    kinds = [b.kind for b in doc.blocks]
    assert "page_break" in kinds
    page_two = next(b for b in doc.blocks if b.text == "On page two")
    assert page_two.page == 2
    assert doc.blocks[0].page == 1
    assert doc.page_count == 2


def test_table_grid_with_merged_cells(doc: Document) -> None:
    table = next(b for b in doc.blocks if b.kind == "table")
    grid = [[cell.text for cell in row] for row in table.rows]
    assert grid == [["", "Yes", "No"], ["Bread", "1", "2"], ["Merged across", "", "x"]]
    assert_offsets(doc)


def test_numbering_formats_and_restarts() -> None:
    data = numbered_docx("Q%1.", "decimal", [(41, 0), (41, 1), (41, 1), (41, 0), (41, 1), (42, 0)])
    doc = read_document(data, "n.docx")
    labels = [(b.numbering, b.level) for b in doc.blocks]
    assert labels == [("Q1.", 0), ("a)", 1), ("b)", 1), ("Q2.", 0), ("a)", 1), ("Q1.", 0)]


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        ("lowerLetter", "%1)", ["a)", "b)", "c)"]),
        ("upperLetter", "(%1)", ["(A)", "(B)", "(C)"]),
        ("lowerRoman", "%1.", ["i.", "ii.", "iii."]),
        ("upperRoman", "%1", ["I", "II", "III"]),
        ("decimalZero", "%1)", ["01)", "02)", "03)"]),
    ],
)
def test_numbering_formats(fmt: str, text: str, expected: list[str]) -> None:
    doc = read_document(numbered_docx(text, fmt, [(41, 0)] * 3), "n.docx")
    assert [b.numbering for b in doc.blocks] == expected


def test_brand_tracker_sample() -> None:
    doc = read_path(sample("brand-tracker.docx"))
    assert_offsets(doc)
    texts = [b.text for b in doc.blocks]
    assert (
        "S1.\tDo you, or does anyone in your household, work in any of the following industries?"
        in texts
    )
    assert "Brightwell\t1" in texts
    assert "None of these\t99" in texts
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 2
    assert tables[1].rows[0][1].text == "Brightwell"
    assert len(tables[1].rows) == 8
    instruction = next(b for b in doc.blocks if b.text == "[ASK ALL]")
    assert instruction.runs[0].bold


def test_streaming_habits_sample() -> None:
    doc = read_path(sample("streaming-habits.docx"))
    assert_offsets(doc)
    q4 = next(b for b in doc.blocks if b.text.startswith("Q4."))
    assert q4.runs[-1].color is not None
    assert q4.runs[-1].text.strip() == "MULTI CODE"
    assert any(b.text == "99\tNone of these" for b in doc.blocks)
    grid = next(b for b in doc.blocks if b.kind == "table")
    assert grid.rows[0][1].text == "Strongly disagree"
    assert [c.text for c in grid.rows[1][1:]] == ["1", "2", "3", "4", "5"]


def test_text_boxes_are_read_after_their_paragraph() -> None:
    from docx import Document as make_docx
    from docx.oxml import parse_xml

    from tests.documents.docx_build import W_NS, docx_bytes

    doc = make_docx()
    para = doc.add_paragraph("Anchor paragraph")
    para._p.append(
        parse_xml(
            f"<w:r {W_NS}><w:pict><v:shape xmlns:v='urn:schemas-microsoft-com:vml'>"
            "<v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed question?</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )
    doc.add_paragraph("After")
    read = read_document(docx_bytes(doc), "box.docx")
    assert [b.text for b in read.blocks] == ["Anchor paragraph", "Boxed question?", "After"]
    assert_offsets(read)
