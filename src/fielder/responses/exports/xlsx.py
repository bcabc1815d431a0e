"""XLSX export: XlsxWriter in constant-memory mode, written to a file the caller streams.

One sheet of responses (the CSV's columns; numbers as numbers, every text written as text so
that nothing is ever run as a formula) and a `questions` sheet naming each answer column.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

import xlsxwriter

from fielder.ir.models import Question, Survey
from fielder.responses.exports.columns import ResponseRow, answered_questions, row_cells
from fielder.responses.exports.csv import header

MEDIA_TYPE: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Excel's own limits: rows per sheet and characters per cell.
MAX_ROWS: Final = 1_048_576
MAX_CELL_CHARS: Final = 32_767


def write_xlsx(survey: Survey, rows: Iterable[ResponseRow], path: Path) -> int:
    """Write the responses workbook to `path`; gives the number of responses written.

    Past Excel's row limit the responses go on in a further sheet (`responses 2`, …).
    """
    workbook = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False}
    )
    try:
        bold = workbook.add_format({"bold": True})
        questions = answered_questions(survey)
        columns = header(survey)
        sheet, sheet_row, sheets, count = None, MAX_ROWS, 0, 0
        for row in rows:
            if sheet_row >= MAX_ROWS:
                sheets += 1
                sheet = _responses_sheet(workbook, columns, bold, sheets)
                sheet_row = 1
            assert sheet is not None
            _write_row(sheet, sheet_row, row_cells(row, questions))
            sheet_row += 1
            count += 1
        if sheet is None:
            _responses_sheet(workbook, columns, bold, 1)
        _questions_sheet(workbook, questions, bold)
    finally:
        workbook.close()
    return count


def _responses_sheet(workbook: Any, columns: list[str], bold: Any, number: int) -> Any:
    sheet = workbook.add_worksheet("responses" if number == 1 else f"responses {number}")
    for col, name in enumerate(columns):
        sheet.write_string(0, col, name, bold)
    sheet.freeze_panes(1, 1)
    return sheet


def _write_row(sheet: Any, row_index: int, cells: list[str | int | float | None]) -> None:
    for col, cell in enumerate(cells):
        if cell is None:
            continue
        if isinstance(cell, int | float):
            sheet.write_number(row_index, col, cell)
        else:
            sheet.write_string(row_index, col, cell[:MAX_CELL_CHARS])


def _questions_sheet(workbook: Any, questions: list[Question], bold: Any) -> None:
    sheet = workbook.add_worksheet("questions")
    for col, name in enumerate(("column", "question_id", "type", "text")):
        sheet.write_string(0, col, name, bold)
    for index, question in enumerate(questions, start=1):
        values = (f"answer:{question.id}", question.id, question.type, question.text)
        for col, value in enumerate(values):
            sheet.write_string(index, col, value[:MAX_CELL_CHARS])
