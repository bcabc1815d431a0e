"""The CSV export as the endpoint streams it: on PostgreSQL, each answer cut out by the server.

`exports.csv.iter_csv` formats decoded rows one cell at a time. On PostgreSQL, the server
hands over each answer as its own JSON text (`answers -> 'Q1'`) and each time as ISO text, so
most cells never need decoding: a survey's answers repeat (codes, lists of codes, grid
objects), and a cell already formatted is looked up by its JSON text. The rest take the same
rules as `iter_csv` (`csv_cell` on the decoded answer); the file is the same byte for byte
(a test compares the two on a varied dataset). SQLite goes through `iter_csv`.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Generator, Iterator
from itertools import compress, repeat
from operator import is_
from typing import Any, Final

from fielder.config import Settings
from fielder.db.session import get_engine
from fielder.ir.models import Survey
from fielder.responses.export_rows import EXPORT_BATCH, copy_text, export_rows, is_postgresql
from fielder.responses.exports.columns import answered_questions
from fielder.responses.exports.csv import (
    FORMULA_STARTS,
    ROWS_PER_CHUNK,
    UTF8_BOM,
    csv_cell,
    header,
    iter_csv,
)

#: Answers whose JSON text is at most this long are remembered once formatted (strings, at
#: most `_CACHE_STRING`: codes repeat, free text seldom does) …
_CACHE_TEXT: Final = 64
_CACHE_STRING: Final = 16
#: … up to this many of them (then the cache starts afresh: memory stays flat).
_CACHE_SIZE: Final = 50_000

#: PostgreSQL's limit is 1,664 columns a row: longer surveys take `iter_csv`.
_MAX_QUESTIONS: Final = 1_600

_META_SQL: Final = "id, respondent_email, respondent_token, status, outcome"
#: Python's `isoformat()` of a UTC time plus `Z` (no fraction on a whole second), as `iso_time`.
_TIME_SQL: Final = (
    "to_char({0} AT TIME ZONE 'UTC', CASE WHEN date_trunc('second', {0}) = {0}"
    ' THEN \'YYYY-MM-DD"T"HH24:MI:SS"Z"\' ELSE \'YYYY-MM-DD"T"HH24:MI:SS.US"Z"\' END)'
)
_TIMES: Final = ("started_at", "completed_at", "created_at")


def export_csv(
    settings: Settings, survey_id: str, survey: Survey, *, bom: bool = False
) -> Iterator[bytes]:
    """The survey's responses as CSV byte chunks; `bom` starts them with a UTF-8 BOM."""
    engine = get_engine(settings)
    ids = [question.id for question in answered_questions(survey)]
    if not is_postgresql(engine) or len(ids) > _MAX_QUESTIONS:
        return iter_csv(survey, export_rows(settings, survey_id), bom=bom)
    answers = "".join([", answers -> %s"] * len(ids))
    times = ", ".join(_TIME_SQL.format(column) for column in _TIMES)
    # NULL as an empty field: a JSON text is never empty, and the CSV shows a null text empty.
    statement = (
        f"COPY (SELECT {_META_SQL}, {times}{answers} FROM responses WHERE survey_id = %s"
        " ORDER BY created_at, id) TO STDOUT (FORMAT text, NULL '')"
    )
    pieces = copy_text(engine, statement, (*ids, survey_id), batch=EXPORT_BATCH)
    return _csv_chunks(survey, pieces, bom=bom)


def _csv_chunks(
    survey: Survey, pieces: Generator[str, None, None], *, bom: bool
) -> Iterator[bytes]:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(header(survey))
    head = (UTF8_BOM if bom else b"") + buffer.getvalue().encode("utf-8")
    cache: dict[str, str] = {"": ""}
    cached = cache.get
    lines: list[str] = []
    with contextlib.closing(pieces):
        for piece in pieces:
            for line in piece[:-1].split("\n"):
                row = line.split("\t")
                if "\\" in line:  # escaped characters: a closer look at every field
                    row = [_unescaped(field) for field in row]
                    meta = ",".join(map(_text_field, row[:8]))
                else:
                    meta = ",".join(row[:8])
                    if _meta_needs_care(meta):
                        meta = ",".join(map(_text_field, row[:8]))
                cells: list[Any] = [meta]
                cells.extend(map(cached, row[8:]))
                if None in cells:
                    _fill_misses(cells, row, cache)
                lines.append(",".join(cells))
                if len(lines) == ROWS_PER_CHUNK:
                    yield head + _joined(lines)
                    head = b""
                    lines.clear()
    yield head + _joined(lines)


def _meta_needs_care(meta: str) -> bool:
    """Whether the row's own fields, joined with commas as they came, need `_text_field`: one
    starts with a formula character, or holds a comma or a quote (tabs and line breaks come
    escaped, and so never get here)."""
    return (
        meta[0] in FORMULA_STARTS
        or '"' in meta
        or meta.count(",") != 7
        or ",=" in meta
        or ",+" in meta
        or ",-" in meta
        or ",@" in meta
    )


def _fill_misses(cells: list[Any], row: list[str], cache: dict[str, str]) -> None:
    """Format the answers not found in the cache (`cells[0]` is the row's own fields)."""
    for index in compress(range(len(cells)), map(is_, cells, repeat(None))):
        text = row[index + 7]
        if text[0] == '"' and "\\" not in text and text[1] not in "=+-@":
            # A string without escapes (so without a quote, a tab or a line break) that is
            # no formula: as a CSV field, its JSON text if quoting is needed, else its text.
            cells[index] = field = text if "," in text else text[1:-1]
            if len(text) > _CACHE_STRING:  # free text, which seldom comes twice
                continue
        else:
            cells[index] = field = _quoted(csv_cell(json.loads(text)))
            if len(text) > _CACHE_TEXT:
                continue
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
            cache[""] = ""
        cache[text] = field


#: COPY's text format escapes (it never writes its octal or hex forms).
_COPY_ESCAPE: Final = re.compile(r"\\(.)", re.DOTALL)
_COPY_ESCAPED: Final = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _unescaped(field: str) -> str:
    if "\\" not in field:
        return field
    return _COPY_ESCAPE.sub(lambda match: _COPY_ESCAPED.get(match[1], match[1]), field)


def _text_field(value: str) -> str:
    """A text cell, defused against formula injection and quoted as `csv.writer` does."""
    if not value:
        return ""
    if value[0] in FORMULA_STARTS:
        value = "'" + value
    return _quoted(value)


def _quoted(value: str) -> str:
    """`csv.writer`'s minimal quoting: fields with a comma, quote or line break."""
    if '"' in value:
        return '"' + value.replace('"', '""') + '"'
    if "," in value or "\n" in value or "\r" in value:
        return '"' + value + '"'
    return value


def _joined(lines: list[str]) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8") if lines else b""
