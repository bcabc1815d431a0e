"""Which PDF pages are worth pdfplumber's table search (pages without a table are spared)."""

from __future__ import annotations

import pypdfium2 as pdfium

from fielder.documents import read_document
from fielder.documents.readers.pdf import _may_have_table, _words
from fielder.documents.readers.pdf_ruling import may_hold_table
from tests.documents.pdf_build import grid_ops, make_pdf, text_ops


def _screen(content: str) -> tuple[bool, bool]:
    """(the cheap count of lines and boxes, the table check) for a one-page PDF."""
    pdf = pdfium.PdfDocument(make_pdf([content]))
    try:
        page = pdf[0]
        left, _, _, top = page.get_bbox()
        words = _words(page, left, top)
        return _may_have_table(page), may_hold_table(page, words, (left, top))
    finally:
        pdf.close()


def _tick_boxes() -> str:
    """Answer codes with a tick box each, two to a row: many boxes, no table."""
    ops = text_ops(56, 760, "Q1. Which of these do you own?")
    labels = ["A car", "A bicycle", "A boat", "A tent", "A piano", "A drone"]
    for i, label in enumerate(labels):
        x, y = 80 + 250 * (i % 2), 730 - 25 * (i // 2)
        ops += f"{x} {y - 2} 10 10 re S\n" + text_ops(x + 16, y, label)
    return ops


def test_tick_boxes_are_not_a_table() -> None:
    assert _screen(_tick_boxes()) == (True, False)
    doc = read_document(make_pdf([_tick_boxes()]), "ticks.pdf")
    assert [b.kind for b in doc.blocks] == ["paragraph"] * 4


def test_ruled_grid_with_text_is_a_table() -> None:
    grid = grid_ops(72, 700, [200, 80, 80], [["", "Yes", "No"], ["Bread", "1", "2"]])
    assert _screen(grid) == (True, True)


def test_empty_ruled_grid_is_not_a_table() -> None:
    """A grid with words in one column only (a write-in box) is not kept as a table."""
    grid = grid_ops(72, 700, [200, 80, 80], [["Name", "", ""], ["Address", "", ""]])
    assert _screen(grid + text_ops(72, 760, "Please write in capitals")) == (True, False)


def test_curves_leave_the_decision_to_pdfplumber() -> None:
    """Rounded boxes are curves this check does not read: the page is searched as before."""
    curve = "".join(
        f"{x} 700 m {x + 40} 700 l {x + 50} 700 {x + 50} 690 {x + 50} 680 c S\n"
        for x in (60, 160, 260)
    )
    lines = "".join(f"{x} 600 m {x} 500 l S\n" for x in (60, 160, 260))
    lines += "".join(f"60 {y} m 300 {y} l S\n" for y in (600, 550, 500))
    assert _screen(curve + lines + text_ops(80, 580, "Some text")) == (True, True)
