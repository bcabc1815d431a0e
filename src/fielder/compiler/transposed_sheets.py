"""Questionnaire sheets laid out sideways: one question per COLUMN.

Column A names the fields down the side (`ID`, `Question text`, `Type`, `Logic`,
`Answers →`) and each later column is one question, its answers one per cell from the
answers row down. Read as it stands, no row is a header; turned a quarter, it is the
ordinary one-question-per-row sheet, with each column's answers one per line in one cell.
A Word spec card (one two-column table per question: `Question ID | A4`, `Question text | …`,
`Answers | …`) is the same layout with a single question.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Cell, Run

# "Answers →", "Options:", "Codes ↓": a side label's pointing marks are not its words
_POINTER_RE = re.compile(r"[\s:→↓⇒>=\-–]+$")


def _side_label(cell: Cell) -> str:
    return _POINTER_RE.sub("", cell.text.strip())


def _field_rows(block: Block) -> list[int] | None:
    """The rows whose first cell names a field, when they include the question's words and
    its id or type (and no row across is already a header)."""
    from fielder.compiler.sheet import _columns, _header_index

    labelled = [i for i, row in enumerate(block.rows) if row and _side_label(row[0])]
    while labelled and not any(c.text.strip() for c in block.rows[labelled[0]][1:]):
        labelled.pop(0)  # the sheet's title over the side labels, alone in its row
    if len(labelled) < 3 or _header_index(block) is not None:
        return None
    roles = _columns(tuple(_side_label(block.rows[i][0]) for i in labelled))
    if "text" not in roles or not ({"id", "type"} & roles.keys()):
        return None
    if len(roles) < max(3, 0.75 * len(labelled)):
        return None  # most side labels name a field, or column A is something else
    named = {labelled[i] for i in roles.values()}
    if labelled[0] not in named:
        return None  # a title over the side labels: not this layout
    return labelled


def _joined(cells: list[Cell]) -> Cell:
    """Cells of one column under one field, one per line (empty ones left out)."""
    kept = [c for c in cells if c.text.strip()]
    if not kept:
        return Cell("")
    if len(kept) == 1:
        return kept[0]
    runs: list[Run] = []
    for index, cell in enumerate(kept):
        if index:
            runs.append(Run("\n"))
        runs.extend(cell.runs or (Run(cell.text),))
    text = "\n".join(c.text.strip() for c in kept)
    return Cell(text, tuple(runs), kept[0].start, kept[-1].end)


def untranspose(block: Block) -> Block:
    """The sheet turned so each question is a row under a header of the side labels; any
    other table comes back as it was."""
    if block.kind != "table" or len(block.rows) < 3:
        return block
    width = max(len(r) for r in block.rows)
    if width < 2:
        return block
    fields = _field_rows(block)
    if fields is None:
        return block
    spans = list(zip(fields, [*fields[1:], len(block.rows)], strict=True))
    header = tuple(Cell(_side_label(block.rows[i][0])) for i in fields)
    rows: list[tuple[Cell, ...]] = [header]
    for column in range(1, width):
        row = tuple(
            _joined([r[column] for r in block.rows[start:end] if column < len(r)])
            for start, end in spans
        )
        if any(c.text.strip() for c in row):
            rows.append(row)
    if len(rows) < 2:
        return block
    return replace(block, rows=tuple(rows))
