"""A grid written as two tables, its rows and its columns, as scripting tools name them:

    Row | Statement              Column | Scale
    r1  | Is easy to use         1      | Disagree
    r2  | Is good value          2      | Agree

Forsta/Confirmit, Decipher and Dimensions specs list a grid's rows (`r1`, `r2`, … or 1, 2, …)
and its columns (the scale, with codes) in tables headed by those words. Read as answer tables,
the row ids became answers' labels and the second column's heading an answer. They are written
out as the plain `Rows:` / `Columns:` layout the rules read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Document

# ("Sub-questions (rows)": Askia's name for a loop's rows)
_ROW_HEAD_RE = re.compile(
    r"^(?:rows?|row\s+(?:id|code|label)|statements?\s+id|sub-?questions?(?:\s*\(rows?\))?)$",
    re.I,
)
_COLUMN_HEAD_RE = re.compile(r"^(?:columns?|cols?|column\s+(?:id|code|label))$", re.I)
_ROW_ID_RE = re.compile(r"^(?:r|row\s*)?\d{1,3}$", re.I)
_COLUMN_ID_RE = re.compile(r"^(?:c|col\s*)?(?P<code>-?\d{1,3})$", re.I)


def row_column_document(document: Document) -> Document:
    """The document with a grid's `Row | …` and `Column | …` tables written as its rows and
    its columns."""
    blocks: list[Block] = []
    changed = False
    for block in document.blocks:
        written = _written(block) if block.kind == "table" else None
        if written is None:
            blocks.append(block)
            continue
        blocks.extend(written)
        changed = True
    return replace(document, blocks=blocks) if changed else document


def _written(block: Block) -> list[Block] | None:
    rows = [[" ".join(cell.text.split()) for cell in row] for row in block.rows]
    if len(rows) < 3 or any(len(row) != 2 for row in rows):
        return None
    head, body = rows[0][0], rows[1:]
    if _ROW_HEAD_RE.match(head) and all(_ROW_ID_RE.match(r[0]) and r[1] for r in body):
        texts = ["Rows:", *(r[1] for r in body)]
    elif _COLUMN_HEAD_RE.match(head) and all(_COLUMN_ID_RE.match(r[0]) and r[1] for r in body):
        texts = ["Columns:"]
        for r in body:
            match = _COLUMN_ID_RE.match(r[0])
            assert match is not None
            texts.append(f"{match['code']}\t{r[1]}")
    else:
        return None
    return [
        replace(block, kind="paragraph", text=text, runs=(), rows=(), level=0) for text in texts
    ]
