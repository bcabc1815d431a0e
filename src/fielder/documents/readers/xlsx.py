"""Excel .xlsx (openpyxl, read-only): each visible sheet becomes one table block.

The table keeps the sheet's columns (Q# | text | options | code | …) so the compiler can
see them; the sheet name is the block's style and the sheet's position its page.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from fielder.documents.errors import UnreadableFile
from fielder.documents.model import Cell, Document, Run
from fielder.documents.readers.base import DocumentBuilder, make_cell
from fielder.documents.safety import open_zip

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_ROWS = 20_000
MAX_COLUMNS = 60


def read_xlsx(data: bytes, name: str) -> Document:
    """Read an .xlsx workbook: one table block per visible worksheet."""
    archive = open_zip(data, "Excel workbook")
    if not archive.has("xl/workbook.xml"):
        what = "a Word document" if archive.has("word/document.xml") else "not a workbook"
        raise UnreadableFile(f"the file is named as an Excel workbook (.xlsx) but is {what}")
    archive.refuse_dtds()
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableFile(f"the Excel workbook is damaged: {exc}") from exc
    builder = DocumentBuilder()
    try:
        for index, sheet in enumerate(workbook.worksheets, start=1):
            if getattr(sheet, "sheet_state", "visible") != "visible":
                builder.notes.append(f"hidden sheet '{sheet.title}' was skipped")
                continue
            builder.page = index
            builder.add_table(_sheet_rows(sheet, builder.notes), style=sheet.title)
    finally:
        workbook.close()
    return builder.build(name, MEDIA_TYPE, page_count=len(workbook.worksheets))


def _sheet_rows(sheet: Any, notes: list[str]) -> list[list[Cell]]:
    """The sheet's rows as cells, trailing empty columns removed."""
    rows: list[list[Cell]] = []
    for count, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS)):
        if count >= MAX_ROWS:
            notes.append(f"sheet '{sheet.title}' was cut after {MAX_ROWS} rows")
            break
        rows.append([_cell(cell) for cell in row])
    width = max(
        (i + 1 for row in rows for i, cell in enumerate(row) if cell.text),
        default=0,
    )
    return [row[:width] + [Cell("")] * (width - len(row)) for row in rows]


def _cell(cell: Any) -> Cell:
    value = getattr(cell, "value", None)
    if value is None:
        return Cell("")
    font = getattr(cell, "font", None)
    return make_cell([_run(_text(value), font)])


def _text(value: object) -> str:
    """A cell value as the sheet shows it: 1.0 → "1", dates as ISO dates."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _run(text: str, font: Any) -> Run:
    if font is None:
        return Run(text)
    return Run(
        text=text,
        bold=bool(font.b),
        italic=bool(font.i),
        underline=bool(font.u) and font.u != "none",
        color=_colour(font.color),
    )


def _colour(color: Any) -> str | None:
    """'#RRGGBB' of an explicit RGB font colour (theme and indexed colours are left out)."""
    rgb = getattr(color, "rgb", None) if color is not None else None
    if getattr(color, "type", None) != "rgb" or not isinstance(rgb, str) or len(rgb) != 8:
        return None
    hex_value = rgb[2:].upper()
    return None if hex_value == "000000" else "#" + hex_value
