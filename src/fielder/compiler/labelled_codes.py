"""A condition naming each answer by its words with the data code in brackets after them.

Scripting tables that print codes after the labels write their routing the same way:
`Walk (1) or Cycle (4) → SCREEN OUT`, `Never (5), Rarely (6) → B4`. The codes in brackets
are what the condition tests; the words only repeat the answers' labels (and may hold words,
"Under 18", that would read as a bound on a number).
"""

from __future__ import annotations

import re

# the answers split after each closing bracket: "Walk (1)", "or", "Cycle (4)"
_JOIN_RE = re.compile(r"(?<=\))\s*(?:,|/|\bor\b|&)\s*", re.I)
_LABELLED_RE = re.compile(
    r"^(?:(?:CODES?|ANSWERS?)\s+)?[^()\d\W][^()]{0,60}?\s*\((?P<code>\d{1,3})\)$", re.I
)

# "F15 = 2", "F15 is 6 or more AND F2 includes Food voucher (1)": a test of a named question,
# so the bracketed code belongs to one clause, not to the whole condition
_TESTS_A_QUESTION_RE = re.compile(
    r"\b[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:=|<|>|!|\b(?:is|are|was|were|includes?|contains?)\b)", re.I
)


def labelled_codes(text: str) -> str:
    """`Walk (1) or Cycle (4)` → `CODE 1 OR 4`; any other condition as it was."""
    parts = _JOIN_RE.split(text.strip().rstrip(" .:"))
    found = [_LABELLED_RE.match(part.strip()) for part in parts]
    if not all(found) or _TESTS_A_QUESTION_RE.search(text):
        return text
    return "CODE " + " OR ".join(m["code"] for m in found if m)
