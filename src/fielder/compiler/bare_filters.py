"""A filter written as a bare test on a line of its own, right over the question it is for:
`Q2 = Walking or Cycling only`, `B4 = 'Weekly'`, `Q3 = 1 OR Q7 = 2`, `(S2 >= 18 only)`.

Spec sheets and plain-text drafts set a question's base this way, naming the answers by their
codes or by their labels, with no "ASK IF" before it. Between one question's answers and the next
question's label it can only be the next question's filter: it names another question, moves
nowhere and ends nothing. The line is handed on as an `ASK IF` note, which the condition reader
reads (codes, labels, or an unambiguous start of a label).
"""

from __future__ import annotations

import re

_ID = r"[A-Z]{1,4}\d{1,3}[a-z]?"
_SIGN = r"(?:==?|≠|!=|<>|>=|<=|≥|≤|<|>)"
_TEST = rf"{_ID}\s*{_SIGN}\s*[^=<>≠≥≤?;:]{{1,200}}?"
_BARE_TEST_RE = re.compile(
    rf"^[\[(]?\s*(?P<test>{_TEST}(?:\s+(?:AND|OR)\s+{_TEST})*?)"
    r"(?:\s+ONLY)?\s*[\])]?\s*\.?\s*$",
    re.I,
)
_FIRST_ID_RE = re.compile(rf"^[\[(]?\s*(?P<id>{_ID})", re.I)
# a jump or an ending written after the test is a rule of the question above, not a filter
_ACTION_RE = re.compile(
    r"→|->|=>|\b(?:GO|SKIP|JUMP|CONTINUE|PROCEED|MOVE)\s+(?:ON\s+)?TO\b|"
    r"\b(?:TERMINATE|SCREEN\s*OUT|THANK|CLOSE|END|STOP|ASK|SHOW)\b",
    re.I,
)


def bare_filter(text: str, current_id: str | None) -> str:
    """The `ASK IF` note a bare test line writes ("" when the line is not one). A test on the
    question it stands under (`current_id`) is that question's own rule, not a filter."""
    match = _BARE_TEST_RE.match(text.strip())
    if match is None or _ACTION_RE.search(text) or len(text) > 240:
        return ""
    first = _FIRST_ID_RE.match(text.strip())
    if first is None:
        return ""
    return f"ASK IF {match['test'].strip()}"
