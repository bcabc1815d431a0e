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
