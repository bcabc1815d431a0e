"""XLSX export: XlsxWriter in constant-memory mode, written to a file the caller streams.

One sheet of responses (the CSV's columns; numbers as numbers, every text written as text so
that nothing is ever run as a formula) and a `questions` sheet naming each answer column.

XlsxWriter builds the package, the header row, styles and panes. The response rows, millions
of plain cells, are written by `_fast_row` straight into the worksheet's row stream, as the
same XML XlsxWriter's constant-memory mode writes for an unformatted string or number cell
(inline strings, its control-character and whitespace rules): XlsxWriter's generic per-cell
path costs about 5 µs a cell, most of a large export. XlsxWriter is pinned; a test reads the
file back with openpyxl.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

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
    # ZIP64: past about 700,000 responses of 40 questions the sheet's XML passes 4 GB before
    # compression, which a plain zip cannot hold (Excel 2010 and later open ZIP64 files).
    workbook = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False, "use_zip64": True}
    )
    try:
        bold = workbook.add_format({"bold": True})
        questions = answered_questions(survey)
        columns = header(survey)
        letters = [xl_col_to_name(col) for col in range(len(columns))]
        sheet, sheet_row, sheets, count = None, MAX_ROWS, 0, 0
        strings: dict[str, str] = {}
        for row in rows:
            if sheet_row >= MAX_ROWS:
                sheets += 1
                sheet = _responses_sheet(workbook, columns, bold, sheets)
                sheet_row = 1
            assert sheet is not None
            _fast_row(sheet, sheet_row, row_cells(row, questions), letters, strings)
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
    # Write the header row out now: later rows bypass XlsxWriter's pending-row table.
    sheet._write_single_row(1)
    return sheet


#: A string XlsxWriter would change: XML specials, control characters, its `_xHHHH_` escapes.
_NEEDS_ESCAPE: Final = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
#: The same without the escapes, which cannot be there without "_x" (a faster search).
_ESCAPED_CHARS: Final = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]")
#: Strings up to this long have their cell XML remembered (codes and short answers repeat) …
_CACHE_TEXT: Final = 64
#: … up to this many of them (then the cache starts afresh: memory stays flat).
_CACHE_SIZE: Final = 50_000


def _fast_row(
    sheet: Any,
    row_index: int,
    cells: list[str | int | float | None],
    letters: list[str],
    strings: dict[str, str] | None = None,
) -> None:
    """One row of unformatted cells, as XlsxWriter's constant-memory mode writes it.

    `strings` remembers the XML after the cell reference of the short strings written so far.
    """
    number = row_index + 1
    parts = [f'<row r="{number}">']
    if strings is None:
        strings = {}
    for col, cell in enumerate(cells):
        if cell is None:
            continue
        if type(cell) is str:
            tail = strings.get(cell)
            if tail is None:
                tail = _string_tail(sheet, cell)
                if len(cell) <= _CACHE_TEXT:
                    if len(strings) >= _CACHE_SIZE:
                        strings.clear()
                    strings[cell] = tail
            parts.append(f'<c r="{letters[col]}{number}"{tail}')
            continue
        if type(cell) is int or math.isfinite(cell):  # type: ignore[arg-type]
            parts.append(f'<c r="{letters[col]}{number}"><v>{cell:.16G}</v></c>')
        else:  # no NaN or infinity in a spreadsheet number
            parts.append(f'<c r="{letters[col]}{number}"{_string_tail(sheet, str(cell))}')
    parts.append("</row>")
    sheet._check_dimensions(row_index, 0)
    sheet.previous_row = row_index
    sheet.fh.write("".join(parts))


def _string_tail(sheet: Any, cell: str) -> str:
    """A string cell's XML after its reference: an inline string, escaped as XlsxWriter does."""
    text = cell[:MAX_CELL_CHARS]
    if ("_x" in text and _NEEDS_ESCAPE.search(text)) or _ESCAPED_CHARS.search(text):
        text = sheet._escape_data(sheet._escape_control_characters(text))
    # XlsxWriter's `_preserve_whitespace` (`^\s` or `\s$`), without its two regular expressions.
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f' t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _questions_sheet(workbook: Any, questions: list[Question], bold: Any) -> None:
    sheet = workbook.add_worksheet("questions")
    for col, name in enumerate(("column", "question_id", "type", "text")):
        sheet.write_string(0, col, name, bold)
    for index, question in enumerate(questions, start=1):
        values = (f"answer:{question.id}", question.id, question.type, question.text)
        for col, value in enumerate(values):
            sheet.write_string(index, col, value[:MAX_CELL_CHARS])
