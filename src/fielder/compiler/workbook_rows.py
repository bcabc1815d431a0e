"""Rows of a programming or translation workbook that are not questions of their own.

A workbook that lists every string the script shows (so translators can translate it) has rows
no questionnaire has: interface strings (`BTN_NEXT | UI | Next`, an error message `Q5_ERR | UI`),
a grid's statements and columns on rows named after the grid (`Q8_r1`, `Q8_r2`, `Q8_c | 1 |
Strongly disagree`), and the screen-out page the screening terminates send people to. Each
reading is keyed on the row's own cells: the type cell, an id built on the question above, the
page's own note.
"""

from __future__ import annotations

import dataclasses
import re

from fielder.documents.model import Cell

# "UI", "UI string", "Button", "Error message": an interface string in the type column
_UI_TYPE_RE = re.compile(r"^(?:ui(?:\s+(?:string|text|label))?|button|error(?:\s+message)?)$", re.I)
# the grid's row and column suffixes on the parent's id: "_r1", "_row2", "_c", "_c3", "_col"
_ROW_SUFFIX_RE = r"[_.](?:r|row)\d{1,2}"
_COLUMN_SUFFIX_RE = r"[_.](?:c|col|column)\d{0,2}"
# the page's own note: "Screen-out page (used by S1-S3)", "Terminate page", "Over-quota page"
_SCREEN_PAGE_RE = re.compile(
    r"^(?:standard\s+)?(?:screen[- ]?out|terminat\w*|over[- ]?quota|quota[- ]?full)\s+page\b", re.I
)


def _blank(cell: Cell) -> Cell:
    return dataclasses.replace(cell, text="")


def _with(cell: Cell, text: str) -> Cell:
    return dataclasses.replace(cell, text=text)


def workbook_rows(
    body: tuple[tuple[Cell, ...], ...], columns: dict[str, int], notes_at: set[int]
) -> tuple[tuple[Cell, ...], ...]:
    """`body` without interface rows and screen-out pages, with a grid's `_rN` rows typed as
    rows and its `_c` rows as the grid's answers (their id cleared)."""
    ident_at, type_at = columns.get("id"), columns.get("type")
    if ident_at is None or type_at is None:
        return body
    out: list[tuple[Cell, ...]] = []
    parent = ""
    for row in body:
        ident = row[ident_at].text.strip() if ident_at < len(row) else ""
        kind = row[type_at].text.strip() if type_at < len(row) else ""
        if ident and _UI_TYPE_RE.match(kind):
            continue  # a button's or an error message's words: translated, never asked
        notes = [row[i].text.strip() for i in sorted(notes_at) if i < len(row)]
        if ident and any(_SCREEN_PAGE_RE.match(n) for n in notes):
            continue  # the page the screen-outs end on: the terminates stand for it
        if (
            ident
            and parent
            and not kind
            and re.fullmatch(re.escape(parent) + _ROW_SUFFIX_RE, ident, re.I)
        ):
            # "Q8_r1 | | There are enough …": a statement of the grid above
            out.append(tuple(_with(c, "row") if i == type_at else c for i, c in enumerate(row)))
            continue
        if (
            ident
            and parent
            and not kind
            and re.fullmatch(re.escape(parent) + _COLUMN_SUFFIX_RE, ident, re.I)
        ):
            # "Q8_c | 1 | Strongly disagree": one of the grid's answer columns
            out.append(tuple(_blank(c) if i == ident_at else c for i, c in enumerate(row)))
            continue
        if ident:
            parent = ident
        out.append(row)
    return tuple(out)


def grid_columns_follow(row: tuple[Cell, ...], columns: dict[str, int]) -> bool:
    """An answer row with its code right after a grid's statement rows: the first of the
    grid's columns (only `workbook_rows` leaves coded rows without an id there)."""
    at = columns.get("code")
    return at is not None and at < len(row) and bool(re.fullmatch(r"\d{1,3}", row[at].text.strip()))
