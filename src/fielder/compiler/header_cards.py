"""Programming specs written as one small table per question, the id in the top-left cell:

    | S1  | SINGLE                  |
    | How often do you visit …?     |   (the question, often merged across the row)
    | 1   | At least once a week    |
    | 2   | About once a month      |

The top row is the question's id and its type (or the id and the question's words); the rows
below are its answers, code and label in either order. Read as the plain lines every other rule
reads: the labelled question with the type as its instruction, then one answer a row.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line, collapse, split_text
from fielder.documents.model import Block, Cell

_ID_RE = re.compile(r"^(?:[A-Z]{1,4}[-_.]?\d{1,3}[a-z]?(?:[._]\d{1,2})?)[.:)]?$")
_CODE_RE = re.compile(r"^\d{1,3}$")


def _texts(row: tuple[Cell, ...]) -> list[str]:
    """A row's distinct non-empty cell texts (a merged cell repeats its text in each column)."""
    seen: list[str] = []
    for cell in row:
        text = collapse(cell.text)
        if text and text not in seen:
            seen.append(text)
    return seen


def _answer(row: tuple[Cell, ...]) -> tuple[str, str] | None:
    """(code, label) of an answer row: a code cell and a label cell, either order."""
    texts = _texts(row)
    if len(texts) != 2:
        return None
    codes = [t for t in texts if _CODE_RE.match(t)]
    if len(codes) != 1:
        return None
    label = next(t for t in texts if t != codes[0])
    return codes[0], label


def _head(block: Block) -> tuple[str, list[str], str, int] | None:
    """(id, type words, question, first answer row) of a card, or None."""
    from fielder.compiler.sheet import _asks

    rows = block.rows
    if len(rows) < 2:
        return None
    top = _texts(rows[0])
    if len(top) < 2 or not _ID_RE.match(top[0]):
        return None
    rest = top[1:]
    if len(rest) == 1 and len(rest[0].split()) >= 3 and _asks(rest[0]):
        return top[0].rstrip(".:)"), [], rest[0], 1
    words = _texts(rows[1])
    short = all(len(t.split()) <= 4 and "?" not in t for t in rest)
    if not short or len(words) != 1 or len(words[0].split()) < 3:
        return None
    return top[0].rstrip(".:)"), rest, words[0], 2


def is_header_card(block: Block) -> bool:
    """True for a one-question card: id (and type) on top, the question, then coded answers."""
    head = _head(block)
    if head is None:
        return False
    answers = block.rows[head[3] :]
    return all(_answer(row) is not None for row in answers)


def header_card_lines(block: Block) -> list[Line]:
    """The card as a labelled question line and its answer lines."""
    head = _head(block)
    assert head is not None
    label, types, question, first = head
    kept, inline = split_text(question)
    start = block.rows[0][0].start
    lines = [
        Line(
            text=collapse(kept),
            raw=question,
            instructions=[*types, *inline],
            label=label,
            start=start,
            page=block.page,
        )
    ]
    for row in block.rows[first:]:
        answer = _answer(row)
        assert answer is not None
        code, words = answer
        lines.append(Line(text=words, raw=words, code=code, is_option=True, start=start))
    return lines
