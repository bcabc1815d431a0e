"""Answers across a question's row in a workbook with their codes in the row under them:

    D1 | Are you…? | Male | Female | In another way | Prefer not to say
       | code →    | 1    | 2      | 3              | 9

The second row's first words name it a row of codes ("code →", "Codes", "Value"); each code
stands under its answer.
"""

from __future__ import annotations

import re

_CODES_HEAD_RE = re.compile(r"^(?:codes?|values?|punch(?:es)?|code\s*no\.?)\s*(?:→|->|:)?$", re.I)
_CODE_RE = re.compile(r"^[A-Za-z]?\d{1,3}$")


def is_screen_name(cell: str) -> bool:
    """True for a screen's name in a label column ("END", "INTRO", "THANKS")."""
    from fielder.compiler.classify import DISPLAY_WORDS  # classify reads lines, which read sheets

    return cell.strip().rstrip(".:").upper() in DISPLAY_WORDS


def codes_under(row: list[str], below: list[str] | None) -> list[tuple[str, str]] | None:
    """(answer, code) pairs when `below` is a row of codes under the answers of `row`
    (its cells from the third on), or None."""
    if below is None or len(below) < 3 or below[0].strip():
        return None
    if not _CODES_HEAD_RE.match(below[1].strip()):
        return None
    pairs = [
        (answer.strip(), code.strip())
        for answer, code in zip(row[2:], below[2:], strict=False)
        if answer.strip() or code.strip()
    ]
    if len(pairs) < 2 or not all(a and _CODE_RE.match(c) for a, c in pairs):
        return None
    return pairs


_POINT_RE = re.compile(r"^(?P<code>\d{1,2})(?:\s*[-–=:.]?\s+(?P<words>\D.*))?$")


def points_across(cells: list[str]) -> list[tuple[str, str]] | None:
    """(code, label) for a row of scale points across cells ("0 Not at all likely | 1 | … |
    10 Extremely likely"), numbered in a run, or None."""
    found = [_POINT_RE.match(c.strip()) for c in cells if c.strip()]
    if len(found) < 3 or not all(found):
        return None
    numbers = [int(m["code"]) for m in found if m]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    if not any(m["words"] for m in found if m):
        return None  # bare numbers across a row: a grid's column codes, not a scale of its own
    return [(m["code"], (m["words"] or m["code"]).strip()) for m in found if m]


# "SCALE → 1 Very dissatisfied | 2 | 3 | 4 | 5 Very satisfied": a grid's scale in one cell
_SCALE_CELL_RE = re.compile(
    r"^(?:SCALE|Scale|ESCALA|[ÉE]CHELLE|SKALA|SCALA|SCHAAL)\s*(?:→|-+>|:)\s*(?P<rest>[^|]+(?:\|[^|]+){2,})$"
)


def scale_cell(text: str) -> list[tuple[str, str]] | None:
    """(code, label) for each point of a scale written in one cell, or None."""
    match = _SCALE_CELL_RE.match(text.strip())
    return points_across(match["rest"].split("|")) if match else None
