"""Paper forms in a Word table: `No. | Question | (margin)`, each answer list inside the cell.

A council or health form built in Word puts every question in a row of one outer table: the
number in the first column, the question's words at the top of the second with its answers
under them (often a table nested in the cell: box | label | code), and a narrow margin
column for routing (`No → Go to 5`) and an office-use box. Read as a spreadsheet, the
question cell would be one run-on sentence; read here, it is a question and its answer lines,
as they would be on paper, followed by the margin's routing.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line, collapse, line_from_block
from fielder.documents.model import Block, Cell

_NUMBER_RE = re.compile(r"^(?:[A-Z]{1,4}[-_.]?\d{1,3}[a-z]?|\d{1,3}[a-z]?)[.):]?$")
# an answer line of a nested table or list: a tick box first, a code after a tab, or a
# label with its code in brackets at the end ("Cash account (2)")
_ANSWER_LINE_RE = re.compile(
    r"^\s*(?:[☐□▢■◻❑○◯]|\[\s?\])|\t\s*\d{1,3}\s*$|^[^()]*[A-Za-z][^()]*\(\d{1,3}\)\s*$"
)
# a margin note that routes from the row's answers rather than filtering its question
_ROUTE_RE = re.compile(
    r"→|->|\b(?:GO|SKIP|JUMP|CONTINUE|PROCEED|END|ENDS|CLOSE|TERMINATE|THANK\w*|LEAVES?)\b", re.I
)
_OFFICE_RE = re.compile(r"\b(?:office|official|admin(?:istrative)?)\s+use\b", re.I)


_CODED_ROUTE_RE = re.compile(
    r"^\s*\d{1,3}(?:\s*(?:,|-|–|or|and|&)\s*\d{1,3})*\s*(?:→|->|=>)\s*"
    r"(?:[A-Z]{1,4}\d{1,3}[a-z]?|\d{1,3})\s*\.?$",
    re.I,
)
# "Q14 = 3 or 4", "Q17 = 1 only": a test of an earlier question alone in the margin, whom the
# row's question is asked
_BARE_FILTER_RE = re.compile(
    r"^\s*(?P<test>[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:=|<>|≠|!=|<=|>=|<|>)\s*\w+"
    r"(?:\s*(?:,|or|and|-|–)\s*\w+)*)\s*(?:only)?\s*\.?$",
    re.I,
)


def _bare_filter(note: str) -> str:
    found = _BARE_FILTER_RE.match(note)
    return f"ASK IF {found['test']}" if found else note


def _parts(cell: Cell) -> list[str]:
    return [p for p in cell.text.split("\n") if p.strip()]


def _answered_row(row: tuple[Cell, ...]) -> bool:
    """A numbered row whose question cell holds its answers on the lines under its words."""
    if len(row) < 2 or not _NUMBER_RE.match(row[0].text.strip()):
        return False
    parts = _parts(row[1])
    return len(parts) >= 3 and sum(bool(_ANSWER_LINE_RE.search(p)) for p in parts[1:]) >= 2


def is_question_cell_table(block: Block) -> bool:
    """True for an outer form table under a header naming only the number and question
    columns, where most numbered rows carry their answers inside the question cell."""
    from fielder.compiler.sheet import _header_index

    header = _header_index(block)
    if header is None or {"options", "code"} & header[1].keys():
        return False
    numbered = [r for r in block.rows[header[0] + 1 :] if r and _NUMBER_RE.match(r[0].text.strip())]
    answered = sum(_answered_row(r) for r in numbered)
    return answered >= 2 and answered * 2 >= len(numbered)


def _line(text: str, block: Block, cell: Cell) -> Line:
    """One paragraph of a cell as the text reader would give it (tabs kept for layouts)."""
    paragraph = Block(kind="paragraph", text=text, start=cell.start, end=cell.end, page=block.page)
    return line_from_block(paragraph)


def _note(text: str, block: Block, cell: Cell) -> Line:
    """A margin's words as a note only (no answer, however it ends)."""
    line = _line(text, block, cell)
    line.text, line.instructions, line.is_option, line.code = "", [text], False, None
    return line


def _margin_notes(cells: tuple[Cell, ...]) -> list[str]:
    """The margin's words minus its office-use box (the box's title and its drawn cells)."""
    notes: list[str] = []
    for cell in cells:
        for part in _parts(cell):
            if _OFFICE_RE.search(part) or (
                sum(c.isalpha() for c in part) < 2 and not _CODED_ROUTE_RE.match(part)
            ):
                continue  # (a route "1 → Q6" has one letter and is kept)
            notes.append(collapse(part))
    return notes


def question_cell_lines(block: Block) -> list[Line]:
    """The form's rows as lines: the numbered question, its answer lines, its margin notes."""
    from fielder.compiler.sheet import _header_index

    header = _header_index(block)
    start = header[0] + 1 if header else 0
    lines: list[Line] = []
    for row in block.rows[start:]:
        number = row[0].text.strip() if row else ""
        parts = _parts(row[1]) if len(row) >= 2 else []
        if not _NUMBER_RE.match(number) or not parts:
            words = collapse(" ".join(c.text for c in row))
            if words:
                lines.append(_line(words, block, row[0]))
            continue
        question = _line(parts[0], block, row[1])
        question.label = number.rstrip(".):")
        # the margin sits beside its own row: a filter there is the row's question's (a note
        # between its words and its answers, as under its answers it would open the next
        # question), a route is its answers' (set under them)
        margin = [_bare_filter(n) for n in _margin_notes(row[2:])]
        lines.append(question)
        lines.extend(_note(n, block, row[-1]) for n in margin if not _ROUTE_RE.search(n))
        lines.extend(_line(part, block, row[1]) for part in parts[1:])
        # "1 → Q6", "0 → Q9": a route from the row's codes, a note (never an answer "1")
        lines.extend(
            (_note if _CODED_ROUTE_RE.match(n) else _line)(n, block, row[-1])
            for n in margin
            if _ROUTE_RE.search(n)
        )
    return lines
