"""Grid column headings that are the scale's own numbers, words under the end points.

A form tool's grid (and many a hand-made table) heads its columns with the points of the scale
and writes the end words under the end numbers in the same cell: `0 / Not true for me | 1 | 2 |
3 | 4 / Very true for me`. The numbers are the codes the author stores (the scale may start at
0), not positions: each column keeps its number, labelled by its words where it has some.
"""

from __future__ import annotations

import re

from fielder.ir.models import Option

_POINT_RE = re.compile(r"^\s*(?P<code>-?\d{1,2})(?:\s*[-–—=:.)]?\s+(?P<words>[^\W\d_].*?))?\s*$")


def numbered_headings(first: tuple[str, ...]) -> list[Option] | None:
    """The columns of a headings row (its first cell the statements' corner) whose every
    heading is a point number, the end ones (at least one) with words: the points, coded by
    their numbers, which run on by one. None for any other row."""
    cells = [c for c in first[1:] if c.strip()]
    if len(cells) < 3 or len(cells) != len(first) - 1:
        return None
    found = [_POINT_RE.match(c) for c in cells]
    if not all(found):
        return None
    points = [m for m in found if m]
    codes = [int(m["code"]) for m in points]
    if codes != list(range(codes[0], codes[0] + len(codes))):
        return None
    worded = [i for i, m in enumerate(points) if m["words"]]
    if not worded or any(0 < i < len(points) - 1 for i in worded):
        return None  # words only on the end points (or on one of them)
    return [Option(code=m["code"], label=(m["words"] or m["code"]).strip()) for m in points]
