"""A scale's end words, each after its number, printed over the row of its numbered boxes:
`0 I had a very poor experience      10 I had a very good experience` over `☐ 0 ☐ 1 … ☐ 10`.

Apart, the upper line reads as one answer (code 0, both ends' words) and the boxes as bare
points. Together they are the one line a plain questionnaire prints, `0 Very poor 1 2 … 10 Very
good`, which the scale readers take: the ends labelled by their words, the rest by number.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line
from fielder.compiler.options import BOXES

# the two ends, each number then its words, set apart by a tab or a wide gap
_ENDS_RE = re.compile(
    r"^(?P<a>\d{1,2})\s+(?P<low>[^\W\d_][^\d\t]{0,60}?)(?:\t|\s{3,})\s*"
    r"(?P<b>\d{1,2})\s+(?P<high>[^\W\d_][^\d\t]{0,60}?)\s*$"
)


def ends_over_point_lines(lines: list[Line]) -> list[Line]:
    """The lines with each such pair joined into one scale line."""
    out: list[Line] = []
    skip = False
    for index, line in enumerate(lines):
        below = lines[index + 1] if index + 1 < len(lines) else None
        if skip:
            skip = False
            continue
        joined = _joined(line, below) if below is not None else None
        out.append(joined or line)
        skip = joined is not None
    return out


def _joined(line: Line, below: Line) -> Line | None:
    ends = _ENDS_RE.match((line.spaced or line.text).strip())
    if ends is None:
        return None
    points = re.findall(rf"[{BOXES}]\s*\d{{1,2}}|\d{{1,2}}\s*[{BOXES}]|\d{{1,2}}", below.text)
    rest = re.sub(rf"[{BOXES}]|\d{{1,2}}|\s", "", below.text)
    numbers = [int(re.sub(r"\D", "", p)) for p in points]
    first, last = int(ends["a"]), int(ends["b"])
    if rest or numbers != list(range(first, last + 1)) or len(numbers) < 4:
        return None
    middle = " ".join(str(n) for n in numbers[1:-1])
    text = f"{first} {ends['low'].strip()} {middle} {last} {ends['high'].strip()}"
    return replace(line, text=text, spaced=text, raw=f"{line.raw}\n{below.raw}", end=below.end)
