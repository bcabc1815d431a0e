"""A semantic differential: opposite words on each line ("difficult<TAB>easy", "slow<TAB>fast")
over one row of the points between them ("-3 -2 -1 0 1 2 3"). Each pair is a row of a grid
("difficult – easy") and the points are its columns; read line by line, the pairs ran into the
question's words and the last pair named the ends of the points."""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

#: fewer pairs than this is no battery of opposites
_FEWEST = 3
_POINTS_RE = re.compile(r"^-?\d{1,2}(?:\s+-?\d{1,2}){2,10}$")


def _pair(line: Line) -> tuple[str, str] | None:
    cells = [c.strip() for c in (line.spaced or line.raw).split("\t") if c.strip()]
    if line.kind != "paragraph" or line.is_option or len(cells) != 2:
        return None
    if any(len(c.split()) > 3 or re.search(r"[\d?:]", c) for c in cells):
        return None
    return cells[0], cells[1]


def _points(line: Line) -> list[str] | None:
    text = line.text.strip()
    if line.kind != "paragraph" or not _POINTS_RE.match(text):
        return None
    numbers = [int(n) for n in text.split()]
    return text.split() if numbers == list(range(numbers[0], numbers[-1] + 1)) else None


def differential_lines(lines: list[Line]) -> list[Line]:
    """`lines` with each run of opposite pairs over a row of points made one grid table."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _pair(lines[end]) is not None:
            end += 1
        points = _points(lines[end]) if end - index >= _FEWEST and end < len(lines) else None
        if points is None:
            out.append(lines[index])
            index += 1
            continue
        pairs = [_pair(line) for line in lines[index:end]]
        rows = [("", *points)]
        rows += [(f"{p[0]} – {p[1]}", *([""] * len(points))) for p in pairs if p is not None]
        words = " ".join(r[0] for r in rows[1:])
        out.append(replace(lines[index], kind="table", rows=tuple(rows), text=words, raw=words))
        index = end + 1
    return out
