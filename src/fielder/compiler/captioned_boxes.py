"""An answer cell that is a captioned row of digit boxes: `NUMBER OF PEOPLE |__|__| (1–30)`.

Interview forms put the unit or field name before the boxes (`AGE IN YEARS`, `AMOUNT`, `ACRES`),
one box a digit, a decimal point between boxes for tenths, and often the allowed range in
brackets after. `DAY |__|__| MONTH |__|__| YEAR |__|__|__|__|` is a date. Such a cell is the
entry box, not a coded answer: it becomes the notes `NUMERIC` / `DATE` and the range.
"""

from __future__ import annotations

import re

_BOXES = r"\|_{1,4}(?:\|(?:\s*[.,]\s*\|)?_{1,4})+\|"
_CAPTIONED_RE = re.compile(
    rf"^(?P<caption>[^\W\d_][^|_()]{{0,40}}?)?\s*(?P<boxes>{_BOXES})\s*"
    # ("%", "mg/day", "mL/min": a unit in signs or per another unit)
    r"(?P<unit>%|[^\W\d_][^\W\d_ /]{0,12}(?:/[^\W\d_]{1,8})?)?\s*"
    r"(?:\(\s*(?P<low>-?\d+(?:[.,]\d+)?)\s*(?:–|—|-|to)\s*(?P<high>-?\d+(?:[.,]\d+)?)\s*\))?\s*$",
    re.I,
)
_DATE_PARTS_RE = re.compile(
    rf"^(?:(?:DAY|DD|MONTH|MM|YEAR|YYYY|YY)\s*:?\s*{_BOXES}\s*[/.-]?\s*){{2,3}}$", re.I
)


def captioned_box_notes(cell: str) -> list[str] | None:
    """The notes for a captioned digit-box cell, or None when the cell is something else."""
    text = cell.strip()
    if _DATE_PARTS_RE.match(text):
        return ["DATE"]
    found = _CAPTIONED_RE.match(text)
    if found is None:
        return None
    notes = ["NUMERIC"]
    if found["low"] is not None:
        notes.append(f"RANGE {found['low'].replace(',', '.')}-{found['high'].replace(',', '.')}")
    return notes
