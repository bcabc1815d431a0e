"""SPSS `.sav` export with pyreadstat: variable labels from question texts, value labels from
option labels, one 0/1 column per option of a multi, one column per row of a grid.

pyreadstat writes a whole data frame at once, so the rows are written in chunks of
`CHUNK_ROWS`, each an uncompressed `.sav` of the same dictionary, and the chunks' case data are
concatenated behind the first chunk's dictionary (uncompressed SAV data is a plain sequence of
fixed-size cases; the case count in the header is then set to the total). For every chunk to
have the same dictionary, each string variable is padded to the widest value: the rows are
read once, their values set aside in a temporary file chunk by chunk while the widths are
measured, then written (SPSS pads strings with blanks anyway). Memory stays flat with the count.
"""

from __future__ import annotations

import functools
import math
import pickle
import re
import struct
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO, Final, Literal

import polars as pl
import pyreadstat

from fielder.ir.models import Option, Question, Survey
from fielder.responses.exports.columns import (
    META_COLUMNS,
    ResponseRow,
    answered_questions,
    iso_time,
    json_text,
)

MEDIA_TYPE: Final = "application/x-spss-sav"
CHUNK_ROWS: Final = 5_000
SELECTED_LABELS: Final[dict[float, str]] = {0.0: "Not selected", 1.0: "Selected"}
#: Offsets in the SAV file header record (`$FL2`): 8-byte units per case, number of cases.
_CASE_SIZE_OFFSET: Final = 68
_COMPRESSION_OFFSET: Final = 72
_NCASES_OFFSET: Final = 80
_RESERVED: Final = frozenset(
    {"ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"}
)

Extract = Callable[[ResponseRow], Any]


class SavWriteError(RuntimeError):
    """The chunks pyreadstat wrote could not be joined (their dictionaries differ)."""


@dataclass(slots=True)
class SavColumn:
    """One SPSS variable: its name, label, kind, value labels and how to read it from a row."""

    name: str
    label: str
    kind: Literal["number", "string"]
    extract: Extract
    value_labels: dict[float, str] | None = None
    measure: Literal["nominal", "ordinal", "scale"] = "nominal"
    width: int = field(default=1)


def write_sav(
    survey: Survey, rows: Iterable[ResponseRow], path: Path, *, chunk_rows: int = CHUNK_ROWS
) -> int:
    """Write the responses as an SPSS file at `path`; gives the number of cases written."""
    columns = sav_columns(survey)
    total, chunks = 0, 0
    with tempfile.TemporaryDirectory(prefix="fielder-sav-") as tmp:
        values_path, chunk_path = Path(tmp) / "values", Path(tmp) / "chunk.sav"
        with values_path.open("wb") as values:
            for chunk in _batches(rows, chunk_rows):
                by_column = _values(columns, chunk)
                _measure_widths(columns, by_column)
                pickle.dump(by_column, values, protocol=pickle.HIGHEST_PROTOCOL)
                total += len(chunk)
                chunks += 1
        with values_path.open("rb") as values, path.open("wb") as out:
            header_length: int | None = None
            for _ in range(chunks):
                _write_chunk(survey, columns, pickle.load(values), chunk_path)
                header_length = _append_chunk(chunk_path, out, header_length)
            if header_length is None:
                _write_chunk(survey, columns, _values(columns, []), chunk_path)
                _append_chunk(chunk_path, out, None)
    _set_case_count(path, total)
    return total


def sav_columns(survey: Survey) -> list[SavColumn]:
    """The SPSS variables of a survey's export: the response's fields, then its answers."""
    names = _Names()
    columns = [_meta_column(names, name) for name in META_COLUMNS]
    by_id = survey.question_map()
    for question in answered_questions(survey):
        columns.extend(_question_columns(names, question, _options(question, by_id)))
    return columns


def _meta_column(names: _Names, name: str) -> SavColumn:
    field = attrgetter(name)  # META_COLUMNS are `ResponseRow`'s own field names

    def extract(row: ResponseRow) -> Any:
        value = field(row)
        return iso_time(value) if hasattr(value, "isoformat") else value

    return SavColumn(names.take(name), name, "string", extract)


def _options(question: Question, by_id: dict[str, Question]) -> list[Option]:
    if question.options or question.options_from is None:
        return question.options
    source = by_id.get(question.options_from.question)
    return source.options if source is not None else []


def _question_columns(names: _Names, question: Question, options: list[Option]) -> list[SavColumn]:
    qid, text = question.id, question.text or question.id
    kind = question.type
    if kind in {"single", "dropdown", "scale"}:
        return [
            _coded(names.take(qid), text, options, _answer(qid, _code)),
            *_specify(names, question, options),
        ]
    if kind == "multi":
        return [
            *_selected_columns(names, question, options, _answer(qid, _codes)),
            *_specify(names, question, options),
        ]
    if kind == "grid":
        return _grid_columns(names, question, options)
    if kind == "ranking":
        return [
            _per_option(names, question, option, _rank_of(qid, option.code), "ordinal")
            for option in options
        ]
    if kind == "constant_sum":
        return [
            _per_option(names, question, option, _amount_of(qid, option.code), "scale")
            for option in options
        ]
    if kind == "number":
        return [SavColumn(names.take(qid), text, "number", _answer(qid, _number), measure="scale")]
    return [SavColumn(names.take(qid), text, "string", _answer(qid, _text))]


def _coded(name: str, label: str, options: list[Option], extract: Extract) -> SavColumn:
    """A single-choice variable: numeric with value labels when every code is a number."""
    labels = _value_labels(options)
    if labels is None:
        return SavColumn(name, label, "string", extract)
    return SavColumn(name, label, "number", lambda row: _number(extract(row)), labels)


def _selected_columns(
    names: _Names, question: Question, options: list[Option], codes: Extract, prefix: str = ""
) -> list[SavColumn]:
    codes = _per_row(codes)  # one read of the answer for all of the question's 0/1 columns
    columns = []
    for option in options:
        name = names.take(f"{question.id}_{prefix}{option.code}")
        label = f"{question.text or question.id}: {option.label}"
        columns.append(
            SavColumn(name, label, "number", _is_selected(codes, option.code), SELECTED_LABELS)
        )
    return columns


def _specify(names: _Names, question: Question, options: list[Option]) -> list[SavColumn]:
    return [
        SavColumn(
            names.take(f"{question.id}_{option.code}_text"),
            f"{question.text or question.id}: {option.label} (specified)",
            "string",
            _specified_text(question.id, option.code),
        )
        for option in options
        if option.specify
    ]


def _grid_columns(names: _Names, question: Question, options: list[Option]) -> list[SavColumn]:
    columns: list[SavColumn] = []
    for row in question.rows:
        label = f"{question.text or question.id}: {row.label}"
        cell = _grid_cell(question.id, row.id)
        if question.multiple:
            for column in _selected_columns(names, question, options, cell, f"{row.id}_"):
                column.label = f"{label}: {column.label.rsplit(': ', 1)[-1]}"
                columns.append(column)
        else:
            columns.append(_coded(names.take(f"{question.id}_{row.id}"), label, options, cell))
    return columns


def _per_option(
    names: _Names, question: Question, option: Option, extract: Extract, measure: Any
) -> SavColumn:
    label = f"{question.text or question.id}: {option.label}"
    return SavColumn(
        names.take(f"{question.id}_{option.code}"), label, "number", extract, measure=measure
    )


def _value_labels(options: list[Option]) -> dict[float, str] | None:
    labels: dict[float, str] = {}
    for option in options:
        number = _number(option.code)
        if number is None:
            return None
        labels[number] = option.label
    return labels


# --- reading answers -------------------------------------------------------------------------


def _answer(qid: str, convert: Callable[[Any], Any]) -> Extract:
    return lambda row: convert(row.answers.get(qid))


def _code(value: Any) -> str | None:
    if type(value) is str:  # the common case first: extraction runs for every cell
        return value
    if isinstance(value, dict):
        value = value.get("code")
    return None if value is None or isinstance(value, dict | list) else str(value)


def _codes(value: Any) -> set[str] | None:
    if value is None:
        return None
    codes = set(map(_code, value if isinstance(value, list) else [value]))
    codes.discard(None)
    return codes  # type: ignore[return-value]


def _number(value: Any) -> float | None:
    kind = type(value)
    if kind is str:
        return _number_of_text(value)
    if kind is float:
        return value if math.isfinite(value) else None
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


@functools.lru_cache(maxsize=4096)
def _number_of_text(text: str) -> float | None:
    """A text's number (codes, mostly: the same few, once each)."""
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json_text(value)


def _per_row(extract: Extract) -> Extract:
    """`extract`, computed once per row however many columns ask (rows are read row-major)."""
    last_row: ResponseRow | None = None
    last_value: Any = None

    def once(row: ResponseRow) -> Any:
        nonlocal last_row, last_value
        if row is not last_row:
            last_row, last_value = row, extract(row)
        return last_value

    return once


def _is_selected(codes: Extract, code: str) -> Extract:
    def extract(row: ResponseRow) -> float | None:
        selected = codes(row)
        return None if selected is None else float(code in selected)

    return extract


def _specified_text(qid: str, code: str) -> Extract:
    def extract(row: ResponseRow) -> str | None:
        value = row.answers.get(qid)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and str(item.get("code")) == code:
                text = item.get("text")
                return None if text is None else str(text)
        return None

    return extract


def _grid_cell(qid: str, row_id: str) -> Extract:
    def extract(row: ResponseRow) -> Any:
        value = row.answers.get(qid)
        return value.get(row_id) if isinstance(value, dict) else None

    return extract


def _rank_of(qid: str, code: str) -> Extract:
    def extract(row: ResponseRow) -> float | None:
        value = row.answers.get(qid)
        if not isinstance(value, list):
            return None
        ranked = [_code(item) for item in value]
        return float(ranked.index(code) + 1) if code in ranked else None

    return extract


def _amount_of(qid: str, code: str) -> Extract:
    def extract(row: ResponseRow) -> float | None:
        value = row.answers.get(qid)
        return _number(value.get(code)) if isinstance(value, dict) else None

    return extract


# --- names -----------------------------------------------------------------------------------


class _Names:
    """Unique, legal SPSS variable names (letters first, ≤ 64 bytes, not reserved)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def take(self, wanted: str) -> str:
        name = re.sub(r"[^A-Za-z0-9_.@#$]", "_", wanted)
        if not name or not name[0].isalpha():
            name = "v" + name
        if name.upper() in _RESERVED:
            name += "_"
        name = name.rstrip(".")[:60] or "v"
        candidate, suffix = name, 1
        while candidate.upper() in self.taken:
            suffix += 1
            candidate = f"{name}_{suffix}"
        self.taken.add(candidate.upper())
        return candidate


# --- writing ---------------------------------------------------------------------------------


def _batches(rows: Iterable[ResponseRow], size: int) -> Iterator[list[ResponseRow]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _values(columns: list[SavColumn], chunk: list[ResponseRow]) -> list[tuple[Any, ...]]:
    """The chunk's values column by column, read row by row (so that `_per_row` reads each
    answer once)."""
    extracts = [column.extract for column in columns]
    table = [[extract(row) for extract in extracts] for row in chunk]
    return list(zip(*table, strict=True)) if table else [() for _ in columns]


def _measure_widths(columns: list[SavColumn], by_column: list[tuple[Any, ...]]) -> None:
    for column, values in zip(columns, by_column, strict=True):
        if column.kind == "string":
            widest = max(
                (len(str(value).encode("utf-8")) for value in values if value is not None),
                default=0,
            )
            column.width = max(column.width, widest)


def _padded(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text + " " * (width - len(text.encode("utf-8")))


def _write_chunk(
    survey: Survey, columns: list[SavColumn], by_column: list[tuple[Any, ...]], path: Path
) -> None:
    data: dict[str, list[Any]] = {}
    schema: dict[str, Any] = {}
    for column, values in zip(columns, by_column, strict=True):
        if column.kind == "string":
            data[column.name] = [_padded(value, column.width) for value in values]
            schema[column.name] = pl.String
        else:
            data[column.name] = [math.nan if value is None else value for value in values]
            schema[column.name] = pl.Float64
    frame = pl.DataFrame(data, schema=schema)
    pyreadstat.write_sav(
        frame,
        str(path),
        file_label=(survey.title or "fielder responses")[:64],
        column_labels={column.name: column.label[:255] for column in columns},
        variable_value_labels={c.name: c.value_labels for c in columns if c.value_labels},
        variable_measure={column.name: column.measure for column in columns},
    )


def _append_chunk(chunk_path: Path, out: BinaryIO, header_length: int | None) -> int:
    """Copy the first chunk whole, and only the case data of the later ones."""
    with chunk_path.open("rb") as chunk:
        head = chunk.read(_NCASES_OFFSET + 4)
        case_units, compression = struct.unpack_from("<ii", head, _CASE_SIZE_OFFSET)
        (cases,) = struct.unpack_from("<i", head, _NCASES_OFFSET)
        size = chunk_path.stat().st_size
        length: int = size - int(cases) * int(case_units) * 8
        if compression != 0 or (header_length is not None and length != header_length):
            raise SavWriteError("SPSS chunks do not share one dictionary")
        chunk.seek(0 if header_length is None else length)
        while block := chunk.read(1 << 20):
            out.write(block)
    return length


def _set_case_count(path: Path, count: int) -> None:
    with path.open("r+b") as file:
        file.seek(_NCASES_OFFSET)
        file.write(struct.pack("<i", count))
