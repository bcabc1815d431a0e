"""Bilingual questionnaires set side by side: one language per column, each row one question.

A master questionnaire for two language groups is often one table, `ENGLISH | FRANÇAIS`, with
each question written in full in both cells of its row (`Q1. Did you … / 1 – Yes` beside `Q1.
Avez-vous … / 1 – Oui`). Read cell by cell, every question, answer and routing note counts
twice. The evidence is the document's own repetition, not any language's words: in three or
more rows every cell opens with the same label (`Q1.`, `4.`, `INTRO`), the cells' words
differing. Such a table is cut to one column: the one its heading names as the source or the
English one, else the first (a master is written first and translated to the right).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Document

# the question's label at the start of a line: "Q1.", "LANG.", "INTRO", "12.", "A5b)"
_LABEL_RE = re.compile(r"^\s*([A-Z]{1,4}\d{1,3}[a-z]?|[A-Z]{3,}|\d{1,3})(?=[.:)]|\s)", re.M)
# a heading naming the master column: "ENGLISH", "English (source)", "Source (en-GB)"
_SOURCE_HEAD_RE = re.compile(
    r"\b(?:english|source|master|original)\b|\(en(?:[-_][a-z]{2})?\)", re.I
)


def _first_label(text: str) -> str | None:
    found = _LABEL_RE.search(text)
    return found[1] if found else None


def _parallel(block: Block) -> bool:
    rows = [r for r in block.rows if len(r) >= 2]
    if len(rows) < 3 or any(len(r) != len(rows[0]) for r in rows):
        return False
    paired = 0
    for row in rows:
        texts = [c.text.strip() for c in row]
        if not all(texts) or len(set(texts)) < len(texts):
            continue
        labels = {_first_label(t) for t in texts}
        if len(labels) == 1 and None not in labels:
            paired += 1
    return paired >= 3 and paired * 2 >= len(rows)


def _kept_column(block: Block) -> int:
    head = block.rows[0]
    if all(_first_label(c.text) is None or len(c.text.split()) <= 3 for c in head):
        for index, cell in enumerate(head):
            if _SOURCE_HEAD_RE.search(cell.text):
                return index
    return 0


def source_language_document(document: Document) -> Document:
    """The document with each side-by-side bilingual table cut to its source column."""
    tables = [b for b in document.blocks if b.kind == "table" and b.rows and _parallel(b)]
    if not tables:
        return document
    blocks: list[Block] = []
    for block in document.blocks:
        if block in tables:
            keep = _kept_column(block)
            rows = tuple((row[keep],) for row in block.rows if len(row) > keep)
            blocks.append(replace(block, rows=rows))
        else:
            blocks.append(block)
    return replace(document, blocks=blocks)
