"""A grid's scale written as a header row inside an agency sheet's answer column.

Agency layouts put a battery's answer scale in the cells to the right of a `Statement` (or
`Item`, `Attribute`) heading, one point a cell (`1  Disagree strongly | 2  Disagree | …`), and
list the statements under it, lettered `a`, `b`, `c` in the code column. The heading row is the
scale, written out as a `1 = …, 2 = …` key the grid rules read, and the letters only mark the
statements (they are rows, not answer codes).
"""

from __future__ import annotations

import re

_ROW_HEAD_RE = re.compile(
    r"^(?:statements?|items?|attributes?|aspects?|rows?|afirmaci[óo]n(?:es)?|[ée]nonc[ée]s?|"
    r"aussagen?|stellingen?|affermazioni)\s*:?$",
    re.I,
)
# "1  Disagree strongly", "5 - Agree strongly", "Agree strongly (5)"
_POINT_RE = re.compile(
    r"^(?:(?P<n>-?\d{1,2})\s*[-–.:)]?\s+(?P<words>\D.*)|(?P<words2>\D.*?)\s*\((?P<n2>-?\d{1,2})\))$"
)
_LETTER_RE = re.compile(r"^[a-zA-Z][.)]?$")


def scale_key(row: tuple[str, ...], label_at: int) -> str | None:
    """`1 = …, 2 = …` when the answer cell holds a statements heading and the cells after it
    each hold a scale point with its words; None otherwise."""
    if label_at >= len(row) or not _ROW_HEAD_RE.match(row[label_at].strip()):
        return None
    points = []
    for cell in row[label_at + 1 :]:
        if not cell.strip():
            continue
        match = _POINT_RE.match(cell.strip())
        if match is None:
            return None
        number = match["n"] if match["n"] is not None else match["n2"]
        words = " ".join((match["words"] or match["words2"]).split())
        points.append(f"{number} = {words}")
    return ", ".join(points) if len(points) >= 2 else None


def item_letter(code: str) -> bool:
    """Whether a code cell only letters a statement (`a`, `b)`)."""
    return bool(_LETTER_RE.match(code.strip()))
