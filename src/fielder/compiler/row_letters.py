"""Grid rows listed with their letters in front and no bracket or stop after them.

A spec's `ROWS:` block may print each statement after a bare letter (`a Punctuality`,
`b Cleanliness of the bus`, …). The letters only count the rows; where every row opens with
the next letter of the alphabet (`a`, `b`, `c`… or `A`, `B`, `C`…), they are left out of the
row labels, as `a.` and `a)` markers are.
"""

from __future__ import annotations

import re

_LETTER_RE = re.compile(r"^(?P<letter>[A-Za-z])[.)]?\s+(?=\S)")


def without_row_letters(rows: list[str]) -> list[str]:
    """The rows without their counting letters, when all of them count a, b, c… in order."""
    if len(rows) < 2:
        return rows
    marks = [_LETTER_RE.match(row) for row in rows]
    if any(mark is None for mark in marks):
        return rows
    letters = [mark["letter"] for mark in marks if mark is not None]
    first = "a" if letters[0].islower() else "A"
    if letters != [chr(ord(first) + place) for place in range(len(letters))]:
        return rows
    return [row[mark.end() :] for row, mark in zip(rows, marks, strict=True) if mark is not None]
