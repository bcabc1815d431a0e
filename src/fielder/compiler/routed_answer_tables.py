"""An answer table of `label | box` rows with a routing note in a third cell beside one answer.

Paper questionnaires saved from Word set each answer list as a table: the answer, its tick box,
and beside one answer only the route (`No | ☐ | Please go to Q6`). The extra cell makes the table
ragged and it reads as a grid. Such a table is written out as the answer paragraphs a plain
questionnaire prints (`☐ No – Please go to Q6`), so the route stays with its answer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Cell, Document, Run

_BOX_RE = re.compile(r"^[☐□▢○◯❑]$")
# "☐ 2": a box with the answer's code printed beside it
_CODED_BOX_RE = re.compile(r"^[☐□▢○◯❑]\s*(?P<code>\d{1,3})$")
# "Please go to Q6", "Go to question 9", "Skip to Section 2", "→ Q4"
_ROUTE_RE = re.compile(
    r"^(?:please\s+)?(?:(?:go|skip|continue|jump|move)\s+(?:on\s+)?to\b|→|->)\s*\S", re.I
)


def routed_answer_document(document: Document) -> Document:
    """The document with each answer table that routes from one answer written out as lines."""
    if not any(_is_routed(b) for b in document.blocks if b.kind == "table"):
        return document
    blocks: list[Block] = []
    for block in document.blocks:
        blocks.extend(
            _answer_blocks(block) if block.kind == "table" and _is_routed(block) else [block]
        )
    return replace(document, blocks=blocks)


def _is_routed(block: Block) -> bool:
    """Every row an answer and its box; a third cell only where a route is written. Where
    each box has its code beside it (`☐ 2`), the route column may be empty all the way down."""
    rows = block.rows
    if len(rows) < 2 or any(len(r) not in (2, 3) for r in rows):
        return False
    boxed = all(r[0].text.strip() and _BOX_RE.match(r[1].text.strip()) for r in rows)
    coded = all(r[0].text.strip() and _CODED_BOX_RE.match(r[1].text.strip()) for r in rows)
    notes = [r[2].text.strip() for r in rows if len(r) == 3 and r[2].text.strip()]
    return (
        (boxed and bool(notes) or coded)
        and all(_ROUTE_RE.match(n) for n in notes)
        and not (coded and _is_header(rows[0]))
    )


def _is_header(row: tuple[Cell, ...]) -> bool:
    """A first row of column words over boxes (`| Yes | No`): a grid's, not an answer."""
    return not row[0].text.strip()


def _answer_blocks(block: Block) -> list[Block]:
    out: list[Block] = []
    for row in block.rows:
        coded = _CODED_BOX_RE.match(row[1].text.strip())
        if coded:
            # "No | ☐ 2 | → Go to A5": the words, the box and its code, as a line prints them
            text = f"{' '.join(row[0].text.split())} ☐ {coded['code']}"
        else:
            text = f"{row[1].text.strip()} {' '.join(row[0].text.split())}"
        if len(row) == 3 and row[2].text.strip():
            text += (" " if coded else " – ") + " ".join(row[2].text.split())
        out.append(
            Block(
                kind="paragraph",
                text=text,
                runs=(Run(text=text),),
                page=block.page,
                start=block.start,
                end=block.end,
            )
        )
    return out
