"""A scale's end words printed on the line under its row of numbered points.

Survey tools print a rating row as its points across one line (`○ 1  ○ 2 … ○ 5  ○ No
coaching`, `0 · 1 · 2 · … · 10`) and the end words on the next line, one under each end
(`Very poor<TAB>Excellent`, `Not at all likely … Extremely likely`). Apart, the words read as
an answer of their own. Together they are the plain scale line `1 Very poor 2 3 4 5 Excellent`
the scale readers take; a worded point after the numbers (`No coaching`) stays an answer of its
own after the scale.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line
from fielder.compiler.options import BOXES

# one point: a box before or after a number, or a bare number
_POINT_RE = re.compile(rf"^\s*(?:[{BOXES}]\s*)?(?P<n>\d{{1,2}})(?:\s*[{BOXES}])?\s*$")
# the parts of a row: tabs, wide gaps, middle dots, bars, or a box opening the next point
_PARTS_RE = re.compile(rf"\t|\s{{3,}}|\s*[·•|]\s*|\s+(?=[{BOXES}])")
# two worded ends apart by a tab, a wide gap or an ellipsis / dash between spaces
_ENDS_RE = re.compile(
    r"^(?P<low>[^\W\d_][^\t\d…]{0,50}?)\s*(?:\t|\s{3,}|\s+(?:…|\.{3}|–|—|-{1,2})\s+)\s*"
    r"(?P<high>[^\W\d_][^\t\d…]{0,50}?)\s*$"
)


def ends_under_point_lines(lines: list[Line]) -> list[Line]:
    """The lines with each point row and the end words under it joined into one scale line."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        below = lines[index + 1] if index + 1 < len(lines) else None
        joined = _joined(line, below) if below is not None else None
        if joined is None:
            out.append(line)
            index += 1
            continue
        out.extend(joined)
        index += 2
    return out


def _joined(line: Line, below: Line) -> list[Line] | None:
    text = (line.spaced or line.text).strip()
    if below.label or line.label or not text:
        return None
    words = (below.spaced or below.text).strip()
    ends = _ENDS_RE.match(words)
    if ends is None or below.instructions or any(c in BOXES for c in words):
        # ("Very dissatisfied ○ ○ ○ Very satisfied": the points' own row, words at its ends)
        return None
    parts = [p.strip() for p in _PARTS_RE.split(text) if p and p.strip()]
    numbers: list[int] = []
    extras: list[str] = []  # worded points after the numbers ("No coaching")
    for part in parts:
        point = _POINT_RE.match(part)
        if point and not extras:
            numbers.append(int(point["n"]))
            continue
        word = re.sub(rf"^[{BOXES}]\s*", "", part).strip()
        if not numbers or not re.search(r"[^\W\d_]{2}", word) or point:
            return None
        extras.append(word)
    if not extras and not re.search(rf"[{BOXES}·•|]", text):
        return None  # bare numbers under words: the swapped pair the scale readers take
    if len(numbers) < 4 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    middle = " ".join(str(n) for n in numbers[1:-1])
    scale = f"{numbers[0]} {ends['low'].strip()} {middle} {numbers[-1]} {ends['high'].strip()}"
    joined = replace(line, text=scale, spaced=scale, raw=f"{line.raw}\n{below.raw}", end=below.end)
    box = next((c for c in text if c in BOXES), "○")
    worded = [replace(below, text=f"{box} {w}", spaced=f"{box} {w}", raw=w) for w in extras]
    return [joined, *worded]
