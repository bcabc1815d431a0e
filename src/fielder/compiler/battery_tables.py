"""A battery printed as one table: the scale's end words over its code columns, then a row
per item with its own id, its words and the codes again in every row:

    |      | No trust at all |    | … | Complete trust | (Refusal) | (Don't know)
    | B3a  | parliament      | 00 | 01 | … | 10        | 77        | 88
    | B3b  | the police      | 00 | 01 | … | 10        | 77        | 88

The items are the rows of the grid asked just above; the codes are its columns, named by
the words over them where there are any. The table is written out as the plain
`Columns:` / `Rows:` layout the other rules read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Document, Run

_ITEM_ID_RE = re.compile(r"^[A-Z]{1,4}\d{1,3}[a-z]{1,2}$|^[A-Z]{1,4}\d{1,3}[._]\d{1,2}$")
_CODE_RE = re.compile(r"^\d{1,3}$")


def battery_document(document: Document) -> Document:
    """The document with each battery table written out as columns and rows."""
    if not any(_codes_of(b) for b in document.blocks if b.kind == "table"):
        return document
    blocks: list[Block] = []
    for block in document.blocks:
        codes = _codes_of(block) if block.kind == "table" else None
        blocks.extend(_written_out(block, codes) if codes else [block])
    return replace(document, blocks=blocks)


def _codes_of(block: Block) -> list[str] | None:
    """The code row shared by every item row (id | words | codes…), or None."""
    if len(block.rows) < 3:
        return None
    items = block.rows[1:]
    first = [c.text.strip() for c in items[0][2:]]
    for row in items:
        cells = [c.text.strip() for c in row]
        if len(cells) < 5 or not _ITEM_ID_RE.match(cells[0]) or not cells[1]:
            return None
        if cells[2:] != first or not all(_CODE_RE.match(c) for c in first):
            return None
    return first


def _written_out(block: Block, codes: list[str]) -> list[Block]:
    heads = [c.text.strip() for c in block.rows[0][2:]]
    texts = ["Columns:"]
    texts += [
        f"{heads[i] if i < len(heads) and heads[i] else code}\t{code}"
        for i, code in enumerate(codes)
    ]
    texts += ["Rows:"]
    texts += [f"• {row[1].text.strip()}" for row in block.rows[1:]]
    return [
        Block(
            kind="paragraph",
            text=t,
            runs=(Run(t),),
            page=block.page,
            start=block.start,
            end=block.end,
        )
        for t in texts
    ]
