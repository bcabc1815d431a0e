"""An answer table whose only rows are entry boxes: `Code | Answer | Go to` over
`  | |__|__|__| hours (0–140) | If 0 → B11`.

A labour-force form prints every question over the same coded table, a number question too:
its one row has no code, a box with its unit and range in the answer cell and, in the routing
cell, the jump on a value. Read as a table of answers it was no answer at all (the rows and
columns unclear); it is the box's line (its unit and range read as any box's) and, on a line
of its own, the jump.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line, made_line

_CODE_HEAD_RE = re.compile(r"^\s*(?:code|codes|value|no\.?)\s*$", re.I)
_ANSWER_HEAD_RE = re.compile(r"^\s*(?:answers?|responses?|categor(?:y|ies)|labels?)\s*$", re.I)
# digit boxes "|__|__|", a write-in line "______", a bracketed blank "[    ]"
_BOX_RE = re.compile(r"\|_{1,3}\||_{3,}|\[\s{2,}\]")


def _box_rows(line: Line) -> list[tuple[str, str]] | None:
    """The (box, routing) of each body row when every row is a box with no code, else None."""
    if line.kind != "table" or len(line.rows) < 2:
        return None
    head = line.rows[0]
    code_at = next((i for i, c in enumerate(head) if _CODE_HEAD_RE.match(c)), None)
    answer_at = next((i for i, c in enumerate(head) if _ANSWER_HEAD_RE.match(c)), None)
    if code_at is None or answer_at is None:
        return None
    found: list[tuple[str, str]] = []
    for row in line.rows[1:]:
        cells = [*row, *[""] * (len(head) - len(row))]
        if cells[code_at].strip() or not _BOX_RE.search(cells[answer_at]):
            return None
        rest = [c.strip() for i, c in enumerate(cells) if i not in (code_at, answer_at)]
        found.append((cells[answer_at].strip(), " ".join(c for c in rest if c)))
    return found


def box_row_lines(lines: list[Line]) -> list[Line]:
    """The lines with each answer table of entry boxes only written as the boxes' lines."""
    out: list[Line] = []
    for line in lines:
        rows = _box_rows(line)
        if rows is None:
            out.append(line)
            continue
        for box, routing in rows:
            out.append(made_line(line, box, False))
            if routing:
                out.append(made_line(line, routing, False))
    return out
