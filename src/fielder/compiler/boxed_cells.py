"""A table whose every cell is a tick box and its answer, read as answer lines.

Printed forms lay short answer lists out in a ruled table to save room, two to four to a row
(`☐ Friend or family | ☐ Library | ☐ Social media` over `☐ Community centre | ☐ Other: ___`).
Each cell is one answer, read row by row, as if each were printed on a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line
from fielder.compiler.options import BOXES

# "☐ Library", "[ ] Library", "( ) Library": a box (drawn or typed), then the answer's words
_TYPED_BOX_RE = re.compile(r"^(?:\[\s?\]|\(\s?\))\s*")
_BOXED_RE = re.compile(rf"^(?:[{BOXES}]|\[\s?\]|\(\s?\))\s*\S*[^\W\d_]")


def boxed_cell_lines(lines: list[Line]) -> list[Line]:
    """The lines with each table of boxed answer cells unrolled into one line a cell."""
    out: list[Line] = []
    for line in lines:
        cells = [c.strip() for row in line.rows for c in row if c.strip()]
        if line.kind != "table" or len(cells) < 2 or not all(_BOXED_RE.match(c) for c in cells):
            out.append(line)
            continue
        for cell in cells:
            text = _TYPED_BOX_RE.sub("☐ ", cell)
            out.append(replace(line, kind="paragraph", rows=(), text=text, raw=cell, spaced=text))
    return out
