"""Column numbers printed over a grid's anchor words: `1  2  3  4  5` over `Never  Rarely …`.

Thesis and journal appendices head a Likert table with a row of the column numbers and the
anchor words under them, the long end words wrapped onto a line of their own (`Strongly` over
`disagree`), sometimes below the statement column's title. Read line by line, the numbers look
like the answers and the words like a stray line. When a row of the numbers 1…n stands over a
row of exactly n words, the numbers (the same as the columns' positions) are dropped, and a
following line of two words finishing the first and last anchors is joined to them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_GAP_RE = re.compile(r"\t|\s{2,}")
# the rows' column title ("Statement") may stand between the words and their wrapped ends
_LOOK_AHEAD = 3
_COLUMN_TITLE_RE = re.compile(r"^[A-Z][a-z]+(?:\s[a-z]+)?$")


def numbered_head_lines(lines: list[Line]) -> list[Line]:
    """The lines with each numbers-over-words grid head made one line of anchor words."""
    out: list[Line] = []
    skip: set[int] = set()
    for index, line in enumerate(lines):
        if index in skip:
            continue
        numbers = _cells(line)
        words = _cells(lines[index + 1]) if index + 1 < len(lines) else []
        if not _numbered(numbers) or len(words) != len(numbers) or any(_number(w) for w in words):
            out.append(line)
            continue
        for ahead in range(index + 2, min(index + 2 + _LOOK_AHEAD, len(lines))):
            ends = _cells(lines[ahead])
            if len(ends) == 2 and all(e[:1].islower() for e in ends):
                words[0], words[-1] = f"{words[0]} {ends[0]}", f"{words[-1]} {ends[1]}"
                skip.add(ahead)
            elif len(ends) == 1 and _COLUMN_TITLE_RE.match(ends[0]):
                skip.add(ahead)  # "Statement": the title of the rows' column
            else:
                break
        head = lines[index + 1]
        joined = "\t".join(words)
        out.append(replace(head, text=" ".join(words), raw=joined, spaced=joined))
        skip.add(index + 1)
    return out


def _cells(line: Line) -> list[str]:
    if line.kind != "paragraph":
        return []
    return [c.strip() for c in _GAP_RE.split(line.spaced or line.raw) if c.strip()]


def _number(cell: str) -> bool:
    return cell.isdigit()


def _numbered(cells: list[str]) -> bool:
    """`1 2 3 4 5` (or from 0): the columns' numbers, at least three."""
    if len(cells) < 3 or cells[0] not in ("0", "1"):
        return False
    return cells == [str(n) for n in range(int(cells[0]), int(cells[0]) + len(cells))]
