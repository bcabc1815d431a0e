"""A household roster printed as one table: a question a column, a person a row.

Household surveys print the roster across the page: one heading row whose cells each hold a
question (`R4 / SEX / Is (NAME) male or female? / 1 MALE / 2 FEMALE`), a row of filters above
the headings naming whom a column is for (`IF AGE 12 OR OLDER`, one merged cell standing over
two columns), and under them one row per person, the line number printed in the first column and
the codes repeated in each cell for the interviewer to circle. Read as a form, the filters lose
their columns and the person rows become answers. Read here: each heading cell is a question,
in order, with the filter over its column (an age written as a test on the roster's own age
column) before it; a column whose person rows hold printed numbers 01, 02, 03 … (the line
number) is no question; the person rows are the interviewer's grid, not words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line, form_lines
from fielder.compiler.universe import AGE_ASK_RE, universe_condition
from fielder.documents.model import Block, Cell

_ID_RE = re.compile(r"^(?:[A-Z]{1,4}[-_]?\d{1,3}[a-z]?|\d{1,3}[a-z]?)[.):]?$")
# a person row's cell: empty, a printed code or line number, codes to circle, digit boxes
_ENTRY_RE = re.compile(r"^[\d\s|_.:/\-–]*$")


def _head_cells(row: tuple[Cell, ...]) -> int:
    return sum(bool(_ID_RE.match(c.text.split("\n")[0].strip())) for c in row if c.text.strip())


def _head_row(block: Block) -> int | None:
    for index, row in enumerate(block.rows[:3]):
        if _head_cells(row) >= 3:
            return index
    return None


def _entry_row(row: tuple[Cell, ...]) -> bool:
    return all(_ENTRY_RE.match(c.text) for c in row) and any(c.text.strip() for c in row)


def is_roster_table(block: Block) -> bool:
    """A heading row of three or more labelled questions over two or more person rows (only
    numbers and boxes), with nothing but short filters above it."""
    head = _head_row(block)
    if head is None:
        return False
    above = [c.text.strip() for row in block.rows[:head] for c in row if c.text.strip()]
    if any("\n" in text or len(text.split()) > 8 for text in above):
        return False
    below = block.rows[head + 1 :]
    return len(below) >= 2 and all(_entry_row(row) for row in below)


def _line_numbers(block: Block, head: int, column: int) -> bool:
    """The person rows print 01, 02, 03 … in this column: the line number, not asked."""
    values = [row[column].text.strip() for row in block.rows[head + 1 :] if column < len(row)]
    return (
        len(values) >= 2
        and all(v.isdigit() for v in values)
        and [int(v) for v in values] == list(range(int(values[0]), int(values[0]) + len(values)))
    )


def _filters(block: Block, head: int) -> dict[int, str]:
    """The filter standing over each column (a merged cell over each column it spans)."""
    found: dict[int, str] = {}
    for row in block.rows[:head]:
        last: str | None = None
        for column, cell in enumerate(row):
            if cell.text.strip():
                last = cell.text.strip()
                found[column] = last
            elif cell.spanned and last is not None:
                found[column] = last
            else:
                last = None
    return found


def _age_id(cells: tuple[Cell, ...]) -> str | None:
    for cell in cells:
        parts = [p.strip() for p in cell.text.split("\n") if p.strip()]
        if (
            len(parts) >= 2
            and _ID_RE.match(parts[0])
            and any(AGE_ASK_RE.search(p) for p in parts[1:3])
        ):
            return parts[0].rstrip(".):")
    return None


def _filter_line(text: str, age_id: str | None, cell: Cell, block: Block) -> Line:
    condition = universe_condition(text, age_id) if age_id else None
    if condition is None:
        condition = re.sub(r"^\s*(?:ask\s+)?(?:only\s+)?if\s+", "", text, flags=re.I)
    note = f"ASK IF {condition}"
    return Line(
        text="", raw=text, instructions=[note], start=cell.start, end=cell.end, page=block.page
    )


def roster_lines(block: Block) -> list[Line]:
    """The roster's questions, column by column, each after the filter over its column."""
    head = _head_row(block)
    assert head is not None
    cells = block.rows[head]
    filters = _filters(block, head)
    age_id = _age_id(cells)
    lines: list[Line] = []
    for column, cell in enumerate(cells):
        if not cell.text.strip() or _line_numbers(block, head, column):
            continue
        if column in filters:
            lines.append(_filter_line(filters[column], age_id, cell, block))
        lines.extend(form_lines(replace(block, rows=((cell,),))))
    return lines
