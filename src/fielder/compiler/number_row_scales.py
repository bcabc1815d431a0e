"""A scale printed as a table: a row of numbers over a row of tick boxes.

Word and RTF forms print a 0–10 or 1–5 rating as a two-row table: the points' numbers across
the top (sometimes with the end words in the first and last cells, `Not at all satisfied | 0 |
… | 10 | Completely satisfied`, or beside the boxes in the row under them) and a box under
each number; or the end words alone in the first and last cells of a row over the numbers.
Read as a table it has no rows to rate and is lost. It is written out as the line a plain
questionnaire prints (`Not at all satisfied 0 1 … 10 Completely satisfied`), which reads as a
scale.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Cell, Document, Run

_BOX_RE = re.compile(r"^[☐□▢○◯❑]$")
_MIN_POINTS = 4
# ("1 — Terrible", or the words on a line of their own under the number: "1\nTerrible")
_WORDED_POINT_RE = re.compile(r"^(\d{1,2})(?:\s*[—–-]|[ \t]*\n)\s*([^\W\d].*)$")


def number_row_document(document: Document) -> Document:
    """The document with each numbers-over-boxes table written out as one scale line."""
    if not any(_scale_line(b) for b in document.blocks if b.kind == "table"):
        return document
    blocks: list[Block] = []
    for block in document.blocks:
        line = _scale_line(block) if block.kind == "table" else None
        blocks.append(block if line is None else _paragraph(block, line))
    return replace(document, blocks=blocks)


def _scale_line(block: Block) -> str | None:
    """`left 0 1 … 10 right` for a table of consecutive numbers over boxes, else None."""
    words = _end_words(block.rows[2]) if len(block.rows) == 3 else None
    if words is not None:
        # the end words in a row of their own under the boxes, at its first and last cells
        line = _scale_line(replace(block, rows=block.rows[:2]))
        return f"{words[0]} {line} {words[1]}" if line and not line[:1].isalpha() else None
    if len(block.rows) != 2 or len(block.rows[0]) != len(block.rows[1]):
        return None
    above = _end_words(block.rows[0])
    if above is not None and _counted(block.rows[1]):
        # "Not at all likely | | … | Extremely likely" over "1 | 2 | … | 10": the end words
        # above the points, which are the table's whole second row
        points = " ".join(c.text.strip() for c in block.rows[1])
        return f"{above[0]} {points} {above[1]}"
    top = [c.text.strip() for c in block.rows[0]]
    under = [c.text.strip() for c in block.rows[1]]
    # "1 — Terrible | 2 | 3 | 4 | 5 — Excellent": the end words in the end points' own cells
    first, last = _WORDED_POINT_RE.match(top[0]), _WORDED_POINT_RE.match(top[-1])
    worded = ("", "")
    if first is not None and last is not None and len(top) > 1:
        top[0], top[-1], worded = first[1], last[1], (first[2], last[2])
    numbered = [i for i, t in enumerate(top) if t.isdigit()]
    if len(numbered) < _MIN_POINTS or numbered != list(range(numbered[0], numbered[-1] + 1)):
        return None
    values = [int(top[i]) for i in numbered]
    if values != list(range(values[0], values[0] + len(values))) or values[0] not in (0, 1):
        return None
    ends = [i for i in range(len(top)) if i not in numbered]
    if len(ends) > 2 or any(0 < i < len(top) - 1 for i in ends) or (ends and worded[0]):
        return None  # words only in the first and last cells
    if not all(_BOX_RE.match(under[i]) for i in numbered):
        return None
    if any(under[i] for i in ends):
        # "Very badly | ○ | … | ○ | Very well" under "| 1 | … | 5 |": the end words beside
        # the boxes, as a form builder prints a linear scale
        if any(top[i] or _BOX_RE.match(under[i]) for i in ends):
            return None
        return " ".join(
            [
                under[ends[0]] if ends[0] == 0 else "",
                *(top[i] for i in numbered),
                under[ends[-1]] if ends[-1] == len(top) - 1 else "",
            ]
        ).strip()
    return " ".join(t for t in (worded[0], *top, worded[1]) if t)


def _counted(row: tuple[Cell, ...]) -> bool:
    """True for a row of consecutive numbers from 0 or 1, one a cell."""
    texts = [c.text.strip() for c in row]
    if not all(t.isdigit() for t in texts):
        return False
    values = [int(t) for t in texts]
    return values[0] in (0, 1) and values == list(range(values[0], values[0] + len(values)))


def _end_words(row: tuple[Cell, ...]) -> tuple[str, str] | None:
    """ "Not at all | | … | | Fully": words in the first and last cells only."""
    texts = [c.text.strip() for c in row]
    if len(texts) < _MIN_POINTS or any(texts[1:-1]) or not (texts[0] and texts[-1]):
        return None
    return texts[0], texts[-1]


def _paragraph(block: Block, text: str) -> Block:
    return Block(
        kind="paragraph",
        text=text,
        runs=(Run(text=text),),
        page=block.page,
        start=block.start,
        end=block.end,
    )
