"""A form's details table: a label cell and an empty answer cell on each row.

Staff and registration forms printed from Word ask for the respondent's details in a two-column
table (`Full name | `, `Department | `, `Last working day | DD / MM / YYYY`), often under a
shaded band row (`1. Your details`). Each row is written out as the field a plain form prints
(`Full name: ______`, `Last working day: DD / MM / YYYY`), the band as a bold title line.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Document, Run

# what an answer cell may hold besides nothing: a date mask, a line or boxes to write in
_ENTRY_RE = re.compile(
    r"^(?:[DMYJTAH]{1,4}(?:\s*[/.-]\s*[DMYJTAH]{1,4}){1,2}|[_\s/.|-]*_{2,}[_\s/.|-]*)$", re.I
)
_BAND_RE = re.compile(r"^\d{1,2}[.)]\s+\S")
_MAX_LABEL_WORDS = 8


def detail_table_document(document: Document) -> Document:
    """The document with each details table written out as one field a paragraph."""
    if not any(_is_detail_table(b) for b in document.blocks if b.kind == "table"):
        return document
    blocks: list[Block] = []
    for block in document.blocks:
        if block.kind == "table" and _is_detail_table(block):
            blocks.extend(_field_blocks(block))
        else:
            blocks.append(block)
    return replace(document, blocks=blocks)


def _is_detail_table(block: Block) -> bool:
    """Two columns; every row a short label over an empty cell or an entry mask; two fields
    or more besides an optional numbered band first."""
    rows = block.rows
    if not rows or any(len(r) != 2 for r in rows):
        return False
    fields = rows[1:] if _BAND_RE.match(rows[0][0].text.strip()) else rows
    return len(fields) >= 2 and all(_is_field(label.text, entry.text) for label, entry in fields)


def _is_field(label: str, entry: str) -> bool:
    words = label.split()
    return (
        0 < len(words) <= _MAX_LABEL_WORDS
        and "?" not in label
        and label.strip()[:1].isalpha()
        and (not entry.strip() or _ENTRY_RE.match(entry.strip()) is not None)
    )


def _field_blocks(block: Block) -> list[Block]:
    out: list[Block] = []
    for number, (label, entry) in enumerate(block.rows):
        name = " ".join(label.text.split()).rstrip(":")
        if number == 0 and _BAND_RE.match(name):
            out.append(_paragraph(block, name, bold=True))
            continue
        # a letter mask "DD / MM / YYYY" is a line to write the date on: "__ / __ / ____"
        mask = re.sub(r"[A-Za-z]", "_", " ".join(entry.text.split()))
        out.append(_paragraph(block, f"{name}: {mask or '_' * 12}"))
    return out


def _paragraph(block: Block, text: str, bold: bool = False) -> Block:
    return Block(
        kind="paragraph",
        text=text,
        runs=(Run(text=text, bold=bold),),
        page=block.page,
        start=block.start,
        end=block.end,
    )
