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
# "Minutes: |__|__|__|   (0 - 600)": the boxes' caption before them and their range after
_RANGED_BOXES_RE = re.compile(
    # ("KARVENIAN DINAR |__|__| (1–500000)": a caption in capitals needs no colon)
    r"^\s*(?P<box>(?:[^\W\d_][^\W\d_ ]*(?:\s[^\W\d_]+){0,2}\s*:\s*|"
    r"[A-Z]{2,}(?:\s[A-Z]{2,}){0,2}\s+)?"
    r"[^\W\d_]{0,4}\$?\s*"
    r"\|_{1,4}(?:\|_{1,4})+\|\s*[^\W\d_]*\.?)\s*"
    r"\(\s*(?P<low>-?\d{1,6})\s*(?:-|–|—|to)\s*(?P<high>-?\d{1,7})\s*\)\s*$"
)


# "(0–95)" alone on a line under an age or count: the box's range, wider than any scale
_RANGE_ALONE_RE = re.compile(r"^\(\s*(?P<low>\d{1,6})\s*(?:-|–|—|to)\s*(?P<high>\d{1,7})\s*\)$")


def _boxed(line: Line) -> Line:
    if "NUMERIC" in line.instructions:
        return line
    alone = _RANGE_ALONE_RE.match(line.text.strip())
    if alone and int(alone["low"]) < int(alone["high"]) and int(alone["high"]) > 10:
        note = f"RANGE {alone['low']}-{alone['high']}"
        return replace(line, text="", spaced="", instructions=[*line.instructions, "NUMERIC", note])
    if _DIGIT_BOXES_RE.match(line.text):
        return replace(line, instructions=[*line.instructions, "NUMERIC"])
    ranged = _RANGED_BOXES_RE.match(line.text)
    if ranged and int(ranged["low"]) <= int(ranged["high"]):
        note = f"RANGE {ranged['low']}-{ranged['high']}"
        return replace(
            line,
            text=ranged["box"].strip(),
            raw=ranged["box"].strip(),
            spaced=ranged["box"].strip() if line.spaced else "",
            instructions=[*line.instructions, "NUMERIC", note],
        )
    return line


def digit_box_lines(lines: list[Line]) -> list[Line]:
    """The lines with a `NUMERIC` note on each row of digit boxes (and the range written in
    brackets after them, `(0 - 600)`, as its `RANGE` note)."""
    return [_boxed(line) for line in lines]
