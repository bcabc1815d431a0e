"""Digit boxes: `|___|___| anos`, `|__|__|__| tablets` — one box a digit, so a number.

Paper and CAPI forms print a count or an age as a row of boxes between bars, whatever the unit
after it and whatever its language; such a line under a question is read with a `NUMERIC` note.
(A row of bare tick boxes standing alone is read with the other printed rows, in print_layouts.)
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_DIGIT_BOXES_RE = re.compile(
    r"^\s*(?:[^\W\d_]{1,4}\$?\s*)?\|_{1,4}(?:\|_{1,4})+\|\s*[^\W\d_]*\.?\s*$"
)


def digit_box_lines(lines: list[Line]) -> list[Line]:
    """The lines with a `NUMERIC` note on each row of digit boxes."""
    return [
        replace(line, instructions=[*line.instructions, "NUMERIC"])
        if _DIGIT_BOXES_RE.match(line.text) and "NUMERIC" not in line.instructions
        else line
        for line in lines
    ]
