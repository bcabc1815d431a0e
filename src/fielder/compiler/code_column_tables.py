"""Answer tables with a code column, and grids with an item-id column, as source questionnaires
of international assessments print them.

A source questionnaire sets each answer list as a two-column table `Response | Code` (or
`Answer | Value`), a row per answer with its code under a tick box (`I was sick. | ☐ 1`): the
rows are coded answers, not the rows of a grid. Its grids carry the fixed item identifier in a
first column with no heading (`ST004Q01 | A desk to study at | ☐ 1 | ☐ 2`, the question's id
and the item's number): the identifier names the item for the data, the words are the row.
A grid may also number its rows in a first column headed `No.` (1, 2, 3 …). Both are rewritten
into the plain layouts the rules know: one `label<TAB>code` paragraph per answer, and the grid
without its id or number column.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

from fielder.documents.model import Block, Cell, Document

_ANSWER_HEAD_RE = re.compile(
    r"^(?:responses?|answers?|categor(?:y|ies)|options?|answer\s+options?|labels?)$", re.I
)
_CODE_HEAD_RE = re.compile(r"^(?:codes?|values?|data\s+codes?)$", re.I)
_BOXED_CODE_RE = re.compile(r"^[☐□▢○◯]?\s*(\d{1,3})$")
_ITEM_ID_RE = re.compile(r"^[A-Z]{1,5}\d{1,4}[A-Z]?\d{0,3}(?:[._]?[A-Za-z]?\d{1,3})?$")


def code_column_document(document: Document) -> Document:
    """The document with code-column answer tables as answer lines and item-id columns of
    grids dropped."""
    blocks: list[Block] = []
    changed = False
    for block in document.blocks:
        answers = _answer_lines(block) if block.kind == "table" else None
        if answers is not None:
            blocks.extend(answers)
            changed = True
            continue
        trimmed = _without_id_column(block) if block.kind == "table" else None
        blocks.append(trimmed or block)
        changed = changed or trimmed is not None
    return replace(document, blocks=blocks) if changed else document


def _texts(row: tuple[Cell, ...]) -> list[str]:
    return [" ".join(cell.text.split()) for cell in row]


def _answer_lines(block: Block) -> list[Block] | None:
    rows = [_texts(row) for row in block.rows]
    if len(rows) < 3 or any(len(row) != 2 for row in rows):
        return None
    head, body = rows[0], rows[1:]
    if not (_ANSWER_HEAD_RE.match(head[0]) and _CODE_HEAD_RE.match(head[1])):
        return None
    codes = [_BOXED_CODE_RE.match(code) for _, code in body]
    if not all(codes) or not all(label for label, _ in body):
        return None
    return [
        replace(block, kind="paragraph", text=f"{label}\t{code[1]}", runs=(), rows=())
        for (label, _), code in zip(body, codes, strict=True)
        if code
    ]


# "No. | Statement | Agree …": a column that only numbers the rows, under a heading for "number"
_COUNT_HEAD_RE = re.compile(r"^(?:No\.?|Nr\.?|N[°º]|#)$", re.I)
_MARK_CELL_RE = re.compile(r"^[\s☐□▢○◯●()\d]*$")


def _without_id_column(block: Block) -> Block | None:
    """A grid whose first column holds item ids under an empty heading (or numbers its rows
    1, 2, 3 … under "No."), without that column."""
    rows = [_texts(row) for row in block.rows]
    if len(rows) < 3 or any(len(row) < 3 for row in rows):
        return None
    ids = [row[0] for row in rows[1:]]
    if _COUNT_HEAD_RE.match(rows[0][0]) and ids == [str(n) for n in range(1, len(ids) + 1)]:
        # (a grid's: boxes or codes to mark in every cell after the statement, not a whole
        # questionnaire laid out as a table with its question numbers first)
        marks = all(_MARK_CELL_RE.match(c) for row in rows[1:] for c in row[2:])
        return _drop_first_column(block) if marks and len(rows[0]) >= 4 else None
    if rows[0][0]:
        return None
    if not all(_ITEM_ID_RE.match(i) for i in ids) or len(set(ids)) != len(ids):
        return None
    if not any(c.isdigit() for c in os.path.commonprefix(ids)):
        return None  # "Q4", "Q5": questions of their own, not items of one question (ST004Q01)
    return _drop_first_column(block)


def _drop_first_column(block: Block) -> Block:
    kept = tuple(row[1:] for row in block.rows)
    text = "\n".join("\t".join(cell.text for cell in row) for row in kept)
    return replace(block, rows=kept, text=text)
