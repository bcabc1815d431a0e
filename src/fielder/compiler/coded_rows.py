"""A grid's statements and scale in one coded answer list: statements coded by letter or row.

Specification sheets with one row per answer code list a grid's statements and its scale in
the same code column, statements first:

    A10 | How much do you agree …? | a  | I mainly drink it for the caffeine | Grid
        |                          | b  | I prefer smaller cans              |
        |                          | 1  | Strongly disagree                  |
        |                          | 2  | Disagree                           |

The statements carry letters (`a`, `b`, `c` …) or row codes (`R1`, `R2` …), the scale numbers.
Two runs like that, statements then points (a heading such as `SCALE:` between them aside),
are the rows and the columns of a grid.
"""

from __future__ import annotations

import re

from fielder.compiler.options import RawOption

_ROW_CODE_RE = re.compile(r"^[Rr]\d{1,2}$")
_POINT_CODE_RE = re.compile(r"^-?\d{1,3}$")
_HEADING_RE = re.compile(r"^\s*(?:SCALE|COLUMNS?|ANSWERS?|RESPONSES?|CODES?)?\s*:?\s*$", re.I)


def _row_codes(codes: list[str]) -> bool:
    """`a, b, c …` (either case, in order) or `R1, R2 …`."""
    if all(_ROW_CODE_RE.match(c) for c in codes):
        return True
    if not all(len(c) == 1 and c.isalpha() for c in codes):
        return False
    first = "a" if codes[0].islower() else "A"
    return codes == [chr(ord(first) + place) for place in range(len(codes))]


def coded_rows(raw: list[RawOption]) -> tuple[list[str], list[RawOption]] | None:
    """(statements, scale) when lettered or row-coded answers come before numbered ones."""
    # a heading line between the two lists ("SCALE:", "Columns:") is neither
    kept = [o for o in raw if o.code is not None or not _HEADING_RE.match(o.label)]
    if any(o.code is None for o in kept):
        return None
    split = next((i for i, o in enumerate(kept) if _POINT_CODE_RE.match(o.code or "")), 0)
    rows, points = kept[:split], kept[split:]
    if len(rows) < 2 or len(points) < 2:
        return None
    if not _row_codes([o.code or "" for o in rows]):
        return None
    if not all(_POINT_CODE_RE.match(o.code or "") for o in points):
        return None
    return [o.label for o in rows], points
