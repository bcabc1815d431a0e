"""Digit boxes: `|___|___| anos`, `|__|__|__| tablets` — one box a digit, so a number.

Paper and CAPI forms print a count or an age as a row of boxes between bars, whatever the unit
after it and whatever its language; such a line under a question is read with a `NUMERIC` note.
So is a short row of bare tick boxes standing alone (`☐ ☐ ☐ ☐` under "What year were you
born?"): with no words beside them and no numbers under them, each box takes a digit.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_DIGIT_BOXES_RE = re.compile(
    r"^\s*(?:[^\W\d_]{1,4}\$?\s*)?\|_{1,4}(?:\|_{1,4})+\|\s*[^\W\d_]*\.?\s*$"
)


_BOXES = "☐□▢◻"
_BARE_BOXES_RE = re.compile(rf"^\s*(?:[{_BOXES}]\s*){{2,8}}$")
_NUMBER_ROW_RE = re.compile(r"^\s*-?\d{1,2}(?:\s+-?\d{1,2})+\s*$")


def digit_box_lines(lines: list[Line]) -> list[Line]:
    """The lines with a `NUMERIC` note on each row of digit boxes."""
    return [
        replace(line, instructions=[*line.instructions, "NUMERIC"])
        if (_DIGIT_BOXES_RE.match(line.text) or _lone_boxes(lines, index))
        and "NUMERIC" not in line.instructions
        else line
        for index, line in enumerate(lines)
    ]


def _lone_boxes(lines: list[Line], index: int) -> bool:
    """Bare boxes with no boxes on the lines around them and no numbers under them."""
    if not _BARE_BOXES_RE.match(lines[index].text):
        return False
    before = next((line.text for line in reversed(lines[:index]) if line.text), "")
    after = [line.text for line in lines[index + 1 :] if line.text][:2]
    # the numbers may come under the end words ("Very dirty  Very clean" / "1 2 3 4 5")
    return not (
        re.search(f"[{_BOXES}]", before + "".join(after[:1]))
        or any(_NUMBER_ROW_RE.match(text) for text in after)
    )
