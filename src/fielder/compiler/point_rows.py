"""Lettered items on rows of their own under a census-table question, each over the same points.

A DHS-style table (`NO. | QUESTIONS AND FILTERS | CODING CATEGORIES`) writes a battery as one
question row whose answer cell only names the measure (`NUMBER OF DAYS`), then one row per item
with no number of its own: the item in the question cell (`a. Cereals, grains and tubers`) and
the same row of points in the answer cell (`0 1 2 3 4 5 6 7`). The items are the rows of a grid
and the points its columns; each point is its own label.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

_ITEM_RE = re.compile(r"^\(?(?P<letter>[a-z])[.)]\s+(?P<label>\S.*)$")
_POINTS_RE = re.compile(r"^-?\d{1,2}(?:\s+-?\d{1,2}){1,12}$")


def item_points(text: str, answers: str) -> tuple[str, str] | None:
    """(the item's words, its points) for a row `a. Item | 0 1 2 3` (None for any other)."""
    item = _ITEM_RE.match(text.strip())
    points = " ".join(answers.split())
    if item is None or not _POINTS_RE.match(points):
        return None
    return item["label"].strip(), points


def point_row_lines(items: list[tuple[str, str]], start: int) -> list[Line] | None:
    """The grid's lines for a run of item rows that all share one row of points."""
    if len(items) < 2 or len({points for _, points in items}) != 1:
        return None
    lines = [Line(text="Rows:", raw="Rows:", start=start)]
    lines.extend(Line(text=label, raw=label, is_option=True, start=start) for label, _ in items)
    lines.append(Line(text="Columns:", raw="Columns:", start=start))
    lines.extend(
        Line(text=point, raw=point, code=point, is_option=True, start=start)
        for point in items[0][1].split()
    )
    return lines
