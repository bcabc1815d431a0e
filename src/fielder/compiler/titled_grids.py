"""A grid printed as a table of its own, its id and ask across the top row:

    | C09   Over the last month, how often have you …?  (merged across)       |
    |                        | Never | Sometimes | Often | Always              |
    |                        | 1     | 2         | 3     | 4                   |   (or "Never\\n1")
    | a) Feeling rushed      | 1     | 2         | 3     | 4                   |

CAPI specifications in Word set a battery apart from the question table: the label and the
question (with the interviewer's capitals under it) in a merged first row, the column words
with their codes under them, then a row per item repeating the codes. The table is written
out as the labelled question, its notes, and the plain `Columns:` / `Rows:` layout.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Document, Run

_LABELLED_RE = re.compile(r"^(?P<id>[A-Z]{1,4}\d{1,3}[a-z]?)[.:)]?(?:\t|\s{2,}|\s(?=[A-Z]))\S")
_CODE_RE = re.compile(r"^-?\d{1,3}$")
_HEAD_RE = re.compile(r"^(?P<words>\S.*?)\s*\n\s*(?P<code>-?\d{1,3})$")
_ITEM_LETTER_RE = re.compile(r"^\(?[a-z]{1,2}[.)]\s+")


def titled_grid_document(document: Document) -> Document:
    """The document with each titled grid table written out as its question and grid."""
    if not any(b.kind == "table" and _columns(b) for b in document.blocks):
        return document
    out: list[Block] = []
    for block in document.blocks:
        columns = _columns(block) if block.kind == "table" else None
        out.extend(_written_out(block, columns) if columns else [block])
    return replace(document, blocks=out)


def _texts(row: tuple[object, ...]) -> list[str]:
    return [getattr(c, "text", "").strip() for c in row]


def _columns(block: Block) -> list[tuple[str, str]] | None:
    """The (words, code) of each column, for a table whose first row is a labelled question
    alone, whose next row heads the code columns and whose other rows are items."""
    rows = [_texts(r) for r in block.rows]
    if len(rows) < 4 or not rows[0] or any(rows[0][1:]) or not _LABELLED_RE.match(rows[0][0]):
        return None
    heads = rows[1][1:]
    if rows[1][0] or len(heads) < 2:
        return None
    found = [_HEAD_RE.match(h) for h in heads]
    if not all(found):
        return None
    columns = [(m["words"], m["code"]) for m in found if m]
    codes = [code for _, code in columns]
    items = rows[2:]
    if len(items) < 2 or not all(r[0] and r[1 : 1 + len(codes)] == codes for r in items):
        return None
    return columns


def _written_out(block: Block, columns: list[tuple[str, str]]) -> list[Block]:
    first = block.rows[0][0].text.strip().split("\n")
    texts = [" ".join(p.split()) for p in first if p.strip()]
    texts += ["Columns:", *(f"{words}\t{code}" for words, code in columns), "Rows:"]
    texts += [f"• {_ITEM_LETTER_RE.sub('', r[0].text.strip())}" for r in block.rows[2:]]
    return [
        Block(
            kind="paragraph",
            text=text,
            runs=(Run(text),),
            page=block.page,
            start=block.start,
            end=block.end,
        )
        for text in texts
    ]
