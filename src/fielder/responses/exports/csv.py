"""CSV export: one row per response, streamed in chunks of bytes (constant memory).

Cells a spreadsheet would run as a formula (starting with `= + - @`, a tab or a CR) are
prefixed with `'` (OWASP's CSV-injection rule); numbers written from numeric answers are
numbers, not text, and are left as they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any, Final

from fielder.ir.models import Survey
from fielder.responses.exports.columns import (
    META_COLUMNS,
    ResponseRow,
    answer_columns,
    answered_questions,
    flat_text,
    json_text,
    number_text,
)

MEDIA_TYPE: Final = "text/csv; charset=utf-8"
UTF8_BOM: Final = "\ufeff".encode()
FORMULA_STARTS: Final = frozenset("=+-@\t\r")
#: Rows buffered before a chunk is handed to the client.
ROWS_PER_CHUNK: Final = 500


def safe_cell(value: str | int | float | None) -> str:
    """One cell as text, defused against formula injection."""
    if type(value) is str:
        return "'" + value if value[:1] in FORMULA_STARTS else value
    if value is None:
        return ""
    return number_text(value)  # type: ignore[arg-type]


def csv_cell(value: Any) -> str:
    """One answer or field as a defused CSV cell (the fast path of `safe_cell(flat_text(v))`)."""
    kind = type(value)
    if kind is str:
        return "'" + value if value[:1] in FORMULA_STARTS else value  # type: ignore[no-any-return]
    if value is None:
        return ""
    if kind is int:
        return str(value)
    if kind is list:
        try:
            text = ";".join(value)  # the common case: a list of codes
        except TypeError:
            return safe_cell(flat_text(value))
        return "'" + text if text[:1] in FORMULA_STARTS else text
    if kind is dict:
        return json_text(value)  # starts with "{": never a formula
    return safe_cell(flat_text(value))


def header(survey: Survey) -> list[str]:
    """The CSV header of API.md § 9: the response's fields, then `answer:<question_id>`."""
    return [*META_COLUMNS, *answer_columns(survey)]


def iter_csv(survey: Survey, rows: Iterable[ResponseRow], *, bom: bool = False) -> Iterator[bytes]:
    """The CSV file as a stream of byte chunks; `bom` starts it with a UTF-8 BOM for Excel."""
    ids = [question.id for question in answered_questions(survey)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(survey))
    count = 0
    first = True
    for row in rows:
        get = row.answers.get
        writer.writerow([*map(csv_cell, row.meta()), *map(csv_cell, map(get, ids))])
        count += 1
        if count % ROWS_PER_CHUNK == 0:
            yield _take(buffer, bom and first)
            first = False
    yield _take(buffer, bom and first)


def _take(buffer: io.StringIO, with_bom: bool) -> bytes:
    data = buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate()
    return UTF8_BOM + data if with_bom else data
