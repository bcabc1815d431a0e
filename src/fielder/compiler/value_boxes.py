"""A value box's note in a spec's unit column: `£000, 0–99999999`, `persons, 0–999999`,
`text, 200 characters`.

Business and census forms give each entry box its unit and its bounds in a column of their
own ("Unit / range"), with nothing else in the cell. The unit (a currency with its scale, or a
counted thing) and the bounds say the box takes a number; the bounds are its range. `text`
with a length in characters is a one-line text box (a comment box is said in other words:
"text box, several lines").
"""

from __future__ import annotations

import re

# "£000", "€ thousand", "$k", "US$ m", "persons", "hectares", "head": a unit, then its bounds
# (one word, as a unit column writes it: "Whole pounds, 0 to 200" in a block's note is the
# range of the questions under it, not a box of the screen it sits by)
_UNIT = (
    r"(?:[A-Z]{0,3}[£$€¥₹]\s?(?:'?000|k|m|bn|thousands?|millions?)?"
    r"|[A-Za-z]{3,14})"
)
_BOUNDS_RE = re.compile(
    rf"^\s*{_UNIT}\s*,\s*(?P<lo>-?\d[\d,]*)\s*(?:–|—|-|to)\s*(?P<hi>\d[\d,]*)\s*\.?\s*$", re.I
)
# words that are never a unit: the note would be a type or a check, not a box's unit
_NOT_UNIT_RE = re.compile(
    r"^\s*(?:codes?|text|date|time|scale|rating|rows?|columns?|items?)\b", re.I
)
_TEXT_LENGTH_RE = re.compile(
    r"^\s*(?:short\s+)?text\s*(?:,|\(|:)?\s*(?:up\s+to\s+|max(?:imum)?\.?\s+)?\d{1,4}\s+"
    r"char(?:acter)?s\)?\s*\.?\s*$",
    re.I,
)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def value_box(text: str) -> tuple[str, tuple[float, float] | None] | None:
    """The type (and range) a unit-column note gives its box; None for any other note."""
    if _TEXT_LENGTH_RE.match(text):
        return "text", None
    match = _BOUNDS_RE.match(text)
    if match is None or _NOT_UNIT_RE.match(text):
        return None
    low, high = _number(match["lo"]), _number(match["hi"])
    if low >= high:
        return None
    return "number", (low, high)
