"""Exports of a survey's responses: CSV, JSON, XLSX and SPSS `.sav`, in constant memory.

Each writer takes the survey's IR and an iterable of `ResponseRow`; none touches the database,
so they run the same over a database cursor, a list in a test, or a benchmark's generator.
"""

from fielder.responses.exports.columns import META_COLUMNS, ResponseRow, answer_columns

EXPORT_FORMATS: tuple[str, ...] = ("json", "csv", "xlsx", "sav")

__all__ = ["EXPORT_FORMATS", "META_COLUMNS", "ResponseRow", "answer_columns"]
